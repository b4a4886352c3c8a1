#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "keys.h"
#include "mem.h"
#include "near.h"
#include "t.h"
#include "tokens.h"

static struct nib_keybuf kb;
static struct nib_near nr;
static uint64_t *toks;		/* the token hashes of every unit added */
static size_t ntoks, tokcap;

static void
reset(void)
{
	nib_near_reset(&nr);
	ntoks = 0;
}

static size_t
add(const char *s)
{
	size_t n = 0, pos = 0, a, b, len = strlen(s), first = ntoks;

	while (nib_token_next((const unsigned char *)s, len, &pos, &a, &b)) {
		NIB_GROW(toks, tokcap, ntoks + 1);
		toks[ntoks++] = nib_key_token(&kb, (const unsigned char *)s + a, b - a);
		n++;
	}
	return nib_near_add(&nr, first, n, 0);
}

static void
captions(void)
{
	reset();
	/* 0: a caption placed before the sentence it shortens */
	add("The mayor opened the new river bridge on Tuesday.");
	add("The mayor opened the new river bridge on Tuesday morning, "
	    "after two years of delays and a fight over its cost.");
	/* 2: a sentence that shares words but not their order */
	add("Delays on the river cost the mayor two years.");
	/* 3: the same sentence again, later: the later one goes */
	add("Weather kept the crowds small at the opening, organizers said.");
	/* near copies: the later goes even when it is the longer */
	add("weather kept the crowds small at the opening organizers said");
	/* 5: short: never a near repeat */
	add("The mayor opened");
	nib_near_run(&nr, toks, 0.75, 6);
	T(nr.u[0].by == 1 && nib_near_score(&nr, 0) == 1.0);
	T(nr.u[1].by == -1);
	T(nr.u[2].by == -1);
	T(nr.u[3].by == -1 && nr.u[4].by == 3);
	T(nr.u[5].by == -1);
}

static void
copies(void)
{
	reset();
	add("Snow closed the mountain pass for a third day on Sunday");
	add("Snow closed the mountain pass for a third day on Sunday night");
	add("Snow closed the mountain pass for a third day");
	nib_near_run(&nr, toks, 0.75, 6);
	T(nr.u[0].by == -1);
	T(nr.u[1].by == 0);	/* longer, but a near copy and later */
	T(nr.u[2].by == 0);	/* shorter: contained, whatever the order */
}

static void
thresholds(void)
{
	reset();
	/* 7 of the 9 bigrams of the caption are in the sentence. */
	add("Crews cleared the snow from the main road by noon today");
	add("By Friday, crews cleared the snow from the main road and side streets");
	nib_near_run(&nr, toks, 0.75, 6);
	T(nr.u[0].by == -1 && nr.u[1].by == -1);
	reset();
	add("Crews cleared the snow from the main road by noon today");
	add("By Friday, crews cleared the snow from the main road and side streets");
	nib_near_run(&nr, toks, 0.6, 6);
	T(nr.u[0].by == 1 && nib_near_score(&nr, 0) > 0.69 &&
	    nib_near_score(&nr, 0) < 0.71);
	T(nr.u[1].by == -1);
	/* Skipped units neither go nor contain. */
	reset();
	add("Crews cleared the snow from the main road today");
	nib_near_add(&nr, nr.u[0].tok, nr.u[0].ntok, 1);
	nib_near_run(&nr, toks, 0.5, 6);
	T(nr.u[0].by == -1 && nr.u[1].by == -1);
	/* Nothing at all. */
	reset();
	nib_near_run(&nr, toks, 0.5, 6);
	T(nr.n == 0);
}

/*
 * A caption that drops the end of its sentence, among n other sentences
 * that share two of its shingles ("of the", "the city"): past 128 of them
 * those two are common, and the caption must still be caught.
 */
static int
caught(size_t n)
{
	char s[160];
	size_t cap, body;

	reset();
	body = add("The mayor of the city opened the new bridge over the "
	    "river on Tuesday after years of delays.");
	for (size_t i = 0; i < n; i++) {
		snprintf(s, sizeof s, "Residents of the city ward %zu said "
		    "the plan %zu was late.", i, i * 7 + 3);
		add(s);
	}
	cap = add("The mayor of the city opened the new bridge over the river.");
	nib_near_run(&nr, toks, 0.9, 6);
	return nr.u[cap].by == (long)body && nib_near_score(&nr, cap) == 1.0;
}

int
main(void)
{
	T(caught(50));
	T(caught(500));
	T(caught(5000));
	captions();
	copies();
	thresholds();
	nib_near_free(&nr);
	free(toks);
	nib_keybuf_free(&kb);
	T_DONE();
}
