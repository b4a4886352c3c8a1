#!/bin/sh
# nibsplit.sh: article-body quality and speed.
#
# Quality: token-shingle F1 of the body on $NIB_BENCH_DATA/pages (the
# scorer there, run.sh), for the pipeline
#   nibnorm | nibstrip | nibdedup | nibsplit -s body
# (a stage not built yet is replaced by cat, and said so), for nibsplit
# -s body alone, and for the peers on the same pages in the same run: the
# page as it is (cat) and awk 'NF>=8 && /[.!?"”’]$/'.  Targets: pipeline
# F1 >= 0.93.
#
# Speed: the pages joined by form-feed lines (one document each) and
# repeated to ~50 MB; MB/s of the whole pipeline, of nibsplit alone and of
# the awk one-liner, ratios, and nibsplit's peak RSS (it holds one
# document).  Target: pipeline >= 50 MB/s.
set -u
. "$NIB_TOP/tests/bench/lib.sh"
bin=$NIB_TOP/bin
pages=$NIB_BENCH_DATA/pages
need_data "$pages/run.sh" || exit 0
[ -x "$bin/nibsplit" ] || { echo "bench: $bin/nibsplit is not built (make)"; exit 1; }

pipe=
for st in nibnorm nibstrip nibdedup; do
	if [ -x "$bin/$st" ]; then
		pipe="$pipe$bin/$st | "
	else
		echo "note: $st is not built: cat stands in for it"
	fi
done
pipe="${pipe}$bin/nibsplit -s body"
awkbody='awk '"'"'NF>=8 && /[.!?"”’]$/'"'"

f1() {
	sh "$pages/run.sh" "$1" 2>/dev/null | awk '/^pages/ { print $4, $6, $8 }'
}
echo "body F1 on $(ls "$pages"/*.body.txt | wc -l) pages (precision recall F1):"
printf '  %-10s %s\n' pipeline "$(f1 "$pipe")"
printf '  %-10s %s\n' nibsplit "$(f1 "$bin/nibsplit -s body")"
printf '  %-10s %s\n' cat "$(f1 cat)"
printf '  %-10s %s\n' awk "$(f1 "$awkbody")"

stream=$NIB_BENCH_TMP/split-pages-50m.txt
if [ ! -s "$stream" ]; then
	: >"$stream.tmp"
	while [ "$(wc -c <"$stream.tmp")" -lt 50000000 ]; do
		for f in "$pages"/*.txt; do
			case $f in *.body.txt) continue ;; esac
			cat "$f"
			printf '\f\n'
		done >>"$stream.tmp"
	done
	mv "$stream.tmp" "$stream"
fi
bytes=$(wc -c <"$stream")
echo "speed on $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of pages joined by form feeds:"
timeit "sh -c '$pipe' <$stream"
p_sec=$T_SEC
timeit "$bin/nibsplit -s body $stream"
s_sec=$T_SEC s_rss=$T_RSS
timeit "$bin/nibsplit $stream"
l_sec=$T_SEC
timeit "$awkbody $stream"
a_sec=$T_SEC
echo "  pipeline          $(mbps "$p_sec" "$bytes") MB/s"
echo "  nibsplit -s body  $(mbps "$s_sec" "$bytes") MB/s, peak RSS $s_rss MB"
echo "  nibsplit (labels) $(mbps "$l_sec" "$bytes") MB/s"
echo "  awk one-liner     $(mbps "$a_sec" "$bytes") MB/s"
echo "  ratio nibsplit/awk $(ratio "$a_sec" "$s_sec"), pipeline/awk $(ratio "$a_sec" "$p_sec")"
