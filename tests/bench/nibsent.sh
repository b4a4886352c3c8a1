#!/bin/sh
# nibsent.sh: nibsent against npm sbd, npm sentence-splitter and Perl
# Lingua::EN::Sentence, each fed the same news bodies one line at a time;
# MB/s and ratios, and each one's score on the English Golden Rules
# ($NIB_BENCH_DATA/sentences/golden-en.jsonl, scored by score.py there).
#
# Input: $NIB_BENCH_DATA/pages/*.body.txt repeated to about 20 MB (read
# five times by nibsent in each timed run).  The two slow peers (under
# 1 MB/s) run on the first 1 MB of it, one run each.
# Peers: `npm install sbd sentence-splitter` into $NIB_BENCH_TMP/nibsent/npm
# (done here once), Debian liblingua-en-sentence-perl.
# Real text: nibsent's decisions at 400 candidate sentence ends in the
# bodies, against judgments by hand (tests/bench/sent-real.tsv, scored by
# tests/bench/sentreal.py): error rate, false splits and missed splits.
# Target: nibsent >= 20x sbd's throughput; 52/52 Golden Rules; real text
# <= 1% wrong.
set -u
. "$NIB_TOP/tests/bench/lib.sh"
# A directory of our own: timeit keeps its figures in $NIB_BENCH_TMP/time,
# which another benchmark running at the same time would overwrite.
NIB_BENCH_TMP=$NIB_BENCH_TMP/nibsent
mkdir -p "$NIB_BENCH_TMP" || exit 2
bin=$NIB_TOP/bin
big=$NIB_BENCH_TMP/sent-20m.txt
small=$NIB_BENCH_TMP/sent-1m.txt
npm=${NIB_NPM:-$NIB_BENCH_TMP/npm}
peer="node '$NIB_TOP/tests/bench/sentpeer.mjs'"
perlsent="perl -MLingua::EN::Sentence=get_sentences -ne 'chomp; print \"\$_\\n\" for @{get_sentences(\$_) || []}'"
rules=$NIB_BENCH_DATA/sentences/golden-en.jsonl
export NIB_NPM="$npm"

need_data "$NIB_BENCH_DATA/pages" || exit 0
if [ ! -s "$big" ]; then
	: >"$big.tmp"
	while [ "$(wc -c <"$big.tmp")" -lt 20000000 ]; do
		cat "$NIB_BENCH_DATA"/pages/*.body.txt >>"$big.tmp"
	done
	mv "$big.tmp" "$big"
fi
# Cut at a line end, so that the peers see whole lines.
[ -s "$small" ] || head -c 1000000 "$big" | sed '$d' >"$small"
bytes=$(wc -c <"$big")
sbytes=$(wc -c <"$small")
echo "input: $big, $bytes bytes ($NIB_BENCH_DATA/pages/*.body.txt repeated); slow peers: first $sbytes bytes"

have_npm=1
if [ ! -d "$npm/node_modules/sbd" ] || [ ! -d "$npm/node_modules/sentence-splitter" ]; then
	if command -v npm >/dev/null; then
		mkdir -p "$npm" && (cd "$npm" && npm install --silent --no-audit --no-fund sbd sentence-splitter >/dev/null 2>&1) ||
			have_npm=0
	else
		have_npm=0
	fi
fi
[ -d "$npm/node_modules/sbd" ] || have_npm=0
[ $have_npm = 1 ] || echo "bench: npm packages sbd and sentence-splitter could not be installed: those peers skipped"
have_perl=1
perl -MLingua::EN::Sentence -e1 2>/dev/null || {
	have_perl=0
	echo "bench: Perl Lingua::EN::Sentence is missing (apt-get install liblingua-en-sentence-perl): skipped"
}

# timecpu 'CMD' [RUNS]: like timeit (lib.sh), and also sets T_CPU, the
# least user+system seconds of the runs: on a loaded machine wall time
# says more about the neighbours than about the command.
timecpu() {
	T_SEC= T_RSS= T_CPU=
	_i=0
	while [ $_i -lt "${2:-$NIB_BENCH_RUNS}" ]; do
		/usr/bin/time -f '%e %U %S %M' -o "$NIB_BENCH_TMP/time" sh -c "$1" >/dev/null 2>"$NIB_BENCH_TMP/err" ||
			echo "bench: failed: $1: $(head -c 300 "$NIB_BENCH_TMP/err")" >&2
		read -r _s _u _y _m <"$NIB_BENCH_TMP/time"
		_c=$(awk -v u="$_u" -v y="$_y" 'BEGIN { print u + y }')
		if [ -z "$T_SEC" ] || awk -v a="$_s" -v b="$T_SEC" 'BEGIN { exit !(a < b) }'; then
			T_SEC=$_s T_RSS=$(awk -v m="$_m" 'BEGIN { printf "%.1f", m / 1024 }')
		fi
		if [ -z "$T_CPU" ] || awk -v a="$_c" -v b="$T_CPU" 'BEGIN { exit !(a < b) }'; then
			T_CPU=$_c
		fi
		_i=$((_i + 1))
	done
}
rate() { awk -v s="$1" -v b="$2" 'BEGIN { printf "%.2f", (s > 0 ? b / 1e6 / s : 0) }'; }
row() {
	printf '%-26s %8s MB/s wall %8s MB/s cpu  RSS %6s MB  golden rules %s\n' "$1" \
	    "$(rate "$T_SEC" "$2")" "$(rate "$T_CPU" "$2")" "$T_RSS" "$3"
}

score() {
	if [ -f "$rules" ]; then
		python3 "$NIB_BENCH_DATA/sentences/score.py" "$@" | sed -n 's/^golden rules: \([0-9]*\/[0-9]*\).*/\1/p'
	else
		echo "-"
	fi
}
[ -f "$rules" ] || echo "bench: $rules is absent: Golden Rules scores skipped"

python3 "$NIB_TOP/tests/bench/sentreal.py" score "$NIB_BENCH_DATA/pages" \
    "$NIB_TOP/tests/bench/sent-real.tsv" "$bin/nibsent" | sed '1s/$/ (target <= 1%)/'

# nibsent takes some 50 ms on the input: five passes a run, for the clock's sake.
timecpu "for i in 1 2 3 4 5; do '$bin/nibsent' '$big'; done"
row nibsent $((bytes * 5)) "$(score "'$bin/nibsent'" "'$bin/nibsent' -P")"
n_wall=$(rate "$T_SEC" $((bytes * 5))) n_cpu=$(rate "$T_CPU" $((bytes * 5)))

ratios() {
	echo "nibsent / $1: $(ratio "$n_wall" "$(rate "$T_SEC" "$2")")x wall," \
	    "$(ratio "$n_cpu" "$(rate "$T_CPU" "$2")")x cpu$3"
}
if [ $have_npm = 1 ]; then
	timecpu "$peer sbd <'$big'"
	row "npm sbd" "$bytes" "$(score "$peer sbd")"
	ratios sbd "$bytes" " (target >= 20x)"
	timecpu "$peer sentence-splitter <'$small'" 1
	row "npm sentence-splitter" "$sbytes" "$(score "$peer sentence-splitter")"
	ratios sentence-splitter "$sbytes" ""
fi
if [ $have_perl = 1 ]; then
	timecpu "$perlsent <'$small'" 1
	row "Perl Lingua::EN::Sentence" "$sbytes" "$(score "$perlsent")"
	ratios Lingua::EN::Sentence "$sbytes" ""
fi
