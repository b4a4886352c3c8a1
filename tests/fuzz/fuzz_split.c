/*
 * Fuzz target: nibsplit's features, classifier, related items, sections
 * and output on any bytes, cut into blocks at newlines (form feeds make
 * documents, as in a stream).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"
#include "../../cmd/nibsplit/split.h"

static void
check(struct split_doc *d, int json)
{
	struct split_opts o;
	struct split_sec *s;
	size_t i, n;

	memset(&o, 0, sizeof o);
	o.json = json;
	split_classify(d);
	for (i = 0; i < d->n; i++)
		if (d->b[i].role >= R_NROLES)
			__builtin_trap();
	n = split_sections(d, &s);
	for (i = 0; i < n; i++)
		if (s[i].first > s[i].last || s[i].last >= d->n)
			__builtin_trap();
	free(s);
	split_emit(d, &o, 1, NULL);
	nib_out_flush();
	split_reset(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int devnull = -1;
	static struct split_doc d;
	const uint8_t *p = data, *end = data + size, *nl;
	int json = size > 0 && (data[0] & 1);

	if (devnull < 0) {
		devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, STDOUT_FILENO);
	}
	d.max = 1 << 20;
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (nl - p == 1 && *p == '\f')
			check(&d, json);
		else if (nl > p)
			split_add(&d, p, (size_t)(nl - p), d.n + 1);
	}
	check(&d, json);
	return 0;
}
