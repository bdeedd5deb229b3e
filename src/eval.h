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

/* The default and the accepted range of the working precision, in bits. */
#define LC_PREC_DEFAULT 128
#define LC_PREC_MIN 2
#define LC_PREC_MAX 1048576

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
    int echo;               /* print the value of expression statements */
    FILE * out;             /* where print() and echoes go */
}
lc_session_struct;

typedef lc_session_struct lc_session_t[1];

void lc_session_init(lc_session_t S);
void lc_session_clear(lc_session_t S);

/* The value of a variable (a borrowed reference), or NULL. */
lc_val lc_session_get(const lc_session_t S, const char * name);
/* Bind name to v; takes over the caller's reference to v. */
void lc_session_set(lc_session_t S, const char * name, lc_val v);

/* Run the statements of c in order, stopping at the first error (returned,
   with its position and message in d).  Variables assigned before the error
   stay assigned. */
int lc_eval_chunk(lc_session_t S, const lc_chunk_t c, lc_diag_t d);

/* Parse and run len bytes of source. */
int lc_eval_source(lc_session_t S, const char * src, size_t len, lc_diag_t d);

#endif
