/* test_lieattn.c -- Lie-algebra attention scores against closed forms. */
#include <stdlib.h>
#include <check.h>
#include "qmat.h"
#include "lieattn.h"

static void
mk(fmpq_mat_t A, const char * s)
{
    lc_err_t err;
    ck_assert_msg(lc_qmat_parse(A, s, err) == LC_OK, "parse %s: %s", s, err->msg);
}

/* theta := atan2(s, c), computed independently of liecheck's logarithm. */
static void
angle(arb_t theta, slong s_num, slong c_num, slong den, slong prec)
{
    arb_t s, c;
    arb_init(s);
    arb_init(c);
    arb_set_si(s, s_num);
    arb_div_si(s, s, den, prec);
    arb_set_si(c, c_num);
    arb_div_si(c, c, den, prec);
    arb_atan2(theta, s, c, prec);
    arb_clear(s);
    arb_clear(c);
}

/* On SO(2), log of the rotation by t is t J with J = [[0, -1], [1, 0]], so
   ||log||_F^2 = 2 t^2 and s_ij = -2 lambda (t_j - t_i)^2 / tau (no wrap:
   all angles here lie in (0, pi/2)). */
START_TEST(so2_scores_match_the_angle_formula)
{
    fmpq_mat_struct g[3];
    fmpq lam[1];
    fmpq_t tau;
    arb_mat_t S;
    arb_t t[3], d, want;
    lc_err_t err;
    slong i, j, prec = 256;
    const slong sn[3] = {4, 12, 15}, cn[3] = {3, 5, 8}, den[3] = {5, 13, 17};

    for (i = 0; i < 3; i++)
    {
        fmpq_mat_init(g + i, 0, 0);
        arb_init(t[i]);
    }
    mk(g + 0, "[[3/5, -4/5], [4/5, 3/5]]");
    mk(g + 1, "[[5/13, -12/13], [12/13, 5/13]]");
    mk(g + 2, "[[8/17, -15/17], [15/17, 8/17]]");
    for (i = 0; i < 3; i++)
        angle(t[i], sn[i], cn[i], den[i], prec);
    fmpq_init(lam + 0);
    fmpq_set_si(lam + 0, 3, 2);
    fmpq_init(tau);
    fmpq_set_si(tau, 1, 4);
    arb_mat_init(S, 0, 0);
    arb_init(d);
    arb_init(want);
    ck_assert_int_eq(lc_lieattn_scores(S, g, 3, lam, 1, tau, prec, err), LC_OK);
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++)
        {
            /* want = -2 * (3/2) * (t_j - t_i)^2 / (1/4) = -12 (t_j - t_i)^2 */
            arb_sub(d, t[j], t[i], prec);
            arb_mul(want, d, d, prec);
            arb_mul_si(want, want, -12, prec);
            ck_assert_msg(arb_overlaps(want, arb_mat_entry(S, i, j)), "score (%ld, %ld)", i, j);
            ck_assert(mag_cmp_2exp_si(arb_radref(arb_mat_entry(S, i, j)), -200) < 0);
        }
    ck_assert(arb_is_zero(arb_mat_entry(S, 1, 1)));
    for (i = 0; i < 3; i++)
    {
        fmpq_mat_clear(g + i);
        arb_clear(t[i]);
    }
    fmpq_clear(lam + 0);
    fmpq_clear(tau);
    arb_mat_clear(S);
    arb_clear(d);
    arb_clear(want);
}
END_TEST

/* Homogeneous form: for pure translations g = [[I, u], [0, 1]] the relative
   element is the translation by u_j - u_i and its log is [[0, u_j - u_i],
   [0, 0]], so s_ij = -lambda_2 |u_j - u_i|^2 / tau: an exact rational
   (the logarithm of a unipotent matrix is a finite series). */
START_TEST(translations_score_by_squared_distance)
{
    fmpq_mat_struct g[2];
    fmpq lam[2];
    fmpq_t tau, want;
    arb_mat_t S;
    lc_err_t err;

    fmpq_mat_init(g + 0, 0, 0);
    fmpq_mat_init(g + 1, 0, 0);
    mk(g + 0, "[[1, 0, 1], [0, 1, 2], [0, 0, 1]]");
    mk(g + 1, "[[1, 0, 4], [0, 1, -2], [0, 0, 1]]");
    fmpq_init(lam + 0);
    fmpq_init(lam + 1);
    fmpq_set_si(lam + 0, 5, 1);
    fmpq_set_si(lam + 1, 1, 2);
    fmpq_init(tau);
    fmpq_set_si(tau, 3, 1);
    fmpq_init(want);
    fmpq_set_si(want, -25, 6);     /* -(1/2)(3^2 + 4^2)/3 */
    arb_mat_init(S, 0, 0);
    ck_assert_int_eq(lc_lieattn_scores(S, g, 2, lam, 2, tau, 128, err), LC_OK);
    ck_assert(arb_contains_fmpq(arb_mat_entry(S, 0, 1), want));
    ck_assert(arb_contains_fmpq(arb_mat_entry(S, 1, 0), want));
    fmpq_mat_clear(g + 0);
    fmpq_mat_clear(g + 1);
    fmpq_clear(lam + 0);
    fmpq_clear(lam + 1);
    fmpq_clear(tau);
    fmpq_clear(want);
    arb_mat_clear(S);
}
END_TEST

/* A pair whose relative element is diag(-1, -2, 1) has no real principal
   logarithm: the error is a value and names the pair. */
START_TEST(undefined_scores_are_errors_naming_the_pair)
{
    fmpq_mat_struct g[3];
    fmpq lam[1];
    fmpq_t tau;
    arb_mat_t S;
    lc_err_t err;
    slong i;

    for (i = 0; i < 3; i++)
        fmpq_mat_init(g + i, 0, 0);
    mk(g + 0, "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]");
    mk(g + 1, "[[2, 0, 0], [0, 1, 0], [0, 0, 1]]");
    mk(g + 2, "[[-1, 0, 0], [0, -2, 0], [0, 0, 1]]");
    fmpq_init(lam + 0);
    fmpq_one(lam + 0);
    fmpq_init(tau);
    fmpq_one(tau);
    arb_mat_init(S, 0, 0);
    ck_assert_int_eq(lc_lieattn_scores(S, g, 3, lam, 1, tau, 128, err), LC_E_DOMAIN);
    ck_assert_msg(strstr(err->msg, "tokens 1 and 3") != NULL, "%s", err->msg);
    /* a singular token, bad weights, bad sizes */
    mk(g + 2, "[[0, 0, 0], [0, 1, 0], [0, 0, 1]]");
    ck_assert_int_eq(lc_lieattn_scores(S, g, 3, lam, 1, tau, 128, err), LC_E_SINGULAR);
    fmpq_set_si(lam + 0, -1, 1);
    ck_assert_int_eq(lc_lieattn_scores(S, g, 2, lam, 1, tau, 128, err), LC_E_ARG);
    fmpq_one(lam + 0);
    ck_assert_int_eq(lc_lieattn_scores(S, g, 2, lam, 3, tau, 128, err), LC_E_ARG);
    mk(g + 1, "[[1, 0], [0, 1]]");
    ck_assert_int_eq(lc_lieattn_scores(S, g, 2, lam, 1, tau, 128, err), LC_E_DIM);
    for (i = 0; i < 3; i++)
        fmpq_mat_clear(g + i);
    fmpq_clear(lam + 0);
    fmpq_clear(tau);
    arb_mat_clear(S);
}
END_TEST

/* vec(g_i)^T W vec(g_j) with W = I is the Frobenius inner product tr(g_i^T g_j). */
START_TEST(dot_scores_are_frobenius_products)
{
    fmpq_mat_struct g[2];
    fmpq_mat_t S, W;
    lc_err_t err;

    fmpq_mat_init(g + 0, 0, 0);
    fmpq_mat_init(g + 1, 0, 0);
    fmpq_mat_init(S, 0, 0);
    fmpq_mat_init(W, 0, 0);
    mk(g + 0, "[[1, 2], [3, 4]]");
    mk(g + 1, "[[0, 1], [1/2, 0]]");
    ck_assert_int_eq(lc_lieattn_dot_scores(S, g, 2, NULL, err), LC_OK);
    mk(W, "[[30, 7/2], [7/2, 5/4]]");   /* 1+4+9+16; 2+3/2; 1+1/4 */
    ck_assert(fmpq_mat_equal(S, W));
    lc_qmat_eye(W, 4);
    fmpq_set_si(fmpq_mat_entry(W, 0, 0), 2, 1);   /* doubles the (1,1) entries' product */
    ck_assert_int_eq(lc_lieattn_dot_scores(S, g, 2, W, err), LC_OK);
    ck_assert(fmpq_equal_si(fmpq_mat_entry(S, 0, 0), 31));
    lc_qmat_eye(W, 3);
    ck_assert_int_eq(lc_lieattn_dot_scores(S, g, 2, W, err), LC_E_DIM);
    fmpq_mat_clear(g + 0);
    fmpq_mat_clear(g + 1);
    fmpq_mat_clear(S);
    fmpq_mat_clear(W);
}
END_TEST

int
main(void)
{
    Suite * s = suite_create("lieattn");
    TCase * tc = tcase_create("scores");
    SRunner * sr;
    int failed;

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, so2_scores_match_the_angle_formula);
    tcase_add_test(tc, translations_score_by_squared_distance);
    tcase_add_test(tc, undefined_scores_are_errors_naming_the_pair);
    tcase_add_test(tc, dot_scores_are_frobenius_products);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
