/*
 * stretches.c: mojibake inside good text.  Each stretch of characters
 * that spells UTF-8 in one code page (the longest, over the pages) is
 * repaired on its own where that makes the text around it better.
 */
#include <string.h>

#include "badness.h"
#include "codepage.h"
#include "moji.h"
#include "utf8.h"
#include "utf8bytes.h"

static int
cesu(const struct codepage *p, const int32_t *u, size_t m, int32_t *out)
{
	unsigned char b[6];
	int32_t cp[2];

	if (m < 6)
		return 0;
	for (int k = 0; k < 6; k++) {
		int c = nib_codepage_byte(p, u[k]);

		if (c < 0x80)
			return 0;
		b[k] = (unsigned char)c;
	}
	if (nib_utf8_strict(b, 6, cp) != 1)
		return 0;
	*out = cp[0];
	return 6;
}

/*
 * The UTF-8 character that page p's glyphs at u[0..m) spell, in *out.
 * Returns how many glyphs it takes, or 0 when they spell none.
 */
static int
spell(const struct codepage *p, int page, const int32_t *u, size_t m,
    int32_t *out)
{
	unsigned char b[4];
	int32_t cp[4];
	int need, k, c;

	if ((c = nib_codepage_byte(p, u[0])) < 0 ||
	    (need = nib_utf8_need((unsigned char)c)) == 0)
		return 0;
	b[0] = (unsigned char)c;
	for (k = 1; k < need && (size_t)k < m; k++) {
		c = nib_codepage_byte(p, u[k]);
		if (c >= 0x80 && c <= 0xBF) {
			b[k] = (unsigned char)c;
			continue;
		}
		if (u[k] == ' ' && k + 1 < need) {
			/* A no-break space inside, turned into a space. */
			b[k] = 0xA0;
			continue;
		}
		if (moji_sloppy(page) && (u[k] == 0xFFFD || (u[k] == '?' && need > 2))) {
			*out = 0xFFFD;
			return k + 1;
		}
		break;
	}
	if (k < need) {
		/* "â€" and no third glyph: Windows-1252 has no 0x9D (”). */
		if (page == CP_1252 && k == 2 && b[0] == 0xE2 && b[1] == 0x80) {
			*out = 0x201D;
			return 2;
		}
		return 0;
	}
	if (b[0] == 0xED && b[1] >= 0xA0)
		return cesu(p, u, m, out);
	if (nib_utf8_strict(b, (size_t)need, cp) != 1)
		return 0;
	*out = cp[0];
	return need;
}

/*
 * Whether the stretch u[s..e), read as fixed[0..fn), is better text, judged
 * with the characters on each side of it (prev: -1 for none).
 */
static int
stretch_better(struct moji *mj, int32_t prev, size_t s, size_t e,
    const int32_t *fixed, size_t fn)
{
	size_t a = 0, b = 0;

	norm_grow32(&mj->x, &mj->xcap, e - s + 2);
	norm_grow32(&mj->y, &mj->ycap, fn + 2);
	if (prev >= 0) {
		mj->x[a++] = prev;
		mj->y[b++] = prev;
	}
	memcpy(mj->x + a, mj->u + s, (e - s) * sizeof *mj->u);
	memcpy(mj->y + b, fixed, fn * sizeof *fixed);
	a += e - s;
	b += fn;
	if (e < mj->m) {
		mj->x[a++] = mj->u[e];
		mj->y[b++] = mj->u[e];
	}
	return moji_better(mj->y, b, mj->x, a);
}

/*
 * How many glyphs from u[i] spell UTF-8 characters in page p, one after
 * another; the characters go to out, their count to *fn.
 */
static size_t
stretch(const int32_t *u, size_t m, size_t i, int page, int32_t *out,
    size_t *fn)
{
	const struct codepage *p = &nib_codepages()[page];
	size_t e = i;
	int k;

	*fn = 0;
	/*
	 * Inside good text, only the code pages whose lead bytes show as
	 * letters: misread text there looks like accented letters and signs.
	 */
	if (p->nrev == 0 || page == CP_MACROMAN || page == CP_437)
		return 0;
	while (e < m && (k = spell(p, page, u + e, m - e, out + *fn)) > 0) {
		e += (size_t)k;
		(*fn)++;
	}
	return e - i;
}

/*
 * The longest stretch from u[i] that spells UTF-8 in some page (the first
 * page of the longest), left in mj->x[0..*fn); returns its glyph count.
 */
static size_t
longest(struct moji *mj, size_t i, size_t *fn)
{
	size_t best = 0, len, n;

	norm_grow32(&mj->x, &mj->xcap, mj->m + 2);
	norm_grow32(&mj->y, &mj->ycap, mj->m + 2);
	for (int p = 0; p < CP_COUNT; p++) {
		len = stretch(mj->u, mj->m, i, p, mj->y, &n);
		if (len > best) {
			best = len;
			*fn = n;
			memcpy(mj->x, mj->y, n * sizeof *mj->y);
		}
	}
	return best;
}

/*
 * Whether the two glyphs u[i..i+2) end a word in capitals with a closing
 * quote or dash: "IRMÃ”" is Portuguese and a quote mark (but "HÃ”TEL"
 * is "HÔTEL").
 */
static int
word_end(const struct moji *mj, int32_t prev, size_t i, size_t len)
{
	int32_t q = mj->u[i + 1], next = i + 2 < mj->m ? mj->u[i + 2] : ' ';

	if (len != 2 || prev < 0 || !nib_isupper(prev) || nib_isletter(next))
		return 0;
	return q == 0x2019 || q == 0x201D || q == 0x201C || q == 0x2018 ||
	    q == 0xBB || q == 0x2026 || q == 0x2013 || q == 0x2014;
}

/*
 * Each stretch of glyphs that spells UTF-8 in one code page, repaired on
 * its own where that makes the text around it better: mojibake inside
 * good text.  A stretch beside other signs is part of a garble that can
 * not be told apart, and stays.
 */
int
moji_fix_stretches(struct nib_norm *nm, struct moji *mj)
{
	size_t i = 0, w = 0, len, fn = 0;
	int changed = 0;

	norm_grow32(&mj->v, &mj->vcap, mj->m + 1);
	while (i < mj->m) {
		int32_t prev = w > 0 ? mj->v[w - 1] : -1;

		if ((len = longest(mj, i, &fn)) == 0) {
			mj->v[w++] = mj->u[i++];
			continue;
		}
		memcpy(mj->v + w, mj->x, fn * sizeof *mj->x);
		if (!word_end(mj, prev, i, len) &&
		    !(prev >= 0 && nib_badness_sign(prev)) &&
		    !(i + len < mj->m && nib_badness_sign(mj->u[i + len])) &&
		    stretch_better(mj, prev, i, i + len, mj->v + w, fn)) {
			w += fn;
			changed = 1;
			nm->stats.mojibake++;
		} else {
			memcpy(mj->v + w, mj->u + i, len * sizeof *mj->u);
			w += len;
		}
		i += len;
	}
	if (changed) {
		memcpy(mj->u, mj->v, w * sizeof *mj->u);
		mj->m = w;
	}
	return changed;
}
