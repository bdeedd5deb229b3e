# The verdicts of the Heo et al. script, one line per claim, and the summary
# line; the certified bounds (liecheck's own numbers) and the statements are
# stripped.  Each verdict is the one the script states (expect REFUTED or
# NOT_CHECKABLE) or the mathematics' PROVED/HOLDS.
"$LIECHECK" ../../examples/papers/heo.lc | sed 's/ (|deviation| <= [^)]*)//' | sed '/^claims: \|^Coverage: \| of the paper checked: /!s/: .*//'
