/* test_ball.c -- unit tests for lib/ball_qr: certified solve and inverse,
 * Householder QR, and the orthogonal matrix between two configurations with
 * the same Gram matrix.
 *
 * Expected values come from mathematics stated next to them (hand inverses,
 * exact rational orthogonal matrices built as Cayley transforms and checked
 * exactly); none was copied from liecheck's own output.  A ball "contains" a
 * rational matrix when every entry lies in the corresponding entry ball. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "qmat.h"
#include "ball.h"

/* ------------------------------------------------------------------ helpers */

static void
qparse(fmpq_mat_t Q, const char * s)
{
    lc_err_t err;

    lc_err_init(err);
    ck_assert_msg(lc_qmat_parse(Q, s, err) == LC_OK, "parse of %s: %s", s, err->msg);
}

static void
qset(arb_mat_t A, const char * s, slong prec)
{
    fmpq_mat_t Q;

    fmpq_mat_init(Q, 0, 0);
    qparse(Q, s);
    lc_ball_set_qmat(A, Q, prec);
    fmpq_mat_clear(Q);
}

static void
assert_contains(const arb_mat_t A, const fmpq_mat_t B, const char * what)
{
    char * a, * b;

    if (lc_ball_contains_qmat(A, B))
        return;
    a = lc_ball_get_str(A, 20);
    b = lc_qmat_get_str(B);
    ck_abort_msg("%s: %s does not contain %s", what, a, b);
    flint_free(a);
    flint_free(b);
}

static void
assert_contains_str(const arb_mat_t A, const char * s, const char * what)
{
    fmpq_mat_t B;

    fmpq_mat_init(B, 0, 0);
    qparse(B, s);
    assert_contains(A, B, what);
    fmpq_mat_clear(B);
}

/* Q^T Q contains the identity. */
static void
assert_orthogonal_enclosure(const arb_mat_t Q, slong prec)
{
    arb_mat_t Qt, P;
    fmpq_mat_t I;

    arb_mat_init(Qt, arb_mat_ncols(Q), arb_mat_nrows(Q));
    arb_mat_init(P, arb_mat_ncols(Q), arb_mat_ncols(Q));
    fmpq_mat_init(I, 0, 0);
    arb_mat_transpose(Qt, Q);
    arb_mat_mul(P, Qt, Q, prec);
    lc_qmat_eye(I, arb_mat_ncols(Q));
    assert_contains(P, I, "Q^T Q");
    arb_mat_clear(Qt);
    arb_mat_clear(P);
    fmpq_mat_clear(I);
}

/* Q Y (Y exact, as a ball at prec) contains X. */
static void
assert_maps(const arb_mat_t Q, const fmpq_mat_t Y, const fmpq_mat_t X, slong prec)
{
    arb_mat_t Yb, QY;

    arb_mat_init(Yb, 0, 0);
    arb_mat_init(QY, arb_mat_nrows(Q), fmpq_mat_ncols(Y));
    lc_ball_set_qmat(Yb, Y, prec);
    arb_mat_mul(QY, Q, Yb, prec);
    assert_contains(QY, X, "Q Y");
    arb_mat_clear(Yb);
    arb_mat_clear(QY);
}

/* An upper bound for the deviation of Q from "orthogonal with Q Y = X". */
static void
gram_q_bound(mag_t b, const arb_mat_t Q, const fmpq_mat_t Y, const fmpq_mat_t X, slong prec)
{
    arb_mat_t Yb, QY;
    mag_t t;

    arb_mat_init(Yb, 0, 0);
    arb_mat_init(QY, arb_mat_nrows(Q), fmpq_mat_ncols(Y));
    mag_init(t);
    lc_ball_set_qmat(Yb, Y, prec);
    arb_mat_mul(QY, Q, Yb, prec);
    ck_assert_int_eq(lc_ball_max_abs_diff(b, QY, X, prec), LC_OK);
    ck_assert_int_eq(lc_ball_orthogonality_defect(t, Q, prec), LC_OK);
    mag_max(b, b, t);
    lc_ball_max_radius(t, Q);
    mag_max(b, b, t);
    arb_mat_clear(Yb);
    arb_mat_clear(QY);
    mag_clear(t);
}

/* P := (I - S)(I + S)^-1, an exact rational orthogonal matrix for skew S
   (I + S is invertible since S has imaginary spectrum); checked exactly. */
static void
cayley(fmpq_mat_t P, const char * skew)
{
    fmpq_mat_t S, I, A, B, Pt, PtP;
    lc_err_t err;
    slong n;

    fmpq_mat_init(S, 0, 0);
    qparse(S, skew);
    n = fmpq_mat_nrows(S);
    fmpq_mat_init(I, 0, 0);
    fmpq_mat_init(A, n, n);
    fmpq_mat_init(B, n, n);
    fmpq_mat_init(Pt, n, n);
    fmpq_mat_init(PtP, n, n);
    lc_qmat_eye(I, n);
    lc_err_init(err);
    fmpq_mat_sub(A, I, S);
    fmpq_mat_add(B, I, S);
    ck_assert_int_eq(lc_qmat_inv(Pt, B, err), LC_OK);
    lc_qmat_resize(P, n, n);
    fmpq_mat_mul(P, A, Pt);
    fmpq_mat_transpose(Pt, P);
    fmpq_mat_mul(PtP, Pt, P);
    ck_assert(fmpq_mat_equal(PtP, I));
    fmpq_mat_clear(S);
    fmpq_mat_clear(I);
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(Pt);
    fmpq_mat_clear(PtP);
}

/* Run orthogonal_from_gram on X = P Y and check the certificate. */
static void
check_gram_q(const fmpq_mat_t P, const fmpq_mat_t Y, slong prec, int unique)
{
    fmpq_mat_t X;
    arb_mat_t Q;
    lc_err_t err;
    mag_t b;
    int rc;

    fmpq_mat_init(X, fmpq_mat_nrows(Y), fmpq_mat_ncols(Y));
    arb_mat_init(Q, 0, 0);
    mag_init(b);
    lc_err_init(err);
    fmpq_mat_mul(X, P, Y);
    rc = lc_ball_orthogonal_from_gram(Q, X, Y, prec, err);
    ck_assert_msg(rc == LC_OK, "orthogonal_from_gram failed (%d): %s", rc, err->msg);
    ck_assert_int_eq(arb_mat_nrows(Q), fmpq_mat_nrows(Y));
    ck_assert_int_eq(arb_mat_ncols(Q), fmpq_mat_nrows(Y));
    assert_maps(Q, Y, X, prec);
    assert_orthogonal_enclosure(Q, prec);
    /* when Y has full row rank, Q Y = X forces Q = P */
    if (unique)
        assert_contains(Q, P, "Q against the unique solution P");
    lc_ball_max_radius(b, Q);
    ck_assert_msg(mag_cmp_2exp_si(b, -(prec - 20)) < 0, "radius %g too large", mag_get_d(b));
    gram_q_bound(b, Q, Y, X, prec);
    ck_assert_msg(mag_cmp_2exp_si(b, -(prec - 20)) < 0, "bound %g too large", mag_get_d(b));
    fmpq_mat_clear(X);
    arb_mat_clear(Q);
    mag_clear(b);
}

static const char * skew3 = "[[0, 1, -2], [-1, 0, 3], [2, -3, 0]]";

/* ------------------------------------------------------------ solve and inv */

START_TEST(solve_and_inverse_contain_the_hand_computed_answers)
{
    arb_mat_t A, B, X;
    lc_err_t err;

    arb_mat_init(A, 0, 0);
    arb_mat_init(B, 0, 0);
    arb_mat_init(X, 0, 0);
    lc_err_init(err);

    /* [[2, 1], [1, 3]] x = (1, 2): det 5, x = (3 - 2, -1 + 4) / 5 */
    qset(A, "[[2, 1], [1, 3]]", 128);
    qset(B, "[[1], [2]]", 128);
    ck_assert_int_eq(lc_ball_solve(X, A, B, 128, err), LC_OK);
    assert_contains_str(X, "[[1/5], [3/5]]", "solve");

    /* [[4, 7], [2, 6]]^-1 = [[6, -7], [-2, 4]] / 10 */
    qset(A, "[[4, 7], [2, 6]]", 128);
    ck_assert_int_eq(lc_ball_inv(X, A, 128, err), LC_OK);
    assert_contains_str(X, "[[3/5, -7/10], [-1/5, 2/5]]", "inv 2x2");

    /* the inverse of a unipotent Jordan-like block (multiply out to check);
       also in place */
    qset(A, "[[1, 1, 0], [0, 1, 1], [0, 0, 1]]", 64);
    ck_assert_int_eq(lc_ball_inv(A, A, 64, err), LC_OK);
    assert_contains_str(A, "[[1, -1, 1], [0, 1, -1], [0, 0, 1]]", "inv 3x3 in place");

    /* 1/3 is not dyadic: the ball of [[3]] is exact but the answer is not */
    qset(A, "[[3, 0], [0, 1/3]]", 200);
    qset(B, "[[1, 1], [1, 0]]", 200);
    ck_assert_int_eq(lc_ball_solve(B, A, B, 200, err), LC_OK);
    assert_contains_str(B, "[[1/3, 1/3], [3, 0]]", "solve aliasing B");

    arb_mat_clear(A);
    arb_mat_clear(B);
    arb_mat_clear(X);
}
END_TEST

START_TEST(singular_and_uncertain_matrices_are_refused_with_singular)
{
    arb_mat_t A, B, X;
    lc_err_t err;

    arb_mat_init(A, 0, 0);
    arb_mat_init(B, 0, 0);
    arb_mat_init(X, 0, 0);
    lc_err_init(err);

    /* rank 1 */
    qset(A, "[[1, 2], [2, 4]]", 128);
    qset(B, "[[1], [1]]", 128);
    ck_assert_int_eq(lc_ball_solve(X, A, B, 128, err), LC_E_SINGULAR);
    ck_assert_msg(strstr(err->msg, "not certainly invertible at 128 bits") != NULL, "%s", err->msg);
    lc_err_init(err);
    ck_assert_int_eq(lc_ball_inv(X, A, 128, err), LC_E_SINGULAR);
    ck_assert_msg(strstr(err->msg, "not certainly invertible at 128 bits") != NULL, "%s", err->msg);

    /* the ball [[1, 1], [1, 1 +/- 1/2]] contains the singular all-ones matrix */
    qset(A, "[[1, 1], [1, 1]]", 128);
    arb_add_error_2exp_si(arb_mat_entry(A, 1, 1), -1);
    ck_assert_int_eq(lc_ball_inv(X, A, 128, err), LC_E_SINGULAR);

    /* shapes */
    qset(A, "[[1, 2, 3], [4, 5, 6]]", 64);
    ck_assert_int_eq(lc_ball_inv(X, A, 64, err), LC_E_DIM);
    ck_assert_int_eq(lc_ball_solve(X, A, B, 64, err), LC_E_DIM);
    qset(A, "[[1, 0], [0, 1]]", 64);
    qset(B, "[[1], [2], [3]]", 64);
    ck_assert_int_eq(lc_ball_solve(X, A, B, 64, err), LC_E_DIM);

    arb_mat_clear(A);
    arb_mat_clear(B);
    arb_mat_clear(X);
}
END_TEST

/* -------------------------------------------------------------------- QR */

/* Q R contains A, Q^T Q contains I, the entries of R below the diagonal
   contain 0, R^T R contains A^T A. */
static void
check_qr(arb_mat_t Q, arb_mat_t R, const char * a, slong prec)
{
    fmpq_mat_t A, At, G;
    arb_mat_t Ab, QR, Rt, RtR;
    lc_err_t err;
    slong i, j, m, n;
    mag_t b;

    fmpq_mat_init(A, 0, 0);
    qparse(A, a);
    m = fmpq_mat_nrows(A);
    n = fmpq_mat_ncols(A);
    fmpq_mat_init(At, n, m);
    fmpq_mat_init(G, n, n);
    arb_mat_init(Ab, 0, 0);
    arb_mat_init(QR, m, n);
    arb_mat_init(Rt, n, m);
    arb_mat_init(RtR, n, n);
    mag_init(b);
    lc_err_init(err);

    lc_ball_set_qmat(Ab, A, prec);
    ck_assert_int_eq(lc_ball_householder_qr(Q, R, Ab, prec, err), LC_OK);
    ck_assert_int_eq(arb_mat_nrows(Q), m);
    ck_assert_int_eq(arb_mat_ncols(Q), m);
    ck_assert_int_eq(arb_mat_nrows(R), m);
    ck_assert_int_eq(arb_mat_ncols(R), n);
    arb_mat_mul(QR, Q, R, prec);
    assert_contains(QR, A, "Q R");
    assert_orthogonal_enclosure(Q, prec);
    for (i = 0; i < m; i++)
        for (j = 0; j < i && j < n; j++)
            ck_assert_msg(arb_contains_zero(arb_mat_entry(R, i, j)), "R[%ld][%ld] excludes 0",
                          (long) i, (long) j);
    fmpq_mat_transpose(At, A);
    fmpq_mat_mul(G, At, A);
    arb_mat_transpose(Rt, R);
    arb_mat_mul(RtR, Rt, R, prec);
    assert_contains(RtR, G, "R^T R");
    lc_ball_max_radius(b, Q);
    ck_assert(mag_cmp_2exp_si(b, -(prec - 20)) < 0);
    lc_ball_max_radius(b, R);
    ck_assert(mag_cmp_2exp_si(b, -(prec - 20)) < 0);

    fmpq_mat_clear(A);
    fmpq_mat_clear(At);
    fmpq_mat_clear(G);
    arb_mat_clear(Ab);
    arb_mat_clear(QR);
    arb_mat_clear(Rt);
    arb_mat_clear(RtR);
    mag_clear(b);
}

START_TEST(qr_of_a_rational_4x3_is_an_orthogonal_triangular_factorisation)
{
    arb_mat_t Q, R;
    fmpq_t t;

    arb_mat_init(Q, 0, 0);
    arb_mat_init(R, 0, 0);
    fmpq_init(t);
    check_qr(Q, R, "[[1, 2, 0], [2, 0, 1/2], [2, 1, 3], [0, 2/3, 1]]", 128);
    /* the first column (1, 2, 2, 0) has norm 3 and a positive first entry,
       so the reflection v = x + |x| e_1 sends it to -3 e_1 */
    fmpq_set_si(t, -3, 1);
    ck_assert(arb_contains_fmpq(arb_mat_entry(R, 0, 0), t));
    arb_mat_clear(Q);
    arb_mat_clear(R);
    fmpq_clear(t);
}
END_TEST

START_TEST(qr_of_a_rank_deficient_3x3_skips_the_zero_column)
{
    arb_mat_t Q, R;
    fmpq_t t;

    arb_mat_init(Q, 0, 0);
    arb_mat_init(R, 0, 0);
    fmpq_init(t);
    /* column 2 is twice column 1 = (1, 2, 2): after the first reflection
       (which sends column 1 to -3 e_1 and hence column 2 to -6 e_1) the rest
       of column 2 is exactly zero, R[1][1] = 0 and step 2 is skipped */
    check_qr(Q, R, "[[1, 2, 0], [2, 4, 1], [2, 4, 3]]", 128);
    fmpq_set_si(t, -3, 1);
    ck_assert(arb_contains_fmpq(arb_mat_entry(R, 0, 0), t));
    fmpq_set_si(t, -6, 1);
    ck_assert(arb_contains_fmpq(arb_mat_entry(R, 0, 1), t));
    ck_assert(arb_contains_zero(arb_mat_entry(R, 1, 1)));
    /* a zero matrix and shapes with m = 1 or n = 0 */
    check_qr(Q, R, "[[0, 0], [0, 0], [0, 0]]", 64);
    check_qr(Q, R, "[[3, -4, 5]]", 64);
    check_qr(Q, R, "[[1/3], [2/3], [-2/3]]", 64);
    arb_mat_clear(Q);
    arb_mat_clear(R);
    fmpq_clear(t);
}
END_TEST

START_TEST(qr_refuses_the_same_matrix_for_q_and_r)
{
    arb_mat_t A;
    lc_err_t err;

    arb_mat_init(A, 0, 0);
    lc_err_init(err);
    qset(A, "[[1, 2], [3, 4]]", 64);
    ck_assert_int_eq(lc_ball_householder_qr(A, A, A, 64, err), LC_E_ARG);
    arb_mat_clear(A);
}
END_TEST

/* ---------------------------------------------------------- Gram -> Q */

START_TEST(gram_q_maps_a_random_3x2_configuration_onto_its_rotation)
{
    fmpq_mat_t P, Y;
    flint_rand_t st;

    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(Y, 0, 0);
    flint_randinit(st);
    lc_rand_seed(st, 7);
    cayley(P, skew3);
    lc_qmat_rand(Y, 3, 2, st, 9);
    ck_assert_int_eq(lc_qmat_rank(Y), 2);
    check_gram_q(P, Y, 256, 0);
    /* a square invertible Y determines Q: it must contain P */
    lc_qmat_rand(Y, 3, 3, st, 9);
    ck_assert_int_eq(lc_qmat_rank(Y), 3);
    check_gram_q(P, Y, 256, 1);
    flint_randclear(st);
    fmpq_mat_clear(P);
    fmpq_mat_clear(Y);
}
END_TEST

START_TEST(gram_q_handles_rank_deficient_configurations)
{
    fmpq_mat_t P, Y;

    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(Y, 0, 0);
    cayley(P, skew3);
    /* column 3 = column 1 + column 2: rank 2 */
    qparse(Y, "[[1, 2, 3], [0, 1, 1], [1, 0, 1]]");
    ck_assert_int_eq(lc_qmat_rank(Y), 2);
    check_gram_q(P, Y, 256, 0);
    /* a zero first column and rank 1: the independent column is not the first */
    qparse(Y, "[[0, 1, 2], [0, 2, 4], [0, -1, -2]]");
    check_gram_q(P, Y, 256, 0);
    /* rank 0: every orthogonal Q maps Y = 0 to X = 0; the identity is returned */
    qparse(Y, "[[0, 0], [0, 0], [0, 0]]");
    check_gram_q(P, Y, 256, 0);
    /* n = 0 columns */
    lc_qmat_zeros(Y, 3, 0);
    check_gram_q(P, Y, 64, 0);
    fmpq_mat_clear(P);
    fmpq_mat_clear(Y);
}
END_TEST

START_TEST(gram_q_handles_more_tokens_than_dimensions)
{
    fmpq_mat_t P, Y, Pexp;

    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(Y, 0, 0);
    fmpq_mat_init(Pexp, 0, 0);
    /* S = [[0, 2], [-2, 0]]: (I - S)(I + S)^-1 = [[1, -2], [2, 1]]^2 / 5 */
    cayley(P, "[[0, 2], [-2, 0]]");
    qparse(Pexp, "[[-3/5, -4/5], [4/5, -3/5]]");
    ck_assert(fmpq_mat_equal(P, Pexp));
    qparse(Y, "[[1, 2, 0, -1], [3, 1, 1, 2]]");
    check_gram_q(P, Y, 256, 1);
    /* rank 1 with n > d */
    qparse(Y, "[[1, -2, 3], [2, -4, 6]]");
    check_gram_q(P, Y, 256, 0);
    /* d = 1: X = -Y forces Q = [[-1]] */
    qparse(P, "[[-1]]");
    qparse(Y, "[[2, -4, 1/3]]");
    check_gram_q(P, Y, 128, 1);
    fmpq_mat_clear(P);
    fmpq_mat_clear(Y);
    fmpq_mat_clear(Pexp);
}
END_TEST

START_TEST(gram_q_refuses_different_grams_and_shapes)
{
    fmpq_mat_t X, Y;
    arb_mat_t Q;
    lc_err_t err;

    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(Y, 0, 0);
    arb_mat_init(Q, 0, 0);
    lc_err_init(err);

    /* X^T X = I but Y^T Y = diag(1, 4): first difference at (2, 2) */
    qparse(X, "[[1, 0], [0, 1], [0, 0]]");
    qparse(Y, "[[1, 0], [0, 2], [0, 0]]");
    ck_assert_int_eq(lc_ball_orthogonal_from_gram(Q, X, Y, 128, err), LC_E_ARG);
    ck_assert_msg(strstr(err->msg, "(2, 2) is 1 for X and 4 for Y") != NULL, "%s", err->msg);

    /* equal column norms, different angle: x1.x2 = 0 but y1.y2 = 1/2 */
    qparse(X, "[[1, 0], [0, 1]]");
    qparse(Y, "[[1, 1/2], [0, 3/4]]");
    ck_assert_int_eq(lc_ball_orthogonal_from_gram(Q, X, Y, 128, err), LC_E_ARG);
    ck_assert_msg(strstr(err->msg, "(1, 2) is 0 for X and 1/2 for Y") != NULL, "%s", err->msg);

    /* X = 0 but Y != 0 */
    qparse(X, "[[0], [0]]");
    qparse(Y, "[[0], [1]]");
    ck_assert_int_eq(lc_ball_orthogonal_from_gram(Q, X, Y, 128, err), LC_E_ARG);

    /* shapes */
    qparse(X, "[[1, 0, 0], [0, 1, 0]]");
    qparse(Y, "[[1, 0], [0, 1], [0, 0]]");
    ck_assert_int_eq(lc_ball_orthogonal_from_gram(Q, X, Y, 128, err), LC_E_DIM);

    fmpq_mat_clear(X);
    fmpq_mat_clear(Y);
    arb_mat_clear(Q);
}
END_TEST

START_TEST(gram_q_reports_a_precision_limit_and_succeeds_higher)
{
    fmpq_mat_t Y, I;
    arb_mat_t Q;
    lc_err_t err;

    fmpq_mat_init(Y, 0, 0);
    fmpq_mat_init(I, 0, 0);
    arb_mat_init(Q, 0, 0);
    lc_err_init(err);
    /* Y = P0 [[1, 1], [0, 2^-100]] with P0 = [[3/5, -4/5], [4/5, 3/5]]:
       independent, but R[2][2] = 2^-100 is below the 64-bit rounding of the
       non-dyadic first reflection, so its sign cannot be certified there */
    qparse(Y, "[[3/5, 3/5], [4/5, 4/5]]");
    {
        fmpq_t e, t;

        fmpq_init(e);
        fmpq_init(t);
        fmpq_set_si(e, 1, 1);
        fmpz_mul_2exp(fmpq_denref(e), fmpq_denref(e), 100);  /* e = 2^-100 */
        fmpq_set_si(t, -4, 5);
        fmpq_addmul(fmpq_mat_entry(Y, 0, 1), t, e);
        fmpq_set_si(t, 3, 5);
        fmpq_addmul(fmpq_mat_entry(Y, 1, 1), t, e);
        fmpq_clear(e);
        fmpq_clear(t);
    }
    ck_assert_int_eq(lc_ball_orthogonal_from_gram(Q, Y, Y, 64, err), LC_E_LIMIT);
    ck_assert_msg(strstr(err->msg, "64 bits") != NULL, "%s", err->msg);
    lc_err_init(err);
    ck_assert_int_eq(lc_ball_orthogonal_from_gram(Q, Y, Y, 256, err), LC_OK);
    /* Y is invertible, so Q Y = Y forces Q = I */
    lc_qmat_eye(I, 2);
    assert_contains(Q, I, "Q for X = Y");
    fmpq_mat_clear(Y);
    fmpq_mat_clear(I);
    arb_mat_clear(Q);
}
END_TEST

START_TEST(gram_q_bound_falls_with_precision)
{
    fmpq_mat_t P, Y, X;
    arb_mat_t Q;
    lc_err_t err;
    mag_t b64, b256, b1024;

    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(Y, 0, 0);
    fmpq_mat_init(X, 3, 3);
    arb_mat_init(Q, 0, 0);
    mag_init(b64);
    mag_init(b256);
    mag_init(b1024);
    lc_err_init(err);
    cayley(P, skew3);
    qparse(Y, "[[1, 2, 3], [0, 1, 1], [1, 0, 1]]");
    fmpq_mat_mul(X, P, Y);
    ck_assert_int_eq(lc_ball_orthogonal_from_gram(Q, X, Y, 64, err), LC_OK);
    gram_q_bound(b64, Q, Y, X, 64);
    ck_assert_int_eq(lc_ball_orthogonal_from_gram(Q, X, Y, 256, err), LC_OK);
    gram_q_bound(b256, Q, Y, X, 256);
    ck_assert_int_eq(lc_ball_orthogonal_from_gram(Q, X, Y, 1024, err), LC_OK);
    gram_q_bound(b1024, Q, Y, X, 1024);
    ck_assert(mag_cmp(b256, b64) < 0);
    ck_assert(mag_cmp(b1024, b256) < 0);
    /* b1024 * 2^800 < b64 */
    mag_mul_2exp_si(b1024, b1024, 800);
    ck_assert(mag_cmp(b1024, b64) < 0);
    ck_assert(mag_cmp_2exp_si(b64, -40) < 0);
    fmpq_mat_clear(P);
    fmpq_mat_clear(Y);
    fmpq_mat_clear(X);
    arb_mat_clear(Q);
    mag_clear(b64);
    mag_clear(b256);
    mag_clear(b1024);
}
END_TEST

START_TEST(defect_and_difference_bounds_are_upper_bounds)
{
    arb_mat_t A;
    fmpq_mat_t B;
    mag_t b;

    arb_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    mag_init(b);
    /* [[3/5, -4/5], [4/5, 3/5]] is exactly orthogonal; at 64 bits the
       defect is a rounding-size bound */
    qset(A, "[[3/5, -4/5], [4/5, 3/5]]", 64);
    ck_assert_int_eq(lc_ball_orthogonality_defect(b, A, 64), LC_OK);
    ck_assert(mag_cmp_2exp_si(b, -55) < 0);
    /* [[1, 1], [0, 1]]: Q^T Q - I = [[0, 1], [1, 1]], max 1 */
    qset(A, "[[1, 1], [0, 1]]", 64);
    ck_assert_int_eq(lc_ball_orthogonality_defect(b, A, 64), LC_OK);
    ck_assert_msg(mag_cmp_2exp_si(b, 0) >= 0 && mag_get_d(b) < 1 + 1e-6, "%.17g", mag_get_d(b));
    /* |[[1, 1], [0, 1]] - [[1, -1/2], [0, 1]]| has max 3/2 */
    qparse(B, "[[1, -1/2], [0, 1]]");
    ck_assert_int_eq(lc_ball_max_abs_diff(b, A, B, 64), LC_OK);
    ck_assert(mag_get_d(b) >= 1.5 && mag_get_d(b) < 1.5 * (1 + 1e-6));
    /* shapes */
    qparse(B, "[[1, 2]]");
    ck_assert_int_eq(lc_ball_max_abs_diff(b, A, B, 64), LC_E_DIM);
    ck_assert(mag_is_inf(b));
    qset(A, "[[1, 2]]", 64);
    ck_assert_int_eq(lc_ball_orthogonality_defect(b, A, 64), LC_E_DIM);
    ck_assert(mag_is_inf(b));
    arb_mat_clear(A);
    fmpq_mat_clear(B);
    mag_clear(b);
}
END_TEST

/* ------------------------------------------------- entrywise, exact values */

START_TEST(hadamard_and_ediv_enclose_the_exact_entrywise_results)
{
    arb_mat_t A, B, C;
    fmpq_mat_t E;
    lc_err_t err;
    slong i, j;

    arb_mat_init(A, 0, 0);
    arb_mat_init(B, 0, 0);
    arb_mat_init(C, 0, 0);
    fmpq_mat_init(E, 0, 0);
    /* dyadic entries: the products are exact at 64 bits, radius 0 */
    qset(A, "[[1, 2], [3, -4]]", 64);
    qset(B, "[[5, 1/2], [-1, 0]]", 64);
    ck_assert_int_eq(lc_ball_hadamard(C, A, B, 64, err), LC_OK);
    qparse(E, "[[5, 1], [-3, 0]]");
    for (i = 0; i < 2; i++)
        for (j = 0; j < 2; j++)
            ck_assert(arb_is_exact(arb_mat_entry(C, i, j)));
    assert_contains(C, E, "hadamard of dyadics");
    /* 1/3 and 1/7 are balls at 64 bits: (1/3)(1/7) = 1/21, (1/3)/(1/7) = 7/3 */
    qset(A, "[[1/3, 2]]", 64);
    qset(B, "[[1/7, -3]]", 64);
    ck_assert_int_eq(lc_ball_hadamard(C, A, B, 64, err), LC_OK);
    assert_contains_str(C, "[[1/21, -6]]", "hadamard of balls");
    ck_assert_int_eq(lc_ball_ediv(C, A, B, 64, err), LC_OK);
    assert_contains_str(C, "[[7/3, -2/3]]", "ediv of balls");
    /* and tight: inputs with radius about 2^-66 give a radius below 2^-55 */
    ck_assert(mag_cmp_2exp_si(arb_radref(arb_mat_entry(C, 0, 0)), -55) < 0);
    /* in place, C := C o C */
    ck_assert_int_eq(lc_ball_hadamard(C, C, C, 64, err), LC_OK);
    assert_contains_str(C, "[[49/9, 4/9]]", "in-place hadamard");
    arb_mat_clear(A);
    arb_mat_clear(B);
    arb_mat_clear(C);
    fmpq_mat_clear(E);
}
END_TEST

START_TEST(ediv_refuses_a_divisor_ball_that_contains_zero)
{
    arb_mat_t A, B, C;
    lc_err_t err;

    arb_mat_init(A, 0, 0);
    arb_mat_init(B, 0, 0);
    arb_mat_init(C, 0, 0);
    qset(A, "[[1, 2], [3, 4]]", 64);
    qset(B, "[[1, 2], [3, 4]]", 64);
    /* [0 +/- 2^-30] at (1, 2): not certainly nonzero */
    arb_zero(arb_mat_entry(B, 0, 1));
    mag_set_ui_2exp_si(arb_radref(arb_mat_entry(B, 0, 1)), 1, -30);
    qset(C, "[[9]]", 64);
    ck_assert_int_eq(lc_ball_ediv(C, A, B, 64, err), LC_E_DOMAIN);
    ck_assert_msg(strstr(err->msg, "entry (1, 2)") != NULL, "%s", err->msg);
    assert_contains_str(C, "[[9]]", "C untouched");
    /* a divisor ball beside 0 is fine: [1 +/- 1/2] */
    mag_set_ui_2exp_si(arb_radref(arb_mat_entry(B, 0, 0)), 1, -1);
    arb_one(arb_mat_entry(B, 0, 1));
    ck_assert_int_eq(lc_ball_ediv(C, A, B, 64, err), LC_OK);
    assert_contains_str(C, "[[1, 2], [1, 1]]", "ediv");
    assert_contains_str(C, "[[2, 2], [1, 1]]", "1 / [1/2, 3/2] reaches 2");
    qset(B, "[[1, 2]]", 64);
    ck_assert_int_eq(lc_ball_ediv(C, A, B, 64, err), LC_E_DIM);
    ck_assert_int_eq(lc_ball_hadamard(C, A, B, 64, err), LC_E_DIM);
    arb_mat_clear(A);
    arb_mat_clear(B);
    arb_mat_clear(C);
}
END_TEST

START_TEST(arf_get_fmpq_is_exact_and_refuses_infinities_and_giants)
{
    arf_t x;
    fmpq_t q, e;
    lc_err_t err;

    arf_init(x);
    fmpq_init(q);
    fmpq_init(e);
    /* 3/8 and -5 * 2^-100 are dyadic: their rationals are exact */
    arf_set_si_2exp_si(x, 3, -3);
    ck_assert_int_eq(lc_ball_arf_get_fmpq(q, x, err), LC_OK);
    fmpq_set_si(e, 3, 8);
    ck_assert(fmpq_equal(q, e));
    arf_set_si_2exp_si(x, -5, -100);
    ck_assert_int_eq(lc_ball_arf_get_fmpq(q, x, err), LC_OK);
    fmpz_set_si(fmpq_numref(e), -5);
    fmpz_one(fmpq_denref(e));
    fmpz_mul_2exp(fmpq_denref(e), fmpq_denref(e), 100);
    ck_assert(fmpq_equal(q, e));
    arf_zero(x);
    fmpq_set_si(q, 1, 2);
    ck_assert_int_eq(lc_ball_arf_get_fmpq(q, x, err), LC_OK);
    ck_assert(fmpq_is_zero(q));
    /* the largest accepted exponent: 2^(LC_BALL_EXACT_MAX_EXP - 1) */
    arf_one(x);
    arf_mul_2exp_si(x, x, LC_BALL_EXACT_MAX_EXP - 1);
    ck_assert_int_eq(lc_ball_arf_get_fmpq(q, x, err), LC_OK);
    ck_assert(fmpz_is_one(fmpq_denref(q)));
    ck_assert_int_eq(fmpz_bits(fmpq_numref(q)), LC_BALL_EXACT_MAX_EXP);
    /* one more bit, or as small the other way: an error, q = 0 */
    arf_mul_2exp_si(x, x, 1);
    ck_assert_int_eq(lc_ball_arf_get_fmpq(q, x, err), LC_E_LIMIT);
    ck_assert(fmpq_is_zero(q));
    arf_one(x);
    arf_mul_2exp_si(x, x, -LC_BALL_EXACT_MAX_EXP - 1);
    ck_assert_int_eq(lc_ball_arf_get_fmpq(q, x, err), LC_E_LIMIT);
    /* far beyond Arb's own range for arf_get_fmpq (which would abort) */
    arf_one(x);
    arf_mul_2exp_si(x, x, WORD(1) << 62);
    ck_assert_int_eq(lc_ball_arf_get_fmpq(q, x, err), LC_E_LIMIT);
    /* not finite: an error that says so, never 0 */
    arf_pos_inf(x);
    fmpq_set_si(q, 1, 2);
    ck_assert_int_eq(lc_ball_arf_get_fmpq(q, x, err), LC_E_DOMAIN);
    ck_assert_msg(strstr(err->msg, "not finite") != NULL, "%s", err->msg);
    ck_assert(fmpq_is_zero(q));
    arf_neg_inf(x);
    ck_assert_int_eq(lc_ball_arf_get_fmpq(q, x, err), LC_E_DOMAIN);
    arf_nan(x);
    ck_assert_int_eq(lc_ball_arf_get_fmpq(q, x, err), LC_E_DOMAIN);
    ck_assert_msg(strstr(err->msg, "not finite") != NULL, "%s", err->msg);
    arf_clear(x);
    fmpq_clear(q);
    fmpq_clear(e);
}
END_TEST

static Suite *
ball_suite(void)
{
    Suite * s = suite_create("ball");
    TCase * tc;

    tc = tcase_create("solve");
    tcase_add_test(tc, solve_and_inverse_contain_the_hand_computed_answers);
    tcase_add_test(tc, singular_and_uncertain_matrices_are_refused_with_singular);
    suite_add_tcase(s, tc);

    tc = tcase_create("qr");
    tcase_add_test(tc, qr_of_a_rational_4x3_is_an_orthogonal_triangular_factorisation);
    tcase_add_test(tc, qr_of_a_rank_deficient_3x3_skips_the_zero_column);
    tcase_add_test(tc, qr_refuses_the_same_matrix_for_q_and_r);
    suite_add_tcase(s, tc);

    tc = tcase_create("gram");
    tcase_add_test(tc, gram_q_maps_a_random_3x2_configuration_onto_its_rotation);
    tcase_add_test(tc, gram_q_handles_rank_deficient_configurations);
    tcase_add_test(tc, gram_q_handles_more_tokens_than_dimensions);
    tcase_add_test(tc, gram_q_refuses_different_grams_and_shapes);
    tcase_add_test(tc, gram_q_reports_a_precision_limit_and_succeeds_higher);
    tcase_add_test(tc, gram_q_bound_falls_with_precision);
    tcase_add_test(tc, defect_and_difference_bounds_are_upper_bounds);
    suite_add_tcase(s, tc);

    tc = tcase_create("entrywise");
    tcase_add_test(tc, hadamard_and_ediv_enclose_the_exact_entrywise_results);
    tcase_add_test(tc, ediv_refuses_a_divisor_ball_that_contains_zero);
    tcase_add_test(tc, arf_get_fmpq_is_exact_and_refuses_infinities_and_giants);
    suite_add_tcase(s, tc);

    return s;
}

int
main(void)
{
    SRunner * sr = srunner_create(ball_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    flint_cleanup();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
