/*
 * people: the persons a document has named, inside nibquote's names
 * module (names.c reads speakers, namescan.c reads the text, people.c
 * keeps the table).  One person a surname: a longer name given for the
 * same surname replaces the shorter one.
 */
#ifndef NQ_PEOPLE_H
#define NQ_PEOPLE_H
#include <stddef.h>

#include "nq.h"

struct nq_person {
	char *name;
	size_t len;
	size_t last;		/* offset of the surname in name */
	int sex;		/* W_MALE, W_FEMALE or 0 */
	char title[16];		/* "governor" for "Gov. Henry Castellano" */
	unsigned long seen;	/* when last named */
};

/* The person whose surname is s[0..n) (case matters), or -1. */
long nq_person_find(const struct nq_names *nm, const unsigned char *s, size_t n);
/*
 * Adds the person named s[0..n) whose surname starts at s + last, or
 * gives the longer name to the person with that surname; returns the
 * index, or -1 when the document named too many people.
 */
long nq_person_add(struct nq_names *nm, const unsigned char *s, size_t n,
    size_t last);
/* Makes person p the last one named (and the last he or she). */
void nq_person_seen(struct nq_names *nm, long p);
/* The title s[0..n) in lower case and long form ("Gov." -> "governor"). */
void nq_title_of(const unsigned char *s, size_t n, char out[16]);
/* The sex the given name of s[0..n) tells (W_MALE, W_FEMALE), or 0. */
int nq_sex_of(const unsigned char *s, size_t n);
/* Whether s[a..b) is two or more capital ASCII letters ("IRS"). */
int nq_acronym(const unsigned char *s, size_t a, size_t b);

/* around.c: whether " (ABC)" follows s[i] (two or more capitals). */
int nq_abbrevnext(const unsigned char *s, size_t n, size_t i);
/* Whether "<Capitalised> for " comes right before s[a]. */
int nq_forname(const unsigned char *s, size_t a);
/* Whether " issued a statement", " said in a statement" follows s[i]. */
int nq_statementnext(const unsigned char *s, size_t n, size_t i);

#endif
