/* group_fns.c -- built-ins for permutations and finite groups, the group
 * forms of the Lie built-ins (derived_series(G), ...: rows of the same names
 * in the registry), and permutation arithmetic for the evaluator.  The
 * mathematics is in lib/group. */
#include "config.h"
#include <string.h>
#include "eval.h"
#include "builtins.h"
#include "limit.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

/* Default limit of elements(G) (a list that is printed). */
#define LC_ELEMENTS_LIMIT 10000

static lc_val
num_fmpz(const fmpz_t z)
{
    fmpq_t q;
    lc_val v;

    fmpq_init(q);
    fmpz_set(fmpq_numref(q), z);
    v = lc_val_num(q);
    fmpq_clear(q);
    return v;
}

static lc_val
perm_val(const lc_perm_t p)
{
    lc_val v = lc_val_perm();

    lc_perm_set(v->u.perm, p);
    return v;
}

/* The items of a call f(a, b, ...) or f([a, b, ...]). */
static void
items_of(lc_val ** items, slong * n, lc_val * args, slong nargs)
{
    if (nargs == 1 && args[0]->type == LC_V_LIST)
    {
        *items = args[0]->u.list.items;
        *n = args[0]->u.list.len;
    }
    else
    {
        *items = args;
        *n = nargs;
    }
}

/* An optional limit argument (a positive integer). */
static int
get_limit(slong * limit, lc_val * args, slong nargs, slong k, slong dflt, lc_err_t err)
{
    *limit = dflt;
    if (nargs <= k)
        return LC_OK;
    *limit = lc_val_get_si(args[k]);
    if (*limit < 1)
        return lc_err_set(err, LC_E_ARG, "the limit must be positive, got %ld", (long) *limit);
    return LC_OK;
}

/* ------------------------------------------------------- permutations */

static int
bi_perm_str(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_perm();
    if (lc_perm_set_str((*res)->u.perm, args[0]->u.str.s, err) != LC_OK)
    {
        lc_val_unref(*res);
        return err->code;
    }
    return LC_OK;
}

static int
bi_perm_images(ARGS)
{
    slong n = args[0]->u.list.len, i, * img;
    int st = LC_OK;

    UNUSED_ARGS;
    if (n > LC_PERM_MAX_DEGREE)
        return lc_err_set(err, LC_E_LIMIT, "degree %ld exceeds the limit %d", (long) n, LC_PERM_MAX_DEGREE);
    img = flint_malloc(sizeof(slong) * (n + 1));
    for (i = 0; i < n && st == LC_OK; i++)
    {
        if (!lc_val_is_si(args[0]->u.list.items[i]))
            st = lc_err_set(err, LC_E_ARG, "entry %ld is not an integer", (long) i + 1);
        else
            img[i] = lc_val_get_si(args[0]->u.list.items[i]) - 1;
    }
    if (st == LC_OK)
    {
        *res = lc_val_perm();
        if ((st = lc_perm_set_images((*res)->u.perm, img, n, err)) != LC_OK)
            lc_val_unref(*res);
    }
    flint_free(img);
    return st;
}

static int
bi_perm_inv(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_perm();
    lc_perm_inv((*res)->u.perm, args[0]->u.perm);
    return LC_OK;
}

/* The list of 1-based images on 1..degree. */
static int
bi_images(ARGS)
{
    const lc_perm_struct * p = args[0]->u.perm;
    lc_val * items = flint_malloc(sizeof(lc_val) * (p->n + 1));
    slong i;

    UNUSED_ARGS;
    for (i = 0; i < p->n; i++)
        items[i] = lc_val_si(p->img[i] + 1);
    *res = lc_val_list(items, p->n);
    flint_free(items);
    return LC_OK;
}

int
lc_groupfn_arith(lc_val * out, lc_tok_kind op, const lc_val a, const lc_val b, lc_err_t err)
{
    lc_val r;

    if (a->type == LC_V_PERM && b->type == LC_V_PERM)
    {
        r = lc_val_perm();
        if (op == LC_TK_STAR)
            lc_perm_mul(r->u.perm, a->u.perm, b->u.perm);
        else if (op == LC_TK_SLASH)
        {
            lc_perm_inv(r->u.perm, b->u.perm);
            lc_perm_mul(r->u.perm, a->u.perm, r->u.perm);
        }
        else if (op == LC_TK_CARET)
        {
            /* a^b = b^-1 a b, as in GAP */
            lc_perm_inv(r->u.perm, b->u.perm);
            lc_perm_mul(r->u.perm, r->u.perm, a->u.perm);
            lc_perm_mul(r->u.perm, r->u.perm, b->u.perm);
        }
        else
        {
            lc_val_unref(r);
            return lc_err_set(err, LC_E_ARG, "cannot %s permutations (use * / ^)",
                              op == LC_TK_PLUS ? "add" : "subtract");
        }
        *out = r;
        return LC_OK;
    }
    if (a->type == LC_V_PERM && op == LC_TK_CARET && b->type == LC_V_NUM)
    {
        if (!fmpz_is_one(fmpq_denref(b->u.q)))
            return lc_err_set(err, LC_E_ARG, "the exponent of a permutation must be an integer");
        r = lc_val_perm();
        lc_perm_pow(r->u.perm, a->u.perm, fmpq_numref(b->u.q));
        *out = r;
        return LC_OK;
    }
    if (a->type == LC_V_NUM && op == LC_TK_CARET && b->type == LC_V_PERM)
    {
        slong i;

        if (!lc_val_is_si(a) || (i = lc_val_get_si(a)) < 1)
            return lc_err_set(err, LC_E_ARG, "i ^ p needs a point i >= 1");
        *out = lc_val_si(lc_perm_image(b->u.perm, i - 1) + 1);
        return LC_OK;
    }
    return lc_err_set(err, LC_E_ARG, "cannot %s %s and %s",
                      op == LC_TK_PLUS ? "add" : op == LC_TK_MINUS ? "subtract" : op == LC_TK_STAR
                      ? "multiply" : op == LC_TK_SLASH ? "divide" : "raise", lc_val_kind(a), lc_val_kind(b));
}

/* ------------------------------------------------------------ groups */

static int
bi_group(ARGS)
{
    lc_val * items;
    slong n, i;
    lc_perm_struct * p;
    int st;

    UNUSED_ARGS;
    items_of(&items, &n, args, nargs);
    for (i = 0; i < n; i++)
        if (items[i]->type != LC_V_PERM)
            return lc_err_set(err, LC_E_ARG, "%s %ld must be a permutation, got %s",
                              items == args ? "argument" : "element", (long) i + 1, lc_val_kind(items[i]));
    p = flint_malloc(sizeof(lc_perm_struct) * (n + 1));
    for (i = 0; i < n; i++)
        p[i] = *items[i]->u.perm;   /* shallow: only read */
    *res = lc_val_group();
    if ((st = lc_group_set_perms((*res)->u.group, p, n, 0, err)) != LC_OK)
        lc_val_unref(*res);
    flint_free(p);
    return st;
}

/* The finite group generated by n matrices (only read), with entries
   modulo mod unless it is NULL. */
static int
matrix_group(lc_val * res, fmpq_mat_struct * m, slong n, const fmpz_t mod, lc_err_t err)
{
    int st;

    *res = lc_val_group();
    if ((st = lc_group_matrix((*res)->u.group, NULL, m, NULL, n, mod, 0,
                              LC_GROUP_MATRIX_LIMIT, err)) != LC_OK)
        lc_val_unref(*res);
    return st;
}

/* matrix_group(A, ...) and matrix_group_mod(p, A, ...): the arguments from
   first on, matrices by their kinds, as one array (shallow: only read). */
static int
matrix_group_args(lc_val * res, lc_val * args, slong nargs, slong first, const fmpz_t mod, lc_err_t err)
{
    fmpq_mat_struct * m = flint_malloc(sizeof(fmpq_mat_struct) * (nargs - first + 1));
    slong i;
    int st;

    for (i = first; i < nargs; i++)
        m[i - first] = *args[i]->u.m;
    st = matrix_group(res, m, nargs - first, mod, err);
    flint_free(m);
    return st;
}

static int
bi_matrix_group(ARGS)
{
    UNUSED_ARGS;
    return matrix_group_args(res, args, nargs, 0, NULL, err);
}

static int
bi_matrix_group_list(ARGS)
{
    UNUSED_ARGS;
    return matrix_group(res, mats[0].m, mats[0].len, NULL, err);
}

/* The library reads modulus 0 as "over Q"; matrix_group_mod's p is a
   prime, and 0 is refused here rather than silently meaning matrix_group. */
static int
modulus_arg(fmpz_t p, const lc_val v, lc_err_t err)
{
    if (lc_val_get_si(v) == 0)
        return lc_err_set(err, LC_E_ARG, "the modulus must be a prime, got 0 (for the group over Q, "
                          "use matrix_group)");
    fmpz_set_si(p, lc_val_get_si(v));
    return LC_OK;
}

static int
bi_matrix_group_mod(ARGS)
{
    fmpz_t p;
    int st;

    UNUSED_ARGS;
    fmpz_init(p);
    if ((st = modulus_arg(p, args[0], err)) == LC_OK)
        st = matrix_group_args(res, args, nargs, 1, p, err);
    fmpz_clear(p);
    return st;
}

static int
bi_matrix_group_mod_list(ARGS)
{
    fmpz_t p;
    int st;

    UNUSED_ARGS;
    fmpz_init(p);
    if ((st = modulus_arg(p, args[0], err)) == LC_OK)
        st = matrix_group(res, mats[1].m, mats[1].len, p, err);
    fmpz_clear(p);
    return st;
}

static int
bi_icosahedral_group(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_group();
    if (lc_group_icosahedral((*res)->u.group, NULL, err) != LC_OK)
    {
        lc_val_unref(*res);
        return err->code;
    }
    return LC_OK;
}

static int
bi_order(ARGS)
{
    fmpz_t o;

    UNUSED_ARGS;
    fmpz_init(o);
    if (args[0]->type == LC_V_PERM)
        lc_perm_order(o, args[0]->u.perm);
    else
        lc_group_order(o, args[0]->u.group);
    *res = num_fmpz(o);
    fmpz_clear(o);
    return LC_OK;
}

static int
bi_degree(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_si(args[0]->type == LC_V_GROUP ? lc_group_degree(args[0]->u.group)
                     : args[0]->u.perm->n);
    return LC_OK;
}

static int
bi_gens(ARGS)
{
    const lc_group_struct * G = args[0]->u.group;
    lc_val * items = flint_malloc(sizeof(lc_val) * (G->ngens + 1));
    slong i;

    UNUSED_ARGS;
    for (i = 0; i < G->ngens; i++)
    {
        items[i] = lc_val_perm();
        lc_group_gen(items[i]->u.perm, G, i);
    }
    *res = lc_val_list(items, G->ngens);
    flint_free(items);
    return LC_OK;
}

static int
bi_member(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_bool(lc_group_contains(args[0]->u.group, args[1]->u.perm));
    return LC_OK;
}

static lc_val
orders_list(fmpz * o, slong len)
{
    lc_val * items = flint_malloc(sizeof(lc_val) * len), r;
    slong i;

    for (i = 0; i < len; i++)
        items[i] = num_fmpz(o + i);
    r = lc_val_list(items, len);
    flint_free(items);
    _fmpz_vec_clear(o, len);
    return r;
}

static int
bi_derived_series(ARGS)
{
    fmpz * o;
    slong len;

    UNUSED_ARGS;
    len = lc_group_derived_series(&o, args[0]->u.group);
    *res = orders_list(o, len);
    return LC_OK;
}

static int
bi_lower_central_series(ARGS)
{
    fmpz * o;
    slong len;

    UNUSED_ARGS;
    len = lc_group_lower_central_series(&o, args[0]->u.group);
    *res = orders_list(o, len);
    return LC_OK;
}

static int
bi_is_solvable(ARGS) { UNUSED_ARGS; *res = lc_val_bool(lc_group_is_solvable(args[0]->u.group)); return LC_OK; }
static int
bi_is_nilpotent(ARGS) { UNUSED_ARGS; *res = lc_val_bool(lc_group_is_nilpotent(args[0]->u.group)); return LC_OK; }
static int
bi_is_abelian(ARGS) { UNUSED_ARGS; *res = lc_val_bool(lc_group_is_abelian(args[0]->u.group)); return LC_OK; }
static int
bi_is_perfect(ARGS) { UNUSED_ARGS; *res = lc_val_bool(lc_group_is_perfect(args[0]->u.group)); return LC_OK; }

static int
bi_derived_length(ARGS)
{
    slong k = lc_group_derived_length(args[0]->u.group);

    UNUSED_ARGS;
    *res = k < 0 ? lc_val_cstr("not solvable") : lc_val_si(k);
    return LC_OK;
}

static int
bi_nilpotency_class(ARGS)
{
    slong k = lc_group_nilpotency_class(args[0]->u.group);

    UNUSED_ARGS;
    *res = k < 0 ? lc_val_cstr("not nilpotent") : lc_val_si(k);
    return LC_OK;
}

static int
subgroup_result(lc_val * res, lc_group_t H)
{
    *res = lc_val_group();
    lc_group_swap((*res)->u.group, H);
    return LC_OK;
}

static int
bi_centre(ARGS)
{
    lc_group_t Z;
    slong limit;
    int st;

    UNUSED_ARGS;
    if ((st = get_limit(&limit, args, nargs, 1, LC_GROUP_ENUM_LIMIT, err)) != LC_OK)
        return st;
    lc_group_init(Z, 0);
    if ((st = lc_group_centre(Z, args[0]->u.group, limit, err)) == LC_OK)
        subgroup_result(res, Z);
    lc_group_clear(Z);
    return st;
}

static int
bi_derived_subgroup(ARGS)
{
    lc_group_t D;

    UNUSED_ARGS;
    lc_group_init(D, 0);
    lc_group_derived(D, args[0]->u.group);
    subgroup_result(res, D);
    lc_group_clear(D);
    return LC_OK;
}

static int
bi_normal_closure(ARGS)
{
    lc_val * items;
    slong n, i;
    lc_perm_struct * p;
    lc_group_t N;
    int st;

    UNUSED_ARGS;
    items_of(&items, &n, args + 1, nargs - 1);
    for (i = 0; i < n; i++)
        if (items[i]->type != LC_V_PERM)
            return lc_err_set(err, LC_E_ARG, "the elements must be permutations, got %s",
                              lc_val_kind(items[i]));
    p = flint_malloc(sizeof(lc_perm_struct) * (n + 1));
    for (i = 0; i < n; i++)
        p[i] = *items[i]->u.perm;
    lc_group_init(N, 0);
    if ((st = lc_group_normal_closure(N, args[0]->u.group, p, n, err)) == LC_OK)
        subgroup_result(res, N);
    lc_group_clear(N);
    flint_free(p);
    return st;
}

static int
bi_stabilizer(ARGS)
{
    slong x = lc_val_get_si(args[1]);
    lc_group_t H;

    UNUSED_ARGS;
    if (x < 1)
        return lc_err_set(err, LC_E_ARG, "points are 1, 2, ..., got %ld", (long) x);
    lc_group_init(H, 0);
    lc_group_stabilizer(H, args[0]->u.group, x - 1);
    subgroup_result(res, H);
    lc_group_clear(H);
    return LC_OK;
}

static int
bi_orbit(ARGS)
{
    const lc_group_struct * G = args[0]->u.group;
    slong x = lc_val_get_si(args[1]), * o, len, i;
    lc_val * items;

    UNUSED_ARGS;
    if (x < 1)
        return lc_err_set(err, LC_E_ARG, "points are 1, 2, ..., got %ld", (long) x);
    o = flint_malloc(sizeof(slong) * (G->n + 1));
    len = lc_group_orbit(o, G, x - 1);
    items = flint_malloc(sizeof(lc_val) * len);
    for (i = 0; i < len; i++)
        items[i] = lc_val_si(o[i] + 1);
    *res = lc_val_list(items, len);
    flint_free(items);
    flint_free(o);
    return LC_OK;
}

static int
bi_nr_classes(ARGS)
{
    slong k, limit;
    int st;

    UNUSED_ARGS;
    if ((st = get_limit(&limit, args, nargs, 1, LC_GROUP_CLASSES_LIMIT, err)) != LC_OK)
        return st;
    if ((st = lc_group_class_sizes_sorted(&k, NULL, args[0]->u.group, limit, err)) != LC_OK)
        return st;
    *res = lc_val_si(k);
    return LC_OK;
}

/* The list of class sizes that classes(&k, &sizes, G, limit, err) gives,
   for the built-ins class_sizes and class_sizes_sorted (G, limit). */
static int
class_sizes_list(lc_val * res, lc_val * args, slong nargs,
                 int (* classes)(slong *, slong **, const lc_group_t, slong, lc_err_t), lc_err_t err)
{
    slong k, limit, i, * sizes;
    lc_val * items;
    int st;

    if ((st = get_limit(&limit, args, nargs, 1, LC_GROUP_CLASSES_LIMIT, err)) != LC_OK)
        return st;
    if ((st = classes(&k, &sizes, args[0]->u.group, limit, err)) != LC_OK)
        return st;
    items = flint_malloc(sizeof(lc_val) * k);
    for (i = 0; i < k; i++)
        items[i] = lc_val_si(sizes[i]);
    *res = lc_val_list(items, k);
    flint_free(items);
    flint_free(sizes);
    return LC_OK;
}

static int
bi_class_sizes(ARGS)
{
    UNUSED_ARGS;
    return class_sizes_list(res, args, nargs, lc_group_conjugacy_classes, err);
}

static int
bi_class_sizes_sorted(ARGS)
{
    UNUSED_ARGS;
    return class_sizes_list(res, args, nargs, lc_group_class_sizes_sorted, err);
}

static int
bi_elements(ARGS)
{
    const lc_group_struct * G = args[0]->u.group;
    slong * el, len, limit, i;
    lc_val * items;
    int st;

    UNUSED_ARGS;
    if ((st = get_limit(&limit, args, nargs, 1, LC_ELEMENTS_LIMIT, err)) != LC_OK)
        return st;
    if (limit > LC_MAX_LIST_SIZE)
    {
        fmpz_t o;

        /* the answer is a list: a bigger one is refused before any work */
        fmpz_init(o);
        lc_group_order(o, G);
        st = fmpz_cmp_si(o, LC_MAX_LIST_SIZE) > 0;
        fmpz_clear(o);
        if (st)
            return lc_err_set(err, LC_E_LIMIT, "the group has more elements than a list may "
                              "hold (%ld)", (long) LC_MAX_LIST_SIZE);
    }
    if ((st = lc_group_elements(&el, &len, G, limit, err)) != LC_OK)
        return st;
    /* one permutation value per element */
    if ((st = lc_limit_memory_check((size_t) len * (sizeof(lc_val_struct) + sizeof(lc_val)
                                    + sizeof(slong) * (size_t) (G->n + 1) + 64),
                                    "the list of elements", err)) != LC_OK)
    {
        flint_free(el);
        return st;
    }
    items = flint_malloc(sizeof(lc_val) * len);
    for (i = 0; i < len; i++)
    {
        items[i] = lc_val_perm();
        lc_perm_set_images(items[i]->u.perm, el + i * G->n, G->n, err);
    }
    *res = lc_val_list(items, len);
    flint_free(items);
    flint_free(el);
    return LC_OK;
}

/* word_products(G, [1, 2, -1]): the prefix products g1, g1 g2, g1 g2 g1^-1. */
static int
bi_word_products(ARGS)
{
    const lc_val w = args[1];
    slong len = w->u.list.len, i, * word;
    lc_perm_struct * pre;
    lc_val * items;
    int one, st = LC_OK;

    UNUSED_ARGS;
    word = flint_malloc(sizeof(slong) * (len + 1));
    for (i = 0; i < len && st == LC_OK; i++)
    {
        if (!lc_val_is_si(w->u.list.items[i]))
            st = lc_err_set(err, LC_E_ARG, "letter %ld of the word is not an integer", (long) i + 1);
        else
            word[i] = lc_val_get_si(w->u.list.items[i]);
    }
    if (st != LC_OK)
    {
        flint_free(word);
        return st;
    }
    pre = flint_malloc(sizeof(lc_perm_struct) * (len + 1));
    for (i = 0; i < len; i++)
        lc_perm_init(pre + i, 0);
    if ((st = lc_group_word_products(pre, &one, args[0]->u.group, word, len, err)) == LC_OK)
    {
        items = flint_malloc(sizeof(lc_val) * (len + 1));
        for (i = 0; i < len; i++)
            items[i] = perm_val(pre + i);
        *res = lc_val_list(items, len);
        flint_free(items);
    }
    for (i = 0; i < len; i++)
        lc_perm_clear(pre + i);
    flint_free(pre);
    flint_free(word);
    return st;
}

static int
bi_word_is_one(ARGS)
{
    const lc_val w = args[1];
    slong len = w->u.list.len, i, * word;
    int one, st = LC_OK;

    UNUSED_ARGS;
    word = flint_malloc(sizeof(slong) * (len + 1));
    for (i = 0; i < len && st == LC_OK; i++)
    {
        if (!lc_val_is_si(w->u.list.items[i]))
            st = lc_err_set(err, LC_E_ARG, "letter %ld of the word is not an integer", (long) i + 1);
        else
            word[i] = lc_val_get_si(w->u.list.items[i]);
    }
    if (st == LC_OK && (st = lc_group_word_products(NULL, &one, args[0]->u.group, word, len, err)) == LC_OK)
        *res = lc_val_bool(one);
    flint_free(word);
    return st;
}

const lc_builtin_struct lc_builtins_group[] =
{
    { LC_FAM_GROUP, "perm", "s", 1, 1, bi_perm_str, "perm(\"(1,2,3)\")",
      "The permutation written in cycle notation on the points 1, 2, ...: \"(1,2,3)(4,5)\", with "
      "\"()\" or \"\" for the identity; spaces are ignored and cycles need not be disjoint (they "
      "are multiplied left to right). Its degree is the largest point named (at most 4096). "
      "Malformed text is a parse error giving the position. Products read left to right as in GAP: "
      "p * q is first p, then q.",
      "perm(\"(1,2,3)\")" },
    { LC_FAM_GROUP, "perm_images", "L", 1, 1, bi_perm_images, "perm_images([2, 3, 1])",
      "The permutation p with i^p = list[i] for i = 1..n, given by its list of images (1-based), "
      "so perm_images([2, 3, 1]) is (1,2,3). The list must be a permutation of 1..n, of degree at "
      "most 4096; otherwise an argument or limit error. images(p) is its inverse operation.",
      "perm_images([2, 3, 1])" },
    { LC_FAM_GROUP, "images", "p", 1, 1, bi_images, "images(p)",
      "The list [1^p, 2^p, ..., n^p] of the images of the points 1..n under the permutation p, "
      "where n is the degree of p (the largest point it was given on, fixed points included). "
      "perm_images(images(p)) gives p back.",
      "images(perm(\"(1,2,3)\"))" },
    { LC_FAM_GROUP, "inv", "p", 1, 1, bi_perm_inv, "inv(p)",
      "The inverse p^-1 of the permutation p, of the same degree, so that p * inv(p) is the "
      "identity. Exact; for matrices inv(A) is the matrix inverse.",
      "inv(perm(\"(1,2,3)\"))" },
    { LC_FAM_GROUP, "group", "a", 0, -1, bi_group, "group(p, q, ...)",
      "The permutation group generated by the given permutations (or by a list of them: group([p, "
      "q])), acting on the largest of their degrees (at most 4096). It keeps the generators in "
      "order, so words in them have a meaning, and builds a stabilizer chain (Schreier-Sims), so "
      "order and membership are exact for any order. With no generators it is the trivial group.",
      "group(perm(\"(1,2,3)\"), perm(\"(1,2)\"))" },
    { LC_FAM_GROUP, "matrix_group", "m", 1, -1, bi_matrix_group, "matrix_group(A, B, ...)",
      "The finite group generated by exact invertible k x k rational matrices, enumerated by "
      "closure under right multiplication and returned as the permutation group of its right "
      "regular action (one point per element, the identity first), so every group built-in "
      "applies. It errors when the group has more than 4096 elements (it may be infinite), a "
      "generator is singular, or the shapes differ.",
      "order(matrix_group([[0, -1], [1, 0]]))" },
    { LC_FAM_GROUP, "matrix_group", "M", 1, 1, bi_matrix_group_list, "matrix_group([A, B, ...])",
      "The same as matrix_group(A, B, ...) with the generators in one list: the finite group "
      "generated by the exact invertible square matrices, as the permutation group of its right "
      "regular action. It errors beyond 4096 elements (the group may be infinite), on a singular "
      "generator or on different shapes.",
      "order(matrix_group([[[0, -1], [1, 0]], [[1, 0], [0, -1]]]))" },
    { LC_FAM_GROUP, "matrix_group_mod", "im", 2, -1, bi_matrix_group_mod, "matrix_group_mod(p, A, B, ...)",
      "The finite group generated by the square matrices with entries reduced modulo the prime p "
      "(a denominator must be invertible mod p), enumerated and returned as the permutation group "
      "of its right regular action, as matrix_group does. p = 0 is refused (use matrix_group for "
      "the group over Q); it errors beyond 4096 elements, on a singular generator or on different "
      "shapes.",
      "order(matrix_group_mod(2, [[1, 1], [0, 1]], [[1, 0], [1, 1]]))" },
    { LC_FAM_GROUP, "matrix_group_mod", "iM", 2, 2, bi_matrix_group_mod_list,
      "matrix_group_mod(p, [A, B, ...])",
      "The same as matrix_group_mod(p, A, B, ...) with the generators in one list: the group "
      "generated modulo the prime p, as the permutation group of its right regular action. p = 0 "
      "is refused, and more than 4096 elements, a singular generator or different shapes are "
      "errors.",
      "order(matrix_group_mod(3, [[[1, 1], [0, 1]]]))" },
    { LC_FAM_GROUP, "icosahedral_group", "", 0, 0, bi_icosahedral_group, "icosahedral_group()",
      "The rotation group of the icosahedron in SO(3), enumerated exactly over Q(sqrt 5) from the "
      "coordinate shift (order 3) and a rotation of order 5 with entries in Q(phi), phi = (1 + "
      "sqrt 5)/2, and returned as the regular permutation group of its 60 elements. It is "
      "isomorphic to A5, so perfect and not solvable, and every group built-in applies to it.",
      "order(icosahedral_group())" },
    { LC_FAM_GROUP, "order", "g", 1, 1, bi_order, "order(G)",
      "The order |G| of the permutation group G as an exact integer (it may exceed 64 bits), read "
      "off the stabilizer chain. It is exact for any order without listing the elements.",
      "order(group(perm(\"(1,2,3)\"), perm(\"(1,2)\")))" },
    { LC_FAM_GROUP, "order", "p", 1, 1, bi_order, "order(p)",
      "The order of the permutation p: the least k >= 1 with p^k = 1. It is computed exactly as "
      "the lcm of its cycle lengths and may exceed 64 bits.",
      "order(perm(\"(1,2,3)(4,5)\"))" },
    { LC_FAM_GROUP, "degree", "g", 1, 1, bi_degree, "degree(G)",
      "The number of points the permutation group G acts on (the largest degree among its "
      "generators), as an integer. For a matrix group it is the number of its elements, since the "
      "group acts regularly on them.",
      "degree(group(perm(\"(1,2,3)\")))" },
    { LC_FAM_GROUP, "degree", "p", 1, 1, bi_degree, "degree(p)",
      "The number of points the permutation p acts on: the largest point named when it was written "
      "in cycle notation, or the length of its image list. A permutation also stands for its "
      "extension by fixed points.",
      "degree(perm(\"(1,4)\"))" },
    { LC_FAM_GROUP, "gens", "g", 1, 1, bi_gens, "gens(G)",
      "The generators of the group G as a list of permutations, in the order given when it was "
      "built (the meaning of the letters of word_products and word_is_one). For a matrix group "
      "they are the generators' regular permutations.",
      "gens(group(perm(\"(1,2,3)\"), perm(\"(1,2)\")))" },
    { LC_FAM_GROUP, "member", "gp", 2, 2, bi_member, "member(G, p)",
      "Whether the permutation p lies in the group G, decided exactly by sifting through the "
      "stabilizer chain (an exact boolean). A permutation moving a point beyond G's degree is not "
      "a member.",
      "member(group(perm(\"(1,2,3)\")), perm(\"(1,3,2)\"))" },
    { LC_FAM_GROUP, "derived_series", "g", 1, 1, bi_derived_series, "derived_series(G)",
      "The orders of the derived series G, G' = [G, G], G'' = [G', G'], ... of the permutation "
      "group G, as exact integers, up to and including the first term of order 1 or equal to its "
      "predecessor (S4 gives [24, 12, 4, 1], A5 gives [60, 60]). The subgroups are normal "
      "closures, never enumerations; G is solvable exactly when the list ends in 1.",
      "derived_series(group(perm(\"(1,2,3,4)\"), perm(\"(1,2)\")))" },
    { LC_FAM_GROUP, "lower_central_series", "g", 1, 1, bi_lower_central_series, "lower_central_series(G)",
      "The orders of the lower central series G, [G, G], [G, [G, G]], ... of the permutation group "
      "G, as exact integers, up to and including the first term of order 1 or equal to its "
      "predecessor. G is nilpotent exactly when the list ends in 1; computed by normal closures, "
      "never by enumeration.",
      "lower_central_series(group(perm(\"(1,2,3)\"), perm(\"(1,2)\")))" },
    { LC_FAM_GROUP, "centre", "gi", 1, 2, bi_centre, "centre(G, limit)",
      "The centre Z(G) of the permutation group G, the elements commuting with every element, "
      "as a group (exact). It never lists G when it can avoid it: on each orbit it finds the "
      "maps that commute with the generators, and tries the products of those maps (at most "
      "limit candidates, default 100000) by an exact membership test; only when there are more "
      "candidates and |G| <= limit does it list G instead. S_n and A_n recognized as giants give "
      "the trivial centre for n >= 4 at once. Too many candidates and |G| > limit is an error "
      "naming the limit.",
      "order(centre(group(perm(\"(1,2,3,4)\"), perm(\"(1,3)\"))))" },
    { LC_FAM_GROUP, "center", "gi", 1, 2, bi_centre, "center(G, limit)",
      "The American spelling of centre(G, limit): the centre of the permutation group G as a "
      "group. It is computed the same way, with the same limit (default 100000) and errors.",
      "order(center(group(perm(\"(1,2,3,4)\"))))" },
    { LC_FAM_GROUP, "is_solvable", "g", 1, 1, bi_is_solvable, "is_solvable(G)",
      "Whether the permutation group G is solvable, i.e. its derived series reaches the trivial "
      "group. An exact boolean computed from the stabilizer chain, so a check on it is PROVED or "
      "REFUTED.",
      "is_solvable(group(perm(\"(1,2,3,4)\"), perm(\"(1,2)\")))" },
    { LC_FAM_GROUP, "is_nilpotent", "g", 1, 1, bi_is_nilpotent, "is_nilpotent(G)",
      "Whether the permutation group G is nilpotent, i.e. its lower central series reaches the "
      "trivial group. An exact boolean computed by normal closures.",
      "is_nilpotent(group(perm(\"(1,2,3)\"), perm(\"(1,2)\")))" },
    { LC_FAM_GROUP, "is_abelian", "g", 1, 1, bi_is_abelian, "is_abelian(G)",
      "Whether the group G is abelian, i.e. every two of its elements commute (its commutator "
      "subgroup [G, G] is trivial). An exact boolean.",
      "is_abelian(group(perm(\"(1,2,3)\")))" },
    { LC_FAM_GROUP, "is_perfect", "g", 1, 1, bi_is_perfect, "is_perfect(G)",
      "Whether the group G is perfect, i.e. equal to its commutator subgroup [G, G] (as A5 is; the "
      "trivial group counts as perfect). An exact boolean; a non-trivial perfect group is not "
      "solvable.",
      "is_perfect(group(perm(\"(1,2,3,4,5)\"), perm(\"(1,2,3)\")))" },
    { LC_FAM_GROUP, "derived_length", "g", 1, 1, bi_derived_length, "derived_length(G)",
      "The derived length of G: the least k with G^(k) = 1, where G^(0) = G and G^(k+1) = [G^(k), "
      "G^(k)] (0 for the trivial group). An exact integer; for a group that is not solvable it "
      "returns the string \"not solvable\" instead of a number.",
      "derived_length(group(perm(\"(1,2,3,4)\"), perm(\"(1,2)\")))" },
    { LC_FAM_GROUP, "nilpotency_class", "g", 1, 1, bi_nilpotency_class, "nilpotency_class(G)",
      "The nilpotency class of G: the length of its lower central series down to the trivial group "
      "(0 for the trivial group, 1 for a non-trivial abelian group). An exact integer; for a group "
      "that is not nilpotent it returns the string \"not nilpotent\".",
      "nilpotency_class(group(perm(\"(1,2,3,4)\"), perm(\"(1,3)\")))" },
    { LC_FAM_GROUP, "derived_subgroup", "g", 1, 1, bi_derived_subgroup, "derived_subgroup(G)",
      "The commutator subgroup [G, G] of the permutation group G, as a group (the normal closure "
      "of the commutators of the generators), computed without enumerating G. Exact.",
      "order(derived_subgroup(group(perm(\"(1,2,3)\"), perm(\"(1,2)\"))))" },
    { LC_FAM_GROUP, "normal_closure", "ga", 2, -1, bi_normal_closure, "normal_closure(G, p, ...)",
      "The normal closure of the given permutations in G: the smallest normal subgroup of G "
      "containing them, as a group. The elements are given as further arguments or as one list, "
      "and must lie in G (an argument error names the first that does not). Exact, computed "
      "without enumerating G.",
      "order(normal_closure(group(perm(\"(1,2,3)\"), perm(\"(1,2)\")), perm(\"(1,2,3)\")))" },
    { LC_FAM_GROUP, "group_stabilizer", "gi", 2, 2, bi_stabilizer, "group_stabilizer(G, i)",
      "The stabilizer of the point i (counted from 1) in the permutation group G: the subgroup of "
      "the elements fixing i, as a group computed from the stabilizer chain. Points are 1, 2, ...; "
      "a point beyond the degree is fixed by all of G.",
      "order(group_stabilizer(group(perm(\"(1,2,3)\"), perm(\"(1,2)\")), 3))" },
    { LC_FAM_GROUP, "group_orbit", "gi", 2, 2, bi_orbit, "group_orbit(G, i)",
      "The orbit of the point i (counted from 1) under the permutation group G, as a sorted list "
      "of points. A point beyond the degree has orbit [i]; a point below 1 is an argument error.",
      "group_orbit(group(perm(\"(1,2)(3,4)\")), 3)" },
    { LC_FAM_GROUP, "nr_classes", "gi", 1, 2, bi_nr_classes, "nr_classes(G, limit)",
      "The number of conjugacy classes of the permutation group G, an exact integer, computed as "
      "class_sizes_sorted(G, limit) does: S_m and A_m on the moved points from the partitions of "
      "m (no bound on |G|); any other group by class representatives (centralizer orders and "
      "conjugacy tests by backtrack in the stabilizer chain, candidates from powers, centralizers "
      "and random elements), complete when their classes' sizes add up to |G|; past its budgets, "
      "as class_sizes(G, limit) does. Needs |G| <= limit (default 20000000); an error when "
      "passed, and Ctrl-C or --timeout stop it.",
      "nr_classes(group(perm(\"(1,2,3)\"), perm(\"(1,2)\")))" },
    { LC_FAM_GROUP, "class_sizes", "gi", 1, 2, bi_class_sizes, "class_sizes(G, limit)",
      "The sizes of the conjugacy classes of the permutation group G, as a list of exact "
      "integers ordered by each class's least element (image lists compared as elements() sorts "
      "them, so the identity's class, of size 1, comes first); they add up to |G|. S_m and A_m "
      "on the moved points are done from the partitions of m (no bound on |G|); a direct "
      "product of the images on an orbit and on the other points factor by factor; any other "
      "group from class representatives certified by the class equation (as in "
      "class_sizes_sorted), each class's least element being the first of its elements met "
      "when G's elements are visited in increasing order (subtrees whose elements all lie in "
      "classes already met are skipped); past the representatives' budgets, by walking the "
      "orbits of conjugation on the elements' ranks in the stabilizer chain, a bitmap of |G| "
      "bits, never a list of elements (linear in |G|). Needs |G| <= limit (default 20000000); "
      "the walk also needs |G| < 2^32 and its memory within --max-memory; each is an error when "
      "passed, and Ctrl-C or --timeout stop it.",
      "class_sizes(group(perm(\"(1,2,3)\"), perm(\"(1,2)\")))" },
    { LC_FAM_GROUP, "class_sizes_sorted", "gi", 1, 2, bi_class_sizes_sorted,
      "class_sizes_sorted(G, limit)",
      "The sizes of the conjugacy classes of the permutation group G in increasing order, exact "
      "integers. By class representatives: the identity, powers of those found, elements of "
      "their centralizers and random elements of G; a candidate's centralizer order (by orbit "
      "and stabilizer, each orbit grown by backtrack in the stabilizer chain) and its conjugacy "
      "to the representatives of its cycle type and centralizer order (a backtrack that maps "
      "cycles onto cycles) decide whether it is new. The classes of pairwise non-conjugate "
      "representatives are disjoint, so when their sizes |G|/|C_G(g)| add up to |G| the list is "
      "complete: the class equation certifies it, and the random choices only decide how soon. "
      "S_m and A_m on the moved points come from the partitions of m; past its search budgets "
      "it falls back to the walk of class_sizes(G, limit), sorted, with its limits and errors. "
      "Needs |G| <= limit (default 20000000).",
      "class_sizes_sorted(group(perm(\"(1,2,3)\"), perm(\"(1,2)\")))" },
    { LC_FAM_GROUP, "elements", "gi", 1, 2, bi_elements, "elements(G, limit)",
      "The elements of the group G as a list of permutations, sorted by their image lists (the "
      "identity first). It enumerates, so it errors when |G| exceeds limit (default 10000, a "
      "positive integer) or when the list would exceed the list size or memory limits.",
      "elements(group(perm(\"(1,2,3)\")))" },
    { LC_FAM_GROUP, "word_products", "gL", 2, 2, bi_word_products, "word_products(G, [1, 2, -1])",
      "The prefix products of a word in the generators of G, as a list of permutations: letter k "
      "is generator k (1-based, in the order of gens(G)) and -k its inverse, so [1, 2, -1] gives "
      "g1, g1 g2, g1 g2 g1^-1. A letter outside +-1..ngens, or one that is not an integer, is an "
      "argument error.",
      "word_products(group(perm(\"(1,2,3)\"), perm(\"(1,2)\")), [1, 2, -1])" },
    { LC_FAM_GROUP, "word_is_one", "gL", 2, 2, bi_word_is_one, "word_is_one(G, [1, 2, -1])",
      "Whether the word in the generators of G is the identity (the word problem): letter k is "
      "generator k (1-based) and -k its inverse, products read left to right. An exact boolean; a "
      "letter outside +-1..ngens is an argument error.",
      "word_is_one(group(perm(\"(1,2,3)\")), [1, 1, 1])" },
};

const slong lc_nbuiltins_group = (slong) (sizeof(lc_builtins_group) / sizeof(lc_builtins_group[0]));
