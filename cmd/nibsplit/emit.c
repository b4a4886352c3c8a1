/* Output of a labelled document: lines, selected roles, JSON Lines or files. */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jldoc.h"
#include "json.h"
#include "mem.h"
#include "out.h"
#include "split.h"

#define B(i) (&d->b[i])

static void
text(const struct split_doc *d, size_t i)
{
	nib_out_write(split_text(d, i), B(i)->len);
}

/* The text of blocks [first, last] as one JSON string. */
static void
jtext(const struct split_doc *d, size_t first, size_t last, int para)
{
	unsigned char *buf = NULL;
	size_t i, n = 0, cap = 0;

	for (i = first; i <= last && first <= last; i++) {
		NIB_GROW(buf, cap, n + B(i)->len + 2);
		if (i > first) {
			buf[n++] = '\n';
			if (para)
				buf[n++] = '\n';
		}
		memcpy(buf + n, split_text(d, i), B(i)->len);
		n += B(i)->len;
	}
	nib_json_str(buf, n);
	free(buf);
}

static void
jspan(const struct split_doc *d, struct split_span s)
{
	if (s.len == 0)
		nib_out_str("null");
	else
		nib_json_str(d->text + s.off, s.len);
}

/* First block of item it after its title (it->last + 1 when none). */
static size_t
after_title(const struct split_doc *d, const struct split_item *it)
{
	size_t i;

	for (i = it->first; i <= it->last; i++)
		if (it->title.len && split_off(d, i) == it->title.off)
			return i + 1;
	return it->title.len ? it->last + 1 : it->first;
}

/* --explain with -j: why each block of [first, last] got its role. */
static void
jwhy(const struct split_doc *d, size_t first, size_t last)
{
	char buf[256];
	size_t i, n;

	nib_out_str(",\"why\":[");
	for (i = first; i <= last; i++) {
		if (i > first)
			nib_out_putc(',');
		n = split_explain(B(i), buf, sizeof buf);
		nib_json_str((const unsigned char *)buf, n);
	}
	nib_out_putc(']');
}

/* One object per section (of the selected roles); returns how many. */
static size_t
json(const struct split_doc *d, const struct split_sec *s, size_t ns,
    const struct split_item *items, unsigned long doc, const struct split_opts *o)
{
	size_t k, shown = 0;
	int para = o->para;

	for (k = 0; k < ns; k++) {
		if (o->select && !o->sel[s[k].role])
			continue;
		shown++;
		nib_out_printf("{\"doc\":%lu,\"file\":", doc);
		nib_json_cstr(o->file);
		nib_jl_id(doc);
		nib_out_printf(",\"section\":%zu,\"role\":\"%s\",\"line\":%lu",
		    k + 1, split_rolename[s[k].role], split_line(d, s[k].first));
		if (s[k].role == R_RELATED && s[k].item > 0) {
			const struct split_item *it = &items[s[k].item - 1];
			nib_out_str(",\"source\":");
			jspan(d, it->source);
			nib_out_str(",\"age\":");
			jspan(d, it->age);
			nib_out_str(",\"title\":");
			jspan(d, it->title);
			nib_out_str(",\"text\":");
			jtext(d, after_title(d, it), s[k].last, para);
		} else {
			nib_out_str(",\"text\":");
			jtext(d, s[k].first, s[k].last, para);
		}
		if (d->fallback && s[k].role == R_BODY)
			nib_out_str(",\"fallback\":true");
		if (o->explain)
			jwhy(d, s[k].first, s[k].last);
		nib_out_str("}\n");
	}
	return shown;
}

size_t
split_emit(struct split_doc *d, const struct split_opts *o, unsigned long doc,
    const char *prefix)
{
	struct split_sec *s = NULL;
	struct split_item *items = NULL;
	size_t i, ns, shown = 0;
	int first = 1;

	if (o->re == NULL)
		split_related(d, &items);
	if (o->json || o->dir) {
		ns = split_sections(d, &s);
		if (o->json)
			shown = json(d, s, ns, items, doc, o);
		else
			shown = split_files(d, s, ns, o, prefix);
		free(s);
		free(items);
		return shown;
	}
	for (i = 0; i < d->n; i++) {
		if (o->select) {
			if (!o->sel[B(i)->role])
				continue;
			if (o->para && !first)
				nib_out_putc('\n');
			text(d, i);
		} else {
			nib_out_str(split_rolename[B(i)->role]);
			nib_out_putc('\t');
			if (o->explain) {
				char buf[256];
				nib_out_write(buf, split_explain(B(i), buf, sizeof buf));
				nib_out_putc('\t');
			}
			nib_tsv_str(split_text(d, i), B(i)->len);
		}
		nib_out_putc('\n');
		first = 0;
		shown++;
	}
	free(items);
	return shown;
}
