#!/bin/sh
# demo.sh: what `make demo` shows — the sample page as scraped, then the
# pipeline's output on it, using whichever nib tools are built.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
page=$top/tests/demo/page.txt
cd "$top" || exit 2
pipe=
for stage in "nibnorm" "nibstrip" "nibdedup" "nibsplit -s body"; do
	t=${stage%% *}
	[ -x "bin/$t" ] || continue
	pipe="${pipe:+$pipe | }bin/$stage"
done
echo "== input: tests/demo/page.txt ($(wc -l <"$page") lines)"
cat "$page"
echo
[ -n "$pipe" ] || { echo "demo: no nib tool is built (make)" >&2; exit 1; }
echo "== $pipe"
sh -c "$pipe" <"$page" || exit 1
if [ -x bin/nibquote ]; then
	echo
	echo "== ... | bin/nibquote -H"
	sh -c "$pipe | bin/nibquote -H" <"$page"
	[ $? -le 1 ] || exit 1
fi
