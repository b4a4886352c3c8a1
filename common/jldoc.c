#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jldoc.h"
#include "json.h"
#include "jsonl.h"
#include "mem.h"
#include "out.h"
#include "reader.h"

const char *nib_jsonl_field;
int nib_jsonl_skipbad;
int nib_jsonl_records;

/* One object: its line as read (for the splice) and what parsing found. */
struct jdoc {
	struct nib_jsonl j;
	unsigned char *line;
	size_t n, cap;
	unsigned long lineno;
};

/*
 * Two objects at most are alive: the one whose text is being handed out
 * and, until the reader moves past the separator, the one before it,
 * whose output the tool may still be writing.  One run, one reader.
 */
static struct {
	struct jdoc d[2];
	int cur;		/* the slot being handed out */
	int serving;		/* lines of d[cur] remain */
	int pendopen;		/* a NIB_DOCSEP was given: open d[cur] next */
	size_t tpos;		/* next line's start in d[cur].j.text */
	struct jdoc *open;	/* the object output is captured for */
	struct jdoc *last;	/* the object records name */
	unsigned long skipped;
} js;

static int
capturing(void)
{
	return nib_jsonl_field != NULL && !nib_jsonl_records;
}

void
nib_jl_flush(void)
{
	const unsigned char *t;
	size_t n;

	if (js.open == NULL)
		return;
	if (capturing()) {
		t = nib_out_captured(&n);
		/* A one-line document comes back as it went in. */
		if (n > 0 && t[n - 1] == '\n')
			n--;
		nib_out_capture(0);
		nib_jsonl_splice(&js.open->j, js.open->line, js.open->n, t, n);
		nib_out_capture(1);
	}
	js.open = NULL;
}

/* The tool's output from now on belongs to d. */
static void
jopen(struct jdoc *d)
{
	if (js.open != d)
		nib_jl_flush();
	js.open = js.last = d;
	if (capturing()) {
		nib_out_atclose = nib_jl_flush;
		nib_out_capture(1);
	}
}

/* Hands out the next line of the current object's text; 0 when none is left. */
static int
textline(struct nib_reader *r, const unsigned char **s, size_t *len)
{
	struct jdoc *d = &js.d[js.cur];
	const unsigned char *t = d->j.text, *e = t + d->j.textlen, *p, *q;

	if (js.tpos >= d->j.textlen)
		return 0;
	p = t + js.tpos;
	for (q = p; q < e && *q != '\n' && *q != '\r'; q++)
		;
	*s = p;
	*len = (size_t)(q - p);
	r->off = js.tpos;
	r->had_eol = q < e;
	if (q < e)
		q += (*q == '\r' && q + 1 < e && q[1] == '\n') ? 2 : 1;
	js.tpos = (size_t)(q - t);
	r->line = d->lineno;
	r->docline++;
	return 1;
}

/* Parses line p[0..n) into slot k; 0, or -1 when --skip-bad skipped it. */
static int
parse(struct nib_reader *r, int k, const unsigned char *p, size_t n)
{
	struct jdoc *d = &js.d[k];
	int rc;

	rc = nib_jsonl_parse(&d->j, p, n, nib_jsonl_field,
	    strlen(nib_jsonl_field));
	if (rc != NIB_JSONL_OK) {
		if (nib_jsonl_skipbad) {
			js.skipped++;
			return -1;
		}
		if (rc == NIB_JSONL_NOFIELD)
			nib_errl(2, r, "no string field \"%s\"", nib_jsonl_field);
		nib_errl(2, r, "%s", nib_jsonl_strerror(rc));
	}
	nib_grow(&d->line, &d->cap, n + 1);
	memcpy(d->line, p, n);
	d->n = n;
	d->lineno = r->line;
	return 0;
}

int
nib_jl_line(struct nib_reader *r, const unsigned char **s, size_t *len)
{
	const unsigned char *p;
	size_t n;
	int k;

	for (;;) {
		if (js.pendopen) {
			js.pendopen = 0;
			jopen(&js.d[js.cur]);
		}
		if (js.serving && textline(r, s, len))
			return NIB_LINE;
		js.serving = 0;
		if (nib_reader_raw(r, &p, &n) == NIB_EOF)
			return NIB_EOF;
		/* Blank lines between objects are no objects. */
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n == 0)
			continue;
		k = js.last != NULL ? !js.cur : 0;
		if (parse(r, k, p, n) < 0)
			continue;
		js.cur = k;
		js.serving = 1;
		js.tpos = 0;
		r->docline = 0;
		r->off = 0;
		if (r->doc++ > 0) {
			js.pendopen = 1;
			*s = (const unsigned char *)"\f";
			*len = 1;
			return NIB_DOCSEP;
		}
		jopen(&js.d[k]);
	}
}

void
nib_jl_end(void)
{
	if (js.skipped > 0)
		warnx("%lu malformed line%s skipped", js.skipped,
		    js.skipped == 1 ? "" : "s");
	js.skipped = 0;
}

/* The id as raw JSON, or the line number written into num. */
static const unsigned char *
idtext(size_t *n, char *num, size_t size)
{
	const struct jdoc *d = js.last;

	if (d == NULL) {
		*n = 0;
		return (const unsigned char *)"";
	}
	if (d->j.idend > 0) {
		*n = d->j.idend - d->j.idstart;
		return d->line + d->j.idstart;
	}
	*n = (size_t)snprintf(num, size, "%lu", d->lineno);
	return (const unsigned char *)num;
}

void
nib_jl_id(void)
{
	char num[32];
	const unsigned char *s;
	size_t n;

	if (nib_jsonl_field == NULL)
		return;
	s = idtext(&n, num, sizeof num);
	nib_out_str(",\"id\":");
	nib_out_write(s, n);
}

void
nib_jl_id_rec(struct nib_buf *b, int json)
{
	char num[32];
	const unsigned char *s;
	size_t n;

	s = idtext(&n, num, sizeof num);
	if (!json && n >= 2 && s[0] == '"' && memchr(s, '\\', n) == NULL) {
		s++;
		n -= 2;
	}
	nib_buf_add(b, s, n);
}
