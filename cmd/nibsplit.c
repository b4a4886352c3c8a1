/*
 * nibsplit: label each block of a page with its role (headline, body,
 * caption, related, ...) and group the blocks into sections.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "opts.h"
#include "out.h"
#include "reader.h"
#include "nibsplit/split.h"

static struct split_opts opts;
static struct split_doc doc;
static size_t shown;

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
	int k;

	(void)arg;
	while ((k = nib_reader_block(r, opts.para, &b)) != NIB_EOF) {
		switch (k) {
		case NIB_BLANK:
			break;
		case NIB_DOCSEP:
			flush(r, cur, first ? cur - first + 1 : 1);
			if (!opts.json && opts.dir == NULL)
				nib_out_str("\f\n");
			break;
		default:
			cur = b.doc;
			if (first == 0)
				first = cur;
			if (split_add(&doc, b.s, b.len, b.docline) < 0)
				nib_errl(2, r, "document longer than --max-doc (%zu bytes)",
				    doc.max);
		}
	}
	flush(r, cur, first ? cur - first + 1 : 1);
}

/* A size with an optional k, M or G suffix. */
static size_t
size(const char *s)
{
	char buf[32];
	size_t n = strlen(s), mul = 1;

	if (n > 0 && n < sizeof buf && strchr("kKmMgG", s[n - 1]) != NULL) {
		mul = s[n - 1] == 'k' || s[n - 1] == 'K' ? 1024 :
		    s[n - 1] == 'm' || s[n - 1] == 'M' ? 1024 * 1024 : 1024 * 1024 * 1024;
		memcpy(buf, s, n - 1);
		buf[n - 1] = '\0';
		s = buf;
	}
	return (size_t)nib_num(s, 1, (long long)(((size_t)1 << 40) / mul), "--max-doc") * mul;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "select", required_argument, NULL, 's' },
		{ "json", no_argument, NULL, 'j' },
		{ "output-dir", required_argument, NULL, 'o' },
		{ "regexp", required_argument, NULL, 'e' },
		{ "paragraphs", no_argument, NULL, 'P' },
		{ "max-doc", required_argument, NULL, 'M' },
		{ "explain", no_argument, &opts.explain, 1 },
		{ "digits", required_argument, NULL, 'n' },
		NIB_LONGOPTS_COMMON,
		{ NULL, 0, NULL, 0 }
	};
	int ch, rc;

	nib_usage_text = "[-jP] [-s role,...] [-o dir [-n digits]] [-e regex] [--explain] "
	    "[--max-doc size] [file ...]";
	doc.max = (size_t)256 << 20;
	opts.digits = 3;
	while ((ch = getopt_long(argc, argv, "s:jo:e:n:Ph", longopts, NULL)) != -1) {
		switch (ch) {
		case 's':
			split_select(&opts, optarg);
			break;
		case 'j':
			opts.json = 1;
			break;
		case 'o':
			opts.dir = optarg;
			break;
		case 'e':
			opts.re = split_compile(optarg);
			break;
		case 'n':
			opts.digits = (int)nib_num(optarg, 1, 9, "-n");
			break;
		case 'P':
			opts.para = 1;
			break;
		case 'M':
			doc.max = size(optarg);
			break;
		case 0:
			break;
		default:
			nib_opt_common(ch);
		}
	}
	if (opts.json && opts.dir)
		errx(2, "-j and -o cannot be used together");
	if (opts.dir != NULL)
		split_mkdirs(opts.dir);
	rc = nib_each_file(argc - optind, argv + optind, page, NULL);
	nib_out_close();
	split_free(&doc);
	if (rc == 0 && opts.select && shown == 0)
		rc = 1;
	return rc;
}
