#!/bin/sh
# run.sh [tool ...]: the benchmarks behind `make bench`.  Runs
# tests/bench/<tool>.sh for each tool named (default: all), each of which times
# the tool and its peers on the same input in the same run and prints the
# ratios.  Data comes from $NIB_BENCH_DATA (default ../shared/bench); a
# benchmark that needs it says so plainly when it is absent.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
export NIB_TOP="$top"
export NIB_BENCH_DATA="${NIB_BENCH_DATA:-$top/../shared/bench}"
export NIB_BENCH_TMP="${NIB_BENCH_TMP:-/tmp/nib-bench}"
export LC_ALL=C.UTF-8
mkdir -p "$NIB_BENCH_TMP"
[ -d "$NIB_BENCH_DATA" ] || echo "bench: data directory $NIB_BENCH_DATA is absent; benchmarks that need it are skipped" >&2
rc=0
if [ $# -eq 0 ]; then set -- $(cd "$top/tests/bench" && ls nib*.sh | sed 's/\.sh$//'); fi
for t in "$@"; do
	echo "== $t"
	sh "$top/tests/bench/$t.sh" || rc=1
done
exit $rc
