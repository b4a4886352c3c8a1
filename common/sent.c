/*
 * sent: sentence segmentation of one block.
 *
 * The scan looks only at candidate stops, found through a 256-entry byte
 * table (. ! ? and the lead bytes of the non-ASCII stops); everything else
 * is skipped a byte at a time.  At a candidate, decide() looks at the word
 * before the stop and the word after it: the word before through an
 * abbreviation table (open addressing, lower-cased keys), the word after
 * for its case and, after an abbreviation, through the table of words that
 * usually start a sentence.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "sent.h"
#include "utf8.h"
#include "keys.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

extern const unsigned char nib_data_abbrev[], nib_data_starters[],
    nib_data_ordinals[];
extern const size_t nib_data_abbrev_len, nib_data_starters_len,
    nib_data_ordinals_len;

/* Word kinds in the table (a word may have several). */
enum {
	W_ABBR = 1,	/* abbreviation that may end a sentence */
	W_TITLE = 2,	/* abbreviation before a name: never ends one */
	W_NUMBER = 4,	/* abbreviation before a number */
	W_START = 8,	/* usually starts a sentence */
	W_PREP = 16,	/* preposition that opens a phrase */
	W_ORDPRE = 32,	/* comes before an ordinal: "am 3. Oktober" */
	W_ORDPOST = 64	/* comes after an ordinal */
};

/* What the word before a period is. */
enum { K_WORD, K_NUM, K_ABBR, K_TITLE, K_NUMPRE };

/* What follows a stop and its white space. */
enum { N_END, N_LOWER, N_UPPER, N_DIGIT, N_OTHER };

/* List markers at the start of a block. */
enum { L_NONE, L_BULLET, L_DOT, L_PAREN, L_DOTPAREN, L_ALPHA = 8 };

#define KEYMAX 31

struct word {
	unsigned char key[KEYMAX];
	unsigned char len;
	unsigned char kind;
};

static struct word *tab;
static size_t tabcap, tabused, tabmax;	/* tabmax: longest key */

/*
 * Byte classes: 1 a possible stop, 2 a lead byte of a possible stop.  A
 * newline (only in paragraph blocks) is a soft wrap, but may end a heading
 * or come before a list item.
 */
static const unsigned char stopcls[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1,
	[0xd8] = 2, [0xe0] = 2, [0xe2] = 2, [0xe3] = 2, [0xef] = 2,
};

/* ASCII white space: space, tab, LF, VT, FF, CR. */
static const unsigned char asciiws[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
};


static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static void
tabput(const unsigned char *k, size_t n, int kind)
{
	size_t i;

	if (tabused * 2 >= tabcap) {
		struct word *old = tab;
		size_t oldcap = tabcap;

		tabcap = tabcap ? tabcap * 2 : 1024;
		tab = nib_calloc(tabcap, sizeof *tab);
		tabused = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].len)
				tabput(old[i].key, old[i].len, old[i].kind);
		free(old);
	}
	for (i = nib_fnv(k, n) & (tabcap - 1); tab[i].len; i = (i + 1) & (tabcap - 1))
		if (tab[i].len == n && memcmp(tab[i].key, k, n) == 0) {
			tab[i].kind |= kind;
			return;
		}
	memcpy(tab[i].key, k, n);
	if (n > tabmax)
		tabmax = n;
	tab[i].len = (unsigned char)n;
	tab[i].kind = (unsigned char)kind;
	tabused++;
}

/* Kind of the word s[0..n), compared without ASCII case; 0 when unknown. */
static int
tabget(const unsigned char *s, size_t n)
{
	unsigned char k[KEYMAX];
	size_t i;

	if (n == 0 || n > tabmax)
		return 0;
	for (i = 0; i < n; i++)
		k[i] = lower(s[i]);
	for (i = nib_fnv(k, n) & (tabcap - 1); tab[i].len; i = (i + 1) & (tabcap - 1))
		if (tab[i].len == n && memcmp(tab[i].key, k, n) == 0)
			return tab[i].kind;
	return 0;
}

/*
 * Adds the words of a list: one a line, '#' starts a comment, a final
 * period is dropped, an optional second field gives the kind.
 */
static size_t
addlist(const unsigned char *s, size_t n, int dflt)
{
	size_t i = 0, added = 0;

	while (i < n) {
		size_t e = i, a, b;
		unsigned char k[KEYMAX];
		int kind = dflt;

		while (e < n && s[e] != '\n')
			e++;
		a = i;
		while (a < e && (s[a] == ' ' || s[a] == '\t'))
			a++;
		b = a;
		while (b < e && s[b] != ' ' && s[b] != '\t' && s[b] != '\r' && s[b] != '#')
			b++;
		size_t f = b;
		while (f < e && (s[f] == ' ' || s[f] == '\t'))
			f++;
		if (dflt == W_ABBR && e - f >= 5 && memcmp(s + f, "title", 5) == 0)
			kind = W_TITLE;
		else if (dflt == W_ABBR && e - f >= 6 && memcmp(s + f, "number", 6) == 0)
			kind = W_NUMBER;
		else if (dflt == W_START && e - f >= 4 && memcmp(s + f, "prep", 4) == 0)
			kind = W_START | W_PREP;
		else if (dflt == W_ORDPRE && e - f >= 5 && memcmp(s + f, "after", 5) == 0)
			kind = W_ORDPOST;
		if (b > a && s[b - 1] == '.')
			b--;
		if (b > a && b - a <= KEYMAX) {
			for (size_t j = a; j < b; j++)
				k[j - a] = lower(s[j]);
			tabput(k, b - a, kind);
			added++;
		}
		i = e + 1;
	}
	return added;
}

static void
setup(void)
{
	if (tab != NULL)
		return;
	addlist(nib_data_abbrev, nib_data_abbrev_len, W_ABBR);
	addlist(nib_data_starters, nib_data_starters_len, W_START);
	addlist(nib_data_ordinals, nib_data_ordinals_len, W_ORDPRE);
}

size_t
nib_sent_abbrev_add(const unsigned char *s, size_t n)
{
	setup();
	return addlist(s, n, W_ABBR);
}

int
nib_sent_abbrev_file(const char *path)
{
	FILE *fp = fopen(path, "r");
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (fp == NULL)
		return -1;
	do {
		nib_grow(&buf, &cap, n + 65536);
		r = fread(buf + n, 1, cap - n, fp);
		n += r;
	} while (r > 0);
	if (ferror(fp)) {
		int e = errno;

		fclose(fp);
		free(buf);
		errno = e ? e : EIO;
		return -1;
	}
	fclose(fp);
	nib_sent_abbrev_add(buf, n);
	free(buf);
	return 0;
}

/* Length of the white-space character at s[i], 0 if none. */
static int
wslen(const unsigned char *s, size_t n, size_t i)
{
	unsigned char c = s[i];

	if (c < 0x80)
		return asciiws[c];
	if (c == 0xc2 && i + 1 < n && s[i + 1] == 0xa0)
		return 2;
	if (i + 2 >= n)
		return 0;
	if (c == 0xe2 && s[i + 1] == 0x80 && ((s[i + 2] >= 0x80 && s[i + 2] <= 0x8a) ||
	    s[i + 2] == 0xa8 || s[i + 2] == 0xa9 || s[i + 2] == 0xaf))
		return 3;
	if (c == 0xe2 && s[i + 1] == 0x81 && s[i + 2] == 0x9f)
		return 3;
	if (c == 0xe3 && s[i + 1] == 0x80 && s[i + 2] == 0x80)
		return 3;
	return 0;
}

/* Length of the white-space character that ends just before s[i]. */
static int
wsback(const unsigned char *s, size_t n, size_t lo, size_t i)
{
	if (i <= lo)
		return 0;
	if (s[i - 1] < 0x80)
		return asciiws[s[i - 1]];
	if (i - lo >= 2 && s[i - 2] == 0xc2 && s[i - 1] == 0xa0)
		return 2;
	if (i - lo >= 3 && wslen(s, n, i - 3) == 3)
		return 3;
	return 0;
}

static size_t
skipws(const unsigned char *s, size_t lim, size_t i)
{
	int l;

	while (i < lim && (l = wslen(s, lim, i)) > 0)
		i += (size_t)l;
	return i;
}

/* Stop kinds. */
enum { S_NONE, S_DOT, S_TERM, S_ELLIP, S_CJK };

/* The stop at s[i]: its kind, and its length in *len. */
static int
stopat(const unsigned char *s, size_t n, size_t i, int *len)
{
	unsigned char c = s[i], c1, c2;

	*len = 1;
	if (c == '.')
		return S_DOT;
	if (c == '!' || c == '?')
		return S_TERM;
	if (c < 0x80 || i + 1 >= n)
		return S_NONE;
	c1 = s[i + 1];
	if (c == 0xd8) {
		*len = 2;
		return c1 == 0x9f ? S_TERM : S_NONE;	/* Arabic question mark */
	}
	if (i + 2 >= n)
		return S_NONE;
	c2 = s[i + 2];
	*len = 3;
	switch (c) {
	case 0xe2:
		if (c1 == 0x80 && c2 == 0xa6)
			return S_ELLIP;
		if ((c1 == 0x80 && c2 == 0xbc) || (c1 == 0x81 && c2 >= 0x87 && c2 <= 0x89))
			return S_TERM;	/* double marks: U+203C, U+2047-2049 */
		break;
	case 0xe0:
		if (c1 == 0xa5 && (c2 == 0xa4 || c2 == 0xa5))
			return S_TERM;	/* danda, double danda */
		break;
	case 0xe3:
		if (c1 == 0x80 && c2 == 0x82)
			return S_CJK;	/* ideographic full stop */
		break;
	case 0xef:
		if ((c1 == 0xbc && (c2 == 0x81 || c2 == 0x9f)) || (c1 == 0xbd && c2 == 0xa1))
			return S_CJK;	/* fullwidth ! ?, halfwidth full stop */
		break;
	}
	return S_NONE;
}

/* Length of the closing quote or bracket at s[i], 0 if none. */
static int
closelen(const unsigned char *s, size_t n, size_t i)
{
	unsigned char c = s[i];

	if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}')
		return 1;
	if (c < 0x80 || i + 1 >= n)
		return 0;
	if (c == 0xc2 && s[i + 1] == 0xbb)
		return 2;	/* » */
	if (i + 2 >= n)
		return 0;
	if (c == 0xe2 && s[i + 1] == 0x80 &&
	    (s[i + 2] == 0x99 || s[i + 2] == 0x9d || s[i + 2] == 0xba))
		return 3;	/* ’ ” › */
	if (c == 0xe3 && s[i + 1] == 0x80 && ((s[i + 2] >= 0x89 && s[i + 2] <= 0x9b &&
	    (s[i + 2] & 1)) || s[i + 2] == 0x9e || s[i + 2] == 0x9f))
		return 3;	/* 〉 》 」 』 】 〕 〞 〟 and the like */
	if (c == 0xef && s[i + 1] == 0xbc && (s[i + 2] == 0x89 || s[i + 2] == 0xbd))
		return 3;	/* ） ］ */
	return 0;
}

/* Length of the opening quote or bracket at s[i], 0 if none. */
static int
openlen(const unsigned char *s, size_t n, size_t i)
{
	unsigned char c = s[i];

	if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '*' ||
	    c == '_')
		return 1;
	if (c < 0x80 || i + 1 >= n)
		return 0;
	if (c == 0xc2 && (s[i + 1] == 0xab || s[i + 1] == 0xbf || s[i + 1] == 0xa1))
		return 2;	/* « ¿ ¡ */
	if (i + 2 >= n)
		return 0;
	if (c == 0xe2 && s[i + 1] == 0x80 &&
	    (s[i + 2] == 0x98 || s[i + 2] == 0x9c || s[i + 2] == 0x9e || s[i + 2] == 0xb9))
		return 3;	/* ‘ “ „ ‹ */
	if (c == 0xe3 && s[i + 1] == 0x80 && ((s[i + 2] >= 0x88 && s[i + 2] <= 0x9a &&
	    !(s[i + 2] & 1)) || s[i + 2] == 0x9d))
		return 3;	/* 〈 《 「 『 【 〔 〝 and the like */
	if (c == 0xef && s[i + 1] == 0xbc && (s[i + 2] == 0x88 || s[i + 2] == 0xbb))
		return 3;	/* （ ［ */
	return 0;
}

static size_t
skipclose(const unsigned char *s, size_t lim, size_t i)
{
	int l;

	while (i < lim && (l = closelen(s, lim, i)) > 0)
		i += (size_t)l;
	return i;
}

static size_t
skipopen(const unsigned char *s, size_t lim, size_t i)
{
	int l;

	while (i < lim && (l = openlen(s, lim, i)) > 0)
		i += (size_t)l;
	return i;
}

static int
isalpha_(unsigned char c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static int
isdigit_(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Case of the letter at s[i]: N_UPPER, N_LOWER, N_OTHER for an uncased letter, or -1. */
static int
caseat(const unsigned char *s, size_t lim, size_t i)
{
	int32_t cp;

	if (s[i] < 0x80) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return N_LOWER;
		if (s[i] >= 'A' && s[i] <= 'Z')
			return N_UPPER;
		return -1;
	}
	nib_utf8_decode(s + i, lim - i, &cp);
	if (nib_isupper(cp))
		return N_UPPER;
	if (nib_islower(cp))
		return N_LOWER;
	if (nib_isletter(cp))
		return N_OTHER;
	return -1;
}

static size_t
charlen(const unsigned char *s, size_t lim, size_t i)
{
	int32_t cp;

	return s[i] < 0x80 ? 1 : (size_t)nib_utf8_decode(s + i, lim - i, &cp);
}

/*
 * What starts at s[i] (after white space and opening quotes): the end, a
 * lower-case word (not "iPhone"), a capital or an uncased letter, a digit,
 * or something else.
 */
static int
nextkind(const unsigned char *s, size_t lim, size_t i)
{
	int c;

	if (i >= lim)
		return N_END;
	if (isdigit_(s[i]))
		return N_DIGIT;
	c = caseat(s, lim, i);
	if (c == N_LOWER) {
		size_t j = i + charlen(s, lim, i);

		if (j < lim && caseat(s, lim, j) == N_UPPER)
			return N_UPPER;
		return N_LOWER;
	}
	if (c == N_UPPER || c == N_OTHER)
		return N_UPPER;
	return N_OTHER;
}

/* Does the word at s[i] usually start a sentence? */
static int
starter(const unsigned char *s, size_t lim, size_t i)
{
	size_t j = i;
	int k;

	while (j < lim && (isalpha_(s[j]) || s[j] == '\'' || s[j] >= 0x80) &&
	    wslen(s, lim, j) == 0 && closelen(s, lim, j) == 0)
		j++;
	while (j > i && s[j - 1] == '\'')
		j--;
	k = tabget(s + i, j - i);
	/*
	 * In capitals a preposition is no sign of a new sentence:
	 * "AT 9 A.M. ON MONDAY".
	 */
	if ((k & W_PREP) && j - i >= 2 && s[i + 1] >= 'A' && s[i + 1] <= 'Z')
		return 0;
	return (k & W_START) != 0;
}

/* The word of letters at s[i], as far as lim. */
static size_t
wordend(const unsigned char *s, size_t lim, size_t i)
{
	while (i < lim && (isalpha_(s[i]) || s[i] >= 0x80) && wslen(s, lim, i) == 0 &&
	    closelen(s, lim, i) == 0)
		i++;
	return i;
}

/*
 * Is the number s[w..i), before a period and the word at nx, an ordinal
 * ("am 3. Oktober", "die 2. Liga")?
 */
static int
ordinal(const unsigned char *s, size_t lim, size_t a, size_t w, size_t i, size_t nx)
{
	size_t p, q;

	if (i - w > 3)
		return 0;
	for (p = w; p < i; p++)
		if (!isdigit_(s[p]))
			return 0;
	if (tabget(s + nx, wordend(s, lim, nx) - nx) & W_ORDPOST)
		return 1;
	for (q = w; q > a && wsback(s, lim, a, q); q--)
		;
	for (p = q; p > a && q - p < 16 && isalpha_(s[p - 1]); p--)
		;
	return p < q && (p == a || wsback(s, lim, a, p)) && (tabget(s + p, q - p) & W_ORDPRE);
}

/*
 * Is [a, i) a short phrase that opens with a preposition ("At 5 a.m."),
 * which a following abbreviation does not end?
 */
static int
intro(const unsigned char *s, size_t a, size_t i)
{
	size_t j = skipopen(s, i, a), w = j, words = 1;

	while (w < i && w - j < 16 && isalpha_(s[w]))
		w++;
	if (!(tabget(s + j, w - j) & W_PREP))
		return 0;
	for (; w < i; w++)
		if (s[w] == ' ' && w + 1 < i && s[w + 1] != ' ')
			if (++words > 3)
				return 0;
	return 1;
}

/*
 * Is s[a..b) letters in dotted groups of one or two ("J", "U.S", "e.g",
 * "Ph.D"), or one letter of any script?
 */
static int
dotted(const unsigned char *s, size_t a, size_t b)
{
	size_t run = 0, groups = 0;

	if (b > a && s[a] >= 0x80) {
		int32_t cp;
		int l = nib_utf8_decode(s + a, b - a, &cp);

		return (size_t)l == b - a && nib_isletter(cp);
	}
	for (size_t i = a; i < b; i++) {
		if (isalpha_(s[i])) {
			if (++run > 2)
				return 0;
		} else if (s[i] == '.' && run > 0) {
			run = 0;
			groups++;
		} else
			return 0;
	}
	if (run == 0)
		return 0;
	return groups > 0 || b - a == 1;
}

/* Kind of the word s[a..b) before a period. */
static int
wordkind(const unsigned char *s, size_t a, size_t b)
{
	size_t i;
	int digits = 0, k;

	while (a < b && (s[a] == '$' || s[a] == '#' || s[a] == '+' || s[a] == '-'))
		a++;
	if (a == b)
		return K_WORD;
	for (i = a; i < b; i++) {
		if (isdigit_(s[i]))
			digits = 1;
		else if (s[i] != '.' && s[i] != ',' && s[i] != ':' && s[i] != '%' &&
		    s[i] != '/' && s[i] != '-')
			break;
	}
	if (i == b && digits)
		return K_NUM;
	k = tabget(s + a, b - a);
	if (k & W_TITLE)
		return K_TITLE;
	/* "P." in "James P. Kennedy" is an initial, not "p. 5". */
	if (dotted(s, a, b) && (b - a > 1 || !(k & W_NUMBER) || s[a] < 'a'))
		return K_ABBR;
	if (k & W_NUMBER)
		return K_NUMPRE;
	if (k & W_ABBR)
		return K_ABBR;
	return K_WORD;
}

/*
 * Start of the word that ends at i: back to white space, past openers.
 * No abbreviation or number of interest is longer than WORDMAX bytes, and
 * the bound keeps a block of one long token ("a.a.a.a...") linear.
 */
#define WORDMAX 64

static size_t
wordstart(const unsigned char *s, size_t lim, size_t a, size_t i)
{
	size_t w = i;

	while (w > a && i - w < WORDMAX && wsback(s, lim, a, w) == 0)
		w--;
	return skipopen(s, i, w);
}

/*
 * A period with no space after it ends a sentence only between a word (or
 * number) and a capitalised word: "world.Today", "1,000.That", but not
 * "U.S.A", "Jane.Doe@", "java.lang.String" or "Example.Com".
 */
static int
gluedend(const unsigned char *s, size_t lim, size_t a, size_t i)
{
	size_t w, j, r = i + 1;
	int lowers = 0, k;

	/* Most glued periods are in numbers and names: look right first. */
	if (r + 1 >= lim || caseat(s, lim, r) != N_UPPER)
		return 0;
	w = wordstart(s, lim, a, i);
	if (i - w < 2)
		return 0;
	for (j = w; j < i; j++) {
		if (s[j] == '.' || s[j] == '/' || s[j] == '@' || s[j] == ':')
			return 0;
		if (s[j] >= 'a' && s[j] <= 'z')
			lowers = 1;
	}
	k = wordkind(s, w, i);
	if (k != K_NUM && (k != K_WORD || !lowers))
		return 0;
	j = r + charlen(s, lim, r);
	if (j >= lim || caseat(s, lim, j) != N_LOWER)
		return 0;
	j = r;
	while (j < lim && isalpha_(s[j]))
		j++;
	if (j < lim && (s[j] == '@' || s[j] == '/' || (s[j] == '.' && j + 1 < lim &&
	    (isalpha_(s[j + 1]) || isdigit_(s[j + 1])))))
		return 0;
	if (j - r <= 3 && (j == lim || wslen(s, lim, j) || s[j] == '.')) {
		unsigned char t[3];

		for (size_t x = r; x < j; x++)
			t[x - r] = lower(s[x]);
		/* t[] is full when j - r == 3, the only case that reads it. */
		/* cppcheck-suppress uninitvar */
		if ((j - r == 3 && (memcmp(t, "com", 3) == 0 || memcmp(t, "org", 3) == 0 ||
		    memcmp(t, "net", 3) == 0 || memcmp(t, "edu", 3) == 0 ||
		    memcmp(t, "gov", 3) == 0)))
			return 0;
	}
	return 1;
}

/*
 * After a stop that ended at j: closing quotes and brackets, then white
 * space.  Returns the end of the sentence if it may end there (white space
 * or the end follows), else 0; *next gets the start of what follows.
 */
static size_t
tail(const unsigned char *s, size_t lim, size_t j, size_t *next)
{
	size_t e = skipclose(s, lim, j), k;

	if (e < lim && wslen(s, lim, e) == 0)
		return 0;
	k = skipws(s, lim, e);
	/*
	 * A closing guillemet or curly double quote after a space still
	 * belongs to the sentence: « Fini. », and “ spaced. ” in scraped text.
	 */
	if (k > e && k + 1 < lim && ((s[k] == 0xc2 && s[k + 1] == 0xbb) ||
	    (k + 2 < lim && s[k] == 0xe2 && s[k + 1] == 0x80 && s[k + 2] == 0x9d))) {
		e = k + (s[k] == 0xc2 ? 2 : 3);
		if (e < lim && wslen(s, lim, e) == 0)
			return 0;
		k = skipws(s, lim, e);
	}
	*next = skipopen(s, lim, k);
	return e;
}

/* Do at least half the words of s[a..e) start with a capital or a digit? */
static int
titleish(const unsigned char *s, size_t a, size_t e)
{
	size_t words = 0, caps = 0;

	for (size_t i = a; i < e; i++)
		if (!asciiws[s[i]] && (i == a || asciiws[s[i - 1]])) {
			words++;
			if (isdigit_(s[i]) || caseat(s, e, i) == N_UPPER)
				caps++;
		}
	return 2 * caps >= words;
}

static size_t marker(const unsigned char *, size_t, size_t, int *,
    unsigned long *, unsigned char *, size_t *);

/*
 * A newline in a paragraph block is a soft wrap, except after a heading
 * (a short line without a stop that a sentence starts at: shorter than
 * half the block's longest line, half its words capitalised, with a
 * capital or a digit after it) and
 * before a line that starts with a list marker or "- ".  Returns 1 with
 * *end at i to cut there, else 0 with *end past i.
 */
static int
newline(const unsigned char *s, size_t lim, size_t a, size_t i, size_t wrap,
    int seen, size_t *end)
{
	size_t nx = skipws(s, lim, i), e = i, p, bl;
	unsigned long item;
	unsigned char b[4];
	int k;

	*end = i + 1;
	if (nx >= lim || nx == a)
		return 0;
	if (((s[nx] == '-' || s[nx] == '*') && nx + 1 < lim && s[nx + 1] == ' ') ||
	    marker(s, lim, nx, &k, &item, b, &bl) > nx) {
		*end = i;
		return 1;
	}
	/* The sentence must be this line alone, from its start. */
	if (seen)
		return 0;
	for (p = a; p > 0 && s[p - 1] != '\n'; p--)
		if (!asciiws[s[p - 1]])
			return 0;
	while (e > a && wsback(s, lim, a, e))
		e--;
	if (e == a || !(isalpha_(s[e - 1]) || isdigit_(s[e - 1]) || s[e - 1] >= 0x80))
		return 0;
	if (2 * (e - a) > wrap || !titleish(s, a, e))
		return 0;
	k = nextkind(s, lim, skipopen(s, lim, nx));
	if (k != N_UPPER && k != N_DIGIT)
		return 0;
	*end = i;
	return 1;
}

/*
 * Decides whether the stop at s[i] ends the sentence that started at a.
 * Returns 1 with the sentence's end in *end, or 0 with the place to go on
 * scanning from in *end (always past i).
 */
static int
decide(const unsigned char *s, size_t lim, size_t a, size_t i, size_t wrap,
    int *nl, size_t *end)
{
	size_t j, e, nx, dots = 0;
	int kind, len, l, spaced = 0, nk, wk;

	if (s[i] == '\n') {
		int cut = newline(s, lim, a, i, wrap, *nl, end);

		*nl = 1;
		return cut;
	}
	kind = stopat(s, lim, i, &len);
	j = i + (size_t)len;
	if (kind == S_NONE) {
		/* One byte only: an invalid lead byte may come before a stop. */
		*end = i + 1;
		return 0;
	}
	if (kind == S_CJK) {
		while (j < lim && stopat(s, lim, j, &l) != S_NONE)
			j += (size_t)l;
		*end = skipclose(s, lim, j);
		return 1;
	}
	if (kind == S_TERM) {
		while (j < lim && stopat(s, lim, j, &l) != S_NONE)
			j += (size_t)l;
		*end = j;
		if ((e = tail(s, lim, j, &nx)) == 0)
			return 0;
		*end = e;
		return nextkind(s, lim, nx) != N_LOWER;
	}

	/* Periods and ellipses: count the dots of ". . ." and "...." runs. */
	dots = kind == S_ELLIP ? 3 : 1;
	for (;;) {
		if (j < lim && s[j] == '.')
			dots++, j++;
		else if (j + 2 < lim && stopat(s, lim, j, &l) == S_ELLIP)
			dots += 3, j += 3;
		else if (j + 1 < lim && s[j] == ' ' && s[j + 1] == '.' &&
		    (j + 2 == lim || !(isalpha_(s[j + 2]) || isdigit_(s[j + 2]))))
			dots++, j += 2, spaced = 1;
		else
			break;
	}
	while (j < lim && (s[j] == '!' || s[j] == '?'))
		j++;
	*end = j;
	if (dots == 1) {
		size_t w;

		if (j < lim && wslen(s, lim, j) == 0 && closelen(s, lim, j) == 0)
			return gluedend(s, lim, a, i) ? (*end = j, 1) : 0;
		if ((e = tail(s, lim, j, &nx)) == 0)
			return 0;
		*end = e;
		nk = nextkind(s, lim, nx);
		if (nk == N_END)
			return 1;
		if (nk == N_LOWER)
			return 0;
		w = wordstart(s, lim, a, i);
		wk = wordkind(s, w, i);
		switch (wk) {
		case K_TITLE:
			return 0;
		case K_NUM:
			return nk != N_DIGIT && !ordinal(s, lim, a, w, i, nx);
		case K_NUMPRE:
			return nk != N_DIGIT;
		case K_ABBR:
			/* A closing quote after it: 'at 5 p.m." Smith left.' */
			if (nk == N_UPPER && j < lim && closelen(s, lim, j) &&
			    s[j] != ')' && s[j] != ']' && s[j] != '}')
				return 1;
			return nk == N_UPPER && starter(s, lim, nx) && !intro(s, a, i);
		}
		return 1;
	}
	/* An ellipsis that opens a sentence does not end it. */
	if (i == a) {
		*end = j;
		return 0;
	}
	/* An elision in brackets, "[...]", is inside the sentence. */
	if (i > a && (s[i - 1] == '[' || s[i - 1] == '(') && j < lim &&
	    (s[j] == ']' || s[j] == ')')) {
		*end = j + 1;
		return 0;
	}
	if ((e = tail(s, lim, j, &nx)) == 0)
		return 0;
	nk = nextkind(s, lim, nx);
	if (nk == N_LOWER || nk == N_DIGIT)
		return 0;
	if (!spaced || nk == N_END) {
		*end = e;
		return 1;
	}
	/* ". . ." spaced: only a period with it ends a sentence. */
	if (dots < 4)
		return 0;
	if (i > a && wsback(s, lim, a, i) == 0) {
		/* "word. . . . Next": the period ends it, the ellipsis opens the next. */
		*end = i + 1;
		return 1;
	}
	*end = e;
	return 1;
}

/*
 * A list marker at s[i]: a bullet, a number of one to three digits or a
 * lower-case letter with ".", ")" or ".)", or a bullet and such a number.
 * Returns its end (past the white space after it), or i when none.
 */
static size_t
marker(const unsigned char *s, size_t n, size_t i, int *kind,
    unsigned long *item, unsigned char *bullet, size_t *blen)
{
	size_t j = i, d;
	int k, alpha = 0;

	*kind = L_NONE;
	*blen = 0;
	if (j + 2 < n && s[j] == 0xe2 && ((s[j + 1] == 0x80 && (s[j + 2] == 0xa2 ||
	    s[j + 2] == 0xa3)) || (s[j + 1] == 0x81 && s[j + 2] == 0x83) ||
	    (s[j + 1] == 0x97 && (s[j + 2] == 0x8f || s[j + 2] == 0xa6)) ||
	    (s[j + 1] == 0x96 && s[j + 2] == 0xaa))) {
		/* • ‣ ⁃ ● ◦ ▪ */
		memcpy(bullet, s + j, 3);
		*blen = 3;
		*kind = L_BULLET;
		j = skipws(s, n, j + 3);
	}
	d = j;
	while (j < n && j - d < 4 && isdigit_(s[j]))
		j++;
	if (j > d && j - d <= 3) {
		*item = strtoul((const char *)s + d, NULL, 10);
	} else if (j == d && j + 1 < n && s[j] >= 'a' && s[j] <= 'z' &&
	    (s[j + 1] == '.' || s[j + 1] == ')')) {
		*item = s[j];
		alpha = L_ALPHA;
		j++;
	} else
		return *kind ? j : i;
	if (j + 1 < n && s[j] == '.' && s[j + 1] == ')')
		k = L_DOTPAREN, j += 2;
	else if (j < n && s[j] == '.')
		k = L_DOT, j++;
	else if (j < n && s[j] == ')')
		k = L_PAREN, j++;
	else
		return *kind ? d : i;
	if (j < n && wslen(s, n, j) == 0)
		return *kind ? d : i;
	if (*kind == L_NONE)
		*kind = k | alpha;
	return skipws(s, n, j);
}

/* Where the next item of the list starts, after i; st->n when nowhere. */
static size_t
nextitem(const struct nib_sent *st, size_t i)
{
	const unsigned char *s = st->s;
	size_t n = st->n;
	unsigned char want[8];
	size_t wl = 0;
	const unsigned char *p;

	if (st->list == L_BULLET) {
		memcpy(want, st->bullet, st->blen);
		wl = st->blen;
	} else if (st->list & L_ALPHA) {
		if (st->item >= 'z')
			return n;
		want[wl++] = (unsigned char)(st->item + 1);
	} else {
		if (st->item >= 999)
			return n;
		wl = (size_t)snprintf((char *)want, sizeof want, "%lu", st->item + 1);
	}
	if ((st->list & ~L_ALPHA) == L_DOT || (st->list & ~L_ALPHA) == L_DOTPAREN)
		want[wl++] = '.';
	if ((st->list & ~L_ALPHA) == L_PAREN || (st->list & ~L_ALPHA) == L_DOTPAREN)
		want[wl++] = ')';
	while (i < n && (p = memmem(s + i, n - i, want, wl)) != NULL) {
		size_t at = (size_t)(p - s), after = at + wl;

		if (at > 0 && wsback(s, n, 0, at) &&
		    (st->list == L_BULLET || after == n || wslen(s, n, after)))
			return at;
		i = at + 1;
	}
	return n;
}

#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull
#define HASZERO(v) (((v) - ONES) & ~(v) & HIGH)

/*
 * Position of the first byte at or after i that may be a stop (stopcls),
 * or lim: most of a block is plain words, skipped sixteen bytes at a time
 * with SSE2 (all x86-64), else eight at a time.
 */
static size_t
skipplain(const unsigned char *s, size_t lim, size_t i)
{
#ifdef __SSE2__
	const __m128i c1 = _mm_set1_epi8('.'), c2 = _mm_set1_epi8('!'),
	    c3 = _mm_set1_epi8('?'), c4 = _mm_set1_epi8((char)0xe2),
	    c5 = _mm_set1_epi8((char)0xe3), c6 = _mm_set1_epi8((char)0xef),
	    c7 = _mm_set1_epi8((char)0xd8), c8 = _mm_set1_epi8((char)0xe0),
	    c9 = _mm_set1_epi8('\n');

	while (i + 16 <= lim) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i m = _mm_or_si128(
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c1), _mm_cmpeq_epi8(v, c2)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, c3), _mm_cmpeq_epi8(v, c4))),
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c5), _mm_cmpeq_epi8(v, c6)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, c7), _mm_cmpeq_epi8(v, c8))));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, c9));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);

		if (bits)
			return i + (size_t)__builtin_ctz(bits);
		i += 16;
	}
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t x, m;

	while (i + 8 <= lim) {
		memcpy(&x, s + i, 8);
		/* The lowest flagged byte is exact: HASZERO errs only above a hit. */
		m = (x & HIGH) | HASZERO(x ^ (ONES * '.')) | HASZERO(x ^ (ONES * '!')) |
		    HASZERO(x ^ (ONES * '?')) | HASZERO(x ^ (ONES * '\n'));
		if (m)
			return i + (size_t)(__builtin_ctzll(m) >> 3);
		i += 8;
	}
#endif
	while (i < lim && stopcls[s[i]] == 0)
		i++;
	return i;
}

void
nib_sent_init(struct nib_sent *st, const unsigned char *s, size_t n)
{
	setup();
	st->s = s;
	st->n = n;
	st->pos = 0;
	st->list = L_NONE;
	st->item = 0;
	st->blen = 0;
	st->cut = n;
	st->wrap = 0;
	if (n == 0)
		return;
	for (const unsigned char *p = s, *q; p < s + n; p = q + 1) {
		if ((q = memchr(p, '\n', (size_t)(s + n - p))) == NULL)
			q = s + n;
		if ((size_t)(q - p) > st->wrap && (q < s + n || p > s))
			st->wrap = (size_t)(q - p);
	}
	size_t i = skipws(s, n, 0), j;

	j = marker(s, n, i, &st->list, &st->item, st->bullet, &st->blen);
	if (j > i && st->list != L_NONE)
		st->cut = nextitem(st, j);
}

int
nib_sent_next(struct nib_sent *st, size_t *start, size_t *end)
{
	const unsigned char *s = st->s;
	size_t n = st->n, i, a, lim, e, m;
	int kind, nl = 0;
	unsigned long item = 0;
	unsigned char bl[4];
	size_t blen;

	i = skipws(s, n, st->pos);
	if (i >= n) {
		st->pos = n;
		return 0;
	}
	a = i;
	if (st->list != L_NONE && a >= st->cut) {
		/* The next item of the list starts here. */
		m = marker(s, n, a, &kind, &item, bl, &blen);
		if (st->list != L_BULLET)
			st->item = item;
		st->cut = nextitem(st, m > a ? m : a + 1);
	}
	lim = st->cut > a ? st->cut : n;
	/* A list marker that opens a sentence does not end it ("2. The"). */
	m = marker(s, lim, a, &kind, &item, bl, &blen);
	i = m;
	e = lim;
	while (i < lim) {
		i = skipplain(s, lim, i);
		if (i >= lim)
			break;
		if (stopcls[s[i]] == 0) {
			i++;
			continue;
		}
		if (decide(s, lim, a, i, st->wrap, &nl, &e))
			break;
		i = e;
		e = lim;
	}
	if (e > lim)
		e = lim;
	st->pos = e;
	while (e > a) {
		int l = wsback(s, n, a, e);

		if (l == 0)
			break;
		e -= (size_t)l;
	}
	*start = a;
	*end = e;
	return 1;
}
