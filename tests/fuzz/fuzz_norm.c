/*
 * Fuzz target: nib_norm_line on any bytes, with the flags taken from the
 * first byte.  The result must be valid UTF-8 without NUL, with as many
 * LFs as the input, and no line of it may start or end with a blank or
 * hold two blanks in a row; mojibake repair of what repair made changes
 * nothing; valid text that scores no badness once the controls it
 * loses are gone, so holds no mark of mojibake, comes out as it does
 * with repair off.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../cmd/nibnorm/badness.h"
#include "../../cmd/nibnorm/line.h"
#include "../../cmd/nibnorm/moji.h"
#include "../../cmd/nibnorm/norm.h"
#include "../../cmd/nibnorm/utf8bytes.h"
#include "utf8.h"

static int
blankc(unsigned char c)
{
	return c == ' ' || c == '\t';
}

static void
check(const unsigned char *o, size_t n)
{
	if (nib_utf8_valid(o, n) != n || memchr(o, 0, n) != NULL)
		__builtin_trap();
	for (size_t i = 0; i < n; i++) {
		int edge = i == 0 || o[i - 1] == '\n' || i + 1 == n || o[i + 1] == '\n';

		if (blankc(o[i]) && (edge || blankc(o[i - 1])))
			__builtin_trap();
	}
}

static size_t
count(const unsigned char *s, size_t n, int c)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += s[i] == c;
	return k;
}

static struct nib_norm *nm[32];

static struct nib_norm *
normalizer(int f)
{
	if (nm[f] == NULL)
		nm[f] = nib_norm_new(f);
	return nm[f];
}

/* Repairing what repair made changes nothing more (short of its limit). */
static void
idempotent(int f, const unsigned char *s, size_t n)
{
	struct nib_norm *k = normalizer(f);
	const unsigned char *once, *twice;
	unsigned char *copy;
	size_t n1, n2;

	if (f & NIB_NORM_NOMOJI || (once = norm_fix_mojibake(k, s, n, &n1)) == NULL ||
	    norm_mojibake_limited(k))
		return;
	copy = malloc(n1 + 1);
	memcpy(copy, once, n1);
	twice = norm_fix_mojibake(k, copy, n1, &n2);
	if (twice != NULL && (n2 != n1 || memcmp(twice, copy, n1) != 0))
		__builtin_trap();
	free(copy);
}

/* Valid text with no badness is the same with repair on and off. */
static void
unmarked(int f, const unsigned char *s, size_t n)
{
	int32_t *u;
	long m, k = 0;
	unsigned char *on;
	const unsigned char *off;
	size_t non, noff;

	if (nib_utf8_valid(s, n) != n || (f & NIB_NORM_NOMOJI))
		return;
	u = malloc((n + 1) * sizeof *u);
	m = nib_utf8_strict(s, n, u);
	/* Repair judges the line with what it drops left out (load). */
	for (long i = 0; i < m; i++)
		if (!moji_dropped(u[i]))
			u[k++] = u[i];
	if (m >= 0 && nib_badness(u, (size_t)k) == 0) {
		off = nib_norm_line(normalizer(f), s, n, &non);
		on = malloc(non + 1);
		memcpy(on, off, non);
		off = nib_norm_line(normalizer(f | NIB_NORM_NOMOJI), s, n, &noff);
		if (noff != non || memcmp(on, off, non) != 0)
			__builtin_trap();
		free(on);
	}
	free(u);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const unsigned char *o;
	size_t n;
	int f;

	if (size == 0)
		return 0;
	f = data[0] & 31;
	o = nib_norm_line(normalizer(f), data + 1, size - 1, &n);
	check(o, n);
	/* Every LF of the input, and only those, is a line break. */
	if (count(o, n, '\n') != count(data + 1, size - 1, '\n'))
		__builtin_trap();
	idempotent(f, data + 1, size - 1);
	unmarked(f, data + 1, size - 1);
	return 0;
}
