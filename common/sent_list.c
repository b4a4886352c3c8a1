/*
 * sent_list: inline lists and interview labels.  A block, or a sentence,
 * that starts with a list marker ("1." "a)" "2.)" or a bullet) is cut
 * before each following marker of the same list: the next number or
 * letter, or the same bullet.  A sentence that starts with a label and a
 * colon ("Q:") is cut before the next one ("A:").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sent_chars.h"
#include "sent_impl.h"

/* A bullet at s[j]: • ‣ ⁃ ● ◦ ▪ */
static int
isbullet(const unsigned char *s, size_t n, size_t j)
{
	return j + 2 < n && s[j] == 0xe2 && ((s[j + 1] == 0x80 && (s[j + 2] == 0xa2 ||
	    s[j + 2] == 0xa3)) || (s[j + 1] == 0x81 && s[j + 2] == 0x83) ||
	    (s[j + 1] == 0x97 && (s[j + 2] == 0x8f || s[j + 2] == 0xa6)) ||
	    (s[j + 1] == 0x96 && s[j + 2] == 0xaa));
}

size_t
nib_sent_marker(const unsigned char *s, size_t n, size_t i, int *kind,
    unsigned long *item, unsigned char *bullet, size_t *blen)
{
	size_t j = i, d;
	int k, alpha = 0;

	*kind = L_NONE;
	*blen = 0;
	if (isbullet(s, n, j)) {
		memcpy(bullet, s + j, 3);
		*blen = 3;
		*kind = L_BULLET;
		j = skipws(s, n, j + 3);
	}
	d = j;
	while (j < n && j - d < 4 && isdigit_(s[j]))
		j++;
	if (j > d && j - d <= 3) {
		*item = strtoul((const char *)s + d, NULL, 10);
	} else if (j == d && j + 1 < n && s[j] >= 'a' && s[j] <= 'z' &&
	    (s[j + 1] == '.' || s[j + 1] == ')')) {
		*item = s[j];
		alpha = L_ALPHA;
		j++;
	} else
		return *kind ? j : i;
	if (j + 1 < n && s[j] == '.' && s[j + 1] == ')')
		k = L_DOTPAREN, j += 2;
	else if (j < n && s[j] == '.')
		k = L_DOT, j++;
	else if (j < n && s[j] == ')')
		k = L_PAREN, j++;
	else
		return *kind ? d : i;
	if (j < n && wslen(s, n, j) == 0)
		return *kind ? d : i;
	if (*kind == L_NONE)
		*kind = k | alpha;
	return skipws(s, n, j);
}

/* The bytes of the marker that would follow st's current item, in want[]. */
static size_t
wantmarker(const struct nib_sent *st, unsigned char want[8])
{
	size_t wl = 0;

	if (st->list == L_BULLET) {
		memcpy(want, st->bullet, st->blen);
		return st->blen;
	}
	if (st->list & L_ALPHA) {
		if (st->item >= 'z')
			return 0;
		want[wl++] = (unsigned char)(st->item + 1);
	} else {
		if (st->item >= 999)
			return 0;
		wl = (size_t)snprintf((char *)want, 8, "%lu", st->item + 1);
	}
	if ((st->list & ~L_ALPHA) == L_DOT || (st->list & ~L_ALPHA) == L_DOTPAREN)
		want[wl++] = '.';
	if ((st->list & ~L_ALPHA) == L_PAREN || (st->list & ~L_ALPHA) == L_DOTPAREN)
		want[wl++] = ')';
	return wl;
}

size_t
nib_sent_nextitem(const struct nib_sent *st, size_t i)
{
	const unsigned char *s = st->s, *p;
	size_t n = st->n;
	unsigned char want[8];
	size_t wl = wantmarker(st, want);

	if (wl == 0)
		return n;
	while (i < n && (p = memmem(s + i, n - i, want, wl)) != NULL) {
		size_t at = (size_t)(p - s), after = at + wl;

		if (at > 0 && wsback(s, n, 0, at) &&
		    (st->list == L_BULLET || after == n || wslen(s, n, after)))
			return at;
		i = at + 1;
	}
	return n;
}

void
nib_sent_startlist(struct nib_sent *st, size_t a)
{
	size_t j = nib_sent_marker(st->s, st->n, a, &st->list, &st->item,
	    st->bullet, &st->blen);

	if (j > a && st->list != L_NONE)
		st->cut = nib_sent_nextitem(st, j);
}

/*
 * The end of the label and colon at s[i] ("Q:", with a capital and white
 * space after the colon), or 0 when there is none.
 */
static size_t
labelat(const unsigned char *s, size_t lim, size_t i)
{
	size_t e = i;

	if (i >= lim || s[i] < 'A' || s[i] > 'Z')
		return 0;
	while (e < lim && e - i < 8 && isalpha_(s[e]))
		e++;
	if (e + 1 >= lim || s[e] != ':' || wslen(s, lim, e + 1) == 0 ||
	    !(nib_sent_lookup(s + i, e - i) & W_LABEL))
		return 0;
	return e + 1;
}

size_t
nib_sent_labelcut(const unsigned char *s, size_t lim, size_t a)
{
	size_t p = labelat(s, lim, a), w;
	const unsigned char *q;

	if (p == 0)
		return lim;
	for (; p < lim && (q = memchr(s + p, ':', lim - p)) != NULL; p = w + 1) {
		for (w = (size_t)(q - s); w > a && isalpha_(s[w - 1]); w--)
			;
		if (w > a && wsback(s, lim, a, w) && labelat(s, lim, w))
			return w;
		w = (size_t)(q - s);
	}
	return lim;
}
