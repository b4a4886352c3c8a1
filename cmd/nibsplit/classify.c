/*
 * The classifier: a role for every block of a document.  The body is
 * found first, as the densest run of prose (weigh.c); the blocks before,
 * inside and after it get their roles from their features and the
 * document around them (roles.c).
 */
#include "classify.h"
#include "keys.h"
#include "tokens.h"

/* Roles inside the body [a, b]: related boxes, captions over credits. */
static void
body(struct split_doc *d, size_t a, size_t b)
{
	size_t i;
	unsigned char why;

	for (i = a; i <= b; i++) {
		B(i)->role = split_inside(B(i), &why);
		B(i)->why = why;
	}
	/* The links of a related box inside the story. */
	for (i = a; i <= b; i++)
		if (B(i)->role == R_RELATED)
			while (i + 1 <= b && !split_prose(&B(i + 1)->f) &&
			    B(i + 1)->f.ntok >= 2 && B(i + 1)->f.ntok <= 20) {
				B(++i)->role = R_RELATED;
				B(i)->why = Y_RELBOX;
			}
	/* A list of other headlines the body was bridged over (see bridge()). */
	for (i = a; i <= b; i++)
		if (B(i)->w < -1e6)
			for (; i <= b && B(i)->w <= 0; i++) {
				B(i)->role = R_RELATED;
				B(i)->why = Y_RELBOX;
			}
	/* A short block over a credit is the photo's caption. */
	for (i = a; i < b; i++)
		if (B(i)->role == R_BODY && B(i + 1)->role == R_CREDIT &&
		    B(i)->f.ntok <= 40) {
			B(i)->role = R_CAPTION;
			B(i)->why = Y_OVERCREDIT;
		}
}

/* Sentences of running text, however short: what the fallback takes. */
static int
sentences(const struct split_block *b)
{
	const struct split_feat *f = &b->f;

	return b->dup < 0 && (!f->mark || f->prefix) && !f->capt && f->ntok >= 6 &&
	    (f->endterm || f->nterm >= 1) && f->nsep < 2 && !(f->url && f->ntok < 25);
}

/*
 * No block won the body, yet the page may hold prose (a story of one- or
 * two-sentence paragraphs, all taken for a standfirst; a short item over
 * a list of dated headlines): the run of sentence blocks with the most
 * tokens is the body.  Empty blocks do not break a run.
 */
static void
fallback(struct split_doc *d)
{
	size_t i, start = 0, a = 0, b = 0;
	double sum = 0, best = 0;

	for (i = 0; i < d->n; i++) {
		if (B(i)->role == R_BODY)
			return;
	}
	for (i = 0; i < d->n; i++) {
		if (B(i)->f.ntok == 0)
			continue;
		if (!sentences(B(i))) {
			sum = 0;
			continue;
		}
		if (sum == 0)
			start = i;
		sum += B(i)->f.ntok - B(i)->f.nunspaced / 2.0;
		if (sum > best) {
			best = sum;
			a = start;
			b = i;
		}
	}
	if (best < 8)
		return;
	for (i = a; i <= b; i++)
		if (B(i)->f.ntok > 0) {
			B(i)->role = R_BODY;
			B(i)->why = Y_FALLBACK;
		}
	d->fallback = 1;
}

/* A short sentence: "Only twelve guests were there." */
static int
shortsentence(const struct split_block *b)
{
	return b->dup < 0 && !b->f.mark && b->f.endterm && b->f.ntok >= 3 &&
	    !b->f.url && b->f.nsep < 2;
}

/*
 * A standfirst is one to three short blocks under the headline: a run of
 * four or more sentence blocks right before the body is the story's start.
 * A sentence too short to weigh ("Only twelve guests were there.") right
 * before the body is its first paragraph.
 */
static size_t
backward(struct split_doc *d, size_t a)
{
	size_t i = a, k = 0;

	while (i > 0 && (B(i - 1)->f.ntok == 0 || sentences(B(i - 1)) ||
	    shortsentence(B(i - 1)))) {
		i--;
		k += B(i)->f.ntok > 0;
	}
	while (i < a && B(i)->f.ntok == 0)
		i++;
	if (k >= 4)
		return i;
	while (a > 0 && shortsentence(B(a - 1)) && B(a - 1)->f.ntok < 6)
		a--;
	return a;
}

#define GAPMAX 4	/* short blocks a bridge crosses */
#define WMIN 3		/* the weight of prose it must reach */
#define LISTMAX 10	/* blocks of a headline list it crosses */
#define LISTWMIN 15	/* the (discounted) weight of prose after one */

/*
 * Subheads, lists and steps between paragraphs of one story, and prose
 * that resumes after a list of other headlines inside it ("More from
 * Sport" or "Don't miss", six titles, and the story goes on): a gap of
 * short blocks after the body, then prose that weighs enough, extends the
 * body over both.  The list's head and titles stay related (body() sees
 * their weight or their marks).
 */
static size_t
bridge(struct split_doc *d, size_t b)
{
	size_t i, j, gapmax;
	double w;
	int crossed;

	for (;;) {
		crossed = 0;
		gapmax = GAPMAX;
		for (i = b + 1; i < d->n && i - b <= gapmax; i++) {
			const struct split_block *x = B(i);
			if (!crossed && ((x->w < -1e6 && split_more(&x->f)) ||
			    (x->w > -1e6 && x->f.mark == M_RELATED && !x->f.prefix))) {
				crossed = 1;
				gapmax = LISTMAX;
				continue;
			}
			if (x->w < -1e6 || x->dup >= 0 || x->f.copy ||
			    (x->f.mark && !x->f.prefix) || split_datelike(&x->f))
				return b;
			if (x->w > 0)
				break;
		}
		if (i >= d->n || i - b > gapmax || i == b + 1)
			return b;
		for (j = i, w = 0; j < d->n && B(j)->w > 0; j++)
			w += B(j)->w;
		if (w < (crossed ? LISTWMIN : WMIN))
			return b;
		b = j - 1;
	}
}

#define BIONAME 20	/* tokens of a bio that must hold the author's name */

/* The last two tokens of s[0..n) hashed in k[0..2); returns how many. */
static int
lasttwo(struct nib_keybuf *kb, const unsigned char *s, size_t n, uint64_t k[2])
{
	size_t pos = 0, a, b;
	int c = 0;

	while (nib_token_next(s, n, &pos, &a, &b)) {
		k[0] = k[1];
		k[1] = nib_key_token(kb, s + a, b - a);
		c++;
	}
	return c < 2 ? c : 2;
}

/* The first BIONAME tokens of s[0..n) hold both k[0] and k[1]. */
static int
named(struct nib_keybuf *kb, const unsigned char *s, size_t n, const uint64_t k[2])
{
	size_t pos = 0, a, b, t;
	int seen = 0;
	uint64_t h;

	for (t = 0; t < BIONAME && nib_token_next(s, n, &pos, &a, &b); t++) {
		h = nib_key_token(kb, s + a, b - a);
		seen |= (h == k[0]) | (h == k[1]) << 1;
	}
	return seen == 3;
}

/*
 * An author's box closing the story: a name ("Ann Lowe", "Sobre Tomás
 * Ferreira", in any language) over a last paragraph that names the same
 * person in its first words ("Ann Lowe is a reporter ...").  A name
 * repeated by the next paragraph inside the story is a subhead; only at
 * the end of the body [a, b] is it the author.  Returns the new end.
 */
static size_t
authorbox(struct split_doc *d, size_t a, size_t b)
{
	static struct nib_keybuf kb;
	size_t i, j = b;
	uint64_t k[2] = { 0, 0 };

	while (j > a && B(j)->f.ntok == 0)
		j--;
	for (i = j; i > a && B(i - 1)->f.ntok == 0; i--)
		;
	/* The name is never the body's first block: some story stays. */
	if (i <= a + 1 || !split_prose(&B(j)->f))
		return b;
	i--;
	if (B(i)->f.ntok < 2 || B(i)->f.ntok > 5 || B(i)->f.lead != B(i)->f.ntok ||
	    B(i)->f.endterm || B(i)->f.mark)
		return b;
	if (lasttwo(&kb, split_text(d, i), B(i)->len, k) < 2 ||
	    !named(&kb, split_text(d, j), B(j)->len, k))
		return b;
	while (i > a && B(i - 1)->f.ntok == 0)
		i--;
	return i - 1;
}

void
split_classify(struct split_doc *d)
{
	size_t i, a = 0, b = 0, h, off;

	d->fallback = 0;
	if (d->n == 0)
		return;
	for (i = 0, off = 0; i < d->n; off += B(i)->len, i++)
		B(i)->key = split_features(d->text + off, B(i)->len, &B(i)->f);
	split_repeats(d);
	h = split_weigh(d);
	if (!split_densest(d, &a, &b)) {
		/* Nothing reads as prose: all of it is page furniture. */
		split_before(d, d->n, h);
	} else {
		a = split_top(d, a, b);
		a = backward(d, a);
		b = bridge(d, b);
		b = split_list(d, b);
		b = split_records(d, a, b);
		b = authorbox(d, a, b);
		split_before(d, a, h);
		body(d, a, b);
		split_after(d, b);
	}
	fallback(d);
}
