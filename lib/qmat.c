/* qmat.c -- exact rational matrices. */
#include <ctype.h>
#include <string.h>
#include "qmat.h"
#include "strbuf.h"

void
lc_qmat_resize(fmpq_mat_t A, slong r, slong c)
{
    fmpq_mat_clear(A);
    fmpq_mat_init(A, r, c);
}

void
lc_qmat_eye(fmpq_mat_t A, slong n)
{
    lc_qmat_resize(A, n, n);
    fmpq_mat_one(A);
}

void
lc_qmat_zeros(fmpq_mat_t A, slong m, slong n)
{
    lc_qmat_resize(A, m, n);
}

/* ------------------------------------------------------------------ parsing */

static const char *
skip_ws(const char * s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return s;
}

/* Reads [0-9]+ into z; returns the end, or NULL when there is no digit. */
static const char *
read_digits(fmpz_t z, const char * s, slong * ndigits)
{
    const char * p = s;
    char * buf;
    slong n;

    while (isdigit((unsigned char) *p))
        p++;
    n = p - s;
    if (ndigits != NULL)
        *ndigits = n;
    if (n == 0)
        return NULL;
    buf = flint_malloc(n + 1);
    memcpy(buf, s, n);
    buf[n] = '\0';
    fmpz_set_str(z, buf, 10);
    flint_free(buf);
    return p;
}

int
lc_qmat_parse_scalar(fmpq_t x, const char * s, const char ** end, lc_err_t err)
{
    const char * p = s;
    int neg = 0;
    fmpz_t num, den, t;
    slong nd;
    int status = LC_OK;

    fmpz_init(num);
    fmpz_init(den);
    fmpz_init(t);
    fmpz_one(den);

    if (*p == '+' || *p == '-')
        neg = (*p++ == '-');

    if (isdigit((unsigned char) *p))
        p = read_digits(num, p, NULL);
    else if (!(*p == '.' && isdigit((unsigned char) p[1])))
    {
        status = lc_err_set(err, LC_E_PARSE, "expected a number");
        goto done;
    }

    if (*p == '.')
    {
        /* Exact decimal: 0.25 = 25/100. */
        p++;
        if (isdigit((unsigned char) *p))
        {
            p = read_digits(t, p, &nd);
            fmpz_set_ui(den, 10);
            fmpz_pow_ui(den, den, nd);
            fmpz_mul(num, num, den);
            fmpz_add(num, num, t);
        }
    }

    if ((*p == 'e' || *p == 'E') &&
        (isdigit((unsigned char) p[1]) ||
         ((p[1] == '-' || p[1] == '+') && isdigit((unsigned char) p[2]))))
    {
        int eneg = 0;
        ulong e;

        p++;
        if (*p == '+' || *p == '-')
            eneg = (*p++ == '-');
        p = read_digits(t, p, NULL);
        if (!fmpz_fits_si(t) || fmpz_cmp_ui(t, 100000) > 0)
        {
            status = lc_err_set(err, LC_E_LIMIT, "decimal exponent too large (limit 100000)");
            goto done;
        }
        e = fmpz_get_ui(t);
        fmpz_set_ui(t, 10);
        fmpz_pow_ui(t, t, e);
        if (eneg)
            fmpz_mul(den, den, t);
        else
            fmpz_mul(num, num, t);
    }
    else if (*p == '/' && isdigit((unsigned char) p[1]))
    {
        fmpz_t d;
        fmpz_init(d);
        p = read_digits(d, p + 1, NULL);
        if (fmpz_is_zero(d))
        {
            fmpz_clear(d);
            status = lc_err_set(err, LC_E_PARSE, "zero denominator");
            goto done;
        }
        fmpz_mul(den, den, d);
        fmpz_clear(d);
    }

    if (neg)
        fmpz_neg(num, num);
    fmpq_set_fmpz_frac(x, num, den);

done:
    if (end != NULL)
        *end = p;
    fmpz_clear(num);
    fmpz_clear(den);
    fmpz_clear(t);
    return status;
}

int
lc_qmat_parse(fmpq_mat_t A, const char * s, lc_err_t err)
{
    const char * p = skip_ws(s);
    fmpq * vals = NULL;
    slong len = 0, alloc = 0, rows = 0, cols = -1, ncur, i, j;
    int status = LC_OK;

#define PARSE_FAIL(...)                                             \
    do {                                                            \
        char m_[LC_ERR_MSG_LEN];                                    \
        snprintf(m_, sizeof(m_), __VA_ARGS__);                      \
        status = lc_err_set(err, LC_E_PARSE, "column %ld: %s",      \
                            (long) (p - s + 1), m_);                \
        goto done;                                                  \
    } while (0)

    if (*p != '[')
        PARSE_FAIL("expected '[' to open a matrix");
    p = skip_ws(p + 1);
    for (;;)
    {
        if (*p != '[')
            PARSE_FAIL("expected '[' to open row %ld", (long) rows + 1);
        p = skip_ws(p + 1);
        ncur = 0;
        if (*p == ']')
            PARSE_FAIL("row %ld is empty", (long) rows + 1);
        for (;;)
        {
            const char * q;
            lc_err_t e2;

            if (len == alloc)
            {
                slong k;
                alloc = FLINT_MAX(16, 2 * alloc);
                vals = flint_realloc(vals, alloc * sizeof(fmpq));
                for (k = len; k < alloc; k++)
                    fmpq_init(vals + k);
            }
            if (lc_qmat_parse_scalar(vals + len, p, &q, e2) != LC_OK)
                PARSE_FAIL("%s", e2->msg);
            len++;
            ncur++;
            p = skip_ws(q);
            if (*p == ',')
                p = skip_ws(p + 1);
            else if (*p == ']')
                break;
            else
                PARSE_FAIL("expected ',' or ']' in row %ld", (long) rows + 1);
        }
        rows++;
        if (cols >= 0 && ncur != cols)
            PARSE_FAIL("ragged matrix: row %ld has %ld entries, row 1 has %ld",
                       (long) rows, (long) ncur, (long) cols);
        if (rows > LC_QMAT_MAX_SIZE || ncur > LC_QMAT_MAX_SIZE)
            PARSE_FAIL("matrix larger than the limit %d x %d", LC_QMAT_MAX_SIZE, LC_QMAT_MAX_SIZE);
        cols = ncur;
        p = skip_ws(p + 1);
        if (*p == ',')
            p = skip_ws(p + 1);
        else if (*p == ']')
            break;
        else
            PARSE_FAIL("expected ',' or ']' after row %ld", (long) rows);
    }
    p = skip_ws(p + 1);
    if (*p != '\0')
        PARSE_FAIL("unexpected text after the matrix");

    lc_qmat_resize(A, rows, cols);
    for (i = 0; i < rows; i++)
        for (j = 0; j < cols; j++)
            fmpq_swap(fmpq_mat_entry(A, i, j), vals + i * cols + j);
done:
    for (i = 0; i < alloc; i++)
        fmpq_clear(vals + i);
    flint_free(vals);
    return status;
#undef PARSE_FAIL
}

/* ----------------------------------------------------------------- printing */

char *
lc_qmat_get_str(const fmpq_mat_t A)
{
    slong i, j;
    lc_sb b = {NULL, 0, 0};

    lc_sb_cat(&b, "[");
    for (i = 0; i < fmpq_mat_nrows(A); i++)
    {
        lc_sb_cat(&b, i == 0 ? "[" : ", [");
        for (j = 0; j < fmpq_mat_ncols(A); j++)
        {
            char * e = fmpq_get_str(NULL, 10, fmpq_mat_entry(A, i, j));
            if (j > 0)
                lc_sb_cat(&b, ", ");
            lc_sb_cat(&b, e);
            flint_free(e);
        }
        lc_sb_cat(&b, "]");
    }
    lc_sb_cat(&b, "]");
    return lc_sb_take(&b);
}

void
lc_qmat_fprint(FILE * f, const fmpq_mat_t A)
{
    char * s = lc_qmat_get_str(A);
    fputs(s, f);
    flint_free(s);
}

/* --------------------------------------------------------------- arithmetic */

static int
same_shape(const fmpq_mat_t A, const fmpq_mat_t B, const char * what, lc_err_t err)
{
    if (fmpq_mat_nrows(A) != fmpq_mat_nrows(B) || fmpq_mat_ncols(A) != fmpq_mat_ncols(B))
        return lc_err_set(err, LC_E_DIM, "cannot %s %ldx%ld and %ldx%ld matrices", what,
                          (long) fmpq_mat_nrows(A), (long) fmpq_mat_ncols(A),
                          (long) fmpq_mat_nrows(B), (long) fmpq_mat_ncols(B));
    return LC_OK;
}

int
lc_qmat_add(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err)
{
    int status = same_shape(A, B, "add", err);

    if (status != LC_OK)
        return status;
    lc_qmat_resize(C, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    fmpq_mat_add(C, A, B);
    return LC_OK;
}

int
lc_qmat_sub(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err)
{
    int status = same_shape(A, B, "subtract", err);

    if (status != LC_OK)
        return status;
    lc_qmat_resize(C, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    fmpq_mat_sub(C, A, B);
    return LC_OK;
}

int
lc_qmat_mul(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err)
{
    if (fmpq_mat_ncols(A) != fmpq_mat_nrows(B))
        return lc_err_set(err, LC_E_DIM, "cannot multiply %ldx%ld by %ldx%ld matrices",
                          (long) fmpq_mat_nrows(A), (long) fmpq_mat_ncols(A),
                          (long) fmpq_mat_nrows(B), (long) fmpq_mat_ncols(B));
    lc_qmat_resize(C, fmpq_mat_nrows(A), fmpq_mat_ncols(B));
    fmpq_mat_mul(C, A, B);
    return LC_OK;
}

/* The shape message of the language's hadamard and ediv, kept word for word
   so that scripts print what they always printed. */
static int
same_shape_entrywise(const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err)
{
    if (fmpq_mat_nrows(A) != fmpq_mat_nrows(B) || fmpq_mat_ncols(A) != fmpq_mat_ncols(B))
        return lc_err_set(err, LC_E_DIM, "the matrices must have the same shape");
    return LC_OK;
}

int
lc_qmat_hadamard(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err)
{
    slong r = fmpq_mat_nrows(A), c = fmpq_mat_ncols(A), i, j;
    int status = same_shape_entrywise(A, B, err);

    if (status != LC_OK)
        return status;
    /* entry by entry, each read before it is written: aliasing is safe, and
       C is resized only when it is neither input */
    if (C != A && C != B)
        lc_qmat_resize(C, r, c);
    for (i = 0; i < r; i++)
        for (j = 0; j < c; j++)
            fmpq_mul(fmpq_mat_entry(C, i, j), fmpq_mat_entry(A, i, j), fmpq_mat_entry(B, i, j));
    return LC_OK;
}

int
lc_qmat_ediv(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err)
{
    slong r = fmpq_mat_nrows(A), c = fmpq_mat_ncols(A), i, j;
    int status = same_shape_entrywise(A, B, err);

    if (status != LC_OK)
        return status;
    /* every divisor is checked first, so that a failure leaves C untouched
       (fmpq_div by zero would abort) */
    for (i = 0; i < r; i++)
        for (j = 0; j < c; j++)
            if (fmpq_is_zero(fmpq_mat_entry(B, i, j)))
                return lc_err_set(err, LC_E_DOMAIN, "division by zero at entry (%ld, %ld)",
                                  (long) i + 1, (long) j + 1);
    if (C != A && C != B)
        lc_qmat_resize(C, r, c);
    for (i = 0; i < r; i++)
        for (j = 0; j < c; j++)
            fmpq_div(fmpq_mat_entry(C, i, j), fmpq_mat_entry(A, i, j), fmpq_mat_entry(B, i, j));
    return LC_OK;
}

void
lc_qmat_ones(fmpq_mat_t A, slong m, slong n)
{
    slong i, j;

    lc_qmat_resize(A, m, n);
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++)
            fmpq_one(fmpq_mat_entry(A, i, j));
}

void
lc_qmat_scalar_mul(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_t c)
{
    if (C != A)
        lc_qmat_resize(C, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    fmpq_mat_scalar_mul_fmpq(C, A, c);
}

void
lc_qmat_transpose(fmpq_mat_t B, const fmpq_mat_t A)
{
    lc_qmat_resize(B, fmpq_mat_ncols(A), fmpq_mat_nrows(A));
    fmpq_mat_transpose(B, A);
}

int
lc_qmat_inv(fmpq_mat_t B, const fmpq_mat_t A, lc_err_t err)
{
    if (!fmpq_mat_is_square(A))
        return lc_err_set(err, LC_E_DIM, "cannot invert a non-square %ldx%ld matrix",
                          (long) fmpq_mat_nrows(A), (long) fmpq_mat_ncols(A));
    lc_qmat_resize(B, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    if (!fmpq_mat_inv(B, A))
        return lc_err_set(err, LC_E_SINGULAR, "matrix is singular (rank %ld < %ld)",
                          (long) lc_qmat_rank(A), (long) fmpq_mat_nrows(A));
    return LC_OK;
}

int
lc_qmat_det(fmpq_t d, const fmpq_mat_t A, lc_err_t err)
{
    if (!fmpq_mat_is_square(A))
        return lc_err_set(err, LC_E_DIM, "determinant of a non-square %ldx%ld matrix",
                          (long) fmpq_mat_nrows(A), (long) fmpq_mat_ncols(A));
    fmpq_mat_det(d, A);
    return LC_OK;
}

slong
lc_qmat_rank(const fmpq_mat_t A)
{
    fmpz_mat_t M;
    slong r;

    /* Row scaling does not change the rank: clear denominators row-wise. */
    fmpz_mat_init(M, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    fmpq_mat_get_fmpz_mat_rowwise(M, NULL, A);
    r = fmpz_mat_rank(M);
    fmpz_mat_clear(M);
    return r;
}

void
lc_qmat_vec(fmpq_mat_t v, const fmpq_mat_t A)
{
    slong i, j, r = fmpq_mat_nrows(A), c = fmpq_mat_ncols(A);

    lc_qmat_resize(v, r * c, 1);
    for (j = 0; j < c; j++)
        for (i = 0; i < r; i++)
            fmpq_set(fmpq_mat_entry(v, j * r + i, 0), fmpq_mat_entry(A, i, j));
}

int
lc_qmat_unvec(fmpq_mat_t A, const fmpq_mat_t v, slong r, slong c, lc_err_t err)
{
    slong i, j, len = fmpq_mat_nrows(v) * fmpq_mat_ncols(v);
    int is_col = (fmpq_mat_ncols(v) == 1);

    if ((fmpq_mat_nrows(v) != 1 && fmpq_mat_ncols(v) != 1) || r < 0 || c < 0 || len != r * c)
        return lc_err_set(err, LC_E_DIM, "cannot reshape a %ldx%ld matrix into %ldx%ld",
                          (long) fmpq_mat_nrows(v), (long) fmpq_mat_ncols(v), (long) r, (long) c);
    lc_qmat_resize(A, r, c);
    for (j = 0; j < c; j++)
        for (i = 0; i < r; i++)
            fmpq_set(fmpq_mat_entry(A, i, j),
                     is_col ? fmpq_mat_entry(v, j * r + i, 0) : fmpq_mat_entry(v, 0, j * r + i));
    return LC_OK;
}

/* -------------------------------------------------------- echelon, kernels */

slong
lc_qmat_row_basis(fmpq_mat_t B, const fmpq_mat_t A)
{
    fmpz_mat_t M, R;
    fmpz_t den;
    slong r, i, j;

    fmpz_mat_init(M, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    fmpz_mat_init(R, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    fmpz_init(den);
    fmpq_mat_get_fmpz_mat_rowwise(M, NULL, A);
    r = fmpz_mat_rref(R, den, M);
    lc_qmat_resize(B, r, fmpq_mat_ncols(A));
    for (i = 0; i < r; i++)
        for (j = 0; j < fmpq_mat_ncols(A); j++)
            fmpq_set_fmpz_frac(fmpq_mat_entry(B, i, j), fmpz_mat_entry(R, i, j), den);
    fmpz_mat_clear(M);
    fmpz_mat_clear(R);
    fmpz_clear(den);
    return r;
}

slong
lc_qmat_kernel(fmpq_mat_t K, const fmpq_mat_t A)
{
    fmpq_mat_t E;
    slong m = fmpq_mat_ncols(A), r, i, j, k, * piv;
    char * is_piv;

    fmpq_mat_init(E, 0, 0);
    r = lc_qmat_row_basis(E, A);
    piv = flint_malloc((r + 1) * sizeof(slong));
    is_piv = flint_calloc(m + 1, 1);
    for (i = 0, j = 0; i < r; i++)
    {
        while (fmpq_is_zero(fmpq_mat_entry(E, i, j)))
            j++;
        piv[i] = j;
        is_piv[j] = 1;
    }
    lc_qmat_resize(K, m, m - r);
    /* One kernel vector per free column f: x_f = 1, x_piv[i] = -E[i][f]. */
    for (j = 0, k = 0; j < m; j++)
    {
        if (is_piv[j])
            continue;
        fmpq_one(fmpq_mat_entry(K, j, k));
        for (i = 0; i < r; i++)
            fmpq_neg(fmpq_mat_entry(K, piv[i], k), fmpq_mat_entry(E, i, j));
        k++;
    }
    flint_free(piv);
    flint_free(is_piv);
    fmpq_mat_clear(E);
    return m - r;
}

void
lc_qmat_set_fmpz_mat(fmpq_mat_t A, const fmpz_mat_t M)
{
    lc_qmat_resize(A, fmpz_mat_nrows(M), fmpz_mat_ncols(M));
    fmpq_mat_set_fmpz_mat(A, M);
}

/* ------------------------------------------------------ random instances */

void
lc_rand_seed(flint_rand_t st, ulong seed)
{
    /* Two words derived from one seed, so that nearby seeds differ widely. */
    ulong a = seed * UWORD(0x9E3779B97F4A7C15) + UWORD(0x632BE59BD9B4E019);
    ulong b = (seed ^ UWORD(0xD1B54A32D192ED03)) * UWORD(0xBF58476D1CE4E5B9) + 1;
#if __FLINT_RELEASE >= 30000
    flint_rand_set_seed(st, a, b);
#else
    flint_randseed(st, a, b);
#endif
}

static slong
rand_int(flint_rand_t st, slong bound)
{
    return (slong) n_randint(st, 2 * (ulong) bound + 1) - bound;
}

void
lc_qmat_rand(fmpq_mat_t A, slong m, slong n, flint_rand_t st, slong bound)
{
    slong i, j;

    lc_qmat_resize(A, m, n);
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++)
            fmpq_set_si(fmpq_mat_entry(A, i, j), rand_int(st, bound), 1);
}

void
lc_rand_perm(slong * p, slong n, flint_rand_t st)
{
    slong i, j, t;

    /* the order of the draws is part of the contract: scripts that were run
       with a seed must give the same instances again */
    for (i = 0; i < n; i++)
        p[i] = i;
    for (i = n - 1; i > 0; i--)
    {
        j = (slong) n_randint(st, (ulong) i + 1);
        t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
}

void
lc_qmat_rand_orthogonal(fmpq_mat_t Q, slong n, flint_rand_t st, slong bound)
{
    fmpq_mat_t S, P, M;
    slong i, j;

    fmpq_mat_init(S, n, n);
    fmpq_mat_init(P, n, n);
    fmpq_mat_init(M, n, n);
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
        {
            fmpq_set_si(fmpq_mat_entry(S, i, j), rand_int(st, bound), 1);
            fmpq_neg(fmpq_mat_entry(S, j, i), fmpq_mat_entry(S, i, j));
        }
    fmpq_mat_one(P);
    fmpq_mat_add(P, P, S);          /* I + S */
    fmpq_mat_inv(P, P);             /* invertible: S is skew */
    fmpq_mat_one(M);
    fmpq_mat_sub(M, M, S);          /* I - S */
    lc_qmat_resize(Q, n, n);
    fmpq_mat_mul(Q, M, P);
    fmpq_mat_clear(S);
    fmpq_mat_clear(P);
    fmpq_mat_clear(M);
}

/* ---------------------------------------------------------- matrix helpers */

static int
size_ok(slong r, slong c, const char * what, lc_err_t err)
{
    if (r > LC_QMAT_MAX_SIZE || c > LC_QMAT_MAX_SIZE)
        return lc_err_set(err, LC_E_LIMIT, "%s would be %ldx%ld, beyond the limit %d",
                          what, (long) r, (long) c, LC_QMAT_MAX_SIZE);
    return LC_OK;
}

/* Copy A into C at (r0, c0); C is large enough. */
static void
put_block(fmpq_mat_t C, const fmpq_mat_t A, slong r0, slong c0)
{
    slong i, j;

    for (i = 0; i < fmpq_mat_nrows(A); i++)
        for (j = 0; j < fmpq_mat_ncols(A); j++)
            fmpq_set(fmpq_mat_entry(C, r0 + i, c0 + j), fmpq_mat_entry(A, i, j));
}

/* C := the r x c matrix with A at (0, 0) and B at (rb, cb); a temporary makes
   aliasing safe. */
static int
assemble(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, slong r, slong c,
         slong rb, slong cb, const char * what, lc_err_t err)
{
    fmpq_mat_t T;
    int status = size_ok(r, c, what, err);

    if (status != LC_OK)
        return status;
    fmpq_mat_init(T, r, c);
    put_block(T, A, 0, 0);
    put_block(T, B, rb, cb);
    fmpq_mat_swap(C, T);
    fmpq_mat_clear(T);
    return LC_OK;
}

int
lc_qmat_hcat(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err)
{
    if (fmpq_mat_nrows(A) != fmpq_mat_nrows(B))
        return lc_err_set(err, LC_E_DIM, "cannot put %ldx%ld and %ldx%ld matrices side by side",
                          (long) fmpq_mat_nrows(A), (long) fmpq_mat_ncols(A),
                          (long) fmpq_mat_nrows(B), (long) fmpq_mat_ncols(B));
    return assemble(C, A, B, fmpq_mat_nrows(A), fmpq_mat_ncols(A) + fmpq_mat_ncols(B),
                    0, fmpq_mat_ncols(A), "[A, B]", err);
}

int
lc_qmat_vcat(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err)
{
    if (fmpq_mat_ncols(A) != fmpq_mat_ncols(B))
        return lc_err_set(err, LC_E_DIM, "cannot stack %ldx%ld on %ldx%ld matrices",
                          (long) fmpq_mat_nrows(A), (long) fmpq_mat_ncols(A),
                          (long) fmpq_mat_nrows(B), (long) fmpq_mat_ncols(B));
    return assemble(C, A, B, fmpq_mat_nrows(A) + fmpq_mat_nrows(B), fmpq_mat_ncols(A),
                    fmpq_mat_nrows(A), 0, "[A; B]", err);
}

int
lc_qmat_blockdiag(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err)
{
    return assemble(C, A, B, fmpq_mat_nrows(A) + fmpq_mat_nrows(B),
                    fmpq_mat_ncols(A) + fmpq_mat_ncols(B),
                    fmpq_mat_nrows(A), fmpq_mat_ncols(A), "blockdiag(A, B)", err);
}

int
lc_qmat_col(fmpq_mat_t c, const fmpq_mat_t A, slong j, lc_err_t err)
{
    fmpq_mat_t T;
    slong i;

    if (j < 0 || j >= fmpq_mat_ncols(A))
        return lc_err_set(err, LC_E_ARG, "column %ld out of range 0..%ld", (long) j,
                          (long) fmpq_mat_ncols(A) - 1);
    fmpq_mat_init(T, fmpq_mat_nrows(A), 1);
    for (i = 0; i < fmpq_mat_nrows(A); i++)
        fmpq_set(fmpq_mat_entry(T, i, 0), fmpq_mat_entry(A, i, j));
    fmpq_mat_swap(c, T);
    fmpq_mat_clear(T);
    return LC_OK;
}

int
lc_qmat_row(fmpq_mat_t r, const fmpq_mat_t A, slong i, lc_err_t err)
{
    fmpq_mat_t T;
    slong j;

    if (i < 0 || i >= fmpq_mat_nrows(A))
        return lc_err_set(err, LC_E_ARG, "row %ld out of range 0..%ld", (long) i,
                          (long) fmpq_mat_nrows(A) - 1);
    fmpq_mat_init(T, 1, fmpq_mat_ncols(A));
    for (j = 0; j < fmpq_mat_ncols(A); j++)
        fmpq_set(fmpq_mat_entry(T, 0, j), fmpq_mat_entry(A, i, j));
    fmpq_mat_swap(r, T);
    fmpq_mat_clear(T);
    return LC_OK;
}

int
lc_qmat_perm(fmpq_mat_t P, const slong * perm, slong n, lc_err_t err)
{
    char * seen;
    slong j;
    int status;

    if (n < 0)
        return lc_err_set(err, LC_E_ARG, "permutation of negative length %ld", (long) n);
    if ((status = size_ok(n, n, "the permutation matrix", err)) != LC_OK)
        return status;
    seen = flint_calloc(n + 1, 1);
    for (j = 0; j < n; j++)
    {
        if (perm[j] < 0 || perm[j] >= n)
        {
            flint_free(seen);
            return lc_err_set(err, LC_E_ARG, "perm[%ld] = %ld is out of range 0..%ld",
                              (long) j, (long) perm[j], (long) n - 1);
        }
        if (seen[perm[j]])
        {
            flint_free(seen);
            return lc_err_set(err, LC_E_ARG, "perm[%ld] = %ld repeats an earlier entry: "
                              "not a permutation", (long) j, (long) perm[j]);
        }
        seen[perm[j]] = 1;
    }
    flint_free(seen);
    lc_qmat_resize(P, n, n);
    for (j = 0; j < n; j++)
        fmpq_one(fmpq_mat_entry(P, perm[j], j));
    return LC_OK;
}

int
lc_qmat_householder(fmpq_mat_t Q, const fmpq_mat_t u, lc_err_t err)
{
    fmpq_mat_t T;
    fmpq_t s, t;
    slong i, j, d = fmpq_mat_nrows(u);

    if (fmpq_mat_ncols(u) != 1 || d < 1)
        return lc_err_set(err, LC_E_DIM, "a Householder vector must be a d x 1 column, not %ldx%ld",
                          (long) d, (long) fmpq_mat_ncols(u));
    if (fmpq_mat_is_zero(u))
        return lc_err_set(err, LC_E_ARG, "no Householder reflection through the zero vector");
    fmpq_init(s);
    fmpq_init(t);
    for (i = 0; i < d; i++)
        fmpq_addmul(s, fmpq_mat_entry(u, i, 0), fmpq_mat_entry(u, i, 0));
    fmpq_set_si(t, -2, 1);
    fmpq_div(s, t, s);                   /* s = -2 / (u^T u) */
    fmpq_mat_init(T, d, d);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
        {
            fmpq_mul(t, fmpq_mat_entry(u, i, 0), fmpq_mat_entry(u, j, 0));
            fmpq_mul(fmpq_mat_entry(T, i, j), t, s);
            if (i == j)
                fmpq_add_si(fmpq_mat_entry(T, i, j), fmpq_mat_entry(T, i, j), 1);
        }
    fmpq_mat_swap(Q, T);
    fmpq_mat_clear(T);
    fmpq_clear(s);
    fmpq_clear(t);
    return LC_OK;
}

int
lc_qmat_onehot(fmpq_mat_t e, slong i, slong d, lc_err_t err)
{
    int status;

    if (i < 0 || i >= d)
        return lc_err_set(err, LC_E_ARG, "unit vector e_%ld does not exist in dimension %ld",
                          (long) i, (long) d);
    if ((status = size_ok(d, 1, "the unit vector", err)) != LC_OK)
        return status;
    lc_qmat_resize(e, d, 1);
    fmpq_one(fmpq_mat_entry(e, i, 0));
    return LC_OK;
}
