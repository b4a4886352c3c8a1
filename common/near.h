/*
 * near: near repeats among the units of one document.
 *
 * A unit (a sentence, a caption) is a near repeat of another when most of
 * its word shingles (runs of NIB_NEAR_SHINGLE tokens, hashed) are found in
 * the other: the containment of U in V is |S(U) & S(V)| / |S(U)| over the
 * distinct shingles.  Shingles of two words keep word order in play, so a
 * short body sentence is not "contained" in a long paragraph that merely
 * uses the same common words, while a caption that repeats a sentence,
 * whole or shortened, is.
 *
 * Of two units that contain each other above the threshold (near copies)
 * the later goes; otherwise the one contained goes, the shorter, whether
 * it comes before or after the unit it repeats (a caption placed above
 * the sentence it shortens goes too).
 *
 * The units' token hashes stay the caller's: a unit is an offset and a
 * length into the array given to nib_near_run(), which uses that array
 * for its own scratch (a shingle's group takes the place of its first
 * token).  Memory is 28 bytes a unit and 4 a shingle, plus 21 to 27 a
 * distinct shingle; a shingle in more than NIB_NEAR_COMMON units takes
 * no more than its group.
 *
 *	nib_near_reset(&nr);
 *	for each unit: nib_near_add(&nr, first, ntok, skip);
 *	nib_near_run(&nr, hashes, 0.75, 6);
 *	nr.u[i].by is the unit that unit i repeats, or -1.
 */
#ifndef NIB_NEAR_H
#define NIB_NEAR_H
#include <stddef.h>
#include <stdint.h>

#define NIB_NEAR_SHINGLE 2
/*
 * Shingles found in more units than this say nothing: they are counted
 * neither in what a unit shares with another nor in its own size, so that
 * a repeat scores the same in a short document and a long one.
 */
#define NIB_NEAR_COMMON 128

struct nib_near_unit {
	uint32_t tok;	/* its first token hash in the array given to run */
	uint32_t ntok;
	uint32_t words : 31;	/* its length against minwords: ntok
				 * unless set */
	uint32_t skip : 1;	/* not a unit to compare (already removed) */
	uint32_t nsh;	/* distinct shingles, common ones left out */
	int32_t by;	/* after nib_near_run: the unit it repeats, or -1 */
	uint32_t best;	/* shingles it shares with unit by */
};

struct nib_near {
	struct nib_near_unit *u;
	size_t n, ucap;
	/* scratch for nib_near_run */
	uint64_t *tok;
	uint32_t *gslot;	/* shingle hash -> group: tag << gshift | group + 1 */
	size_t gmask, galloc;
	unsigned gshift;	/* bits that group + 1 needs */
	uint64_t *ghash;		/* per group: its shingle hash */
	uint32_t *glast, *goff;		/* per group */
	size_t gcap;
	uint32_t *post;			/* per group, the units that hold it */
	size_t postcap;
	uint32_t *cnt;			/* per unit */
	size_t cntcap;
	uint32_t *touched;		/* the units one test met */
	size_t tcap;
};

/* Forgets the units (keeps the memory); zero the struct to start. */
void nib_near_reset(struct nib_near *nr);
/*
 * Adds a unit: the ntok token hashes (nib_key_token) from index first on
 * of the array that nib_near_run() will be given; returns its index.
 * Units that are not skipped come in the order of their tokens and do
 * not overlap.  A skipped unit is neither tested nor contains others.
 * Indexes and counts must be below 2^31.
 */
size_t nib_near_add(struct nib_near *nr, size_t first, size_t ntok, int skip);
/*
 * Sets by and best of every unit, tok holding the token hashes: a unit
 * of at least minwords words whose containment in a unit ranked above it
 * is at least t (0 < t <= 1) is a repeat of the one that contains it most
 * (the earlier on a tie).  The units' tokens in tok are overwritten.
 */
void nib_near_run(struct nib_near *nr, uint64_t *tok, double t,
    size_t minwords);
/* The containment of unit i in unit by (0 when it has no shingle). */
double nib_near_score(const struct nib_near *nr, size_t i);
/* Frees all memory. */
void nib_near_free(struct nib_near *nr);

#endif
