/*
 * The classifier: a role for every block of a document.
 *
 * The body is found first, as the densest run of prose: every block gets a
 * weight (long sentence-like blocks weigh their length, short, title-like,
 * repeated and marker blocks weigh less than nothing) and the body is the
 * run of blocks with the greatest sum, as boilerplate detectors do with
 * text density.  Markers such as "Related Articles" or "Comments" after
 * enough prose make what follows weigh less, so that a long teaser after
 * the story does not win.  The blocks before the body are headline,
 * standfirst, byline, dateline or navigation; those after it go to
 * related, comments or footer sections as the markers say.
 */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "tokens.h"
#include <xxhash.h>
#include "split.h"

#define B(i) (&d->b[i])

static double
frac(unsigned a, unsigned b)
{
	return b ? (double)a / b : 0;
}

/* Many capitalised tokens and few stop words: a title, a name, a menu. */
static int
capsy(const struct split_feat *f)
{
	return f->nalpha >= 4 && frac(f->ncap, f->nalpha) > 0.6 &&
	    frac(f->nstop, f->ntok) < 0.15;
}

/* A headline in Title Case glued to its teaser sentence. */
static int
teaser(const struct split_feat *f)
{
	return (f->leadstop >= 2 && f->lead >= 6) || f->lead >= 9 || f->glued;
}

/* Reads as running text: long enough and ending (or holding) sentences. */
int
split_prose(const struct split_feat *f)
{
	unsigned l = f->ntok;

	if (f->nsep >= 2 || (f->mark && !f->prefix))
		return 0;
	if (l >= 8 && f->endterm && !capsy(f))
		return 1;
	if (l >= 15 && f->nterm >= 1 && !capsy(f))
		return 1;
	/* Long text that ends without a stop: a paragraph cut short, a quote. */
	if (l >= 30 && frac(f->nstop, l) >= 0.2 && !capsy(f))
		return 1;
	return 0;
}

/* Short, no sentence end: a title, a subhead, a menu item. */
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
	    (f->ndate + f->nnum) * 2 >= f->ntok;
}

static int
bylinelike(const struct split_feat *f)
{
	return f->byword && f->ntok >= 2 && f->ntok <= 14 && !f->endterm;
}

static int
creditlike(const struct split_feat *f)
{
	if (f->mark == M_CREDIT)
		return 1;
	/* "REUTERS", "AP", "AFP/Getty Images" */
	return f->ntok >= 1 && f->ntok <= 4 && f->nalpha >= 1 &&
	    f->nupper == f->nalpha && !f->endterm;
}

/* "More Washington Examiner", "More from Sport": the end of the story. */
static int
more(const struct split_feat *f)
{
	return !f->endterm && ((f->mark == M_RELATED && f->prefix && f->ntok <= 4) ||
	    (f->mark == M_END && f->ntok <= 8));
}

/* The head of a related, comments or footer section ("34 responses to"). */
static int
head(const struct split_feat *f)
{
	return f->mark == M_COMMENTS || more(f) || (!f->prefix &&
	    (f->mark == M_RELATED || f->mark == M_FOOTER));
}

#define HEAD 48	/* bytes that key a block's start */

static uint64_t
headkey(const struct split_doc *d, size_t i)
{
	return XXH3_64bits(d->text + B(i)->off, HEAD) | 1;
}

/* Ends in "..." or "…": a teaser cut short, not a whole paragraph. */
static int
cut(const struct split_doc *d, size_t i)
{
	const unsigned char *e = d->text + B(i)->off + B(i)->len;

	return B(i)->len >= 3 && (memcmp(e - 3, "...", 3) == 0 ||
	    memcmp(e - 3, "\xe2\x80\xa6", 3) == 0);
}

/*
 * Marks blocks that repeat an earlier block of the document, and long
 * blocks that start with a whole earlier block and go on (a page's
 * metadata often repeats the whole story as one line).
 */
static void
repeats(struct split_doc *d)
{
	size_t sz = 64, i, h, j;
	size_t *tab, *htab;
	uint64_t k;

	while (sz < d->n * 2)
		sz *= 2;
	tab = nib_calloc(sz, sizeof *tab);
	htab = nib_calloc(sz, sizeof *htab);
	for (i = 0; i < d->n; i++) {
		if (B(i)->f.ntok == 0)
			continue;
		for (h = (size_t)B(i)->f.key & (sz - 1); tab[h]; h = (h + 1) & (sz - 1))
			if (B(tab[h] - 1)->f.key == B(i)->f.key)
				break;
		if (tab[h]) {
			B(i)->dup = (int)(tab[h] - 1);
			continue;
		}
		tab[h] = i + 1;
		if (B(i)->len < HEAD)
			continue;
		k = headkey(d, i);
		for (h = (size_t)k & (sz - 1); htab[h]; h = (h + 1) & (sz - 1)) {
			j = htab[h] - 1;
			if (headkey(d, j) == k && B(i)->len > B(j)->len * 3 / 2 &&
			    memcmp(d->text + B(i)->off, d->text + B(j)->off, B(j)->len) == 0) {
				B(i)->dup = (int)j;
				break;
			}
		}
		if (!htab[h] && !cut(d, i))
			htab[h] = i + 1;
	}
	free(tab);
	free(htab);
}

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
		return head(f) ? -5 : -3;
	if (f->capt)
		return -3;
	if (bylinelike(f))
		return -6;
	if (split_prose(f)) {
		/* Links and menus; a long paragraph may cite an address. */
		if ((f->url && f->ntok < 25) || f->nsep >= 2)
			return -l / 2;
		/* "Title In Title Case A sentence follows.": a teaser. */
		if (teaser(f))
			return -2;
		return l > 13 ? l - 11 : 2;
	}
	return -(2 + 0.5 * (l < 30 ? l : 30));
}

/* The run [*a, *b] of greatest weight; returns 0 when nothing weighs. */
static int
densest(struct split_doc *d, size_t *a, size_t *b)
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

static uint64_t
tokhash(const unsigned char *s, size_t a, size_t b)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; a < b; a++)
		h = (h ^ (s[a] < 0x80 ? (unsigned)(s[a] | 0x20) : s[a])) * 0x100000001b3ULL;
	return h | 1;
}

/* Adds bigram h to the set (128 slots); returns 1 when it is new. */
static int
setadd(uint64_t *set, uint64_t h)
{
	size_t k;

	for (k = h & 127; set[k] && set[k] != h; k = (k + 1) & 127)
		;
	if (set[k])
		return 0;
	set[k] = h;
	return 1;
}

static int
sethas(const uint64_t *set, uint64_t h)
{
	size_t k;

	for (k = h & 127; set[k] && set[k] != h; k = (k + 1) & 127)
		;
	return set[k] == h;
}

/*
 * The headline anchor.  Scrapers write the page's <title> first; the
 * block that repeats most of it later ("Title - Site" becomes "Title") is
 * the headline over the story, and the story follows it.  Blocks are
 * compared by pairs of adjacent tokens, so that a sentence on the same
 * subject (in Japanese, the same characters) does not pass for the
 * headline.  Returns its index, or d->n when no block repeats the title
 * well enough.
 */
static size_t
anchor(struct split_doc *d)
{
	uint64_t set[128] = { 0 }, uni[128] = { 0 }, h, prev;
	const unsigned char *s;
	size_t i, t = 0, pos, a, b, nset = 0, best = d->n;
	double score, top = 0.7;
	unsigned hit, n;

	while (t < d->n && B(t)->f.ntok == 0)
		t++;
	if (t >= d->n || B(t)->f.ntok < 3 || B(t)->f.ntok > 60)
		return d->n;
	s = d->text + B(t)->off;
	for (pos = 0, prev = 0; nset < 64 && nib_token_next(s, B(t)->len, &pos, &a, &b);) {
		h = tokhash(s, a, b);
		if (prev)
			nset += setadd(set, prev * 0x9E3779B97F4A7C15ULL ^ h);
		setadd(uni, h);
		prev = h;
	}
	for (i = t + 1; i < d->n && nset > 0; i++) {
		if (B(i)->f.ntok < 3 || B(i)->f.ntok > 40 || B(i)->f.ntok > 2 * nset ||
		    B(i)->f.mark)
			continue;
		s = d->text + B(i)->off;
		/* A headline starts with a word of the title. */
		pos = 0;
		if (!nib_token_next(s, B(i)->len, &pos, &a, &b) ||
		    !sethas(uni, tokhash(s, a, b)))
			continue;
		hit = n = 0;
		for (pos = 0, prev = 0; nib_token_next(s, B(i)->len, &pos, &a, &b); prev = h) {
			h = tokhash(s, a, b);
			if (!prev)
				continue;
			n++;
			hit += sethas(set, prev * 0x9E3779B97F4A7C15ULL ^ h);
		}
		/* Most of the block is title, and most of the title is there. */
		score = (double)hit / n;
		if ((double)hit * 1.5 / nset < score)
			score = (double)hit * 1.5 / nset;
		if (score > top + 0.01) {
			top = score;
			best = i;
		}
	}
	return best;
}

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

static size_t
weigh(struct split_doc *d)
{
	double seen = 0;
	size_t i, j, h = anchor(d);
	int discount = 0, hard, late = 0;

	for (i = 0; i < d->n; i++) {
		B(i)->w = weight(B(i));
		/*
		 * A story has one dateline, near its top; dates after much
		 * prose stamp comments and teasers.
		 */
		if (seen >= 100 && split_datelike(&B(i)->f))
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
		if (!head(&B(i)->f) || B(i)->f.mark == M_FOOTER || seen < 50)
			continue;
		/*
		 * A related or comments head after enough story.  When items
		 * with ages or sources follow, or no prose comes soon, the
		 * body never runs over it and what follows weighs less; a box
		 * of a few titles inside the story ("Related articles", two
		 * links, more story) only weighs against it.
		 */
		hard = B(i)->f.mark == M_COMMENTS || more(&B(i)->f);
		for (j = i + 1; !hard && j < d->n && !split_prose(&B(j)->f); j++)
			if (j - i > 8 || split_datelike(&B(j)->f) ||
			    (B(j)->len > 1 && d->text[B(j)->off] == '-'))
				hard = 1;
		if (j == d->n)
			hard = 1;
		if (hard) {
			B(i)->w = -1e9;
			discount = 1;
		} else
			B(i)->w = -15;
	}
	return h;
}

/* A short block of one sentence, as in a list of key points. */
static int
point(const struct split_feat *f)
{
	return split_prose(f) && f->endterm && f->nterm <= 1 && f->ntok <= 24;
}

/*
 * The start of the story within the run [a, b]: after a byline or dateline
 * among its first blocks (what came before is the standfirst), and never
 * before a block that repeats the headline.
 */
static size_t
top(struct split_doc *d, size_t a, size_t b)
{
	size_t i, s = a;
	int prose = 0;

	for (i = a; i < b && prose <= 2; i++) {
		const struct split_feat *f = &B(i)->f;
		if (split_prose(f))
			prose++;
		else if (bylinelike(f) || split_datelike(f) ||
		    (split_titlelike(f) && f->ntok >= 4 && i > a && B(i)->dup >= 0))
			s = i + 1;
	}
	while (s < b && B(s)->w <= 0)
		s++;
	/*
	 * Key points: three or more short one-sentence blocks under the
	 * headline, then a longer paragraph, are a summary, not the story.
	 */
	for (i = s, prose = 0; i < b && point(&B(i)->f); i++)
		if (B(i)->dup < 0)
			prose++;
	if (prose >= 3 && i < b && split_prose(&B(i)->f) && !point(&B(i)->f))
		s = i;
	return s;
}

/* Role of a block inside the body run. */
static int
inside(const struct split_block *b)
{
	const struct split_feat *f = &b->f;

	if (b->dup >= 0)
		return R_CHROME;
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
	if (f->capt)
		return R_CAPTION;
	if (split_prose(f))
		return R_BODY;
	if (creditlike(f))
		return R_CREDIT;
	if (bylinelike(f))
		return R_BYLINE;
	if (split_datelike(f))
		return R_DATELINE;
	if (f->url || f->nsep >= 2 || f->ntok == 0)
		return R_CHROME;
	return R_BODY;
}

/* Roles of the blocks before the body [0, a). */
static void
before(struct split_doc *d, size_t a, size_t h)
{
	size_t i, t = 0;
	int r, prev = -1;

	/* The page title, when the scraper wrote it first. */
	while (t < a && B(t)->f.ntok == 0)
		t++;
	if (t < a && (B(t)->f.endterm || B(t)->f.ntok < 2 || B(t)->f.ntok > 60 ||
	    B(t)->f.mark))
		t = a;
	/* The headline: the anchor, or the last title-like block before the body. */
	for (i = h < a ? 0 : a; i-- > 0 && a - i <= 15;) {
		const struct split_feat *f = &B(i)->f;
		if (split_titlelike(f) && f->ntok >= 4 && !split_datelike(f) && !bylinelike(f) &&
		    B(i)->dup < 0) {
			h = i;
			break;
		}
	}
	for (i = 0; i < a; i++) {
		const struct split_block *b = B(i);
		const struct split_feat *f = &b->f;
		if ((h < a && (i == h || (f->key == B(h)->f.key))) ||
		    (t < a && (i == t || f->key == B(t)->f.key)))
			r = R_HEADLINE;
		else if (f->mark == M_CREDIT)
			r = R_CREDIT;
		else if (f->mark == M_RELATED && !f->prefix)
			r = R_RELATED;
		else if (f->mark == M_COMMENTS && !f->prefix)
			r = R_COMMENTS;
		else if (f->mark == M_NAV)
			r = R_NAV;
		else if (f->mark)
			r = R_CHROME;
		else if (bylinelike(f))
			r = R_BYLINE;
		else if (split_datelike(f))
			r = R_DATELINE;
		else if (((h < a && i > h) || prev == R_HEADLINE) &&
		    (b->dup < 0 || B(b->dup)->len < b->len) &&
		    f->ntok >= 6 && (f->endterm || f->nterm))
			r = R_STANDFIRST;
		else if (split_prose(f) || f->ntok > 12)
			r = R_CHROME;
		else
			r = R_NAV;
		d->b[i].role = r;
		if (r != R_CHROME)
			prev = r;
	}
}

/* Roles of the blocks after the body (b, n). */
static void
after(struct split_doc *d, size_t b)
{
	size_t i;
	int state = -1, r;

	for (i = b + 1; i < d->n; i++) {
		const struct split_feat *f = &B(i)->f;
		if (head(f))
			state = f->mark == M_RELATED || f->mark == M_END ? R_RELATED :
			    f->mark == M_COMMENTS ? R_COMMENTS : R_FOOTER;
		if (f->copy && f->ntok <= 40)
			state = R_FOOTER;
		if (state >= 0)
			r = state;
		else if (f->mark == M_CREDIT || creditlike(f))
			r = R_CREDIT;
		else if (f->mark || f->endcolon)
			r = f->mark == M_NAV ? R_NAV : R_CHROME;
		else if (bylinelike(f))
			r = R_BYLINE;
		else if (f->ntok <= 5)
			r = R_NAV;
		else
			r = R_RELATED;
		d->b[i].role = r;
	}
}

/* The shape of a list item: how it starts, and the separators it holds. */
static unsigned
shape(const struct split_doc *d, size_t i)
{
	const unsigned char *s = d->text + B(i)->off;
	size_t n = B(i)->len;
	unsigned sh;

	if (n == 0)
		return 0;
	sh = s[0] >= '0' && s[0] <= '9' ? 1 : s[0] >= 'A' && s[0] <= 'Z' ? 2 :
	    s[0] >= 'a' && s[0] <= 'z' ? 3 : 4;
	if (memmem(s, n, " -- ", 4) || memmem(s, n, " \xe2\x80\x93 ", 5) ||
	    memmem(s, n, " \xe2\x80\x94 ", 5) || memmem(s, n, " - ", 3))
		sh |= 8;
	if (memmem(s, n, " @ ", 3))
		sh |= 16;
	if (memchr(s, ':', n))
		sh |= 32;
	if (memchr(s, '|', n))
		sh |= 64;
	return sh;
}

/*
 * Tables: five or more rows in a run that start with a number and share
 * their shape (standings, results, schedules) are content, not menus.
 */
static void
tables(struct split_doc *d)
{
	size_t i, j;
	unsigned sh;

	for (i = 0; i < d->n; i = j) {
		j = i + 1;
		/* Rows are short and start with a digit: look no further. */
		if (B(i)->len == 0 || d->text[B(i)->off] < '0' || d->text[B(i)->off] > '9' ||
		    B(i)->f.ntok < 3 || B(i)->f.ntok > 40 || B(i)->w < -1e6)
			continue;
		sh = shape(d, i);
		while (j < d->n && shape(d, j) == sh && B(j)->f.ntok >= 3 &&
		    B(j)->f.ntok <= 40 && B(j)->w > -1e6)
			j++;
		if (j - i >= 5)
			for (size_t k = i; k < j; k++)
				B(k)->w = 2;
	}
}

/*
 * A list that ends the story ("Tour dates:", then one line a date): three
 * or more items of one shape right after the body, perhaps under a line
 * that introduces them, belong to it.  Returns the new end of the body.
 */
static size_t
list(struct split_doc *d, size_t b)
{
	size_t i = b + 1, j, k;
	unsigned sh;

	if (i < d->n && !B(i)->f.endterm && !B(i)->f.mark && B(i)->f.ntok >= 1 &&
	    B(i)->f.ntok <= 12)
		i++;
	/* Capitalised lines alone are as likely a list of links. */
	if (i >= d->n || (sh = shape(d, i)) == 0 || sh == 2 || sh == 3)
		return b;
	for (j = i; j < d->n; j++) {
		const struct split_feat *f = &B(j)->f;
		if (shape(d, j) != sh || f->mark || f->ntok < 3 || f->ntok > 40 ||
		    B(j)->dup >= 0)
			break;
	}
	if (j - i < 3)
		return b;
	for (k = i; k < j; k++)
		B(k)->role = R_BODY;
	return j - 1;
}

void
split_classify(struct split_doc *d)
{
	size_t i, a = 0, b = 0, h;

	if (d->n == 0)
		return;
	for (i = 0; i < d->n; i++)
		split_features(d->text + B(i)->off, B(i)->len, &B(i)->f);
	repeats(d);
	h = weigh(d);
	tables(d);
	if (!densest(d, &a, &b)) {
		/* Nothing reads as prose: all of it is page furniture. */
		before(d, d->n, h);
		return;
	}
	a = top(d, a, b);
	b = list(d, b);
	before(d, a, h);
	for (i = a; i <= b; i++)
		B(i)->role = inside(B(i));
	/* The links of a related box inside the story. */
	for (i = a; i <= b; i++)
		if (B(i)->role == R_RELATED)
			while (i + 1 <= b && !split_prose(&B(i + 1)->f) &&
			    B(i + 1)->f.ntok >= 2 && B(i + 1)->f.ntok <= 20)
				B(++i)->role = R_RELATED;
	/* A short block over a credit is the photo's caption. */
	for (i = a; i < b; i++)
		if (B(i)->role == R_BODY && B(i + 1)->role == R_CREDIT &&
		    B(i)->f.ntok <= 40)
			B(i)->role = R_CAPTION;
	after(d, b);
}
