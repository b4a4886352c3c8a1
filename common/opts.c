#include <err.h>
#include <libutil.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "opts.h"
#include "out.h"

const char *nib_usage_text = "[file ...]";

static void
print_usage(FILE *fp)
{
	fprintf(fp, "usage: %s %s\n", getprogname(), nib_usage_text);
}

void
nib_usage(void)
{
	print_usage(stderr);
	exit(2);
}

void
nib_opt_common(int ch)
{
	switch (ch) {
	case 'h':
		print_usage(stdout);
		break;
	case NIB_OPT_VERSION:
		printf("%s (nib) %s\n", getprogname(), NIB_VERSION);
		break;
	default:
		nib_usage();
	}
	nib_out_close();
	exit(0);
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
