/*
 * The classifier: a role for every block of a document.  The body is
 * found first, as the densest run of prose (weigh.c); the blocks before,
 * inside and after it get their roles from their features and the
 * document around them (roles.c).
 */
#include "classify.h"

/* Roles inside the body [a, b]: related boxes, captions over credits. */
static void
body(struct split_doc *d, size_t a, size_t b)
{
	size_t i;

	for (i = a; i <= b; i++)
		B(i)->role = split_inside(B(i));
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
}

void
split_classify(struct split_doc *d)
{
	size_t i, a = 0, b = 0, h;

	if (d->n == 0)
		return;
	for (i = 0; i < d->n; i++)
		split_features(d->text + B(i)->off, B(i)->len, &B(i)->f);
	split_repeats(d);
	h = split_weigh(d);
	split_tables(d);
	if (!split_densest(d, &a, &b)) {
		/* Nothing reads as prose: all of it is page furniture. */
		split_before(d, d->n, h);
		return;
	}
	a = split_top(d, a, b);
	b = split_list(d, b);
	split_before(d, a, h);
	body(d, a, b);
	split_after(d, b);
}
