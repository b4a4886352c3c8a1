#!/bin/sh
# complete.sh bash|zsh TOOL: writes TOOL's bash or zsh completion on
# standard output, read from what `TOOL --help` prints, so that completions
# follow the options as they change.  TOOL is a path to the binary.
#
# The help text is read two ways, and an option is taken from either:
#   usage: nibX [-abc] [-t threshold] [-r | --report[=file]] [file ...]
#          (a word right after an option, in its brackets, is its argument)
#   -a, --abbrev file  add the abbreviations listed in file
#          (one option a line, its description after two or more spaces).
# -h, --help and --version are every tool's (common/opts.h).  An argument
# named file or rules completes file names, dir a directory, a|b|c one of
# its words; any other argument (a number, a pattern) completes nothing.
set -eu
shell=$1 tool=$2
name=$(basename "$tool")
"$tool" --help | awk -v name="$name" '
function add(s, l, arg, opt, desc,   k) {
	k = s != "" ? s : l
	if (!(k in seen)) { seen[k] = ++n; key[n] = k }
	k = seen[k]
	if (s != "") short[k] = s
	if (l != "") long[k] = l
	if (arg != "") { argn[k] = arg; optarg[k] = opt }
	if (desc != "") text[k] = desc
}
# An option line: the spec, then two or more spaces, then the description.
/^[ \t]+-/ && match($0, /[^ \t]  +/) {
	spec = substr($0, 1, RSTART); desc = substr($0, RSTART + RLENGTH)
	gsub(/,/, " ", spec)
	m = split(spec, w, /[ \t]+/)
	s = l = a = ""; o = 0
	for (i = 1; i <= m; i++) {
		if (w[i] ~ /^--[[:alnum:]-]+\[=/) { o = 1; a = w[i]; sub(/^[^[]*\[=/, "", a); sub(/\]$/, "", a); sub(/\[.*/, "", w[i]); l = w[i] }
		else if (w[i] ~ /^--[[:alnum:]-]+=/) { a = w[i]; sub(/^[^=]*=/, "", a); sub(/=.*/, "", w[i]); l = w[i] }
		else if (w[i] ~ /^--[[:alnum:]-]+$/) l = w[i]
		else if (w[i] ~ /^-[[:alnum:]]$/) s = w[i]
		else if (w[i] != "") a = w[i]
	}
	add(s, l, a, o, desc)
	next
}
# The usage text: every line up to the first option line.
{ usage = usage " " $0 }
END {
	sub(/^ *usage: *[^ ]+/, "", usage)
	gsub(/\[/, " [ ", usage); gsub(/\]/, " ] ", usage); gsub(/ \| /, " ", usage)
	m = split(usage, t, /[ \t]+/)
	for (i = 1; i <= m; i++) {
		x = t[i]; nx = i < m ? t[i + 1] : ""
		isarg = nx ~ /^[[:alnum:]]/ && nx != "..."
		if (x ~ /^--[[:alnum:]-]+=/) { a = x; sub(/^[^=]*=/, "", a); sub(/=.*/, "", x); add("", x, a, 0, "") }
		else if (x ~ /^--[[:alnum:]-]+$/ && nx == "[" && t[i + 2] ~ /^=/) {
			a = t[i + 2]; sub(/^=/, "", a); add("", x, a, 1, ""); i += 3
		} else if (x ~ /^--[[:alnum:]-]+$/) { add("", x, isarg ? nx : "", 0, ""); if (isarg) i++ }
		else if (x ~ /^-[[:alnum:]]$/) { add(x, "", isarg ? nx : "", 0, ""); if (isarg) i++ }
		else if (x ~ /^-[[:alnum:]]+$/)
			for (j = 2; j <= length(x); j++) add("-" substr(x, j, 1), "", "", 0, "")
	}
	add("-h", "--help", "", 0, "print the usage and every option")
	add("", "--version", "", 0, "print the version")
	# One record an option (fields apart by US, as a field may be empty):
	# short, long, argument, optional, description.
	for (k = 1; k <= n; k++)
		printf "%s\037%s\037%s\037%d\037%s\n", short[k], long[k], argn[k], optarg[k], text[k]
}' >"${TMPDIR:-/tmp}/complete.$$"
trap 'rm -f "${TMPDIR:-/tmp}/complete.$$"' EXIT
opts="${TMPDIR:-/tmp}/complete.$$"
us=$(printf '\037')
fn=_$(echo "$name" | tr -c '[:alnum:]\n' _)

# The completion for an argument: file, dir, words, or nothing.
kind() {
	case $1 in
	file|rules|FILE) echo file ;;
	dir|DIR) echo dir ;;
	*'|'*) echo "words $(echo "$1" | tr '|' ' ')" ;;
	*) echo none ;;
	esac
}

bash_out() {
	echo "# bash completion for $name, made by common/complete.sh from $name --help"
	echo "$fn()"
	echo "{"
	echo '	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}'
	echo '	COMPREPLY=()'
	echo '	case $prev in'
	while IFS=$us read -r s l a o d; do
		[ -n "$a" ] && [ "$o" = 0 ] || continue
		pat=$(echo "$s|$l" | sed 's/^|//; s/|$//')
		case $(kind "$a") in
		file) act='COMPREPLY=($(compgen -f -- "$cur"))' ;;
		dir) act='COMPREPLY=($(compgen -d -- "$cur"))' ;;
		words*) act="COMPREPLY=(\$(compgen -W '$(kind "$a" | cut -d' ' -f2-)' -- \"\$cur\"))" ;;
		*) act=: ;;
		esac
		echo "	$pat) $act; return ;;"
	done <"$opts"
	echo '	esac'
	echo '	case $cur in'
	while IFS=$us read -r s l a o d; do
		[ -n "$a" ] && [ -n "$l" ] && [ "$(kind "$a")" = file ] || continue
		echo "	$l=*) COMPREPLY=(\$(compgen -P $l= -f -- \"\${cur#*=}\")); return ;;"
	done <"$opts"
	words=$(awk -F"$us" '{ if ($1 != "") printf " %s", $1; if ($2 != "") printf " %s%s", $2, ($3 != "" && $4 == 0 ? "=" : "") }' "$opts")
	echo "	-*) COMPREPLY=(\$(compgen -W '${words# }' -- \"\$cur\")); return ;;"
	echo '	esac'
	echo '	COMPREPLY=($(compgen -f -- "$cur"))'
	echo "}"
	echo "complete -o filenames -o bashdefault -F $fn $name"
}

# A description made safe inside zsh's '...[desc]' spec.
zdesc() {
	printf '%s' "$1" | sed "s/'/'\\\\''/g; s/\\[/(/g; s/]/)/g; s/:/\\\\:/g"
}

zsh_out() {
	echo "#compdef $name"
	echo "# zsh completion for $name, made by common/complete.sh from $name --help"
	echo "_arguments -s -S \\"
	while IFS=$us read -r s l a o d; do
		d=$(zdesc "${d:-${l:-$s}}")
		act=
		if [ -n "$a" ]; then
			case $(kind "$a") in
			file) act=":$a:_files" ;;
			dir) act=":$a:_files -/" ;;
			words*) act=":$a:($(kind "$a" | cut -d' ' -f2-))" ;;
			*) act=":$a: " ;;
			esac
			[ "$o" = 1 ] && act=":$act"
		fi
		ss=$s ll=$l
		if [ -n "$a" ]; then
			[ -n "$s" ] && ss="$s+"
			if [ -n "$l" ]; then
				if [ "$o" = 1 ]; then ll="$l=-"; else ll="$l="; fi
			fi
		fi
		if [ -n "$s" ] && [ -n "$l" ]; then
			echo "	'($s $l)'{$ss,$ll}'[$d]$act' \\"
		else
			echo "	'$ss$ll[$d]$act' \\"
		fi
	done <"$opts"
	echo "	'*:file:_files'"
}

case $shell in
bash) bash_out ;;
zsh) zsh_out ;;
*) echo "usage: complete.sh bash|zsh tool" >&2; exit 2 ;;
esac
