/* transformer.h -- transformer stacks with exact rational weights, evaluated
 * in certified ball arithmetic (van Nierop, "Transformer models are gauge
 * invariant", eqs. (1)-(5) and (18)-(21)).
 *
 * Embeddings are d_e x n_c matrices, one token per column, as in the paper
 * (a PyTorch batch-first input is the transpose).  Weights are exact
 * rationals: float32, float64 and bfloat16 values are dyadic, so files load
 * exactly.  A forward pass returns a ball matrix that contains the exact
 * output of the exact model on the exact input.
 *
 * One layer (block) alpha, pre-norm (norm_first = 1, the paper's order):
 *   Ebar   = LN1(E)                                   layer norm per token
 *   A_a    = Rownorm(Mask(Ebar^T Q_a^T K_a Ebar / sqrt(d_h)))   head a, eq. (2)
 *            with Q_a = rows a*d_h .. a*d_h + d_h - 1 of Wq (plus bq), etc.
 *   Ehat   = concat_a (V_a Ebar + bv_a) A_a^T          eq. (3), (n_h d_h) x n_c
 *   Etil   = Wo Ehat + bo + R1 E                       eq. (4) (R1 = I unless eqs. 18-21)
 *   E'     = W2 act(W1 LN2(Etil) + b1) + b2 + R2 Etil  eq. (5)
 * post-norm (norm_first = 0, PyTorch's default):
 *   Etil = LN1(R1 E + attn(E)),  E' = LN2(R2 Etil + ffn(Etil)).
 * Rownorm is the softmax over j for each query i; Mask sets j > i to -inf
 * when causal.  LN(x) = (x - mean(x)) / sqrt(var(x) + eps) * w + b, with
 * var the biased variance (PyTorch's), per token. */
#ifndef LC_TRANSFORMER_H
#define LC_TRANSFORMER_H

#include "qmat.h"
#include "ball.h"
#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

#define LC_ACT_RELU 0
#define LC_ACT_GELU 1       /* exact GELU: x * (1 + erf(x / sqrt 2)) / 2 */

/* Limits: sizes a model may have (explicit, reported as LC_E_LIMIT). */
#define LC_TMODEL_MAX_DIM 4096
#define LC_TMODEL_MAX_LAYERS 256

typedef struct
{
    fmpq_mat_t Wq, Wk, Wv;      /* (n_h d_h) x d_e; head a is rows a*d_h .. */
    fmpq_mat_t bq, bk, bv;      /* (n_h d_h) x 1 (zero without biases) */
    fmpq_mat_t Wo, bo;          /* d_e x (n_h d_h), d_e x 1: the paper's L */
    fmpq_mat_t W1, b1;          /* d_f x d_e, d_f x 1: the paper's W */
    fmpq_mat_t W2, b2;          /* d_e x d_f, d_e x 1: the paper's W-hat */
    fmpq_mat_t ln1_w, ln1_b;    /* d_e x 1: scale and shift of LN1 (1 and 0 when strict) */
    fmpq_mat_t ln2_w, ln2_b;
    fmpq_mat_t R1, R2;          /* d_e x d_e: rotations in the skip connections (I by default) */
}
lc_tlayer_struct;

typedef struct
{
    slong d_e, n_h, d_h, d_f, n_t;
    int norm_first;             /* 1: pre-norm (the paper's), 0: post-norm */
    int activation;             /* LC_ACT_RELU or LC_ACT_GELU */
    fmpq_t eps;                 /* added to the variance in every layer norm */
    lc_tlayer_struct * layers;  /* n_t of them */
}
lc_tmodel_struct;

typedef lc_tmodel_struct lc_tmodel_t[1];

void lc_tmodel_init(lc_tmodel_t M);
void lc_tmodel_clear(lc_tmodel_t M);
void lc_tmodel_set(lc_tmodel_t M, const lc_tmodel_t N);

/* Give M the configuration (d_e, n_h, d_h, d_f, n_t) with zero weights and
   biases, layer-norm scales 1 and shifts 0, R1 = R2 = I, pre-norm, ReLU,
   eps = 0.  LC_E_ARG / LC_E_LIMIT for bad sizes. */
int lc_tmodel_alloc(lc_tmodel_t M, slong d_e, slong n_h, slong d_h, slong d_f, slong n_t,
                    lc_err_t err);

/* Every weight and bias drawn as a random rational with small numerator and
   power-of-two denominator (so exact and cheap), from st; layer-norm scales
   near 1. */
void lc_tmodel_randomize(lc_tmodel_t M, flint_rand_t st);

/* out := the model applied to the embeddings E (d_e x n_c), certified. */
int lc_tmodel_forward(arb_mat_t out, const lc_tmodel_t M, const arb_mat_t E, int causal,
                      slong prec, lc_err_t err);

/* The number of scalar parameters (every weight and bias entry, layer-norm
   scales and shifts; not R1, R2). */
slong lc_tmodel_nparams(const lc_tmodel_t M);

#ifdef __cplusplus
}
#endif

#endif
