#!/bin/sh
# nibquote.sh: nibquote against npm compromise (nlp(text).quotations(),
# one paragraph at a time, tests/bench/quotepeer.mjs) and a plain regex
# (perl, ["“][^"”]*["”]), in the same run.
#
# Quality: quotation F1 on full quotations and on all, and speaker
# accuracy, on our own annotated articles (tests/nibquote/corpus, scored
# by tests/bench/quote-score.sh) for all three; then the same figures and
# kind accuracy, for all pages and each half, on real article bodies
# annotated by hand (tests/bench/quotes-real.tsv over
# $NIB_BENCH_DATA/pages, scored by tests/bench/quote-real-score.sh) for
# nibquote and the regex, which there reports byte offsets (compromise
# gives none, so it cannot be matched by span).
# Speed: the article bodies of $NIB_BENCH_DATA/pages (*.body.txt), one
# document each, repeated to ~50 MB; compromise, at about 0.1 MB/s, gets
# the first ~100 KB of the same input (nibquote is timed on it too).
# MB/s by wall time and, for nibquote, by CPU time (user + system: one
# core's worth, which a busy machine inflates less), peak RSS, the ratio.
# Targets: >= 100 MB/s on one core; F1 >= 0.90 full, >= 0.80 all; speaker
# right for >= 0.85 of the quotations found.
# Peer: `npm install compromise` into $NIB_BENCH_TMP/npm-quote (done here
# once when npm is there).
set -u
. "$NIB_TOP/tests/bench/lib.sh"
bin=$NIB_TOP/bin
big=$NIB_BENCH_TMP/quote-50m.txt
small=$NIB_BENCH_TMP/quote-100k.txt
npm=$NIB_BENCH_TMP/npm-quote
export NIB_NPM="$npm"

# The regex peer, as a script so that it takes file operands.
regex=$NIB_BENCH_TMP/quote-regex.sh
printf '%s\n' 'exec perl -CSD -ne '\''while (/["\x{201C}]([^"\x{201C}\x{201D}]*)["\x{201D}]/g) { print "1\t$.\t0\t0\t\t\tfull\t$1\n" }'\'' "$@"' >"$regex"
# The same pattern over bytes, with byte offsets, for the real set.
regexoff=$NIB_BENCH_TMP/quote-regex-off.sh
printf '%s\n' 'exec perl -ne '\''while (/(?:"|\xe2\x80\x9c)(?:(?!"|\xe2\x80[\x9c\x9d]).)*(?:"|\xe2\x80\x9d)/g) { print "1\t$.\t", $o + $-[0], "\t", $o + $+[0], "\t\t\tfull\t\n" } $o += length; if (eof) { $o = 0; close ARGV }'\'' "$@"' >"$regexoff"

have_npm=1
if [ ! -d "$npm/node_modules/compromise" ]; then
	if command -v npm >/dev/null; then
		mkdir -p "$npm" && (cd "$npm" && npm install --silent --no-audit --no-fund compromise >/dev/null 2>&1) ||
			have_npm=0
	else
		have_npm=0
	fi
fi
[ -d "$npm/node_modules/compromise" ] || have_npm=0
[ $have_npm = 1 ] || echo "bench: npm package compromise could not be installed: that peer skipped"

score() {
	NIBQUOTE="$1" PATH="$bin:$PATH" sh "$NIB_TOP/tests/bench/quote-score.sh" "$NIB_TOP/tests/nibquote/corpus" |
	    awk '/^full:/ { f = $7 } /^all:/ { a = $7 } /^speaker:/ { s = $NF }
	    END { printf "F1 full %s, all %s; speaker %s", f, a, s }'
}
echo "quality on tests/nibquote/corpus (own annotated articles):"
printf '  %-24s %s\n' nibquote "$(score nibquote)"
[ $have_npm = 1 ] && printf '  %-24s %s\n' "npm compromise" "$(score "node $NIB_TOP/tests/bench/quotepeer.mjs")"
printf '  %-24s %s\n' "regex (perl)" "$(score "sh $regex")"
echo "quality on real article bodies (tests/bench/quotes-real.tsv, annotated by hand; halves by page id):"
sh "$NIB_TOP/tests/bench/quote-real-score.sh" -n nibquote "$bin/nibquote" | sed 's/^/  /'
sh "$NIB_TOP/tests/bench/quote-real-score.sh" -q -n "regex (perl)" "sh $regexoff" | sed 's/^/  /'

need_data "$NIB_BENCH_DATA/pages" || exit 0
if [ ! -s "$big" ]; then
	: >"$big.tmp"
	while [ "$(wc -c <"$big.tmp")" -lt 50000000 ]; do
		for f in "$NIB_BENCH_DATA"/pages/*.body.txt; do
			cat "$f"
			printf '\f\n'
		done >>"$big.tmp"
	done
	mv "$big.tmp" "$big"
fi
[ -s "$small" ] || head -c 100000 "$big" | sed '$d' >"$small"
bytes=$(wc -c <"$big")
sbytes=$(wc -c <"$small")
echo "speed input: $big, $bytes bytes ($(ls "$NIB_BENCH_DATA"/pages/*.body.txt | wc -l) article bodies repeated); compromise: the first $sbytes bytes"

timeit "'$bin/nibquote' '$big'"
q_mbps=$(mbps "$T_SEC" "$bytes")
printf '%-24s %9s MB/s  RSS %6s MB  (%s quotations)\n' nibquote "$q_mbps" "$T_RSS" "$("$bin/nibquote" "$big" | wc -l)"
best=
i=0
while [ $i -lt "$NIB_BENCH_RUNS" ]; do
	/usr/bin/time -f '%U %S' -o "$NIB_BENCH_TMP/time" "$bin/nibquote" "$big" >/dev/null
	c=$(awk '{ print $1 + $2 }' "$NIB_BENCH_TMP/time")
	if [ -z "$best" ] || awk -v a="$c" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$c; fi
	i=$((i + 1))
done
q_cpu=$(mbps "$best" "$bytes")
printf '%-24s %9s MB/s of CPU time (user + system %s s)\n' nibquote "$q_cpu" "$best"
timeit "sh '$regex' '$big'"
printf '%-24s %9s MB/s  RSS %6s MB\n' "regex (perl)" "$(mbps "$T_SEC" "$bytes")" "$T_RSS"
if [ $have_npm = 1 ]; then
	timeit "'$bin/nibquote' '$small'"
	qs_mbps=$(mbps "$T_SEC" "$sbytes")
	NIB_BENCH_RUNS=1 timeit "node '$NIB_TOP/tests/bench/quotepeer.mjs' '$small'"
	c_mbps=$(awk -v s="$T_SEC" -v b="$sbytes" 'BEGIN { printf "%.3f", (s > 0 ? b / 1e6 / s : 0) }')
	c_sec=$T_SEC
	printf '%-24s %9s MB/s  RSS %6s MB  (%s s on %s bytes; nibquote there, start-up included: %s MB/s)\n' \
	    "npm compromise" "$c_mbps" "$T_RSS" "$c_sec" "$sbytes" "$qs_mbps"
	echo "nibquote (50 MB) / compromise: $(awk -v a="$q_mbps" -v b="$c_mbps" 'BEGIN { printf "%.0f", (b > 0 ? a / b : 0) }')x by wall time"
fi
awk -v m="$q_mbps" -v c="$q_cpu" 'BEGIN { printf "target >= 100 MB/s on one core: %s (wall %s, CPU %s)\n", (c >= 100 ? "met" : "NOT met"), m, c }'
