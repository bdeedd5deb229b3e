/* ball_qr.c -- certified solve and inverse, Householder QR, and the
 * orthogonal matrix that carries one configuration to another with the same
 * Gram matrix.  The reasoning that makes each step rigorous is in comments
 * here and in doc/ball.md. */
#include "ball.h"

int
lc_ball_solve(arb_mat_t X, const arb_mat_t A, const arb_mat_t B, slong prec, lc_err_t err)
{
    arb_mat_t T;
    slong n = arb_mat_nrows(A);

    if (arb_mat_ncols(A) != n)
        return lc_err_set(err, LC_E_DIM, "solve: the matrix is %ld x %ld, not square",
                          (long) n, (long) arb_mat_ncols(A));
    if (arb_mat_nrows(B) != n)
        return lc_err_set(err, LC_E_DIM, "solve: the right-hand side has %ld rows, "
                          "the matrix %ld", (long) arb_mat_nrows(B), (long) n);
    /* arb_mat_solve encloses A'^-1 B' for every A' in A and B' in B, and
       returns 0 unless it has proved every such A' invertible. */
    arb_mat_init(T, n, arb_mat_ncols(B));
    if (!arb_mat_solve(T, A, B, prec))
    {
        arb_mat_clear(T);
        return lc_err_set(err, LC_E_SINGULAR, "solve: the %ld x %ld matrix is not "
                          "certainly invertible at %ld bits", (long) n, (long) n, (long) prec);
    }
    arb_mat_swap(X, T);
    arb_mat_clear(T);
    return LC_OK;
}

int
lc_ball_inv(arb_mat_t X, const arb_mat_t A, slong prec, lc_err_t err)
{
    arb_mat_t T;
    slong n = arb_mat_nrows(A);

    if (arb_mat_ncols(A) != n)
        return lc_err_set(err, LC_E_DIM, "inv: the matrix is %ld x %ld, not square",
                          (long) n, (long) arb_mat_ncols(A));
    arb_mat_init(T, n, n);
    if (!arb_mat_inv(T, A, prec))
    {
        arb_mat_clear(T);
        return lc_err_set(err, LC_E_SINGULAR, "inv: the %ld x %ld matrix is not "
                          "certainly invertible at %ld bits", (long) n, (long) n, (long) prec);
    }
    arb_mat_swap(X, T);
    arb_mat_clear(T);
    return LC_OK;
}

/* Householder QR.  Step k reflects rows k..m-1 with H_k = I - 2 v v^T / (v^T v),
   v = x + s ||x|| e_1, x = R[k..m-1, k]; s = sign(x_1) when the ball of x_1
   decides it and s = +1 otherwise (any s gives an exact reflection as long as
   v != 0, which the test v^T v > 0 certifies).  A step is skipped (H_k = I,
   reflected[k] = 0) when ||x|| or v^T v is not certainly positive.

   Why the result is an enclosure of an exact orthogonal factorisation: the
   ball R_k = H_k R_{k-1} is evaluated with interval operations, so it contains
   I - 2 v' v'^T / (v'^T v') times R' for every point v' of the ball v and every
   point R' of R_{k-1} (the two occurrences of v may even be chosen
   independently, which only widens the set).  For each such v' the matrix
   H(v') is exactly orthogonal, so fixing one point v'_k per step gives an
   exactly orthogonal Q' = H(v'_1) ... H(v'_p) inside the ball Q and Q'^T A'
   inside the ball R, for every A' in A.  When A' is a point of A and no step
   was skipped unless its column was exactly zero, the exact Householder
   vectors of A' (same sign conventions; the certified signs agree with the
   exact ones) are among these points, and then Q'^T A' is exactly upper
   triangular: the entries below the diagonal of R are balls around 0. */
static void
_householder_qr(arb_mat_t Q, arb_mat_t R, int * reflected, const arb_mat_t A, slong prec)
{
    slong m = arb_mat_nrows(A), n = arb_mat_ncols(A);
    slong steps = FLINT_MIN(m - 1, n), i, j, k;
    arb_mat_t QQ, RR;
    arb_ptr v;
    arb_t nrm, tau, beta, w;

    arb_mat_init(QQ, m, m);
    arb_mat_init(RR, m, n);
    arb_mat_one(QQ);
    arb_mat_set(RR, A);
    v = _arb_vec_init(FLINT_MAX(m, 1));
    arb_init(nrm);
    arb_init(tau);
    arb_init(beta);
    arb_init(w);

    for (k = 0; k < steps; k++)
    {
        reflected[k] = 0;
        arb_zero(nrm);
        for (i = k; i < m; i++)
            arb_addmul(nrm, arb_mat_entry(RR, i, k), arb_mat_entry(RR, i, k), prec);
        /* the exact sum of squares is >= 0: keep only that part of the ball */
        arb_sqrtpos(nrm, nrm, prec);
        if (!arb_is_positive(nrm))
            continue;           /* column k is zero at this precision */

        for (i = k; i < m; i++)
            arb_set(v + i, arb_mat_entry(RR, i, k));
        if (arb_is_negative(v + k))
            arb_sub(v + k, v + k, nrm, prec);
        else
            arb_add(v + k, v + k, nrm, prec);

        arb_zero(tau);
        for (i = k; i < m; i++)
            arb_addmul(tau, v + i, v + i, prec);
        if (!arb_is_positive(tau))
            continue;
        arb_ui_div(beta, 2, tau, prec);

        /* RR := H RR on rows k..m-1, every column (columns left of k too, so
           that the enclosure holds for every point, not only the exact path) */
        for (j = 0; j < n; j++)
        {
            arb_zero(w);
            for (i = k; i < m; i++)
                arb_addmul(w, v + i, arb_mat_entry(RR, i, j), prec);
            arb_mul(w, w, beta, prec);
            for (i = k; i < m; i++)
                arb_submul(arb_mat_entry(RR, i, j), v + i, w, prec);
        }
        /* QQ := QQ H on columns k..m-1 */
        for (i = 0; i < m; i++)
        {
            arb_zero(w);
            for (j = k; j < m; j++)
                arb_addmul(w, arb_mat_entry(QQ, i, j), v + j, prec);
            arb_mul(w, w, beta, prec);
            for (j = k; j < m; j++)
                arb_submul(arb_mat_entry(QQ, i, j), w, v + j, prec);
        }
        reflected[k] = 1;
    }

    arb_mat_swap(Q, QQ);
    arb_mat_swap(R, RR);
    arb_mat_clear(QQ);
    arb_mat_clear(RR);
    _arb_vec_clear(v, FLINT_MAX(m, 1));
    arb_clear(nrm);
    arb_clear(tau);
    arb_clear(beta);
    arb_clear(w);
}

int
lc_ball_householder_qr(arb_mat_t Q, arb_mat_t R, const arb_mat_t A, slong prec, lc_err_t err)
{
    slong steps = FLINT_MIN(arb_mat_nrows(A) - 1, arb_mat_ncols(A));
    int * reflected;

    if (Q == R)
        return lc_err_set(err, LC_E_ARG, "householder_qr: Q and R must be different matrices");
    reflected = flint_malloc(sizeof(int) * FLINT_MAX(steps, 1));
    _householder_qr(Q, R, reflected, A, prec);
    flint_free(reflected);
    return LC_OK;
}

/* Pivot columns of the reduced echelon form of Y (a basis of its column
   space among its own columns); J must hold fmpq_mat_ncols(Y) entries.
   Returns the rank. */
static slong
_independent_columns(slong * J, const fmpq_mat_t Y)
{
    fmpq_mat_t E;
    slong r, i, j;

    fmpq_mat_init(E, fmpq_mat_nrows(Y), fmpq_mat_ncols(Y));
    r = fmpq_mat_rref(E, Y);
    for (i = 0, j = 0; i < r; i++)
    {
        while (fmpq_is_zero(fmpq_mat_entry(E, i, j)))
            j++;
        J[i] = j++;
    }
    fmpq_mat_clear(E);
    return r;
}

/* Q_out := the Q factor of the Householder QR of the d x r matrix B (full
   column rank over Q), with column i negated where R[i][i] < 0, so that the
   R factor has a positive diagonal.  LC_E_LIMIT when a step or a sign could
   not be certified at this precision. */
static int
_normalised_q(arb_mat_t Q_out, arb_mat_t R_out, const fmpq_mat_t B, const char * name,
              slong prec, lc_err_t err)
{
    slong d = fmpq_mat_nrows(B), r = fmpq_mat_ncols(B);
    slong steps = FLINT_MIN(d - 1, r), i, k;
    int * reflected = flint_malloc(sizeof(int) * FLINT_MAX(steps, 1));
    arb_mat_t Bb;
    int rc = LC_OK;

    arb_mat_init(Bb, 0, 0);
    lc_ball_set_qmat(Bb, B, prec);
    _householder_qr(Q_out, R_out, reflected, Bb, prec);
    for (k = 0; k < steps && rc == LC_OK; k++)
        if (!reflected[k])
            rc = lc_err_set(err, LC_E_LIMIT, "orthogonal_from_gram: the QR of %s's independent "
                            "columns is not certified at %ld bits (column %ld); try a higher "
                            "precision", name, (long) prec, (long) k + 1);
    for (k = 0; k < r && rc == LC_OK; k++)
    {
        arb_srcptr rkk = arb_mat_entry(R_out, k, k);

        if (arb_is_negative(rkk))
        {
            for (i = 0; i < d; i++)
                arb_neg(arb_mat_entry(Q_out, i, k), arb_mat_entry(Q_out, i, k));
            for (i = 0; i < r; i++)
                arb_neg(arb_mat_entry(R_out, k, i), arb_mat_entry(R_out, k, i));
        }
        else if (!arb_is_positive(rkk))
            rc = lc_err_set(err, LC_E_LIMIT, "orthogonal_from_gram: the sign of R[%ld][%ld] "
                            "in the QR of %s is not certified at %ld bits; try a higher "
                            "precision", (long) k + 1, (long) k + 1, name, (long) prec);
    }
    arb_mat_clear(Bb);
    flint_free(reflected);
    return rc;
}

/* The Gram matrix A^T A, exactly. */
static void
_gram(fmpq_mat_t G, const fmpq_mat_t A)
{
    fmpq_mat_t At;

    fmpq_mat_init(At, fmpq_mat_ncols(A), fmpq_mat_nrows(A));
    fmpq_mat_transpose(At, A);
    fmpq_mat_mul(G, At, A);
    fmpq_mat_clear(At);
}

/* Keep the columns J[0..r-1] of A. */
static void
_columns(fmpq_mat_t B, const fmpq_mat_t A, const slong * J, slong r)
{
    slong i, k;

    for (i = 0; i < fmpq_mat_nrows(A); i++)
        for (k = 0; k < r; k++)
            fmpq_set(fmpq_mat_entry(B, i, k), fmpq_mat_entry(A, i, J[k]));
}

int
lc_ball_orthogonal_from_gram(arb_mat_t Q, const fmpq_mat_t X, const fmpq_mat_t Y,
                             slong prec, lc_err_t err)
{
    slong d = fmpq_mat_nrows(Y), n = fmpq_mat_ncols(Y), r, i, j;
    fmpq_mat_t GX, GY, XJ, YJ;
    arb_mat_t QX, RX, QY, RY, QYt;
    slong * J;
    int rc = LC_OK;

    if (fmpq_mat_nrows(X) != d || fmpq_mat_ncols(X) != n)
        return lc_err_set(err, LC_E_DIM, "orthogonal_from_gram: X is %ld x %ld but Y is "
                          "%ld x %ld", (long) fmpq_mat_nrows(X), (long) fmpq_mat_ncols(X),
                          (long) d, (long) n);

    /* X^T X == Y^T Y over Q: the hypothesis, checked exactly. */
    fmpq_mat_init(GX, n, n);
    fmpq_mat_init(GY, n, n);
    _gram(GX, X);
    _gram(GY, Y);
    for (i = 0; i < n && rc == LC_OK; i++)
        for (j = 0; j < n && rc == LC_OK; j++)
            if (!fmpq_equal(fmpq_mat_entry(GX, i, j), fmpq_mat_entry(GY, i, j)))
            {
                char * a = fmpq_get_str(NULL, 10, fmpq_mat_entry(GX, i, j));
                char * b = fmpq_get_str(NULL, 10, fmpq_mat_entry(GY, i, j));

                rc = lc_err_set(err, LC_E_ARG, "orthogonal_from_gram: X^T X != Y^T Y: entry "
                                "(%ld, %ld) is %s for X and %s for Y", (long) i + 1,
                                (long) j + 1, a, b);
                flint_free(a);
                flint_free(b);
            }
    fmpq_mat_clear(GX);
    fmpq_mat_clear(GY);
    if (rc != LC_OK)
        return rc;

    /* r independent columns J of Y.  Because the Gram matrices agree,
       |X c|^2 = c^T (X^T X) c = c^T (Y^T Y) c = |Y c|^2 for every c, so
       X c = 0 exactly when Y c = 0: X and Y have the same kernel, i.e. the
       same linear relations among their columns.  Hence X_J is independent
       too, and Y = Y_J C, X = X_J C with the same C; a Q with Q Y_J = X_J
       therefore gives Q Y = X. */
    J = flint_malloc(sizeof(slong) * FLINT_MAX(n, 1));
    r = _independent_columns(J, Y);
    if (r == 0)
    {
        /* Y = 0, so X = 0 (|X e_j|^2 = 0), and every orthogonal Q works. */
        lc_ball_resize(Q, d, d);
        arb_mat_one(Q);
        flint_free(J);
        return LC_OK;
    }

    /* Full QRs X_J = Q_X R_X, Y_J = Q_Y R_Y with positive diagonals in R.  The
       top r x r blocks satisfy R_X^T R_X = X_J^T X_J = Y_J^T Y_J = R_Y^T R_Y,
       a positive definite matrix, and its Cholesky factor with positive
       diagonal is unique, so R_X = R_Y =: R exactly and the rows below r are
       zero.  Then Q = Q_X Q_Y^T gives Q Y_J = Q_X [R; 0] = X_J, and Q is
       orthogonal.  In balls: each normalised Q factor contains the exact one
       (see _householder_qr; the sign tests are certified, so the exact path
       makes the same choices), hence the ball product contains an exactly
       orthogonal Q with Q Y = X. */
    fmpq_mat_init(XJ, d, r);
    fmpq_mat_init(YJ, d, r);
    _columns(XJ, X, J, r);
    _columns(YJ, Y, J, r);
    flint_free(J);
    arb_mat_init(QX, 0, 0);
    arb_mat_init(RX, 0, 0);
    arb_mat_init(QY, 0, 0);
    arb_mat_init(RY, 0, 0);
    rc = _normalised_q(QX, RX, XJ, "X", prec, err);
    if (rc == LC_OK)
        rc = _normalised_q(QY, RY, YJ, "Y", prec, err);
    if (rc == LC_OK)
    {
        arb_mat_init(QYt, d, d);
        arb_mat_transpose(QYt, QY);
        lc_ball_resize(Q, d, d);
        arb_mat_mul(Q, QX, QYt, prec);
        arb_mat_clear(QYt);
    }
    fmpq_mat_clear(XJ);
    fmpq_mat_clear(YJ);
    arb_mat_clear(QX);
    arb_mat_clear(RX);
    arb_mat_clear(QY);
    arb_mat_clear(RY);
    return rc;
}

int
lc_ball_orthogonality_defect(mag_t b, const arb_mat_t Q, slong prec)
{
    slong n = arb_mat_nrows(Q), i;
    arb_mat_t Qt, P;

    if (arb_mat_ncols(Q) != n)
    {
        mag_inf(b);
        return LC_E_DIM;
    }
    arb_mat_init(Qt, n, n);
    arb_mat_init(P, n, n);
    arb_mat_transpose(Qt, Q);
    arb_mat_mul(P, Qt, Q, prec);
    for (i = 0; i < n; i++)
        arb_sub_ui(arb_mat_entry(P, i, i), arb_mat_entry(P, i, i), 1, prec);
    lc_ball_bound_max_entry(b, P);
    arb_mat_clear(Qt);
    arb_mat_clear(P);
    return LC_OK;
}

int
lc_ball_max_abs_diff(mag_t b, const arb_mat_t A, const fmpq_mat_t B, slong prec)
{
    slong i, j;
    arb_t t;
    mag_t u;

    if (arb_mat_nrows(A) != fmpq_mat_nrows(B) || arb_mat_ncols(A) != fmpq_mat_ncols(B))
    {
        mag_inf(b);
        return LC_E_DIM;
    }
    arb_init(t);
    mag_init(u);
    mag_zero(b);
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
        {
            /* the ball of b_ij contains b_ij, so the difference ball contains
               a_ij - b_ij for every a_ij in its ball */
            arb_set_fmpq(t, fmpq_mat_entry(B, i, j), prec);
            arb_sub(t, arb_mat_entry(A, i, j), t, prec);
            arb_get_mag(u, t);
            mag_max(b, b, u);
        }
    arb_clear(t);
    mag_clear(u);
    return LC_OK;
}
