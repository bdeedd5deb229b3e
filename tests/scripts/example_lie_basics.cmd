"$LIECHECK" ../../examples/lie_basics.lc
