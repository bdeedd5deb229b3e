/* repl.h -- the interactive read-eval-print loop. */
#ifndef LC_REPL_H
#define LC_REPL_H

#include "eval.h"

/* Where the REPL keeps its history, relative to $HOME. */
#define LC_HISTORY_FILE ".liecheck_history"

/* Read lines from the terminal and run them in S until quit, exit or end of
   input.  Errors are reported as <repl>:LINE:COL and the session goes on
   with its variables intact.  A line that leaves a ( or [ open is continued
   on the next one.  Returns the exit status (0). */
int lc_repl(lc_session_t S);

#endif
