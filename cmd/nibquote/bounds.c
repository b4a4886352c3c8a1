/*
 * Where the sentence that holds a quotation starts, and where the clause
 * after it ends.
 */
#include <string.h>

#include "tok.h"

/* Whether the '.' at s[d] ends a sentence (not Gov., U.S., J.). */
static int
sentstop(const unsigned char *s, size_t lo, size_t d)
{
	size_t a = d;

	if (s[d] != '.')
		return 1;
	while (a > lo && (nq_isalnum(s[a - 1]) || s[a - 1] == '.'))
		a--;
	return a == d || !nq_tok_abbrev(s, a, d);
}

size_t
nq_sent_start(const unsigned char *s, size_t lo, size_t pos)
{
	size_t stop = pos > lo + LOOKBACK ? pos - LOOKBACK : lo;

	for (size_t j = pos; j > stop; j--) {
		unsigned char c = s[j - 1];

		if ((c == '.' || c == '!' || c == '?') && j < pos &&
		    (s[j] == ' ' || s[j] == '\n') && sentstop(s, lo, j - 1))
			return j;
		/* 'connected."' ends a sentence too */
		if (j >= lo + 2 && j < pos && (s[j] == ' ' || s[j] == '\n') &&
		    (c == '"' || c == '\'' || (c == 0x9D && j >= lo + 4 && s[j - 2] == 0x80 &&
		    s[j - 3] == 0xE2)) && strchr(".!?", s[j - (c == 0x9D ? 4 : 2)]) &&
		    s[j - (c == 0x9D ? 4 : 2)] != 0)
			return j;
	}
	return stop;
}

size_t
nq_clause_end(const unsigned char *s, size_t pos, size_t hi)
{
	size_t lim = hi - pos > LOOKBACK ? pos + LOOKBACK : hi;

	for (size_t j = pos; j < lim; j++)
		if ((s[j] == '.' || s[j] == '!' || s[j] == '?') &&
		    (j + 1 == hi || s[j + 1] == ' ' || s[j + 1] == '\n') && sentstop(s, pos, j))
			return j + 1;
	return lim;
}
