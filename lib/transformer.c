/* transformer.c -- transformer stacks with exact weights, evaluated in
 * certified ball arithmetic (see transformer.h and doc/transformer.md).
 *
 * Every step is an Arb operation on balls, so the output encloses the exact
 * value: weights enter as exact rationals (rounded outward only if they do
 * not fit in prec bits), 1/sqrt(d_h), the layer-norm square root, exp in the
 * softmax and erf/tanh in GELU are Arb's certified functions, and ReLU is
 * evaluated on the whole ball. */
#include <string.h>
#include <arb_hypgeom.h>
#include "transformer.h"
#include "llama_impl.h"
#include "equiv.h"
#include "limit.h"
#include "llama.h"

/* ---------------------------------------------------------------- memory */

static void
layer_init(lc_tlayer_struct * L)
{
    fmpq_mat_init(L->Wq, 0, 0);
    fmpq_mat_init(L->Wk, 0, 0);
    fmpq_mat_init(L->Wv, 0, 0);
    fmpq_mat_init(L->bq, 0, 0);
    fmpq_mat_init(L->bk, 0, 0);
    fmpq_mat_init(L->bv, 0, 0);
    fmpq_mat_init(L->Wo, 0, 0);
    fmpq_mat_init(L->bo, 0, 0);
    fmpq_mat_init(L->W1, 0, 0);
    fmpq_mat_init(L->b1, 0, 0);
    fmpq_mat_init(L->W2, 0, 0);
    fmpq_mat_init(L->b2, 0, 0);
    fmpq_mat_init(L->ln1_w, 0, 0);
    fmpq_mat_init(L->ln1_b, 0, 0);
    fmpq_mat_init(L->ln2_w, 0, 0);
    fmpq_mat_init(L->ln2_b, 0, 0);
    fmpq_mat_init(L->R1, 0, 0);
    fmpq_mat_init(L->R2, 0, 0);
    fmpq_mat_init(L->Wg, 0, 0);
}

static void
layer_clear(lc_tlayer_struct * L)
{
    fmpq_mat_clear(L->Wq);
    fmpq_mat_clear(L->Wk);
    fmpq_mat_clear(L->Wv);
    fmpq_mat_clear(L->bq);
    fmpq_mat_clear(L->bk);
    fmpq_mat_clear(L->bv);
    fmpq_mat_clear(L->Wo);
    fmpq_mat_clear(L->bo);
    fmpq_mat_clear(L->W1);
    fmpq_mat_clear(L->b1);
    fmpq_mat_clear(L->W2);
    fmpq_mat_clear(L->b2);
    fmpq_mat_clear(L->ln1_w);
    fmpq_mat_clear(L->ln1_b);
    fmpq_mat_clear(L->ln2_w);
    fmpq_mat_clear(L->ln2_b);
    fmpq_mat_clear(L->R1);
    fmpq_mat_clear(L->R2);
    fmpq_mat_clear(L->Wg);
}

/* A := a copy of B (any shape). */
static void
qset(fmpq_mat_t A, const fmpq_mat_t B)
{
    if (A->r != B->r || A->c != B->c)
    {
        fmpq_mat_clear(A);
        fmpq_mat_init(A, B->r, B->c);
    }
    fmpq_mat_set(A, B);
}

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

static void
qeye(fmpq_mat_t A, slong n)
{
    qzero(A, n, n);
    fmpq_mat_one(A);
}

void
lc_tmodel_init(lc_tmodel_t M)
{
    M->d_e = M->n_h = M->d_h = M->d_f = M->n_t = 0;
    M->norm_first = 1;
    M->activation = LC_ACT_RELU;
    fmpq_init(M->eps);
    M->layers = NULL;
    M->arch = LC_ARCH_GPT;
    M->n_kv = 0;
    M->qkv_bias = 0;
    fmpq_init(M->rope_theta);
    fmpq_mat_init(M->norm_w, 0, 0);
    fmpq_mat_init(M->Wout, 0, 0);
}

void
lc_tmodel_clear(lc_tmodel_t M)
{
    slong t;

    for (t = 0; t < M->n_t; t++)
        layer_clear(M->layers + t);
    flint_free(M->layers);
    fmpq_clear(M->eps);
    fmpq_clear(M->rope_theta);
    fmpq_mat_clear(M->norm_w);
    fmpq_mat_clear(M->Wout);
    M->layers = NULL;
    M->n_t = 0;
}

void
lc_tmodel_set(lc_tmodel_t M, const lc_tmodel_t N)
{
    slong t;

    if (M == N)
        return;
    lc_tmodel_clear(M);
    lc_tmodel_init(M);
    M->d_e = N->d_e;
    M->n_h = N->n_h;
    M->d_h = N->d_h;
    M->d_f = N->d_f;
    M->norm_first = N->norm_first;
    M->activation = N->activation;
    fmpq_set(M->eps, N->eps);
    M->arch = N->arch;
    M->n_kv = N->n_kv;
    M->qkv_bias = N->qkv_bias;
    fmpq_set(M->rope_theta, N->rope_theta);
    qset(M->norm_w, N->norm_w);
    qset(M->Wout, N->Wout);
    M->layers = N->n_t > 0 ? flint_malloc(sizeof(lc_tlayer_struct) * N->n_t) : NULL;
    for (t = 0; t < N->n_t; t++)
    {
        lc_tlayer_struct * L = M->layers + t;
        const lc_tlayer_struct * K = N->layers + t;

        layer_init(L);
        qset(L->Wq, K->Wq);
        qset(L->Wk, K->Wk);
        qset(L->Wv, K->Wv);
        qset(L->bq, K->bq);
        qset(L->bk, K->bk);
        qset(L->bv, K->bv);
        qset(L->Wo, K->Wo);
        qset(L->bo, K->bo);
        qset(L->W1, K->W1);
        qset(L->b1, K->b1);
        qset(L->W2, K->W2);
        qset(L->b2, K->b2);
        qset(L->ln1_w, K->ln1_w);
        qset(L->ln1_b, K->ln1_b);
        qset(L->ln2_w, K->ln2_w);
        qset(L->ln2_b, K->ln2_b);
        qset(L->R1, K->R1);
        qset(L->R2, K->R2);
        qset(L->Wg, K->Wg);
    }
    M->n_t = N->n_t;
}

int
lc_tmodel_alloc(lc_tmodel_t M, slong d_e, slong n_h, slong d_h, slong d_f, slong n_t,
                lc_err_t err)
{
    slong t, hd;

    if (d_e < 1 || n_h < 1 || d_h < 1 || d_f < 1 || n_t < 1)
        return lc_err_set(err, LC_E_ARG, "sizes must be positive, got d_e=%ld n_h=%ld d_h=%ld "
                          "d_f=%ld n_t=%ld", (long) d_e, (long) n_h, (long) d_h, (long) d_f,
                          (long) n_t);
    if (d_e > LC_TMODEL_MAX_DIM || d_f > LC_TMODEL_MAX_DIM || n_h > LC_TMODEL_MAX_DIM
        || d_h > LC_TMODEL_MAX_DIM || n_h * d_h > LC_TMODEL_MAX_DIM)
        return lc_err_set(err, LC_E_LIMIT, "d_e, d_f and n_h * d_h must be at most %d, got "
                          "d_e=%ld d_f=%ld n_h*d_h=%ld", LC_TMODEL_MAX_DIM, (long) d_e,
                          (long) d_f, (long) (n_h <= LC_TMODEL_MAX_DIM && d_h <= LC_TMODEL_MAX_DIM
                                              ? n_h * d_h : -1));
    if (n_t > LC_TMODEL_MAX_LAYERS)
        return lc_err_set(err, LC_E_LIMIT, "at most %d layers, got %ld", LC_TMODEL_MAX_LAYERS,
                          (long) n_t);
    lc_tmodel_clear(M);
    lc_tmodel_init(M);
    M->d_e = d_e;
    M->n_h = n_h;
    M->d_h = d_h;
    M->d_f = d_f;
    M->n_kv = n_h;
    hd = n_h * d_h;
    M->layers = flint_malloc(sizeof(lc_tlayer_struct) * n_t);
    for (t = 0; t < n_t; t++)
    {
        lc_tlayer_struct * L = M->layers + t;

        layer_init(L);
        qzero(L->Wq, hd, d_e);
        qzero(L->Wk, hd, d_e);
        qzero(L->Wv, hd, d_e);
        qzero(L->bq, hd, 1);
        qzero(L->bk, hd, 1);
        qzero(L->bv, hd, 1);
        qzero(L->Wo, d_e, hd);
        qzero(L->bo, d_e, 1);
        qzero(L->W1, d_f, d_e);
        qzero(L->b1, d_f, 1);
        qzero(L->W2, d_e, d_f);
        qzero(L->b2, d_e, 1);
        qones(L->ln1_w, d_e);
        qzero(L->ln1_b, d_e, 1);
        qones(L->ln2_w, d_e);
        qzero(L->ln2_b, d_e, 1);
        qeye(L->R1, d_e);
        qeye(L->R2, d_e);
    }
    M->n_t = n_t;
    return LC_OK;
}

/* Entries k/32 with |k| <= 16: exact, and small enough that softmax scores
   stay moderate. */
void
_lc_tmodel_rand_fill(fmpq_mat_t A, flint_rand_t st, slong base)
{
    slong i, j;

    for (i = 0; i < A->r; i++)
        for (j = 0; j < A->c; j++)
        {
            fmpq * x = fmpq_mat_entry(A, i, j);

            fmpz_set_si(fmpq_numref(x), base * 32 + (slong) n_randint(st, 33) - 16);
            fmpz_set_ui(fmpq_denref(x), 32);
            fmpq_canonicalise(x);
        }
}

void
lc_tmodel_randomize(lc_tmodel_t M, flint_rand_t st)
{
    slong t;

    for (t = 0; t < M->n_t; t++)
    {
        lc_tlayer_struct * L = M->layers + t;

        _lc_tmodel_rand_fill(L->Wq, st, 0);
        _lc_tmodel_rand_fill(L->Wk, st, 0);
        _lc_tmodel_rand_fill(L->Wv, st, 0);
        _lc_tmodel_rand_fill(L->bq, st, 0);
        _lc_tmodel_rand_fill(L->bk, st, 0);
        _lc_tmodel_rand_fill(L->bv, st, 0);
        _lc_tmodel_rand_fill(L->Wo, st, 0);
        _lc_tmodel_rand_fill(L->bo, st, 0);
        _lc_tmodel_rand_fill(L->W1, st, 0);
        _lc_tmodel_rand_fill(L->b1, st, 0);
        _lc_tmodel_rand_fill(L->W2, st, 0);
        _lc_tmodel_rand_fill(L->b2, st, 0);
        _lc_tmodel_rand_fill(L->ln1_w, st, 1);     /* 1 + k/32: near 1 */
        _lc_tmodel_rand_fill(L->ln1_b, st, 0);
        _lc_tmodel_rand_fill(L->ln2_w, st, 1);
        _lc_tmodel_rand_fill(L->ln2_b, st, 0);
    }
}

slong
lc_tmodel_nparams(const lc_tmodel_t M)
{
    slong t, n = 0;

    if (M->arch == LC_ARCH_LLAMA)
        return lc_llama_nparams(M);
    for (t = 0; t < M->n_t; t++)
    {
        const lc_tlayer_struct * L = M->layers + t;
        const fmpq_mat_struct * m[16] = { L->Wq, L->Wk, L->Wv, L->bq, L->bk, L->bv, L->Wo, L->bo,
                                          L->W1, L->b1, L->W2, L->b2, L->ln1_w, L->ln1_b,
                                          L->ln2_w, L->ln2_b };
        int k;

        for (k = 0; k < 16; k++)
            n += m[k]->r * m[k]->c;
    }
    return n;
}

const char *
lc_tmodel_act_name(int activation)
{
    switch (activation)
    {
        case LC_ACT_RELU: return "relu";
        case LC_ACT_GELU: return "gelu";
        case LC_ACT_GELU_TANH: return "gelu_tanh";
        case LC_ACT_SILU: return "silu";
        default: return "unknown";
    }
}

int
lc_tmodel_act_from_name(const char * name)
{
    if (strcmp(name, "relu") == 0)
        return LC_ACT_RELU;
    if (strcmp(name, "gelu") == 0)
        return LC_ACT_GELU;
    if (strcmp(name, "gelu_tanh") == 0 || strcmp(name, "gelu_new") == 0
        || strcmp(name, "gelu_pytorch_tanh") == 0)
        return LC_ACT_GELU_TANH;
    if (strcmp(name, "silu") == 0 || strcmp(name, "swish") == 0)
        return LC_ACT_SILU;
    return -1;
}

char *
lc_tmodel_get_str(const lc_tmodel_t M)
{
    char * s;

    if (M->arch == LC_ARCH_LLAMA)
        return lc_llama_get_str(M);
    s = flint_malloc(160);
    snprintf(s, 160, "transformer d_e=%ld n_h=%ld d_h=%ld d_f=%ld n_t=%ld %s %s", (long) M->d_e,
             (long) M->n_h, (long) M->d_h, (long) M->d_f, (long) M->n_t,
             M->norm_first ? "pre-norm" : "post-norm", lc_tmodel_act_name(M->activation));
    return s;
}

/* ------------------------------------------------------------ the pieces */

int
lc_tmodel_layer_norm(arb_mat_t Y, const arb_mat_t X, const fmpq_mat_t w, const fmpq_mat_t b,
                     const fmpq_t eps, slong prec, lc_err_t err)
{
    slong d = arb_mat_nrows(X), n = arb_mat_ncols(X), i, k;
    arb_t mean, var, s, t, c;
    arb_mat_t T;
    int st = LC_OK;

    if ((w != NULL && (w->r != d || w->c != 1)) || (b != NULL && (b->r != d || b->c != 1)))
        return lc_err_set(err, LC_E_DIM, "layer norm: scale and shift must be %ldx1", (long) d);
    if (d < 1)
        return lc_err_set(err, LC_E_DIM, "layer norm of an empty vector");
    arb_init(mean);
    arb_init(var);
    arb_init(s);
    arb_init(t);
    arb_init(c);
    arb_mat_init(T, d, n);
    for (i = 0; i < n && st == LC_OK; i++)
    {
        arb_zero(mean);
        for (k = 0; k < d; k++)
            arb_add(mean, mean, arb_mat_entry(X, k, i), prec);
        arb_div_si(mean, mean, d, prec);
        arb_zero(var);
        for (k = 0; k < d; k++)
        {
            arb_sub(c, arb_mat_entry(X, k, i), mean, prec);
            arb_addmul(var, c, c, prec);
        }
        arb_div_si(var, var, d, prec);
        arb_set_fmpq(t, eps, prec);
        arb_add(var, var, t, prec);
        if (!arb_is_positive(var))
        {
            st = lc_err_set(err, LC_E_DOMAIN, "layer norm: variance + eps of token %ld is not "
                            "certainly positive at %ld bits (a constant token with eps = 0?)",
                            (long) i + 1, (long) prec);
            break;
        }
        arb_rsqrt(s, var, prec);
        for (k = 0; k < d; k++)
        {
            arb_ptr y = arb_mat_entry(T, k, i);

            arb_sub(y, arb_mat_entry(X, k, i), mean, prec);
            arb_mul(y, y, s, prec);
            if (w != NULL)
            {
                arb_set_fmpq(t, fmpq_mat_entry(w, k, 0), prec);
                arb_mul(y, y, t, prec);
            }
            if (b != NULL)
            {
                arb_set_fmpq(t, fmpq_mat_entry(b, k, 0), prec);
                arb_add(y, y, t, prec);
            }
        }
    }
    if (st == LC_OK)
        arb_mat_swap(Y, T);
    arb_mat_clear(T);
    arb_clear(mean);
    arb_clear(var);
    arb_clear(s);
    arb_clear(t);
    arb_clear(c);
    return st;
}

void
lc_tmodel_activate(arb_t y, const arb_t x, int activation, slong prec)
{
    arb_t t, u;

    if (activation == LC_ACT_SILU)
    {
        /* x / (1 + exp(-x)) */
        arb_init(t);
        arb_neg(t, x);
        arb_exp(t, t, prec);
        arb_add_ui(t, t, 1, prec);
        arb_div(y, x, t, prec);
        arb_clear(t);
        return;
    }
    if (activation == LC_ACT_RELU)
    {
        if (arb_is_nonnegative(x))
            arb_set(y, x);
        else if (arb_is_nonpositive(x))
            arb_zero(y);
        else
        {
            /* The ball straddles 0: every max(0, x') lies in [0, upper(x)]. */
            arf_t lo, hi;

            arf_init(lo);
            arf_init(hi);
            arb_get_ubound_arf(hi, x, prec);
            arb_set_interval_arf(y, lo, hi, prec);
            arf_clear(lo);
            arf_clear(hi);
        }
        return;
    }
    arb_init(t);
    arb_init(u);
    if (activation == LC_ACT_GELU)
    {
        /* x (1 + erf(x / sqrt 2)) / 2 */
        arb_sqrt_ui(t, 2, prec);
        arb_div(t, x, t, prec);
        arb_hypgeom_erf(t, t, prec);
    }
    else
    {
        /* x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) / 2, the constant
           taken as the exact decimal 44715/10^6. */
        arb_pow_ui(t, x, 3, prec);
        arb_mul_si(t, t, 44715, prec);
        arb_div_si(t, t, 1000000, prec);
        arb_add(t, t, x, prec);
        arb_const_pi(u, prec);
        arb_ui_div(u, 2, u, prec);
        arb_sqrt(u, u, prec);
        arb_mul(t, t, u, prec);
        arb_tanh(t, t, prec);
    }
    arb_add_ui(t, t, 1, prec);
    arb_mul(t, t, x, prec);
    arb_mul_2exp_si(y, t, -1);
    arb_clear(t);
    arb_clear(u);
}

/* Y := W X + b (b a column, added to every column). */
static void
affine(arb_mat_t Y, const arb_mat_t W, const arb_mat_t X, const arb_mat_t b, slong prec)
{
    slong i, j;

    lc_ball_resize(Y, arb_mat_nrows(W), arb_mat_ncols(X));
    arb_mat_mul(Y, W, X, prec);
    for (i = 0; i < arb_mat_nrows(Y); i++)
        for (j = 0; j < arb_mat_ncols(Y); j++)
            arb_add(arb_mat_entry(Y, i, j), arb_mat_entry(Y, i, j), arb_mat_entry(b, i, 0), prec);
}

/* Y := Y + R X, skipping the product when R = I (the default). */
static void
add_skip(arb_mat_t Y, const fmpq_mat_t R, const arb_mat_t X, slong prec)
{
    if (fmpq_mat_is_one(R))
        arb_mat_add(Y, Y, X, prec);
    else
    {
        arb_mat_t Rb, T;

        arb_mat_init(Rb, 0, 0);
        arb_mat_init(T, arb_mat_nrows(X), arb_mat_ncols(X));
        lc_ball_set_qmat(Rb, R, prec);
        arb_mat_mul(T, Rb, X, prec);
        arb_mat_add(Y, Y, T, prec);
        arb_mat_clear(Rb);
        arb_mat_clear(T);
    }
}

/* Out := Wo concat_a (V_a Y + bv_a) A_a^T + bo, eqs. (2)-(4) without the
   skip connection. */
static int
attention(arb_mat_t Out, const lc_tmodel_t M, const lc_tlayer_struct * L, const arb_mat_t Y,
          int causal, slong prec, lc_err_t err)
{
    slong n = arb_mat_ncols(Y), dh = M->d_h, a, i, j;
    arb_mat_t W, b, Q, K, V, Qt, S, A, H, Eh, row, sm;
    arb_t scale;
    int st = LC_OK;

    arb_mat_init(W, 0, 0);
    arb_mat_init(b, 0, 0);
    arb_mat_init(Q, 0, 0);
    arb_mat_init(K, 0, 0);
    arb_mat_init(V, 0, 0);
    arb_mat_init(Qt, n, dh);
    arb_mat_init(S, n, n);
    arb_mat_init(A, n, n);
    arb_mat_init(H, dh, n);
    arb_mat_init(Eh, M->n_h * dh, n);
    arb_mat_init(sm, 0, 0);
    arb_init(scale);

    lc_ball_set_qmat(W, L->Wq, prec);
    lc_ball_set_qmat(b, L->bq, prec);
    affine(Q, W, Y, b, prec);
    lc_ball_set_qmat(W, L->Wk, prec);
    lc_ball_set_qmat(b, L->bk, prec);
    affine(K, W, Y, b, prec);
    lc_ball_set_qmat(W, L->Wv, prec);
    lc_ball_set_qmat(b, L->bv, prec);
    affine(V, W, Y, b, prec);
    arb_set_si(scale, dh);
    arb_rsqrt(scale, scale, prec);

    for (a = 0; a < M->n_h && st == LC_OK && (st = lc_limit_check(err)) == LC_OK; a++)
    {
        arb_mat_t Qa, Ka, Va;

        arb_mat_window_init(Qa, Q, a * dh, 0, (a + 1) * dh, n);
        arb_mat_window_init(Ka, K, a * dh, 0, (a + 1) * dh, n);
        arb_mat_window_init(Va, V, a * dh, 0, (a + 1) * dh, n);
        arb_mat_transpose(Qt, Qa);
        arb_mat_mul(S, Qt, Ka, prec);
        arb_mat_scalar_mul_arb(S, S, scale, prec);
        if (!causal)
            st = lc_ball_softmax_rows(A, S, prec, err);
        else
        {
            /* Mask: query i sees keys j <= i; the masked entries are exactly 0. */
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
            arb_mat_t At;

            arb_mat_init(At, n, n);
            arb_mat_transpose(At, A);
            arb_mat_mul(H, Va, At, prec);
            arb_mat_clear(At);
            for (i = 0; i < dh; i++)
                for (j = 0; j < n; j++)
                    arb_swap(arb_mat_entry(Eh, a * dh + i, j), arb_mat_entry(H, i, j));
        }
        arb_mat_window_clear(Qa);
        arb_mat_window_clear(Ka);
        arb_mat_window_clear(Va);
    }
    if (st == LC_OK)
    {
        lc_ball_set_qmat(W, L->Wo, prec);
        lc_ball_set_qmat(b, L->bo, prec);
        affine(Out, W, Eh, b, prec);
    }
    arb_mat_clear(W);
    arb_mat_clear(b);
    arb_mat_clear(Q);
    arb_mat_clear(K);
    arb_mat_clear(V);
    arb_mat_clear(Qt);
    arb_mat_clear(S);
    arb_mat_clear(A);
    arb_mat_clear(H);
    arb_mat_clear(Eh);
    arb_mat_clear(sm);
    arb_clear(scale);
    return st;
}

/* Out := W2 act(W1 Y + b1) + b2, eq. (5) without the skip connection. */
static void
feed_forward(arb_mat_t Out, const lc_tmodel_t M, const lc_tlayer_struct * L, const arb_mat_t Y,
             slong prec)
{
    arb_mat_t W, b, H;
    slong i, j;

    arb_mat_init(W, 0, 0);
    arb_mat_init(b, 0, 0);
    arb_mat_init(H, 0, 0);
    lc_ball_set_qmat(W, L->W1, prec);
    lc_ball_set_qmat(b, L->b1, prec);
    affine(H, W, Y, b, prec);
    for (i = 0; i < arb_mat_nrows(H); i++)
        for (j = 0; j < arb_mat_ncols(H); j++)
            lc_tmodel_activate(arb_mat_entry(H, i, j), arb_mat_entry(H, i, j), M->activation, prec);
    lc_ball_set_qmat(W, L->W2, prec);
    lc_ball_set_qmat(b, L->b2, prec);
    affine(Out, W, H, b, prec);
    arb_mat_clear(W);
    arb_mat_clear(b);
    arb_mat_clear(H);
}

/* X := layer t applied to X. */
static int
layer_forward(arb_mat_t X, const lc_tmodel_t M, slong t, int causal, slong prec, lc_err_t err)
{
    const lc_tlayer_struct * L = M->layers + t;
    arb_mat_t Y, Z, Et;
    int st;

    arb_mat_init(Y, 0, 0);
    arb_mat_init(Z, 0, 0);
    arb_mat_init(Et, 0, 0);
    if (M->norm_first)
    {
        /* Etil = attn(LN1 E) + R1 E;  E' = ffn(LN2 Etil) + R2 Etil */
        if ((st = lc_tmodel_layer_norm(Y, X, L->ln1_w, L->ln1_b, M->eps, prec, err)) != LC_OK)
            goto done;
        if ((st = attention(Et, M, L, Y, causal, prec, err)) != LC_OK)
            goto done;
        add_skip(Et, L->R1, X, prec);
        if ((st = lc_tmodel_layer_norm(Y, Et, L->ln2_w, L->ln2_b, M->eps, prec, err)) != LC_OK)
            goto done;
        feed_forward(Z, M, L, Y, prec);
        add_skip(Z, L->R2, Et, prec);
        arb_mat_swap(X, Z);
    }
    else
    {
        /* Etil = LN1(R1 E + attn(E));  E' = LN2(R2 Etil + ffn(Etil)) */
        if ((st = attention(Y, M, L, X, causal, prec, err)) != LC_OK)
            goto done;
        add_skip(Y, L->R1, X, prec);
        if ((st = lc_tmodel_layer_norm(Et, Y, L->ln1_w, L->ln1_b, M->eps, prec, err)) != LC_OK)
            goto done;
        feed_forward(Z, M, L, Et, prec);
        add_skip(Z, L->R2, Et, prec);
        if ((st = lc_tmodel_layer_norm(X, Z, L->ln2_w, L->ln2_b, M->eps, prec, err)) != LC_OK)
            goto done;
    }
done:
    if (st != LC_OK)
    {
        char msg[LC_ERR_MSG_LEN];

        memcpy(msg, err->msg, sizeof msg);
        msg[LC_ERR_MSG_LEN - 40] = '\0';
        lc_err_set(err, st, "layer %ld: %s", (long) t, msg);
    }
    arb_mat_clear(Y);
    arb_mat_clear(Z);
    arb_mat_clear(Et);
    return st;
}

int
lc_tmodel_forward(arb_mat_t out, const lc_tmodel_t M, const arb_mat_t E, int causal, slong prec,
                  lc_err_t err)
{
    arb_mat_t X;
    slong t;
    int st = LC_OK;

    if (M->n_t < 1 || M->layers == NULL)
        return lc_err_set(err, LC_E_ARG, "the model has no layers");
    if (M->arch == LC_ARCH_LLAMA)
        return lc_llama_forward(out, M, E, causal, prec, err);
    if (prec < 2)
        return lc_err_set(err, LC_E_ARG, "precision must be at least 2 bits, got %ld", (long) prec);
    if (arb_mat_nrows(E) != M->d_e || arb_mat_ncols(E) < 1)
        return lc_err_set(err, LC_E_DIM, "the embeddings must be d_e x n_c = %ld x n_c with "
                          "n_c >= 1 (one token per column), got %ldx%ld", (long) M->d_e,
                          (long) arb_mat_nrows(E), (long) arb_mat_ncols(E));
    if (arb_mat_ncols(E) > LC_TMODEL_MAX_DIM)
        return lc_err_set(err, LC_E_LIMIT, "at most %d tokens, got %ld", LC_TMODEL_MAX_DIM,
                          (long) arb_mat_ncols(E));
    arb_mat_init(X, arb_mat_nrows(E), arb_mat_ncols(E));
    arb_mat_set(X, E);
    for (t = 0; t < M->n_t && st == LC_OK; t++)
        if ((st = lc_limit_check(err)) == LC_OK)
            st = layer_forward(X, M, t, causal, prec, err);
    if (st == LC_OK)
        arb_mat_swap(out, X);
    arb_mat_clear(X);
    return st;
}
