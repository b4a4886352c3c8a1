/*
 * nibdedup's engines: stream.c (adjacent, whole-stream, window and state
 * scopes: one block at a time), doc.c (per-document scope: exact repeats,
 * glued prefixes and near repeats over a held document), emit.c (what both
 * write), state.c (the --state file), shards.c (dedup across shards:
 * --emit-keys and --drop).
 */
#ifndef NIBDEDUP_H
#define NIBDEDUP_H
#include <stddef.h>
#include <stdio.h>

#include "hashset.h"
#include "keys.h"
#include "opts.h"
#include "reader.h"

/*
 * Chosen on the 121 real pages of ../shared/bench/pages: of the sentences
 * removed as near repeats that the true article body holds, and of the
 * captions removed whose longer sentence it holds, t 0.7 gives 85 lost
 * and 35 caught, 0.8: 51 and 31, 0.9: 26 and 30, 1: 20 and 28 (those 20
 * are verbatim repeats such as pull quotes, which no threshold keeps).
 * min-words 6 at 0.9: 26 and 30; 5: 29 and 33; 8: 23 and 29.  In the
 * pipeline nibnorm | nibstrip | nibdedup | nibsplit -s body, F1 is 0.914
 * without near repeats, 0.914 at t 0.8, 0.915 at 0.9, 0.95 and 1; 0.9
 * still catches a caption that drops one word of its sentence.
 */
#define DD_THRESHOLD 0.9
#define DD_MINWORDS 6

#define DD_BUCKETS 16	/* --emit-keys: bucket files a shard writes */

enum { SC_DOC, SC_ADJ, SC_ALL, SC_WIN };
/* The options of shards.c, which dd_shards_opt() takes. */
enum { DD_O_EMIT = NIB_OPT_LONG + 0x80, DD_O_BUCKETS, DD_O_SHARD, DD_O_DROP,
    DD_O_REPEATS };
enum { WHY_EXACT, WHY_PREFIX, WHY_NEAR, WHY_SEEN };

struct dd {
	int scope;
	int mode;		/* enum nib_keymode */
	int sent;		/* -s: sentences are the units */
	int para;		/* -P: paragraphs are the blocks */
	int count, dups, uniqs;	/* -c, -d, -u */
	double t;		/* near-repeat threshold; 0: none */
	size_t minwords;	/* fewer words: exact repeats only */
	size_t maxdoc;
	int toolong;		/* a document over maxdoc was left out */
	FILE *report;		/* -r, or NULL */
	int json;		/* -j: report records in JSON */
	const char *file;	/* the operand being read, for the report */
	struct nib_hashset set;	/* whole stream, window, state */
	struct nib_keybuf kb;
	void *held;		/* what the scope holds between files */
	struct shards *sh;	/* --emit-keys or --drop, or NULL */
	int lead;		/* --drop: a shard came before (see shards.c) */
};

/* One span of a block to leave out, as byte offsets into the block. */
struct span {
	size_t a, b;
};

void dd_stream(struct nib_reader *r, void *arg);
void dd_stream_end(struct dd *d);
void dd_doc(struct nib_reader *r, void *arg);
void dd_doc_end(struct dd *d);

/*
 * Writes block s[0..n) and its line end, leaving out the spans in rm
 * (sorted, not overlapping): a span takes the white space after it, or
 * before it at the end of the block.  Writes nothing and returns 0 when
 * nothing but white space is left; else returns 1.
 */
int dd_emit_block(const unsigned char *s, size_t n, struct span *rm, size_t nrm);
/* Writes a unit on a line of its own, with its count for -c. */
void dd_emit_unit(const struct dd *d, unsigned long count,
    const unsigned char *s, size_t n);
/*
 * Writes a record of the -r report: where the removed text was, why, the
 * containment score, where the text it repeats is (ofline 0: unknown) and
 * both texts.
 */
/* The TSV report's header line. */
void dd_report_header(const struct dd *d);
void dd_report(const struct dd *d, unsigned long doc, unsigned long line,
    int why, double score, unsigned long ofdoc, unsigned long ofline,
    const unsigned char *s, size_t n, const unsigned char *of, size_t ofn);

/* Takes one of the DD_O_ options and its argument. */
void dd_shards_opt(struct dd *d, int ch, const char *arg);
/*
 * After the options: exits 2 when the shard options cannot be met
 * together (state, report: the --state and report files, or NULL), sets
 * the whole-stream scope and loads the --drop list.
 */
void dd_shards_start(struct dd *d, const char *state, const char *report);
/*
 * Judges the next unit, key k, for the whole-stream scope: returns 1 to
 * keep it.  Under --emit-keys every unit is noted and none kept.
 */
int dd_shards_unit(struct shards *sh, struct nib_key k);
/*
 * --find-repeats: reads the key lines of r, writing those of repeats;
 * returns 0 (reading nothing) when that is not the stage asked for.
 */
int dd_shards_repeats(struct dd *d, struct nib_reader *r);
/*
 * After the input: writes the bucket files of --emit-keys, or warns of
 * units --drop named past the end of the input.  Returns the exit status.
 */
int dd_shards_end(struct dd *d);

/*
 * The --state file: a lock held from dd_state_open() to dd_state_close(),
 * the keys of earlier runs loaded into d->set.  Any fault in the file ends
 * the run with a message and exit status 2.
 */
void dd_state_open(struct dd *d, const char *path);
/* Writes d->set to a temporary file, renames it over the state, unlocks. */
void dd_state_close(struct dd *d);
/*
 * Parses a state file image p[0..n) made under key mode into h (keys
 * added oldest first).  Returns NULL, or a message saying what is wrong.
 */
const char *dd_state_parse(const unsigned char *p, size_t n, int mode,
    struct nib_hashset *h);

#endif
