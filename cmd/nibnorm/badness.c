/*
 * badness.c: the mojibake score (badness.h).  Each code point gets a set
 * of classes, from utf8proc's categories where they say enough and from
 * the code page tables for the glyphs of UTF-8 bytes; the score counts
 * pairs and triples of classes that real text does not make.
 */
#include <string.h>
#include <utf8proc.h>

#include "badness.h"
#include "codepage.h"
#include "utf8bytes.h"

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
static uint32_t kinds[TABLEMAX];
static int ready;

/*
 * Symbols that misread UTF-8 is full of and real text has next to no use
 * for: spacing accents and their look-alikes, daggers, per mille, the
 * ordinal indicators, the lozenge, the replacement character.
 */
static const int32_t rare[] = {
	0xA4, 0xA6, 0xA8, 0xAA, 0xAC, 0xAF, 0xB8, 0xBA, 0x192, 0x2C6, 0x2C7,
	0x2D8, 0x2DB, 0x2DC, 0x2020, 0x2021, 0x2030, 0x2310, 0x25CA,
};
/* Seen everywhere, so never a sign by itself: no-break space, ’, – ... */
static const int32_t common[] = {
	0xA0, 0xAD, 0xB4, 0xB7, 0x2013, 0x2014, 0x2015, 0x2019, 0x2026,
};

static int
listed(const int32_t *list, size_t n, int32_t cp)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == cp)
			return 1;
	return 0;
}

/* The unaccented letter under cp, from its canonical decomposition. */
static int32_t
baseletter(int32_t cp)
{
	utf8proc_int32_t d[8];
	int bound;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, &bound);

	return n > 0 ? d[0] : cp;
}

/* Letters and signs by their Unicode category. */
static uint32_t
bycategory(int32_t cp)
{
	utf8proc_category_t cat = utf8proc_category(cp);
	int32_t base = baseletter(cp);
	uint32_t k = 0;

	if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
		k |= K_LETTER;
	if (cat == UTF8PROC_CATEGORY_ND)
		k |= K_LETTER;
	if (cat == UTF8PROC_CATEGORY_SC)
		k |= K_CURR;
	if (cat == UTF8PROC_CATEGORY_SM || cat == UTF8PROC_CATEGORY_NO ||
	    cp == 0xB5 || cp == 0x2116)
		k |= K_NUM;
	if (cat == UTF8PROC_CATEGORY_PS || cat == UTF8PROC_CATEGORY_PI ||
	    cp == 0xA1 || cp == 0xBF || cp == 0xA9 || cp == 0x2022 ||
	    cp == 0x384 || cp == 0x385)
		k |= K_START;
	if (cat == UTF8PROC_CATEGORY_PE || cat == UTF8PROC_CATEGORY_PF ||
	    cp == 0xAE || cp == 0x2122 || cp == 0x2DD)
		k |= K_END;
	if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7 && cp != 0xDE &&
	    cp != 0xFE) {
		int face = (base == 'o' || base == 'O' || base == 'u' || base == 'U') &&
		    cp != 0xD8 && cp != 0xDC;
		if (face)
			k |= K_FACE;
		else if (cat == UTF8PROC_CATEGORY_LU)
			k |= K_UACC;
		else if (cat == UTF8PROC_CATEGORY_LL)
			k |= K_LACC;
	}
	if (cp == 0x490 || cp == 0xDE || (cp >= 0x386 && cp <= 0x3AB) ||
	    (cp >= 0x400 && cp <= 0x42F))
		k |= cat == UTF8PROC_CATEGORY_LU ? K_UGC : 0;
	if (cp == 0x491 || (cp >= 0x3AC && cp <= 0x3CE) || (cp >= 0x430 && cp <= 0x45F))
		k |= K_LGC;
	if (cp == 0xB0)
		k |= K_FACE;
	if (cp == 0x152 || cp == 0x153)
		k |= K_LIG;
	if (cp >= 0x400 && cp <= 0x4FF && (k & K_LETTER))
		k |= K_CYR;
	if (cp >= 0x2501 && cp <= 0x259F)
		k |= K_BOX;
	return k;
}

/* What the glyphs of UTF-8 bytes are, in every code page. */
static void
byglyph(void)
{
	const struct codepage *cps = nib_codepages();

	for (int p = 0; p < CP_COUNT; p++) {
		const int32_t *g = cps[p].glyph;

		for (int b = 0x80; b < 0x100; b++) {
			int32_t c = g[b];
			int letter = c < TABLEMAX && (kinds[c] & K_LETTER);
			uint32_t k = 0;

			if (c >= TABLEMAX)
				continue;
			if (b <= 0xBF)
				k = K_CONT;
			else if ((b == 0xC2 || b == 0xC3 || (b >= 0xCE && b <= 0xD1)) &&
			    (letter || (b == 0xC3 && (kinds[c] & K_NUM))))
				k = K_LEAD2;
			if (b >= 0xC2 && b <= 0xDF)
				k |= K_LEADX;
			if (b >= 0xE0 && b <= 0xEF && letter)
				k = K_LEAD3;
			else if (b >= 0xF0 && b <= 0xF4)
				k = K_LEAD4;
			if (b == 0xE2)
				k |= K_E2;
			kinds[c] |= k;
		}
	}
}

static void
init(void)
{
	for (int32_t cp = 0; cp < TABLEMAX; cp++) {
		uint32_t k;

		if (cp < 0x80) {
			k = cp == ' ' || cp == '\t' || cp == '\n' ? K_SPACE : 0;
			if (cp >= 'a' && cp <= 'z')
				k |= K_ALOW | K_LETTER;
			else if (cp >= 'A' && cp <= 'Z')
				k |= K_AUP | K_LETTER;
			else if (cp >= '0' && cp <= '9')
				k |= K_LETTER;
		} else if (cp <= 0x9F)
			k = K_C1;
		else if (listed(rare, sizeof rare / sizeof rare[0], cp))
			k = K_BAD;
		else if (listed(common, sizeof common / sizeof common[0], cp))
			k = cp == 0xA0 ? K_SPACE : 0;
		else
			k = bycategory(cp);
		kinds[cp] = k;
	}
	byglyph();
	ready = 1;
}

static inline uint32_t
kind(int32_t cp)
{
	if (cp >= 0 && cp < TABLEMAX)
		return kinds[cp];
	if (cp == 0xFFFD)
		return K_BAD;
	if (cp == 0xF8FF)
		/* Apple's logo, MacRoman's 0xF0: the lead of an emoji. */
		return K_START | K_LEAD4;
	return cp > 0 && utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO &&
	    utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU ? K_LETTER : 0;
}

/* Two neighbours that real text does not put side by side. */
static int
badpair(uint32_t a, uint32_t b)
{
	const uint32_t sym = K_BAD | K_BOX | K_START | K_END | K_CURR | K_NUM;

	if ((b & K_BAD) && (a & (ACC | sym)))
		return 1;
	if ((a & K_BAD) && (b & (ACC | sym)))
		return 1;
	/* A lone accented capital after lowercase or a symbol. */
	if ((b & K_UACC) && (a & (K_LACC | K_LGC | K_BOX | K_END | K_CURR | K_NUM)))
		return 1;
	/* A symbol glued to the front of an accented small letter. */
	if ((b & K_LACC) && (a & (K_BOX | K_END | K_CURR | K_NUM)))
		return 1;
	/* A small letter, box or closing mark before a currency sign. */
	if ((b & K_CURR) && (a & (K_LACC | K_BOX | K_END)))
		return 1;
	if ((b & K_NUM) && (a & (K_UACC | K_BOX)))
		return 1;
	/* A Cyrillic capital glued to the end of a Latin word part. */
	if ((b & K_CYR) && (b & K_UGC) && (a & (K_ALOW | K_AUP)))
		return 1;
	if ((b & K_START) && (a & (K_CURR | K_NUM | K_BOX)))
		return 1;
	if ((b & K_BOX) && (a & (ACC | K_CURR | K_NUM | K_START | K_END)))
		return 1;
	if ((a & K_BOX) && (b & (K_END | K_FACE)))
		return 1;
	return 0;
}

/* Three neighbours that real text does not make. */
static int
badtriple(uint32_t a, uint32_t b, uint32_t c)
{
	/* An accented letter, a closing mark, and a letter straight after. */
	if ((a & ACC) && (b & K_END) && (c & K_LETTER))
		return 1;
	if ((a & (ACC | K_BOX | K_CURR | K_END)) && (b & K_START) && (c & K_NUM))
		return 1;
	if ((a & (ACC | K_CURR | K_NUM | K_BOX)) && (b & K_END) && (c & K_START))
		return 1;
	/* A lowercase ASCII word with an accented capital and a symbol. */
	if ((a & K_ALOW) && (b & K_UACC) && (c & K_START))
		return 1;
	/* An accented small letter between capitals. */
	if ((a & (K_AUP | K_UACC)) && (b & K_LACC) && (c & (K_AUP | K_UACC)))
		return 1;
	/* A lone accented capital after a small letter: "cafÊ", "nĂŁo". */
	if ((a & (K_ALOW | K_LACC)) && (b & K_UACC) &&
	    !(c & (K_AUP | K_UACC | K_UGC | K_CURR | K_NUM | K_BAD | K_BOX |
	    K_START | K_END)))
		return 1;
	/* The ligature œ lives inside words, before a plain letter. */
	if ((b & K_LIG) && !(c & (K_ALOW | K_AUP)))
		return 1;
	/* A Latin word, a Greek or Cyrillic letter, a rare symbol. */
	if ((a & K_ALOW) && (b & (K_LGC | K_UGC)) && (c & K_BAD))
		return 1;
	return 0;
}

/* The byte of c in page p if it is a UTF-8 continuation byte, else -1. */
static int
contbyte(const struct codepage *p, int32_t c)
{
	int b = nib_codepage_byte(p, c);

	return b >= 0x80 && b <= 0xBF ? b : -1;
}

/*
 * The glyphs that some code page shows for the bytes of one common UTF-8
 * character, at u[0..n): a lead byte of the Latin-1, Greek or Cyrillic
 * range before a sign, a three-byte lead letter before two continuation
 * glyphs of which one is a sign, a four-byte lead before three, or E2
 * (punctuation, currency, arrows) before two.
 */
static int
glyphs(const int32_t *u, size_t n)
{
	const struct codepage *cps = nib_codepages();
	const uint32_t sign = K_BAD | K_C1 | K_CURR | K_NUM | K_BOX;
	uint32_t k = kind(u[0]), k1, k2;

	if (n < 2 || !(k & (K_LEAD2 | K_LEADX | K_LEAD3 | K_LEAD4 | K_E2)) ||
	    !(kind(u[1]) & K_CONT))
		return 0;
	k1 = kind(u[1]);
	k2 = n > 2 ? kind(u[2]) : 0;
	for (int i = 0; i < CP_COUNT; i++) {
		const struct codepage *p = &cps[i];
		int lead = nib_codepage_byte(p, u[0]), c1 = contbyte(p, u[1]);
		int c2 = n > 2 ? contbyte(p, u[2]) : -1;
		int latin = i <= CP_1252 || i == CP_MACROMAN;

		if (lead < 0xC2 || c1 < 0)
			continue;
		/*
		 * Â, Ã, Î, Ð (√ in MacRoman) before a sign: Latin-1, Greek,
		 * Cyrillic misread.  Other code pages make real letters
		 * there (Romanian "Ă").  Ã before ¥ is "å" or a real "Ã¥".
		 */
		if (latin && (k & K_LEAD2) && lead <= 0xD1 &&
		    !(k1 & (K_LETTER | K_SPACE)) &&
		    (!(k1 & K_CURR) || lead == 0xC2 || c1 < 0xA5))
			return 1;
		/* Ã and Â before a no-break space: "à" and a lost space. */
		if ((k & K_LEAD2) && lead <= 0xC3 && u[1] == 0xA0 && latin)
			return 1;
		/* Two lead glyphs of a page around one of its signs. */
		if ((k & K_LEADX) && lead <= 0xDF && c2 < 0 && n > 2 &&
		    (k1 & (sign | K_START | K_END)) &&
		    nib_utf8_need((unsigned char)(nib_codepage_byte(p, u[2]) & 0xFF)) == 2 &&
		    nib_codepage_byte(p, u[2]) >= 0xC2)
			return 1;
		/* Two signs as leads, each with its continuation: "–ö–∏". */
		if (lead <= 0xDF && !(k & K_LETTER) && n > 3 && c2 < 0 &&
		    nib_utf8_need((unsigned char)(nib_codepage_byte(p, u[2]) & 0xFF)) == 2 &&
		    !(kind(u[2]) & K_LETTER) && nib_codepage_byte(p, u[2]) >= 0xC2 &&
		    contbyte(p, u[3]) >= 0)
			return 1;
		if (lead >= 0xE0 && lead <= 0xEF && c2 >= 0 && (k & K_LEAD3) &&
		    ((k1 | k2) & sign))
			return 1;
		if (lead == 0xE2 && c1 <= 0x86 && c2 >= 0)
			return 1;
		if (lead >= 0xF0 && lead <= 0xF4 && c2 >= 0 && n > 3 &&
		    contbyte(p, u[3]) >= 0)
			return 1;
	}
	return 0;
}

/*
 * Ã or Â alone after a small letter (or at the start): "à" or a no-break
 * space whose second byte became a space ("voilÃ  le").
 */
static int
lone_lead(const int32_t *u, size_t n, size_t i)
{
	if ((u[i] != 0xC3 && u[i] != 0xC2) || i + 1 >= n || u[i + 1] != ' ')
		return 0;
	if (i == 0)
		return 1;
	if (i >= 2 && u[i - 1] == ' ')
		i--;
	return u[i - 1] >= 'a' && u[i - 1] <= 'z';
}

/* The bad sequences that end at u[i]. */
static int
ending_at(const int32_t *u, size_t n, size_t i)
{
	uint32_t c = kind(u[i]), b = i >= 1 ? kind(u[i - 1]) : 0;
	uint32_t a = i >= 2 ? kind(u[i - 2]) : 0;
	int bad = (c & K_C1) != 0;

	if (i >= 1)
		bad += badpair(b, c);
	if (i >= 2)
		bad += badtriple(a, b, c);
	/* Two accented capitals inside a small word: "StraÃŸe". */
	if (i >= 3 && (b & K_UACC) && (a & K_UACC) &&
	    (c & (K_ALOW | K_LACC)) && (kind(u[i - 3]) & (K_ALOW | K_LACC)))
		bad++;
	if (c & (K_LEAD2 | K_LEADX | K_LEAD3 | K_LEAD4 | K_E2))
		bad += glyphs(u + i, n - i) + lone_lead(u, n, i);
	return bad;
}

/*
 * Every bad sequence holds a character past ASCII and is at most four
 * long, so only the places up to three after each such character are
 * looked at: an English line with one curly quote costs little.
 */
int
nib_badness(const int32_t *u, size_t n)
{
	size_t done = 0, end;
	int bad = 0;

	if (!ready)
		init();
	for (size_t j = 0; j < n; j++) {
		if (u[j] < 0x80)
			continue;
		end = j + 4 < n ? j + 4 : n;
		for (size_t i = done > j ? done : j; i < end; i++)
			bad += ending_at(u, n, i);
		done = end;
	}
	return bad;
}

int
nib_badness_sign(int32_t cp)
{
	if (!ready)
		init();
	return (kind(cp) & (K_BAD | K_C1 | K_CURR | K_NUM | K_BOX)) != 0;
}

int
nib_badness_trigger(int32_t cp, int32_t prev)
{
	const uint32_t inert = K_CONT | K_LETTER | K_SPACE | K_START | K_END;
	uint32_t k;

	if (!ready)
		init();
	if (cp < 0x80)
		return 0;
	k = kind(cp);
	/*
	 * A Greek or Cyrillic letter that no code page shows for a
	 * continuation byte: text of its own script, unless a capital is
	 * glued to a Latin letter.
	 */
	if ((k & (K_LGC | K_UGC)) && !(k & K_CONT))
		return (k & K_UGC) && prev < 0x80 && (kind(prev) & (K_ALOW | K_AUP));
	return (k & ~inert) != 0;
}

const unsigned char *
nib_badness_table2(void)
{
	static unsigned char t[0x800];
	static int built;

	if (!built) {
		for (int32_t cp = 0x80; cp < 0x800; cp++)
			t[cp] = nib_badness_trigger(cp, ' ') ? 1 :
			    nib_badness_trigger(cp, 'a') ? 2 : 0;
		built = 1;
	}
	return t;
}
