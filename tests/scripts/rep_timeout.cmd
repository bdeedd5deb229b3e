# SO(3) on (R^3)^(x)10 (59049 unknowns) takes minutes: --timeout stops the sparse elimination
"$LIECHECK" --timeout 1 -e 'equivariant_dim(trivial(1), rep_power(std_rep("SO", 3), 10))'
echo "status $?"
