/*
 * opts: what every tool's option handling shares.
 *
 * A tool lists its options once, in a table of struct nib_opt: the table
 * gives getopt_long(3) its short and long options and --help its lines,
 * so that the two never disagree.  -h/--help and --version are added to
 * every table and handled here.
 */
#ifndef NIB_OPTS_H
#define NIB_OPTS_H
#include <getopt.h>
#include <stddef.h>

/* Values for options that have a long name only start here. */
#define NIB_OPT_LONG 0x100
#define NIB_OPT_VERSION 0xfff
#define NIB_OPT_JSONL 0xffe
#define NIB_OPT_SKIPBAD 0xffd

/*
 * --jsonl[=field] and --skip-bad (jldoc.h), handled by nib_getopt() for
 * every tool that puts this in its table.  An argument in brackets is
 * optional.
 */
#define NIB_OPTS_JSONL \
	{ NIB_OPT_JSONL, "jsonl", "[field]", \
	    "read JSON Lines: each object's field (text) is a document", NULL }, \
	{ NIB_OPT_SKIPBAD, "skip-bad", NULL, \
	    "with --jsonl, skip malformed lines and count them", NULL }

struct nib_opt {
	int ch;			/* the letter, or NIB_OPT_LONG + n: long only */
	const char *name;	/* the long name, or NULL: a letter only */
	const char *arg;	/* the argument's name, NULL when it takes none */
	const char *help;	/* one line for --help; NULL ends the table */
	int *flag;		/* when set, the option sets *flag to 1 itself */
};

/*
 * The tool's synopsis, without the "usage: nibX " prefix: what a usage
 * error prints, and the first line of --help.  Set once in main.
 */
extern const char *nib_usage_text;

/*
 * getopt_long(3) over tab: returns the next option's ch (optarg set as
 * usual), or -1 after the last; an option with a flag sets it and is not
 * returned.  -h/--help prints the synopsis and one
 * line for every option on standard output and exits 0; --version prints
 * "nibX (nib) VERSION" and exits 0; an unknown option or a missing
 * argument is a usage error.
 */
int nib_getopt(int argc, char *argv[], const struct nib_opt *tab);
/* Prints the synopsis on stderr and exits 2. */
void nib_usage(void) __attribute__((noreturn));
/*
 * strtonum(3) for an option's value: on a bad value exits 2 with
 * "nibX: -c: 'abc' is invalid" (what names the option).
 */
long long nib_num(const char *s, long long min, long long max, const char *what);
/* The largest size nib_size() takes: 1 TiB, far past any document. */
#define NIB_SIZE_MAX ((unsigned long long)1 << 40)
/*
 * A size in bytes for an option, with expand_number(3)'s suffixes (k, M,
 * G, T: powers of 1024): from 1 to NIB_SIZE_MAX, else exits 2 with a
 * message that names the option (what) and the bad value.
 */
size_t nib_size(const char *s, const char *what);
/* A fraction from 0 to 1 for an option; else exits 2 naming what and s. */
double nib_ratio(const char *s, const char *what);

#endif
