/*
 * hashset: a set of 128-bit keys (keys.h) by open addressing.
 *
 * The table holds the keys themselves, 16 bytes each, in a power-of-two
 * array filled at most three quarters, probed linearly: one cache line
 * answers most lookups.  Optionally the set remembers the order keys came
 * in (16 more bytes a key) and holds at most max keys, dropping the
 * oldest to make room: a cap on memory, a sliding window, and the order
 * a state file is written in.
 */
#ifndef NIB_HASHSET_H
#define NIB_HASHSET_H
#include <stddef.h>

#include "keys.h"

struct nib_hashset {
	struct nib_key *tab;	/* mask + 1 slots; {0, 0} is an empty slot */
	size_t mask;
	size_t count;
	size_t max;		/* cap on count; 0 for none */
	int ordered;
	struct nib_key *fifo;	/* ordered: keys oldest first, as a ring */
	size_t fcap, fhead;
};

/*
 * Sets up an empty set.  With max > 0 it holds at most max keys and
 * forgets the oldest first (which makes it ordered); ordered keeps the
 * order of insertion for nib_hashset_nth().
 */
void nib_hashset_init(struct nib_hashset *h, size_t max, int ordered);
/* Frees the set's memory. */
void nib_hashset_free(struct nib_hashset *h);
/* Empties the set, keeping its memory. */
void nib_hashset_clear(struct nib_hashset *h);
/*
 * Adds k; returns 1 when it was new, 0 when it was there already (its age
 * is not changed).  A set at its cap first forgets its oldest key.
 */
int nib_hashset_add(struct nib_hashset *h, struct nib_key k);
/* Returns 1 when k is in the set. */
int nib_hashset_has(const struct nib_hashset *h, struct nib_key k);
/*
 * Asks the processor to fetch k's slot, so that a nib_hashset_add() or
 * nib_hashset_has() of k a little later finds it in cache.
 */
void nib_hashset_prefetch(const struct nib_hashset *h, struct nib_key k);
/* Removes k; returns 1 when it was there. */
int nib_hashset_del(struct nib_hashset *h, struct nib_key k);
/* The i-th oldest key (i < count) of an ordered set. */
struct nib_key nib_hashset_nth(const struct nib_hashset *h, size_t i);

#endif
