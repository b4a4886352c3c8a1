/*
 * Fuzz target: the quotation mark scanner and nibquote's documents
 * (attribution, names, interrupted and multi-paragraph quotations) on any
 * bytes, cut into blocks at newlines; a form feed line starts a new
 * document, and the first byte chooses paragraph mode.
 */
#include <stdint.h>
#include <string.h>

#include "quote.h"
#include "../../cmd/nibquote/nq.h"

static size_t doclen;

static void
check(const struct nq_rec *r, void *arg)
{
	(void)arg;
	if (r->start >= r->end || r->end > doclen || r->line < 1 || r->text == NULL ||
	    strlen(r->text) > r->textlen || (r->kind != NQ_FULL && r->kind != NQ_PARTIAL))
		__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nib_qscan q;
	static struct nq_doc doc;
	static int init;
	struct nib_block b;
	const uint8_t *p = data, *end = data + size, *nl;
	size_t off = 0;

	if (!init) {
		nib_qscan_init(&q);
		init = 1;
	}
	nib_qscan(&q, data, size);
	for (size_t i = 0; i < q.nspan; i++) {
		const struct nib_qspan *s = &q.span[i];

		if (s->a >= nib_qspan_ta(s) || nib_qspan_ta(s) > s->tb ||
		    s->tb > nib_qspan_b(s) || nib_qspan_b(s) > size ||
		    s->parent >= (long)i || (i > 0 && s->a <= q.span[i - 1].a))
			__builtin_trap();
		nib_qspan_top(&q, i);
	}
	nq_doc_init(&doc, size > 0 && (data[0] & 1), check, NULL);
	memset(&b, 0, sizeof b);
	b.doc = 1;
	doclen = size;
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (n == 1 && p[0] == '\f') {
			nq_doc_end(&doc);
			b.doc++;
			off = 0;
		} else {
			b.s = p;
			b.len = n;
			b.off = off;
			b.docline++;
			nq_doc_block(&doc, &b);
			off += n + 1;
		}
		p += n + 1;
	}
	nq_doc_free(&doc);
	return 0;
}
