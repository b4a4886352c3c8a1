/*
 * sniff: is this the kind of input nib reads?  nib reads text; pages saved
 * as HTML, or corpora in JSON Lines, pass through every tool without an
 * error but come out as garbage.  The start of a document tells.
 */
#ifndef NIB_SNIFF_H
#define NIB_SNIFF_H
#include <stddef.h>

/* How much of a document's start nib_sniff() looks at. */
#define NIB_SNIFF_LEN 4096

enum nib_kind {
	NIB_TEXT = 0,
	NIB_HTML,	/* starts with markup, or declares an HTML document */
	NIB_JSONL	/* the first line is one JSON object with a string key */
};

/*
 * The kind of the document that starts at s[0..n) (at most NIB_SNIFF_LEN
 * bytes are looked at).  Errs towards NIB_TEXT: a story that quotes one
 * tag or opens with a brace is text.
 */
enum nib_kind nib_sniff(const unsigned char *s, size_t n);

#endif
