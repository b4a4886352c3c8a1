/* rec, buf escapers, nib_size, nib_ratio, swar, nib_unspaced, nib_writeall. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "json.h"
#include "opts.h"
#include "out.h"
#include "rec.h"
#include "swar.h"
#include "tokens.h"
#include "t.h"

static char path[] = "/tmp/nib-test-rec-XXXXXX";

static void
records(void)
{
	static const char *const keys[] = { "doc", "file", "text", NULL };
	struct nib_rec r = { .b = { 0 } };

	nib_rec_header(keys, STDOUT_FILENO);
	for (int json = 0; json < 2; json++) {
		nib_rec_begin(&r, json);
		nib_rec_num(&r, "doc", 12);
		nib_rec_cstr(&r, "file", NULL);
		nib_rec_str(&r, "text", "a\tb\"c\n", 6);
		nib_rec_raw(&r, "score", "0.5");
		nib_rec_put(&r, STDOUT_FILENO);
	}
	nib_rec_free(&r);
}

int
main(void)
{
	static const char want[] = "doc\tfile\ttext\n"
	    "12\t\ta\\tb\"c\\n\t0.5\n"
	    "{\"doc\":12,\"file\":null,\"text\":\"a\\tb\\\"c\\n\",\"score\":0.5}\n";
	struct nib_buf b = { 0 };
	char got[256];
	int fd = mkstemp(path), rfd;
	ssize_t n;

	T(fd >= 0);
	rfd = dup(STDOUT_FILENO);
	dup2(fd, STDOUT_FILENO);
	records();
	nib_out_flush();
	dup2(rfd, STDOUT_FILENO);
	n = pread(fd, got, sizeof got, 0);
	T(n == (ssize_t)sizeof want - 1 && memcmp(got, want, sizeof want - 1) == 0);
	T(nib_writeall(fd, "xy", 2) == 0);
	T(nib_writeall(-1, "xy", 2) < 0);
	close(fd);
	unlink(path);

	nib_buf_tsv(&b, "a\\b", 3);
	nib_buf_json(&b, "\x01", 1);
	T(b.len == 12 && strcmp(b.s, "a\\\\b\"\\u0001\"") == 0);
	free(b.s);

	T(nib_size("1", "x") == 1);
	T(nib_size("64k", "x") == 65536);
	T(nib_size("256M", "x") == (size_t)256 << 20);
	T(nib_size("1T", "x") == (size_t)1 << 40);
	T(nib_ratio("0.9", "x") == 0.9);

	T(nib_swar_high(nib_swar_load((const unsigned char *)"abcdefgh")) == 0);
	T(nib_swar_high(nib_swar_load((const unsigned char *)"abcdefg\xc3")) != 0);
	T(nib_swar_has(nib_swar_load((const unsigned char *)"ab\"defgh"), '"'));
	T(!nib_swar_has(nib_swar_load((const unsigned char *)"abcdefgh"), '"'));
	T(nib_swar_eq(nib_swar_load((const unsigned char *)"a.c.efgh"), '.') ==
	    0x0000000080008000ULL);

	T(nib_unspaced(0x4E2D) && nib_unspaced(0x30A2) && nib_unspaced(0x0E01));
	T(!nib_unspaced('a') && !nib_unspaced(0x00E9) && !nib_unspaced(-1));
	T_DONE();
}
