/*
 * The per-document scope: the document is held, then its units are
 * tested in three passes (exact repeats, glued prefixes, near repeats;
 * see doc.h for the files) and what is left is written with the layout
 * it came with.
 *
 * Blocks (lines or paragraphs) are the units of the exact and prefix
 * passes, unless -s makes sentences the units.
 */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "mem.h"
#include "out.h"

/* Sorts spans by start and merges those that overlap (few: insertion). */
static void
sortspans(struct span *rm, size_t *n)
{
	size_t i, j, m = 0;

	for (i = 1; i < *n; i++) {
		struct span x = rm[i];
		for (j = i; j > 0 && rm[j - 1].a > x.a; j--)
			rm[j] = rm[j - 1];
		rm[j] = x;
	}
	for (i = 0; i < *n; i++) {
		if (m > 0 && rm[i].a <= rm[m - 1].b) {
			if (rm[i].b > rm[m - 1].b)
				rm[m - 1].b = rm[i].b;
		} else
			rm[m++] = rm[i];
	}
	*n = m;
}

static void
addspan(struct doc *doc, size_t *n, size_t a, size_t b)
{
	NIB_GROW(doc->rm, doc->rmcap, *n + 1);
	doc->rm[*n].a = a;
	doc->rm[(*n)++].b = b;
}

/*
 * The spans of item i to leave out; *u, *k and *s walk the units, their
 * cuts and the sentences.
 */
static size_t
itemspans(struct doc *doc, size_t i, size_t *u, size_t *k, size_t *s)
{
	const struct cut *c;
	size_t n = 0;

	while (*u < doc->nu && unit_item(doc, *u) < i)
		(*u)++;
	for (; *u < doc->nu && unit_item(doc, *u) == i; (*u)++) {
		size_t a = unit_a(doc, *u);
		if (bit_get(doc->gone, *u))
			addspan(doc, &n, a, unit_b(doc, *u));
		else if ((c = unit_cut(doc, *u, k)) != NULL && c->at > a)
			addspan(doc, &n, a, c->at);
	}
	/* Sentences come after a cut prefix, in order. */
	for (; *s < doc->ns && doc->s[*s].item == i; (*s)++)
		if (doc->nr.u[*s].by >= 0)
			addspan(doc, &n, doc->s[*s].r.a, doc->s[*s].r.b);
	return n;
}

/*
 * Writes what is left.  With -P the blank lines after a paragraph that
 * went go too, so that paragraphs stay one blank line apart.
 */
static void
emit(const struct dd *d, struct doc *doc)
{
	size_t u = 0, k = 0, s = 0, n;
	int skipblank = 0;

	for (size_t i = 0; i < doc->nitem; i++) {
		if (item_blank(doc, i)) {
			if (!skipblank) {
				nib_out_write(item_text(doc, i), item_len(doc, i));
				nib_out_putc(NIB_EOL);
			}
			continue;
		}
		n = itemspans(doc, i, &u, &k, &s);
		sortspans(doc->rm, &n);
		skipblank = !dd_emit_block(item_text(doc, i), item_len(doc, i), doc->rm,
		    n) && d->para;
	}
}

/* -c, -d and -u: each unit once, in order, with the count of its text. */
static void
counts(struct dd *d, struct doc *doc)
{
	for (size_t i = 0; i < doc->nu; i++) {
		size_t a = unit_a(doc, i);
		if (unit_blank(doc, i) || bit_get(doc->gone, i) ||
		    (d->dups && doc->cnt[i] < 2) || (d->uniqs && doc->cnt[i] != 1))
			continue;
		dd_emit_unit(d, doc->cnt[i], item_text(doc, unit_item(doc, i)) + a,
		    unit_b(doc, i) - a);
	}
}

static void
process(struct dd *d, struct doc *doc)
{
	NIB_GROW(doc->item, doc->itemcap, doc->nitem + 1);
	doc->item[doc->nitem] = (uint32_t)doc->len;	/* where the last item ends */
	doc_units(d, doc);
	doc_exact(d, doc);
	if (d->count || d->dups || d->uniqs)
		counts(d, doc);
	else {
		if (fuzzy(d))
			doc_prefixes(d, doc);
		if (fuzzy(d) && d->t > 0)
			doc_nears(d, doc);
		emit(d, doc);
	}
	doc->nitem = doc->len = 0;
}

/* Adds a block to the document; -1 when it would pass --max-doc. */
static int
add(struct nib_reader *r, struct dd *d, struct doc *doc, int type,
    const struct nib_block *b)
{
	if (doc->len + b->len > d->maxdoc)
		return -1;
	if (b->len > UINT32_MAX - doc->len) {
		nib_out_flush();
		nib_errl(2, r, "a document of 4 GiB or more cannot be held: use -g");
	}
	/* 16 bytes of slack: tokens are hashed by 8-byte loads. */
	NIB_GROW(doc->buf, doc->cap, doc->len + b->len + 16);
	memcpy(doc->buf + doc->len, b->s, b->len);
	NIB_GROW(doc->item, doc->itemcap, doc->nitem + 2);
	doc->item[doc->nitem] = (uint32_t)doc->len;
	if (doc->nitem % 64 == 0) {
		NIB_GROW(doc->blank, doc->blankcap, doc->nitem / 64 + 1);
		doc->blank[doc->nitem / 64] = 0;
	}
	if (type == NIB_BLANK)
		bit_set(doc->blank, doc->nitem);
	if (d->report != NULL) {
		NIB_GROW(doc->line, doc->linecap, doc->nitem + 1);
		doc->line[doc->nitem] = (uint32_t)b->docline;
	}
	doc->nitem++;
	doc->len += b->len;
	doc->no = b->doc;
	/* The document holds its copy: the reader's need not stay long. */
	if (b->len >= (1 << 20))
		nib_reader_shrink(r);
	return 0;
}

/*
 * A document over --max-doc is left out whole, with a message; the run
 * goes on and ends with status 2.  One long stream with no form feeds is
 * most likely many documents run together: say what to do.
 */
static void
toolong(struct nib_reader *r, struct dd *d, struct doc *doc, unsigned long no)
{
	nib_warnl(r, "document %lu is longer than --max-doc (%zu bytes): left out%s",
	    no, d->maxdoc, r->line == r->docline ? "; for a stream of many "
	    "documents use -g, or separate them with form-feed lines" : "");
	doc->nitem = doc->len = 0;
	d->toolong = 1;
}

void
dd_doc(struct nib_reader *r, void *arg)
{
	struct dd *d = arg;
	struct doc *doc;
	struct nib_block b;
	int t, skip = 0;

	if (d->held == NULL)
		d->held = nib_calloc(1, sizeof(struct doc));
	doc = d->held;
	while ((t = nib_reader_block(r, d->para, &b)) != NIB_EOF) {
		if (t == NIB_DOCSEP) {
			process(d, doc);
			nib_out_docsep();
			skip = 0;
		} else if (!skip && add(r, d, doc, t, &b) < 0) {
			toolong(r, d, doc, b.doc);
			skip = 1;
		}
	}
	process(d, doc);
}

void
dd_doc_end(struct dd *d)
{
	struct doc *doc = d->held;

	if (doc == NULL)
		return;
	nib_near_free(&doc->nr);
	doc_passes_free(doc);
	free(doc->buf);
	free(doc->item);
	free(doc->blank);
	free(doc->line);
	free(doc->su);
	free(doc->itok);
	free(doc->gone);
	free(doc->keep);
	free(doc->cut);
	free(doc->th);
	free(doc->cjk);
	free(doc->s);
	free(doc->rm);
	free(doc);
	d->held = NULL;
}
