/*
 * reader: lines, blocks and documents from a file or standard input.
 *
 * Lines have no length limit and may hold NUL bytes; LF, CRLF and a lone CR
 * all end a line, and the returned text never holds the line end.  With
 * nib_zflag (out.h, -z) a NUL byte ends a record instead, and LF and CR
 * are data.  A line
 * that holds only a form feed separates documents; so does the start of
 * each new file operand, which the reader hands out as a NIB_DOCSEP item
 * of its own (a form feed, line 0) before the file's first line, so that
 * a tool ends a document and writes a separator in one place whichever
 * way documents came.  A document that looks like HTML or JSON Lines (see
 * sniff.h) gets one warning per file, naming it and what to do, and is
 * read as text all the same.  Returned pointers stay valid until the next
 * call on the same reader.
 */
#ifndef NIB_READER_H
#define NIB_READER_H
#include <stddef.h>

enum nib_item {
	NIB_EOF = 0,	/* end of this file (or a read error, see failed) */
	NIB_LINE,	/* a line (nib_reader_line only) */
	NIB_DOCSEP,	/* a form-feed line: a new document starts after it */
	NIB_BLANK,	/* an empty line, or one of spaces and tabs only */
	NIB_BLOCK	/* a block: one line, or with paragraphs a paragraph */
};

struct nib_block {
	const unsigned char *s;	/* text; in paragraph mode lines joined by \n */
	size_t len;
	unsigned long line;	/* first line, 1-based, within the file */
	unsigned long docline;	/* first line, 1-based, within the document */
	size_t off;		/* byte offset of its start within the document */
	unsigned long doc;	/* document number, 1-based over the whole run */
};

struct nib_reader {
	const char *name;	/* file name for messages ("stdin" for -) */
	const char *path;	/* the operand as given ("-" for stdin), for records */
	int fd;
	int eof;		/* read(2) returned 0 */
	int failed;		/* a file could not be opened or read */
	int had_eol;		/* the last line returned ended in a line end */
	unsigned long line;	/* last line returned, 1-based, in the file */
	unsigned long docline;	/* the same within the document */
	unsigned long doc;	/* current document, 1-based (0 before any) */
	size_t off;		/* offset of the last line within the document */
	size_t docstart;	/* file offset where the document began */
	size_t base;		/* file offset of buf[0] */
	unsigned char *buf;
	size_t cap, pos, end;
	/* block assembly */
	unsigned char *blk;
	size_t blkcap;
	int pend;		/* an item read ahead by paragraph mode */
	int sep;		/* a document came before this file: NIB_DOCSEP first */
	int sniffed;		/* this file was warned about (see sniff.h) */
	int readerr;		/* read(2) failed on this file */
	int hascr;		/* a CR was read from this file: lines look for one */
	struct nib_block pendb;
};

/* Sets up a reader for a run over any number of files. */
void nib_reader_init(struct nib_reader *r);
/*
 * Opens path ("-" is standard input) as the next document.  On failure
 * (missing, unreadable, a directory) warns "nibX: path: reason", sets
 * r->failed and returns -1: no document number is used.
 */
int nib_reader_open(struct nib_reader *r, const char *path);
/* Closes the current file (not the run: doc numbers go on). */
void nib_reader_close(struct nib_reader *r);
/* Frees the reader's buffers. */
void nib_reader_free(struct nib_reader *r);

/*
 * Next line: returns NIB_LINE with *s and *len set, NIB_DOCSEP for a
 * form-feed line (*s, *len give it), or NIB_EOF.  A read error warns,
 * sets r->failed and ends the file.
 */
int nib_reader_line(struct nib_reader *r, const unsigned char **s, size_t *len);

/*
 * The next physical line as nib_reader_line() reads it, without its
 * meaning: NIB_LINE (a form feed too) or NIB_EOF.  For jldoc.c.
 */
int nib_reader_raw(struct nib_reader *r, const unsigned char **s, size_t *len);

/*
 * Next block: NIB_BLOCK, NIB_BLANK (b->s holds the blank line as read),
 * NIB_DOCSEP or NIB_EOF.  With paragraphs, consecutive non-blank lines make
 * one block whose lines are joined by '\n'.
 */
int nib_reader_block(struct nib_reader *r, int paragraphs, struct nib_block *b);

/*
 * Gives back the memory a long line or paragraph made the reader take,
 * once the tool has what it needs of the block last returned (whose text
 * goes invalid): a tool that copies a 1 GB line then holds one copy, not
 * two.  Does nothing while the buffers are small.
 */
void nib_reader_shrink(struct nib_reader *r);
/*
 * Runs fn over each operand in argv (none: standard input), with one reader
 * for the whole run.  Returns 0, or 2 when some file could not be read.
 */
int nib_each_file(int argc, char **argv,
    void (*fn)(struct nib_reader *r, void *arg), void *arg);

/* warnx(3) as "nibX: file:line: message" for the reader's current line. */
void nib_warnl(const struct nib_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same, then exit(eval). */
void nib_errl(int eval, const struct nib_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), noreturn));

#endif
