/*
 * out: checked, buffered standard output.
 *
 * Every tool writes through these calls.  A write error ends the tool with
 * "nibX: write error: <reason>" and exit status 2; a closed pipe (EPIPE)
 * ends it quietly, as if by SIGPIPE.  nib_out_close() must be called at the
 * end of main so that the last buffer's errors are seen too.
 */
#ifndef NIB_OUT_H
#define NIB_OUT_H
#include <stddef.h>

/*
 * -z: records end in NUL instead of a line end, on input (the reader) and
 * on output.  Set once, before reading.
 */
extern int nib_zflag;
/* The record end a tool writes: '\n', or '\0' with -z. */
#define NIB_EOL (nib_zflag ? '\0' : '\n')

void nib_out_write(const void *p, size_t n);
void nib_out_putc(int c);
void nib_out_str(const char *s);
/* printf(3) to the output buffer. */
void nib_out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes a document separator: a form feed and the record end. */
void nib_out_docsep(void);
/*
 * Capture (--jsonl, see jldoc.h): while on, what is written collects in
 * memory instead; nib_out_captured() gives it, and turning capture on or
 * off empties it.
 */
void nib_out_capture(int on);
const unsigned char *nib_out_captured(size_t *n);
/*
 * Set while documents are captured: nib_out_docsep() calls it (last 0)
 * instead of writing a separator, as each object is one line, and
 * nib_out_close() calls it first (last 1).
 */
extern void (*nib_out_docend)(int last);
/* Writes the buffer out now (for interactive use between documents). */
void nib_out_flush(void);
/*
 * Flushes and closes standard output; exits 2 on a write error, and when
 * some earlier write to standard error failed.
 */
void nib_out_close(void);
/*
 * write(2) all of p[0..n) to fd, again after EINTR and short writes.
 * Returns 0, or -1 with errno set.
 */
int nib_writeall(int fd, const void *p, size_t n);
/*
 * Writes p[0..n) to standard error in one write(2) (a record or message
 * never interleaves with another process's).  If it fails, the run goes
 * on and nib_out_close() exits 2.
 */
void nib_err_write(const void *p, size_t n);

#endif
