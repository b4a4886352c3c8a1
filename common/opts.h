/*
 * opts: what every tool's option handling shares.
 *
 * Each tool lists NIB_LONGOPTS_COMMON in its struct option array and hands
 * 'h' and NIB_OPT_VERSION to nib_opt_common() from its getopt_long loop.
 */
#ifndef NIB_OPTS_H
#define NIB_OPTS_H
#include <getopt.h>
#include <stddef.h>

#define NIB_OPT_VERSION 0x100
#define NIB_LONGOPTS_COMMON \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, NIB_OPT_VERSION }

/*
 * The tool's usage text: one or more lines of synopsis and options, without
 * the "usage: nibX" prefix of the first line.  Set once in main.
 */
extern const char *nib_usage_text;

/* Prints the usage on stderr and exits 2. */
void nib_usage(void) __attribute__((noreturn));
/*
 * Handles the shared options: 'h' prints the usage on stdout and exits 0,
 * NIB_OPT_VERSION prints "nibX (nib) VERSION" and exits 0; anything else
 * (getopt's '?') is a usage error.
 */
void nib_opt_common(int ch) __attribute__((noreturn));
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
