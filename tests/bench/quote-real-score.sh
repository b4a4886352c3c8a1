#!/bin/sh
# quote-real-score.sh [-qv] [-n NAME] [CMD]: scores a quotation finder on
# real article bodies annotated by hand (tests/bench/quotes-real.tsv; the
# rules are in its header).  CMD (default $NIBQUOTE, else nibquote) is run
# as `CMD FILE` on each annotated $NIB_BENCH_DATA/pages/ID.body.txt and
# must print records in nibquote's TSV shape (doc, line, start, end,
# speaker, verb, kind, text), start and end being byte offsets in the file,
# end exclusive, marks included.  CMD is split into words as the shell
# splits them.
#
# A found record matches an annotated one on the same page when its start
# and its end each lie within 3 bytes (one quote mark) of the annotated
# ones: wide enough for a closing mark written as two (’’), far too narrow
# for one part of an interrupted quotation to stand for the whole.  Each
# annotated record matches at most one found record, and each found one at
# most one annotated.
#
# Prints, for all pages and for the two halves split by the parity of the
# page id's first hex digit: precision, recall and F1 over all quotations
# and over full ones (a full match needs both kinds full); speaker accuracy
# and kind accuracy over the matched quotations.  Speakers are compared
# case-insensitively after trimming, folding ’ to ' and dropping a leading
# "the", "a" or "an"; they must be equal, except that an annotated speaker
# of one word (a surname the text never completes) also matches a found
# speaker whose last word it is, and an annotation may list accepted forms
# separated by "|".  An empty annotated speaker is right only when none is
# found.  -v also lists every miss (page, offsets, what went wrong, text).
# A first line counts pages and quotations (-q leaves it out); -n NAME
# labels the rows (default: CMD).
# Exits 0, saying so, when $NIB_BENCH_DATA/pages is absent.  $NIB_QUOTES_REAL
# names another annotation file (tests/bench/real-score/ tests this script).
set -u
verbose=0
header=1
name=
while [ $# -gt 0 ]; do
	case $1 in
	-v) verbose=1; shift ;;
	-q) header=0; shift ;;
	-n) name=$2; shift 2 ;;
	*) break ;;
	esac
done
cmd=${1:-${NIBQUOTE:-nibquote}}
[ -n "$name" ] || name=$cmd
top=$(cd "$(dirname "$0")/../.." && pwd)
data=${NIB_BENCH_DATA:-$top/../shared/bench}/pages
gold=${NIB_QUOTES_REAL:-$top/tests/bench/quotes-real.tsv}
if [ ! -d "$data" ]; then
	echo "quote-real-score: $data is absent: real-quotation scores skipped (set NIB_BENCH_DATA)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/all"
for id in $(grep -v '^#' "$gold" | sed 1d | cut -f1 | sort -u); do
	f=$data/$id.body.txt
	[ -f "$f" ] || { echo "quote-real-score: $f is missing" >&2; exit 2; }
	# exit 1 means "no quotation found", as grep's
	$cmd "$f" >"$tmp/one"
	[ $? -le 1 ] || { echo "quote-real-score: $cmd failed on $f" >&2; exit 2; }
	sed "s/^/$id	/" "$tmp/one" >>"$tmp/all"
done
python3 -c '
import sys

def norm(s):
	s = " ".join(s.replace("\u2019", "\x27").lower().split())
	for art in ("the ", "a ", "an "):
		if s.startswith(art):
			return s[len(art):]
	return s

def samespk(g, p):
	p = norm(p)
	for form in g.split("|"):
		form = norm(form)
		if form == p:
			return True
		if form and " " not in form and p.split(" ")[-1:] == [form]:
			return True
	return False

goldf, predf, data, name, verbose, header = sys.argv[1:7]
gold, pred = {}, {}
for line in open(goldf, encoding="utf-8"):
	if line.startswith("#") or line.startswith("page\t"):
		continue
	f = line.rstrip("\n").split("\t")
	gold.setdefault(f[0], []).append((int(f[1]), int(f[2]), f[3], f[4]))
for line in open(predf, encoding="utf-8", errors="replace"):
	f = line.rstrip("\n").split("\t")
	if len(f) < 8:
		continue
	pred.setdefault(f[0], []).append((int(f[3]), int(f[4]), f[7], f[5]))

def text(pid, s, e):
	b = open("%s/%s.body.txt" % (data, pid), "rb").read()[s:e]
	t = " ".join(b.decode("utf-8", "replace").split())
	return t if len(t) <= 100 else t[:97] + "..."

def match(pid):
	g, p = gold.get(pid, []), pred.get(pid, [])
	pairs = sorted((abs(a[0] - b[0]) + abs(a[1] - b[1]), i, j)
	    for i, a in enumerate(g) for j, b in enumerate(p)
	    if abs(a[0] - b[0]) <= 3 and abs(a[1] - b[1]) <= 3)
	gu, pu, m = {}, {}, []
	for d, i, j in pairs:
		if i not in gu and j not in pu:
			gu[i] = j; pu[j] = i; m.append((g[i], p[j]))
	if verbose == "1":
		for i, a in enumerate(g):
			if i not in gu:
				print("missed\t%s\t%d-%d\t%s %s\t%s" % (pid, a[0], a[1], a[2], a[3] or "-", text(pid, a[0], a[1])))
		for j, b in enumerate(p):
			if j not in pu:
				print("extra\t%s\t%d-%d\t%s\t%s" % (pid, b[0], b[1], b[2], text(pid, b[0], b[1])))
		for a, b in m:
			if not samespk(a[3], b[3]):
				print("speaker\t%s\t%d-%d\tgold %s, found %s\t%s" % (pid, a[0], a[1], a[3] or "-", b[3] or "-", text(pid, a[0], a[1])))
			if a[2] != b[2]:
				print("kind\t%s\t%d-%d\tgold %s, found %s\t%s" % (pid, a[0], a[1], a[2], b[2], text(pid, a[0], a[1])))
	return m

def prf(tp, np, ng):
	p = tp / np if np else 0.0
	r = tp / ng if ng else 0.0
	return p, r, (2 * p * r / (p + r) if p + r else 0.0)

matches = {pid: match(pid) for pid in sorted(gold)}
if header == "1":
	ng = sum(len(g) for g in gold.values())
	nf = sum(1 for g in gold.values() for a in g if a[2] == "full")
	print("%d pages, %d quotations (%d full, %d partial); halves by page id: %d even, %d odd" % (len(gold), ng, nf, ng - nf,
	    sum(1 for i in gold if int(i[0], 16) % 2 == 0), sum(1 for i in gold if int(i[0], 16) % 2 == 1)))
rows = (("all", lambda pid: True),
	("even", lambda pid: int(pid[0], 16) % 2 == 0),
	("odd", lambda pid: int(pid[0], 16) % 2 == 1))
for label, keep in rows:
	ids = [pid for pid in sorted(gold) if keep(pid)]
	ng = sum(len(gold[i]) for i in ids)
	np = sum(len(pred.get(i, [])) for i in ids)
	ngf = sum(1 for i in ids for a in gold[i] if a[2] == "full")
	npf = sum(1 for i in ids for b in pred.get(i, []) if b[2] == "full")
	m = [x for i in ids for x in matches[i]]
	tpf = sum(1 for a, b in m if a[2] == b[2] == "full")
	spk = sum(1 for a, b in m if samespk(a[3], b[3]))
	kind = sum(1 for a, b in m if a[2] == b[2])
	pa, ra, fa = prf(len(m), np, ng)
	pf, rf, ff = prf(tpf, npf, ngf)
	print("%-14s %-4s  all P %.3f R %.3f F1 %.3f  full P %.3f R %.3f F1 %.3f  speaker %.3f  kind %.3f" %
	    (name[:14], label, pa, ra, fa, pf, rf, ff,
	    spk / len(m) if m else 0, kind / len(m) if m else 0))
' "$gold" "$tmp/all" "$data" "$name" "$verbose" "$header"
