/*
 * Quotation spans: the marks of a block (qmark.c) paired in one forward
 * pass with a small stack.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "qmark.h"

/*
 * Whether a strong single closer comes after the mark that ends at pos
 * before the next single mark that can only open: then a weak closer at
 * pos is an apostrophe ("officials' plan").  The answer holds for every
 * weak closer up to the mark that decided it, so it is kept: the scans
 * forward never overlap, and the work stays linear.
 */
static int
strongnext(struct nib_qscan *q, const unsigned char *s, size_t n, size_t pos)
{
	struct nib_qmark m;
	size_t i = pos;
	int strong = 0;

	if (q->decided > pos)
		return q->strong;
	while (nib_qmark_next(s, n, &i, &m)) {
		if (m.fam != NIB_QF_SINGLE || (m.fl & NIB_QM_WEAK))
			continue;
		strong = (m.fl & NIB_QM_CLOSE) != 0;
		if (strong || m.fl == NIB_QM_OPEN)
			break;
	}
	q->decided = i;
	q->strong = strong;
	return strong;
}

static long
newspan(struct nib_qscan *q, const struct nib_qmark *m, long parent)
{
	struct nib_qspan *sp;

	if (q->nspan == q->spancap) {
		/* 1.5 times: a line of quotations is all spans. */
		q->spancap = q->spancap ? q->spancap + q->spancap / 2 : 32;
		q->spanbuf = nib_realloc(q->spanbuf, q->spancap, sizeof *q->spanbuf);
		q->span = q->spanbuf;
	}
	sp = &q->spanbuf[q->nspan];
	sp->a = (uint32_t)m->pos;
	sp->alen = (unsigned char)m->len;
	sp->blen = 0;
	sp->parent = (int32_t)parent;
	sp->fam = m->fam;
	sp->closed = 0;
	return (long)q->nspan++;
}

/* Stack depth: one open span per family at most. */
#define MAXDEPTH 8

/*
 * Drops the span on top of the span array when it holds nothing and no
 * other span: a run of marks ('""""', '“““') makes no span per mark.
 */
static void
dropempty(struct nib_qscan *q, long k)
{
	const struct nib_qspan *sp = &q->spanbuf[k];

	if (k > 0 && (size_t)k == q->nspan - 1 && sp->tb == nib_qspan_ta(sp))
		q->nspan--;
}

size_t
nib_qscan(struct nib_qscan *q, const unsigned char *s, size_t n)
{
	long stack[MAXDEPTH];
	unsigned char opdir[MAXDEPTH];
	struct nib_qmark m;
	size_t pos = 0;
	int depth = 0, k;

	if (n > NIB_QSCAN_MAX)
		errx(2, "a block of 4 GiB or more cannot be scanned for quotations");
	q->nspan = 0;
	q->span = q->spanbuf;
	q->decided = 0;
	while (nib_qmark_next(s, n, &pos, &m)) {
		for (k = depth - 1; k >= 0; k--)
			if (q->spanbuf[stack[k]].fam == m.fam)
				break;
		if (k >= 0 && (m.fl & NIB_QM_CLOSE) &&
		    (m.fam < NIB_QF_GUIL || opdir[k] != m.dir) &&
		    !((m.fl & NIB_QM_WEAK) && strongnext(q, s, n, pos))) {
			struct nib_qspan *sp = &q->spanbuf[stack[k]];

			sp->tb = (uint32_t)m.pos;
			sp->blen = (unsigned char)m.len;
			sp->closed = 1;
			depth = k;	/* what it held and never closed is dropped */
			dropempty(q, stack[k]);
			continue;
		}
		if (!(m.fl & NIB_QM_OPEN))
			continue;
		if (k >= 0) {
			depth = k;	/* the same family cannot nest: a stray */
			/* an opener that held nothing is forgotten */
			if (stack[k] > 0 && (size_t)stack[k] == q->nspan - 1)
				q->nspan--;
		}
		if (depth == MAXDEPTH)
			continue;
		opdir[depth] = m.dir;
		stack[depth] = newspan(q, &m, depth ? stack[depth - 1] : -1);
		depth++;
	}
	for (size_t i = 0; i < q->nspan; i++)
		if (!q->spanbuf[i].closed) {
			q->spanbuf[i].tb = (uint32_t)n;
			q->spanbuf[i].blen = 0;
		}
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
	nib_qscan_init(q);
}
