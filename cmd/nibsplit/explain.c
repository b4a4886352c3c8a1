/*
 * Why a block got its role, in words: the rule that gave it (the why
 * code the classifier left) and the two or three features that weighed
 * most, so that a user who disagrees with a label sees what to change
 * (or which nibstrip rule to write).
 */
#include <stdio.h>

#include "split.h"

static const char *const whytext[Y_NWHY] = {
	[Y_NONE] = "no rule",
	[Y_DENSE] = "prose in the densest run of prose",
	[Y_SHORTIN] = "a short block between the story's paragraphs",
	[Y_LIST] = "a list of one shape closing the story",
	[Y_FALLBACK] = "no block won the body: the strongest run of prose",
	[Y_REPEAT] = "repeats an earlier block",
	[Y_MARK] = "a marker phrase",
	[Y_CAPT] = "ends in a photo credit",
	[Y_OVERCREDIT] = "a short block over a credit",
	[Y_CREDIT] = "a few words in capitals",
	[Y_BYWORD] = "opens with a byline word",
	[Y_DATE] = "dates, times and numbers",
	[Y_LINKS] = "links, separators or a colon at the end",
	[Y_EMPTY] = "no words",
	[Y_TITLE] = "the page title or its repeat",
	[Y_LASTTITLE] = "the last title-like block before the story",
	[Y_UNDERHEAD] = "sentences under the headline",
	[Y_PROSEBEFORE] = "text before the story",
	[Y_SHORTBEFORE] = "a short block before the story",
	[Y_NOBODY] = "no prose on the page",
	[Y_SECTION] = "under a section head after the story",
	[Y_COPY] = "a copyright line after the story",
	[Y_AFTER] = "after the story's end",
	[Y_RELBOX] = "a link under a related head inside the story",
	[Y_PART] = "cut by -e",
};

size_t
split_explain(const struct split_block *b, char *buf, size_t cap)
{
	const struct split_feat *f = &b->f;
	const char *why = b->why < Y_NWHY && whytext[b->why] ? whytext[b->why] : "no rule";
	int n;

	n = snprintf(buf, cap, "%s (%u tokens, %u sentence ends, %u%% stop words, weight %+.0f)",
	    why, (unsigned)f->ntok, (unsigned)f->nterm, f->ntok ? 100 * split_count(f, f->nstop) / f->ntok : 0, (double)b->w);
	return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}
