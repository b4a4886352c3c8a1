#include "dedup.h"
#include "out.h"
#include "rec.h"

static int
isws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

int
dd_emit_block(const unsigned char *s, size_t n, struct span *rm, size_t nrm)
{
	size_t at = 0, a, b, i, k;

	if (nrm == 0) {
		nib_out_write(s, n);
		nib_out_putc(NIB_EOL);
		return 1;
	}
	/*
	 * Widen each span over the white space after it, merge spans that
	 * meet, and let one that ends the block take the white space before.
	 */
	for (i = 0, k = 0; k < nrm; k++) {
		a = rm[k].a;
		b = rm[k].b;
		while (b < n && isws(s[b]))
			b++;
		if (i > 0 && a <= rm[i - 1].b) {
			if (b > rm[i - 1].b)
				rm[i - 1].b = b;
		} else {
			rm[i].a = a;
			rm[i++].b = b;
		}
	}
	nrm = i;
	if (rm[nrm - 1].b == n)
		while (rm[nrm - 1].a > 0 && isws(s[rm[nrm - 1].a - 1]))
			rm[nrm - 1].a--;
	for (i = 0, k = 0; i < n; i++)
		if (!isws(s[i])) {
			while (k < nrm && rm[k].b <= i)
				k++;
			if (k == nrm || i < rm[k].a)
				break;
		}
	if (i == n)
		return 0;	/* all gone but white space */
	for (k = 0; k < nrm; k++) {
		nib_out_write(s + at, rm[k].a - at);
		at = rm[k].b;
	}
	if (at < n)
		nib_out_write(s + at, n - at);
	nib_out_putc(NIB_EOL);
	return 1;
}

void
dd_emit_unit(const struct dd *d, unsigned long count,
    const unsigned char *s, size_t n)
{
	if (d->count)
		nib_out_printf("%7lu ", count);
	nib_out_write(s, n);
	nib_out_putc(NIB_EOL);
}

static const char *const keys[] = { "doc", "line", "why", "score", "of", "text",
    "of_text", NULL };

void
dd_report_header(const struct dd *d)
{
	struct nib_rec rec = { .b = { 0 } };

	nib_rec_begin(&rec, 0);
	for (size_t i = 0; keys[i] != NULL; i++)
		nib_rec_cstr(&rec, keys[i], keys[i]);
	nib_rec_fput(&rec, d->report);
	nib_rec_free(&rec);
}

/*
 * One record: TSV doc, line, why, score, of ("doc:line" or "-"), text,
 * of_text; JSON the same keys with file after doc and of as of_doc and
 * of_line (null when unknown).
 */
void
dd_report(const struct dd *d, unsigned long doc, unsigned long line,
    int why, double score, unsigned long ofdoc, unsigned long ofline,
    const unsigned char *s, size_t n, const unsigned char *of, size_t ofn)
{
	static const char *whys[] = { "exact", "prefix", "near", "seen" };
	static struct nib_rec rec;
	char num[64];

	nib_rec_begin(&rec, d->json);
	nib_rec_num(&rec, "doc", doc);
	if (d->json)
		nib_rec_cstr(&rec, "file", d->file);
	nib_rec_num(&rec, "line", line);
	nib_rec_cstr(&rec, "why", whys[why]);
	snprintf(num, sizeof num, "%.2f", score);
	nib_rec_raw(&rec, "score", num);
	if (d->json && ofline > 0) {
		nib_rec_num(&rec, "of_doc", ofdoc);
		nib_rec_num(&rec, "of_line", ofline);
	} else if (d->json) {
		nib_rec_raw(&rec, "of_doc", "null");
		nib_rec_raw(&rec, "of_line", "null");
	} else {
		if (ofline > 0)
			snprintf(num, sizeof num, "%lu:%lu", ofdoc, ofline);
		nib_rec_raw(&rec, "of", ofline > 0 ? num : "-");
	}
	nib_rec_str(&rec, "text", s, n);
	nib_rec_str(&rec, "of_text", of, ofn);
	nib_rec_fput(&rec, d->report);
}
