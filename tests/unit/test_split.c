/* Unit tests for nibsplit's block features and classifier. */
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "../../cmd/nibsplit/split.h"

static struct split_feat
feat(const char *s)
{
	struct split_feat f;

	split_features((const unsigned char *)s, strlen(s), &f);
	return f;
}

/* The key split_features() returns, which split_key() makes again. */
static uint64_t
key(const char *s)
{
	struct split_feat f;
	uint64_t k = split_features((const unsigned char *)s, strlen(s), &f);

	T(k == split_key((const unsigned char *)s, strlen(s)));
	return k;
}

static void
test_features(void)
{
	struct split_feat f;

	f = feat("The mayor said the plan would cost $3.5 million, most of it from the state.");
	T(f.ntok == 16);
	T(f.endterm == 1);
	T(f.nterm == 1);		/* "3.5" is no sentence end */
	T(f.ncomma == 1);
	T(f.nstop >= 5);
	T(f.nnum == 2);
	T(split_prose(&f));
	T(!split_titlelike(&f));

	f = feat("\"We will not wait,\" she said. \"Not again.\"");
	T(f.endterm == 1);		/* a closing quote after the stop */
	T(f.nterm == 2);

	f = feat("Council Backs Library Plan For Old Cannery");
	T(f.ncap == f.nalpha && f.nalpha == 7);
	T(!f.endterm);
	T(split_titlelike(&f));
	T(!split_prose(&f));

	f = feat("REUTERS");
	T(f.nupper == 1);

	/* Japanese: no spaces, each character a token, 。 ends sentences. */
	f = feat("市議会は古い缶詰工場を図書館にする計画を承認した。工事は春に始まる。");
	T(f.nunspaced >= 25);
	T(f.ntok == f.nunspaced);
	T(f.endterm == 1);
	T(f.nterm == 2);
	T(split_prose(&f));

	/* Dates, times and ages. */
	T(split_datelike(&(struct split_feat){ 0 }) == 0);
	f = feat("33 minutes ago");
	T(split_datelike(&f));
	f = feat("Updated 10:42 AM ET, Tue March 3, 2026");
	T(split_datelike(&f));
	f = feat("Publicado em 3 de março de 2026");
	T(split_datelike(&f));

	f = feat("By Jane Harrow and Tom Bell");
	T(f.byword);
	f = feat("Bystanders watched as the boats came in.");
	T(!f.byword);

	/* Markers, folded: case, punctuation and numbers do not matter. */
	T(feat("Related Articles").mark == M_RELATED);
	T(feat("RELATED ARTICLES:").mark == M_RELATED);
	T(feat("No comments yet...").mark == M_COMMENTS);
	T(feat("12 Comments").mark == M_COMMENTS);
	T(feat("Advertisement").mark == M_CHROME);
	T(feat("© 2026 Harbor Media. All rights reserved.").copy);
	f = feat("READ MORE: Town weighs new parking rules");
	T(f.mark == M_PROMO && f.prefix);
	/* A prefix marker in a long sentence without a colon is no marker. */
	f = feat("Read more widely and you will find that the harbor has always been a place of work for the town and its families.");
	T(f.mark == M_NONE);
	/* A call to the reader is a promo however long, without a colon. */
	f = feat("Subscribe to the Harbor Post and get the best stories from our reporters in your inbox every Friday.");
	T(f.mark == M_PROMO && f.prefix);
	T(feat("Photo: Lena Ortiz").mark == M_CREDIT);
	T(feat("Boat owners rallied at the dock on Sunday (Photo: AP)").capt);
	T(!feat("Boat owners rallied at the dock on Sunday (and Monday)").capt);

	/* A teaser glued to its headline, and a colon in a sentence. */
	T(feat("Town weighs new ferry fares after long summer PORT WICK: The council met on Monday to set new fares.").glued);
	T(!feat("The council said on Monday that the fares would rise: most riders will pay more.").glued);
	T(!feat("PORT WICK: The council met on Monday to set new fares for the island ferry.").glued);
	/* The leading Title Case run of a headline glued to its teaser. */
	f = feat("Ferry Fares To Rise In Spring After Council Vote The council voted on Monday to raise fares.");
	T(f.lead >= 9 && f.leadstop >= 2);
	f = feat("Dr. Ada Finch of the Harbor Board said the fares would rise in the spring.");
	T(f.leadstop == 0);

	/* Repeats: case and punctuation do not change the key. */
	T(key("Show caption") == key("SHOW CAPTION!"));
	T(key("Show caption") != key("Hide caption"));

	/* Invalid UTF-8 and NUL bytes are not letters, and do not crash. */
	split_features((const unsigned char *)"ab\xff\xfe\0cd", 7, &f);
	T(f.ntok == 2);
	split_features((const unsigned char *)"", 0, &f);
	T(f.ntok == 0 && !f.endterm);
}

static struct split_doc doc;

static void
add(const char *s)
{
	T(split_add(&doc, (const unsigned char *)s, strlen(s), doc.n + 1) == 0);
}

/*
 * Offsets and lines are kept once per group of blocks and found from
 * there: every block's text and first line come back, across groups,
 * after steps of many lines, and after a reset.
 */
static void
test_storage(void)
{
	static const unsigned long steps[] = { 1, 2, 62, 63, 64, 100, 70000, 1 };
	unsigned long line[100];
	char text[100][16];
	size_t i, len, ok = 0;

	doc.max = 1 << 20;
	for (int round = 0; round < 2; round++) {
		split_reset(&doc);
		for (i = 0; i < 100; i++) {
			line[i] = (i ? line[i - 1] : 1UL + (unsigned long)round) + steps[(i * 7 + round) % 8];
			len = (size_t)snprintf(text[i], sizeof text[i], "b%zu%.*s", i,
			    (int)(i % 5), "xxxxx");
			T(split_add(&doc, (const unsigned char *)text[i], len, line[i]) == 0);
		}
		for (i = 0; i < 100; i++)
			ok += doc.b[i].len == strlen(text[i]) &&
			    memcmp(split_text(&doc, i), text[i], doc.b[i].len) == 0 &&
			    split_line(&doc, i) == line[i];
	}
	T(ok == 200);
	T(split_line(&doc, 99) > 70000);
	split_reset(&doc);
}

/*
 * Repeats, found by a table in a small document and by sorting in place
 * in a large one, are the same: each repeat points to the first block
 * with words of its key; blocks without words are no repeats.
 */
static void
test_repeats(void)
{
	size_t sizes[] = { 1000, 70000 }, i, bad;
	char buf[32];

	for (int k = 0; k < 2; k++) {
		split_reset(&doc);
		doc.max = (size_t)1 << 30;
		for (i = 0; i < sizes[k]; i++) {
			if (i % 97 == 5)
				snprintf(buf, sizeof buf, i % 2 ? "Same line." : "SAME, LINE!");
			else if (i % 89 == 3)
				snprintf(buf, sizeof buf, "---");
			else	/* digits fold to one '0': the key tells letters */
				snprintf(buf, sizeof buf, "Line %c%c%c%c of the pier.",
				    (int)('a' + i % 26), (int)('a' + i / 26 % 26),
				    (int)('a' + i / 676 % 26), (int)('a' + i / 17576 % 26));
			T(split_add(&doc, (const unsigned char *)buf, strlen(buf), i + 1) == 0);
		}
		split_classify(&doc);
		for (i = 0, bad = 0; i < sizes[k]; i++) {
			int32_t want = i % 97 == 5 && i != 5 ? 5 : -1;
			bad += doc.b[i].dup != want;
		}
		T(bad == 0);
	}
	split_reset(&doc);
}

static int
role(size_t i)
{
	return doc.b[i].role;
}

static void
test_classify(void)
{
	struct split_item *items;
	size_t i, n;

	doc.max = 1 << 20;
	add("Harbor town votes to keep its ferry - Coastal News");
	add("World");
	add("Local");
	add("Sport");
	add("Weather");
	add("Harbor town votes to keep its ferry");
	add("By Jane Harrow");
	add("March 3, 2026");
	add("The town council of Little Wick voted on Monday to keep the island ferry running for another five years, ending a long fight over its cost.");
	add("The vote was 6-1. Council member Ada Finch, who cast the only vote against, said the town could not afford the new engines the boat will need.");
	add("Advertisement");
	add("Ferry captain Tom Bell said he was relieved. He has worked on the boat for twenty years and said most of his passengers are children going to school.");
	add("The council will set the new fares in April, after a public meeting.");
	add("Related Articles");
	add("Island News");
	add("2 hours ago");
	add("- Island News");
	add("Lighthouse reopens after repairs");
	add("The old lighthouse on the point opened again on Sunday after a year of work.");
	add("Bay Times");
	add("an hour ago");
	add("- Bay Times");
	add("School gets new boat for sailing club");
	add("Copyright 2026 Coastal News. All rights reserved.");
	split_classify(&doc);
	T(role(0) == R_HEADLINE);
	for (i = 1; i <= 4; i++)
		T(role(i) == R_NAV);
	T(role(5) == R_HEADLINE);
	T(role(6) == R_BYLINE);
	T(role(7) == R_DATELINE);
	T(role(8) == R_BODY);
	T(role(9) == R_BODY);
	T(role(10) == R_CHROME);
	T(role(11) == R_BODY);
	T(role(12) == R_BODY);
	for (i = 13; i <= 22; i++)
		T(role(i) == R_RELATED);
	T(role(23) == R_FOOTER);

	n = split_related(&doc, &items);
	T(n == 2);
	if (n == 2) {
		T(items[0].source.len == 11 &&
		    memcmp(doc.text + items[0].source.off, "Island News", 11) == 0);
		T(items[0].age.len == 11 &&
		    memcmp(doc.text + items[0].age.off, "2 hours ago", 11) == 0);
		T(items[0].title.len == 32 &&
		    memcmp(doc.text + items[0].title.off, "Lighthouse reopens after repairs", 32) == 0);
		T(items[0].first == 14 && items[0].last == 18);
		T(items[1].first == 19 && items[1].last == 22);
		T(doc.b[13].item == 0 && doc.b[15].item == 1 && doc.b[22].item == 2);
	}
	free(items);

	/* --max-doc: a block past the cap is refused. */
	split_reset(&doc);
	doc.max = 10;
	T(split_add(&doc, (const unsigned char *)"0123456789", 10, 1) == 0);
	T(split_add(&doc, (const unsigned char *)"x", 1, 2) == -1);
	T(doc.n == 1);

	/* Nothing that reads as prose: no body. */
	split_reset(&doc);
	doc.max = 1 << 20;
	add("Home");
	add("News");
	add("Contact us");
	split_classify(&doc);
	for (i = 0; i < doc.n; i++)
		T(role(i) != R_BODY);
	split_free(&doc);
}

/* Sentences too short to weigh, and nothing else: the fallback. */
static void
test_fallback(void)
{
	char buf[256];
	size_t i;

	doc.max = 1 << 20;
	add("Storm Latest - Valley Gazette");
	add("Weather");
	add("Storm closes the valley road");
	add("The valley road closed at noon today.");
	add("Trees fell across both lanes near Millbrook.");
	add("Crews expect to reopen it by Friday.");
	add("Share");
	split_classify(&doc);
	T(doc.fallback == 1);
	for (i = 3; i <= 5; i++)
		T(role(i) == R_BODY && doc.b[i].why == Y_FALLBACK);
	T(role(6) != R_BODY);
	T(split_explain(&doc.b[3], buf, sizeof buf) > 0);
	T(strncmp(buf, "no block won the body", 21) == 0);
	T(strstr(buf, "7 tokens") != NULL);
	/* A buffer too small is cut, and stays a string. */
	T(split_explain(&doc.b[3], buf, 8) == 7 && strlen(buf) == 7);

	/* A page whose body is found takes no fallback. */
	split_reset(&doc);
	add("The town council of Little Wick voted on Monday to keep the island ferry running for another five years.");
	add("The vote was 6-1, and the one member against said the town could not afford the new engines.");
	split_classify(&doc);
	T(doc.fallback == 0);
	T(role(0) == R_BODY && role(1) == R_BODY);
	split_free(&doc);
}

/* Past the sample, counts are scaled to the whole block when read. */
static void
test_sample(void)
{
	struct split_feat f;
	char s[2000] = "";
	int i;

	for (i = 0; i < 100; i++)
		strcat(s, i % 2 ? "the " : "Harbor ");
	f = feat(s);
	T(f.ntok == 100);
	T(f.sampled == 1);
	T(f.nalpha == 40 && split_count(&f, f.nalpha) == 100);
	T(split_count(&f, f.nstop) == 50);
	f = feat("A short block of words.");
	T(f.sampled == 0 && split_count(&f, f.nalpha) == f.nalpha);
}

static void
test_roles(void)
{
	T(split_role("body", 4) == R_BODY);
	T(split_role("navigation", 10) == R_NAV);
	T(split_role("bodies", 6) == -1);
	T(split_role("", 0) == -1);
	T(strcmp(split_rolename[R_RELATED], "related") == 0);
}

int
main(void)
{
	test_features();
	test_storage();
	test_repeats();
	test_classify();
	test_fallback();
	test_sample();
	test_roles();
	T_DONE();
}
