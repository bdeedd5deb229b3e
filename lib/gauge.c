/* gauge.c -- gauge elements, their action on transformer weights, the
 * layer-norm fold, the redundancy count of eq. (17) and the invariance
 * check.  See gauge.h for the rules and doc/gauge.md for their derivation. */
#include <string.h>
#include "gauge.h"

/* ------------------------------------------------------------ the struct */

void
lc_gauge_init(lc_gauge_t G)
{
    memset(G, 0, sizeof(lc_gauge_struct));
}

static void
free_mats(fmpq_mat_struct * m, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        fmpq_mat_clear(m + i);
    flint_free(m);
}

void
lc_gauge_clear(lc_gauge_t G)
{
    if (G->frames != NULL)
    {
        free_mats(G->frames, G->n_t + 1);
        free_mats(G->mids, G->n_t);
        free_mats(G->h_qk, G->n_t * G->n_h);
        free_mats(G->h_vo, G->n_t * G->n_h);
    }
    lc_gauge_init(G);
}

static fmpq_mat_struct *
eyes(slong n, slong d)
{
    fmpq_mat_struct * m = flint_malloc(FLINT_MAX(n, 1) * sizeof(fmpq_mat_struct));
    slong i;

    for (i = 0; i < n; i++)
    {
        fmpq_mat_init(m + i, d, d);
        fmpq_mat_one(m + i);
    }
    return m;
}

int
lc_gauge_alloc(lc_gauge_t G, slong d_e, slong n_h, slong d_h, slong n_t, lc_err_t err)
{
    if (d_e < 1 || n_h < 1 || d_h < 1 || n_t < 1)
        return lc_err_set(err, LC_E_ARG, "gauge sizes must be positive");
    if (d_e > LC_TMODEL_MAX_DIM || d_h > LC_TMODEL_MAX_DIM || n_h > LC_TMODEL_MAX_DIM
        || n_t > LC_TMODEL_MAX_LAYERS)
        return lc_err_set(err, LC_E_LIMIT, "gauge sizes beyond the model limits");
    lc_gauge_clear(G);
    G->d_e = d_e;
    G->n_h = n_h;
    G->d_h = d_h;
    G->n_t = n_t;
    G->frames = eyes(n_t + 1, d_e);
    G->mids = eyes(n_t, d_e);
    G->h_qk = eyes(n_t * n_h, d_h);
    G->h_vo = eyes(n_t * n_h, d_h);
    return LC_OK;
}

void
lc_gauge_set(lc_gauge_t G, const lc_gauge_t H)
{
    slong i;

    if (G == H)
        return;
    lc_gauge_clear(G);
    if (H->frames == NULL)
        return;
    lc_gauge_alloc(G, H->d_e, H->n_h, H->d_h, H->n_t, NULL);
    for (i = 0; i <= H->n_t; i++)
        fmpq_mat_set(G->frames + i, H->frames + i);
    for (i = 0; i < H->n_t; i++)
        fmpq_mat_set(G->mids + i, H->mids + i);
    for (i = 0; i < H->n_t * H->n_h; i++)
    {
        fmpq_mat_set(G->h_qk + i, H->h_qk + i);
        fmpq_mat_set(G->h_vo + i, H->h_vo + i);
    }
}

/* ------------------------------------------------------- gauge elements */

static slong
rand_int(flint_rand_t st, slong bound)
{
    return (slong) n_randint(st, 2 * bound + 1) - bound;
}

void
lc_gauge_rand_so_fix1(fmpq_mat_t g, slong d, flint_rand_t st, slong bound)
{
    fmpq_mat_t S0, B, Bt, S, P, M;
    slong i, j;

    lc_qmat_resize(g, d, d);
    fmpq_mat_one(g);
    if (d < 3)
        return;     /* SO(d - 1) is trivial for d = 1, 2 */
    fmpq_mat_init(S0, d - 1, d - 1);
    fmpq_mat_init(B, d, d - 1);
    fmpq_mat_init(S, d, d);
    fmpq_mat_init(P, d, d);
    fmpq_mat_init(M, d, d - 1);
    fmpq_mat_init(Bt, d - 1, d);
    for (i = 0; i < d - 1; i++)
        for (j = i + 1; j < d - 1; j++)
        {
            fmpq_set_si(fmpq_mat_entry(S0, i, j), rand_int(st, bound), 1);
            fmpq_neg(fmpq_mat_entry(S0, j, i), fmpq_mat_entry(S0, i, j));
        }
    for (i = 0; i < d - 1; i++)
    {
        fmpq_one(fmpq_mat_entry(B, i, i));
        fmpq_set_si(fmpq_mat_entry(B, i + 1, i), -1, 1);
    }
    fmpq_mat_mul(M, B, S0);
    fmpq_mat_transpose(Bt, B);
    fmpq_mat_mul(S, M, Bt);             /* S = B S0 B^T: skew, S 1 = 0 */
    fmpq_mat_one(P);
    fmpq_mat_add(P, P, S);
    fmpq_mat_inv(P, P);                 /* I + S is invertible: S is skew */
    fmpq_mat_one(g);
    fmpq_mat_sub(g, g, S);
    fmpq_mat_mul(g, g, P);
    fmpq_mat_clear(S0);
    fmpq_mat_clear(B);
    fmpq_mat_clear(S);
    fmpq_mat_clear(P);
    fmpq_mat_clear(M);
    fmpq_mat_clear(Bt);
}

void
lc_gauge_rand_gl(fmpq_mat_t h, slong d, flint_rand_t st)
{
    static const slong num[6] = {1, -1, 2, -2, 1, -1}, den[6] = {1, 1, 1, 1, 2, 2};
    fmpq_mat_t L, U;
    fmpq_t c;
    slong i, j, k;

    fmpq_mat_init(L, d, d);
    fmpq_mat_init(U, d, d);
    fmpq_init(c);
    fmpq_mat_one(L);
    fmpq_mat_one(U);
    for (i = 0; i < d; i++)
        for (j = 0; j < i; j++)
        {
            fmpq_set_si(fmpq_mat_entry(L, i, j), rand_int(st, 1), 1);
            fmpq_set_si(fmpq_mat_entry(U, j, i), rand_int(st, 1), 1);
        }
    for (i = 0; i < d; i++)         /* U := D U, row by row */
    {
        k = (slong) n_randint(st, 6);
        fmpq_set_si(c, num[k], den[k]);
        for (j = i; j < d; j++)
            fmpq_mul(fmpq_mat_entry(U, i, j), fmpq_mat_entry(U, i, j), c);
    }
    lc_qmat_resize(h, d, d);
    fmpq_mat_mul(h, L, U);
    fmpq_mat_clear(L);
    fmpq_mat_clear(U);
    fmpq_clear(c);
}

void
lc_gauge_randomize(lc_gauge_t G, const lc_tmodel_t M, int per_layer, flint_rand_t st)
{
    slong i;

    lc_gauge_alloc(G, M->d_e, M->n_h, M->d_h, M->n_t, NULL);
    lc_gauge_rand_so_fix1(G->frames + 0, M->d_e, st, 3);
    for (i = 0; i < M->n_t; i++)
    {
        if (per_layer)
        {
            lc_gauge_rand_so_fix1(G->frames + i + 1, M->d_e, st, 3);
            lc_gauge_rand_so_fix1(G->mids + i, M->d_e, st, 3);
        }
        else
        {
            fmpq_mat_set(G->frames + i + 1, G->frames + 0);
            fmpq_mat_set(G->mids + i, G->frames + 0);
        }
    }
    for (i = 0; i < M->n_t * M->n_h; i++)
    {
        lc_gauge_rand_gl(G->h_qk + i, M->d_h, st);
        lc_gauge_rand_gl(G->h_vo + i, M->d_h, st);
    }
}

int
lc_gauge_is_orthogonal(const fmpq_mat_t g)
{
    fmpq_mat_t P;
    int ok;

    if (g->r != g->c)
        return 0;
    fmpq_mat_init(P, g->c, g->c);
    fmpq_mat_transpose(P, g);
    fmpq_mat_mul(P, P, g);
    ok = fmpq_mat_is_one(P);
    fmpq_mat_clear(P);
    return ok;
}

int
lc_gauge_fixes_ones(const fmpq_mat_t g)
{
    fmpq_t s;
    slong i, j;
    int ok = 1;

    if (g->r != g->c)
        return 0;
    fmpq_init(s);
    for (i = 0; i < g->r && ok; i++)
    {
        fmpq_zero(s);
        for (j = 0; j < g->c; j++)
            fmpq_add(s, s, fmpq_mat_entry(g, i, j));
        ok = fmpq_is_one(s);
    }
    fmpq_clear(s);
    return ok;
}

int
lc_gauge_is_valid(const lc_gauge_t G, char * why, size_t nwhy)
{
    slong i;

#define FAIL(...) do { if (why != NULL) snprintf(why, nwhy, __VA_ARGS__); return 0; } while (0)
    if (G->frames == NULL)
        FAIL("empty gauge");
    for (i = 0; i <= G->n_t; i++)
    {
        if (!lc_gauge_is_orthogonal(G->frames + i))
            FAIL("frame %ld is not orthogonal", (long) i);
        if (!lc_gauge_fixes_ones(G->frames + i))
            FAIL("frame %ld does not fix the all-ones vector", (long) i);
    }
    for (i = 0; i < G->n_t; i++)
    {
        if (!lc_gauge_is_orthogonal(G->mids + i))
            FAIL("mid frame of layer %ld is not orthogonal", (long) i + 1);
        if (!lc_gauge_fixes_ones(G->mids + i))
            FAIL("mid frame of layer %ld does not fix the all-ones vector", (long) i + 1);
    }
    for (i = 0; i < G->n_t * G->n_h; i++)
    {
        if (lc_qmat_rank(G->h_qk + i) < G->d_h)
            FAIL("h_qk of layer %ld head %ld is singular", (long) (i / G->n_h) + 1,
                 (long) (i % G->n_h) + 1);
        if (lc_qmat_rank(G->h_vo + i) < G->d_h)
            FAIL("h_vo of layer %ld head %ld is singular", (long) (i / G->n_h) + 1,
                 (long) (i % G->n_h) + 1);
    }
#undef FAIL
    return 1;
}

/* ------------------------------------------------------------ the action */

/* B := rows r0 .. r0 + n - 1 of A; A := B put back there. */
static void
rows_get(fmpq_mat_t B, const fmpq_mat_t A, slong r0, slong n)
{
    slong i, j;

    lc_qmat_resize(B, n, A->c);
    for (i = 0; i < n; i++)
        for (j = 0; j < A->c; j++)
            fmpq_set(fmpq_mat_entry(B, i, j), fmpq_mat_entry(A, r0 + i, j));
}

static void
rows_put(fmpq_mat_t A, const fmpq_mat_t B, slong r0)
{
    slong i, j;

    for (i = 0; i < B->r; i++)
        for (j = 0; j < B->c; j++)
            fmpq_set(fmpq_mat_entry(A, r0 + i, j), fmpq_mat_entry(B, i, j));
}

static void
cols_get(fmpq_mat_t B, const fmpq_mat_t A, slong c0, slong n)
{
    slong i, j;

    lc_qmat_resize(B, A->r, n);
    for (i = 0; i < A->r; i++)
        for (j = 0; j < n; j++)
            fmpq_set(fmpq_mat_entry(B, i, j), fmpq_mat_entry(A, i, c0 + j));
}

static void
cols_put(fmpq_mat_t A, const fmpq_mat_t B, slong c0)
{
    slong i, j;

    for (i = 0; i < B->r; i++)
        for (j = 0; j < B->c; j++)
            fmpq_set(fmpq_mat_entry(A, i, c0 + j), fmpq_mat_entry(B, i, j));
}

/* A := L A R (L or R may be NULL for the identity). */
static void
sandwich(fmpq_mat_t A, const fmpq_mat_t L, const fmpq_mat_t R)
{
    fmpq_mat_t T;

    if (L != NULL)
    {
        fmpq_mat_init(T, L->r, A->c);
        fmpq_mat_mul(T, L, A);
        fmpq_mat_swap(T, A);
        fmpq_mat_clear(T);
    }
    if (R != NULL)
    {
        fmpq_mat_init(T, A->r, R->c);
        fmpq_mat_mul(T, A, R);
        fmpq_mat_swap(T, A);
        fmpq_mat_clear(T);
    }
}

int
lc_gauge_apply(lc_tmodel_t out, const lc_tmodel_t M, const lc_gauge_t G, lc_err_t err)
{
    fmpq_mat_t gT, kT, hiT, ui, B;
    slong l, a, dh = M->d_h;
    int st = LC_OK;

    if (G->frames == NULL || G->d_e != M->d_e || G->n_h != M->n_h || G->d_h != M->d_h
        || G->n_t != M->n_t)
        return lc_err_set(err, LC_E_DIM, "the gauge (d_e %ld, n_h %ld, d_h %ld, n_t %ld) does not "
                          "fit the model (d_e %ld, n_h %ld, d_h %ld, n_t %ld)", (long) G->d_e,
                          (long) G->n_h, (long) G->d_h, (long) G->n_t, (long) M->d_e,
                          (long) M->n_h, (long) M->d_h, (long) M->n_t);
    lc_tmodel_set(out, M);
    fmpq_mat_init(gT, M->d_e, M->d_e);
    fmpq_mat_init(kT, M->d_e, M->d_e);
    fmpq_mat_init(hiT, dh, dh);
    fmpq_mat_init(ui, dh, dh);
    fmpq_mat_init(B, 0, 0);
    for (l = 0; l < M->n_t && st == LC_OK; l++)
    {
        lc_tlayer_struct * L = out->layers + l;
        const fmpq_mat_struct * g = G->frames + l, * k = G->mids + l, * f = G->frames + l + 1;

        fmpq_mat_transpose(gT, g);
        fmpq_mat_transpose(kT, k);
        for (a = 0; a < M->n_h; a++)
        {
            const fmpq_mat_struct * h = G->h_qk + l * M->n_h + a, * u = G->h_vo + l * M->n_h + a;

            if (!fmpq_mat_inv(hiT, h) || !fmpq_mat_inv(ui, u))
            {
                st = lc_err_set(err, LC_E_SINGULAR, "an h of layer %ld head %ld is singular",
                                (long) l + 1, (long) a + 1);
                break;
            }
            fmpq_mat_transpose(hiT, hiT);
            rows_get(B, L->Wq, a * dh, dh); sandwich(B, h, gT); rows_put(L->Wq, B, a * dh);
            rows_get(B, L->bq, a * dh, dh); sandwich(B, h, NULL); rows_put(L->bq, B, a * dh);
            rows_get(B, L->Wk, a * dh, dh); sandwich(B, hiT, gT); rows_put(L->Wk, B, a * dh);
            rows_get(B, L->bk, a * dh, dh); sandwich(B, hiT, NULL); rows_put(L->bk, B, a * dh);
            rows_get(B, L->Wv, a * dh, dh); sandwich(B, u, gT); rows_put(L->Wv, B, a * dh);
            rows_get(B, L->bv, a * dh, dh); sandwich(B, u, NULL); rows_put(L->bv, B, a * dh);
            cols_get(B, L->Wo, a * dh, dh); sandwich(B, NULL, ui); cols_put(L->Wo, B, a * dh);
        }
        sandwich(L->Wo, k, NULL);
        sandwich(L->bo, k, NULL);
        sandwich(L->W1, NULL, kT);
        sandwich(L->W2, f, NULL);
        sandwich(L->b2, f, NULL);
        sandwich(L->R1, k, gT);
        sandwich(L->R2, f, kT);
    }
    fmpq_mat_clear(gT);
    fmpq_mat_clear(kT);
    fmpq_mat_clear(hiT);
    fmpq_mat_clear(ui);
    fmpq_mat_clear(B);
    return st;
}

/* -------------------------------------------------------- layer norms */

int
lc_gauge_is_strict(const lc_tmodel_t M)
{
    slong l, i;

    for (l = 0; l < M->n_t; l++)
        for (i = 0; i < M->d_e; i++)
            if (!fmpq_is_one(fmpq_mat_entry(M->layers[l].ln1_w, i, 0))
                || !fmpq_is_one(fmpq_mat_entry(M->layers[l].ln2_w, i, 0))
                || !fmpq_is_zero(fmpq_mat_entry(M->layers[l].ln1_b, i, 0))
                || !fmpq_is_zero(fmpq_mat_entry(M->layers[l].ln2_b, i, 0)))
                return 0;
    return 1;
}

/* W := W diag(w), b := b + W s (W the old W): y = W (w o n + s) + b. */
static void
fold_into(fmpq_mat_t W, fmpq_mat_t b, const fmpq_mat_t w, const fmpq_mat_t s)
{
    fmpq_mat_t t;
    slong i, j;

    fmpq_mat_init(t, W->r, 1);
    fmpq_mat_mul(t, W, s);
    fmpq_mat_add(b, b, t);
    for (i = 0; i < W->r; i++)
        for (j = 0; j < W->c; j++)
            fmpq_mul(fmpq_mat_entry(W, i, j), fmpq_mat_entry(W, i, j), fmpq_mat_entry(w, j, 0));
    fmpq_mat_clear(t);
}

static void
set_ones(fmpq_mat_t w)
{
    slong i, j;

    for (i = 0; i < w->r; i++)
        for (j = 0; j < w->c; j++)
            fmpq_one(fmpq_mat_entry(w, i, j));
}

int
lc_gauge_fold_layernorm(lc_tmodel_t out, const lc_tmodel_t M, lc_err_t err)
{
    slong l;

    if (!M->norm_first)
        return lc_err_set(err, LC_E_DOMAIN, "post-norm: the layer-norm output also feeds the skip "
                          "connection, so its scale and shift cannot be folded into the next "
                          "linear maps");
    lc_tmodel_set(out, M);
    for (l = 0; l < M->n_t; l++)
    {
        lc_tlayer_struct * L = out->layers + l;

        fold_into(L->Wq, L->bq, L->ln1_w, L->ln1_b);
        fold_into(L->Wk, L->bk, L->ln1_w, L->ln1_b);
        fold_into(L->Wv, L->bv, L->ln1_w, L->ln1_b);
        fold_into(L->W1, L->b1, L->ln2_w, L->ln2_b);
        set_ones(L->ln1_w);
        set_ones(L->ln2_w);
        fmpq_mat_zero(L->ln1_b);
        fmpq_mat_zero(L->ln2_b);
    }
    return LC_OK;
}

/* ----------------------------------------------------------- eq. (17) */

void
lc_gauge_redundancy(fmpz_t r, slong d_e, slong n_h, slong d_h, slong n_t)
{
    fmpz_t t;

    fmpz_init(t);
    fmpz_set_si(r, d_h);
    fmpz_mul_si(r, r, d_h);
    fmpz_mul_si(r, r, n_h);
    fmpz_mul_si(r, r, n_t);
    fmpz_mul_ui(r, r, 2);
    fmpz_set_si(t, d_e - 1);
    fmpz_mul_si(t, t, d_e - 2);
    fmpz_fdiv_q_2exp(t, t, 1);      /* (d_e - 1)(d_e - 2) is even */
    fmpz_add(r, r, t);
    fmpz_clear(t);
}

/* --------------------------------------------------------- invariance */

int
lc_gauge_invariance(mag_t bound, int * refuted, slong * row, slong * col,
                    const lc_tmodel_t M, const lc_gauge_t G, const fmpq_mat_t E,
                    int causal, slong prec, lc_err_t err)
{
    lc_tmodel_t M2;
    fmpq_mat_t gE;
    arb_mat_t Eb, Y, Y2, f;
    slong i, j;
    int st;

    *refuted = 0;
    mag_zero(bound);
    if (E->r != M->d_e)
        return lc_err_set(err, LC_E_DIM, "the embeddings have %ld rows, the model d_e = %ld",
                          (long) E->r, (long) M->d_e);
    lc_tmodel_init(M2);
    fmpq_mat_init(gE, E->r, E->c);
    arb_mat_init(Eb, 0, 0);
    arb_mat_init(Y, 0, 0);
    arb_mat_init(Y2, 0, 0);
    arb_mat_init(f, 0, 0);
    if ((st = lc_gauge_apply(M2, M, G, err)) != LC_OK)
        goto done;
    lc_ball_set_qmat(Eb, E, prec);
    if ((st = lc_tmodel_forward(Y, M, Eb, causal, prec, err)) != LC_OK)
        goto done;
    fmpq_mat_mul(gE, G->frames + 0, E);
    lc_ball_set_qmat(Eb, gE, prec);
    if ((st = lc_tmodel_forward(Y2, M2, Eb, causal, prec, err)) != LC_OK)
        goto done;
    lc_ball_set_qmat(f, G->frames + M->n_t, prec);
    arb_mat_mul(Eb, f, Y, prec);
    arb_mat_sub(Y2, Y2, Eb, prec);
    for (i = 0; i < arb_mat_nrows(Y2); i++)
        for (j = 0; j < arb_mat_ncols(Y2); j++)
        {
            mag_t m;

            if (!arb_contains_zero(arb_mat_entry(Y2, i, j)) && !*refuted)
            {
                *refuted = 1;
                if (row != NULL)
                    *row = i;
                if (col != NULL)
                    *col = j;
            }
            mag_init(m);
            arb_get_mag(m, arb_mat_entry(Y2, i, j));
            mag_max(bound, bound, m);
            mag_clear(m);
        }
done:
    lc_tmodel_clear(M2);
    fmpq_mat_clear(gE);
    arb_mat_clear(Eb);
    arb_mat_clear(Y);
    arb_mat_clear(Y2);
    arb_mat_clear(f);
    return st;
}
