# The report of a refuted equivariance carries the random Q exactly: read it
# back from the Markdown report and re-check the refutation by hand, with
# arithmetic that does not use equivariant(): Q^T Q = I (Q is orthogonal),
# and f(QX) - Q f(X) = J - QJ != 0 (so Q does not fix the ones vector).
t=$(mktemp -d "${TMPDIR:-/tmp}/lc-refute.XXXXXX") || exit 99
trap 'rm -rf "$t"' EXIT
"$LIECHECK" refute_input.lc --no-timings --report "$t/r.md" --report "$t/r.json" || exit 1
q=$(grep -o 'Q = \[\[[][0-9/, -]*\]\]' "$t/r.md" | head -n 1)
[ -n "$q" ] || { echo "no Q in the report"; exit 1; }
grep -q "\"refuting_input\": \".*Q = " "$t/r.json" && echo "the JSON refuting_input holds Q"
printf '%s\nX = [[1, 2], [3, 4], [5, 6]]\nJ = ones(3, 2)\nprint(transpose(Q) * Q == eye(3))\nprint(Q * ones(3, 1) == ones(3, 1))\nprint((Q * X + J) - Q * (X + J) == J - Q * J)\n' "$q" | "$LIECHECK" -
