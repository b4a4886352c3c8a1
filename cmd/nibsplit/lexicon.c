/*
 * The lexicon of the feature pass: byte classes, and the words and marker
 * phrases of the data files in one common/words set, each word with its
 * flags and marks packed in its value.
 */
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "feat.h"
#include "tokens.h"
#include "words.h"
#include "nibdata.h"


unsigned char split_cls[128];
unsigned char split_alnum[256];

static struct nib_words lex;
static int ready;
/* A filter of the whole marker phrases' XXH3 (split_markmaybe()). */
#define MARKBITS 256
static uint64_t markbits[MARKBITS];

static const char *const marknames[] = {
	"", "chrome", "related", "comments", "footer", "navigation",
	"caption", "credit", "promo", "end", "filed", "call"
};

/* Words that open a byline: "By Jane Doe", "Por ...", "Von ...". */
static const unsigned char bywords[] = "by\npor\nvon\npar\ndi\ndoor\nav\nde\n";

/* The enum split_mark named s[0..n), or 0. */
static int
markname(const unsigned char *s, size_t n)
{
	int m;

	for (m = 1; m < (int)(sizeof marknames / sizeof *marknames); m++)
		if (strlen(marknames[m]) == n && memcmp(marknames[m], s, n) == 0)
			return m;
	return 0;
}

/* Sets the mark of a phrase (a prefix mark when prefix); a later line wins. */
static void
setmark(const unsigned char *s, size_t n, int mark, int prefix)
{
	int shift = prefix ? W_PMARKSHIFT : W_MARKSHIFT;
	uint32_t v = nib_words_get(&lex, s, n);

	v = (v & ~(15u << shift)) | (uint32_t)mark << shift;
	nib_words_set(&lex, s, n, v);
	if (!prefix) {
		uint64_t h = XXH3_64bits(s, n);

		nib_hfilter_add(markbits, MARKBITS, h);
	}
}

int
split_markmaybe(uint64_t h)
{
	return nib_hfilter_has(markbits, MARKBITS, h);
}

/*
 * Loads "KIND<TAB>PHRASE" lines; "PHRASE*" matches a block's start, and
 * its first word is flagged so that most blocks need one look.
 */
static void
loadmarkers(const unsigned char *p, size_t n)
{
	struct nib_listline ln = { 0 };
	size_t pos = 0, len, w;
	int m;

	while (nib_list_next(p, n, &pos, 1, &ln)) {
		if ((m = markname(ln.word, ln.wlen)) == 0 || ln.rlen == 0)
			continue;
		len = ln.rlen;
		if (len > 1 && ln.rest[len - 1] == '*') {
			setmark(ln.rest, len - 1, m, 1);
			for (w = 0; w < len - 1 && ln.rest[w] != ' '; w++)
				;
			nib_words_add(&lex, ln.rest, w, W_PFIRST);
		} else
			setmark(ln.rest, len, m, 0);
	}
}

static void
classes(void)
{
	int c;

	for (c = 'a'; c <= 'z'; c++)
		split_cls[c] = C_LOW;
	for (c = 'A'; c <= 'Z'; c++)
		split_cls[c] = C_UP;
	for (c = '0'; c <= '9'; c++)
		split_cls[c] = C_DIG;
	split_cls[' '] = split_cls['\t'] = split_cls['\n'] = split_cls['\r'] = C_SPACE;
	split_cls['\f'] = split_cls['\v'] = C_SPACE;
	split_cls['.'] = split_cls['!'] = split_cls['?'] = C_TERM;
	split_cls[','] = split_cls[';'] = C_COMMA;
	split_cls['"'] = split_cls['\''] = split_cls[')'] = split_cls[']'] = C_CLOSE;
	split_cls['|'] = C_SEP;
	split_cls[':'] = C_COLON;
	for (c = 0; c < 128; c++)
		if (split_cls[c] >= C_LOW && split_cls[c] <= C_DIG)
			split_alnum[c] = split_cls[c];
}

void
split_lex_init(void)
{
	if (ready)
		return;
	classes();
	nib_words_init(&lex, 0);
	nib_words_load(&lex, nib_data_cmd_nibsplit_split_stopwords,
	    nib_data_cmd_nibsplit_split_stopwords_len, W_STOP);
	nib_words_load(&lex, nib_data_cmd_nibsplit_split_datewords,
	    nib_data_cmd_nibsplit_split_datewords_len, W_DATE);
	nib_words_load(&lex, bywords, sizeof bywords - 1, W_BY);
	loadmarkers(nib_data_cmd_nibsplit_split_markers,
	    nib_data_cmd_nibsplit_split_markers_len);
	ready = 1;
}

uint32_t
split_lex(const unsigned char *s, size_t n)
{
	return nib_words_get(&lex, s, n);
}

uint32_t
split_lexh(const unsigned char *s, size_t n, uint32_t h)
{
	uint32_t v = 0;

	nib_words_findh(&lex, s, n, h, &v);
	return v;
}

int
split_ucls(int32_t cp, int *unspaced)
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
	if (nib_unspaced(cp)) {
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
