printf 'print(1)\nprint(y)\nprint(3)\n' | "$LIECHECK" -
