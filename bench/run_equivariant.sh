#!/bin/sh
# run_equivariant.sh BENCH_EQUIVARIANT -- liecheck's exact equivariant solver
# against the dense exact nullspace (fmpq_mat) on the same problems; prints
# the Markdown table of doc/benchmarks.md.  The dense solve runs under
# `timeout $DENSE_TIMEOUT` (default 600 s); a stopped run is reported as
# "> T", and the ratio as a lower bound.  CASES overrides the list.
B=${1:?usage: run_equivariant.sh BENCH_EQUIVARIANT}
T=${DENSE_TIMEOUT:-600}
CASES=${CASES:-"S4:4 S5:4 S6:4 S8:4 SO3:4 SO3:5 SO3:6 SO3:7 O3:6 Lorentz:4 Lorentz:5 Lorentz:6 Sp4:4"}
echo "| case | N | k | liecheck s | method | dense fmpq_mat s | dense / liecheck |"
echo "|---|--:|--:|--:|---|--:|--:|"
for c in $CASES; do
    s=$("$B" "$c") || { echo "| $c | failed |"; continue; }
    set -- $s
    n=$2 k=$3 ts=$4 m=$5
    echo "$c: liecheck $ts s" >&2
    d=$(timeout "$T" "$B" "$c" --dense)
    if [ "$(echo "$d" | awk '{print $5}')" = skipped ]; then
        td="not run (more than 2^26 entries)"
        r="—"
    elif [ -n "$d" ]; then
        set -- $d
        [ "$3" = "$k" ] || { echo "| $c | $n | $k | DISAGREE: dense found $3 |"; continue; }
        td=$4
        r=$(awk -v a="$td" -v b="$ts" 'BEGIN { printf "%.0f", a / (b > 1e-6 ? b : 1e-6) }')
    else
        td="> $T (stopped)"
        r=$(awk -v a="$T" -v b="$ts" 'BEGIN { printf "> %.0f", a / (b > 1e-6 ? b : 1e-6) }')
    fi
    echo "$c: dense $td s" >&2
    echo "| $c | $n | $k | $ts | $m | $td | $r |"
done
