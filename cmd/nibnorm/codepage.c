/*
 * codepage.c: code page tables from iconv(3), built once (codepage.h).
 */
#include <err.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "codepage.h"

static struct codepage pages[CP_COUNT] = {
	[CP_LATIN1] = { .name = "ISO-8859-1" },
	[CP_1252] = { .name = "WINDOWS-1252" },
	[CP_1251] = { .name = "WINDOWS-1251" },
	[CP_1250] = { .name = "WINDOWS-1250" },
	[CP_1253] = { .name = "WINDOWS-1253" },
	[CP_1257] = { .name = "WINDOWS-1257" },
	[CP_8859_2] = { .name = "ISO-8859-2" },
	[CP_MACROMAN] = { .name = "MACINTOSH" },
	[CP_437] = { .name = "IBM437" },
};
static int ready;

static int
revcmp(const void *a, const void *b)
{
	const int32_t *x = a, *y = b;

	return (*x > *y) - (*x < *y);
}

/* What iconv makes of byte b in cd; -1 when the code page leaves it undefined. */
static int32_t
onebyte(iconv_t cd, int b)
{
	char in = (char)b, *ip = &in;
	unsigned char out[4], *op = out;
	size_t il = 1, ol = sizeof out;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, (char **)&op, &ol) == (size_t)-1 || ol != 0)
		return -1;
	return (int32_t)(out[0] | out[1] << 8 | out[2] << 16 | (uint32_t)out[3] << 24);
}

/*
 * gcc's analyzer takes iconv_open(3)'s (iconv_t)-1 for memory to free;
 * it is the failure value, nothing was allocated.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
static void
build(struct codepage *cp)
{
	iconv_t cd = iconv_open("UTF-32LE", cp->name);
	int32_t g;

	for (int b = 0; b < 256; b++)
		cp->glyph[b] = b;
	if (cd == (iconv_t)-1) {
		warn("iconv_open %s: mojibake in it is not repaired", cp->name);
		return;
	}
	for (int b = 0x80; b < 256; b++) {
		if ((g = onebyte(cd, b)) >= 0)
			cp->glyph[b] = g;
		/*
		 * glibc puts Apple's logo (MacRoman 0xF0) in its own private
		 * use slot; Apple's table and the Mac decoders that made the
		 * mojibake use U+F8FF.
		 */
		if (g == 0xE01E && cp == &pages[CP_MACROMAN])
			cp->glyph[b] = 0xF8FF;
		cp->rev[b - 0x80].cp = cp->glyph[b];
		cp->rev[b - 0x80].byte = (unsigned char)b;
	}
	iconv_close(cd);
	qsort(cp->rev, 128, sizeof cp->rev[0], revcmp);
	cp->nrev = 128;
}
#pragma GCC diagnostic pop

const struct codepage *
nib_codepages(void)
{
	if (!ready) {
		for (int i = 0; i < CP_COUNT; i++)
			build(&pages[i]);
		ready = 1;
	}
	return pages;
}

int
nib_codepage_byte(const struct codepage *cp, int32_t c)
{
	size_t lo = 0, hi = (size_t)cp->nrev;

	if (c >= 0 && c < 0x80)
		return c;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp->rev[mid].cp == c)
			return cp->rev[mid].byte;
		if (cp->rev[mid].cp < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int32_t
nib_cp1252(int b)
{
	return nib_codepages()[CP_1252].glyph[b];
}
