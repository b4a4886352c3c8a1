#include <sys/mman.h>

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "hashset.h"
#include "mem.h"

#define MINSLOTS 64

static int
empty(const struct nib_key *k)
{
	return (k->lo | k->hi) == 0;
}

static int
same(const struct nib_key *a, struct nib_key b)
{
	return a->lo == b.lo && a->hi == b.hi;
}

void
nib_hashset_init(struct nib_hashset *h, size_t max, int ordered)
{
	memset(h, 0, sizeof *h);
	h->max = max;
	h->ordered = ordered || max > 0;
}

void
nib_hashset_free(struct nib_hashset *h)
{
	if (h->tab != NULL)
		munmap(h->tab, (h->mask + 1) * sizeof *h->tab);
	free(h->fifo);
	h->tab = h->fifo = NULL;
	h->mask = h->count = h->fcap = h->fhead = 0;
}

void
nib_hashset_clear(struct nib_hashset *h)
{
	if (h->tab != NULL)
		memset(h->tab, 0, (h->mask + 1) * sizeof *h->tab);
	h->count = h->fhead = 0;
}

/* The slot holding k, or the empty slot where it would go. */
static size_t
find(const struct nib_hashset *h, struct nib_key k)
{
	size_t i = (size_t)k.lo & h->mask;

	while (!empty(&h->tab[i]) && !same(&h->tab[i], k))
		i = (i + 1) & h->mask;
	return i;
}

/*
 * Tables come straight from mmap(2): zero pages cost nothing until used,
 * and the old table can be given back piece by piece while it is moved.
 */
static struct nib_key *
table(size_t n)
{
	void *p = mmap(NULL, n * sizeof(struct nib_key), PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		err(2, "out of memory");
	return p;
}

#define CHUNK 4096	/* keys moved between madvise(2) calls: 64 KiB */

/*
 * Doubles the table.  Keys of old slot i go near slot i or i + n of the
 * new one, so reading the old table in order fills the new one at two
 * fronts, and the part of the old one already read is given back: the
 * peak is about the new table, not old plus new.
 */
static void
grow(struct nib_hashset *h)
{
	struct nib_key *old = h->tab;
	size_t n = old ? h->mask + 1 : 0, m = n ? n * 2 : MINSLOTS;

	if (n > ((size_t)-1) / 2 / sizeof *old)
		errx(2, "out of memory");
	h->tab = table(m);
	h->mask = m - 1;
	for (size_t i = 0; i < n; i++) {
		if (!empty(&old[i]))
			h->tab[find(h, old[i])] = old[i];
		if ((i + 1) % CHUNK == 0)
			madvise(old + i + 1 - CHUNK, CHUNK * sizeof *old, MADV_DONTNEED);
	}
	if (old != NULL)
		munmap(old, n * sizeof *old);
}

/* Appends k to the order of insertion. */
static void
push(struct nib_hashset *h, struct nib_key k)
{
	if (h->count == h->fcap) {
		/* The ring is full only when uncapped (or not yet at max). */
		size_t n = h->fcap ? h->fcap * 2 : MINSLOTS;
		if (h->max > 0 && n > h->max)
			n = h->max;
		struct nib_key *f = nib_realloc(NULL, n, sizeof *f);
		for (size_t i = 0; i < h->count; i++)
			f[i] = h->fifo[(h->fhead + i) % h->fcap];
		free(h->fifo);
		h->fifo = f;
		h->fcap = n;
		h->fhead = 0;
	}
	h->fifo[(h->fhead + h->count) % h->fcap] = k;
}

int
nib_hashset_add(struct nib_hashset *h, struct nib_key k)
{
	size_t i;

	if (h->tab == NULL)
		grow(h);
	i = find(h, k);
	if (!empty(&h->tab[i]))
		return 0;
	if (h->max > 0 && h->count == h->max) {
		nib_hashset_del(h, h->fifo[h->fhead]);
		i = find(h, k);
	}
	if ((h->count + 1) * 4 > (h->mask + 1) * 3) {
		grow(h);
		i = find(h, k);
	}
	if (h->ordered)
		push(h, k);
	h->tab[i] = k;
	h->count++;
	return 1;
}

void
nib_hashset_prefetch(const struct nib_hashset *h, struct nib_key k)
{
	if (h->tab != NULL)
		__builtin_prefetch(&h->tab[(size_t)k.lo & h->mask]);
}

int
nib_hashset_has(const struct nib_hashset *h, struct nib_key k)
{
	return h->tab != NULL && !empty(&h->tab[find(h, k)]);
}

/*
 * Removal shifts the keys after the hole back, so that linear probing
 * needs no tombstones.  For ordered sets only the oldest key can go (that
 * is all eviction needs), or the order would have holes.
 */
int
nib_hashset_del(struct nib_hashset *h, struct nib_key k)
{
	size_t i, j, want;

	if (h->tab == NULL || empty(&h->tab[i = find(h, k)]))
		return 0;
	if (h->ordered) {
		if (!same(&h->fifo[h->fhead], k))
			return 0;
		h->fhead = (h->fhead + 1) % h->fcap;
	}
	for (j = i;;) {
		h->tab[i].lo = h->tab[i].hi = 0;
		for (;;) {
			j = (j + 1) & h->mask;
			if (empty(&h->tab[j]))
				goto done;
			want = (size_t)h->tab[j].lo & h->mask;
			/* Move j back unless its home lies in (i, j]. */
			if (i <= j ? (want <= i || want > j) : (want <= i && want > j))
				break;
		}
		h->tab[i] = h->tab[j];
		i = j;
	}
done:
	h->count--;
	return 1;
}

struct nib_key
nib_hashset_nth(const struct nib_hashset *h, size_t i)
{
	return h->fifo[(h->fhead + i) % h->fcap];
}
