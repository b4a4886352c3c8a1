/*
 * index.c: which rules are worth trying on a line.  A literal line is one
 * lookup of the normalized line in a word set; a regex rule is tried only
 * when the line holds its key, found by one pass over the line that looks
 * up each run of four bytes in a bit set.
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "mem.h"
#include "strip.h"

/* Longest line (trimmed) that echo rules remember and compare. */
#define ECHO_MAX 120

/*
 * A key of four bytes or more is found by one of its grams: four bytes,
 * ASCII-folded, hashed to 16 bits, looked up in a bit set as the line is
 * read.  Four bytes make a filter that common English pairs ("th", "yo")
 * do not pass.  A shorter key is found by memchr(3) of its first byte.
 */
static uint32_t
gram(uint32_t w)
{
	return (w * 0x85ebca77u) >> 16;
}

static void
addcand(struct strip_set *set, uint32_t *head, size_t rule, size_t key)
{
	if (set->ncand == set->candcap) {
		set->candcap = set->candcap ? set->candcap * 2 : 64;
		set->cand = nib_realloc(set->cand, set->candcap, sizeof *set->cand);
	}
	set->cand[set->ncand].rule = rule;
	set->cand[set->ncand].key = (uint32_t)key;
	set->cand[set->ncand].next = *head;
	*head = (uint32_t)++set->ncand;
}

static void
addbyte(struct strip_set *set, unsigned char c, size_t rule, size_t key)
{
	if (set->bhead[c] == 0)
		set->bkey[set->nbkey++] = c;
	addcand(set, &set->bhead[c], rule, key);
}

/*
 * Adds a literal line: its normalized text maps to its rule (+ 1, so that
 * 0 is none).  The first rule for a line wins.
 */
void
strip_addlit(struct strip_set *set, const unsigned char *t, size_t n,
    size_t rule)
{
	unsigned char *norm = nib_realloc(NULL, n ? n : 1, 1);
	size_t len = strip_norm(t, n, norm);
	uint64_t h = XXH3_64bits(norm, len) | 1;

	if (rule >= UINT32_MAX)
		errx(2, "too many rules");
	nib_hfilter_add(set->litbits, LITBITS, h);
	if (!nib_words_find(&set->lit, norm, len, NULL))
		nib_words_set(&set->lit, norm, len, (uint32_t)rule + 1);
	free(norm);
}

/* Files the keys of rule i, or the rule itself when it has none. */
static void
indexrule(struct strip_set *set, size_t i)
{
	struct strip_rule *r = &set->rule[i];
	uint32_t g;

	if (r->nkey == 0 && r->hasfirst) {
		/* A line rule is tried only on lines it can start. */
		for (int c = 0; c < 256; c++)
			if (r->first[c / 8] >> (c % 8) & 1)
				addcand(set, &set->fhead[c], i, 0);
		return;
	}
	if (r->nkey == 0) {
		set->always[set->nalways++] = i;
		return;
	}
	for (size_t k = 0; k < r->nkey; k++) {
		const struct strip_rkey *key = &r->key[k];

		if (key->len < 4) {
			/* Found through memchr(3) of its first byte. */
			unsigned char c = key->s[0], up = (unsigned char)toupper(c);

			addbyte(set, c, i, k);
			if (r->keyci && up != c)
				addbyte(set, up, i, k);
			if (r->keyci && strip_fold(c) != c)
				addbyte(set, strip_fold(c), i, k);
			continue;
		}
		g = 0;
		for (size_t j = 0; j < 4; j++)
			g = g << 8 | strip_fold(key->s[key->off + j]);
		g = gram(g);
		addcand(set, &set->head[g], i, k);
		set->bigram[g >> 6] |= (uint64_t)1 << (g & 63);
	}
}

/* Match data for maxcap groups, and the match limits (once). */
static void
matchdata(struct strip_set *set, uint32_t maxcap)
{
	if (set->md != NULL)
		pcre2_match_data_free(set->md);
	set->md = pcre2_match_data_create(maxcap, NULL);
	if (set->mctx == NULL) {
		set->mctx = pcre2_match_context_create(NULL);
		/* A pathological pattern on a 1 GB line gives up, not hangs. */
		pcre2_set_match_limit(set->mctx, STRIP_MATCH_LIMIT);
		set->jstack = pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, NULL);
		if (set->jstack != NULL)
			pcre2_jit_stack_assign(set->mctx, NULL, set->jstack);
	}
	if (set->md == NULL || set->mctx == NULL)
		errx(2, "out of memory");
}

void
strip_build(struct strip_set *set)
{
	uint32_t maxcap = 1;
	size_t litmax = set->lit.maxlen;

	free(set->head);
	free(set->bigram);
	free(set->always);
	free(set->stamp);
	free(set->hit);
	free(set->norm);
	free(set->limitwarned);
	set->head = nib_calloc(65536, sizeof *set->head);
	set->bigram = nib_calloc(65536 / 64, sizeof *set->bigram);
	set->always = nib_calloc(set->nrule + 1, sizeof *set->always);
	set->stamp = nib_calloc(set->nrule + 1, sizeof *set->stamp);
	set->hit = nib_calloc(set->nrule + 1, sizeof *set->hit);
	set->limitwarned = nib_calloc(set->nrule + 1, 1);
	set->ncand = set->nalways = 0;
	set->echo = 0;
	memset(set->fhead, 0, sizeof set->fhead);
	memset(set->bhead, 0, sizeof set->bhead);
	set->nbkey = 0;
	set->gen = 0;
	for (size_t i = 0; i < set->nrule; i++) {
		uint32_t ncap = 0;

		if (set->rule[i].kind == STRIP_LIT)
			continue;
		pcre2_pattern_info(set->rule[i].re, PCRE2_INFO_CAPTURECOUNT, &ncap);
		if (ncap + 1 > maxcap)
			maxcap = ncap + 1;
		if (set->rule[i].kind == STRIP_ECHO)
			set->echo = 1;
		indexrule(set, i);
	}
	set->normmax = set->echo && ECHO_MAX > litmax ? ECHO_MAX : litmax;
	set->norm = nib_realloc(NULL, set->normmax + 1, 1);
	matchdata(set, maxcap);
	set->ready = 1;
}

static int
keyeq(const unsigned char *s, const unsigned char *k, size_t n, int ci)
{
	if (!ci)
		return memcmp(s, k, n) == 0;
	for (size_t i = 0; i < n; i++)
		if (strip_fold(s[i]) != strip_fold(k[i]))
			return 0;
	return 1;
}

static void scan(struct strip_set *, const unsigned char *, size_t);

static void
hit(struct strip_set *set, size_t rule)
{
	if (set->stamp[rule] == set->gen)
		return;
	set->stamp[rule] = set->gen;
	set->hit[set->nhit++] = rule;
}

/*
 * The rules worth trying: those whose key the line holds, the line rules
 * that can start with its first byte after blanks, and those with neither.
 */
void
strip_findhits(struct strip_set *set, const unsigned char *s, size_t len, size_t t0)
{
	set->nhit = 0;
	if (++set->gen == 0) {
		memset(set->stamp, 0, (set->nrule + 1) * sizeof *set->stamp);
		set->gen = 1;
	}
	for (size_t i = 0; i < set->nalways; i++)
		hit(set, set->always[i]);
	for (uint32_t c = set->fhead[s[t0]]; c != 0; c = set->cand[c - 1].next)
		hit(set, set->cand[c - 1].rule);
	scan(set, s, len);
	/* A few hits a line: insertion sort beats qsort's setup. */
	for (size_t i = 1; i < set->nhit; i++) {
		size_t v = set->hit[i], j = i;

		for (; j > 0 && set->hit[j - 1] > v; j--)
			set->hit[j] = set->hit[j - 1];
		set->hit[j] = v;
	}
}

/* Hits the rules whose short key starts with byte c, by memchr(3). */
static void
bytehits(struct strip_set *set, const unsigned char *s, size_t len, unsigned char c)
{
	const unsigned char *p = s, *e = s + len;
	size_t left = 0;

	for (uint32_t k = set->bhead[c]; k != 0; k = set->cand[k - 1].next)
		left += set->stamp[set->cand[k - 1].rule] != set->gen;
	while (left > 0 && (p = memchr(p, c, (size_t)(e - p))) != NULL) {
		for (uint32_t k = set->bhead[c]; k != 0; k = set->cand[k - 1].next) {
			size_t ri = set->cand[k - 1].rule;
			const struct strip_rule *r = &set->rule[ri];
			const struct strip_rkey *key = &r->key[set->cand[k - 1].key];

			if (set->stamp[ri] != set->gen && key->len <= (size_t)(e - p) &&
			    keyeq(p, key->s, key->len, r->keyci)) {
				hit(set, ri);
				left--;
			}
		}
		p++;
	}
}

/*
 * Hits the rules whose key holds the gram g that ends at s[i].  Kept out
 * of line: the scan loop that calls it rarely wants its registers.
 */
static void __attribute__((noinline))
candidates(struct strip_set *set, const unsigned char *s, size_t len, size_t i,
    uint32_t g)
{
	for (uint32_t c = set->head[g]; c != 0; c = set->cand[c - 1].next) {
		size_t ri = set->cand[c - 1].rule, at;
		const struct strip_rule *r = &set->rule[ri];
		const struct strip_rkey *k = &r->key[set->cand[c - 1].key];

		if (set->stamp[ri] == set->gen || i + 1 < 4 + k->off)
			continue;
		at = i + 1 - 4 - k->off;
		if (k->len <= len - at && keyeq(s + at, k->s, k->len, r->keyci))
			hit(set, ri);
	}
}

/* Hits the keyed rules whose key s[0..len) holds. */
static void
scan(struct strip_set *set, const unsigned char *s, size_t len)
{
	const uint64_t *bits = set->bigram;
	uint32_t w, g;

	for (int k = 0; k < set->nbkey; k++)
		bytehits(set, s, len, set->bkey[k]);
	w = 0;
	for (size_t i = 0; i < len && i < 3; i++)
		w = w << 8 | strip_fold(s[i]);
	for (size_t i = 3; i < len; i++) {
		w = w << 8 | strip_fold(s[i]);
		g = gram(w);
		if (bits[g >> 6] >> (g & 63) & 1)
			candidates(set, s, len, i, g);
	}
}
