#!/bin/sh
# corpus.sh DIR N: writes N invented pages into DIR (page-001.txt ...), made
# from the demo page with the town, the street and the vote changed, so the
# pages share their chrome and some sentences but not their stories.  Every
# fifth page has no final newline, as scrapers often leave it.
set -eu
dir=$1 n=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dir"
i=1
while [ "$i" -le "$n" ]; do
	f=$(printf '%s/page-%03d.txt' "$dir" "$i")
	sed "s/Port Ellery/Town $i/g; s/Dock Street/Street $((i % 7))/g; s/5-2/$((i % 5 + 3))-$((i % 3))/g" \
	    "$top/tests/demo/page.txt" >"$f"
	if [ $((i % 5)) -eq 0 ]; then
		printf '%s' "$(cat "$f")" >"$f.tmp" && mv "$f.tmp" "$f"
	fi
	i=$((i + 1))
done
