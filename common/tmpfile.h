/*
 * tmpfile: a file written under a temporary name beside its target and
 * renamed into place (as sponge(1) does), so that a failed or killed run
 * never leaves half a file; SIGTERM, SIGINT and SIGHUP remove the
 * temporary before the tool dies of the signal.  One temporary at a time.
 */
#ifndef NIB_TMPFILE_H
#define NIB_TMPFILE_H

/*
 * mkstemp(3) of templ (which ends in XXXXXX and must live until
 * nib_tmp_done()), remembered for the signal handlers, which are set on
 * the first call.  Returns the descriptor, or -1 with errno set.
 */
int nib_tmp_open(char *templ);
/* Removes the temporary (after a failure); it is forgotten. */
void nib_tmp_remove(void);
/* Forgets the temporary (renamed into place or removed by the caller). */
void nib_tmp_done(void);

#endif
