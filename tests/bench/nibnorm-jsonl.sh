#!/bin/sh
# nibnorm-jsonl.sh: nibnorm --jsonl against jq -c '.text |= .' on the same
# ~50 MB of JSON Lines: each page of $NIB_BENCH_DATA/pages is one object
# ({"id", "url", "text"}, made by python3's json.dumps, the pages repeated
# to 50 MB).  Both parse every line, rewrite one field and write the
# object back; nibnorm also normalizes the text.  MB/s of each and the
# ratio.  Target: nibnorm --jsonl >= 5x jq.
set -u
. "$NIB_TOP/tests/bench/lib.sh"
bin=$NIB_TOP/bin
in=$NIB_BENCH_TMP/jsonl-50m.jsonl

need_data "$NIB_BENCH_DATA/pages" || exit 0
command -v jq >/dev/null || { echo "bench: jq is absent: skipped (apt-get install jq)"; exit 0; }
command -v python3 >/dev/null || { echo "bench: python3 is absent: skipped"; exit 0; }
if [ ! -s "$in" ]; then
	python3 - "$NIB_BENCH_DATA/pages" "$in.tmp" <<'PY' || exit 1
import glob, json, os, sys
pages = sorted(glob.glob(os.path.join(sys.argv[1], "*.txt")))
texts = [open(p, encoding="utf-8", errors="replace").read() for p in pages]
n = size = 0
with open(sys.argv[2], "w", encoding="utf-8") as f:
    while size < 50_000_000:
        for p, t in zip(pages, texts):
            n += 1
            line = json.dumps({"id": "p%d" % n, "url": "https://example.org/" +
                os.path.basename(p), "text": t}) + "\n"
            f.write(line)
            size += len(line.encode())
PY
	mv "$in.tmp" "$in"
fi
bytes=$(wc -c <"$in")
echo "input: $(basename "$in"), $bytes bytes, $(wc -l <"$in") objects"
timeit "'$bin/nibnorm' --jsonl '$in'"
nib=$T_SEC
echo "nibnorm --jsonl      $(mbps "$nib" "$bytes") MB/s  ($nib s, $T_RSS MB)"
timeit "jq -c '.text |= .' '$in'"
jq=$T_SEC
echo "jq -c '.text |= .'   $(mbps "$jq" "$bytes") MB/s  ($jq s, $T_RSS MB)"
echo "ratio nibnorm/jq     $(ratio "$jq" "$nib")x  (target >= 5x)"
