# The verdicts of the Murakami script, one line per claim (id, verdict,
# statement), and the summary: every numbered item of Sections II and III
# with its expected verdict (PROVED, REFUTED with a counterexample, or
# NOT_CHECKABLE).  Any certified bound is stripped.
"$LIECHECK" ../../examples/papers/murakami.lc | sed 's/ (|deviation| <= [^)]*)//'
