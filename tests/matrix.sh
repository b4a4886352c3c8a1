#!/bin/sh
# matrix.sh [-u]: writes the bad-input matrix (issue 14) as golden cases,
# tests/<tool>/matrix-<case>/, for every tool: the input (in) and the
# command (args or cmd).  With -u it also writes each case's expected
# output, status and stderr from what bin/ does now, except for the cases
# listed in tests/pending, whose expected output is written by hand
# (the right output, which the tool does not give yet).  Read every
# expected file that -u changed before committing it: the cases are data.
# The long cases (1 GB line, 10 million lines, ...) are in tests/slow.sh.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
update=0
[ "${1:-}" = -u ] && update=1
tools="nibnorm nibstrip nibdedup nibsent nibsplit nibquote"
pending=tests/pending

# A story line every tool has work in: a speaker, a quotation, a sentence.
said='Harbor master Glen Tuttle said "The pier will reopen in May." He left.'

# work TOOL: a first line the tool must change, so that no case would pass
# if the tool were cat (for the inputs that are not empty or blank).
work() {
	case $1 in
	nibnorm) printf 'Caf&eacute;  opens \342\200\234today\342\200\235.  \n' ;;
	nibstrip) printf 'Advertisement\n' ;;
	nibdedup) printf '%s\n' "$said" ;;
	esac
}

# input TOOL CASE: the input of a case on stdout.
input() {
	case $2 in empty|empty-count|blank-only) ;; *) work "$1" ;; esac
	case $2 in
	empty) ;;
	no-eol) printf 'The ferry board met on Tuesday.\n%s' "$said" ;;
	blank-only) printf '\n\n  \n\t\n\n' ;;
	utf8-truncated) printf 'Cost \342\202 rose.\n%s\ncaf\303\n' "$said" ;;
	utf8-overlong) printf 'Slash \300\257 and \340\200\257 here.\n%s\n' "$said" ;;
	utf8-surrogate) printf 'Half \355\240\200 pair \355\277\277.\n%s\n' "$said" ;;
	utf8-ff) printf 'Byte \377 and \376\377.\n%s\n' "$said" ;;
	utf8-continuation) printf 'Lone \200 and \277\277 bytes.\n%s \200\n' "$said" ;;
	utf8-eof) printf '%s\nEnds in caf\303' "$said" ;;
	nul) printf 'The pier\000 opened.\nHarbor master Glen Tu\000ttle said "The pier \000will reopen." He left.\n\000\n' ;;
	crlf) printf 'The ferry board met on Tuesday.\r\n%s\r\n\r\nThe end.\r\n' "$said" ;;
	cr) printf 'The ferry board met on Tuesday.\r%s\r\rThe end.\r' "$said" ;;
	ff-inside) printf 'The ferry\fboard met on Tuesday.\nHarbor master Glen Tuttle said "The pier\fwill reopen in May." He left.\n' ;;
	ff-separator) printf '%s\n\f\n%s\n' "$said" "$said" ;;
	ff-spaced) printf 'The ferry board met on Tuesday.\n \f \n%s\n' "$said" ;;
	ff-double) printf 'The ferry board met on Tuesday.\n\f\f\n%s\n' "$said" ;;
	ff-wide) printf 'The ferry board met on Tuesday.\n  \f  \n%s\n' "$said" ;;
	json) printf '%s\r\nBad \300\257 \355\240\200 \377 \200 \342\202 NUL\000 "quote\001" \\ \t end caf\303\n' "$said" ;;
	empty-count) ;;
	dir|missing|unreadable|devfull|stderr-devfull)
		printf 'The ferry board met on Tuesday.\n%s\n' "$said" ;;
	esac
}

# command TOOL CASE: writes the case's args or cmd into the current folder.
command() {
	case $2 in
	dir) echo '. in' >args ;;
	missing) echo 'no-such-file in' >args ;;
	# Root reads any file, so "unreadable" is one whose read fails (EIO).
	unreadable) echo '/proc/self/mem in' >args ;;
	devfull) cat >cmd <<EOF
# Output to a full device: a write error on stderr and status 2.
$1 in 2>&1 >/dev/full | cat
echo "exit \$(($1 in >/dev/full 2>/dev/null); echo \$?)"
EOF
	;;
	stderr-devfull) cat >cmd <<EOF
# Errors to a full device: the output as usual and status 2, no crash.
$1 no-such-file in 2>/dev/full
echo "exit \$?"
EOF
	;;
	head) cat >cmd <<EOF
# | head -1 on a long output: the first line, and the tool ends quietly
# (status 0, or 141 when SIGPIPE ended it) with nothing on stderr.
t=\$(mktemp -d); trap 'rm -rf "\$t"' EXIT
awk 'BEGIN { for (i = 1; i <= 40000; i++) {
	printf "Harbor master Glen Tuttle said \"Pier %d will reopen in May.\" He left.\n", i
	if (i % 100 == 0) print "\f" } }' >"\$t/in"
{ $1 "\$t/in" 2>"\$t/err"; echo \$? >"\$t/rc"; } | head -1
case \$(cat "\$t/rc") in 0|141) echo quiet exit ;; *) echo "exit \$(cat "\$t/rc")" ;; esac
[ -s "\$t/err" ] && head -3 "\$t/err"
exit 0
EOF
	;;
	json) echo '-j' >args ;;
	empty-count) echo '-c' >args ;;
	*) : >args ;;
	esac
}

cases="empty no-eol blank-only utf8-truncated utf8-overlong utf8-surrogate utf8-ff
utf8-continuation utf8-eof nul crlf cr ff-inside ff-separator ff-spaced ff-double
ff-wide dir missing unreadable devfull stderr-devfull head"

for t in $tools; do
	# Structured output escapes what the text holds; -c counts nothing.
	more=
	case $t in nibsent|nibsplit|nibquote) more=json ;; nibdedup) more=empty-count ;; esac
	for c in $cases $more; do
		d=tests/$t/matrix-$c
		mkdir -p "$d"
		rm -f "$d/args" "$d/cmd"
		(cd "$d" && command "$t" "$c")
		case $c in head) rm -f "$d/in" ;; *) input "$t" "$c" >"$d/in" ;; esac
		[ -s "$d/in" ] || rm -f "$d/in"
		[ $update -eq 1 ] || continue
		grep -qx "$t/matrix-$c" "$pending" 2>/dev/null && continue
		in=/dev/null
		[ -f "$d/in" ] && in=in
		if [ -f "$d/cmd" ]; then
			(cd "$d" && PATH=$top/bin:$PATH LC_ALL=C.UTF-8 sh ./cmd <$in >expected 2>stderr) && rc=0 || rc=$?
		else
			(cd "$d" && eval "set -- $(cat args)" &&
				LC_ALL=C.UTF-8 "$top/bin/$t" "$@" <$in >expected 2>stderr) && rc=0 || rc=$?
		fi
		rm -f "$d/status"
		[ $rc -ne 0 ] && echo $rc >"$d/status"
		[ -s "$d/expected" ] || rm -f "$d/expected"
		# stderr is compared only where it is part of the contract: the
		# messages for bad operands; elsewhere a tool may warn as it likes.
		case $c in dir|missing|unreadable) ;; *) rm -f "$d/stderr" ;; esac
	done
done
