#include "t.h"
#include "tokens.h"
#include "utf8.h"

int
main(void)
{
	int32_t cp;
	unsigned char buf[4];

	T(nib_utf8_decode((const unsigned char *)"A", 1, &cp) == 1 && cp == 'A');
	T(nib_utf8_decode((const unsigned char *)"\xc3\xa9", 2, &cp) == 2 && cp == 0xe9);
	T(nib_utf8_decode((const unsigned char *)"\xe2\x80\x99", 3, &cp) == 3 && cp == 0x2019);
	T(nib_utf8_decode((const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp) == 4 && cp == 0x1f600);
	/* invalid: lone continuation, truncated, overlong, surrogate */
	T(nib_utf8_decode((const unsigned char *)"\x80", 1, &cp) == 1 && cp == -1);
	T(nib_utf8_decode((const unsigned char *)"\xe2\x80", 2, &cp) == 1 && cp == -1);
	T(nib_utf8_decode((const unsigned char *)"\xc0\xaf", 2, &cp) == 1 && cp == -1);
	T(nib_utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp) == 1 && cp == -1);
	T(nib_utf8_encode(0x2019, buf) == 3 && memcmp(buf, "\xe2\x80\x99", 3) == 0);

	T(nib_ascii_span((const unsigned char *)"abcdefghijk\xc3\xa9", 13) == 11);
	T(nib_ascii_span((const unsigned char *)"ab", 2) == 2);
	T(nib_utf8_valid((const unsigned char *)"caf\xc3\xa9 \xff", 7) == 6);

	T(nib_isletter(0xe9) && nib_isletter('x') && !nib_isletter('1') && !nib_isletter(-1));
	T(nib_isdigit('7') && !nib_isdigit(-1));
	T(nib_isspace(0xa0) && nib_isspace(0x3000) && !nib_isspace(-1));
	T(nib_ispunct(0x201c) && nib_ispunct(',') && !nib_ispunct('a') && !nib_ispunct(-1));
	T(nib_isupper(0xc9) && nib_islower(0xe9));

	/* tokens: words, apostrophes split, CJK one token a character */
	T(nib_token_count((const unsigned char *)"Don't stop, 3.14 now", 20) == 6);
	T(nib_token_count((const unsigned char *)"caf\xc3\xa9 \xff ok", 10) == 2);
	T(nib_token_count((const unsigned char *)"\xe6\x97\xa5\xe6\x9c\xac", 6) == 2);
	T(nib_token_count((const unsigned char *)"", 0) == 0);
	T_DONE();
}
