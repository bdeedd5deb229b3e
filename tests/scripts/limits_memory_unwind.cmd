# How much more was asked for, and how much was in use, depends on GMP's
# algorithms: left out.
t=$(mktemp -d "${TMPDIR:-/tmp}/lc-memory.XXXXXX") || exit 99
trap 'rm -rf "$t"' EXIT
"$LIECHECK" --max-memory 32M limits_memory_unwind.lc 2>"$t/err"
st=$?
sed 's/reached: .* more were asked for, with .* in use/reached: N more were asked for, with M in use/' "$t/err" >&2
exit $st
