/*
 * The --state file: the keys seen by earlier runs, oldest first.
 *
 *	offset 0   "NIBDEDUP"	magic
 *	8          u32 version (1)
 *	12         u32 key mode (enum nib_keymode)
 *	16         u64 count
 *	24         count keys, each u64 lo then u64 hi
 *	24+16n     u64 XXH64 of all the bytes before it
 *
 * All numbers little-endian.  The file is locked (flock) for the whole
 * run, so two runs at once take turns and both runs' keys are kept; it is
 * replaced by writing a temporary file beside it and renaming it over, so
 * that a run killed while writing leaves the old state whole; SIGTERM,
 * SIGINT and SIGHUP remove the temporary file first.  A state path that
 * is a symbolic link is followed: the file it points to is replaced, the
 * link stays.  An empty file is an empty state (touch(1) makes one).
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#include "dedup.h"
#include "mem.h"
#include "out.h"
#include "tmpfile.h"

#define MAGIC "NIBDEDUP"
#define VERSION 1
#define HDR 24

static int lockfd = -1;
static const char *userpath;	/* the path as given: every message names it */
static char *statepath;		/* where the file is: links followed */
static mode_t statemode = 0644;
static char *tmpname;	/* the temporary being written (tmpfile.h) */

static uint64_t
get64(const unsigned char *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static void
put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++, v >>= 8)
		p[i] = (unsigned char)v;
}

static const char *modes[] = { "folded keys", "exact keys (-x)", "case-folded keys (-x -i)" };

const char *
dd_state_parse(const unsigned char *p, size_t n, int mode, struct nib_hashset *h)
{
	static char msg[160];
	uint64_t count, ver, m;

	if (n == 0)
		return NULL;	/* touched: an empty state */
	if (n < 8 || memcmp(p, MAGIC, 8) != 0)
		return "not a nibdedup state file";
	if (n < HDR + 8) {
		snprintf(msg, sizeof msg, "truncated state file (%zu bytes)", n);
		return msg;
	}
	ver = get64(p + 8) & 0xffffffff;
	m = get64(p + 8) >> 32;
	if (ver != VERSION) {
		snprintf(msg, sizeof msg, "state file version %llu is not supported",
		    (unsigned long long)ver);
		return msg;
	}
	count = get64(p + 16);
	if (count > (n - HDR - 8) / 16 || HDR + count * 16 + 8 != n) {
		snprintf(msg, sizeof msg, "%s state file: it says %llu keys but "
		    "holds %zu bytes", count > (n - HDR - 8) / 16 ? "truncated" :
		    "corrupt", (unsigned long long)count, n);
		return msg;
	}
	if (XXH64(p, n - 8, 0) != get64(p + n - 8))
		return "corrupt state file (checksum mismatch)";
	if (m > NIB_KEY_CASE)
		return "corrupt state file (unknown key mode)";
	if ((int)m != mode) {
		snprintf(msg, sizeof msg, "state file holds %s, this run makes %s",
		    modes[m], modes[mode]);
		return msg;
	}
	for (uint64_t i = 0; i < count; i++) {
		struct nib_key k = { get64(p + HDR + i * 16), get64(p + HDR + i * 16 + 8) };
		if ((k.lo | k.hi) == 0)
			return "corrupt state file (null key)";
		nib_hashset_add(h, k);
	}
	return NULL;
}

/* Removes the temporary file and exits 2, after a message naming the state. */
static void
failtemp(void)
{
	warn("%s", userpath);
	nib_tmp_remove();
	exit(2);
}

#ifdef NIBDEDUP_TEST_HOOK
/*
 * Test builds only: NIBDEDUP_TEST_KILL dies half way through the save, of
 * SIGKILL, or of the signal it names (TERM, INT, HUP).
 */
static void
testkill(void)
{
	const char *s = getenv("NIBDEDUP_TEST_KILL");

	if (s == NULL)
		return;
	raise(strcmp(s, "TERM") == 0 ? SIGTERM : strcmp(s, "INT") == 0 ?
	    SIGINT : strcmp(s, "HUP") == 0 ? SIGHUP : SIGKILL);
}
#else
#define testkill() do { } while (0)
#endif

/* Writes the image of h (or of no keys) to fd, with its checksum. */
static int
writekeys(int fd, const struct nib_hashset *h, int mode)
{
	unsigned char buf[65536];
	size_t n, count = h ? h->count : 0;
	XXH64_state_t *xs = XXH64_createState();

	if (xs == NULL)
		errx(2, "out of memory");
	XXH64_reset(xs, 0);
	memcpy(buf, MAGIC, 8);
	put64(buf + 8, VERSION | (uint64_t)mode << 32);
	put64(buf + 16, count);
	n = HDR;
	for (size_t i = 0; i <= count; i++) {
		if (n + 16 > sizeof buf || i == count) {
			XXH64_update(xs, buf, n);
			if (nib_writeall(fd, buf, n) < 0)
				return -1;
			n = 0;
			if (i >= count / 2)
				testkill();
		}
		if (i == count)
			break;
		struct nib_key k = nib_hashset_nth(h, i);
		put64(buf + n, k.lo);
		put64(buf + n + 8, k.hi);
		n += 16;
	}
	put64(buf, XXH64_digest(xs));
	XXH64_freeState(xs);
	return nib_writeall(fd, buf, 8);
}

/*
 * Writes the keys of h (or none) to a new temporary file beside the state
 * and syncs it; its name is left in tmpname (the caller frees it after
 * renaming or removing it).  Signals remove it until then.
 */
static void
writetemp(const struct nib_hashset *h, int mode)
{
	char *tmp;
	int fd;

	if (asprintf(&tmp, "%s.XXXXXX", statepath) < 0)
		errx(2, "out of memory");
	tmpname = tmp;
	if ((fd = nib_tmp_open(tmp)) < 0)
		err(2, "%s", userpath);
	if (writekeys(fd, h, mode) < 0 || fchmod(fd, statemode) < 0 ||
	    fsync(fd) < 0)
		failtemp();
	if (close(fd) < 0)
		failtemp();
}

/* The temporary file is gone or renamed: forget it. */
static void
donetemp(void)
{
	char *tmp = tmpname;

	nib_tmp_done();
	tmpname = NULL;
	free(tmp);
}

/* Makes an empty state file unless there is one (link(2) never overwrites). */
static void
create(int mode)
{
	writetemp(NULL, mode);
	if (link(tmpname, statepath) < 0 && errno != EEXIST)
		failtemp();
	unlink(tmpname);
	donetemp();
}

/*
 * The file path names, symbolic links followed (a link to a file not made
 * yet names where it will be made); the caller frees it.
 */
static char *
follow(const char *path)
{
	char *p = nib_strndup(path, strlen(path)), *buf = NULL, *q, *slash;
	size_t cap = 256;
	ssize_t n;
	struct stat st;

	for (int hops = 0; hops < 40; hops++) {
		if (lstat(p, &st) < 0 || !S_ISLNK(st.st_mode)) {
			free(buf);
			return p;
		}
		for (;;) {
			buf = nib_realloc(buf, cap, 1);
			if ((n = readlink(p, buf, cap)) < 0)
				err(2, "%s", path);
			if ((size_t)n < cap)
				break;
			cap *= 2;
		}
		buf[n] = '\0';
		slash = strrchr(p, '/');
		if (buf[0] == '/' || slash == NULL)
			q = nib_strndup(buf, (size_t)n);
		else if (asprintf(&q, "%.*s/%s", (int)(slash - p), p, buf) < 0)
			errx(2, "out of memory");
		free(p);
		p = q;
	}
	errx(2, "%s: too many levels of symbolic links", path);
}

void
dd_state_open(struct dd *d, const char *path)
{
	struct stat a, b;
	unsigned char *p;
	const char *msg;
	size_t n = 0;
	ssize_t r;

	userpath = path;
	statepath = follow(path);
	for (;;) {
		if ((lockfd = open(statepath, O_RDONLY)) < 0) {
			if (errno != ENOENT)
				err(2, "%s", path);
			create(d->mode);
			continue;
		}
		while (flock(lockfd, LOCK_EX) < 0)
			if (errno != EINTR)
				err(2, "%s: lock", path);
		/* The run before ours may have renamed a new file in. */
		if (fstat(lockfd, &a) == 0 && stat(statepath, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
			break;
		close(lockfd);
	}
	statemode = a.st_mode & 07777;
	if (!S_ISREG(a.st_mode))
		errx(2, "%s: not a regular file", path);
	p = nib_realloc(NULL, (size_t)a.st_size + 1, 1);
	while (n < (size_t)a.st_size) {
		r = read(lockfd, p + n, (size_t)a.st_size - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			err(2, "%s", path);
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if ((msg = dd_state_parse(p, n, d->mode, &d->set)) != NULL)
		errx(2, "%s: %s", path, msg);
	free(p);
}

void
dd_state_close(struct dd *d)
{
	writetemp(&d->set, d->mode);
	if (rename(tmpname, statepath) < 0)
		failtemp();
	donetemp();
	free(statepath);
	statepath = NULL;
	close(lockfd);
	lockfd = -1;
}
