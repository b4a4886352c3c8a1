/*
 * whole.c: the whole line put back into the bytes of each code page and
 * read as UTF-8, with a no-break space that became a space put back and
 * lost bytes marked; the best reading that is better text wins, and one
 * that only decodes is read again for text misread twice.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "badness.h"
#include "codepage.h"
#include "moji.h"
#include "utf8.h"
#include "utf8bytes.h"

/* U+FFFD or '?' put back into bytes: a byte a decoder lost. */
#define LOST 0x1A

/*
 * Encodes u[0..m) in page p into mj->b; U+FFFD becomes LOST.  Returns the
 * byte count, or -1 when a character has no byte there.
 */
static long
tobytes(struct moji *mj, const int32_t *u, size_t m, const struct codepage *p)
{
	size_t k = 0;
	int b;

	/* Room for a no-break space put back before each byte. */
	NIB_GROW(mj->b, mj->bcap, 2 * m + 4);
	for (size_t i = 0; i < m; i++) {
		if (u[i] == 0xFFFD)
			b = LOST;
		else if ((b = nib_codepage_byte(p, u[i])) < 0)
			return -1;
		mj->b[k++] = (unsigned char)b;
	}
	return (long)k;
}

/* Portuguese words that start with à, which the space may belong to. */
static int
agrave_word(const unsigned char *b, size_t n)
{
	static const char *const words[] = { "s ", "quele", "quela", "quilo" };

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t l = strlen(words[i]);

		if (n >= l && memcmp(b, words[i], l) == 0)
			return 1;
	}
	return n > 0 && b[0] == ' ';
}

/*
 * A space where a continuation byte must be was a no-break space (0xA0)
 * that something turned into a space.  "Ã " is "à" and a word: the space
 * stays, after the à, unless a word of its own follows ("Ã s" is "às").
 */
static size_t
restore_nbsp(unsigned char *b, size_t n)
{
	size_t i = 0, left = 0;

	for (i = 0; i < n; i++) {
		if (left > 0 && b[i] == ' ') {
			if (b[i - 1] == 0xC3 && left == 1 && !agrave_word(b + i + 1, n - i - 1)) {
				memmove(b + i + 1, b + i, n - i);
				n++;
			}
			b[i] = 0xA0;
		}
		if (left > 0 && (b[i] & 0xC0) == 0x80)
			left--;
		else
			left = (size_t)(nib_utf8_need(b[i]) > 0 ? nib_utf8_need(b[i]) - 1 : 0);
	}
	return n;
}

/*
 * A character whose last bytes were lost (LOST, or '?' after the lead of
 * a three- or four-byte one) becomes U+FFFD, and so does a lone LOST;
 * b[0..n) is copied to t, the new length returned.
 */
static size_t
mark_lost(const unsigned char *b, size_t n, unsigned char *t)
{
	size_t r = 0, w = 0, end;

	while (r < n) {
		int need = nib_utf8_need(b[r]), k = 1;

		while (k < need && r + (size_t)k < n && (b[r + k] & 0xC0) == 0x80)
			k++;
		if (b[r] == LOST)
			end = r + 1;
		else if (k < need && r + (size_t)k < n &&
		    (b[r + k] == LOST || (b[r + k] == '?' && need > 2))) {
			/* The lost byte, and what is left of the character. */
			for (end = r + (size_t)k + 1, k++; k < need && end < n &&
			    ((b[end] & 0xC0) == 0x80 || b[end] == LOST); k++)
				end++;
		} else {
			t[w++] = b[r++];
			continue;
		}
		memcpy(t + w, "\xEF\xBF\xBD", 3);
		w += 3;
		r = end;
	}
	return w;
}

static int
asciialnum(int32_t c)
{
	return norm_asciiletter(c) || (c >= '0' && c <= '9');
}

/*
 * Characters real text does not hold: unassigned and private ones, C0
 * controls, a Hebrew or Arabic letter glued to Latin letters or digits
 * ("5×\u00a0" is not "5נ"), a lone Cyrillic letter inside a Latin word
 * or a Cyrillic capital before a Latin letter.
 */
static int
oddities(const int32_t *u, size_t m)
{
	int odd = 0;

	for (size_t i = 0; i < m; i++) {
		utf8proc_category_t c = utf8proc_category(u[i]);
		int32_t prev = i > 0 ? u[i - 1] : ' ', next = i + 1 < m ? u[i + 1] : ' ';

		odd += c == UTF8PROC_CATEGORY_CN || c == UTF8PROC_CATEGORY_CO ||
		    (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n');
		if (u[i] >= 0x590 && u[i] <= 0x8FF)
			odd += asciialnum(prev) || asciialnum(next);
		if (u[i] >= 0x400 && u[i] <= 0x4FF)
			odd += (norm_asciiletter(prev) && norm_asciiletter(next)) ||
			    (nib_isupper(u[i]) && norm_asciiletter(next));
	}
	return odd;
}

/*
 * u[0..m) read as UTF-8 from the bytes of page p, into mj->v.  Returns
 * the new length, or -1 when p cannot hold it or the bytes are not
 * UTF-8.
 */
static long
reread(struct moji *mj, const int32_t *u, size_t m, int page)
{
	const struct codepage *p = &nib_codepages()[page];
	long n = tobytes(mj, u, m, p);
	size_t k;
	int high = 0;

	if (n < 0 || p->nrev == 0)
		return -1;
	for (long i = 0; i < n; i++)
		high |= mj->b[i] >= 0x80;
	if (!high)
		return -1;
	n = (long)restore_nbsp(mj->b, (size_t)n);
	NIB_GROW(mj->t, mj->tcap, 3 * (size_t)n + 1);
	/* Only decoders that drop undefined bytes lose them. */
	if (moji_sloppy(page))
		k = mark_lost(mj->b, (size_t)n, mj->t);
	else {
		memcpy(mj->t, mj->b, (size_t)n);
		k = (size_t)n;
	}
	norm_grow32(&mj->v, &mj->vcap, k + 1);
	return nib_utf8_strict(mj->t, k, mj->v);
}

/* Whether v[0..vn) is clearly better text than u[0..un). */
int
moji_better(const int32_t *v, size_t vn, const int32_t *u, size_t un)
{
	return nib_badness(v, vn) < nib_badness(u, un) &&
	    oddities(v, vn) <= oddities(u, un);
}

/*
 * Reads u[0..m) again in each code page; the best reading that is
 * better than (bad, odd) replaces the line (two code pages may both
 * decode it: "cafĂŠ" is "cafÊ" in Windows-1250 and "café" in
 * ISO-8859-2).  Text misread twice may look worse after one layer is
 * undone ("√©" on the way from "‚àö¬©" to "é"), so a reading that
 * decodes cleanly is read again, depth times.
 */
static int
reread_all(struct moji *mj, const int32_t *u, size_t m, int bad, int odd,
    int depth)
{
	int32_t *best = NULL, *copy;
	size_t bestn = 0;
	int bestbad = bad, ok = 0;
	long n;

	for (int p = 0; p < CP_COUNT; p++) {
		int vb;

		if ((n = reread(mj, u, m, p)) < 0 ||
		    (vb = nib_badness(mj->v, (size_t)n)) >= bestbad ||
		    oddities(mj->v, (size_t)n) > odd)
			continue;
		free(best);
		best = nib_calloc((size_t)n + 1, sizeof *best);
		memcpy(best, mj->v, (size_t)n * sizeof *best);
		bestn = (size_t)n;
		bestbad = vb;
	}
	if (best != NULL) {
		memcpy(mj->u, best, bestn * sizeof *mj->u);
		mj->m = bestn;
		free(best);
		return 1;
	}
	for (int p = 0; depth > 1 && !ok && p < CP_COUNT; p++) {
		if ((n = reread(mj, u, m, p)) < 0)
			continue;
		copy = nib_calloc((size_t)n + 1, sizeof *copy);
		memcpy(copy, mj->v, (size_t)n * sizeof *copy);
		ok = reread_all(mj, copy, (size_t)n, bad, odd, depth - 1);
		free(copy);
	}
	return ok;
}

/* The whole line read again, in one code page or a few in a row. */
int
moji_fix_whole(struct moji *mj)
{
	return reread_all(mj, mj->u, mj->m, nib_badness(mj->u, mj->m),
	    oddities(mj->u, mj->m), 3);
}


int
moji_sloppy(int page)
{
	return page == CP_1252 || page == CP_1251 || page == CP_1250 ||
	    page == CP_1253 || page == CP_1257;
}

