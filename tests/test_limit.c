/* test_limit.c -- lib/limit: interrupts, time and memory limits, guards. */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <gmp.h>
#include <flint/flint.h>
#include <flint/fmpz.h>
#include "lc_arb.h"
#include "limit.h"

#define MiB ((size_t) 1 << 20)

static void
reset(void)
{
    lc_limit_clear_interrupt();
    lc_limit_set_timeout(0);
    lc_limit_clear_scope_timeout();
    lc_limit_set_max_memory(0);
}

/* ------------------------------------------------------------- sizes */

START_TEST(sizes_parse_with_binary_suffixes)
{
    size_t b;
    lc_err_t err;

    ck_assert_int_eq(lc_limit_parse_bytes(&b, "1048576", err), LC_OK);
    ck_assert_uint_eq(b, 1048576);
    ck_assert_int_eq(lc_limit_parse_bytes(&b, "64K", err), LC_OK);
    ck_assert_uint_eq(b, 65536);
    ck_assert_int_eq(lc_limit_parse_bytes(&b, "512m", err), LC_OK);
    ck_assert_uint_eq(b, (size_t) 512 << 20);
    ck_assert_int_eq(lc_limit_parse_bytes(&b, "2G", err), LC_OK);
    ck_assert_uint_eq(b, (size_t) 2 << 30);
    ck_assert_int_eq(lc_limit_parse_bytes(&b, "3GiB", err), LC_OK);
    ck_assert_uint_eq(b, (size_t) 3 << 30);
    ck_assert_int_eq(lc_limit_parse_bytes(&b, "100B", err), LC_OK);
    ck_assert_uint_eq(b, 100);
}
END_TEST

START_TEST(sizes_that_are_not_sizes_are_refused)
{
    static const char * bad[] = { "", "M", "1.5G", "-1", "12X", "4GG", " 4G", "4G ",
                                  "99999999999999999999999", "17179869184T" };
    size_t b = 7, i;
    lc_err_t err;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
    {
        ck_assert_msg(lc_limit_parse_bytes(&b, bad[i], err) == LC_E_ARG, "accepted '%s'", bad[i]);
        ck_assert_uint_eq(b, 7);
    }
}
END_TEST

START_TEST(sizes_format_in_binary_units)
{
    char buf[32];

    lc_limit_format_bytes(buf, sizeof(buf), 100);
    ck_assert_str_eq(buf, "100 bytes");
    lc_limit_format_bytes(buf, sizeof(buf), 8 * MiB);
    ck_assert_str_eq(buf, "8 MiB");
    lc_limit_format_bytes(buf, sizeof(buf), 3 * MiB / 2);
    ck_assert_str_eq(buf, "1.5 MiB");
    lc_limit_format_bytes(buf, sizeof(buf), (size_t) 8 << 30);
    ck_assert_str_eq(buf, "8 GiB");
}
END_TEST

START_TEST(default_memory_limit_is_at_most_8_gib)
{
    size_t d = lc_limit_default_max_memory();

    ck_assert(d > 0);
    ck_assert(d <= (size_t) 8 << 30);
}
END_TEST

START_TEST(stack_budget_leaves_a_reserve)
{
    size_t b = lc_limit_stack_budget();

    ck_assert(b >= ((size_t) 1 << 19));
    ck_assert(b <= ((size_t) 1 << 30));
}
END_TEST

/* ------------------------------------------------- interrupts and time */

START_TEST(interrupt_is_an_error_until_cleared)
{
    lc_err_t err;

    reset();
    ck_assert_int_eq(lc_limit_check(err), LC_OK);
    lc_limit_interrupt();
    ck_assert(lc_limit_interrupted());
    ck_assert(lc_limit_run_stopped());
    lc_err_init(err);
    ck_assert_int_eq(lc_limit_check(err), LC_E_INTERRUPT);
    ck_assert_str_eq(err->msg, "interrupted");
    /* it stays raised: every check on the way out fails */
    ck_assert_int_eq(lc_limit_check(NULL), LC_E_INTERRUPT);
    lc_limit_clear_interrupt();
    ck_assert_int_eq(lc_limit_check(err), LC_OK);
    ck_assert(!lc_limit_run_stopped());
}
END_TEST

START_TEST(scope_time_limit_counts_from_its_start)
{
    lc_err_t err;
    double t = lc_limit_now();

    reset();
    /* started 2 s ago with 1.5 s to go: over */
    lc_limit_set_scope_timeout(t - 2, 1.5);
    ck_assert_int_eq(lc_limit_check(err), LC_E_LIMIT);
    ck_assert_str_eq(err->msg, "time limit of 1.5 s reached");
    /* a scope's limit does not stop the run */
    ck_assert(!lc_limit_run_stopped());
    /* started now with an hour to go: fine */
    lc_limit_set_scope_timeout(t, 3600);
    ck_assert_int_eq(lc_limit_check(err), LC_OK);
    lc_limit_clear_scope_timeout();
    ck_assert_int_eq(lc_limit_check(err), LC_OK);
}
END_TEST

START_TEST(run_time_limit_stops_the_run)
{
    lc_err_t err;
    double t0 = lc_limit_now();

    reset();
    lc_limit_set_timeout(0.05);
    ck_assert_int_eq(lc_limit_check(err), LC_OK);
    while (lc_limit_now() < t0 + 0.1)
        ;
    ck_assert_int_eq(lc_limit_check(err), LC_E_LIMIT);
    ck_assert_str_eq(err->msg, "time limit of 0.05 s reached (--timeout)");
    ck_assert(lc_limit_run_stopped());
    lc_limit_set_timeout(0);
    ck_assert_int_eq(lc_limit_check(err), LC_OK);
}
END_TEST

/* ------------------------------------------------------------ guards */

START_TEST(poll_unwinds_to_the_innermost_guard)
{
    lc_limit_guard outer, inner;
    volatile int reached = 0, caught_inner = 0;

    reset();
    lc_limit_guard_enter(&outer);
    if (setjmp(outer.env) == 0)
    {
        lc_limit_guard_enter(&inner);
        if (setjmp(inner.env) == 0)
        {
            lc_limit_interrupt();
            lc_limit_poll();
            reached = 1;    /* never: the poll unwinds */
            lc_limit_guard_leave(&inner);
        }
        else
        {
            caught_inner = 1;
            ck_assert_int_eq(inner.err->code, LC_E_INTERRUPT);
            ck_assert_str_eq(inner.err->msg, "interrupted");
        }
        lc_limit_clear_interrupt();
        /* the outer guard is still the innermost one: leaving it is fine */
        lc_limit_guard_leave(&outer);
    }
    else
        ck_abort_msg("unwound to the outer guard");
    ck_assert(!reached);
    ck_assert(caught_inner);
}
END_TEST

START_TEST(poll_without_a_guard_lets_the_loop_go_on)
{
    reset();
    lc_limit_interrupt();
    lc_limit_poll();
    ck_assert(lc_limit_interrupted());
    lc_limit_clear_interrupt();
}
END_TEST

/* ------------------------------------------------------------ memory */

START_TEST(memory_in_use_is_counted)
{
    size_t u0, u1;
    void * p;

    reset();
    ck_assert(lc_limit_memory_installed());
    u0 = lc_limit_memory_used();
    p = flint_malloc(12345);
    u1 = lc_limit_memory_used();
    ck_assert_uint_eq(u1, u0 + 12345);
    ck_assert(lc_limit_memory_peak() >= u1);
    p = flint_realloc(p, 100);
    ck_assert_uint_eq(lc_limit_memory_used(), u0 + 100);
    flint_free(p);
    ck_assert_uint_eq(lc_limit_memory_used(), u0);
}
END_TEST

START_TEST(memory_check_refuses_what_would_pass_the_limit)
{
    lc_err_t err;

    reset();
    lc_limit_set_max_memory(lc_limit_memory_used() + 10 * MiB);
    ck_assert_int_eq(lc_limit_memory_check(9 * MiB, "this", err), LC_OK);
    ck_assert_int_eq(lc_limit_memory_check(11 * MiB, "the product", err), LC_E_LIMIT);
    ck_assert_str_eq(err->msg, "the product needs about 11 MiB, more than the memory limit of "
                     "10 MiB allows (--max-memory changes it)");
    lc_limit_set_max_memory(0);
    ck_assert_int_eq(lc_limit_memory_check(11 * MiB, "the product", err), LC_OK);
}
END_TEST

START_TEST(flint_allocation_past_the_limit_unwinds_before_it_is_made)
{
    lc_limit_guard g;
    size_t u0;
    void * volatile p = NULL;

    reset();
    u0 = lc_limit_memory_used();
    lc_limit_set_max_memory(u0 + 4 * MiB);
    lc_limit_guard_enter(&g);
    if (setjmp(g.env) == 0)
    {
        p = flint_malloc(5 * MiB);
        lc_limit_guard_leave(&g);
        ck_abort_msg("a 5 MiB block was allocated under a 4 MiB limit");
    }
    ck_assert_ptr_null(p);
    ck_assert_int_eq(g.err->code, LC_E_LIMIT);
    ck_assert_msg(strncmp(g.err->msg, "memory limit of ", 16) == 0, "%s", g.err->msg);
    ck_assert_uint_eq(lc_limit_memory_used(), u0);
    /* under the limit, allocation works as before */
    p = flint_malloc(MiB);
    flint_free(p);
    lc_limit_set_max_memory(0);
}
END_TEST

START_TEST(gmp_number_that_outgrows_the_limit_keeps_its_old_value)
{
    lc_limit_guard g;
    mpz_t x;
    volatile int unwound = 0;

    reset();
    mpz_init_set_ui(x, 12345);
    lc_limit_set_max_memory(lc_limit_memory_used() + 4 * MiB);
    lc_limit_guard_enter(&g);
    if (setjmp(g.env) == 0)
    {
        /* 3^(10^8) has 158 million bits, 19 MiB */
        mpz_ui_pow_ui(x, 3, 100000000);
        lc_limit_guard_leave(&g);
    }
    else
        unwound = 1;
    lc_limit_set_max_memory(0);
    ck_assert(unwound);
    ck_assert_int_eq(g.err->code, LC_E_LIMIT);
    /* the refusal came before GMP replaced x's block: x can be used and
       cleared (its value is whatever GMP had written so far) */
    mpz_set_ui(x, 7);
    ck_assert_int_eq(mpz_cmp_ui(x, 7), 0);
    mpz_clear(x);
}
END_TEST

START_TEST(small_blocks_may_pass_the_limit_by_a_slack_then_checks_fail)
{
    lc_limit_guard g;
    void * p[16];
    volatile int k = 0, unwound = 0;
    size_t u0;
    lc_err_t err;

    reset();
    u0 = lc_limit_memory_used();
    /* a limit of 8 MiB more: the slack is 4 MiB (a sixteenth, at least 4 MiB) */
    lc_limit_set_max_memory(u0 + 8 * MiB);
    for (k = 0; k < 8; k++)
        p[k] = flint_malloc(1000000);
    ck_assert_int_eq(lc_limit_check(err), LC_OK);
    /* 10^7 bytes: past the limit, within the slack; allowed, but the next
       check stops the computation */
    for (; k < 10; k++)
        p[k] = flint_malloc(1000000);
    ck_assert_int_eq(lc_limit_check(err), LC_E_LIMIT);
    ck_assert_msg(strncmp(err->msg, "memory limit of 8 MiB reached: ", 31) == 0, "%s", err->msg);
    /* past the slack (8 MiB + 4 MiB) small blocks are refused as well */
    lc_limit_guard_enter(&g);
    if (setjmp(g.env) == 0)
    {
        for (; k < 16; k++)
            p[k] = flint_malloc(1000000);
        lc_limit_guard_leave(&g);
    }
    else
        unwound = 1;
    ck_assert(unwound);
    /* 12 * 10^6 <= 8 MiB + 4 MiB = 12582912 < 13 * 10^6: the 13th is refused */
    ck_assert_int_eq(k, 12);
    while (k-- > 0)
        flint_free(p[k]);
    ck_assert_uint_eq(lc_limit_memory_used(), u0);
    ck_assert_int_eq(lc_limit_check(err), LC_OK);
    lc_limit_set_max_memory(0);
}
END_TEST

START_TEST(cached_constants_are_right_after_an_unwind_inside_them)
{
    lc_limit_guard g;
    volatile int unwound = 0;
    arb_t x, y;
    slong prec;

    reset();
    arb_init(x);
    arb_init(y);
    /* pi and log 2 cached at 256 bits, then a computation at 2^24 bits
       refused half way */
    arb_const_pi(x, 256);
    arb_const_log2(x, 256);
    lc_limit_set_max_memory(lc_limit_memory_used() + 8 * MiB);
    for (prec = WORD(1) << 24; prec >= WORD(1) << 20 && !unwound; prec /= 2)
    {
        lc_limit_guard_enter(&g);
        if (setjmp(g.env) == 0)
        {
            arb_const_pi(x, prec);
            arb_const_log2(x, prec);
            lc_limit_guard_leave(&g);
        }
        else
            unwound = 1;
    }
    lc_limit_set_max_memory(0);
    ck_assert(unwound);
    /* whatever the caches held when the unwind came, pi and log 2 come
       out right: 3.14159265358979323846... and 0.693147180559945309417...
       (Arb 2.23 writes these two caches only at the end of their
       computation, so this pins the outcome rather than reproducing a
       corrupt cache; lc_limit_unwind drops every cache to be safe with the
       others.) */
    arb_const_pi(x, 256);
    arb_set_str(y, "3.14159265358979323846264338327950288 +/- 1e-30", 256);
    ck_assert(arb_overlaps(x, y));
    ck_assert(mag_cmp_2exp_si(arb_radref(x), -250) < 0);
    arb_const_log2(x, 256);
    arb_set_str(y, "0.693147180559945309417232121458176568 +/- 1e-30", 256);
    ck_assert(arb_overlaps(x, y));
    ck_assert(mag_cmp_2exp_si(arb_radref(x), -250) < 0);
    arb_clear(x);
    arb_clear(y);
}
END_TEST

START_TEST(refusal_without_a_guard_exits_with_status_2)
{
    reset();
    lc_limit_set_max_memory(lc_limit_memory_used() + MiB);
    (void) flint_malloc(2 * MiB);
    ck_abort_msg("not reached");
}
END_TEST

static Suite *
limit_suite(void)
{
    Suite * s = suite_create("limit");
    TCase * tc;

    tc = tcase_create("sizes");
    tcase_add_test(tc, sizes_parse_with_binary_suffixes);
    tcase_add_test(tc, sizes_that_are_not_sizes_are_refused);
    tcase_add_test(tc, sizes_format_in_binary_units);
    tcase_add_test(tc, default_memory_limit_is_at_most_8_gib);
    tcase_add_test(tc, stack_budget_leaves_a_reserve);
    suite_add_tcase(s, tc);

    tc = tcase_create("stops");
    tcase_add_test(tc, interrupt_is_an_error_until_cleared);
    tcase_add_test(tc, scope_time_limit_counts_from_its_start);
    tcase_add_test(tc, run_time_limit_stops_the_run);
    tcase_add_test(tc, poll_unwinds_to_the_innermost_guard);
    tcase_add_test(tc, poll_without_a_guard_lets_the_loop_go_on);
    suite_add_tcase(s, tc);

    tc = tcase_create("memory");
    tcase_add_test(tc, memory_in_use_is_counted);
    tcase_add_test(tc, memory_check_refuses_what_would_pass_the_limit);
    tcase_add_test(tc, flint_allocation_past_the_limit_unwinds_before_it_is_made);
    tcase_add_test(tc, gmp_number_that_outgrows_the_limit_keeps_its_old_value);
    tcase_add_test(tc, small_blocks_may_pass_the_limit_by_a_slack_then_checks_fail);
    tcase_add_test(tc, cached_constants_are_right_after_an_unwind_inside_them);
    tcase_add_exit_test(tc, refusal_without_a_guard_exits_with_status_2, 2);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner * sr;
    int failed;

    /* first, as liecheck's main does: every GMP and FLINT block is counted */
    lc_limit_memory_install();
    sr = srunner_create(limit_suite());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    flint_cleanup();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
