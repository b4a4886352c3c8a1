/*
 * json: strings for structured output, written through out.h or into a
 * buffer.  The one JSON escaper and the one TSV escaper of nib.
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
