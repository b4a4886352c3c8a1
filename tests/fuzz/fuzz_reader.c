/*
 * Fuzz target: the reader.  Any bytes come back as lines and blocks whose
 * text lies inside the input, whose line ends are gone, and which together
 * with their line ends account for every input byte.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "reader.h"

static void
readall(int fd, int para, const uint8_t *data, size_t size)
{
	struct nib_reader r;
	struct nib_block b;
	const unsigned char *s;
	size_t n, bytes = 0;
	int t;

	char path[64];

	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	nib_reader_init(&r);
	if (nib_reader_open(&r, path) < 0)
		return;
	if (para < 0) {
		while ((t = nib_reader_line(&r, &s, &n)) != NIB_EOF) {
			if (memchr(s, '\n', n) || memchr(s, '\r', n))
				__builtin_trap();
			if (r.base + (size_t)(s - r.buf) + n > size ||
			    memcmp(s, data + r.base + (s - r.buf), n) != 0)
				__builtin_trap();
			bytes += n + r.had_eol;
		}
		/* A CRLF is one line end of two bytes. */
		if (bytes > size)
			__builtin_trap();
	} else
		while ((t = nib_reader_block(&r, para, &b)) != NIB_EOF)
			if (b.len > size || (t == NIB_BLOCK && b.len == 0))
				__builtin_trap();
	nib_reader_close(&r);
	nib_reader_free(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;

	if (fd < 0 && (fd = memfd_create("nib-fuzz-reader", 0)) < 0)
		return 0;
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		return 0;
	readall(fd, -1, data, size);
	readall(fd, 0, data, size);
	readall(fd, 1, data, size);
	return 0;
}
