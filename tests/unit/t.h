/*
 * t.h: the smallest unit-test harness.  T(cond) records a failure with its
 * line and goes on; T_DONE() ends main with status 1 if anything failed.
 */
#ifndef NIB_T_H
#define NIB_T_H
#include <stdio.h>
#include <string.h>

static int t_failed, t_run;

#define T(cond) do { t_run++; if (!(cond)) { t_failed++; \
	fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define T_MEM(p, n, lit) T((n) == sizeof(lit) - 1 && memcmp((p), (lit), (n)) == 0)
#define T_DONE() do { if (t_failed) fprintf(stderr, "%d of %d checks failed\n", \
	t_failed, t_run); return t_failed != 0; } while (0)

#endif
