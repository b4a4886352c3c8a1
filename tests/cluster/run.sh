#!/bin/sh
# run.sh: the many-cores and many-machines recipes of nib.7 (Many cores,
# Corpus dedup across machines), taken from the page and run as printed on
# an invented corpus, each checked byte for byte against one process.
# Needs GNU parallel; the --sshlogin recipe an sshd for localhost
# (tests/cluster/sshd.sh brings one up: openssh-server); the Slurm recipes
# a one-node cluster (tests/slurm/start.sh, as root).  A recipe whose
# engine is missing is skipped with a message.  Ends with "N passed, N
# failed, N skipped".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$top/${BIN:-bin}
export PATH="$bin:$PATH" LC_ALL=C.UTF-8
work=$(mktemp -d /tmp/nib-cluster.XXXXXX)
trap 'sh "$top/tests/cluster/sshd.sh" stop "$work/ssh"; rm -rf "$work"' EXIT
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
skipped() { skip=$((skip + 1)); echo "skip: $1"; }
same() { if cmp -s "$2" "$3"; then ok "$1"; else bad "$1"; diff "$2" "$3" | head -5; fi; }
secs() { awk "BEGIN { printf \"%.1f\", $2 - $1 }"; }
now() { date +%s.%N; }
# cmd TITLE N K: the K-th command of nib.7's N-th block under TITLE, its
# continued lines joined, as the examples test joins them.
cmd() {
	sh "$top/tests/build/recipe.sh" "$1" "$2" |
	    awk '/\\$|\|$/ { printf "%s ", substr($0, 1, length($0) - ($0 ~ /\\$/)); next } { print }' |
	    sed -n "$3p"
}
run() {	# run TITLE N K: that command, in the current folder, under bash
	c=$(cmd "$@")
	[ -n "$c" ] || { echo "run.sh: no command $* in nib.7" >&2; return 2; }
	bash -o pipefail -c "$c"
}
fresh() { rm -rf "$work/${1:?}" && mkdir -p "$work/$1" && cd "$work/$1" && cp -R ../pages pages; }

sh "$top/tests/cluster/corpus.sh" "$work/pages" 40
cd "$work" || exit 2

# The reference: one process a page, in order.
mkdir ref
for f in pages/*.txt; do
	nibnorm "$f" | nibstrip | nibdedup | nibsplit -s body >"ref/${f##*/}"
done
cat ref/*.txt >ref.all

# Many cores, first block: mkdir, then GNU parallel (command 2) or xargs -P
# (command 3) over the files of a folder.
if command -v parallel >/dev/null; then
	fresh par && run 'Many cores' 1 1 && run 'Many cores' 1 2
	cat out/*.txt >../par.all
	same "parallel over files" ../ref.all ../par.all
else
	skipped "parallel over files: GNU parallel is not installed"
fi
fresh xargs && run 'Many cores' 1 1 && run 'Many cores' 1 3
cat out/*.txt >../xargs.all
same "xargs -P over files" ../ref.all ../xargs.all

# A form-feed stream through parallel --pipe: 600 pages (the 40, 15 times),
# about 3 MB, so parallel cuts it into blocks of a megabyte; every third
# page and its separator in CRLF, as the recipe says nibnorm repairs.
fresh ff
for r in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do echo pages/*.txt; done | xargs awk '
	FNR == 1 { k++; if (NR > 1) print (k % 3 ? "\f" : "\f\r") }
	{ print (k % 3 ? $0 : $0 "\r") }' >pages.ff
nibnorm pages.ff | nibstrip | nibdedup | nibsplit -s body >ref.ff
if [ "$(wc -c <pages.ff)" -lt 2500000 ] || [ "$(grep -c "$(printf '^\f$')" ref.ff)" -ne 599 ]; then
	bad "parallel --pipe over a form-feed stream: the test stream is not what it should be"
elif command -v parallel >/dev/null; then
	t0=$(now); run 'Many cores' 2 1; t1=$(now)
	same "parallel --pipe over a form-feed stream of 600 pages ($(secs "$t0" "$t1") s)" ref.ff bodies.ff
else
	skipped "parallel --pipe over a form-feed stream: GNU parallel is not installed"
fi

# A JSON Lines corpus through parallel --pipe: the 600 pages as objects
# with ids.
python3 -c '
import json, sys
for r in range(15):
    for i, f in enumerate(sys.argv[1:]):
        print(json.dumps({"id": "%d-%d" % (r, i), "text": open(f, encoding="utf-8").read(), "lang": "en"}))
' pages/*.txt >corpus.jsonl
nibnorm --jsonl corpus.jsonl | nibstrip --jsonl | nibsplit --jsonl -s body >ref.jsonl
if [ "$(wc -l <ref.jsonl)" -ne 600 ]; then
	bad "parallel --pipe over JSON Lines: the reference has $(wc -l <ref.jsonl) objects, not 600"
elif command -v parallel >/dev/null; then
	run 'Many cores' 3 1
	same "parallel --pipe over JSON Lines" ref.jsonl bodies.jsonl
else
	skipped "parallel --pipe over JSON Lines: GNU parallel is not installed"
fi

# Several machines with parallel -S node1,node2: both are an sshd of our
# own on 127.0.0.1 (sshd.sh), reached through an ssh config parallel is
# given in PARALLEL_SSH, with PATH on its sessions leading to nib.
if ! command -v parallel >/dev/null; then
	skipped "parallel -S over ssh: GNU parallel is not installed"
elif ! port=$(sh "$top/tests/cluster/sshd.sh" start "$work/ssh" "$bin:/usr/local/bin:/usr/bin:/bin" 2>"$work/sshd.err"); then
	skipped "parallel -S over ssh: no sshd for localhost ($(cat "$work/sshd.err"))"
else
	fresh ssh-run
	t0=$(now)
	PARALLEL_SSH="ssh -F $work/ssh/ssh_config" run 'Many cores' 4 1 &&
	    PARALLEL_SSH="ssh -F $work/ssh/ssh_config" run 'Many cores' 4 2
	t1=$(now)
	cat out/*.txt >../ssh.all
	same "parallel -S node1,node2 over ssh to 127.0.0.1:$port ($(secs "$t0" "$t1") s)" ../ref.all ../ssh.all
	sh "$top/tests/cluster/sshd.sh" stop "$work/ssh"
fi
cd "$work" || exit 2

# Slurm job array over 4 shards of the corpus (the test's own job script).
if command -v sbatch >/dev/null && sh "$top/tests/slurm/start.sh" >/dev/null 2>&1; then
	mkdir -p shards out
	i=0
	for f in pages/*.txt; do
		echo "$PWD/$f" >>"shards/$((i % 4))"
		i=$((i + 1))
	done
	cat >job.sh <<JOB
#!/bin/sh
export PATH="$bin:\$PATH" LC_ALL=C.UTF-8
while read -r f; do
	nibnorm "\$f" | nibstrip | nibdedup | nibsplit -s body > "$PWD/out/\${f##*/}"
done < "$PWD/shards/\$SLURM_ARRAY_TASK_ID"
JOB
	t0=$(now)
	timeout 300 sbatch --wait --array=0-3 -o /dev/null job.sh >/dev/null
	t1=$(now)
	cat out/*.txt >slurm.all
	same "slurm job array over 4 shards ($(secs "$t0" "$t1") s)" ref.all slurm.all
	rm -rf out
else
	skipped "slurm job array: no cluster (slurm-wlm and munge, tests/slurm/start.sh as root)"
fi

# Corpus dedup across shards (nib.7), its two literal blocks run as printed
# in a folder of four shards of ten pages, against one nibdedup -g.
dedup() {	# dedup NAME BLOCK: runs the block in a fresh folder of shards
	rm -rf "$work/dd" && mkdir -p "$work/dd" && cd "$work/dd" || exit 2
	i=0
	for f in ../pages/*.txt; do
		mkdir -p "shards/$((i / 10))" && cp "$f" "shards/$((i / 10))/"
		i=$((i + 1))
	done
	nibdedup -g shards/0/*.txt shards/1/*.txt shards/2/*.txt shards/3/*.txt >ref
	t0=$(now)
	sh "$top/tests/build/recipe.sh" 'Corpus dedup across machines' "$2" >recipe.sh &&
	    timeout 600 bash -e recipe.sh >/dev/null 2>err || cat err
	t1=$(now)
	same "corpus dedup, $1 ($(secs "$t0" "$t1") s)" ref corpus.txt
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
