/*
 * docunits.c: a held document cut into units (blocks, or sentences with
 * -s) and, when keys are made of words, into tokens: a hash and a bit a
 * token, no spans.  A unit's tokens are found as the tokens are made; a
 * sentence's, later, by reading its item again for where tokens start.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "mem.h"
#include "sent.h"
#include "tokens.h"
#include "utf8.h"

/* ASCII letters and digits 1, other ASCII 0, the rest 2 (ask tokens.h). */
static unsigned char wtab[256];
/* Two-byte characters: 1 a letter or digit, 2 not, 0 not looked up yet. */
static unsigned char twotab[0x800];

/* Length of the two-byte letter or digit at s (n bytes left), else 0. */
static size_t
twoword(const unsigned char *s, size_t n)
{
	int32_t cp;

	if (n < 2 || s[0] < 0xc2 || s[0] > 0xdf || (s[1] & 0xc0) != 0x80)
		return 0;
	cp = (s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	if (twotab[cp] == 0)
		twotab[cp] = nib_isletter(cp) || nib_isdigit(cp) ? 1 : 2;
	return twotab[cp] == 1 ? 2 : 0;
}

/* The hash of token p[0..n); ascii: letters and digits only. */
static uint64_t
tokhash(struct dd *d, const unsigned char *p, size_t n, int ascii)
{
	/* Letters and digits lower with | 0x20: load, mask, mix. */
	static const uint64_t lo = 0x2020202020202020ULL;
	uint64_t w0, w1;

	if (!ascii || n > 16)
		return nib_key_token(&d->kb, p, n);
	memcpy(&w0, p, 8);	/* the buffer has 16 bytes of slack */
	memcpy(&w1, p + 8, 8);
	if (n < 8) {
		w0 &= ~0ULL >> (64 - 8 * n);
		w1 = 0;
	} else
		w1 &= n == 8 ? 0 : ~0ULL >> (64 - 8 * (n - 8));
	w0 |= lo & (n < 8 ? ~0ULL >> (64 - 8 * n) : ~0ULL);
	w1 |= n <= 8 ? 0 : lo & (~0ULL >> (64 - 8 * (n - 8)));
	return nib_key_mix(w0, w1, n);
}

/*
 * Calls fn(ctx, a, b, ascii) for each token of s[0..n) as tokens.h finds
 * them, with a fast path for runs of ASCII and two-byte letters and
 * digits; anything else asks tokens.h.
 */
static inline __attribute__((always_inline)) void
eachtoken(const unsigned char *s, size_t n,
    void (*fn)(void *, size_t, size_t, int), void *ctx)
{
	size_t i = 0, start, pos, a, b, l;
	int ascii;

	while (i < n) {
		if (wtab[s[i]] == 0) {
			i++;
			continue;
		}
		start = i;
		ascii = 1;
		for (;;) {
			while (i < n && wtab[s[i]] == 1)
				i++;
			if (i == n || wtab[s[i]] == 0)
				break;
			if ((l = twoword(s + i, n - i)) == 0)
				break;
			i += l;
			ascii = 0;
		}
		if (i > start && (i == n || wtab[s[i]] == 0 ||
		    (s[i] >= 0xc2 && s[i] <= 0xdf && i + 1 < n &&
		    (s[i + 1] & 0xc0) == 0x80))) {
			fn(ctx, start, i, ascii);
			continue;
		}
		pos = start;
		if (!nib_token_next(s, n, &pos, &a, &b))
			break;
		fn(ctx, a, b, 0);
		i = pos;
	}
}

/*
 * Tokens found one after the other give ranges their t0 and t1: a range's
 * tokens start at the first token that starts at or after its start.
 */
struct ranges {
	unsigned char *r;	/* the first range */
	size_t size, n;		/* bytes from one to the next; how many */
	size_t next0, next1;	/* the first ranges still without t0, t1 */
	size_t at;		/* a token starting before this changes none */
};

#define RANGE(g, k) ((struct tokrange *)((g)->r + (k) * (g)->size))

static void
rangesinit(struct ranges *g, void *first, size_t size, size_t n)
{
	g->r = first;
	g->size = size;
	g->n = n;
	g->next0 = g->next1 = 0;
	g->at = n > 0 && first != NULL ? RANGE(g, 0)->a : SIZE_MAX;
}

static inline void
rangetoken(struct ranges *g, size_t a, size_t t)
{
	if (a < g->at)
		return;		/* inside a range, or between two */
	while (g->next0 < g->n && RANGE(g, g->next0)->a <= a)
		RANGE(g, g->next0++)->t0 = (uint32_t)t;
	while (g->next1 < g->next0 && RANGE(g, g->next1)->b <= a)
		RANGE(g, g->next1++)->t1 = (uint32_t)t;
	g->at = g->next0 < g->n ? RANGE(g, g->next0)->a : SIZE_MAX;
	if (g->next1 < g->next0 && RANGE(g, g->next1)->b < g->at)
		g->at = RANGE(g, g->next1)->b;
}

static void
rangesend(struct ranges *g, size_t t)
{
	for (; g->next0 < g->n; g->next0++)
		RANGE(g, g->next0)->t0 = (uint32_t)t;
	for (; g->next1 < g->n; g->next1++)
		RANGE(g, g->next1)->t1 = (uint32_t)t;
}

/* Making the tokens of an item, and giving its units their ranges. */
struct making {
	struct dd *d;
	struct doc *doc;
	const unsigned char *s;	/* the item's text */
	struct ranges units;
	struct ranges sentences;
};

static inline void
maketoken(void *ctx, size_t a, size_t b, int ascii)
{
	struct making *m = ctx;
	struct doc *doc = m->doc;
	const unsigned char *p = m->s + a;

	rangetoken(&m->units, a, doc->nt);
	rangetoken(&m->sentences, a, doc->nt);
	if (doc->nt == doc->tcap) {
		doc->tcap = doc->tcap * 2 + 256;
		doc->th = nib_realloc(doc->th, doc->tcap, sizeof *doc->th);
		doc->cjk = nib_realloc(doc->cjk, doc->tcap / 64 + 1, sizeof *doc->cjk);
	}
	if (doc->nt % 64 == 0)
		doc->cjk[doc->nt / 64] = 0;
	if (doc->nt >= UINT32_MAX)
		errx(2, "document of more than 2^32 words");
	doc->th[doc->nt] = tokhash(m->d, p, b - a, ascii);
	/* A character of a script written without spaces: a third of a word. */
	if (!ascii && b - a >= 3 && b - a <= 4 && p[0] >= 0xe0 &&
	    (b - a == 3 || p[0] >= 0xf0)) {
		doc->cjk[doc->nt / 64] |= 1ULL << (doc->nt % 64);
		doc->ncjk++;
	}
	doc->nt++;
}

/* -s: adds sentence a..b of item as a unit. */
static void
addunit(struct doc *doc, size_t item, size_t a, size_t b)
{
	struct sunit *u;

	NIB_GROW(doc->su, doc->sucap, doc->nsu + 1);
	u = &doc->su[doc->nsu++];
	u->item = (uint32_t)item;
	u->r.a = (uint32_t)a;
	u->r.b = (uint32_t)b;
	u->r.t0 = u->r.t1 = (uint32_t)doc->nt;
}

void
doc_add_sentence(struct doc *doc, size_t item, size_t a, size_t b)
{
	struct sentence *s;

	NIB_GROW(doc->s, doc->scap, doc->ns + 1);
	s = &doc->s[doc->ns++];
	s->item = (uint32_t)item;
	s->alone = 0;
	s->r.a = (uint32_t)a;
	s->r.b = (uint32_t)b;
}

void
doc_keep_sentences(struct doc *doc, size_t s0)
{
	size_t all = doc->ns - s0, k = s0;

	for (size_t j = s0; j < doc->ns; j++)
		if (doc->s[j].r.t1 - doc->s[j].r.t0 >= NIB_NEAR_SHINGLE) {
			doc->s[k] = doc->s[j];
			doc->s[k++].alone = all == 1;
		}
	doc->ns = k;
}

/*
 * The units of item i, then its tokens when keys are made of words, and
 * the sentences of the block when near repeats are looked for among them.
 */
static void
itemunits(struct dd *d, struct doc *doc, size_t i)
{
	const unsigned char *s = item_text(doc, i);
	size_t n = item_len(doc, i), a, b, u0 = doc->nsu, s0 = doc->ns;
	struct nib_sent ss;
	struct making m;

	if (d->sent) {
		nib_sent_init(&ss, s, n);
		while (nib_sent_next(&ss, &a, &b))
			addunit(doc, i, a, b);
	}
	if (!fuzzy(d))
		return;
	if (!d->sent && d->t > 0) {
		nib_sent_init(&ss, s, n);
		while (nib_sent_next(&ss, &a, &b))
			doc_add_sentence(doc, i, a, b);
	}
	m.d = d;
	m.doc = doc;
	m.s = s;
	rangesinit(&m.units, doc->nsu > u0 ? &doc->su[u0].r : NULL,
	    sizeof *doc->su, doc->nsu - u0);
	rangesinit(&m.sentences, doc->ns > s0 ? &doc->s[s0].r : NULL,
	    sizeof *doc->s, doc->ns - s0);
	eachtoken(s, n, maketoken, &m);
	rangesend(&m.units, doc->nt);
	rangesend(&m.sentences, doc->nt);
	doc_keep_sentences(doc, s0);
}

void
doc_units(struct dd *d, struct doc *doc)
{
	int blocks = fuzzy(d) && !d->sent;

	if (wtab['a'] == 0)
		for (int c = 0; c < 256; c++)
			wtab[c] = c >= 0x80 ? 2 : (c >= '0' && c <= '9') ||
			    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	doc->sent = d->sent;
	doc->nsu = doc->nt = doc->ncjk = doc->ns = doc->ncut = 0;
	if (doc->nitem >= INT32_MAX)
		errx(2, "document of more than 2^31 lines");
	if (blocks && doc->nitem + 1 > doc->itokcap) {
		/* The count is known: no slack. */
		doc->itokcap = doc->nitem + 1;
		doc->itok = nib_realloc(doc->itok, doc->itokcap, sizeof *doc->itok);
	}
	for (size_t i = 0; i < doc->nitem; i++) {
		if (blocks)
			doc->itok[i] = (uint32_t)doc->nt;
		if (!item_blank(doc, i))
			itemunits(d, doc, i);
	}
	if (blocks)
		doc->itok[doc->nitem] = (uint32_t)doc->nt;
	doc->nu = d->sent ? doc->nsu : doc->nitem;
	if (doc->nu / 64 + 1 > doc->flagcap) {
		doc->flagcap = doc->nu / 64 + 1;
		doc->gone = nib_realloc(doc->gone, doc->flagcap, sizeof *doc->gone);
		doc->keep = nib_realloc(doc->keep, doc->flagcap, sizeof *doc->keep);
	}
	memset(doc->gone, 0, (doc->nu / 64 + 1) * sizeof *doc->gone);
	memset(doc->keep, 0, (doc->nu / 64 + 1) * sizeof *doc->keep);
}

size_t
doc_words(const struct doc *doc, size_t t0, size_t t1)
{
	size_t cjk = 0;

	if (doc->ncjk > 0)
		for (size_t t = t0; t < t1; t++)
			cjk += doc->cjk[t / 64] >> (t % 64) & 1;
	return t1 - t0 - cjk + cjk / 3;
}

/* Counting tokens: their index goes to the ranges. */
struct counting {
	struct ranges g;
	size_t t;
};

static void
counttoken(void *ctx, size_t a, size_t b, int ascii)
{
	struct counting *c = ctx;

	(void)b;
	(void)ascii;
	rangetoken(&c->g, a, c->t++);
}

void
doc_tokens_of(const struct doc *doc, size_t i, size_t first,
    struct tokrange *r, size_t n, size_t size)
{
	struct counting c;

	rangesinit(&c.g, r, size, n);
	c.t = first;

	eachtoken(item_text(doc, i), item_len(doc, i), counttoken, &c);
	rangesend(&c.g, c.t);
}

/* Finding the end of the k-th token that starts at or after from. */
struct finding {
	size_t from, k, end;
};

static void
findtoken(void *ctx, size_t a, size_t b, int ascii)
{
	struct finding *f = ctx;

	(void)ascii;
	if (a >= f->from && f->k > 0 && --f->k == 0)
		f->end = b;
}

size_t
doc_token_end(const struct doc *doc, size_t i, size_t from, size_t k)
{
	struct finding f = { from, k, 0 };

	eachtoken(item_text(doc, i), item_len(doc, i), findtoken, &f);
	return f.end;
}
