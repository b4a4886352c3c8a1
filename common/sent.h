/*
 * sent: sentence segmentation of one block.
 *
 * The segmenter walks a block and returns sentence spans as byte offsets
 * into it, without copying.  A span never starts or ends with white space.
 * Text is never joined across blocks: callers hand it one block at a time.
 *
 *	struct nib_sent st;
 *	size_t a, b;
 *	nib_sent_init(&st, s, n);
 *	while (nib_sent_next(&st, &a, &b))
 *		use(s + a, b - a);
 */
#ifndef NIB_SENT_H
#define NIB_SENT_H
#include <stddef.h>

struct nib_sent {
	const unsigned char *s;
	size_t n;
	size_t pos;
};

/* Starts segmenting s[0..n); s must outlive the iteration. */
void nib_sent_init(struct nib_sent *st, const unsigned char *s, size_t n);
/* Next sentence: returns 1 with it at [*start, *end), 0 when none is left. */
int nib_sent_next(struct nib_sent *st, size_t *start, size_t *end);
/*
 * Adds abbreviations (one a line, with or without the final period; '#'
 * starts a comment) to the built-in list.  Returns 0, or -1 with errno set
 * when the file cannot be read.
 */
int nib_sent_abbrev_file(const char *path);

#endif
