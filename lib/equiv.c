/* equiv.c -- exact pseudo-inverses, span splits, the Householder span
 * certificate (Ma & Ying, Appendix A) and the knowledge form (Prop. 3.2). */
#include <string.h>
#include "equiv.h"
#include "strbuf.h"

/* --------------------------------------------------------------- helpers */

/* The full-rank factorization X = Cp R: R := the nonzero rows of the reduced
   echelon form of X (r x n), Cp := the pivot columns of X (m x r).  X = Cp R
   because the pivot columns of R are the unit vectors: column j of X is the
   combination of X's pivot columns that column j of R records.  Returns r. */
static slong
full_rank_factor(fmpq_mat_t Cp, fmpq_mat_t R, const fmpq_mat_t X)
{
    slong r, i, j, k, m = fmpq_mat_nrows(X);

    r = lc_qmat_row_basis(R, X);
    lc_qmat_resize(Cp, m, r);
    for (i = 0, j = 0; i < r; i++)
    {
        while (fmpq_is_zero(fmpq_mat_entry(R, i, j)))
            j++;
        for (k = 0; k < m; k++)
            fmpq_set(fmpq_mat_entry(Cp, k, i), fmpq_mat_entry(X, k, j));
    }
    return r;
}

/* Y := A^-1 B for a square A known to be invertible (a Gram matrix of
   independent vectors, or a product of two such). */
static void
solve_known_invertible(fmpq_mat_t Y, const fmpq_mat_t A, const fmpq_mat_t B)
{
    lc_qmat_resize(Y, fmpq_mat_nrows(A), fmpq_mat_ncols(B));
    if (!fmpq_mat_solve(Y, A, B))
        flint_abort();   /* broken invariant: A has full rank by construction */
}

static int
same_rows(const fmpq_mat_t X, const fmpq_mat_t F, const char * xn, const char * fn,
          lc_err_t err)
{
    if (fmpq_mat_nrows(X) != fmpq_mat_nrows(F))
        return lc_err_set(err, LC_E_DIM, "%s is %ldx%ld but %s is %ldx%ld: they must have "
                          "the same number of rows (the embedding dimension)", xn,
                          (long) fmpq_mat_nrows(X), (long) fmpq_mat_ncols(X), fn,
                          (long) fmpq_mat_nrows(F), (long) fmpq_mat_ncols(F));
    return LC_OK;
}

/* Index of the first nonzero column of U, or -1. */
static slong
first_nonzero_column(const fmpq_mat_t U)
{
    slong i, j;

    for (j = 0; j < fmpq_mat_ncols(U); j++)
        for (i = 0; i < fmpq_mat_nrows(U); i++)
            if (!fmpq_is_zero(fmpq_mat_entry(U, i, j)))
                return j;
    return -1;
}

/* ------------------------------------------------------ pseudo-inverse */

int
lc_equiv_pinv(fmpq_mat_t Xp, const fmpq_mat_t X, lc_err_t err)
{
    fmpq_mat_t Cp, R, Ct, Rt, A, B, M, Y, T;
    slong r, m = fmpq_mat_nrows(X), n = fmpq_mat_ncols(X);

    (void) err;
    fmpq_mat_init(Cp, 0, 0);
    fmpq_mat_init(R, 0, 0);
    fmpq_mat_init(T, n, m);
    r = full_rank_factor(Cp, R, X);
    if (r > 0)
    {
        fmpq_mat_init(Ct, r, m);
        fmpq_mat_init(Rt, n, r);
        fmpq_mat_init(A, r, r);
        fmpq_mat_init(B, r, r);
        fmpq_mat_init(M, r, r);
        fmpq_mat_init(Y, r, m);
        fmpq_mat_transpose(Ct, Cp);
        fmpq_mat_transpose(Rt, R);
        fmpq_mat_mul(A, Ct, Cp);            /* C^T C, r x r, positive definite */
        fmpq_mat_mul(B, R, Rt);             /* R R^T, r x r, positive definite */
        /* (R R^T)^-1 (C^T C)^-1 = (C^T C R R^T)^-1 */
        fmpq_mat_mul(M, A, B);
        solve_known_invertible(Y, M, Ct);
        fmpq_mat_mul(T, Rt, Y);
        fmpq_mat_clear(Ct);
        fmpq_mat_clear(Rt);
        fmpq_mat_clear(A);
        fmpq_mat_clear(B);
        fmpq_mat_clear(M);
        fmpq_mat_clear(Y);
    }
    fmpq_mat_swap(Xp, T);
    fmpq_mat_clear(T);
    fmpq_mat_clear(Cp);
    fmpq_mat_clear(R);
    return LC_OK;
}

/* ------------------------------------------------------------ span split */

/* V := the orthogonal projection of the columns of F onto span(X),
   Cp (Cp^T Cp)^-1 Cp^T F with Cp the pivot columns of X (= X X^+ F). */
static void
project(fmpq_mat_t V, const fmpq_mat_t X, const fmpq_mat_t F)
{
    fmpq_mat_t Cp, R, Ct, G, W, Y, T;
    slong r, d = fmpq_mat_nrows(X), m = fmpq_mat_ncols(F);

    fmpq_mat_init(Cp, 0, 0);
    fmpq_mat_init(R, 0, 0);
    fmpq_mat_init(T, d, m);
    r = full_rank_factor(Cp, R, X);
    if (r > 0)
    {
        fmpq_mat_init(Ct, r, d);
        fmpq_mat_init(G, r, r);
        fmpq_mat_init(W, r, m);
        fmpq_mat_init(Y, r, m);
        fmpq_mat_transpose(Ct, Cp);
        fmpq_mat_mul(G, Ct, Cp);
        fmpq_mat_mul(W, Ct, F);
        solve_known_invertible(Y, G, W);
        fmpq_mat_mul(T, Cp, Y);
        fmpq_mat_clear(Ct);
        fmpq_mat_clear(G);
        fmpq_mat_clear(W);
        fmpq_mat_clear(Y);
    }
    fmpq_mat_swap(V, T);
    fmpq_mat_clear(T);
    fmpq_mat_clear(Cp);
    fmpq_mat_clear(R);
}

int
lc_equiv_span_split(fmpq_mat_t V, fmpq_mat_t U, const fmpq_mat_t X, const fmpq_mat_t F,
                    lc_err_t err)
{
    fmpq_mat_t P, D;
    int status;

    if (V == U)
        return lc_err_set(err, LC_E_ARG, "span split: V and U must be different matrices");
    if ((status = same_rows(X, F, "X", "F", err)) != LC_OK)
        return status;
    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(D, fmpq_mat_nrows(F), fmpq_mat_ncols(F));
    project(P, X, F);
    fmpq_mat_sub(D, F, P);
    fmpq_mat_swap(V, P);
    fmpq_mat_swap(U, D);
    fmpq_mat_clear(P);
    fmpq_mat_clear(D);
    return LC_OK;
}

/* ----------------------------------------------------------- certificate */

void
lc_equiv_span_cert_init(lc_equiv_span_cert_t c)
{
    c->in_span = 0;
    c->column = -1;
    fmpq_mat_init(c->C, 0, 0);
    fmpq_mat_init(c->u, 0, 0);
    fmpq_mat_init(c->Qu, 0, 0);
}

void
lc_equiv_span_cert_clear(lc_equiv_span_cert_t c)
{
    fmpq_mat_clear(c->C);
    fmpq_mat_clear(c->u);
    fmpq_mat_clear(c->Qu);
}

/* u := the positive multiple of the nonzero column u that is a primitive
   integer vector (the reflection through it is the same; the text is
   shorter and anyone can check integers). */
static void
make_primitive(fmpq_mat_t u)
{
    fmpz_t l, g;
    fmpq_t s;
    slong i, d = fmpq_mat_nrows(u);

    fmpz_init(l);
    fmpz_init(g);
    fmpq_init(s);
    fmpz_one(l);
    for (i = 0; i < d; i++)
        fmpz_lcm(l, l, fmpq_mat_entry_den(u, i, 0));
    for (i = 0; i < d; i++)
        fmpz_gcd(g, g, fmpq_mat_entry_num(u, i, 0));
    /* s = lcm(dens) / gcd(nums) > 0 makes the entries coprime integers */
    fmpq_set_fmpz_frac(s, l, g);
    fmpq_mat_scalar_mul_fmpq(u, u, s);
    fmpz_clear(l);
    fmpz_clear(g);
    fmpq_clear(s);
}

int
lc_equiv_span_certificate(lc_equiv_span_cert_t cert, const fmpq_mat_t X,
                          const fmpq_mat_t FX, lc_err_t err)
{
    fmpq_mat_t Xp, V, U;
    slong j;
    int status;

    if ((status = same_rows(X, FX, "X", "f(X)", err)) != LC_OK)
        return status;
    fmpq_mat_init(Xp, 0, 0);
    fmpq_mat_init(V, fmpq_mat_nrows(X), fmpq_mat_ncols(FX));
    fmpq_mat_init(U, fmpq_mat_nrows(X), fmpq_mat_ncols(FX));
    lc_equiv_pinv(Xp, X, NULL);
    lc_qmat_resize(cert->C, fmpq_mat_ncols(X), fmpq_mat_ncols(FX));
    fmpq_mat_mul(cert->C, Xp, FX);
    fmpq_mat_mul(V, X, cert->C);            /* X X^+ F: the part in span(X) */
    fmpq_mat_sub(U, FX, V);
    j = first_nonzero_column(U);
    if (j < 0)
    {
        cert->in_span = 1;
        cert->column = -1;
        lc_qmat_resize(cert->u, 0, 0);
        lc_qmat_resize(cert->Qu, 0, 0);
    }
    else
    {
        cert->in_span = 0;
        cert->column = j;
        lc_qmat_col(cert->u, U, j, NULL);
        make_primitive(cert->u);
        lc_qmat_householder(cert->Qu, cert->u, NULL);   /* u != 0, d >= 1 */
    }
    fmpq_mat_clear(Xp);
    fmpq_mat_clear(V);
    fmpq_mat_clear(U);
    return LC_OK;
}

int
lc_equiv_span_cert_verify(const lc_equiv_span_cert_t c, const fmpq_mat_t X,
                          const fmpq_mat_t FX)
{
    fmpq_mat_t T, H;
    slong i, d = fmpq_mat_nrows(X), j = c->column;
    int ok = 1;

    if (fmpq_mat_nrows(FX) != d)
        return 0;
    if (c->in_span)
    {
        if (fmpq_mat_nrows(c->C) != fmpq_mat_ncols(X) || fmpq_mat_ncols(c->C) != fmpq_mat_ncols(FX))
            return 0;
        fmpq_mat_init(T, d, fmpq_mat_ncols(FX));
        fmpq_mat_mul(T, X, c->C);
        ok = fmpq_mat_equal(T, FX);
        fmpq_mat_clear(T);
        return ok;
    }
    if (j < 0 || j >= fmpq_mat_ncols(FX) || fmpq_mat_nrows(c->u) != d || fmpq_mat_ncols(c->u) != 1
        || d < 1 || fmpq_mat_is_zero(c->u)
        || fmpq_mat_nrows(c->Qu) != d || fmpq_mat_ncols(c->Qu) != d)
        return 0;
    fmpq_mat_init(T, 1, fmpq_mat_ncols(X));
    fmpq_mat_init(H, 0, 0);
    /* u^T X = 0 */
    for (i = 0; i < fmpq_mat_ncols(X) && ok; i++)
    {
        slong k;
        fmpq * s = fmpq_mat_entry(T, 0, i);
        for (k = 0; k < d; k++)
            fmpq_addmul(s, fmpq_mat_entry(c->u, k, 0), fmpq_mat_entry(X, k, i));
        ok = fmpq_is_zero(s);
    }
    /* Qu is the reflection through u; that makes it orthogonal (an identity:
       (I - 2uu^T/s)^2 = I - 4uu^T/s + 4u(u^T u)u^T/s^2 = I for s = u^T u),
       which saves the d^3 product Qu^T Qu */
    if (ok)
    {
        lc_qmat_householder(H, c->u, NULL);
        ok = fmpq_mat_equal(H, c->Qu);
    }
    /* Qu X = X */
    if (ok)
    {
        lc_qmat_resize(H, d, fmpq_mat_ncols(X));
        fmpq_mat_mul(H, c->Qu, X);
        ok = fmpq_mat_equal(H, X);
    }
    /* column j of Qu FX differs from column j of FX */
    if (ok)
    {
        lc_qmat_resize(H, d, fmpq_mat_ncols(FX));
        fmpq_mat_mul(H, c->Qu, FX);
        ok = 0;
        for (i = 0; i < d && !ok; i++)
            ok = !fmpq_equal(fmpq_mat_entry(H, i, j), fmpq_mat_entry(FX, i, j));
    }
    fmpq_mat_clear(T);
    fmpq_mat_clear(H);
    return ok;
}

/* A growing string for the certificate text. */
static void
sb_add_mat(lc_sb * b, const fmpq_mat_t A)
{
    char * t = lc_qmat_get_str(A);
    lc_sb_cat(b, t);
    flint_free(t);
}

char *
lc_equiv_span_cert_get_str(const lc_equiv_span_cert_t c)
{
    lc_sb b = {NULL, 0, 0};
    char num[64];
    fmpq_mat_t ut;

    if (c->in_span)
    {
        lc_sb_cat(&b, "every column of f(X) lies in span(X): f(X) = X C exactly, with the "
                   "minimum-norm coefficients C = X^+ f(X) = ");
        sb_add_mat(&b, c->C);
        return lc_sb_take(&b);
    }
    fmpq_mat_init(ut, 1, fmpq_mat_nrows(c->u));
    fmpq_mat_transpose(ut, c->u);
    snprintf(num, sizeof num, "%ld", (long) c->column + 1);
    lc_sb_cat(&b, "column ");
    lc_sb_cat(&b, num);
    lc_sb_cat(&b, " of f(X) (counting from 1) has the component u orthogonal to span(X), "
               "u^T = ");
    sb_add_mat(&b, ut);
    lc_sb_cat(&b, ", u^T X = 0; the Householder reflection Q_u = I - 2 u u^T/(u^T u) = ");
    sb_add_mat(&b, c->Qu);
    lc_sb_cat(&b, " is rational and orthogonal with Q_u X = X and Q_u f(X) != f(X), so "
               "f(Q_u X) = f(X) != Q_u f(X): f is not orthogonally equivariant");
    fmpq_mat_clear(ut);
    return lc_sb_take(&b);
}

/* -------------------------------------------------------- knowledge form */

int
lc_equiv_knowledge_split(fmpq_mat_t G1, fmpq_mat_t G2, const fmpq_mat_t X,
                         const fmpq_mat_t Z, const fmpq_mat_t F, lc_err_t err)
{
    fmpq_mat_t T, Tp, G, R, A, B;
    slong i, j, n = fmpq_mat_ncols(X), k = fmpq_mat_ncols(Z), m = fmpq_mat_ncols(F);
    int status;

    if (G1 == G2)
        return lc_err_set(err, LC_E_ARG, "knowledge split: G1 and G2 must be different matrices");
    if ((status = same_rows(X, Z, "X", "Z", err)) != LC_OK
        || (status = same_rows(X, F, "X", "F", err)) != LC_OK)
        return status;
    fmpq_mat_init(T, 0, 0);
    if ((status = lc_qmat_hcat(T, X, Z, err)) != LC_OK)
    {
        fmpq_mat_clear(T);
        return status;
    }
    fmpq_mat_init(Tp, 0, 0);
    fmpq_mat_init(G, n + k, m);
    fmpq_mat_init(R, fmpq_mat_nrows(F), m);
    lc_equiv_pinv(Tp, T, NULL);
    fmpq_mat_mul(G, Tp, F);
    fmpq_mat_mul(R, T, G);
    fmpq_mat_sub(R, F, R);
    j = first_nonzero_column(R);
    if (j >= 0)
        status = lc_err_set(err, LC_E_DOMAIN, "column %ld of F (counting from 1) is not in "
                            "span([X, Z]): F has no knowledge form X G1 + Z G2", (long) j + 1);
    else
    {
        fmpq_mat_init(A, n, m);
        fmpq_mat_init(B, k, m);
        for (i = 0; i < n + k; i++)
            for (j = 0; j < m; j++)
                fmpq_set(i < n ? fmpq_mat_entry(A, i, j) : fmpq_mat_entry(B, i - n, j),
                         fmpq_mat_entry(G, i, j));
        fmpq_mat_swap(G1, A);
        fmpq_mat_swap(G2, B);
        fmpq_mat_clear(A);
        fmpq_mat_clear(B);
    }
    fmpq_mat_clear(T);
    fmpq_mat_clear(Tp);
    fmpq_mat_clear(G);
    fmpq_mat_clear(R);
    return status;
}
