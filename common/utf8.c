#include <string.h>
#include <utf8proc.h>

#include "swar.h"
#include "utf8.h"

int
nib_utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t l;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	l = utf8proc_iterate(s, n < 4 ? (utf8proc_ssize_t)n : 4, &c);
	if (l <= 0) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return (int)l;
}

int
nib_utf8_encode(int32_t cp, unsigned char *out)
{
	return (int)utf8proc_encode_char(cp, out);
}

size_t
nib_ascii_span(const unsigned char *s, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8)
		if (nib_swar_high(nib_swar_load(s + i)))
			break;
	while (i < n && s[i] < 0x80)
		i++;
	return i;
}

size_t
nib_utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;
	int l;

	while (i < n) {
		i += nib_ascii_span(s + i, n - i);
		if (i == n)
			break;
		l = nib_utf8_decode(s + i, n - i, &cp);
		if (cp < 0)
			break;
		i += (size_t)l;
	}
	return i;
}

static int
cat(int32_t cp)
{
	return cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
}

int
nib_isletter(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	switch (cat(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return 1;
	default:
		return 0;
	}
}

int
nib_isdigit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	switch (cat(cp)) {
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

int
nib_isspace(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return cat(cp) == UTF8PROC_CATEGORY_ZS;
}

int
nib_ispunct(int32_t cp)
{
	int c;

	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return cp > ' ' && cp < 0x7f && !nib_isletter(cp) && !nib_isdigit(cp);
	c = cat(cp);
	return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_SO;
}

int
nib_isupper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return cat(cp) == UTF8PROC_CATEGORY_LU || cat(cp) == UTF8PROC_CATEGORY_LT;
}

int
nib_islower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return cat(cp) == UTF8PROC_CATEGORY_LL;
}

int
nib_utf8_need(unsigned char b)
{
	if (b >= 0xC2 && b <= 0xDF)
		return 2;
	if (b >= 0xE0 && b <= 0xEF)
		return 3;
	if (b >= 0xF0 && b <= 0xF4)
		return 4;
	return 0;
}
