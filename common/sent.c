/*
 * sent: the span iterator of the sentence segmenter.
 *
 * The scan looks only at candidate stops, found through a 256-entry byte
 * table (. ! ? newline and the lead bytes of the non-ASCII stops), skipping
 * plain text sixteen or eight bytes at a time.  At a candidate,
 * nib_sent_decide() (sent_decide.c) says whether the sentence ends there.
 * sent_impl.h maps the other parts.
 */
#include <stdint.h>
#include <string.h>

#include "sent.h"
#include "sent_chars.h"
#include "sent_impl.h"
#include "swar.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/*
 * Byte classes: 1 a possible stop, 2 a lead byte of a possible stop.  A
 * newline (only in paragraph blocks) is a soft wrap, but may end a heading
 * or come before a list item.
 */
static const unsigned char stopcls[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1,
	[0xd8] = 2, [0xe0] = 2, [0xe2] = 2, [0xe3] = 2, [0xef] = 2,
};


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
		m = (x & NIB_HIGH) | nib_swar_haszero(x ^ (NIB_ONES * '.')) | nib_swar_haszero(x ^ (NIB_ONES * '!')) |
		    nib_swar_haszero(x ^ (NIB_ONES * '?')) | nib_swar_haszero(x ^ (NIB_ONES * '\n'));
		if (m)
			return i + (size_t)(__builtin_ctzll(m) >> 3);
		i += 8;
	}
#endif
	while (i < lim && stopcls[s[i]] == 0)
		i++;
	return i;
}

/*
 * The longest line of a block that has newlines (a paragraph), counting
 * the last line only when the block has more than one; 0 for one line.
 */
static size_t
longestline(const unsigned char *s, size_t n)
{
	size_t wrap = 0;

	for (const unsigned char *p = s, *q; p < s + n; p = q + 1) {
		if ((q = memchr(p, '\n', (size_t)(s + n - p))) == NULL)
			q = s + n;
		if ((size_t)(q - p) > wrap && (q < s + n || p > s))
			wrap = (size_t)(q - p);
	}
	return wrap;
}

void
nib_sent_init(struct nib_sent *st, const unsigned char *s, size_t n)
{
	nib_sent_tables();
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
	st->wrap = longestline(s, n);
	nib_sent_startlist(st, skipws(s, n, 0));
}

/*
 * Where the sentence that starts at a ends, scanning no further than lim
 * (the next list item, or the block's end).
 */
static size_t
scan(const struct nib_sent *st, size_t a, size_t lim)
{
	const unsigned char *s = st->s;
	size_t i, e, blen;
	unsigned long item = 0;
	unsigned char bl[4];
	int kind, nl = 0;

	/* A list marker that opens a sentence does not end it ("2. The"). */
	i = nib_sent_marker(s, lim, a, &kind, &item, bl, &blen);
	e = lim;
	while (i < lim) {
		i = skipplain(s, lim, i);
		if (i >= lim)
			break;
		if (stopcls[s[i]] == 0) {
			i++;
			continue;
		}
		if (nib_sent_decide(s, lim, a, i, st->wrap, &nl, &e))
			break;
		i = e;
		e = lim;
	}
	return e > lim ? lim : e;
}

int
nib_sent_next(struct nib_sent *st, size_t *start, size_t *end)
{
	const unsigned char *s = st->s;
	size_t n = st->n, a, e, m, blen;
	unsigned long item = 0;
	unsigned char bl[4];
	int kind;

	a = skipws(s, n, st->pos);
	if (a >= n) {
		st->pos = n;
		return 0;
	}
	if (st->list != L_NONE && a >= st->cut) {
		/* The next item of the list starts here. */
		m = nib_sent_marker(s, n, a, &kind, &item, bl, &blen);
		if (st->list != L_BULLET)
			st->item = item;
		st->cut = nib_sent_nextitem(st, m > a ? m : a + 1);
	} else if (st->list == L_NONE && a > 0)
		/* "Finally, this. 1. The first item 2. The second item" */
		nib_sent_startlist(st, a);
	e = scan(st, a, nib_sent_labelcut(s, st->cut > a ? st->cut : n, a));
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

size_t
nib_sent_unwrap(const unsigned char *s, size_t n, unsigned char *out)
{
	size_t i = 0, o = 0, a, e;

	while (i < n) {
		for (a = i; i < n && s[i] != '\n'; i++)
			;
		for (e = i; e > a && (s[e - 1] == ' ' || s[e - 1] == '\t'); e--)
			;
		memmove(out + o, s + a, e - a);
		o += e - a;
		if (i < n) {
			while (i < n && (s[i] == '\n' || s[i] == ' ' || s[i] == '\t'))
				i++;
			out[o++] = ' ';
		}
	}
	return o;
}
