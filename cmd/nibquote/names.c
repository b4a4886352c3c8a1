/*
 * Names a document gives: runs of capitalised words, read as a person
 * ("Kristi Noem", "Gov. Gavin Newsom", "Noem" once Kristi Noem is known)
 * or an organisation ("Treasury Department", "IRS").  Pronouns in
 * attributions are resolved to the last one named; a surname alone is
 * printed as the full name the document gave before.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "nq.h"
#include "quote.h"
#include "utf8.h"
#include "keys.h"

struct nq_person {
	char *name;
	size_t len;
	size_t last;		/* offset of the surname in name */
	int sex;		/* W_MALE, W_FEMALE or 0 */
	char title[16];		/* "governor" for "Gov. Henry Castellano" */
	unsigned long seen;	/* when last named */
};

/* Short forms of titles, so that "the governor" finds "Gov. X". */
static const char *const alias[][2] = {
	{ "gov", "governor" }, { "sen", "senator" }, { "rep", "representative" },
	{ "gen", "general" }, { "prof", "professor" }, { "lt", "lieutenant" },
	{ "capt", "captain" }, { "sgt", "sergeant" }, { "dr", "doctor" },
	{ "pres", "president" }, { "supt", "superintendent" }, { NULL, NULL }
};

/* The title s[0..n), lower case, long form, into out (16 bytes). */
static void
titleof(const unsigned char *s, size_t n, char *out)
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

/* The sex a given name tells: "Mary Smith" is a woman. */
static int
sexof(const unsigned char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n && s[k] != ' '; k++)
		;
	if (k == n)
		return 0;
	return nq_word(s, k) & (W_MALE | W_FEMALE);
}

static void
setlast(struct nq_names *nm, long p)
{
	static unsigned long tick;

	nm->p[p].seen = ++tick;
	nm->last = p;
	if (nm->p[p].sex != W_FEMALE)
		nm->lasthe = p;
	if (nm->p[p].sex != W_MALE)
		nm->lastshe = p;
}

/* A document names a few hundred people at most; more are forgotten. */
#define MAXPERSON 1024
#define HCAP 2048
#define MAXWORDS 8


void
nq_names_init(struct nq_names *nm)
{
	memset(nm, 0, sizeof *nm);
	nm->last = nm->lasthe = nm->lastshe = -1;
	nm->hcap = HCAP;
	nm->hash = nib_realloc(NULL, HCAP, sizeof *nm->hash);
	for (size_t i = 0; i < HCAP; i++)
		nm->hash[i] = -1;
}

void
nq_names_reset(struct nq_names *nm)
{
	for (size_t i = 0; i < nm->np; i++) {
		uint32_t h = nib_fnv((unsigned char *)nm->p[i].name + nm->p[i].last,
		    nm->p[i].len - nm->p[i].last) % HCAP;

		while (nm->hash[h] >= 0) {
			nm->hash[h] = -1;
			h = (h + 1) % HCAP;
		}
		free(nm->p[i].name);
	}
	nm->np = 0;
	nm->last = nm->lasthe = nm->lastshe = -1;
	free(nm->group);
	nm->group = NULL;
	nm->org[0] = '\0';
}

void
nq_names_free(struct nq_names *nm)
{
	nq_names_reset(nm);
	free(nm->p);
	free(nm->hash);
	memset(nm, 0, sizeof *nm);
}

/* The person whose surname is s[0..n), or -1. */
static long
lookup(const struct nq_names *nm, const unsigned char *s, size_t n)
{
	for (uint32_t h = nib_fnv(s, n) % HCAP; nm->hash[h] >= 0; h = (h + 1) % HCAP) {
		const struct nq_person *p = &nm->p[nm->hash[h]];

		if (p->len - p->last == n && memcmp(p->name + p->last, s, n) == 0)
			return nm->hash[h];
	}
	return -1;
}

/* Adds the person named s[0..n) (surname at s + last); returns its index. */
static long
addperson(struct nq_names *nm, const unsigned char *s, size_t n, size_t last)
{
	long i = lookup(nm, s + last, n - last);
	uint32_t h;

	if (i >= 0) {
		/* A longer name for the same surname wins: "Gavin Newsom". */
		if (nm->p[i].len < n) {
			free(nm->p[i].name);
			nm->p[i].name = nib_strndup(s, n);
			nm->p[i].len = n;
			nm->p[i].last = last;
			if (sexof(s, n))
				nm->p[i].sex = sexof(s, n);
		}
		return i;
	}
	if (nm->np >= MAXPERSON)
		return -1;
	if (nm->np == nm->cap) {
		nm->cap = nm->cap ? nm->cap * 2 : 32;
		nm->p = nib_realloc(nm->p, nm->cap, sizeof *nm->p);
	}
	nm->p[nm->np].name = nib_strndup(s, n);
	nm->p[nm->np].len = n;
	nm->p[nm->np].last = last;
	nm->p[nm->np].sex = sexof(s, n);
	nm->p[nm->np].title[0] = '\0';
	nm->p[nm->np].seen = 0;
	for (h = nib_fnv(s + last, n - last) % HCAP; nm->hash[h] >= 0; h = (h + 1) % HCAP)
		;
	nm->hash[h] = (long)nm->np;
	return (long)nm->np++;
}

/* Bytes that are part of a word: letters, digits, non-ASCII, - and '. */
static unsigned char wordtab[256];

static int
wordbyte(unsigned char c)
{
	return wordtab[c];
}

static int
upperat(const unsigned char *s, size_t n, size_t i)
{
	int32_t cp;

	if (s[i] < 0x80)
		return s[i] >= 'A' && s[i] <= 'Z';
	if (s[i] < 0xC3)
		return 0;
	nib_utf8_decode(s + i, n - i, &cp);
	return nib_isupper(cp);
}

/* End of the word that starts at s[i]; *dot set when it ended a sentence. */
static size_t
wordend(const unsigned char *s, size_t n, size_t i, int *dot)
{
	size_t j = i;

	*dot = 0;
	while (j < n) {
		if (s[j] >= 0x80) {
			/* ’s ends a name (Trump’s); other non-ASCII is letters. */
			if (j > i && nib_qmark_len(s, n, j) > 0)
				break;
			j++;
		} else if (wordbyte(s[j]) && !(s[j] == '\'' && (j + 1 >= n ||
		    s[j + 1] == 's' || !wordbyte(s[j + 1]))))
			j++;
		else
			break;
	}
	if (j < n && s[j] == '.') {
		if (j - i == 1 || (nq_word(s + i, j - i) & W_TITLE) ||
		    memchr(s + i, '.', j - i))
			j++;	/* an initial or a title: "J." "Gov." */
		else
			*dot = 1;
	}
	return j;
}

static int
acronym(const unsigned char *s, size_t a, size_t b)
{
	if (b - a < 2)
		return 0;
	for (size_t i = a; i < b; i++)
		if (!(s[i] >= 'A' && s[i] <= 'Z'))
			return 0;
	return 1;
}

static void
setorg(struct nq_names *nm, const unsigned char *s, size_t a, size_t b)
{
	if (b - a >= sizeof nm->org)
		b = a + sizeof nm->org - 1;
	memcpy(nm->org, s + a, b - a);
	nm->org[b - a] = '\0';
}

/* Whether s[a..b) ends like a verb form or an adverb: -ing, -ed, -ly. */
static int
endsin(const unsigned char *s, size_t b)
{
	return (s[b - 3] == 'i' && s[b - 2] == 'n' && s[b - 1] == 'g') ||
	    (s[b - 2] == 'e' && s[b - 1] == 'd') || (s[b - 2] == 'l' && s[b - 1] == 'y');
}

/* Reads the run of capitalised words at s[i]; returns where it ends. */
static size_t
run(struct nq_names *nm, const unsigned char *s, size_t n, size_t i)
{
	size_t wa[MAXWORDS], wb[MAXWORDS];
	int cls[MAXWORDS];
	int nw = 0, k, dot = 0, titled = 0, org = 0;

	while (nw < MAXWORDS) {
		wa[nw] = i;
		wb[nw] = i = wordend(s, n, i, &dot);
		if (wb[nw] == wa[nw])
			return nw == 0 ? i + 1 : i;	/* always move on */
		nw++;
		if (dot || i + 1 >= n || s[i] != ' ' || !upperat(s, n, i + 1))
			break;
		i++;
	}
	/* "Hosting Cook": a verb or adverb that opens a sentence is no name. */
	if (nw > 1 && wb[0] - wa[0] > 4 && endsin(s, wb[0])) {
		memmove(wa, wa + 1, (size_t)(nw - 1) * sizeof *wa);
		memmove(wb, wb + 1, (size_t)(nw - 1) * sizeof *wb);
		nw--;
	}
	/* One word alone (most are "The", "In", or a surname): no list. */
	if (nw == 1) {
		long p;

		if (acronym(s, wa[0], wb[0]))
			setorg(nm, s, wa[0], wb[0]);
		else if ((p = lookup(nm, s + wa[0], wb[0] - wa[0])) >= 0)
			setlast(nm, p);
		return i;
	}
	for (k = 0; k < nw; k++) {
		cls[k] = nq_word(s + wa[k], wb[k] - wa[k]);
		org |= cls[k] & W_ORG;
	}
	/* An organisation, or one acronym: "Treasury Department", "IRS". */
	if (org || (nw == 1 && acronym(s, wa[0], wb[0]))) {
		for (k = 0; k < nw - 1 && (cls[k] & (W_STOP | W_TITLE)); k++)
			;
		setorg(nm, s, wa[k], wb[nw - 1]);
		return i;
	}
	/* Sentence openers and titles go; a title makes it a person. */
	for (k = 0; k < nw; k++) {
		if ((cls[k] & W_TITLE) && k + 1 < nw) {
			titled = 1;
			continue;
		}
		if (!(cls[k] & W_STOP))
			break;
	}
	/* The last title counts: "Homeland Security Secretary Kristi Noem". */
	for (int j = nw - 1; j > k; j--)
		if (cls[j - 1] & W_TITLE) {
			if (!(cls[j] & W_TITLE)) {
				k = j;
				titled = 1;
			}
			break;
		}
	if (k >= nw || (cls[k] & W_PLACE))
		return i;
	if (nw - k == 1) {
		long p = lookup(nm, s + wa[k], wb[k] - wa[k]);

		if (p < 0 && titled)
			p = addperson(nm, s + wa[k], wb[k] - wa[k], 0);
		if (p >= 0) {
			setlast(nm, p);
			if (titled && k > 0)
				titleof(s + wa[k - 1], wb[k - 1] - wa[k - 1], nm->p[p].title);
		}
		return i;
	}
	if (nw - k <= 4) {
		long p = addperson(nm, s + wa[k], wb[nw - 1] - wa[k], wa[nw - 1] - wa[k]);

		if (p >= 0) {
			setlast(nm, p);
			if (titled && k > 0)
				titleof(s + wa[k - 1], wb[k - 1] - wa[k - 1], nm->p[p].title);
		}
	}
	return i;
}

#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL

/* Bytes that may start a capitalised word: A-Z, and lead bytes of letters. */
static unsigned char capstart[256];

void
nq_names_scan(struct nq_names *nm, const unsigned char *s, size_t from, size_t to)
{
	size_t i = from;

	if (!capstart['A']) {
		for (int c = 0; c < 256; c++)
			wordtab[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c >= 0x80 || c == '-' || c == '\'';
		for (int c = 'A'; c <= 'Z'; c++)
			capstart[c] = 1;
		for (int c = 0xC3; c < 0xF5; c++)
			capstart[c] = 1;
	}
	for (;;) {
		/* Eight bytes at a time past words with no capital and no
		 * non-ASCII byte. */
		for (; i + 8 <= to; i += 8) {
			uint64_t w, t;

			memcpy(&w, s + i, 8);
			/* high bit of each byte set where 0x41 <= byte < 0x5B */
			t = ((w | HIGH) - ONES * 0x41) & ~((w | HIGH) - ONES * 0x5B) & ~w & HIGH;
			if (t || (w & HIGH))
				break;
		}
		while (i < to && !capstart[s[i]])
			i++;
		if (i >= to)
			break;
		if ((i == from || !wordbyte(s[i - 1])) && upperat(s, to, i)) {
			i = run(nm, s, to, i);
			continue;
		}
		i++;
	}
}

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

char *
nq_names_speaker(struct nq_names *nm, const struct nq_attr *at)
{
	size_t nw, last, len;
	long p;

	if (at->speaker == NULL)
		return NULL;
	if (at->pron) {
		if (at->pron & W_PERSON) {
			long p = at->pron & W_MALE ? nm->lasthe :
			    at->pron & W_FEMALE ? nm->lastshe : nm->last;

			return p >= 0 ? nib_strndup(nm->p[p].name, nm->p[p].len) : NULL;
		}
		if (at->pron & W_GROUP) {
			const char *g = nm->group ? nm->group : nm->org;

			return *g ? nib_strndup(g, strlen(g)) : NULL;
		}
		return NULL;
	}
	len = strlen(at->speaker);
	/* "the governor": the governor named last. */
	if (len > 4 && strncasecmp(at->speaker, "the ", 4) == 0 &&
	    strchr(at->speaker + 4, ' ') == NULL &&
	    (nq_word((const unsigned char *)at->speaker + 4, len - 4) & W_TITLE)) {
		char want[16];
		long best = -1;

		titleof((const unsigned char *)at->speaker + 4, len - 4, want);
		for (size_t i = 0; i < nm->np; i++)
			if (strcmp(nm->p[i].title, want) == 0 &&
			    (best < 0 || nm->p[i].seen > nm->p[best].seen))
				best = (long)i;
		if (best >= 0) {
			setlast(nm, best);
			return nib_strndup(nm->p[best].name, nm->p[best].len);
		}
	}
	if (isname(at->speaker, &nw, &last) && !acronym((const unsigned char *)at->speaker, 0, len)) {
		if (nw == 1 && (p = lookup(nm, (const unsigned char *)at->speaker, len)) >= 0) {
			setlast(nm, p);
			return nib_strndup(nm->p[p].name, nm->p[p].len);
		}
		if (nw >= 2 && nw <= 4 && (p = addperson(nm,
		    (const unsigned char *)at->speaker, len, last)) >= 0)
			setlast(nm, p);
		if (nw == 1 && (p = addperson(nm, (const unsigned char *)at->speaker, len, 0)) >= 0)
			setlast(nm, p);
		return nib_strndup(at->speaker, len);
	}
	free(nm->group);
	nm->group = nib_strndup(at->speaker, len);
	return nib_strndup(at->speaker, len);
}

int
nq_names_known(const struct nq_names *nm, const char *name)
{
	if (strchr(name, ' ') != NULL)
		return 1;
	return lookup(nm, (const unsigned char *)name, strlen(name)) >= 0;
}

int
nq_names_sex(const struct nq_names *nm, const char *name)
{
	const char *sp = strrchr(name, ' ');
	const char *sur = sp ? sp + 1 : name;
	long p = lookup(nm, (const unsigned char *)sur, strlen(sur));

	if (p >= 0 && nm->p[p].sex)
		return nm->p[p].sex;
	return sexof((const unsigned char *)name, strlen(name));
}
