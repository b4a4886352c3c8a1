/*
 * -o DIR: one file per section.  Names say the document and the section
 * (PREFIX-NNN-ROLE.txt, the number as wide as -n says or as the count of
 * sections needs), so that runs over many pages, or several runs into one
 * folder, never overwrite each other, and ls(1) sorts them in order.
 * Each file is written to a temporary name and renamed; a failed write or
 * a signal removes the temporary, and the files already finished stay.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"
#include "split.h"
#include "tmpfile.h"

#define B(i) (&d->b[i])

void
split_mkdirs(const char *dir)
{
	char *p, *s = strdup(dir);
	struct stat st;

	if (s == NULL)
		err(2, NULL);
	for (p = s + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(s, 0777) < 0 && errno != EEXIST)
			err(2, "-o: %s", s);
		*p = c;
		if (c == '\0')
			break;
	}
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		errx(2, "-o: %s: not a directory", dir);
	free(s);
}

char *
split_prefix(const char *name, unsigned long doc, unsigned long nth)
{
	const char *b, *dot;
	char *p;
	int n;

	if (name == NULL)
		n = asprintf(&p, "%06lu", doc);
	else {
		b = strrchr(name, '/');
		b = b != NULL && b[1] != '\0' ? b + 1 : name;
		dot = strrchr(b, '.');
		if (dot == NULL || dot == b)
			dot = b + strlen(b);
		n = nth > 1 ? asprintf(&p, "%.*s.%lu", (int)(dot - b), b, nth) :
		    asprintf(&p, "%.*s", (int)(dot - b), b);
	}
	if (n < 0)
		err(2, NULL);
	return p;
}

/* Writes p[0..n) to the temporary fd; on failure removes it and exits 2. */
static void
put(int fd, const void *p, size_t n, const char *tmp)
{
	if (nib_writeall(fd, p, n) < 0) {
		nib_tmp_remove();
		err(2, "%s", tmp);
	}
}

/* Writes blocks [first, last] to path, through a temporary beside it. */
static void
writefile(const struct split_doc *d, size_t first, size_t last, int para,
    const char *dir, const char *name)
{
	char *tmp, *path;
	size_t i;
	int fd;

	if (asprintf(&path, "%s/%s", dir, name) < 0 ||
	    asprintf(&tmp, "%s/.%s.XXXXXX", dir, name) < 0)
		err(2, NULL);
	if ((fd = nib_tmp_open(tmp)) < 0)
		err(2, "%s", tmp);
	for (i = first; i <= last; i++) {
		if (para && i > first)
			put(fd, "\n", 1, tmp);
		put(fd, split_text(d, i), B(i)->len, tmp);
		put(fd, "\n", 1, tmp);
	}
	if (fchmod(fd, 0644) < 0 || close(fd) < 0 || rename(tmp, path) < 0) {
		nib_tmp_remove();
		err(2, "%s", path);
	}
	nib_tmp_done();
	free(tmp);
	free(path);
}

size_t
split_files(const struct split_doc *d, const struct split_sec *s, size_t ns,
    const struct split_opts *o, const char *prefix)
{
	char *name;
	size_t k, shown = 0;
	int width = 1;

	for (k = ns; k >= 10; k /= 10)
		width++;
	if (width < o->digits)
		width = o->digits;
	for (k = 0; k < ns; k++) {
		if (o->select && !o->sel[s[k].role])
			continue;
		if (asprintf(&name, "%s-%0*zu-%s.txt", prefix, width, k + 1,
		    split_rolename[s[k].role]) < 0)
			err(2, NULL);
		writefile(d, s[k].first, s[k].last, o->para, o->dir, name);
		free(name);
		shown++;
	}
	return shown;
}
