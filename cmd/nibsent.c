/*
 * nibsent: one sentence per line.
 *
 * Each block (a line; with -P a paragraph) is split by the segmenter in
 * common/sent.h.  Blocks come out separated by one empty line, so that
 * `nibX -P` reads each block back as one paragraph; form-feed lines are
 * written through.  Sentences are never joined across blocks.
 */
#include <err.h>
#include <string.h>

#include "jldoc.h"
#include "json.h"
#include "mem.h"
#include "opts.h"
#include "out.h"
#include "reader.h"
#include "sent.h"

static int pflag, jflag, nflag;
static unsigned long doc, block, sentno;
static int started;	/* a block was written since the last separator */
static const char *file;	/* the operand as given, for -j */

static const struct nib_opt options[] = {
	{ NIB_OPT_LONG, "abbrev", "file", "add the abbreviations listed in file", NULL },
	{ 'j', "json", NULL, "JSON Lines: doc, file, block, line, sent, start, end, text",
	    &jflag },
	{ NIB_OPT_LONG + 1, "number", NULL, "number the sentences of each document", &nflag },
	{ 'P', "paragraphs", NULL, "blocks are blank-line paragraphs; join their lines", &pflag },
	NIB_OPTS_JSONL,
	{ 0, NULL, NULL, NULL, NULL }
};

/*
 * Writes s[0..n), in -P mode with its soft wraps made spaces (a copy in
 * buf), as a JSON string with -j.
 */
static void
text(const unsigned char *s, size_t n)
{
	static unsigned char *buf;
	static size_t cap;

	if (pflag && memchr(s, '\n', n) != NULL) {
		NIB_GROW(buf, cap, n);
		n = nib_sent_unwrap(s, n, buf);
		s = buf;
	}
	if (jflag)
		nib_json_str(s, n);
	else
		nib_out_write(s, n);
}

/* Writes the sentence b->s[x..y) as a line or a record. */
static void
sentence(const struct nib_block *b, size_t x, size_t y, int *any)
{
	sentno++;
	if (jflag) {
		nib_out_printf("{\"doc\":%lu,\"file\":", b->doc);
		nib_json_cstr(file);
		nib_jl_id(b->doc);
		nib_out_printf(",\"block\":%lu,\"line\":%lu,\"sent\":%lu,"
		    "\"start\":%zu,\"end\":%zu,\"text\":",
		    block, b->docline, sentno, b->off + x, b->off + y);
		text(b->s + x, y - x);
		nib_out_write("}\n", 2);
		return;
	}
	if (!*any && started)
		nib_out_putc('\n');
	*any = 1;
	if (nflag)
		nib_out_printf("%lu\t", sentno);
	text(b->s + x, y - x);
	nib_out_putc('\n');
}

static void
doblock(const struct nib_block *b)
{
	struct nib_sent st;
	size_t x, y;
	int any = 0, found = 0;

	block++;
	nib_sent_init(&st, b->s, b->len);
	while (nib_sent_next(&st, &x, &y)) {
		sentence(b, x, y, &any);
		found = 1;
	}
	/*
	 * A block of white space the segmenter skips ("\f\f", " \f ") is
	 * still text of the input: it goes through whole, never dropped.
	 */
	if (!found && b->len > 0)
		sentence(b, 0, b->len, &any);
	if (any)
		started = 1;
}

static void
sentfile(struct nib_reader *r, void *arg)
{
	struct nib_block b;
	int t;

	(void)arg;
	file = r->path;
	while ((t = nib_reader_block(r, pflag, &b)) != NIB_EOF) {
		if (b.doc != doc) {
			doc = b.doc;
			block = sentno = 0;
		}
		if (t == NIB_DOCSEP) {
			if (!jflag)
				nib_out_docsep();
			started = 0;
		} else if (t == NIB_BLOCK)
			doblock(&b);
	}
}

int
main(int argc, char *argv[])
{
	int ch, rc;

	nib_usage_text = "[-jP] [--number] [--abbrev file] [file ...]";
	while ((ch = nib_getopt(argc, argv, options)) != -1) {
		switch (ch) {
		case NIB_OPT_LONG:
			if (nib_sent_abbrev_file(optarg) < 0)
				err(2, "%s", optarg);
			break;
		}
	}
	argc -= optind;
	argv += optind;
	nib_jsonl_records = jflag;
	rc = nib_each_file(argc, argv, sentfile, NULL);
	nib_out_close();
	return rc;
}
