#!/bin/sh
# run-bad.sh [LIECHECK] -- the bad-input corpus (issue 12).  Without an
# argument (as `make check` runs it, from the top build directory) LIECHECK is
# src/liecheck.
#
# Every tests/bad/cases/NAME.lc is a malformed script (or drives a malformed
# safetensors file made by make-safetensors.sh).  tests/bad/expected.tsv holds
# one row per case: NAME.lc, TAB, the exit status, TAB, the exact first line of
# standard error.  Each case runs as `liecheck NAME.lc` in a scratch directory
# holding a copy of the cases and the generated files, so messages name the
# case as NAME.lc.  A case whose first line is `# args: ARGS` runs as
# `liecheck ARGS` instead, with %f in ARGS standing for the case file.
#
# Prints one FAIL line per case that differs (with what was expected and what
# came), and exits 1 if any did, 0 otherwise (automake test protocol); 99 on a
# broken setup.

if [ $# -gt 1 ]; then
    echo "usage: $0 [LIECHECK]" >&2
    exit 99
fi
LIECHECK=${1:-src/liecheck}
case $LIECHECK in
    /*) ;;
    *) LIECHECK=$(pwd)/$LIECHECK ;;
esac
[ -x "$LIECHECK" ] || { echo "$0: no program $LIECHECK" >&2; exit 99; }
# In a build tree src/liecheck is libtool's wrapper script, which costs a
# shell per run, most of the time of a case: run the program it wraps.
if [ -z "$LC_BAD_UNWRAPPED" ] && [ -x ./libtool ] \
   && grep -q 'temporary wrapper script' "$LIECHECK" 2>/dev/null; then
    LC_BAD_UNWRAPPED=1
    export LC_BAD_UNWRAPPED
    exec ./libtool --mode=execute "${SHELL:-/bin/sh}" "$0" "$LIECHECK"
fi
here=$(cd "$(dirname "$0")" && pwd) || exit 99
tab=$(printf '\t')
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-bad.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
cp "$here"/cases/*.lc "$tmp"/ || exit 99
sh "$here/make-safetensors.sh" "$tmp/st" || exit 99
# a hung case fails instead of stopping the suite
run_limit=
if command -v timeout >/dev/null 2>&1; then
    run_limit="timeout 30"
fi

n=0
fail=0
# every row names a case, and every case has a row
while IFS="$tab" read -r name status line; do
    case $name in ''|'#'*) continue ;; esac
    if [ ! -f "$here/cases/$name" ]; then
        echo "FAIL: $name: listed in expected.tsv, but tests/bad/cases/$name does not exist"
        fail=$((fail + 1))
    fi
done < "$here/expected.tsv"
for f in "$here"/cases/*.lc; do
    name=$(basename "$f")
    if ! grep -q "^$name$tab" "$here/expected.tsv"; then
        echo "FAIL: $name: no row in expected.tsv"
        fail=$((fail + 1))
    fi
done

cd "$tmp" || exit 99
while IFS="$tab" read -r name status line; do
    case $name in ''|'#'*) continue ;; esac
    [ -f "$name" ] || continue
    n=$((n + 1))
    IFS= read -r head < "$name"
    case $head in
        '# args: '*)
            args=${head#'# args: '}
            eval "set -- $(printf '%s' "$args" | sed "s/%f/$name/g")" ;;
        *) set -- "$name" ;;
    esac
    $run_limit "$LIECHECK" "$@" >/dev/null 2>.err </dev/null
    got=$?
    first=
    IFS= read -r first < .err
    if [ "$got" != "$status" ] || [ "$first" != "$line" ]; then
        echo "FAIL: $name"
        [ "$got" != "$status" ] && echo "  status   expected $status, got $got"
        if [ "$first" != "$line" ]; then
            echo "  expected: $line"
            echo "  got:      $first"
        fi
        fail=$((fail + 1))
    fi
done < "$here/expected.tsv"

echo "bad-input corpus: $n cases, $fail failures"
[ "$fail" -eq 0 ]
