#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "mem.h"
#include "norm.h"
#include "utf8.h"

extern const unsigned char nib_data_entities[];
extern const size_t nib_data_entities_len;

/* Byte classes of the fast path. */
enum { B_PLAIN, B_BLANK, B_AMP, B_CTRL, B_HIGH, B_NL };
/* Code point classes, cached in nm->cls (0: not yet known). */
enum { C_UNKNOWN, C_SAFE, C_UNSAFE, C_DROP, C_BLANK, C_FOLD };

#define NONE ((size_t)-1)
/*
 * An invalid byte, in a run being repaired: told apart from a U+FFFD that
 * was in the input, which may stand for a byte a decoder could not read.
 */
#define BADBYTE (-2)

static void
grow32(int32_t **p, size_t *cap, size_t n)
{
	if (*cap >= n)
		return;
	while (*cap < n)
		*cap = *cap ? *cap * 2 : 256;
	*p = nib_realloc(*p, *cap, sizeof **p);
}

/*
 * A chunk that normalization must see whole is a starter and the
 * characters after it that fail the quick check.  Past this many bytes
 * (a pathological pile of combining marks) it is cut, so that time stays
 * linear: utf8proc sorts marks in quadratic time.
 */
#define CHUNKMAX 4096
/* Longest entity name in the table is 31 bytes. */
#define ENTMAX 32

static unsigned char bcls[256];

struct entity {
	const char *name;
	unsigned char len, ncp;
	int32_t cp[2];
};
static struct entity *ents;
static size_t nents;

/* Windows-1252's 0x80-0x9F; 0 where it defines nothing. */
static const uint16_t cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int
entcmp(const void *a, const void *b)
{
	const struct entity *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->name, y->name, n);

	return c ? c : (int)x->len - (int)y->len;
}

/* Reads the entity table (common/data/entities.txt) once. */
static void
loadents(void)
{
	const char *p = (const char *)nib_data_entities;
	const char *end = p + nib_data_entities_len;
	size_t cap = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *sp;
		char *q;
		struct entity e;

		if (nl == NULL)
			nl = end;
		sp = memchr(p, ' ', (size_t)(nl - p));
		if (*p != '#' && sp != NULL && sp - p < ENTMAX) {
			e.name = p;
			e.len = (unsigned char)(sp - p);
			e.ncp = 0;
			e.cp[1] = 0;
			while (sp < nl && e.ncp < 2) {
				e.cp[e.ncp++] = (int32_t)strtol(sp, &q, 16);
				sp = q;
				while (sp < nl && *sp == ' ')
					sp++;
			}
			nib_grow(&ents, &cap, (nents + 1) * sizeof *ents);
			ents[nents++] = e;
		}
		p = nl + 1;
	}
	qsort(ents, nents, sizeof *ents, entcmp);
}

static void
init(void)
{
	for (int c = 0; c < 256; c++) {
		if (c >= 0x80)
			bcls[c] = B_HIGH;
		else if (c == ' ' || c == '\t' || c == '\r')
			bcls[c] = B_BLANK;
		else if (c == '\n')
			bcls[c] = B_NL;
		else if (c == '&')
			bcls[c] = B_AMP;
		else if ((c < ' ' && c != '\f') || c == 0x7f)
			bcls[c] = B_CTRL;
		else
			bcls[c] = B_PLAIN;
	}
	loadents();
}

int
nib_norm_entity(const char *name, size_t len, int32_t cp[2])
{
	struct entity key = { .name = name, .len = (unsigned char)len }, *e;

	if (ents == NULL)
		init();
	if (len == 0 || len >= ENTMAX)
		return 0;
	e = bsearch(&key, ents, nents, sizeof *ents, entcmp);
	if (e == NULL)
		return 0;
	cp[0] = e->cp[0];
	cp[1] = e->cp[1];
	return e->ncp;
}

struct nib_norm *
nib_norm_new(int flags)
{
	struct nib_norm *nm = nib_calloc(1, sizeof *nm);

	if (ents == NULL)
		init();
	nm->flags = flags;
	/* One byte a code point; calloc'd pages cost nothing until touched. */
	nm->cls = nib_calloc(0x110000, 1);
	nm->badoff = -1;
	nm->dirty = NONE;
	return nm;
}

void
nib_norm_free(struct nib_norm *nm)
{
	if (nm == NULL)
		return;
	free(nm->cls);
	free(nm->o);
	free(nm->u);
	free(nm->nb);
	free(nm);
}

/*
 * -a: the ASCII spelling of typographic punctuation, or NULL.  Quotes,
 * primes and guillemets become ' or ", hyphens and en dashes -, em dashes
 * --, the ellipsis "...".
 */
static const char *
fold(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B:
	case 0x2032: case 0x2035: case 0x2039: case 0x203A: case 0x02BC:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F:
	case 0x2033: case 0x2036: case 0x00AB: case 0x00BB:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
		return "-";
	case 0x2014: case 0x2015:
		return "--";
	case 0x2026:
		return "...";
	default:
		return NULL;
	}
}

/*
 * The quick check: a safe character is a starter that normalization
 * leaves as it is and that never combines with what comes before it
 * (combining marks and the Hangul vowel and trailing jamo do), so text
 * made of safe characters is normalized already.
 */
static int
safe(const struct nib_norm *nm, int32_t cp)
{
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	utf8proc_uint8_t in[4], *out = NULL;
	utf8proc_ssize_t n, m;
	int ok;

	if (p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN ||
	    p->category == UTF8PROC_CATEGORY_MC || p->category == UTF8PROC_CATEGORY_ME)
		return 0;
	if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2))
		return 0;
	n = utf8proc_encode_char(cp, in);
	m = utf8proc_map(in, n, &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    (nm->flags & NIB_NORM_NFKC ? UTF8PROC_COMPAT : 0));
	ok = m == n && memcmp(in, out, (size_t)n) == 0;
	free(out);
	return ok;
}

static int
classify(const struct nib_norm *nm, int32_t cp)
{
	if (cp < 0x80) {
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r')
			return C_BLANK;
		if ((cp < ' ' && cp != '\f') || cp == 0x7f)
			return C_DROP;
		return C_SAFE;
	}
	if (cp <= 0x9f || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
	    cp == 0xFEFF || cp == 0xAD)
		return C_DROP;
	if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x2028 ||
	    cp == 0x2029)
		return C_BLANK;
	if ((nm->flags & NIB_NORM_ASCII) && fold(cp) != NULL)
		return C_FOLD;
	return safe(nm, cp) ? C_SAFE : C_UNSAFE;
}

static inline int
cpclass(struct nib_norm *nm, int32_t cp)
{
	int k = nm->cls[cp];

	if (k == C_UNKNOWN)
		k = nm->cls[cp] = (unsigned char)classify(nm, cp);
	return k;
}

static inline void
reserve(struct nib_norm *nm, size_t n)
{
	if (nm->ocap - nm->olen < n)
		nib_grow(&nm->o, &nm->ocap, nm->olen + n);
}

static inline void
put(struct nib_norm *nm, int32_t cp)
{
	unsigned char *o = nm->o + nm->olen;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		nm->olen += 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		nm->olen += 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		nm->olen += 3;
	} else {
		o[0] = (unsigned char)(0xF0 | cp >> 18);
		o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[3] = (unsigned char)(0x80 | (cp & 0x3F));
		nm->olen += 4;
	}
}

/*
 * Decodes the character at s (n > 0 bytes).  Returns its length and sets
 * *cp; an invalid sequence sets *cp to -1 and returns the length of its
 * maximal subpart (Unicode 3.9), so each becomes one U+FFFD.
 */
static inline int
decode(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	int need, k;
	int32_t v;

	*cp = -1;
	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	if (c < 0xC2 || c > 0xF4)
		return 1;
	if (c < 0xE0) {
		need = 2;
		v = c & 0x1F;
	} else if (c < 0xF0) {
		need = 3;
		v = c & 0x0F;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else {
		need = 4;
		v = c & 0x07;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	}
	if (n < 2 || s[1] < lo || s[1] > hi)
		return 1;
	v = v << 6 | (s[1] & 0x3F);
	for (k = 2; k < need; k++) {
		if ((size_t)k >= n || (s[k] & 0xC0) != 0x80)
			return k;
		v = v << 6 | (s[k] & 0x3F);
	}
	*cp = v;
	return need;
}

/* Start of the character that ends at o[end] (output is valid UTF-8). */
static size_t
prevchar(const unsigned char *o, size_t end)
{
	do
		end--;
	while (end > 0 && (o[end] & 0xC0) == 0x80);
	return end;
}

/*
 * Where the chunk that an unsafe character joins begins: at the last
 * starter before it on this line (a few characters back at most).
 */
static size_t
chunkstart(const struct nib_norm *nm)
{
	size_t p = nm->olen;
	int32_t cp;

	for (int i = 0; i < 32 && p > nm->lstart; i++) {
		p = prevchar(nm->o, p);
		decode(nm->o + p, nm->olen - p, &cp);
		if (utf8proc_get_property(cp)->combining_class == 0)
			return p;
	}
	return p == nm->lstart ? p : nm->olen;
}

static void normchunk(struct nib_norm *);

/*
 * Before a starter is written: the chunk before it is normalized, and a
 * pending blank is written unless the line has nothing yet.
 */
static inline void
settle(struct nib_norm *nm)
{
	if (nm->dirty != NONE)
		normchunk(nm);
	reserve(nm, 8);
	if (nm->pend) {
		if (nm->olen > nm->lstart)
			nm->o[nm->olen++] = (unsigned char)nm->pend;
		nm->pend = 0;
	}
}

/* Writes a character that passed the quick check. */
static inline void
putsafe(struct nib_norm *nm, int32_t cp)
{
	settle(nm);
	put(nm, cp);
}

/*
 * A blank, written only before the next character: a run of blanks
 * becomes one space, a lone tab stays a tab.  It ends a chunk.
 */
static inline void
blank(struct nib_norm *nm, int c)
{
	if (nm->dirty != NONE)
		normchunk(nm);
	nm->pend = nm->pend ? ' ' : c;
}

/* A line break inside the text (a block's lines): trims around it. */
static void
newline(struct nib_norm *nm)
{
	if (nm->dirty != NONE)
		normchunk(nm);
	nm->pend = 0;
	reserve(nm, 1);
	nm->o[nm->olen++] = '\n';
	nm->lstart = nm->olen;
}

/* Writes a code point after normalization: folding and blanks only. */
static void
putnormed(struct nib_norm *nm, int32_t cp)
{
	const char *f;

	if (cp == ' ' || cp == '\t') {
		/* NFKC makes spaces, and a chunk may start at a blank. */
		blank(nm, cp);
		return;
	}
	if (nm->flags & NIB_NORM_ASCII && (f = fold(cp)) != NULL) {
		while (*f)
			putsafe(nm, *f++);
		return;
	}
	settle(nm);
	put(nm, cp);
}

/* Normalizes the chunk o[dirty..olen) in place. */
static void
normchunk(struct nib_norm *nm)
{
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    (nm->flags & NIB_NORM_NFKC ? UTF8PROC_COMPAT : 0);
	size_t p = nm->dirty, n = nm->olen - p;
	utf8proc_ssize_t m;

	nm->dirty = NONE;
	/* A character decomposes into at most 18 (U+FDFA). */
	grow32(&nm->nb, &nm->nbcap, n * 18 + 1);
	m = utf8proc_decompose(nm->o + p, (utf8proc_ssize_t)n, nm->nb,
	    (utf8proc_ssize_t)nm->nbcap, opt);
	if (m < 0 || (size_t)m > nm->nbcap)
		return;
	m = utf8proc_normalize_utf32(nm->nb, m, opt);
	if (m < 0)
		return;
	nm->olen = p;
	for (utf8proc_ssize_t i = 0; i < m; i++)
		putnormed(nm, nm->nb[i]);
}

/* Writes one code point through the classes: drop, blank, fold, check. */
static void
emit(struct nib_norm *nm, int32_t cp)
{
	const char *f;

	switch (cpclass(nm, cp)) {
	case C_SAFE:
		putsafe(nm, cp);
		break;
	case C_UNSAFE:
		if (nm->pend)
			settle(nm);
		if (nm->dirty == NONE)
			nm->dirty = chunkstart(nm);
		reserve(nm, 8);
		put(nm, cp);
		if (nm->olen - nm->dirty > CHUNKMAX)
			normchunk(nm);
		break;
	case C_DROP:
		nm->stats.removed++;
		break;
	case C_BLANK:
		if (cp == '\n')
			newline(nm);
		else
			blank(nm, cp == '\t' ? '\t' : ' ');
		break;
	case C_FOLD:
		for (f = fold(cp); *f; f++)
			putsafe(nm, *f);
		break;
	}
}

/* The byte that Windows-1252 or Latin-1 shows as cp, if it is a UTF-8
 * continuation byte (0x80-0xBF); -1 otherwise. */
static int
contbyte(int32_t cp)
{
	if (cp >= 0x80 && cp <= 0xBF)
		return (int)cp;
	if (cp < 0x152 || cp > 0x2122)
		return -1;
	for (int i = 0; i < 32; i++)
		if (cp1252[i] == cp)
			return 0x80 + i;
	return -1;
}

/*
 * Whether x, decoded from a mojibake sequence of need bytes, is text that
 * such a sequence plausibly meant: 0 no, 1 yes, 2 yes if it is not glued
 * to ASCII letters (a lone Greek, Cyrillic, Hebrew or Arabic letter in a
 * Latin word is not), 3 yes after a letter (a combining accent of
 * decomposed text, "cafe" U+0301).  Two-byte sequences are the risky ones (an
 * uppercase "É" before a quote mark is a real pair), so their results
 * must be Latin-1 or Latin Extended-A, one of the few Extended-B letters
 * in use (Romanian, Vietnamese, pinyin), or a letter of those scripts.
 */
static int
plausible(int32_t x, int need)
{
	switch (utf8proc_category(x)) {
	case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_CC:
		return 0;
	default:
		break;
	}
	if (need > 2)
		/* Samaritan, Mandaic and the like: "à" NBSP "»" in French. */
		return x < 0x800 || x > 0x8FF;
	if (x >= 0xA0 && x <= 0x17F)
		return 1;
	if (x == 0x192 || x == 0x1A0 || x == 0x1A1 || x == 0x1AF || x == 0x1B0 ||
	    x == 0x259 || (x >= 0x1CD && x <= 0x1DC) || (x >= 0x218 && x <= 0x21B))
		return 1;
	if (x >= 0x300 && x <= 0x36F)
		return 3;
	if ((x >= 0x386 && x <= 0x3CE) || (x >= 0x400 && x <= 0x45F) ||
	    x == 0x490 || x == 0x491 || (x >= 0x5D0 && x <= 0x5EA) ||
	    (x >= 0x620 && x <= 0x6D3))
		return 2;
	return 0;
}

static int
asciiletter(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Whether a two-byte sequence, lead then cont, between prev and next
 * could be real text: a capital and then a quote mark, dash or ellipsis
 * that ends a word ("IRMÃ”").
 */
static int
wordend(int32_t prev, int32_t cont, int32_t next)
{
	switch (cont) {
	case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2026:
	case 0x2013: case 0x2014: case 0xAB: case 0xBB: case 0xA0:
		break;
	default:
		return 0;
	}
	return prev >= 0 && nib_isupper(prev) && !(next >= 0 && nib_isletter(next));
}

/*
 * One pass of mojibake repair over u[0..m); prev and next are the
 * characters around it (-1: none).  Returns the new length.
 */
static size_t
unmoji(struct nib_norm *nm, int32_t *u, size_t m, int32_t prev, int32_t next)
{
	size_t r = 0, w = 0;

	while (r < m) {
		int32_t c = u[r], x, before, after;
		unsigned char b[4];
		int need, k, t, pl;

		if (c < 0xC2 || c > 0xF4)
			goto keep;
		need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (c == 0xE2 && r + 1 < m && u[r + 1] == 0x20AC &&
		    (r + 2 == m || u[r + 2] == 0xFFFD || contbyte(u[r + 2]) < 0)) {
			/*
			 * "â€" and no third byte: Windows-1252 has no character
			 * for 0x9D, so the decoder dropped it (or made it
			 * U+FFFD) from a closing double quote, E2 80 9D.
			 */
			u[w++] = 0x201D;
			r += 2 + (r + 2 < m && u[r + 2] == 0xFFFD);
			nm->stats.mojibake++;
			continue;
		}
		if (r + (size_t)need > m)
			goto keep;
		b[0] = (unsigned char)c;
		for (k = 1; k < need; k++) {
			if ((t = contbyte(u[r + k])) < 0)
				break;
			b[k] = (unsigned char)t;
		}
		if (k < need || decode(b, (size_t)need, &x) != need || x < 0)
			goto keep;
		if ((pl = plausible(x, need)) == 0)
			goto keep;
		before = w > 0 ? u[w - 1] : prev;
		after = r + (size_t)need < m ? u[r + need] : next;
		if (pl == 2 && (asciiletter(before) || asciiletter(after)))
			goto keep;
		if (pl == 3 && !(before >= 0 && nib_isletter(before)))
			goto keep;
		/*
		 * "×" and a no-break space before a number is arithmetic,
		 * not a Hebrew letter: a letter made with U+00A0 must stand
		 * next to other non-ASCII letters, as in a misread word.
		 */
		if (pl == 2 && u[r + 1] == 0xA0 && !(before >= 0x80 &&
		    nib_isletter(before)) && !(after >= 0x80 && nib_isletter(after)))
			goto keep;
		if (need == 2 && wordend(before, u[r + 1], after))
			goto keep;
		u[w++] = x;
		r += (size_t)need;
		nm->stats.mojibake++;
		continue;
keep:
		u[w++] = u[r++];
	}
	return w;
}

/*
 * Repairs the run u[0..m): mojibake (twice over for text that was
 * misread twice), then C1 controls that Windows-1252 defines.
 */
static size_t
repair(struct nib_norm *nm, size_t m, int32_t prev, int32_t next)
{
	int32_t *u = nm->u;
	size_t k;

	for (int pass = 0; pass < 3; pass++) {
		unsigned long long before = nm->stats.mojibake;

		m = unmoji(nm, u, m, prev, next);
		if (nm->stats.mojibake == before)
			break;
	}
	for (k = 0; k < m; k++)
		if (u[k] >= 0x80 && u[k] <= 0x9F && cp1252[u[k] - 0x80]) {
			u[k] = cp1252[u[k] - 0x80];
			nm->stats.mojibake++;
		}
	return m;
}

/*
 * A run of non-ASCII bytes from s[i]: decoded, repaired, written.  Most
 * runs (a curly quote, an accented letter, a word of Cyrillic or Han)
 * are valid, safe and hold no possible mojibake: they are copied whole.
 */
static size_t
run(struct nib_norm *nm, const unsigned char *s, size_t n, size_t i)
{
	size_t j = i, m = 0;
	int cand = 0, l;
	int32_t cp, prev = 0;

	while (j < n && s[j] >= 0x80) {
		l = decode(s + j, n - j, &cp);
		if (cp <= 0x9F || cpclass(nm, cp) != C_SAFE ||
		    (prev >= 0xC2 && prev <= 0xF4 && contbyte(cp) >= 0))
			goto slow;
		prev = cp;
		j += (size_t)l;
	}
	settle(nm);
	reserve(nm, j - i);
	memcpy(nm->o + nm->olen, s + i, j - i);
	nm->olen += j - i;
	return j;
slow:
	j = i;
	while (j < n && s[j] >= 0x80) {
		grow32(&nm->u, &nm->ucap, m + 1);
		l = decode(s + j, n - j, &cp);
		if (cp < 0) {
			nm->stats.invalid++;
			if (nm->badoff < 0)
				nm->badoff = (long long)j;
			if (nm->flags & NIB_NORM_CP1252) {
				/* One byte of Windows-1252 text. */
				cp = s[j] < 0xA0 ? cp1252[s[j] - 0x80] : s[j];
				l = 1;
				if (cp == 0)
					cp = s[j];
			} else
				/* U+FFFD once mojibake repair has seen it. */
				cp = BADBYTE;
		} else if (cp <= 0xF4)
			cand = 1;
		nm->u[m++] = cp;
		j += (size_t)l;
	}
	if (cand && !(nm->flags & NIB_NORM_NOMOJI))
		m = repair(nm, m, i > 0 ? s[i - 1] : -1, j < n ? s[j] : -1);
	for (size_t k = 0; k < m; k++)
		emit(nm, nm->u[k] == BADBYTE ? 0xFFFD : nm->u[k]);
	return j;
}

static int
digit(int c, int hex)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (hex && c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (hex && c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * A numeric reference's character, as HTML reads it: NUL, surrogates and
 * numbers past U+10FFFF are U+FFFD, 128-159 are Windows-1252's.
 */
static int32_t
numref(int32_t v)
{
	if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0xFFFD;
	if (v >= 0x80 && v <= 0x9F && cp1252[v - 0x80])
		return cp1252[v - 0x80];
	return v;
}

/*
 * The entity whose name starts at s[j] (just after its '&'): sets cp[0..*k)
 * and returns the index after its ';', or returns 0 when there is none.
 */
static size_t
entref(const unsigned char *s, size_t n, size_t j, int32_t cp[2], int *k)
{
	size_t d, a = j;
	int32_t v = 0;
	int hex, x;

	if (j < n && s[j] == '#') {
		hex = j + 1 < n && (s[j + 1] == 'x' || s[j + 1] == 'X');
		j += 1 + (size_t)hex;
		for (d = j; j < n && (x = digit(s[j], hex)) >= 0; j++)
			if (v <= 0x10FFFF)
				v = v * (hex ? 16 : 10) + x;
		if (j == d || j >= n || s[j] != ';')
			return 0;
		cp[0] = numref(v);
		*k = 1;
		return j + 1;
	}
	while (j < n && j - a < ENTMAX && (asciiletter(s[j]) ||
	    (s[j] >= '0' && s[j] <= '9')))
		j++;
	if (j >= n || s[j] != ';' ||
	    (*k = nib_norm_entity((const char *)s + a, j - a, cp)) == 0)
		return 0;
	return j + 1;
}

/*
 * '&' at s[i]: an entity (with its ';') decoded, or a literal '&'.  An
 * entity whose '&' was escaped again ("&amp;#8217;", "&amp;quot;": text
 * escaped twice, as scraped pages often hold it) is decoded whole.
 */
static size_t
entity(struct nib_norm *nm, const unsigned char *s, size_t n, size_t i)
{
	size_t j, j2;
	int32_t cp[2], cp2[2];
	int k, k2;

	if ((nm->flags & NIB_NORM_NOENT) || (j = entref(s, n, i + 1, cp, &k)) == 0) {
		putsafe(nm, '&');
		return i + 1;
	}
	nm->stats.entities++;
	while (k == 1 && cp[0] == '&' && (j2 = entref(s, n, j, cp2, &k2)) != 0) {
		j = j2;
		k = k2;
		cp[0] = cp2[0];
		cp[1] = cp2[1];
	}
	for (int t = 0; t < k; t++)
		/* A line stays a line: &NewLine; and &#10; are spaces. */
		emit(nm, cp[t] == '\n' || cp[t] == '\r' ? ' ' : cp[t]);
	return j;
}

#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL

/* The high bit of each byte of w that equals c (exact, no false hits). */
static inline uint64_t
bytes_eq(uint64_t w, uint64_t c)
{
	uint64_t x = w ^ (c * ONES);

	return ~(((x & ~HIGH) + ~HIGH) | x) & HIGH;
}

/*
 * The high bit of each byte of w (first byte lowest) where the fast path
 * must stop: non-ASCII, controls, DEL, '&', and a space that is not
 * followed by a plain byte within w or that would start an empty line.
 */
static inline uint64_t
stop8(uint64_t w, int empty)
{
	uint64_t sp = bytes_eq(w, ' '), special, ok;

	/*
	 * A byte below 0x20 has no high bit after adding 0x60, DEL has one
	 * after adding 1.  Only a non-ASCII byte carries into the next, so
	 * every bit below the first non-ASCII byte is exact, and the caller
	 * only looks at the lowest.
	 */
	special = (w & HIGH) | (~(w + 0x60 * ONES) & HIGH) |
	    ((w + ONES) & HIGH) | bytes_eq(w, '&') | sp;
	ok = sp & ~(special >> 8) & ~(0x80ULL << 56) & (empty ? ~0x80ULL : ~0ULL);
	return special & ~ok;
}

/*
 * The fast path: copies plain ASCII and single spaces between plain
 * bytes, eight bytes at a time where it can; stops at anything else.
 */
static size_t
fast(struct nib_norm *nm, const unsigned char *s, size_t n, size_t i)
{
	unsigned char *o, *o0;
	uint64_t w, stop;
	unsigned k;

	/* Eight bytes may be stored when fewer are kept. */
	reserve(nm, n - i + 8);
	o = nm->o + nm->olen;
	o0 = nm->o + nm->lstart;
	for (;;) {
		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
			stop = stop8(__builtin_bswap64(w), o == o0);
#else
			stop = stop8(w, o == o0);
#endif
			memcpy(o, &w, 8);
			if (stop == 0) {
				o += 8;
				i += 8;
				continue;
			}
			k = (unsigned)__builtin_ctzll(stop) >> 3;
			o += k;
			i += k;
		} else {
			while (i < n && bcls[s[i]] == B_PLAIN)
				*o++ = s[i++];
			if (i == n)
				break;
		}
		if (s[i] == ' ' && o > o0 && i + 1 < n && bcls[s[i + 1]] == B_PLAIN) {
			o[0] = ' ';
			o[1] = s[i + 1];
			o += 2;
			i += 2;
		} else
			break;
	}
	nm->olen = (size_t)(o - nm->o);
	return i;
}

const unsigned char *
nib_norm_line(struct nib_norm *nm, const unsigned char *s, size_t n,
    size_t *outlen)
{
	size_t i = 0;

	nm->olen = nm->lstart = 0;
	nm->pend = 0;
	nm->dirty = NONE;
	nm->badoff = -1;
	reserve(nm, n + 8);
	while (i < n) {
		if (nm->dirty == NONE && nm->pend == 0) {
			i = fast(nm, s, n, i);
			if (i == n)
				break;
		}
		switch (bcls[s[i]]) {
		case B_PLAIN:
			putsafe(nm, s[i++]);
			break;
		case B_BLANK:
			blank(nm, s[i++] == '\t' ? '\t' : ' ');
			break;
		case B_NL:
			newline(nm);
			i++;
			break;
		case B_AMP:
			i = entity(nm, s, n, i);
			break;
		case B_CTRL:
			nm->stats.removed++;
			i++;
			break;
		default:
			i = run(nm, s, n, i);
			break;
		}
	}
	if (nm->dirty != NONE)
		normchunk(nm);
	*outlen = nm->olen;
	return nm->o;
}
