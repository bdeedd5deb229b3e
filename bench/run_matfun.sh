#!/bin/sh
# bench/run_matfun.sh -- time liecheck's certified matrix exp/log and mpmath's
# expm/logm on the same matrices, check that the values agree, print a table.
#
#   sh bench/run_matfun.sh [BENCH] [bench_matfun options...]
#
# BENCH is the bench_matfun binary (default ./bench/bench_matfun; this script
# builds nothing, `make bench` does); further arguments go to it (--cases
# rot3,near6 --precs 256,1024 --seed 7 --min-time 0.2).  --min-time is passed
# to the mpmath side too.
#
# Environment:
#   PYTHON      the Python with mpmath (default /usr/bin/python3, else python3
#               on PATH); when it cannot import mpmath, only liecheck is timed
#               and nothing is checked
#   BENCH_KEEP  a directory to keep the raw outputs in (cases.txt, lc.txt,
#               mp.txt, check.txt)
#   MPMATH_NOGMPY=1  (read by mpmath itself) forces mpmath's pure-Python
#               backend even when gmpy2 is installed
#
# The table's "mpmath:" line names the backend mpmath used
# (mpmath.libmp.BACKEND: gmpy when python3-gmpy2 is installed, else python);
# it changes mpmath's speed, so a table is only comparable with one of the
# same backend.
#
# Check: every mpmath entry must lie within liecheck's largest entry radius
# + 2^-(prec - 10) * max(1, |liecheck's midpoint|) of liecheck's midpoint
# (details in bench/matfun_mpmath.py).  Exit status: 0; 1 when liecheck
# failed, a value did not agree (MISMATCH on standard error and a banner under
# the table) or mpmath failed; 2 on a usage error.

set -u

HERE=$(cd "$(dirname "$0")" && pwd)
BENCH=./bench/bench_matfun
if [ $# -gt 0 ]; then
    case $1 in
        -*) ;;
        *) BENCH=$1; shift ;;
    esac
fi

MIN_TIME=0.2
prev=
for a in "$@"; do
    [ "$prev" = "--min-time" ] && MIN_TIME=$a
    prev=$a
done

if [ -z "${PYTHON:-}" ]; then
    if [ -x /usr/bin/python3 ]; then PYTHON=/usr/bin/python3; else PYTHON=python3; fi
fi

if [ ! -x "$BENCH" ]; then
    echo "run_matfun.sh: $BENCH is not an executable (build it with 'make bench')" >&2
    exit 2
fi

if [ -n "${BENCH_KEEP:-}" ]; then
    OUT=$BENCH_KEEP
    mkdir -p "$OUT" || exit 2
    rm -f "$OUT"/cases.txt "$OUT"/lc.txt "$OUT"/mp.txt "$OUT"/check.txt
else
    OUT=$(mktemp -d "${TMPDIR:-/tmp}/lcmatfun.XXXXXX") || exit 2
    trap 'rm -rf "$OUT"' EXIT
    trap 'exit 130' INT TERM
fi

# ------------------------------------------------------------------ liecheck
echo "== liecheck: $BENCH $*" >&2
"$BENCH" --emit-cases "$OUT/cases.txt" "$@" > "$OUT/lc.txt"
lc_status=$?
grep -E '^(#|LCMATFUN)' "$OUT/lc.txt" >&2
if [ $lc_status -ne 0 ]; then
    echo "run_matfun.sh: $BENCH failed (status $lc_status)" >&2
    [ $lc_status -eq 2 ] && exit 2
fi

# -------------------------------------------------------------------- mpmath
: > "$OUT/mp.txt"
: > "$OUT/check.txt"
mp_status=0
if "$PYTHON" -c 'import mpmath' > /dev/null 2>&1; then
    echo "== mpmath: $PYTHON $HERE/matfun_mpmath.py (min-time $MIN_TIME s)" >&2
    "$PYTHON" "$HERE/matfun_mpmath.py" run "$OUT/cases.txt" --min-time "$MIN_TIME" > "$OUT/mp.txt"
    mp_status=$?
    grep -E '^(#|MPMATFUN)' "$OUT/mp.txt" >&2
    if [ $mp_status -ne 0 ]; then
        echo "run_matfun.sh: mpmath run failed (status $mp_status)" >&2
    else
        "$PYTHON" "$HERE/matfun_mpmath.py" check "$OUT/lc.txt" "$OUT/mp.txt" > "$OUT/check.txt"
        mp_status=$?
        cat "$OUT/check.txt" >&2
    fi
    have_mp=1
else
    echo "== mpmath not installed for $PYTHON: liecheck only, values NOT checked" >&2
    have_mp=0
fi

# --------------------------------------------------------------------- table
awk -v have_mp=$have_mp '
function fld(line, name,    i, n, a, kv) {
    n = split(line, a, " ")
    for (i = 2; i <= n; i++) {
        split(a[i], kv, "=")
        if (kv[1] == name) return substr(a[i], length(name) + 2)
    }
    return ""
}
function ms(x) {
    if (x >= 100) return sprintf("%.0f", x)
    if (x >= 10) return sprintf("%.1f", x)
    if (x >= 1) return sprintf("%.2f", x)
    if (x >= 0.1) return sprintf("%.3f", x)
    return sprintf("%.4f", x)
}
function ratio(m, l) {
    if (l <= 0) return "-"
    if (m / l >= 100) return sprintf("%.0f", m / l)
    return sprintf("%.1f", m / l)
}
FNR == 1 { file = (FILENAME == ARGV[1]) ? 1 : (FILENAME == ARGV[2]) ? 2 : 3 }
file == 1 && $1 == "#" { sub(/^# /, ""); lcver = $0 }
file == 1 && $1 == "LCMATFUN" {
    k = fld($0, "case") SUBSEP fld($0, "impl") SUBSEP fld($0, "prec")
    order[++nres] = k; lc[k] = $0
}
file == 2 && $1 == "#" { sub(/^# /, ""); mpver = $0 }
file == 2 && $1 == "MPMATFUN" { mp[fld($0, "case") SUBSEP fld($0, "op") SUBSEP fld($0, "prec")] = $0 }
file == 3 && $1 == "CHECK" { ck[fld($0, "case") SUBSEP fld($0, "impl") SUBSEP fld($0, "prec")] = $0 }
END {
    bad = 0
    print "liecheck: " lcver
    if (have_mp) print "mpmath:   " mpver
    else print "mpmath:   not installed -- liecheck only, values not checked"
    print ""
    print "| matrix | n | function | bits | liecheck ms | mpmath ms | mpmath / liecheck | liecheck radius | max abs(mpmath - liecheck) |"
    print "|---|--:|---|--:|--:|--:|--:|--:|--:|"
    for (i = 1; i <= nres; i++) {
        L = lc[order[i]]
        c = fld(L, "case"); op = fld(L, "op"); impl = fld(L, "impl"); p = fld(L, "prec")
        fn = (impl == op) ? impl : impl " (closed form)"
        if (fld(L, "status") != "ok") {
            printf("| %s | %s | %s | %s | error (%s) | | | | |\n", c, fld(L, "n"), fn, p, fld(L, "code"))
            bad++
            continue
        }
        t = fld(L, "ms") + 0
        r = fld(L, "radius_log2")
        rad = (r == "-inf") ? "0 (exact)" : "2^" r
        mt = "-"; rt = "-"; agree = "-"
        k = c SUBSEP op SUBSEP p
        if (k in mp) {
            m = fld(mp[k], "ms") + 0
            mt = ms(m); rt = ratio(m, t)
        }
        kc = c SUBSEP impl SUBSEP p
        if (kc in ck) {
            s = fld(ck[kc], "status"); d = fld(ck[kc], "diff_log2")
            agree = (d == "-inf") ? "0" : "2^" d
            if (s != "ok") { agree = agree " " s; bad++ }
        } else if (have_mp) {
            agree = "not checked"; bad++
        }
        printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", c, fld(L, "n"), fn, p,
               ms(t), mt, rt, rad, agree)
    }
    if (bad > 0) {
        printf("\n*** MISMATCH: %d result(s) failed or differ between liecheck and mpmath ***\n", bad)
        exit 1
    }
    if (have_mp) print "\nAll mpmath values lie within liecheck radius + 2^-(prec-10) max(1, |value|)."
}' "$OUT/lc.txt" "$OUT/mp.txt" "$OUT/check.txt"
table_status=$?

if [ $table_status -ne 0 ] || [ $lc_status -ne 0 ] || [ $mp_status -ne 0 ]; then
    exit 1
fi
exit 0
