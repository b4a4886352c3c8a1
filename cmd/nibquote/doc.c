/*
 * Documents: blocks in, records out.  Each block is scanned for marks
 * (common/quote.h); its top-level quotations become records, two of them
 * joined when only their attribution stands between ("I think," she
 * said, "we can"); a quotation left open at the end of a paragraph is held
 * and goes on if the next paragraph opens again with the same mark.
 */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "pass.h"

/*
 * A quotation may run on over paragraphs, but a paragraph longer than
 * this that never closes its quotation is text with a stray mark.
 */
#define MAXPARA (64 * 1024)
/* The end of a block kept for the next one: one sentence's worth. */
#define TAILMAX 400

/*
 * Whether s[a..b) reads as a speaker's words, not a title: four words or
 * more, most of them in lower case.
 */
static int
speechlike(const unsigned char *s, size_t a, size_t b)
{
	int words = 0, lower = 0;

	for (size_t i = a; i < b; i++)
		if (s[i] != ' ' && s[i] != '\n' && (i == a || s[i - 1] == ' ' || s[i - 1] == '\n')) {
			words++;
			lower += s[i] >= 'a' && s[i] <= 'z';
		}
	return words >= 4 && 2 * lower > words;
}

/*
 * Whether the quotation span sp opens its clause (start, colon, "said,"),
 * or is a speaker's words after an opening phrase and its comma ('For the
 * industry, "next year will be slow," Ward says.').
 */
static int
opensclause(const unsigned char *s, size_t lo, const struct nib_qspan *sp, size_t n)
{
	size_t sent = nq_sent_start(s, lo, sp->a, n), k = sp->a;

	if (nq_pre_kind(s, sent < lo ? lo : sent, sp->a) != PRE_MID)
		return 1;
	while (k > lo && (s[k - 1] == ' ' || s[k - 1] == '\n'))
		k--;
	return k > lo && s[k - 1] == ',' && speechlike(s, nib_qspan_ta(sp), sp->tb);
}

/* First byte that is not white space. */
static size_t
firstbyte(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
		i++;
	return i;
}

/* The next top-level quotation after span i, or nq. */
static size_t
nexttop(const struct nib_qscan *q, size_t i, size_t nq)
{
	size_t j;

	for (j = i + 1; j < nq && !nib_qspan_top(q, j); j++)
		;
	return j;
}

/*
 * Whether a quotation left open by the paragraph before goes on in this
 * one: it opens again, with the same family of mark, at its first byte.
 */
static int
goeson(struct nq_doc *doc, const struct nib_block *b, size_t nq, long open)
{
	const struct nib_qspan *sp = &doc->q.span[0];

	return nq > 0 && sp->a == firstbyte(b->s, b->len) &&
	    sp->fam == doc->pendfam && (sp->closed || open == 0);
}

/* Whether the first part's end fits an interruption of kind gap. */
static int
gapfits(int gap, const struct nq_rec *r, const unsigned char *s, size_t z)
{
	unsigned char c = r->textlen > 0 ? (unsigned char)r->text[r->textlen - 1] : 0;

	if (gap == NQ_GAP_DASH || s[z] == ',' || c == ',')
		return 1;
	/* "A!" X tweeted. "B." */
	return gap == NQ_GAP_STOP && (c == '.' || c == '!' || c == '?' ||
	    (r->textlen >= 3 && memcmp(r->text + r->textlen - 3, "\xE2\x80\xA6", 3) == 0));
}

/*
 * Whether the quotation at span j has an attribution of its own after
 * it ('"B," Jones said.'): then it is a quotation of its own.
 */
static int
ownattr(struct pass *p, size_t j, size_t nq)
{
	const struct nib_qscan *q = &p->doc->q;
	const struct nib_qspan *sp = &q->span[j];
	size_t k = nexttop(q, j, nq), hi = k < nq ? q->span[k].a : p->n, end;
	size_t b = sp->tb, ta = nib_qspan_ta(sp), z = nib_qspan_b(sp);
	struct nq_attr at;
	int r, stop;

	/* a part left open runs to the end of the paragraph: nothing after */
	if (!sp->closed || hi <= z)
		return 0;
	while (b > ta && p->s[b - 1] == ' ')
		b--;
	/* After "...decide." only a short attribution is the quotation's. */
	stop = b > ta && (p->s[b - 1] == '.' || p->s[b - 1] == '!' ||
	    p->s[b - 1] == '?');
	r = nq_attr_post(p->s, z, nq_clause_end(p->s, z, hi),
	    stop, &at, &end);
	nq_attr_free(&at);
	return r;
}

/*
 * Whether the quotation at span j is a sentence of the speaker's own
 * that goes on after an attribution: it ends with punctuation, or the
 * paragraph (or a next quotation) comes right after it.  '‚Ja‘ was all
 * she wrote' is no second part.
 */
static int
sentencepart(struct pass *p, size_t j)
{
	const struct nib_qspan *sp = &p->doc->q.span[j];
	const unsigned char *s = p->s;
	size_t b = sp->tb, k = nib_qspan_b(sp);

	while (b > nib_qspan_ta(sp) && (s[b - 1] == ' ' || s[b - 1] == '\n'))
		b--;
	if (b > nib_qspan_ta(sp) && strchr(".!?,:;-", s[b - 1]) != NULL && s[b - 1] != 0)
		return 1;
	if (b >= nib_qspan_ta(sp) + 3 && s[b - 3] == 0xE2 && s[b - 2] == 0x80 &&
	    (s[b - 1] == 0xA6 || s[b - 1] == 0x94 || s[b - 1] == 0x93))
		return 1;
	while (k < p->n && (s[k] == ' ' || s[k] == '\n' || s[k] == '\t'))
		k++;
	return k == p->n || nib_qmark_len(s, p->n, k) > 0;
}

/*
 * Joins to r the parts that follow an interruption by attribution ("I
 * think," she said, "we can"; "A," X said. "B."); *ip is the record's
 * first span, moved to its last.  Returns the next top-level span; pt
 * gets the gap.
 */
static size_t
joinparts(struct pass *p, struct nq_rec *r, size_t *ip, size_t nq, long open,
    size_t lo, struct parts *pt)
{
	const struct nib_qscan *q = &p->doc->q;
	const unsigned char *s = p->s;
	size_t i = *ip, j = nexttop(q, i, nq);

	/* the span left open is no top-level one, but may be a second part */
	if (open >= 0 && (size_t)open > i && (size_t)open < j)
		j = (size_t)open;
	/* Only a quotation that opens its clause is interrupted: after
	 * 'After hitting "Takin' It",' the next one is another. */
	int opens = pt->cont ? 1 : -1, gap;

	while (j < nq && (open < 0 || (long)j < open || ((long)j == open &&
	    p->n - q->span[j].a <= MAXPARA)) &&
	    (gap = nq_interrupt(s, pt->z, q->span[j].a)) != 0 &&
	    gapfits(gap, r, s, pt->z) &&
	    (gap != NQ_GAP_STOP || (sentencepart(p, j) && !ownattr(p, j, nq))) &&
	    (opens >= 0 ? opens : (opens = opensclause(s, lo, &q->span[i], p->n)))) {
		pt->ga = pt->z;
		pt->gb = q->span[j].a;
		nq_rec_addtext(r, s, nib_qspan_ta(&q->span[j]), q->span[j].tb);
		r->end = p->b->off + nib_qspan_b(&q->span[j]);
		pt->z = nib_qspan_b(&q->span[j]);
		pt->gapped = 1;
		i = j;
		/* The second part runs on to the next paragraph. */
		if ((long)i == open)
			break;
		j = nexttop(q, i, nq);
	}
	*ip = i;
	return j;
}

/*
 * The record that opens at top-level span *ip; prints it.  Returns where
 * the writer's words after it start.
 */
static size_t
quotation(struct pass *p, size_t *ip, size_t nq, long open, size_t lo, int cont)
{
	struct nq_doc *doc = p->doc;
	const struct nib_qspan *sp = &doc->q.span[*ip];
	struct parts pt;
	struct nq_rec r;
	size_t j;

	memset(&pt, 0, sizeof pt);
	pt.cont = cont;
	if (cont) {
		r = doc->pend;
		memset(&doc->pend, 0, sizeof doc->pend);
		doc->pending = 0;
		nq_rec_addtext(&r, p->s, nib_qspan_ta(sp), sp->tb);
		r.end = p->b->off + nib_qspan_b(sp);
	} else
		nq_rec_new(p, &r, sp);
	pt.a = sp->a;
	pt.z = nib_qspan_b(sp);
	pt.lo = lo;
	j = joinparts(p, &r, ip, nq, open, lo, &pt);
	pt.hi = j < nq ? doc->q.span[j].a : p->n;
	if (open >= 0 && pt.hi > doc->q.span[open].a)
		pt.hi = doc->q.span[open].a;
	if (open >= 0 && *ip == (size_t)open) {
		/* '"A," he said. "B ...': held, as a quotation left open is,
		 * but printed even if it does not go on. */
		pt.hi = p->n;
		nq_finish(p, &r, &pt);
		doc->pend = r;
		doc->pendfam = doc->q.span[open].fam;
		doc->pendfull = 1;
		doc->pendkeep = 1;
		doc->pending = 1;
		p->openused = 1;
		return pt.z;
	}
	nq_finish(p, &r, &pt);
	doc->emit(&r, doc->arg);
	nq_rec_free(&r);
	return pt.z;
}

/* Prints (or, held, keeps) the top-level quotations inside span open. */
static void
inner(struct pass *p, size_t nq, long open, int keep)
{
	for (size_t i = (size_t)open + 1; i < nq; i++)
		if (nib_qspan_top(&p->doc->q, i)) {
			struct nq_rec r;

			nq_rec_new(p, &r, &p->doc->q.span[i]);
			r.kind = NQ_PARTIAL;
			if (keep)
				nq_doc_hold(p->doc, &r);
			else {
				p->doc->emit(&r, p->doc->arg);
				nq_rec_free(&r);
			}
		}
}

/* A quotation opens at span open and runs to the end of the block. */
static void
leftopen(struct pass *p, size_t lo, long open, int cont)
{
	struct nq_doc *doc = p->doc;
	const struct nib_qspan *sp = &doc->q.span[open];
	struct nq_rec r;
	struct nq_attr at;
	size_t sent;

	if (cont && open == 0) {
		nq_rec_addtext(&doc->pend, p->s, nib_qspan_ta(sp), sp->tb);
		doc->pending = 1;
		return;
	}
	doc->pendkeep = 0;
	sent = nq_sent_start(p->s, lo, sp->a, p->n);
	if (sent < lo)
		sent = lo;
	nq_rec_new(p, &r, sp);
	if (p->names < sp->a)
		nq_names_scan(&doc->names, p->s, p->names, sp->a);
	p->names = p->n;
	if (nq_attr_pre(p->s, sent, sp->a, 1, &at))
		nq_attribute(p, &r, &at);
	else if (p->nrec > 0)
		r.speaker = nq_strdup(p->prevspk);
	else if (sent == 0)
		r.speaker = nq_strdup(nq_doc_inherited(doc));
	nq_attr_free(&at);
	doc->pend = r;
	doc->pendfam = sp->fam;
	doc->pendfull = nq_pre_kind(p->s, sent, sp->a) != PRE_MID;
	doc->pending = 1;
}

/*
 * Keeps the end of the block, for the speaker of a quotation opening the
 * next one: read only when one does, so its words are kept till then.
 */
static void
keeptail(struct pass *p, long open)
{
	struct nq_doc *doc = p->doc;
	size_t a;

	doc->tailok = doc->havetail = 0;
	if (open < 0) {
		a = p->n > TAILMAX ? p->n - TAILMAX : 0;
		NIB_GROW(doc->tail, doc->tailcap, p->n - a + 1);
		memcpy(doc->tail, p->s + a, p->n - a);
		doc->taillen = p->n - a;
		doc->tailok = 1;
		doc->havetail = 1;
		nq_doc_setinherit(doc, p->nrec > 0 ? p->prevspk : NULL);
		doc->inherittick = p->prevtick;
	} else if (p->nrec > 0) {
		nq_doc_setinherit(doc, p->prevspk);
		doc->inherittick = p->prevtick;
	}
}

void
nq_doc_block(struct nq_doc *doc, const struct nib_block *b)
{
	struct nib_qscan *q = &doc->q;
	struct pass p;
	size_t i, nq, lo = 0;
	long open;
	int cont = 0;

	if (b->doc != doc->doc) {
		nq_doc_end(doc);
		doc->doc = b->doc;
	}
	memset(&p, 0, sizeof p);
	p.doc = doc;
	p.b = b;
	p.s = b->s;
	p.n = b->len;
	p.line = 1;
	nq = nib_qscan(q, b->s, b->len);
	open = q->open;
	if (doc->pending) {
		if ((cont = goeson(doc, b, nq, open)))
			nq_doc_drop_held(doc);
		else
			nq_doc_release(doc);
	}
	for (i = 0; i < nq; i++) {
		const struct nib_qspan *sp = &q->span[i];
		int first = cont && i == 0;

		if (open >= 0 && (long)i == open)
			break;
		if (!first && !nib_qspan_top(q, i))
			continue;
		if (first && !sp->closed)
			break;
		/* "" quotes nothing */
		if (!first && firstbyte(b->s + nib_qspan_ta(sp),
		    sp->tb - nib_qspan_ta(sp)) == sp->tb - nib_qspan_ta(sp))
			continue;
		lo = quotation(&p, &i, nq, open, lo, first);
		if (p.openused)
			break;
	}
	/* No news paragraph is this long: a stray mark, not a quotation. */
	if (open >= 0 && (b->len - q->span[open].a > MAXPARA ||
	    (cont && open == 0 && doc->pend.textlen > MAXPARA))) {
		if (cont && open == 0) {
			nq_doc_release(doc);
			nq_doc_drop_held(doc);
		}
		inner(&p, nq, open, 0);
		open = -1;
	}
	if (open >= 0) {
		if (!p.openused)
			leftopen(&p, lo, open, cont);
		/* What it holds is printed only if it never goes on. */
		inner(&p, nq, open, 1);
	}
	if (p.names < b->len)
		nq_names_scan(&doc->names, b->s, p.names, b->len);
	keeptail(&p, open);
	free(p.prevspk);
}
