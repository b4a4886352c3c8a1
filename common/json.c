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

/*
 * The length of the UTF-8 character at s[0..n) (s[0] >= 0x80) when it is
 * valid and may stand in a JSON string as it is; 0 for an invalid,
 * overlong, surrogate or truncated sequence (nib_utf8_decode's rules) and
 * for U+2028 and U+2029, which JavaScript takes for line ends.  Inline:
 * a news page has a curly quote or a dash every few words.
 */
static inline size_t
utf8plain(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];

	if (c >= 0xc2 && c < 0xe0)
		return n >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c < 0xf0) {
		if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f))
			return 0;
		return c == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9) ? 0 : 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80 || (c == 0xf0 && s[1] < 0x90) ||
		    (c == 0xf4 && s[1] > 0x8f))
			return 0;
		return 4;
	}
	return 0;
}

/*
 * The length of the leading run of s[0..n) that a JSON string holds as it
 * is: printable ASCII but " and \, and valid UTF-8 but U+2028 and U+2029.
 */
static size_t
plainrun(const unsigned char *s, size_t n)
{
	size_t i = 0, l;

	for (;;) {
		/* Eight bytes at a time while all are plain ASCII. */
		while (i + 8 <= n) {
			uint64_t w = nib_swar_load(s + i);
			/*
			 * Each test may flag bytes above a true hit (a borrow)
			 * but never below one: the lowest flag is exact.
			 */
			uint64_t m = nib_swar_high(w) | nib_swar_has(w, '"') |
			    nib_swar_has(w, '\\') |
			    ((w - NIB_ONES * 0x20) & ~w & NIB_HIGH);

			if (m != 0) {
				i += (size_t)__builtin_ctzll(m) >> 3;
				break;
			}
			i += 8;
		}
		if (i == n)
			return i;
		if (s[i] >= 0x80) {
			if ((l = utf8plain(s + i, n - i)) == 0)
				return i;
			i += l;
		} else if (s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
			i++;
		else
			return i;
	}
}

static void
jsonesc(sink *put, void *arg, const unsigned char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run;
	int32_t cp;
	int l;
	char u[6] = "\\u00";

	put(arg, "\"", 1);
	while (i < n) {
		run = i + plainrun(s + i, n - i);
		put(arg, s + i, run - i);
		if ((i = run) == n)
			break;
		if (s[i] >= 0x80) {
			l = nib_utf8_decode(s + i, n - i, &cp);
			if (cp < 0)
				put(arg, "\\ufffd", 6);
			else
				put(arg, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
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

/* Each hex digit's value plus one; 0: not a hex digit. */
static const unsigned char hex1[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6,
	['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

/* The code unit of the \uXXXX escape at s (s[0] == 'u'), or -1. */
static long
unit(const unsigned char *s, size_t n)
{
	unsigned a, b, c, d;

	if (n < 5)
		return -1;
	a = hex1[s[1]], b = hex1[s[2]], c = hex1[s[3]], d = hex1[s[4]];
	if (a == 0 || b == 0 || c == 0 || d == 0)
		return -1;
	return (long)((a - 1) << 12 | (b - 1) << 8 | (c - 1) << 4 | (d - 1));
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
 * of input it took.  The caller's parser has checked the escape's shape.
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

/*
 * Decodes the JSON string whose body starts at s[0] into o (see json.h).
 * Eight bytes at a time up to the next '"' or '\\': a corpus of news
 * pages has an escape every 14 bytes or so.
 */
size_t
nib_json_decode(unsigned char *o, size_t *olen, const unsigned char *s,
    size_t n)
{
	size_t i = 0, k = 0;

	for (;;) {
		while (i + 8 <= n) {
			uint64_t w = nib_swar_load(s + i);
			uint64_t m = nib_swar_eq(w, '"') | nib_swar_eq(w, '\\');

			memcpy(o + k, &w, 8);
			if (m != 0) {
				size_t z = (size_t)__builtin_ctzll(m) >> 3;

				i += z;
				k += z;
				break;
			}
			i += 8;
			k += 8;
		}
		while (i < n && s[i] != '"' && s[i] != '\\')
			o[k++] = s[i++];
		if (i >= n || s[i] == '"')
			break;
		i += unescape(s + i, n - i, o, &k);
	}
	*olen = k;
	return i;
}
