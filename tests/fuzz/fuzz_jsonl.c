/*
 * Fuzz target: JSON Lines parsing on any bytes.  A line that parses names
 * a value span that is a quoted string inside the line, and its decoded
 * text is never longer than the escaped form; an id span lies in the line
 * apart from the value, and a string id ends at its closing quote.  A
 * line that starts with a space (white space JSON allows) is read with
 * --jsonl=id, so that a field that is also the id is fuzzed too.
 */
#include <stdint.h>
#include <string.h>

#include "jsonl.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nib_jsonl j;
	const char *field = size > 0 && data[0] == ' ' ? "id" : "text";

	if (nib_jsonl_parse(&j, data, size, field, strlen(field)) != NIB_JSONL_OK)
		return 0;
	if (j.vstart >= j.vend || j.vend > size || data[j.vstart] != '"' ||
	    data[j.vend - 1] != '"' || j.textlen > j.vend - j.vstart - 2)
		__builtin_trap();
	if (j.idend != 0 && (j.idstart >= j.idend || j.idend > size ||
	    (j.idstart < j.vend && j.idend > j.vstart) ||
	    (data[j.idstart] == '"') != (data[j.idend - 1] == '"')))
		__builtin_trap();
	return 0;
}
