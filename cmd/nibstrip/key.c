/*
 * key.c: the keys of a pattern, literal text every match must hold, found
 * by reading the pattern without compiling it.  A rule is tried only on
 * lines that hold one of its keys (index.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "strip.h"
#include "utf8.h"

static size_t
u8len(unsigned char c)
{
	return c < 0x80 ? 1 : nib_utf8_need(c);
}

/* Index just past the character class that starts at p[i] == '['. */
size_t
strip_skipclass(const unsigned char *p, size_t n, size_t i)
{
	i++;
	if (i < n && p[i] == '^')
		i++;
	if (i < n && p[i] == ']')
		i++;
	while (i < n) {
		if (p[i] == '\\')
			i += 2;
		else if (p[i] == '[' && i + 1 < n && p[i + 1] == ':') {
			i += 2;
			while (i + 1 < n && !(p[i] == ':' && p[i + 1] == ']'))
				i++;
			i += 2;
		} else if (p[i] == ']')
			return i + 1;
		else
			i++;
	}
	return n;
}

/* Index just past the group that starts at p[i] == '(', or n. */
size_t
strip_skipgroup(const unsigned char *p, size_t n, size_t i)
{
	int depth = 0;

	while (i < n) {
		switch (p[i]) {
		case '\\':
			i += 2;
			continue;
		case '[':
			i = strip_skipclass(p, n, i);
			continue;
		case '(':
			depth++;
			break;
		case ')':
			if (--depth == 0)
				return i + 1;
			break;
		}
		i++;
	}
	return n;
}

/* Index just past a closer (}, >, ') that matches p[i], or n. */
static size_t
skipbrace(const unsigned char *p, size_t n, size_t i)
{
	unsigned char close = p[i] == '{' ? '}' : p[i] == '<' ? '>' : '\'';

	while (++i < n)
		if (p[i] == close)
			return i + 1;
	return n;
}

/*
 * Index past the escape at p[i] == '\\' when it is not a literal
 * character: \d, \b, \x{41}, \p{L}, \g{-1}, \123 and the like.
 */
static size_t
skipescape(const unsigned char *p, size_t n, size_t i)
{
	unsigned char d = p[i + 1];

	i += 2;
	if (d == 'c')
		return i + 1 < n ? i + 1 : n;
	if (isdigit(d)) {
		while (i < n && isdigit(p[i]))
			i++;
		return i;
	}
	if (strchr("xopPgkN", d) != NULL && i < n && strchr("{<'", p[i]) != NULL)
		return skipbrace(p, n, i);
	if (d == 'x')
		for (int k = 0; k < 2 && i < n && isxdigit(p[i]); k++)
			i++;
	else if (d == 'p' || d == 'P')
		i++;
	else if (d == 'g')
		while (i < n && (isdigit(p[i]) || p[i] == '-' || p[i] == '+'))
			i++;
	return i < n ? i : n;
}

/*
 * Inline options: sets *ci when (?i) appears anywhere; returns -1 when an
 * option changes what literal text means (x ignores blanks).
 */
static int
scanopts(const unsigned char *p, size_t n, int *ci)
{
	for (size_t i = 0; i + 2 < n; i++) {
		if (p[i] == '\\') {
			i++;
			continue;
		}
		if (p[i] != '(' || p[i + 1] != '?')
			continue;
		for (size_t j = i + 2; j < n && (isalpha(p[j]) || p[j] == '-' || p[j] == '^'); j++) {
			if (p[j] == 'i')
				*ci = 1;
			else if (p[j] == 'x' || p[j] == '^')
				return -1;
		}
	}
	return 0;
}

size_t
strip_key(const unsigned char *p, size_t n, unsigned char *out, int *ci)
{
	size_t o = 0, runoff = 0, last = 0, best = 0, bestoff = 0, i = 0;

	*ci = 0;
	if (scanopts(p, n, ci) < 0)
		return 0;
#define ENDRUN() do { if (o - runoff > best) { best = o - runoff; bestoff = runoff; } \
	runoff = o; last = 0; } while (0)
	while (i < n) {
		unsigned char c = p[i];
		size_t k;

		switch (c) {
		case '|':
			return 0;
		case '(':
			ENDRUN();
			i = strip_skipgroup(p, n, i);
			continue;
		case '[':
			ENDRUN();
			i = strip_skipclass(p, n, i);
			continue;
		case '.': case '^': case '$': case '+': case ')':
			ENDRUN();
			i++;
			continue;
		case '?': case '*': case '{':
			/* The character before is optional: it leaves the run. */
			o -= last;
			ENDRUN();
			i = c == '{' ? skipbrace(p, n, i) : i + 1;
			continue;
		case '\\':
			if (i + 1 >= n)
				return 0;
			c = p[i + 1];
			if (c == 'Q' || c == 'E')
				return 0;
			if (c == 'K') {
				/* \K matches nothing: the text runs on across it. */
				i += 2;
				continue;
			}
			if (isalnum(c) || c >= 0x80) {
				ENDRUN();
				i = c >= 0x80 ? i + 1 : skipescape(p, n, i);
				continue;
			}
			out[o++] = c;
			last = 1;
			i += 2;
			continue;
		}
		k = u8len(c);
		if (k == 0 || i + k > n)
			return 0;
		if (k > 1 && *ci) {
			/* Caseless matching folds more than ASCII. */
			ENDRUN();
			i += k;
			continue;
		}
		memcpy(out + o, p + i, k);
		o += k;
		last = k;
		i += k;
	}
	ENDRUN();
#undef ENDRUN
	memmove(out, out + bestoff, best);
	return best;
}

/*
 * Where in key[0..n) the byte pair least likely in text starts, by the
 * frequency of letters in English: the scan then stops on few lines.
 */
static size_t
rarepair(const unsigned char *key, size_t n)
{
	/* Letters a to z per thousand letters of English text. */
	static const unsigned char freq[26] = {
		82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24,
		67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1,
	};
	size_t best = 0;
	unsigned long bestv = ~0UL;

	for (size_t i = 0; i + 1 < n; i++) {
		unsigned long v = 1;

		for (size_t k = i; k < i + 2; k++) {
			unsigned char c = strip_fold(key[k]);

			v *= c >= 'a' && c <= 'z' ? freq[c - 'a'] : c == ' ' ? 180 :
			    c >= '0' && c <= '9' ? 10 : c < 0x80 ? 15 : 5;
		}
		if (v < bestv) {
			bestv = v;
			best = i;
		}
	}
	return best;
}

/* Whether p[i..n) has a | outside groups and classes. */
static int
topbar(const unsigned char *p, size_t n, size_t i)
{
	while (i < n) {
		if (p[i] == '|')
			return 1;
		if (p[i] == '(')
			i = strip_skipgroup(p, n, i);
		else if (p[i] == '[')
			i = strip_skipclass(p, n, i);
		else
			i += p[i] == '\\' ? 2 : 1;
	}
	return 0;
}

static void
addkey(struct strip_rule *r, const unsigned char *k, size_t n)
{
	struct strip_rkey *key;
	size_t g = n >= 4 ? 4 : 1;

	r->key = nib_realloc(r->key, r->nkey + 1, sizeof *r->key);
	key = &r->key[r->nkey++];
	key->s = nib_realloc(NULL, n, 1);
	memcpy(key->s, k, n);
	key->len = n;
	key->off = rarepair(k, n);
	if (key->off + g > n)
		key->off = n - g;
}

/*
 * Keys from a pattern that starts (after option settings) with a group of
 * plain alternatives, "(?:photo|image|slide) ...": a match holds one of
 * them.  Returns how many were added, 0 when the pattern is not so.
 */
static size_t
altkeys(struct strip_rule *r, const unsigned char *p, size_t n, int ci)
{
	size_t i = 0, e, a, z;

	while (i + 2 < n && p[i] == '(' && p[i + 1] == '?' && isalpha(p[i + 2])) {
		for (i += 2; i < n && (isalpha(p[i]) || p[i] == '-'); i++)
			;
		if (i >= n || p[i] != ')')
			return 0;
		i++;
	}
	if (i + 3 > n || memcmp(p + i, "(?:", 3) != 0)
		return 0;
	e = strip_skipgroup(p, n, i) - 1;	/* the closing parenthesis */
	if (e >= n || p[e] != ')' || (e + 1 < n && strchr("?*{", p[e + 1]) != NULL) ||
	    topbar(p, n, e + 1))
		return 0;
	for (a = i + 3; a < e; a++)
		if (!isalnum(p[a]) && p[a] != ' ' && p[a] != '-' && p[a] != '|' &&
		    (p[a] < 0x80 || ci))
			return 0;
	for (a = i + 3; a <= e; a = z + 1) {
		for (z = a; z < e && p[z] != '|'; z++)
			;
		if (z - a < 4)
			return 0;	/* each one must make a gram */
	}
	for (a = i + 3; a <= e; a = z + 1) {
		for (z = a; z < e && p[z] != '|'; z++)
			;
		addkey(r, p + a, z - a);
	}
	return r->nkey;
}

void
strip_setkeys(struct strip_rule *r, const unsigned char *p, size_t n)
{
	unsigned char *k = nib_realloc(NULL, n ? n : 1, 1);
	size_t len = strip_key(p, n, k, &r->keyci);

	if (len == 1 && (isalpha(k[0]) || strip_isblank(k[0])))
		len = 0;	/* in every line (and a letter folds) */
	if (len < 4 && altkeys(r, p, n, r->keyci) > 0)
		len = 0;
	if (len > 0)
		addkey(r, k, len);
	free(k);
}
