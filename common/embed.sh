#!/bin/sh
# embed.sh FILE: print a C file that holds FILE's bytes as
# nib_data_<name>[] (NUL-terminated) and nib_data_<name>_len, where <name> is
# FILE's base name without .txt, '-' and '.' made '_'.  od(1) is in every
# Debian base system, so the build needs no xxd.
set -eu
name=$(basename "$1" .txt | tr -c 'A-Za-z0-9_\n' '_')
echo "#include <stddef.h>"
echo "const unsigned char nib_data_${name}[] = {"
od -An -v -tu1 "$1" | sed 's/  */ /g; s/^ //; s/ $//; s/ /,/g; s/$/,/; /^,$/d'
echo "0};"
echo "const size_t nib_data_${name}_len = sizeof nib_data_${name} - 1;"
