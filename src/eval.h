/* eval.h -- the evaluator of the liecheck language and its session.
 *
 * A session is everything a script or a REPL run owns: the variables, the
 * working precision and the random seed.  It is the only mutable state of the
 * interpreter (the library itself keeps none), so two sessions never see
 * each other. */
#ifndef LC_EVAL_H
#define LC_EVAL_H

#include <stdio.h>
#include "parse.h"
#include "value.h"
#include "claim.h"

/* The default and the accepted range of the working precision, in bits.
   Below 16 bits a ball cannot tell a certified bound from a real effect of
   a few percent (at 4 bits e and 27/10 agree within every enclosure), so
   the verdict rule (lib/check) would have nothing to stand on. */
#define LC_PREC_DEFAULT 128
#define LC_PREC_MIN 16
#ifndef LC_PREC_MAX             /* the fuzzer builds with a lower cap (Makefile.am) */
#define LC_PREC_MAX 1048576
#endif

typedef struct
{
    char * name;
    lc_val v;
}
lc_var_struct;

typedef struct
{
    lc_var_struct * vars;   /* open-addressing hash table, alloc a power of 2 */
    slong nvars;
    slong alloc;
    slong prec;             /* working precision in bits, for ball arithmetic */
    ulong seed;             /* seed of the random generator */
    flint_rand_t rnd;       /* the generator, reseeded by seed(s) */
    int echo;               /* print the value of expression statements */
    FILE * out;             /* where print() and echoes go */
    slong depth;            /* nesting of user-function calls */
    const char * chunk;     /* name of the chunk being run, for claims */
    lc_report_t report;     /* every claim checked in this session */
    /* The claim being checked (index into report->claims, -1 outside a
       claim) and the checks of its current run (lib/check decides the
       verdict from them); scratch takes a check made outside a claim. */
    slong claim;
    slong cov_line;         /* line of the item being run in a coverage block, 0 outside */
    lc_check_struct * chk;
    lc_check_t scratch;
    /* Limits (lib/limit): where the C stack stood at the outermost
       statement and how much of it the evaluator's recursion may use; the
       nesting of statements being run; the position of the innermost call
       (where an unwound computation is reported); when the current claim
       started (its timeout(S) counts from there). */
    char * stack_base;
    size_t stack_budget;
    slong nest;
    lc_pos_t at;
    double claim_t0;
    /* The variables that user-function parameters shadow, restored when the
       call returns or is unwound: names (owned by the variable table) and
       the shadowed values (NULL: none). */
    const char ** bind_names;
    lc_val * bind_saved;
    slong nbinds, bind_alloc;
    slong loads;            /* nesting of load("file.lc") */
    int quit;               /* set by quit() / exit(): the REPL or the run ends */
    slong digits;           /* significant digits printed for balls: digits(n) */
    int pretty;             /* echo matrices as aligned blocks: pretty(b); the REPL sets it */
}
lc_session_struct;

typedef lc_session_struct lc_session_t[1];

void lc_session_init(lc_session_t S);
void lc_session_clear(lc_session_t S);

/* The value of a variable (a borrowed reference), or NULL. */
lc_val lc_session_get(const lc_session_t S, const char * name);
/* Bind name to v; takes over the caller's reference to v. */
void lc_session_set(lc_session_t S, const char * name, lc_val v);

/* Where a check records itself: the current claim run's checks, or outside
   a claim an emptied scratch accumulator. */
lc_check_struct * lc_session_checks(lc_session_struct * S);

/* Record a true/false fact (exact, or certified by balls) with its text
   and, optionally, a description of the method; returns truth. */
int lc_session_fact(lc_session_struct * S, int truth, lc_check_kind kind,
                    const char * method, const char * text);

/* After a check recorded outcome o in lc_session_checks(S): *res := true
   when it was true, false otherwise (a certified boolean when the check
   was certified).  Outside a claim an undecided check is an error
   carrying its reason. */
int lc_session_finish_check(lc_val * res, lc_session_struct * S, lc_check_outcome o,
                            lc_err_t err);

/* The status with which quit() and exit() unwind the statements being run:
   not an error; lc_eval_chunk returns it and S->quit is set. */
#define LC_QUIT 1000

/* A while loop stops with an error after this many iterations. */
#define LC_MAX_LOOP_ITERATIONS WORD(10000000)

/* load("file.lc") nests at most this deep (a file that loads itself). */
#define LC_MAX_LOAD_DEPTH 16
/* the largest file load() reads: that of a script (256 MiB) */
#define LC_MAX_LOAD_BYTES (WORD(1) << 28)

/* Parse and run the script at path (relative to the directory of the chunk
   being run), as load(path) does; errors come back in err with the file,
   line and column of the failing statement. */
int lc_session_load(lc_session_struct * S, const char * path, lc_err_t err);

/* User-function calls nest at most this deep. */
#define LC_MAX_CALL_DEPTH 200

/* Remove a variable (a user function's parameter going out of scope). */
void lc_session_unset(lc_session_t S, const char * name);

/* *out := f(args) for a built-in or user function f (the arguments are
   borrowed).  Errors come back in err, prefixed with the function's name. */
int lc_call_value(lc_val * out, lc_session_struct * S, const lc_val f, lc_val * args,
                  slong nargs, lc_err_t err);

/* *out := a op b with the language's rules (op one of the operator tokens). */
int lc_arith(lc_val * out, lc_tok_kind op, const lc_val a, const lc_val b, slong prec, lc_err_t err);

/* The check equal(a, b) (check_fns.c): records a verdict in the current claim
   and sets *res to true or false. */
int lc_check_equal(lc_val * res, lc_session_struct * S, const lc_val a, const lc_val b,
                   const char * what, lc_err_t err);

/* Add text to the certificate of the current claim (no-op outside one). */
void lc_session_note(lc_session_struct * S, const char * text);

/* Attach v, named name, to the last check recorded as the input that
   refutes it (lib/check lc_check_attach): in the certificate when small,
   in a file next to the report otherwise. */
void lc_session_attach(lc_session_struct * S, const char * name, const lc_val v);

/* Run one statement (claims included). */
int lc_exec_stmt(lc_session_t S, const lc_node n, lc_diag_t d);

/* Run a claim statement (check_fns.c): its body at each precision of its
   sweep, recording a claim in S->report.  Errors inside the body do not stop
   the script: they make the claim UNDECIDED and are reported on stderr. */
int lc_exec_claim(lc_session_t S, const lc_node n, lc_diag_t d);

/* Evaluate e to a list of precisions (flint_free *precs). */
int lc_eval_precisions(slong ** precs, slong * np, lc_session_t S, const lc_node e, lc_diag_t d);

/* Run the statements of c in order, stopping at the first error (returned,
   with its position and message in d).  Variables assigned before the error
   stay assigned. */
int lc_eval_chunk(lc_session_t S, const lc_chunk_t c, lc_diag_t d);

/* Parse and run len bytes of source.  When a statement fails, the claims
   after it in the source (parsed, never run) are recorded in S->report as
   UNDECIDED, "not reached: the run stopped at line L". */
int lc_eval_source(lc_session_t S, const char * src, size_t len, lc_diag_t d);

/* lc_parse, guarded: a parse that passes the memory limit is an error in d
   (LC_E_LIMIT) rather than an exit. */
int lc_parse_guarded(lc_chunk_t c, const char * src, size_t len, lc_diag_t d, int * incomplete);

/* After statement i of c failed with d: record the claim statements of c
   from i on that have no record in S->report as UNDECIDED ("not reached:
   the run stopped at line L"), and give a record of statement i that the
   failure left without checks the reason. */
void lc_session_unreached(lc_session_t S, const lc_chunk_t c, slong i, const lc_diag_t d);

#endif
