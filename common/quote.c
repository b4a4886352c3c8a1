/*
 * Quotation spans: the marks of a block (qmark.c) paired in one forward
 * pass with a small stack.
 */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "qmark.h"

/*
 * For each single-family mark, whether a strong closer comes before the
 * next mark that can only open: then a weak closer is an apostrophe.  One
 * pass backwards; q->next[k] is 1 when so.
 */
static void
lookahead(struct nib_qscan *q)
{
	int strong = 0;

	if (q->nextcap < q->nmark) {
		q->nextcap = q->nmark;
		q->next = nib_realloc(q->next, q->nextcap, sizeof *q->next);
	}
	for (size_t k = q->nmark; k-- > 0;) {
		struct nib_qmark *m = &q->mark[k];

		q->next[k] = (unsigned char)strong;
		if (m->fam != NIB_QF_SINGLE)
			continue;
		if ((m->fl & NIB_QM_CLOSE) && !(m->fl & NIB_QM_WEAK))
			strong = 1;
		else if (m->fl == NIB_QM_OPEN)
			strong = 0;
	}
}

static long
newspan(struct nib_qscan *q, const struct nib_qmark *m, long parent)
{
	struct nib_qspan *sp;

	if (q->nspan == q->spancap) {
		q->spancap = q->spancap ? q->spancap * 2 : 32;
		q->spanbuf = nib_realloc(q->spanbuf, q->spancap, sizeof *q->spanbuf);
		q->span = q->spanbuf;
	}
	sp = &q->spanbuf[q->nspan];
	sp->a = m->pos;
	sp->ta = m->pos + m->len;
	sp->parent = parent;
	sp->fam = m->fam;
	sp->closed = 0;
	return (long)q->nspan++;
}

/* Stack depth: one open span per family at most. */
#define MAXDEPTH 8

size_t
nib_qscan(struct nib_qscan *q, const unsigned char *s, size_t n)
{
	long stack[MAXDEPTH];
	unsigned char opdir[MAXDEPTH];
	int depth = 0, k;

	nib_qmarks_find(q, s, n);
	lookahead(q);
	q->nspan = 0;
	q->span = q->spanbuf;
	for (size_t i = 0; i < q->nmark; i++) {
		struct nib_qmark *m = &q->mark[i];

		for (k = depth - 1; k >= 0; k--)
			if (q->spanbuf[stack[k]].fam == m->fam)
				break;
		if (k >= 0 && (m->fl & NIB_QM_CLOSE) &&
		    (m->fam < NIB_QF_GUIL || opdir[k] != m->dir) &&
		    !((m->fl & NIB_QM_WEAK) && q->next[i])) {
			struct nib_qspan *sp = &q->spanbuf[stack[k]];

			sp->tb = m->pos;
			sp->b = m->pos + m->len;
			sp->closed = 1;
			depth = k;	/* what it held and never closed is dropped */
			continue;
		}
		if (!(m->fl & NIB_QM_OPEN))
			continue;
		if (k >= 0)
			depth = k;	/* the same family cannot nest: a stray */
		if (depth == MAXDEPTH)
			continue;
		opdir[depth] = m->dir;
		stack[depth] = newspan(q, m, depth ? stack[depth - 1] : -1);
		depth++;
	}
	for (size_t i = 0; i < q->nspan; i++)
		if (!q->spanbuf[i].closed)
			q->spanbuf[i].tb = q->spanbuf[i].b = n;
	q->open = depth > 0 ? stack[0] : -1;
	return q->nspan;
}

int
nib_qspan_top(const struct nib_qscan *q, size_t i)
{
	long p;

	if (!q->span[i].closed)
		return 0;
	for (p = q->span[i].parent; p >= 0; p = q->span[p].parent)
		if (q->span[p].closed)
			return 0;
	return 1;
}

void
nib_qscan_init(struct nib_qscan *q)
{
	memset(q, 0, sizeof *q);
	q->open = -1;
}

void
nib_qscan_free(struct nib_qscan *q)
{
	free(q->spanbuf);
	free(q->mark);
	free(q->next);
	nib_qscan_init(q);
}
