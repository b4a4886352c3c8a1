/*
 * The per-document scope: the document is held, then its units are
 * tested in three passes (exact repeats, glued prefixes, near repeats)
 * and what is left is written with the layout it came with.
 *
 * Blocks (lines or paragraphs) are the units of the exact and prefix
 * passes, unless -s makes sentences the units.  Near repeats are always
 * looked for among sentences, so that a caption pasted into a paragraph
 * (a whole article flattened into one line) goes while the paragraph's
 * other sentences stay.
 */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "dedup.h"
#include "mem.h"
#include "near.h"
#include "out.h"
#include "sent.h"
#include "tokens.h"
#include "utf8.h"

struct item {
	int type;		/* NIB_BLOCK or NIB_BLANK */
	size_t off, len;	/* in the document buffer */
	unsigned long line;	/* within the document */
	size_t u0, u1;		/* its units */
	size_t s0, s1;		/* its sentences (block units) */
};

struct unit {
	size_t item;
	size_t a0, a, b;	/* span (a0: before a prefix was cut) */
	size_t t0, t1;		/* tokens */
	struct nib_key key;
	int gone;		/* removed as a repeat */
	int keep;		/* no words: never removed */
};

struct sen {
	size_t item, a, b, t0, t1;
	int gone;
};

struct map {
	uint64_t *k;
	uint32_t *v;
	size_t cap;		/* slots in use, a power of two */
	size_t alloc;		/* slots allocated */
};

struct doc {
	unsigned char *buf;
	size_t len, cap;
	unsigned long no;	/* document number */
	struct item *it;
	size_t nit, itcap;
	struct unit *u;
	size_t nu, ucap;
	struct sen *s;
	size_t ns, scap;
	size_t *ta, *tb;	/* token spans */
	uint64_t *th;		/* token hashes */
	size_t *tcjk;		/* unspaced-script tokens before each token */
	size_t nt, tcap;
	uint64_t *chain;
	unsigned char *lens;	/* lengths of the units passed, for prefixes */
	size_t chcap;
	unsigned long *cnt;
	size_t cntcap;
	struct span *rm;
	size_t rmcap;
	struct map exact, pre;
	struct nib_near nr;
};

#define GROW(p, n, cap) do { if ((n) >= (cap)) { (cap) = (cap) * 2 + 64; \
	(p) = nib_realloc((p), (cap), sizeof *(p)); } } while (0)

/* Empties m and sizes it for n keys: only that much is cleared and probed. */
static void
map_clear(struct map *m, size_t n)
{
	size_t c = 64;

	while (c < n * 2)
		c *= 2;
	if (c > m->alloc) {
		free(m->k);
		free(m->v);
		m->k = nib_calloc(c, sizeof *m->k);
		m->v = nib_calloc(c, sizeof *m->v);
		m->alloc = c;
	} else
		memset(m->k, 0, c * sizeof *m->k);
	m->cap = c;
}

/* The value of key k, or -1 after setting it to v when k is new. */
static long
map_put(struct map *m, uint64_t k, uint32_t v)
{
	size_t i;

	k = k ? k : 1;
	for (i = (size_t)k & (m->cap - 1); m->k[i] != 0; i = (i + 1) & (m->cap - 1))
		if (m->k[i] == k)
			return m->v[i];
	m->k[i] = k;
	m->v[i] = v;
	return -1;
}

static long
map_get(const struct map *m, uint64_t k)
{
	size_t i;

	k = k ? k : 1;
	for (i = (size_t)k & (m->cap - 1); m->k[i] != 0; i = (i + 1) & (m->cap - 1))
		if (m->k[i] == k)
			return m->v[i];
	return -1;
}

static int
counting(const struct dd *d)
{
	return d->count || d->dups || d->uniqs;
}

static int
fuzzy(const struct dd *d)
{
	return d->mode == NIB_KEY_FOLD && !counting(d);
}

/* ASCII letters and digits 1, other ASCII 0, the rest 2 (ask tokens.h). */
static unsigned char wtab[256];
/* Two-byte characters: 1 a letter or digit, 2 not, 0 not looked up yet. */
static unsigned char twotab[0x800];

/* Length of the two-byte letter or digit at s (n bytes left), else 0. */
static size_t
twoword(const unsigned char *s, size_t n)
{
	int32_t cp;

	if (n < 2 || s[0] < 0xc2 || s[0] > 0xdf || (s[1] & 0xc0) != 0x80)
		return 0;
	cp = (s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	if (twotab[cp] == 0)
		twotab[cp] = nib_isletter(cp) || nib_isdigit(cp) ? 1 : 2;
	return twotab[cp] == 1 ? 2 : 0;
}

static void
pushtok(struct dd *d, struct doc *D, size_t a, size_t b, int ascii)
{
	const unsigned char *p = D->buf + a;

	if (D->nt == D->tcap) {
		D->tcap = D->tcap * 2 + 256;
		D->ta = nib_realloc(D->ta, D->tcap, sizeof *D->ta);
		D->tb = nib_realloc(D->tb, D->tcap, sizeof *D->tb);
		D->th = nib_realloc(D->th, D->tcap, sizeof *D->th);
		D->tcjk = nib_realloc(D->tcjk, D->tcap + 1, sizeof *D->tcjk);
		if (D->nt == 0)
			D->tcjk[0] = 0;
	}
	D->ta[D->nt] = a;
	D->tb[D->nt] = b;
	if (ascii && b - a <= 16) {
		/* Letters and digits lower with | 0x20: load, mask, mix. */
		static const uint64_t lo = 0x2020202020202020ULL;
		size_t n = b - a;
		uint64_t w0, w1;
		memcpy(&w0, p, 8);
		memcpy(&w1, p + 8, 8);
		if (n < 8) {
			w0 &= ~0ULL >> (64 - 8 * n);
			w1 = 0;
		} else
			w1 &= n == 8 ? 0 : ~0ULL >> (64 - 8 * (n - 8));
		w0 |= lo & (n < 8 ? ~0ULL >> (64 - 8 * n) : ~0ULL);
		w1 |= n <= 8 ? 0 : lo & (~0ULL >> (64 - 8 * (n - 8)));
		D->th[D->nt] = nib_key_mix(w0, w1, n);
	} else
		D->th[D->nt] = nib_key_token(&d->kb, p, b - a);
	/* A character of a script written without spaces: a third of a word. */
	D->tcjk[D->nt + 1] = D->tcjk[D->nt] + (!ascii && b - a >= 3 &&
	    b - a <= 4 && p[0] >= 0xe0 && (b - a == 3 || p[0] >= 0xf0));
	D->nt++;
}

/*
 * Tokens of a block as tokens.h finds them, with a fast path for runs of
 * ASCII and two-byte letters and digits; anything else asks tokens.h.
 */
static void
tokenize(struct dd *d, struct doc *D, const struct item *it)
{
	const unsigned char *s = D->buf + it->off;
	size_t n = it->len, i = 0, start, pos, a, b, l;
	int ascii;

	if (wtab['a'] == 0)
		for (int c = 0; c < 256; c++)
			wtab[c] = c >= 0x80 ? 2 : (c >= '0' && c <= '9') ||
			    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (D->nt == 0 && D->tcjk != NULL)
		D->tcjk[0] = 0;
	while (i < n) {
		unsigned char k = wtab[s[i]];
		if (k == 0) {
			i++;
			continue;
		}
		start = i;
		ascii = 1;
		for (;;) {
			while (i < n && wtab[s[i]] == 1)
				i++;
			if (i == n || wtab[s[i]] == 0)
				break;
			if ((l = twoword(s + i, n - i)) == 0)
				break;
			i += l;
			ascii = 0;
		}
		if (i > start && (i == n || wtab[s[i]] == 0 ||
		    (s[i] >= 0xc2 && s[i] <= 0xdf && i + 1 < n &&
		    (s[i + 1] & 0xc0) == 0x80))) {
			pushtok(d, D, it->off + start, it->off + i, ascii);
			continue;
		}
		pos = start;
		if (!nib_token_next(s, n, &pos, &a, &b))
			break;
		pushtok(d, D, it->off + a, it->off + b, 0);
		i = pos;
	}
}

/* The first token at or after offset a, from token t on. */
static size_t
tokat(const struct doc *D, size_t t, size_t a)
{
	while (t < D->nt && D->ta[t] < a)
		t++;
	return t;
}

static void
addunit(struct doc *D, size_t item, size_t a, size_t b, size_t *t)
{
	struct unit *u;

	GROW(D->u, D->nu, D->ucap);
	u = &D->u[D->nu++];
	memset(u, 0, sizeof *u);
	u->item = item;
	u->a0 = u->a = a;
	u->b = b;
	u->t0 = *t = tokat(D, *t, a);
	u->t1 = *t = tokat(D, *t, b);
}

static void
addsen(struct doc *D, size_t item, size_t a, size_t b, size_t *t)
{
	struct sen *s;

	GROW(D->s, D->ns, D->scap);
	s = &D->s[D->ns++];
	s->item = item;
	s->a = a;
	s->b = b;
	s->t0 = *t = tokat(D, *t, a);
	s->t1 = *t = tokat(D, *t, b);
	s->gone = 0;
}

/* Units (and tokens) of every block. */
static void
units(struct dd *d, struct doc *D)
{
	struct nib_sent ss;
	size_t a, b, t;

	D->nu = D->nt = 0;
	for (size_t i = 0; i < D->nit; i++) {
		struct item *it = &D->it[i];
		it->u0 = it->u1 = D->nu;
		if (it->type != NIB_BLOCK)
			continue;
		t = D->nt;
		if (fuzzy(d))
			tokenize(d, D, it);
		if (!d->sent)
			addunit(D, i, it->off, it->off + it->len, &t);
		else {
			nib_sent_init(&ss, D->buf + it->off, it->len);
			while (nib_sent_next(&ss, &a, &b))
				addunit(D, i, it->off + a, it->off + b, &t);
		}
		it->u1 = D->nu;
	}
}

static void
report(const struct dd *d, const struct doc *D, int why, double score,
    size_t ia, size_t a, size_t b, long ib, size_t oa, size_t ob)
{
	if (d->report == NULL)
		return;
	dd_report(d, D->no, D->it[ia].line, why, score, D->no,
	    ib < 0 ? 0 : D->it[ib].line, D->buf + a, b - a,
	    D->buf + oa, ob - oa);
}

/* Pass 1: a unit whose key an earlier unit has goes. */
static void
exact(struct dd *d, struct doc *D)
{
	long v;

	map_clear(&D->exact, D->nu);
	for (size_t i = 0; i < D->nu; i++) {
		struct unit *u = &D->u[i];
		const unsigned char *s = D->buf + u->a;
		if (fuzzy(d)) {
			/*
			 * Folded text is its tokens folded and hashed: the key
			 * is that of the token hashes, with no second pass
			 * over the text.
			 */
			if (u->t1 == u->t0) {
				u->keep = 1;	/* "***", "--": layout, not text */
				continue;
			}
			XXH128_hash_t h = XXH3_128bits(D->th + u->t0,
			    (u->t1 - u->t0) * sizeof *D->th);
			u->key.lo = h.low64 | 1;
			u->key.hi = h.high64;
		} else
			u->key = nib_key_make(&d->kb, d->mode, s, u->b - u->a);
		v = map_put(&D->exact, u->key.lo, (uint32_t)i);
		if (v < 0 || D->u[v].key.hi != u->key.hi)
			continue;
		u->gone = 1;
		report(d, D, WHY_EXACT, 1, u->item, u->a, u->b, (long)D->u[v].item,
		    D->u[v].a, D->u[v].b);
	}
}

/*
 * Words in tokens t0..t1: a character of a script written without spaces
 * is a token of its own but a third of a word, so that a short Japanese
 * phrase is not taken for a sentence.
 */
static size_t
words(const struct doc *D, size_t t0, size_t t1)
{
	size_t cjk = D->tcjk[t1] - D->tcjk[t0];

	return t1 - t0 - cjk + cjk / 3;
}

static uint64_t
chainmix(uint64_t h, uint64_t t)
{
	h = (h ^ t) * 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 29);
}

/* Where the tail starts after a cut prefix: separators go with the prefix. */
static size_t
tailstart(const struct doc *D, size_t i, size_t end)
{
	const unsigned char *p = D->buf;

	for (;;) {
		if (i < end && strchr(" \t\n:;,.|-", p[i]) != NULL && p[i] != '\0')
			i++;
		else if (i + 2 < end && p[i] == 0xe2 && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0x93 || p[i + 2] == 0x94))
			i += 3;		/* en and em dashes */
		else
			return i;
	}
}

/*
 * Pass 2: a unit that starts, at a word boundary, with the whole of an
 * earlier unit of at least minwords words keeps only its new tail (the
 * headline glued to the standfirst).
 */
static void
prefixes(struct dd *d, struct doc *D)
{
	size_t maxlen = 0;

	map_clear(&D->pre, D->nu);
	for (size_t i = 0; i < D->nu; i++) {
		struct unit *u = &D->u[i];
		size_t n = u->t1 - u->t0, k, best = 0;
		uint64_t h = 0x243F6A8885A308D3ULL;
		long v = -1;
		if (u->gone || u->keep || n < d->minwords)
			continue;
		if (n + 1 > D->chcap) {
			size_t c = D->chcap;
			D->chcap = n + 1;
			D->chain = nib_realloc(D->chain, D->chcap, sizeof *D->chain);
			D->lens = nib_realloc(D->lens, D->chcap, 1);
			memset(D->lens + c, 0, D->chcap - c);
		}
		for (k = 1; k <= n; k++)
			D->chain[k] = h = chainmix(h, D->th[u->t0 + k - 1]);
		/* Only the lengths of earlier units can match. */
		for (k = (n - 1 < maxlen ? n - 1 : maxlen); k >= d->minwords; k--)
			if (D->lens[k] && (v = map_get(&D->pre, D->chain[k])) >= 0 &&
			    words(D, u->t0, u->t0 + k) >= d->minwords) {
				best = k;
				break;
			}
		map_put(&D->pre, D->chain[n], (uint32_t)i);
		D->lens[n] = 1;
		if (n > maxlen)
			maxlen = n;
		if (best == 0)
			continue;
		report(d, D, WHY_PREFIX, 1, u->item, u->a0, D->tb[u->t0 + best - 1],
		    (long)D->u[v].item, D->u[v].a0, D->u[v].b);
		u->a = tailstart(D, D->tb[u->t0 + best - 1], u->b);
		u->t0 += best;
	}
	if (maxlen > 0)
		memset(D->lens, 0, maxlen + 1);
}

/* Does s[a..b) end as a sentence does: . ! ? and maybe closing marks? */
static int
stops(const struct doc *D, size_t a, size_t b)
{
	const unsigned char *p = D->buf;

	while (b > a) {
		unsigned char c = p[b - 1];
		if (c == '.' || c == '!' || c == '?')
			return 1;
		if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ')
			b--;
		else if (b - a >= 3 && p[b - 3] == 0xe2 && p[b - 2] == 0x80 &&
		    (c == 0x99 || c == 0x9d))
			b -= 3;		/* closing curly quotes */
		else
			return 0;
	}
	return 0;
}

/* Pass 3: sentences contained in a longer one go. */
static void
nears(struct dd *d, struct doc *D)
{
	struct nib_sent ss;
	size_t a, b, t;

	D->ns = 0;
	for (size_t i = 0; i < D->nit; i++) {
		struct item *it = &D->it[i];
		it->s0 = it->s1 = D->ns;
		for (size_t j = it->u0; j < it->u1; j++) {
			struct unit *u = &D->u[j];
			if (u->gone || u->keep)
				continue;
			t = u->t0;
			if (d->sent) {
				addsen(D, i, u->a, u->b, &t);
				continue;
			}
			nib_sent_init(&ss, D->buf + u->a, u->b - u->a);
			while (nib_sent_next(&ss, &a, &b))
				addsen(D, i, u->a + a, u->a + b, &t);
		}
		it->s1 = D->ns;
	}
	nib_near_reset(&D->nr);
	for (size_t i = 0; i < D->ns; i++) {
		struct sen *x = &D->s[i];
		const struct item *it = &D->it[x->item];
		nib_near_add(&D->nr, D->th + x->t0, x->t1 - x->t0, 0);
		D->nr.u[i].words = words(D, x->t0, x->t1);
		/*
		 * A line that is a title, not a sentence, is only ever an
		 * exact repeat: the headline inside the article must not go
		 * because the page title ("Headline - Site") holds it.
		 */
		if (it->s1 - it->s0 == 1 && !stops(D, x->a, x->b))
			D->nr.u[i].words = 0;
	}
	nib_near_run(&D->nr, d->t, d->minwords);
	for (size_t i = 0; i < D->ns; i++) {
		long v = D->nr.u[i].by;
		if (v < 0)
			continue;
		D->s[i].gone = 1;
		report(d, D, WHY_NEAR, D->nr.u[i].score, D->s[i].item, D->s[i].a,
		    D->s[i].b, (long)D->s[v].item, D->s[v].a, D->s[v].b);
	}
}

static void
addspan(struct doc *D, size_t *n, size_t a, size_t b)
{
	GROW(D->rm, *n, D->rmcap);
	D->rm[*n].a = a;
	D->rm[(*n)++].b = b;
}

/* Sorts spans by start and merges those that overlap (few: insertion). */
static void
sortspans(struct span *rm, size_t *n)
{
	size_t i, j, m = 0;

	for (i = 1; i < *n; i++) {
		struct span x = rm[i];
		for (j = i; j > 0 && rm[j - 1].a > x.a; j--)
			rm[j] = rm[j - 1];
		rm[j] = x;
	}
	for (i = 0; i < *n; i++) {
		if (m > 0 && rm[i].a <= rm[m - 1].b) {
			if (rm[i].b > rm[m - 1].b)
				rm[m - 1].b = rm[i].b;
		} else
			rm[m++] = rm[i];
	}
	*n = m;
}

/*
 * Writes what is left.  With -P the blank lines after a paragraph that
 * went go too, so that paragraphs stay one blank line apart.
 */
static void
emit(const struct dd *d, struct doc *D)
{
	int skipblank = 0;

	for (size_t i = 0; i < D->nit; i++) {
		struct item *it = &D->it[i];
		size_t n = 0;
		if (it->type != NIB_BLOCK) {
			if (!skipblank) {
				nib_out_write(D->buf + it->off, it->len);
				nib_out_putc(NIB_EOL);
			}
			continue;
		}
		for (size_t j = it->u0; j < it->u1; j++) {
			struct unit *u = &D->u[j];
			if (u->gone)
				addspan(D, &n, u->a0 - it->off, u->b - it->off);
			else if (u->a > u->a0)
				addspan(D, &n, u->a0 - it->off, u->a - it->off);
		}
		/* Sentences come after a cut prefix, in order. */
		for (size_t j = it->s0; j < it->s1; j++)
			if (D->s[j].gone)
				addspan(D, &n, D->s[j].a - it->off, D->s[j].b - it->off);
		sortspans(D->rm, &n);
		skipblank = !dd_emit_block(D->buf + it->off, it->len, D->rm, n) &&
		    d->para;
	}
}

/* -c, -d and -u: each unit once, in order, with the count of its key. */
static void
counts(struct dd *d, struct doc *D)
{
	long v;

	if (D->nu > D->cntcap) {
		D->cntcap = D->nu;
		D->cnt = nib_realloc(D->cnt, D->cntcap, sizeof *D->cnt);
	}
	memset(D->cnt, 0, D->nu * sizeof *D->cnt);
	for (size_t i = 0; i < D->nu; i++) {
		v = map_get(&D->exact, D->u[i].key.lo);
		if (v >= 0 && D->u[v].key.hi == D->u[i].key.hi)
			D->cnt[v]++;
	}
	for (size_t i = 0; i < D->nu; i++) {
		struct unit *u = &D->u[i];
		if (u->gone || (d->dups && D->cnt[i] < 2) ||
		    (d->uniqs && D->cnt[i] != 1))
			continue;
		dd_emit_unit(d, D->cnt[i], D->buf + u->a, u->b - u->a);
	}
}

static void
process(struct dd *d, struct doc *D)
{
	units(d, D);
	exact(d, D);
	if (counting(d))
		counts(d, D);
	else {
		if (fuzzy(d))
			prefixes(d, D);
		D->ns = 0;
		for (size_t i = 0; i < D->nit; i++)
			D->it[i].s0 = D->it[i].s1 = 0;
		if (fuzzy(d) && d->t > 0)
			nears(d, D);
		emit(d, D);
	}
	D->nit = D->len = 0;
}

/* Adds a block to the document; -1 when it would pass --max-doc. */
static int
add(struct dd *d, struct doc *D, int type, const struct nib_block *b)
{
	struct item *it;

	if (D->len + b->len > d->maxdoc)
		return -1;
	/* 16 bytes of slack: tokens are hashed by 8-byte loads. */
	nib_grow(&D->buf, &D->cap, D->len + b->len + 16);
	memcpy(D->buf + D->len, b->s, b->len);
	GROW(D->it, D->nit, D->itcap);
	it = &D->it[D->nit++];
	it->type = type;
	it->off = D->len;
	it->len = b->len;
	it->line = b->docline;
	D->len += b->len;
	D->no = b->doc;
	return 0;
}

/*
 * A document over --max-doc is left out whole, with a message; the run
 * goes on and ends with status 2.  One long stream with no form feeds is
 * most likely many documents run together: say what to do.
 */
static void
toolong(struct nib_reader *r, struct dd *d, struct doc *D, unsigned long doc)
{
	nib_warnl(r, "document %lu is longer than --max-doc (%zu bytes): left out%s",
	    doc, d->maxdoc, r->line == r->docline ? "; for a stream of many "
	    "documents use -g, or separate them with form-feed lines" : "");
	D->nit = D->len = 0;
	d->toolong = 1;
}

void
dd_doc(struct nib_reader *r, void *arg)
{
	struct dd *d = arg;
	struct doc *D;
	struct nib_block b;
	int t, skip = 0;

	if (d->eng == NULL)
		d->eng = nib_calloc(1, sizeof(struct doc));
	D = d->eng;
	while ((t = nib_reader_block(r, d->para, &b)) != NIB_EOF) {
		if (t == NIB_DOCSEP) {
			process(d, D);
			nib_out_docsep();
			skip = 0;
		} else if (!skip && add(d, D, t, &b) < 0) {
			toolong(r, d, D, b.doc);
			skip = 1;
		}
	}
	process(d, D);
}

void
dd_doc_end(struct dd *d)
{
	struct doc *D = d->eng;

	if (D == NULL)
		return;
	nib_near_free(&D->nr);
	free(D->buf);
	free(D->it);
	free(D->u);
	free(D->s);
	free(D->ta);
	free(D->tb);
	free(D->th);
	free(D->tcjk);
	free(D->chain);
	free(D->lens);
	free(D->cnt);
	free(D->rm);
	free(D->exact.k);
	free(D->exact.v);
	free(D->pre.k);
	free(D->pre.v);
	free(D);
	d->eng = NULL;
}
