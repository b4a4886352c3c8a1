/*
 * match.c: what to remove from a line.  A literal or whole-line rule takes
 * the line; otherwise fragment rules take spans inside it, widened by a
 * blank and merged.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "mem.h"
#include "strip.h"

/* A rep: match: its span, its rule, its group's text (hash) and start. */
struct strip_rep {
	size_t a, b, rule, g;
	uint64_t h;
};

size_t
strip_normcap(const unsigned char *s, size_t n, unsigned char *out, size_t cap)
{
	size_t o = 0;
	int sp = 0;

	if (n > 0 && n <= cap) {
		/* Most lines have single spaces only: fold them in one pass. */
		int bad = strip_isblank(s[0]) || strip_isblank(s[n - 1]);

		for (size_t i = 0; i < n; i++) {
			bad |= s[i] == '\t' || (s[i] == ' ' && i > 0 && s[i - 1] == ' ');
			out[i] = strip_fold(s[i]);
		}
		if (!bad)
			return n;
	}

	for (size_t i = 0; i < n; i++) {
		if (strip_isblank(s[i])) {
			sp = o > 0;
			continue;
		}
		if (o + (size_t)sp + 1 > cap)
			return cap + 1;
		if (sp)
			out[o++] = ' ';
		sp = 0;
		out[o++] = strip_fold(s[i]);
	}
	return o;
}

size_t
strip_norm(const unsigned char *s, size_t n, unsigned char *out)
{
	return strip_normcap(s, n, out, n);
}


/*
 * Runs rule r on s[0..len) from start: > 0 when it matches.  A rule that
 * reaches a match limit is taken as no match, and said once.
 */
static int
match(struct strip_set *set, const struct strip_rule *r, const unsigned char *s,
    size_t len, size_t start)
{
	size_t ri = (size_t)(r - set->rule);
	int rc;

	if (r->jit)
		rc = pcre2_jit_match(r->re, s, len, start, 0, set->md, set->mctx);
	else
		rc = pcre2_match(r->re, s, len, start, 0, set->md, set->mctx);
	if ((rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT) &&
	    !set->limitwarned[ri]) {
		set->limitwarned[ri] = 1;
		warnx("%s:%lu: rule gave up at its match limit; taken as no match",
		    r->src, r->line);
	}
	return rc;
}

static void
addspan(struct strip_set *set, size_t a, size_t b, size_t rule)
{
	if (set->nspan == set->spancap) {
		set->spancap = set->spancap ? set->spancap * 2 : 16;
		set->span = nib_realloc(set->span, set->spancap, sizeof *set->span);
	}
	set->span[set->nspan].a = a;
	set->span[set->nspan].b = b;
	set->span[set->nspan].rule = rule;
	set->nspan++;
}

/*
 * Normalizes s[0..n) into set->norm; returns its length, or normmax + 1
 * when it is longer than that.
 */
static size_t
normline(struct strip_set *set, const unsigned char *s, size_t n)
{
	/* Twice as long as the longest rule: not worth folding blanks for. */
	if (n / 2 > set->normmax)
		return set->normmax + 1;
	return strip_normcap(s, n, set->norm, set->normmax);
}

/* Hash of set->norm[0..k) for the echo rules; 0 when k is past normmax. */
static uint64_t
normhash(const struct strip_set *set, size_t k)
{
	return k > set->normmax ? 0 : XXH3_64bits(set->norm, k) | 1;
}

/* Whether the echo rule's group 1 repeats one of the lines before. */
static int
echoes(struct strip_set *set, const unsigned char *s)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(set->md);
	uint64_t h;

	if (ov[2] == PCRE2_UNSET || ov[3] <= ov[2])
		return 0;
	if ((h = normhash(set, normline(set, s + ov[2], ov[3] - ov[2]))) == 0)
		return 0;
	for (size_t i = 0; i < set->nprev; i++)
		if (set->prev[i] == h)
			return 1;
	return 0;
}

/* Next start after a match [a, b): past an empty match by one character. */
static size_t
nextstart(const unsigned char *s, size_t len, size_t a, size_t b)
{
	if (b > a)
		return b;
	for (b = a + 1; b < len && (s[b] & 0xc0) == 0x80; b++)
		;
	return b;
}

static int
cmprep(const void *x, const void *y)
{
	const struct strip_rep *a = x, *b = y;

	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	if (a->g != b->g)
		return a->g < b->g ? -1 : 1;
	return a->a < b->a ? -1 : a->a > b->a;
}

static void
fragments(struct strip_set *set, size_t ri, const unsigned char *s, size_t len)
{
	const struct strip_rule *r = &set->rule[ri];
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(set->md);
	size_t start = 0;

	while (start <= len && match(set, r, s, len, start) > 0) {
		size_t a = ov[0], b = ov[1];

		if (b < a)
			break;
		if (r->kind == STRIP_FRAG && b > a)
			addspan(set, a, b, ri);
		else if (r->kind == STRIP_REP && b > a && ov[2] != PCRE2_UNSET) {
			struct strip_rep *m;

			if (set->nrep == set->repcap) {
				set->repcap = set->repcap ? set->repcap * 2 : 16;
				set->rep = nib_realloc(set->rep, set->repcap, sizeof *set->rep);
			}
			m = &set->rep[set->nrep++];
			m->a = a;
			m->b = b;
			m->rule = ri;
			m->g = ov[2];
			m->h = XXH3_64bits(s + ov[2], ov[3] - ov[2]);
		}
		start = nextstart(s, len, a, b);
	}
}

/*
 * The rep: matches of the line, pooled over all rep: rules, go when the
 * text of their group starts at STRIP_REP_MIN places or more: a counter
 * that opens three captions, and the credit after each of them.
 */
static void
repspans(struct strip_set *set)
{
	size_t n = set->nrep;

	if (n < STRIP_REP_MIN)
		return;
	qsort(set->rep, n, sizeof *set->rep, cmprep);
	for (size_t i = 0, j; i < n; i = j) {
		size_t places = 1;

		for (j = i + 1; j < n && set->rep[j].h == set->rep[i].h; j++)
			places += set->rep[j].g != set->rep[j - 1].g;
		if (places >= STRIP_REP_MIN)
			for (size_t k = i; k < j; k++)
				addspan(set, set->rep[k].a, set->rep[k].b, set->rep[k].rule);
	}
}

static int
cmpspan(const void *x, const void *y)
{
	const struct strip_span *a = x, *b = y;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->rule < b->rule ? -1 : a->rule > b->rule;
}

/* Widens each span by a blank, sorts and merges them; 1 if no text is left. */
static int
settle(struct strip_set *set, const unsigned char *s, size_t len)
{
	size_t n = 0, kept = 0, at = 0;

	for (size_t i = 0; i < set->nspan; i++) {
		struct strip_span *p = &set->span[i];

		if (s[p->a] == ' ' || s[p->b - 1] == ' ')
			continue;
		if (p->b < len && s[p->b] == ' ')
			p->b++;
		else if (p->a > 0 && s[p->a - 1] == ' ')
			p->a--;
	}
	qsort(set->span, set->nspan, sizeof *set->span, cmpspan);
	for (size_t i = 0; i < set->nspan; i++) {
		if (n > 0 && set->span[i].a < set->span[n - 1].b) {
			if (set->span[i].b > set->span[n - 1].b)
				set->span[n - 1].b = set->span[i].b;
			continue;
		}
		set->span[n++] = set->span[i];
	}
	set->nspan = n;
	for (size_t i = 0; i <= n; i++) {
		size_t e = i < n ? set->span[i].a : len;

		for (; at < e; at++)
			kept += !strip_isblank(s[at]);
		if (i < n)
			at = set->span[i].b;
	}
	return kept == 0;
}

static void
remember(struct strip_set *set, uint64_t h)
{
	if (set->nprev == STRIP_ECHO_BACK) {
		memmove(set->prev, set->prev + 1, (STRIP_ECHO_BACK - 1) * sizeof *set->prev);
		set->nprev--;
	}
	set->prev[set->nprev++] = h;
}

/*
 * The literal rule for the line normalized in set->norm[0..k), if any;
 * h is normhash() of it.
 */
static int
literal(const struct strip_set *set, size_t k, uint64_t h, size_t *rule)
{
	uint32_t v;

	if (k > set->normmax || !strip_litbit(set, h) ||
	    !nib_words_find(&set->lit, set->norm, k, &v))
		return 0;
	*rule = v - 1;
	return 1;
}

/* A line rule (re: or echo:) that removes the trimmed line t[0..n). */
static int
wholeline(struct strip_set *set, const unsigned char *t, size_t n, size_t *rule)
{
	for (size_t i = 0; i < set->nhit; i++) {
		const struct strip_rule *r = &set->rule[set->hit[i]];

		if (r->kind != STRIP_LINE && r->kind != STRIP_ECHO)
			continue;
		if (r->hasfirst && !(r->first[t[0] / 8] >> (t[0] % 8) & 1))
			continue;
		if (match(set, r, t, n, 0) > 0 &&
		    (r->kind == STRIP_LINE || echoes(set, t))) {
			*rule = set->hit[i];
			return 1;
		}
	}
	return 0;
}

size_t
strip_line(struct strip_set *set, const unsigned char *s, size_t len,
    const struct strip_span **sp)
{
	size_t t0 = 0, t1 = len, rule, k;
	uint64_t h;

	*sp = set->span;
	set->nspan = 0;
	if (!set->ready)
		strip_build(set);
	while (t0 < t1 && strip_isblank(s[t0]))
		t0++;
	while (t1 > t0 && strip_isblank(s[t1 - 1]))
		t1--;
	if (t0 == t1)
		return 0;
	k = normline(set, s + t0, t1 - t0);
	h = normhash(set, k);	/* before echoes() reuses norm */
	set->nhit = 0;
	if (literal(set, k, h, &rule) ||
	    (strip_findhits(set, s, len, t0), wholeline(set, s + t0, t1 - t0, &rule))) {
		addspan(set, 0, len, rule);
	} else {
		set->nrep = 0;
		for (size_t i = 0; i < set->nhit; i++) {
			enum strip_kind k = set->rule[set->hit[i]].kind;

			if (k == STRIP_FRAG || k == STRIP_REP)
				fragments(set, set->hit[i], s, len);
		}
		repspans(set);
		if (set->nspan > 0 && settle(set, s, len)) {
			set->span[0].a = 0;
			set->span[0].b = len;
			set->nspan = 1;
		}
	}
	if (set->echo)
		remember(set, h);
	*sp = set->span;
	return set->nspan;
}

void
strip_newdoc(struct strip_set *set)
{
	set->nprev = 0;
}

