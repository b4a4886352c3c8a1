/*
 * keys: what two units of text are compared by.
 *
 * A key is the XXH3-128 hash of a unit's bytes, exact or folded.  Folded
 * text (NIB_KEY_FOLD) is the unit after Unicode case folding and
 * compatibility decomposition (NFKC and NFKD make the same strings equal),
 * with every run of characters that are not letters, marks or digits
 * (white space, punctuation, symbols) made one separator between words and
 * dropped at both ends: "The  U.S. - Deal!" and "the u s deal" fold alike.
 * Invalid UTF-8 bytes are kept as they are, so they still tell units apart.
 * A unit with nothing left after folding keys by its exact bytes (under
 * another seed), so that "***" and "---" stay apart.  NIB_KEY_CASE folds
 * case only (uniq -i).  Two different texts share a key with odds of about
 * n^2 / 2^129 among n keys.
 */
#ifndef NIB_KEYS_H
#define NIB_KEYS_H
#include <stddef.h>
#include <stdint.h>

struct nib_key {
	uint64_t lo, hi;
};

enum nib_keymode {
	NIB_KEY_FOLD = 0,	/* case, NFKC, white space and punctuation */
	NIB_KEY_EXACT = 1,	/* exact bytes */
	NIB_KEY_CASE = 2	/* exact but for case */
};

/* Scratch space for folding, reused from call to call; zero it to start. */
struct nib_keybuf {
	unsigned char *buf;	/* the folded text of the last call */
	size_t cap;
	int32_t *cp;		/* code points of a non-ASCII run */
	size_t cpcap;
	size_t len;		/* length of the last folded text */
};

/*
 * The key of s[0..n) under mode; never {0, 0}.  Under NIB_KEY_FOLD and
 * NIB_KEY_CASE kb->len is left at the folded length (0: nothing was left,
 * and the key is that of the exact bytes).
 */
struct nib_key nib_key_make(struct nib_keybuf *kb, int mode,
    const unsigned char *s, size_t n);
/*
 * Folds s[0..n) under mode (NIB_KEY_FOLD or NIB_KEY_CASE) into kb->buf and
 * returns its length; kb owns the buffer.
 */
size_t nib_key_fold(struct nib_keybuf *kb, int mode,
    const unsigned char *s, size_t n);
/*
 * A 64-bit hash of one word token s[0..n) (see tokens.h) after folding, so
 * that "Tax", "TAX" and "ｔａｘ" hash alike.  ASCII tokens of up to 16
 * bytes take a fast path with the same result as the slow one.
 */
uint64_t nib_key_token(struct nib_keybuf *kb, const unsigned char *s, size_t n);
/*
 * nib_key_token() of a token of ASCII letters and digits only: the same
 * hash, faster.
 */
uint64_t nib_key_token_ascii(struct nib_keybuf *kb, const unsigned char *s, size_t n);
/*
 * The hash that nib_key_token() gives an ASCII token of n <= 16 letters
 * and digits whose lowered bytes, zero-padded and read little-endian, are
 * the words a and b; inline for tokenizers that load words themselves.
 */
static inline uint64_t
nib_key_mix(uint64_t a, uint64_t b, size_t n)
{
	uint64_t h = (a ^ 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;

	h ^= (b + n) * 0x94D049BB133111EBULL;
	h ^= h >> 31;
	h *= 0xD6E8FEB86659FD93ULL;
	return h ^ (h >> 32);
}
/*
 * FNV-1a of s[0..n), for the small in-memory word tables (abbreviations,
 * verbs, names): on words of a few bytes it beats XXH3's set-up, and
 * nib_fnv_step() lets a caller hash while it folds, without a copy.
 */
#define NIB_FNV_INIT 2166136261u
static inline uint32_t
nib_fnv_step(uint32_t h, unsigned char c)
{
	return (h ^ c) * 16777619u;
}
static inline uint32_t
nib_fnv(const unsigned char *s, size_t n)
{
	uint32_t h = NIB_FNV_INIT;

	for (size_t i = 0; i < n; i++)
		h = nib_fnv_step(h, s[i]);
	return h;
}

/* Frees kb's buffers. */
void nib_keybuf_free(struct nib_keybuf *kb);

#endif
