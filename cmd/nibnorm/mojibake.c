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
#include <xxhash.h>

#include "badness.h"
#include "codepage.h"
#include "moji.h"
#include "swar.h"

/*
 * Layers undone on one line at most: past that it is garbage, and time
 * must stay linear in it.
 */
#define PASSMAX 32

/*
 * Whether repair leaves cp out as the line's loop does: a control or a
 * zero-width character.  C1 controls and the soft hyphen, which the loop
 * drops too, stay for fix_c1(): they may be Windows-1252 read wrongly.
 */
int
moji_dropped(int32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' &&
	    cp != '\f') || cp == 0x7F || (cp >= 0x200B && cp <= 0x200D) ||
	    cp == 0x2060 || cp == 0xFEFF;
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
		if (moji_dropped(cp)) {
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
 * The windows looks_bad() judged, by their bytes: the same few (a curly
 * quote or a dash between letters) come back on most lines of a page,
 * and a verdict depends on nothing else.
 */
#define SEENMAX 32	/* bytes of a window worth remembering */
#define NSEEN 2048	/* remembered, one per slot of its hash */
struct moji_seen {
	unsigned char len;	/* 0: empty */
	unsigned char cp1252;
	unsigned char bad;
	unsigned char s[SEENMAX];
};

/* Whether the window s[0..n) around a trigger scores above zero. */
static int
window_bad(struct moji *mj, const unsigned char *s, size_t n, int cp1252)
{
	struct moji_seen *e;
	int bad;

	if (n == 0 || n > SEENMAX) {
		load(mj, s, n, cp1252);
		return nib_badness(mj->u, mj->m) > 0;
	}
	if (mj->seen == NULL)
		mj->seen = nib_calloc(NSEEN, sizeof *mj->seen);
	e = &mj->seen[XXH3_64bits(s, n) & (NSEEN - 1)];
	if (e->len == n && e->cp1252 == cp1252 && memcmp(e->s, s, n) == 0)
		return e->bad;
	load(mj, s, n, cp1252);
	bad = nib_badness(mj->u, mj->m) > 0;
	e->len = (unsigned char)n;
	e->cp1252 = (unsigned char)cp1252;
	e->bad = (unsigned char)bad;
	memcpy(e->s, s, n);
	return bad;
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
		    (w & NIB_HIGH) == 0))
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
		if (window_bad(mj, s + from, to - from, cp1252))
			return 1;
	}
	return 0;
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
 * A repair can spell what the line's loop drops (a word joiner out of
 * "\xe2\x81\xa0" read as Windows-1252): it goes now, as in load(), so
 * that what it stood between is judged side by side and repairing the
 * result again finds nothing new.
 */
static void
drop_spelled(struct moji *mj)
{
	size_t w = 0;

	for (size_t i = 0; i < mj->m; i++) {
		if (moji_dropped(mj->u[i])) {
			mj->removed++;
			continue;
		}
		mj->u[w++] = mj->u[i];
	}
	mj->m = w;
}

/*
 * The whole line read again, or else its stretches, until nothing
 * changes (a repair only ever shortens the line, and one can uncover
 * the next), within reason: so that repairing the result again changes
 * nothing.
 */
static int
repair_passes(struct nib_norm *nm, struct moji *mj)
{
	int changed = 0, step;

	for (int pass = 0; nib_badness(mj->u, mj->m) > 0; pass++) {
		if (pass == PASSMAX) {
			mj->limited = 1;
			break;
		}
		step = moji_fix_whole(mj);
		if (step)
			nm->stats.mojibake++;
		else
			step = moji_fix_stretches(nm, mj);
		if (!step)
			break;
		drop_spelled(mj);
		changed = 1;
	}
	return changed;
}

/* The repaired line as UTF-8 in mj->out. */
static size_t
store(struct moji *mj)
{
	size_t n = 0;

	NIB_GROW(mj->out, mj->ocap, 4 * mj->m + 1);
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
	mj->limited = 0;
	changed = repair_passes(nm, mj);
	/* What the controls stood between may now spell more. */
	for (int round = 0; fix_c1(nm, mj); round++) {
		changed = 1;
		if (round == PASSMAX) {
			mj->limited = 1;
			break;
		}
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
	free(mj->seen);
	free(mj);
}


int
norm_mojibake_limited(const struct nib_norm *nm)
{
	return nm->moji != NULL && nm->moji->limited;
}
