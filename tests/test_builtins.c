/* test_builtins.c -- unit tests for the registry of built-ins (src/builtins).
 *
 * What is pinned down: the registry passes its own invariants (so a
 * duplicate row fails `make check` here as well as at every session start),
 * the invariant check refuses each kind of broken table built by hand, and
 * the dispatcher picks rows by kind, reports a call that fits no row with
 * the accepted forms, and names the argument and element of a bad list of
 * matrices.  The expected messages are the contracts of builtins.h. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "builtins.h"

/* ------------------------------------------------------------------ helpers */

static int
dummy(LC_BUILTIN_PARAMS)
{
    LC_BUILTIN_UNUSED;
    *res = lc_val_nil();
    return LC_OK;
}

#define ROW(name, kinds, lo, hi, sig) \
    ((lc_builtin_struct) { LC_FAM_CORE, name, kinds, lo, hi, dummy, sig, "help", "example" })

/* Whether the two rows a, b (in that order) pass the invariant check. */
static int
pair_passes(lc_builtin_struct a, lc_builtin_struct b)
{
    lc_builtin_struct t[2];
    lc_err_t err;

    t[0] = a;
    t[1] = b;
    return lc_builtin_check_table(t, 2, err) == LC_OK;
}

/* name(args) through the dispatcher; the status, the message in err. */
static int
call(lc_val * res, lc_session_t S, const char * name, lc_val * args, slong nargs, lc_err_t err)
{
    const lc_builtin_struct * b = lc_builtin_find(name);

    ck_assert_ptr_nonnull(b);
    return lc_builtin_call(res, S, b, args, nargs, err);
}

static lc_val
eye_val(slong n)
{
    lc_val v = lc_val_mat();

    lc_qmat_eye(v->u.m, n);
    return v;
}

/* --------------------------------------------------------------- registry */

START_TEST(the_registry_passes_its_invariants)
{
    lc_err_t err;

    ck_assert_msg(lc_builtin_check_registry(err) == LC_OK, "%s", err->msg);
}
END_TEST

START_TEST(every_row_is_found_by_name_and_has_a_family)
{
    slong i, n = lc_builtin_nrows();

    ck_assert_int_gt(n, 150);
    ck_assert_ptr_null(lc_builtin_row(n));
    for (i = 0; i < n; i++)
    {
        const lc_builtin_struct * r = lc_builtin_row(i), * f = lc_builtin_find(r->name);

        ck_assert_ptr_nonnull(f);
        ck_assert_str_eq(f->name, r->name);
        ck_assert_str_ne(lc_family_name(r->family), "?");
    }
}
END_TEST

START_TEST(the_lie_and_group_forms_are_rows_of_one_name)
{
    slong i, n = lc_builtin_nrows(), lie = 0, group = 0;

    for (i = 0; i < n; i++)
    {
        const lc_builtin_struct * r = lc_builtin_row(i);

        if (strcmp(r->name, "centre") != 0)
            continue;
        if (r->family == LC_FAM_LIE)
            lie++;
        if (r->family == LC_FAM_GROUP)
        {
            group++;
            ck_assert_int_eq(r->max_args, 2);
        }
    }
    ck_assert_int_eq(lie, 1);
    ck_assert_int_eq(group, 1);
    ck_assert_str_eq(lc_builtin_find("centre")->sig, "centre(L)");
    ck_assert_str_eq(lc_family_name(LC_FAM_LIE), "lie");
    ck_assert_str_eq(lc_family_name(LC_FAM_TRANSFORMER), "transformer");
}
END_TEST

/* ------------------------------------------------------------- invariants */

START_TEST(a_duplicate_row_is_refused)
{
    lc_builtin_struct t[2] = { ROW("centre", "l", 1, 1, "centre(L)"), ROW("centre", "l", 1, 1, "centre(L)") };
    lc_err_t err;

    ck_assert_int_eq(lc_builtin_check_table(t, 2, err), LC_E_ARG);
    ck_assert_ptr_nonnull(strstr(err->msg, "centre(L)"));
    ck_assert_ptr_nonnull(strstr(err->msg, "two rows of 'centre'"));
}
END_TEST

START_TEST(rows_whose_kinds_share_a_value_are_refused)
{
    /* an integer is a number; any value is a group; both kinds are lists */
    ck_assert(!pair_passes(ROW("f", "n", 1, 1, "f(x)"), ROW("f", "i", 1, 1, "f(k)")));
    ck_assert(!pair_passes(ROW("f", "a", 1, 1, "f(x)"), ROW("f", "g", 1, 1, "f(G)")));
    ck_assert(!pair_passes(ROW("f", "L", 1, 1, "f(l)"), ROW("f", "M", 1, 1, "f([A])")));
    ck_assert(!pair_passes(ROW("f", "x", 1, 1, "f(A)"), ROW("f", "m", 1, 1, "f(A)")));
    /* unbounded arities meet far out: f(A, B, ...) and f(A, n, ...) at (A) */
    ck_assert(!pair_passes(ROW("f", "m", 1, -1, "f(A, ...)"), ROW("f", "mi", 1, -1, "f(A, n, ...)")));
}
END_TEST

START_TEST(rows_told_apart_by_kind_or_arity_pass)
{
    ck_assert(pair_passes(ROW("centre", "l", 1, 1, "centre(L)"), ROW("centre", "gi", 1, 2, "centre(G, limit)")));
    ck_assert(pair_passes(ROW("lie", "m", 1, -1, "lie(A, ...)"), ROW("lie", "M", 1, 1, "lie([A, ...])")));
    ck_assert(pair_passes(ROW("f", "i", 1, 1, "f(n)"), ROW("f", "ii", 2, 2, "f(m, n)")));
    ck_assert(pair_passes(ROW("f", "i", 1, 1, "f(n)"), ROW("g", "i", 1, 1, "g(n)")));
    ck_assert(pair_passes(ROW("f", "mi", 2, -1, "f(A, n, ...)"), ROW("f", "mm", 2, -1, "f(A, B, ...)")));
}
END_TEST

START_TEST(an_optional_argument_skipped_by_keywords_fits_both_rows)
{
    /* f(G, nil) fits both: the second position is optional in each */
    ck_assert(!pair_passes(ROW("f", "gi", 1, 2, "f(G, n)"), ROW("f", "gl", 1, 2, "f(G, L)")));
    ck_assert(pair_passes(ROW("f", "gi", 2, 2, "f(G, n)"), ROW("f", "gl", 2, 2, "f(G, L)")));
}
END_TEST

START_TEST(malformed_rows_are_refused)
{
    lc_builtin_struct t[1] = { ROW("f", "q", 1, 1, "f(x)") };
    lc_builtin_struct u[1] = { ROW("f", "i", 2, 1, "f(x)") };
    lc_builtin_struct v[1] = { ROW("f", "i", 1, 1, "g(x)") };
    lc_builtin_struct w[1] = { ROW("f", "i", 1, 1, "f(x)") };
    lc_err_t err;

    ck_assert_int_eq(lc_builtin_check_table(t, 1, err), LC_E_ARG);
    ck_assert_ptr_nonnull(strstr(err->msg, "unknown kind 'q'"));
    ck_assert_int_eq(lc_builtin_check_table(u, 1, err), LC_E_ARG);
    ck_assert_int_eq(lc_builtin_check_table(v, 1, err), LC_E_ARG);
    w[0].family = LC_FAM_COUNT;
    ck_assert_int_eq(lc_builtin_check_table(w, 1, err), LC_E_ARG);
}
END_TEST

/* --------------------------------------------------------------- dispatch */

START_TEST(the_group_form_takes_a_limit)
{
    lc_session_t S;
    lc_val args[2], res;
    lc_err_t err;

    fmpz_t o;

    lc_session_init(S);
    fmpz_init(o);
    /* C4 = <(1,2,3,4)> is abelian: its centre is itself, of order 4 */
    args[0] = lc_val_cstr("(1,2,3,4)");
    ck_assert_int_eq(call(&res, S, "perm", args, 1, err), LC_OK);
    lc_val_unref(args[0]);
    ck_assert_int_eq(call(args, S, "group", &res, 1, err), LC_OK);
    lc_val_unref(res);
    args[1] = lc_val_si(4);
    ck_assert_int_eq(call(&res, S, "centre", args, 2, err), LC_OK);
    ck_assert_int_eq(res->type, LC_V_GROUP);
    lc_group_order(o, res->u.group);
    ck_assert(fmpz_equal_si(o, 4));
    lc_val_unref(res);
    lc_val_unref(args[1]);
    /* the limit bounds the candidates (the cyclic group of order 4 on 4
       points is its own centralizer: 4 of them) and the order listed */
    args[1] = lc_val_si(3);
    ck_assert_int_eq(call(&res, S, "centre", args, 2, err), LC_E_LIMIT);
    ck_assert_str_eq(err->msg, "centre: 4 candidates (products of centralizing maps of the "
                     "orbits), above the limit 3");
    lc_val_unref(args[0]);
    lc_val_unref(args[1]);
    fmpz_clear(o);
    lc_session_clear(S);
}
END_TEST

START_TEST(a_call_that_fits_no_form_lists_them)
{
    lc_session_t S;
    lc_val args[1], res;
    lc_err_t err;

    lc_session_init(S);
    args[0] = lc_val_list(NULL, 0);
    ck_assert_int_eq(call(&res, S, "centre", args, 1, err), LC_E_ARG);
    ck_assert_str_eq(err->msg, "centre: no form takes (a list); accepted: centre(L), centre(G, limit)");
    ck_assert_int_eq(call(&res, S, "centre", args, 0, err), LC_E_ARG);
    ck_assert_str_eq(err->msg, "centre: no form takes (); accepted: centre(L), centre(G, limit)");
    /* a name with one row keeps the plain messages */
    ck_assert_int_eq(call(&res, S, "basis", args, 1, err), LC_E_ARG);
    ck_assert_str_eq(err->msg, "basis: argument 1 must be a lie algebra, got a list");
    lc_val_unref(args[0]);
    lc_session_clear(S);
}
END_TEST

START_TEST(a_bad_element_of_a_list_of_matrices_is_named)
{
    lc_session_t S;
    lc_val items[3], args[1], res;
    lc_err_t err;

    lc_session_init(S);
    items[0] = eye_val(2);
    items[1] = eye_val(2);
    items[2] = lc_val_bmat();
    args[0] = lc_val_list(items, 3);
    ck_assert_int_eq(call(&res, S, "lie", args, 1, err), LC_E_ARG);
    ck_assert_str_eq(err->msg, "lie: argument 1, element 3 must be an exact matrix, got a ball matrix");
    /* kind X takes ball matrices too, but not numbers */
    lc_val_unref(args[0]);
    items[0] = eye_val(2);
    items[1] = lc_val_si(3);
    args[0] = lc_val_list(items, 2);
    ck_assert_int_eq(call(&res, S, "transition", args, 1, err), LC_E_ARG);
    ck_assert_str_eq(err->msg, "transition: argument 1, element 2 must be a matrix, got a number");
    lc_val_unref(args[0]);
    lc_session_clear(S);
}
END_TEST

START_TEST(a_list_of_matrices_is_unpacked_for_the_function)
{
    lc_session_t S;
    lc_val items[2], args[1], res;
    lc_err_t err;

    lc_session_init(S);
    items[0] = lc_val_mat();
    items[1] = lc_val_mat();
    lc_qmat_zeros(items[0]->u.m, 2, 2);
    lc_qmat_zeros(items[1]->u.m, 2, 2);
    fmpq_one(fmpq_mat_entry(items[0]->u.m, 0, 1));    /* e */
    fmpq_one(fmpq_mat_entry(items[1]->u.m, 1, 0));    /* f */
    args[0] = lc_val_list(items, 2);
    ck_assert_int_eq(call(&res, S, "lie", args, 1, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(res->u.lie), 3);      /* sl(2) */
    lc_val_unref(res);
    lc_val_unref(args[0]);
    lc_session_clear(S);
}
END_TEST

static Suite *
builtins_suite(void)
{
    Suite * s = suite_create("builtins");
    TCase * tc;

    tc = tcase_create("registry");
    tcase_add_test(tc, the_registry_passes_its_invariants);
    tcase_add_test(tc, every_row_is_found_by_name_and_has_a_family);
    tcase_add_test(tc, the_lie_and_group_forms_are_rows_of_one_name);
    suite_add_tcase(s, tc);

    tc = tcase_create("invariants");
    tcase_add_test(tc, a_duplicate_row_is_refused);
    tcase_add_test(tc, rows_whose_kinds_share_a_value_are_refused);
    tcase_add_test(tc, rows_told_apart_by_kind_or_arity_pass);
    tcase_add_test(tc, an_optional_argument_skipped_by_keywords_fits_both_rows);
    tcase_add_test(tc, malformed_rows_are_refused);
    suite_add_tcase(s, tc);

    tc = tcase_create("dispatch");
    tcase_add_test(tc, the_group_form_takes_a_limit);
    tcase_add_test(tc, a_call_that_fits_no_form_lists_them);
    tcase_add_test(tc, a_bad_element_of_a_list_of_matrices_is_named);
    tcase_add_test(tc, a_list_of_matrices_is_unpacked_for_the_function);
    suite_add_tcase(s, tc);

    return s;
}

int
main(void)
{
    SRunner * sr = srunner_create(builtins_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    flint_cleanup();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
