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
	/* What jsmn alone lets through, the validating gate refuses. */
	T(parse(&j, "{\"text\":\"a\",}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"a\":tru,\"text\":\"x\"}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"text\":\"a\tb\"}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"a\":[1,],\"text\":\"x\"}", "text") == NIB_JSONL_BAD);
	T(parse(&j, "{\"text\":\"x\",\"a\":{\"b\"}}", "text") == NIB_JSONL_BAD);
	/* Invalid UTF-8 inside a string is data, not an error. */
	T(parse(&j, "{\"text\":\"a\xff b\"}", "text") == NIB_JSONL_OK);
	T_MEM(j.text, j.textlen, "a\xff b");
	nib_jsonl_free(&j);
}

/* Many tokens: the token array grows and jsmn goes on. */
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
	spliced();
	T_DONE();
}
