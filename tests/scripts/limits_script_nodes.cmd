awk 'BEGIN { for (i = 0; i < 5000000; i++) print "x = 1" }' | "$LIECHECK" -
