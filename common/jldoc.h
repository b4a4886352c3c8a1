/*
 * jldoc: --jsonl, documents that are the objects of a JSON Lines file.
 *
 * With --jsonl[=FIELD] the reader (reader.h) reads one object a line and
 * hands out its FIELD's decoded text as one document, a NIB_DOCSEP between
 * objects.  A text tool's output for a document is captured (out.h) and,
 * when the reader moves past the separator or the run ends, written as
 * the object with FIELD replaced by it: the tool itself never knows.  A
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
/* Writes the open object out with its captured text (a no-op without one). */
void nib_jl_flush(void);
/* At the end of a run: says on stderr how many lines --skip-bad skipped. */
void nib_jl_end(void);
/* ,"id":ID for a JSON record, when --jsonl (else nothing). */
void nib_jl_id(void);
/*
 * The id of the current object as a record field: the raw JSON value (a
 * string without escapes loses its quotes when json is 0), or the line
 * number.  Adds nothing without --jsonl.
 */
void nib_jl_id_rec(struct nib_buf *b, int json);

#endif
