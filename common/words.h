/*
 * words: sets of words with a value each, and the word lists they load.
 *
 * Every tool that knows words (abbreviations, sentence starters, verbs of
 * saying, titles, marker phrases, the names a document has given) keeps
 * them in a struct nib_words: an open-addressing table, probed linearly,
 * that copies its keys into a pool of its own and doubles before it is
 * half full, so it never fills up whatever a list grows to.  A word maps
 * to a 32-bit value the caller gives meaning to (flags, an index); adding
 * a word twice ORs the values.  With NIB_WORDS_ICASE, ASCII letters match
 * without regard to case ("Sen." and "sen." are one word); other bytes
 * match exactly.  A 16 Kibit filter in front of the table turns most
 * words of running text (which are in no list) away without a probe.
 *
 * nib_map is the same table for 64-bit keys that are already hashes.
 */
#ifndef NIB_WORDS_H
#define NIB_WORDS_H
#include <stddef.h>
#include <stdint.h>

enum {
	NIB_WORDS_ICASE = 1	/* ASCII case does not tell words apart */
};

struct nib_wordslot {
	uint32_t off;		/* key bytes at pool + off */
	uint32_t len;		/* 0: empty slot */
	uint32_t hash;
	uint32_t val;
};

struct nib_words {
	struct nib_wordslot *slot;	/* mask + 1 slots */
	size_t mask, count;
	unsigned char *pool;
	size_t poollen, poolcap;
	size_t maxlen;		/* the longest key: longer words are in no list */
	int flags;
	uint64_t filter[256];
};

/* Sets up an empty set; flags is 0 or NIB_WORDS_ICASE. */
void nib_words_init(struct nib_words *w, int flags);
/* Frees the set's memory. */
void nib_words_free(struct nib_words *w);
/* Empties the set, keeping its memory. */
void nib_words_clear(struct nib_words *w);
/*
 * Adds s[0..n) with value val, or ORs val into the value of the word
 * there already; returns the word's value after the call.  The set keeps
 * a copy of the key.  n must be below 2^31.
 */
uint32_t nib_words_add(struct nib_words *w, const unsigned char *s, size_t n,
    uint32_t val);
/* Sets the value of s[0..n), adding the word when it is new. */
void nib_words_set(struct nib_words *w, const unsigned char *s, size_t n,
    uint32_t val);
/*
 * Looks s[0..n) up: returns 1 and stores its value in *val (when val is
 * not NULL) if the word is in the set, 0 otherwise.
 */
int nib_words_find(const struct nib_words *w, const unsigned char *s,
    size_t n, uint32_t *val);
/* The value of s[0..n), or 0 when the word is not in the set. */
uint32_t nib_words_get(const struct nib_words *w, const unsigned char *s,
    size_t n);
/*
 * nib_words_find() for a caller that hashed s[0..n) while it read or
 * folded it: h must be nib_fnv(s, n) (keys.h), of the ASCII-lowered bytes
 * under NIB_WORDS_ICASE.  A tokenizer hashes each byte as it copies it,
 * and a lookup then costs a filter test and, rarely, one probe.
 */
int nib_words_findh(const struct nib_words *w, const unsigned char *s,
    size_t n, uint32_t h, uint32_t *val);

/*
 * One line of a compiled-in word list.  Lists hold one entry a line:
 * a first field (the word), then optional further text (a kind, a flag,
 * a phrase), fields separated by blanks; '#' starts a comment, blank
 * lines are skipped, a CR before the newline is ignored.
 */
struct nib_listline {
	const unsigned char *word;	/* the first field */
	size_t wlen;
	const unsigned char *rest;	/* the rest of the line, trimmed */
	size_t rlen;
	size_t lineno;			/* from 1 */
};

/*
 * Reads the next entry of the list p[0..n) from *pos on, advancing *pos;
 * returns 0 at the end.  Zero *pos (and ln->lineno) to start.  With tab,
 * only a tab ends the first field, so that it may hold spaces ("mark<TAB>
 * a phrase of words" lists give the phrase as rest).
 */
int nib_list_next(const unsigned char *p, size_t n, size_t *pos, int tab,
    struct nib_listline *ln);
/*
 * Adds every first field of the list p[0..n) to w with value val; returns
 * the number of entries read.
 */
size_t nib_words_load(struct nib_words *w, const unsigned char *p, size_t n,
    uint32_t val);

/* A map from nonzero 64-bit hashes to 32-bit values. */
struct nib_mapslot {
	uint64_t key;		/* 0: empty slot */
	uint32_t val;
};

struct nib_map {
	struct nib_mapslot *slot;
	size_t mask, count;
	size_t alloc;		/* slots allocated: mask + 1 or more */
};

/* Sets up an empty map. */
void nib_map_init(struct nib_map *m);
/* Frees the map's memory. */
void nib_map_free(struct nib_map *m);
/* Empties the map, keeping its memory. */
void nib_map_clear(struct nib_map *m);
/*
 * Empties the map and sizes it for about n keys, so that it need not grow
 * while they go in (it still grows past them): a map reused for inputs of
 * every size clears only what the next one needs, and gives back what one
 * large input made it take.
 */
void nib_map_reset(struct nib_map *m, size_t n);
/* Doubles the map: nib_map_put()'s slow path. */
void nib_map_grow(struct nib_map *m);

/*
 * The slot of key (nonzero), or the empty slot where it would go.  Put and
 * find are inline: maps are probed once a word in some hot loops.
 */
static inline struct nib_mapslot *
nib_map_slot(const struct nib_map *m, uint64_t key)
{
	/* Hashes are spread already; folding the high half in guards sequences. */
	size_t i = (size_t)(key ^ (key >> 29) ^ (key >> 47)) & m->mask;

	while (m->slot[i].key != 0 && m->slot[i].key != key)
		i = (i + 1) & m->mask;
	return &m->slot[i];
}

/*
 * The value slot of key (a key of 0 is taken as 1), added with value 0
 * when new; *isnew (when not NULL) says which.  The pointer is good until
 * the next nib_map_put().
 */
static inline uint32_t *
nib_map_put(struct nib_map *m, uint64_t key, int *isnew)
{
	struct nib_mapslot *sl;

	if (key == 0)
		key = 1;
	sl = nib_map_slot(m, key);
	if (isnew != NULL)
		*isnew = sl->key == 0;
	if (sl->key != 0)
		return &sl->val;
	if ((m->count + 1) * 2 > m->mask + 1) {
		nib_map_grow(m);
		sl = nib_map_slot(m, key);
	}
	sl->key = key;
	sl->val = 0;
	m->count++;
	return &sl->val;
}

/* Looks key up: 1 and its value in *val when present, else 0. */
static inline int
nib_map_find(const struct nib_map *m, uint64_t key, uint32_t *val)
{
	const struct nib_mapslot *sl = nib_map_slot(m, key ? key : 1);

	if (sl->key == 0)
		return 0;
	if (val != NULL)
		*val = sl->val;
	return 1;
}

/*
 * A bit filter of 64-bit hashes in nw words (a power of two), for a tool
 * that has a line's XXH3 at hand anyway: most lines, which are in no set,
 * are turned away before nib_words_find() hashes them again.
 */
static inline void
nib_hfilter_add(uint64_t *f, size_t nw, uint64_t h)
{
	f[(h >> 6) & (nw - 1)] |= 1ULL << (h & 63);
}

static inline int
nib_hfilter_has(const uint64_t *f, size_t nw, uint64_t h)
{
	return (int)(f[(h >> 6) & (nw - 1)] >> (h & 63) & 1);
}

#endif
