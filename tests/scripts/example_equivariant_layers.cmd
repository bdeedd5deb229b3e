"$LIECHECK" ../../examples/equivariant_layers.lc
