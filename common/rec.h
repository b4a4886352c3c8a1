/*
 * rec: one structured record, a TSV line or a JSON object, built whole in
 * memory and then written with one call.  A record is never cut by a
 * later error, and one on standard error never interleaves with another
 * process's output.  TSV fields come in the order they are added; JSON
 * keys too, so both forms carry the same fields.
 */
#ifndef NIB_REC_H
#define NIB_REC_H
#include <stddef.h>
#include <stdio.h>

#include "json.h"

struct nib_rec {
	struct nib_buf b;
	int json;		/* a JSON object, else a TSV line */
	int nf;			/* fields so far */
	unsigned long doc;	/* the "doc" field's value, for --jsonl's id */
};

/* Starts an empty record (JSON when json is set). */
void nib_rec_begin(struct nib_rec *r, int json);
/* Adds a string field (key is used by JSON only). */
void nib_rec_str(struct nib_rec *r, const char *key, const void *s, size_t n);
/* The same for a C string; NULL is JSON null or an empty TSV field. */
void nib_rec_cstr(struct nib_rec *r, const char *key, const char *s);
/* Adds a number field. */
void nib_rec_num(struct nib_rec *r, const char *key, unsigned long long v);
/* Adds a field written as it is (a number printf made: "0.93"). */
void nib_rec_raw(struct nib_rec *r, const char *key, const char *s);
/*
 * Ends the record with its line end and writes it: fd 1 through out.h's
 * buffer, fd 2 in one write (exit 2 on failure, see nib_err_write).
 */
void nib_rec_put(struct nib_rec *r, int fd);
/* The same through stdio, to fp (whose errors the caller checks at the end). */
void nib_rec_fput(struct nib_rec *r, FILE *fp);
/* Writes the TSV header line of keys (NULL-terminated) to fd. */
void nib_rec_header(const char *const *keys, int fd);
/* Frees the record's buffer. */
void nib_rec_free(struct nib_rec *r);

#endif
