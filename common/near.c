#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "near.h"

void
nib_near_reset(struct nib_near *nr)
{
	nr->ntokens = 0;
	nr->n = 0;
}

size_t
nib_near_add(struct nib_near *nr, const uint64_t *hash, size_t ntok, int skip)
{
	struct nib_near_unit *u;

	if (nr->ntokens + ntok > nr->tokcap) {
		nr->tokcap = (nr->ntokens + ntok) * 2 + 64;
		nr->tok = nib_realloc(nr->tok, nr->tokcap, sizeof *nr->tok);
	}
	if (nr->n == nr->ucap) {
		nr->ucap = nr->ucap * 2 + 64;
		nr->u = nib_realloc(nr->u, nr->ucap, sizeof *nr->u);
	}
	if (ntok > 0)
		memcpy(nr->tok + nr->ntokens, hash, ntok * sizeof *hash);
	u = &nr->u[nr->n];
	u->tok = nr->ntokens;
	u->ntok = u->words = ntok;
	u->skip = skip;
	u->by = -1;
	u->score = 0;
	u->nsh = 0;
	nr->ntokens += ntok;
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

/* The group of shingle hash h, made when new (ngroups counts them). */
static uint32_t
group(struct nib_near *nr, uint64_t h, uint32_t *ngroups)
{
	size_t mask = nr->mcap - 1, i = (size_t)(h ^ (h >> 32)) & mask;

	while (nr->map[i].key != 0) {
		if (nr->map[i].key == h)
			return nr->map[i].val;
		i = (i + 1) & mask;
	}
	nr->map[i].key = h;
	nr->map[i].val = (*ngroups)++;
	return nr->map[i].val;
}

static void
scratch(struct nib_near *nr, size_t nsh)
{
	size_t m = 64;

	while (m < nsh * 2)
		m *= 2;
	if (m > nr->malloc) {
		free(nr->map);
		nr->map = nib_calloc(m, sizeof *nr->map);
		nr->malloc = m;
	} else
		memset(nr->map, 0, m * sizeof *nr->map);
	nr->mcap = m;	/* only what this document needs is cleared */
	if (nsh + 1 > nr->shcap) {
		nr->shcap = nsh + 1;
		nr->gid = nib_realloc(nr->gid, nr->shcap, sizeof *nr->gid);
		nr->gcnt = nib_realloc(nr->gcnt, nr->shcap, sizeof *nr->gcnt);
		nr->glast = nib_realloc(nr->glast, nr->shcap, sizeof *nr->glast);
		nr->goff = nib_realloc(nr->goff, nr->shcap + 1, sizeof *nr->goff);
		nr->post = nib_realloc(nr->post, nr->shcap, sizeof *nr->post);
	}
	if (nr->n > nr->gcap) {
		nr->gcap = nr->n;
		free(nr->cnt);
		nr->cnt = nib_calloc(nr->gcap, sizeof *nr->cnt);
		nr->touched = nib_realloc(nr->touched, nr->gcap, sizeof *nr->touched);
	}
}

/* Groups equal shingles: posting lists of the units that hold each. */
static void
build(struct nib_near *nr)
{
	uint32_t ng = 0, g;
	size_t k = 0;

	for (size_t i = 0; i < nr->n; i++) {
		struct nib_near_unit *u = &nr->u[i];
		size_t m = nshingles(u);
		for (size_t j = 0; j < m; j++, k++) {
			uint32_t before = ng;
			g = group(nr, shingle(nr->tok + u->tok + j), &ng);
			if (ng != before)
				nr->gcnt[g] = nr->glast[g] = 0;
			if (nr->glast[g] == i + 1) {
				nr->gid[k] = -1;	/* again in the same unit */
				continue;
			}
			nr->glast[g] = (uint32_t)i + 1;
			nr->gcnt[g]++;
			nr->gid[k] = (int32_t)g;
			u->nsh++;
		}
	}
	nr->goff[0] = 0;
	for (g = 0; g < ng; g++) {
		nr->goff[g + 1] = nr->goff[g] + nr->gcnt[g];
		nr->gcnt[g] = 0;
	}
	k = 0;
	for (size_t i = 0; i < nr->n; i++) {
		size_t m = nshingles(&nr->u[i]);
		for (size_t j = 0; j < m; j++, k++)
			if (nr->gid[k] >= 0) {
				g = (uint32_t)nr->gid[k];
				nr->post[nr->goff[g] + nr->gcnt[g]++] = (uint32_t)i;
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

/*
 * Tests unit i, whose shingles start at k: the best unit that contains it
 * and may take its place (see near.h).
 */
static void
test(struct nib_near *nr, size_t i, size_t k, double t)
{
	struct nib_near_unit *u = &nr->u[i];
	size_t m = nshingles(u), nt = 0, best = 0;

	for (size_t j = 0; j < m; j++) {
		if (nr->gid[k + j] < 0)
			continue;
		uint32_t g = (uint32_t)nr->gid[k + j];
		size_t a = nr->goff[g], b = nr->goff[g + 1];
		if (b - a > NIB_NEAR_COMMON)
			continue;
		for (; a < b; a++) {
			uint32_t v = nr->post[a];
			if (v != i && nr->cnt[v]++ == 0)
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
		if (c > best || (c == best && (long)v < u->by)) {
			best = c;
			u->by = v;
		}
	}
	u->score = (double)best / (double)u->nsh;
}

void
nib_near_run(struct nib_near *nr, double t, size_t minwords)
{
	size_t nsh = 0, k = 0;

	for (size_t i = 0; i < nr->n; i++)
		nsh += nshingles(&nr->u[i]);
	if (nsh == 0)
		return;
	scratch(nr, nsh);
	build(nr);
	for (size_t i = 0; i < nr->n; i++) {
		struct nib_near_unit *u = &nr->u[i];
		if (!u->skip && u->words >= minwords && u->nsh > 0)
			test(nr, i, k, t);
		k += nshingles(u);
	}
}

void
nib_near_free(struct nib_near *nr)
{
	free(nr->tok);
	free(nr->u);
	free(nr->map);
	free(nr->gid);
	free(nr->gcnt);
	free(nr->glast);
	free(nr->goff);
	free(nr->post);
	free(nr->cnt);
	free(nr->touched);
	memset(nr, 0, sizeof *nr);
}
