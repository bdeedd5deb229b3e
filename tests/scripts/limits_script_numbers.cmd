{
  echo 'x = 12345'
  echo 'print(x + 1, "a string" + "!")'
  awk 'BEGIN { for (i = 0; i < 200000; i++) printf "# %097d\n", i }'
} | "$LIECHECK" --max-memory 48M -
