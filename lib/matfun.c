/* matfun.c -- certified exp, principal square root and principal log.
 *
 * Rigour in one paragraph (details in doc/matfun.md).  Approximations
 * (Denman-Beavers iterates, inverse Jacobians, Lyapunov solutions) only ever
 * serve as midpoints or preconditioners; each result is then proved in ball
 * arithmetic: a square root by the Krawczyk inclusion K(X) in int(X), its
 * principality by ||Y - I|| < 1 or a Lyapunov certificate (P > 0 and
 * Y^T P + P Y > 0, both by ball Cholesky), and the logarithm of a matrix near
 * I by a power series whose tail is bounded in a submultiplicative norm. */
#include <complex.h>
#include <math.h>
#include <string.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpz_mat.h>
#include <flint/double_extras.h>
#include "matfun_util.h"
#include "limit.h"

/* Bits of accuracy below the working precision that the eigenvector route
   of log may give up (the input's own radius is amplified by the condition
   of the eigenvectors) before the square-root route is taken instead. */
#define LC_MATFUN_EIG_SLACK 8

/* Most square roots inverse scaling and squaring may take. */
#define LC_MATFUN_MAX_ROOTS 64

/* ------------------------------------------------------------------ helpers */

static int
_check_square(const arb_mat_t A, const char * what, lc_err_t err)
{
    if (arb_mat_nrows(A) != arb_mat_ncols(A))
        return lc_err_set(err, LC_E_DIM, "%s: the matrix is %ld x %ld, not square",
                          what, (long) arb_mat_nrows(A), (long) arb_mat_ncols(A));
    return LC_OK;
}

/* X := S - I. */
static void
_sub_one(arb_mat_t X, const arb_mat_t S, slong prec)
{
    slong i;

    arb_mat_set(X, S);
    for (i = 0; i < arb_mat_nrows(S); i++)
        arb_sub_ui(arb_mat_entry(X, i, i), arb_mat_entry(X, i, i), 1, prec);
}

/* -------------------------------------------------------------------- exp */

/* Number of Taylor terms N with sum_{k >= N} x^k / k! <= 2^-prec for
   x = norm: the estimate of Arb's _arb_mat_exp_choose_N (Lambert W), then
   checked with mag_exp_tail and raised until the bound holds. */
static slong
_exp_terms(const mag_t norm, slong prec)
{
    slong N;
    mag_t e;

    if (mag_cmp_2exp_si(norm, -prec) < 0)
        N = 2;
    else
    {
        double c = mag_get_d(norm), t;

        t = d_lambertw(prec * 0.25499459743395350926 / c);   /* log(2) / e */
        t = c * exp(t + 1.0);
        N = FLINT_MIN((slong) (t + 1.0), 2 * prec);
    }
    mag_init(e);
    for (mag_exp_tail(e, norm, N); mag_cmp_2exp_si(e, -prec) > 0; mag_exp_tail(e, norm, N))
        N++;
    mag_clear(e);
    return N;
}

/* exp of a matrix of exact balls (dyadic midpoints, zero radii) by a Taylor
   sum in exact integer arithmetic.  A = B / 2^e with B an integer matrix;
   after scaling by 2^-r (r chosen so that ||A / 2^r||_inf < 4: a squaring at
   wp costs more than the extra integer Taylor terms of < 4 instead of < 2;
   callgrind counts in doc/benchmarks.md),
   C = A / 2^r = B / 2^s, s = e + r, and

       sum_{k < N} C^k / k! = (sum_{k < N} B^k c_k) / c_0,
       c_k = 2^(s (N - 1 - k)) (N - 1)! / k!,

   an exact integer matrix divided by one integer, evaluated by rectangular
   splitting (the powers B^j, j <= sqrt N, are small exact matrices; Horner
   in B^m over the blocks; the block sums come from one product of integer
   matrices, see below).  The one rounding is the division (ball
   arithmetic at wp), the truncation adds mag_exp_tail(||C||_inf, N)
   <= 2^-wp to every entry (each entry of a matrix is bounded by its inf
   norm, which is submultiplicative), then r squarings in ball arithmetic.
   Arb's arb_mat_exp does the same series in ball arithmetic at wp, and
   more squarings; with exact input the integer sum is cheaper.  Returns 0
   (and leaves E alone) when A is not exact, or its entries or norm are too
   large for this path (B more than 4 prec bits, ||A|| >= 2^30). */
static int
_exp_exact(arb_mat_t E, const arb_mat_t A, slong prec)
{
    slong n = arb_mat_nrows(A), i, j, e = 0, s, r, N, m, w, b, k, wp;
    fmpz_mat_t B, Z, U, V, D, W;
    fmpz * ch;
    fmpz_mat_struct * P;
    fmpz * ex;
    fmpz_t x, c, d;
    mag_t norm, t, err;
    arb_mat_t S;
    int ok = 1;

    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            if (!arb_is_exact(arb_mat_entry(A, i, j)) || !arb_is_finite(arb_mat_entry(A, i, j)))
                return 0;
    fmpz_mat_init(B, n, n);
    fmpz_init(x);
    fmpz_init(c);
    mag_init(norm);
    mag_init(t);
    mag_init(err);
    ex = _fmpz_vec_init(n * n);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            arf_get_fmpz_2exp(fmpz_mat_entry(B, i, j), ex + i * n + j,
                              arb_midref(arb_mat_entry(A, i, j)));
            if (!fmpz_is_zero(fmpz_mat_entry(B, i, j)))
            {
                if (!fmpz_fits_si(ex + i * n + j) || fmpz_get_si(ex + i * n + j) < -4 * prec
                    || fmpz_get_si(ex + i * n + j) > 4 * prec)
                    ok = 0;
                else if (fmpz_get_si(ex + i * n + j) < -e)
                    e = -fmpz_get_si(ex + i * n + j);
            }
        }
    for (i = 0; i < n && ok; i++)
        for (j = 0; j < n; j++)
            if (!fmpz_is_zero(fmpz_mat_entry(B, i, j)))
                fmpz_mul_2exp(fmpz_mat_entry(B, i, j), fmpz_mat_entry(B, i, j),
                              fmpz_get_si(ex + i * n + j) + e);
    _fmpz_vec_clear(ex, n * n);
    ok = ok && fmpz_mat_max_bits(B) <= 4 * prec && fmpz_mat_max_bits(B) >= -4 * prec;
    if (!ok)
        goto cleanup;
    /* norm = ||B||_inf 2^-e */
    for (i = 0; i < n; i++)
    {
        fmpz_zero(x);
        for (j = 0; j < n; j++)
        {
            fmpz_abs(c, fmpz_mat_entry(B, i, j));
            fmpz_add(x, x, c);
        }
        mag_set_fmpz(t, x);
        mag_max(norm, norm, t);
    }
    mag_mul_2exp_si(norm, norm, -e);
    if (mag_cmp_2exp_si(norm, 30) >= 0)
    {
        ok = 0;
        goto cleanup;
    }
    r = mag_is_zero(norm) ? 0 : FLINT_MAX(0, MAG_EXP(norm) - 2);
    s = e + r;
    mag_mul_2exp_si(norm, norm, -r);
    wp = prec + 3 * FLINT_BIT_COUNT(prec) + r;
    N = _exp_terms(norm, wp);
    mag_exp_tail(err, norm, N);

    m = FLINT_MAX(1, n_sqrt(N));
    w = (N + m - 1) / m;
    P = flint_malloc(sizeof(fmpz_mat_struct) * (m + 1));
    for (i = 0; i <= m; i++)
    {
        fmpz_mat_init(P + i, n, n);
        if (i == 0)
            fmpz_mat_one(P);
        else if (i == 1)
            fmpz_mat_set(P + 1, B);
        else
            fmpz_mat_mul(P + i, P + i - 1, B);
    }
    /* The block sums T_b = sum_{k = lo..hi} B^(k - lo) c_k / c_hi (lo = b m,
       hi = min(N - 1, lo + m - 1)), whose coefficients d = c_k / c_hi are
       small (at most m - 1 factors k 2^s), all at once as one product of
       integer matrices: column b of V D is vec(T_b), with column j of V
       vec(B^j) and D_jb = c_(lo + j) / c_hi (0 past hi).  One fmpz_mat_mul
       instead of N scalar multiply-adds of n x n matrices. */
    fmpz_mat_init(V, n * n, m);
    fmpz_mat_init(D, m, w);
    fmpz_mat_init(W, n * n, w);
    ch = _fmpz_vec_init(w);
    for (j = 0; j < m; j++)
        for (i = 0; i < n * n; i++)
            fmpz_set(fmpz_mat_entry(V, i, j), fmpz_mat_entry(P + j, i / n, i % n));
    fmpz_init(d);
    fmpz_one(c);                       /* c_{N-1} */
    for (b = w - 1; b >= 0; b--)
    {
        slong lo = b * m, hi = FLINT_MIN(N - 1, lo + m - 1);

        fmpz_set(ch + b, c);           /* c_hi */
        fmpz_one(d);
        for (k = hi; k >= lo; k--)
        {
            fmpz_set(fmpz_mat_entry(D, k - lo, b), d);
            if (k > lo)
            {
                /* c_{k-1} / c_k = k 2^s */
                fmpz_mul_ui(d, d, k);
                fmpz_mul_2exp(d, d, s);
            }
        }
        /* c_{lo-1} = c_hi d lo 2^s */
        fmpz_mul(c, c, d);
        if (lo > 0)
        {
            fmpz_mul_ui(c, c, lo);
            fmpz_mul_2exp(c, c, s);
        }
    }
    fmpz_mat_mul(W, V, D);
    /* Horner in B^m: Z := B^m Z + c_hi T_b, b = w - 1, ..., 0. */
    fmpz_mat_init(Z, n, n);
    fmpz_mat_init(U, n, n);
    for (b = w - 1; b >= 0; b--)
    {
        if (b != w - 1)
        {
            fmpz_mat_mul(U, P + m, Z);
            fmpz_mat_swap(U, Z);
        }
        for (i = 0; i < n * n; i++)
            fmpz_addmul(fmpz_mat_entry(Z, i / n, i % n), fmpz_mat_entry(W, i, b), ch + b);
    }
    /* c = c_0.  The truncation error goes only where the tail can be
       nonzero: (C^k)_ij = 0 for all k >= N when every walk from i to j in
       the graph of the nonzero entries of B is shorter than N (as in Arb's
       arb_mat_exp); so entries fixed by the sparsity pattern, such as the
       row (0, 0, 1) of SE(2) and Aff(2), stay exact, and the one division
       is exact when its quotient is representable. */
    fmpz_mat_zero(U);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            fmpz_set_si(fmpz_mat_entry(U, i, j), -2);
    for (i = 0, k = 0; i < n; i++)
        for (j = 0; j < n; j++)
            k += fmpz_is_zero(fmpz_mat_entry(B, i, j));
    if (k > 0)
    {
        bool_mat_t G;

        bool_mat_init(G, n, n);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                bool_mat_set_entry(G, i, j, !fmpz_is_zero(fmpz_mat_entry(B, i, j)));
        bool_mat_all_pairs_longest_walk(U, G);   /* -1: no walk, -2: unbounded */
        bool_mat_clear(G);
    }
    arb_mat_init(S, n, n);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            slong d = fmpz_get_si(fmpz_mat_entry(U, i, j));

            arb_fmpz_div_fmpz(arb_mat_entry(S, i, j), fmpz_mat_entry(Z, i, j), c, wp);
            if (d == -2 || d >= N)
                arb_add_error_mag(arb_mat_entry(S, i, j), err);
        }
    for (i = 0; i < r; i++)
    {
        arb_mat_sqr(E, S, wp);
        arb_mat_swap(E, S);
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            arb_set_round(arb_mat_entry(E, i, j), arb_mat_entry(S, i, j), prec);
    arb_mat_clear(S);
    for (i = 0; i <= m; i++)
        fmpz_mat_clear(P + i);
    flint_free(P);
    fmpz_mat_clear(Z);
    fmpz_mat_clear(U);
    fmpz_mat_clear(V);
    fmpz_mat_clear(D);
    fmpz_mat_clear(W);
    _fmpz_vec_clear(ch, w);
    fmpz_clear(d);

cleanup:
    fmpz_mat_clear(B);
    fmpz_clear(x);
    fmpz_clear(c);
    mag_clear(norm);
    mag_clear(t);
    mag_clear(err);
    return ok;
}

int
lc_matfun_exp(arb_mat_t E, const arb_mat_t A, slong prec, lc_err_t err)
{
    arb_mat_t T;
    int rc;

    if ((rc = _check_square(A, "exp", err)) != LC_OK)
        return rc;
    arb_mat_init(T, arb_mat_nrows(A), arb_mat_ncols(A));
    if (arb_mat_nrows(A) == 0 || !_exp_exact(T, A, prec))
        arb_mat_exp(T, A, prec);
    if (!arb_mat_is_finite(T))
    {
        arb_mat_clear(T);
        return lc_err_set(err, LC_E_LIMIT, "exp: the result overflows or the input is not finite");
    }
    _set_out(E, T);
    arb_mat_clear(T);
    return LC_OK;
}

/* ----------------------------------------------------------------- domain */

/* Can M be converted exactly to a rational matrix of moderate size? */
static int
_exact_moderate(const arb_mat_t M)
{
    slong i, j;
    const arf_struct * x;

    for (i = 0; i < arb_mat_nrows(M); i++)
        for (j = 0; j < arb_mat_ncols(M); j++)
        {
            if (!arb_is_exact(arb_mat_entry(M, i, j)))
                return 0;
            x = arb_midref(arb_mat_entry(M, i, j));
            if (!arf_is_finite(x))
                return 0;
            if (!arf_is_zero(x) && (arf_cmpabs_2exp_si(x, 4096) > 0
                                    || arf_cmpabs_2exp_si(x, -4096) < 0
                                    || arf_bits(x) > 4096))
                return 0;
        }
    return 1;
}

/* Exact decision for a rational Q: the eigenvalues are the roots of the
   characteristic polynomial over Q; the real ones are isolated with exactly
   zero imaginary part by arb_fmpz_poly_complex_roots (which needs a
   squarefree input), so their signs decide the question. */
static int
_domain_qmat(const fmpq_mat_t Q, slong prec, lc_err_t err)
{
    slong i, deg;
    fmpq_poly_t cp;
    fmpz_poly_t f, df, g, q;
    acb_ptr roots;
    int res = 1;

    fmpq_poly_init(cp);
    fmpz_poly_init(f);
    fmpz_poly_init(df);
    fmpz_poly_init(g);
    fmpz_poly_init(q);
    fmpq_mat_charpoly(cp, Q);
    fmpq_poly_get_numerator(f, cp);

    if (fmpz_is_zero(f->coeffs))
    {
        res = 0;
        lc_err_set(err, LC_E_DOMAIN, "log: the matrix is singular: eigenvalue 0 (certain), "
                   "so it has no logarithm");
        goto cleanup;
    }

    fmpz_poly_derivative(df, f);
    fmpz_poly_gcd(g, f, df);
    fmpz_poly_divides(q, f, g);
    deg = fmpz_poly_degree(q);
    roots = _acb_vec_init(deg);
    arb_fmpz_poly_complex_roots(roots, q, 0, FLINT_MAX(prec, 32));
    for (i = 0; i < deg && res == 1; i++)
    {
        if (!acb_is_real(roots + i))
            continue;
        if (arb_is_negative(acb_realref(roots + i)))
        {
            char * s = arb_get_str(acb_realref(roots + i), 20, 0);
            res = 0;
            lc_err_set(err, LC_E_DOMAIN, "log: eigenvalue %s lies on the negative real axis "
                       "(certain), so the principal logarithm is not defined", s);
            flint_free(s);
        }
        else if (!arb_is_positive(acb_realref(roots + i)))
        {
            res = -1;
            lc_err_set(err, LC_E_DOMAIN, "log: could not separate a real eigenvalue from 0 "
                       "(undecided at %ld bits)", (long) prec);
        }
    }
    _acb_vec_clear(roots, deg);

cleanup:
    fmpq_poly_clear(cp);
    fmpz_poly_clear(f);
    fmpz_poly_clear(df);
    fmpz_poly_clear(g);
    fmpz_poly_clear(q);
    return res;
}

/* "re + im*i" in Arb's decimal form; free with flint_free. */
static char *
_acb_str(const acb_t e)
{
    char * re = arb_get_str(acb_realref(e), 10, 0);
    char * im = arb_get_str(acb_imagref(e), 10, 0);
    char * s = flint_malloc(strlen(re) + strlen(im) + 8);

    strcpy(s, re);
    strcat(s, " + ");
    strcat(s, im);
    strcat(s, "*i");
    flint_free(re);
    flint_free(im);
    return s;
}

/* Might the eigenvalue enclosure e meet the closed negative real axis? */
static int
_touches_axis(const acb_t e)
{
    return arb_contains_zero(acb_imagref(e)) && !arb_is_positive(acb_realref(e));
}

/* Ball input: eigenvalue enclosures of every matrix in M.  Certainly outside
   when an enclosure B of odd multiplicity lies in Re < 0 and neither B nor
   its mirror image meets another enclosure: the eigenvalues in B are then
   closed under conjugation (M is real), so an odd number of them forces a
   real one. */
static int
_domain_ball(const arb_mat_t M, slong prec, lc_err_t err)
{
    slong n = arb_mat_nrows(M), i, j, mult;
    acb_mat_t A, Am, R;
    acb_ptr E, F;
    acb_t c;
    mag_t eps;
    int res = 1, ok, isolated;

    acb_mat_init(A, n, n);
    acb_mat_init(Am, n, n);
    acb_mat_init(R, n, n);
    E = _acb_vec_init(n);
    F = _acb_vec_init(n);
    acb_init(c);
    mag_init(eps);

    acb_mat_set_arb_mat(A, M);
    acb_mat_get_mid(Am, A);
    acb_mat_approx_eig_qr(E, NULL, R, Am, NULL, 0, prec);
    ok = acb_mat_eig_multiple(F, A, E, R, prec);
    if (!ok)
    {
        /* every eigenvalue lies within eps of some E_k */
        acb_mat_eig_global_enclosure(eps, A, E, R, prec);
        for (i = 0; i < n; i++)
        {
            acb_set(F + i, E + i);
            acb_add_error_mag(F + i, eps);
        }
    }

    for (i = 0; i < n; i++)
        if (_touches_axis(F + i))
            res = -1;

    if (res == -1 && ok)
    {
        for (i = 0; i < n && res == -1; i++)
        {
            if (!_touches_axis(F + i) || !arb_is_negative(acb_realref(F + i)))
                continue;
            acb_conj(c, F + i);
            mult = 0;
            isolated = 1;
            for (j = 0; j < n; j++)
            {
                if (acb_equal(F + j, F + i))
                    mult++;
                else if (acb_overlaps(F + j, F + i) || acb_overlaps(F + j, c))
                    isolated = 0;
            }
            if (isolated && (mult % 2 == 1))
            {
                char * s = _acb_str(F + i);
                res = 0;
                lc_err_set(err, LC_E_DOMAIN, "log: an eigenvalue in %s lies on the negative "
                           "real axis (certain), so the principal logarithm is not defined", s);
                flint_free(s);
            }
        }
    }
    if (res == -1)
    {
        for (i = 0; i < n; i++)
            if (_touches_axis(F + i))
                break;
        {
            char * s = _acb_str(F + i);
            lc_err_set(err, LC_E_DOMAIN, "log: the eigenvalue enclosure %s meets the closed "
                       "negative real axis (undecided at %ld bits; the principal logarithm "
                       "may not be defined)", s, (long) prec);
            flint_free(s);
        }
    }

    acb_mat_clear(A);
    acb_mat_clear(Am);
    acb_mat_clear(R);
    _acb_vec_clear(E, n);
    _acb_vec_clear(F, n);
    acb_clear(c);
    mag_clear(eps);
    return res;
}

int
lc_matfun_log_domain(const arb_mat_t M, slong prec, lc_err_t err)
{
    if (_check_square(M, "log", err) != LC_OK)
        return -1;
    if (arb_mat_nrows(M) == 0)
        return 1;
    if (!arb_mat_is_finite(M))
    {
        lc_err_set(err, LC_E_DOMAIN, "log: the matrix has a non-finite entry (undecided)");
        return -1;
    }
    if (_exact_moderate(M))
    {
        slong n = arb_mat_nrows(M), i, j;
        fmpq_mat_t Q;
        int res;

        fmpq_mat_init(Q, n, n);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                arf_get_fmpq(fmpq_mat_entry(Q, i, j), arb_midref(arb_mat_entry(M, i, j)));
        res = _domain_qmat(Q, prec, err);
        fmpq_mat_clear(Q);
        return res;
    }
    return _domain_ball(M, prec + LC_MATFUN_GUARD, err);
}

int
lc_matfun_log_domain_qmat(const fmpq_mat_t M, lc_err_t err)
{
    if (fmpq_mat_nrows(M) != fmpq_mat_ncols(M))
    {
        lc_err_set(err, LC_E_DIM, "log: the matrix is %ld x %ld, not square",
                   (long) fmpq_mat_nrows(M), (long) fmpq_mat_ncols(M));
        return -1;
    }
    if (fmpq_mat_nrows(M) == 0)
        return 1;
    return _domain_qmat(M, 64, err);
}

/* ------------------------------------------------------------ square root */

/* Jacobian of Y -> Y^2 on vec (column stacking, index i + n j):
   vec(Y H + H Y) = (I (x) Y + Y^T (x) I) vec H.  With transpose set, the
   Lyapunov operator vec(Y^T P + P Y) = (I (x) Y^T + Y^T (x) I) vec P. */
static void
_kron_sum(arb_mat_t J, const arb_mat_t Y, int transpose, slong prec)
{
    slong n = arb_mat_nrows(Y), i, j, k, l;

    arb_mat_zero(J);
    for (j = 0; j < n; j++)
        for (i = 0; i < n; i++)
            for (k = 0; k < n; k++)
                arb_add(arb_mat_entry(J, i + n * j, k + n * j),
                        arb_mat_entry(J, i + n * j, k + n * j),
                        transpose ? arb_mat_entry(Y, k, i) : arb_mat_entry(Y, i, k), prec);
    for (j = 0; j < n; j++)
        for (i = 0; i < n; i++)
            for (l = 0; l < n; l++)
                arb_add(arb_mat_entry(J, i + n * j, i + n * l),
                        arb_mat_entry(J, i + n * j, i + n * l),
                        arb_mat_entry(Y, l, j), prec);
}

static void
_vec_of(arb_mat_t v, const arb_mat_t A)
{
    slong n = arb_mat_nrows(A), i, j;

    for (j = 0; j < arb_mat_ncols(A); j++)
        for (i = 0; i < n; i++)
            arb_set(arb_mat_entry(v, i + n * j, 0), arb_mat_entry(A, i, j));
}

static void
_unvec(arb_mat_t A, const arb_mat_t v)
{
    slong n = arb_mat_nrows(A), i, j;

    for (j = 0; j < arb_mat_ncols(A); j++)
        for (i = 0; i < n; i++)
            arb_set(arb_mat_entry(A, i, j), arb_mat_entry(v, i + n * j, 0));
}

/* Y := an approximation (exact midpoints) of the principal square root of
   mid(M) by the Denman-Beavers iteration.  Returns 0 if it broke down. */
static int
_sqrt_approx(arb_mat_t Y, const arb_mat_t M, slong prec)
{
    slong n = arb_mat_nrows(M), it, extra = -1;
    arb_mat_t Z, Yi, Zi, T;
    mag_t d, y;
    int ok = 1;

    arb_mat_init(Z, n, n);
    arb_mat_init(Yi, n, n);
    arb_mat_init(Zi, n, n);
    arb_mat_init(T, n, n);
    mag_init(d);
    mag_init(y);

    arb_mat_get_mid(Y, M);
    arb_mat_one(Z);
    for (it = 0; it < 200; it++)
    {
        /* a stop (lib/limit) fails the root; the caller reports the stop */
        if (lc_limit_check(NULL) != LC_OK
            || !arb_mat_approx_inv(Yi, Y, prec) || !arb_mat_approx_inv(Zi, Z, prec))
        {
            ok = 0;
            break;
        }
        arb_mat_add(T, Y, Zi, prec);
        arb_mat_scalar_mul_2exp_si(T, T, -1);
        arb_mat_get_mid(T, T);
        arb_mat_add(Z, Z, Yi, prec);
        arb_mat_scalar_mul_2exp_si(Z, Z, -1);
        arb_mat_get_mid(Z, Z);

        arb_mat_sub(Yi, T, Y, prec);
        lc_ball_bound_max_entry(d, Yi);
        lc_ball_bound_max_entry(y, T);
        arb_mat_swap(Y, T);
        if (!mag_is_finite(d) || !mag_is_finite(y))
        {
            ok = 0;
            break;
        }
        /* quadratic convergence: two more steps once the change is at the
           working precision (or at half of it, which the next step squares) */
        mag_mul_2exp_si(y, y, -prec / 2);
        if (extra < 0 && mag_cmp(d, y) <= 0)
            extra = 2;
        if (extra >= 0 && extra-- == 0)
            break;
    }
    if (it == 200)
        ok = 0;

    arb_mat_clear(Z);
    arb_mat_clear(Yi);
    arb_mat_clear(Zi);
    arb_mat_clear(T);
    mag_clear(d);
    mag_clear(y);
    return ok;
}

/* Krawczyk test for F(Y) = Y^2 - M around the approximation Y0 (refined in
   place).  On success K contains, for every matrix M' in the ball M, the
   unique solution of Y^2 = M' in the box X = Y0 +/- delta, and the function
   returns 1.  Theorem (Krawczyk): if K(X) = Y0 - C F(Y0) + (I - C J(X))(X - Y0)
   lies in the interior of X, for any matrix C, then F has exactly one zero
   in X and it lies in K(X). */
static int
_sqrt_krawczyk(arb_mat_t K, arb_mat_t Y0, const arb_mat_t M, slong prec)
{
    slong n = arb_mat_nrows(M), N = n * n, p, attempt;
    arb_mat_t J, C, F, f, z, D, X, B, kv, y0;
    mag_t dz, dy, delta;
    int ok = 0;

    arb_mat_init(J, N, N);
    arb_mat_init(C, N, N);
    arb_mat_init(B, N, N);
    arb_mat_init(F, n, n);
    arb_mat_init(X, n, n);
    arb_mat_init(f, N, 1);
    arb_mat_init(z, N, 1);
    arb_mat_init(D, N, 1);
    arb_mat_init(kv, N, 1);
    arb_mat_init(y0, N, 1);
    mag_init(dz);
    mag_init(dy);
    mag_init(delta);

    for (attempt = 0; attempt < 4 && !ok && lc_limit_check(NULL) == LC_OK; attempt++)
    {
        _kron_sum(J, Y0, 0, prec);
        if (!arb_mat_approx_inv(C, J, prec))
            break;
        arb_mat_get_mid(C, C);

        /* z = -C (Y0^2 - M) */
        arb_mat_sqr(F, Y0, prec);
        arb_mat_sub(F, F, M, prec);
        _vec_of(f, F);
        arb_mat_mul(z, C, f, prec);
        arb_mat_neg(z, z);
        if (!arb_mat_is_finite(z))
            break;

        /* delta = 2 max|z| + 2^-prec max|Y0|, inflated on later attempts */
        lc_ball_bound_max_entry(dz, z);
        lc_ball_bound_max_entry(dy, Y0);
        mag_mul_2exp_si(dz, dz, 1 + 3 * attempt);
        mag_mul_2exp_si(dy, dy, -prec + 3 * attempt);
        mag_add(delta, dz, dy);

        /* X = Y0 +/- delta, J(X), B = I - C J(X) */
        for (p = 0; p < N; p++)
        {
            arb_zero(arb_mat_entry(D, p, 0));
            mag_set(arb_radref(arb_mat_entry(D, p, 0)), delta);
        }
        arb_mat_set(X, Y0);
        lc_ball_add_error(X, delta);
        _kron_sum(J, X, 0, prec);
        arb_mat_mul(B, C, J, prec);
        arb_mat_neg(B, B);
        for (p = 0; p < N; p++)
            arb_add_ui(arb_mat_entry(B, p, p), arb_mat_entry(B, p, p), 1, prec);

        /* K = Y0 + z + B D */
        arb_mat_mul(kv, B, D, prec);
        arb_mat_add(kv, kv, z, prec);
        _vec_of(y0, Y0);
        arb_mat_add(kv, kv, y0, prec);

        ok = 1;
        for (p = 0; p < N && ok; p++)
        {
            arb_t xp;
            arb_init(xp);
            arb_set(xp, arb_mat_entry(y0, p, 0));
            mag_set(arb_radref(xp), delta);
            ok = arb_contains_interior(xp, arb_mat_entry(kv, p, 0));
            arb_clear(xp);
        }
        if (ok)
            _unvec(K, kv);
        else
        {
            /* a Newton step refines the midpoint for the next attempt */
            arb_mat_add(y0, y0, z, prec);
            arb_mat_get_mid(y0, y0);
            _unvec(Y0, y0);
        }
    }

    arb_mat_clear(J);
    arb_mat_clear(C);
    arb_mat_clear(B);
    arb_mat_clear(F);
    arb_mat_clear(X);
    arb_mat_clear(f);
    arb_mat_clear(z);
    arb_mat_clear(D);
    arb_mat_clear(kv);
    arb_mat_clear(y0);
    mag_clear(dz);
    mag_clear(dy);
    mag_clear(delta);
    return ok;
}

/* Returns 1 if every matrix in the ball Y certainly has all its eigenvalues
   in the open right half plane.  Either ||Y - I|| < 1 in a norm that bounds
   the spectral radius (eigenvalues in the disc |z - 1| < 1), or Lyapunov:
   for an exactly symmetric P with P > 0 and Q = Y^T P + P Y > 0 (ball
   Cholesky), an eigenpair Y v = mu v gives 2 Re(mu) v*Pv = v*Qv > 0. */
static int
_right_half_plane(const arb_mat_t Y, slong prec)
{
    slong n = arb_mat_nrows(Y), N = n * n, i, j;
    arb_mat_t X, L, rhs, pv, P, Q, T, Ch;
    mag_t b;
    int ok;

    arb_mat_init(X, n, n);
    mag_init(b);
    _sub_one(X, Y, prec);
    lc_ball_bound_norm(b, X);
    ok = (mag_cmp_2exp_si(b, 0) < 0);
    arb_mat_clear(X);
    mag_clear(b);
    if (ok)
        return 1;

    arb_mat_init(L, N, N);
    arb_mat_init(rhs, N, 1);
    arb_mat_init(pv, N, 1);
    arb_mat_init(P, n, n);
    arb_mat_init(Q, n, n);
    arb_mat_init(T, n, n);
    arb_mat_init(Ch, n, n);

    arb_mat_get_mid(T, Y);
    _kron_sum(L, T, 1, prec);
    for (i = 0; i < n; i++)
        arb_one(arb_mat_entry(rhs, i + n * i, 0));
    ok = arb_mat_approx_solve(pv, L, rhs, prec);
    if (ok)
    {
        _unvec(P, pv);
        for (i = 0; i < n; i++)
            for (j = 0; j < i; j++)
            {
                arb_add(arb_mat_entry(P, i, j), arb_mat_entry(P, i, j),
                        arb_mat_entry(P, j, i), prec);
                arb_mul_2exp_si(arb_mat_entry(P, i, j), arb_mat_entry(P, i, j), -1);
                arb_get_mid_arb(arb_mat_entry(P, i, j), arb_mat_entry(P, i, j));
                arb_set(arb_mat_entry(P, j, i), arb_mat_entry(P, i, j));
            }
        arb_mat_get_mid(P, P);
        ok = arb_mat_cho(Ch, P, prec);
    }
    if (ok)
    {
        arb_mat_transpose(T, Y);
        arb_mat_mul(Q, T, P, prec);
        arb_mat_mul(T, P, Y, prec);
        arb_mat_add(Q, Q, T, prec);
        ok = arb_mat_cho(Ch, Q, prec);
    }

    arb_mat_clear(L);
    arb_mat_clear(rhs);
    arb_mat_clear(pv);
    arb_mat_clear(P);
    arb_mat_clear(Q);
    arb_mat_clear(T);
    arb_mat_clear(Ch);
    return ok;
}

/* Y := certified principal square root of the ball M at working precision
   prec; 1 on success, 0 if a certificate failed. */
static int
_sqrt_certified(arb_mat_t Y, const arb_mat_t M, slong prec)
{
    slong n = arb_mat_nrows(M);
    arb_mat_t Y0, K;
    int ok;

    arb_mat_init(Y0, n, n);
    arb_mat_init(K, n, n);
    ok = _sqrt_approx(Y0, M, prec)
        && _sqrt_krawczyk(K, Y0, M, prec)
        && _right_half_plane(K, prec);
    if (ok)
        arb_mat_swap_entrywise(Y, K);
    arb_mat_clear(Y0);
    arb_mat_clear(K);
    return ok;
}

/* Shared failure report for sqrt and log: certainly outside, undecided, or
   a certificate that failed inside the domain. */
static int
_fail(const arb_mat_t M, const char * what, slong prec, lc_err_t err)
{
    int d = lc_matfun_log_domain(M, prec, err);

    if (d == 1)
        return lc_err_set(err, LC_E_LIMIT, "%s: a certificate for a square root failed at "
                          "%ld bits (try a higher precision)", what, (long) prec);
    return LC_E_DOMAIN;
}

int
lc_matfun_sqrt(arb_mat_t Y, const arb_mat_t M, slong prec, lc_err_t err)
{
    slong n = arb_mat_nrows(M), wp = prec + LC_MATFUN_GUARD;
    arb_mat_t T;
    int rc;

    if ((rc = _check_square(M, "sqrt", err)) != LC_OK)
        return rc;
    if (n > LC_MATFUN_MAX_N)
        return lc_err_set(err, LC_E_LIMIT, "sqrt: n = %ld exceeds the limit %d of the "
                          "certified square root", (long) n, LC_MATFUN_MAX_N);
    if (!arb_mat_is_finite(M))
        return lc_err_set(err, LC_E_DOMAIN, "sqrt: the matrix has a non-finite entry");
    arb_mat_init(T, n, n);
    if (n > 0 && !_sqrt_certified(T, M, wp))
    {
        arb_mat_clear(T);
        if ((rc = lc_limit_check(err)) != LC_OK)
            return rc;
        return _fail(M, "sqrt", prec, err);
    }
    _set_out(Y, T);
    arb_mat_clear(T);
    return LC_OK;
}

/* -------------------------------------------------------------------- log */

/* L := 2 Z sum_{j=0}^{m} W^j / (2j+1) with W = Z^2 (rectangular splitting:
   about 2 sqrt(m) matrix products).  Returns 0 when a stop (lib/limit)
   ended it early (L is then not set), 1 otherwise. */
static int
_atanh_poly(arb_mat_t L, const arb_mat_t Z, slong m, slong prec)
{
    int ok = 1;
    slong n = arb_mat_nrows(Z), s, nb, b, i, j;
    arb_mat_struct * pw;
    arb_mat_t R, T;
    arb_t c;

    s = 1;
    while ((s + 1) * (s + 1) <= m + 1)
        s++;
    nb = (m + 1 + s - 1) / s;
    pw = flint_malloc(sizeof(arb_mat_struct) * (s + 1));
    for (i = 0; i <= s; i++)
        arb_mat_init(pw + i, n, n);
    arb_mat_init(R, n, n);
    arb_mat_init(T, n, n);
    arb_init(c);

    arb_mat_one(pw + 0);
    arb_mat_sqr(pw + 1, Z, prec);
    for (i = 2; i <= s && ok; i++)
    {
        arb_mat_mul(pw + i, pw + i - 1, pw + 1, prec);
        ok = lc_limit_check(NULL) == LC_OK;
    }

    arb_mat_zero(R);
    for (b = nb - 1; b >= 0 && ok; b--)
    {
        if (lc_limit_check(NULL) != LC_OK)
        {
            ok = 0;
            break;
        }
        if (b < nb - 1)
        {
            arb_mat_mul(T, R, pw + s, prec);
            arb_mat_swap(R, T);
        }
        for (i = 0; i < s; i++)
        {
            j = b * s + i;
            if (j > m)
                break;
            arb_one(c);
            arb_div_ui(c, c, 2 * j + 1, prec);
            arb_mat_scalar_addmul_arb(R, pw + i, c, prec);
        }
    }
    if (ok)
    {
        arb_mat_mul(L, Z, R, prec);
        arb_mat_scalar_mul_2exp_si(L, L, 1);
    }

    for (i = 0; i <= s; i++)
        arb_mat_clear(pw + i);
    flint_free(pw);
    arb_mat_clear(R);
    arb_mat_clear(T);
    arb_clear(c);
    return ok;
}

/* L := log S for a ball S with ||S - I|| <= 1/2 (certified by the caller).
   Z = (S - I)(S + I)^-1 has ||Z|| <= 1/3 (up to radii), S = (I + Z)(I - Z)^-1
   and log S = 2 atanh Z = 2 sum Z^(2j+1)/(2j+1): the series is a power series
   in Z, so its eigenvalues are 2 atanh(z), |Im| < pi/2, and it is the
   principal logarithm.  Tail after j = m in any submultiplicative norm that
   bounds the entries: 2 ||Z||^(2m+3) / ((2m+3)(1 - ||Z||^2)).
   Returns 0 if S + I could not be inverted or ||Z|| < 1 not certified. */
static int
_log_near_one(arb_mat_t L, const arb_mat_t S, slong prec)
{
    slong n = arb_mat_nrows(S), m, i;
    arb_mat_t X, T, Z;
    mag_t z, q, t;
    double zd, bits;  /* log2 ||Z||, bits gained per term */
    int ok = 1;

    arb_mat_init(X, n, n);
    arb_mat_init(T, n, n);
    arb_mat_init(Z, n, n);
    mag_init(z);
    mag_init(q);
    mag_init(t);

    _sub_one(X, S, prec);
    arb_mat_set(T, S);
    for (i = 0; i < n; i++)
        arb_add_ui(arb_mat_entry(T, i, i), arb_mat_entry(T, i, i), 1, prec);
    if (!arb_mat_inv(T, T, prec))
    {
        ok = 0;
        goto cleanup;
    }
    arb_mat_mul(Z, X, T, prec);
    if (arb_mat_is_zero(Z))
    {
        arb_mat_zero(L);
        goto cleanup;
    }
    lc_ball_bound_norm(z, Z);
    if (mag_cmp_2exp_si(z, 0) >= 0)
    {
        ok = 0;
        goto cleanup;
    }

    /* terms: ||Z||^(2(m+1)) <= 2^-prec */
    zd = mag_get_d_log2_approx(z);
    bits = -2.0 * zd;
    if (bits < 0.5)
        bits = 0.5;
    m = (slong) (prec / bits) + 1;
    if (!_atanh_poly(L, Z, m, prec))
    {
        ok = 0;
        goto cleanup;
    }

    mag_pow_ui(t, z, 2 * m + 3);
    mag_mul_2exp_si(t, t, 1);
    mag_div_ui(t, t, 2 * m + 3);
    mag_mul(q, z, z);
    mag_geom_series(q, q, 0);
    mag_mul(t, t, q);
    lc_ball_add_error(L, t);

cleanup:
    arb_mat_clear(X);
    arb_mat_clear(T);
    arb_mat_clear(Z);
    mag_clear(z);
    mag_clear(q);
    mag_clear(t);
    return ok;
}


/* ------------------------------------------------- log by eigenvectors */


/* Approximate eigenpairs of the n x n complex matrix a (row-major, double
   precision): eigenvalues by the shifted QR algorithm on the Hessenberg
   form (Wilkinson shifts, Givens rotations, deflation), eigenvectors by two
   steps of inverse iteration on a.  Plain floating point, approximations
   only (about 45 correct bits when the eigenvalues are well separated);
   0 when QR does not converge or a solve breaks down.  lam[j] and column j
   of v (row-major) receive the pairs. */
static int
_eig_approx_d(double _Complex * lam, double _Complex * v, const double _Complex * a, slong n)
{
    double _Complex * h, * m, * x, t;
    slong i, j, k, l, hi, it, * piv;
    int ok = 1;

    h = flint_malloc(sizeof(double _Complex) * n * n);
    m = flint_malloc(sizeof(double _Complex) * n * n);
    x = flint_malloc(sizeof(double _Complex) * n);
    piv = flint_malloc(sizeof(slong) * n);
    memcpy(h, a, sizeof(double _Complex) * n * n);
    /* Hessenberg form by Gaussian elimination with pivoting (a similarity) */
    for (k = 1; k < n - 1; k++)
    {
        slong p = k;

        for (i = k + 1; i < n; i++)
            if (cabs(h[i * n + k - 1]) > cabs(h[p * n + k - 1]))
                p = i;
        if (p != k)
        {
            for (j = 0; j < n; j++)
            {
                t = h[p * n + j];
                h[p * n + j] = h[k * n + j];
                h[k * n + j] = t;
            }
            for (i = 0; i < n; i++)
            {
                t = h[i * n + p];
                h[i * n + p] = h[i * n + k];
                h[i * n + k] = t;
            }
        }
        if (h[k * n + k - 1] == 0)
            continue;
        for (i = k + 1; i < n; i++)
        {
            double _Complex f = h[i * n + k - 1] / h[k * n + k - 1];

            if (f == 0)
                continue;
            for (j = 0; j < n; j++)
                h[i * n + j] -= f * h[k * n + j];
            for (j = 0; j < n; j++)
                h[j * n + k] += f * h[j * n + i];
            h[i * n + k - 1] = 0;
        }
    }
    /* shifted QR on the active block [l, hi] */
    for (hi = n - 1, it = 0; hi >= 0 && ok; )
    {
        for (l = hi; l > 0; l--)
        {
            double s = cabs(h[(l - 1) * n + l - 1]) + cabs(h[l * n + l]);

            if (cabs(h[l * n + l - 1]) <= 1e-16 * (s == 0 ? 1.0 : s))
            {
                h[l * n + l - 1] = 0;
                break;
            }
        }
        if (l == hi)
        {
            lam[hi] = h[hi * n + hi];
            hi--;
            it = 0;
            continue;
        }
        if (++it > 100)
        {
            ok = 0;
            break;
        }
        {
            double _Complex aa = h[(hi - 1) * n + hi - 1], bb = h[(hi - 1) * n + hi];
            double _Complex cc = h[hi * n + hi - 1], dd = h[hi * n + hi];
            double _Complex tr = (aa + dd) / 2, disc = csqrt(tr * tr - (aa * dd - bb * cc));
            double _Complex mu = cabs(tr + disc - dd) < cabs(tr - disc - dd) ? tr + disc : tr - disc;
            double _Complex * cs = x;
            double _Complex * sc = flint_malloc(sizeof(double _Complex) * n);

            if (it % 11 == 10)
                mu = dd + cabs(cc);        /* exceptional shift */
            for (k = l; k <= hi; k++)
                h[k * n + k] -= mu;
            /* H - mu I = Q R by Givens rotations, then R Q */
            for (k = l; k < hi; k++)
            {
                double _Complex p = h[k * n + k], q = h[(k + 1) * n + k];
                double r = sqrt(creal(p) * creal(p) + cimag(p) * cimag(p)
                                + creal(q) * creal(q) + cimag(q) * cimag(q));
                double _Complex c, sg;

                if (r == 0)
                {
                    c = 1;
                    sg = 0;
                }
                else
                {
                    c = p / r;
                    sg = q / r;
                }
                cs[k] = c;
                sc[k] = sg;
                for (j = k; j <= hi; j++)
                {
                    double _Complex u = h[k * n + j], w = h[(k + 1) * n + j];

                    h[k * n + j] = conj(c) * u + conj(sg) * w;
                    h[(k + 1) * n + j] = -sg * u + c * w;
                }
            }
            for (k = l; k < hi; k++)
            {
                double _Complex c = cs[k], sg = sc[k];

                for (i = l; i <= FLINT_MIN(k + 1, hi); i++)
                {
                    double _Complex u = h[i * n + k], w = h[i * n + k + 1];

                    h[i * n + k] = c * u + sg * w;
                    h[i * n + k + 1] = -conj(sg) * u + conj(c) * w;
                }
            }
            for (k = l; k <= hi; k++)
                h[k * n + k] += mu;
            flint_free(sc);
        }
    }
    /* eigenvectors: inverse iteration on a - (lambda + delta) I */
    for (j = 0; j < n && ok; j++)
    {
        double nrm = 0;
        slong step;

        for (i = 0; i < n * n; i++)
            nrm = FLINT_MAX(nrm, cabs(a[i]));
        for (i = 0; i < n; i++)
            x[i] = 1.0 + 0.1 * i;
        memcpy(m, a, sizeof(double _Complex) * n * n);
        for (i = 0; i < n; i++)
            m[i * n + i] -= lam[j] + 1e-13 * (nrm + 1);
        /* LU with partial pivoting */
        for (k = 0; k < n && ok; k++)
        {
            slong p = k;

            for (i = k + 1; i < n; i++)
                if (cabs(m[i * n + k]) > cabs(m[p * n + k]))
                    p = i;
            piv[k] = p;
            if (p != k)
                for (i = 0; i < n; i++)
                {
                    t = m[p * n + i];
                    m[p * n + i] = m[k * n + i];
                    m[k * n + i] = t;
                }
            if (m[k * n + k] == 0)
                m[k * n + k] = 1e-300;
            for (i = k + 1; i < n; i++)
            {
                double _Complex f = m[i * n + k] / m[k * n + k];

                m[i * n + k] = f;
                for (l = k + 1; l < n; l++)
                    m[i * n + l] -= f * m[k * n + l];
            }
        }
        for (step = 0; step < 2 && ok; step++)
        {
            double big = 0;

            for (k = 0; k < n; k++)
            {
                if (piv[k] != k)
                {
                    t = x[piv[k]];
                    x[piv[k]] = x[k];
                    x[k] = t;
                }
                for (i = k + 1; i < n; i++)
                    x[i] -= m[i * n + k] * x[k];
            }
            for (k = n - 1; k >= 0; k--)
            {
                for (i = k + 1; i < n; i++)
                    x[k] -= m[k * n + i] * x[i];
                x[k] /= m[k * n + k];
            }
            for (i = 0; i < n; i++)
                big = FLINT_MAX(big, cabs(x[i]));
            ok = isfinite(big) && big > 0;
            for (i = 0; i < n && ok; i++)
                x[i] /= big;
        }
        for (i = 0; i < n; i++)
            v[i * n + j] = x[i];
    }
    for (i = 0; i < n && ok; i++)
        ok = isfinite(creal(lam[i])) && isfinite(cimag(lam[i]));
    flint_free(h);
    flint_free(m);
    flint_free(x);
    flint_free(piv);
    return ok;
}

/* Approximate eigenpairs of Am (midpoints) at prec bits, cheaply: QR at
   64 bits, then Newton steps on each pair (A - lambda I) v = 0 with v_k = 1
   for its largest entry, doubling the precision each time.  Only
   approximations: _eig_pair_enclose certifies what comes out.  When Am is
   real (real_in), an eigenvalue whose imaginary part is below 2^-30 of its
   size is taken as real (its pair is refined in real numbers: the
   imaginary parts are set to zero), and of two approximately conjugate
   eigenvalues only the one with positive imaginary part is refined: the
   other is set to its conjugate and partner[j] = i says that column j is
   the conjugate of column i (partner[j] = -2 for a pair refined in real
   numbers, -1 otherwise).  A wrong guess
   only makes the certification fail.  0 when a Newton system is singular
   (the caller then runs QR at full precision). */
static int
_eig_approx_refined(acb_ptr E, acb_mat_t R, slong * partner, const acb_mat_t Am,
                    int real_in, slong prec)
{
    slong n = acb_mat_nrows(Am), i, j, k, p, K, s;
    acb_mat_t J, x, b;
    acb_t t;
    arb_t a, best;
    int ok = 1;

    for (j = 0; j < n; j++)
        partner[j] = -1;
    {
        /* the start in double precision, else QR at 64 bits in Arb */
        double _Complex * a = flint_malloc(sizeof(double _Complex) * n * n);
        double _Complex * lam = flint_malloc(sizeof(double _Complex) * n);
        double _Complex * v = flint_malloc(sizeof(double _Complex) * n * n);

        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                a[i * n + j] = arf_get_d(arb_midref(acb_realref(acb_mat_entry(Am, i, j))), ARF_RND_NEAR)
                    + I * arf_get_d(arb_midref(acb_imagref(acb_mat_entry(Am, i, j))), ARF_RND_NEAR);
        ok = _eig_approx_d(lam, v, a, n);
        for (i = 0; i < n && ok; i++)
        {
            acb_set_d_d(E + i, creal(lam[i]), cimag(lam[i]));
            for (j = 0; j < n; j++)
                acb_set_d_d(acb_mat_entry(R, i, j), creal(v[i * n + j]), cimag(v[i * n + j]));
        }
        flint_free(a);
        flint_free(lam);
        flint_free(v);
        if (!ok && !acb_mat_approx_eig_qr(E, NULL, R, Am, NULL, 0, 64))
            return 0;
        ok = 1;
    }
    if (real_in)
    {
        double re, im, re2, im2, sz;

        for (j = 0; j < n; j++)
        {
            re = arf_get_d(arb_midref(acb_realref(E + j)), ARF_RND_NEAR);
            im = arf_get_d(arb_midref(acb_imagref(E + j)), ARF_RND_NEAR);
            sz = FLINT_MAX(1.0, fabs(re) + fabs(im));
            if (fabs(im) <= ldexp(sz, -30))
            {
                partner[j] = -2;   /* real, marked for the loop below */
                continue;
            }
            if (im > 0)
                continue;
            for (i = 0; i < n; i++)
            {
                re2 = arf_get_d(arb_midref(acb_realref(E + i)), ARF_RND_NEAR);
                im2 = arf_get_d(arb_midref(acb_imagref(E + i)), ARF_RND_NEAR);
                if (i != j && im2 > 0 && fabs(re2 - re) + fabs(im2 + im) <= ldexp(sz, -30))
                {
                    slong c;

                    for (c = 0; c < j; c++)
                        if (partner[c] == i)
                            break;
                    if (c == j)
                    {
                        partner[j] = i;
                        break;
                    }
                }
            }
        }
    }
    acb_mat_init(J, n + 1, n + 1);
    acb_mat_init(x, n + 1, 1);
    acb_mat_init(b, n + 1, 1);
    acb_init(t);
    arb_init(a);
    arb_init(best);
    for (j = 0; j < n && ok; j++)
    {
        if (partner[j] >= 0)
            continue;
        /* normalise the pair: v_k = 1 at its largest entry */
        k = 0;
        arb_zero(best);
        for (i = 0; i < n; i++)
        {
            acb_abs(a, acb_mat_entry(R, i, j), 64);
            if (arb_gt(a, best))
            {
                arb_set(best, a);
                k = i;
            }
        }
        acb_inv(t, acb_mat_entry(R, k, j), 64);
        acb_get_mid(t, t);
        for (i = 0; i < n; i++)
            acb_mul(acb_mat_entry(R, i, j), acb_mat_entry(R, i, j), t, 64);
        acb_one(acb_mat_entry(R, k, j));
        if (partner[j] == -2)
        {
            arb_zero(acb_imagref(E + j));
            for (i = 0; i < n; i++)
                arb_zero(acb_imagref(acb_mat_entry(R, i, j)));
        }
        /* Newton doubles the correct bits; the last step runs at prec + 16,
           the one before at half of that, and so on down to the ~50 bits of
           the 64-bit QR (16 guard bits each, so the deficit does not double
           along the way) */
        for (K = 0, p = prec; p > 40; p = (p + 1) / 2)
            K++;
        for (s = K - 1; s >= 0 && ok; s--)
        {
            p = ((prec + (WORD(1) << s) - 1) >> s) + 16;
            /* J = [[A - lambda I, -v], [e_k^T, 0]], b = -[(A - lambda I) v; 0] */
            for (i = 0; i < n; i++)
            {
                slong c;

                for (c = 0; c < n; c++)
                    acb_set(acb_mat_entry(J, i, c), acb_mat_entry(Am, i, c));
                acb_sub(acb_mat_entry(J, i, i), acb_mat_entry(J, i, i), E + j, p);
                acb_neg(acb_mat_entry(J, i, n), acb_mat_entry(R, i, j));
                acb_zero(acb_mat_entry(J, n, i));
            }
            acb_one(acb_mat_entry(J, n, k));
            acb_zero(acb_mat_entry(J, n, n));
            for (i = 0; i < n; i++)
            {
                slong c;

                acb_zero(acb_mat_entry(b, i, 0));
                for (c = 0; c < n; c++)
                    acb_addmul(acb_mat_entry(b, i, 0), acb_mat_entry(J, i, c),
                               acb_mat_entry(R, c, j), p);
                acb_neg(acb_mat_entry(b, i, 0), acb_mat_entry(b, i, 0));
                acb_get_mid(acb_mat_entry(b, i, 0), acb_mat_entry(b, i, 0));
            }
            acb_zero(acb_mat_entry(b, n, 0));
            ok = acb_mat_approx_solve(x, J, b, p);
            for (i = 0; i < n && ok; i++)
            {
                acb_add(acb_mat_entry(R, i, j), acb_mat_entry(R, i, j), acb_mat_entry(x, i, 0), p);
                acb_get_mid(acb_mat_entry(R, i, j), acb_mat_entry(R, i, j));
            }
            if (ok)
            {
                acb_add(E + j, E + j, acb_mat_entry(x, n, 0), p);
                acb_get_mid(E + j, E + j);
            }
        }
    }
    for (j = 0; j < n && ok; j++)
        if (partner[j] >= 0)
        {
            acb_conj(E + j, E + partner[j]);
            for (i = 0; i < n; i++)
                acb_conj(acb_mat_entry(R, i, j), acb_mat_entry(R, i, partner[j]));
        }
    acb_mat_clear(J);
    acb_mat_clear(x);
    acb_mat_clear(b);
    acb_clear(t);
    arb_clear(a);
    arb_clear(best);
    return ok;
}

/* Precision of the preconditioner and of the small quantities in
   _eig_pair_enclose: they only need a few correct bits. */
#define LC_MATFUN_EIG_LOWPREC 64

/* Certify one simple eigenpair of A (balls) near (lam, x) (midpoints, x_v =
   1 at its largest entry v), by Rump's method (Acta Numerica 19 (2010),
   section 13.4; Arb's acb_mat_eig_enclosure_rump for one vector).  The
   unknown y holds the corrections of the entries u != v of x and, in y_v,
   of lambda: with M = A - lam I whose column v is replaced by -x and
   r = (A - lam I) x, the eigen-equation is F(y) = r + M y - y_v yU = 0
   (yU = y with entry v zeroed).  For any matrix R, g(y) = y - R F(y)
   = -R r + (I - R M) y + R (y_v yU); if the ball evaluation of g over a
   box Y lies in the interior of Y, then R and M are nonsingular and F has
   exactly one zero in Y (Rump, Theorem 13.3 with Krawczyk's operator).
   Only r and the final x + yU, lam + y_v need the working precision wp:
   R is an approximate inverse at LC_MATFUN_EIG_LOWPREC bits (any R is
   allowed), and I - R M, R r and the iteration over Y are tiny or only
   need their magnitude, so they are ball products at that low precision
   (rigorous enclosures all the same).  Arb's routine does all of this at
   wp, which costs n full-precision n x n products per eigenpair.
   Writes lam_out (ball) and column j of X (balls); returns 0 when no
   enclosure was found. */
static int
_eig_pair_enclose(acb_t lam_out, acb_mat_t X, slong j, const acb_mat_t A,
                  const acb_t lam, const acb_mat_t xm, slong wp)
{
    slong n = acb_mat_nrows(A), i, c, v = 0, iter;
    const slong lp = LC_MATFUN_EIG_LOWPREC;
    acb_mat_t M, R, T, r, Y0, Y, Yeps, W;
    acb_t yv;
    mag_t eps, t, best;
    int ok = 0;

    acb_mat_init(M, n, n);
    acb_mat_init(R, n, n);
    acb_mat_init(T, n, n);
    acb_mat_init(r, n, 1);
    acb_mat_init(Y0, n, 1);
    acb_mat_init(Y, n, 1);
    acb_mat_init(Yeps, n, 1);
    acb_mat_init(W, n, 1);
    acb_init(yv);
    mag_init(eps);
    mag_init(t);
    mag_init(best);

    for (i = 0; i < n; i++)
    {
        acb_get_mag(t, acb_mat_entry(xm, i, 0));
        if (mag_cmp(t, best) > 0)
        {
            mag_set(best, t);
            v = i;
        }
    }
    /* M = A - lam I, then r = M x at wp, then column v := -x */
    acb_mat_set(M, A);
    for (i = 0; i < n; i++)
        acb_sub(acb_mat_entry(M, i, i), acb_mat_entry(M, i, i), lam, wp);
    acb_mat_mul(r, M, xm, wp);
    for (i = 0; i < n; i++)
        acb_neg(acb_mat_entry(M, i, v), acb_mat_entry(xm, i, 0));
    /* R ~ M^-1 (midpoints only, low precision) */
    acb_mat_get_mid(T, M);
    acb_mat_one(R);
    if (!acb_mat_approx_solve(R, T, R, lp))
        goto cleanup;
    /* T = I - R M, Y0 = -R r: rigorous enclosures at low precision */
    acb_mat_mul(T, R, M, lp);
    acb_mat_neg(T, T);
    for (i = 0; i < n; i++)
        acb_add_ui(acb_mat_entry(T, i, i), acb_mat_entry(T, i, i), 1, lp);
    acb_mat_mul(Y0, R, r, lp);
    acb_mat_neg(Y0, Y0);
    acb_mat_set(Y, Y0);
    for (iter = 0; iter < 5 + (slong) FLINT_BIT_COUNT(wp) && !ok; iter++)
    {
        /* inflate */
        mag_zero(eps);
        for (i = 0; i < n; i++)
        {
            acb_get_mag(t, acb_mat_entry(Y, i, 0));
            mag_max(eps, eps, t);
        }
        if (mag_is_zero(eps))
            mag_set_ui_2exp_si(eps, 1, -20 * wp);
        mag_mul_2exp_si(eps, eps, -3 + 2 * iter);
        for (i = 0; i < n; i++)
        {
            acb_add_error_mag(acb_mat_entry(Y, i, 0), eps);
            acb_set(acb_mat_entry(Yeps, i, 0), acb_mat_entry(Y, i, 0));
        }
        /* Y := Y0 + T Yeps + R (yv * YepsU) */
        acb_set(yv, acb_mat_entry(Yeps, v, 0));
        for (i = 0; i < n; i++)
            if (i == v)
                acb_zero(acb_mat_entry(W, i, 0));
            else
                acb_mul(acb_mat_entry(W, i, 0), acb_mat_entry(Yeps, i, 0), yv, lp);
        acb_mat_mul(r, R, W, lp);
        acb_mat_mul(Y, T, Yeps, lp);
        acb_mat_add(Y, Y, r, lp);
        acb_mat_add(Y, Y, Y0, lp);
        ok = 1;
        for (i = 0; i < n && ok; i++)
            ok = acb_is_finite(acb_mat_entry(Y, i, 0))
                 && acb_contains_interior(acb_mat_entry(Yeps, i, 0), acb_mat_entry(Y, i, 0));
    }
    if (ok)
    {
        /* the zero lies in Yeps (and in Y, which Yeps contains) */
        acb_add(lam_out, lam, acb_mat_entry(Y, v, 0), wp);
        for (c = 0; c < n; c++)
            if (c == v)
                acb_set(acb_mat_entry(X, c, j), acb_mat_entry(xm, c, 0));
            else
                acb_add(acb_mat_entry(X, c, j), acb_mat_entry(xm, c, 0),
                        acb_mat_entry(Y, c, 0), wp);
    }

cleanup:
    acb_mat_clear(M);
    acb_mat_clear(R);
    acb_mat_clear(T);
    acb_mat_clear(r);
    acb_mat_clear(Y0);
    acb_mat_clear(Y);
    acb_mat_clear(Yeps);
    acb_mat_clear(W);
    acb_clear(yv);
    mag_clear(eps);
    mag_clear(t);
    mag_clear(best);
    return ok;
}

/* Certified simple eigenpairs of A from approximations (E, Rapprox
   midpoints): every pair by _eig_pair_enclose, then the eigenvalue balls
   must be pairwise disjoint (so each is simple and the columns of R are
   eigenvectors of distinct eigenvalues, hence independent).  A column j
   with partner[j] = i >= 0 (only when A is real, see _eig_approx_refined)
   is not certified on its own: it is the conjugate of the enclosure of
   column i, which contains the conjugate of an exact eigenpair, itself an
   eigenpair of the real A; the disjointness check still covers it. */
static int
_eig_simple_enclose(acb_ptr F, acb_mat_t R, const acb_mat_t A, acb_srcptr E,
                    const acb_mat_t Rapprox, const slong * partner, slong wp)
{
    slong n = acb_mat_nrows(A), i, j;
    acb_mat_t x;
    int ok = 1;

    acb_mat_init(x, n, 1);
    for (j = 0; j < n && ok; j++)
        if (partner[j] < 0)
        {
            for (i = 0; i < n; i++)
                acb_set(acb_mat_entry(x, i, 0), acb_mat_entry(Rapprox, i, j));
            ok = _eig_pair_enclose(F + j, R, j, A, E + j, x, wp);
        }
    for (j = 0; j < n && ok; j++)
        if (partner[j] >= 0)
        {
            acb_conj(F + j, F + partner[j]);
            for (i = 0; i < n; i++)
                acb_conj(acb_mat_entry(R, i, j), acb_mat_entry(R, i, partner[j]));
        }
    for (j = 0; j < n && ok; j++)
    {
        for (i = 0; i < j && ok; i++)
            ok = !acb_overlaps(F + i, F + j);
    }
    acb_mat_clear(x);
    return ok;
}

/* log M in real arithmetic from the certified eigenpairs of the real M
   (F holds the enclosures of log lambda_j, R of the eigenvectors): when
   every column is either a real pair of _eig_approx_refined (partner -2)
   whose enclosure (eigenvalue and eigenvector) has zero imaginary midpoints,
   or one of a conjugate pair
   (i, k), partner[k] = i.  A real pair: the box of _eig_pair_enclose is
   symmetric under conjugation and holds exactly one eigenpair with the
   frozen entry fixed, so that eigenpair equals its conjugate, is real, and
   the real parts of the balls contain it.  A pair lambda = a + ib,
   r = u + iv: M [u v] = [u v] C with C = [[a, b], [-b, a]] = a I + b J,
   J^2 = -I, so log M [u v] = [u v] log C and log C = alpha I + beta J with
   alpha + i beta = log lambda (a real interpolating polynomial of log at
   lambda, conj lambda, evaluated in the algebra a I + b J, which is
   isomorphic to C).  With U the real matrix of the columns (u for real
   pairs; u, v for conjugate pairs) and G = U blockdiag(log): log M =
   G U^-1 when arb_mat_inv certifies U invertible.  Real inverse and
   product: a quarter of the complex ones.  0 when the columns do not have
   this shape or U is not certified invertible (the caller then uses the
   complex formula). */
static int
_log_eig_real(arb_mat_t Out, acb_srcptr F, const acb_mat_t R, const slong * partner,
              slong wp)
{
    slong n = acb_mat_nrows(R), i, j, k;
    arb_mat_t U, G, Ui;
    int ok = 1;

    for (j = 0; j < n && ok; j++)
    {
        slong cnt = 0;

        if (partner[j] >= 0)
            continue;
        for (k = 0; k < n; k++)
            cnt += (partner[k] == j);
        if (partner[j] == -2)
        {
            /* the caller checked the eigenvalue ball's imaginary midpoint */
            ok = (cnt == 0);
            for (i = 0; i < n && ok; i++)
                ok = arf_is_zero(arb_midref(acb_imagref(acb_mat_entry(R, i, j))));
        }
        else
            ok = (cnt == 1);
    }
    if (!ok)
        return 0;
    arb_mat_init(U, n, n);
    arb_mat_init(G, n, n);
    arb_mat_init(Ui, n, n);
    for (j = 0; j < n; j++)
    {
        if (partner[j] == -2)
        {
            /* F + j encloses log lambda with lambda > 0 (off the cut) */
            for (i = 0; i < n; i++)
            {
                arb_set(arb_mat_entry(U, i, j), acb_realref(acb_mat_entry(R, i, j)));
                arb_mul(arb_mat_entry(G, i, j), arb_mat_entry(U, i, j), acb_realref(F + j), wp);
            }
        }
        else if (partner[j] == -1)
        {
            const arb_struct * al = acb_realref(F + j);
            const arb_struct * be = acb_imagref(F + j);

            for (k = 0; partner[k] != j; k++)
                ;
            for (i = 0; i < n; i++)
            {
                const arb_struct * u = acb_realref(acb_mat_entry(R, i, j));
                const arb_struct * v = acb_imagref(acb_mat_entry(R, i, j));

                arb_set(arb_mat_entry(U, i, j), u);
                arb_set(arb_mat_entry(U, i, k), v);
                /* G[:, j] = alpha u - beta v, G[:, k] = beta u + alpha v */
                arb_mul(arb_mat_entry(G, i, j), al, u, wp);
                arb_submul(arb_mat_entry(G, i, j), be, v, wp);
                arb_mul(arb_mat_entry(G, i, k), be, u, wp);
                arb_addmul(arb_mat_entry(G, i, k), al, v, wp);
            }
        }
    }
    ok = arb_mat_inv(Ui, U, wp);
    if (ok)
        arb_mat_mul(Out, G, Ui, wp);
    arb_mat_clear(U);
    arb_mat_clear(G);
    arb_mat_clear(Ui);
    return ok;
}

/* The principal log of M from certified simple eigenpairs: when the
   eigenvalues of M are simple, Rump's method (acb_mat_eig_simple_rump)
   gives enclosures lambda_i and R (columns of eigenvectors) that contain an
   exact eigendecomposition M = R diag(lambda) R^-1; if no lambda_i meets the
   closed negative real axis, log M = R diag(log lambda) R^-1 (principal
   branch on each), which is real for real M, so the real part of the
   complex ball enclosure holds it.  Returns 0 (and leaves L alone) when the
   eigenvalues are not certified simple, one meets the branch cut, R is not
   certified invertible, or the result is not accurate to prec -
   LC_MATFUN_EIG_SLACK bits relative to its largest entry (an ill-conditioned
   R): the caller then takes the square-root route. */
static int
_log_eig(arb_mat_t L, const arb_mat_t M, slong prec, slong wp)
{
    slong n = arb_mat_nrows(M), i, j;
    acb_mat_t A, Am, R, Rapprox, Ri, T;
    acb_ptr E, F;
    slong * partner;
    arb_mat_t Out;
    mag_t rad, big, t;
    int ok;

    acb_mat_init(A, n, n);
    acb_mat_init(Am, n, n);
    acb_mat_init(R, n, n);
    acb_mat_init(Rapprox, n, n);
    acb_mat_init(Ri, n, n);
    acb_mat_init(T, n, n);
    arb_mat_init(Out, n, n);
    E = _acb_vec_init(n);
    F = _acb_vec_init(n);
    partner = flint_malloc(sizeof(slong) * n);
    mag_init(rad);
    mag_init(big);
    mag_init(t);

    acb_mat_set_arb_mat(A, M);
    acb_mat_get_mid(Am, A);
    /* A is real: the conjugate pairs of _eig_approx_refined are valid */
    ok = _eig_approx_refined(E, Rapprox, partner, Am, 1, wp);
    if (!ok)
    {
        for (i = 0; i < n; i++)
            partner[i] = -1;
        ok = acb_mat_approx_eig_qr(E, NULL, Rapprox, Am, NULL, 0, wp);
    }
    ok = ok && _eig_simple_enclose(F, R, A, E, Rapprox, partner, wp);
    for (i = 0; i < n && ok; i++)
        ok = !_touches_axis(F + i);
    /* a real pair whose eigenvalue ball is not symmetric under conjugation
       (nonzero imaginary midpoint) cannot be taken as real: demote it, and
       _log_eig_real then declines */
    for (i = 0; i < n && ok; i++)
        if (partner[i] == -2 && !arf_is_zero(arb_midref(acb_imagref(F + i))))
            partner[i] = -1;
    if (ok)
        for (i = 0; i < n; i++)
            acb_log(F + i, F + i, wp);
    if (ok && _log_eig_real(Out, F, R, partner, wp))
        goto check;
    ok = ok && acb_mat_inv(Ri, R, wp);
    if (ok)
    {
        /* T := R diag(log lambda), then T R^-1 */
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                acb_mul(acb_mat_entry(T, i, j), acb_mat_entry(R, i, j), F + j, wp);
        acb_mat_mul(R, T, Ri, wp);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                arb_set(arb_mat_entry(Out, i, j), acb_realref(acb_mat_entry(R, i, j)));
    }
check:
    if (ok)
    {
        /* accurate to prec bits relative to the largest entry, or give up */
        mag_zero(rad);
        mag_one(big);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
            {
                const arb_struct * x = arb_mat_entry(Out, i, j);

                ok = ok && arb_is_finite(x);
                mag_max(rad, rad, arb_radref(x));
                arf_get_mag(t, arb_midref(x));
                mag_max(big, big, t);
            }
        mag_mul_2exp_si(big, big, LC_MATFUN_EIG_SLACK - prec);
        ok = ok && mag_cmp(rad, big) <= 0;
        if (ok)
            arb_mat_swap(L, Out);
    }

    acb_mat_clear(A);
    acb_mat_clear(Am);
    acb_mat_clear(R);
    acb_mat_clear(Rapprox);
    acb_mat_clear(Ri);
    acb_mat_clear(T);
    arb_mat_clear(Out);
    _acb_vec_clear(E, n);
    _acb_vec_clear(F, n);
    flint_free(partner);
    mag_clear(rad);
    mag_clear(big);
    mag_clear(t);
    return ok;
}

int
lc_matfun_log(arb_mat_t Lg, const arb_mat_t M, slong prec, lc_err_t err)
{
    slong n = arb_mat_nrows(M), k = 0, wp;
    arb_mat_t S, X, L;
    mag_t b;
    int rc = LC_OK, d;

    if ((rc = _check_square(M, "log", err)) != LC_OK)
        return rc;
    if (!arb_mat_is_finite(M))
        return lc_err_set(err, LC_E_DOMAIN, "log: the matrix has a non-finite entry");

    wp = prec + LC_MATFUN_GUARD;
    arb_mat_init(S, n, n);
    arb_mat_init(X, n, n);
    arb_mat_init(L, n, n);
    mag_init(b);

    arb_mat_set(S, M);
    for (;;)
    {
        _sub_one(X, S, wp);
        lc_ball_bound_norm(b, X);
        if (mag_cmp_2exp_si(b, -1) <= 0)
            break;
        if (k == 0 && n <= LC_MATFUN_MAX_N && _log_eig(L, M, prec, wp))
        {
            /* simple eigenvalues off the branch cut: no square roots */
            _set_out(Lg, L);
            goto cleanup;
        }
        if (k == 0)
        {
            /* a cheap, early and precise refusal outside the domain; an
               undecided answer is settled by the certified roots below */
            lc_err_t derr;

            lc_err_init(derr);
            d = lc_matfun_log_domain(M, prec, derr);
            if (d == 0)
            {
                rc = lc_err_set(err, LC_E_DOMAIN, "%s", derr->msg);
                goto cleanup;
            }
            if (n > LC_MATFUN_MAX_N)
            {
                rc = lc_err_set(err, LC_E_LIMIT, "log: ||M - I|| > 1/2 and n = %ld exceeds "
                                "the limit %d of the certified square root", (long) n,
                                LC_MATFUN_MAX_N);
                goto cleanup;
            }
        }
        if (k >= LC_MATFUN_MAX_ROOTS)
        {
            rc = lc_err_set(err, LC_E_LIMIT, "log: %d square roots did not bring the matrix "
                            "within 1/2 of I", LC_MATFUN_MAX_ROOTS);
            goto cleanup;
        }
        /* each root loses about a bit to the final 2^k: keep it */
        wp++;
        if ((rc = lc_limit_check(err)) != LC_OK)
            goto cleanup;
        if (!_sqrt_certified(S, S, wp))
        {
            if ((rc = lc_limit_check(err)) == LC_OK)
                rc = _fail(M, "log", prec, err);
            goto cleanup;
        }
        k++;
    }

    if (!_log_near_one(L, S, wp))
    {
        if ((rc = lc_limit_check(err)) == LC_OK)
            rc = lc_err_set(err, LC_E_LIMIT, "log: the series step failed at %ld bits "
                            "(try a higher precision)", (long) prec);
        goto cleanup;
    }
    arb_mat_scalar_mul_2exp_si(L, L, k);
    _set_out(Lg, L);

cleanup:
    arb_mat_clear(S);
    arb_mat_clear(X);
    arb_mat_clear(L);
    mag_clear(b);
    return rc;
}
