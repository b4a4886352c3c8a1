/*
 * split: the logic behind nibsplit.  A document is held whole (its blocks
 * copied into one buffer); split_features() measures each block,
 * split_classify() gives each block a role from those measures and the
 * document around it, split_related() finds the related items and their
 * fields, and split_sections() groups blocks into sections.
 */
#ifndef SPLIT_H
#define SPLIT_H
#include <stddef.h>
#include <stdint.h>

enum split_role {
	R_NAV, R_HEADLINE, R_STANDFIRST, R_BYLINE, R_DATELINE, R_BODY,
	R_CAPTION, R_CREDIT, R_CHROME, R_RELATED, R_COMMENTS, R_FOOTER,
	R_PART,		/* a piece cut by -e REGEX */
	R_NROLES
};

/* Role names as printed ("navigation", "headline", ...). */
extern const char *const split_rolename[R_NROLES];
/* The role named s[0..n), or -1. */
int split_role(const char *s, size_t n);

/* What a marker block announces (see split-markers.txt). */
enum split_mark {
	M_NONE, M_CHROME, M_RELATED, M_COMMENTS, M_FOOTER, M_NAV,
	M_CAPTION, M_CREDIT, M_PROMO,
	M_END		/* "More from ...": the story is over */
};

/*
 * Measures of one block, all language-independent except nstop, the
 * marker and the English cues (byline word, date words), which only ever
 * add evidence.
 */
struct split_feat {
	unsigned ntok;		/* tokens as tokens.h counts them */
	unsigned nalpha;	/* tokens that start with a cased letter */
	unsigned ncap;		/* of those, the ones that start upper case */
	unsigned nupper;	/* tokens all in capitals (two letters or more) */
	unsigned nstop;		/* stop words (any of several languages) */
	unsigned nnum;		/* tokens that are numbers */
	unsigned nunspaced;	/* characters of scripts without spaces */
	unsigned nterm;		/* sentence ends: . ! ? 。 ！ ？ before a space */
	unsigned ncomma;	/* , ; 、 ， */
	unsigned ndate;		/* month names, "ago", times and the like */
	unsigned nsep;		/* | • · » separators */
	unsigned lead;		/* leading capitalised words (and numbers) */
	unsigned leadstop;	/* capitalised stop words among them */
	unsigned char leadopen;	/* (the leading run goes on) */
	unsigned char endterm;	/* ends with a sentence end (quotes after) */
	unsigned char endcolon;	/* ends with ':' */
	unsigned char url;	/* holds "http", "www." or an @handle */
	unsigned char copy;	/* holds © or "copyright" */
	unsigned char byword;	/* starts with "By", "Por", "Von"... */
	unsigned char mark;	/* enum split_mark of a marker line */
	unsigned char prefix;	/* the marker matched a prefix only */
	unsigned char capt;	/* ends in a credit: "... (Photo: AP)" */
	unsigned char glued;	/* "headline WASHINGTON: teaser" */
	uint64_t key;		/* hash of the folded text (repeats) */
};

/* Computes f for the block s[0..n). */
void split_features(const unsigned char *s, size_t n, struct split_feat *f);

struct split_block {
	size_t off, len;	/* text within the document buffer */
	unsigned long line;	/* first line within the document */
	unsigned blank;		/* blank lines just before it */
	struct split_feat f;
	int role;
	int item;		/* related item number (0: none) */
	int dup;		/* index of an earlier equal block, or -1 */
	double w;		/* weight in the search for the body */
};

struct split_doc {
	unsigned char *text;
	size_t len, cap;
	struct split_block *b;
	size_t n, bcap;
	size_t max;		/* --max-doc */
};

/* Appends a block; returns -1 (and adds nothing) past d->max bytes. */
int split_add(struct split_doc *d, const unsigned char *s, size_t n,
    unsigned long line, unsigned blank);
/* Empties d for the next document (keeps its buffers). */
void split_reset(struct split_doc *d);
void split_free(struct split_doc *d);

/* Reads as running text: long enough and ending (or holding) sentences. */
int split_prose(const struct split_feat *f);
/* Short and without a sentence end: a title, a subhead, a menu item. */
int split_titlelike(const struct split_feat *f);
/* A date, a time or an age ("33 minutes ago"). */
int split_datelike(const struct split_feat *f);

/* Labels every block of d with a role. */
void split_classify(struct split_doc *d);

/*
 * Fields of related items: numbers the items (b->item, from 1) and, for
 * item k, fills the spans of its source, age and title (len 0: unknown).
 */
struct split_span { size_t off, len; };
struct split_item { struct split_span source, age, title; size_t first, last; };
/* Returns the number of items; *items is owned by d's caller (free it). */
size_t split_related(struct split_doc *d, struct split_item **items);

/*
 * A section: consecutive blocks [first, last] of one role (a related item
 * is one section).  Returns the count; the caller frees *secs.
 */
struct split_sec { int role; size_t first, last; int item; };
size_t split_sections(const struct split_doc *d, struct split_sec **secs);

/* How a document is printed. */
struct split_opts {
	int json;		/* -j: one JSON object per section */
	const char *dir;	/* -o DIR: one file per section */
	int select;		/* -s given: print only sel[] roles' text */
	unsigned char sel[R_NROLES];
	int para;		/* -P: blocks are paragraphs */
	void *re;		/* -e: a compiled pcre2_code, or NULL */
	const char *file;	/* the operand as given, for -j's "file" */
};

/*
 * Prints d as o says; doc is its number in the run.  Returns the number of
 * blocks (or sections, with -j and -o) written.
 */
size_t split_emit(struct split_doc *d, const struct split_opts *o, unsigned long doc);

/*
 * -e: compiles pattern (exits 2 with a message when it is bad); then
 * split_parts() cuts d before every block that matches, as csplit does.
 */
void *split_compile(const char *pattern);
void split_parts(struct split_doc *d, void *re);

#endif
