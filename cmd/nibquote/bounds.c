/*
 * Where the sentence that holds a quotation starts, and where the clause
 * after it ends: common/sent decides, on a window of the block around
 * the place asked about (sentence ends are local decisions, so a window
 * of a few hundred bytes tells them as the whole block would).
 */
#include "sent.h"
#include "tok.h"

/* How far past a mark the segmenter reads to place the stop before it. */
#define AHEAD 64

size_t
nq_sent_start(const unsigned char *s, size_t lo, size_t pos, size_t hi)
{
	size_t w = pos > lo + LOOKBACK ? pos - LOOKBACK : lo;
	size_t start = w, a, b;
	struct nib_sent st;

	/* A stop right before pos is told by the word after it: a little
	 * past pos is enough, and a long sentence is not read to its end. */
	if (hi - pos > AHEAD)
		hi = pos + AHEAD;
	nib_sent_init(&st, s + w, hi - w);
	while (nib_sent_next(&st, &a, &b) && w + a <= pos) {
		start = w + a;
		if (w + b > pos)
			break;
	}
	return start;
}

/* Whether the span s[a..b) ends with a stop (closing marks aside). */
static int
endsstop(const unsigned char *s, size_t a, size_t b)
{
	while (b > a && (s[b - 1] == '"' || s[b - 1] == '\'' || s[b - 1] == ')' ||
	    (b - a >= 3 && s[b - 3] == 0xE2 && s[b - 2] == 0x80 &&
	    (s[b - 1] == 0x9D || s[b - 1] == 0x99))))
		b -= s[b - 1] < 0x80 ? 1 : 3;
	if (b == a)
		return 0;
	if (s[b - 1] == '.' || s[b - 1] == '!' || s[b - 1] == '?')
		return 1;
	/* … */
	return b - a >= 3 && s[b - 3] == 0xE2 && s[b - 2] == 0x80 && s[b - 1] == 0xA6;
}

size_t
nq_clause_end(const unsigned char *s, size_t pos, size_t hi)
{
	size_t lim = hi - pos > LOOKBACK ? pos + LOOKBACK : hi;
	struct nib_sent st;
	size_t a, b;

	if (hi <= pos)
		return pos;
	nib_sent_init(&st, s + pos, lim - pos);
	if (nib_sent_next(&st, &a, &b) && endsstop(s, pos + a, pos + b))
		return pos + b;
	return lim;
}
