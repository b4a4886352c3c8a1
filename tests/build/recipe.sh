#!/bin/sh
# recipe.sh TITLE [N]: prints the N-th (default first) literal block of
# nib.7 after the first line that starts with TITLE (a subsection's .Ss
# line or a paragraph's first words), with the mdoc escape \e undone, so
# that a test runs a recipe as the page prints it.  Fails when there is no
# such block.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
block=$(awk -v title="$1" -v n="${2:-1}" '
	!f && (index($0, title) == 1 || index($0, ".Ss " title) == 1) { f = 1 }
	f && /^\.Bd -literal/ { if (++k == n) { p = 1; next } }
	p && /^\.Ed/ { found = 1; exit }
	p { print }
	END { exit !found }' "$top/man/nib.7") || { echo "recipe.sh: no block $1 ${2:-1} in nib.7" >&2; exit 1; }
printf '%s\n' "$block" | sed 's/\\e/\\/g'
