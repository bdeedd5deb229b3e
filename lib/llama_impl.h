/* llama_impl.h -- the forward pass of llama.c with a record of its primal
 * values, for the Jacobian in llama_jac.c; not installed. */
#ifndef LC_LLAMA_IMPL_H
#define LC_LLAMA_IMPL_H

#include "llama.h"

/* A := entries base + k/32 with |k| <= 16, uniformly (transformer.c): exact,
   and small enough that softmax scores stay moderate.  The random GPT-2-
   style and LLaMA-style models both draw their weights with it. */
void _lc_tmodel_rand_fill(fmpq_mat_t A, flint_rand_t st, slong base);

/* The values of one forward pass (one input sequence), per layer t: the
   stream X[t] entering the layer (X[n_t]: entering the final norm), the
   stream Xm[t] after attention, the norms' outputs Y1[t] and Y2[t], Q[t]
   and K[t] after RoPE, V[t], each head's attention matrix A[t n_h + a]
   (zero above the diagonal when causal), the heads' outputs Eh[t] (the
   input of Wo), the gate G[t] = Wg Y2 before the activation, the up
   projection U[t], the gated product H[t] = act(G) U (the input of W2);
   Yf the final norm's output. */
typedef struct
{
    arb_mat_struct * X, * Xm, * Y1, * Y2, * Q, * K, * V, * A, * Eh, * G, * U, * H;
    arb_mat_t Yf;
    slong n_t, n_h;
}
lc_llama_rec_struct;

typedef lc_llama_rec_struct lc_llama_rec_t[1];

void _lc_llama_rec_init(lc_llama_rec_t R, const lc_tmodel_t M);
void _lc_llama_rec_clear(lc_llama_rec_t R);

/* lc_llama_forward, recording the values above in R when R is not NULL
   (R initialised for M); lc_llama_forward is this with R = NULL. */
int _lc_llama_forward_rec(arb_mat_t out, const lc_tmodel_t M, const arb_mat_t E, int causal,
                          slong prec, lc_llama_rec_struct * R, lc_err_t err);

#endif
