/*
 * Interruptions: whether the writer's words between two quotations are
 * only an attribution ("A," she said, "b"), so that the two are one.
 */
#include <string.h>

#include "tok.h"

/* Whether the tokens t[0..n) can be the words of an interruption. */
static int
gapshape(const unsigned char *s, const struct tok *t, int n)
{
	static const char *const rel[] = { "who", "which", NULL };
	int verbs = 0;

	for (int k = 0; k < n; k++) {
		if (t[k].t == T_QUOTE || (k < n - 1 && (t[k].t == T_STOP ||
		    t[k].t == T_COLON || (k > 0 && t[k].t == T_DASH))))
			return 0;
		/* "said a neighbour, who asked not to be named": the rest
		 * is the speaker's description */
		if (verbs > 0 && nq_tok_in(&t[k], s, rel))
			break;
		/* "calling for an inquiry", "asking for": no second saying */
		verbs += nq_tok_verb(&t[k], s) && !(k + 1 < n && nq_tok_is(&t[k + 1], s, "for"));
	}
	/* "he said, adding, "...": a second quotation, not the rest of one */
	return verbs <= 1;
}

int
nq_interrupt(const unsigned char *s, size_t from, size_t to)
{
	struct tok t[MAXTOK];
	struct nq_attr at;
	size_t end;
	int n, r, kind, k = 0;

	if (to - from > 200)
		return 0;
	n = nq_tokens(s, from, to, t, MAXTOK);
	if (n < 2 || !gapshape(s, t, n))
		return 0;
	if (t[0].t == T_DASH)
		k = 1;
	switch (t[n - 1].t) {
	case T_COMMA:
		kind = NQ_GAP_COMMA;
		break;
	case T_STOP:
		/* "he said." but not "he asked?" or "she said;" */
		if (s[t[n - 1].a] != '.')
			return 0;
		/* FALLTHROUGH */
	case T_COLON:
		kind = NQ_GAP_STOP;
		break;
	case T_DASH:
		/* "A" — X said — "b"; "A," X said — "b" is as a comma */
		kind = t[0].t == T_DASH ? NQ_GAP_DASH : NQ_GAP_COMMA;
		break;
	default:
		return 0;
	}
	if (n - k < 3)
		return 0;
	/* the tokens read are the clause's, unless there were too many */
	memset(&at, 0, sizeof at);
	r = n < MAXTOK ? nq_attr_posttokens(s, t + k, n - k, 0, &at, &end) :
	    nq_attr_post(s, t[k].a, to, 0, &at, &end);
	nq_attr_free(&at);
	return r ? kind : 0;
}

int
nq_attr_gap(const unsigned char *s, size_t from, size_t to, struct nq_attr *at)
{
	struct tok t[1];
	size_t end;

	if (nq_tokens(s, from, to, t, 1) == 1 && t[0].t == T_DASH)
		from = t[0].b;
	return nq_attr_post(s, from, to, 0, at, &end);
}
