/* value.h -- the values of the liecheck language.
 *
 * A value is a pointer to a reference-counted, immutable object.  Because
 * nothing is mutated after construction, values can be shared freely (a
 * variable, a list element and the evaluator's temporaries may all hold the
 * same matrix) and no reference cycle can ever form, so counting is enough.
 * nil, true and false are immortal singletons.  The tag set is meant to grow
 * (balls, groups, user functions, claims come later). */
#ifndef LC_VALUE_H
#define LC_VALUE_H

#include <stdio.h>
#include "liecheck.h"
#include "ball.h"

/* Significant digits of a ball's midpoint when printed (Arb's decimal form
   [mid +/- rad]; the radius is widened to cover the rounding). */
#define LC_BALL_DIGITS 20

/* The most significant digits digits() and decimal() accept. */
#define LC_DIGITS_MAX 100000

/* Lists nest at most this deep, so that printing and freeing them (which
   recurse) cannot exhaust the C stack. */
#define LC_MAX_LIST_DEPTH 1000

/* A list value holds at most this many elements, counting those of nested
   lists (a list shared n times counts n times): walking it (printing,
   comparing) costs that much, however little memory sharing takes. */
#define LC_MAX_LIST_SIZE WORD(10000000)

/* A string value is at most this many bytes long. */
#define LC_MAX_STR_LEN WORD(67108864)

typedef enum
{
    LC_V_NIL = 0,
    LC_V_BOOL,
    LC_V_NUM,       /* exact rational, fmpq */
    LC_V_STR,
    LC_V_MAT,       /* exact rational matrix, fmpq_mat */
    LC_V_LIST,
    LC_V_LIE,       /* matrix Lie algebra over Q */
    LC_V_PERM,      /* a permutation (lib/group) */
    LC_V_GROUP,     /* a finite permutation group (lib/group), owned */
    LC_V_BUILTIN,   /* a built-in function (see builtins.h) */
    LC_V_FUNC,      /* a user function: def f(X) = ... */
    LC_V_BALL,      /* a real ball, arb_t */
    LC_V_BMAT,      /* a matrix of real balls, arb_mat_t */
    LC_V_MODEL,     /* a transformer model (lib/transformer), owned */
    LC_V_REP        /* a group representation (lib/rep), owned */
}
lc_vtype;

struct lc_builtin_struct;
struct lc_node_struct;

typedef struct lc_val_struct
{
    lc_vtype type;
    slong refs;     /* < 0: immortal */
    union
    {
        int b;
        fmpq_t q;
        struct { char * s; size_t len; } str;
        fmpq_mat_t m;
        struct { struct lc_val_struct ** items; slong len; int depth; slong size; } list;
        lc_lie_t lie;
        lc_perm_t perm;
        lc_group_struct * group;       /* LC_V_GROUP */
        const struct lc_builtin_struct * fn;
        arb_t ball;
        arb_mat_t bm;
        struct lc_node_struct * def;   /* LC_V_FUNC: an owned copy of the def */
        lc_tmodel_struct * model;       /* LC_V_MODEL */
        lc_rep_struct * rep;            /* LC_V_REP */
    } u;
    /* LC_V_BOOL: decided by a certified ball comparison rather than exactly,
       so that a check built on it is certified, never exact (lib/check). */
    int cert;
}
lc_val_struct;

typedef lc_val_struct * lc_val;

/* Constructors return a value with one reference owned by the caller. */
lc_val lc_val_nil(void);
/* The nil that stands for an argument of a built-in skipped by keywords
   (f(x, heads=3) skips the ones between): it fits every kind in an optional
   position, and a built-in reads it as omitted.  A nil given explicitly
   (the value of print()) is not this one, and is checked against the kind
   like any other value. */
lc_val lc_val_omitted(void);
lc_val lc_val_bool(int b);
/* A boolean decided by certified ball arithmetic (cert != 0) or exactly. */
lc_val lc_val_bool_cert(int b, int cert);
lc_val lc_val_num(const fmpq_t q);
lc_val lc_val_si(slong n);
lc_val lc_val_str(const char * s, size_t len);
lc_val lc_val_cstr(const char * s);
/* A matrix value holding an initialised 0x0 matrix, to be filled (through
   v->u.m) before the value is shared. */
lc_val lc_val_mat(void);
/* A Lie algebra value holding an initialised algebra, likewise. */
lc_val lc_val_lie(void);
/* A permutation (the identity of degree 0) and a group (trivial), likewise. */
lc_val lc_val_perm(void);
lc_val lc_val_group(void);
lc_val lc_val_builtin(const struct lc_builtin_struct * fn);
/* A ball (zero) and a 0x0 ball matrix, to be filled before sharing. */
lc_val lc_val_ball(void);
lc_val lc_val_bmat(void);
/* A transformer model value holding an initialised, empty model (through
   v->u.model), to be filled before sharing. */
lc_val lc_val_model(void);
/* A representation value holding an initialised, zero-dimensional
   representation (through v->u.rep), to be filled before sharing. */
lc_val lc_val_rep(void);
/* A user function; takes over def (a tree from lc_node_copy). */
lc_val lc_val_func(struct lc_node_struct * def);

/* A list of len items; takes over the caller's references to the items.
   Returns NULL (and frees the items) when nesting would exceed
   LC_MAX_LIST_DEPTH.  Its size (u.list.size: len plus the sizes of the
   items that are lists, saturating at WORD_MAX) is recorded, not checked:
   the evaluator refuses lists larger than LC_MAX_LIST_SIZE. */
lc_val lc_val_list(lc_val * items, slong len);

lc_val lc_val_ref(lc_val v);
void lc_val_unref(lc_val v);

/* "number", "matrix", ... and with an article: "a number", "an integer". */
const char * lc_val_type_name(const lc_val v);
const char * lc_val_kind(const lc_val v);

/* Whether v is a number with denominator 1 that fits in an slong. */
int lc_val_is_si(const lc_val v);
slong lc_val_get_si(const lc_val v);

/* The canonical text of v: integers, p/q, true/false, nil, [a, b],
   [[1, 2/3], [0, 1]], the algebra summary.  Strings appear raw when raw is
   set (print) and quoted with escapes otherwise (inside lists).  The result
   is flint_malloc'ed. */
char * lc_val_get_str(const lc_val v, int raw);
void lc_val_fprint(FILE * f, const lc_val v, int raw);

/* The same with balls printed to the given number of significant digits
   (Arb's arb_get_str: fewer digits when the radius does not allow them, and
   the radius widened to cover the rounding of the midpoint). */
char * lc_val_get_str_digits(const lc_val v, int raw, slong digits);
void lc_val_fprint_digits(FILE * f, const lc_val v, int raw, slong digits);

/* A matrix (exact or ball) as an aligned 2-D block, one row per line, the
   columns right-aligned: for the REPL's echo.  Other values: as
   lc_val_get_str_digits. */
char * lc_val_get_pretty(const lc_val v, slong digits);

/* q rounded to nearest (ties away from zero) to n significant digits:
   positional for decimal exponents -5..n-1, scientific (2.5e-80)
   otherwise, with a leading "~" when the decimal is not exactly q.
   flint_malloc'ed. */
char * lc_val_decimal_str(const fmpq_t q, slong n);

#endif
