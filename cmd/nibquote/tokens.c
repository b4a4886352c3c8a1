/*
 * Tokens of the writer's words next to a quotation, and what is asked of
 * one token (its word classes, whether it is a verb of saying, an
 * article, an adverb).
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "quote.h"
#include "tok.h"
#include "utf8.h"

int
nq_isalnum(unsigned char c)
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
		return nq_isalnum(s[i]);
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
int
nq_tok_cls(const unsigned char *s, const struct tok *t)
{
	struct tok *m = (struct tok *)t;

	if (m->cls < 0)
		m->cls = m->t == T_WORD ? nq_word(s + m->a, m->b - m->a) : 0;
	return m->cls;
}

/* A period after this word is part of it (Gov., D.C., J.). */
int
nq_tok_abbrev(const unsigned char *s, size_t a, size_t b)
{
	if (b - a == 1 && s[a] >= 'A' && s[a] <= 'Z')
		return 1;
	if (memchr(s + a, '.', b - a) != NULL)
		return 1;
	return (nq_word(s + a, b - a) & W_TITLE) && b - a <= 5 &&
	    s[a] >= 'A' && s[a] <= 'Z';
}

/* Length of the apostrophe at s[i] (' or ’), or 0. */
static int
apostrophe(const unsigned char *s, size_t to, size_t i)
{
	if (s[i] == '\'')
		return 1;
	return nib_qmark_len(s, to, i) == 3 && s[i + 2] == 0x99 ? 3 : 0;
}

/* End of the word whose first letter is at s[i]. */
static size_t
wordtok(const unsigned char *s, size_t to, size_t i, int l)
{
	size_t j;

	for (j = i + (size_t)l; j < to;) {
		if (nq_isalnum(s[j])) {
			j++;
			continue;
		}
		if (s[j] >= 0x80 && (l = wordch(s, to, j)) > 0) {
			j += (size_t)l;
			continue;
		}
		/* a NUL inside a word ("Sm\0ith") does not end it */
		l = (s[j] == '-' || s[j] == '.' || s[j] == '&' || s[j] == 0) ? 1 :
		    apostrophe(s, to, j);
		if (l == 0 || j + (size_t)l >= to || !wordch(s, to, j + (size_t)l))
			break;
		j += (size_t)l;
	}
	/* "Oct. 31", "approx. five": a period before a number or a lower-case
	 * word ends no sentence (common/sent says where sentences end). */
	if (j < to && s[j] == '.' && (nq_tok_abbrev(s, i, j) || (j + 2 < to &&
	    s[j + 1] == ' ' && ((s[j + 2] >= '0' && s[j + 2] <= '9') ||
	    (s[j + 2] >= 'a' && s[j + 2] <= 'z'))) ||
	    /* "D-Calif.,": no stop before a comma */
	    (j + 1 < to && s[j + 1] == ',')))
		j++;
	/* officials' is a word, not a quotation mark */
	if (j < to && s[j - 1] == 's' && (l = apostrophe(s, to, j)) > 0 &&
	    (j + (size_t)l == to || s[j + (size_t)l] == ' '))
		j += (size_t)l;
	return j;
}

/* Fills in the token at s[i] that is no word: its kind and end. */
static void
punctok(const unsigned char *s, size_t to, size_t i, struct tok *p)
{
	unsigned char c = s[i];
	int l;

	p->b = i + 1;
	if ((l = nib_qmark_len(s, to, i)) > 0) {
		p->t = T_QUOTE;
		p->b = i + (size_t)l;
	} else if (c == '&') {
		/* "Coastal Power & Light" */
		p->t = T_WORD;
		p->cap = 1;
	} else if (c == ',')
		p->t = T_COMMA;
	else if (c == ':')
		p->t = T_COLON;
	else if (c == '.' || c == '!' || c == '?' || c == ';')
		p->t = T_STOP;
	else if (c == 0xE2 && i + 2 < to && s[i + 1] == 0x80 &&
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
		while (p->b < to && (s[p->b] & 0xC0) == 0x80)
			p->b++;
	}
}

int
nq_tokens(const unsigned char *s, size_t from, size_t to, struct tok *t, int max)
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
			p->b = i = wordtok(s, to, i, l);
			p->t = T_WORD;
			k++;
			continue;
		}
		if (c == '(') {
			for (j = i; j < to && s[j] != ')'; j++)
				;
			i = j < to ? j + 1 : to;
			continue;
		}
		punctok(s, to, i, p);
		i = p->b;
		k++;
	}
	return k;
}

int
nq_tok_is(const struct tok *t, const unsigned char *s, const char *w)
{
	size_t n = strlen(w);

	return t->t == T_WORD && t->b - t->a == n &&
	    strncasecmp((const char *)s + t->a, w, n) == 0;
}

int
nq_tok_verb(const struct tok *t, const unsigned char *s)
{
	return t->t == T_WORD && (nq_tok_cls(s, t) & W_VERB) && s[t->a] >= 'a' && s[t->a] <= 'z';
}

/* An adverb by its form: "allegedly", "quietly" (not "Italy"). */
int
nq_tok_ly(const struct tok *t, const unsigned char *s)
{
	return t->t == T_WORD && t->b - t->a > 4 && s[t->a] >= 'a' &&
	    s[t->b - 2] == 'l' && s[t->b - 1] == 'y';
}

int
nq_tok_det(const struct tok *t, const unsigned char *s)
{
	static const char *const w[] = {
		"the", "a", "an", "his", "her", "their", "its", "our", "one",
		"two", "three", "four", "several", "some", "many", "both",
		"another", "other", "each", "most", "all", NULL
	};

	if (t->t == T_WORD && s[t->a] >= '0' && s[t->a] <= '9')
		return 1;
	return nq_tok_in(t, s, w);
}

int
nq_tok_in(const struct tok *t, const unsigned char *s, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (nq_tok_is(t, s, list[i]))
			return 1;
	return 0;
}

/* A segment that introduces a sentence: "In a letter to riders,". */
int
nq_tok_intro(const unsigned char *s, const struct tok *t)
{
	return (nq_tok_cls(s, t) & W_STOP) && !(nq_tok_cls(s, t) & W_PRONOUN) && !nq_tok_det(t, s);
}
