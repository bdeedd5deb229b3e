/* llama.h -- LLaMA-family transformers (LLaMA, Mistral, Qwen2): RMSNorm,
 * rotary position embeddings, grouped-query attention, gated feed-forward
 * (SwiGLU, GeGLU), pre-norm layers and a final norm; exact rational weights,
 * evaluated in certified ball arithmetic; their symmetries as exact weight
 * transformations (see doc/llama.md).
 *
 * The model is an lc_tmodel_t with arch = LC_ARCH_LLAMA (transformer.h).
 * Embeddings are d_e x n, one token per column, positions 0 .. n-1.  Layer t:
 *   Y  = RMS(X) * ln1_w           RMS(x) = x / sqrt(mean(x^2) + eps), per token
 *   Q  = Wq Y + bq,  K = Wk Y + bk,  V = Wv Y + bv      (bq, bk, bv: Qwen2; else 0)
 *        Wq is (n_h d_h) x d_e, Wk and Wv are (n_kv d_h) x d_e
 *   RoPE on every head block of Q and K (Hugging Face's rotate_half): for the
 *        pair (i, i + d_h/2), i < d_h/2, at position p and angle p theta^(-2i/d_h),
 *        (x_i, x_{i+d_h/2}) -> (x_i cos - x_{i+d_h/2} sin, x_{i+d_h/2} cos + x_i sin)
 *   head a uses KV head g = a / (n_h / n_kv) (repeat_kv): A_a = softmax of
 *        Q_a^T K_g / sqrt(d_h) over keys (j <= i when causal), H_a = V_g A_a^T
 *   X  = X + Wo concat_a H_a
 *   Y  = RMS(X) * ln2_w
 *   X  = X + W2 (act(Wg Y) * (W1 Y))      Wg gate, W1 up, W2 down; act silu or gelu
 * and after the last layer out = RMS(X) * norm_w, then Wout out when the
 * model has an output map (Wout is 0 x 0 unless fold_rmsnorm put the final
 * gain there).  bo, b1, b2, ln1_b, ln2_b, R1, R2 exist with zero/identity
 * values and are not used. */
#ifndef LC_LLAMA_H
#define LC_LLAMA_H

#include "transformer.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Give M the LLaMA configuration with zero weights, gains 1, eps = 1/10^6,
   rope_theta = 10000, SiLU, no biases, no output map.  LC_E_ARG for sizes
   < 1, an odd d_h or n_kv not dividing n_h; LC_E_LIMIT past
   LC_TMODEL_MAX_DIM / LC_TMODEL_MAX_LAYERS. */
int lc_llama_alloc(lc_tmodel_t M, slong d_e, slong n_h, slong n_kv, slong d_h, slong d_f,
                   slong n_t, lc_err_t err);

/* Weights k/32 (|k| <= 16) and gains 1 + k/32, from st; biases stay zero. */
void lc_llama_randomize(lc_tmodel_t M, flint_rand_t st);

slong lc_llama_nparams(const lc_tmodel_t M);
char * lc_llama_get_str(const lc_tmodel_t M);

/* Y := RMS(X) * w per column (w d x 1, NULL: 1).  LC_E_DOMAIN when
   mean(x^2) + eps of a token is not certainly positive. */
int lc_llama_rms_norm(arb_mat_t Y, const arb_mat_t X, const fmpq_mat_t w, const fmpq_t eps,
                      slong prec, lc_err_t err);

/* C, S := cos and sin of p theta^(-2i/d_h), (d_h/2) x n, i the row, p the column. */
void lc_llama_rope_table(arb_mat_t C, arb_mat_t S, slong d_h, slong n, const fmpq_t theta,
                         slong prec);

/* Rotate the rows r0 .. r0 + d_h - 1 of X (one head, one token per column)
   by the table. */
void lc_llama_rope_apply(arb_mat_t X, slong r0, slong d_h, const arb_mat_t C, const arb_mat_t S,
                         slong prec);

/* out := the model on E (d_e x n), certified. */
int lc_llama_forward(arb_mat_t out, const lc_tmodel_t M, const arb_mat_t E, int causal,
                     slong prec, lc_err_t err);

/* ------------------------------------------------------------ symmetries
   All exact over Q; out may not alias M. */

/* out := M with ln1_w folded into the columns of Wq, Wk, Wv, ln2_w into W1
   and Wg, norm_w into the output map (created as diag(norm_w) when absent);
   every gain becomes 1.  Function preserving, exactly. */
int lc_llama_fold_rmsnorm(lc_tmodel_t out, const lc_tmodel_t M, lc_err_t err);

/* out := M with the residual stream moved by Q (d_e x d_e): the input maps
   Wq, Wk, Wv, W1, Wg and Wout become W Q^T, the output maps Wo, W2 become
   Q W.  When Q is a signed permutation the gains ln1_w, ln2_w, norm_w are
   permuted by |Q| too; otherwise they are left alone.  When every gain is 1
   (after fold_rmsnorm) and Q is orthogonal, or Q is a signed permutation,
   forward(out, Q E) = forward(M, E) with an output map, Q forward(M, E)
   without one. */
int lc_llama_rotate_residual(lc_tmodel_t out, const lc_tmodel_t M, const fmpq_mat_t Q,
                             lc_err_t err);

/* H := the normalised Walsh-Hadamard matrix of order n, H_n / sqrt(n): exact
   and orthogonal when n is a power of 4 (sqrt(n) = 2^k); LC_E_ARG
   otherwise. */
int lc_llama_hadamard(fmpq_mat_t H, slong n, lc_err_t err);

/* Whether Q is a signed permutation matrix. */
int lc_llama_is_signed_perm(const fmpq_mat_t Q);

/* Kinds of exact transformations (lc_llama_transform):
     LC_LSYM_ROPE        Q_a -> C Q_a, K_g -> C^-T K_g with C a random element of
                         the commutant of RoPE (a scaled 2x2 rotation on every
                         frequency pair), one C per KV group: a symmetry
     LC_LSYM_QK_GL       the same with a general C in GL(d_h): not a symmetry
     LC_LSYM_VO          V_g -> u V_g, Wo_a -> Wo_a u^-1 for every query head
                         a of KV group g, u in GL(d_h): a symmetry
     LC_LSYM_VO_UNSHARED u V_g, but u^-1 on the first query head of the group
                         only (GQA, n_h > n_kv): not a symmetry
     LC_LSYM_HEAD_PERM   a random permutation of the KV groups (with their
                         query heads) and of the query heads inside every
                         group: a symmetry
     LC_LSYM_HEAD_CROSS  the swap of the first query heads of KV groups 1
                         and 2, KV heads fixed (n_kv >= 2): not a symmetry
     LC_LSYM_FFN_PERM    a permutation of the hidden units (rows of Wg, W1,
                         columns of W2): a symmetry
     LC_LSYM_FFN_SCALE   rows of W1 times s_i != 0, columns of W2 over s_i:
                         a symmetry
     LC_LSYM_GATE_SCALE  rows of Wg times s_i, columns of W2 over s_i: not a
                         symmetry (the activation is not homogeneous) */
#define LC_LSYM_ROPE 0
#define LC_LSYM_QK_GL 1
#define LC_LSYM_VO 2
#define LC_LSYM_VO_UNSHARED 3
#define LC_LSYM_HEAD_PERM 4
#define LC_LSYM_HEAD_CROSS 5
#define LC_LSYM_FFN_PERM 6
#define LC_LSYM_FFN_SCALE 7
#define LC_LSYM_GATE_SCALE 8
#define LC_LSYM_NKINDS 9

/* "rope", "qk_gl", "vo", "vo_unshared", "head_perm", "head_cross",
   "ffn_perm", "ffn_scale", "gate_scale"; -1 if unknown. */
int lc_llama_sym_from_name(const char * name);
const char * lc_llama_sym_name(int kind);

/* out := M with a random exact element of the kind applied to every layer
   (drawn from st).  LC_E_ARG when the kind does not apply (VO_UNSHARED
   without GQA, HEAD_CROSS with one KV head). */
int lc_llama_transform(lc_tmodel_t out, const lc_tmodel_t M, int kind, flint_rand_t st,
                       lc_err_t err);

/* ------------------------------------------ flat directions (llama_jac.c)
   The parameter vector of a LLaMA model stacks, layer by layer, Wq, Wk, Wv,
   Wo, Wg, W1, W2, ln1_w, ln2_w (and bq, bk, bv with qkv_bias), then norm_w,
   then Wout when present, each row-major; its length is lc_llama_nparams. */
void lc_llama_params_get(fmpq_mat_t v, const lc_tmodel_t M);

/* Limits of llama_flat (the Jacobian is outputs x parameters balls). */
#define LC_LLAMA_FLAT_MAX_PARAMS 8000
#define LC_LLAMA_FLAT_MAX_OUT 10000

/* J := the Jacobian of vec(forward(M, E_s)) (column-major per sequence,
   s = 0..ns-1 stacked) with respect to every parameter, by forward mode in
   balls: (sum_s d_e n_s) x nparams.  One primal pass per sequence, its
   values kept; then one derivative pass per parameter from the parameter's
   layer on. */
int lc_llama_jacobian(arb_mat_t J, const lc_tmodel_t M, const fmpq_mat_struct * Es, slong ns,
                      int causal, slong prec, lc_err_t err);

/* Exact tangents (columns of T, nparams x k) of the continuous symmetries
   of M at M, by kind (an OR):
     LC_LFLAT_FOLD  a gain of ln1_w (ln2_w) against the columns of Wq, Wk, Wv
                    (Wg, W1): 2 d_e per layer; with an output map, the final
                    gains against its columns: d_e more
     LC_LFLAT_ROPE  the RoPE commutant per KV group: d_h per KV head
     LC_LFLAT_VO    GL(d_h) per KV head on V and the group's Wo blocks: d_h^2
     LC_LFLAT_FFN   up row i against down column i: d_f per layer
   Models with q/k/v biases are not covered (the biases would move too).
   Returns k. */
#define LC_LFLAT_FOLD 1
#define LC_LFLAT_ROPE 2
#define LC_LFLAT_VO 4
#define LC_LFLAT_FFN 8
#define LC_LFLAT_ALL 15
slong lc_llama_sym_tangents(fmpq_mat_t T, const lc_tmodel_t M, int kinds);

/* ------------------------------------------------------------- rounding */

#define LC_FMT_F16 0
#define LC_FMT_BF16 1
#define LC_FMT_F32 2
#define LC_FMT_F64 3

/* "f16", "bf16", "f32", "f64" (or upper case); -1 if unknown. */
int lc_llama_format_from_name(const char * name);

/* y := x rounded to the nearest value of the IEEE format (ties to even;
   subnormals included).  Returns 1 when it overflows the format. */
int lc_llama_round_value(fmpq_t y, const fmpq_t x, int fmt);

/* out := M (any architecture) with every weight, bias, gain and the output
   map rounded to the format, as a deployment stores it; maxrel := the
   largest relative change of a nonzero entry.  LC_E_DOMAIN on overflow. */
int lc_llama_round_weights(lc_tmodel_t out, fmpq_t maxrel, const lc_tmodel_t M, int fmt,
                           lc_err_t err);

/* --------------------------------------------------- loading (llama_io.c)
   M := the model of a Hugging Face checkpoint directory: config.json
   (architectures LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM or
   model_type llama/mistral/qwen2; hidden_size, num_attention_heads,
   num_key_value_heads, head_dim, intermediate_size, num_hidden_layers,
   rms_norm_eps, rope_theta, hidden_act, attention_bias) beside
   model.safetensors, tensors named model.layers.N.self_attn.{q,k,v,o}_proj.weight
   (q/k/v biases when present), mlp.{gate,up,down}_proj.weight,
   input_layernorm.weight, post_attention_layernorm.weight, model.norm.weight;
   F64/F32/F16/BF16, read exactly.  Numbers of config.json are read as the
   decimals they print as (1e-06 is 1/10^6).  n_h, n_kv, act (>= 0) and eps,
   theta (non-NULL) override the file's values. */
int lc_llama_load_dir(lc_tmodel_t M, const char * dir, slong n_h, slong n_kv, int act,
                      const fmpq_t eps, const fmpq_t theta, size_t max_bytes, lc_err_t err);

/* Write M to the directory dir (created when missing, one level): dir/model.safetensors with
   Hugging Face names in the format fmt (LC_FMT_*; every value rounded to
   nearest, ties to even), and dir/config.json.  The output map of
   fold_rmsnorm, which has no Hugging Face name, is written as
   liecheck.output_map.weight (load_model reads it back).  maxrel := the
   largest relative change a rounding made (0: the file holds M exactly).
   LC_E_DOMAIN when a value overflows the format. */
int lc_llama_save_dir(fmpq_t maxrel, const lc_tmodel_t M, const char * dir, int fmt,
                      lc_err_t err);

#ifdef __cplusplus
}
#endif

#endif
