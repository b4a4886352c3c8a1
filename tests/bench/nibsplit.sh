#!/bin/sh
# nibsplit.sh: article-body quality and speed.
#
# Quality: token-shingle F1 of the body on $NIB_BENCH_DATA/pages (the
# scorer there, run.sh), for the pipeline
#   nibnorm | nibstrip | nibdedup | nibsplit -s body
# (a stage not built yet is replaced by cat, and said so), for nibsplit
# -s body alone, and for the peers on the same pages in the same run: the
# page as it is (cat) and awk 'NF>=8 && /[.!?"”’]$/'; the pipeline's F1
# on each half of the pages (by the page id's first hex digit, even or
# odd) and on the non-English pages; and the pages that yield an empty
# body.  Targets: pipeline F1 >= 0.95, halves within 0.015, no empty body.
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

# The pages in groups, as directories of links that run.sh scores: the
# halves by the page id's first hex digit (even, odd), to tune on one and
# report the other; and the pages whose true body is not English (fewer
# than 8% of its words are English function words).
groups=$(mktemp -d "${NIB_BENCH_TMP:-/tmp}/split-groups.XXXXXX")
trap 'rm -rf "$groups" "$_T"' EXIT
mkdir "$groups/even" "$groups/odd" "$groups/non-English"
for f in "$pages"/*.body.txt; do
	id=$(basename "$f" .body.txt)
	case $id in [02468aAcCeE]*) h=even ;; *) h=odd ;; esac
	ln -s "$f" "$groups/$h/$id.body.txt"
	ln -s "$pages/$id.txt" "$groups/$h/$id.txt"
	if tr -cs 'A-Za-z' '\n' <"$f" | awk 'NF { n++; if (tolower($0) ~ /^(the|of|and|to|a|in|is|that|for|it|was|on|with|as)$/) e++ }
	    END { exit !(n == 0 || e / n < 0.08) }'; then
		ln -s "$f" "$groups/non-English/$id.body.txt"
		ln -s "$pages/$id.txt" "$groups/non-English/$id.txt"
	fi
done

f1() {
	sh "$pages/run.sh" "$1" "${2:-$pages}" 2>/dev/null | awk '/^pages/ { print $4, $6, $8 }'
}
echo "body F1 on $(ls "$pages"/*.body.txt | wc -l) pages (precision recall F1):"
printf '  %-10s %s\n' pipeline "$(f1 "$pipe")"
printf '  %-10s %s\n' nibsplit "$(f1 "$bin/nibsplit -s body")"
printf '  %-10s %s\n' cat "$(f1 cat)"
printf '  %-10s %s\n' awk "$(f1 "$awkbody")"
echo "pipeline body F1 by group (tune on one half, report the other; halves within 0.015):"
for g in even odd non-English; do
	printf '  %-12s %3d pages  %s\n' "$g" "$(ls "$groups/$g"/*.body.txt | wc -l)" "$(f1 "$pipe" "$groups/$g")"
done
echo "pages whose true body is not empty and whose pipeline body is (target: none):"
empty=0
for f in "$pages"/*.body.txt; do
	id=$(basename "$f" .body.txt)
	[ -n "$(tr -d ' \n' <"$f")" ] || continue
	if [ -z "$(sh -c "$pipe" <"$pages/$id.txt" 2>/dev/null | tr -d ' \n')" ]; then
		echo "  $id"
		empty=$((empty + 1))
	fi
done
echo "  $empty pages"

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
