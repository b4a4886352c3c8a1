/*
 * utf8bytes.c: strict UTF-8 and CESU-8 decoding for mojibake repair.
 */
#include "utf8.h"
#include "utf8bytes.h"

/* One sequence at b[0..n): its length and *cp, or 0 if malformed. */
static int
one(const unsigned char *b, size_t n, int32_t *cp)
{
	int need = nib_utf8_need(b[0]);
	unsigned lo = 0x80, hi = 0xBF;
	int32_t v;

	if (b[0] < 0x80) {
		*cp = b[0];
		return 1;
	}
	if (need == 0 || (size_t)need > n)
		return 0;
	if (b[0] == 0xE0)
		lo = 0xA0;
	else if (b[0] == 0xF0)
		lo = 0x90;
	else if (b[0] == 0xF4)
		hi = 0x8F;
	if (b[1] < lo || b[1] > hi)
		return 0;
	v = b[0] & (0x7F >> need);
	for (int k = 1; k < need; k++) {
		if ((b[k] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (b[k] & 0x3F);
	}
	*cp = v;
	return need;
}

long
nib_utf8_strict(const unsigned char *b, size_t n, int32_t *out)
{
	size_t i = 0;
	long m = 0;
	int32_t cp, lo;
	int l;

	while (i < n) {
		if ((l = one(b + i, n - i, &cp)) == 0)
			return -1;
		i += (size_t)l;
		if (cp >= 0xDC00 && cp <= 0xDFFF)
			return -1;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			/* CESU-8: the low surrogate must follow. */
			if (i >= n || (l = one(b + i, n - i, &lo)) == 0 ||
			    lo < 0xDC00 || lo > 0xDFFF)
				return -1;
			i += (size_t)l;
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		}
		out[m++] = cp;
	}
	return m;
}
