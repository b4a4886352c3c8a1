/*
 * nibsplit: label each block of a page with its role (headline, body,
 * caption, related, ...) and group the blocks into sections.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "json.h"
#include "opts.h"
#include "out.h"
#include "reader.h"
#include "nibsplit/split.h"

static struct split_opts opts;
static struct split_doc doc;
static size_t shown;
static int Hflag, toolong;	/* toolong: a document over --max-doc was left out */

static void
flush(unsigned long docno)
{
	if (doc.n == 0)
		return;
	if (opts.re != NULL)
		split_parts(&doc, opts.re);
	else
		split_classify(&doc);
	shown += split_emit(&doc, &opts, docno);
	split_reset(&doc);
}

static void
page(struct nib_reader *r, void *arg)
{
	struct nib_block b;
	unsigned long cur = r->doc;
	unsigned blank = 0;
	int k, skip = 0;

	(void)arg;
	while ((k = nib_reader_block(r, opts.para, &b)) != NIB_EOF) {
		opts.file = r->path;
		switch (k) {
		case NIB_BLANK:
			blank++;
			break;
		case NIB_DOCSEP:
			flush(cur);
			if (!opts.json && opts.dir == NULL)
				nib_out_str("\f\n");
			blank = skip = 0;
			break;
		default:
			cur = b.doc;
			if (!skip && split_add(&doc, b.s, b.len, b.docline, blank) < 0) {
				/* The documents around it are whole; this one is left out. */
				nib_warnl(r, "document %lu is longer than --max-doc (%zu "
				    "bytes): left out", b.doc, doc.max);
				split_reset(&doc);
				skip = toolong = 1;
			}
			blank = 0;
		}
	}
	flush(cur);
}

static const struct nib_opt options[] = {
	{ 's', "select", "role,...", "print only the text of blocks of these roles", NULL },
	{ 'j', "json", NULL, "JSON Lines, one object per section", &opts.json },
	{ 'o', "output-dir", "dir", "write each section to a file in dir", NULL },
	{ 'e', "regexp", "regex", "split before lines that match regex (as csplit)", NULL },
	{ 'P', "paragraphs", NULL, "blocks are blank-line paragraphs", &opts.para },
	{ 'H', "header", NULL, "labelled lines: a header line first", &Hflag },
	{ NIB_OPT_LONG, "max-doc", "size", "leave out documents longer than size (256M)", NULL },
	{ 0, NULL, NULL, NULL, NULL }
};

static void
roles(char *list)
{
	char *p;
	int r;

	if (strspn(list, ",") == strlen(list))
		errx(2, "-s: no role given");
	opts.select = 1;
	while ((p = strsep(&list, ",")) != NULL) {
		if (*p == '\0')
			continue;
		if ((r = split_role(p, strlen(p))) < 0)
			errx(2, "-s: unknown role '%s' (navigation, headline, standfirst, "
			    "byline, dateline, body, caption, credit, chrome, related, "
			    "comments, footer, part)", p);
		opts.sel[r] = 1;
	}
}

int
main(int argc, char *argv[])
{
	struct stat st;
	struct nib_buf pat = { 0 };	/* -e patterns, joined */
	const char *last = NULL;
	int ch, rc, npat = 0;

	nib_usage_text = "[-HjP] [-s role,...] [-o dir] [-e regex ...] [--max-doc size] [file ...]";
	doc.max = (size_t)256 << 20;
	while ((ch = nib_getopt(argc, argv, options)) != -1) {
		switch (ch) {
		case 's':
			roles(optarg);
			break;
		case 'o':
			opts.dir = optarg;
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
	if (opts.dir != NULL && (stat(opts.dir, &st) < 0 || !S_ISDIR(st.st_mode)))
		errx(2, "-o: %s: not a directory", opts.dir);
	if (opts.json + (opts.dir != NULL) + opts.select + Hflag > 1)
		errx(2, "-s, -j, -o and -H are exclusive");
	if (Hflag)
		nib_out_str("role\ttext\n");
	rc = nib_each_file(argc - optind, argv + optind, page, NULL);
	if (toolong)
		rc = 2;
	nib_out_close();
	split_free(&doc);
	if (rc == 0 && opts.select && shown == 0)
		rc = 1;
	return rc;
}
