# load_model refuses what is not a safetensors file at once, without quoting
# its bytes: a directory, a text file (this test's .lc), a FIFO (which used
# to block forever).
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lc-lm.XXXXXX") || exit 99
mkfifo "$tmp/fifo" || exit 99
"$LIECHECK" -e 'load_model("../fixtures")'
"$LIECHECK" -e 'load_model("errors_load_model.lc")'
"$LIECHECK" -e "load_model(\"$tmp/fifo\")" 2>"$tmp/err"
st=$?
sed "s|$tmp|TMP|" "$tmp/err" >&2
rm -rf "$tmp"
exit $st
