/* nibdedup: remove repeated lines, sentences, glued prefixes and captions. */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nibdedup/dedup.h"
#include "opts.h"
#include "out.h"

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
#define THRESHOLD 0.9
#define MINWORDS 6

enum { O_STATE = 0x200, O_MAXKEYS, O_MAXDOC, O_REPORT, O_MINWORDS };

static const struct option longopts[] = {
	{ "adjacent", no_argument, NULL, 'a' },
	{ "global", no_argument, NULL, 'g' },
	{ "window", required_argument, NULL, 'w' },
	{ "exact", no_argument, NULL, 'x' },
	{ "ignore-case", no_argument, NULL, 'i' },
	{ "sentences", no_argument, NULL, 's' },
	{ "paragraphs", no_argument, NULL, 'P' },
	{ "threshold", required_argument, NULL, 't' },
	{ "count", no_argument, NULL, 'c' },
	{ "repeated", no_argument, NULL, 'd' },
	{ "unique", no_argument, NULL, 'u' },
	{ "report", optional_argument, NULL, O_REPORT },
	{ "state", required_argument, NULL, O_STATE },
	{ "max-keys", required_argument, NULL, O_MAXKEYS },
	{ "max-doc", required_argument, NULL, O_MAXDOC },
	{ "min-words", required_argument, NULL, O_MINWORDS },
	NIB_LONGOPTS_COMMON,
	{ NULL, 0, NULL, 0 }
};

static double
threshold(const char *s)
{
	char *end;
	double t = strtod(s, &end);

	if (*s == '\0' || *end != '\0' || !(t >= 0 && t <= 1))
		errx(2, "-t: '%s' is invalid (0 to 1)", s);
	return t;
}

/* A size in bytes, with an optional K, M or G. */
static size_t
size(const char *s, const char *what)
{
	size_t n = strlen(s), mul = 1;
	char buf[32];

	if (n > 0 && n < sizeof buf && strchr("kKmMgG", s[n - 1]) != NULL) {
		mul = strchr("kK", s[n - 1]) ? 1 << 10 : strchr("mM", s[n - 1]) ?
		    1 << 20 : 1 << 30;
		memcpy(buf, s, n - 1);
		buf[n - 1] = '\0';
		s = buf;
	}
	return (size_t)nib_num(s, 1, (long long)(((size_t)1 << 62) / mul), what) * mul;
}

int
main(int argc, char *argv[])
{
	struct dd d = { .scope = SC_DOC, .t = THRESHOLD, .minwords = MINWORDS,
	    .maxdoc = (size_t)256 << 20 };
	const char *state = NULL, *report = NULL;
	size_t window = 0, maxkeys = 0;
	int ch, scopes = 0, icase = 0, rc;

	nib_usage_text = "[-acdgiPsux] [-t threshold] [-w units] [-r | --report[=file]]\n"
	    "\t[--state file [--max-keys n]] [--max-doc bytes] [--min-words n] [file ...]";
	while ((ch = getopt_long(argc, argv, "acdghiPrst:uw:x", longopts, NULL)) != -1)
		switch (ch) {
		case 'a': d.scope = SC_ADJ; scopes++; break;
		case 'g': d.scope = SC_ALL; scopes++; break;
		case 'w':
			d.scope = SC_WIN;
			scopes++;
			window = (size_t)nib_num(optarg, 1, 1LL << 40, "-w");
			break;
		case 'x': d.mode = NIB_KEY_EXACT; break;
		case 'i': icase = 1; break;
		case 's': d.sent = 1; break;
		case 'P': d.para = 1; break;
		case 't': d.t = threshold(optarg); break;
		case 'c': d.count = 1; break;
		case 'd': d.dups = 1; break;
		case 'u': d.uniqs = 1; break;
		case 'r': report = "-"; break;
		case O_REPORT: report = optarg ? optarg : "-"; break;
		case O_STATE: state = optarg; break;
		case O_MAXKEYS:
			maxkeys = (size_t)nib_num(optarg, 1, 1LL << 40, "--max-keys");
			break;
		case O_MAXDOC: d.maxdoc = size(optarg, "--max-doc"); break;
		case O_MINWORDS:
			d.minwords = (size_t)nib_num(optarg, 2, 1000, "--min-words");
			break;
		default:
			nib_opt_common(ch);
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
