/*
 * kinds.h: the classes of code points that the mojibake score is made of
 * (kinds.c builds them once, from utf8proc and the code page tables).
 */
#ifndef NIBNORM_KINDS_H
#define NIBNORM_KINDS_H
#include <stdint.h>
#include <utf8proc.h>

enum {
	K_C1 = 1 << 0,		/* C1 control: only ever a misread byte */
	K_BAD = 1 << 1,		/* symbols that text almost never uses */
	K_CURR = 1 << 2,	/* currency signs */
	K_START = 1 << 3,	/* opening punctuation, ©, ¡, ¿, • */
	K_END = 1 << 4,		/* closing punctuation, ®, ™ */
	K_NUM = 1 << 5,		/* math and number signs: ² ± × µ ≤ */
	K_FACE = 1 << 6,	/* ò, ü, ° and the like: used in faces */
	K_UACC = 1 << 7,	/* accented Latin capital */
	K_LACC = 1 << 8,	/* accented Latin small letter */
	K_UGC = 1 << 9,		/* Greek or Cyrillic capital */
	K_LGC = 1 << 10,	/* Greek or Cyrillic small letter */
	K_BOX = 1 << 11,	/* box drawing and blocks */
	K_ALOW = 1 << 12,	/* ASCII a-z */
	K_LETTER = 1 << 13,	/* any letter or digit */
	K_SPACE = 1 << 14,
	/* Glyphs of UTF-8 bytes in some code page (codepage.h). */
	K_LEAD2 = 1 << 15,	/* of C2, C3 (Latin-1 range), CE-D1 (Greek, Cyrillic) */
	K_LEAD3 = 1 << 16,	/* of E0-EF, when a letter */
	K_LEAD4 = 1 << 17,	/* of F0-F4 */
	K_CONT = 1 << 18,	/* of 80-BF */
	K_E2 = 1 << 19,		/* of E2, which starts punctuation and symbols */
	K_AUP = 1 << 20,	/* ASCII A-Z */
	K_LIG = 1 << 21,	/* the ligatures Œ and œ */
	K_LEADX = 1 << 22,	/* of any two-byte lead, C2-DF */
	K_CYR = 1 << 23		/* Cyrillic letter */
};

#define ACC (K_UACC | K_LACC)
#define TABLEMAX 0x2600

/* The classes of each code point below TABLEMAX; 0 before nib_kinds_init(). */
extern uint32_t nib_kinds[TABLEMAX];
extern int nib_kinds_ready;
void nib_kinds_init(void);

static inline uint32_t
kind(int32_t cp)
{
	if (cp >= 0 && cp < TABLEMAX)
		return nib_kinds[cp];
	if (cp == 0xFFFD)
		return K_BAD;
	if (cp == 0xF8FF)
		/* Apple's logo, MacRoman's 0xF0: the lead of an emoji. */
		return K_START | K_LEAD4;
	return cp > 0 && utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO &&
	    utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU ? K_LETTER : 0;
}


#endif
