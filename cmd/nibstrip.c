/* nibstrip: remove page chrome (UI lines, "Advertisement", photo credits). */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jldoc.h"
#include "mem.h"
#include "opts.h"
#include "out.h"
#include "reader.h"
#include "rec.h"
#include "nibstrip/report.h"
#include "nibstrip/strip.h"
#include "nibdata.h"


static struct strip_set set;
static int nflag, vflag, pflag, jflag, Hflag;
static unsigned long nremoved;

static const struct nib_opt options[] = {
	{ 'f', "rules", "file", "add the rules in file to the built-in ones", NULL },
	{ 'F', "only-rules", "file", "use the rules in file instead of the built-in ones", NULL },
	{ 'n', "dry-run", NULL, "remove nothing; report each removal on stderr", &nflag },
	{ 'v', "removed", NULL, "print only what would be removed (as grep -v)", &vflag },
	{ 'j', "json", NULL, "-n records as JSON Lines", &jflag },
	{ 'H', "header", NULL, "-n records: a header line with the field names first", &Hflag },
	{ 'z', "zero-terminated", NULL, "records end in NUL, not a line end (as grep -z)",
	    &nib_zflag },
	{ 'p', "print-rules", NULL, "print the built-in rules and exit", &pflag },
	NIB_OPTS_JSONL,
	{ 0, NULL, NULL, NULL, NULL }
};
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
				nib_out_docsep();
			continue;
		}
		n = strip_line(&set, s, len, &sp);
		nremoved += n;
		for (size_t i = 0; i < n && (nflag || vflag); i++)
			strip_report(&set, r, s, &sp[i], vflag ? STDOUT_FILENO :
			    STDERR_FILENO, nflag, jflag);
		if (vflag)
			continue;
		if (nflag) {
			nib_out_write(s, len);
			nib_out_putc(NIB_EOL);
			continue;
		}
		for (size_t i = 0, at = 0; i <= n; i++) {
			size_t e = i < n ? sp[i].a : len;

			nib_out_write(s + at, e - at);
			if (i < n)
				at = sp[i].b;
		}
		if (n != 1 || sp[0].a != 0 || sp[0].b != len)
			nib_out_putc(NIB_EOL);
	}
}

int
main(int argc, char *argv[])
{
	char **files = nib_calloc((size_t)argc, sizeof *files), *msg;
	int ch, rc, nfiles = 0, builtin = 1;

	nib_usage_text = "[-Hjnpvz] [-f rules] [-F rules] [file ...]";
	strip_init(&set);
	while ((ch = nib_getopt(argc, argv, options)) != -1) {
		switch (ch) {
		case 'F':
			builtin = 0;
			/* FALLTHROUGH */
		case 'f':
			files[nfiles++] = optarg;
			break;
		}
	}
	if ((jflag || Hflag) && !nflag)
		errx(2, "-j and -H are for the records of -n");
	if (pflag) {
		nib_out_write(nib_data_cmd_nibstrip_rules,
		    nib_data_cmd_nibstrip_rules_len);
		nib_out_close();
		return 0;
	}
	/* Rule files load in order after the built-in rules (none with -F). */
	if (builtin && strip_parse(&set, "builtin", nib_data_cmd_nibstrip_rules,
	    nib_data_cmd_nibstrip_rules_len, &msg) < 0)
		errx(2, "%s", msg ? msg : "out of memory");
	for (int i = 0; i < nfiles; i++)
		if (strip_load(&set, files[i], &msg) < 0)
			errx(2, "%s", msg ? msg : "out of memory");
	free(files);
	argc -= optind;
	argv += optind;
	if (Hflag && !jflag)
		nib_rec_header(strip_report_keys, vflag ? STDOUT_FILENO : STDERR_FILENO);
	nib_jsonl_records = vflag;
	rc = nib_each_file(argc, argv, strip, NULL);
	nib_out_close();
	strip_free(&set);
	strip_report_free();
	if (rc == 0 && vflag && nremoved == 0)
		rc = 1;
	return rc;
}
