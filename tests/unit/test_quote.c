/* Unit tests: the quotation mark scanner (common/quote.c). */
#include <stdlib.h>
#include <string.h>

#include "quote.h"
#include "t.h"

static struct nib_qscan q;
static const char *cur;

/* Scans s; returns the number of top-level quotations. */
static size_t
scan(const char *s)
{
	size_t top = 0;

	cur = s;
	nib_qscan(&q, (const unsigned char *)s, strlen(s));
	for (size_t i = 0; i < q.nspan; i++)
		top += nib_qspan_top(&q, i);
	return top;
}

/* Whether the k-th top-level quotation holds exactly text. */
static int
top(size_t k, const char *text)
{
	for (size_t i = 0; i < q.nspan; i++) {
		if (!nib_qspan_top(&q, i))
			continue;
		if (k-- == 0)
			return q.span[i].tb - nib_qspan_ta(&q.span[i]) ==
			    strlen(text) && memcmp(cur + nib_qspan_ta(&q.span[i]),
			    text, strlen(text)) == 0;
	}
	return 0;
}

static void
marks(void)
{
	T(scan("\"Yes,\" he said.") == 1 && top(0, "Yes,"));
	T(scan("\xe2\x80\x9cYes,\xe2\x80\x9d he said.") == 1 && top(0, "Yes,"));
	T(scan("'Yes,' he said.") == 1 && top(0, "Yes,"));
	T(scan("\xe2\x80\x98Yes\xe2\x80\x99, he said.") == 1 && top(0, "Yes"));
	T(scan("\xc2\xab Oui \xc2\xbb, dit-il.") == 1 && top(0, " Oui "));
	T(scan("\xc2\xbbJa\xc2\xab, sagte er.") == 1 && top(0, "Ja"));
	T(scan("\xe2\x80\x9eJa\xe2\x80\x9c, sagte er.") == 1 && top(0, "Ja"));
	T(scan("\xe2\x80\x9aJa\xe2\x80\x98, sagte er.") == 1 && top(0, "Ja"));
	T(scan("\xe2\x80\xb9Non\xe2\x80\xba, dit-elle.") == 1 && top(0, "Non"));
	/* ” closes after a space too. */
	T(scan("depicted \xe2\x80\x9c" "delays \xe2\x80\x9d. Then") == 1 && top(0, "delays "));
	/* A closer of another family does not close. */
	T(scan("\"Yes' he said.") == 0);
	T(scan("\xc2\xabOui\xc2\xab") == 0);
}

static void
apostrophes(void)
{
	T(scan("don't Trump's officials' plan") == 0);
	T(scan("the '90s and rock 'n' roll, 'em, 'til dawn") == 0);
	T(scan("isn 't it") == 0);
	T(scan("'We don't know Trump's plan,' she said.") == 1 &&
	    top(0, "We don't know Trump's plan,"));
	/* A plural possessive inside: the later strong closer wins. */
	T(scan("'The officials' plan is bad,' he said.") == 1 &&
	    top(0, "The officials' plan is bad,"));
	/* With no strong closer after it, s' closes. */
	T(scan("called it 'the boss' and left") == 1 && top(0, "the boss"));
	T(scan("'In the '80s there were buses,' said Jean.") == 1 &&
	    top(0, "In the '80s there were buses,"));
	T(scan("He is 6'2\" tall.") == 0);
	T(scan("typographic don\xe2\x80\x99t and \xe2\x80\x99" "90s") == 0);
}

static void
nesting(void)
{
	T(scan("\"She said, 'Go,' and left,\" he said.") == 1 &&
	    top(0, "She said, 'Go,' and left,"));
	T(scan("'When they shouted \"Out!\" I left,' she said.") == 1);
	T(q.nspan == 2 && q.span[1].parent == 0);
	/* Inside an opener that never closes, a closed quotation is top-level. */
	T(scan("He said \"the 'plan' is dead") == 1 && top(0, "plan"));
	T(q.open == 0);
}

static void
strays(void)
{
	/* A second opener of the same family replaces a stray. */
	T(scan("a stray 'single and a real 'phrase' here") == 1 && top(0, "phrase"));
	T(scan("\"open and \"Done,\" she said.") == 1 && top(0, "Done,"));
	T(scan("\"never closes") == 0 && q.open == 0);
	T(scan("closed \"here\" then \"open") == 1 && q.open == 1);
	T(scan("\" spaced \" marks") == 0);
	T(scan("") == 0 && q.open == -1);
	T(scan("\xe2\x80") == 0);
}

/* Many stray openers: linear, and the stack never grows past its cap. */
static void
many(void)
{
	size_t n = 3 * 200000;
	char *s = malloc(n + 1);

	for (size_t i = 0; i < n; i += 3)
		memcpy(s + i, i % 2 ? " 'a" : " \"b", 3);
	s[n] = '\0';
	T(scan(s) == 0);
	T(q.nspan > 0);
	free(s);
}

/*
 * Runs of one mark quote nothing: they make (almost) no spans, so memory
 * stays bounded by the block, and a weak closer's lookahead stays linear.
 */
static void
runs(void)
{
	static const char *const mark[] = { "\"", "'", "\xe2\x80\x9c", "\xe2\x80\x9d" };
	size_t n = 300000;
	char *s = malloc(3 * n + 1);

	for (size_t m = 0; m < sizeof mark / sizeof mark[0]; m++) {
		size_t l = strlen(mark[m]);

		for (size_t i = 0; i < n; i++)
			memcpy(s + i * l, mark[m], l);
		s[n * l] = '\0';
		T(scan(s) <= 1);	/* the first span of a block is kept */
		T(q.nspan <= 2);
	}
	/* officials' ... officials' ... : weak closers, each decided once */
	for (size_t i = 0; i + 12 <= 3 * n; i += 12)
		memcpy(s + i, "officials' a", 12);
	s[3 * n / 12 * 12] = '\0';
	T(scan(s) == 0);
	T(q.nspan == 0);
	free(s);
	/* a quotation after a run of empty ones is still found */
	T(scan("\"\"\"\"\"\" said \"We won.\"") == 2 && top(1, "We won."));
}

int
main(void)
{
	nib_qscan_init(&q);
	marks();
	apostrophes();
	nesting();
	strays();
	many();
	runs();
	T(nib_qmark_len((const unsigned char *)"\xe2\x80\x9c", 3, 0) == 3);
	T(nib_qmark_len((const unsigned char *)"a", 1, 0) == 0);
	nib_qscan_free(&q);
	T_DONE();
}
