/*
 * Cues read from a block's start and end: marker phrases ("Related
 * Articles", "Read more: ..."), a photo credit closing a caption, and a
 * dateline in capitals gluing a teaser to its headline.
 */
#include <string.h>

#include "feat.h"
#include "keys.h"

#define cls split_cls

size_t
split_fold(const unsigned char *s, size_t n, unsigned char *out, size_t cap)
{
	size_t i = 0, o = 0;
	int sp = 0, dig = 0;

	while (i < n && o + 2 < cap) {
		unsigned c = s[i];
		if (c >= 0x80 || cls[c] == C_LOW || cls[c] == C_UP) {
			if (sp && o > 0)
				out[o++] = ' ';
			sp = dig = 0;
			/* The rest of the word in a tight loop: most bytes are letters. */
			do {
				out[o++] = (unsigned char)(c < 0x80 ? c | 0x20 : c);
				c = ++i < n ? s[i] : 0;
			} while (i < n && o + 2 < cap && (c >= 0x80 || cls[c] == C_LOW ||
			    cls[c] == C_UP));
			continue;
		}
		if (cls[c] == C_DIG) {
			if (!dig) {
				if (sp && o > 0)
					out[o++] = ' ';
				out[o++] = '0';
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
		i++;
	}
	return o;
}

/*
 * The prefix mark of the longest phrase that buf[0..o) starts with (a
 * whole word), within its first 40 bytes; *plen is its length.
 */
static int
longestprefix(const unsigned char *buf, size_t o, size_t *plen)
{
	size_t i;
	int best = 0;
	uint32_t v, h = NIB_FNV_INIT;

	/* h: the hash of buf[0..i), one byte more each turn. */
	for (i = 1; i <= o && i < 40; i++) {
		h = nib_fnv_step(h, buf[i - 1]);
		if (i < o && buf[i] != ' ')
			continue;
		if ((v = split_lexh(buf, i, h)) != 0 && W_PMARK(v)) {
			best = W_PMARK(v);
			*plen = i;
		}
	}
	return best;
}

void
split_markers(const unsigned char *s, size_t n, const unsigned char *buf, size_t o,
    uint64_t h, struct split_feat *f)
{
	size_t i, blen = 0;
	const unsigned char *p;
	uint32_t v;
	int mark;

	if (o == 0)
		return;
	if (f->ntok <= 10 && n <= 96 && split_markmaybe(h) &&
	    (v = split_lex(buf, o)) != 0 && W_MARK(v)) {
		f->mark = (unsigned char)(W_MARK(v) == M_CALL ? M_PROMO : W_MARK(v));
		return;
	}
	/*
	 * Prefix markers ("Read more: ...", "Photo: ...") only on a short
	 * block or when a colon, a bar or a question mark follows the
	 * phrase: "Related talks went on" is a sentence.
	 */
	for (i = 0; i < o && buf[i] != ' '; i++)
		;
	if (!(split_lex(buf, i) & W_PFIRST))
		return;
	if ((mark = longestprefix(buf, o, &blen)) == 0)
		return;
	p = memchr(s, ':', n < blen + 4 ? n : blen + 4);
	if (p == NULL)
		p = memchr(s, '|', n < blen + 4 ? n : blen + 4);
	if (p == NULL)	/* "Need more space? Subscribe to ..." */
		p = memchr(s, '?', n < blen + 4 ? n : blen + 4);
	if (p == NULL && f->ntok > (mark == M_CALL ? PROMOMAX : 12))
		return;
	f->mark = (unsigned char)(mark == M_CALL ? M_PROMO : mark);
	f->prefix = 1;
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

void
split_credited(const unsigned char *s, size_t n, struct split_feat *f)
{
	unsigned char buf[64];
	const unsigned char *p;
	size_t i, o, from = n > 80 ? n - 80 : 0;

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
	o = split_fold(p + 1, (size_t)(s + n - 1 - (p + 1)), buf, sizeof buf);
	for (i = 1; i <= o; i++)
		if ((i == o || buf[i] == ' ') &&
		    W_PMARK(split_lex(buf, i)) == M_CREDIT) {
			f->capt = 1;
			return;
		}
}

void
split_glued(const unsigned char *s, size_t n, struct split_feat *f)
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
