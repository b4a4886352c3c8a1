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
#include "nq.h"

/*
 * A quotation may run on over paragraphs, but a paragraph longer than
 * this that never closes its quotation is text with a stray mark.
 */
#define MAXPARA (64 * 1024)
/* The end of a block kept for the next one: one sentence's worth. */
#define TAILMAX 400

void
nq_doc_init(struct nq_doc *d, int paragraphs,
    void (*emit)(const struct nq_rec *, void *), void *arg)
{
	memset(d, 0, sizeof *d);
	d->paragraphs = paragraphs;
	d->emit = emit;
	d->arg = arg;
	nib_qscan_init(&d->q);
	nq_names_init(&d->names);
	nq_words_init();
}

static void
recfree(struct nq_rec *r)
{
	free(r->speaker);
	free(r->verb);
	free(r->text);
	memset(r, 0, sizeof *r);
}

/* Appends s[a..b) to the record's text, white space made single spaces. */
static void
addtext(struct nq_rec *r, const unsigned char *s, size_t a, size_t b)
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

static char *
dup(const char *s)
{
	return s ? nib_strndup(s, strlen(s)) : NULL;
}

static void
setinherit(struct nq_doc *d, const char *s)
{
	free(d->inherit);
	d->inherit = dup(s);
}

/* The speaker a quotation opening this block may take from the one before. */
static const char *
inherited(struct nq_doc *d)
{
	struct nq_attr at = { NULL, NULL, 0 };
	size_t a;

	if (d->tailok && d->taillen > 0) {
		a = nq_sent_start(d->tail, 0, d->taillen - 1);
		if (nq_attr_sentence(d->tail, a, d->taillen, &at) && !at.pron)
			setinherit(d, at.speaker);
		nq_attr_free(&at);
	}
	d->tailok = 0;
	return d->inherit;
}

static void
hold(struct nq_doc *d, struct nq_rec *r)
{
	if (d->nheld == d->heldcap) {
		d->heldcap = d->heldcap ? d->heldcap * 2 : 8;
		d->held = nib_realloc(d->held, d->heldcap, sizeof *d->held);
	}
	d->held[d->nheld++] = *r;
	memset(r, 0, sizeof *r);
}

/* Prints what an open quotation held, and forgets the quotation. */
static void
release(struct nq_doc *d)
{
	for (size_t i = 0; i < d->nheld; i++) {
		d->emit(&d->held[i], d->arg);
		recfree(&d->held[i]);
	}
	d->nheld = 0;
	if (d->pending)
		recfree(&d->pend);
	d->pending = 0;
}

static void
drop_held(struct nq_doc *d)
{
	for (size_t i = 0; i < d->nheld; i++)
		recfree(&d->held[i]);
	d->nheld = 0;
}

void
nq_doc_end(struct nq_doc *d)
{
	release(d);
	nq_names_reset(&d->names);
	setinherit(d, NULL);
	d->tailok = d->havetail = 0;
}

void
nq_doc_free(struct nq_doc *d)
{
	nq_doc_end(d);
	free(d->held);
	free(d->tail);
	nib_qscan_free(&d->q);
	nq_names_free(&d->names);
}

/* What a block's pass needs as it goes. */
struct pass {
	struct nq_doc *d;
	const struct nib_block *b;
	const unsigned char *s;
	size_t n;
	size_t names;		/* names are read up to here */
	size_t linepos;		/* lines are counted up to here */
	unsigned long line;
	char *prevspk;		/* speaker of the last record of this block */
	size_t prevsent;	/* where that record's sentence started */
	int nrec;
};

static unsigned long
lineof(struct pass *p, size_t pos)
{
	for (; p->linepos < pos; p->linepos++)
		if (p->s[p->linepos] == '\n')
			p->line++;
	return p->line;
}

static size_t
words(const char *t, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		if (t[i] != ' ' && (i == 0 || t[i - 1] == ' '))
			w++;
	return w;
}

static int
endspunct(const char *t, size_t n)
{
	const unsigned char *u = (const unsigned char *)t;

	/* Inner closing marks first: 'she said, "Go."' ends with a stop. */
	while (n > 0 && (t[n - 1] == '\'' || t[n - 1] == '"' || t[n - 1] == ' '))
		n--;
	while (n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 && (u[n - 1] == 0x99 ||
	    u[n - 1] == 0x9D || u[n - 1] == 0xBA))
		n -= 3;
	if (n == 0)
		return 0;
	if (t[n - 1] != 0 && strchr(".,!?;:-", t[n - 1]))
		return 1;
	/* … — – */
	return n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 &&
	    (u[n - 1] == 0xA6 || u[n - 1] == 0x94 || u[n - 1] == 0x93);
}

static int
firstcap(const char *t)
{
	const unsigned char *u = (const unsigned char *)t;

	while (*u && !((*u >= 'a' && *u <= 'z') || (*u >= 'A' && *u <= 'Z') || *u >= 0x80))
		u++;
	return (*u >= 'A' && *u <= 'Z') || *u >= 0xC3;
}

/* Only stops and nothing else between a and b: the quotation ends its sentence. */
static int
endsentence(const unsigned char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (s[i] == 0 || !strchr(" .!?)\n", s[i]))
			return 0;
	return 1;
}

static int
kindof(int pk, const struct nq_rec *r, int postattr, int postend, int attr)
{
	size_t w = words(r->text, r->textlen);
	int p = endspunct(r->text, r->textlen);

	switch (pk) {
	case PRE_START:
		return p || postattr || (postend && w >= 3) ? NQ_FULL : NQ_PARTIAL;
	case PRE_COLON:
		return p || (w >= 4 && (attr || postattr)) ? NQ_FULL : NQ_PARTIAL;
	case PRE_SAID:
		return firstcap(r->text) || p ? NQ_FULL : NQ_PARTIAL;
	}
	return NQ_PARTIAL;
}

/* Resolves an attribution into the record. */
static void
attribute(struct pass *p, struct nq_rec *r, struct nq_attr *at)
{
	r->speaker = nq_names_speaker(&p->d->names, at);
	r->verb = at->verb;
	at->verb = NULL;
	nq_attr_free(at);
}

/*
 * The speaker of the sentence before s[sent] (in this block, or the last
 * sentence of the one before), for "he said" when someone other than the
 * last name spoke there ("A spokesman denied it.  He said ..."), or else
 * its subject when that is a name ("Morrison was the third witness.  He
 * said ...").
 */
static char *
prevsentence(struct pass *p, size_t sent)
{
	struct nq_attr at;
	const unsigned char *s = p->s;
	size_t a, e = sent;
	char *r = NULL;

	if (sent == 0) {
		if (!p->d->havetail || p->d->taillen == 0)
			return NULL;
		s = p->d->tail;
		e = p->d->taillen;
	}
	a = nq_sent_start(s, 0, e - 1);
	if (nq_attr_sentence(s, a, e, &at) && !at.pron && at.speaker)
		r = dup(at.speaker);
	nq_attr_free(&at);
	if (r == NULL && nq_subject(s, a, e, &at) && !at.pron && at.speaker &&
	    nq_names_known(&p->d->names, at.speaker))
		r = dup(at.speaker);
	nq_attr_free(&at);
	return r;
}

/* Resolves the attribution into the record; "he" may look one sentence back. */
static void
resolve(struct pass *p, struct nq_rec *r, struct nq_attr *use, size_t sent)
{
	char *ps = NULL;

	if ((use->pron & W_PERSON) && (ps = prevsentence(p, sent)) != NULL &&
	    (nq_names_sex(&p->d->names, ps) & ~use->pron & (W_MALE | W_FEMALE))) {
		/* "McDowell laughs. ... she said": not him. */
		free(ps);
		ps = NULL;
	}
	if (ps != NULL) {
		struct nq_attr named = { ps, use->verb, 0 };

		use->verb = NULL;
		attribute(p, r, &named);
	} else
		attribute(p, r, use);
}

/*
 * Fills in speaker, verb and kind of the record whose first part opens at
 * s[a] and whose last part closes at s[z]; lo is where the writer's words
 * before it start (the end of the previous quotation), hi where the next
 * one opens.  gap: the interruption between two parts, if any.
 */
static void
finish(struct pass *p, struct nq_rec *r, size_t a, size_t z, size_t lo, size_t hi,
    int gapped, size_t ga, size_t gb, int cont)
{
	struct nq_doc *d = p->d;
	struct nq_attr pre, post, gap;
	size_t sent, sent0, ce, endp;
	int pk, havepre = 0, havepost, havegap = 0;

	memset(&pre, 0, sizeof pre);
	memset(&gap, 0, sizeof gap);
	sent0 = nq_sent_start(p->s, 0, a);
	sent = sent0 < lo ? lo : sent0;
	/* The kind from the whole sentence: in 'including "A," "B,"' B is no
	 * sentence of its own. */
	pk = cont ? (d->pendfull ? PRE_START : PRE_MID) : nq_pre_kind(p->s, sent0, a);
	ce = nq_clause_end(p->s, z, hi);
	havepost = nq_attr_post(p->s, z, ce, r->textlen > 0 &&
	    r->text[r->textlen - 1] != 0 && strchr(".!?", r->text[r->textlen - 1]),
	    &post, &endp);
	if (gapped)
		havegap = nq_attr_post(p->s, ga, gb, 0, &gap, &endp);
	if (!cont && !havegap)
		havepre = nq_attr_pre(p->s, sent, a, pk != PRE_MID, &pre);
	r->kind = kindof(pk, r, havepost || havegap, endsentence(p->s, z, ce), havepre);
	if (gapped || (cont && d->pendfull))
		r->kind = pk == PRE_START || pk == PRE_SAID || pk == PRE_COLON ||
		    cont ? NQ_FULL : r->kind;
	/* Names before the sentence count for a pronoun that opens it. */
	if (p->names < sent) {
		nq_names_scan(&d->names, p->s, p->names, sent);
		p->names = sent;
	}
	if (cont && (r->speaker != NULL || r->verb != NULL) && !havepost) {
		/* The attribution the first paragraph gave stands. */
	} else {
		free(r->speaker);
		free(r->verb);
		r->speaker = r->verb = NULL;
		struct nq_attr *use = NULL;

		if (havegap)
			use = &gap;
		else if (havepre && (pk == PRE_SAID || pk == PRE_COLON || !havepost))
			use = &pre;
		else if (havepost && (pk != PRE_MID || ((ce < hi || hi == p->n) && p->s[z] == ',') ||
		    strcmp(post.verb, "according to") == 0 ||
		    ((ce < hi || hi == p->n) && r->textlen > 0 && r->text[r->textlen - 1] == ',')))
			use = &post;
		if (use == &pre)
			resolve(p, r, use, sent);
		/* Names before the quotation count, the quoted words do not. */
		if (p->names < a)
			nq_names_scan(&d->names, p->s, p->names, a);
		if (use != NULL && use != &pre)
			resolve(p, r, use, sent);
	}
	if (p->names < z)
		p->names = z;
	if (r->verb == NULL && r->speaker == NULL && pk == PRE_COLON) {
		/* "Raman was careful: "...": the sentence's subject, a name
		 * the document gave. */
		struct nq_attr at;

		int k = nq_subject(p->s, sent, a, &at);

		if (k && !at.pron && (k == 2 || nq_names_known(&d->names, at.speaker)))
			r->speaker = nq_names_speaker(&d->names, &at);
		nq_attr_free(&at);
	}
	if (r->verb == NULL && r->speaker == NULL) {
		/* A quotation with no words of its own about who: the speaker
		 * of the one just before, in the same sentence or paragraph,
		 * or of the paragraph before when it opens this one. */
		if (p->nrec > 0 && ((r->kind == NQ_FULL && pk == PRE_START) ||
		    p->prevsent == sent0))
			r->speaker = dup(p->prevspk);
		else if (p->nrec == 0 && r->kind == NQ_FULL && sent == 0 && pk == PRE_START)
			r->speaker = dup(inherited(d));
		else if (r->kind == NQ_FULL && pk == PRE_START) {
			/* "Herbert said the cells sense it. "Once ..."" */
			struct nq_attr named = { prevsentence(p, sent), NULL, 0 };

			r->speaker = nq_names_speaker(&d->names, &named);
			free(named.speaker);
		}
	}
	nq_attr_free(&pre);
	nq_attr_free(&post);
	nq_attr_free(&gap);
	free(p->prevspk);
	p->prevspk = dup(r->speaker);
	p->prevsent = sent0;
	p->nrec++;
}

static void
newrec(struct pass *p, struct nq_rec *r, const struct nib_qspan *sp)
{
	memset(r, 0, sizeof *r);
	r->doc = p->b->doc;
	r->line = p->b->docline + (p->d->paragraphs ? lineof(p, sp->a) - 1 : 0);
	r->start = p->b->off + sp->a;
	r->end = p->b->off + sp->b;
	addtext(r, p->s, sp->ta, sp->tb);
	if (r->text == NULL)
		r->text = nib_strndup("", 0);
}

/* Whether the quotation at s[a] opens its clause (start, colon, "said,"). */
static int
opensclause(const unsigned char *s, size_t lo, size_t a)
{
	size_t sent = nq_sent_start(s, lo, a);

	return nq_pre_kind(s, sent < lo ? lo : sent, a) != PRE_MID;
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

void
nq_doc_block(struct nq_doc *d, const struct nib_block *b)
{
	struct nib_qscan *q = &d->q;
	struct pass p;
	size_t i, nq, lo = 0;
	long open;
	int cont = 0;

	if (b->doc != d->doc) {
		nq_doc_end(d);
		d->doc = b->doc;
	}
	memset(&p, 0, sizeof p);
	p.d = d;
	p.b = b;
	p.s = b->s;
	p.n = b->len;
	p.line = 1;
	nq = nib_qscan(q, b->s, b->len);
	open = q->open;
	if (d->pending) {
		if (nq > 0 && q->span[0].a == firstbyte(b->s, b->len) &&
		    q->span[0].fam == d->pendfam &&
		    (q->span[0].closed || open == 0)) {
			cont = 1;
			drop_held(d);
		} else
			release(d);
	}
	for (i = 0; i < nq; i++) {
		const struct nib_qspan *sp = &q->span[i];
		struct nq_rec r;
		size_t z, hi, j;
		int gapped = 0;

		if (open >= 0 && (long)i == open)
			break;
		if (!(cont && i == 0) && !nib_qspan_top(q, i))
			continue;
		if (cont && i == 0 && !sp->closed)
			break;
		/* "" quotes nothing */
		if (!(cont && i == 0) && firstbyte(b->s + sp->ta, sp->tb - sp->ta) ==
		    sp->tb - sp->ta)
			continue;
		/* The next top-level quotation, for an interruption. */
		for (j = i + 1; j < nq && !nib_qspan_top(q, j); j++)
			;
		if (cont && i == 0) {
			r = d->pend;
			memset(&d->pend, 0, sizeof d->pend);
			d->pending = 0;
			addtext(&r, b->s, sp->ta, sp->tb);
			r.end = b->off + sp->b;
		} else
			newrec(&p, &r, sp);
		z = sp->b;
		size_t ga = 0, gb = 0;
		/* Only a quotation that opens its clause is interrupted: after
		 * 'After hitting "Takin' It",' the next one is another. */
		int opens = cont && i == 0 ? 1 : -1;
		while (j < nq && (open < 0 || (long)j < open) &&
		    (r.textlen > 0 && (r.text[r.textlen - 1] == ',' || b->s[z] == ',')) &&
		    nq_interrupt(b->s, z, q->span[j].a) &&
		    (opens >= 0 ? opens : (opens = opensclause(b->s, lo, sp->a)))) {
			/* "I think," she said, "we can": one quotation. */
			ga = z;
			gb = q->span[j].a;
			addtext(&r, b->s, q->span[j].ta, q->span[j].tb);
			r.end = b->off + q->span[j].b;
			z = q->span[j].b;
			gapped = 1;
			i = j;
			for (j = i + 1; j < nq && !nib_qspan_top(q, j); j++)
				;
		}
		hi = j < nq ? q->span[j].a : b->len;
		if (open >= 0 && hi > q->span[open].a)
			hi = q->span[open].a;
		finish(&p, &r, sp->a, z, lo, hi, gapped, ga, gb, cont && sp == &q->span[0]);
		lo = z;
		d->emit(&r, d->arg);
		recfree(&r);
	}
	/* No news paragraph is this long: a stray mark, not a quotation. */
	if (open >= 0 && (b->len - q->span[open].a > MAXPARA ||
	    (cont && open == 0 && d->pend.textlen > MAXPARA))) {
		if (cont && open == 0) {
			release(d);
			drop_held(d);
		}
		for (i = (size_t)open + 1; i < nq; i++)
			if (nib_qspan_top(q, i)) {
				struct nq_rec r;

				newrec(&p, &r, &q->span[i]);
				r.kind = NQ_PARTIAL;
				d->emit(&r, d->arg);
				recfree(&r);
			}
		open = -1;
	}
	if (open >= 0) {
		const struct nib_qspan *sp = &q->span[open];

		if (cont && open == 0) {
			addtext(&d->pend, b->s, sp->ta, sp->tb);
			d->pending = 1;
		} else {
			struct nq_rec r;
			struct nq_attr at;
			size_t sent = nq_sent_start(b->s, lo, sp->a);
			int pk;

			if (sent < lo)
				sent = lo;
			newrec(&p, &r, sp);
			pk = nq_pre_kind(b->s, sent, sp->a);
			if (p.names < sp->a)
				nq_names_scan(&d->names, b->s, p.names, sp->a);
			p.names = b->len;
			if (nq_attr_pre(b->s, sent, sp->a, 1, &at))
				attribute(&p, &r, &at);
			else if (p.nrec > 0)
				r.speaker = dup(p.prevspk);
			else if (sent == 0)
				r.speaker = dup(inherited(d));
			nq_attr_free(&at);
			d->pend = r;
			d->pendfam = sp->fam;
			d->pendfull = pk != PRE_MID;
			d->pending = 1;
		}
		/* What it holds is printed only if it never goes on. */
		for (i = (size_t)open + 1; i < nq; i++)
			if (nib_qspan_top(q, i)) {
				struct nq_rec r;

				newrec(&p, &r, &q->span[i]);
				r.kind = NQ_PARTIAL;
				hold(d, &r);
			}
	}
	if (p.names < b->len)
		nq_names_scan(&d->names, b->s, p.names, b->len);
	/*
	 * The last sentence's speaker, for a quotation opening the next
	 * block: read only when one does, so its words are kept till then.
	 */
	d->tailok = d->havetail = 0;
	if (open < 0) {
		size_t a = b->len > TAILMAX ? b->len - TAILMAX : 0;

		nib_grow(&d->tail, &d->tailcap, b->len - a + 1);
		memcpy(d->tail, b->s + a, b->len - a);
		d->taillen = b->len - a;
		d->tailok = 1;
		d->havetail = 1;
		setinherit(d, p.nrec > 0 ? p.prevspk : NULL);
	} else if (p.nrec > 0)
		setinherit(d, p.prevspk);
	free(p.prevspk);
}
