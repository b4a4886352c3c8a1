#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "near.h"

void
nib_near_reset(struct nib_near *nr)
{
	nr->n = 0;
}

size_t
nib_near_add(struct nib_near *nr, size_t first, size_t ntok, int skip)
{
	struct nib_near_unit *u;

	if (first > UINT32_MAX || ntok > INT32_MAX || ntok > UINT32_MAX - first ||
	    nr->n >= INT32_MAX)
		errx(2, "document too long for near repeats");
	NIB_GROW(nr->u, nr->ucap, nr->n + 1);
	u = &nr->u[nr->n];
	u->tok = (uint32_t)first;
	u->ntok = u->words = (uint32_t)ntok;
	u->skip = skip != 0;
	u->by = -1;
	u->best = 0;
	u->nsh = 0;
	return nr->n++;
}

static size_t
nshingles(const struct nib_near_unit *u)
{
	return u->skip || u->ntok < NIB_NEAR_SHINGLE ? 0 :
	    u->ntok - NIB_NEAR_SHINGLE + 1;
}

static uint64_t
shingle(const uint64_t *t)
{
	uint64_t h = t[0];

	for (int i = 1; i < NIB_NEAR_SHINGLE; i++) {
		h = (h ^ (t[i] * 0x9E3779B97F4A7C15ULL)) * 0xBF58476D1CE4E5B9ULL;
		h ^= h >> 31;
	}
	return h ? h : 1;
}

/*
 * The groups: a table of 4-byte slots, the group + 1 in the low bits and
 * as many bits of its hash above as are left (so that most slots of
 * other shingles are passed without a look at ghash), filled at most
 * three quarters.
 */
static uint32_t
glow(const struct nib_near *nr)
{
	return nr->gshift >= 32 ? UINT32_MAX : ((uint32_t)1 << nr->gshift) - 1;
}

static uint32_t
gtag(const struct nib_near *nr, uint64_t h)
{
	return nr->gshift >= 32 ? 0 : (uint32_t)(h >> 32) << nr->gshift;
}

static size_t
ghome(const struct nib_near *nr, uint64_t h)
{
	return (size_t)(h ^ (h >> 29)) & nr->gmask;
}

/*
 * Empties the groups for a document of n shingles: the table sized for
 * them up to a point (most are distinct in running text), past it grown
 * as needed; a table for a larger document serves, unless far larger.
 */
static void
resetgroups(struct nib_near *nr, size_t n)
{
	size_t want = 64, first = n < (1 << 20) ? n : 1 << 20;

	while (want * 3 < first * 4)
		want *= 2;
	for (nr->gshift = 1; nr->gshift < 32 && ((size_t)1 << nr->gshift) <= n;
	    nr->gshift++)
		;
	if (want <= nr->galloc && nr->galloc / 64 <= want)
		memset(nr->gslot, 0, want * sizeof *nr->gslot);
	else {
		free(nr->gslot);
		nr->gslot = nib_calloc(want, sizeof *nr->gslot);
		nr->galloc = want;
	}
	nr->gmask = want - 1;
}

/* Doubles the table of the ng groups made. */
static void
growgroups(struct nib_near *nr, uint32_t ng)
{
	size_t c = (nr->gmask + 1) * 2, k;

	free(nr->gslot);
	nr->gslot = nib_calloc(c, sizeof *nr->gslot);
	nr->galloc = c;
	nr->gmask = c - 1;
	for (uint32_t g = 0; g < ng; g++) {
		for (k = ghome(nr, nr->ghash[g]); nr->gslot[k] != 0;
		    k = (k + 1) & nr->gmask)
			;
		nr->gslot[k] = gtag(nr, nr->ghash[g]) | (g + 1);
	}
}

/* The group of shingle hash h, made when new (ngroups counts them). */
static uint32_t
group(struct nib_near *nr, uint64_t h, uint32_t *ngroups)
{
	uint32_t low = glow(nr), tag = gtag(nr, h), s, g;
	size_t k;

	for (k = ghome(nr, h); (s = nr->gslot[k]) != 0; k = (k + 1) & nr->gmask)
		if ((s & ~low) == tag && nr->ghash[(s & low) - 1] == h)
			return (s & low) - 1;
	g = (*ngroups)++;
	if ((size_t)g + 2 > nr->gcap) {
		/* By half: one group a shingle in running text. */
		nr->gcap += nr->gcap / 2 + 64;
		nr->ghash = nib_realloc(nr->ghash, nr->gcap, sizeof *nr->ghash);
		nr->glast = nib_realloc(nr->glast, nr->gcap, sizeof *nr->glast);
		nr->goff = nib_realloc(nr->goff, nr->gcap, sizeof *nr->goff);
	}
	nr->ghash[g] = h;
	nr->goff[g] = nr->glast[g] = 0;
	nr->gslot[k] = tag | (g + 1);
	if (((size_t)g + 1) * 4 > (nr->gmask + 1) * 3)
		growgroups(nr, g + 1);
	return g;
}

/*
 * In the token array, once the groups are made, a shingle's first token
 * holds its group, or one of these.
 */
#define SH_AGAIN UINT64_MAX		/* again in the same unit */
#define SH_COMMON (UINT64_MAX - 1)	/* in more than NIB_NEAR_COMMON units */

/* Gives each shingle its group; counts the units that hold each group. */
static uint32_t
groups(struct nib_near *nr)
{
	uint32_t ng = 0, g;

	for (size_t i = 0; i < nr->n; i++) {
		struct nib_near_unit *u = &nr->u[i];
		uint64_t *t = nr->tok + u->tok;
		size_t m = nshingles(u);
		/* Ascending: the next shingle still finds its tokens. */
		for (size_t j = 0; j < m; j++) {
			g = group(nr, shingle(t + j), &ng);
			if (nr->glast[g] == i + 1) {
				t[j] = SH_AGAIN;
				continue;
			}
			nr->glast[g] = (uint32_t)i + 1;
			nr->goff[g]++;		/* a count, until build() */
			t[j] = g;
		}
	}
	return ng;
}

/*
 * Groups equal shingles: posting lists of the units that hold each.  A
 * common shingle counts on neither side of a containment and is never
 * looked up: it takes no postings.
 */
static void
build(struct nib_near *nr)
{
	uint32_t ng = groups(nr), g, c, end = 0;

	/* Each group's end; filled backwards, goff[g] ends at its start. */
	for (g = 0; g < ng; g++) {
		c = nr->goff[g];
		nr->glast[g] = c > NIB_NEAR_COMMON;
		end += c <= NIB_NEAR_COMMON ? c : 0;
		nr->goff[g] = end;
	}
	nr->goff[ng] = end;
	NIB_GROW(nr->post, nr->postcap, (size_t)end + 1);
	for (size_t i = 0; i < nr->n; i++) {
		uint64_t *t = nr->tok + nr->u[i].tok;
		size_t m = nshingles(&nr->u[i]);
		nr->u[i].nsh = 0;
		for (size_t j = 0; j < m; j++) {
			if (t[j] == SH_AGAIN)
				continue;
			g = (uint32_t)t[j];
			if (nr->glast[g]) {
				t[j] = SH_COMMON;
				continue;
			}
			nr->post[--nr->goff[g]] = (uint32_t)i;
			nr->u[i].nsh++;
		}
	}
}

static int
above(const struct nib_near *nr, size_t v, size_t u)
{
	/* v < u breaks a tie (the earlier unit), it is no bounds check. */
	/* cppcheck-suppress arrayIndexThenCheck */
	return nr->u[v].ntok != nr->u[u].ntok ? nr->u[v].ntok > nr->u[u].ntok : v < u;
}

/* Tests unit i: the best unit that contains it and may take its place. */
static void
test(struct nib_near *nr, size_t i, double t)
{
	struct nib_near_unit *u = &nr->u[i];
	const uint64_t *sh = nr->tok + u->tok;
	size_t m = nshingles(u), nt = 0, best = 0;

	for (size_t j = 0; j < m; j++) {
		if (sh[j] >= SH_COMMON)
			continue;
		uint32_t g = (uint32_t)sh[j];
		for (size_t a = nr->goff[g], b = nr->goff[g + 1]; a < b; a++) {
			uint32_t v = nr->post[a];
			if (v == i || nr->cnt[v]++ > 0)
				continue;
			if (nt == nr->tcap)
				NIB_GROW(nr->touched, nr->tcap, nt + 1);
			nr->touched[nt++] = v;
		}
	}
	for (size_t j = 0; j < nt; j++) {
		uint32_t v = nr->touched[j];
		size_t c = nr->cnt[v];
		nr->cnt[v] = 0;
		if ((double)c < t * (double)u->nsh)
			continue;
		/* Near copies of each other: the later goes, else the shorter. */
		if ((double)c >= t * (double)nr->u[v].nsh ? v > i : !above(nr, v, i))
			continue;
		if (c > best || (c == best && (int32_t)v < u->by)) {
			best = c;
			u->by = (int32_t)v;
		}
	}
	u->best = (uint32_t)best;
}

double
nib_near_score(const struct nib_near *nr, size_t i)
{
	const struct nib_near_unit *u = &nr->u[i];

	return u->nsh > 0 ? (double)u->best / (double)u->nsh : 0;
}

/* Sizes the per-unit scratch and the group map. */
static void
scratch(struct nib_near *nr, size_t nsh)
{
	if (nr->n > nr->cntcap) {
		free(nr->cnt);
		nr->cnt = nib_calloc(nr->n, sizeof *nr->cnt);
		nr->cntcap = nr->n;
	}
	resetgroups(nr, nsh);
}

void
nib_near_run(struct nib_near *nr, uint64_t *tok, double t, size_t minwords)
{
	size_t nsh = 0, holders = 0;

	for (size_t i = 0; i < nr->n; i++) {
		nsh += nshingles(&nr->u[i]);
		holders += nshingles(&nr->u[i]) > 0;
	}
	if (holders < 2)
		return;		/* no two units to compare */
	nr->tok = tok;
	scratch(nr, nsh);
	build(nr);
	for (size_t i = 0; i < nr->n; i++) {
		struct nib_near_unit *u = &nr->u[i];
		if (!u->skip && u->words >= minwords && u->nsh > 0)
			test(nr, i, t);
	}
}

void
nib_near_free(struct nib_near *nr)
{
	free(nr->u);
	free(nr->gslot);
	free(nr->ghash);
	free(nr->glast);
	free(nr->goff);
	free(nr->post);
	free(nr->cnt);
	free(nr->touched);
	memset(nr, 0, sizeof *nr);
}
