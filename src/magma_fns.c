/* magma_fns.c -- built-ins for finite operations (lib/magma): Cayley tables
 * are exact integer matrices with entries 1..n (T[a, b] = a*b), actions are
 * matrices Phi with Phi[g, d] the image of point d under element g, subsets
 * are lists of 1-based elements.  The checks (group_axioms, is_homomorphism,
 * is_action, orbits_partition, orbit_stabilizer, is_subgroup, is_invariant,
 * closed_under_product, normalizers_are_subgroups) record a verdict in the
 * current claim, with the witnessing elements when they fail, and return
 * true or false; everything else computes quietly. */
#include "config.h"
#include <string.h>
#include "eval.h"
#include "builtins.h"
#include "magma.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

/* ------------------------------------------------------------ helpers */

static int
get_table(lc_magma_t M, const lc_val v, int argno, lc_err_t err)
{
    char msg[LC_ERR_MSG_LEN];

    if (lc_magma_set_fmpq_mat(M, v->u.m, err) != LC_OK)
    {
        memcpy(msg, err->msg, sizeof(msg));
        return lc_err_set(err, err->code, "argument %d: %.400s", argno, msg);
    }
    return LC_OK;
}

static int
get_group(lc_magma_t M, const lc_val v, int argno, lc_err_t err)
{
    int st;

    if ((st = get_table(M, v, argno, err)) != LC_OK)
        return st;
    if (!lc_magma_is_group(M))
        return lc_err_set(err, LC_E_DOMAIN, "argument %d is not a group table (see group_axioms)",
                          argno);
    return LC_OK;
}

/* An integer 1..n from v, 0-based into *x. */
static int
get_index(slong * x, const lc_val v, slong n, const char * what, lc_err_t err)
{
    if (!lc_val_is_si(v) || lc_val_get_si(v) < 1 || lc_val_get_si(v) > n)
        return lc_err_set(err, LC_E_ARG, "%s must be an integer 1..%ld", what, (long) n);
    *x = lc_val_get_si(v) - 1;
    return LC_OK;
}

/* A list of integers 1..n (a 1 x k matrix also does), 0-based. */
static int
get_list(slong ** s, slong * k, const lc_val v, slong n, const char * what, lc_err_t err)
{
    slong i, len;
    int st = LC_OK;

    if (v->type == LC_V_MAT && fmpq_mat_nrows(v->u.m) == 1)
    {
        len = fmpq_mat_ncols(v->u.m);
        *s = flint_malloc(sizeof(slong) * (len + 1));
        for (i = 0; i < len && st == LC_OK; i++)
        {
            lc_val x = lc_val_num(fmpq_mat_entry(v->u.m, 0, i));
            st = get_index(*s + i, x, n, what, err);
            lc_val_unref(x);
        }
    }
    else if (v->type == LC_V_LIST)
    {
        len = v->u.list.len;
        *s = flint_malloc(sizeof(slong) * (len + 1));
        for (i = 0; i < len && st == LC_OK; i++)
            st = get_index(*s + i, v->u.list.items[i], n, what, err);
    }
    else
        return lc_err_set(err, LC_E_ARG, "%s must be a list, got %s", what, lc_val_kind(v));
    if (st != LC_OK)
    {
        flint_free(*s);
        *s = NULL;
        return st;
    }
    *k = len;
    return LC_OK;
}

/* An action matrix: ng x nd integer entries, 0-based into *phi.  With
   strict set every entry must be a point 1..nd. */
static int
get_phi(slong ** phi, slong * ng, slong * nd, const lc_val v, int strict, lc_err_t err)
{
    const fmpq_mat_struct * A = v->u.m;
    slong i, j;

    *ng = fmpq_mat_nrows(A);
    *nd = fmpq_mat_ncols(A);
    if (*ng > LC_MAGMA_MAX_ORDER || *nd > LC_MAGMA_MAX_POINTS)
        return lc_err_set(err, LC_E_LIMIT, "at most %d elements acting on %d points",
                          LC_MAGMA_MAX_ORDER, LC_MAGMA_MAX_POINTS);
    *phi = flint_malloc(sizeof(slong) * (*ng * *nd + 1));
    for (i = 0; i < *ng; i++)
        for (j = 0; j < *nd; j++)
        {
            const fmpq * x = fmpq_mat_entry(A, i, j);
            if (!fmpz_is_one(fmpq_denref(x)) || !fmpz_fits_si(fmpq_numref(x))
                || (strict && (fmpz_cmp_si(fmpq_numref(x), 1) < 0
                               || fmpz_cmp_si(fmpq_numref(x), *nd) > 0)))
            {
                flint_free(*phi);
                *phi = NULL;
                return lc_err_set(err, LC_E_ARG, "Phi[%ld, %ld] is not a point 1..%ld",
                                  (long) i + 1, (long) j + 1, (long) *nd);
            }
            (*phi)[i * *nd + j] = fmpz_get_si(fmpq_numref(x)) - 1;
        }
    return LC_OK;
}

/* The list [s_1 + 1, ..., s_k + 1]. */
static lc_val
list_of(const slong * s, slong k)
{
    lc_val * items = flint_malloc(sizeof(lc_val) * (k + 1)), v;
    slong i;

    for (i = 0; i < k; i++)
        items[i] = lc_val_si(s[i] + 1);
    v = lc_val_list(items, k);
    flint_free(items);
    return v;
}

static lc_val
table_val(const lc_magma_t M)
{
    lc_val v = lc_val_mat();
    lc_magma_get_fmpq_mat(v->u.m, M);
    return v;
}

static int
get_modulus(slong * m, lc_val * args, slong nargs, slong i, lc_err_t err)
{
    *m = 0;
    if (nargs > i)
    {
        *m = lc_val_get_si(args[i]);
        if (*m < 0 || *m > 1000000)
            return lc_err_set(err, LC_E_ARG, "the modulus must be 0 (none) or 1..1000000");
    }
    return LC_OK;
}

static void
record(lc_session_struct * S, int ok, const char * method, const char * cert)
{
    lc_session_fact(S, ok, LC_CHECK_EXACT, method, cert);
}

/* ------------------------------------------------------------- axioms */

static int
bi_group_axioms(ARGS)
{
    lc_magma_t M;
    lc_magma_axioms_t A;
    char * text;
    int st;

    UNUSED_ARGS;
    lc_magma_init(M);
    if ((st = get_table(M, args[0], 1, err)) == LC_OK)
    {
        lc_magma_axioms_init(A);
        lc_magma_axioms(A, M);
        text = lc_magma_axioms_get_str(A, M);
        record(S, A->group, "exact: every product, triple and candidate of the Cayley table", text);
        *res = lc_val_bool(A->group);
        flint_free(text);
        lc_magma_axioms_clear(A);
    }
    lc_magma_clear(M);
    return st;
}

static int
bi_is_associative(ARGS)
{
    lc_magma_t M;
    int st;

    UNUSED_ARGS;
    lc_magma_init(M);
    if ((st = get_table(M, args[0], 1, err)) == LC_OK)
        *res = lc_val_bool(lc_magma_is_associative(NULL, M));
    lc_magma_clear(M);
    return st;
}

static int
bi_is_commutative(ARGS)
{
    lc_magma_t M;
    int st;

    UNUSED_ARGS;
    lc_magma_init(M);
    if ((st = get_table(M, args[0], 1, err)) == LC_OK)
        *res = lc_val_bool(lc_magma_is_commutative(NULL, M));
    lc_magma_clear(M);
    return st;
}

static int
bi_identity_of(ARGS)
{
    lc_magma_t M;
    slong e;
    int st;

    UNUSED_ARGS;
    lc_magma_init(M);
    if ((st = get_table(M, args[0], 1, err)) == LC_OK)
    {
        e = lc_magma_identity(M);
        *res = e < 0 ? lc_val_cstr("none") : lc_val_si(e + 1);
    }
    lc_magma_clear(M);
    return st;
}

static int
bi_inverse_of(ARGS)
{
    lc_magma_t M;
    slong e, a, b;
    int st;

    UNUSED_ARGS;
    lc_magma_init(M);
    if ((st = get_table(M, args[0], 1, err)) == LC_OK
        && (st = get_index(&a, args[1], M->n, "the element", err)) == LC_OK)
    {
        e = lc_magma_identity(M);
        b = e < 0 ? -1 : lc_magma_inverse(M, e, a);
        *res = b < 0 ? lc_val_cstr("none") : lc_val_si(b + 1);
    }
    lc_magma_clear(M);
    return st;
}

static int
bi_absorbing(ARGS)
{
    lc_magma_t M;
    slong * z, k;
    int st;

    UNUSED_ARGS;
    lc_magma_init(M);
    if ((st = get_table(M, args[0], 1, err)) == LC_OK)
    {
        z = flint_malloc(sizeof(slong) * (M->n + 1));
        k = lc_magma_left_absorbing(z, M);
        *res = list_of(z, k);
        flint_free(z);
    }
    lc_magma_clear(M);
    return st;
}

static int
bi_additive_dim(ARGS)
{
    lc_magma_t M;
    slong d;
    int st;

    UNUSED_ARGS;
    lc_magma_init(M);
    if ((st = get_table(M, args[0], 1, err)) == LC_OK
        && (st = lc_magma_additive_dim(&d, M, err)) == LC_OK)
        *res = lc_val_si(d);
    lc_magma_clear(M);
    return st;
}

static int
bi_group_tables(ARGS)
{
    lc_magma_struct * G;
    lc_val * items;
    slong k, i;
    int st;

    UNUSED_ARGS;
    if ((st = lc_magma_all_groups(&G, &k, lc_val_get_si(args[0]), err)) != LC_OK)
        return st;
    items = flint_malloc(sizeof(lc_val) * (k + 1));
    for (i = 0; i < k; i++)
    {
        items[i] = table_val(G + i);
        lc_magma_clear(G + i);
    }
    flint_free(G);
    *res = lc_val_list(items, k);
    flint_free(items);
    return LC_OK;
}

/* ------------------------------------------------------ construction */

static int
bi_mod_table(ARGS)
{
    lc_magma_t M;
    const char * op = args[1]->u.str.s;
    int st;

    UNUSED_ARGS;
    if (strlen(op) != 1)
        return lc_err_set(err, LC_E_ARG, "the operation must be \"+\", \"-\" or \"*\"");
    lc_magma_init(M);
    if ((st = lc_magma_set_mod(M, lc_val_get_si(args[0]), op[0], err)) == LC_OK)
        *res = table_val(M);
    lc_magma_clear(M);
    return st;
}

/* table_of(mats, m) and closed_under_product(mats, m); the matrices come
   unpacked in A (kind M). */
static int
mats_table(lc_val * res, lc_session_struct * S, lc_val * args, slong nargs, const lc_mats_struct * A,
           int check, lc_err_t err)
{
    lc_magma_t M;
    slong m;
    int st;

    if ((st = get_modulus(&m, args, nargs, 1, err)) != LC_OK)
        return st;
    lc_magma_init(M);
    st = lc_magma_set_mats(M, A->m, A->len, m, err);
    if (check && (st == LC_OK || st == LC_E_DOMAIN))
    {
        char cert[LC_ERR_MSG_LEN + 80];
        if (st == LC_OK)
            snprintf(cert, sizeof(cert), "all %ld products of the %ld elements lie in the set",
                     (long) (M->n * M->n), (long) M->n);
        else
            snprintf(cert, sizeof(cert), "%s", err->msg);
        record(S, st == LC_OK, m > 0 ? "exact: every product, entries mod m"
                                     : "exact: every product over Q", cert);
        *res = lc_val_bool(st == LC_OK);
        st = LC_OK;
    }
    else if (st == LC_OK)
        *res = table_val(M);
    lc_magma_clear(M);
    return st;
}

static int bi_table_of(ARGS) { return mats_table(res, S, args, nargs, mats + 0, 0, err); }
static int bi_closed_under_product(ARGS) { return mats_table(res, S, args, nargs, mats + 0, 1, err); }

static int
bi_generate(ARGS)
{
    fmpq_mat_struct * E;
    lc_val * items;
    slong m, k, i, max = 512;
    int st;

    UNUSED_ARGS;
    if ((st = get_modulus(&m, args, nargs, 1, err)) != LC_OK)
        return st;
    if (nargs > 2)
        max = lc_val_get_si(args[2]);
    if (max < 1 || max > LC_MAGMA_MAX_ORDER)
        return lc_err_set(err, LC_E_LIMIT, "at most %d elements", LC_MAGMA_MAX_ORDER);
    st = lc_magma_generate_mats(&E, &k, mats[0].m, mats[0].len, m, max, err);
    if (st != LC_OK)
        return st;
    items = flint_malloc(sizeof(lc_val) * (k + 1));
    for (i = 0; i < k; i++)
    {
        items[i] = lc_val_mat();
        fmpq_mat_swap(items[i]->u.m, E + i);
        fmpq_mat_clear(E + i);
    }
    flint_free(E);
    *res = lc_val_list(items, k);
    flint_free(items);
    return LC_OK;
}

/* perm_table(P): the rows of the matrix P (or the lists of a list) are
   permutations of 1..deg. */
static int
bi_perm_table(ARGS)
{
    slong k, deg, i, j, * p;
    lc_magma_t M;
    int st = LC_OK;

    UNUSED_ARGS;
    if (args[0]->type == LC_V_MAT)
    {
        lc_val x;
        k = fmpq_mat_nrows(args[0]->u.m);
        deg = fmpq_mat_ncols(args[0]->u.m);
        p = flint_malloc(sizeof(slong) * (k * deg + 1));
        for (i = 0; i < k && st == LC_OK; i++)
            for (j = 0; j < deg && st == LC_OK; j++)
            {
                x = lc_val_num(fmpq_mat_entry(args[0]->u.m, i, j));
                st = get_index(p + i * deg + j, x, deg, "a permutation entry", err);
                lc_val_unref(x);
            }
    }
    else if (args[0]->type == LC_V_LIST && args[0]->u.list.len > 0)
    {
        k = args[0]->u.list.len;
        for (i = 0; i < k; i++)
            if (args[0]->u.list.items[i]->type != LC_V_LIST)
                return lc_err_set(err, LC_E_ARG, "element %ld must be a list such as [2, 3, 1]",
                                  (long) i + 1);
        deg = args[0]->u.list.items[0]->u.list.len;
        p = flint_malloc(sizeof(slong) * (k * deg + 1));
        for (i = 0; i < k && st == LC_OK; i++)
        {
            lc_val L = args[0]->u.list.items[i];
            if (L->u.list.len != deg)
                st = lc_err_set(err, LC_E_ARG, "element %ld has %ld entries, element 1 has %ld",
                                (long) i + 1, (long) L->u.list.len, (long) deg);
            for (j = 0; j < deg && st == LC_OK; j++)
                st = get_index(p + i * deg + j, L->u.list.items[j], deg, "a permutation entry", err);
        }
    }
    else
        return lc_err_set(err, LC_E_ARG, "expected a matrix whose rows are permutations, or a "
                          "non-empty list of lists");
    lc_magma_init(M);
    if (st == LC_OK && (st = lc_magma_set_perms(M, p, k, deg, err)) == LC_OK)
        *res = table_val(M);
    lc_magma_clear(M);
    flint_free(p);
    return st;
}

/* affine(A, b): [[A, b], [0, 1]], the map x -> A x + b. */
static int
bi_affine(ARGS)
{
    const fmpq_mat_struct * A = args[0]->u.m, * b = args[1]->u.m;
    slong n = fmpq_mat_nrows(A), i, j;

    UNUSED_ARGS;
    if (fmpq_mat_ncols(A) != n || fmpq_mat_nrows(b) != n || fmpq_mat_ncols(b) != 1)
        return lc_err_set(err, LC_E_DIM, "A must be n x n and b n x 1");
    if (n + 1 > LC_QMAT_MAX_SIZE)
        return lc_err_set(err, LC_E_LIMIT, "too large");
    *res = lc_val_mat();
    lc_qmat_zeros((*res)->u.m, n + 1, n + 1);
    for (i = 0; i < n; i++)
    {
        for (j = 0; j < n; j++)
            fmpq_set(fmpq_mat_entry((*res)->u.m, i, j), fmpq_mat_entry(A, i, j));
        fmpq_set(fmpq_mat_entry((*res)->u.m, i, n), fmpq_mat_entry(b, i, 0));
    }
    fmpq_one(fmpq_mat_entry((*res)->u.m, n, n));
    return LC_OK;
}

/* ------------------------------------------------------- homomorphisms */

static int
hom_args(lc_magma_t G, lc_magma_t H, slong ** h, lc_val * args, lc_err_t err)
{
    slong k;
    int st;

    if ((st = get_table(G, args[0], 1, err)) != LC_OK || (st = get_table(H, args[1], 2, err)) != LC_OK)
        return st;
    if (!lc_magma_is_closed(G) || !lc_magma_is_closed(H))
        return lc_err_set(err, LC_E_DOMAIN, "both operations must be closed (see group_axioms)");
    if ((st = get_list(h, &k, args[2], H->n, "an image", err)) != LC_OK)
        return st;
    if (k != G->n)
    {
        flint_free(*h);
        *h = NULL;
        return lc_err_set(err, LC_E_ARG, "%ld images for %ld elements", (long) k, (long) G->n);
    }
    return LC_OK;
}

static int
bi_is_homomorphism(ARGS)
{
    lc_magma_t G, H;
    slong * h = NULL, w[2];
    char cert[300];
    int st, ok;

    UNUSED_ARGS;
    lc_magma_init(G);
    lc_magma_init(H);
    if ((st = hom_args(G, H, &h, args, err)) == LC_OK)
    {
        ok = lc_magma_is_hom(w, G, H, h);
        if (ok)
            snprintf(cert, sizeof(cert), "H(a*b) = H(a) o H(b) for all %ld pairs", (long) (G->n * G->n));
        else
            snprintf(cert, sizeof(cert), "a = %ld, b = %ld: H(a*b) = H(%ld) = %ld but H(a) o H(b) = "
                     "%ld o %ld = %ld", (long) w[0] + 1, (long) w[1] + 1,
                     (long) lc_magma_op(G, w[0], w[1]) + 1, (long) h[lc_magma_op(G, w[0], w[1])] + 1,
                     (long) h[w[0]] + 1, (long) h[w[1]] + 1,
                     (long) lc_magma_op(H, h[w[0]], h[w[1]]) + 1);
        record(S, ok, "exact: every pair of the Cayley tables", cert);
        *res = lc_val_bool(ok);
    }
    flint_free(h);
    lc_magma_clear(G);
    lc_magma_clear(H);
    return st;
}

static int
kernel_image(lc_val * res, lc_val * args, int kernel, lc_err_t err)
{
    lc_magma_t G, H;
    slong * h = NULL, * out, k;
    int st;

    lc_magma_init(G);
    lc_magma_init(H);
    if ((st = hom_args(G, H, &h, args, err)) == LC_OK)
    {
        out = flint_malloc(sizeof(slong) * (G->n + H->n + 1));
        k = kernel ? lc_magma_kernel(out, G, H, h) : lc_magma_image(out, G->n, H->n, h);
        if (k < 0)
            st = lc_err_set(err, LC_E_DOMAIN, "the second table has no identity");
        else
            *res = list_of(out, k);
        flint_free(out);
    }
    flint_free(h);
    lc_magma_clear(G);
    lc_magma_clear(H);
    return st;
}

static int bi_kernel(ARGS) { UNUSED_ARGS; return kernel_image(res, args, 1, err); }
static int bi_image(ARGS) { UNUSED_ARGS; return kernel_image(res, args, 0, err); }

/* ------------------------------------------------------------- actions */

static int
bi_is_action(ARGS)
{
    lc_magma_t G;
    slong * phi = NULL, ng, nd, w[3];
    int st, code, idax = nargs > 2 ? args[2]->u.b : 1;
    char * text;

    UNUSED_ARGS;
    lc_magma_init(G);
    if ((st = get_table(G, args[0], 1, err)) == LC_OK && !lc_magma_is_closed(G))
        st = lc_err_set(err, LC_E_DOMAIN, "the operation is not closed (see group_axioms)");
    if (st == LC_OK && (st = get_phi(&phi, &ng, &nd, args[1], 0, err)) == LC_OK)
    {
        if (ng != G->n)
            st = lc_err_set(err, LC_E_DIM, "Phi has %ld rows for %ld elements", (long) ng, (long) G->n);
        else
        {
            code = lc_magma_action_check(w, G, phi, nd, idax);
            text = lc_magma_action_get_str(code, w, G, phi, nd, idax);
            record(S, code == LC_MAGMA_ACTION, idax ? "exact: the identity axiom and all triples (g, h, d)"
                   : "exact: Phi(g*h, d) = Phi(g, Phi(h, d)) for all triples (g, h, d) only", text);
            flint_free(text);
            *res = lc_val_bool(code == LC_MAGMA_ACTION);
        }
    }
    flint_free(phi);
    lc_magma_clear(G);
    return st;
}

static int
bi_orbits(ARGS)
{
    slong * phi, ng, nd, d, e, k, * orb, norb = 0;
    lc_val * items;
    int st;

    UNUSED_ARGS;
    if ((st = get_phi(&phi, &ng, &nd, args[0], 1, err)) != LC_OK)
        return st;
    orb = flint_malloc(sizeof(slong) * (nd + 1));
    items = flint_malloc(sizeof(lc_val) * (nd + 1));
    /* the distinct sets O_d, in the order of their first d */
    for (d = 0; d < nd; d++)
    {
        lc_val o;
        k = lc_magma_orbit(orb, phi, ng, nd, d);
        o = list_of(orb, k);
        for (e = 0; e < norb; e++)
        {
            slong i;
            int same = items[e]->u.list.len == k;
            for (i = 0; i < k && same; i++)
                same = lc_val_get_si(items[e]->u.list.items[i]) == orb[i] + 1;
            if (same)
                break;
        }
        if (e < norb)
            lc_val_unref(o);
        else
            items[norb++] = o;
    }
    *res = lc_val_list(items, norb);
    flint_free(items);
    flint_free(orb);
    flint_free(phi);
    return LC_OK;
}

static int
point_fn(lc_val * res, lc_val * args, int which, lc_err_t err)
{
    slong * phi, ng, nd, d, k, * out;
    int st;

    if ((st = get_phi(&phi, &ng, &nd, args[0], 1, err)) != LC_OK)
        return st;
    if ((st = get_index(&d, args[1], nd, "the point", err)) == LC_OK)
    {
        out = flint_malloc(sizeof(slong) * (nd + ng + 1));
        k = which ? lc_magma_stabilizer(out, phi, ng, nd, d) : lc_magma_orbit(out, phi, ng, nd, d);
        *res = list_of(out, k);
        flint_free(out);
    }
    flint_free(phi);
    return st;
}

static int bi_orbit(ARGS) { UNUSED_ARGS; return point_fn(res, args, 0, err); }
static int bi_stabilizer(ARGS) { UNUSED_ARGS; return point_fn(res, args, 1, err); }

static int
bi_fixed_points(ARGS)
{
    slong * phi, ng, nd, * out, k;
    int st;

    UNUSED_ARGS;
    if ((st = get_phi(&phi, &ng, &nd, args[0], 1, err)) != LC_OK)
        return st;
    out = flint_malloc(sizeof(slong) * (nd + 1));
    k = lc_magma_fixed_points(out, phi, ng, nd);
    *res = list_of(out, k);
    flint_free(out);
    flint_free(phi);
    return LC_OK;
}

/* orbits_partition(Phi) and orbit_stabilizer(Phi). */
static int
phi_check(lc_val * res, lc_session_struct * S, lc_val * args, int which, lc_err_t err)
{
    slong * phi, ng, nd;
    char * why;
    int st, ok;

    if ((st = get_phi(&phi, &ng, &nd, args[0], 1, err)) != LC_OK)
        return st;
    ok = which ? lc_magma_orbit_stabilizer(&why, phi, ng, nd)
               : lc_magma_orbits_partition(&why, phi, ng, nd);
    record(S, ok, which ? "exact: orbit and stabilizer of every point, from their definitions"
                        : "exact: O_d = {Phi(g, d)} for every d, compared pairwise", why);
    *res = lc_val_bool(ok);
    flint_free(why);
    flint_free(phi);
    return LC_OK;
}

static int bi_orbits_partition(ARGS) { UNUSED_ARGS; return phi_check(res, S, args, 0, err); }
static int bi_orbit_stabilizer(ARGS) { UNUSED_ARGS; return phi_check(res, S, args, 1, err); }

/* psi: a list of nd numbers. */
static int
get_psi(fmpq ** psi, const lc_val v, slong nd, lc_err_t err)
{
    slong i;

    if (v->u.list.len != nd)
        return lc_err_set(err, LC_E_ARG, "psi has %ld values for %ld points", (long) v->u.list.len,
                          (long) nd);
    *psi = _fmpq_vec_init(nd);
    for (i = 0; i < nd; i++)
    {
        if (v->u.list.items[i]->type != LC_V_NUM)
        {
            _fmpq_vec_clear(*psi, nd);
            return lc_err_set(err, LC_E_ARG, "psi value %ld must be an exact number", (long) i + 1);
        }
        fmpq_set(*psi + i, v->u.list.items[i]->u.q);
    }
    return LC_OK;
}

/* is_invariant(Phi, psi), invariant_loss(Phi, psi), orbit_variances(Phi, psi). */
static int
psi_fn(lc_val * res, lc_session_struct * S, lc_val * args, int which, lc_err_t err)
{
    slong * phi, ng, nd, w[2], g;
    fmpq * psi = NULL, * a, * b;
    lc_val * items, pair[2];
    char cert[300];
    int st, ok;

    if ((st = get_phi(&phi, &ng, &nd, args[0], 1, err)) != LC_OK)
        return st;
    if ((st = get_psi(&psi, args[1], nd, err)) != LC_OK)
    {
        flint_free(phi);
        return st;
    }
    if (which == 0)
    {
        ok = lc_magma_is_invariant(w, phi, ng, nd, psi);
        if (ok)
            snprintf(cert, sizeof(cert), "psi(Phi(g, d)) = psi(d) for all %ld pairs (g, d)",
                     (long) (ng * nd));
        else
            snprintf(cert, sizeof(cert), "g = %ld, d = %ld: psi(Phi(g, d)) = psi(%ld) != psi(%ld)",
                     (long) w[0] + 1, (long) w[1] + 1, (long) phi[w[0] * nd + w[1]] + 1,
                     (long) w[1] + 1);
        record(S, ok, "exact: every pair (g, d)", cert);
        *res = lc_val_bool(ok);
    }
    else
    {
        a = _fmpq_vec_init(ng);
        b = _fmpq_vec_init(ng);
        items = flint_malloc(sizeof(lc_val) * (ng + 1));
        if (which == 1)
            lc_magma_invariant_loss(a, phi, ng, nd, psi);
        else
            st = lc_magma_orbit_variances(a, b, phi, ng, nd, psi, err);
        if (st == LC_OK)
        {
            for (g = 0; g < ng; g++)
            {
                if (which == 1)
                    items[g] = lc_val_num(a + g);
                else
                {
                    pair[0] = lc_val_num(a + g);
                    pair[1] = lc_val_num(b + g);
                    items[g] = lc_val_list(pair, 2);
                }
            }
            *res = lc_val_list(items, ng);
        }
        flint_free(items);
        _fmpq_vec_clear(a, ng);
        _fmpq_vec_clear(b, ng);
    }
    _fmpq_vec_clear(psi, nd);
    flint_free(phi);
    return st;
}

static int bi_is_invariant(ARGS) { UNUSED_ARGS; return psi_fn(res, S, args, 0, err); }
static int bi_invariant_loss(ARGS) { UNUSED_ARGS; return psi_fn(res, S, args, 1, err); }
static int bi_orbit_variances(ARGS) { UNUSED_ARGS; return psi_fn(res, S, args, 2, err); }

/* -------------------------------------------- subgroups and normalizers */

static int
bi_normalizer(ARGS)
{
    lc_magma_t G;
    slong * s = NULL, ns, * N = NULL, nn;
    int st;

    UNUSED_ARGS;
    lc_magma_init(G);
    if ((st = get_group(G, args[0], 1, err)) == LC_OK
        && (st = get_list(&s, &ns, args[1], G->n, "an element of S", err)) == LC_OK)
    {
        N = flint_malloc(sizeof(slong) * (G->n + 1));
        if ((st = lc_magma_normalizer(N, &nn, G, s, ns, err)) == LC_OK)
            *res = list_of(N, nn);
    }
    flint_free(N);
    flint_free(s);
    lc_magma_clear(G);
    return st;
}

static int
bi_conj(ARGS)
{
    lc_magma_t G;
    slong * s = NULL, ns, g, * out = NULL, k;
    int st;

    UNUSED_ARGS;
    lc_magma_init(G);
    if ((st = get_group(G, args[0], 1, err)) == LC_OK
        && (st = get_index(&g, args[1], G->n, "the element", err)) == LC_OK
        && (st = get_list(&s, &ns, args[2], G->n, "an element of S", err)) == LC_OK)
    {
        out = flint_malloc(sizeof(slong) * (G->n + 1));
        if ((st = lc_magma_conj_set(out, &k, G, g, s, ns, err)) == LC_OK)
            *res = list_of(out, k);
    }
    flint_free(out);
    flint_free(s);
    lc_magma_clear(G);
    return st;
}

static int
bi_is_subgroup(ARGS)
{
    lc_magma_t G;
    slong * s = NULL, ns;
    char * why;
    int st, ok;

    UNUSED_ARGS;
    lc_magma_init(G);
    if ((st = get_table(G, args[0], 1, err)) == LC_OK
        && (st = get_list(&s, &ns, args[1], G->n, "an element of S", err)) == LC_OK)
    {
        ok = lc_magma_is_subgroup(&why, G, s, ns);
        record(S, ok, "exact: identity, products and inverses of the subset", why);
        *res = lc_val_bool(ok);
        flint_free(why);
    }
    flint_free(s);
    lc_magma_clear(G);
    return st;
}

/* normalizers_are_subgroups(T): Lemma 6 for every subset S of a group of
   order <= 12 (all 2^n subsets). */
static int
bi_normalizers_are_subgroups(ARGS)
{
    lc_magma_t G;
    char * cert;
    int st, ok;

    UNUSED_ARGS;
    lc_magma_init(G);
    if ((st = get_group(G, args[0], 1, err)) == LC_OK
        && (st = lc_magma_normalizers_are_subgroups(&ok, &cert, G, err)) == LC_OK)
    {
        record(S, ok, "exact: exhaustive over all subsets", cert);
        *res = lc_val_bool(ok);
        flint_free(cert);
    }
    lc_magma_clear(G);
    return st;
}

const lc_builtin_struct lc_builtins_magma[] =
{
    { LC_FAM_MAGMA, "group_axioms", "m", 1, 1, bi_group_axioms, "group_axioms(T)",
      "Checks the group axioms of the finite operation given by its Cayley table T (an n x n "
      "integer matrix, T[a, b] = a*b on the elements 1..n, n <= 512): closure, associativity (all "
      "n^3 triples), a two-sided identity and two-sided inverses. Records an exact check, with the "
      "witnessing elements of each failure in the certificate, and returns whether all hold "
      "(PROVED or REFUTED).",
      "group_axioms(mod_table(3, \"+\"))" },
    { LC_FAM_MAGMA, "is_associative", "m", 1, 1, bi_is_associative, "is_associative(T)",
      "Whether the operation of the Cayley table T (entries 1..n, T[a, b] = a*b) is closed and "
      "associative, (a*b)*c = a*(b*c) for all n^3 triples, as an exact boolean computed quietly "
      "(nothing is recorded; group_axioms records the check with witnesses). Tables larger than "
      "512 are a limit error.",
      "is_associative(mod_table(3, \"-\"))" },
    { LC_FAM_MAGMA, "is_commutative", "m", 1, 1, bi_is_commutative, "is_commutative(T)",
      "Whether the operation of the Cayley table T is commutative, a*b = b*a for all pairs of "
      "elements 1..n (i.e. T is symmetric), as an exact boolean. Nothing is recorded in a claim; "
      "wrap it in check(...) to record it.",
      "is_commutative(mod_table(3, \"*\"))" },
    { LC_FAM_MAGMA, "identity_of", "m", 1, 1, bi_identity_of, "identity_of(T)",
      "The two-sided identity e of the operation of the Cayley table T (e*a = a*e = a for every "
      "a), as an element 1..n, or the string \"none\" when there is none. Exact; nothing is "
      "recorded.",
      "identity_of(mod_table(3, \"+\"))" },
    { LC_FAM_MAGMA, "inverse_of", "mi", 2, 2, bi_inverse_of, "inverse_of(T, a)",
      "The two-sided inverse b of the element a (1..n) for the operation of the Cayley table T, "
      "with a*b = b*a = e for its two-sided identity e, or the string \"none\" when a has none or "
      "T has no identity. An element outside 1..n is an argument error.",
      "inverse_of(mod_table(3, \"+\"), 2)" },
    { LC_FAM_MAGMA, "absorbing", "m", 1, 1, bi_absorbing, "absorbing(T)",
      "The elements z (1..n, increasing) with z*m = z for every element m of the Cayley table T: "
      "the left-absorbing elements of Murakami's Cor. 4. In a group this happens only for the "
      "trivial group, so a non-empty answer for a larger table shows it is not a group.",
      "absorbing(mod_table(3, \"*\"))" },
    { LC_FAM_MAGMA, "additive_dim", "m", 1, 1, bi_additive_dim, "additive_dim(T)",
      "The dimension of the space of maps F from the elements to R with F(a*b) = F(a) + F(b), i.e. "
      "homomorphisms to (R, +), for the closed operation of the Cayley table T (n <= 64). The "
      "conditions are linear with rational coefficients, so the dimension over R is computed "
      "exactly as the rank deficiency over Q; 0 means F = 0 is the only one.",
      "additive_dim(mod_table(2, \"+\"))" },
    { LC_FAM_MAGMA, "group_tables", "i", 1, 1, bi_group_tables, "group_tables(n)",
      "Every group table on the elements 1..n for n <= 3, as a list of Cayley tables, found by "
      "exhausting all n^(n^2) operations and keeping those that satisfy the group axioms. An "
      "exhaustive, exact enumeration, so a statement about all groups of that order can be checked "
      "on the list.",
      "len(group_tables(2))" },
    { LC_FAM_MAGMA, "mod_table", "is", 2, 2, bi_mod_table, "mod_table(n, \"+\")",
      "The Cayley table of the integers mod n (1 <= n <= 512) under \"+\", \"-\" or \"*\", on the "
      "elements 1..n standing for the residues 0..n-1 (so element k is the residue k - 1). \"+\" "
      "gives the cyclic group Z_n, while \"-\" and \"*\" are in general not groups, which makes "
      "them convenient test tables.",
      "mod_table(3, \"+\")" },
    { LC_FAM_MAGMA, "table_of", "Mi", 1, 2, bi_table_of, "table_of([A, B, ...], m)",
      "The Cayley table of distinct square matrices under multiplication, with entries reduced mod "
      "m when m is given (1..1000000, and the entries must then be integers; 0 or omitted means "
      "over Q), element i being the i-th matrix. It is an error, naming the first pair, when a "
      "product is not in the list; two equal matrices or different sizes are errors too.",
      "table_of([eye(2), -eye(2)])" },
    { LC_FAM_MAGMA, "closed_under_product", "Mi", 1, 2, bi_closed_under_product,
      "closed_under_product([A, B, ...], m)",
      "Checks that the list of distinct square matrices is closed under multiplication (entries "
      "mod m when m is given, 1..1000000): every product lies in the set. Records an exact check "
      "(PROVED, or REFUTED with the first product outside the set as witness) and returns it as a "
      "boolean.",
      "closed_under_product([eye(2), -eye(2)])" },
    { LC_FAM_MAGMA, "generate", "Mii", 1, 3, bi_generate, "generate([A, B, ...], m, max)",
      "The closure of the square matrices under multiplication (entries mod m when m > 0), "
      "generators first, then in breadth-first order, as a list of exact matrices; for invertible "
      "generators of finite order it is the group they generate. It is a limit error when more "
      "than max elements (default 512, at most 512) appear.",
      "len(generate([[[0, -1], [1, 0]]]))" },
    { LC_FAM_MAGMA, "perm_table", "a", 1, 1, bi_perm_table, "perm_table([[2, 1, 3], ...])",
      "The Cayley table of distinct permutations of 1..deg (the rows of a matrix or a list of "
      "lists) under composition (p*q)(i) = p(q(i)), q applied first as in the matrix product. It "
      "errors when a row is not a permutation, two are equal, or a composite is not in the set "
      "(naming the first such pair).",
      "perm_table([[1, 2, 3], [2, 1, 3]])" },
    { LC_FAM_QMAT, "affine", "mm", 2, 2, bi_affine, "affine(A, b)",
      "The exact (n+1) x (n+1) matrix [[A, b], [0, 1]] of the affine map x -> A x + b, for an n x "
      "n matrix A and an n x 1 column b, in homogeneous coordinates (so composition of maps is the "
      "matrix product). Other shapes are a dimension error.",
      "affine(eye(2), [[1], [2]])" },
    { LC_FAM_MAGMA, "is_homomorphism", "mma", 3, 3, bi_is_homomorphism, "is_homomorphism(T1, T2, images)",
      "Checks that the map H sending element a of table T1 to images[a] (a list of elements of T2) "
      "is a homomorphism: H(a*b) = H(a) o H(b) for every pair. Both operations must be closed. "
      "Records an exact check (PROVED, or REFUTED with the first failing pair and both sides) and "
      "returns it as a boolean.",
      "is_homomorphism(mod_table(4, \"+\"), mod_table(2, \"+\"), [1, 2, 1, 2])" },
    { LC_FAM_MAGMA, "kernel", "mma", 3, 3, bi_kernel, "kernel(T1, T2, images)",
      "The kernel of the map a -> images[a] from table T1 to table T2: the elements of T1 "
      "(increasing) mapped to the two-sided identity of T2. Both operations must be closed, images "
      "needs one element of T2 per element of T1, and a T2 without identity is an error. It does "
      "not check that the map is a homomorphism (is_homomorphism does).",
      "kernel(mod_table(4, \"+\"), mod_table(2, \"+\"), [1, 2, 1, 2])" },
    { LC_FAM_MAGMA, "image", "mma", 3, 3, bi_image, "image(T1, T2, images)",
      "The image of the map a -> images[a] from table T1 to table T2: the distinct elements of T2 "
      "it takes, increasing. Both operations must be closed and images needs one element of T2 per "
      "element of T1.",
      "image(mod_table(4, \"+\"), mod_table(2, \"+\"), [1, 2, 1, 2])" },
    { LC_FAM_MAGMA, "is_action", "mmb", 2, 3, bi_is_action, "is_action(T, Phi, identity_axiom)",
      "Checks that the matrix Phi (Phi[g, d] the image of point d under element g; one row per "
      "element of T) is an action of the closed operation T: Phi(g*h, d) = Phi(g, Phi(h, d)) for "
      "all triples, images inside the points, and Phi(e, d) = d unless identity_axiom is false "
      "(default true). Records an exact check with a witness and returns it as a boolean.",
      "is_action(mod_table(2, \"+\"), [[1, 2, 3], [2, 1, 3]])" },
    { LC_FAM_MAGMA, "orbits", "m", 1, 1, bi_orbits, "orbits(Phi)",
      "The distinct orbit sets O_d = {Phi(g, d) : g} of the action matrix Phi (rows: elements, "
      "columns: points 1..nd, entries points), each increasing, in the order of their first point. "
      "Taken from the definition, without assuming Phi is an action: orbits_partition checks "
      "whether they partition the points.",
      "orbits([[1, 2, 3], [2, 1, 3]])" },
    { LC_FAM_MAGMA, "orbit", "mi", 2, 2, bi_orbit, "orbit(Phi, d)",
      "The orbit O_d = {Phi(g, d) : g} of the point d (1..nd) under the action matrix Phi, as an "
      "increasing list of points. Entries of Phi must be points 1..nd.",
      "orbit([[1, 2, 3], [2, 1, 3]], 1)" },
    { LC_FAM_MAGMA, "stabilizer", "mi", 2, 2, bi_stabilizer, "stabilizer(Phi, d)",
      "The stabilizer of the point d (1..nd) under the action matrix Phi: the elements g (row "
      "numbers, increasing) with Phi(g, d) = d, as a list. Entries of Phi must be points 1..nd.",
      "stabilizer([[1, 2, 3], [2, 1, 3]], 3)" },
    { LC_FAM_MAGMA, "fixed_points", "m", 1, 1, bi_fixed_points, "fixed_points(Phi)",
      "The points (increasing) fixed by every element of the action matrix Phi, i.e. the d with "
      "Phi(g, d) = d for every row g. Entries of Phi must be points 1..nd.",
      "fixed_points([[1, 2, 3], [2, 1, 3]])" },
    { LC_FAM_MAGMA, "orbits_partition", "m", 1, 1, bi_orbits_partition, "orbits_partition(Phi)",
      "Checks Murakami's Lemma 4 for the action matrix Phi: the sets O_d = {Phi(g, d) : g}, taken "
      "from their definition, partition the points (every d lies in O_d, and two of them are equal "
      "or disjoint). Records an exact check (with the orbits, or the failure) and returns it as a "
      "boolean.",
      "orbits_partition([[1, 2, 3], [2, 1, 3]])" },
    { LC_FAM_MAGMA, "orbit_stabilizer", "m", 1, 1, bi_orbit_stabilizer, "orbit_stabilizer(Phi)",
      "Checks the orbit-stabilizer relation |G| = |O_d| |Stab_d| for every point d of the action "
      "matrix Phi (|G| its number of rows), with orbits and stabilizers from their definitions. "
      "Records an exact check (the counts, or the failing point) and returns it as a boolean.",
      "orbit_stabilizer([[1, 2, 3], [2, 1, 3]])" },
    { LC_FAM_MAGMA, "is_invariant", "mL", 2, 2, bi_is_invariant, "is_invariant(Phi, psi)",
      "Checks that the values psi (a list of one exact number per point) are invariant under the "
      "action matrix Phi: psi(Phi(g, d)) = psi(d) for every element g and point d. Records an "
      "exact check (PROVED, or REFUTED with the first failing g, d) and returns it as a boolean.",
      "is_invariant([[1, 2, 3], [2, 1, 3]], [5, 5, 1])" },
    { LC_FAM_MAGMA, "invariant_loss", "mL", 2, 2, bi_invariant_loss, "invariant_loss(Phi, psi)",
      "For each element g (row of the action matrix Phi), the exact loss L(g) = sum_d psi(Phi(g, "
      "d)) - psi(d) of Murakami's Thm. 3, as a list of rationals, for psi a list of one exact "
      "number per point. Computed quietly; a zero loss does not by itself prove invariance (use "
      "is_invariant).",
      "invariant_loss([[1, 2, 3], [2, 1, 3]], [5, 7, 1])" },
    { LC_FAM_MAGMA, "orbit_variances", "mL", 2, 2, bi_orbit_variances, "orbit_variances(Phi, psi)",
      "For each element g (row of Phi), the pair [inter, intra] of exact variances of the values "
      "psi(Phi(g, d)) grouped by the orbit of d and weighted by points (Murakami's Thm. 4): inter "
      "= sum_O |O|/|D| (mean_O - mean)^2, intra = sum_O sum_{d in O} (v_d - mean_O)^2 / |D|. The "
      "orbits must partition the points, otherwise an error.",
      "orbit_variances([[1, 2, 3], [2, 1, 3]], [5, 7, 1])" },
    { LC_FAM_MAGMA, "normalizer", "ma", 2, 2, bi_normalizer, "normalizer(T, S)",
      "The normalizer N(S) = {g : g S g^-1 = S} of the subset S (a list of elements 1..n) in the "
      "group with Cayley table T (Murakami's Def. 7), as an increasing list of elements. T must be "
      "a group table (see group_axioms), otherwise an error.",
      "normalizer(perm_table([[1, 2, 3], [2, 1, 3], [1, 3, 2], [3, 2, 1], [2, 3, 1], [3, 1, 2]]), [1, 2])" },
    { LC_FAM_MAGMA, "conj", "mia", 3, 3, bi_conj, "conj(T, g, S)",
      "The set g S g^-1 = {g s g^-1 : s in S} for the element g and the subset S (a list of "
      "elements 1..n) of the group with Cayley table T, as an increasing list of elements. T must "
      "be a group table, otherwise an error.",
      "conj(perm_table([[1, 2, 3], [2, 1, 3], [1, 3, 2], [3, 2, 1], [2, 3, 1], [3, 1, 2]]), 5, [1, 2])" },
    { LC_FAM_MAGMA, "is_subgroup", "ma", 2, 2, bi_is_subgroup, "is_subgroup(T, S)",
      "Checks that the subset S (a list of elements 1..n) is a subgroup of the operation of the "
      "Cayley table T: non-empty, containing the identity, closed under the operation and under "
      "inverses. Records an exact check (with the reason or the failing elements) and returns it "
      "as a boolean.",
      "is_subgroup(mod_table(4, \"+\"), [1, 3])" },
    { LC_FAM_MAGMA, "normalizers_are_subgroups", "m", 1, 1, bi_normalizers_are_subgroups,
      "normalizers_are_subgroups(T)",
      "Checks Murakami's Lemma 6 exhaustively for the group with Cayley table T (order at most "
      "12): for every one of the 2^n subsets S, the normalizer N(S) is a subgroup. Records an "
      "exact check (PROVED with the count, or REFUTED naming the first subset, its normalizer and "
      "the reason) and returns it as a boolean.",
      "normalizers_are_subgroups(mod_table(3, \"+\"))" },
};

const slong lc_nbuiltins_magma = (slong) (sizeof(lc_builtins_magma) / sizeof(lc_builtins_magma[0]));
