/*
 * driver.c: runs a libFuzzer target without libFuzzer, so that `make check`
 * replays every corpus file (and a few fixed inputs) through the target,
 * under the sanitizers in `make check SANITIZE=1`.
 */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *fixed[] = {
	"", "\n", "\f\n", "\r\n\r", "\"", "'", "\xe2\x80\x9c", "\xc3", "\xff\xfe",
	"a. b. c.", "\"Hi,\" he said.", "&amp;&#x2019;&#99999999;&", "\0\0\n",
};

int
main(int argc, char *argv[])
{
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		LLVMFuzzerTestOneInput((const uint8_t *)fixed[i], __builtin_strlen(fixed[i]));
	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		char *buf = NULL;
		size_t cap = 0, n = 0, r;

		if (fp == NULL)
			err(2, "%s", argv[i]);
		do {
			/* A failed realloc ends the run: nothing leaks. */
			/* cppcheck-suppress memleakOnRealloc */
			if (n == cap && (buf = realloc(buf, cap = cap * 2 + 4096)) == NULL)
				err(2, "realloc");
			r = fread(buf + n, 1, cap - n, fp);
			n += r;
		} while (r > 0);
		fclose(fp);
		LLVMFuzzerTestOneInput((const uint8_t *)buf, n);
		free(buf);
	}
	return 0;
}
