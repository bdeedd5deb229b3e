"$LIECHECK" -e 'normal_closure(group(perm("(1,2)")), perm("(3,4)"))'; echo "status $?"
"$LIECHECK" -e 'normal_closure(group(perm("(1,2,3)")), [perm("(1,2,3)"), perm("(1,2)")])'; echo "status $?"
"$LIECHECK" -e 'S4 = group(perm("(1,2,3,4)"), perm("(1,2)"))' \
    -e 'order(normal_closure(S4, perm("(1,2)(3,4)")))' \
    -e 'order(normal_closure(S4, perm("(1,2,3)")))' \
    -e 'order(normal_closure(S4, perm("(1,2)")))'; echo "status $?"
