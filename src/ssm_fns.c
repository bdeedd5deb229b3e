/* ssm_fns.c -- built-ins for the sequence-model algebra of Heo et al.:
 * Magnus / BCH terms, commutator and generator mass, the order of the local
 * truncation error, transitions, towers, radicals, cascades, Witt numbers
 * and free nilpotent algebras.  The mathematics is in lib/ssm.h. */
#include "config.h"
#include <string.h>
#include "eval.h"
#include "builtins.h"
#include "ballops.h"
#include "ssm.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

/* An input: the generators of a list (exact or ball matrices, kind X) and
   optional exact durations. */
typedef struct
{
    slong T;
    int exact;              /* every generator is an exact matrix */
    const fmpq_mat_struct * q;  /* borrowed from the caller's unpacking (exact inputs) */
    arb_mat_struct * b;     /* owned ball copies, durations folded in */
    fmpq * d;               /* owned durations, or NULL */
}
input_t;

static void
input_clear(input_t * in)
{
    slong i;

    if (in->b != NULL)
    {
        for (i = 0; i < in->T; i++)
            arb_mat_clear(in->b + i);
        flint_free(in->b);
    }
    if (in->d != NULL)
    {
        for (i = 0; i < in->T; i++)
            fmpq_clear(in->d + i);
        flint_free(in->d);
    }
}

/* The input of the generators As (kind X, unpacked in gs) and the
   durations dur (or NULL). */
static int
input_get(input_t * in, const lc_val As, const lc_mats_struct * gs, const lc_val dur, slong prec,
          lc_err_t err)
{
    slong i, T = As->u.list.len;
    arb_t x;

    memset(in, 0, sizeof(*in));
    if (T < 1)
        return lc_err_set(err, LC_E_ARG, "the input must have at least one generator");
    if (T > LC_SSM_MAX_STEPS)
        return lc_err_set(err, LC_E_LIMIT, "%ld steps exceed the limit %d", (long) T, LC_SSM_MAX_STEPS);
    if (dur != NULL && dur->u.list.len != T)
        return lc_err_set(err, LC_E_ARG, "%ld durations for %ld generators",
                          (long) dur->u.list.len, (long) T);
    in->T = T;
    in->exact = gs->m != NULL;
    in->q = gs->m;
    if (dur != NULL)
    {
        in->d = flint_malloc(sizeof(fmpq) * T);
        for (i = 0; i < T; i++)
            fmpq_init(in->d + i);
        for (i = 0; i < T; i++)
        {
            if (dur->u.list.items[i]->type != LC_V_NUM)
            {
                input_clear(in);
                memset(in, 0, sizeof(*in));
                return lc_err_set(err, LC_E_ARG, "duration %ld is not an exact number", (long) i + 1);
            }
            fmpq_set(in->d + i, dur->u.list.items[i]->u.q);
        }
    }
    in->b = flint_malloc(sizeof(arb_mat_struct) * T);
    arb_init(x);
    for (i = 0; i < T; i++)
    {
        arb_mat_init(in->b + i, 0, 0);
        lc_to_bmat(in->b + i, As->u.list.items[i], prec, err);
        if (in->d != NULL)
        {
            arb_set_fmpq(x, in->d + i, prec);
            arb_mat_scalar_mul_arb(in->b + i, in->b + i, x, prec);
        }
    }
    arb_clear(x);
    return LC_OK;
}

static lc_val
mat_list_q(fmpq_mat_struct * M, slong k)
{
    lc_val * items = flint_malloc(sizeof(lc_val) * (k > 0 ? k : 1)), v;
    slong i;

    for (i = 0; i < k; i++)
    {
        items[i] = lc_val_mat();
        fmpq_mat_swap(items[i]->u.m, M + i);
    }
    v = lc_val_list(items, k);
    flint_free(items);
    return v;
}

static lc_val
mat_list_b(arb_mat_struct * M, slong k)
{
    lc_val * items = flint_malloc(sizeof(lc_val) * (k > 0 ? k : 1)), v;
    slong i;

    for (i = 0; i < k; i++)
    {
        items[i] = lc_val_bmat();
        arb_mat_swap(items[i]->u.bm, M + i);
    }
    v = lc_val_list(items, k);
    flint_free(items);
    return v;
}

static lc_val
ball_val(const arb_t x)
{
    lc_val v = lc_val_ball();

    arb_set(v->u.ball, x);
    return v;
}

static lc_val
si_list(const slong * a, slong k)
{
    lc_val * items = flint_malloc(sizeof(lc_val) * (k > 0 ? k : 1)), v;
    slong i;

    for (i = 0; i < k; i++)
        items[i] = lc_val_si(a[i]);
    v = lc_val_list(items, k);
    flint_free(items);
    return v;
}

static lc_val
pair(lc_val a, lc_val b)
{
    lc_val items[2];

    items[0] = a;
    items[1] = b;
    return lc_val_list(items, 2);
}

static int
get_order(slong * order, const lc_val v, lc_err_t err)
{
    *order = lc_val_get_si(v);
    if (*order < 1 || *order > LC_SSM_MAX_ORDER)
        return lc_err_set(err, *order < 1 ? LC_E_ARG : LC_E_LIMIT,
                          "the order must be between 1 and %d, got %ld", LC_SSM_MAX_ORDER, (long) *order);
    return LC_OK;
}

/* magnus(As, order [, durations]): [Omega_1, ..., Omega_order]. */
static int
bi_magnus(ARGS)
{
    input_t in;
    slong order, k;
    int st;

    UNUSED_ARGS;
    if (get_order(&order, args[1], err) != LC_OK)
        return err->code;
    if (input_get(&in, args[0], mats + 0, nargs > 2 ? args[2] : NULL, S->prec, err) != LC_OK)
        return err->code;
    if (in.exact)
    {
        fmpq_mat_struct * Om = flint_malloc(sizeof(fmpq_mat_struct) * order);

        for (k = 0; k < order; k++)
            fmpq_mat_init(Om + k, 0, 0);
        if ((st = lc_ssm_magnus(Om, in.q, in.d, in.T, order, err)) == LC_OK)
            *res = mat_list_q(Om, order);
        for (k = 0; k < order; k++)
            fmpq_mat_clear(Om + k);
        flint_free(Om);
    }
    else
    {
        arb_mat_struct * Om = flint_malloc(sizeof(arb_mat_struct) * order);

        for (k = 0; k < order; k++)
            arb_mat_init(Om + k, 0, 0);
        if ((st = lc_ssm_magnus_ball(Om, in.b, in.T, order, S->prec, err)) == LC_OK)
            *res = mat_list_b(Om, order);
        for (k = 0; k < order; k++)
            arb_mat_clear(Om + k);
        flint_free(Om);
    }
    input_clear(&in);
    return st;
}

/* bch(X, Y, order): the terms of log(e^X e^Y) by degree. */
static int
bi_bch(ARGS)
{
    fmpq_mat_struct * Z;
    slong order, k;
    int st;

    UNUSED_ARGS;
    if (get_order(&order, args[2], err) != LC_OK)
        return err->code;
    Z = flint_malloc(sizeof(fmpq_mat_struct) * order);
    for (k = 0; k < order; k++)
        fmpq_mat_init(Z + k, 0, 0);
    if ((st = lc_ssm_bch(Z, args[0]->u.m, args[1]->u.m, order, err)) == LC_OK)
        *res = mat_list_q(Z, order);
    for (k = 0; k < order; k++)
        fmpq_mat_clear(Z + k);
    flint_free(Z);
    return st;
}

static int
need_exact(const input_t * in, lc_err_t err)
{
    if (in->exact)
        return LC_OK;
    return lc_err_set(err, LC_E_ARG, "the generators must be exact matrices");
}

/* commutator_mass(As [, durations]): [||Omega_2||_F^2 exactly, ||Omega_2||_F]. */
static int
bi_commutator_mass(ARGS)
{
    input_t in;
    fmpq_t m2;
    arb_t m;
    int st;

    UNUSED_ARGS;
    if (input_get(&in, args[0], mats + 0, nargs > 1 ? args[1] : NULL, S->prec, err) != LC_OK)
        return err->code;
    fmpq_init(m2);
    arb_init(m);
    if ((st = need_exact(&in, err)) == LC_OK
        && (st = lc_ssm_commutator_mass2(m2, in.q, in.d, in.T, err)) == LC_OK)
    {
        arb_set_fmpq(m, m2, S->prec);
        arb_sqrtpos(m, m, S->prec);
        *res = pair(lc_val_num(m2), ball_val(m));
    }
    fmpq_clear(m2);
    arb_clear(m);
    input_clear(&in);
    return st;
}

/* generator_mass(As [, durations]): sum |d_i| ||A_i||_F, a ball. */
static int
bi_generator_mass(ARGS)
{
    input_t in;
    arb_t eps;
    int st;

    UNUSED_ARGS;
    if (input_get(&in, args[0], mats + 0, nargs > 1 ? args[1] : NULL, S->prec, err) != LC_OK)
        return err->code;
    arb_init(eps);
    if ((st = need_exact(&in, err)) == LC_OK
        && (st = lc_ssm_generator_mass(eps, in.q, in.d, in.T, S->prec, err)) == LC_OK)
        *res = ball_val(eps);
    arb_clear(eps);
    input_clear(&in);
    return st;
}

/* transition(As [, durations]): exp(d_T A_T) ... exp(d_1 A_1); exact when
   every generator is exact and nilpotent, certified balls otherwise. */
static int
bi_transition(ARGS)
{
    input_t in;
    int st = LC_E_DOMAIN;

    UNUSED_ARGS;
    if (input_get(&in, args[0], mats + 0, nargs > 1 ? args[1] : NULL, S->prec, err) != LC_OK)
        return err->code;
    if (in.exact)
    {
        *res = lc_val_mat();
        if ((st = lc_ssm_transition((*res)->u.m, in.q, in.d, in.T, err)) != LC_OK)
            lc_val_unref(*res);
        if (st == LC_E_DOMAIN)
            lc_err_init(err);
    }
    if (st == LC_E_DOMAIN)
    {
        *res = lc_val_bmat();
        if ((st = lc_ssm_transition_ball((*res)->u.bm, in.b, in.T, S->prec, err)) != LC_OK)
            lc_val_unref(*res);
    }
    input_clear(&in);
    return st;
}

/* truncation_order(As, c, t): [e(t), e(t/2), ratio, p] with e the Frobenius
   error of exp(Magnus series to degree c) against the product, and p the
   certified exponent (-1 if the ratio does not isolate one). */
static int
bi_truncation_order(ARGS)
{
    input_t in;
    slong order, p, k;
    arb_t t, h, e1, e2, ratio;
    arb_mat_struct * Om;
    lc_val items[4];
    int st;

    UNUSED_ARGS;
    if (get_order(&order, args[1], err) != LC_OK)
        return err->code;
    if (input_get(&in, args[0], mats + 0, NULL, S->prec, err) != LC_OK)
        return err->code;
    arb_init(t);
    arb_init(h);
    arb_init(e1);
    arb_init(e2);
    arb_init(ratio);
    Om = flint_malloc(sizeof(arb_mat_struct) * order);
    for (k = 0; k < order; k++)
        arb_mat_init(Om + k, 0, 0);
    if ((st = lc_to_ball(t, args[2], S->prec, err)) == LC_OK
        && (st = lc_ssm_truncation_order(ratio, &p, in.b, in.T, order, t, S->prec, err)) == LC_OK
        && (st = lc_ssm_magnus_ball(Om, in.b, in.T, order, S->prec, err)) == LC_OK
        && (st = lc_ssm_truncation_error(e1, in.b, in.T, Om, order, t, S->prec, err)) == LC_OK)
    {
        arb_mul_2exp_si(h, t, -1);
        if ((st = lc_ssm_truncation_error(e2, in.b, in.T, Om, order, h, S->prec, err)) == LC_OK)
        {
            items[0] = ball_val(e1);
            items[1] = ball_val(e2);
            items[2] = ball_val(ratio);
            items[3] = lc_val_si(p);
            items[3]->cert = 1;     /* an order read off balls: certified */
            *res = lc_val_list(items, 4);
        }
    }
    for (k = 0; k < order; k++)
        arb_mat_clear(Om + k);
    flint_free(Om);
    arb_clear(t);
    arb_clear(h);
    arb_clear(e1);
    arb_clear(e2);
    arb_clear(ratio);
    input_clear(&in);
    return st;
}

/* magnus_residual(As, c): the coefficients R_0..R_(c+1) of
   exp(sum_{k<=c} t^k Omega_k) - P(t), exactly. */
static int
bi_magnus_residual(ARGS)
{
    input_t in;
    fmpq_mat_struct * R;
    slong order, k;
    int st;

    UNUSED_ARGS;
    if (get_order(&order, args[1], err) != LC_OK)
        return err->code;
    if (input_get(&in, args[0], mats + 0, NULL, S->prec, err) != LC_OK)
        return err->code;
    if ((st = need_exact(&in, err)) == LC_OK)
    {
        R = flint_malloc(sizeof(fmpq_mat_struct) * (order + 2));
        for (k = 0; k < order + 2; k++)
            fmpq_mat_init(R + k, 0, 0);
        if ((st = lc_ssm_magnus_residual(R, in.q, NULL, in.T, order, err)) == LC_OK)
            *res = mat_list_q(R, order + 2);
        for (k = 0; k < order + 2; k++)
            fmpq_mat_clear(R + k);
        flint_free(R);
    }
    input_clear(&in);
    return st;
}

/* exp_gap(X, Y): [||e^X - e^Y||_F, e^(-max(||X||_F, ||Y||_F)) ||X - Y||_F]. */
static int
bi_exp_gap(ARGS)
{
    arb_mat_t X, Y;
    arb_t l, r;
    int st;

    UNUSED_ARGS;
    arb_mat_init(X, 0, 0);
    arb_mat_init(Y, 0, 0);
    arb_init(l);
    arb_init(r);
    lc_to_bmat(X, args[0], S->prec, err);
    lc_to_bmat(Y, args[1], S->prec, err);
    st = lc_ssm_exp_gap(l, r, X, Y, S->prec, err) == -2 ? err->code : LC_OK;
    if (st == LC_OK)
        *res = pair(ball_val(l), ball_val(r));
    arb_mat_clear(X);
    arb_mat_clear(Y);
    arb_clear(l);
    arb_clear(r);
    return st;
}

static int
bi_icosahedral(ARGS)
{
    arb_mat_struct G[2];

    UNUSED_ARGS;
    arb_mat_init(G + 0, 3, 3);
    arb_mat_init(G + 1, 3, 3);
    lc_ssm_icosahedral(G, S->prec);
    *res = mat_list_b(G, 2);
    arb_mat_clear(G + 0);
    arb_mat_clear(G + 1);
    return LC_OK;
}

/* tower(L): [dimensions of the derived series, dimensions of its abelian
   layers L^(i) / L^(i+1)]. */
static int
bi_tower(ARGS)
{
    slong d = lc_lie_dim(args[0]->u.lie) + 2, len;
    slong * dims = flint_malloc(sizeof(slong) * d), * quot = flint_malloc(sizeof(slong) * d);

    UNUSED_ARGS;
    len = lc_ssm_tower(dims, quot, args[0]->u.lie);
    *res = pair(si_list(dims, len), si_list(quot, len - 1));
    flint_free(dims);
    flint_free(quot);
    return LC_OK;
}

static int
bi_perfect_core(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_lie();
    lc_ssm_perfect_core((*res)->u.lie, args[0]->u.lie);
    return LC_OK;
}

static int
bi_radical(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_lie();
    lc_ssm_radical((*res)->u.lie, args[0]->u.lie);
    return LC_OK;
}

static int
bi_witt(ARGS)
{
    slong n = lc_val_get_si(args[0]), m = lc_val_get_si(args[1]);
    fmpz_t w;
    fmpq_t q;

    UNUSED_ARGS;
    if (n < 1 || m < 1 || m > 10000)
        return lc_err_set(err, LC_E_ARG, "need n >= 1 and 1 <= m <= 10000, got %ld and %ld",
                          (long) n, (long) m);
    fmpz_init(w);
    fmpq_init(q);
    lc_ssm_witt(w, n, m);
    fmpz_set(fmpq_numref(q), w);
    fmpz_one(fmpq_denref(q));
    *res = lc_val_num(q);
    fmpz_clear(w);
    fmpq_clear(q);
    return LC_OK;
}

static int
bi_free_lie_dims(ARGS)
{
    slong n = lc_val_get_si(args[0]), c = lc_val_get_si(args[1]), * dims;
    int st;

    UNUSED_ARGS;
    if (c < 1 || c > 64)
        return lc_err_set(err, LC_E_ARG, "the degree must be between 1 and 64, got %ld", (long) c);
    dims = flint_malloc(sizeof(slong) * c);
    if ((st = lc_ssm_free_lie_dims(dims, n, c, err)) == LC_OK)
        *res = si_list(dims, c);
    flint_free(dims);
    return st;
}

static int
bi_free_nilpotent(ARGS)
{
    int st;

    UNUSED_ARGS;
    *res = lc_val_lie();
    if ((st = lc_ssm_free_nilpotent((*res)->u.lie, lc_val_get_si(args[0]), lc_val_get_si(args[1]),
                                    err)) != LC_OK)
        lc_val_unref(*res);
    return st;
}

/* cascade(k, d, nsym [, selective]): the generators of a random k-layer
   stack (session seed, entries in [-50, 50]). */
static int
bi_cascade(ARGS)
{
    slong k = lc_val_get_si(args[0]), d = lc_val_get_si(args[1]), ns = lc_val_get_si(args[2]), i;
    int sel = nargs > 3 ? args[3]->u.b : 0, st;
    fmpq_mat_struct * G;

    UNUSED_ARGS;
    if (ns < 1 || ns > 64)
        return lc_err_set(err, LC_E_ARG, "the number of symbols must be between 1 and 64");
    G = flint_malloc(sizeof(fmpq_mat_struct) * ns);
    for (i = 0; i < ns; i++)
        fmpq_mat_init(G + i, 0, 0);
    if ((st = lc_ssm_cascade(G, k, d, ns, sel, 50, S->rnd, err)) == LC_OK)
        *res = mat_list_q(G, ns);
    for (i = 0; i < ns; i++)
        fmpq_mat_clear(G + i);
    flint_free(G);
    return st;
}

static int
bi_cascade_bound(ARGS)
{
    slong m = lc_val_get_si(args[0]);

    UNUSED_ARGS;
    if (m < 1)
        return lc_err_set(err, LC_E_ARG, "the number of blocks must be at least 1");
    *res = lc_val_si(lc_ssm_cascade_bound(m));
    return LC_OK;
}

const lc_builtin_struct lc_builtins_ssm[] =
{
    { LC_FAM_SSM, "magnus", "XiL", 2, 3, bi_magnus, "magnus(As, order, durations)",
      "The Magnus terms [Omega_1, ..., Omega_order] (order 1..32) of log P(t) = sum_k t^k Omega_k "
      "for the transition P(t) = exp(t d_T A_T) ... exp(t d_1 A_1) of a piecewise-constant input: "
      "generators As (1..1024 square matrices of one size, A_1 first; the later step acts on the "
      "left) and exact durations d_i (default all 1). Exact matrices give exact Omega_k (Omega_1 = "
      "sum d_i A_i, Omega_2 = 1/2 sum_{i>j} d_i d_j [A_i, A_j]); any ball generator gives "
      "certified ball matrices.",
      "magnus([[[0, 1], [0, 0]], [[0, 0], [1, 0]]], 2)" },
    { LC_FAM_SSM, "bch", "mmi", 3, 3, bi_bch, "bch(X, Y, order)",
      "The terms Z_1, ..., Z_order (order 1..32) of the Baker-Campbell-Hausdorff series log(e^(tX) "
      "e^(tY)) = sum_k t^k Z_k, as a list of exact matrices, for exact square X and Y of one size "
      "(Z_1 = X + Y, Z_2 = [X, Y]/2, ...). These are the Magnus terms of the input Y then X; "
      "exact, so identities on them can be PROVED.",
      "bch([[0, 1], [0, 0]], [[0, 0], [1, 0]], 2)" },
    { LC_FAM_SSM, "magnus_residual", "Xi", 2, 2, bi_magnus_residual, "magnus_residual(As, c)",
      "The exact coefficients R_0, ..., R_(c+1) of the power series exp(sum_{k<=c} t^k Omega_k) - "
      "P(t) in t, where P(t) = exp(t A_T) ... exp(t A_1) for exact generators As (durations 1) and "
      "c is 1..32. For a correct Magnus expansion R_0 = ... = R_c = 0 and R_(c+1) = -Omega_(c+1): "
      "the truncation error is exactly of order t^(c+1). Ball generators are an error.",
      "magnus_residual([[[0, 1], [0, 0]], [[0, 0], [1, 0]]], 1)" },
    { LC_FAM_SSM, "commutator_mass", "XL", 1, 2, bi_commutator_mass, "commutator_mass(As, durations)",
      "The commutator mass of an input, the size of its second Magnus term Omega_2 = 1/2 sum_{i>j} "
      "d_i d_j [A_i, A_j], as a pair [||Omega_2||_F^2, ||Omega_2||_F]: the square exactly (a "
      "rational, so comparisons with it can be PROVED) and the norm as a certified ball. The "
      "generators must be exact square matrices of one size; durations default to 1.",
      "commutator_mass([[[0, 1], [0, 0]], [[0, 0], [1, 0]]])" },
    { LC_FAM_SSM, "generator_mass", "XL", 1, 2, bi_generator_mass, "generator_mass(As, durations)",
      "The generator mass sum_i |d_i| ||A_i||_F (the total variation of the input path) as a "
      "certified ball, for exact generators As and exact durations (default 1). It bounds the "
      "Magnus terms: ||Omega_2||_F <= mass^2 / 2. The generators must be exact square matrices of "
      "one size.",
      "generator_mass([[[0, 1], [0, 0]], [[0, 0], [1, 0]]], [1, 2])" },
    { LC_FAM_SSM, "transition", "XL", 1, 2, bi_transition, "transition(As, durations)",
      "The transition matrix exp(d_T A_T) ... exp(d_1 A_1) of the input (the later step on the "
      "left; durations default 1). When every generator is exact and nilpotent the exponentials "
      "are finite sums and the result is an exact matrix; otherwise (a generator that is not "
      "nilpotent, or ball input) it is a certified ball matrix.",
      "transition([[[0, 1], [0, 0]], [[0, 0], [0, 0]]], [1, 1])" },
    { LC_FAM_SSM, "truncation_order", "Xir", 3, 3, bi_truncation_order, "truncation_order(As, c, t)",
      "Measures the order of the local truncation error of the Magnus expansion to degree c "
      "(1..32): the list [e(t), e(t/2), e(t)/e(t/2), p], where e(t) = ||exp(sum_{k<=c} t^k "
      "Omega_k) - exp(t A_T) ... exp(t A_1)||_F as certified balls (durations 1), and p is the "
      "integer whose interval (2^(p-1/2), 2^(p+1/2)) certainly contains the ratio, or -1 when none "
      "does (t too large or precision too low). p is marked certified; expect p = c + 1.",
      "truncation_order([[[0, 1], [0, 0]], [[0, 0], [1, 0]]], 1, 1/256)" },
    { LC_FAM_SSM, "exp_gap", "xx", 2, 2, bi_exp_gap, "exp_gap(X, Y)",
      "The two sides of the inequality ||e^X - e^Y||_F >= e^(-max(||X||_F, ||Y||_F)) ||X - Y||_F "
      "for square matrices X and Y of one size (exact or ball), as the pair [left side, right "
      "side] of certified balls; compare them (e.g. lhs >= rhs) to check the inequality with a "
      "certified verdict. Other shapes are a dimension error.",
      "exp_gap([[0, 1], [0, 0]], [[0, 0], [1, 0]])" },
    { LC_FAM_SSM, "icosahedral_so3", "", 0, 0, bi_icosahedral, "icosahedral_so3()",
      "The pair [a, b] of so(3) generators (ball matrices at the working precision) of the "
      "icosahedral rotation group A5: a = (2 pi / 5) [u]_x about the vertex u = (0, 1, phi)/|.| "
      "and b = (2 pi / 3) [v]_x about the face centre v = (1, 1, 1)/sqrt 3, so exp(a) has order 5, "
      "exp(b) order 3, and together they generate A5. A certified non-solvable example with "
      "irrational entries.",
      "len(icosahedral_so3())" },
    { LC_FAM_SSM, "tower", "l", 1, 1, bi_tower, "tower(L)",
      "The derived-series tower of the Lie algebra L as a pair [dims, layers]: dims are the "
      "dimensions of L = L^(0), L^(1) = [L, L], ... up to and including the first term that is 0 "
      "or equal to its predecessor, and layers are the dimensions of the abelian quotients "
      "L^(i)/L^(i+1) (one fewer entry). Computed exactly over Q.",
      "tower(lie([[0, 1], [0, 0]], [[1, 0], [0, -1]]))" },
    { LC_FAM_SSM, "perfect_core", "l", 1, 1, bi_perfect_core, "perfect_core(L)",
      "The perfect core of the Lie algebra L: the last term P of its derived series, the one with "
      "[P, P] = P, as a Lie algebra computed exactly. It is 0 exactly when L is solvable, and "
      "equals L when L is perfect (e.g. semisimple).",
      "perfect_core(lie([[0, 1], [0, 0]], [[0, 0], [1, 0]]))" },
    { LC_FAM_SSM, "radical", "l", 1, 1, bi_radical, "radical(L)",
      "The solvable radical of the Lie algebra L (its largest solvable ideal) as a Lie algebra, "
      "computed exactly as the orthogonal complement of [L, L] under the Killing form of L (valid "
      "over Q, characteristic 0). It is 0 for a semisimple L and L itself for a solvable one.",
      "radical(lie([[1, 0], [0, 0]], [[0, 1], [0, 0]], [[0, 0], [1, 0]]))" },
    { LC_FAM_SSM, "witt", "ii", 2, 2, bi_witt, "witt(n, m)",
      "Witt's number (1/m) sum_{d | m} mu(d) n^(m/d), the dimension of the degree-m part of the "
      "free Lie algebra on n generators, as an exact integer (arbitrarily large). Needs n >= 1 and "
      "1 <= m <= 10000; compare with free_lie_dims, which computes the same dimensions "
      "independently.",
      "witt(2, 3)" },
    { LC_FAM_SSM, "free_lie_dims", "ii", 2, 2, bi_free_lie_dims, "free_lie_dims(n, c)",
      "The dimensions of the degree-1..c parts of the free Lie algebra on n generators, as a list "
      "of integers computed independently of Witt's formula: the span of the brackets [x_i, p] "
      "inside the free associative algebra (words of length m), exactly. c is 1..64, and n^c may "
      "not exceed 2^16.",
      "free_lie_dims(2, 4)" },
    { LC_FAM_SSM, "free_nilpotent", "ii", 2, 2, bi_free_nilpotent, "free_nilpotent(n, c)",
      "The free nilpotent Lie algebra of class c on n generators as an exact matrix Lie algebra: "
      "generated by ad(x_1), ..., ad(x_n) acting on the free nilpotent algebra of class c + 1, "
      "which is faithful on class c. Needs n, c >= 1, and the representation size sum_{m <= c+1} "
      "witt(n, m) may not exceed 64.",
      "dim(free_nilpotent(2, 3))" },
    { LC_FAM_SSM, "cascade", "iiib", 3, 4, bi_cascade, "cascade(k, d, nsym, selective)",
      "The nsym (1..64) generators of a random k-layer stack of abelian linear layers of width d, "
      "one per input symbol, as exact block lower-triangular matrices of size k d (+1 when "
      "selective): diagonal blocks are random diagonal transitions and the blocks below feed each "
      "layer into the next, with integers from [-50, 50] drawn from seed(). selective (default "
      "false) adds an input-dependent drive b(x). Sizes above 64 are a limit error.",
      "seed(1)\nderived_length(lie(cascade(3, 2, 2)))" },
    { LC_FAM_SSM, "cascade_bound", "i", 1, 1, bi_cascade_bound, "cascade_bound(m)",
      "The bound 1 + ceil(log2 m) (1 for m = 1) on the derived length of an algebra of block "
      "lower-triangular matrices with m blocks whose diagonal blocks commute, as an exact integer; "
      "for cascade(k, ...) take m = k, or k + 1 for the selective kind. m must be at least 1.",
      "cascade_bound(4)" },
};

const slong lc_nbuiltins_ssm = (slong) (sizeof(lc_builtins_ssm) / sizeof(lc_builtins_ssm[0]));
