/*
 * nibnorm: repair and normalize text, line by line.
 *
 * The work is cmd/nibnorm/'s (norm.h); this file reads lines, writes each result
 * with an LF, passes form-feed lines through, squeezes blank lines
 * (--squeeze-blank), reports counts of repairs per document (--counts)
 * and stops at the first invalid byte (-S).
 */
#include <err.h>
#include <stdlib.h>
#include <unistd.h>

#include "nibnorm/norm.h"
#include "opts.h"
#include "out.h"
#include "reader.h"
#include "rec.h"

enum { O_SQUEEZE = NIB_OPT_LONG, O_COUNTS };

static int sflag, cflag, Sflag, jflag, Hflag;
static struct nib_norm *nm;
static struct nib_norm_stats before;	/* the counts when the document began */

static const struct nib_opt options[] = {
	{ 'a', "ascii", NULL, "fold typographic punctuation to ASCII", NULL },
	{ 'E', "no-entities", NULL, "leave HTML entities as they are", NULL },
	{ 'K', "nfkc", NULL, "NFKC instead of NFC", NULL },
	{ 'M', "no-mojibake", NULL, "leave mojibake as it is", NULL },
	{ 'S', "strict", NULL, "exit 1 at the first invalid UTF-8 byte", &Sflag },
	{ O_SQUEEZE, "squeeze-blank", NULL, "squeeze runs of blank lines into one", &sflag },
	{ O_COUNTS, "counts", NULL, "write counts of repairs per document on stderr", &cflag },
	{ 'j', "json", NULL, "--counts records as JSON Lines", &jflag },
	{ 'H', "header", NULL, "--counts records: a header line first", &Hflag },
	{ 'z', "zero-terminated", NULL, "records end in NUL, not a line end",
	    &nib_zflag },
	{ 'W', "windows-1252", NULL, "read invalid bytes as Windows-1252, not U+FFFD", NULL },
	NIB_OPTS_JSONL,
	{ 0, NULL, NULL, NULL, NULL }
};

static const char *const keys[] = { "doc", "file", "invalid", "entities",
    "mojibake", "removed", NULL };

/* The repairs made in document doc of r, as one record on stderr. */
static void
counts(const struct nib_reader *r, unsigned long doc)
{
	static struct nib_rec rec;
	const struct nib_norm_stats *b = &before, *a = &nm->stats;

	nib_rec_begin(&rec, jflag);
	nib_rec_num(&rec, "doc", doc);
	nib_rec_cstr(&rec, "file", r->path);
	nib_rec_num(&rec, "invalid", a->invalid - b->invalid);
	nib_rec_num(&rec, "entities", a->entities - b->entities);
	nib_rec_num(&rec, "mojibake", a->mojibake - b->mojibake);
	nib_rec_num(&rec, "removed", a->removed - b->removed);
	nib_rec_put(&rec, STDERR_FILENO);
	before = nm->stats;
}

static void
normfile(struct nib_reader *r, void *arg)
{
	const unsigned char *s, *o;
	unsigned long doc = r->doc;
	size_t len, olen;
	int t, blank = 0;

	(void)arg;
	while ((t = nib_reader_line(r, &s, &len)) != NIB_EOF) {
		if (t == NIB_DOCSEP) {
			if (cflag && r->line > 0)
				counts(r, doc);
			doc = r->doc;
			nib_out_docsep();
			blank = 0;
			continue;
		}
		o = nib_norm_line(nm, s, len, &olen);
		if (Sflag && nm->badoff >= 0) {
			nib_out_flush();
			nib_errl(1, r, "invalid UTF-8 at byte offset %llu",
			    (unsigned long long)(r->docstart + r->off) +
			    (unsigned long long)nm->badoff);
		}
		/*
		 * " \f " trimmed would be a form-feed line, a document
		 * separator the input did not have: it is a blank line.
		 */
		if (olen == 1 && o[0] == '\f')
			olen = 0;
		if (olen == 0 && sflag && blank)
			continue;
		blank = olen == 0;
		nib_out_write(o, olen);
		nib_out_putc(NIB_EOL);
	}
	if (cflag)
		counts(r, doc);
}

int
main(int argc, char *argv[])
{
	int ch, rc, flags = 0;

	nib_usage_text = "[-aEHjKMSWz] [--squeeze-blank] [--counts] [file ...]";
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
		case 'W':
			flags |= NIB_NORM_CP1252;
			break;
		}
	}
	if ((jflag || Hflag) && !cflag)
		errx(2, "-j and -H are for the records of --counts");
	argc -= optind;
	argv += optind;
	nm = nib_norm_new(flags);
	if (cflag && Hflag && !jflag)
		nib_rec_header(keys, STDERR_FILENO);
	rc = nib_each_file(argc, argv, normfile, NULL);
	nib_norm_free(nm);
	nib_out_close();
	return rc;
}
