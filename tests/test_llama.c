/* test_llama.c -- lib/llama against values known from the mathematics:
 * RMSNorm of a known vector, RoPE at position 0 and at a known angle,
 * exact Hadamard matrices, IEEE rounding cases, exact folds and rotations,
 * causality, the loader on the committed checkpoints (PyTorch's outputs are
 * checked by tests/scripts/llama_torch.lc).  Never against liecheck's own
 * output. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <check.h>
#include "llama.h"

static const char *
top(void)
{
    const char * t = getenv("top_srcdir");
    return t == NULL || t[0] == '\0' ? "." : t;
}

/* max |A - B| <= 2^e, certified (upper bound of every entry's difference) */
static int
close_2exp(const arb_mat_t A, const arb_mat_t B, slong e)
{
    slong i, j;
    arb_t d;
    mag_t m;
    int ok = 1;

    arb_init(d);
    mag_init(m);
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
        {
            arb_sub(d, arb_mat_entry(A, i, j), arb_mat_entry(B, i, j), 256);
            arb_get_mag(m, d);
            if (mag_cmp_2exp_si(m, e) > 0)
                ok = 0;
        }
    arb_clear(d);
    mag_clear(m);
    return ok;
}

START_TEST(rms_norm_of_3_4_is_3_4_over_sqrt_12_5)
{
    /* x = (3, 4): mean x^2 = 25/2, eps = 0: y = x / sqrt(25/2) = (3, 4) sqrt(2) / 5 */
    arb_mat_t X, Y;
    fmpq_t eps;
    arb_t e, s;
    lc_err_t err;

    arb_mat_init(X, 2, 1);
    arb_mat_init(Y, 0, 0);
    fmpq_init(eps);
    arb_init(e);
    arb_init(s);
    arb_set_si(arb_mat_entry(X, 0, 0), 3);
    arb_set_si(arb_mat_entry(X, 1, 0), 4);
    ck_assert_int_eq(lc_llama_rms_norm(Y, X, NULL, eps, 128, err), LC_OK);
    arb_sqrt_ui(s, 2, 128);
    arb_mul_si(e, s, 3, 128);
    arb_div_si(e, e, 5, 128);
    ck_assert(arb_overlaps(e, arb_mat_entry(Y, 0, 0)));
    arb_mul_si(e, s, 4, 128);
    arb_div_si(e, e, 5, 128);
    ck_assert(arb_overlaps(e, arb_mat_entry(Y, 1, 0)));
    ck_assert(mag_cmp_2exp_si(arb_radref(arb_mat_entry(Y, 1, 0)), -100) < 0);
    /* a zero token with eps = 0 is a domain error */
    arb_mat_zero(X);
    ck_assert_int_eq(lc_llama_rms_norm(Y, X, NULL, eps, 128, err), LC_E_DOMAIN);
    arb_mat_clear(X);
    arb_mat_clear(Y);
    fmpq_clear(eps);
    arb_clear(e);
    arb_clear(s);
}
END_TEST

START_TEST(rope_is_the_identity_at_0_and_rotates_by_p_theta_pow)
{
    /* d_h = 4, theta = 16: frequencies 1 and 16^(-1/2) = 1/4.  At position 2
       the pair (0, 2) turns by 2 radians, the pair (1, 3) by 1/2. */
    arb_mat_t C, S, X;
    fmpq_t th;
    arb_t c, s, a;

    arb_mat_init(C, 0, 0);
    arb_mat_init(S, 0, 0);
    arb_mat_init(X, 4, 3);
    fmpq_init(th);
    arb_init(c);
    arb_init(s);
    arb_init(a);
    fmpq_set_si(th, 16, 1);
    lc_llama_rope_table(C, S, 4, 3, th, 128);
    arb_mat_one(X);     /* columns: e0, e1, e2 at positions 0, 1, 2 */
    arb_set_si(arb_mat_entry(X, 0, 2), 1);
    arb_zero(arb_mat_entry(X, 2, 2));
    lc_llama_rope_apply(X, 0, 4, C, S, 128);
    /* position 0: unchanged */
    ck_assert(arb_is_one(arb_mat_entry(X, 0, 0)) || arb_contains_si(arb_mat_entry(X, 0, 0), 1));
    ck_assert(arb_contains_zero(arb_mat_entry(X, 2, 0)));
    /* position 2, x = e0: (cos 2, sin 2) in coordinates (0, 2) */
    arb_set_si(a, 2);
    arb_sin_cos(s, c, a, 128);
    ck_assert(arb_overlaps(c, arb_mat_entry(X, 0, 2)));
    ck_assert(arb_overlaps(s, arb_mat_entry(X, 2, 2)));
    ck_assert(!arb_contains_zero(arb_mat_entry(X, 2, 2)));
    /* position 1, x = e1: the pair (1, 3) turns by 1/4: (cos 1/4, sin 1/4) */
    arb_set_si(a, 1);
    arb_div_si(a, a, 4, 128);
    arb_sin_cos(s, c, a, 128);
    ck_assert(arb_overlaps(c, arb_mat_entry(X, 1, 1)));
    ck_assert(arb_overlaps(s, arb_mat_entry(X, 3, 1)));
    arb_mat_clear(C);
    arb_mat_clear(S);
    arb_mat_clear(X);
    fmpq_clear(th);
    arb_clear(c);
    arb_clear(s);
    arb_clear(a);
}
END_TEST

START_TEST(hadamard_matrices_of_order_4_and_64_are_exactly_orthogonal)
{
    fmpq_mat_t H, Ht, P;
    lc_err_t err;
    slong n;

    fmpq_mat_init(H, 0, 0);
    for (n = 4; n <= 64; n *= 16)
    {
        ck_assert_int_eq(lc_llama_hadamard(H, n, err), LC_OK);
        fmpq_mat_init(Ht, n, n);
        fmpq_mat_init(P, n, n);
        fmpq_mat_transpose(Ht, H);
        fmpq_mat_mul(P, Ht, H);
        ck_assert(fmpq_mat_is_one(P));
        fmpq_mat_clear(Ht);
        fmpq_mat_clear(P);
    }
    ck_assert_int_eq(lc_llama_hadamard(H, 8, err), LC_E_ARG);
    fmpq_mat_clear(H);
}
END_TEST

START_TEST(rounding_to_ieee_formats_is_to_nearest_even)
{
    fmpq_t x, y, e;

    fmpq_init(x);
    fmpq_init(y);
    fmpq_init(e);
    /* 1 + 2^-11 is halfway between 1 and 1 + 2^-10 in F16: to even, 1 */
    fmpq_set_si(x, 2049, 2048);
    ck_assert_int_eq(lc_llama_round_value(y, x, LC_FMT_F16), 0);
    ck_assert(fmpq_is_one(y));
    /* 1 + 3 2^-11: halfway between 1 + 2^-10 and 1 + 2^-9: to even, 1 + 2^-9 */
    fmpq_set_si(x, 2051, 2048);
    lc_llama_round_value(y, x, LC_FMT_F16);
    fmpq_set_si(e, 513, 512);
    ck_assert(fmpq_equal(y, e));
    /* BF16 keeps 8 bits: 1/3 -> 171/512 */
    fmpq_set_si(x, 1, 3);
    lc_llama_round_value(y, x, LC_FMT_BF16);
    fmpq_set_si(e, 171, 512);
    ck_assert(fmpq_equal(y, e));
    /* F16 subnormal: 2^-25 is halfway between 0 and 2^-24: to even, 0 */
    fmpq_set_si(x, 1, 1);
    fmpq_div_2exp(x, x, 25);
    lc_llama_round_value(y, x, LC_FMT_F16);
    ck_assert(fmpq_is_zero(y));
    /* 65520 overflows F16 (rounds to 2^16) */
    fmpq_set_si(x, 65520, 1);
    ck_assert_int_eq(lc_llama_round_value(y, x, LC_FMT_F16), 1);
    /* F64 keeps 1/3 to 53 bits: 6004799503160661 / 2^54 */
    fmpq_set_si(x, 1, 3);
    lc_llama_round_value(y, x, LC_FMT_F64);
    fmpz_set_si(fmpq_numref(e), 6004799503160661);
    fmpz_one(fmpq_denref(e));
    fmpq_div_2exp(e, e, 54);
    ck_assert(fmpq_equal(y, e));
    fmpq_clear(x);
    fmpq_clear(y);
    fmpq_clear(e);
}
END_TEST

static void
rand_input(arb_mat_t E, fmpq_mat_t Eq, slong d, slong n, flint_rand_t st)
{
    slong i, j;

    fmpq_mat_init(Eq, d, n);
    for (i = 0; i < d; i++)
        for (j = 0; j < n; j++)
            fmpq_set_si(fmpq_mat_entry(Eq, i, j), (slong) n_randint(st, 33) - 16, 8);
    arb_mat_init(E, 0, 0);
    lc_ball_set_qmat(E, Eq, 256);
}

START_TEST(fold_and_hadamard_rotation_keep_the_function)
{
    flint_rand_t st;
    lc_tmodel_t M, F, R;
    fmpq_mat_t Eq, H, QE;
    arb_mat_t E, QEb, Y, Y2;
    lc_err_t err;

    flint_randinit(st);
    lc_rand_seed(st, 14);
    lc_tmodel_init(M);
    lc_tmodel_init(F);
    lc_tmodel_init(R);
    ck_assert_int_eq(lc_llama_alloc(M, 16, 4, 2, 4, 20, 2, err), LC_OK);
    lc_llama_randomize(M, st);
    rand_input(E, Eq, 16, 5, st);
    arb_mat_init(Y, 0, 0);
    arb_mat_init(Y2, 0, 0);
    arb_mat_init(QEb, 0, 0);
    fmpq_mat_init(H, 0, 0);
    fmpq_mat_init(QE, 16, 5);
    ck_assert_int_eq(lc_llama_forward(Y, M, E, 1, 256, err), LC_OK);
    ck_assert_int_eq(lc_llama_fold_rmsnorm(F, M, err), LC_OK);
    ck_assert_int_eq(lc_llama_forward(Y2, F, E, 1, 256, err), LC_OK);
    ck_assert(close_2exp(Y, Y2, -200));
    ck_assert_int_eq(lc_llama_hadamard(H, 16, err), LC_OK);
    ck_assert_int_eq(lc_llama_rotate_residual(R, F, H, err), LC_OK);
    fmpq_mat_mul(QE, H, Eq);
    lc_ball_set_qmat(QEb, QE, 256);
    ck_assert_int_eq(lc_llama_forward(Y2, R, QEb, 1, 256, err), LC_OK);
    ck_assert(close_2exp(Y, Y2, -200));
    /* the unfolded model rotated is a different function */
    ck_assert_int_eq(lc_llama_rotate_residual(R, M, H, err), LC_OK);
    ck_assert_int_eq(lc_llama_forward(Y2, R, QEb, 1, 256, err), LC_OK);
    ck_assert(!close_2exp(Y, Y2, -10));
    lc_tmodel_clear(M);
    lc_tmodel_clear(F);
    lc_tmodel_clear(R);
    fmpq_mat_clear(Eq);
    fmpq_mat_clear(H);
    fmpq_mat_clear(QE);
    arb_mat_clear(E);
    arb_mat_clear(QEb);
    arb_mat_clear(Y);
    arb_mat_clear(Y2);
    flint_randclear(st);
}
END_TEST

START_TEST(causal_output_of_a_token_ignores_later_tokens)
{
    flint_rand_t st;
    lc_tmodel_t M;
    fmpq_mat_t Eq, Eq2;
    arb_mat_t E, E2, Y, Y2, A, B;
    lc_err_t err;
    slong i;

    flint_randinit(st);
    lc_rand_seed(st, 3);
    lc_tmodel_init(M);
    ck_assert_int_eq(lc_llama_alloc(M, 8, 2, 1, 4, 12, 2, err), LC_OK);
    lc_llama_randomize(M, st);
    rand_input(E, Eq, 8, 4, st);
    rand_input(E2, Eq2, 8, 4, st);
    /* the first two tokens equal, the last two different */
    for (i = 0; i < 8; i++)
    {
        arb_set(arb_mat_entry(E2, i, 0), arb_mat_entry(E, i, 0));
        arb_set(arb_mat_entry(E2, i, 1), arb_mat_entry(E, i, 1));
    }
    arb_mat_init(Y, 0, 0);
    arb_mat_init(Y2, 0, 0);
    ck_assert_int_eq(lc_llama_forward(Y, M, E, 1, 128, err), LC_OK);
    ck_assert_int_eq(lc_llama_forward(Y2, M, E2, 1, 128, err), LC_OK);
    arb_mat_window_init(A, Y, 0, 0, 8, 2);
    arb_mat_window_init(B, Y2, 0, 0, 8, 2);
    ck_assert(close_2exp(A, B, -100));
    arb_mat_window_clear(A);
    arb_mat_window_clear(B);
    /* without the mask the first token sees the others */
    ck_assert_int_eq(lc_llama_forward(Y, M, E, 0, 128, err), LC_OK);
    ck_assert_int_eq(lc_llama_forward(Y2, M, E2, 0, 128, err), LC_OK);
    arb_mat_window_init(A, Y, 0, 0, 8, 1);
    arb_mat_window_init(B, Y2, 0, 0, 8, 1);
    ck_assert(!close_2exp(A, B, -20));
    arb_mat_window_clear(A);
    arb_mat_window_clear(B);
    lc_tmodel_clear(M);
    fmpq_mat_clear(Eq);
    fmpq_mat_clear(Eq2);
    arb_mat_clear(E);
    arb_mat_clear(E2);
    arb_mat_clear(Y);
    arb_mat_clear(Y2);
    flint_randclear(st);
}
END_TEST

START_TEST(checkpoints_load_with_their_configs)
{
    lc_tmodel_t M;
    lc_err_t err;
    char path[4096];

    lc_tmodel_init(M);
    snprintf(path, sizeof path, "%s/tests/fixtures/llama_mqa_bf16", top());
    ck_assert_int_eq(lc_llama_load_dir(M, path, 0, 0, -1, NULL, NULL, LC_TMODEL_MAX_BYTES, err),
                     LC_OK);
    ck_assert_int_eq(M->arch, LC_ARCH_LLAMA);
    ck_assert_int_eq(M->d_e, 16);
    ck_assert_int_eq(M->n_h, 4);
    ck_assert_int_eq(M->n_kv, 1);
    ck_assert_int_eq(M->d_h, 8);          /* head_dim, not d_e / n_h */
    ck_assert_int_eq(M->activation, LC_ACT_GELU_TANH);
    ck_assert(fmpq_equal_si(M->rope_theta, 1000000));
    ck_assert_int_eq(fmpz_get_si(fmpq_denref(M->eps)), 100000);   /* 1e-05 read as 1/10^5 */
    snprintf(path, sizeof path, "%s/tests/fixtures/llama_qwen2_f16", top());
    ck_assert_int_eq(lc_llama_load_dir(M, path, 0, 0, -1, NULL, NULL, LC_TMODEL_MAX_BYTES, err),
                     LC_OK);
    ck_assert(M->qkv_bias);
    ck_assert(!fmpq_mat_is_zero(M->layers[0].bk));
    snprintf(path, sizeof path, "%s/tests/fixtures/llama_gqa_f32_sharded", top());
    ck_assert_int_eq(lc_llama_load_dir(M, path, 0, 0, -1, NULL, NULL, LC_TMODEL_MAX_BYTES, err),
                     LC_OK);
    ck_assert_int_eq(M->n_kv, 2);
    /* a directory without a config */
    snprintf(path, sizeof path, "%s/tests/fixtures", top());
    ck_assert_int_eq(lc_llama_load_dir(M, path, 0, 0, -1, NULL, NULL, LC_TMODEL_MAX_BYTES, err),
                     LC_E_IO);
    /* the model unchanged by the failed load */
    ck_assert_int_eq(M->n_kv, 2);
    lc_tmodel_clear(M);
}
END_TEST

START_TEST(symmetry_tangents_have_the_counted_rank)
{
    flint_rand_t st;
    lc_tmodel_t M;
    fmpq_mat_t T;
    slong k;
    lc_err_t err;

    flint_randinit(st);
    lc_rand_seed(st, 7);
    lc_tmodel_init(M);
    fmpq_mat_init(T, 0, 0);
    ck_assert_int_eq(lc_llama_alloc(M, 8, 4, 2, 2, 6, 2, err), LC_OK);
    lc_llama_randomize(M, st);
    k = lc_llama_sym_tangents(T, M, LC_LFLAT_ALL);
    /* n_t (n_kv (d_h + d_h^2) + 2 d_e + d_f) = 2 (2 (2 + 4) + 16 + 6) = 68 */
    ck_assert_int_eq(k, 68);
    ck_assert_int_eq(lc_qmat_rank(T), 68);
    ck_assert_int_eq(T->r, lc_llama_nparams(M));
    lc_tmodel_clear(M);
    fmpq_mat_clear(T);
    flint_randclear(st);
}
END_TEST

/* The Jacobian is the derivative of SiLU or GELU gates; a ReLU gate (which a
   config's hidden_act "relu" gives) is refused, not differentiated as
   another activation. */
START_TEST(jacobian_refuses_a_relu_gate)
{
    lc_tmodel_t M;
    fmpq_mat_t E;
    arb_mat_t J;
    lc_err_t err;

    lc_tmodel_init(M);
    fmpq_mat_init(E, 4, 2);
    arb_mat_init(J, 0, 0);
    ck_assert_int_eq(lc_llama_alloc(M, 4, 2, 1, 2, 4, 1, err), LC_OK);
    fmpq_set_si(fmpq_mat_entry(E, 0, 0), 1, 1);
    fmpq_set_si(fmpq_mat_entry(E, 1, 1), -2, 1);
    ck_assert_int_eq(lc_llama_jacobian(J, M, E, 1, 1, 64, err), LC_OK);
    ck_assert_int_eq(arb_mat_ncols(J), lc_llama_nparams(M));
    M->activation = LC_ACT_RELU;
    ck_assert_int_eq(lc_llama_jacobian(J, M, E, 1, 1, 64, err), LC_E_ARG);
    ck_assert(strstr(err->msg, "differentiable") != NULL);
    lc_tmodel_clear(M);
    fmpq_mat_clear(E);
    arb_mat_clear(J);
}
END_TEST

int
main(void)
{
    Suite * s = suite_create("llama");
    TCase * tc = tcase_create("llama");
    SRunner * sr;
    int failed;

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, rms_norm_of_3_4_is_3_4_over_sqrt_12_5);
    tcase_add_test(tc, rope_is_the_identity_at_0_and_rotates_by_p_theta_pow);
    tcase_add_test(tc, hadamard_matrices_of_order_4_and_64_are_exactly_orthogonal);
    tcase_add_test(tc, rounding_to_ieee_formats_is_to_nearest_even);
    tcase_add_test(tc, fold_and_hadamard_rotation_keep_the_function);
    tcase_add_test(tc, causal_output_of_a_token_ignores_later_tokens);
    tcase_add_test(tc, checkpoints_load_with_their_configs);
    tcase_add_test(tc, symmetry_tangents_have_the_counted_rank);
    tcase_add_test(tc, jacobian_refuses_a_relu_gate);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
