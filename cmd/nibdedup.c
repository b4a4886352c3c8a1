/* nibdedup: remove repeated lines, sentences, glued prefixes and captions. */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nibdedup/dedup.h"
#include "opts.h"
#include "out.h"

enum { O_STATE = NIB_OPT_LONG, O_MAXKEYS, O_MAXDOC, O_REPORT, O_MINWORDS };

static const struct nib_opt options[] = {
	{ 'a', "adjacent", NULL, "compare adjacent units only, as uniq does" },
	{ 'g', "global", NULL, "compare over the whole stream" },
	{ 'w', "window", "units", "compare with the last units units" },
	{ 'x', "exact", NULL, "compare exact bytes (no folding, prefixes or near repeats)" },
	{ 'i', "ignore-case", NULL, "with -x, ignore case" },
	{ 's', "sentences", NULL, "sentences are the units" },
	{ 'P', "paragraphs", NULL, "blocks are blank-line paragraphs" },
	{ 't', "threshold", "t", "near repeats: share of words contained (0 to 1; 0: off)" },
	{ 'c', "count", NULL, "prefix each unit with its count (as uniq -c)" },
	{ 'd', "repeated", NULL, "print only repeated units, once (as uniq -d)" },
	{ 'u', "unique", NULL, "print only units that are not repeated (as uniq -u)" },
	{ 'r', NULL, NULL, "report each removal on stderr" },
	{ O_REPORT, "report", "file", "report each removal to file" },
	{ O_STATE, "state", "file", "keep the keys seen across runs in file" },
	{ O_MAXKEYS, "max-keys", "n", "keep at most n keys (-g, --state)" },
	{ O_MAXDOC, "max-doc", "bytes", "leave out documents longer than bytes (256M)" },
	{ O_MINWORDS, "min-words", "n", "near repeats need n words or more (6)" },
	{ 0, NULL, NULL, NULL }
};

int
main(int argc, char *argv[])
{
	struct dd d = { .scope = SC_DOC, .t = DD_THRESHOLD,
	    .minwords = DD_MINWORDS,
	    .maxdoc = (size_t)256 << 20 };
	const char *state = NULL, *report = NULL;
	size_t window = 0, maxkeys = 0;
	int ch, scopes = 0, icase = 0, rc;

	nib_usage_text = "[-acdgiPsux] [-t threshold] [-w units] [-r | --report file]\n"
	    "\t[--state file [--max-keys n]] [--max-doc bytes] [--min-words n] [file ...]";
	while ((ch = nib_getopt(argc, argv, options)) != -1) {
		switch (ch) {
		case 'a':
			d.scope = SC_ADJ;
			scopes++;
			break;
		case 'g':
			d.scope = SC_ALL;
			scopes++;
			break;
		case 'w':
			d.scope = SC_WIN;
			scopes++;
			window = (size_t)nib_num(optarg, 1, 1LL << 40, "-w");
			break;
		case 'x':
			d.mode = NIB_KEY_EXACT;
			break;
		case 'i':
			icase = 1;
			break;
		case 's':
			d.sent = 1;
			break;
		case 'P':
			d.para = 1;
			break;
		case 't':
			d.t = nib_ratio(optarg, "-t");
			break;
		case 'c':
			d.count = 1;
			break;
		case 'd':
			d.dups = 1;
			break;
		case 'u':
			d.uniqs = 1;
			break;
		case 'r':
			report = "-";
			break;
		case O_REPORT:
			report = optarg;
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
		}
	}
	argc -= optind;
	argv += optind;
	if (icase && d.mode == NIB_KEY_EXACT)
		d.mode = NIB_KEY_CASE;	/* folded keys ignore case already */
	if (scopes > 1)
		errx(2, "-a, -g and -w are exclusive");
	if (state && (d.scope == SC_ADJ || d.scope == SC_WIN))
		errx(2, "--state works on the whole stream: not with -a or -w");
	if (state)
		d.scope = SC_ALL;
	if ((d.count || d.dups || d.uniqs) && (d.scope == SC_ALL || d.scope == SC_WIN))
		errx(2, "-c, -d and -u need -a or the per-document scope");
	if (maxkeys && d.scope != SC_ALL)
		errx(2, "--max-keys needs -g or --state");
	if (report && strcmp(report, "-") == 0)
		d.report = stderr;
	else if (report && (d.report = fopen(report, "w")) == NULL)
		err(2, "%s", report);
	nib_hashset_init(&d.set, d.scope == SC_WIN ? window : maxkeys, state != NULL);
	if (state)
		dd_state_open(&d, state);
	if (d.scope == SC_DOC) {
		rc = nib_each_file(argc, argv, dd_doc, &d);
		dd_doc_end(&d);
		if (d.toolong)
			rc = 2;
	} else {
		rc = nib_each_file(argc, argv, dd_stream, &d);
		dd_stream_end(&d);
	}
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
