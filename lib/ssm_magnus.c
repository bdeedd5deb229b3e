/* ssm_magnus.c -- Magnus and BCH terms exactly over Q and in balls, commutator
 * and generator mass, the certified truncation error and its order,
 * transition matrices, and the exp-Lipschitz inequality (see ssm.h).
 *
 * The series live in the truncated ring M_n(Q)[t]/(t^(N+1)): an array of
 * N + 1 matrix coefficients.  Working with t as a formal variable makes
 * every Omega_k an exact rational matrix and avoids the combinatorics of
 * the explicit Magnus formula. */
#include <string.h>
#include "ssm.h"
#include "matfun.h"
#include "limit.h"

/* ------------------------------------------------------------ exact series */

static fmpq_mat_struct *
qser_new(slong N, slong n)
{
    fmpq_mat_struct * s = flint_malloc(sizeof(fmpq_mat_struct) * (N + 1));
    slong k;

    for (k = 0; k <= N; k++)
        fmpq_mat_init(s + k, n, n);
    return s;
}

static void
qser_free(fmpq_mat_struct * s, slong N)
{
    slong k;

    for (k = 0; k <= N; k++)
        fmpq_mat_clear(s + k);
    flint_free(s);
}

/* C := A B mod t^(N+1); C must not alias A or B. */
static void
qser_mul(fmpq_mat_struct * C, const fmpq_mat_struct * A, const fmpq_mat_struct * B, slong N,
         fmpq_mat_t tmp)
{
    slong i, k;

    for (k = 0; k <= N; k++)
    {
        lc_limit_poll();    /* void: a stop unwinds (lib/limit) */
        fmpq_mat_zero(C + k);
        for (i = 0; i <= k; i++)
        {
            if (fmpq_mat_is_zero(A + i) || fmpq_mat_is_zero(B + k - i))
                continue;
            fmpq_mat_mul(tmp, A + i, B + k - i);
            fmpq_mat_add(C + k, C + k, tmp);
        }
    }
}

static void
qser_swap(fmpq_mat_struct * A, fmpq_mat_struct * B, slong N)
{
    slong k;

    for (k = 0; k <= N; k++)
        fmpq_mat_swap(A + k, B + k);
}

/* E := exp(S) for a series S without constant term: sum_{m<=N} S^m / m!. */
static void
qser_exp(fmpq_mat_struct * E, const fmpq_mat_struct * S, slong N, slong n)
{
    fmpq_mat_struct * Pw = qser_new(N, n), * W = qser_new(N, n);
    fmpq_mat_t tmp;
    fmpz_t m;
    slong k, j;

    fmpq_mat_init(tmp, n, n);
    fmpz_init(m);
    for (k = 0; k <= N; k++)
    {
        fmpq_mat_zero(E + k);
        fmpq_mat_zero(Pw + k);
    }
    fmpq_mat_one(E + 0);
    fmpq_mat_one(Pw + 0);
    for (j = 1; j <= N; j++)
    {
        /* Pw := Pw S / j, i.e. S^j / j! */
        qser_mul(W, Pw, S, N, tmp);
        fmpz_set_si(m, j);
        for (k = 0; k <= N; k++)
            fmpq_mat_scalar_div_fmpz(W + k, W + k, m);
        qser_swap(Pw, W, N);
        for (k = j; k <= N; k++)
            fmpq_mat_add(E + k, E + k, Pw + k);
    }
    fmpz_clear(m);
    fmpq_mat_clear(tmp);
    qser_free(Pw, N);
    qser_free(W, N);
}

/* Lg := log(P) for a series with P_0 = I: sum_m (-1)^(m+1) (P - I)^m / m. */
static void
qser_log(fmpq_mat_struct * Lg, const fmpq_mat_struct * P, slong N, slong n)
{
    fmpq_mat_struct * X = qser_new(N, n), * Pw = qser_new(N, n), * W = qser_new(N, n);
    fmpq_mat_t tmp;
    fmpq_t c;
    slong k, m;

    fmpq_mat_init(tmp, n, n);
    fmpq_init(c);
    for (k = 1; k <= N; k++)
    {
        fmpq_mat_set(X + k, P + k);
        fmpq_mat_set(Pw + k, P + k);
    }
    for (k = 0; k <= N; k++)
        fmpq_mat_zero(Lg + k);
    for (m = 1; m <= N; m++)
    {
        fmpq_set_si(c, (m % 2) ? 1 : -1, m);
        for (k = m; k <= N; k++)
        {
            fmpq_mat_scalar_mul_fmpq(tmp, Pw + k, c);
            fmpq_mat_add(Lg + k, Lg + k, tmp);
        }
        if (m < N)
        {
            qser_mul(W, Pw, X, N, tmp);
            qser_swap(Pw, W, N);
        }
    }
    fmpq_clear(c);
    fmpq_mat_clear(tmp);
    qser_free(X, N);
    qser_free(Pw, N);
    qser_free(W, N);
}

static int
check_gens(const fmpq_mat_struct * As, slong T, slong order, lc_err_t err)
{
    slong i, n;

    if (T < 1)
        return lc_err_set(err, LC_E_ARG, "an input needs at least one step");
    if (T > LC_SSM_MAX_STEPS)
        return lc_err_set(err, LC_E_LIMIT, "%ld steps exceed the limit %d", (long) T, LC_SSM_MAX_STEPS);
    if (order < 1)
        return lc_err_set(err, LC_E_ARG, "the order must be at least 1, got %ld", (long) order);
    if (order > LC_SSM_MAX_ORDER)
        return lc_err_set(err, LC_E_LIMIT, "order %ld exceeds the limit %d", (long) order, LC_SSM_MAX_ORDER);
    n = As[0].r;
    for (i = 0; i < T; i++)
    {
        if (As[i].r != As[i].c || As[i].r < 1)
            return lc_err_set(err, LC_E_DIM, "generator %ld is %ldx%ld, not square",
                              (long) i + 1, (long) As[i].r, (long) As[i].c);
        if (As[i].r != n)
            return lc_err_set(err, LC_E_DIM, "generator %ld is %ldx%ld, generator 1 is %ldx%ld",
                              (long) i + 1, (long) As[i].r, (long) As[i].c, (long) n, (long) n);
    }
    return LC_OK;
}

/* P := prod_i exp(t d_i A_i) mod t^(N+1), the later step on the left. */
static void
qser_product(fmpq_mat_struct * P, const fmpq_mat_struct * As, const fmpq * dur, slong T,
             slong N, slong n)
{
    fmpq_mat_struct * S = qser_new(N, n), * E = qser_new(N, n), * W = qser_new(N, n);
    fmpq_mat_t tmp;
    slong i, k;

    fmpq_mat_init(tmp, n, n);
    for (k = 0; k <= N; k++)
        fmpq_mat_zero(P + k);
    fmpq_mat_one(P + 0);
    for (i = 0; i < T; i++)
    {
        if (dur != NULL)
            fmpq_mat_scalar_mul_fmpq(S + 1, As + i, dur + i);
        else
            fmpq_mat_set(S + 1, As + i);
        qser_exp(E, S, N, n);
        qser_mul(W, E, P, N, tmp);
        qser_swap(P, W, N);
    }
    fmpq_mat_clear(tmp);
    qser_free(S, N);
    qser_free(E, N);
    qser_free(W, N);
}

int
lc_ssm_magnus(fmpq_mat_struct * Omega, const fmpq_mat_struct * As, const fmpq * dur,
              slong T, slong order, lc_err_t err)
{
    fmpq_mat_struct * P, * Lg;
    slong n, k;

    if (check_gens(As, T, order, err) != LC_OK)
        return err->code;
    n = As[0].r;
    P = qser_new(order, n);
    Lg = qser_new(order, n);
    qser_product(P, As, dur, T, order, n);
    qser_log(Lg, P, order, n);
    for (k = 1; k <= order; k++)
    {
        fmpq_mat_clear(Omega + k - 1);
        fmpq_mat_init_set(Omega + k - 1, Lg + k);
    }
    qser_free(P, order);
    qser_free(Lg, order);
    return LC_OK;
}

int
lc_ssm_bch(fmpq_mat_struct * Z, const fmpq_mat_t X, const fmpq_mat_t Y, slong order,
           lc_err_t err)
{
    fmpq_mat_struct As[2];

    /* e^X e^Y: Y acts first, X is the later step */
    As[0] = *Y;
    As[1] = *X;
    return lc_ssm_magnus(Z, As, NULL, 2, order, err);
}

int
lc_ssm_magnus_residual(fmpq_mat_struct * R, const fmpq_mat_struct * As, const fmpq * dur,
                       slong T, slong order, lc_err_t err)
{
    fmpq_mat_struct * P, * Lg, * E;
    slong n, k, N = order + 1;

    if (check_gens(As, T, order, err) != LC_OK)
        return err->code;
    n = As[0].r;
    P = qser_new(N, n);
    Lg = qser_new(N, n);
    E = qser_new(N, n);
    qser_product(P, As, dur, T, N, n);
    qser_log(Lg, P, N, n);
    fmpq_mat_zero(Lg + N);        /* truncate the logarithm at t^order */
    qser_exp(E, Lg, N, n);
    for (k = 0; k <= N; k++)
    {
        fmpq_mat_clear(R + k);
        fmpq_mat_init(R + k, n, n);
        fmpq_mat_sub(R + k, E + k, P + k);
    }
    qser_free(P, N);
    qser_free(Lg, N);
    qser_free(E, N);
    return LC_OK;
}

static void
frob2(fmpq_t s, const fmpq_mat_t A)
{
    fmpq_t x;
    slong i, j;

    fmpq_init(x);
    fmpq_zero(s);
    for (i = 0; i < A->r; i++)
        for (j = 0; j < A->c; j++)
        {
            fmpq_mul(x, fmpq_mat_entry(A, i, j), fmpq_mat_entry(A, i, j));
            fmpq_add(s, s, x);
        }
    fmpq_clear(x);
}

int
lc_ssm_commutator_mass2(fmpq_t m2, const fmpq_mat_struct * As, const fmpq * dur, slong T,
                        lc_err_t err)
{
    fmpq_mat_struct Om[2];

    int st;

    fmpq_mat_init(Om + 0, 0, 0);
    fmpq_mat_init(Om + 1, 0, 0);
    if ((st = lc_ssm_magnus(Om, As, dur, T, 2, err)) == LC_OK)
        frob2(m2, Om + 1);
    fmpq_mat_clear(Om + 0);
    fmpq_mat_clear(Om + 1);
    return st;
}

int
lc_ssm_commutator_mass(arb_t m, const fmpq_mat_struct * As, const fmpq * dur, slong T,
                       slong prec, lc_err_t err)
{
    fmpq_t m2;
    int st;

    fmpq_init(m2);
    if ((st = lc_ssm_commutator_mass2(m2, As, dur, T, err)) == LC_OK)
    {
        arb_set_fmpq(m, m2, prec);
        arb_sqrtpos(m, m, prec);
    }
    fmpq_clear(m2);
    return st;
}

int
lc_ssm_generator_mass(arb_t eps, const fmpq_mat_struct * As, const fmpq * dur, slong T,
                      slong prec, lc_err_t err)
{
    fmpq_t s, d;
    arb_t x;
    slong i;

    if (check_gens(As, T, 1, err) != LC_OK)
        return err->code;
    fmpq_init(s);
    fmpq_init(d);
    arb_init(x);
    arb_zero(eps);
    for (i = 0; i < T; i++)
    {
        frob2(s, As + i);
        if (dur != NULL)
        {
            fmpq_abs(d, dur + i);
            fmpq_mul(s, s, d);
            fmpq_mul(s, s, d);
        }
        arb_set_fmpq(x, s, prec);
        arb_sqrtpos(x, x, prec);
        arb_add(eps, eps, x, prec);
    }
    fmpq_clear(s);
    fmpq_clear(d);
    arb_clear(x);
    return LC_OK;
}

int
lc_ssm_transition(fmpq_mat_t P, const fmpq_mat_struct * As, const fmpq * dur, slong T,
                  lc_err_t err)
{
    fmpq_mat_t A, Pw, E, W;
    fmpz_t m;
    slong i, j, n;
    int st = LC_OK;

    if (check_gens(As, T, 1, err) != LC_OK)
        return err->code;
    n = As[0].r;
    fmpq_mat_init(A, n, n);
    fmpq_mat_init(Pw, n, n);
    fmpq_mat_init(E, n, n);
    fmpq_mat_init(W, n, n);
    fmpz_init(m);
    lc_qmat_eye(P, n);
    for (i = 0; i < T && st == LC_OK; i++)
    {
        if (dur != NULL)
            fmpq_mat_scalar_mul_fmpq(A, As + i, dur + i);
        else
            fmpq_mat_set(A, As + i);
        /* exp(A) = sum_{j<n} A^j / j! when A^n = 0 */
        fmpq_mat_one(E);
        fmpq_mat_one(Pw);
        for (j = 1; j <= n; j++)
        {
            fmpq_mat_mul(W, Pw, A);
            fmpz_set_si(m, j);
            fmpq_mat_scalar_div_fmpz(Pw, W, m);
            if (j < n)
                fmpq_mat_add(E, E, Pw);
        }
        if (!fmpq_mat_is_zero(Pw))
        {
            st = lc_err_set(err, LC_E_DOMAIN, "the generator of step %ld is not nilpotent: its "
                            "exponential is not a finite sum over Q (use balls)", (long) i + 1);
            break;
        }
        fmpq_mat_mul(W, E, P);
        fmpq_mat_swap(W, P);
    }
    fmpz_clear(m);
    fmpq_mat_clear(A);
    fmpq_mat_clear(Pw);
    fmpq_mat_clear(E);
    fmpq_mat_clear(W);
    return st;
}

/* ------------------------------------------------------------- ball series */

static arb_mat_struct *
bser_new(slong N, slong n)
{
    arb_mat_struct * s = flint_malloc(sizeof(arb_mat_struct) * (N + 1));
    slong k;

    for (k = 0; k <= N; k++)
        arb_mat_init(s + k, n, n);
    return s;
}

static void
bser_free(arb_mat_struct * s, slong N)
{
    slong k;

    for (k = 0; k <= N; k++)
        arb_mat_clear(s + k);
    flint_free(s);
}

static void
bser_mul(arb_mat_struct * C, const arb_mat_struct * A, const arb_mat_struct * B, slong N,
         arb_mat_t tmp, slong prec)
{
    slong i, k;

    for (k = 0; k <= N; k++)
    {
        lc_limit_poll();    /* void: a stop unwinds (lib/limit) */
        arb_mat_zero(C + k);
        for (i = 0; i <= k; i++)
        {
            arb_mat_mul(tmp, A + i, B + k - i, prec);
            arb_mat_add(C + k, C + k, tmp, prec);
        }
    }
}

static int
check_ball_gens(const arb_mat_struct * As, slong T, slong order, lc_err_t err)
{
    slong i, n;

    if (T < 1)
        return lc_err_set(err, LC_E_ARG, "an input needs at least one step");
    if (T > LC_SSM_MAX_STEPS)
        return lc_err_set(err, LC_E_LIMIT, "%ld steps exceed the limit %d", (long) T, LC_SSM_MAX_STEPS);
    if (order < 1 || order > LC_SSM_MAX_ORDER)
        return lc_err_set(err, order < 1 ? LC_E_ARG : LC_E_LIMIT, "the order must be between 1 and %d, got %ld",
                          LC_SSM_MAX_ORDER, (long) order);
    n = arb_mat_nrows(As + 0);
    for (i = 0; i < T; i++)
    {
        slong r = arb_mat_nrows(As + i), c = arb_mat_ncols(As + i);

        if (r != c || r < 1)
            return lc_err_set(err, LC_E_DIM, "generator %ld is %ldx%ld, not square",
                              (long) i + 1, (long) r, (long) c);
        if (r != n)
            return lc_err_set(err, LC_E_DIM, "generator %ld is %ldx%ld, generator 1 is %ldx%ld",
                              (long) i + 1, (long) r, (long) c, (long) n, (long) n);
    }
    return LC_OK;
}

int
lc_ssm_magnus_ball(arb_mat_struct * Omega, const arb_mat_struct * As, slong T,
                   slong order, slong prec, lc_err_t err)
{
    arb_mat_struct * P, * E, * W, * Pw, * Lg;
    arb_mat_t tmp;
    slong i, j, k, n, N = order;

    if (check_ball_gens(As, T, order, err) != LC_OK)
        return err->code;
    n = arb_mat_nrows(As + 0);
    P = bser_new(N, n);
    E = bser_new(N, n);
    W = bser_new(N, n);
    Pw = bser_new(N, n);
    Lg = bser_new(N, n);
    arb_mat_init(tmp, n, n);
    arb_mat_one(P + 0);
    for (i = 0; i < T; i++)
    {
        /* E := exp(t A_i): coefficient k is A_i^k / k! */
        arb_mat_one(E + 0);
        for (k = 1; k <= N; k++)
        {
            arb_mat_mul(E + k, E + k - 1, As + i, prec);
            arb_mat_scalar_div_si(E + k, E + k, k, prec);
        }
        bser_mul(W, E, P, N, tmp, prec);
        for (k = 0; k <= N; k++)
            arb_mat_swap(P + k, W + k);
    }
    /* log: X = P - I (no constant term) */
    arb_mat_zero(P + 0);
    for (k = 0; k <= N; k++)
        arb_mat_set(Pw + k, P + k);
    for (j = 1; j <= N; j++)
    {
        for (k = j; k <= N; k++)
        {
            arb_mat_scalar_div_si(tmp, Pw + k, (j % 2) ? j : -j, prec);
            arb_mat_add(Lg + k, Lg + k, tmp, prec);
        }
        if (j < N)
        {
            bser_mul(W, Pw, P, N, tmp, prec);
            for (k = 0; k <= N; k++)
                arb_mat_swap(Pw + k, W + k);
        }
    }
    for (k = 1; k <= N; k++)
    {
        arb_mat_clear(Omega + k - 1);
        arb_mat_init(Omega + k - 1, n, n);
        arb_mat_set(Omega + k - 1, Lg + k);
    }
    arb_mat_clear(tmp);
    bser_free(P, N);
    bser_free(E, N);
    bser_free(W, N);
    bser_free(Pw, N);
    bser_free(Lg, N);
    return LC_OK;
}

/* f := ||A||_F as a ball. */
static void
ball_frobenius(arb_t f, const arb_mat_t A, slong prec)
{
    arb_t x;
    slong i, j;

    arb_init(x);
    arb_zero(f);
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
        {
            arb_sqr(x, arb_mat_entry(A, i, j), prec);
            arb_add(f, f, x, prec);
        }
    arb_sqrtpos(f, f, prec);
    arb_clear(x);
}

int
lc_ssm_transition_ball(arb_mat_t P, const arb_mat_struct * As, slong T, slong prec,
                       lc_err_t err)
{
    arb_mat_t E, W;
    slong i, n;
    int st = LC_OK;

    if (check_ball_gens(As, T, 1, err) != LC_OK)
        return err->code;
    n = arb_mat_nrows(As + 0);
    arb_mat_init(E, n, n);
    arb_mat_init(W, n, n);
    lc_ball_resize(P, n, n);
    arb_mat_one(P);
    for (i = 0; i < T && st == LC_OK; i++)
    {
        if ((st = lc_matfun_exp(E, As + i, prec, err)) != LC_OK)
            break;
        arb_mat_mul(W, E, P, prec);
        arb_mat_swap(W, P);
    }
    arb_mat_clear(E);
    arb_mat_clear(W);
    return st;
}

int
lc_ssm_truncation_error(arb_t e, const arb_mat_struct * As, slong T,
                        const arb_mat_struct * Omega, slong order, const arb_t t,
                        slong prec, lc_err_t err)
{
    arb_mat_struct * tA;
    arb_mat_t S, X, E, P;
    arb_t tk;
    slong i, k, n;
    int st;

    if (check_ball_gens(As, T, order, err) != LC_OK)
        return err->code;
    n = arb_mat_nrows(As + 0);
    for (k = 0; k < order; k++)
        if (arb_mat_nrows(Omega + k) != n || arb_mat_ncols(Omega + k) != n)
            return lc_err_set(err, LC_E_DIM, "Magnus term %ld is not %ldx%ld", (long) k + 1,
                              (long) n, (long) n);
    tA = flint_malloc(sizeof(arb_mat_struct) * T);
    for (i = 0; i < T; i++)
    {
        arb_mat_init(tA + i, n, n);
        arb_mat_scalar_mul_arb(tA + i, As + i, t, prec);
    }
    arb_mat_init(S, n, n);
    arb_mat_init(X, n, n);
    arb_mat_init(E, n, n);
    arb_mat_init(P, n, n);
    arb_init(tk);
    arb_one(tk);
    for (k = 0; k < order; k++)
    {
        arb_mul(tk, tk, t, prec);
        arb_mat_scalar_mul_arb(X, Omega + k, tk, prec);
        arb_mat_add(S, S, X, prec);
    }
    if ((st = lc_matfun_exp(E, S, prec, err)) == LC_OK
        && (st = lc_ssm_transition_ball(P, tA, T, prec, err)) == LC_OK)
    {
        arb_mat_sub(E, E, P, prec);
        ball_frobenius(e, E, prec);
    }
    for (i = 0; i < T; i++)
        arb_mat_clear(tA + i);
    flint_free(tA);
    arb_mat_clear(S);
    arb_mat_clear(X);
    arb_mat_clear(E);
    arb_mat_clear(P);
    arb_clear(tk);
    return st;
}

int
lc_ssm_truncation_order(arb_t ratio, slong * p, const arb_mat_struct * As, slong T,
                        slong order, const arb_t t, slong prec, lc_err_t err)
{
    arb_mat_struct * Om;
    arb_t e1, e2, h, lo, hi, s2;
    slong k, q;
    int st;

    *p = -1;
    if (check_ball_gens(As, T, order, err) != LC_OK)
        return err->code;
    Om = flint_malloc(sizeof(arb_mat_struct) * order);
    for (k = 0; k < order; k++)
        arb_mat_init(Om + k, 0, 0);
    arb_init(e1);
    arb_init(e2);
    arb_init(h);
    arb_init(lo);
    arb_init(hi);
    arb_init(s2);
    arb_mul_2exp_si(h, t, -1);
    if ((st = lc_ssm_magnus_ball(Om, As, T, order, prec, err)) == LC_OK
        && (st = lc_ssm_truncation_error(e1, As, T, Om, order, t, prec, err)) == LC_OK
        && (st = lc_ssm_truncation_error(e2, As, T, Om, order, h, prec, err)) == LC_OK)
    {
        arb_div(ratio, e1, e2, prec);
        arb_sqrt_ui(s2, 2, prec);
        for (q = 0; q <= 4 * LC_SSM_MAX_ORDER && *p < 0; q++)
        {
            /* (2^q / sqrt 2, 2^q sqrt 2) */
            arb_one(hi);
            arb_mul_2exp_si(hi, hi, q);
            arb_div(lo, hi, s2, prec);
            arb_mul(hi, hi, s2, prec);
            if (arb_gt(ratio, lo) && arb_lt(ratio, hi))
                *p = q;
        }
    }
    for (k = 0; k < order; k++)
        arb_mat_clear(Om + k);
    flint_free(Om);
    arb_clear(e1);
    arb_clear(e2);
    arb_clear(h);
    arb_clear(lo);
    arb_clear(hi);
    arb_clear(s2);
    return st;
}

int
lc_ssm_exp_gap(arb_t lhs, arb_t rhs, const arb_mat_t X, const arb_mat_t Y, slong prec,
               lc_err_t err)
{
    arb_mat_t EX, EY, D;
    arb_t nx, ny;
    slong n = arb_mat_nrows(X);
    int r = -2;

    lc_err_init(err);
    if (arb_mat_ncols(X) != n || arb_mat_nrows(Y) != n || arb_mat_ncols(Y) != n || n < 1)
    {
        lc_err_set(err, LC_E_DIM, "X and Y must be square of one size");
        return -2;
    }
    arb_mat_init(EX, n, n);
    arb_mat_init(EY, n, n);
    arb_mat_init(D, n, n);
    arb_init(nx);
    arb_init(ny);
    if (lc_matfun_exp(EX, X, prec, err) == LC_OK && lc_matfun_exp(EY, Y, prec, err) == LC_OK)
    {
        arb_mat_sub(D, EX, EY, prec);
        ball_frobenius(lhs, D, prec);
        arb_mat_sub(D, X, Y, prec);
        ball_frobenius(rhs, D, prec);
        ball_frobenius(nx, X, prec);
        ball_frobenius(ny, Y, prec);
        arb_max(nx, nx, ny, prec);
        arb_neg(nx, nx);
        arb_exp(nx, nx, prec);
        arb_mul(rhs, rhs, nx, prec);
        r = arb_ge(lhs, rhs) ? 1 : arb_lt(lhs, rhs) ? 0 : -1;
    }
    arb_mat_clear(EX);
    arb_mat_clear(EY);
    arb_mat_clear(D);
    arb_clear(nx);
    arb_clear(ny);
    return r;
}

/* W := s [(x, y, z)]_x, the skew matrix of the cross product with s (x, y, z). */
static void
skew_ball(arb_mat_t W, const arb_t x, const arb_t y, const arb_t z, const arb_t s, slong prec)
{
    lc_ball_resize(W, 3, 3);
    arb_mat_zero(W);
    arb_mul(arb_mat_entry(W, 1, 0), z, s, prec);
    arb_neg(arb_mat_entry(W, 0, 1), arb_mat_entry(W, 1, 0));
    arb_mul(arb_mat_entry(W, 0, 2), y, s, prec);
    arb_neg(arb_mat_entry(W, 2, 0), arb_mat_entry(W, 0, 2));
    arb_mul(arb_mat_entry(W, 2, 1), x, s, prec);
    arb_neg(arb_mat_entry(W, 1, 2), arb_mat_entry(W, 2, 1));
}

void
lc_ssm_icosahedral(arb_mat_struct * G, slong prec)
{
    arb_t phi, s, t, zero, one;

    arb_init(phi);
    arb_init(s);
    arb_init(t);
    arb_init(zero);
    arb_init(one);
    arb_one(one);
    arb_sqrt_ui(phi, 5, prec);
    arb_add_ui(phi, phi, 1, prec);
    arb_mul_2exp_si(phi, phi, -1);
    /* (2 pi / 5) / |(0, 1, phi)| */
    arb_sqr(s, phi, prec);
    arb_add_ui(s, s, 1, prec);
    arb_rsqrt(s, s, prec);
    arb_const_pi(t, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_div_ui(t, t, 5, prec);
    arb_mul(s, s, t, prec);
    skew_ball(G + 0, zero, one, phi, s, prec);
    /* (2 pi / 3) / |(1, 1, 1)| */
    arb_const_pi(s, prec);
    arb_mul_2exp_si(s, s, 1);
    arb_div_ui(s, s, 3, prec);
    arb_sqrt_ui(t, 3, prec);
    arb_div(s, s, t, prec);
    skew_ball(G + 1, one, one, one, s, prec);
    arb_clear(phi);
    arb_clear(s);
    arb_clear(t);
    arb_clear(zero);
    arb_clear(one);
}
