/*
 * docpasses.c: the first two passes over a held document.  Exact repeats:
 * a unit whose text (its words, or its key with -x and the counts) an
 * earlier unit has goes.  Glued prefixes: a unit that starts with the
 * whole of an earlier unit keeps only its new tail.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "doc.h"
#include "mem.h"

/*
 * Empties x and sizes it for n units, at most three quarters full: only
 * that much is cleared and probed, and a table grown large by one long
 * document is given back.  A slot is 4 bytes: unit + 1 in the low bits,
 * as many bits of the hash as are left above, to skip most compares.
 */
static void
index_reset(struct unitindex *x, size_t n)
{
	size_t c = 64;

	while (c * 3 < n * 4)
		c *= 2;
	if (c > x->alloc || (x->alloc >= 65536 && x->alloc / 8 > c)) {
		free(x->slot);
		x->slot = nib_calloc(c, sizeof *x->slot);
		x->alloc = c;
	} else
		memset(x->slot, 0, c * sizeof *x->slot);
	x->mask = c - 1;
	for (x->shift = 1; x->shift < 32 && ((size_t)1 << x->shift) <= n; x->shift++)
		;
}

/* Whether units v and i have the same text, as the exact pass sees it. */
static int
sameunit(const struct dd *d, const struct doc *doc, size_t v, size_t i)
{
	size_t a, b, n;

	if (!fuzzy(d))
		return doc->key[v].lo == doc->key[i].lo && doc->key[v].hi == doc->key[i].hi;
	a = unit_t0(doc, v);
	b = unit_t0(doc, i);
	n = unit_t1(doc, v) - a;
	return n == unit_t1(doc, i) - b &&
	    memcmp(doc->th + a, doc->th + b, n * sizeof *doc->th) == 0;
}

/* The earlier unit with the text of unit i (hash h), or -1 after adding i. */
static long
index_put(const struct dd *d, struct doc *doc, uint64_t h, size_t i)
{
	struct unitindex *x = &doc->exact;
	uint32_t low = (uint32_t)(((uint64_t)1 << x->shift) - 1);
	uint32_t tag = (uint32_t)(h >> 32) << x->shift & ~low;
	size_t k;

	for (k = (size_t)h & x->mask; x->slot[k] != 0; k = (k + 1) & x->mask)
		if ((x->slot[k] & ~low) == tag &&
		    sameunit(d, doc, (x->slot[k] & low) - 1, i))
			return (long)((x->slot[k] & low) - 1);
	x->slot[k] = tag | (uint32_t)(i + 1);
	return -1;
}

void
doc_report(const struct dd *d, const struct doc *doc, int why, double score,
    size_t ia, size_t a, size_t b, long ib, size_t oa, size_t ob)
{
	if (d->report == NULL)
		return;
	dd_report(d, doc->no, doc->line[ia], why, score, doc->no,
	    ib < 0 ? 0 : doc->line[ib], doc->buf + a, b - a, doc->buf + oa, ob - oa);
}

/* Reports unit i as a repeat (why) of unit v, up to byte end of its item. */
static void
reportunit(const struct dd *d, const struct doc *doc, int why, size_t i,
    size_t end, size_t v)
{
	size_t ui = unit_item(doc, i), uv = unit_item(doc, v);
	size_t at = item_off(doc, ui), ot = item_off(doc, uv);

	if (d->report == NULL)
		return;
	doc_report(d, doc, why, 1, ui, at + unit_a(doc, i), at + end, (long)uv,
	    ot + unit_a(doc, v), ot + unit_b(doc, v));
}

/* The hash that places unit i in the index (its key made, without words). */
static uint64_t
unithash(struct dd *d, struct doc *doc, size_t i)
{
	size_t t0, a = unit_a(doc, i);

	if (fuzzy(d)) {
		t0 = unit_t0(doc, i);
		return XXH3_64bits(doc->th + t0, (unit_t1(doc, i) - t0) *
		    sizeof *doc->th);
	}
	doc->key[i] = nib_key_make(&d->kb, d->mode,
	    item_text(doc, unit_item(doc, i)) + a, unit_b(doc, i) - a);
	return doc->key[i].lo;
}

void
doc_exact(struct dd *d, struct doc *doc)
{
	int counting = d->count || d->dups || d->uniqs;
	long v;

	if (!fuzzy(d))
		NIB_GROW(doc->key, doc->keycap, doc->nu);
	if (counting)
		NIB_GROW(doc->cnt, doc->cntcap, doc->nu);
	index_reset(&doc->exact, doc->nu);
	for (size_t i = 0; i < doc->nu; i++) {
		/* A blank line; or "***", "--": layout, not text. */
		if (unit_blank(doc, i) ||
		    (fuzzy(d) && unit_t1(doc, i) == unit_t0(doc, i))) {
			bit_set(doc->keep, i);
			continue;
		}
		v = index_put(d, doc, unithash(d, doc, i), i);
		if (counting)
			doc->cnt[v < 0 ? i : (size_t)v] = v < 0 ? 1 :
			    doc->cnt[v] + 1;
		if (v < 0)
			continue;
		bit_set(doc->gone, i);
		reportunit(d, doc, WHY_EXACT, i, unit_b(doc, i), (size_t)v);
	}
	/* A large index goes before the next pass takes its memory. */
	if (doc->exact.alloc >= 65536) {
		free(doc->exact.slot);
		doc->exact.slot = NULL;
		doc->exact.alloc = 0;
	}
}

static uint64_t
chainmix(uint64_t h, uint64_t t)
{
	h = (h ^ t) * 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 29);
}

/* Where the tail starts after a cut prefix: separators go with the prefix. */
static size_t
tailstart(const unsigned char *p, size_t i, size_t end)
{
	for (;;) {
		if (i < end && strchr(" \t\n:;,.|-", p[i]) != NULL && p[i] != '\0')
			i++;
		else if (i + 2 < end && p[i] == 0xe2 && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0x93 || p[i + 2] == 0x94))
			i += 3;		/* en and em dashes */
		else
			return i;
	}
}

static int
haslen(const struct doc *doc, size_t k)
{
	return k / 64 < doc->lenbitcap && (doc->lenbits[k / 64] >> (k % 64) & 1);
}

static void
setlen(struct doc *doc, size_t k)
{
	size_t old = doc->lenbitcap;

	NIB_GROW(doc->lenbits, doc->lenbitcap, k / 64 + 1);
	memset(doc->lenbits + old, 0, (doc->lenbitcap - old) * sizeof *doc->lenbits);
	doc->lenbits[k / 64] |= 1ULL << (k % 64);
}

/*
 * The longest prefix of unit u (n tokens from t0) that is the whole of an
 * earlier unit of at least minwords words: its length (0: none), the unit
 * in *v.  Only the lengths of earlier units (up to maxlen) can match.
 */
static size_t
longestprefix(struct dd *d, struct doc *doc, size_t t0, size_t n,
    size_t maxlen, uint64_t *full, uint32_t *v)
{
	size_t kmax = n - 1 < maxlen ? n - 1 : maxlen, nc = 0;
	uint64_t h = 0x243F6A8885A308D3ULL;

	for (size_t k = 1; k <= n; k++) {
		h = chainmix(h, doc->th[t0 + k - 1]);
		if (k >= d->minwords && k <= kmax && haslen(doc, k)) {
			NIB_GROW(doc->cand, doc->candcap, nc + 1);
			doc->cand[nc].k = k;
			doc->cand[nc++].h = h;
		}
	}
	*full = h;
	while (nc-- > 0)
		if (nib_map_find(&doc->pre, doc->cand[nc].h, v) &&
		    doc_words(doc, t0, t0 + doc->cand[nc].k) >= d->minwords)
			return doc->cand[nc].k;
	return 0;
}

/* Unit i loses its first best tokens, the whole of unit v. */
static void
cutprefix(struct dd *d, struct doc *doc, size_t i, size_t best, size_t v)
{
	size_t item = unit_item(doc, i);
	size_t end = doc_token_end(doc, item, unit_a(doc, i), best);
	struct cut *c;

	reportunit(d, doc, WHY_PREFIX, i, end, v);
	NIB_GROW(doc->cut, doc->cutcap, doc->ncut + 1);
	c = &doc->cut[doc->ncut++];
	c->unit = (uint32_t)i;
	c->at = (uint32_t)tailstart(item_text(doc, item), end, unit_b(doc, i));
	c->tcut = (uint32_t)best;
}

void
doc_prefixes(struct dd *d, struct doc *doc)
{
	size_t maxlen = 0, best;
	uint64_t full;
	uint32_t v;
	int isnew;

	if (doc->pre.slot == NULL)
		nib_map_init(&doc->pre);
	nib_map_reset(&doc->pre, doc->nu < (1 << 20) ? doc->nu : 1 << 20);
	if (doc->lenbitcap > 0)
		memset(doc->lenbits, 0, doc->lenbitcap * sizeof *doc->lenbits);
	for (size_t i = 0; i < doc->nu; i++) {
		size_t t0, n;
		uint32_t *slot;
		if (bit_get(doc->gone, i) || bit_get(doc->keep, i))
			continue;
		t0 = unit_t0(doc, i);
		n = unit_t1(doc, i) - t0;
		if (n < d->minwords)
			continue;
		best = longestprefix(d, doc, t0, n, maxlen, &full, &v);
		if ((slot = nib_map_put(&doc->pre, full, &isnew)) != NULL && isnew)
			*slot = (uint32_t)i;
		setlen(doc, n);
		if (n > maxlen)
			maxlen = n;
		if (best > 0)
			cutprefix(d, doc, i, best, v);
	}
	if (doc->pre.alloc >= 65536)
		nib_map_free(&doc->pre);	/* before near repeats */
}

void
doc_passes_free(struct doc *doc)
{
	free(doc->exact.slot);
	if (doc->pre.slot != NULL)
		nib_map_free(&doc->pre);
	free(doc->lenbits);
	free(doc->cand);
	free(doc->key);
	free(doc->cnt);
}
