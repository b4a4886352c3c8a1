/*
 * feat: what the feature pass of nibsplit shares between its files (not
 * seen by the classifier): the byte classes, the lexicon of words and
 * marker phrases, and the cues read from a block's edges.
 */
#ifndef SPLIT_FEAT_H
#define SPLIT_FEAT_H
#include <stddef.h>
#include <stdint.h>

#include "split.h"

/* Byte classes, in the ASCII table and for other characters alike. */
enum { C_OTHER, C_LOW, C_UP, C_DIG, C_SPACE, C_TERM, C_COMMA, C_CLOSE, C_SEP, C_COLON };

/* The class of each ASCII byte. */
extern unsigned char split_cls[128];
/* The class of an ASCII letter or digit, 0 for any other byte. */
extern unsigned char split_alnum[256];

/*
 * The class of a non-ASCII character in the terms of the ASCII table;
 * *unspaced says it is of a script written without spaces.
 */
int split_ucls(int32_t cp, int *unspaced);

/* What the lexicon knows of a word (the flags) or a phrase (its marks). */
enum {
	W_STOP = 1,		/* a stop word of one of several languages */
	W_DATE = 2,		/* a month, a weekday, "ago" */
	W_BY = 4,		/* opens a byline: "By", "Por", "Von" */
	W_PFIRST = 8,		/* the first word of a prefix marker */
	W_MARKSHIFT = 8,	/* bits 8-11: the enum split_mark of a phrase */
	W_PMARKSHIFT = 12	/* bits 12-15: that of a prefix phrase */
};
#define W_MARK(v)	(((v) >> W_MARKSHIFT) & 15)
#define W_PMARK(v)	(((v) >> W_PMARKSHIFT) & 15)

/*
 * Tokens up to which a call to the reader (a "call" marker phrase) opens
 * a promo without a colon after it: "Subscribe to X and get our best
 * stories ..." is no sentence of the story, where "Read more widely and
 * ..." or "Related talks went on ..." may be.
 */
#define PROMOMAX 24

/* Loads the tables and lists once; every entry point calls it. */
void split_lex_init(void);
/* The flags and marks of the folded word or phrase s[0..n) (0: unknown). */
uint32_t split_lex(const unsigned char *s, size_t n);
/* The same for a caller that hashed s[0..n) as it folded it (h: nib_fnv()). */
uint32_t split_lexh(const unsigned char *s, size_t n, uint32_t h);

/*
 * Folds s[0..n) for marker lookup into out (at most cap - 2 bytes): lower
 * case, every digit run one '0', every other run of non-letters one space.
 * Returns the folded length.
 */
size_t split_fold(const unsigned char *s, size_t n, unsigned char *out, size_t cap);

/*
 * Marker lines; buf[0..o) is the folded start of the block s[0..n), and,
 * when the block is short (n <= 96), h is XXH3 of buf[0..o) (its key).
 */
void split_markers(const unsigned char *s, size_t n, const unsigned char *buf,
    size_t o, uint64_t h, struct split_feat *f);
/* Whether a whole marker phrase may have the XXH3 h (no: it is none). */
int split_markmaybe(uint64_t h);
/* A caption that ends in its credit: "... (Image: GETTY)", "... Reuters". */
void split_credited(const unsigned char *s, size_t n, struct split_feat *f);
/* A teaser glued to its headline: "... stateless WASHINGTON: Expressing". */
void split_glued(const unsigned char *s, size_t n, struct split_feat *f);

#endif
