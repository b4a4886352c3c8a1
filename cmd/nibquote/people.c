/*
 * The table of persons a document names, found by surname through a
 * nib_words set (surname -> index + 1).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "people.h"

/* A document names a few hundred people at most; more are forgotten. */
#define MAXPERSON 1024

/* Short forms of titles, so that "the governor" finds "Gov. X". */
static const char *const alias[][2] = {
	{ "gov", "governor" }, { "sen", "senator" }, { "rep", "representative" },
	{ "gen", "general" }, { "prof", "professor" }, { "lt", "lieutenant" },
	{ "capt", "captain" }, { "sgt", "sergeant" }, { "dr", "doctor" },
	{ "pres", "president" }, { "supt", "superintendent" }, { NULL, NULL }
};

void
nq_title_of(const unsigned char *s, size_t n, char out[16])
{
	size_t k;

	if (n > 0 && s[n - 1] == '.')
		n--;
	for (k = 0; k < n && k < 15; k++)
		out[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
	out[k] = '\0';
	for (int i = 0; alias[i][0]; i++)
		if (strcmp(out, alias[i][0]) == 0) {
			strcpy(out, alias[i][1]);
			break;
		}
}

int
nq_sex_of(const unsigned char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n && s[k] != ' '; k++)
		;
	if (k == n)
		return 0;
	return nq_word(s, k) & (W_MALE | W_FEMALE);
}

int
nq_acronym(const unsigned char *s, size_t a, size_t b)
{
	if (b - a < 2)
		return 0;
	for (size_t i = a; i < b; i++)
		if (!(s[i] >= 'A' && s[i] <= 'Z'))
			return 0;
	return 1;
}

void
nq_names_init(struct nq_names *nm)
{
	memset(nm, 0, sizeof *nm);
	nm->last = nm->prev = nm->lasthe = nm->lastshe = -1;
	nib_words_init(&nm->surnames, 0);
}

void
nq_names_reset(struct nq_names *nm)
{
	for (size_t i = 0; i < nm->np; i++)
		free(nm->p[i].name);
	nib_words_clear(&nm->surnames);
	nm->np = 0;
	nm->last = nm->prev = nm->lasthe = nm->lastshe = -1;
	free(nm->group);
	nm->group = NULL;
	nm->org[0] = '\0';
	nm->stmt[0] = '\0';
}

void
nq_names_free(struct nq_names *nm)
{
	nq_names_reset(nm);
	free(nm->p);
	nib_words_free(&nm->surnames);
	memset(nm, 0, sizeof *nm);
}

void
nq_person_seen(struct nq_names *nm, long p)
{
	nm->p[p].seen = ++nm->tick;
	if (nm->last != p)
		nm->prev = nm->last;
	nm->last = p;
	if (nm->p[p].sex != W_FEMALE)
		nm->lasthe = p;
	if (nm->p[p].sex != W_MALE)
		nm->lastshe = p;
}

long
nq_person_find(const struct nq_names *nm, const unsigned char *s, size_t n)
{
	uint32_t v;

	return nib_words_find(&nm->surnames, s, n, &v) ? (long)v - 1 : -1;
}

/* Adds the person named s[0..n), which holds no NUL byte. */
static long
add(struct nq_names *nm, const unsigned char *s, size_t n, size_t last)
{
	long i = nq_person_find(nm, s + last, n - last);
	struct nq_person *p;

	if (i >= 0) {
		p = &nm->p[i];
		/* A longer name for the same surname wins: "Gavin Newsom". */
		if (p->len < n) {
			free(p->name);
			p->name = nib_strndup(s, n);
			p->len = n;
			p->last = last;
			if (nq_sex_of(s, n))
				p->sex = nq_sex_of(s, n);
		}
		return i;
	}
	if (nm->np >= MAXPERSON)
		return -1;
	if (nm->np == nm->cap) {
		nm->cap = nm->cap ? nm->cap * 2 : 32;
		nm->p = nib_realloc(nm->p, nm->cap, sizeof *nm->p);
	}
	p = &nm->p[nm->np];
	p->name = nib_strndup(s, n);
	p->len = n;
	p->last = last;
	p->sex = nq_sex_of(s, n);
	p->title[0] = '\0';
	p->seen = 0;
	nib_words_set(&nm->surnames, s + last, n - last, (uint32_t)nm->np + 1);
	return (long)nm->np++;
}

long
nq_person_add(struct nq_names *nm, const unsigned char *s, size_t n, size_t last)
{
	unsigned char *clean;
	size_t k = 0, cl = last;
	long r;

	if (memchr(s, 0, n) == NULL)
		return add(nm, s, n, last);
	/* Names are printed as C strings: a NUL byte inside one is left out. */
	clean = nib_realloc(NULL, n, 1);
	for (size_t i = 0; i < n; i++)
		if (s[i] != 0)
			clean[k++] = s[i];
		else if (i < last)
			cl--;
	r = add(nm, clean, k, cl);
	free(clean);
	return r;
}
