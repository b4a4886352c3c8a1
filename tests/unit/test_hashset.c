#include <stdint.h>

#include "hashset.h"
#include "t.h"

static struct nib_key
K(uint64_t i)
{
	/* Low bits alike, so that keys collide and probe. */
	struct nib_key k = { i << 20, i * 0x9E3779B97F4A7C15ULL + 1 };
	return k;
}

static void
basic(void)
{
	struct nib_hashset h;
	size_t i, n = 0;

	nib_hashset_init(&h, 0, 0);
	T(!nib_hashset_has(&h, K(1)));
	for (i = 0; i < 10000; i++)
		T(nib_hashset_add(&h, K(i)) == 1);
	for (i = 0; i < 10000; i++)
		n += nib_hashset_add(&h, K(i));
	T(n == 0 && h.count == 10000);
	T(nib_hashset_has(&h, K(9999)) && !nib_hashset_has(&h, K(10000)));
	/* Load stays at most 3/4: 16 bytes a key plus slack. */
	T(h.count * 4 <= (h.mask + 1) * 3);
	for (i = 0; i < 10000; i += 2)
		T(nib_hashset_del(&h, K(i)) == 1);
	T(h.count == 5000);
	for (i = 0; i < 10000; i++)
		T(nib_hashset_has(&h, K(i)) == (int)(i & 1));
	T(nib_hashset_del(&h, K(0)) == 0);
	nib_hashset_clear(&h);
	T(h.count == 0 && !nib_hashset_has(&h, K(1)));
	nib_hashset_free(&h);
}

/* A key whose home slot in a 64-slot table is home; tag tells keys apart. */
static struct nib_key
H(uint64_t home, uint64_t tag)
{
	struct nib_key k = { home | (tag + 1) << 32, tag * 0x9E3779B97F4A7C15ULL + 7 };
	return k;
}

/*
 * Deletion when the run of keys wraps past the table's end and holds keys
 * of different home slots: after every deletion, in every order tried,
 * each key left is still found, each one gone is not, and no slot is
 * left over.
 */
static void
wrapping(void)
{
	/* Homes 61, 61, 62, 63, 63, 0, 1, 61: the run is 61..4, wrapping. */
	static const uint64_t home[] = { 61, 61, 62, 63, 63, 0, 1, 61 };
	enum { N = sizeof home / sizeof home[0] };
	static const int order[][N] = {
		{ 0, 1, 2, 3, 4, 5, 6, 7 },
		{ 7, 6, 5, 4, 3, 2, 1, 0 },
		{ 3, 0, 6, 2, 7, 5, 1, 4 },
		{ 5, 4, 1, 7, 0, 3, 2, 6 },
	};

	for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
		struct nib_hashset h;
		int gone[N] = { 0 };

		nib_hashset_init(&h, 0, 0);
		for (size_t i = 0; i < N; i++)
			T(nib_hashset_add(&h, H(home[i], i)) == 1);
		T(h.mask == 63);	/* no growth: the run must wrap */
		T(!nib_hashset_del(&h, H(61, 99)));
		for (size_t d = 0; d < N; d++) {
			size_t used = 0;

			T(nib_hashset_del(&h, H(home[order[o][d]], order[o][d])) == 1);
			gone[order[o][d]] = 1;
			for (size_t i = 0; i < N; i++)
				T(nib_hashset_has(&h, H(home[i], i)) == !gone[i]);
			for (size_t s = 0; s <= h.mask; s++)
				used += (h.tab[s].lo | h.tab[s].hi) != 0;
			T(used == h.count && h.count == N - d - 1);
		}
		nib_hashset_free(&h);
	}
}

static void
capped(void)
{
	struct nib_hashset h;
	size_t i;

	nib_hashset_init(&h, 100, 0);
	T(h.ordered);
	for (i = 0; i < 1000; i++)
		nib_hashset_add(&h, K(i));
	T(h.count == 100);
	for (i = 0; i < 1000; i++)
		T(nib_hashset_has(&h, K(i)) == (i >= 900));
	for (i = 0; i < 100; i++) {
		struct nib_key k = nib_hashset_nth(&h, i);
		T(k.lo == K(900 + i).lo && k.hi == K(900 + i).hi);
	}
	/* A repeat does not renew a key's age. */
	T(nib_hashset_add(&h, K(900)) == 0);
	nib_hashset_add(&h, K(5000));
	T(!nib_hashset_has(&h, K(900)) && nib_hashset_has(&h, K(901)));
	/* Only the oldest key of an ordered set can go. */
	T(nib_hashset_del(&h, K(950)) == 0 && nib_hashset_has(&h, K(950)));
	nib_hashset_free(&h);

	nib_hashset_init(&h, 1, 0);
	T(nib_hashset_add(&h, K(1)) == 1 && nib_hashset_add(&h, K(1)) == 0);
	T(nib_hashset_add(&h, K(2)) == 1 && nib_hashset_add(&h, K(1)) == 1);
	nib_hashset_free(&h);
}

static void
ordered(void)
{
	struct nib_hashset h;

	nib_hashset_init(&h, 0, 1);
	for (uint64_t i = 0; i < 300; i++)
		nib_hashset_add(&h, K(299 - i));
	T(h.count == 300 && h.fcap >= 300);
	T(nib_hashset_nth(&h, 0).lo == K(299).lo && nib_hashset_nth(&h, 299).lo == K(0).lo);
	nib_hashset_free(&h);
}

int
main(void)
{
	basic();
	wrapping();
	capped();
	ordered();
	T_DONE();
}
