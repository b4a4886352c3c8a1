/*
 * Records: a story made of rows of one shape with numbers in them (a
 * round-up of results, "Team (3-1): Name 2 goals."), some of them too
 * short or too capitalised to read as prose.  The densest run stops at
 * the first row that weighs less than nothing; the rows that repeat the
 * body's own shape after it are the rest of the story.
 */
#include <stdint.h>

#include "classify.h"

#define SKEL 6		/* symbols of a block's start that make its shape */
#define WINDOW 16	/* last blocks of the body whose shapes are known */
#define RGAP 2		/* other blocks (section labels) between two rows */

/*
 * The shape of a block's start: each word one symbol ('A' capitalised,
 * 'a' not), each number '0' (a score "52-40", a record "2-1-1", a time
 * "8:40" are numbers), each other mark itself, spaces
 * dropped and a symbol that repeats the one before it dropped too, up to
 * SKEL symbols packed in one number.  0 when the start holds no digit:
 * rows of results, scores and dates are what this is for, and the
 * shapes of plain sentences are too common to mean anything.
 */
static uint64_t
skeleton(const unsigned char *s, size_t n)
{
	uint64_t key = 0;
	size_t i = 0;
	int k = 0, digit = 0, prev = -1, sym;

	while (i < n && k < SKEL) {
		unsigned c = s[i];
		if (c == ' ') {
			i++;
			continue;
		}
		if (c >= '0' && c <= '9') {
			sym = '0';
			digit = 1;
			while (i < n && ((s[i] >= '0' && s[i] <= '9') ||
			    (i + 1 < n && (s[i] == '-' || s[i] == ':' || s[i] == '.' ||
			    s[i] == ',') && s[i + 1] >= '0' && s[i + 1] <= '9')))
				i++;
		} else if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
			sym = c >= 'A' && c <= 'Z' ? 'A' : 'a';
			while (i < n && (s[i] >= 0x80 || ((s[i] | 0x20) >= 'a' &&
			    (s[i] | 0x20) <= 'z')))
				i++;
		} else {
			sym = (int)c;
			i++;
		}
		if (sym != prev) {
			key = key << 8 | (unsigned)sym;
			k++;
		}
		prev = sym;
	}
	return digit ? key : 0;
}

static uint64_t
shapeof(const struct split_doc *d, size_t i)
{
	const struct split_feat *f = &B(i)->f;

	if (f->ntok < 3 || (f->mark && !f->prefix) || B(i)->dup >= 0)
		return 0;
	return skeleton(split_text(d, i), B(i)->len);
}

/* Shape k appears twice or more among the n shapes of v[]. */
static int
repeated(const uint64_t *v, size_t n, uint64_t k)
{
	size_t i, c = 0;

	for (i = 0; i < n && c < 2; i++)
		c += v[i] == k;
	return c >= 2;
}

size_t
split_records(struct split_doc *d, size_t a, size_t b)
{
	uint64_t v[WINDOW] = { 0 }, k;
	size_t i, n = 0, gap = 0;
	int match;

	/* The shapes of the last WINDOW blocks seen, the body's and after. */
	for (i = b + 1 - a > WINDOW ? b + 1 - WINDOW : a; i <= b; i++)
		v[n++ % WINDOW] = shapeof(d, i);
	for (i = b + 1; i < d->n; i++) {
		const struct split_feat *f = &B(i)->f;
		if (f->ntok == 0)
			continue;
		k = shapeof(d, i);
		match = k != 0 && repeated(v, WINDOW, k);
		v[n++ % WINDOW] = k;
		if (match) {
			b = i;
			gap = 0;
			continue;
		}
		/* A section label, a row of another shape: never a head. */
		if (++gap > RGAP || split_head(f) || f->copy || f->url ||
		    f->ntok > 20)
			break;
	}
	return b;
}
