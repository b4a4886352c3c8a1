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
 * Finds the marks of s[0..n) into q->mark and q->nmark (q's work space,
 * grown as needed).
 */
void nib_qmarks_find(struct nib_qscan *q, const unsigned char *s, size_t n);

#endif
