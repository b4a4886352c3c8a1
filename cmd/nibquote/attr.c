/*
 * Attribution: the writer's words next to a quotation, read as a short
 * list of tokens.  Only the clause that touches the quotation is read (the
 * rest of its sentence), never text further away: no speaker is better
 * than a guess.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "nq.h"
#include "utf8.h"

enum { T_WORD, T_COMMA, T_COLON, T_STOP, T_DASH, T_QUOTE, T_OTHER };

struct tok {
	size_t a, b;
	int t;
	int cap;		/* starts with a capital */
	int cls;		/* nq_word() classes of a word */
};

/* Clauses are short; a longer one is not an attribution. */
#define MAXTOK 96
/* How far back a sentence start is looked for. */
#define LOOKBACK 400

static int
isalnumb(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

static int
isdigitb(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Length of the letter or digit at s[i], or 0. */
static int
wordch(const unsigned char *s, size_t n, size_t i)
{
	int32_t cp;
	int l;

	if (s[i] < 0x80)
		return isalnumb(s[i]);
	if (nib_qmark_len(s, n, i))
		return 0;
	l = nib_utf8_decode(s + i, n - i, &cp);
	return nib_isletter(cp) || nib_isdigit(cp) ? l : 0;
}

static int
isupperat(const unsigned char *s, size_t n, size_t i)
{
	int32_t cp;

	if (s[i] < 0x80)
		return s[i] >= 'A' && s[i] <= 'Z';
	nib_utf8_decode(s + i, n - i, &cp);
	return nib_isupper(cp);
}

/* The word classes of a token, looked up the first time they are asked. */
static int
wcls(const unsigned char *s, const struct tok *t)
{
	struct tok *m = (struct tok *)t;

	if (m->cls < 0)
		m->cls = m->t == T_WORD ? nq_word(s + m->a, m->b - m->a) : 0;
	return m->cls;
}

/* A period after this word is part of it (Gov., D.C., J.). */
static int
abbrev(const unsigned char *s, size_t a, size_t b)
{
	if (b - a == 1 && s[a] >= 'A' && s[a] <= 'Z')
		return 1;
	if (memchr(s + a, '.', b - a) != NULL)
		return 1;
	return (nq_word(s + a, b - a) & W_TITLE) && b - a <= 5 &&
	    s[a] >= 'A' && s[a] <= 'Z';
}

/* Tokens of s[from..to); at most max.  Parentheses are skipped whole. */
static int
tokens(const unsigned char *s, size_t from, size_t to, struct tok *t, int max)
{
	size_t i = from, j;
	int k = 0, l;

	while (i < to && k < max) {
		unsigned char c = s[i];
		struct tok *p = &t[k];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			i++;
			continue;
		}
		p->a = i;
		p->cap = 0;
		p->cls = -1;
		/* '90s is a word */
		l = c == '\'' ? 1 : nib_qmark_len(s, to, i) == 3 && s[i + 2] == 0x99 ? 3 : 0;
		if (l > 0 && i + (size_t)l + 2 < to && isdigitb(s[i + (size_t)l]) &&
		    isdigitb(s[i + (size_t)l + 1]) && !isdigitb(s[i + (size_t)l + 2]))
			i += (size_t)l;
		if ((l = wordch(s, to, i)) > 0) {
			p->cap = isupperat(s, to, i);
			for (j = i + (size_t)l; j < to;) {
				if (isalnumb(s[j])) {
					j++;
					continue;
				}
				if (s[j] >= 0x80 && (l = wordch(s, to, j)) > 0) {
					j += (size_t)l;
					continue;
				}
				l = (s[j] == '\'' || s[j] == '-' || s[j] == '.' || s[j] == '&') ? 1 :
				    nib_qmark_len(s, to, j) == 3 && s[j + 2] == 0x99 ? 3 : 0;
				if (l == 0 || j + (size_t)l >= to || !wordch(s, to, j + (size_t)l))
					break;
				j += (size_t)l;
			}
			p->b = j;
			if (j < to && s[j] == '.' && abbrev(s, i, j))
				p->b = ++j;
			/* officials' is a word, not a quotation mark */
			if (j < to && s[j - 1] == 's' && (l = s[j] == '\'' ? 1 :
			    nib_qmark_len(s, to, j) == 3 && s[j + 2] == 0x99 ? 3 : 0) > 0 &&
			    (j + (size_t)l == to || s[j + (size_t)l] == ' '))
				p->b = j += (size_t)l;
			p->t = T_WORD;
			i = j;
			k++;
			continue;
		}
		if ((l = nib_qmark_len(s, to, i)) > 0) {
			p->t = T_QUOTE;
			p->b = i + (size_t)l;
		} else if (c == '(') {
			for (j = i; j < to && s[j] != ')'; j++)
				;
			i = j < to ? j + 1 : to;
			continue;
		} else if (c == '&') {
			/* "Coastal Power & Light" */
			p->t = T_WORD;
			p->b = i + 1;
			p->cap = 1;
		} else if (c == ',') {
			p->t = T_COMMA;
			p->b = i + 1;
		} else if (c == ':') {
			p->t = T_COLON;
			p->b = i + 1;
		} else if (c == '.' || c == '!' || c == '?' || c == ';') {
			p->t = T_STOP;
			p->b = i + 1;
		} else if (c == 0xE2 && i + 2 < to && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0x93 || s[i + 2] == 0x94)) {
			p->t = T_DASH;
			p->b = i + 3;
		} else if (c == 0xE2 && i + 2 < to && s[i + 1] == 0x80 && s[i + 2] == 0xA6) {
			p->t = T_STOP;
			p->b = i + 3;
		} else if (c == '-' && i + 1 < to && s[i + 1] == '-') {
			p->t = T_DASH;
			p->b = i + 2;
		} else {
			p->t = T_OTHER;
			p->b = i + 1;
			while (p->b < to && (s[p->b] & 0xC0) == 0x80)
				p->b++;
		}
		i = p->b;
		k++;
	}
	return k;
}

static int
isword(const struct tok *t, const unsigned char *s, const char *w)
{
	size_t n = strlen(w);

	return t->t == T_WORD && t->b - t->a == n &&
	    strncasecmp((const char *)s + t->a, w, n) == 0;
}

static int
isverb(const struct tok *t, const unsigned char *s)
{
	return t->t == T_WORD && (wcls(s, t) & W_VERB) && s[t->a] >= 'a' && s[t->a] <= 'z';
}

/* An adverb by its form: "allegedly", "quietly" (not "Italy"). */
static int
lyword(const struct tok *t, const unsigned char *s)
{
	return t->t == T_WORD && t->b - t->a > 4 && s[t->a] >= 'a' &&
	    s[t->b - 2] == 'l' && s[t->b - 1] == 'y';
}

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

/* Words that end a name or noun phrase that is a speaker. */
static int
cutword(const struct tok *t, const unsigned char *s)
{
	static const char *const w[] = {
		"on", "in", "at", "during", "after", "before", "when", "while",
		"who", "whose", "which", "that", "last", "this", "earlier", "via",
		"to", "about", "told", "as", NULL
	};

	for (int i = 0; w[i]; i++)
		if (isword(t, s, w[i]))
			return 1;
	return 0;
}

/* Words after which a new clause, with its own subject, starts. */
static int
relword(const struct tok *t, const unsigned char *s)
{
	static const char *const w[] = {
		"that", "who", "which", "when", "while", "as", "because", "after",
		"before", "where", "and", "but", "if", "since", "what", NULL
	};

	for (int i = 0; w[i]; i++)
		if (isword(t, s, w[i]))
			return 1;
	return 0;
}

static int
detword(const struct tok *t, const unsigned char *s)
{
	static const char *const w[] = {
		"the", "a", "an", "his", "her", "their", "its", "our", "one",
		"two", "three", "four", "several", "some", "many", "both",
		"another", "other", "each", "most", "all", NULL
	};

	if (t->t == T_WORD && s[t->a] >= '0' && s[t->a] <= '9')
		return 1;
	for (int i = 0; w[i]; i++)
		if (isword(t, s, w[i]))
			return 1;
	return 0;
}

/* A copy of s[a..b) with runs of white space made one space. */
static char *
spancopy(const unsigned char *s, size_t a, size_t b)
{
	char *p = nib_realloc(NULL, b - a + 1, 1);
	size_t k = 0;

	for (size_t i = a; i < b; i++) {
		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
			if (k > 0 && p[k - 1] != ' ')
				p[k++] = ' ';
			continue;
		}
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
static int
speaker(const unsigned char *s, const struct tok *t, int lo, int hi, struct nq_attr *at)
{
	int k, j, allcap;

	while (hi > lo && ((wcls(s, &t[hi - 1]) & W_ADV) || lyword(&t[hi - 1], s)) &&
	    t[hi - 1].t == T_WORD && s[t[hi - 1].a] >= 'a')
		hi--;
	for (k = lo, allcap = 1; k < hi; k++) {
		if (t[k].t != T_WORD)
			break;
		if (k > lo && cutword(&t[k], s))
			break;
		/* "Thomas Kennedy of the coalition": a name ends there */
		if (k > lo && (allcap || t[k - 1].cap) && (isword(&t[k], s, "of") ||
		    isword(&t[k], s, "for") || isword(&t[k], s, "from") ||
		    isword(&t[k], s, "with")))
			break;
		if (!t[k].cap)
			allcap = 0;
	}
	hi = k;
	if (hi <= lo || hi - lo > 8)
		return 0;
	if (hi - lo == 1 && (wcls(s, &t[lo]) & W_PRONOUN)) {
		at->pron = wcls(s, &t[lo]) & (W_PRONOUN | W_MALE | W_FEMALE);
		at->speaker = spancopy(s, t[lo].a, t[lo].b);
		return 1;
	}
	/* A name ends its phrase, with at most a plural role after it
	 * ("Justice Department lawyers"): "Hawk Sawyer issued a statement" is
	 * Hawk Sawyer, "Thomas allegedly" Thomas. */
	if (t[lo].cap && !detword(&t[lo], s)) {
		for (j = lo; j < hi && t[j].cap; j++)
			;
		int titled = 0;

		for (int m = j; m < hi; m++)
			titled |= wcls(s, &t[m]) & W_TITLE;
		/* ...but "Harbor master Glen Tuttle" ends in the name. */
		if (j < hi && !titled && !t[hi - 1].cap &&
		    (hi - j > 2 || s[t[hi - 1].b - 1] != 's' ||
		    lyword(&t[hi - 1], s)))
			hi = j;
	}
	/* "But Smith": a sentence opener goes, an article stays. */
	k = lo;
	if (t[k].cap && (wcls(s, &t[k]) & W_STOP) && !(wcls(s, &t[k]) & W_PRONOUN) &&
	    !detword(&t[k], s) && k + 1 < hi)
		k++;
	/* Titles go when a name follows: "Homeland Security Secretary Kristi Noem". */
	for (j = hi - 1; j > k; j--) {
		if (!t[j].cap || (wcls(s, &t[j]) & (W_ORG | W_PLACE)))
			break;
		if ((wcls(s, &t[j - 1]) & W_TITLE || roleword(&t[j - 1], s)) &&
		    !(wcls(s, &t[j]) & W_TITLE)) {
			k = j;
			break;
		}
	}
	if (t[k].cap && !(wcls(s, &t[k]) & (W_STOP | W_VERB)))
		;
	else if (detword(&t[k], s))
		;
	/* no article: "officials", "police officers" */
	else if (hi - k > 2 || t[k].cap || (wcls(s, &t[k]) & (W_STOP | W_VERB | W_ADV)) ||
	    s[t[hi - 1].b - 1] != 's')
		return 0;
	for (j = k; j < hi; j++)
		if (isverb(&t[j], s) || (j < hi - 1 && (wcls(s, &t[j]) & W_ADV) && !t[j].cap))
			return 0;
	at->speaker = spancopy(s, t[k].a, t[hi - 1].b);
	return 1;
}

static void
setverb(const unsigned char *s, const struct tok *t, struct nq_attr *at)
{
	free(at->verb);
	at->verb = spancopy(s, t->a, t->b);
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

	if (k + 2 >= n || !isword(&t[k], s, "according") || !isword(&t[k + 1], s, "to"))
		return 0;
	for (e = k + 2; e < n && t[e].t == T_WORD; e++)
		;
	if (!speaker(s, t, k + 2, e, at))
		return 0;
	free(at->verb);
	at->verb = nib_strndup("according to", 12);
	return 1;
}

/* A segment that introduces a sentence: "In a letter to riders,". */
static int
intro(const unsigned char *s, const struct tok *t)
{
	return (wcls(s, t) & W_STOP) && !(wcls(s, t) & W_PRONOUN) && !detword(t, s);
}

/* All capitalised words, the first not a sentence opener: a name. */
static int
namelike(const unsigned char *s, const struct tok *t, int a, int b)
{
	if (a >= b || (wcls(s, &t[a]) & W_STOP))
		return 0;
	for (int k = a; k < b; k++)
		if (t[k].t != T_WORD || !t[k].cap)
			return 0;
	return 1;
}

/*
 * The subject of a verb, from the words and commas t[lo..hi) before it:
 * past introductions ("In a letter to riders,") and appositives ("Maria
 * Santos, 67, who ..., called"; "the operator, Bayline Marine, wrote").
 */
static int
subject(const unsigned char *s, const struct tok *t, int lo, int hi, struct nq_attr *at)
{
	int sa[8], sb[8], ns = 0, k, h;

	while (hi > lo && (wcls(s, &t[hi - 1]) & W_ADV) && t[hi - 1].t == T_WORD)
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
	if (ns > 1 && sb[ns - 1] - sa[ns - 1] == 1 && (wcls(s, &t[sa[ns - 1]]) & W_PRONOUN))
		return speaker(s, t, sa[ns - 1], sb[ns - 1], at);
	if (ns == 0)
		return 0;
	/* "a notebook that he calls": the subject follows "that". */
	for (k = sb[ns - 1] - 1; k > sa[ns - 1]; k--)
		if (relword(&t[k - 1], s)) {
			/* a clause of its own: its subject is the verb's; after
			 * "and" only a pronoun ("Energy, Environment and Water
			 * think tank told" is no clause) */
			if ((!(isword(&t[k - 1], s, "and") || isword(&t[k - 1], s, "but")) ||
			    (wcls(s, &t[k]) & W_PRONOUN)) && speaker(s, t, k, sb[ns - 1], at))
				return 1;
			nq_attr_free(at);
			break;
		}
	/* The name nearest the verb, past appositives ("a senior fellow"). */
	for (h = ns - 1; h >= 0; h--) {
		if (namelike(s, t, sa[h], sb[h]))
			return speaker(s, t, sa[h], sb[h], at);
		if (sa[h] < sb[h] && intro(s, &t[sa[h]]))
			break;
	}
	/* Else the first phrase after any introduction ("the lawsuit"). */
	for (h = 0; h < ns - 1 && (sa[h] == sb[h] || intro(s, &t[sa[h]])); h++)
		;
	return speaker(s, t, sa[h], sb[h], at);
}

int
nq_attr_post(const unsigned char *s, size_t from, size_t to, int stop,
    struct nq_attr *at, size_t *endp)
{
	struct tok t[MAXTOK];
	int n, k, v, e;

	memset(at, 0, sizeof *at);
	n = tokens(s, from, to, t, MAXTOK);
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
	for (v = k; v < e && (wcls(s, &t[v]) & W_ADV) && !(wcls(s, &t[v]) & W_VERB) && t[v].t == T_WORD; v++)
		;
	if (v < e && isverb(&t[v], s) && v - k <= 1) {
		int f;

		for (f = v + 1; f < e && t[f].t == T_WORD; f++)
			;
		int named = 0;

		for (int m = v + 1; m < f && m < v + 6; m++)
			named |= t[m].cap;
		setverb(s, &t[v], at);
		/* "says veteran industry analyst Ken Doctor" */
		if (v + 1 < e && (named || detword(&t[v + 1], s)))
			speaker(s, t, v + 1, f, at);
		*endp = t[f - 1].b;
		return 1;
	}
	/* "Smith said", "the lawsuit, filed in court, said" */
	/* The subject may carry a long appositive: "Dr. Luz Contreras
	 * Arroyo, a member of the group and signatory to the letter, told". */
	for (v = k; v < e && v < k + 24; v++)
		if (isverb(&t[v], s))
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
	if (!subject(s, t, k, v, at))
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
	if (v == n - 1 && !whole && (wcls(s, &t[v]) & W_NAMING))
		return 0;
	/* "..., said Paul Kessler, the director": the name after the verb. */
	if ((v == 0 || t[v - 1].t == T_COMMA) && v + 1 < n &&
	    (t[v + 1].cap || (detword(&t[v + 1], s) && (wcls(s, &t[v]) & W_INTRO))) &&
	    !(wcls(s, &t[v + 1]) & W_PRONOUN)) {
		int f;

		for (f = v + 1; f < n && t[f].t == T_WORD; f++)
			;
		if ((f < n ? t[f].t == T_COMMA || t[f].t == T_COLON : whole) &&
		    speaker(s, t, v + 1, f, at)) {
			setverb(s, &t[v], at);
			return 1;
		}
	}
	/* "said he agreed but warned that": the subject of the first verb. */
	int sv = v, lo;
	for (;;) {
		int c = sv;

		while (c > 0 && (wcls(s, &t[c - 1]) & W_ADV) && t[c - 1].t == T_WORD)
			c--;
		if (c == 0 || !(isword(&t[c - 1], s, "and") || isword(&t[c - 1], s, "but")))
			break;
		for (sv = c - 2; sv >= 0 && !isverb(&t[sv], s); sv--)
			if (t[sv].t == T_STOP || t[sv].t == T_COLON)
				return 0;
		if (sv < 0)
			return 0;
	}
	for (lo = sv; lo > 0 && (t[lo - 1].t == T_WORD || t[lo - 1].t == T_COMMA) &&
	    sv - lo < 30; lo--)
		;
	if (!subject(s, t, lo, sv, at)) {
		nq_attr_free(at);
		return 0;
	}
	setverb(s, &t[v], at);
	return 1;
}

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
	n = tokens(s, from, to, t, MAXTOK);
	/* "According to X, "..."": X must end right before the mark, or a
	 * list of titles later in the sentence would all be X's. */
	for (k = 0; k + 1 < n; k++)
		if (isword(&t[k], s, "according")) {
			int e;

			for (e = k + 2; e < n && t[e].t == T_WORD; e++)
				;
			if (n - e <= 1 && according(s, t, k, n, at))
				return 1;
			nq_attr_free(at);
		}
	/* The verb nearest the mark, or the one before when that one has no
	 * subject (a noun: "the call"). */
	for (v = n - 1; v >= 0 && tries < 3; v--) {
		if (t[v].t == T_QUOTE || t[v].t == T_STOP)
			return 0;
		if (!isverb(&t[v], s))
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

int
nq_subject(const unsigned char *s, size_t from, size_t to, struct nq_attr *at)
{
	struct tok t[16];
	int n, k, e;

	memset(at, 0, sizeof *at);
	n = tokens(s, from, to, t, 16);
	/* Past an introduction: "On Tuesday, Morrison ..." */
	k = 0;
	if (n > 0 && t[0].t == T_WORD && intro(s, &t[0])) {
		while (k < n && t[k].t == T_WORD)
			k++;
		if (k >= n || t[k].t != T_COMMA)
			return 0;
		k++;
	}
	/* "Her husband, Colm, was": the name in the appositive */
	if (k < n && detword(&t[k], s)) {
		int c, d;

		for (c = k; c < n && t[c].t == T_WORD; c++)
			;
		for (d = c + 1; d < n && t[d].t == T_WORD; d++)
			;
		if (c < n && t[c].t == T_COMMA && d < n && t[d].t == T_COMMA &&
		    namelike(s, t, c + 1, d))
			return speaker(s, t, c + 1, d, at) ? 2 : 0;
	}
	/* "Kestrels coach Andre Villiers was": names and titles */
	for (e = k; e < n && t[e].t == T_WORD && (t[e].cap || (wcls(s, &t[e]) & W_TITLE)); e++)
		;
	if (e == k || e - k > 6 || !t[k].cap || (wcls(s, &t[k]) & (W_STOP | W_ADV)))
		return 0;
	return speaker(s, t, k, e, at);
}

int
nq_pre_kind(const unsigned char *s, size_t from, size_t to)
{
	struct tok t[MAXTOK];
	int n;

	if (to - from > LOOKBACK)
		from = to - LOOKBACK;
	n = tokens(s, from, to, t, MAXTOK);
	/* tokens() stops at MAXTOK: then only the tail is known to be words. */
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
			if (isverb(&t[k], s))
				return PRE_SAID;
	if (isverb(&t[n - 1], s) && (wcls(s, &t[n - 1]) & W_INTRO))
		return PRE_SAID;
	return PRE_MID;
}

/* Whether the '.' at s[d] ends a sentence (not Gov., U.S., J.). */
static int
sentstop(const unsigned char *s, size_t lo, size_t d)
{
	size_t a = d;

	if (s[d] != '.')
		return 1;
	while (a > lo && (isalnumb(s[a - 1]) || s[a - 1] == '.'))
		a--;
	return a == d || !abbrev(s, a, d);
}

size_t
nq_sent_start(const unsigned char *s, size_t lo, size_t pos)
{
	size_t stop = pos > lo + LOOKBACK ? pos - LOOKBACK : lo;

	for (size_t j = pos; j > stop; j--) {
		unsigned char c = s[j - 1];

		if ((c == '.' || c == '!' || c == '?') && j < pos &&
		    (s[j] == ' ' || s[j] == '\n') && sentstop(s, lo, j - 1))
			return j;
		/* 'connected."' ends a sentence too */
		if (j >= lo + 2 && j < pos && (s[j] == ' ' || s[j] == '\n') &&
		    (c == '"' || c == '\'' || (c == 0x9D && j >= lo + 4 && s[j - 2] == 0x80 &&
		    s[j - 3] == 0xE2)) && strchr(".!?", s[j - (c == 0x9D ? 4 : 2)]) &&
		    s[j - (c == 0x9D ? 4 : 2)] != 0)
			return j;
	}
	return stop;
}

size_t
nq_clause_end(const unsigned char *s, size_t pos, size_t hi)
{
	size_t lim = hi - pos > LOOKBACK ? pos + LOOKBACK : hi;

	for (size_t j = pos; j < lim; j++)
		if ((s[j] == '.' || s[j] == '!' || s[j] == '?') &&
		    (j + 1 == hi || s[j + 1] == ' ' || s[j + 1] == '\n') && sentstop(s, pos, j))
			return j + 1;
	return lim;
}

int
nq_interrupt(const unsigned char *s, size_t from, size_t to)
{
	struct tok t[MAXTOK];
	struct nq_attr at;
	size_t end;
	int n, r;

	if (to - from > 200)
		return 0;
	n = tokens(s, from, to, t, MAXTOK);
	if (n < 3 || t[n - 1].t != T_COMMA)
		return 0;
	int verbs = 0;

	for (int k = 0; k < n; k++) {
		if (t[k].t == T_STOP || t[k].t == T_QUOTE)
			return 0;
		verbs += isverb(&t[k], s);
	}
	/* "he said, adding, "...": a second quotation, not the rest of one */
	if (verbs > 1)
		return 0;
	r = nq_attr_post(s, from, to, 0, &at, &end);
	nq_attr_free(&at);
	return r;
}
