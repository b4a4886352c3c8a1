/*
 * classify: what the classifier's files share.  Predicates on one block's
 * features (looks.c), the repeats and the headline anchor (repeats.c), the
 * weights of the search for the body (weigh.c), runs of one shape
 * (lists.c, records.c) and the roles around and inside the body (roles.c).
 */
#ifndef SPLIT_CLASSIFY_H
#define SPLIT_CLASSIFY_H
#include <stddef.h>

#include "split.h"

#define B(i) (&d->b[i])

/* a / b, 0 when b is 0. */
double split_frac(unsigned a, unsigned b);
/* Many capitalised tokens and few stop words: a title, a name, a menu. */
int split_capsy(const struct split_feat *f);
/* A headline in Title Case glued to its teaser sentence. */
int split_teaser(const struct split_feat *f);
/* "By Jane Doe": a byline. */
int split_bylinelike(const struct split_feat *f);
/* A photo credit: a credit marker, or a few words in capitals. */
int split_creditlike(const struct split_feat *f);
/* "More Washington Examiner", "More from Sport": the end of the story. */
int split_more(const struct split_feat *f);
/* The head of a related, comments or footer section. */
int split_head(const struct split_feat *f);
/* A short block of one sentence, as in a list of key points. */
int split_point(const struct split_feat *f);

/*
 * Sets b->dup of every block that repeats an earlier block, or that is a
 * long block starting with a whole earlier block.
 */
void split_repeats(struct split_doc *d);
/*
 * The block that repeats most of the page's title (its first block), the
 * headline over the story; d->n when none does well enough.
 */
size_t split_anchor(struct split_doc *d);

/* Sets every block's weight; returns the headline anchor. */
size_t split_weigh(struct split_doc *d);
/* The run [*a, *b] of greatest weight; returns 0 when nothing weighs. */
int split_densest(const struct split_doc *d, size_t *a, size_t *b);

/* Tables of five or more rows of one shape weigh as content (split_weigh). */
void split_tables(struct split_doc *d);
/* A list of one shape right after the body [.., b] joins it: the new end. */
size_t split_list(struct split_doc *d, size_t b);
/*
 * Rows after the body [a, b] in a shape (with numbers) that its last
 * blocks repeat, a few other blocks between them, join it: the new end.
 */
size_t split_records(struct split_doc *d, size_t a, size_t b);

/* The start of the story within the run [a, b]. */
size_t split_top(struct split_doc *d, size_t a, size_t b);
/* Role of a block inside the body run. */
int split_inside(const struct split_block *b, unsigned char *why);
/* Roles of the blocks before the body [0, a); h is the headline anchor. */
void split_before(struct split_doc *d, size_t a, size_t h);
/* Roles of the blocks after the body (b, n). */
void split_after(struct split_doc *d, size_t b);

#endif
