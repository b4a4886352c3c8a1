/*
 * nibnorm: repair and normalize text, line by line.
 *
 * The work is cmd/nibnorm/'s (norm.h); this file reads lines, writes each result
 * with an LF, passes form-feed lines through, squeezes blank lines (-s),
 * reports counts (-v) and stops at the first invalid byte (-S).
 */
#include <err.h>
#include <stdlib.h>

#include "nibnorm/norm.h"
#include "opts.h"
#include "out.h"
#include "reader.h"

static int sflag, vflag, Sflag;
static struct nib_norm *nm;

static const struct option longopts[] = {
	{ "ascii", no_argument, NULL, 'a' },
	{ "no-entities", no_argument, NULL, 'E' },
	{ "nfkc", no_argument, NULL, 'K' },
	{ "no-mojibake", no_argument, NULL, 'M' },
	{ "squeeze-blank", no_argument, NULL, 's' },
	{ "strict", no_argument, NULL, 'S' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "windows-1252", no_argument, NULL, 'W' },
	NIB_LONGOPTS_COMMON,
	{ NULL, 0, NULL, 0 }
};

static void
report(const char *name, const struct nib_norm_stats *a,
    const struct nib_norm_stats *b)
{
	warnx("%s: %llu invalid, %llu entities, %llu mojibake, %llu removed",
	    name, b->invalid - a->invalid, b->entities - a->entities,
	    b->mojibake - a->mojibake, b->removed - a->removed);
}

static void
normfile(struct nib_reader *r, void *arg)
{
	struct nib_norm_stats before = nm->stats;
	const unsigned char *s, *o;
	size_t len, olen;
	int t, blank = 0;

	(void)arg;
	while ((t = nib_reader_line(r, &s, &len)) != NIB_EOF) {
		if (t == NIB_DOCSEP) {
			nib_out_write("\f\n", 2);
			blank = 0;
			continue;
		}
		o = nib_norm_line(nm, s, len, &olen);
		if (Sflag && nm->badoff >= 0) {
			nib_out_flush();
			warnx("%s:%lu: invalid UTF-8 at byte offset %llu", r->name,
			    r->line, (unsigned long long)(r->docstart + r->off) +
			    (unsigned long long)nm->badoff);
			nib_out_close();
			exit(1);
		}
		if (olen == 0) {
			if (sflag && blank)
				continue;
			blank = 1;
		} else
			blank = 0;
		nib_out_write(o, olen);
		nib_out_putc('\n');
	}
	if (vflag)
		report(r->name, &before, &nm->stats);
}

int
main(int argc, char *argv[])
{
	int ch, rc, flags = 0;

	nib_usage_text = "[-aEKMSsvW] [file ...]\n"
	    "  -a, --ascii          fold typographic punctuation to ASCII\n"
	    "  -E, --no-entities    leave HTML entities as they are\n"
	    "  -K, --nfkc           NFKC instead of NFC\n"
	    "  -M, --no-mojibake    leave mojibake as it is\n"
	    "  -S, --strict         exit 1 at the first invalid UTF-8 byte\n"
	    "  -s, --squeeze-blank  squeeze runs of blank lines into one\n"
	    "  -v, --verbose        print counts of repairs on stderr\n"
	    "  -W, --windows-1252   read invalid bytes as Windows-1252, not U+FFFD";
	while ((ch = getopt_long(argc, argv, "aEhKMsSvW", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			flags |= NIB_NORM_ASCII;
			break;
		case 'E':
			flags |= NIB_NORM_NOENT;
			break;
		case 'K':
			flags |= NIB_NORM_NFKC;
			break;
		case 'M':
			flags |= NIB_NORM_NOMOJI;
			break;
		case 's':
			sflag = 1;
			break;
		case 'S':
			Sflag = 1;
			break;
		case 'v':
			vflag = 1;
			break;
		case 'W':
			flags |= NIB_NORM_CP1252;
			break;
		default:
			nib_opt_common(ch);
		}
	}
	argc -= optind;
	argv += optind;
	nm = nib_norm_new(flags);
	rc = nib_each_file(argc, argv, normfile, NULL);
	nib_norm_free(nm);
	nib_out_close();
	return rc;
}
