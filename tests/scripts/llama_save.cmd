# save_model writes files: run the script in a temporary directory (the
# source tree may be read-only), then remove it.  The certified bounds are
# stripped.
d=$(mktemp -d "${TMPDIR:-/tmp}/lc-save.XXXXXX") || exit 99
cp llama_save.lc "$d"/ && (cd "$d" && "$LIECHECK" llama_save.lc) | sed 's/ (|deviation| <= [^)]*)//'
rm -rf "$d"
