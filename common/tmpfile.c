#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tmpfile.h"

static char *volatile current;	/* the temporary, for the handler */

static void
onsignal(int sig)
{
	char *tmp = current;

	if (tmp != NULL)
		unlink(tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
catch(void)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP };
	static int done;
	struct sigaction sa;

	if (done)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = onsignal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	done = 1;
}

int
nib_tmp_open(char *templ)
{
	int fd;

	catch();
	/* Named before it exists: a signal in between unlinks nothing. */
	current = templ;
	if ((fd = mkstemp(templ)) < 0)
		current = NULL;
	return fd;
}

void
nib_tmp_remove(void)
{
	char *tmp = current;

	if (tmp != NULL)
		unlink(tmp);
	current = NULL;
}

void
nib_tmp_done(void)
{
	current = NULL;
}
