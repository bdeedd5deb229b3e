/* gauge_fns.c -- built-ins for the gauge symmetries of transformer models
 * (lib/gauge): random gauges, their action on the weights, the layer-norm
 * fold, eq. (17), weight access for hand-made transformations, and the
 * measured flat directions.
 *
 * A gauge is a list [frames, mids, h_qk, h_vo] of lists of exact matrices:
 * n_t + 1 frames (frames[1] acts on the input, frames[n_t + 1] on the
 * output), n_t mids (E-tilde inside each layer), and n_t * n_h matrices
 * d_h x d_h each for the query/key and value/output pairs (layer by layer,
 * head by head).  Scripts may build or edit one by hand. */
#include "config.h"
#include <string.h>
#include "eval.h"
#include "builtins.h"
#include "ballops.h"
#include "gauge.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

/* The gauges of this file are van Nierop's, for GPT-2-style models; LLaMA
   models have their own (llama_sym, rotate_residual, fold_rmsnorm). */
static int
gpt_only(const lc_val v, lc_err_t err)
{
    if (v->type == LC_V_MODEL && v->u.model->arch != LC_ARCH_GPT)
        return lc_err_set(err, LC_E_ARG, "this gauge acts on GPT-2-style models; for a "
                          "LLaMA-style model see llama_sym, rotate_residual, fold_rmsnorm");
    return LC_OK;
}
#define GPT_ONLY if (gpt_only(args[0], err) != LC_OK) return err->code

static lc_val
model_value(lc_tmodel_t M)
{
    lc_val v = lc_val_model();

    lc_tmodel_set(v->u.model, M);
    return v;
}

static lc_val
mat_list(const fmpq_mat_struct * m, slong n)
{
    lc_val * items = flint_malloc(FLINT_MAX(n, 1) * sizeof(lc_val));
    lc_val l;
    slong i;

    for (i = 0; i < n; i++)
    {
        items[i] = lc_val_mat();
        lc_qmat_resize(items[i]->u.m, m[i].r, m[i].c);
        fmpq_mat_set(items[i]->u.m, m + i);
    }
    l = lc_val_list(items, n);
    flint_free(items);
    return l;
}

static lc_val
gauge_value(const lc_gauge_t G)
{
    lc_val v[4];

    v[0] = mat_list(G->frames, G->n_t + 1);
    v[1] = mat_list(G->mids, G->n_t);
    v[2] = mat_list(G->h_qk, G->n_t * G->n_h);
    v[3] = mat_list(G->h_vo, G->n_t * G->n_h);
    return lc_val_list(v, 4);
}

/* dst[0..n) := the matrices of the list l, each r x r. */
static int
get_mats(fmpq_mat_struct * dst, const lc_val l, slong n, slong r, const char * what, lc_err_t err)
{
    slong i;

    if (l->type != LC_V_LIST || l->u.list.len != n)
        return lc_err_set(err, LC_E_ARG, "a gauge's %s must be a list of %ld matrices", what,
                          (long) n);
    for (i = 0; i < n; i++)
    {
        const lc_val m = l->u.list.items[i];

        if (m->type != LC_V_MAT || m->u.m->r != r || m->u.m->c != r)
            return lc_err_set(err, LC_E_ARG, "%s %ld of the gauge must be an exact %ldx%ld matrix",
                              what, (long) i + 1, (long) r, (long) r);
        fmpq_mat_set(dst + i, m->u.m);     /* dst is r x r already */
    }
    return LC_OK;
}

/* G := the gauge of the list v, for the shape of M. */
static int
gauge_from(lc_gauge_t G, const lc_val v, const lc_tmodel_t M, lc_err_t err)
{
    int st;

    if (v->type != LC_V_LIST || v->u.list.len != 4)
        return lc_err_set(err, LC_E_ARG, "a gauge is a list [frames, mids, h_qk, h_vo]");
    lc_gauge_alloc(G, M->d_e, M->n_h, M->d_h, M->n_t, NULL);
    if ((st = get_mats(G->frames, v->u.list.items[0], M->n_t + 1, M->d_e, "frame", err)) != LC_OK
        || (st = get_mats(G->mids, v->u.list.items[1], M->n_t, M->d_e, "mid", err)) != LC_OK
        || (st = get_mats(G->h_qk, v->u.list.items[2], M->n_t * M->n_h, M->d_h, "h_qk", err))
           != LC_OK
        || (st = get_mats(G->h_vo, v->u.list.items[3], M->n_t * M->n_h, M->d_h, "h_vo", err))
           != LC_OK)
        return st;
    return LC_OK;
}

/* gauge_random(M, per_layer = false) */
static int
bi_gauge_random(ARGS)
{
    lc_gauge_t G;

    UNUSED_ARGS;
    GPT_ONLY;
    lc_gauge_init(G);
    lc_gauge_randomize(G, args[0]->u.model, nargs > 1 && args[1]->u.b, S->rnd);
    *res = gauge_value(G);
    lc_gauge_clear(G);
    return LC_OK;
}

static int
bi_gauge_apply(ARGS)
{
    lc_gauge_t G;
    lc_tmodel_t N;
    int st;

    UNUSED_ARGS;
    GPT_ONLY;
    lc_gauge_init(G);
    lc_tmodel_init(N);
    if ((st = gauge_from(G, args[1], args[0]->u.model, err)) == LC_OK
        && (st = lc_gauge_apply(N, args[0]->u.model, G, err)) == LC_OK)
        *res = model_value(N);
    lc_gauge_clear(G);
    lc_tmodel_clear(N);
    return st;
}

static int
bi_gauge_is_valid(ARGS)
{
    lc_gauge_t G;
    int st;

    UNUSED_ARGS;
    GPT_ONLY;
    lc_gauge_init(G);
    if ((st = gauge_from(G, args[1], args[0]->u.model, err)) == LC_OK)
        *res = lc_val_bool(lc_gauge_is_valid(G, NULL, 0));
    lc_gauge_clear(G);
    return st;
}

static int
bi_fold_layernorm(ARGS)
{
    lc_tmodel_t N;
    int st;

    UNUSED_ARGS;
    GPT_ONLY;
    lc_tmodel_init(N);
    if ((st = lc_gauge_fold_layernorm(N, args[0]->u.model, err)) == LC_OK)
        *res = model_value(N);
    lc_tmodel_clear(N);
    return st;
}

static int
bi_is_strict(ARGS)
{
    UNUSED_ARGS;
    GPT_ONLY;
    *res = lc_val_bool(lc_gauge_is_strict(args[0]->u.model));
    return LC_OK;
}

/* redundancy(M) or redundancy(d_e, n_h, d_h, n_t) */
static int
bi_redundancy(ARGS)
{
    slong a[4], i;
    fmpz_t r;
    fmpq_t q;

    UNUSED_ARGS;
    GPT_ONLY;
    if (nargs == 1 && args[0]->type == LC_V_MODEL)
    {
        const lc_tmodel_struct * M = args[0]->u.model;

        a[0] = M->d_e, a[1] = M->n_h, a[2] = M->d_h, a[3] = M->n_t;
    }
    else if (nargs == 4)
    {
        for (i = 0; i < 4; i++)
        {
            if (!lc_val_is_si(args[i]) || lc_val_get_si(args[i]) < 1
                || lc_val_get_si(args[i]) > 1000000)
                return lc_err_set(err, LC_E_ARG, "argument %ld must be an integer in 1..1000000",
                                  (long) i + 1);
            a[i] = lc_val_get_si(args[i]);
        }
    }
    else
        return lc_err_set(err, LC_E_ARG, "expected a model, or d_e, n_h, d_h, n_t");
    fmpz_init(r);
    fmpq_init(q);
    lc_gauge_redundancy(r, a[0], a[1], a[2], a[3]);
    fmpz_set(fmpq_numref(q), r);
    fmpz_clear(r);
    *res = lc_val_num(q);
    fmpq_clear(q);
    return LC_OK;
}

/* ------------------------------------------------------- weight access */

static const char * const wnames[18] = {"Wq", "bq", "Wk", "bk", "Wv", "bv", "Wo", "bo", "W1", "b1",
                                        "W2", "b2", "ln1_w", "ln1_b", "ln2_w", "ln2_b", "R1", "R2"};

/* The weight called name in layer l (1-based) of M, or NULL with a message. */
static fmpq_mat_struct *
weight_of(const lc_tmodel_struct * M, const lc_val name, const lc_val layer, lc_err_t err)
{
    lc_tlayer_struct * L;
    slong l = lc_val_get_si(layer);
    int s;

    if (l < 1 || l > M->n_t)
    {
        lc_err_set(err, LC_E_ARG, "layer %ld out of range 1..%ld", (long) l, (long) M->n_t);
        return NULL;
    }
    L = M->layers + l - 1;
    if (strcmp(name->u.str.s, "Wg") == 0 && M->arch == LC_ARCH_LLAMA)
        return L->Wg;
    if (strcmp(name->u.str.s, "norm_w") == 0 && M->arch == LC_ARCH_LLAMA)
        return (fmpq_mat_struct *) M->norm_w;
    if (strcmp(name->u.str.s, "Wout") == 0 && M->arch == LC_ARCH_LLAMA && M->Wout->r > 0)
        return (fmpq_mat_struct *) M->Wout;
    for (s = 0; s < 18; s++)
        if (strcmp(name->u.str.s, wnames[s]) == 0)
        {
            fmpq_mat_struct * all[18] = {L->Wq, L->bq, L->Wk, L->bk, L->Wv, L->bv, L->Wo, L->bo,
                                         L->W1, L->b1, L->W2, L->b2, L->ln1_w, L->ln1_b,
                                         L->ln2_w, L->ln2_b, L->R1, L->R2};
            return all[s];
        }
    lc_err_set(err, LC_E_ARG, "no weight \"%.40s\" (Wq, bq, Wk, bk, Wv, bv, Wo, bo, W1, b1, W2, "
               "b2, ln1_w, ln1_b, ln2_w, ln2_b, R1, R2; LLaMA: Wg, norm_w, Wout)", name->u.str.s);
    return NULL;
}

static int
bi_weight(ARGS)
{
    const fmpq_mat_struct * W;

    UNUSED_ARGS;
    if ((W = weight_of(args[0]->u.model, args[1], args[2], err)) == NULL)
        return err->code;
    *res = lc_val_mat();
    lc_qmat_resize((*res)->u.m, W->r, W->c);
    fmpq_mat_set((*res)->u.m, W);
    return LC_OK;
}

static int
bi_with_weight(ARGS)
{
    fmpq_mat_struct * W;
    lc_val v;

    UNUSED_ARGS;
    v = model_value(args[0]->u.model);
    if ((W = weight_of(v->u.model, args[1], args[2], err)) == NULL)
    {
        lc_val_unref(v);
        return err->code;
    }
    if (W->r != args[3]->u.m->r || W->c != args[3]->u.m->c)
    {
        lc_err_set(err, LC_E_DIM, "%s is %ldx%ld, got a %ldx%ld matrix", args[1]->u.str.s,
                   (long) W->r, (long) W->c, (long) args[3]->u.m->r, (long) args[3]->u.m->c);
        lc_val_unref(v);
        return err->code;
    }
    fmpq_mat_set(W, args[3]->u.m);
    *res = v;
    return LC_OK;
}

/* strict_layernorm(M): every scale 1, every shift 0 (a different function
   unless they were so already). */
static int
bi_strict_layernorm(ARGS)
{
    lc_val v;
    slong l, i;

    UNUSED_ARGS;
    GPT_ONLY;
    v = model_value(args[0]->u.model);
    for (l = 0; l < v->u.model->n_t; l++)
    {
        lc_tlayer_struct * L = v->u.model->layers + l;

        fmpq_mat_zero(L->ln1_b);
        fmpq_mat_zero(L->ln2_b);
        for (i = 0; i < v->u.model->d_e; i++)
        {
            fmpq_one(fmpq_mat_entry(L->ln1_w, i, 0));
            fmpq_one(fmpq_mat_entry(L->ln2_w, i, 0));
        }
    }
    *res = v;
    return LC_OK;
}

/* ----------------------------------------------------- flat directions */

static int
sym_kinds(int * k, const char * s, lc_err_t err)
{
    static const char * const names[9] = {"qk", "vo", "kbias", "vbias", "ones", "lnfold", "relu",
                                          "resid", "scale"};
    int i;

    if (strcmp(s, "all") == 0)
        return (*k = LC_SYM_ALL), LC_OK;
    if (strcmp(s, "paper") == 0)
        return (*k = LC_SYM_QK | LC_SYM_VO), LC_OK;
    for (i = 0; i < 9; i++)
        if (strcmp(s, names[i]) == 0)
            return (*k = 1 << i), LC_OK;
    return lc_err_set(err, LC_E_ARG, "unknown symmetry \"%.40s\" (qk, vo, kbias, vbias, ones, "
                      "lnfold, relu, resid, scale, paper, all)", s);
}

static int
bi_sym_tangents(ARGS)
{
    int k = 0;

    UNUSED_ARGS;
    GPT_ONLY;
    if (sym_kinds(&k, nargs > 1 ? args[1]->u.str.s : "all", err) != LC_OK)
        return err->code;
    *res = lc_val_mat();
    lc_gauge_sym_tangents((*res)->u.m, args[0]->u.model, k);
    return LC_OK;
}

/* flat_directions(M, ns, n_c): [nparams, certified rank, exhibited, J T]
   with J the Jacobian over ns seeded input sequences of n_c tokens and T
   every exhibited tangent; the rank is certified for nparams - exhibited
   (an error when that minor cannot be certified). */
static int
bi_flat_directions(ARGS)
{
    const lc_tmodel_struct * M = args[0]->u.model;
    slong ns = lc_val_get_si(args[1]), nc = lc_val_get_si(args[2]), i, np, k, rank;
    fmpq_mat_struct * Es;
    fmpq_mat_t T;
    arb_mat_t J, Tb;
    lc_val v[4];
    int st;

    UNUSED_ARGS;
    GPT_ONLY;
    if (ns < 1 || nc < 1 || ns * nc * M->d_e > 20000 || lc_tmodel_nparams(M) > 2000)
        return lc_err_set(err, LC_E_LIMIT, "flat_directions: at most 20000 outputs and 2000 "
                          "parameters (a small model)");
    np = lc_tmodel_nparams(M);
    Es = flint_malloc(ns * sizeof(fmpq_mat_struct));
    for (i = 0; i < ns; i++)
    {
        fmpq_mat_init(Es + i, M->d_e, nc);
        lc_qmat_rand(Es + i, M->d_e, nc, S->rnd, 5);
    }
    fmpq_mat_init(T, 0, 0);
    arb_mat_init(J, 0, 0);
    arb_mat_init(Tb, 0, 0);
    k = lc_gauge_sym_tangents(T, M, LC_SYM_ALL);
    k = lc_qmat_rank(T);
    if ((st = lc_gauge_jacobian(J, M, Es, ns, 0, S->prec, err)) == LC_OK
        && (st = lc_gauge_rank_certify(&rank, NULL, NULL, J, FLINT_MIN(np - k,
                FLINT_MIN(arb_mat_nrows(J), np)), S->prec, err)) == LC_OK)
    {
        v[0] = lc_val_si(np);
        v[1] = lc_val_si(rank);
        v[1]->cert = 1;     /* a rank certified by a ball minor, not an exact rank */
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

const lc_builtin_struct lc_builtins_gauge[] =
{
    { LC_FAM_GAUGE, "gauge_random", "Tb", 1, 2, bi_gauge_random, "gauge_random(M, per_layer)",
      "A random exact gauge for the shape of the GPT-2-style model M (van Nierop, Sec. 4), as the "
      "list [frames, mids, h_qk, h_vo]: n_t + 1 frames and n_t mids, orthogonal d_e x d_e matrices "
      "fixing the all-ones vector (SO(d_e - 1)), and one invertible d_h x d_h matrix per layer and "
      "head for the query/key and value/output pairs, drawn from seed(). per_layer (default false) "
      "draws independent frames per layer (Sec. 4.6) instead of one frame for the stack.",
      "seed(1)\nM = random_model(4, 2, 2, 8, 1)\ngauge_is_valid(M, gauge_random(M))" },
    { LC_FAM_GAUGE, "gauge_apply", "TL", 2, 2, bi_gauge_apply, "gauge_apply(M, G)",
      "The GPT-2-style model M with its weights transformed by the gauge G = [frames, mids, h_qk, "
      "h_vo] (eqs. (6)-(13), (20), (21)), computed exactly: Q -> h Q g^T, K -> h^-T K g^T, V -> u "
      "V g^T, Wo -> k Wo diag(u)^-1, W1 -> W1 k^T, W2 -> f W2, R1 -> k R1 g^T, R2 -> f R2 k^T. For "
      "a valid gauge and strict layer norms forward(M', f_0 E) = f_(n_t) forward(M, E). Wrong "
      "shapes or a singular h are errors.",
      "seed(1)\nM = random_model(4, 2, 2, 8, 1)\nMG = gauge_apply(M, gauge_random(M))" },
    { LC_FAM_GAUGE, "gauge_is_valid", "TL", 2, 2, bi_gauge_is_valid, "gauge_is_valid(M, G)",
      "Whether the gauge G = [frames, mids, h_qk, h_vo] is valid for the GPT-2-style model M: "
      "every frame and mid orthogonal and fixing the all-ones vector, every h invertible, decided "
      "exactly over Q (an exact boolean). A gauge of the wrong shape for M is an argument error.",
      "seed(1)\nM = random_model(4, 2, 2, 8, 1)\ngauge_is_valid(M, gauge_random(M))" },
    { LC_FAM_GAUGE, "fold_layernorm", "T", 1, 1, bi_fold_layernorm, "fold_layernorm(M)",
      "The pre-norm GPT-2-style model M with every layer-norm scale w and shift b folded into the "
      "next linear maps (LN1 into Wq, Wk, Wv, LN2 into W1: W diag(w), bias + W b), so the layer "
      "norms become strict. Function preserving, exactly (an identity of rational matrices). "
      "Post-norm models are an error, since there the layer-norm output also feeds the skip "
      "connection.",
      "is_strict(fold_layernorm(random_model(4, 2, 2, 8, 1)))" },
    { LC_FAM_GAUGE, "is_strict", "T", 1, 1, bi_is_strict, "is_strict(M)",
      "Whether every layer norm of the GPT-2-style model M is strict (all scales 1 and all shifts "
      "0), as an exact boolean. Gauge invariance in van Nierop's Sec. 4 needs strict layer norms "
      "(see fold_layernorm and strict_layernorm).",
      "is_strict(random_model(4, 2, 2, 8, 1))" },
    { LC_FAM_GAUGE, "strict_layernorm", "T", 1, 1, bi_strict_layernorm, "strict_layernorm(M)",
      "A copy of the GPT-2-style model M with every layer-norm scale set to 1 and every shift to "
      "0. Unlike fold_layernorm this changes the function in general; it gives a model on which "
      "the gauge symmetries hold exactly, for experiments.",
      "is_strict(strict_layernorm(random_model(4, 2, 2, 8, 1)))" },
    { LC_FAM_GAUGE, "redundancy", "a", 1, 4, bi_redundancy, "redundancy(d_e, n_h, d_h, n_t)",
      "The redundancy count of van Nierop's eq. (17), 2 n_t n_h d_h^2 + (d_e - 1)(d_e - 2)/2, as "
      "an exact integer, for integers in 1..1000000, or read from a GPT-2-style model with "
      "redundancy(M). It is the paper's count of gauge directions; flat_directions measures the "
      "flat directions of an actual model.",
      "redundancy(4, 2, 2, 1)" },
    { LC_FAM_GAUGE, "weight", "Tsi", 3, 3, bi_weight, "weight(M, \"Wq\", layer)",
      "A copy of one weight of layer layer (1..n_t) of the model M, as an exact matrix: Wq, bq, "
      "Wk, bk, Wv, bv, Wo, bo, W1, b1, W2, b2, ln1_w, ln1_b, ln2_w, ln2_b, R1, R2; for a "
      "LLaMA-style model also Wg, norm_w and (after fold_rmsnorm) Wout. An unknown name or a layer "
      "out of range is an argument error.",
      "size(weight(random_model(4, 2, 2, 8, 1), \"Wq\", 1))" },
    { LC_FAM_GAUGE, "with_weight", "Tsim", 4, 4, bi_with_weight, "with_weight(M, \"Wq\", layer, A)",
      "A copy of the model M with the named weight of layer layer (names as for weight) replaced "
      "by the exact matrix A, which must have the weight's shape (otherwise a dimension error). M "
      "itself is unchanged; use it to build hand-made transformations and negative controls.",
      "M = random_model(4, 2, 2, 8, 1)\nM0 = with_weight(M, \"bq\", 1, 0 * weight(M, \"bq\", 1))" },
    { LC_FAM_GAUGE, "sym_tangents", "Ts", 1, 2, bi_sym_tangents, "sym_tangents(M, \"all\")",
      "The exact tangent vectors, as the columns of an nparams x k rational matrix, of the "
      "continuous symmetries of the GPT-2-style model M that fix its function, by kind: qk, vo, "
      "kbias, vbias, ones, lnfold, relu, resid, scale, \"paper\" (qk and vo) or \"all\" (default). "
      "Kinds that do not apply to M (e.g. relu with GELU) contribute none; an unknown kind is an "
      "error.",
      "size(sym_tangents(random_model(4, 2, 2, 8, 1), \"qk\"))" },
    { LC_FAM_GAUGE, "flat_directions", "Tii", 3, 3, bi_flat_directions, "flat_directions(M, ns, n_c)",
      "Measures the flat directions of the GPT-2-style model M: the list [nparams, r, k, J T], "
      "where J is the Jacobian of the outputs on ns random integer inputs of n_c tokens (from "
      "seed()) in balls, r a rank certified by a non-singular ball minor of size min(nparams - k, "
      "rows) (certified; an error when it cannot be certified), k the exact rank of the exhibited "
      "tangents T = sym_tangents(M), and J T a ball matrix near 0. At most 20000 outputs and 2000 "
      "parameters.",
      "seed(1)\nflat_directions(strict_layernorm(random_model(4, 1, 2, 4, 1)), 2, 2)[1]" },
};

const slong lc_nbuiltins_gauge = (slong) (sizeof(lc_builtins_gauge) / sizeof(lc_builtins_gauge[0]));
