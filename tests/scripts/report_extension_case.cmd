tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-report.XXXXXX") || exit 99
"$LIECHECK" report_extension_case.lc --no-timings --report "$tmp/r.MD" --report "$tmp/r.Json" \
    --report "$tmp/r.TeX" --report "$tmp/r.HTML"; echo "status $?"
for f in r.MD r.Json r.TeX r.HTML; do head -n 1 "$tmp/$f"; done
cd "$tmp" || exit 99
"$LIECHECK" -e 'print(1)' --report r.txt; echo "status $?"
"$LIECHECK" -e 'print(1)' --report MD; echo "status $?"
"$LIECHECK" -e 'print(1)' --report x.md/r; echo "status $?"
cd / && rm -rf "$tmp"
