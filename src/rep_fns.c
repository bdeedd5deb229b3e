/* rep_fns.c -- built-ins for group representations and their exact
 * equivariant maps.  The mathematics is in lib/rep (rep.c, equivariant.c);
 * the functions that find a basis record its certificate (exact checks of
 * every generator, independence, and the rank bound) in the current claim. */
#include "config.h"
#include <string.h>
#include "eval.h"
#include "builtins.h"
#include "limit.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

/* Default limit of the group order for regular_rep and burnside. */
#define LC_REP_ENUM_LIMIT 10000

/* *res := a new representation value filled by st's call, or the error. */
static int
rep_result(lc_val * res, lc_val v, int st)
{
    if (st != LC_OK)
    {
        lc_val_unref(v);
        return st;
    }
    *res = v;
    return LC_OK;
}

static int
bi_perm_rep(ARGS)
{
    lc_val v = lc_val_rep();

    UNUSED_ARGS;
    return rep_result(res, v, lc_rep_perm(v->u.rep, lc_val_get_si(args[0]), err));
}

/* The permutation representation of a permutation group on its points. */
static int
bi_perm_rep_group(ARGS)
{
    const lc_group_struct * G = args[0]->u.group;
    slong n = FLINT_MAX(G->n, 1), ng = G->ngens, i, j;
    slong * imgs = flint_malloc(FLINT_MAX(ng * n, 1) * sizeof(slong));
    lc_val v = lc_val_rep();
    lc_perm_t p;
    int st;

    UNUSED_ARGS;
    lc_perm_init(p, 0);
    for (i = 0; i < ng; i++)
    {
        lc_group_gen(p, G, i);
        for (j = 0; j < n; j++)
            imgs[i * n + j] = lc_perm_image(p, j);
    }
    lc_perm_clear(p);
    st = lc_rep_set_perms(v->u.rep, imgs, ng, n, err);
    flint_free(imgs);
    return rep_result(res, v, st);
}

/* The right regular representation (lib/rep). */
static int
bi_regular_rep(ARGS)
{
    slong limit = nargs > 1 ? lc_val_get_si(args[1]) : LC_REP_ENUM_LIMIT;
    lc_val v;

    UNUSED_ARGS;
    if (limit < 1 || limit > LC_REP_MAX_DIM)
        return lc_err_set(err, LC_E_ARG, "the limit must be between 1 and %ld", (long) LC_REP_MAX_DIM);
    v = lc_val_rep();
    return rep_result(res, v, lc_rep_regular(v->u.rep, args[0]->u.group, limit, err));
}

static int
bi_std_rep(ARGS)
{
    lc_val v = lc_val_rep();

    UNUSED_ARGS;
    return rep_result(res, v, lc_rep_std(v->u.rep, args[0]->u.str.s,
                                         nargs > 1 ? lc_val_get_si(args[1]) : 0, err));
}

/* rep(group_generators, lie_generators, n): matrices, or permutations for
   the group generators. */
static int
bi_rep(ARGS)
{
    const lc_val G = args[0], L = nargs > 1 && args[1] != lc_val_omitted() ? args[1] : NULL;
    slong ng = G->u.list.len, nl = L ? L->u.list.len : 0, i, n_hint = 0;
    fmpq_mat_struct * gm, * lm;
    lc_val v;
    int st = LC_OK, perms;

    UNUSED_ARGS;
    if (nargs > 2 && args[2] != lc_val_omitted())
        n_hint = lc_val_get_si(args[2]);
    perms = ng > 0 && G->u.list.items[0]->type == LC_V_PERM;
    for (i = 0; i < ng; i++)
        if (G->u.list.items[i]->type != (perms ? LC_V_PERM : LC_V_MAT))
            return lc_err_set(err, LC_E_ARG, "group generator %ld is %s, not %s", (long) (i + 1),
                              lc_val_kind(G->u.list.items[i]), perms ? "a permutation" : "a matrix");
    for (i = 0; i < nl; i++)
        if (L->u.list.items[i]->type != LC_V_MAT)
            return lc_err_set(err, LC_E_ARG, "Lie generator %ld is %s, not a matrix", (long) (i + 1),
                              lc_val_kind(L->u.list.items[i]));
    if (perms && nl > 0)
        return lc_err_set(err, LC_E_ARG, "permutations come without Lie generators; give matrices");
    v = lc_val_rep();
    if (perms)
    {
        slong n = n_hint, j;
        slong * imgs;

        for (i = 0; i < ng; i++)
            n = FLINT_MAX(n, G->u.list.items[i]->u.perm->n);
        n = FLINT_MAX(n, 1);
        if (n > LC_PERM_MAX_DEGREE)
            return rep_result(res, v, lc_err_set(err, LC_E_LIMIT, "degree %ld is more than %d",
                                                 (long) n, LC_PERM_MAX_DEGREE));
        imgs = flint_malloc(ng * n * sizeof(slong));
        for (i = 0; i < ng; i++)
            for (j = 0; j < n; j++)
                imgs[i * n + j] = lc_perm_image(G->u.list.items[i]->u.perm, j);
        st = lc_rep_set_perms(v->u.rep, imgs, ng, n, err);
        flint_free(imgs);
        return rep_result(res, v, st);
    }
    if (ng + nl == 0 && n_hint < 1)
        return rep_result(res, v, lc_err_set(err, LC_E_ARG, "without generators give the dimension: "
                                             "rep([], [], n)"));
    gm = flint_malloc(FLINT_MAX(ng, 1) * sizeof(fmpq_mat_struct));
    lm = flint_malloc(FLINT_MAX(nl, 1) * sizeof(fmpq_mat_struct));
    for (i = 0; i < ng; i++)
        gm[i] = *G->u.list.items[i]->u.m;   /* shallow, read only */
    for (i = 0; i < nl; i++)
        lm[i] = *L->u.list.items[i]->u.m;
    if (n_hint > 0 && ng + nl > 0 && (ng > 0 ? gm[0].r : lm[0].r) != n_hint)
        st = lc_err_set(err, LC_E_DIM, "the generators are %ld x %ld, not %ld x %ld",
                        (long) (ng > 0 ? gm[0].r : lm[0].r), (long) (ng > 0 ? gm[0].c : lm[0].c),
                        (long) n_hint, (long) n_hint);
    if (st == LC_OK)
        st = lc_rep_set_gens(v->u.rep, gm, ng, lm, nl, n_hint, err);
    flint_free(gm);
    flint_free(lm);
    return rep_result(res, v, st);
}

static int
bi_trivial_of(ARGS)
{
    lc_val v = lc_val_rep();

    UNUSED_ARGS;
    return rep_result(res, v, lc_rep_trivial(v->u.rep, args[0]->u.rep,
                                             nargs > 1 ? lc_val_get_si(args[1]) : 1, err));
}

static int
bi_trivial_n(ARGS)
{
    lc_val v = lc_val_rep();

    UNUSED_ARGS;
    return rep_result(res, v, lc_rep_trivial(v->u.rep, NULL, lc_val_get_si(args[0]), err));
}

static int
bi_rep_tensor(ARGS)
{
    lc_val v = lc_val_rep();

    UNUSED_ARGS;
    return rep_result(res, v, lc_rep_tensor(v->u.rep, args[0]->u.rep, args[1]->u.rep, err));
}

static int
bi_rep_outer(ARGS)
{
    lc_val v = lc_val_rep();

    UNUSED_ARGS;
    return rep_result(res, v, lc_rep_outer(v->u.rep, args[0]->u.rep, args[1]->u.rep, err));
}

/* reshape(A, r, c): the entries of A read row by row into r rows of c. */
static int
bi_reshape(ARGS)
{
    const fmpq_mat_struct * A = args[0]->u.m;
    slong r = lc_val_get_si(args[1]), c = lc_val_get_si(args[2]), i;
    lc_val v;

    UNUSED_ARGS;
    if (r < 0 || c < 0 || r > LC_QMAT_MAX_SIZE || c > LC_QMAT_MAX_SIZE || r * c != A->r * A->c)
        return lc_err_set(err, LC_E_DIM, "cannot read %ld x %ld entries as %ld x %ld", (long) A->r,
                          (long) A->c, (long) r, (long) c);
    v = lc_val_mat();
    lc_qmat_zeros(v->u.m, r, c);
    for (i = 0; i < r * c; i++)
        fmpq_set(fmpq_mat_entry(v->u.m, i / c, i % c), fmpq_mat_entry(A, i / A->c, i % A->c));
    *res = v;
    return LC_OK;
}

static int
bi_rep_sum(ARGS)
{
    lc_val v = lc_val_rep();

    UNUSED_ARGS;
    return rep_result(res, v, lc_rep_sum(v->u.rep, args[0]->u.rep, args[1]->u.rep, err));
}

static int
bi_rep_dual(ARGS)
{
    lc_val v = lc_val_rep();

    UNUSED_ARGS;
    return rep_result(res, v, lc_rep_dual(v->u.rep, args[0]->u.rep, err));
}

static int
bi_rep_power(ARGS)
{
    lc_val v = lc_val_rep();

    UNUSED_ARGS;
    return rep_result(res, v, lc_rep_power(v->u.rep, args[0]->u.rep, lc_val_get_si(args[1]), err));
}

static int
bi_rep_sym(ARGS)
{
    lc_val v = lc_val_rep();

    UNUSED_ARGS;
    return rep_result(res, v, lc_rep_sym(v->u.rep, args[0]->u.rep, lc_val_get_si(args[1]), err));
}

static int
bi_rep_alt(ARGS)
{
    lc_val v = lc_val_rep();

    UNUSED_ARGS;
    return rep_result(res, v, lc_rep_alt(v->u.rep, args[0]->u.rep, lc_val_get_si(args[1]), err));
}

static int
bi_rep_dim(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_si(lc_rep_dim(args[0]->u.rep));
    return LC_OK;
}

/* [[group generators], [Lie generators]] as matrices. */
static int
bi_rep_generators(ARGS)
{
    const lc_rep_struct * V = args[0]->u.rep;
    lc_val parts[2], * items;
    slong i, k;

    UNUSED_ARGS;
    if (V->n > 256)
        return lc_err_set(err, LC_E_LIMIT, "dimension %ld: the dense generators of more than 256 rows "
                          "are not listed", (long) V->n);
    for (k = 0; k < 2; k++)
    {
        slong off = k == 0 ? 0 : V->ngroup, len = k == 0 ? V->ngroup : V->nlie;

        items = flint_malloc(FLINT_MAX(len, 1) * sizeof(lc_val));
        for (i = 0; i < len; i++)
        {
            items[i] = lc_val_mat();
            lc_smat_get_fmpq_mat(items[i]->u.m, V->gens + off + i);
        }
        parts[k] = lc_val_list(items, len);
        flint_free(items);
    }
    *res = lc_val_list(parts, 2);
    return LC_OK;
}

/* ------------------------------------------------------ equivariant maps */

/* Find and certify the basis of the maps V_in -> V_out, recording the
   certificate in the current claim.  On success the caller owns *basis. */
static int
certified_basis(fmpq_mat_struct ** basis, slong * len, lc_rep_info_t info, lc_session_struct * S,
                lc_check_struct * chk, const lc_rep_t V_in, const lc_rep_t V_out, lc_err_t err)
{
    int st;

    if ((st = lc_rep_equivariant_basis(basis, len, info, V_in, V_out, err)) != LC_OK)
        return st;
    lc_check_describe(chk, info->method == LC_REP_ORBITS
                      ? "exact equivariant basis: orbit indicators of the permutation action (union-find "
                        "over the generators), checked over Q against every generator"
                      : "exact equivariant basis: sparse elimination of the constraint system modulo "
                        "a prime, lifted to Q by rational reconstruction, checked over Q against "
                        "every generator; completeness by the rank modulo p");
    if (!lc_rep_certify_basis(chk, *basis, *len, info, V_in, V_out) && S->claim < 0)
    {
        lc_rep_basis_clear(*basis, *len);
        return lc_err_set(err, LC_E_DOMAIN, "the basis failed its exact certificate");
    }
    return LC_OK;
}

static int
bi_equivariant_basis(ARGS)
{
    fmpq_mat_struct * B;
    slong len, i;
    lc_rep_info_t info;
    lc_val * items;
    int st;

    UNUSED_ARGS;
    lc_rep_info_init(info);
    st = certified_basis(&B, &len, info, S, lc_session_checks(S), args[0]->u.rep, args[1]->u.rep, err);
    if (st == LC_OK)
    {
        items = flint_malloc(FLINT_MAX(len, 1) * sizeof(lc_val));
        for (i = 0; i < len; i++)
        {
            items[i] = lc_val_mat();
            fmpq_mat_swap(items[i]->u.m, B + i);
        }
        *res = lc_val_list(items, len);
        flint_free(items);
        lc_rep_basis_clear(B, len);
    }
    lc_rep_info_clear(info);
    return st;
}

static int
bi_invariants(ARGS)
{
    fmpq_mat_struct * B;
    slong len, i;
    lc_rep_info_t info;
    lc_rep_t T;
    lc_val * items;
    int st;

    UNUSED_ARGS;
    lc_rep_info_init(info);
    lc_rep_init(T);
    st = lc_rep_trivial(T, args[0]->u.rep, 1, err);
    if (st == LC_OK)
        st = certified_basis(&B, &len, info, S, lc_session_checks(S), T, args[0]->u.rep, err);
    if (st == LC_OK)
    {
        items = flint_malloc(FLINT_MAX(len, 1) * sizeof(lc_val));
        for (i = 0; i < len; i++)
        {
            items[i] = lc_val_mat();
            fmpq_mat_swap(items[i]->u.m, B + i);
        }
        *res = lc_val_list(items, len);
        flint_free(items);
        lc_rep_basis_clear(B, len);
    }
    lc_rep_clear(T);
    lc_rep_info_clear(info);
    return st;
}

static int
bi_equivariant_dim(ARGS)
{
    fmpq_mat_struct * B;
    slong len;
    lc_rep_info_t info;
    int st;

    UNUSED_ARGS;
    lc_rep_info_init(info);
    st = certified_basis(&B, &len, info, S, lc_session_checks(S), args[0]->u.rep, args[1]->u.rep, err);
    if (st == LC_OK)
    {
        *res = lc_val_si(len);
        lc_rep_basis_clear(B, len);
    }
    lc_rep_info_clear(info);
    return st;
}

/* The layer as a matrix: W itself, or the matrix of a (linear) function f
   from the images of the unit columns e_j (dim_in x 1), each result read
   row by row as column j. */
static int
layer_matrix(fmpq_mat_t W, lc_session_struct * S, const lc_val f, slong m, slong n, lc_err_t err)
{
    slong j, r, c, t;
    int st = LC_OK;

    if (f->type == LC_V_MAT)
    {
        lc_qmat_zeros(W, f->u.m->r, f->u.m->c);
        fmpq_mat_set(W, f->u.m);
        return LC_OK;
    }
    if (f->type != LC_V_FUNC && f->type != LC_V_BUILTIN)
        return lc_err_set(err, LC_E_ARG, "the layer must be a matrix or a function, got %s",
                          lc_val_kind(f));
    lc_qmat_zeros(W, m, n);
    for (j = 0; j < n && st == LC_OK; j++)
    {
        lc_val e = lc_val_mat(), y = NULL;

        lc_qmat_zeros(e->u.m, n, 1);
        fmpq_one(fmpq_mat_entry(e->u.m, j, 0));
        st = lc_call_value(&y, S, f, &e, 1, err);
        lc_val_unref(e);
        if (st != LC_OK)
            break;
        if (y->type != LC_V_MAT || y->u.m->r * y->u.m->c != m)
            st = lc_err_set(err, LC_E_DIM, "the layer sends e_%ld to %s with %ld entries, not %ld",
                            (long) (j + 1), lc_val_kind(y),
                            (long) (y->type == LC_V_MAT ? y->u.m->r * y->u.m->c : 0), (long) m);
        else
            for (r = 0, t = 0; r < y->u.m->r; r++)
                for (c = 0; c < y->u.m->c; c++, t++)
                    fmpq_set(fmpq_mat_entry(W, t, j), fmpq_mat_entry(y->u.m, r, c));
        lc_val_unref(y);
    }
    return st;
}

/* A function is read as the linear map with columns f(e_j); a check at
   x = (1, 2, ..., n)^T that f(x) = W x refutes a function that is not
   linear there (it does not prove linearity: the certificate says so). */
static int
linearity_spot_check(lc_check_struct * chk, lc_session_struct * S, const lc_val f,
                     const fmpq_mat_t W, lc_err_t err)
{
    slong n = W->c, m = W->r, j, r, c, t;
    lc_val x = lc_val_mat(), y = NULL;
    fmpq_mat_t Wx;
    int st, ok;

    lc_qmat_zeros(x->u.m, n, 1);
    for (j = 0; j < n; j++)
        fmpq_set_si(fmpq_mat_entry(x->u.m, j, 0), j + 1, 1);
    st = lc_call_value(&y, S, f, &x, 1, err);
    if (st == LC_OK)
    {
        fmpq_mat_init(Wx, m, 1);
        fmpq_mat_mul(Wx, W, x->u.m);
        ok = y->type == LC_V_MAT && y->u.m->r * y->u.m->c == m;
        for (r = 0, t = 0; ok && r < y->u.m->r; r++)
            for (c = 0; ok && c < y->u.m->c; c++, t++)
                ok = fmpq_equal(fmpq_mat_entry(y->u.m, r, c), fmpq_mat_entry(Wx, t, 0));
        lc_check_fact(chk, ok, LC_CHECK_EXACT, ok
                      ? "the layer is the matrix W of its values on the unit vectors; f(x) = W x at "
                        "x = (1, 2, ..., n)^T (exact; linearity is assumed, not proved)"
                      : "the layer is not linear: f(x) != W x at x = (1, 2, ..., n)^T, W the matrix "
                        "of its values on the unit vectors (exact over Q)");
        fmpq_mat_clear(Wx);
        lc_val_unref(y);
    }
    lc_val_unref(x);
    return st;
}

static int
span_common(lc_val * res, lc_session_struct * S, lc_val * args, int want_coeffs, lc_err_t err)
{
    const lc_rep_struct * Vin = args[1]->u.rep, * Vout = args[2]->u.rep;
    fmpq_mat_struct * B;
    slong len = 0, i;
    lc_rep_info_t info;
    fmpq_mat_t W;
    fmpq * c = NULL;
    lc_check_struct * chk = lc_session_checks(S);
    int st, in = 0;

    lc_rep_info_init(info);
    fmpq_mat_init(W, 0, 0);
    st = layer_matrix(W, S, args[0], Vout->n, Vin->n, err);
    if (st == LC_OK && (W->r != Vout->n || W->c != Vin->n))
        st = lc_err_set(err, LC_E_DIM, "the layer is %ld x %ld, not dim(V_out) x dim(V_in) = %ld x %ld",
                        (long) W->r, (long) W->c, (long) Vout->n, (long) Vin->n);
    if (st == LC_OK && args[0]->type != LC_V_MAT)
        st = linearity_spot_check(chk, S, args[0], W, err);
    if (st == LC_OK && lc_check_stopped(chk))
    {
        /* not linear: nothing more to say about its equivariance */
        if (want_coeffs)
            st = lc_err_set(err, LC_E_DOMAIN, "%s", chk->recs[chk->len - 1].text);
        else
            *res = lc_val_bool(0);
        fmpq_mat_clear(W);
        lc_rep_info_clear(info);
        return st;
    }
    if (st == LC_OK)
        st = certified_basis(&B, &len, info, S, chk, Vin, Vout, err);
    if (st == LC_OK)
    {
        c = _fmpq_vec_init(FLINT_MAX(len, 1));
        st = lc_rep_span_coeffs(&in, c, chk, W, B, len, info, Vin, Vout, err);
        if (st == LC_OK && want_coeffs)
        {
            if (!in)
                st = lc_err_set(err, LC_E_DOMAIN, "%s", chk->recs[chk->len - 1].text);
            else
            {
                lc_val * items = flint_malloc(FLINT_MAX(len, 1) * sizeof(lc_val));

                for (i = 0; i < len; i++)
                    items[i] = lc_val_num(c + i);
                *res = lc_val_list(items, len);
                flint_free(items);
            }
        }
        else if (st == LC_OK)
            *res = lc_val_bool(in);
        _fmpq_vec_clear(c, FLINT_MAX(len, 1));
        lc_rep_basis_clear(B, len);
    }
    fmpq_mat_clear(W);
    lc_rep_info_clear(info);
    return st;
}

static int
bi_in_equivariant_span(ARGS)
{
    UNUSED_ARGS;
    return span_common(res, S, args, 0, err);
}

static int
bi_equivariant_coefficients(ARGS)
{
    UNUSED_ARGS;
    return span_common(res, S, args, 1, err);
}

static int
bi_character_dim(ARGS)
{
    fmpz_t c;
    fmpq_t q;
    slong limit = nargs > 2 ? lc_val_get_si(args[2]) : LC_REP_ENUM_LIMIT;
    int st;

    UNUSED_ARGS;
    if (limit < 1)
        return lc_err_set(err, LC_E_ARG, "the limit must be positive, got %ld", (long) limit);
    fmpz_init(c);
    st = lc_rep_character_dim(c, args[0]->u.rep, args[1]->u.rep, limit, err);
    if (st == LC_OK)
    {
        fmpq_init(q);
        fmpz_set(fmpq_numref(q), c);
        *res = lc_val_num(q);
        fmpq_clear(q);
    }
    fmpz_clear(c);
    return st;
}

static int
bi_burnside(ARGS)
{
    fmpz_t c;
    fmpq_t q;
    slong limit = nargs > 1 ? lc_val_get_si(args[1]) : LC_REP_ENUM_LIMIT;
    int st;

    UNUSED_ARGS;
    if (limit < 1)
        return lc_err_set(err, LC_E_ARG, "the limit must be positive, got %ld", (long) limit);
    fmpz_init(c);
    st = lc_rep_burnside(c, args[0]->u.rep, limit, err);
    if (st == LC_OK)
    {
        fmpq_init(q);
        fmpz_set(fmpq_numref(q), c);
        *res = lc_val_num(q);
        fmpq_clear(q);
    }
    fmpz_clear(c);
    return st;
}

const lc_builtin_struct lc_builtins_rep[] =
{
    { LC_FAM_REP, "perm_rep", "i", 1, 1, bi_perm_rep, "perm_rep(n)",
      "The representation of the symmetric group S_n permuting the coordinates of Q^n, given by "
      "the permutation matrices of its generators, the transposition (1 2) and the cycle (1 2 ... "
      "n) (no generator for n = 1). Its equivariant maps are found by orbits, exactly, with no "
      "linear algebra.",
      "V = perm_rep(4)\nequivariant_dim(V, V)" },
    { LC_FAM_REP, "perm_rep", "g", 1, 1, bi_perm_rep_group, "perm_rep(G)",
      "The permutation representation of the permutation group G on Q^degree(G): each generator p "
      "of G, in order, acts by the permutation matrix e_j -> e_(j^p). Representations of one group "
      "must list the same generators in the same order, so build the others from G too.",
      "perm_rep(group(perm(\"(1,2,3)\")))" },
    { LC_FAM_REP, "regular_rep", "gi", 1, 2, bi_regular_rep, "regular_rep(G, limit)",
      "The right regular representation of the permutation group G on Q^|G|: the elements are "
      "enumerated (sorted by their images) and generator g sends the basis vector of x to that of "
      "x g. It errors when |G| exceeds limit (default 10000, at most 65536).",
      "R = regular_rep(group(perm(\"(1,2,3)\")))\nequivariant_dim(R, R)" },
    { LC_FAM_REP, "std_rep", "si", 1, 2, bi_std_rep, "std_rep(name, n)",
      "The defining representation of a classical group, given by Lie algebra generators plus the "
      "discrete generators its components need: \"O\" and \"SO\" (n x n: so(n) spanned by E_ij - "
      "E_ji, O(n) adding a reflection), \"Sp\" (n = 2m even: sp(2m) for J = [[0, I], [-I, 0]]) or "
      "\"Lorentz\" (n = 4 or omitted: O(1, 3) for diag(1, -1, -1, -1), with rotations, boosts, P "
      "and T). Names like \"SO(3)\" are accepted; others are an error.",
      "V = std_rep(\"SO\", 3)\ndim(V)" },
    { LC_FAM_REP, "rep", "LLi", 1, 3, bi_rep, "rep(group_generators, lie_generators, n)",
      "A representation from explicit generators: a list of invertible exact n x n matrices (or of "
      "permutations, acting as permutation matrices) for the group, and a list of exact n x n Lie "
      "algebra matrices (none with permutations). n is needed only when there are no generators "
      "(then it is trivial of dimension n) and must match otherwise. Errors on singular or "
      "mismatched generators.",
      "V = rep([[[0, -1], [1, 0]]], [])\nequivariant_dim(V, V)" },
    { LC_FAM_REP, "trivial", "Ri", 1, 2, bi_trivial_of, "trivial(V, d)",
      "The trivial representation of dimension d (default 1) of the group of V: one identity "
      "matrix per group generator and one zero matrix per Lie generator of V. It can therefore be "
      "combined with V (rep_tensor, rep_sum, equivariant_basis).",
      "trivial(perm_rep(3))" },
    { LC_FAM_REP, "trivial", "i", 1, 1, bi_trivial_n, "trivial(n)",
      "The trivial representation of dimension n with no generators at all. Such a representation "
      "is trivial for every group and adapts to the representation it is combined with, so "
      "equivariant_dim(trivial(1), V) counts the invariants of V.",
      "equivariant_dim(trivial(1), perm_rep(3))" },
    { LC_FAM_REP, "rep_tensor", "RR", 2, 2, bi_rep_tensor, "rep_tensor(V, W)",
      "The tensor product V (x) W of two representations of one group, of dimension dim V * dim W: "
      "group generators act by the Kronecker products rho(g) (x) sigma(g) (basis e_i (x) e_j at "
      "index i dim(W) + j, as numpy.kron) and Lie generators by X (x) I + I (x) Y. Errors for "
      "different groups or a dimension above 65536.",
      "V = perm_rep(3)\ndim(rep_tensor(V, V))" },
    { LC_FAM_REP, "rep_outer", "RR", 2, 2, bi_rep_outer, "rep_outer(V, W)",
      "The outer tensor product of V and W: the representation of the direct product G x H of "
      "their groups on V (x) W, generated by g (x) I for V's group generators, then I (x) h for "
      "W's, and likewise X (x) I and I (x) Y for the Lie generators. For instance a point cloud of "
      "n points in R^3 is rep_outer(std_rep(\"O\", 3), perm_rep(n)).",
      "dim(rep_outer(std_rep(\"O\", 3), perm_rep(4)))" },
    { LC_FAM_QMAT, "reshape", "mii", 3, 3, bi_reshape, "reshape(A, r, c)",
      "The entries of the exact matrix A read row by row into an r x c matrix, the index order of "
      "rep_tensor (so a vector of V (x) W becomes a dim V x dim W matrix). r c must equal the "
      "number of entries of A and both be at most 4096; otherwise a dimension error.",
      "reshape([[1, 2, 3, 4]], 2, 2)" },
    { LC_FAM_REP, "rep_sum", "RR", 2, 2, bi_rep_sum, "rep_sum(V, W)",
      "The direct sum V (+) W of two representations of one group, of dimension dim V + dim W: "
      "each generator acts block-diagonally, [[rho(g), 0], [0, sigma(g)]]. Errors for "
      "representations of different groups or past dimension 65536.",
      "V = perm_rep(3)\ndim(rep_sum(V, trivial(V)))" },
    { LC_FAM_REP, "rep_dual", "R", 1, 1, bi_rep_dual, "rep_dual(V)",
      "The dual representation V^*: group generators act by the inverse transposes rho(g)^-T and "
      "Lie generators by -X^T, computed exactly. The equivariant maps V_in -> V_out are the "
      "invariants of V_out (x) V_in^*.",
      "rep_dual(std_rep(\"Lorentz\"))" },
    { LC_FAM_REP, "rep_power", "Ri", 2, 2, bi_rep_power, "rep_power(V, k)",
      "The k-th tensor power V (x) ... (x) V (k >= 0) of dimension dim(V)^k, with the index order "
      "of rep_tensor; k = 0 gives the trivial representation of dimension 1. Errors past dimension "
      "65536.",
      "dim(rep_power(std_rep(\"O\", 3), 4))" },
    { LC_FAM_REP, "rep_sym", "Ri", 2, 2, bi_rep_sym, "rep_sym(V, k)",
      "The symmetric power Sym^k V (1 <= k <= 8) as the subrepresentation of V^(x)k spanned by the "
      "orbit sums of the nondecreasing multi-indices, in lexicographic order, with exact generator "
      "matrices. dim(V)^k must be at most 65536.",
      "S = std_rep(\"SO\", 3)\nequivariant_dim(rep_sym(S, 2), rep_sym(S, 2))" },
    { LC_FAM_REP, "rep_alt", "Ri", 2, 2, bi_rep_alt, "rep_alt(V, k)",
      "The exterior power Alt^k V (1 <= k <= 8) as the subrepresentation of V^(x)k spanned by the "
      "antisymmetrised increasing multi-indices, sum_sigma sgn(sigma) e_(m_sigma), in "
      "lexicographic order, with exact generator matrices. dim(V)^k must be at most 65536.",
      "S = std_rep(\"SO\", 3)\nequivariant_basis(rep_alt(S, 2), S)" },
    { LC_FAM_REP, "dim", "R", 1, 1, bi_rep_dim, "dim(V)",
      "The dimension of the representation V (the size of its generator matrices), as an integer. "
      "For a Lie algebra, dim(L) is its dimension as a vector space.",
      "dim(perm_rep(5))" },
    { LC_FAM_REP, "rep_generators", "R", 1, 1, bi_rep_generators, "rep_generators(V)",
      "The generators of the representation V as a pair of lists of exact matrices, [[group "
      "generator matrices], [Lie generator matrices]], in their order. Dense matrices are listed "
      "only for dimension at most 256; larger ones are a limit error.",
      "rep_generators(std_rep(\"O\", 2))" },
    { LC_FAM_REP, "equivariant_basis", "RR", 2, 2, bi_equivariant_basis,
      "equivariant_basis(V_in, V_out)",
      "An exact basis over Q of the equivariant maps W : V_in -> V_out (dim(V_out) x dim(V_in) "
      "matrices with rho_out(g) W = W rho_in(g) and the Lie form for every generator), by orbits "
      "for permutation actions or by sparse elimination modulo primes lifted to Q. It is certified "
      "by exact checks (every generator, independence, a rank bound for completeness), recorded in "
      "the current claim (PROVED); outside a claim a failed certificate is an error.",
      "V = perm_rep(3)\nequivariant_basis(V, V)" },
    { LC_FAM_REP, "invariants", "R", 1, 1, bi_invariants, "invariants(V)",
      "An exact basis over Q of the invariant vectors of V ({x : rho(g) x = x, X x = 0} for every "
      "group and Lie generator), as a list of dim(V) x 1 columns. It is equivariant_basis from the "
      "trivial representation to V, with the same exact certificate (generators, independence, "
      "completeness) recorded in the current claim.",
      "invariants(rep_power(std_rep(\"SO\", 3), 3))" },
    { LC_FAM_REP, "equivariant_dim", "RR", 2, 2, bi_equivariant_dim, "equivariant_dim(V_in, V_out)",
      "The dimension of the space of equivariant maps V_in -> V_out, as an exact integer from the "
      "certified basis of equivariant_basis (its exact checks are recorded in the current claim). "
      "For finite groups character_dim computes the same number independently.",
      "V = perm_rep(4)\nequivariant_dim(rep_power(V, 2), rep_power(V, 2))" },
    { LC_FAM_REP, "in_equivariant_span", "aRR", 3, 3, bi_in_equivariant_span,
      "in_equivariant_span(W, V_in, V_out)",
      "Checks that the layer W is equivariant from V_in to V_out: W is a dim(V_out) x dim(V_in) "
      "exact matrix, or a function of a column, read as the linear map with columns f(e_j) (then "
      "f(x) = W x is spot-checked at x = (1, 2, ..., n)^T, which can refute linearity but not "
      "prove it). Records exact checks: in the certified span (PROVED), or REFUTED by the first "
      "generator W fails; returns the outcome as a boolean.",
      "V = perm_rep(3)\nclaim \"2I + J is equivariant\" { in_equivariant_span(2 * eye(3) + ones(3, 3), V, V) }" },
    { LC_FAM_REP, "equivariant_coefficients", "aRR", 3, 3, bi_equivariant_coefficients,
      "equivariant_coefficients(W, V_in, V_out)",
      "The exact coordinates c_1, ..., c_k of the layer W in the basis equivariant_basis(V_in, "
      "V_out), W = sum c_i B_i, as a list of rationals. W is a matrix or a linear function of a "
      "column, as for in_equivariant_span, and the exact checks are recorded in the current claim. "
      "It is an error, naming the violated generator, when W is not equivariant.",
      "V = perm_rep(3)\nequivariant_coefficients(2 * eye(3) + ones(3, 3), V, V)" },
    { LC_FAM_REP, "character_dim", "RRi", 2, 3, bi_character_dim, "character_dim(V_in, V_out, limit)",
      "The character count (1/|G|) sum_g chi_in(g) chi_out(g) of the dimension of the equivariant "
      "maps V_in -> V_out for a finite group (group generators only), as an exact integer: an "
      "independent check of equivariant_dim. The group is enumerated, so |G| must be at most limit "
      "(default 10000) and dim(V_in) + dim(V_out) at most 128.",
      "V = rep([[[0, -1], [1, 0]]], [])\ncharacter_dim(V, V)" },
    { LC_FAM_REP, "burnside", "Ri", 1, 2, bi_burnside, "burnside(V, limit)",
      "The number of invariants of a permutation representation V counted by Burnside's lemma, "
      "(1/|G|) sum_g fix(g), over the enumerated elements of its group: the number of orbits, an "
      "exact integer independent of the orbit computation of invariants. V must be a permutation "
      "representation and |G| at most limit (default 10000).",
      "burnside(rep_power(perm_rep(4), 2))" },
};

const slong lc_nbuiltins_rep = (slong) (sizeof(lc_builtins_rep) / sizeof(lc_builtins_rep[0]));
