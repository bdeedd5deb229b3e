/* value.c -- the values of the liecheck language. */
#include "config.h"
#include <string.h>
#include "value.h"
#include "parse.h"
#include "builtins.h"

static lc_val_struct lc_nil_obj = { LC_V_NIL, -1, { 0 }, 0 };
static lc_val_struct lc_omitted_obj = { LC_V_NIL, -1, { 0 }, 0 };
static lc_val_struct lc_true_obj = { LC_V_BOOL, -1, { 1 }, 0 };
static lc_val_struct lc_false_obj = { LC_V_BOOL, -1, { 0 }, 0 };
static lc_val_struct lc_true_cert_obj = { LC_V_BOOL, -1, { 1 }, 1 };
static lc_val_struct lc_false_cert_obj = { LC_V_BOOL, -1, { 0 }, 1 };

static lc_val
val_new(lc_vtype type)
{
    lc_val v = flint_malloc(sizeof(lc_val_struct));

    v->type = type;
    v->refs = 1;
    v->cert = 0;
    return v;
}

lc_val
lc_val_nil(void)
{
    return &lc_nil_obj;
}

lc_val
lc_val_omitted(void)
{
    return &lc_omitted_obj;
}

lc_val
lc_val_bool(int b)
{
    return b ? &lc_true_obj : &lc_false_obj;
}

lc_val
lc_val_bool_cert(int b, int cert)
{
    if (!cert)
        return lc_val_bool(b);
    return b ? &lc_true_cert_obj : &lc_false_cert_obj;
}

lc_val
lc_val_num(const fmpq_t q)
{
    lc_val v = val_new(LC_V_NUM);

    fmpq_init(v->u.q);
    fmpq_set(v->u.q, q);
    return v;
}

lc_val
lc_val_si(slong n)
{
    lc_val v = val_new(LC_V_NUM);

    fmpq_init(v->u.q);
    fmpq_set_si(v->u.q, n, 1);
    return v;
}

lc_val
lc_val_str(const char * s, size_t len)
{
    lc_val v = val_new(LC_V_STR);

    v->u.str.s = flint_malloc(len + 1);
    memcpy(v->u.str.s, s, len);
    v->u.str.s[len] = '\0';
    v->u.str.len = len;
    return v;
}

lc_val
lc_val_cstr(const char * s)
{
    return lc_val_str(s, strlen(s));
}

lc_val
lc_val_mat(void)
{
    lc_val v = val_new(LC_V_MAT);

    fmpq_mat_init(v->u.m, 0, 0);
    return v;
}

lc_val
lc_val_lie(void)
{
    lc_val v = val_new(LC_V_LIE);

    lc_lie_init(v->u.lie);
    return v;
}

lc_val
lc_val_perm(void)
{
    lc_val v = val_new(LC_V_PERM);

    lc_perm_init(v->u.perm, 0);
    return v;
}

lc_val
lc_val_group(void)
{
    lc_val v = val_new(LC_V_GROUP);

    v->u.group = flint_malloc(sizeof(lc_group_struct));
    lc_group_init(v->u.group, 0);
    return v;
}

lc_val
lc_val_builtin(const struct lc_builtin_struct * fn)
{
    lc_val v = val_new(LC_V_BUILTIN);

    v->u.fn = fn;
    return v;
}

lc_val
lc_val_ball(void)
{
    lc_val v = val_new(LC_V_BALL);

    arb_init(v->u.ball);
    return v;
}

lc_val
lc_val_bmat(void)
{
    lc_val v = val_new(LC_V_BMAT);

    arb_mat_init(v->u.bm, 0, 0);
    return v;
}

lc_val
lc_val_model(void)
{
    lc_val v = val_new(LC_V_MODEL);

    v->u.model = flint_malloc(sizeof(lc_tmodel_struct));
    lc_tmodel_init(v->u.model);
    return v;
}

lc_val
lc_val_rep(void)
{
    lc_val v = val_new(LC_V_REP);

    v->u.rep = flint_malloc(sizeof(lc_rep_struct));
    lc_rep_init(v->u.rep);
    return v;
}

lc_val
lc_val_func(struct lc_node_struct * def)
{
    lc_val v = val_new(LC_V_FUNC);

    v->u.def = def;
    return v;
}

lc_val
lc_val_list(lc_val * items, slong len)
{
    lc_val v;
    slong i;
    slong size = len;
    int depth = 1;

    for (i = 0; i < len; i++)
        if (items[i]->type == LC_V_LIST)
        {
            if (items[i]->u.list.depth + 1 > depth)
                depth = items[i]->u.list.depth + 1;
            size = items[i]->u.list.size > WORD_MAX - size ? WORD_MAX : size + items[i]->u.list.size;
        }
    if (depth > LC_MAX_LIST_DEPTH)
    {
        for (i = 0; i < len; i++)
            lc_val_unref(items[i]);
        return NULL;
    }
    v = val_new(LC_V_LIST);
    v->u.list.items = flint_malloc(sizeof(lc_val) * (len > 0 ? len : 1));
    if (len > 0)
        memcpy(v->u.list.items, items, sizeof(lc_val) * len);
    v->u.list.len = len;
    v->u.list.depth = depth;
    v->u.list.size = size;
    return v;
}

lc_val
lc_val_ref(lc_val v)
{
    if (v->refs >= 0)
        v->refs++;
    return v;
}

void
lc_val_unref(lc_val v)
{
    slong i;

    if (v == NULL || v->refs < 0 || --v->refs > 0)
        return;
    switch (v->type)
    {
        case LC_V_NUM: fmpq_clear(v->u.q); break;
        case LC_V_STR: flint_free(v->u.str.s); break;
        case LC_V_MAT: fmpq_mat_clear(v->u.m); break;
        case LC_V_LIE: lc_lie_clear(v->u.lie); break;
        case LC_V_PERM: lc_perm_clear(v->u.perm); break;
        case LC_V_GROUP: lc_group_clear(v->u.group); flint_free(v->u.group); break;
        case LC_V_BALL: arb_clear(v->u.ball); break;
        case LC_V_FUNC: lc_node_free(v->u.def); break;
        case LC_V_BMAT: arb_mat_clear(v->u.bm); break;
        case LC_V_MODEL: lc_tmodel_clear(v->u.model); flint_free(v->u.model); break;
        case LC_V_REP: lc_rep_clear(v->u.rep); flint_free(v->u.rep); break;
        case LC_V_LIST:
            for (i = 0; i < v->u.list.len; i++)
                lc_val_unref(v->u.list.items[i]);
            flint_free(v->u.list.items);
            break;
        default: break;
    }
    flint_free(v);
}

const char *
lc_val_type_name(const lc_val v)
{
    switch (v->type)
    {
        case LC_V_NIL: return "nil";
        case LC_V_BOOL: return "bool";
        case LC_V_NUM: return "number";
        case LC_V_STR: return "string";
        case LC_V_MAT: return "matrix";
        case LC_V_LIST: return "list";
        case LC_V_LIE: return "lie algebra";
        case LC_V_PERM: return "permutation";
        case LC_V_GROUP: return "group";
        case LC_V_BUILTIN: return "function";
        case LC_V_BALL: return "ball";
        case LC_V_FUNC: return "function";
        case LC_V_BMAT: return "ball matrix";
        case LC_V_MODEL: return "model";
        case LC_V_REP: return "representation";
    }
    return "value";
}

const char *
lc_val_kind(const lc_val v)
{
    switch (v->type)
    {
        case LC_V_NIL: return "nil";
        case LC_V_BOOL: return "a bool";
        case LC_V_NUM: return "a number";
        case LC_V_STR: return "a string";
        case LC_V_MAT: return "a matrix";
        case LC_V_LIST: return "a list";
        case LC_V_LIE: return "a lie algebra";
        case LC_V_PERM: return "a permutation";
        case LC_V_GROUP: return "a group";
        case LC_V_BUILTIN: return "a function";
        case LC_V_BALL: return "a ball";
        case LC_V_FUNC: return "a function";
        case LC_V_BMAT: return "a ball matrix";
        case LC_V_MODEL: return "a model";
        case LC_V_REP: return "a representation";
    }
    return "a value";
}

int
lc_val_is_si(const lc_val v)
{
    return v->type == LC_V_NUM && fmpz_is_one(fmpq_denref(v->u.q))
        && fmpz_fits_si(fmpq_numref(v->u.q));
}

slong
lc_val_get_si(const lc_val v)
{
    return fmpz_get_si(fmpq_numref(v->u.q));
}

/* A growing byte buffer for building canonical text. */
typedef struct
{
    char * s;
    size_t len;
    size_t alloc;
}
sbuf;

static void
sbuf_add(sbuf * b, const char * s, size_t n)
{
    if (b->len + n + 1 > b->alloc)
    {
        b->alloc = 2 * (b->len + n + 1);
        b->s = flint_realloc(b->s, b->alloc);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void
sbuf_puts(sbuf * b, const char * s)
{
    sbuf_add(b, s, strlen(s));
}

static void
sbuf_quoted(sbuf * b, const char * s, size_t n)
{
    size_t i;

    sbuf_add(b, "\"", 1);
    for (i = 0; i < n; i++)
    {
        if (s[i] == '"' || s[i] == '\\')
        {
            sbuf_add(b, "\\", 1);
            sbuf_add(b, s + i, 1);
        }
        else if (s[i] == '\n')
            sbuf_add(b, "\\n", 2);
        else if (s[i] == '\t')
            sbuf_add(b, "\\t", 2);
        else
            sbuf_add(b, s + i, 1);
    }
    sbuf_add(b, "\"", 1);
}

static void
sbuf_val(sbuf * b, const lc_val v, int raw, slong digits)
{
    char * t;
    slong i;

    switch (v->type)
    {
        case LC_V_NIL: sbuf_puts(b, "nil"); break;
        case LC_V_BOOL: sbuf_puts(b, v->u.b ? "true" : "false"); break;
        case LC_V_NUM:
            t = flint_malloc(fmpz_sizeinbase(fmpq_numref(v->u.q), 10)
                             + fmpz_sizeinbase(fmpq_denref(v->u.q), 10) + 3);
            _fmpq_get_str(t, 10, fmpq_numref(v->u.q), fmpq_denref(v->u.q));
            sbuf_puts(b, t);
            flint_free(t);
            break;
        case LC_V_STR:
            if (raw)
                sbuf_add(b, v->u.str.s, v->u.str.len);
            else
                sbuf_quoted(b, v->u.str.s, v->u.str.len);
            break;
        case LC_V_MAT:
            t = lc_qmat_get_str(v->u.m);
            sbuf_puts(b, t);
            flint_free(t);
            break;
        case LC_V_LIE:
            t = lc_lie_get_str(v->u.lie);
            sbuf_puts(b, t);
            flint_free(t);
            break;
        case LC_V_PERM:
            t = lc_perm_get_str(v->u.perm);
            sbuf_puts(b, t);
            flint_free(t);
            break;
        case LC_V_GROUP:
            t = lc_group_get_str(v->u.group);
            sbuf_puts(b, t);
            flint_free(t);
            break;
        case LC_V_LIST:
            sbuf_add(b, "[", 1);
            for (i = 0; i < v->u.list.len; i++)
            {
                if (i > 0)
                    sbuf_add(b, ", ", 2);
                sbuf_val(b, v->u.list.items[i], 0, digits);
            }
            sbuf_add(b, "]", 1);
            break;
        case LC_V_FUNC:
            sbuf_puts(b, "<function ");
            sbuf_puts(b, v->u.def->name);
            sbuf_add(b, "(", 1);
            for (i = 0; i < v->u.def->nparams; i++)
            {
                if (i > 0)
                    sbuf_add(b, ", ", 2);
                sbuf_puts(b, v->u.def->params[i]);
            }
            sbuf_add(b, ")>", 2);
            break;
        case LC_V_BALL:
            t = arb_get_str(v->u.ball, digits, 0);
            sbuf_puts(b, t);
            flint_free(t);
            break;
        case LC_V_BMAT:
            t = lc_ball_get_str(v->u.bm, digits);
            sbuf_puts(b, t);
            flint_free(t);
            break;
        case LC_V_MODEL:
            t = lc_tmodel_get_str(v->u.model);
            sbuf_puts(b, t);
            flint_free(t);
            break;
        case LC_V_REP:
            t = lc_rep_get_str(v->u.rep);
            sbuf_puts(b, t);
            flint_free(t);
            break;
        case LC_V_BUILTIN:
            sbuf_puts(b, "<built-in ");
            sbuf_puts(b, v->u.fn->name);
            sbuf_puts(b, ">");
            break;
    }
}

char *
lc_val_get_str_digits(const lc_val v, int raw, slong digits)
{
    sbuf b = { NULL, 0, 0 };

    sbuf_add(&b, "", 0);
    sbuf_val(&b, v, raw, digits);
    return b.s;
}

char *
lc_val_get_str(const lc_val v, int raw)
{
    return lc_val_get_str_digits(v, raw, LC_BALL_DIGITS);
}

void
lc_val_fprint_digits(FILE * f, const lc_val v, int raw, slong digits)
{
    char * s = lc_val_get_str_digits(v, raw, digits);

    fputs(s, f);
    flint_free(s);
}

/* The text of entry (i, j) of a matrix value. */
static char *
entry_str(const lc_val v, slong i, slong j, slong digits)
{
    char * t;

    if (v->type == LC_V_BMAT)
        return arb_get_str(arb_mat_entry(v->u.bm, i, j), digits, 0);
    t = flint_malloc(fmpz_sizeinbase(fmpq_numref(fmpq_mat_entry(v->u.m, i, j)), 10)
                     + fmpz_sizeinbase(fmpq_denref(fmpq_mat_entry(v->u.m, i, j)), 10) + 3);
    _fmpq_get_str(t, 10, fmpq_numref(fmpq_mat_entry(v->u.m, i, j)),
                  fmpq_denref(fmpq_mat_entry(v->u.m, i, j)));
    return t;
}

char *
lc_val_get_pretty(const lc_val v, slong digits)
{
    slong r, c, i, j;
    size_t * w;
    char ** t;
    sbuf b = { NULL, 0, 0 };

    if (v->type != LC_V_MAT && v->type != LC_V_BMAT)
        return lc_val_get_str_digits(v, 1, digits);
    r = v->type == LC_V_MAT ? v->u.m->r : arb_mat_nrows(v->u.bm);
    c = v->type == LC_V_MAT ? v->u.m->c : arb_mat_ncols(v->u.bm);
    if (r == 0 || c == 0)
        return lc_val_get_str_digits(v, 1, digits);
    t = flint_malloc(sizeof(char *) * r * c);
    w = flint_calloc(c, sizeof(size_t));
    for (i = 0; i < r; i++)
        for (j = 0; j < c; j++)
        {
            t[i * c + j] = entry_str(v, i, j, digits);
            w[j] = FLINT_MAX(w[j], strlen(t[i * c + j]));
        }
    sbuf_add(&b, "", 0);
    for (i = 0; i < r; i++)
    {
        sbuf_add(&b, i > 0 ? "\n[" : "[", i > 0 ? 2 : 1);
        for (j = 0; j < c; j++)
        {
            size_t k, n = strlen(t[i * c + j]);

            for (k = n; k < w[j] + (j > 0 ? 2 : 0); k++)
                sbuf_add(&b, " ", 1);
            sbuf_add(&b, t[i * c + j], n);
            flint_free(t[i * c + j]);
        }
        sbuf_add(&b, "]", 1);
    }
    flint_free(t);
    flint_free(w);
    return b.s;
}

char *
lc_val_decimal_str(const fmpq_t q, slong n)
{
    fmpz_t a, num, den, m, t;
    slong e, k, len, point;
    int exact, neg = fmpq_sgn(q) < 0;
    char * d, * out;
    sbuf b = { NULL, 0, 0 };

    if (fmpq_is_zero(q))
    {
        out = flint_malloc(2);
        strcpy(out, "0");
        return out;
    }
    fmpz_init(a); fmpz_init(num); fmpz_init(den); fmpz_init(m); fmpz_init(t);
    fmpz_abs(a, fmpq_numref(q));
    /* e with 10^e <= |q| < 10^(e+1): estimate from the lengths, then fix */
    e = (slong) fmpz_sizeinbase(a, 10) - (slong) fmpz_sizeinbase(fmpq_denref(q), 10);
    for (;;)
    {
        /* compare a with den * 10^e */
        fmpz_set(num, a);
        fmpz_set(den, fmpq_denref(q));
        fmpz_ui_pow_ui(t, 10, (ulong) FLINT_ABS(e));
        if (e >= 0)
            fmpz_mul(den, den, t);
        else
            fmpz_mul(num, num, t);
        if (fmpz_cmp(num, den) < 0)
            e--;
        else
        {
            fmpz_mul_ui(den, den, 10);
            if (fmpz_cmp(num, den) >= 0)
                e++;
            else
                break;
        }
    }
    /* m = round(|q| 10^k), k = n - 1 - e */
    k = n - 1 - e;
    fmpz_set(num, a);
    fmpz_set(den, fmpq_denref(q));
    fmpz_ui_pow_ui(t, 10, (ulong) FLINT_ABS(k));
    if (k >= 0)
        fmpz_mul(num, num, t);
    else
        fmpz_mul(den, den, t);
    fmpz_mul_2exp(m, num, 1);
    fmpz_add(m, m, den);
    fmpz_mul_2exp(t, den, 1);
    fmpz_fdiv_q(m, m, t);           /* floor((2 num + den) / (2 den)) */
    fmpz_mod(t, num, den);
    exact = fmpz_is_zero(t);
    fmpz_ui_pow_ui(t, 10, (ulong) n);
    if (fmpz_equal(m, t))           /* 9.99.. rounded up to 10.0.. */
    {
        fmpz_divexact_ui(m, m, 10);
        e++;
    }
    d = fmpz_get_str(NULL, 10, m);
    len = (slong) strlen(d);
    while (len > 1 && d[len - 1] == '0')   /* trailing zeros say nothing */
        d[--len] = '\0';
    sbuf_add(&b, "", 0);
    if (!exact)
        sbuf_add(&b, "~", 1);
    if (neg)
        sbuf_add(&b, "-", 1);
    if (e >= -5 && e < n)
    {
        if (e < 0)
        {
            sbuf_add(&b, "0.", 2);
            for (k = 0; k < -e - 1; k++)
                sbuf_add(&b, "0", 1);
            sbuf_add(&b, d, len);
        }
        else
        {
            point = e + 1;
            sbuf_add(&b, d, FLINT_MIN(len, point));
            for (k = len; k < point; k++)
                sbuf_add(&b, "0", 1);
            if (len > point)
            {
                sbuf_add(&b, ".", 1);
                sbuf_add(&b, d + point, len - point);
            }
        }
    }
    else
    {
        char ex[32];

        sbuf_add(&b, d, 1);
        if (len > 1)
        {
            sbuf_add(&b, ".", 1);
            sbuf_add(&b, d + 1, len - 1);
        }
        snprintf(ex, sizeof(ex), "e%ld", (long) e);
        sbuf_puts(&b, ex);
    }
    flint_free(d);
    fmpz_clear(a); fmpz_clear(num); fmpz_clear(den); fmpz_clear(m); fmpz_clear(t);
    return b.s;
}

void
lc_val_fprint(FILE * f, const lc_val v, int raw)
{
    char * s = lc_val_get_str(v, raw);

    fputs(s, f);
    flint_free(s);
}
