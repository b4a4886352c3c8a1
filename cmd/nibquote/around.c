/*
 * What stands around a run of capitalised words and tells what the run
 * is (for namescan.c): its abbreviation after it, "for" before it, a
 * statement it gave.
 */
#include <string.h>

#include "people.h"

/* Letters, digits, and bytes of non-ASCII letters. */
static int
isword(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80 || c == '-' || c == '\'';
}

/*
 * Whether " issued a statement", " said in a statement" follows s[i]: a
 * word in lower case, "a", "an" or "in a", at most one word more ("a
 * brief statement"), then "statement".  Most runs fail at the second word.
 */
int
nq_statementnext(const unsigned char *s, size_t n, size_t i)
{
	size_t j;

	if (i + 14 > n || s[i] != ' ' || s[i + 1] < 'a' || s[i + 1] > 'z')
		return 0;
	for (j = i + 2; j < n && s[j] >= 'a' && s[j] <= 'z'; j++)
		;
	if (j + 3 > n || s[j] != ' ')
		return 0;
	if (j + 6 <= n && memcmp(s + j, " in a ", 6) == 0)
		j += 5;
	else if (j + 4 <= n && memcmp(s + j, " an ", 4) == 0)
		j += 3;
	else if (memcmp(s + j, " a ", 3) == 0)
		j += 2;
	else
		return 0;
	for (int w = 0; w < 2 && j < n && s[j] == ' '; w++) {
		size_t a = ++j;

		while (j < n && s[j] >= 'a' && s[j] <= 'z')
			j++;
		if (j - a == 9 && memcmp(s + a, "statement", 9) == 0)
			return 1;
	}
	return 0;
}

/* Whether " (ABC)" follows s[i]: two or more capitals in brackets. */
int
nq_abbrevnext(const unsigned char *s, size_t n, size_t i)
{
	size_t j;

	if (i + 2 >= n || s[i] != ' ' || s[i + 1] != '(')
		return 0;
	for (j = i + 2; j < n && s[j] >= 'A' && s[j] <= 'Z'; j++)
		;
	return j - (i + 2) >= 2 && j < n && s[j] == ')';
}

/* Whether "<Capitalised> for " comes right before s[a]. */
int
nq_forname(const unsigned char *s, size_t a)
{
	size_t b;

	if (a < 7 || memcmp(s + a - 5, " for ", 5) != 0)
		return 0;
	for (b = a - 5; b > 0 && isword(s[b - 1]); b--)
		;
	return b < a - 5 && s[b] >= 'A' && s[b] <= 'Z';
}
