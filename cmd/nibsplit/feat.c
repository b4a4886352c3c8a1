/*
 * Block features: one pass over a block's bytes, an ASCII table for the
 * common case and utf8proc for the rest.
 */
#include <string.h>
#include <xxhash.h>

#include "feat.h"
#include "keys.h"
#include "utf8.h"

#define cls split_cls

/* Adds one to a small count, which stops at its type's maximum. */
#define SATINC(x) ((x) += (x) < (__typeof__(x))~(__typeof__(x))0)

/* The token being read: its folded start and what its characters were. */
struct tok {
	unsigned char w[32];	/* folded bytes, for the lexicon */
	size_t wl;
	uint32_t h;		/* nib_fnv() of w[0..wl), kept as it grows */
	size_t nlet;		/* letters in it */
	int in;			/* inside a token */
	int fc;			/* class of its first character */
	int caps, digits;	/* all capitals, all digits so far */
};

static void
starttok(struct tok *t, int c)
{
	t->fc = c;
	t->caps = t->digits = 1;
	t->wl = t->nlet = 0;
	t->h = NIB_FNV_INIT;
}

/* The leading run of capitalised words; l is the token's lexicon value. */
static void
leadrun(struct split_feat *f, const struct tok *t, int first, uint32_t l)
{
	/*
	 * Lower-case stop words do not end it ("Department of Justice").
	 * Capitalised stop words in it ("Death Of", "Custody After") are
	 * Title Case: a headline.
	 */
	if (first)
		f->leadopen = 1;
	if (!f->leadopen)
		return;
	if (t->fc == C_UP || t->digits) {
		f->lead++;
		if (!first && (l & W_STOP))
			f->leadstop++;
	} else if (!(l & W_STOP) && t->wl > 2)
		f->leadopen = 0;
}

/* The token t just ended; first says it was the block's first. */
static void
endtok(struct split_feat *f, const struct tok *t, int first)
{
	const unsigned char *w = t->w;
	uint32_t l;

	if (t->fc == C_UP || t->fc == C_LOW) {
		f->nalpha++;
		if (t->fc == C_UP)
			f->ncap++;
		if (t->caps && t->nlet >= 2)
			f->nupper++;
	} else if (t->digits) {
		f->nnum++;
		/* A year is evidence of a date. */
		if (t->wl == 4 && ((w[0] == '1' && w[1] == '9') || (w[0] == '2' && w[1] == '0')))
			SATINC(f->ndate);
	}
	l = t->wl <= 20 && !t->digits ? split_lexh(w, t->wl, t->h) : 0;
	if (l & W_STOP)
		f->nstop++;
	if (l & W_DATE)
		SATINC(f->ndate);
	if (first && (l & W_BY))
		f->byword = 1;
	leadrun(f, t, first, l);
}

/*
 * Past the first SAMPLE tokens of a block only counts go on: the ratios
 * (capitals, stop words) of a long paragraph are those of its start, and
 * the lexicon is not consulted, which keeps long text fast.  The counts
 * of the sample stay as they are; split_count() scales them.
 */
#define SAMPLE SPLIT_SAMPLE

/* An ASCII word starts at s[i]: a web address or a copyright notice? */
static inline void
wordstart(const unsigned char *s, size_t n, size_t i, struct split_feat *f)
{
	unsigned b = s[i];

	if (b == 'h' && n - i >= 4 && memcmp(s + i, "http", 4) == 0)
		f->url = 1;
	else if (b == 'w' && n - i >= 4 && memcmp(s + i, "www.", 4) == 0)
		f->url = 1;
	else if ((b | 0x20) == 'c' && n - i >= 9 &&
	    memcmp(s + i + 1, "opyright", 8) == 0)
		f->copy = 1;
}

/* Stops, commas and separators: the counts both feature passes keep. */
static inline void
punct(const unsigned char *s, size_t n, size_t i, int l, int c,
    struct split_feat *f)
{
	switch (c) {
	case C_TERM:
		/* A stop before a space or the end; "3.5" and "U.S" no. */
		if (i + (size_t)l >= n || cls[s[i + l] & 0x7f] == C_SPACE ||
		    cls[s[i + l] & 0x7f] == C_CLOSE || s[i + l] >= 0x80)
			SATINC(f->nterm);
		break;
	case C_COMMA:
		SATINC(f->ncomma);
		break;
	case C_SEP:
		SATINC(f->nsep);
		break;
	}
}

/* Counts for s[i..n), from the start of a token; returns the new last. */
static size_t
rest(const unsigned char *s, size_t n, size_t i, struct split_feat *f, size_t last)
{
	int in = 0, c, l, uns;
	int32_t cp;
	unsigned b;

	while (i < n) {
		b = s[i];
		if (b < 0x80) {
			c = cls[b];
			if (c >= C_LOW && c <= C_DIG) {
				if (!in) {
					f->ntok++;
					in = 1;
					wordstart(s, n, i, f);
				}
				last = ++i;
				continue;
			}
			l = 1;
		} else {
			l = nib_utf8_decode(s + i, n - i, &cp);
			c = split_ucls(cp, &uns);
			if (cp == 0xA9)
				f->copy = 1;
			if (c >= C_LOW && c <= C_DIG) {
				if (uns) {
					f->ntok++;
					f->nunspaced++;
					in = 0;
				} else if (!in) {
					f->ntok++;
					in = 1;
				}
				i += (size_t)l;
				last = i;
				continue;
			}
		}
		in = 0;
		punct(s, n, i, l, c, f);
		if (c == C_OTHER && b == '(' && i + 2 < n && (s[i + 1] | 0x20) == 'c' &&
		    s[i + 2] == ')')
			f->copy = 1;
		if (c != C_SPACE && c != C_CLOSE)
			last = i + (size_t)l;
		i += (size_t)l;
	}
	return last;
}

/*
 * The hot path: the run of ASCII letters and digits at s[i], whose first
 * byte has class c.  Returns the index after it.
 */
static inline size_t
asciirun(const unsigned char *s, size_t n, size_t i, int c, struct tok *t)
{
	unsigned b = s[i];

	do {
		if (c != C_DIG) {
			t->digits = 0;
			t->nlet++;
			if (c == C_LOW)
				t->caps = 0;
		}
		if (t->wl <= 20) {
			unsigned char lc = (unsigned char)(b | (c == C_UP ? 0x20 : 0));

			t->w[t->wl++] = lc;
			t->h = nib_fnv_step(t->h, lc);
		}
		i++;
	} while (i < n && (c = split_alnum[b = s[i]]) != 0);
	return i;
}

/* A letter or digit of class c, l bytes long, outside the hot path. */
static void
letter(const unsigned char *s, size_t i, int c, int l, int uns,
    struct split_feat *f, struct tok *t)
{
	if (uns || !t->in) {
		if (t->in)
			endtok(f, t, f->ntok == 1);
		f->ntok++;
		t->in = !uns;
		starttok(t, c);
		if (uns)
			f->nunspaced++;
	}
	if (c == C_LOW)
		t->caps = 0;
	if (c != C_DIG) {
		t->digits = 0;
		t->nlet++;
	}
	if (t->in && t->wl + (size_t)l <= sizeof t->w)
		for (int k = 0; k < l; k++) {
			t->w[t->wl++] = s[i + k];
			t->h = nib_fnv_step(t->h, s[i + k]);
		}
}

/* A character of class c that is not a letter or digit; lastc before it. */
static void
nonletter(const unsigned char *s, size_t n, size_t i, int c, int l, int lastc,
    struct split_feat *f, struct tok *t)
{
	unsigned b = s[i];

	if (t->in) {
		endtok(f, t, f->ntok == 1);
		t->in = 0;
	}
	/* A headline's words run on without commas or stops. */
	if (c == C_TERM || c == C_COMMA || b == '(' || b == ')')
		f->leadopen = 0;
	punct(s, n, i, l, c, f);
	if (c == C_COLON) {
		if (lastc == C_DIG && i + 1 < n && cls[s[i + 1] & 0x7f] == C_DIG)
			SATINC(f->ndate);
	} else if (c == C_OTHER) {
		if (b == '@' && i + 1 < n && cls[s[i + 1] & 0x7f] >= C_LOW &&
		    cls[s[i + 1] & 0x7f] <= C_DIG && (i == 0 || cls[s[i - 1] & 0x7f] == C_SPACE))
			f->url = 1;
		else if (b == '(' && i + 2 < n && (s[i + 1] | 0x20) == 'c' && s[i + 2] == ')')
			f->copy = 1;
	}
}

/* The token counts of s[0..n); returns the end of its last word or mark. */
static size_t
scan(const unsigned char *s, size_t n, struct split_feat *f)
{
	struct tok t = { .in = 0 };
	size_t i = 0, last = 0;
	int c, l, uns, lastc = C_SPACE;
	int32_t cp;
	unsigned b;

	while (i < n) {
		b = s[i];
		if (b < 0x80 && (c = cls[b]) >= C_LOW && c <= C_DIG) {
			if (!t.in) {
				if (f->ntok == SAMPLE) {
					last = rest(s, n, i, f, last);
					f->sampled = 1;
					f->leadopen = 0;
					return last;
				}
				f->ntok++;
				t.in = 1;
				starttok(&t, c);
				wordstart(s, n, i, f);
			}
			last = i = asciirun(s, n, i, c, &t);
			lastc = cls[s[i - 1]];
			continue;
		}
		if (b < 0x80) {
			l = 1;
			uns = 0;
		} else {
			l = nib_utf8_decode(s + i, n - i, &cp);
			c = split_ucls(cp, &uns);
			if (cp == 0xA9)
				f->copy = 1;
		}
		if (c == C_LOW || c == C_UP || c == C_DIG) {
			letter(s, i, c, l, uns, f, &t);
			last = i + (size_t)l;
		} else {
			nonletter(s, n, i, c, l, lastc, f, &t);
			if (c != C_SPACE && c != C_CLOSE)
				last = i + (size_t)l;
		}
		lastc = c;
		i += (size_t)l;
	}
	if (t.in)
		endtok(f, &t, f->ntok == 1);
	return last;
}

/* How the block ends: the last character that is not a space or a closing mark. */
static void
ending(const unsigned char *s, size_t n, size_t last, struct split_feat *f)
{
	size_t j = last - 1;
	int32_t cp;
	int c, uns;

	while (j > 0 && (s[j] & 0xC0) == 0x80)
		j--;
	nib_utf8_decode(s + j, n - j, &cp);
	c = cp < 0x80 && cp >= 0 ? cls[cp] : split_ucls(cp, &uns);
	f->endterm = c == C_TERM;
	f->endcolon = c == C_COLON;
}

/*
 * The key that tells repeats (short blocks folded: case, spaces and
 * punctuation do not count; long ones as they are), and the markers.
 */
uint64_t
split_key(const unsigned char *s, size_t n)
{
	unsigned char buf[256];

	if (n <= 96)
		return XXH3_64bits(buf, split_fold(s, n, buf, sizeof buf));
	return XXH3_64bits(s, n);
}

static uint64_t
keyandmarks(const unsigned char *s, size_t n, struct split_feat *f)
{
	unsigned char buf[256];
	uint64_t key;
	size_t o;

	if (n <= 96) {
		o = split_fold(s, n, buf, sizeof buf);
		key = XXH3_64bits(buf, o);
		split_markers(s, n, buf, o, key, f);
		return key;
	}
	key = XXH3_64bits(s, n);
	/*
	 * Past 12 tokens a prefix marker needs a colon, a bar or a question
	 * mark after it, but for a call to the reader ("Subscribe to ..."),
	 * which may run to PROMOMAX.
	 */
	if (f->ntok <= PROMOMAX || (f->ntok <= 40 && (memchr(s, ':', 44) != NULL ||
	    memchr(s, '|', 44) != NULL || memchr(s, '?', 44) != NULL))) {
		o = split_fold(s, 48, buf, sizeof buf);
		split_markers(s, n, buf, o, 0, f);
	}
	return key;
}

uint64_t
split_features(const unsigned char *s, size_t n, struct split_feat *f)
{
	uint64_t key;
	size_t last;

	split_lex_init();
	memset(f, 0, sizeof *f);
	last = scan(s, n, f);
	if (last > 0)
		ending(s, n, last, f);
	key = keyandmarks(s, n, f);
	split_credited(s, n, f);
	if (n > 40 && f->ntok >= 8)
		split_glued(s, n, f);
	return key;
}
