/* llama_io.c -- Hugging Face LLaMA / Mistral / Qwen2 checkpoints: config.json
 * beside model.safetensors (see llama.h).  The safetensors file is checked
 * as transformer_st.c checks every file before a tensor is read. */
#include <string.h>
#include <ctype.h>
#include <sys/stat.h>
#include <errno.h>
#include <jansson.h>
#include "llama.h"
#include "transformer_st.h"
#include "limit.h"

#define CFG_MAX_BYTES (1 << 20)

/* x := the decimal text s ("1e-06", "10000.0", "500000") exactly; 1 when it
   is not a plain decimal. */
static int
decimal_to_fmpq(fmpq_t x, const char * s)
{
    fmpz_t m, p;
    slong e = 0, frac = 0;
    int neg = 0, digits = 0, seen_dot = 0;

    fmpz_init(m);
    fmpz_init(p);
    if (*s == '-' || *s == '+')
        neg = (*s++ == '-');
    for (; *s != '\0'; s++)
    {
        if (isdigit((unsigned char) *s))
        {
            fmpz_mul_ui(m, m, 10);
            fmpz_add_ui(m, m, (ulong) (*s - '0'));
            digits++;
            frac += seen_dot;
        }
        else if (*s == '.' && !seen_dot)
            seen_dot = 1;
        else
            break;
    }
    if (*s == 'e' || *s == 'E')
    {
        char * end;
        long v = strtol(s + 1, &end, 10);

        if (end == s + 1 || *end != '\0' || v > 400 || v < -400)
            digits = 0;
        e = v;
        s = end;
    }
    if (*s != '\0' || digits == 0 || digits > 60)
    {
        fmpz_clear(m);
        fmpz_clear(p);
        return 1;
    }
    e -= frac;
    fmpz_set_ui(p, 10);
    fmpz_pow_ui(p, p, (ulong) (e < 0 ? -e : e));
    if (e >= 0)
    {
        fmpz_mul(m, m, p);
        fmpz_one(p);
    }
    fmpq_set_fmpz_frac(x, m, p);
    if (neg)
        fmpq_neg(x, x);
    fmpz_clear(m);
    fmpz_clear(p);
    return 0;
}

/* *v := the integer field key of the config (absent: dflt, or an error when
   dflt < 0). */
static int
cfg_int(slong * v, json_t * cfg, const char * key, slong dflt, const char * path, lc_err_t err)
{
    json_t * j = json_object_get(cfg, key);

    if (j == NULL || json_is_null(j))
    {
        if (dflt < 0)
            return lc_err_set(err, LC_E_PARSE, "%s: config.json has no \"%s\"", path, key);
        *v = dflt;
        return LC_OK;
    }
    if (!json_is_integer(j) || json_integer_value(j) < 1
        || json_integer_value(j) > 4 * LC_TMODEL_MAX_DIM)
        return lc_err_set(err, LC_E_PARSE, "%s: config.json's \"%s\" must be an integer in "
                          "1..%d", path, key, 4 * LC_TMODEL_MAX_DIM);
    *v = (slong) json_integer_value(j);
    return LC_OK;
}

static int
cfg_num(fmpq_t x, json_t * cfg, const char * key, const char * dflt, const char * path,
        lc_err_t err)
{
    json_t * j = json_object_get(cfg, key);
    char buf[64];

    if (j == NULL || json_is_null(j))
        snprintf(buf, sizeof buf, "%s", dflt);
    else if (json_is_integer(j))
        snprintf(buf, sizeof buf, "%lld", (long long) json_integer_value(j));
    else if (json_is_real(j))
        snprintf(buf, sizeof buf, "%.15g", json_real_value(j));
    else
        return lc_err_set(err, LC_E_PARSE, "%s: config.json's \"%s\" must be a number", path, key);
    if (decimal_to_fmpq(x, buf) || fmpq_sgn(x) < 0)
        return lc_err_set(err, LC_E_PARSE, "%s: config.json's \"%s\" is not a non-negative "
                          "decimal", path, key);
    return LC_OK;
}

/* The safetensors files of a checkpoint: model.safetensors alone, or the
   shards that model.safetensors.index.json's weight_map names. */
#define MAX_SHARDS 256

typedef struct
{
    slong n;
    lc_st_file F[MAX_SHARDS];
    char * names[MAX_SHARDS];   /* file names inside the directory */
    char * paths[MAX_SHARDS];
    json_t * map;               /* weight_map, or NULL */
}
shards_t;

static void
shards_close(shards_t * S)
{
    slong k;

    for (k = 0; k < S->n; k++)
    {
        _lc_st_close(S->F + k);
        flint_free(S->names[k]);
        flint_free(S->paths[k]);
    }
    if (S->map != NULL)
        json_decref(S->map);
    S->n = 0;
    S->map = NULL;
}

static int
shards_add(shards_t * S, const char * dir, const char * name, size_t max_bytes, lc_err_t err)
{
    int st;

    if (S->n >= MAX_SHARDS)
        return lc_err_set(err, LC_E_LIMIT, "%s: more than %d shards", dir, MAX_SHARDS);
    S->names[S->n] = flint_malloc(strlen(name) + 1);
    strcpy(S->names[S->n], name);
    S->paths[S->n] = flint_malloc(strlen(dir) + strlen(name) + 2);
    sprintf(S->paths[S->n], "%s/%s", dir, name);
    if ((st = _lc_st_open_path(S->F + S->n, S->paths[S->n], max_bytes, err)) != LC_OK
        || (st = _lc_st_read_header(S->F + S->n, err)) != LC_OK)
    {
        if (S->F[S->n].f != NULL || S->F[S->n].hdr != NULL)
            _lc_st_close(S->F + S->n);
        flint_free(S->names[S->n]);
        flint_free(S->paths[S->n]);
        return st;
    }
    S->n++;
    return LC_OK;
}

/* Open the checkpoint's files: model.safetensors, or the shards of
   model.safetensors.index.json (file names without '/', each opened once). */
static int
shards_open(shards_t * S, const char * dir, size_t max_bytes, lc_err_t err)
{
    char path[4096];
    struct stat sb;
    json_error_t jerr;
    json_t * idx, * map, * v;
    const char * key;
    slong k;
    int st = LC_OK;

    S->n = 0;
    S->map = NULL;
    snprintf(path, sizeof path, "%s/model.safetensors", dir);
    if (stat(path, &sb) == 0 || errno != ENOENT)
        return shards_add(S, dir, "model.safetensors", max_bytes, err);
    snprintf(path, sizeof path, "%s/model.safetensors.index.json", dir);
    if (stat(path, &sb) != 0)
        return lc_err_set(err, LC_E_IO, "%s: neither model.safetensors nor "
                          "model.safetensors.index.json", dir);
    if (!S_ISREG(sb.st_mode) || sb.st_size > 64 * 1024 * 1024)
        return lc_err_set(err, LC_E_IO, "%s: model.safetensors.index.json must be a regular "
                          "file of at most 64 MiB", dir);
    idx = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (idx == NULL)
        return lc_err_set(err, LC_E_PARSE, "%s: model.safetensors.index.json is not JSON "
                          "(line %d)", dir, jerr.line);
    map = json_object_get(idx, "weight_map");
    if (!json_is_object(map))
    {
        json_decref(idx);
        return lc_err_set(err, LC_E_PARSE, "%s: model.safetensors.index.json has no "
                          "weight_map object", dir);
    }
    S->map = json_incref(map);
    json_decref(idx);
    json_object_foreach(S->map, key, v)
    {
        const char * f = json_string_value(v);

        if (f == NULL || strchr(f, '/') != NULL || f[0] == '.' || f[0] == '\0')
        {
            st = lc_err_set(err, LC_E_PARSE, "%s: the weight_map entry of a tensor must be a "
                            "file name in the directory", dir);
            break;
        }
        for (k = 0; k < S->n && strcmp(S->names[k], f) != 0; k++)
            ;
        if (k == S->n && (st = shards_add(S, dir, f, max_bytes, err)) != LC_OK)
            break;
    }
    if (st != LC_OK)
        shards_close(S);
    return st;
}

static int
read_named(fmpq_mat_t A, shards_t * S, const char * name, slong r, slong c, lc_err_t err)
{
    slong k = 0;

    if (S->map != NULL)
    {
        const char * f = json_string_value(json_object_get(S->map, name));

        if (f == NULL)
            return lc_err_set(err, LC_E_ARG, "weight_map has no tensor %.200s", name);
        for (k = 0; k < S->n && strcmp(S->names[k], f) != 0; k++)
            ;
    }
    return _lc_st_read_tensor(A, S->F + k, name, r, c, err);
}

static int
has_tensor(shards_t * S, const char * name)
{
    slong k;

    if (S->map != NULL)
        return json_object_get(S->map, name) != NULL;
    for (k = 0; k < S->n; k++)
        if (json_object_get(S->F[k].hdr, name) != NULL)
            return 1;
    return 0;
}

static int
read_layer(fmpq_mat_t A, shards_t * S, slong t, const char * suffix, slong r, slong c,
           lc_err_t err)
{
    char name[256];

    snprintf(name, sizeof name, "model.layers.%ld.%s", (long) t, suffix);
    return read_named(A, S, name, r, c, err);
}

static int
load(lc_tmodel_t M, const char * dir, slong n_h_o, slong n_kv_o, int act_o, const fmpq_t eps_o,
     const fmpq_t theta_o, size_t max_bytes, lc_err_t err)
{
    char path[4096];
    json_t * cfg;
    json_error_t jerr;
    slong d_e, n_h, n_kv, d_h, d_f, n_t, t;
    int act, bias = 0, st = LC_OK;
    json_t * j;
    shards_t * F;
    uint64_t need;

    if (strlen(dir) > 3000)
        return lc_err_set(err, LC_E_ARG, "the directory name is too long");
    snprintf(path, sizeof path, "%s/config.json", dir);
    cfg = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (cfg == NULL)
        return lc_err_set(err, LC_E_IO, "%s: cannot read config.json (line %d: %.80s)", dir,
                          jerr.line, jerr.text);
    if (!json_is_object(cfg))
    {
        json_decref(cfg);
        return lc_err_set(err, LC_E_PARSE, "%s: config.json is not an object", dir);
    }
    j = json_object_get(cfg, "model_type");
    if (json_is_string(j) && strcmp(json_string_value(j), "llama") != 0
        && strcmp(json_string_value(j), "mistral") != 0 && strcmp(json_string_value(j), "qwen2") != 0)
        st = lc_err_set(err, LC_E_PARSE, "%s: model_type \"%.40s\" is not llama, mistral or qwen2",
                        dir, json_string_value(j));
    if (st == LC_OK && json_is_string(j) && strcmp(json_string_value(j), "qwen2") == 0)
        bias = 1;
    j = json_object_get(cfg, "attention_bias");
    if (json_is_true(j))
        bias = 1;
    if (st == LC_OK)
        st = cfg_int(&d_e, cfg, "hidden_size", -1, dir, err);
    if (st == LC_OK)
        st = cfg_int(&n_h, cfg, "num_attention_heads", -1, dir, err);
    if (st == LC_OK && n_h_o > 0)
        n_h = n_h_o;
    if (st == LC_OK)
        st = cfg_int(&n_kv, cfg, "num_key_value_heads", n_h, dir, err);
    if (st == LC_OK && n_kv_o > 0)
        n_kv = n_kv_o;
    if (st == LC_OK)
        st = cfg_int(&d_h, cfg, "head_dim", d_e / n_h, dir, err);
    if (st == LC_OK)
        st = cfg_int(&d_f, cfg, "intermediate_size", -1, dir, err);
    if (st == LC_OK)
        st = cfg_int(&n_t, cfg, "num_hidden_layers", -1, dir, err);
    act = LC_ACT_SILU;
    j = json_object_get(cfg, "hidden_act");
    if (st == LC_OK && json_is_string(j) && (act = lc_tmodel_act_from_name(json_string_value(j))) < 0)
        st = lc_err_set(err, LC_E_PARSE, "%s: hidden_act \"%.40s\" is not silu, gelu or "
                        "gelu_pytorch_tanh", dir, json_string_value(j));
    if (act_o >= 0)
        act = act_o;
    if (st == LC_OK)
        st = lc_llama_alloc(M, d_e, n_h, n_kv, d_h, d_f, n_t, err);
    if (st == LC_OK)
        st = cfg_num(M->eps, cfg, "rms_norm_eps", "1e-6", dir, err);
    if (st == LC_OK)
        st = cfg_num(M->rope_theta, cfg, "rope_theta", "10000", dir, err);
    json_decref(cfg);
    if (st != LC_OK)
        return st;
    if (fmpq_sgn(M->rope_theta) <= 0)
        return lc_err_set(err, LC_E_PARSE, "%s: rope_theta must be positive", dir);
    if (eps_o != NULL)
        fmpq_set(M->eps, eps_o);
    if (theta_o != NULL)
        fmpq_set(M->rope_theta, theta_o);
    M->activation = act;
    M->qkv_bias = bias;
    /* the exact model's memory, about 96 bytes a value */
    need = (uint64_t) lc_llama_nparams(M) * 96;
    if (need > max_bytes)
        return lc_err_set(err, LC_E_LIMIT, "%s: the model would take about %llu bytes as exact "
                          "rationals, more than the limit %llu", dir, (unsigned long long) need,
                          (unsigned long long) max_bytes);
    F = flint_malloc(sizeof(shards_t));
    if ((st = shards_open(F, dir, max_bytes, err)) != LC_OK)
    {
        flint_free(F);
        return st;
    }
    {
        if (has_tensor(F, "model.layers.0.self_attn.q_proj.bias"))
            M->qkv_bias = bias = 1;
        for (t = 0; t < n_t && st == LC_OK; t++)
        {
            lc_tlayer_struct * L = M->layers + t;

            if ((st = lc_limit_check(err)) != LC_OK)
                break;
            if ((st = read_layer(L->Wq, F, t, "self_attn.q_proj.weight", n_h * d_h, d_e, err)) != LC_OK
                || (st = read_layer(L->Wk, F, t, "self_attn.k_proj.weight", n_kv * d_h, d_e, err)) != LC_OK
                || (st = read_layer(L->Wv, F, t, "self_attn.v_proj.weight", n_kv * d_h, d_e, err)) != LC_OK
                || (st = read_layer(L->Wo, F, t, "self_attn.o_proj.weight", d_e, n_h * d_h, err)) != LC_OK
                || (st = read_layer(L->Wg, F, t, "mlp.gate_proj.weight", d_f, d_e, err)) != LC_OK
                || (st = read_layer(L->W1, F, t, "mlp.up_proj.weight", d_f, d_e, err)) != LC_OK
                || (st = read_layer(L->W2, F, t, "mlp.down_proj.weight", d_e, d_f, err)) != LC_OK
                || (st = read_layer(L->ln1_w, F, t, "input_layernorm.weight", d_e, 0, err)) != LC_OK
                || (st = read_layer(L->ln2_w, F, t, "post_attention_layernorm.weight", d_e, 0, err)) != LC_OK)
                break;
            if (bias
                && ((st = read_layer(L->bq, F, t, "self_attn.q_proj.bias", n_h * d_h, 0, err)) != LC_OK
                    || (st = read_layer(L->bk, F, t, "self_attn.k_proj.bias", n_kv * d_h, 0, err)) != LC_OK
                    || (st = read_layer(L->bv, F, t, "self_attn.v_proj.bias", n_kv * d_h, 0, err)) != LC_OK))
                break;
        }
        if (st == LC_OK)
            st = read_named(M->norm_w, F, "model.norm.weight", d_e, 0, err);
        /* the output map liecheck's fold_rmsnorm creates (save_model writes it) */
        if (st == LC_OK && has_tensor(F, "liecheck.output_map.weight"))
            st = read_named(M->Wout, F, "liecheck.output_map.weight", d_e, d_e, err);
    }
    shards_close(F);
    flint_free(F);
    return st;
}

int
lc_llama_load_dir(lc_tmodel_t M, const char * dir, slong n_h, slong n_kv, int act,
                  const fmpq_t eps, const fmpq_t theta, size_t max_bytes, lc_err_t err)
{
    lc_tmodel_t N;
    int st;

    lc_tmodel_init(N);
    st = load(N, dir, n_h, n_kv, act, eps, theta, max_bytes, err);
    if (st == LC_OK)
    {
        lc_tmodel_struct tmp = *M;

        *M = *N;
        *N = tmp;
    }
    lc_tmodel_clear(N);
    return st;
}

/* ------------------------------------------------------------- saving */

/* The bits of x (exactly representable in fmt, or F64 when fmt < 0), little
   endian, into p; nb bytes. */
static void
encode(unsigned char * p, const fmpq_t x, int fmt)
{
    int nb = fmt == LC_FMT_F16 || fmt == LC_FMT_BF16 ? 2 : fmt == LC_FMT_F32 ? 4 : 8;
    int ebits = fmt == LC_FMT_F16 ? 5 : fmt == LC_FMT_F32 || fmt == LC_FMT_BF16 ? 8 : 11;
    int mbits = nb * 8 - 1 - ebits, i;
    slong bias = ((slong) 1 << (ebits - 1)) - 1, e;
    uint64_t bits = 0, m;
    fmpz_t mm, ee;
    arf_t a;

    fmpz_init(mm);
    fmpz_init(ee);
    arf_init(a);
    if (!fmpq_is_zero(x))
    {
        /* |x| = mm 2^ee, mm odd; normalise to 1.f 2^e */
        arf_set_fmpq(a, x, 64, ARF_RND_NEAR);       /* exact: x has at most 53 bits */
        arf_abs(a, a);
        arf_get_fmpz_2exp(mm, ee, a);
        e = fmpz_get_si(ee) + (slong) fmpz_bits(mm) - 1;   /* x = 1.f 2^e */
        if (e >= 1 - bias)
        {
            /* normal: mantissa = mm 2^(mbits - bits + 1) without the hidden bit */
            fmpz_mul_2exp(mm, mm, (ulong) (mbits - (slong) fmpz_bits(mm) + 1));
            m = fmpz_get_ui(mm) & ((UINT64_C(1) << mbits) - 1);
            bits = ((uint64_t) (e + bias) << mbits) | m;
        }
        else
        {
            /* subnormal: x = m 2^(1 - bias - mbits) */
            slong sh = fmpz_get_si(ee) - (1 - bias - mbits);

            fmpz_mul_2exp(mm, mm, (ulong) sh);
            bits = fmpz_get_ui(mm);
        }
        if (fmpq_sgn(x) < 0)
            bits |= UINT64_C(1) << (nb * 8 - 1);
    }
    for (i = 0; i < nb; i++)
        p[i] = (unsigned char) (bits >> (8 * i));
    fmpz_clear(mm);
    fmpz_clear(ee);
    arf_clear(a);
}

/* A number of config.json: a JSON real, or an integer when q is one. */
static json_t *
cfg_number(const fmpq_t q)
{
    if (fmpz_is_one(fmpq_denref(q)) && fmpz_fits_si(fmpq_numref(q)))
        return json_integer((json_int_t) fmpz_get_si(fmpq_numref(q)));
    return json_real(fmpq_get_d(q));
}

int
lc_llama_save_dir(fmpq_t maxrel, const lc_tmodel_t M, const char * dir, int fmt, lc_err_t err)
{
    fmpq_mat_struct ** m;
    char ** names;
    int * oned;
    slong nm, k, t, i, j, per, total = 0;
    json_t * hdr, * cfg, * arch;
    char * h, path[4096];
    size_t hl;
    FILE * f;
    int st = LC_OK, nb = fmt == LC_FMT_F16 || fmt == LC_FMT_BF16 ? 2 : fmt == LC_FMT_F32 ? 4 : 8;
    const char * dt = fmt == LC_FMT_F16 ? "F16" : fmt == LC_FMT_BF16 ? "BF16" : fmt == LC_FMT_F32
        ? "F32" : "F64";
    static const char * const lnames[12] = { "self_attn.q_proj.weight", "self_attn.k_proj.weight",
        "self_attn.v_proj.weight", "self_attn.o_proj.weight", "mlp.gate_proj.weight",
        "mlp.up_proj.weight", "mlp.down_proj.weight", "input_layernorm.weight",
        "post_attention_layernorm.weight", "self_attn.q_proj.bias", "self_attn.k_proj.bias",
        "self_attn.v_proj.bias" };
    struct stat sb;
    fmpq_t y, d;

    if (M->arch != LC_ARCH_LLAMA)
        return lc_err_set(err, LC_E_ARG, "save_model writes LLaMA-style models");
    if (strlen(dir) > 3000)
        return lc_err_set(err, LC_E_ARG, "the directory name is too long");
    if (stat(dir, &sb) != 0 && mkdir(dir, 0777) != 0)
        return lc_err_set(err, LC_E_IO, "cannot create the directory %s: %s", dir, strerror(errno));
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return lc_err_set(err, LC_E_IO, "%s is not a directory", dir);
    per = M->qkv_bias ? 12 : 9;
    m = flint_malloc(sizeof(fmpq_mat_struct *) * (M->n_t * 12 + 2));
    names = flint_malloc(sizeof(char *) * (M->n_t * 12 + 2));
    oned = flint_malloc(sizeof(int) * (M->n_t * 12 + 2));
    nm = 0;
    for (t = 0; t < M->n_t; t++)
    {
        lc_tlayer_struct * L = M->layers + t;
        fmpq_mat_struct * lm[12] = { L->Wq, L->Wk, L->Wv, L->Wo, L->Wg, L->W1, L->W2, L->ln1_w,
                                     L->ln2_w, L->bq, L->bk, L->bv };

        for (k = 0; k < per; k++)
        {
            names[nm] = flint_malloc(80);
            snprintf(names[nm], 80, "model.layers.%ld.%s", (long) t, lnames[k]);
            oned[nm] = k >= 7;
            m[nm++] = lm[k];
        }
    }
    names[nm] = flint_malloc(80);
    snprintf(names[nm], 80, "model.norm.weight");
    oned[nm] = 1;
    m[nm++] = (fmpq_mat_struct *) M->norm_w;
    if (M->Wout->r > 0)
    {
        names[nm] = flint_malloc(80);
        snprintf(names[nm], 80, "liecheck.output_map.weight");
        oned[nm] = 0;
        m[nm++] = (fmpq_mat_struct *) M->Wout;
    }
    /* the header */
    hdr = json_object();
    for (k = 0; k < nm; k++)
    {
        slong n = m[k]->r * m[k]->c;
        json_t * e = json_object(), * shape = json_array(), * off = json_array();

        json_array_append_new(shape, json_integer(m[k]->r));
        if (!oned[k])
            json_array_append_new(shape, json_integer(m[k]->c));
        json_array_append_new(off, json_integer(total));
        json_array_append_new(off, json_integer(total + n * nb));
        total += n * nb;
        json_object_set_new(e, "dtype", json_string(dt));
        json_object_set_new(e, "shape", shape);
        json_object_set_new(e, "data_offsets", off);
        json_object_set_new(hdr, names[k], e);
    }
    json_object_set_new(hdr, "__metadata__", json_pack("{s:s}", "format", "pt"));
    h = json_dumps(hdr, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(hdr);
    hl = strlen(h);
    snprintf(path, sizeof path, "%s/model.safetensors", dir);
    fmpq_init(y);
    fmpq_init(d);
    fmpq_zero(maxrel);
    if ((f = fopen(path, "wb")) == NULL)
        st = lc_err_set(err, LC_E_IO, "cannot write %s", path);
    else
    {
        unsigned char len8[8], buf[8];
        uint64_t L = (uint64_t) ((hl + 7) / 8 * 8);

        for (i = 0; i < 8; i++)
            len8[i] = (unsigned char) (L >> (8 * i));
        fwrite(len8, 1, 8, f);
        fwrite(h, 1, hl, f);
        for (i = (slong) hl; i < (slong) L; i++)
            fputc(' ', f);
        for (k = 0; k < nm && st == LC_OK; k++)
            for (i = 0; i < m[k]->r && st == LC_OK; i++)
                for (j = 0; j < m[k]->c; j++)
                {
                    const fmpq * x = fmpq_mat_entry(m[k], i, j);

                    if (lc_llama_round_value(y, x, fmt < 0 ? LC_FMT_F64 : fmt))
                    {
                        st = lc_err_set(err, LC_E_DOMAIN, "%s[%ld, %ld] overflows %s", names[k],
                                        (long) i + 1, (long) j + 1, dt);
                        break;
                    }
                    if (!fmpq_is_zero(x))
                    {
                        fmpq_sub(d, y, x);
                        fmpq_div(d, d, x);
                        fmpq_abs(d, d);
                        if (fmpq_cmp(d, maxrel) > 0)
                            fmpq_set(maxrel, d);
                    }
                    encode(buf, y, fmt < 0 ? LC_FMT_F64 : fmt);
                    fwrite(buf, 1, (size_t) nb, f);
                }
        if (fclose(f) != 0 && st == LC_OK)
            st = lc_err_set(err, LC_E_IO, "cannot write %s", path);
    }
    free(h);
    for (k = 0; k < nm; k++)
        flint_free(names[k]);
    flint_free(names);
    flint_free(oned);
    flint_free(m);
    fmpq_clear(y);
    fmpq_clear(d);
    if (st != LC_OK)
        return st;
    /* config.json */
    cfg = json_object();
    arch = json_array();
    json_array_append_new(arch, json_string(M->qkv_bias ? "Qwen2ForCausalLM" : "LlamaForCausalLM"));
    json_object_set_new(cfg, "architectures", arch);
    json_object_set_new(cfg, "model_type", json_string(M->qkv_bias ? "qwen2" : "llama"));
    json_object_set_new(cfg, "hidden_size", json_integer(M->d_e));
    json_object_set_new(cfg, "num_attention_heads", json_integer(M->n_h));
    json_object_set_new(cfg, "num_key_value_heads", json_integer(M->n_kv));
    json_object_set_new(cfg, "head_dim", json_integer(M->d_h));
    json_object_set_new(cfg, "intermediate_size", json_integer(M->d_f));
    json_object_set_new(cfg, "num_hidden_layers", json_integer(M->n_t));
    json_object_set_new(cfg, "hidden_act", json_string(M->activation == LC_ACT_SILU ? "silu"
                        : M->activation == LC_ACT_GELU ? "gelu" : "gelu_pytorch_tanh"));
    json_object_set_new(cfg, "rms_norm_eps", cfg_number(M->eps));
    json_object_set_new(cfg, "rope_theta", cfg_number(M->rope_theta));
    json_object_set_new(cfg, "torch_dtype", json_string(fmt == LC_FMT_F16 ? "float16" : fmt == LC_FMT_BF16
                        ? "bfloat16" : fmt == LC_FMT_F32 ? "float32" : "float64"));
    snprintf(path, sizeof path, "%s/config.json", dir);
    if (json_dump_file(cfg, path, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15)) != 0)
        st = lc_err_set(err, LC_E_IO, "cannot write %s", path);
    json_decref(cfg);
    return st;
}
