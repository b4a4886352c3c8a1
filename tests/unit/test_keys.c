#include <stdint.h>

#include "keys.h"
#include "t.h"

static struct nib_keybuf kb;

static int
eq(int mode, const char *a, const char *b)
{
	struct nib_key x = nib_key_make(&kb, mode, (const unsigned char *)a, strlen(a));
	struct nib_key y = nib_key_make(&kb, mode, (const unsigned char *)b, strlen(b));

	return x.lo == y.lo && x.hi == y.hi;
}

static size_t
fold(int mode, const char *s)
{
	return nib_key_fold(&kb, mode, (const unsigned char *)s, strlen(s));
}

static void
folding(void)
{
	size_t n;

	n = fold(NIB_KEY_FOLD, "  The  U.S. - Deal!  ");
	T_MEM(kb.buf, n, "the u s deal");
	n = fold(NIB_KEY_FOLD, "Stra\xc3\x9f" "e");		/* ß folds to ss */
	T_MEM(kb.buf, n, "strasse");
	n = fold(NIB_KEY_FOLD, "\xef\xbc\xb4\xef\xbd\x81\xef\xbd\x98");	/* fullwidth Tax */
	T_MEM(kb.buf, n, "tax");
	n = fold(NIB_KEY_FOLD, "caf\xc3\xa9");	/* é decomposes: e + U+0301 */
	T_MEM(kb.buf, n, "cafe\xcc\x81");
	n = fold(NIB_KEY_FOLD, "a\xff" "b");	/* invalid bytes stay */
	T_MEM(kb.buf, n, "a\xff" "b");
	n = fold(NIB_KEY_FOLD, "\xe2\x80\x9cQuote\xe2\x80\x9d \xe2\x80\x94 end");
	T_MEM(kb.buf, n, "quote end");
	n = fold(NIB_KEY_FOLD, "*** ---");
	T(n == 0);
	n = fold(NIB_KEY_CASE, "Hello, World");
	T_MEM(kb.buf, n, "hello, world");
	n = nib_key_fold(&kb, NIB_KEY_FOLD, (const unsigned char *)"x\0y", 3);
	T_MEM(kb.buf, n, "x y");	/* NUL is data: a separator here */
}

static void
keys(void)
{
	T(eq(NIB_KEY_FOLD, "Show Caption", "show   caption."));
	T(eq(NIB_KEY_FOLD, "caf\xc3\xa9", "cafe\xcc\x81"));
	T(!eq(NIB_KEY_FOLD, "***", "---"));	/* no words: exact bytes */
	T(!eq(NIB_KEY_FOLD, "tax day", "taxday"));
	T(!eq(NIB_KEY_EXACT, "Tax", "tax"));
	T(eq(NIB_KEY_EXACT, "Tax", "Tax"));
	T(eq(NIB_KEY_CASE, "Tax Day", "tAX dAY"));
	T(!eq(NIB_KEY_CASE, "Tax Day", "Tax  Day"));
	struct nib_key k = nib_key_make(&kb, NIB_KEY_EXACT, (const unsigned char *)"", 0);
	T((k.lo | k.hi) != 0);
	/* Token hashes fold like keys, long or short. */
	T(nib_key_token(&kb, (const unsigned char *)"Tax", 3) ==
	    nib_key_token(&kb, (const unsigned char *)"TAX", 3));
	T(nib_key_token(&kb, (const unsigned char *)"ABCDEFGHIJKLMNOPQRSTUV", 22) ==
	    nib_key_token(&kb, (const unsigned char *)"abcdefghijklmnopqrstuv", 22));
	T(nib_key_token(&kb, (const unsigned char *)"tax", 3) ==
	    nib_key_token(&kb, (const unsigned char *)"\xef\xbd\x94\xef\xbd\x81\xef\xbd\x98", 9));
	T(nib_key_token(&kb, (const unsigned char *)"tax", 3) !=
	    nib_key_token(&kb, (const unsigned char *)"tab", 3));
	/* The ASCII-only entry gives the same hashes, at every length. */
	static const char *w[] = { "A", "Tax", "Deadline", "Negotiator", "Internationalize",
	    "Internationalized", "x1" };
	for (size_t i = 0; i < sizeof w / sizeof *w; i++) {
		size_t n = strlen(w[i]);
		T(nib_key_token_ascii(&kb, (const unsigned char *)w[i], n) ==
		    nib_key_token(&kb, (const unsigned char *)w[i], n));
	}
}

/* A long non-ASCII run that expands under NFKD must not overflow. */
static void
expansion(void)
{
	static unsigned char s[3000];
	size_t n;

	for (size_t i = 0; i < sizeof s; i += 3) {
		s[i] = 0xef; s[i + 1] = 0xb7; s[i + 2] = 0xba;	/* U+FDFA: 18 characters */
	}
	n = nib_key_fold(&kb, NIB_KEY_FOLD, s, sizeof s);
	T(n > sizeof s * 4);
}

int
main(void)
{
	folding();
	keys();
	expansion();
	nib_keybuf_free(&kb);
	T_DONE();
}
