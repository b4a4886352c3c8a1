/*
 * Fuzz target: nibdedup's per-document and stream engines on any input
 * (the first byte picks the options), through a reader over a memfd.
 */
#include <sys/mman.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../../cmd/nibdedup/dedup.h"
#include "out.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int devnull = -1;
	struct dd d;
	struct nib_reader r;
	char path[64];
	int fd;

	if (devnull < 0) {
		devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, STDOUT_FILENO);
	}
	if (size == 0)
		return 0;
	memset(&d, 0, sizeof d);
	d.scope = data[0] & 3;
	d.mode = (data[0] >> 2) % 3;
	d.sent = (data[0] >> 4) & 1;
	d.para = (data[0] >> 5) & 1;
	d.count = (data[0] >> 6) & 1 && (d.scope == SC_DOC || d.scope == SC_ADJ);
	d.t = (data[0] >> 7) ? 0.9 : 0.5;
	d.minwords = 2 + (data[0] & 3);
	d.maxdoc = (size_t)1 << 30;
	data++, size--;
	if ((fd = memfd_create("in", 0)) < 0 || write(fd, data, size) != (ssize_t)size)
		__builtin_trap();
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	nib_hashset_init(&d.set, d.scope == SC_WIN ? 3 : 0, 0);
	nib_reader_init(&r);
	if (nib_reader_open(&r, path) == 0) {
		if (d.scope == SC_DOC)
			dd_doc(&r, &d);
		else
			dd_stream(&r, &d);
		nib_reader_close(&r);
	}
	if (d.scope == SC_DOC)
		dd_doc_end(&d);
	else
		dd_stream_end(&d);
	nib_reader_free(&r);
	nib_hashset_free(&d.set);
	nib_keybuf_free(&d.kb);
	close(fd);
	nib_out_flush();
	return 0;
}
