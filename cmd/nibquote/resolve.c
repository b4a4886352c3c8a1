/*
 * Resolving a speaker: an attribution into the name printed, a pronoun
 * into the person it stands for, with the sentence and the quotation
 * before the record as context (for finish.c).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "pass.h"

void
nq_attribute(struct pass *p, struct nq_rec *r, struct nq_attr *at)
{
	r->speaker = nq_names_speaker(&p->doc->names, at);
	r->verb = at->verb;
	at->verb = NULL;
	nq_attr_free(at);
}

/*
 * A word that may be a surname the text names no further: capitalised,
 * not an abbreviation ("NASA"), in no list of words.
 */
static int
surnamelike(const char *w)
{
	size_t n = strlen(w);

	if (strchr(w, ' ') != NULL || n < 3 || !(w[0] >= 'A' && w[0] <= 'Z') ||
	    (w[1] >= 'A' && w[1] <= 'Z'))
		return 0;
	return nq_word((const unsigned char *)w, n) == 0;
}

/*
 * The speaker of the sentence before s[sent] (in this block, or the last
 * sentence of the one before), for "he said" when someone other than the
 * last name spoke there ("A spokesman denied it.  He said ..."), or else
 * its subject when that is a name ("Morrison was the third witness.  He
 * said ...").
 */
char *
nq_prevsentence(struct pass *p, size_t sent, int pron)
{
	struct nq_attr at;
	const unsigned char *s = p->s;
	size_t a, e = sent, n = p->n;
	char *r = NULL;

	if (sent == 0) {
		if (!p->doc->havetail || p->doc->taillen == 0)
			return NULL;
		s = p->doc->tail;
		e = n = p->doc->taillen;
	}
	a = nq_sent_start(s, 0, e - 1, n);
	if (nq_attr_sentence(s, a, e, &at) && !at.pron && at.speaker)
		r = nq_strdup(at.speaker);
	/* "Some rules go unread, he said. "But ..."": he, resolved. */
	else if (pron && (at.pron & W_PERSON))
		r = nq_names_speaker(&p->doc->names, &at);
	nq_attr_free(&at);
	if (r == NULL && nq_subject(s, a, e, &at) && !at.pron && at.speaker &&
	    (nq_names_known(&p->doc->names, at.speaker) || (pron && sent > 0 &&
	    surnamelike(at.speaker))))
		r = nq_strdup(at.speaker);
	nq_attr_free(&at);
	return r;
}

/*
 * The speaker of the quotation before, in this block or the one before,
 * when no one was named since: then that speaker is the nearest person.
 */
static char *
lastspeaker(struct pass *p)
{
	unsigned long now = p->doc->names.tick;

	if (p->nrec > 0)
		return now == p->prevtick ? nq_strdup(p->prevspk) : NULL;
	return p->doc->havetail && now == p->doc->inherittick ?
	    nq_strdup(p->doc->inherit) : NULL;
}

/*
 * Resolves the attribution into the record; "he" may look one sentence
 * back, unless back is 0 (its own sentence named someone before it).
 */
void
nq_resolve(struct pass *p, struct nq_rec *r, struct nq_attr *use, size_t sent, int back)
{
	char *ps = NULL;

	/* "the 31-year-old told": a person, as "she" is */
	if (!use->pron && use->speaker != NULL && nq_yearold(use->speaker))
		use->pron = W_PERSON;
	if (!back && (use->pron & W_PERSON)) {
		nq_attribute(p, r, use);
		return;
	}
	if ((use->pron & W_PERSON) && (ps = nq_prevsentence(p, sent, 0)) != NULL &&
	    (nq_names_sex(&p->doc->names, ps) & ~use->pron & (W_MALE | W_FEMALE))) {
		/* "McDowell laughs. ... she said": not him. */
		free(ps);
		ps = NULL;
	}
	/* Else "he" is who spoke just before, when that was a person: news
	 * goes on quoting one speaker ("..., Cook told Benioff. ... he said"). */
	if (ps == NULL && (use->pron & W_PERSON) && (ps = lastspeaker(p)) != NULL &&
	    (!nq_names_person(&p->doc->names, ps) ||
	    (nq_names_sex(&p->doc->names, ps) & ~use->pron & (W_MALE | W_FEMALE)))) {
		free(ps);
		ps = NULL;
	}
	/* "Amazon said it would hire. ... it said": what spoke in the
	 * sentence before, when no person */
	if (ps == NULL && (use->pron & W_GROUP) && use->speaker != NULL &&
	    strcasecmp(use->speaker, "it") == 0 && back &&
	    (ps = nq_prevsentence(p, sent, 0)) != NULL &&
	    (strchr(ps, ' ') == NULL ? nq_names_known(&p->doc->names, ps) :
	    nq_names_person(&p->doc->names, ps))) {
		free(ps);
		ps = NULL;
	}
	if (ps != NULL) {
		struct nq_attr named = { ps, use->verb, 0, 0 };

		use->verb = NULL;
		nq_attribute(p, r, &named);
	} else
		nq_attribute(p, r, use);
}

/* "the latter", "the former": they name what the sentence named before. */
int
nq_latter(const struct nq_attr *at)
{
	return at->speaker != NULL && (strcasecmp(at->speaker, "the latter") == 0 ||
	    strcasecmp(at->speaker, "the former") == 0);
}

/*
 * The person a sentence s[sent..a) of the writer's is about, when its
 * subject is one: a name the document gave, or he or she.  "Lewis Ward
 * sees the lineup as its "Achilles heel."" is Ward's phrase.
 */
char *
nq_subjectof(struct pass *p, size_t sent, size_t a)
{
	struct nq_names *nm = &p->doc->names;
	struct nq_attr at;
	char *r = NULL;
	int k = nq_subject(p->s, sent, a, &at);

	/* a person the document named, not any run of capitals */
	if (k && (at.pron ? (at.pron & W_PERSON) != 0 : k == 2 ||
	    (strchr(at.speaker, ' ') ? nq_names_person(nm, at.speaker) :
	    nq_names_known(nm, at.speaker))))
		r = nq_names_speaker(nm, &at);
	nq_attr_free(&at);
	return r;
}
