/*
 * mojibake.c: UTF-8 that was decoded with the wrong code page, repaired
 * on a whole line before it is normalized.  Nothing is tried on a line
 * that scores zero on the badness of badness.h; a repair is kept only
 * when the repaired text decodes cleanly and scores lower.  In turn:
 *
 *   - the whole line put back into the bytes of one code page and read
 *     as UTF-8 (each code page of codepage.h in turn; again, for text
 *     misread twice);
 *   - failing that, each stretch of glyphs that spells UTF-8 characters
 *     in one code page, inside otherwise good text ("IL2RÎ³cKO");
 *   - C1 controls left over are taken as Windows-1252's characters.
 *
 * Bytes that a decoder lost show as U+FFFD or '?' in place of a
 * continuation byte: the character they broke becomes one U+FFFD.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "badness.h"
#include "codepage.h"
#include "line.h"
#include "utf8.h"
#include "utf8bytes.h"

/* U+FFFD or '?' put back into bytes: a byte a decoder lost. */
#define LOST 0x1A

struct moji {
	int32_t *u, *v;		/* the line, and a candidate repair */
	size_t ucap, vcap;
	unsigned char *b, *t;	/* bytes of a candidate, before and after */
	size_t bcap, tcap;	/* lost bytes are marked */
	unsigned char *out;	/* the repaired line */
	size_t ocap;
	size_t m;		/* code points in u */
	unsigned long long invalid;	/* invalid sequences read */
	unsigned long long removed;	/* controls and zero-width left out */
	long long firstbad;	/* the offset of the first */
	int32_t *x, *y;		/* a stretch with its neighbours, before */
	size_t xcap, ycap;	/* and after repair */
};

static void
growbytes(unsigned char **p, size_t *cap, size_t n)
{
	if (*cap < n)
		nib_grow(p, cap, n);
}

/*
 * Decodes s[0..n) into mj->u as the line's loop would: an invalid
 * sequence is one U+FFFD (a lost byte to repair), or with -W each
 * invalid byte is Windows-1252's character.  They are counted in
 * mj->invalid, the offset of the first in mj->firstbad.  Controls and
 * zero-width characters are left out and counted in mj->removed.
 */
static void
load(struct moji *mj, const unsigned char *s, size_t n, int cp1252)
{
	size_t i = 0, m = 0;
	int32_t cp;
	int l;

	norm_grow32(&mj->u, &mj->ucap, n + 1);
	mj->invalid = mj->removed = 0;
	mj->firstbad = -1;
	while (i < n) {
		l = norm_decode(s + i, n - i, &cp);
		if (cp < 0) {
			if (mj->invalid++ == 0)
				mj->firstbad = (long long)i;
			if (cp1252) {
				cp = nib_cp1252(s[i]);
				l = 1;
			} else
				cp = 0xFFFD;
		}
		i += (size_t)l;
		/*
		 * What the line's loop removes goes now, so that what
		 * it stood between is judged side by side, as it will
		 * be printed.
		 */
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' &&
		    cp != '\f') || cp == 0x7F || (cp >= 0x200B && cp <= 0x200D) ||
		    cp == 0x2060 || cp == 0xFEFF) {
			mj->removed++;
			continue;
		}
		mj->u[m++] = cp;
	}
	mj->m = m;
}

/* Where the character k characters before byte p starts. */
static size_t
back_chars(const unsigned char *s, size_t p, int k)
{
	while (k-- > 0 && p > 0)
		do
			p--;
		while (p > 0 && (s[p] & 0xC0) == 0x80);
	return p;
}

/* Where the character k characters after the one at byte p ends. */
static size_t
forward_chars(const unsigned char *s, size_t n, size_t p, int k)
{
	while (k-- > 0 && p < n)
		do
			p++;
		while (p < n && (s[p] & 0xC0) == 0x80);
	return p;
}

/*
 * Whether s[0..n) scores above zero.  A bad sequence is at most four
 * characters long and holds one that nib_badness_trigger() admits, so
 * only three characters on each side of those are looked at: most lines
 * (ASCII with a curly quote or an accent, or Russian with a dash) need
 * no more.
 */
static int
looks_bad(struct moji *mj, const unsigned char *s, size_t n, int cp1252)
{
	const unsigned char *table = nib_badness_table2();
	size_t i = 0, at, from, to;
	int32_t cp, prev = ' ';
	uint64_t w;

	while (i < n) {
		while (i + 8 <= n && (memcpy(&w, s + i, 8),
		    (w & 0x8080808080808080ULL) == 0))
			i += 8;
		while (i < n && s[i] < 0x80)
			i++;
		if (i >= n)
			break;
		if (i > 0 && s[i - 1] < 0x80)
			prev = s[i - 1];
		at = i;
		if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < n &&
		    (s[i + 1] & 0xC0) == 0x80) {
			/* Two bytes, most text past ASCII: by table. */
			cp = (s[i] & 0x1F) << 6 | (s[i + 1] & 0x3F);
			i += 2;
			if (table[cp] == 0 || (table[cp] == 2 &&
			    !norm_asciiletter(prev))) {
				prev = cp;
				continue;
			}
		} else {
			i += (size_t)norm_decode(s + i, n - i, &cp);
			if (cp >= 0 && !nib_badness_trigger(cp, prev)) {
				prev = cp;
				continue;
			}
		}
		prev = cp;
		from = back_chars(s, at, 3);
		to = forward_chars(s, n, at, 4);
		load(mj, s + from, to - from, cp1252);
		if (nib_badness(mj->u, mj->m) > 0)
			return 1;
	}
	return 0;
}

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
	growbytes(&mj->b, &mj->bcap, 2 * m + 4);
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
	growbytes(&mj->t, &mj->tcap, 3 * (size_t)n + 1);
	/* Only decoders that drop undefined bytes lose them. */
	if (page == CP_1252 || page == CP_1251 || page == CP_1250 ||
	    page == CP_1253 || page == CP_1257)
		k = mark_lost(mj->b, (size_t)n, mj->t);
	else {
		memcpy(mj->t, mj->b, (size_t)n);
		k = (size_t)n;
	}
	norm_grow32(&mj->v, &mj->vcap, k + 1);
	return nib_utf8_strict(mj->t, k, mj->v);
}

/* Whether v[0..vn) is clearly better text than u[0..un). */
static int
better(const int32_t *v, size_t vn, const int32_t *u, size_t un)
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
static int
fix_whole(struct moji *mj)
{
	return reread_all(mj, mj->u, mj->m, nib_badness(mj->u, mj->m),
	    oddities(mj->u, mj->m), 3);
}

/* Whether page p's decoders are the kind that lose undefined bytes. */
static int
sloppy(int page)
{
	return page == CP_1252 || page == CP_1251 || page == CP_1250 ||
	    page == CP_1253 || page == CP_1257;
}

/* A character written as two CESU-8 surrogates from u[0..6), or 0. */
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
		if (sloppy(page) && (u[k] == 0xFFFD || (u[k] == '?' && need > 2))) {
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
	return better(mj->y, b, mj->x, a);
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
static int
fix_stretches(struct nib_norm *nm, struct moji *mj)
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

/*
 * C1 controls left: Windows-1252's characters, as browsers read them;
 * the five it leaves undefined go, and so do soft hyphens (a glyph of
 * 0xAD until now), as the line's loop would drop them.
 */
static int
fix_c1(struct nib_norm *nm, struct moji *mj)
{
	size_t w = 0;
	int changed = 0;

	for (size_t i = 0; i < mj->m; i++) {
		int32_t c = mj->u[i];

		if (c == 0xAD) {
			changed = 1;
			mj->removed++;
			continue;
		}
		if (c >= 0x80 && c <= 0x9F) {
			changed = 1;
			if (nib_cp1252(c) == c) {
				mj->removed++;
				continue;
			}
			c = nib_cp1252(c);
			nm->stats.mojibake++;
		}
		mj->u[w++] = c;
	}
	mj->m = w;
	return changed;
}

/*
 * The whole line is read again for up to three layers of misreading;
 * stretches until nothing changes (a repair only ever shortens the
 * line, and one can uncover the next), within reason.
 */
static int
repair_passes(struct nib_norm *nm, struct moji *mj)
{
	int changed = 0, step;

	for (int pass = 0; pass < 32 && nib_badness(mj->u, mj->m) > 0; pass++) {
		step = pass < 3 && fix_whole(mj);
		if (step)
			nm->stats.mojibake++;
		else
			step = fix_stretches(nm, mj);
		if (!step)
			break;
		changed = 1;
	}
	return changed;
}

/* The repaired line as UTF-8 in mj->out. */
static size_t
store(struct moji *mj)
{
	size_t n = 0;

	growbytes(&mj->out, &mj->ocap, 4 * mj->m + 1);
	for (size_t i = 0; i < mj->m; i++)
		n += (size_t)utf8proc_encode_char(mj->u[i], mj->out + n);
	return n;
}

const unsigned char *
norm_fix_mojibake(struct nib_norm *nm, const unsigned char *s, size_t n,
    size_t *outlen)
{
	struct moji *mj = nm->moji;
	int changed, cp1252 = (nm->flags & NIB_NORM_CP1252) != 0;

	if (mj == NULL)
		mj = nm->moji = nib_calloc(1, sizeof *mj);
	if (!looks_bad(mj, s, n, cp1252))
		return NULL;
	load(mj, s, n, cp1252);
	changed = repair_passes(nm, mj);
	/* What the controls stood between may now spell more. */
	if (fix_c1(nm, mj)) {
		changed = 1;
		repair_passes(nm, mj);
	}
	if (!changed)
		return NULL;
	/* The line's loop sees no invalid byte in what comes back. */
	nm->stats.invalid += mj->invalid;
	nm->stats.removed += mj->removed;
	if (mj->firstbad >= 0)
		nm->badoff = mj->firstbad;
	*outlen = store(mj);
	return mj->out;
}

void
norm_free_mojibake(struct nib_norm *nm)
{
	struct moji *mj = nm->moji;

	if (mj == NULL)
		return;
	free(mj->u);
	free(mj->v);
	free(mj->b);
	free(mj->t);
	free(mj->out);
	free(mj->x);
	free(mj->y);
	free(mj);
}
