"$LIECHECK" -e 'x = 1/3' -e 'x + 1/6' -e 'print("p", x)' -e '[x, 2*x]' -e 'prec(256)' -e 'prec()' -e 'eye(2)' -e '"raw string"' -e 'lie([[0, 1], [0, 0]])'
