#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "mem.h"
#include "words.h"

#define FILTERBIT(h) (((h) >> 18) & 16383)

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* FNV-1a of s[0..n), of its ASCII-lowered bytes under NIB_WORDS_ICASE. */
static uint32_t
hashof(const struct nib_words *w, const unsigned char *s, size_t n)
{
	uint32_t h = NIB_FNV_INIT;

	if (w->flags & NIB_WORDS_ICASE)
		for (size_t i = 0; i < n; i++)
			h = nib_fnv_step(h, lower(s[i]));
	else
		for (size_t i = 0; i < n; i++)
			h = nib_fnv_step(h, s[i]);
	return h;
}

static int
same(const struct nib_words *w, const struct nib_wordslot *sl,
    const unsigned char *s, size_t n)
{
	const unsigned char *k = w->pool + sl->off;

	if (sl->len != n)
		return 0;
	if (!(w->flags & NIB_WORDS_ICASE))
		return memcmp(k, s, n) == 0;
	for (size_t i = 0; i < n; i++)
		if (lower(k[i]) != lower(s[i]))
			return 0;
	return 1;
}

/* The slot of s[0..n) (hash h), or the empty slot where it would go. */
static struct nib_wordslot *
probe(const struct nib_words *w, const unsigned char *s, size_t n, uint32_t h)
{
	size_t i = h & w->mask;

	while (w->slot[i].len != 0 &&
	    (w->slot[i].hash != h || !same(w, &w->slot[i], s, n)))
		i = (i + 1) & w->mask;
	return &w->slot[i];
}

void
nib_words_init(struct nib_words *w, int flags)
{
	memset(w, 0, sizeof *w);
	w->flags = flags;
	w->mask = 63;
	w->slot = nib_calloc(w->mask + 1, sizeof *w->slot);
}

void
nib_words_free(struct nib_words *w)
{
	free(w->slot);
	free(w->pool);
	memset(w, 0, sizeof *w);
}

void
nib_words_clear(struct nib_words *w)
{
	memset(w->slot, 0, (w->mask + 1) * sizeof *w->slot);
	memset(w->filter, 0, sizeof w->filter);
	w->count = w->poollen = w->maxlen = 0;
}

/* Doubles the table, so that it is never more than half full. */
static void
grow(struct nib_words *w)
{
	struct nib_wordslot *old = w->slot;
	size_t oldn = w->mask + 1;

	if (oldn > SIZE_MAX / 2 / sizeof *old)
		errx(2, "out of memory");
	w->mask = oldn * 2 - 1;
	w->slot = nib_calloc(w->mask + 1, sizeof *w->slot);
	for (size_t i = 0; i < oldn; i++) {
		size_t j = old[i].hash & w->mask;

		if (old[i].len == 0)
			continue;
		while (w->slot[j].len != 0)
			j = (j + 1) & w->mask;
		w->slot[j] = old[i];
	}
	free(old);
}

static struct nib_wordslot *
insert(struct nib_words *w, const unsigned char *s, size_t n, int *isnew)
{
	uint32_t h = hashof(w, s, n);
	struct nib_wordslot *sl = probe(w, s, n, h);

	*isnew = sl->len == 0;
	if (!*isnew)
		return sl;
	if (n == 0 || n >= 1u << 31 || w->poollen > UINT32_MAX - n)
		errx(2, "word list entry too long");
	if ((w->count + 1) * 2 > w->mask + 1) {
		grow(w);
		sl = probe(w, s, n, h);
	}
	NIB_GROW(w->pool, w->poolcap, w->poollen + n);
	memcpy(w->pool + w->poollen, s, n);
	sl->off = (uint32_t)w->poollen;
	sl->len = (uint32_t)n;
	sl->hash = h;
	sl->val = 0;
	w->poollen += n;
	w->count++;
	if (n > w->maxlen)
		w->maxlen = n;
	w->filter[FILTERBIT(h) >> 6] |= 1ULL << (FILTERBIT(h) & 63);
	return sl;
}

uint32_t
nib_words_add(struct nib_words *w, const unsigned char *s, size_t n,
    uint32_t val)
{
	int isnew;
	struct nib_wordslot *sl;

	if (n == 0)
		return 0;
	sl = insert(w, s, n, &isnew);
	return sl->val |= val;
}

void
nib_words_set(struct nib_words *w, const unsigned char *s, size_t n,
    uint32_t val)
{
	int isnew;

	if (n > 0)
		insert(w, s, n, &isnew)->val = val;
}

int
nib_words_find(const struct nib_words *w, const unsigned char *s, size_t n,
    uint32_t *val)
{
	if (n == 0 || n > w->maxlen)
		return 0;
	return nib_words_findh(w, s, n, hashof(w, s, n), val);
}

int
nib_words_findh(const struct nib_words *w, const unsigned char *s, size_t n,
    uint32_t h, uint32_t *val)
{
	const struct nib_wordslot *sl;

	if (n == 0 || n > w->maxlen)
		return 0;
	if (!(w->filter[FILTERBIT(h) >> 6] & (1ULL << (FILTERBIT(h) & 63))))
		return 0;
	sl = probe(w, s, n, h);
	if (sl->len == 0)
		return 0;
	if (val != NULL)
		*val = sl->val;
	return 1;
}

uint32_t
nib_words_get(const struct nib_words *w, const unsigned char *s, size_t n)
{
	uint32_t v = 0;

	nib_words_find(w, s, n, &v);
	return v;
}

static int
blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

int
nib_list_next(const unsigned char *p, size_t n, size_t *pos, int tab,
    struct nib_listline *ln)
{
	while (*pos < n) {
		size_t a = *pos, e = a, b, r;

		while (e < n && p[e] != '\n')
			e++;
		*pos = e < n ? e + 1 : n;
		ln->lineno++;
		for (b = a; b < e && p[b] != '#'; b++)
			;
		e = b;
		while (a < e && blank(p[a]))
			a++;
		while (e > a && blank(p[e - 1]))
			e--;
		if (a == e)
			continue;
		for (b = a; b < e && (tab ? p[b] != '\t' : !blank(p[b])); b++)
			;
		for (r = b; r < e && blank(p[r]); r++)
			;
		ln->word = p + a;
		ln->wlen = b - a;
		ln->rest = p + r;
		ln->rlen = e - r;
		return 1;
	}
	return 0;
}

size_t
nib_words_load(struct nib_words *w, const unsigned char *p, size_t n,
    uint32_t val)
{
	struct nib_listline ln = { 0 };
	size_t pos = 0, count = 0;

	while (nib_list_next(p, n, &pos, 0, &ln)) {
		nib_words_add(w, ln.word, ln.wlen, val);
		count++;
	}
	return count;
}

void
nib_map_init(struct nib_map *m)
{
	m->mask = 63;
	m->count = 0;
	m->alloc = m->mask + 1;
	m->slot = nib_calloc(m->alloc, sizeof *m->slot);
}

void
nib_map_free(struct nib_map *m)
{
	free(m->slot);
	memset(m, 0, sizeof *m);
}

void
nib_map_clear(struct nib_map *m)
{
	memset(m->slot, 0, (m->mask + 1) * sizeof *m->slot);
	m->count = 0;
}

void
nib_map_reset(struct nib_map *m, size_t n)
{
	size_t want = 64;

	while (want / 2 < n && want <= SIZE_MAX / 4 / sizeof *m->slot)
		want *= 2;
	m->count = 0;
	/* A table for a larger input serves, unless far larger. */
	if (want <= m->alloc && m->alloc / 64 <= want) {
		m->mask = want - 1;
		memset(m->slot, 0, want * sizeof *m->slot);
		return;
	}
	free(m->slot);
	m->mask = want - 1;
	m->alloc = want;
	m->slot = nib_calloc(want, sizeof *m->slot);
}

void
nib_map_grow(struct nib_map *m)
{
	struct nib_mapslot *old = m->slot;
	size_t oldn = m->mask + 1;

	if (oldn > SIZE_MAX / 2 / sizeof *old)
		errx(2, "out of memory");
	m->mask = oldn * 2 - 1;
	m->alloc = m->mask + 1;
	m->slot = nib_calloc(m->alloc, sizeof *m->slot);
	for (size_t i = 0; i < oldn; i++)
		if (old[i].key != 0)
			*nib_map_slot(m, old[i].key) = old[i];
	free(old);
}
