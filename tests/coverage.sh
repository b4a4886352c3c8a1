#!/bin/sh
# coverage.sh BUILDDIR tool ...: after `make check` ran a --coverage build
# in BUILDDIR, prints line and branch coverage for common/ and for each
# tool (cmd/nibX.c and cmd/nibX/), and writes the report per file to
# BUILDDIR/coverage.txt.  Behind `make coverage`.
set -eu
b=$1; shift
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
gcovr -r . --object-directory "$b" --json "$b/coverage.json" -e tests/ -e "$b/"
gcovr -a "$b/coverage.json" -b >"$b/coverage.txt"
gcovr -a "$b/coverage.json" >>"$b/coverage.txt"
sum() {
	# gcovr -s ends with "lines: 93.1% (1234 out of 1325)" and "branches: ...".
	# Not -o /dev/null: gcovr replaces its output file, and as root
	# that turns /dev/null into a plain file.
	gcovr -a "$b/coverage.json" -s -f "$2" -o "$b/summary.txt" |
		awk -v what="$1" '/^lines:/ { l = $2 " " $3 " " $4 " " $5 " " $6 } /^branches:/ { b = $2 " " $3 " " $4 " " $5 " " $6 }
		END { printf "%-16s lines %-26s branches %s\n", what, l, b }'
}
sum common/ 'common/'
for t do
	sum "$t" "cmd/$t(\.c|/)"
done
