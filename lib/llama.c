/* llama.c -- LLaMA-family transformers in certified balls, and their exact
 * symmetries (see llama.h and doc/llama.md).
 *
 * Every step is an Arb operation on balls: the RMSNorm square root, the RoPE
 * angles p theta^(-2i/d_h) (exp and log of the exact theta) and their cos
 * and sin, the softmax and SiLU/GELU are Arb's certified functions, so the
 * output encloses the exact output of the exact model. */
#include <string.h>
#include "llama_impl.h"
#include "equiv.h"
#include "limit.h"
#include "gauge.h"

/* ---------------------------------------------------------------- memory */

static void
qzero(fmpq_mat_t A, slong r, slong c)
{
    fmpq_mat_clear(A);
    fmpq_mat_init(A, r, c);
}

static void
qones(fmpq_mat_t A, slong r)
{
    slong i;

    qzero(A, r, 1);
    for (i = 0; i < r; i++)
        fmpq_one(fmpq_mat_entry(A, i, 0));
}

int
lc_llama_alloc(lc_tmodel_t M, slong d_e, slong n_h, slong n_kv, slong d_h, slong d_f, slong n_t,
               lc_err_t err)
{
    slong t;
    int st;

    if (n_kv < 1 || n_h < 1 || n_h % n_kv != 0)
        return lc_err_set(err, LC_E_ARG, "the KV heads must divide the heads, got n_h=%ld "
                          "n_kv=%ld", (long) n_h, (long) n_kv);
    if (d_h < 2 || d_h % 2 != 0)
        return lc_err_set(err, LC_E_ARG, "RoPE needs an even head size d_h >= 2, got %ld",
                          (long) d_h);
    if ((st = lc_tmodel_alloc(M, d_e, n_h, d_h, d_f, n_t, err)) != LC_OK)
        return st;
    M->arch = LC_ARCH_LLAMA;
    M->n_kv = n_kv;
    M->qkv_bias = 0;
    M->activation = LC_ACT_SILU;
    M->norm_first = 1;
    fmpq_set_si(M->eps, 1, 1000000);
    fmpq_set_si(M->rope_theta, 10000, 1);
    qones(M->norm_w, d_e);
    qzero(M->Wout, 0, 0);
    for (t = 0; t < n_t; t++)
    {
        lc_tlayer_struct * L = M->layers + t;

        qzero(L->Wk, n_kv * d_h, d_e);
        qzero(L->Wv, n_kv * d_h, d_e);
        qzero(L->bk, n_kv * d_h, 1);
        qzero(L->bv, n_kv * d_h, 1);
        qzero(L->Wg, d_f, d_e);
    }
    return LC_OK;
}

void
lc_llama_randomize(lc_tmodel_t M, flint_rand_t st)
{
    slong t;

    for (t = 0; t < M->n_t; t++)
    {
        lc_tlayer_struct * L = M->layers + t;

        _lc_tmodel_rand_fill(L->Wq, st, 0);
        _lc_tmodel_rand_fill(L->Wk, st, 0);
        _lc_tmodel_rand_fill(L->Wv, st, 0);
        _lc_tmodel_rand_fill(L->Wo, st, 0);
        _lc_tmodel_rand_fill(L->Wg, st, 0);
        _lc_tmodel_rand_fill(L->W1, st, 0);
        _lc_tmodel_rand_fill(L->W2, st, 0);
        _lc_tmodel_rand_fill(L->ln1_w, st, 1);
        _lc_tmodel_rand_fill(L->ln2_w, st, 1);
        if (M->qkv_bias)
        {
            _lc_tmodel_rand_fill(L->bq, st, 0);
            _lc_tmodel_rand_fill(L->bk, st, 0);
            _lc_tmodel_rand_fill(L->bv, st, 0);
        }
    }
    _lc_tmodel_rand_fill(M->norm_w, st, 1);
}

slong
lc_llama_nparams(const lc_tmodel_t M)
{
    slong t, n = 0;

    for (t = 0; t < M->n_t; t++)
    {
        const lc_tlayer_struct * L = M->layers + t;
        const fmpq_mat_struct * m[12] = { L->Wq, L->Wk, L->Wv, L->Wo, L->Wg, L->W1, L->W2,
                                          L->ln1_w, L->ln2_w, L->bq, L->bk, L->bv };
        int k;

        for (k = 0; k < (M->qkv_bias ? 12 : 9); k++)
            n += m[k]->r * m[k]->c;
    }
    return n + M->norm_w->r * M->norm_w->c + M->Wout->r * M->Wout->c;
}

char *
lc_llama_get_str(const lc_tmodel_t M)
{
    char * s = flint_malloc(256), * th = fmpq_get_str(NULL, 10, M->rope_theta);

    snprintf(s, 256, "llama d_e=%ld n_h=%ld n_kv=%ld d_h=%ld d_f=%ld n_t=%ld %s rope_theta=%.40s%s%s",
             (long) M->d_e, (long) M->n_h, (long) M->n_kv, (long) M->d_h, (long) M->d_f,
             (long) M->n_t, M->activation == LC_ACT_SILU ? "swiglu" : M->activation == LC_ACT_GELU
             ? "geglu" : M->activation == LC_ACT_GELU_TANH ? "geglu_tanh" : "relu_glu", th,
             M->qkv_bias ? " qkv_bias" : "", M->Wout->r > 0 ? " head" : "");
    flint_free(th);
    return s;
}

/* ------------------------------------------------------------ the pieces */

int
lc_llama_rms_norm(arb_mat_t Y, const arb_mat_t X, const fmpq_mat_t w, const fmpq_t eps,
                  slong prec, lc_err_t err)
{
    slong d = arb_mat_nrows(X), n = arb_mat_ncols(X), i, k;
    arb_t ms, t;
    arb_mat_t T;
    int st = LC_OK;

    if (w != NULL && (w->r != d || w->c != 1))
        return lc_err_set(err, LC_E_DIM, "RMSNorm: the gains must be %ldx1", (long) d);
    if (d < 1)
        return lc_err_set(err, LC_E_DIM, "RMSNorm of an empty vector");
    arb_init(ms);
    arb_init(t);
    arb_mat_init(T, d, n);
    for (i = 0; i < n && st == LC_OK; i++)
    {
        arb_zero(ms);
        for (k = 0; k < d; k++)
            arb_addmul(ms, arb_mat_entry(X, k, i), arb_mat_entry(X, k, i), prec);
        arb_div_si(ms, ms, d, prec);
        arb_set_fmpq(t, eps, prec);
        arb_add(ms, ms, t, prec);
        if (!arb_is_positive(ms))
        {
            st = lc_err_set(err, LC_E_DOMAIN, "RMSNorm: mean(x^2) + eps of token %ld is not "
                            "certainly positive at %ld bits (a zero token with eps = 0?)",
                            (long) i + 1, (long) prec);
            break;
        }
        arb_rsqrt(ms, ms, prec);
        for (k = 0; k < d; k++)
        {
            arb_ptr y = arb_mat_entry(T, k, i);

            arb_mul(y, arb_mat_entry(X, k, i), ms, prec);
            if (w != NULL)
            {
                arb_set_fmpq(t, fmpq_mat_entry(w, k, 0), prec);
                arb_mul(y, y, t, prec);
            }
        }
    }
    if (st == LC_OK)
        arb_mat_swap(Y, T);
    arb_mat_clear(T);
    arb_clear(ms);
    arb_clear(t);
    return st;
}

void
lc_llama_rope_table(arb_mat_t C, arb_mat_t S, slong d_h, slong n, const fmpq_t theta, slong prec)
{
    slong i, p, h = d_h / 2;
    arb_t lt, f, a;

    arb_init(lt);
    arb_init(f);
    arb_init(a);
    lc_ball_resize(C, h, n);
    lc_ball_resize(S, h, n);
    arb_set_fmpq(lt, theta, prec + 10);
    arb_log(lt, lt, prec + 10);
    for (i = 0; i < h; i++)
    {
        /* f = theta^(-2i/d_h) = exp(-2i log(theta) / d_h) */
        arb_mul_si(f, lt, -2 * i, prec + 10);
        arb_div_si(f, f, d_h, prec + 10);
        arb_exp(f, f, prec + 10);
        for (p = 0; p < n; p++)
        {
            arb_mul_si(a, f, p, prec + 10);
            arb_sin_cos(arb_mat_entry(S, i, p), arb_mat_entry(C, i, p), a, prec);
        }
    }
    arb_clear(lt);
    arb_clear(f);
    arb_clear(a);
}

void
lc_llama_rope_apply(arb_mat_t X, slong r0, slong d_h, const arb_mat_t C, const arb_mat_t S,
                    slong prec)
{
    slong i, p, h = d_h / 2;
    arb_t x, y, t;

    arb_init(x);
    arb_init(y);
    arb_init(t);
    for (i = 0; i < h; i++)
        for (p = 0; p < arb_mat_ncols(X); p++)
        {
            arb_srcptr c = arb_mat_entry(C, i, p), s = arb_mat_entry(S, i, p);
            arb_ptr u = arb_mat_entry(X, r0 + i, p), v = arb_mat_entry(X, r0 + h + i, p);

            /* rotate_half: (u, v) -> (u c - v s, v c + u s) */
            arb_mul(x, u, c, prec);
            arb_mul(t, v, s, prec);
            arb_sub(x, x, t, prec);
            arb_mul(y, v, c, prec);
            arb_mul(t, u, s, prec);
            arb_add(y, y, t, prec);
            arb_swap(u, x);
            arb_swap(v, y);
        }
    arb_clear(x);
    arb_clear(y);
    arb_clear(t);
}

/* ------------------------------------------- the record of a forward pass */

void
_lc_llama_rec_init(lc_llama_rec_t R, const lc_tmodel_t M)
{
    slong t, nt = M->n_t;

#define RI(f, k) R->f = flint_malloc(sizeof(arb_mat_struct) * (k)); \
    for (t = 0; t < (k); t++) arb_mat_init(R->f + t, 0, 0);
    RI(X, nt + 1); RI(Xm, nt); RI(Y1, nt); RI(Y2, nt); RI(Q, nt); RI(K, nt); RI(V, nt);
    RI(A, nt * M->n_h); RI(Eh, nt); RI(G, nt); RI(U, nt); RI(H, nt);
#undef RI
    arb_mat_init(R->Yf, 0, 0);
    R->n_t = nt;
    R->n_h = M->n_h;
}

void
_lc_llama_rec_clear(lc_llama_rec_t R)
{
    slong t, nt = R->n_t;

#define RC(f, k) for (t = 0; t < (k); t++) arb_mat_clear(R->f + t); flint_free(R->f);
    RC(X, nt + 1); RC(Xm, nt); RC(Y1, nt); RC(Y2, nt); RC(Q, nt); RC(K, nt); RC(V, nt);
    RC(A, nt * R->n_h); RC(Eh, nt); RC(G, nt); RC(U, nt); RC(H, nt);
#undef RC
    arb_mat_clear(R->Yf);
}

static void
rec_keep(arb_mat_struct * dst, const arb_mat_t src)
{
    lc_ball_resize(dst, arb_mat_nrows(src), arb_mat_ncols(src));
    arb_mat_set(dst, src);
}

/* ------------------------------------------------------- the forward pass */

/* Y := W X + b (b a column or NULL). */
static void
affine(arb_mat_t Y, const fmpq_mat_t Wq, const arb_mat_t X, const fmpq_mat_t bq, slong prec)
{
    arb_mat_t W;
    arb_t b;
    slong i, j;

    arb_mat_init(W, 0, 0);
    lc_ball_set_qmat(W, Wq, prec);
    lc_ball_resize(Y, arb_mat_nrows(W), arb_mat_ncols(X));
    arb_mat_mul(Y, W, X, prec);
    arb_mat_clear(W);
    if (bq == NULL || fmpq_mat_is_zero(bq))
        return;
    arb_init(b);
    for (i = 0; i < arb_mat_nrows(Y); i++)
    {
        arb_set_fmpq(b, fmpq_mat_entry(bq, i, 0), prec);
        for (j = 0; j < arb_mat_ncols(Y); j++)
            arb_add(arb_mat_entry(Y, i, j), arb_mat_entry(Y, i, j), b, prec);
    }
    arb_clear(b);
}

/* Out := Wo concat_a V_g A_a^T (grouped-query attention with RoPE). */
static int
attention(arb_mat_t Out, const lc_tmodel_t M, const lc_tlayer_struct * L, const arb_mat_t Y,
          const arb_mat_t C, const arb_mat_t Sn, int causal, lc_llama_rec_struct * R, slong t,
          slong prec, lc_err_t err)
{
    slong n = arb_mat_ncols(Y), dh = M->d_h, rep = M->n_h / M->n_kv, a, g, i, j;
    arb_mat_t Q, K, V, Qt, S, A, At, H, Eh, row, sm;
    arb_t scale;
    int st = LC_OK;

    arb_mat_init(Q, 0, 0);
    arb_mat_init(K, 0, 0);
    arb_mat_init(V, 0, 0);
    arb_mat_init(Qt, n, dh);
    arb_mat_init(S, n, n);
    arb_mat_init(A, n, n);
    arb_mat_init(At, n, n);
    arb_mat_init(H, dh, n);
    arb_mat_init(Eh, M->n_h * dh, n);
    arb_mat_init(sm, 0, 0);
    arb_init(scale);

    affine(Q, L->Wq, Y, M->qkv_bias ? L->bq : NULL, prec);
    affine(K, L->Wk, Y, M->qkv_bias ? L->bk : NULL, prec);
    affine(V, L->Wv, Y, M->qkv_bias ? L->bv : NULL, prec);
    for (a = 0; a < M->n_h; a++)
        lc_llama_rope_apply(Q, a * dh, dh, C, Sn, prec);
    for (g = 0; g < M->n_kv; g++)
        lc_llama_rope_apply(K, g * dh, dh, C, Sn, prec);
    if (R != NULL)
    {
        rec_keep(R->Q + t, Q);
        rec_keep(R->K + t, K);
        rec_keep(R->V + t, V);
    }
    arb_set_si(scale, dh);
    arb_rsqrt(scale, scale, prec);

    for (a = 0; a < M->n_h && st == LC_OK && (st = lc_limit_check(err)) == LC_OK; a++)
    {
        arb_mat_t Qa, Kg, Vg;

        g = a / rep;
        arb_mat_window_init(Qa, Q, a * dh, 0, (a + 1) * dh, n);
        arb_mat_window_init(Kg, K, g * dh, 0, (g + 1) * dh, n);
        arb_mat_window_init(Vg, V, g * dh, 0, (g + 1) * dh, n);
        arb_mat_transpose(Qt, Qa);
        arb_mat_mul(S, Qt, Kg, prec);
        arb_mat_scalar_mul_arb(S, S, scale, prec);
        if (!causal)
            st = lc_ball_softmax_rows(A, S, prec, err);
        else
        {
            arb_mat_zero(A);
            for (i = 0; i < n && st == LC_OK; i++)
            {
                arb_mat_window_init(row, S, i, 0, i + 1, i + 1);
                st = lc_ball_softmax_rows(sm, row, prec, err);
                arb_mat_window_clear(row);
                for (j = 0; j <= i && st == LC_OK; j++)
                    arb_set(arb_mat_entry(A, i, j), arb_mat_entry(sm, 0, j));
            }
        }
        if (st == LC_OK)
        {
            if (R != NULL)
                rec_keep(R->A + t * M->n_h + a, A);
            arb_mat_transpose(At, A);
            arb_mat_mul(H, Vg, At, prec);
            for (i = 0; i < dh; i++)
                for (j = 0; j < n; j++)
                    arb_swap(arb_mat_entry(Eh, a * dh + i, j), arb_mat_entry(H, i, j));
        }
        arb_mat_window_clear(Qa);
        arb_mat_window_clear(Kg);
        arb_mat_window_clear(Vg);
    }
    if (st == LC_OK && R != NULL)
        rec_keep(R->Eh + t, Eh);
    if (st == LC_OK)
        affine(Out, L->Wo, Eh, NULL, prec);
    arb_mat_clear(Q);
    arb_mat_clear(K);
    arb_mat_clear(V);
    arb_mat_clear(Qt);
    arb_mat_clear(S);
    arb_mat_clear(A);
    arb_mat_clear(At);
    arb_mat_clear(H);
    arb_mat_clear(Eh);
    arb_mat_clear(sm);
    arb_clear(scale);
    return st;
}

/* Out := W2 (act(Wg Y) * (W1 Y)). */
static int
feed_forward(arb_mat_t Out, const lc_tmodel_t M, const lc_tlayer_struct * L, const arb_mat_t Y,
             lc_llama_rec_struct * R, slong t, slong prec, lc_err_t err)
{
    arb_mat_t G, U;
    slong i, j;
    int st = LC_OK;

    arb_mat_init(G, 0, 0);
    arb_mat_init(U, 0, 0);
    affine(G, L->Wg, Y, NULL, prec);
    affine(U, L->W1, Y, NULL, prec);
    if (R != NULL)
    {
        rec_keep(R->G + t, G);
        rec_keep(R->U + t, U);
    }
    for (i = 0; i < arb_mat_nrows(G) && (i % 64 != 0 || (st = lc_limit_check(err)) == LC_OK); i++)
        for (j = 0; j < arb_mat_ncols(G); j++)
        {
            arb_ptr x = arb_mat_entry(G, i, j);

            lc_tmodel_activate(x, x, M->activation, prec);
            arb_mul(x, x, arb_mat_entry(U, i, j), prec);
        }
    if (st == LC_OK && R != NULL)
        rec_keep(R->H + t, G);
    if (st == LC_OK)
        affine(Out, L->W2, G, NULL, prec);
    arb_mat_clear(G);
    arb_mat_clear(U);
    return st;
}

int
lc_llama_forward(arb_mat_t out, const lc_tmodel_t M, const arb_mat_t E, int causal, slong prec,
                 lc_err_t err)
{
    return _lc_llama_forward_rec(out, M, E, causal, prec, NULL, err);
}

int
_lc_llama_forward_rec(arb_mat_t out, const lc_tmodel_t M, const arb_mat_t E, int causal,
                      slong prec, lc_llama_rec_struct * R, lc_err_t err)
{
    arb_mat_t X, Y, Z, C, S;
    slong t, n = arb_mat_ncols(E);
    int st = LC_OK;

    if (M->n_t < 1 || M->layers == NULL)
        return lc_err_set(err, LC_E_ARG, "the model has no layers");
    if (prec < 2)
        return lc_err_set(err, LC_E_ARG, "precision must be at least 2 bits, got %ld", (long) prec);
    if (arb_mat_nrows(E) != M->d_e || n < 1)
        return lc_err_set(err, LC_E_DIM, "the embeddings must be d_e x n = %ld x n with n >= 1 "
                          "(one token per column), got %ldx%ld", (long) M->d_e,
                          (long) arb_mat_nrows(E), (long) n);
    if (n > LC_TMODEL_MAX_DIM)
        return lc_err_set(err, LC_E_LIMIT, "at most %d tokens, got %ld", LC_TMODEL_MAX_DIM,
                          (long) n);
    arb_mat_init(X, M->d_e, n);
    arb_mat_init(Y, 0, 0);
    arb_mat_init(Z, 0, 0);
    arb_mat_init(C, 0, 0);
    arb_mat_init(S, 0, 0);
    arb_mat_set(X, E);
    lc_llama_rope_table(C, S, M->d_h, n, M->rope_theta, prec);
    for (t = 0; t < M->n_t && st == LC_OK; t++)
    {
        const lc_tlayer_struct * L = M->layers + t;

        if ((st = lc_limit_check(err)) != LC_OK)
            break;
        if (R != NULL)
            rec_keep(R->X + t, X);
        if ((st = lc_llama_rms_norm(Y, X, L->ln1_w, M->eps, prec, err)) != LC_OK)
            break;
        if (R != NULL)
            rec_keep(R->Y1 + t, Y);
        if ((st = attention(Z, M, L, Y, C, S, causal, R, t, prec, err)) != LC_OK)
            break;
        arb_mat_add(X, X, Z, prec);
        if (R != NULL)
            rec_keep(R->Xm + t, X);
        if ((st = lc_llama_rms_norm(Y, X, L->ln2_w, M->eps, prec, err)) != LC_OK)
            break;
        if (R != NULL)
            rec_keep(R->Y2 + t, Y);
        if ((st = feed_forward(Z, M, L, Y, R, t, prec, err)) != LC_OK)
            break;
        arb_mat_add(X, X, Z, prec);
    }
    if (st != LC_OK && st != LC_E_LIMIT && t < M->n_t)
    {
        char msg[LC_ERR_MSG_LEN];

        memcpy(msg, err->msg, sizeof msg);
        msg[LC_ERR_MSG_LEN - 40] = '\0';
        lc_err_set(err, st, "layer %ld: %s", (long) t, msg);
    }
    if (st == LC_OK)
    {
        if (R != NULL)
            rec_keep(R->X + M->n_t, X);
        st = lc_llama_rms_norm(Y, X, M->norm_w, M->eps, prec, err);
    }
    if (st == LC_OK)
    {
        if (R != NULL)
            rec_keep(R->Yf, Y);
        if (M->Wout->r > 0)
        {
            affine(Z, M->Wout, Y, NULL, prec);
            arb_mat_swap(out, Z);
        }
        else
            arb_mat_swap(out, Y);
    }
    arb_mat_clear(X);
    arb_mat_clear(Y);
    arb_mat_clear(Z);
    arb_mat_clear(C);
    arb_mat_clear(S);
    return st;
}

/* ------------------------------------------------------------ symmetries */

/* A := A diag(w) (w a column). */
static void
scale_cols(fmpq_mat_t A, const fmpq_mat_t w)
{
    slong i, j;

    for (i = 0; i < A->r; i++)
        for (j = 0; j < A->c; j++)
            fmpq_mul(fmpq_mat_entry(A, i, j), fmpq_mat_entry(A, i, j), fmpq_mat_entry(w, j, 0));
}

static void
set_ones(fmpq_mat_t w)
{
    slong i;

    for (i = 0; i < w->r; i++)
        fmpq_one(fmpq_mat_entry(w, i, 0));
}

static int
need_llama(const lc_tmodel_t M, lc_err_t err)
{
    if (M->arch != LC_ARCH_LLAMA)
        return lc_err_set(err, LC_E_ARG, "expected a LLaMA-style model (random_llama, or "
                          "load_model of a checkpoint directory)");
    return LC_OK;
}

int
lc_llama_fold_rmsnorm(lc_tmodel_t out, const lc_tmodel_t M, lc_err_t err)
{
    slong t, i;

    if (need_llama(M, err) != LC_OK)
        return err->code;
    lc_tmodel_set(out, M);
    for (t = 0; t < out->n_t; t++)
    {
        lc_tlayer_struct * L = out->layers + t;

        scale_cols(L->Wq, L->ln1_w);
        scale_cols(L->Wk, L->ln1_w);
        scale_cols(L->Wv, L->ln1_w);
        scale_cols(L->Wg, L->ln2_w);
        scale_cols(L->W1, L->ln2_w);
        set_ones(L->ln1_w);
        set_ones(L->ln2_w);
    }
    if (out->Wout->r == 0)
    {
        qzero(out->Wout, out->d_e, out->d_e);
        for (i = 0; i < out->d_e; i++)
            fmpq_set(fmpq_mat_entry(out->Wout, i, i), fmpq_mat_entry(out->norm_w, i, 0));
    }
    else
        scale_cols(out->Wout, out->norm_w);
    set_ones(out->norm_w);
    return LC_OK;
}

int
lc_llama_is_signed_perm(const fmpq_mat_t Q)
{
    slong i, j, k;

    if (Q->r != Q->c)
        return 0;
    for (i = 0; i < Q->r; i++)
    {
        for (j = 0, k = 0; j < Q->c; j++)
        {
            const fmpq * x = fmpq_mat_entry(Q, i, j);

            if (fmpq_is_zero(x))
                continue;
            if (!fmpz_is_one(fmpq_denref(x)) || !fmpz_is_pm1(fmpq_numref(x)))
                return 0;
            k++;
        }
        if (k != 1)
            return 0;
        for (j = 0, k = 0; j < Q->r; j++)
            k += !fmpq_is_zero(fmpq_mat_entry(Q, j, i));
        if (k != 1)
            return 0;
    }
    return 1;
}

/* A := A Q^T (right) or Q A (left). */
static void
mul_right_t(fmpq_mat_t A, const fmpq_mat_t Qt)
{
    fmpq_mat_t T;

    fmpq_mat_init(T, A->r, Qt->c);
    fmpq_mat_mul(T, A, Qt);
    fmpq_mat_swap(A, T);
    fmpq_mat_clear(T);
}

static void
mul_left(fmpq_mat_t A, const fmpq_mat_t Q)
{
    fmpq_mat_t T;

    fmpq_mat_init(T, Q->r, A->c);
    fmpq_mat_mul(T, Q, A);
    fmpq_mat_swap(A, T);
    fmpq_mat_clear(T);
}

int
lc_llama_rotate_residual(lc_tmodel_t out, const lc_tmodel_t M, const fmpq_mat_t Q, lc_err_t err)
{
    fmpq_mat_t Qt, P;
    slong t, i, j;
    int sp, st = LC_OK;

    if (need_llama(M, err) != LC_OK)
        return err->code;
    if (Q->r != M->d_e || Q->c != M->d_e)
        return lc_err_set(err, LC_E_DIM, "the rotation must be d_e x d_e = %ldx%ld, got %ldx%ld",
                          (long) M->d_e, (long) M->d_e, (long) Q->r, (long) Q->c);
    sp = lc_llama_is_signed_perm(Q);
    lc_tmodel_set(out, M);
    fmpq_mat_init(Qt, Q->c, Q->r);
    fmpq_mat_transpose(Qt, Q);
    fmpq_mat_init(P, Q->r, Q->c);
    if (sp)
        for (i = 0; i < Q->r; i++)
            for (j = 0; j < Q->c; j++)
                fmpq_abs(fmpq_mat_entry(P, i, j), fmpq_mat_entry(Q, i, j));
    for (t = 0; t < out->n_t && (st = lc_limit_check(err)) == LC_OK; t++)
    {
        lc_tlayer_struct * L = out->layers + t;

        mul_right_t(L->Wq, Qt);
        mul_right_t(L->Wk, Qt);
        mul_right_t(L->Wv, Qt);
        mul_right_t(L->Wg, Qt);
        mul_right_t(L->W1, Qt);
        mul_left(L->Wo, Q);
        mul_left(L->W2, Q);
        if (sp)
        {
            mul_left(L->ln1_w, P);
            mul_left(L->ln2_w, P);
        }
    }
    if (sp)
        mul_left(out->norm_w, P);
    if (out->Wout->r > 0)
        mul_right_t(out->Wout, Qt);
    fmpq_mat_clear(Qt);
    fmpq_mat_clear(P);
    return st;
}

int
lc_llama_hadamard(fmpq_mat_t H, slong n, lc_err_t err)
{
    slong k = 0, i, j, m;

    for (m = 1; m < n && k < 12; m *= 4)
        k++;
    if (m != n || n < 1)
        return lc_err_set(err, LC_E_ARG, "the normalised Hadamard matrix is rational for n a "
                          "power of 4, got %ld", (long) n);
    fmpq_mat_clear(H);
    fmpq_mat_init(H, n, n);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            /* Sylvester: (-1)^popcount(i & j), over sqrt(n) = 2^k */
            fmpq * x = fmpq_mat_entry(H, i, j);

            ulong b = (ulong) (i & j);
            int par = 0;

            for (; b != 0; b >>= 1)
                par ^= (int) (b & 1);
            fmpz_set_si(fmpq_numref(x), par ? -1 : 1);
            fmpz_one(fmpq_denref(x));
            fmpq_div_2exp(x, x, (ulong) k);
        }
    return LC_OK;
}

static const char * const sym_names[LC_LSYM_NKINDS] = {
    "rope", "qk_gl", "vo", "vo_unshared", "head_perm", "head_cross", "ffn_perm", "ffn_scale",
    "gate_scale"
};

int
lc_llama_sym_from_name(const char * name)
{
    int k;

    for (k = 0; k < LC_LSYM_NKINDS; k++)
        if (strcmp(name, sym_names[k]) == 0)
            return k;
    return -1;
}

const char *
lc_llama_sym_name(int kind)
{
    return kind >= 0 && kind < LC_LSYM_NKINDS ? sym_names[kind] : "unknown";
}

/* A random nonzero rational k/4, 1 <= |k| <= 8. */
static void
rand_nonzero(fmpq_t x, flint_rand_t st)
{
    slong k = 1 + (slong) n_randint(st, 8);

    fmpq_set_si(x, n_randint(st, 2) ? -k : k, 4);
}

/* C := a random element of the RoPE commutant in R^{d x d}: on every pair
   (i, i + d/2) the scaled rotation [[a, -b], [b, a]], (a, b) != 0. */
static void
rand_rope_commutant(fmpq_mat_t C, slong d, flint_rand_t st)
{
    slong i, h = d / 2;

    qzero(C, d, d);
    for (i = 0; i < h; i++)
    {
        fmpq_t a, b;

        fmpq_init(a);
        fmpq_init(b);
        rand_nonzero(a, st);
        fmpq_set_si(b, (slong) n_randint(st, 9) - 4, 4);
        fmpq_set(fmpq_mat_entry(C, i, i), a);
        fmpq_neg(fmpq_mat_entry(C, i, i + h), b);
        fmpq_set(fmpq_mat_entry(C, i + h, i), b);
        fmpq_set(fmpq_mat_entry(C, i + h, i + h), a);
        fmpq_clear(a);
        fmpq_clear(b);
    }
}

/* Rows r0 .. r0 + h->r - 1 of A := h times them. */
static void
left_rows(fmpq_mat_t A, slong r0, const fmpq_mat_t h)
{
    fmpq_mat_t B, T;
    slong i, j;

    fmpq_mat_init(B, h->c, A->c);
    fmpq_mat_init(T, h->r, A->c);
    for (i = 0; i < h->c; i++)
        for (j = 0; j < A->c; j++)
            fmpq_set(fmpq_mat_entry(B, i, j), fmpq_mat_entry(A, r0 + i, j));
    fmpq_mat_mul(T, h, B);
    for (i = 0; i < h->r; i++)
        for (j = 0; j < A->c; j++)
            fmpq_set(fmpq_mat_entry(A, r0 + i, j), fmpq_mat_entry(T, i, j));
    fmpq_mat_clear(B);
    fmpq_mat_clear(T);
}

/* Columns c0 .. c0 + h->r - 1 of A := them times h. */
static void
right_cols(fmpq_mat_t A, slong c0, const fmpq_mat_t h)
{
    fmpq_mat_t B, T;
    slong i, j;

    fmpq_mat_init(B, A->r, h->r);
    fmpq_mat_init(T, A->r, h->c);
    for (i = 0; i < A->r; i++)
        for (j = 0; j < h->r; j++)
            fmpq_set(fmpq_mat_entry(B, i, j), fmpq_mat_entry(A, i, c0 + j));
    fmpq_mat_mul(T, B, h);
    for (i = 0; i < A->r; i++)
        for (j = 0; j < h->c; j++)
            fmpq_set(fmpq_mat_entry(A, i, c0 + j), fmpq_mat_entry(T, i, j));
    fmpq_mat_clear(B);
    fmpq_mat_clear(T);
}

/* A := the rows of A in the order perm (new row i = old row perm[i]),
   in blocks of size b. */
static void
permute_row_blocks(fmpq_mat_t A, const slong * perm, slong nb, slong b)
{
    fmpq_mat_t T;
    slong i, k, j;

    fmpq_mat_init(T, A->r, A->c);
    for (i = 0; i < nb; i++)
        for (k = 0; k < b; k++)
            for (j = 0; j < A->c; j++)
                fmpq_set(fmpq_mat_entry(T, i * b + k, j), fmpq_mat_entry(A, perm[i] * b + k, j));
    fmpq_mat_swap(A, T);
    fmpq_mat_clear(T);
}

static void
permute_col_blocks(fmpq_mat_t A, const slong * perm, slong nb, slong b)
{
    fmpq_mat_t T;
    slong i, k, j;

    fmpq_mat_init(T, A->r, A->c);
    for (i = 0; i < nb; i++)
        for (k = 0; k < b; k++)
            for (j = 0; j < A->r; j++)
                fmpq_set(fmpq_mat_entry(T, j, i * b + k), fmpq_mat_entry(A, j, perm[i] * b + k));
    fmpq_mat_swap(A, T);
    fmpq_mat_clear(T);
}

/* perm := a random permutation of 0..n-1 that is not the identity when n > 1. */
static void
rand_perm(slong * perm, slong n, flint_rand_t st)
{
    slong i, j, tmp;

    for (i = 0; i < n; i++)
        perm[i] = i;
    for (i = n - 1; i > 0; i--)
    {
        j = (slong) n_randint(st, i + 1);
        tmp = perm[i], perm[i] = perm[j], perm[j] = tmp;
    }
    if (n > 1 && perm[0] == 0 && perm[1] == 1)
        tmp = perm[0], perm[0] = perm[1], perm[1] = tmp;
}

static int
transform_layer(lc_tmodel_t M, lc_tlayer_struct * L, int kind, flint_rand_t st, lc_err_t err)
{
    slong dh = M->d_h, rep = M->n_h / M->n_kv, a, g, i;
    fmpq_mat_t h, hit;
    int r = LC_OK;

    fmpq_mat_init(h, 0, 0);
    fmpq_mat_init(hit, dh, dh);
    switch (kind)
    {
        case LC_LSYM_ROPE:
        case LC_LSYM_QK_GL:
            for (g = 0; g < M->n_kv; g++)
            {
                if (kind == LC_LSYM_ROPE)
                    rand_rope_commutant(h, dh, st);
                else
                {
                    qzero(h, dh, dh);
                    lc_gauge_rand_gl(h, dh, st);
                }
                /* hit = h^-T */
                fmpq_mat_inv(hit, h);
                fmpq_mat_transpose(hit, hit);
                for (a = g * rep; a < (g + 1) * rep; a++)
                {
                    left_rows(L->Wq, a * dh, h);
                    if (M->qkv_bias)
                        left_rows(L->bq, a * dh, h);
                }
                left_rows(L->Wk, g * dh, hit);
                if (M->qkv_bias)
                    left_rows(L->bk, g * dh, hit);
            }
            break;
        case LC_LSYM_VO:
        case LC_LSYM_VO_UNSHARED:
            if (kind == LC_LSYM_VO_UNSHARED && rep < 2)
            {
                r = lc_err_set(err, LC_E_ARG, "vo_unshared needs grouped-query attention "
                               "(n_h > n_kv), got n_h = n_kv = %ld", (long) M->n_h);
                break;
            }
            for (g = 0; g < M->n_kv; g++)
            {
                qzero(h, dh, dh);
                lc_gauge_rand_gl(h, dh, st);
                fmpq_mat_inv(hit, h);
                left_rows(L->Wv, g * dh, h);
                if (M->qkv_bias)
                    left_rows(L->bv, g * dh, h);
                for (a = g * rep; a < (kind == LC_LSYM_VO ? (g + 1) * rep : g * rep + 1); a++)
                    right_cols(L->Wo, a * dh, hit);
            }
            break;
        case LC_LSYM_HEAD_PERM:
        {
            slong * pg = flint_malloc(sizeof(slong) * M->n_kv);
            slong * pa = flint_malloc(sizeof(slong) * M->n_h);
            slong * pr = flint_malloc(sizeof(slong) * rep);

            rand_perm(pg, M->n_kv, st);
            for (g = 0; g < M->n_kv; g++)
            {
                rand_perm(pr, rep, st);
                for (i = 0; i < rep; i++)
                    pa[g * rep + i] = pg[g] * rep + pr[i];
            }
            permute_row_blocks(L->Wq, pa, M->n_h, dh);
            permute_row_blocks(L->bq, pa, M->n_h, dh);
            permute_row_blocks(L->Wk, pg, M->n_kv, dh);
            permute_row_blocks(L->bk, pg, M->n_kv, dh);
            permute_row_blocks(L->Wv, pg, M->n_kv, dh);
            permute_row_blocks(L->bv, pg, M->n_kv, dh);
            permute_col_blocks(L->Wo, pa, M->n_h, dh);
            flint_free(pg);
            flint_free(pa);
            flint_free(pr);
            break;
        }
        case LC_LSYM_HEAD_CROSS:
        {
            slong * pa = flint_malloc(sizeof(slong) * M->n_h);

            if (M->n_kv < 2)
            {
                flint_free(pa);
                r = lc_err_set(err, LC_E_ARG, "head_cross needs two KV heads, got %ld",
                               (long) M->n_kv);
                break;
            }
            for (a = 0; a < M->n_h; a++)
                pa[a] = a;
            pa[0] = rep;
            pa[rep] = 0;
            permute_row_blocks(L->Wq, pa, M->n_h, dh);
            permute_row_blocks(L->bq, pa, M->n_h, dh);
            permute_col_blocks(L->Wo, pa, M->n_h, dh);
            flint_free(pa);
            break;
        }
        case LC_LSYM_FFN_PERM:
        {
            slong * p = flint_malloc(sizeof(slong) * M->d_f);

            rand_perm(p, M->d_f, st);
            permute_row_blocks(L->Wg, p, M->d_f, 1);
            permute_row_blocks(L->W1, p, M->d_f, 1);
            permute_col_blocks(L->W2, p, M->d_f, 1);
            flint_free(p);
            break;
        }
        case LC_LSYM_FFN_SCALE:
        case LC_LSYM_GATE_SCALE:
        {
            fmpq_t s;
            slong j;
            fmpq_mat_struct * R = kind == LC_LSYM_FFN_SCALE ? L->W1 : L->Wg;

            fmpq_init(s);
            for (i = 0; i < M->d_f; i++)
            {
                rand_nonzero(s, st);
                if (i == 0 && fmpq_is_one(s))
                    fmpq_set_si(s, 2, 1);
                for (j = 0; j < R->c; j++)
                    fmpq_mul(fmpq_mat_entry(R, i, j), fmpq_mat_entry(R, i, j), s);
                for (j = 0; j < L->W2->r; j++)
                    fmpq_div(fmpq_mat_entry(L->W2, j, i), fmpq_mat_entry(L->W2, j, i), s);
            }
            fmpq_clear(s);
            break;
        }
        default:
            r = lc_err_set(err, LC_E_ARG, "unknown symmetry kind %d", kind);
    }
    fmpq_mat_clear(h);
    fmpq_mat_clear(hit);
    return r;
}

int
lc_llama_transform(lc_tmodel_t out, const lc_tmodel_t M, int kind, flint_rand_t st, lc_err_t err)
{
    slong t;
    int r = LC_OK;

    if (need_llama(M, err) != LC_OK)
        return err->code;
    lc_tmodel_set(out, M);
    for (t = 0; t < out->n_t && r == LC_OK; t++)
        if ((r = lc_limit_check(err)) == LC_OK)
            r = transform_layer(out, out->layers + t, kind, st, err);
    return r;
}

/* ---------------------------------------------------------- rounding */

int
lc_llama_format_from_name(const char * name)
{
    if (strcmp(name, "f16") == 0 || strcmp(name, "F16") == 0)
        return LC_FMT_F16;
    if (strcmp(name, "bf16") == 0 || strcmp(name, "BF16") == 0)
        return LC_FMT_BF16;
    if (strcmp(name, "f32") == 0 || strcmp(name, "F32") == 0)
        return LC_FMT_F32;
    if (strcmp(name, "f64") == 0 || strcmp(name, "F64") == 0)
        return LC_FMT_F64;
    return -1;
}

/* precision p (with the hidden bit), the smallest normal 2^emin, the
   smallest subnormal 2^-s, the largest finite value (2 - 2^(1-p)) 2^emax */
static void
format_params(slong * p, slong * emin, slong * s, slong * emax, int fmt)
{
    if (fmt == LC_FMT_F16)
        *p = 11, *emin = -14, *emax = 15;
    else if (fmt == LC_FMT_BF16)
        *p = 8, *emin = -126, *emax = 127;
    else if (fmt == LC_FMT_F64)
        *p = 53, *emin = -1022, *emax = 1023;
    else
        *p = 24, *emin = -126, *emax = 127;
    *s = -(*emin) + *p - 1;
}

int
lc_llama_round_value(fmpq_t y, const fmpq_t x, int fmt)
{
    slong p, emin, s, emax;
    fmpq_t t;
    fmpz_t q, r, d2;
    arf_t a;
    int st = 0;

    format_params(&p, &emin, &s, &emax, fmt);
    fmpq_init(t);
    fmpz_init(q);
    fmpz_init(r);
    fmpz_init(d2);
    arf_init(a);
    fmpq_abs(t, x);
    fmpq_mul_2exp(t, t, (ulong) (-emin));
    if (fmpq_cmp_ui(t, 1) < 0)
    {
        /* subnormal range: round x 2^s to an integer, ties to even */
        fmpq_mul_2exp(t, x, (ulong) s);
        fmpz_fdiv_qr(q, r, fmpq_numref(t), fmpq_denref(t));
        fmpz_mul_2exp(r, r, 1);
        if (fmpz_cmp(r, fmpq_denref(t)) > 0 || (fmpz_equal(r, fmpq_denref(t)) && fmpz_is_odd(q)))
            fmpz_add_ui(q, q, 1);
        fmpz_one(d2);
        fmpq_set_fmpz_frac(y, q, d2);
        fmpq_div_2exp(y, y, (ulong) s);
    }
    else
    {
        arf_fmpz_div_fmpz(a, fmpq_numref(x), fmpq_denref(x), p, ARF_RND_NEAR);
        arf_get_fmpq(y, a);
        /* overflow: |y| >= 2^(emax + 1) */
        fmpq_abs(t, y);
        fmpq_div_2exp(t, t, (ulong) (emax + 1));
        if (fmpq_cmp_ui(t, 1) >= 0)
            st = 1;
    }
    fmpq_clear(t);
    fmpz_clear(q);
    fmpz_clear(r);
    fmpz_clear(d2);
    arf_clear(a);
    return st;
}

static int
round_mat(fmpq_mat_t A, int fmt, fmpq_t maxrel, const char * what, lc_err_t err)
{
    slong i, j;
    fmpq_t y, d;

    fmpq_init(y);
    fmpq_init(d);
    for (i = 0; i < A->r; i++)
        for (j = 0; j < A->c; j++)
        {
            fmpq * x = fmpq_mat_entry(A, i, j);

            if (lc_llama_round_value(y, x, fmt))
            {
                fmpq_clear(y);
                fmpq_clear(d);
                return lc_err_set(err, LC_E_DOMAIN, "%s[%ld, %ld] overflows %s (largest finite "
                                  "value %s)", what, (long) i + 1, (long) j + 1,
                                  fmt == LC_FMT_F16 ? "F16" : fmt == LC_FMT_BF16 ? "BF16"
                                  : fmt == LC_FMT_F32 ? "F32" : "F64",
                                  fmt == LC_FMT_F16 ? "65504" : fmt == LC_FMT_BF16
                                  ? "about 3.39e38" : fmt == LC_FMT_F32 ? "about 3.40e38"
                                  : "about 1.80e308");
            }
            if (!fmpq_is_zero(x))
            {
                fmpq_sub(d, y, x);
                fmpq_div(d, d, x);
                fmpq_abs(d, d);
                if (fmpq_cmp(d, maxrel) > 0)
                    fmpq_set(maxrel, d);
            }
            fmpq_swap(x, y);
        }
    fmpq_clear(y);
    fmpq_clear(d);
    return LC_OK;
}

int
lc_llama_round_weights(lc_tmodel_t out, fmpq_t maxrel, const lc_tmodel_t M, int fmt, lc_err_t err)
{
    slong t;
    int st = LC_OK, k;

    lc_tmodel_set(out, M);
    fmpq_zero(maxrel);
    for (t = 0; t < out->n_t && st == LC_OK; t++)
    {
        lc_tlayer_struct * L = out->layers + t;
        fmpq_mat_struct * m[17] = { L->Wq, L->bq, L->Wk, L->bk, L->Wv, L->bv, L->Wo, L->bo,
                                    L->W1, L->b1, L->W2, L->b2, L->ln1_w, L->ln1_b, L->ln2_w,
                                    L->ln2_b, L->Wg };
        static const char * const nm[17] = { "Wq", "bq", "Wk", "bk", "Wv", "bv", "Wo", "bo",
                                             "W1", "b1", "W2", "b2", "ln1_w", "ln1_b", "ln2_w",
                                             "ln2_b", "Wg" };

        if ((st = lc_limit_check(err)) != LC_OK)
            break;
        for (k = 0; k < 17 && st == LC_OK; k++)
            st = round_mat(m[k], fmt, maxrel, nm[k], err);
    }
    if (st == LC_OK)
        st = round_mat(out->norm_w, fmt, maxrel, "norm_w", err);
    if (st == LC_OK)
        st = round_mat(out->Wout, fmt, maxrel, "Wout", err);
    return st;
}
