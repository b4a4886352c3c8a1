#include <string.h>
#include <strings.h>

#include "sniff.h"

/* Tags that open a page or a block of one; matched without case. */
static const char *const tags[] = {
	"<!doctype html", "<html", "<head", "<body", "<meta", "<script", "<div",
	"<p>", "<p ", "<span", "<a href", "<table", "<ul", "<li>", "<br", "<link",
	"<title", "<style", "<!--", NULL
};

/* Whether s[0..n) starts with the tag t (ASCII case ignored). */
static int
istag(const unsigned char *s, size_t n, const char *t)
{
	size_t l = strlen(t);

	return n >= l && strncasecmp((const char *)s, t, l) == 0;
}

static enum nib_kind
html(const unsigned char *s, size_t n)
{
	const unsigned char *p = s;
	size_t hits = 0, i;

	/* A page is markup from its first byte, or says what it is early. */
	for (; (p = memchr(p, '<', n - (size_t)(p - s))) != NULL; p++) {
		i = (size_t)(p - s);
		for (int k = 0; tags[k] != NULL; k++)
			if (istag(s + i, n - i, tags[k])) {
				if (i == 0 || k < 2)
					return NIB_HTML;
				hits++;
				break;
			}
	}
	/* Text that quotes a tag or two is still text; a page has many. */
	return hits >= 8 ? NIB_HTML : NIB_TEXT;
}

static enum nib_kind
jsonl(const unsigned char *s, size_t n)
{
	const unsigned char *nl = memchr(s, '\n', n);
	size_t e = nl ? (size_t)(nl - s) : n, i = 1;

	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
		e--;
	if (e < 2 || s[e - 1] != '}')
		return NIB_TEXT;
	while (i < e && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= e || s[i] != '"')
		return NIB_TEXT;
	/* The first key's closing quote, then a colon. */
	for (i++; i < e && s[i] != '"'; i += s[i] == '\\' ? 2 : 1)
		;
	for (i++; i < e && (s[i] == ' ' || s[i] == '\t'); i++)
		;
	return i < e && s[i] == ':' ? NIB_JSONL : NIB_TEXT;
}

enum nib_kind
nib_sniff(const unsigned char *s, size_t n)
{
	if (n > NIB_SNIFF_LEN)
		n = NIB_SNIFF_LEN;
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		n -= 3;
	}
	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
		s++;
		n--;
	}
	if (n > 0 && *s == '{')
		return jsonl(s, n);
	return html(s, n);
}
