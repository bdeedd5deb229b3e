script --version 2>/dev/null | grep -q util-linux || exit 77
t=$(mktemp -d "${TMPDIR:-/tmp}/lc-repl.XXXXXX") || exit 99
trap 'rm -rf "$t"' EXIT
{
  echo 'x = 42'
  echo 'prec(1048576)'
  echo 'L = log([[2,1],[0,2]])'
  sleep 2
  printf '\003'
  sleep 1
  echo 'prec(128)'
  echo 'print(x)'
  printf 'y = undefined_name + '
  sleep 1
  printf '\003'
  sleep 1
  echo 'print(x + 1)'
  echo 'quit'
  sleep 2
} | HOME="$t" script -qec "$LIECHECK" /dev/null >"$t/out" 2>&1
st=$?
# the terminal's echo and readline's escapes left out
tr -d '\r' <"$t/out" | sed 's/\x1b\[?2004[hl]//g' | grep -o -E '<repl>.*|^[0-9]+$'
exit $st
