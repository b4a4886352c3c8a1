#!/bin/sh
# nibstrip.sh: speed of nibstrip over a ~100 MB stream of the bench pages
# joined by form-feed lines, beside grep -v -F -x -f (its literal line rules
# only) and sed (the same lines, and "Advertisement" between sentences) as
# rough peers; then precision on the bench pages: how many of its removals
# hit text of the annotated article bodies, and the body score (run.sh) of
# the page as it is and of the page after nibstrip.
set -u
. "$NIB_TOP/bench/lib.sh"
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

echo "input: $(mbps 1 "$bytes" | awk '{ printf "%.0f", $1 }') MB, $(grep -c . "$lits") literal line rules for the peers"
timeit "'$bin/nibstrip' '$big'"
s_strip=$T_SEC r_strip=$T_RSS
timeit "grep -v -F -x -f '$lits' '$big'"
s_grep=$T_SEC r_grep=$T_RSS
timeit "sed -f '$sedf' '$big'"
s_sed=$T_SEC r_sed=$T_RSS
printf '%-34s %8s MB/s  %6s MB RSS\n' "nibstrip (all $(grep -vc '^#\|^@\|^$' "$NIB_TOP/cmd/nibstrip/rules.txt") rules)" \
	"$(mbps "$s_strip" "$bytes")" "$r_strip"
printf '%-34s %8s MB/s  %6s MB RSS\n' "grep -v -F -x -f (literals)" "$(mbps "$s_grep" "$bytes")" "$r_grep"
printf '%-34s %8s MB/s  %6s MB RSS\n' "sed -f (literals, Advertisement)" "$(mbps "$s_sed" "$bytes")" "$r_sed"
echo "nibstrip/grep $(ratio "$s_grep" "$s_strip")x  nibstrip/sed $(ratio "$s_sed" "$s_strip")x (speed ratios)"

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
echo "body score (run.sh: token 4-shingle P/R/F1 of all the text left):"
printf '  cat:      '; (cd "$NIB_TOP" && sh "$pages/run.sh" cat "$pages" | head -1)
printf '  nibstrip: '; (cd "$NIB_TOP" && sh "$pages/run.sh" "'$bin/nibstrip'" "$pages" | head -1)
