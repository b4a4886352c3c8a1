/*
 * split: the logic behind nibsplit.  A document is held whole (its blocks
 * copied into one buffer); split_features() measures each block (feat.c,
 * with the word lists of lexicon.c and the edge cues of cues.c),
 * split_classify() gives each block a role from those measures and the
 * document around it (classify.c over looks.c, repeats.c, weigh.c,
 * lists.c and roles.c), split_related() finds the related items and their
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
	M_END,		/* "More from ...": the story is over */
	M_FILED,	/* "Tags", "Topics": filing lines after the story */
	M_CALL		/* "Subscribe to ...": a promo, read as M_PROMO */
};

/*
 * Measures of one block, all language-independent except nstop, the
 * marker and the English cues (byline word, date words), which only ever
 * add evidence.  The record is compact (a document of short lines holds
 * millions: 22 bytes, packed): small counts stop at their type's maximum,
 * and the counts of the first SPLIT_SAMPLE tokens stand for the whole
 * block (split_count() scales them).
 */
#define SPLIT_SAMPLE 40
struct __attribute__((packed)) split_feat {
	uint32_t ntok;		/* tokens as tokens.h counts them */
	uint32_t nunspaced;	/* characters of scripts without spaces */
	uint16_t nterm;		/* sentence ends: . ! ? 。 ！ ？ before a space */
	uint8_t ncomma;		/* , ; 、 ， */
	uint8_t ndate;		/* month names, "ago", times and the like */
	uint8_t nsep;		/* | • · » separators */
	/* Of the first SPLIT_SAMPLE tokens (read them with split_count()): */
	uint8_t nalpha;		/* tokens that start with a cased letter */
	uint8_t ncap;		/* of those, the ones that start upper case */
	uint8_t nupper;		/* tokens all in capitals (two letters or more) */
	uint8_t nstop;		/* stop words (any of several languages) */
	uint8_t nnum;		/* tokens that are numbers */
	uint8_t lead;		/* leading capitalised words (and numbers) */
	uint8_t leadstop;	/* capitalised stop words among them */
	unsigned leadopen : 1;	/* (the leading run goes on) */
	unsigned endterm : 1;	/* ends with a sentence end (quotes after) */
	unsigned endcolon : 1;	/* ends with ':' */
	unsigned url : 1;	/* holds "http", "www." or an @handle */
	unsigned copy : 1;	/* holds © or "copyright" */
	unsigned byword : 1;	/* starts with "By", "Por", "Von"... */
	unsigned prefix : 1;	/* the marker matched a prefix only */
	unsigned capt : 1;	/* ends in a credit: "... (Photo: AP)" */
	unsigned glued : 1;	/* "headline WASHINGTON: teaser" */
	unsigned sampled : 1;	/* more tokens than SPLIT_SAMPLE */
	unsigned mark : 4;	/* enum split_mark of a marker line */
};
_Static_assert(sizeof(struct split_feat) == 22, "struct split_feat grew");

/* A sampled count of f scaled to the whole block. */
static inline unsigned
split_count(const struct split_feat *f, unsigned sample)
{
	return f->sampled ? (unsigned)(sample * ((double)f->ntok / SPLIT_SAMPLE)) : sample;
}

/*
 * Computes f for the block s[0..n); returns the key that tells repeats
 * (a hash of the folded text: see split_repeats()).
 */
uint64_t split_features(const unsigned char *s, size_t n, struct split_feat *f);

/* Why a block got its role (see split_explain()). */
enum split_why {
	Y_NONE, Y_DENSE, Y_SHORTIN, Y_LIST, Y_FALLBACK, Y_REPEAT, Y_MARK,
	Y_CAPT, Y_OVERCREDIT, Y_CREDIT, Y_BYWORD, Y_DATE, Y_LINKS, Y_EMPTY,
	Y_TITLE, Y_LASTTITLE, Y_UNDERHEAD, Y_PROSEBEFORE, Y_SHORTBEFORE,
	Y_NOBODY, Y_SECTION, Y_COPY, Y_AFTER, Y_RELBOX, Y_PART, Y_NWHY
};

/*
 * One block: 40 bytes, whatever its length (a document of ten million
 * short lines holds ten million).  Its text starts where the previous
 * block's ends, so offsets and line numbers are kept once per
 * SPLIT_GROUP blocks (struct split_group) and found from there
 * (split_off(), split_line()).  What is needed only in one phase shares
 * its bytes with what is needed only in another: the key until repeats
 * are found, then the weight; the order of the sort that finds repeats,
 * then the repeat index while classifying, then the related item.  A
 * key needed later is made again (split_samekey()).  A document holds
 * fewer than 2^31 blocks, each under 4 GiB, and fewer than 2^32 lines.
 */
struct split_block {
	uint32_t len;		/* text at split_off() in the document buffer */
	union {
		int32_t dup;	/* classifying: an earlier equal block, or -1 */
		int32_t item;	/* printing: related item number (0: none) */
	};
	union {
		uint64_t key;	/* features to repeats: split_key() */
		struct {
			float w;	/* then: weight in the search for the body */
			uint32_t ktag;	/* and half the key (split_samekey()) */
		};
	};
	struct split_feat f;
	uint16_t role : 4;
	uint16_t why : 6;	/* enum split_why */
	uint16_t dline : 6;	/* first line less the previous block's (63: more) */
};
_Static_assert(sizeof(struct split_block) == 40, "struct split_block grew");
_Static_assert(R_NROLES <= 16 && Y_NWHY <= 64, "role or why outgrew its bits");

/* The key that tells repeats, of the block s[0..n) (split_features()'s). */
uint64_t split_key(const unsigned char *s, size_t n);

#define SPLIT_GROUP 16
/* Where each run of SPLIT_GROUP blocks starts. */
struct split_group {
	size_t off;		/* text of its first block */
	uint32_t line;		/* first line of its first block */
};
/* A line step of 63 or more (struct split_block's dline). */
struct split_step {
	uint32_t i;		/* the block */
	uint32_t step;		/* its first line less the previous block's */
};

struct split_doc {
	unsigned char *text;
	size_t len, cap;
	struct split_block *b;
	size_t n, bcap;
	struct split_group *g;	/* one per SPLIT_GROUP blocks */
	size_t gcap;
	struct split_step *step;	/* in block order */
	size_t nstep, stepcap;
	uint32_t lastline;	/* first line of the last block */
	size_t max;		/* --max-doc */
	int fallback;		/* no block won the body: the strongest prose did */
};

/* The offset of block i's text in d->text. */
static inline size_t
split_off(const struct split_doc *d, size_t i)
{
	size_t o = d->g[i / SPLIT_GROUP].off;

	for (size_t j = i & ~(size_t)(SPLIT_GROUP - 1); j < i; j++)
		o += d->b[j].len;
	return o;
}

/* Block i's text (d->b[i].len bytes). */
static inline const unsigned char *
split_text(const struct split_doc *d, size_t i)
{
	return d->text + split_off(d, i);
}

/* The first line of block i within its document. */
unsigned long split_line(const struct split_doc *d, size_t i);
/*
 * Blocks i and j have the same key (once repeats are found): half of it
 * kept tells most blocks apart, and the rest are keyed again.
 */
int split_samekey(const struct split_doc *d, size_t i, size_t j);

/*
 * Appends a block; returns -1 (and adds nothing) past d->max bytes, and
 * exits 2 with a message past the limits of struct split_block.
 */
int split_add(struct split_doc *d, const unsigned char *s, size_t n,
    unsigned long line);
/* Empties d for the next document (keeps its buffers). */
void split_reset(struct split_doc *d);
void split_free(struct split_doc *d);

/* Reads as running text: long enough and ending (or holding) sentences. */
int split_prose(const struct split_feat *f);
/* Short and without a sentence end: a title, a subhead, a menu item. */
int split_titlelike(const struct split_feat *f);
/* A date, a time or an age ("33 minutes ago"). */
int split_datelike(const struct split_feat *f);

/*
 * Labels every block of d with a role.  A document that holds prose never
 * ends with no body: when no block wins the role, the strongest run of
 * prose is the body and d->fallback is set.
 */
void split_classify(struct split_doc *d);
/*
 * Writes why block b got its role (the rule, then its strongest
 * features) to buf as a NUL-terminated string; returns its length.
 */
size_t split_explain(const struct split_block *b, char *buf, size_t cap);

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
	int explain;		/* --explain: say why each block got its role */
	int digits;		/* -n: digits of section numbers in -o names */
	void *re;		/* -e: a compiled pcre2_code, or NULL */
	const char *file;	/* the operand as given, for -j's "file" */
};

/*
 * -s: selects the roles of the comma-separated list (exits 2 on a name
 * that is no role, and on a list that names none).
 */
void split_select(struct split_opts *o, char *list);

/*
 * Prints d as o says; doc is its number in the run, prefix (with -o) the
 * start of its files' names.  Returns the number of blocks (or sections,
 * with -j and -o) written.
 */
size_t split_emit(struct split_doc *d, const struct split_opts *o, unsigned long doc,
    const char *prefix);

/*
 * -o: creates dir and its parents as mkdir -p does (exits 2 when it
 * cannot, or when dir is not a directory), and sets the signal handlers
 * that remove a temporary left by an interrupted write.
 */
void split_mkdirs(const char *dir);
/*
 * The start of the file names of a document: the base name of the file
 * operand name without its extension (".2", ".3", ... added for the
 * second and later documents nth of the file), or, for standard input
 * (name NULL), the document number doc in six digits.  Free it.
 */
char *split_prefix(const char *name, unsigned long doc, unsigned long nth);
/* Writes the sections s[0..ns) of d (those selected) as files. */
size_t split_files(const struct split_doc *d, const struct split_sec *s, size_t ns,
    const struct split_opts *o, const char *prefix);

/*
 * -e: compiles pattern (exits 2 with a message when it is bad); then
 * split_parts() cuts d before every block that matches, as csplit does.
 */
void *split_compile(const char *pattern);
void split_parts(struct split_doc *d, void *re);

#endif
