/* tmpfile: the temporary exists while written, and a signal removes it. */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tmpfile.h"
#include "t.h"

int
main(void)
{
	char a[] = "/tmp/nib-test-tmp-XXXXXX", b[] = "/tmp/nib-test-tmp-XXXXXX";
	int fd, st;
	pid_t pid;

	fd = nib_tmp_open(a);
	T(fd >= 0 && access(a, F_OK) == 0);
	close(fd);
	nib_tmp_remove();
	T(access(a, F_OK) != 0);

	/* Killed while it writes: the temporary goes with it. */
	int pfd[2];
	T(pipe(pfd) == 0);
	if ((pid = fork()) == 0) {
		if (nib_tmp_open(b) < 0)
			_exit(3);
		if (write(pfd[1], b, sizeof b) != (ssize_t)sizeof b)
			_exit(5);
		raise(SIGTERM);
		_exit(4);
	}
	T(read(pfd[0], b, sizeof b) == (ssize_t)sizeof b);
	T(waitpid(pid, &st, 0) == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
	T(access(b, F_OK) != 0);
	(void)fd;
	T_DONE();
}
