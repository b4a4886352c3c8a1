#!/bin/sh
# nibcores.sh: the speed-up from 1 to 2 cores of the whole pipeline
#   nibnorm | nibstrip | nibdedup | nibsplit -s body
# on the 121 pages of $NIB_BENCH_DATA/pages, spread by GNU parallel as
# nib.7's Many cores recipes spread it, with -j1 and -j2 on the same input
# in the same run:
#   files   one pipeline a page, over the 121 pages twice (242 jobs);
#   stream  the pages joined by form-feed lines and repeated to ~50 MB,
#           nibnorm in one process, then parallel -k --pipe --recend
#           over blocks of a megabyte for the rest.
# Prints the best wall time of each (NIB_BENCH_RUNS), the one-process
# pipeline's beside them, and the ratio -j1/-j2, the speed-up; and checks
# that every run wrote what one process writes.  On a 2-core machine the
# ceiling is 2, and less: a pipeline of four tools already keeps two cores
# partly busy, and parallel's own work (a perl process that copies every
# byte with --pipe, a shell a job over files) takes its share; other load
# on the machine (printed) lowers what is measured.
set -u
. "$NIB_TOP/tests/bench/lib.sh"
bin=$NIB_TOP/bin
pages=$NIB_BENCH_DATA/pages
need_data "$pages" || exit 0
command -v parallel >/dev/null || { echo "bench: GNU parallel is missing: skipped (apt-get install parallel)"; exit 0; }
for t in nibnorm nibstrip nibdedup nibsplit; do
	[ -x "$bin/$t" ] || { echo "bench: $bin/$t is not built (make)"; exit 1; }
done
export PATH="$bin:$PATH"
w=$(mktemp -d "${NIB_BENCH_TMP:-/tmp}/cores.XXXXXX")
trap 'rm -rf "$w" "$_T"' EXIT
mkdir "$w/pages"
for f in "$pages"/*.txt; do
	case $f in *.body.txt) continue ;; esac
	id=$(basename "$f" .txt)
	cp "$f" "$w/pages/$id.a.txt" && cp "$f" "$w/pages/$id.b.txt"
done
n=$(ls "$w/pages" | wc -l)
cd "$w" || exit 2
echo "cores: $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Over files: one pipeline a page, bodies under the page's name; the
# commands are nib.7's, in scripts run by bash (for $'...').
cat >files.sh <<'EOF'
rm -rf out && mkdir out
if [ "$1" = 0 ]; then
	for f in pages/*.txt; do nibnorm "$f" | nibstrip | nibdedup | nibsplit -s body > "out/${f##*/}"; done
else
	find pages -name '*.txt' | parallel -j"$1" 'nibnorm {} | nibstrip | nibdedup | nibsplit -s body > out/{/}'
fi
cat out/*.txt > "files.$1"
EOF
for j in 0 1 2; do timeit "bash files.sh $j"; eval "t$j=\$T_SEC"; done
same=yes; cmp -s files.0 files.1 && cmp -s files.0 files.2 || same="NO: outputs differ"
echo "files: $n pages ($(du -sh pages | cut -f1)), one pipeline a page; same output as one process: $same"
printf '  %-28s %6ss\n' "a shell loop, no parallel" "$t0" "parallel -j1" "$t1" "parallel -j2" "$t2"
echo "  speed-up 1 -> 2 cores: $(ratio "$t1" "$t2")x"

# A form-feed stream of ~50 MB: the pages joined, then repeated.
ls pages/*.txt | xargs awk 'FNR == 1 && NR > 1 { print "\f" } { print }' >once.ff
: >pages.ff
while [ "$(wc -c <pages.ff)" -lt 50000000 ]; do
	[ -s pages.ff ] && printf '\f\n' >>pages.ff
	cat once.ff >>pages.ff
done
size=$(wc -c <pages.ff)
cat >stream.sh <<'EOF'
if [ "$1" = 0 ]; then
	nibnorm pages.ff | nibstrip | nibdedup | nibsplit -s body > stream.0
else
	nibnorm pages.ff | parallel -j"$1" -k --pipe --recend $'\n\f\n' 'nibstrip | nibdedup | nibsplit -s body' > "stream.$1"
fi
EOF
for j in 0 1 2; do timeit "bash stream.sh $j"; eval "t$j=\$T_SEC"; done
same=yes; cmp -s stream.0 stream.1 && cmp -s stream.0 stream.2 || same="NO: outputs differ"
echo "stream: $(awk -v b="$size" 'BEGIN { printf "%.0f", b / 1e6 }') MB of pages apart by form-feed lines; same output as one process: $same"
printf '  %-28s %6ss  %s MB/s\n' "one process" "$t0" "$(mbps "$t0" "$size")" \
    "parallel -j1 --pipe" "$t1" "$(mbps "$t1" "$size")" "parallel -j2 --pipe" "$t2" "$(mbps "$t2" "$size")"
echo "  speed-up 1 -> 2 cores: $(ratio "$t1" "$t2")x"
