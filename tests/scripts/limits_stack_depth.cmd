# The budget follows the stack limit, so pin it (8 MiB, a budget of 6 MiB);
# the column at which the stack ran out depends on the frame sizes of the
# build (a sanitizer build has larger ones), so it is left out.
ulimit -s 8192 || exit 99
t=$(mktemp -d "${TMPDIR:-/tmp}/lc-stack.XXXXXX") || exit 99
trap 'rm -rf "$t"' EXIT
"$LIECHECK" limits_stack_depth.lc 2>"$t/err"
st=$?
sed 's/column [0-9]*)/column C)/' "$t/err" >&2
exit $st
