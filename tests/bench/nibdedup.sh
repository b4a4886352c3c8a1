#!/bin/sh
# nibdedup.sh: whole-stream exact dedup (nibdedup -g -x) against
# mawk/gawk '!s[$0]++', perl -ne 'print unless $s{$_}++' and LC_ALL=C
# sort -u on the same ~500 MB stream in the same run: MB/s, peak RSS and
# ratios; then folded keys (nibdedup -g) against the same peers; then the
# per-document mode (exact, prefix and near repeats) on page text.
#
# Input: the page texts of $NIB_BENCH_DATA/pages repeated with variation
# to ~500 MB: 88% of the lines are lines of the pages drawn at random,
# 12% are page lines made unique by a serial number, so that about one
# line in eight is new, as in a day of scraped pages.
# Targets: -g -x >= 3x the fastest peer with <= 1/3 of mawk's peak RSS;
# -g (folded) >= 1.5x the fastest peer; per-document mode >= 50 MB/s.
set -u
. "$NIB_TOP/tests/bench/lib.sh"
bin=$NIB_TOP/bin
big=$NIB_BENCH_TMP/dedup-500m.txt
pages=$NIB_BENCH_TMP/dedup-pages-100m.txt
size=500000000

need_data "$NIB_BENCH_DATA/pages" || exit 0

# timeit, also keeping the CPU seconds (user + system) of the best run:
# on a shared machine wall time swings with the load, CPU time much less.
timecpu() {
	T_SEC= T_RSS= T_CPU=
	_i=0
	while [ $_i -lt "$NIB_BENCH_RUNS" ]; do
		/usr/bin/time -f '%e %M %U %S' -o "$NIB_BENCH_TMP/time" sh -c "$1" >/dev/null 2>"$NIB_BENCH_TMP/err" ||
			echo "bench: failed: $1: $(head -c 300 "$NIB_BENCH_TMP/err")" >&2
		read -r _s _m _u _y <"$NIB_BENCH_TMP/time"
		if [ -z "$T_SEC" ] || awk -v a="$_s" -v b="$T_SEC" 'BEGIN { exit !(a < b) }'; then
			T_SEC=$_s
			T_RSS=$(awk -v m="$_m" 'BEGIN { printf "%.1f", m / 1024 }')
			T_CPU=$(awk -v u="$_u" -v y="$_y" 'BEGIN { printf "%.2f", u + y }')
		fi
		_i=$((_i + 1))
	done
}
if [ ! -s "$big" ]; then
	echo "making $big (once)"
	ls "$NIB_BENCH_DATA"/pages/*.txt | grep -v '\.body\.txt$' | xargs cat |
	    awk -v size=$size 'NF > 0 { pool[n++] = $0 }
	    END {
		srand(4)
		while (total < size) {
			l = pool[int(rand() * n)]
			if (rand() < 0.12)
				l = l " #" ++serial
			print l
			total += length(l) + 1
		}
	    }' >"$big.tmp" && mv "$big.tmp" "$big"
fi
if [ ! -s "$pages" ]; then
	: >"$pages.tmp"
	while [ "$(wc -c <"$pages.tmp")" -lt 100000000 ]; do
		for f in "$NIB_BENCH_DATA"/pages/*.txt; do
			case $f in *.body.txt) continue ;; esac
			cat "$f"
			printf '\f\n'
		done >>"$pages.tmp"
	done
	mv "$pages.tmp" "$pages"
fi
bytes=$(wc -c <"$big")
echo "input: $big, $bytes bytes, $(wc -l <"$big") lines, $(LC_ALL=C sort -u "$big" | wc -l) distinct"

line() { printf '%-36s %8s MB/s %8s MB/s of CPU %8s MB RSS\n' "$1" "$(mbps "$2" "$bytes")" "$(mbps "$4" "$bytes")" "$3"; }

timecpu "'$bin/nibdedup' -g -x <'$big'"; x_sec=$T_SEC x_rss=$T_RSS x_cpu=$T_CPU
timecpu "'$bin/nibdedup' -g <'$big'"; f_sec=$T_SEC f_rss=$T_RSS f_cpu=$T_CPU
timecpu "mawk '!s[\$0]++' <'$big'"; m_sec=$T_SEC m_rss=$T_RSS m_cpu=$T_CPU
timecpu "gawk '!s[\$0]++' <'$big'"; g_sec=$T_SEC g_rss=$T_RSS g_cpu=$T_CPU
timecpu "perl -ne 'print unless \$s{\$_}++' <'$big'"; p_sec=$T_SEC p_rss=$T_RSS p_cpu=$T_CPU
timecpu "LC_ALL=C sort -u <'$big'"; s_sec=$T_SEC s_rss=$T_RSS s_cpu=$T_CPU
timecpu "uniq <'$big'"; u_sec=$T_SEC u_rss=$T_RSS u_cpu=$T_CPU

best=$m_sec bestn=mawk
for p in "g gawk" "p perl" "s sort-u"; do
	set -- $p
	eval "v=\$${1}_sec"
	if awk -v a="$v" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$v bestn=$2; fi
done
line "nibdedup -g -x" "$x_sec" "$x_rss" "$x_cpu"
line "nibdedup -g (folded keys)" "$f_sec" "$f_rss" "$f_cpu"
line "mawk '!s[\$0]++'" "$m_sec" "$m_rss" "$m_cpu"
line "gawk '!s[\$0]++'" "$g_sec" "$g_rss" "$g_cpu"
line "perl -ne 'print unless \$s{\$_}++'" "$p_sec" "$p_rss" "$p_cpu"
line "LC_ALL=C sort -u" "$s_sec" "$s_rss" "$s_cpu"
line "uniq (adjacent only, for scale)" "$u_sec" "$u_rss" "$u_cpu"
echo "fastest peer: $bestn"
echo "ratio -g -x / $bestn: $(ratio "$best" "$x_sec")x (target >= 3)"
echo "ratio RSS -g -x / mawk: $(ratio "$x_rss" "$m_rss") (target <= 0.33)"
echo "ratio -g folded / $bestn: $(ratio "$best" "$f_sec")x (target >= 1.5)"
eval "bestc=\$$(echo $bestn | cut -c1)_cpu"
echo "on CPU time: -g -x $(ratio "$bestc" "$x_cpu")x, -g folded $(ratio "$bestc" "$f_cpu")x the same peer"

pbytes=$(wc -c <"$pages")
timecpu "'$bin/nibdedup' <'$pages'"; d_sec=$T_SEC d_rss=$T_RSS d_cpu=$T_CPU
timecpu "'$bin/nibdedup' -s <'$pages'"; s2_sec=$T_SEC s2_cpu=$T_CPU
timecpu "cat <'$pages'"; c_sec=$T_SEC
echo "page text: $pages, $pbytes bytes"
echo "nibdedup (per document: exact, prefix, near): $(mbps "$d_sec" "$pbytes") MB/s, $(mbps "$d_cpu" "$pbytes") MB/s of CPU, $d_rss MB RSS (target >= 50 MB/s)"
echo "nibdedup -s (sentence units):                 $(mbps "$s2_sec" "$pbytes") MB/s, $(mbps "$s2_cpu" "$pbytes") MB/s of CPU"
echo "cat, for scale:                               $(mbps "$c_sec" "$pbytes") MB/s"
