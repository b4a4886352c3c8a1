#!/bin/sh
# package.sh: builds the Debian package from a copy of the source tree
# (dpkg-buildpackage -us -uc -b), checks what it installs, runs one tool
# from it and runs lintian, which must report no error.  Too slow for
# `make check` (a full build); .ci/run runs it.  Skips, saying so, where
# dpkg-buildpackage is absent.  The package's own tests are skipped
# (nocheck) unless DEB_BUILD_OPTIONS says otherwise: .ci/run ran them.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v dpkg-buildpackage >/dev/null; then
	echo "package: skipped: dpkg-buildpackage is absent (apt-get install dpkg-dev debhelper)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=$tmp/nib
mkdir -p "$src"
# The tracked files and new ones not ignored: what a clean clone holds.
(cd "$top" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar cf - 2>/dev/null) |
	(cd "$src" && tar xf -) || { echo "package: cannot copy the tree"; exit 1; }
fail=0
no() { echo "package: FAIL: $*"; fail=1; }
(cd "$src" && DEB_BUILD_OPTIONS=${DEB_BUILD_OPTIONS:-nocheck} dpkg-buildpackage -us -uc -b) \
	>"$tmp/build.log" 2>&1 || { tail -30 "$tmp/build.log"; no "dpkg-buildpackage failed"; exit 1; }
deb=$(ls "$tmp"/nib_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { no "no .deb built"; exit 1; }
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$tmp/list"
for t in nibnorm nibstrip nibdedup nibsent nibsplit nibquote; do
	for f in /usr/bin/$t /usr/share/man/man1/$t.1.gz \
	    /usr/share/bash-completion/completions/$t /usr/share/zsh/vendor-completions/_$t; do
		grep -qx "$f" "$tmp/list" || no "$f is not in the package"
	done
done
grep -qx /usr/share/man/man7/nib.7.gz "$tmp/list" || no "nib.7 is not in the package"
grep -qx /usr/share/nib/html2textrc "$tmp/list" || no "nib.7's html2text settings are not in the package"
grep -qx /usr/share/doc/nib/copyright "$tmp/list" || no "no copyright file"
dpkg-deb -x "$deb" "$tmp/root"
v=$(echo 'a  b' | "$tmp/root/usr/bin/nibnorm" 2>&1)
[ "$v" = "a b" ] || no "the packaged nibnorm printed '$v'"
if command -v lintian >/dev/null; then
	lintian --fail-on error "$tmp"/nib_*.changes >"$tmp/lintian" 2>&1 || no "lintian: $(grep '^E:' "$tmp/lintian")"
	grep -v 'running with root' "$tmp/lintian" | sed 's/^/package: lintian: /'
else
	echo "package: lintian is absent: not run (apt-get install lintian)"
fi
[ $fail -eq 0 ] && echo "package: ok: $(basename "$deb"), $(wc -l <"$tmp/list") paths"
exit $fail
