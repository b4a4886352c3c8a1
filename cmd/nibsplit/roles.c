/*
 * Roles around and inside the body run.  The blocks before the body are
 * headline, standfirst, byline, dateline or navigation; those inside are
 * body but for captions, credits and chrome; those after it go to
 * related, comments or footer sections as the markers say.
 */
#include "classify.h"

size_t
split_top(struct split_doc *d, size_t a, size_t b)
{
	size_t i, s = a;
	int prose = 0;

	/*
	 * After a byline or dateline among its first blocks (what came
	 * before is the standfirst), and never before a block that repeats
	 * the headline.
	 */
	for (i = a; i < b && prose <= 2; i++) {
		const struct split_feat *f = &B(i)->f;
		if (split_prose(f))
			prose++;
		else if (split_bylinelike(f) || split_datelike(f) ||
		    (split_titlelike(f) && f->ntok >= 4 && i > a && B(i)->dup >= 0))
			s = i + 1;
	}
	while (s < b && B(s)->w <= 0)
		s++;
	/*
	 * Key points: three or more short one-sentence blocks under the
	 * headline, then a longer paragraph, are a summary, not the story.
	 */
	for (i = s, prose = 0; i < b && split_point(&B(i)->f); i++)
		if (B(i)->dup < 0)
			prose++;
	if (prose >= 3 && i < b && split_prose(&B(i)->f) && !split_point(&B(i)->f))
		s = i;
	return s;
}

int
split_inside(const struct split_block *b, unsigned char *why)
{
	const struct split_feat *f = &b->f;

	*why = Y_MARK;
	if (b->dup >= 0) {
		*why = Y_REPEAT;
		return R_CHROME;
	}
	switch (f->mark) {
	case M_CREDIT:
		return R_CREDIT;
	case M_CAPTION:
		return R_CAPTION;
	case M_RELATED:
		return f->prefix ? R_CHROME : R_RELATED;
	case M_NONE:
		break;
	default:
		return R_CHROME;
	}
	if ((*why = Y_CAPT, f->capt))
		return R_CAPTION;
	if ((*why = Y_DENSE, split_prose(f)))
		return R_BODY;
	if ((*why = Y_CREDIT, split_creditlike(f)))
		return R_CREDIT;
	if ((*why = Y_BYWORD, split_bylinelike(f)))
		return R_BYLINE;
	if ((*why = Y_DATE, split_datelike(f)))
		return R_DATELINE;
	if ((*why = Y_LINKS, f->url || f->nsep >= 2))
		return R_CHROME;
	if ((*why = Y_EMPTY, f->ntok == 0))
		return R_CHROME;
	*why = Y_SHORTIN;
	return R_BODY;
}

/* The page title, when the scraper wrote it first; a when there is none. */
static size_t
pagetitle(const struct split_doc *d, size_t a)
{
	size_t t = 0;

	while (t < a && B(t)->f.ntok == 0)
		t++;
	if (t < a && (B(t)->f.endterm || B(t)->f.ntok < 2 || B(t)->f.ntok > 60 ||
	    B(t)->f.mark))
		t = a;
	return t;
}

/* The headline: the anchor h, or the last title-like block before a. */
static size_t
headline(const struct split_doc *d, size_t a, size_t h)
{
	size_t i;

	for (i = h < a ? 0 : a; i-- > 0 && a - i <= 15;) {
		const struct split_feat *f = &B(i)->f;
		if (split_titlelike(f) && f->ntok >= 4 && !split_datelike(f) &&
		    !split_bylinelike(f) && B(i)->dup < 0)
			return i;
	}
	return h;
}

/* The role of block i before the body, by its marks and shape. */
static int
beforerole(const struct split_doc *d, size_t i, int standfirst, unsigned char *why)
{
	const struct split_block *b = B(i);
	const struct split_feat *f = &b->f;

	*why = Y_MARK;
	if (f->mark == M_CREDIT)
		return R_CREDIT;
	if (f->mark == M_RELATED && !f->prefix)
		return R_RELATED;
	if (f->mark == M_COMMENTS && !f->prefix)
		return R_COMMENTS;
	if (f->mark == M_NAV)
		return R_NAV;
	if (f->mark)
		return R_CHROME;
	if ((*why = Y_BYWORD, split_bylinelike(f)))
		return R_BYLINE;
	if ((*why = Y_DATE, split_datelike(f)))
		return R_DATELINE;
	if ((*why = Y_UNDERHEAD, standfirst) && (b->dup < 0 || B(b->dup)->len < b->len) &&
	    f->ntok >= 6 && (f->endterm || f->nterm))
		return R_STANDFIRST;
	if ((*why = Y_PROSEBEFORE, split_prose(f) || f->ntok > 12))
		return R_CHROME;
	*why = Y_SHORTBEFORE;
	return R_NAV;
}

void
split_before(struct split_doc *d, size_t a, size_t h)
{
	size_t i, t = pagetitle(d, a);
	unsigned char why;
	int r, prev = -1;

	h = headline(d, a, h);
	for (i = 0; i < a; i++) {
		if ((h < a && (i == h || split_samekey(d, i, h))) ||
		    (t < a && (i == t || split_samekey(d, i, t)))) {
			r = R_HEADLINE;
			why = i == t || (t < d->n && split_samekey(d, i, t)) ?
			    Y_TITLE : Y_LASTTITLE;
		} else
			r = beforerole(d, i, (h < a && i > h) || prev == R_HEADLINE,
			    &why);
		d->b[i].role = r;
		d->b[i].why = why;
		if (r != R_CHROME)
			prev = r;
	}
}

void
split_after(struct split_doc *d, size_t b)
{
	size_t i;
	int state = -1, r;
	unsigned char why = Y_NONE;

	for (i = b + 1; i < d->n; i++) {
		const struct split_feat *f = &B(i)->f;
		if (split_head(f)) {
			state = f->mark == M_RELATED || f->mark == M_END ? R_RELATED :
			    f->mark == M_COMMENTS ? R_COMMENTS : R_FOOTER;
			why = Y_SECTION;
		}
		if (f->copy && f->ntok <= 40) {
			state = R_FOOTER;
			why = Y_COPY;
		}
		if (state >= 0)
			r = state;
		else if ((why = Y_CREDIT, f->mark == M_CREDIT || split_creditlike(f)))
			r = R_CREDIT;
		else if ((why = Y_MARK, f->mark) || (why = Y_LINKS, f->endcolon))
			r = f->mark == M_NAV ? R_NAV : R_CHROME;
		else if ((why = Y_BYWORD, split_bylinelike(f)))
			r = R_BYLINE;
		else if ((why = Y_AFTER, f->ntok <= 5))
			r = R_NAV;
		else
			r = R_RELATED;
		d->b[i].role = r;
		d->b[i].why = why;
	}
}
