/* nibdedup: remove repeated lines, sentences, glued prefixes and captions. */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nibdedup/dedup.h"
#include "opts.h"
#include "out.h"

enum { O_STATE = NIB_OPT_LONG, O_MAXKEYS, O_MAXDOC, O_REPORT, O_MINWORDS, O_ADJ,
    O_WINDOW };

static struct dd d = { .scope = SC_DOC, .t = DD_THRESHOLD,
    .minwords = DD_MINWORDS, .maxdoc = (size_t)256 << 20 };
static int icase, header, xflag;

/* uniq's -s, -w, -f, -D and -z are not used: their letters stay uniq's. */
static const struct nib_opt options[] = {
	{ O_ADJ, "adjacent", NULL, "compare adjacent units only, as uniq does", NULL },
	{ 'g', "global", NULL, "compare over the whole stream", NULL },
	{ O_WINDOW, "window", "units", "compare with the last units units", NULL },
	{ 'x', "exact", NULL, "compare exact bytes (no folding, prefixes or near repeats)", &xflag },
	{ 'i', "ignore-case", NULL, "with -x, ignore case", &icase },
	{ NIB_OPT_LONG + 20, "sentences", NULL, "sentences are the units", &d.sent },
	{ 'P', "paragraphs", NULL, "blocks are blank-line paragraphs", &d.para },
	{ 't', "threshold", "t", "near repeats: share of words contained (0 to 1; 0: off)", NULL },
	{ 'c', "count", NULL, "prefix each unit with its count (as uniq -c)", &d.count },
	{ 'd', "repeated", NULL, "print only repeated units, once (as uniq -d)", &d.dups },
	{ 'u', "unique", NULL, "print only units not repeated (as uniq -u)", &d.uniqs },
	{ 'r', NULL, NULL, "report each removal on stderr", NULL },
	{ O_REPORT, "report", "file", "report each removal to file", NULL },
	{ 'j', "json", NULL, "report records as JSON Lines", &d.json },
	{ 'H', "header", NULL, "report: a header line with the field names first", &header },
	{ 'z', "zero-terminated", NULL, "records end in NUL, not a line end (as uniq -z)",
	    &nib_zflag },
	{ O_STATE, "state", "file", "keep the keys seen across runs in file", NULL },
	{ O_MAXKEYS, "max-keys", "n", "keep at most n keys (-g, --state)", NULL },
	{ O_MAXDOC, "max-doc", "size", "leave out documents longer than size (256M)", NULL },
	{ O_MINWORDS, "min-words", "n", "near repeats need n words or more (6)", NULL },
	{ DD_O_EMIT, "emit-keys", "base", "write the keys of -g's units to bucket files", NULL },
	{ DD_O_BUCKETS, "buckets", "n", "--emit-keys: n bucket files (16)", NULL },
	{ DD_O_SHARD, "shard", "id", "the shard's number, from 0 in corpus order", NULL },
	{ DD_O_DROP, "drop", "file", "as -g, leaving out the units file names", NULL },
	{ DD_O_REPEATS, "find-repeats", NULL, "name the repeats in merged key lines", NULL },
	NIB_OPTS_JSONL,
	{ 0, NULL, NULL, NULL, NULL }
};

/* Each operand to the engine, its name noted for the report. */
static void
perfile(struct nib_reader *r, void *arg)
{
	d.file = r->path;
	if (d.scope == SC_DOC)
		dd_doc(r, arg);
	else
		dd_stream(r, arg);
}

/* Exits 2 when the options asked for cannot be met together. */
static void
check(const char *state, size_t maxkeys)
{
	if (state && (d.scope == SC_ADJ || d.scope == SC_WIN))
		errx(2, "--state works on the whole stream: not with --adjacent or --window");
	if ((d.count || d.dups || d.uniqs) && (d.scope == SC_ALL || d.scope == SC_WIN ||
	    state))
		errx(2, "-c, -d and -u need --adjacent or the per-document scope");
	if (maxkeys && d.scope != SC_ALL && !state)
		errx(2, "--max-keys needs -g or --state");
}

int
main(int argc, char *argv[])
{
	const char *state = NULL, *report = NULL;
	size_t window = 0, maxkeys = 0;
	int ch, rc;

	nib_usage_text = "[-cdgHijPruxz] [--adjacent | --window units] [--sentences]\n"
	    "\t[-t threshold] [--report file] [--state file [--max-keys n]]\n"
	    "\t[--max-doc size] [--min-words n] [--shard id] [--emit-keys base\n"
	    "\t[--buckets n] | --drop file | --find-repeats] [file ...]";
	while ((ch = nib_getopt(argc, argv, options)) != -1) {
		switch (ch) {
		case O_ADJ:
		case 'g':
			d.scope = ch == 'g' ? SC_ALL : SC_ADJ;
			break;
		case O_WINDOW:
			d.scope = SC_WIN;
			window = (size_t)nib_num(optarg, 1, 1LL << 40, "--window");
			break;
		case 't':
			d.t = nib_ratio(optarg, "-t");
			break;
		case 'r':
		case O_REPORT:
			report = ch == 'r' ? "-" : optarg;
			break;
		case O_STATE:
			state = optarg;
			break;
		case O_MAXKEYS:
			maxkeys = (size_t)nib_num(optarg, 1, 1LL << 40, "--max-keys");
			break;
		case O_MAXDOC:
			d.maxdoc = nib_size(optarg, "--max-doc");
			break;
		case O_MINWORDS:
			d.minwords = (size_t)nib_num(optarg, 2, 1000, "--min-words");
			break;
		default:
			dd_shards_opt(&d, ch, optarg);
		}
	}
	if (xflag)	/* folded keys ignore case already */
		d.mode = icase ? NIB_KEY_CASE : NIB_KEY_EXACT;
	dd_shards_start(&d, state, report);
	check(state, maxkeys);
	if (state)
		d.scope = SC_ALL;
	if (report && strcmp(report, "-") == 0)
		d.report = stderr;
	else if (report && (d.report = fopen(report, "w")) == NULL)
		err(2, "%s", report);
	if (d.report && header && !d.json)
		dd_report_header(&d);
	nib_hashset_init(&d.set, d.scope == SC_WIN ? window : maxkeys, state != NULL);
	if (state)
		dd_state_open(&d, state);
	rc = nib_each_file(argc - optind, argv + optind, perfile, &d);
	if (d.scope == SC_DOC)
		dd_doc_end(&d);
	else
		dd_stream_end(&d);
	if (dd_shards_end(&d) || d.toolong)
		rc = 2;
	nib_out_close();
	if (d.report && (fflush(d.report) == EOF || ferror(d.report) ||
	    (d.report != stderr && fclose(d.report) == EOF)))
		errx(2, "%s: write error", report);
	/* Keys are kept only for output that reached its reader. */
	if (state && rc == 0)
		dd_state_close(&d);
	nib_hashset_free(&d.set);
	nib_keybuf_free(&d.kb);
	return rc;
}
