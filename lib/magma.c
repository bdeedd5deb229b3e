/* magma.c -- finite operations as Cayley tables: construction, the group
 * axioms with witnesses, homomorphisms, additive characters, enumeration of
 * small groups.  Actions and normalizers are in magma_act.c. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "magma.h"
#include "magma_util.h"

void
lc_magma_init(lc_magma_t M)
{
    M->n = 0;
    M->t = NULL;
}

void
lc_magma_clear(lc_magma_t M)
{
    flint_free(M->t);
    M->t = NULL;
    M->n = 0;
}

void
lc_magma_resize(lc_magma_t M, slong n)
{
    slong i;

    flint_free(M->t);
    M->n = n;
    M->t = flint_malloc(sizeof(slong) * (n * n + 1));
    for (i = 0; i < n * n; i++)
        M->t[i] = -1;
}

int
lc_magma_set_fmpq_mat(lc_magma_t M, const fmpq_mat_t T, lc_err_t err)
{
    slong n = fmpq_mat_nrows(T), a, b;
    const fmpq * x;

    if (n != fmpq_mat_ncols(T))
        return lc_err_set(err, LC_E_DIM, "a table must be square, got %ldx%ld",
                          (long) n, (long) fmpq_mat_ncols(T));
    if (n < 1 || n > LC_MAGMA_MAX_ORDER)
        return lc_err_set(err, LC_E_LIMIT, "a table must have 1 to %d elements", LC_MAGMA_MAX_ORDER);
    for (a = 0; a < n; a++)
        for (b = 0; b < n; b++)
        {
            x = fmpq_mat_entry(T, a, b);
            if (!fmpz_is_one(fmpq_denref(x)) || !fmpz_fits_si(fmpq_numref(x)))
                return lc_err_set(err, LC_E_ARG, "table entry (%ld, %ld) is not an element index",
                                  (long) a + 1, (long) b + 1);
        }
    lc_magma_resize(M, n);
    for (a = 0; a < n; a++)
        for (b = 0; b < n; b++)
        {
            slong v = fmpz_get_si(fmpq_numref(fmpq_mat_entry(T, a, b)));
            lc_magma_op(M, a, b) = v - 1;   /* 1-based in; out of range kept */
        }
    return LC_OK;
}

void
lc_magma_get_fmpq_mat(fmpq_mat_t T, const lc_magma_t M)
{
    slong a, b;

    lc_qmat_resize(T, M->n, M->n);
    for (a = 0; a < M->n; a++)
        for (b = 0; b < M->n; b++)
            fmpq_set_si(fmpq_mat_entry(T, a, b), lc_magma_shown(M, lc_magma_op(M, a, b)), 1);
}

/* The 1-based value shown for a stored entry (-1, a product outside the
   set, shows as 0). */
slong
lc_magma_shown(const lc_magma_t M, slong v)
{
    (void) M;
    return v + 1;
}

int
lc_magma_set_mod(lc_magma_t M, slong n, char op, lc_err_t err)
{
    slong a, b;

    if (n < 1 || n > LC_MAGMA_MAX_ORDER)
        return lc_err_set(err, LC_E_LIMIT, "the modulus must be between 1 and %d, got %ld",
                          LC_MAGMA_MAX_ORDER, (long) n);
    if (op != '+' && op != '-' && op != '*')
        return lc_err_set(err, LC_E_ARG, "the operation must be \"+\", \"-\" or \"*\"");
    lc_magma_resize(M, n);
    for (a = 0; a < n; a++)
        for (b = 0; b < n; b++)
            lc_magma_op(M, a, b) = op == '+' ? (a + b) % n
                                 : op == '-' ? ((a - b) % n + n) % n : (a * b) % n;
    return LC_OK;
}

/* ----------------------------------------------------- text buffers */

/* "{1, 3, 5}" for a 0-based set. */
void
lc_sb_set(lc_sb * b, const slong * s, slong n)
{
    slong i;

    lc_sb_printf(b, "{");
    for (i = 0; i < n; i++)
        lc_sb_printf(b, i ? ", %ld" : "%ld", (long) s[i] + 1);
    lc_sb_printf(b, "}");
}

/* ------------------------------------------- tables from permutations */

static int
find_row(const slong * rows, slong k, slong len, const slong * x)
{
    slong i;

    for (i = 0; i < k; i++)
        if (memcmp(rows + i * len, x, sizeof(slong) * len) == 0)
            return (int) i;
    return -1;
}

int
lc_magma_set_perms(lc_magma_t M, const slong * p, slong k, slong deg, lc_err_t err)
{
    slong a, b, i, fa = -1;
    slong * c, * seen;
    int st = LC_OK;

    if (k < 1 || k > LC_MAGMA_MAX_ORDER)
        return lc_err_set(err, LC_E_LIMIT, "a table must have 1 to %d elements", LC_MAGMA_MAX_ORDER);
    if (deg < 1 || deg > LC_MAGMA_MAX_POINTS)
        return lc_err_set(err, LC_E_LIMIT, "permutations must move 1 to %d points", LC_MAGMA_MAX_POINTS);
    seen = flint_malloc(sizeof(slong) * deg);
    for (a = 0; a < k && st == LC_OK; a++)
    {
        for (i = 0; i < deg; i++)
            seen[i] = 0;
        for (i = 0; i < deg; i++)
        {
            slong v = p[a * deg + i];
            if (v < 0 || v >= deg || seen[v]++)
            {
                st = lc_err_set(err, LC_E_ARG, "element %ld is not a permutation of 1..%ld",
                                (long) a + 1, (long) deg);
                break;
            }
        }
        if (st == LC_OK && find_row(p, a, deg, p + a * deg) >= 0)
            st = lc_err_set(err, LC_E_ARG, "elements %ld and %ld are equal",
                            (long) find_row(p, a, deg, p + a * deg) + 1, (long) a + 1);
    }
    flint_free(seen);
    if (st != LC_OK)
        return st;
    lc_magma_resize(M, k);
    c = flint_malloc(sizeof(slong) * deg);
    for (a = 0; a < k; a++)
        for (b = 0; b < k; b++)
        {
            for (i = 0; i < deg; i++)
                c[i] = p[a * deg + p[b * deg + i]];
            lc_magma_op(M, a, b) = find_row(p, k, deg, c);
            if (lc_magma_op(M, a, b) < 0 && fa < 0)
            {
                lc_sb sb = {NULL, 0, 0};
                fa = a;
                lc_sb_printf(&sb, "the composite of elements %ld and %ld, [", (long) a + 1, (long) b + 1);
                for (i = 0; i < deg; i++)
                    lc_sb_printf(&sb, i ? ", %ld" : "%ld", (long) c[i] + 1);
                lc_sb_printf(&sb, "], is not in the set");
                st = lc_err_set(err, LC_E_DOMAIN, "%s", lc_sb_take(&sb));
                flint_free(sb.s);
            }
        }
    flint_free(c);
    return st;
}

/* ---------------------------------------------- tables from matrices */

static int
reduce_mod(fmpq_mat_t A, slong m)
{
    slong i, j;

    if (m <= 0)
        return 1;
    for (i = 0; i < fmpq_mat_nrows(A); i++)
        for (j = 0; j < fmpq_mat_ncols(A); j++)
        {
            fmpq * x = fmpq_mat_entry(A, i, j);
            if (!fmpz_is_one(fmpq_denref(x)))
                return 0;
            fmpz_mod_ui(fmpq_numref(x), fmpq_numref(x), (ulong) m);
        }
    return 1;
}

static slong
find_mat(const fmpq_mat_struct * A, slong k, const fmpq_mat_t x)
{
    slong i;

    for (i = 0; i < k; i++)
        if (fmpq_mat_equal(A + i, x))
            return i;
    return -1;
}

static int
check_mats(const fmpq_mat_struct * A, slong k, slong m, lc_err_t err)
{
    slong a, r, i, j;

    if (k < 1)
        return lc_err_set(err, LC_E_ARG, "the set is empty");
    r = fmpq_mat_nrows(A + 0);
    for (a = 0; a < k; a++)
    {
        if (fmpq_mat_nrows(A + a) != r || fmpq_mat_ncols(A + a) != r)
            return lc_err_set(err, LC_E_DIM, "element %ld is not %ldx%ld like element 1",
                              (long) a + 1, (long) r, (long) r);
        if (m > 0)
            for (i = 0; i < r; i++)
                for (j = 0; j < r; j++)
                {
                    const fmpq * x = fmpq_mat_entry(A + a, i, j);
                    if (!fmpz_is_one(fmpq_denref(x)) || fmpz_sgn(fmpq_numref(x)) < 0
                        || fmpz_cmp_ui(fmpq_numref(x), (ulong) m) >= 0)
                        return lc_err_set(err, LC_E_ARG,
                                          "element %ld: entries must be integers 0..%ld mod %ld",
                                          (long) a + 1, (long) m - 1, (long) m);
                }
        if (find_mat(A, a, A + a) >= 0)
            return lc_err_set(err, LC_E_ARG, "elements %ld and %ld are equal",
                              (long) find_mat(A, a, A + a) + 1, (long) a + 1);
    }
    return LC_OK;
}

int
lc_magma_set_mats(lc_magma_t M, const fmpq_mat_struct * A, slong k, slong m, lc_err_t err)
{
    slong a, b, fa = -1;
    fmpq_mat_t P;
    int st;

    if (k > LC_MAGMA_MAX_ORDER)
        return lc_err_set(err, LC_E_LIMIT, "a table must have 1 to %d elements", LC_MAGMA_MAX_ORDER);
    if ((st = check_mats(A, k, m, err)) != LC_OK)
        return st;
    lc_magma_resize(M, k);
    fmpq_mat_init(P, fmpq_mat_nrows(A + 0), fmpq_mat_nrows(A + 0));
    for (a = 0; a < k; a++)
        for (b = 0; b < k; b++)
        {
            fmpq_mat_mul(P, A + a, A + b);
            reduce_mod(P, m);
            lc_magma_op(M, a, b) = find_mat(A, k, P);
            if (lc_magma_op(M, a, b) < 0 && fa < 0)
            {
                char * s = lc_qmat_get_str(P);
                fa = a;
                st = lc_err_set(err, LC_E_DOMAIN, "the product of elements %ld and %ld, %.300s%s, "
                                "is not in the set", (long) a + 1, (long) b + 1, s,
                                m > 0 ? " (mod m)" : "");
                flint_free(s);
            }
        }
    fmpq_mat_clear(P);
    return st;
}

int
lc_magma_generate_mats(fmpq_mat_struct ** elems, slong * k, const fmpq_mat_struct * gens,
                       slong ngens, slong m, slong max, lc_err_t err)
{
    slong alloc, i, j, n = 0;
    fmpq_mat_struct * E;
    fmpq_mat_t P;
    int st;

    *elems = NULL;
    *k = 0;
    if (ngens < 1)
        return lc_err_set(err, LC_E_ARG, "no generators");
    /* distinctness is not required of generators: drop repeats below */
    for (i = 0; i < ngens; i++)
        if (fmpq_mat_nrows(gens + i) != fmpq_mat_nrows(gens + 0)
            || fmpq_mat_ncols(gens + i) != fmpq_mat_nrows(gens + 0))
            return lc_err_set(err, LC_E_DIM, "generator %ld is not %ldx%ld like generator 1",
                              (long) i + 1, (long) fmpq_mat_nrows(gens + 0),
                              (long) fmpq_mat_nrows(gens + 0));
    alloc = 16;
    E = flint_malloc(sizeof(fmpq_mat_struct) * alloc);
    fmpq_mat_init(P, fmpq_mat_nrows(gens + 0), fmpq_mat_nrows(gens + 0));
    st = LC_OK;
    for (i = 0; i < ngens && st == LC_OK; i++)
    {
        fmpq_mat_set(P, gens + i);
        if (!reduce_mod(P, m))
            st = lc_err_set(err, LC_E_ARG, "generator %ld: entries must be integers mod %ld",
                            (long) i + 1, (long) m);
        else if (find_mat(E, n, P) < 0)
        {
            fmpq_mat_init_set(E + n, P);
            n++;
        }
    }
    /* breadth first: every element times every generator */
    for (i = 0; i < n && st == LC_OK; i++)
        for (j = 0; j < ngens && st == LC_OK; j++)
        {
            fmpq_mat_mul(P, E + i, gens + j);
            reduce_mod(P, m);
            if (find_mat(E, n, P) >= 0)
                continue;
            if (n >= max)
            {
                st = lc_err_set(err, LC_E_LIMIT, "more than %ld elements (an infinite or too large "
                                "group?)", (long) max);
                break;
            }
            if (n == alloc)
            {
                alloc *= 2;
                E = flint_realloc(E, sizeof(fmpq_mat_struct) * alloc);
            }
            fmpq_mat_init_set(E + n, P);
            n++;
        }
    fmpq_mat_clear(P);
    if (st != LC_OK)
    {
        for (i = 0; i < n; i++)
            fmpq_mat_clear(E + i);
        flint_free(E);
        return st;
    }
    *elems = E;
    *k = n;
    return LC_OK;
}

/* ------------------------------------------------------------- axioms */

int
lc_magma_is_closed(const lc_magma_t M)
{
    slong i;

    for (i = 0; i < M->n * M->n; i++)
        if (M->t[i] < 0 || M->t[i] >= M->n)
            return 0;
    return 1;
}

int
lc_magma_is_associative(slong * w, const lc_magma_t M)
{
    slong a, b, c, n = M->n;

    if (!lc_magma_is_closed(M))
    {
        if (w != NULL)
            w[0] = w[1] = w[2] = -1;
        return 0;
    }
    for (a = 0; a < n; a++)
        for (b = 0; b < n; b++)
        {
            slong ab = lc_magma_op(M, a, b);
            for (c = 0; c < n; c++)
                if (lc_magma_op(M, ab, c) != lc_magma_op(M, a, lc_magma_op(M, b, c)))
                {
                    if (w != NULL)
                        w[0] = a, w[1] = b, w[2] = c;
                    return 0;
                }
        }
    return 1;
}

int
lc_magma_is_commutative(slong * w, const lc_magma_t M)
{
    slong a, b;

    for (a = 0; a < M->n; a++)
        for (b = a + 1; b < M->n; b++)
            if (lc_magma_op(M, a, b) != lc_magma_op(M, b, a))
            {
                if (w != NULL)
                    w[0] = a, w[1] = b;
                return 0;
            }
    return 1;
}

/* An x with e*x != x or x*e != x, or -1 when e is an identity. */
static slong
not_identity(const lc_magma_t M, slong e)
{
    slong x;

    for (x = 0; x < M->n; x++)
        if (lc_magma_op(M, e, x) != x || lc_magma_op(M, x, e) != x)
            return x;
    return -1;
}

slong
lc_magma_identity(const lc_magma_t M)
{
    slong e;

    for (e = 0; e < M->n; e++)
        if (not_identity(M, e) < 0)
            return e;
    return -1;
}

slong
lc_magma_inverse(const lc_magma_t M, slong e, slong a)
{
    slong b;

    for (b = 0; b < M->n; b++)
        if (lc_magma_op(M, a, b) == e && lc_magma_op(M, b, a) == e)
            return b;
    return -1;
}

int
lc_magma_is_group(const lc_magma_t M)
{
    slong e, a;

    if (!lc_magma_is_associative(NULL, M) || (e = lc_magma_identity(M)) < 0)
        return 0;
    for (a = 0; a < M->n; a++)
        if (lc_magma_inverse(M, e, a) < 0)
            return 0;
    return 1;
}

void
lc_magma_axioms_init(lc_magma_axioms_t A)
{
    memset(A, 0, sizeof(lc_magma_axioms_struct));
    A->idw = NULL;
}

void
lc_magma_axioms_clear(lc_magma_axioms_t A)
{
    flint_free(A->idw);
    A->idw = NULL;
}

void
lc_magma_axioms(lc_magma_axioms_t A, const lc_magma_t M)
{
    slong a, b, n = M->n;

    flint_free(A->idw);
    memset(A, 0, sizeof(lc_magma_axioms_struct));
    A->cl[0] = A->cl[1] = A->cl[2] = -1;
    A->as[0] = A->as[1] = A->as[2] = -1;
    A->cm[0] = A->cm[1] = -1;
    A->noinv = -1;
    A->closed = 1;
    for (a = 0; a < n && A->closed; a++)
        for (b = 0; b < n; b++)
            if (lc_magma_op(M, a, b) < 0 || lc_magma_op(M, a, b) >= n)
            {
                A->closed = 0;
                A->cl[0] = a, A->cl[1] = b, A->cl[2] = lc_magma_op(M, a, b);
                break;
            }
    A->associative = A->closed && lc_magma_is_associative(A->as, M);
    A->commutative = lc_magma_is_commutative(A->cm, M);
    A->identity = lc_magma_identity(M);
    A->idw = flint_malloc(sizeof(slong) * (n + 1));
    for (a = 0; a < n; a++)
        A->idw[a] = not_identity(M, a);
    if (A->identity >= 0)
    {
        A->inverses = 1;
        for (a = 0; a < n; a++)
            if (lc_magma_inverse(M, A->identity, a) < 0)
            {
                A->inverses = 0;
                A->noinv = a;
                break;
            }
    }
    A->group = A->closed && A->associative && A->identity >= 0 && A->inverses;
}

char *
lc_magma_axioms_get_str(const lc_magma_axioms_t A, const lc_magma_t M)
{
    lc_sb b = {NULL, 0, 0};
    slong e, x, shown = 0;

    lc_sb_printf(&b, "order %ld; ", (long) M->n);
    if (A->closed)
        lc_sb_printf(&b, "closure: yes");
    else
        lc_sb_printf(&b, "closure: NO, %ld*%ld = %ld is not in 1..%ld (outside the set)", (long) A->cl[0] + 1,
                     (long) A->cl[1] + 1, (long) lc_magma_shown(M, A->cl[2]), (long) M->n);
    if (!A->closed)
        lc_sb_printf(&b, "; associativity: not examined (not closed)");
    else if (A->associative)
        lc_sb_printf(&b, "; associativity: yes (all %ld triples)", (long) (M->n * M->n * M->n));
    else
    {
        slong a0 = A->as[0], b0 = A->as[1], c0 = A->as[2];
        lc_sb_printf(&b, "; associativity: NO, (%ld*%ld)*%ld = %ld but %ld*(%ld*%ld) = %ld",
                     (long) a0 + 1, (long) b0 + 1, (long) c0 + 1,
                     (long) lc_magma_op(M, lc_magma_op(M, a0, b0), c0) + 1,
                     (long) a0 + 1, (long) b0 + 1, (long) c0 + 1,
                     (long) lc_magma_op(M, a0, lc_magma_op(M, b0, c0)) + 1);
    }
    if (A->identity >= 0)
        lc_sb_printf(&b, "; identity: %ld", (long) A->identity + 1);
    else
    {
        lc_sb_printf(&b, "; identity: NONE, each candidate fails:");
        for (e = 0; e < M->n; e++)
        {
            if (shown++ == 12)
            {
                lc_sb_printf(&b, " ...");
                break;
            }
            x = A->idw[e];
            if (lc_magma_op(M, e, x) != x)
                lc_sb_printf(&b, " %ld*%ld = %ld != %ld;", (long) e + 1, (long) x + 1,
                             (long) lc_magma_shown(M, lc_magma_op(M, e, x)), (long) x + 1);
            else
                lc_sb_printf(&b, " %ld*%ld = %ld != %ld;", (long) x + 1, (long) e + 1,
                             (long) lc_magma_shown(M, lc_magma_op(M, x, e)), (long) x + 1);
        }
        if (b.len > 0 && b.s[b.len - 1] == ';')
            b.s[--b.len] = '\0';
    }
    if (A->identity < 0)
        lc_sb_printf(&b, "; inverses: not defined (no identity)");
    else if (A->inverses)
        lc_sb_printf(&b, "; inverses: yes");
    else
        lc_sb_printf(&b, "; inverses: NO, %ld has no x with %ld*x = x*%ld = %ld", (long) A->noinv + 1,
                     (long) A->noinv + 1, (long) A->noinv + 1, (long) A->identity + 1);
    if (A->commutative)
        lc_sb_printf(&b, "; commutative: yes");
    else
        lc_sb_printf(&b, "; commutative: no, %ld*%ld = %ld but %ld*%ld = %ld", (long) A->cm[0] + 1,
                     (long) A->cm[1] + 1, (long) lc_magma_shown(M, lc_magma_op(M, A->cm[0], A->cm[1])),
                     (long) A->cm[1] + 1, (long) A->cm[0] + 1,
                     (long) lc_magma_shown(M, lc_magma_op(M, A->cm[1], A->cm[0])));
    lc_sb_printf(&b, A->group ? "; a group" : "; not a group");
    return lc_sb_take(&b);
}

slong
lc_magma_left_absorbing(slong * z, const lc_magma_t M)
{
    slong a, m, k = 0;

    for (a = 0; a < M->n; a++)
    {
        for (m = 0; m < M->n; m++)
            if (lc_magma_op(M, a, m) != a)
                break;
        if (m == M->n)
            z[k++] = a;
    }
    return k;
}

int
lc_magma_all_groups(lc_magma_struct ** out, slong * k, slong n, lc_err_t err)
{
    slong total = 1, i, c, j, alloc = 4;
    lc_magma_t M;

    *out = NULL;
    *k = 0;
    if (n < 1 || n > 3)
        return lc_err_set(err, LC_E_LIMIT, "only orders 1 to 3 are enumerated (n^(n^2) tables)");
    for (i = 0; i < n * n; i++)
        total *= n;
    *out = flint_malloc(sizeof(lc_magma_struct) * alloc);
    lc_magma_init(M);
    lc_magma_resize(M, n);
    for (c = 0; c < total; c++)
    {
        slong r = c;
        for (j = 0; j < n * n; j++, r /= n)
            M->t[j] = r % n;
        if (!lc_magma_is_group(M))
            continue;
        if (*k == alloc)
            *out = flint_realloc(*out, sizeof(lc_magma_struct) * (alloc *= 2));
        lc_magma_init(*out + *k);
        lc_magma_resize(*out + *k, n);
        memcpy((*out)[*k].t, M->t, sizeof(slong) * n * n);
        (*k)++;
    }
    lc_magma_clear(M);
    return LC_OK;
}

int
lc_magma_additive_dim(slong * dim, const lc_magma_t M, lc_err_t err)
{
    slong n = M->n, a, b;
    fmpq_mat_t E;

    if (n > 64)
        return lc_err_set(err, LC_E_LIMIT, "at most 64 elements");
    if (!lc_magma_is_closed(M))
        return lc_err_set(err, LC_E_DOMAIN, "the operation is not closed");
    /* row (a, b): F(a*b) - F(a) - F(b) = 0 */
    fmpq_mat_init(E, n * n, n);
    for (a = 0; a < n; a++)
        for (b = 0; b < n; b++)
        {
            fmpq * r = fmpq_mat_entry(E, a * n + b, 0);
            fmpq_add_si(r + lc_magma_op(M, a, b), r + lc_magma_op(M, a, b), 1);
            fmpq_sub_si(r + a, r + a, 1);
            fmpq_sub_si(r + b, r + b, 1);
        }
    *dim = n - lc_qmat_rank(E);
    fmpq_mat_clear(E);
    return LC_OK;
}

/* ------------------------------------------------------- homomorphisms */

int
lc_magma_is_hom(slong * w, const lc_magma_t G, const lc_magma_t H, const slong * h)
{
    slong a, b;

    for (a = 0; a < G->n; a++)
        for (b = 0; b < G->n; b++)
            if (h[lc_magma_op(G, a, b)] != lc_magma_op(H, h[a], h[b]))
            {
                if (w != NULL)
                    w[0] = a, w[1] = b;
                return 0;
            }
    return 1;
}

slong
lc_magma_kernel(slong * ker, const lc_magma_t G, const lc_magma_t H, const slong * h)
{
    slong e = lc_magma_identity(H), a, k = 0;

    if (e < 0)
        return -1;
    for (a = 0; a < G->n; a++)
        if (h[a] == e)
            ker[k++] = a;
    return k;
}

slong
lc_magma_image(slong * im, slong ng, slong nh, const slong * h)
{
    slong a, x, k = 0;
    char * in = flint_calloc(nh + 1, 1);

    for (a = 0; a < ng; a++)
        in[h[a]] = 1;
    for (x = 0; x < nh; x++)
        if (in[x])
            im[k++] = x;
    flint_free(in);
    return k;
}
