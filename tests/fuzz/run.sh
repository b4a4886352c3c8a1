#!/bin/sh
# run.sh: `make fuzz` — builds each tests/fuzz/fuzz_*.c with clang's
# libFuzzer, ASan and UBSan and runs it for $FUZZTIME seconds (default 60)
# from its corpus (tests/fuzz/corpus/<name>/).  Crashes land in fuzz-out/;
# a crash found becomes a golden case or a corpus file.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
FUZZTIME=${FUZZTIME:-60}
make -s B=build-fuzz BIN=bin-fuzz CC=clang \
	CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" build-fuzz/libnib.a build-fuzz/libtools.a || exit 2
mkdir -p fuzz-out
rc=0
for src in tests/fuzz/fuzz_*.c; do
	[ -f "$src" ] || continue
	name=$(basename "$src" .c)
	flags="$(pkg-config --cflags libbsd-overlay libutf8proc libxxhash libpcre2-8) -Icommon"
	libs=$(pkg-config --libs libbsd-overlay libutf8proc libxxhash libpcre2-8)
	clang -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer,address,undefined $flags \
		-o "bin-fuzz/$name" "$src" build-fuzz/libtools.a build-fuzz/libnib.a $libs || { rc=1; continue; }
	mkdir -p "tests/fuzz/corpus/$name" "fuzz-out/$name"
	echo "== $name: ${FUZZTIME}s"
	"bin-fuzz/$name" -max_total_time="$FUZZTIME" -artifact_prefix="fuzz-out/$name/" \
		"fuzz-out/$name" "tests/fuzz/corpus/$name" 2>&1 | tail -3 || rc=1
done
exit $rc
