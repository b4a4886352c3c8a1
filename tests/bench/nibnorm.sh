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
#
# Then mojibake repair, on the half of ftfy's test cases in
# $NIB_BENCH_DATA/mojibake (score.py): the whole half, and that half cut in
# two by line parity (even lines: the half rules were tuned on; odd: the
# half kept to check them), beside `cat`; and the lines of the pages that
# repair changes (default output against -M; it must be none).  Targets:
# in the wild, synthetic and language names >= 80%, every negative case
# that `cat` passes.
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
speed_ok=$(awk -v a="$ru" -v b="$ri" -v s="$s_rss" -v l="$n_rss" 'BEGIN {
	print (a >= 10 && b >= 0.5 && l <= s * 1.5 + 1) ? 1 : 0 }')

# Mojibake: the scorer's last line is "mojibake: in-the-wild A/N, ...".
moji_ok=1
score=$NIB_BENCH_DATA/mojibake/score.py
cases=$NIB_BENCH_DATA/mojibake/cases.jsonl
if need_data "$score" && command -v python3 >/dev/null; then
	awk 'NR % 2 == 1' "$cases" >"$NIB_BENCH_TMP/moji-tune.jsonl"
	awk 'NR % 2 == 0' "$cases" >"$NIB_BENCH_TMP/moji-check.jsonl"
	for half in all tune check; do
		f=$cases
		[ $half = all ] || f=$NIB_BENCH_TMP/moji-$half.jsonl
		n=$(python3 "$score" "$bin/nibnorm" "$f" | tail -1)
		c=$(python3 "$score" cat "$f" | tail -1)
		printf '%-6s nibnorm %s\n%-6s cat     %s\n' "$half" "${n#mojibake: }" "" "${c#mojibake: }"
		[ $half = all ] && moji_ok=$(printf '%s\n%s\n' "$n" "$c" | awk -F'[ ,/]+' '
			NR == 1 { for (i = 2; i < NF; i += 3) { ok[$i] = $(i + 1); all[$i] = $(i + 2) } }
			NR == 2 { catneg = $(NF - 1) }
			END {
				good = ok["in-the-wild"] >= 0.8 * all["in-the-wild"] &&
				    ok["synthetic"] >= 0.8 * all["synthetic"] &&
				    ok["language-names"] >= 0.8 * all["language-names"] &&
				    ok["negative"] >= catneg
				print good ? 1 : 0
			}')
	done
fi
if ls "$NIB_BENCH_DATA"/pages/*.txt >/dev/null 2>&1; then
	changed=0
	for p in "$NIB_BENCH_DATA"/pages/*.txt; do
		"$bin/nibnorm" <"$p" >"$NIB_BENCH_TMP/moji.on"
		"$bin/nibnorm" -M <"$p" >"$NIB_BENCH_TMP/moji.off"
		changed=$((changed + $(diff "$NIB_BENCH_TMP/moji.on" "$NIB_BENCH_TMP/moji.off" | grep -c '^<')))
	done
	echo "pages: $changed lines changed by mojibake repair (target 0)"
	[ "$changed" -eq 0 ] || moji_ok=0
fi
ok=$((speed_ok * moji_ok))
[ $ok -eq 1 ] && echo "targets: met" || echo "targets: NOT met"
[ $ok -eq 1 ]
