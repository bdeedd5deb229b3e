#!/bin/sh
# repl_tmux.sh [LIECHECK] -- the REPL as a person uses it, at a real terminal:
# liecheck runs in a detached tmux session (its own server socket, no tmux
# configuration, a private HOME) and the test types into it.  Without an
# argument (as `make check` runs it, from the top build directory) LIECHECK is
# src/liecheck.
#
#   1. A = 7
#   2. killing_ TAB TAB lists killing_form and killing_rank; f TAB completes
#      killing_form (readline adds a space after a completed word), and the
#      completed call runs
#   3. a closure that takes seconds (two random 40x40 matrices, dimension
#      1600), interrupted by C-c 0.5 s after it starts: the prompt must be
#      back within 1 s (on a second try, if the machine was busy)
#   4. print(A) still prints 7
#   5. ~/.liecheck_history holds every entry, written as each was accepted
#      (checked before quitting), and quit ends the session
#
# Skips (exit 77) with a message when tmux is missing; exits 1 with the
# screen when a step fails, 99 on a broken setup.

LIECHECK=${1:-src/liecheck}
case $LIECHECK in
    /*) ;;
    *) LIECHECK=$(pwd)/$LIECHECK ;;
esac
[ -x "$LIECHECK" ] || { echo "$0: no program $LIECHECK" >&2; exit 99; }
if ! command -v tmux >/dev/null 2>&1; then
    echo "SKIP: tmux is not installed (apt-get install tmux); the REPL test did not run"
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-tmux.XXXXXX") || exit 99
mkdir "$tmp/home" || exit 99
sock=$tmp/tmux.sock
T() { tmux -S "$sock" -f /dev/null "$@"; }
cleanup() { T kill-server >/dev/null 2>&1; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 1' HUP INT PIPE TERM

# now in milliseconds
now() { date +%s%3N; }
screen() { T capture-pane -p -t lc 2>/dev/null; }
# the last line of the screen that is not empty
last_line() { screen | sed -e '/^[[:space:]]*$/d' | tail -n 1; }
fail() {
    echo "FAIL: $*"
    echo "---- screen ----"
    screen
    echo "---- history file ----"
    cat "$tmp/home/.liecheck_history" 2>/dev/null
    exit 1
}
# wait_for SECONDS COMMAND...: poll every 50 ms until COMMAND succeeds
wait_for() {
    limit=$(( $(now) + $1 * 1000 )); shift
    while ! "$@"; do
        [ "$(now)" -lt "$limit" ] || return 1
        sleep 0.05
    done
}
at_prompt() { [ "$(last_line)" = "lc>" ]; }
on_screen() { screen | grep -q -e "$1"; }

# The program, not libtool's wrapper around it when it is one: the wrapper
# is a shell that would sit between the terminal and liecheck.
prog=$LIECHECK
if [ -x ./libtool ] && head -c 200 "$LIECHECK" | grep -q '^#!'; then
    prog="./libtool --mode=execute $LIECHECK"
fi

T new-session -d -s lc -x 150 -y 50 \
    "env HOME='$tmp/home' INPUTRC=/dev/null TERM=xterm LC_ALL=C $prog" || exit 99
wait_for 10 at_prompt || fail "no prompt 'lc> ' after start"

# 1. a variable
T send-keys -t lc 'A = 7' Enter
wait_for 5 at_prompt || fail "no prompt after A = 7"

# 2. completion of a built-in: the prefix is ambiguous, TAB TAB lists both
T send-keys -t lc 'killing_' Tab Tab
wait_for 5 on_screen 'killing_form.*killing_rank' ||
    fail "TAB TAB after killing_ did not list killing_form and killing_rank"
T send-keys -t lc 'f' Tab
wait_for 5 on_screen '^lc> killing_form$' || fail "TAB did not complete killing_f to killing_form"
T send-keys -t lc '(lie([[0, 1], [0, 0]], [[0, 0], [1, 0]]))' Enter
wait_for 5 on_screen '8' || fail "killing_form(sl(2)) printed no 8"
wait_for 5 at_prompt || fail "no prompt after killing_form(...)"

# 3. C-c during a long closure.  Up to three tries while one takes more than
# 1 s: on a loaded machine (make -j check, a sanitizer build, other jobs on
# the cores) the scheduler alone can take that long; an interrupt that is
# not seen takes seconds every time.
interrupt() {
    T send-keys -t lc 'seed(1); L = lie(random_matrix(40, 40, 9), random_matrix(40, 40, 9))' Enter
    sleep 0.5
    at_prompt && fail "the closure ended within 0.5 s: it no longer tests an interrupt"
    t0=$(now)
    T send-keys -t lc C-c
    wait_for 10 at_prompt || fail "no prompt within 10 s of C-c"
    ms=$(( $(now) - t0 ))
    echo "prompt back $ms ms after C-c"
}
interrupt
tries=1
while [ "$ms" -gt 1000 ] && [ $tries -lt 3 ]; do
    interrupt
    tries=$((tries + 1))
done
[ "$ms" -le 1000 ] || fail "the prompt came back more than 1000 ms after C-c, $tries times"

# 4. the variable survived
T send-keys -t lc 'print(A)' Enter
wait_for 5 at_prompt || fail "no prompt after print(A)"
screen | sed -e '/^[[:space:]]*$/d' | tail -n 2 | head -n 1 | grep -qx '7' ||
    fail "print(A) after the interrupt did not print 7"

# 5. the history file, written as the entries were accepted
h=$tmp/home/.liecheck_history
for entry in 'A = 7' 'killing_form (lie([[0, 1], [0, 0]], [[0, 0], [1, 0]]))' \
             'seed(1); L = lie(random_matrix(40, 40, 9), random_matrix(40, 40, 9))' 'print(A)'; do
    grep -qxF "$entry" "$h" 2>/dev/null || fail "the history file lacks the entry: $entry"
done
T send-keys -t lc 'quit' Enter
wait_for 5 sh -c "! tmux -S '$sock' -f /dev/null has-session -t lc 2>/dev/null" ||
    fail "quit did not end the session"
echo "PASS: REPL under tmux: completion, C-c, variables and history"
exit 0
