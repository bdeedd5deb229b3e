if [ ! -c /dev/full ]; then
    for i in 1 2 3 4; do echo "status 2"; done
    cat "$(dirname "$0")/stdout_full.err" >&2
    exit 0
fi
"$LIECHECK" -e 'print(1)' > /dev/full; echo "status $?"
"$LIECHECK" -e 'print(eye(300))' -e 'print(2)' > /dev/full; echo "status $?"
"$LIECHECK" --help > /dev/full; echo "status $?"
"$LIECHECK" --version > /dev/full; echo "status $?"
