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

#include "split.h"

#define B(i) (&d->b[i])

static char *volatile pending;	/* the temporary being written, if any */

static void
onsignal(int sig)
{
	char *p = pending;

	if (p != NULL)
		unlink(p);
	signal(sig, SIG_DFL);
	raise(sig);
}

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
	signal(SIGINT, onsignal);
	signal(SIGTERM, onsignal);
	signal(SIGHUP, onsignal);
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

static void
writeall(int fd, const void *p, size_t n, const char *tmp)
{
	const char *c = p;
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, c, n)) < 0) {
			if (errno == EINTR)
				continue;
			pending = NULL;
			unlink(tmp);
			err(2, "%s", tmp);
		}
		c += w;
		n -= (size_t)w;
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
	if ((fd = mkstemp(tmp)) < 0)
		err(2, "%s", tmp);
	pending = tmp;
	for (i = first; i <= last; i++) {
		if (para && i > first)
			writeall(fd, "\n", 1, tmp);
		writeall(fd, d->text + B(i)->off, B(i)->len, tmp);
		writeall(fd, "\n", 1, tmp);
	}
	if (fchmod(fd, 0644) < 0 || close(fd) < 0 || rename(tmp, path) < 0) {
		pending = NULL;
		unlink(tmp);
		err(2, "%s", path);
	}
	pending = NULL;
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
