/* Fuzz target: the sentence segmenter on any bytes. */
#include <stdint.h>

#include "sent.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nib_sent st;
	size_t a, b, last = 0;

	nib_sent_init(&st, data, size);
	while (nib_sent_next(&st, &a, &b)) {
		/* Spans are non-empty, in order, inside the block. */
		if (a < last || b <= a || b > size)
			__builtin_trap();
		last = b;
	}
	return 0;
}
