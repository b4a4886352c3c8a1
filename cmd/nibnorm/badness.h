/*
 * badness.h: how much a piece of text looks like mojibake, in the spirit
 * of ftfy: a count of character sequences that real text almost never
 * holds and that misread UTF-8 makes all the time (a C1 control, a
 * lowercase letter beside a currency sign, a lone accented capital after
 * lowercase, a rare symbol glued to an accented letter, the glyphs a code
 * page shows for the lead and continuation bytes of a common UTF-8
 * character).  Repair is tried only on text that scores above zero, and
 * kept only when the repaired text scores lower.
 */
#ifndef NIBNORM_BADNESS_H
#define NIBNORM_BADNESS_H
#include <stddef.h>
#include <stdint.h>

/* The badness of u[0..n): 0 for text with nothing suspicious. */
int nib_badness(const int32_t *u, size_t n);

/*
 * Whether cp is a sign that mojibake is made of (a rare symbol, a C1
 * control, a currency or math sign, box drawing).
 */
int nib_badness_sign(int32_t cp);

/*
 * Whether cp, after prev, can be part of a bad sequence: every one holds
 * a character past ASCII that is more than a letter of its own script, a
 * continuation glyph or a quote mark (a line of English with curly
 * quotes, of Russian or of Chinese has none, and is not scored at all).
 */
int nib_badness_trigger(int32_t cp, int32_t prev);

/*
 * nib_badness_trigger() for U+0080-U+07FF, indexed by code point: 0 no,
 * 1 yes, 2 yes after an ASCII letter.
 */
const unsigned char *nib_badness_table2(void);

#endif
