/* llama_jac.c -- flat directions of LLaMA-family models: the parameter
 * vector, the Jacobian of the outputs by forward mode in balls (every
 * derivative certified), and the exact tangents of the continuous symmetries
 * (see llama.h and doc/llama.md).
 *
 * Forward mode: every quantity X of the forward pass carries its derivative
 * dX along one parameter direction (a unit vector: one weight entry).  The
 * rules are the derivatives of llama.c's steps:
 *   Y = W X             dY = dW X + W dX
 *   y = x r w, r = (mean x^2 + eps)^(-1/2)
 *                       dr = -r^3 mean(x dx),  dy = (dx r + x dr) w + x r dw
 *   RoPE (fixed rotations) applies to dX as to X
 *   a = softmax(s)      da_j = a_j (ds_j - sum_k a_k ds_k)
 *   H = V A^T           dH = dV A^T + V dA^T
 *   h = silu(g) u       dh = silu'(g) dg u + silu(g) du,
 *                       silu'(g) = s (1 + g (1 - s)), s = 1 / (1 + exp(-g))
 *                       (GELU: its derivative likewise, certified by Arb)
 * The Jacobian runs the primal pass once per input sequence and keeps its
 * values (pcache); each parameter direction then runs only the derivative
 * rules (dual_cached), from the direction's layer on (before it the
 * derivative is 0) and, inside that layer, from its block. */
#include <string.h>
#include <arb_hypgeom.h>
#include "llama.h"
#include "equiv.h"
#include "limit.h"

/* ------------------------------------------------------ the parameters */

/* The parameter matrices of M in order (a layer's Wq, Wk, Wv, Wo, Wg, W1,
   W2, ln1_w, ln2_w[, bq, bk, bv]; then norm_w; then Wout if present). */
static slong
param_mats(fmpq_mat_struct ** m, const lc_tmodel_t M)
{
    slong t, k = 0;

    for (t = 0; t < M->n_t; t++)
    {
        lc_tlayer_struct * L = M->layers + t;

        m[k++] = L->Wq;
        m[k++] = L->Wk;
        m[k++] = L->Wv;
        m[k++] = L->Wo;
        m[k++] = L->Wg;
        m[k++] = L->W1;
        m[k++] = L->W2;
        m[k++] = L->ln1_w;
        m[k++] = L->ln2_w;
        if (M->qkv_bias)
        {
            m[k++] = L->bq;
            m[k++] = L->bk;
            m[k++] = L->bv;
        }
    }
    m[k++] = (fmpq_mat_struct *) M->norm_w;
    if (M->Wout->r > 0)
        m[k++] = (fmpq_mat_struct *) M->Wout;
    return k;
}

#define NPM(M) ((M)->n_t * 12 + 2)

void
lc_llama_params_get(fmpq_mat_t v, const lc_tmodel_t M)
{
    fmpq_mat_struct ** m = flint_malloc(sizeof(fmpq_mat_struct *) * NPM(M));
    slong nm = param_mats(m, M), k, i, j, p = 0;

    fmpq_mat_clear(v);
    fmpq_mat_init(v, lc_llama_nparams(M), 1);
    for (k = 0; k < nm; k++)
        for (i = 0; i < m[k]->r; i++)
            for (j = 0; j < m[k]->c; j++)
                fmpq_set(fmpq_mat_entry(v, p++, 0), fmpq_mat_entry(m[k], i, j));
    flint_free(m);
}

/* ------------------------------------------------- balls, and forward mode */

typedef struct
{
    arb_mat_struct * w;     /* the parameter matrices as balls, in param_mats order */
    slong nm;
}
bmodel;

static void
bmodel_init(bmodel * B, const lc_tmodel_t M, slong prec)
{
    fmpq_mat_struct ** m = flint_malloc(sizeof(fmpq_mat_struct *) * NPM(M));
    slong k;

    B->nm = param_mats(m, M);
    B->w = flint_malloc(sizeof(arb_mat_struct) * B->nm);
    for (k = 0; k < B->nm; k++)
    {
        arb_mat_init(B->w + k, 0, 0);
        lc_ball_set_qmat(B->w + k, m[k], prec);
    }
    flint_free(m);
}

static void
bmodel_clear(bmodel * B)
{
    slong k;

    for (k = 0; k < B->nm; k++)
        arb_mat_clear(B->w + k);
    flint_free(B->w);
}

/* The direction: parameter matrix dk, entry (di, dj) moves with speed 1;
   dk = -1 for no direction (then the tangents are 0). */
typedef struct
{
    slong k, i, j;
}
dir_t;

/* Y := W X (+ b), dY := dW X + W dX (+ db), W = B->w[k], b = B->w[kb] or none
   (kb < 0). */
static void
d_affine(arb_mat_t Y, arb_mat_t dY, const bmodel * B, slong k, slong kb, const arb_mat_t X,
         const arb_mat_t dX, const dir_t * d, slong prec)
{
    const arb_mat_struct * W = B->w + k;
    slong i, j;

    lc_ball_resize(Y, arb_mat_nrows(W), arb_mat_ncols(X));
    lc_ball_resize(dY, arb_mat_nrows(W), arb_mat_ncols(X));
    arb_mat_mul(Y, W, X, prec);
    arb_mat_mul(dY, W, dX, prec);
    if (d->k == k)
        for (j = 0; j < arb_mat_ncols(X); j++)
            arb_add(arb_mat_entry(dY, d->i, j), arb_mat_entry(dY, d->i, j),
                    arb_mat_entry(X, d->j, j), prec);
    if (kb >= 0)
    {
        for (i = 0; i < arb_mat_nrows(Y); i++)
            for (j = 0; j < arb_mat_ncols(Y); j++)
                arb_add(arb_mat_entry(Y, i, j), arb_mat_entry(Y, i, j),
                        arb_mat_entry(B->w + kb, i, 0), prec);
        if (d->k == kb)
            for (j = 0; j < arb_mat_ncols(Y); j++)
                arb_add_ui(arb_mat_entry(dY, d->i, j), arb_mat_entry(dY, d->i, j), 1, prec);
    }
}

static int
d_rms(arb_mat_t Y, arb_mat_t dY, const arb_mat_t X, const arb_mat_t dX, const bmodel * B,
      slong kw, const fmpq * eps, const dir_t * d, slong prec, lc_err_struct * err)
{
    slong n = arb_mat_ncols(X), dd = arb_mat_nrows(X), i, k;
    arb_t ms, r, dr, t, e;
    int st = LC_OK;

    arb_init(ms);
    arb_init(r);
    arb_init(dr);
    arb_init(t);
    arb_init(e);
    lc_ball_resize(Y, dd, n);
    lc_ball_resize(dY, dd, n);
    arb_set_fmpq(e, eps, prec);
    for (i = 0; i < n && st == LC_OK; i++)
    {
        arb_zero(ms);
        arb_zero(dr);
        for (k = 0; k < dd; k++)
        {
            arb_addmul(ms, arb_mat_entry(X, k, i), arb_mat_entry(X, k, i), prec);
            arb_addmul(dr, arb_mat_entry(X, k, i), arb_mat_entry(dX, k, i), prec);
        }
        arb_div_si(ms, ms, dd, prec);
        arb_div_si(dr, dr, dd, prec);
        arb_add(ms, ms, e, prec);
        if (!arb_is_positive(ms))
        {
            st = lc_err_set(err, LC_E_DOMAIN, "RMSNorm: mean(x^2) + eps not certainly positive");
            break;
        }
        arb_rsqrt(r, ms, prec);
        /* dr = -r^3 mean(x dx) */
        arb_pow_ui(t, r, 3, prec);
        arb_mul(dr, dr, t, prec);
        arb_neg(dr, dr);
        for (k = 0; k < dd; k++)
        {
            arb_srcptr x = arb_mat_entry(X, k, i), w = arb_mat_entry(B->w + kw, k, 0);
            arb_ptr y = arb_mat_entry(Y, k, i), dy = arb_mat_entry(dY, k, i);

            arb_mul(y, x, r, prec);
            arb_mul(dy, arb_mat_entry(dX, k, i), r, prec);
            arb_addmul(dy, x, dr, prec);
            arb_mul(dy, dy, w, prec);
            if (d->k == kw && d->i == k)
                arb_add(dy, dy, y, prec);
            arb_mul(y, y, w, prec);
        }
    }
    arb_clear(ms);
    arb_clear(r);
    arb_clear(dr);
    arb_clear(t);
    arb_clear(e);
    return st;
}

/* y := act(x), dy := act'(x) */
static void
act_d(arb_t y, arb_t dy, const arb_t x, int act, slong prec)
{
    arb_t s, t;

    arb_init(s);
    arb_init(t);
    if (act == LC_ACT_SILU)
    {
        /* s = 1 / (1 + exp(-x)); y = x s; y' = s (1 + x (1 - s)) */
        arb_neg(t, x);
        arb_exp(t, t, prec);
        arb_add_ui(t, t, 1, prec);
        arb_inv(s, t, prec);
        arb_mul(y, x, s, prec);
        arb_sub_ui(t, s, 1, prec);
        arb_neg(t, t);
        arb_mul(t, t, x, prec);
        arb_add_ui(t, t, 1, prec);
        arb_mul(dy, s, t, prec);
    }
    else if (act == LC_ACT_GELU)
    {
        /* y = x Phi(x), y' = Phi(x) + x phi(x) */
        arb_sqrt_ui(t, 2, prec);
        arb_div(t, x, t, prec);
        arb_hypgeom_erf(s, t, prec);
        arb_add_ui(s, s, 1, prec);
        arb_mul_2exp_si(s, s, -1);               /* Phi(x) */
        arb_mul(y, x, s, prec);
        arb_mul(t, x, x, prec);
        arb_mul_2exp_si(t, t, -1);
        arb_neg(t, t);
        arb_exp(t, t, prec);                     /* exp(-x^2/2) */
        arb_const_pi(dy, prec);
        arb_mul_2exp_si(dy, dy, 1);
        arb_rsqrt(dy, dy, prec);                 /* 1/sqrt(2 pi) */
        arb_mul(t, t, dy, prec);
        arb_mul(t, t, x, prec);
        arb_add(dy, s, t, prec);
    }
    else
    {
        /* GELU-tanh: y = x (1 + tanh u) / 2, u = c (x + k x^3);
           y' = (1 + tanh u) / 2 + x (1 - tanh^2 u) c (1 + 3 k x^2) / 2 */
        arb_t u, c, th;

        arb_init(u);
        arb_init(c);
        arb_init(th);
        arb_const_pi(c, prec);
        arb_ui_div(c, 2, c, prec);
        arb_sqrt(c, c, prec);
        arb_pow_ui(u, x, 3, prec);
        arb_mul_si(u, u, 44715, prec);
        arb_div_si(u, u, 1000000, prec);
        arb_add(u, u, x, prec);
        arb_mul(u, u, c, prec);
        arb_tanh(th, u, prec);
        arb_add_ui(s, th, 1, prec);
        arb_mul(y, x, s, prec);
        arb_mul_2exp_si(y, y, -1);
        arb_mul(t, x, x, prec);
        arb_mul_si(t, t, 3 * 44715, prec);
        arb_div_si(t, t, 1000000, prec);
        arb_add_ui(t, t, 1, prec);
        arb_mul(t, t, c, prec);                 /* u' */
        arb_mul(u, th, th, prec);
        arb_sub_ui(u, u, 1, prec);
        arb_neg(u, u);                           /* 1 - tanh^2 */
        arb_mul(t, t, u, prec);
        arb_mul(t, t, x, prec);
        arb_add(dy, s, t, prec);
        arb_mul_2exp_si(dy, dy, -1);
        arb_clear(u);
        arb_clear(c);
        arb_clear(th);
    }
    arb_clear(s);
    arb_clear(t);
}

/* The primal values of one forward pass (one input sequence), kept so that
   each parameter direction then costs only its derivative pass (dual_cached)
   instead of recomputing them: the stream X entering each layer (and the
   final norm), the stream after attention, the norms' outputs, Q and K after
   RoPE, V, each head's attention matrix, the heads' outputs, the gate's
   activation and its derivative, the up projection and the gated product. */
typedef struct
{
    arb_mat_struct * X, * Xm, * Y1, * Y2, * Q, * K, * V, * A, * Eh, * F, * DF, * U, * H;
    arb_mat_t Yf;
    arb_t scale, eps;
    slong n_t, n_h;
}
pcache;

static void
pcache_init(pcache * P, const lc_tmodel_t M, slong prec)
{
    slong t, nt = M->n_t;

#define PI(f, k) P->f = flint_malloc(sizeof(arb_mat_struct) * (k)); \
    for (t = 0; t < (k); t++) arb_mat_init(P->f + t, 0, 0);
    PI(X, nt + 1); PI(Xm, nt); PI(Y1, nt); PI(Y2, nt); PI(Q, nt); PI(K, nt); PI(V, nt);
    PI(A, nt * M->n_h); PI(Eh, nt); PI(F, nt); PI(DF, nt); PI(U, nt); PI(H, nt);
#undef PI
    arb_mat_init(P->Yf, 0, 0);
    arb_init(P->scale);
    arb_init(P->eps);
    arb_set_si(P->scale, M->d_h);
    arb_rsqrt(P->scale, P->scale, prec);
    arb_set_fmpq(P->eps, M->eps, prec);
    P->n_t = nt;
    P->n_h = M->n_h;
}

static void
pcache_clear(pcache * P)
{
    slong t, nt = P->n_t;

#define PC(f, k) for (t = 0; t < (k); t++) arb_mat_clear(P->f + t); flint_free(P->f);
    PC(X, nt + 1); PC(Xm, nt); PC(Y1, nt); PC(Y2, nt); PC(Q, nt); PC(K, nt); PC(V, nt);
    PC(A, nt * P->n_h); PC(Eh, nt); PC(F, nt); PC(DF, nt); PC(U, nt); PC(H, nt);
#undef PC
    arb_mat_clear(P->Yf);
    arb_clear(P->scale);
    arb_clear(P->eps);
}

static void
keep(arb_mat_struct * dst, const arb_mat_t src)
{
    if (dst != NULL)
    {
        lc_ball_resize(dst, arb_mat_nrows(src), arb_mat_ncols(src));
        arb_mat_set(dst, src);
    }
}

/* out, dout := the model and its derivative along d, on E (E fixed); the
   primal values go to P when P is not NULL. */
static int
dual_forward(arb_mat_t out, arb_mat_t dout, const lc_tmodel_t M, const bmodel * B,
             const arb_mat_t E, const arb_mat_t C, const arb_mat_t Sn, int causal,
             const dir_t * d, pcache * P, slong prec, lc_err_t err)
{
    slong n = arb_mat_ncols(E), dh = M->d_h, rep = M->n_h / M->n_kv, per = M->qkv_bias ? 12 : 9;
    slong t, a, g, i, j, k, base;
    arb_mat_t X, dX, Y, dY, Q, dQ, K, dK, V, dV, Eh, dEh, Z, dZ, G, dG, U, dU;
    arb_mat_t A, dA;
    arb_t scale, sum, tmp, f, df;
    int st = LC_OK;

    arb_mat_init(X, M->d_e, n);
    arb_mat_init(dX, M->d_e, n);
    arb_mat_set(X, E);
#define IA(m) arb_mat_init(m, 0, 0)
    IA(Y); IA(dY); IA(Q); IA(dQ); IA(K); IA(dK); IA(V); IA(dV); IA(Z); IA(dZ);
    IA(G); IA(dG); IA(U); IA(dU);
#undef IA
    arb_mat_init(Eh, M->n_h * dh, n);
    arb_mat_init(dEh, M->n_h * dh, n);
    arb_mat_init(A, n, n);
    arb_mat_init(dA, n, n);
    arb_init(scale);
    arb_init(sum);
    arb_init(tmp);
    arb_init(f);
    arb_init(df);
    arb_set_si(scale, dh);
    arb_rsqrt(scale, scale, prec);
    for (t = 0; t < M->n_t && st == LC_OK; t++)
    {
        base = t * per;
        if (P != NULL)
            keep(P->X + t, X);
        if ((st = d_rms(Y, dY, X, dX, B, base + 7, M->eps, d, prec, err)) != LC_OK)
            break;
        if (P != NULL)
            keep(P->Y1 + t, Y);
        d_affine(Q, dQ, B, base + 0, M->qkv_bias ? base + 9 : -1, Y, dY, d, prec);
        d_affine(K, dK, B, base + 1, M->qkv_bias ? base + 10 : -1, Y, dY, d, prec);
        d_affine(V, dV, B, base + 2, M->qkv_bias ? base + 11 : -1, Y, dY, d, prec);
        for (a = 0; a < M->n_h; a++)
        {
            lc_llama_rope_apply(Q, a * dh, dh, C, Sn, prec);
            lc_llama_rope_apply(dQ, a * dh, dh, C, Sn, prec);
        }
        for (g = 0; g < M->n_kv; g++)
        {
            lc_llama_rope_apply(K, g * dh, dh, C, Sn, prec);
            lc_llama_rope_apply(dK, g * dh, dh, C, Sn, prec);
        }
        if (P != NULL)
        {
            keep(P->Q + t, Q);
            keep(P->K + t, K);
            keep(P->V + t, V);
        }
        for (a = 0; a < M->n_h && st == LC_OK; a++)
        {
            g = a / rep;
            arb_mat_zero(A);
            arb_mat_zero(dA);
            for (i = 0; i < n && st == LC_OK; i++)
            {
                slong jm = causal ? i + 1 : n;
                arb_mat_t srow, arow;

                arb_mat_init(srow, 1, jm);
                arb_mat_init(arow, 1, jm);
                for (j = 0; j < jm; j++)
                {
                    arb_ptr s = arb_mat_entry(srow, 0, j), ds = arb_mat_entry(dA, i, j);

                    arb_zero(s);
                    arb_zero(ds);
                    for (k = 0; k < dh; k++)
                    {
                        arb_addmul(s, arb_mat_entry(Q, a * dh + k, i), arb_mat_entry(K, g * dh + k, j), prec);
                        arb_addmul(ds, arb_mat_entry(dQ, a * dh + k, i), arb_mat_entry(K, g * dh + k, j), prec);
                        arb_addmul(ds, arb_mat_entry(Q, a * dh + k, i), arb_mat_entry(dK, g * dh + k, j), prec);
                    }
                    arb_mul(s, s, scale, prec);
                    arb_mul(ds, ds, scale, prec);
                }
                st = lc_ball_softmax_rows(arow, srow, prec, err);
                if (st == LC_OK)
                {
                    /* da_j = a_j (ds_j - sum_k a_k ds_k) */
                    arb_zero(sum);
                    for (j = 0; j < jm; j++)
                        arb_addmul(sum, arb_mat_entry(arow, 0, j), arb_mat_entry(dA, i, j), prec);
                    for (j = 0; j < jm; j++)
                    {
                        arb_set(arb_mat_entry(A, i, j), arb_mat_entry(arow, 0, j));
                        arb_sub(tmp, arb_mat_entry(dA, i, j), sum, prec);
                        arb_mul(arb_mat_entry(dA, i, j), tmp, arb_mat_entry(arow, 0, j), prec);
                    }
                }
                arb_mat_clear(srow);
                arb_mat_clear(arow);
            }
            if (P != NULL && st == LC_OK)
                keep(P->A + t * M->n_h + a, A);
            /* Eh_a = V_g A^T, dEh_a = dV_g A^T + V_g dA^T */
            for (k = 0; k < dh && st == LC_OK; k++)
                for (i = 0; i < n; i++)
                {
                    arb_ptr h = arb_mat_entry(Eh, a * dh + k, i), dhh = arb_mat_entry(dEh, a * dh + k, i);

                    arb_zero(h);
                    arb_zero(dhh);
                    for (j = 0; j < n; j++)
                    {
                        arb_addmul(h, arb_mat_entry(V, g * dh + k, j), arb_mat_entry(A, i, j), prec);
                        arb_addmul(dhh, arb_mat_entry(dV, g * dh + k, j), arb_mat_entry(A, i, j), prec);
                        arb_addmul(dhh, arb_mat_entry(V, g * dh + k, j), arb_mat_entry(dA, i, j), prec);
                    }
                }
        }
        if (st != LC_OK)
            break;
        d_affine(Z, dZ, B, base + 3, -1, Eh, dEh, d, prec);
        arb_mat_add(X, X, Z, prec);
        arb_mat_add(dX, dX, dZ, prec);
        if (P != NULL)
        {
            keep(P->Eh + t, Eh);
            keep(P->Xm + t, X);
        }
        if ((st = d_rms(Y, dY, X, dX, B, base + 8, M->eps, d, prec, err)) != LC_OK)
            break;
        if (P != NULL)
        {
            keep(P->Y2 + t, Y);
            lc_ball_resize(P->F + t, M->d_f, n);
            lc_ball_resize(P->DF + t, M->d_f, n);
        }
        d_affine(G, dG, B, base + 4, -1, Y, dY, d, prec);
        d_affine(U, dU, B, base + 5, -1, Y, dY, d, prec);
        for (i = 0; i < arb_mat_nrows(G); i++)
            for (j = 0; j < n; j++)
            {
                arb_ptr gg = arb_mat_entry(G, i, j), dg = arb_mat_entry(dG, i, j);

                act_d(f, df, gg, M->activation, prec);
                if (P != NULL)
                {
                    arb_set(arb_mat_entry(P->F + t, i, j), f);
                    arb_set(arb_mat_entry(P->DF + t, i, j), df);
                }
                /* h = f u, dh = df dg u + f du */
                arb_mul(tmp, df, dg, prec);
                arb_mul(tmp, tmp, arb_mat_entry(U, i, j), prec);
                arb_addmul(tmp, f, arb_mat_entry(dU, i, j), prec);
                arb_swap(dg, tmp);
                arb_mul(gg, f, arb_mat_entry(U, i, j), prec);
            }
        if (P != NULL)
        {
            keep(P->U + t, U);
            keep(P->H + t, G);
        }
        d_affine(Z, dZ, B, base + 6, -1, G, dG, d, prec);
        arb_mat_add(X, X, Z, prec);
        arb_mat_add(dX, dX, dZ, prec);
    }
    if (st == LC_OK && P != NULL)
        keep(P->X + M->n_t, X);
    if (st == LC_OK)
        st = d_rms(Y, dY, X, dX, B, M->n_t * per, M->eps, d, prec, err);
    if (st == LC_OK && P != NULL)
        keep(P->Yf, Y);
    if (st == LC_OK)
    {
        if (M->Wout->r > 0)
        {
            d_affine(Z, dZ, B, M->n_t * per + 1, -1, Y, dY, d, prec);
            arb_mat_swap(out, Z);
            arb_mat_swap(dout, dZ);
        }
        else
        {
            arb_mat_swap(out, Y);
            arb_mat_swap(dout, dY);
        }
    }
    arb_mat_clear(X); arb_mat_clear(dX); arb_mat_clear(Y); arb_mat_clear(dY);
    arb_mat_clear(Q); arb_mat_clear(dQ); arb_mat_clear(K); arb_mat_clear(dK);
    arb_mat_clear(V); arb_mat_clear(dV); arb_mat_clear(Z); arb_mat_clear(dZ);
    arb_mat_clear(G); arb_mat_clear(dG); arb_mat_clear(U); arb_mat_clear(dU);
    arb_mat_clear(Eh); arb_mat_clear(dEh); arb_mat_clear(A); arb_mat_clear(dA);
    arb_clear(scale);
    arb_clear(sum);
    arb_clear(tmp);
    arb_clear(f);
    arb_clear(df);
    return st;
}

/* The derivative passes from the kept primal values (P, filled by
   dual_forward for the same E): the same rules as dual_forward with the
   primal parts read instead of recomputed.  The derivative is 0 up to the
   layer holding the direction (the stream there is P->X), and inside that
   layer up to the block (attention or feed-forward) holding it. */

/* dY := W dX + [direction] (e_i Xin_j row), + 1 for a bias direction */
static void
c_affine(arb_mat_t dY, const bmodel * B, slong k, slong kb, const arb_mat_t Xin,
         const arb_mat_t dX, const dir_t * d, slong prec)
{
    slong j;

    lc_ball_resize(dY, arb_mat_nrows(B->w + k), arb_mat_ncols(dX));
    arb_mat_mul(dY, B->w + k, dX, prec);
    if (d->k == k)
        for (j = 0; j < arb_mat_ncols(dX); j++)
            arb_add(arb_mat_entry(dY, d->i, j), arb_mat_entry(dY, d->i, j),
                    arb_mat_entry(Xin, d->j, j), prec);
    if (kb >= 0 && d->k == kb)
        for (j = 0; j < arb_mat_ncols(dX); j++)
            arb_add_ui(arb_mat_entry(dY, d->i, j), arb_mat_entry(dY, d->i, j), 1, prec);
}

/* dY of RMSNorm at X (mean(x^2) + eps already certified positive by the
   primal pass): dr = -r^3 mean(x dx), dy = (dx r + x dr) w + [direction] x r */
static void
c_rms(arb_mat_t dY, const arb_mat_t X, const arb_mat_t dX, const bmodel * B, slong kw,
      const arb_t eps, const dir_t * d, slong prec)
{
    slong n = arb_mat_ncols(X), dd = arb_mat_nrows(X), i, k;
    arb_t ms, r, dr, t;

    arb_init(ms);
    arb_init(r);
    arb_init(dr);
    arb_init(t);
    lc_ball_resize(dY, dd, n);
    for (i = 0; i < n; i++)
    {
        arb_zero(ms);
        arb_zero(dr);
        for (k = 0; k < dd; k++)
        {
            arb_addmul(ms, arb_mat_entry(X, k, i), arb_mat_entry(X, k, i), prec);
            arb_addmul(dr, arb_mat_entry(X, k, i), arb_mat_entry(dX, k, i), prec);
        }
        arb_div_si(ms, ms, dd, prec);
        arb_div_si(dr, dr, dd, prec);
        arb_add(ms, ms, eps, prec);
        arb_rsqrt(r, ms, prec);
        arb_pow_ui(t, r, 3, prec);
        arb_mul(dr, dr, t, prec);
        arb_neg(dr, dr);
        for (k = 0; k < dd; k++)
        {
            arb_srcptr x = arb_mat_entry(X, k, i);
            arb_ptr dy = arb_mat_entry(dY, k, i);

            arb_mul(dy, arb_mat_entry(dX, k, i), r, prec);
            arb_addmul(dy, x, dr, prec);
            arb_mul(dy, dy, arb_mat_entry(B->w + kw, k, 0), prec);
            if (d->k == kw && d->i == k)
                arb_addmul(dy, x, r, prec);
        }
    }
    arb_clear(ms);
    arb_clear(r);
    arb_clear(dr);
    arb_clear(t);
}

static void
dual_cached(arb_mat_t dout, const lc_tmodel_t M, const bmodel * B, const pcache * P,
            const arb_mat_t C, const arb_mat_t Sn, int causal, const dir_t * d, slong prec)
{
    slong n = arb_mat_ncols(P->X + 0), dh = M->d_h, rep = M->n_h / M->n_kv;
    slong per = M->qkv_bias ? 12 : 9, t, t0, a, g, i, j, k, base, kl;
    arb_mat_t dX, dY, dQ, dK, dV, dEh, dZ, dG, dU, dA;
    arb_t sum, tmp;
    int live = 0;

    t0 = d->k < M->n_t * per ? d->k / per : M->n_t;
    arb_mat_init(dX, M->d_e, n);
#define IA(m) arb_mat_init(m, 0, 0)
    IA(dY); IA(dQ); IA(dK); IA(dV); IA(dZ); IA(dG); IA(dU);
#undef IA
    arb_mat_init(dEh, M->n_h * dh, n);
    arb_mat_init(dA, n, n);
    arb_init(sum);
    arb_init(tmp);
    for (t = t0; t < M->n_t; t++)
    {
        const arb_mat_struct * Q = P->Q + t, * K = P->K + t, * V = P->V + t;

        base = t * per;
        kl = d->k - base;    /* the direction's matrix within layer t, if any */
        if (live || kl == 0 || kl == 1 || kl == 2 || kl == 3 || kl == 7 || kl >= 9)
        {
            c_rms(dY, P->X + t, dX, B, base + 7, P->eps, d, prec);
            c_affine(dQ, B, base + 0, M->qkv_bias ? base + 9 : -1, P->Y1 + t, dY, d, prec);
            c_affine(dK, B, base + 1, M->qkv_bias ? base + 10 : -1, P->Y1 + t, dY, d, prec);
            c_affine(dV, B, base + 2, M->qkv_bias ? base + 11 : -1, P->Y1 + t, dY, d, prec);
            for (a = 0; a < M->n_h; a++)
                lc_llama_rope_apply(dQ, a * dh, dh, C, Sn, prec);
            for (g = 0; g < M->n_kv; g++)
                lc_llama_rope_apply(dK, g * dh, dh, C, Sn, prec);
            for (a = 0; a < M->n_h; a++)
            {
                const arb_mat_struct * A = P->A + t * M->n_h + a;

                g = a / rep;
                arb_mat_zero(dA);
                for (i = 0; i < n; i++)
                {
                    slong jm = causal ? i + 1 : n;

                    for (j = 0; j < jm; j++)
                    {
                        arb_ptr ds = arb_mat_entry(dA, i, j);

                        for (k = 0; k < dh; k++)
                        {
                            arb_addmul(ds, arb_mat_entry(dQ, a * dh + k, i), arb_mat_entry(K, g * dh + k, j), prec);
                            arb_addmul(ds, arb_mat_entry(Q, a * dh + k, i), arb_mat_entry(dK, g * dh + k, j), prec);
                        }
                        arb_mul(ds, ds, P->scale, prec);
                    }
                    /* da_j = a_j (ds_j - sum_k a_k ds_k) */
                    arb_zero(sum);
                    for (j = 0; j < jm; j++)
                        arb_addmul(sum, arb_mat_entry(A, i, j), arb_mat_entry(dA, i, j), prec);
                    for (j = 0; j < jm; j++)
                    {
                        arb_sub(tmp, arb_mat_entry(dA, i, j), sum, prec);
                        arb_mul(arb_mat_entry(dA, i, j), tmp, arb_mat_entry(A, i, j), prec);
                    }
                }
                /* dEh_a = dV_g A^T + V_g dA^T */
                for (k = 0; k < dh; k++)
                    for (i = 0; i < n; i++)
                    {
                        arb_ptr dhh = arb_mat_entry(dEh, a * dh + k, i);

                        arb_zero(dhh);
                        for (j = 0; j < n; j++)
                        {
                            arb_addmul(dhh, arb_mat_entry(dV, g * dh + k, j), arb_mat_entry(A, i, j), prec);
                            arb_addmul(dhh, arb_mat_entry(V, g * dh + k, j), arb_mat_entry(dA, i, j), prec);
                        }
                    }
            }
            c_affine(dZ, B, base + 3, -1, P->Eh + t, dEh, d, prec);
            arb_mat_add(dX, dX, dZ, prec);
            live = 1;
        }
        c_rms(dY, P->Xm + t, dX, B, base + 8, P->eps, d, prec);
        c_affine(dG, B, base + 4, -1, P->Y2 + t, dY, d, prec);
        c_affine(dU, B, base + 5, -1, P->Y2 + t, dY, d, prec);
        for (i = 0; i < arb_mat_nrows(dG); i++)
            for (j = 0; j < n; j++)
            {
                arb_ptr dg = arb_mat_entry(dG, i, j);

                /* dh = f'(g) dg u + f(g) du */
                arb_mul(tmp, arb_mat_entry(P->DF + t, i, j), dg, prec);
                arb_mul(tmp, tmp, arb_mat_entry(P->U + t, i, j), prec);
                arb_addmul(tmp, arb_mat_entry(P->F + t, i, j), arb_mat_entry(dU, i, j), prec);
                arb_swap(dg, tmp);
            }
        c_affine(dZ, B, base + 6, -1, P->H + t, dG, d, prec);
        arb_mat_add(dX, dX, dZ, prec);
        live = 1;
    }
    c_rms(dY, P->X + M->n_t, dX, B, M->n_t * per, P->eps, d, prec);
    if (M->Wout->r > 0)
    {
        c_affine(dZ, B, M->n_t * per + 1, -1, P->Yf, dY, d, prec);
        arb_mat_swap(dout, dZ);
    }
    else
        arb_mat_swap(dout, dY);
    arb_mat_clear(dX); arb_mat_clear(dY); arb_mat_clear(dQ); arb_mat_clear(dK);
    arb_mat_clear(dV); arb_mat_clear(dZ); arb_mat_clear(dG); arb_mat_clear(dU);
    arb_mat_clear(dEh); arb_mat_clear(dA);
    arb_clear(sum);
    arb_clear(tmp);
}

int
lc_llama_jacobian(arb_mat_t J, const lc_tmodel_t M, const fmpq_mat_struct * Es, slong ns,
                  int causal, slong prec, lc_err_t err)
{
    slong np = lc_llama_nparams(M), rows = 0, s, k, i, j, col, r0;
    bmodel B;
    pcache P;
    arb_mat_t E, C, S, out, dout;
    int st = LC_OK;

    if (M->arch != LC_ARCH_LLAMA)
        return lc_err_set(err, LC_E_ARG, "expected a LLaMA-style model");
    for (s = 0; s < ns; s++)
    {
        if (Es[s].r != M->d_e || Es[s].c < 1)
            return lc_err_set(err, LC_E_DIM, "input %ld must be d_e x n", (long) s + 1);
        rows += M->d_e * Es[s].c;
    }
    bmodel_init(&B, M, prec);
    pcache_init(&P, M, prec);
    lc_ball_resize(J, rows, np);
    arb_mat_init(E, 0, 0);
    arb_mat_init(C, 0, 0);
    arb_mat_init(S, 0, 0);
    arb_mat_init(out, 0, 0);
    arb_mat_init(dout, 0, 0);
    r0 = 0;
    for (s = 0; s < ns && st == LC_OK; s++)
    {
        slong n = Es[s].c;

        dir_t none;

        lc_ball_set_qmat(E, Es + s, prec);
        lc_llama_rope_table(C, S, M->d_h, n, M->rope_theta, prec);
        none.k = -1, none.i = none.j = 0;
        if ((st = dual_forward(out, dout, M, &B, E, C, S, causal, &none, &P, prec, err)) != LC_OK)
            break;
        col = 0;
        for (k = 0; k < B.nm && st == LC_OK; k++)
            for (i = 0; i < arb_mat_nrows(B.w + k) && st == LC_OK; i++)
                for (j = 0; j < arb_mat_ncols(B.w + k) && st == LC_OK; j++, col++)
                {
                    dir_t d;
                    slong a, b;

                    d.k = k, d.i = i, d.j = j;
                    if ((st = lc_limit_check(err)) != LC_OK)
                        break;
                    dual_cached(dout, M, &B, &P, C, S, causal, &d, prec);
                    /* rows: vec of the output, column-major (token by token) */
                    for (b = 0; b < n; b++)
                        for (a = 0; a < arb_mat_nrows(dout); a++)
                            arb_swap(arb_mat_entry(J, r0 + b * arb_mat_nrows(dout) + a, col),
                                     arb_mat_entry(dout, a, b));
                }
        r0 += M->d_e * n;
    }
    bmodel_clear(&B);
    pcache_clear(&P);
    arb_mat_clear(E);
    arb_mat_clear(C);
    arb_mat_clear(S);
    arb_mat_clear(out);
    arb_mat_clear(dout);
    return st;
}

/* ------------------------------------------------ exact tangents */

/* Offsets of the parameter matrices in the vector. */
static void
offsets(slong * off, const lc_tmodel_t M)
{
    fmpq_mat_struct ** m = flint_malloc(sizeof(fmpq_mat_struct *) * NPM(M));
    slong nm = param_mats(m, M), k, p = 0;

    for (k = 0; k < nm; k++)
    {
        off[k] = p;
        p += m[k]->r * m[k]->c;
    }
    flint_free(m);
}

#define ENT(col, k, i, j, ncols) fmpq_mat_entry(T, off[k] + (i) * (ncols) + (j), col)

slong
lc_llama_sym_tangents(fmpq_mat_t T, const lc_tmodel_t M, int kinds)
{
    slong np = lc_llama_nparams(M), per = M->qkv_bias ? 12 : 9, dh = M->d_h, h = dh / 2;
    slong rep = M->n_h / M->n_kv, maxcols, col = 0, t, i, j, a, g, r, s, q;
    slong * off = flint_malloc(sizeof(slong) * NPM(M));
    fmpq_mat_t X;

    offsets(off, M);
    maxcols = M->n_t * (2 * M->d_e + M->n_kv * (dh + dh * dh) + M->d_f) + M->d_e + 1;
    fmpq_mat_clear(T);
    fmpq_mat_init(T, np, maxcols);
    fmpq_mat_init(X, dh, dh);
    for (t = 0; t < M->n_t; t++)
    {
        const lc_tlayer_struct * L = M->layers + t;
        slong b = t * per;

        if (kinds & LC_LFLAT_FOLD)
        {
            /* ln1_w[i] (1 + e) against columns i of Wq, Wk, Wv; ln2_w against Wg, W1 */
            for (i = 0; i < M->d_e; i++, col++)
            {
                fmpq_set(ENT(col, b + 7, i, 0, 1), fmpq_mat_entry(L->ln1_w, i, 0));
                for (r = 0; r < L->Wq->r; r++)
                    fmpq_neg(ENT(col, b + 0, r, i, M->d_e), fmpq_mat_entry(L->Wq, r, i));
                for (r = 0; r < L->Wk->r; r++)
                {
                    fmpq_neg(ENT(col, b + 1, r, i, M->d_e), fmpq_mat_entry(L->Wk, r, i));
                    fmpq_neg(ENT(col, b + 2, r, i, M->d_e), fmpq_mat_entry(L->Wv, r, i));
                }
            }
            for (i = 0; i < M->d_e; i++, col++)
            {
                fmpq_set(ENT(col, b + 8, i, 0, 1), fmpq_mat_entry(L->ln2_w, i, 0));
                for (r = 0; r < M->d_f; r++)
                {
                    fmpq_neg(ENT(col, b + 4, r, i, M->d_e), fmpq_mat_entry(L->Wg, r, i));
                    fmpq_neg(ENT(col, b + 5, r, i, M->d_e), fmpq_mat_entry(L->W1, r, i));
                }
            }
        }
        if (kinds & LC_LFLAT_ROPE)
        {
            /* per KV group and frequency pair: X = I_pair (scaling) and J_pair
               (rotation); dQ_a = X Q_a for the group's heads, dK_g = -X^T K_g */
            for (g = 0; g < M->n_kv; g++)
                for (i = 0; i < h; i++)
                    for (q = 0; q < 2; q++, col++)
                    {
                        fmpq_mat_zero(X);
                        if (q == 0)
                        {
                            fmpq_one(fmpq_mat_entry(X, i, i));
                            fmpq_one(fmpq_mat_entry(X, i + h, i + h));
                        }
                        else
                        {
                            fmpq_one(fmpq_mat_entry(X, i + h, i));
                            fmpq_set_si(fmpq_mat_entry(X, i, i + h), -1, 1);
                        }
                        for (a = g * rep; a < (g + 1) * rep; a++)
                            for (r = 0; r < dh; r++)
                                for (s = 0; s < dh; s++)
                                    if (!fmpq_is_zero(fmpq_mat_entry(X, r, s)))
                                        for (j = 0; j < M->d_e; j++)
                                            fmpq_addmul(ENT(col, b + 0, a * dh + r, j, M->d_e),
                                                        fmpq_mat_entry(X, r, s),
                                                        fmpq_mat_entry(L->Wq, a * dh + s, j));
                        /* -X^T K_g: entry (r, j) -= sum_s X[s, r] K[s, j] */
                        for (r = 0; r < dh; r++)
                            for (s = 0; s < dh; s++)
                                if (!fmpq_is_zero(fmpq_mat_entry(X, s, r)))
                                    for (j = 0; j < M->d_e; j++)
                                        fmpq_submul(ENT(col, b + 1, g * dh + r, j, M->d_e),
                                                    fmpq_mat_entry(X, s, r),
                                                    fmpq_mat_entry(L->Wk, g * dh + s, j));
                    }
        }
        if (kinds & LC_LFLAT_VO)
        {
            /* X = E_rs: dV_g = X V_g (row r gets row s of V_g), dWo_a = -Wo_a X
               (column s of the block gets minus column r) for the group's heads */
            for (g = 0; g < M->n_kv; g++)
                for (r = 0; r < dh; r++)
                    for (s = 0; s < dh; s++, col++)
                    {
                        for (j = 0; j < M->d_e; j++)
                            fmpq_set(ENT(col, b + 2, g * dh + r, j, M->d_e),
                                     fmpq_mat_entry(L->Wv, g * dh + s, j));
                        for (a = g * rep; a < (g + 1) * rep; a++)
                            for (i = 0; i < M->d_e; i++)
                                fmpq_neg(ENT(col, b + 3, i, a * dh + s, M->n_h * dh),
                                         fmpq_mat_entry(L->Wo, i, a * dh + r));
                    }
        }
        if (kinds & LC_LFLAT_FFN)
        {
            /* up row i times (1 + e), down column i over it */
            for (i = 0; i < M->d_f; i++, col++)
            {
                for (j = 0; j < M->d_e; j++)
                {
                    fmpq_set(ENT(col, b + 5, i, j, M->d_e), fmpq_mat_entry(L->W1, i, j));
                    fmpq_neg(ENT(col, b + 6, j, i, M->d_f), fmpq_mat_entry(L->W2, j, i));
                }
            }
        }
    }
    if ((kinds & LC_LFLAT_FOLD) && M->Wout->r > 0)
    {
        /* the final gains against the columns of the output map */
        slong kn = M->n_t * per, ko = kn + 1;

        for (i = 0; i < M->d_e; i++, col++)
        {
            fmpq_set(ENT(col, kn, i, 0, 1), fmpq_mat_entry(M->norm_w, i, 0));
            for (r = 0; r < M->Wout->r; r++)
                fmpq_neg(ENT(col, ko, r, i, M->d_e), fmpq_mat_entry(M->Wout, r, i));
        }
    }
    fmpq_mat_clear(X);
    flint_free(off);
    /* keep the first col columns */
    {
        fmpq_mat_t U;

        fmpq_mat_init(U, np, col);
        for (i = 0; i < np; i++)
            for (j = 0; j < col; j++)
                fmpq_set(fmpq_mat_entry(U, i, j), fmpq_mat_entry(T, i, j));
        fmpq_mat_swap(T, U);
        fmpq_mat_clear(U);
    }
    return col;
}
