/* test_equiv.c -- exact equivariance: Penrose identities, span splits, the
 * Householder certificate of Ma & Ying's Appendix A against hand-derived
 * vectors, the one-hot counterexample of their Section 3.2, the knowledge
 * form of Prop. 3.2, certified softmax, and the matrix helpers. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "qmat.h"
#include "ball.h"
#include "equiv.h"

static void
mk(fmpq_mat_t A, const char * s)
{
    lc_err_t err;
    ck_assert_msg(lc_qmat_parse(A, s, err) == LC_OK, "parse %s: %s", s, err->msg);
}

/* C := A B, by FLINT directly (not through liecheck). */
static void
mul(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B)
{
    fmpq_mat_t T;
    fmpq_mat_init(T, fmpq_mat_nrows(A), fmpq_mat_ncols(B));
    fmpq_mat_mul(T, A, B);
    fmpq_mat_swap(C, T);
    fmpq_mat_clear(T);
}

static void
tr(fmpq_mat_t B, const fmpq_mat_t A)
{
    fmpq_mat_t T;
    fmpq_mat_init(T, fmpq_mat_ncols(A), fmpq_mat_nrows(A));
    fmpq_mat_transpose(T, A);
    fmpq_mat_swap(B, T);
    fmpq_mat_clear(T);
}

static int
is_symmetric(const fmpq_mat_t A)
{
    fmpq_mat_t T;
    int ok;
    fmpq_mat_init(T, 0, 0);
    tr(T, A);
    ok = fmpq_mat_equal(T, A);
    fmpq_mat_clear(T);
    return ok;
}

/* The four Penrose identities, from their definitions. */
static void
check_penrose(const fmpq_mat_t X)
{
    fmpq_mat_t P, T, S;
    lc_err_t err;
    slong m = fmpq_mat_nrows(X), n = fmpq_mat_ncols(X);

    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(T, 0, 0);
    fmpq_mat_init(S, 0, 0);
    ck_assert_int_eq(lc_equiv_pinv(P, X, err), LC_OK);
    ck_assert_int_eq(fmpq_mat_nrows(P), n);
    ck_assert_int_eq(fmpq_mat_ncols(P), m);
    mul(T, X, P);
    mul(S, T, X);
    ck_assert_msg(fmpq_mat_equal(S, X), "X X^+ X != X");
    ck_assert_msg(is_symmetric(T), "X X^+ not symmetric");
    mul(T, P, X);
    mul(S, T, P);
    ck_assert_msg(fmpq_mat_equal(S, P), "X^+ X X^+ != X^+");
    ck_assert_msg(is_symmetric(T), "X^+ X not symmetric");
    fmpq_mat_clear(P);
    fmpq_mat_clear(T);
    fmpq_mat_clear(S);
}

START_TEST(pinv_satisfies_the_penrose_identities)
{
    static const char * cases[] = {
        "[[1, 2], [3, 4], [5, 7], [0, 1/2]]",              /* full column rank */
        "[[1, 0, 2/3, 1], [0, -1, 1, 5]]",                 /* full row rank */
        "[[1, 2, 3], [2, 4, 6], [1, 0, 1/2]]",             /* rank 2 of 3 */
        "[[0, 1, 2, 3], [0, 2, 4, 6], [0, -1, -2, -3]]",  /* rank 1, zero column */
        "[[0, 0, 0], [0, 0, 0]]",                          /* zero */
        "[[5/7]]", "[[0]]"
    };
    fmpq_mat_t X, A, B;
    flint_rand_t st;
    slong i, k;

    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    for (i = 0; i < (slong) (sizeof cases / sizeof cases[0]); i++)
    {
        mk(X, cases[i]);
        check_penrose(X);
    }
    /* random products of rank <= k, with rational entries */
    flint_randinit(st);
    lc_rand_seed(st, 7);
    for (i = 0; i < 12; i++)
    {
        k = 1 + i % 3;
        lc_qmat_rand(A, 5, k, st, 4);
        lc_qmat_rand(B, k, 4, st, 4);
        fmpq_set_si(fmpq_mat_entry(B, 0, 0), 1 + i, 3);
        mul(X, A, B);
        ck_assert(lc_qmat_rank(X) <= k);
        check_penrose(X);
        tr(X, X);
        check_penrose(X);
    }
    flint_randclear(st);
    fmpq_mat_clear(X);
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
}
END_TEST

START_TEST(pinv_of_an_invertible_matrix_is_its_inverse)
{
    fmpq_mat_t X, P, I;
    lc_err_t err;

    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(I, 3, 3);
    mk(X, "[[2, 1, 0], [1/2, 3, -1], [0, 4, 1/3]]");
    ck_assert_int_eq(lc_equiv_pinv(P, X, err), LC_OK);
    fmpq_mat_mul(I, X, P);
    ck_assert(fmpq_mat_is_one(I));
    /* zero matrix: X^+ is the transposed-shape zero */
    mk(X, "[[0, 0, 0], [0, 0, 0]]");
    ck_assert_int_eq(lc_equiv_pinv(P, X, err), LC_OK);
    ck_assert_int_eq(fmpq_mat_nrows(P), 3);
    ck_assert_int_eq(fmpq_mat_ncols(P), 2);
    ck_assert(fmpq_mat_is_zero(P));
    /* empty shapes: 0 x 3 and 3 x 0 */
    lc_qmat_zeros(X, 0, 3);
    ck_assert_int_eq(lc_equiv_pinv(P, X, err), LC_OK);
    ck_assert_int_eq(fmpq_mat_nrows(P), 3);
    ck_assert_int_eq(fmpq_mat_ncols(P), 0);
    lc_qmat_zeros(X, 3, 0);
    ck_assert_int_eq(lc_equiv_pinv(P, X, err), LC_OK);
    ck_assert_int_eq(fmpq_mat_nrows(P), 0);
    ck_assert_int_eq(fmpq_mat_ncols(P), 3);
    /* a column vector: x^+ = x^T / (x^T x) */
    mk(X, "[[1], [2], [2]]");
    ck_assert_int_eq(lc_equiv_pinv(X, X, err), LC_OK);   /* aliasing */
    mk(P, "[[1/9, 2/9, 2/9]]");
    ck_assert(fmpq_mat_equal(X, P));
    fmpq_mat_clear(X);
    fmpq_mat_clear(P);
    fmpq_mat_clear(I);
}
END_TEST

START_TEST(span_split_parts_are_in_span_and_orthogonal)
{
    fmpq_mat_t X, F, V, U, T, W;
    lc_err_t err;
    flint_rand_t st;
    slong i;

    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(F, 0, 0);
    fmpq_mat_init(V, 0, 0);
    fmpq_mat_init(U, 0, 0);
    fmpq_mat_init(T, 0, 0);
    fmpq_mat_init(W, 0, 0);
    flint_randinit(st);
    lc_rand_seed(st, 11);
    for (i = 0; i < 10; i++)
    {
        lc_qmat_rand(X, 5, 1 + i % 4, st, 3);
        if (i % 3 == 0)   /* repeat a column: rank deficient */
            fmpq_set(fmpq_mat_entry(X, 0, 0), fmpq_mat_entry(X, 0, fmpq_mat_ncols(X) - 1));
        lc_qmat_rand(F, 5, 3, st, 5);
        ck_assert_int_eq(lc_equiv_span_split(V, U, X, F, err), LC_OK);
        lc_qmat_resize(T, 5, 3);
        fmpq_mat_add(T, V, U);
        ck_assert(fmpq_mat_equal(T, F));
        lc_qmat_resize(W, 5, fmpq_mat_ncols(X) + 3);
        fmpq_mat_concat_horizontal(W, X, V);
        ck_assert_int_eq(lc_qmat_rank(W), lc_qmat_rank(X));
        tr(T, U);
        mul(T, T, X);
        ck_assert(fmpq_mat_is_zero(T));
    }
    /* X = 0: everything is orthogonal to span(X) */
    lc_qmat_zeros(X, 5, 2);
    ck_assert_int_eq(lc_equiv_span_split(V, U, X, F, err), LC_OK);
    ck_assert(fmpq_mat_is_zero(V));
    ck_assert(fmpq_mat_equal(U, F));
    lc_qmat_zeros(X, 4, 2);
    ck_assert_int_eq(lc_equiv_span_split(V, U, X, F, err), LC_E_DIM);
    ck_assert_int_eq(lc_equiv_span_split(V, V, F, F, err), LC_E_ARG);
    flint_randclear(st);
    fmpq_mat_clear(X);
    fmpq_mat_clear(F);
    fmpq_mat_clear(V);
    fmpq_mat_clear(U);
    fmpq_mat_clear(T);
    fmpq_mat_clear(W);
}
END_TEST

/* f(X) = X + c 1^T with X = [(1,1,0,0), (0,1,1,0)] and c = (1,0,0,1).  By
   hand: G = X^T X = [[2,1],[1,2]], X^T c = (1,0), G^-1 (1,0) = (2/3,-1/3), so
   the projection of c is (2/3, 1/3, -1/3, 0) and its orthogonal component is
   (1/3, -1/3, 1/3, 1) = (1/3) (1, -1, 1, 3).  Every column of F has that
   component, so the certificate names column 1 and u = (1, -1, 1, 3). */
START_TEST(adding_a_fixed_vector_is_refuted_by_the_reflection_through_its_component)
{
    fmpq_mat_t X, c, F, ones, uu, Q, T, Xp;
    lc_equiv_span_cert_t cert;
    lc_err_t err;
    fmpq_t s;
    char * txt;
    slong i;

    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(c, 0, 0);
    fmpq_mat_init(F, 0, 0);
    fmpq_mat_init(ones, 0, 0);
    fmpq_mat_init(uu, 0, 0);
    fmpq_mat_init(Q, 4, 4);
    fmpq_mat_init(T, 0, 0);
    fmpq_mat_init(Xp, 0, 0);
    fmpq_init(s);
    lc_equiv_span_cert_init(cert);
    mk(X, "[[1, 0], [1, 1], [0, 1], [0, 0]]");
    mk(c, "[[1], [0], [0], [1]]");
    mk(ones, "[[1, 1]]");
    mul(F, c, ones);
    fmpq_mat_add(F, F, X);
    ck_assert_int_eq(lc_equiv_span_certificate(cert, X, F, err), LC_OK);
    ck_assert_int_eq(cert->in_span, 0);
    ck_assert_int_eq(cert->column, 0);
    mk(uu, "[[1], [-1], [1], [3]]");
    ck_assert_msg(fmpq_mat_equal(cert->u, uu), "u is not (1, -1, 1, 3)");
    /* u = c - X X^+ c up to a positive scalar: here (1/3) u' = c - X X^+ c */
    lc_equiv_pinv(Xp, X, err);
    mul(T, Xp, c);
    mul(T, X, T);
    fmpq_mat_sub(T, c, T);
    fmpq_set_si(s, 3, 1);
    fmpq_mat_scalar_mul_fmpq(T, T, s);
    ck_assert(fmpq_mat_equal(T, uu));
    /* Q_u = I - u u^T / 6 (u^T u = 12) */
    tr(T, uu);
    mul(T, uu, T);
    fmpq_set_si(s, -1, 6);
    fmpq_mat_scalar_mul_fmpq(T, T, s);
    fmpq_mat_one(Q);
    fmpq_mat_add(Q, Q, T);
    ck_assert(fmpq_mat_equal(cert->Qu, Q));
    /* the facts that refute equivariance, from the definitions */
    mul(T, Q, X);
    ck_assert(fmpq_mat_equal(T, X));             /* Q_u X = X, so f(Q_u X) = f(X) */
    mul(T, Q, F);
    ck_assert(!fmpq_mat_equal(T, F));            /* Q_u f(X) != f(X) */
    tr(T, Q);
    mul(T, T, Q);
    ck_assert(fmpq_mat_is_one(T));
    ck_assert(lc_equiv_span_cert_verify(cert, X, F));
    txt = lc_equiv_span_cert_get_str(cert);
    ck_assert_msg(strstr(txt, "u^T = [[1, -1, 1, 3]]") != NULL, "%s", txt);
    ck_assert_msg(strstr(txt, "column 1 of f(X)") != NULL, "%s", txt);
    ck_assert_msg(strstr(txt, "not orthogonally equivariant") != NULL, "%s", txt);
    flint_free(txt);
    /* a tampered certificate fails verification */
    fmpq_set_si(fmpq_mat_entry(cert->u, 3, 0), 2, 1);
    ck_assert(!lc_equiv_span_cert_verify(cert, X, F));
    fmpq_set_si(fmpq_mat_entry(cert->u, 3, 0), 3, 1);
    ck_assert(lc_equiv_span_cert_verify(cert, X, F));
    ck_assert(!lc_equiv_span_cert_verify(cert, X, X));   /* Q_u X = X: no refutation */
    cert->in_span = 1;
    ck_assert(!lc_equiv_span_cert_verify(cert, X, F));
    /* a column of F that is in span(X) comes first: column 2 is named */
    for (i = 0; i < 4; i++)
        fmpq_set(fmpq_mat_entry(F, i, 0), fmpq_mat_entry(X, i, 1));
    ck_assert_int_eq(lc_equiv_span_certificate(cert, X, F, err), LC_OK);
    ck_assert_int_eq(cert->in_span, 0);
    ck_assert_int_eq(cert->column, 1);
    ck_assert(fmpq_mat_equal(cert->u, uu));
    ck_assert(lc_equiv_span_cert_verify(cert, X, F));
    lc_qmat_zeros(T, 3, 2);
    ck_assert_int_eq(lc_equiv_span_certificate(cert, T, F, err), LC_E_DIM);
    lc_equiv_span_cert_clear(cert);
    fmpq_clear(s);
    fmpq_mat_clear(X);
    fmpq_mat_clear(c);
    fmpq_mat_clear(F);
    fmpq_mat_clear(ones);
    fmpq_mat_clear(uu);
    fmpq_mat_clear(Q);
    fmpq_mat_clear(T);
    fmpq_mat_clear(Xp);
}
END_TEST

/* g(Y) = Y^2 - 3 Y + I with Y = X^T X: f(X) = X g(X^T X) is orthogonally
   equivariant, and for X of full column rank g(X^T X) is the only C with
   X C = f(X), so the certificate must recover it exactly. */
START_TEST(polynomial_g_of_the_gram_matrix_is_recovered_exactly)
{
    fmpq_mat_t X, Y, G, F, T, Q, QX, QF;
    lc_equiv_span_cert_t cert, cq;
    lc_err_t err;
    flint_rand_t st;
    fmpq_t three;
    char * txt;

    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(Y, 0, 0);
    fmpq_mat_init(G, 0, 0);
    fmpq_mat_init(F, 0, 0);
    fmpq_mat_init(T, 0, 0);
    fmpq_mat_init(Q, 0, 0);
    fmpq_mat_init(QX, 0, 0);
    fmpq_mat_init(QF, 0, 0);
    fmpq_init(three);
    fmpq_set_si(three, 3, 1);
    lc_equiv_span_cert_init(cert);
    lc_equiv_span_cert_init(cq);
    mk(X, "[[1, 0, 2], [1/2, 1, 0], [0, -1, 1], [3, 0, 0], [1, 1, 1]]");
    ck_assert_int_eq(lc_qmat_rank(X), 3);
    tr(Y, X);
    mul(Y, Y, X);
    mul(G, Y, Y);
    lc_qmat_resize(T, 3, 3);
    fmpq_mat_scalar_mul_fmpq(T, Y, three);
    fmpq_mat_sub(G, G, T);
    fmpq_mat_one(T);
    fmpq_mat_add(G, G, T);                   /* G = Y^2 - 3 Y + I */
    mul(F, X, G);
    ck_assert_int_eq(lc_equiv_span_certificate(cert, X, F, err), LC_OK);
    ck_assert_int_eq(cert->in_span, 1);
    ck_assert(fmpq_mat_equal(cert->C, G));
    ck_assert(lc_equiv_span_cert_verify(cert, X, F));
    txt = lc_equiv_span_cert_get_str(cert);
    ck_assert_msg(strstr(txt, "f(X) = X C exactly") != NULL, "%s", txt);
    flint_free(txt);
    /* orthogonal invariance of the recovered g: (QX, Q f(X)) gives the same C */
    flint_randinit(st);
    lc_rand_seed(st, 3);
    lc_qmat_rand_orthogonal(Q, 5, st, 3);
    mul(QX, Q, X);
    mul(QF, Q, F);
    ck_assert_int_eq(lc_equiv_span_certificate(cq, QX, QF, err), LC_OK);
    ck_assert_int_eq(cq->in_span, 1);
    ck_assert(fmpq_mat_equal(cq->C, G));
    /* n > d (rank 2 < n = 3): X C = f(X) still, with C minimum-norm, i.e.
       every column of C in the row space of X (C = X^T W for some W) */
    mk(X, "[[1, 2, 0], [0, 1, 1]]");
    tr(Y, X);
    mul(Y, Y, X);
    mul(G, Y, Y);
    lc_qmat_resize(T, 3, 3);
    fmpq_mat_scalar_mul_fmpq(T, Y, three);
    fmpq_mat_sub(G, G, T);
    fmpq_mat_one(T);
    fmpq_mat_add(G, G, T);
    mul(F, X, G);
    ck_assert_int_eq(lc_equiv_span_certificate(cert, X, F, err), LC_OK);
    ck_assert_int_eq(cert->in_span, 1);
    mul(T, X, cert->C);
    ck_assert(fmpq_mat_equal(T, F));
    ck_assert(!fmpq_mat_equal(cert->C, G));   /* g is not identifiable here ... */
    lc_qmat_kernel(T, X);                      /* ... but C is orthogonal to ker X */
    tr(T, T);
    mul(T, T, cert->C);
    ck_assert(fmpq_mat_is_zero(T));
    flint_randclear(st);
    lc_equiv_span_cert_clear(cert);
    lc_equiv_span_cert_clear(cq);
    fmpq_clear(three);
    fmpq_mat_clear(X);
    fmpq_mat_clear(Y);
    fmpq_mat_clear(G);
    fmpq_mat_clear(F);
    fmpq_mat_clear(T);
    fmpq_mat_clear(Q);
    fmpq_mat_clear(QX);
    fmpq_mat_clear(QF);
}
END_TEST

/* f(X) = W X, the value map of attention without the attention: for W neither
   orthogonal nor scalar and d > n it leaves span(X), and the certificate's
   reflection refutes f(Q X) = Q f(X) by direct evaluation of f. */
START_TEST(a_fixed_linear_map_gets_a_certificate)
{
    fmpq_mat_t W, X, F, T, S;
    lc_equiv_span_cert_t cert;
    lc_err_t err;
    fmpz_t three;

    fmpq_mat_init(W, 0, 0);
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(F, 0, 0);
    fmpq_mat_init(T, 0, 0);
    fmpq_mat_init(S, 0, 0);
    lc_equiv_span_cert_init(cert);
    fmpz_init_set_ui(three, 3);
    mk(W, "[[2, 1, 0, 0], [0, 1, 1/2, 0], [1, 0, 1, 1], [0, 0, 3, -1]]");
    mk(X, "[[1, 2], [0, 1], [-1, 1], [2, 0]]");
    mul(F, W, X);
    ck_assert_int_eq(lc_equiv_span_certificate(cert, X, F, err), LC_OK);
    ck_assert_int_eq(cert->in_span, 0);
    ck_assert(lc_equiv_span_cert_verify(cert, X, F));
    mul(T, cert->Qu, X);
    mul(T, W, T);                         /* f(Q_u X) */
    mul(S, cert->Qu, F);                  /* Q_u f(X) */
    ck_assert(fmpq_mat_equal(T, F));
    ck_assert(!fmpq_mat_equal(T, S));
    /* a scalar W = 3 I is equivariant: C = 3 I */
    lc_qmat_resize(T, 4, 2);
    fmpq_mat_scalar_mul_fmpz(T, X, three);
    ck_assert_int_eq(lc_equiv_span_certificate(cert, X, T, err), LC_OK);
    ck_assert_int_eq(cert->in_span, 1);
    mk(S, "[[3, 0], [0, 3]]");
    ck_assert(fmpq_mat_equal(cert->C, S));
    lc_equiv_span_cert_clear(cert);
    fmpz_clear(three);
    fmpq_mat_clear(W);
    fmpq_mat_clear(X);
    fmpq_mat_clear(F);
    fmpq_mat_clear(T);
    fmpq_mat_clear(S);
}
END_TEST

/* Section 3.2: tokens "+" "-" "0" ... "9" -> e_1 ... e_12 (here 0-based
   indices 0 ... 11); f evaluates "a op b" with a single-digit result. */
static void
token_eval(fmpq_mat_t out, const fmpq_mat_t in)
{
    slong tok[3], i, j, a, b, v;
    lc_err_t err;

    for (j = 0; j < 3; j++)
        for (i = 0; i < 12; i++)
            if (fmpq_is_one(fmpq_mat_entry(in, i, j)))
                tok[j] = i;
    a = tok[0] - 2;
    b = tok[2] - 2;
    v = (tok[1] == 0) ? a + b : a - b;
    ck_assert(0 <= v && v <= 9);
    ck_assert_int_eq(lc_qmat_onehot(out, v + 2, 12, err), LC_OK);
}

START_TEST(one_hot_arithmetic_is_not_orthogonally_equivariant)
{
    fmpq_mat_t X, e, F, Q, QX, FQX, QF, T, want;
    slong perm[12], i;
    lc_err_t err;

    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(e, 0, 0);
    fmpq_mat_init(F, 0, 0);
    fmpq_mat_init(Q, 0, 0);
    fmpq_mat_init(QX, 0, 0);
    fmpq_mat_init(FQX, 0, 0);
    fmpq_mat_init(QF, 0, 0);
    fmpq_mat_init(T, 0, 0);
    fmpq_mat_init(want, 0, 0);
    /* X = [e5, e1, e4] = "2+1" */
    ck_assert_int_eq(lc_qmat_onehot(X, 4, 12, err), LC_OK);
    ck_assert_int_eq(lc_qmat_onehot(e, 0, 12, err), LC_OK);
    ck_assert_int_eq(lc_qmat_hcat(X, X, e, err), LC_OK);
    ck_assert_int_eq(lc_qmat_onehot(e, 3, 12, err), LC_OK);
    ck_assert_int_eq(lc_qmat_hcat(X, X, e, err), LC_OK);
    token_eval(F, X);
    ck_assert_int_eq(lc_qmat_onehot(want, 5, 12, err), LC_OK);
    ck_assert(fmpq_mat_equal(F, want));                   /* f("2+1") = "3" = [e6] */
    /* Q12 swaps the first two coordinates */
    for (i = 0; i < 12; i++)
        perm[i] = i;
    perm[0] = 1;
    perm[1] = 0;
    ck_assert_int_eq(lc_qmat_perm(Q, perm, 12, err), LC_OK);
    tr(T, Q);
    mul(T, T, Q);
    ck_assert(fmpq_mat_is_one(T));                        /* orthogonal */
    mul(QX, Q, X);
    mk(want, "[[0, 0, 0], [0, 1, 0], [0, 0, 0], [0, 0, 1], [1, 0, 0], [0, 0, 0], "
             "[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]");
    ck_assert(fmpq_mat_equal(QX, want));                  /* Q12 X = "2-1" */
    token_eval(FQX, QX);
    ck_assert_int_eq(lc_qmat_onehot(want, 3, 12, err), LC_OK);
    ck_assert(fmpq_mat_equal(FQX, want));                 /* f("2-1") = "1" = [e4] */
    mul(QF, Q, F);
    ck_assert(fmpq_mat_equal(QF, F));                     /* Q12 [e6] = [e6] */
    ck_assert(!fmpq_mat_equal(FQX, QF));                  /* f(QX) != Q f(X) */
    fmpq_mat_clear(X);
    fmpq_mat_clear(e);
    fmpq_mat_clear(F);
    fmpq_mat_clear(Q);
    fmpq_mat_clear(QX);
    fmpq_mat_clear(FQX);
    fmpq_mat_clear(QF);
    fmpq_mat_clear(T);
    fmpq_mat_clear(want);
}
END_TEST

START_TEST(knowledge_split_recovers_g1_and_g2)
{
    fmpq_mat_t X, Z, G1, G2, H1, H2, F, T, S, XZ;
    lc_err_t err;
    flint_rand_t st;
    fmpq_t q;
    slong trial, i, j;

    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(Z, 0, 0);
    fmpq_mat_init(G1, 0, 0);
    fmpq_mat_init(G2, 0, 0);
    fmpq_mat_init(H1, 0, 0);
    fmpq_mat_init(H2, 0, 0);
    fmpq_mat_init(F, 0, 0);
    fmpq_mat_init(T, 0, 0);
    fmpq_mat_init(S, 0, 0);
    fmpq_mat_init(XZ, 6, 5);
    fmpq_init(q);
    flint_randinit(st);
    lc_rand_seed(st, 42);
    for (trial = 0; trial < 8; trial++)
    {
        do
        {
            lc_qmat_rand(X, 6, 3, st, 3);
            lc_qmat_rand(Z, 6, 2, st, 3);
            fmpq_mat_concat_horizontal(XZ, X, Z);
        }
        while (lc_qmat_rank(XZ) < 5);
        lc_qmat_rand(G1, 3, 4, st, 9);
        lc_qmat_rand(G2, 2, 4, st, 9);
        for (i = 0; i < 2; i++)       /* rational, not only integer, coefficients */
            for (j = 0; j < 4; j++)
            {
                fmpq_set_si(q, 1, 1 + i + j + trial);
                fmpq_mul(fmpq_mat_entry(G2, i, j), fmpq_mat_entry(G2, i, j), q);
            }
        fmpq_set_si(fmpq_mat_entry(X, 0, 0), 1, 3);   /* rational X too */
        mul(F, X, G1);
        mul(T, Z, G2);
        fmpq_mat_add(F, F, T);
        ck_assert_int_eq(lc_equiv_knowledge_split(H1, H2, X, Z, F, err), LC_OK);
        /* [X, Z] may have lost full rank by the edit of X(0,0); compare
           reconstructions always, coefficients when the rank is full */
        mul(T, X, H1);
        mul(S, Z, H2);
        fmpq_mat_add(T, T, S);
        ck_assert(fmpq_mat_equal(T, F));               /* X H1 + Z H2 = F */
        fmpq_mat_concat_horizontal(XZ, X, Z);
        if (lc_qmat_rank(XZ) == 5)
        {
            ck_assert(fmpq_mat_equal(H1, G1));
            ck_assert(fmpq_mat_equal(H2, G2));
        }
    }
    /* F outside span([X, Z]): a domain error naming the column */
    mk(X, "[[1], [0], [0]]");
    mk(Z, "[[0], [1], [0]]");
    mk(F, "[[1, 2], [3, 4], [0, 1]]");
    ck_assert_int_eq(lc_equiv_knowledge_split(H1, H2, X, Z, F, err), LC_E_DOMAIN);
    ck_assert_msg(strstr(err->msg, "column 2") != NULL, "%s", err->msg);
    /* an empty knowledge Z (d x 0) is Proposition 3.1 itself */
    lc_qmat_zeros(Z, 3, 0);
    mk(F, "[[2, -1], [0, 0], [0, 0]]");
    ck_assert_int_eq(lc_equiv_knowledge_split(H1, H2, X, Z, F, err), LC_OK);
    mk(T, "[[2, -1]]");
    ck_assert(fmpq_mat_equal(H1, T));
    ck_assert_int_eq(fmpq_mat_nrows(H2), 0);
    ck_assert_int_eq(fmpq_mat_ncols(H2), 2);
    lc_qmat_zeros(Z, 2, 1);
    ck_assert_int_eq(lc_equiv_knowledge_split(H1, H2, X, Z, F, err), LC_E_DIM);
    ck_assert_int_eq(lc_equiv_knowledge_split(H1, H1, X, X, F, err), LC_E_ARG);
    flint_randclear(st);
    fmpq_clear(q);
    fmpq_mat_clear(X);
    fmpq_mat_clear(Z);
    fmpq_mat_clear(G1);
    fmpq_mat_clear(G2);
    fmpq_mat_clear(H1);
    fmpq_mat_clear(H2);
    fmpq_mat_clear(F);
    fmpq_mat_clear(T);
    fmpq_mat_clear(S);
    fmpq_mat_clear(XZ);
}
END_TEST

/* Rows whose softmax is rational: [0, 0] -> [1/2, 1/2], [0, log 2] ->
   [1/3, 2/3], [1000, 1000, 1000 + log 3] -> [1/5, 1/5, 3/5]. */
START_TEST(softmax_rows_contain_the_exact_values_and_tighten_with_precision)
{
    arb_mat_t A, S, E;
    fmpq_mat_t W;
    arb_t l, sum;
    mag_t r64, r256;
    lc_err_t err;
    slong i, j, prec;

    arb_mat_init(A, 3, 3);
    arb_mat_init(S, 0, 0);
    arb_mat_init(E, 0, 0);
    fmpq_mat_init(W, 0, 0);
    arb_init(l);
    arb_init(sum);
    mag_init(r64);
    mag_init(r256);
    mk(W, "[[1/2, 1/2]]");
    arb_mat_clear(A);
    arb_mat_init(A, 1, 2);
    ck_assert_int_eq(lc_ball_softmax_rows(S, A, 64, err), LC_OK);
    ck_assert(lc_ball_contains_qmat(S, W));
    for (prec = 64; prec <= 256; prec *= 4)
    {
        arb_mat_clear(A);
        arb_mat_init(A, 3, 3);
        arb_const_log2(arb_mat_entry(A, 0, 1), prec);         /* [0, log 2, 0] */
        arb_set_si(arb_mat_entry(A, 1, 0), 1000);
        arb_set_si(arb_mat_entry(A, 1, 1), 1000);
        arb_log_ui(l, 3, prec);
        arb_add_si(arb_mat_entry(A, 1, 2), l, 1000, prec);     /* [1000, 1000, 1000 + log 3] */
        arb_set_si(arb_mat_entry(A, 2, 1), -200);
        arb_set_si(arb_mat_entry(A, 2, 2), -200);               /* [0, -200, -200] */
        ck_assert_int_eq(lc_ball_softmax_rows(S, A, prec, err), LC_OK);
        mk(W, "[[1/4, 1/2, 1/4], [1/5, 1/5, 3/5]]");
        for (i = 0; i < 2; i++)
            for (j = 0; j < 3; j++)
                ck_assert(arb_contains_fmpq(arb_mat_entry(S, i, j), fmpq_mat_entry(W, i, j)));
        for (i = 0; i < 3; i++)
        {
            arb_zero(sum);
            for (j = 0; j < 3; j++)
            {
                ck_assert(arb_is_positive(arb_mat_entry(S, i, j)));
                arb_add(sum, sum, arb_mat_entry(S, i, j), prec);
            }
            ck_assert(arb_contains_si(sum, 1));
        }
        /* e^-200 / (1 + 2 e^-200) < 2^-288 */
        arb_one(l);
        arb_mul_2exp_si(l, l, -288);
        ck_assert(arb_lt(arb_mat_entry(S, 2, 1), l));
        lc_ball_max_radius(prec == 64 ? r64 : r256, S);
    }
    ck_assert(mag_cmp(r256, r64) < 0);
    ck_assert(!mag_is_zero(r256));
    /* aliasing and the empty row */
    arb_mat_clear(A);
    arb_mat_init(A, 1, 2);
    arb_const_log2(arb_mat_entry(A, 0, 1), 128);
    ck_assert_int_eq(lc_ball_softmax_rows(A, A, 128, err), LC_OK);
    mk(W, "[[1/3, 2/3]]");
    ck_assert(lc_ball_contains_qmat(A, W));
    arb_mat_clear(A);
    arb_mat_init(A, 2, 0);
    ck_assert_int_eq(lc_ball_softmax_rows(S, A, 64, err), LC_OK);
    ck_assert_int_eq(arb_mat_nrows(S), 2);
    ck_assert_int_eq(arb_mat_ncols(S), 0);
    /* a non-finite entry is a domain error */
    arb_mat_clear(A);
    arb_mat_init(A, 1, 2);
    arb_pos_inf(arb_mat_entry(A, 0, 1));
    ck_assert_int_eq(lc_ball_softmax_rows(S, A, 64, err), LC_E_DOMAIN);
    /* exp: e^0 = 1 exactly, e^(log 2) contains 2 */
    arb_const_log2(arb_mat_entry(A, 0, 1), 128);
    lc_ball_map_exp(E, A, 128);
    mk(W, "[[1, 2]]");
    ck_assert(lc_ball_contains_qmat(E, W));
    ck_assert(arb_is_one(arb_mat_entry(E, 0, 0)));
    arb_mat_clear(A);
    arb_mat_clear(S);
    arb_mat_clear(E);
    fmpq_mat_clear(W);
    arb_clear(l);
    arb_clear(sum);
    mag_clear(r64);
    mag_clear(r256);
}
END_TEST

START_TEST(matrix_helpers_build_the_right_shapes_and_reject_bad_input)
{
    fmpq_mat_t A, B, C, W, u;
    lc_err_t err;
    slong good[4] = {2, 0, 3, 1}, dup[3] = {0, 2, 0}, out[3] = {0, 3, 1};

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(C, 0, 0);
    fmpq_mat_init(W, 0, 0);
    fmpq_mat_init(u, 0, 0);
    mk(A, "[[1, 2], [3, 4]]");
    mk(B, "[[5], [6]]");
    ck_assert_int_eq(lc_qmat_hcat(C, A, B, err), LC_OK);
    mk(W, "[[1, 2, 5], [3, 4, 6]]");
    ck_assert(fmpq_mat_equal(C, W));
    ck_assert_int_eq(lc_qmat_vcat(C, A, B, err), LC_E_DIM);
    ck_assert_msg(strstr(err->msg, "2x2") != NULL, "%s", err->msg);
    mk(B, "[[5, 6/7]]");
    ck_assert_int_eq(lc_qmat_hcat(C, A, B, err), LC_E_DIM);
    ck_assert_int_eq(lc_qmat_vcat(C, A, B, err), LC_OK);
    mk(W, "[[1, 2], [3, 4], [5, 6/7]]");
    ck_assert(fmpq_mat_equal(C, W));
    ck_assert_int_eq(lc_qmat_blockdiag(C, A, B, err), LC_OK);
    mk(W, "[[1, 2, 0, 0], [3, 4, 0, 0], [0, 0, 5, 6/7]]");
    ck_assert(fmpq_mat_equal(C, W));
    ck_assert_int_eq(lc_qmat_hcat(A, A, A, err), LC_OK);    /* aliasing */
    mk(W, "[[1, 2, 1, 2], [3, 4, 3, 4]]");
    ck_assert(fmpq_mat_equal(A, W));
    /* columns and rows, 0-based */
    ck_assert_int_eq(lc_qmat_col(C, A, 1, err), LC_OK);
    mk(W, "[[2], [4]]");
    ck_assert(fmpq_mat_equal(C, W));
    ck_assert_int_eq(lc_qmat_row(C, A, 1, err), LC_OK);
    mk(W, "[[3, 4, 3, 4]]");
    ck_assert(fmpq_mat_equal(C, W));
    ck_assert_int_eq(lc_qmat_col(C, A, 4, err), LC_E_ARG);
    ck_assert_int_eq(lc_qmat_col(C, A, -1, err), LC_E_ARG);
    ck_assert_int_eq(lc_qmat_row(C, A, 2, err), LC_E_ARG);
    /* permutations: P e_j = e_perm[j] */
    ck_assert_int_eq(lc_qmat_perm(C, good, 4, err), LC_OK);
    mk(W, "[[0, 1, 0, 0], [0, 0, 0, 1], [1, 0, 0, 0], [0, 0, 1, 0]]");
    ck_assert(fmpq_mat_equal(C, W));
    ck_assert_int_eq(lc_qmat_perm(C, dup, 3, err), LC_E_ARG);
    ck_assert_int_eq(lc_qmat_perm(C, out, 3, err), LC_E_ARG);
    ck_assert_int_eq(lc_qmat_perm(C, good, -1, err), LC_E_ARG);
    ck_assert_int_eq(lc_qmat_perm(C, good, 0, err), LC_OK);
    ck_assert_int_eq(fmpq_mat_nrows(C), 0);
    /* Householder: u = (1, 2, 2), u^T u = 9, Q = I - 2/9 u u^T */
    mk(u, "[[1], [2], [2]]");
    ck_assert_int_eq(lc_qmat_householder(C, u, err), LC_OK);
    mk(W, "[[7/9, -4/9, -4/9], [-4/9, 1/9, -8/9], [-4/9, -8/9, 1/9]]");
    ck_assert(fmpq_mat_equal(C, W));
    mul(W, C, u);
    fmpq_mat_neg(W, W);
    ck_assert(fmpq_mat_equal(W, u));                        /* Q u = -u */
    mul(W, C, C);
    ck_assert(fmpq_mat_is_one(W));                          /* Q^2 = Q^T Q = I */
    mk(u, "[[0], [0], [0]]");
    ck_assert_int_eq(lc_qmat_householder(C, u, err), LC_E_ARG);
    mk(u, "[[1, 2]]");
    ck_assert_int_eq(lc_qmat_householder(C, u, err), LC_E_DIM);
    /* one-hot */
    ck_assert_int_eq(lc_qmat_onehot(C, 2, 4, err), LC_OK);
    mk(W, "[[0], [0], [1], [0]]");
    ck_assert(fmpq_mat_equal(C, W));
    ck_assert_int_eq(lc_qmat_onehot(C, 4, 4, err), LC_E_ARG);
    ck_assert_int_eq(lc_qmat_onehot(C, -1, 4, err), LC_E_ARG);
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(C);
    fmpq_mat_clear(W);
    fmpq_mat_clear(u);
}
END_TEST

int
main(void)
{
    Suite * s = suite_create("equiv");
    TCase * tc = tcase_create("exact");
    SRunner * sr;
    int failed;

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, pinv_satisfies_the_penrose_identities);
    tcase_add_test(tc, pinv_of_an_invertible_matrix_is_its_inverse);
    tcase_add_test(tc, span_split_parts_are_in_span_and_orthogonal);
    tcase_add_test(tc, adding_a_fixed_vector_is_refuted_by_the_reflection_through_its_component);
    tcase_add_test(tc, polynomial_g_of_the_gram_matrix_is_recovered_exactly);
    tcase_add_test(tc, a_fixed_linear_map_gets_a_certificate);
    tcase_add_test(tc, one_hot_arithmetic_is_not_orthogonally_equivariant);
    tcase_add_test(tc, knowledge_split_recovers_g1_and_g2);
    tcase_add_test(tc, softmax_rows_contain_the_exact_values_and_tighten_with_precision);
    tcase_add_test(tc, matrix_helpers_build_the_right_shapes_and_reject_bad_input);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
