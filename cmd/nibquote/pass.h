/*
 * pass: one block's pass over its quotations, inside nibquote (doc.c
 * walks the block, record.c builds records, finish.c attributes them).
 */
#ifndef NQ_PASS_H
#define NQ_PASS_H
#include <stddef.h>

#include "nq.h"

struct pass {
	struct nq_doc *doc;
	const struct nib_block *b;
	const unsigned char *s;
	size_t n;
	size_t names;		/* names are read up to here */
	size_t linepos;		/* lines are counted up to here */
	unsigned long line;
	char *prevspk;		/* speaker of the last record of this block */
	unsigned long prevtick;	/* names.tick when it was finished */
	size_t prevsent;	/* where that record's sentence started */
	int nrec;
	int openused;		/* a record took the span left open */
};

/* Where a record's parts are, for finish(). */
struct parts {
	size_t a;		/* the first part's opening mark */
	size_t z;		/* just past the last part's closing mark */
	size_t lo;		/* the writer's words before it start here */
	size_t hi;		/* the next quotation opens here */
	int gapped;		/* two parts, with s[ga..gb) between them */
	size_t ga, gb;
	int cont;		/* it goes on from the paragraph before */
};

/* Frees what the record owns and zeroes it. */
void nq_rec_free(struct nq_rec *r);
/* Appends s[a..b) to the record's text, white space made single spaces. */
void nq_rec_addtext(struct nq_rec *r, const unsigned char *s, size_t a, size_t b);
/* A new record for the span sp of the pass's block. */
void nq_rec_new(struct pass *p, struct nq_rec *r, const struct nib_qspan *sp);
/* Keeps a record that an open quotation holds, till it is known to go on. */
void nq_doc_hold(struct nq_doc *doc, struct nq_rec *r);
/* Prints what an open quotation held, and forgets the quotation. */
void nq_doc_release(struct nq_doc *doc);
/* Forgets what an open quotation held (it went on: it was quoted words). */
void nq_doc_drop_held(struct nq_doc *doc);
/* A copy of s, or NULL for NULL. */
char *nq_strdup(const char *s);
/* Sets the speaker a quotation opening the next block may take. */
void nq_doc_setinherit(struct nq_doc *doc, const char *s);
/* The speaker a quotation opening this block may take from the one before. */
const char *nq_doc_inherited(struct nq_doc *doc);

/* Fills in speaker, verb and kind of the record r made of parts pt. */
void nq_finish(struct pass *p, struct nq_rec *r, const struct parts *pt);
/* Resolves an attribution into the record (at is emptied). */
void nq_attribute(struct pass *p, struct nq_rec *r, struct nq_attr *at);
/*
 * resolve.c.  The speaker of the sentence before s[sent] (this block's,
 * or the last of the block before), or its subject when a name the
 * document gave; with pron, a he or she there resolved.  Owned or NULL.
 */
char *nq_prevsentence(struct pass *p, size_t sent, int pron);
/*
 * Resolves use into the record; "he" may look one sentence back, unless
 * back is 0 (its own sentence named someone before it).
 */
void nq_resolve(struct pass *p, struct nq_rec *r, struct nq_attr *use,
    size_t sent, int back);
/* Whether the attribution is "the latter" or "the former". */
int nq_latter(const struct nq_attr *at);
/*
 * The person the writer's sentence s[sent..a) is about, when its subject
 * is a name the document gave, or he or she.  Owned or NULL.
 */
char *nq_subjectof(struct pass *p, size_t sent, size_t a);

#endif
