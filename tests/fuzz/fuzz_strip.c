/*
 * Fuzz target: nibstrip's rule-file parser and matcher.  The input is a
 * rule file, then "\n--\n", then text (without the separator, the input is
 * both).  Checks that spans are sorted, apart and inside the line, and that
 * every line a case-sensitive pattern matches holds the pattern's key.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../cmd/nibstrip/strip.h"

static void
check_key(const uint8_t *p, size_t n, const uint8_t *text, size_t tlen)
{
	unsigned char *key = malloc(n + 1);
	pcre2_code *re;
	pcre2_match_data *md;
	int ci, code;
	PCRE2_SIZE off;
	size_t k = strip_key(p, n, key, &ci);

	if (k > n)
		__builtin_trap();
	re = pcre2_compile(p, n, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C,
	    &code, &off, NULL);
	if (re == NULL || k == 0 || ci) {
		pcre2_code_free(re);
		free(key);
		return;
	}
	md = pcre2_match_data_create_from_pattern(re, NULL);
	if (pcre2_match(re, text, tlen, 0, 0, md, NULL) >= 0 && memmem(text, tlen, key, k) == NULL)
		__builtin_trap();
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	free(key);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strip_set set;
	const uint8_t *sep = memmem(data, size, "\n--\n", 4), *text = data;
	size_t rlen = size, tlen = size, i = 0;
	char *msg;

	if (sep != NULL) {
		rlen = (size_t)(sep - data);
		text = sep + 4;
		tlen = size - rlen - 4;
	}
	strip_init(&set);
	strip_parse(&set, "fuzz", data, rlen, &msg);
	free(msg);
	while (i <= tlen) {
		const uint8_t *nl = memchr(text + i, '\n', tlen - i);
		size_t e = nl ? (size_t)(nl - text) : tlen;
		const struct strip_span *sp;
		size_t n = strip_line(&set, text + i, e - i, &sp);

		for (size_t k = 0; k < n; k++)
			if (sp[k].a >= sp[k].b || sp[k].b > e - i ||
			    (k > 0 && sp[k].a < sp[k - 1].b) || sp[k].rule >= set.nrule)
				__builtin_trap();
		if (e > i && text[i] == '\f')
			strip_newdoc(&set);
		i = e + 1;
	}
	strip_free(&set);
	/* Each rule line's pattern against the text as one subject. */
	for (i = 0; i < rlen;) {
		const uint8_t *nl = memchr(data + i, '\n', rlen - i);
		size_t e = nl ? (size_t)(nl - data) : rlen;

		if (e - i > 5 && memcmp(data + i, "frag:", 5) == 0)
			check_key(data + i + 5, e - i - 5, text, tlen);
		i = e + 1;
	}
	return 0;
}
