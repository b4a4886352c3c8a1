#include "dedup.h"
#include "out.h"

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
		nib_out_putc('\n');
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
	nib_out_putc('\n');
	return 1;
}

void
dd_emit_unit(const struct dd *d, unsigned long count,
    const unsigned char *s, size_t n)
{
	if (d->count)
		nib_out_printf("%7lu ", count);
	nib_out_write(s, n);
	nib_out_putc('\n');
}

/* A TSV field: tab, LF, CR and backslash escaped, as nib_tsv_str does. */
static void
field(FILE *fp, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		switch (s[i]) {
		case '\t': fputs("\\t", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\\': fputs("\\\\", fp); break;
		default: putc(s[i], fp);
		}
}

void
dd_report(const struct dd *d, unsigned long doc, unsigned long line,
    int why, double score, unsigned long ofdoc, unsigned long ofline,
    const unsigned char *s, size_t n, const unsigned char *of, size_t ofn)
{
	static const char *whys[] = { "exact", "prefix", "near", "seen" };

	fprintf(d->report, "%lu\t%lu\t%s\t%.2f\t", doc, line, whys[why], score);
	if (ofline > 0)
		fprintf(d->report, "%lu:%lu", ofdoc, ofline);
	else
		putc('-', d->report);
	putc('\t', d->report);
	field(d->report, s, n);
	putc('\t', d->report);
	field(d->report, of, ofn);
	putc('\n', d->report);
}
