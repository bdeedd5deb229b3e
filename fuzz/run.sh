#!/bin/sh
# run.sh SRCDIR SECONDS TARGET... -- `make fuzz`: run each libFuzzer target
# for SECONDS from the committed seed corpus SRCDIR/fuzz/corpus/NAME (read
# only) and fuzz-corpus/NAME in the build tree (where new inputs go, so a
# later run starts where this one stopped), with SRCDIR/fuzz/NAME.dict.
#
# One fuzzing process at a time (-fork=1), at low priority.  Out-of-memory
# inputs and timeouts are written to fuzz-artifacts/NAME/ and reported, but
# only a crash (a sanitizer report, a deadly signal, a leak) fails the run:
# the limits that stop runaway memory and time belong to the language.
# Each run's statistics are in fuzz-NAME.log.
set -u
if [ $# -lt 3 ]; then
    echo "usage: $0 SRCDIR SECONDS TARGET..." >&2
    exit 2
fi
src=$1
secs=$2
shift 2
status=0
for t in "$@"; do
    name=${t##*/fuzz_}
    work=fuzz-corpus/$name
    art=fuzz-artifacts/$name
    mkdir -p "$work" "$art" || exit 2
    touch "$art/.start"
    case $name in
        script) max_len=4096 ;;
        *) max_len=16384 ;;
    esac
    set -- -fork=1 -ignore_ooms=1 -ignore_timeouts=1 -max_total_time="$secs" -timeout=20 \
        -rss_limit_mb=2048 -malloc_limit_mb=1024 -max_len="$max_len" -close_fd_mask=3 \
        -print_final_stats=1 -artifact_prefix="$art/"
    [ -f "$src/fuzz/$name.dict" ] && set -- "$@" -dict="$src/fuzz/$name.dict"
    echo "== $t: $secs s (log: fuzz-$name.log)"
    nice "./$t" "$@" "$work" "$src/fuzz/corpus/$name" >"fuzz-$name.log" 2>&1
    rc=$?
    # the last statistics line: executions, coverage (cov: edges, ft:
    # features), corpus, out-of-memory / timeout / crash counts
    grep -E '^#[0-9]+: cov:' "fuzz-$name.log" | tail -n 1
    new() { find "$art" -type f -newer "$art/.start" -name "$1" | wc -l; }
    crashes=$(( $(new 'crash-*') + $(new 'leak-*') ))
    ooms=$(new 'oom-*')
    timeouts=$(new 'timeout-*')
    echo "$t: exit $rc; new in $art: $crashes crash/leak, $ooms oom, $timeouts timeout"
    if [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ]; then
        echo "$t: CRASH -- the reproducers are in $art"
        # fork mode keeps the jobs' reports to itself: run each reproducer
        # once to show the sanitizer's report
        find "$art" -type f -newer "$art/.start" \( -name 'crash-*' -o -name 'leak-*' \) |
            while read -r f; do
                echo "-- $f:"
                "./$t" -runs=1 "$f" 2>&1 | grep -E -A30 '==ERROR|runtime error|deadly signal' |
                    head -n 40
            done
        status=1
    fi
done
exit $status
