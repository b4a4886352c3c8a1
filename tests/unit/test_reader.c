#include <stdlib.h>
#include <unistd.h>

#include "mem.h"
#include "out.h"
#include "reader.h"
#include "t.h"

static char path[] = "/tmp/nib-test-reader-XXXXXX";

static void
writefile(const void *s, size_t n)
{
	int fd = mkstemp(path);

	if (fd < 0 || write(fd, s, n) != (ssize_t)n)
		abort();
	close(fd);
}

static void
reopen(struct nib_reader *r, const void *s, size_t n)
{
	strcpy(path, "/tmp/nib-test-reader-XXXXXX");
	writefile(s, n);
	nib_reader_init(r);
	T(nib_reader_open(r, path) == 0);
	unlink(path);
}

static void
lines(void)
{
	static const char in[] = "one\r\ntwo\rthree\nnul\0byte\n\f\nlast";
	struct nib_reader r;
	const unsigned char *s;
	size_t n;

	reopen(&r, in, sizeof in - 1);
	T(nib_reader_line(&r, &s, &n) == NIB_LINE && n == 3 && memcmp(s, "one", 3) == 0);
	T(r.line == 1 && r.off == 0 && r.doc == 1);
	T(nib_reader_line(&r, &s, &n) == NIB_LINE);
	T_MEM(s, n, "two");
	T(r.off == 5);
	T(nib_reader_line(&r, &s, &n) == NIB_LINE);
	T_MEM(s, n, "three");
	T(nib_reader_line(&r, &s, &n) == NIB_LINE);
	T_MEM(s, n, "nul\0byte");
	T(r.had_eol);
	T(nib_reader_line(&r, &s, &n) == NIB_DOCSEP);
	T(nib_reader_line(&r, &s, &n) == NIB_LINE);
	T_MEM(s, n, "last");
	T(!r.had_eol && r.doc == 2 && r.docline == 1 && r.line == 6 && r.off == 0);
	T(nib_reader_line(&r, &s, &n) == NIB_EOF);
	nib_reader_close(&r);
	nib_reader_free(&r);
}

/* A CRLF split by the read boundary is one line end, not two. */
static void
crlf_boundary(void)
{
	size_t big = 128 * 1024 + 10, first = 128 * 1024 - 1;
	unsigned char *in = nib_realloc(NULL, big, 1);
	struct nib_reader r;
	const unsigned char *s;
	size_t n;

	memset(in, 'x', big);
	in[first] = '\r';
	in[first + 1] = '\n';
	reopen(&r, in, big);
	T(nib_reader_line(&r, &s, &n) == NIB_LINE && n == first);
	T(nib_reader_line(&r, &s, &n) == NIB_LINE && n == big - first - 2);
	T(nib_reader_line(&r, &s, &n) == NIB_EOF);
	nib_reader_close(&r);
	nib_reader_free(&r);
	free(in);
}

/*
 * Lines look for a CR only once one has been read: a CR first seen past
 * the first read, inside a line begun before it and in the next file,
 * still ends its line.
 */
static void
late_cr(void)
{
	size_t big = 3 * 128 * 1024, at = 128 * 1024 + 5;
	unsigned char *in = nib_realloc(NULL, big, 1);
	struct nib_reader r;
	const unsigned char *s;
	size_t n, lines = 0;

	memset(in, 'x', big);
	for (size_t i = 99; i < at - 200; i += 100)
		in[i] = '\n';
	in[at - 150] = '\n';		/* the line cut by the CR starts here */
	in[at] = '\r';
	in[big - 1] = '\n';
	reopen(&r, in, big);
	while (nib_reader_line(&r, &s, &n) == NIB_LINE && n != 149)
		lines++;
	T(lines == (at - 200) / 100 + 1 && n == 149);
	T(nib_reader_line(&r, &s, &n) == NIB_LINE && n == big - at - 2);
	T(nib_reader_line(&r, &s, &n) == NIB_EOF);
	nib_reader_close(&r);
	/* The next file has no CR of its own: a lone CR in it is data only with -z. */
	strcpy(path, "/tmp/nib-test-reader-XXXXXX");
	writefile("ab\rcd\n", 6);
	T(nib_reader_open(&r, path) == 0);
	unlink(path);
	T(nib_reader_line(&r, &s, &n) == NIB_DOCSEP);
	T(nib_reader_line(&r, &s, &n) == NIB_LINE && n == 2);
	T(nib_reader_line(&r, &s, &n) == NIB_LINE && n == 2);
	nib_reader_close(&r);
	nib_reader_free(&r);
	free(in);
}

/* A line longer than any buffer comes back whole. */
static void
long_line(void)
{
	size_t big = 5 * 1000 * 1000;
	unsigned char *in = nib_realloc(NULL, big + 3, 1);
	struct nib_reader r;
	const unsigned char *s;
	size_t n;

	memset(in, 'y', big);
	memcpy(in + big, "\nz", 2);
	reopen(&r, in, big + 2);
	T(nib_reader_line(&r, &s, &n) == NIB_LINE && n == big && s[big - 1] == 'y');
	T(nib_reader_line(&r, &s, &n) == NIB_LINE && n == 1 && s[0] == 'z');
	nib_reader_close(&r);
	nib_reader_free(&r);
	free(in);
}

static void
paragraphs(void)
{
	static const char in[] = "a b\nc\n\n  \nd\n\f\ne\nf";
	struct nib_reader r;
	struct nib_block b;

	reopen(&r, in, sizeof in - 1);
	T(nib_reader_block(&r, 1, &b) == NIB_BLOCK);
	T_MEM(b.s, b.len, "a b\nc");
	T(b.line == 1 && b.off == 0);
	T(nib_reader_block(&r, 1, &b) == NIB_BLANK);
	T(nib_reader_block(&r, 1, &b) == NIB_BLANK);
	T(nib_reader_block(&r, 1, &b) == NIB_BLOCK);
	T_MEM(b.s, b.len, "d");
	T(b.line == 5 && b.off == 10);
	T(nib_reader_block(&r, 1, &b) == NIB_DOCSEP);
	T(nib_reader_block(&r, 1, &b) == NIB_BLOCK);
	T_MEM(b.s, b.len, "e\nf");
	T(b.doc == 2 && b.docline == 1);
	T(nib_reader_block(&r, 1, &b) == NIB_EOF);
	nib_reader_close(&r);
	nib_reader_free(&r);

	reopen(&r, in, sizeof in - 1);
	T(nib_reader_block(&r, 0, &b) == NIB_BLOCK);
	T_MEM(b.s, b.len, "a b");
	T(nib_reader_block(&r, 0, &b) == NIB_BLOCK);
	T(nib_reader_block(&r, 0, &b) == NIB_BLANK);
	T(nib_reader_block(&r, 0, &b) == NIB_BLANK);
	nib_reader_close(&r);
	nib_reader_free(&r);
}

/*
 * After a long block the reader gives its memory back on asking, and the
 * lines after it come whole, at the right lines and offsets.
 */
static void
shrink(void)
{
	size_t big = 3 * 1000 * 1000;
	unsigned char *in = nib_realloc(NULL, 2 * big + 16, 1);
	struct nib_reader r;
	struct nib_block b;

	memset(in, 'y', 2 * big + 1);
	in[big] = '\n';
	memcpy(in + 2 * big + 1, "\nz\n\f\nw", 6);
	reopen(&r, in, 2 * big + 7);
	/* What was read ahead of the first line is kept. */
	T(nib_reader_block(&r, 0, &b) == NIB_BLOCK && b.len == big);
	nib_reader_shrink(&r);
	T(nib_reader_block(&r, 0, &b) == NIB_BLOCK && b.len == big);
	nib_reader_shrink(&r);
	T(r.cap < (1 << 20));
	T(nib_reader_block(&r, 0, &b) == NIB_BLOCK && b.len == 1 && b.s[0] == 'z');
	T(b.line == 3 && b.off == 2 * big + 2);
	T(nib_reader_block(&r, 0, &b) == NIB_DOCSEP);
	T(nib_reader_block(&r, 0, &b) == NIB_BLOCK && b.len == 1 && b.s[0] == 'w');
	T(b.line == 5 && b.off == 0 && b.doc == 2);
	T(nib_reader_block(&r, 0, &b) == NIB_EOF);
	nib_reader_close(&r);
	nib_reader_free(&r);
	/* A paragraph: its block goes too. */
	memcpy(in + 2 * big + 1, "\n\nq\n", 4);
	reopen(&r, in, 2 * big + 5);
	T(nib_reader_block(&r, 1, &b) == NIB_BLOCK && b.len == 2 * big + 1);
	nib_reader_shrink(&r);
	T(r.cap < (1 << 20) && r.blkcap == 0);
	T(nib_reader_block(&r, 1, &b) == NIB_BLANK);
	T(nib_reader_block(&r, 1, &b) == NIB_BLOCK && b.len == 1 && b.s[0] == 'q');
	T(b.line == 4 && b.off == 2 * big + 3);
	T(nib_reader_block(&r, 1, &b) == NIB_EOF);
	nib_reader_close(&r);
	nib_reader_free(&r);
	free(in);
}

static void
empty(void)
{
	struct nib_reader r;
	const unsigned char *s;
	size_t n;

	reopen(&r, "", 0);
	T(nib_reader_line(&r, &s, &n) == NIB_EOF);
	nib_reader_close(&r);
	nib_reader_free(&r);
	nib_reader_init(&r);
	T(nib_reader_open(&r, "/nonexistent/nib") == -1 && r.failed);
}

/*
 * A second operand starts with a separator of its own; a directory or a
 * missing file takes no document number; -z ends records at NUL only.
 */
static void
operands(void)
{
	struct nib_reader r;
	const unsigned char *s;
	size_t n;

	reopen(&r, "a\n", 2);
	T(nib_reader_line(&r, &s, &n) == NIB_LINE && r.doc == 1);
	T(nib_reader_line(&r, &s, &n) == NIB_EOF);
	nib_reader_close(&r);
	T(nib_reader_open(&r, "/") < 0 && r.failed && r.doc == 1);
	T(nib_reader_open(&r, "/no/such/file") < 0 && r.doc == 1);
	strcpy(path, "/tmp/nib-test-reader-XXXXXX");
	writefile("b\nc\0d\r\n", 8);
	T(nib_reader_open(&r, path) == 0 && r.doc == 2 && strcmp(r.path, path) == 0);
	unlink(path);
	T(nib_reader_line(&r, &s, &n) == NIB_DOCSEP && n == 1 && *s == '\f' && r.line == 0);
	nib_zflag = 1;
	T(nib_reader_line(&r, &s, &n) == NIB_LINE && n == 3 && memcmp(s, "b\nc", 3) == 0);
	T(nib_reader_line(&r, &s, &n) == NIB_LINE && n == 3 && memcmp(s, "d\r\n", 3) == 0);
	T(nib_reader_line(&r, &s, &n) == NIB_EOF);
	nib_zflag = 0;
	nib_reader_close(&r);
	nib_reader_free(&r);
}

int
main(void)
{
	operands();
	lines();
	crlf_boundary();
	late_cr();
	long_line();
	shrink();
	paragraphs();
	empty();
	T_DONE();
}
