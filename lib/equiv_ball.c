/* equiv_ball.c -- certified entrywise exp and row softmax (the S_r of
 * self-attention, Ma & Ying eq. (2.1)). */
#include "equiv.h"
#include "ball.h"

void
lc_ball_map_exp(arb_mat_t B, const arb_mat_t A, slong prec)
{
    slong i, j;

    if (B != A)
        lc_ball_resize(B, arb_mat_nrows(A), arb_mat_ncols(A));
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
            arb_exp(arb_mat_entry(B, i, j), arb_mat_entry(A, i, j), prec);
}

/* Row i of the softmax as S_j = 1 / (1 + sum_{k != j} exp(a_k - a_j)).
   When the entries are huge (10^100) their radii are too (10^100 at 128
   bits is not a dyadic number), and exp(a_j - max) of the largest entry
   overflows by itself; here the term k = j is exactly 1, and a sum that
   overflows because some a_k - a_j is certainly large gives the enclosure
   0 < S_j <= exp(-(a lower bound of a_k - a_j)).  Quadratic in the row
   length: only for rows the fast formula could not enclose. */
static void
softmax_row_pairwise(arb_mat_t T, const arb_mat_t A, slong i, slong prec)
{
    slong j, k, c = arb_mat_ncols(A);
    arb_t d, t, s;
    arf_t lb, best;

    arb_init(d);
    arb_init(t);
    arb_init(s);
    arf_init(lb);
    arf_init(best);
    for (j = 0; j < c; j++)
    {
        int have = 0;

        arb_zero(s);
        for (k = 0; k < c; k++)
        {
            if (k == j)
                continue;
            arb_sub(d, arb_mat_entry(A, i, k), arb_mat_entry(A, i, j), prec);
            arb_get_lbound_arf(lb, d, prec);
            if (!have || arf_cmp(lb, best) > 0)
                arf_set(best, lb);
            have = 1;
            arb_exp(t, d, prec);
            arb_add(s, s, t, prec);
        }
        arb_add_ui(s, s, 1, prec);
        if (arb_is_finite(s))
            arb_inv(arb_mat_entry(T, i, j), s, prec);
        else if (have && arf_sgn(best) > 0)
        {
            /* S_j lies in (0, exp(-best)]: the ball [u/2 +/- u/2]. */
            arb_set_arf(t, best);
            arb_neg(t, t);
            arb_exp(t, t, prec);
            arb_get_ubound_arf(lb, t, prec);
            arf_mul_2exp_si(lb, lb, -1);
            arb_set_arf(arb_mat_entry(T, i, j), lb);
            arb_add_error_arf(arb_mat_entry(T, i, j), lb);
        }
        else
            arb_indeterminate(arb_mat_entry(T, i, j));
    }
    arb_clear(d);
    arb_clear(t);
    arb_clear(s);
    arf_clear(lb);
    arf_clear(best);
}

int
lc_ball_softmax_rows(arb_mat_t S, const arb_mat_t A, slong prec, lc_err_t err)
{
    arb_mat_t T;
    arb_t s, e;
    arf_t m;
    slong i, j, r = arb_mat_nrows(A), c = arb_mat_ncols(A);

    for (i = 0; i < r; i++)
        for (j = 0; j < c; j++)
            if (!arb_is_finite(arb_mat_entry(A, i, j)))
                return lc_err_set(err, LC_E_DOMAIN, "softmax: entry (%ld, %ld) is not finite",
                                  (long) i + 1, (long) j + 1);
    arb_mat_init(T, r, c);
    arb_init(s);
    arb_init(e);
    arf_init(m);
    for (i = 0; i < r; i++)
    {
        if (c == 0)
            continue;
        /* Subtracting a constant from a row does not change its softmax; the
           largest midpoint keeps every exponent <= (a radius), so nothing
           overflows and the sum is >= about 1. */
        arf_set(m, arb_midref(arb_mat_entry(A, i, 0)));
        for (j = 1; j < c; j++)
            if (arf_cmp(arb_midref(arb_mat_entry(A, i, j)), m) > 0)
                arf_set(m, arb_midref(arb_mat_entry(A, i, j)));
        arb_zero(s);
        for (j = 0; j < c; j++)
        {
            arb_set_arf(e, m);
            arb_sub(e, arb_mat_entry(A, i, j), e, prec);
            arb_exp(arb_mat_entry(T, i, j), e, prec);
            arb_add(s, s, arb_mat_entry(T, i, j), prec);
        }
        for (j = 0; j < c; j++)
            arb_div(arb_mat_entry(T, i, j), arb_mat_entry(T, i, j), s, prec);
        for (j = 0; j < c && arb_is_finite(arb_mat_entry(T, i, j)); j++)
            ;
        if (j < c)
            softmax_row_pairwise(T, A, i, prec);
    }
    arb_mat_swap(S, T);
    arb_mat_clear(T);
    arb_clear(s);
    arb_clear(e);
    arf_clear(m);
    return LC_OK;
}
