/* bench_llama.c -- one LLaMA-style layer at realistic width (issue 14):
 * the certified forward pass and the certification of computational
 * invariance (QuaRot: RMSNorm gains folded, the residual stream rotated by a
 * randomised Hadamard matrix), against
 *   - the cost of the same matrix products in arb_mat_mul alone (the limit:
 *     what the pass costs if everything but its products were free), and
 *   - the same computation in naive MPFR loops (triple-loop products with
 *     mpfr_mul + mpfr_add, RMSNorm with mpfr_rec_sqrt, RoPE with
 *     mpfr_sin_cos, softmax with the row maximum subtracted, SiLU with
 *     mpfr_exp; round to nearest, no error bounds).
 *
 * Defaults: d_e = 1024, n_h = 16 query heads, n_kv = 4 KV heads, d_h = 64,
 * d_f = 2816, one layer, SwiGLU, theta = 10000, eps = 1/10^6, n = 16 tokens,
 * causal, 128 bits, seed 1.  Options: --d-e N --n-h N --n-kv N --d-f N
 * --tokens N --layers N --prec P --seed S --no-mpfr.
 *
 * Instance: M = lc_llama_alloc + lc_llama_randomize (weights k/32, gains
 * 1 + k/32); E entries k/16, |k| <= 32; Q = H D (H the normalised
 * Hadamard matrix of order d_e, D random signs); M' = rotate_residual
 * (fold_rmsnorm(M), Q), exact over Q (timed as "exact rotation").  The
 * invariance check: Y = forward(M, E), Y' = forward(M', Q E), bound =
 * max |Y' - Y| (M' has the final gains in its output map, so the outputs
 * are equal, not rotated), refuted if an entry excludes 0.
 *
 * Check of the MPFR side: every MPFR entry x must satisfy |x - mid| <= rad
 * + 2^-(prec - 20) max(1, |mid|) for liecheck's ball (mid, rad); a line
 * MISMATCH and exit status 1 otherwise.
 *
 * Output: one line per part ("LCLL part=forward lc_s=... limit_s=...
 * mpfr_s=... ...") and a Markdown table. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <gmp.h>
#include <mpfr.h>
#include <flint/flint.h>
#include <flint/fmpq_mat.h>
#include "lc_arb.h"
#include "qmat.h"
#include "ball.h"
#include "llama.h"

static double
now_seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

static void
die(const char * what, lc_err_t err)
{
    fprintf(stderr, "bench_llama: %s: %s\n", what, err->msg);
    exit(2);
}

/* ------------------------------------------------------- naive MPFR */

typedef struct
{
    slong r, c;
    mpfr_t * e;
}
nmat_struct;
typedef nmat_struct nmat_t[1];
#define NE(A, i, j) ((A)->e[(i) * (A)->c + (j)])

static void
nmat_init(nmat_t A, slong r, slong c, mpfr_prec_t prec)
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

static void
nmat_clear(nmat_t A)
{
    slong k;

    for (k = 0; k < A->r * A->c; k++)
        mpfr_clear(A->e[k]);
    flint_free(A->e);
}

static void
nmat_set_qmat(nmat_t A, const fmpq_mat_t Q, mpfr_prec_t prec)
{
    slong i, j;
    mpq_t q;

    nmat_init(A, Q->r, Q->c, prec);
    mpq_init(q);
    for (i = 0; i < Q->r; i++)
        for (j = 0; j < Q->c; j++)
        {
            fmpq_get_mpq(q, fmpq_mat_entry(Q, i, j));
            mpfr_set_q(NE(A, i, j), q, MPFR_RNDN);
        }
    mpq_clear(q);
}

/* C := A B (C initialised with the right shape); t a temporary. */
static void
nmat_mul(nmat_t C, const nmat_t A, const nmat_t B, mpfr_t t)
{
    slong i, j, k;

    for (i = 0; i < A->r; i++)
        for (j = 0; j < B->c; j++)
        {
            mpfr_ptr s = NE(C, i, j);

            mpfr_set_zero(s, 1);
            for (k = 0; k < A->c; k++)
            {
                mpfr_mul(t, NE(A, i, k), NE(B, k, j), MPFR_RNDN);
                mpfr_add(s, s, t, MPFR_RNDN);
            }
        }
}

typedef struct
{
    nmat_t Wq, Wk, Wv, Wo, Wg, W1, W2, ln1, ln2;
}
nlayer;

typedef struct
{
    slong d_e, n_h, n_kv, d_h, n_t;
    mpfr_prec_t prec;
    nlayer * L;
    nmat_t norm, Wout;
    int has_out;
    mpfr_t eps, theta;
}
nmodel;

static void
nmodel_set(nmodel * N, const lc_tmodel_t M, mpfr_prec_t prec)
{
    slong t;
    mpq_t q;

    N->d_e = M->d_e, N->n_h = M->n_h, N->n_kv = M->n_kv, N->d_h = M->d_h, N->n_t = M->n_t;
    N->prec = prec;
    N->L = flint_malloc(sizeof(nlayer) * M->n_t);
    for (t = 0; t < M->n_t; t++)
    {
        const lc_tlayer_struct * L = M->layers + t;

        nmat_set_qmat(N->L[t].Wq, L->Wq, prec);
        nmat_set_qmat(N->L[t].Wk, L->Wk, prec);
        nmat_set_qmat(N->L[t].Wv, L->Wv, prec);
        nmat_set_qmat(N->L[t].Wo, L->Wo, prec);
        nmat_set_qmat(N->L[t].Wg, L->Wg, prec);
        nmat_set_qmat(N->L[t].W1, L->W1, prec);
        nmat_set_qmat(N->L[t].W2, L->W2, prec);
        nmat_set_qmat(N->L[t].ln1, L->ln1_w, prec);
        nmat_set_qmat(N->L[t].ln2, L->ln2_w, prec);
    }
    nmat_set_qmat(N->norm, M->norm_w, prec);
    N->has_out = M->Wout->r > 0;
    nmat_set_qmat(N->Wout, M->Wout, prec);
    mpq_init(q);
    mpfr_inits2(prec, N->eps, N->theta, (mpfr_ptr) 0);
    fmpq_get_mpq(q, M->eps);
    mpfr_set_q(N->eps, q, MPFR_RNDN);
    fmpq_get_mpq(q, M->rope_theta);
    mpfr_set_q(N->theta, q, MPFR_RNDN);
    mpq_clear(q);
}

static void
nmodel_clear(nmodel * N)
{
    slong t;

    for (t = 0; t < N->n_t; t++)
    {
        nmat_clear(N->L[t].Wq);
        nmat_clear(N->L[t].Wk);
        nmat_clear(N->L[t].Wv);
        nmat_clear(N->L[t].Wo);
        nmat_clear(N->L[t].Wg);
        nmat_clear(N->L[t].W1);
        nmat_clear(N->L[t].W2);
        nmat_clear(N->L[t].ln1);
        nmat_clear(N->L[t].ln2);
    }
    flint_free(N->L);
    nmat_clear(N->norm);
    nmat_clear(N->Wout);
    mpfr_clears(N->eps, N->theta, (mpfr_ptr) 0);
}

static void
naive_rms(nmat_t Y, const nmat_t X, const nmat_t w, const mpfr_t eps, mpfr_prec_t prec)
{
    slong i, k;
    mpfr_t s, t;

    mpfr_inits2(prec, s, t, (mpfr_ptr) 0);
    for (i = 0; i < X->c; i++)
    {
        mpfr_set_zero(s, 1);
        for (k = 0; k < X->r; k++)
        {
            mpfr_mul(t, NE(X, k, i), NE(X, k, i), MPFR_RNDN);
            mpfr_add(s, s, t, MPFR_RNDN);
        }
        mpfr_div_si(s, s, X->r, MPFR_RNDN);
        mpfr_add(s, s, eps, MPFR_RNDN);
        mpfr_rec_sqrt(s, s, MPFR_RNDN);
        for (k = 0; k < X->r; k++)
        {
            mpfr_mul(NE(Y, k, i), NE(X, k, i), s, MPFR_RNDN);
            mpfr_mul(NE(Y, k, i), NE(Y, k, i), NE(w, k, 0), MPFR_RNDN);
        }
    }
    mpfr_clears(s, t, (mpfr_ptr) 0);
}

/* rows r0 .. r0 + d_h - 1 of X rotated by RoPE (C, S: (d_h/2) x n) */
static void
naive_rope(nmat_t X, slong r0, slong dh, const nmat_t C, const nmat_t S, mpfr_t t)
{
    slong i, p, h = dh / 2;
    mpfr_t x, y;

    mpfr_inits2(mpfr_get_prec(t), x, y, (mpfr_ptr) 0);
    for (i = 0; i < h; i++)
        for (p = 0; p < X->c; p++)
        {
            mpfr_ptr u = NE(X, r0 + i, p), v = NE(X, r0 + h + i, p);

            mpfr_mul(x, u, NE(C, i, p), MPFR_RNDN);
            mpfr_mul(t, v, NE(S, i, p), MPFR_RNDN);
            mpfr_sub(x, x, t, MPFR_RNDN);
            mpfr_mul(y, v, NE(C, i, p), MPFR_RNDN);
            mpfr_mul(t, u, NE(S, i, p), MPFR_RNDN);
            mpfr_add(y, y, t, MPFR_RNDN);
            mpfr_swap(u, x);
            mpfr_swap(v, y);
        }
    mpfr_clears(x, y, (mpfr_ptr) 0);
}

static void
naive_forward(nmat_t Out, const nmodel * N, const nmat_t E, int causal)
{
    slong n = E->c, dh = N->d_h, rep = N->n_h / N->n_kv, d_f, t, a, g, i, j, k, p;
    mpfr_prec_t prec = N->prec;
    nmat_t X, Y, Q, K, V, Eh, Z, G, U, C, S, A;
    mpfr_t tmp, m, s, f;

    nmat_init(X, N->d_e, n, prec);
    nmat_init(Y, N->d_e, n, prec);
    nmat_init(Z, N->d_e, n, prec);
    nmat_init(C, dh / 2, n, prec);
    nmat_init(S, dh / 2, n, prec);
    nmat_init(A, n, n, prec);
    mpfr_inits2(prec, tmp, m, s, f, (mpfr_ptr) 0);
    for (k = 0; k < N->d_e * n; k++)
        mpfr_set(X->e[k], E->e[k], MPFR_RNDN);
    for (i = 0; i < dh / 2; i++)
    {
        mpfr_log(f, N->theta, MPFR_RNDN);
        mpfr_mul_si(f, f, -2 * i, MPFR_RNDN);
        mpfr_div_si(f, f, dh, MPFR_RNDN);
        mpfr_exp(f, f, MPFR_RNDN);
        for (p = 0; p < n; p++)
        {
            mpfr_mul_si(tmp, f, p, MPFR_RNDN);
            mpfr_sin_cos(NE(S, i, p), NE(C, i, p), tmp, MPFR_RNDN);
        }
    }
    for (t = 0; t < N->n_t; t++)
    {
        const nlayer * L = N->L + t;

        d_f = L->Wg->r;
        naive_rms(Y, X, L->ln1, N->eps, prec);
        nmat_init(Q, N->n_h * dh, n, prec);
        nmat_init(K, N->n_kv * dh, n, prec);
        nmat_init(V, N->n_kv * dh, n, prec);
        nmat_init(Eh, N->n_h * dh, n, prec);
        nmat_mul(Q, L->Wq, Y, tmp);
        nmat_mul(K, L->Wk, Y, tmp);
        nmat_mul(V, L->Wv, Y, tmp);
        for (a = 0; a < N->n_h; a++)
            naive_rope(Q, a * dh, dh, C, S, tmp);
        for (g = 0; g < N->n_kv; g++)
            naive_rope(K, g * dh, dh, C, S, tmp);
        mpfr_set_si(f, dh, MPFR_RNDN);
        mpfr_rec_sqrt(f, f, MPFR_RNDN);
        for (a = 0; a < N->n_h; a++)
        {
            g = a / rep;
            for (i = 0; i < n; i++)
            {
                slong jm = causal ? i + 1 : n;

                for (j = 0; j < jm; j++)
                {
                    mpfr_ptr x = NE(A, i, j);

                    mpfr_set_zero(x, 1);
                    for (k = 0; k < dh; k++)
                    {
                        mpfr_mul(tmp, NE(Q, a * dh + k, i), NE(K, g * dh + k, j), MPFR_RNDN);
                        mpfr_add(x, x, tmp, MPFR_RNDN);
                    }
                    mpfr_mul(x, x, f, MPFR_RNDN);
                    if (j == 0 || mpfr_cmp(x, m) > 0)
                        mpfr_set(m, x, MPFR_RNDN);
                }
                mpfr_set_zero(s, 1);
                for (j = 0; j < jm; j++)
                {
                    mpfr_sub(NE(A, i, j), NE(A, i, j), m, MPFR_RNDN);
                    mpfr_exp(NE(A, i, j), NE(A, i, j), MPFR_RNDN);
                    mpfr_add(s, s, NE(A, i, j), MPFR_RNDN);
                }
                for (j = 0; j < jm; j++)
                    mpfr_div(NE(A, i, j), NE(A, i, j), s, MPFR_RNDN);
                for (k = 0; k < dh; k++)
                {
                    mpfr_ptr y = NE(Eh, a * dh + k, i);

                    mpfr_set_zero(y, 1);
                    for (j = 0; j < jm; j++)
                    {
                        mpfr_mul(tmp, NE(V, g * dh + k, j), NE(A, i, j), MPFR_RNDN);
                        mpfr_add(y, y, tmp, MPFR_RNDN);
                    }
                }
            }
        }
        nmat_mul(Z, L->Wo, Eh, tmp);
        for (k = 0; k < N->d_e * n; k++)
            mpfr_add(X->e[k], X->e[k], Z->e[k], MPFR_RNDN);
        nmat_clear(Q);
        nmat_clear(K);
        nmat_clear(V);
        nmat_clear(Eh);
        naive_rms(Y, X, L->ln2, N->eps, prec);
        nmat_init(G, d_f, n, prec);
        nmat_init(U, d_f, n, prec);
        nmat_mul(G, L->Wg, Y, tmp);
        nmat_mul(U, L->W1, Y, tmp);
        for (k = 0; k < d_f * n; k++)
        {
            /* silu(g) u = g u / (1 + exp(-g)) */
            mpfr_neg(tmp, G->e[k], MPFR_RNDN);
            mpfr_exp(tmp, tmp, MPFR_RNDN);
            mpfr_add_ui(tmp, tmp, 1, MPFR_RNDN);
            mpfr_div(G->e[k], G->e[k], tmp, MPFR_RNDN);
            mpfr_mul(G->e[k], G->e[k], U->e[k], MPFR_RNDN);
        }
        nmat_mul(Z, L->W2, G, tmp);
        for (k = 0; k < N->d_e * n; k++)
            mpfr_add(X->e[k], X->e[k], Z->e[k], MPFR_RNDN);
        nmat_clear(G);
        nmat_clear(U);
    }
    naive_rms(Y, X, N->norm, N->eps, prec);
    if (N->has_out)
        nmat_mul(Out, N->Wout, Y, tmp);
    else
        for (k = 0; k < N->d_e * n; k++)
            mpfr_set(Out->e[k], Y->e[k], MPFR_RNDN);
    nmat_clear(X);
    nmat_clear(Y);
    nmat_clear(Z);
    nmat_clear(C);
    nmat_clear(S);
    nmat_clear(A);
    mpfr_clears(tmp, m, s, f, (mpfr_ptr) 0);
}

/* ------------------------------------------------- the arb_mat_mul limit */

/* A := r x c balls taken cyclically from E (nonzero, realistic entries). */
static void
fill_from(arb_mat_t A, slong r, slong c, const arb_mat_t E)
{
    slong i, j;

    arb_mat_clear(A);
    arb_mat_init(A, r, c);
    for (i = 0; i < r; i++)
        for (j = 0; j < c; j++)
            arb_set(arb_mat_entry(A, i, j),
                    arb_mat_entry(E, i % arb_mat_nrows(E), j % arb_mat_ncols(E)));
}

/* The time of the forward pass's matrix products alone, in arb_mat_mul on
   balls converted beforehand (the weights of M; inputs of the right shapes
   filled from E). */
static double
matmul_limit(const lc_tmodel_t M, const arb_mat_t E, slong prec)
{
    slong n = arb_mat_ncols(E), dh = M->d_h, t, a;
    arb_mat_t W[7], Y, O, Qt, Kh, Sm, Vh, Hh, Hq, Hf;
    double t0, total = 0;
    int k;

    arb_mat_init(Y, 0, 0);
    arb_mat_init(Qt, 0, 0);
    arb_mat_init(Kh, 0, 0);
    arb_mat_init(Vh, 0, 0);
    arb_mat_init(Hq, 0, 0);
    arb_mat_init(Hf, 0, 0);
    fill_from(Y, M->d_e, n, E);
    fill_from(Qt, n, dh, E);
    fill_from(Kh, dh, n, E);
    fill_from(Vh, dh, n, E);
    fill_from(Hq, M->n_h * dh, n, E);
    fill_from(Hf, M->d_f, n, E);
    arb_mat_init(Sm, n, n);
    arb_mat_init(Hh, dh, n);
    for (t = 0; t < M->n_t; t++)
    {
        const lc_tlayer_struct * L = M->layers + t;
        const fmpq_mat_struct * q[7] = { L->Wq, L->Wk, L->Wv, L->Wo, L->Wg, L->W1, L->W2 };

        for (k = 0; k < 7; k++)
        {
            arb_mat_init(W[k], 0, 0);
            lc_ball_set_qmat(W[k], q[k], prec);
        }
        t0 = now_seconds();
        for (k = 0; k < 7; k++)
        {
            const arb_mat_struct * X = k == 3 ? Hq : k == 6 ? Hf : Y;

            arb_mat_init(O, arb_mat_nrows(W[k]), n);
            arb_mat_mul(O, W[k], X, prec);
            arb_mat_clear(O);
        }
        for (a = 0; a < M->n_h; a++)
        {
            arb_mat_mul(Sm, Qt, Kh, prec);
            arb_mat_mul(Hh, Vh, Sm, prec);
        }
        total += now_seconds() - t0;
        for (k = 0; k < 7; k++)
            arb_mat_clear(W[k]);
    }
    if (M->Wout->r > 0)
    {
        arb_mat_init(W[0], 0, 0);
        lc_ball_set_qmat(W[0], M->Wout, prec);
        arb_mat_init(O, M->Wout->r, n);
        t0 = now_seconds();
        arb_mat_mul(O, W[0], Y, prec);
        total += now_seconds() - t0;
        arb_mat_clear(O);
        arb_mat_clear(W[0]);
    }
    arb_mat_clear(Y);
    arb_mat_clear(Qt);
    arb_mat_clear(Kh);
    arb_mat_clear(Sm);
    arb_mat_clear(Vh);
    arb_mat_clear(Hh);
    arb_mat_clear(Hq);
    arb_mat_clear(Hf);
    return total;
}

/* ---------------------------------------------------------------- main */

static double
log2_mag(const mag_t m)
{
    return mag_is_zero(m) ? -1e9 : mag_get_d_log2_approx(m);
}

/* max over entries of |x - mid| - (rad + 2^-(prec-20) max(1, |mid|)) > 0? */
static int
mpfr_inside(const nmat_t X, const arb_mat_t B, slong prec)
{
    slong k, n = arb_mat_nrows(B) * arb_mat_ncols(B);
    arb_t x;
    mag_t tol;
    int ok = 1;

    arb_init(x);
    mag_init(tol);
    for (k = 0; k < n && ok; k++)
    {
        arb_srcptr b = arb_mat_entry(B, k / arb_mat_ncols(B), k % arb_mat_ncols(B));

        arf_set_mpfr(arb_midref(x), X->e[k]);
        mag_zero(arb_radref(x));
        arf_get_mag(tol, arb_midref(b));
        if (mag_cmp_2exp_si(tol, 0) < 0)
            mag_one(tol);
        mag_mul_2exp_si(tol, tol, -(prec - 20));
        mag_add(tol, tol, arb_radref(b));
        arb_sub_arf(x, x, arb_midref(b), 2 * prec);
        arb_get_mag(arb_radref(x), x);
        if (mag_cmp(arb_radref(x), tol) > 0)
            ok = 0;
    }
    arb_clear(x);
    mag_clear(tol);
    return ok;
}

int
main(int argc, char ** argv)
{
    slong d_e = 1024, n_h = 16, n_kv = 4, d_f = 2816, n = 16, n_t = 1, prec = 128, i, j;
    ulong seed = 1;
    int mpfr = 1, status = 0, refuted = 0;
    flint_rand_t st;
    lc_tmodel_t M, MF, MR;
    fmpq_mat_t Eq, QE, H, Qm;
    arb_mat_t E, EQ, Y, Y2, D;
    lc_err_t err;
    mag_t bound, rad, m;
    double t_fwd, t_rot, t_chk, l_fwd, l_chk, m_fwd = 0, m_chk = 0, t0;

    for (i = 1; i < argc; i++)
    {
        if (strcmp(argv[i], "--no-mpfr") == 0)
            mpfr = 0;
        else if (i + 1 < argc && strcmp(argv[i], "--d-e") == 0)
            d_e = atol(argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--n-h") == 0)
            n_h = atol(argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--n-kv") == 0)
            n_kv = atol(argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--d-f") == 0)
            d_f = atol(argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--tokens") == 0)
            n = atol(argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--layers") == 0)
            n_t = atol(argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--prec") == 0)
            prec = atol(argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--seed") == 0)
            seed = (ulong) atol(argv[++i]);
        else
        {
            fprintf(stderr, "usage: bench_llama [--d-e N] [--n-h N] [--n-kv N] [--d-f N] "
                    "[--tokens N] [--layers N] [--prec P] [--seed S] [--no-mpfr]\n");
            return 2;
        }
    }
    printf("# flint=%s arb=%s mpfr=%s gmp=%s seed=%lu\n", FLINT_VERSION, arb_version,
           mpfr_get_version(), gmp_version, seed);
    printf("# llama layer: d_e=%ld n_h=%ld n_kv=%ld d_h=%ld d_f=%ld layers=%ld tokens=%ld "
           "causal swiglu prec=%ld\n", (long) d_e, (long) n_h, (long) n_kv, (long) (d_e / n_h),
           (long) d_f, (long) n_t, (long) n, (long) prec);
    flint_randinit(st);
    lc_rand_seed(st, seed);
    lc_tmodel_init(M);
    lc_tmodel_init(MF);
    lc_tmodel_init(MR);
    if (lc_llama_alloc(M, d_e, n_h, n_kv, d_e / n_h, d_f, n_t, err) != LC_OK)
        die("lc_llama_alloc", err);
    lc_llama_randomize(M, st);
    fmpq_mat_init(Eq, d_e, n);
    for (i = 0; i < d_e; i++)
        for (j = 0; j < n; j++)
            fmpq_set_si(fmpq_mat_entry(Eq, i, j), (slong) n_randint(st, 65) - 32, 16);
    fmpq_mat_init(H, 0, 0);
    if (lc_llama_hadamard(H, d_e, err) != LC_OK)
        die("lc_llama_hadamard (d_e must be a power of 4)", err);
    fmpq_mat_init(Qm, d_e, d_e);
    for (j = 0; j < d_e; j++)
    {
        int neg = (int) n_randint(st, 2);

        for (i = 0; i < d_e; i++)
            if (neg)
                fmpq_neg(fmpq_mat_entry(Qm, i, j), fmpq_mat_entry(H, i, j));
            else
                fmpq_set(fmpq_mat_entry(Qm, i, j), fmpq_mat_entry(H, i, j));
    }
    arb_mat_init(E, 0, 0);
    arb_mat_init(EQ, 0, 0);
    arb_mat_init(Y, 0, 0);
    arb_mat_init(Y2, 0, 0);
    arb_mat_init(D, d_e, n);
    mag_init(bound);
    mag_init(rad);
    mag_init(m);
    lc_ball_set_qmat(E, Eq, prec);

    /* forward */
    t0 = now_seconds();
    if (lc_llama_forward(Y, M, E, 1, prec, err) != LC_OK)
        die("forward", err);
    t_fwd = now_seconds() - t0;
    for (i = 0; i < d_e * n; i++)
    {
        mag_t r;

        mag_init(r);
        mag_set(r, arb_radref(arb_mat_entry(Y, i / n, i % n)));
        if (mag_cmp(r, rad) > 0)
            mag_set(rad, r);
        mag_clear(r);
    }
    l_fwd = matmul_limit(M, E, prec);
    printf("LCLL part=forward lc_s=%.3f limit_s=%.3f ratio_limit=%.2f radius_log2=%.1f\n",
           t_fwd, l_fwd, t_fwd / l_fwd, log2_mag(rad));
    fflush(stdout);

    /* exact rotation */
    t0 = now_seconds();
    if (lc_llama_fold_rmsnorm(MF, M, err) != LC_OK || lc_llama_rotate_residual(MR, MF, Qm, err) != LC_OK)
        die("rotation", err);
    fmpq_mat_init(QE, d_e, n);
    fmpq_mat_mul(QE, Qm, Eq);
    t_rot = now_seconds() - t0;
    printf("LCLL part=exact_rotation lc_s=%.3f\n", t_rot);
    fflush(stdout);

    /* invariance check */
    lc_ball_set_qmat(EQ, QE, prec);
    t0 = now_seconds();
    if (lc_llama_forward(Y, M, E, 1, prec, err) != LC_OK || lc_llama_forward(Y2, MR, EQ, 1, prec, err) != LC_OK)
        die("forward (check)", err);
    arb_mat_sub(D, Y2, Y, prec);
    for (i = 0; i < d_e; i++)
        for (j = 0; j < n; j++)
        {
            arb_get_mag(m, arb_mat_entry(D, i, j));
            if (mag_cmp(m, bound) > 0)
                mag_set(bound, m);
            if (!arb_contains_zero(arb_mat_entry(D, i, j)))
                refuted = 1;
        }
    t_chk = now_seconds() - t0;
    l_chk = matmul_limit(M, E, prec) + matmul_limit(MR, EQ, prec);
    printf("LCLL part=invariance lc_s=%.3f limit_s=%.3f ratio_limit=%.2f bound_log2=%.1f %s\n",
           t_chk, l_chk, t_chk / l_chk, log2_mag(bound), refuted ? "REFUTED" : "holds");
    fflush(stdout);

    if (mpfr)
    {
        nmodel N, NR;
        nmat_t En, EQn, O, O2;

        nmodel_set(&N, M, prec);
        nmodel_set(&NR, MR, prec);
        nmat_set_qmat(En, Eq, prec);
        nmat_set_qmat(EQn, QE, prec);
        nmat_init(O, d_e, n, prec);
        nmat_init(O2, d_e, n, prec);
        t0 = now_seconds();
        naive_forward(O, &N, En, 1);
        m_fwd = now_seconds() - t0;
        if (!mpfr_inside(O, Y, prec))
        {
            fprintf(stderr, "MISMATCH: MPFR forward outside liecheck's ball\n");
            status = 1;
        }
        printf("LCLL part=forward mpfr_s=%.3f ratio_mpfr=%.2f check=%s\n", m_fwd, t_fwd / m_fwd,
               status ? "MISMATCH" : "ok");
        fflush(stdout);
        t0 = now_seconds();
        naive_forward(O, &N, En, 1);
        naive_forward(O2, &NR, EQn, 1);
        for (i = 0; i < d_e * n; i++)
            mpfr_sub(O2->e[i], O2->e[i], O->e[i], MPFR_RNDN);
        m_chk = now_seconds() - t0;
        printf("LCLL part=invariance mpfr_s=%.3f ratio_mpfr=%.2f\n", m_chk, t_chk / m_chk);
        nmat_clear(En);
        nmat_clear(EQn);
        nmat_clear(O);
        nmat_clear(O2);
        nmodel_clear(&N);
        nmodel_clear(&NR);
    }

    printf("\n| part | liecheck (s) | arb_mat_mul products (s) | liecheck / products | naive MPFR (s) | liecheck / MPFR |\n");
    printf("|---|--:|--:|--:|--:|--:|\n");
    printf("| forward pass | %.2f | %.2f | %.2f | %s%.2f | %.2f |\n", t_fwd, l_fwd, t_fwd / l_fwd,
           mpfr ? "" : "n/a ", m_fwd, mpfr ? t_fwd / m_fwd : 0.0);
    printf("| invariance check (2 passes) | %.2f | %.2f | %.2f | %.2f | %.2f |\n", t_chk, l_chk,
           t_chk / l_chk, m_chk, mpfr ? t_chk / m_chk : 0.0);
    printf("| exact rotation (fold + Q, once) | %.2f | | | | |\n", t_rot);

    fmpq_mat_clear(Eq);
    fmpq_mat_clear(QE);
    fmpq_mat_clear(H);
    fmpq_mat_clear(Qm);
    arb_mat_clear(E);
    arb_mat_clear(EQ);
    arb_mat_clear(Y);
    arb_mat_clear(Y2);
    arb_mat_clear(D);
    mag_clear(bound);
    mag_clear(rad);
    mag_clear(m);
    lc_tmodel_clear(M);
    lc_tmodel_clear(MF);
    lc_tmodel_clear(MR);
    flint_randclear(st);
    flint_cleanup();
    return status || refuted;
}
