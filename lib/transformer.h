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
#define LC_ACT_GELU_TANH 2  /* GPT-2's: x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) / 2 */
#define LC_ACT_SILU 3       /* x / (1 + exp(-x)) (LLaMA's SwiGLU gate) */

/* Architectures: GPT-2-style (layer norm, biases, W2 act(W1 x)) and
   LLaMA-style (RMSNorm, RoPE, grouped-query attention, gated feed-forward
   W2 (act(Wg x) * W1 x), a final norm); the latter in lib/llama.h. */
#define LC_ARCH_GPT 0
#define LC_ARCH_LLAMA 1

/* Limits: sizes a model may have (explicit, reported as LC_E_LIMIT). */
#define LC_TMODEL_MAX_DIM 4096
#define LC_TMODEL_MAX_LAYERS 256
/* The memory a safetensors load may take (its header parsed, the model as
   exact rationals), estimated from the header before anything is allocated;
   a default that lc_tload_opts_struct.max_bytes can lower or raise. */
#define LC_TMODEL_MAX_BYTES (WORD(1) << 30)

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
    fmpq_mat_t Wg;              /* LLaMA: d_f x d_e, the gate (W1 is up, W2 down); else 0 x 0 */
}
lc_tlayer_struct;

typedef struct
{
    slong d_e, n_h, d_h, d_f, n_t;
    int norm_first;             /* 1: pre-norm (the paper's), 0: post-norm */
    int activation;             /* LC_ACT_RELU or LC_ACT_GELU */
    fmpq_t eps;                 /* added to the variance in every layer norm */
    lc_tlayer_struct * layers;  /* n_t of them */
    /* LC_ARCH_LLAMA only (lib/llama.h); GPT models have arch = LC_ARCH_GPT,
       n_kv = n_h, and the rest empty. */
    int arch;
    slong n_kv;                 /* key/value heads, dividing n_h (GQA; 1: MQA) */
    int qkv_bias;               /* whether bq, bk, bv are parameters (Qwen2) */
    fmpq_t rope_theta;          /* the RoPE base */
    fmpq_mat_t norm_w;          /* d_e x 1: the final RMSNorm's gains */
    fmpq_mat_t Wout;            /* d_o x d_e after the final norm, or 0 x 0 (none) */
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

/* Y := LN(X) column by column (each column a token): (x - mean) /
   sqrt(var + eps) * w + b, var the biased variance; w, b are d x 1 (NULL:
   1 and 0).  LC_E_DOMAIN when var + eps of a token is not certainly
   positive (a constant token with eps = 0); LC_E_DIM on shape mismatch. */
int lc_tmodel_layer_norm(arb_mat_t Y, const arb_mat_t X, const fmpq_mat_t w,
                         const fmpq_mat_t b, const fmpq_t eps, slong prec, lc_err_t err);

/* y := act(x), certified (ReLU of a ball straddling 0 is [0, upper]). */
void lc_tmodel_activate(arb_t y, const arb_t x, int activation, slong prec);

/* "relu", "gelu", "gelu_tanh"; and back (-1 if unknown). */
const char * lc_tmodel_act_name(int activation);
int lc_tmodel_act_from_name(const char * name);

/* One line: "transformer d_e=8 n_h=2 d_h=4 d_f=16 n_t=2 pre-norm gelu".
   Free with flint_free. */
char * lc_tmodel_get_str(const lc_tmodel_t M);

/* The number of scalar parameters (every weight and bias entry, layer-norm
   scales and shifts; not R1, R2). */
slong lc_tmodel_nparams(const lc_tmodel_t M);

/* ------------------------------------------ loading (transformer_io.c) */

#define LC_TMAP_AUTO 0      /* whichever of the two the file's names match */
#define LC_TMAP_TORCH 1     /* nn.TransformerEncoder: [P]layers.N.self_attn.in_proj_weight, ... */
#define LC_TMAP_GPT2 2      /* GPT-2: [P]h.N.attn.c_attn.weight (Conv1D, transposed), ... */

/* What a safetensors file cannot say.  Sizes and the layer count are read
   from the file; these come from the caller. */
typedef struct
{
    slong n_h;              /* heads (must divide d_e); d_h = d_e / n_h */
    int activation;         /* LC_ACT_* */
    int norm_first;         /* 1: pre-norm (GPT-2, norm_first=True), 0: post-norm */
    fmpq_t eps;             /* the layer-norm eps (PyTorch's and GPT-2's: 1/100000) */
    int mapping;            /* LC_TMAP_* */
    size_t max_bytes;       /* the memory the load may take (LC_TMODEL_MAX_BYTES) */
}
lc_tload_opts_struct;

typedef lc_tload_opts_struct lc_tload_opts_t[1];

/* Defaults: n_h = 1, ReLU, post-norm (PyTorch's defaults), eps = 1/100000,
   LC_TMAP_AUTO, max_bytes = LC_TMODEL_MAX_BYTES. */
void lc_tload_opts_init(lc_tload_opts_t o);
void lc_tload_opts_clear(lc_tload_opts_t o);

/* M := the transformer stored in the safetensors file at path (an 8-byte
   little-endian header length, a JSON header, raw little-endian tensors).
   F64, F32, F16 and BF16 tensors are read exactly (every finite IEEE value
   is a dyadic rational).  The layer names may carry a common prefix
   ("encoder.", "transformer.").  The file is checked as the format defines
   it before anything else is read: a regular file (a directory, FIFO or
   device is refused without blocking), a header length within the file, a
   JSON object (padded with spaces only) whose __metadata__ maps strings to
   strings and whose tensors have known dtypes, byte sizes equal to shape x
   dtype, and offsets that tile the data buffer exactly (no overlap, no
   hole, no unused byte).  The memory the load needs is bounded from the
   header and checked against opts->max_bytes before the model is
   allocated.  Messages never quote the file's bytes; tensor names appear
   escaped and shortened to 60 characters.  Errors, with M unchanged:
   LC_E_IO (cannot open or read, not a regular file), LC_E_PARSE (not
   safetensors, truncated, bad JSON, a non-conforming header, non-finite or
   unsupported values: the message names the tensor), LC_E_DIM (wrong
   shapes), LC_E_ARG (missing tensors, bad opts), LC_E_LIMIT (sizes beyond
   LC_TMODEL_MAX_DIM / LC_TMODEL_MAX_LAYERS, memory beyond max_bytes). */
int lc_tmodel_load_safetensors(lc_tmodel_t M, const char * path,
                               const lc_tload_opts_struct * opts, lc_err_t err);

/* The same from the size bytes at data (the whole file in memory); name
   stands for the file in messages. */
int lc_tmodel_load_safetensors_buffer(lc_tmodel_t M, const void * data, size_t size,
                                      const char * name, const lc_tload_opts_struct * opts,
                                      lc_err_t err);

#ifdef __cplusplus
}
#endif

#endif
