"$LIECHECK" ../../examples/control_flow.lc
