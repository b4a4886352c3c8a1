/*
 * What one block looks like, from its features alone: prose, a title, a
 * date, a byline, a credit, the head of a section.
 */
#include "classify.h"

double
split_frac(unsigned a, unsigned b)
{
	return b ? (double)a / b : 0;
}

int
split_capsy(const struct split_feat *f)
{
	unsigned nalpha = split_count(f, f->nalpha);

	return nalpha >= 4 && split_frac(split_count(f, f->ncap), nalpha) > 0.6 &&
	    split_frac(split_count(f, f->nstop), f->ntok) < 0.15;
}

int
split_teaser(const struct split_feat *f)
{
	return (f->leadstop >= 2 && f->lead >= 6) || f->lead >= 9 || f->glued;
}

int
split_prose(const struct split_feat *f)
{
	unsigned l = f->ntok;

	if (f->nsep >= 2 || (f->mark && !f->prefix))
		return 0;
	if (l >= 8 && f->endterm && !split_capsy(f))
		return 1;
	if (l >= 15 && f->nterm >= 1 && !split_capsy(f))
		return 1;
	/* Long text that ends without a stop: a paragraph cut short, a quote. */
	if (l >= 30 && split_frac(split_count(f, f->nstop), l) >= 0.2 && !split_capsy(f))
		return 1;
	return 0;
}

int
split_titlelike(const struct split_feat *f)
{
	return f->ntok >= 3 && f->ntok <= 40 && !f->endterm && !f->url &&
	    f->nsep == 0 && !f->mark && !f->endcolon;
}

int
split_datelike(const struct split_feat *f)
{
	return f->ndate >= 1 && f->ntok <= 16 && !f->endterm &&
	    (f->ndate + split_count(f, f->nnum)) * 2 >= f->ntok;
}

int
split_bylinelike(const struct split_feat *f)
{
	return f->byword && f->ntok >= 2 && f->ntok <= 14 && !f->endterm;
}

int
split_creditlike(const struct split_feat *f)
{
	if (f->mark == M_CREDIT)
		return 1;
	/* "REUTERS", "AP", "AFP/Getty Images" */
	return f->ntok >= 1 && f->ntok <= 4 && f->nalpha >= 1 &&
	    f->nupper == f->nalpha && !f->endterm;	/* never sampled */
}

int
split_more(const struct split_feat *f)
{
	return !f->endterm && ((f->mark == M_RELATED && f->prefix && f->ntok <= 4) ||
	    (f->mark == M_END && f->ntok <= 8));
}

/* "34 responses to", "Related Articles", "Footer". */
int
split_head(const struct split_feat *f)
{
	return f->mark == M_COMMENTS || split_more(f) || (!f->prefix &&
	    (f->mark == M_RELATED || f->mark == M_FOOTER));
}

int
split_point(const struct split_feat *f)
{
	return split_prose(f) && f->endterm && f->nterm <= 1 && f->ntok <= 24;
}
