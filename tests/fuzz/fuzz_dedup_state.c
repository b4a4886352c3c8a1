/* Fuzz target: nibdedup's state file parser on any bytes. */
#include <stdint.h>

#include "../../cmd/nibdedup/dedup.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nib_hashset h;
	const char *msg;

	for (int mode = 0; mode <= NIB_KEY_CASE; mode++) {
		nib_hashset_init(&h, mode == 2 ? 5 : 0, 1);
		msg = dd_state_parse(data, size, mode, &h);
		/* Only a whole image, or no bytes at all (an empty state), parses. */
		if (msg == NULL && size < 32 && (size != 0 || h.count != 0))
			__builtin_trap();
		if (msg == NULL && size > 0 && h.count > (size - 32) / 16)
			__builtin_trap();
		nib_hashset_free(&h);
	}
	return 0;
}
