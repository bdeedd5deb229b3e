t=$(mktemp -d "${TMPDIR:-/tmp}/lc-timeout.XXXXXX") || exit 99
trap 'rm -rf "$t"' EXIT
"$LIECHECK" limits_timeout_claim.lc --report "$t/r.json"
st=$?
grep -E '"(status|stopped|certificate)"' "$t/r.json" | sed 's/^ *//'
exit $st
