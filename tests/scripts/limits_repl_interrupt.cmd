script --version 2>/dev/null | grep -q util-linux || exit 77
t=$(mktemp -d "${TMPDIR:-/tmp}/lc-repl.XXXXXX") || exit 99
trap 'rm -rf "$t"' EXIT
: >"$t/out"
# wait_for TEXT: until the REPL has printed TEXT (at most 120 s; then the
# test goes on and fails on its transcript).  The
# keystrokes wait for the REPL's answers instead of for fixed sleeps: a
# Ctrl-C that reaches the terminal before the REPL has read the lines
# typed ahead flushes them (ISIG), which on a loaded machine made the
# test lose the very line it was meant to interrupt.
wait_for() {
  n=0
  until tr -d '\r' <"$t/out" | sed 's/\x1b\[?2004[hl]//g' | grep -q -x -- "$1"; do
    n=$((n + 1))
    [ $n -gt 1200 ] && return 1
    sleep 0.1
  done
}
{
  echo 'x = 42'
  echo 'print(1000 * 42 + 1)'
  wait_for 42001
  # the megabit log runs for minutes; interrupt it a second after it starts
  echo 'prec(1048576)'
  echo 'print(1000 * 42 + 2)'
  echo 'L = log([[2,1],[0,2]])'
  wait_for 42002
  sleep 1
  printf '\003'
  wait_for '.*log: interrupted'
  echo 'prec(128)'
  echo 'print(x)'
  wait_for 42
  printf 'y = undefined_name + '
  sleep 1
  printf '\003'
  sleep 1
  echo 'print(x + 1)'
  wait_for 43
  echo 'quit'
  sleep 1
} | HOME="$t" LIECHECK="$LIECHECK" SHELL=/bin/sh script -qec 'exec "$LIECHECK"' /dev/null >"$t/out" 2>&1
st=$?
# script(1) runs its command through $SHELL -c.  Without the exec, a shell
# that stays between script and the REPL (dash, CI's /bin/sh when SHELL is
# unset) takes the Ctrl-C as well and ends with status 130, though the REPL
# itself survived: the test failed in CI only, where SHELL was not bash.
# the terminal's echo and readline's escapes left out
tr -d '\r' <"$t/out" | sed 's/\x1b\[?2004[hl]//g' | grep -o -E '<repl>.*|^[0-9]+$'
exit $st
