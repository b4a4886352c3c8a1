/*
 * writer.c: how code points reach the line's output: the class of each
 * decides (dropped, a blank, folded, or written), and characters that
 * fail the quick check are normalized by utf8proc a chunk at a time.
 */
#include <utf8proc.h>

#include "line.h"

/* Start of the character that ends at o[end] (output is valid UTF-8). */
static size_t
prevchar(const unsigned char *o, size_t end)
{
	do
		end--;
	while (end > 0 && (o[end] & 0xC0) == 0x80);
	return end;
}

/*
 * Where the chunk that an unsafe character joins begins: at the last
 * starter before it on this line (a few characters back at most).
 */
static size_t
chunkstart(const struct nib_norm *nm)
{
	size_t p = nm->olen;
	int32_t cp;

	for (int i = 0; i < 32 && p > nm->lstart; i++) {
		p = prevchar(nm->o, p);
		norm_decode(nm->o + p, nm->olen - p, &cp);
		if (utf8proc_get_property(cp)->combining_class == 0)
			return p;
	}
	return p == nm->lstart ? p : nm->olen;
}

void
norm_newline(struct nib_norm *nm)
{
	if (nm->dirty != NONE)
		norm_flush_chunk(nm);
	nm->pend = 0;
	norm_reserve(nm, 1);
	nm->o[nm->olen++] = '\n';
	nm->lstart = nm->olen;
}

/* Writes a code point after normalization: folding and blanks only. */
static void
putnormed(struct nib_norm *nm, int32_t cp)
{
	const char *f;

	if (cp == ' ' || cp == '\t') {
		/* NFKC makes spaces, and a chunk may start at a blank. */
		norm_blank(nm, cp);
		return;
	}
	if (nm->flags & NIB_NORM_ASCII && (f = norm_fold(cp)) != NULL) {
		while (*f)
			norm_putsafe(nm, *f++);
		return;
	}
	norm_settle(nm);
	norm_put(nm, cp);
}

/* Normalizes the chunk o[dirty..olen) in place. */
void
norm_flush_chunk(struct nib_norm *nm)
{
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    (nm->flags & NIB_NORM_NFKC ? UTF8PROC_COMPAT : 0);
	size_t p = nm->dirty, n = nm->olen - p;
	utf8proc_ssize_t m;

	nm->dirty = NONE;
	/* A character decomposes into at most 18 (U+FDFA). */
	norm_grow32(&nm->nb, &nm->nbcap, n * 18 + 1);
	m = utf8proc_decompose(nm->o + p, (utf8proc_ssize_t)n, nm->nb,
	    (utf8proc_ssize_t)nm->nbcap, opt);
	if (m < 0 || (size_t)m > nm->nbcap)
		return;
	m = utf8proc_normalize_utf32(nm->nb, m, opt);
	if (m < 0)
		return;
	nm->olen = p;
	for (utf8proc_ssize_t i = 0; i < m; i++)
		putnormed(nm, nm->nb[i]);
}

/* Writes one code point through the classes: drop, blank, fold, check. */
void
norm_emit(struct nib_norm *nm, int32_t cp)
{
	const char *f;

	switch (norm_cpclass(nm, cp)) {
	case C_SAFE:
		norm_putsafe(nm, cp);
		break;
	case C_UNSAFE:
		if (nm->pend)
			norm_settle(nm);
		if (nm->dirty == NONE)
			nm->dirty = chunkstart(nm);
		norm_reserve(nm, 8);
		norm_put(nm, cp);
		if (nm->olen - nm->dirty > CHUNKMAX)
			norm_flush_chunk(nm);
		break;
	case C_DROP:
		nm->stats.removed++;
		break;
	case C_BLANK:
		if (cp == '\n')
			norm_newline(nm);
		else
			norm_blank(nm, cp == '\t' ? '\t' : ' ');
		break;
	case C_FOLD:
		for (f = norm_fold(cp); *f; f++)
			norm_putsafe(nm, *f);
		break;
	}
}
