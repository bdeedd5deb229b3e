# The verdicts of the Musialski script; the certified bounds (computed by
# liecheck) are stripped: what is pinned here is each claim's verdict, which
# the script states (expect ...) or which is the mathematics' PROVED/HOLDS.
"$LIECHECK" ../../examples/papers/musialski.lc | sed 's/ (|deviation| <= [^)]*)//'
