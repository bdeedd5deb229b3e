/* group_mat.c -- finite matrix groups over Q, over Z/p and over Q(sqrt d),
 * enumerated by closure and turned into their right regular permutation
 * representation.
 *
 * An element of Q(sqrt d)^(k x k) is a pair (A, B) standing for A + sqrt(d) B;
 * with d not a square the pair is unique, so exact equality of pairs is
 * equality of matrices, and products are
 *   (A1 + sqrt(d) B1)(A2 + sqrt(d) B2) = (A1 A2 + d B1 B2) + sqrt(d) (A1 B2 + B1 A2).
 * Over Q the second part is absent.  Modulo p every entry is kept as its
 * residue in 0..p-1. */
#include <string.h>
#include "group.h"
#include "group_impl.h"

typedef struct
{
    slong k;            /* matrix size */
    slong d;            /* 0: rational */
    const fmpz * p;     /* NULL or the modulus */
}
ring_t;

/* Reduce every entry of A modulo p; LC_E_ARG when a denominator is not
   invertible. */
static int
reduce(fmpq_mat_t A, const fmpz_t p, lc_err_t err)
{
    slong i, j;
    fmpz_t inv;
    int st = LC_OK;

    fmpz_init(inv);
    for (i = 0; i < A->r && st == LC_OK; i++)
        for (j = 0; j < A->c; j++)
        {
            fmpq * e = fmpq_mat_entry(A, i, j);

            if (!fmpz_invmod(inv, fmpq_denref(e), p))
            {
                st = lc_err_set(err, LC_E_ARG, "a denominator is not invertible modulo the prime");
                break;
            }
            fmpz_mul(fmpq_numref(e), fmpq_numref(e), inv);
            fmpz_mod(fmpq_numref(e), fmpq_numref(e), p);
            fmpz_one(fmpq_denref(e));
        }
    fmpz_clear(inv);
    return st;
}

/* (C, D) := (A1, B1)(A2, B2). */
static void
mul(fmpq_mat_t C, fmpq_mat_t D, const fmpq_mat_t A1, const fmpq_mat_t B1,
    const fmpq_mat_t A2, const fmpq_mat_t B2, const ring_t * R)
{
    lc_err_t err;

    fmpq_mat_mul(C, A1, A2);
    if (R->d != 0)
    {
        fmpq_mat_t T;
        fmpq_t dd;

        fmpq_mat_init(T, R->k, R->k);
        fmpq_init(dd);
        fmpq_set_si(dd, R->d, 1);
        fmpq_mat_mul(T, B1, B2);
        fmpq_mat_scalar_mul_fmpz(T, T, fmpq_numref(dd));
        fmpq_mat_add(C, C, T);
        fmpq_mat_mul(D, A1, B2);
        fmpq_mat_mul(T, B1, A2);
        fmpq_mat_add(D, D, T);
        fmpq_mat_clear(T);
        fmpq_clear(dd);
    }
    if (R->p != NULL)
    {
        reduce(C, R->p, err);
        if (R->d != 0)
            reduce(D, R->p, err);
    }
}

static ulong
hash_mat(const fmpq_mat_t A, const fmpq_mat_t B, const ring_t * R)
{
    ulong h = UWORD(1469598103934665603);
    slong i, j;
    const ulong m = UWORD(2305843009213693951);   /* 2^61 - 1 */

    for (i = 0; i < R->k; i++)
        for (j = 0; j < R->k; j++)
        {
            h = (h ^ fmpz_fdiv_ui(fmpq_numref(fmpq_mat_entry(A, i, j)), m)) * UWORD(1099511628211);
            h = (h ^ fmpz_fdiv_ui(fmpq_denref(fmpq_mat_entry(A, i, j)), m)) * UWORD(1099511628211);
            if (R->d != 0)
                h = (h ^ fmpz_fdiv_ui(fmpq_numref(fmpq_mat_entry(B, i, j)), m)) * UWORD(1099511628211);
        }
    return h ^ (h >> 31);
}

typedef struct
{
    fmpq_mat_struct * a, * b;   /* the elements' parts */
    slong len, alloc;
    slong * table;
    slong tsize;
}
mset;

static slong
mset_find(const mset * S, const fmpq_mat_t A, const fmpq_mat_t B, const ring_t * R, ulong h)
{
    ulong mask = (ulong) S->tsize - 1, i = h & mask;

    for (; S->table[i] >= 0; i = (i + 1) & mask)
    {
        slong e = S->table[i];

        if (fmpq_mat_equal(S->a + e, A) && (R->d == 0 || fmpq_mat_equal(S->b + e, B)))
            return e;
    }
    return -1;
}

static void
mset_insert_index(mset * S, slong e, ulong h)
{
    ulong mask = (ulong) S->tsize - 1, i = h & mask;

    while (S->table[i] >= 0)
        i = (i + 1) & mask;
    S->table[i] = e;
}

/* Append (A, B) (copied); the table grows at half load. */
static slong
mset_add(mset * S, const fmpq_mat_t A, const fmpq_mat_t B, const ring_t * R)
{
    slong e, i;

    if (S->len == S->alloc)
    {
        S->alloc = 2 * S->alloc + 16;
        S->a = flint_realloc(S->a, sizeof(fmpq_mat_struct) * S->alloc);
        S->b = flint_realloc(S->b, sizeof(fmpq_mat_struct) * S->alloc);
    }
    e = S->len++;
    fmpq_mat_init_set(S->a + e, A);
    fmpq_mat_init_set(S->b + e, B);
    if (2 * S->len > S->tsize)
    {
        S->tsize = S->tsize == 0 ? 64 : 2 * S->tsize;
        S->table = flint_realloc(S->table, sizeof(slong) * S->tsize);
        for (i = 0; i < S->tsize; i++)
            S->table[i] = -1;
        for (i = 0; i < S->len; i++)
            mset_insert_index(S, i, hash_mat(S->a + i, S->b + i, R));
    }
    else
        mset_insert_index(S, e, hash_mat(A, B, R));
    return e;
}

void
lc_group_matrices_clear(fmpq_mat_struct * elements, slong order)
{
    slong i;

    for (i = 0; i < 2 * order; i++)
        fmpq_mat_clear(elements + i);
    flint_free(elements);
}

static int
check_shapes(const fmpq_mat_struct * gens, const fmpq_mat_struct * gs, slong ngens,
             slong d, lc_err_t err)
{
    slong i, k;

    if (ngens < 1)
        return lc_err_set(err, LC_E_ARG, "no generators");
    k = gens[0].r;
    for (i = 0; i < ngens; i++)
    {
        if (gens[i].r != gens[i].c || gens[i].r < 1)
            return lc_err_set(err, LC_E_DIM, "generator %ld is %ldx%ld, not square", (long) i + 1,
                              (long) gens[i].r, (long) gens[i].c);
        if (gens[i].r != k)
            return lc_err_set(err, LC_E_DIM, "generators of different sizes (%ldx%ld and %ldx%ld)",
                              (long) k, (long) k, (long) gens[i].r, (long) gens[i].c);
        if (d != 0 && gs != NULL && (gs[i].r != k || gs[i].c != k))
            return lc_err_set(err, LC_E_DIM, "the sqrt part of generator %ld is not %ldx%ld",
                              (long) i + 1, (long) k, (long) k);
    }
    return LC_OK;
}

int
lc_group_matrix(lc_group_t G, fmpq_mat_struct ** elements, const fmpq_mat_struct * gens,
                const fmpq_mat_struct * gens_sqrt, slong ngens, const fmpz_t modulus,
                slong sqrt_d, slong limit, lc_err_t err)
{
    ring_t R;
    mset S = { NULL, NULL, 0, 0, NULL, 0 };
    fmpq_mat_struct * ga, * gb;
    fmpq_mat_t C, D;
    slong ** act = NULL, i, j, e, alloc = 0;
    fmpz_t dz;
    int st;

    if ((st = check_shapes(gens, gens_sqrt, ngens, sqrt_d, err)) != LC_OK)
        return st;
    if (modulus != NULL && !fmpz_is_zero(modulus) && (fmpz_cmp_ui(modulus, 2) < 0 || !fmpz_is_probabprime(modulus)))
    {
        char * s = fmpz_get_str(NULL, 10, modulus);

        lc_err_set(err, LC_E_ARG, "the modulus must be a prime, got %.60s", s);
        flint_free(s);
        return LC_E_ARG;
    }
    fmpz_init_set_si(dz, sqrt_d);
    if (sqrt_d != 0 && fmpz_is_square(dz))
    {
        fmpz_clear(dz);
        return lc_err_set(err, LC_E_ARG, "d = %ld is a square: Q(sqrt d) is not a quadratic field",
                          (long) sqrt_d);
    }
    fmpz_clear(dz);
    if (limit <= 0 || limit > LC_PERM_MAX_DEGREE)
        limit = LC_PERM_MAX_DEGREE;
    R.k = gens[0].r;
    R.d = sqrt_d;
    R.p = (modulus != NULL && !fmpz_is_zero(modulus)) ? modulus : NULL;

    ga = flint_malloc(sizeof(fmpq_mat_struct) * ngens);
    gb = flint_malloc(sizeof(fmpq_mat_struct) * ngens);
    for (i = 0; i < ngens; i++)
    {
        fmpq_mat_init_set(ga + i, gens + i);
        fmpq_mat_init(gb + i, R.k, R.k);
        if (sqrt_d != 0 && gens_sqrt != NULL)
            fmpq_mat_set(gb + i, gens_sqrt + i);
        if (R.p != NULL && st == LC_OK)
            if ((st = reduce(ga + i, R.p, err)) == LC_OK)
                st = reduce(gb + i, R.p, err);
    }
    /* Over Q and Z/p a singular generator is told at once (the closure would
       run into the element limit first, or for ever); over Q(sqrt d) the
       check after the closure finds it. */
    for (i = 0; i < ngens && st == LC_OK && sqrt_d == 0; i++)
    {
        fmpq_t det;

        fmpq_init(det);
        fmpq_mat_det(det, ga + i);
        if (fmpq_is_zero(det) || (R.p != NULL && fmpz_divisible(fmpq_numref(det), R.p)))
            st = lc_err_set(err, LC_E_SINGULAR, "generator %ld is not invertible (its determinant "
                            "is 0%s)", (long) i + 1, R.p != NULL ? " modulo the prime" : "");
        fmpq_clear(det);
    }
    fmpq_mat_init(C, R.k, R.k);
    fmpq_mat_init(D, R.k, R.k);
    if (st == LC_OK)
    {
        fmpq_mat_one(C);
        fmpq_mat_zero(D);
        mset_add(&S, C, D, &R);
        act = flint_calloc(ngens, sizeof(slong *));
    }
    /* closure: act[j][e] = the number of element e * g_j */
    for (e = 0; st == LC_OK && e < S.len; e++)
    {
        if (S.len > alloc || e == 0)
        {
            alloc = FLINT_MAX(2 * alloc, S.len + 64);
            for (j = 0; j < ngens; j++)
                act[j] = flint_realloc(act[j], sizeof(slong) * alloc);
        }
        for (j = 0; j < ngens; j++)
        {
            slong f;

            mul(C, D, S.a + e, S.b + e, ga + j, gb + j, &R);
            f = mset_find(&S, C, D, &R, hash_mat(C, D, &R));
            if (f < 0)
            {
                if (S.len >= limit)
                {
                    st = lc_err_set(err, LC_E_LIMIT, "the matrix group has more than %ld elements "
                                    "(it may be infinite)", (long) limit);
                    break;
                }
                f = mset_add(&S, C, D, &R);
            }
            act[j][e] = f;
        }
    }
    if (st == LC_OK)
    {
        lc_group_t T;
        char * seen = flint_malloc(S.len);

        /* each generator must permute the elements: otherwise it has no
           inverse in the monoid it generates */
        for (j = 0; j < ngens && st == LC_OK; j++)
        {
            memset(seen, 0, S.len);
            for (e = 0; e < S.len; e++)
            {
                if (seen[act[j][e]])
                {
                    st = lc_err_set(err, LC_E_SINGULAR, "generator %ld is not invertible", (long) j + 1);
                    break;
                }
                seen[act[j][e]] = 1;
            }
        }
        flint_free(seen);
        if (st == LC_OK)
        {
            lc_group_init(T, S.len);
            for (j = 0; j < ngens; j++)
                _lc_group_push_gen(T, act[j]);
            _lc_group_close(T);
            lc_group_swap(G, T);
            lc_group_clear(T);
        }
    }
    if (st == LC_OK && elements != NULL)
    {
        *elements = flint_malloc(sizeof(fmpq_mat_struct) * 2 * S.len);
        for (e = 0; e < S.len; e++)
        {
            (*elements)[2 * e] = S.a[e];
            (*elements)[2 * e + 1] = S.b[e];
        }
    }
    else
        for (e = 0; e < S.len; e++)
        {
            fmpq_mat_clear(S.a + e);
            fmpq_mat_clear(S.b + e);
        }
    flint_free(S.a);
    flint_free(S.b);
    flint_free(S.table);
    if (act != NULL)
        for (j = 0; j < ngens; j++)
            flint_free(act[j]);
    flint_free(act);
    for (i = 0; i < ngens; i++)
    {
        fmpq_mat_clear(ga + i);
        fmpq_mat_clear(gb + i);
    }
    flint_free(ga);
    flint_free(gb);
    fmpq_mat_clear(C);
    fmpq_mat_clear(D);
    return st;
}

int
lc_group_icosahedral(lc_group_t G, fmpq_mat_struct ** elements, lc_err_t err)
{
    /* rational and sqrt(5) parts: phi/2 = 1/4 + sqrt(5)/4, (1/phi)/2 = -1/4 + sqrt(5)/4 */
    static const slong num_a[2][9] = { {0, 0, 4, 4, 0, 0, 0, 4, 0},
                                       {2, -1, -1, 1, -1, -2, -1, 2, 1} };
    static const slong num_b[2][9] = { {0, 0, 0, 0, 0, 0, 0, 0, 0},
                                       {0, -1, 1, 1, 1, 0, 1, 0, 1} };
    fmpq_mat_struct a[2], b[2];
    slong i, k;
    int st;

    for (k = 0; k < 2; k++)
    {
        fmpq_mat_init(a + k, 3, 3);
        fmpq_mat_init(b + k, 3, 3);
        for (i = 0; i < 9; i++)
        {
            fmpq_set_si(fmpq_mat_entry(a + k, i / 3, i % 3), num_a[k][i], 4);
            fmpq_set_si(fmpq_mat_entry(b + k, i / 3, i % 3), num_b[k][i], 4);
        }
    }
    st = lc_group_matrix(G, elements, a, b, 2, NULL, 5, 60, err);
    for (k = 0; k < 2; k++)
    {
        fmpq_mat_clear(a + k);
        fmpq_mat_clear(b + k);
    }
    return st;
}
