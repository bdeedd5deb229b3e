/* test_lie.c -- unit tests for lib/lie (matrix Lie algebras over Q).
 *
 * Every expected value is mathematics stated next to it (or a cited other
 * system's documentation); none was copied from liecheck's own output.
 * Conventions below: E_ij is the elementary matrix with a 1 at (i, j),
 * 0-based in the code, 1-based in the prose where the literature uses it. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <flint/ulong_extras.h>
#include "lie.h"

/* ------------------------------------------------------------------ helpers */

static void
mk(fmpq_mat_t A, const char * s)
{
    lc_err_t err;
    int rc;

    lc_err_init(err);
    rc = lc_qmat_parse(A, s, err);
    ck_assert_msg(rc == LC_OK, "parse of %s failed: %s", s, err->msg);
}

/* B := A, resizing B (FLINT's fmpq_mat_set wants equal sizes). */
static void
mset(fmpq_mat_t B, const fmpq_mat_t A)
{
    lc_qmat_resize(B, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    fmpq_mat_set(B, A);
}

/* A := E_ij in gl(n), 0-based. */
static void
elem(fmpq_mat_t A, slong n, slong i, slong j)
{
    lc_qmat_zeros(A, n, n);
    fmpq_one(fmpq_mat_entry(A, i, j));
}

static fmpq_mat_struct *
gens_new(slong k)
{
    fmpq_mat_struct * g = flint_malloc(sizeof(fmpq_mat_struct) * k);
    slong i;

    for (i = 0; i < k; i++)
        fmpq_mat_init(g + i, 0, 0);
    return g;
}

static void
gens_free(fmpq_mat_struct * g, slong k)
{
    slong i;

    for (i = 0; i < k; i++)
        fmpq_mat_clear(g + i);
    flint_free(g);
}

static void
closure_ok(lc_lie_t L, const fmpq_mat_struct * g, slong k)
{
    lc_err_t err;
    int rc;

    lc_err_init(err);
    rc = lc_lie_closure(L, g, k, 0, err);
    ck_assert_msg(rc == LC_OK, "closure failed (%d): %s", rc, err->msg);
}

static void
assert_mat_eq(const fmpq_mat_t A, const fmpq_mat_t B)
{
    char * a = lc_qmat_get_str(A);
    char * b = lc_qmat_get_str(B);

    ck_assert_msg(fmpq_mat_nrows(A) == fmpq_mat_nrows(B)
                  && fmpq_mat_ncols(A) == fmpq_mat_ncols(B) && fmpq_mat_equal(A, B),
                  "%s != %s", a, b);
    flint_free(a);
    flint_free(b);
}

static void
assert_mat_str(const fmpq_mat_t A, const char * s)
{
    fmpq_mat_t B;

    fmpq_mat_init(B, 0, 0);
    mk(B, s);
    assert_mat_eq(A, B);
    fmpq_mat_clear(B);
}

static void
series_str(char * buf, size_t len, const slong * d, slong k)
{
    size_t off = 0;
    slong i;

    buf[0] = '\0';
    for (i = 0; i < k && off + 24 < len; i++)
        off += (size_t) snprintf(buf + off, len - off, "%s%ld", i ? ", " : "[", (long) d[i]);
    snprintf(buf + off, len - off, "]");
}

/* which = 0: derived series, 1: lower central series. */
static void
assert_series(const lc_lie_t L, int which, const slong * want, slong wlen)
{
    slong * got = flint_malloc(sizeof(slong) * (lc_lie_dim(L) + 2));
    slong len, i;
    char a[512], b[512];
    int ok;

    len = which == 0 ? lc_lie_derived_series(got, L) : lc_lie_lower_central_series(got, L);
    ok = (len == wlen);
    for (i = 0; ok && i < len; i++)
        ok = (got[i] == want[i]);
    series_str(a, sizeof(a), got, len);
    series_str(b, sizeof(b), want, wlen);
    ck_assert_msg(ok, "%s series is %s, expected %s",
                  which == 0 ? "derived" : "lower central", a, b);
    flint_free(got);
}

#define ASSERT_DERIVED(L, ...) do { \
    const slong w_[] = { __VA_ARGS__ }; \
    assert_series(L, 0, w_, (slong) (sizeof(w_) / sizeof(w_[0]))); } while (0)
#define ASSERT_LOWER(L, ...) do { \
    const slong w_[] = { __VA_ARGS__ }; \
    assert_series(L, 1, w_, (slong) (sizeof(w_) / sizeof(w_[0]))); } while (0)

static void
trace(fmpq_t t, const fmpq_mat_t A)
{
    slong i;

    fmpq_zero(t);
    for (i = 0; i < fmpq_mat_nrows(A); i++)
        fmpq_add(t, t, fmpq_mat_entry(A, i, i));
}

/* t := tr(A B). */
static void
trace_mul(fmpq_t t, const fmpq_mat_t A, const fmpq_mat_t B)
{
    fmpq_mat_t P;

    fmpq_mat_init(P, fmpq_mat_nrows(A), fmpq_mat_ncols(B));
    fmpq_mat_mul(P, A, B);
    trace(t, P);
    fmpq_mat_clear(P);
}

/* c := the coordinates of x in the reduced echelon basis of L (1 x dim).
   In a reduced echelon basis b_i has a 1 at its pivot (its first non-zero
   entry in row-major order) and 0 at every other pivot, so the coordinate
   of x along b_i is x's entry at that pivot.  The reconstruction is checked
   exactly, which also certifies that x lies in L. */
static void
coords(fmpq_mat_t c, const lc_lie_t L, const fmpq_mat_t x)
{
    slong n = lc_lie_degree(L), d = lc_lie_dim(L), i, p;
    fmpq_mat_t b, s, t;

    fmpq_mat_init(b, 0, 0);
    fmpq_mat_init(s, n, n);
    fmpq_mat_init(t, n, n);
    lc_qmat_zeros(c, 1, d);
    for (i = 0; i < d; i++)
    {
        lc_lie_basis_element(b, L, i);
        for (p = 0; p < n * n && fmpq_is_zero(fmpq_mat_entry(b, p / n, p % n)); p++)
            ;
        ck_assert_msg(p < n * n, "basis element %ld is zero", (long) i);
        ck_assert_msg(fmpq_is_one(fmpq_mat_entry(b, p / n, p % n)),
                      "basis element %ld is not normalised at its pivot", (long) i);
        fmpq_set(fmpq_mat_entry(c, 0, i), fmpq_mat_entry(x, p / n, p % n));
        fmpq_mat_scalar_mul_fmpz(t, b, fmpq_numref(fmpq_mat_entry(c, 0, i)));
        fmpq_mat_scalar_div_fmpz(t, t, fmpq_denref(fmpq_mat_entry(c, 0, i)));
        fmpq_mat_add(s, s, t);
    }
    ck_assert_msg(fmpq_mat_equal(s, x), "x is not in L (or the basis is not reduced echelon)");
    fmpq_mat_clear(b);
    fmpq_mat_clear(s);
    fmpq_mat_clear(t);
}

/* v := B(x, y) = c_x K c_y^T, the library's Killing form K applied to x, y. */
static void
killing_value(fmpq_t v, const lc_lie_t L, const fmpq_mat_t K,
              const fmpq_mat_t x, const fmpq_mat_t y)
{
    fmpq_mat_t cx, cy, cyt, t, r;

    fmpq_mat_init(cx, 0, 0);
    fmpq_mat_init(cy, 0, 0);
    coords(cx, L, x);
    coords(cy, L, y);
    fmpq_mat_init(cyt, lc_lie_dim(L), 1);
    fmpq_mat_transpose(cyt, cy);
    fmpq_mat_init(t, 1, lc_lie_dim(L));
    fmpq_mat_mul(t, cx, K);
    fmpq_mat_init(r, 1, 1);
    fmpq_mat_mul(r, t, cyt);
    fmpq_set(v, fmpq_mat_entry(r, 0, 0));
    fmpq_mat_clear(cx);
    fmpq_mat_clear(cy);
    fmpq_mat_clear(cyt);
    fmpq_mat_clear(t);
    fmpq_mat_clear(r);
}

/* The expected Killing form in the basis of L, entry by entry, from a closed
   formula f(b_i, b_j). */
typedef void (* form_fn)(fmpq_t, const fmpq_mat_t, const fmpq_mat_t);

static void
assert_killing_formula(const lc_lie_t L, form_fn f, const char * name)
{
    slong d = lc_lie_dim(L), i, j;
    fmpq_mat_t K, bi, bj;
    fmpq_t want;

    fmpq_mat_init(K, 0, 0);
    fmpq_mat_init(bi, 0, 0);
    fmpq_mat_init(bj, 0, 0);
    fmpq_init(want);
    lc_lie_killing_form(K, L);
    ck_assert_int_eq(fmpq_mat_nrows(K), d);
    ck_assert_int_eq(fmpq_mat_ncols(K), d);
    for (i = 0; i < d; i++)
    {
        lc_lie_basis_element(bi, L, i);
        for (j = 0; j < d; j++)
        {
            lc_lie_basis_element(bj, L, j);
            f(want, bi, bj);
            ck_assert_msg(fmpq_equal(fmpq_mat_entry(K, i, j), want),
                          "Killing form entry (%ld, %ld) differs from %s",
                          (long) i, (long) j, name);
        }
    }
    fmpq_clear(want);
    fmpq_mat_clear(K);
    fmpq_mat_clear(bi);
    fmpq_mat_clear(bj);
}

static void
assert_killing_zero(const lc_lie_t L)
{
    fmpq_mat_t K;

    fmpq_mat_init(K, 0, 0);
    lc_lie_killing_form(K, L);
    ck_assert_int_eq(fmpq_mat_nrows(K), lc_lie_dim(L));
    ck_assert_msg(fmpq_mat_is_zero(K), "Killing form is not zero");
    ck_assert_int_eq(lc_lie_killing_rank(L), 0);
    fmpq_mat_clear(K);
}

/* Unimodular P = Lw U (unit lower times unit upper, small seeded entries) and
   its inverse, so that X -> P X P^-1 is an automorphism of gl(n) that keeps
   integer matrices integral but makes sparse ones dense. */
static void
unimodular(fmpq_mat_t P, fmpq_mat_t Pinv, slong n, flint_rand_t st)
{
    fmpz_mat_t Lw, U, Z;
    fmpq_mat_t I;
    slong i, j;

    fmpz_mat_init(Lw, n, n);
    fmpz_mat_init(U, n, n);
    fmpz_mat_init(Z, n, n);
    for (i = 0; i < n; i++)
    {
        fmpz_one(fmpz_mat_entry(Lw, i, i));
        fmpz_one(fmpz_mat_entry(U, i, i));
        for (j = 0; j < i; j++)
        {
            fmpz_set_si(fmpz_mat_entry(Lw, i, j), (slong) n_randint(st, 5) - 2);
            fmpz_set_si(fmpz_mat_entry(U, j, i), (slong) n_randint(st, 5) - 2);
        }
    }
    fmpz_mat_mul(Z, Lw, U);
    fmpq_mat_clear(P);
    fmpq_mat_init(P, n, n);
    fmpq_mat_set_fmpz_mat(P, Z);
    fmpq_mat_clear(Pinv);
    fmpq_mat_init(Pinv, n, n);
    ck_assert(fmpq_mat_inv(Pinv, P));
    fmpq_mat_init(I, n, n);
    fmpq_mat_mul(I, P, Pinv);
    ck_assert(fmpq_mat_is_one(I));
    fmpq_mat_clear(I);
    fmpz_mat_clear(Lw);
    fmpz_mat_clear(U);
    fmpz_mat_clear(Z);
}

/* A := P A P^-1. */
static void
conjugate(fmpq_mat_t A, const fmpq_mat_t P, const fmpq_mat_t Pinv)
{
    slong n = fmpq_mat_nrows(A);
    fmpq_mat_t T;

    fmpq_mat_init(T, n, n);
    fmpq_mat_mul(T, P, A);
    fmpq_mat_mul(A, T, Pinv);
    fmpq_mat_clear(T);
}

/* Two generators of gl(n) (traceless = 0) or sl(n) (traceless = 1), dense
   after conjugation.  Why they generate: X = diag(d) with d_i = 2^i, whose
   differences d_i - d_j (i != j) are distinct and non-zero (2-adic valuation
   and sign recover i and j), and Y with every off-diagonal entry 1.  ad X is
   diagonal on the E_ij with eigenvalue d_i - d_j, so by Vandermonde the span
   of Y, [X,Y], [X,[X,Y]], ... contains every E_ij, i != j; those generate
   sl(n) ([E_ij, E_ji] = E_ii - E_jj), and X (trace != 0) adds the scalars.
   For sl(n), X := n diag(d) - tr(diag(d)) I (differences scaled by n, still
   distinct) and Y has zero diagonal.  Conjugation is an automorphism. */
static void
gl_generators(fmpq_mat_t X, fmpq_mat_t Y, slong n, int traceless, flint_rand_t st)
{
    fmpq_mat_t P, Pinv;
    slong i, j, tr = 0;

    lc_qmat_zeros(X, n, n);
    lc_qmat_zeros(Y, n, n);
    for (i = 0; i < n; i++)
        tr += WORD(1) << i;
    for (i = 0; i < n; i++)
    {
        slong d = WORD(1) << i;

        fmpq_set_si(fmpq_mat_entry(X, i, i), traceless ? n * d - tr : d, 1);
        for (j = 0; j < n; j++)
            if (i != j || !traceless)
                fmpq_one(fmpq_mat_entry(Y, i, j));
    }
    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(Pinv, 0, 0);
    unimodular(P, Pinv, n, st);
    conjugate(X, P, Pinv);
    conjugate(Y, P, Pinv);
    fmpq_mat_clear(P);
    fmpq_mat_clear(Pinv);
}

/* Killing forms by closed formula, used with assert_killing_formula. */

/* gl(n): tr(ad x ad y) = 2n tr(xy) - 2 tr(x) tr(y). */
static void
killing_gl(fmpq_t v, const fmpq_mat_t x, const fmpq_mat_t y)
{
    fmpq_t tx, ty;

    fmpq_init(tx);
    fmpq_init(ty);
    trace_mul(v, x, y);
    fmpq_mul_si(v, v, 2 * fmpq_mat_nrows(x));
    trace(tx, x);
    trace(ty, y);
    fmpq_mul(tx, tx, ty);
    fmpq_mul_si(tx, tx, 2);
    fmpq_sub(v, v, tx);
    fmpq_clear(tx);
    fmpq_clear(ty);
}

/* sl(n): the restriction of gl(n)'s form, 2n tr(xy). */
static void
killing_sl(fmpq_t v, const fmpq_mat_t x, const fmpq_mat_t y)
{
    trace_mul(v, x, y);
    fmpq_mul_si(v, v, 2 * fmpq_mat_nrows(x));
}

/* so(n): (n - 2) tr(xy). */
static void
killing_so(fmpq_t v, const fmpq_mat_t x, const fmpq_mat_t y)
{
    trace_mul(v, x, y);
    fmpq_mul_si(v, v, fmpq_mat_nrows(x) - 2);
}

/* b(n), upper triangular: the form vanishes on [b, b] = n(n) (Cartan: for a
   solvable L, B(L, [L, L]) = 0), and on diagonal x, y ad x scales E_ij by
   x_i - x_j, so B(x, y) = sum_{i<j} (x_ii - x_jj)(y_ii - y_jj). */
static void
killing_b(fmpq_t v, const fmpq_mat_t x, const fmpq_mat_t y)
{
    slong n = fmpq_mat_nrows(x), i, j;
    fmpq_t a, b;

    fmpq_init(a);
    fmpq_init(b);
    fmpq_zero(v);
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
        {
            fmpq_sub(a, fmpq_mat_entry(x, i, i), fmpq_mat_entry(x, j, j));
            fmpq_sub(b, fmpq_mat_entry(y, i, i), fmpq_mat_entry(y, j, j));
            fmpq_addmul(v, a, b);
        }
    fmpq_clear(a);
    fmpq_clear(b);
}

/* aff(2) = gl(2) + R^2 as 3 x 3 matrices [[M, v], [0, 0]].  ad x preserves
   the ideal R^2, acting there by M, and acts on the quotient gl(2) by ad M;
   so tr(ad x ad y) = tr(MN) + (4 tr(MN) - 2 tr M tr N) = 5 tr(MN) - 2 tr M tr N. */
static void
killing_aff2(fmpq_t v, const fmpq_mat_t x, const fmpq_mat_t y)
{
    fmpq_mat_t M, N;
    fmpq_t tm, tn;
    slong i, j;

    fmpq_mat_init(M, 2, 2);
    fmpq_mat_init(N, 2, 2);
    fmpq_init(tm);
    fmpq_init(tn);
    for (i = 0; i < 2; i++)
        for (j = 0; j < 2; j++)
        {
            fmpq_set(fmpq_mat_entry(M, i, j), fmpq_mat_entry(x, i, j));
            fmpq_set(fmpq_mat_entry(N, i, j), fmpq_mat_entry(y, i, j));
        }
    trace_mul(v, M, N);
    fmpq_mul_si(v, v, 5);
    trace(tm, M);
    trace(tn, N);
    fmpq_mul(tm, tm, tn);
    fmpq_mul_si(tm, tm, 2);
    fmpq_sub(v, v, tm);
    fmpq_mat_clear(M);
    fmpq_mat_clear(N);
    fmpq_clear(tm);
    fmpq_clear(tn);
}

/* ------------------------------------------------------------------ bracket */

START_TEST(bracket_is_ab_minus_ba_by_hand)
{
    fmpq_mat_t A, B, C;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(C, 0, 0);
    lc_err_init(err);

    /* [E12, E21] = E11 - E22 */
    mk(A, "[[0, 1], [0, 0]]");
    mk(B, "[[0, 0], [1, 0]]");
    ck_assert_int_eq(lc_lie_bracket(C, A, B, err), LC_OK);
    assert_mat_str(C, "[[1, 0], [0, -1]]");

    /* AB = [[2, 1], [4, 3]], BA = [[3, 4], [1, 2]] */
    mk(A, "[[1, 2], [3, 4]]");
    mk(B, "[[0, 1], [1, 0]]");
    ck_assert_int_eq(lc_lie_bracket(C, A, B, err), LC_OK);
    assert_mat_str(C, "[[-1, -3], [3, 1]]");

    /* rational entries: A = diag(1/2, 1/3), B = E12; [A, B] = (1/2 - 1/3) E12 */
    mk(A, "[[1/2, 0], [0, 1/3]]");
    mk(B, "[[0, 1], [0, 0]]");
    ck_assert_int_eq(lc_lie_bracket(C, A, B, err), LC_OK);
    assert_mat_str(C, "[[0, 1/6], [0, 0]]");

    /* anything commutes with itself and with the identity */
    mk(A, "[[1, 2, 3], [4, 5, 6], [7, 8, 10]]");
    ck_assert_int_eq(lc_lie_bracket(C, A, A, err), LC_OK);
    ck_assert(fmpq_mat_is_zero(C));
    lc_qmat_eye(B, 3);
    ck_assert_int_eq(lc_lie_bracket(C, A, B, err), LC_OK);
    ck_assert(fmpq_mat_is_zero(C));
    ck_assert_int_eq(fmpq_mat_nrows(C), 3);

    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(C);
}
END_TEST

START_TEST(bracket_is_antisymmetric_and_satisfies_jacobi)
{
    flint_rand_t st;
    fmpz_mat_t Z;
    fmpq_mat_t A, B, C, AB, BA, t1, t2, t3, s;
    lc_err_t err;
    slong n, trial;

    flint_randinit(st);
    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(C, 0, 0);
    fmpq_mat_init(AB, 0, 0);
    fmpq_mat_init(BA, 0, 0);
    fmpq_mat_init(t1, 0, 0);
    fmpq_mat_init(t2, 0, 0);
    fmpq_mat_init(t3, 0, 0);
    fmpq_mat_init(s, 0, 0);
    lc_err_init(err);

    for (trial = 0; trial < 20; trial++)
    {
        n = 1 + trial % 5;
        fmpz_mat_init(Z, n, n);
        fmpz_mat_randtest(Z, st, 40);
        lc_qmat_set_fmpz_mat(A, Z);
        fmpz_mat_randtest(Z, st, 40);
        lc_qmat_set_fmpz_mat(B, Z);
        fmpz_mat_randtest(Z, st, 40);
        lc_qmat_set_fmpz_mat(C, Z);
        fmpz_mat_clear(Z);

        /* [A, B] = -[B, A] */
        ck_assert_int_eq(lc_lie_bracket(AB, A, B, err), LC_OK);
        ck_assert_int_eq(lc_lie_bracket(BA, B, A, err), LC_OK);
        fmpq_mat_neg(BA, BA);
        assert_mat_eq(AB, BA);

        /* [A, [B, C]] + [B, [C, A]] + [C, [A, B]] = 0 */
        ck_assert_int_eq(lc_lie_bracket(s, B, C, err), LC_OK);
        ck_assert_int_eq(lc_lie_bracket(t1, A, s, err), LC_OK);
        ck_assert_int_eq(lc_lie_bracket(s, C, A, err), LC_OK);
        ck_assert_int_eq(lc_lie_bracket(t2, B, s, err), LC_OK);
        ck_assert_int_eq(lc_lie_bracket(t3, C, AB, err), LC_OK);
        fmpq_mat_add(s, t1, t2);
        fmpq_mat_add(s, s, t3);
        ck_assert_msg(fmpq_mat_is_zero(s), "Jacobi fails at trial %ld", (long) trial);
    }

    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(C);
    fmpq_mat_clear(AB);
    fmpq_mat_clear(BA);
    fmpq_mat_clear(t1);
    fmpq_mat_clear(t2);
    fmpq_mat_clear(t3);
    fmpq_mat_clear(s);
    flint_randclear(st);
}
END_TEST

START_TEST(bracket_rejects_mismatched_or_nonsquare)
{
    fmpq_mat_t A, B, C;
    lc_err_t err;

    fmpq_mat_init(A, 0, 0);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(C, 0, 0);

    mk(A, "[[1, 2], [3, 4]]");
    mk(B, "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]");
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_bracket(C, A, B, err), LC_E_DIM);
    ck_assert_int_eq(err->code, LC_E_DIM);
    ck_assert_msg(err->msg[0] != '\0', "no message");

    /* 2 x 3 with 2 x 3: same size, but AB is not even defined */
    mk(A, "[[1, 2, 3], [4, 5, 6]]");
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_bracket(C, A, A, err), LC_E_DIM);
    ck_assert_int_eq(err->code, LC_E_DIM);

    /* 2 x 3 with 3 x 2: both products exist but have different sizes */
    mk(B, "[[1, 2], [3, 4], [5, 6]]");
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_bracket(C, A, B, err), LC_E_DIM);

    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    fmpq_mat_clear(C);
}
END_TEST

/* ----------------------------------------------------------- closure errors */

START_TEST(closure_of_nothing_is_an_argument_error)
{
    lc_lie_t L;
    lc_err_t err;
    fmpq_mat_struct * g = gens_new(1);

    lc_lie_init(L);
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_closure(L, g, 0, 0, err), LC_E_ARG);
    ck_assert_int_eq(err->code, LC_E_ARG);
    ck_assert_msg(err->msg[0] != '\0', "no message");
    lc_lie_clear(L);
    gens_free(g, 1);
}
END_TEST

START_TEST(closure_of_mixed_sizes_is_a_dimension_error)
{
    lc_lie_t L;
    lc_err_t err;
    fmpq_mat_struct * g = gens_new(3);

    lc_lie_init(L);
    lc_err_init(err);
    elem(g + 0, 2, 0, 1);
    elem(g + 1, 2, 1, 0);
    elem(g + 2, 3, 0, 1);
    ck_assert_int_eq(lc_lie_closure(L, g, 3, 0, err), LC_E_DIM);
    ck_assert_int_eq(err->code, LC_E_DIM);
    /* L is still a valid object: it can be reused */
    closure_ok(L, g, 2);
    ck_assert_int_eq(lc_lie_dim(L), 3);      /* e, f generate sl(2) */
    lc_lie_clear(L);
    gens_free(g, 3);
}
END_TEST

START_TEST(closure_of_nonsquare_is_a_dimension_error)
{
    lc_lie_t L;
    lc_err_t err;
    fmpq_mat_struct * g = gens_new(2);

    lc_lie_init(L);
    lc_err_init(err);
    mk(g + 0, "[[1, 2, 3], [4, 5, 6]]");
    ck_assert_int_eq(lc_lie_closure(L, g, 1, 0, err), LC_E_DIM);
    ck_assert_int_eq(err->code, LC_E_DIM);
    mk(g + 0, "[[0, 1], [0, 0]]");
    mk(g + 1, "[[1, 2, 3], [4, 5, 6]]");
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_closure(L, g, 2, 0, err), LC_E_DIM);
    lc_lie_clear(L);
    gens_free(g, 2);
}
END_TEST

START_TEST(closure_beyond_max_n_is_a_limit_error)
{
    lc_lie_t L;
    lc_err_t err;
    fmpq_mat_struct * g = gens_new(1);

    lc_lie_init(L);
    lc_err_init(err);
    elem(g + 0, LC_LIE_MAX_N + 1, 0, 1);
    ck_assert_int_eq(lc_lie_closure(L, g, 1, 0, err), LC_E_LIMIT);
    ck_assert_int_eq(err->code, LC_E_LIMIT);
    lc_lie_clear(L);
    gens_free(g, 1);
}
END_TEST

START_TEST(closure_at_max_n_is_allowed)
{
    lc_lie_t L;
    fmpq_mat_struct * g = gens_new(2);
    const slong n = LC_LIE_MAX_N;

    /* E_{1,n} and E_{2,n} commute (E_1n E_2n = 0 = E_2n E_1n): abelian, dim 2 */
    lc_lie_init(L);
    elem(g + 0, n, 0, n - 1);
    elem(g + 1, n, 1, n - 1);
    closure_ok(L, g, 2);
    ck_assert_int_eq(lc_lie_dim(L), 2);
    ck_assert_int_eq(lc_lie_degree(L), n);
    ck_assert(lc_lie_is_abelian(L));
    lc_lie_clear(L);
    gens_free(g, 2);
}
END_TEST

START_TEST(closure_max_dim_reached_is_a_limit_error)
{
    lc_lie_t L;
    lc_err_t err;
    fmpq_mat_struct * g = gens_new(2);
    flint_rand_t st;

    flint_randinit(st);
    lc_lie_init(L);
    gl_generators(g + 0, g + 1, 3, 0, st);     /* generate gl(3), dim 9 */
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_closure(L, g, 2, 5, err), LC_E_LIMIT);
    ck_assert_int_eq(err->code, LC_E_LIMIT);
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_closure(L, g, 2, 8, err), LC_E_LIMIT);
    /* a limit equal to the dimension is not exceeded */
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_closure(L, g, 2, 9, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(L), 9);

    /* so(3) from two rotations: the two span dim 2, their bracket is the third */
    mk(g + 0, "[[0, 1, 0], [-1, 0, 0], [0, 0, 0]]");
    mk(g + 1, "[[0, 0, 1], [0, 0, 0], [-1, 0, 0]]");
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_closure(L, g, 2, 2, err), LC_E_LIMIT);
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_closure(L, g, 2, 3, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(L), 3);

    lc_lie_clear(L);
    gens_free(g, 2);
    flint_randclear(st);
}
END_TEST

/* ------------------------------------------------------------ small algebras */

START_TEST(zero_algebra_is_everything_trivially)
{
    lc_lie_t L;
    fmpq_mat_struct * g = gens_new(1);

    lc_lie_init(L);
    lc_qmat_zeros(g + 0, 3, 3);
    closure_ok(L, g, 1);
    ck_assert_int_eq(lc_lie_dim(L), 0);
    ck_assert_int_eq(lc_lie_degree(L), 3);
    ASSERT_DERIVED(L, 0);
    ASSERT_LOWER(L, 0);
    ck_assert(lc_lie_is_abelian(L));
    ck_assert(lc_lie_is_solvable(L));
    ck_assert(lc_lie_is_nilpotent(L));
    ck_assert_int_eq(lc_lie_derived_length(L), 0);   /* L^(0) = L = 0 */
    ck_assert(lc_lie_is_semisimple(L));                /* by the header's convention */
    ck_assert_int_eq(lc_lie_killing_rank(L), 0);
    ck_assert(lc_lie_contains(L, g + 0));
    lc_lie_clear(L);
    gens_free(g, 1);
}
END_TEST

START_TEST(diagonal_algebra_is_abelian)
{
    lc_lie_t L, Z;
    fmpq_mat_struct * g = gens_new(3);

    lc_lie_init(L);
    lc_lie_init(Z);
    /* diagonal matrices commute; diag(1,2,0) and diag(2,4,0) are dependent */
    mk(g + 0, "[[1, 0, 0], [0, 2, 0], [0, 0, 0]]");
    mk(g + 1, "[[2, 0, 0], [0, 4, 0], [0, 0, 0]]");
    mk(g + 2, "[[0, 0, 0], [0, 0, 0], [0, 0, 5]]");
    closure_ok(L, g, 3);
    ck_assert_int_eq(lc_lie_dim(L), 2);
    ck_assert(lc_lie_is_abelian(L));
    ck_assert(lc_lie_is_nilpotent(L));
    ASSERT_DERIVED(L, 2, 0);
    ASSERT_LOWER(L, 2, 0);
    ck_assert_int_eq(lc_lie_derived_length(L), 1);
    lc_lie_centre(Z, L);
    ck_assert(lc_lie_equal(Z, L));               /* abelian: the centre is all */
    ck_assert(!lc_lie_is_semisimple(L));
    lc_lie_clear(L);
    lc_lie_clear(Z);
    gens_free(g, 3);
}
END_TEST

/* so(3): two rotation generators L12 = E12 - E21, L13 = E13 - E31 give
   [L12, L13] = -(E23 - E32) (check: L12 L13 = -E32, L13 L12 = -E23), so
   the closure is all of so(3), dim 3.  so(3) is simple: perfect, centre 0,
   semisimple; its Killing form is (n - 2) tr(xy) = tr(xy) for n = 3, and is
   negative definite (so(3) is compact). */
START_TEST(so3_is_perfect_and_semisimple)
{
    lc_lie_t L, Z;
    fmpq_mat_struct * g = gens_new(2);
    fmpq_mat_t x, K, Kk;
    fmpq_t d;
    slong k, i, j;

    lc_lie_init(L);
    lc_lie_init(Z);
    fmpq_mat_init(x, 0, 0);
    fmpq_mat_init(K, 0, 0);
    fmpq_init(d);

    mk(g + 0, "[[0, 1, 0], [-1, 0, 0], [0, 0, 0]]");
    mk(g + 1, "[[0, 0, 1], [0, 0, 0], [-1, 0, 0]]");
    closure_ok(L, g, 2);
    ck_assert_int_eq(lc_lie_dim(L), 3);
    mk(x, "[[0, 0, 0], [0, 0, 1], [0, -1, 0]]");
    ck_assert(lc_lie_contains(L, x));
    ASSERT_DERIVED(L, 3, 3);
    ASSERT_LOWER(L, 3, 3);
    ck_assert(!lc_lie_is_solvable(L));
    ck_assert(!lc_lie_is_nilpotent(L));
    ck_assert(!lc_lie_is_abelian(L));
    ck_assert_int_eq(lc_lie_derived_length(L), -1);
    ck_assert(lc_lie_is_semisimple(L));
    ck_assert_int_eq(lc_lie_killing_rank(L), 3);
    lc_lie_centre(Z, L);
    ck_assert_int_eq(lc_lie_dim(Z), 0);

    assert_killing_formula(L, killing_so, "(n-2) tr(xy)");

    /* negative definite: every leading principal minor D_k has sign (-1)^k */
    lc_lie_killing_form(K, L);
    for (k = 1; k <= 3; k++)
    {
        fmpq_mat_init(Kk, k, k);
        for (i = 0; i < k; i++)
            for (j = 0; j < k; j++)
                fmpq_set(fmpq_mat_entry(Kk, i, j), fmpq_mat_entry(K, i, j));
        fmpq_mat_det(d, Kk);
        ck_assert_msg(fmpq_sgn(d) == ((k % 2) ? -1 : 1), "minor %ld has the wrong sign", (long) k);
        fmpq_mat_clear(Kk);
    }
    for (i = 0; i < 3; i++)
        ck_assert(fmpq_sgn(fmpq_mat_entry(K, i, i)) < 0);

    fmpq_clear(d);
    fmpq_mat_clear(x);
    fmpq_mat_clear(K);
    lc_lie_clear(L);
    lc_lie_clear(Z);
    gens_free(g, 2);
}
END_TEST

/* so(4) = so(3) + so(3) is semisimple of dimension 6, generated by the
   adjacent rotations L12, L23, L34 ([L_ij, L_jk] = L_ik up to sign); its
   Killing form is (4 - 2) tr(xy). */
START_TEST(so4_killing_form_is_twice_trace_form)
{
    lc_lie_t L;
    fmpq_mat_struct * g = gens_new(3);
    slong i;

    lc_lie_init(L);
    for (i = 0; i < 3; i++)
    {
        lc_qmat_zeros(g + i, 4, 4);
        fmpq_one(fmpq_mat_entry(g + i, i, i + 1));
        fmpq_set_si(fmpq_mat_entry(g + i, i + 1, i), -1, 1);
    }
    closure_ok(L, g, 3);
    ck_assert_int_eq(lc_lie_dim(L), 6);
    ASSERT_DERIVED(L, 6, 6);
    ck_assert(lc_lie_is_semisimple(L));
    ck_assert_int_eq(lc_lie_killing_rank(L), 6);
    assert_killing_formula(L, killing_so, "(n-2) tr(xy)");
    lc_lie_clear(L);
    gens_free(g, 3);
}
END_TEST

/* sl(2) from e = E12, f = E21 ([e, f] = h = diag(1, -1), [h, e] = 2e,
   [h, f] = -2f).  The Killing form in the basis (e, f, h) is
   [[0, 4, 0], [4, 0, 0], [0, 0, 8]] (GAP manual, KillingMatrix; also
   2n tr(xy) with n = 2). */
START_TEST(sl2_is_semisimple_with_killing_form_of_gap_manual)
{
    lc_lie_t L, Z;
    fmpq_mat_struct * g = gens_new(2);
    fmpq_mat_t e, f, h, b, K;
    fmpq_mat_struct * efh[3];
    static const slong want[3][3] = { { 0, 4, 0 }, { 4, 0, 0 }, { 0, 0, 8 } };
    fmpq_t v;
    slong i, j;

    lc_lie_init(L);
    lc_lie_init(Z);
    fmpq_mat_init(e, 0, 0);
    fmpq_mat_init(f, 0, 0);
    fmpq_mat_init(h, 0, 0);
    fmpq_mat_init(b, 0, 0);
    fmpq_mat_init(K, 0, 0);
    fmpq_init(v);

    mk(e, "[[0, 1], [0, 0]]");
    mk(f, "[[0, 0], [1, 0]]");
    mk(h, "[[1, 0], [0, -1]]");
    mset(g + 0, e);
    mset(g + 1, f);
    closure_ok(L, g, 2);
    ck_assert_int_eq(lc_lie_dim(L), 3);
    ck_assert(lc_lie_contains(L, h));
    ASSERT_DERIVED(L, 3, 3);
    ASSERT_LOWER(L, 3, 3);
    ck_assert(lc_lie_is_semisimple(L));
    ck_assert(!lc_lie_is_solvable(L));
    ck_assert_int_eq(lc_lie_derived_length(L), -1);
    ck_assert_int_eq(lc_lie_killing_rank(L), 3);
    lc_lie_centre(Z, L);
    ck_assert_int_eq(lc_lie_dim(Z), 0);

    /* the reduced echelon basis in row-major order: h has its pivot at
       position 0, e at 1, f at 2 */
    lc_lie_basis_element(b, L, 0);
    assert_mat_eq(b, h);
    lc_lie_basis_element(b, L, 1);
    assert_mat_eq(b, e);
    lc_lie_basis_element(b, L, 2);
    assert_mat_eq(b, f);

    /* so in that order (h, e, f) the matrix is the permuted GAP matrix */
    lc_lie_killing_form(K, L);
    assert_mat_str(K, "[[8, 0, 0], [0, 0, 4], [0, 4, 0]]");

    /* and B(x, y) for x, y in {e, f, h} through coordinates */
    efh[0] = e;
    efh[1] = f;
    efh[2] = h;
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++)
        {
            killing_value(v, L, K, efh[i], efh[j]);
            ck_assert_msg(fmpq_equal_si(v, want[i][j]), "B at (%ld, %ld)", (long) i, (long) j);
        }
    assert_killing_formula(L, killing_sl, "2n tr(xy)");

    fmpq_clear(v);
    fmpq_mat_clear(e);
    fmpq_mat_clear(f);
    fmpq_mat_clear(h);
    fmpq_mat_clear(b);
    fmpq_mat_clear(K);
    lc_lie_clear(L);
    lc_lie_clear(Z);
    gens_free(g, 2);
}
END_TEST

/* gl(n) from all E_ij: Killing form 2n tr(xy) - 2 tr x tr y, entry by entry. */
START_TEST(gl_killing_form_matches_formula)
{
    lc_lie_t L;
    fmpq_mat_struct * g;
    slong n, i, j;

    for (n = 1; n <= 3; n++)
    {
        g = gens_new(n * n);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                elem(g + i * n + j, n, i, j);
        lc_lie_init(L);
        closure_ok(L, g, n * n);
        ck_assert_int_eq(lc_lie_dim(L), n * n);
        assert_killing_formula(L, killing_gl, "2n tr(xy) - 2 tr(x) tr(y)");
        /* radical of the form: the scalars */
        ck_assert_int_eq(lc_lie_killing_rank(L), n * n - 1);
        lc_lie_clear(L);
        gens_free(g, n * n);
    }
}
END_TEST

/* GAP manual (LieDerivedSeries example): the span of E11, E12, E22 --
   [E11, E12] = E12, [E12, E22] = E12, [E11, E22] = 0 -- has derived
   series of dimensions [3, 1, 0]. */
START_TEST(gap_manual_upper_triangular_2x2_derived_series)
{
    lc_lie_t L;
    lc_err_t err;
    fmpq_mat_struct * g = gens_new(3);

    lc_lie_init(L);
    lc_err_init(err);
    mk(g + 0, "[[1, 0], [0, 0]]");
    mk(g + 1, "[[0, 1], [0, 0]]");
    mk(g + 2, "[[0, 0], [0, 1]]");
    ck_assert_int_eq(lc_lie_span(L, g, 3, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(L), 3);
    ASSERT_DERIVED(L, 3, 1, 0);
    ASSERT_LOWER(L, 3, 1, 1);
    ck_assert(lc_lie_is_solvable(L));
    ck_assert(!lc_lie_is_nilpotent(L));
    ck_assert_int_eq(lc_lie_derived_length(L), 2);
    lc_lie_clear(L);
    gens_free(g, 3);
}
END_TEST

/* Sage manual (solvable Lie algebras, derived / lower central series): the
   5-dimensional algebra with [a,d] = a, [a,e] = -b, [b,d] = b, [b,e] = a,
   [d,e] = c (all other brackets of basis elements 0).  L' = span{a,b,c}
   (abelian), so the derived series is [5, 3, 0]; L^3 = [L, L'] = span{a, b}
   and [L, span{a,b}] = span{a,b}: lower central [5, 3, 2, 2].  Centre:
   span{c}.  Killing form: ad d = -1 on a, b; ad e rotates a -> b -> -a; so
   B(d,d) = 2, B(e,e) = -2, B(d,e) = 0, and B vanishes on L'.
   A faithful realisation (6 x 6, block diagonal): on the first block
   (affine 3 x 3) a = E13, b = E23 are translations, d = -(E11 + E22),
   e = E21 - E12 (so c acts as 0); on the second block (Heisenberg) d = E45,
   e = E56, c = E46, a = b = 0.  The kernels span{c} and span{a, b} meet in
   0, so the sum is faithful; the test checks every bracket first.
   Cross-checked with GAP 4.12.1 (LieAlgebraByStructureConstants): derived
   [5, 3, 0], lower central [5, 3, 2] (GAP omits the repeated stalled term),
   centre dim 1, KillingMatrix diag(0, 0, 0, 2, -2). */
START_TEST(sage_manual_solvable_5dim_series)
{
    lc_lie_t L, Z;
    lc_err_t err;
    fmpq_mat_struct * m = gens_new(5);   /* a, b, c, d, e */
    fmpq_mat_struct * g = gens_new(3);
    fmpq_mat_t t, u, K;
    fmpq_t v;
    enum { A_, B_, C_, D_, E_ };
    slong i, j;

    lc_lie_init(L);
    lc_lie_init(Z);
    lc_err_init(err);
    fmpq_mat_init(t, 0, 0);
    fmpq_mat_init(u, 0, 0);
    fmpq_mat_init(K, 0, 0);
    fmpq_init(v);

    for (i = 0; i < 5; i++)
        lc_qmat_zeros(m + i, 6, 6);
    fmpq_one(fmpq_mat_entry(m + A_, 0, 2));
    fmpq_one(fmpq_mat_entry(m + B_, 1, 2));
    fmpq_one(fmpq_mat_entry(m + C_, 3, 5));
    fmpq_set_si(fmpq_mat_entry(m + D_, 0, 0), -1, 1);
    fmpq_set_si(fmpq_mat_entry(m + D_, 1, 1), -1, 1);
    fmpq_one(fmpq_mat_entry(m + D_, 3, 4));
    fmpq_set_si(fmpq_mat_entry(m + E_, 0, 1), -1, 1);
    fmpq_one(fmpq_mat_entry(m + E_, 1, 0));
    fmpq_one(fmpq_mat_entry(m + E_, 4, 5));

    /* the structure constants, checked on the matrices */
    {
        /* table[i][j] = k + 1 with sign: [x_i, x_j] = sign * x_k; 0 if zero */
        static const int tab[5][5] = {
            /*        a    b    c    d    e  */
            /* a */ { 0,   0,   0,   1,  -2 },
            /* b */ { 0,   0,   0,   2,   1 },
            /* c */ { 0,   0,   0,   0,   0 },
            /* d */ {-1,  -2,   0,   0,   3 },
            /* e */ { 2,  -1,   0,  -3,   0 } };
        for (i = 0; i < 5; i++)
            for (j = 0; j < 5; j++)
            {
                ck_assert_int_eq(lc_lie_bracket(t, m + i, m + j, err), LC_OK);
                if (tab[i][j] == 0)
                    lc_qmat_zeros(u, 6, 6);
                else if (tab[i][j] > 0)
                    mset(u, m + (tab[i][j] - 1));
                else
                {
                    mset(u, m + (-tab[i][j] - 1));
                    fmpq_mat_neg(u, u);
                }
                ck_assert_msg(fmpq_mat_equal(t, u), "bracket (%ld, %ld) of the realisation",
                              (long) i, (long) j);
            }
    }

    /* a, d, e generate: [a,d] = a, [a,e] = -b, [d,e] = c */
    mset(g + 0, m + A_);
    mset(g + 1, m + D_);
    mset(g + 2, m + E_);
    closure_ok(L, g, 3);
    ck_assert_int_eq(lc_lie_dim(L), 5);
    for (i = 0; i < 5; i++)
        ck_assert(lc_lie_contains(L, m + i));
    ASSERT_DERIVED(L, 5, 3, 0);
    ASSERT_LOWER(L, 5, 3, 2, 2);
    ck_assert(lc_lie_is_solvable(L));
    ck_assert(!lc_lie_is_nilpotent(L));
    ck_assert_int_eq(lc_lie_derived_length(L), 2);
    lc_lie_centre(Z, L);
    ck_assert_int_eq(lc_lie_dim(Z), 1);
    ck_assert(lc_lie_contains(Z, m + C_));

    lc_lie_killing_form(K, L);
    ck_assert_int_eq(lc_lie_killing_rank(L), 2);
    for (i = 0; i < 5; i++)
        for (j = 0; j < 5; j++)
        {
            slong w = 0;
            if (i == D_ && j == D_)
                w = 2;
            if (i == E_ && j == E_)
                w = -2;
            killing_value(v, L, K, m + i, m + j);
            ck_assert_msg(fmpq_equal_si(v, w), "B(x_%ld, x_%ld)", (long) i, (long) j);
        }

    fmpq_clear(v);
    fmpq_mat_clear(t);
    fmpq_mat_clear(u);
    fmpq_mat_clear(K);
    lc_lie_clear(L);
    lc_lie_clear(Z);
    gens_free(m, 5);
    gens_free(g, 3);
}
END_TEST

/* se(2) as 3 x 3 homogeneous matrices: R = E21 - E12 (rotation), T1 = E13,
   T2 = E23.  [R, T1] = T2, [R, T2] = -T1, [T1, T2] = 0: L' = span{T1, T2}
   (abelian), so derived [3, 2, 0]; [L, L'] = L', so lower central
   [3, 2, 2]; solvable, not nilpotent, derived length 2.  Centre 0.
   Killing: ad R squares to -1 on the translations, so B(R, R) = -2, and
   B vanishes on L' (GAP 4.12.1: Killing rank 1). */
START_TEST(se2_is_solvable_not_nilpotent)
{
    lc_lie_t L, Z;
    fmpq_mat_struct * g = gens_new(3);
    fmpq_mat_t K;
    fmpq_t v;
    slong i, j;

    lc_lie_init(L);
    lc_lie_init(Z);
    fmpq_mat_init(K, 0, 0);
    fmpq_init(v);
    mk(g + 0, "[[0, -1, 0], [1, 0, 0], [0, 0, 0]]");
    mk(g + 1, "[[0, 0, 1], [0, 0, 0], [0, 0, 0]]");
    mk(g + 2, "[[0, 0, 0], [0, 0, 1], [0, 0, 0]]");
    closure_ok(L, g, 2);     /* R and T1 suffice: [R, T1] = T2 */
    ck_assert_int_eq(lc_lie_dim(L), 3);
    ck_assert(lc_lie_contains(L, g + 2));
    ASSERT_DERIVED(L, 3, 2, 0);
    ASSERT_LOWER(L, 3, 2, 2);
    ck_assert(lc_lie_is_solvable(L));
    ck_assert(!lc_lie_is_nilpotent(L));
    ck_assert(!lc_lie_is_abelian(L));
    ck_assert_int_eq(lc_lie_derived_length(L), 2);
    ck_assert(!lc_lie_is_semisimple(L));
    lc_lie_centre(Z, L);
    ck_assert_int_eq(lc_lie_dim(Z), 0);
    lc_lie_killing_form(K, L);
    ck_assert_int_eq(lc_lie_killing_rank(L), 1);
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++)
        {
            killing_value(v, L, K, g + i, g + j);
            ck_assert(fmpq_equal_si(v, (i == 0 && j == 0) ? -2 : 0));
        }
    fmpq_clear(v);
    fmpq_mat_clear(K);
    lc_lie_clear(L);
    lc_lie_clear(Z);
    gens_free(g, 3);
}
END_TEST

/* aff(2) = gl(2) + R^2 as 3 x 3 homogeneous matrices: dim 6.
   [aff, aff] = sl(2) + R^2 ([gl2, gl2] = sl2, and gl2 maps R^2 onto R^2),
   dim 5, which is perfect (sl2 acts irreducibly, so [sl2, R^2] = R^2): the
   derived series stalls, [6, 5, 5].  Not solvable, not semisimple (R^2 is
   an abelian ideal), centre 0.  Killing: 5 tr(MN) - 2 tr M tr N on the
   linear parts, rank 4; the derived algebra is perfect but its Killing form
   is degenerate (rank 3: 5 tr(MN) on sl2, 0 on R^2).  GAP 4.12.1 agrees:
   derived [6, 5], Killing ranks 4 and 3. */
START_TEST(aff2_derived_algebra_is_perfect_not_semisimple)
{
    lc_lie_t L, D, Z;
    fmpq_mat_struct * g = gens_new(6);
    static const slong ij[6][2] = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 }, { 0, 2 }, { 1, 2 } };
    slong i;

    lc_lie_init(L);
    lc_lie_init(D);
    lc_lie_init(Z);
    for (i = 0; i < 6; i++)
        elem(g + i, 3, ij[i][0], ij[i][1]);
    closure_ok(L, g, 6);
    ck_assert_int_eq(lc_lie_dim(L), 6);
    ASSERT_DERIVED(L, 6, 5, 5);
    ASSERT_LOWER(L, 6, 5, 5);
    ck_assert(!lc_lie_is_solvable(L));
    ck_assert(!lc_lie_is_nilpotent(L));
    ck_assert_int_eq(lc_lie_derived_length(L), -1);
    ck_assert(!lc_lie_is_semisimple(L));
    lc_lie_centre(Z, L);
    ck_assert_int_eq(lc_lie_dim(Z), 0);
    assert_killing_formula(L, killing_aff2, "5 tr(MN) - 2 tr M tr N");
    ck_assert_int_eq(lc_lie_killing_rank(L), 4);

    lc_lie_derived(D, L);
    ck_assert_int_eq(lc_lie_dim(D), 5);
    ck_assert(!lc_lie_contains(D, g + 0));        /* E11 has trace 1 */
    ck_assert(lc_lie_contains(D, g + 4));
    ASSERT_DERIVED(D, 5, 5);
    ck_assert(!lc_lie_is_semisimple(D));
    ck_assert_int_eq(lc_lie_killing_rank(D), 3);

    lc_lie_clear(L);
    lc_lie_clear(D);
    lc_lie_clear(Z);
    gens_free(g, 6);
}
END_TEST

/* Heisenberg: x = E12, y = E23, z = [x, y] = E13 central.  Lower central
   [3, 1, 0], derived [3, 1, 0], nilpotent, centre span{z}, Killing form 0
   (ad of a nilpotent algebra is nilpotent). */
START_TEST(heisenberg_is_nilpotent_with_centre_e13)
{
    lc_lie_t L, Z;
    fmpq_mat_struct * g = gens_new(2);
    fmpq_mat_t z;

    lc_lie_init(L);
    lc_lie_init(Z);
    fmpq_mat_init(z, 0, 0);
    elem(g + 0, 3, 0, 1);
    elem(g + 1, 3, 1, 2);
    elem(z, 3, 0, 2);
    closure_ok(L, g, 2);
    ck_assert_int_eq(lc_lie_dim(L), 3);
    ck_assert(lc_lie_contains(L, z));
    ASSERT_LOWER(L, 3, 1, 0);
    ASSERT_DERIVED(L, 3, 1, 0);
    ck_assert(lc_lie_is_nilpotent(L));
    ck_assert(lc_lie_is_solvable(L));
    ck_assert(!lc_lie_is_abelian(L));
    ck_assert_int_eq(lc_lie_derived_length(L), 2);
    ck_assert(!lc_lie_is_semisimple(L));
    lc_lie_centre(Z, L);
    ck_assert_int_eq(lc_lie_dim(Z), 1);
    ck_assert(lc_lie_contains(Z, z));
    ck_assert(!lc_lie_contains(Z, g + 0));
    assert_killing_zero(L);
    fmpq_mat_clear(z);
    lc_lie_clear(L);
    lc_lie_clear(Z);
    gens_free(g, 2);
}
END_TEST

/* ------------------------------------------------------ b(n) and n(n) */

/* dim span{E_ij : j - i >= m} in gl(n) = sum_{d=m}^{n-1} (n - d)
   = (n - m)(n - m + 1)/2 for m <= n, else 0. */
static slong
band_dim(slong n, slong m)
{
    return m >= n ? 0 : (n - m) * (n - m + 1) / 2;
}

static slong
ceil_log2(slong n)
{
    slong k = 0;

    while ((WORD(1) << k) < n)
        k++;
    return k;
}

/* n(n) from all E_ij, i < j, and b(n) from all E_ij, i <= j.
   [E_ij, E_jk] = E_ik shows n(n)^(k) = span{E_ij : j - i >= 2^k}
   (brackets of two band-(>= m) elements land in band >= 2m, and each
   E_ik with k - i >= 2m is such a bracket), and gamma_k(n) = band >= k.
   So derived length of n(n) is ceil(log2 n).  [b, b] = n(n) and
   [b, n] = n ([E_ii, E_ij] = E_ij), so b's lower central series stalls at
   n(n); b's derived series is b followed by n(n)'s.  GAP 4.12.1 gives the
   same series and Killing ranks n - 1 for n = 2..6. */
START_TEST(upper_triangular_series_for_n_2_to_8)
{
    slong n, i, j, k, m, len;
    slong want[16];
    lc_lie_t B, N, N2, C, Z;
    fmpq_mat_struct * gb;
    fmpq_mat_struct * gn;
    fmpq_mat_t corner;

    fmpq_mat_init(corner, 0, 0);
    for (n = 2; n <= 8; n++)
    {
        gb = gens_new(n * (n + 1) / 2);
        gn = gens_new(n * (n - 1) / 2);
        k = 0;
        m = 0;
        for (i = 0; i < n; i++)
            for (j = i; j < n; j++)
            {
                elem(gb + k++, n, i, j);
                if (j > i)
                    elem(gn + m++, n, i, j);
            }
        lc_lie_init(B);
        lc_lie_init(N);
        lc_lie_init(N2);
        lc_lie_init(C);
        lc_lie_init(Z);
        closure_ok(B, gb, k);
        closure_ok(N, gn, m);
        ck_assert_int_eq(lc_lie_dim(B), n * (n + 1) / 2);
        ck_assert_int_eq(lc_lie_dim(N), n * (n - 1) / 2);

        /* n(n) is generated by the E_{i,i+1} alone */
        {
            fmpq_mat_struct * gs = gens_new(n - 1);
            for (i = 0; i + 1 < n; i++)
                elem(gs + i, n, i, i + 1);
            closure_ok(N2, gs, n - 1);
            gens_free(gs, n - 1);
        }
        ck_assert(lc_lie_equal(N, N2));

        /* n(n): derived series band_dim(n, 2^k) until 0 */
        len = 0;
        for (k = 0; ; k++)
        {
            want[len++] = band_dim(n, WORD(1) << k);
            if (want[len - 1] == 0)
                break;
        }
        assert_series(N, 0, want, len);
        ck_assert_int_eq(lc_lie_derived_length(N), ceil_log2(n));
        ck_assert_int_eq(len - 1, ceil_log2(n));

        /* n(n): lower central gamma_k = band >= k, k = 1..n */
        for (k = 1; k <= n; k++)
            want[k - 1] = band_dim(n, k);
        assert_series(N, 1, want, n);
        ck_assert(lc_lie_is_nilpotent(N));
        ck_assert(lc_lie_is_solvable(N));
        ck_assert_int_eq(!!lc_lie_is_abelian(N), n == 2);

        /* b(n): derived series b, then n(n)'s */
        want[0] = n * (n + 1) / 2;
        len = 1;
        for (k = 0; ; k++)
        {
            want[len++] = band_dim(n, WORD(1) << k);
            if (want[len - 1] == 0)
                break;
        }
        assert_series(B, 0, want, len);
        ck_assert_int_eq(lc_lie_derived_length(B), 1 + ceil_log2(n));
        want[0] = n * (n + 1) / 2;
        want[1] = n * (n - 1) / 2;
        want[2] = n * (n - 1) / 2;
        assert_series(B, 1, want, 3);
        ck_assert(lc_lie_is_solvable(B));
        ck_assert(!lc_lie_is_nilpotent(B));
        ck_assert(!lc_lie_is_semisimple(B));

        /* [b, b] = n and [b, n] = n */
        lc_lie_derived(C, B);
        ck_assert(lc_lie_equal(C, N));
        lc_lie_bracket_ideal(C, B, N);
        ck_assert(lc_lie_equal(C, N));

        /* centres: scalars in b(n); span{E_1n} in n(n) */
        lc_lie_centre(Z, B);
        ck_assert_int_eq(lc_lie_dim(Z), 1);
        lc_qmat_eye(corner, n);
        ck_assert(lc_lie_contains(Z, corner));
        lc_lie_centre(Z, N);
        ck_assert_int_eq(lc_lie_dim(Z), 1);
        elem(corner, n, 0, n - 1);
        ck_assert(lc_lie_contains(Z, corner));

        /* Killing forms: zero on n(n) (nilpotent); on b(n) the formula of
           killing_b, of rank n - 1 (kernel: the scalars, modulo n(n)) */
        assert_killing_zero(N);
        if (n <= 5)
            assert_killing_formula(B, killing_b, "sum (x_i - x_j)(y_i - y_j)");
        ck_assert_int_eq(lc_lie_killing_rank(B), n - 1);

        lc_lie_clear(B);
        lc_lie_clear(N);
        lc_lie_clear(N2);
        lc_lie_clear(C);
        lc_lie_clear(Z);
        gens_free(gb, n * (n + 1) / 2);
        gens_free(gn, n * (n - 1) / 2);
    }
    fmpq_mat_clear(corner);
}
END_TEST

/* ------------------------------------------------------- gl(n) and sl(n) */

/* gl(n) from the two generators of gl_generators (see there why they
   generate): dim n^2; [gl, gl] = sl(n), perfect, so derived and lower
   central series [n^2, n^2 - 1, n^2 - 1]; centre = scalars; the Killing
   form 2n tr(xy) - 2 tr x tr y has the scalars as radical: rank n^2 - 1. */
START_TEST(gl_n_from_two_generic_generators)
{
    flint_rand_t st;
    lc_lie_t L, Z, D;
    fmpq_mat_struct * g = gens_new(2);
    fmpq_mat_t I;
    slong n;

    flint_randinit(st);
    fmpq_mat_init(I, 0, 0);
    for (n = 2; n <= 6; n++)
    {
        lc_lie_init(L);
        lc_lie_init(Z);
        lc_lie_init(D);
        gl_generators(g + 0, g + 1, n, 0, st);
        closure_ok(L, g, 2);
        ck_assert_int_eq(lc_lie_dim(L), n * n);
        ASSERT_DERIVED(L, n * n, n * n - 1, n * n - 1);
        ASSERT_LOWER(L, n * n, n * n - 1, n * n - 1);
        ck_assert(!lc_lie_is_solvable(L));
        ck_assert_int_eq(lc_lie_derived_length(L), -1);
        ck_assert(!lc_lie_is_semisimple(L));
        ck_assert_int_eq(lc_lie_killing_rank(L), n * n - 1);
        lc_lie_centre(Z, L);
        ck_assert_int_eq(lc_lie_dim(Z), 1);
        lc_qmat_eye(I, n);
        ck_assert(lc_lie_contains(Z, I));
        lc_lie_derived(D, L);
        ck_assert(!lc_lie_contains(D, I));
        ck_assert(lc_lie_is_semisimple(D));      /* D = sl(n) */
        if (n <= 3)
            assert_killing_formula(L, killing_gl, "2n tr(xy) - 2 tr(x) tr(y)");
        lc_lie_clear(L);
        lc_lie_clear(Z);
        lc_lie_clear(D);
    }
    fmpq_mat_clear(I);
    gens_free(g, 2);
    flint_randclear(st);
}
END_TEST

/* sl(n) from two traceless generators: dim n^2 - 1, simple, so perfect,
   semisimple, centre 0, Killing form 2n tr(xy) of full rank. */
START_TEST(sl_n_from_two_traceless_generators_is_semisimple)
{
    flint_rand_t st;
    lc_lie_t L, Z;
    fmpq_mat_struct * g = gens_new(2);
    slong n;

    flint_randinit(st);
    for (n = 2; n <= 5; n++)
    {
        lc_lie_init(L);
        lc_lie_init(Z);
        gl_generators(g + 0, g + 1, n, 1, st);
        closure_ok(L, g, 2);
        ck_assert_int_eq(lc_lie_dim(L), n * n - 1);
        ASSERT_DERIVED(L, n * n - 1, n * n - 1);
        ck_assert(lc_lie_is_semisimple(L));
        ck_assert_int_eq(lc_lie_killing_rank(L), n * n - 1);
        lc_lie_centre(Z, L);
        ck_assert_int_eq(lc_lie_dim(Z), 0);
        if (n <= 3)
            assert_killing_formula(L, killing_sl, "2n tr(xy)");
        lc_lie_clear(L);
        lc_lie_clear(Z);
    }
    gens_free(g, 2);
    flint_randclear(st);
}
END_TEST

/* ----------------------------------------------------- contains, equal, span */

START_TEST(contains_and_equal_are_about_subspaces)
{
    lc_lie_t L, M;
    fmpq_mat_struct * g = gens_new(3);
    fmpq_mat_t x;
    slong i;

    lc_lie_init(L);
    lc_lie_init(M);
    fmpq_mat_init(x, 0, 0);
    mk(g + 0, "[[0, 1], [0, 0]]");
    mk(g + 1, "[[0, 0], [1, 0]]");
    closure_ok(L, g, 2);

    mk(x, "[[1, 0], [0, -1]]");
    ck_assert(lc_lie_contains(L, x));                    /* h = [e, f] */
    mk(x, "[[7, 3], [-1/2, -7]]");                       /* 3e - f/2 + 7h */
    ck_assert(lc_lie_contains(L, x));
    mk(x, "[[1, 0], [0, 1]]");
    ck_assert(!lc_lie_contains(L, x));                   /* trace 2 */
    mk(x, "[[1, 0], [0, 0]]");
    ck_assert(!lc_lie_contains(L, x));
    lc_qmat_zeros(x, 3, 3);
    ck_assert(!lc_lie_contains(L, x));                   /* another size */

    /* basis element 0 is h (see the sl(2) test); the closure of {h, e + f}
       is sl(2): [h, e + f] = 2(e - f), [e + f, e - f] = -2h */
    lc_lie_basis_element(g + 0, L, 0);
    mk(g + 1, "[[0, 1], [1, 0]]");
    closure_ok(M, g, 2);
    ck_assert(lc_lie_equal(L, M));

    /* a subset of the basis: closure of basis elements 1, 2 (e, f) */
    lc_lie_basis_element(g + 0, L, 1);
    lc_lie_basis_element(g + 1, L, 2);
    closure_ok(M, g, 2);
    ck_assert(lc_lie_equal(L, M));
    /* the whole basis spans L exactly */
    for (i = 0; i < 3; i++)
        lc_lie_basis_element(g + i, L, i);
    closure_ok(M, g, 3);
    ck_assert(lc_lie_equal(L, M));

    /* h and e: the Borel subalgebra, dim 2, not equal */
    lc_lie_basis_element(g + 0, L, 0);
    lc_lie_basis_element(g + 1, L, 1);
    closure_ok(M, g, 2);
    ck_assert_int_eq(lc_lie_dim(M), 2);
    ck_assert(!lc_lie_equal(L, M));

    /* copies are equal and independent of the original */
    lc_lie_set(M, L);
    ck_assert(lc_lie_equal(L, M));
    lc_lie_clear(L);
    lc_lie_init(L);
    ck_assert_int_eq(lc_lie_dim(M), 3);
    mk(x, "[[1, 0], [0, -1]]");
    ck_assert(lc_lie_contains(M, x));
    ck_assert(lc_lie_is_semisimple(M));

    fmpq_mat_clear(x);
    lc_lie_clear(L);
    lc_lie_clear(M);
    gens_free(g, 3);
}
END_TEST

START_TEST(equal_distinguishes_degree)
{
    lc_lie_t L, M;
    fmpq_mat_struct * g = gens_new(1);

    /* span{E12} in gl(2) and in gl(3) are different subalgebras */
    lc_lie_init(L);
    lc_lie_init(M);
    elem(g + 0, 2, 0, 1);
    closure_ok(L, g, 1);
    elem(g + 0, 3, 0, 1);
    closure_ok(M, g, 1);
    ck_assert_int_eq(lc_lie_dim(L), 1);
    ck_assert_int_eq(lc_lie_dim(M), 1);
    ck_assert(!lc_lie_equal(L, M));
    lc_lie_clear(L);
    lc_lie_clear(M);
    gens_free(g, 1);
}
END_TEST

START_TEST(span_accepts_closed_and_rejects_open_sets)
{
    lc_lie_t L, M;
    lc_err_t err;
    fmpq_mat_struct * g = gens_new(3);

    lc_lie_init(L);
    lc_lie_init(M);
    mk(g + 0, "[[0, 1], [0, 0]]");      /* e */
    mk(g + 1, "[[0, 0], [1, 0]]");      /* f */
    mk(g + 2, "[[1, 0], [0, -1]]");     /* h */

    lc_err_init(err);
    ck_assert_int_eq(lc_lie_span(L, g, 3, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(L), 3);
    closure_ok(M, g, 2);
    ck_assert(lc_lie_equal(L, M));

    /* {e, f} is not closed: [e, f] = h is outside span{e, f} */
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_span(M, g, 2, err), LC_E_ARG);
    ck_assert_int_eq(err->code, LC_E_ARG);
    ck_assert_msg(err->msg[0] != '\0', "no message");

    /* dependent elements: span{h, 2h} is 1-dimensional and closed */
    mk(g + 0, "[[2, 0], [0, -2]]");
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_span(M, g + 0, 1, err), LC_OK);
    mset(g + 1, g + 2);
    ck_assert_int_eq(lc_lie_span(M, g, 2, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(M), 1);
    ck_assert(lc_lie_is_abelian(M));

    lc_lie_clear(L);
    lc_lie_clear(M);
    gens_free(g, 3);
}
END_TEST

START_TEST(summary_string_names_the_dimension)
{
    lc_lie_t L;
    fmpq_mat_struct * g = gens_new(2);
    char * s;

    lc_lie_init(L);
    elem(g + 0, 3, 0, 1);
    elem(g + 1, 3, 1, 2);
    closure_ok(L, g, 2);         /* Heisenberg: dimension 3 in gl(3) */
    s = lc_lie_get_str(L);
    ck_assert_ptr_nonnull(s);
    ck_assert_msg(strstr(s, "3") != NULL, "summary \"%s\" does not name 3", s);
    ck_assert_msg(strchr(s, '\n') == NULL, "summary \"%s\" is not one line", s);
    flint_free(s);
    lc_lie_clear(L);
    gens_free(g, 2);
}
END_TEST

/* -------------------------------------------------------- unlucky primes */

/* c * M for a big integer c: the closure of scaled generators is the same
   subspace (scaling does not change spans, and [cX, dY] = cd [X, Y]).
   c is a product of primes just above 2^61 (where a random 62-bit prime
   is drawn), times 2^61, so every entry vanishes modulo those primes. */
static void
big_scale(fmpz_t c, slong k, int shift)
{
    ulong p = UWORD(1) << 61;
    slong i;

    fmpz_one(c);
    for (i = 0; i < k; i++)
    {
        p = n_nextprime(p, 1);
        fmpz_mul_ui(c, c, p);
    }
    fmpz_mul_2exp(c, c, shift);
}

START_TEST(huge_multiples_give_the_same_algebra)
{
    flint_rand_t st;
    lc_lie_t L, M;
    fmpq_mat_struct * g = gens_new(2);
    fmpq_mat_struct * h = gens_new(2);
    fmpz_t c;
    slong n;

    flint_randinit(st);
    fmpz_init(c);

    for (n = 2; n <= 4; n++)
    {
        lc_lie_init(L);
        lc_lie_init(M);
        gl_generators(g + 0, g + 1, n, 1, st);       /* sl(n) */
        closure_ok(L, g, 2);

        big_scale(c, 6, 61);
        mset(h + 0, g + 0);
        mset(h + 1, g + 1);
        fmpq_mat_scalar_mul_fmpz(h + 0, g + 0, c);
        big_scale(c, 3, 7);
        fmpq_mat_scalar_mul_fmpz(h + 1, g + 1, c);
        closure_ok(M, h, 2);
        ck_assert_int_eq(lc_lie_dim(M), n * n - 1);
        ck_assert(lc_lie_equal(L, M));

        /* tiny: divided by the same numbers */
        fmpq_mat_scalar_div_fmpz(h + 0, g + 0, c);
        big_scale(c, 8, 0);
        fmpq_mat_scalar_div_fmpz(h + 1, g + 1, c);
        closure_ok(M, h, 2);
        ck_assert(lc_lie_equal(L, M));
        ck_assert(lc_lie_is_semisimple(M));
        lc_lie_clear(L);
        lc_lie_clear(M);
    }

    fmpz_clear(c);
    gens_free(g, 2);
    gens_free(h, 2);
    flint_randclear(st);
}
END_TEST

/* Conjugating by P = I + N E21, N = 10^40 (P^-1 = I - N E21), is an
   automorphism of gl(3): the images of the Heisenberg algebra and of b(3)
   have entries up to N^2 but the same series, centre dimension, Killing
   rank and nilpotency; the Heisenberg centre is P E13 P^-1. */
START_TEST(huge_conjugates_keep_their_structure)
{
    lc_lie_t L, Z;
    fmpq_mat_struct * g = gens_new(6);
    fmpq_mat_t P, Pinv, z;
    fmpz_t N;
    slong i, j, k;

    lc_lie_init(L);
    lc_lie_init(Z);
    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(Pinv, 0, 0);
    fmpq_mat_init(z, 0, 0);
    fmpz_init(N);
    fmpz_set_ui(N, 10);
    fmpz_pow_ui(N, N, 40);
    lc_qmat_eye(P, 3);
    lc_qmat_eye(Pinv, 3);
    fmpq_set_fmpz(fmpq_mat_entry(P, 1, 0), N);
    fmpq_neg(fmpq_mat_entry(Pinv, 1, 0), fmpq_mat_entry(P, 1, 0));

    elem(g + 0, 3, 0, 1);
    elem(g + 1, 3, 1, 2);
    conjugate(g + 0, P, Pinv);
    conjugate(g + 1, P, Pinv);
    closure_ok(L, g, 2);
    ck_assert_int_eq(lc_lie_dim(L), 3);
    ASSERT_LOWER(L, 3, 1, 0);
    ASSERT_DERIVED(L, 3, 1, 0);
    ck_assert(lc_lie_is_nilpotent(L));
    lc_lie_centre(Z, L);
    ck_assert_int_eq(lc_lie_dim(Z), 1);
    elem(z, 3, 0, 2);
    conjugate(z, P, Pinv);
    ck_assert(lc_lie_contains(Z, z));
    assert_killing_zero(L);

    /* b(3) conjugated */
    k = 0;
    for (i = 0; i < 3; i++)
        for (j = i; j < 3; j++)
        {
            elem(g + k, 3, i, j);
            conjugate(g + k, P, Pinv);
            k++;
        }
    closure_ok(L, g, 6);
    ck_assert_int_eq(lc_lie_dim(L), 6);
    ASSERT_DERIVED(L, 6, 3, 1, 0);
    ASSERT_LOWER(L, 6, 3, 3);
    ck_assert_int_eq(lc_lie_killing_rank(L), 2);

    fmpz_clear(N);
    fmpq_mat_clear(P);
    fmpq_mat_clear(Pinv);
    fmpq_mat_clear(z);
    lc_lie_clear(L);
    lc_lie_clear(Z);
    gens_free(g, 6);
}
END_TEST

/* Inputs that defeat every prime of the fixed sequence must still get exact
   answers (and never an abort): with P the product of the primes tried,
   X = diag(1, 1 + P) and Y = E12 give [X, Y] = -P E12, which vanishes modulo
   every one of them.  Over Q, span{X, E12} is closed: derived series
   [2, 1, 0] ([L, L] = span E12, abelian) and lower central series
   [2, 1, 1] ([L, E12] = span E12). */
START_TEST(inputs_that_defeat_every_prime_get_exact_answers)
{
    lc_lie_t L;
    lc_err_t err;
    fmpq_mat_struct * g = gens_new(2);
    fmpz_t P;
    slong a;
    const slong want_derived[] = {2, 1, 0}, want_lcs[] = {2, 1, 1};

    lc_lie_init(L);
    fmpz_init_set_ui(P, 1);
    for (a = 0; a < 16; a++)
        fmpz_mul_ui(P, P, _lc_lie_prime(a));
    lc_qmat_zeros(g + 0, 2, 2);
    lc_qmat_zeros(g + 1, 2, 2);
    fmpq_one(fmpq_mat_entry(g + 0, 0, 0));
    fmpz_add_ui(fmpq_numref(fmpq_mat_entry(g + 0, 1, 1)), P, 1);
    fmpq_one(fmpq_mat_entry(g + 1, 0, 1));
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_closure(L, g, 2, 0, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(L), 2);
    assert_series(L, 0, want_derived, 3);
    assert_series(L, 1, want_lcs, 3);
    ck_assert_int_eq(lc_lie_derived_length(L), 2);
    ck_assert(!lc_lie_is_nilpotent(L));
    fmpz_clear(P);
    gens_free(g, 2);
    lc_lie_clear(L);
}
END_TEST

/* first_prime == 1 forces the exact computation without primes: it must
   agree with mathematics (so(3) is 3-dimensional and perfect; the closure of
   E12 and E21 is sl(2)) and honour the dimension limit. */
START_TEST(exact_closure_without_primes_agrees)
{
    lc_lie_t L;
    lc_err_t err;
    fmpq_mat_struct * g = gens_new(2);
    const slong want[] = {3, 3};

    lc_lie_init(L);
    mk(g + 0, "[[0, 1, 0], [-1, 0, 0], [0, 0, 0]]");
    mk(g + 1, "[[0, 0, 1], [0, 0, 0], [-1, 0, 0]]");
    lc_err_init(err);
    ck_assert_int_eq(_lc_lie_closure_primes(L, g, 2, 0, 1, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(L), 3);
    assert_series(L, 0, want, 2);
    ck_assert(lc_lie_is_semisimple(L));
    ck_assert_int_eq(_lc_lie_closure_primes(L, g, 2, 2, 1, err), LC_E_LIMIT);
    mk(g + 0, "[[0, 1], [0, 0]]");
    mk(g + 1, "[[0, 0], [1, 0]]");
    ck_assert_int_eq(_lc_lie_closure_primes(L, g, 2, 0, 1, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(L), 3);
    ck_assert(lc_lie_contains(L, g + 0));
    gens_free(g, 2);
    lc_lie_clear(L);
}
END_TEST

/* The documented unlucky-prime path (lie.h, _lc_lie_closure_primes): force
   the first prime p and give generators whose brackets vanish, or become
   dependent, modulo p only.  Expected values are the closures over Q. */
START_TEST(forced_unlucky_first_prime_is_recovered)
{
    lc_lie_t L, M;
    lc_err_t err;
    fmpq_mat_struct * g = gens_new(2);
    fmpq_mat_t x;
    const mp_limb_t p = n_nextprime((UWORD(1) << 61) + 12345, 1);

    lc_lie_init(L);
    lc_lie_init(M);
    fmpq_mat_init(x, 0, 0);

    /* X = diag(1, 1+p, 1), Y = E12 + E13: [X, Y] = -p E12 (zero mod p), so
       over Q the closure is span{X, E12, E13}, dim 3, with derived algebra
       span{E12} and [L, E12] = E12: derived [3, 1, 0], lower [3, 1, 1]. */
    lc_qmat_eye(g + 0, 3);
    fmpq_set_ui(fmpq_mat_entry(g + 0, 1, 1), 1 + p, 1);
    mk(g + 1, "[[0, 1, 1], [0, 0, 0], [0, 0, 0]]");
    lc_err_init(err);
    ck_assert_int_eq(_lc_lie_closure_primes(L, g, 2, 0, p, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(L), 3);
    elem(x, 3, 0, 1);
    ck_assert(lc_lie_contains(L, x));
    elem(x, 3, 0, 2);
    ck_assert(lc_lie_contains(L, x));
    ASSERT_DERIVED(L, 3, 1, 0);
    ASSERT_LOWER(L, 3, 1, 1);
    closure_ok(M, g, 2);
    ck_assert(lc_lie_equal(L, M));

    /* one level deeper: X = diag(0, 1, 2+p), Y = E12 + E23.  Mod p,
       [X, Y] = -E12 - (1+p) E23 = -Y, so a closure mod p stops at dim 2.
       Over Q the eigenvalues -1 and -(1+p) of ad X differ, giving E12, E23,
       then E13 = [E12, E23]: span{X, E12, E23, E13}, dim 4; L' = n(3)
       (dim 3, since [X, E13] = -(2+p) E13), L'' = span{E13}: [4, 3, 1, 0]. */
    lc_qmat_zeros(g + 0, 3, 3);
    fmpq_set_si(fmpq_mat_entry(g + 0, 1, 1), 1, 1);
    fmpq_set_ui(fmpq_mat_entry(g + 0, 2, 2), 2 + p, 1);
    mk(g + 1, "[[0, 1, 0], [0, 0, 1], [0, 0, 0]]");
    lc_err_init(err);
    ck_assert_int_eq(_lc_lie_closure_primes(L, g, 2, 0, p, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(L), 4);
    elem(x, 3, 0, 2);
    ck_assert(lc_lie_contains(L, x));
    ASSERT_DERIVED(L, 4, 3, 1, 0);
    ck_assert(!lc_lie_is_nilpotent(L));
    /* the limit is not tripped by the unlucky attempt, and is by the true one */
    lc_err_init(err);
    ck_assert_int_eq(_lc_lie_closure_primes(L, g, 2, 3, p, err), LC_E_LIMIT);
    lc_err_init(err);
    ck_assert_int_eq(_lc_lie_closure_primes(L, g, 2, 4, p, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(L), 4);

    /* generators equal mod p but independent over Q: E11 and E11 + p E22
       commute; the closure is their span, dim 2, abelian. */
    elem(g + 0, 2, 0, 0);
    lc_qmat_eye(g + 1, 2);
    fmpq_set_ui(fmpq_mat_entry(g + 1, 1, 1), p, 1);
    lc_err_init(err);
    ck_assert_int_eq(_lc_lie_closure_primes(L, g, 2, 0, p, err), LC_OK);
    ck_assert_int_eq(lc_lie_dim(L), 2);
    ck_assert(lc_lie_is_abelian(L));

    fmpq_mat_clear(x);
    lc_lie_clear(L);
    lc_lie_clear(M);
    gens_free(g, 2);
}
END_TEST

START_TEST(span_errors_are_values)
{
    lc_lie_t L;
    lc_err_t err;
    fmpq_mat_struct * g = gens_new(2);

    lc_lie_init(L);
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_span(L, g, 0, err), LC_E_ARG);
    ck_assert_int_eq(err->code, LC_E_ARG);
    elem(g + 0, 2, 0, 1);
    elem(g + 1, 3, 0, 1);
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_span(L, g, 2, err), LC_E_DIM);
    mk(g + 1, "[[1, 2, 3], [4, 5, 6]]");
    lc_err_init(err);
    ck_assert_int_eq(lc_lie_span(L, g + 1, 1, err), LC_E_DIM);
    lc_lie_clear(L);
    gens_free(g, 2);
}
END_TEST

/* --------------------------------------------------------- timed sanity */

/* Not a benchmark: gl(10) and gl(12) (dimension 100 and 144) from two
   generators must close within the test case's timeout. */
START_TEST(gl_10_and_12_close_in_reasonable_time)
{
    flint_rand_t st;
    lc_lie_t L;
    fmpq_mat_struct * g = gens_new(2);
    slong n;

    flint_randinit(st);
    for (n = 10; n <= 12; n += 2)
    {
        lc_lie_init(L);
        gl_generators(g + 0, g + 1, n, 0, st);
        closure_ok(L, g, 2);
        ck_assert_int_eq(lc_lie_dim(L), n * n);
        lc_lie_clear(L);
    }
    gens_free(g, 2);
    flint_randclear(st);
}
END_TEST

/* ------------------------------------------------------------------- suite */


/* ----------------------------------- the series against the echelon method */

/* A reproducible pair of one kind (the kinds of bench/bench_closure): entries
   in [-h, h]; small h makes degenerate pairs (commuting, dependent) likely. */
static void
series_pair(fmpq_mat_struct * g, slong n, int kind, slong h, flint_rand_t st)
{
    slong t, i, j;

    for (t = 0; t < 2; t++)
    {
        lc_qmat_zeros(g + t, n, n);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
            {
                int on = (kind == 0 || kind == 1)                     /* gl, sl */
                      || (kind == 2 && j > i)                         /* so (mirrored) */
                      || (kind == 3 && ((i < n / 2) == (j < n / 2)))  /* block */
                      || (kind == 4 && j >= i)                        /* tri */
                      || (kind == 5 && j > i);                        /* nil */
                if (on)
                    fmpq_set_si(fmpq_mat_entry(g + t, i, j),
                                (slong) n_randint(st, 2 * h + 1) - h, 1);
            }
        if (kind == 2)
            for (i = 0; i < n; i++)
                for (j = 0; j < i; j++)
                    fmpq_neg(fmpq_mat_entry(g + t, i, j), fmpq_mat_entry(g + t, j, i));
        if (kind == 1)
        {
            fmpq_t tr;
            fmpq_init(tr);
            for (i = 0; i + 1 < n; i++)
                fmpq_add(tr, tr, fmpq_mat_entry(g + t, i, i));
            fmpq_neg(fmpq_mat_entry(g + t, n - 1, n - 1), tr);
            fmpq_clear(tr);
        }
    }
}

static void
assert_series_agree(const lc_lie_t L, const char * what, slong n, int kind)
{
    slong * a = flint_malloc((L->dim + 2) * sizeof(slong));
    slong * b = flint_malloc((L->dim + 2) * sizeof(slong));
    slong la, lb, i, derived;

    for (derived = 0; derived <= 1; derived++)
    {
        la = derived ? lc_lie_derived_series(a, L) : lc_lie_lower_central_series(a, L);
        lb = _lc_lie_series_classic(b, L, (int) derived);
        ck_assert_msg(la == lb, "%s n=%ld kind=%d %s: length %ld, echelon method %ld", what,
                      (long) n, kind, derived ? "derived" : "lcs", (long) la, (long) lb);
        for (i = 0; i < la; i++)
            ck_assert_msg(a[i] == b[i], "%s n=%ld kind=%d %s: term %ld is %ld, echelon method %ld",
                          what, (long) n, kind, derived ? "derived" : "lcs", (long) i,
                          (long) a[i], (long) b[i]);
    }
    flint_free(a);
    flint_free(b);
}

/* The bracket-basis series (lc_lie_derived_series, lc_lie_lower_central_series)
   and the echelon-form series (_lc_lie_series_classic) are two computations
   of the same dimensions: they must agree on every input.  Random pairs of
   the six bench kinds, n = 1..9, entries in [-1, 1] (many degenerate pairs),
   [-3, 3] and [-9, 9]. */
START_TEST(series_agree_with_echelon_method_on_random_pairs)
{
    flint_rand_t st;
    slong n, h, rep;
    int kind;
    fmpq_mat_struct * g = gens_new(2);

    flint_randinit(st);
    for (n = 1; n <= 9; n++)
        for (kind = 0; kind < 6; kind++)
            for (h = 1; h <= 9; h += (h == 1) ? 2 : 6)
                for (rep = 0; rep < ((n <= 5) ? 3 : 1); rep++)
                {
                    lc_lie_t L;
                    lc_lie_init(L);
                    series_pair(g, n, kind, h, st);
                    closure_ok(L, g, 2);
                    assert_series_agree(L, "random pair", n, kind);
                    lc_lie_clear(L);
                }
    gens_free(g, 2);
    flint_randclear(st);
}
END_TEST

/* Larger nilpotent and triangular pairs, where the two methods differ most
   (bracket bases against echelon forms with large entries). */
START_TEST(series_agree_with_echelon_method_on_larger_triangular_pairs)
{
    flint_rand_t st;
    slong n;
    int kind;
    fmpq_mat_struct * g = gens_new(2);

    flint_randinit(st);
    for (n = 10; n <= 13; n += 3)
        for (kind = 4; kind <= 5; kind++)
        {
            lc_lie_t L;
            lc_lie_init(L);
            series_pair(g, n, kind, 9, st);
            closure_ok(L, g, 2);
            assert_series_agree(L, "triangular pair", n, kind);
            lc_lie_clear(L);
        }
    gens_free(g, 2);
    flint_randclear(st);
}
END_TEST

/* Graded examples with dimensions from mathematics, up to n = 20.
   n(n), the strictly upper triangular matrices, generated by the
   superdiagonal E_{i,i+1}: its lower central series is the band filtration,
   n(n)^k = span{E_ij : j - i >= k} of dimension (n-k)(n-k+1)/2, and its
   derived series is n(n)^(k) = band 2^k.  b' = <h, E_{i,i+1}> with
   h = diag(0, 1, ..., n-1): ad h acts on E_ij by i - j != 0, so
   [b', b'] = n(n) and the lower central series stalls there, while the
   derived series continues as that of n(n). */
START_TEST(band_filtrations_of_superdiagonal_algebras)
{
    slong n, k, i, len;
    slong * dims = flint_malloc(sizeof(slong) * 400);

    for (n = 2; n <= 20; n += (n < 8) ? 1 : 4)
    {
        fmpq_mat_struct * g = gens_new(n);
        lc_lie_t N, B;

        for (i = 0; i + 1 < n; i++)
            elem(g + i, n, i, i + 1);
        lc_qmat_zeros(g + n - 1, n, n);
        for (i = 0; i < n; i++)
            fmpq_set_si(fmpq_mat_entry(g + n - 1, i, i), i, 1);
        lc_lie_init(N);
        lc_lie_init(B);
        closure_ok(N, g, n - 1);
        closure_ok(B, g, n);
        ck_assert_int_eq(lc_lie_dim(N), n * (n - 1) / 2);
        ck_assert_int_eq(lc_lie_dim(B), n * (n - 1) / 2 + 1);

        len = lc_lie_lower_central_series(dims, N);
        ck_assert_int_eq(len, n);
        for (k = 1; k <= n; k++)
            ck_assert_int_eq(dims[k - 1], (n - k) * (n - k + 1) / 2);

        len = lc_lie_derived_series(dims, N);
        for (k = 0; k < len; k++)
        {
            slong b = WORD(1) << k;
            ck_assert_int_eq(dims[k], b < n ? (n - b) * (n - b + 1) / 2 : 0);
        }
        ck_assert_int_eq(dims[len - 1], 0);
        ck_assert((WORD(1) << (len - 2)) < n && (WORD(1) << (len - 1)) >= n);

        len = lc_lie_lower_central_series(dims, B);
        ck_assert_int_eq(len, 3);
        ck_assert_int_eq(dims[0], n * (n - 1) / 2 + 1);
        ck_assert_int_eq(dims[1], n * (n - 1) / 2);
        ck_assert_int_eq(dims[2], n * (n - 1) / 2);

        len = lc_lie_derived_series(dims, B);
        ck_assert_int_eq(dims[0], n * (n - 1) / 2 + 1);
        for (k = 1; k < len; k++)
        {
            slong b = WORD(1) << (k - 1);
            ck_assert_int_eq(dims[k], b < n ? (n - b) * (n - b + 1) / 2 : 0);
        }
        ck_assert_int_eq(dims[len - 1], 0);

        if (n <= 8)
        {
            assert_series_agree(N, "n(n)", n, -1);
            assert_series_agree(B, "b'", n, -1);
        }
        lc_lie_clear(N);
        lc_lie_clear(B);
        gens_free(g, n);
    }
    flint_free(dims);
}
END_TEST

/* Algebras given by a spanning set (lc_lie_span) or as a derived algebra
   carry other generators than a closure: the series must not depend on it. */
START_TEST(series_of_spans_and_derived_algebras_agree)
{
    flint_rand_t st;
    slong n;
    fmpq_mat_struct * g = gens_new(2);

    flint_randinit(st);
    for (n = 3; n <= 7; n++)
    {
        lc_lie_t L, D;
        lc_lie_init(L);
        lc_lie_init(D);
        series_pair(g, n, 4, 5, st);
        closure_ok(L, g, 2);
        lc_lie_derived(D, L);
        assert_series_agree(D, "derived algebra", n, 4);
        lc_lie_clear(L);
        lc_lie_clear(D);
    }
    gens_free(g, 2);
    flint_randclear(st);
}
END_TEST

/* The series' own primes, made unlucky on purpose: with X = diag(1, 1+m, 1)
   and Y = E12 + E13, [X, Y] = -m E12 and [X, E12] = -m E12, so
   L = span{X, Y, E12}, its lower central series is [3, 1, 1] (the term
   span{E12} is stable under ad X) and its derived series [3, 1, 0].  For m
   the first prime of the series, the first step sees 0 mod p, the exact
   check refutes it, and the next prime gives the answer; for m the product
   of all the primes the series tries, the echelon method takes over. */
START_TEST(series_recover_from_unlucky_primes)
{
    slong dims[8], len, which;
    fmpz_t m;
    fmpq_mat_struct * g = gens_new(2);

    fmpz_init(m);
    for (which = 0; which < 2; which++)
    {
        lc_lie_t L;
        slong a;

        fmpz_set_ui(m, _lc_lie_series_prime(0));
        if (which == 1)
            for (a = 1; a < 8; a++)
                fmpz_mul_ui(m, m, _lc_lie_series_prime(a));
        lc_qmat_zeros(g + 0, 3, 3);
        fmpq_set_si(fmpq_mat_entry(g + 0, 0, 0), 1, 1);
        fmpz_add_ui(fmpq_mat_entry_num(g + 0, 1, 1), m, 1);
        fmpq_set_si(fmpq_mat_entry(g + 0, 2, 2), 1, 1);
        lc_qmat_zeros(g + 1, 3, 3);
        fmpq_set_si(fmpq_mat_entry(g + 1, 0, 1), 1, 1);
        fmpq_set_si(fmpq_mat_entry(g + 1, 0, 2), 1, 1);
        lc_lie_init(L);
        closure_ok(L, g, 2);
        ck_assert_int_eq(lc_lie_dim(L), 3);
        len = lc_lie_lower_central_series(dims, L);
        ck_assert_int_eq(len, 3);
        ck_assert_int_eq(dims[0], 3);
        ck_assert_int_eq(dims[1], 1);
        ck_assert_int_eq(dims[2], 1);
        len = lc_lie_derived_series(dims, L);
        ck_assert_int_eq(len, 3);
        ck_assert_int_eq(dims[0], 3);
        ck_assert_int_eq(dims[1], 1);
        ck_assert_int_eq(dims[2], 0);
        assert_series_agree(L, "unlucky", 3, -1);
        lc_lie_clear(L);
    }
    fmpz_clear(m);
    gens_free(g, 2);
}
END_TEST

static Suite *
lie_suite(void)
{
    Suite * s = suite_create("lie");
    TCase * tc;

    tc = tcase_create("bracket");
    tcase_add_test(tc, bracket_is_ab_minus_ba_by_hand);
    tcase_add_test(tc, bracket_is_antisymmetric_and_satisfies_jacobi);
    tcase_add_test(tc, bracket_rejects_mismatched_or_nonsquare);
    suite_add_tcase(s, tc);

    tc = tcase_create("closure_errors");
    tcase_add_test(tc, closure_of_nothing_is_an_argument_error);
    tcase_add_test(tc, closure_of_mixed_sizes_is_a_dimension_error);
    tcase_add_test(tc, closure_of_nonsquare_is_a_dimension_error);
    tcase_add_test(tc, closure_beyond_max_n_is_a_limit_error);
    tcase_add_test(tc, closure_at_max_n_is_allowed);
    tcase_add_test(tc, closure_max_dim_reached_is_a_limit_error);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);

    tc = tcase_create("small_algebras");
    tcase_add_test(tc, zero_algebra_is_everything_trivially);
    tcase_add_test(tc, diagonal_algebra_is_abelian);
    tcase_add_test(tc, so3_is_perfect_and_semisimple);
    tcase_add_test(tc, so4_killing_form_is_twice_trace_form);
    tcase_add_test(tc, sl2_is_semisimple_with_killing_form_of_gap_manual);
    tcase_add_test(tc, gl_killing_form_matches_formula);
    tcase_add_test(tc, gap_manual_upper_triangular_2x2_derived_series);
    tcase_add_test(tc, sage_manual_solvable_5dim_series);
    tcase_add_test(tc, se2_is_solvable_not_nilpotent);
    tcase_add_test(tc, aff2_derived_algebra_is_perfect_not_semisimple);
    tcase_add_test(tc, heisenberg_is_nilpotent_with_centre_e13);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);

    tc = tcase_create("families");
    tcase_add_test(tc, upper_triangular_series_for_n_2_to_8);
    tcase_add_test(tc, gl_n_from_two_generic_generators);
    tcase_add_test(tc, sl_n_from_two_traceless_generators_is_semisimple);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);

    tc = tcase_create("subspaces");
    tcase_add_test(tc, contains_and_equal_are_about_subspaces);
    tcase_add_test(tc, equal_distinguishes_degree);
    tcase_add_test(tc, span_accepts_closed_and_rejects_open_sets);
    tcase_add_test(tc, span_errors_are_values);
    tcase_add_test(tc, summary_string_names_the_dimension);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);

    tc = tcase_create("exactness");
    tcase_add_test(tc, huge_multiples_give_the_same_algebra);
    tcase_add_test(tc, huge_conjugates_keep_their_structure);
    tcase_add_test(tc, forced_unlucky_first_prime_is_recovered);
    tcase_add_test(tc, inputs_that_defeat_every_prime_get_exact_answers);
    tcase_add_test(tc, exact_closure_without_primes_agrees);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);

    tc = tcase_create("series_methods");
    tcase_add_test(tc, series_agree_with_echelon_method_on_random_pairs);
    tcase_add_test(tc, series_agree_with_echelon_method_on_larger_triangular_pairs);
    tcase_add_test(tc, band_filtrations_of_superdiagonal_algebras);
    tcase_add_test(tc, series_of_spans_and_derived_algebras_agree);
    tcase_add_test(tc, series_recover_from_unlucky_primes);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);

    tc = tcase_create("timed");
    tcase_add_test(tc, gl_10_and_12_close_in_reasonable_time);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);

    return s;
}

int
main(void)
{
    SRunner * sr = srunner_create(lie_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    flint_cleanup();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
