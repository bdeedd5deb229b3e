/* nonsing_d.c -- choosing and certifying a non-singular minor of a ball
 * matrix in double precision (lc_gauge_pivot_d, lc_gauge_minor_certify_d,
 * gauge.h).
 *
 * The certificate is the classical one of verified linear algebra (Rump,
 * "Verification methods: rigorous results using floating-point arithmetic",
 * Acta Numerica 19 (2010); Higham, "Accuracy and Stability of Numerical
 * Algorithms", 2nd ed., SIAM 2002): for any matrix R, if ||I - R A||_inf < 1
 * then R A, and so A, is non-singular (a null vector x of A would give
 * (I - R A) x = x).  R is an approximate inverse of the midpoint matrix
 * computed in doubles, never trusted; only the bound on ||I - R A||_inf has
 * to be rigorous, for every A in the ball matrix.  Write Am for the
 * midpoints rounded to doubles and Ar for the radii plus the conversion
 * error, so that |A - Am| <= Ar entrywise, and C = fl(R Am) computed in
 * round-to-nearest with inner dimension r.  Then
 *
 *   |I - R A| <= |I - C| + |C - R Am| + |R| |A - Am|
 *             <= |I - C| + gamma_r |R| |Am| + r eta E + |R| Ar,
 *
 * with gamma_r = r u / (1 - r u), u = 2^-53, eta = 2^-1074 and E the all-ones
 * matrix.  The gamma_r term is Higham's bound for a computed matrix product,
 * eq. (3.13) of sec. 3.5: |fl(AB) - AB| <= gamma_n |A||B| for any order of
 * summation of each inner product (a fused multiply-add only removes
 * roundings).  C is formed by blocked summation (partial sums of BI = 64
 * products, then their sum), so each product passes through at most
 * n = BI + ceil(r / BI) + 1 roundings and gamma_r is replaced by gamma_n
 * (Higham sec. 4.2), 141 instead of 4856 at r = 4856.  That bound ignores
 * underflow; the eta term covers gradual
 * underflow: in the standard model with underflow (Higham sec. 2.1) a
 * product carries an extra absolute error of at most eta/2 (a sum none),
 * and the at most r - 1 later additions grow it by (1 + u)^(r-1) < 2, so at
 * most r eta per entry.  Taking row sums,
 *
 *   ||I - R A||_inf <= max_i [ sum_j |I - C|_ij
 *                              + sum_k |R_ik| (gamma_n sum_j |Am_kj| + sum_j Ar_kj)
 *                              + r^2 eta ].
 *
 * Everything on the right is evaluated in Arb's mag_t, which rounds every
 * operation upwards, so the computed value is an upper bound of the exact
 * one.  Only the O(r^3) work (the LU factorisation, R and C) is in doubles,
 * in plain round-to-nearest loops that the compiler vectorises; the bound
 * needs FLT_EVAL_METHOD == 0 (no x87 extended registers), checked below.
 *
 * Memory: at most three r x r arrays of doubles at a time (24 r^2 bytes),
 * against the r x r ball minor and arb_mat_inv's working copies in the ball
 * path.  Time: about 4 r^3 flops (LU 2/3, the inverse 4/3, the product 2). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3")  /* the kernels below need the vectoriser's cheap model */
#endif
#include <float.h>
#include <math.h>
#include "gauge.h"

/* y[0..n) -= a x[0..n) */
static void
axpy_d(double * restrict y, const double * restrict x, double a, slong n)
{
    slong j;

    for (j = 0; j < n; j++)
        y[j] -= a * x[j];
}

/* max |x[j]|, j < n, in four independent lanes */
static double
absmax_d(const double * x, slong n)
{
    double m0 = 0, m1 = 0, m2 = 0, m3 = 0, t;
    slong j;

    for (j = 0; j + 4 <= n; j += 4)
    {
        t = fabs(x[j]), m0 = t > m0 ? t : m0;
        t = fabs(x[j + 1]), m1 = t > m1 ? t : m1;
        t = fabs(x[j + 2]), m2 = t > m2 ? t : m2;
        t = fabs(x[j + 3]), m3 = t > m3 ? t : m3;
    }
    for (; j < n; j++)
        t = fabs(x[j]), m0 = t > m0 ? t : m0;
    m0 = m1 > m0 ? m1 : m0;
    m2 = m3 > m2 ? m3 : m2;
    return m2 > m0 ? m2 : m0;
}

slong
lc_gauge_pivot_d(slong * pr, slong * pc, const arb_mat_t J, slong r)
{
    slong m = arb_mat_nrows(J), n = arb_mat_ncols(J), i, j, k, bi, bj, t;
    double * a = flint_malloc(sizeof(double) * m * n), ** row, * tp, best, rb, x;

    row = flint_malloc(sizeof(double *) * m);
    for (i = 0; i < m; i++)
    {
        row[i] = a + i * n;
        pr[i] = i;
        for (j = 0; j < n; j++)
            row[i][j] = arf_get_d(arb_midref(arb_mat_entry(J, i, j)), ARF_RND_NEAR);
    }
    for (j = 0; j < n; j++)
        pc[j] = j;
    /* the largest entry of the whole matrix */
    best = 0, bi = bj = 0;
    for (i = 0; i < m; i++)
        if ((rb = absmax_d(row[i], n)) > best)
            best = rb, bi = i;
    for (k = 0; k < r; k++)
    {
        if (!(best > 0) || !isfinite(best))
            break;
        /* the pivot's column in row bi (the row holding the maximum) */
        for (j = k; j < n && fabs(row[bi][j]) != best; j++)
            ;
        bj = j;
        tp = row[k], row[k] = row[bi], row[bi] = tp;
        t = pr[k], pr[k] = pr[bi], pr[bi] = t;
        t = pc[k], pc[k] = pc[bj], pc[bj] = t;
        for (i = k; i < m; i++)       /* the column swap, physically: contiguous rows */
            x = row[i][k], row[i][k] = row[i][bj], row[i][bj] = x;
        /* eliminate below, and find the next pivot on the way */
        best = 0, bi = k + 1;
        for (i = k + 1; i < m; i++)
        {
            axpy_d(row[i] + k + 1, row[k] + k + 1, row[i][k] / row[k][k], n - k - 1);
            if ((rb = absmax_d(row[i] + k + 1, n - k - 1)) > best)
                best = rb, bi = i;
        }
    }
    flint_free(row);
    flint_free(a);
    return k;
}

#define BI 64     /* rows of the right factor per tile */
#define BJ 256    /* columns per tile: a tile is 128 KB, kept in L2 */
#define BW 64     /* columns per block of the triangular inverses */

int
lc_gauge_minor_certify_d(mag_t bound, mag_ptr terms, const arb_mat_t J, const slong * rows,
                         const slong * cols, slong r)
{
    double * am, * lu, * x, * c, ** L, piv, f;
    slong * perm, i, j, k, kb, jb, ke, je, t;
    mag_t g, s, v, w, e, tot;
    mag_ptr rv, rw;
    arf_t tf;
    int ok = 1;

    mag_inf(bound);
    if (r == 0)
    {
        mag_zero(bound);
        return 1;
    }
    if (FLT_EVAL_METHOD != 0 || r < 0)
        return 0;
    am = flint_malloc(sizeof(double) * r * r);
    lu = flint_malloc(sizeof(double) * r * r);
    x = flint_calloc(r * r, sizeof(double));
    L = flint_malloc(sizeof(double *) * r);
    perm = flint_malloc(sizeof(slong) * r);
    for (i = 0; i < r && ok; i++)
        for (j = 0; j < r && ok; j++)
        {
            f = arf_get_d(arb_midref(arb_mat_entry(J, rows[i], cols[j])), ARF_RND_NEAR);
            ok = isfinite(f);
            am[i * r + j] = lu[i * r + j] = f;
        }
    /* P Am = L U, partial pivoting; L[i] is row perm[i] of Am */
    for (i = 0; i < r; i++)
        L[i] = lu + i * r, perm[i] = i;
    for (k = 0; k < r && ok; k++)
    {
        slong b = k;
        double * tp;

        for (i = k + 1; i < r; i++)
            if (fabs(L[i][k]) > fabs(L[b][k]))
                b = i;
        tp = L[k], L[k] = L[b], L[b] = tp;
        t = perm[k], perm[k] = perm[b], perm[b] = t;
        if (!(piv = L[k][k]) || !isfinite(piv))
        {
            ok = 0;
            break;
        }
        for (i = k + 1; i < r; i++)
        {
            f = L[i][k] / piv;
            L[i][k] = f;
            axpy_d(L[i] + k + 1, L[k] + k + 1, f, r - k - 1);
        }
    }
    if (ok)
    {
        /* x := L^-1 (unit lower: row i has support 0..i), then x := U^-1 x;
           so x ~ (P Am)^-1.  By blocks of BW columns, so that the block of x
           (r x BW) stays in cache while the rows of L and U stream past. */
        for (jb = 0; jb < r; jb += BW)
        {
            je = FLINT_MIN(jb + BW, r);
            for (i = jb; i < r; i++)
            {
                if (i < je)
                    x[i * r + i] = 1;
                for (k = jb; k < i; k++)
                    axpy_d(x + i * r + jb, x + k * r + jb, L[i][k], je - jb);
            }
            for (i = r - 1; i >= 0; i--)
            {
                for (k = i + 1; k < r; k++)
                    axpy_d(x + i * r + jb, x + k * r + jb, L[i][k], je - jb);
                f = 1 / L[i][i];
                for (j = jb; j < je; j++)
                    x[i * r + j] *= f;
            }
        }
        for (i = 0; i < r * r && ok; i++)
            ok = isfinite(x[i]);
    }
    flint_free(L);
    flint_free(lu);
    if (ok)
    {
        /* c := fl(x (P Am)), tiled: a BI x BJ tile of P Am stays in cache
           while every row of x passes over it */
        /* Blocked summation: each BI-term partial sum is formed in tmp from
           0, then added to c, so every entry of c is a sum of the at most
           nb = ceil(r / BI) partial sums, each of at most BI products: a
           product passes through at most 1 + (BI - 1) + (nb - 1) roundings,
           and the bound of Higham's eq. (3.13) holds with gamma_{BI + nb + 1}
           in place of gamma_r (his sec. 4.2 on blocked summation). */
        c = flint_calloc(r * r, sizeof(double));
        {
            double tmp[BJ];

            for (kb = 0; kb < r; kb += BI)
                for (jb = 0; jb < r; jb += BJ)
                {
                    ke = FLINT_MIN(kb + BI, r);
                    je = FLINT_MIN(jb + BJ, r);
                    for (i = 0; i < r; i++)
                    {
                        for (j = 0; j < je - jb; j++)
                            tmp[j] = 0;
                        for (k = kb; k < ke; k++)
                            axpy_d(tmp, am + perm[k] * r + jb, -x[i * r + k], je - jb);
                        for (j = 0; j < je - jb; j++)
                            c[i * r + jb + j] += tmp[j];
                    }
                }
        }
        /* the bound, rounded upwards throughout (mag_t) */
        mag_init(g);
        mag_init(s);
        mag_init(v);
        mag_init(e);
        mag_init(tot);
        mag_init(w);
        arf_init(tf);
        rv = _mag_vec_init(r);
        rw = _mag_vec_init(r);
        /* gamma_n <= n u (1 + 2^-32) while n < 2^20, n = BI + nb + 1 */
        mag_set_ui_2exp_si(g, BI + (r + BI - 1) / BI + 1, -53);
        mag_mul_2exp_si(s, g, -32);
        mag_add(g, g, s);
        /* rv[k] = gamma_n sum_j |Am_kj| and rw[k] = sum_j Ar_kj for row k of
           P Am, with Ar = rad + |mid - Am| */
        for (k = 0; k < r; k++)
        {
            const double * ak = am + perm[k] * r;

            mag_zero(s);
            mag_zero(v);
            for (j = 0; j < r; j++)
            {
                arb_srcptr aj = arb_mat_entry(J, rows[perm[k]], cols[j]);

                mag_set_d(e, ak[j]);
                mag_add(s, s, e);
                arf_set_d(tf, ak[j]);
                arf_sub(tf, arb_midref(aj), tf, 30, ARF_RND_UP);   /* away from 0 */
                arf_get_mag(e, tf);
                mag_add(v, v, e);
                mag_add(v, v, arb_radref(aj));
            }
            mag_mul(rv + k, s, g);
            mag_set(rw + k, v);
        }
        mag_set_ui_2exp_si(e, r, -1074);
        mag_mul_ui(e, e, r);                                        /* r^2 eta */
        mag_zero(bound);
        for (k = 0; k < 3 && terms != NULL; k++)
            mag_zero(terms + k);
        for (i = 0; i < r && ok; i++)
        {
            mag_zero(tot);
            mag_zero(v);
            mag_zero(w);
            for (j = 0; j < r && ok; j++)
            {
                f = c[i * r + j];
                if (!isfinite(f))
                    ok = 0;
                else if (i == j)
                {
                    arf_set_d(tf, f);
                    arf_sub_ui(tf, tf, 1, 60, ARF_RND_UP);
                    arf_get_mag(s, tf);
                    mag_add(tot, tot, s);
                }
                else
                {
                    mag_set_d(s, f);
                    mag_add(tot, tot, s);
                }
                mag_set_d(s, x[i * r + j]);
                mag_addmul(v, s, rv + j);
                mag_addmul(w, s, rw + j);
            }
            if (terms != NULL)
            {
                mag_max(terms + 0, terms + 0, tot);
                mag_max(terms + 1, terms + 1, v);
                mag_max(terms + 2, terms + 2, w);
            }
            mag_add(tot, tot, v);
            mag_add(tot, tot, w);
            mag_add(tot, tot, e);
            if (mag_cmp(tot, bound) > 0)
                mag_set(bound, tot);
        }
        if (!ok)
            mag_inf(bound);
        ok = ok && mag_cmp_2exp_si(bound, 0) < 0;
        _mag_vec_clear(rv, r);
        _mag_vec_clear(rw, r);
        mag_clear(g);
        mag_clear(s);
        mag_clear(v);
        mag_clear(e);
        mag_clear(tot);
        mag_clear(w);
        arf_clear(tf);
        flint_free(c);
    }
    flint_free(am);
    flint_free(x);
    flint_free(perm);
    return ok;
}
