/*
 * Phrases that name a speaker: a name, a pronoun, or a short noun phrase
 * ("officials", "a career Army officer"), read out of the tokens around
 * a verb of saying.
 */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "tok.h"

/*
 * A role by its form, right before a name: "planetary geologist Rosaly
 * Lopes", "farmer Tom Hill", "senior analyst Ann Lee" (-ist, -er, -or, -ian).
 */
static int
roleword(const struct tok *t, const unsigned char *s)
{
	size_t n = t->b - t->a;
	const unsigned char *e = s + t->b;

	if (t->t != T_WORD || t->cap || n < 5)
		return 0;
	return (e[-3] == 'i' && e[-2] == 's' && e[-1] == 't') ||
	    (e[-2] == 'e' && e[-1] == 'r') || (e[-2] == 'o' && e[-1] == 'r') ||
	    (e[-3] == 'i' && e[-2] == 'a' && e[-1] == 'n');
}

/*
 * A word that, before a name of two words or more, is a role and no part
 * of it: a lower-case noun ("editor-in-chief Kristinn Hrafnsson") or an
 * abbreviation ("DL Sheldon Richardson").
 */
static int
rolebefore(const unsigned char *s, const struct tok *t)
{
	size_t n = t->b - t->a;

	if (t->t != T_WORD || n < 2)
		return 0;
	if (!t->cap)
		return n >= 4 && !nq_tok_det(t, s) && !(nq_tok_cls(s, t) & (W_VERB | W_ADV));
	for (size_t i = t->a; i < t->b; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

/* Words that end a name or noun phrase that is a speaker. */
static int
cutword(const struct tok *t, const unsigned char *s)
{
	static const char *const w[] = {
		"on", "in", "at", "during", "after", "before", "when", "while",
		"who", "whose", "which", "that", "last", "this", "earlier", "via",
		"to", "about", "told", "as", NULL
	};

	return nq_tok_in(t, s, w);
}

/* Words after which a new clause, with its own subject, starts. */
static int
relword(const struct tok *t, const unsigned char *s)
{
	static const char *const w[] = {
		"that", "who", "which", "when", "while", "as", "because", "after",
		"before", "where", "and", "but", "if", "since", "what", "with", NULL
	};

	return nq_tok_in(t, s, w);
}

/* A word in 's or ’s: "That’s", "Steenburgen's" name no speaker. */
static int
possessive(const unsigned char *s, const struct tok *t)
{
	size_t n = t->b - t->a;
	const unsigned char *e = s + t->b;

	if (n >= 3 && e[-1] == 's' && e[-2] == '\'')
		return 1;
	return n >= 5 && e[-1] == 's' && e[-2] == 0x99 && e[-3] == 0x80 && e[-4] == 0xE2;
}

/* A copy of s[a..b) with runs of white space made one space. */
char *
nq_spancopy(const unsigned char *s, size_t a, size_t b)
{
	char *p = nib_realloc(NULL, b - a + 1, 1);
	size_t k = 0;

	for (size_t i = a; i < b; i++) {
		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
			if (k > 0 && p[k - 1] != ' ')
				p[k++] = ' ';
			continue;
		}
		/* A NUL inside a name is no part of it, and must not end it. */
		if (s[i] != 0)
			p[k++] = (char)s[i];
	}
	while (k > 0 && p[k - 1] == ' ')
		k--;
	p[k] = '\0';
	return p;
}

/*
 * The speaker in tokens t[lo..hi): trims what cannot be part of it and
 * checks that what is left looks like a name or a noun phrase.  Returns 1
 * with at->speaker set.
 */
int
nq_phrase_speaker(const unsigned char *s, const struct tok *t, int lo, int hi, struct nq_attr *at)
{
	int k, j, allcap, orgword = 0;

	while (hi > lo && ((nq_tok_cls(s, &t[hi - 1]) & W_ADV) || nq_tok_ly(&t[hi - 1], s)) &&
	    t[hi - 1].t == T_WORD && s[t[hi - 1].a] >= 'a')
		hi--;
	for (k = lo, allcap = 1; k < hi; k++) {
		if (t[k].t != T_WORD)
			break;
		/* "a source close to the actor" goes on */
		if (k > lo && cutword(&t[k], s) &&
		    !(nq_tok_is(&t[k], s, "to") && nq_tok_is(&t[k - 1], s, "close")))
			break;
		/* "Thomas Kennedy of the coalition": a name ends there */
		if (k > lo && (allcap || t[k - 1].cap) && (nq_tok_is(&t[k], s, "of") ||
		    nq_tok_is(&t[k], s, "for") || nq_tok_is(&t[k], s, "from") ||
		    nq_tok_is(&t[k], s, "with")) &&
		    /* ...but "High Commissioner for Human Rights" is one, and
		     * so is "Royal College of Nursing" (an organisation's word) */
		    !((nq_tok_is(&t[k], s, "for") || (nq_tok_is(&t[k], s, "of") && orgword)) &&
		    allcap && k + 1 < hi && t[k + 1].cap && !(nq_tok_cls(s, &t[k + 1]) & W_STOP)))
			break;
		orgword |= t[k].cap && (nq_tok_cls(s, &t[k]) & W_ORG);
		if (!t[k].cap)
			allcap = 0;
	}
	hi = k;
	if (hi <= lo || hi - lo > 8 || possessive(s, &t[hi - 1]))
		return 0;
	if (hi - lo == 1 && (nq_tok_cls(s, &t[lo]) & W_PRONOUN)) {
		at->pron = nq_tok_cls(s, &t[lo]) & (W_PRONOUN | W_MALE | W_FEMALE);
		at->speaker = nq_spancopy(s, t[lo].a, t[lo].b);
		at->pos = t[lo].a;
		return 1;
	}
	/* A name ends its phrase, with at most a plural role after it
	 * ("Justice Department lawyers"): "Hawk Sawyer issued a statement" is
	 * Hawk Sawyer, "Thomas allegedly" Thomas. */
	if (t[lo].cap && !nq_tok_det(&t[lo], s)) {
		for (j = lo; j < hi && t[j].cap; j++)
			;
		int titled = 0;

		for (int m = j; m < hi; m++)
			titled |= nq_tok_cls(s, &t[m]) & W_TITLE;
		/* ...but "Harbor master Glen Tuttle" ends in the name. */
		int lowrest = hi - j <= 3;

		for (int m = j; m < hi; m++)
			lowrest &= !t[m].cap;
		/* "Russia's foreign ministry": a possessive name is no end */
		if (j < hi && !titled && !t[hi - 1].cap && !(possessive(s, &t[j - 1]) && lowrest) &&
		    (hi - j > 2 || s[t[hi - 1].b - 1] != 's' ||
		    nq_tok_ly(&t[hi - 1], s)))
			hi = j;
	}
	/* "But Smith": a sentence opener goes, an article stays. */
	k = lo;
	if (t[k].cap && (nq_tok_cls(s, &t[k]) & W_STOP) && !(nq_tok_cls(s, &t[k]) & W_PRONOUN) &&
	    !nq_tok_det(&t[k], s) && k + 1 < hi)
		k++;
	/* "Alan Reid QC", "Ann Fry MP": letters after a name go */
	if (hi - k >= 3 && t[hi - 1].cap && t[hi - 2].cap && t[hi - 3].cap &&
	    t[hi - 1].b - t[hi - 1].a <= 3 && rolebefore(s, &t[hi - 1]))
		hi--;
	/* Titles go when a name follows: "Homeland Security Secretary Kristi Noem". */
	for (j = hi - 1; j > k; j--) {
		if (!t[j].cap || (nq_tok_cls(s, &t[j]) & (W_ORG | W_PLACE)))
			break;
		/* ...and "Caltech's Mark Whitfield" is Mark Whitfield */
		if ((nq_tok_cls(s, &t[j - 1]) & W_TITLE || roleword(&t[j - 1], s) ||
		    (hi - j >= 2 && (rolebefore(s, &t[j - 1]) || possessive(s, &t[j - 1])))) &&
		    !(nq_tok_cls(s, &t[j]) & W_TITLE)) {
			k = j;
			break;
		}
	}
	if (t[k].cap && !(nq_tok_cls(s, &t[k]) & (W_STOP | W_VERB)))
		;
	else if (nq_tok_det(&t[k], s))
		;
	/* no article: "officials", "police officers", not "represents Thomas" */
	else if (hi - k > 2 || t[k].cap || (nq_tok_cls(s, &t[k]) & (W_STOP | W_VERB | W_ADV)) ||
	    s[t[hi - 1].b - 1] != 's' || t[hi - 1].cap)
		return 0;
	for (j = k; j < hi; j++)
		if (nq_tok_verb(&t[j], s) || (j < hi - 1 && (nq_tok_cls(s, &t[j]) & W_ADV) && !t[j].cap))
			return 0;
	at->speaker = nq_spancopy(s, t[k].a, t[hi - 1].b);
	return 1;
}

/* All capitalised words, the first not a sentence opener: a name. */
int
nq_namelike(const unsigned char *s, const struct tok *t, int a, int b)
{
	if (a >= b || (nq_tok_cls(s, &t[a]) & W_STOP))
		return 0;
	for (int k = a; k < b; k++)
		if (t[k].t != T_WORD || !t[k].cap)
			return 0;
	return 1;
}

/* A party and state after a name: "D-Calif.", "R-Texas". */
static int
partytag(const unsigned char *s, const struct tok *t)
{
	return t->t == T_WORD && t->b - t->a >= 3 && s[t->a] >= 'A' && s[t->a] <= 'Z' &&
	    s[t->a + 1] == '-' && s[t->a + 2] >= 'A' && s[t->a + 2] <= 'Z';
}

/*
 * A name of two words or more and where the person is from: "Jing Wu of
 * Kyoto University", "Ana Lee at the Met" (the place is capitalised).
 */
static int
nameof(const unsigned char *s, const struct tok *t, int a, int b)
{
	static const char *const w[] = { "of", "at", "from", NULL };
	int m, k;

	for (m = a; m < b && t[m].t == T_WORD && t[m].cap; m++)
		;
	if (m - a < 2 || m + 1 >= b || !nq_tok_in(&t[m], s, w) || !nq_namelike(s, t, a, m))
		return 0;
	for (k = m + 1; k < b; k++)
		if (t[k].t != T_WORD || !(t[k].cap || nq_tok_is(&t[k], s, "the") ||
		    nq_tok_is(&t[k], s, "of")))
			return 0;
	return t[b - 1].cap;
}

/*
 * The subject of a verb, from the words and commas t[lo..hi) before it:
 * past introductions ("In a letter to riders,") and appositives ("Maria
 * Santos, 67, who ..., called"; "the operator, Bayline Marine, wrote").
 */
int
nq_phrase_subject(const unsigned char *s, const struct tok *t, int lo, int hi, struct nq_attr *at)
{
	int sa[8] = { 0 }, sb[8] = { 0 }, ns = 0, k, h;	/* filled up to ns */

	while (hi > lo && (nq_tok_cls(s, &t[hi - 1]) & W_ADV) && t[hi - 1].t == T_WORD)
		hi--;
	for (k = lo; k < hi && ns < 8;) {
		sa[ns] = k;
		while (k < hi && t[k].t == T_WORD)
			k++;
		sb[ns++] = k;
		if (k < hi && t[k].t != T_COMMA)
			return 0;
		k++;
	}
	/* "The work, he says, is": a parenthetical pronoun. */
	if (ns > 1 && sb[ns - 1] - sa[ns - 1] == 1 && (nq_tok_cls(s, &t[sa[ns - 1]]) & W_PRONOUN))
		return nq_phrase_speaker(s, t, sa[ns - 1], sb[ns - 1], at);
	/* "Newsom and Bass decried the raids, the latter claiming" */
	if (ns > 1 && sb[ns - 1] - sa[ns - 1] == 2 && nq_tok_is(&t[sa[ns - 1]], s, "the") &&
	    (nq_tok_is(&t[sa[ns - 1] + 1], s, "latter") ||
	    nq_tok_is(&t[sa[ns - 1] + 1], s, "former"))) {
		at->speaker = nq_spancopy(s, t[sa[ns - 1]].a, t[sa[ns - 1] + 1].b);
		return 1;
	}
	if (ns == 0)
		return 0;
	/* "a notebook that he calls": the subject follows "that". */
	for (k = sb[ns - 1] - 1; k > sa[ns - 1]; k--)
		if (relword(&t[k - 1], s)) {
			/* a clause of its own: its subject is the verb's; after
			 * "and" only a pronoun ("Energy, Environment and Water
			 * think tank told" is no clause), after "but" a name too */
			/* "with Chair Jerome Pell saying": a name only */
			if (nq_tok_is(&t[k - 1], s, "with") && !nq_namelike(s, t, k, sb[ns - 1]) &&
			    !(t[k].cap && t[sb[ns - 1] - 1].cap && (nq_tok_cls(s, &t[k]) & W_TITLE)))
				continue;
			if ((!(nq_tok_is(&t[k - 1], s, "and") || nq_tok_is(&t[k - 1], s, "but")) ||
			    (nq_tok_cls(s, &t[k]) & W_PRONOUN) || (nq_tok_is(&t[k - 1], s, "but") &&
			    nq_namelike(s, t, k, sb[ns - 1]))) && nq_phrase_speaker(s, t, k, sb[ns - 1], at))
				return 1;
			nq_attr_free(at);
			break;
		}
	/* The name nearest the verb, past appositives ("a senior fellow",
	 * "D-Calif."). */
	for (h = ns - 1; h >= 0; h--) {
		if (sb[h] - sa[h] == 1 && partytag(s, &t[sa[h]]))
			continue;
		if (nq_namelike(s, t, sa[h], sb[h]) || nameof(s, t, sa[h], sb[h]))
			return nq_phrase_speaker(s, t, sa[h], sb[h], at);
		if (sa[h] < sb[h] && nq_tok_intro(s, &t[sa[h]]))
			break;
	}
	/* Else the first phrase after any introduction ("the lawsuit"). */
	for (h = 0; h < ns - 1 && (sa[h] == sb[h] || nq_tok_intro(s, &t[sa[h]])); h++)
		;
	return nq_phrase_speaker(s, t, sa[h], sb[h], at);
}
