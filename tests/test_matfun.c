/* test_matfun.c -- unit tests for lib/ball and lib/matfun.
 *
 * Expected values come from mathematics stated next to them or from mpmath
 * (tests/fixtures/expm_logm.txt, written by tests/fixtures/mpmath_expm_logm.py);
 * none was copied from liecheck's own output.  A ball "contains" the truth when
 * every exact value it stands for lies inside it; two certified balls for the
 * same quantity must overlap. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "qmat.h"
#include "ball.h"
#include "matfun.h"

/* ------------------------------------------------------------------ helpers */

static void
qset(arb_mat_t A, const char * s, slong prec)
{
    fmpq_mat_t Q;
    lc_err_t err;
    int rc;

    fmpq_mat_init(Q, 0, 0);
    lc_err_init(err);
    rc = lc_qmat_parse(Q, s, err);
    ck_assert_msg(rc == LC_OK, "parse of %s failed: %s", s, err->msg);
    lc_ball_set_qmat(A, Q, prec);
    fmpq_mat_clear(Q);
}

static void
qparse(fmpq_mat_t Q, const char * s)
{
    lc_err_t err;

    lc_err_init(err);
    ck_assert_msg(lc_qmat_parse(Q, s, err) == LC_OK, "parse of %s: %s", s, err->msg);
}

static int
log_ok(arb_mat_t L, const arb_mat_t M, slong prec)
{
    lc_err_t err;
    int rc;

    lc_err_init(err);
    rc = lc_matfun_log(L, M, prec, err);
    ck_assert_msg(rc == LC_OK, "log failed (%d): %s", rc, err->msg);
    return rc;
}

static void
exp_ok(arb_mat_t E, const arb_mat_t A, slong prec)
{
    lc_err_t err;
    int rc;

    lc_err_init(err);
    rc = lc_matfun_exp(E, A, prec, err);
    ck_assert_msg(rc == LC_OK, "exp failed (%d): %s", rc, err->msg);
}

static void
assert_overlap(const arb_mat_t A, const arb_mat_t B, const char * what)
{
    char * a, * b;

    if (arb_mat_nrows(A) == arb_mat_nrows(B) && arb_mat_ncols(A) == arb_mat_ncols(B)
        && arb_mat_overlaps(A, B))
        return;
    a = lc_ball_get_str(A, 20);
    b = lc_ball_get_str(B, 20);
    ck_abort_msg("%s: %s and %s do not overlap", what, a, b);
    flint_free(a);
    flint_free(b);
}

/* 2^e without libm */
static double
pow2(slong e)
{
    double x = 1.0;

    for (; e > 0; e--)
        x *= 2.0;
    for (; e < 0; e++)
        x *= 0.5;
    return x;
}

static double
max_radius(const arb_mat_t A)
{
    mag_t r;
    double d;

    mag_init(r);
    lc_ball_max_radius(r, A);
    d = mag_get_d(r);
    mag_clear(r);
    return d;
}

/* The rotation by pi - 1e-6 (up to 1e-19) about (1, 2, 2)/3: the Cayley
   transform (I - S)(I + S)^-1 of S = [w]_x, w = 2e6 (1, 2, 2)/3, an exact
   rational rotation by 2 atan|w|; log R = -(2 atan|w|) [w/|w|]_x. */
static const char * near_pi =
    "[[-27999999999991/36000000000009, 16000024000000/36000000000009, "
    "15999976000000/36000000000009], "
    "[15999976000000/36000000000009, -3999999999991/36000000000009, "
    "32000012000000/36000000000009], "
    "[16000024000000/36000000000009, 31999988000000/36000000000009, "
    "-3999999999991/36000000000009]]";

/* ------------------------------------------------------------------- ball */

START_TEST(ball_norm_bounds_are_upper_bounds_and_tight_for_exact_input)
{
    arb_mat_t A;
    mag_t b;

    arb_mat_init(A, 0, 0);
    mag_init(b);
    qset(A, "[[1, -2], [3, 4]]", 64);
    /* max |a_ij| = 4; column sums 4, 6; row sums 3, 7; ||A||_F = sqrt 30;
       sqrt(6 * 7) = 6.48 > sqrt 30 = 5.477 > ||A||_2 = 5.116 */
    lc_ball_bound_max_entry(b, A);
    ck_assert(mag_cmp_2exp_si(b, 2) >= 0 && mag_get_d(b) < 4 * (1 + 1e-6));
    lc_ball_bound_one_norm(b, A);
    ck_assert(mag_get_d(b) >= 6 && mag_get_d(b) < 6 * (1 + 1e-6));
    lc_ball_bound_inf_norm(b, A);
    ck_assert(mag_get_d(b) >= 7 && mag_get_d(b) < 7 * (1 + 1e-6));
    lc_ball_bound_frobenius(b, A);
    ck_assert(mag_get_d(b) * mag_get_d(b) >= 30 && mag_get_d(b) < 5.4773);
    lc_ball_bound_spectral(b, A);
    ck_assert(mag_get_d(b) >= 5.1161 && mag_get_d(b) < 5.4773);
    lc_ball_bound_norm(b, A);
    ck_assert(mag_get_d(b) >= 5.1161 && mag_get_d(b) < 5.4773);
    lc_ball_max_radius(b, A);
    ck_assert(mag_is_zero(b));
    mag_clear(b);
    arb_mat_clear(A);
}
END_TEST

START_TEST(ball_of_rationals_contains_them_and_prints_in_arb_form)
{
    arb_mat_t A;
    fmpq_mat_t Q, R;
    mag_t r;
    char * s;

    arb_mat_init(A, 0, 0);
    fmpq_mat_init(Q, 0, 0);
    fmpq_mat_init(R, 0, 0);
    mag_init(r);
    qparse(Q, "[[1/3, 0], [-5/7, 1]]");
    qparse(R, "[[1/3, 0], [-5/7, 1], [0, 0]]");
    lc_ball_set_qmat(A, Q, 64);
    ck_assert(lc_ball_contains_qmat(A, Q));
    ck_assert(!lc_ball_contains_qmat(A, R));        /* shape differs */
    lc_ball_max_radius(r, A);
    ck_assert(!mag_is_zero(r) && mag_cmp_2exp_si(r, -60) < 0);
    s = lc_ball_get_str(A, 5);
    ck_assert_msg(strncmp(s, "[[[0.33333 +/- ", 15) == 0 && strstr(s, "], 0], [[-0.71429 +/- ")
                  && strstr(s, "], 1.0000]]") != NULL, "%s", s);
    flint_free(s);
    fmpq_set_si(fmpq_mat_entry(Q, 0, 0), 1, 2);
    ck_assert(!lc_ball_contains_qmat(A, Q));
    mag_clear(r);
    fmpq_mat_clear(Q);
    fmpq_mat_clear(R);
    arb_mat_clear(A);
}
END_TEST

/* ---------------------------------------------------------------- fixtures */

typedef struct
{
    char name[64];
    int is_log;
    slong n;
    fmpq_mat_t in;
    arb_mat_t out;      /* mpmath's value, radius covering its rounding */
}
fixture_struct;

/* Parse tests/fixtures/expm_logm.txt; returns the number of cases. */
static slong
read_fixtures(fixture_struct ** cases)
{
    const char * top = getenv("top_srcdir");
    char path[4096], line[65536], * tok;
    FILE * f;
    slong k = 0, cap = 32, i, j;
    fixture_struct * c = NULL;
    arb_t t;
    mag_t e, tol;

    if (top == NULL || top[0] == '\0')
        top = ".";
    snprintf(path, sizeof path, "%s/tests/fixtures/expm_logm.txt", top);
    f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    *cases = flint_malloc(sizeof(fixture_struct) * cap);
    arb_init(t);
    mag_init(e);
    mag_init(tol);
    /* 120 significant digits: relative rounding <= 1e-119; allow 1e-115
       relative to max(1, |value|) */
    arb_set_str(t, "1e-115", 600);
    arb_get_mag(tol, t);

    while (fgets(line, sizeof line, f) != NULL)
    {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (strncmp(line, "case ", 5) == 0)
        {
            ck_assert(k < cap);
            c = *cases + k++;
            line[strcspn(line, "\n")] = '\0';
            snprintf(c->name, sizeof c->name, "%.60s", line + 5);
            c->n = 0;
            c->is_log = 0;
        }
        else if (strncmp(line, "op ", 3) == 0)
            c->is_log = (strncmp(line + 3, "log", 3) == 0);
        else if (strncmp(line, "n ", 2) == 0)
        {
            c->n = atol(line + 2);
            ck_assert(c->n > 0 && c->n <= 8);
            fmpq_mat_init(c->in, c->n, c->n);
            arb_mat_init(c->out, c->n, c->n);
        }
        else if (strncmp(line, "in", 2) == 0 || strncmp(line, "out", 3) == 0)
        {
            int is_in = (line[0] == 'i');

            for (i = 0; i < c->n; i++)
            {
                ck_assert(fgets(line, sizeof line, f) != NULL);
                tok = strtok(line, " \n");
                for (j = 0; j < c->n; j++, tok = strtok(NULL, " \n"))
                {
                    ck_assert_msg(tok != NULL, "%s: short row", c->name);
                    if (is_in)
                        ck_assert(fmpq_set_str(fmpq_mat_entry(c->in, i, j), tok, 10) == 0);
                    else
                    {
                        /* 120 significant digits: relative rounding <= 1e-119;
                           allow 1e-115 relative (absolute below 1) */
                        ck_assert_msg(arb_set_str(t, tok, 600) == 0, "%s: %s", c->name, tok);
                        arb_get_mag(e, t);
                        if (mag_cmp_2exp_si(e, 0) < 0)
                            mag_one(e);
                        mag_mul(e, e, tol);
                        arb_add_error_mag(t, e);
                        arb_set(arb_mat_entry(c->out, i, j), t);
                    }
                }
            }
        }
    }
    fclose(f);
    arb_clear(t);
    mag_clear(e);
    mag_clear(tol);
    return k;
}

static void
free_fixtures(fixture_struct * cases, slong k)
{
    slong i;

    for (i = 0; i < k; i++)
    {
        fmpq_mat_clear(cases[i].in);
        arb_mat_clear(cases[i].out);
    }
    flint_free(cases);
}

/* At 128 bits liecheck's radius (~1e-30) dwarfs mpmath's (1e-115): the whole
   mpmath ball must lie inside; at 512 bits (radius ~1e-145) the two certified
   balls must overlap. */
static void
ck_assert_fixtures(slong prec, int contain)
{
    fixture_struct * cases;
    slong k = read_fixtures(&cases), i, nlog = 0, nexp = 0;
    arb_mat_t A, R;
    char what[128];

    ck_assert_msg(k >= 12, "only %ld fixture cases", (long) k);
    arb_mat_init(A, 0, 0);
    arb_mat_init(R, 0, 0);
    for (i = 0; i < k; i++)
    {
        lc_ball_set_qmat(A, cases[i].in, prec);
        if (cases[i].is_log)
        {
            log_ok(R, A, prec);
            nlog++;
        }
        else
        {
            exp_ok(R, A, prec);
            nexp++;
        }
        snprintf(what, sizeof what, "%s at %ld bits", cases[i].name, (long) prec);
        if (contain)
        {
            /* entries liecheck knows exactly (zeros, the 1 of a homogeneous
               row) must instead lie in mpmath's ball; so must the entries
               liecheck knows better than mpmath's 120 digits (a zero of the
               eigenvector route, [+/- 6e-1013]): the two balls then overlap */
            slong r, c;
            for (r = 0; r < cases[i].n; r++)
                for (c = 0; c < cases[i].n; c++)
                {
                    arb_srcptr x = arb_mat_entry(R, r, c), y = arb_mat_entry(cases[i].out, r, c);
                    int ok = arb_is_exact(x) ? arb_contains(y, x)
                        : mag_cmp(arb_radref(x), arb_radref(y)) < 0 ? arb_overlaps(x, y)
                        : arb_contains(x, y);

                    ck_assert_msg(ok, "%s: entry (%ld, %ld)", what, (long) r, (long) c);
                }
        }
        else
            assert_overlap(R, cases[i].out, what);
        ck_assert_msg(max_radius(R) < (prec >= 512 ? 1e-120 : 1e-25),
                      "%s: radius %g", what, max_radius(R));
    }
    ck_assert(nlog >= 8 && nexp >= 5);
    arb_mat_clear(A);
    arb_mat_clear(R);
    free_fixtures(cases, k);
}

START_TEST(mpmath_values_lie_inside_the_balls_at_128_bits)
{
    ck_assert_fixtures(128, 1);
}
END_TEST

START_TEST(mpmath_values_overlap_the_balls_at_512_bits)
{
    ck_assert_fixtures(512, 0);
}
END_TEST

/* ------------------------------------------------------------- exp and log */

START_TEST(log_of_identity_is_exactly_zero)
{
    arb_mat_t I, L;
    slong n;

    arb_mat_init(L, 0, 0);
    for (n = 1; n <= 6; n++)
    {
        arb_mat_init(I, n, n);
        arb_mat_one(I);
        log_ok(L, I, 64);
        ck_assert(arb_mat_nrows(L) == n && arb_mat_is_zero(L) && arb_mat_is_exact(L));
        arb_mat_clear(I);
    }
    arb_mat_clear(L);
}
END_TEST

/* exp [[W, t], [0, 0]] = [[exp W, *], [0, 1]]: the last row is (0, ..., 0, 1)
   exactly (the powers of the matrix have a zero last row), and with dyadic
   entries (the exact Taylor path of lc_matfun_exp) as well as with a ball
   input (arb_mat_exp) the balls of that row must be exact.  Also exp of the
   zero matrix is exactly I. */
START_TEST(exp_keeps_the_homogeneous_row_exact)
{
    const char * in[3] = {
        "[[0, -2, 1/2], [2, 0, -1/4], [0, 0, 0]]",                 /* dyadic: exact path */
        "[[0, -3, 9/4, 1], [3, 0, -7/8, 2], [1/2, 5, 0, -3], [0, 0, 0, 0]]",
        "[[0, -1/3, 1/5], [1/3, 0, 2], [0, 0, 0]]"                  /* a ball input */
    };
    fmpq_mat_t Q;
    arb_mat_t A, E;
    slong k, j, n;

    arb_mat_init(E, 0, 0);
    for (k = 0; k < 3; k++)
    {
        fmpq_mat_init(Q, 0, 0);
        qparse(Q, in[k]);
        n = fmpq_mat_nrows(Q);
        arb_mat_init(A, n, n);
        lc_ball_set_qmat(A, Q, 256);
        exp_ok(E, A, 256);
        for (j = 0; j < n; j++)
            ck_assert_msg(arb_is_exact(arb_mat_entry(E, n - 1, j))
                          && (j == n - 1 ? arb_is_one(arb_mat_entry(E, n - 1, j))
                                         : arb_is_zero(arb_mat_entry(E, n - 1, j))),
                          "case %ld entry %ld", (long) k, (long) j);
        arb_mat_zero(A);
        exp_ok(E, A, 256);
        for (j = 0; j < n * n; j++)
            ck_assert(arb_is_exact(arb_mat_entry(E, j / n, j % n))
                      && (j / n == j % n ? arb_is_one(arb_mat_entry(E, j / n, j % n))
                                         : arb_is_zero(arb_mat_entry(E, j / n, j % n))));
        arb_mat_clear(A);
        fmpq_mat_clear(Q);
    }
    arb_mat_clear(E);
}
END_TEST

/* The shear N = [[1, 1], [0, 1]] = exp([[0, 1], [0, 0]]) exactly; likewise
   for the 3 x 3 unipotent [[1, 1, 3], [0, 1, -2], [0, 0, 1]] = exp(X) with
   X = [[0, 1, 4], [0, 0, -2], [0, 0, 0]] (X^2/2 has the single entry -1 at
   (0, 2): 1 + X + X^2/2 gives 4 - 1 = 3), and [[4, 1], [0, 4]] =
   exp([[log 4, 1/4], [0, log 4]]) since exp(aI + bN) = e^a (I + bN). */
START_TEST(log_of_unipotent_and_jordan_blocks_contains_the_exact_log)
{
    arb_mat_t M, L, X;
    fmpq_mat_t Q;
    arb_t l4;

    arb_mat_init(M, 0, 0);
    arb_mat_init(L, 0, 0);
    arb_mat_init(X, 0, 0);
    fmpq_mat_init(Q, 0, 0);
    arb_init(l4);

    qset(M, "[[1, 1], [0, 1]]", 128);
    log_ok(L, M, 128);
    qparse(Q, "[[0, 1], [0, 0]]");
    ck_assert(lc_ball_contains_qmat(L, Q));
    ck_assert(max_radius(L) < 1e-30);

    qset(M, "[[1, 1, 3], [0, 1, -2], [0, 0, 1]]", 128);
    log_ok(L, M, 128);
    qparse(Q, "[[0, 1, 4], [0, 0, -2], [0, 0, 0]]");
    ck_assert(lc_ball_contains_qmat(L, Q));

    qset(M, "[[4, 1], [0, 4]]", 128);
    log_ok(L, M, 128);
    arb_log_ui(l4, 4, 200);
    qset(X, "[[0, 1/4], [0, 0]]", 200);
    arb_set(arb_mat_entry(X, 0, 0), l4);
    arb_set(arb_mat_entry(X, 1, 1), l4);
    assert_overlap(L, X, "log [[4, 1], [0, 4]]");
    ck_assert(arb_contains(arb_mat_entry(L, 0, 0), l4));
    ck_assert(max_radius(L) < 1e-30);

    arb_clear(l4);
    fmpq_mat_clear(Q);
    arb_mat_clear(M);
    arb_mat_clear(L);
    arb_mat_clear(X);
}
END_TEST

/* log [[0, -1], [1, 0]] = (pi/2) [[0, -1], [1, 0]] (rotation by pi/2);
   log diag(1/2, 100) = diag(-log 2, log 100). */
START_TEST(log_of_quarter_turn_and_diagonal_are_the_textbook_values)
{
    arb_mat_t M, L;
    arb_t p;

    arb_mat_init(M, 0, 0);
    arb_mat_init(L, 0, 0);
    arb_init(p);

    qset(M, "[[0, -1], [1, 0]]", 256);
    log_ok(L, M, 256);
    arb_const_pi(p, 300);
    arb_mul_2exp_si(p, p, -1);
    ck_assert(arb_overlaps(arb_mat_entry(L, 1, 0), p));
    arb_neg(p, p);
    ck_assert(arb_overlaps(arb_mat_entry(L, 0, 1), p));
    ck_assert(arb_contains_zero(arb_mat_entry(L, 0, 0)) && arb_contains_zero(arb_mat_entry(L, 1, 1)));
    ck_assert(max_radius(L) < 1e-65);

    qset(M, "[[1/2, 0], [0, 100]]", 256);
    log_ok(L, M, 256);
    arb_log_ui(p, 2, 300);
    arb_neg(p, p);
    ck_assert(arb_overlaps(arb_mat_entry(L, 0, 0), p));
    arb_log_ui(p, 100, 300);
    ck_assert(arb_overlaps(arb_mat_entry(L, 1, 1), p));
    ck_assert(arb_contains_zero(arb_mat_entry(L, 0, 1)));

    arb_clear(p);
    arb_mat_clear(M);
    arb_mat_clear(L);
}
END_TEST

START_TEST(exp_of_log_contains_the_input)
{
    static const char * ms[] = {
        "[[2, 1, 0], [0, 3, 1], [1, 0, 5]]",
        "[[1, 1], [0, 1]]",
        "[[4, 1], [0, 4]]",
        "[[0, 1, 0], [0, 0, 1], [1, 0, 0]]",        /* cyclic: eigenvalues 1, e^(+-2 pi i/3) */
        "[[1/1000, 0], [0, 1000]]",
        "[[3, -4, 1, 2, 0, 1], [1, 5, 0, -2, 1, 0], [0, 1, 4, 1, -1, 2], "
        "[2, 0, 1, 6, 1, -1], [1, -1, 0, 1, 3, 2], [0, 2, 1, 0, -1, 7]]",
        "[[2, 1, 1], [0, 1/2, 3], [0, 0, 1]]",
    };
    arb_mat_t M, L, E;
    fmpq_mat_t Q;
    slong i, prec;

    arb_mat_init(M, 0, 0);
    arb_mat_init(L, 0, 0);
    arb_mat_init(E, 0, 0);
    fmpq_mat_init(Q, 0, 0);
    for (prec = 64; prec <= 256; prec *= 4)
        for (i = 0; i < (slong) (sizeof ms / sizeof ms[0]); i++)
        {
            qparse(Q, ms[i]);
            lc_ball_set_qmat(M, Q, prec);
            log_ok(L, M, prec);
            exp_ok(E, L, prec);
            ck_assert_msg(lc_ball_contains_qmat(E, Q), "exp(log(%s)) at %ld bits", ms[i],
                          (long) prec);
        }
    fmpq_mat_clear(Q);
    arb_mat_clear(M);
    arb_mat_clear(L);
    arb_mat_clear(E);
}
END_TEST

/* log(exp(A)) = A whenever every eigenvalue of A has |Im| < pi: true for
   ||A||_2 < pi; the random A below have entries in [-1/2, 1/2], n <= 5, so
   ||A||_2 <= ||A||_F <= 5/2. */
START_TEST(log_of_exp_contains_small_rational_matrices)
{
    flint_rand_t state;
    arb_mat_t A, E, L;
    fmpq_mat_t Q;
    slong n, i, j, iter;

    flint_randinit(state);
    arb_mat_init(A, 0, 0);
    arb_mat_init(E, 0, 0);
    arb_mat_init(L, 0, 0);
    for (iter = 0; iter < 12; iter++)
    {
        n = 1 + iter % 5;
        fmpq_mat_init(Q, n, n);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                fmpq_set_si(fmpq_mat_entry(Q, i, j), (slong) n_randint(state, 41) - 20, 40);
        lc_ball_set_qmat(A, Q, 128);
        exp_ok(E, A, 128);
        log_ok(L, E, 128);
        ck_assert_msg(lc_ball_contains_qmat(L, Q), "log(exp(A)), n = %ld", (long) n);
        ck_assert(max_radius(L) < 1e-25);
        fmpq_mat_clear(Q);
    }
    arb_mat_clear(A);
    arb_mat_clear(E);
    arb_mat_clear(L);
    flint_randclear(state);
}
END_TEST

START_TEST(log_radius_falls_with_precision)
{
    static const char * ms[] = {
        "[[2, 1, 0], [0, 3, 1], [1, 0, 5]]",
        "[[1, 1], [0, 1]]",
        NULL,
    };
    arb_mat_t M, L;
    slong prec, i;
    double r, last;

    arb_mat_init(M, 0, 0);
    arb_mat_init(L, 0, 0);
    ms[2] = near_pi;
    for (i = 0; i < 3; i++)
    {
        last = 1.0;
        for (prec = 64; prec <= 1024; prec *= 2)
        {
            qset(M, ms[i], prec);
            log_ok(L, M, prec);
            r = max_radius(L);
            ck_assert_msg(r < last * 1e-9, "%s: radius %g at %ld bits after %g", ms[i], r,
                          (long) prec, last);
            /* within 40 bits of 2^-prec (the near-pi case loses ~20 bits) */
            ck_assert_msg(r < 1e12 * pow2(-prec) || prec > 1000,
                          "radius %g at %ld bits", r, (long) prec);
            last = r;
        }
        ck_assert(last < 1e-270);
    }
    arb_mat_clear(M);
    arb_mat_clear(L);
}
END_TEST

START_TEST(sqrt_is_principal_and_certified)
{
    arb_mat_t M, Y, S;
    fmpq_mat_t Q;
    lc_err_t err;

    arb_mat_init(M, 0, 0);
    arb_mat_init(Y, 0, 0);
    arb_mat_init(S, 2, 2);
    fmpq_mat_init(Q, 0, 0);
    lc_err_init(err);

    /* (2I + N/4)^2 = 4I + N for N = [[0, 1], [0, 0]] */
    qset(M, "[[4, 1], [0, 4]]", 128);
    ck_assert_int_eq(lc_matfun_sqrt(Y, M, 128, err), LC_OK);
    qparse(Q, "[[2, 1/4], [0, 2]]");
    ck_assert(lc_ball_contains_qmat(Y, Q));

    /* [[0, -1], [1, 0]] has the principal root (1/sqrt 2) [[1, -1], [1, 1]]
       (rotation by pi/4): Y^2 contains M and the diagonal is positive */
    qset(M, "[[0, -1], [1, 0]]", 128);
    ck_assert_int_eq(lc_matfun_sqrt(Y, M, 128, err), LC_OK);
    arb_mat_sqr(S, Y, 128);
    ck_assert(arb_mat_contains(S, M));
    ck_assert(arb_is_positive(arb_mat_entry(Y, 0, 0)) && arb_is_positive(arb_mat_entry(Y, 1, 1)));

    /* the square root of I is I (principal), not diag(+-1) */
    qset(M, "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]", 64);
    ck_assert_int_eq(lc_matfun_sqrt(Y, M, 64, err), LC_OK);
    qparse(Q, "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]");
    ck_assert(lc_ball_contains_qmat(Y, Q));

    /* diag(-1, 1) has no principal square root */
    qset(M, "[[-1, 0], [0, 1]]", 64);
    ck_assert_int_eq(lc_matfun_sqrt(Y, M, 64, err), LC_E_DOMAIN);

    fmpq_mat_clear(Q);
    arb_mat_clear(M);
    arb_mat_clear(Y);
    arb_mat_clear(S);
}
END_TEST

/* Eigenvalues on the closed negative real axis: -1 (diag(-1, 1), the
   rotations by pi, a Jordan block at -1), (5 - sqrt 33)/2 < 0 for
   [[1, 2], [3, 4]], and 0 (singular). */
START_TEST(log_outside_the_domain_is_a_domain_error)
{
    static const char * ms[] = {
        "[[-1, 0], [0, 1]]",
        "[[-1, 0, 0], [0, -1, 0], [0, 0, 1]]",
        "[[-7/9, 4/9, 4/9], [4/9, -1/9, 8/9], [4/9, 8/9, -1/9]]",  /* 2 n n^T - I, n = (1,2,2)/3 */
        "[[-1, 1], [0, -1]]",
        "[[1, 2], [3, 4]]",
        "[[0, 0], [0, 1]]",
        "[[-1, 0, 0], [0, 0, -1], [0, 1, 0]]",
    };
    arb_mat_t M, L;
    fmpq_mat_t Q;
    lc_err_t err;
    slong i;
    int rc;

    arb_mat_init(M, 0, 0);
    arb_mat_init(L, 0, 0);
    fmpq_mat_init(Q, 0, 0);
    for (i = 0; i < (slong) (sizeof ms / sizeof ms[0]); i++)
    {
        qparse(Q, ms[i]);
        lc_ball_set_qmat(M, Q, 128);
        lc_err_init(err);
        rc = lc_matfun_log(L, M, 128, err);
        ck_assert_msg(rc == LC_E_DOMAIN, "%s: rc = %d", ms[i], rc);
        /* dyadic input is exact, hence decided; 1/9 is a ball and may be
           undecided, but the rational matrix itself is decided exactly */
        if (arb_mat_is_exact(M))
        {
            ck_assert_msg(strstr(err->msg, "(certain)") != NULL, "%s: %s", ms[i], err->msg);
            lc_err_init(err);
            ck_assert_int_eq(lc_matfun_log_domain(M, 128, err), 0);
        }
        lc_err_init(err);
        ck_assert_int_eq(lc_matfun_log_domain_qmat(Q, err), 0);
        ck_assert_msg(strstr(err->msg, "(certain)") != NULL, "%s: %s", ms[i], err->msg);
    }
    qparse(Q, "[[2, 1/3], [-1/7, 5]]");
    lc_err_init(err);
    ck_assert_int_eq(lc_matfun_log_domain_qmat(Q, err), 1);
    qparse(Q, "[[0, -1], [1, 0]]");                 /* eigenvalues +-i */
    ck_assert_int_eq(lc_matfun_log_domain_qmat(Q, err), 1);
    fmpq_mat_clear(Q);

    /* a ball straddling eigenvalue 0 is undecided, not "certain" */
    qset(M, "[[0, 0], [0, 1]]", 128);
    mag_set_ui_2exp_si(arb_radref(arb_mat_entry(M, 0, 0)), 1, -40);
    lc_err_init(err);
    ck_assert_int_eq(lc_matfun_log_domain(M, 128, err), -1);
    lc_err_init(err);
    ck_assert_int_eq(lc_matfun_log(L, M, 128, err), LC_E_DOMAIN);
    ck_assert_msg(strstr(err->msg, "undecided") != NULL, "%s", err->msg);

    /* a ball around -1 (inexact input) is still certainly outside */
    qset(M, "[[-1, 0], [1/3, 1]]", 128);
    mag_set_ui_2exp_si(arb_radref(arb_mat_entry(M, 0, 0)), 1, -40);
    lc_err_init(err);
    ck_assert_int_eq(lc_matfun_log_domain(M, 128, err), 0);

    /* inside: a ball version of a rational matrix */
    qset(M, "[[2, 1/3], [-1/7, 5]]", 128);
    lc_err_init(err);
    ck_assert_int_eq(lc_matfun_log_domain(M, 128, err), 1);

    /* not square */
    arb_mat_clear(M);
    arb_mat_init(M, 2, 3);
    lc_err_init(err);
    ck_assert_int_eq(lc_matfun_log(L, M, 64, err), LC_E_DIM);
    lc_err_init(err);
    ck_assert_int_eq(lc_matfun_exp(L, M, 64, err), LC_E_DIM);

    arb_mat_clear(M);
    arb_mat_clear(L);
}
END_TEST

/* ----------------------------------------------------------- closed forms */

START_TEST(so3_exp_closed_form_agrees_with_general_exp)
{
    static const char * ws[] = {
        "[[0, -3, 2], [3, 0, -1], [-2, 1, 0]]",
        "[[0, -1/1000000, 0], [1/1000000, 0, 0], [0, 0, 0]]",
        "[[0, 0, 0], [0, 0, 0], [0, 0, 0]]",
        "[[0, -314159/100000, 0], [314159/100000, 0, 0], [0, 0, 0]]",
    };
    arb_mat_t W, R, E, T;
    lc_err_t err;
    slong i;

    arb_mat_init(W, 0, 0);
    arb_mat_init(R, 0, 0);
    arb_mat_init(E, 0, 0);
    arb_mat_init(T, 0, 0);
    lc_err_init(err);
    lc_ball_resize(T, 3, 3);
    for (i = 0; i < 4; i++)
    {
        qset(W, ws[i], 256);
        ck_assert_int_eq(lc_matfun_so3_exp(R, W, 256, err), LC_OK);
        exp_ok(E, W, 256);
        assert_overlap(R, E, ws[i]);
        ck_assert(max_radius(R) < 1e-70);
        /* R is a rotation: R^T R contains I */
        arb_mat_transpose(T, R);
        arb_mat_mul(T, T, R, 256);
        arb_mat_one(E);
        ck_assert(arb_mat_contains(T, E));
    }
    /* exp(0) = I exactly */
    qset(W, ws[2], 64);
    lc_matfun_so3_exp(R, W, 64, err);
    arb_mat_one(T);
    ck_assert(arb_mat_equal(R, T));

    qset(W, "[[0, 1], [1, 0]]", 64);
    ck_assert_int_eq(lc_matfun_so3_exp(R, W, 64, err), LC_E_DIM);
    qset(W, "[[0, 1, 0], [1, 0, 0], [0, 0, 0]]", 64);
    ck_assert_int_eq(lc_matfun_so3_exp(R, W, 64, err), LC_E_ARG);
    arb_mat_clear(W);
    arb_mat_clear(R);
    arb_mat_clear(E);
    arb_mat_clear(T);
}
END_TEST

START_TEST(so3_log_closed_form_agrees_with_general_log_near_pi)
{
    static const char * rs[] = {
        /* Cayley rotations: w = (1,2,3)/4, w = (1,0,0)/1000, and near pi */
        "[[2/15, 14/15, -1/3], [-2/3, 1/3, 2/3], [11/15, 2/15, 2/3]]",
        "[[1, 0, 0], [0, 999999/1000001, -2000/1000001], [0, 2000/1000001, 999999/1000001]]",
        NULL,
        "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]",
        /* rotation by 2 atan(20) ~ pi - 0.1 about z */
        "[[-399/401, -40/401, 0], [40/401, -399/401, 0], [0, 0, 1]]",
    };
    arb_mat_t R, W, L, E;
    fmpq_mat_t Q;
    lc_err_t err;
    slong i, prec;

    arb_mat_init(R, 0, 0);
    arb_mat_init(W, 0, 0);
    arb_mat_init(L, 0, 0);
    arb_mat_init(E, 0, 0);
    fmpq_mat_init(Q, 0, 0);
    lc_err_init(err);
    rs[2] = near_pi;
    for (prec = 64; prec <= 512; prec *= 8)
        for (i = 0; i < 5; i++)
        {
            qparse(Q, rs[i]);
            lc_ball_set_qmat(R, Q, prec);
            ck_assert_msg(lc_matfun_so3_log(W, R, prec, err) == LC_OK, "%s: %s", rs[i], err->msg);
            log_ok(L, R, prec);
            assert_overlap(W, L, rs[i]);
            /* exp of the closed-form log gives R back */
            ck_assert_int_eq(lc_matfun_so3_exp(E, W, prec, err), LC_OK);
            ck_assert_msg(lc_ball_contains_qmat(E, Q), "so3_exp(so3_log(%s))", rs[i]);
            ck_assert(max_radius(W) < pow2(40 - prec));
        }
    /* identity: log is exactly 0 */
    qset(R, rs[3], 64);
    lc_matfun_so3_log(W, R, 64, err);
    ck_assert(arb_mat_is_zero(W));
    fmpq_mat_clear(Q);
    arb_mat_clear(R);
    arb_mat_clear(W);
    arb_mat_clear(L);
    arb_mat_clear(E);
}
END_TEST

START_TEST(so3_log_at_pi_and_of_non_rotations_is_refused)
{
    arb_mat_t R, W;
    lc_err_t err;

    arb_mat_init(R, 0, 0);
    arb_mat_init(W, 0, 0);
    /* 2 n n^T - I, n = (1, 2, 2)/3: rotation by exactly pi (1/9 is a ball:
       undecided, but refused) */
    qset(R, "[[-7/9, 4/9, 4/9], [4/9, -1/9, 8/9], [4/9, 8/9, -1/9]]", 128);
    lc_err_init(err);
    ck_assert_int_eq(lc_matfun_so3_log(W, R, 128, err), LC_E_DOMAIN);
    qset(R, "[[-1, 0, 0], [0, -1, 0], [0, 0, 1]]", 128);
    lc_err_init(err);
    ck_assert_int_eq(lc_matfun_so3_log(W, R, 128, err), LC_E_DOMAIN);
    ck_assert_msg(strstr(err->msg, "(certain)") != NULL, "%s", err->msg);
    /* a reflection (det -1) and a non-orthogonal matrix */
    qset(R, "[[1, 0, 0], [0, 1, 0], [0, 0, -1]]", 128);
    lc_err_init(err);
    ck_assert_int_eq(lc_matfun_so3_log(W, R, 128, err), LC_E_ARG);
    qset(R, "[[1, 1, 0], [0, 1, 0], [0, 0, 1]]", 128);
    lc_err_init(err);
    ck_assert_int_eq(lc_matfun_so3_log(W, R, 128, err), LC_E_ARG);
    arb_mat_clear(R);
    arb_mat_clear(W);
}
END_TEST

START_TEST(se2_closed_forms_agree_with_general_algorithm)
{
    static const char * gs[] = {
        "[[3/5, -4/5, 2], [4/5, 3/5, -1], [0, 0, 1]]",
        "[[-119/169, -120/169, 1/2], [120/169, -119/169, 3], [0, 0, 1]]",
        "[[-119/169, 120/169, 1/2], [-120/169, -119/169, 3], [0, 0, 1]]",
        "[[1, 0, 5], [0, 1, -7], [0, 0, 1]]",
        "[[-399/401, -40/401, 1], [40/401, -399/401, 1], [0, 0, 1]]",
    };
    static const char * xs[] = {
        "[[0, -1/2, 1], [1/2, 0, 3], [0, 0, 0]]",
        "[[0, 3, 1], [-3, 0, 3], [0, 0, 0]]",
        "[[0, 0, 1], [0, 0, 3], [0, 0, 0]]",
    };
    arb_mat_t G, X, L, E;
    fmpq_mat_t Q;
    lc_err_t err;
    slong i;

    arb_mat_init(G, 0, 0);
    arb_mat_init(X, 0, 0);
    arb_mat_init(L, 0, 0);
    arb_mat_init(E, 0, 0);
    fmpq_mat_init(Q, 0, 0);
    lc_err_init(err);
    for (i = 0; i < 5; i++)
    {
        qparse(Q, gs[i]);
        lc_ball_set_qmat(G, Q, 256);
        ck_assert_msg(lc_matfun_se2_log(X, G, 256, err) == LC_OK, "%s", err->msg);
        log_ok(L, G, 256);
        assert_overlap(X, L, gs[i]);
        ck_assert_int_eq(lc_matfun_se2_exp(E, X, 256, err), LC_OK);
        ck_assert(lc_ball_contains_qmat(E, Q));
        ck_assert(max_radius(X) < 1e-65);
    }
    for (i = 0; i < 3; i++)
    {
        qset(X, xs[i], 256);
        ck_assert_int_eq(lc_matfun_se2_exp(G, X, 256, err), LC_OK);
        exp_ok(E, X, 256);
        assert_overlap(G, E, xs[i]);
    }
    /* angle pi */
    qset(G, "[[-1, 0, 1], [0, -1, 2], [0, 0, 1]]", 128);
    ck_assert_int_eq(lc_matfun_se2_log(X, G, 128, err), LC_E_DOMAIN);
    ck_assert_int_eq(lc_matfun_log(L, G, 128, err), LC_E_DOMAIN);
    /* not SE(2) */
    qset(G, "[[2, 0, 1], [0, 1, 2], [0, 0, 1]]", 128);
    ck_assert_int_eq(lc_matfun_se2_log(X, G, 128, err), LC_E_ARG);
    qset(X, "[[1, 0, 1], [0, 0, 2], [0, 0, 0]]", 128);
    ck_assert_int_eq(lc_matfun_se2_exp(G, X, 128, err), LC_E_ARG);
    fmpq_mat_clear(Q);
    arb_mat_clear(G);
    arb_mat_clear(X);
    arb_mat_clear(L);
    arb_mat_clear(E);
}
END_TEST

/* log [[A, t], [0, 1]] = [[log A, u], [0, 0]]: the linear block must agree
   with the 2 x 2 logarithm of A, the last row is exactly 0, exp gives G. */
START_TEST(aff2_log_has_the_linear_log_as_block_and_exp_inverts_it)
{
    static const char * gs[] = {
        "[[2, 1, 1], [0, 1/2, 3], [0, 0, 1]]",
        "[[1, 1, 2], [0, 1, -1], [0, 0, 1]]",           /* shear: eigenvalue 1 (x3) */
        "[[3, -1, 1/2], [1, 2, 0], [0, 0, 1]]",
    };
    static const char * as[] = {
        "[[2, 1], [0, 1/2]]",
        "[[1, 1], [0, 1]]",
        "[[3, -1], [1, 2]]",
    };
    arb_mat_t G, X, A, LA, E, blk;
    fmpq_mat_t Q;
    lc_err_t err;
    slong i;

    arb_mat_init(G, 0, 0);
    arb_mat_init(X, 0, 0);
    arb_mat_init(A, 0, 0);
    arb_mat_init(LA, 0, 0);
    arb_mat_init(E, 0, 0);
    arb_mat_init(blk, 2, 2);
    fmpq_mat_init(Q, 0, 0);
    lc_err_init(err);
    for (i = 0; i < 3; i++)
    {
        qparse(Q, gs[i]);
        lc_ball_set_qmat(G, Q, 256);
        ck_assert_msg(lc_matfun_aff2_log(X, G, 256, err) == LC_OK, "%s", err->msg);
        ck_assert(arb_is_zero(arb_mat_entry(X, 2, 0)) && arb_is_zero(arb_mat_entry(X, 2, 1))
                  && arb_is_zero(arb_mat_entry(X, 2, 2)));
        qset(A, as[i], 256);
        log_ok(LA, A, 256);
        arb_set(arb_mat_entry(blk, 0, 0), arb_mat_entry(X, 0, 0));
        arb_set(arb_mat_entry(blk, 0, 1), arb_mat_entry(X, 0, 1));
        arb_set(arb_mat_entry(blk, 1, 0), arb_mat_entry(X, 1, 0));
        arb_set(arb_mat_entry(blk, 1, 1), arb_mat_entry(X, 1, 1));
        assert_overlap(blk, LA, as[i]);
        ck_assert_int_eq(lc_matfun_aff2_exp(E, X, 256, err), LC_OK);
        ck_assert(lc_ball_contains_qmat(E, Q));
        ck_assert(arb_is_one(arb_mat_entry(E, 2, 2)));
    }
    /* the shear's log is rational: [[0, 1, 5/2], [0, 0, -1], [0, 0, 0]]
       (X^2/2 = [[0, 0, -1/2], ...], so 1 + X + X^2/2 has 5/2 - 1/2 = 2) */
    qset(G, gs[1], 128);
    lc_matfun_aff2_log(X, G, 128, err);
    qparse(Q, "[[0, 1, 5/2], [0, 0, -1], [0, 0, 0]]");
    ck_assert(lc_ball_contains_qmat(X, Q));

    qset(G, "[[2, 1, 1], [0, 1/2, 3], [1, 0, 1]]", 64);
    ck_assert_int_eq(lc_matfun_aff2_log(X, G, 64, err), LC_E_ARG);
    ck_assert_int_eq(lc_matfun_aff2_exp(X, G, 64, err), LC_E_ARG);
    fmpq_mat_clear(Q);
    arb_mat_clear(G);
    arb_mat_clear(X);
    arb_mat_clear(A);
    arb_mat_clear(LA);
    arb_mat_clear(E);
    arb_mat_clear(blk);
}
END_TEST

/* ------------------------------------------------------------------ suite */

static Suite *
matfun_suite(void)
{
    Suite * s = suite_create("matfun");
    TCase * tc;

    tc = tcase_create("ball");
    tcase_add_test(tc, ball_norm_bounds_are_upper_bounds_and_tight_for_exact_input);
    tcase_add_test(tc, ball_of_rationals_contains_them_and_prints_in_arb_form);
    suite_add_tcase(s, tc);

    tc = tcase_create("mpmath");
    tcase_add_test(tc, mpmath_values_lie_inside_the_balls_at_128_bits);
    tcase_add_test(tc, mpmath_values_overlap_the_balls_at_512_bits);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);

    tc = tcase_create("exp_log");
    tcase_add_test(tc, log_of_identity_is_exactly_zero);
    tcase_add_test(tc, exp_keeps_the_homogeneous_row_exact);
    tcase_add_test(tc, log_of_unipotent_and_jordan_blocks_contains_the_exact_log);
    tcase_add_test(tc, log_of_quarter_turn_and_diagonal_are_the_textbook_values);
    tcase_add_test(tc, exp_of_log_contains_the_input);
    tcase_add_test(tc, log_of_exp_contains_small_rational_matrices);
    tcase_add_test(tc, log_radius_falls_with_precision);
    tcase_add_test(tc, sqrt_is_principal_and_certified);
    tcase_add_test(tc, log_outside_the_domain_is_a_domain_error);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);

    tc = tcase_create("closed_forms");
    tcase_add_test(tc, so3_exp_closed_form_agrees_with_general_exp);
    tcase_add_test(tc, so3_log_closed_form_agrees_with_general_log_near_pi);
    tcase_add_test(tc, so3_log_at_pi_and_of_non_rotations_is_refused);
    tcase_add_test(tc, se2_closed_forms_agree_with_general_algorithm);
    tcase_add_test(tc, aff2_log_has_the_linear_log_as_block_and_exp_inverts_it);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);

    return s;
}

int
main(void)
{
    SRunner * sr = srunner_create(matfun_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    flint_cleanup();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
