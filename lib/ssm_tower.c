/* ssm_tower.c -- derived-series towers, the perfect core, the solvable radical
 * and block-triangular cascades of abelian layers (see ssm.h). */
#include "ssm.h"

slong
lc_ssm_tower(slong * dims, slong * quot, const lc_lie_t L)
{
    lc_lie_t cur, next;
    slong len = 0, i;

    lc_lie_init(cur);
    lc_lie_init(next);
    lc_lie_set(cur, L);
    dims[len++] = lc_lie_dim(cur);
    while (lc_lie_dim(cur) > 0)
    {
        lc_lie_derived(next, cur);
        dims[len++] = lc_lie_dim(next);
        if (lc_lie_dim(next) == lc_lie_dim(cur))
            break;
        lc_lie_set(cur, next);
    }
    if (quot != NULL)
        for (i = 0; i + 1 < len; i++)
            quot[i] = dims[i] - dims[i + 1];
    lc_lie_clear(cur);
    lc_lie_clear(next);
    return len;
}

void
lc_ssm_perfect_core(lc_lie_t P, const lc_lie_t L)
{
    lc_lie_t next;

    lc_lie_init(next);
    lc_lie_set(P, L);
    while (lc_lie_dim(P) > 0)
    {
        lc_lie_derived(next, P);
        if (lc_lie_dim(next) == lc_lie_dim(P))
            break;
        lc_lie_set(P, next);
    }
    lc_lie_clear(next);
}

/* R := the span of the given matrices, or the zero algebra in gl(n). */
static void
span_or_zero(lc_lie_t R, const fmpq_mat_struct * elems, slong k, slong n)
{
    fmpq_mat_t Z;
    lc_err_t err;

    if (k > 0 && lc_lie_span(R, elems, k, err) == LC_OK)
        return;
    if (k > 0)   /* an ideal is a subalgebra: the theorem says this cannot happen */
        flint_abort();
    fmpq_mat_init(Z, n, n);
    if (lc_lie_span(R, Z, 1, err) != LC_OK)
        flint_abort();
    fmpq_mat_clear(Z);
}

void
lc_ssm_radical(lc_lie_t R, const lc_lie_t L)
{
    slong d = lc_lie_dim(L), n = lc_lie_degree(L), dd, i, j, k;
    lc_lie_t D;
    fmpq_mat_t K, C, M, Ker, X, B;
    fmpq_mat_struct * elems;
    fmpq_t c;

    if (d == 0)
    {
        lc_lie_set(R, L);
        return;
    }
    lc_lie_init(D);
    lc_lie_derived(D, L);
    dd = lc_lie_dim(D);
    if (dd == 0)
    {
        /* abelian: L is its own radical */
        lc_lie_set(R, L);
        lc_lie_clear(D);
        return;
    }
    fmpq_mat_init(K, 0, 0);
    fmpq_mat_init(C, dd, d);
    fmpq_mat_init(M, dd, d);
    fmpq_mat_init(Ker, 0, 0);
    fmpq_mat_init(X, n, n);
    fmpq_mat_init(B, n, n);
    fmpq_init(c);
    lc_lie_killing_form(K, L);
    /* coordinates of [L, L]'s basis in L's reduced echelon basis: the
       entries at L's pivot columns */
    for (i = 0; i < dd; i++)
    {
        lc_lie_basis_element(X, D, i);
        for (j = 0; j < d; j++)
            fmpq_set(fmpq_mat_entry(C, i, j),
                     fmpq_mat_entry(X, L->pivots[j] / n, L->pivots[j] % n));
    }
    fmpq_mat_mul(M, C, K);
    k = lc_qmat_kernel(Ker, M);
    elems = flint_malloc(sizeof(fmpq_mat_struct) * (k > 0 ? k : 1));
    for (i = 0; i < k; i++)
    {
        fmpq_mat_init(elems + i, n, n);
        for (j = 0; j < d; j++)
        {
            if (fmpq_is_zero(fmpq_mat_entry(Ker, j, i)))
                continue;
            lc_lie_basis_element(B, L, j);
            lc_qmat_scalar_mul(X, B, fmpq_mat_entry(Ker, j, i));
            fmpq_mat_add(elems + i, elems + i, X);
        }
    }
    span_or_zero(R, elems, k, n);
    for (i = 0; i < k; i++)
        fmpq_mat_clear(elems + i);
    flint_free(elems);
    fmpq_clear(c);
    fmpq_mat_clear(K);
    fmpq_mat_clear(C);
    fmpq_mat_clear(M);
    fmpq_mat_clear(Ker);
    fmpq_mat_clear(X);
    fmpq_mat_clear(B);
    lc_lie_clear(D);
}

static void
rand_entry(fmpq_t x, flint_rand_t st, slong bound)
{
    fmpq_set_si(x, (slong) n_randint(st, (ulong) (2 * bound + 1)) - bound, 1);
}

int
lc_ssm_cascade(fmpq_mat_struct * gens, slong k, slong d, slong nsym, int selective,
               slong bound, flint_rand_t st, lc_err_t err)
{
    slong sel = selective ? 1 : 0, N, s, j, a, b, o;

    if (k < 1 || d < 1 || nsym < 1)
        return lc_err_set(err, LC_E_ARG, "layers, width and symbols must be at least 1");
    if (bound < 1 || bound > 1000000)
        return lc_err_set(err, LC_E_ARG, "the entry bound must be between 1 and 10^6");
    if (k > LC_LIE_MAX_N || d > LC_LIE_MAX_N || k * d + sel > LC_LIE_MAX_N)
        return lc_err_set(err, LC_E_LIMIT, "k d%s = %ld exceeds the limit %d", sel ? " + 1" : "",
                          (long) (k > LC_LIE_MAX_N || d > LC_LIE_MAX_N ? LC_LIE_MAX_N + 1 : k * d + sel),
                          LC_LIE_MAX_N);
    N = k * d + sel;
    for (s = 0; s < nsym; s++)
    {
        lc_qmat_zeros(gens + s, N, N);
        for (j = 0; j < k; j++)
        {
            o = sel + j * d;
            for (a = 0; a < d; a++)
                rand_entry(fmpq_mat_entry(gens + s, o + a, o + a), st, bound);
            if (j > 0)            /* layer j reads layer j-1's state */
                for (a = 0; a < d; a++)
                    for (b = 0; b < d; b++)
                        rand_entry(fmpq_mat_entry(gens + s, o + a, o - d + b), st, bound);
            else if (sel)         /* the selective drive b(x) */
                for (a = 0; a < d; a++)
                    rand_entry(fmpq_mat_entry(gens + s, o + a, 0), st, bound);
        }
    }
    return LC_OK;
}

slong
lc_ssm_cascade_bound(slong m)
{
    slong e = 0;

    if (m <= 1)
        return 1;
    while ((WORD(1) << e) < m)
        e++;
    return 1 + e;
}
