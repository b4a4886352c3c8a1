/*
 * nibnorm: repair and normalize text, line by line.
 *
 * The work is common/norm.c's; this file reads lines, writes each result
 * with an LF, passes form-feed lines through, squeezes blank lines (-s),
 * reports counts (-v) and stops at the first invalid byte (-S).
 */
#include <err.h>
#include <stdlib.h>

#include "norm.h"
#include "opts.h"
#include "out.h"
#include "reader.h"

static int sflag, vflag, Sflag;
static struct nib_norm *nm;

static const struct nib_opt options[] = {
	{ 'a', "ascii", NULL, "fold typographic punctuation to ASCII" },
	{ 'E', "no-entities", NULL, "leave HTML entities as they are" },
	{ 'K', "nfkc", NULL, "NFKC instead of NFC" },
	{ 'M', "no-mojibake", NULL, "leave mojibake as it is" },
	{ 'S', "strict", NULL, "exit 1 at the first invalid UTF-8 byte" },
	{ 's', "squeeze-blank", NULL, "squeeze runs of blank lines into one" },
	{ 'v', "verbose", NULL, "print counts of repairs on stderr" },
	{ 'W', "windows-1252", NULL, "read invalid bytes as Windows-1252, not U+FFFD" },
	{ 0, NULL, NULL, NULL }
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

	nib_usage_text = "[-aEKMSsvW] [file ...]";
	while ((ch = nib_getopt(argc, argv, options)) != -1) {
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
