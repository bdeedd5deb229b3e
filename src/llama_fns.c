/* llama_fns.c -- built-ins for LLaMA-family models (lib/llama): seeded random
 * models, the RMSNorm fold, residual-stream rotations (QuaRot/SliceGPT),
 * normalised Hadamard matrices, and exact random elements of the other
 * symmetry groups.  forward() and load_model() (a checkpoint directory)
 * live in transformer_fns.c and dispatch on the model. */
#include "config.h"
#include <string.h>
#include "eval.h"
#include "builtins.h"
#include "llama.h"
#include "gauge.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

static int
need_llama(const lc_val v, lc_err_t err)
{
    if (v->u.model->arch != LC_ARCH_LLAMA)
        return lc_err_set(err, LC_E_ARG, "expected a LLaMA-style model (random_llama, or "
                          "load_model of a checkpoint directory)");
    return LC_OK;
}

/* random_llama(d_e, n_h, n_kv, d_h, d_f, n_t, activation = "silu",
   rope_theta = 10000, qkv_bias = false) */
static int
bi_random_llama(ARGS)
{
    int act = LC_ACT_SILU;
    lc_val v;

    UNUSED_ARGS;
    if (nargs > 6 && args[6]->type != LC_V_NIL
        && ((act = lc_tmodel_act_from_name(args[6]->u.str.s)) < 0 || act == LC_ACT_RELU))
        return lc_err_set(err, LC_E_ARG, "activation must be \"silu\", \"gelu\" or "
                          "\"gelu_tanh\", got \"%.40s\"", args[6]->u.str.s);
    if (nargs > 7 && args[7]->type != LC_V_NIL && fmpq_sgn(args[7]->u.q) <= 0)
        return lc_err_set(err, LC_E_ARG, "rope_theta must be positive");
    v = lc_val_model();
    if (lc_llama_alloc(v->u.model, lc_val_get_si(args[0]), lc_val_get_si(args[1]),
                       lc_val_get_si(args[2]), lc_val_get_si(args[3]), lc_val_get_si(args[4]),
                       lc_val_get_si(args[5]), err) != LC_OK)
    {
        lc_val_unref(v);
        return err->code;
    }
    v->u.model->activation = act;
    if (nargs > 7 && args[7]->type != LC_V_NIL)
        fmpq_set(v->u.model->rope_theta, args[7]->u.q);
    v->u.model->qkv_bias = nargs > 8 && args[8]->type != LC_V_NIL && args[8]->u.b;
    lc_llama_randomize(v->u.model, S->rnd);
    *res = v;
    return LC_OK;
}

static int
bi_fold_rmsnorm(ARGS)
{
    lc_val v;

    UNUSED_ARGS;
    if (need_llama(args[0], err) != LC_OK)
        return err->code;
    v = lc_val_model();
    if (lc_llama_fold_rmsnorm(v->u.model, args[0]->u.model, err) != LC_OK)
    {
        lc_val_unref(v);
        return err->code;
    }
    *res = v;
    return LC_OK;
}

static int
bi_rotate_residual(ARGS)
{
    lc_val v;

    UNUSED_ARGS;
    if (need_llama(args[0], err) != LC_OK)
        return err->code;
    v = lc_val_model();
    if (lc_llama_rotate_residual(v->u.model, args[0]->u.model, args[1]->u.m, err) != LC_OK)
    {
        lc_val_unref(v);
        return err->code;
    }
    *res = v;
    return LC_OK;
}

static int
bi_hadamard_rotation(ARGS)
{
    lc_val v;
    slong n = lc_val_get_si(args[0]);

    UNUSED_ARGS;
    if (n < 1 || n > LC_TMODEL_MAX_DIM)
        return lc_err_set(err, LC_E_ARG, "n must be a power of 4 in 1..%d, got %ld",
                          LC_TMODEL_MAX_DIM, (long) n);
    v = lc_val_mat();
    if (lc_llama_hadamard(v->u.m, n, err) != LC_OK)
    {
        lc_val_unref(v);
        return err->code;
    }
    *res = v;
    return LC_OK;
}

/* quarot(M, seed): [fold_rmsnorm(M) rotated by Q, Q], with Q = H D, H the
   normalised Hadamard matrix and D random signs (QuaRot's randomised
   Hadamard) when d_e is a power of 4, else a random rational rotation
   (Cayley); both drawn from seed alone. */
static int
bi_quarot(ARGS)
{
    flint_rand_t st;
    fmpq_mat_t Q, H;
    lc_tmodel_t F;
    lc_val v[2];
    slong d, i, j, seed = lc_val_get_si(args[1]);
    int r;

    UNUSED_ARGS;
    if (need_llama(args[0], err) != LC_OK)
        return err->code;
    d = args[0]->u.model->d_e;
    flint_randinit(st);
    lc_rand_seed(st, (ulong) seed);
    fmpq_mat_init(Q, d, d);
    fmpq_mat_init(H, 0, 0);
    if (lc_llama_hadamard(H, d, NULL) == LC_OK)
    {
        for (j = 0; j < d; j++)
        {
            int neg = (int) n_randint(st, 2);

            for (i = 0; i < d; i++)
            {
                fmpq_set(fmpq_mat_entry(Q, i, j), fmpq_mat_entry(H, i, j));
                if (neg)
                    fmpq_neg(fmpq_mat_entry(Q, i, j), fmpq_mat_entry(Q, i, j));
            }
        }
    }
    else
        lc_gauge_rand_so_fix1(Q, d, st, 3);
    lc_tmodel_init(F);
    v[0] = lc_val_model();
    r = lc_llama_fold_rmsnorm(F, args[0]->u.model, err);
    if (r == LC_OK)
        r = lc_llama_rotate_residual(v[0]->u.model, F, Q, err);
    if (r == LC_OK)
    {
        v[1] = lc_val_mat();
        lc_qmat_resize(v[1]->u.m, d, d);
        fmpq_mat_set(v[1]->u.m, Q);
        *res = lc_val_list(v, 2);
    }
    else
        lc_val_unref(v[0]);
    lc_tmodel_clear(F);
    fmpq_mat_clear(Q);
    fmpq_mat_clear(H);
    flint_randclear(st);
    return r;
}

static int
bi_llama_sym(ARGS)
{
    int kind;
    lc_val v;

    UNUSED_ARGS;
    if (need_llama(args[0], err) != LC_OK)
        return err->code;
    if ((kind = lc_llama_sym_from_name(args[1]->u.str.s)) < 0)
        return lc_err_set(err, LC_E_ARG, "unknown symmetry \"%.40s\" (rope, qk_gl, vo, "
                          "vo_unshared, head_perm, head_cross, ffn_perm, ffn_scale, gate_scale)",
                          args[1]->u.str.s);
    v = lc_val_model();
    if (lc_llama_transform(v->u.model, args[0]->u.model, kind, S->rnd, err) != LC_OK)
    {
        lc_val_unref(v);
        return err->code;
    }
    *res = v;
    return LC_OK;
}

/* round_weights(M, format): [M rounded, the largest relative change] */
static int
bi_round_weights(ARGS)
{
    int fmt = lc_llama_format_from_name(args[1]->u.str.s);
    fmpq_t rel;
    lc_val v[2];

    UNUSED_ARGS;
    if (fmt < 0)
        return lc_err_set(err, LC_E_ARG, "format must be \"f16\", \"bf16\", \"f32\" or \"f64\", got "
                          "\"%.40s\"", args[1]->u.str.s);
    fmpq_init(rel);
    v[0] = lc_val_model();
    if (lc_llama_round_weights(v[0]->u.model, rel, args[0]->u.model, fmt, err) != LC_OK)
    {
        lc_val_unref(v[0]);
        fmpq_clear(rel);
        return err->code;
    }
    v[1] = lc_val_num(rel);
    fmpq_clear(rel);
    *res = lc_val_list(v, 2);
    return LC_OK;
}

/* llama_flat(M, ns, n, causal = true): [nparams, certified Jacobian rank,
   exhibited kernel dimension, J T] over ns random sequences of n tokens */
static int
bi_llama_flat(ARGS)
{
    const lc_tmodel_struct * M = args[0]->u.model;
    slong ns = lc_val_get_si(args[1]), nc = lc_val_get_si(args[2]), i, np, k, rank;
    int causal = nargs > 3 && args[3]->type != LC_V_NIL ? args[3]->u.b : 1;
    fmpq_mat_struct * Es;
    fmpq_mat_t T;
    arb_mat_t J, Tb;
    lc_val v[4];
    int st;

    UNUSED_ARGS;
    if (need_llama(args[0], err) != LC_OK)
        return err->code;
    if (M->qkv_bias)
        return lc_err_set(err, LC_E_ARG, "models with q/k/v biases are not covered");
    np = lc_llama_nparams(M);
    if (ns < 1 || nc < 1 || nc > 64 || ns * nc * M->d_e > LC_LLAMA_FLAT_MAX_OUT
        || np > LC_LLAMA_FLAT_MAX_PARAMS)
        return lc_err_set(err, LC_E_LIMIT, "at most %d outputs (ns n d_e), %d parameters and "
                          "64 tokens", LC_LLAMA_FLAT_MAX_OUT, LC_LLAMA_FLAT_MAX_PARAMS);
    Es = flint_malloc(ns * sizeof(fmpq_mat_struct));
    for (i = 0; i < ns; i++)
    {
        fmpq_mat_init(Es + i, M->d_e, nc);
        lc_qmat_rand(Es + i, M->d_e, nc, S->rnd, 5);
    }
    fmpq_mat_init(T, 0, 0);
    arb_mat_init(J, 0, 0);
    arb_mat_init(Tb, 0, 0);
    lc_llama_sym_tangents(T, M, LC_LFLAT_ALL);
    k = lc_qmat_rank(T);
    if ((st = lc_llama_jacobian(J, M, Es, ns, causal, S->prec, err)) == LC_OK
        && (st = lc_gauge_rank_certify(&rank, NULL, NULL, J, FLINT_MIN(np - k,
                FLINT_MIN(arb_mat_nrows(J), np)), S->prec, err)) == LC_OK)
    {
        v[0] = lc_val_si(np);
        v[1] = lc_val_si(rank);
        v[1]->cert = 1;
        v[2] = lc_val_si(k);
        v[3] = lc_val_bmat();
        lc_ball_set_qmat(Tb, T, S->prec);
        lc_ball_resize(v[3]->u.bm, arb_mat_nrows(J), T->c);
        arb_mat_mul(v[3]->u.bm, J, Tb, S->prec);
        *res = lc_val_list(v, 4);
    }
    for (i = 0; i < ns; i++)
        fmpq_mat_clear(Es + i);
    flint_free(Es);
    fmpq_mat_clear(T);
    arb_mat_clear(J);
    arb_mat_clear(Tb);
    return st;
}

/* save_model(M, dir, format = "f64"): the largest relative rounding change */
static int
bi_save_model(ARGS)
{
    int fmt = nargs > 2 && args[2]->type != LC_V_NIL
        ? lc_llama_format_from_name(args[2]->u.str.s) : LC_FMT_F64;
    fmpq_t rel;

    UNUSED_ARGS;
    if (fmt < 0)
        return lc_err_set(err, LC_E_ARG, "format must be \"f64\", \"f32\", \"bf16\" or "
                          "\"f16\", got \"%.40s\"", args[2]->u.str.s);
    fmpq_init(rel);
    if (lc_llama_save_dir(rel, args[0]->u.model, args[1]->u.str.s, fmt, err) != LC_OK)
    {
        fmpq_clear(rel);
        return err->code;
    }
    *res = lc_val_num(rel);
    fmpq_clear(rel);
    return LC_OK;
}

/* llama_tangents(M): the exact tangents of the continuous symmetries (columns) */
static int
bi_llama_tangents(ARGS)
{
    UNUSED_ARGS;
    if (need_llama(args[0], err) != LC_OK)
        return err->code;
    if (args[0]->u.model->qkv_bias)
        return lc_err_set(err, LC_E_ARG, "models with q/k/v biases are not covered");
    *res = lc_val_mat();
    lc_llama_sym_tangents((*res)->u.m, args[0]->u.model, LC_LFLAT_ALL);
    return LC_OK;
}

/* [d_e, n_h, n_kv, d_h, d_f, n_t, rope_theta, eps] */
static int
bi_llama_config(ARGS)
{
    const lc_tmodel_struct * M = args[0]->u.model;
    lc_val v[8];

    UNUSED_ARGS;
    if (need_llama(args[0], err) != LC_OK)
        return err->code;
    v[0] = lc_val_si(M->d_e);
    v[1] = lc_val_si(M->n_h);
    v[2] = lc_val_si(M->n_kv);
    v[3] = lc_val_si(M->d_h);
    v[4] = lc_val_si(M->d_f);
    v[5] = lc_val_si(M->n_t);
    v[6] = lc_val_num(M->rope_theta);
    v[7] = lc_val_num(M->eps);
    *res = lc_val_list(v, 8);
    return LC_OK;
}

const lc_builtin_struct lc_builtins_llama[] =
{
    { LC_FAM_TRANSFORMER, "random_llama", "iiiiiisnb", 6, 9, bi_random_llama,
      "random_llama(d_e, n_h, n_kv, d_h, d_f, n_t, activation, rope_theta, qkv_bias)",
      "A random LLaMA-style model drawn from seed(): RMSNorm, rotary position embedding (RoPE), "
      "grouped-query attention with n_h query and n_kv key/value heads of even width d_h, a gated "
      "feed-forward of width d_f, n_t layers. Weights are k/32 (|k| <= 16) and gains 1 + k/32, so "
      "the model is exact. Defaults: activation \"silu\" (\"gelu\", \"gelu_tanh\"), rope_theta "
      "10000, qkv_bias false. n_kv must divide n_h.",
      "seed(1)\nM = random_llama(8, 4, 2, 2, 12, 1)\nforward(M, random_matrix(8, 3), true)" },
    { LC_FAM_TRANSFORMER, "llama_config", "T", 1, 1, bi_llama_config, "llama_config(M)",
      "The configuration of a LLaMA-style model M as the list [d_e, n_h, n_kv, d_h, d_f, n_t, "
      "rope_theta, eps]: widths, head counts and layers as integers, rope_theta and the RMSNorm "
      "eps as exact rationals. A GPT-2-style model is an error (use model_config).",
      "llama_config(random_llama(8, 4, 2, 2, 12, 1))" },
    { LC_FAM_GAUGE, "fold_rmsnorm", "T", 1, 1, bi_fold_rmsnorm, "fold_rmsnorm(M)",
      "The LLaMA-style model M with every RMSNorm gain folded into the next maps: ln1 into the "
      "columns of Wq, Wk, Wv, ln2 into W1 and Wg, the final norm into an output map (created as "
      "diag of its gains), every gain becoming 1. Computed exactly over Q and function preserving, "
      "so forward(fold_rmsnorm(M), E) equals forward(M, E) exactly (a check can only be certified, "
      "since forward is in balls).",
      "seed(1)\nM = random_llama(4, 2, 1, 2, 6, 1)\nE = random_matrix(4, 3)\nequal(forward(fold_rmsnorm(M), E), forward(M, E))" },
    { LC_FAM_GAUGE, "rotate_residual", "Tm", 2, 2, bi_rotate_residual, "rotate_residual(M, Q)",
      "The LLaMA-style model M with its residual stream moved by the d_e x d_e matrix Q, exactly: "
      "input maps Wq, Wk, Wv, W1, Wg and the output map become W Q^T, output maps Wo, W2 become Q "
      "W; gains are permuted too when Q is a signed permutation. For Q orthogonal after "
      "fold_rmsnorm (or any signed permutation), forward(out, Q E) = forward(M, E) with an output "
      "map, Q forward(M, E) without.",
      "seed(1)\nM = fold_rmsnorm(random_llama(4, 2, 1, 2, 6, 1))\nQ = hadamard_rotation(4)\nE = random_matrix(4, 3)\nequal(forward(rotate_residual(M, Q), Q * E), forward(M, E))" },
    { LC_FAM_GAUGE, "hadamard_rotation", "i", 1, 1, bi_hadamard_rotation, "hadamard_rotation(n)",
      "The normalised Walsh-Hadamard matrix H_n / sqrt(n) as an exact rational matrix, which needs "
      "n a power of 4 (then sqrt(n) = 2^k) between 1 and 4096; it is then symmetric and exactly "
      "orthogonal, so rotations built from it keep PROVED checks possible. Other n are an argument "
      "error.",
      "hadamard_rotation(4)" },
    { LC_FAM_GAUGE, "quarot", "Ti", 2, 2, bi_quarot, "quarot(M, seed)",
      "QuaRot's construction on the LLaMA-style model M: the pair [fold_rmsnorm(M) rotated by Q "
      "(rotate_residual), Q], where Q is the randomised Hadamard matrix H D (D random signs) when "
      "d_e is a power of 4 and a random exact rational rotation (Cayley) otherwise. Q is drawn "
      "from the integer seed alone, not the session's generator, and everything is exact.",
      "seed(1)\nR = quarot(random_llama(4, 2, 1, 2, 6, 1), 7)\nR[2]" },
    { LC_FAM_TRANSFORMER, "save_model", "Tss", 2, 3, bi_save_model, "save_model(M, dir, format)",
      "Writes the LLaMA-style model M to the directory dir (created if missing, one level) as "
      "model.safetensors with Hugging Face names plus config.json, every value rounded to nearest "
      "(ties to even) in \"f64\" (default), \"f32\", \"bf16\" or \"f16\". Returns the largest "
      "relative rounding change as an exact rational (0: the file holds M exactly); a value that "
      "overflows the format is an error.",
      "seed(1)\nsave_model(random_llama(4, 2, 1, 2, 4, 1), \"/tmp/liecheck-save-model-example\")" },
    { LC_FAM_TRANSFORMER, "round_weights", "Ts", 2, 2, bi_round_weights, "round_weights(M, format)",
      "The pair [M with every weight, bias, gain and output map rounded to \"f16\", \"bf16\", "
      "\"f32\" or \"f64\" (nearest, ties to even, subnormals included), the largest relative "
      "change of a nonzero entry as an exact rational], as a deployment stores the model. Any "
      "architecture; overflow of the format is an error.",
      "seed(1)\nM = random_llama(4, 2, 1, 2, 6, 1)\nR = round_weights(quarot(M, 3)[1], \"bf16\")\nR[2]" },
    { LC_FAM_GAUGE, "llama_flat", "Tiib", 3, 4, bi_llama_flat, "llama_flat(M, ns, n, causal)",
      "The flat directions of the LLaMA-style model M, as a list [nparams, certified rank of the "
      "Jacobian, k, J T]: J is the Jacobian of the outputs on ns random sequences of n "
      "tokens (integer entries in [-5, 5]; causal masks unless causal is false) with respect "
      "to every parameter, by forward mode in balls; the rank is certified on a minor of size up to nparams - k (an approximate "
      "inverse in doubles with a rigorous bound ||I - R A|| < 1, or the ball inverse), and k "
      "counts the exact tangents of llama_tangents(M), with J T a certified ball near 0. When the "
      "rank is nparams - k the flat directions are exactly those k. At most 8000 parameters, "
      "10000 outputs (ns n d_e) and 64 tokens; models with q/k/v biases are refused.",
      "seed(1)\nF = llama_flat(random_llama(4, 2, 1, 2, 4, 1), 4, 3)\n[F[1], F[2], F[3]]" },
    { LC_FAM_GAUGE, "llama_tangents", "T", 1, 1, bi_llama_tangents, "llama_tangents(M)",
      "The exact tangent vectors, as the columns of an nparams x k rational matrix, of the "
      "continuous symmetries of the LLaMA-style model M at M: RMSNorm gain folds, the RoPE "
      "commutant per KV group, GL(d_h) per KV head on V and Wo, and the up/down scaling of each "
      "hidden unit. Models with q/k/v biases are not covered (an error).",
      "seed(1)\nsize(llama_tangents(random_llama(4, 2, 1, 2, 4, 1)))" },
    { LC_FAM_GAUGE, "llama_sym", "Ts", 2, 2, bi_llama_sym, "llama_sym(M, kind)",
      "The LLaMA-style model M with a random exact element of the given kind applied to every "
      "layer, drawn from seed(). Symmetries (the function is unchanged): \"rope\", \"vo\", "
      "\"head_perm\", \"ffn_perm\", \"ffn_scale\". Not symmetries, for negative controls: "
      "\"qk_gl\", \"vo_unshared\" (needs n_h > n_kv), \"head_cross\" (needs n_kv >= 2), "
      "\"gate_scale\". Other names are an error.",
      "seed(1)\nM = random_llama(8, 4, 2, 2, 6, 1)\nE = random_matrix(8, 3)\nequal(forward(llama_sym(M, \"rope\"), E), forward(M, E))" },
};

const slong lc_nbuiltins_llama = (slong) (sizeof(lc_builtins_llama) / sizeof(lc_builtins_llama[0]));
