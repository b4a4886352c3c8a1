/*
 * Names in the writer's text: runs of capitalised words, read as a person
 * ("Kristi Noem", "Gov. Gavin Newsom", "Noem" once Kristi Noem is known)
 * or an organisation ("Treasury Department", "IRS").
 */
#include <stdint.h>
#include <string.h>

#include "people.h"
#include "quote.h"
#include "utf8.h"
#include "swar.h"

/* Words of a run read at most; a longer run is no name. */
#define MAXWORDS 8

/* A run of capitalised words, as read. */
struct caprun {
	size_t wa[MAXWORDS], wb[MAXWORDS];	/* word k is s[wa[k]..wb[k]) */
	int cls[MAXWORDS];			/* nq_word() classes */
	int nw;
};

/* Bytes that are part of a word: letters, digits, non-ASCII, - and '. */
static const unsigned char wordtab[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Bytes that may start a capitalised word: A-Z, and lead bytes of letters. */
static const unsigned char captab[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static int
wordbyte(unsigned char c)
{
	return wordtab[c];
}

static int
capstart(unsigned char c)
{
	return captab[c];
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
		else if (s[j] == 0 && j > i && j + 1 < n && wordbyte(s[j + 1]))
			j++;	/* a NUL inside a name does not end it */
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

static void
setname(char out[64], const unsigned char *s, size_t a, size_t b)
{
	if (b - a >= 64)
		b = a + 63;
	memcpy(out, s + a, b - a);
	out[b - a] = '\0';
}

static void
setorg(struct nq_names *nm, const unsigned char *s, size_t a, size_t b)
{
	setname(nm->org, s, a, b);
}

/* Whether the word ending at s[b] ends like a verb form or an adverb. */
static int
endsin(const unsigned char *s, size_t b)
{
	return (s[b - 3] == 'i' && s[b - 2] == 'n' && s[b - 1] == 'g') ||
	    (s[b - 2] == 'e' && s[b - 1] == 'd') || (s[b - 2] == 'l' && s[b - 1] == 'y');
}

/*
 * Reads the words of the run at s[i] into r; returns where reading
 * stopped, with r->nw 0 when a word of it is empty (then nothing there
 * is a name).
 */
static size_t
readrun(const unsigned char *s, size_t n, size_t i, struct caprun *r)
{
	int dot = 0;

	r->nw = 0;
	while (r->nw < MAXWORDS) {
		r->wa[r->nw] = i;
		r->wb[r->nw] = i = wordend(s, n, i, &dot);
		if (r->wb[r->nw] == r->wa[r->nw]) {
			/* no word here: move on, and read no name */
			if (r->nw == 0)
				i++;
			r->nw = 0;
			return i;
		}
		r->nw++;
		if (dot || i + 1 >= n || s[i] != ' ' || !upperat(s, n, i + 1))
			break;
		i++;
	}
	/* "Hosting Cook": a verb or adverb that opens a sentence is no name. */
	if (r->nw > 1 && r->wb[0] - r->wa[0] > 4 && endsin(s, r->wb[0])) {
		memmove(r->wa, r->wa + 1, (size_t)(r->nw - 1) * sizeof *r->wa);
		memmove(r->wb, r->wb + 1, (size_t)(r->nw - 1) * sizeof *r->wb);
		r->nw--;
	}
	return i;
}

/*
 * Where the name of a run of two or more words starts: past sentence
 * openers and titles (the last title counts: "Homeland Security Secretary
 * Kristi Noem").  *titled says a title made it a person's.
 */
static int
namestart(const struct caprun *r, int *titled)
{
	int k;

	*titled = 0;
	for (k = 0; k < r->nw; k++) {
		if ((r->cls[k] & W_TITLE) && k + 1 < r->nw) {
			*titled = 1;
			continue;
		}
		if (!(r->cls[k] & W_STOP))
			break;
	}
	for (int j = r->nw - 1; j > k; j--)
		if (r->cls[j - 1] & W_TITLE) {
			if (!(r->cls[j] & W_TITLE)) {
				k = j;
				*titled = 1;
			}
			break;
		}
	return k;
}

/*
 * "actor Billy Porter": a role in lower case right before the name at
 * s[a] is the person's title, so that "the actor" later finds him.
 */
static void
roleahead(struct nq_names *nm, const unsigned char *s, size_t a, long p)
{
	size_t e, b;

	if (a < 2 || s[a - 1] != ' ')
		return;
	e = a - 1;
	for (b = e; b > 0 && s[b - 1] >= 'a' && s[b - 1] <= 'z'; b--)
		;
	if (b == e || (b > 0 && wordbyte(s[b - 1])))
		return;
	if (nq_word(s + b, e - b) & W_TITLE)
		nq_title_of(s + b, e - b, nm->p[p].title);
}

/* Records the person a run of two or more words names, if any. */
static void
runperson(struct nq_names *nm, const unsigned char *s, const struct caprun *r)
{
	int k, titled, nw = r->nw;
	long p;

	k = namestart(r, &titled);
	/* A name ends in no article or opener ("REUTERS Advertisement The
	 * radical group" is a credit and a sentence), and starts with no
	 * acronym. */
	while (nw > k && (r->cls[nw - 1] & W_STOP))
		nw--;
	/* "Alan Reid QC": letters after a name are no surname */
	if (nw - k >= 3 && r->wb[nw - 1] - r->wa[nw - 1] <= 3 &&
	    nq_acronym(s, r->wa[nw - 1], r->wb[nw - 1]))
		nw--;
	/* "Browns DL Sheldon Richardson": an abbreviation before a name of
	 * two words is a role, no part of the name. */
	for (int j = nw - 2; j > k; j--)
		if (nq_acronym(s, r->wa[j - 1], r->wb[j - 1])) {
			k = j;
			break;
		}
	if (k >= nw || (r->cls[k] & W_PLACE) || nq_acronym(s, r->wa[k], r->wb[k]))
		return;
	if (nw - k == 1) {
		p = nq_person_find(nm, s + r->wa[k], r->wb[k] - r->wa[k]);
		if (p < 0 && titled)
			p = nq_person_add(nm, s + r->wa[k], r->wb[k] - r->wa[k], 0);
	} else if (nw - k <= 4)
		p = nq_person_add(nm, s + r->wa[k], r->wb[nw - 1] - r->wa[k],
		    r->wa[nw - 1] - r->wa[k]);
	else
		return;
	if (p < 0)
		return;
	nq_person_seen(nm, p);
	if (titled && k > 0)
		nq_title_of(s + r->wa[k - 1], r->wb[k - 1] - r->wa[k - 1], nm->p[p].title);
	else if (k == 0)
		roleahead(nm, s, r->wa[0], p);
}

/* Reads the run of capitalised words at s[i]; returns where it ends. */
static size_t
scanrun(struct nq_names *nm, const unsigned char *s, size_t n, size_t i)
{
	struct caprun r;
	int k, org = 0;
	long p;

	i = readrun(s, n, i, &r);
	if (r.nw == 0)
		return i;
	/* "Big Machine Records issued a statement": "the statement" later */
	if (nq_statementnext(s, n, i)) {
		for (k = 0; k < r.nw - 1 && (nq_word(s + r.wa[k], r.wb[k] - r.wa[k]) & (W_STOP | W_TITLE)); k++)
			;
		setname(nm->stmt, s, r.wa[k], r.wb[r.nw - 1]);
		/* "Colton said in a statement": Rhea Colton, as named before */
		if (k == r.nw - 1 && (p = nq_person_find(nm, s + r.wa[k], r.wb[k] - r.wa[k])) >= 0)
			setname(nm->stmt, (const unsigned char *)nm->p[p].name, 0, nm->p[p].len);
	}
	/* One word alone (most are "The", "In", or a surname): no list. */
	if (r.nw == 1) {
		if (nq_acronym(s, r.wa[0], r.wb[0]))
			setorg(nm, s, r.wa[0], r.wb[0]);
		else if ((p = nq_person_find(nm, s + r.wa[0], r.wb[0] - r.wa[0])) >= 0)
			nq_person_seen(nm, p);
		return i;
	}
	for (k = 0; k < r.nw; k++) {
		r.cls[k] = nq_word(s + r.wa[k], r.wb[k] - r.wa[k]);
		org |= r.cls[k] & W_ORG;
	}
	/* "Human Landing System (HLS)": a thing with its abbreviation;
	 * "Institute for Fiscal Studies": the end of a longer name. */
	if (nq_abbrevnext(s, n, i) || nq_forname(s, r.wa[0])) {
		for (k = 0; k < r.nw - 1 && (r.cls[k] & W_STOP); k++)
			;
		setorg(nm, s, r.wa[k], r.wb[r.nw - 1]);
		return i;
	}
	/* An organisation: "Treasury Department"; a person may follow its
	 * last word ("Secretary of State Mike Pompeo"). */
	if (org) {
		int last = r.nw - 1, end = r.nw;

		while (end > 0 && (r.cls[end - 1] & W_STOP))
			end--;
		while (last >= 0 && !(r.cls[last] & (W_ORG | W_TITLE)))
			last--;
		/* only after "of": "Secretary of State Mike Pompeo", not
		 * "REUTERS Advertisement Protests" (a credit and a sentence) */
		/* ...or after a title: "Police Chief Dana Whitby" */
		if (end == r.nw && r.nw - 1 - last >= 2 && r.nw - 1 - last <= 3 &&
		    ((r.wa[0] >= 3 && memcmp(s + r.wa[0] - 3, "of ", 3) == 0) ||
		    (r.cls[last] & (W_TITLE | W_ORG)) == W_TITLE) &&
		    !(r.cls[last + 1] & (W_STOP | W_PLACE))) {
			long q = nq_person_add(nm, s + r.wa[last + 1],
			    r.wb[r.nw - 1] - r.wa[last + 1], r.wa[r.nw - 1] - r.wa[last + 1]);

			if (q >= 0)
				nq_person_seen(nm, q);
			return i;
		}
		for (k = 0; k < r.nw - 1 && (r.cls[k] & (W_STOP | W_TITLE)); k++)
			;
		setorg(nm, s, r.wa[k], r.wb[r.nw - 1]);
		return i;
	}
	runperson(nm, s, &r);
	return i;
}


void
nq_names_scan(struct nq_names *nm, const unsigned char *s, size_t from, size_t to)
{
	size_t i = from;

	for (;;) {
		/* Eight bytes at a time past words with no capital and no
		 * non-ASCII byte. */
		for (; i + 8 <= to; i += 8) {
			uint64_t w, t;

			memcpy(&w, s + i, 8);
			/* high bit of each byte set where 0x41 <= byte < 0x5B */
			t = ((w | NIB_HIGH) - NIB_ONES * 0x41) & ~((w | NIB_HIGH) - NIB_ONES * 0x5B) & ~w & NIB_HIGH;
			if (t || (w & NIB_HIGH))
				break;
		}
		while (i < to && !capstart(s[i]))
			i++;
		if (i >= to)
			break;
		if ((i == from || !wordbyte(s[i - 1])) && upperat(s, to, i)) {
			i = scanrun(nm, s, to, i);
			continue;
		}
		i++;
	}
}
