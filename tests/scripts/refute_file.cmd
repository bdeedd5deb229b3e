# The operands of a large refuted comparison go to a file next to the
# report, named in the certificate; liecheck reads the file back, and the
# difference it reproduces is -1/2 at (9, 9) and 0 elsewhere (1 - 3/2).
t=$(mktemp -d "${TMPDIR:-/tmp}/lc-refute.XXXXXX") || exit 99
trap 'rm -rf "$t"' EXIT
"$LIECHECK" refute_file.lc --no-timings --report "$t/r.json" || exit 1
ls "$t"
grep -o "entry (9, 9) is 1 on one side and 3/2 on the other" "$t/r.json" | head -n 1
grep -o 'the file refute_file.refute-nine-1.txt next to the report' "$t/r.json" | head -n 1
grep -A 2 '"files"' "$t/r.json" | sed 's/^ *//'
printf 'load("%s")\nprint(left - right)\nprint(equal(left, right))\n' "$t/refute_file.refute-nine-1.txt" | "$LIECHECK" -
