/*
 * Finishing a record: its kind (full or partial) and its speaker, from
 * the writer's words before it, after it and between its parts, and else
 * from the quotations and sentences around it.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "pass.h"

/* What the words around one record tell. */
struct clues {
	struct nq_attr pre, post, gap;
	int havepre, havepost, havegap;
	size_t sent0;		/* start of the sentence of the opening mark */
	size_t sent;		/* the same, not before the last quotation */
	size_t ce;		/* end of the clause after the closing mark */
	int pk;			/* PRE_*: how the words before the mark end */
};

static size_t
words(const char *t, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		if (t[i] != ' ' && (i == 0 || t[i - 1] == ' '))
			w++;
	return w;
}

/* Whether the quoted words end with punctuation. */
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

/*
 * Whether a word of t other than the small words a title leaves in lower
 * case ("A Strategy for the Core") opens in lower case: words of a
 * sentence, not a title ("Achilles heel").
 */
static int
haslower(const char *t)
{
	static const char *const small[] = {
		"a", "an", "the", "and", "or", "but", "nor", "of", "for", "in",
		"on", "at", "to", "by", "with", "from", "into", "as", "vs", NULL
	};

	for (size_t i = 0; t[i]; i++) {
		size_t n = strcspn(t + i, " ,.:;!?");
		int k;

		if (!(t[i] >= 'a' && t[i] <= 'z') || (i > 0 && t[i - 1] != ' '))
			continue;
		for (k = 0; small[k] && (strlen(small[k]) != n ||
		    strncmp(small[k], t + i, n) != 0); k++)
			;
		if (small[k] == NULL)
			return 1;
	}
	return 0;
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

/* Whether "and" or "but" follows s[z] (past a comma). */
static int
conjnext(const unsigned char *s, size_t z, size_t n)
{
	while (z < n && (s[z] == ' ' || s[z] == ','))
		z++;
	return (z + 4 <= n && memcmp(s + z, "and ", 4) == 0) ||
	    (z + 4 <= n && memcmp(s + z, "but ", 4) == 0);
}

/* Whether a word in lower case follows s[z], on the same line. */
static int
runson(const unsigned char *s, size_t z, size_t n)
{
	while (z < n && s[z] == ' ')
		z++;
	return z < n && s[z] >= 'a' && s[z] <= 'z';
}

/* Reads the writer's words around the record into c, and sets its kind. */
static void
readclues(struct pass *p, struct nq_rec *r, const struct parts *pt, struct clues *c)
{
	size_t endp;
	int stop;

	memset(c, 0, sizeof *c);
	c->sent0 = nq_sent_start(p->s, 0, pt->a, p->n);
	c->sent = c->sent0 < pt->lo ? pt->lo : c->sent0;
	/* The kind from the whole sentence: in 'including "A," "B,"' B is no
	 * sentence of its own. */
	c->pk = pt->cont ? (p->doc->pendfull ? PRE_START : PRE_MID) :
	    nq_pre_kind(p->s, c->sent0, pt->a);
	c->ce = nq_clause_end(p->s, pt->z, pt->hi);
	stop = r->textlen > 0 && r->text[r->textlen - 1] != 0 &&
	    strchr(".!?", r->text[r->textlen - 1]);
	c->havepost = nq_attr_post(p->s, pt->z, c->ce, stop, &c->post, &endp);
	/* '"...," the "Pose" actor said': a title in the attribution opens
	 * the next quotation; read the clause on past it. */
	if (!c->havepost && c->ce == pt->hi && pt->hi < p->n) {
		nq_attr_free(&c->post);
		c->havepost = nq_attr_post(p->s, pt->z, nq_clause_end(p->s, pt->z, p->n),
		    stop, &c->post, &endp);
	}
	if (pt->gapped)
		c->havegap = nq_attr_gap(p->s, pt->ga, pt->gb, &c->gap);
	if (!pt->cont && !c->havegap)
		c->havepre = nq_attr_pre(p->s, c->sent, pt->a, c->pk != PRE_MID, &c->pre);
	r->kind = kindof(c->pk, r, c->havepost || c->havegap,
	    endsentence(p->s, pt->z, c->ce), c->havepre);
	/* '"The people aren't buying" impeachment, Trump said': words
	 * that run on into the writer's sentence are part of it. */
	if (r->kind == NQ_FULL && !pt->gapped && !pt->cont && runson(p->s, pt->z, p->n) &&
	    !endspunct(r->text, r->textlen))
		r->kind = NQ_PARTIAL;
	if (pt->gapped || (pt->cont && p->doc->pendfull))
		r->kind = c->pk == PRE_START || c->pk == PRE_SAID || c->pk == PRE_COLON ||
		    pt->cont ? NQ_FULL : r->kind;
}

/* The attribution that names the speaker: between the parts, before, after. */
static struct nq_attr *
choose(struct pass *p, struct nq_rec *r, const struct parts *pt, struct clues *c)
{
	int tail = c->ce < pt->hi || pt->hi == p->n;

	if (c->havegap)
		return &c->gap;
	if (c->havepre && (c->pk == PRE_SAID || c->pk == PRE_COLON || !c->havepost))
		return &c->pre;
	/* '"...", adding that': the clause before names who. */
	if (c->havepre && c->pre.speaker != NULL && c->post.speaker == NULL)
		return &c->pre;
	/* 'X said it saw the move as "a threat" to peace and said ...': no
	 * comma after the words, so what follows is no attribution. */
	if (c->havepre && c->pre.speaker != NULL && c->pk == PRE_MID &&
	    p->s[pt->z] != ',' && !(r->textlen > 0 && r->text[r->textlen - 1] == ',') &&
	    runson(p->s, pt->z, p->n))
		return &c->pre;
	if (c->havepost && (c->pk != PRE_MID || (tail && p->s[pt->z] == ',') ||
	    strcmp(c->post.verb, "according to") == 0 ||
	    (tail && r->textlen > 0 && r->text[r->textlen - 1] == ',')))
		return &c->post;
	/* 'Customers "began to say this," Cook told Benioff, which meant the
	 * "best tool."': words of speech, not a title, ending in a comma
	 * before their attribution, even when the sentence quotes again. */
	if (c->havepost && r->textlen > 0 && r->text[r->textlen - 1] == ',' &&
	    !firstcap(r->text) && !c->havepre)
		return &c->post;
	/* 'Critics called it "reckless," and Beck said': a new clause after. */
	if (c->havepre && c->pre.speaker != NULL && c->pk == PRE_MID &&
	    conjnext(p->s, pt->z, p->n))
		return &c->pre;
	return NULL;
}

/*
 * A quotation with no words of its own about who: the subject of a
 * sentence that ends in a colon, or the speaker of the quotation just
 * before, in the same sentence or paragraph, or of the paragraph before
 * when it opens this one.
 */
static void
fallback(struct pass *p, struct nq_rec *r, const struct parts *pt, const struct clues *c)
{
	struct nq_names *nm = &p->doc->names;

	if (c->pk == PRE_COLON) {
		/* "Raman was careful: "...": the subject, a name the document gave. */
		struct nq_attr at;
		int k = nq_subject(p->s, c->sent, pt->a, &at);

		if (k && !at.pron && (k == 2 || nq_names_known(nm, at.speaker)))
			r->speaker = nq_names_speaker(nm, &at);
		nq_attr_free(&at);
		if (r->speaker != NULL)
			return;
	}
	/* Words of a sentence, not a title ("Fargo") or a scare quote. */
	if (r->kind == NQ_PARTIAL && c->pk == PRE_MID && c->sent0 >= pt->lo &&
	    r->textlen > 0 && haslower(r->text) &&
	    words(r->text, r->textlen) >= 2 &&
	    (r->speaker = nq_subjectof(p, c->sent0, pt->a)) != NULL)
		return;
	/* a title ("Harbour Nights") in the sentence is nobody's words */
	if (p->nrec > 0 && ((r->kind == NQ_FULL && c->pk == PRE_START) ||
	    (p->prevsent == c->sent0 && (r->kind == NQ_FULL || haslower(r->text)))))
		r->speaker = nq_strdup(p->prevspk);
	else if (p->nrec == 0 && r->kind == NQ_FULL && c->sent == 0 && c->pk == PRE_START) {
		/* the full name for "Erekat said it was late." before it */
		const char *in = nq_doc_inherited(p->doc);
		struct nq_attr named = { nq_strdup(in), NULL, 0, 0 };

		if (in != NULL && strchr(in, ' ') == NULL)
			r->speaker = nq_names_speaker(nm, &named);
		else
			r->speaker = nq_strdup(in);
		free(named.speaker);
	} else if (r->kind == NQ_FULL && c->pk == PRE_START) {
		/* "Herbert said the cells sense it. "Once ..."" */
		struct nq_attr named = { nq_prevsentence(p, c->sent, 1), NULL, 0, 0 };

		r->speaker = nq_names_speaker(nm, &named);
		free(named.speaker);
	}
}

void
nq_finish(struct pass *p, struct nq_rec *r, const struct parts *pt)
{
	struct nq_doc *doc = p->doc;
	struct clues c;
	struct nq_attr *use;
	int back = 1;

	readclues(p, r, pt, &c);
	/* Names before the sentence count for a pronoun that opens it. */
	if (p->names < c.sent) {
		nq_names_scan(&doc->names, p->s, p->names, c.sent);
		p->names = c.sent;
	}
	if (pt->cont && (r->speaker != NULL || r->verb != NULL) && !c.havepost) {
		/* The attribution the first paragraph gave stands. */
	} else {
		free(r->speaker);
		free(r->verb);
		r->speaker = r->verb = NULL;
		use = choose(p, r, pt, &c);
		/* "Young did not say, but criticised what he called": a
		 * pronoun stands for the names before it in its sentence. */
		if (use == &c.pre && use->pron && p->names < use->pos && use->pos < pt->a) {
			unsigned long tick = doc->names.tick;

			nq_names_scan(&doc->names, p->s, p->names, use->pos);
			p->names = use->pos;
			back = tick == doc->names.tick;
		}
		/* A pronoun that opens the sentence is resolved before the
		 * names the sentence gives; "the latter" after them. */
		if (use == &c.pre && !nq_latter(use))
			nq_resolve(p, r, use, c.sent, back);
		/* Names before the quotation count, the quoted words do not. */
		if (p->names < pt->a)
			nq_names_scan(&doc->names, p->s, p->names, pt->a);
		if (use != NULL && (use != &c.pre || nq_latter(use)))
			nq_resolve(p, r, use, c.sent, back);
	}
	/* The interruption's names count ('"A," Colton said in a
	 * statement. "B."'); the quoted words' do not. */
	if (pt->gapped && p->names < pt->gb)
		nq_names_scan(&doc->names, p->s, pt->ga > p->names ? pt->ga : p->names, pt->gb);
	if (p->names < pt->z)
		p->names = pt->z;
	if (r->verb == NULL && r->speaker == NULL)
		fallback(p, r, pt, &c);
	nq_attr_free(&c.pre);
	nq_attr_free(&c.post);
	nq_attr_free(&c.gap);
	free(p->prevspk);
	p->prevspk = nq_strdup(r->speaker);
	p->prevsent = c.sent0;
	p->prevtick = doc->names.tick;
	p->nrec++;
}
