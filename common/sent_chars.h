/*
 * sent_chars: the character classes of the sentence segmenter (private to
 * common/sent*.c): white space, stops, closing and opening quotes and
 * brackets, letter case.
 *
 * Every function takes the block s, a limit and a position, and reads no
 * byte at or past the limit.  They are inline because the scan calls them
 * at every candidate stop and in every skip over white space.
 */
#ifndef NIB_SENT_CHARS_H
#define NIB_SENT_CHARS_H
#include <stddef.h>
#include <stdint.h>

#include "utf8.h"

/* What follows a stop and its white space (nextkind, caseat). */
enum { N_END, N_LOWER, N_UPPER, N_DIGIT, N_OTHER };

/* Stop kinds (stopat). */
enum { S_NONE, S_DOT, S_TERM, S_ELLIP, S_CJK };

/* ASCII white space: space, tab, LF, VT, FF, CR. */
static const unsigned char asciiws[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
};

static inline unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static inline int
isalpha_(unsigned char c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static inline int
isdigit_(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Length of the white-space character at s[i], 0 if none. */
static inline int
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
static inline int
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

static inline size_t
skipws(const unsigned char *s, size_t lim, size_t i)
{
	int l;

	while (i < lim && (l = wslen(s, lim, i)) > 0)
		i += (size_t)l;
	return i;
}

/* The stop at s[i]: its kind, and its length in *len. */
static inline int
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
static inline int
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
static inline int
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

static inline size_t
skipclose(const unsigned char *s, size_t lim, size_t i)
{
	int l;

	while (i < lim && (l = closelen(s, lim, i)) > 0)
		i += (size_t)l;
	return i;
}

static inline size_t
skipopen(const unsigned char *s, size_t lim, size_t i)
{
	int l;

	while (i < lim && (l = openlen(s, lim, i)) > 0)
		i += (size_t)l;
	return i;
}

/* Case of the letter at s[i]: N_UPPER, N_LOWER, N_OTHER for an uncased letter, or -1. */
static inline int
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

/* Length of the character at s[i]. */
static inline size_t
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
static inline int
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

#endif
