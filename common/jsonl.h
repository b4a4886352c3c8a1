/*
 * jsonl: one document from one line of JSON Lines, and the line written
 * back with the document replaced.
 *
 * Corpora keep a document as an object a line with its text in one field
 * ({"id": "a1", "text": "...", "url": "..."}).  nib_jsonl_parse() finds
 * the field among the object's top-level keys and decodes its string (the
 * escapes \n, \", \uXXXX and surrogate pairs; a lone surrogate becomes
 * U+FFFD); nib_jsonl_splice() writes the line back byte for byte but for
 * that field's value, which becomes the new text.  The line is parsed once,
 * by yajl (Debian's libyajl-dev), whose validating parser refuses what is
 * not JSON; the field and "id" are found as byte spans of the line, so that
 * the rest of the line never has to be rebuilt.
 */
#ifndef NIB_JSONL_H
#define NIB_JSONL_H
#include <stddef.h>

struct nib_jsonl {
	/* The last line parsed: */
	unsigned char *text;	/* the field's decoded string; owned */
	size_t textlen;
	size_t vstart, vend;	/* the field's value in the line, quotes too */
	size_t idstart, idend;	/* the "id" value (raw JSON); idend 0: none */
	size_t textcap;
};

enum {
	NIB_JSONL_OK = 0,
	NIB_JSONL_BAD = -1,	/* not a JSON object */
	NIB_JSONL_NOFIELD = -2	/* no such field, or not a string */
};

/* Zeroes j; nib_jsonl_free() releases what parsing allocated. */
void nib_jsonl_init(struct nib_jsonl *j);
void nib_jsonl_free(struct nib_jsonl *j);
/*
 * Parses the line s[0..n) (without its newline) as one JSON object and
 * decodes its top-level string field field[0..flen) into j->text.  Keys
 * are compared as written (escapes are not decoded); when a key repeats,
 * its first occurrence counts, for the field as for "id".  Returns
 * NIB_JSONL_OK or a negative NIB_JSONL_* code: NIB_JSONL_BAD when the line
 * is not valid JSON or not an object, whatever else it holds.
 */
int nib_jsonl_parse(struct nib_jsonl *j, const unsigned char *s, size_t n,
    const char *field, size_t flen);
/* What a negative nib_jsonl_parse() code means, for a message. */
const char *nib_jsonl_strerror(int code);
/*
 * Writes (through out.h) the line s[0..n) last parsed by j, with the
 * field's value replaced by t[0..tn) as a JSON string, and a newline.
 */
void nib_jsonl_splice(const struct nib_jsonl *j, const unsigned char *s,
    size_t n, const unsigned char *t, size_t tn);

#endif
