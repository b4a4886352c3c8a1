/*
 * sent_table: the segmenter's word tables, loaded from the lists compiled
 * in from common/data/ (abbrev.txt, starters.txt, ordinals.txt,
 * namewords.txt) and from files given with nib_sent_abbrev_file().
 *
 * One set of words (common/words.h, without ASCII case) holds every word
 * with the bit set of its kinds (W_* in sent_impl.h) as its value: a word
 * may be both an abbreviation and a sentence starter.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "sent_impl.h"
#include "words.h"
#include "nibdata.h"


static struct nib_words tab;
static int loaded;

int
nib_sent_lookup(const unsigned char *s, size_t n)
{
	return (int)nib_words_get(&tab, s, n);
}

/* Does the field s[0..n) start with word? */
static int
startswith(const unsigned char *s, size_t n, const char *word)
{
	size_t l = strlen(word);

	return n >= l && memcmp(s, word, l) == 0;
}

/*
 * The kind a line's second field rest[0..n) gives a word of a list whose
 * words are dflt by default.
 */
static int
fieldkind(const unsigned char *rest, size_t n, int dflt)
{
	if (dflt == W_ABBR && startswith(rest, n, "title"))
		return W_TITLE;
	if (dflt == W_ABBR && startswith(rest, n, "number"))
		return W_NUMBER;
	if (dflt == W_ABBR && startswith(rest, n, "final"))
		return W_ABBR | W_FINAL;
	if (dflt == W_ABBR && startswith(rest, n, "inner"))
		return W_INNER;
	if (dflt == W_ABBR && startswith(rest, n, "label"))
		return W_ABBR | W_LABEL;
	if (dflt == W_START && startswith(rest, n, "prep"))
		return W_START | W_PREP;
	if (dflt == W_ORDPRE && startswith(rest, n, "after"))
		return W_ORDPOST;
	return dflt;
}

/*
 * Adds the words of a list (common/words.h): a final period is dropped,
 * an optional second field gives the kind.
 */
static size_t
addlist(const unsigned char *s, size_t n, int dflt)
{
	struct nib_listline ln = { 0 };
	size_t pos = 0, added = 0, len;

	while (nib_list_next(s, n, &pos, 0, &ln)) {
		len = ln.wlen;
		if (ln.word[len - 1] == '.')
			len--;
		if (len == 0)
			continue;
		nib_words_add(&tab, ln.word, len, (uint32_t)fieldkind(ln.rest, ln.rlen, dflt));
		added++;
	}
	return added;
}

void
nib_sent_tables(void)
{
	if (loaded)
		return;
	loaded = 1;
	nib_words_init(&tab, NIB_WORDS_ICASE);
	addlist(nib_data_common_data_abbrev, nib_data_common_data_abbrev_len, W_ABBR);
	addlist(nib_data_common_data_starters, nib_data_common_data_starters_len, W_START);
	addlist(nib_data_common_data_ordinals, nib_data_common_data_ordinals_len, W_ORDPRE);
	addlist(nib_data_common_data_namewords, nib_data_common_data_namewords_len, W_NAME);
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
		NIB_GROW(buf, cap, n + 65536);
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
