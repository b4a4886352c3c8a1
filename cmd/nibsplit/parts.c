/* -e REGEX: pieces cut at matching blocks, as csplit(1) cuts at lines. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <err.h>
#include <pcre2.h>

#include "split.h"

void *
split_compile(const char *pattern)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	pcre2_code *re;
	int e;

	/* Invalid UTF-8 in the input must not stop a match: match it as bytes. */
	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &e, &off, NULL);
	if (re == NULL) {
		pcre2_get_error_message(e, msg, sizeof msg);
		errx(2, "-e: %s at offset %zu", (char *)msg, (size_t)off);
	}
	return re;
}

void
split_parts(struct split_doc *d, void *re)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	size_t i;
	int part = 1, rc;

	if (md == NULL)
		err(2, NULL);
	for (i = 0; i < d->n; i++) {
		rc = pcre2_match(re, split_text(d, i), d->b[i].len, 0, 0, md, NULL);
		if (rc >= 0 && i > 0)
			part++;
		d->b[i].role = R_PART;
		d->b[i].why = Y_PART;
		d->b[i].item = part;
	}
	pcre2_match_data_free(md);
}
