/*
 * docnear.c: the third pass over a held document.  Near repeats are looked
 * for among sentences, whatever the units, so that a caption pasted into a
 * paragraph (a whole article flattened into one line) goes while the
 * paragraph's other sentences stay.  A sentence of fewer than two words
 * has no shingle: it can neither repeat nor hold another, and is not kept.
 */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "mem.h"
#include "sent.h"

/* Does s[a..b) end as a sentence does: . ! ? and maybe closing marks? */
static int
stops(const unsigned char *p, size_t a, size_t b)
{
	while (b > a) {
		unsigned char c = p[b - 1];
		if (c == '.' || c == '!' || c == '?')
			return 1;
		if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ')
			b--;
		else if (b - a >= 3 && p[b - 3] == 0xe2 && p[b - 2] == 0x80 &&
		    (c == 0x99 || c == 0x9d))
			b -= 3;		/* closing curly quotes */
		else
			return 0;
	}
	return 0;
}

/* The pairs of tokens of unit i, when it is left. */
static size_t
pairsleft(const struct doc *doc, size_t i)
{
	size_t n = unit_t1(doc, i) - unit_t0(doc, i);

	return bit_get(doc->gone, i) || bit_get(doc->keep, i) ||
	    n < NIB_NEAR_SHINGLE ? 0 : n - NIB_NEAR_SHINGLE + 1;
}

/*
 * A big document: counts the hash of each two tokens next to each other
 * in a unit left (every sentence's shingles, and more; 8 to 16 slots a
 * pair, 2 bits a slot).  A sentence none of whose shingles was met twice
 * shares none with another (near.h): it is left out.  A hash met twice by
 * chance only keeps a sentence that need not be.
 */
static void
marktwice(struct doc *doc)
{
	size_t pairs = 0;

	for (size_t i = 0; i < doc->nu; i++)
		pairs += pairsleft(doc, i);
	twice_alloc(doc, pairs, 8);
	for (size_t i = 0; i < doc->nu && pairs > 0; i++)
		if (pairsleft(doc, i) > 0)
			for (size_t t = unit_t0(doc, i);
			    t + NIB_NEAR_SHINGLE <= unit_t1(doc, i); t++)
				twice_mark(doc, nib_near_shingle(doc->th + t));
}

/* Big: whether a shingle of tokens t0..t1 was met twice. */
static int
shares(const struct doc *doc, size_t t0, size_t t1)
{
	for (size_t t = t0; t + NIB_NEAR_SHINGLE <= t1; t++)
		if (twice_met(doc, nib_near_shingle(doc->th + t)))
			return 1;
	return 0;
}

/* Big: leaves out the sentences from s0 on that share no shingle. */
static void
prune(struct doc *doc, size_t s0)
{
	size_t k = s0;

	if (!doc->big)
		return;
	for (size_t j = s0; j < doc->ns; j++)
		if (shares(doc, doc->s[j].r.t0, doc->s[j].r.t1))
			doc->s[k++] = doc->s[j];
	doc->ns = k;
}

/*
 * Unit i is a sentence (-s): what is left of it.  After a cut prefix its
 * words are those that start in what is left.
 */
static void
unitsentence(struct doc *doc, size_t item, size_t i, const struct cut *c)
{
	size_t off = item_off(doc, item), t1 = unit_t1(doc, i);
	size_t b = unit_end(doc, i) - off;
	struct tokrange left = { 0, (uint32_t)b, 0, 0 };

	doc_add_sentence(doc, item, c != NULL ? c->at : unit_start(doc, i) - off, b);
	doc->s[doc->ns - 1].r.t0 = (uint32_t)unit_t0(doc, i);
	doc->s[doc->ns - 1].r.t1 = (uint32_t)t1;
	if (c == NULL)
		return;
	left.a = c->at;
	doc_tokens_of(doc, item, 0, &left, 1, sizeof left);
	doc->s[doc->ns - 1].r.t0 = (uint32_t)(t1 - (left.t1 - left.t0));
}

/* -s: the units of each item that are left are its sentences. */
static void
unitsassentences(struct doc *doc)
{
	size_t j = 0, s0, k = 0, item = 0;

	doc->ns = 0;
	while (j < doc->nu) {
		/* The units are in order: their items are found walking. */
		while (!unit_in(doc, j, item))
			item++;
		for (s0 = doc->ns; j < doc->nu && unit_in(doc, j, item); j++)
			if (!bit_get(doc->gone, j) && !bit_get(doc->keep, j))
				unitsentence(doc, item, j, unit_cut(doc, j, &k));
		doc_keep_sentences(doc, s0);
		prune(doc, s0);
	}
}

/*
 * The sentences of what is left of block u from byte at on, split again,
 * into scratch at doc->s[doc->ns..); returns how many are kept.
 */
static size_t
tailsentences(struct doc *doc, size_t u, size_t at)
{
	const unsigned char *p = item_text(doc, u);
	size_t s0 = doc->ns, a, b, end = item_len(doc, u);
	struct nib_sent ss;

	nib_sent_init(&ss, p + at, end - at);
	while (nib_sent_next(&ss, &a, &b))
		doc_add_sentence(doc, u, at + a, at + b);
	if (doc->ns > s0)
		doc_tokens_of(doc, u, unit_t0(doc, u), &doc->s[s0].r,
		    doc->ns - s0, sizeof *doc->s);
	doc_keep_sentences(doc, s0);
	prune(doc, s0);
	return doc->ns - s0;
}

/*
 * Blocks as units of a big document, whose sentences were not made with
 * the tokens: those of the blocks left, whole or after a cut prefix.
 */
static void
bigsentences(struct doc *doc)
{
	size_t k = 0;
	const struct cut *c;

	doc->ns = 0;
	for (size_t j = 0; j < doc->nu; j++) {
		/* No sentence of a block that shares no pair shares one. */
		if (pairsleft(doc, j) == 0 ||
		    !shares(doc, unit_t0(doc, j), unit_t1(doc, j)))
			continue;
		c = unit_cut(doc, j, &k);
		tailsentences(doc, j, c != NULL ? c->at : 0);
	}
}

/*
 * Blocks as units: the sentences split with the tokens (docunits.c) are
 * kept in place for the blocks left whole, dropped for the blocks that
 * went, split again for those that lost a prefix.
 */
static void
blocksentences(struct doc *doc)
{
	size_t n = doc->ns, rd = 0, wr = 0, first, m, k = 0;
	const struct cut *c;

	for (size_t j = 0; j < doc->nu; j++) {
		for (first = rd; rd < n && doc->s[rd].item == j; rd++)
			;
		if (bit_get(doc->gone, j) || bit_get(doc->keep, j))
			continue;
		if ((c = unit_cut(doc, j, &k)) == NULL) {
			memmove(&doc->s[wr], &doc->s[first],
			    (rd - first) * sizeof *doc->s);
			wr += rd - first;
			continue;
		}
		doc->ns = n;
		m = tailsentences(doc, j, c->at);
		if (wr + m > rd) {	/* more than were there: make room */
			size_t more = wr + m - rd;
			NIB_GROW(doc->s, doc->scap, n + m + more);
			memmove(&doc->s[rd + more], &doc->s[rd],
			    (n + m - rd) * sizeof *doc->s);
			rd += more;
			n += more;
		}
		memmove(&doc->s[wr], &doc->s[n], m * sizeof *doc->s);
		wr += m;
	}
	doc->ns = wr;
}

void
doc_nears(struct dd *d, struct doc *doc)
{
	if (doc->big)
		marktwice(doc);
	if (d->sent)
		unitsassentences(doc);
	else if (doc->big)
		bigsentences(doc);
	else
		blocksentences(doc);
	free(doc->twice);
	doc->twice = NULL;
	nib_near_reset(&doc->nr);
	for (size_t i = 0; i < doc->ns; i++) {
		const struct sentence *s = &doc->s[i];
		size_t x = nib_near_add(&doc->nr, s->r.t0, s->r.t1 - s->r.t0, 0);
		doc->nr.u[x].words = (uint32_t)doc_words(doc, s->r.t0, s->r.t1);
		/*
		 * A line that is a title, not a sentence, is only ever an
		 * exact repeat: the headline inside the article must not go
		 * because the page title ("Headline - Site") holds it.
		 */
		if (s->alone && !stops(item_text(doc, s->item), s->r.a, s->r.b))
			doc->nr.u[x].words = 0;
	}
	/* The token hashes are not needed after: near takes them for scratch. */
	nib_near_run(&doc->nr, doc->th, d->t, d->minwords);
	for (size_t i = 0; i < doc->ns; i++) {
		const struct sentence *s = &doc->s[i], *o;
		long v = doc->nr.u[i].by;
		if (v < 0)
			continue;
		o = &doc->s[v];
		doc_report(d, doc, WHY_NEAR, nib_near_score(&doc->nr, i),
		    s->item, item_off(doc, s->item) + s->r.a,
		    item_off(doc, s->item) + s->r.b, (long)o->item, item_off(doc, o->item) + o->r.a,
		    item_off(doc, o->item) + o->r.b);
	}
}
