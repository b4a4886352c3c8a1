/*
 * Fuzz target: nib_norm_line on any bytes, with the flags taken from the
 * first byte.  The result must be valid UTF-8 without NUL, with as many
 * LFs as the input, and no line of it may start or end with a blank or
 * hold two blanks in a row; with entities and mojibake left alone,
 * normalizing twice changes nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../cmd/nibnorm/norm.h"
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nib_norm *nm[32];
	const unsigned char *o;
	unsigned char *copy;
	size_t n, n2;
	int f;

	if (size == 0)
		return 0;
	f = data[0] & 31;
	if (nm[f] == NULL)
		nm[f] = nib_norm_new(f);
	o = nib_norm_line(nm[f], data + 1, size - 1, &n);
	check(o, n);
	/* Every LF of the input, and only those, is a line break. */
	if (count(o, n, '\n') != count(data + 1, size - 1, '\n'))
		__builtin_trap();
	if ((f & (NIB_NORM_NOENT | NIB_NORM_NOMOJI)) == (NIB_NORM_NOENT | NIB_NORM_NOMOJI)) {
		copy = malloc(n + 1);
		memcpy(copy, o, n);
		o = nib_norm_line(nm[f], copy, n, &n2);
		if (n2 != n || memcmp(o, copy, n) != 0)
			__builtin_trap();
		free(copy);
	}
	return 0;
}
