/*
 * strip.c: nibstrip's rules, parsed and compiled once, matched per line.
 *
 * Speed comes from not running regexes: a literal line is one hash lookup
 * of the normalized line, and a regex rule runs only when the line holds
 * its key (the longest literal text the pattern requires), found by one
 * pass over the line that looks up each pair of bytes in a bit set.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xxhash.h>

#include "mem.h"
#include "strip.h"

/* Longest line (trimmed) that echo rules remember and compare. */
#define ECHO_MAX 120

/* A rep: match: its span, its rule, its group's text (hash) and start. */
struct strip_rep {
	size_t a, b, rule, g;
	uint64_t h;
};

static const char *kindname[] = { "lit", "re", "frag", "rep", "echo" };

static unsigned char fold[256];

static void
initfold(void)
{
	for (int c = 0; c < 256; c++)
		fold[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

void
strip_init(struct strip_set *set)
{
	memset(set, 0, sizeof *set);
	initfold();
}

static int
isblankc(int c)
{
	return c == ' ' || c == '\t';
}

/* strip_norm() that gives up (returning cap + 1) past cap bytes of output. */
static size_t
normcap(const unsigned char *s, size_t n, unsigned char *out, size_t cap)
{
	size_t o = 0;
	int sp = 0;

	if (n > 0 && n <= cap) {
		/* Most lines have single spaces only: fold them in one pass. */
		int bad = isblankc(s[0]) || isblankc(s[n - 1]);

		for (size_t i = 0; i < n; i++) {
			bad |= s[i] == '\t' || (s[i] == ' ' && i > 0 && s[i - 1] == ' ');
			out[i] = fold[s[i]];
		}
		if (!bad)
			return n;
	}

	for (size_t i = 0; i < n; i++) {
		if (isblankc(s[i])) {
			sp = o > 0;
			continue;
		}
		if (o + (size_t)sp + 1 > cap)
			return cap + 1;
		if (sp)
			out[o++] = ' ';
		sp = 0;
		out[o++] = fold[s[i]];
	}
	return o;
}

size_t
strip_norm(const unsigned char *s, size_t n, unsigned char *out)
{
	initfold();
	return normcap(s, n, out, n);
}

/* Length of the UTF-8 sequence led by c, 0 when c cannot lead one. */
static size_t
u8len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

/* Index just past the character class that starts at p[i] == '['. */
static size_t
skipclass(const unsigned char *p, size_t n, size_t i)
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
static size_t
skipgroup(const unsigned char *p, size_t n, size_t i)
{
	int depth = 0;

	while (i < n) {
		switch (p[i]) {
		case '\\':
			i += 2;
			continue;
		case '[':
			i = skipclass(p, n, i);
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
	initfold();
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
			i = skipgroup(p, n, i);
			continue;
		case '[':
			ENDRUN();
			i = skipclass(p, n, i);
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
			unsigned char c = fold[key[k]];

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

static int
failf(char **msg, const char *src, unsigned long line, const char *what, const char *detail)
{
	if (asprintf(msg, "%s:%lu: %s%s", src, line, what, detail) < 0)
		*msg = NULL;
	return -1;
}

static struct strip_rule *
addrule(struct strip_set *set, enum strip_kind kind, const char *src, unsigned long line)
{
	struct strip_rule *r;

	if (set->nrule == set->rulecap) {
		set->rulecap = set->rulecap ? set->rulecap * 2 : 64;
		set->rule = nib_realloc(set->rule, set->rulecap, sizeof *set->rule);
	}
	r = &set->rule[set->nrule++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->src = nib_strndup(src, strlen(src));
	r->line = line;
	if (set->curname != NULL)
		r->name = nib_strndup(set->curname, strlen(set->curname));
	return r;
}

static void
litput(struct strip_set *set, struct strip_lit *e)
{
	size_t m = set->litcap - 1, i = (size_t)e->h & m;

	while (set->lit[i].s != NULL)
		i = (i + 1) & m;
	set->lit[i] = *e;
}

static struct strip_lit *
litget(const struct strip_set *set, uint64_t h, const unsigned char *s, size_t n)
{
	size_t m = set->litcap - 1, i = (size_t)h & m;

	for (; set->lit[i].s != NULL; i = (i + 1) & m)
		if (set->lit[i].h == h && set->lit[i].len == n && memcmp(set->lit[i].s, s, n) == 0)
			return &set->lit[i];
	return NULL;
}

static void
addlit(struct strip_set *set, const unsigned char *t, size_t n, size_t rule)
{
	struct strip_lit e;

	if ((set->nlit + 1) * 2 > set->litcap) {
		struct strip_lit *old = set->lit;
		size_t oldcap = set->litcap;

		set->litcap = set->litcap ? set->litcap * 2 : 256;
		set->lit = nib_calloc(set->litcap, sizeof *set->lit);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].s != NULL)
				litput(set, &old[i]);
		free(old);
	}
	e.s = nib_realloc(NULL, n ? n : 1, 1);
	e.len = strip_norm(t, n, e.s);
	e.h = XXH3_64bits(e.s, e.len) | 1;
	e.rule = rule;
	if (litget(set, e.h, e.s, e.len) != NULL) {
		free(e.s);	/* the first rule for a line wins */
		return;
	}
	if (e.len > set->litmax)
		set->litmax = e.len;
	litput(set, &e);
	set->nlit++;
}

/*
 * The bytes a match of a line rule can start with, from PCRE2's study of
 * the pattern compiled unanchored (anchored, it tells nothing).
 */
static void
firstbytes(struct strip_rule *r, const unsigned char *p, size_t n, uint32_t opts)
{
	pcre2_code *re;
	const uint8_t *bm = NULL;
	uint32_t type = 0, unit = 0;
	int code;
	PCRE2_SIZE off;

	if ((re = pcre2_compile(p, n, opts, &code, &off, NULL)) == NULL)
		return;
	pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &bm);
	pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &type);
	pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODEUNIT, &unit);
	if (bm != NULL) {
		memcpy(r->first, bm, sizeof r->first);
		r->hasfirst = 1;
	} else if (type == 1 && unit < 0x80) {
		/* A caseless pattern may report one case of a letter only. */
		unsigned char lo = fold[unit], up = (unsigned char)toupper(lo);

		r->first[lo / 8] |= (unsigned char)(1 << (lo % 8));
		r->first[up / 8] |= (unsigned char)(1 << (up % 8));
		r->hasfirst = 1;
	}
	pcre2_code_free(re);
}

/* Whether p[i..n) has a | outside groups and classes. */
static int
topbar(const unsigned char *p, size_t n, size_t i)
{
	while (i < n) {
		if (p[i] == '|')
			return 1;
		if (p[i] == '(')
			i = skipgroup(p, n, i);
		else if (p[i] == '[')
			i = skipclass(p, n, i);
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
	e = skipgroup(p, n, i) - 1;	/* the closing parenthesis */
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

/* The pre-filter keys of rule r, whose pattern is p[0..n). */
static void
setkeys(struct strip_rule *r, const unsigned char *p, size_t n)
{
	unsigned char *k = nib_realloc(NULL, n ? n : 1, 1);
	size_t len = strip_key(p, n, k, &r->keyci);

	if (len == 1 && (isalpha(k[0]) || isblankc(k[0])))
		len = 0;	/* in every line (and a letter folds) */
	if (len < 4 && altkeys(r, p, n, r->keyci) > 0)
		len = 0;
	if (len > 0)
		addkey(r, k, len);
	free(k);
}

static void
freerule(struct strip_rule *r)
{
	free(r->name);
	free(r->src);
	for (size_t k = 0; k < r->nkey; k++)
		free(r->key[k].s);
	free(r->key);
	pcre2_code_free(r->re);
}

static int
compile(struct strip_rule *r, const unsigned char *p, size_t n, char **msg)
{
	uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C;
	uint32_t ncap = 0;
	int code;
	PCRE2_SIZE off;
	PCRE2_UCHAR ebuf[256];
	char what[300];

	if (r->kind == STRIP_LINE || r->kind == STRIP_ECHO)
		opts |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
	r->re = pcre2_compile(p, n, opts, &code, &off, NULL);
	if (r->re == NULL) {
		pcre2_get_error_message(code, ebuf, sizeof ebuf);
		snprintf(what, sizeof what, "bad pattern at offset %zu: ", (size_t)off);
		return failf(msg, r->src, r->line, what, (char *)ebuf);
	}
	pcre2_pattern_info(r->re, PCRE2_INFO_CAPTURECOUNT, &ncap);
	if ((r->kind == STRIP_REP || r->kind == STRIP_ECHO) && ncap < 1)
		return failf(msg, r->src, r->line, kindname[r->kind],
		    ": pattern needs a capture group");
	r->jit = pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE) == 0;
	if (opts & PCRE2_ANCHORED)
		firstbytes(r, p, n, opts & ~(uint32_t)(PCRE2_ANCHORED | PCRE2_ENDANCHORED));
	setkeys(r, p, n);
	return 0;
}

static int
setname(struct strip_set *set, const unsigned char *t, size_t n, const char *src,
    unsigned long line, char **msg)
{
	if (n == 0)
		return failf(msg, src, line, "@ needs a rule name", "");
	for (size_t i = 0; i < n; i++)
		if (!isalnum(t[i]) && t[i] != '_' && t[i] != '-' && t[i] != '.')
			return failf(msg, src, line, "bad rule name (letters, digits, _ - . only)", "");
	free(set->curname);
	set->curname = nib_strndup(t, n);
	return 0;
}

static const struct {
	const char *pre;
	enum strip_kind kind;
} prefix[] = {
	{ "lit:", STRIP_LIT }, { "re:", STRIP_LINE }, { "frag:", STRIP_FRAG },
	{ "rep:", STRIP_REP }, { "echo:", STRIP_ECHO },
};

static int
parseline(struct strip_set *set, const char *src, unsigned long line,
    const unsigned char *t, size_t n, char **msg)
{
	enum strip_kind kind = STRIP_LIT;
	struct strip_rule *r;

	while (n > 0 && isblankc(t[0]))
		t++, n--;
	while (n > 0 && isblankc(t[n - 1]))
		n--;
	if (n == 0 || t[0] == '#')
		return 0;
	if (t[0] == '@')
		return setname(set, t + 1, n - 1, src, line, msg);
	for (size_t i = 0; i < sizeof prefix / sizeof prefix[0]; i++) {
		size_t k = strlen(prefix[i].pre);

		if (n >= k && memcmp(t, prefix[i].pre, k) == 0) {
			kind = prefix[i].kind;
			t += k, n -= k;
			while (n > 0 && isblankc(t[0]))
				t++, n--;
			if (n == 0)
				return failf(msg, src, line, prefix[i].pre, " needs text after it");
			break;
		}
	}
	r = addrule(set, kind, src, line);
	if (kind == STRIP_LIT) {
		addlit(set, t, n, set->nrule - 1);
		return 0;
	}
	set->ready = 0;
	if (compile(r, t, n, msg) < 0) {
		/* The bad rule goes: the rules before it stay usable. */
		set->nrule--;
		freerule(r);
		return -1;
	}
	return 0;
}

int
strip_parse(struct strip_set *set, const char *src, const unsigned char *text,
    size_t len, char **msg)
{
	unsigned long line = 0;
	size_t i = 0;

	*msg = NULL;
	free(set->curname);
	set->curname = NULL;
	set->ready = 0;
	while (i < len) {
		const unsigned char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len, n = e - i;

		line++;
		if (n > 0 && text[i + n - 1] == '\r')
			n--;
		if (parseline(set, src, line, text + i, n, msg) < 0)
			return -1;
		i = e + 1;
	}
	return 0;
}

/*
 * A key of four bytes or more is found by one of its grams: four bytes,
 * ASCII-folded, hashed to 16 bits, looked up in a bit set as the line is
 * read.  Four bytes make a filter that common English pairs ("th", "yo")
 * do not pass.  A shorter key is found by memchr(3) of its first byte.
 */
static uint32_t
gram(uint32_t w)
{
	return (w * 0x85ebca77u) >> 16;
}

static void
addcand(struct strip_set *set, uint32_t *head, size_t rule, size_t key)
{
	if (set->ncand == set->candcap) {
		set->candcap = set->candcap ? set->candcap * 2 : 64;
		set->cand = nib_realloc(set->cand, set->candcap, sizeof *set->cand);
	}
	set->cand[set->ncand].rule = rule;
	set->cand[set->ncand].key = (uint32_t)key;
	set->cand[set->ncand].next = *head;
	*head = (uint32_t)++set->ncand;
}

static void
addbyte(struct strip_set *set, unsigned char c, size_t rule, size_t key)
{
	if (set->bhead[c] == 0)
		set->bkey[set->nbkey++] = c;
	addcand(set, &set->bhead[c], rule, key);
}

int
strip_load(struct strip_set *set, const char *path, char **msg)
{
	unsigned char *buf = NULL;
	size_t cap = 0, len = 0;
	ssize_t n = 0;
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY), rc;

	*msg = NULL;
	if (fd >= 0) {
		do {
			nib_grow(&buf, &cap, len + 65536);
			if ((n = read(fd, buf + len, cap - len)) > 0)
				len += (size_t)n;
		} while (n > 0);
	}
	if (fd < 0 || n < 0) {
		if (asprintf(msg, "%s: %s", path, strerror(errno)) < 0)
			*msg = NULL;
		rc = -1;
	} else
		rc = strip_parse(set, path, buf, len, msg);
	if (fd > STDIN_FILENO)
		close(fd);
	free(buf);
	return rc;
}

/* Builds the key index and the match data, once, after the last parse. */
static void
build(struct strip_set *set)
{
	uint32_t maxcap = 1;

	free(set->head);
	free(set->bigram);
	free(set->always);
	free(set->stamp);
	free(set->hit);
	free(set->norm);
	set->head = nib_calloc(65536, sizeof *set->head);
	set->bigram = nib_calloc(65536 / 64, sizeof *set->bigram);
	set->always = nib_calloc(set->nrule + 1, sizeof *set->always);
	set->stamp = nib_calloc(set->nrule + 1, sizeof *set->stamp);
	set->hit = nib_calloc(set->nrule + 1, sizeof *set->hit);
	set->ncand = set->nalways = 0;
	set->echo = 0;
	memset(set->fhead, 0, sizeof set->fhead);
	memset(set->bhead, 0, sizeof set->bhead);
	set->nbkey = 0;
	set->gen = 0;
	for (size_t i = 0; i < set->nrule; i++) {
		struct strip_rule *r = &set->rule[i];
		uint32_t ncap = 0, g;

		if (r->kind == STRIP_LIT)
			continue;
		pcre2_pattern_info(r->re, PCRE2_INFO_CAPTURECOUNT, &ncap);
		if (ncap + 1 > maxcap)
			maxcap = ncap + 1;
		if (r->kind == STRIP_ECHO)
			set->echo = 1;
		if (r->nkey == 0 && r->hasfirst) {
			/* A line rule is tried only on lines it can start. */
			for (int c = 0; c < 256; c++)
				if (r->first[c / 8] >> (c % 8) & 1)
					addcand(set, &set->fhead[c], i, 0);
			continue;
		}
		if (r->nkey == 0) {
			set->always[set->nalways++] = i;
			continue;
		}
		for (size_t k = 0; k < r->nkey; k++) {
			const struct strip_rkey *key = &r->key[k];

			if (key->len < 4) {
				/* Found through memchr(3) of its first byte. */
				unsigned char c = key->s[0], up = (unsigned char)toupper(c);

				addbyte(set, c, i, k);
				if (r->keyci && up != c)
					addbyte(set, up, i, k);
				if (r->keyci && fold[c] != c)
					addbyte(set, fold[c], i, k);
				continue;
			}
			g = 0;
			for (size_t j = 0; j < 4; j++)
				g = g << 8 | fold[key->s[key->off + j]];
			g = gram(g);
			addcand(set, &set->head[g], i, k);
			set->bigram[g >> 6] |= (uint64_t)1 << (g & 63);
		}
	}
	set->normmax = set->echo && ECHO_MAX > set->litmax ? ECHO_MAX : set->litmax;
	set->norm = nib_realloc(NULL, set->normmax + 1, 1);
	if (set->md != NULL)
		pcre2_match_data_free(set->md);
	set->md = pcre2_match_data_create(maxcap, NULL);
	if (set->mctx == NULL) {
		set->mctx = pcre2_match_context_create(NULL);
		/* A pathological pattern on a 1 GB line gives up, not hangs. */
		pcre2_set_match_limit(set->mctx, 10000000);
		set->jstack = pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, NULL);
		if (set->jstack != NULL)
			pcre2_jit_stack_assign(set->mctx, NULL, set->jstack);
	}
	if (set->md == NULL || set->mctx == NULL) {
		errx(2, "out of memory");
	}
	set->ready = 1;
}

static int
keyeq(const unsigned char *s, const unsigned char *k, size_t n, int ci)
{
	if (!ci)
		return memcmp(s, k, n) == 0;
	for (size_t i = 0; i < n; i++)
		if (fold[s[i]] != fold[k[i]])
			return 0;
	return 1;
}

static void scan(struct strip_set *, const unsigned char *, size_t);

static void
hit(struct strip_set *set, size_t rule)
{
	if (set->stamp[rule] == set->gen)
		return;
	set->stamp[rule] = set->gen;
	set->hit[set->nhit++] = rule;
}

/*
 * The rules worth trying on s[0..len), in rule order: those whose key the
 * line holds, the line rules that can start with its first byte after
 * blanks (s[t0]), and those with neither.
 */
static void
findhits(struct strip_set *set, const unsigned char *s, size_t len, size_t t0)
{
	set->nhit = 0;
	if (++set->gen == 0) {
		memset(set->stamp, 0, (set->nrule + 1) * sizeof *set->stamp);
		set->gen = 1;
	}
	for (size_t i = 0; i < set->nalways; i++)
		hit(set, set->always[i]);
	for (uint32_t c = set->fhead[s[t0]]; c != 0; c = set->cand[c - 1].next)
		hit(set, set->cand[c - 1].rule);
	scan(set, s, len);
	/* A few hits a line: insertion sort beats qsort's setup. */
	for (size_t i = 1; i < set->nhit; i++) {
		size_t v = set->hit[i], j = i;

		for (; j > 0 && set->hit[j - 1] > v; j--)
			set->hit[j] = set->hit[j - 1];
		set->hit[j] = v;
	}
}

/* Hits the rules whose short key starts with byte c, by memchr(3). */
static void
bytehits(struct strip_set *set, const unsigned char *s, size_t len, unsigned char c)
{
	const unsigned char *p = s, *e = s + len;
	size_t left = 0;

	for (uint32_t k = set->bhead[c]; k != 0; k = set->cand[k - 1].next)
		left += set->stamp[set->cand[k - 1].rule] != set->gen;
	while (left > 0 && (p = memchr(p, c, (size_t)(e - p))) != NULL) {
		for (uint32_t k = set->bhead[c]; k != 0; k = set->cand[k - 1].next) {
			size_t ri = set->cand[k - 1].rule;
			const struct strip_rule *r = &set->rule[ri];
			const struct strip_rkey *key = &r->key[set->cand[k - 1].key];

			if (set->stamp[ri] != set->gen && key->len <= (size_t)(e - p) &&
			    keyeq(p, key->s, key->len, r->keyci)) {
				hit(set, ri);
				left--;
			}
		}
		p++;
	}
}

/*
 * Hits the rules whose key holds the gram g that ends at s[i].  Kept out
 * of line: the scan loop that calls it rarely wants its registers.
 */
static void __attribute__((noinline))
candidates(struct strip_set *set, const unsigned char *s, size_t len, size_t i,
    uint32_t g)
{
	for (uint32_t c = set->head[g]; c != 0; c = set->cand[c - 1].next) {
		size_t ri = set->cand[c - 1].rule, at;
		const struct strip_rule *r = &set->rule[ri];
		const struct strip_rkey *k = &r->key[set->cand[c - 1].key];

		if (set->stamp[ri] == set->gen || i + 1 < 4 + k->off)
			continue;
		at = i + 1 - 4 - k->off;
		if (k->len <= len - at && keyeq(s + at, k->s, k->len, r->keyci))
			hit(set, ri);
	}
}

/* Hits the keyed rules whose key s[0..len) holds. */
static void
scan(struct strip_set *set, const unsigned char *s, size_t len)
{
	const uint64_t *bits = set->bigram;
	uint32_t w, g;

	for (int k = 0; k < set->nbkey; k++)
		bytehits(set, s, len, set->bkey[k]);
	w = 0;
	for (size_t i = 0; i < len && i < 3; i++)
		w = w << 8 | fold[s[i]];
	for (size_t i = 3; i < len; i++) {
		w = w << 8 | fold[s[i]];
		g = gram(w);
		if (bits[g >> 6] >> (g & 63) & 1)
			candidates(set, s, len, i, g);
	}
}

static int
match(struct strip_set *set, const struct strip_rule *r, const unsigned char *s,
    size_t len, size_t start)
{
	if (r->jit)
		return pcre2_jit_match(r->re, s, len, start, 0, set->md, set->mctx);
	return pcre2_match(r->re, s, len, start, 0, set->md, set->mctx);
}

static void
addspan(struct strip_set *set, size_t a, size_t b, size_t rule)
{
	if (set->nspan == set->spancap) {
		set->spancap = set->spancap ? set->spancap * 2 : 16;
		set->span = nib_realloc(set->span, set->spancap, sizeof *set->span);
	}
	set->span[set->nspan].a = a;
	set->span[set->nspan].b = b;
	set->span[set->nspan].rule = rule;
	set->nspan++;
}

/*
 * Hash of the normalized s[0..n), left in set->norm[0..*k); 0 when that
 * is past normmax bytes.  The low bit is set, so 0 means none.
 */
static uint64_t
normhash(struct strip_set *set, const unsigned char *s, size_t n, size_t *k)
{
	/* Twice as long as the longest rule: not worth folding blanks for. */
	if (n / 2 > set->normmax) {
		*k = set->normmax + 1;
		return 0;
	}
	*k = normcap(s, n, set->norm, set->normmax);
	return *k > set->normmax ? 0 : XXH3_64bits(set->norm, *k) | 1;
}

/* Whether the echo rule's group 1 repeats one of the lines before. */
static int
echoes(struct strip_set *set, const unsigned char *s)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(set->md);
	uint64_t h;
	size_t k;

	if (ov[2] == PCRE2_UNSET || ov[3] <= ov[2])
		return 0;
	if ((h = normhash(set, s + ov[2], ov[3] - ov[2], &k)) == 0)
		return 0;
	for (size_t i = 0; i < set->nprev; i++)
		if (set->prev[i] == h)
			return 1;
	return 0;
}

/* Next start after a match [a, b): past an empty match by one character. */
static size_t
nextstart(const unsigned char *s, size_t len, size_t a, size_t b)
{
	if (b > a)
		return b;
	for (b = a + 1; b < len && (s[b] & 0xc0) == 0x80; b++)
		;
	return b;
}

static int
cmprep(const void *x, const void *y)
{
	const struct strip_rep *a = x, *b = y;

	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	if (a->g != b->g)
		return a->g < b->g ? -1 : 1;
	return a->a < b->a ? -1 : a->a > b->a;
}

static void
fragments(struct strip_set *set, size_t ri, const unsigned char *s, size_t len)
{
	const struct strip_rule *r = &set->rule[ri];
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(set->md);
	size_t start = 0;

	while (start <= len && match(set, r, s, len, start) > 0) {
		size_t a = ov[0], b = ov[1];

		if (b < a)
			break;
		if (r->kind == STRIP_FRAG && b > a)
			addspan(set, a, b, ri);
		else if (r->kind == STRIP_REP && b > a && ov[2] != PCRE2_UNSET) {
			struct strip_rep *m;

			if (set->nrep == set->repcap) {
				set->repcap = set->repcap ? set->repcap * 2 : 16;
				set->rep = nib_realloc(set->rep, set->repcap, sizeof *set->rep);
			}
			m = &set->rep[set->nrep++];
			m->a = a;
			m->b = b;
			m->rule = ri;
			m->g = ov[2];
			m->h = XXH3_64bits(s + ov[2], ov[3] - ov[2]);
		}
		start = nextstart(s, len, a, b);
	}
}

/*
 * The rep: matches of the line, pooled over all rep: rules, go when the
 * text of their group starts at STRIP_REP_MIN places or more: a counter
 * that opens three captions, and the credit after each of them.
 */
static void
repspans(struct strip_set *set)
{
	size_t n = set->nrep;

	if (n < STRIP_REP_MIN)
		return;
	qsort(set->rep, n, sizeof *set->rep, cmprep);
	for (size_t i = 0, j; i < n; i = j) {
		size_t places = 1;

		for (j = i + 1; j < n && set->rep[j].h == set->rep[i].h; j++)
			places += set->rep[j].g != set->rep[j - 1].g;
		if (places >= STRIP_REP_MIN)
			for (size_t k = i; k < j; k++)
				addspan(set, set->rep[k].a, set->rep[k].b, set->rep[k].rule);
	}
}

static int
cmpspan(const void *x, const void *y)
{
	const struct strip_span *a = x, *b = y;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->rule < b->rule ? -1 : a->rule > b->rule;
}

/* Widens each span by a blank, sorts and merges them; 1 if no text is left. */
static int
settle(struct strip_set *set, const unsigned char *s, size_t len)
{
	size_t n = 0, kept = 0, at = 0;

	for (size_t i = 0; i < set->nspan; i++) {
		struct strip_span *p = &set->span[i];

		if (s[p->a] == ' ' || s[p->b - 1] == ' ')
			continue;
		if (p->b < len && s[p->b] == ' ')
			p->b++;
		else if (p->a > 0 && s[p->a - 1] == ' ')
			p->a--;
	}
	qsort(set->span, set->nspan, sizeof *set->span, cmpspan);
	for (size_t i = 0; i < set->nspan; i++) {
		if (n > 0 && set->span[i].a < set->span[n - 1].b) {
			if (set->span[i].b > set->span[n - 1].b)
				set->span[n - 1].b = set->span[i].b;
			continue;
		}
		set->span[n++] = set->span[i];
	}
	set->nspan = n;
	for (size_t i = 0; i <= n; i++) {
		size_t e = i < n ? set->span[i].a : len;

		for (; at < e; at++)
			kept += !isblankc(s[at]);
		if (i < n)
			at = set->span[i].b;
	}
	return kept == 0;
}

static void
remember(struct strip_set *set, uint64_t h)
{
	if (set->nprev == STRIP_ECHO_BACK) {
		memmove(set->prev, set->prev + 1, (STRIP_ECHO_BACK - 1) * sizeof *set->prev);
		set->nprev--;
	}
	set->prev[set->nprev++] = h;
}

/*
 * A literal rule for the line whose normalized form set->norm[0..k) hashes
 * to h (0: too long to be a literal).
 */
static int
literal(struct strip_set *set, uint64_t h, size_t k, size_t *rule)
{
	struct strip_lit *e;

	if (h == 0 || k > set->litmax || set->nlit == 0)
		return 0;
	if ((e = litget(set, h, set->norm, k)) == NULL)
		return 0;
	*rule = e->rule;
	return 1;
}

/* A line rule (re: or echo:) that removes the trimmed line t[0..n). */
static int
wholeline(struct strip_set *set, const unsigned char *t, size_t n, size_t *rule)
{
	for (size_t i = 0; i < set->nhit; i++) {
		const struct strip_rule *r = &set->rule[set->hit[i]];

		if (r->kind != STRIP_LINE && r->kind != STRIP_ECHO)
			continue;
		if (r->hasfirst && !(r->first[t[0] / 8] >> (t[0] % 8) & 1))
			continue;
		if (match(set, r, t, n, 0) > 0 &&
		    (r->kind == STRIP_LINE || echoes(set, t))) {
			*rule = set->hit[i];
			return 1;
		}
	}
	return 0;
}

size_t
strip_line(struct strip_set *set, const unsigned char *s, size_t len,
    const struct strip_span **sp)
{
	size_t t0 = 0, t1 = len, rule, k;
	uint64_t h;

	*sp = set->span;
	set->nspan = 0;
	if (!set->ready)
		build(set);
	while (t0 < t1 && isblankc(s[t0]))
		t0++;
	while (t1 > t0 && isblankc(s[t1 - 1]))
		t1--;
	if (t0 == t1)
		return 0;
	h = normhash(set, s + t0, t1 - t0, &k);
	set->nhit = 0;
	if (literal(set, h, k, &rule) ||
	    (findhits(set, s, len, t0), wholeline(set, s + t0, t1 - t0, &rule))) {
		addspan(set, 0, len, rule);
	} else {
		set->nrep = 0;
		for (size_t i = 0; i < set->nhit; i++) {
			enum strip_kind k = set->rule[set->hit[i]].kind;

			if (k == STRIP_FRAG || k == STRIP_REP)
				fragments(set, set->hit[i], s, len);
		}
		repspans(set);
		if (set->nspan > 0 && settle(set, s, len)) {
			set->span[0].a = 0;
			set->span[0].b = len;
			set->nspan = 1;
		}
	}
	if (set->echo)
		remember(set, h);
	*sp = set->span;
	return set->nspan;
}

void
strip_newdoc(struct strip_set *set)
{
	set->nprev = 0;
}

void
strip_free(struct strip_set *set)
{
	for (size_t i = 0; i < set->nrule; i++) {
		struct strip_rule *r = &set->rule[i];

		freerule(r);
	}
	for (size_t i = 0; i < set->litcap; i++)
		free(set->lit[i].s);
	if (set->md != NULL)
		pcre2_match_data_free(set->md);
	if (set->mctx != NULL)
		pcre2_match_context_free(set->mctx);
	if (set->jstack != NULL)
		pcre2_jit_stack_free(set->jstack);
	free(set->rule);
	free(set->lit);
	free(set->head);
	free(set->bigram);
	free(set->cand);
	free(set->always);
	free(set->hit);
	free(set->stamp);
	free(set->norm);
	free(set->span);
	free(set->rep);
	free(set->curname);
	memset(set, 0, sizeof *set);
}

const char *
strip_kindname(enum strip_kind k)
{
	return kindname[k];
}
