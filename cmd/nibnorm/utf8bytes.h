/*
 * utf8bytes.h: the bytes that mojibake repair works on: code points put
 * back into the bytes a code page gave them, and those bytes read again
 * as UTF-8, as a decoder that also takes CESU-8 (an emoji written as two
 * encoded surrogates) reads them.
 */
#ifndef NIBNORM_UTF8BYTES_H
#define NIBNORM_UTF8BYTES_H
#include <stddef.h>
#include <stdint.h>

#include "utf8.h"

/*
 * Decodes b[0..n) into out (room for n code points).  Returns the number
 * of code points, or -1 if any byte is not part of a well-formed UTF-8 or
 * CESU-8 sequence.
 */
long nib_utf8_strict(const unsigned char *b, size_t n, int32_t *out);

#endif
