#!/bin/sh
# run.sh [target ...]: `make fuzz` — builds each tests/fuzz/fuzz_*.c (or
# only the targets named) with clang's libFuzzer, ASan and UBSan and runs it
# for $FUZZTIME seconds (default 60) from its corpus
# (tests/fuzz/corpus/<name>/).  New inputs and crashes land in
# fuzz-out/<name>/ and the run's log in fuzz-out/<name>.log; a crash found
# becomes a corpus file (replayed by `make check`) or a golden case.
# Exits 1 when a target fails to build or finds a crash.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
FUZZTIME=${FUZZTIME:-60}
# The libraries of the Makefile's PKGS.
pkgs="libbsd-overlay libutf8proc libxxhash libpcre2-8 yajl"
# FUZZSAN replaces the sanitizer flags, for instance to step over a known
# finding (-fno-sanitize=nonnull-attribute) while its fix is pending.
san=${FUZZSAN:-"-fsanitize=address,undefined -fno-sanitize-recover=all"}
bf=build-fuzz${FUZZSAN:+-alt}
make -s B=$bf BIN=bin-fuzz CC=clang \
	CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $san" $bf/libnib.a $bf/libtools.a || exit 2
mkdir -p fuzz-out bin-fuzz
if [ $# -eq 0 ]; then
	set -- $(for s in tests/fuzz/fuzz_*.c; do basename "$s" .c; done)
fi
rc=0
for name do
	src=tests/fuzz/$name.c
	[ -f "$src" ] || { echo "fuzz: no $src" >&2; rc=1; continue; }
	clang -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer $san \
		$(pkg-config --cflags $pkgs) -Icommon -o "bin-fuzz/$name" "$src" \
		$bf/libtools.a $bf/libnib.a $(pkg-config --libs $pkgs) || { rc=1; continue; }
	mkdir -p "tests/fuzz/corpus/$name" "fuzz-out/$name"
	echo "== $name: ${FUZZTIME}s"
	if "bin-fuzz/$name" -max_total_time="$FUZZTIME" -timeout=30 -rss_limit_mb=4096 \
	    -artifact_prefix="fuzz-out/$name/" "fuzz-out/$name" "tests/fuzz/corpus/$name" \
	    >"fuzz-out/$name.log" 2>&1; then
		grep -E '^Done|#[0-9]+.*DONE' "fuzz-out/$name.log" | tail -1
	else
		rc=1
		echo "fuzz: $name failed; see fuzz-out/$name.log and fuzz-out/$name/" >&2
		grep -E 'ERROR|SUMMARY|runtime error' "fuzz-out/$name.log" | head -5
	fi
done
exit $rc
