/* bench_transformer.c -- the certified transformer forward pass and gauge
 * check against the same computation in naive MPFR loops, in one run.
 *
 * The model (issue 5): d_e = 256, n_h = 8, d_h = d_e / n_h = 32,
 * d_f = 4 d_e = 1024, n_t = 2 layers, pre-norm, exact GELU, layer-norm
 * eps = 1/100000 (PyTorch's), no causal mask; input E is d_e x n_c = 256 x 64.
 * Every size can be changed on the command line.
 *
 * Instance (seed S, default 1; one flint_rand_t seeded with lc_rand_seed, used
 * in this order):
 *   M  = lc_tmodel_alloc + lc_tmodel_randomize (weights and biases k/32,
 *        |k| <= 16; layer-norm scales 1 + k/32, shifts k/32), then
 *        lc_gauge_fold_layernorm, which moves the scales and shifts into the
 *        next linear maps exactly (same function, strict layer norms: the gauge
 *        group of lib/gauge.h needs strict layer norms);
 *   E  = d_e x n_c entries k/16, |k| <= 32 (dyadic, so exact in both codes);
 *   G  = lc_gauge_randomize(G, M, 0, st): one frame g in SO(d_e) fixing the
 *        all-ones vector (a Cayley transform: exact, non-dyadic rationals),
 *        one invertible d_h x d_h pair (h_qk, h_vo) per layer and head;
 *   M' = lc_gauge_apply(M, G), exact.
 *
 * Parts, each timed at every precision (default 256 and 1024 bits):
 *   forward      liecheck: lc_tmodel_forward(Y, M, E)   (E already a ball)
 *                MPFR:     the same stack in mpfr_t arrays (below)
 *   gauge check  liecheck: what lc_gauge_invariance does after its
 *                lc_gauge_apply: gE = g E exactly (fmpq), Y = forward(M, E),
 *                Y' = forward(M', gE), D = g Y - Y', bound = max |D_ij|,
 *                refuted when a D_ij excludes 0
 *                MPFR: gE = g E, Y = forward(M, E), Y' = forward(M', gE),
 *                D = g Y - Y', max |D_ij|, all in naive MPFR loops
 * plus, for liecheck alone, the exact lc_gauge_apply (once: it does not
 * depend on the precision), the split of the gauge check into its steps, and
 * with --invariance the public lc_gauge_invariance (apply + check) at every
 * precision, whose bound must equal the one of the hand-made check.
 * Both sides get the weights of M and M', g and E before the clock starts: the
 * MPFR side as mpfr_t arrays rounded to nearest (mpfr_set_q), liecheck as the
 * exact fmpq_mat_t of the model, which lc_tmodel_forward turns into balls at
 * the start of every call (that conversion is inside liecheck's time).
 *
 * The naive MPFR code is what a user would write: every matrix product is a
 * triple loop of mpfr_mul + mpfr_add, layer norm with mpfr_sqrt and mpfr_div,
 * softmax with the row maximum subtracted and mpfr_exp, GELU as
 * x (1 + erf(x / sqrt 2)) / 2 with mpfr_erf, all at the working precision,
 * round to nearest, no error bounds.
 *
 * Check: every entry x of an MPFR result (Y, Y', D) must satisfy
 *   |x - mid| <= rad + 2^-(prec - 20) max(1, |mid|)
 * (for D, max(1, |mid of Y'|)), with mid, rad liecheck's ball; otherwise a
 * line MISMATCH on standard error and exit status 1.
 *
 * Output: a header "# flint=.. arb=.. mpfr=.. gmp=.. seed=..", the model,
 * one line per result
 *   LCTF part=forward prec=256 lc_s=0.41 mpfr_s=9.8 ratio=23.9
 *        radius_log2=-231.2 maxdist_log2=-240.1 check=ok
 * and a Markdown table on standard output; progress on standard error.
 * Timing: clock_gettime(CLOCK_MONOTONIC); each part is run --reps times
 * (default 1) and the median is reported; the first run is the one checked.
 */

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L  /* clock_gettime */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>           /* NAN, INFINITY, isnan, isinf: macros, no libm */
#include <time.h>
#include <gmp.h>
#include <mpfr.h>
#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include "lc_arb.h"
#include "qmat.h"
#include "ball.h"
#include "transformer.h"
#include "gauge.h"

#define BENCH_MAX_PRECS 16
#define BENCH_MAX_REPS 100

/* ------------------------------------------------------------------ timing */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

static int cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static double median(double * t, int n)
{
    qsort(t, (size_t) n, sizeof(double), cmp_double);
    return (n % 2) ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
}

/* ------------------------------------------------- naive MPFR matrices */

typedef struct
{
    slong r, c;
    mpfr_t * e;     /* row-major */
}
nmat_struct;

typedef nmat_struct nmat_t[1];

#define NE(A, i, j) ((A)->e[(i) * (A)->c + (j)])

static void nmat_init(nmat_t A, slong r, slong c, mpfr_prec_t prec)
{
    slong k;
    A->r = r;
    A->c = c;
    A->e = flint_malloc(sizeof(mpfr_t) * (size_t) FLINT_MAX(r * c, 1));
    for (k = 0; k < r * c; k++)
    {
        mpfr_init2(A->e[k], prec);
        mpfr_set_zero(A->e[k], 1);
    }
}

static void nmat_clear(nmat_t A)
{
    slong k;
    for (k = 0; k < A->r * A->c; k++)
        mpfr_clear(A->e[k]);
    flint_free(A->e);
}

/* A := Q rounded to nearest (A initialised, same shape). */
static void nmat_set_qmat(nmat_t A, const fmpq_mat_t Q)
{
    slong i, j;
    mpq_t q;
    mpq_init(q);
    for (i = 0; i < A->r; i++)
        for (j = 0; j < A->c; j++)
        {
            fmpq_get_mpq(q, fmpq_mat_entry(Q, i, j));
            mpfr_set_q(NE(A, i, j), q, MPFR_RNDN);
        }
    mpq_clear(q);
}

static void nmat_init_qmat(nmat_t A, const fmpq_mat_t Q, mpfr_prec_t prec)
{
    nmat_init(A, fmpq_mat_nrows(Q), fmpq_mat_ncols(Q), prec);
    nmat_set_qmat(A, Q);
}

/* C := A B, the textbook triple loop (C initialised, not aliased). */
static void nmat_mul(nmat_t C, const nmat_t A, const nmat_t B, mpfr_t t)
{
    slong i, j, k;
    for (i = 0; i < A->r; i++)
        for (j = 0; j < B->c; j++)
        {
            mpfr_set_zero(NE(C, i, j), 1);
            for (k = 0; k < A->c; k++)
            {
                mpfr_mul(t, NE(A, i, k), NE(B, k, j), MPFR_RNDN);
                mpfr_add(NE(C, i, j), NE(C, i, j), t, MPFR_RNDN);
            }
        }
}

/* Y := W X + b, b a column added to every column. */
static void nmat_affine(nmat_t Y, const nmat_t W, const nmat_t X, const nmat_t b, mpfr_t t)
{
    slong i, j;
    nmat_mul(Y, W, X, t);
    for (i = 0; i < Y->r; i++)
        for (j = 0; j < Y->c; j++)
            mpfr_add(NE(Y, i, j), NE(Y, i, j), NE(b, i, 0), MPFR_RNDN);
}

/* --------------------------------------------------- naive MPFR model */

typedef struct
{
    nmat_t Wq, Wk, Wv, bq, bk, bv, Wo, bo, W1, b1, W2, b2, ln1_w, ln1_b, ln2_w, ln2_b;
}
nlayer_struct;

typedef struct
{
    slong d_e, n_h, d_h, d_f, n_t;
    int activation;
    mpfr_prec_t prec;
    mpfr_t eps;
    nlayer_struct * L;
}
nmodel_struct;

typedef nmodel_struct nmodel_t[1];

static void nmodel_init(nmodel_t N, const lc_tmodel_t M, mpfr_prec_t prec)
{
    slong t;
    mpq_t q;

    N->d_e = M->d_e;
    N->n_h = M->n_h;
    N->d_h = M->d_h;
    N->d_f = M->d_f;
    N->n_t = M->n_t;
    N->activation = M->activation;
    N->prec = prec;
    mpfr_init2(N->eps, prec);
    mpq_init(q);
    fmpq_get_mpq(q, M->eps);
    mpfr_set_q(N->eps, q, MPFR_RNDN);
    mpq_clear(q);
    N->L = flint_malloc(sizeof(nlayer_struct) * (size_t) M->n_t);
    for (t = 0; t < M->n_t; t++)
    {
        const lc_tlayer_struct * L = M->layers + t;
        nlayer_struct * K = N->L + t;
        nmat_init_qmat(K->Wq, L->Wq, prec);
        nmat_init_qmat(K->Wk, L->Wk, prec);
        nmat_init_qmat(K->Wv, L->Wv, prec);
        nmat_init_qmat(K->bq, L->bq, prec);
        nmat_init_qmat(K->bk, L->bk, prec);
        nmat_init_qmat(K->bv, L->bv, prec);
        nmat_init_qmat(K->Wo, L->Wo, prec);
        nmat_init_qmat(K->bo, L->bo, prec);
        nmat_init_qmat(K->W1, L->W1, prec);
        nmat_init_qmat(K->b1, L->b1, prec);
        nmat_init_qmat(K->W2, L->W2, prec);
        nmat_init_qmat(K->b2, L->b2, prec);
        nmat_init_qmat(K->ln1_w, L->ln1_w, prec);
        nmat_init_qmat(K->ln1_b, L->ln1_b, prec);
        nmat_init_qmat(K->ln2_w, L->ln2_w, prec);
        nmat_init_qmat(K->ln2_b, L->ln2_b, prec);
    }
}

static void nmodel_clear(nmodel_t N)
{
    slong t;
    for (t = 0; t < N->n_t; t++)
    {
        nlayer_struct * K = N->L + t;
        nmat_clear(K->Wq);
        nmat_clear(K->Wk);
        nmat_clear(K->Wv);
        nmat_clear(K->bq);
        nmat_clear(K->bk);
        nmat_clear(K->bv);
        nmat_clear(K->Wo);
        nmat_clear(K->bo);
        nmat_clear(K->W1);
        nmat_clear(K->b1);
        nmat_clear(K->W2);
        nmat_clear(K->b2);
        nmat_clear(K->ln1_w);
        nmat_clear(K->ln1_b);
        nmat_clear(K->ln2_w);
        nmat_clear(K->ln2_b);
    }
    flint_free(N->L);
    mpfr_clear(N->eps);
}

/* Y := (x - mean) / sqrt(var + eps) * w + b per column (token). */
static void naive_layer_norm(nmat_t Y, const nmat_t X, const nmat_t w, const nmat_t b,
                             const mpfr_t eps, mpfr_prec_t prec)
{
    slong d = X->r, n = X->c, i, k;
    mpfr_t mean, var, c, sd;

    mpfr_inits2(prec, mean, var, c, sd, (mpfr_ptr) 0);
    for (i = 0; i < n; i++)
    {
        mpfr_set_zero(mean, 1);
        for (k = 0; k < d; k++)
            mpfr_add(mean, mean, NE(X, k, i), MPFR_RNDN);
        mpfr_div_si(mean, mean, d, MPFR_RNDN);
        mpfr_set_zero(var, 1);
        for (k = 0; k < d; k++)
        {
            mpfr_sub(c, NE(X, k, i), mean, MPFR_RNDN);
            mpfr_mul(c, c, c, MPFR_RNDN);
            mpfr_add(var, var, c, MPFR_RNDN);
        }
        mpfr_div_si(var, var, d, MPFR_RNDN);
        mpfr_add(var, var, eps, MPFR_RNDN);
        mpfr_sqrt(sd, var, MPFR_RNDN);
        for (k = 0; k < d; k++)
        {
            mpfr_sub(NE(Y, k, i), NE(X, k, i), mean, MPFR_RNDN);
            mpfr_div(NE(Y, k, i), NE(Y, k, i), sd, MPFR_RNDN);
            mpfr_mul(NE(Y, k, i), NE(Y, k, i), NE(w, k, 0), MPFR_RNDN);
            mpfr_add(NE(Y, k, i), NE(Y, k, i), NE(b, k, 0), MPFR_RNDN);
        }
    }
    mpfr_clears(mean, var, c, sd, (mpfr_ptr) 0);
}

/* Out := Wo concat_a (V_a Y + bv_a) A_a^T + bo, A_a the row softmax of
   (Q_a Y + bq_a)^T (K_a Y + bk_a) / sqrt(d_h). */
static void naive_attention(nmat_t Out, const nmodel_t N, const nlayer_struct * L,
                            const nmat_t Y, int causal, mpfr_t t)
{
    slong n = Y->c, dh = N->d_h, hd = N->n_h * N->d_h, a, i, j, k, jmax;
    mpfr_prec_t prec = N->prec;
    nmat_t Q, K, V, A, H;
    mpfr_t scale, m, s;

    nmat_init(Q, hd, n, prec);
    nmat_init(K, hd, n, prec);
    nmat_init(V, hd, n, prec);
    nmat_init(A, n, n, prec);
    nmat_init(H, hd, n, prec);
    mpfr_inits2(prec, scale, m, s, (mpfr_ptr) 0);
    nmat_affine(Q, L->Wq, Y, L->bq, t);
    nmat_affine(K, L->Wk, Y, L->bk, t);
    nmat_affine(V, L->Wv, Y, L->bv, t);
    mpfr_set_si(scale, dh, MPFR_RNDN);
    mpfr_rec_sqrt(scale, scale, MPFR_RNDN);
    for (a = 0; a < N->n_h; a++)
    {
        for (i = 0; i < n; i++)
        {
            jmax = causal ? i + 1 : n;
            for (j = 0; j < jmax; j++)
            {
                mpfr_set_zero(NE(A, i, j), 1);
                for (k = 0; k < dh; k++)
                {
                    mpfr_mul(t, NE(Q, a * dh + k, i), NE(K, a * dh + k, j), MPFR_RNDN);
                    mpfr_add(NE(A, i, j), NE(A, i, j), t, MPFR_RNDN);
                }
                mpfr_mul(NE(A, i, j), NE(A, i, j), scale, MPFR_RNDN);
            }
            mpfr_set(m, NE(A, i, 0), MPFR_RNDN);
            for (j = 1; j < jmax; j++)
                mpfr_max(m, m, NE(A, i, j), MPFR_RNDN);
            mpfr_set_zero(s, 1);
            for (j = 0; j < jmax; j++)
            {
                mpfr_sub(NE(A, i, j), NE(A, i, j), m, MPFR_RNDN);
                mpfr_exp(NE(A, i, j), NE(A, i, j), MPFR_RNDN);
                mpfr_add(s, s, NE(A, i, j), MPFR_RNDN);
            }
            for (j = 0; j < jmax; j++)
                mpfr_div(NE(A, i, j), NE(A, i, j), s, MPFR_RNDN);
        }
        for (k = 0; k < dh; k++)
            for (i = 0; i < n; i++)
            {
                mpfr_ptr h = NE(H, a * dh + k, i);
                jmax = causal ? i + 1 : n;
                mpfr_set_zero(h, 1);
                for (j = 0; j < jmax; j++)
                {
                    mpfr_mul(t, NE(V, a * dh + k, j), NE(A, i, j), MPFR_RNDN);
                    mpfr_add(h, h, t, MPFR_RNDN);
                }
            }
    }
    nmat_affine(Out, L->Wo, H, L->bo, t);
    mpfr_clears(scale, m, s, (mpfr_ptr) 0);
    nmat_clear(Q);
    nmat_clear(K);
    nmat_clear(V);
    nmat_clear(A);
    nmat_clear(H);
}

static void naive_activate(mpfr_t x, int activation, const mpfr_t sqrt2, mpfr_t t)
{
    if (activation == LC_ACT_RELU)
    {
        if (mpfr_sgn(x) < 0)
            mpfr_set_zero(x, 1);
        return;
    }
    /* LC_ACT_GELU: x (1 + erf(x / sqrt 2)) / 2 */
    mpfr_div(t, x, sqrt2, MPFR_RNDN);
    mpfr_erf(t, t, MPFR_RNDN);
    mpfr_add_ui(t, t, 1, MPFR_RNDN);
    mpfr_mul(x, x, t, MPFR_RNDN);
    mpfr_div_2ui(x, x, 1, MPFR_RNDN);
}

/* Out := the pre-norm stack applied to E (R1 = R2 = I). */
static void naive_forward(nmat_t Out, const nmodel_t N, const nmat_t E, int causal)
{
    slong d = N->d_e, n = E->c, l, i, j;
    mpfr_prec_t prec = N->prec;
    nmat_t X, Y, Et, Hf, Z;
    mpfr_t t, u, sqrt2;

    mpfr_inits2(prec, t, u, sqrt2, (mpfr_ptr) 0);
    mpfr_sqrt_ui(sqrt2, 2, MPFR_RNDN);
    nmat_init(X, d, n, prec);
    nmat_init(Y, d, n, prec);
    nmat_init(Et, d, n, prec);
    nmat_init(Hf, N->d_f, n, prec);
    nmat_init(Z, d, n, prec);
    for (i = 0; i < d * n; i++)
        mpfr_set(X->e[i], E->e[i], MPFR_RNDN);
    for (l = 0; l < N->n_t; l++)
    {
        const nlayer_struct * L = N->L + l;

        /* Etil = attn(LN1 X) + X;  X' = W2 act(W1 LN2(Etil) + b1) + b2 + Etil */
        naive_layer_norm(Y, X, L->ln1_w, L->ln1_b, N->eps, prec);
        naive_attention(Et, N, L, Y, causal, t);
        for (i = 0; i < d * n; i++)
            mpfr_add(Et->e[i], Et->e[i], X->e[i], MPFR_RNDN);
        naive_layer_norm(Y, Et, L->ln2_w, L->ln2_b, N->eps, prec);
        nmat_affine(Hf, L->W1, Y, L->b1, t);
        for (i = 0; i < N->d_f; i++)
            for (j = 0; j < n; j++)
                naive_activate(NE(Hf, i, j), N->activation, sqrt2, u);
        nmat_affine(Z, L->W2, Hf, L->b2, t);
        for (i = 0; i < d * n; i++)
            mpfr_add(X->e[i], Z->e[i], Et->e[i], MPFR_RNDN);
    }
    for (i = 0; i < d * n; i++)
        mpfr_set(Out->e[i], X->e[i], MPFR_RNDN);
    nmat_clear(X);
    nmat_clear(Y);
    nmat_clear(Et);
    nmat_clear(Hf);
    nmat_clear(Z);
    mpfr_clears(t, u, sqrt2, (mpfr_ptr) 0);
}

/* The gauge check in MPFR: gE = g E, Y = fwd(M, E), Y2 = fwd(M', gE),
   D = g Y - Y2, dev = max |D_ij| (g = the first and last frame: one frame). */
static void naive_gauge_check(nmat_t Y, nmat_t Y2, nmat_t D, mpfr_t dev, const nmodel_t N,
                              const nmodel_t N2, const nmat_t g, const nmat_t E, int causal)
{
    slong k;
    nmat_t gE;
    mpfr_t t;

    mpfr_init2(t, N->prec);
    nmat_init(gE, E->r, E->c, N->prec);
    nmat_mul(gE, g, E, t);
    naive_forward(Y, N, E, causal);
    naive_forward(Y2, N2, gE, causal);
    nmat_mul(D, g, Y, t);
    mpfr_set_zero(dev, 1);
    for (k = 0; k < D->r * D->c; k++)
    {
        mpfr_sub(D->e[k], D->e[k], Y2->e[k], MPFR_RNDN);
        mpfr_abs(t, D->e[k], MPFR_RNDN);
        mpfr_max(dev, dev, t, MPFR_RNDN);
    }
    nmat_clear(gE);
    mpfr_clear(t);
}

/* ------------------------------------------------------ liecheck side */

/* The check part of lc_gauge_invariance (the same calls, with the apply
   hoisted out): Y := forward(M, E), Y2 := forward(M2, g_0 E), D := g_{n_t} Y - Y2,
   bound := max |D_ij|, *refuted := some D_ij excludes 0.  part[0..3] := the
   seconds spent in forward(M, E), in g E (exact) and its rounding, in
   forward(M2, gE), in g Y - Y2 and the bound. */
static int lc_gauge_check(arb_mat_t Y, arb_mat_t Y2, arb_mat_t D, mag_t bound, int * refuted,
                          double * part, const lc_tmodel_t M, const lc_tmodel_t M2,
                          const lc_gauge_t G, const fmpq_mat_t E, int causal, slong prec,
                          lc_err_t err)
{
    double t0 = now_seconds(), t1;
    fmpq_mat_t gE;
    arb_mat_t Eb, f;
    slong i, j;
    int st;

    *refuted = 0;
    mag_zero(bound);
    fmpq_mat_init(gE, E->r, E->c);
    arb_mat_init(Eb, 0, 0);
    arb_mat_init(f, 0, 0);
    lc_ball_set_qmat(Eb, E, prec);
    if ((st = lc_tmodel_forward(Y, M, Eb, causal, prec, err)) != LC_OK)
        goto done;
    t1 = now_seconds();
    part[0] = t1 - t0;
    t0 = t1;
    fmpq_mat_mul(gE, G->frames + 0, E);
    lc_ball_set_qmat(Eb, gE, prec);
    t1 = now_seconds();
    part[1] = t1 - t0;
    t0 = t1;
    if ((st = lc_tmodel_forward(Y2, M2, Eb, causal, prec, err)) != LC_OK)
        goto done;
    t1 = now_seconds();
    part[2] = t1 - t0;
    t0 = t1;
    lc_ball_set_qmat(f, G->frames + M->n_t, prec);
    lc_ball_resize(D, arb_mat_nrows(Y), arb_mat_ncols(Y));
    arb_mat_mul(D, f, Y, prec);
    arb_mat_sub(D, D, Y2, prec);
    for (i = 0; i < arb_mat_nrows(D); i++)
        for (j = 0; j < arb_mat_ncols(D); j++)
        {
            mag_t m;
            if (!arb_contains_zero(arb_mat_entry(D, i, j)))
                *refuted = 1;
            mag_init(m);
            arb_get_mag(m, arb_mat_entry(D, i, j));
            mag_max(bound, bound, m);
            mag_clear(m);
        }
    part[3] = now_seconds() - t0;
done:
    fmpq_mat_clear(gE);
    arb_mat_clear(Eb);
    arb_mat_clear(f);
    return st;
}

/* ------------------------------------------------------------ comparison */

/* log2 |x| (-inf for 0), to about 3 decimals: the exponent plus log2 of the
   top of the mantissa (computed with Arb, which spares a libm dependency). */
static double arf_log2_abs(const arf_t x)
{
    arb_t m, l2;
    fmpz_t ne;
    double r;

    if (arf_is_zero(x))
        return -INFINITY;
    arb_init(m);
    arb_init(l2);
    fmpz_init(ne);
    arf_abs(arb_midref(m), x);
    arf_set_round(arb_midref(m), arb_midref(m), 53, ARF_RND_NEAR);
    fmpz_neg(ne, ARF_EXPREF(x));
    arb_mul_2exp_fmpz(m, m, ne);            /* in [1/2, 1] */
    arb_log(m, m, 64);
    arb_const_log2(l2, 64);
    arb_div(m, m, l2, 64);
    r = arf_get_d(arb_midref(m), ARF_RND_NEAR) + fmpz_get_d(ARF_EXPREF(x));
    arb_clear(m);
    arb_clear(l2);
    fmpz_clear(ne);
    return r;
}

static double mag_log2(const mag_t x)
{
    arf_t a;
    double r;
    arf_init(a);
    arf_set_mag(a, x);
    r = arf_log2_abs(a);
    arf_clear(a);
    return r;
}

static double mpfr_log2_abs(const mpfr_t x)
{
    arf_t a;
    double r;
    arf_init(a);
    arf_set_mpfr(a, x);
    r = arf_log2_abs(a);
    arf_clear(a);
    return r;
}

/* Every X_ij within rad(B_ij) + 2^-(prec - 20) max(1, |mid(S_ij)|) of mid(B_ij)
   (S = B when NULL).  maxdist := max(maxdist, max |X_ij - mid(B_ij)|).
   Returns the number of entries outside; prints the first few. */
static slong compare(arf_t maxdist, const nmat_t X, const arb_mat_t B, const arb_mat_t S,
                     slong prec, const char * what)
{
    slong i, j, misses = 0;
    arf_t x, d, tol, w;

    arf_init(x);
    arf_init(d);
    arf_init(tol);
    arf_init(w);
    if (S == NULL)
        S = B;
    for (i = 0; i < X->r; i++)
        for (j = 0; j < X->c; j++)
        {
            arb_srcptr b = arb_mat_entry(B, i, j);

            arf_set_mpfr(x, NE(X, i, j));
            arf_sub(d, x, arb_midref(b), ARF_PREC_EXACT, ARF_RND_DOWN);
            arf_abs(d, d);
            if (arf_cmp(d, maxdist) > 0)
                arf_set(maxdist, d);
            arf_abs(w, arb_midref(arb_mat_entry(S, i, j)));
            if (arf_cmp_si(w, 1) < 0)
                arf_one(w);
            arf_mul_2exp_si(w, w, -(prec - 20));
            arf_set_mag(tol, arb_radref(b));
            arf_add(tol, tol, w, ARF_PREC_EXACT, ARF_RND_DOWN);
            if (arf_cmp(d, tol) > 0)
            {
                if (misses < 5)
                {
                    char * s = arb_get_str(b, 30, 0);
                    flint_fprintf(stderr, "MISMATCH %s prec=%wd entry (%wd, %wd): mpfr ", what,
                                  prec, i, j);
                    mpfr_fprintf(stderr, "%.30Rg", NE(X, i, j));
                    flint_fprintf(stderr, ", liecheck %s, distance 2^%.1f\n", s,
                                  arf_log2_abs(d));
                    flint_free(s);
                }
                misses++;
            }
        }
    arf_clear(x);
    arf_clear(d);
    arf_clear(tol);
    arf_clear(w);
    return misses;
}

/* ---------------------------------------------------------------- results */

typedef struct
{
    const char * part;
    slong prec;             /* 0: exact */
    double lc_s, mpfr_s;    /* mpfr_s < 0: not run */
    int lc_reps, mpfr_reps;
    double radius_log2;     /* liecheck: largest radius of the output */
    double bound_log2;      /* gauge check: certified bound on max |D| (NAN otherwise) */
    double mpfr_dev_log2;   /* gauge check: the MPFR max |D| */
    double maxdist_log2;    /* max |MPFR - liecheck midpoint| over the outputs */
    slong misses;
}
result_t;

#define MAX_RESULTS (3 * BENCH_MAX_PRECS + 1)

static void print_result(const result_t * r)
{
    printf("LCTF part=%s prec=%ld lc_s=%.4g lc_reps=%d", r->part, (long) r->prec, r->lc_s,
           r->lc_reps);
    if (r->mpfr_s >= 0)
        printf(" mpfr_s=%.4g mpfr_reps=%d ratio=%.3g", r->mpfr_s, r->mpfr_reps,
               r->mpfr_s / r->lc_s);
    if (!isnan(r->radius_log2))
        printf(" radius_log2=%.1f", r->radius_log2);
    if (!isnan(r->bound_log2))
        printf(" bound_log2=%.1f", r->bound_log2);
    if (!isnan(r->mpfr_dev_log2))
        printf(" mpfr_dev_log2=%.1f", r->mpfr_dev_log2);
    if (r->mpfr_s >= 0)
        printf(" maxdist_log2=%.1f check=%s", r->maxdist_log2, r->misses ? "MISMATCH" : "ok");
    printf("\n");
    fflush(stdout);
}

static void fmt_log2(char * buf, size_t n, double x)
{
    if (isnan(x))
        snprintf(buf, n, "-");
    else if (isinf(x))
        snprintf(buf, n, "0");
    else
        snprintf(buf, n, "2^%.1f", x);
}

static void print_table(const result_t * res, int nres)
{
    int k;

    printf("\n| part | bits | liecheck s | MPFR s | MPFR / liecheck | liecheck max radius "
           "| certified bound max abs(D) | MPFR max abs(D) | max abs(MPFR - liecheck) |\n");
    printf("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (k = 0; k < nres; k++)
    {
        const result_t * r = res + k;
        char rad[32], bnd[32], dev[32], dist[32];

        fmt_log2(rad, sizeof rad, r->radius_log2);
        fmt_log2(bnd, sizeof bnd, r->bound_log2);
        fmt_log2(dev, sizeof dev, r->mpfr_dev_log2);
        fmt_log2(dist, sizeof dist, r->mpfr_s >= 0 ? r->maxdist_log2 : NAN);
        if (r->prec > 0)
            printf("| %s | %ld | %.3g |", r->part, (long) r->prec, r->lc_s);
        else
            printf("| %s | exact | %.3g |", r->part, r->lc_s);
        if (r->mpfr_s >= 0)
            printf(" %.3g | %.3g |", r->mpfr_s, r->mpfr_s / r->lc_s);
        else
            printf(" - | - |");
        printf(" %s | %s | %s | %s |\n", rad, bnd, dev, dist);
    }
    fflush(stdout);
}

static void result_blank(result_t * r, const char * part, slong prec)
{
    r->part = part;
    r->prec = prec;
    r->lc_s = 0;
    r->mpfr_s = -1;
    r->lc_reps = 0;
    r->mpfr_reps = 0;
    r->radius_log2 = NAN;
    r->bound_log2 = NAN;
    r->mpfr_dev_log2 = NAN;
    r->maxdist_log2 = NAN;
    r->misses = 0;
}

/* ------------------------------------------------------------------ options */

typedef struct
{
    slong d_e, n_h, d_f, n_t, n_c;
    int activation, causal, invariance, mpfr;
    int mpfr_reps;
    double min_time;
    ulong seed;
    slong precs[BENCH_MAX_PRECS];
    int nprecs;
}
opts_t;

static void usage(FILE * f)
{
    fprintf(f,
"usage: bench_transformer [--precs 256,1024] [--seed S] [--d-e 256] [--n-h 8]\n"
"                         [--d-f 1024] [--n-t 2] [--n-c 64] [--act gelu|relu]\n"
"                         [--causal] [--min-time SECONDS] [--mpfr-reps N]\n"
"                         [--no-mpfr] [--invariance]\n"
"  --precs         working precisions in bits (default 256,1024)\n"
"  --seed          seed of the generator (default 1)\n"
"  --d-e --n-h --d-f --n-t --n-c   sizes (default 256, 8, 4 d_e, 2, 64; d_h = d_e / n_h)\n"
"  --act           activation (default gelu: exact, with erf)\n"
"  --causal        mask keys j > i (default: no mask)\n"
"  --min-time      repeat a liecheck part until the runs add up to this (default 2;\n"
"                  at least once, at most %d times); the median is reported\n"
"  --mpfr-reps     runs of each MPFR part (default 1); the median is reported\n"
"  --no-mpfr       time liecheck alone (nothing is checked)\n"
"  --invariance    also time the public lc_gauge_invariance (apply + check) at\n"
"                  every precision and check that its bound is the same\n",
            BENCH_MAX_REPS);
}

static int parse_slong(slong * x, const char * v, slong lo, slong hi)
{
    char * end;
    long y = strtol(v, &end, 10);
    if (end == v || *end != '\0' || y < lo || y > hi)
        return -1;
    *x = (slong) y;
    return 0;
}

static int parse_precs(opts_t * o, const char * arg)
{
    const char * s = arg;
    int k = 0;

    while (*s != '\0')
    {
        char * end;
        long v = strtol(s, &end, 10);
        if (end == s || v < 2 || v > 65536 || k == BENCH_MAX_PRECS
            || (*end != ',' && *end != '\0'))
            return -1;
        o->precs[k++] = (slong) v;
        s = (*end == ',') ? end + 1 : end;
    }
    o->nprecs = k;
    return k > 0 ? 0 : -1;
}

static int parse_args(opts_t * o, int argc, char ** argv)
{
    int i;
    slong x;

    o->d_e = 256;
    o->n_h = 8;
    o->d_f = -1;
    o->n_t = 2;
    o->n_c = 64;
    o->activation = LC_ACT_GELU;
    o->causal = 0;
    o->invariance = 0;
    o->mpfr = 1;
    o->mpfr_reps = 1;
    o->min_time = 2.0;
    o->seed = 1;
    o->precs[0] = 256;
    o->precs[1] = 1024;
    o->nprecs = 2;
    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i];
        const char * v = (i + 1 < argc) ? argv[i + 1] : NULL;
        int bad = 0;

        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
        {
            usage(stdout);
            exit(0);
        }
        else if (strcmp(a, "--causal") == 0)
            o->causal = 1;
        else if (strcmp(a, "--no-mpfr") == 0)
            o->mpfr = 0;
        else if (strcmp(a, "--invariance") == 0)
            o->invariance = 1;
        else if (v == NULL)
            bad = 1;
        else
        {
            i++;
            if (strcmp(a, "--precs") == 0)
                bad = parse_precs(o, v);
            else if (strcmp(a, "--seed") == 0)
            {
                char * end;
                o->seed = (ulong) strtoull(v, &end, 10);
                bad = (*end != '\0' || end == v);
            }
            else if (strcmp(a, "--d-e") == 0)
                bad = parse_slong(&o->d_e, v, 2, LC_TMODEL_MAX_DIM);
            else if (strcmp(a, "--n-h") == 0)
                bad = parse_slong(&o->n_h, v, 1, LC_TMODEL_MAX_DIM);
            else if (strcmp(a, "--d-f") == 0)
                bad = parse_slong(&o->d_f, v, 1, LC_TMODEL_MAX_DIM);
            else if (strcmp(a, "--n-t") == 0)
                bad = parse_slong(&o->n_t, v, 1, LC_TMODEL_MAX_LAYERS);
            else if (strcmp(a, "--n-c") == 0)
                bad = parse_slong(&o->n_c, v, 1, LC_TMODEL_MAX_DIM);
            else if (strcmp(a, "--mpfr-reps") == 0)
            {
                bad = parse_slong(&x, v, 1, BENCH_MAX_REPS);
                o->mpfr_reps = (int) x;
            }
            else if (strcmp(a, "--act") == 0)
            {
                o->activation = lc_tmodel_act_from_name(v);
                bad = (o->activation != LC_ACT_GELU && o->activation != LC_ACT_RELU);
            }
            else if (strcmp(a, "--min-time") == 0)
            {
                char * end;
                o->min_time = strtod(v, &end);
                bad = (*end != '\0' || end == v || o->min_time < 0);
            }
            else
                bad = 1;
        }
        if (bad)
        {
            fprintf(stderr, "bench_transformer: bad argument '%s'\n", a);
            usage(stderr);
            return -1;
        }
    }
    if (o->d_f < 0)
        o->d_f = 4 * o->d_e;
    if (o->d_e % o->n_h != 0)
    {
        fprintf(stderr, "bench_transformer: n_h must divide d_e\n");
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- instance */

/* Largest bit size of a denominator in A. */
static slong max_den_bits(const fmpq_mat_t A)
{
    slong i, j, b = 0;
    for (i = 0; i < fmpq_mat_nrows(A); i++)
        for (j = 0; j < fmpq_mat_ncols(A); j++)
            b = FLINT_MAX(b, (slong) fmpz_bits(fmpq_mat_entry_den(A, i, j)));
    return b;
}

/* About log2 of the largest |entry| of A (bits of the numerator minus bits of
   the denominator: within 1 of the truth). */
static slong max_log2(const fmpq_mat_t A)
{
    slong i, j, b = WORD_MIN;
    for (i = 0; i < fmpq_mat_nrows(A); i++)
        for (j = 0; j < fmpq_mat_ncols(A); j++)
            if (!fmpq_is_zero(fmpq_mat_entry(A, i, j)))
                b = FLINT_MAX(b, (slong) fmpz_bits(fmpq_mat_entry_num(A, i, j))
                                 - (slong) fmpz_bits(fmpq_mat_entry_den(A, i, j)));
    return b;
}

static void print_sizes(const char * name, const lc_tmodel_t M)
{
    slong l, q = WORD_MIN, k = WORD_MIN, v = WORD_MIN, o = WORD_MIN;
    for (l = 0; l < M->n_t; l++)
    {
        q = FLINT_MAX(q, max_log2(M->layers[l].Wq));
        k = FLINT_MAX(k, max_log2(M->layers[l].Wk));
        v = FLINT_MAX(v, max_log2(M->layers[l].Wv));
        o = FLINT_MAX(o, max_log2(M->layers[l].Wo));
    }
    flint_printf("# %s: largest |entry| about 2^%wd (Wq), 2^%wd (Wk), 2^%wd (Wv), 2^%wd (Wo)\n",
                 name, q, k, v, o);
}

static void die(const char * what, int st, const lc_err_t err)
{
    flint_fprintf(stderr, "bench_transformer: %s failed (%s): %s\n", what, lc_err_name(st),
                  err->msg);
    exit(1);
}

/* ------------------------------------------------------------------- main */

int main(int argc, char ** argv)
{
    opts_t o;
    flint_rand_t st;
    lc_tmodel_t M0, M, M2;
    lc_gauge_t G;
    fmpq_mat_t E;
    lc_err_t err;
    result_t res[MAX_RESULTS];
    int nres = 0, p, k, status, failed = 0;
    slong i, j;
    double t0, times[BENCH_MAX_REPS], spent, part[4], wall0 = now_seconds();
    char * desc;

    if (parse_args(&o, argc, argv) != 0)
        return 2;

    /* the instance */
    flint_randinit(st);
    lc_rand_seed(st, o.seed);
    lc_tmodel_init(M0);
    lc_tmodel_init(M);
    lc_tmodel_init(M2);
    lc_gauge_init(G);
    if ((status = lc_tmodel_alloc(M0, o.d_e, o.n_h, o.d_e / o.n_h, o.d_f, o.n_t, err)) != LC_OK)
        die("lc_tmodel_alloc", status, err);
    lc_tmodel_randomize(M0, st);
    M0->norm_first = 1;
    M0->activation = o.activation;
    fmpq_set_si(M0->eps, 1, 100000);
    if ((status = lc_gauge_fold_layernorm(M, M0, err)) != LC_OK)
        die("lc_gauge_fold_layernorm", status, err);
    fmpq_mat_init(E, o.d_e, o.n_c);
    for (i = 0; i < o.d_e; i++)
        for (j = 0; j < o.n_c; j++)
            fmpq_set_si(fmpq_mat_entry(E, i, j), (slong) n_randint(st, 65) - 32, 16);
    t0 = now_seconds();
    lc_gauge_randomize(G, M, 0, st);
    fprintf(stderr, "bench_transformer: random gauge drawn in %.2f s\n", now_seconds() - t0);

#if LC_FLINT3
    flint_printf("# flint=%s arb=(in flint)", flint_version);
#else
    flint_printf("# flint=%s arb=%s", flint_version, arb_version);
#endif
    printf(" mpfr=%s gmp=%s seed=%lu min_time=%g mpfr_reps=%d\n", mpfr_get_version(),
           gmp_version, (unsigned long) o.seed, o.min_time, o.mpfr_reps);
    desc = lc_tmodel_get_str(M);
    flint_printf("# %s eps=1/100000 causal=%d n_c=%wd params=%wd (layer norms folded: strict)\n",
                 desc, o.causal, o.n_c, lc_tmodel_nparams(M));
    flint_free(desc);
    flint_printf("# gauge: one frame g in SO(%wd) fixing 1 (Cayley, denominators up to %wd "
                 "bits), %wd pairs h_qk, h_vo in GL(%wd)\n", o.d_e, max_den_bits(G->frames + 0),
                 o.n_t * o.n_h, o.d_e / o.n_h);
    fflush(stdout);

    /* the exact gauge application, once (it does not depend on prec) */
    result_blank(res + nres, "gauge apply (exact)", 0);
    spent = 0;
    for (k = 0; k < BENCH_MAX_REPS && (k == 0 || spent < o.min_time); k++)
    {
        t0 = now_seconds();
        if ((status = lc_gauge_apply(M2, M, G, err)) != LC_OK)
            die("lc_gauge_apply", status, err);
        times[k] = now_seconds() - t0;
        spent += times[k];
    }
    res[nres].lc_reps = k;
    res[nres].lc_s = median(times, k);
    {
        slong b = 0, l;
        for (l = 0; l < M2->n_t; l++)
        {
            b = FLINT_MAX(b, max_den_bits(M2->layers[l].Wq));
            b = FLINT_MAX(b, max_den_bits(M2->layers[l].Wo));
            b = FLINT_MAX(b, max_den_bits(M2->layers[l].W1));
            b = FLINT_MAX(b, max_den_bits(M2->layers[l].W2));
        }
        flint_printf("# transformed model: weight denominators up to %wd bits\n", b);
        print_sizes("model", M);
        print_sizes("transformed model", M2);
    }
    print_result(res + nres);
    nres++;

    for (p = 0; p < o.nprecs; p++)
    {
        slong prec = o.precs[p];
        arb_mat_t Eb, Y, Yr, Y2, D;
        mag_t bound, rad;
        int refuted;
        result_t * rf = res + nres, * rg = res + nres + 1;
        nmodel_t N, N2;
        nmat_t nE, ng, nY, nY2, nD;
        mpfr_t dev;
        arf_t maxdist;

        arb_mat_init(Eb, 0, 0);
        arb_mat_init(Y, 0, 0);
        arb_mat_init(Yr, 0, 0);
        arb_mat_init(Y2, 0, 0);
        arb_mat_init(D, 0, 0);
        mag_init(bound);
        mag_init(rad);
        arf_init(maxdist);
        result_blank(rf, "forward", prec);
        result_blank(rg, "gauge check", prec);
        nres += 2;

        /* liecheck forward */
        lc_ball_set_qmat(Eb, E, prec);
        spent = 0;
        for (k = 0; k < BENCH_MAX_REPS && (k == 0 || spent < o.min_time); k++)
        {
            t0 = now_seconds();
            if ((status = lc_tmodel_forward(k == 0 ? Y : Yr, M, Eb, o.causal, prec, err))
                != LC_OK)
                die("lc_tmodel_forward", status, err);
            times[k] = now_seconds() - t0;
            spent += times[k];
        }
        rf->lc_reps = k;
        rf->lc_s = median(times, k);
        lc_ball_max_radius(rad, Y);
        rf->radius_log2 = mag_log2(rad);
        fprintf(stderr, "bench_transformer: %ld bits: liecheck forward %.3f s\n", (long) prec,
                rf->lc_s);

        /* liecheck gauge check */
        spent = 0;
        for (k = 0; k < BENCH_MAX_REPS && (k == 0 || spent < o.min_time); k++)
        {
            t0 = now_seconds();
            if ((status = lc_gauge_check(k == 0 ? Y : Yr, Y2, D, bound, &refuted, part, M, M2,
                                         G, E, o.causal, prec, err)) != LC_OK)
                die("the gauge check", status, err);
            times[k] = now_seconds() - t0;
            spent += times[k];
        }
        /* the split of the last run: where liecheck's check spends its time */
        printf("LCTF part=gauge-check-split prec=%ld forward_M_s=%.4g gE_exact_s=%.4g "
               "forward_M2_s=%.4g compare_s=%.4g\n", (long) prec, part[0], part[1], part[2],
               part[3]);
        rg->lc_reps = k;
        rg->lc_s = median(times, k);
        lc_ball_max_radius(rad, D);
        rg->radius_log2 = mag_log2(rad);
        rg->bound_log2 = mag_log2(bound);
        if (refuted)
        {
            flint_fprintf(stderr, "bench_transformer: %wd bits: the gauge check REFUTED "
                          "invariance (a bug: the gauge is valid)\n", prec);
            failed = 1;
        }
        fprintf(stderr, "bench_transformer: %ld bits: liecheck gauge check %.3f s, bound "
                "2^%.1f\n", (long) prec, rg->lc_s, rg->bound_log2);

        if (o.mpfr)
        {
            double c0 = now_seconds();
            nmodel_init(N, M, prec);
            nmodel_init(N2, M2, prec);
            nmat_init_qmat(nE, E, prec);
            nmat_init_qmat(ng, G->frames + 0, prec);
            nmat_init(nY, o.d_e, o.n_c, prec);
            nmat_init(nY2, o.d_e, o.n_c, prec);
            nmat_init(nD, o.d_e, o.n_c, prec);
            mpfr_init2(dev, prec);
            fprintf(stderr, "bench_transformer: %ld bits: MPFR weights ready in %.2f s "
                    "(untimed)\n", (long) prec, now_seconds() - c0);

            for (k = 0; k < o.mpfr_reps; k++)
            {
                t0 = now_seconds();
                naive_forward(nY, N, nE, o.causal);
                times[k] = now_seconds() - t0;
            }
            rf->mpfr_reps = k;
            rf->mpfr_s = median(times, k);
            rf->misses = compare(maxdist, nY, Y, NULL, prec, "forward Y");
            rf->maxdist_log2 = arf_log2_abs(maxdist);
            fprintf(stderr, "bench_transformer: %ld bits: MPFR forward %.3f s\n", (long) prec,
                    rf->mpfr_s);

            for (k = 0; k < o.mpfr_reps; k++)
            {
                t0 = now_seconds();
                naive_gauge_check(nY, nY2, nD, dev, N, N2, ng, nE, o.causal);
                times[k] = now_seconds() - t0;
            }
            rg->mpfr_reps = k;
            rg->mpfr_s = median(times, k);
            arf_zero(maxdist);
            rg->misses = compare(maxdist, nY, Y, NULL, prec, "gauge check Y");
            rg->misses += compare(maxdist, nY2, Y2, NULL, prec, "gauge check Y'");
            rg->misses += compare(maxdist, nD, D, Y2, prec, "gauge check D");
            rg->maxdist_log2 = arf_log2_abs(maxdist);
            rg->mpfr_dev_log2 = mpfr_log2_abs(dev);
            fprintf(stderr, "bench_transformer: %ld bits: MPFR gauge check %.3f s\n",
                    (long) prec, rg->mpfr_s);
            if (rf->misses || rg->misses)
                failed = 1;

            nmodel_clear(N);
            nmodel_clear(N2);
            nmat_clear(nE);
            nmat_clear(ng);
            nmat_clear(nY);
            nmat_clear(nY2);
            nmat_clear(nD);
            mpfr_clear(dev);
        }
        print_result(rf);
        print_result(rg);

        /* the public call: apply + check */
        if (o.invariance)
        {
            result_t * ri = res + nres++;
            mag_t b2;
            int ref2;

            mag_init(b2);
            result_blank(ri, "lc_gauge_invariance (apply + check)", prec);
            spent = 0;
            for (k = 0; k < BENCH_MAX_REPS && (k == 0 || spent < o.min_time); k++)
            {
                t0 = now_seconds();
                if ((status = lc_gauge_invariance(b2, &ref2, NULL, NULL, M, G, E, o.causal,
                                                  prec, err)) != LC_OK)
                    die("lc_gauge_invariance", status, err);
                times[k] = now_seconds() - t0;
                spent += times[k];
            }
            ri->lc_reps = k;
            ri->lc_s = median(times, k);
            ri->bound_log2 = mag_log2(b2);
            if (ref2 || mag_cmp(b2, bound) != 0)
            {
                flint_fprintf(stderr, "bench_transformer: %wd bits: lc_gauge_invariance "
                              "disagrees with the hand-made check (refuted=%d, bound 2^%.1f "
                              "against 2^%.1f)\n", prec, ref2, ri->bound_log2, rg->bound_log2);
                failed = 1;
            }
            print_result(ri);
            mag_clear(b2);
        }

        arb_mat_clear(Eb);
        arb_mat_clear(Y);
        arb_mat_clear(Yr);
        arb_mat_clear(Y2);
        arb_mat_clear(D);
        mag_clear(bound);
        mag_clear(rad);
        arf_clear(maxdist);
    }

    print_table(res, nres);
    if (!o.mpfr)
        printf("\nMPFR side not run (--no-mpfr): nothing was checked.\n");
    else if (failed)
        printf("\n**MISMATCH**: see standard error.\n");
    else
        printf("\nAll MPFR outputs lie in liecheck's balls widened by 2^-(prec - 20) "
               "max(1, |value|).\n");
    printf("total wall time %.1f s\n", now_seconds() - wall0);

    fmpq_mat_clear(E);
    lc_gauge_clear(G);
    lc_tmodel_clear(M0);
    lc_tmodel_clear(M);
    lc_tmodel_clear(M2);
    flint_randclear(st);
    flint_cleanup();
    return failed ? 1 : 0;
}
