/*
 * norm: the repairs and normalization of nibnorm, one line at a time
 * (man/nibnorm.1 has the details).  line.c runs the loop, writer.c the
 * output, charclass.c, entities.c and mojibake.c the parts.
 *
 * For each line, in this order: invalid UTF-8 becomes U+FFFD, one for each
 * maximal invalid subsequence (NIB_NORM_CP1252: each invalid byte is read
 * as Windows-1252).  Mojibake, UTF-8 read as Windows-1252 or Latin-1, is
 * repaired where unambiguous, and C1 controls that Windows-1252 defines
 * are taken as its characters (U+0092 is a ’).  HTML entities are decoded,
 * twice-escaped ones ("&amp;#8217;") whole.  C0 and C1 controls (NUL and
 * DEL too), zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and the
 * soft hyphen are removed; TAB, LF and FF are kept.  Unicode spaces (and
 * U+2028, U+2029) become blanks.  NIB_NORM_ASCII folds typographic
 * punctuation to ASCII.  The text is put in NFC (NIB_NORM_NFKC: NFKC).  A
 * run of blanks becomes one space (a lone tab stays a tab); blanks at both
 * ends of the line, and around an LF inside it, are removed.
 *
 * ASCII text takes a fast path that copies it eight bytes at a time; only
 * non-ASCII runs, '&', controls and runs of blanks leave it, and only
 * characters that fail a cached NFC quick check go through utf8proc.
 */
#ifndef NIB_NORM_H
#define NIB_NORM_H
#include <stddef.h>
#include <stdint.h>

enum {
	NIB_NORM_NFKC = 1 << 0,		/* NFKC instead of NFC */
	NIB_NORM_ASCII = 1 << 1,	/* fold typographic punctuation */
	NIB_NORM_NOENT = 1 << 2,	/* leave HTML entities alone */
	NIB_NORM_NOMOJI = 1 << 3,	/* leave mojibake alone */
	NIB_NORM_CP1252 = 1 << 4	/* invalid bytes are Windows-1252 */
};

struct nib_norm_stats {
	unsigned long long invalid;	/* invalid sequences made U+FFFD */
	unsigned long long entities;	/* HTML entities decoded */
	unsigned long long mojibake;	/* mojibake sequences repaired */
	unsigned long long removed;	/* controls and zero-width removed */
};

struct nib_norm {
	int flags;
	struct nib_norm_stats stats;	/* running totals; callers may reset */
	/* Offset in the last line of its first invalid byte, or -1. */
	long long badoff;
	/* private */
	unsigned char *cls;		/* cached class of each code point */
	unsigned char *o;		/* the line's output */
	size_t olen, ocap, lstart, dirty;
	int pend;			/* a blank waiting for the next char */
	int32_t *nb;			/* code points of a chunk to normalize */
	size_t nbcap;
	struct moji *moji;		/* mojibake repair's buffers */
};

/* A normalizer with flags NIB_NORM_*; free it with nib_norm_free(). */
struct nib_norm *nib_norm_new(int flags);
void nib_norm_free(struct nib_norm *nm);

/*
 * Normalizes s[0..n), one line without its line end (an LF inside is kept
 * as a line break).  Returns the result and sets *outlen; the memory is
 * nm's and stays valid until the next call.  The result is valid UTF-8,
 * never holds NUL, and never starts or ends with a blank.
 */
const unsigned char *nib_norm_line(struct nib_norm *nm,
    const unsigned char *s, size_t n, size_t *outlen);

/*
 * Looks up an HTML entity name (without '&' and ';').  Returns the number
 * of code points (1 or 2) stored in cp[0..2), or 0 for an unknown name.
 */
int nib_norm_entity(const char *name, size_t len, int32_t cp[2]);

#endif
