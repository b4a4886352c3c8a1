#include <string.h>

#include "json.h"
#include "swar.h"
#include "mem.h"
#include "out.h"
#include "utf8.h"

/* Where escaped text goes: standard output, or a record buffer. */
typedef void sink(void *arg, const void *p, size_t n);

static void
outsink(void *arg, const void *p, size_t n)
{
	(void)arg;
	nib_out_write(p, n);
}

static void
bufsink(void *arg, const void *p, size_t n)
{
	nib_buf_add(arg, p, n);
}

void
nib_buf_add(struct nib_buf *b, const void *p, size_t n)
{
	NIB_GROW(b->s, b->cap, b->len + n + 1);
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* Bytes a JSON string holds as they are: printable ASCII but " and \. */
static unsigned char plain[256];

static void
initplain(void)
{
	for (int c = 0x20; c < 0x80; c++)
		plain[c] = c != '"' && c != '\\';
}

static void
jsonesc(sink *put, void *arg, const unsigned char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run;
	int32_t cp;
	int l;
	char u[6] = "\\u00";

	if (!plain['a'])
		initplain();
	put(arg, "\"", 1);
	while (i < n) {
		/*
		 * Copy plain bytes in one go: printable ASCII but for " and \,
		 * and valid UTF-8 but for U+2028 and U+2029.
		 */
		run = i;
		/* Eight bytes at a time while all are plain ASCII. */
		while (run + 8 <= n) {
			uint64_t w = nib_swar_load(s + run);

			if (nib_swar_high(w) | nib_swar_has(w, '"') |
			    nib_swar_has(w, '\\') |
			    ((w - NIB_ONES * 0x20) & ~w & NIB_HIGH))
				break;
			run += 8;
		}
		for (; run < n; run++) {
			if (plain[s[run]])
				continue;
			if (s[run] < 0x80)
				break;
			l = nib_utf8_decode(s + run, n - run, &cp);
			if (cp < 0 || cp == 0x2028 || cp == 0x2029)
				break;
			run += (size_t)l - 1;
		}
		put(arg, s + i, run - i);
		if ((i = run) == n)
			break;
		if (s[i] >= 0x80) {
			l = nib_utf8_decode(s + i, n - i, &cp);
			if (cp < 0)
				put(arg, "\\ufffd", 6);
			else if (cp == 0x2028 || cp == 0x2029)
				put(arg, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
			else
				put(arg, s + i, (size_t)l);
			i += (size_t)l;
			continue;
		}
		switch (s[i]) {
		case '"':
			put(arg, "\\\"", 2);
			break;
		case '\\':
			put(arg, "\\\\", 2);
			break;
		case '\n':
			put(arg, "\\n", 2);
			break;
		case '\t':
			put(arg, "\\t", 2);
			break;
		case '\r':
			put(arg, "\\r", 2);
			break;
		case '\b':
			put(arg, "\\b", 2);
			break;
		case '\f':
			put(arg, "\\f", 2);
			break;
		default:
			u[4] = hex[s[i] >> 4];
			u[5] = hex[s[i] & 15];
			put(arg, u, 6);
		}
		i++;
	}
	put(arg, "\"", 1);
}

static void
tsvesc(sink *put, void *arg, const unsigned char *s, size_t n)
{
	size_t i = 0, run;

	while (i < n) {
		for (run = i; run < n && s[run] != '\t' && s[run] != '\n' &&
		    s[run] != '\r' && s[run] != '\\'; run++)
			;
		put(arg, s + i, run - i);
		if ((i = run) == n)
			break;
		switch (s[i++]) {
		case '\t':
			put(arg, "\\t", 2);
			break;
		case '\n':
			put(arg, "\\n", 2);
			break;
		case '\r':
			put(arg, "\\r", 2);
			break;
		default:
			put(arg, "\\\\", 2);
		}
	}
}

void
nib_json_str(const void *s, size_t n)
{
	jsonesc(outsink, NULL, s, n);
}

void
nib_json_cstr(const char *s)
{
	if (s == NULL)
		nib_out_str("null");
	else
		nib_json_str(s, strlen(s));
}

void
nib_tsv_str(const void *s, size_t n)
{
	tsvesc(outsink, NULL, s, n);
}

void
nib_buf_json(struct nib_buf *b, const void *s, size_t n)
{
	jsonesc(bufsink, b, s, n);
}

void
nib_buf_tsv(struct nib_buf *b, const void *s, size_t n)
{
	tsvesc(bufsink, b, s, n);
}
