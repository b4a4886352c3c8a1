/*
 * Fuzz target: JSON Lines parsing on any bytes.  A line that parses names
 * a value span that is a quoted string inside the line, and its decoded
 * text is never longer than the escaped form.
 */
#include <stdint.h>
#include <string.h>

#include "jsonl.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nib_jsonl j;

	if (nib_jsonl_parse(&j, data, size, "text", 4) != NIB_JSONL_OK)
		return 0;
	if (j.vstart >= j.vend || j.vend > size || data[j.vstart] != '"' ||
	    data[j.vend - 1] != '"' || j.textlen > j.vend - j.vstart - 2 ||
	    (j.idend != 0 && (j.idstart >= j.idend || j.idend > size)))
		__builtin_trap();
	return 0;
}
