/*
 * utf8: decoding and validation on top of utf8proc, with ASCII fast paths.
 *
 * Policy for invalid bytes (every tool but nibnorm): an invalid byte is one
 * "character" of its own with code point -1; it is passed through unchanged
 * and is never a letter, digit, space or punctuation mark.
 */
#ifndef NIB_UTF8_H
#define NIB_UTF8_H
#include <stddef.h>
#include <stdint.h>

/*
 * Decodes the character at s (n > 0 bytes available).  Returns its length
 * in bytes (1 to 4) and sets *cp; an invalid, overlong, surrogate or
 * truncated sequence gives length 1 and *cp = -1.
 */
int nib_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);
/*
 * The length of the multi-byte UTF-8 (or CESU-8 surrogate) sequence that
 * lead byte b starts: 2 to 4, or 0 for ASCII and for a byte that starts
 * none.
 */
int nib_utf8_need(unsigned char b);
/* Encodes cp (a valid code point) into out[0..4); returns its length. */
int nib_utf8_encode(int32_t cp, unsigned char *out);
/* Length of the leading run of ASCII bytes in s, eight bytes at a time. */
size_t nib_ascii_span(const unsigned char *s, size_t n);
/* Length of the longest valid UTF-8 prefix of s. */
size_t nib_utf8_valid(const unsigned char *s, size_t n);

/* Character classes; cp -1 (an invalid byte) is in none of them. */
int nib_isletter(int32_t cp);	/* L*, and marks (M*) that extend words */
int nib_isdigit(int32_t cp);	/* N* */
int nib_isspace(int32_t cp);	/* Zs, tab, LF, CR, FF, VT */
int nib_ispunct(int32_t cp);	/* P*, S* */
int nib_isupper(int32_t cp);	/* Lu, Lt */
int nib_islower(int32_t cp);	/* Ll */

#endif
