# The verdicts of the van Nierop script; the certified bounds (liecheck's own
# numbers) are stripped.  Each verdict is the one the script states (expect
# ...) or the mathematics' PROVED/HOLDS.
"$LIECHECK" ../../examples/papers/van_nierop.lc | sed 's/ (|deviation| <= [^)]*)//' | sed 's/: .*//'
