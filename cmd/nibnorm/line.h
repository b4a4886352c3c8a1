/*
 * line.h: what the files of nibnorm's line normalizer share.  The line
 * is written into nm->o through the helpers below: a character that
 * passed the quick check goes out at once, one that failed it joins a
 * chunk that utf8proc normalizes when the next starter comes (writer.c),
 * and a blank waits for the next character so that runs of blanks and
 * blanks at the ends disappear.
 */
#ifndef NIBNORM_LINE_H
#define NIBNORM_LINE_H
#include <stddef.h>
#include <stdint.h>

#include "codepage.h"
#include "mem.h"
#include "norm.h"

/* Code point classes, cached in nm->cls (0: not yet known). */
enum { C_UNKNOWN, C_SAFE, C_UNSAFE, C_DROP, C_BLANK, C_FOLD };

/* No chunk waits for normalization (nm->dirty). */
#define NONE ((size_t)-1)
/*
 * A chunk that normalization must see whole is a starter and the
 * characters after it that fail the quick check.  Past this many bytes
 * (a pathological pile of combining marks) it is cut, so that time stays
 * linear: utf8proc sorts marks in quadratic time.
 */
#define CHUNKMAX 4096

/* charclass.c: the class of cp, C_*, and -a's ASCII spelling of it. */
int norm_classify(const struct nib_norm *nm, int32_t cp);
const char *norm_fold(int32_t cp);

/* writer.c */
void norm_flush_chunk(struct nib_norm *nm);
void norm_emit(struct nib_norm *nm, int32_t cp);
void norm_newline(struct nib_norm *nm);

/* entities.c: loads the entity table; decodes the entity at s[i] ('&'). */
void norm_load_entities(void);
size_t norm_entity(struct nib_norm *nm, const unsigned char *s, size_t n,
    size_t i);

/*
 * mojibake.c: repairs the mojibake of the line s[0..n).  Returns NULL when
 * there is none to repair, else the repaired line (nm's memory, valid
 * until the next call) and its length in *outlen; invalid bytes stay.
 */
const unsigned char *norm_fix_mojibake(struct nib_norm *nm,
    const unsigned char *s, size_t n, size_t *outlen);
void norm_free_mojibake(struct nib_norm *nm);
/* Whether the last repair stopped at its limit of layers (a garble). */
int norm_mojibake_limited(const struct nib_norm *nm);

static inline int
norm_asciiletter(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline void
norm_grow32(int32_t **p, size_t *cap, size_t n)
{
	if (*cap >= n)
		return;
	while (*cap < n)
		*cap = *cap ? *cap * 2 : 256;
	*p = nib_realloc(*p, *cap, sizeof **p);
}

static inline int
norm_cpclass(struct nib_norm *nm, int32_t cp)
{
	int k = nm->cls[cp];

	if (k == C_UNKNOWN)
		k = nm->cls[cp] = (unsigned char)norm_classify(nm, cp);
	return k;
}


static inline void
norm_reserve(struct nib_norm *nm, size_t n)
{
	if (nm->ocap - nm->olen < n)
		NIB_GROW(nm->o, nm->ocap, nm->olen + n);
}

static inline void
norm_put(struct nib_norm *nm, int32_t cp)
{
	unsigned char *o = nm->o + nm->olen;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		nm->olen += 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		nm->olen += 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		nm->olen += 3;
	} else {
		o[0] = (unsigned char)(0xF0 | cp >> 18);
		o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[3] = (unsigned char)(0x80 | (cp & 0x3F));
		nm->olen += 4;
	}
}

/*
 * Decodes the character at s (n > 0 bytes).  Returns its length and sets
 * *cp; an invalid sequence sets *cp to -1 and returns the length of its
 * maximal subpart (Unicode 3.9), so each becomes one U+FFFD.
 */
static inline int
norm_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	int need, k;
	int32_t v;

	*cp = -1;
	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	if (c < 0xC2 || c > 0xF4)
		return 1;
	if (c < 0xE0) {
		need = 2;
		v = c & 0x1F;
	} else if (c < 0xF0) {
		need = 3;
		v = c & 0x0F;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else {
		need = 4;
		v = c & 0x07;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	}
	if (n < 2 || s[1] < lo || s[1] > hi)
		return 1;
	v = v << 6 | (s[1] & 0x3F);
	for (k = 2; k < need; k++) {
		if ((size_t)k >= n || (s[k] & 0xC0) != 0x80)
			return k;
		v = v << 6 | (s[k] & 0x3F);
	}
	*cp = v;
	return need;
}

/*
 * Before a starter is written: the chunk before it is normalized, and a
 * pending blank is written unless the line has nothing yet.
 */
static inline void
norm_settle(struct nib_norm *nm)
{
	if (nm->dirty != NONE)
		norm_flush_chunk(nm);
	norm_reserve(nm, 8);
	if (nm->pend) {
		if (nm->olen > nm->lstart)
			nm->o[nm->olen++] = (unsigned char)nm->pend;
		nm->pend = 0;
	}
}

/* Writes a character that passed the quick check. */
static inline void
norm_putsafe(struct nib_norm *nm, int32_t cp)
{
	norm_settle(nm);
	norm_put(nm, cp);
}

/*
 * A blank, written only before the next character: a run of blanks
 * becomes one space, a lone tab stays a tab.  It ends a chunk.
 */
static inline void
norm_blank(struct nib_norm *nm, int c)
{
	if (nm->dirty != NONE)
		norm_flush_chunk(nm);
	nm->pend = nm->pend ? ' ' : c;
}

#endif
