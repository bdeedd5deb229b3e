/* lie_forms.c -- membership, explicit spans, centre and the Killing form. */
#include <stdio.h>
#include <string.h>
#include "lie_util.h"

void
lc_lie_basis_element(fmpq_mat_t M, const lc_lie_t L, slong i)
{
    slong a, b, n = L->n;

    lc_qmat_resize(M, n, n);
    for (a = 0; a < n; a++)
        for (b = 0; b < n; b++)
            fmpq_set_fmpz_frac(fmpq_mat_entry(M, a, b),
                               fmpz_mat_entry(L->rref, i, a * n + b), L->den);
}

/* Whether the integer vector v lies in L: v = sum_i v[piv_i] E_i exactly. */
static int
contains_vec(const lc_lie_t L, const fmpz * v)
{
    slong i, j, N = L->n * L->n;
    fmpz_t s, t;
    int ok = 1;

    fmpz_init(s);
    fmpz_init(t);
    for (j = 0; ok && j < N; j++)
    {
        fmpz_zero(s);
        for (i = 0; i < L->dim; i++)
            fmpz_addmul(s, v + L->pivots[i], fmpz_mat_entry(L->rref, i, j));
        fmpz_mul(t, v + j, L->den);
        ok = fmpz_equal(s, t);
    }
    fmpz_clear(s);
    fmpz_clear(t);
    return ok;
}

int
lc_lie_contains(const lc_lie_t L, const fmpq_mat_t A)
{
    slong N = L->n * L->n;
    fmpz * v;
    int r;

    if (fmpq_mat_nrows(A) != L->n || fmpq_mat_ncols(A) != L->n)
        return 0;
    v = _fmpz_vec_init(N);
    lc_lie_int_vec(v, A);
    r = contains_vec(L, v);
    _fmpz_vec_clear(v, N);
    return r;
}

int
lc_lie_equal(const lc_lie_t L, const lc_lie_t M)
{
    fmpz_mat_t A, B;
    int r;

    if (L->n != M->n || L->dim != M->dim)
        return 0;
    /* Reduced echelon forms are canonical: compare rref_L/den_L, rref_M/den_M. */
    fmpz_mat_init(A, L->dim, L->n * L->n);
    fmpz_mat_init(B, L->dim, L->n * L->n);
    fmpz_mat_scalar_mul_fmpz(A, L->rref, M->den);
    fmpz_mat_scalar_mul_fmpz(B, M->rref, L->den);
    r = fmpz_mat_equal(A, B);
    fmpz_mat_clear(A);
    fmpz_mat_clear(B);
    return r;
}

/* gens := the primitive basis rows of L. */
static void
gens_from_basis(lc_lie_t L)
{
    slong i, j, N = L->n * L->n;
    fmpz * t = _fmpz_vec_init(N);

    fmpz_mat_clear(L->gens);
    fmpz_mat_init(L->gens, L->dim, N);
    for (i = 0; i < L->dim; i++)
    {
        lc_lie_primitive_row(t, L, i);
        for (j = 0; j < N; j++)
            fmpz_set(fmpz_mat_entry(L->gens, i, j), t + j);
    }
    _fmpz_vec_clear(t, N);
}

int
lc_lie_span(lc_lie_t L, const fmpq_mat_struct * elems, slong nelems, lc_err_t err)
{
    slong i, j, k, n, N;
    fmpz_mat_t V;
    lc_brk_struct ws;
    fmpz * t;
    int status = LC_OK;

    if (nelems < 1)
        return lc_err_set(err, LC_E_ARG, "span: no matrices given");
    n = fmpq_mat_nrows(elems + 0);
    for (i = 0; i < nelems; i++)
        if (!fmpq_mat_is_square(elems + i) || fmpq_mat_nrows(elems + i) != n)
            return lc_err_set(err, LC_E_DIM, "span: matrix %ld is %ldx%ld, expected %ldx%ld",
                              (long) i + 1, (long) fmpq_mat_nrows(elems + i),
                              (long) fmpq_mat_ncols(elems + i), (long) n, (long) n);
    if (n < 1 || n > LC_LIE_MAX_N)
        return lc_err_set(err, LC_E_LIMIT, "span: matrix size %ld outside 1..%d",
                          (long) n, LC_LIE_MAX_N);
    N = n * n;
    fmpz_mat_init(V, nelems, N);
    for (i = 0; i < nelems; i++)
        lc_lie_int_vec(fmpz_mat_entry(V, i, 0), elems + i);
    lc_lie_set_rows(L, n, V);

    /* Closed under brackets iff the brackets of a spanning set are inside. */
    t = _fmpz_vec_init(N);
    lc_brk_init(&ws, n);
    for (i = 0; status == LC_OK && i < nelems; i++)
        for (j = i + 1; status == LC_OK && j < nelems; j++)
        {
            lc_brk_vec(t, fmpz_mat_entry(V, i, 0), fmpz_mat_entry(V, j, 0), &ws);
            if (!contains_vec(L, t))
                status = lc_err_set(err, LC_E_ARG,
                    "span: not closed under brackets: [x%ld, x%ld] is not in the span",
                    (long) i + 1, (long) j + 1);
        }
    lc_brk_clear(&ws);
    _fmpz_vec_clear(t, N);
    fmpz_mat_clear(V);
    (void) k;
    if (status != LC_OK)
        lc_lie_reset(L, n, 0);
    else
        gens_from_basis(L);
    return status;
}

int
lc_lie_is_abelian(const lc_lie_t L)
{
    slong i, j, N = L->n * L->n, m = fmpz_mat_nrows(L->gens);
    lc_brk_struct ws;
    fmpz * t;
    int r = 1;

    if (L->dim == 0)
        return 1;
    /* L is spanned by brackets of its generators: abelian iff they commute. */
    t = _fmpz_vec_init(N);
    lc_brk_init(&ws, L->n);
    for (i = 0; r && i < m; i++)
        for (j = i + 1; r && j < m; j++)
        {
            lc_brk_vec(t, fmpz_mat_entry(L->gens, i, 0), fmpz_mat_entry(L->gens, j, 0), &ws);
            r = _fmpz_vec_is_zero(t, N);
        }
    lc_brk_clear(&ws);
    _fmpz_vec_clear(t, N);
    return r;
}

void
lc_lie_centre(lc_lie_t Z, const lc_lie_t L)
{
    slong n = L->n, N = n * n, d = L->dim, m = fmpz_mat_nrows(L->gens), i, j, k, c, nul;
    fmpz_mat_t M, K, V;
    lc_vlist_struct B;
    lc_brk_struct ws;
    fmpz * t;

    if (d == 0)
    {
        lc_lie_set(Z, L);
        return;
    }
    /* x = sum_i c_i b_i is central iff sum_i c_i [b_i, g] = 0 for every
       generator g: the kernel of the (m N) x d matrix with columns [b_i, g_*]. */
    lc_vlist_init(&B, N);
    t = _fmpz_vec_init(N);
    lc_brk_init(&ws, n);
    for (i = 0; i < d; i++)
    {
        lc_lie_primitive_row(t, L, i);
        lc_vlist_push(&B, t);
    }
    fmpz_mat_init(M, m * N, d);
    for (i = 0; i < d; i++)
        for (k = 0; k < m; k++)
        {
            lc_brk_vec(t, B.v[i], fmpz_mat_entry(L->gens, k, 0), &ws);
            for (j = 0; j < N; j++)
                fmpz_set(fmpz_mat_entry(M, k * N + j, i), t + j);
        }
    fmpz_mat_init(K, d, d);
    nul = fmpz_mat_nullspace(K, M);
    fmpz_mat_init(V, nul, N);
    for (c = 0; c < nul; c++)
        for (i = 0; i < d; i++)
            if (!fmpz_is_zero(fmpz_mat_entry(K, i, c)))
                _fmpz_vec_scalar_addmul_fmpz(fmpz_mat_entry(V, c, 0), B.v[i], N,
                                             fmpz_mat_entry(K, i, c));
    lc_lie_set_rows(Z, n, V);
    gens_from_basis(Z);
    fmpz_mat_clear(M);
    fmpz_mat_clear(K);
    fmpz_mat_clear(V);
    lc_brk_clear(&ws);
    _fmpz_vec_clear(t, N);
    lc_vlist_clear(&B);
}

/* K := den^4 times the Killing form in the basis E_i = rref_i / den, as an
   integer matrix: with T_i[l][k] = [R_i, R_k][piv_l] (the coordinates of
   [E_i, E_k] times den^2), tr(ad E_i ad E_j) = sum_{k,l} T_i[l][k] T_j[k][l]
   / den^4, one matrix product P Q^T. */
static void
killing_scaled(fmpz_mat_t K, const lc_lie_t L)
{
    slong n = L->n, N = n * n, d = L->dim, i, k, l;
    fmpz_mat_t P, Qt;
    lc_brk_struct ws;
    fmpz * t;

    fmpz_mat_init(P, d, d * d);
    fmpz_mat_init(Qt, d * d, d);
    t = _fmpz_vec_init(N);
    lc_brk_init(&ws, n);
    for (i = 0; i < d; i++)
        for (k = i + 1; k < d; k++)
        {
            lc_brk_vec(t, fmpz_mat_entry(L->rref, i, 0), fmpz_mat_entry(L->rref, k, 0), &ws);
            for (l = 0; l < d; l++)
            {
                const fmpz * x = t + L->pivots[l];
                /* T_i[l][k] = x and, by antisymmetry, T_k[l][i] = -x. */
                fmpz_set(fmpz_mat_entry(P, i, l * d + k), x);
                fmpz_neg(fmpz_mat_entry(P, k, l * d + i), x);
                fmpz_set(fmpz_mat_entry(Qt, k * d + l, i), x);
                fmpz_neg(fmpz_mat_entry(Qt, i * d + l, k), x);
            }
        }
    fmpz_mat_clear(K);
    fmpz_mat_init(K, d, d);
    if (d > 0)
        fmpz_mat_mul(K, P, Qt);
    lc_brk_clear(&ws);
    _fmpz_vec_clear(t, N);
    fmpz_mat_clear(P);
    fmpz_mat_clear(Qt);
}

void
lc_lie_killing_form(fmpq_mat_t K, const lc_lie_t L)
{
    fmpz_mat_t S;
    fmpz_t den4;

    fmpz_mat_init(S, 0, 0);
    fmpz_init(den4);
    killing_scaled(S, L);
    fmpz_pow_ui(den4, L->den, 4);
    lc_qmat_resize(K, L->dim, L->dim);
    fmpq_mat_set_fmpz_mat_div_fmpz(K, S, den4);
    fmpz_mat_clear(S);
    fmpz_clear(den4);
}

slong
lc_lie_killing_rank(const lc_lie_t L)
{
    fmpz_mat_t S;
    slong r;

    fmpz_mat_init(S, 0, 0);
    killing_scaled(S, L);
    r = fmpz_mat_rank(S);
    fmpz_mat_clear(S);
    return r;
}

int
lc_lie_is_semisimple(const lc_lie_t L)
{
    return lc_lie_killing_rank(L) == L->dim;
}

char *
lc_lie_get_str(const lc_lie_t L)
{
    char * s = flint_malloc(96);
    snprintf(s, 96, "lie algebra of dimension %ld in gl(%ld)", (long) L->dim, (long) L->n);
    return s;
}
