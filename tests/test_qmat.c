/* test_qmat.c -- unit tests for lib/qmat (exact rational matrices).
 *
 * Every expected value is stated by hand (or follows from a formula given in
 * the comment next to it); none was copied from liecheck's own output. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "qmat.h"

/* ------------------------------------------------------------------ helpers */

/* A := the literal s, which must parse. */
static void
mat(fmpq_mat_t A, const char * s)
{
    lc_err_t err;
    int rc;

    lc_err_init(err);
    rc = lc_qmat_parse(A, s, err);
    ck_assert_msg(rc == LC_OK, "parse of %s failed: %s", s, err->msg);
}

/* A must equal the literal s, entry by entry (compared as matrices, so that
   the test does not depend on the printer). */
static void
ck_assert_mat(const fmpq_mat_t A, const char * s)
{
    fmpq_mat_t B;
    char * got;

    fmpq_mat_init(B, 0, 0);
    mat(B, s);
    got = lc_qmat_get_str(A);
    ck_assert_msg(fmpq_mat_nrows(A) == fmpq_mat_nrows(B)
                  && fmpq_mat_ncols(A) == fmpq_mat_ncols(B)
                  && fmpq_mat_equal(A, B),
                  "expected %s, got %s (%ld x %ld)", s, got,
                  (long) fmpq_mat_nrows(A), (long) fmpq_mat_ncols(A));
    flint_free(got);
    fmpq_mat_clear(B);
}

static void
ck_assert_entry(const fmpq_mat_t A, slong i, slong j, slong p, ulong q)
{
    fmpq_t x;

    fmpq_init(x);
    fmpq_set_si(x, p, q);
    ck_assert_msg(fmpq_equal(fmpq_mat_entry(A, i, j), x),
                  "entry (%ld, %ld) is not %ld/%lu", (long) i, (long) j, (long) p, (unsigned long) q);
    fmpq_clear(x);
}

/* Parsing s must fail with LC_E_PARSE and a message that names a column. */
static void
ck_assert_parse_error(const char * s, const char * also)
{
    fmpq_mat_t A;
    lc_err_t err;
    int rc;

    fmpq_mat_init(A, 0, 0);
    lc_err_init(err);
    rc = lc_qmat_parse(A, s, err);
    ck_assert_msg(rc == LC_E_PARSE, "parse of \"%s\" returned %d, not LC_E_PARSE", s, rc);
    ck_assert_int_eq(err->code, LC_E_PARSE);
    ck_assert_msg(strstr(err->msg, "column") != NULL,
                  "message for \"%s\" names no column: %s", s, err->msg);
    if (also != NULL)
        ck_assert_msg(strstr(err->msg, also) != NULL,
                      "message for \"%s\" lacks \"%s\": %s", s, also, err->msg);
    fmpq_mat_clear(A);
}

/* -------------------------------------------------------------------- parse */

START_TEST(parse_integers_row_major)
{
    fmpq_mat_t A;

    fmpq_mat_init(A, 0, 0);
    mat(A, "[[1, 2, 3], [4, 5, -6]]");
    ck_assert_int_eq(fmpq_mat_nrows(A), 2);
    ck_assert_int_eq(fmpq_mat_ncols(A), 3);
    ck_assert_entry(A, 0, 0, 1, 1);
    ck_assert_entry(A, 0, 2, 3, 1);
    ck_assert_entry(A, 1, 0, 4, 1);
    ck_assert_entry(A, 1, 2, -6, 1);
    fmpq_mat_clear(A);
}
END_TEST

START_TEST(parse_negative_rationals_are_reduced)
{
    fmpq_mat_t A;

    fmpq_mat_init(A, 0, 0);
    mat(A, "[[-3/4, 4/6], [0/5, -10/4]]");
    ck_assert_entry(A, 0, 0, -3, 4);
    ck_assert_entry(A, 0, 1, 2, 3);     /* 4/6 = 2/3 */
    ck_assert_entry(A, 1, 0, 0, 1);
    ck_assert_entry(A, 1, 1, -5, 2);    /* -10/4 = -5/2 */
    fmpq_mat_clear(A);
}
END_TEST

START_TEST(parse_decimals_are_exact)
{
    fmpq_mat_t A;

    fmpq_mat_init(A, 0, 0);
    /* 0.25 = 1/4, 1e-3 = 1/1000, 2.5e3 = 2500, -0.5 = -1/2, 0.1 = 1/10
       (exactly: not the binary double nearest to 0.1) */
    mat(A, "[[0.25, 1e-3, 2.5e3, -0.5, 0.1]]");
    ck_assert_int_eq(fmpq_mat_nrows(A), 1);
    ck_assert_int_eq(fmpq_mat_ncols(A), 5);
    ck_assert_entry(A, 0, 0, 1, 4);
    ck_assert_entry(A, 0, 1, 1, 1000);
    ck_assert_entry(A, 0, 2, 2500, 1);
    ck_assert_entry(A, 0, 3, -1, 2);
    ck_assert_entry(A, 0, 4, 1, 10);
    fmpq_mat_clear(A);
}
END_TEST

START_TEST(parse_ignores_whitespace)
{
    fmpq_mat_t A;

    fmpq_mat_init(A, 0, 0);
    mat(A, "  [ [ 1 ,2/3 ] ,\n\t[ 0, -1/2 ]\n]  ");
    ck_assert_mat(A, "[[1, 2/3], [0, -1/2]]");
    fmpq_mat_clear(A);
}
END_TEST

START_TEST(parse_rejects_ragged_rows)
{
    ck_assert_parse_error("[[1, 2], [3]]", NULL);
    ck_assert_parse_error("[[1], [2, 3]]", NULL);
}
END_TEST

START_TEST(parse_rejects_empty_matrices)
{
    ck_assert_parse_error("[]", NULL);
    ck_assert_parse_error("[[]]", NULL);
    ck_assert_parse_error("[[1, 2], []]", NULL);
}
END_TEST

START_TEST(parse_rejects_trailing_garbage_at_its_column)
{
    /* the 'x' is the 7th character */
    ck_assert_parse_error("[[1]] x", "7");
    ck_assert_parse_error("[[1, 2]]]", NULL);
}
END_TEST

START_TEST(parse_rejects_unterminated_and_malformed)
{
    ck_assert_parse_error("[[1, 2]", NULL);
    ck_assert_parse_error("[[1, 2", NULL);
    ck_assert_parse_error("", NULL);
    ck_assert_parse_error("[[1, , 2]]", NULL);
    ck_assert_parse_error("[[1 2]]", NULL);
    ck_assert_parse_error("[[abc]]", NULL);
}
END_TEST

START_TEST(parse_rejects_zero_denominator)
{
    fmpq_mat_t A;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    lc_err_init(err);
    /* 1/0 is not a rational number */
    ck_assert_int_ne(lc_qmat_parse(A, "[[1/0]]", err), LC_OK);
    ck_assert_int_ne(err->code, LC_OK);
    fmpq_mat_clear(A);
}
END_TEST

START_TEST(parse_scalar_forms_and_end)
{
    fmpq_t x, y;
    lc_err_t err;
    const char * end;
    const char * s;

    fmpq_init(x);
    fmpq_init(y);
    lc_err_init(err);

    s = "-3/4 rest";
    ck_assert_int_eq(lc_qmat_parse_scalar(x, s, &end, err), LC_OK);
    fmpq_set_si(y, -3, 4);
    ck_assert(fmpq_equal(x, y));
    ck_assert_ptr_eq(end, s + 4);

    s = "2.5e3";
    ck_assert_int_eq(lc_qmat_parse_scalar(x, s, &end, err), LC_OK);
    fmpq_set_si(y, 2500, 1);
    ck_assert(fmpq_equal(x, y));
    ck_assert_ptr_eq(end, s + 5);

    s = "1e-5,";
    ck_assert_int_eq(lc_qmat_parse_scalar(x, s, &end, err), LC_OK);
    fmpq_set_si(y, 1, 100000);
    ck_assert(fmpq_equal(x, y));
    ck_assert_ptr_eq(end, s + 4);

    s = "0.25";
    ck_assert_int_eq(lc_qmat_parse_scalar(x, s, &end, err), LC_OK);
    fmpq_set_si(y, 1, 4);
    ck_assert(fmpq_equal(x, y));

    s = "3";
    ck_assert_int_eq(lc_qmat_parse_scalar(x, s, &end, err), LC_OK);
    fmpq_set_si(y, 3, 1);
    ck_assert(fmpq_equal(x, y));
    ck_assert_ptr_eq(end, s + 1);

    lc_err_init(err);
    ck_assert_int_eq(lc_qmat_parse_scalar(x, "x", &end, err), LC_E_PARSE);
    ck_assert_int_eq(err->code, LC_E_PARSE);

    fmpq_clear(x);
    fmpq_clear(y);
}
END_TEST

START_TEST(parse_big_integers_exactly)
{
    fmpq_mat_t A;
    fmpz_t z;

    fmpq_mat_init(A, 0, 0);
    fmpz_init(z);
    /* 2^100 = 1267650600228229401496703205376 */
    mat(A, "[[1267650600228229401496703205376, -1/1267650600228229401496703205376]]");
    fmpz_one(z);
    fmpz_mul_2exp(z, z, 100);
    ck_assert(fmpz_equal(fmpq_numref(fmpq_mat_entry(A, 0, 0)), z));
    ck_assert(fmpz_is_one(fmpq_denref(fmpq_mat_entry(A, 0, 0))));
    ck_assert(fmpz_equal(fmpq_denref(fmpq_mat_entry(A, 0, 1)), z));
    ck_assert(fmpz_equal_si(fmpq_numref(fmpq_mat_entry(A, 0, 1)), -1));
    fmpz_clear(z);
    fmpq_mat_clear(A);
}
END_TEST

/* 10^(10^9) would not fit in memory: an exponent that large must be refused
   with an error (err.h's LC_E_LIMIT or LC_E_PARSE), not attempted. */
START_TEST(parse_refuses_astronomical_exponents)
{
    fmpq_mat_t A;
    fmpq_t x;
    lc_err_t err;
    const char * end;

    fmpq_mat_init(A, 0, 0);
    fmpq_init(x);
    lc_err_init(err);
    ck_assert_int_ne(lc_qmat_parse(A, "[[1e1000000000]]", err), LC_OK);
    ck_assert_int_ne(err->code, LC_OK);
    lc_err_init(err);
    ck_assert_int_ne(lc_qmat_parse_scalar(x, "2e-99999999999999999999", &end, err), LC_OK);
    /* a moderate exponent is exact: 1e30 = 10^30 */
    lc_err_init(err);
    ck_assert_int_eq(lc_qmat_parse_scalar(x, "1e30", &end, err), LC_OK);
    {
        fmpz_t t;
        fmpz_init_set_ui(t, 10);
        fmpz_pow_ui(t, t, 30);
        ck_assert(fmpz_is_one(fmpq_denref(x)));
        ck_assert(fmpz_equal(fmpq_numref(x), t));
        fmpz_clear(t);
    }
    fmpq_clear(x);
    fmpq_mat_clear(A);
}
END_TEST

/* ----------------------------------------------------------------- printing */

START_TEST(print_is_canonical_and_round_trips)
{
    fmpq_mat_t A, B;
    char * s;
    char * t;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);

    mat(A, "[[1, 2/3], [0, -1/2]]");
    s = lc_qmat_get_str(A);
    ck_assert_str_eq(s, "[[1, 2/3], [0, -1/2]]");
    mat(B, s);
    ck_assert(fmpq_mat_equal(A, B));
    flint_free(s);

    /* non-canonical input, canonical output: reduced fractions, no decimals,
       single spaces */
    mat(A, "[ [0.5,4/6 ,  -0] ]");
    s = lc_qmat_get_str(A);
    ck_assert_str_eq(s, "[[1/2, 2/3, 0]]");
    flint_free(s);

    mat(A, "[[7]]");
    s = lc_qmat_get_str(A);
    ck_assert_str_eq(s, "[[7]]");
    flint_free(s);

    /* a column */
    mat(A, "[[1], [-2], [3/7]]");
    s = lc_qmat_get_str(A);
    ck_assert_str_eq(s, "[[1], [-2], [3/7]]");
    mat(B, s);
    t = lc_qmat_get_str(B);
    ck_assert_str_eq(s, t);
    flint_free(s);
    flint_free(t);

    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
}
END_TEST

START_TEST(fprint_writes_the_canonical_string)
{
    fmpq_mat_t A;
    FILE * f;
    char buf[128];
    size_t len;

    fmpq_mat_init(A, 0, 0);
    mat(A, "[[1, 2/3], [0, -1/2]]");
    f = tmpfile();
    ck_assert_ptr_nonnull(f);
    lc_qmat_fprint(f, A);
    rewind(f);
    len = fread(buf, 1, sizeof(buf) - 1, f);
    buf[len] = '\0';
    fclose(f);
    /* allow a trailing newline, nothing else */
    if (len > 0 && buf[len - 1] == '\n')
        buf[len - 1] = '\0';
    ck_assert_str_eq(buf, "[[1, 2/3], [0, -1/2]]");
    fmpq_mat_clear(A);
}
END_TEST

/* --------------------------------------------------------------- arithmetic */

START_TEST(add_sub_by_hand)
{
    fmpq_mat_t A, B, C;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(C, 0, 0);
    lc_err_init(err);
    mat(A, "[[1, 2/3], [0, -1/2]]");
    mat(B, "[[1/2, 1/3], [5, 1/2]]");
    ck_assert_int_eq(lc_qmat_add(C, A, B, err), LC_OK);
    ck_assert_mat(C, "[[3/2, 1], [5, 0]]");
    ck_assert_int_eq(lc_qmat_sub(C, A, B, err), LC_OK);
    ck_assert_mat(C, "[[1/2, 1/3], [-5, -1]]");
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(C);
}
END_TEST

START_TEST(mul_by_hand)
{
    fmpq_mat_t A, B, C;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(C, 0, 0);
    lc_err_init(err);
    /* [[1,2,3],[4,5,6]] * [[1,0],[0,1],[1/2,-1]]
       = [[1+3/2, 2-3], [4+3, 5-6]] = [[5/2, -1], [7, -1]] */
    mat(A, "[[1, 2, 3], [4, 5, 6]]");
    mat(B, "[[1, 0], [0, 1], [1/2, -1]]");
    ck_assert_int_eq(lc_qmat_mul(C, A, B, err), LC_OK);
    ck_assert_mat(C, "[[5/2, -1], [7, -1]]");
    /* and the other way round: 3x2 * 2x3 is 3x3 */
    ck_assert_int_eq(lc_qmat_mul(C, B, A, err), LC_OK);
    ck_assert_mat(C, "[[1, 2, 3], [4, 5, 6], [-7/2, -4, -9/2]]");
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(C);
}
END_TEST

START_TEST(mismatched_sizes_give_dim_error)
{
    fmpq_mat_t A, B, C;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(C, 0, 0);
    mat(A, "[[1, 2], [3, 4]]");
    mat(B, "[[1, 2, 3], [4, 5, 6]]");

    lc_err_init(err);
    ck_assert_int_eq(lc_qmat_add(C, A, B, err), LC_E_DIM);
    ck_assert_int_eq(err->code, LC_E_DIM);
    ck_assert_msg(err->msg[0] != '\0', "no message");

    lc_err_init(err);
    ck_assert_int_eq(lc_qmat_sub(C, B, A, err), LC_E_DIM);
    ck_assert_int_eq(err->code, LC_E_DIM);

    lc_err_init(err);
    ck_assert_int_eq(lc_qmat_mul(C, B, A, err), LC_E_DIM);   /* 2x3 * 2x2 */
    ck_assert_int_eq(err->code, LC_E_DIM);
    lc_err_init(err);
    ck_assert_int_eq(lc_qmat_mul(C, B, B, err), LC_E_DIM);   /* 2x3 * 2x3 */

    /* 2x2 * 2x3 fits */
    lc_err_init(err);
    ck_assert_int_eq(lc_qmat_mul(C, A, B, err), LC_OK);
    ck_assert_mat(C, "[[9, 12, 15], [19, 26, 33]]");

    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(C);
}
END_TEST

/* err.h lets err be NULL (lc_err_set(NULL, ...) just returns the code), so a
   caller that only wants the status may pass NULL. */
START_TEST(dim_error_with_null_err_is_reported)
{
    fmpq_mat_t A, B, C;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(C, 0, 0);
    mat(A, "[[1, 2], [3, 4]]");
    mat(B, "[[1, 2, 3], [4, 5, 6]]");
    ck_assert_int_eq(lc_qmat_add(C, A, B, NULL), LC_E_DIM);
    ck_assert_int_eq(lc_qmat_sub(C, A, B, NULL), LC_E_DIM);
    ck_assert_int_eq(lc_qmat_mul(C, B, A, NULL), LC_E_DIM);
    ck_assert_int_eq(lc_qmat_inv(C, B, NULL), LC_E_DIM);
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(C);
}
END_TEST

START_TEST(scalar_mul_and_transpose)
{
    fmpq_mat_t A, C;
    fmpq_t c;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(C, 0, 0);
    fmpq_init(c);
    mat(A, "[[1, 2/3, -3], [0, 3/2, 6]]");
    fmpq_set_si(c, -2, 3);
    lc_qmat_scalar_mul(C, A, c);
    ck_assert_mat(C, "[[-2/3, -4/9, 2], [0, -1, -4]]");
    fmpq_zero(c);
    lc_qmat_scalar_mul(C, A, c);
    ck_assert_mat(C, "[[0, 0, 0], [0, 0, 0]]");
    lc_qmat_transpose(C, A);
    ck_assert_mat(C, "[[1, 0], [2/3, 3/2], [-3, 6]]");
    fmpq_clear(c);
    fmpq_mat_clear(A);
    fmpq_mat_clear(C);
}
END_TEST

START_TEST(inverse_2x2_by_hand)
{
    fmpq_mat_t A, B;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    lc_err_init(err);
    /* [[a,b],[c,d]]^-1 = [[d,-b],[-c,a]] / (ad - bc); here ad - bc = -2 */
    mat(A, "[[1, 2], [3, 4]]");
    ck_assert_int_eq(lc_qmat_inv(B, A, err), LC_OK);
    ck_assert_mat(B, "[[-2, 1], [3/2, -1/2]]");
    /* rational entries: [[1/2, 1/3], [1/4, 1/5]], det = 1/10 - 1/12 = 1/60 */
    mat(A, "[[1/2, 1/3], [1/4, 1/5]]");
    ck_assert_int_eq(lc_qmat_inv(B, A, err), LC_OK);
    ck_assert_mat(B, "[[12, -20], [-15, 30]]");
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
}
END_TEST

START_TEST(inverse_3x3_by_hand)
{
    fmpq_mat_t A, B, I, P;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(I, 0, 0);
    fmpq_mat_init(P, 0, 0);
    lc_err_init(err);

    /* (I + N)^-1 = I - N + N^2 for N = E12 + E23 (N^3 = 0) */
    mat(A, "[[1, 1, 0], [0, 1, 1], [0, 0, 1]]");
    ck_assert_int_eq(lc_qmat_inv(B, A, err), LC_OK);
    ck_assert_mat(B, "[[1, -1, 1], [0, 1, -1], [0, 0, 1]]");

    /* adjugate / det: det = -1, cofactors worked by hand */
    mat(A, "[[2, 1, 1], [1, 3, 2], [1, 0, 0]]");
    ck_assert_int_eq(lc_qmat_inv(B, A, err), LC_OK);
    ck_assert_mat(B, "[[0, 0, 1], [-2, 1, 3], [3, -1, -5]]");
    ck_assert_int_eq(lc_qmat_mul(P, A, B, err), LC_OK);
    lc_qmat_eye(I, 3);
    ck_assert(fmpq_mat_equal(P, I));

    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(I);
    fmpq_mat_clear(P);
}
END_TEST

START_TEST(inverse_of_singular_or_nonsquare_fails)
{
    fmpq_mat_t A, B;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);

    lc_err_init(err);
    mat(A, "[[1, 2], [2, 4]]");            /* row 2 = 2 * row 1 */
    ck_assert_int_eq(lc_qmat_inv(B, A, err), LC_E_SINGULAR);
    ck_assert_int_eq(err->code, LC_E_SINGULAR);

    lc_err_init(err);
    mat(A, "[[1, 2, 3], [4, 5, 6], [7, 8, 9]]");   /* r1 - 2 r2 + r3 = 0 */
    ck_assert_int_eq(lc_qmat_inv(B, A, err), LC_E_SINGULAR);

    lc_err_init(err);
    mat(A, "[[1, 2, 3], [4, 5, 6]]");
    ck_assert_int_eq(lc_qmat_inv(B, A, err), LC_E_DIM);
    ck_assert_int_eq(err->code, LC_E_DIM);

    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
}
END_TEST

/* Vandermonde: det [x_i^j] = prod_{i<j} (x_j - x_i). */
START_TEST(det_of_vandermonde_is_product_of_differences)
{
    static const slong num[] = { 1, -2, 1, 4, 3, -7 };
    static const ulong den[] = { 2,  3, 1, 1, 5,  2 };
    const slong n = 6;
    fmpq_mat_t V;
    fmpq_t x, d, want, diff;
    lc_err_t err;
    slong i, j;

    fmpq_mat_init(V, n, n);
    fmpq_init(x);
    fmpq_init(d);
    fmpq_init(want);
    fmpq_init(diff);
    lc_err_init(err);

    for (i = 0; i < n; i++)
    {
        fmpq_set_si(x, num[i], den[i]);
        fmpq_one(fmpq_mat_entry(V, i, 0));
        for (j = 1; j < n; j++)
            fmpq_mul(fmpq_mat_entry(V, i, j), fmpq_mat_entry(V, i, j - 1), x);
    }
    fmpq_one(want);
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
        {
            fmpq_set_si(diff, num[j], den[j]);
            fmpq_set_si(x, num[i], den[i]);
            fmpq_sub(diff, diff, x);
            fmpq_mul(want, want, diff);
        }
    ck_assert(!fmpq_is_zero(want));
    ck_assert_int_eq(lc_qmat_det(d, V, err), LC_OK);
    ck_assert(fmpq_equal(d, want));

    /* integer nodes 1, 2, 4, -3: (1)(3)(-4)(2)(-5)(-7) = -840 */
    mat(V, "[[1, 1, 1, 1], [1, 2, 4, 8], [1, 4, 16, 64], [1, -3, 9, -27]]");
    ck_assert_int_eq(lc_qmat_det(d, V, err), LC_OK);
    fmpq_set_si(want, -840, 1);
    ck_assert(fmpq_equal(d, want));

    fmpq_clear(x);
    fmpq_clear(d);
    fmpq_clear(want);
    fmpq_clear(diff);
    fmpq_mat_clear(V);
}
END_TEST

START_TEST(det_of_triangular_is_product_of_diagonal)
{
    fmpq_mat_t A;
    fmpq_t d, want;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_init(d);
    fmpq_init(want);
    lc_err_init(err);

    /* 2 * (-1/3) * 5 * 3/4 = -5/2 */
    mat(A, "[[2, 7, -1, 9], [0, -1/3, 4, 2/7], [0, 0, 5, 100], [0, 0, 0, 3/4]]");
    ck_assert_int_eq(lc_qmat_det(d, A, err), LC_OK);
    fmpq_set_si(want, -5, 2);
    ck_assert(fmpq_equal(d, want));

    /* lower triangular with a zero on the diagonal: det 0 */
    mat(A, "[[1, 0, 0], [5, 0, 0], [6, 7, 8]]");
    ck_assert_int_eq(lc_qmat_det(d, A, err), LC_OK);
    ck_assert(fmpq_is_zero(d));

    mat(A, "[[1, 2, 3]]");
    lc_err_init(err);
    ck_assert_int_eq(lc_qmat_det(d, A, err), LC_E_DIM);
    ck_assert_int_eq(err->code, LC_E_DIM);

    fmpq_clear(d);
    fmpq_clear(want);
    fmpq_mat_clear(A);
}
END_TEST

START_TEST(rank_over_q)
{
    fmpq_mat_t A;

    fmpq_mat_init(A, 0, 0);
    mat(A, "[[1, 2, 3], [2, 4, 6], [1, 0, 1]]");  /* row 2 = 2 row 1 */
    ck_assert_int_eq(lc_qmat_rank(A), 2);
    mat(A, "[[1, 2, 3], [4, 5, 6], [7, 8, 9]]");  /* r1 - 2 r2 + r3 = 0 */
    ck_assert_int_eq(lc_qmat_rank(A), 2);
    mat(A, "[[0, 0], [0, 0], [0, 0]]");
    ck_assert_int_eq(lc_qmat_rank(A), 0);
    lc_qmat_eye(A, 5);
    ck_assert_int_eq(lc_qmat_rank(A), 5);
    /* 1/2 and 1/3 rows are proportional: (1/2, 1/3) = 1/6 (3, 2) */
    mat(A, "[[1/2, 1/3], [3, 2]]");
    ck_assert_int_eq(lc_qmat_rank(A), 1);
    fmpq_mat_clear(A);
}
END_TEST

/* ------------------------------------------------------------------ vec */

START_TEST(vec_stacks_columns)
{
    fmpq_mat_t A, v, B;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(v, 0, 0);
    fmpq_mat_init(B, 0, 0);
    lc_err_init(err);

    mat(A, "[[1, 2], [3, 4]]");
    lc_qmat_vec(v, A);
    ck_assert_mat(v, "[[1], [3], [2], [4]]");
    ck_assert_int_eq(lc_qmat_unvec(B, v, 2, 2, err), LC_OK);
    ck_assert(fmpq_mat_equal(A, B));

    mat(A, "[[1, 2, 3], [4, 5, 6]]");
    lc_qmat_vec(v, A);
    ck_assert_mat(v, "[[1], [4], [2], [5], [3], [6]]");
    ck_assert_int_eq(lc_qmat_unvec(B, v, 2, 3, err), LC_OK);
    ck_assert_mat(B, "[[1, 2, 3], [4, 5, 6]]");
    /* the same 6 entries read as 3 x 2, column by column */
    ck_assert_int_eq(lc_qmat_unvec(B, v, 3, 2, err), LC_OK);
    ck_assert_mat(B, "[[1, 5], [4, 3], [2, 6]]");

    /* a row vector is accepted too */
    mat(v, "[[1, 3, 2, 4]]");
    ck_assert_int_eq(lc_qmat_unvec(B, v, 2, 2, err), LC_OK);
    ck_assert_mat(B, "[[1, 2], [3, 4]]");

    fmpq_mat_clear(A);
    fmpq_mat_clear(v);
    fmpq_mat_clear(B);
}
END_TEST

START_TEST(unvec_with_wrong_size_fails)
{
    fmpq_mat_t v, B;
    lc_err_t err;

    fmpq_mat_init(v, 0, 0);
    fmpq_mat_init(B, 0, 0);
    mat(v, "[[1], [2], [3], [4]]");
    lc_err_init(err);
    ck_assert_int_eq(lc_qmat_unvec(B, v, 3, 2, err), LC_E_DIM);
    ck_assert_int_eq(err->code, LC_E_DIM);
    /* a 2 x 2 is neither a row nor a column, even though it has 4 entries */
    mat(v, "[[1, 2], [3, 4]]");
    lc_err_init(err);
    ck_assert_int_eq(lc_qmat_unvec(B, v, 2, 2, err), LC_E_DIM);
    fmpq_mat_clear(v);
    fmpq_mat_clear(B);
}
END_TEST

/* -------------------------------------------------------- row space, kernel */

START_TEST(row_basis_is_canonical)
{
    fmpq_mat_t A1, A2, B1, B2;

    fmpq_mat_init(A1, 0, 0);
    fmpq_mat_init(A2, 0, 0);
    fmpq_mat_init(B1, 0, 0);
    fmpq_mat_init(B2, 0, 0);

    /* (5,7,9) = r1 + r2 and (3,3,3) = r2 - r1 span the same plane; the
       reduced echelon basis of span{(1,2,3), (4,5,6)} is (1,0,-1), (0,1,2):
       (1,2,3) = (1,0,-1) + 2 (0,1,2), (4,5,6) = 4 (1,0,-1) + 5 (0,1,2). */
    mat(A1, "[[1, 2, 3], [4, 5, 6]]");
    mat(A2, "[[5, 7, 9], [3, 3, 3], [1/2, 1, 3/2], [0, 0, 0]]");
    ck_assert_int_eq(lc_qmat_row_basis(B1, A1), 2);
    ck_assert_int_eq(lc_qmat_row_basis(B2, A2), 2);
    ck_assert_mat(B1, "[[1, 0, -1], [0, 1, 2]]");
    ck_assert(fmpq_mat_equal(B1, B2));

    /* full rank square: the identity */
    mat(A1, "[[0, 2], [3, 1]]");
    ck_assert_int_eq(lc_qmat_row_basis(B1, A1), 2);
    ck_assert_mat(B1, "[[1, 0], [0, 1]]");

    /* the zero space: 0 rows */
    mat(A1, "[[0, 0, 0]]");
    ck_assert_int_eq(lc_qmat_row_basis(B1, A1), 0);
    ck_assert_int_eq(fmpq_mat_nrows(B1), 0);

    fmpq_mat_clear(A1);
    fmpq_mat_clear(A2);
    fmpq_mat_clear(B1);
    fmpq_mat_clear(B2);
}
END_TEST

START_TEST(kernel_is_annihilated_and_rank_plus_nullity_is_cols)
{
    fmpq_mat_t A, K, P, Z;
    lc_err_t err;
    slong k;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(K, 0, 0);
    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(Z, 0, 0);
    lc_err_init(err);

    /* rref (1,0,-1), (0,1,2): free variable x3, x1 = x3, x2 = -2 x3 */
    mat(A, "[[1, 2, 3], [4, 5, 6]]");
    k = lc_qmat_kernel(K, A);
    ck_assert_int_eq(k, 1);
    ck_assert_mat(K, "[[1], [-2], [1]]");
    ck_assert_int_eq(lc_qmat_rank(A) + k, 3);

    /* a wider one: rank 2 in Q^5 */
    mat(A, "[[1, 2, 0, 3, -1], [2, 4, 1, 7, 0], [3, 6, 1, 10, -1]]");
    k = lc_qmat_kernel(K, A);
    ck_assert_int_eq(lc_qmat_rank(A), 2);      /* r3 = r1 + r2 */
    ck_assert_int_eq(k, 3);
    ck_assert_int_eq(fmpq_mat_nrows(K), 5);
    ck_assert_int_eq(fmpq_mat_ncols(K), 3);
    ck_assert_int_eq(lc_qmat_rank(K), 3);
    ck_assert_int_eq(lc_qmat_mul(P, A, K, err), LC_OK);
    lc_qmat_zeros(Z, 3, 3);
    ck_assert(fmpq_mat_equal(P, Z));

    /* invertible: trivial kernel */
    mat(A, "[[2, 1], [1, 1]]");
    ck_assert_int_eq(lc_qmat_kernel(K, A), 0);
    ck_assert_int_eq(fmpq_mat_ncols(K), 0);

    /* zero map: every variable is free, K = I */
    lc_qmat_zeros(A, 2, 3);
    ck_assert_int_eq(lc_qmat_kernel(K, A), 3);
    lc_qmat_eye(Z, 3);
    ck_assert(fmpq_mat_equal(K, Z));

    fmpq_mat_clear(A);
    fmpq_mat_clear(K);
    fmpq_mat_clear(P);
    fmpq_mat_clear(Z);
}
END_TEST

/* ------------------------------------------------------------ constructors */

START_TEST(eye_zeros_resize)
{
    fmpq_mat_t A;

    fmpq_mat_init(A, 0, 0);
    lc_qmat_eye(A, 3);
    ck_assert_mat(A, "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]");
    lc_qmat_zeros(A, 2, 4);
    ck_assert_mat(A, "[[0, 0, 0, 0], [0, 0, 0, 0]]");
    mat(A, "[[1, 2], [3, 4]]");
    lc_qmat_resize(A, 3, 1);
    ck_assert_mat(A, "[[0], [0], [0]]");
    fmpq_mat_clear(A);
}
END_TEST

START_TEST(set_fmpz_mat_converts)
{
    fmpz_mat_t M;
    fmpq_mat_t A;

    fmpz_mat_init(M, 2, 2);
    fmpq_mat_init(A, 0, 0);
    fmpz_set_si(fmpz_mat_entry(M, 0, 0), -5);
    fmpz_set_si(fmpz_mat_entry(M, 1, 1), 12);
    lc_qmat_set_fmpz_mat(A, M);
    ck_assert_mat(A, "[[-5, 0], [0, 12]]");
    fmpz_mat_clear(M);
    fmpq_mat_clear(A);
}
END_TEST

/* -------------------------------------------------------------- entrywise */

START_TEST(hadamard_and_ediv_by_hand)
{
    fmpq_mat_t A, B, C;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(C, 0, 0);
    mat(A, "[[1, 2/3], [3, -4]]");
    mat(B, "[[5, 6], [7/2, 8]]");
    /* 1*5, (2/3)*6, 3*(7/2), -4*8 */
    ck_assert_int_eq(lc_qmat_hadamard(C, A, B, err), LC_OK);
    ck_assert_mat(C, "[[5, 4], [21/2, -32]]");
    /* 1/5, (2/3)/6, 3/(7/2), -4/8 */
    ck_assert_int_eq(lc_qmat_ediv(C, A, B, err), LC_OK);
    ck_assert_mat(C, "[[1/5, 1/9], [6/7, -1/2]]");
    /* in place: A := A o A squares every entry */
    ck_assert_int_eq(lc_qmat_hadamard(A, A, A, err), LC_OK);
    ck_assert_mat(A, "[[1, 4/9], [9, 16]]");
    ck_assert_int_eq(lc_qmat_ediv(B, A, B, err), LC_OK);
    ck_assert_mat(B, "[[1/5, 2/27], [18/7, 2]]");
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(C);
}
END_TEST

START_TEST(hadamard_with_a_transpose_sums_to_the_trace_of_the_product)
{
    /* tr(A B) = sum_ij a_ij b_ji: the entries of A o B^T add up to it */
    fmpq_mat_t A, B, Bt, H, P;
    fmpq_t s, t, e;
    lc_err_t err;
    slong i, j;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(Bt, 0, 0);
    fmpq_mat_init(H, 0, 0);
    fmpq_mat_init(P, 0, 0);
    fmpq_init(s);
    fmpq_init(t);
    fmpq_init(e);
    mat(A, "[[1, 2, 3], [0, -1/2, 4]]");
    mat(B, "[[2, 1], [1/3, 0], [-1, 5]]");
    lc_qmat_transpose(Bt, B);
    ck_assert_int_eq(lc_qmat_hadamard(H, A, Bt, err), LC_OK);
    for (i = 0; i < 2; i++)
        for (j = 0; j < 3; j++)
            fmpq_add(s, s, fmpq_mat_entry(H, i, j));
    ck_assert_int_eq(lc_qmat_mul(P, A, B, err), LC_OK);
    fmpq_mat_trace(t, P);
    /* A B = [[2 + 2/3 - 3, 1 + 15], [-1/6 - 4, 20]]: trace -1/3 + 20 = 59/3 */
    fmpq_set_si(e, 59, 3);
    ck_assert(fmpq_equal(t, e));
    ck_assert(fmpq_equal(s, e));
    fmpq_clear(s);
    fmpq_clear(t);
    fmpq_clear(e);
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(Bt);
    fmpq_mat_clear(H);
    fmpq_mat_clear(P);
}
END_TEST

START_TEST(entrywise_refuses_shapes_and_zero_divisors)
{
    fmpq_mat_t A, B, C;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(C, 0, 0);
    mat(A, "[[1, 2]]");
    mat(B, "[[1], [2]]");
    ck_assert_int_eq(lc_qmat_hadamard(C, A, B, err), LC_E_DIM);
    ck_assert_int_eq(lc_qmat_ediv(C, A, B, err), LC_E_DIM);
    mat(A, "[[1, 2], [3, 4]]");
    mat(B, "[[1, 2], [0, 0]]");
    mat(C, "[[7]]");
    ck_assert_int_eq(lc_qmat_ediv(C, A, B, err), LC_E_DOMAIN);
    /* the first zero in row-major order, 1-based, and C untouched */
    ck_assert_msg(strstr(err->msg, "entry (2, 1)") != NULL, "%s", err->msg);
    ck_assert_mat(C, "[[7]]");
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(C);
}
END_TEST

START_TEST(ones_is_the_hadamard_identity)
{
    fmpq_mat_t A, J, C;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(J, 0, 0);
    fmpq_mat_init(C, 0, 0);
    lc_qmat_ones(J, 2, 3);
    ck_assert_mat(J, "[[1, 1, 1], [1, 1, 1]]");
    mat(A, "[[1/2, -3, 0], [7, 2/9, 1]]");
    ck_assert_int_eq(lc_qmat_hadamard(C, J, A, err), LC_OK);
    ck_assert(fmpq_mat_equal(C, A));
    fmpq_mat_clear(A);
    fmpq_mat_clear(J);
    fmpq_mat_clear(C);
}
END_TEST

START_TEST(rand_perm_is_fisher_yates_and_uniform)
{
    flint_rand_t st, st2;
    slong p[20], q[20], count[6] = {0}, i, j, n, t, k;
    char seen[20];

    flint_randinit(st);
    flint_randinit(st2);
    lc_rand_seed(st, 11);
    lc_rand_seed(st2, 11);
    for (n = 1; n <= 20; n++)
    {
        lc_rand_perm(p, n, st);
        memset(seen, 0, sizeof(seen));
        for (i = 0; i < n; i++)
        {
            ck_assert(p[i] >= 0 && p[i] < n && !seen[p[i]]);
            seen[p[i]] = 1;
        }
        /* the documented draws, replayed: swap p[i] with p[j], j in 0..i */
        for (i = 0; i < n; i++)
            q[i] = i;
        for (i = n - 1; i > 0; i--)
        {
            j = (slong) n_randint(st2, (ulong) i + 1);
            t = q[i], q[i] = q[j], q[j] = t;
        }
        ck_assert(memcmp(p, q, sizeof(slong) * n) == 0);
    }
    /* the 6 permutations of 3 points, 6000 draws: each expected 1000 times,
       standard deviation about 29; [850, 1150] is more than 5 of them */
    for (t = 0; t < 6000; t++)
    {
        lc_rand_perm(p, 3, st);
        k = 2 * p[0] + (p[1] > p[2]);
        count[k]++;
    }
    for (k = 0; k < 6; k++)
        ck_assert_msg(count[k] >= 850 && count[k] <= 1150, "permutation %ld drawn %ld times",
                      (long) k, (long) count[k]);
    flint_randclear(st);
    flint_randclear(st2);
}
END_TEST

static Suite *
qmat_suite(void)
{
    Suite * s = suite_create("qmat");
    TCase * tc;

    tc = tcase_create("parse");
    tcase_add_test(tc, parse_integers_row_major);
    tcase_add_test(tc, parse_negative_rationals_are_reduced);
    tcase_add_test(tc, parse_decimals_are_exact);
    tcase_add_test(tc, parse_ignores_whitespace);
    tcase_add_test(tc, parse_rejects_ragged_rows);
    tcase_add_test(tc, parse_rejects_empty_matrices);
    tcase_add_test(tc, parse_rejects_trailing_garbage_at_its_column);
    tcase_add_test(tc, parse_rejects_unterminated_and_malformed);
    tcase_add_test(tc, parse_rejects_zero_denominator);
    tcase_add_test(tc, parse_scalar_forms_and_end);
    tcase_add_test(tc, parse_big_integers_exactly);
    tcase_add_test(tc, parse_refuses_astronomical_exponents);
    suite_add_tcase(s, tc);

    tc = tcase_create("print");
    tcase_add_test(tc, print_is_canonical_and_round_trips);
    tcase_add_test(tc, fprint_writes_the_canonical_string);
    suite_add_tcase(s, tc);

    tc = tcase_create("arithmetic");
    tcase_add_test(tc, add_sub_by_hand);
    tcase_add_test(tc, mul_by_hand);
    tcase_add_test(tc, mismatched_sizes_give_dim_error);
    tcase_add_test(tc, dim_error_with_null_err_is_reported);
    tcase_add_test(tc, scalar_mul_and_transpose);
    tcase_add_test(tc, inverse_2x2_by_hand);
    tcase_add_test(tc, inverse_3x3_by_hand);
    tcase_add_test(tc, inverse_of_singular_or_nonsquare_fails);
    tcase_add_test(tc, det_of_vandermonde_is_product_of_differences);
    tcase_add_test(tc, det_of_triangular_is_product_of_diagonal);
    tcase_add_test(tc, rank_over_q);
    tcase_add_test(tc, hadamard_and_ediv_by_hand);
    tcase_add_test(tc, hadamard_with_a_transpose_sums_to_the_trace_of_the_product);
    tcase_add_test(tc, entrywise_refuses_shapes_and_zero_divisors);
    tcase_add_test(tc, ones_is_the_hadamard_identity);
    tcase_add_test(tc, rand_perm_is_fisher_yates_and_uniform);
    suite_add_tcase(s, tc);

    tc = tcase_create("spaces");
    tcase_add_test(tc, vec_stacks_columns);
    tcase_add_test(tc, unvec_with_wrong_size_fails);
    tcase_add_test(tc, row_basis_is_canonical);
    tcase_add_test(tc, kernel_is_annihilated_and_rank_plus_nullity_is_cols);
    tcase_add_test(tc, eye_zeros_resize);
    tcase_add_test(tc, set_fmpz_mat_converts);
    suite_add_tcase(s, tc);

    return s;
}

int
main(void)
{
    SRunner * sr = srunner_create(qmat_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    flint_cleanup();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
