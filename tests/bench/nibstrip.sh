#!/bin/sh
# nibstrip.sh: speed of nibstrip over a ~100 MB stream of the bench pages
# joined by form-feed lines, beside grep -v -F -x -f (its literal line rules
# only) and sed (the same lines, and "Advertisement" between sentences) as
# rough peers; then precision on the bench pages: how many of its removals
# hit text of the annotated article bodies, and the body score (run.sh) of
# the page as it is and of the page after nibstrip.
set -u
. "$NIB_TOP/tests/bench/lib.sh"
bin=$NIB_TOP/bin
pages=$NIB_BENCH_DATA/pages
need_data "$pages" || exit 0
big=$NIB_BENCH_TMP/strip-100m.txt
if [ ! -s "$big" ]; then
	: >"$big.tmp"
	while [ "$(wc -c <"$big.tmp")" -lt 100000000 ]; do
		for f in "$pages"/*.txt; do
			case $f in *.body.txt) continue ;; esac
			cat "$f"
			printf '\n\f\n'
		done >>"$big.tmp"
	done
	mv "$big.tmp" "$big"
fi
bytes=$(wc -c <"$big")

# The peers get nibstrip's literal line rules (the bulk of its rules).
lits=$NIB_BENCH_TMP/strip-literals.txt
"$bin/nibstrip" -p | grep -v '^[[:space:]]*#\|^@\|^re:\|^frag:\|^rep:\|^echo:\|^[[:space:]]*$' |
	sed 's/^lit://' >"$lits"
sedf=$NIB_BENCH_TMP/strip.sed
{
	sed 's/[][\.*^$/&]/\\&/g; s/.*/\/^&$\/d/' "$lits"
	echo 's/\([.!?]\) Advertisement \([A-Z]\)/\1 \2/g'
} >"$sedf"

# CPU seconds (user + system) of the best of $NIB_BENCH_RUNS runs: the
# machine is shared, so wall time says more about the neighbours.
cputime() {
	C_SEC=
	_i=0
	while [ $_i -lt "$NIB_BENCH_RUNS" ]; do
		/usr/bin/time -f '%U %S' -o "$NIB_BENCH_TMP/ctime" sh -c "$1" >/dev/null 2>&1
		_c=$(awk '{ print $1 + $2 }' "$NIB_BENCH_TMP/ctime")
		if [ -z "$C_SEC" ] || awk -v a="$_c" -v b="$C_SEC" 'BEGIN { exit !(a < b) }'; then
			C_SEC=$_c
		fi
		_i=$((_i + 1))
	done
}
# Output goes to a file: GNU grep stops at the first match when its
# output is /dev/null, which would flatter it.
out=$NIB_BENCH_TMP/strip.out
row() {
	timeit "$2 > '$out'"
	cputime "$2 > '$out'"
	printf '%-34s %7s MB/s wall %7s MB/s cpu %6s MB RSS\n' "$1" \
	    "$(mbps "$T_SEC" "$bytes")" "$(mbps "$C_SEC" "$bytes")" "$T_RSS"
	eval "w_$3=\$T_SEC c_$3=\$C_SEC"
}
echo "input: $(mbps 1 "$bytes" | awk '{ printf "%.0f", $1 }') MB of pages joined by form feeds;" \
    "$(grep -c . "$lits") literal line rules for the peers"
row "nibstrip ($(grep -vc '^#\|^@\|^$' "$NIB_TOP/cmd/nibstrip/rules.txt") rules)" "'$bin/nibstrip' '$big'" strip
row "grep -v -F -x -f (literals)" "grep -v -F -x -f '$lits' '$big'" grep
# sed tries its ~340 line patterns one by one (under 1 MB/s): it gets the
# first 10 MB, and MB/s is over what it read.
small=$NIB_BENCH_TMP/strip-10m.txt
[ -s "$small" ] || head -c 10000000 "$big" >"$small"
bytes0=$bytes bytes=$(wc -c <"$small")
row "sed -f (literals, Advertisement)" "sed -f '$sedf' '$small'" sed
bytes=$bytes0
w_sed=$(awk -v s="$w_sed" -v a="$bytes" -v b="$(wc -c <"$small")" 'BEGIN { print s * a / b }')
c_sed=$(awk -v s="$c_sed" -v a="$bytes" -v b="$(wc -c <"$small")" 'BEGIN { print s * a / b }')
echo "speed nibstrip/grep: $(ratio "$w_grep" "$w_strip")x wall, $(ratio "$c_grep" "$c_strip")x cpu;" \
    "nibstrip/sed: $(ratio "$w_sed" "$w_strip")x wall, $(ratio "$c_sed" "$c_strip")x cpu"

# Precision: every removal nibstrip makes on the pages, checked against
# the true body.  A removed line hits when it is a body paragraph (or a
# long one is inside the body); a removed fragment hits when it and 25
# characters around it are in the body.
echo "body text hit by removals on $pages:"
python3 - "$bin/nibstrip" "$pages" <<'EOF'
import os, re, subprocess, sys
exe, pages = sys.argv[1], sys.argv[2]
def norm(s): return ' '.join(s.split())
def read(p): return open(p, encoding='utf-8', errors='replace').read()
tot = lines = bad = 0
for i in sorted(f[:-9] for f in os.listdir(pages) if f.endswith('.body.txt')):
    page = os.path.join(pages, i + '.txt')
    btext = read(os.path.join(pages, i + '.body.txt'))
    body, paras = norm(btext), set(norm(p) for p in btext.split('\n'))
    src = read(page).split('\n')
    out = subprocess.run([exe, '-nv', page], capture_output=True).stdout.decode('utf-8', 'replace')
    for rec in out.splitlines():
        f = rec.split('\t')
        ln, rule, text = int(f[1]), f[2], f[4].replace('\\t', '\t').replace('\\\\', '\\')
        line = src[ln - 1] if ln <= len(src) else ''
        tot += 1
        if norm(text) == norm(line):
            lines += 1
            hit = norm(line) in paras or (len(norm(line)) >= 30 and norm(line) in body)
        else:
            hit = any(norm(line[max(0, m.start() - 25):m.end() + 25]) in body
                      for m in re.finditer(re.escape(text), line))
        if hit:
            bad += 1
            print(f'  in body: {i}:{ln} {rule} {f[3]}: {text[:100]}')
print(f'removals {tot} ({lines} lines, {tot - lines} fragments); in the true body: {bad}'
      f' ({100.0 * bad / max(tot, 1):.2f}%), removal precision {1 - bad / max(tot, 1):.4f}')
EOF
# The same rules over the true bodies alone: every removal there is text
# the annotators kept (none should be a story sentence).
printf 'run over the true bodies alone, nibstrip removes: '
for f in "$pages"/*.body.txt; do "$bin/nibstrip" -nv "$f"; done >"$NIB_BENCH_TMP/strip-bodies.tsv"
echo "$(wc -l <"$NIB_BENCH_TMP/strip-bodies.tsv") lines or fragments"
cut -f 3,5 "$NIB_BENCH_TMP/strip-bodies.tsv" | cut -c 1-100 | sed 's/^/  /'
echo "body score (run.sh: token 4-shingle P/R/F1 of all the text left):"
printf '  cat:      '; (cd "$NIB_TOP" && sh "$pages/run.sh" cat "$pages" | head -1)
printf '  nibstrip: '; (cd "$NIB_TOP" && sh "$pages/run.sh" "'$bin/nibstrip'" "$pages" | head -1)
