/*
 * Quotation marks in a block: found with a byte table (only '"', '\''
 * and the lead bytes 0xC2 and 0xE2 stop the loop), apostrophes told
 * apart, and each mark given what it may do (open, close) from its
 * neighbours.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "qmark.h"
#include "utf8.h"
#include "swar.h"

/* Neighbour classes; C_OTHER is 0 so that the table lists only the rest. */
enum { C_OTHER, C_EDGE, C_SPACE, C_ALNUM, C_OPENP, C_CLOSEP, C_QUOTE };

#define R10(c) [c] = C_ALNUM, [c + 1] = C_ALNUM, [c + 2] = C_ALNUM, \
	[c + 3] = C_ALNUM, [c + 4] = C_ALNUM, [c + 5] = C_ALNUM, [c + 6] = C_ALNUM, \
	[c + 7] = C_ALNUM, [c + 8] = C_ALNUM, [c + 9] = C_ALNUM
#define R26(c) R10(c), R10(c + 10), [c + 20] = C_ALNUM, [c + 21] = C_ALNUM, \
	[c + 22] = C_ALNUM, [c + 23] = C_ALNUM, [c + 24] = C_ALNUM, [c + 25] = C_ALNUM

/* Class of each ASCII byte. */
static const unsigned char ascii[128] = {
	R10('0'), R26('a'), R26('A'),
	[' '] = C_SPACE, ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\r'] = C_SPACE,
	['\f'] = C_SPACE, ['\v'] = C_SPACE,
	['('] = C_OPENP, ['['] = C_OPENP, ['{'] = C_OPENP,
	['.'] = C_CLOSEP, [','] = C_CLOSEP, [';'] = C_CLOSEP, [':'] = C_CLOSEP,
	['!'] = C_CLOSEP, ['?'] = C_CLOSEP, [')'] = C_CLOSEP, [']'] = C_CLOSEP,
	['}'] = C_CLOSEP,
	['"'] = C_QUOTE, ['\''] = C_QUOTE
};

/* Bytes that may start a mark: the scan stops only there. */
static const unsigned char stop[256] = {
	['"'] = 1, ['\''] = 1, [0xC2] = 1, [0xE2] = 1
};

/*
 * Mark at s[i]: returns its length and sets family, direction (1 for the
 * right-pointing guillemets) and kind: 0 straight, 1 left typographic
 * (“ ‘), 2 right typographic (” ’), 3 low (, „ ‚), 4 guillemet.
 */
static int
markat(const unsigned char *s, size_t n, size_t i, int *fam, int *dir, int *kind)
{
	*dir = 0;
	if (s[i] == '"' || s[i] == '\'') {
		*fam = s[i] == '"' ? NIB_QF_DOUBLE : NIB_QF_SINGLE;
		*kind = 0;
		return 1;
	}
	if (s[i] == 0xC2 && i + 1 < n && (s[i + 1] == 0xAB || s[i + 1] == 0xBB)) {
		*fam = NIB_QF_GUIL;
		*dir = s[i + 1] == 0xBB;
		*kind = 4;
		return 2;
	}
	if (s[i] != 0xE2 || i + 2 >= n || s[i + 1] != 0x80)
		return 0;
	switch (s[i + 2]) {
	case 0x9C: *fam = NIB_QF_DOUBLE; *kind = 1; return 3;	/* “ */
	case 0x9D: *fam = NIB_QF_DOUBLE; *kind = 2; return 3;	/* ” */
	case 0x9E: *fam = NIB_QF_DOUBLE; *kind = 3; return 3;	/* „ */
	case 0x9F: *fam = NIB_QF_DOUBLE; *kind = 1; return 3;	/* ‟ */
	case 0x98: *fam = NIB_QF_SINGLE; *kind = 1; return 3;	/* ‘ */
	case 0x99: *fam = NIB_QF_SINGLE; *kind = 2; return 3;	/* ’ */
	case 0x9A: *fam = NIB_QF_SINGLE; *kind = 3; return 3;	/* ‚ */
	case 0xB9: *fam = NIB_QF_ANGLE; *kind = 4; return 3;	/* ‹ */
	case 0xBA: *fam = NIB_QF_ANGLE; *dir = 1; *kind = 4; return 3; /* › */
	}
	return 0;
}

int
nib_qmark_len(const unsigned char *s, size_t n, size_t i)
{
	int fam, dir, kind;

	return markat(s, n, i, &fam, &dir, &kind);
}

static int
cpclass(int32_t cp)
{
	if (cp < 0)
		return C_OTHER;
	if (cp == 0x2026)
		return C_CLOSEP;
	if (nib_isspace(cp))
		return C_SPACE;
	if (nib_isletter(cp) || nib_isdigit(cp))
		return C_ALNUM;
	return C_OTHER;
}

/* Class of the character that ends just before s[i]. */
static int
prevclass(const unsigned char *s, size_t n, size_t i)
{
	size_t j;
	int32_t cp;
	int fam, dir, kind;

	if (i == 0)
		return C_EDGE;
	if (s[i - 1] < 0x80)
		return ascii[s[i - 1]];
	for (j = i - 1; j > 0 && i - j < 4 && (s[j] & 0xC0) == 0x80; j--)
		;
	if (markat(s, n, j, &fam, &dir, &kind) == (int)(i - j))
		return C_QUOTE;
	if ((size_t)nib_utf8_decode(s + j, n - j, &cp) != i - j)
		return C_OTHER;
	return cpclass(cp);
}

/* Class of the character at s[i]. */
static int
nextclass(const unsigned char *s, size_t n, size_t i)
{
	int32_t cp;
	int fam, dir, kind;

	if (i >= n)
		return C_EDGE;
	if (s[i] < 0x80)
		return ascii[s[i]];
	if (markat(s, n, i, &fam, &dir, &kind))
		return C_QUOTE;
	nib_utf8_decode(s + i, n - i, &cp);
	return cpclass(cp);
}

static int
isalnumb(unsigned char c)
{
	return c < 0x80 && ascii[c] == C_ALNUM;
}

/*
 * An apostrophe that starts a word: '90s, 'em, 'til, 'cause, rock 'n'
 * roll, and contractions split from their word ("isn 't").  Returns the
 * number of bytes to skip after the mark (the second mark of 'n'), or -1
 * when the mark may be a quotation mark.
 */
static int
elision(const unsigned char *s, size_t n, size_t i, size_t j, int prev)
{
	static const char *const words[] = {
		"em", "til", "tis", "twas", "cause", "cos", "bout", "nuff",
		"kay", "sup", NULL
	};
	static const char *const split[] = {
		"s", "t", "d", "m", "ll", "re", "ve", NULL
	};
	size_t k, w;
	int l, fam, dir, kind;

	if (j < n && (s[j] == 'n' || s[j] == 'N') && j + 1 < n &&
	    (l = markat(s, n, j + 1, &fam, &dir, &kind)) > 0 &&
	    fam == NIB_QF_SINGLE && (j + 1 + l >= n || !isalnumb(s[j + 1 + l])))
		return 1 + l;
	if (j + 2 <= n && s[j] >= '0' && s[j] <= '9' && s[j + 1] >= '0' &&
	    s[j + 1] <= '9' && (j + 2 == n || !(s[j + 2] >= '0' && s[j + 2] <= '9')))
		return 0;
	for (k = j; k < n && isalnumb(s[k]); k++)
		;
	w = k - j;
	if (w == 0 || w > 5 || (k < n && s[k] >= 0x80))
		return -1;
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == w && strncasecmp((const char *)s + j, words[i], w) == 0)
			return 0;
	if (prev == C_SPACE && i >= 2 && isalnumb(s[i - 2]))
		for (int i = 0; split[i]; i++)
			if (strlen(split[i]) == w && strncmp((const char *)s + j, split[i], w) == 0)
				return 0;
	return -1;
}

/*
 * A single closer after an s ("officials' plan") is weak: it may be a
 * plural possessive.  It is weak only when a lowercase word follows.
 */
static int
weakclose(const unsigned char *s, size_t n, size_t i, size_t len)
{
	size_t j = i + len;

	if (i == 0 || (s[i - 1] != 's' && s[i - 1] != 'S' && s[i - 1] != 'z'))
		return 0;
	if (j >= n || s[j] != ' ')
		return 0;
	return j + 1 < n && ((s[j + 1] >= 'a' && s[j + 1] <= 'z') ||
	    (s[j + 1] >= '0' && s[j + 1] <= '9'));
}

/* Whether some byte of w is zero. */

/*
 * Skips from i past the 8-byte words that hold no '"', no '\'' and no
 * non-ASCII byte: most of a news text.
 */
static size_t
skip(const unsigned char *s, size_t n, size_t i)
{
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if ((w & NIB_HIGH) || nib_swar_haszero(w ^ (NIB_ONES * '"')) || nib_swar_haszero(w ^ (NIB_ONES * '\'')))
			break;
	}
	return i;
}

/* What the mark at s[i] (len bytes, of family fam) may do: NIB_QM_*. */
static int
markflags(const unsigned char *s, size_t n, size_t i, int len, int fam,
    int dir, int kind, size_t *skipp)
{
	int prev, next, lf, rf, fl = 0, e;

	*skipp = 0;
	prev = prevclass(s, n, i);
	next = nextclass(s, n, i + (size_t)len);
	lf = next != C_EDGE && next != C_SPACE && prev != C_ALNUM;
	rf = prev != C_EDGE && prev != C_SPACE && next != C_ALNUM;
	if (fam == NIB_QF_GUIL || fam == NIB_QF_ANGLE) {
		/* French spaces inside « », so no flanking test. */
		fl = NIB_QM_CLOSE;
		if (next != C_EDGE && (dir == 0 || next != C_SPACE))
			fl |= NIB_QM_OPEN;
	} else if (kind == 3) {
		if (lf && (prev != C_CLOSEP || fam == NIB_QF_DOUBLE))
			fl = NIB_QM_OPEN;
	} else if (fam == NIB_QF_DOUBLE) {
		/* “ opens, and closes only as German „...“ does; ” closes,
		 * even after a space ("delays ”."), and opens only where
		 * nothing is open (Swedish ”...”). */
		if (kind == 1)
			fl = rf && !lf ? NIB_QM_CLOSE : NIB_QM_OPEN;
		else if (kind == 2)
			fl = lf && !rf ? NIB_QM_OPEN | NIB_QM_CLOSE : NIB_QM_CLOSE;
		else
			fl = (lf ? NIB_QM_OPEN : 0) | (rf ? NIB_QM_CLOSE : 0);
	} else {
		/* Single marks: apostrophes first. */
		if (prev == C_ALNUM && next == C_ALNUM)
			return 0;
		if (lf && (e = elision(s, n, i, i + (size_t)len, prev)) >= 0) {
			*skipp = (size_t)e;
			return 0;
		}
		if (kind == 1)
			fl = lf ? NIB_QM_OPEN : rf ? NIB_QM_CLOSE : NIB_QM_OPEN;
		else
			fl = (lf ? NIB_QM_OPEN : 0) | (rf ? NIB_QM_CLOSE : 0);
		if (fl == NIB_QM_CLOSE && weakclose(s, n, i, (size_t)len))
			fl |= NIB_QM_WEAK;
	}
	return fl;
}

int
nib_qmark_next(const unsigned char *s, size_t n, size_t *pos, struct nib_qmark *m)
{
	size_t i = *pos, skip2;
	int len, fam, dir, kind, fl;

	for (;;) {
		i = skip(s, n, i);
		while (i < n && !stop[s[i]])
			i++;
		if (i >= n) {
			*pos = n;
			return 0;
		}
		if ((len = markat(s, n, i, &fam, &dir, &kind)) == 0) {
			i++;
			continue;
		}
		fl = markflags(s, n, i, len, fam, dir, kind, &skip2);
		if (fl == 0) {
			i += (size_t)len + skip2;
			continue;
		}
		m->pos = i;
		m->len = (unsigned char)len;
		m->fam = (unsigned char)fam;
		m->dir = (unsigned char)dir;
		m->fl = (unsigned char)fl;
		*pos = i + (size_t)len;
		return 1;
	}
}
