/*
 * Speakers as printed: a pronoun resolved to the last one named, a
 * surname alone to the full name the document gave before, "the
 * governor" to the governor named last.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "people.h"

/* Whether a speaker string is a name: capitalised words, no article. */
static int
isname(const char *sp, size_t *nwords, size_t *last)
{
	size_t n = 0;
	const char *p = sp;

	*last = 0;
	if (!(*p >= 'A' && *p <= 'Z') && (unsigned char)*p < 0xC3)
		return 0;
	for (;;) {
		const char *e = strchr(p, ' ');
		size_t l = e ? (size_t)(e - p) : strlen(p);

		if (!(*p >= 'A' && *p <= 'Z') && (unsigned char)*p < 0xC3)
			return 0;
		if (nq_word((const unsigned char *)p, l) & (W_STOP | W_ORG))
			return 0;
		*last = (size_t)(p - sp);
		n++;
		if (e == NULL)
			break;
		p = e + 1;
	}
	*nwords = n;
	return 1;
}

/* Whether person p's name is longer than sp[0..len) and ends with it. */
static int
endsname(const struct nq_person *p, const char *sp, size_t len)
{
	return p->len > len && p->name[p->len - len - 1] == ' ' &&
	    memcmp(p->name + p->len - len, sp, len) == 0;
}

/* A pronoun: the last person (man, woman) or group named. */
static char *
pronoun(const struct nq_names *nm, int pron)
{
	if (pron & W_PERSON) {
		long p = pron & W_MALE ? nm->lasthe :
		    pron & W_FEMALE ? nm->lastshe : nm->last;

		return p >= 0 ? nib_strndup(nm->p[p].name, nm->p[p].len) : NULL;
	}
	if (pron & W_GROUP) {
		const char *g = nm->group ? nm->group : nm->org;

		return *g ? nib_strndup(g, strlen(g)) : NULL;
	}
	return NULL;
}

/* The words of sp after "the ", and the classes of its last word, or 0. */
static int
thephrase(const char *sp, size_t len, size_t *lastw)
{
	const char *w;
	int words = 1;

	if (len <= 4 || strncasecmp(sp, "the ", 4) != 0)
		return 0;
	for (const char *c = sp + 4; *c; c++)
		words += *c == ' ';
	if (words > 3)
		return 0;
	w = strrchr(sp, ' ') + 1;
	*lastw = (size_t)(w - sp);
	return nq_word((const unsigned char *)w, len - *lastw);
}

/* "the governor": the governor named last, or -1. */
static long
titled(const struct nq_names *nm, const char *sp, size_t len)
{
	char want[16];
	long best = -1;

	size_t lw;

	/* "the governor", and "the Pose actor": the last word */
	if (!(thephrase(sp, len, &lw) & W_TITLE))
		return -1;
	nq_title_of((const unsigned char *)sp + lw, len - lw, want);
	for (size_t i = 0; i < nm->np; i++)
		if (strcmp(nm->p[i].title, want) == 0 &&
		    (best < 0 || nm->p[i].seen > nm->p[best].seen))
			best = (long)i;
	return best;
}

int
nq_yearold(const char *sp)
{
	const char *d;

	if (strncasecmp(sp, "the ", 4) != 0)
		return 0;
	for (d = sp + 4; *d >= '0' && *d <= '9'; d++)
		;
	return d > sp + 4 && d - sp <= 7 && strcmp(d, "-year-old") == 0;
}

/*
 * A role noun ("the actor", "the senator", "the spokeswoman") when no
 * one with that title was named: the last person named, of that sex when
 * the noun tells it.  "the latter" and "the former": the last and the one
 * before.
 */
static long
rolenoun(const struct nq_names *nm, const char *sp, size_t len)
{
	size_t lw;
	int cls = thephrase(sp, len, &lw);

	if (len == 10 && strcasecmp(sp, "the latter") == 0)
		return nm->last;
	/* "the 26-year-old": an age stands for the person just named */
	if (nq_yearold(sp))
		return nm->last;
	if (len == 10 && strcasecmp(sp, "the former") == 0)
		return nm->prev;
	/* A role alone names no one: "the spokesperson" is often one the
	 * text never named (the real set says so); only a sex it tells
	 * picks the last woman or man named. */
	if (!(cls & W_TITLE) || (cls & W_ORG))
		return -1;
	if (cls & W_FEMALE)
		return nm->lastshe;
	if (cls & W_MALE)
		return nm->lasthe;
	return -1;
}

/*
 * The last group that spoke, when it is an organisation's name ("the
 * Harbor Group said ... the company wrote"), or NULL.
 */
static char *
orggroup(const struct nq_names *nm)
{
	const char *g = nm->group, *w;
	int org = 0;

	if (g == NULL)
		return NULL;
	if (strncasecmp(g, "the ", 4) == 0)
		g += 4;
	for (w = g; *w; w += strcspn(w, " "), w += *w == ' ') {
		if (!(*w >= 'A' && *w <= 'Z'))
			return NULL;
		org |= nq_word((const unsigned char *)w, strcspn(w, " ")) & W_ORG;
	}
	return org ? nib_strndup(g, strlen(g)) : NULL;
}

/*
 * Whether a word of the organisation's name and a word of the role begin
 * alike, four letters or more, case aside ("Productions", "production").
 */
static int
sharesword(const char *org, const char *role)
{
	for (const char *o = org; *o; o += strcspn(o, " "), o += *o == ' ')
		for (const char *r = role; *r; r += strcspn(r, " "), r += *r == ' ') {
			size_t lo = strcspn(o, " "), lr = strcspn(r, " ");
			size_t m = lo < lr ? lo : lr;

			if (m >= 4 && strncasecmp(o, r, m - (m > 4)) == 0)
				return 1;
		}
	return 0;
}

/*
 * "the company", "the production company": the organisation named last,
 * when the phrase ends in a word that makes a name an organisation's.
 */
static char *
orgnoun(const struct nq_names *nm, const char *sp, size_t len)
{
	size_t lw;

	/* "the statement": who gave it, when the text said so */
	if (len == 13 && strcasecmp(sp, "the statement") == 0)
		return nm->stmt[0] ? nib_strndup(nm->stmt, strlen(nm->stmt)) : NULL;
	if (nm->org[0] == '\0' || !(thephrase(sp, len, &lw) & W_ORG))
		return NULL;
	/* a role in lower case, not a name ("the Arab League") */
	for (const char *c = sp + 4; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			return NULL;
	/* a country is no speaker's organisation ("UK") */
	if (nq_word((const unsigned char *)nm->org, strlen(nm->org)) & W_PLACE)
		return NULL;
	/* "the production company" is "Dick Clark Productions", "the
	 * agency" "CBP"; "the club" is not "Home Office" */
	if (!nq_acronym((const unsigned char *)nm->org, 0, strlen(nm->org)) &&
	    !sharesword(nm->org, sp + 4))
		return orggroup(nm);
	return nib_strndup(nm->org, strlen(nm->org));
}

char *
nq_names_speaker(struct nq_names *nm, const struct nq_attr *at)
{
	char *o;

	const unsigned char *u = (const unsigned char *)at->speaker;
	size_t nw, last, len;
	long p;

	if (at->speaker == NULL)
		return NULL;
	if (at->pron)
		return pronoun(nm, at->pron);
	len = strlen(at->speaker);
	if ((o = orgnoun(nm, at->speaker, len)) != NULL)
		return o;
	if ((p = titled(nm, at->speaker, len)) >= 0 ||
	    (p = rolenoun(nm, at->speaker, len)) >= 0) {
		nq_person_seen(nm, p);
		return nib_strndup(nm->p[p].name, nm->p[p].len);
	}

	if (isname(at->speaker, &nw, &last) && !nq_acronym(u, 0, len)) {
		if (nw == 1 && (p = nq_person_find(nm, u, len)) >= 0) {
			nq_person_seen(nm, p);
			return nib_strndup(nm->p[p].name, nm->p[p].len);
		}
		if (nw >= 2 && nw <= 4 && (p = nq_person_add(nm, u, len, last)) >= 0) {
			nq_person_seen(nm, p);
			/* "Hawk Sawyer" once "Kathleen Hawk Sawyer" is known */
			if (endsname(&nm->p[p], at->speaker, len))
				return nib_strndup(nm->p[p].name, nm->p[p].len);
		}
		if (nw == 1 && (p = nq_person_add(nm, u, len, 0)) >= 0)
			nq_person_seen(nm, p);
		return nib_strndup(at->speaker, len);
	}
	free(nm->group);
	nm->group = nib_strndup(at->speaker, len);
	return nib_strndup(at->speaker, len);
}

int
nq_names_person(const struct nq_names *nm, const char *name)
{
	const char *sp = strrchr(name, ' ');
	const char *sur = sp ? sp + 1 : name;
	long p = nq_person_find(nm, (const unsigned char *)sur, strlen(sur));

	return p >= 0 && strcmp(nm->p[p].name, name) == 0;
}

int
nq_names_known(const struct nq_names *nm, const char *name)
{
	if (strchr(name, ' ') != NULL)
		return 1;
	return nq_person_find(nm, (const unsigned char *)name, strlen(name)) >= 0;
}

int
nq_names_sex(const struct nq_names *nm, const char *name)
{
	const char *sp = strrchr(name, ' ');
	const char *sur = sp ? sp + 1 : name;
	long p = nq_person_find(nm, (const unsigned char *)sur, strlen(sur));

	if (p >= 0 && nm->p[p].sex)
		return nm->p[p].sex;
	return nq_sex_of((const unsigned char *)name, strlen(name));
}
