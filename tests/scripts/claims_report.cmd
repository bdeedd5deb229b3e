# Run twice without timings: the reports must be identical, and must say
# what the claims say.
t=$(mktemp -d "${TMPDIR:-/tmp}/lc-report.XXXXXX") || exit 99
trap 'rm -rf "$t"' EXIT
"$LIECHECK" claims_report.lc --no-timings --report "$t/a.md" --report "$t/a.json" --report "$t/a.html" --report "$t/a.tex" >/dev/null || exit 1
"$LIECHECK" claims_report.lc --no-timings --report "$t/b.md" --report "$t/b.json" --report "$t/b.html" --report "$t/b.tex" >/dev/null || exit 1
for e in md json html tex; do
  cmp -s "$t/a.$e" "$t/b.$e" && echo "$e: identical" || echo "$e: DIFFERENT"
done
grep -c '"verdict": "PROVED"' "$t/a.json"
grep -c '"verdict": "REFUTED"' "$t/a.json"
# one HOLDS claim plus its three sweep points
grep -c '"verdict": "HOLDS"' "$t/a.json"
grep '"id": "so3-semisimple"' "$t/a.json" | sed 's/^ *//'
grep '"seconds"' "$t/a.json" | sort -u | sed 's/^ *//'
grep -c '^| 256 | HOLDS |' "$t/a.md"
grep '^# ' "$t/a.md"
"$LIECHECK" claims_report.lc --report bad.txt 2>&1 >/dev/null | head -1
