#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

void *
nib_realloc(void *p, size_t n, size_t size)
{
	void *q = reallocarray(p, n ? n : 1, size ? size : 1);

	if (q == NULL)
		err(2, "out of memory");
	return q;
}

void *
nib_calloc(size_t n, size_t size)
{
	void *q = calloc(n ? n : 1, size ? size : 1);

	if (q == NULL)
		err(2, "out of memory");
	return q;
}

char *
nib_strndup(const void *s, size_t len)
{
	char *d = nib_realloc(NULL, len + 1, 1);

	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

void *
nib_growarray(void *p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 256 / (size ? size : 1) + 1;

	if (need <= *cap)
		return p;
	while (c < need) {
		if (c > ((size_t)-1) / 2 / (size ? size : 1))
			errx(2, "out of memory");
		c *= 2;
	}
	p = nib_realloc(p, c, size);
	*cap = c;
	return p;
}
