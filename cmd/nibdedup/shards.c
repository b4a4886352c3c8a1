/*
 * Corpus-wide exact dedup across shards, in three stages that are plain
 * commands on plain files (as datatrove does it):
 *
 * --emit-keys: every unit the whole-stream scope (-g) would judge is
 * numbered in input order, from 0, across all the operands of the shard;
 * its key, shard and number go, as "KEYHEX\tSHARD\tUNITNO", into one of
 * N bucket files chosen by the key, each sorted so that sort -m merges
 * the buckets of all shards.  Keys, shards and numbers have fixed widths,
 * so that LC_ALL=C order of the lines is the order of (key, shard, unit).
 * Nothing is written on standard output: every unit is judged a repeat.
 *
 * --find-repeats: over the key lines of one bucket of every shard, merged
 * by sort -m, every line whose key is the line before's is a repeat; its
 * shard and unit are written, so the first in corpus order stays.
 *
 * --drop: the units a list names for this shard are left out and every
 * other unit is kept, with the layout -g writes around kept text.  The
 * first shard (0) keeps the first unit of the corpus, so any shard after
 * it starts as -g goes on: the run has kept text, and one form feed parts
 * the shard from the one before.
 */
#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dedup.h"
#include "mem.h"
#include "opts.h"
#include "out.h"

#define KEYWIDTH 32	/* hex digits of a 128-bit key */
#define SHARDMAX 999999
#define SHARDWIDTH 6
#define UNITWIDTH 12

struct kent {
	uint64_t hi, lo;
	unsigned long long unit;
};

struct shards {
	const char *prefix;	/* --emit-keys: base name of the bucket files */
	const char *dropfile;	/* --drop */
	int find;		/* --find-repeats */
	int have;		/* --find-repeats: prev holds a key */
	char prev[KEYWIDTH];
	unsigned long nbuckets;
	unsigned long shard;
	unsigned long long unit;	/* number of the next unit */
	struct kent *keys;	/* --emit-keys: every unit's key */
	size_t nkeys, keycap;
	unsigned long long *drop;	/* --drop: this shard's units, sorted */
	size_t ndrop, next;
};

static struct shards *
shardsof(struct dd *d)
{
	if (d->sh == NULL) {
		d->sh = nib_calloc(1, sizeof *d->sh);
		d->sh->nbuckets = DD_BUCKETS;
	}
	return d->sh;
}

void
dd_shards_opt(struct dd *d, int ch, const char *arg)
{
	struct shards *sh = shardsof(d);

	switch (ch) {
	case DD_O_EMIT:
		if (*arg == '\0')
			errx(2, "--emit-keys: the base name is empty");
		sh->prefix = arg;
		break;
	case DD_O_BUCKETS:
		sh->nbuckets = (unsigned long)nib_num(arg, 1, 10000, "--buckets");
		break;
	case DD_O_SHARD:
		sh->shard = (unsigned long)nib_num(arg, 0, SHARDMAX, "--shard");
		break;
	case DD_O_DROP:
		sh->dropfile = arg;
		break;
	case DD_O_REPEATS:
		sh->find = 1;
		break;
	}
}

static int
ullcmp(const void *a, const void *b)
{
	const unsigned long long *x = a, *y = b;

	return (*x > *y) - (*x < *y);
}

/* Parses "SHARD\tUNITNO" at line lineno of the drop list into *shard, *unit. */
static void
dropline(const struct shards *sh, char *s, unsigned long lineno,
    unsigned long long *shard, unsigned long long *unit)
{
	char *e;

	errno = 0;
	if (*s >= '0' && *s <= '9') {
		*shard = strtoull(s, &e, 10);
		if (errno == 0 && *e == '\t' && e[1] >= '0' && e[1] <= '9') {
			*unit = strtoull(e + 1, &e, 10);
			if (errno == 0 && (*e == '\n' || *e == '\0'))
				return;
		}
	}
	errx(2, "%s:%lu: not a line SHARD<TAB>UNITNO", sh->dropfile, lineno);
}

/* Loads the units the drop list names for this shard, in order, once each. */
static void
loaddrop(struct shards *sh)
{
	FILE *f;
	char *line = NULL;
	size_t cap = 0, cap2 = 0, j = 0;
	unsigned long lineno = 0;
	unsigned long long shard, unit;

	if ((f = fopen(sh->dropfile, "r")) == NULL)
		err(2, "%s", sh->dropfile);
	while (getline(&line, &cap, f) != -1) {
		dropline(sh, line, ++lineno, &shard, &unit);
		if (shard != sh->shard)
			continue;	/* one list can serve every shard */
		NIB_GROW(sh->drop, cap2, sh->ndrop + 1);
		sh->drop[sh->ndrop++] = unit;
	}
	if (ferror(f))
		err(2, "%s", sh->dropfile);
	fclose(f);
	free(line);
	if (sh->ndrop > 0)
		qsort(sh->drop, sh->ndrop, sizeof *sh->drop, ullcmp);
	for (size_t i = 0; i < sh->ndrop; i++)
		if (j == 0 || sh->drop[j - 1] != sh->drop[i])
			sh->drop[j++] = sh->drop[i];
	sh->ndrop = j;
}

void
dd_shards_start(struct dd *d, const char *state, const char *report)
{
	struct shards *sh = d->sh;

	if (sh == NULL)
		return;
	if (!!sh->prefix + !!sh->dropfile + sh->find > 1)
		errx(2, "--emit-keys, --find-repeats and --drop are stages apart: one at a time");
	if (!sh->prefix && !sh->dropfile && !sh->find)
		errx(2, "--buckets and --shard need --emit-keys or --drop");
	if (sh->find && (d->sent || d->para || d->mode != NIB_KEY_FOLD || report))
		errx(2, "--find-repeats reads key lines: no unit or key options");
	if (d->scope == SC_ADJ || d->scope == SC_WIN)
		errx(2, "--emit-keys and --drop judge as -g: not with --adjacent or --window");
	if (state)
		errx(2, "--emit-keys and --drop keep no keys: not with --state");
	if (sh->prefix && report)
		errx(2, "--emit-keys writes no text, so it reports no removal");
	d->scope = SC_ALL;
	if (sh->dropfile) {
		loaddrop(sh);
		d->lead = sh->shard > 0;
	}
}

int
dd_shards_unit(struct shards *sh, struct nib_key k)
{
	unsigned long long u = sh->unit++;

	if (sh->prefix) {
		NIB_GROW(sh->keys, sh->keycap, sh->nkeys + 1);
		sh->keys[sh->nkeys].hi = k.hi;
		sh->keys[sh->nkeys].lo = k.lo;
		sh->keys[sh->nkeys++].unit = u;
		return 0;
	}
	if (sh->next < sh->ndrop && sh->drop[sh->next] == u) {
		sh->next++;
		return 0;
	}
	return 1;
}

/* The bucket of a key: bits of the hash, uniform as it is. */
static unsigned long
bucketof(uint64_t hi, unsigned long nbuckets)
{
	return (unsigned long)((hi >> 16) % nbuckets);
}

static unsigned long sortbuckets;	/* qsort(3) takes no argument */

/* Bucket, then the order of the lines the entries make: key, then unit. */
static int
kentcmp(const void *a, const void *b)
{
	const struct kent *x = a, *y = b;
	unsigned long bx = bucketof(x->hi, sortbuckets);
	unsigned long by = bucketof(y->hi, sortbuckets);

	if (bx != by)
		return bx < by ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return (x->unit > y->unit) - (x->unit < y->unit);
}

/* Writes every bucket file, the empty ones too, so that globs find them. */
static void
writekeys(struct shards *sh)
{
	int w = 2;
	size_t i = 0, plen = strlen(sh->prefix) + 16;
	char *path = nib_realloc(NULL, plen, 1);

	for (unsigned long n = sh->nbuckets - 1; n >= 100; n /= 10)
		w++;
	sortbuckets = sh->nbuckets;
	if (sh->nkeys > 0)
		qsort(sh->keys, sh->nkeys, sizeof *sh->keys, kentcmp);
	for (unsigned long b = 0; b < sh->nbuckets; b++) {
		FILE *f;

		if (snprintf(path, plen, "%s.%0*lu", sh->prefix, w, b) >= (int)plen)
			errx(2, "%s: name too long", sh->prefix);
		if ((f = fopen(path, "w")) == NULL)
			err(2, "%s", path);
		for (; i < sh->nkeys && bucketof(sh->keys[i].hi, sh->nbuckets) == b; i++)
			fprintf(f, "%016" PRIx64 "%016" PRIx64 "\t%0*lu\t%0*llu\n",
			    sh->keys[i].hi, sh->keys[i].lo, SHARDWIDTH,
			    sh->shard, UNITWIDTH, sh->keys[i].unit);
		if (fflush(f) == EOF || ferror(f) || fclose(f) == EOF)
			errx(2, "%s: write error", path);
	}
	free(path);
}

int
dd_shards_end(struct dd *d)
{
	struct shards *sh = d->sh;
	int rc = 0;

	if (sh == NULL)
		return 0;
	if (sh->prefix)
		writekeys(sh);
	else if (sh->next < sh->ndrop) {
		warnx("%s: unit %llu of shard %lu is past the end of the input",
		    sh->dropfile, sh->drop[sh->next], sh->shard);
		rc = 2;
	}
	free(sh->keys);
	free(sh->drop);
	free(sh);
	d->sh = NULL;
	return rc;
}

/* A key line: 32 lowercase hex digits, a tab, digits, a tab, digits. */
static int
keyline(const unsigned char *s, size_t n)
{
	size_t i, tabs = 0;

	if (n < KEYWIDTH + 4)
		return 0;
	for (i = 0; i < KEYWIDTH; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	for (; i < n; i++) {
		if (s[i] == '\t' && s[i - 1] != '\t' && i + 1 < n)
			tabs++;
		else if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	return tabs == 2;
}

int
dd_shards_repeats(struct dd *d, struct nib_reader *r)
{
	struct shards *sh = d->sh;
	const unsigned char *s;
	size_t n;
	int t, c;

	if (sh == NULL || !sh->find)
		return 0;
	while ((t = nib_reader_line(r, &s, &n)) != NIB_EOF) {
		if (t != NIB_LINE || !keyline(s, n))
			nib_errl(2, r, "not a line KEYHEX<TAB>SHARD<TAB>UNITNO");
		c = sh->have ? memcmp(s, sh->prev, KEYWIDTH) : 1;
		if (c < 0)
			nib_errl(2, r, "keys out of order: merge with LC_ALL=C sort -m");
		if (c == 0) {
			nib_out_write(s + KEYWIDTH + 1, n - KEYWIDTH - 1);
			nib_out_putc(NIB_EOL);
		}
		memcpy(sh->prev, s, KEYWIDTH);
		sh->have = 1;
	}
	return 1;
}
