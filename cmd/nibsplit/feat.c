/*
 * Block features: one pass over a block's bytes, an ASCII table for the
 * common case and utf8proc for the rest.
 */
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "split.h"
#include "utf8.h"

extern const unsigned char nib_data_split_stopwords[];
extern const size_t nib_data_split_stopwords_len;
extern const unsigned char nib_data_split_datewords[];
extern const size_t nib_data_split_datewords_len;
extern const unsigned char nib_data_split_markers[];
extern const size_t nib_data_split_markers_len;

enum { C_OTHER, C_LOW, C_UP, C_DIG, C_SPACE, C_TERM, C_COMMA, C_CLOSE, C_SEP, C_COLON };

static unsigned char cls[128];
/* The class of an ASCII letter or digit, 0 for any other byte. */
static unsigned char alnum[256];

/* Lexicon: stop words, date words, byline words and marker phrases. */
enum { W_STOP = 1, W_DATE = 2, W_BY = 4, W_PFIRST = 8 };
#define LEXSZ 2048
struct lex { const unsigned char *s; unsigned short len; unsigned char flags, mark, pmark; };
static struct lex lex[LEXSZ];
static int ready;
/*
 * A one-bit filter in front of the table, by 16 bits of the hash: most
 * words of running text are not in the lexicon, and fail it.
 */
static uint64_t bloom[1024];

#define FNV0 0xcbf29ce484222325ULL
#define FNV(h, b) (((h) ^ (b)) * 0x100000001b3ULL)
#define BLOOM(h) ((size_t)((h) >> 24) & 0xffff)

static uint64_t
fnv(const unsigned char *s, size_t n)
{
	uint64_t h = FNV0;

	while (n-- > 0)
		h = FNV(h, *s++);
	return h;
}

static struct lex *
slot(const unsigned char *s, size_t n, uint64_t h)
{
	size_t i = (size_t)h & (LEXSZ - 1);

	while (lex[i].s != NULL && (lex[i].len != n || memcmp(lex[i].s, s, n) != 0))
		i = (i + 1) & (LEXSZ - 1);
	return &lex[i];
}

/* The entry for s[0..n), whose fnv() is h, or NULL. */
static struct lex *
lookuph(const unsigned char *s, size_t n, uint64_t h)
{
	struct lex *l;

	if (!ready || n == 0 || n > 0xffff ||
	    !(bloom[BLOOM(h) >> 6] & (1ULL << (BLOOM(h) & 63))))
		return NULL;
	l = slot(s, n, h);
	return l->s != NULL ? l : NULL;
}

static struct lex *
lookup(const unsigned char *s, size_t n)
{
	return lookuph(s, n, fnv(s, n));
}

static void
add(const unsigned char *s, size_t n, int flags, int mark, int prefix)
{
	uint64_t h = fnv(s, n);
	struct lex *l = slot(s, n, h);

	l->s = s;
	l->len = (unsigned short)n;
	bloom[BLOOM(h) >> 6] |= 1ULL << (BLOOM(h) & 63);
	l->flags |= (unsigned char)flags;
	if (mark && prefix)
		l->pmark = (unsigned char)mark;
	else if (mark)
		l->mark = (unsigned char)mark;
}

static const char *const marknames[] = {
	"", "chrome", "related", "comments", "footer", "navigation",
	"caption", "credit", "promo", "end"
};

/* Loads a word list ("word" lines, or "mark<TAB>phrase" lines when mark). */
static void
load(const unsigned char *p, size_t n, int flags, int marks)
{
	const unsigned char *end = p + n, *nl, *t;
	size_t len;
	int m;

	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		len = (size_t)(nl - p);
		if (len == 0 || *p == '#')
			continue;
		m = 0;
		if (marks) {
			if ((t = memchr(p, '\t', len)) == NULL)
				continue;
			for (m = 1; m < (int)(sizeof marknames / sizeof *marknames); m++)
				if (strlen(marknames[m]) == (size_t)(t - p) &&
				    memcmp(marknames[m], p, (size_t)(t - p)) == 0)
					break;
			if (m == (int)(sizeof marknames / sizeof *marknames))
				continue;
			len -= (size_t)(t + 1 - p);
			p = t + 1;
			if (len > 1 && p[len - 1] == '*') {
				add(p, len - 1, 0, m, 1);
				/* Its first word, so that most blocks need one look. */
				for (t = p; t < p + len - 1 && *t != ' '; t++)
					;
				add(p, (size_t)(t - p), W_PFIRST, 0, 0);
				continue;
			}
		}
		add(p, len, flags, m, 0);
	}
}

/* Words that open a byline: "By Jane Doe", "Por ...", "Von ...". */
static const unsigned char bywords[] = "by\npor\nvon\npar\ndi\ndoor\nav\nde\n";

static void
init(void)
{
	int c;

	for (c = 'a'; c <= 'z'; c++)
		cls[c] = C_LOW;
	for (c = 'A'; c <= 'Z'; c++)
		cls[c] = C_UP;
	for (c = '0'; c <= '9'; c++)
		cls[c] = C_DIG;
	cls[' '] = cls['\t'] = cls['\n'] = cls['\r'] = cls['\f'] = cls['\v'] = C_SPACE;
	cls['.'] = cls['!'] = cls['?'] = C_TERM;
	cls[','] = cls[';'] = C_COMMA;
	cls['"'] = cls['\''] = cls[')'] = cls[']'] = C_CLOSE;
	cls['|'] = C_SEP;
	cls[':'] = C_COLON;
	for (c = 0; c < 128; c++)
		if (cls[c] >= C_LOW && cls[c] <= C_DIG)
			alnum[c] = cls[c];
	load(nib_data_split_stopwords, nib_data_split_stopwords_len, W_STOP, 0);
	load(nib_data_split_datewords, nib_data_split_datewords_len, W_DATE, 0);
	load(bywords, sizeof bywords - 1, W_BY, 0);
	load(nib_data_split_markers, nib_data_split_markers_len, 0, 1);
	ready = 1;
}

/* Class of a non-ASCII character, in the terms of the ASCII table. */
static int
ucls(int32_t cp, int *unspaced)
{
	*unspaced = 0;
	if (cp < 0)
		return C_OTHER;
	switch (cp) {
	case 0x3002: case 0xFF01: case 0xFF1F: case 0x2026: case 0xFF0E:
		return C_TERM;
	case 0x3001: case 0xFF0C: case 0xFF1B:
		return C_COMMA;
	case 0x201D: case 0x2019: case 0x00BB: case 0x300D: case 0x300F:
	case 0xFF09:
		return C_CLOSE;
	case 0x2022: case 0x00B7: case 0x2023: case 0x25CF:
		return C_SEP;
	case 0xFF1A:
		return C_COLON;
	case 0x00A0: case 0x3000:
		return C_SPACE;
	case 0x2018: case 0x201C: case 0x2013: case 0x2014: case 0x00AB:
		return C_OTHER;		/* common marks: no table lookup */
	}
	if ((cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
	    (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x3040 && cp <= 0x30FF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF)) {
		*unspaced = 1;
		return C_LOW;
	}
	/* One category lookup, in the terms of utf8.h's classes. */
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
		return C_UP;
	case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return C_LOW;
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return C_DIG;
	case UTF8PROC_CATEGORY_ZS:
		return C_SPACE;
	default:
		return C_OTHER;
	}
}

/* The token just ended: word[0..wl) folded, first class fc, all-caps. */
static void
endtok(struct split_feat *f, const unsigned char *w, size_t wl, uint64_t wh,
    int first, int fc, int caps, int digits, size_t nletters)
{
	struct lex *l;

	if (fc == C_UP || fc == C_LOW) {
		f->nalpha++;
		if (fc == C_UP)
			f->ncap++;
		if (caps && nletters >= 2)
			f->nupper++;
	} else if (digits) {
		f->nnum++;
		/* A year is evidence of a date. */
		if (wl == 4 && ((w[0] == '1' && w[1] == '9') || (w[0] == '2' && w[1] == '0')))
			f->ndate++;
	}
	l = wl <= 20 && !digits ? lookuph(w, wl, wh) : NULL;
	if (l != NULL) {
		if (l->flags & W_STOP)
			f->nstop++;
		if (l->flags & W_DATE)
			f->ndate++;
		if (first && (l->flags & W_BY))
			f->byword = 1;
	}
	/*
	 * The leading run of capitalised words; lower-case stop words do
	 * not end it ("Department of Justice").  Capitalised stop words in
	 * it ("Death Of", "Custody After") are Title Case: a headline.
	 */
	if (first)
		f->leadopen = 1;
	if (f->leadopen) {
		if (fc == C_UP || digits) {
			f->lead++;
			if (!first && l != NULL && (l->flags & W_STOP))
				f->leadstop++;
		} else if ((l == NULL || !(l->flags & W_STOP)) && wl > 2)
			f->leadopen = 0;
	}
}

/* Folds s for marker lookup: lower case, digit runs '#', others one space. */
static size_t
fold(const unsigned char *s, size_t n, unsigned char *out, size_t cap)
{
	size_t i, o = 0;
	int sp = 0, dig = 0;

	for (i = 0; i < n && o + 2 < cap; i++) {
		unsigned c = s[i];
		if (c >= 0x80 || cls[c] == C_LOW || cls[c] == C_UP) {
			if (sp && o > 0)
				out[o++] = ' ';
			sp = dig = 0;
			out[o++] = (unsigned char)(c < 0x80 ? c | 0x20 : c);
		} else if (cls[c] == C_DIG) {
			if (!dig) {
				if (sp && o > 0)
					out[o++] = ' ';
				out[o++] = '#';
			}
			sp = 0;
			dig = 1;
		} else if (c == '\'' && o > 0 && i + 1 < n && s[i + 1] < 0x80 &&
		    (cls[s[i + 1]] == C_LOW || cls[s[i + 1]] == C_UP)) {
			out[o++] = '\'';	/* "don't", "editor's" */
		} else {
			sp = 1;
			dig = 0;
		}
	}
	return o;
}

/* Marker lines; buf[0..o) is the folded text (of the first 200 bytes). */
static void
markers(const unsigned char *s, size_t n, const unsigned char *buf, size_t o,
    struct split_feat *f)
{
	size_t i, blen = 0;
	struct lex *l, *best;
	uint64_t h;

	if (o == 0)
		return;
	if (f->ntok <= 10 && n <= 96 && (l = lookup(buf, o)) != NULL && l->mark) {
		f->mark = l->mark;
		return;
	}
	/*
	 * Prefix markers ("Read more: ...", "Photo: ...") only on a short
	 * block or when a colon or bar follows the phrase: "Related talks
	 * went on" is a sentence.
	 */
	for (i = 0; i < o && buf[i] != ' '; i++)
		;
	if ((l = lookup(buf, i)) == NULL || !(l->flags & W_PFIRST))
		return;
	h = FNV(FNV0, buf[0]);
	for (i = 1, best = NULL; i <= o && i < 40; h = FNV(h, buf[i]), i++) {
		if (i < o && buf[i] != ' ')
			continue;
		if ((l = lookuph(buf, i, h)) != NULL && l->pmark) {
			best = l;
			blen = i;
		}
		if (i == o)
			break;
	}
	if (best != NULL) {
		/* The longest phrase: "more from" over "more". */
		const unsigned char *p = memchr(s, ':', n < blen + 4 ? n : blen + 4);
		if (p == NULL)
			p = memchr(s, '|', n < blen + 4 ? n : blen + 4);
		if (f->ntok > 12 && p == NULL)
			return;
		f->mark = best->pmark;
		f->prefix = 1;
	}
}

/*
 * A caption whose credit follows its last sentence: "... in New York.
 * Reuters", "... on Friday. Jay Calderon/The Desert Sun / USA TODAY
 * NETWORK via Imagn Images": a short tail of capitalised words.
 */
static void
tail(const unsigned char *s, size_t n, struct split_feat *f)
{
	size_t i, p = 0;
	unsigned tok = 0, cap = 0;
	int in = 0;

	for (i = n - 1; i > 0 && n - i < 80; i--)
		if (s[i] == ' ' && (s[i - 1] == '.' || s[i - 1] == '!' || s[i - 1] == '?')) {
			p = i + 1;
			break;
		}
	if (p == 0 || p >= n || cls[s[p] & 0x7f] != C_UP || s[p] >= 0x80)
		return;
	for (i = p; i < n; i++) {
		int c = s[i] < 0x80 ? cls[s[i]] : C_LOW;
		if (c >= C_LOW && c <= C_DIG) {
			if (!in) {
				tok++;
				cap += c == C_UP;
			}
			in = 1;
		} else {
			/* "Credit: ESA", "Photo: Jane Doe" */
			if (c == C_COLON && tok == 1) {
				in = 0;
				continue;
			}
			if (c == C_TERM || c == C_COMMA || c == C_COLON || c == C_CLOSE)
				return;
			in = 0;
		}
	}
	if (tok >= 1 && tok <= 9 && cap * 3 >= tok * 2)
		f->capt = 1;
}

/* A caption that ends in its credit: "... (Image: GETTY)". */
static void
credited(const unsigned char *s, size_t n, struct split_feat *f)
{
	unsigned char buf[64];
	const unsigned char *p;
	size_t i, o, from = n > 80 ? n - 80 : 0;
	struct lex *l;

	while (n > 0 && cls[s[n - 1] & 0x7f] == C_SPACE && s[n - 1] < 0x80)
		n--;
	if (n >= 4 && s[n - 1] != ')' && !f->endterm && f->nterm >= 1) {
		tail(s, n, f);
		return;
	}
	if (n < 4 || s[n - 1] != ')')
		return;
	for (p = NULL, i = n - 1; i-- > from;)
		if (s[i] == '(') {
			p = s + i;
			break;
		}
	if (p == NULL || p == s)
		return;
	o = fold(p + 1, (size_t)(s + n - 1 - (p + 1)), buf, sizeof buf);
	for (i = 1; i <= o; i++)
		if ((i == o || buf[i] == ' ') && (l = lookup(buf, i)) != NULL &&
		    l->pmark == M_CREDIT) {
			f->capt = 1;
			return;
		}
}

/*
 * Past the first SAMPLE tokens of a block only counts go on: the ratios
 * (capitals, stop words) of a long paragraph are those of its start, and
 * the lexicon is not consulted, which keeps long text fast.
 */
#define SAMPLE 40

static void
scale(struct split_feat *f)
{
	double k = (double)f->ntok / SAMPLE;

	f->nalpha = (unsigned)(f->nalpha * k);
	f->ncap = (unsigned)(f->ncap * k);
	f->nupper = (unsigned)(f->nupper * k);
	f->nstop = (unsigned)(f->nstop * k);
	f->nnum = (unsigned)(f->nnum * k);
	f->leadopen = 0;
}

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
			f->nterm++;
		break;
	case C_COMMA:
		f->ncomma++;
		break;
	case C_SEP:
		f->nsep++;
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
			c = ucls(cp, &uns);
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
 * A teaser glued to its headline: "... may be deemed stateless
 * WASHINGTON: Expressing concern ...": a dateline in capitals after a
 * lower-case word, inside the block.
 */
static void
glued(const unsigned char *s, size_t n, struct split_feat *f)
{
	const unsigned char *p = s + 10, *e = s + n;
	size_t q, caps;

	while (p < e && (p = memchr(p, ':', (size_t)(e - p))) != NULL) {
		q = (size_t)(p - s);
		caps = 0;
		while (q > 0 && ((s[q - 1] >= 'A' && s[q - 1] <= 'Z') || s[q - 1] == ' ' ||
		    s[q - 1] == '.')) {
			caps += s[q - 1] >= 'A' && s[q - 1] <= 'Z';
			q--;
		}
		while (q < (size_t)(p - s) && s[q] == ' ')
			q++;
		if (caps >= 3 && q >= 2 && s[q - 1] == ' ' &&
		    ((s[q - 2] >= 'a' && s[q - 2] <= 'z') || (s[q - 2] >= '0' && s[q - 2] <= '9'))) {
			f->glued = 1;
			return;
		}
		p++;
	}
}

void
split_features(const unsigned char *s, size_t n, struct split_feat *f)
{
	unsigned char w[32], buf[256];
	size_t i = 0, wl = 0, nlet = 0, last = 0, o;
	uint64_t wh = FNV0;
	int intok = 0, fc = 0, caps = 1, digits = 1, c, l, uns, lastc = C_SPACE;
	int32_t cp;
	unsigned b;

	if (!ready)
		init();
	memset(f, 0, sizeof *f);
	while (i < n) {
		b = s[i];
		if (b < 0x80 && (c = cls[b]) >= C_LOW && c <= C_DIG) {
			/* The hot path: a run of ASCII letters and digits. */
			if (!intok) {
				if (f->ntok == SAMPLE) {
					last = rest(s, n, i, f, last);
					scale(f);
					goto end;
				}
				f->ntok++;
				intok = 1;
				fc = c;
				caps = digits = 1;
				wl = nlet = 0;
				wh = FNV0;
				wordstart(s, n, i, f);
			}
			do {
				if (c != C_DIG) {
					digits = 0;
					nlet++;
					if (c == C_LOW)
						caps = 0;
				}
				if (wl <= 20) {
					w[wl] = (unsigned char)(b | (c == C_UP ? 0x20 : 0));
					wh = FNV(wh, w[wl]);
					wl++;
				}
				i++;
			} while (i < n && (c = alnum[b = s[i]]) != 0);
			last = i;
			lastc = c = cls[s[i - 1]];
			continue;
		}
		if (b < 0x80) {
			l = 1;
			uns = 0;
		} else {
			l = nib_utf8_decode(s + i, n - i, &cp);
			c = ucls(cp, &uns);
			if (cp == 0xA9)
				f->copy = 1;
		}
		if (c == C_LOW || c == C_UP || c == C_DIG) {
			if (uns || !intok) {
				if (intok)
					endtok(f, w, wl, wh, f->ntok == 1, fc, caps, digits, nlet);
				f->ntok++;
				intok = !uns;
				fc = c;
				caps = digits = 1;
				wl = nlet = 0;
				wh = FNV0;
				if (uns)
					f->nunspaced++;
			}
			if (c == C_LOW)
				caps = 0;
			if (c != C_DIG) {
				digits = 0;
				nlet++;
			}
			if (intok && wl + (size_t)l <= sizeof w)
				for (int k = 0; k < l; k++) {
					w[wl] = s[i + k];
					wh = FNV(wh, w[wl]);
					wl++;
				}
			last = i + (size_t)l;
		} else {
			if (intok) {
				endtok(f, w, wl, wh, f->ntok == 1, fc, caps, digits, nlet);
				intok = 0;
			}
			/* A headline's words run on without commas or stops. */
			if (c == C_TERM || c == C_COMMA || b == '(' || b == ')')
				f->leadopen = 0;
			punct(s, n, i, l, c, f);
			switch (c) {
			case C_COLON:
				if (lastc == C_DIG && i + 1 < n && cls[s[i + 1] & 0x7f] == C_DIG)
					f->ndate++;
				break;
			case C_OTHER:
				if (b == '@' && i + 1 < n && cls[s[i + 1] & 0x7f] >= C_LOW &&
				    cls[s[i + 1] & 0x7f] <= C_DIG && (i == 0 || cls[s[i - 1] & 0x7f] == C_SPACE))
					f->url = 1;
				else if (b == '(' && i + 2 < n && (s[i + 1] | 0x20) == 'c' && s[i + 2] == ')')
					f->copy = 1;
				break;
			}
			if (c != C_SPACE && c != C_CLOSE)
				last = i + (size_t)l;
		}
		lastc = c;
		i += (size_t)l;
	}
	if (intok)
		endtok(f, w, wl, wh, f->ntok == 1, fc, caps, digits, nlet);
end:
	/* The end: the last character that is not a space or a closing mark. */
	if (last > 0) {
		size_t j = last - 1;
		while (j > 0 && (s[j] & 0xC0) == 0x80)
			j--;
		nib_utf8_decode(s + j, n - j, &cp);
		c = cp < 0x80 && cp >= 0 ? cls[cp] : ucls(cp, &uns);
		f->endterm = c == C_TERM;
		f->endcolon = c == C_COLON;
	}
	/*
	 * The key that tells repeats: short blocks folded (case, spaces and
	 * punctuation do not count), long ones as they are.
	 */
	if (n <= 96) {
		o = fold(s, n, buf, sizeof buf);
		f->key = XXH3_64bits(buf, o);
		markers(s, n, buf, o, f);
	} else {
		f->key = XXH3_64bits(s, n);
		/* Past 12 tokens a prefix marker needs a colon or bar after it. */
		if (f->ntok <= 12 || (f->ntok <= 40 && (memchr(s, ':', 44) != NULL ||
		    memchr(s, '|', 44) != NULL))) {
			o = fold(s, 48, buf, sizeof buf);
			markers(s, n, buf, o, f);
		}
	}
	credited(s, n, f);
	if (n > 40 && f->ntok >= 8)
		glued(s, n, f);
}
