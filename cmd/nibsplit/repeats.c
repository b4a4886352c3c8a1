/*
 * Repeats within a document, and the headline anchor: both compare blocks
 * by hashes kept in common/words maps.
 */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "classify.h"
#include "keys.h"
#include "mem.h"
#include "tokens.h"
#include "words.h"

#define HEAD 48			/* bytes that key a block's start */
#define NONE UINT32_MAX		/* the end of a chain of blocks */

static uint64_t
headkey(const struct split_doc *d, size_t i)
{
	return XXH3_64bits(split_text(d, i), HEAD) | 1;
}

/* Ends in "..." or "…": a teaser cut short, not a whole paragraph. */
static int
cut(const struct split_doc *d, size_t i)
{
	const unsigned char *e = split_text(d, i) + B(i)->len;

	return B(i)->len >= 3 && (memcmp(e - 3, "...", 3) == 0 ||
	    memcmp(e - 3, "\xe2\x80\xa6", 3) == 0);
}

/*
 * Block i starts with the whole of an earlier block of the same first
 * HEAD bytes and goes on well past it: sets its dup and returns 1.
 * Otherwise it joins the chain of its start (heads maps the start to its
 * first block, next[] links the rest), unless it is a teaser cut short.
 */
static int
startswith(struct split_doc *d, size_t i, struct nib_map *heads, uint32_t *next)
{
	uint64_t k = headkey(d, i);
	uint32_t j, last = NONE;

	if (nib_map_find(heads, k, &j))
		for (; j != NONE; last = j, j = next[j])
			if (B(i)->len > B(j)->len * 3 / 2 &&
			    memcmp(split_text(d, i), split_text(d, j), B(j)->len) == 0) {
				B(i)->dup = (int)j;
				return 1;
			}
	if (cut(d, i))
		return 0;
	next[i] = NONE;
	if (last == NONE)
		*nib_map_put(heads, k, NULL) = (uint32_t)i;
	else
		next[last] = (uint32_t)i;
	return 0;
}

/*
 * The sort behind equal(): block indices by key, then by position, kept
 * in the blocks' own dup fields (position p of the order in block p's),
 * so that finding repeats takes no memory beyond the blocks.  Quicksort,
 * with heapsort past a depth that only a hostile order reaches.
 */
#define P(p)		((uint32_t)d->b[p].dup)
#define SETP(p, x)	(d->b[p].dup = (int32_t)(x))

static inline int
less(const struct split_doc *d, uint32_t x, uint32_t y)
{
	uint64_t kx = d->b[x].key, ky = d->b[y].key;

	return kx < ky || (kx == ky && x < y);
}

static inline void
swap(struct split_doc *d, size_t p, size_t q)
{
	uint32_t t = P(p);

	SETP(p, P(q));
	SETP(q, t);
}

static void
sift(struct split_doc *d, size_t lo, size_t root, size_t n)
{
	size_t c;

	while ((c = 2 * root + 1) < n) {
		if (c + 1 < n && less(d, P(lo + c), P(lo + c + 1)))
			c++;
		if (!less(d, P(lo + root), P(lo + c)))
			return;
		swap(d, lo + root, lo + c);
		root = c;
	}
}

static void
heapsort_(struct split_doc *d, size_t lo, size_t n)
{
	size_t i;

	for (i = n / 2; i-- > 0;)
		sift(d, lo, i, n);
	for (i = n; i-- > 1;) {
		swap(d, lo, lo + i);
		sift(d, lo, 0, i);
	}
}

/* Sorts positions [lo, hi). */
static void
sortkeys(struct split_doc *d, size_t lo, size_t hi, int depth)
{
	size_t i, j, mid;
	uint32_t x, pv;

	while (hi - lo > 16) {
		if (depth-- == 0) {
			heapsort_(d, lo, hi - lo);
			return;
		}
		/* The median of three to lo, then Hoare's partition around it. */
		mid = lo + (hi - lo) / 2;
		if (less(d, P(mid), P(lo)))
			swap(d, mid, lo);
		if (less(d, P(hi - 1), P(mid)))
			swap(d, hi - 1, mid);
		if (less(d, P(mid), P(lo)))
			swap(d, mid, lo);
		swap(d, lo, mid);
		pv = P(lo);
		for (i = lo, j = hi;;) {
			while (less(d, P(++i), pv))
				;
			while (less(d, pv, P(--j)))
				;
			if (i >= j)
				break;
			swap(d, i, j);
		}
		swap(d, lo, j);
		/* The smaller side by recursion, the larger by the loop. */
		if (j - lo < hi - j - 1) {
			sortkeys(d, lo, j, depth);
			lo = j + 1;
		} else {
			sortkeys(d, j + 1, hi, depth);
			hi = j;
		}
	}
	for (i = lo + 1; i < hi; i++) {
		x = P(i);
		for (j = i; j > lo && less(d, x, P(j - 1)); j--)
			SETP(j, P(j - 1));
		SETP(j, x);
	}
}

#define SMALL 65536	/* blocks a document may have for equal_small() */

/*
 * equal() for a document of at most SMALL blocks: a table of block
 * indices by key, kept from one document to the next (512 KiB at most),
 * is faster than sorting.
 */
static void
equal_small(struct split_doc *d)
{
	static uint32_t *tab;
	static size_t cap;
	size_t i, j, mask = 63;
	uint64_t k;

	while (mask + 1 < 2 * d->n)
		mask = mask * 2 + 1;
	NIB_GROW(tab, cap, mask + 1);
	memset(tab, 0xff, (mask + 1) * sizeof *tab);
	for (i = 0; i < d->n; i++) {
		if (B(i)->f.ntok == 0)
			continue;
		k = B(i)->key;
		for (j = (size_t)(k ^ k >> 32) & mask; tab[j] != NONE; j = (j + 1) & mask)
			if (B(tab[j])->key == k)
				break;
		if (tab[j] != NONE)
			B(i)->dup = (int32_t)tab[j];
		else
			tab[j] = (uint32_t)i;
	}
	for (i = 0; i < d->n; i++) {
		k = B(i)->key;
		B(i)->ktag = (uint32_t)(k >> 32);
	}
}

/*
 * Marks blocks that repeat an earlier block of the document: the dup of
 * a block with words is the first block with words of its key, when that
 * is not itself.  A large document sorts its block indices by key (in
 * place, see sortkeys()), which puts every repeat after its first.
 */
static void
equal(struct split_doc *d)
{
	size_t i, depth = 0;
	uint64_t k, gk = 0;
	uint32_t x, head = NONE;

	if (d->n <= SMALL) {
		equal_small(d);
		return;
	}
	for (i = 0; i < d->n; i++)
		SETP(i, i);
	for (i = d->n; i > 0; i >>= 1)
		depth += 2;
	sortkeys(d, 0, d->n, (int)depth);
	/* The head goes where the key just read was (w's bytes). */
	for (i = 0; i < d->n; i++) {
		x = P(i);
		k = d->b[x].key;
		if (i == 0 || k != gk) {
			gk = k;
			head = NONE;
		}
		if (head == NONE && d->b[x].f.ntok > 0)
			head = x;
		memcpy(&d->b[x].w, &head, sizeof head);
		d->b[x].ktag = (uint32_t)(k >> 32);
	}
	for (i = 0; i < d->n; i++) {
		memcpy(&x, &d->b[i].w, sizeof x);
		d->b[i].dup = d->b[i].f.ntok > 0 && x != i ? (int32_t)x : -1;
	}
}

int
split_samekey(const struct split_doc *d, size_t i, size_t j)
{
	return B(i)->ktag == B(j)->ktag &&
	    split_key(split_text(d, i), B(i)->len) == split_key(split_text(d, j), B(j)->len);
}

/*
 * Marks blocks that repeat an earlier block of the document, and long
 * blocks that start with a whole earlier block and go on (a page's
 * metadata often repeats the whole story as one line).
 */
void
split_repeats(struct split_doc *d)
{
	struct nib_map heads;
	uint32_t *next = NULL;
	size_t i;

	equal(d);
	nib_map_init(&heads);
	for (i = 0; i < d->n; i++) {
		if (B(i)->f.ntok == 0 || B(i)->dup >= 0 || B(i)->len < HEAD)
			continue;
		/* Blocks of HEAD bytes are few in a document of short lines. */
		if (next == NULL)
			next = nib_calloc(d->n, sizeof *next);
		startswith(d, i, &heads, next);
	}
	free(next);
	nib_map_free(&heads);
}

/* Pairs of adjacent tokens key the title; a pair is one hash. */
static uint64_t
pair(uint64_t prev, uint64_t h)
{
	return prev * 0x9E3779B97F4A7C15ULL ^ h;
}

/*
 * Reads the title block s[0..n) into its token pairs (at most 64) and
 * single tokens; returns the number of distinct pairs.
 */
static size_t
titlepairs(struct nib_keybuf *kb, const unsigned char *s, size_t n,
    struct nib_map *pairs, struct nib_map *uni)
{
	size_t pos = 0, a, b, npair = 0;
	uint64_t h, prev = 0;
	int isnew;

	while (npair < 64 && nib_token_next(s, n, &pos, &a, &b)) {
		h = nib_key_token(kb, s + a, b - a) | 1;
		if (prev) {
			nib_map_put(pairs, pair(prev, h), &isnew);
			npair += isnew;
		}
		nib_map_put(uni, h, NULL);
		prev = h;
	}
	return npair;
}

/*
 * How well block s[0..n) repeats the title: the share of its pairs that
 * are the title's, capped by 1.5 times the share of the title's pairs it
 * holds; -1 when it does not start with a word of the title.
 */
static double
titlescore(struct nib_keybuf *kb, const unsigned char *s, size_t n,
    const struct nib_map *pairs, const struct nib_map *uni, size_t npair)
{
	size_t pos = 0, a, b;
	uint64_t h, prev;
	unsigned hit = 0, cnt = 0;
	double score;

	if (!nib_token_next(s, n, &pos, &a, &b) ||
	    !nib_map_find(uni, nib_key_token(kb, s + a, b - a) | 1, NULL))
		return -1;
	for (pos = 0, prev = 0; nib_token_next(s, n, &pos, &a, &b); prev = h) {
		h = nib_key_token(kb, s + a, b - a) | 1;
		if (!prev)
			continue;
		cnt++;
		hit += nib_map_find(pairs, pair(prev, h), NULL);
	}
	score = (double)hit / cnt;
	if ((double)hit * 1.5 / npair < score)
		score = (double)hit * 1.5 / npair;
	return score;
}

/*
 * Scrapers write the page's <title> first; the block that repeats most of
 * it later ("Title - Site" becomes "Title") is the headline over the
 * story, and the story follows it.  Blocks are compared by pairs of
 * adjacent tokens, so that a sentence on the same subject (in Japanese,
 * the same characters) does not pass for the headline.
 */
size_t
split_anchor(struct split_doc *d)
{
	static struct nib_keybuf kb;
	struct nib_map pairs, uni;
	size_t i, t = 0, npair, best = d->n;
	double score, top = 0.7;

	while (t < d->n && B(t)->f.ntok == 0)
		t++;
	if (t >= d->n || B(t)->f.ntok < 3 || B(t)->f.ntok > 60)
		return d->n;
	nib_map_init(&pairs);
	nib_map_init(&uni);
	npair = titlepairs(&kb, split_text(d, t), B(t)->len, &pairs, &uni);
	for (i = t + 1; i < d->n && npair > 0; i++) {
		if (B(i)->f.ntok < 3 || B(i)->f.ntok > 40 || B(i)->f.ntok > 2 * npair ||
		    B(i)->f.mark)
			continue;
		/* Most of the block is title, and most of the title is there. */
		score = titlescore(&kb, split_text(d, i), B(i)->len, &pairs, &uni, npair);
		if (score > top + 0.01) {
			top = score;
			best = i;
		}
	}
	nib_map_free(&pairs);
	nib_map_free(&uni);
	return best;
}
