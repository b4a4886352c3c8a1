#!/bin/sh
# nibnorm.sh: nibnorm (default run, every repair on) against uconv -x
# Any-NFC and iconv -f UTF-8 -t UTF-8 -c, on the same ~100 MB of news text
# in the same run; MB/s, ratios, and nibnorm's peak RSS on 10 MB and on
# 100 MB (it must not grow: one line is held).
#
# Input: the pages of $NIB_BENCH_DATA/pages repeated to 100 MB, or, when
# they are absent, generated text of the same kind (mostly ASCII, with
# curly quotes, dashes, accented words and a few entities).
# Targets: >= 10x uconv's throughput, >= 0.5x iconv -c's.
set -u
. "$NIB_TOP/tests/bench/lib.sh"
bin=$NIB_TOP/bin
big=$NIB_BENCH_TMP/norm-100m.txt
small=$NIB_BENCH_TMP/norm-10m.txt
size=100000000

if [ ! -s "$big" ]; then
	if ls "$NIB_BENCH_DATA"/pages/*.txt >/dev/null 2>&1; then
		echo "input: $NIB_BENCH_DATA/pages/*.txt repeated to 100 MB"
		: >"$big.tmp"
		while [ "$(wc -c <"$big.tmp")" -lt $size ]; do
			cat "$NIB_BENCH_DATA"/pages/*.txt >>"$big.tmp"
		done
	else
		echo "input: $NIB_BENCH_DATA/pages is absent: generating 100 MB of text"
		awk -v size=$size 'BEGIN {
			n = split("the said court records people taxes agency \
			    million former minister caf\303\251 na\303\257ve \
			    \342\200\234quoted\342\200\235 don\342\200\231t \
			    \342\200\224 Z\303\274rich S\303\243o Paulo &amp; \
			    \346\235\261\344\272\254 \320\274\320\276\321\201\320\272\320\262\320\260 \
			    report week official", w, " ")
			srand(1)
			while (total < size) {
				line = ""
				k = 20 + int(rand() * 120)
				for (i = 0; i < k; i++)
					line = line (i ? " " : "") w[1 + int(rand() * n)]
				print line "."
				total += length(line) + 2
			}
		}' >"$big.tmp"
	fi
	mv "$big.tmp" "$big"
fi
[ -s "$small" ] || head -c 10000000 "$big" >"$small"
bytes=$(wc -c <"$big")
sbytes=$(wc -c <"$small")
echo "input: $big, $bytes bytes, $(LC_ALL=C grep -c '[^ -~]' "$big") of $(wc -l <"$big") lines hold non-ASCII"

timeit "'$bin/nibnorm' <'$big'"
n_sec=$T_SEC n_rss=$T_RSS
timeit "'$bin/nibnorm' <'$small'"
s_rss=$T_RSS
timeit "uconv -x Any-NFC <'$big'"
u_sec=$T_SEC
timeit "iconv -f UTF-8 -t UTF-8 -c <'$big'"
i_sec=$T_SEC

n_mbps=$(mbps "$n_sec" "$bytes")
u_mbps=$(mbps "$u_sec" "$bytes")
i_mbps=$(mbps "$i_sec" "$bytes")
printf '%-28s %8s MB/s  %6ss\n' "nibnorm" "$n_mbps" "$n_sec"
printf '%-28s %8s MB/s  %6ss\n' "uconv -x Any-NFC" "$u_mbps" "$u_sec"
printf '%-28s %8s MB/s  %6ss\n' "iconv -f UTF-8 -t UTF-8 -c" "$i_mbps" "$i_sec"
ru=$(ratio "$n_mbps" "$u_mbps")
ri=$(ratio "$n_mbps" "$i_mbps")
echo "nibnorm / uconv: ${ru}x (target >= 10)"
echo "nibnorm / iconv -c: ${ri}x (target >= 0.5)"
echo "nibnorm peak RSS: ${s_rss} MB on $sbytes bytes, ${n_rss} MB on $bytes bytes"
awk -v a="$ru" -v b="$ri" -v s="$s_rss" -v l="$n_rss" 'BEGIN {
	ok = a >= 10 && b >= 0.5 && l <= s * 1.5 + 1
	print ok ? "targets: met" : "targets: NOT met"
	exit !ok
}'
