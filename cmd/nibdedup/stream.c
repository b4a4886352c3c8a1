/*
 * The stream scopes: adjacent repeats (-a, as uniq), the whole stream
 * (-g, --state) and a window of the last N units kept (-w).  One block is
 * held at a time; the whole-stream scopes hold 16 bytes a key.
 *
 * In the whole-stream and window scopes, where every line of a document
 * can be a repeat, layout is written only around text that is kept: the
 * blank lines of a document wait for its first kept text (and go with the
 * document when none comes), and form feeds wait for the first kept text
 * of the run, so that a run of nothing but repeats writes nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "dedup.h"
#include "mem.h"
#include "out.h"
#include "sent.h"

/*
 * The whole-stream scopes take blocks in batches: their keys are made and
 * their table slots prefetched before any is looked up, so that the cache
 * misses of a big table overlap instead of coming one after the other.
 */
#define BATCH 32
#define BATCHBYTES (64 * 1024)

struct bitem {
	int type;
	size_t off, len;
	unsigned long line, doc;
	struct nib_key k;
};

struct stream {
	int have;		/* -a: a group of equal units is open */
	struct nib_key prev;
	unsigned long count;	/* units in the group */
	unsigned char *first;	/* its first unit, for -c/-d/-u and -r */
	size_t flen, fcap;
	unsigned long fdoc, fline;
	unsigned long doc;	/* document of the last block */
	struct span *rm;
	size_t rmcap;
	int skipblank;		/* -P: a paragraph went, so do the blank lines after it */
	struct bitem bi[BATCH];
	size_t nbi;
	unsigned char *bbuf;	/* the batch's text */
	size_t blen, bcap;
	int dockept;		/* the document has kept text */
	int runkept;		/* the run has kept text */
	unsigned long seps;	/* form feeds waiting for the run's first text */
	unsigned char *blanks;	/* blank lines waiting for the document's text */
	size_t nblank, blankcap;
};

static struct stream *
streamof(struct dd *d)
{
	if (d->held == NULL)
		d->held = nib_calloc(1, sizeof(struct stream));
	return d->held;
}

/* Kept text comes: the layout waiting for it goes out first. */
static void
keeptext(struct stream *st)
{
	for (; st->seps > 0; st->seps--)
		nib_out_docsep();
	if (st->nblank > 0)
		nib_out_write(st->blanks, st->nblank);
	st->nblank = 0;
	st->dockept = st->runkept = 1;
}

/* A blank line s[0..n): written, or held until the document's text. */
static void
keepblank(const struct dd *d, struct stream *st, const unsigned char *s,
    size_t n)
{
	if (d->scope == SC_ADJ || st->dockept) {
		nib_out_write(s, n);
		nib_out_putc(NIB_EOL);
		return;
	}
	NIB_GROW(st->blanks, st->blankcap, st->nblank + n + 1);
	memcpy(st->blanks + st->nblank, s, n);
	st->blanks[st->nblank + n] = NIB_EOL;
	st->nblank += n + 1;
}

/*
 * A new document: blank lines held for the one before are dropped, and a
 * paragraph removed at its end takes no blank line of this one (so that
 * a shard's --drop run writes what -g writes over the shards).
 */
static void
newdoc(struct stream *st)
{
	st->dockept = 0;
	st->nblank = 0;
	st->skipblank = 0;
}

/* A form feed: written, or held until the run's first kept text. */
static void
keepsep(const struct dd *d, struct stream *st)
{
	newdoc(st);
	if (d->scope == SC_ADJ || st->runkept)
		nib_out_docsep();
	else
		st->seps++;
}

static int
counting(const struct dd *d)
{
	return d->count || d->dups || d->uniqs;
}

/* The whole-stream scopes: 1 when k is new, or the shard keeps its unit. */
static int
fresh(struct dd *d, struct nib_key k)
{
	return d->sh ? dd_shards_unit(d->sh, k) : nib_hashset_add(&d->set, k);
}

/* Ends the open group of adjacent units: -c, -d and -u print it now. */
static void
flush(struct dd *d, struct stream *st)
{
	if (st->have && counting(d) && (!d->dups || st->count > 1) &&
	    (!d->uniqs || st->count == 1))
		dd_emit_unit(d, st->count, st->first, st->flen);
	st->have = 0;
}

/* Returns 1 when the unit s[0..n) is to be kept. */
static int
unit(struct dd *d, struct stream *st, const unsigned char *s, size_t n,
    unsigned long line)
{
	struct nib_key k = nib_key_make(&d->kb, d->mode, s, n);

	if (d->scope != SC_ADJ) {
		if (fresh(d, k))
			return 1;
		if (d->report)
			dd_report(d, st->doc, line, WHY_SEEN, 1, 0, 0, s, n, NULL, 0);
		return 0;
	}
	if (st->have && k.lo == st->prev.lo && k.hi == st->prev.hi) {
		st->count++;
		if (d->report)
			dd_report(d, st->doc, line, WHY_EXACT, 1, st->fdoc,
			    st->fline, s, n, st->first, st->flen);
		return 0;
	}
	flush(d, st);
	st->have = 1;
	st->prev = k;
	st->count = 1;
	if (counting(d) || d->report) {
		NIB_GROW(st->first, st->fcap, n + 1);
		memcpy(st->first, s, n);
		st->flen = n;
		st->fdoc = st->doc;
		st->fline = line;
	}
	return 1;
}

static void
block(struct dd *d, struct stream *st, const struct nib_block *b)
{
	struct nib_sent ss;
	size_t a, e, nrm = 0, nkept = 0;

	st->skipblank = 0;
	if (!d->sent) {
		if (unit(d, st, b->s, b->len, b->docline)) {
			if (!counting(d)) {
				keeptext(st);
				nib_out_write(b->s, b->len);
				nib_out_putc(NIB_EOL);
			}
		} else
			st->skipblank = d->para;
		return;
	}
	nib_sent_init(&ss, b->s, b->len);
	while (nib_sent_next(&ss, &a, &e))
		if (unit(d, st, b->s + a, e - a, b->docline))
			nkept++;
		else {
			if (nrm == st->rmcap) {
				st->rmcap = st->rmcap * 2 + 16;
				st->rm = nib_realloc(st->rm, st->rmcap, sizeof *st->rm);
			}
			st->rm[nrm].a = a;
			st->rm[nrm++].b = e;
		}
	if (counting(d))
		return;
	if (nkept > 0)
		keeptext(st);	/* a sentence kept is text written */
	if (!dd_emit_block(b->s, b->len, st->rm, nrm))
		st->skipblank = d->para;
}

static void
batchrun(struct dd *d, struct stream *st)
{
	for (size_t i = 0; i < st->nbi; i++) {
		struct bitem *b = &st->bi[i];
		const unsigned char *s = st->bbuf + b->off;
		switch (b->type) {
		case NIB_BLOCK:
			st->skipblank = 0;
			if (fresh(d, b->k)) {
				keeptext(st);
				nib_out_write(s, b->len);
				nib_out_putc(NIB_EOL);
				break;
			}
			st->skipblank = d->para;
			if (d->report)
				dd_report(d, b->doc, b->line, WHY_SEEN, 1, 0, 0, s,
				    b->len, NULL, 0);
			break;
		case NIB_BLANK:
			if (!st->skipblank)
				keepblank(d, st, s, b->len);
			break;
		case NIB_DOCSEP:
			keepsep(d, st);
			break;
		}
	}
	st->nbi = st->blen = 0;
}

static void
batchadd(struct dd *d, struct stream *st, int t, const struct nib_block *b)
{
	struct bitem *bi = &st->bi[st->nbi++];

	NIB_GROW(st->bbuf, st->bcap, st->blen + b->len + 1);
	memcpy(st->bbuf + st->blen, b->s, b->len);
	bi->type = t;
	bi->off = st->blen;
	bi->len = b->len;
	bi->line = b->docline;
	bi->doc = b->doc;
	st->blen += b->len;
	if (t == NIB_BLOCK) {
		bi->k = nib_key_make(&d->kb, d->mode, b->s, b->len);
		nib_hashset_prefetch(&d->set, bi->k);
	}
	if (st->nbi == BATCH || st->blen >= BATCHBYTES)
		batchrun(d, st);
}

void
dd_stream(struct nib_reader *r, void *arg)
{
	struct dd *d = arg;
	struct stream *st = streamof(d);
	struct nib_block b;
	int t;

	if (dd_shards_repeats(d, r))
		return;
	newdoc(st);	/* each file is a document */
	if (d->lead) {	/* --drop goes on where the shard before ended */
		d->lead = 0;
		st->runkept = 1;
		nib_out_docsep();
	}
	if (d->scope != SC_ADJ && !d->sent) {
		while ((t = nib_reader_block(r, d->para, &b)) != NIB_EOF)
			batchadd(d, st, t, &b);
		batchrun(d, st);
		return;
	}
	while ((t = nib_reader_block(r, d->para, &b)) != NIB_EOF) {
		if (b.doc != st->doc) {
			flush(d, st);	/* adjacency ends with the document */
			st->doc = b.doc;
		}
		switch (t) {
		case NIB_BLOCK:
			block(d, st, &b);
			break;
		case NIB_BLANK:
			/* uniq compares blank lines too; elsewhere they are layout. */
			if (d->scope == SC_ADJ && !d->para && !d->sent)
				block(d, st, &b);
			else if (!counting(d) && !st->skipblank)
				keepblank(d, st, b.s, b.len);
			break;
		case NIB_DOCSEP:
			flush(d, st);
			keepsep(d, st);
			break;
		}
	}
}

void
dd_stream_end(struct dd *d)
{
	struct stream *st = streamof(d);

	flush(d, st);
	free(st->blanks);
	free(st->first);
	free(st->rm);
	free(st->bbuf);
	free(st);
	d->held = NULL;
}
