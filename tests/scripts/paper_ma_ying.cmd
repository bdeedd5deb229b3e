# The verdicts of the Ma & Ying script; the certified bounds (liecheck's own
# numbers) are stripped.  Each verdict is the one the script states (expect
# ...) or the mathematics' PROVED/HOLDS.
"$LIECHECK" ../../examples/papers/ma_ying.lc | sed 's/ (|deviation| <= [^)]*)//' | sed '/^claims: \|^Coverage: \| of the paper checked: /!s/: .*//'
