"$LIECHECK" - < cli_stdin.lc && "$LIECHECK" < cli_stdin.lc
