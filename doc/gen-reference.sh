#!/bin/sh
# gen-reference.sh LIECHECK man|md FILE check|update
#
# FILE holds a generated part between two marker lines (comments of roff or
# Markdown, containing "BEGIN GENERATED REFERENCE" and "END GENERATED
# REFERENCE").  `check` exits 1 (with a diff) when that part differs from
# `LIECHECK --list-builtins=FORMAT`; `update` rewrites it.
set -u
if [ $# -ne 4 ]; then
    echo "usage: $0 LIECHECK man|md FILE check|update" >&2
    exit 99
fi
lc=$1 fmt=$2 file=$3 mode=$4
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-ref.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

"$lc" --list-builtins="$fmt" >"$tmp/gen" || exit 99
grep -q 'BEGIN GENERATED REFERENCE' "$file" && grep -q 'END GENERATED REFERENCE' "$file" || {
    echo "$file: no GENERATED REFERENCE markers" >&2
    exit 1
}
# before (through the BEGIN marker), the generated text, after (from END)
sed -n '1,/BEGIN GENERATED REFERENCE/p' "$file" >"$tmp/new"
cat "$tmp/gen" >>"$tmp/new"
sed -n '/END GENERATED REFERENCE/,$p' "$file" >>"$tmp/new"
case $mode in
    check)
        if diff -u "$file" "$tmp/new" >"$tmp/diff"; then
            echo "$(basename "$file"): the reference matches the registry"
        else
            cat "$tmp/diff"
            echo "$(basename "$file"): the reference differs from the registry; run 'make docs'"
            exit 1
        fi ;;
    update)
        cmp -s "$file" "$tmp/new" || cp "$tmp/new" "$file" ;;
    *)
        echo "$0: unknown mode '$mode'" >&2
        exit 99 ;;
esac
