/*
 * The weights of the search for the body.  Every block gets a weight
 * (long sentence-like blocks and the rows of a table weigh their length;
 * short, title-like, repeated and marker blocks weigh less than nothing)
 * and the body is the run of blocks with the greatest sum, as boilerplate
 * detectors do with text density.  Markers such as "Related Articles",
 * "Comments" or "Tags" after enough prose make what follows weigh less, so
 * that a long teaser after the story does not win.
 */
#include "classify.h"

#define STOPMIN 0.3	/* stop words of a list item in the story's voice */

/* The weight of a block by itself. */
static double
weight(const struct split_block *b)
{
	const struct split_feat *f = &b->f;
	/* A character of Japanese or Chinese carries about half a word. */
	double l = f->ntok - f->nunspaced / 2.0;

	if (f->ntok == 0)
		return -1;
	/* Comments interleave names and dates with their text. */
	if (split_datelike(f))
		return -8;
	if (b->dup >= 0)
		return -2;
	if (f->mark)
		return split_head(f) ? -5 : -3;
	if (f->capt)
		return -3;
	if (split_bylinelike(f))
		return -6;
	if (split_prose(f)) {
		/* Links and menus; a long paragraph may cite an address. */
		if ((f->url && f->ntok < 25) || f->nsep >= 2)
			return -l / 2;
		/* "Title In Title Case A sentence follows.": a teaser. */
		if (split_teaser(f))
			return -2;
		return l > 13 ? l - 11 : 2;
	}
	return -(2 + 0.5 * (l < 30 ? l : 30));
}

int
split_densest(const struct split_doc *d, size_t *a, size_t *b)
{
	double sum = 0, best = 0;
	size_t i, start = 0;
	int found = 0;

	for (i = 0; i < d->n; i++) {
		if (sum <= 0) {
			sum = 0;
			start = i;
		}
		sum += B(i)->w;
		if (sum > best) {
			best = sum;
			*a = start;
			*b = i;
			found = 1;
		}
	}
	return found;
}

/* Short blocks (up to two) between block i and the next prose in dir. */
static int
gap(const struct split_doc *d, size_t i, int dir)
{
	int n = 0;

	for (i += (size_t)dir; i < d->n && n < 2; i += (size_t)dir, n++)
		if (split_prose(&B(i)->f) && B(i)->dup < 0)
			break;
	return n;
}

/* A prose block with two or more short blocks on each side. */
static int
lone(const struct split_doc *d, size_t i)
{
	return gap(d, i, -1) >= 2 && gap(d, i, 1) >= 2;
}

/*
 * A related or comments head (or a filing line) at block i after enough
 * story.  When items with ages or sources follow, or no prose comes soon,
 * the body never runs over it and what follows weighs less (returns 1); a
 * box of a few titles inside the story ("Related articles", two links,
 * more story) only weighs against it.
 */
static int
hardhead(struct split_doc *d, size_t i)
{
	size_t j;
	int hard = B(i)->f.mark == M_COMMENTS || B(i)->f.mark == M_FILED ||
	    split_more(&B(i)->f);

	for (j = i + 1; !hard && j < d->n && !split_prose(&B(j)->f); j++)
		if (j - i > 8 || split_datelike(&B(j)->f) ||
		    (B(j)->len > 1 && split_text(d, j)[0] == '-'))
			hard = 1;
	if (j == d->n)
		hard = 1;
	B(i)->w = hard ? -1e9 : -15;
	return hard;
}

/* An item of a list in the story's voice: words, no stop at the end. */
static int
itemlike(const struct split_block *b)
{
	const struct split_feat *f = &b->f;

	return f->ntok >= 8 && f->ntok <= 40 && !f->endterm && !f->endcolon &&
	    !f->mark && !f->url && f->nsep == 0 && b->dup < 0 && !split_capsy(f) &&
	    split_frac(split_count(f, f->nstop), f->ntok) >= STOPMIN;
}

/*
 * Two or more such items in a row (empty blocks between them do not
 * count) are a list the story holds, one point a line: they weigh a
 * little less than nothing, as a subhead does, not as a menu.
 */
static void
storylists(struct split_doc *d)
{
	size_t i, last = 0;
	int prev = 0, cur;

	for (i = 0; i < d->n; i++) {
		if (B(i)->f.ntok == 0)
			continue;
		cur = itemlike(B(i));
		if (cur && prev) {
			if (B(last)->w < -1)
				B(last)->w = -1;
			if (B(i)->w < -1)
				B(i)->w = -1;
		}
		prev = cur;
		last = i;
	}
}

size_t
split_weigh(struct split_doc *d)
{
	double seen = 0;
	size_t i, h = split_anchor(d);
	int discount = 0, late = 0;

	for (i = 0; i < d->n; i++)
		B(i)->w = weight(B(i));
	split_tables(d);
	storylists(d);
	for (i = 0; i < d->n; i++) {
		/*
		 * A story has one dateline, near its top; dates after much
		 * prose stamp comments and teasers.
		 */
		if (seen >= 100 && split_datelike(&B(i)->f) && B(i)->w <= 0)
			B(i)->w = late++ ? -40 : -30;
		/*
		 * After much prose, a paragraph alone between pairs of short
		 * blocks (title and author, before and after) is a teaser.
		 */
		if (seen >= 100 && B(i)->w > 0 && lone(d, i))
			B(i)->w *= 0.25;
		/* Before the headline: teasers, standfirsts of other stories. */
		if (i < h && h < d->n && B(i)->w > 0)
			B(i)->w *= 0.2;
		if (discount && B(i)->w > 0)
			B(i)->w *= 0.3;
		if (B(i)->w > 0)
			seen += B(i)->w;
		/* "Tags" after the story files it: what follows is not story. */
		if (((split_head(&B(i)->f) && B(i)->f.mark != M_FOOTER) ||
		    (B(i)->f.mark == M_FILED && !B(i)->f.endterm)) && seen >= 50 &&
		    hardhead(d, i))
			discount = 1;
	}
	return h;
}
