/* test_check.c -- the verdict engine (lib/check): the rule on every
 * combination of check kinds and outcomes, the precision-sweep rule, the
 * comparisons (exact, balls, balls that are not finite), certificates that
 * survive whole, and running a claim from C.
 *
 * Expected values come from the rule as documented in check.h and
 * doc/reports.md, and from arithmetic one can do by hand (e = 2.71828...,
 * so e - 27/10 = 0.01828... > 0). */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "liecheck.h"

static lc_verdict
verdict_of(const lc_check_t c)
{
    return lc_check_verdict(NULL, NULL, c);
}

static void
add_ball_true(lc_check_t c, double b, slong prec)
{
    arf_t x;

    arf_init(x);
    arf_set_d(x, b);
    lc_check_add(c, LC_CHECK_CERTIFIED, LC_CHECK_TRUE, x, prec, "ball true");
    arf_clear(x);
}

/* ------------------------------------------------------------------ rule */

START_TEST(no_check_is_undecided)
{
    lc_check_t c;

    lc_check_init(c);
    ck_assert_int_eq(verdict_of(c), LC_UNDECIDED);
    lc_check_note(c, "a note decides nothing");
    lc_check_describe(c, "exact over Q");
    ck_assert_int_eq(verdict_of(c), LC_UNDECIDED);
    lc_check_clear(c);
}
END_TEST

START_TEST(all_exact_and_true_is_proved)
{
    lc_check_t c;

    lc_check_init(c);
    lc_check_fact(c, 1, LC_CHECK_EXACT, "a");
    lc_check_fact(c, 1, LC_CHECK_EXACT, "b");
    ck_assert_int_eq(verdict_of(c), LC_PROVED);
    lc_check_clear(c);
}
END_TEST

START_TEST(exact_true_and_ball_true_is_holds_with_the_largest_bound)
{
    lc_check_t c;
    arf_t b;
    int hb;

    lc_check_init(c);
    arf_init(b);
    lc_check_fact(c, 1, LC_CHECK_EXACT, "exact");
    add_ball_true(c, 0.25, 64);
    add_ball_true(c, 0.5, 64);
    ck_assert_int_eq(lc_check_verdict(b, &hb, c), LC_HOLDS);
    ck_assert_int_eq(hb, 1);
    ck_assert(arf_equal_si(b, 1) == 0);
    arf_mul_2exp_si(b, b, 1);
    ck_assert(arf_is_one(b));   /* the bound was 1/2, the larger of the two */
    arf_clear(b);
    lc_check_clear(c);
}
END_TEST

START_TEST(a_certified_fact_without_bound_holds_never_proves)
{
    lc_check_t c;
    int hb;

    lc_check_init(c);
    lc_check_fact(c, 1, LC_CHECK_CERTIFIED, "x < 1, decided by balls");
    ck_assert_int_eq(lc_check_verdict(NULL, &hb, c), LC_HOLDS);
    ck_assert_int_eq(hb, 0);
    lc_check_clear(c);
}
END_TEST

START_TEST(any_false_check_refutes_whatever_else)
{
    lc_check_t c;

    lc_check_init(c);
    lc_check_fact(c, 1, LC_CHECK_EXACT, "true");
    lc_check_undecided(c, "limit");
    lc_check_not_checkable(c, "vague");
    ck_assert_int_ne(verdict_of(c), LC_REFUTED);
    lc_check_fact(c, 0, LC_CHECK_CERTIFIED, "the ball excludes 0");
    ck_assert_int_eq(verdict_of(c), LC_REFUTED);
    ck_assert(lc_check_stopped(c));
    lc_check_reset(c);
    lc_check_fact(c, 0, LC_CHECK_EXACT, "exactly different");
    add_ball_true(c, 1e-30, 128);
    ck_assert_int_eq(verdict_of(c), LC_REFUTED);
    lc_check_clear(c);
}
END_TEST

START_TEST(undecided_and_true_is_undecided)
{
    lc_check_t c;

    lc_check_init(c);
    lc_check_fact(c, 1, LC_CHECK_EXACT, "true");
    add_ball_true(c, 1e-30, 128);
    lc_check_undecided(c, "enclosure too wide");
    ck_assert_int_eq(verdict_of(c), LC_UNDECIDED);
    lc_check_clear(c);
}
END_TEST

START_TEST(not_checkable_only_alone)
{
    lc_check_t c;

    lc_check_init(c);
    lc_check_not_checkable(c, "never defined");
    ck_assert_int_eq(verdict_of(c), LC_NOT_CHECKABLE);
    ck_assert(lc_check_stopped(c));
    lc_check_fact(c, 1, LC_CHECK_EXACT, "a side fact");
    ck_assert_int_eq(verdict_of(c), LC_UNDECIDED);
    lc_check_clear(c);
}
END_TEST

START_TEST(the_method_text_never_upgrades)
{
    lc_check_t c;
    char * m;

    lc_check_init(c);
    add_ball_true(c, 1e-40, 256);
    lc_check_describe(c, "exact over Q");
    ck_assert_int_eq(verdict_of(c), LC_HOLDS);
    m = lc_check_method(c);
    ck_assert_msg(strstr(m, "certified ball arithmetic (Arb) at 256 bits: 1 check") == m,
                  "method: %s", m);
    ck_assert(strstr(m, "exact over Q") != NULL);
    flint_free(m);
    lc_check_clear(c);
}
END_TEST

START_TEST(a_refutation_certificate_holds_the_false_check_only)
{
    lc_check_t c;
    char * t;

    lc_check_init(c);
    lc_check_fact(c, 1, LC_CHECK_EXACT, "TRUE-TEXT");
    lc_check_fact(c, 0, LC_CHECK_EXACT, "FALSE-TEXT");
    lc_check_note(c, "NOTE");
    t = lc_check_certificate(c);
    ck_assert_str_eq(t, "FALSE-TEXT; NOTE");
    flint_free(t);
    lc_check_clear(c);
}
END_TEST

/* ----------------------------------------------------------- comparisons */

START_TEST(exact_matrices_refute_with_the_differing_entry_in_full)
{
    lc_check_t c;
    lc_check_outcome o;
    fmpq_mat_t A, B;
    fmpz_t big;
    char * digits;
    lc_err_t err;

    lc_check_init(c);
    fmpq_mat_init(A, 2, 2);
    fmpq_mat_init(B, 2, 2);
    fmpz_init(big);
    fmpq_mat_one(A);
    fmpq_mat_one(B);
    /* 10^12000 - 1: twelve thousand nines, far past any fixed buffer. */
    fmpz_ui_pow_ui(big, 10, 12000);
    fmpz_sub_ui(big, big, 1);
    fmpz_one(fmpq_numref(fmpq_mat_entry(A, 1, 0)));
    fmpz_set(fmpq_denref(fmpq_mat_entry(A, 1, 0)), big);
    ck_assert_int_eq(lc_check_equal_qmat(&o, c, A, B, "equal", err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_FALSE);
    ck_assert_int_eq(verdict_of(c), LC_REFUTED);
    digits = fmpz_get_str(NULL, 10, big);
    ck_assert_uint_eq(strlen(digits), 12000);
    ck_assert_msg(strstr(c->recs[0].text, digits) != NULL, "the certificate lost digits");
    ck_assert(strstr(c->recs[0].text, "entry (2, 1) is 1/") != NULL);
    flint_free(digits);
    /* Equal matrices: exact and true. */
    lc_check_reset(c);
    ck_assert_int_eq(lc_check_equal_qmat(&o, c, B, B, "equal", err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_TRUE);
    ck_assert_int_eq(verdict_of(c), LC_PROVED);
    /* Sizes that differ: a usage error, nothing recorded. */
    lc_check_reset(c);
    fmpq_mat_clear(B);
    fmpq_mat_init(B, 2, 3);
    ck_assert_int_eq(lc_check_equal_qmat(&o, c, A, B, "equal", err), LC_E_DIM);
    ck_assert_int_eq(c->len, 0);
    fmpz_clear(big);
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    lc_check_clear(c);
}
END_TEST

START_TEST(e_is_not_27_over_10_at_any_allowed_precision)
{
    slong prec;

    /* e - 27/10 = 0.0182818...: a ball comparison refutes it as soon as the
       enclosure of e is narrower than that, and never lets it hold. */
    for (prec = 16; prec <= 1024; prec *= 2)
    {
        lc_check_t c;
        lc_check_outcome o;
        arb_t e, q;
        lc_err_t err;

        lc_check_init(c);
        arb_init(e);
        arb_init(q);
        arb_const_e(e, prec);
        arb_set_si(q, 27);
        arb_div_si(q, q, 10, prec);
        ck_assert_int_eq(lc_check_equal_arb(&o, c, e, q, "equal", prec, err), LC_OK);
        ck_assert_int_eq(o, LC_CHECK_FALSE);
        ck_assert(strstr(c->recs[0].text, "excludes 0") != NULL);
        arb_clear(e);
        arb_clear(q);
        lc_check_clear(c);
    }
}
END_TEST

START_TEST(a_true_ball_identity_has_a_bound_below_two_to_minus_half_prec)
{
    lc_check_t c;
    lc_check_outcome o;
    arb_t x, y;
    arf_t b, lim;
    lc_err_t err;

    /* 3 * (1/3) = 1, in balls at 128 bits. */
    lc_check_init(c);
    arb_init(x);
    arb_init(y);
    arf_init(b);
    arf_init(lim);
    arb_set_si(x, 1);
    arb_div_si(x, x, 3, 128);
    arb_mul_si(x, x, 3, 128);
    arb_one(y);
    ck_assert_int_eq(lc_check_equal_arb(&o, c, x, y, "equal", 128, err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_TRUE);
    ck_assert_int_eq(lc_check_verdict(b, NULL, c), LC_HOLDS);
    arf_one(lim);
    arf_mul_2exp_si(lim, lim, -64);
    ck_assert(arf_cmp(b, lim) <= 0);
    ck_assert(!arf_is_zero(b));
    arb_clear(x);
    arb_clear(y);
    arf_clear(b);
    arf_clear(lim);
    lc_check_clear(c);
}
END_TEST

START_TEST(a_ball_that_is_not_finite_is_undecided_never_exact_never_small)
{
    lc_check_t c;
    lc_check_outcome o;
    arb_mat_t S, T;
    lc_err_t err;

    /* The softmax-overflow shape: [[nan, nan]] with radius "0". */
    lc_check_init(c);
    arb_mat_init(S, 1, 2);
    arb_mat_init(T, 1, 2);
    arb_indeterminate(arb_mat_entry(S, 0, 0));
    arb_indeterminate(arb_mat_entry(S, 0, 1));
    arb_set_si(arb_mat_entry(T, 0, 0), 5);
    arb_set_si(arb_mat_entry(T, 0, 1), 7);
    ck_assert_int_eq(lc_check_equal_arb_mat(&o, c, S, T, "equal", 128, err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_UNDECIDED);
    ck_assert_int_eq(verdict_of(c), LC_UNDECIDED);
    ck_assert(strstr(c->recs[0].text, "not finite") != NULL);
    /* An infinite radius around a finite midpoint: the same. */
    lc_check_reset(c);
    arb_set_si(arb_mat_entry(S, 0, 0), 5);
    mag_inf(arb_radref(arb_mat_entry(S, 0, 0)));
    arb_set_si(arb_mat_entry(S, 0, 1), 7);
    ck_assert_int_eq(lc_check_equal_arb_mat(&o, c, T, S, "equal", 128, err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_UNDECIDED);
    ck_assert(strstr(c->recs[0].text, "right side") != NULL);
    arb_mat_clear(S);
    arb_mat_clear(T);
    lc_check_clear(c);
}
END_TEST

START_TEST(orthogonal_and_commute_checks_decide_exactly_or_in_balls)
{
    lc_check_t c;
    lc_check_outcome o;
    fmpq_mat_t Q, A;
    arb_mat_t B;
    lc_err_t err;

    lc_check_init(c);
    fmpq_mat_init(Q, 2, 2);
    fmpq_mat_init(A, 2, 2);
    arb_mat_init(B, 2, 2);
    /* The rotation [[3/5, -4/5], [4/5, 3/5]] is orthogonal; [[1, 1], [0, 1]] is not. */
    fmpq_set_si(fmpq_mat_entry(Q, 0, 0), 3, 5);
    fmpq_set_si(fmpq_mat_entry(Q, 0, 1), -4, 5);
    fmpq_set_si(fmpq_mat_entry(Q, 1, 0), 4, 5);
    fmpq_set_si(fmpq_mat_entry(Q, 1, 1), 3, 5);
    ck_assert_int_eq(lc_check_orthogonal_qmat(&o, c, Q, err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_TRUE);
    fmpq_mat_one(A);
    fmpq_set_si(fmpq_mat_entry(A, 0, 1), 1, 1);
    ck_assert_int_eq(lc_check_orthogonal_qmat(&o, c, A, err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_FALSE);
    /* Rotations of the plane commute with each other, not with a shear. */
    ck_assert_int_eq(lc_check_commute_qmat(&o, c, Q, Q, err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_TRUE);
    ck_assert_int_eq(lc_check_commute_qmat(&o, c, Q, A, err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_FALSE);
    arb_mat_set_fmpq_mat(B, Q, 128);
    lc_check_reset(c);
    ck_assert_int_eq(lc_check_orthogonal_arb_mat(&o, c, B, 128, err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_TRUE);
    ck_assert_int_eq(c->recs[0].kind, LC_CHECK_CERTIFIED);
    ck_assert_int_eq(verdict_of(c), LC_HOLDS);
    fmpq_mat_clear(Q);
    fmpq_mat_clear(A);
    arb_mat_clear(B);
    lc_check_clear(c);
}
END_TEST

/* ----------------------------------------------------------------- sweeps */

static lc_verdict
sweep_of(slong * at, char ** reason, slong n, const slong * prec, const lc_verdict * v,
         const double * bound)
{
    lc_sweep_t s;
    lc_verdict r;
    arf_t b;
    slong i;

    lc_sweep_init(s);
    arf_init(b);
    for (i = 0; i < n; i++)
    {
        arf_set_d(b, bound[i]);
        lc_sweep_add(s, prec[i], v[i], bound[i] >= 0 ? b : NULL);
    }
    r = lc_sweep_verdict(at, reason, s);
    arf_clear(b);
    lc_sweep_clear(s);
    return r;
}

START_TEST(a_bound_that_falls_like_two_to_minus_prec_holds)
{
    slong p[3] = { 64, 128, 256 }, at;
    lc_verdict v[3] = { LC_HOLDS, LC_HOLDS, LC_HOLDS };
    double b[3] = { 0x1p-60, 0x1p-124, 0x1p-252 };
    char * reason;

    ck_assert_int_eq(sweep_of(&at, &reason, 3, p, v, b), LC_HOLDS);
    ck_assert_int_eq(at, 2);
    ck_assert(reason == NULL);
}
END_TEST

START_TEST(a_bound_that_stalls_is_undecided)
{
    slong p[2] = { 128, 256 }, at;
    lc_verdict v[2] = { LC_HOLDS, LC_HOLDS };
    double b[2] = { 1e-30, 1e-31 };
    char * reason;

    ck_assert_int_eq(sweep_of(&at, &reason, 2, p, v, b), LC_UNDECIDED);
    ck_assert(reason != NULL);
    ck_assert_msg(strstr(reason, "bound does not shrink") == reason, "%s", reason);
    flint_free(reason);
}
END_TEST

START_TEST(a_refutation_at_64_bits_stands_against_holds_at_1024)
{
    slong p[3] = { 64, 256, 1024 }, at;
    lc_verdict v[3] = { LC_REFUTED, LC_HOLDS, LC_HOLDS };
    double b[3] = { -1, 0x1p-250, 0x1p-1018 };
    char * reason;

    ck_assert_int_eq(sweep_of(&at, &reason, 3, p, v, b), LC_REFUTED);
    ck_assert_int_eq(at, 0);
}
END_TEST

START_TEST(one_holds_run_is_not_enough)
{
    slong p[1] = { 128 }, at;
    lc_verdict v[1] = { LC_HOLDS };
    double b[1] = { 0x1p-120 };
    char * reason;

    ck_assert_int_eq(sweep_of(&at, &reason, 1, p, v, b), LC_UNDECIDED);
    ck_assert(reason != NULL);
    flint_free(reason);
}
END_TEST

START_TEST(undecided_low_precisions_do_not_count_against_later_holds)
{
    slong p[4] = { 64, 128, 256, 512 }, at;
    lc_verdict v[4] = { LC_UNDECIDED, LC_HOLDS, LC_HOLDS, LC_HOLDS };
    lc_verdict w[3] = { LC_HOLDS, LC_HOLDS, LC_UNDECIDED };
    double b[4] = { -1, 0x1p-100, 0x1p-230, 0x1p-490 };
    char * reason;

    ck_assert_int_eq(sweep_of(&at, &reason, 4, p, v, b), LC_HOLDS);
    /* ... but an undecided last run is undecided. */
    ck_assert_int_eq(sweep_of(&at, &reason, 3, p, w, b + 1), LC_UNDECIDED);
}
END_TEST

START_TEST(exact_runs_at_every_precision_are_proved)
{
    slong p[2] = { 64, 128 }, at;
    lc_verdict v[2] = { LC_PROVED, LC_PROVED };
    double b[2] = { -1, -1 };
    char * reason;

    ck_assert_int_eq(sweep_of(&at, &reason, 2, p, v, b), LC_PROVED);
}
END_TEST

/* ------------------------------------------------------ running a claim */

/* 3 * (1/3) = 1 recomputed at each precision: a true identity. */
static int
body_third(lc_check_t chk, slong prec, void * data, lc_err_t err)
{
    arb_t x, y;
    lc_check_outcome o;
    int st;

    (void) data;
    arb_init(x);
    arb_init(y);
    arb_set_si(x, 1);
    arb_div_si(x, x, 3, prec);
    arb_mul_si(x, x, 3, prec);
    arb_one(y);
    st = lc_check_equal_arb(&o, chk, x, y, "3 * (1/3) = 1", prec, err);
    arb_clear(x);
    arb_clear(y);
    return st;
}

/* A ball fixed once at 64 bits, compared at whatever precision: the bound
   cannot fall, whatever the precision. */
static int
body_stale(lc_check_t chk, slong prec, void * data, lc_err_t err)
{
    const arb_struct * x = data;
    arb_t y;
    lc_check_outcome o;
    int st;

    arb_init(y);
    arb_one(y);
    st = lc_check_equal_arb(&o, chk, x, y, "stale", prec, err);
    arb_clear(y);
    return st;
}

static int
body_error(lc_check_t chk, slong prec, void * data, lc_err_t err)
{
    (void) chk;
    (void) prec;
    (void) data;
    return lc_err_set(err, LC_E_DOMAIN, "log: not in the domain");
}

START_TEST(a_claim_without_sweep_is_confirmed_at_twice_its_precision)
{
    lc_claim_struct c;

    lc_claim_init(&c);
    lc_check_run_claim(&c, body_third, NULL, NULL, 0, 128);
    ck_assert_int_eq(c.verdict, LC_HOLDS);
    ck_assert_int_eq(c.nsweep, 2);
    ck_assert_int_eq(c.sweep[0].prec, 128);
    ck_assert_int_eq(c.sweep[1].prec, 256);
    ck_assert_int_eq(c.prec, 256);
    ck_assert(c.bound != NULL);
    ck_assert_int_eq(c.nchecks, 1);
    ck_assert_int_eq(c.checks[0].kind, LC_CHECK_CERTIFIED);
    ck_assert_int_eq(c.checks[0].prec, 256);
    lc_claim_clear(&c);
}
END_TEST

START_TEST(a_stale_ball_holds_at_no_precision)
{
    lc_claim_struct c;
    arb_t x;

    lc_claim_init(&c);
    arb_init(x);
    arb_set_si(x, 1);
    arb_div_si(x, x, 3, 64);
    arb_mul_si(x, x, 3, 64);
    lc_check_run_claim(&c, body_stale, x, NULL, 0, 64);
    ck_assert_int_eq(c.verdict, LC_UNDECIDED);
    ck_assert_int_eq(c.nsweep, 2);
    ck_assert_int_eq(c.sweep[0].verdict, LC_HOLDS);
    lc_claim_clear(&c);
    arb_clear(x);
}
END_TEST

START_TEST(an_error_inside_a_claim_is_undecided_with_its_message)
{
    lc_claim_struct c;
    slong precs[2] = { 64, 128 };

    lc_claim_init(&c);
    lc_check_run_claim(&c, body_error, NULL, precs, 2, 64);
    ck_assert_int_eq(c.verdict, LC_UNDECIDED);
    ck_assert(strstr(c.certificate, "log: not in the domain") != NULL);
    ck_assert_int_eq(c.checks[0].kind, LC_CHECK_NONE);
    ck_assert_int_eq(c.checks[0].outcome, LC_CHECK_UNDECIDED);
    lc_claim_clear(&c);
}
END_TEST

START_TEST(bounds_print_rounded_up_and_non_finite_ones_say_so)
{
    arf_t x;
    char * s;

    arf_init(x);
    arf_nan(x);
    s = lc_arf_get_str_up(x);
    ck_assert_str_eq(s, "nan");
    flint_free(s);
    arf_pos_inf(x);
    s = lc_arf_get_str_up(x);
    ck_assert_str_eq(s, "inf");
    flint_free(s);
    arf_set_si(x, 1);
    arf_div_si(x, x, 3, 64, ARF_RND_DOWN);   /* 0.33333... */
    s = lc_arf_get_str_up(x);
    ck_assert_str_eq(s, "3.34e-01");
    flint_free(s);
    /* 2^-10^7: beyond MPFR's exponents, printed as a power of two. */
    arf_one(x);
    arf_mul_2exp_si(x, x, -10000000);
    s = lc_arf_get_str_up(x);
    ck_assert_str_eq(s, "2^-9999999");
    flint_free(s);
    arf_clear(x);
}
END_TEST

static Suite *
check_suite(void)
{
    Suite * s = suite_create("check");
    TCase * tc;

    tc = tcase_create("rule");
    tcase_add_test(tc, no_check_is_undecided);
    tcase_add_test(tc, all_exact_and_true_is_proved);
    tcase_add_test(tc, exact_true_and_ball_true_is_holds_with_the_largest_bound);
    tcase_add_test(tc, a_certified_fact_without_bound_holds_never_proves);
    tcase_add_test(tc, any_false_check_refutes_whatever_else);
    tcase_add_test(tc, undecided_and_true_is_undecided);
    tcase_add_test(tc, not_checkable_only_alone);
    tcase_add_test(tc, the_method_text_never_upgrades);
    tcase_add_test(tc, a_refutation_certificate_holds_the_false_check_only);
    suite_add_tcase(s, tc);

    tc = tcase_create("comparisons");
    tcase_add_test(tc, exact_matrices_refute_with_the_differing_entry_in_full);
    tcase_add_test(tc, e_is_not_27_over_10_at_any_allowed_precision);
    tcase_add_test(tc, a_true_ball_identity_has_a_bound_below_two_to_minus_half_prec);
    tcase_add_test(tc, a_ball_that_is_not_finite_is_undecided_never_exact_never_small);
    tcase_add_test(tc, orthogonal_and_commute_checks_decide_exactly_or_in_balls);
    suite_add_tcase(s, tc);

    tc = tcase_create("sweep");
    tcase_add_test(tc, a_bound_that_falls_like_two_to_minus_prec_holds);
    tcase_add_test(tc, a_bound_that_stalls_is_undecided);
    tcase_add_test(tc, a_refutation_at_64_bits_stands_against_holds_at_1024);
    tcase_add_test(tc, one_holds_run_is_not_enough);
    tcase_add_test(tc, undecided_low_precisions_do_not_count_against_later_holds);
    tcase_add_test(tc, exact_runs_at_every_precision_are_proved);
    suite_add_tcase(s, tc);

    tc = tcase_create("claims");
    tcase_add_test(tc, a_claim_without_sweep_is_confirmed_at_twice_its_precision);
    tcase_add_test(tc, a_stale_ball_holds_at_no_precision);
    tcase_add_test(tc, an_error_inside_a_claim_is_undecided_with_its_message);
    tcase_add_test(tc, bounds_print_rounded_up_and_non_finite_ones_say_so);
    suite_add_tcase(s, tc);

    return s;
}

int
main(void)
{
    SRunner * sr = srunner_create(check_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    flint_cleanup();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
