#!/bin/sh
# nibsent.sh: nibsent against npm sbd, npm sentence-splitter and Perl
# Lingua::EN::Sentence, each fed the same news bodies one line at a time;
# MB/s and ratios, and each one's score on the English Golden Rules
# ($NIB_BENCH_DATA/sentences/golden-en.jsonl, scored by score.py there).
#
# Input: $NIB_BENCH_DATA/pages/*.body.txt repeated to about 20 MB (read
# five times by nibsent in each timed run).  The two
# slow peers (under 1 MB/s) run on the first 2 MB of it, one run each.
# Peers: `npm install sbd sentence-splitter` into $NIB_BENCH_TMP/npm-sent
# (done here once), Debian liblingua-en-sentence-perl.
# Target: nibsent >= 20x sbd's throughput; 52/52 Golden Rules.
set -u
. "$NIB_TOP/bench/lib.sh"
bin=$NIB_TOP/bin
big=$NIB_BENCH_TMP/sent-20m.txt
small=$NIB_BENCH_TMP/sent-2m.txt
npm=$NIB_BENCH_TMP/npm-sent
peer="node '$NIB_TOP/bench/sentpeer.mjs'"
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
[ -s "$small" ] || head -c 2000000 "$big" | sed '$d' >"$small"
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

score() {
	if [ -f "$rules" ]; then
		python3 "$NIB_BENCH_DATA/sentences/score.py" "$@" | sed -n 's/^golden rules: \([0-9]*\/[0-9]*\).*/\1/p'
	else
		echo "-"
	fi
}
[ -f "$rules" ] || echo "bench: $rules is absent: Golden Rules scores skipped"

# nibsent takes some 50 ms on the input: five passes a run, for the clock's sake.
timeit "for i in 1 2 3 4 5; do '$bin/nibsent' '$big'; done"
n_sec=$T_SEC n_rss=$T_RSS
n_mbps=$(mbps "$n_sec" "$((bytes * 5))")
n_score=$(score "'$bin/nibsent'" "'$bin/nibsent' -P")
printf '%-34s %9s MB/s  RSS %6s MB  golden rules %s\n' "nibsent" "$n_mbps" "$n_rss" "$n_score"

if [ $have_npm = 1 ]; then
	timeit "$peer sbd <'$big'"
	s_mbps=$(mbps "$T_SEC" "$bytes")
	printf '%-34s %9s MB/s  RSS %6s MB  golden rules %s\n' "npm sbd" "$s_mbps" "$T_RSS" "$(score "$peer sbd")"
	echo "nibsent / sbd: $(ratio "$n_mbps" "$s_mbps")x (target >= 20x)"
	NIB_BENCH_RUNS=1 timeit "$peer sentence-splitter <'$small'"
	p_mbps=$(mbps "$T_SEC" "$sbytes")
	printf '%-34s %9s MB/s  RSS %6s MB  golden rules %s\n' "npm sentence-splitter" "$p_mbps" "$T_RSS" \
	    "$(score "$peer sentence-splitter")"
	echo "nibsent / sentence-splitter: $(ratio "$n_mbps" "$p_mbps")x"
fi
if [ $have_perl = 1 ]; then
	NIB_BENCH_RUNS=1 timeit "$perlsent <'$small'"
	l_mbps=$(mbps "$T_SEC" "$sbytes")
	printf '%-34s %9s MB/s  RSS %6s MB  golden rules %s\n' "Perl Lingua::EN::Sentence" "$l_mbps" "$T_RSS" \
	    "$(score "$perlsent")"
	echo "nibsent / Lingua::EN::Sentence: $(ratio "$n_mbps" "$l_mbps")x"
fi
