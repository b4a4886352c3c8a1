/*
 * Word lists, compiled in from the .txt files beside this file: one word
 * a line, '#' starts a comment; pronouns.txt gives a rule after the word.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "nq.h"
#include "keys.h"

extern const unsigned char nib_data_verbs[], nib_data_titles[],
    nib_data_orgs[], nib_data_places[], nib_data_stopcaps[],
    nib_data_adverbs[], nib_data_pronouns[], nib_data_male[], nib_data_female[];
extern const size_t nib_data_verbs_len, nib_data_titles_len,
    nib_data_orgs_len, nib_data_places_len, nib_data_stopcaps_len,
    nib_data_adverbs_len, nib_data_pronouns_len, nib_data_male_len,
    nib_data_female_len;

/* Longer words are in no list, so keys are short and fixed. */
#define KEYMAX 23
#define NSLOT 4096

struct slot {
	unsigned char len;
	char key[KEYMAX];
	int cls;
};

static struct slot table[NSLOT];
/* Which (length, first, last letter) any list holds: most words are in none. */
static unsigned char seen[KEYMAX + 1][32][32];


/* Folds s[0..n) to lower case into k; returns the length or 0. */
static size_t
fold(const unsigned char *s, size_t n, unsigned char *k)
{
	if (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 0 || n > KEYMAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		k[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i];
	return n;
}

static void
add(const unsigned char *s, size_t n, int cls)
{
	unsigned char k[KEYMAX];
	uint32_t h;

	if ((n = fold(s, n, k)) == 0)
		return;
	for (h = nib_fnv(k, n) % NSLOT; table[h].len; h = (h + 1) % NSLOT)
		if (table[h].len == n && memcmp(table[h].key, k, n) == 0) {
			table[h].cls |= cls;
			return;
		}
	table[h].len = (unsigned char)n;
	memcpy(table[h].key, k, n);
	table[h].cls = cls;
	seen[n][k[0] & 31][k[n - 1] & 31] = 1;
}

static int
rule(const unsigned char *s, size_t n)
{
	if (n == 6 && memcmp(s, "person", 6) == 0)
		return W_PERSON;
	if (n == 2 && memcmp(s, "he", 2) == 0)
		return W_PERSON | W_MALE;
	if (n == 3 && memcmp(s, "she", 3) == 0)
		return W_PERSON | W_FEMALE;
	if (n == 5 && memcmp(s, "group", 5) == 0)
		return W_GROUP;
	return W_NONE;
}

static void
load(const unsigned char *d, size_t len, int cls)
{
	size_t i = 0, a, b, c;

	while (i < len) {
		for (a = i; i < len && d[i] != '\n'; i++)
			;
		b = i++;
		for (c = a; c < b && d[c] != '#'; c++)
			;
		b = c;
		while (a < b && (d[a] == ' ' || d[a] == '\t'))
			a++;
		for (c = a; c < b && d[c] != ' ' && d[c] != '\t'; c++)
			;
		if (c == a)
			continue;
		if (cls == W_PRONOUN) {
			size_t r = c;

			while (r < b && (d[r] == ' ' || d[r] == '\t'))
				r++;
			size_t e = r;
			while (e < b && d[e] != ' ' && d[e] != '\t')
				e++;
			add(d + a, c - a, rule(d + r, e - r));
		} else {
			size_t r = c;

			while (r < b && (d[r] == ' ' || d[r] == '\t'))
				r++;
			add(d + a, c - a, cls | (r < b && d[r] == '+' ? W_INTRO : 0) |
			    (r < b && d[r] == '=' ? W_NAMING : 0));
		}
	}
}

void
nq_words_init(void)
{
	static int done;

	if (done)
		return;
	load(nib_data_verbs, nib_data_verbs_len, W_VERB);
	load(nib_data_titles, nib_data_titles_len, W_TITLE);
	load(nib_data_orgs, nib_data_orgs_len, W_ORG);
	load(nib_data_places, nib_data_places_len, W_PLACE);
	load(nib_data_stopcaps, nib_data_stopcaps_len, W_STOP);
	load(nib_data_adverbs, nib_data_adverbs_len, W_ADV);
	load(nib_data_pronouns, nib_data_pronouns_len, W_PRONOUN);
	load(nib_data_male, nib_data_male_len, W_MALE);
	load(nib_data_female, nib_data_female_len, W_FEMALE);
	done = 1;
}

int
nq_word(const unsigned char *s, size_t n)
{
	uint32_t h = NIB_FNV_INIT;

	if (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 0 || n > KEYMAX || !seen[n][s[0] & 31][s[n - 1] & 31])
		return 0;
	/* nib_fnv() of the folded word, without folding a copy */
	for (size_t i = 0; i < n; i++)
		h = nib_fnv_step(h, s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	for (h %= NSLOT; table[h].len; h = (h + 1) % NSLOT)
		if (table[h].len == n && strncasecmp(table[h].key, (const char *)s, n) == 0)
			return table[h].cls;
	return 0;
}
