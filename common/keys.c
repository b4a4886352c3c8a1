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
			nib_grow(&kb->buf, &kb->cap, f->o + n + rest + 2);
			emit(f, s, n);
			return;
		}
		if ((size_t)m <= kb->cpcap)
			break;
		kb->cp = nib_realloc(kb->cp, (size_t)m, sizeof *kb->cp);
		kb->cpcap = (size_t)m;
	}
	nib_grow(&kb->buf, &kb->cap, f->o + (size_t)m * 5 + rest + 2);
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

size_t
nib_key_fold(struct nib_keybuf *kb, int mode, const unsigned char *s, size_t n)
{
	struct fold f = { kb, 0, 0, mode };
	size_t i = 0, j;

	nib_grow(&kb->buf, &kb->cap, n + 2);
	while (i < n) {
		unsigned c = s[i];
		if (c < 0x80) {
			if (mode == NIB_KEY_CASE)
				kb->buf[f.o++] = (unsigned char)lower((int)c);
			else if (foldtab[c]) {
				if (f.sep) {
					kb->buf[f.o++] = ' ';
					f.sep = 0;
				}
				kb->buf[f.o++] = foldtab[c];
			} else
				f.sep = f.o > 0;
			i++;
			continue;
		}
		for (j = i + 1; j < n && s[j] >= 0x80; j++)
			;
		foldhigh(&f, s + i, j - i, n - j);
		i = j;
	}
	return f.o;
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

	if (mode == NIB_KEY_EXACT)
		return tokey(XXH3_128bits(s, n));
	m = nib_key_fold(kb, mode, s, n);
	if (m == 0)
		return tokey(XXH3_128bits_withSeed(s, n, 1));
	return tokey(XXH3_128bits(kb->buf, m));
}

uint64_t
nib_key_token(struct nib_keybuf *kb, const unsigned char *s, size_t n)
{
	unsigned char t[16];
	size_t i;

	if (n <= sizeof t) {
		for (i = 0; i < n && s[i] < 0x80; i++)
			t[i] = (unsigned char)lower(s[i]);
		if (i == n)
			return XXH3_64bits(t, n);
	}
	return XXH3_64bits(kb->buf, nib_key_fold(kb, NIB_KEY_FOLD, s, n));
}

void
nib_keybuf_free(struct nib_keybuf *kb)
{
	free(kb->buf);
	free(kb->cp);
	memset(kb, 0, sizeof *kb);
}
