/*
 * strip: nibstrip's rule engine.  Parses rule files, compiles them once
 * (PCRE2 with JIT) and tells, for one line at a time, what to remove: the
 * whole line, or fragments (byte spans) inside it.
 *
 * A rule file holds one rule a line (the full syntax is in nibstrip(1)):
 *   # comment                 ignored, as are blank lines
 *   @name                     names the rules that follow (for -n)
 *   text                      a literal line: removes a line equal to text
 *                             after trimming, collapsing blanks and ASCII
 *                             case folding
 *   lit:text                  the same, for text that starts with # or @ or
 *                             looks like one of the prefixes below
 *   re:PATTERN                removes a line the pattern matches whole
 *                             (the line trimmed of blanks at both ends)
 *   frag:PATTERN              removes each match inside a line
 *   rep:PATTERN               removes the matches inside a line whose first
 *                             capture group has the same text in at least
 *                             three matches of that line (photo counters)
 *   echo:PATTERN              removes a line the pattern matches whole when
 *                             its first capture group repeats one of the
 *                             three non-blank lines before it ("- Source")
 */
#ifndef NIB_STRIP_H
#define NIB_STRIP_H
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "words.h"

/* Words of the literal-line filter (nib_hfilter_add()). */
#define LITBITS 1024

enum strip_kind { STRIP_LIT, STRIP_LINE, STRIP_FRAG, STRIP_REP, STRIP_ECHO };

/* Lines before an echo: line looked back at. */
#define STRIP_ECHO_BACK 3
/* PCRE2 steps a match may take: a pathological pattern gives up, not hangs. */
#define STRIP_MATCH_LIMIT 10000000
/* Matches with the same group text that a rep: rule needs in one line. */
#define STRIP_REP_MIN 3

/* Literal text a match must hold, and the gram of it that is indexed. */
struct strip_rkey {
	unsigned char *s;
	size_t len, off;
};

struct strip_rule {
	enum strip_kind kind;
	char *name;		/* from @name, or NULL */
	char *src;		/* the rule file's name, "builtin" for ours */
	unsigned long line;	/* line within it, 1-based */
	pcre2_code *re;		/* NULL for a literal */
	struct strip_rkey *key;	/* a match holds one of these (pre-filter) */
	size_t nkey;		/* 0: no key */
	int keyci;		/* keys are compared with ASCII case folded */
	int hasfirst;		/* a line rule: first[] holds its first bytes */
	unsigned char first[32];	/* bit set of the bytes a match starts with */
	int jit;		/* re was JIT-compiled */
};

/* A removal: bytes [a, b) of the line (b - a == len: the whole line). */
struct strip_span {
	size_t a, b;
	size_t rule;		/* index into strip_set.rule */
};

struct strip_cand {
	size_t rule;
	uint32_t key;		/* which of the rule's keys */
	uint32_t next;		/* next candidate + 1 for the same gram, 0 ends */
};

struct strip_set {
	struct strip_rule *rule;
	size_t nrule, rulecap;
	/* literal lines: normalized text to rule index + 1 */
	struct nib_words lit;
	/* a filter of their normalized texts' XXH3 (strip_litbit()) */
	uint64_t litbits[LITBITS];
	/* keyed rules by the first two bytes of the key, ASCII-folded */
	uint32_t *head;		/* 65536 grams: first candidate + 1 */
	uint64_t *bigram;	/* bit set of the grams in head */
	uint32_t fhead[256];	/* unkeyed line rules by the line's first byte */
	uint32_t bhead[256];	/* rules with a key under 4 bytes, by its first */
	unsigned char bkey[256];	/* the bytes c with bhead[c] != 0 */
	int nbkey;
	struct strip_cand *cand;
	size_t ncand, candcap;
	int echo;		/* some rule is an echo: remember lines */
	size_t *always;		/* regex rules with no key: tried on every line */
	size_t nalways;
	int ready;
	/* per-line scratch */
	size_t *hit;		/* rules whose key the line holds */
	size_t nhit;
	uint32_t *stamp;	/* per rule: the line generation it was hit in */
	uint32_t gen;
	unsigned char *norm;	/* normalized line, normmax + 1 bytes */
	size_t normmax;
	struct strip_span *span;
	size_t nspan, spancap;
	struct strip_rep *rep;
	size_t nrep, repcap;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jstack;
	unsigned char *limitwarned;	/* per rule: its match limit was reported */
	/* echo: hashes of the last non-blank lines of the document */
	uint64_t prev[STRIP_ECHO_BACK];
	size_t nprev;
	/* the name being given by @name */
	char *curname;
};

/* Sets up an empty rule set. */
void strip_init(struct strip_set *set);
/*
 * Adds the rules in text[0..len) (one rule a line), read from a file named
 * src.  Returns 0, or -1 and sets *msg to "src:line: what is wrong" (the
 * caller frees it); rules before the bad line stay added.
 */
int strip_parse(struct strip_set *set, const char *src,
    const unsigned char *text, size_t len, char **msg);
/*
 * strip_parse() of the file at path ("-": standard input).  Returns 0, or
 * -1 and sets *msg ("path: reason" or a parse error; the caller frees it).
 */
int strip_load(struct strip_set *set, const char *path, char **msg);
/*
 * Decides what to remove from line s[0..len).  Returns the number of
 * removals and points *sp at them: either one span covering the whole line
 * (a line rule), or fragment spans, sorted, not overlapping, each widened
 * by one blank so that the words around it stay one blank apart.  The spans
 * stay valid until the next call.  Lines feed the echo rules' memory, so
 * every line of a document must go through here, in order.
 */
size_t strip_line(struct strip_set *set, const unsigned char *s, size_t len,
    const struct strip_span **sp);
/* Forgets the lines before: a new document starts. */
void strip_newdoc(struct strip_set *set);
/* "lit", "re", "frag", "rep" or "echo". */
const char *strip_kindname(enum strip_kind k);
/* Frees everything the set holds. */
void strip_free(struct strip_set *set);

/*
 * The pre-filter key of a pattern: the longest run of literal text that
 * every match must hold, unescaped into out (room for n bytes).  Returns
 * its length (0: none found, or not sure) and sets *ci when it must be
 * compared with ASCII case folded.
 */
size_t strip_key(const unsigned char *pat, size_t n, unsigned char *out,
    int *ci);

/*
 * The normalized form of s[0..n) for literal rules (blanks trimmed and
 * collapsed to one space, ASCII folded to lower case), written to out
 * (room for n bytes); returns its length.
 */
size_t strip_norm(const unsigned char *s, size_t n, unsigned char *out);

/*
 * Between strip's own files: parse.c reads and compiles rules, key.c finds
 * a pattern's keys, index.c indexes literal lines and keys and finds the
 * rules worth trying on a line, match.c decides a line.
 */

/* ASCII upper case folded to lower, other bytes as they are. */
static inline unsigned char
strip_fold(unsigned char c)
{
	return (unsigned char)((unsigned)c - 'A' < 26u ? c + 32 : c);
}

/*
 * The bit of the literal-line filter for the hash h (XXH3, | 1) of a
 * normalized line: most lines, which are no literal, are turned away by
 * the hash that the echo rules need anyway.
 */
static inline int
strip_litbit(const struct strip_set *set, uint64_t h)
{
	return nib_hfilter_has(set->litbits, LITBITS, h);
}

static inline int
strip_isblank(int c)
{
	return c == ' ' || c == '\t';
}

/* The pre-filter keys of rule r, whose pattern is p[0..n) (key.c). */
void strip_setkeys(struct strip_rule *r, const unsigned char *p, size_t n);
/* Index just past the group that starts at p[i] == '(', or n (key.c). */
size_t strip_skipgroup(const unsigned char *p, size_t n, size_t i);
/* Index just past the class that starts at p[i] == '[', or n (key.c). */
size_t strip_skipclass(const unsigned char *p, size_t n, size_t i);
/*
 * Adds a literal line rule for the text t[0..n); the first rule for a
 * normalized line wins (index.c).
 */
void strip_addlit(struct strip_set *set, const unsigned char *t, size_t n,
    size_t rule);
/* Builds the key index and the match data, once, after the last parse. */
void strip_build(struct strip_set *set);
/*
 * Sets set->hit[0..nhit) to the rules worth trying on s[0..len), in rule
 * order; s[t0] is the line's first byte after blanks (index.c).
 */
void strip_findhits(struct strip_set *set, const unsigned char *s, size_t len,
    size_t t0);
/* strip_norm() that gives up (returning cap + 1) past cap bytes of output. */
size_t strip_normcap(const unsigned char *s, size_t n, unsigned char *out,
    size_t cap);

#endif
