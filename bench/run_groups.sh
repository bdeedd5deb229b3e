#!/bin/sh
# run_groups.sh LIECHECK -- permutation groups of large degree, liecheck
# against GAP on the same input in the same run (issue 16): the group
# <(1,2), (1,2,...,n)> = S_n, its order, and the membership of a
# transposition; then <(1,2,3), (1,...,n)> (A_n for n odd, S_n for n even);
# then a group that is not a giant, S_2 wr S_(n/2) (built by the
# Schreier-Sims chain; degrees up to 256).  liecheck's time is of the whole process (start-up
# included), the best of 3 runs.  GAP (`gap` on PATH, or GAP=...) gets the
# same generators and prints its order, which must agree, and the CPU time
# of its Size and membership test (Runtime(), milliseconds) -- its start-up
# of several seconds is left out, so the ratio is GAP's computing time over
# liecheck's whole run.
#
#   sh bench/run_groups.sh _build/src/liecheck [DEGREES]
#
# DEGREES defaults to "128 256 1024 4096".  GAP runs for degrees up to
# GAP_MAX_DEGREE (default 256: above it GAP did not finish S_n's order in
# 300 s at n = 1024, in the runs of doc/benchmarks.md); GAP_TIMEOUT (default
# 300) bounds each GAP case.  Prints two Markdown tables on standard output
# (the orders, then the centres).
set -u
lc=${1:?usage: $0 LIECHECK [DEGREES]}
degrees=${2:-128 256 1024 4096}
gap=${GAP:-gap}
gap_timeout=${GAP_TIMEOUT:-300}
gap_max_degree=${GAP_MAX_DEGREE:-256}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
best3() {  # best3 CMD...: the least wall time of three runs, in seconds
    b=
    for r in 1 2 3; do
        t0=$(now); "$@" >"$tmp/out" 2>"$tmp/err" || { echo fail; return; }; t1=$(now)
        t=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
    done
    printf '%.4f' "$b"
}

# gap_compare FIELD WHAT: run GAP on $tmp/g.g; its first printed number must
# equal liecheck's $olc (else WHAT goes to standard error and the time is
# marked), and field FIELD is its time in ms; sets tg and ratio (over $tl)
gap_compare() {
    if timeout "$gap_timeout" "$gap" -q -b "$tmp/g.g" >"$tmp/gout" 2>&1; then
        og=$(tr -d '\\\n' <"$tmp/gout" | awk '{print $1}')
        ms=$(tr -d '\\\n' <"$tmp/gout" | awk -v f="$1" '{print $f}')
        tg=$(printf '%.3f' "$(echo "$ms / 1000" | bc -l)")
        if [ "$og" != "$olc" ]; then
            echo "$2: liecheck $olc, GAP $og" >&2
            tg="$tg (DIFFERS)"
        fi
        ratio=$(printf '%.1f' "$(echo "${tg%% *} / $tl" | bc -l)")
    else
        tg="> $gap_timeout"
    fi
}

echo "| group | n | order (digits) | liecheck s (whole run) | GAP s (Size and membership) | GAP / liecheck |"
echo "|---|--:|--:|--:|--:|--:|"
for n in $degrees; do
    for kind in sym cyc3 wreath; do
        # the wreath product goes through the full chain: degrees up to 256
        [ $kind = wreath ] && [ "$n" -gt 256 ] && continue
        case $kind in
            sym) a='(1,2)'; name='<(1,2), (1..n)>' ;;
            cyc3) a='(1,2,3)'; name='<(1,2,3), (1..n)>' ;;
            wreath) a='(1,2)'; name='S_2 wr S_(n/2)' ;;
        esac
        cyc=$(seq -s, 1 "$n")
        if [ $kind = wreath ]; then
            # (1,2) inside block 1; (1,3)(2,4) swaps blocks 1 and 2; the
            # blocks {2i-1, 2i} cycled by (1,3,5,...)(2,4,6,...)
            odd=$(seq -s, 1 2 "$n"); even=$(seq -s, 2 2 "$n")
            lcgens="perm(\"(1,2)\"), perm(\"(1,3)(2,4)\"), perm(\"($odd)($even)\")"
            gapgens="(1,2), (1,3)(2,4), ($odd)($even)"
        else
            lcgens="perm(\"$a\"), perm(\"($cyc)\")"
            gapgens="$a, ($cyc)"
        fi
        printf 'G = group(%s)\nprint(order(G), member(G, perm("(1,2)")))\n' "$lcgens" >"$tmp/g.lc"
        tl=$(best3 "$lc" "$tmp/g.lc")
        olc=$(cut -d' ' -f1 "$tmp/out")
        tg=-; ratio=-
        [ "$n" -gt "$gap_max_degree" ] && tg="not run (GAP_MAX_DEGREE=$gap_max_degree)"
        if [ "$n" -le "$gap_max_degree" ] && command -v "$gap" >/dev/null 2>&1; then
            printf 't := Runtime();; G := Group(%s);; s := Size(G);; m := (1,2) in G;; t := Runtime() - t;;\nPrint(s, " ", m, " ", t, "\\n");; QUIT;;\n' \
                "$gapgens" >"$tmp/g.g"
            gap_compare 3 "orders differ for $kind n=$n"
        fi
        echo "| $name | $n | ${#olc} | $tl | $tg | $ratio |"
    done
done

# The centre without listing the group (issue 16's row: "centre of any group
# that Schreier-Sims handles"): the Rubik's cube group (degree 48, order
# 43252003274489856000, centre {1, superflip}) and S_2 wr S_64 (degree 128,
# order 2^64 64!, centre of order 2).  liecheck: order(centre(G)), the whole
# run, best of 3; GAP: Size(Centre(G)) with the group's construction and
# Size, by Runtime() (its start-up left out).  The orders must agree.
echo
echo "| group | degree | centre order | liecheck s (whole run) | GAP s (Size(Centre(G))) | GAP / liecheck |"
echo "|---|--:|--:|--:|--:|--:|"
rubik='( 1, 3, 8, 6)( 2, 5, 7, 4)( 9,33,25,17)(10,34,26,18)(11,35,27,19);( 9,11,16,14)(10,13,15,12)( 1,17,41,40)( 4,20,44,37)( 6,22,46,35);(17,19,24,22)(18,21,23,20)( 6,25,43,16)( 7,28,42,13)( 8,30,41,11);(25,27,32,30)(26,29,31,28)( 3,38,43,19)( 5,36,45,21)( 8,33,48,24);(33,35,40,38)(34,37,39,36)( 3, 9,46,32)( 2,12,47,29)( 1,14,48,27);(41,43,48,46)(42,45,47,44)(14,22,30,38)(15,23,31,39)(16,24,32,40)'
odd=$(seq -s, 1 2 128); even=$(seq -s, 2 2 128)
wreath="(1,2);(1,3)(2,4);($odd)($even)"
for case in rubik wreath; do
    if [ $case = rubik ]; then gens=$rubik; name="Rubik's cube group"; deg=48
    else gens=$wreath; name='S_2 wr S_64'; deg=128; fi
    lcgens=$(echo "$gens" | tr -d ' ' | tr ';' '\n' | sed 's/.*/perm("&")/' | paste -sd, -)
    gapgens=$(echo "$gens" | tr ';' ',')
    printf 'G = group(%s)\nprint(order(centre(G)))\n' "$lcgens" >"$tmp/g.lc"
    tl=$(best3 "$lc" "$tmp/g.lc")
    olc=$(cat "$tmp/out")
    tg=-; ratio=-
    if command -v "$gap" >/dev/null 2>&1; then
        printf 't := Runtime();; G := Group(%s);; s := Size(G);; z := Size(Centre(G));; t := Runtime() - t;;\nPrint(z, " ", t, "\\n");; QUIT;;\n' \
            "$gapgens" >"$tmp/g.g"
        gap_compare 2 "centre orders differ for $name"
    fi
    echo "| $name | $deg | $olc | $tl | $tg | $ratio |"
done
