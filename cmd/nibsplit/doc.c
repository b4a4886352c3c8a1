/* The document held whole: its text in one buffer, its blocks in an array. */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "split.h"

const char *const split_rolename[R_NROLES] = {
	"navigation", "headline", "standfirst", "byline", "dateline", "body",
	"caption", "credit", "chrome", "related", "comments", "footer", "part"
};

int
split_role(const char *s, size_t n)
{
	int i;

	for (i = 0; i < R_NROLES; i++)
		if (strlen(split_rolename[i]) == n && memcmp(split_rolename[i], s, n) == 0)
			return i;
	return -1;
}

void
split_select(struct split_opts *o, char *list)
{
	char *p;
	int r;

	o->select = 1;
	while ((p = strsep(&list, ",")) != NULL) {
		if (*p == '\0')
			continue;
		if ((r = split_role(p, strlen(p))) < 0)
			errx(2, "-s: unknown role '%s' (navigation, headline, standfirst, "
			    "byline, dateline, body, caption, credit, chrome, related, "
			    "comments, footer, part)", p);
		o->sel[r] = 1;
	}
	for (r = 0; r < R_NROLES && !o->sel[r]; r++)
		;
	if (r == R_NROLES)
		errx(2, "-s: no role named");
}

/* Block i (the next) starts at line, step lines after the previous one. */
static void
setline(struct split_doc *d, size_t i, uint32_t line)
{
	uint32_t step = line - d->lastline;

	d->lastline = line;
	if (i % SPLIT_GROUP == 0) {
		d->b[i].dline = 0;
		return;
	}
	if (step < 63) {
		d->b[i].dline = step & 63;
		return;
	}
	/* Only blocks after 63 lines (blank or their own) take these. */
	d->b[i].dline = 63;
	if (d->nstep == d->stepcap) {
		d->stepcap = d->stepcap ? d->stepcap * 2 : 16;
		d->step = nib_realloc(d->step, d->stepcap, sizeof *d->step);
	}
	d->step[d->nstep].i = (uint32_t)i;
	d->step[d->nstep++].step = step;
}

int
split_add(struct split_doc *d, const unsigned char *s, size_t n,
    unsigned long line)
{
	struct split_block *b;
	size_t i = d->n;

	if (n > d->max || d->len > d->max - n)
		return -1;
	if (n > UINT32_MAX || line > UINT32_MAX || d->n >= INT32_MAX)
		errx(2, "document too large: blocks of 4 GiB, 2^31 blocks or 2^32 lines");
	NIB_GROW(d->text, d->cap, d->len + n + 1);
	if (d->n == d->bcap) {
		d->bcap = d->bcap ? d->bcap * 2 : 256;
		d->b = nib_realloc(d->b, d->bcap, sizeof *d->b);
	}
	if (i % SPLIT_GROUP == 0) {
		NIB_GROW(d->g, d->gcap, i / SPLIT_GROUP + 1);
		d->g[i / SPLIT_GROUP].off = d->len;
		d->g[i / SPLIT_GROUP].line = (uint32_t)line;
	}
	b = &d->b[d->n++];
	memset(b, 0, sizeof *b);
	setline(d, i, (uint32_t)line);
	b->len = (uint32_t)n;
	b->dup = -1;
	if (n > 0)
		memcpy(d->text + d->len, s, n);
	d->len += n;
	return 0;
}

unsigned long
split_line(const struct split_doc *d, size_t i)
{
	size_t j, lo, hi;
	unsigned long line = d->g[i / SPLIT_GROUP].line;

	for (j = (i & ~(size_t)(SPLIT_GROUP - 1)) + 1; j <= i; j++) {
		if (d->b[j].dline < 63) {
			line += d->b[j].dline;
			continue;
		}
		/* The steps are in block order: a binary search finds j's. */
		for (lo = 0, hi = d->nstep; hi - lo > 1;)
			if (d->step[(lo + hi) / 2].i <= j)
				lo = (lo + hi) / 2;
			else
				hi = (lo + hi) / 2;
		line += d->step[lo].step;
	}
	return line;
}

void
split_reset(struct split_doc *d)
{
	d->len = 0;
	d->n = 0;
	d->nstep = 0;
}

void
split_free(struct split_doc *d)
{
	free(d->text);
	free(d->b);
	free(d->g);
	free(d->step);
	d->text = NULL;
	d->b = NULL;
	d->g = NULL;
	d->step = NULL;
	d->len = d->cap = d->n = d->bcap = d->gcap = d->nstep = d->stepcap = 0;
}

size_t
split_sections(const struct split_doc *d, struct split_sec **secs)
{
	struct split_sec *s = NULL;
	size_t i, n = 0, cap = 0;

	for (i = 0; i < d->n; i++) {
		const struct split_block *b = &d->b[i];
		if (n > 0 && s[n - 1].role == b->role && s[n - 1].item == b->item) {
			s[n - 1].last = i;
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			s = nib_realloc(s, cap, sizeof *s);
		}
		s[n].role = b->role;
		s[n].item = b->item;
		s[n].first = s[n].last = i;
		n++;
	}
	*secs = s;
	return n;
}
