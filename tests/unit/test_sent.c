/* Unit tests for the sentence span API (common/sent.c). */
#include <stdlib.h>

#include "sent.h"
#include "t.h"

#define MAXS 16

/* Splits s and joins the spans with '|' into out; returns the count. */
static int
split(const char *s, char *out)
{
	struct nib_sent st;
	size_t a, b, n = strlen(s), o = 0, last = 0;
	int k = 0;

	nib_sent_init(&st, (const unsigned char *)s, n);
	while (nib_sent_next(&st, &a, &b)) {
		if (a < last || b < a || b > n)
			return -1;
		if (k++)
			out[o++] = '|';
		memcpy(out + o, s + a, b - a);
		o += b - a;
		last = b;
	}
	out[o] = '\0';
	return k;
}

static int
is(const char *in, const char *want)
{
	char out[1024];

	if (split(in, out) < 0)
		return 0;
	if (strcmp(out, want) != 0) {
		fprintf(stderr, "  in:   %s\n  want: %s\n  got:  %s\n", in, want, out);
		return 0;
	}
	return 1;
}

int
main(void)
{
	struct nib_sent st;
	size_t a = 99, b = 99;
	char out[256];

	/* Empty and blank blocks have no sentence. */
	nib_sent_init(&st, (const unsigned char *)"", 0);
	T(nib_sent_next(&st, &a, &b) == 0);
	T(nib_sent_next(&st, &a, &b) == 0);
	T(split(" \t \xc2\xa0 ", out) == 0);

	/* Offsets: spans skip white space at both ends, no copy. */
	const char *s = "  Hi there.  Bye now!  ";
	nib_sent_init(&st, (const unsigned char *)s, strlen(s));
	T(nib_sent_next(&st, &a, &b) == 1 && a == 2 && b == 11);
	T(nib_sent_next(&st, &a, &b) == 1 && a == 13 && b == 21);
	T(nib_sent_next(&st, &a, &b) == 0);
	/* Unicode spaces are trimmed too. */
	T(is("\xe2\x80\x83Ok.\xc2\xa0", "Ok."));

	T(is("It rained. We left.", "It rained.|We left."));
	T(is("Why? Because! Fine.", "Why?|Because!|Fine."));
	T(is("Dr. Ruiz met Gov. Hale.", "Dr. Ruiz met Gov. Hale."));
	T(is("I was in the U.S. How odd.", "I was in the U.S.|How odd."));
	T(is("The U.S. Navy came.", "The U.S. Navy came."));
	T(is("At 8 a.m. Mr. Pym ran. He left at 4 p.m. Mr. Pym slept.",
	    "At 8 a.m. Mr. Pym ran.|He left at 4 p.m.|Mr. Pym slept."));
	T(is("Lou B. Stern ran. Plan B. The end.", "Lou B. Stern ran.|Plan B.|The end."));
	T(is("Cost: $4.25. Paid.", "Cost: $4.25.|Paid."));
	T(is("See No. 7 and p. 9 here.", "See No. 7 and p. 9 here."));
	T(is("\"Stop.\" she said. \"Go!\" He went.", "\"Stop.\" she said.|\"Go!\"|He went."));
	T(is("Wait... what? Ok... Then go.", "Wait... what?|Ok...|Then go."));
	T(is("Mail a.b@c.de. Done.", "Mail a.b@c.de.|Done."));
	T(is("It is here.Then there.", "It is here.|Then there."));
	T(is("1. Red 2. Blue", "1. Red|2. Blue"));
	T(is("x) no list z) here", "x) no list z) here"));
	T(is("x) a list y) here", "x) a list|y) here"));
	T(is("\xe9\x9b\xa8\xe3\x80\x82\xe6\x99\xb4\xef\xbc\x81", "\xe9\x9b\xa8\xe3\x80\x82|\xe6\x99\xb4\xef\xbc\x81"));
	T(is("No stop here", "No stop here"));
	T(is("The Zq. Hall opened.", "The Zq.|Hall opened."));

	/* Abbreviations that often end a sentence, and names after them. */
	T(is("He moved to the U.S. Crowds met him.", "He moved to the U.S.|Crowds met him."));
	T(is("The U.S. Navy came.", "The U.S. Navy came."));
	T(is("Ask Lee Inc. Chief Clerk Ma.", "Ask Lee Inc. Chief Clerk Ma."));
	T(is("Ask Lee Inc. Staff left.", "Ask Lee Inc.|Staff left."));
	T(is("It ends at 5 p.m. Pacific.", "It ends at 5 p.m. Pacific."));
	T(is("See e.g. Dr. Ruiz.", "See e.g. Dr. Ruiz."));
	/* Labels, and lists that start after a sentence. */
	T(is("Q. Who? A. Me.", "Q. Who?|A. Me."));
	T(is("Q: Who A: Me", "Q: Who|A: Me"));
	T(is("Go. 1. Red 2. Blue", "Go.|1. Red|2. Blue"));
	T(is("Go. a) Red b) Blue", "Go.|a) Red|b) Blue"));

	/* Soft wraps made one space, in place or into another buffer. */
	{
		const char *w = "one  \n  two\t\nthree\n";
		unsigned char buf[32];
		char in[32];
		size_t n = nib_sent_unwrap((const unsigned char *)w, strlen(w), buf);

		T(n == 14 && memcmp(buf, "one two three ", 14) == 0);
		strcpy(in, "a\n b");
		n = nib_sent_unwrap((unsigned char *)in, 4, (unsigned char *)in);
		T(n == 3 && memcmp(in, "a b", 3) == 0);
	}

	/* Added abbreviations, with and without a kind. */
	{
		const char *list = "# c\nzq.\nvx title\n\n";

		T(nib_sent_abbrev_add((const unsigned char *)list, strlen(list)) == 2);
	}
	T(is("The Zq. Hall opened.", "The Zq. Hall opened."));
	T(is("The Zq. It opened.", "The Zq.|It opened."));
	T(is("Ask Vx. It knows.", "Ask Vx. It knows."));
	T(nib_sent_abbrev_file("/nonexistent/abbrev.txt") == -1);

	/* Any bytes: spans stay in order and inside the block. */
	{
		unsigned char buf[4096];
		unsigned int seed = 7;

		for (int round = 0; round < 2000; round++) {
			size_t n = (size_t)(rand_r(&seed) % sizeof buf);
			size_t last = 0;
			int ok = 1;

			for (size_t i = 0; i < n; i++) {
				static const char pick[] = ". !?\"')(\n\xe2\x80\xa6\xe3\x82" "aZ1$@/";
				buf[i] = rand_r(&seed) % 3 ? (unsigned char)pick[rand_r(&seed) % (sizeof pick - 1)]
				    : (unsigned char)rand_r(&seed);
			}
			nib_sent_init(&st, buf, n);
			while (nib_sent_next(&st, &a, &b)) {
				if (a < last || b <= a || b > n)
					ok = 0;
				last = b;
				if (!ok)
					break;
			}
			T(ok);
		}
	}
	T_DONE();
}
