/* limit.h -- limits that hold: interrupts, time and memory, checked where
 * the work happens.
 *
 * One mechanism for every long computation.  Three things can stop it:
 *
 *   - an interrupt: lc_limit_interrupt() (async-signal-safe; the SIGINT
 *     handler of lc_limit_catch_sigint calls it) raises a flag;
 *   - a time limit: a deadline for the whole run (--timeout) and one for the
 *     current scope (a claim's timeout(S));
 *   - a memory limit: once lc_limit_memory_install() has routed GMP's and
 *     FLINT's allocations through a counter, a request that would take the
 *     memory in use past the limit is refused before it is made.
 *
 * Long loops call lc_limit_check() (functions that return an error) or
 * lc_limit_poll() (void functions), which turn a pending stop into an
 * error, LC_E_INTERRUPT or LC_E_LIMIT, that unwinds through the ordinary
 * error returns.
 *
 * A refused allocation cannot return: GMP has no way to report a failed
 * allocation, and FLINT's flint_malloc aborts on NULL.  So the refusal
 * unwinds with longjmp to the innermost guard (lc_limit_guard_enter), which
 * the evaluator sets at every statement; lc_limit_poll unwinds the same way
 * when the stop cannot be returned.  GMP's manual leaves the effect of a
 * longjmp out of an allocation function undefined; what liecheck relies on
 * is narrower: the refusal happens before the block is obtained, so the
 * object being grown keeps its old, valid block, and nothing that survives
 * the statement is modified by it (values are immutable; the session state
 * that a statement changes is restored by the guard's owner).  What the
 * abandoned computation had allocated is not freed: those blocks stay on the
 * list of live blocks (so no leak checker calls them lost) and keep counting
 * against the limit; lc_limit_memory_abandoned() says how much that is.
 * The caches of FLINT, Arb and MPFR (constants such as pi, which a
 * computation might have been refilling in place) are dropped after an
 * unwind (flint_cleanup), so no half-computed constant is ever reused.
 *
 * Without a guard a refused allocation prints the reason and exits with
 * status 2: it can neither return nor be ignored.
 *
 * This is the only module with process-wide mutable state, because signals
 * and allocation functions are process-wide; it is not thread-safe (liecheck
 * runs FLINT with one thread). */
#ifndef LC_LIMIT_H
#define LC_LIMIT_H

#include <setjmp.h>
#include <stddef.h>
#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ----------------------------------------------------------- interrupts */

/* Raise the interrupt flag (async-signal-safe). */
void lc_limit_interrupt(void);

/* Install a SIGINT handler that calls lc_limit_interrupt(); a second SIGINT
   while the flag is still raised ends the process the default way (a
   computation that never reaches a check can still be stopped).  A process
   that started with SIGINT ignored keeps ignoring it.  With restart, system
   calls interrupted by it are restarted (SA_RESTART: a script's reads and
   writes go on, the computation notices the flag); without, they fail with
   EINTR (the REPL's read of a line, which Ctrl-C abandons).  Returns 0, or
   -1 when sigaction failed. */
int lc_limit_catch_sigint(int restart);

/* Whether the flag is raised; lower it (the REPL does, back at its prompt). */
int lc_limit_interrupted(void);
void lc_limit_clear_interrupt(void);

/* ----------------------------------------------------------------- time */

/* Seconds on a monotonic clock. */
double lc_limit_now(void);

/* The whole run may last `seconds` more (0: no limit). */
void lc_limit_set_timeout(double seconds);

/* The current scope (a claim) ends at start + seconds; 0 seconds clears it.
   Only one scope deadline exists at a time. */
void lc_limit_set_scope_timeout(double start, double seconds);
void lc_limit_clear_scope_timeout(void);

/* --------------------------------------------------------------- memory */

/* Route GMP's (mp_set_memory_functions) and FLINT's
   (__flint_set_memory_functions) allocations through the counter.  Call it
   first in main, before anything is allocated by GMP or FLINT, and never
   undo it: a block allocated before would be freed through the wrong
   functions.  Idempotent.

   Under a limit, a request of 1 MiB or more that would pass it is refused
   (unwinding, see above).  A smaller one may pass it by a slack (a
   sixteenth of the limit, at least 4 MiB) and is then allowed: small
   blocks are mostly the libraries' bookkeeping, some of which (FLINT's
   cache of integers) records a larger size before it gets the block, so
   that unwinding out of it would leave the cache corrupt.  The next
   lc_limit_check then fails, and the computation stops through its error
   returns, freeing what it holds.  Past the slack small blocks are refused
   too. */
void lc_limit_memory_install(void);
int lc_limit_memory_installed(void);

/* The limit in bytes (0: none; the default until set). */
void lc_limit_set_max_memory(size_t bytes);
size_t lc_limit_max_memory(void);

/* The default of the command line: 8 GiB or half of the physical memory,
   whichever is smaller. */
size_t lc_limit_default_max_memory(void);

/* Bytes in use by GMP and FLINT now, the most ever in use, and the bytes
   left behind by computations that were unwound (see above). */
size_t lc_limit_memory_used(void);
size_t lc_limit_memory_peak(void);
size_t lc_limit_memory_abandoned(void);

/* Whether `bytes` more would fit under the limit; otherwise LC_E_LIMIT with
   "WHAT needs about N bytes, more than the memory limit allows (...)".  For
   checks before a big exact operation, so that it is refused up front. */
int lc_limit_memory_check(size_t bytes, const char * what, lc_err_t err);

/* Parse a size such as 512M, 2G, 1048576 or 64K (suffixes K, M, G, T are
   powers of 1024, an optional B after them); LC_E_ARG otherwise. */
int lc_limit_parse_bytes(size_t * bytes, const char * s, lc_err_t err);

/* "1.5 GiB", "512 MiB", "100 bytes" into buf. */
void lc_limit_format_bytes(char * buf, size_t n, size_t bytes);

/* ---------------------------------------------------------------- stack */

/* The C stack that the evaluator's recursion may use, in bytes: the stack
   limit (getrlimit(RLIMIT_STACK), at most 1 GiB; 8 MiB when unknown or
   unlimited) less a reserve for the libraries beneath (a quarter of it, at
   least 1 MiB). */
size_t lc_limit_stack_budget(void);

/* ---------------------------------------------------- cooperative checks */

/* LC_OK, or the pending stop as an error: LC_E_INTERRUPT "interrupted", or
   LC_E_LIMIT "time limit of S s reached" (with " (--timeout)" for the run's)
   or "memory limit of L reached: N in use" (small blocks may pass the limit
   by a slack, see lc_limit_memory_install).  err may be NULL.  Cheap: two
   tests, and a clock read only while a deadline is set. */
int lc_limit_check(lc_err_t err);

/* Whether the whole run must stop (an interrupt or the run's deadline), as
   opposed to only the current scope. */
int lc_limit_run_stopped(void);

/* For loops that cannot return an error: when lc_limit_check would fail and
   a guard is set, unwind to it; otherwise return and let the loop go on. */
void lc_limit_poll(void);

/* ---------------------------------------------------------------- guards */

typedef struct lc_limit_guard_struct
{
    jmp_buf env;
    struct lc_limit_guard_struct * prev;
    size_t used;        /* memory in use when the guard was set */
    lc_err_t err;       /* why it was unwound */
}
lc_limit_guard;

/* Set g as the innermost guard; then call setjmp(g->env) in the same
   function (not in an expression: `if (setjmp(g->env) == 0)`).  A zero
   return runs the protected code, which must end with
   lc_limit_guard_leave(g); a non-zero return means it was unwound: g is
   already left and g->err says why. */
void lc_limit_guard_enter(lc_limit_guard * g);
void lc_limit_guard_leave(lc_limit_guard * g);

/* Unwind to the innermost guard with code and message (or, without one,
   print the message and exit with status 2). */
#if defined(__GNUC__)
__attribute__((noreturn))
#endif
void lc_limit_unwind(int code, const char * msg);

#ifdef __cplusplus
}
#endif

#endif
