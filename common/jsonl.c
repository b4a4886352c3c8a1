#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Strict: the parser rejects what is not JSON instead of guessing. */
#define JSMN_STRICT
#include <jsmn.h>
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
	free(j->tok);
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
	case NIB_JSONL_TOOLONG:
		return "line too long for JSON Lines (2 GiB at most)";
	}
	return "no error";
}

/* Tokenizes s[0..n) into j->tok, growing it; the token count or < 0. */
static int
tokenize(struct nib_jsonl *j, const unsigned char *s, size_t n)
{
	jsmn_parser p;
	int r;

	jsmn_init(&p);
	for (;;) {
		if (j->ntok == 0 || j->tok == NULL) {
			j->ntok = 64;
			j->tok = nib_realloc(NULL, j->ntok, sizeof(jsmntok_t));
		}
		r = jsmn_parse(&p, (const char *)s, n, j->tok, (unsigned)j->ntok);
		if (r != JSMN_ERROR_NOMEM)
			return r;
		/* jsmn goes on from where it stopped once it has more room. */
		if (j->ntok > UINT_MAX / 2)
			return JSMN_ERROR_NOMEM;
		j->ntok *= 2;
		j->tok = nib_realloc(j->tok, j->ntok, sizeof(jsmntok_t));
	}
}

/* The index of the token after the value at i and everything inside it. */
static int
skip(const jsmntok_t *t, int ntok, int i)
{
	int end = t[i].end;

	for (i++; i < ntok && t[i].start < end; i++)
		;
	return i;
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The code unit of the \uXXXX escape at s (s[0] == 'u'), or -1. */
static long
unit(const unsigned char *s, size_t n)
{
	long v = 0;

	if (n < 5)
		return -1;
	for (int k = 1; k <= 4; k++) {
		int h = hexval(s[k]);

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

static size_t
pututf8(unsigned char *o, long c)
{
	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (unsigned char)(0xc0 | c >> 6);
		o[1] = (unsigned char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (unsigned char)(0xe0 | c >> 12);
		o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | c >> 18);
	o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (c & 0x3f));
	return 4;
}

/*
 * Decodes the escape at s[0..n) (s[0] == '\\') into o; returns the bytes
 * of input it took.  jsmn has checked the escape's shape already.
 */
static size_t
unescape(const unsigned char *s, size_t n, unsigned char *o, size_t *olen)
{
	static const unsigned char simple[128] = {
		['"'] = '"', ['\\'] = '\\', ['/'] = '/', ['b'] = '\b',
		['f'] = '\f', ['n'] = '\n', ['r'] = '\r', ['t'] = '\t',
	};
	long c, lo;

	if (n < 2)
		return 1;
	if (s[1] < 128 && simple[s[1]]) {
		o[(*olen)++] = simple[s[1]];
		return 2;
	}
	if ((c = unit(s + 1, n - 1)) < 0)
		return 2;
	if (c >= 0xd800 && c < 0xdc00 && n >= 12 && s[6] == '\\' &&
	    (lo = unit(s + 7, n - 7)) >= 0xdc00 && lo < 0xe000) {
		*olen += pututf8(o + *olen, 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00));
		return 12;
	}
	if (c >= 0xd800 && c < 0xe000)
		c = 0xfffd;
	*olen += pututf8(o + *olen, c);
	return 6;
}

/* Decodes the JSON string body s[0..n) into j->text. */
static void
decode(struct nib_jsonl *j, const unsigned char *s, size_t n)
{
	size_t i = 0, o = 0;

	/* Decoded text is never longer than its escaped form. */
	NIB_GROW(j->text, j->textcap, n + 1);
	while (i < n) {
		const unsigned char *b = memchr(s + i, '\\', n - i);
		size_t run = b ? (size_t)(b - (s + i)) : n - i;

		memcpy(j->text + o, s + i, run);
		o += run;
		i += run;
		if (i < n)
			i += unescape(s + i, n - i, j->text, &o);
	}
	j->text[o] = '\0';
	j->textlen = o;
}

static int
keyis(const unsigned char *s, const jsmntok_t *k, const char *name, size_t len)
{
	return k->type == JSMN_STRING && (size_t)(k->end - k->start) == len &&
	    memcmp(s + k->start, name, len) == 0;
}

/*
 * jsmn gives spans but lets through what is not JSON (a trailing comma, a
 * bare word, a raw tab in a string); yajl's validating parser is the gate,
 * so a line is refused exactly when a conforming parser would refuse it.
 * Strings are not checked for UTF-8: invalid bytes are data to nib.
 */
static int
valid(const unsigned char *s, size_t n)
{
	yajl_handle h = yajl_alloc(NULL, NULL, NULL);
	int ok;

	if (h == NULL)
		return 0;
	yajl_config(h, yajl_dont_validate_strings, 1);
	ok = yajl_parse(h, s, n) == yajl_status_ok &&
	    yajl_complete_parse(h) == yajl_status_ok;
	yajl_free(h);
	return ok;
}

int
nib_jsonl_parse(struct nib_jsonl *j, const unsigned char *s, size_t n,
    const char *field, size_t flen)
{
	const jsmntok_t *t;
	int ntok, i, found = 0;

	if (n > INT_MAX)
		return NIB_JSONL_TOOLONG;
	j->idend = j->idstart = 0;
	if (!valid(s, n) || (ntok = tokenize(j, s, n)) < 1)
		return NIB_JSONL_BAD;
	t = j->tok;
	/* One object and nothing after it but white space. */
	if (t[0].type != JSMN_OBJECT || skip(t, ntok, 0) != ntok)
		return NIB_JSONL_BAD;
	for (i = 1; i < ntok; i = skip(t, ntok, i + 1)) {
		const jsmntok_t *v = &t[i + 1];

		/* A key holds its value (size 1) only when a colon came between. */
		if (i + 1 >= ntok || t[i].type != JSMN_STRING || t[i].size != 1)
			return NIB_JSONL_BAD;
		if (!found && keyis(s, &t[i], field, flen)) {
			if (v->type != JSMN_STRING)
				return NIB_JSONL_NOFIELD;
			/* jsmn's string span leaves the quotes out. */
			j->vstart = (size_t)v->start - 1;
			j->vend = (size_t)v->end + 1;
			decode(j, s + v->start, (size_t)(v->end - v->start));
			found = 1;
		} else if (j->idend == 0 && keyis(s, &t[i], "id", 2)) {
			j->idstart = (size_t)v->start - (v->type == JSMN_STRING);
			j->idend = (size_t)v->end + (v->type == JSMN_STRING);
		}
	}
	return found ? NIB_JSONL_OK : NIB_JSONL_NOFIELD;
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
