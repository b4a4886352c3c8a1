/*
 * sent_words: what the words around a single period say about a sentence
 * end.  The word before the period is a plain word, a number, an
 * abbreviation (from the tables, or dotted letters such as "U.S" and
 * initials), one that often ends sentences ("Inc", "p.m"), a title ("Mr")
 * or a word that comes before numbers ("No"); the word after it may
 * usually start a sentence (starters.txt), go on a name (namewords.txt)
 * or follow an ordinal ("am 3. Oktober").
 */
#include <stdint.h>
#include <string.h>

#include "sent_chars.h"
#include "sent_impl.h"

/* What the word before a period is. */
enum { K_WORD, K_NUM, K_ABBR, K_FINAL, K_TITLE, K_NUMPRE };

/*
 * No abbreviation or number of interest is longer than WORDMAX bytes, and
 * the bound keeps a block of one long token ("a.a.a.a...") linear.
 */
#define WORDMAX 64

/* Start of the word that ends at i: back to white space, past openers. */
static size_t
wordstart(const unsigned char *s, size_t lim, size_t a, size_t i)
{
	size_t w = i;

	while (w > a && i - w < WORDMAX && wsback(s, lim, a, w) == 0)
		w--;
	return skipopen(s, i, w);
}

/* The word of letters at s[i], as far as lim. */
static size_t
wordend(const unsigned char *s, size_t lim, size_t i)
{
	while (i < lim && (isalpha_(s[i]) || s[i] >= 0x80) && wslen(s, lim, i) == 0 &&
	    closelen(s, lim, i) == 0)
		i++;
	return i;
}

/* Does the word at s[i] usually start a sentence? */
static int
starter(const unsigned char *s, size_t lim, size_t i)
{
	size_t j = i;
	int k;

	while (j < lim && (isalpha_(s[j]) || s[j] == '\'' || s[j] >= 0x80) &&
	    wslen(s, lim, j) == 0 && closelen(s, lim, j) == 0)
		j++;
	while (j > i && s[j - 1] == '\'')
		j--;
	k = nib_sent_lookup(s + i, j - i);
	/*
	 * In capitals a preposition is no sign of a new sentence:
	 * "AT 9 A.M. ON MONDAY".
	 */
	if ((k & W_PREP) && j - i >= 2 && s[i + 1] >= 'A' && s[i + 1] <= 'Z')
		return 0;
	return (k & W_START) != 0;
}

/*
 * Is the number s[w..i), before a period and the word at nx, an ordinal
 * ("am 3. Oktober", "die 2. Liga")?
 */
static int
ordinal(const unsigned char *s, size_t lim, size_t a, size_t w, size_t i, size_t nx)
{
	size_t p, q;

	if (i - w > 3)
		return 0;
	for (p = w; p < i; p++)
		if (!isdigit_(s[p]))
			return 0;
	if (nib_sent_lookup(s + nx, wordend(s, lim, nx) - nx) & W_ORDPOST)
		return 1;
	for (q = w; q > a && wsback(s, lim, a, q); q--)
		;
	for (p = q; p > a && q - p < 16 && isalpha_(s[p - 1]); p--)
		;
	return p < q && (p == a || wsback(s, lim, a, p)) &&
	    (nib_sent_lookup(s + p, q - p) & W_ORDPRE);
}

/*
 * Is [a, i) a short phrase that opens with a preposition ("At 5 a.m."),
 * which a following abbreviation does not end?
 */
static int
prepphrase(const unsigned char *s, size_t a, size_t i)
{
	size_t j = skipopen(s, i, a), w = j, words = 1;

	while (w < i && w - j < 16 && isalpha_(s[w]))
		w++;
	if (!(nib_sent_lookup(s + j, w - j) & W_PREP))
		return 0;
	for (; w < i; w++)
		if (s[w] == ' ' && w + 1 < i && s[w + 1] != ' ')
			if (++words > 3)
				return 0;
	return 1;
}

/*
 * Is s[a..b) letters in dotted groups of one or two ("J", "U.S", "e.g",
 * "Ph.D"), or one letter of any script?
 */
static int
dotted(const unsigned char *s, size_t a, size_t b)
{
	size_t run = 0, groups = 0;

	if (b > a && s[a] >= 0x80) {
		int32_t cp;
		int l = nib_utf8_decode(s + a, b - a, &cp);

		return (size_t)l == b - a && nib_isletter(cp);
	}
	for (size_t i = a; i < b; i++) {
		if (isalpha_(s[i])) {
			if (++run > 2)
				return 0;
		} else if (s[i] == '.' && run > 0) {
			run = 0;
			groups++;
		} else
			return 0;
	}
	if (run == 0)
		return 0;
	return groups > 0 || b - a == 1;
}

/* Kind of the word s[a..b) before a period. */
static int
wordkind(const unsigned char *s, size_t a, size_t b)
{
	size_t i;
	int digits = 0, k;

	while (a < b && (s[a] == '$' || s[a] == '#' || s[a] == '+' || s[a] == '-'))
		a++;
	if (a == b)
		return K_WORD;
	for (i = a; i < b; i++) {
		if (isdigit_(s[i]))
			digits = 1;
		else if (s[i] != '.' && s[i] != ',' && s[i] != ':' && s[i] != '%' &&
		    s[i] != '/' && s[i] != '-')
			break;
	}
	if (i == b && digits)
		return K_NUM;
	k = nib_sent_lookup(s + a, b - a);
	if (k & (W_TITLE | W_INNER))
		return K_TITLE;
	if (k & W_FINAL)
		return K_FINAL;
	/* "P." in "James P. Kennedy" is an initial, not "p. 5". */
	if (dotted(s, a, b) && (b - a > 1 || !(k & W_NUMBER) || s[a] < 'a'))
		return K_ABBR;
	if (k & W_NUMBER)
		return K_NUMPRE;
	if (k & W_ABBR)
		return K_ABBR;
	return K_WORD;
}

/*
 * What follows the word at nx, after its final period or "'s": the
 * position of the next word (past white space), or 0 when something else
 * (a comma, the end) comes first.
 */
static size_t
nextword(const unsigned char *s, size_t lim, size_t nx)
{
	size_t e = wordend(s, lim, nx), k;

	if (e < lim && s[e] == '.')
		e++;
	else if (e + 1 < lim && s[e] == '\'' && (s[e + 1] | 32) == 's')
		e += 2;
	else if (e + 3 < lim && s[e] == 0xe2 && s[e + 1] == 0x80 && s[e + 2] == 0x99 &&
	    (s[e + 3] | 32) == 's')
		e += 4;
	if (e >= lim || wslen(s, lim, e) == 0)
		return 0;
	k = skipws(s, lim, e);
	return k < lim ? k : 0;
}

/*
 * The end of the word at n when it joins the parts of a name ("of",
 * "and", "for", "&") and white space follows, else 0.
 */
static size_t
connector(const unsigned char *s, size_t lim, size_t n)
{
	size_t e = n < lim && s[n] == '&' ? n + 1 : wordend(s, lim, n);

	if (e >= lim || wslen(s, lim, e) == 0)
		return 0;
	if ((e - n == 1 && s[n] == '&') || (e - n == 2 && memcmp(s + n, "of", 2) == 0) ||
	    (e - n == 3 && (memcmp(s + n, "and", 3) == 0 || memcmp(s + n, "for", 3) == 0)))
		return e;
	return 0;
}

/*
 * Does the capitalised word at nx go on a name (or a headline) after an
 * abbreviation that often ends a sentence?  It does not when it usually
 * starts a sentence; it does when it is listed as a name word, a title or
 * another abbreviation.
 * Else it starts a new sentence only when a comma or a lower-case word
 * follows it ("U.S. Millions attended", not "U.S. Virgin Islands", "U.S.
 * Route 66", "A.M. Roundup:"), unless that word joins the parts of a name
 * ("U.S. Department of Justice").
 */
static int
goeson(const unsigned char *s, size_t lim, size_t nx)
{
	size_t e = wordend(s, lim, nx), n = nextword(s, lim, nx), c;
	int k = nib_sent_lookup(s + nx, e - nx), nk;

	nk = n ? nextkind(s, lim, n) : N_END;
	/* A month or day before a date: "7 p.m. May 5". */
	if ((k & W_NAME) && nk == N_DIGIT)
		return 1;
	if (starter(s, lim, nx))
		return 0;
	/* A name word, or a bracket: "U.S. (English, weekly)". */
	if ((k & (W_NAME | W_TITLE)) || s[nx - 1] == '(' || s[nx - 1] == '[')
		return 1;
	/* Another abbreviation: "Acme Co. Ltd. said". */
	if ((k & (W_ABBR | W_NUMBER | W_INNER)) && e < lim && s[e] == '.')
		return 1;
	/* "6 p.m. Afterwards, we ate": a name seldom takes a comma there. */
	if (e < lim && (s[e] == ',' || s[e] == ';'))
		return 0;
	if (nk != N_LOWER)
		return 1;
	if ((c = connector(s, lim, n)) == 0)
		return 0;
	c = skipws(s, lim, c);
	return c < lim && nextkind(s, lim, c) == N_UPPER;
}

/* An abbreviation before a closing quote and a capital: 'at 5 p.m." Smith left.' */
static int
quoteend(const unsigned char *s, size_t lim, size_t j, int nk)
{
	return nk == N_UPPER && j < lim && closelen(s, lim, j) &&
	    s[j] != ')' && s[j] != ']' && s[j] != '}';
}

int
nib_sent_period(const unsigned char *s, size_t lim, size_t a, size_t i,
    size_t j, size_t nx, int nk)
{
	size_t w = wordstart(s, lim, a, i);

	/* "Q." and "A." label the sentence they start. */
	if (w == skipopen(s, i, a) && (nib_sent_lookup(s + w, i - w) & W_LABEL))
		return 0;
	switch (wordkind(s, w, i)) {
	case K_TITLE:
		return 0;
	case K_NUM:
		return nk != N_DIGIT && !ordinal(s, lim, a, w, i, nx);
	case K_NUMPRE:
		return nk != N_DIGIT;
	case K_ABBR:
		if (quoteend(s, lim, j, nk))
			return 1;
		return nk == N_UPPER && starter(s, lim, nx) && !prepphrase(s, a, i);
	case K_FINAL:
		if (quoteend(s, lim, j, nk))
			return 1;
		return nk == N_UPPER && !prepphrase(s, a, i) && !goeson(s, lim, nx);
	}
	return 1;
}

/* Is the word s[r..j) a web domain's last part ("Example.Com")? */
static int
domain(const unsigned char *s, size_t r, size_t j)
{
	unsigned char t[3];

	if (j - r != 3)
		return 0;
	for (size_t x = r; x < j; x++)
		t[x - r] = lower(s[x]);
	return memcmp(t, "com", 3) == 0 || memcmp(t, "org", 3) == 0 ||
	    memcmp(t, "net", 3) == 0 || memcmp(t, "edu", 3) == 0 ||
	    memcmp(t, "gov", 3) == 0;
}

/*
 * A period with no space after it ends a sentence only between a word (or
 * number) and a capitalised word: "world.Today", "1,000.That", but not
 * "U.S.A", "Jane.Doe@", "java.lang.String" or "Example.Com".
 */
int
nib_sent_glued(const unsigned char *s, size_t lim, size_t a, size_t i)
{
	size_t w, j, r = i + 1;
	int lowers = 0, k;

	/* Most glued periods are in numbers and names: look right first. */
	if (r + 1 >= lim || caseat(s, lim, r) != N_UPPER)
		return 0;
	w = wordstart(s, lim, a, i);
	if (i - w < 2)
		return 0;
	for (j = w; j < i; j++) {
		if (s[j] == '.' || s[j] == '/' || s[j] == '@' || s[j] == ':')
			return 0;
		if (s[j] >= 'a' && s[j] <= 'z')
			lowers = 1;
	}
	k = wordkind(s, w, i);
	if (k != K_NUM && (k != K_WORD || !lowers))
		return 0;
	j = r + charlen(s, lim, r);
	if (j >= lim || caseat(s, lim, j) != N_LOWER)
		return 0;
	j = r;
	while (j < lim && isalpha_(s[j]))
		j++;
	if (j < lim && (s[j] == '@' || s[j] == '/' || (s[j] == '.' && j + 1 < lim &&
	    (isalpha_(s[j + 1]) || isdigit_(s[j + 1])))))
		return 0;
	if ((j == lim || wslen(s, lim, j) || s[j] == '.') && domain(s, r, j))
		return 0;
	return 1;
}
