/*
 * tok: the writer's words next to a quotation as a short list of tokens
 * (words, commas, colons, stops, dashes, quotation marks), and what the
 * attribution code asks of them.  Inside nibquote only: tokens.c makes
 * them, phrase.c reads speakers out of them, attr.c reads attributions.
 */
#ifndef NQ_TOK_H
#define NQ_TOK_H
#include <stddef.h>

#include "nq.h"

enum { T_WORD, T_COMMA, T_COLON, T_STOP, T_DASH, T_QUOTE, T_OTHER };

struct tok {
	size_t a, b;		/* the token is s[a..b) */
	int t;			/* T_* */
	int cap;		/* starts with a capital */
	int cls;		/* nq_word() classes of a word, -1 until asked */
};

/* Clauses are short; a longer one is not an attribution. */
#define MAXTOK 96
/* How far back a sentence start is looked for. */
#define LOOKBACK 400

/*
 * Tokens of s[from..to), at most max of them, into t; returns how many.
 * Parentheses are skipped whole; a period that belongs to its word
 * (Gov., D.C., J.) stays in it; '90s and officials' are words.
 */
int nq_tokens(const unsigned char *s, size_t from, size_t to, struct tok *t, int max);
/* Whether the ASCII byte c is a letter or a digit. */
int nq_isalnum(unsigned char c);
/* A period after the word s[a..b) is part of it (Gov., D.C., J.). */
int nq_tok_abbrev(const unsigned char *s, size_t a, size_t b);
/* The word classes of a token, looked up the first time they are asked. */
int nq_tok_cls(const unsigned char *s, const struct tok *t);
/* Whether the token is the word w (ASCII case ignored). */
int nq_tok_is(const struct tok *t, const unsigned char *s, const char *w);
/* Whether the token is one of the words of list (NULL-terminated). */
int nq_tok_in(const struct tok *t, const unsigned char *s,
    const char *const *list);
/* A verb of saying, in lower case. */
int nq_tok_verb(const struct tok *t, const unsigned char *s);
/* An adverb by its form: "allegedly", "quietly" (not "Italy"). */
int nq_tok_ly(const struct tok *t, const unsigned char *s);
/* A determiner or a number: "the", "a", "his", "two", "3". */
int nq_tok_det(const struct tok *t, const unsigned char *s);
/* A word that opens an introduction: "In a letter to riders,". */
int nq_tok_intro(const unsigned char *s, const struct tok *t);

/*
 * A copy of s[a..b) with runs of white space made one space and NUL bytes
 * left out (speakers and verbs are C strings); owned.
 */
char *nq_spancopy(const unsigned char *s, size_t a, size_t b);
/*
 * The speaker in tokens t[lo..hi): trims what cannot be part of it and
 * checks that what is left looks like a name or a noun phrase.  Returns 1
 * with at->speaker set.
 */
int nq_phrase_speaker(const unsigned char *s, const struct tok *t, int lo,
    int hi, struct nq_attr *at);
/*
 * The subject of a verb, from the words and commas t[lo..hi) before it,
 * past introductions and appositives.  Returns 1 with at->speaker set.
 */
int nq_phrase_subject(const unsigned char *s, const struct tok *t, int lo,
    int hi, struct nq_attr *at);
/* All capitalised words t[a..b), the first not a sentence opener: a name. */
int nq_namelike(const unsigned char *s, const struct tok *t, int a, int b);
/*
 * nq_attr_post() on the tokens t[0..n) of the words after the mark
 * (attr.c; gap.c reads an interruption's with it).
 */
int nq_attr_posttokens(const unsigned char *s, struct tok *t, int n, int stop,
    struct nq_attr *at, size_t *endp);

#endif
