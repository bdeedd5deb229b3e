# The man page and the manual's function reference are generated from the
# registry (make docs); the committed text must be what it writes.
sh ../../doc/gen-reference.sh "$LIECHECK" man ../../doc/liecheck.1 check
sh ../../doc/gen-reference.sh "$LIECHECK" md ../../doc/liecheck.md check
