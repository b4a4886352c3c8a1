/* json and out: output is captured by pointing stdout at a file. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "json.h"
#include "out.h"
#include "t.h"

static char path[] = "/tmp/nib-test-json-XXXXXX";

int
main(void)
{
	char got[256];
	int fd = mkstemp(path), rfd;
	ssize_t n;
	static const char want[] =
	    "\"a\\\"b\\\\c\\n\\t\\u0001\xe2\x80\x99\\ufffd\\u2028\"\tnull\n"
	    "x\\ty\\nz\\\\w\\r\xff\n";

	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
		abort();
	nib_json_str("a\"b\\c\n\t\x01\xe2\x80\x99\xff\xe2\x80\xa8", 15);
	nib_out_putc('\t');
	nib_json_cstr(NULL);
	nib_out_putc('\n');
	nib_tsv_str("x\ty\nz\\w\r\xff", 9);
	nib_out_putc('\n');
	nib_out_flush();
	rfd = open(path, O_RDONLY);
	n = read(rfd, got, sizeof got);
	unlink(path);
	T(n == (ssize_t)sizeof want - 1);
	T(n > 0 && memcmp(got, want, (size_t)n) == 0);
	if (n > 0 && memcmp(got, want, (size_t)n) != 0)
		fprintf(stderr, "got %zd bytes, want %zu: %.*s\n", n, sizeof want - 1, (int)n, got);
	T_DONE();
}
