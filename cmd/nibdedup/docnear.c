/*
 * docnear.c: the third pass over a held document.  Near repeats are looked
 * for among sentences, whatever the units, so that a caption pasted into a
 * paragraph (a whole article flattened into one line) goes while the
 * paragraph's other sentences stay.  A sentence of fewer than two words
 * has no shingle: it can neither repeat nor hold another, and is not kept.
 */
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

/*
 * Unit i is a sentence (-s): what is left of it.  After a cut prefix its
 * words are those that start in what is left.
 */
static void
unitsentence(struct doc *doc, size_t i, const struct cut *c)
{
	size_t item = unit_item(doc, i), b = unit_b(doc, i), t1 = unit_t1(doc, i);
	struct tokrange left = { 0, (uint32_t)b, 0, 0 };

	doc_add_sentence(doc, item, c != NULL ? c->at : unit_a(doc, i), b);
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
	size_t j = 0, s0, k = 0;

	doc->ns = 0;
	while (j < doc->nu) {
		size_t item = unit_item(doc, j);
		for (s0 = doc->ns; j < doc->nu && unit_item(doc, j) == item; j++)
			if (!bit_get(doc->gone, j) && !bit_get(doc->keep, j))
				unitsentence(doc, j, unit_cut(doc, j, &k));
		doc_keep_sentences(doc, s0);
	}
}

/*
 * The sentences of what is left of block u after cut c, split again, into
 * scratch at doc->s[doc->ns..); returns how many are kept.
 */
static size_t
tailsentences(struct doc *doc, size_t u, const struct cut *c)
{
	const unsigned char *p = item_text(doc, u);
	size_t s0 = doc->ns, a, b, end = item_len(doc, u);
	struct nib_sent ss;

	nib_sent_init(&ss, p + c->at, end - c->at);
	while (nib_sent_next(&ss, &a, &b))
		doc_add_sentence(doc, u, c->at + a, c->at + b);
	if (doc->ns > s0)
		doc_tokens_of(doc, u, unit_t0(doc, u), &doc->s[s0].r,
		    doc->ns - s0, sizeof *doc->s);
	doc_keep_sentences(doc, s0);
	return doc->ns - s0;
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
		m = tailsentences(doc, j, c);
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
	if (d->sent)
		unitsassentences(doc);
	else
		blocksentences(doc);
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
