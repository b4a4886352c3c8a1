/*
 * sent_table: the segmenter's word tables, loaded from the lists compiled
 * in from common/data/ (abbrev.txt, starters.txt, ordinals.txt) and from
 * files given with nib_sent_abbrev_file().
 *
 * One open-addressing table holds every word, lower-cased, with the bit
 * set of its kinds (W_* in sent_impl.h): a word may be both an
 * abbreviation and a sentence starter.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "mem.h"
#include "sent_chars.h"
#include "sent_impl.h"

extern const unsigned char nib_data_abbrev[], nib_data_starters[],
    nib_data_ordinals[];
extern const size_t nib_data_abbrev_len, nib_data_starters_len,
    nib_data_ordinals_len;

#define KEYMAX 31

struct word {
	unsigned char key[KEYMAX];
	unsigned char len;
	unsigned char kind;
};

static struct word *tab;
static size_t tabcap, tabused, tabmax;	/* tabmax: longest key */

static void
tabput(const unsigned char *k, size_t n, int kind)
{
	size_t i;

	if (tabused * 2 >= tabcap) {
		struct word *old = tab;
		size_t oldcap = tabcap;

		tabcap = tabcap ? tabcap * 2 : 1024;
		tab = nib_calloc(tabcap, sizeof *tab);
		tabused = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].len)
				tabput(old[i].key, old[i].len, old[i].kind);
		free(old);
	}
	for (i = nib_fnv(k, n) & (tabcap - 1); tab[i].len; i = (i + 1) & (tabcap - 1))
		if (tab[i].len == n && memcmp(tab[i].key, k, n) == 0) {
			tab[i].kind |= kind;
			return;
		}
	memcpy(tab[i].key, k, n);
	if (n > tabmax)
		tabmax = n;
	tab[i].len = (unsigned char)n;
	tab[i].kind = (unsigned char)kind;
	tabused++;
}

int
nib_sent_lookup(const unsigned char *s, size_t n)
{
	unsigned char k[KEYMAX];
	size_t i;

	if (n == 0 || n > tabmax)
		return 0;
	for (i = 0; i < n; i++)
		k[i] = lower(s[i]);
	for (i = nib_fnv(k, n) & (tabcap - 1); tab[i].len; i = (i + 1) & (tabcap - 1))
		if (tab[i].len == n && memcmp(tab[i].key, k, n) == 0)
			return tab[i].kind;
	return 0;
}

/*
 * The kind a line's second field (starting at s[f], the line ending at e)
 * gives a word of a list whose words are dflt by default.
 */
static int
fieldkind(const unsigned char *s, size_t f, size_t e, int dflt)
{
	if (dflt == W_ABBR && e - f >= 5 && memcmp(s + f, "title", 5) == 0)
		return W_TITLE;
	if (dflt == W_ABBR && e - f >= 6 && memcmp(s + f, "number", 6) == 0)
		return W_NUMBER;
	if (dflt == W_START && e - f >= 4 && memcmp(s + f, "prep", 4) == 0)
		return W_START | W_PREP;
	if (dflt == W_ORDPRE && e - f >= 5 && memcmp(s + f, "after", 5) == 0)
		return W_ORDPOST;
	return dflt;
}

/*
 * Adds the words of a list: one a line, '#' starts a comment, a final
 * period is dropped, an optional second field gives the kind.
 */
static size_t
addlist(const unsigned char *s, size_t n, int dflt)
{
	size_t i = 0, added = 0;

	while (i < n) {
		size_t e = i, a, b, f;
		unsigned char k[KEYMAX];
		int kind;

		while (e < n && s[e] != '\n')
			e++;
		a = i;
		while (a < e && (s[a] == ' ' || s[a] == '\t'))
			a++;
		b = a;
		while (b < e && s[b] != ' ' && s[b] != '\t' && s[b] != '\r' && s[b] != '#')
			b++;
		f = b;
		while (f < e && (s[f] == ' ' || s[f] == '\t'))
			f++;
		kind = fieldkind(s, f, e, dflt);
		if (b > a && s[b - 1] == '.')
			b--;
		if (b > a && b - a <= KEYMAX) {
			for (size_t j = a; j < b; j++)
				k[j - a] = lower(s[j]);
			tabput(k, b - a, kind);
			added++;
		}
		i = e + 1;
	}
	return added;
}

void
nib_sent_tables(void)
{
	if (tab != NULL)
		return;
	addlist(nib_data_abbrev, nib_data_abbrev_len, W_ABBR);
	addlist(nib_data_starters, nib_data_starters_len, W_START);
	addlist(nib_data_ordinals, nib_data_ordinals_len, W_ORDPRE);
}

size_t
nib_sent_abbrev_add(const unsigned char *s, size_t n)
{
	nib_sent_tables();
	return addlist(s, n, W_ABBR);
}

int
nib_sent_abbrev_file(const char *path)
{
	FILE *fp = fopen(path, "r");
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (fp == NULL)
		return -1;
	do {
		nib_grow(&buf, &cap, n + 65536);
		r = fread(buf + n, 1, cap - n, fp);
		n += r;
	} while (r > 0);
	if (ferror(fp)) {
		int e = errno;

		fclose(fp);
		free(buf);
		errno = e ? e : EIO;
		return -1;
	}
	fclose(fp);
	nib_sent_abbrev_add(buf, n);
	free(buf);
	return 0;
}
