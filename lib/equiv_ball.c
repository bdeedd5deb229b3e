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
    }
    arb_mat_swap(S, T);
    arb_mat_clear(T);
    arb_clear(s);
    arb_clear(e);
    arf_clear(m);
    return LC_OK;
}
