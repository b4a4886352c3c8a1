/*
 * entities.c: HTML entities, named (common/data/entities.txt, looked up
 * by binary search) and numeric, as HTML reads them.
 */
#include <stdlib.h>
#include <string.h>

#include "line.h"
#include "nibdata.h"


/* Longest entity name in the table is 31 bytes. */
#define ENTMAX 32

struct entity {
	const char *name;
	unsigned char len, ncp;
	int32_t cp[2];
};
static struct entity *ents;
static size_t nents;

static int
entcmp(const void *a, const void *b)
{
	const struct entity *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->name, y->name, n);

	return c ? c : (int)x->len - (int)y->len;
}

/* Reads the entity table (common/data/entities.txt) once. */
void
norm_load_entities(void)
{
	const char *p = (const char *)nib_data_common_data_entities;
	const char *end = p + nib_data_common_data_entities_len;
	size_t cap = 0;

	if (ents != NULL)
		return;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *sp;
		char *q;
		struct entity e;

		if (nl == NULL)
			nl = end;
		sp = memchr(p, ' ', (size_t)(nl - p));
		if (*p != '#' && sp != NULL && sp - p < ENTMAX) {
			e.name = p;
			e.len = (unsigned char)(sp - p);
			e.ncp = 0;
			e.cp[1] = 0;
			while (sp < nl && e.ncp < 2) {
				e.cp[e.ncp++] = (int32_t)strtol(sp, &q, 16);
				sp = q;
				while (sp < nl && *sp == ' ')
					sp++;
			}
			NIB_GROW(ents, cap, nents + 1);
			ents[nents++] = e;
		}
		p = nl + 1;
	}
	qsort(ents, nents, sizeof *ents, entcmp);
}

int
nib_norm_entity(const char *name, size_t len, int32_t cp[2])
{
	struct entity key = { .name = name, .len = (unsigned char)len }, *e;

	norm_load_entities();
	if (len == 0 || len >= ENTMAX)
		return 0;
	e = bsearch(&key, ents, nents, sizeof *ents, entcmp);
	if (e == NULL)
		return 0;
	cp[0] = e->cp[0];
	cp[1] = e->cp[1];
	return e->ncp;
}

static int
digit(int c, int hex)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (hex && c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (hex && c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * A numeric reference's character, as HTML reads it: NUL, surrogates and
 * numbers past U+10FFFF are U+FFFD, 128-159 are Windows-1252's.
 */
static int32_t
numref(int32_t v)
{
	if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0xFFFD;
	if (v >= 0x80 && v <= 0x9F)
		return nib_cp1252(v);
	return v;
}

/*
 * The entity whose name starts at s[j] (just after its '&'): sets cp[0..*k)
 * and returns the index after its ';', or returns 0 when there is none.
 */
static size_t
entref(const unsigned char *s, size_t n, size_t j, int32_t cp[2], int *k)
{
	size_t d, a = j;
	int32_t v = 0;
	int hex, x;

	if (j < n && s[j] == '#') {
		hex = j + 1 < n && (s[j + 1] == 'x' || s[j + 1] == 'X');
		j += 1 + (size_t)hex;
		for (d = j; j < n && (x = digit(s[j], hex)) >= 0; j++)
			if (v <= 0x10FFFF)
				v = v * (hex ? 16 : 10) + x;
		if (j == d || j >= n || s[j] != ';')
			return 0;
		cp[0] = numref(v);
		*k = 1;
		return j + 1;
	}
	while (j < n && j - a < ENTMAX && (norm_asciiletter(s[j]) ||
	    (s[j] >= '0' && s[j] <= '9')))
		j++;
	if (j >= n || s[j] != ';' ||
	    (*k = nib_norm_entity((const char *)s + a, j - a, cp)) == 0)
		return 0;
	return j + 1;
}

/*
 * '&' at s[i]: an entity (with its ';') decoded, or a literal '&'.  An
 * entity whose '&' was escaped again ("&amp;#8217;", "&amp;quot;": text
 * escaped twice, as scraped pages often hold it) is decoded whole.
 */
size_t
norm_entity(struct nib_norm *nm, const unsigned char *s, size_t n, size_t i)
{
	size_t j, j2;
	int32_t cp[2], cp2[2];
	int k, k2;

	if ((nm->flags & NIB_NORM_NOENT) || (j = entref(s, n, i + 1, cp, &k)) == 0) {
		norm_putsafe(nm, '&');
		return i + 1;
	}
	nm->stats.entities++;
	while (k == 1 && cp[0] == '&' && (j2 = entref(s, n, j, cp2, &k2)) != 0) {
		j = j2;
		k = k2;
		cp[0] = cp2[0];
		cp[1] = cp2[1];
	}
	for (int t = 0; t < k; t++)
		/* A line stays a line: &NewLine; and &#10; are spaces. */
		norm_emit(nm, cp[t] == '\n' || cp[t] == '\r' ? ' ' : cp[t]);
	return j;
}
