#!/bin/sh
# run-script.sh LIECHECK SCRIPT.lc -- a golden-transcript test.
#
# Runs `LIECHECK SCRIPT.lc` from the directory of SCRIPT.lc and compares
#   standard output  with SCRIPT.out     (exactly; required)
#   standard error   with SCRIPT.err     (exactly; when absent it must be empty)
#   the exit status  with SCRIPT.status  (when absent it must be 0)
# When SCRIPT.cmd exists it is run with sh instead, with $LIECHECK set, so a
# test can drive the command line itself (-e, standard input, options).
# Exit 0 when everything matches, 1 otherwise (automake test protocol).
# Nothing is written next to the script: under `make distcheck` the source
# tree is read-only.

if [ $# -ne 2 ]; then
    echo "usage: $0 LIECHECK SCRIPT.lc" >&2
    exit 99
fi

case $1 in
    /*) LIECHECK=$1 ;;
    *) LIECHECK=$(pwd)/$1 ;;
esac
export LIECHECK

dir=$(dirname "$2")
base=$(basename "$2" .lc)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-test.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

cd "$dir" || exit 99
if [ -f "$base.cmd" ]; then
    sh "./$base.cmd" >"$tmp/out" 2>"$tmp/err"
else
    "$LIECHECK" "$base.lc" >"$tmp/out" 2>"$tmp/err"
fi
status=$?

fail=0
if ! diff -u "$base.out" "$tmp/out"; then
    echo "FAIL: $base: standard output differs (expected $base.out, got +)"
    fail=1
fi
if [ -f "$base.err" ]; then
    if ! diff -u "$base.err" "$tmp/err"; then
        echo "FAIL: $base: standard error differs (expected $base.err, got +)"
        fail=1
    fi
elif [ -s "$tmp/err" ]; then
    echo "FAIL: $base: unexpected output on standard error:"
    cat "$tmp/err"
    fail=1
fi
expected=0
[ -f "$base.status" ] && expected=$(cat "$base.status")
if [ "$status" != "$expected" ]; then
    echo "FAIL: $base: exit status $status, expected $expected"
    fail=1
fi
exit $fail
