# ans, time, vars and quit with -e (ans is the last printed value; time's
# seconds vary, so only their kind is shown; quit() ends the run, status 0)
"$LIECHECK" -e '6 * 7' -e 'ans + 1' -e 'ans' -e 'v = time(det([[1, 2], [3, 4]]))' \
  -e 'v[1]' -e 'v[2] >= 0' -e 'len(v)' -e 'def sq(x) = x * x' -e 'vars()' \
  -e 'print("before quit")' -e 'quit()' -e 'print("not reached")'
echo "status $?"
# quit() inside a script ends it there, with the status of a clean end
printf 'print(1)\nif true { quit() }\nprint(2)\n' | "$LIECHECK" -
echo "status $?"
