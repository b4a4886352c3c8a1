#!/bin/sh
# slow.sh [tool ...]: the long cases of the bad-input matrix (issue 14),
# behind `make slowcheck`, too long for `make check`.  Each case runs one
# tool under /usr/bin/time -v and asserts its exit status, a property of its
# output that can be checked while it streams (a checksum, a count, valid
# UTF-8) and its peak RSS: at most 4x what the tool must hold (the line, or
# the document for the tools that work per document) plus $SLOW_SLACK MB
# (default 24), and flat (the slack alone) for the line-by-line tools on
# many lines.  A tool's address space is capped (ulimit -v) at twice its
# bound plus 512 MB, so a tool far over it fails without taking the machine.
#
# The cases: line (one line of $SLOW_LINE MB, default 1024, of a quoted
# sentence), lines (one document of $SLOW_LINES short lines, default 10
# million), random (50 MB of random bytes, seeded), quote-<mark> (one
# 10 MB line of each quote mark) and quotes (one 10 MB line of short
# quotations, '"a" ' over and over: a record for every four bytes).
# SLOW_CASES="line lines" picks cases.
# Cases listed in tests/pending as slow/<tool>/<case> (known bugs) are
# reported as pending.  Prints one line a case with the figures; exits 1
# when a case that is not pending fails.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/${BIN:-bin}
export LC_ALL=C.UTF-8
LINE=${SLOW_LINE:-1024} LINES=${SLOW_LINES:-10000000} SLACK=${SLOW_SLACK:-24}
CASES=${SLOW_CASES:-line lines random quote-dq quote-sq quote-ldq quote-rdq quote-lsq quote-rsq quote-guil quote-low quotes}
[ $# -gt 0 ] || set -- nibnorm nibstrip nibdedup nibsent nibsplit nibquote
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nibslow.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pending=$(sed 's/#.*//; s/[[:space:]]*$//' "$top/tests/pending" 2>/dev/null | grep '^slow/')
fail=0
[ -x /usr/bin/time ] || { echo "slow: /usr/bin/time is missing (apt-get install time)"; exit 2; }

# rep UNIT BYTES: UNIT repeated to about BYTES bytes, without a newline.
rep() {
	awk -v u="$1" -v n="$2" 'BEGIN { s = u; while (length(s) < 65536) s = s s
		for (w = 0; w + length(s) <= n; w += length(s)) printf "%s", s
		for (; w + length(u) <= n; w += length(u)) printf "%s", u }'
}

# make_input CASE: writes $tmp/CASE.in once; sets held (MB the tool holds).
make_input() {
	f=$tmp/$1.in
	case $1 in
	line) held=$LINE
		u='"The pier will reopen in May," Tuttle said.'
		[ -f "$f" ] || { rep "$u " $(((LINE << 20) - 64)); printf '%s\n' "$u"; } >"$f" ;;
	lines) [ -f "$f" ] || awk -v n="$LINES" 'BEGIN { for (i = 1; i <= n; i++) printf "Pier %d.\n", i }' >"$f"
		held=$(( $(wc -c <"$f") >> 20 )) ;;
	random) held=50
		[ -f "$f" ] || python3 -c 'import random, sys; random.seed(14); sys.stdout.buffer.write(random.randbytes(50 << 20))' >"$f" ;;
	quotes) held=10
		[ -f "$f" ] || { rep '"a" ' $((10 << 20)); echo; } >"$f" ;;
	quote-*) held=10
		case $1 in
		quote-dq) m='"' ;; quote-sq) m="'" ;;
		quote-ldq) m='“' ;; quote-rdq) m='”' ;; quote-lsq) m='‘' ;; quote-rsq) m='’' ;;
		quote-guil) m='«' ;; quote-low) m='„' ;;
		esac
		[ -f "$f" ] || { rep "$m" $((10 << 20)); echo; } >"$f" ;;
	esac
}

# linewise TOOL CASE: true when TOOL holds one line, not the document, here.
linewise() {
	case $1 in nibnorm|nibstrip|nibsent) return 0 ;; esac
	return 1
}

# expect TOOL CASE: what the output must be, as "status check" where check
# is same (the input back, by checksum), lines=N, utf8 (valid UTF-8), any.
expect() {
	case $2 in
	line) case $1 in
		nibnorm|nibstrip|nibdedup) echo "0 same" ;;
		nibsent) echo "0 lines=$(($(tr -cd . <"$tmp/line.in" | wc -c)))" ;;
		nibsplit) echo "0 lines=1" ;;
		nibquote) echo "0 lines=$(tr -cd , <"$tmp/line.in" | wc -c)" ;;
		esac ;;
	lines) case $1 in
		nibnorm|nibstrip|nibdedup) echo "0 same" ;;
		nibsent) echo "0 lines=$((2 * LINES - 1))" ;;
		nibsplit) echo "0 lines=$LINES" ;;
		nibquote) echo "1 lines=0" ;;
		esac ;;
	random) case $1 in
		nibnorm) echo "0 utf8" ;;
		nibstrip|nibdedup|nibsent|nibsplit) echo "0 any" ;;
		nibquote) echo "0|1 any" ;;
		esac ;;
	quotes) case $1 in
		nibstrip|nibdedup) echo "0 same" ;;
		nibquote) echo "0 lines=$(((10 << 20) / 4))" ;;
		*) echo "0 any" ;;
		esac ;;
	quote-*) case $1 in
		nibnorm|nibstrip|nibdedup) echo "0 same" ;;
		nibquote) echo "0|1 any" ;;
		*) echo "0 any" ;;
		esac ;;
	esac
}

for c in $CASES; do
	make_input "$c"
	in=$tmp/$c.in
	insum=
	for t do
		name=slow/$t/$c
		set -- "$@"
		opt=
		# The per-document tools' default --max-doc (256 MB) would skip
		# the 1 GB line; the case is about holding it.
		case $t in nibdedup|nibsplit) opt="--max-doc $((4 * LINE + 64))M" ;; esac
		exp=$(expect "$t" "$c")
		if linewise "$t" && [ "$c" = lines ]; then limit=$SLACK; else limit=$((4 * held + SLACK)); fi
		# A tool far over its bound must not take the machine down: its
		# address space is capped at twice the bound plus 512 MB, past
		# which it fails (out of memory), and so does the case.
		(ulimit -v $(((2 * limit + 512) << 10)) &&
			exec /usr/bin/time -v -o "$tmp/time" "$bin/$t" $opt "$in") 2>"$tmp/err" >"$tmp/out"
		rc=$?
		rss=$(awk -F': ' '/Maximum resident/ { printf "%d", $2 / 1024 }' "$tmp/time")
		secs=$(awk -F': ' '/Elapsed/ { print $2 }' "$tmp/time")
		why=
		case "|${exp% *}|" in *"|$rc|"*) ;; *) why="exit $rc, expected ${exp% *}" ;; esac
		case ${exp#* } in
		same) [ -n "$insum" ] || insum=$(cksum <"$in")
			[ "$(cksum <"$tmp/out")" = "$insum" ] || why="$why${why:+; }output differs from the input" ;;
		lines=*) n=$(wc -l <"$tmp/out")
			[ "$n" -eq "${exp#*lines=}" ] || why="$why${why:+; }$n lines, expected ${exp#*lines=}" ;;
		utf8) iconv -f UTF-8 -t UTF-8 <"$tmp/out" >/dev/null 2>&1 || why="$why${why:+; }output is not valid UTF-8" ;;
		esac
		[ "$rss" -le "$limit" ] || why="$why${why:+; }peak RSS ${rss} MB > ${limit} MB"
		fig="$(printf '%-9s %-11s %5d MB in, peak %6d MB (limit %5d), %s' "$t" "$c" "$held" "$rss" "$limit" "$secs")"
		if printf '%s\n' "$pending" | grep -qxF "$name"; then
			echo "pending: $fig${why:+: $why}"
		elif [ -n "$why" ]; then
			echo "FAIL:    $fig: $why"; head -c 200 "$tmp/err"
			fail=1
		else
			echo "ok:      $fig"
		fi
		rm -f "$tmp/out"
	done
	rm -f "$in"
done
exit $fail
