/*
 * quote: quotation marks in one block of text.
 *
 * The scanner finds every quotation mark in a block (straight and
 * typographic double and single quotes, guillemets both ways round, low-high
 * quotes), tells apostrophes (don't, officials', '90s, rock 'n' roll) from
 * single quotation marks, and pairs openers with closers.  It returns the
 * spans in the order of their opening marks.  Pairing is one pass with a
 * stack of at most one open span per family, so the work is linear in the
 * block whatever the marks: a stray opener never makes it rescan.
 *
 *	struct nib_qscan q;
 *	nib_qscan_init(&q);
 *	nib_qscan(&q, s, n);
 *	for (size_t i = 0; i < q.nspan; i++)
 *		if (nib_qspan_top(&q, i))
 *			use(s + nib_qspan_ta(&q.span[i]),
 *			    q.span[i].tb - nib_qspan_ta(&q.span[i]));
 *	nib_qscan_free(&q);
 */
#ifndef NIB_QUOTE_H
#define NIB_QUOTE_H
#include <stddef.h>
#include <stdint.h>

/* Families: a closer only closes an opener of its own family. */
enum {
	NIB_QF_DOUBLE = 1,	/* " “ ” „ ‟ */
	NIB_QF_SINGLE,		/* ' ‘ ’ ‚ */
	NIB_QF_GUIL,		/* « » */
	NIB_QF_ANGLE		/* ‹ › */
};

/*
 * A span, 16 bytes: a block holds one a quotation, and a line of nothing
 * but short quotations ('"a" "b" ...') holds one every four bytes.
 * Offsets are 32-bit: nib_qscan() takes blocks under 4 GiB.  The marks'
 * lengths give the other two offsets (nib_qspan_ta(), nib_qspan_b()).
 */
struct nib_qspan {
	uint32_t a;		/* offset of the opening mark */
	uint32_t tb;		/* offset of the closing mark (n when open) */
	int32_t parent;		/* index of the enclosing span, -1 if none */
	unsigned char alen;	/* length of the opening mark */
	unsigned char blen;	/* of the closing mark (0 when open) */
	unsigned char fam;	/* NIB_QF_* */
	unsigned char closed;	/* a closing mark was found in the block */
};

/* The first byte after the opening mark. */
static inline size_t
nib_qspan_ta(const struct nib_qspan *sp)
{
	return (size_t)sp->a + sp->alen;
}

/* The first byte after the closing mark (n when open). */
static inline size_t
nib_qspan_b(const struct nib_qspan *sp)
{
	return (size_t)sp->tb + sp->blen;
}

struct nib_qmark;

struct nib_qscan {
	struct nib_qspan *span;	/* spans, in the order of their openers */
	size_t nspan;
	long open;		/* span left open at the end at the bottom of
				 * the stack (it may go on in the next
				 * paragraph), or -1 */
	/* work space, reused from block to block */
	struct nib_qspan *spanbuf;
	size_t spancap;
	size_t decided;		/* marks before this are known to have */
	int strong;		/* a strong closer next (or not) */
};

void nib_qscan_init(struct nib_qscan *q);
void nib_qscan_free(struct nib_qscan *q);
/*
 * Scans s[0..n) and fills q->span, q->nspan and q->open.  Returns nspan.
 * The spans stay valid until the next call; s is not kept.  n must be
 * below 4 GiB (NIB_QSCAN_MAX); a longer block exits with status 2.
 */
#define NIB_QSCAN_MAX ((size_t)UINT32_MAX - 1)
size_t nib_qscan(struct nib_qscan *q, const unsigned char *s, size_t n);
/*
 * Whether span i is a quotation at the top level: closed, and not inside
 * another closed span (an opener that never closed does not hide what it
 * holds).
 */
int nib_qspan_top(const struct nib_qscan *q, size_t i);
/*
 * Whether the character at s[i] (within n bytes) is a quotation mark or
 * apostrophe of any kind; returns its length in bytes, or 0.
 */
int nib_qmark_len(const unsigned char *s, size_t n, size_t i);

#endif
