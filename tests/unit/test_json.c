/* json and out: output is captured by pointing stdout at a file. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "json.h"
#include "out.h"
#include "t.h"

static char path[] = "/tmp/nib-test-json-XXXXXX";

/*
 * The decoder undoes the escaper, for valid UTF-8 of every kind and at
 * every offset of the eight-byte words it reads, and stops at the quote.
 */
static void
roundtrip(void)
{
	static const char *pieces[] = {
		"plain", "\"", "\\", "\n\r\t\b\f", "\x01\x1f", "\x7f",
		"\xc3\xa9", "\xe2\x80\x99", "\xe2\x80\xa8\xe2\x80\xa9",
		"\xf0\x9f\x98\x80", "/",
	};
	struct nib_buf b = { 0 };
	unsigned char t[64], o[128];
	size_t tl, ol, end;

	for (size_t k = 0; k < sizeof pieces / sizeof pieces[0]; k++) {
		for (size_t p = 0; p < 17; p++) {
			memset(t, 'x', p);
			tl = p + strlen(pieces[k]);
			memcpy(t + p, pieces[k], tl - p);
			memcpy(t + tl, "yz", 2);
			tl += 2;
			b.len = 0;
			nib_buf_json(&b, t, tl);
			nib_buf_add(&b, ",1}", 3);
			end = nib_json_decode(o, &ol, (unsigned char *)b.s + 1, b.len - 1);
			T(ol == tl && memcmp(o, t, tl) == 0);
			T(end == b.len - 5 && b.s[end + 1] == '"');
		}
	}
	/* What only input has: \/, upper-case hex, surrogate pairs. */
	end = nib_json_decode(o, &ol, (const unsigned char *)
	    "\\/\\u00E9\\uD83D\\uDE00\\ud800\"", 27);
	T(end == 26);
	T_MEM(o, ol, "/\xc3\xa9\xf0\x9f\x98\x80\xef\xbf\xbd");
	free(b.s);
}

int
main(void)
{
	char got[256];
	int fd = mkstemp(path), rfd;
	ssize_t n;
	static const char want[] =
	    "\"a\\\"b\\\\c\\n\\t\\u0001\xe2\x80\x99\\ufffd\\u2028\"\tnull\n"
	    "x\\ty\\nz\\\\w\\r\xff\n";

	roundtrip();
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
