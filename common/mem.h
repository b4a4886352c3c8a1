/* mem: allocation that cannot fail (it exits with a message instead). */
#ifndef NIB_MEM_H
#define NIB_MEM_H
#include <stddef.h>

/* Like reallocarray(3); on failure err(2).  The caller frees. */
void *nib_realloc(void *p, size_t n, size_t size);
/* Like calloc(3); on failure err(2).  The caller frees. */
void *nib_calloc(size_t n, size_t size);
/* Like strdup(3) for len bytes plus a NUL; on failure err(2). */
char *nib_strndup(const void *s, size_t len);
/*
 * Returns p grown (by doubling) to hold at least need elements of size
 * bytes, updating *cap; p itself when it is big enough already.
 */
void *nib_growarray(void *p, size_t *cap, size_t need, size_t size);
/*
 * Grows the array p (capacity cap, in elements) to hold need elements.
 * The test is inline: hot loops grow an array once per item they add,
 * and almost never need more room.  (An array not yet allocated always
 * goes through nib_growarray(), as it did before the test.)
 */
#define NIB_GROW(p, cap, need) do { \
	size_t nib_need_ = (need); \
	if (nib_need_ > (cap) || (p) == NULL) \
		(p) = nib_growarray((p), &(cap), nib_need_, sizeof *(p)); \
} while (0)

#endif
