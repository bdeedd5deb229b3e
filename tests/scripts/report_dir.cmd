# liecheck --report-dir DIR a.lc b.lc: every report of every script, an
# index, fresh sessions, byte-identical runs without timings, and the
# script's SHA-256 as coreutils computes it.
t=$(mktemp -d "${TMPDIR:-/tmp}/lc-rdir.XXXXXX") || exit 99
trap 'rm -rf "$t"' EXIT
"$LIECHECK" --no-timings --report-dir "$t/r" report_dir.lc claims_report.lc >"$t/out"; echo "status $?"
grep '^== \|statements of the paper' "$t/out"
ls "$t/r"
"$LIECHECK" --no-timings --report-dir "$t/r2" report_dir.lc claims_report.lc >/dev/null
for f in $(ls "$t/r"); do cmp -s "$t/r/$f" "$t/r2/$f" && echo "$f: identical" || echo "$f: DIFFERENT"; done
# A fresh session: the second report is the one the script gives alone.
"$LIECHECK" --no-timings claims_report.lc --report "$t/alone.json" >/dev/null
cmp -s "$t/alone.json" "$t/r/claims_report.json" && echo "claims_report.json: as alone" || echo "claims_report.json: NOT as alone"
want=$(sha256sum report_dir.lc | cut -d ' ' -f 1)
grep -c "\"script_sha256\": \"$want\"" "$t/r/report_dir.json"
grep -c "| script SHA-256 | $want |" "$t/r/report_dir.md"
grep -c '"date": null' "$t/r/report_dir.json"
"$LIECHECK" --report-dir "$t/r3" report_dir.lc >/dev/null
grep -c '"date": "20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z"' "$t/r3/report_dir.json"
grep -c '"command": ".*liecheck --report-dir .*/r3 report_dir.lc"' "$t/r3/report_dir.json"
grep -o 'href="[^"]*"' "$t/r/index.html"
grep '^\*\*' "$t/r/index.md"
grep -c '<svg ' "$t/r/claims_report.html"
"$LIECHECK" --report-dir "$t/r4" -e 'print(1)' 2>&1; echo "status $?"
"$LIECHECK" --report-dir "$t/r4" report_dir.lc ./report_dir.lc 2>&1; echo "status $?"
"$LIECHECK" --report-dir 2>&1; echo "status $?"
"$LIECHECK" --report-fragment x.pdf report_dir.lc 2>&1; echo "status $?"
"$LIECHECK" --no-timings report_dir.lc --report-fragment "$t/f.tex" >/dev/null; echo "status $?"
head -n 4 "$t/f.tex"; grep -F "section{report dir test}" "$t/f.tex"
grep -c 'documentclass\|begin{document}' "$t/f.tex" || :
