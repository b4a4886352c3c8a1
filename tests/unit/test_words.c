#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "mem.h"
#include "words.h"
#include "t.h"

#define S(lit) (const unsigned char *)(lit), sizeof(lit) - 1

static void
basic(void)
{
	struct nib_words w;
	uint32_t v = 99;

	nib_words_init(&w, 0);
	T(!nib_words_find(&w, S("said"), &v) && v == 99);
	T(nib_words_add(&w, S("said"), 1) == 1);
	T(nib_words_add(&w, S("said"), 4) == 5);
	T(nib_words_get(&w, S("said")) == 5);
	T(nib_words_get(&w, S("Said")) == 0);	/* case counts without ICASE */
	T(nib_words_get(&w, S("sai")) == 0 && nib_words_get(&w, S("saidx")) == 0);
	/* A value of 0 is still a word: find tells it from absence. */
	nib_words_set(&w, S("zero"), 0);
	T(nib_words_find(&w, S("zero"), &v) && v == 0);
	nib_words_set(&w, S("said"), 2);
	T(nib_words_get(&w, S("said")) == 2 && w.count == 2);
	/* Empty words are never added nor found. */
	T(nib_words_add(&w, S(""), 1) == 0 && !nib_words_find(&w, S(""), NULL));
	/* Bytes past ASCII and NUL are key bytes like any other. */
	nib_words_add(&w, S("caf\xc3\xa9"), 8);
	nib_words_add(&w, S("a\0b"), 16);
	T(nib_words_get(&w, S("caf\xc3\xa9")) == 8 && nib_words_get(&w, S("a\0b")) == 16);
	T(nib_words_get(&w, S("a\0c")) == 0);
	nib_words_clear(&w);
	T(w.count == 0 && nib_words_get(&w, S("said")) == 0);
	nib_words_add(&w, S("again"), 3);
	T(nib_words_get(&w, S("again")) == 3);
	nib_words_free(&w);
}

static void
icase(void)
{
	struct nib_words w;

	nib_words_init(&w, NIB_WORDS_ICASE);
	nib_words_add(&w, S("Sen."), 1);
	T(nib_words_get(&w, S("sen.")) == 1 && nib_words_get(&w, S("SEN.")) == 1);
	T(nib_words_add(&w, S("SEN."), 2) == 3 && w.count == 1);
	/* Only ASCII folds: É and é stay apart. */
	nib_words_add(&w, S("\xc3\xa9t\xc3\xa9"), 4);
	T(nib_words_get(&w, S("\xc3\x89T\xc3\x89")) == 0);
	T(nib_words_get(&w, S("\xc3\xa9T\xc3\xa9")) == 4);
	nib_words_free(&w);
}

/*
 * The full-table case: far more words than the first table holds, many of
 * them sharing a home slot, all still found (the old fixed tables looped
 * forever here).
 */
static void
full(void)
{
	struct nib_words w;
	char k[32];
	size_t i, found = 0;

	nib_words_init(&w, NIB_WORDS_ICASE);
	for (i = 0; i < 100000; i++) {
		int n = snprintf(k, sizeof k, "w%zu", i);
		nib_words_add(&w, (unsigned char *)k, (size_t)n, (uint32_t)i + 1);
	}
	T(w.count == 100000 && w.count * 2 <= w.mask + 1);
	for (i = 0; i < 100000; i++) {
		int n = snprintf(k, sizeof k, "W%zu", i);
		found += nib_words_get(&w, (unsigned char *)k, (size_t)n) == i + 1;
	}
	T(found == 100000);
	T(nib_words_get(&w, S("w100000")) == 0);
	nib_words_free(&w);
}

static void
list(void)
{
	static const unsigned char l[] =
	    "# a comment line\n"
	    "said\n"
	    "  told   +   # intro verb\n"
	    "\n"
	    "Mr.\ttitle\r\n"
	    "chrome\tShow Caption\n"
	    "last";
	struct nib_listline ln = { 0 };
	size_t pos = 0;

	T(nib_list_next(l, sizeof l - 1, &pos, 0, &ln));
	T_MEM(ln.word, ln.wlen, "said");
	T(ln.rlen == 0 && ln.lineno == 2);
	T(nib_list_next(l, sizeof l - 1, &pos, 0, &ln));
	T_MEM(ln.word, ln.wlen, "told");
	T_MEM(ln.rest, ln.rlen, "+");
	T(nib_list_next(l, sizeof l - 1, &pos, 0, &ln));
	T_MEM(ln.word, ln.wlen, "Mr.");
	T_MEM(ln.rest, ln.rlen, "title");
	T(ln.lineno == 5);
	/* With tab, the first field ends at a tab only; the rest keeps spaces. */
	T(nib_list_next(l, sizeof l - 1, &pos, 1, &ln));
	T_MEM(ln.word, ln.wlen, "chrome");
	T_MEM(ln.rest, ln.rlen, "Show Caption");
	T(nib_list_next(l, sizeof l - 1, &pos, 0, &ln));
	T_MEM(ln.word, ln.wlen, "last");
	T(!nib_list_next(l, sizeof l - 1, &pos, 0, &ln));

	struct nib_words w;
	nib_words_init(&w, 0);
	T(nib_words_load(&w, l, sizeof l - 1, 7) == 5);
	T(nib_words_get(&w, S("told")) == 7 && nib_words_get(&w, S("#")) == 0);
	nib_words_free(&w);
}

static void
map(void)
{
	struct nib_map m;
	uint32_t v;
	int isnew;
	size_t i, ok = 0;

	nib_map_init(&m);
	T(!nib_map_find(&m, 42, &v));
	*nib_map_put(&m, 42, &isnew) = 7;
	T(isnew && nib_map_find(&m, 42, &v) && v == 7);
	T(*nib_map_put(&m, 42, &isnew) == 7 && !isnew);
	/* 0 is a key like any other (stored as 1). */
	*nib_map_put(&m, 0, NULL) = 9;
	T(nib_map_find(&m, 0, &v) && v == 9);
	/* Keys that share their low bits: the full-table case again. */
	for (i = 0; i < 50000; i++)
		*nib_map_put(&m, (uint64_t)(i + 2) << 40, NULL) = (uint32_t)i;
	for (i = 0; i < 50000; i++)
		ok += nib_map_find(&m, (uint64_t)(i + 2) << 40, &v) && v == i;
	T(ok == 50000 && m.count * 2 <= m.mask + 1);
	nib_map_clear(&m);
	T(m.count == 0 && !nib_map_find(&m, 42, NULL));
	nib_map_free(&m);
}

static void
grow(void)
{
	uint64_t *a = NULL;
	size_t cap = 0;

	NIB_GROW(a, cap, 10);
	T(a != NULL && cap >= 10);
	a[9] = 1;
	NIB_GROW(a, cap, 1000);
	T(cap >= 1000 && a[9] == 1);
	a[999] = 2;
	free(a);
}

/* Reset sizes the map for what comes next, and it still grows past that. */
static void
reset(void)
{
	struct nib_map m;
	uint32_t v;

	nib_map_init(&m);
	for (uint64_t k = 1; k <= 5000; k++)
		*nib_map_put(&m, k * 0x9E3779B97F4A7C15ULL, NULL) = (uint32_t)k;
	nib_map_reset(&m, 100);
	T(m.count == 0 && m.mask + 1 == 256);
	T(!nib_map_find(&m, 0x9E3779B97F4A7C15ULL, &v));
	for (uint64_t k = 1; k <= 1000; k++)
		*nib_map_put(&m, k, NULL) = (uint32_t)k;
	T(m.count == 1000 && m.mask + 1 >= 2000);
	T(nib_map_find(&m, 777, &v) && v == 777);
	nib_map_reset(&m, 1000);
	T(m.count == 0 && !nib_map_find(&m, 777, &v));
	nib_map_reset(&m, 0);
	T(m.mask + 1 == 64 && m.count == 0);
	*nib_map_put(&m, 5, NULL) = 5;
	T(nib_map_find(&m, 5, &v) && v == 5 && !nib_map_find(&m, 777, &v));
	nib_map_free(&m);
}

/* Lowers ASCII as NIB_WORDS_ICASE does, for the hash a caller computes. */
static uint32_t
lowhash(const unsigned char *s, size_t n)
{
	uint32_t h = NIB_FNV_INIT;

	for (size_t i = 0; i < n; i++)
		h = nib_fnv_step(h, s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	return h;
}

/*
 * A caller's own hash finds what find() finds, in both kinds of set and
 * past the first table; a hash that is not the word's finds nothing.
 */
static void
hashed(void)
{
	struct nib_words w, ic;
	char k[32];
	uint32_t v, v2;
	size_t i, n, agree = 0;

	nib_words_init(&w, 0);
	nib_words_init(&ic, NIB_WORDS_ICASE);
	for (i = 0; i < 500; i++) {
		n = (size_t)snprintf(k, sizeof k, "Word%zu", i * 7);
		nib_words_add(&w, (unsigned char *)k, n, (uint32_t)i + 1);
		nib_words_add(&ic, (unsigned char *)k, n, (uint32_t)i + 1);
	}
	for (i = 0; i < 1000; i++) {
		const unsigned char *u = (unsigned char *)k;
		int f1, f2;

		n = (size_t)snprintf(k, sizeof k, "Word%zu", i);
		v = v2 = 0;
		f1 = nib_words_find(&w, u, n, &v);
		f2 = nib_words_findh(&w, u, n, nib_fnv(u, n), &v2);
		agree += f1 == f2 && v == v2 && f1 == (i % 7 == 0 && i < 3500);
		k[0] = 'w';	/* "word7" finds "Word7" only in the ICASE set */
		v = v2 = 0;
		f1 = nib_words_find(&ic, u, n, &v);
		f2 = nib_words_findh(&ic, u, n, lowhash(u, n), &v2);
		agree += f1 == f2 && v == v2 && f1 == (i % 7 == 0);
		T(!nib_words_findh(&w, u, n, nib_fnv(u, n), NULL));
	}
	T(agree == 2000);
	T(nib_words_findh(&w, S("Word7"), nib_fnv(S("Word7")), &v) && v == 2);
	T(!nib_words_findh(&w, S("Word7"), nib_fnv(S("Word7")) + 1, NULL));
	T(!nib_words_findh(&w, S(""), NIB_FNV_INIT, NULL));
	/* Longer than any word: no probe, whatever the hash. */
	T(!nib_words_findh(&w, S("Word70000000000000000"), 0, NULL));
	nib_words_free(&w);
	nib_words_free(&ic);
}

int
main(void)
{
	basic();
	icase();
	hashed();
	full();
	list();
	map();
	grow();
	reset();
	T_DONE();
}
