/* rep.c -- sparse square matrices and representations built from them. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <flint/fmpq_vec.h>
#include "rep.h"
#include "limit.h"

/* ------------------------------------------------- sparse square matrices */

void
lc_smat_init(lc_smat_t A, slong n)
{
    A->n = n;
    A->nnz = 0;
    A->colptr = flint_calloc(n + 1, sizeof(slong));
    A->row = NULL;
    A->val = NULL;
}

void
lc_smat_clear(lc_smat_t A)
{
    slong i;

    for (i = 0; i < A->nnz; i++)
        fmpq_clear(A->val + i);
    flint_free(A->val);
    flint_free(A->row);
    flint_free(A->colptr);
}

void
lc_smat_swap(lc_smat_t A, lc_smat_t B)
{
    lc_smat_struct t = *A;

    *A = *B;
    *B = t;
}

/* A builder: A is filled column by column with sb_push, each column closed
   by sb_close (entries of a column in increasing rows, none zero). */
typedef struct
{
    lc_smat_struct * A;
    slong alloc;
    slong col;
}
sbuild;

static void
sb_start(sbuild * b, lc_smat_t A, slong n, slong hint)
{
    lc_smat_clear(A);
    lc_smat_init(A, n);
    b->A = A;
    b->alloc = FLINT_MAX(hint, 4);
    A->row = flint_malloc(b->alloc * sizeof(slong));
    A->val = flint_malloc(b->alloc * sizeof(fmpq));
    b->col = 0;
}

static void
sb_push(sbuild * b, slong r, const fmpq_t v)
{
    lc_smat_struct * A = b->A;

    if (fmpq_is_zero(v))
        return;
    if (A->nnz == b->alloc)
    {
        b->alloc *= 2;
        A->row = flint_realloc(A->row, b->alloc * sizeof(slong));
        A->val = flint_realloc(A->val, b->alloc * sizeof(fmpq));
    }
    A->row[A->nnz] = r;
    fmpq_init(A->val + A->nnz);
    fmpq_set(A->val + A->nnz, v);
    A->nnz++;
}

static void
sb_close(sbuild * b)
{
    b->col++;
    b->A->colptr[b->col] = b->A->nnz;
}

void
lc_smat_set(lc_smat_t A, const lc_smat_t B)
{
    sbuild b;
    slong j, t;

    if (A == B)
        return;
    sb_start(&b, A, B->n, B->nnz);
    for (j = 0; j < B->n; j++)
    {
        for (t = B->colptr[j]; t < B->colptr[j + 1]; t++)
            sb_push(&b, B->row[t], B->val + t);
        sb_close(&b);
    }
}

void
lc_smat_eye(lc_smat_t A, slong n)
{
    sbuild b;
    fmpq_t one;
    slong j;

    fmpq_init(one);
    fmpq_one(one);
    sb_start(&b, A, n, n);
    for (j = 0; j < n; j++)
    {
        sb_push(&b, j, one);
        sb_close(&b);
    }
    fmpq_clear(one);
}

void
lc_smat_set_fmpq_mat(lc_smat_t A, const fmpq_mat_t M)
{
    sbuild b;
    slong i, j, n = M->r;

    sb_start(&b, A, n, n);
    for (j = 0; j < n; j++)
    {
        for (i = 0; i < n; i++)
            sb_push(&b, i, fmpq_mat_entry(M, i, j));
        sb_close(&b);
    }
}

void
lc_smat_get_fmpq_mat(fmpq_mat_t M, const lc_smat_t A)
{
    slong j, t;

    lc_qmat_zeros(M, A->n, A->n);
    for (j = 0; j < A->n; j++)
        for (t = A->colptr[j]; t < A->colptr[j + 1]; t++)
            fmpq_set(fmpq_mat_entry(M, A->row[t], j), A->val + t);
}

void
lc_smat_set_perm(lc_smat_t A, const slong * img, slong n)
{
    sbuild b;
    fmpq_t one;
    slong j;

    fmpq_init(one);
    fmpq_one(one);
    sb_start(&b, A, n, n);
    for (j = 0; j < n; j++)
    {
        sb_push(&b, img[j], one);
        sb_close(&b);
    }
    fmpq_clear(one);
}

int
lc_smat_is_perm(slong * img, const lc_smat_t A)
{
    slong j, t;
    char * seen;
    int ok = 1;

    if (A->nnz != A->n)
        return 0;
    seen = flint_calloc(A->n + 1, 1);
    for (j = 0; j < A->n && ok; j++)
    {
        t = A->colptr[j];
        if (A->colptr[j + 1] - t != 1 || !fmpq_is_one(A->val + t) || seen[A->row[t]])
            ok = 0;
        else
        {
            seen[A->row[t]] = 1;
            if (img != NULL)
                img[j] = A->row[t];
        }
    }
    flint_free(seen);
    return ok;
}

int
lc_smat_is_zero(const lc_smat_t A)
{
    return A->nnz == 0;
}

int
lc_smat_equal(const lc_smat_t A, const lc_smat_t B)
{
    slong t;

    if (A->n != B->n || A->nnz != B->nnz)
        return 0;
    for (t = 0; t <= A->n; t++)
        if (A->colptr[t] != B->colptr[t])
            return 0;
    for (t = 0; t < A->nnz; t++)
        if (A->row[t] != B->row[t] || !fmpq_equal(A->val + t, B->val + t))
            return 0;
    return 1;
}

void
lc_smat_kron(lc_smat_t C, const lc_smat_t A, const lc_smat_t B)
{
    sbuild b;
    slong j, l, s, t, nb = B->n;
    fmpq_t v;

    fmpq_init(v);
    sb_start(&b, C, A->n * B->n, A->nnz * B->nnz);
    for (j = 0; j < A->n; j++)
        for (l = 0; l < nb; l++)
        {
            for (s = A->colptr[j]; s < A->colptr[j + 1]; s++)
                for (t = B->colptr[l]; t < B->colptr[l + 1]; t++)
                {
                    fmpq_mul(v, A->val + s, B->val + t);
                    sb_push(&b, A->row[s] * nb + B->row[t], v);
                }
            sb_close(&b);
        }
    fmpq_clear(v);
}

/* Push the entries (rows r[0..len-1], values v) of one column, sorted, with
   equal rows added and zeros dropped. */
static void
push_sorted(sbuild * b, slong * r, fmpq * v, slong len)
{
    slong i, j;
    fmpq_t s;

    for (i = 1; i < len; i++)   /* insertion sort: columns are short */
        for (j = i; j > 0 && r[j - 1] > r[j]; j--)
        {
            slong tr = r[j];
            r[j] = r[j - 1];
            r[j - 1] = tr;
            fmpq_swap(v + j, v + j - 1);
        }
    fmpq_init(s);
    for (i = 0; i < len; i = j)
    {
        fmpq_set(s, v + i);
        for (j = i + 1; j < len && r[j] == r[i]; j++)
            fmpq_add(s, s, v + j);
        sb_push(b, r[i], s);
    }
    fmpq_clear(s);
}

void
lc_smat_kron_sum(lc_smat_t C, const lc_smat_t X, const lc_smat_t Y)
{
    sbuild b;
    slong j, l, s, len, ny = Y->n, maxx = 0, maxy = 0;
    slong * r;
    fmpq * v;

    for (j = 0; j < X->n; j++)
        maxx = FLINT_MAX(maxx, X->colptr[j + 1] - X->colptr[j]);
    for (j = 0; j < ny; j++)
        maxy = FLINT_MAX(maxy, Y->colptr[j + 1] - Y->colptr[j]);
    r = flint_malloc((maxx + maxy + 1) * sizeof(slong));
    v = _fmpq_vec_init(maxx + maxy + 1);
    sb_start(&b, C, X->n * ny, X->nnz * ny + Y->nnz * X->n);
    for (j = 0; j < X->n; j++)
        for (l = 0; l < ny; l++)
        {
            len = 0;
            for (s = X->colptr[j]; s < X->colptr[j + 1]; s++, len++)
            {
                r[len] = X->row[s] * ny + l;
                fmpq_set(v + len, X->val + s);
            }
            for (s = Y->colptr[l]; s < Y->colptr[l + 1]; s++, len++)
            {
                r[len] = j * ny + Y->row[s];
                fmpq_set(v + len, Y->val + s);
            }
            push_sorted(&b, r, v, len);
            sb_close(&b);
        }
    _fmpq_vec_clear(v, maxx + maxy + 1);
    flint_free(r);
}

void
lc_smat_transpose(lc_smat_t C, const lc_smat_t A)
{
    slong n = A->n, j, t, * cnt, * pos;
    lc_smat_t T;

    lc_smat_init(T, n);
    cnt = flint_calloc(n + 1, sizeof(slong));
    for (t = 0; t < A->nnz; t++)
        cnt[A->row[t] + 1]++;
    for (j = 0; j < n; j++)
        cnt[j + 1] += cnt[j];
    T->nnz = A->nnz;
    T->row = flint_malloc(FLINT_MAX(A->nnz, 1) * sizeof(slong));
    T->val = _fmpq_vec_init(FLINT_MAX(A->nnz, 1));
    pos = flint_malloc((n + 1) * sizeof(slong));
    memcpy(T->colptr, cnt, (n + 1) * sizeof(slong));
    memcpy(pos, cnt, (n + 1) * sizeof(slong));
    for (j = 0; j < n; j++)     /* columns in order: rows of T come out sorted */
        for (t = A->colptr[j]; t < A->colptr[j + 1]; t++)
        {
            slong k = pos[A->row[t]]++;
            T->row[k] = j;
            fmpq_set(T->val + k, A->val + t);
        }
    if (A->nnz == 0)
    {
        _fmpq_vec_clear(T->val, 1);
        T->val = NULL;
    }
    flint_free(pos);
    flint_free(cnt);
    lc_smat_swap(C, T);
    lc_smat_clear(T);
}

void
lc_smat_neg(lc_smat_t C, const lc_smat_t A)
{
    slong t;

    lc_smat_set(C, A);
    for (t = 0; t < C->nnz; t++)
        fmpq_neg(C->val + t, C->val + t);
}

void
lc_smat_blockdiag(lc_smat_t C, const lc_smat_t A, const lc_smat_t B)
{
    sbuild b;
    slong j, t;

    sb_start(&b, C, A->n + B->n, A->nnz + B->nnz);
    for (j = 0; j < A->n; j++)
    {
        for (t = A->colptr[j]; t < A->colptr[j + 1]; t++)
            sb_push(&b, A->row[t], A->val + t);
        sb_close(&b);
    }
    for (j = 0; j < B->n; j++)
    {
        for (t = B->colptr[j]; t < B->colptr[j + 1]; t++)
            sb_push(&b, A->n + B->row[t], B->val + t);
        sb_close(&b);
    }
}

/* Whether A is monomial: one entry in each column and in each row. */
static int
smat_is_monomial(const lc_smat_t A)
{
    slong j;
    char * seen;
    int ok = A->nnz == A->n;

    seen = flint_calloc(A->n + 1, 1);
    for (j = 0; j < A->n && ok; j++)
    {
        if (A->colptr[j + 1] - A->colptr[j] != 1 || seen[A->row[A->colptr[j]]])
            ok = 0;
        else
            seen[A->row[A->colptr[j]]] = 1;
    }
    flint_free(seen);
    return ok;
}

/* Whether A^T A = I: the columns are orthonormal (sparse dot products). */
static int
smat_is_orthogonal(const lc_smat_t A)
{
    slong n = A->n, i, j, s, t;
    fmpq * col;
    fmpq_t d, p;
    int ok = 1;

    col = _fmpq_vec_init(n);
    fmpq_init(d);
    fmpq_init(p);
    for (i = 0; i < n && ok; i++)
    {
        for (s = A->colptr[i]; s < A->colptr[i + 1]; s++)
            fmpq_set(col + A->row[s], A->val + s);
        for (j = 0; j < n && ok; j++)
        {
            fmpq_zero(d);
            for (t = A->colptr[j]; t < A->colptr[j + 1]; t++)
                fmpq_addmul(d, col + A->row[t], A->val + t);
            if (i == j ? !fmpq_is_one(d) : !fmpq_is_zero(d))
                ok = 0;
        }
        for (s = A->colptr[i]; s < A->colptr[i + 1]; s++)
            fmpq_zero(col + A->row[s]);
        if (lc_limit_check(NULL) != LC_OK)
            ok = 0;
    }
    fmpq_clear(d);
    fmpq_clear(p);
    _fmpq_vec_clear(col, n);
    return ok;
}

int
lc_smat_inv_transpose(lc_smat_t C, const lc_smat_t A, lc_err_t err)
{
    fmpq_mat_t M, Mi, MiT;
    int st;

    if (smat_is_monomial(A))
    {
        slong t;

        lc_smat_set(C, A);
        for (t = 0; t < C->nnz; t++)
            fmpq_inv(C->val + t, C->val + t);
        return LC_OK;
    }
    if (smat_is_orthogonal(A))
    {
        lc_smat_set(C, A);
        return LC_OK;
    }
    if ((st = lc_limit_check(err)) != LC_OK)
        return st;
    if (A->n > LC_REP_DENSE_INV_MAX)
        return lc_err_set(err, LC_E_LIMIT, "inverting a %ld x %ld group generator that is neither "
                          "monomial nor orthogonal: more than %d rows", (long) A->n, (long) A->n,
                          LC_REP_DENSE_INV_MAX);
    fmpq_mat_init(M, 0, 0);
    fmpq_mat_init(Mi, 0, 0);
    fmpq_mat_init(MiT, 0, 0);
    lc_smat_get_fmpq_mat(M, A);
    st = lc_qmat_inv(Mi, M, err);
    if (st == LC_OK)
    {
        lc_qmat_transpose(MiT, Mi);
        lc_smat_set_fmpq_mat(C, MiT);
    }
    fmpq_mat_clear(M);
    fmpq_mat_clear(Mi);
    fmpq_mat_clear(MiT);
    return st;
}

void
lc_smat_mul_left(fmpq_mat_t Y, const lc_smat_t A, const fmpq_mat_t X)
{
    slong j, t, c;

    lc_qmat_zeros(Y, A->n, X->c);
    for (j = 0; j < A->n; j++)
        for (t = A->colptr[j]; t < A->colptr[j + 1]; t++)
            for (c = 0; c < X->c; c++)
                fmpq_addmul(fmpq_mat_entry(Y, A->row[t], c), A->val + t, fmpq_mat_entry(X, j, c));
}

void
lc_smat_mul_right(fmpq_mat_t Y, const fmpq_mat_t X, const lc_smat_t A)
{
    slong j, t, r;

    /* (X A)[r, j] = sum_t X[r, row_t] A[row_t, j] */
    lc_qmat_zeros(Y, X->r, A->n);
    for (j = 0; j < A->n; j++)
        for (t = A->colptr[j]; t < A->colptr[j + 1]; t++)
            for (r = 0; r < X->r; r++)
                fmpq_addmul(fmpq_mat_entry(Y, r, j), fmpq_mat_entry(X, r, A->row[t]), A->val + t);
}

/* -------------------------------------------------------- representations */

void
lc_rep_init(lc_rep_t V)
{
    V->n = 0;
    V->ngroup = 0;
    V->nlie = 0;
    V->gens = NULL;
    V->group = NULL;
    V->name = NULL;
}

static void
rep_free_gens(lc_rep_t V)
{
    slong i;

    for (i = 0; i < V->ngroup + V->nlie; i++)
        lc_smat_clear(V->gens + i);
    flint_free(V->gens);
    V->gens = NULL;
}

void
lc_rep_clear(lc_rep_t V)
{
    rep_free_gens(V);
    flint_free(V->group);
    flint_free(V->name);
}

static char *
str_dup(const char * s)
{
    char * t;

    if (s == NULL)
        return NULL;
    t = flint_malloc(strlen(s) + 1);
    strcpy(t, s);
    return t;
}

static char *
str_fmt(const char * fmt, ...)
{
    va_list ap;
    char * s;
    int len;

    va_start(ap, fmt);
    len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    s = flint_malloc(len + 1);
    va_start(ap, fmt);
    vsnprintf(s, len + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* V := dimension n with room for ngroup + nlie generators (each n x n zero). */
static void
rep_alloc(lc_rep_t V, slong n, slong ngroup, slong nlie)
{
    slong i;

    rep_free_gens(V);
    V->n = n;
    V->ngroup = ngroup;
    V->nlie = nlie;
    V->gens = flint_malloc(FLINT_MAX(ngroup + nlie, 1) * sizeof(lc_smat_struct));
    for (i = 0; i < ngroup + nlie; i++)
        lc_smat_init(V->gens + i, n);
}

static void
rep_label(lc_rep_t V, const char * group, char * name)
{
    flint_free(V->group);
    V->group = str_dup(group);
    flint_free(V->name);
    V->name = name;
}

void
lc_rep_set(lc_rep_t V, const lc_rep_t W)
{
    slong i;

    if (V == W)
        return;
    rep_alloc(V, W->n, W->ngroup, W->nlie);
    for (i = 0; i < W->ngroup + W->nlie; i++)
        lc_smat_set(V->gens + i, W->gens + i);
    rep_label(V, W->group, str_dup(W->name));
}

void
lc_rep_swap(lc_rep_t V, lc_rep_t W)
{
    lc_rep_struct t = *V;

    *V = *W;
    *W = t;
}

int
lc_rep_set_gens(lc_rep_t V, const fmpq_mat_struct * group, slong ngroup,
                const fmpq_mat_struct * lie, slong nlie, slong n_hint, lc_err_t err)
{
    slong n, i;

    if (ngroup + nlie > LC_REP_MAX_GENS)
        return lc_err_set(err, LC_E_LIMIT, "more than %ld generators", (long) LC_REP_MAX_GENS);
    n = ngroup > 0 ? group[0].r : nlie > 0 ? lie[0].r : n_hint;
    if (n < 1)
        return lc_err_set(err, LC_E_ARG, "a representation needs a dimension of at least 1");
    if (n > LC_REP_MAX_DIM)
        return lc_err_set(err, LC_E_LIMIT, "dimension %ld is more than %ld", (long) n,
                          (long) LC_REP_MAX_DIM);
    for (i = 0; i < ngroup + nlie; i++)
    {
        const fmpq_mat_struct * M = i < ngroup ? group + i : lie + (i - ngroup);

        if (M->r != n || M->c != n)
            return lc_err_set(err, LC_E_DIM, "%s generator %ld is %ld x %ld, not %ld x %ld",
                              i < ngroup ? "group" : "Lie", (long) (i < ngroup ? i + 1 : i - ngroup + 1),
                              (long) M->r, (long) M->c, (long) n, (long) n);
        if (i < ngroup && lc_qmat_rank(M) < n)
            return lc_err_set(err, LC_E_SINGULAR, "group generator %ld is singular", (long) (i + 1));
    }
    rep_alloc(V, n, ngroup, nlie);
    for (i = 0; i < ngroup + nlie; i++)
        lc_smat_set_fmpq_mat(V->gens + i, i < ngroup ? group + i : lie + (i - ngroup));
    rep_label(V, NULL, str_fmt("rep(%ld)", (long) n));
    return LC_OK;
}

int
lc_rep_set_perms(lc_rep_t V, const slong * imgs, slong ngens, slong n, lc_err_t err)
{
    slong i, j;
    char * seen;

    if (n < 1 || n > LC_REP_MAX_DIM)
        return lc_err_set(err, LC_E_LIMIT, "the degree must be between 1 and %ld", (long) LC_REP_MAX_DIM);
    if (ngens > LC_REP_MAX_GENS)
        return lc_err_set(err, LC_E_LIMIT, "more than %ld generators", (long) LC_REP_MAX_GENS);
    seen = flint_malloc(n);
    for (i = 0; i < ngens; i++)
    {
        memset(seen, 0, n);
        for (j = 0; j < n; j++)
        {
            slong x = imgs[i * n + j];

            if (x < 0 || x >= n || seen[x])
            {
                flint_free(seen);
                return lc_err_set(err, LC_E_ARG, "generator %ld is not a permutation of %ld points",
                                  (long) (i + 1), (long) n);
            }
            seen[x] = 1;
        }
    }
    flint_free(seen);
    rep_alloc(V, n, ngens, 0);
    for (i = 0; i < ngens; i++)
        lc_smat_set_perm(V->gens + i, imgs + i * n, n);
    rep_label(V, NULL, str_fmt("perm_rep(%ld)", (long) n));
    return LC_OK;
}

int
lc_rep_perm(lc_rep_t V, slong n, lc_err_t err)
{
    slong * imgs, j, ng = n > 1 ? 2 : 0;
    char g[32];
    int st;

    if (n < 1 || n > LC_REP_MAX_DIM)
        return lc_err_set(err, LC_E_LIMIT, "the degree must be between 1 and %ld", (long) LC_REP_MAX_DIM);
    imgs = flint_malloc(2 * n * sizeof(slong));
    for (j = 0; j < n; j++)
    {
        imgs[j] = j;                    /* (1 2) */
        imgs[n + j] = (j + 1) % n;      /* (1 2 ... n) */
    }
    if (n > 1)
    {
        imgs[0] = 1;
        imgs[1] = 0;
    }
    st = lc_rep_set_perms(V, imgs, ng, n, err);
    flint_free(imgs);
    if (st == LC_OK)
    {
        snprintf(g, sizeof(g), "S%ld", (long) n);
        rep_label(V, g, str_fmt("perm_rep(%ld)", (long) n));
    }
    return st;
}

int
lc_rep_regular(lc_rep_t V, const lc_group_struct * G, slong limit, lc_err_t err)
{
    slong order, n = G->n, * elems = NULL, * imgs, * prod, i, j, g;
    lc_perm_t p;
    int st;

    if ((st = lc_group_elements(&elems, &order, G, FLINT_MIN(limit, LC_REP_MAX_DIM), err)) != LC_OK)
        return st;
    imgs = flint_malloc(FLINT_MAX(G->ngens * order, 1) * sizeof(slong));
    prod = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
    lc_perm_init(p, 0);
    for (g = 0; g < G->ngens && st == LC_OK; g++)
    {
        lc_group_gen(p, G, g);
        for (i = 0; i < order && st == LC_OK; i++)
        {
            slong lo = 0, hi = order - 1, found = -1;

            for (j = 0; j < n; j++)     /* x g: first x, then g */
                prod[j] = lc_perm_image(p, elems[i * n + j]);
            while (lo <= hi && found < 0)   /* the elements are sorted by images */
            {
                slong mid = (lo + hi) / 2, c = 0;

                for (j = 0; j < n && c == 0; j++)
                    c = elems[mid * n + j] < prod[j] ? -1 : elems[mid * n + j] > prod[j] ? 1 : 0;
                if (c == 0)
                    found = mid;
                else if (c < 0)
                    lo = mid + 1;
                else
                    hi = mid - 1;
            }
            imgs[g * order + i] = found;
            if ((i & 1023) == 0)
                st = lc_limit_check(err);
        }
    }
    lc_perm_clear(p);
    flint_free(prod);
    flint_free(elems);
    if (st == LC_OK)
        st = lc_rep_set_perms(V, imgs, G->ngens, order, err);
    if (st == LC_OK)
        rep_label(V, NULL, str_fmt("regular_rep(%ld)", (long) order));
    flint_free(imgs);
    return st;
}

/* Entries of the generators of std_rep: generator g, row r, column c, value v. */
typedef struct { slong g, r, c, v; } trip;
typedef struct { trip * t; slong len, alloc; } trips;

static void
trips_init(trips * T)
{
    T->len = 0;
    T->alloc = 64;
    T->t = flint_malloc(T->alloc * sizeof(trip));
}

static void
trip_add(trips * T, slong g, slong r, slong c, slong v)
{
    if (T->len == T->alloc)
    {
        T->alloc *= 2;
        T->t = flint_realloc(T->t, T->alloc * sizeof(trip));
    }
    T->t[T->len].g = g;
    T->t[T->len].r = r;
    T->t[T->len].c = c;
    T->t[T->len].v = v;
    T->len++;
}

static int
trip_cmp(const void * a, const void * b)
{
    const trip * x = a, * y = b;

    if (x->g != y->g)
        return x->g < y->g ? -1 : 1;
    if (x->c != y->c)
        return x->c < y->c ? -1 : 1;
    return x->r < y->r ? -1 : x->r > y->r;
}

int
lc_rep_std(lc_rep_t V, const char * name, slong n, lc_err_t err)
{
    char base[16], g[48];
    slong i, j, len, ng = 0, nl = 0, m;
    trips T;
    const char * paren = strchr(name, '(');
    int lorentz;

    /* "SO(3)" stands for ("SO", 3). */
    len = paren != NULL ? paren - name : (slong) strlen(name);
    if (len >= (slong) sizeof(base))
        return lc_err_set(err, LC_E_ARG, "unknown group \"%s\" (O, SO, Sp, Lorentz)", name);
    memcpy(base, name, len);
    base[len] = '\0';
    lorentz = strcmp(base, "Lorentz") == 0 || strcmp(name, "O(1,3)") == 0
              || strcmp(name, "O(1, 3)") == 0;
    if (paren != NULL && !lorentz)
    {
        char * end;
        long k = strtol(paren + 1, &end, 10);

        if (end == paren + 1 || strcmp(end, ")") != 0)
            return lc_err_set(err, LC_E_ARG, "cannot read the size in \"%s\"", name);
        n = k;
    }
    if (lorentz)
    {
        if (n != 0 && n != 4)
            return lc_err_set(err, LC_E_ARG, "the Lorentz group O(1, 3) acts on dimension 4, not %ld",
                              (long) n);
        n = 4;
    }
    else if (strcmp(base, "O") != 0 && strcmp(base, "SO") != 0 && strcmp(base, "Sp") != 0)
        return lc_err_set(err, LC_E_ARG, "unknown group \"%s\" (O, SO, Sp, Lorentz)", name);
    if (n < 1 || n > 256)
        return lc_err_set(err, LC_E_ARG, "the size must be between 1 and 256, got %ld", (long) n);
    if (strcmp(base, "Sp") == 0 && n % 2 != 0)
        return lc_err_set(err, LC_E_ARG, "Sp(n) needs an even n, got %ld", (long) n);

    if (lorentz)
    {
        ng = 2;
        nl = 6;
    }
    else if (strcmp(base, "Sp") == 0)
    {
        m = n / 2;
        nl = m * m + m * (m + 1);
    }
    else
    {
        nl = n * (n - 1) / 2;
        ng = strcmp(base, "O") == 0 ? 1 : 0;
    }
    if (ng + nl > LC_REP_MAX_GENS)
        return lc_err_set(err, LC_E_LIMIT, "%s(%ld) has %ld generators, more than %ld", base, (long) n,
                          (long) (ng + nl), (long) LC_REP_MAX_GENS);
    trips_init(&T);

    if (lorentz)
    {
        slong k = 0;

        for (i = 1; i < 4; i++)             /* rotations */
            for (j = i + 1; j < 4; j++, k++)
            {
                trip_add(&T, ng + k, i, j, 1);
                trip_add(&T, ng + k, j, i, -1);
            }
        for (i = 1; i < 4; i++, k++)        /* boosts */
        {
            trip_add(&T, ng + k, 0, i, 1);
            trip_add(&T, ng + k, i, 0, 1);
        }
        for (i = 0; i < 4; i++)
        {
            trip_add(&T, 0, i, i, i == 0 ? 1 : -1);     /* parity */
            trip_add(&T, 1, i, i, i == 0 ? -1 : 1);     /* time reversal */
        }
        snprintf(g, sizeof(g), "O(1,3)");
    }
    else if (strcmp(base, "Sp") == 0)
    {
        slong k = 0;

        m = n / 2;
        for (i = 0; i < m; i++)             /* [[E_ij, 0], [0, -E_ji]] */
            for (j = 0; j < m; j++, k++)
            {
                trip_add(&T, ng + k, i, j, 1);
                trip_add(&T, ng + k, m + j, m + i, -1);
            }
        for (i = 0; i < m; i++)             /* [[0, B], [0, 0]], B symmetric */
            for (j = i; j < m; j++, k++)
            {
                trip_add(&T, ng + k, i, m + j, 1);
                trip_add(&T, ng + k, j, m + i, 1);
            }
        for (i = 0; i < m; i++)             /* [[0, 0], [C, 0]], C symmetric */
            for (j = i; j < m; j++, k++)
            {
                trip_add(&T, ng + k, m + i, j, 1);
                trip_add(&T, ng + k, m + j, i, 1);
            }
        snprintf(g, sizeof(g), "Sp(%ld)", (long) n);
    }
    else
    {
        slong k = 0;

        for (i = 0; i < n; i++)
            for (j = i + 1; j < n; j++, k++)
            {
                trip_add(&T, ng + k, i, j, 1);
                trip_add(&T, ng + k, j, i, -1);
            }
        if (ng == 1)
            for (i = 0; i < n; i++)
                trip_add(&T, 0, i, i, i == 0 ? -1 : 1);
        snprintf(g, sizeof(g), "%s(%ld)", base, (long) n);
    }
    /* the generators straight from their entries (sorted by generator,
       column, row), never as dense matrices */
    {
        lc_rep_t R;
        sbuild bu;
        fmpq_t x;
        slong t = 0, gi, col;

        qsort(T.t, T.len, sizeof(trip), trip_cmp);
        fmpq_init(x);
        lc_rep_init(R);
        rep_alloc(R, n, ng, nl);
        for (gi = 0; gi < ng + nl; gi++)
        {
            sb_start(&bu, R->gens + gi, n, 4);
            for (col = 0; col < n; col++)
            {
                for (; t < T.len && T.t[t].g == gi && T.t[t].c == col; t++)
                {
                    fmpq_set_si(x, T.t[t].v, 1);
                    sb_push(&bu, T.t[t].r, x);
                }
                sb_close(&bu);
            }
        }
        rep_label(R, g, str_fmt("std_rep(%s)", g));
        lc_rep_swap(V, R);
        lc_rep_clear(R);
        fmpq_clear(x);
    }
    flint_free(T.t);
    return LC_OK;
}

int
lc_rep_trivial(lc_rep_t V, const lc_rep_t W, slong d, lc_err_t err)
{
    slong i, ng = W != NULL ? W->ngroup : 0, nl = W != NULL ? W->nlie : 0;
    lc_rep_t R;

    if (d < 1 || d > LC_REP_MAX_DIM)
        return lc_err_set(err, LC_E_LIMIT, "the dimension must be between 1 and %ld", (long) LC_REP_MAX_DIM);
    lc_rep_init(R);
    rep_alloc(R, d, ng, nl);
    for (i = 0; i < ng; i++)
        lc_smat_eye(R->gens + i, d);
    rep_label(R, W != NULL ? W->group : NULL, str_fmt("trivial(%ld)", (long) d));
    lc_rep_swap(V, R);
    lc_rep_clear(R);
    return LC_OK;
}

/* Whether V and W are representations of one group; otherwise the error. */
static int
same_group(const lc_rep_t V, const lc_rep_t W, lc_err_t err)
{
    if (V->ngroup + V->nlie == 0 || W->ngroup + W->nlie == 0)
        return LC_OK;
    if (V->group != NULL && W->group != NULL && strcmp(V->group, W->group) != 0)
        return lc_err_set(err, LC_E_ARG, "representations of different groups (%s and %s)",
                          V->group, W->group);
    if (V->ngroup != W->ngroup || V->nlie != W->nlie)
        return lc_err_set(err, LC_E_ARG, "representations of different groups (%ld group and %ld Lie "
                          "generators against %ld and %ld)", (long) V->ngroup, (long) V->nlie,
                          (long) W->ngroup, (long) W->nlie);
    return LC_OK;
}

/* The group name of a combination of V and W. */
static const char *
joint_group(const lc_rep_t V, const lc_rep_t W)
{
    if (V->ngroup + V->nlie == 0)
        return W->group;
    return V->group != NULL ? V->group : W->group;
}

/* Generator i of V as it acts when V is combined with a representation of
   ngroup group generators: the identity or zero for a V without generators. */
static const lc_smat_struct *
gen_or_default(const lc_rep_t V, slong i, slong ngroup, lc_smat_t id, lc_smat_t zero)
{
    if (V->ngroup + V->nlie > 0)
        return V->gens + i;
    return i < ngroup ? id : zero;
}

/* The generator counts of the combination of V and W. */
static void
joint_counts(slong * ng, slong * nl, const lc_rep_t V, const lc_rep_t W)
{
    const lc_rep_struct * U = V->ngroup + V->nlie > 0 ? V : W;

    *ng = U->ngroup;
    *nl = U->nlie;
}

static int
combine(lc_rep_t R, const lc_rep_t V, const lc_rep_t W, int tensor, lc_err_t err)
{
    slong ng, nl, i, n;
    lc_smat_t idV, zV, idW, zW;
    lc_rep_t T;
    int st;

    if ((st = same_group(V, W, err)) != LC_OK)
        return st;
    n = tensor ? V->n * W->n : V->n + W->n;
    if (n > LC_REP_MAX_DIM || (tensor && V->n > LC_REP_MAX_DIM / FLINT_MAX(W->n, 1)))
        return lc_err_set(err, LC_E_LIMIT, "dimension %ld %s %ld is more than %ld", (long) V->n,
                          tensor ? "*" : "+", (long) W->n, (long) LC_REP_MAX_DIM);
    joint_counts(&ng, &nl, V, W);
    {
        /* the nonzero entries the new generators will have, at most */
        double est = 0;

        for (i = 0; i < ng + nl; i++)
        {
            double a = V->ngroup + V->nlie > 0 ? (double) V->gens[i].nnz : (i < ng ? (double) V->n : 0);
            double b = W->ngroup + W->nlie > 0 ? (double) W->gens[i].nnz : (i < ng ? (double) W->n : 0);

            est += !tensor ? a + b : i < ng ? a * b : a * W->n + b * V->n;
        }
        if (est > (double) LC_REP_MAX_NNZ)
            return lc_err_set(err, LC_E_LIMIT, "the generators would have %.0f nonzero entries, more "
                              "than %ld", est, (long) LC_REP_MAX_NNZ);
        if ((st = lc_limit_memory_check((size_t) est * (sizeof(fmpq) + sizeof(slong)),
                                        "the generators of the representation", err)) != LC_OK)
            return st;
    }
    lc_smat_init(zV, V->n);
    lc_smat_init(zW, W->n);
    lc_smat_init(idV, 0);
    lc_smat_init(idW, 0);
    lc_smat_eye(idV, V->n);
    lc_smat_eye(idW, W->n);
    lc_rep_init(T);
    rep_alloc(T, n, ng, nl);
    for (i = 0; i < ng + nl; i++)
    {
        const lc_smat_struct * a = gen_or_default(V, i, ng, idV, zV);
        const lc_smat_struct * b = gen_or_default(W, i, ng, idW, zW);

        if (!tensor)
            lc_smat_blockdiag(T->gens + i, a, b);
        else if (i < ng)
            lc_smat_kron(T->gens + i, a, b);
        else
            lc_smat_kron_sum(T->gens + i, a, b);
        if ((st = lc_limit_check(err)) != LC_OK)
            break;
    }
    if (st == LC_OK)
    {
        rep_label(T, joint_group(V, W), str_fmt("%s %s %s", V->name ? V->name : "V",
                                               tensor ? "(x)" : "(+)", W->name ? W->name : "W"));
        lc_rep_swap(R, T);
    }
    lc_rep_clear(T);
    lc_smat_clear(idV);
    lc_smat_clear(idW);
    lc_smat_clear(zV);
    lc_smat_clear(zW);
    return st;
}

int
lc_rep_tensor(lc_rep_t R, const lc_rep_t V, const lc_rep_t W, lc_err_t err)
{
    return combine(R, V, W, 1, err);
}

int
lc_rep_sum(lc_rep_t R, const lc_rep_t V, const lc_rep_t W, lc_err_t err)
{
    return combine(R, V, W, 0, err);
}

int
lc_rep_dual(lc_rep_t R, const lc_rep_t V, lc_err_t err)
{
    lc_rep_t T;
    slong i;
    int st = LC_OK;

    lc_rep_init(T);
    rep_alloc(T, V->n, V->ngroup, V->nlie);
    for (i = 0; i < V->ngroup && st == LC_OK; i++)
        st = lc_smat_inv_transpose(T->gens + i, V->gens + i, err);
    for (i = V->ngroup; i < V->ngroup + V->nlie && st == LC_OK; i++)
    {
        lc_smat_transpose(T->gens + i, V->gens + i);
        lc_smat_neg(T->gens + i, T->gens + i);
    }
    if (st == LC_OK)
    {
        rep_label(T, V->group, str_fmt("(%s)*", V->name ? V->name : "V"));
        lc_rep_swap(R, T);
    }
    lc_rep_clear(T);
    return st;
}

int
lc_rep_power(lc_rep_t R, const lc_rep_t V, slong k, lc_err_t err)
{
    lc_rep_t P, Q;
    slong i, n = 1;
    int st;

    if (k < 0)
        return lc_err_set(err, LC_E_ARG, "the power must be at least 0, got %ld", (long) k);
    for (i = 0; i < k; i++)
    {
        if (V->n > 1 && n > LC_REP_MAX_DIM / V->n)
            return lc_err_set(err, LC_E_LIMIT, "dimension %ld^%ld is more than %ld", (long) V->n,
                              (long) k, (long) LC_REP_MAX_DIM);
        n *= V->n;
    }
    lc_rep_init(P);
    lc_rep_init(Q);
    st = lc_rep_trivial(P, V, 1, err);
    for (i = 0; i < k && st == LC_OK; i++)
    {
        st = lc_rep_tensor(Q, P, V, err);
        lc_rep_swap(P, Q);
    }
    if (st == LC_OK)
    {
        if (k == 1)
            rep_label(P, V->group, str_dup(V->name));
        else if (k > 1)
            rep_label(P, V->group, str_fmt("(%s)^(x)%ld", V->name ? V->name : "V", (long) k));
        lc_rep_swap(R, P);
    }
    lc_rep_clear(P);
    lc_rep_clear(Q);
    return st;
}

/* Next k-tuple in [0, n)^k with t[0] <= t[1] <= ... (strict: <); 0 at the end. */
static int
next_tuple(slong * t, slong k, slong n, int strict)
{
    slong i, j;

    for (i = k - 1; i >= 0; i--)
    {
        slong cap = strict ? n - (k - i) : n - 1;

        if (t[i] < cap)
        {
            t[i]++;
            for (j = i + 1; j < k; j++)
                t[j] = strict ? t[j - 1] + 1 : t[i];
            return 1;
        }
    }
    return 0;
}

static slong
tuple_index(const slong * t, slong k, slong n)
{
    slong i, x = 0;

    for (i = 0; i < k; i++)
        x = x * n + t[i];
    return x;
}

static int
symalt(lc_rep_t R, const lc_rep_t V, slong k, int alt, lc_err_t err)
{
    slong n = V->n, N = 1, d = 0, i, j, g, t, p, nperm, kf = 1, * tup, * perm, * idx, * rep_at,
          * sgn, * orbit, * touched, ntouched;
    int * mark;
    fmpq * y;
    lc_rep_t P, T;
    sbuild b;
    int st = LC_OK;

    if (k < 1 || k > LC_REP_MAX_SYM_K)
        return lc_err_set(err, LC_E_ARG, "the power must be between 1 and %d, got %ld",
                          LC_REP_MAX_SYM_K, (long) k);
    for (i = 0; i < k; i++)
    {
        if (n > 1 && N > LC_REP_MAX_DIM / n)
            return lc_err_set(err, LC_E_LIMIT, "dimension %ld^%ld is more than %ld", (long) n, (long) k,
                              (long) LC_REP_MAX_DIM);
        N *= n;
        kf *= i + 1;
    }
    lc_rep_init(P);
    if ((st = lc_rep_power(P, V, k, err)) != LC_OK)
    {
        lc_rep_clear(P);
        return st;
    }
    /* the basis: representatives (as indices into V^(x)k) and their numbers */
    tup = flint_malloc(k * sizeof(slong));
    perm = flint_malloc(k * sizeof(slong));
    idx = flint_malloc(k * sizeof(slong));
    rep_at = flint_malloc(N * sizeof(slong));       /* index in V^(x)k -> basis number or -1 */
    for (i = 0; i < N; i++)
        rep_at[i] = -1;
    {
        slong * reps = flint_malloc(N * sizeof(slong));

        for (i = 0; i < k; i++)
            tup[i] = alt ? i : 0;
        if (!alt || k <= n)
            do
            {
                reps[d] = tuple_index(tup, k, n);
                rep_at[reps[d]] = d;
                d++;
            }
            while (next_tuple(tup, k, n, alt));
        flint_free(reps);
    }
    lc_rep_init(T);
    if (d == 0)     /* Alt^k V = 0 for k > n: keep dimension >= 1 impossible */
    {
        st = lc_err_set(err, LC_E_ARG, "Alt^%ld of a representation of dimension %ld is zero", (long) k,
                        (long) n);
        goto done;
    }
    rep_alloc(T, d, P->ngroup, P->nlie);
    nperm = kf;
    orbit = flint_malloc(nperm * sizeof(slong));
    sgn = flint_malloc(nperm * sizeof(slong));
    y = _fmpq_vec_init(N);
    mark = flint_calloc(N, sizeof(int));
    touched = flint_malloc(N * sizeof(slong));
    for (g = 0; g < P->ngroup + P->nlie && st == LC_OK; g++)
    {
        const lc_smat_struct * A = P->gens + g;
        slong col = 0;

        sb_start(&b, T->gens + g, d, d);
        for (i = 0; i < k; i++)
            tup[i] = alt ? i : 0;
        do
        {
            slong norb = 0;

            /* the orbit of the tuple under the k! position permutations */
            for (p = 0; p < nperm; p++)
            {
                slong q = p, s = 1, x;

                for (i = 0; i < k; i++)     /* the p-th permutation (factorial number system) */
                    perm[i] = i;
                for (i = k; i > 1; i--)
                {
                    slong r = q % i, tmp;

                    q /= i;
                    tmp = perm[i - 1];
                    perm[i - 1] = perm[r];
                    perm[r] = tmp;
                    if (r != i - 1)
                        s = -s;
                }
                for (i = 0; i < k; i++)
                    idx[i] = tup[perm[i]];
                x = tuple_index(idx, k, n);
                for (j = 0; j < norb && orbit[j] != x; j++)
                    ;
                if (j == norb)      /* distinct tensor indices only (Sym); all distinct for Alt */
                {
                    orbit[norb] = x;
                    sgn[norb] = alt ? s : 1;
                    norb++;
                }
            }
            /* y := A (sum_j sgn_j e_orbit_j) */
            ntouched = 0;
            for (j = 0; j < norb; j++)
                for (t = A->colptr[orbit[j]]; t < A->colptr[orbit[j] + 1]; t++)
                {
                    slong r = A->row[t];

                    if (!mark[r])
                    {
                        mark[r] = 1;
                        touched[ntouched++] = r;
                    }
                    if (sgn[j] > 0)
                        fmpq_add(y + r, y + r, A->val + t);
                    else
                        fmpq_sub(y + r, y + r, A->val + t);
                }
            /* read off at the representatives, in increasing basis order */
            {
                slong * rows = flint_malloc((ntouched + 1) * sizeof(slong)), nr = 0;

                for (j = 0; j < ntouched; j++)
                    if (rep_at[touched[j]] >= 0)
                        rows[nr++] = touched[j];
                for (i = 1; i < nr; i++)    /* representatives ascend with their index */
                    for (j = i; j > 0 && rows[j - 1] > rows[j]; j--)
                    {
                        slong tmp = rows[j];
                        rows[j] = rows[j - 1];
                        rows[j - 1] = tmp;
                    }
                for (j = 0; j < nr; j++)
                    sb_push(&b, rep_at[rows[j]], y + rows[j]);
                flint_free(rows);
            }
            sb_close(&b);
            for (j = 0; j < ntouched; j++)
            {
                fmpq_zero(y + touched[j]);
                mark[touched[j]] = 0;
            }
            col++;
            if ((col & 255) == 0 && (st = lc_limit_check(err)) != LC_OK)
                break;
        }
        while (next_tuple(tup, k, n, alt));
    }
    _fmpq_vec_clear(y, N);
    flint_free(mark);
    flint_free(touched);
    flint_free(orbit);
    flint_free(sgn);
    if (st == LC_OK)
    {
        rep_label(T, V->group, str_fmt("%s^%ld(%s)", alt ? "Alt" : "Sym", (long) k,
                                       V->name ? V->name : "V"));
        lc_rep_swap(R, T);
    }
done:
    lc_rep_clear(T);
    lc_rep_clear(P);
    flint_free(tup);
    flint_free(perm);
    flint_free(idx);
    flint_free(rep_at);
    return st;
}

int
lc_rep_sym(lc_rep_t R, const lc_rep_t V, slong k, lc_err_t err)
{
    return symalt(R, V, k, 0, err);
}

int
lc_rep_alt(lc_rep_t R, const lc_rep_t V, slong k, lc_err_t err)
{
    return symalt(R, V, k, 1, err);
}

int
lc_rep_outer(lc_rep_t R, const lc_rep_t V, const lc_rep_t W, lc_err_t err)
{
    slong ng = V->ngroup + W->ngroup, nl = V->nlie + W->nlie, i, k = 0;
    lc_smat_t idV, idW;
    lc_rep_t T;
    char * g;
    int st = LC_OK;

    if (V->n > LC_REP_MAX_DIM / FLINT_MAX(W->n, 1))
        return lc_err_set(err, LC_E_LIMIT, "dimension %ld * %ld is more than %ld", (long) V->n,
                          (long) W->n, (long) LC_REP_MAX_DIM);
    if (ng + nl > LC_REP_MAX_GENS)
        return lc_err_set(err, LC_E_LIMIT, "more than %ld generators", (long) LC_REP_MAX_GENS);
    {
        double est = 0;

        for (i = 0; i < V->ngroup + V->nlie; i++)
            est += (double) V->gens[i].nnz * W->n;
        for (i = 0; i < W->ngroup + W->nlie; i++)
            est += (double) W->gens[i].nnz * V->n;
        if (est > (double) LC_REP_MAX_NNZ)
            return lc_err_set(err, LC_E_LIMIT, "the generators would have %.0f nonzero entries, more "
                              "than %ld", est, (long) LC_REP_MAX_NNZ);
        if ((st = lc_limit_memory_check((size_t) est * (sizeof(fmpq) + sizeof(slong)),
                                        "the generators of the representation", err)) != LC_OK)
            return st;
    }
    lc_smat_init(idV, 0);
    lc_smat_init(idW, 0);
    lc_smat_eye(idV, V->n);
    lc_smat_eye(idW, W->n);
    lc_rep_init(T);
    rep_alloc(T, V->n * W->n, ng, nl);
    for (i = 0; i < V->ngroup; i++)
        lc_smat_kron(T->gens + k++, V->gens + i, idW);
    for (i = 0; i < W->ngroup; i++)
        lc_smat_kron(T->gens + k++, idV, W->gens + i);
    for (i = 0; i < V->nlie; i++)
        lc_smat_kron(T->gens + k++, V->gens + V->ngroup + i, idW);
    for (i = 0; i < W->nlie; i++)
        lc_smat_kron(T->gens + k++, idV, W->gens + W->ngroup + i);
    st = lc_limit_check(err);
    if (st == LC_OK)
    {
        g = str_fmt("%s x %s", V->group ? V->group : "G", W->group ? W->group : "H");
        rep_label(T, g, str_fmt("%s [x] %s", V->name ? V->name : "V", W->name ? W->name : "W"));
        flint_free(g);
        lc_rep_swap(R, T);
    }
    lc_rep_clear(T);
    lc_smat_clear(idV);
    lc_smat_clear(idW);
    return st;
}

int
lc_rep_equal(const lc_rep_t V, const lc_rep_t W)
{
    slong i;

    if (V->n != W->n || V->ngroup != W->ngroup || V->nlie != W->nlie)
        return 0;
    for (i = 0; i < V->ngroup + V->nlie; i++)
        if (!lc_smat_equal(V->gens + i, W->gens + i))
            return 0;
    return 1;
}

int
lc_rep_is_perm(const lc_rep_t V)
{
    slong i;

    if (V->nlie > 0)
        return 0;
    for (i = 0; i < V->ngroup; i++)
        if (!lc_smat_is_perm(NULL, V->gens + i))
            return 0;
    return 1;
}

char *
lc_rep_get_str(const lc_rep_t V)
{
    return str_fmt("representation %s of %s, dimension %ld: %ld group and %ld Lie generators",
                   V->name ? V->name : "", V->group ? V->group : "a group", (long) V->n,
                   (long) V->ngroup, (long) V->nlie);
}
