/* Fuzz target: JSON/TSV escaping, UTF-8 decoding, tokens and sniffing on any bytes. */
#include <fcntl.h>
#include <stdint.h>
#include <unistd.h>

#include "json.h"
#include "out.h"
#include "sniff.h"
#include "tokens.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int devnull = -1;
	size_t pos = 0, a, b;
	int32_t cp;

	if (devnull < 0) {
		devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, STDOUT_FILENO);
	}
	if (nib_sniff(data, size) > NIB_JSONL)
		__builtin_trap();
	nib_json_str(data, size);
	nib_tsv_str(data, size);
	nib_out_flush();
	while (nib_token_next(data, size, &pos, &a, &b))
		if (a >= b || b > size)
			__builtin_trap();
	for (size_t i = 0; i < size; i += (size_t)nib_utf8_decode(data + i, size - i, &cp))
		;
	if (nib_utf8_valid(data, size) > size)
		__builtin_trap();
	return 0;
}
