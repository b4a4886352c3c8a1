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
 *	nib_near_reset(&nr);
 *	for each unit: nib_near_add(&nr, hashes, ntok, skip);
 *	nib_near_run(&nr, 0.75, 6);
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
	size_t tok;	/* its first token hash in tok[] */
	size_t ntok;
	size_t words;	/* its length against minwords: ntok unless set */
	int skip;	/* not a unit to compare (already removed) */
	long by;	/* after nib_near_run: the unit it repeats, or -1 */
	double score;	/* its containment in unit by */
	size_t nsh;	/* distinct shingles, common ones left out */
};

struct nib_near {
	uint64_t *tok;			/* token hashes of all units */
	size_t ntokens, tokcap;
	struct nib_near_unit *u;
	size_t n, ucap;
	/* scratch for nib_near_run */
	struct nib_near_slot {
		uint64_t key;
		uint32_t val;
	} *map;			/* shingle hash -> group */
	size_t mcap, malloc;
	int32_t *gid;
	uint32_t *gcnt, *glast, *goff, *post, *cnt, *touched;
	size_t shcap, gcap, postcap;
};

/* Forgets the units (keeps the memory); zero the struct to start. */
void nib_near_reset(struct nib_near *nr);
/*
 * Adds a unit with its ntok token hashes (nib_key_token) copied; returns
 * its index.  A skipped unit is neither tested nor contains others.
 */
size_t nib_near_add(struct nib_near *nr, const uint64_t *hash, size_t ntok,
    int skip);
/*
 * Sets by and score of every unit: a unit of at least minwords words whose
 * containment in a unit ranked above it is at least t (0 < t <= 1) is a
 * repeat of the one that contains it most (the earlier on a tie).
 */
void nib_near_run(struct nib_near *nr, double t, size_t minwords);
/* Frees all memory. */
void nib_near_free(struct nib_near *nr);

#endif
