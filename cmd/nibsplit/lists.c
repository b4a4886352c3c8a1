/*
 * Runs of blocks of one shape: a table inside the story (standings,
 * results, schedules) and a list that closes it ("Tour dates:", then one
 * line a date).
 */
#include <string.h>

#include "classify.h"

#define SHAPEHEAD 48	/* bytes of a block that make its shape */

/* The shape of a list item: how it starts, and the separators it holds. */
static unsigned
shape(const struct split_doc *d, size_t i)
{
	const unsigned char *s = split_text(d, i);
	size_t n = B(i)->len;
	unsigned sh;

	if (n == 0)
		return 0;
	/* The separators of a row come early; a long item's dash is prose. */
	if (n > SHAPEHEAD)
		n = SHAPEHEAD;
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

/* Starts with a clock time: "09:12", "9:05 p.m.". */
static int
clock(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 2 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i + 2 < n && s[i] == ':' && s[i + 1] >= '0' && s[i + 1] <= '9' &&
	    s[i + 2] >= '0' && s[i + 2] <= '9';
}

/* A number after the row's first token: a date, a score, a count. */
static int
data(const struct split_doc *d, size_t i)
{
	const unsigned char *s = split_text(d, i), *e = s + B(i)->len;

	while (s < e && *s != ' ')
		s++;
	for (; s < e; s++)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
}

/*
 * Tables: five or more rows in a run that start with a number and share
 * their shape are content, not menus.  Rows of data weigh their words,
 * as a paragraph of them would: a calendar under the headline must
 * outweigh the blurbs of a sidebar further down.  A numbered list of
 * headlines ("1. Man rescued ...", most read) holds no other number and
 * weighs little, lest it outweigh a short story.
 */
void
split_tables(struct split_doc *d)
{
	size_t i, j;
	unsigned sh;

	for (i = 0; i < d->n; i = j) {
		j = i + 1;
		/* Rows are short and start with a digit: look no further. */
		if (B(i)->len == 0 || split_text(d, i)[0] < '0' || split_text(d, i)[0] > '9' ||
		    B(i)->f.ntok < 3 || B(i)->f.ntok > 40 || split_head(&B(i)->f))
			continue;
		sh = shape(d, i);
		while (j < d->n && shape(d, j) == sh && B(j)->f.ntok >= 3 &&
		    B(j)->f.ntok <= 40 && !split_head(&B(j)->f))
			j++;
		if (j - i >= 5)
			for (size_t k = i; k < j; k++)
				B(k)->w = data(d, k) ? B(k)->f.ntok - 1 : 2;
	}
}

/* Block j can be an item of a list: no marker, no repeat, 3 to 40 tokens. */
static int
item(const struct split_doc *d, size_t j)
{
	const struct split_feat *f = &B(j)->f;

	return !f->mark && f->ntok >= 3 && f->ntok <= 40 && B(j)->dup < 0;
}

/*
 * The end of a run of items from i: of one shape, or numbered items each
 * followed by a line of one other shape (a link, a price), in pairs.
 */
static size_t
run(const struct split_doc *d, size_t i, unsigned sh)
{
	size_t j;
	unsigned sh2;

	for (j = i; j < d->n && shape(d, j) == sh && item(d, j); j++)
		;
	if (j - i >= 3 || (sh & 7) != 1 || i + 1 >= d->n ||
	    ((sh2 = shape(d, i + 1)) & 7) == 1)
		return j;
	for (j = i; j + 1 < d->n && (shape(d, j) & 7) == 1 && item(d, j) &&
	    shape(d, j + 1) == sh2 && item(d, j + 1); j += 2)
		;
	return j - i >= 6 ? j : i;
}

/*
 * A list that ends the story: three or more items of one shape right
 * after the body, perhaps under a line that introduces them, belong to it.
 */
size_t
split_list(struct split_doc *d, size_t b)
{
	size_t i = b + 1, j, k, dated;
	unsigned sh;

	if (i >= d->n)
		return b;
	/* Numbered items first ("1) ...", each with its link): no intro. */
	j = ((sh = shape(d, i)) & 7) == 1 ? run(d, i, sh) : i;
	if (j - i < 3) {
		/* Perhaps under a line that introduces the items. */
		if (!B(i)->f.endterm && !B(i)->f.mark && B(i)->f.ntok >= 1 &&
		    B(i)->f.ntok <= 12)
			i++;
		if (i >= d->n || (sh = shape(d, i)) == 0)
			return b;
		j = run(d, i, sh);
	}
	if (j - i < 3)
		return b;
	/*
	 * Lines that start with a letter are as likely a list of links: the
	 * story's own list (features, points) has long items, none in Title
	 * Case.
	 */
	if (sh == 2 || sh == 3) {
		size_t tok = 0, capsy = 0;
		for (k = i; k < j; k++) {
			tok += B(k)->f.ntok;
			capsy += split_capsy(&B(k)->f);
		}
		if (tok < 10 * (j - i) || capsy > 0)
			return b;
	}
	/* Items stamped with clock times are other stories' headlines. */
	for (k = i, dated = 0; k < j; k++)
		dated += clock(split_text(d, k), B(k)->len);
	if (dated * 2 >= j - i)
		return b;
	for (k = i; k < j; k++) {
		B(k)->role = R_BODY;
		B(k)->why = Y_LIST;
	}
	return j - 1;
}
