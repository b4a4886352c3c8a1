/*
 * sent_impl: how the parts of the sentence segmenter talk to each other
 * (private to common/sent*.c; the public API is sent.h).
 *
 *	sent.c		the span iterator: skips plain text to candidate
 *			stops, asks nib_sent_decide(), trims the spans
 *	sent_decide.c	the boundary decision at one candidate stop
 *	sent_words.c	what the words around a single period say
 *			(abbreviation, number, initial, ordinal, starter)
 *	sent_list.c	inline list markers ("1." "a)" "•") and labels ("Q:")
 *	sent_table.c	the word tables and their list parser
 *	sent_chars.h	character classes (inline)
 */
#ifndef NIB_SENT_IMPL_H
#define NIB_SENT_IMPL_H
#include <stddef.h>

#include "sent.h"

/* Word kinds in the table (a word may have several). */
enum {
	W_ABBR = 1,	/* abbreviation that may end a sentence */
	W_TITLE = 2,	/* abbreviation before a name: never ends one */
	W_NUMBER = 4,	/* abbreviation before a number */
	W_START = 8,	/* usually starts a sentence */
	W_PREP = 16,	/* preposition that opens a phrase */
	W_ORDPRE = 32,	/* comes before an ordinal: "am 3. Oktober" */
	W_ORDPOST = 64,	/* comes after an ordinal */
	W_FINAL = 128,	/* abbreviation that often ends a sentence: Inc. p.m. */
	W_INNER = 256,	/* abbreviation that never ends one: e.g. vs. */
	W_LABEL = 512,	/* labels the sentence it starts: Q. A: */
	W_NAME = 1024	/* goes on a name after an abbreviation: Senate */
};

/* List markers at the start of a block. */
enum { L_NONE, L_BULLET, L_DOT, L_PAREN, L_DOTPAREN, L_ALPHA = 8 };

/* sent_table.c */

/* Builds the built-in word tables on the first call. */
void nib_sent_tables(void);
/* Kinds (W_*) of the word s[0..n), compared without ASCII case; 0 when unknown. */
int nib_sent_lookup(const unsigned char *s, size_t n);

/* sent_words.c */

/*
 * Does the single period at s[i], which ends at j and is followed by white
 * space and the word at nx (of kind nk, not N_END nor N_LOWER), end the
 * sentence that started at a?
 */
int nib_sent_period(const unsigned char *s, size_t lim, size_t a, size_t i,
    size_t j, size_t nx, int nk);
/*
 * Does the period at s[i], with no space after it, end the sentence that
 * started at a ("world.Today")?
 */
int nib_sent_glued(const unsigned char *s, size_t lim, size_t a, size_t i);

/* sent_decide.c */

/*
 * Decides whether the stop at s[i] ends the sentence that started at a.
 * Returns 1 with the sentence's end in *end, or 0 with the place to go on
 * scanning from in *end (always past i).  wrap is the block's longest
 * line (sent.h); *nl is set once a newline was seen in the sentence.
 */
int nib_sent_decide(const unsigned char *s, size_t lim, size_t a, size_t i,
    size_t wrap, int *nl, size_t *end);

/* sent_list.c */

/*
 * A list marker at s[i]: a bullet, a number of one to three digits or a
 * lower-case letter with ".", ")" or ".)", or a bullet and such a number.
 * Returns its end (past the white space after it), or i when none; sets
 * *kind (L_*), *item, and the bullet's bytes in bullet[0..*blen).
 */
size_t nib_sent_marker(const unsigned char *s, size_t n, size_t i, int *kind,
    unsigned long *item, unsigned char *bullet, size_t *blen);
/* Where the next item of st's list starts, after i; st->n when nowhere. */
size_t nib_sent_nextitem(const struct nib_sent *st, size_t i);
/*
 * Starts a list in st when a marker is at s[a] (the block's or a
 * sentence's start): sets st->list, st->item and st->cut.
 */
void nib_sent_startlist(struct nib_sent *st, size_t a);
/*
 * Where the sentence that starts at a must end at the latest: before the
 * next label and colon ("A:") when it starts with one ("Q:"), else lim.
 */
size_t nib_sent_labelcut(const unsigned char *s, size_t lim, size_t a);

#endif
