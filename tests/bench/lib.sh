# lib.sh: helpers for bench/<tool>.sh, sourced after `set -u`.
#
#   timeit 'CMD'      runs CMD with sh, $NIB_BENCH_RUNS times (default 3),
#                     and sets T_SEC (best wall seconds) and T_RSS (peak
#                     RSS in MB of that best run); CMD's stdout is discarded
#   mbps SEC BYTES    prints MB/s
#   ratio A B         prints A/B
#   need_data PATH    says plainly that PATH is absent and returns 1
NIB_BENCH_RUNS=${NIB_BENCH_RUNS:-3}
# Each benchmark times into its own directory, so two can run at once.
_T=$(mktemp -d "${NIB_BENCH_TMP:-/tmp}/time.XXXXXX")
trap 'rm -rf "$_T"' EXIT
command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

timeit() {
	T_SEC= T_RSS=
	_i=0
	while [ $_i -lt "$NIB_BENCH_RUNS" ]; do
		/usr/bin/time -f '%e %M' -o "$_T/time" sh -c "$1" >/dev/null 2>"$_T/err" ||
			{ echo "bench: failed: $1: $(head -c 300 "$_T/err")" >&2; }
		read -r _s _m <"$_T/time"
		if [ -z "$T_SEC" ] || awk -v a="$_s" -v b="$T_SEC" 'BEGIN { exit !(a < b) }'; then
			T_SEC=$_s T_RSS=$(awk -v m="$_m" 'BEGIN { printf "%.1f", m / 1024 }')
		fi
		_i=$((_i + 1))
	done
}
mbps() { awk -v s="$1" -v b="$2" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
need_data() {
	[ -e "$1" ] && return 0
	echo "bench: $1 is absent: skipped (set NIB_BENCH_DATA to the shared bench directory)"
	return 1
}
