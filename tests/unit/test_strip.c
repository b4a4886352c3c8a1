/* Unit tests for nibstrip's rule engine: keys, parsing, matching. */
#include <stdlib.h>

#include "t.h"
#include "../../cmd/nibstrip/strip.h"

/* The key strip_key() finds in pattern p: "" when none. */
static int
key(const char *p, const char *want, int wantci)
{
	unsigned char out[256];
	int ci;
	size_t n = strip_key((const unsigned char *)p, strlen(p), out, &ci);

	return n == strlen(want) && memcmp(out, want, n) == 0 && (n == 0 || ci == wantci);
}

static void
test_key(void)
{
	T(key("Advertisement", "Advertisement", 0));
	T(key("(?i)share (?:on|to) x", "share ", 1));
	T(key("Share(?i) now", "Share", 1));
	T(key("a|b", "", 0));
	T(key("colou?r off", "r off", 0));
	T(key("colour?s", "colou", 0));
	T(key("\\bGetty Images\\b", "Getty Images", 0));
	T(key("x{2,3}yz", "yz", 0));
	T(key("\\x41BCD", "BCD", 0));
	T(key("\\x{41}BCD", "BCD", 0));
	T(key("\\p{Lu}AB", "AB", 0));
	T(key("\\pLAB", "AB", 0));
	T(key("(?x)a b c d", "", 0));
	T(key("caf\xc3\xa9?s", "caf", 0));
	T(key("caf\xc3\xa9s", "caf\xc3\xa9s", 0));
	T(key("(?i)caf\xc3\xa9s", "caf", 1));
	T(key("\\.com", ".com", 0));
	T(key("[abc]def", "def", 0));
	T(key("[]abc]def", "def", 0));
	T(key("[[:alpha:]]def", "def", 0));
	T(key("(?<=[.!?] )REUTERS(?= [A-Z])", "REUTERS", 0));
	T(key("ab+cde", "cde", 0));
	T(key("abc+d", "abc", 0));
	T(key("\\Qa.b\\E", "", 0));
	T(key("\\", "", 0));
	T(key("abc\\1de", "abc", 0));
	T(key("ab(?#note)cd", "ab", 0));
	T(key("[.] \\KAP(?= )", " AP", 0));
	T(key("\xff", "", 0));
}

static void
test_norm(void)
{
	unsigned char out[64];
	const char *s = "  Share \t THIS\t";
	size_t n = strip_norm((const unsigned char *)s, strlen(s), out);

	T_MEM(out, n, "share this");
	T(strip_norm((const unsigned char *)"   ", 3, out) == 0);
	T(strip_normcap((const unsigned char *)"abcdef", 6, out, 3) == 4);
	T(strip_normcap((const unsigned char *)"ab   c", 6, out, 4) == 4);
}

static int
parse(struct strip_set *set, const char *text, const char *want)
{
	char *msg = NULL;
	int rc = strip_parse(set, "r", (const unsigned char *)text, strlen(text), &msg);
	int ok = want == NULL ? rc == 0 && msg == NULL :
	    rc < 0 && msg != NULL && strcmp(msg, want) == 0;

	if (!ok)
		fprintf(stderr, "parse: got %s\n", msg ? msg : "(none)");
	free(msg);
	return ok;
}

static void
test_parse(void)
{
	struct strip_set set;

	strip_init(&set);
	T(parse(&set, "# c\n\n  Share  \n@ui\nlit:# tag\r\nre:a+\nfrag:b\nrep:(c)\necho:- (.+)\n", NULL));
	T(set.nrule == 6);
	T(set.rule[0].kind == STRIP_LIT && set.rule[0].name == NULL && set.rule[0].line == 3);
	T(set.rule[1].kind == STRIP_LIT && strcmp(set.rule[1].name, "ui") == 0);
	T(set.rule[2].kind == STRIP_LINE && set.rule[3].kind == STRIP_FRAG);
	T(set.rule[4].kind == STRIP_REP && set.rule[5].kind == STRIP_ECHO);
	T(parse(&set, "ok\nre:(a\n", "r:2: bad pattern at offset 2: missing closing parenthesis"));
	T(parse(&set, "frag:   \n", "r:1: frag: needs text after it"));
	T(parse(&set, "echo:abc\n", "r:1: echo: pattern needs a capture group"));
	T(parse(&set, "@\n", "r:1: @ needs a rule name"));
	T(parse(&set, "@a b\n", "r:1: bad rule name (letters, digits, _ - . only)"));
	T(parse(&set, "lit:\n", "r:1: lit: needs text after it"));
	/* Bad rules are not kept: "ok" is the only one added since. */
	T(set.nrule == 7);
	{
		size_t n;
		const struct strip_span *sp;

		T(strip_line(&set, (const unsigned char *)"ok c", 4, &sp) == 0);
		T(strip_line(&set, (const unsigned char *)"OK", 2, &sp) == 1 && sp[0].b == 2);
		n = strip_line(&set, (const unsigned char *)"- x", 3, &sp);
		T(n == 0);
	}
	strip_free(&set);
}

/* The line after removals, as nibstrip prints it ("" when dropped). */
static const char *
run(struct strip_set *set, const char *line, size_t *nspan)
{
	static char buf[512];
	const struct strip_span *sp;
	size_t len = strlen(line), n = strip_line(set, (const unsigned char *)line, len, &sp), o = 0;

	*nspan = n;
	for (size_t i = 0, at = 0; i <= n; i++) {
		size_t e = i < n ? sp[i].a : len;

		memcpy(buf + o, line + at, e - at);
		o += e - at;
		if (i < n)
			at = sp[i].b;
	}
	buf[o] = '\0';
	return buf;
}

static void
test_line(void)
{
	struct strip_set set;
	size_t n;

	strip_init(&set);
	T(parse(&set, "Share\nre:(?i)follow us on \\w+\nfrag:(?<=[.!?] )AD(?= [A-Z])\n"
	    "rep:(?<=[.!?] )(\\d)(?= [A-Z])\necho:- (.+)\n", NULL));
	T(strcmp(run(&set, "  SHARE ", &n), "") == 0 && n == 1);
	T(strcmp(run(&set, "Share this", &n), "Share this") == 0 && n == 0);
	T(strcmp(run(&set, "Follow us on Ferries", &n), "") == 0 && n == 1);
	T(strcmp(run(&set, "Please follow us on Ferries", &n), "Please follow us on Ferries") == 0);
	T(strcmp(run(&set, "One. AD Two. AD Three.", &n), "One. Two. Three.") == 0 && n == 2);
	T(strcmp(run(&set, "One. AD", &n), "One. AD") == 0 && n == 0);
	T(strcmp(run(&set, "A. 5 B. 5 C. 5 D.", &n), "A. B. C. D.") == 0 && n == 3);
	T(strcmp(run(&set, "A. 5 B. 6 C. 5 D.", &n), "A. 5 B. 6 C. 5 D.") == 0 && n == 0);
	T(strcmp(run(&set, "Lake News", &n), "Lake News") == 0);
	T(strcmp(run(&set, "- lake  news", &n), "") == 0 && n == 1);
	T(strcmp(run(&set, "- Hill News", &n), "- Hill News") == 0);
	strip_newdoc(&set);
	T(strcmp(run(&set, "- Lake News", &n), "- Lake News") == 0);
	T(strcmp(run(&set, "", &n), "") == 0 && n == 0);
	strip_free(&set);

	/* Keys from a leading group of plain alternatives. */
	strip_init(&set);
	T(parse(&set, "re:(?i)(?:photo|image) \\d+\nre:(?:abc|def)x|y\n"
	    "re:(?:abc|de)x\nre:(?:abc|def)?x\n", NULL));
	T(set.rule[0].nkey == 2 && set.rule[1].nkey == 0);
	T(set.rule[2].nkey == 0 && set.rule[3].nkey == 0);
	T(strcmp(run(&set, "IMAGE 5", &n), "") == 0 && strcmp(run(&set, "Photo 7", &n), "") == 0);
	T(strcmp(run(&set, "y", &n), "") == 0 && strcmp(run(&set, "x", &n), "") == 0);
	T(strcmp(run(&set, "Photos 7", &n), "Photos 7") == 0);
	strip_free(&set);

	/* rep: matches pool over rules, counting each group's place once. */
	strip_init(&set);
	T(parse(&set, "rep:(?<=[.!?] )(\\d)(?= [A-Z])\n"
	    "rep:(?<=[.!?] )(\\d) [A-Z][a-z ]+\\. \\KAP(?= )\n", NULL));
	T(strcmp(run(&set, "A. 5 Bb. AP C. 5 Dd. AP E.", &n), "A. 5 Bb. AP C. 5 Dd. AP E.") == 0);
	T(strcmp(run(&set, "A. 5 Bb. AP C. 5 Dd. E. 5 Ff. G.", &n), "A. Bb. C. Dd. E. Ff. G.") == 0 &&
	    n == 4);
	strip_free(&set);

	/* A line made only of fragments goes whole. */
	strip_init(&set);
	T(parse(&set, "frag:X\n", NULL));
	T(strcmp(run(&set, "X X  X", &n), "") == 0 && n == 1);
	T(strcmp(run(&set, "aXb", &n), "ab") == 0 && n == 1);
	strip_free(&set);
}

int
main(void)
{
	test_key();
	test_norm();
	test_parse();
	test_line();
	T_DONE();
}
