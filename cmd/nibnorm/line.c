/*
 * line.c: nib_norm_line, the loop over a line's bytes.  ASCII takes a
 * fast path that copies it eight bytes at a time; '&' goes to the
 * entity decoder, runs of non-ASCII bytes are decoded here and written
 * through writer.c.  A line with mojibake is repaired first (mojibake.c).
 */
#include <stdlib.h>
#include <string.h>

#include "line.h"
#include "swar.h"

/* Byte classes of the fast path. */
enum { B_PLAIN, B_BLANK, B_AMP, B_CTRL, B_HIGH, B_NL };
static unsigned char bcls[256];

static void
init(void)
{
	for (int c = 0; c < 256; c++) {
		if (c >= 0x80)
			bcls[c] = B_HIGH;
		else if (c == ' ' || c == '\t' || c == '\r')
			bcls[c] = B_BLANK;
		else if (c == '\n')
			bcls[c] = B_NL;
		else if (c == '&')
			bcls[c] = B_AMP;
		else if ((c < ' ' && c != '\f') || c == 0x7f)
			bcls[c] = B_CTRL;
		else
			bcls[c] = B_PLAIN;
	}
	norm_load_entities();
}

struct nib_norm *
nib_norm_new(int flags)
{
	struct nib_norm *nm = nib_calloc(1, sizeof *nm);

	if (bcls[0x80] == 0)
		init();
	nm->flags = flags;
	/* One byte a code point; calloc'd pages cost nothing until touched. */
	nm->cls = nib_calloc(0x110000, 1);
	nm->badoff = -1;
	nm->dirty = NONE;
	return nm;
}

void
nib_norm_free(struct nib_norm *nm)
{
	if (nm == NULL)
		return;
	free(nm->cls);
	free(nm->o);
	free(nm->nb);
	norm_free_mojibake(nm);
	free(nm);
}

/*
 * A run of non-ASCII bytes from s[i]: decoded and written.  Most runs (a
 * curly quote, an accented letter, a word of Cyrillic or Han) are valid
 * and safe: they are copied whole.
 */
static size_t
run(struct nib_norm *nm, const unsigned char *s, size_t n, size_t i)
{
	size_t j = i;
	int l;
	int32_t cp;

	while (j < n && s[j] >= 0x80) {
		l = norm_decode(s + j, n - j, &cp);
		if (cp <= 0x9F || norm_cpclass(nm, cp) != C_SAFE)
			goto slow;
		j += (size_t)l;
	}
	norm_settle(nm);
	norm_reserve(nm, j - i);
	memcpy(nm->o + nm->olen, s + i, j - i);
	nm->olen += j - i;
	return j;
slow:
	j = i;
	while (j < n && s[j] >= 0x80) {
		l = norm_decode(s + j, n - j, &cp);
		if (cp < 0) {
			nm->stats.invalid++;
			if (nm->badoff < 0)
				nm->badoff = (long long)j;
			if (nm->flags & NIB_NORM_CP1252) {
				/* One byte of Windows-1252 text. */
				cp = nib_cp1252(s[j]);
				l = 1;
			} else
				cp = 0xFFFD;
		}
		norm_emit(nm, cp);
		j += (size_t)l;
	}
	return j;
}

/* Whether s[0..n) holds a byte past ASCII, eight bytes at a time. */
static int
has_high(const unsigned char *s, size_t n)
{
	size_t i = 0;
	uint64_t w, acc = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		acc |= w;
	}
	for (; i < n; i++)
		acc |= s[i];
	return (acc & NIB_HIGH) != 0;
}


/*
 * The high bit of each byte of w (first byte lowest) where the fast path
 * must stop: non-ASCII, controls, DEL, '&', and a space that is not
 * followed by a plain byte within w or that would start an empty line.
 */
static inline uint64_t
stop8(uint64_t w, int empty)
{
	uint64_t sp = nib_swar_eq(w, ' '), special, ok;

	/*
	 * A byte below 0x20 has no high bit after adding 0x60, DEL has one
	 * after adding 1.  Only a non-ASCII byte carries into the next, so
	 * every bit below the first non-ASCII byte is exact, and the caller
	 * only looks at the lowest.
	 */
	special = (w & NIB_HIGH) | (~(w + 0x60 * NIB_ONES) & NIB_HIGH) |
	    ((w + NIB_ONES) & NIB_HIGH) | nib_swar_eq(w, '&') | sp;
	ok = sp & ~(special >> 8) & ~(0x80ULL << 56) & (empty ? ~0x80ULL : ~0ULL);
	return special & ~ok;
}

/*
 * The fast path: copies plain ASCII and single spaces between plain
 * bytes, eight bytes at a time where it can; stops at anything else.
 */
static size_t
fast(struct nib_norm *nm, const unsigned char *s, size_t n, size_t i)
{
	unsigned char *o, *o0;
	uint64_t w, stop;
	unsigned k;

	/* Eight bytes may be stored when fewer are kept. */
	norm_reserve(nm, n - i + 8);
	o = nm->o + nm->olen;
	o0 = nm->o + nm->lstart;
	for (;;) {
		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
			stop = stop8(__builtin_bswap64(w), o == o0);
#else
			stop = stop8(w, o == o0);
#endif
			memcpy(o, &w, 8);
			if (stop == 0) {
				o += 8;
				i += 8;
				continue;
			}
			k = (unsigned)__builtin_ctzll(stop) >> 3;
			o += k;
			i += k;
		} else {
			while (i < n && bcls[s[i]] == B_PLAIN)
				*o++ = s[i++];
			if (i == n)
				break;
		}
		if (s[i] == ' ' && o > o0 && i + 1 < n && bcls[s[i + 1]] == B_PLAIN) {
			o[0] = ' ';
			o[1] = s[i + 1];
			o += 2;
			i += 2;
		} else
			break;
	}
	nm->olen = (size_t)(o - nm->o);
	return i;
}

const unsigned char *
nib_norm_line(struct nib_norm *nm, const unsigned char *s, size_t n,
    size_t *outlen)
{
	const unsigned char *fixed;
	size_t i = 0, fixedlen;

	nm->olen = nm->lstart = 0;
	nm->pend = 0;
	nm->dirty = NONE;
	nm->badoff = -1;
	if (!(nm->flags & NIB_NORM_NOMOJI) && has_high(s, n) &&
	    (fixed = norm_fix_mojibake(nm, s, n, &fixedlen)) != NULL) {
		/* Repair has counted the invalid bytes, and left none. */
		s = fixed;
		n = fixedlen;
	}
	norm_reserve(nm, n + 8);
	while (i < n) {
		if (nm->dirty == NONE && nm->pend == 0) {
			i = fast(nm, s, n, i);
			if (i == n)
				break;
		}
		switch (bcls[s[i]]) {
		case B_PLAIN:
			norm_putsafe(nm, s[i++]);
			break;
		case B_BLANK:
			norm_blank(nm, s[i++] == '\t' ? '\t' : ' ');
			break;
		case B_NL:
			norm_newline(nm);
			i++;
			break;
		case B_AMP:
			i = norm_entity(nm, s, n, i);
			break;
		case B_CTRL:
			nm->stats.removed++;
			i++;
			break;
		default:
			i = run(nm, s, n, i);
			break;
		}
	}
	if (nm->dirty != NONE)
		norm_flush_chunk(nm);
	*outlen = nm->olen;
	return nm->o;
}

