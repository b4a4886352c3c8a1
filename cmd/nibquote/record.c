/*
 * Records: the text of a quotation built from its parts, and the records
 * a quotation left open at the end of a paragraph holds until the next
 * paragraph shows whether it goes on.
 */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "pass.h"

void
nq_doc_init(struct nq_doc *doc, int paragraphs,
    void (*emit)(const struct nq_rec *, void *), void *arg)
{
	memset(doc, 0, sizeof *doc);
	doc->paragraphs = paragraphs;
	doc->emit = emit;
	doc->arg = arg;
	nib_qscan_init(&doc->q);
	nq_names_init(&doc->names);
	nq_words_init();
}

void
nq_rec_free(struct nq_rec *r)
{
	free(r->speaker);
	free(r->verb);
	free(r->text);
	memset(r, 0, sizeof *r);
}

void
nq_rec_addtext(struct nq_rec *r, const unsigned char *s, size_t a, size_t b)
{
	size_t k = r->textlen;

	while (a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n' || s[b - 1] == '\t'))
		b--;
	if (a == b)
		return;
	r->text = nib_realloc(r->text, k + (b - a) + 2, 1);
	if (k > 0)
		r->text[k++] = ' ';
	/* Most quotations are one line with single spaces: copy them whole. */
	if (!memchr(s + a, '\n', b - a) && !memchr(s + a, '\t', b - a) &&
	    !memchr(s + a, '\r', b - a) && !memmem(s + a, b - a, "  ", 2)) {
		memcpy(r->text + k, s + a, b - a);
		r->textlen = k + (b - a);
		r->text[r->textlen] = '\0';
		return;
	}
	for (size_t i = a; i < b; i++) {
		unsigned char c = s[i];

		if (c == '\n' || c == '\t' || c == '\r')
			c = ' ';
		if (c == ' ' && k > 0 && r->text[k - 1] == ' ')
			continue;
		r->text[k++] = (char)c;
	}
	r->text[k] = '\0';
	r->textlen = k;
}

/* The line of s[pos], counting on from where the pass counted last. */
static unsigned long
lineof(struct pass *p, size_t pos)
{
	for (; p->linepos < pos; p->linepos++)
		if (p->s[p->linepos] == '\n')
			p->line++;
	return p->line;
}

void
nq_rec_new(struct pass *p, struct nq_rec *r, const struct nib_qspan *sp)
{
	memset(r, 0, sizeof *r);
	r->doc = p->b->doc;
	r->line = p->b->docline + (p->doc->paragraphs ? lineof(p, sp->a) - 1 : 0);
	r->start = p->b->off + sp->a;
	r->end = p->b->off + nib_qspan_b(sp);
	nq_rec_addtext(r, p->s, nib_qspan_ta(sp), sp->tb);
	if (r->text == NULL)
		r->text = nib_strndup("", 0);
}

char *
nq_strdup(const char *s)
{
	return s ? nib_strndup(s, strlen(s)) : NULL;
}

void
nq_doc_setinherit(struct nq_doc *doc, const char *s)
{
	free(doc->inherit);
	doc->inherit = nq_strdup(s);
}

const char *
nq_doc_inherited(struct nq_doc *doc)
{
	struct nq_attr at = { NULL, NULL, 0, 0 };
	size_t a;

	if (doc->tailok && doc->taillen > 0) {
		a = nq_sent_start(doc->tail, 0, doc->taillen - 1, doc->taillen);
		if (nq_attr_sentence(doc->tail, a, doc->taillen, &at) && !at.pron)
			nq_doc_setinherit(doc, at.speaker);
		nq_attr_free(&at);
	}
	doc->tailok = 0;
	return doc->inherit;
}

void
nq_doc_hold(struct nq_doc *doc, struct nq_rec *r)
{
	if (doc->nheld == doc->heldcap) {
		doc->heldcap = doc->heldcap ? doc->heldcap * 2 : 8;
		doc->held = nib_realloc(doc->held, doc->heldcap, sizeof *doc->held);
	}
	doc->held[doc->nheld++] = *r;
	memset(r, 0, sizeof *r);
}

void
nq_doc_release(struct nq_doc *doc)
{
	if (doc->pending && doc->pendkeep)
		doc->emit(&doc->pend, doc->arg);
	for (size_t i = 0; i < doc->nheld; i++) {
		doc->emit(&doc->held[i], doc->arg);
		nq_rec_free(&doc->held[i]);
	}
	doc->nheld = 0;
	if (doc->pending)
		nq_rec_free(&doc->pend);
	doc->pending = 0;
}

void
nq_doc_drop_held(struct nq_doc *doc)
{
	for (size_t i = 0; i < doc->nheld; i++)
		nq_rec_free(&doc->held[i]);
	doc->nheld = 0;
}

void
nq_doc_end(struct nq_doc *doc)
{
	nq_doc_release(doc);
	nq_names_reset(&doc->names);
	nq_doc_setinherit(doc, NULL);
	doc->tailok = doc->havetail = 0;
}

void
nq_doc_free(struct nq_doc *doc)
{
	nq_doc_end(doc);
	free(doc->held);
	free(doc->tail);
	nib_qscan_free(&doc->q);
	nq_names_free(&doc->names);
}
