/*
 * sent: sentence segmentation of one block.
 *
 * The segmenter walks a block and returns sentence spans as byte offsets
 * into it, without copying.  A span never starts or ends with white space
 * (ASCII or Unicode spaces).  Text is never joined across blocks: callers
 * hand it one block at a time.  Any bytes are accepted (NUL, invalid UTF-8);
 * the spans of a block never overlap and come in order.
 *
 *	struct nib_sent st;
 *	size_t a, b;
 *	nib_sent_init(&st, s, n);
 *	while (nib_sent_next(&st, &a, &b))
 *		use(s + a, b - a);
 *
 * What ends a sentence: . ! ? and their runs ("?!", "!!"), the ellipsis
 * when the next word starts a sentence, and the CJK stops (U+3002, U+FF01,
 * U+FF1F), each with the closing quotes and brackets that follow it.  A
 * period does not end one after an abbreviation ("Mr.", "Gov.", "Sept.";
 * the list is common/data/abbrev.txt, more with nib_sent_abbrev_file) or
 * an initial unless the next word usually starts a sentence
 * (common/data/starters.txt); nor before a lower-case word, inside a
 * number, a URL or an e-mail address, after an ordinal ("am 3. Oktober",
 * common/data/ordinals.txt), or in a bracketed ellipsis "[...]".  Some
 * abbreviations often end a sentence ("U.S.", "p.m.", "Inc.", "etc."):
 * after them a capitalised word also starts a new one unless it goes on a
 * name ("the U.S. Senate", "5 p.m. Eastern": common/data/namewords.txt, or
 * a capital or a number after it: "Acme Inc. Chief Executive").  Others
 * never end one ("e.g.", "vs.").  "Q." and "A." at a sentence's start
 * label it; a sentence that starts with "Q:" ends before the next "A:".
 * A block or sentence that starts with a list marker ("1." "a)" "2.)" or
 * a bullet) is cut before each following marker of the same list.  A
 * newline in the block (a paragraph's soft wrap) is white space, except
 * after a short line that looks like a heading and before a list item.
 *
 * The word tables are global, built on the first call and grown by
 * nib_sent_abbrev_file(): not for use from several threads at once.
 */
#ifndef NIB_SENT_H
#define NIB_SENT_H
#include <stddef.h>

struct nib_sent {
	const unsigned char *s;
	size_t n;
	size_t pos;
	/* inline list state: the block or a sentence started with a list marker */
	int list;		/* kind of marker, 0 when none */
	unsigned long item;	/* number (or letter) of the current item */
	unsigned char bullet[4];	/* the bullet's bytes, for bullet lists */
	size_t blen;
	size_t cut;		/* where the next item starts (n when none) */
	size_t wrap;		/* longest line of a block with newlines, else 0 */
};

/* Starts segmenting s[0..n); s must outlive the iteration. */
void nib_sent_init(struct nib_sent *st, const unsigned char *s, size_t n);
/* Next sentence: returns 1 with it at [*start, *end), 0 when none is left. */
int nib_sent_next(struct nib_sent *st, size_t *start, size_t *end);
/*
 * Adds abbreviations (one a line, with or without the final period; '#'
 * starts a comment) to the built-in list.  Returns 0, or -1 with errno set
 * when the file cannot be read.  A second field on a line sets the kind:
 * "title" (never ends a sentence: Mr. Gov.), "inner" (never ends one
 * either: e.g. vs.), "number" (does not end one before a number: No. 5),
 * "final" (often ends one: Inc. p.m., see above), "label" (Q. A.); none
 * means that it ends one only before a word that usually starts a
 * sentence (Ave. Calif.).
 */
int nib_sent_abbrev_file(const char *path);
/*
 * Adds abbreviations from text in the format above.  Returns the number
 * added.
 */
size_t nib_sent_abbrev_add(const unsigned char *s, size_t n);
/*
 * Copies the sentence s[0..n) of a paragraph block to out with each soft
 * wrap (a newline and the spaces and tabs around it) made one space, for
 * writing it on one line.  out has room for n bytes (the result is never
 * longer) and may be s itself.  Returns the length written.
 */
size_t nib_sent_unwrap(const unsigned char *s, size_t n, unsigned char *out);

#endif
