/*
 * Placeholder segmenter: splits after . ! ? followed by white space.
 * The real one replaces this file (issue: nibsent); the API stays.
 */
#include <stdio.h>

#include "sent.h"

void
nib_sent_init(struct nib_sent *st, const unsigned char *s, size_t n)
{
	st->s = s;
	st->n = n;
	st->pos = 0;
}

static int
isws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

int
nib_sent_next(struct nib_sent *st, size_t *start, size_t *end)
{
	size_t i = st->pos;

	while (i < st->n && isws(st->s[i]))
		i++;
	if (i >= st->n)
		return 0;
	*start = i;
	for (; i < st->n; i++)
		if ((st->s[i] == '.' || st->s[i] == '!' || st->s[i] == '?') &&
		    (i + 1 == st->n || isws(st->s[i + 1]))) {
			i++;
			break;
		}
	*end = i;
	st->pos = i;
	return 1;
}

int
nib_sent_abbrev_file(const char *path)
{
	FILE *fp = fopen(path, "r");

	if (fp == NULL)
		return -1;
	fclose(fp);
	return 0;
}
