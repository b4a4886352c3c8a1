/* nibquote: direct quotations and who said them. */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "jldoc.h"
#include "json.h"
#include "nibquote/nq.h"
#include "opts.h"
#include "out.h"
#include "reader.h"

static int jflag, tflag, Hflag, Pflag;
static int kfilter = -1;	/* -k: NQ_FULL or NQ_PARTIAL, -1 for both */
static unsigned long found;
static const char *file;	/* the operand as given, for -j */

static const struct nib_opt options[] = {
	{ 'H', "header", NULL, "print a header line with the field names first", &Hflag },
	{ 'j', "json", NULL, "JSON Lines: doc, file, line, start, end, speaker, verb, kind, text",
	    NULL },
	{ 'k', "kind", "full|partial", "print only quotations of this kind", NULL },
	{ 'P', "paragraphs", NULL, "blocks are blank-line paragraphs", &Pflag },
	{ NIB_OPT_LONG, "text", NULL, "print only the quoted text, one quotation a line", NULL },
	NIB_OPTS_JSONL,
	{ 0, NULL, NULL, NULL, NULL }
};

/* A number, without printf's cost: one record has four. */
static void
putnum(unsigned long long v, int sep)
{
	char b[24];
	int i = (int)sizeof b;

	b[--i] = (char)sep;
	do
		b[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	nib_out_write(b + i, sizeof b - (size_t)i);
}

static void
tsvfield(const char *s)
{
	if (s != NULL)
		nib_tsv_str(s, strlen(s));
}

static void
emit(const struct nq_rec *r, void *arg)
{
	const char *kind = r->kind == NQ_FULL ? "full" : "partial";

	(void)arg;
	if (kfilter >= 0 && r->kind != kfilter)
		return;
	found++;
	if (tflag) {
		nib_tsv_str(r->text, r->textlen);
		nib_out_putc('\n');
	} else if (jflag) {
		nib_out_printf("{\"doc\":%lu,\"file\":", r->doc);
		nib_json_cstr(file);
		nib_jl_id(r->doc);
		nib_out_printf(",\"line\":%lu,\"start\":%zu,\"end\":%zu,\"speaker\":",
		    r->line, r->start, r->end);
		nib_json_cstr(r->speaker);
		nib_out_str(",\"verb\":");
		nib_json_cstr(r->verb);
		nib_out_printf(",\"kind\":\"%s\",\"text\":", kind);
		nib_json_str(r->text, r->textlen);
		nib_out_str("}\n");
	} else {
		putnum(r->doc, '\t');
		putnum(r->line, '\t');
		putnum(r->start, '\t');
		putnum(r->end, '\t');
		tsvfield(r->speaker);
		nib_out_putc('\t');
		tsvfield(r->verb);
		nib_out_printf("\t%s\t", kind);
		nib_tsv_str(r->text, r->textlen);
		nib_out_putc('\n');
	}
}

static void
quotefile(struct nib_reader *r, void *arg)
{
	struct nq_doc *doc = arg;
	struct nib_block b;
	int t;

	file = r->path;
	while ((t = nib_reader_block(r, Pflag, &b)) != NIB_EOF) {
		if (t == NIB_BLOCK)
			nq_doc_block(doc, &b);
		else if (t == NIB_DOCSEP)
			nq_doc_end(doc);
	}
	/* A file is a document of its own. */
	nq_doc_end(doc);
}

int
main(int argc, char **argv)
{
	struct nq_doc doc;
	int ch, rc;

	nib_usage_text = "[-HjP] [--text] [-k full|partial] [file ...]";
	while ((ch = nib_getopt(argc, argv, options)) != -1) {
		switch (ch) {
		case 'j':	/* -j and --text: the last one given wins */
			jflag = 1;
			tflag = 0;
			break;
		case NIB_OPT_LONG:
			tflag = 1;
			jflag = 0;
			break;
		case 'k':
			if (strcmp(optarg, "full") == 0)
				kfilter = NQ_FULL;
			else if (strcmp(optarg, "partial") == 0)
				kfilter = NQ_PARTIAL;
			else {
				warnx("-k: '%s' is invalid: full or partial", optarg);
				nib_usage();
			}
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (Hflag && !jflag && !tflag)
		nib_out_str("doc\tline\tstart\tend\tspeaker\tverb\tkind\ttext\n");
	nq_doc_init(&doc, Pflag, emit, NULL);
	nib_jsonl_records = 1;
	rc = nib_each_file(argc, argv, quotefile, &doc);
	nq_doc_free(&doc);
	nib_out_close();
	if (rc != 0)
		return rc;
	return found > 0 ? 0 : 1;
}
