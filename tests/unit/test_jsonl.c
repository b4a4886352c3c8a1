/* jsonl: parsing, decoding, and the splice (captured through stdout). */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "jsonl.h"
#include "out.h"
#include "t.h"

#define L(lit) (const unsigned char *)(lit), sizeof(lit) - 1

static int
parse(struct nib_jsonl *j, const char *s, const char *field)
{
	return nib_jsonl_parse(j, (const unsigned char *)s, strlen(s), field,
	    strlen(field));
}

static void
fields(void)
{
	struct nib_jsonl j;
	const char *s;

	nib_jsonl_init(&j);
	s = "{\"id\": \"a1\", \"meta\": {\"text\": 1}, \"text\": \"Hi \\\"there\\\"\\nok\"}";
	T(parse(&j, s, "text") == NIB_JSONL_OK);
	T_MEM(j.text, j.textlen, "Hi \"there\"\nok");
	/* The value's span includes its quotes; the nested "text" is not it. */
	T(s[j.vstart] == '"' && s[j.vend - 1] == '"' && j.vend == strlen(s) - 1);
	T(j.idend - j.idstart == 4 && memcmp(s + j.idstart, "\"a1\"", 4) == 0);
	/* A numeric id is kept as written. */
	s = "{\"text\":\"x\",\"id\":42}";
	T(parse(&j, s, "text") == NIB_JSONL_OK);
	T(j.idend - j.idstart == 2 && memcmp(s + j.idstart, "42", 2) == 0);
	/* Another field name; no id. */
	T(parse(&j, "{\"body\":\"b\",\"text\":\"t\"}", "body") == NIB_JSONL_OK);
	T_MEM(j.text, j.textlen, "b");
	T(j.idend == 0);
	/* Escapes: \u00e9, a surrogate pair, a lone surrogate, \/ and \t. */
	T(parse(&j, "{\"text\":\"caf\\u00e9 \\ud83d\\ude00 \\ud800 a\\/b\\t\"}", "text") == 0);
	T_MEM(j.text, j.textlen, "caf\xc3\xa9 \xf0\x9f\x98\x80 \xef\xbf\xbd a/b\t");
	/* Raw UTF-8 passes through. */
	T(parse(&j, "{\"text\":\"\xe2\x80\x9cQ\xe2\x80\x9d\"}", "text") == 0);
	T_MEM(j.text, j.textlen, "\xe2\x80\x9cQ\xe2\x80\x9d");
	nib_jsonl_free(&j);
}

static void
bad(void)
{
	struct nib_jsonl j;

	nib_jsonl_init(&j);
	T(parse(&j, "", "text") == NIB_JSONL_BAD);
	T(parse(&j, "plain text", "text") == NIB_JSONL_BAD);
	T(parse(&j, "[\"text\"]", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"text\": \"open", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"text\": \"a\"} {}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"text\": 3}", "text") == NIB_JSONL_NOFIELD);
	T(parse(&j, "{\"title\": \"x\"}", "text") == NIB_JSONL_NOFIELD);
	T(parse(&j, "{\"text\" \"x\"}", "text") == NIB_JSONL_BAD);
	/* Not JSON, though a lenient parser would take it. */
	T(parse(&j, "{\"text\":\"a\",}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"a\":tru,\"text\":\"x\"}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"text\":\"a\tb\"}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"a\":[1,],\"text\":\"x\"}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"text\":\"x\",\"a\":{\"b\"}}", "text") == NIB_JSONL_BAD);
	/*
	 * yajl takes a vertical tab or form feed for white space, and an
	 * unterminated string after the object for a token still to come:
	 * neither is JSON.
	 */
	T(parse(&j, "{\"text\":\"a\"}\v", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"text\":\f\"a\"}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"id\":[1\f],\"text\":\"a\"}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"a\":\f1}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"text\":\"a\"}\"b", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"text\":\"a\"} \"", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"text\":\"a\"}\"", "text") == NIB_JSONL_BAD);
	/* A malformed line is bad even when the field is wrong as well. */
	T(parse(&j, "{\"text\":1,}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "\"text\"", "text") == NIB_JSONL_BAD);
	T(parse(&j, "3", "text") == NIB_JSONL_BAD);
	T(parse(&j, "null", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{}", "text") == NIB_JSONL_NOFIELD);
	/* White space around the object and the colon is JSON's. */
	T(parse(&j, " \t{ \"text\" \r\n: \"a\" }\r\n ", "text") == NIB_JSONL_OK);
	/* Invalid UTF-8 inside a string is data, not an error. */
	T(parse(&j, "{\"text\":\"a\xff b\"}", "text") == NIB_JSONL_OK);
	T_MEM(j.text, j.textlen, "a\xff b");
	nib_jsonl_free(&j);
}

/* Many values before the field: one pass over all of them. */
static void
big(void)
{
	struct nib_jsonl j;
	size_t n = 0, cap = 1 << 20;
	char *s = malloc(cap);

	n += (size_t)sprintf(s + n, "{\"tags\":[");
	for (int i = 0; i < 10000; i++)
		n += (size_t)sprintf(s + n, "%s%d", i ? "," : "", i);
	n += (size_t)sprintf(s + n, "],\"text\":\"end\"}");
	nib_jsonl_init(&j);
	T(nib_jsonl_parse(&j, (unsigned char *)s, n, "text", 4) == NIB_JSONL_OK);
	T_MEM(j.text, j.textlen, "end");
	nib_jsonl_free(&j);
	free(s);
}

/* The raw JSON of the "id" span of the last parse, or "" when none. */
static const char *
idof(const struct nib_jsonl *j, const char *s)
{
	static char b[64];
	size_t n = j->idend - j->idstart;

	if (j->idend == 0 || n >= sizeof b)
		return "";
	memcpy(b, s + j->idstart, n);
	b[n] = '\0';
	return b;
}

/* The field's value as written, quotes too. */
static int
spanis(const struct nib_jsonl *j, const char *s, const char *want)
{
	return j->vend - j->vstart == strlen(want) &&
	    memcmp(s + j->vstart, want, strlen(want)) == 0;
}

/* Which key counts, and the spans of values of every kind. */
static void
spans(void)
{
	struct nib_jsonl j;
	const char *s;

	nib_jsonl_init(&j);
	/* A repeated key: its first occurrence wins, field and id alike. */
	s = "{\"id\":\"a\",\"text\":\"one\",\"text\":\"two\",\"id\":\"b\"}";
	T(parse(&j, s, "text") == NIB_JSONL_OK);
	T_MEM(j.text, j.textlen, "one");
	T(spanis(&j, s, "\"one\"") && strcmp(idof(&j, s), "\"a\"") == 0);
	/* ... even when the first is no string and the second is one. */
	T(parse(&j, "{\"text\":null,\"text\":\"x\"}", "text") == NIB_JSONL_NOFIELD);
	/* Nested objects with the same keys are not the object's own. */
	s = "{\"meta\":{\"text\":\"no\",\"id\":1,\"x\":[{\"text\":2}]},"
	    "\"list\":[{\"id\":\"no\"}],\"text\":\"yes\",\"id\":7}";
	T(parse(&j, s, "text") == NIB_JSONL_OK);
	T_MEM(j.text, j.textlen, "yes");
	T(spanis(&j, s, "\"yes\"") && strcmp(idof(&j, s), "7") == 0);
	T(parse(&j, "{\"meta\":{\"text\":\"no\"}}", "text") == NIB_JSONL_NOFIELD);
	/* Ids of every kind, kept as written; white space is not theirs. */
	s = "{\"id\" : {\"a\": [1, \"}\"]} , \"text\":\"t\"}";
	T(parse(&j, s, "text") == 0 && strcmp(idof(&j, s), "{\"a\": [1, \"}\"]}") == 0);
	s = "{\"id\":[1,[2]],\"text\":\"t\"}";
	T(parse(&j, s, "text") == 0 && strcmp(idof(&j, s), "[1,[2]]") == 0);
	s = "{\"text\":\"t\",\"id\":-1.5e+300 }";
	T(parse(&j, s, "text") == 0 && strcmp(idof(&j, s), "-1.5e+300") == 0);
	s = "{\"text\":\"t\",\"id\":123456789012345678901234567890}";
	T(parse(&j, s, "text") == 0 &&
	    strcmp(idof(&j, s), "123456789012345678901234567890") == 0);
	s = "{\"id\":true,\"text\":\"t\"}";
	T(parse(&j, s, "text") == 0 && strcmp(idof(&j, s), "true") == 0);
	s = "{\"id\":null,\"text\":\"t\"}";
	T(parse(&j, s, "text") == 0 && strcmp(idof(&j, s), "null") == 0);
	s = "{\"id\":\"a\\\"b\\\\\",\"text\":\"t\"}";
	T(parse(&j, s, "text") == 0 && strcmp(idof(&j, s), "\"a\\\"b\\\\\"") == 0);
	s = "{\"id\":\"\\u00e9\\ud83d\\ude00\",\"text\":\"t\"}";
	T(parse(&j, s, "text") == 0 &&
	    strcmp(idof(&j, s), "\"\\u00e9\\ud83d\\ude00\"") == 0);
	/* Keys are compared as written: an escaped key is another key. */
	s = "{\"te\\u0078t\":\"no\",\"i\\u0064\":1,\"text\":\"yes\"}";
	T(parse(&j, s, "text") == 0 && j.idend == 0);
	T_MEM(j.text, j.textlen, "yes");
	s = "{\"a\\\"\":1,\"\\\\\":2,\"x\\\"id\":3,\"x\\\"text\":\"no\",\"text\":\"yes\"}";
	T(parse(&j, s, "text") == 0 && j.idend == 0);
	T_MEM(j.text, j.textlen, "yes");
	/* --jsonl=id: the first "id" is the field, a second one the id. */
	s = "{\"id\":\"f\",\"id\":\"g\"}";
	T(parse(&j, s, "id") == 0 && strcmp(idof(&j, s), "\"g\"") == 0);
	T_MEM(j.text, j.textlen, "f");
	nib_jsonl_free(&j);
}

/*
 * Escapes at every offset of the eight-byte words the decoder reads, and
 * runs of them: each one decoded, and the span still ending at its quote.
 */
static void
escapes(void)
{
	static const struct {
		const char *esc, *dec;
	} e[] = {
		{ "\\n", "\n" }, { "\\\"", "\"" }, { "\\\\", "\\" },
		{ "\\u00e9", "\xc3\xa9" }, { "\\u2019", "\xe2\x80\x99" },
		{ "\\ud83d\\ude00", "\xf0\x9f\x98\x80" },
		{ "\\udbff\\udfff", "\xf4\x8f\xbf\xbf" },
		{ "\\ud83d\\u0041", "\xef\xbf\xbd" "A" },
		{ "\\ude00\\ud83d", "\xef\xbf\xbd\xef\xbf\xbd" },
		{ "\\u0000", "" }, { "\\u007F", "\x7f" }, { "\\/", "/" },
	};
	struct nib_jsonl j;
	char line[128], want[64];

	nib_jsonl_init(&j);
	for (size_t k = 0; k < sizeof e / sizeof e[0]; k++) {
		for (int p = 0; p < 18; p++) {
			size_t wl = (size_t)p, dl = strlen(e[k].dec);
			int n;

			/* \u0000 decodes to one NUL byte. */
			if (dl == 0)
				dl = 1;
			memset(want, 'x', (size_t)p);
			memcpy(want + wl, e[k].dec, dl);
			wl += dl;
			want[wl++] = '-';
			memcpy(want + wl, e[k].dec, dl);
			wl += dl;
			memcpy(want + wl, "yz", 2);
			wl += 2;
			n = snprintf(line, sizeof line, "{\"text\":\"%.*s%s-%syz\",\"id\":%d}",
			    p, "xxxxxxxxxxxxxxxxxx", e[k].esc, e[k].esc, p);
			T(parse(&j, line, "text") == NIB_JSONL_OK);
			T(j.textlen == wl && memcmp(j.text, want, wl) == 0);
			T(j.vstart == 8 && line[j.vend - 1] == '"' && line[j.vend] == ',');
			T(j.idend == (size_t)n - 1);
		}
	}
	nib_jsonl_free(&j);
}

static char path[] = "/tmp/nib-test-jsonl-XXXXXX";

static void
spliced(void)
{
	struct nib_jsonl j;
	char got[256];
	int fd = mkstemp(path), rfd;
	ssize_t n;
	static const char line[] = "{\"id\":1,  \"text\" : \"old \\u00e9\", \"z\":[1, 2]}";
	static const char want[] = "{\"id\":1,  \"text\" : \"new\\n\\\"x\\\"\", \"z\":[1, 2]}\n";

	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
		abort();
	nib_jsonl_init(&j);
	T(nib_jsonl_parse(&j, L(line), "text", 4) == 0);
	nib_jsonl_splice(&j, L(line), L("new\n\"x\""));
	nib_out_flush();
	rfd = open(path, O_RDONLY);
	n = read(rfd, got, sizeof got);
	unlink(path);
	T(n == (ssize_t)sizeof want - 1 && memcmp(got, want, (size_t)n) == 0);
	nib_jsonl_free(&j);
}

int
main(void)
{
	fields();
	bad();
	big();
	spans();
	escapes();
	spliced();
	T_DONE();
}
