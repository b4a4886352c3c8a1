/*
 * charclass.c: what the writer does with each code point (drop it, make
 * it a blank, fold it, or write it with or without normalization), found
 * once per code point and cached in nm->cls.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "line.h"

/*
 * -a: the ASCII spelling of typographic punctuation, or NULL.  Quotes,
 * primes and guillemets become ' or ", hyphens and en dashes -, em dashes
 * --, the ellipsis "...".
 */
const char *
norm_fold(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B:
	case 0x2032: case 0x2035: case 0x2039: case 0x203A: case 0x02BC:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F:
	case 0x2033: case 0x2036: case 0x00AB: case 0x00BB:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
		return "-";
	case 0x2014: case 0x2015:
		return "--";
	case 0x2026:
		return "...";
	default:
		return NULL;
	}
}

/*
 * The quick check: a safe character is a starter that normalization
 * leaves as it is and that never combines with what comes before it
 * (combining marks and the Hangul vowel and trailing jamo do), so text
 * made of safe characters is normalized already.
 */
static int
safe(const struct nib_norm *nm, int32_t cp)
{
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	utf8proc_uint8_t in[4], *out = NULL;
	utf8proc_ssize_t n, m;
	int ok;

	if (p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN ||
	    p->category == UTF8PROC_CATEGORY_MC || p->category == UTF8PROC_CATEGORY_ME)
		return 0;
	if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2))
		return 0;
	n = utf8proc_encode_char(cp, in);
	m = utf8proc_map(in, n, &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    (nm->flags & NIB_NORM_NFKC ? UTF8PROC_COMPAT : 0));
	ok = m == n && memcmp(in, out, (size_t)n) == 0;
	free(out);
	return ok;
}

int
norm_classify(const struct nib_norm *nm, int32_t cp)
{
	if (cp < 0x80) {
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r')
			return C_BLANK;
		if ((cp < ' ' && cp != '\f') || cp == 0x7f)
			return C_DROP;
		return C_SAFE;
	}
	if (cp <= 0x9f || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
	    cp == 0xFEFF || cp == 0xAD)
		return C_DROP;
	if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	    cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x2028 ||
	    cp == 0x2029)
		return C_BLANK;
	if ((nm->flags & NIB_NORM_ASCII) && norm_fold(cp) != NULL)
		return C_FOLD;
	return safe(nm, cp) ? C_SAFE : C_UNSAFE;
}
