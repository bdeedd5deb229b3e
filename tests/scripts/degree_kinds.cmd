for a in 'eye(2)' '"x"' 'lie' '-1' '1/3' 'ball(1)' 'lie([[0, 1], [0, 0]])' '[perm("(1,2)")]'; do
    "$LIECHECK" -e "degree($a)"; echo "status $?"
done
"$LIECHECK" -e 'degree()'; echo "status $?"
"$LIECHECK" -e 'degree(perm("(1,2,5)"))' -e 'degree(perm("()"))' -e 'degree(group(perm("(1,2)"), perm("(3,7)")))'; echo "status $?"
