/*
 * Fuzz target: the JSON and TSV string writers (json.h) read back.  The
 * output goes to a memory file; the JSON string must hold no raw control
 * byte, be valid UTF-8 and decode to the input with each invalid byte made
 * U+FFFD; the TSV field must hold no tab, LF or CR and unescape to the
 * input exactly.  fuzz_out only checks that the writers do not crash.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "json.h"
#include "out.h"
#include "utf8.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

static int mfd = -1;

/* Runs one writer on data and returns what it wrote (caller frees). */
static unsigned char *
capture(void (*wr)(const void *, size_t), const uint8_t *data, size_t size, size_t *len)
{
	unsigned char *buf;
	off_t end;

	CHECK(ftruncate(mfd, 0) == 0 && lseek(mfd, 0, SEEK_SET) == 0);
	wr(data, size);
	nib_out_flush();
	end = lseek(mfd, 0, SEEK_END);
	CHECK(end >= 0);
	*len = (size_t)end;
	CHECK((buf = malloc(*len + 1)) != NULL);
	CHECK(pread(mfd, buf, *len, 0) == (ssize_t)*len);
	return buf;
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	__builtin_trap();
}

/* Decodes the JSON string s[0..n) into out; returns the decoded length. */
static size_t
json_decode(const unsigned char *s, size_t n, unsigned char *out)
{
	size_t i = 1, o = 0;

	CHECK(n >= 2 && s[0] == '"' && s[n - 1] == '"');
	CHECK(nib_utf8_valid(s, n) == n);
	while (i < n - 1) {
		CHECK(s[i] >= 0x20 && s[i] != '"');
		if (s[i] != '\\') {
			out[o++] = s[i++];
			continue;
		}
		CHECK(i + 1 < n - 1);
		switch (s[i + 1]) {
		case '"': case '\\': case '/': out[o++] = s[i + 1]; break;
		case 'n': out[o++] = '\n'; break;
		case 't': out[o++] = '\t'; break;
		case 'r': out[o++] = '\r'; break;
		case 'b': out[o++] = '\b'; break;
		case 'f': out[o++] = '\f'; break;
		case 'u': {
			int32_t cp = 0;

			CHECK(i + 6 < n);
			for (int k = 2; k < 6; k++)
				cp = cp * 16 + hexval(s[i + k]);
			CHECK(cp < 0xd800 || cp > 0xdfff);
			o += (size_t)nib_utf8_encode(cp, out + o);
			i += 6;
			continue;
		}
		default:
			__builtin_trap();
		}
		i += 2;
	}
	return o;
}

static void
check_json(const uint8_t *data, size_t size)
{
	size_t n, m, e = 0;
	unsigned char *s = capture(nib_json_str, data, size, &n);
	unsigned char *got = malloc(n * 3 + 1), *want = malloc(size * 3 + 1);
	int32_t cp;

	CHECK(got != NULL && want != NULL);
	m = json_decode(s, n, got);
	for (size_t i = 0; i < size;) {
		int l = nib_utf8_decode(data + i, size - i, &cp);

		CHECK(l >= 1 && (size_t)l <= size - i);
		if (cp < 0)
			e += (size_t)nib_utf8_encode(0xfffd, want + e);
		else
			memcpy(want + e, data + i, (size_t)l), e += (size_t)l;
		i += (size_t)l;
	}
	CHECK(m == e && memcmp(got, want, m) == 0);
	free(s);
	free(got);
	free(want);
}

static void
check_tsv(const uint8_t *data, size_t size)
{
	size_t n, o = 0;
	unsigned char *s = capture(nib_tsv_str, data, size, &n);
	unsigned char *got = malloc(n + 1);

	CHECK(got != NULL);
	for (size_t i = 0; i < n; i++) {
		CHECK(s[i] != '\t' && s[i] != '\n' && s[i] != '\r');
		if (s[i] != '\\') {
			got[o++] = s[i];
			continue;
		}
		CHECK(++i < n);
		switch (s[i]) {
		case 't': got[o++] = '\t'; break;
		case 'n': got[o++] = '\n'; break;
		case 'r': got[o++] = '\r'; break;
		case '\\': got[o++] = '\\'; break;
		default: __builtin_trap();
		}
	}
	CHECK(o == size && memcmp(got, data, size) == 0);
	free(s);
	free(got);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (mfd < 0) {
		CHECK((mfd = memfd_create("fuzz_json", 0)) >= 0);
		CHECK(dup2(mfd, STDOUT_FILENO) == STDOUT_FILENO);
	}
	check_json(data, size);
	check_tsv(data, size);
	return 0;
}
