#include <err.h>
#include <stdlib.h>
#include <string.h>

#include <yajl_parse.h>

#include "json.h"
#include "jsonl.h"
#include "mem.h"
#include "out.h"

void
nib_jsonl_init(struct nib_jsonl *j)
{
	memset(j, 0, sizeof *j);
}

void
nib_jsonl_free(struct nib_jsonl *j)
{
	free(j->text);
	memset(j, 0, sizeof *j);
}

const char *
nib_jsonl_strerror(int code)
{
	switch (code) {
	case NIB_JSONL_BAD:
		return "not a JSON object";
	case NIB_JSONL_NOFIELD:
		return "no string field";
	}
	return "no error";
}

/*
 * Decodes the string whose body starts at s[0] into j->text; returns the
 * body's length.  s[0..n) is the rest of a line that has proved valid.
 */
static size_t
decode(struct nib_jsonl *j, const unsigned char *s, size_t n)
{
	size_t end;

	NIB_GROW(j->text, j->textcap, n + 8);
	end = nib_json_decode(j->text, &j->textlen, s, n);
	j->text[j->textlen] = '\0';
	return end;
}

/*
 * One line's parse.  yajl validates the whole line in one call and reports
 * its events here; spans come from yajl_get_bytes_consumed(), which during
 * a callback is the offset just past the token being reported: yajl 2's
 * parser lexes a token, moving that offset, before it calls back, and a
 * token of a valid object never straddles the end of the one chunk given
 * (test_jsonl pins this down).  Strings get no callback at all: yajl then
 * never decodes them, and the field is decoded once, by decode(), when the
 * line has proved valid.  Before, a second parser (jsmn) found the spans:
 * two passes over every byte.
 */
struct scan {
	struct nib_jsonl *j;
	yajl_handle h;
	const unsigned char *s;
	size_t n;
	const char *field;
	size_t flen;
	size_t depth;		/* of the value being reported */
	int obj;		/* the line's value is an object */
	int fstate;		/* the field: 0 not seen, 1 a string, 2 not one */
	int idstate;		/* "id": 0 not seen, 1 value open, 2 done */
	size_t fstart;		/* the field's opening quote */
	size_t end;		/* just past the line's value; 0: not seen */
};

/*
 * Whether s[0..n) holds a vertical tab or a form feed: yajl takes them for
 * white space between tokens, JSON does not (and inside a string they are
 * raw control characters, which yajl refuses itself).
 */
static int
badspace(const unsigned char *s, size_t n)
{
	return memchr(s, '\v', n) != NULL || memchr(s, '\f', n) != NULL;
}

/* Skips JSON white space from i; n when the line ends first. */
static size_t
skipws(const unsigned char *s, size_t i, size_t n)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
	    s[i] == '\r'))
		i++;
	return i;
}

/*
 * The opening quote of the string whose closing quote is at s[e]: inside a
 * string a '"' is always escaped (an odd run of backslashes before it), the
 * opening one follows a ':', ',', '{', '[' or white space.
 */
static size_t
openquote(const unsigned char *s, size_t e)
{
	size_t i = e, k;

	while (i-- > 0) {
		if (s[i] != '"')
			continue;
		for (k = i; k > 0 && s[k - 1] == '\\'; k--)
			;
		if ((i - k) % 2 == 0)
			return i;
	}
	return 0;
}

/* The index just past the string that opens at s[i], or n. */
static size_t
strend(const unsigned char *s, size_t i, size_t n)
{
	const unsigned char *q;
	size_t k;

	for (i++; i < n; i = (size_t)(q - s) + 1) {
		if ((q = memchr(s + i, '"', n - i)) == NULL)
			break;
		for (k = (size_t)(q - s); k > i && s[k - 1] == '\\'; k--)
			;
		if (((size_t)(q - s) - k) % 2 == 0)
			return (size_t)(q - s) + 1;
	}
	return n;
}

/* A value has ended at the current offset: it may be the "id". */
static void
ended(struct scan *c)
{
	if (c->depth == 1 && c->idstate == 1) {
		c->j->idend = yajl_get_bytes_consumed(c->h);
		c->idstate = 2;
	}
}

static int
scalar(void *ctx)
{
	struct scan *c = ctx;

	ended(c);
	return 1;
}

static int
onbool(void *ctx, int v)
{
	(void)v;
	return scalar(ctx);
}

static int
onnumber(void *ctx, const char *s, size_t n)
{
	(void)s;
	(void)n;
	return scalar(ctx);
}

static int
onopen(void *ctx, int map)
{
	struct scan *c = ctx;

	if (c->depth++ == 0)
		c->obj = map;
	return 1;
}

static int
onmap(void *ctx)
{
	return onopen(ctx, 1);
}

static int
onarray(void *ctx)
{
	return onopen(ctx, 0);
}

static int
onclose(void *ctx)
{
	struct scan *c = ctx;

	if (--c->depth == 0)
		c->end = yajl_get_bytes_consumed(c->h);
	ended(c);
	return 1;
}

/*
 * A key of the top-level object: the field's (its first occurrence wins)
 * or "id" (the first wins too).  Keys are compared as written, escapes
 * and all, as they always were.
 */
static int
onkey(void *ctx, const unsigned char *key, size_t len)
{
	struct scan *c = ctx;
	const unsigned char *s = c->s;
	size_t e, b, v;

	(void)key;
	if (c->depth != 1)
		return 1;
	e = yajl_get_bytes_consumed(c->h) - 1;
	b = openquote(s, e) + 1;
	len = e - b;
	/* The value starts after the colon; yajl refuses a line without. */
	v = skipws(s, e + 1, c->n);
	if (v == c->n || s[v] != ':')
		return 1;
	v = skipws(s, v + 1, c->n);
	if (v == c->n)
		return 1;
	if (c->fstate == 0 && len == c->flen && memcmp(s + b, c->field, len) == 0) {
		c->fstate = s[v] == '"' ? 1 : 2;
		c->fstart = v;
	} else if (c->idstate == 0 && len == 2 && memcmp(s + b, "id", 2) == 0) {
		c->j->idstart = v;
		c->idstate = 1;
		/* Strings have no callback: find the end here. */
		if (s[v] == '"') {
			c->j->idend = strend(s, v, c->n);
			c->idstate = 2;
		}
	}
	return 1;
}

static const yajl_callbacks callbacks = {
	.yajl_null = scalar,
	.yajl_boolean = onbool,
	/* yajl_number, not integer or double: no conversion, no overflow. */
	.yajl_number = onnumber,
	.yajl_start_map = onmap,
	.yajl_map_key = onkey,
	.yajl_end_map = onclose,
	.yajl_start_array = onarray,
	.yajl_end_array = onclose,
};

static int
bad(struct nib_jsonl *j)
{
	j->idend = j->idstart = 0;
	return NIB_JSONL_BAD;
}

/*
 * yajl's validating parser refuses what a conforming parser refuses, but
 * for the two leniencies checked here (a trailing unterminated string, and
 * vertical tab and form feed as white space).  Strings are not checked for
 * UTF-8: invalid bytes are data to nib.
 */
int
nib_jsonl_parse(struct nib_jsonl *j, const unsigned char *s, size_t n,
    const char *field, size_t flen)
{
	struct scan c = {
		.j = j, .s = s, .n = n, .field = field, .flen = flen,
	};
	int ok;

	j->idend = j->idstart = 0;
	if ((c.h = yajl_alloc(&callbacks, NULL, &c)) == NULL)
		errx(2, "out of memory");
	yajl_config(c.h, yajl_dont_validate_strings, 1);
	ok = yajl_parse(c.h, s, n) == yajl_status_ok &&
	    yajl_complete_parse(c.h) == yajl_status_ok;
	yajl_free(c.h);
	/*
	 * yajl takes an unterminated string after the value for the start of
	 * one more token and lets it go: the rest must be white space.
	 */
	if (!ok || !c.obj || c.end == 0 || skipws(s, c.end, n) != n)
		return bad(j);
	if (c.idstate != 2)
		j->idend = j->idstart = 0;
	if (c.fstate != 1)
		return badspace(s, n) ? bad(j) : NIB_JSONL_NOFIELD;
	j->vstart = c.fstart;
	j->vend = c.fstart + 1 + decode(j, s + c.fstart + 1, n - c.fstart - 1) + 1;
	/* The field's string is known to be free of them already. */
	if (badspace(s, j->vstart) || badspace(s + j->vend, n - j->vend))
		return bad(j);
	return NIB_JSONL_OK;
}

void
nib_jsonl_splice(const struct nib_jsonl *j, const unsigned char *s, size_t n,
    const unsigned char *t, size_t tn)
{
	nib_out_write(s, j->vstart);
	nib_json_str(t, tn);
	nib_out_write(s + j->vend, n - j->vend);
	nib_out_write("\n", 1);
}
