/*
 * mojibake.c: UTF-8 that was read as Windows-1252 or Latin-1 ("Ã©" for
 * "é"), repaired in a run of non-ASCII code points where unambiguous.
 */
#include <utf8proc.h>

#include "line.h"
#include "utf8.h"

const uint16_t norm_cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The byte that Windows-1252 or Latin-1 shows as cp, if it is a UTF-8
 * continuation byte (0x80-0xBF); -1 otherwise. */
int
norm_contbyte(int32_t cp)
{
	if (cp >= 0x80 && cp <= 0xBF)
		return (int)cp;
	if (cp < 0x152 || cp > 0x2122)
		return -1;
	for (int i = 0; i < 32; i++)
		if (norm_cp1252[i] == cp)
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
		    (r + 2 == m || u[r + 2] == 0xFFFD || norm_contbyte(u[r + 2]) < 0)) {
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
			if ((t = norm_contbyte(u[r + k])) < 0)
				break;
			b[k] = (unsigned char)t;
		}
		if (k < need || norm_decode(b, (size_t)need, &x) != need || x < 0)
			goto keep;
		if ((pl = plausible(x, need)) == 0)
			goto keep;
		before = w > 0 ? u[w - 1] : prev;
		after = r + (size_t)need < m ? u[r + need] : next;
		if (pl == 2 && (norm_asciiletter(before) || norm_asciiletter(after)))
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
size_t
norm_repair_mojibake(struct nib_norm *nm, size_t m, int32_t prev, int32_t next)
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
		if (u[k] >= 0x80 && u[k] <= 0x9F && norm_cp1252[u[k] - 0x80]) {
			u[k] = norm_cp1252[u[k] - 0x80];
			nm->stats.mojibake++;
		}
	return m;
}
