/* builtins.h -- the table of built-in functions.
 *
 * One typed table, after LiE: each entry names the function, the kinds of
 * its arguments, the C function and a one-line help text.  The caller checks
 * arity and kinds from the table before the C function runs, so every
 * built-in reports "lie: argument 2 must be a matrix, got a list" the same
 * way, and help() is generated from the same entries. */
#ifndef LC_BUILTINS_H
#define LC_BUILTINS_H

#include "eval.h"

/* A built-in: *res := f(args).  The arguments have been checked against the
   entry's kinds.  On failure return an error code with a message in err,
   without the function's name (the caller prefixes it), and leave *res
   unset. */
typedef int (*lc_builtin_fn)(lc_val * res, lc_session_struct * S,
                             lc_val * args, slong nargs, lc_err_t err);

/* Argument kinds, one character per argument; when there are more
   arguments than characters the last character applies to the rest:
     a  any value          n  number           i  integer
     m  matrix             l  lie algebra      L  list
     s  string             c  list or string   f  string or function
     b  bool               x  matrix, exact or ball      F  function (def or built-in)
     p  permutation        g  group            G  lie algebra or group
     I  matrix (exact or ball) or permutation
     r  number, exact or ball                  v  number or matrix, exact or ball
     T  transformer model */
typedef struct lc_builtin_struct
{
    const char * name;
    const char * kinds;
    slong min_args;
    slong max_args;         /* -1: no upper limit */
    lc_builtin_fn fn;
    const char * sig;       /* "bracket(A, B)" */
    const char * help;      /* one line */
}
lc_builtin_struct;

/* The second table: certified numerics and claim checks (certify.c). */
extern const lc_builtin_struct lc_builtins_cert[];
extern const slong lc_nbuiltins_cert;

/* The third: sequences, user functions and equivariance (equivcheck.c). */
extern const lc_builtin_struct lc_builtins_equiv[];
extern const slong lc_nbuiltins_equiv;

/* The fourth: sequences, certificates, finite information (seqfns.c). */
extern const lc_builtin_struct lc_builtins_seq[];
extern const slong lc_nbuiltins_seq;

/* Sequence models: Magnus terms, towers, free nilpotent algebras (ssmfns.c). */
extern const lc_builtin_struct lc_builtins_ssm[];
extern const slong lc_nbuiltins_ssm;

/* Finite operations: Cayley tables, homomorphisms, actions (magmafns.c). */
extern const lc_builtin_struct lc_builtins_magma[];
extern const slong lc_nbuiltins_magma;

/* The fifth: transformer models (tfns.c). */
extern const lc_builtin_struct lc_builtins_tf[];
extern const slong lc_nbuiltins_tf;

/* Gauge symmetries of transformer models (gaugefns.c). */
extern const lc_builtin_struct lc_builtins_gauge[];
extern const slong lc_nbuiltins_gauge;

/* The sixth: finite groups and permutations (groupfns.c). */
extern const lc_builtin_struct lc_builtins_group[];
extern const slong lc_nbuiltins_group;

/* The group versions of built-ins that also take other kinds (perm with a
   string, derived_series(G), inv(p), ...): a core built-in whose argument is
   a group or permutation hands over to the entry of that name here. */
int lc_groupfn_overload(const char * name, lc_val * res, lc_session_struct * S,
                        lc_val * args, slong nargs, lc_err_t err);

/* a op b when a or b is a permutation: p * q (first p, then q), p / q,
   p ^ k, p ^ q (conjugation q^-1 p q), i ^ p (the image of point i). */
int lc_groupfn_arith(lc_val * out, lc_tok_kind op, const lc_val a, const lc_val b, lc_err_t err);

/* The position of parameter name in b's signature, or -1 (for keyword
   arguments: f(x, heads=3)). */
slong lc_builtin_param_index(const lc_builtin_struct * b, const char * name);

/* The entry named name (aliases included), or NULL. */
const lc_builtin_struct * lc_builtin_find(const char * name);

/* Check the arguments against b, then call it.  Messages come back as
   "NAME: ...". */
int lc_builtin_call(lc_val * res, lc_session_struct * S, const lc_builtin_struct * b,
                    lc_val * args, slong nargs, lc_err_t err);

#endif
