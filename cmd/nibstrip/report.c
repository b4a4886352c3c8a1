#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json.h"
#include "out.h"
#include "rec.h"
#include "report.h"

const char *const strip_report_keys[] = { "doc", "file", "line", "rule", "where",
    "text", NULL };

static struct nib_rec rec;
static struct nib_buf where;

void
strip_report(const struct strip_set *set, const struct nib_reader *r,
    const unsigned char *s, const struct strip_span *p, int fd, int record, int json)
{
	const struct strip_rule *rule = &set->rule[p->rule];
	const char *name = rule->name ? rule->name : strip_kindname(rule->kind);
	size_t a = p->a, b = p->b;
	char num[32];

	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
		b--;
	if (!record) {
		nib_out_write(s + a, b - a);
		nib_out_putc(NIB_EOL);
		return;
	}
	nib_rec_begin(&rec, json);
	nib_rec_num(&rec, "doc", r->doc);
	nib_rec_cstr(&rec, "file", r->path);
	nib_rec_num(&rec, "line", r->line);
	nib_rec_cstr(&rec, "rule", name);
	where.len = 0;
	nib_buf_add(&where, rule->src, strlen(rule->src));
	nib_buf_add(&where, num, (size_t)snprintf(num, sizeof num, ":%lu", rule->line));
	nib_rec_str(&rec, "where", where.s, where.len);
	nib_rec_str(&rec, "text", s + a, b - a);
	nib_rec_put(&rec, fd);
}

void
strip_report_free(void)
{
	nib_rec_free(&rec);
	free(where.s);
	where.s = NULL;
	where.len = where.cap = 0;
}
