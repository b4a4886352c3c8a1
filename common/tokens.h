/*
 * tokens: word tokens, the unit that near-repeat tests, shingles and block
 * features count.
 *
 * A token is a run of letters and digits (Unicode L*, M*, N*).  A character
 * of a script written without spaces between words (Han, Hiragana,
 * Katakana, Thai and the like) is a token by itself, so that a Japanese
 * sentence has as many tokens as an English one has words, roughly.
 * Invalid bytes are not letters.
 */
#ifndef NIB_TOKENS_H
#define NIB_TOKENS_H
#include <stddef.h>
#include <stdint.h>

/*
 * Finds the next token at or after *pos in s[0..n).  Returns 1 with the
 * token at s[*start..*end) and *pos set past it, or 0 when there is none.
 */
int nib_token_next(const unsigned char *s, size_t n, size_t *pos,
    size_t *start, size_t *end);
/*
 * Whether cp belongs to a script written without spaces between words
 * (Thai, Lao, Myanmar, Khmer, kana, CJK ideographs): each such character
 * is a word of its own.  The one list of these scripts in nib.
 */
int nib_unspaced(int32_t cp);
/* Number of tokens in s[0..n). */
size_t nib_token_count(const unsigned char *s, size_t n);

#endif
