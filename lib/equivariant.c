/* equivariant.c -- exact, certified bases of invariants and equivariant maps.
 *
 * See rep.h for the methods and the certificate.  The modular solver keeps
 * the constraint rows sparse: row i of rho(g) - I (or of X) has the entries
 * of column i of the transpose, a handful for the Kronecker-structured
 * generators of tensor representations, and the elimination stores only the
 * nonzero part of each pivot row. */
#include <string.h>
#include <flint/nmod.h>
#include <flint/nmod_vec.h>
#include <flint/fmpq_vec.h>
#include "rep.h"
#include "group.h"
#include "limit.h"

void
lc_rep_info_init(lc_rep_info_t info)
{
    memset(info, 0, sizeof(lc_rep_info_struct));
    info->lead = NULL;
}

void
lc_rep_info_clear(lc_rep_info_t info)
{
    flint_free(info->lead);
}

static slong
uf_find(slong * p, slong x)
{
    while (p[x] != x)
    {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

/* Orbits of a permutation representation by union-find: the smaller root
   wins, so each orbit's root is its least point. */
static int
invariants_orbits(fmpq_mat_t B, lc_rep_info_t info, const lc_rep_t V, lc_err_t err)
{
    slong N = V->n, i, j, k, forest = 0, * parent, * img, * id;
    int st = LC_OK;

    parent = flint_malloc(N * sizeof(slong));
    img = flint_malloc(N * sizeof(slong));
    for (j = 0; j < N; j++)
        parent[j] = j;
    for (i = 0; i < V->ngroup && st == LC_OK; i++)
    {
        lc_smat_is_perm(img, V->gens + i);
        for (j = 0; j < N; j++)
        {
            slong a = uf_find(parent, j), b = uf_find(parent, img[j]);

            if (a != b)
            {
                parent[FLINT_MAX(a, b)] = FLINT_MIN(a, b);
                forest++;
            }
        }
        st = lc_limit_check(err);
    }
    if (st == LC_OK)
    {
        k = N - forest;
        id = flint_malloc(N * sizeof(slong));
        flint_free(info->lead);
        info->lead = flint_malloc(FLINT_MAX(k, 1) * sizeof(slong));
        for (j = 0, i = 0; j < N; j++)
            if (uf_find(parent, j) == j)
            {
                info->lead[i] = j;
                id[j] = i++;
            }
        lc_qmat_zeros(B, N, k);
        for (j = 0; j < N; j++)
            fmpq_one(fmpq_mat_entry(B, j, id[uf_find(parent, j)]));
        flint_free(id);
        info->method = LC_REP_ORBITS;
        info->N = N;
        info->k = k;
        info->rank_bound = forest;
        info->nrows = V->ngroup * N;
        info->prime = 0;
        info->nprimes = 0;
    }
    flint_free(parent);
    flint_free(img);
    return st;
}

/* ----------------------------------------------------------- modular */

/* The constraint rows over Z: row r has entries col[ptr[r] .. ptr[r+1]-1]
   (increasing) with values val[...], each row of rho(g) - I or X scaled by
   the lcm of its denominators. */
typedef struct
{
    slong nrows, nnz, N;
    slong * ptr;
    slong * col;
    fmpz * val;
}
zrows_struct;

static void
zrows_build(zrows_struct * Z, const lc_rep_t V)
{
    slong N = V->n, g, i, t, alloc = 16, r = 0, len, maxlen = 1;
    lc_smat_t T;
    slong * cs;
    fmpq * qs;
    fmpz_t den;

    for (g = 0; g < V->ngroup + V->nlie; g++)
        for (i = 0; i < N; i++)
            maxlen = FLINT_MAX(maxlen, V->gens[g].colptr[i + 1] - V->gens[g].colptr[i] + 1);
    maxlen = FLINT_MAX(maxlen, N + 1);  /* a row of the transpose may be longer */
    cs = flint_malloc(maxlen * sizeof(slong));
    qs = _fmpq_vec_init(maxlen);
    fmpz_init(den);
    Z->N = N;
    Z->nnz = 0;
    Z->ptr = flint_malloc(((V->ngroup + V->nlie) * N + 1) * sizeof(slong));
    Z->col = flint_malloc(alloc * sizeof(slong));
    Z->val = _fmpz_vec_init(alloc);
    Z->ptr[0] = 0;
    lc_smat_init(T, 0);
    for (g = 0; g < V->ngroup + V->nlie; g++)
    {
        int group = g < V->ngroup;

        lc_smat_transpose(T, V->gens + g);    /* column i of T = row i */
        for (i = 0; i < N; i++)
        {
            int diag = 0;

            /* row i of rho(g) - I (group) or of X (Lie), in increasing columns */
            len = 0;
            for (t = T->colptr[i]; t < T->colptr[i + 1]; t++)
            {
                slong c = T->row[t];

                if (group && !diag && c >= i)
                {
                    diag = 1;
                    cs[len] = i;
                    fmpq_set_si(qs + len, -1, 1);
                    if (c == i)
                    {
                        fmpq_add(qs + len, qs + len, T->val + t);
                        len += !fmpq_is_zero(qs + len);
                        continue;
                    }
                    len++;
                }
                cs[len] = c;
                fmpq_set(qs + len, T->val + t);
                len++;
            }
            if (group && !diag)
            {
                cs[len] = i;
                fmpq_set_si(qs + len, -1, 1);
                len++;
            }
            if (Z->nnz + len > alloc)
            {
                slong na = FLINT_MAX(2 * alloc, Z->nnz + len);

                Z->col = flint_realloc(Z->col, na * sizeof(slong));
                Z->val = flint_realloc(Z->val, na * sizeof(fmpz));
                for (t = alloc; t < na; t++)
                    fmpz_init(Z->val + t);
                alloc = na;
            }
            fmpz_one(den);
            for (t = 0; t < len; t++)
                fmpz_lcm(den, den, fmpq_denref(qs + t));
            for (t = 0; t < len; t++)
            {
                Z->col[Z->nnz] = cs[t];
                fmpz_divexact(Z->val + Z->nnz, den, fmpq_denref(qs + t));
                fmpz_mul(Z->val + Z->nnz, Z->val + Z->nnz, fmpq_numref(qs + t));
                Z->nnz++;
            }
            Z->ptr[r + 1] = Z->nnz;
            r++;
        }
    }
    Z->nrows = r;
    for (t = Z->nnz; t < alloc; t++)
        fmpz_clear(Z->val + t);
    lc_smat_clear(T);
    fmpz_clear(den);
    _fmpq_vec_clear(qs, maxlen);
    flint_free(cs);
}

static void
zrows_clear(zrows_struct * Z)
{
    _fmpz_vec_clear(Z->val, Z->nnz);
    flint_free(Z->col);
    flint_free(Z->ptr);
}

/* The elimination modulo p: pivot rows with leading 1, stored sparse in a
   pool.  piv[c] = index of the pivot row with leading column c, or -1. */
typedef struct
{
    nmod_t mod;
    slong N, rank;
    slong * piv;
    slong * pstart, * plen;     /* per pivot row: offset and length in the pool */
    slong * pcol;
    ulong * pval;
    slong pool_len, pool_alloc;
}
echelon_struct;

static void
ech_init(echelon_struct * E, slong N, ulong p)
{
    slong c;

    nmod_init(&E->mod, p);
    E->N = N;
    E->rank = 0;
    E->piv = flint_malloc(N * sizeof(slong));
    for (c = 0; c < N; c++)
        E->piv[c] = -1;
    E->pstart = flint_malloc(N * sizeof(slong));
    E->plen = flint_malloc(N * sizeof(slong));
    E->pool_alloc = 4 * N + 16;
    E->pool_len = 0;
    E->pcol = flint_malloc(E->pool_alloc * sizeof(slong));
    E->pval = flint_malloc(E->pool_alloc * sizeof(ulong));
}

static void
ech_clear(echelon_struct * E)
{
    flint_free(E->piv);
    flint_free(E->pstart);
    flint_free(E->plen);
    flint_free(E->pcol);
    flint_free(E->pval);
}

/* Reduce the row held in the dense accumulator acc (nonzero only in
   [lo, hi]) against the pivots; a remainder becomes a new pivot row.  acc is
   zero afterwards. */
static void
ech_insert(echelon_struct * E, ulong * acc, slong lo, slong hi)
{
    slong c, t;

    for (c = lo; c <= hi; c++)
    {
        ulong f = acc[c];

        if (f == 0)
            continue;
        if (E->piv[c] >= 0)
        {
            slong r = E->piv[c], s = E->pstart[r], len = E->plen[r];
            ulong nf = nmod_neg(f, E->mod);

            for (t = 0; t < len; t++)
            {
                slong j = E->pcol[s + t];

                acc[j] = nmod_add(acc[j], nmod_mul(nf, E->pval[s + t], E->mod), E->mod);
            }
            hi = FLINT_MAX(hi, E->pcol[s + len - 1]);
        }
        else
        {
            ulong inv = n_invmod(f, E->mod.n);
            slong cnt = 0, r = E->rank;

            for (t = c; t <= hi; t++)
                cnt += acc[t] != 0;
            if (E->pool_len + cnt > E->pool_alloc)
            {
                E->pool_alloc = FLINT_MAX(2 * E->pool_alloc, E->pool_len + cnt);
                E->pcol = flint_realloc(E->pcol, E->pool_alloc * sizeof(slong));
                E->pval = flint_realloc(E->pval, E->pool_alloc * sizeof(ulong));
            }
            E->pstart[r] = E->pool_len;
            E->plen[r] = cnt;
            for (t = c; t <= hi; t++)
                if (acc[t] != 0)
                {
                    E->pcol[E->pool_len] = t;
                    E->pval[E->pool_len] = nmod_mul(acc[t], inv, E->mod);
                    E->pool_len++;
                    acc[t] = 0;
                }
            E->piv[c] = r;
            E->rank++;
            return;
        }
    }
}

/* The primes: large word-size primes, a different one per attempt. */
static ulong
rep_prime(slong attempt)
{
    return n_nextprime((UWORD(1) << 62) + UWORD(1000003) * (ulong) (7919 * attempt + 1), 1);
}

/* Eliminate the rows mod p; x := the k kernel vectors (k * N residues, the
   one of free column f is 1 at f and 0 at the other free columns). */
static int
kernel_mod_p(ulong ** x, slong * k, char ** is_free, slong * rank, const zrows_struct * Z,
             ulong p, lc_err_t err)
{
    echelon_struct E;
    slong N = Z->N, r, t, c, i, kk;
    ulong * acc;
    int st = LC_OK;

    ech_init(&E, N, p);
    acc = _nmod_vec_init(N);
    _nmod_vec_zero(acc, N);
    for (r = 0; r < Z->nrows && E.rank < N; r++)
    {
        slong lo = N, hi = -1;

        for (t = Z->ptr[r]; t < Z->ptr[r + 1]; t++)
        {
            ulong v = fmpz_fdiv_ui(Z->val + t, p);

            if (v != 0)
            {
                acc[Z->col[t]] = v;
                lo = FLINT_MIN(lo, Z->col[t]);
                hi = FLINT_MAX(hi, Z->col[t]);
            }
        }
        if (hi >= 0)
            ech_insert(&E, acc, lo, hi);
        if ((r & 255) == 0 && (st = lc_limit_check(err)) != LC_OK)
            break;
    }
    if (st == LC_OK)
    {
        kk = N - E.rank;
        *is_free = flint_calloc(N, 1);
        *x = flint_calloc(FLINT_MAX(kk, 1) * N, sizeof(ulong));
        for (c = 0, i = 0; c < N; c++)
            if (E.piv[c] < 0)
            {
                (*is_free)[c] = 1;
                (*x)[i * N + c] = 1;
                i++;
            }
        /* back substitution, all kernel vectors at once */
        for (c = N - 1; c >= 0; c--)
        {
            slong pr = E.piv[c], s, len;

            if (pr < 0)
                continue;
            s = E.pstart[pr];
            len = E.plen[pr];
            for (i = 0; i < kk; i++)
            {
                ulong * xi = *x + i * N, acc2 = 0;

                for (t = 1; t < len; t++)
                    acc2 = nmod_add(acc2, nmod_mul(E.pval[s + t], xi[E.pcol[s + t]], E.mod), E.mod);
                xi[c] = nmod_neg(acc2, E.mod);
            }
            if ((c & 255) == 0 && (st = lc_limit_check(err)) != LC_OK)
                break;
        }
        *k = kk;
        *rank = E.rank;
        if (st != LC_OK)
        {
            flint_free(*x);
            flint_free(*is_free);
            *x = NULL;
            *is_free = NULL;
        }
    }
    _nmod_vec_clear(acc);
    ech_clear(&E);
    return st;
}

/* Whether every column of B is invariant: rho(g) b = b, X b = 0. */
static int
columns_invariant(const fmpq_mat_t B, const lc_rep_t V)
{
    fmpq_mat_t Y;
    slong g;
    int ok = 1;

    fmpq_mat_init(Y, 0, 0);
    for (g = 0; g < V->ngroup + V->nlie && ok; g++)
    {
        lc_smat_mul_left(Y, V->gens + g, B);
        ok = g < V->ngroup ? fmpq_mat_equal(Y, B) : fmpq_mat_is_zero(Y);
    }
    fmpq_mat_clear(Y);
    return ok;
}

static int
invariants_modular(fmpq_mat_t B, lc_rep_info_t info, const lc_rep_t V, lc_err_t err)
{
    zrows_struct Z;
    slong N = V->n, attempt, k = -1, rank = 0, i, j, nprimes = 0;
    char * free_cols = NULL;
    fmpz * X = NULL;        /* k * N residues modulo M */
    fmpz_t M;
    int st = LC_OK, done = 0;

    zrows_build(&Z, V);
    fmpz_init(M);
    for (attempt = 0; attempt < LC_REP_MAX_PRIMES && !done && st == LC_OK; attempt++)
    {
        ulong p = rep_prime(attempt), * x;
        slong kp, rp;
        char * fp;
        int restart = 0, skip = 0;

        if ((st = kernel_mod_p(&x, &kp, &fp, &rp, &Z, p, err)) != LC_OK)
            break;
        if (X != NULL)
        {
            /* A prime where the rank drops, or the pivots come later, is
               unlucky: keep the earliest pivots (those over Q). */
            if (kp != k)
                restart = kp < k, skip = kp > k;
            else if (memcmp(fp, free_cols, N) != 0)
            {
                for (j = 0; j < N && fp[j] == free_cols[j]; j++)
                    ;
                restart = fp[j] == 0;     /* the new prime has a pivot first */
                skip = !restart;
            }
        }
        if (skip)
        {
            flint_free(x);
            flint_free(fp);
            continue;
        }
        if (X == NULL || restart)
        {
            if (X != NULL)
                _fmpz_vec_clear(X, FLINT_MAX(k, 1) * N);
            flint_free(free_cols);
            k = kp;
            rank = rp;
            free_cols = fp;
            X = _fmpz_vec_init(FLINT_MAX(k, 1) * N);
            for (i = 0; i < k * N; i++)
                fmpz_set_ui(X + i, x[i]);
            fmpz_set_ui(M, p);
            nprimes = 1;
        }
        else
        {
            for (i = 0; i < k * N; i++)
                fmpz_CRT_ui(X + i, X + i, M, x[i], p, 1);
            fmpz_mul_ui(M, M, p);
            nprimes++;
            flint_free(fp);
        }
        flint_free(x);

        /* lift to Q and check */
        {
            fmpq_t q;
            int ok = 1;

            fmpq_init(q);
            lc_qmat_zeros(B, N, k);
            for (i = 0; i < k && ok; i++)
                for (j = 0; j < N && ok; j++)
                {
                    fmpz_mod(X + i * N + j, X + i * N + j, M);
                    ok = fmpq_reconstruct_fmpz(q, X + i * N + j, M);
                    if (ok)
                        fmpq_set(fmpq_mat_entry(B, j, i), q);
                }
            fmpq_clear(q);
            if (ok && columns_invariant(B, V))
                done = 1;
        }
        if (st == LC_OK)
            st = lc_limit_check(err);
        info->prime = p;
    }
    if (st == LC_OK && !done)
        st = lc_err_set(err, LC_E_LIMIT, "the kernel did not lift to Q with %d primes",
                        LC_REP_MAX_PRIMES);
    if (st == LC_OK)
    {
        info->method = LC_REP_MODULAR;
        info->N = N;
        info->k = k;
        info->rank_bound = rank;
        info->nrows = Z.nrows;
        info->nprimes = nprimes;
        flint_free(info->lead);
        info->lead = flint_malloc(FLINT_MAX(k, 1) * sizeof(slong));
        for (j = 0, i = 0; j < N; j++)
            if (free_cols[j])
                info->lead[i++] = j;
    }
    if (X != NULL)
        _fmpz_vec_clear(X, FLINT_MAX(k, 1) * N);
    flint_free(free_cols);
    fmpz_clear(M);
    zrows_clear(&Z);
    return st;
}

int
lc_rep_invariants(fmpq_mat_t B, lc_rep_info_t info, const lc_rep_t V, lc_err_t err)
{
    if (V->n > LC_REP_MAX_UNKNOWNS)
        return lc_err_set(err, LC_E_LIMIT, "%ld unknowns, more than %ld", (long) V->n,
                          (long) LC_REP_MAX_UNKNOWNS);
    if (lc_rep_is_perm(V))
        return invariants_orbits(B, info, V, err);
    return invariants_modular(B, info, V, err);
}

/* ------------------------------------------------------ equivariant maps */

void
lc_rep_basis_clear(fmpq_mat_struct * basis, slong len)
{
    slong i;

    for (i = 0; i < len; i++)
        fmpq_mat_clear(basis + i);
    flint_free(basis);
}

int
lc_rep_equivariant_basis(fmpq_mat_struct ** basis, slong * len, lc_rep_info_t info,
                         const lc_rep_t V_in, const lc_rep_t V_out, lc_err_t err)
{
    lc_rep_t D, U;
    fmpq_mat_t B;
    slong m = V_out->n, n = V_in->n, i, r, c;
    int st;

    if (n > 0 && m > LC_REP_MAX_UNKNOWNS / n)
        return lc_err_set(err, LC_E_LIMIT, "%ld x %ld unknowns, more than %ld", (long) m, (long) n,
                          (long) LC_REP_MAX_UNKNOWNS);
    lc_rep_init(D);
    lc_rep_init(U);
    fmpq_mat_init(B, 0, 0);
    st = lc_rep_dual(D, V_in, err);
    if (st == LC_OK)
        st = lc_rep_tensor(U, V_out, D, err);
    if (st == LC_OK)
        st = lc_rep_invariants(B, info, U, err);
    if (st == LC_OK)
    {
        *len = B->c;
        *basis = flint_malloc(FLINT_MAX(B->c, 1) * sizeof(fmpq_mat_struct));
        for (i = 0; i < B->c; i++)
        {
            fmpq_mat_init(*basis + i, m, n);
            for (r = 0; r < m; r++)
                for (c = 0; c < n; c++)
                    fmpq_set(fmpq_mat_entry(*basis + i, r, c), fmpq_mat_entry(B, r * n + c, i));
        }
    }
    fmpq_mat_clear(B);
    lc_rep_clear(D);
    lc_rep_clear(U);
    return st;
}

/* The generator i of V acting beside a representation with ng group
   generators: V's own, or the identity / zero when V has none. */
static const lc_smat_struct *
gen_at(const lc_rep_t V, slong i, slong ng, lc_smat_t id, lc_smat_t zero)
{
    if (V->ngroup + V->nlie > 0)
        return V->gens + i;
    return i < ng ? id : zero;
}

/* The first generator that W fails: *g := its index (-1: none), and the
   entry (*r, *c) with the values of both sides. */
static void
first_violation(slong * g, slong * r, slong * c, fmpq_t lhs, fmpq_t rhs, const fmpq_mat_t W,
                const lc_rep_t V_in, const lc_rep_t V_out)
{
    const lc_rep_struct * U = V_out->ngroup + V_out->nlie > 0 ? V_out : V_in;
    slong ng = U->ngroup, ngens = U->ngroup + U->nlie, i, a, b;
    lc_smat_t idI, zI, idO, zO;
    fmpq_mat_t L, R;

    lc_smat_init(idI, 0);
    lc_smat_init(idO, 0);
    lc_smat_eye(idI, V_in->n);
    lc_smat_eye(idO, V_out->n);
    lc_smat_init(zI, V_in->n);
    lc_smat_init(zO, V_out->n);
    fmpq_mat_init(L, 0, 0);
    fmpq_mat_init(R, 0, 0);
    *g = -1;
    for (i = 0; i < ngens && *g < 0; i++)
    {
        lc_smat_mul_left(L, gen_at(V_out, i, ng, idO, zO), W);
        lc_smat_mul_right(R, W, gen_at(V_in, i, ng, idI, zI));
        for (a = 0; a < L->r && *g < 0; a++)
            for (b = 0; b < L->c && *g < 0; b++)
                if (!fmpq_equal(fmpq_mat_entry(L, a, b), fmpq_mat_entry(R, a, b)))
                {
                    *g = i;
                    *r = a;
                    *c = b;
                    fmpq_set(lhs, fmpq_mat_entry(L, a, b));
                    fmpq_set(rhs, fmpq_mat_entry(R, a, b));
                }
    }
    fmpq_mat_clear(L);
    fmpq_mat_clear(R);
    lc_smat_clear(idI);
    lc_smat_clear(idO);
    lc_smat_clear(zI);
    lc_smat_clear(zO);
}

/* "group generator 2" / "Lie generator 1" of U. */
static void
gen_name(char * buf, size_t size, const lc_rep_t V_in, const lc_rep_t V_out, slong g)
{
    const lc_rep_struct * U = V_out->ngroup + V_out->nlie > 0 ? V_out : V_in;

    if (g < U->ngroup)
        snprintf(buf, size, "group generator %ld: rho_out(g%ld) W = W rho_in(g%ld)", (long) (g + 1),
                 (long) (g + 1), (long) (g + 1));
    else
        snprintf(buf, size, "Lie generator %ld: drho_out(X%ld) W = W drho_in(X%ld)",
                 (long) (g - U->ngroup + 1), (long) (g - U->ngroup + 1), (long) (g - U->ngroup + 1));
}

int
lc_rep_certify_basis(lc_check_t chk, const fmpq_mat_struct * basis, slong len,
                     const lc_rep_info_t info, const lc_rep_t V_in, const lc_rep_t V_out)
{
    const lc_rep_struct * U = V_out->ngroup + V_out->nlie > 0 ? V_out : V_in;
    slong ng = U->ngroup, ngens = U->ngroup + U->nlie, i, e, n = V_in->n;
    lc_smat_t idI, zI, idO, zO;
    fmpq_mat_t L, R;
    char text[512], gn[160];
    int all = 1, ok;

    lc_smat_init(idI, 0);
    lc_smat_init(idO, 0);
    lc_smat_eye(idI, V_in->n);
    lc_smat_eye(idO, V_out->n);
    lc_smat_init(zI, V_in->n);
    lc_smat_init(zO, V_out->n);
    fmpq_mat_init(L, 0, 0);
    fmpq_mat_init(R, 0, 0);
    for (i = 0; i < ngens; i++)
    {
        slong bad = -1;

        for (e = 0; e < len && bad < 0; e++)
        {
            lc_smat_mul_left(L, gen_at(V_out, i, ng, idO, zO), basis + e);
            lc_smat_mul_right(R, basis + e, gen_at(V_in, i, ng, idI, zI));
            if (!fmpq_mat_equal(L, R))
                bad = e;
        }
        gen_name(gn, sizeof(gn), V_in, V_out, i);
        if (bad < 0)
            snprintf(text, sizeof(text), "%s for all %ld basis maps (exact over Q)", gn, (long) len);
        else
            snprintf(text, sizeof(text), "%s fails for basis map %ld", gn, (long) (bad + 1));
        all &= lc_check_fact(chk, bad < 0, LC_CHECK_EXACT, text);
    }
    /* independence: basis map e is 1 at its lead entry, the others 0 there */
    ok = 1;
    for (e = 0; e < len && ok; e++)
        for (i = 0; i < len && ok; i++)
        {
            const fmpq * x = fmpq_mat_entry(basis + i, info->lead[e] / n, info->lead[e] % n);

            ok = i == e ? fmpq_is_one(x) : fmpq_is_zero(x);
        }
    snprintf(text, sizeof(text), "the %ld basis maps are linearly independent: map i is 1 at an "
             "entry where every other map is 0 (exact)", (long) len);
    all &= lc_check_fact(chk, ok, LC_CHECK_EXACT, text);
    /* completeness: the rank bound */
    ok = info->k == len && info->rank_bound == info->N - len;
    if (info->method == LC_REP_ORBITS)
        snprintf(text, sizeof(text), "complete: the constraints x_j = x_{g(j)} along a spanning forest "
                 "of the orbit graph (%ld edges on %ld unknowns) are independent, so the solutions "
                 "have dimension at most %ld = %ld - %ld: exactly %ld", (long) info->rank_bound,
                 (long) info->N, (long) (info->N - info->rank_bound), (long) info->N,
                 (long) info->rank_bound, (long) len);
    else
        snprintf(text, sizeof(text), "complete: the integer constraint system (%ld rows, %ld unknowns) "
                 "has rank %ld modulo the prime %lu, and its rank over Q is at least that, so the "
                 "solutions have dimension at most %ld: exactly %ld", (long) info->nrows,
                 (long) info->N, (long) info->rank_bound, (unsigned long) info->prime,
                 (long) (info->N - info->rank_bound), (long) len);
    all &= lc_check_fact(chk, ok, LC_CHECK_EXACT, text);
    fmpq_mat_clear(L);
    fmpq_mat_clear(R);
    lc_smat_clear(idI);
    lc_smat_clear(idO);
    lc_smat_clear(zI);
    lc_smat_clear(zO);
    return all;
}

int
lc_rep_span_coeffs(int * in_span, fmpq * coeffs, lc_check_t chk, const fmpq_mat_t W,
                   const fmpq_mat_struct * basis, slong len, const lc_rep_info_t info,
                   const lc_rep_t V_in, const lc_rep_t V_out, lc_err_t err)
{
    slong n = V_in->n, m = V_out->n, e, g, r, c;
    fmpq_mat_t S, T;
    char text[600], gn[160];

    if (W->r != m || W->c != n)
        return lc_err_set(err, LC_E_DIM, "the layer is %ld x %ld, not dim(V_out) x dim(V_in) = "
                          "%ld x %ld", (long) W->r, (long) W->c, (long) m, (long) n);
    fmpq_mat_init(S, m, n);
    fmpq_mat_init(T, m, n);
    for (e = 0; e < len; e++)
    {
        fmpq_set(coeffs + e, fmpq_mat_entry(W, info->lead[e] / n, info->lead[e] % n));
        fmpq_mat_scalar_mul_fmpq(T, basis + e, coeffs + e);
        fmpq_mat_add(S, S, T);
    }
    *in_span = fmpq_mat_equal(S, W);
    if (*in_span)
    {
        snprintf(text, sizeof(text), "W = sum_i c_i W_i over the %ld basis maps (exact over Q)",
                 (long) len);
        lc_check_fact(chk, 1, LC_CHECK_EXACT, text);
    }
    else
    {
        fmpq_t a, b;
        char * sa, * sb;

        fmpq_init(a);
        fmpq_init(b);
        first_violation(&g, &r, &c, a, b, W, V_in, V_out);
        if (g >= 0)
        {
            gen_name(gn, sizeof(gn), V_in, V_out, g);
            sa = fmpq_get_str(NULL, 10, a);
            sb = fmpq_get_str(NULL, 10, b);
            snprintf(text, sizeof(text), "W is not equivariant, %s fails: entry (%ld, %ld) is %s on the "
                     "left and %s on the right (exact over Q)", gn, (long) (r + 1), (long) (c + 1),
                     sa, sb);
            flint_free(sa);
            flint_free(sb);
        }
        else
            snprintf(text, sizeof(text), "W is not in the span of the %ld basis maps (exact over Q)",
                     (long) len);
        lc_check_fact(chk, 0, LC_CHECK_EXACT, text);
        fmpq_clear(a);
        fmpq_clear(b);
    }
    fmpq_mat_clear(S);
    fmpq_mat_clear(T);
    return LC_OK;
}

int
lc_rep_character_dim(fmpz_t count, const lc_rep_t V_in, const lc_rep_t V_out, slong limit,
                     lc_err_t err)
{
    const lc_rep_struct * U = V_out->ngroup + V_out->nlie > 0 ? V_out : V_in;
    slong ng = U->ngroup, n = V_in->n + V_out->n, i, j, order;
    fmpq_mat_struct * gens, * elems = NULL;
    lc_smat_t B, id, z;
    lc_group_t G;
    fmpz_t zero;
    fmpq_t a, b, s;
    int st;

    if (V_in->nlie + V_out->nlie > 0)
        return lc_err_set(err, LC_E_ARG, "characters need a finite group: the representation has "
                          "Lie generators");
    if (V_in->ngroup + V_in->nlie > 0 && V_out->ngroup + V_out->nlie > 0 && V_in->ngroup != V_out->ngroup)
        return lc_err_set(err, LC_E_ARG, "representations of different groups (%ld and %ld generators)",
                          (long) V_in->ngroup, (long) V_out->ngroup);
    if (n > LC_REP_CHAR_MAX_DIM)
        return lc_err_set(err, LC_E_LIMIT, "dim(V_in) + dim(V_out) = %ld is more than %d", (long) n,
                          LC_REP_CHAR_MAX_DIM);
    if (ng == 0)
    {
        fmpz_set_si(count, V_in->n * V_out->n);
        return LC_OK;
    }
    gens = flint_malloc(ng * sizeof(fmpq_mat_struct));
    lc_smat_init(B, 0);
    lc_smat_init(id, 0);
    lc_smat_init(z, 0);
    for (i = 0; i < ng; i++)
    {
        const lc_smat_struct * gi, * go;

        lc_smat_eye(id, V_in->n);
        gi = V_in->ngroup > 0 ? V_in->gens + i : id;
        if (V_out->ngroup > 0)
            go = V_out->gens + i;
        else
        {
            lc_smat_eye(z, V_out->n);
            go = z;
        }
        lc_smat_blockdiag(B, gi, go);
        fmpq_mat_init(gens + i, 0, 0);
        lc_smat_get_fmpq_mat(gens + i, B);
    }
    fmpz_init(zero);
    lc_group_init(G, 0);
    st = lc_group_matrix(G, &elems, gens, NULL, ng, zero, 0, limit, err);
    if (st == LC_OK)
    {
        order = lc_group_order_si(G);
        fmpq_init(a);
        fmpq_init(b);
        fmpq_init(s);
        for (i = 0; i < order; i++)
        {
            const fmpq_mat_struct * M = elems + 2 * i;

            fmpq_zero(a);
            fmpq_zero(b);
            for (j = 0; j < V_in->n; j++)
                fmpq_add(a, a, fmpq_mat_entry(M, j, j));
            for (j = V_in->n; j < n; j++)
                fmpq_add(b, b, fmpq_mat_entry(M, j, j));
            fmpq_addmul(s, a, b);
        }
        fmpq_div_fmpz(s, s, (fmpz_set_si(zero, order), zero));
        if (!fmpz_is_one(fmpq_denref(s)))
            st = lc_err_set(err, LC_E_DOMAIN, "the character inner product is not an integer");
        else
            fmpz_set(count, fmpq_numref(s));
        fmpq_clear(a);
        fmpq_clear(b);
        fmpq_clear(s);
        lc_group_matrices_clear(elems, order);
    }
    lc_group_clear(G);
    fmpz_clear(zero);
    for (i = 0; i < ng; i++)
        fmpq_mat_clear(gens + i);
    flint_free(gens);
    lc_smat_clear(B);
    lc_smat_clear(id);
    lc_smat_clear(z);
    return st;
}

int
lc_rep_burnside(fmpz_t count, const lc_rep_t V, slong limit, lc_err_t err)
{
    lc_perm_struct * gens;
    lc_group_t G;
    slong * imgs = NULL, * elems = NULL, order = 0, i, j, n = V->n;
    fmpz_t sum;
    int st;

    if (!lc_rep_is_perm(V))
        return lc_err_set(err, LC_E_ARG, "Burnside's count needs a permutation representation");
    if (n > LC_PERM_MAX_DEGREE)
        return lc_err_set(err, LC_E_LIMIT, "degree %ld is more than %d", (long) n, LC_PERM_MAX_DEGREE);
    gens = flint_malloc(FLINT_MAX(V->ngroup, 1) * sizeof(lc_perm_struct));
    imgs = flint_malloc(n * sizeof(slong));
    st = LC_OK;
    for (i = 0; i < V->ngroup; i++)
    {
        lc_perm_init(gens + i, n);
        lc_smat_is_perm(imgs, V->gens + i);
        if (st == LC_OK)
            st = lc_perm_set_images(gens + i, imgs, n, err);
    }
    lc_group_init(G, n);
    if (st == LC_OK)
        st = lc_group_set_perms(G, gens, V->ngroup, n, err);
    if (st == LC_OK)
        st = lc_group_elements(&elems, &order, G, limit, err);
    if (st == LC_OK)
    {
        fmpz_init(sum);
        for (i = 0; i < order; i++)
            for (j = 0; j < n; j++)
                if (elems[i * n + j] == j)
                    fmpz_add_ui(sum, sum, 1);
        fmpz_divexact_si(count, sum, order);
        fmpz_clear(sum);
        flint_free(elems);
    }
    lc_group_clear(G);
    for (i = 0; i < V->ngroup; i++)
        lc_perm_clear(gens + i);
    flint_free(gens);
    flint_free(imgs);
    return st;
}
