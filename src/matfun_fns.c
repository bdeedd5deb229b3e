/* matfun_fns.c -- certified numerics in the language: balls, exp / log and
 * their closed forms, norms, QR, random instances and Lie-algebra attention
 * scores (families ball, matfun, qmat, lieattn), and a few core helpers. */
#include "config.h"
#include <string.h>
#include <time.h>
#include <mpfr.h>
#include "eval.h"
#include "builtins.h"
#include "ballops.h"
#include "matfun.h"
#include "lieattn.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

/* -------------------------------------------------------------- numerics */

static int
bi_ball(ARGS)
{
    UNUSED_ARGS;
    if (args[0]->type == LC_V_NUM || args[0]->type == LC_V_BALL)
    {
        *res = lc_val_ball();
        return lc_to_ball((*res)->u.ball, args[0], S->prec, err);
    }
    *res = lc_val_bmat();
    return lc_to_bmat((*res)->u.bm, args[0], S->prec, err);
}

typedef int (*matfun_fn)(arb_mat_t, const arb_mat_t, slong, lc_err_t);

static int
apply_matfun(lc_val * res, lc_session_struct * S, const lc_val a, matfun_fn f, lc_err_t err)
{
    arb_mat_t A;
    int st;

    arb_mat_init(A, 0, 0);
    lc_to_bmat(A, a, S->prec, err);
    *res = lc_val_bmat();
    if ((st = f((*res)->u.bm, A, S->prec, err)) != LC_OK)
        lc_val_unref(*res);
    arb_mat_clear(A);
    return st;
}

static int
bi_exp(ARGS)
{
    UNUSED_ARGS;
    if (args[0]->type == LC_V_NUM || args[0]->type == LC_V_BALL)
    {
        *res = lc_val_ball();
        lc_to_ball((*res)->u.ball, args[0], S->prec, err);
        arb_exp((*res)->u.ball, (*res)->u.ball, S->prec);
        return LC_OK;
    }
    return apply_matfun(res, S, args[0], lc_matfun_exp, err);
}

static int
bi_log(ARGS)
{
    UNUSED_ARGS;
    if (args[0]->type == LC_V_NUM || args[0]->type == LC_V_BALL)
    {
        arb_t x;
        arb_init(x);
        lc_to_ball(x, args[0], S->prec, err);
        if (!arb_is_positive(x))
        {
            arb_clear(x);
            return lc_err_set(err, LC_E_DOMAIN, "the argument is not certainly positive");
        }
        *res = lc_val_ball();
        arb_log((*res)->u.ball, x, S->prec);
        arb_clear(x);
        return LC_OK;
    }
    return apply_matfun(res, S, args[0], lc_matfun_log, err);
}

static int
bi_sqrt(ARGS)
{
    arb_t x;

    UNUSED_ARGS;
    arb_init(x);
    lc_to_ball(x, args[0], S->prec, err);
    if (arb_is_negative(x) || (!arb_is_nonnegative(x)))
    {
        arb_clear(x);
        return lc_err_set(err, LC_E_DOMAIN, "the argument is not certainly non-negative");
    }
    *res = lc_val_ball();
    arb_sqrt((*res)->u.ball, x, S->prec);
    arb_clear(x);
    return LC_OK;
}

static int bi_exp_so3(ARGS) { UNUSED_ARGS; return apply_matfun(res, S, args[0], lc_matfun_so3_exp, err); }
static int bi_log_so3(ARGS) { UNUSED_ARGS; return apply_matfun(res, S, args[0], lc_matfun_so3_log, err); }
static int bi_exp_se2(ARGS) { UNUSED_ARGS; return apply_matfun(res, S, args[0], lc_matfun_se2_exp, err); }
static int bi_log_se2(ARGS) { UNUSED_ARGS; return apply_matfun(res, S, args[0], lc_matfun_se2_log, err); }
static int bi_exp_aff2(ARGS) { UNUSED_ARGS; return apply_matfun(res, S, args[0], lc_matfun_aff2_exp, err); }
static int bi_log_aff2(ARGS) { UNUSED_ARGS; return apply_matfun(res, S, args[0], lc_matfun_aff2_log, err); }

static int
bi_in_log_domain(ARGS)
{
    arb_mat_t A;
    int r;

    UNUSED_ARGS;
    if (args[0]->type == LC_V_MAT)
    {
        /* Rational input: decided exactly, from the characteristic polynomial. */
        if (args[0]->u.m->r != args[0]->u.m->c)
            return lc_err_set(err, LC_E_DIM, "the matrix must be square");
        r = lc_matfun_log_domain_qmat(args[0]->u.m, err);
        lc_err_init(err);
        *res = lc_val_bool(r == 1);
        return LC_OK;
    }
    arb_mat_init(A, 0, 0);
    lc_to_bmat(A, args[0], S->prec, err);
    if (arb_mat_nrows(A) != arb_mat_ncols(A))
    {
        arb_mat_clear(A);
        return lc_err_set(err, LC_E_DIM, "the matrix must be square");
    }
    r = lc_matfun_log_domain(A, S->prec, err);
    arb_mat_clear(A);
    if (r < 0)
    {
        char cert[LC_ERR_MSG_LEN + 40];

        snprintf(cert, sizeof(cert), "in_log_domain: %s", err->msg);
        lc_err_init(err);
        lc_check_undecided(lc_session_checks(S), cert);
        return lc_session_finish_check(res, S, LC_CHECK_UNDECIDED, err);
    }
    lc_err_init(err);
    /* Decided by certified eigenvalue enclosures: true, but not exactly. */
    *res = lc_val_bool_cert(r == 1, 1);
    return LC_OK;
}

/* *res := the exact rational value of an arf (dyadic, so exact); an error
   when it is not finite or too large to write out (lc_ball_arf_get_fmpq). */
static int
arf_to_num(lc_val * res, const arf_t x, lc_err_t err)
{
    fmpq_t q;
    int st;

    fmpq_init(q);
    if ((st = lc_ball_arf_get_fmpq(q, x, err)) == LC_OK)
        *res = lc_val_num(q);
    fmpq_clear(q);
    return st;
}

/* *res := an exact upper bound for x >= 0: x itself, or 2^-LC_BALL_EXACT_MAX_EXP
   when x is smaller than that (e^-(10^100) is a fine radius, but its exact
   value would not fit in memory; for an upper bound, rounding up is honest). */
static int
bound_to_num(lc_val * res, const arf_t x, lc_err_t err)
{
    arf_t t;
    int st;

    if (arf_is_finite(x) && !arf_is_zero(x) && arf_cmpabs_2exp_si(x, -LC_BALL_EXACT_MAX_EXP) < 0)
    {
        arf_init(t);
        arf_one(t);
        arf_mul_2exp_si(t, t, -LC_BALL_EXACT_MAX_EXP);
        st = arf_to_num(res, t, err);
        arf_clear(t);
        return st;
    }
    return arf_to_num(res, x, err);
}

static int
bi_radius(ARGS)
{
    arf_t r;
    mag_t m;
    int st;

    UNUSED_ARGS;
    if ((args[0]->type == LC_V_BALL && !arb_is_finite(args[0]->u.ball))
        || (args[0]->type == LC_V_BMAT && !arb_mat_is_finite(args[0]->u.bm)))
        return lc_err_set(err, LC_E_DOMAIN, "the ball is not finite (nan or inf): it has no "
                          "radius to bound");
    arf_init(r);
    mag_init(m);
    if (args[0]->type == LC_V_BALL)
        mag_set(m, arb_radref(args[0]->u.ball));
    else if (args[0]->type == LC_V_BMAT)
        lc_ball_max_radius(m, args[0]->u.bm);
    arf_set_mag(r, m);
    if ((st = bound_to_num(res, r, err)) == LC_OK)
        /* A bound read off a ball: what is decided from it is certified. */
        (*res)->cert = (args[0]->type == LC_V_BALL || args[0]->type == LC_V_BMAT);
    arf_clear(r);
    mag_clear(m);
    return st;
}

static int
bi_norm(ARGS)
{
    arb_mat_t A;

    UNUSED_ARGS;
    arb_mat_init(A, 0, 0);
    lc_to_bmat(A, args[0], S->prec, err);
    *res = lc_val_ball();
    arb_mat_frobenius_norm((*res)->u.ball, A, S->prec);
    arb_mat_clear(A);
    return LC_OK;
}

/* --------------------------------------------------- instances and scores */

static int
bi_random_matrix(ARGS)
{
    slong m = lc_val_get_si(args[0]), n = lc_val_get_si(args[1]);
    slong bound = nargs > 2 ? lc_val_get_si(args[2]) : 9;

    UNUSED_ARGS;
    if (m < 1 || n < 1 || m > LC_QMAT_MAX_SIZE || n > LC_QMAT_MAX_SIZE)
        return lc_err_set(err, LC_E_LIMIT, "sizes must be between 1 and %d", LC_QMAT_MAX_SIZE);
    if (bound < 1 || bound > WORD(1) << 40)
        return lc_err_set(err, LC_E_ARG, "the bound must be between 1 and 2^40");
    *res = lc_val_mat();
    lc_qmat_rand((*res)->u.m, m, n, S->rnd, bound);
    return LC_OK;
}

static int
bi_random_orthogonal(ARGS)
{
    slong n = lc_val_get_si(args[0]);
    slong bound = nargs > 1 ? lc_val_get_si(args[1]) : 3;

    UNUSED_ARGS;
    if (n < 1 || n > 256)
        return lc_err_set(err, LC_E_LIMIT, "the size must be between 1 and 256, got %ld", (long) n);
    if (bound < 1 || bound > WORD(1) << 20)
        return lc_err_set(err, LC_E_ARG, "the bound must be between 1 and 2^20");
    *res = lc_val_mat();
    lc_qmat_rand_orthogonal((*res)->u.m, n, S->rnd, bound);
    return LC_OK;
}

/* The tokens of lie_scores and dot_scores: a non-empty list of exact
   matrices, unpacked by the caller (kind M). */
static int
tokens_nonempty(const lc_mats_struct * g, lc_err_t err)
{
    return g->len > 0 ? LC_OK : lc_err_set(err, LC_E_ARG, "the list of tokens is empty");
}

static int
bi_lie_scores(ARGS)
{
    fmpq * lam;
    slong nl, i;
    int st = LC_OK;

    UNUSED_ARGS;
    if (tokens_nonempty(mats + 0, err) != LC_OK)
        return err->code;
    if (args[1]->type == LC_V_NUM)
        nl = 1;
    else if (args[1]->type == LC_V_LIST)
        nl = args[1]->u.list.len;
    else
        return lc_err_set(err, LC_E_ARG, "lambda must be a number or a list of numbers");
    lam = _fmpq_vec_init(FLINT_MAX(nl, 1));
    for (i = 0; i < nl; i++)
    {
        lc_val x = args[1]->type == LC_V_NUM ? args[1] : args[1]->u.list.items[i];

        if (x->type != LC_V_NUM)
            st = lc_err_set(err, LC_E_ARG, "lambda must hold exact numbers");
        else
            fmpq_set(lam + i, x->u.q);
    }
    if (st == LC_OK)
    {
        *res = lc_val_bmat();
        if ((st = lc_lieattn_scores((*res)->u.bm, mats[0].m, mats[0].len, lam, nl,
                                    args[2]->u.q, S->prec, err)) != LC_OK)
            lc_val_unref(*res);
    }
    _fmpq_vec_clear(lam, FLINT_MAX(nl, 1));
    return st;
}

static int
bi_dot_scores(ARGS)
{
    int st;

    UNUSED_ARGS;
    if (tokens_nonempty(mats + 0, err) != LC_OK)
        return err->code;
    *res = lc_val_mat();
    if ((st = lc_lieattn_dot_scores((*res)->u.m, mats[0].m, mats[0].len,
                                    nargs > 1 ? args[1]->u.m : NULL, err)) != LC_OK)
        lc_val_unref(*res);
    return st;
}

static int
bi_orthogonal_from_gram(ARGS)
{
    int st;

    UNUSED_ARGS;
    *res = lc_val_bmat();
    if ((st = lc_ball_orthogonal_from_gram((*res)->u.bm, args[0]->u.m, args[1]->u.m,
                                           S->prec, err)) != LC_OK)
        lc_val_unref(*res);
    return st;
}

static int
bi_qr(ARGS)
{
    arb_mat_t A;
    lc_val qr[2];
    int st;

    UNUSED_ARGS;
    arb_mat_init(A, 0, 0);
    lc_to_bmat(A, args[0], S->prec, err);
    qr[0] = lc_val_bmat();
    qr[1] = lc_val_bmat();
    if ((st = lc_ball_householder_qr(qr[0]->u.bm, qr[1]->u.bm, A, S->prec, err)) != LC_OK)
    {
        lc_val_unref(qr[0]);
        lc_val_unref(qr[1]);
    }
    else
        *res = lc_val_list(qr, 2);
    arb_mat_clear(A);
    return st;
}

static int
bi_not(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_bool_cert(!args[0]->u.b, args[0]->cert);
    return LC_OK;
}

static int
bi_str(ARGS)
{
    char * t = lc_val_get_str(args[0], 1);
    size_t n = strlen(t);

    UNUSED_ARGS;
    if (n > (size_t) LC_MAX_STR_LEN)
    {
        flint_free(t);
        return lc_err_set(err, LC_E_LIMIT, "string too long: %.0f bytes (limit %ld)", (double) n,
                          (long) LC_MAX_STR_LEN);
    }
    *res = lc_val_str(t, n);
    flint_free(t);
    return LC_OK;
}

/* An exact upper bound of |x| (the largest over the entries of a matrix). */
static int
bi_upper(ARGS)
{
    arf_t u, m;
    slong i, j;
    int st;

    UNUSED_ARGS;
    if (args[0]->type == LC_V_NUM)
    {
        *res = lc_val_num(args[0]->u.q);
        fmpq_abs((*res)->u.q, (*res)->u.q);
        (*res)->cert = args[0]->cert;
        return LC_OK;
    }
    if ((args[0]->type == LC_V_BALL && !arb_is_finite(args[0]->u.ball))
        || (args[0]->type == LC_V_BMAT && !arb_mat_is_finite(args[0]->u.bm)))
        return lc_err_set(err, LC_E_DOMAIN, "the ball is not finite (nan or inf): it has no "
                          "upper bound");
    arf_init(u);
    arf_init(m);
    if (args[0]->type == LC_V_BALL)
        arb_get_abs_ubound_arf(m, args[0]->u.ball, S->prec);
    else if (args[0]->type == LC_V_BMAT)
    {
        for (i = 0; i < arb_mat_nrows(args[0]->u.bm); i++)
            for (j = 0; j < arb_mat_ncols(args[0]->u.bm); j++)
            {
                arb_get_abs_ubound_arf(u, arb_mat_entry(args[0]->u.bm, i, j), S->prec);
                if (arf_cmp(u, m) > 0)
                    arf_set(m, u);
            }
    }
    else
    {
        fmpq_t a;
        fmpq_init(a);
        *res = lc_val_num(a);
        for (i = 0; i < args[0]->u.m->r; i++)
            for (j = 0; j < args[0]->u.m->c; j++)
            {
                fmpq_abs(a, fmpq_mat_entry(args[0]->u.m, i, j));
                if (fmpq_cmp((*res)->u.q, a) < 0)
                    fmpq_set((*res)->u.q, a);
            }
        fmpq_clear(a);
        arf_clear(u);
        arf_clear(m);
        (*res)->cert = args[0]->cert;
        return LC_OK;
    }
    if ((st = bound_to_num(res, m, err)) == LC_OK)
        (*res)->cert = 1;   /* read off a ball: certified, not exact */
    arf_clear(u);
    arf_clear(m);
    return st;
}

/* sweep is a special form (the evaluator runs its expression once per
   precision); reached only through a function value, where it cannot work. */
static int
bi_sweep(ARGS)
{
    UNUSED_ARGS;
    (void) res;
    return lc_err_set(err, LC_E_ARG, "call it by name: sweep([64, 128], expr)");
}

const lc_builtin_struct lc_builtins_matfun[] =
{
    { LC_FAM_BALL, "ball", "v", 1, 1, bi_ball, "ball(x)",
      "Converts a number or matrix to a ball (or ball matrix) at the working precision prec(): a "
      "rational such as 1/3 becomes a ball around it of relative radius about 2^-prec, and a "
      "dyadic one such as 1/4 an exact ball. Anything computed from a ball is a certified "
      "enclosure, so checks on it support HOLDS or REFUTED, never PROVED.",
      "ball(1/3)" },
    { LC_FAM_MATFUN, "exp", "v", 1, 1, bi_exp, "exp(A)",
      "The exponential of a number or of a square matrix, as a certified ball (or ball matrix) at "
      "the working precision, containing exp(A) for every A in the input balls (Arb's scaling and "
      "squaring with a bounded Taylor tail). Exact input is first converted to balls, so the "
      "result is never exact: checks on it support HOLDS, not PROVED. A non-square matrix is a "
      "dimension error.",
      "exp([[0, 1], [-1, 0]])" },
    { LC_FAM_MATFUN, "log", "v", 1, 1, bi_log, "log(M)",
      "The principal logarithm, as a certified ball or ball matrix. For a number x it errors "
      "unless x is certainly positive. For a square matrix M (eigenvalues with imaginary part in "
      "(-pi, pi)) it uses inverse scaling and squaring with certified square roots; it errors when "
      "an eigenvalue lies on the closed negative real axis, or cannot be kept off it at this "
      "precision (try a higher prec()), and the identity gives exactly 0.",
      "log([[2, 0], [0, 3]])" },
    { LC_FAM_BALL, "sqrt", "r", 1, 1, bi_sqrt, "sqrt(x)",
      "The square root of the number x (exact or a ball), as a certified ball at the working "
      "precision. It errors unless x is certainly non-negative, e.g. a ball straddling 0 is "
      "refused.",
      "sqrt(2)" },
    { LC_FAM_MATFUN, "in_log_domain", "x", 1, 1, bi_in_log_domain, "in_log_domain(M)",
      "Whether the square matrix M lies in the domain of the principal logarithm: no eigenvalue on "
      "the closed negative real axis. An exact M is decided exactly from its characteristic "
      "polynomial over Q (an exact boolean). A ball M is decided by certified eigenvalue "
      "enclosures (a certified boolean); when that is undecided at this precision the check is "
      "recorded as undecided inside a claim, and it is an error outside one.",
      "in_log_domain([[-1, 0], [0, 1]])" },
    { LC_FAM_MATFUN, "exp_so3", "x", 1, 1, bi_exp_so3, "exp_so3(W)",
      "The rotation exp(W) for a 3 x 3 skew-symmetric W = [w]_x by Rodrigues' formula I + sinc(t) "
      "W + sinc(t/2)^2 W^2 / 2 with t = |w|, as a certified ball matrix (rotation by the angle |w| "
      "about w/|w|). Errors when W is not 3 x 3, or the input ball certainly contains no "
      "skew-symmetric matrix.",
      "exp_so3([[0, -1, 0], [1, 0, 0], [0, 0, 0]])" },
    { LC_FAM_MATFUN, "log_so3", "x", 1, 1, bi_log_so3, "log_so3(R)",
      "The principal logarithm of a 3 x 3 rotation R, as a certified skew-symmetric ball matrix "
      "[w]_x with rotation angle t = |w| in [0, pi), computed axis-angle: t = atan2(|v|/2, (tr R - "
      "1)/2) with v the axial vector of R - R^T. Errors when R is not 3 x 3 or certainly not a "
      "rotation, and at angle pi, where the principal logarithm is not defined.",
      "log_so3([[0, -1, 0], [1, 0, 0], [0, 0, 1]])" },
    { LC_FAM_MATFUN, "exp_se2", "x", 1, 1, bi_exp_se2, "exp_se2(X)",
      "The exponential on SE(2) in homogeneous 3 x 3 form: X = [[0, -t, x], [t, 0, y], [0, 0, 0]] "
      "maps to [[R(t), V(t) (x, y)^T], [0, 0, 1]] with the closed form V(t) = [[sinc t, -(t/2) "
      "sinc(t/2)^2], [(t/2) sinc(t/2)^2, sinc t]]. A certified ball matrix; errors when X is not 3 "
      "x 3 or certainly not of that shape.",
      "exp_se2([[0, -1, 1], [1, 0, 2], [0, 0, 0]])" },
    { LC_FAM_MATFUN, "log_se2", "x", 1, 1, bi_log_se2, "log_se2(G)",
      "The logarithm on SE(2) in homogeneous 3 x 3 form, the inverse of exp_se2: G = [[R(t), p], "
      "[0, 0, 1]] gives [[0, -t, x], [t, 0, y], [0, 0, 0]] with t in (-pi, pi), as a certified "
      "ball matrix. Errors when G is not 3 x 3 or certainly not in SE(2), and at t = pi, where the "
      "principal logarithm is not defined.",
      "log_se2([[0, -1, 1], [1, 0, 2], [0, 0, 1]])" },
    { LC_FAM_MATFUN, "exp_aff2", "x", 1, 1, bi_exp_aff2, "exp_aff2(X)",
      "The exponential on Aff(2) in homogeneous 3 x 3 form: X = [[B, u], [0, 0, 0]] (a 2 x 2 block "
      "B and a translation column u) maps to a group element [[A, t], [0, 0, 1]]. It checks the "
      "shape, then uses the general certified matrix exponential, giving a ball matrix; errors "
      "when X is not 3 x 3 or its last row is certainly not zero.",
      "exp_aff2([[1, 0, 1], [0, 2, 0], [0, 0, 0]])" },
    { LC_FAM_MATFUN, "log_aff2", "x", 1, 1, bi_log_aff2, "log_aff2(G)",
      "The principal logarithm on Aff(2) in homogeneous 3 x 3 form: G = [[A, t], [0, 0, 1]] maps "
      "to [[B, u], [0, 0, 0]]. It checks the shape, then uses the general certified principal "
      "logarithm (so A must have no eigenvalue on the closed negative real axis), giving a ball "
      "matrix; errors when G is not 3 x 3, its last row is certainly not (0, 0, 1), or it is "
      "outside the log's domain.",
      "log_aff2([[2, 0, 1], [0, 3, 0], [0, 0, 1]])" },
    { LC_FAM_BALL, "radius", "v", 1, 1, bi_radius, "radius(x)",
      "An exact rational upper bound for the radius of the ball x, or the largest radius of a ball "
      "matrix (0 for an exact value; radii below 2^-(2^22) are rounded up to that power of two). "
      "The number is exact, but a comparison decided from a ball's radius is marked certified, so "
      "it supports HOLDS, not PROVED. Errors on a ball that is not finite.",
      "radius(exp(ball(1)))" },
    { LC_FAM_BALL, "norm", "x", 1, 1, bi_norm, "norm(A)",
      "The Frobenius norm sqrt(sum of |a_ij|^2) of the matrix A (exact or ball), as a certified "
      "ball at the working precision. It is a ball even for exact A, since the square root is "
      "generally irrational; use upper(...) for an exact bound on it.",
      "norm([[3, 4]])" },
    { LC_FAM_QMAT, "random_matrix", "iii", 2, 3, bi_random_matrix, "random_matrix(m, n, bound)",
      "An exact m x n matrix of integers drawn independently and uniformly from [-bound, bound] "
      "(default bound 9, at most 2^40) by the session's generator, so reproducible from seed(). "
      "Sizes must be between 1 and 4096. A check on a random instance proves the statement for "
      "that instance only; record it with given(...).",
      "seed(1)\nrandom_matrix(2, 3, 5)" },
    { LC_FAM_QMAT, "random_orthogonal", "ii", 1, 2, bi_random_orthogonal, "random_orthogonal(n, bound)",
      "A random exact rational orthogonal n x n matrix with det 1 (n between 1 and 256): the "
      "Cayley transform (I - S)(I + S)^-1 of a skew-symmetric S with integer entries drawn "
      "uniformly from [-bound, bound] (default 3, at most 2^20) by the session's generator, so "
      "reproducible from seed(). Being exact, equivariance checks with it can be PROVED for that "
      "instance.",
      "seed(1)\nis_orthogonal(random_orthogonal(3))" },
    { LC_FAM_LIEATTN, "lie_scores", "Man", 3, 3, bi_lie_scores, "lie_scores(gs, lambda, tau)",
      "The T x T matrix of Lie-algebra attention scores s_ij = -||log(g_i^-1 g_j)||_lambda^2 / tau "
      "for a non-empty list gs of exact invertible n x n tokens (T <= 256). lambda is one exact "
      "number (lambda ||X||_F^2) or a list of two (homogeneous form [[B, u], [0, 0]]: lambda_1 "
      "||B||_F^2 + lambda_2 ||u||^2); tau > 0. A certified ball matrix; errors when a relative "
      "element is singular or outside the log's domain.",
      "lie_scores([eye(2), [[0, -1], [1, 0]]], 1, 1)" },
    { LC_FAM_LIEATTN, "dot_scores", "Mm", 1, 2, bi_dot_scores, "dot_scores(gs, W)",
      "The baseline scores that treat tokens as vectors: the T x T exact matrix S_ij = vec(g_i)^T "
      "W vec(g_j) for a non-empty list gs of exact n x n matrices, where W is an n^2 x n^2 exact "
      "matrix (default the identity, giving the Frobenius inner products). Exact, so comparisons "
      "with it can be PROVED; errors on mismatched sizes.",
      "dot_scores([eye(2), [[0, -1], [1, 0]]], eye(4))" },
    { LC_FAM_BALL, "orthogonal_from_gram", "mm", 2, 2, bi_orthogonal_from_gram, "orthogonal_from_gram(X, Y)",
      "A d x d ball matrix containing an exactly orthogonal Q with Q Y = X, for exact d x n "
      "matrices X and Y with equal Gram matrices X^T X = Y^T Y (checked exactly; any rank). Built "
      "from Householder QRs of independent columns; Y = 0 gives the identity. Errors when the "
      "shapes differ, when the Gram matrices differ (naming the first entry), or when a step "
      "cannot be certified at this precision.",
      "orthogonal_from_gram([[0, -1], [1, 0]], eye(2))" },
    { LC_FAM_BALL, "qr", "x", 1, 1, bi_qr, "qr(A)",
      "The full Householder QR decomposition of the m x n matrix A (exact or ball) as a list [Q, "
      "R] of ball matrices: Q is m x m and R is m x n, and for every A' in A, Q contains an "
      "exactly orthogonal Q' (a product of exact reflections) with Q'^T A' in R. A step whose "
      "column norm is not certainly positive (rank deficiency at this precision) is skipped, so "
      "R's entries below the diagonal may then be enclosures rather than exact zeros.",
      "qr([[3, 1], [4, 2]])" },
    { LC_FAM_CORE, "not", "b", 1, 1, bi_not, "not(b)",
      "Boolean negation: true when b is false and false when b is true. The result keeps b's kind: "
      "the negation of a certified boolean (decided by balls) is certified, that of an exact one "
      "exact, so check(not(...)) supports the same verdicts as check(...).",
      "not(1 == 2)" },
    { LC_FAM_CORE, "str", "a", 1, 1, bi_str, "str(x)",
      "The canonical text of any value x as a string: integers, p/q, true/false, nil, lists [a, "
      "b], a matrix in its one-line form [[1, 2/3], [0, 1]], a ball as [mid +/- rad] with 20 "
      "significant digits whatever digits() says, a Lie algebra's summary, a string itself "
      "unquoted; strings join with +, as in str(2/3) + \" of a cake\". Errors when the text would "
      "exceed the string length limit.",
      "str(2/3) + \" of a cake\"" },
    { LC_FAM_BALL, "upper", "v", 1, 1, bi_upper, "upper(x)",
      "An exact rational upper bound of |x|, or of the largest |entry| of a matrix. For an exact "
      "number or matrix it is that maximum itself (exact, keeping x's kind); for a ball or ball "
      "matrix it is an upper bound read off the balls and is marked certified, so a check like "
      "upper(e) < 2^-100 supports HOLDS, not PROVED. Errors on a ball that is not finite.",
      "upper(exp(ball(1)))" },
    { LC_FAM_CORE, "sweep", "a", 2, 2, bi_sweep, "sweep([64, 128, ...], expr)",
      "Evaluates expr once at each precision of the list (strictly increasing bit counts) and "
      "returns the list of pairs [prec, value]; the session's precision is restored afterwards. "
      "sweep is a special form, evaluating its expression anew each time, so it must be called by "
      "name. It shows how a ball result tightens with the precision; the claim clause sweep [...] "
      "uses the same idea to decide a verdict.",
      "sweep([64, 128], radius(exp(ball(1))))" },
};

const slong lc_nbuiltins_matfun = (slong) (sizeof(lc_builtins_matfun) / sizeof(lc_builtins_matfun[0]));
