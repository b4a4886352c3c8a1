/*
 * qmark: the quotation marks of one block, for common/quote.c.
 *
 * Each mark (straight and typographic quotes, guillemets, low-high
 * quotes) is recorded with its family and what it may do: open, close,
 * or close weakly (a single closer after an s may be a plural
 * possessive).  Apostrophes (don't, '90s, rock 'n' roll) are not marks.
 */
#ifndef NIB_QMARK_H
#define NIB_QMARK_H
#include <stddef.h>

#include "quote.h"

enum { NIB_QM_OPEN = 1, NIB_QM_CLOSE = 2, NIB_QM_WEAK = 4 };

struct nib_qmark {
	size_t pos;		/* offset of the mark */
	unsigned char len;	/* its length in bytes */
	unsigned char fam;	/* NIB_QF_* */
	unsigned char fl;	/* NIB_QM_* */
	unsigned char dir;	/* 1 for the right-pointing guillemets */
};

/*
 * The next mark of s[0..n) at or after *pos: returns 1 with it in *m and
 * *pos moved past it, or 0 at the end.  Start with *pos = 0.  Nothing is
 * kept between calls, so the marks of a block take no memory.
 */
int nib_qmark_next(const unsigned char *s, size_t n, size_t *pos,
    struct nib_qmark *m);

#endif
