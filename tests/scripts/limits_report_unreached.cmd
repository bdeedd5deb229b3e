t=$(mktemp -d "${TMPDIR:-/tmp}/lc-report.XXXXXX") || exit 99
trap 'rm -rf "$t"' EXIT
"$LIECHECK" limits_report_unreached.lc --no-timings --report "$t/r.json" --report "$t/r.md"
st=$?
grep -E '"(id|status|stopped|verdict|expected|certificate|line)"' "$t/r.json" | sed 's/^ *//'
grep 'did not complete' "$t/r.md"
exit $st
