/* test_ssm.c -- Magnus/BCH terms, masses, truncation orders, towers, radicals,
 * cascades, Witt numbers and free nilpotent algebras.  Every expected value is
 * derived by hand in the comment next to it (or computed in the test from its
 * defining formula), never pasted from liecheck's output. */
#include <stdlib.h>
#include <check.h>
#include "qmat.h"
#include "lie.h"
#include "ssm.h"
#include "matfun.h"

static void
mk(fmpq_mat_t A, const char * s)
{
    lc_err_t err;
    ck_assert_msg(lc_qmat_parse(A, s, err) == LC_OK, "parse %s: %s", s, err->msg);
}

/* k zero 3 x 3 matrices (parsing and the library resize them as needed). */
static fmpq_mat_struct *
mats(slong k)
{
    fmpq_mat_struct * m = flint_malloc(sizeof(fmpq_mat_struct) * k);
    slong i;
    for (i = 0; i < k; i++)
        fmpq_mat_init(m + i, 3, 3);
    return m;
}

static void
mats_free(fmpq_mat_struct * m, slong k)
{
    slong i;
    for (i = 0; i < k; i++)
        fmpq_mat_clear(m + i);
    flint_free(m);
}

static void
br(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B)
{
    lc_err_t err;
    ck_assert_int_eq(lc_lie_bracket(C, A, B, err), LC_OK);
}

/* C := C + (p/q) A */
static void
addmul(fmpq_mat_t C, const fmpq_mat_t A, slong p, slong q)
{
    fmpq_t c;
    fmpq_mat_t X;
    fmpq_init(c);
    fmpq_set_si(c, p, q);
    fmpq_mat_init(X, A->r, A->c);
    fmpq_mat_scalar_mul_fmpq(X, A, c);
    fmpq_mat_add(C, C, X);
    fmpq_mat_clear(X);
    fmpq_clear(c);
}

/* ------------------------------------------------------------ Witt numbers */

/* witt(2, m) for m = 1..8: the necklace numbers 2, 1, 2, 3, 6, 9, 18, 30
   (e.g. m = 6: (64 - 8 - 4 + 2) / 6 = 9); witt(3, m) = 3, 3, 8, 18, 48. */
START_TEST(witt_numbers_match_the_necklace_counts)
{
    const slong w2[8] = {2, 1, 2, 3, 6, 9, 18, 30}, w3[5] = {3, 3, 8, 18, 48};
    slong m, dims[10];
    fmpz_t w;
    lc_err_t err;

    fmpz_init(w);
    for (m = 1; m <= 8; m++)
    {
        lc_ssm_witt(w, 2, m);
        ck_assert(fmpz_equal_si(w, w2[m - 1]));
    }
    for (m = 1; m <= 5; m++)
    {
        lc_ssm_witt(w, 3, m);
        ck_assert(fmpz_equal_si(w, w3[m - 1]));
    }
    /* the span of brackets in the free associative algebra agrees */
    ck_assert_int_eq(lc_ssm_free_lie_dims(dims, 2, 8, err), LC_OK);
    for (m = 1; m <= 8; m++)
        ck_assert_int_eq(dims[m - 1], w2[m - 1]);
    ck_assert_int_eq(lc_ssm_free_lie_dims(dims, 3, 5, err), LC_OK);
    for (m = 1; m <= 5; m++)
        ck_assert_int_eq(dims[m - 1], w3[m - 1]);
    fmpz_clear(w);
}
END_TEST

/* ------------------------------------------------------------ Magnus terms */

/* Omega_1 = sum d_i A_i and Omega_2 = 1/2 sum_{i>j} d_i d_j [A_i, A_j], with
   the later generator on the left, for three random rational generators. */
START_TEST(magnus_first_terms_match_the_formula)
{
    fmpq_mat_struct * A = mats(3), * Om = mats(3);
    fmpq d[3];
    fmpq_mat_t W, C, X;
    flint_rand_t st;
    lc_err_t err;
    slong i, j;

    flint_randinit(st);
    lc_rand_seed(st, 7);
    for (i = 0; i < 3; i++)
    {
        lc_qmat_rand(A + i, 3, 3, st, 5);
        fmpq_init(d + i);
    }
    fmpq_set_si(d + 0, 1, 2);
    fmpq_set_si(d + 1, 3, 1);
    fmpq_set_si(d + 2, -2, 3);
    ck_assert_int_eq(lc_ssm_magnus(Om, A, d, 3, 3, err), LC_OK);
    fmpq_mat_init(W, 3, 3);
    fmpq_mat_init(C, 3, 3);
    fmpq_mat_init(X, 3, 3);
    for (i = 0; i < 3; i++)
    {
        fmpq_mat_scalar_mul_fmpq(X, A + i, d + i);
        fmpq_mat_add(W, W, X);
    }
    ck_assert(fmpq_mat_equal(W, Om + 0));
    fmpq_mat_zero(W);
    for (i = 0; i < 3; i++)
        for (j = 0; j < i; j++)
        {
            fmpq_t c;
            br(C, A + i, A + j);
            fmpq_init(c);
            fmpq_mul(c, d + i, d + j);
            fmpq_mat_scalar_mul_fmpq(X, C, c);
            fmpq_mat_add(W, W, X);
            fmpq_clear(c);
        }
    fmpq_mat_zero(X);
    addmul(X, W, 1, 2);
    ck_assert(fmpq_mat_equal(X, Om + 1));
    /* the sign convention: the reversed input gives -Omega_2 */
    {
        fmpq_mat_struct * R = mats(3), * Om2 = mats(2);
        fmpq e[3];
        for (i = 0; i < 3; i++)
        {
            fmpq_mat_set(R + i, A + 2 - i);
            fmpq_init(e + i);
            fmpq_set(e + i, d + 2 - i);
        }
        ck_assert_int_eq(lc_ssm_magnus(Om2, R, e, 3, 2, err), LC_OK);
        fmpq_mat_neg(X, X);
        ck_assert(fmpq_mat_equal(X, Om2 + 1));
        for (i = 0; i < 3; i++)
            fmpq_clear(e + i);
        mats_free(R, 3);
        mats_free(Om2, 2);
    }
    for (i = 0; i < 3; i++)
        fmpq_clear(d + i);
    fmpq_mat_clear(W);
    fmpq_mat_clear(C);
    fmpq_mat_clear(X);
    mats_free(A, 3);
    mats_free(Om, 3);
    flint_randclear(st);
}
END_TEST

/* One step: log(exp(tA)) = tA, so Omega_1 = A and every later term is 0. */
START_TEST(magnus_of_one_step_is_the_generator)
{
    fmpq_mat_struct * A = mats(1), * Om = mats(5);
    lc_err_t err;
    slong k;

    mk(A + 0, "[[1, 2], [3, 4]]");
    ck_assert_int_eq(lc_ssm_magnus(Om, A, NULL, 1, 5, err), LC_OK);
    ck_assert(fmpq_mat_equal(Om + 0, A + 0));
    for (k = 1; k < 5; k++)
        ck_assert(fmpq_mat_is_zero(Om + k));
    mats_free(A, 1);
    mats_free(Om, 5);
}
END_TEST

/* log(e^X e^Y) = X + Y + [X,Y]/2 + ([X,[X,Y]] + [Y,[Y,X]])/12
   - [Y,[X,[X,Y]]]/24 + ..., each term built here from its bracket formula. */
START_TEST(bch_terms_match_the_known_coefficients)
{
    fmpq_mat_struct * Z = mats(4);
    fmpq_mat_t X, Y, XY, XXY, YYX, YX, XXYY, W;
    flint_rand_t st;
    lc_err_t err;

    flint_randinit(st);
    lc_rand_seed(st, 11);
    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(Y, 0, 0);
    lc_qmat_rand(X, 3, 3, st, 4);
    lc_qmat_rand(Y, 3, 3, st, 4);
    fmpq_mat_init(XY, 3, 3);
    fmpq_mat_init(YX, 3, 3);
    fmpq_mat_init(XXY, 3, 3);
    fmpq_mat_init(YYX, 3, 3);
    fmpq_mat_init(XXYY, 3, 3);
    fmpq_mat_init(W, 3, 3);
    ck_assert_int_eq(lc_ssm_bch(Z, X, Y, 4, err), LC_OK);
    br(XY, X, Y);
    br(YX, Y, X);
    br(XXY, X, XY);
    br(YYX, Y, YX);
    br(XXYY, Y, XXY);
    fmpq_mat_add(W, X, Y);
    ck_assert(fmpq_mat_equal(W, Z + 0));
    fmpq_mat_zero(W);
    addmul(W, XY, 1, 2);
    ck_assert(fmpq_mat_equal(W, Z + 1));
    fmpq_mat_zero(W);
    addmul(W, XXY, 1, 12);
    addmul(W, YYX, 1, 12);
    ck_assert(fmpq_mat_equal(W, Z + 2));
    fmpq_mat_zero(W);
    addmul(W, XXYY, -1, 24);
    ck_assert(fmpq_mat_equal(W, Z + 3));
    fmpq_mat_clear(X);
    fmpq_mat_clear(Y);
    fmpq_mat_clear(XY);
    fmpq_mat_clear(YX);
    fmpq_mat_clear(XXY);
    fmpq_mat_clear(YYX);
    fmpq_mat_clear(XXYY);
    fmpq_mat_clear(W);
    mats_free(Z, 4);
    flint_randclear(st);
}
END_TEST

/* X = E12, Y = E23 in the Heisenberg algebra (class 2).  Input X then Y:
   Omega_1 = X + Y, Omega_2 = [Y, X]/2 = -E13/2, Omega_k = 0 for k >= 3.
   exp(Omega) = I + Omega + Omega^2/2 with Omega^2 = E13, i.e.
   I + E12 + E23, which is e^Y e^X = (I + E23)(I + E12) (E23 E12 = 0). */
START_TEST(nilpotent_magnus_series_terminates_and_exponentiates_exactly)
{
    fmpq_mat_struct * A = mats(2), * Om = mats(6), * S = mats(1);
    fmpq_mat_t P, Q, want;
    lc_err_t err;
    slong k;

    mk(A + 0, "[[0, 1, 0], [0, 0, 0], [0, 0, 0]]");
    mk(A + 1, "[[0, 0, 0], [0, 0, 1], [0, 0, 0]]");
    ck_assert_int_eq(lc_ssm_magnus(Om, A, NULL, 2, 6, err), LC_OK);
    fmpq_mat_init(want, 0, 0);
    mk(want, "[[0, 1, 0], [0, 0, 1], [0, 0, 0]]");
    ck_assert(fmpq_mat_equal(Om + 0, want));
    mk(want, "[[0, 0, -1/2], [0, 0, 0], [0, 0, 0]]");
    ck_assert(fmpq_mat_equal(Om + 1, want));
    for (k = 2; k < 6; k++)
        ck_assert(fmpq_mat_is_zero(Om + k));
    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(Q, 0, 0);
    fmpq_mat_add(S + 0, Om + 0, Om + 1);
    ck_assert_int_eq(lc_ssm_transition(P, S, NULL, 1, err), LC_OK);
    ck_assert_int_eq(lc_ssm_transition(Q, A, NULL, 2, err), LC_OK);
    mk(want, "[[1, 1, 0], [0, 1, 1], [0, 0, 1]]");
    ck_assert(fmpq_mat_equal(P, want));
    ck_assert(fmpq_mat_equal(Q, want));
    /* a non-nilpotent generator has no finite exponential over Q */
    mk(A + 0, "[[1, 0, 0], [0, 0, 0], [0, 0, 0]]");
    ck_assert_int_eq(lc_ssm_transition(P, A, NULL, 2, err), LC_E_DOMAIN);
    fmpq_mat_clear(P);
    fmpq_mat_clear(Q);
    fmpq_mat_clear(want);
    mats_free(A, 2);
    mats_free(Om, 6);
    mats_free(S, 1);
}
END_TEST

/* so(3): Lx, Ly, Lz with [Lx, Ly] = Lz (cyclic). */
static void
so3(fmpq_mat_struct * L)
{
    mk(L + 0, "[[0, 0, 0], [0, 0, -1], [0, 1, 0]]");
    mk(L + 1, "[[0, 0, 1], [0, 0, 0], [-1, 0, 0]]");
    mk(L + 2, "[[0, -1, 0], [1, 0, 0], [0, 0, 0]]");
}

/* exp(sum_{k<=c} t^k Omega_k) - P(t) = -t^(c+1) Omega_(c+1) + O(t^(c+2)),
   because exp(Omega - D) = exp(Omega) - D + O(t D) for D = O(t^(c+1)). */
START_TEST(truncation_residual_starts_at_the_next_order)
{
    fmpq_mat_struct * L = mats(3), * A = mats(3), * R = mats(6), * Om = mats(5);
    lc_err_t err;
    slong k, c;

    so3(L);
    fmpq_mat_add(A + 0, L + 0, L + 1);
    fmpq_mat_set(A + 1, L + 1);
    fmpq_mat_add(A + 2, L + 2, L + 0);
    ck_assert_int_eq(lc_ssm_magnus(Om, A, NULL, 3, 5, err), LC_OK);
    for (c = 1; c <= 4; c++)
    {
        ck_assert_int_eq(lc_ssm_magnus_residual(R, A, NULL, 3, c, err), LC_OK);
        for (k = 0; k <= c; k++)
            ck_assert_msg(fmpq_mat_is_zero(R + k), "c = %ld, k = %ld", c, k);
        fmpq_mat_neg(R + c + 1, R + c + 1);
        ck_assert(fmpq_mat_equal(R + c + 1, Om + c));
        ck_assert(!fmpq_mat_is_zero(Om + c));
    }
    mats_free(L, 3);
    mats_free(A, 3);
    mats_free(R, 6);
    mats_free(Om, 5);
}
END_TEST

/* ------------------------------------------------------------- masses */

/* X = E12, Y = E21, input X then Y: Omega_2 = [Y, X]/2 = (E22 - E11)/2,
   ||Omega_2||_F^2 = 1/2.  Durations 2, 3 multiply it by 6: 36/2 = 18.
   Generator mass: 1 + 1 = 2, resp. 2 + 3 = 5; ||Omega_2|| <= eps^2 / 2. */
START_TEST(commutator_mass_of_two_shears)
{
    fmpq_mat_struct * A = mats(2);
    fmpq d[2];
    fmpq_t m2, want;
    arb_t m, eps, x;
    lc_err_t err;

    mk(A + 0, "[[0, 1], [0, 0]]");
    mk(A + 1, "[[0, 0], [1, 0]]");
    fmpq_init(m2);
    fmpq_init(want);
    arb_init(m);
    arb_init(eps);
    arb_init(x);
    ck_assert_int_eq(lc_ssm_commutator_mass2(m2, A, NULL, 2, err), LC_OK);
    fmpq_set_si(want, 1, 2);
    ck_assert(fmpq_equal(m2, want));
    ck_assert_int_eq(lc_ssm_commutator_mass(m, A, NULL, 2, 128, err), LC_OK);
    arb_set_ui(x, 2);
    arb_rsqrt(x, x, 128);
    ck_assert(arb_overlaps(m, x));
    ck_assert_int_eq(lc_ssm_generator_mass(eps, A, NULL, 2, 128, err), LC_OK);
    ck_assert(arb_equal_si(eps, 2));
    fmpq_init(d + 0);
    fmpq_init(d + 1);
    fmpq_set_si(d + 0, 2, 1);
    fmpq_set_si(d + 1, 3, 1);
    ck_assert_int_eq(lc_ssm_commutator_mass2(m2, A, d, 2, err), LC_OK);
    fmpq_set_si(want, 18, 1);
    ck_assert(fmpq_equal(m2, want));
    ck_assert_int_eq(lc_ssm_generator_mass(eps, A, d, 2, 128, err), LC_OK);
    ck_assert(arb_equal_si(eps, 5));
    ck_assert_int_eq(lc_ssm_commutator_mass(m, A, d, 2, 128, err), LC_OK);
    arb_sqr(x, eps, 128);
    arb_mul_2exp_si(x, x, -1);
    ck_assert(arb_le(m, x));
    fmpq_clear(d + 0);
    fmpq_clear(d + 1);
    fmpq_clear(m2);
    fmpq_clear(want);
    arb_clear(m);
    arb_clear(eps);
    arb_clear(x);
    mats_free(A, 2);
}
END_TEST

/* ------------------------------------------------ orders of the local error */

static void
to_balls(arb_mat_struct * B, const fmpq_mat_struct * A, slong T, slong prec)
{
    slong i;
    for (i = 0; i < T; i++)
    {
        arb_mat_init(B + i, 0, 0);
        lc_ball_set_qmat(B + i, A + i, prec);
    }
}

/* Truncating the Magnus series at class c = 2^(k-1), k = 1..4, leaves an
   error of order eps^(c+1): the certified ratio e(t)/e(t/2) lies in
   (2^(c+1/2), 2^(c+3/2)), so the exponents are 2, 3, 5, 9.  so(3), input
   (Lx + Ly, Ly, Lz + Lx); the prerequisite Omega_(c+1) != 0 is checked
   exactly. */
START_TEST(so3_truncation_exponents_are_2_3_5_9)
{
    fmpq_mat_struct * L = mats(3), * A = mats(3), * Om = mats(9);
    arb_mat_struct B[3];
    arb_t t, ratio;
    lc_err_t err;
    slong k, c, p, prec = 256;

    so3(L);
    fmpq_mat_add(A + 0, L + 0, L + 1);
    fmpq_mat_set(A + 1, L + 1);
    fmpq_mat_add(A + 2, L + 2, L + 0);
    ck_assert_int_eq(lc_ssm_magnus(Om, A, NULL, 3, 9, err), LC_OK);
    to_balls(B, A, 3, prec);
    arb_init(t);
    arb_init(ratio);
    for (k = 1; k <= 4; k++)
    {
        c = WORD(1) << (k - 1);
        ck_assert(!fmpq_mat_is_zero(Om + c));
        arb_set_si(t, 1);
        arb_mul_2exp_si(t, t, -8);
        ck_assert_int_eq(lc_ssm_truncation_order(ratio, &p, B, 3, c, t, prec, err), LC_OK);
        ck_assert_msg(p == c + 1, "k = %ld: exponent %ld, expected %ld", k, p, c + 1);
    }
    for (k = 0; k < 3; k++)
        arb_mat_clear(B + k);
    arb_clear(t);
    arb_clear(ratio);
    mats_free(L, 3);
    mats_free(A, 3);
    mats_free(Om, 9);
}
END_TEST

/* The icosahedral rotation generators: a = (2 pi / 5) [u]_x about the vertex
   u = (0, 1, phi) / |.|, b = (2 pi / 3) [v]_x about the face centre
   v = (1, 1, 1) / sqrt 3 (a face (0,1,phi), (phi,0,1), (1,phi,0) of the
   icosahedron with vertices the cyclic shifts of (0, +-1, +-phi)).  exp(a)
   has order 5 and exp(b) order 3; orders 3 and 5 force the generated
   subgroup of A5 to be all of it (15 divides its order).  Same exponents. */
static void
skew(arb_mat_t W, const arb_t x, const arb_t y, const arb_t z, const arb_t s, slong prec)
{
    arb_mat_zero(W);
    arb_mul(arb_mat_entry(W, 0, 1), z, s, prec);
    arb_neg(arb_mat_entry(W, 0, 1), arb_mat_entry(W, 0, 1));
    arb_mul(arb_mat_entry(W, 0, 2), y, s, prec);
    arb_mul(arb_mat_entry(W, 1, 0), z, s, prec);
    arb_mul(arb_mat_entry(W, 1, 2), x, s, prec);
    arb_neg(arb_mat_entry(W, 1, 2), arb_mat_entry(W, 1, 2));
    arb_mul(arb_mat_entry(W, 2, 0), y, s, prec);
    arb_neg(arb_mat_entry(W, 2, 0), arb_mat_entry(W, 2, 0));
    arb_mul(arb_mat_entry(W, 2, 1), x, s, prec);
}

START_TEST(icosahedral_truncation_exponents_are_2_3_5_9)
{
    arb_mat_struct G[2];
    arb_mat_t R, P, I;
    arb_t phi, x, y, z, s, t, ratio;
    lc_err_t err;
    slong k, c, p, i, prec = 256;

    arb_init(phi); arb_init(x); arb_init(y); arb_init(z); arb_init(s);
    arb_init(t); arb_init(ratio);
    arb_mat_init(G + 0, 3, 3);
    arb_mat_init(G + 1, 3, 3);
    arb_mat_init(R, 3, 3);
    arb_mat_init(P, 3, 3);
    arb_mat_init(I, 3, 3);
    arb_mat_one(I);
    arb_sqrt_ui(phi, 5, prec);
    arb_add_ui(phi, phi, 1, prec);
    arb_mul_2exp_si(phi, phi, -1);
    /* s = (2 pi / 5) / sqrt(1 + phi^2) */
    arb_sqr(s, phi, prec);
    arb_add_ui(s, s, 1, prec);
    arb_rsqrt(s, s, prec);
    arb_const_pi(t, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_div_ui(t, t, 5, prec);
    arb_mul(s, s, t, prec);
    arb_zero(x);
    arb_one(y);
    skew(G + 0, x, y, phi, s, prec);
    /* (2 pi / 3) / sqrt 3 */
    arb_const_pi(s, prec);
    arb_mul_2exp_si(s, s, 1);
    arb_div_ui(s, s, 3, prec);
    arb_sqrt_ui(t, 3, prec);
    arb_div(s, s, t, prec);
    arb_one(x);
    skew(G + 1, x, x, x, s, prec);
    /* orders 5 and 3, and they do not commute */
    ck_assert_int_eq(lc_matfun_exp(R, G + 0, prec, err), LC_OK);
    arb_mat_one(P);
    for (i = 0; i < 5; i++)
        arb_mat_mul(P, P, R, prec);
    ck_assert(arb_mat_overlaps(P, I));
    ck_assert_int_eq(lc_matfun_exp(R, G + 1, prec, err), LC_OK);
    arb_mat_mul(P, R, R, prec);
    arb_mat_mul(P, P, R, prec);
    ck_assert(arb_mat_overlaps(P, I));
    arb_mat_mul(P, G + 0, G + 1, prec);
    arb_mat_mul(R, G + 1, G + 0, prec);
    arb_mat_sub(P, P, R, prec);
    for (i = 0, p = 0; i < 9; i++)
        p += !arb_contains_zero(arb_mat_entry(P, i / 3, i % 3));
    ck_assert(p > 0);
    /* the library's generators are the same */
    {
        arb_mat_struct H[2];
        arb_mat_init(H + 0, 0, 0);
        arb_mat_init(H + 1, 0, 0);
        lc_ssm_icosahedral(H, prec);
        ck_assert(arb_mat_overlaps(H + 0, G + 0) && arb_mat_overlaps(H + 1, G + 1));
        arb_mat_clear(H + 0);
        arb_mat_clear(H + 1);
    }
    for (k = 1; k <= 4; k++)
    {
        c = WORD(1) << (k - 1);
        arb_set_si(t, 1);
        arb_mul_2exp_si(t, t, -8);
        ck_assert_int_eq(lc_ssm_truncation_order(ratio, &p, G, 2, c, t, prec, err), LC_OK);
        ck_assert_msg(p == c + 1, "k = %ld: exponent %ld, expected %ld", k, p, c + 1);
    }
    arb_clear(phi); arb_clear(x); arb_clear(y); arb_clear(z); arb_clear(s);
    arb_clear(t); arb_clear(ratio);
    arb_mat_clear(G + 0);
    arb_mat_clear(G + 1);
    arb_mat_clear(R);
    arb_mat_clear(P);
    arb_mat_clear(I);
}
END_TEST

/* ------------------------------------------------------------- towers */

static void
closure(lc_lie_t L, const char ** gens, slong k)
{
    fmpq_mat_struct * G = mats(k);
    lc_err_t err;
    slong i;
    for (i = 0; i < k; i++)
        mk(G + i, gens[i]);
    ck_assert_int_eq(lc_lie_closure(L, G, k, 0, err), LC_OK);
    mats_free(G, k);
}

static int
has(const lc_lie_t L, const char * s)
{
    fmpq_mat_t A;
    int r;
    fmpq_mat_init(A, 0, 0);
    mk(A, s);
    r = lc_lie_contains(L, A);
    fmpq_mat_clear(A);
    return r;
}

/* se(2): [R, Tx] = Ty, [R, Ty] = -Tx: derived series 3, 2, 0 (abelian
   layers 1, 2); solvable, so the radical is all of it and the perfect core
   is 0. */
START_TEST(tower_and_radical_of_se2)
{
    const char * g[3] = {"[[0, -1, 0], [1, 0, 0], [0, 0, 0]]", "[[0, 0, 1], [0, 0, 0], [0, 0, 0]]",
                         "[[0, 0, 0], [0, 0, 1], [0, 0, 0]]"};
    lc_lie_t L, R, P;
    slong dims[8], quot[8], len;

    lc_lie_init(L); lc_lie_init(R); lc_lie_init(P);
    closure(L, g, 3);
    len = lc_ssm_tower(dims, quot, L);
    ck_assert_int_eq(len, 3);
    ck_assert(dims[0] == 3 && dims[1] == 2 && dims[2] == 0);
    ck_assert(quot[0] == 1 && quot[1] == 2);
    lc_ssm_radical(R, L);
    ck_assert(lc_lie_equal(R, L));
    lc_ssm_perfect_core(P, L);
    ck_assert_int_eq(lc_lie_dim(P), 0);
    lc_lie_clear(L); lc_lie_clear(R); lc_lie_clear(P);
}
END_TEST

/* aff(2) = gl(2) x| Q^2 (3x3 homogeneous form), dimension 6.  [L, L] =
   sl(2) x| Q^2 (dimension 5) is perfect: [sl2, sl2] = sl2 and sl2 Q^2 = Q^2.
   Radical: the scalars diag(1, 1, 0) plus the translations (dimension 3):
   an ideal ([B, I2] = 0, [B, t] = B t, [t, I2] = -t), solvable, with
   quotient sl(2) semisimple. */
START_TEST(tower_and_radical_of_aff2)
{
    const char * g[6] = {"[[1, 0, 0], [0, 0, 0], [0, 0, 0]]", "[[0, 1, 0], [0, 0, 0], [0, 0, 0]]",
                         "[[0, 0, 0], [1, 0, 0], [0, 0, 0]]", "[[0, 0, 0], [0, 1, 0], [0, 0, 0]]",
                         "[[0, 0, 1], [0, 0, 0], [0, 0, 0]]", "[[0, 0, 0], [0, 0, 1], [0, 0, 0]]"};
    lc_lie_t L, R, P;
    slong dims[10], quot[10], len;

    lc_lie_init(L); lc_lie_init(R); lc_lie_init(P);
    closure(L, g, 6);
    ck_assert_int_eq(lc_lie_dim(L), 6);
    len = lc_ssm_tower(dims, quot, L);
    ck_assert_int_eq(len, 3);
    ck_assert(dims[0] == 6 && dims[1] == 5 && dims[2] == 5);
    ck_assert(quot[0] == 1 && quot[1] == 0);
    lc_ssm_perfect_core(P, L);
    ck_assert_int_eq(lc_lie_dim(P), 5);
    ck_assert(has(P, "[[1, 0, 0], [0, -1, 0], [0, 0, 0]]") && has(P, "[[0, 0, 1], [0, 0, 0], [0, 0, 0]]"));
    lc_ssm_radical(R, L);
    ck_assert_int_eq(lc_lie_dim(R), 3);
    ck_assert(has(R, "[[1, 0, 0], [0, 1, 0], [0, 0, 0]]"));
    ck_assert(has(R, "[[0, 0, 1], [0, 0, 0], [0, 0, 0]]"));
    ck_assert(has(R, "[[0, 0, 0], [0, 0, 1], [0, 0, 0]]"));
    ck_assert(lc_lie_is_solvable(R));
    lc_lie_clear(L); lc_lie_clear(R); lc_lie_clear(P);
}
END_TEST

/* gl(3): radical = the scalars (the Killing form 6 tr(xy) - 2 tr x tr y
   is orthogonal to sl(3) only on scalars).  b(3), upper triangular:
   solvable, radical = b(3) (dimension 6), derived series 6, 3, 1, 0.
   so(3): semisimple, radical 0, perfect core so(3). */
START_TEST(radicals_of_gl3_b3_so3)
{
    const char * gl[2] = {"[[0, 1, 0], [0, 0, 1], [1, 0, 0]]", "[[1, 0, 0], [0, 2, 0], [0, 0, 3]]"};
    const char * b[6] = {"[[1, 0, 0], [0, 0, 0], [0, 0, 0]]", "[[0, 0, 0], [0, 1, 0], [0, 0, 0]]",
                         "[[0, 0, 0], [0, 0, 0], [0, 0, 1]]", "[[0, 1, 0], [0, 0, 0], [0, 0, 0]]",
                         "[[0, 0, 0], [0, 0, 1], [0, 0, 0]]", "[[0, 0, 1], [0, 0, 0], [0, 0, 0]]"};
    const char * so[2] = {"[[0, 0, 0], [0, 0, -1], [0, 1, 0]]", "[[0, 0, 1], [0, 0, 0], [-1, 0, 0]]"};
    lc_lie_t L, R, P;
    slong dims[12], quot[12], len;

    lc_lie_init(L); lc_lie_init(R); lc_lie_init(P);
    /* a cyclic permutation and a regular diagonal generate gl(3) */
    closure(L, gl, 2);
    ck_assert_int_eq(lc_lie_dim(L), 9);
    lc_ssm_radical(R, L);
    ck_assert_int_eq(lc_lie_dim(R), 1);
    ck_assert(has(R, "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]"));
    lc_ssm_perfect_core(P, L);
    ck_assert_int_eq(lc_lie_dim(P), 8);

    closure(L, b, 6);
    len = lc_ssm_tower(dims, quot, L);
    ck_assert_int_eq(len, 4);
    ck_assert(dims[0] == 6 && dims[1] == 3 && dims[2] == 1 && dims[3] == 0);
    ck_assert(quot[0] == 3 && quot[1] == 2 && quot[2] == 1);
    lc_ssm_radical(R, L);
    ck_assert(lc_lie_equal(R, L));

    closure(L, so, 2);
    lc_ssm_radical(R, L);
    ck_assert_int_eq(lc_lie_dim(R), 0);
    lc_ssm_perfect_core(P, L);
    ck_assert(lc_lie_equal(P, L));
    len = lc_ssm_tower(dims, NULL, L);
    ck_assert(len == 2 && dims[0] == 3 && dims[1] == 3);
    lc_lie_clear(L); lc_lie_clear(R); lc_lie_clear(P);
}
END_TEST

/* Block lower-triangular cascades of k abelian layers lie in the algebra B
   of such matrices; B' lies in the strictly lower blocks N, and
   [N_a, N_b] <= N_(a+b), so the derived length is at most 1 + ceil(log2 m)
   (m blocks), which is <= k (resp. <= 2k for the selective kind, m = k + 1).
   Random instances reach that bound: for k = 1..5, 1, 2, 3, 3, 4, i.e.
   "exactly k" only for k <= 3. */
START_TEST(cascade_derived_lengths)
{
    fmpq_mat_struct * G = mats(2);
    flint_rand_t st;
    lc_lie_t L;
    lc_err_t err;
    slong k, dl;
    const slong want[5] = {1, 2, 3, 3, 4}, want_sel[5] = {2, 3, 3, 4, 4};

    flint_randinit(st);
    lc_rand_seed(st, 3);
    lc_lie_init(L);
    for (k = 1; k <= 5; k++)
    {
        ck_assert_int_eq(lc_ssm_cascade(G, k, 2, 2, 0, 50, st, err), LC_OK);
        ck_assert_int_eq(lc_lie_closure(L, G, 2, 0, err), LC_OK);
        dl = lc_lie_derived_length(L);
        ck_assert_msg(dl == want[k - 1] && dl == lc_ssm_cascade_bound(k) && dl <= k,
                      "k = %ld: derived length %ld", k, dl);
        ck_assert_int_eq(lc_ssm_cascade(G, k, 1, 2, 1, 50, st, err), LC_OK);
        ck_assert_int_eq(lc_lie_closure(L, G, 2, 0, err), LC_OK);
        dl = lc_lie_derived_length(L);
        ck_assert_msg(dl == want_sel[k - 1] && dl == lc_ssm_cascade_bound(k + 1) && dl <= 2 * k,
                      "selective k = %ld: derived length %ld", k, dl);
    }
    ck_assert_int_eq(lc_ssm_cascade(G, 0, 1, 2, 0, 3, st, err), LC_E_ARG);
    lc_lie_clear(L);
    mats_free(G, 2);
    flint_randclear(st);
}
END_TEST

/* ------------------------------------------------ free nilpotent algebras */

/* N(n, c): graded pieces of dimension witt(n, m), m = 1..c (read off the
   lower central series); nilpotent of class exactly c; derived length the
   least k with delta_k > c, where delta_k is the lowest degree of the k-th
   derived term of the free Lie algebra: 1, 2, 4, 8, ... for n >= 3, but
   1, 2, 5, 10, ... for n = 2 ([[x,y],[x,y]] = 0, so the lowest is
   [[x,y],[x,[x,y]]] of degree 5).  Hence n = 2, c = 1..6: 1, 2, 2, 2, 3, 3
   (ceil(log2(c+1)) would say 3 at c = 4); n = 3, c = 1..3: 1, 2, 2. */
START_TEST(free_nilpotent_dimensions_and_derived_lengths)
{
    const slong dl2[6] = {1, 2, 2, 2, 3, 3}, dl3[3] = {1, 2, 2};
    slong c, m, dims[16], len, tot;
    lc_lie_t L;
    lc_err_t err;
    fmpz_t w;

    fmpz_init(w);
    lc_lie_init(L);
    for (c = 1; c <= 6; c++)
    {
        ck_assert_int_eq(lc_ssm_free_nilpotent(L, 2, c, err), LC_OK);
        len = lc_lie_lower_central_series(dims, L);
        ck_assert_int_eq(len, c + 1);
        for (m = 1, tot = 0; m <= c; m++)
        {
            lc_ssm_witt(w, 2, m);
            ck_assert(fmpz_equal_si(w, dims[m - 1] - dims[m]));
            tot += fmpz_get_si(w);
        }
        ck_assert_int_eq(lc_lie_dim(L), tot);
        ck_assert_int_eq(dims[c], 0);
        ck_assert_int_eq(lc_lie_derived_length(L), dl2[c - 1]);
    }
    for (c = 1; c <= 3; c++)
    {
        ck_assert_int_eq(lc_ssm_free_nilpotent(L, 3, c, err), LC_OK);
        len = lc_lie_lower_central_series(dims, L);
        ck_assert_int_eq(len, c + 1);
        for (m = 1; m <= c; m++)
        {
            lc_ssm_witt(w, 3, m);
            ck_assert(fmpz_equal_si(w, dims[m - 1] - dims[m]));
        }
        ck_assert_int_eq(lc_lie_derived_length(L), dl3[c - 1]);
    }
    ck_assert_int_eq(lc_ssm_free_nilpotent(L, 1, 4, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(L), 1);
    ck_assert_int_eq(lc_ssm_free_nilpotent(L, 3, 4, err), LC_E_LIMIT);
    lc_lie_clear(L);
    fmpz_clear(w);
}
END_TEST

/* ------------------------------------------ Lemma 3.1 and the inequality */

/* E12 then E23 gives I + E12 + E23; E23 then E12 gives (I + E12)(I + E23) =
   I + E12 + E23 + E13: same steps, different order, different transition.
   Commuting generators (E12 and E13 commute) cannot tell the orders apart. */
START_TEST(permuted_inputs_have_different_transitions)
{
    fmpq_mat_struct * A = mats(2), * B = mats(2);
    fmpq_mat_t P, Q;
    arb_mat_struct G[2], H[2];
    arb_mat_t PB, QB;
    lc_err_t err;
    slong i;

    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(Q, 0, 0);
    mk(A + 0, "[[0, 1, 0], [0, 0, 0], [0, 0, 0]]");
    mk(A + 1, "[[0, 0, 0], [0, 0, 1], [0, 0, 0]]");
    fmpq_mat_set(B + 0, A + 1);
    fmpq_mat_set(B + 1, A + 0);
    ck_assert_int_eq(lc_ssm_transition(P, A, NULL, 2, err), LC_OK);
    ck_assert_int_eq(lc_ssm_transition(Q, B, NULL, 2, err), LC_OK);
    fmpq_mat_sub(P, Q, P);
    {
        fmpq_mat_t E13;
        fmpq_mat_init(E13, 0, 0);
        mk(E13, "[[0, 0, 1], [0, 0, 0], [0, 0, 0]]");
        ck_assert(fmpq_mat_equal(P, E13));
        fmpq_mat_clear(E13);
    }
    mk(A + 1, "[[0, 0, 1], [0, 0, 0], [0, 0, 0]]");
    fmpq_mat_set(B + 0, A + 1);
    ck_assert_int_eq(lc_ssm_transition(P, A, NULL, 2, err), LC_OK);
    ck_assert_int_eq(lc_ssm_transition(Q, B, NULL, 2, err), LC_OK);
    ck_assert(fmpq_mat_equal(P, Q));
    /* so(3) rotations: e^Ly e^Lx and e^Lx e^Ly differ, certified in balls */
    {
        fmpq_mat_struct * L = mats(3);
        so3(L);
        to_balls(G, L, 2, 128);
        arb_mat_init(H + 0, 3, 3);
        arb_mat_init(H + 1, 3, 3);
        arb_mat_set(H + 0, G + 1);
        arb_mat_set(H + 1, G + 0);
        mats_free(L, 3);
    }
    arb_mat_init(PB, 0, 0);
    arb_mat_init(QB, 0, 0);
    ck_assert_int_eq(lc_ssm_transition_ball(PB, G, 2, 128, err), LC_OK);
    ck_assert_int_eq(lc_ssm_transition_ball(QB, H, 2, 128, err), LC_OK);
    ck_assert(!arb_mat_overlaps(PB, QB));
    for (i = 0; i < 2; i++)
    {
        arb_mat_clear(G + i);
        arb_mat_clear(H + i);
    }
    arb_mat_clear(PB);
    arb_mat_clear(QB);
    fmpq_mat_clear(P);
    fmpq_mat_clear(Q);
    mats_free(A, 2);
    mats_free(B, 2);
}
END_TEST

/* Globally false: X = 0, Y = theta J with theta = 710/113 (2 pi to 3e-7):
   e^Y - I has Frobenius norm 2 sqrt 2 |sin(theta/2)| < 1e-6, while the right
   side is e^(-sqrt2 theta) sqrt2 theta > 1e-3.  Locally it holds on small
   instances (scalars: |e^x - e^y| = e^xi |x - y| with |xi| <= max). */
START_TEST(exp_inequality_fails_globally_holds_locally)
{
    fmpq_mat_t X, Y;
    arb_mat_t BX, BY;
    arb_t lhs, rhs;
    lc_err_t err;
    flint_rand_t st;
    slong i;

    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(Y, 0, 0);
    arb_mat_init(BX, 0, 0);
    arb_mat_init(BY, 0, 0);
    arb_init(lhs);
    arb_init(rhs);
    mk(X, "[[0, 0], [0, 0]]");
    mk(Y, "[[0, -710/113], [710/113, 0]]");
    lc_ball_set_qmat(BX, X, 128);
    lc_ball_set_qmat(BY, Y, 128);
    ck_assert_int_eq(lc_ssm_exp_gap(lhs, rhs, BX, BY, 128, err), 0);
    ck_assert(arb_lt(lhs, rhs));
    flint_randinit(st);
    lc_rand_seed(st, 5);
    for (i = 0; i < 20; i++)
    {
        fmpq_t s;
        fmpq_init(s);
        fmpq_set_si(s, 1, 10);
        lc_qmat_rand(X, 3, 3, st, 3);
        lc_qmat_rand(Y, 3, 3, st, 3);
        lc_qmat_scalar_mul(X, X, s);
        lc_qmat_scalar_mul(Y, Y, s);
        lc_ball_set_qmat(BX, X, 128);
        lc_ball_set_qmat(BY, Y, 128);
        fmpq_clear(s);
        if (fmpq_mat_equal(X, Y))
            continue;
        ck_assert_int_eq(lc_ssm_exp_gap(lhs, rhs, BX, BY, 128, err), 1);
    }
    flint_randclear(st);
    fmpq_mat_clear(X);
    fmpq_mat_clear(Y);
    arb_mat_clear(BX);
    arb_mat_clear(BY);
    arb_clear(lhs);
    arb_clear(rhs);
}
END_TEST

static Suite *
ssm_suite(void)
{
    Suite * s = suite_create("ssm");
    TCase * tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, witt_numbers_match_the_necklace_counts);
    tcase_add_test(tc, magnus_first_terms_match_the_formula);
    tcase_add_test(tc, magnus_of_one_step_is_the_generator);
    tcase_add_test(tc, bch_terms_match_the_known_coefficients);
    tcase_add_test(tc, nilpotent_magnus_series_terminates_and_exponentiates_exactly);
    tcase_add_test(tc, truncation_residual_starts_at_the_next_order);
    tcase_add_test(tc, commutator_mass_of_two_shears);
    tcase_add_test(tc, so3_truncation_exponents_are_2_3_5_9);
    tcase_add_test(tc, icosahedral_truncation_exponents_are_2_3_5_9);
    tcase_add_test(tc, tower_and_radical_of_se2);
    tcase_add_test(tc, tower_and_radical_of_aff2);
    tcase_add_test(tc, radicals_of_gl3_b3_so3);
    tcase_add_test(tc, cascade_derived_lengths);
    tcase_add_test(tc, free_nilpotent_dimensions_and_derived_lengths);
    tcase_add_test(tc, permuted_inputs_have_different_transitions);
    tcase_add_test(tc, exp_inequality_fails_globally_holds_locally);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner * sr = srunner_create(ssm_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
