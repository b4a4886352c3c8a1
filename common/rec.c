#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jldoc.h"
#include "out.h"
#include "rec.h"

void
nib_rec_begin(struct nib_rec *r, int json)
{
	r->b.len = 0;
	r->json = json;
	r->nf = 0;
	r->doc = 0;
	if (json)
		nib_buf_add(&r->b, "{", 1);
}

/* Closes the object, if it is one, and ends the line. */
static void
end(struct nib_rec *r)
{
	if (r->json)
		nib_buf_add(&r->b, "}", 1);
	nib_buf_add(&r->b, "\n", 1);
}

/* What comes before a field: a tab or comma, and the JSON key. */
static void
sep(struct nib_rec *r, const char *key)
{
	if (r->nf++ > 0)
		nib_buf_add(&r->b, r->json ? "," : "\t", 1);
	if (r->json) {
		nib_buf_json(&r->b, key, strlen(key));
		nib_buf_add(&r->b, ":", 1);
	}
}

void
nib_rec_str(struct nib_rec *r, const char *key, const void *s, size_t n)
{
	sep(r, key);
	if (r->json)
		nib_buf_json(&r->b, s, n);
	else
		nib_buf_tsv(&r->b, s, n);
}

void
nib_rec_cstr(struct nib_rec *r, const char *key, const char *s)
{
	if (s != NULL)
		nib_rec_str(r, key, s, strlen(s));
	else
		nib_rec_raw(r, key, r->json ? "null" : "");
	/*
	 * With --jsonl a record names the object too; a header line (each
	 * key its own value, see nib_rec_header) gets the column's name.
	 */
	if (nib_jsonl_field != NULL && strcmp(key, "file") == 0) {
		sep(r, "id");
		if (s == key)
			nib_buf_add(&r->b, "id", 2);
		else
			nib_jl_id_rec(&r->b, r->doc, r->json);
	}
}

void
nib_rec_num(struct nib_rec *r, const char *key, unsigned long long v)
{
	char num[24];

	snprintf(num, sizeof num, "%llu", v);
	nib_rec_raw(r, key, num);
	if (strcmp(key, "doc") == 0)
		r->doc = (unsigned long)v;
}

void
nib_rec_raw(struct nib_rec *r, const char *key, const char *s)
{
	sep(r, key);
	nib_buf_add(&r->b, s, strlen(s));
}

void
nib_rec_put(struct nib_rec *r, int fd)
{
	end(r);
	if (fd == STDOUT_FILENO)
		nib_out_write(r->b.s, r->b.len);
	else
		nib_err_write(r->b.s, r->b.len);
}

void
nib_rec_fput(struct nib_rec *r, FILE *fp)
{
	end(r);
	fwrite(r->b.s, 1, r->b.len, fp);
}

void
nib_rec_header(const char *const *keys, int fd)
{
	struct nib_rec r = { .b = { 0 } };

	nib_rec_begin(&r, 0);
	for (; *keys != NULL; keys++)
		nib_rec_cstr(&r, *keys, *keys);
	nib_rec_put(&r, fd);
	nib_rec_free(&r);
}

void
nib_rec_free(struct nib_rec *r)
{
	free(r->b.s);
	r->b.s = NULL;
	r->b.len = r->b.cap = 0;
}
