/* nibstrip: remove page chrome (UI lines, "Advertisement", photo credits). */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "opts.h"
#include "out.h"
#include "reader.h"
#include "rec.h"
#include "nibstrip/strip.h"

extern const unsigned char nib_data_rules[];
extern const size_t nib_data_rules_len;

static struct strip_set set;
static int nflag, vflag;
static unsigned long nremoved;

static const struct nib_opt options[] = {
	{ 'f', "rules", "file", "add the rules in file to the built-in ones" },
	{ 'F', "only-rules", "file", "use the rules in file instead of the built-in ones" },
	{ 'n', "dry-run", NULL, "remove nothing; report each removal on stderr" },
	{ 'v', "removed", NULL, "print only what would be removed" },
	{ 'p', "print-rules", NULL, "print the built-in rules and exit" },
	{ 0, NULL, NULL, NULL }
};
static struct nib_rec rec;	/* the -n record being built */

/*
 * One removal.  With -v alone, its text; otherwise a TSV record: file,
 * document, line, rule name, where the rule is, text; on standard error with -n
 * alone (standard output carries the text), else on standard output.
 */
static void
report(const struct nib_reader *r, const unsigned char *s, const struct strip_span *p)
{
	const struct strip_rule *rule = &set.rule[p->rule];
	const char *name = rule->name ? rule->name : strip_kindname(rule->kind);
	static struct nib_buf where;
	size_t a = p->a, b = p->b;
	char num[32];

	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
		b--;
	if (!nflag) {
		nib_out_write(s + a, b - a);
		nib_out_putc('\n');
		return;
	}
	nib_rec_begin(&rec, 0);
	nib_rec_cstr(&rec, "file", r->path);
	nib_rec_num(&rec, "doc", r->doc);
	nib_rec_num(&rec, "line", r->line);
	nib_rec_cstr(&rec, "rule", name);
	where.len = 0;
	nib_buf_tsv(&where, rule->src, strlen(rule->src));
	nib_buf_add(&where, num, (size_t)snprintf(num, sizeof num, ":%lu", rule->line));
	nib_rec_raw(&rec, "where", where.s);
	nib_rec_str(&rec, "text", s + a, b - a);
	nib_rec_put(&rec, vflag ? STDOUT_FILENO : STDERR_FILENO);
}

static void
strip(struct nib_reader *r, void *arg)
{
	const unsigned char *s;
	const struct strip_span *sp;
	size_t len, n;
	int item;

	(void)arg;
	strip_newdoc(&set);
	while ((item = nib_reader_line(r, &s, &len)) != NIB_EOF) {
		if (item == NIB_DOCSEP) {
			strip_newdoc(&set);
			if (!vflag)
				nib_out_write("\f\n", 2);
			continue;
		}
		n = strip_line(&set, s, len, &sp);
		nremoved += n;
		for (size_t i = 0; i < n && (nflag || vflag); i++)
			report(r, s, &sp[i]);
		if (vflag)
			continue;
		if (nflag) {
			nib_out_write(s, len);
			nib_out_putc('\n');
			continue;
		}
		for (size_t i = 0, at = 0; i <= n; i++) {
			size_t e = i < n ? sp[i].a : len;

			nib_out_write(s + at, e - at);
			if (i < n)
				at = sp[i].b;
		}
		if (n != 1 || sp[0].a != 0 || sp[0].b != len)
			nib_out_putc('\n');
	}
}

int
main(int argc, char *argv[])
{
	char **files = nib_calloc((size_t)argc, sizeof *files), *msg;
	int ch, rc, nfiles = 0, builtin = 1, pflag = 0;

	nib_usage_text = "[-npv] [-f rules] [-F rules] [file ...]";
	strip_init(&set);
	while ((ch = nib_getopt(argc, argv, options)) != -1) {
		switch (ch) {
		case 'F':
			builtin = 0;
			/* FALLTHROUGH */
		case 'f':
			files[nfiles++] = optarg;
			break;
		case 'n':
			nflag = 1;
			break;
		case 'v':
			vflag = 1;
			break;
		case 'p':
			pflag = 1;
			break;
		}
	}
	if (pflag) {
		nib_out_write(nib_data_rules, nib_data_rules_len);
		nib_out_close();
		return 0;
	}
	/* Rule files load in order after the built-in rules (none with -F). */
	if (builtin && strip_parse(&set, "builtin", nib_data_rules, nib_data_rules_len, &msg) < 0)
		errx(2, "%s", msg ? msg : "out of memory");
	for (int i = 0; i < nfiles; i++)
		if (strip_load(&set, files[i], &msg) < 0)
			errx(2, "%s", msg ? msg : "out of memory");
	free(files);
	argc -= optind;
	argv += optind;
	rc = nib_each_file(argc, argv, strip, NULL);
	nib_out_close();
	strip_free(&set);
	nib_rec_free(&rec);
	if (rc == 0 && vflag && nremoved == 0)
		rc = 1;
	return rc;
}
