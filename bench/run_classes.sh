#!/bin/sh
# run_classes.sh LIECHECK [FIXTURE] -- conjugacy classes of permutation
# groups of 10^6 to 2*10^7 elements, liecheck against GAP on the same
# generators in the same run (issue 16).  The groups are those marked
# "bench" in tests/fixtures/gap_classes.out (written by GAP from
# tests/fixtures/gap_classes.g): liecheck's class sizes, sorted, must equal
# GAP's recorded there.  liecheck is timed twice:
# class_sizes (by least element: from class representatives, or partitions
# and products, the walk past the representatives' budget) and
# class_sizes_sorted (by class representatives, certified by the class
# equation; what nr_classes uses too); each time is of the whole process
# (start-up, parsing, the chain, the classes), the best of 3 runs.  GAP (`gap` on
# PATH, or GAP=...) gets the generators as a new group three times and
# reports the least CPU time of ConjugacyClasses (Runtime(), milliseconds;
# its start-up and the group's construction are left out), so the ratio is
# GAP's computing time over liecheck's whole run (for each of the two).
#
#   sh bench/run_classes.sh _build/src/liecheck
#
# GAP_TIMEOUT (default 600) bounds each GAP case.  Prints a Markdown table.
set -u
lc=${1:?usage: $0 LIECHECK [FIXTURE]}
here=$(cd "$(dirname "$0")" && pwd)
fixture=${2:-$here/../tests/fixtures/gap_classes.out}
gap=${GAP:-gap}
gap_timeout=${GAP_TIMEOUT:-600}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
best3() {  # best3 CMD...: the least wall time of three runs, in seconds
    b=
    for r in 1 2 3; do
        t0=$(now); "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || { echo fail; return; }; t1=$(now)
        t=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
    done
    printf '%.3f' "$b"
}

# split the fixture: NAME.gens (one generator a line), NAME.sizes (sorted),
# and the list of bench groups with their order and class count
awk -v d="$tmp" '
    $1 == "group" { name = $2; gsub(/[^A-Za-z0-9]/, "_", name); keep = ($3 == "bench");
                    if (keep) print name, $2, $4, $5 > (d "/list") }
    $1 == "gen" && keep { s = $0; sub(/^gen /, "", s); gsub(/ /, "", s); print s > (d "/" name ".gens") }
    $1 == "sizes" && keep { for (i = 2; i <= NF; i++) print $i > (d "/" name ".sizes") }
' "$fixture"

echo "| group | order | classes | liecheck s: class_sizes (by least element) | liecheck s: class_sizes_sorted | GAP s (ConjugacyClasses) | GAP / liecheck (class_sizes) | GAP / liecheck (class_sizes_sorted) | sizes = GAP's (class_sizes, sorted) |"
echo "|---|--:|--:|--:|--:|--:|--:|--:|---|"
while read -r f name order ncl; do
    lcgens=$(sed 's/.*/perm("&")/' "$tmp/$f.gens" | paste -sd, -)
    gapgens=$(paste -sd, "$tmp/$f.gens")
    agree=
    for fn in class_sizes class_sizes_sorted; do
        printf 'G = group(%s)\nprint(order(G))\nfor s in %s(G) { print(s) }\n' "$lcgens" "$fn" >"$tmp/g.lc"
        t=$(best3 "$lc" "$tmp/g.lc")
        a=no
        if [ "$t" != fail ] && [ "$(head -1 "$tmp/out")" = "$order" ] \
            && tail -n +2 "$tmp/out" | sort -n | cmp -s - "$tmp/$f.sizes"; then
            a=yes
        fi
        [ "$t" = fail ] && sed 's/^/  liecheck: /' "$tmp/err" >&2
        agree="$agree${agree:+, }$a"
        if [ "$fn" = class_sizes ]; then tw=$t; else tl=$t; fi
    done
    tg=-; ratio=-; ratiow=-
    if command -v "$gap" >/dev/null 2>&1; then
        cat >"$tmp/g.g" <<GAPEOF
best := infinity;;
for i in [1..3] do
    G := Group($gapgens);;
    t := Runtime();; cc := ConjugacyClasses(G);; t := Runtime() - t;;
    if t < best then best := t; fi;
od;
Print(Length(cc), " ", best, "\n");; QUIT;;
GAPEOF
        if timeout "$gap_timeout" "$gap" -q -b "$tmp/g.g" >"$tmp/gout" 2>&1 </dev/null; then
            ms=$(tr -d '\\\n' <"$tmp/gout" | awk '{print $2}')
            tg=$(printf '%.3f' "$(echo "$ms / 1000" | bc -l)")
            [ "$tl" != fail ] && ratio=$(printf '%.2f' "$(echo "$tg / $tl" | bc -l)")
            [ "$tw" != fail ] && ratiow=$(printf '%.2f' "$(echo "$tg / $tw" | bc -l)")
        else
            tg="> $gap_timeout"
        fi
    fi
    echo "| $name | $order | $ncl | $tw | $tl | $tg | $ratiow | $ratio | $agree |"
done <"$tmp/list"
