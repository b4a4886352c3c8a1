/*
 * The per-document scope, between its files: doc.c holds the document and
 * writes what is left, docunits.c cuts it into units and tokens,
 * docpasses.c finds exact repeats and glued prefixes, docnear.c near
 * repeats among sentences.
 *
 * Records are compact, offsets and indexes rather than copies, and blocks
 * as units are the items themselves, so that a document costs about: its
 * bytes, 4 bytes an item (a line, or a paragraph with -P), with -s 20 a
 * sentence unit, 8 and a bit a word (with 4 an item for where its words
 * start), 4 to 8 a unit for the repeat index, 16 a unit for keys when
 * those are not made of words (-x, -c), and for near repeats 44 a
 * sentence and 4 a shingle, plus 28 to 44 a distinct shingle.  Offsets
 * are 32-bit: a document is under 4 GiB.
 */
#ifndef NIBDEDUP_DOC_H
#define NIBDEDUP_DOC_H
#include <stddef.h>
#include <stdint.h>

#include "dedup.h"
#include "keys.h"
#include "near.h"
#include "words.h"

/* Bytes a..b of an item (offsets from its start) and their tokens t0..t1. */
struct tokrange {
	uint32_t a, b;
	uint32_t t0, t1;
};

/* A unit of -s, a sentence of an item; without -s the items are the units. */
struct sunit {
	struct tokrange r;
	uint32_t item;
};

/* A unit that lost a prefix: what is left starts at byte at, token tcut. */
struct cut {
	uint32_t unit;
	uint32_t at;	/* from the start of its item */
	uint32_t tcut;	/* tokens of the prefix */
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
	uint32_t *slot;		/* hash tag << shift | unit + 1; 0 empty */
	size_t mask, alloc;
	unsigned shift;		/* bits that unit + 1 needs */
};

struct doc {
	unsigned char *buf;	/* the items' text, one after the other */
	size_t len, cap;
	unsigned long no;	/* document number */
	uint32_t *item;		/* start of each item */
	size_t nitem, itemcap;	/* item[nitem] is len, when processed */
	uint64_t *blank;	/* bit set: the item is a blank line */
	size_t blankcap;
	uint32_t *line;		/* -r: line of each item within the document */
	size_t linecap;
	int sent;		/* -s: the units are in su, else the items */
	size_t nu;		/* units: nsu, or nitem */
	struct sunit *su;
	size_t nsu, sucap;
	uint32_t *itok;		/* blocks as units, tokens made: the first
				 * token of each item, itok[nitem] is nt */
	size_t itokcap;
	uint64_t *gone;		/* bit set: the unit went as a repeat */
	uint64_t *keep;		/* bit set: no words, never removed */
	size_t flagcap;
	struct cut *cut;	/* the units that lost a prefix, in order */
	size_t ncut, cutcap;
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

static inline int
bit_get(const uint64_t *b, size_t i)
{
	return b[i / 64] >> (i % 64) & 1;
}

static inline void
bit_set(uint64_t *b, size_t i)
{
	b[i / 64] |= 1ULL << (i % 64);
}

static inline size_t
item_off(const struct doc *doc, size_t i)
{
	return doc->item[i];
}

static inline size_t
item_len(const struct doc *doc, size_t i)
{
	return doc->item[i + 1] - doc->item[i];
}

static inline const unsigned char *
item_text(const struct doc *doc, size_t i)
{
	return doc->buf + item_off(doc, i);
}

static inline int
item_blank(const struct doc *doc, size_t i)
{
	return bit_get(doc->blank, i);
}

/* Unit i: its item, its bytes a..b in it, its tokens t0..t1 (made). */
static inline size_t
unit_item(const struct doc *doc, size_t i)
{
	return doc->sent ? doc->su[i].item : i;
}

static inline size_t
unit_a(const struct doc *doc, size_t i)
{
	return doc->sent ? doc->su[i].r.a : 0;
}

static inline size_t
unit_b(const struct doc *doc, size_t i)
{
	return doc->sent ? doc->su[i].r.b : item_len(doc, i);
}

static inline size_t
unit_t0(const struct doc *doc, size_t i)
{
	return doc->sent ? doc->su[i].r.t0 : doc->itok[i];
}

static inline size_t
unit_t1(const struct doc *doc, size_t i)
{
	return doc->sent ? doc->su[i].r.t1 : doc->itok[i + 1];
}

/* A blank line: a unit of no text (blocks as units only). */
static inline int
unit_blank(const struct doc *doc, size_t i)
{
	return !doc->sent && item_blank(doc, i);
}

/*
 * The cut of unit i, or NULL; *k walks the cuts, for units taken in
 * order (start it at 0).
 */
static inline const struct cut *
unit_cut(const struct doc *doc, size_t i, size_t *k)
{
	while (*k < doc->ncut && doc->cut[*k].unit < i)
		(*k)++;
	return *k < doc->ncut && doc->cut[*k].unit == i ? &doc->cut[*k] : NULL;
}

static inline int
fuzzy(const struct dd *d)
{
	return d->mode == NIB_KEY_FOLD && !(d->count || d->dups || d->uniqs);
}

/*
 * Units and, when fuzzy, tokens of every block; for near repeats among
 * the sentences of whole blocks, those sentences too (docunits.c).  The
 * units' flags are cleared, their cuts forgotten.
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
