/*
 * swar: eight bytes at a time in a 64-bit word ("SIMD within a register"),
 * for the fast paths that skip plain ASCII text.  Loads are memcpy(3), so
 * any alignment is fine; byte 0 of the text is the lowest byte of the word
 * on a little-endian machine (the only order the bit positions are used on).
 */
#ifndef NIB_SWAR_H
#define NIB_SWAR_H
#include <stdint.h>
#include <string.h>

#define NIB_ONES 0x0101010101010101ULL
#define NIB_HIGH 0x8080808080808080ULL

/* The eight bytes at s, as one word. */
static inline uint64_t
nib_swar_load(const unsigned char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	return w;
}

/* Non-zero when some byte of w is non-ASCII (0x80 or above). */
static inline uint64_t
nib_swar_high(uint64_t w)
{
	return w & NIB_HIGH;
}

/*
 * Non-zero when some byte of w is zero.  Cheap, but a byte after a zero
 * byte may be flagged too: use it to decide whether to look, not where.
 */
static inline uint64_t
nib_swar_haszero(uint64_t w)
{
	return (w - NIB_ONES) & ~w & NIB_HIGH;
}

/* Non-zero when some byte of w equals c (same caveat as haszero). */
static inline uint64_t
nib_swar_has(uint64_t w, unsigned char c)
{
	return nib_swar_haszero(w ^ (NIB_ONES * c));
}

/* The high bit of exactly each byte of w that equals c (no false hits). */
static inline uint64_t
nib_swar_eq(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (NIB_ONES * c);

	return ~(((x & ~NIB_HIGH) + ~NIB_HIGH) | x) & NIB_HIGH;
}

#endif
