/* transformer_fns.c -- built-ins for transformer models: loading safetensors weights,
 * seeded random models, the certified forward pass (lib/transformer).
 *
 * Optional arguments are positional; an omitted trailing argument takes the
 * default in the signature (PyTorch's defaults for load_model). */
#include "config.h"
#include <string.h>
#include "eval.h"
#include "builtins.h"
#include "ballops.h"
#include "transformer.h"
#include "llama.h"
#include <sys/stat.h>

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

static int
activation_arg(int * act, const lc_val v, lc_err_t err)
{
    if ((*act = lc_tmodel_act_from_name(v->u.str.s)) < 0 || *act == LC_ACT_SILU)
        return lc_err_set(err, LC_E_ARG, "activation must be \"relu\", \"gelu\" or \"gelu_tanh\", "
                          "got \"%.40s\"", v->u.str.s);
    return LC_OK;
}

/* Whether path is a checkpoint directory: a directory with a config.json. */
static int
is_ckpt_dir(const char * path)
{
    struct stat sb;
    char * cfg;
    int r;

    if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return 0;
    cfg = flint_malloc(strlen(path) + 16);
    strcpy(cfg, path);
    strcat(cfg, "/config.json");
    r = stat(cfg, &sb) == 0;
    flint_free(cfg);
    return r;
}

/* load_model(path, heads = 1, activation = "relu", norm_first = false, kv_heads, rope_theta,
   eps = 1/100000) */
static int
bi_load_model(ARGS)
{
    lc_tload_opts_t o;
    int st = LC_OK, dir;

    UNUSED_ARGS;
    lc_tload_opts_init(o);
    if (nargs > 1 && args[1]->type != LC_V_NIL)
    {
        slong h = lc_val_get_si(args[1]);

        if (h < 1 || h > LC_TMODEL_MAX_DIM)
            st = lc_err_set(err, LC_E_ARG, "heads must be between 1 and %d, got %ld",
                            LC_TMODEL_MAX_DIM, (long) h);
        o->n_h = h;
    }
    dir = is_ckpt_dir(args[0]->u.str.s);
    if (st == LC_OK && nargs > 2 && args[2]->type != LC_V_NIL)
    {
        if (!dir)
            st = activation_arg(&o->activation, args[2], err);
        else if ((o->activation = lc_tmodel_act_from_name(args[2]->u.str.s)) < 0
                 || o->activation == LC_ACT_RELU)
            st = lc_err_set(err, LC_E_ARG, "activation must be \"silu\", \"gelu\" or "
                            "\"gelu_tanh\" for a LLaMA-style checkpoint, got \"%.40s\"",
                            args[2]->u.str.s);
    }
    if (nargs > 3 && args[3]->type != LC_V_NIL)
        o->norm_first = args[3]->u.b;
    if (st == LC_OK && nargs > 4 && args[4]->type != LC_V_NIL)
    {
        if (fmpq_sgn(args[4]->u.q) < 0)
            st = lc_err_set(err, LC_E_ARG, "eps must be non-negative");
        fmpq_set(o->eps, args[4]->u.q);
    }
    if (st == LC_OK && nargs > 6 && args[6]->type != LC_V_NIL && fmpq_sgn(args[6]->u.q) <= 0)
        st = lc_err_set(err, LC_E_ARG, "rope_theta must be positive");
    if (st == LC_OK && dir)
    {
        /* a Hugging Face checkpoint directory: config.json + model.safetensors */
        int act = -1;
        slong kv = nargs > 5 && args[5]->type != LC_V_NIL ? lc_val_get_si(args[5]) : 0;

        if (nargs > 2 && args[2]->type != LC_V_NIL)
            act = o->activation;
        if (kv < 0 || kv > LC_TMODEL_MAX_DIM)
            st = lc_err_set(err, LC_E_ARG, "kv_heads must be between 1 and %d, got %ld",
                            LC_TMODEL_MAX_DIM, (long) kv);
        if (st == LC_OK)
        {
            *res = lc_val_model();
            if ((st = lc_llama_load_dir((*res)->u.model, args[0]->u.str.s,
                                        nargs > 1 && args[1]->type != LC_V_NIL ? o->n_h : 0, kv, act,
                                        nargs > 4 && args[4]->type != LC_V_NIL ? o->eps : NULL,
                                        nargs > 6 && args[6]->type != LC_V_NIL ? args[6]->u.q : NULL,
                                        o->max_bytes, err)) != LC_OK)
                lc_val_unref(*res);
        }
    }
    else if (st == LC_OK)
    {
        *res = lc_val_model();
        if ((st = lc_tmodel_load_safetensors((*res)->u.model, args[0]->u.str.s, o, err)) != LC_OK)
            lc_val_unref(*res);
    }
    lc_tload_opts_clear(o);
    return st;
}

/* random_model(d_e, n_h, d_h, d_f, n_t, activation = "relu", norm_first = true) */
static int
bi_random_model(ARGS)
{
    int act = LC_ACT_RELU;

    UNUSED_ARGS;
    if (nargs > 5 && args[5]->type != LC_V_NIL && activation_arg(&act, args[5], err) != LC_OK)
        return err->code;
    *res = lc_val_model();
    if (lc_tmodel_alloc((*res)->u.model, lc_val_get_si(args[0]), lc_val_get_si(args[1]),
                        lc_val_get_si(args[2]), lc_val_get_si(args[3]), lc_val_get_si(args[4]),
                        err) != LC_OK)
    {
        lc_val_unref(*res);
        return err->code;
    }
    lc_tmodel_randomize((*res)->u.model, S->rnd);
    (*res)->u.model->activation = act;
    (*res)->u.model->norm_first = (nargs > 6 && args[6]->type != LC_V_NIL) ? args[6]->u.b : 1;
    return LC_OK;
}

/* forward(M, E, causal = false); GPT-2-style or LLaMA-style models */
static int
bi_forward(ARGS)
{
    arb_mat_t E;
    int st;

    UNUSED_ARGS;
    arb_mat_init(E, 0, 0);
    if ((st = lc_to_bmat(E, args[1], S->prec, err)) == LC_OK)
    {
        *res = lc_val_bmat();
        st = lc_tmodel_forward((*res)->u.bm, args[0]->u.model, E, nargs > 2 && args[2]->type != LC_V_NIL && args[2]->u.b,
                               S->prec, err);
        if (st != LC_OK)
            lc_val_unref(*res);
    }
    arb_mat_clear(E);
    return st;
}

/* [d_e, n_h, d_h, d_f, n_t] */
static int
bi_model_config(ARGS)
{
    const lc_tmodel_struct * M = args[0]->u.model;
    lc_val v[5];

    UNUSED_ARGS;
    v[0] = lc_val_si(M->d_e);
    v[1] = lc_val_si(M->n_h);
    v[2] = lc_val_si(M->d_h);
    v[3] = lc_val_si(M->d_f);
    v[4] = lc_val_si(M->n_t);
    *res = lc_val_list(v, 5);
    return LC_OK;
}

static int
bi_nparams(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_si(lc_tmodel_nparams(args[0]->u.model));
    return LC_OK;
}

/* widen(A, r): every entry's radius grows by r >= 0, so that a value known
   to within r (a float64 reference) can be compared as a ball. */
static int
bi_widen(ARGS)
{
    arb_t r;
    mag_t m;
    slong i, j;
    int st;

    UNUSED_ARGS;
    arb_init(r);
    mag_init(m);
    if ((st = lc_to_ball(r, args[1], S->prec, err)) == LC_OK && !arb_is_nonnegative(r))
        st = lc_err_set(err, LC_E_ARG, "the radius must be non-negative");
    if (st == LC_OK)
    {
        arb_get_mag(m, r);
        *res = lc_val_bmat();
        if ((st = lc_to_bmat((*res)->u.bm, args[0], S->prec, err)) != LC_OK)
            lc_val_unref(*res);
        else
            for (i = 0; i < arb_mat_nrows((*res)->u.bm); i++)
                for (j = 0; j < arb_mat_ncols((*res)->u.bm); j++)
                    arb_add_error_mag(arb_mat_entry((*res)->u.bm, i, j), m);
    }
    arb_clear(r);
    mag_clear(m);
    return st;
}

const lc_builtin_struct lc_builtins_transformer[] =
{
    { LC_FAM_TRANSFORMER, "load_model", "sisbnin", 1, 7, bi_load_model,
      "load_model(path, heads, activation, norm_first, eps, kv_heads, rope_theta)",
      "Loads a transformer with exact weights (every F64/F32/F16/BF16 value is a dyadic rational). "
      "A safetensors file with PyTorch or GPT-2 names gives a GPT-2-style model, with defaults "
      "heads 1, activation \"relu\" (\"gelu\", \"gelu_tanh\"), norm_first false and eps 1/100000. "
      "A directory with config.json and model.safetensors gives a LLaMA/Mistral/Qwen2-style model, "
      "the given arguments overriding the config. The file is validated before use; bad files, "
      "shapes or sizes are errors.",
      "M = load_model(\"tests/fixtures/torch_pre_gelu.safetensors\", heads=2, activation=\"gelu\", norm_first=true, eps=1e-5)\nprint(model_config(M))" },
    { LC_FAM_TRANSFORMER, "random_model", "iiiiisb", 5, 7, bi_random_model,
      "random_model(d_e, n_h, d_h, d_f, n_t, activation, norm_first)",
      "A random GPT-2-style transformer with embedding width d_e, n_h heads of width d_h, "
      "feed-forward width d_f and n_t layers, drawn from seed(): every weight and bias k/32 with k "
      "uniform in [-16, 16], layer-norm scales 1 + k/32, so the model is exact. activation is "
      "\"relu\" (default), \"gelu\" or \"gelu_tanh\"; norm_first defaults to true (pre-norm). Bad "
      "or too large sizes are errors.",
      "seed(1)\nmodel_config(random_model(4, 2, 2, 8, 1))" },
    { LC_FAM_TRANSFORMER, "forward", "Txb", 2, 3, bi_forward, "forward(M, E, causal)",
      "The output of the model M on the input E (a d_e x n_c matrix, one token embedding per "
      "column, exact or ball) as a certified ball matrix at the working precision, enclosing the "
      "exact output of every layer (attention softmax, norms, activations) for every input in the "
      "balls. causal (default false) applies the causal mask. Checks comparing outputs support "
      "HOLDS, not PROVED.",
      "seed(1)\nforward(random_model(4, 2, 2, 8, 1), [[1, 0], [0, 1], [1, 1], [0, 0]])" },
    { LC_FAM_TRANSFORMER, "model_config", "T", 1, 1, bi_model_config, "model_config(M)",
      "The configuration of the transformer M as the list [d_e, n_h, d_h, d_f, n_t]: embedding "
      "width, number of heads, head width, feed-forward width and number of layers, as integers. "
      "For a LLaMA-style model, llama_config also gives n_kv, rope_theta and eps.",
      "model_config(random_model(4, 2, 2, 8, 1))" },
    { LC_FAM_TRANSFORMER, "nparams", "T", 1, 1, bi_nparams, "nparams(M)",
      "The number of scalar parameters of the transformer M: every weight and bias entry and the "
      "layer-norm scales and shifts (the gauge matrices R1, R2 are not counted), as an integer. "
      "flat_directions and llama_flat compare their Jacobian ranks with it.",
      "nparams(random_model(4, 2, 2, 8, 1))" },
    { LC_FAM_BALL, "widen", "xr", 2, 2, bi_widen, "widen(A, r)",
      "The matrix A (exact or ball) as a ball matrix at the working precision with every entry's "
      "radius grown by r, a non-negative number. Use it to compare with a reference known only to "
      "within r (e.g. a float64 output from PyTorch): a check against widened values is certified, "
      "and supports HOLDS at best. A negative r is an error.",
      "widen([[1, 2]], 1/1000)" },
};

const slong lc_nbuiltins_transformer = (slong) (sizeof(lc_builtins_transformer) / sizeof(lc_builtins_transformer[0]));
