/*
 * codepage.h: the single-byte code pages that UTF-8 is most often misread
 * as, built at startup from glibc's iconv(3) so that no table is typed by
 * hand.  Each is "sloppy": a byte the code page leaves undefined stands
 * for the C1 control or Latin-1 character of the same number, as the
 * decoders that make mojibake (browsers, Python's "sloppy" codecs) read
 * it, so every byte has a glyph and every glyph one byte.
 */
#ifndef NIBNORM_CODEPAGE_H
#define NIBNORM_CODEPAGE_H
#include <stdint.h>

enum {
	CP_LATIN1, CP_1252, CP_1251, CP_1250, CP_1253, CP_1257,
	CP_8859_2, CP_MACROMAN, CP_437, CP_COUNT
};

struct codepage {
	const char *name;		/* iconv's name for it */
	int32_t glyph[256];		/* what each byte shows as */
	/* Glyphs of bytes 0x80-0xFF, sorted, for the way back. */
	struct { int32_t cp; unsigned char byte; } rev[128];
	int nrev;
};

/*
 * The code pages, in the order repair tries them (the commonest misreading
 * first); filled on first use.  One that iconv cannot open has nrev 0 and
 * takes part in nothing.
 */
const struct codepage *nib_codepages(void);

/* The byte that cp shows as cp, or -1 when it has none (ASCII is itself). */
int nib_codepage_byte(const struct codepage *cp, int32_t c);

/* Windows-1252's character for a byte 0x80-0x9F (itself if undefined). */
int32_t nib_cp1252(int b);

#endif
