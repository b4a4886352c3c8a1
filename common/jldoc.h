/*
 * jldoc: --jsonl, documents that are the objects of a JSON Lines file.
 *
 * With --jsonl[=FIELD] the reader (reader.h) reads one object a line and
 * hands out its FIELD's decoded text as one document, a NIB_DOCSEP between
 * objects.  A text tool's output is captured (out.h); each time it ends a
 * document (nib_out_docsep) and at the end of the run, the oldest object
 * not yet written is written with FIELD replaced by what was captured: the
 * tool itself never knows, and may hold documents back.  A
 * tool that writes records instead sets nib_jsonl_records; records then
 * carry the object's "id" (or its line number) after "file".
 */
#ifndef NIB_JLDOC_H
#define NIB_JLDOC_H
#include <stddef.h>

struct nib_reader;
struct nib_buf;

extern const char *nib_jsonl_field;	/* the field; NULL: not --jsonl */
extern int nib_jsonl_skipbad;		/* --skip-bad: skip malformed lines */
extern int nib_jsonl_records;		/* the tool writes records, not text */

/* nib_reader_line() in JSONL mode. */
int nib_jl_line(struct nib_reader *r, const unsigned char **s, size_t *len);
/* At the end of a run: says on stderr how many lines --skip-bad skipped. */
void nib_jl_end(void);
/* ,"id":ID of document doc for a JSON record, when --jsonl (else nothing). */
void nib_jl_id(unsigned long doc);
/*
 * The id of document doc as a record field: the raw JSON value (a string
 * without escapes loses its quotes when json is 0), or the object's line
 * number; null when doc is long past (the last 256 are kept).
 */
void nib_jl_id_rec(struct nib_buf *b, unsigned long doc, int json);

#endif
