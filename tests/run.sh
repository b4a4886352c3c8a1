#!/bin/sh
# run.sh: the test runner behind `make check`.
#
# Runs, in order: the unit tests ($BIN/test_*), the golden cases
# (tests/<tool>/<case>/), and mandoc -Tlint on every man page.  Prints one
# line per failure and ends with "N passed, N failed"; exits 1 on any
# failure.
#
# A golden case is a directory holding:
#   args      the tool's arguments, one line, split as the shell splits words
#             (the tool is the directory's parent's name), or
#   cmd       a shell script to run instead (bin/ is first on its PATH);
#   in        standard input (default: empty);
#   expected  expected standard output (default: empty);
#   status    expected exit status (default: 0);
#   stderr    expected standard error, when present (default: not compared).
# Cases run in their own directory, so args may name files beside `in`.
# TESTS=pattern runs only the cases whose path contains pattern.
#
# tests/pending lists cases (tool/case, one a line, # comments) that expect
# the right output for a known bug not fixed yet: they run, and are counted
# as pending, not passed, whatever they give (a pending case that passes is
# named, so that it leaves the list with its fix).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-bin}
bin=$top/$BIN
export PATH="$bin:$PATH" LC_ALL=C.UTF-8 TZ=UTC
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 pend=0
pending=$(sed 's/#.*//; s/[[:space:]]*$//' "$top/tests/pending" 2>/dev/null | grep .)

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -20 | sed 's/^/    /'; }

# Unit tests.
for t in "$bin"/test_*; do
	[ -x "$t" ] || continue
	if out=$("$t" 2>&1); then ok; else bad "unit $(basename "$t")" "$out"; fi
done

# Fuzz targets, replayed over their corpus by the plain driver.
for t in "$bin"/fuzz_*; do
	[ -x "$t" ] || continue
	n=$(basename "$t")
	if out=$("$t" $(ls -d "$top/tests/fuzz/corpus/$n"/* 2>/dev/null) 2>&1 >/dev/null); then ok
	else bad "fuzz corpus $n" "$out"; fi
done

# Golden cases.
for d in "$top"/tests/*/*/; do
	d=${d%/}
	case $d in */tests/unit/*|*/tests/fuzz/*) continue ;; esac
	[ -f "$d/args" ] || [ -f "$d/cmd" ] || continue
	case $d in *"${TESTS:-}"*) ;; *) continue ;; esac
	name=${d#"$top"/tests/}
	tool=$(basename "$(dirname "$d")")
	in=/dev/null
	[ -f "$d/in" ] && in=$d/in
	if [ -f "$d/cmd" ]; then
		(cd "$d" && timeout 60 sh ./cmd <"$in" >"$tmp/out" 2>"$tmp/err")
	else
		(cd "$d" && eval "set -- $(cat args)" &&
			timeout 60 "$bin/$tool" "$@" <"$in" >"$tmp/out" 2>"$tmp/err")
	fi
	rc=$?
	want=0
	[ -f "$d/status" ] && want=$(cat "$d/status")
	exp=$d/expected
	[ -f "$exp" ] || exp=/dev/null
	if printf '%s\n' "$pending" | grep -qxF "$name"; then
		pend=$((pend + 1))
		if [ "$rc" = "$want" ] && cmp -s "$tmp/out" "$exp"; then
			echo "PENDING, passes now (remove it from tests/pending): $name"
		else
			echo "pending: $name"
		fi
	elif [ "$rc" != "$want" ]; then
		bad "$name" "exit $rc, expected $want; stderr: $(head -c 300 "$tmp/err")"
	elif ! cmp -s "$tmp/out" "$exp"; then
		bad "$name" "$(diff -u "$exp" "$tmp/out" | head -30)"
	elif [ -f "$d/stderr" ] && ! cmp -s "$tmp/err" "$d/stderr"; then
		bad "$name" "stderr: $(diff -u "$d/stderr" "$tmp/err" | head -20)"
	else
		ok
	fi
done

# Man pages.
if command -v mandoc >/dev/null; then
	for m in "$top"/man/*.[17]; do
		[ -f "$m" ] || continue
		case $m in *"${TESTS:-}"*) ;; *) continue ;; esac
		if out=$(mandoc -Tlint -Wwarning "$m" 2>&1) && [ -z "$out" ]; then ok
		else bad "mandoc -Tlint $(basename "$m")" "$out"; fi
	done
else
	bad "mandoc not installed (make deps)"
fi

[ "$pend" -gt 0 ] && echo "$pend pending (known bugs, listed in tests/pending; not counted as passed)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
