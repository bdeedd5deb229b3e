# The verdicts of the van Nierop script, the verdict counts and the coverage
# line; the certified bounds (liecheck's own numbers) and the statements are
# stripped.  Each verdict is the one the script states (expect REFUTED or
# NOT_CHECKABLE) or the mathematics' PROVED/HOLDS.
"$LIECHECK" ../../examples/papers/van_nierop.lc | sed 's/ (|deviation| <= [^)]*)//' | sed '/^claims: \|^Coverage: \| of the paper checked: /!s/: .*//'
