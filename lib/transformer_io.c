/* transformer_io.c -- loading transformer weights from safetensors files.
 *
 * transformer_st.c opens the file and validates its header against the
 * format; here the tensors are mapped onto a model (PyTorch or GPT-2 names),
 * the memory the model will take is bounded from the header before anything
 * is allocated, and the raw little-endian values are decoded bit by bit into
 * exact dyadic rationals; nothing passes through a C double. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include "transformer_st.h"

void
lc_tload_opts_init(lc_tload_opts_t o)
{
    o->n_h = 1;
    o->activation = LC_ACT_RELU;
    o->norm_first = 0;
    fmpq_init(o->eps);
    fmpq_set_si(o->eps, 1, 100000);
    o->mapping = LC_TMAP_AUTO;
    o->max_bytes = LC_TMODEL_MAX_BYTES;
}

void
lc_tload_opts_clear(lc_tload_opts_t o)
{
    fmpq_clear(o->eps);
}

enum { DT_F64, DT_F32, DT_F16, DT_BF16, DT_OTHER };

/* The dtypes liecheck decodes (bytes per value in *bytes). */
static int
dtype_of(const char * s, int * bytes)
{
    if (strcmp(s, "F64") == 0) { *bytes = 8; return DT_F64; }
    if (strcmp(s, "F32") == 0) { *bytes = 4; return DT_F32; }
    if (strcmp(s, "F16") == 0) { *bytes = 2; return DT_F16; }
    if (strcmp(s, "BF16") == 0) { *bytes = 2; return DT_BF16; }
    *bytes = 0;
    return DT_OTHER;
}

/* The heap bytes one decoded value may need beyond its fmpq, at worst: a
   float64 can be 2^-1074 (a 1075-bit denominator, 17 limbs) or near 2^1024;
   float32 and bfloat16 reach 2^-149 and 2^-133 (3 limbs); every float16 is
   a small fmpz.  With the mpz header and malloc's overhead. */
static uint64_t
value_heap_bytes(int dt)
{
    return dt == DT_F64 ? 192 : dt == DT_F32 || dt == DT_BF16 ? 64 : 0;
}

/* x := the exact value of the little-endian IEEE number at p; 1 if it is
   not finite (NaN or infinity). */
static int
decode(fmpq_t x, const unsigned char * p, int dt)
{
    uint64_t bits = 0;
    int i, nb, ebits, mbits, neg;
    uint64_t e, m;
    slong ex;

    nb = dt == DT_F64 ? 8 : dt == DT_F32 ? 4 : 2;
    for (i = nb - 1; i >= 0; i--)
        bits = (bits << 8) | p[i];
    ebits = dt == DT_F64 ? 11 : dt == DT_F32 ? 8 : dt == DT_F16 ? 5 : 8;
    mbits = nb * 8 - 1 - ebits;
    neg = (int) ((bits >> (nb * 8 - 1)) & 1);
    e = (bits >> mbits) & ((UINT64_C(1) << ebits) - 1);
    m = bits & ((UINT64_C(1) << mbits) - 1);
    if (e == (UINT64_C(1) << ebits) - 1)
        return 1;
    /* value = m' 2^(e' - bias - mbits), with the hidden bit unless subnormal */
    ex = (slong) (e == 0 ? 1 : e) - (((slong) 1 << (ebits - 1)) - 1) - mbits;
    if (e != 0)
        m |= UINT64_C(1) << mbits;
    fmpz_set_ui(fmpq_numref(x), (ulong) m);
    fmpz_one(fmpq_denref(x));
    if (ex >= 0)
        fmpq_mul_2exp(x, x, (ulong) ex);
    else
        fmpq_div_2exp(x, x, (ulong) -ex);
    if (neg)
        fmpq_neg(x, x);
    return 0;
}

/* A := the 1- or 2-dimensional tensor name (a 1-D tensor becomes a column),
   which must have shape r x c (c = 0: 1-D of length r).  The header has
   been validated: the entry is well formed and its bytes are in the file. */
static int
read_tensor(fmpq_mat_t A, lc_st_file * F, const char * name, slong r, slong c, lc_err_t err)
{
    json_t * t = json_object_get(F->hdr, name), * shape, * dt;
    slong dims[2], nd, i, j, numel, cols = c == 0 ? 1 : c;
    int dtype, bytes, st = LC_OK;
    uint64_t b0;
    unsigned char * buf;
    char q[LC_ST_QBUF];

    if (t == NULL || strcmp(name, "__metadata__") == 0)
        return lc_err_set(err, LC_E_ARG, "%s: missing tensor %s", F->path, _lc_st_qname(q, name));
    dt = json_object_get(t, "dtype");
    shape = json_object_get(t, "shape");
    nd = (slong) json_array_size(shape);
    if (nd != (c == 0 ? 1 : 2))
        return lc_err_set(err, LC_E_DIM, "%s: tensor %s has %ld dimensions, expected %d",
                          F->path, _lc_st_qname(q, name), (long) nd, c == 0 ? 1 : 2);
    for (i = 0; i < nd; i++)
        dims[i] = (slong) json_integer_value(json_array_get(shape, i));
    if (dims[0] != r || (c != 0 && dims[1] != c))
    {
        if (c == 0)
            return lc_err_set(err, LC_E_DIM, "%s: tensor %s has shape [%ld], expected [%ld]",
                              F->path, _lc_st_qname(q, name), (long) dims[0], (long) r);
        return lc_err_set(err, LC_E_DIM, "%s: tensor %s has shape [%ld, %ld], expected "
                          "[%ld, %ld]", F->path, _lc_st_qname(q, name), (long) dims[0], (long) dims[1],
                          (long) r, (long) c);
    }
    dtype = dtype_of(json_string_value(dt), &bytes);
    if (dtype == DT_OTHER)
        return lc_err_set(err, LC_E_PARSE, "%s: tensor %s has dtype %s; F64, F32, F16 and "
                          "BF16 are supported", F->path, _lc_st_qname(q, name), json_string_value(dt));
    numel = r * cols;
    b0 = (uint64_t) json_integer_value(json_array_get(json_object_get(t, "data_offsets"), 0));
    buf = flint_malloc(numel * bytes + 1);
    if (_lc_st_read(F, b0, buf, (size_t) (numel * bytes)) != 0)
    {
        flint_free(buf);
        return lc_err_set(err, LC_E_IO, "%s: cannot read tensor %s", F->path, _lc_st_qname(q, name));
    }
    fmpq_mat_clear(A);
    fmpq_mat_init(A, r, cols);
    for (i = 0; i < r && st == LC_OK; i++)
        for (j = 0; j < cols; j++)
            if (decode(fmpq_mat_entry(A, i, j), buf + (i * cols + j) * bytes, dtype))
            {
                st = lc_err_set(err, LC_E_PARSE, "%s: tensor %s has a non-finite value (NaN "
                                "or infinity) at index %ld", F->path, _lc_st_qname(q, name),
                                (long) (i * cols + j));
                break;
            }
    flint_free(buf);
    return st;
}

int
_lc_st_read_tensor(fmpq_mat_t A, lc_st_file * F, const char * name, slong r, slong c, lc_err_t err)
{
    return read_tensor(A, F, name, r, c, err);
}

/* Read a tensor of the layer: name is "layers.%ld.suffix" style with the
   prefix prepended. */
static int
read_layer(fmpq_mat_t A, lc_st_file * F, const char * fmt, slong t, slong r, slong c, lc_err_t err)
{
    char name[512], part[400];

    snprintf(part, sizeof part, fmt, (long) t);
    snprintf(name, sizeof name, "%s%s", F->prefix, part);
    return read_tensor(A, F, name, r, c, err);
}

/* The shape of a 2-D tensor (for sizes the file determines). */
static int
shape2(slong * r, slong * c, lc_st_file * F, const char * fmt, lc_err_t err)
{
    char name[512], part[400], q[LC_ST_QBUF];
    json_t * t, * s;

    snprintf(part, sizeof part, fmt, 0L);
    snprintf(name, sizeof name, "%s%s", F->prefix, part);
    t = json_object_get(F->hdr, name);
    if (t == NULL)
        return lc_err_set(err, LC_E_ARG, "%s: missing tensor %s", F->path, _lc_st_qname(q, name));
    s = json_is_object(t) ? json_object_get(t, "shape") : NULL;
    if (!json_is_array(s) || json_array_size(s) != 2 || !json_is_integer(json_array_get(s, 0))
        || !json_is_integer(json_array_get(s, 1)))
        return lc_err_set(err, LC_E_DIM, "%s: tensor %s must be 2-dimensional", F->path,
                          _lc_st_qname(q, name));
    if (json_integer_value(json_array_get(s, 0)) < 1 || json_integer_value(json_array_get(s, 1)) < 1
        || json_integer_value(json_array_get(s, 0)) > 3 * LC_TMODEL_MAX_DIM
        || json_integer_value(json_array_get(s, 1)) > 3 * LC_TMODEL_MAX_DIM)
        return lc_err_set(err, LC_E_LIMIT, "%s: tensor %s has shape [%lld, %lld], outside "
                          "1..%d", F->path, _lc_st_qname(q, name), (long long) json_integer_value(json_array_get(s, 0)),
                          (long long) json_integer_value(json_array_get(s, 1)), 3 * LC_TMODEL_MAX_DIM);
    *r = (slong) json_integer_value(json_array_get(s, 0));
    *c = (slong) json_integer_value(json_array_get(s, 1));
    return LC_OK;
}

/* Rows r0 .. r0 + n - 1 of A into B. */
static void
rows_of(fmpq_mat_t B, const fmpq_mat_t A, slong r0, slong n)
{
    slong i, j;

    fmpq_mat_clear(B);
    fmpq_mat_init(B, n, A->c);
    for (i = 0; i < n; i++)
        for (j = 0; j < A->c; j++)
            fmpq_set(fmpq_mat_entry(B, i, j), fmpq_mat_entry(A, r0 + i, j));
}

static void
transpose_in_place(fmpq_mat_t A)
{
    fmpq_mat_t T;

    fmpq_mat_init(T, A->c, A->r);
    fmpq_mat_transpose(T, A);
    fmpq_mat_swap(A, T);
    fmpq_mat_clear(T);
}

/* The prefix P such that some key is P + suffix, with P empty or ending in
   '.'; NULL if none. */
static const char *
find_prefix(char * buf, size_t nbuf, json_t * hdr, const char * suffix)
{
    const char * key;
    json_t * v;
    size_t ls = strlen(suffix);

    json_object_foreach(hdr, key, v)
    {
        size_t lk = strlen(key);

        (void) v;
        if (lk >= ls && strcmp(key + lk - ls, suffix) == 0
            && (lk == ls || key[lk - ls - 1] == '.') && lk - ls < nbuf)
        {
            memcpy(buf, key, lk - ls);
            buf[lk - ls] = '\0';
            return buf;
        }
    }
    return NULL;
}

/* The tensors of layer %ld that the loader reads, by mapping. */
static const char * const torch_names[12] = {
    "layers.%ld.self_attn.in_proj_weight", "layers.%ld.self_attn.in_proj_bias",
    "layers.%ld.self_attn.out_proj.weight", "layers.%ld.self_attn.out_proj.bias",
    "layers.%ld.linear1.weight", "layers.%ld.linear1.bias", "layers.%ld.linear2.weight",
    "layers.%ld.linear2.bias", "layers.%ld.norm1.weight", "layers.%ld.norm1.bias",
    "layers.%ld.norm2.weight", "layers.%ld.norm2.bias" };
static const char * const gpt2_names[12] = {
    "h.%ld.attn.c_attn.weight", "h.%ld.attn.c_attn.bias", "h.%ld.attn.c_proj.weight",
    "h.%ld.attn.c_proj.bias", "h.%ld.mlp.c_fc.weight", "h.%ld.mlp.c_fc.bias",
    "h.%ld.mlp.c_proj.weight", "h.%ld.mlp.c_proj.bias", "h.%ld.ln_1.weight", "h.%ld.ln_1.bias",
    "h.%ld.ln_2.weight", "h.%ld.ln_2.bias" };

/* An upper bound on the bytes that loading the model takes, from the header
   alone: the parsed header; every matrix of every layer (a 16-byte fmpq per
   entry, R1 and R2 included, and a row pointer per row); the heap of every
   value read, at its dtype's worst case; and the largest tensor in transit
   (its bytes, and its values once more, for in_proj which is split). */
static uint64_t
model_bytes(lc_st_file * F, int map, slong d_e, slong d_f, slong n_t)
{
    const char * const * names = map == LC_TMAP_TORCH ? torch_names : gpt2_names;
    uint64_t e = (uint64_t) d_e, f = (uint64_t) d_f, per, total, transit = 0;
    char part[400], name[512];
    slong t, k;

    /* entries: q k v (3 e^2 + 3 e), Wo bo, W1 b1, W2 b2, 4 layer-norm
       vectors, R1 and R2 */
    per = 16 * (3 * e * e + 3 * e + e * e + e + 2 * e * f + f + e + 4 * e + 2 * e * e)
        + 8 * (3 * e + 3 * e + 2 * e + 2 * f + 2 * e + 4 * e + 2 * e) + 18 * 64;
    total = LC_ST_JSON_FACTOR * F->hlen + (uint64_t) n_t * (per + sizeof(lc_tlayer_struct));
    for (t = 0; t < n_t; t++)
        for (k = 0; k < 12; k++)
        {
            json_t * v, * dt, * shape;
            uint64_t numel = 1, heap, mine;
            int bytes, dtype;
            size_t i;

            snprintf(part, sizeof part, names[k], (long) t);
            snprintf(name, sizeof name, "%s%s", F->prefix, part);
            if ((v = json_object_get(F->hdr, name)) == NULL
                || !json_is_string(dt = json_object_get(v, "dtype"))
                || !json_is_array(shape = json_object_get(v, "shape")))
                continue;
            if ((dtype = dtype_of(json_string_value(dt), &bytes)) == DT_OTHER)
                continue;
            /* validated: numel * bytes is the tensor's size in the file */
            for (i = 0; i < json_array_size(shape); i++)
                numel *= (uint64_t) json_integer_value(json_array_get(shape, i));
            if (numel > (UINT64_C(1) << 50))    /* a file of petabytes: no sum overflows */
                return UINT64_MAX;
            heap = value_heap_bytes(dtype);
            total += numel * heap;
            mine = numel * (uint64_t) bytes + 1 + numel * (16 + heap) + 8 * numel;
            if (mine > transit)
                transit = mine;
        }
    return total + transit;
}

static int
load(lc_tmodel_t M, lc_st_file * F, const lc_tload_opts_struct * o, lc_err_t err)
{
    static const char * torch0 = "layers.0.self_attn.in_proj_weight";
    static const char * gpt0 = "h.0.attn.c_attn.weight";
    char prefix[256], name[512], q[LC_ST_QBUF];
    int map = o->mapping, st;
    slong n_t, t, d_e, d_f, r, c, hd;
    uint64_t need;
    const char * key;
    json_t * v;
    fmpq_mat_t T;

    if (map == LC_TMAP_AUTO)
    {
        if (find_prefix(prefix, sizeof prefix, F->hdr, torch0) != NULL)
            map = LC_TMAP_TORCH;
        else if (find_prefix(prefix, sizeof prefix, F->hdr, gpt0) != NULL)
            map = LC_TMAP_GPT2;
        else
            return lc_err_set(err, LC_E_ARG, "%s: no layer 0 found: expected a tensor named "
                              "'[prefix.]%s' (PyTorch) or '[prefix.]%s' (GPT-2)", F->path,
                              torch0, gpt0);
    }
    else if (map == LC_TMAP_TORCH || map == LC_TMAP_GPT2)
    {
        const char * s = map == LC_TMAP_TORCH ? torch0 : gpt0;

        if (find_prefix(prefix, sizeof prefix, F->hdr, s) == NULL)
            return lc_err_set(err, LC_E_ARG, "%s: no tensor named '[prefix.]%s'", F->path, s);
    }
    else
        return lc_err_set(err, LC_E_ARG, "unknown name mapping %d", map);
    F->prefix = prefix;

    /* The layer count: layers 0 .. n_t - 1 present, none beyond. */
    for (n_t = 0; n_t <= LC_TMODEL_MAX_LAYERS; n_t++)
    {
        snprintf(name, sizeof name, map == LC_TMAP_TORCH ? "%slayers.%ld.self_attn.in_proj_weight"
                 : "%sh.%ld.attn.c_attn.weight", prefix, (long) n_t);
        if (json_object_get(F->hdr, name) == NULL)
            break;
    }
    if (n_t > LC_TMODEL_MAX_LAYERS)
        return lc_err_set(err, LC_E_LIMIT, "%s: more than %d layers", F->path, LC_TMODEL_MAX_LAYERS);
    json_object_foreach(F->hdr, key, v)
    {
        const char * lay = map == LC_TMAP_TORCH ? "layers." : "h.";
        size_t lp = strlen(prefix), ll = strlen(lay);
        char * end;
        long k;

        (void) v;
        if (strncmp(key, prefix, lp) != 0 || strncmp(key + lp, lay, ll) != 0)
            continue;
        errno = 0;
        k = strtol(key + lp + ll, &end, 10);
        if (end != key + lp + ll && *end == '.' && errno == 0 && k >= n_t)
            return lc_err_set(err, LC_E_ARG, "%s: tensor %s belongs to layer %ld, but layer %ld "
                              "has no '%s' (layers must be numbered 0, 1, ... without gaps)",
                              F->path, _lc_st_qname(q, key), k, (long) n_t,
                              map == LC_TMAP_TORCH ? "self_attn.in_proj_weight" : "attn.c_attn.weight");
    }

    /* Sizes from the file; heads from the caller. */
    if (map == LC_TMAP_TORCH)
    {
        if ((st = shape2(&r, &c, F, "layers.%ld.self_attn.in_proj_weight", err)) != LC_OK)
            return st;
        if (r != 3 * c)
        {
            snprintf(name, sizeof name, "%slayers.0.self_attn.in_proj_weight", prefix);
            return lc_err_set(err, LC_E_DIM, "%s: tensor %s has shape [%ld, %ld], expected "
                              "[3 d_e, d_e]", F->path, _lc_st_qname(q, name), (long) r, (long) c);
        }
        d_e = c;
        if ((st = shape2(&d_f, &c, F, "layers.%ld.linear1.weight", err)) != LC_OK)
            return st;
    }
    else
    {
        if ((st = shape2(&r, &c, F, "h.%ld.attn.c_attn.weight", err)) != LC_OK)
            return st;
        if (c != 3 * r)
        {
            snprintf(name, sizeof name, "%sh.0.attn.c_attn.weight", prefix);
            return lc_err_set(err, LC_E_DIM, "%s: tensor %s has shape [%ld, %ld], expected "
                              "[d_e, 3 d_e] (Conv1D)", F->path, _lc_st_qname(q, name), (long) r, (long) c);
        }
        d_e = r;
        if ((st = shape2(&r, &d_f, F, "h.%ld.mlp.c_fc.weight", err)) != LC_OK)
            return st;
    }
    if (o->n_h < 1 || d_e % o->n_h != 0)
        return lc_err_set(err, LC_E_ARG, "%s: the number of heads (%ld) must divide d_e = %ld",
                          F->path, (long) o->n_h, (long) d_e);
    if (o->activation != LC_ACT_RELU && o->activation != LC_ACT_GELU
        && o->activation != LC_ACT_GELU_TANH)
        return lc_err_set(err, LC_E_ARG, "unknown activation %d", o->activation);
    if (fmpq_sgn(o->eps) < 0)
        return lc_err_set(err, LC_E_ARG, "eps must be non-negative");
    if (d_e > LC_TMODEL_MAX_DIM || d_f > LC_TMODEL_MAX_DIM)
        return lc_err_set(err, LC_E_LIMIT, "%s: d_e = %ld and d_f = %ld must be at most %d",
                          F->path, (long) d_e, (long) d_f, LC_TMODEL_MAX_DIM);
    /* Before any allocation: what the model will take, against the limit. */
    need = model_bytes(F, map, d_e, d_f, n_t);
    if (need > (uint64_t) F->max_bytes)
        return lc_err_set(err, LC_E_LIMIT, "%s: loading this model (%ld layers, d_e = %ld, d_f = "
                          "%ld) may need %llu bytes as exact rationals, more than the limit of "
                          "%llu bytes", F->path, (long) n_t, (long) d_e, (long) d_f,
                          (unsigned long long) need, (unsigned long long) F->max_bytes);
    if ((st = lc_tmodel_alloc(M, d_e, o->n_h, d_e / o->n_h, d_f, n_t, err)) != LC_OK)
        return st;
    M->norm_first = o->norm_first != 0;
    M->activation = o->activation;
    fmpq_set(M->eps, o->eps);
    hd = d_e;

    fmpq_mat_init(T, 0, 0);
    for (t = 0, st = LC_OK; t < n_t && st == LC_OK; t++)
    {
        lc_tlayer_struct * L = M->layers + t;

#define RD(A, fmt, r_, c_) if (st == LC_OK) st = read_layer(A, F, fmt, t, r_, c_, err)
        if (map == LC_TMAP_TORCH)
        {
            RD(T, "layers.%ld.self_attn.in_proj_weight", 3 * hd, d_e);
            if (st == LC_OK)
            {
                rows_of(L->Wq, T, 0, hd);
                rows_of(L->Wk, T, hd, hd);
                rows_of(L->Wv, T, 2 * hd, hd);
            }
            RD(T, "layers.%ld.self_attn.in_proj_bias", 3 * hd, 0);
            if (st == LC_OK)
            {
                rows_of(L->bq, T, 0, hd);
                rows_of(L->bk, T, hd, hd);
                rows_of(L->bv, T, 2 * hd, hd);
            }
            RD(L->Wo, "layers.%ld.self_attn.out_proj.weight", d_e, hd);
            RD(L->bo, "layers.%ld.self_attn.out_proj.bias", d_e, 0);
            RD(L->W1, "layers.%ld.linear1.weight", d_f, d_e);
            RD(L->b1, "layers.%ld.linear1.bias", d_f, 0);
            RD(L->W2, "layers.%ld.linear2.weight", d_e, d_f);
            RD(L->b2, "layers.%ld.linear2.bias", d_e, 0);
            RD(L->ln1_w, "layers.%ld.norm1.weight", d_e, 0);
            RD(L->ln1_b, "layers.%ld.norm1.bias", d_e, 0);
            RD(L->ln2_w, "layers.%ld.norm2.weight", d_e, 0);
            RD(L->ln2_b, "layers.%ld.norm2.bias", d_e, 0);
        }
        else
        {
            /* Conv1D stores x W + b: the weight is (in, out), our W^T. */
            RD(T, "h.%ld.attn.c_attn.weight", d_e, 3 * hd);
            if (st == LC_OK)
            {
                transpose_in_place(T);
                rows_of(L->Wq, T, 0, hd);
                rows_of(L->Wk, T, hd, hd);
                rows_of(L->Wv, T, 2 * hd, hd);
            }
            RD(T, "h.%ld.attn.c_attn.bias", 3 * hd, 0);
            if (st == LC_OK)
            {
                rows_of(L->bq, T, 0, hd);
                rows_of(L->bk, T, hd, hd);
                rows_of(L->bv, T, 2 * hd, hd);
            }
            RD(L->Wo, "h.%ld.attn.c_proj.weight", hd, d_e);
            if (st == LC_OK)
                transpose_in_place(L->Wo);
            RD(L->bo, "h.%ld.attn.c_proj.bias", d_e, 0);
            RD(L->W1, "h.%ld.mlp.c_fc.weight", d_e, d_f);
            if (st == LC_OK)
                transpose_in_place(L->W1);
            RD(L->b1, "h.%ld.mlp.c_fc.bias", d_f, 0);
            RD(L->W2, "h.%ld.mlp.c_proj.weight", d_f, d_e);
            if (st == LC_OK)
                transpose_in_place(L->W2);
            RD(L->b2, "h.%ld.mlp.c_proj.bias", d_e, 0);
            RD(L->ln1_w, "h.%ld.ln_1.weight", d_e, 0);
            RD(L->ln1_b, "h.%ld.ln_1.bias", d_e, 0);
            RD(L->ln2_w, "h.%ld.ln_2.weight", d_e, 0);
            RD(L->ln2_b, "h.%ld.ln_2.bias", d_e, 0);
        }
#undef RD
    }
    fmpq_mat_clear(T);
    return st;
}

/* The model in the open file F. */
static int
load_file(lc_tmodel_t M, lc_st_file * F, const lc_tload_opts_struct * opts, lc_err_t err)
{
    lc_tmodel_t N;
    int st;

    if ((st = _lc_st_read_header(F, err)) != LC_OK)
        return st;
    lc_tmodel_init(N);
    st = load(N, F, opts, err);
    if (st == LC_OK)
    {
        lc_tmodel_struct tmp = *M;

        *M = *N;
        *N = tmp;
    }
    lc_tmodel_clear(N);
    return st;
}

int
lc_tmodel_load_safetensors(lc_tmodel_t M, const char * path, const lc_tload_opts_struct * opts,
                           lc_err_t err)
{
    lc_st_file F;
    int st;

    if ((st = _lc_st_open_path(&F, path, opts->max_bytes, err)) != LC_OK)
        return st;
    st = load_file(M, &F, opts, err);
    _lc_st_close(&F);
    return st;
}

int
lc_tmodel_load_safetensors_buffer(lc_tmodel_t M, const void * data, size_t size,
                                  const char * name, const lc_tload_opts_struct * opts,
                                  lc_err_t err)
{
    lc_st_file F;
    int st;

    _lc_st_open_mem(&F, data, size, name, opts->max_bytes);
    st = load_file(M, &F, opts, err);
    _lc_st_close(&F);
    return st;
}
