#include "tokens.h"
#include "utf8.h"

/* ASCII letters and digits, so that plain text needs no utf8proc call. */
static const unsigned char alnum[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
	['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

int
nib_unspaced(int32_t cp)
{
	return (cp >= 0x0E00 && cp <= 0x0EFF) ||	/* Thai, Lao */
	    (cp >= 0x1000 && cp <= 0x109F) ||		/* Myanmar */
	    (cp >= 0x1780 && cp <= 0x17FF) ||		/* Khmer */
	    (cp >= 0x3040 && cp <= 0x30FF) ||		/* Hiragana, Katakana */
	    (cp >= 0x3400 && cp <= 0x4DBF) ||		/* CJK ext. A */
	    (cp >= 0x4E00 && cp <= 0x9FFF) ||		/* CJK */
	    (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Kind of the character at s[i]: 0 not a word character, 1 word, 2 a word alone. */
static int
kind(const unsigned char *s, size_t n, size_t i, int *len)
{
	int32_t cp;

	if (s[i] < 0x80) {
		*len = 1;
		return alnum[s[i]];
	}
	*len = nib_utf8_decode(s + i, n - i, &cp);
	if (cp < 0)
		return 0;
	if (nib_unspaced(cp))
		return 2;
	return nib_isletter(cp) || nib_isdigit(cp);
}

int
nib_token_next(const unsigned char *s, size_t n, size_t *pos,
    size_t *start, size_t *end)
{
	size_t i = *pos;
	int k, l;

	for (;;) {
		if (i >= n) {
			*pos = n;
			return 0;
		}
		if ((k = kind(s, n, i, &l)) != 0)
			break;
		i += (size_t)l;
	}
	*start = i;
	i += (size_t)l;
	if (k == 1)
		while (i < n && kind(s, n, i, &l) == 1)
			i += (size_t)l;
	*end = *pos = i;
	return 1;
}

size_t
nib_token_count(const unsigned char *s, size_t n)
{
	size_t pos = 0, a, b, c = 0;

	while (nib_token_next(s, n, &pos, &a, &b))
		c++;
	return c;
}
