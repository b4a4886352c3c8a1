/*
 * Attribution: the writer's words next to a quotation, read as a short
 * list of tokens (tok.h).  Only the clause that touches the quotation is
 * read (the rest of its sentence), never text further away: no speaker is
 * better than a guess.
 */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "tok.h"


static void
setverb(const unsigned char *s, const struct tok *t, struct nq_attr *at)
{
	free(at->verb);
	at->verb = nq_spancopy(s, t->a, t->b);
}

void
nq_attr_free(struct nq_attr *at)
{
	free(at->speaker);
	free(at->verb);
	memset(at, 0, sizeof *at);
}

/* "according to X" at t[k]. */
static int
according(const unsigned char *s, const struct tok *t, int k, int n, struct nq_attr *at)
{
	int e;

	if (k + 2 >= n || !nq_tok_is(&t[k], s, "according") || !nq_tok_is(&t[k + 1], s, "to"))
		return 0;
	for (e = k + 2; e < n && t[e].t == T_WORD; e++)
		;
	if (!nq_phrase_speaker(s, t, k + 2, e, at))
		return 0;
	free(at->verb);
	at->verb = nib_strndup("according to", 12);
	return 1;
}

/*
 * Drops the marks around a short title inside the words t[0..n) ('the
 * "Pose" actor said': one to five capitalised words between two marks,
 * after a word); returns the new count.
 */
static int
untitle(const unsigned char *s, struct tok *t, int n)
{
	int k, j, m = 0;

	for (k = 0; k < n; k++) {
		if (t[k].t == T_QUOTE && m > 0 && t[m - 1].t == T_WORD) {
			for (j = k + 1; j < n && j <= k + 6 && t[j].t == T_WORD && t[j].cap; j++)
				;
			if (j > k + 1 && j < n && j <= k + 6 && t[j].t == T_QUOTE) {
				while (++k < j)
					t[m++] = t[k];
				continue;
			}
		}
		t[m++] = t[k];
	}
	(void)s;
	return m;
}

int
nq_attr_post(const unsigned char *s, size_t from, size_t to, int stop,
    struct nq_attr *at, size_t *endp)
{
	struct tok t[MAXTOK];
	int n;

	memset(at, 0, sizeof *at);
	n = nq_tokens(s, from, to, t, MAXTOK);
	return nq_attr_posttokens(s, t, untitle(s, t, n), stop, at, endp);
}

int
nq_attr_posttokens(const unsigned char *s, struct tok *t, int n, int stop,
    struct nq_attr *at, size_t *endp)
{
	int k, v, e;

	k = 0;
	if (k < n && t[k].t == T_COMMA)
		k++;
	for (e = k; e < n && t[e].t != T_STOP && t[e].t != T_QUOTE &&
	    t[e].t != T_COLON && t[e].t != T_DASH; e++)
		;
	if (k >= e)
		return 0;
	if (according(s, t, k, e, at)) {
		*endp = t[e - 1].b;
		return 1;
	}
	/* "said Smith", "added the mayor" */
	for (v = k; v < e && (nq_tok_cls(s, &t[v]) & W_ADV) && !(nq_tok_cls(s, &t[v]) & W_VERB) && t[v].t == T_WORD; v++)
		;
	if (v < e && nq_tok_verb(&t[v], s) && v - k <= 1) {
		int f;

		for (f = v + 1; f < e && t[f].t == T_WORD; f++)
			;
		int named = 0;

		for (int m = v + 1; m < f && m < v + 6; m++)
			named |= t[m].cap;
		setverb(s, &t[v], at);
		/* "says veteran industry analyst Ken Doctor" */
		if (v + 1 < e && (named || nq_tok_det(&t[v + 1], s)))
			nq_phrase_speaker(s, t, v + 1, f, at);
		*endp = t[f - 1].b;
		return 1;
	}
	/* "Smith said", "the lawsuit, filed in court, said" */
	/* The subject may carry a long appositive: "Dr. Luz Contreras
	 * Arroyo, a member of the group and signatory to the letter, told". */
	for (v = k; v < e && v < k + 24; v++)
		if (nq_tok_verb(&t[v], s))
			break;
	if (v >= e || v >= k + 24 || v == k) {
		/* "netting 'around 150' arrests, according to Tom Homan" */
		for (v = k + 1; v + 1 < e; v++)
			if (according(s, t, v, e, at)) {
				*endp = t[e - 1].b;
				return 1;
			}
		return 0;
	}
	/* After "...decide." a sentence of the writer's own may follow:
	 * "They said the vote would come in May" is not an attribution. */
	if (stop && e - v > 5)
		return 0;
	if (!nq_phrase_subject(s, t, k, v, at))
		return 0;
	setverb(s, &t[v], at);
	*endp = t[v].b;
	return 1;
}

/* whole: s[from..to) is a whole sentence, not the words before a mark. */
/* The attribution around the verb t[v] of the n tokens before a mark. */
static int
preverb(const unsigned char *s, struct tok *t, int n, int v, int near, int whole,
    struct nq_attr *at)
{
	if (near && n - v > 8)
		return 0;
	/* "a script called "Wild Rose"": a verb of naming right before
	 * the mark names a thing, nobody speaks. */
	if (v == n - 1 && !whole && (nq_tok_cls(s, &t[v]) & W_NAMING) &&
	    !(v > 0 && (nq_tok_cls(s, &t[v - 1]) & (W_PERSON | W_GROUP))))
		return 0;
	/* "..., said Paul Kessler, the director": the name after the verb. */
	if ((v == 0 || t[v - 1].t == T_COMMA) && v + 1 < n &&
	    (t[v + 1].cap || (nq_tok_det(&t[v + 1], s) && (nq_tok_cls(s, &t[v]) & W_INTRO))) &&
	    !(nq_tok_cls(s, &t[v + 1]) & W_PRONOUN)) {
		int f;

		for (f = v + 1; f < n && t[f].t == T_WORD; f++)
			;
		/* at a sentence's end only a short phrase: "X, who acts for
		 * Y, said his client chose not to ..." is X's clause */
		if ((f < n ? t[f].t == T_COMMA || t[f].t == T_COLON : whole && f - v <= 6) &&
		    nq_phrase_speaker(s, t, v + 1, f, at)) {
			setverb(s, &t[v], at);
			return 1;
		}
	}
	/* "said he agreed but warned that": the subject of the first verb. */
	int sv = v, lo;
	for (;;) {
		int c = sv;

		while (c > 0 && (nq_tok_cls(s, &t[c - 1]) & W_ADV) && t[c - 1].t == T_WORD)
			c--;
		if (c == 0 || !(nq_tok_is(&t[c - 1], s, "and") || nq_tok_is(&t[c - 1], s, "but")))
			break;
		for (sv = c - 2; sv >= 0 && !nq_tok_verb(&t[sv], s); sv--)
			if (t[sv].t == T_STOP || t[sv].t == T_COLON)
				return 0;
		if (sv < 0)
			return 0;
	}
	for (lo = sv; lo > 0 && (t[lo - 1].t == T_WORD || t[lo - 1].t == T_COMMA) &&
	    sv - lo < 30; lo--)
		;
	if (!nq_phrase_subject(s, t, lo, sv, at)) {
		nq_attr_free(at);
		return 0;
	}
	setverb(s, &t[v], at);
	return 1;
}

/*
 * The first verb of saying that reports speech ("said that", "told
 * reporters on Monday that"), or -1.
 */
static int
reporting(const unsigned char *s, const struct tok *t, int n)
{
	for (int v = 0; v < n; v++) {
		if (t[v].t == T_QUOTE || t[v].t == T_STOP)
			return -1;
		if (!nq_tok_verb(&t[v], s) || (nq_tok_cls(s, &t[v]) & (W_NAMING | W_AFTER)))
			continue;
		for (int k = v + 1; k < n && k <= v + 6 && t[k].t == T_WORD; k++) {
			if (nq_tok_is(&t[k], s, "that"))
				return v;
			if (nq_tok_verb(&t[k], s))
				break;
		}
	}
	return -1;
}

static const char *const nounmark[] = {
	"the", "a", "an", "his", "its", "their", "our", "your", "my", NULL
};

static int
pre(const unsigned char *s, size_t from, size_t to, int near, int whole,
    struct nq_attr *at)
{
	struct tok t[MAXTOK];
	int n, v, k, tries = 0;

	memset(at, 0, sizeof *at);
	/* Only the end of a long sentence matters. */
	if (to - from > LOOKBACK)
		from = to - LOOKBACK;
	n = nq_tokens(s, from, to, t, MAXTOK);
	/* "According to X, "..."": X must end right before the mark, or a
	 * list of titles later in the sentence would all be X's. */
	for (k = 0; k + 1 < n; k++)
		if (nq_tok_is(&t[k], s, "according")) {
			int e;

			for (e = k + 2; e < n && t[e].t == T_WORD; e++)
				;
			/* ...or stand between commas: "Trump, according to
			 * the White House, went for a "quick exam"" */
			if ((n - e <= 1 || (k > 0 && t[k - 1].t == T_COMMA && e < n &&
			    t[e].t == T_COMMA)) && according(s, t, k, e, at))
				return 1;
			nq_attr_free(at);
		}
	/* Reported speech: a partial quotation in "X said that ..." is X's
	 * words, whatever other verbs the clause after "that" holds. */
	if (!near && !whole && (v = reporting(s, t, n)) >= 0) {
		if (preverb(s, t, n, v, near, whole, at))
			return 1;
		nq_attr_free(at);
	}
	/* The verb nearest the mark, or the one before when that one has no
	 * subject (a noun: "the call"). */
	for (v = n - 1; v >= 0 && tries < 3; v--) {
		if (t[v].t == T_QUOTE || t[v].t == T_STOP)
			return 0;
		if (!nq_tok_verb(&t[v], s) || (nq_tok_cls(s, &t[v]) & W_AFTER))
			continue;
		/* "the blast", "a call": after an article, a noun ("some
		 * said" is a verb) */
		if (v > 0 && nq_tok_in(&t[v - 1], s, nounmark))
			continue;
		if (preverb(s, t, n, v, near, whole, at))
			return 1;
		nq_attr_free(at);
		tries++;
	}
	return 0;
}

int
nq_attr_pre(const unsigned char *s, size_t from, size_t to, int near,
    struct nq_attr *at)
{
	return pre(s, from, to, near, 0, at);
}

int
nq_attr_sentence(const unsigned char *s, size_t from, size_t to, struct nq_attr *at)
{
	while (to > from && s[to - 1] != 0 && strchr(" \n\t.!?", s[to - 1]) != NULL)
		to--;
	return pre(s, from, to, 0, 1, at);
}

/* A word in 's, ' or ’s: "Ames'", "Smith's". */
static int
possessive(const unsigned char *s, const struct tok *t)
{
	const unsigned char *e = s + t->b;
	size_t n = t->b - t->a;

	return t->t == T_WORD && n >= 3 && (e[-1] == '\'' || (e[-1] == 's' && e[-2] == '\'') ||
	    (n >= 5 && e[-1] == 's' && e[-2] == 0x99 && e[-3] == 0x80 && e[-4] == 0xE2));
}

int
nq_subject(const unsigned char *s, size_t from, size_t to, struct nq_attr *at)
{
	struct tok t[16];
	int n, k, e;

	memset(at, 0, sizeof *at);
	n = nq_tokens(s, from, to, t, 16);
	/* Past an introduction: "On Tuesday, Morrison ..." */
	k = 0;
	if (n > 0 && t[0].t == T_WORD && nq_tok_intro(s, &t[0])) {
		while (k < n && t[k].t == T_WORD)
			k++;
		if (k >= n || t[k].t != T_COMMA)
			return 0;
		k++;
	}
	/* "Her husband, Colm, was", "Ames' teammate, receiver Jordan Bell,":
	 * the name in the appositive */
	if (k < n && (nq_tok_det(&t[k], s) || possessive(s, &t[k]))) {
		int c, d;

		for (c = k; c < n && t[c].t == T_WORD; c++)
			;
		for (d = c + 1; d < n && t[d].t == T_WORD; d++)
			;
		if (c < n && t[c].t == T_COMMA && d < n && t[d].t == T_COMMA &&
		    (nq_namelike(s, t, c + 1, d) || (d - c > 3 && t[d - 1].cap &&
		    t[d - 2].cap && !t[c + 1].cap)))
			return nq_phrase_speaker(s, t, c + 1, d, at) ? 2 : 0;
	}
	/* "Kestrels coach Andre Villiers was": names and titles */
	for (e = k; e < n && t[e].t == T_WORD && (t[e].cap || (nq_tok_cls(s, &t[e]) & W_TITLE)); e++)
		;
	/* "REUTERS Advertisement The radical group": no name ends in "The" */
	if (e < n && t[e].t == T_WORD && e > k && (nq_tok_cls(s, &t[e - 1]) & W_STOP))
		return 0;
	if (e == k || e - k > 6 || !t[k].cap || (nq_tok_cls(s, &t[k]) & (W_STOP | W_ADV)))
		return 0;
	return nq_phrase_speaker(s, t, k, e, at);
}

int
nq_pre_kind(const unsigned char *s, size_t from, size_t to)
{
	struct tok t[MAXTOK];
	int n;

	if (to - from > LOOKBACK)
		from = to - LOOKBACK;
	n = nq_tokens(s, from, to, t, MAXTOK);
	/* nq_tokens() stops at MAXTOK: then only the tail is known to be words. */
	if (n == MAXTOK)
		return PRE_MID;
	if (n == 0 || (n == 1 && t[0].t == T_DASH))
		return PRE_START;
	if (t[n - 1].t == T_COLON)
		return PRE_COLON;
	if (t[n - 1].t == T_DASH && n >= 2 && t[n - 2].t != T_WORD)
		return PRE_START;
	/* "said," and "told the Intelligence Committee," */
	if (t[n - 1].t == T_COMMA)
		for (int k = n - 2; k >= 0 && k >= n - 6 && t[k].t == T_WORD; k--)
			if (nq_tok_verb(&t[k], s))
				return PRE_SAID;
	if (nq_tok_verb(&t[n - 1], s) && (nq_tok_cls(s, &t[n - 1]) & W_INTRO))
		return PRE_SAID;
	return PRE_MID;
}
