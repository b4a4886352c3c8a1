/*
 * Fuzz target: the sentence segmenter on any bytes, and the abbreviation
 * list parser on inputs that start with '#' (the first few hundred only,
 * since the list only grows).
 */
#include <stdint.h>

#include "sent.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nib_sent st;
	size_t a, b, last = 0;
	static int lists;

	if (size > 0 && data[0] == '#' && lists++ < 300)
		nib_sent_abbrev_add(data, size);

	nib_sent_init(&st, data, size);
	while (nib_sent_next(&st, &a, &b)) {
		/* Spans are non-empty, in order, inside the block. */
		if (a < last || b <= a || b > size)
			__builtin_trap();
		last = b;
	}
	return 0;
}
