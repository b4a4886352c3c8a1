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

/*
 * An object waiting for its text: the line as read but for the field's
 * value (most of it, not worth a copy), which went at vstart.  A tool may hold documents back (nibdedup does, to see
 * what repeats), so objects queue up until nib_out_docsep() or the end of
 * the run says that a document's output is complete.
 */
struct pend {
	unsigned char *line;
	size_t n, vstart;
};

/* Ids of the last objects read, by document number, for records. */
#define NIDS 256
struct idrec {
	unsigned long doc, lineno;
	char *id;		/* raw JSON, or NULL: none */
};

static struct {
	struct nib_jsonl j;	/* the object being handed out */
	int serving;		/* lines of j.text remain */
	size_t tpos;		/* next line's start in j.text */
	int cr;			/* j.text holds a CR */
	struct pend *q;		/* objects whose output is not written yet */
	size_t qhead, qlen, qcap;
	struct idrec ids[NIDS];
	unsigned long skipped;
} js;

static int
capturing(void)
{
	return nib_jsonl_field != NULL && !nib_jsonl_records;
}

/* Writes the oldest waiting object with what was captured for it. */
static void
splice(void)
{
	struct pend *p;
	struct nib_jsonl j;
	const unsigned char *t;
	size_t n;

	if (js.qlen == 0)
		return;
	p = &js.q[js.qhead];
	t = nib_out_captured(&n);
	/* A one-line document comes back as it went in. */
	if (n > 0 && t[n - 1] == '\n')
		n--;
	memset(&j, 0, sizeof j);
	j.vstart = j.vend = p->vstart;
	nib_out_capture(0);
	nib_jsonl_splice(&j, p->line, p->n, t, n);
	nib_out_capture(1);
	free(p->line);
	js.qhead++;
	if (--js.qlen == 0)
		js.qhead = 0;
}

/* Called by nib_out_docsep() and nib_out_close() while capturing. */
static void
docend(int last)
{
	splice();
	while (last && js.qlen > 0)
		splice();
}

/* Queues the object just parsed from p[0..n), as document r->doc. */
static void
enqueue(const struct nib_reader *r, const unsigned char *p, size_t n)
{
	struct idrec *id = &js.ids[r->doc % NIDS];
	struct pend *q;

	free(id->id);
	id->doc = r->doc;
	id->lineno = r->line;
	id->id = js.j.idend == 0 ? NULL : nib_strndup((const char *)p +
	    js.j.idstart, js.j.idend - js.j.idstart);
	if (!capturing())
		return;
	if (js.qhead + js.qlen == js.qcap && js.qhead > 0) {
		memmove(js.q, js.q + js.qhead, js.qlen * sizeof *js.q);
		js.qhead = 0;
	}
	NIB_GROW(js.q, js.qcap, js.qhead + js.qlen + 1);
	q = &js.q[js.qhead + js.qlen++];
	q->n = n - (js.j.vend - js.j.vstart);
	q->line = nib_realloc(NULL, q->n + 1, 1);
	memcpy(q->line, p, js.j.vstart);
	memcpy(q->line + js.j.vstart, p + js.j.vend, n - js.j.vend);
	q->vstart = js.j.vstart;
	if (nib_out_docend == NULL) {
		nib_out_docend = docend;
		nib_out_capture(1);
	}
}

/* The first CR in p..q, or q. */
static const unsigned char *
memcr(const unsigned char *p, const unsigned char *q)
{
	const unsigned char *c = memchr(p, '\r', (size_t)(q - p));

	return c != NULL ? c : q;
}

/* Hands out the next line of the current object's text; 0 when none is left. */
static int
textline(struct nib_reader *r, const unsigned char **s, size_t *len)
{
	const unsigned char *t = js.j.text, *e = t + js.j.textlen, *p, *q;

	if (js.tpos >= js.j.textlen)
		return 0;
	p = t + js.tpos;
	/* Lines end as the reader's do: LF, CRLF or a lone CR. */
	if ((q = memchr(p, '\n', (size_t)(e - p))) == NULL)
		q = e;
	if (js.cr)
		q = memcr(p, q);
	*s = p;
	*len = (size_t)(q - p);
	r->off = js.tpos;
	r->had_eol = q < e;
	if (q < e)
		q += (*q == '\r' && q + 1 < e && q[1] == '\n') ? 2 : 1;
	js.tpos = (size_t)(q - t);
	r->docline++;
	return 1;
}

/* Parses line p[0..n); 0, or -1 when --skip-bad skipped it. */
static int
parse(struct nib_reader *r, const unsigned char *p, size_t n)
{
	int rc;

	rc = nib_jsonl_parse(&js.j, p, n, nib_jsonl_field,
	    strlen(nib_jsonl_field));
	if (rc != NIB_JSONL_OK) {
		if (nib_jsonl_skipbad) {
			js.skipped++;
			return -1;
		}
		nib_out_flush();
		if (rc == NIB_JSONL_NOFIELD)
			nib_errl(2, r, "no string field \"%s\"", nib_jsonl_field);
		nib_errl(2, r, "%s", nib_jsonl_strerror(rc));
	}
	return 0;
}

int
nib_jl_line(struct nib_reader *r, const unsigned char **s, size_t *len)
{
	const unsigned char *p;
	size_t n;

	for (;;) {
		if (js.serving && textline(r, s, len))
			return NIB_LINE;
		js.serving = 0;
		if (nib_reader_raw(r, &p, &n) == NIB_EOF)
			return NIB_EOF;
		/* Blank lines between objects are no objects. */
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n == 0 || parse(r, p, n) < 0)
			continue;
		js.serving = 1;
		js.tpos = 0;
		js.cr = memchr(js.j.text, '\r', js.j.textlen) != NULL;
		r->docline = 0;
		r->off = 0;
		if (r->doc++ > 0) {
			enqueue(r, p, n);
			*s = (const unsigned char *)"\f";
			*len = 1;
			return NIB_DOCSEP;
		}
		enqueue(r, p, n);
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

/* The id of document doc as raw JSON, or its line number written into num. */
static const unsigned char *
idtext(unsigned long doc, size_t *n, char *num, size_t size)
{
	const struct idrec *id = &js.ids[doc % NIDS];

	if (id->doc != doc) {
		*n = 4;
		return (const unsigned char *)"null";
	}
	if (id->id != NULL) {
		*n = strlen(id->id);
		return (const unsigned char *)id->id;
	}
	*n = (size_t)snprintf(num, size, "%lu", id->lineno);
	return (const unsigned char *)num;
}

void
nib_jl_id(unsigned long doc)
{
	char num[32];
	const unsigned char *s;
	size_t n;

	if (nib_jsonl_field == NULL)
		return;
	s = idtext(doc, &n, num, sizeof num);
	nib_out_str(",\"id\":");
	nib_out_write(s, n);
}

void
nib_jl_id_rec(struct nib_buf *b, unsigned long doc, int json)
{
	char num[32];
	const unsigned char *s;
	size_t n;

	s = idtext(doc, &n, num, sizeof num);
	if (!json && n >= 2 && s[0] == '"' && memchr(s, '\\', n) == NULL) {
		s++;
		n -= 2;
	}
	nib_buf_add(b, s, n);
}
