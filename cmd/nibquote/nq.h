/*
 * nq: nibquote's logic, beside cmd/nibquote.c.  common/quote.h finds and
 * pairs the marks; this part reads the words around each quotation (who
 * said it, with which verb, full or partial), follows the names a
 * document gives for pronouns, and joins interrupted and multi-paragraph
 * quotations into one record.
 *
 * The parts: doc.c walks a block's quotations and joins their parts,
 * record.c builds records and holds those of an open quotation,
 * finish.c gives each its kind and speaker; attr.c reads attributions
 * out of the tokens of tokens.c (tok.h) with phrase.c for the speaker's
 * phrase, bounds.c finds sentence and clause ends; namescan.c reads the
 * names a text gives into people.c's table, names.c turns an attribution
 * into the speaker printed; words.c loads the word lists (*.txt).
 */
#ifndef NQ_H
#define NQ_H
#include <stddef.h>

#include "quote.h"
#include "reader.h"
#include "words.h"

enum { NQ_FULL, NQ_PARTIAL };

/* Word classes, from the data files beside this header. */
enum {
	W_VERB = 1,		/* verbs.txt */
	W_TITLE = 2,		/* titles.txt */
	W_ORG = 4,		/* orgs.txt */
	W_PLACE = 8,		/* places.txt */
	W_STOP = 16,		/* stopcaps.txt */
	W_ADV = 32,		/* adverbs.txt */
	W_PERSON = 64,		/* pronouns.txt: he, she */
	W_GROUP = 128,		/* pronouns.txt: they, it */
	W_NONE = 256,		/* pronouns.txt: I, we */
	W_INTRO = 512,		/* verbs.txt "+": opens a full quotation */
	W_NAMING = 1024,	/* verbs.txt "=": names a thing ("called") */
	W_MALE = 2048,		/* male.txt; the pronoun "he" */
	W_FEMALE = 4096,	/* female.txt; the pronoun "she" */
	W_AFTER = 8192		/* verbs.txt "<": a verb only after the mark */
};
#define W_PRONOUN (W_PERSON | W_GROUP | W_NONE)

/* Loads the word lists (once). */
void nq_words_init(void);
/* Classes of the word s[0..n), ASCII case folded, a final period ignored. */
int nq_word(const unsigned char *s, size_t n);

/* One quotation as printed. */
struct nq_rec {
	unsigned long doc, line;
	size_t start, end;	/* in the document, marks included */
	char *speaker, *verb;	/* NULL when none; owned */
	int kind;		/* NQ_FULL or NQ_PARTIAL */
	char *text;		/* owned */
	size_t textlen;
};

/* Attribution read from the words beside a quotation. */
struct nq_attr {
	char *speaker;		/* as written, titles dropped; owned */
	char *verb;		/* owned */
	int pron;		/* speaker is a pronoun: W_PERSON, W_GROUP, W_NONE */
	size_t pos;		/* where that pronoun stands in the text */
};

/*
 * Reads an attribution after a quotation, in s[from..to) (to is where the
 * clause must end at the latest): "he said", "said Smith", "Smith, the
 * mayor, said", "according to X".  stop: the quotation ended with its own
 * stop, so only a short attribution ("Smith said on Monday.") counts.
 * Returns 1 and fills at when a verb was found; *endp is set past the
 * attribution's last token.
 */
int nq_attr_post(const unsigned char *s, size_t from, size_t to, int stop,
    struct nq_attr *at, size_t *endp);
/*
 * Reads an attribution before a quotation: s[from..to) is the writer's
 * words from the start of the sentence to the opening mark ("Newsom
 * wrote,", "In a statement, the group said:").  near: the verb must be
 * close to the mark (a full quotation).  Returns 1 when found.
 */
int nq_attr_pre(const unsigned char *s, size_t from, size_t to, int near,
    struct nq_attr *at);
/*
 * The speaker of a sentence of the writer's own, s[from..to), that holds
 * no quotation: "A spokesman denied it."  Returns 1 when found.
 */
int nq_attr_sentence(const unsigned char *s, size_t from, size_t to,
    struct nq_attr *at);
/*
 * The subject that opens a sentence of the writer's own, when it is a
 * name: "Morrison was the third witness" gives Morrison.  Returns 1 when
 * found, 2 when the name stands in an appositive ("Her husband, Colm,"),
 * which makes it a person's even if the document never named him before.
 */
int nq_subject(const unsigned char *s, size_t from, size_t to, struct nq_attr *at);
/* How the writer's words before a mark end. */
enum { PRE_START, PRE_COLON, PRE_SAID, PRE_MID };
int nq_pre_kind(const unsigned char *s, size_t from, size_t to);
/*
 * Start of the sentence that holds s[pos] (common/sent decides), looking
 * back no further than lo; the block ends at hi.
 */
size_t nq_sent_start(const unsigned char *s, size_t lo, size_t pos, size_t hi);
/* End of the clause that starts at s[pos] (a stop, or hi). */
size_t nq_clause_end(const unsigned char *s, size_t pos, size_t hi);
/*
 * Whether s[from..to) is an attribution clause between two parts of one
 * quotation, and how it ends: NQ_GAP_COMMA ('"A," X said, "b"'),
 * NQ_GAP_STOP ('"A," X said. "B."', also with a colon), NQ_GAP_DASH
 * ('"A" — X said — "b"'); 0 when it is not one (other words of the
 * writer's stand there, or a second verb: "he said, adding").
 */
enum { NQ_GAP_COMMA = 1, NQ_GAP_STOP, NQ_GAP_DASH };
int nq_interrupt(const unsigned char *s, size_t from, size_t to);
/* The attribution of such an interruption s[from..to).  Returns 1 when found. */
int nq_attr_gap(const unsigned char *s, size_t from, size_t to, struct nq_attr *at);
void nq_attr_free(struct nq_attr *at);

/* Names a document gives, for pronouns and for full names. */
struct nq_person;
struct nq_names {
	struct nq_person *p;
	size_t np, cap;
	long last;		/* last person named, or -1 */
	long prev;		/* the one named before last, or -1 */
	long lasthe, lastshe;	/* the same, not known to be a woman, a man */
	char *group;		/* last group that spoke, or NULL */
	char org[64];		/* last organisation named, or "" */
	char stmt[64];		/* who last gave "a statement", or "" */
	struct nib_words surnames;	/* surname -> person + 1 */
	unsigned long tick;	/* counts namings, for nq_person.seen */
};
void nq_names_init(struct nq_names *nm);
void nq_names_reset(struct nq_names *nm);
void nq_names_free(struct nq_names *nm);
/* Records the names in s[from..to), in order. */
void nq_names_scan(struct nq_names *nm, const unsigned char *s, size_t from, size_t to);
/*
 * Turns an attribution into the speaker to print: a pronoun resolved to
 * the last person or group named, a surname to the full name given
 * before.  Returns an owned string or NULL.  Records the speaker as named.
 */
char *nq_names_speaker(struct nq_names *nm, const struct nq_attr *at);

/* Whether sp is "the N-year-old": a person just named, as "she" is. */
int nq_yearold(const char *sp);
/* Sex of a named person: W_MALE, W_FEMALE or 0 for unknown. */
int nq_names_sex(const struct nq_names *nm, const char *name);
/* Whether name is, as written, a person the document named. */
int nq_names_person(const struct nq_names *nm, const char *name);
/* Whether a one-word name is a surname the document gave; longer names are. */
int nq_names_known(const struct nq_names *nm, const char *name);

/* A run over documents: what one document needs between blocks. */
struct nq_doc {
	int paragraphs;
	void (*emit)(const struct nq_rec *r, void *arg);
	void *arg;
	struct nib_qscan q;
	struct nq_names names;
	unsigned long doc;
	/* a quotation left open at the end of a paragraph */
	int pending;
	struct nq_rec pend;
	int pendfam;
	int pendfull;
	int pendkeep;		/* printed even if it never goes on */
	struct nq_rec *held;	/* what it held, printed if it never goes on */
	size_t nheld, heldcap;
	char *inherit;		/* speaker a following quotation may take */
	unsigned long inherittick;	/* names.tick when it spoke */
	unsigned char *tail;	/* end of the last block, read for it lazily */
	size_t taillen, tailcap;
	int tailok;		/* tail not read yet */
	int havetail;		/* tail is the end of the block before */
};

void nq_doc_init(struct nq_doc *doc, int paragraphs,
    void (*emit)(const struct nq_rec *, void *), void *arg);
/* Takes one block (NIB_BLOCK from nib_reader_block). */
void nq_doc_block(struct nq_doc *doc, const struct nib_block *b);
/* Ends the current document: prints what is still held. */
void nq_doc_end(struct nq_doc *doc);
void nq_doc_free(struct nq_doc *doc);

#endif
