#!/bin/sh
# bench/run.sh -- run the Lie-closure benchmark, and GAP on the same inputs.
#
#   sh bench/run.sh [BENCH] [bench_closure options...]
#
# BENCH is the bench_closure binary (default ./bench/bench_closure); further
# arguments go to it (--sizes 4,6,8 --kinds gl,tri --seed 7 --min-time 0.2).
# `make bench` runs this script with the default sizes.
#
# Environment:
#   GAP          the GAP command (default gap); when it is not on PATH, only
#                liecheck is timed
#   GAP_MAX_N    run GAP only for n <= GAP_MAX_N (default 8; 0 turns GAP off).
#                GAP needs minutes at n = 8 and its cost grows very fast.
#   GAP_KINDS    comma-separated kinds GAP runs (default: every kind benched)
#   GAP_TIMEOUT  seconds per GAP case (default 900); a case that runs longer is
#                reported as "> T s"
#   BENCH_KEEP   a directory to keep the raw outputs in (lc.txt, gap.txt,
#                cases.g, one gap-CASE.log per GAP run)
#   BENCH_FROM   a directory kept by BENCH_KEEP: run nothing, only print the
#                table again from its lc.txt and gap.txt
#
# Prints a Markdown table per case (liecheck's phases, GAP's total and the
# ratio GAP / liecheck) and a fit of liecheck's cost against n.  Exit status: 0,
# or 1 when liecheck failed or any dimension differs between liecheck and GAP
# (MISMATCH), or 2 on a usage error.

set -u

BENCH=./bench/bench_closure
if [ $# -gt 0 ]; then
    case $1 in
        -*) ;;
        *) BENCH=$1; shift ;;
    esac
fi
GAP=${GAP:-gap}
GAP_MAX_N=${GAP_MAX_N:-8}
GAP_KINDS=${GAP_KINDS:-}
GAP_TIMEOUT=${GAP_TIMEOUT:-900}

if [ -n "${BENCH_FROM:-}" ]; then
    if [ ! -f "$BENCH_FROM/lc.txt" ] || [ ! -f "$BENCH_FROM/gap.txt" ]; then
        echo "run.sh: $BENCH_FROM has no lc.txt and gap.txt" >&2
        exit 2
    fi
    OUT=$BENCH_FROM
    lc_status=0
elif [ ! -x "$BENCH" ]; then
    echo "run.sh: $BENCH is not an executable (build it with 'make bench')" >&2
    exit 2
fi

if [ -n "${BENCH_FROM:-}" ]; then
    :
elif [ -n "${BENCH_KEEP:-}" ]; then
    OUT=$BENCH_KEEP
    mkdir -p "$OUT" || exit 2
    rm -f "$OUT"/lc.txt "$OUT"/gap.txt "$OUT"/cases.g "$OUT"/gap-*.log
else
    OUT=$(mktemp -d "${TMPDIR:-/tmp}/lcbench.XXXXXX") || exit 2
    trap 'rm -rf "$OUT"' EXIT
    trap 'exit 130' INT TERM
fi

run_benchmarks()
{
    # ------------------------------------------------------------------ liecheck
    echo "== liecheck: $BENCH $*" >&2
    "$BENCH" --emit-gap "$OUT/cases.g" "$@" > "$OUT/lc.txt"
    lc_status=$?
    cat "$OUT/lc.txt" >&2
    if [ $lc_status -ne 0 ]; then
        echo "run.sh: $BENCH failed (status $lc_status)" >&2
    fi

    # ----------------------------------------------------------------------- GAP
    : > "$OUT/gap.txt"
    if [ "$GAP_MAX_N" -gt 0 ] 2>/dev/null && command -v "$GAP" > /dev/null 2>&1; then
        if command -v timeout > /dev/null 2>&1; then
            TIMEOUT="timeout -k 10 $GAP_TIMEOUT"
        else
            echo "run.sh: no timeout(1); GAP runs without a time limit" >&2
            TIMEOUT=
        fi
        gap_version=$("$GAP" -q -b -A -c 'Print(GAPInfo.Version, "\n"); QUIT;' < /dev/null 2>/dev/null | head -n 1)
        echo "== GAP $gap_version: n <= $GAP_MAX_N, ${GAP_TIMEOUT} s per case" >&2
        echo "# gap=$gap_version" >> "$OUT/gap.txt"
        # One GAP process per case, so that the time limit is per case and a slow
        # case does not hold up the others.
        cases=$(awk -v maxn="$GAP_MAX_N" -v kinds="$GAP_KINDS" '
            BEGIN { nk = split(kinds, k, ","); for (i = 1; i <= nk; i++) want[k[i]] = 1 }
            $1 == "LCBENCH" {
                for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
                if (f["n"] + 0 <= maxn + 0 && (nk == 0 || (f["kind"] in want)))
                    print f["case"]
            }' "$OUT/lc.txt")
        for c in $cases; do
            log="$OUT/gap-$c.log"
            printf 'LcBenchRun("%s");\nQUIT;\n' "$c" |
                $TIMEOUT "$GAP" -q -b -A --quitonbreak -x 4096 "$OUT/cases.g" > "$log" 2>&1
            rc=$?
            line=$(grep '^GAPBENCH ' "$log" | head -n 1)
            if [ -n "$line" ]; then
                echo "$line" >> "$OUT/gap.txt"
            elif [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
                echo "GAPBENCH case=$c timeout=$GAP_TIMEOUT" >> "$OUT/gap.txt"
            else
                echo "GAPBENCH case=$c error=$rc" >> "$OUT/gap.txt"
                echo "run.sh: GAP failed on $c (status $rc); its output:" >&2
                tail -n 5 "$log" >&2
            fi
            tail -n 1 "$OUT/gap.txt" >&2
        done
    else
        echo "== GAP not run (GAP_MAX_N=$GAP_MAX_N, '$GAP' on PATH: $(command -v "$GAP" > /dev/null 2>&1 && echo yes || echo no))" >&2
    fi
}

if [ -z "${BENCH_FROM:-}" ]; then
    run_benchmarks "$@"
fi

# --------------------------------------------------------------------- table
# Series are compared as printed: bench_closure prints liecheck's own lists,
# and the GAP script maps GAP's lists to liecheck's convention (LcBenchSeries
# in the emitted script: GAP stops before repeating a stalled term, liecheck
# repeats it once; a series that reaches 0 ends in 0 in both).
awk '
function fld(line, name,    i, n, a, kv) {
    n = split(line, a, " ")
    for (i = 2; i <= n; i++) {
        split(a[i], kv, "=")
        if (kv[1] == name) return substr(a[i], length(name) + 2)
    }
    return ""
}
function secs(x) {
    x += 0
    if (x >= 100) return sprintf("%.0f", x)
    if (x >= 1) return sprintf("%.2f", x)
    if (x >= 0.001) return sprintf("%.4f", x)
    return sprintf("%.6f", x)
}
function ratio(g, t,    x) {
    if (t <= 0) return "-"
    x = g / t
    if (x >= 100) return sprintf("%.0f", x)
    return sprintf("%.1f", x)
}
FNR == 1 { file++ }
file == 1 && $1 == "LCBENCH" { c = fld($0, "case"); order[++ncases] = c; lc[c] = $0 }
file == 2 && $1 == "GAPBENCH" { c = fld($0, "case"); gp[c] = $0 }
file == 2 && $1 == "#" { gapver = $0 }
END {
    bad = 0
    print "| case | n | dim | derived series | lower central series | liecheck closure s | derived s | lcs s | total s | GAP s | GAP / liecheck |"
    print "|---|--:|--:|---|---|--:|--:|--:|--:|--:|--:|"
    for (i = 1; i <= ncases; i++) {
        c = order[i]; L = lc[c]
        n = fld(L, "n"); dim = fld(L, "dim")
        der = fld(L, "derived"); lcs = fld(L, "lcs")
        t = fld(L, "total_s") + 0
        gs = "-"; r = "-"
        if (c in gp) {
            G = gp[c]
            if (fld(G, "timeout") != "") {
                gs = "> " fld(G, "timeout")
                r = "> " ratio(fld(G, "timeout"), t)
            } else if (fld(G, "error") != "") {
                gs = "error"
            } else {
                g = (fld(G, "closure_us") + fld(G, "derived_us") + fld(G, "lcs_us")) / 1e6
                gs = secs(g); r = ratio(g, t)
                if (fld(G, "dim") != dim || fld(G, "derived") != der || fld(G, "lcs") != lcs) {
                    printf("MISMATCH %s: liecheck dim=%s derived=%s lcs=%s, GAP dim=%s derived=%s lcs=%s\n",
                           c, dim, der, lcs, fld(G, "dim"), fld(G, "derived"), fld(G, "lcs")) > "/dev/stderr"
                    gs = gs " MISMATCH"; bad++
                } else
                    gs = gs " (agrees)"
            }
        }
        gsub(",", ", ", der); gsub(",", ", ", lcs)
        printf("| %s | %s | %s | [%s] | [%s] | %s | %s | %s | %s | %s | %s |\n", c, n, dim, der, lcs,
               secs(fld(L, "closure_s")), secs(fld(L, "derived_s")), secs(fld(L, "lcs_s")), secs(t), gs, r)
    }

    # Growth: least-squares slope of log(total) against log(n) per kind, over
    # the sizes n >= 8 (below that, fixed overheads dominate).
    print ""
    print "liecheck cost ~ n^k (least squares on log total_s vs log n, n >= 8):"
    for (i = 1; i <= ncases; i++) {
        L = lc[order[i]]; k = fld(L, "kind"); n = fld(L, "n") + 0; t = fld(L, "total_s") + 0
        if (n < 8 || t <= 0) continue
        if (!(k in cnt)) kinds[++nkinds] = k
        cnt[k]++; sx[k] += log(n); sy[k] += log(t); sxx[k] += log(n) ^ 2; sxy[k] += log(n) * log(t)
        if (!(k in lo) || n < lo[k]) lo[k] = n
        if (!(k in hi) || n > hi[k]) hi[k] = n
    }
    for (j = 1; j <= nkinds; j++) {
        k = kinds[j]
        if (cnt[k] < 2) continue
        slope = (cnt[k] * sxy[k] - sx[k] * sy[k]) / (cnt[k] * sxx[k] - sx[k] ^ 2)
        printf("  %-6s k = %.2f  (n = %d..%d, %d sizes)\n", k, slope, lo[k], hi[k], cnt[k])
    }
    if (bad > 0) {
        printf("\n*** MISMATCH: %d case(s) differ between liecheck and GAP ***\n", bad)
        exit 1
    }
}' "$OUT/lc.txt" "$OUT/gap.txt"
table_status=$?

if [ $table_status -ne 0 ] || [ $lc_status -ne 0 ]; then
    exit 1
fi
exit 0
