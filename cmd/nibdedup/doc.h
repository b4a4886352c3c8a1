/*
 * The per-document scope, between its files: doc.c holds the document and
 * writes what is left, docunits.c cuts it into units and tokens,
 * docpasses.c finds exact repeats and glued prefixes, docnear.c near
 * repeats among sentences.
 *
 * Records are compact, offsets and indexes rather than copies, so that a
 * document costs about: its bytes, 8 bytes an item (a line, or a paragraph
 * with -P), 28 a unit, 8 and a bit a word, 4 to 8 a unit for the repeat
 * index, 16 a unit for keys when those are not made of words (-x, -c), and
 * for near repeats about 12 a sentence and 8 a shingle.
 */
#ifndef NIBDEDUP_DOC_H
#define NIBDEDUP_DOC_H
#include <stddef.h>
#include <stdint.h>

#include "dedup.h"
#include "keys.h"
#include "near.h"
#include "words.h"

#define ITEM_BLANK ((uint64_t)1 << 63)	/* in item[]: a blank line */

/* Bytes a..b of an item (offsets from its start) and their tokens t0..t1. */
struct tokrange {
	uint32_t a, b;
	uint32_t t0, t1;
};

/*
 * A unit: a block, or a sentence with -s.  cut is where the text left
 * after a cut prefix starts (r.a before the cut), and tokens r.t0 + tcut
 * to r.t1 are what is left.
 */
struct unit {
	struct tokrange r;
	uint32_t item;
	uint32_t cut;
	uint32_t tcut : 30;
	uint32_t gone : 1;	/* removed as a repeat */
	uint32_t keep : 1;	/* no words: never removed */
};

/* A sentence tested for near repeats (of two words or more). */
struct sentence {
	struct tokrange r;
	uint32_t item : 31;
	uint32_t alone : 1;	/* the only sentence of its item */
};

/* A prefix of k tokens of a unit, whose token chain hashes to h. */
struct prefixcand {
	size_t k;
	uint64_t h;
};

/* A table of unit indexes, found by their text (docpasses.c). */
struct unitindex {
	uint64_t *slot;		/* hash tag << 32 | unit + 1; 0 empty */
	size_t mask, alloc;
};

struct doc {
	unsigned char *buf;	/* the items' text, one after the other */
	size_t len, cap;
	unsigned long no;	/* document number */
	uint64_t *item;		/* start of each item, ITEM_BLANK or'ed in */
	size_t nitem, itemcap;	/* item[nitem] is len, when processed */
	unsigned long *line;	/* -r: line of each item within the document */
	size_t linecap;
	struct unit *u;
	size_t nu, ucap;
	uint64_t *th;		/* token hashes */
	uint64_t *cjk;		/* bit set: the token is a character of a
				 * script written without spaces */
	size_t nt, tcap, ncjk;
	struct nib_key *key;	/* units' keys, when not made of tokens */
	size_t keycap;
	uint32_t *cnt;		/* -c, -d, -u: the count of each first unit */
	size_t cntcap;
	struct unitindex exact;
	struct nib_map pre;	/* glued prefixes: token chain -> unit */
	uint64_t *lenbits;	/* token counts of the units in pre */
	size_t lenbitcap;
	struct prefixcand *cand;	/* scratch: the prefixes worth a look */
	size_t candcap;
	struct sentence *s;
	size_t ns, scap;
	struct nib_near nr;
	struct span *rm;
	size_t rmcap;
};

static inline size_t
item_off(const struct doc *doc, size_t i)
{
	return (size_t)(doc->item[i] & ~ITEM_BLANK);
}

static inline size_t
item_len(const struct doc *doc, size_t i)
{
	return item_off(doc, i + 1) - item_off(doc, i);
}

static inline const unsigned char *
item_text(const struct doc *doc, size_t i)
{
	return doc->buf + item_off(doc, i);
}

static inline int
fuzzy(const struct dd *d)
{
	return d->mode == NIB_KEY_FOLD && !(d->count || d->dups || d->uniqs);
}

/*
 * Units and, when fuzzy, tokens of every block; for near repeats among
 * the sentences of whole blocks, those sentences too (docunits.c).
 */
void doc_units(struct dd *d, struct doc *doc);
/*
 * Keeps the sentences of one item from s0 on that have two words or more,
 * marking the only sentence of its item (docunits.c).
 */
void doc_keep_sentences(struct doc *doc, size_t s0);
/* Adds sentence a..b of item (tokens not set yet). */
void doc_add_sentence(struct doc *doc, size_t item, size_t a, size_t b);
/* Words in tokens t0..t1 (a character of CJK script: a third). */
size_t doc_words(const struct doc *doc, size_t t0, size_t t1);
/*
 * Sets the tokens t0..t1 of n ranges of item i (sorted, apart, each r of
 * them size bytes after the one before), the item's tokens being numbered
 * from first on (docunits.c).
 */
void doc_tokens_of(const struct doc *doc, size_t i, size_t first,
    struct tokrange *r, size_t n, size_t size);

/*
 * The end (from the start of item i) of the k-th token (from 1) that
 * starts at or after offset from (docunits.c).
 */
size_t doc_token_end(const struct doc *doc, size_t i, size_t from, size_t k);

/* Pass 1, exact repeats, with the counts of -c, -d and -u (docpasses.c). */
void doc_exact(struct dd *d, struct doc *doc);
/* Pass 2, glued prefixes (docpasses.c). */
void doc_prefixes(struct dd *d, struct doc *doc);
/* Pass 3, near repeats among sentences (docnear.c). */
void doc_nears(struct dd *d, struct doc *doc);
/* A record of the -r report: unit text s[a..b) of item ia repeats ib's. */
void doc_report(const struct dd *d, const struct doc *doc, int why,
    double score, size_t ia, size_t a, size_t b, long ib, size_t oa,
    size_t ob);
/* Frees the passes' memory (docpasses.c). */
void doc_passes_free(struct doc *doc);

#endif
