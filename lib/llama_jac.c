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
 * The Jacobian runs the primal pass once per input sequence -- llama.c's
 * forward pass itself, recording its values (_lc_llama_forward_rec in
 * llama_impl.h) -- and keeps them (pcache); each parameter direction then
 * runs only the derivative rules (dual_cached), from the direction's layer
 * on (before it the derivative is 0) and, inside that layer, from its
 * block. */
#include <string.h>
#include <arb_hypgeom.h>
#include "llama_impl.h"
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

/* The direction: parameter matrix dk, entry (di, dj) moves with speed 1. */
typedef struct
{
    slong k, i, j;
}
dir_t;

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
   instead of recomputing them: llama.c's record of its forward pass (R),
   and the gate's activation and its derivative at R->G. */
typedef struct
{
    lc_llama_rec_t R;
    arb_mat_struct * F, * DF;
    arb_t scale, eps;
    slong n_t;
}
pcache;

static void
pcache_init(pcache * P, const lc_tmodel_t M, slong prec)
{
    slong t, nt = M->n_t;

    _lc_llama_rec_init(P->R, M);
    P->F = flint_malloc(sizeof(arb_mat_struct) * nt);
    P->DF = flint_malloc(sizeof(arb_mat_struct) * nt);
    for (t = 0; t < nt; t++)
    {
        arb_mat_init(P->F + t, 0, 0);
        arb_mat_init(P->DF + t, 0, 0);
    }
    arb_init(P->scale);
    arb_init(P->eps);
    arb_set_si(P->scale, M->d_h);
    arb_rsqrt(P->scale, P->scale, prec);
    arb_set_fmpq(P->eps, M->eps, prec);
    P->n_t = nt;
}

static void
pcache_clear(pcache * P)
{
    slong t;

    _lc_llama_rec_clear(P->R);
    for (t = 0; t < P->n_t; t++)
    {
        arb_mat_clear(P->F + t);
        arb_mat_clear(P->DF + t);
    }
    flint_free(P->F);
    flint_free(P->DF);
    arb_clear(P->scale);
    arb_clear(P->eps);
}

/* P := the primal values of M on E: THE forward pass (lc_llama_forward's,
   recording), then act and act' at the gate. */
static int
pcache_fill(pcache * P, const lc_tmodel_t M, const arb_mat_t E, int causal, slong prec,
            lc_err_t err)
{
    slong t, i, j;
    arb_mat_t out;
    int st;

    arb_mat_init(out, 0, 0);
    st = _lc_llama_forward_rec(out, M, E, causal, prec, P->R, err);
    arb_mat_clear(out);
    for (t = 0; t < M->n_t && st == LC_OK; t++)
    {
        const arb_mat_struct * G = P->R->G + t;

        lc_ball_resize(P->F + t, arb_mat_nrows(G), arb_mat_ncols(G));
        lc_ball_resize(P->DF + t, arb_mat_nrows(G), arb_mat_ncols(G));
        for (i = 0; i < arb_mat_nrows(G); i++)
            for (j = 0; j < arb_mat_ncols(G); j++)
                act_d(arb_mat_entry(P->F + t, i, j), arb_mat_entry(P->DF + t, i, j),
                      arb_mat_entry(G, i, j), M->activation, prec);
    }
    return st;
}

/* The derivative passes from the kept primal values (P, filled by
   pcache_fill for the same E): the rules above, the primal parts read from
   P.  The derivative is 0 up to the layer holding the direction (the stream
   there is P->R->X), and inside that layer up to the block (attention or
   feed-forward) holding it. */

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
    slong n = arb_mat_ncols(P->R->X + 0), dh = M->d_h, rep = M->n_h / M->n_kv;
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
        const arb_mat_struct * Q = P->R->Q + t, * K = P->R->K + t, * V = P->R->V + t;

        base = t * per;
        kl = d->k - base;    /* the direction's matrix within layer t, if any */
        if (live || kl == 0 || kl == 1 || kl == 2 || kl == 3 || kl == 7 || kl >= 9)
        {
            c_rms(dY, P->R->X + t, dX, B, base + 7, P->eps, d, prec);
            c_affine(dQ, B, base + 0, M->qkv_bias ? base + 9 : -1, P->R->Y1 + t, dY, d, prec);
            c_affine(dK, B, base + 1, M->qkv_bias ? base + 10 : -1, P->R->Y1 + t, dY, d, prec);
            c_affine(dV, B, base + 2, M->qkv_bias ? base + 11 : -1, P->R->Y1 + t, dY, d, prec);
            for (a = 0; a < M->n_h; a++)
                lc_llama_rope_apply(dQ, a * dh, dh, C, Sn, prec);
            for (g = 0; g < M->n_kv; g++)
                lc_llama_rope_apply(dK, g * dh, dh, C, Sn, prec);
            for (a = 0; a < M->n_h; a++)
            {
                const arb_mat_struct * A = P->R->A + t * M->n_h + a;

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
            c_affine(dZ, B, base + 3, -1, P->R->Eh + t, dEh, d, prec);
            arb_mat_add(dX, dX, dZ, prec);
            live = 1;
        }
        c_rms(dY, P->R->Xm + t, dX, B, base + 8, P->eps, d, prec);
        c_affine(dG, B, base + 4, -1, P->R->Y2 + t, dY, d, prec);
        c_affine(dU, B, base + 5, -1, P->R->Y2 + t, dY, d, prec);
        for (i = 0; i < arb_mat_nrows(dG); i++)
            for (j = 0; j < n; j++)
            {
                arb_ptr dg = arb_mat_entry(dG, i, j);

                /* dh = f'(g) dg u + f(g) du */
                arb_mul(tmp, arb_mat_entry(P->DF + t, i, j), dg, prec);
                arb_mul(tmp, tmp, arb_mat_entry(P->R->U + t, i, j), prec);
                arb_addmul(tmp, arb_mat_entry(P->F + t, i, j), arb_mat_entry(dU, i, j), prec);
                arb_swap(dg, tmp);
            }
        c_affine(dZ, B, base + 6, -1, P->R->H + t, dG, d, prec);
        arb_mat_add(dX, dX, dZ, prec);
        live = 1;
    }
    c_rms(dY, P->R->X + M->n_t, dX, B, M->n_t * per, P->eps, d, prec);
    if (M->Wout->r > 0)
    {
        c_affine(dZ, B, M->n_t * per + 1, -1, P->R->Yf, dY, d, prec);
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
    arb_mat_t E, C, S, dout;
    int st = LC_OK;

    if (M->arch != LC_ARCH_LLAMA)
        return lc_err_set(err, LC_E_ARG, "expected a LLaMA-style model");
    /* act_d has the derivatives of SiLU and the two GELUs; ReLU-GLU (which
       load_model accepts from a config's hidden_act "relu") is not
       differentiable at 0, and its Jacobian is not taken */
    if (M->activation != LC_ACT_SILU && M->activation != LC_ACT_GELU
        && M->activation != LC_ACT_GELU_TANH)
        return lc_err_set(err, LC_E_ARG, "the Jacobian needs a differentiable gate: silu, gelu "
                          "or gelu_tanh (this model's activation is relu, not differentiable "
                          "at 0)");
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
    arb_mat_init(dout, 0, 0);
    r0 = 0;
    for (s = 0; s < ns && st == LC_OK; s++)
    {
        slong n = Es[s].c;

        lc_ball_set_qmat(E, Es + s, prec);
        lc_llama_rope_table(C, S, M->d_h, n, M->rope_theta, prec);
        if ((st = pcache_fill(&P, M, E, causal, prec, err)) != LC_OK)
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
