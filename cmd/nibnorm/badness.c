/*
 * badness.c: the mojibake score (badness.h): pairs, triples and code
 * page glyph sequences of the classes of kinds.h that real text does not
 * make.
 */
#include <string.h>

#include "badness.h"
#include "codepage.h"
#include "kinds.h"
#include "utf8bytes.h"

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

	if (!nib_kinds_ready)
		nib_kinds_init();
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

