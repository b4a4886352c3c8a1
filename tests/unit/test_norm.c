#include <stdlib.h>
#include <utf8proc.h>

#include "../../cmd/nibnorm/badness.h"
#include "../../cmd/nibnorm/codepage.h"
#include "../../cmd/nibnorm/norm.h"
#include "../../cmd/nibnorm/utf8bytes.h"
#include "t.h"
#include "utf8.h"

static struct nib_norm *nm;

/* nib_norm_line on a string literal. */
static int
is(const char *in, const char *want)
{
	size_t n;
	const unsigned char *o = nib_norm_line(nm, (const unsigned char *)in,
	    strlen(in), &n);
	int ok = n == strlen(want) && memcmp(o, want, n) == 0;

	if (!ok)
		fprintf(stderr, "\"%s\" gave \"%.*s\", want \"%s\"\n", in, (int)n, o, want);
	return ok;
}

/* Output invariants: valid UTF-8, no NUL, no blank at either end, no two blanks. */
static int
wellformed(const unsigned char *o, size_t n)
{
	if (nib_utf8_valid(o, n) != n || memchr(o, 0, n) != NULL)
		return 0;
	if (n > 0 && (o[0] == ' ' || o[n - 1] == ' ' || o[0] == '\t' || o[n - 1] == '\t'))
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((o[i] == ' ' || o[i] == '\t') && (o[i - 1] == ' ' || o[i - 1] == '\t'))
			return 0;
	return 1;
}

static uint32_t seed = 12345;
static uint32_t
rnd(void)
{
	seed = seed * 1103515245 + 12345;
	return seed >> 8;
}

/*
 * The quick check and chunking against utf8proc on whole strings: random
 * letters, combining marks and jamo, with no character that nibnorm would
 * remove, map or repair.
 */
static void
against_utf8proc(int flags)
{
	static const int32_t pool[] = {
		'a', 'e', 'o', 'A', 'x', 0x301, 0x300, 0x323, 0x308, 0x30a, 0x327,
		0x1100, 0x1161, 0x11a8, 0xac00, 0x0915, 0x093c, 0x0958, 0x212b,
		0xfb01, 0x2460, 0xff21, 0x00e9, 0x1e0b, 0x0b47, 0x0b3e, 0x3099,
		0x304b, 0x05d0, 0x05b7, 0x0627, 0x0653, 0x1f600, 0x00bd, 0x2126,
	};
	struct nib_norm *k = nib_norm_new(flags | NIB_NORM_NOMOJI);
	int bad = 0;

	for (int round = 0; round < 3000; round++) {
		unsigned char in[200], *ref;
		size_t n = 0, on;
		const unsigned char *o;
		int len = 1 + (int)(rnd() % 20);

		for (int i = 0; i < len; i++)
			n += (size_t)utf8proc_encode_char(pool[rnd() % (sizeof pool / sizeof pool[0])], in + n);
		in[n] = 0;
		ref = flags & NIB_NORM_NFKC ? utf8proc_NFKC(in) : utf8proc_NFC(in);
		o = nib_norm_line(k, in, n, &on);
		if (ref == NULL || on != strlen((char *)ref) || memcmp(o, ref, on) != 0)
			bad++;
		free(ref);
	}
	T(bad == 0);
	nib_norm_free(k);
}

/* The badness of a UTF-8 literal. */
static int
bad(const char *s)
{
	int32_t u[256];
	long n = nib_utf8_strict((const unsigned char *)s, strlen(s), u);

	return n < 0 ? -1 : nib_badness(u, (size_t)n);
}

/* Code pages from iconv, the score, and the repair's promises. */
static void
mojibake_units(void)
{
	const struct codepage *cps = nib_codepages();
	unsigned char cesu[] = "\xed\xa0\xbd\xed\xb8\x8d";
	int32_t u[4];

	T(cps[CP_1252].glyph[0x80] == 0x20AC && cps[CP_1252].glyph[0x81] == 0x81);
	T(cps[CP_1251].glyph[0xC0] == 0x410 && cps[CP_437].glyph[0xB3] == 0x2502);
	T(cps[CP_MACROMAN].glyph[0xF0] == 0xF8FF);
	/* every glyph goes back to its byte */
	for (int p = 0; p < CP_COUNT; p++)
		for (int b = 0x80; b < 0x100; b++)
			T(nib_codepage_byte(&cps[p], cps[p].glyph[b]) == b);
	T(nib_cp1252(0x92) == 0x2019 && nib_cp1252(0x9D) == 0x9D);
	T(nib_utf8_strict(cesu, 6, u) == 1 && u[0] == 0x1F60D);
	T(nib_utf8_strict(cesu, 3, u) == -1);
	/* real text scores zero; misread text does not */
	T(bad("Le caf\xc3\xa9 \xe2\x80\x94 5 \xe2\x82\xac, x \xe2\x89\xa4 2 \xc3\x97 y") == 0);
	T(bad("\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xce\xb1\xce\xb2\xce\xb3") == 0);
	T(bad("caf\xc3\x83\xc2\xa9") > 0);
	T(bad("\xc3\xa2\xe2\x82\xac\xc5\x93quoted\xc3\xa2\xe2\x82\xac\xc2\x9d") > 0);
	T(bad("x\xc2\x85y") > 0);
	/* never corrupt: a repair is kept only when it is better */
	T(is("5\xc3\x97\xc2\xa3" "35 and 4288\xc3\x97\xe2\x80\xa6",
	    "5\xc3\x97\xc2\xa3" "35 and 4288\xc3\x97\xe2\x80\xa6"));
	T(is("IL2R\xc3\x8e\xc2\xb3" "cKO", "IL2R\xce\xb3" "cKO"));
	T(is("na\xc3\x83\xc2\xafve caf\xc3\x83\xc6\x92\xc3\x82\xc2\xa9", "na\xc3\xafve caf\xc3\xa9"));
	/* invalid bytes stay where they were, and are still counted */
	nm->stats.invalid = 0;
	T(is("caf\xc3\x83\xc2\xa9 \xff!", "caf\xc3\xa9 \xef\xbf\xbd!"));
	T(nm->stats.invalid == 1 && nm->badoff == 8);
}

int
main(void)
{
	int32_t cp[2];
	size_t n;
	const unsigned char *o;
	unsigned char *big;

	T(nib_norm_entity("amp", 3, cp) == 1 && cp[0] == '&');
	T(nib_norm_entity("AElig", 5, cp) == 1 && cp[0] == 0xc6);
	T(nib_norm_entity("thetasym", 8, cp) == 1 && cp[0] == 0x3d1);
	T(nib_norm_entity("zwnj", 4, cp) == 1 && cp[0] == 0x200c);
	T(nib_norm_entity("NotEqualTilde", 13, cp) == 2 && cp[0] == 0x2242 && cp[1] == 0x338);
	T(nib_norm_entity("Amp", 3, cp) == 0);
	T(nib_norm_entity("am", 2, cp) == 0);
	T(nib_norm_entity("ampx", 4, cp) == 0);
	T(nib_norm_entity("", 0, cp) == 0);

	nm = nib_norm_new(0);
	T(is("", ""));
	T(is("   ", ""));
	T(is("plain ascii, untouched.", "plain ascii, untouched."));
	T(is("  a   b\t\tc \t d\te  ", "a b c d\te"));
	/* the eight-byte fast path at every alignment around a double space */
	T(is("abcdefg  hijklmnop  qrstuvw x  y", "abcdefg hijklmnop qrstuvw x y"));
	T(is("12345678 12345678  1234567 ", "12345678 12345678 1234567"));
	T(is(" 1234567812345678", "1234567812345678"));
	T(is("a&amp;b&#x2019;c&#8217;d&bogus;e", "a&b\xe2\x80\x99" "c\xe2\x80\x99" "d&bogus;e"));
	T(is("don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t", "don\xe2\x80\x99t"));
	T(is("S\xc3\x83O PAULO", "S\xc3\x83O PAULO"));
	T(is("cafe\xcc\x81", "caf\xc3\xa9"));
	T(is("x\xe2\x80\x8by\xef\xbb\xbfz\x01", "xyz"));
	T(is("a\xc2\xa0\xc2\xa0" "b\xe3\x80\x80", "a b"));
	mojibake_units();
	/* a block's inner line ends survive, trimmed around */
	T(is(" one  \n  two \n\nthree ", "one\ntwo\n\nthree"));

	/* invalid bytes: counted, first offset kept */
	nm->stats.invalid = 0;
	T(is("ab\xff" "c\xe2\x80", "ab\xef\xbf\xbd" "c\xef\xbf\xbd"));
	T(nm->badoff == 2 && nm->stats.invalid == 2);
	T(is("fine", "fine") && nm->badoff == -1);

	/* a pile of combining marks: cut into chunks, still valid and linear */
	big = malloc(1 + 2 * 100000);
	big[0] = 'a';
	for (size_t i = 0; i < 100000; i++)
		memcpy(big + 1 + 2 * i, i % 2 ? "\xcc\x81" : "\xcc\xa3", 2);
	o = nib_norm_line(nm, big, 1 + 2 * 100000, &n);
	T(nib_utf8_valid(o, n) == n && n > 150000);
	free(big);

	/* random bytes from a tricky alphabet keep the invariants */
	{
		static const char *alpha[] = {
			"a", " ", "\t", "&", "&amp;", "#", ";", "\xc3", "\x83", "\xc2",
			"\xa9", "\xe2", "\x80", "\x99", "\xcc\x81", "\xff", "\x00",
			"\xc2\xa0", "\xe2\x80\x8b", "\n", "&#769;", "x;", "\xf0\x9f",
		};
		static const size_t alen[] = {
			1, 1, 1, 1, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 2, 3, 1, 6, 2, 2,
		};
		int bad = 0;

		for (int round = 0; round < 20000; round++) {
			unsigned char in[400];
			size_t m = 0, len = rnd() % 40;

			for (size_t i = 0; i < len; i++) {
				size_t k = rnd() % (sizeof alpha / sizeof alpha[0]);
				memcpy(in + m, alpha[k], alen[k]);
				m += alen[k];
			}
			o = nib_norm_line(nm, in, m, &n);
			for (size_t a = 0, b; a <= n; a = b + 1) {
				for (b = a; b < n && o[b] != '\n'; b++)
					;
				if (!wellformed(o + a, b - a))
					bad++;
			}
		}
		T(bad == 0);
	}
	nib_norm_free(nm);

	nm = nib_norm_new(NIB_NORM_ASCII | NIB_NORM_NOENT);
	T(is("\xe2\x80\x9cq\xe2\x80\x9d \xe2\x80\x94 \xe2\x80\xa6 &amp;", "\"q\" -- ... &amp;"));
	nib_norm_free(nm);
	nm = nib_norm_new(NIB_NORM_NFKC | NIB_NORM_NOMOJI);
	T(is("\xef\xac\x81 x\xc2\xa8y \xc3\x83\xc2\xa9", "fi x \xcc\x88y \xc3\x83\xc2\xa9"));
	nib_norm_free(nm);

	nm = nib_norm_new(NIB_NORM_CP1252);
	nm->stats.invalid = 0;
	T(is("caf\xe9 \x93q\x94 \x81x \xc3\xa9", "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d x \xc3\xa9"));
	T(nm->stats.invalid == 4 && nm->badoff == 3);
	nib_norm_free(nm);

	against_utf8proc(0);
	against_utf8proc(NIB_NORM_NFKC);
	T_DONE();
}
