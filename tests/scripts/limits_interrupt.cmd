command -v timeout >/dev/null 2>&1 || exit 77
t=$(mktemp -d "${TMPDIR:-/tmp}/lc-interrupt.XXXXXX") || exit 99
trap 'rm -rf "$t"' EXIT
# --foreground: the SIGINT goes to liecheck alone, once
timeout --foreground -s INT --preserve-status 1 "$LIECHECK" limits_interrupt.lc --report "$t/r.json"
st=$?
grep -E '"(status|stopped|certificate)"' "$t/r.json" | sed 's/^ *//'
exit $st
