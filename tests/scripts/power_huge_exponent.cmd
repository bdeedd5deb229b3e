"$LIECHECK" -e '(-1)^(10^30)' -e '(-1)^(10^30 + 1)' -e '(-1)^(-(10^30) - 1)' -e '(-1)^(-(2^63))' \
    -e '1^(10^30)' -e '1^(-(10^30))' -e '0^(10^30)' -e '0^0' -e '(-2)^3' -e '(2/3)^-2'; echo "status $?"
"$LIECHECK" -e '0^(-(10^30))'; echo "status $?"
"$LIECHECK" -e '2^(10^30)'; echo "status $?"
"$LIECHECK" -e '(1/2)^(-(10^30))'; echo "status $?"
"$LIECHECK" -e '2^(1/2)'; echo "status $?"
"$LIECHECK" -e '[[1, 1], [0, 1]]^(10^30)'; echo "status $?"
"$LIECHECK" -e 'ball(eye(2))^(10^30)'; echo "status $?"
