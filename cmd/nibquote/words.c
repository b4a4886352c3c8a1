/*
 * Word classes, from the lists compiled in from the .txt files beside
 * this file (one word a line, '#' starts a comment); pronouns.txt gives
 * a rule after the word, verbs.txt may give a flag (+, = or <).
 */
#include <stdint.h>
#include <string.h>

#include "nq.h"
#include "words.h"
#include "nibdata.h"


/* Longer words are in no list. */
#define KEYMAX 23

static struct nib_words classes;
static int loaded;
/*
 * Which (length, first letter, last letter) the lists hold, letters by
 * their low five bits (so case does not matter): most words of running
 * text are turned away here before they are hashed.
 */
static uint32_t seen[KEYMAX + 1][32];

/* What a pronoun stands for, from the rule beside it in pronouns.txt. */
static int
pronoun_rule(const unsigned char *s, size_t n)
{
	size_t e = 0;

	while (e < n && s[e] != ' ' && s[e] != '\t')
		e++;
	if (e == 6 && memcmp(s, "person", 6) == 0)
		return W_PERSON;
	if (e == 2 && memcmp(s, "he", 2) == 0)
		return W_PERSON | W_MALE;
	if (e == 3 && memcmp(s, "she", 3) == 0)
		return W_PERSON | W_FEMALE;
	if (e == 5 && memcmp(s, "group", 5) == 0)
		return W_GROUP;
	return W_NONE;
}

/* Adds every word of one list with class cls (and the flags it gives). */
static void
load_list(const unsigned char *p, size_t len, int cls)
{
	struct nib_listline ln = { 0 };
	size_t pos = 0, n;
	int c;

	while (nib_list_next(p, len, &pos, 0, &ln)) {
		n = ln.wlen;
		if (n > 0 && ln.word[n - 1] == '.')
			n--;
		if (n == 0 || n > KEYMAX)
			continue;
		if (cls == W_PRONOUN)
			c = pronoun_rule(ln.rest, ln.rlen);
		else
			c = cls | (ln.rlen > 0 && ln.rest[0] == '+' ? W_INTRO : 0) |
			    (ln.rlen > 0 && ln.rest[0] == '=' ? W_NAMING : 0) |
			    (ln.rlen > 0 && ln.rest[0] == '<' ? W_AFTER : 0);
		nib_words_add(&classes, ln.word, n, (uint32_t)c);
		seen[n][ln.word[0] & 31] |= 1u << (ln.word[n - 1] & 31);
	}
}

void
nq_words_init(void)
{
	if (loaded)
		return;
	nib_words_init(&classes, NIB_WORDS_ICASE);
	load_list(nib_data_cmd_nibquote_verbs, nib_data_cmd_nibquote_verbs_len, W_VERB);
	load_list(nib_data_cmd_nibquote_titles, nib_data_cmd_nibquote_titles_len, W_TITLE);
	load_list(nib_data_cmd_nibquote_orgs, nib_data_cmd_nibquote_orgs_len, W_ORG);
	load_list(nib_data_cmd_nibquote_places, nib_data_cmd_nibquote_places_len, W_PLACE);
	load_list(nib_data_cmd_nibquote_stopcaps, nib_data_cmd_nibquote_stopcaps_len, W_STOP);
	load_list(nib_data_cmd_nibquote_adverbs, nib_data_cmd_nibquote_adverbs_len, W_ADV);
	load_list(nib_data_cmd_nibquote_pronouns, nib_data_cmd_nibquote_pronouns_len, W_PRONOUN);
	load_list(nib_data_cmd_nibquote_male, nib_data_cmd_nibquote_male_len, W_MALE);
	load_list(nib_data_cmd_nibquote_female, nib_data_cmd_nibquote_female_len, W_FEMALE);
	loaded = 1;
}

int
nq_word(const unsigned char *s, size_t n)
{
	if (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 0 || n > KEYMAX || !(seen[n][s[0] & 31] & (1u << (s[n - 1] & 31))))
		return 0;
	return (int)nib_words_get(&classes, s, n);
}
