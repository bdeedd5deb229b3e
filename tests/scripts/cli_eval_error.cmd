"$LIECHECK" -e 'print(1)' -e 'x = 2' -e 'dim(x)' -e 'print(3)'
