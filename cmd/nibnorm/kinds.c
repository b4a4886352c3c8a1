/*
 * kinds.c: the classes of each code point for the mojibake score, from
 * utf8proc's categories where they say enough, a few lists where they do
 * not, and the code page tables for the glyphs of UTF-8 bytes.
 */
#include <string.h>
#include <utf8proc.h>

#include "badness.h"
#include "codepage.h"
#include "kinds.h"

uint32_t nib_kinds[TABLEMAX];
int nib_kinds_ready;

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
			int letter = c < TABLEMAX && (nib_kinds[c] & K_LETTER);
			uint32_t k = 0;

			if (c >= TABLEMAX)
				continue;
			if (b <= 0xBF)
				k = K_CONT;
			else if ((b == 0xC2 || b == 0xC3 || (b >= 0xCE && b <= 0xD1)) &&
			    (letter || (b == 0xC3 && (nib_kinds[c] & K_NUM))))
				k = K_LEAD2;
			if (b >= 0xC2 && b <= 0xDF)
				k |= K_LEADX;
			if (b >= 0xE0 && b <= 0xEF && letter)
				k = K_LEAD3;
			else if (b >= 0xF0 && b <= 0xF4)
				k = K_LEAD4;
			if (b == 0xE2)
				k |= K_E2;
			nib_kinds[c] |= k;
		}
	}
}

void
nib_kinds_init(void)
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
		nib_kinds[cp] = k;
	}
	byglyph();
	nib_kinds_ready = 1;
}

int
nib_badness_sign(int32_t cp)
{
	if (!nib_kinds_ready)
		nib_kinds_init();
	return (kind(cp) & (K_BAD | K_C1 | K_CURR | K_NUM | K_BOX)) != 0;
}

int
nib_badness_trigger(int32_t cp, int32_t prev)
{
	const uint32_t inert = K_CONT | K_LETTER | K_SPACE | K_START | K_END;
	uint32_t k;

	if (!nib_kinds_ready)
		nib_kinds_init();
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

