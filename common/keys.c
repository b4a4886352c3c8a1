#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "keys.h"
#include "mem.h"
#include "utf8.h"

/* ASCII under NIB_KEY_FOLD: letters lowered, digits kept, the rest 0. */
static const unsigned char foldtab[128] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
	['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e',
	['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j',
	['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o',
	['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't',
	['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y',
	['Z'] = 'z',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e',
	['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j',
	['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o',
	['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't',
	['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y',
	['z'] = 'z',
};

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/* Folding state: where the output stands and whether a separator is due. */
struct fold {
	struct nib_keybuf *kb;
	size_t o;
	int sep;
	int mode;
};

static void
emit(struct fold *f, const unsigned char *p, size_t n)
{
	if (f->sep) {
		f->kb->buf[f->o++] = ' ';
		f->sep = 0;
	}
	memcpy(f->kb->buf + f->o, p, n);
	f->o += n;
}

/*
 * Folds the valid UTF-8 run s[0..n) through utf8proc (decomposition puts
 * combining marks in canonical order, which per-character folding would
 * not); rest is how many input bytes follow, to keep room for them.
 */
static void
foldrun(struct fold *f, const unsigned char *s, size_t n, size_t rest)
{
	struct nib_keybuf *kb = f->kb;
	utf8proc_option_t opt = f->mode == NIB_KEY_CASE ? UTF8PROC_CASEFOLD :
	    UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE;
	utf8proc_ssize_t m;
	unsigned char enc[4];

	for (;;) {
		m = utf8proc_decompose(s, (utf8proc_ssize_t)n, kb->cp,
		    (utf8proc_ssize_t)kb->cpcap, opt);
		if (m < 0) {
			/* Cannot happen on valid input; keep the bytes. */
			NIB_GROW(kb->buf, kb->cap, f->o + n + rest + 2);
			emit(f, s, n);
			return;
		}
		if ((size_t)m <= kb->cpcap)
			break;
		kb->cp = nib_realloc(kb->cp, (size_t)m, sizeof *kb->cp);
		kb->cpcap = (size_t)m;
	}
	NIB_GROW(kb->buf, kb->cap, f->o + (size_t)m * 5 + rest + 2);
	for (utf8proc_ssize_t i = 0; i < m; i++) {
		int32_t c = kb->cp[i];
		if (f->mode == NIB_KEY_CASE || nib_isletter(c) || nib_isdigit(c))
			emit(f, enc, (size_t)nib_utf8_encode(c, enc));
		else if (f->o > 0)
			f->sep = 1;
	}
}

/* The non-ASCII bytes s[0..n): valid runs folded, invalid bytes kept. */
static void
foldhigh(struct fold *f, const unsigned char *s, size_t n, size_t rest)
{
	size_t i = 0, a;
	int32_t cp;
	int l;

	while (i < n) {
		a = i;
		while (i < n && (l = nib_utf8_decode(s + i, n - i, &cp), cp >= 0))
			i += (size_t)l;
		if (i > a)
			foldrun(f, s + a, i - a, rest + n - i);
		if (i < n) {
			emit(f, s + i, 1);
			i++;
		}
	}
}

/*
 * The non-ASCII characters that are common in news text and are all word
 * breaks: U+2000..U+203F (spaces, dashes, curly quotes, ellipsis) and the
 * no-break space.  Returns their length, or 0 for any other.
 */
static size_t
fastbreak(const unsigned char *s, size_t n)
{
	if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] & 0xc0) == 0x80)
		return 3;
	if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
		return 2;
	return 0;
}

/*
 * Folding of the two-byte characters (U+0080..U+07FF: Latin, Greek,
 * Cyrillic, Hebrew, Arabic), looked up once each.  A character that is a
 * combining mark, or folds to a mix of word and non-word characters, is
 * left to utf8proc with its neighbours.
 */
enum { C_UNSET, C_WORD, C_BREAK, C_SLOW };
static struct two {
	unsigned char kind, len;
	unsigned char b[10];
} two[0x800];

static const struct two *
twobyte(struct nib_keybuf *kb, int32_t cp)
{
	struct two *t = &two[cp];
	utf8proc_int32_t out[8];
	utf8proc_ssize_t m;
	int word = 0, other = 0;

	if (t->kind != C_UNSET)
		return t;
	t->kind = C_SLOW;
	(void)kb;
	if (utf8proc_get_property(cp)->combining_class != 0)
		return t;
	m = utf8proc_decompose_char(cp, out, 8, UTF8PROC_CASEFOLD |
	    UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, NULL);
	if (m <= 0 || m > 8)
		return t;
	for (utf8proc_ssize_t i = 0; i < m; i++) {
		if (nib_isletter(out[i]) || nib_isdigit(out[i])) {
			if ((size_t)t->len + 4 > sizeof t->b)
				return t;
			t->len += (unsigned char)nib_utf8_encode(out[i], t->b + t->len);
			word = 1;
		} else
			other = 1;
	}
	if (word && other)
		return t;
	t->kind = word ? C_WORD : C_BREAK;
	return t;
}

/*
 * The two-byte character at s (n bytes left), when it can be folded on its
 * own: not followed by a character that could be a combining mark.
 */
static const struct two *
twofast(struct nib_keybuf *kb, const unsigned char *s, size_t n)
{
	const struct two *t;

	if (n < 2 || s[0] < 0xc2 || s[0] > 0xdf || (s[1] & 0xc0) != 0x80)
		return NULL;
	t = twobyte(kb, (s[0] & 0x1f) << 6 | (s[1] & 0x3f));
	if (t->kind == C_SLOW)
		return NULL;
	if (n > 2 && s[2] >= 0x80) {
		if (n < 4 || s[2] < 0xc2 || s[2] > 0xdf || (s[3] & 0xc0) != 0x80 ||
		    twobyte(kb, (s[2] & 0x1f) << 6 | (s[3] & 0x3f))->kind == C_SLOW)
			return NULL;
	}
	return t;
}

size_t
nib_key_fold(struct nib_keybuf *kb, int mode, const unsigned char *s, size_t n)
{
	struct fold f = { kb, 0, 0, mode };
	unsigned char *o;
	size_t i = 0, j, l;

	NIB_GROW(kb->buf, kb->cap, n + 2);
	while (i < n) {
		o = kb->buf + f.o;
		if (mode == NIB_KEY_CASE)
			for (; i < n && s[i] < 0x80; i++)
				*o++ = (unsigned char)lower(s[i]);
		else {
			/*
			 * Branch-free: a space is written ahead and kept only
			 * when a word character follows a break.
			 */
			int sep = f.sep, started = o != kb->buf;
			size_t e = i + nib_ascii_span(s + i, n - i);
			for (; i < e; i++) {
				unsigned char c = foldtab[s[i]];
				int w = c != 0;
				*o = ' ';
				o += w & sep;
				*o = c;
				o += w;
				started |= w;
				sep = (!w) & started;
			}
			f.sep = sep;
		}
		f.o = (size_t)(o - kb->buf);
		if (i == n)
			break;
		if (mode != NIB_KEY_CASE && (l = fastbreak(s + i, n - i)) > 0) {
			f.sep = f.o > 0;
			i += l;
			continue;
		}
		const struct two *t;
		if (mode != NIB_KEY_CASE && (t = twofast(kb, s + i, n - i)) != NULL) {
			if (t->kind == C_WORD)
				emit(&f, t->b, t->len);
			else
				f.sep = f.o > 0;
			i += 2;
			continue;
		}
		for (j = i + 1; j < n && s[j] >= 0x80; j++)
			;
		foldhigh(&f, s + i, j - i, n - j);
		i = j;
	}
	return kb->len = f.o;
}


static struct nib_key
tokey(XXH128_hash_t h)
{
	struct nib_key k = { h.low64, h.high64 };

	if (k.lo == 0 && k.hi == 0)
		k.lo = 1;	/* {0, 0} marks an empty slot in hash sets */
	return k;
}

struct nib_key
nib_key_make(struct nib_keybuf *kb, int mode, const unsigned char *s, size_t n)
{
	size_t m;

	if (mode == NIB_KEY_EXACT) {
		kb->len = n;
		return tokey(XXH3_128bits(s, n));
	}
	m = nib_key_fold(kb, mode, s, n);
	if (m == 0)
		return tokey(XXH3_128bits_withSeed(s, n, 1));
	return tokey(XXH3_128bits(kb->buf, m));
}

uint64_t
nib_key_token_ascii(struct nib_keybuf *kb, const unsigned char *s, size_t n)
{
	static const uint64_t lo = 0x2020202020202020ULL;
	uint64_t a = 0, b = 0;

	if (n > 16)
		return nib_key_token(kb, s, n);
	if (n >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + 8, n - 8);
		a |= lo;
		b |= lo & ((n - 8) ? ~0ULL >> (64 - 8 * (n - 8)) : 0);
	} else {
		memcpy(&a, s, n);
		a |= lo & (n ? ~0ULL >> (64 - 8 * n) : 0);
	}
	return nib_key_mix(a, b, n);
}

uint64_t
nib_key_token(struct nib_keybuf *kb, const unsigned char *s, size_t n)
{
	unsigned char t[16] = { 0 };
	uint64_t a, b;
	size_t i, m;

	if (n <= sizeof t) {
		for (i = 0; i < n && foldtab[s[i] & 0x7f] && s[i] < 0x80; i++)
			t[i] = foldtab[s[i]];
		if (i == n) {
			memcpy(&a, t, 8);
			memcpy(&b, t + 8, 8);
			return nib_key_mix(a, b, n);
		}
	}
	m = nib_key_fold(kb, NIB_KEY_FOLD, s, n);
	if (m <= sizeof t) {
		/* Folded to short ASCII ("ＴＡＸ"): hash it as the fast path would. */
		for (i = 0; i < m && kb->buf[i] < 0x80 && kb->buf[i] != ' '; i++)
			;
		if (i == m) {
			memset(t, 0, sizeof t);
			memcpy(t, kb->buf, m);
			memcpy(&a, t, 8);
			memcpy(&b, t + 8, 8);
			return nib_key_mix(a, b, m);
		}
	}
	return XXH3_64bits(kb->buf, m);
}

void
nib_keybuf_free(struct nib_keybuf *kb)
{
	free(kb->buf);
	free(kb->cp);
	memset(kb, 0, sizeof *kb);
}
