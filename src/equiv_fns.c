/* equiv_fns.c -- built-ins on sequences and user functions: entrywise maps
 * and the equivariance checks of Ma & Ying (orthogonal equivariance in the
 * embedding space, Definitions 3.1/3.2; permutation equivariance of the
 * sequence, Definition 4.1).
 *
 * A sequence is a d x n matrix X, one element per column.  Every trial draws
 * its transformation from the session's seeded generator and checks the
 * identity with equal(): exactly over Q when f is rational, with a certified
 * bound when f involves balls (softmax, exp, square roots).  The first
 * failing trial refutes, and its certificate prints the transformation
 * exactly, so that anyone can re-check it. */
#include "config.h"
#include <string.h>
#include "eval.h"
#include "builtins.h"
#include "ballops.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

/* Most trials an equivariance check runs. */
#define LC_MAX_TRIALS 1000

/* ------------------------------------------------------------- entrywise */

/* map(f, A): f applied to every entry of A.  The result is exact when every
   value is a number, a ball matrix when some value is a ball. */
static int
bi_map(ARGS)
{
    slong r, c, i, j;
    lc_val * vals, x;
    int st = LC_OK, any_ball = 0;

    UNUSED_ARGS;
    r = args[1]->type == LC_V_MAT ? args[1]->u.m->r : arb_mat_nrows(args[1]->u.bm);
    c = args[1]->type == LC_V_MAT ? args[1]->u.m->c : arb_mat_ncols(args[1]->u.bm);
    vals = flint_calloc(r * c + 1, sizeof(lc_val));
    for (i = 0; i < r && st == LC_OK; i++)
        for (j = 0; j < c && st == LC_OK; j++)
        {
            if (args[1]->type == LC_V_MAT)
                x = lc_val_num(fmpq_mat_entry(args[1]->u.m, i, j));
            else
            {
                x = lc_val_ball();
                arb_set(x->u.ball, arb_mat_entry(args[1]->u.bm, i, j));
            }
            st = lc_call_value(vals + i * c + j, S, args[0], &x, 1, err);
            lc_val_unref(x);
            if (st == LC_OK && vals[i * c + j]->type == LC_V_BALL)
                any_ball = 1;
            else if (st == LC_OK && vals[i * c + j]->type != LC_V_NUM)
                st = lc_err_set(err, LC_E_ARG, "the function must return a number, got %s",
                                lc_val_kind(vals[i * c + j]));
        }
    if (st == LC_OK)
    {
        if (any_ball)
        {
            *res = lc_val_bmat();
            lc_ball_resize((*res)->u.bm, r, c);
            for (i = 0; i < r * c; i++)
                lc_to_ball(arb_mat_entry((*res)->u.bm, i / c, i % c), vals[i], S->prec, err);
        }
        else
        {
            *res = lc_val_mat();
            lc_qmat_resize((*res)->u.m, r, c);
            for (i = 0; i < r * c; i++)
                fmpq_set(fmpq_mat_entry((*res)->u.m, i / c, i % c), vals[i]->u.q);
        }
    }
    for (i = 0; i < r * c; i++)
        lc_val_unref(vals[i]);
    flint_free(vals);
    return st;
}

static int
bi_trace(ARGS)
{
    slong n;

    UNUSED_ARGS;
    if (args[0]->type == LC_V_MAT)
    {
        fmpq_t t;

        if (args[0]->u.m->r != args[0]->u.m->c)
            return lc_err_set(err, LC_E_DIM, "the trace needs a square matrix");
        fmpq_init(t);
        fmpq_mat_trace(t, args[0]->u.m);
        *res = lc_val_num(t);
        fmpq_clear(t);
        return LC_OK;
    }
    n = arb_mat_nrows(args[0]->u.bm);
    if (n != arb_mat_ncols(args[0]->u.bm))
        return lc_err_set(err, LC_E_DIM, "the trace needs a square matrix");
    *res = lc_val_ball();
    arb_mat_trace((*res)->u.ball, args[0]->u.bm, S->prec);
    return LC_OK;
}

static int
bi_ones(ARGS)
{
    slong r = lc_val_get_si(args[0]), c = lc_val_get_si(args[1]);

    UNUSED_ARGS;
    if (r < 1 || c < 1 || r > LC_QMAT_MAX_SIZE || c > LC_QMAT_MAX_SIZE)
        return lc_err_set(err, LC_E_LIMIT, "sizes must be between 1 and %d", LC_QMAT_MAX_SIZE);
    *res = lc_val_mat();
    lc_qmat_ones((*res)->u.m, r, c);
    return LC_OK;
}

/* Entrywise product (op 0) or quotient (op 1) of two matrices of one shape:
   exact when both are exact, balls otherwise. */
static int
entrywise(lc_val * res, lc_session_struct * S, const lc_val a, const lc_val b, int op, lc_err_t err)
{
    arb_mat_t A, B;
    int st;

    if (a->type == LC_V_MAT && b->type == LC_V_MAT)
    {
        *res = lc_val_mat();
        if ((st = (op == 0 ? lc_qmat_hadamard : lc_qmat_ediv)((*res)->u.m, a->u.m, b->u.m, err))
            != LC_OK)
            lc_val_unref(*res);
        return st;
    }
    arb_mat_init(A, 0, 0);
    arb_mat_init(B, 0, 0);
    lc_to_bmat(A, a, S->prec, err);
    lc_to_bmat(B, b, S->prec, err);
    *res = lc_val_bmat();
    if ((st = (op == 0 ? lc_ball_hadamard : lc_ball_ediv)((*res)->u.bm, A, B, S->prec, err))
        != LC_OK)
        lc_val_unref(*res);
    arb_mat_clear(A);
    arb_mat_clear(B);
    return st;
}

static int
bi_hadamard(ARGS)
{
    UNUSED_ARGS;
    return entrywise(res, S, args[0], args[1], 0, err);
}

static int
bi_ediv(ARGS)
{
    UNUSED_ARGS;
    return entrywise(res, S, args[0], args[1], 1, err);
}

/* A uniformly random n x n permutation matrix (lc_rand_perm) into P. */
static void
random_perm(fmpq_mat_t P, slong n, flint_rand_t st)
{
    slong * p = flint_malloc(sizeof(slong) * n);
    lc_err_t e;

    lc_rand_perm(p, n, st);
    lc_qmat_perm(P, p, n, e);   /* cannot fail: p is a permutation */
    flint_free(p);
}

static int
bi_random_perm(ARGS)
{
    slong n = lc_val_get_si(args[0]);

    UNUSED_ARGS;
    if (n < 1 || n > LC_QMAT_MAX_SIZE)
        return lc_err_set(err, LC_E_LIMIT, "the size must be between 1 and %d, got %ld", LC_QMAT_MAX_SIZE,
                          (long) n);
    *res = lc_val_mat();
    random_perm((*res)->u.m, n, S->rnd);
    return LC_OK;
}

/* ----------------------------------------------------------- equivariance */

/* f(args) with one or two arguments. */
static int
call2(lc_val * out, lc_session_struct * S, const lc_val f, lc_val a, lc_val b, lc_err_t err)
{
    lc_val v[2];

    v[0] = a;
    v[1] = b;
    return lc_call_value(out, S, f, v, b != NULL ? 2 : 1, err);
}

static lc_val
mul(lc_val a, lc_val b, slong prec, lc_err_t err, int * st)
{
    lc_val r = NULL;

    if (*st == LC_OK)
        *st = lc_arith(&r, LC_TK_STAR, a, b, prec, err);
    return r;
}

/* One trial: transform T (d x d orthogonal on the left, or n x n permutation
   on the right), compare f(transformed input) with the transformed f(X). */
static int
trial(lc_val * ok, lc_session_struct * S, const lc_val f, const lc_val X, const lc_val Z,
      const lc_val fX, const lc_val T, int left, slong number, lc_err_t err)
{
    lc_val TX = NULL, TZ = NULL, fT = NULL, TfX = NULL;
    char what[200];
    int st = LC_OK;

    TX = left ? mul(T, X, S->prec, err, &st) : mul(X, T, S->prec, err, &st);
    if (Z != NULL)
        TZ = left ? mul(T, Z, S->prec, err, &st) : lc_val_ref(Z);
    if (st == LC_OK)
        st = call2(&fT, S, f, TX, TZ, err);
    TfX = left ? mul(T, fX, S->prec, err, &st) : mul(fX, T, S->prec, err, &st);
    if (st == LC_OK)
    {
        snprintf(what, sizeof(what), "%s, trial %ld",
                 left ? (Z ? "f(QX, QZ) = Q f(X, Z)" : "f(QX) = Q f(X)")
                      : (Z ? "f(XP, Z) = f(X, Z) P" : "f(XP) = f(X) P"), (long) number);
        st = lc_check_equal(ok, S, fT, TfX, what, err);
        /* The transformation that breaks it, in full (or in a file next to
           the report when it is large), to re-check by hand. */
        if (st == LC_OK && !(*ok)->u.b)
            lc_session_attach(S, left ? "Q" : "P", T);
    }
    lc_val_unref(TX);
    lc_val_unref(TZ);
    lc_val_unref(fT);
    lc_val_unref(TfX);
    return st;
}

static int
equivariance(lc_val * res, lc_session_struct * S, lc_val * args, slong nargs, lc_err_t err, int left)
{
    lc_val X = args[1], Z = nargs > 3 ? args[3] : NULL, fX = NULL, T, ok = NULL;
    slong trials = lc_val_get_si(args[2]), t, d, n;
    int st;

    if (trials < 1 || trials > LC_MAX_TRIALS)
        return lc_err_set(err, LC_E_LIMIT, "trials must be between 1 and %d", LC_MAX_TRIALS);
    d = X->u.m->r;
    n = X->u.m->c;
    if (Z != NULL && Z->type != LC_V_MAT)
        return lc_err_set(err, LC_E_ARG, "the knowledge Z must be a matrix, got %s", lc_val_kind(Z));
    if (Z != NULL && Z->u.m->r != d)
        return lc_err_set(err, LC_E_DIM, "X and Z must have the same number of rows (%ld and %ld)",
                          (long) d, (long) Z->u.m->r);
    if ((st = call2(&fX, S, args[0], X, Z, err)) != LC_OK)
        return st;
    for (t = 0; t < trials; t++)
    {
        T = lc_val_mat();
        if (left)
            lc_qmat_rand_orthogonal(T->u.m, d, S->rnd, 3);
        else
            random_perm(T->u.m, n, S->rnd);
        lc_val_unref(ok);
        ok = NULL;
        st = trial(&ok, S, args[0], X, Z, fX, T, left, t + 1, err);
        lc_val_unref(T);
        if (st != LC_OK || !ok->u.b)
            break;
    }
    lc_val_unref(fX);
    if (st != LC_OK)
    {
        lc_val_unref(ok);
        return st;
    }
    *res = ok;
    return LC_OK;
}

static int
bi_equivariant(ARGS)
{
    UNUSED_ARGS;
    return equivariance(res, S, args, nargs, err, 1);
}

static int
bi_perm_equivariant(ARGS)
{
    UNUSED_ARGS;
    return equivariance(res, S, args, nargs, err, 0);
}

const lc_builtin_struct lc_builtins_equiv[] =
{
    { LC_FAM_CORE, "map", "Fx", 2, 2, bi_map, "map(f, A)",
      "The matrix of f applied to every entry of the matrix A (exact or ball), same shape. f is a "
      "def or a built-in taking one number and must return a number for every entry; any other "
      "value is an argument error. The result is exact when every value is exact, and a ball "
      "matrix as soon as one value is a ball.",
      "def sq(x) = x * x\nmap(sq, [[1, 2], [3, 4]])" },
    { LC_FAM_QMAT, "hadamard", "xx", 2, 2, bi_hadamard, "hadamard(A, B)",
      "The entrywise (Hadamard) product, c_ij = a_ij b_ij, of two matrices of the same shape. "
      "Exact when both are exact (so checks on it can be PROVED); if either is a ball matrix, each "
      "entry is a certified enclosure at the working precision. Different shapes are a dimension "
      "error.",
      "hadamard([[1, 2], [3, 4]], [[5, 6], [7, 8]])" },
    { LC_FAM_QMAT, "ediv", "xx", 2, 2, bi_ediv, "ediv(A, B)",
      "The entrywise quotient, c_ij = a_ij / b_ij, of two matrices of the same shape. Exact when "
      "both are exact, erroring when some b_ij = 0 (naming the first such entry, 1-based); with a "
      "ball operand each entry is a certified enclosure, and a ball b_ij that contains 0 is an "
      "error since the quotient would be unbounded.",
      "ediv([[1, 2], [3, 4]], [[2, 2], [2, 2]])" },
    { LC_FAM_QMAT, "trace", "x", 1, 1, bi_trace, "trace(A)",
      "The trace (sum of the diagonal entries) of the square matrix A: an exact rational for an "
      "exact A, a certified ball at the working precision for a ball matrix. A non-square matrix "
      "is a dimension error.",
      "trace([[1, 2], [3, 4]])" },
    { LC_FAM_QMAT, "ones", "ii", 2, 2, bi_ones, "ones(m, n)",
      "The exact m x n matrix with every entry 1, for sizes between 1 and 4096 (others are a limit "
      "error). For example ones(n, n) / n is the averaging projection that "
      "permutation-equivariance examples use.",
      "ones(2, 3)" },
    { LC_FAM_QMAT, "random_perm", "i", 1, 1, bi_random_perm, "random_perm(n)",
      "A uniformly random n x n permutation matrix P (exact, with P e_j = e_p(j)), for n between 1 "
      "and 4096, drawn by a Fisher-Yates shuffle from the session's generator, so reproducible "
      "from seed(). Useful for permutation-equivariance checks by hand; perm_equivariant draws its "
      "own.",
      "seed(3)\nrandom_perm(3)" },
    { LC_FAM_EQUIV, "equivariant", "Fmia", 3, 4, bi_equivariant, "equivariant(f, X, trials, Z)",
      "Checks orthogonal equivariance f(QX) = Q f(X), or with the knowledge argument Z, f(QX, QZ) "
      "= Q f(X, Z), for the exact d x n matrix X, at trials (1 to 1000) random exact rational "
      "orthogonal d x d matrices Q drawn from seed(). Each trial is an equal() check: PROVED when "
      "f is exact, HOLDS with a bound when f uses balls. The first failing trial refutes, "
      "attaching Q exactly; returns the last outcome as a boolean.",
      "def f(X) = X * transpose(X) * X\nclaim \"X X^T X is equivariant\" { equivariant(f, [[1, 2], [3, 4], [5, 6]], 3) }" },
    { LC_FAM_EQUIV, "perm_equivariant", "Fmia", 3, 4, bi_perm_equivariant,
      "perm_equivariant(f, X, trials, Z)",
      "Checks permutation equivariance of the sequence f(XP) = f(X) P, or with the knowledge Z, "
      "f(XP, Z) = f(X, Z) P (Z is not permuted), for the exact d x n matrix X (one element per "
      "column), at trials (1 to 1000) random n x n permutation matrices P drawn from seed(). Each "
      "trial is an equal() check (exact, or a certified bound with balls); the first failing trial "
      "refutes, attaching P, and the last outcome is returned.",
      "def f(X) = X * transpose(X) * X\nclaim \"X X^T X is permutation equivariant\" { perm_equivariant(f, [[1, 2, 3], [4, 5, 6]], 3) }" },
};

const slong lc_nbuiltins_equiv = (slong) (sizeof(lc_builtins_equiv) / sizeof(lc_builtins_equiv[0]));
