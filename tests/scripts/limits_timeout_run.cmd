t=$(mktemp -d "${TMPDIR:-/tmp}/lc-timeout.XXXXXX") || exit 99
trap 'rm -rf "$t"' EXIT
"$LIECHECK" --timeout 1 limits_timeout_run.lc --report "$t/r.json" --report "$t/r.md"
st=$?
grep -E '"(status|stopped|verdict|certificate)"' "$t/r.json" | sed 's/^ *//'
grep 'did not complete' "$t/r.md"
exit $st
