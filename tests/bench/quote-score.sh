#!/bin/sh
# quote-score.sh [-v] DIR [nibquote options]: scores nibquote on the
# annotated articles in DIR: each DIR/NAME.txt beside DIR/NAME.gold, whose
# lines are "kind<TAB>speaker<TAB>text", one for every quoted span of the
# article (speech, titles, slogans, scare quotes; an interrupted or
# multi-paragraph quotation is one line, its parts joined by a space;
# speaker "-" when there is none).
#
# A found quotation matches a gold one when their texts are equal after
# case, punctuation and quote marks are folded.  Prints precision, recall
# and F1 on full quotations (kind must agree) and on all quotations, and
# the share of matched quotations whose speaker is right (equal after case
# folding, or the words of one contained in the other's: "Okafor" and
# "Linda Okafor").  -v lists every miss.  Needs nibquote on PATH, or
# $NIBQUOTE: another command that prints records in nibquote's TSV shape.
set -u
verbose=0
[ "${1:-}" = -v ] && { verbose=1; shift; }
dir=${1:?usage: quote-score.sh [-v] DIR [options]}
shift
for t in "$dir"/*.txt; do
	g=${t%.txt}.gold
	[ -f "$g" ] || continue
	name=$(basename "$t" .txt)
	sed "s/^/G	$name	/" "$g"
	${NIBQUOTE:-nibquote} "$@" "$t" | cut -f5- | sed "s/^/P	$name	/"
done | LC_ALL=C awk -F'\t' -v verbose="$verbose" '
function norm(s) {
	s = tolower(s)
	gsub(/\xe2\x80[\x98\x99\x9c\x9d\x9e\x93\x94\xa6]|\xc2[\xab\xbb]|\xe2\x80[\xb9\xba]/, " ", s)
	gsub(/[^a-z0-9\x80-\xff]+/, " ", s)
	gsub(/^ +| +$/, "", s)
	return s
}
function spk(s) {
	s = tolower(s)
	if (s == "-") s = ""
	gsub(/[^a-z0-9\x80-\xff]+/, " ", s)
	gsub(/^ +| +$/, "", s)
	return s
}
# every word of a in b
function within(a, b,    n, i, w, bw, m) {
	n = split(a, w, " ")
	m = split(b, bw, " ")
	delete have
	for (i = 1; i <= m; i++) have[bw[i]] = 1
	for (i = 1; i <= n; i++) if (!(w[i] in have)) return 0
	return n > 0
}
function samespk(a, b) {
	a = spk(a); b = spk(b)
	if (a == b) return 1
	if (a == "" || b == "") return 0
	return within(a, b) || within(b, a)
}
$1 == "G" { ng++; gk[ng] = $3; gs[ng] = $4; gt[ng] = norm($5); gf[ng] = $2; graw[ng] = $5
	if ($3 == "full") gfull++ }
# nibquote TSV from field 5 on: speaker, verb, kind, text
$1 == "P" { np++; pk[np] = $5; ps[np] = $3; pt[np] = norm($6); pf[np] = $2; praw[np] = $6
	if ($5 == "full") pfull++ }
END {
	for (i = 1; i <= np; i++) {
		for (j = 1; j <= ng; j++)
			if (!used[j] && gf[j] == pf[i] && gt[j] == pt[i]) break
		if (j > ng) {
			if (verbose) printf "extra\t%s\t%s\t%s\n", pf[i], pk[i], praw[i]
			continue
		}
		used[j] = i
		tp++
		if (pk[i] == "full" && gk[j] == "full") tpfull++
		else if (pk[i] != gk[j] && verbose) printf "kind\t%s\tgold %s, found %s\t%s\n", pf[i], gk[j], pk[i], praw[i]
		if (samespk(gs[j], ps[i])) right++
		else if (verbose) printf "speaker\t%s\tgold %s, found %s\t%s\n", pf[i], gs[j], (ps[i] == "" ? "-" : ps[i]), praw[i]
	}
	if (verbose) for (j = 1; j <= ng; j++) if (!used[j]) printf "missed\t%s\t%s\t%s\n", gf[j], gk[j], graw[j]
	pf1 = pfull ? tpfull / pfull : 0; rf1 = gfull ? tpfull / gfull : 0
	pa = np ? tp / np : 0; ra = ng ? tp / ng : 0
	printf "full: P %.3f R %.3f F1 %.3f (%d gold)\n", pf1, rf1, (pf1 + rf1 ? 2 * pf1 * rf1 / (pf1 + rf1) : 0), gfull
	printf "all: P %.3f R %.3f F1 %.3f (%d gold)\n", pa, ra, (pa + ra ? 2 * pa * ra / (pa + ra) : 0), ng
	printf "speaker: %d of %d found right: %.3f\n", right, tp, (tp ? right / tp : 0)
}'
