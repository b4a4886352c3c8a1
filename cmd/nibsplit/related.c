/*
 * Related items: teasers for other stories, as pages print them after
 * "Related Articles": a source, an age ("33 minutes ago"), the source
 * again as "- Source", a title, then a text that often starts with the
 * title.  Without ages, each title-like block starts an item.
 */
#include <string.h>

#include "mem.h"
#include "split.h"

#define B(i) (&d->b[i])

static int
age(const struct split_block *b)
{
	return split_datelike(&b->f) && b->f.ntok <= 6;
}

/* "- CNN" after "CNN": the source repeated as a byline. */
static int
resource(const struct split_doc *d, size_t i, size_t src)
{
	const unsigned char *s = split_text(d, i);
	size_t n = B(i)->len;

	if (n < 2 || !(s[0] == '-' || (n >= 4 && memcmp(s, "\xe2\x80\x94", 3) == 0)))
		return 0;
	return src == (size_t)-1 || split_samekey(d, i, src) ||
	    B(i)->f.ntok <= 4;
}

static struct split_span
span(const struct split_doc *d, size_t i)
{
	struct split_span s = { split_off(d, i), B(i)->len };
	return s;
}

static void
additem(struct split_item **v, size_t *n, size_t *cap, size_t first)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*v = nib_realloc(*v, *cap, sizeof **v);
	}
	memset(&(*v)[*n], 0, sizeof **v);
	(*v)[*n].first = (*v)[*n].last = first;
	(*n)++;
}

/* Items of the run of related blocks [s, e]. */
static void
run(struct split_doc *d, size_t s, size_t e, struct split_item **v,
    size_t *n, size_t *cap)
{
	size_t i, j, k0 = *n, src;
	int ages = 0;

	for (i = s; i <= e; i++)
		if (age(B(i)))
			ages++;
	for (i = s; i <= e; i++) {
		const struct split_feat *f = &B(i)->f;
		if (f->mark && !f->prefix)
			continue;
		if (ages) {
			/* An item starts at the source before its age. */
			if (i < e && age(B(i + 1)) && !age(B(i)) && f->ntok <= 8) {
				additem(v, n, cap, i);
				(*v)[*n - 1].source = span(d, i);
				continue;
			}
			if (age(B(i)) && (*n == k0 || (*v)[*n - 1].age.len > 0 ||
			    (*v)[*n - 1].last + 1 != i)) {
				additem(v, n, cap, i);
				(*v)[*n - 1].age = span(d, i);
				continue;
			}
			if (age(B(i)) && *n > k0 && (*v)[*n - 1].age.len == 0) {
				(*v)[*n - 1].age = span(d, i);
				(*v)[*n - 1].last = i;
				continue;
			}
		} else if (split_titlelike(f) || (*n == k0 && f->ntok > 0)) {
			additem(v, n, cap, i);
			(*v)[*n - 1].title = span(d, i);
			continue;
		}
		if (*n == k0)
			continue;
		(*v)[*n - 1].last = i;
	}
	/* Titles after the age: skip "- Source", take the next block. */
	for (j = k0; j < *n; j++) {
		struct split_item *it = &(*v)[j];
		if (it->title.len > 0)
			continue;
		src = it->source.len ? it->first : (size_t)-1;
		for (i = it->first; i <= it->last; i++) {
			struct split_span sp = span(d, i);
			if (sp.off == it->source.off && it->source.len)
				continue;
			if (sp.off == it->age.off && it->age.len)
				continue;
			if (resource(d, i, src))
				continue;
			it->title = sp;
			break;
		}
	}
}

size_t
split_related(struct split_doc *d, struct split_item **items)
{
	struct split_item *v = NULL;
	size_t i, s, n = 0, cap = 0, k;

	for (i = 0; i < d->n; i++)
		B(i)->item = 0;
	for (i = 0; i < d->n; i = s) {
		s = i + 1;
		if (B(i)->role != R_RELATED)
			continue;
		while (s < d->n && B(s)->role == R_RELATED)
			s++;
		run(d, i, s - 1, &v, &n, &cap);
	}
	for (k = 0; k < n; k++)
		for (i = v[k].first; i <= v[k].last; i++)
			B(i)->item = (int)k + 1;
	*items = v;
	return n;
}
