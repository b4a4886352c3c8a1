/*
 * json: strings for structured output, written through out.h or into a
 * buffer.  The one JSON escaper and the one TSV escaper of nib, and the
 * one JSON string decoder (for --jsonl input).
 */
#ifndef NIB_JSON_H
#define NIB_JSON_H
#include <stddef.h>

/*
 * Writes s[0..n) as a JSON string with its quotes: '"', '\\' and control
 * characters escaped, U+2028/U+2029 escaped, invalid UTF-8 bytes written
 * as \ufffd.  Valid non-ASCII text is written as it is.
 */
void nib_json_str(const void *s, size_t n);
/* nib_json_str() of a NUL-terminated string, or null when s is NULL. */
void nib_json_cstr(const char *s);
/*
 * Writes s[0..n) as one TSV field: tab, LF, CR and backslash written as
 * \t \n \r \\ so that a field never breaks a record; other bytes as they
 * are (invalid UTF-8 passes through, as in all nib text output).
 */
void nib_tsv_str(const void *s, size_t n);

/*
 * Decodes the JSON string whose body starts at s[0] (just past its opening
 * quote) into o, which has room for n + 8 bytes: decoded text is never
 * longer than its escaped form, and the decoder writes eight bytes at a
 * time.  Sets *olen to the decoded length and returns the body's length
 * (the index of the closing quote; n when there is none).  The string is
 * one a validating parser has passed: the first '"' that is not part of
 * an escape ends it; a lone surrogate escape becomes U+FFFD; s[0..n)
 * bounds every read.
 */
size_t nib_json_decode(unsigned char *o, size_t *olen, const unsigned char *s,
    size_t n);

/* A growing byte buffer; zero it to start.  The owner frees s. */
struct nib_buf {
	char *s;
	size_t len, cap;
};

/* Appends p[0..n) to b (s stays NUL-terminated after len). */
void nib_buf_add(struct nib_buf *b, const void *p, size_t n);
/* nib_json_str() and nib_tsv_str() into b instead of standard output. */
void nib_buf_json(struct nib_buf *b, const void *s, size_t n);
void nib_buf_tsv(struct nib_buf *b, const void *s, size_t n);

#endif
