/*
 * nibsplit: label each block of a page with its role (headline, body,
 * caption, related, ...) and group the blocks into sections.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jldoc.h"
#include "json.h"
#include "opts.h"
#include "out.h"
#include "reader.h"
#include "nibsplit/split.h"

static struct split_opts opts;
static struct split_doc doc;
static size_t shown;
static int Hflag, toolong;	/* toolong: a document over --max-doc was left out */

/* Labels and prints the document held; nth: its number within the file. */
static void
flush(const struct nib_reader *r, unsigned long docno, unsigned long nth)
{
	char *prefix = NULL;

	if (doc.n == 0)
		return;
	if (opts.re != NULL)
		split_parts(&doc, opts.re);
	else
		split_classify(&doc);
	if (opts.explain && doc.fallback)
		warnx("%s: document %lu: no block won the body; the strongest "
		    "run of prose is the body", r->name, docno);
	if (opts.dir != NULL)
		prefix = split_prefix(r->fd == STDIN_FILENO ? NULL : r->name, docno, nth);
	shown += split_emit(&doc, &opts, docno, prefix);
	free(prefix);
	split_reset(&doc);
}

static void
page(struct nib_reader *r, void *arg)
{
	struct nib_block b;
	unsigned long cur = r->doc, first = 0;
	int k, skip = 0;

	(void)arg;
	while ((k = nib_reader_block(r, opts.para, &b)) != NIB_EOF) {
		opts.file = r->path;
		switch (k) {
		case NIB_BLANK:
			break;
		case NIB_DOCSEP:
			flush(r, cur, first ? cur - first + 1 : 1);
			if (!opts.json && opts.dir == NULL)
				nib_out_docsep();
			skip = 0;
			break;
		default:
			cur = b.doc;
			if (first == 0)
				first = cur;
			if (!skip && split_add(&doc, b.s, b.len, b.docline) < 0) {
				/* The documents around it are whole; this one is left out. */
				nib_warnl(r, "document %lu is longer than --max-doc (%zu "
				    "bytes): left out", b.doc, doc.max);
				split_reset(&doc);
				skip = toolong = 1;
			}
		}
	}
	flush(r, cur, first ? cur - first + 1 : 1);
}

static const struct nib_opt options[] = {
	{ 's', "select", "role,...", "print only the text of blocks of these roles", NULL },
	{ 'j', "json", NULL, "JSON Lines, one object per section", &opts.json },
	{ 'o', "output-dir", "dir", "write each section to a file in dir", NULL },
	{ 'n', "digits", "digits", "digits of the section numbers in -o names (3)", NULL },
	{ 'e', "regexp", "regex", "split before lines that match regex (as csplit)", NULL },
	{ 'P', "paragraphs", NULL, "blocks are blank-line paragraphs", &opts.para },
	{ 'H', "header", NULL, "labelled lines: a header line first", &Hflag },
	{ NIB_OPT_LONG, "max-doc", "size", "leave out documents longer than size (256M)", NULL },
	{ NIB_OPT_LONG + 1, "explain", NULL, "say why each block got its role", &opts.explain },
	NIB_OPTS_JSONL,
	{ 0, NULL, NULL, NULL, NULL }
};

int
main(int argc, char *argv[])
{
	struct nib_buf pat = { 0 };	/* -e patterns, joined */
	const char *last = NULL;
	int ch, rc, npat = 0;

	nib_usage_text = "[-HjP] [-s role,...] [-o dir [-n digits]] [-e regex ...] "
	    "[--explain] [--max-doc size] [file ...]";
	doc.max = (size_t)256 << 20;
	opts.digits = 3;
	while ((ch = nib_getopt(argc, argv, options)) != -1) {
		switch (ch) {
		case 's':
			split_select(&opts, optarg);
			break;
		case 'o':
			opts.dir = optarg;
			break;
		case 'n':
			opts.digits = (int)nib_num(optarg, 1, 9, "-n");
			break;
		case 'e':	/* csplit takes many patterns: so does -e */
			if (pat.len > 0)
				nib_buf_add(&pat, "|", 1);
			nib_buf_add(&pat, "(?:", 3);
			nib_buf_add(&pat, optarg, strlen(optarg));
			nib_buf_add(&pat, ")", 1);
			npat++;
			last = optarg;
			break;
		case NIB_OPT_LONG:
			doc.max = nib_size(optarg, "--max-doc");
			break;
		}
	}
	if (npat > 0)
		opts.re = split_compile(npat == 1 ? last : pat.s);
	free(pat.s);
	if (opts.json && opts.dir != NULL)
		errx(2, "-j and -o cannot be used together");
	if (Hflag && (opts.json || opts.dir != NULL || opts.select))
		errx(2, "-H is for labelled lines: not with -s, -j or -o");
	if (opts.dir != NULL)
		split_mkdirs(opts.dir);
	if (Hflag)
		nib_out_str(opts.explain ? "role\ttext\twhy\n" : "role\ttext\n");
	nib_jsonl_records = opts.json || opts.dir != NULL;
	rc = nib_each_file(argc - optind, argv + optind, page, NULL);
	if (toolong)
		rc = 2;
	nib_out_close();
	split_free(&doc);
	if (rc == 0 && opts.select && shown == 0)
		rc = 1;
	return rc;
}
