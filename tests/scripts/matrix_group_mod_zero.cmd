for p in 0 1 4 -3; do
    "$LIECHECK" -e "matrix_group_mod($p, [[1, 1], [0, 1]])"; echo "status $?"
done
"$LIECHECK" -e 'matrix_group_mod(0, [[[1, 1], [0, 1]]])'; echo "status $?"
"$LIECHECK" -e 'order(matrix_group_mod(5, [[1, 1], [0, 1]]))'; echo "status $?"
