#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "out.h"

/* 64 KiB: large enough that write(2) costs little, small enough to stay in L2. */
#define OUTSZ 65536

static unsigned char obuf[OUTSZ];
static size_t olen;
static int errfailed;		/* a write to standard error failed */

int nib_zflag;
void (*nib_out_docend)(int last);

/* Capture (see nib_out_capture): output goes to cbuf instead. */
static int capon;
static unsigned char *cbuf;
static size_t clen, ccap;

void
nib_out_capture(int on)
{
	capon = on;
	clen = 0;
}

const unsigned char *
nib_out_captured(size_t *n)
{
	*n = clen;
	return cbuf != NULL ? cbuf : (const unsigned char *)"";
}

static void
capture(const void *p, size_t n)
{
	if (n == 0)
		return;
	NIB_GROW(cbuf, ccap, clen + n);
	memcpy(cbuf + clen, p, n);
	clen += n;
}

static void
fail(int e)
{
	if (e == EPIPE) {
		/* The reader went away (| head -1): end as a killed filter would. */
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
		_exit(2);
	}
	errno = e;
	warn("write error");
	_exit(2);
}

static void
drain(const unsigned char *p, size_t n)
{
	static int piped;

	if (!piped) {
		/*
		 * A pipeline of nib tools shares two cores: a 1 MiB pipe
		 * lets each stage run longer between switches (a wish only,
		 * so its failure does not matter).
		 */
		piped = 1;
#ifdef F_SETPIPE_SZ
		(void)fcntl(STDOUT_FILENO, F_SETPIPE_SZ, 1 << 20);
#endif
	}
	if (nib_writeall(STDOUT_FILENO, p, n) < 0)
		fail(errno);
}

int
nib_writeall(int fd, const void *v, size_t n)
{
	const unsigned char *p = v;

	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

void
nib_err_write(const void *p, size_t n)
{
	if (nib_writeall(STDERR_FILENO, p, n) < 0) {
		if (errno == EPIPE)
			fail(errno);
		/* Standard output goes on; the status says it at the end. */
		errfailed = 1;
	}
}

void
nib_out_flush(void)
{
	drain(obuf, olen);
	olen = 0;
}

void
nib_out_write(const void *p, size_t n)
{
	if (capon) {
		capture(p, n);
		return;
	}
	if (olen + n <= OUTSZ) {
		memcpy(obuf + olen, p, n);
		olen += n;
		return;
	}
	nib_out_flush();
	if (n >= OUTSZ)
		drain(p, n);
	else {
		memcpy(obuf, p, n);
		olen = n;
	}
}

void
nib_out_putc(int c)
{
	unsigned char b = (unsigned char)c;

	if (capon) {
		capture(&b, 1);
		return;
	}
	if (olen == OUTSZ)
		nib_out_flush();
	obuf[olen++] = (unsigned char)c;
}

void
nib_out_docsep(void)
{
	/* With --jsonl each object is one line: the reader ends documents. */
	if (nib_out_docend != NULL) {
		nib_out_docend(0);
		return;
	}
	nib_out_putc('\f');
	nib_out_putc(NIB_EOL);
}

void
nib_out_str(const char *s)
{
	nib_out_write(s, strlen(s));
}

void
nib_out_printf(const char *fmt, ...)
{
	char small[256], *big = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		errx(2, "output format error");
	if ((size_t)n < sizeof small) {
		nib_out_write(small, (size_t)n);
		return;
	}
	big = nib_realloc(NULL, (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	nib_out_write(big, (size_t)n);
	free(big);
}

void
nib_out_close(void)
{
	if (nib_out_docend != NULL) {
		nib_out_docend(1);
		nib_out_docend = NULL;
		nib_out_capture(0);
	}
	nib_out_flush();
	/* Anything a tool printed with stdio goes out (and is checked) too. */
	if (fflush(stdout) == EOF || ferror(stdout))
		fail(errno ? errno : EIO);
	if (close(STDOUT_FILENO) < 0 && errno != EBADF && errno != EINTR)
		fail(errno);
	/*
	 * A message that could not be written (2>/dev/full) is a failed run
	 * too; saying so may fail as well, but the status tells.
	 */
	if (errfailed || fflush(stderr) == EOF || ferror(stderr)) {
		warnx("write error on standard error");
		_exit(2);
	}
}
