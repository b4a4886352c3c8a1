#!/bin/sh
# run.sh: the many-cores and many-machines recipes of nib.7, run as pasted
# on an invented corpus, each checked byte for byte against one process.
# Needs GNU parallel, and for the Slurm recipe a one-node cluster
# (tests/slurm/start.sh, as root); a recipe whose engine is missing is
# skipped with a message.  Ends with "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
export PATH="$top/${BIN:-bin}:$PATH" LC_ALL=C.UTF-8
work=$(mktemp -d /tmp/nib-cluster.XXXXXX)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
skipped() { skip=$((skip + 1)); echo "skip: $1"; }
same() { if cmp -s "$2" "$3"; then ok "$1"; else bad "$1"; diff "$2" "$3" | head -5; fi; }

sh "$top/tests/cluster/corpus.sh" "$work/pages" 40
cd "$work" || exit 2

# The reference: one process a page, in order.
mkdir ref
for f in pages/*.txt; do
	nibnorm "$f" | nibstrip | nibdedup | nibsplit -s body >"ref/${f##*/}"
done
cat ref/*.txt >ref.all

# GNU parallel over files, one pipeline a page (nib.7).
if command -v parallel >/dev/null; then
	mkdir -p out
	parallel 'nibnorm {} | nibstrip | nibdedup | nibsplit -s body > out/{/}' ::: pages/*.txt
	cat out/*.txt >par.all
	same "parallel over files" ref.all par.all
	rm -rf out
else
	skipped "parallel over files: GNU parallel is not installed"
fi

# xargs -P: the same with only findutils.
mkdir -p out
ls pages/*.txt | xargs -P 2 -I{} sh -c 'f={}; nibnorm "$f" | nibstrip | nibdedup | nibsplit -s body > "out/${f##*/}"'
cat out/*.txt >xargs.all
same "xargs -P over files" ref.all xargs.all
rm -rf out

# Slurm job array over 4 shards of the corpus.
if command -v sbatch >/dev/null && sh "$top/tests/slurm/start.sh" >/dev/null 2>&1; then
	mkdir -p shards out
	i=0
	for f in pages/*.txt; do
		echo "$PWD/$f" >>"shards/$((i % 4))"
		i=$((i + 1))
	done
	cat >job.sh <<JOB
#!/bin/sh
export PATH="$top/${BIN:-bin}:\$PATH" LC_ALL=C.UTF-8
while read -r f; do
	nibnorm "\$f" | nibstrip | nibdedup | nibsplit -s body > "$PWD/out/\${f##*/}"
done < "$PWD/shards/\$SLURM_ARRAY_TASK_ID"
JOB
	t0=$(date +%s.%N)
	timeout 300 sbatch --wait --array=0-3 -o /dev/null job.sh >/dev/null
	t1=$(date +%s.%N)
	cat out/*.txt >slurm.all
	same "slurm job array over 4 shards ($(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }") s)" ref.all slurm.all
	rm -rf out
else
	skipped "slurm job array: no cluster (slurm-wlm and munge, tests/slurm/start.sh as root)"
fi

# Corpus dedup across shards (nib.7), its two literal blocks run as pasted
# in a folder of four shards of ten pages, against one nibdedup -g.
recipe() {	# the n-th literal block after the recipe's first line
	awk -v n="$1" '/^Corpus dedup across machines/ { f = 1 }
	    f && /^\.Bd -literal/ { k++; if (k == n) { p = 1; next } }
	    p && /^\.Ed/ { exit } p' "$top/man/nib.7" | sed 's/\\e/\\/g'
}
dedup() {	# dedup NAME BLOCK: runs the block in a fresh folder of shards
	rm -rf "$work/dd" && mkdir -p "$work/dd" && cd "$work/dd" || exit 2
	i=0
	for f in ../pages/*.txt; do
		mkdir -p "shards/$((i / 10))" && cp "$f" "shards/$((i / 10))/"
		i=$((i + 1))
	done
	nibdedup -g shards/0/*.txt shards/1/*.txt shards/2/*.txt shards/3/*.txt >ref
	t0=$(date +%s.%N)
	recipe "$2" >recipe.sh && timeout 600 bash -e recipe.sh >/dev/null 2>err || cat err
	t1=$(date +%s.%N)
	same "corpus dedup, $1 ($(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }") s)" ref corpus.txt
	cd "$work" || exit 2
}
if command -v parallel >/dev/null; then
	dedup "GNU parallel" 1
else
	skipped "corpus dedup with parallel: GNU parallel is not installed"
fi
if command -v sbatch >/dev/null && sh "$top/tests/slurm/start.sh" >/dev/null 2>&1; then
	dedup "slurm job arrays" 2
else
	skipped "corpus dedup on slurm: no cluster (slurm-wlm and munge, tests/slurm/start.sh as root)"
fi

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
