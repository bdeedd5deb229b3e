/* test_refute.c -- a refutation carries its refuting input (lib/check,
 * lib/claim): the operands of a refuted comparison in the certificate when
 * they are small, in a file next to the report (that reads back and
 * reproduces the difference) when they are large; the inputs a claim
 * declares (given) only when it is refuted; the JSON keys refuting_input and
 * files.
 *
 * Expected values are arithmetic one can do by hand:
 *   [[1, 2], [3, 4]] and [[1, 2], [3, 9/2]] differ only at (2, 2): 4 vs 9/2;
 *   A = [[1, 1], [0, 1]], B = [[1, 0], [1, 1]]: AB = [[2, 1], [1, 1]],
 *   BA = [[1, 1], [1, 2]], first difference at (1, 1): 2 vs 1;
 *   I_9 and I_9 + E_99 / 2 differ only at (9, 9): 1 vs 3/2, 81 entries > 64;
 *   e - 27/10 = 0.01828... > 0. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <check.h>
#include <jansson.h>
#include "liecheck.h"

START_TEST(a_small_exact_refutation_shows_both_operands_exactly)
{
    lc_check_t c;
    lc_check_outcome o;
    fmpq_mat_t A, B;
    lc_err_t err;

    lc_check_init(c);
    fmpq_mat_init(A, 2, 2);
    fmpq_mat_init(B, 2, 2);
    ck_assert_int_eq(lc_qmat_parse(A, "[[1, 2], [3, 4]]", err), LC_OK);
    ck_assert_int_eq(lc_qmat_parse(B, "[[1, 2], [3, 9/2]]", err), LC_OK);
    ck_assert_int_eq(lc_check_equal_qmat(&o, c, A, B, "equal", err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_FALSE);
    ck_assert(strstr(c->recs[0].text, "entry (2, 2) is 4 on one side and 9/2 on the other")
              != NULL);
    ck_assert(strstr(c->recs[0].text, "left = [[1, 2], [3, 4]]") != NULL);
    ck_assert(strstr(c->recs[0].text, "right = [[1, 2], [3, 9/2]]") != NULL);
    ck_assert_int_eq(c->ninputs, 1);
    ck_assert_int_eq(c->inputs[0].entries, 4);
    /* a true comparison attaches nothing */
    lc_check_reset(c);
    ck_assert_int_eq(lc_check_equal_qmat(&o, c, A, A, "equal", err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_TRUE);
    ck_assert_int_eq(c->ninputs, 0);
    ck_assert(strstr(c->recs[0].text, "left =") == NULL);
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    lc_check_clear(c);
}
END_TEST

START_TEST(a_refuted_commutation_shows_the_two_matrices)
{
    lc_check_t c;
    lc_check_outcome o;
    fmpq_mat_t A, B;
    lc_err_t err;

    lc_check_init(c);
    fmpq_mat_init(A, 2, 2);
    fmpq_mat_init(B, 2, 2);
    lc_qmat_parse(A, "[[1, 1], [0, 1]]", err);
    lc_qmat_parse(B, "[[1, 0], [1, 1]]", err);
    ck_assert_int_eq(lc_check_commute_qmat(&o, c, A, B, err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_FALSE);
    ck_assert(strstr(c->recs[0].text, "entry (1, 1) is 2 on one side and 1 on the other")
              != NULL);
    ck_assert(strstr(c->recs[0].text, "A = [[1, 1], [0, 1]]; B = [[1, 0], [1, 1]]") != NULL);
    /* is_orthogonal shows Q: [[1, 1], [0, 1]] has Q^T Q = [[1, 1], [1, 2]] != I */
    lc_check_reset(c);
    ck_assert_int_eq(lc_check_orthogonal_qmat(&o, c, A, err), LC_OK);
    ck_assert_int_eq(o, LC_CHECK_FALSE);
    ck_assert(strstr(c->recs[0].text, "Q = [[1, 1], [0, 1]]") != NULL);
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    lc_check_clear(c);
}
END_TEST

START_TEST(a_ball_refutation_shows_the_exact_claimed_value)
{
    lc_check_t c;
    lc_check_outcome o;
    arb_mat_t E, Q;
    fmpq_mat_t Qq;
    lc_err_t err;

    lc_check_init(c);
    arb_mat_init(E, 1, 1);
    arb_mat_init(Q, 1, 1);
    fmpq_mat_init(Qq, 1, 1);
    arb_const_e(arb_mat_entry(E, 0, 0), 128);
    fmpq_set_si(fmpq_mat_entry(Qq, 0, 0), 27, 10);
    arb_set_fmpq(arb_mat_entry(Q, 0, 0), fmpq_mat_entry(Qq, 0, 0), 128);
    ck_assert_int_eq(lc_check_equal_arb_mat_exact(&o, c, E, NULL, Q, Qq, "e = 27/10", 128, err),
                     LC_OK);
    ck_assert_int_eq(o, LC_CHECK_FALSE);
    ck_assert(strstr(c->recs[0].text, "right 27/10 exactly") != NULL);
    ck_assert(strstr(c->recs[0].text, "right = [[27/10]]") != NULL);
    /* the left ball to the digits 128 bits hold: e = 2.718281828459045235360287... */
    ck_assert(strstr(c->recs[0].text, "left [2.7182818284590452353602874713526624977") != NULL);
    arb_mat_clear(E);
    arb_mat_clear(Q);
    fmpq_mat_clear(Qq);
    lc_check_clear(c);
}
END_TEST

/* I_9 against I_9 + E_99 / 2 (81 entries each: more than 64). */
static int
body_big(lc_check_t chk, slong prec, void * data, lc_err_t err)
{
    fmpq_mat_t A, B;
    lc_check_outcome o;
    int st;

    (void) prec;
    (void) data;
    fmpq_mat_init(A, 9, 9);
    fmpq_mat_init(B, 9, 9);
    fmpq_mat_one(A);
    fmpq_mat_one(B);
    fmpq_set_si(fmpq_mat_entry(B, 8, 8), 3, 2);
    st = lc_check_equal_qmat(&o, chk, A, B, "equal", err);
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    return st;
}

static char *
slurp(const char * path)
{
    FILE * f = fopen(path, "rb");
    char * s;
    long n;

    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    s = flint_malloc(n + 1);
    ck_assert_int_eq(fread(s, 1, n, f), (size_t) n);
    s[n] = '\0';
    fclose(f);
    return s;
}

/* The value of the line "name = value" of text, parsed as a matrix. */
static void
read_line(fmpq_mat_t A, const char * text, const char * name)
{
    char head[64], * line, * end;
    const char * p;
    lc_err_t err;

    snprintf(head, sizeof(head), "\n%s = ", name);
    p = strstr(text, head);
    ck_assert_msg(p != NULL, "no line %s", head + 1);
    p += strlen(head);
    end = strchr(p, '\n');
    line = flint_malloc(strlen(p) + 1);
    memcpy(line, p, end != NULL ? (size_t) (end - p) : strlen(p));
    line[end != NULL ? (size_t) (end - p) : strlen(p)] = '\0';
    ck_assert_int_eq(lc_qmat_parse(A, line, err), LC_OK);
    flint_free(line);
}

START_TEST(a_large_refutation_is_written_to_a_file_that_reads_back)
{
    lc_report_t r;
    lc_claim_struct * c;
    char dir[] = "/tmp/lc-refute.XXXXXX", path[200], * text, * json;
    fmpq_mat_t A, B, D;
    slong i, j;
    lc_err_t err;

    lc_report_init(r);
    c = lc_report_add(r);
    lc_claim_set(&c->id, "big one");
    lc_claim_set(&c->file, "./examples/papers/paper.lc");
    lc_claim_set(&c->statement, "I_9 = I_9 + E_99/2");
    lc_check_run_claim(c, body_big, NULL, NULL, 0, 64);
    ck_assert_int_eq(c->verdict, LC_REFUTED);
    /* the certificate names the entry exactly and the file, not the operands;
       the id "big one" has a space, so the file name carries the first 8
       hex digits of SHA-256("big one") = 24770ca8... (Python's hashlib) */
    ck_assert(strstr(c->certificate, "entry (9, 9) is 1 on one side and 3/2 on the other")
              != NULL);
    ck_assert(strstr(c->certificate, "paper.refute-big_one-24770ca8-1.txt") != NULL);
    ck_assert(strstr(c->certificate, "left =") == NULL);
    ck_assert_ptr_null(c->refuting_input);
    ck_assert_int_eq(c->nfiles, 1);
    ck_assert_str_eq(c->files[0].name, "paper.refute-big_one-24770ca8-1.txt");

    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/report.json", dir);
    ck_assert_int_eq(lc_report_write(r, path, err), LC_OK);
    json = slurp(path);
    ck_assert(strstr(json, "\"files\": [\n        \"paper.refute-big_one-24770ca8-1.txt\"\n      ]")
              != NULL);
    ck_assert(strstr(json, "\"refuting_input\": null") != NULL);
    flint_free(json);
    unlink(path);
    snprintf(path, sizeof(path), "%s/paper.refute-big_one-24770ca8-1.txt", dir);
    text = slurp(path);
    unlink(path);
    rmdir(dir);
    ck_assert(text[0] == '#');
    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    read_line(A, text, "left");
    read_line(B, text, "right");
    ck_assert_int_eq(A->r, 9);
    ck_assert_int_eq(B->c, 9);
    /* re-evaluating reproduces the difference: only (9, 9), 1 - 3/2 = -1/2 */
    fmpq_mat_init(D, 9, 9);
    fmpq_mat_sub(D, A, B);
    for (i = 0; i < 9; i++)
        for (j = 0; j < 9; j++)
        {
            fmpq_t want;

            fmpq_init(want);
            if (i == 8 && j == 8)
                fmpq_set_si(want, -1, 2);
            ck_assert(fmpq_equal(fmpq_mat_entry(D, i, j), want));
            fmpq_clear(want);
        }
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(D);
    flint_free(text);
    lc_report_clear(r);
}
END_TEST

/* A claim that declares an input, then makes a check that is false when
   data is non-NULL. */
static int
body_given(lc_check_t chk, slong prec, void * data, lc_err_t err)
{
    (void) prec;
    (void) err;
    lc_check_given(chk, "G", "[[0, 1], [1, 0]]", 4);
    lc_check_fact(chk, data == NULL, LC_CHECK_EXACT, "G = I");
    return LC_OK;
}

START_TEST(a_given_input_is_shown_only_when_the_claim_is_refuted)
{
    lc_claim_struct c;
    int yes = 1;

    lc_claim_init(&c);
    lc_check_run_claim(&c, body_given, &yes, NULL, 0, 64);
    ck_assert_int_eq(c.verdict, LC_REFUTED);
    ck_assert_msg(strstr(c.certificate, "G = I; given G = [[0, 1], [1, 0]]") != NULL, "%s",
                  c.certificate);
    ck_assert_str_eq(c.refuting_input, "G = [[0, 1], [1, 0]]");
    ck_assert_int_eq(c.nfiles, 0);
    lc_claim_clear(&c);

    lc_claim_init(&c);
    lc_check_run_claim(&c, body_given, NULL, NULL, 0, 64);
    ck_assert_int_eq(c.verdict, LC_PROVED);
    ck_assert(strstr(c.certificate, "given") == NULL);
    ck_assert_ptr_null(c.refuting_input);
    lc_claim_clear(&c);
}
END_TEST

static Suite *
refute_suite(void)
{
    Suite * s = suite_create("refute");
    TCase * tc = tcase_create("inputs");

    tcase_add_test(tc, a_small_exact_refutation_shows_both_operands_exactly);
    tcase_add_test(tc, a_refuted_commutation_shows_the_two_matrices);
    tcase_add_test(tc, a_ball_refutation_shows_the_exact_claimed_value);
    tcase_add_test(tc, a_large_refutation_is_written_to_a_file_that_reads_back);
    tcase_add_test(tc, a_given_input_is_shown_only_when_the_claim_is_refuted);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner * sr = srunner_create(refute_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    flint_cleanup();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
