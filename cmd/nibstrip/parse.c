/*
 * parse.c: rule files read line by line, each rule compiled once (PCRE2
 * with JIT when it can), literal lines handed to the index.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "strip.h"

static const char *kindname[] = { "lit", "re", "frag", "rep", "echo" };

void
strip_init(struct strip_set *set)
{
	memset(set, 0, sizeof *set);
	nib_words_init(&set->lit, 0);
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
		unsigned char lo = strip_fold(unit), up = (unsigned char)toupper(lo);

		r->first[lo / 8] |= (unsigned char)(1 << (lo % 8));
		r->first[up / 8] |= (unsigned char)(1 << (up % 8));
		r->hasfirst = 1;
	}
	pcre2_code_free(re);
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
	strip_setkeys(r, p, n);
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

	while (n > 0 && strip_isblank(t[0]))
		t++, n--;
	while (n > 0 && strip_isblank(t[n - 1]))
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
			while (n > 0 && strip_isblank(t[0]))
				t++, n--;
			if (n == 0)
				return failf(msg, src, line, prefix[i].pre, " needs text after it");
			break;
		}
	}
	r = addrule(set, kind, src, line);
	if (kind == STRIP_LIT) {
		strip_addlit(set, t, n, set->nrule - 1);
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
			NIB_GROW(buf, cap, len + 65536);
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

void
strip_free(struct strip_set *set)
{
	for (size_t i = 0; i < set->nrule; i++)
		freerule(&set->rule[i]);
	nib_words_free(&set->lit);
	if (set->md != NULL)
		pcre2_match_data_free(set->md);
	if (set->mctx != NULL)
		pcre2_match_context_free(set->mctx);
	if (set->jstack != NULL)
		pcre2_jit_stack_free(set->jstack);
	free(set->rule);
	free(set->head);
	free(set->bigram);
	free(set->cand);
	free(set->always);
	free(set->hit);
	free(set->stamp);
	free(set->limitwarned);
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
