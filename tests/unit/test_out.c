/* out: a write error exits 2 with a message; a closed pipe ends quietly. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "out.h"
#include "t.h"

/* Runs the writer in a child whose stdout is fd; returns its wait status. */
static int
child(int fd, int errfd)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		dup2(fd, STDOUT_FILENO);
		dup2(errfd, STDERR_FILENO);
		for (int i = 0; i < 100000; i++)
			nib_out_str("a line of output\n");
		nib_out_close();
		_exit(0);
	}
	waitpid(pid, &st, 0);
	return st;
}

int
main(void)
{
	char path[] = "/tmp/nib-test-out-XXXXXX", msg[256] = "";
	int full = open("/dev/full", O_WRONLY), errfd = mkstemp(path), p[2], st;
	ssize_t n;

	signal(SIGPIPE, SIG_DFL);
	st = child(full, errfd);
	T(WIFEXITED(st) && WEXITSTATUS(st) == 2);
	lseek(errfd, 0, SEEK_SET);
	n = read(errfd, msg, sizeof msg - 1);
	msg[n > 0 ? n : 0] = '\0';
	T(strstr(msg, "write error: No space left on device") != NULL);

	if (pipe(p) < 0)
		abort();
	close(p[0]);
	ftruncate(errfd, 0);
	st = child(p[1], errfd);
	T(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE);
	T(lseek(errfd, 0, SEEK_END) == 0);	/* quiet */
	unlink(path);
	T_DONE();
}
