"$LIECHECK" claim_id_duplicate.lc; echo "status $?"
printf 'claim "one" id "claim-2" { equal(1, 1) }\nclaim "two" { equal(1, 1) }\n' | "$LIECHECK" -; echo "status $?"
printf 'control "one" { equal(1, 1) }\n\ncorrected "two" of "claim-1" id "claim-1" { equal(1, 1) }\n' | "$LIECHECK" -; echo "status $?"
