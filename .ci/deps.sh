#!/bin/sh
# deps.sh [extra-package ...]: make sure the Debian packages nib builds and
# tests with are installed.  As root it installs what is missing (after
# apt-get update, since a fresh machine may have empty package lists);
# otherwise it prints the one apt-get line to run and fails.
set -u
pkgs="gcc libc6-dev make pkg-config libbsd-dev libutf8proc-dev libxxhash-dev libpcre2-dev libyajl-dev mandoc parallel python3 jq html2text pv $*"
missing=
for p in $pkgs; do
	s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case $s in *" installed") ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "nib: missing Debian packages:$missing" >&2
	echo "nib: run this as root, then try again:" >&2
	echo "    apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "nib: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends $missing >&2 ||
	{ echo "nib: apt-get failed" >&2; exit 1; }
