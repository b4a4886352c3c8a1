#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jldoc.h"
#include "mem.h"
#include "out.h"
#include "reader.h"
#include "sniff.h"

/* Reads come in 128 KiB: past that, bigger reads stop paying off. */
#define READSZ (128 * 1024)

void
nib_reader_init(struct nib_reader *r)
{
	memset(r, 0, sizeof *r);
	r->fd = -1;
	r->name = "stdin";
}

int
nib_reader_open(struct nib_reader *r, const char *path)
{
	struct stat st;

	r->path = path;
	if (strcmp(path, "-") == 0) {
		r->fd = STDIN_FILENO;
		r->name = "stdin";
	} else {
		r->fd = open(path, O_RDONLY);
		r->name = path;
		if (r->fd >= 0 && fstat(r->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			close(r->fd);
			r->fd = -1;
			errno = EISDIR;
		}
		if (r->fd < 0) {
			warn("%s", path);
			r->failed = 1;
			return -1;
		}
	}
	/* memchr(3) wants a buffer even when there is nothing in it. */
	NIB_GROW(r->buf, r->cap, READSZ);
	r->eof = 0;
	r->pos = r->end = 0;
	r->base = r->docstart = 0;
	r->line = r->docline = 0;
	r->pend = 0;
	r->sniffed = 0;
	r->readerr = 0;
	r->hascr = 0;
	/* With --jsonl the objects are the documents (jldoc.c). */
	if (nib_jsonl_field == NULL) {
		r->sep = r->doc > 0;
		r->doc++;
	}
	return 0;
}

void
nib_reader_close(struct nib_reader *r)
{
	if (r->fd > STDIN_FILENO)
		close(r->fd);
	r->fd = -1;
}

void
nib_reader_free(struct nib_reader *r)
{
	free(r->buf);
	free(r->blk);
	r->buf = r->blk = NULL;
	r->cap = r->blkcap = 0;
}

void
nib_reader_shrink(struct nib_reader *r)
{
	size_t keep = r->end - r->pos, want = keep + READSZ;
	unsigned char *nb;

	/* --jsonl: jldoc.c reads the lines; the fields are its own. */
	if (nib_jsonl_field != NULL)
		return;
	if (r->cap >= (1 << 20) && r->cap / 4 > want) {
		nb = nib_realloc(NULL, want, 1);
		memcpy(nb, r->buf + r->pos, keep);
		free(r->buf);
		r->buf = nb;
		r->cap = want;
		r->base += r->pos;
		r->end = keep;
		r->pos = 0;
	}
	if (r->blkcap >= (1 << 20)) {
		free(r->blk);
		r->blk = NULL;
		r->blkcap = 0;
	}
}

/* Reads more input after r->end; returns 0 at end of file or on error. */
static int
fill(struct nib_reader *r)
{
	ssize_t n;

	if (r->eof)
		return 0;
	if (r->pos > 0 && r->pos == r->end) {
		r->base += r->pos;
		r->pos = r->end = 0;
	}
	if (r->cap - r->end < READSZ) {
		if (r->pos > 0) {
			/* Keep the partial line, drop what was returned. */
			memmove(r->buf, r->buf + r->pos, r->end - r->pos);
			r->base += r->pos;
			r->end -= r->pos;
			r->pos = 0;
		}
		NIB_GROW(r->buf, r->cap, r->end + READSZ);
	}
	for (;;) {
		n = read(r->fd, r->buf + r->end, r->cap - r->end);
		if (n >= 0)
			break;
		if (errno != EINTR) {
			warn("%s", r->name);
			r->failed = r->readerr = 1;
			r->eof = 1;
			return 0;
		}
	}
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	/* One look a read, so that lines of a file without CR need none. */
	if (!r->hascr && memchr(r->buf + r->end, '\r', (size_t)n) != NULL)
		r->hascr = 1;
	r->end += (size_t)n;
	return 1;
}

/*
 * Once a file, at a document's first line: warn when the document looks
 * like HTML or JSON Lines, which every tool would pass through as garbage.
 */
static void
sniff(struct nib_reader *r, size_t start)
{
	switch (nib_sniff(r->buf + start, r->end - start)) {
	case NIB_HTML:
		warnx("%s: looks like HTML, not text: convert it first "
		    "(w3m -dump, or html2text)", r->name);
		r->sniffed = 1;
		break;
	case NIB_JSONL:
		warnx("%s: looks like JSON Lines: read it with --jsonl "
		    "(or --jsonl=FIELD)", r->name);
		r->sniffed = 1;
		break;
	default:
		break;
	}
}

int
nib_reader_line(struct nib_reader *r, const unsigned char **s, size_t *len)
{
	size_t start;

	if (r->fd < 0)
		return NIB_EOF;
	if (nib_jsonl_field != NULL)
		return nib_jl_line(r, s, len);
	/*
	 * A file that cannot be read from its first byte on is no document,
	 * as a missing one is not: no separator, no document number.
	 */
	if (r->base == 0 && r->end == 0 && !r->eof && !fill(r) && r->readerr) {
		r->sep = 0;
		r->doc--;
		return NIB_EOF;
	}
	if (r->sep) {
		r->sep = 0;
		r->off = 0;
		*s = (const unsigned char *)"\f";
		*len = 1;
		return NIB_DOCSEP;
	}
	if (nib_reader_raw(r, s, len) == NIB_EOF)
		return NIB_EOF;
	start = (size_t)(*s - r->buf);
	if (*len == 1 && r->buf[start] == '\f') {
		r->doc++;
		r->docline = 0;
		r->off = r->base + start - r->docstart;
		r->docstart = r->base + r->pos;
		return NIB_DOCSEP;
	}
	if (r->docline++ == 0 && !r->sniffed)
		sniff(r, start);
	r->off = r->base + start - r->docstart;
	return NIB_LINE;
}

int
nib_reader_raw(struct nib_reader *r, const unsigned char **s, size_t *len)
{
	size_t scan = r->pos;	/* bytes before scan hold no line end */
	unsigned char *p, *nl, *cr;
	size_t start, stop, next;

	for (;;) {
		p = r->buf + scan;
		/* With -z only NUL ends a record: LF and CR are data. */
		nl = memchr(p, NIB_EOL, r->end - scan);
		cr = nib_zflag || !r->hascr ? NULL :
		    memchr(p, '\r', (nl ? (size_t)(nl - p) : r->end - scan));
		if (cr != NULL) {
			/* A CR at the end of the buffer may be half of a CRLF. */
			if (cr + 1 == r->buf + r->end && !r->eof) {
				scan = (size_t)(cr - r->buf);
				size_t keep = scan - r->pos;
				if (!fill(r) && !r->eof)
					return NIB_EOF;
				scan = r->pos + keep;
				continue;
			}
			stop = (size_t)(cr - r->buf);
			next = stop + 1 + (cr + 1 < r->buf + r->end && cr[1] == '\n');
			break;
		}
		if (nl != NULL) {
			stop = (size_t)(nl - r->buf);
			next = stop + 1;
			break;
		}
		size_t keep = r->end - r->pos;
		if (!fill(r)) {
			if (r->pos == r->end)
				return NIB_EOF;
			stop = next = r->end;	/* last line, no line end */
			break;
		}
		scan = r->pos + keep;
	}
	start = r->pos;
	r->pos = next;
	r->had_eol = next > stop;
	*s = r->buf + start;
	*len = stop - start;
	r->line++;
	return NIB_LINE;
}

static int
isblankline(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static void
setblock(const struct nib_reader *r, struct nib_block *b,
    const unsigned char *s, size_t len)
{
	b->s = s;
	b->len = len;
	b->line = r->line;
	b->docline = r->docline;
	b->off = r->off;
	b->doc = r->doc;
}

int
nib_reader_block(struct nib_reader *r, int paragraphs, struct nib_block *b)
{
	const unsigned char *s;
	size_t len, n = 0;
	int t;

	if (r->pend) {
		t = r->pend;
		*b = r->pendb;
		r->pend = 0;
		return t;
	}
	while ((t = nib_reader_line(r, &s, &len)) != NIB_EOF) {
		if (t == NIB_LINE && isblankline(s, len))
			t = NIB_BLANK;
		else if (t == NIB_LINE)
			t = NIB_BLOCK;
		if (!paragraphs || (t != NIB_BLOCK && n == 0)) {
			setblock(r, b, s, len);
			return t;
		}
		if (t != NIB_BLOCK) {
			/* End of a paragraph: hand this item back next time. */
			r->pend = t;
			setblock(r, &r->pendb, s, len);
			if (t == NIB_BLANK) {
				/* The paragraph must not point into the line buffer. */
				r->pendb.s = (const unsigned char *)"";
				r->pendb.len = 0;
			} else {
				r->pendb.s = (const unsigned char *)"\f";
				r->pendb.len = 1;
			}
			break;
		}
		if (n == 0) {
			b->line = r->line;
			b->docline = r->docline;
			b->off = r->off;
			b->doc = r->doc;
		}
		NIB_GROW(r->blk, r->blkcap, n + len + 1);
		if (n > 0)
			r->blk[n++] = '\n';
		memcpy(r->blk + n, s, len);
		n += len;
	}
	if (n == 0 && t == NIB_EOF)
		return NIB_EOF;
	b->s = r->blk;
	b->len = n;
	return NIB_BLOCK;
}

int
nib_each_file(int argc, char **argv,
    void (*fn)(struct nib_reader *r, void *arg), void *arg)
{
	struct nib_reader r;
	char *dash[] = { "-", NULL };
	int failed;

	if (argc == 0) {
		argc = 1;
		argv = dash;
	}
	nib_reader_init(&r);
	for (int i = 0; i < argc; i++) {
		if (nib_reader_open(&r, argv[i]) < 0)
			continue;
		fn(&r, arg);
		nib_reader_close(&r);
	}
	failed = r.failed;
	nib_reader_free(&r);
	nib_jl_end();
	return failed ? 2 : 0;
}

static void
vwarnl(const struct nib_reader *r, const char *fmt, va_list ap)
{
	char *msg;

	if (vasprintf(&msg, fmt, ap) < 0)
		err(2, "out of memory");
	warnx("%s:%lu: %s", r->name, r->line, msg);
	free(msg);
}

void
nib_warnl(const struct nib_reader *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnl(r, fmt, ap);
	va_end(ap);
}

void
nib_errl(int eval, const struct nib_reader *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnl(r, fmt, ap);
	va_end(ap);
	exit(eval);
}
