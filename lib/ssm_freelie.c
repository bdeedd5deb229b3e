/* ssm_freelie.c -- Witt's formula, the free Lie algebra degree by degree inside
 * the free associative algebra, and free nilpotent Lie algebras as matrix
 * algebras (see ssm.h).
 *
 * A homogeneous polynomial of degree m in the non-commuting letters
 * x_0..x_(n-1) is a vector indexed by the words of length m, read as base-n
 * numbers (first letter most significant). */
#include <flint/ulong_extras.h>
#include <flint/fmpq_vec.h>
#include "ssm.h"

void
lc_ssm_witt(fmpz_t w, ulong n, ulong m)
{
    fmpz_t p;
    ulong d;
    int mu;

    fmpz_init(p);
    fmpz_zero(w);
    for (d = 1; d <= m; d++)
    {
        if (m % d != 0 || (mu = n_moebius_mu(d)) == 0)
            continue;
        fmpz_set_ui(p, n);
        fmpz_pow_ui(p, p, m / d);
        if (mu > 0)
            fmpz_add(w, w, p);
        else
            fmpz_sub(w, w, p);
    }
    if (m > 0)
        fmpz_divexact_ui(w, w, m);
    fmpz_clear(p);
}

/* Largest number of words of one length handled. */
#define FREELIE_MAX_WORDS 4096

/* B[m-1] := the reduced echelon basis (rows, over words of length m) of the
   degree-m part of the free Lie algebra, m = 1..c: B_1 = the letters,
   B_m = span{[x_i, p] : p in B_(m-1)} (right-normed brackets span). */
static int
graded_bases(fmpq_mat_struct * B, slong n, slong c, lc_err_t err)
{
    slong m, i, r, w, len, prev, rows;
    fmpq_mat_t V;

    len = 1;
    for (m = 1; m <= c; m++)
    {
        if (len > FREELIE_MAX_WORDS / n)
            return lc_err_set(err, LC_E_LIMIT, "%ld^%ld words exceed the limit %d",
                              (long) n, (long) c, FREELIE_MAX_WORDS);
        len *= n;
    }
    lc_qmat_eye(B + 0, n);
    prev = n;                      /* words of length m - 1 */
    for (m = 2; m <= c; m++)
    {
        rows = n * B[m - 2].r;
        fmpq_mat_init(V, rows, prev * n);
        for (i = 0; i < n; i++)
            for (r = 0; r < B[m - 2].r; r++)
                for (w = 0; w < prev; w++)
                {
                    const fmpq * b = fmpq_mat_entry(B + m - 2, r, w);
                    fmpq * left = fmpq_mat_entry(V, i * B[m - 2].r + r, i * prev + w);
                    fmpq * right = fmpq_mat_entry(V, i * B[m - 2].r + r, w * n + i);

                    if (fmpq_is_zero(b))
                        continue;
                    fmpq_add(left, left, b);      /* x_i p */
                    fmpq_sub(right, right, b);    /* - p x_i */
                }
        lc_qmat_row_basis(B + m - 1, V);
        fmpq_mat_clear(V);
        prev *= n;
    }
    return LC_OK;
}

int
lc_ssm_free_lie_dims(slong * dims, slong n, slong c, lc_err_t err)
{
    fmpq_mat_struct * B;
    slong m;
    int st;

    if (n < 1 || c < 1)
        return lc_err_set(err, LC_E_ARG, "n and c must be at least 1");
    B = flint_malloc(sizeof(fmpq_mat_struct) * c);
    for (m = 0; m < c; m++)
        fmpq_mat_init(B + m, 0, 0);
    if ((st = graded_bases(B, n, c, err)) == LC_OK)
        for (m = 0; m < c; m++)
            dims[m] = B[m].r;
    for (m = 0; m < c; m++)
        fmpq_mat_clear(B + m);
    flint_free(B);
    return st;
}

int
lc_ssm_free_nilpotent(lc_lie_t L, slong n, slong c, lc_err_t err)
{
    fmpq_mat_struct * B, * ad;
    slong m, i, j, r, w, D, * off, ** piv, prev, len;
    fmpz_t wm;
    int st = LC_OK;

    if (n < 1 || c < 1)
        return lc_err_set(err, LC_E_ARG, "n and c must be at least 1, got %ld and %ld",
                          (long) n, (long) c);
    if (n == 1)
    {
        /* the free Lie algebra on one letter is one-dimensional: gl(1) */
        fmpq_mat_t one;

        fmpq_mat_init(one, 1, 1);
        fmpq_mat_one(one);
        st = lc_lie_closure(L, one, 1, 0, err);
        fmpq_mat_clear(one);
        return st;
    }
    fmpz_init(wm);
    for (D = 0, m = 1; m <= c + 1 && D <= LC_LIE_MAX_N; m++)
    {
        lc_ssm_witt(wm, n, m);
        D += fmpz_cmp_si(wm, LC_LIE_MAX_N) > 0 ? LC_LIE_MAX_N + 1 : fmpz_get_si(wm);
    }
    fmpz_clear(wm);
    if (D > LC_LIE_MAX_N)
        return lc_err_set(err, LC_E_LIMIT, "the representation of the free nilpotent algebra "
                          "(n = %ld, c = %ld) needs dimension > %d", (long) n, (long) c, LC_LIE_MAX_N);

    B = flint_malloc(sizeof(fmpq_mat_struct) * (c + 1));
    for (m = 0; m <= c; m++)
        fmpq_mat_init(B + m, 0, 0);
    if ((st = graded_bases(B, n, c + 1, err)) != LC_OK)
        goto cleanup_b;

    /* offsets of the degrees in the basis of N_(n, c+1), and pivots */
    off = flint_malloc(sizeof(slong) * (c + 2));
    piv = flint_malloc(sizeof(slong *) * (c + 1));
    off[0] = 0;
    for (m = 0; m <= c; m++)
    {
        off[m + 1] = off[m] + B[m].r;
        piv[m] = flint_malloc(sizeof(slong) * (B[m].r + 1));
        for (r = 0; r < B[m].r; r++)
            for (w = 0; w < B[m].c; w++)
                if (!fmpq_is_zero(fmpq_mat_entry(B + m, r, w)))
                {
                    piv[m][r] = w;
                    break;
                }
    }
    D = off[c + 1];

    /* ad(x_i) on N_(n, c+1): column of basis element j of degree m holds
       the coordinates of [x_i, b_j] in degree m + 1, read at the pivots of
       the reduced echelon basis B_(m+1) */
    ad = flint_malloc(sizeof(fmpq_mat_struct) * n);
    for (i = 0; i < n; i++)
    {
        fmpq_mat_init(ad + i, D, D);
        len = 1;
        for (m = 1; m <= c; m++)
        {
            fmpq * v;
            slong nw = len * n;   /* words of length m */

            prev = nw;
            v = _fmpq_vec_init(prev * n);
            for (j = 0; j < B[m - 1].r; j++)
            {
                for (w = 0; w < prev * n; w++)
                    fmpq_zero(v + w);
                for (w = 0; w < prev; w++)
                {
                    const fmpq * b = fmpq_mat_entry(B + m - 1, j, w);

                    if (fmpq_is_zero(b))
                        continue;
                    fmpq_add(v + i * prev + w, v + i * prev + w, b);
                    fmpq_sub(v + w * n + i, v + w * n + i, b);
                }
                for (r = 0; r < B[m].r; r++)
                    fmpq_set(fmpq_mat_entry(ad + i, off[m] + r, off[m - 1] + j), v + piv[m][r]);
            }
            _fmpq_vec_clear(v, prev * n);
            len = nw;
        }
    }
    st = lc_lie_closure(L, ad, n, 0, err);
    for (i = 0; i < n; i++)
        fmpq_mat_clear(ad + i);
    flint_free(ad);
    for (m = 0; m <= c; m++)
        flint_free(piv[m]);
    flint_free(piv);
    flint_free(off);
cleanup_b:
    for (m = 0; m <= c; m++)
        fmpq_mat_clear(B + m);
    flint_free(B);
    return st;
}
