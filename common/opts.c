#include <err.h>
#include <libutil.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jldoc.h"
#include "mem.h"
#include "opts.h"
#include "out.h"

const char *nib_usage_text = "[file ...]";

/* What every tool has, after its own options. */
static const struct nib_opt common[] = {
	{ 'h', "help", NULL, "print this help and exit", NULL },
	{ NIB_OPT_VERSION, "version", NULL, "print the version and exit", NULL },
	{ 0, NULL, NULL, NULL, NULL }
};

void
nib_usage(void)
{
	fprintf(stderr, "usage: %s %s\n", getprogname(), nib_usage_text);
	exit(2);
}

/* "-a, --name=ARG" or "    --name=ARG" for the help. */
static int
label(char *buf, size_t size, const struct nib_opt *o)
{
	char letter[8] = "    ";

	if (o->ch < 0x100)
		snprintf(letter, sizeof letter, "-%c%s", o->ch, o->name ? ", " : "");
	if (o->arg != NULL && o->arg[0] == '[')
		return snprintf(buf, size, "    --%s[=%.*s]", o->name,
		    (int)strlen(o->arg) - 2, o->arg + 1);
	return snprintf(buf, size, "%s%s%s%s%s", letter, o->name ? "--" : "",
	    o->name ? o->name : "", o->arg ? (o->name ? "=" : " ") : "",
	    o->arg ? o->arg : "");
}

static void
help(const struct nib_opt *tab)
{
	const struct nib_opt *t[2] = { tab, common };
	char buf[128];
	int w = 0;

	nib_out_printf("usage: %s %s\n", getprogname(), nib_usage_text);
	for (int k = 0; k < 2; k++)
		for (const struct nib_opt *o = t[k]; o->help != NULL; o++)
			if (label(buf, sizeof buf, o) > w)
				w = label(buf, sizeof buf, o);
	for (int k = 0; k < 2; k++)
		for (const struct nib_opt *o = t[k]; o->help != NULL; o++) {
			label(buf, sizeof buf, o);
			nib_out_printf("  %-*s  %s\n", w, buf, o->help);
		}
}

/* getopt_long(3)'s two tables, made from tab and the common options. */
static void
build(const struct nib_opt *tab, char **shortp, struct option **longp)
{
	const struct nib_opt *t[2] = { tab, common };
	size_t n = 0, ns = 0, nl = 0;
	struct option *lo;
	char *so;

	for (int k = 0; k < 2; k++)
		for (const struct nib_opt *o = t[k]; o->help != NULL; o++)
			n++;
	so = nib_calloc(2 * n + 2, 1);
	lo = nib_calloc(n + 1, sizeof *lo);
	so[ns++] = ':';		/* a missing argument returns ':' */
	for (int k = 0; k < 2; k++)
		for (const struct nib_opt *o = t[k]; o->help != NULL; o++) {
			if (o->ch < 0x100) {
				so[ns++] = (char)o->ch;
				if (o->arg != NULL)
					so[ns++] = ':';
			}
			if (o->name != NULL)
				lo[nl++] = (struct option){ o->name, o->arg ?
				    (o->arg[0] == '[' ? optional_argument :
				    required_argument) : no_argument, NULL, o->ch };
		}
	*shortp = so;
	*longp = lo;
}

int
nib_getopt(int argc, char *argv[], const struct nib_opt *tab)
{
	static const struct nib_opt *built;
	static char *so;
	static struct option *lo;
	int ch;

	if (built != tab) {
		free(so);
		free(lo);
		build(tab, &so, &lo);
		built = tab;
		/* getopt's own messages name argv[0], a path: ours name the tool. */
		opterr = 0;
	}
again:
	switch (ch = getopt_long(argc, argv, so, lo, NULL)) {
	case 'h':
		help(tab);
		nib_out_close();
		exit(0);
	case NIB_OPT_VERSION:
		nib_out_printf("%s (nib) %s\n", getprogname(), NIB_VERSION);
		nib_out_close();
		exit(0);
	case NIB_OPT_JSONL:
		if (optarg != NULL && *optarg == '\0')
			errx(2, "--jsonl: the field name is empty");
		nib_jsonl_field = optarg != NULL ? optarg : "text";
		goto again;
	case NIB_OPT_SKIPBAD:
		nib_jsonl_skipbad = 1;
		goto again;
	case '?':
		if (optopt != 0 && optopt < NIB_OPT_LONG)
			warnx("-%c: unknown option", optopt);
		else
			warnx("%s: unknown option", argv[optind - 1]);
		nib_usage();
	case ':':
		if (argv[optind - 1][1] == '-')
			warnx("%s: needs an argument", argv[optind - 1]);
		else
			warnx("-%c: needs an argument", optopt);
		nib_usage();
	case -1:
		free(so);
		free(lo);
		so = NULL;
		lo = NULL;
		built = NULL;
		return ch;
	}
	for (const struct nib_opt *o = tab; o->help != NULL; o++)
		if (o->ch == ch && o->flag != NULL) {
			*o->flag = 1;
			goto again;
		}
	return ch;
}

long long
nib_num(const char *s, long long min, long long max, const char *what)
{
	const char *errstr;
	long long n = strtonum(s, min, max, &errstr);

	if (errstr != NULL)
		errx(2, "%s: '%s' is %s (%lld to %lld)", what, s, errstr, min, max);
	return n;
}

size_t
nib_size(const char *s, const char *what)
{
	uint64_t n;

	if (expand_number(s, &n) < 0 || n == 0 || n > NIB_SIZE_MAX)
		errx(2, "%s: '%s' is invalid (1 to 1T bytes; k, M, G, T suffixes)",
		    what, s);
	return (size_t)n;
}

double
nib_ratio(const char *s, const char *what)
{
	char *end;
	double t = strtod(s, &end);

	if (*s == '\0' || *end != '\0' || !(t >= 0 && t <= 1))
		errx(2, "%s: '%s' is invalid (0 to 1)", what, s);
	return t;
}
