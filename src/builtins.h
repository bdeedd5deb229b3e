/* builtins.h -- the registry of built-in functions.
 *
 * One typed table, after LiE: each row names the function, the kinds of its
 * arguments, the C function, a paragraph of help and the family (the lib
 * module it exposes).  The table is assembled from one array per source file
 * (lc_builtins_core, lc_builtins_check, ...), listed once in builtins.c; every
 * lookup, help text and argument check goes through that list.
 *
 * Several rows may share a name when they take different kinds of arguments
 * (centre(L) for a Lie algebra, centre(G, limit) for a group): the caller
 * tries the rows of the name in registry order and runs the first whose
 * arity and kinds fit, so every form is checked the same way, and a call
 * that fits none is told which forms exist.  Two rows of one name that some
 * argument list fits both would make the later one unreachable for it;
 * lc_builtin_check_registry, run when a session starts, refuses that. */
#ifndef LC_BUILTINS_H
#define LC_BUILTINS_H

#include "eval.h"

/* A list-of-matrices argument (kinds M and X), unpacked by the caller:
   shallow copies of the entries, read only and valid during the call (the
   list is borrowed from the caller, which frees the array afterwards).  m is
   NULL when the list is empty or, for kind X, holds a ball matrix. */
typedef struct
{
    fmpq_mat_struct * m;
    slong len;
}
lc_mats_struct;

/* A built-in: *res := f(args).  The arguments have been checked against the
   row's kinds; mats[i] is the unpacked argument i when the row gives it kind
   M or X, {NULL, 0} when that argument is omitted or nil (mats is NULL for
   rows without those kinds).  On failure return an
   error code with a message in err, without the function's name (the caller
   prefixes it), and leave *res unset. */
typedef int (*lc_builtin_fn)(lc_val * res, lc_session_struct * S, lc_val * args, slong nargs,
                             const lc_mats_struct * mats, lc_err_t err);

/* The parameter list of every built-in, so that the files defining them
   spell it once (#define ARGS LC_BUILTIN_PARAMS). */
#define LC_BUILTIN_PARAMS lc_val * res, lc_session_struct * S, lc_val * args, slong nargs, \
    const lc_mats_struct * mats, lc_err_t err
#define LC_BUILTIN_UNUSED (void) S; (void) args; (void) nargs; (void) mats; (void) err

/* Argument kinds, one character per argument; when there are more
   arguments than characters the last character applies to the rest:
     a  any value          n  number           i  integer
     m  matrix             l  lie algebra      L  list
     s  string             c  list or string   f  string or function
     b  bool               x  matrix, exact or ball      F  function (def or built-in)
     p  permutation        g  group            T  transformer model
     R  representation
     r  number, exact or ball                  v  number or matrix, exact or ball
     M  list of exact matrices, unpacked into mats[i].m
     X  list of matrices, exact or ball; mats[i].m unpacks them when all are exact
   An argument skipped by keywords (lc_val_omitted) fits every kind in an
   optional position; a nil value given explicitly fits only kind a. */

/* The family of a built-in: the lib module whose mathematics it exposes
   (help() groups by it), or LC_FAM_CORE for the language itself. */
typedef enum
{
    LC_FAM_CORE = 0,        /* the language and the session: print, prec, help, map, ... */
    LC_FAM_QMAT,
    LC_FAM_LIE,
    LC_FAM_GROUP,
    LC_FAM_MAGMA,
    LC_FAM_BALL,
    LC_FAM_MATFUN,
    LC_FAM_EQUIV,
    LC_FAM_FINFO,
    LC_FAM_TRANSFORMER,
    LC_FAM_GAUGE,
    LC_FAM_SSM,
    LC_FAM_LIEATTN,
    LC_FAM_REP,
    LC_FAM_CHECK,
    LC_FAM_CLAIM,
    LC_FAM_COUNT
}
lc_family;

/* "lie", "qmat", ...: the name of a family (its lib module). */
const char * lc_family_name(lc_family f);
/* "matrix Lie algebras over Q", ...: what a family is about. */
const char * lc_family_title(lc_family f);

typedef struct lc_builtin_struct
{
    lc_family family;
    const char * name;
    const char * kinds;
    slong min_args;
    slong max_args;         /* -1: no upper limit */
    lc_builtin_fn fn;
    const char * sig;       /* "bracket(A, B)": the name, then the parameters */
    /* A paragraph (tests/test_help.c holds every row to at least two
       sentences and 120 characters): what it computes, its arguments and
       defaults, what it returns (exact, ball, certified), its limits and
       errors.  No line breaks in it: help() wraps it at 80 columns and
       apropos shows its first sentence. */
    const char * help;
    /* Source that uses the built-in and runs without error in a fresh
       session (lines separated by \n); help() shows it and the test suite
       runs every row's example, so the help cannot drift from the code. */
    const char * example;
}
lc_builtin_struct;

/* The per-file arrays of rows.  A module adds its rows by defining such an
   array and its length in its file, declaring both here and listing them in
   the registry in builtins.c. */

/* Matrices, Lie algebras and the session (builtins.c). */
extern const lc_builtin_struct lc_builtins_core[];
extern const slong lc_nbuiltins_core;

/* The language: map and filter over lists, range, load, time, vars, quit
   (lang_fns.c). */
extern const lc_builtin_struct lc_builtins_lang[];
extern const slong lc_nbuiltins_lang;

/* Checks, claims and certified numerics (check_fns.c). */
extern const lc_builtin_struct lc_builtins_check[];
extern const slong lc_nbuiltins_check;

/* Certified numerics: balls, exp / log, norms, QR, instances, scores (matfun_fns.c). */
extern const lc_builtin_struct lc_builtins_matfun[];
extern const slong lc_nbuiltins_matfun;

/* Entrywise maps and equivariance (equiv_fns.c). */
extern const lc_builtin_struct lc_builtins_equiv[];
extern const slong lc_nbuiltins_equiv;

/* Sequences, certificates, finite information (finfo_fns.c). */
extern const lc_builtin_struct lc_builtins_finfo[];
extern const slong lc_nbuiltins_finfo;

/* Sequence models: Magnus terms, towers, free nilpotent algebras (ssm_fns.c). */
extern const lc_builtin_struct lc_builtins_ssm[];
extern const slong lc_nbuiltins_ssm;

/* Finite operations: Cayley tables, homomorphisms, actions (magma_fns.c). */
extern const lc_builtin_struct lc_builtins_magma[];
extern const slong lc_nbuiltins_magma;

/* Transformer models (transformer_fns.c). */
extern const lc_builtin_struct lc_builtins_transformer[];
extern const slong lc_nbuiltins_transformer;
extern const lc_builtin_struct lc_builtins_llama[];
extern const slong lc_nbuiltins_llama;

/* Gauge symmetries of transformer models (gauge_fns.c). */
extern const lc_builtin_struct lc_builtins_gauge[];
extern const slong lc_nbuiltins_gauge;

/* Finite groups and permutations, with the group forms of the Lie built-ins
   (group_fns.c). */
extern const lc_builtin_struct lc_builtins_group[];
extern const slong lc_nbuiltins_group;

/* Group representations and exact equivariant maps (rep_fns.c). */
extern const lc_builtin_struct lc_builtins_rep[];
extern const slong lc_nbuiltins_rep;

/* a op b when a or b is a permutation: p * q (first p, then q), p / q,
   p ^ k, p ^ q (conjugation q^-1 p q), i ^ p (the image of point i). */
int lc_groupfn_arith(lc_val * out, lc_tok_kind op, const lc_val a, const lc_val b, lc_err_t err);

/* The registry as one table: its number of rows, and row i (0-based, in the
   order of the arrays in builtins.c). */
slong lc_builtin_nrows(void);
const lc_builtin_struct * lc_builtin_row(slong i);

/* The first row named name, or NULL.  A function value refers to it and
   stands for every row of the name. */
const lc_builtin_struct * lc_builtin_find(const char * name);

/* The position of parameter name in the signature of some row named like b,
   or -1 (for keyword arguments: f(x, heads=3)). */
slong lc_builtin_param_index(const lc_builtin_struct * b, const char * name);

/* Pick the row named like b that fits the arguments, check and unpack them,
   then call it.  Messages come back as "NAME: ..."; when a name has several
   rows and none fits, the message lists them: "centre: no form takes (a
   list); accepted: centre(L), centre(G, limit)". */
int lc_builtin_call(lc_val * res, lc_session_struct * S, const lc_builtin_struct * b,
                    lc_val * args, slong nargs, lc_err_t err);

/* The invariants of a table of n rows: known kind letters, 0 <= min_args <=
   max_args (or max_args = -1), a signature that starts with "NAME(", a
   family in range, and no two rows of one name that an argument list fits
   both.  LC_OK, or LC_E_ARG with a message naming the rows. */
int lc_builtin_check_table(const lc_builtin_struct * rows, slong n, lc_err_t err);

/* The same for the whole registry, across its arrays (lc_session_init runs
   it and aborts on failure: a broken registry is a programming error). */
int lc_builtin_check_registry(lc_err_t err);

#endif
