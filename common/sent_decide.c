/*
 * sent_decide: the boundary decision at one candidate stop.
 *
 * A stop is a run of ! and ? (or another script's stop), a single period,
 * an ellipsis (". . .", "....", "…"), or a newline in a paragraph block.
 * Each ends the sentence or not by what follows it (closing quotes, white
 * space, then the case of the next word) and, for a single period, by the
 * word before it (sent_words.c).
 */
#include <stddef.h>

#include "sent_chars.h"
#include "sent_impl.h"

/*
 * After a stop that ended at j: closing quotes and brackets, then white
 * space.  Returns the end of the sentence if it may end there (white space
 * or the end follows), else 0; *next gets the start of what follows.
 */
static size_t
stoptail(const unsigned char *s, size_t lim, size_t j, size_t *next)
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

/*
 * What starts at nx (nextkind), where a letter list marker before a
 * capital ("matter. a) The price b) The place") counts as a capital.
 */
static int
following(const unsigned char *s, size_t lim, size_t nx)
{
	int nk = nextkind(s, lim, nx), kind;
	unsigned long item;
	unsigned char b[4];
	size_t bl, m;

	if (nk != N_LOWER || nx + 2 >= lim || (s[nx + 1] != '.' && s[nx + 1] != ')'))
		return nk;
	m = nib_sent_marker(s, lim, nx, &kind, &item, b, &bl);
	if (m > nx && (kind & L_ALPHA) && nextkind(s, lim, m) == N_UPPER)
		return N_UPPER;
	return nk;
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

/*
 * Is the line s[a..i) a heading (a short line without a stop that a
 * sentence starts at: shorter than half the block's longest line, half its
 * words capitalised, with a capital or a digit at nx after it)?
 */
static int
heading(const unsigned char *s, size_t lim, size_t a, size_t i, size_t wrap,
    size_t nx)
{
	size_t e = i, p;
	int k;

	/* The sentence must be this line alone, from its start. */
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
	return k == N_UPPER || k == N_DIGIT;
}

/*
 * A newline in a paragraph block is a soft wrap, except after a heading
 * and before a line that starts with a list marker or "- ".  Returns 1
 * with *end at i to cut there, else 0 with *end past i.
 */
static int
newline(const unsigned char *s, size_t lim, size_t a, size_t i, size_t wrap,
    int seen, size_t *end)
{
	size_t nx = skipws(s, lim, i), bl;
	unsigned long item;
	unsigned char b[4];
	int k;

	*end = i + 1;
	if (nx >= lim || nx == a)
		return 0;
	if (((s[nx] == '-' || s[nx] == '*') && nx + 1 < lim && s[nx + 1] == ' ') ||
	    nib_sent_marker(s, lim, nx, &k, &item, b, &bl) > nx) {
		*end = i;
		return 1;
	}
	if (seen || !heading(s, lim, a, i, wrap, nx))
		return 0;
	*end = i;
	return 1;
}

/* A run of ! and ? (or a CJK stop) that ends at j. */
static int
decide_term(const unsigned char *s, size_t lim, int kind, size_t j, size_t *end)
{
	size_t e, nx;
	int l;

	while (j < lim && stopat(s, lim, j, &l) != S_NONE)
		j += (size_t)l;
	if (kind == S_CJK) {
		*end = skipclose(s, lim, j);
		return 1;
	}
	*end = j;
	if ((e = stoptail(s, lim, j, &nx)) == 0)
		return 0;
	*end = e;
	return following(s, lim, nx) != N_LOWER;
}

/*
 * The end of a run of periods and ellipses that starts at j: counts the
 * dots of ". . ." and "...." runs in *dots, and sets *spaced for ". . .".
 */
static size_t
dotrun(const unsigned char *s, size_t lim, size_t j, size_t *dots, int *spaced)
{
	int l;

	for (;;) {
		if (j < lim && s[j] == '.')
			(*dots)++, j++;
		else if (j + 2 < lim && stopat(s, lim, j, &l) == S_ELLIP)
			*dots += 3, j += 3;
		else if (j + 1 < lim && s[j] == ' ' && s[j + 1] == '.' &&
		    (j + 2 == lim || !(isalpha_(s[j + 2]) || isdigit_(s[j + 2]))))
			(*dots)++, j += 2, *spaced = 1;
		else
			break;
	}
	while (j < lim && (s[j] == '!' || s[j] == '?'))
		j++;
	return j;
}

/* A single period at s[i] that ends at j. */
static int
decide_period(const unsigned char *s, size_t lim, size_t a, size_t i, size_t j,
    size_t *end)
{
	size_t e, nx;
	int nk;

	if (j < lim && wslen(s, lim, j) == 0 && closelen(s, lim, j) == 0)
		return nib_sent_glued(s, lim, a, i) ? (*end = j, 1) : 0;
	if ((e = stoptail(s, lim, j, &nx)) == 0)
		return 0;
	*end = e;
	nk = following(s, lim, nx);
	if (nk == N_END)
		return 1;
	if (nk == N_LOWER)
		return 0;
	return nib_sent_period(s, lim, a, i, j, nx, nk);
}

/* An ellipsis (dots of them) at s[i] that ends at j. */
static int
decide_ellipsis(const unsigned char *s, size_t lim, size_t a, size_t i, size_t j,
    size_t dots, int spaced, size_t *end)
{
	size_t e, nx;
	int nk;

	/* An ellipsis that opens a sentence does not end it. */
	if (i == a)
		return 0;
	/* An elision in brackets, "[...]", is inside the sentence. */
	if (i > a && (s[i - 1] == '[' || s[i - 1] == '(') && j < lim &&
	    (s[j] == ']' || s[j] == ')')) {
		*end = j + 1;
		return 0;
	}
	if ((e = stoptail(s, lim, j, &nx)) == 0)
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

int
nib_sent_decide(const unsigned char *s, size_t lim, size_t a, size_t i,
    size_t wrap, int *nl, size_t *end)
{
	size_t j, dots;
	int kind, len, spaced = 0;

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
	if (kind == S_CJK || kind == S_TERM)
		return decide_term(s, lim, kind, j, end);
	dots = kind == S_ELLIP ? 3 : 1;
	j = dotrun(s, lim, j, &dots, &spaced);
	*end = j;
	if (dots == 1)
		return decide_period(s, lim, a, i, j, end);
	return decide_ellipsis(s, lim, a, i, j, dots, spaced, end);
}
