/* test_equivariant.c -- representations and exact equivariant bases against
 * truths from outside: Deep Sets (2), Maron et al. (Bell numbers), the
 * partition counts of S_n, Brauer's pairings for O(n), the Riordan numbers
 * for SO(3), the Lorentz metric, and GAP's character inner products
 * (tests/fixtures/gap_equivariant_dims.out). */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "rep.h"
#include "group.h"

/* The number of set partitions of k points into at most n blocks:
   sum_{j <= n} S(k, j), Stirling numbers of the second kind. */
static slong
partitions_at_most(slong k, slong n)
{
    slong S[16][16], i, j, s = 0;

    memset(S, 0, sizeof(S));
    S[0][0] = 1;
    for (i = 1; i <= k; i++)
        for (j = 1; j <= i; j++)
            S[i][j] = j * S[i - 1][j] + S[i - 1][j - 1];
    for (j = 0; j <= n && j <= k; j++)
        s += S[k][j];
    return s;
}

/* dim of the equivariant maps V_in -> V_out, certified through lib/check. */
static slong
eq_dim(const lc_rep_t Vin, const lc_rep_t Vout, lc_rep_method * how)
{
    fmpq_mat_struct * B;
    slong len;
    lc_rep_info_t info;
    lc_check_t chk;
    lc_err_t err;

    lc_rep_info_init(info);
    lc_check_init(chk);
    ck_assert_msg(lc_rep_equivariant_basis(&B, &len, info, Vin, Vout, err) == LC_OK, "%s", err->msg);
    ck_assert(lc_rep_certify_basis(chk, B, len, info, Vin, Vout));
    ck_assert(lc_check_verdict(NULL, NULL, chk) == LC_PROVED);
    if (how != NULL)
        *how = info->method;
    lc_rep_basis_clear(B, len);
    lc_rep_info_clear(info);
    lc_check_clear(chk);
    return len;
}

static slong
inv_dim(const lc_rep_t V, lc_rep_method * how)
{
    lc_rep_t T;
    lc_err_t err;
    slong d;

    lc_rep_init(T);
    ck_assert(lc_rep_trivial(T, V, 1, err) == LC_OK);
    d = eq_dim(T, V, how);
    lc_rep_clear(T);
    return d;
}

static void
power(lc_rep_t R, const lc_rep_t V, slong k)
{
    lc_err_t err;

    ck_assert_msg(lc_rep_power(R, V, k, err) == LC_OK, "%s", err->msg);
}

static void
std_rep(lc_rep_t V, const char * name, slong n)
{
    lc_err_t err;

    ck_assert_msg(lc_rep_std(V, name, n, err) == LC_OK, "%s", err->msg);
}

/* V plus one zero Lie generator: the same invariants, but no longer a
   permutation representation, so the modular solver runs. */
static void
force_modular(lc_rep_t W, const lc_rep_t V)
{
    fmpq_mat_struct * G, Z;
    slong i;
    lc_err_t err;

    G = flint_malloc(FLINT_MAX(V->ngroup, 1) * sizeof(fmpq_mat_struct));
    for (i = 0; i < V->ngroup; i++)
    {
        fmpq_mat_init(G + i, 0, 0);
        lc_smat_get_fmpq_mat(G + i, V->gens + i);
    }
    fmpq_mat_init(&Z, V->n, V->n);
    ck_assert(lc_rep_set_gens(W, G, V->ngroup, &Z, 1, V->n, err) == LC_OK);
    for (i = 0; i < V->ngroup; i++)
        fmpq_mat_clear(G + i);
    fmpq_mat_clear(&Z);
    flint_free(G);
}

START_TEST(deep_sets_two_maps)
{
    /* Zaheer et al. 2017: the S_n-equivariant linear maps R^n -> R^n are
       a I + b 11^T, for every n >= 2. */
    slong n;
    lc_rep_t V;
    lc_err_t err;
    lc_rep_method how;

    lc_rep_init(V);
    for (n = 2; n <= 9; n++)
    {
        ck_assert(lc_rep_perm(V, n, err) == LC_OK);
        ck_assert_int_eq(eq_dim(V, V, &how), 2);
        ck_assert(how == LC_REP_ORBITS);
    }
    ck_assert(lc_rep_perm(V, 1, err) == LC_OK);
    ck_assert_int_eq(eq_dim(V, V, NULL), 1);
    lc_rep_clear(V);
}
END_TEST

START_TEST(maron_bell_numbers)
{
    /* Maron et al. 2019: S_n on R^(n x n) -> R^(n x n) has B(4) = 15 maps
       for n >= 4; in general (R^n)^(x)k -> (R^n)^(x)l has as many as the
       partitions of k + l points into at most n blocks (Bell(k + l) when
       n >= k + l). */
    slong n, k, l;
    lc_rep_t V, A, B;
    lc_err_t err;

    lc_rep_init(V);
    lc_rep_init(A);
    lc_rep_init(B);
    for (n = 1; n <= 6; n++)
    {
        ck_assert(lc_rep_perm(V, n, err) == LC_OK);
        for (k = 0; k <= 3; k++)
            for (l = 0; l <= 3; l++)
            {
                if (k + l > 5 || (n >= 5 && k + l > 4))
                    continue;
                power(A, V, k);
                power(B, V, l);
                ck_assert_msg(eq_dim(A, B, NULL) == partitions_at_most(k + l, n),
                              "n = %ld, k = %ld, l = %ld", (long) n, (long) k, (long) l);
            }
    }
    ck_assert(lc_rep_perm(V, 5, err) == LC_OK);
    power(A, V, 2);
    ck_assert_int_eq(eq_dim(A, A, NULL), 15);
    lc_rep_clear(V);
    lc_rep_clear(A);
    lc_rep_clear(B);
}
END_TEST

START_TEST(modular_agrees_with_orbits)
{
    /* The same S_n problems through the modular solver. */
    slong n, k;
    lc_rep_t V, P, M;
    lc_err_t err;
    lc_rep_method how;

    lc_rep_init(V);
    lc_rep_init(P);
    lc_rep_init(M);
    for (n = 2; n <= 4; n++)
        for (k = 1; k <= 4; k++)
        {
            ck_assert(lc_rep_perm(V, n, err) == LC_OK);
            power(P, V, k);
            force_modular(M, P);
            ck_assert_int_eq(inv_dim(M, &how), partitions_at_most(k, n));
            ck_assert(how == LC_REP_MODULAR);
        }
    lc_rep_clear(V);
    lc_rep_clear(P);
    lc_rep_clear(M);
}
END_TEST

START_TEST(burnside_counts_orbits)
{
    /* Burnside (the character inner product <chi, 1>) against the orbits. */
    slong n, k;
    lc_rep_t V, P;
    lc_err_t err;
    fmpz_t c;

    fmpz_init(c);
    lc_rep_init(V);
    lc_rep_init(P);
    for (n = 2; n <= 5; n++)
        for (k = 1; k <= 3; k++)
        {
            ck_assert(lc_rep_perm(V, n, err) == LC_OK);
            power(P, V, k);
            ck_assert(lc_rep_burnside(c, P, 1000, err) == LC_OK);
            ck_assert(fmpz_equal_si(c, inv_dim(P, NULL)));
            ck_assert(fmpz_equal_si(c, partitions_at_most(k, n)));
        }
    lc_rep_clear(V);
    lc_rep_clear(P);
    fmpz_clear(c);
}
END_TEST

START_TEST(brauer_orthogonal)
{
    /* O(n) invariants of (R^n)^(x)2k: the (2k-1)!! pairings when n >= k
       (first and second fundamental theorems; Brauer 1937); odd powers: 0
       (-I is in O(n)).  O(1) = {+-1}: one invariant in every even power. */
    lc_rep_t V, P;
    slong n;

    lc_rep_init(V);
    lc_rep_init(P);
    for (n = 1; n <= 4; n++)
    {
        std_rep(V, "O", n);
        power(P, V, 2);
        ck_assert_int_eq(inv_dim(P, NULL), 1);
        power(P, V, 3);
        ck_assert_int_eq(inv_dim(P, NULL), 0);
        power(P, V, 4);
        ck_assert_int_eq(inv_dim(P, NULL), n >= 2 ? 3 : 1);
    }
    std_rep(V, "O", 3);
    power(P, V, 6);
    ck_assert_int_eq(inv_dim(P, NULL), 15);
    lc_rep_clear(V);
    lc_rep_clear(P);
}
END_TEST

START_TEST(so3_riordan)
{
    /* SO(3) invariants of (R^3)^(x)k: the Riordan numbers 1, 0, 1, 1, 3, 6,
       15 (OEIS A005043); k = 3 is the Levi-Civita tensor, which the
       reflection of O(3) kills. */
    static const slong riordan[] = { 1, 0, 1, 1, 3, 6, 15 };
    lc_rep_t V, P;
    slong k;

    lc_rep_init(V);
    lc_rep_init(P);
    std_rep(V, "SO", 3);
    for (k = 1; k <= 6; k++)
    {
        power(P, V, k);
        ck_assert_msg(inv_dim(P, NULL) == riordan[k], "k = %ld", (long) k);
    }
    std_rep(V, "O", 3);
    power(P, V, 3);
    ck_assert_int_eq(inv_dim(P, NULL), 0);
    lc_rep_clear(V);
    lc_rep_clear(P);
}
END_TEST

START_TEST(levi_civita_is_the_invariant)
{
    lc_rep_t V, P, T;
    fmpq_mat_struct * B;
    slong len, i, j, k;
    lc_rep_info_t info;
    lc_err_t err;

    lc_rep_init(V);
    lc_rep_init(P);
    lc_rep_init(T);
    lc_rep_info_init(info);
    std_rep(V, "SO", 3);
    power(P, V, 3);
    ck_assert(lc_rep_trivial(T, P, 1, err) == LC_OK);
    ck_assert(lc_rep_equivariant_basis(&B, &len, info, T, P, err) == LC_OK);
    ck_assert_int_eq(len, 1);
    /* proportional to epsilon_ijk */
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++)
            for (k = 0; k < 3; k++)
            {
                slong s = (i == j || j == k || i == k) ? 0
                          : ((j - i + 3) % 3 == 1 ? 1 : -1);
                fmpq * x = fmpq_mat_entry(B, 9 * i + 3 * j + k, 0);
                fmpq * y = fmpq_mat_entry(B, 5, 0);     /* (0, 1, 2) */

                ck_assert(s == 0 ? fmpq_is_zero(x) : (s == 1 ? fmpq_equal(x, y) : !fmpq_is_zero(x)));
            }
    lc_rep_basis_clear(B, len);
    lc_rep_info_clear(info);
    lc_rep_clear(V);
    lc_rep_clear(P);
    lc_rep_clear(T);
}
END_TEST

START_TEST(lorentz_metric)
{
    /* O(1,3): V -> V has only the identity (irreducible); V (x) V has one
       invariant, the metric diag(1, -1, -1, -1); V^(x)4 has the 3 pairings
       (the Levi-Civita tensor is odd under P). */
    lc_rep_t V, P, T;
    fmpq_mat_struct * B;
    slong len, i, j;
    lc_rep_info_t info;
    lc_err_t err;

    lc_rep_init(V);
    lc_rep_init(P);
    lc_rep_init(T);
    lc_rep_info_init(info);
    std_rep(V, "Lorentz", 0);
    ck_assert_int_eq(eq_dim(V, V, NULL), 1);
    power(P, V, 2);
    ck_assert(lc_rep_trivial(T, P, 1, err) == LC_OK);
    ck_assert(lc_rep_equivariant_basis(&B, &len, info, T, P, err) == LC_OK);
    ck_assert_int_eq(len, 1);
    for (i = 0; i < 4; i++)
        for (j = 0; j < 4; j++)
        {
            fmpq * x = fmpq_mat_entry(B, 4 * i + j, 0), * x00 = fmpq_mat_entry(B, 0, 0);
            fmpq_t y;

            /* a multiple of the metric */
            fmpq_init(y);
            fmpq_mul_si(y, x00, i == 0 ? 1 : -1);
            ck_assert(!fmpq_is_zero(x00));
            ck_assert(i != j ? fmpq_is_zero(x) : fmpq_equal(x, y));
            fmpq_clear(y);
        }
    lc_rep_basis_clear(B, len);
    power(P, V, 4);
    ck_assert_int_eq(inv_dim(P, NULL), 3);
    std_rep(V, "SO", 4);    /* so(4) alone: the pairings and epsilon */
    power(P, V, 4);
    ck_assert_int_eq(inv_dim(P, NULL), 4);
    lc_rep_info_clear(info);
    lc_rep_clear(V);
    lc_rep_clear(P);
    lc_rep_clear(T);
}
END_TEST

START_TEST(symplectic_form)
{
    /* Sp(2m) on V (x) V: the symplectic form only; V^(x)4: 3 pairings for
       m >= 2; V -> V: the identity. */
    lc_rep_t V, P;
    slong m;

    lc_rep_init(V);
    lc_rep_init(P);
    for (m = 1; m <= 3; m++)
    {
        std_rep(V, "Sp", 2 * m);
        ck_assert_int_eq(eq_dim(V, V, NULL), 1);
        power(P, V, 2);
        ck_assert_int_eq(inv_dim(P, NULL), 1);
        if (m == 2)
        {
            power(P, V, 4);
            ck_assert_int_eq(inv_dim(P, NULL), 3);
        }
    }
    lc_rep_clear(V);
    lc_rep_clear(P);
}
END_TEST

START_TEST(sums_and_duals)
{
    /* S_n on R^n (+) R: Hom splits into 2 + 1 + 1 + 1 = 5 blocks. */
    lc_rep_t V, T, S, D;
    lc_err_t err;

    lc_rep_init(V);
    lc_rep_init(T);
    lc_rep_init(S);
    lc_rep_init(D);
    ck_assert(lc_rep_perm(V, 5, err) == LC_OK);
    ck_assert(lc_rep_trivial(T, V, 1, err) == LC_OK);
    ck_assert(lc_rep_sum(S, V, T, err) == LC_OK);
    ck_assert_int_eq(lc_rep_dim(S), 6);
    ck_assert_int_eq(eq_dim(S, S, NULL), 5);
    /* a rep with a non-orthogonal generator: the dual needs a real inverse */
    {
        fmpq_mat_t G;
        lc_rep_t W, W2;

        fmpq_mat_init(G, 2, 2);
        lc_rep_init(W);
        lc_rep_init(W2);
        ck_assert(lc_qmat_parse(G, "[[0, -1], [1, -1]]", err) == LC_OK);   /* order 3 */
        ck_assert(lc_rep_set_gens(W, G, 1, NULL, 0, 2, err) == LC_OK);
        ck_assert(lc_rep_dual(D, W, err) == LC_OK);
        /* C3 on Q^2 (the 2-dim irreducible over Q, chi = 2, -1, -1): End
           has dimension (4 + 1 + 1)/3 = 2 (it is Q(omega)); the character
           is real, so W (x) W has as many invariants */
        ck_assert_int_eq(eq_dim(W, W, NULL), 2);
        power(W2, W, 2);
        ck_assert_int_eq(inv_dim(W2, NULL), 2);
        fmpq_mat_clear(G);
        lc_rep_clear(W);
        lc_rep_clear(W2);
    }
    /* different groups do not combine */
    ck_assert(lc_rep_perm(T, 4, err) == LC_OK);
    ck_assert(lc_rep_tensor(S, V, T, err) == LC_E_ARG);
    lc_rep_clear(V);
    lc_rep_clear(T);
    lc_rep_clear(S);
    lc_rep_clear(D);
}
END_TEST

START_TEST(span_coefficients_and_refutation)
{
    lc_rep_t V;
    fmpq_mat_struct * B;
    slong len;
    lc_rep_info_t info;
    lc_check_t chk;
    lc_err_t err;
    fmpq_mat_t W;
    fmpq c[2];
    int in;

    lc_rep_init(V);
    lc_rep_info_init(info);
    lc_check_init(chk);
    fmpq_mat_init(W, 0, 0);
    fmpq_init(c + 0);
    fmpq_init(c + 1);
    ck_assert(lc_rep_perm(V, 3, err) == LC_OK);
    ck_assert(lc_rep_equivariant_basis(&B, &len, info, V, V, err) == LC_OK);
    ck_assert_int_eq(len, 2);
    /* 2 I + 1/3 11^T */
    ck_assert(lc_qmat_parse(W, "[[7/3, 1/3, 1/3], [1/3, 7/3, 1/3], [1/3, 1/3, 7/3]]", err) == LC_OK);
    ck_assert(lc_rep_span_coeffs(&in, c, chk, W, B, len, info, V, V, err) == LC_OK);
    ck_assert(in);
    ck_assert(lc_check_verdict(NULL, NULL, chk) == LC_PROVED);
    /* a layer that is not equivariant: refuted, naming a generator */
    lc_check_reset(chk);
    ck_assert(lc_qmat_parse(W, "[[1, 2, 0], [0, 1, 0], [0, 0, 1]]", err) == LC_OK);
    ck_assert(lc_rep_span_coeffs(&in, c, chk, W, B, len, info, V, V, err) == LC_OK);
    ck_assert(!in);
    ck_assert(lc_check_verdict(NULL, NULL, chk) == LC_REFUTED);
    ck_assert(strstr(chk->recs[0].text, "group generator 1") != NULL);
    fmpq_clear(c + 0);
    fmpq_clear(c + 1);
    fmpq_mat_clear(W);
    lc_rep_basis_clear(B, len);
    lc_rep_info_clear(info);
    lc_check_clear(chk);
    lc_rep_clear(V);
}
END_TEST

/* tests/fixtures/gap_equivariant_dims.out: lines "NAME k DIM" computed by
   GAP as (1/|G|) sum_g chi(g)^k for the natural representation of a
   finite group; the same groups are built here from generators. */
static void
gap_rep(lc_rep_t V, const char * name)
{
    lc_err_t err;
    fmpq_mat_t G[2];

    fmpq_mat_init(G[0], 0, 0);
    fmpq_mat_init(G[1], 0, 0);
    if (strcmp(name, "cube_rotations") == 0)        /* the rotations of the cube (order 24, det 1) */
    {
        ck_assert(lc_qmat_parse(G[0], "[[0, 0, 1], [1, 0, 0], [0, 1, 0]]", err) == LC_OK);
        ck_assert(lc_qmat_parse(G[1], "[[0, 1, 0], [1, 0, 0], [0, 0, -1]]", err) == LC_OK);
        ck_assert(lc_rep_set_gens(V, G[0], 2, NULL, 0, 3, err) == LC_OK);
    }
    else if (strcmp(name, "D6") == 0)   /* the dihedral group of order 12 on R^2, rationally (A2 lattice) */
    {
        ck_assert(lc_qmat_parse(G[0], "[[1, -1], [1, 0]]", err) == LC_OK);
        ck_assert(lc_qmat_parse(G[1], "[[0, 1], [1, 0]]", err) == LC_OK);
        ck_assert(lc_rep_set_gens(V, G[0], 2, NULL, 0, 2, err) == LC_OK);
    }
    else if (strcmp(name, "S5") == 0)
        ck_assert(lc_rep_perm(V, 5, err) == LC_OK);
    else if (strcmp(name, "A5") == 0)   /* (1,2,3), (1,2,3,4,5) */
    {
        slong imgs[10] = { 1, 2, 0, 3, 4, 1, 2, 3, 4, 0 };
        ck_assert(lc_rep_set_perms(V, imgs, 2, 5, err) == LC_OK);
    }
    else
        ck_abort_msg("unknown group %s in the fixture", name);
    fmpq_mat_clear(G[0]);
    fmpq_mat_clear(G[1]);
}

static slong
binom(slong n, slong k)
{
    slong r = 1, i;

    for (i = 1; i <= k; i++)
        r = r * (n - k + i) / i;
    return r;
}

START_TEST(symmetric_and_exterior_powers)
{
    /* dimensions C(n+k-1, k) and C(n, k); V (x) V = Sym^2 V (+) Alt^2 V,
       so their invariants add up; SO(3): Alt^2 R^3 = R^3 (the cross
       product, one map), Alt^3 R^3 = det (one invariant, none for O(3)),
       Sym^2 R^3 = 1 + 5 (two maps to itself); S_n: two invariants in
       Sym^2 R^n, none in Alt^2 R^n. */
    lc_rep_t V, S, A, P, T;
    lc_err_t err;
    slong n, k, i;
    const char * names[] = { "O", "SO", "Sp", "Lorentz" };

    lc_rep_init(V);
    lc_rep_init(S);
    lc_rep_init(A);
    lc_rep_init(P);
    lc_rep_init(T);
    for (n = 2; n <= 5; n++)
        for (k = 1; k <= 3; k++)
        {
            ck_assert(lc_rep_perm(V, n, err) == LC_OK);
            ck_assert(lc_rep_sym(S, V, k, err) == LC_OK);
            ck_assert_int_eq(lc_rep_dim(S), binom(n + k - 1, k));
            if (k <= n)
            {
                ck_assert(lc_rep_alt(A, V, k, err) == LC_OK);
                ck_assert_int_eq(lc_rep_dim(A), binom(n, k));
            }
        }
    for (i = 0; i < 4; i++)
    {
        std_rep(V, names[i], 4);
        ck_assert(lc_rep_sym(S, V, 2, err) == LC_OK);
        ck_assert(lc_rep_alt(A, V, 2, err) == LC_OK);
        power(P, V, 2);
        ck_assert_int_eq(inv_dim(P, NULL), inv_dim(S, NULL) + inv_dim(A, NULL));
        ck_assert_int_eq(eq_dim(P, P, NULL), eq_dim(S, S, NULL) + eq_dim(A, A, NULL)
                         + 2 * eq_dim(S, A, NULL));
    }
    std_rep(V, "SO", 3);
    ck_assert(lc_rep_alt(A, V, 2, err) == LC_OK);
    ck_assert_int_eq(eq_dim(A, V, NULL), 1);
    ck_assert(lc_rep_alt(A, V, 3, err) == LC_OK);
    ck_assert_int_eq(inv_dim(A, NULL), 1);
    ck_assert(lc_rep_sym(S, V, 2, err) == LC_OK);
    ck_assert_int_eq(eq_dim(S, S, NULL), 2);
    std_rep(V, "O", 3);
    ck_assert(lc_rep_alt(A, V, 3, err) == LC_OK);
    ck_assert_int_eq(inv_dim(A, NULL), 0);
    ck_assert(lc_rep_alt(A, V, 4, err) == LC_E_ARG);
    ck_assert(lc_rep_perm(V, 5, err) == LC_OK);
    ck_assert(lc_rep_sym(S, V, 2, err) == LC_OK);
    ck_assert_int_eq(inv_dim(S, NULL), 2);
    ck_assert(lc_rep_alt(A, V, 2, err) == LC_OK);
    ck_assert_int_eq(inv_dim(A, NULL), 0);
    lc_rep_clear(V);
    lc_rep_clear(S);
    lc_rep_clear(A);
    lc_rep_clear(P);
    lc_rep_clear(T);
}
END_TEST

START_TEST(large_entries_need_several_primes)
{
    /* C4 rotating the plane, conjugated by S with entries near 2^100: its
       commutant (dimension 2, Q(i)) has entries far past one 62-bit prime,
       so the lift takes several primes (Chinese remainders), and the basis
       is still exact and certified. */
    fmpq_mat_t S, Si, G, T1, T2;
    lc_rep_t V;
    fmpq_mat_struct * B;
    slong len;
    lc_rep_info_t info;
    lc_check_t chk;
    lc_err_t err;

    fmpq_mat_init(S, 0, 0);
    fmpq_mat_init(Si, 0, 0);
    fmpq_mat_init(G, 0, 0);
    fmpq_mat_init(T1, 0, 0);
    fmpq_mat_init(T2, 0, 0);
    lc_rep_init(V);
    lc_rep_info_init(info);
    lc_check_init(chk);
    ck_assert(lc_qmat_parse(S, "[[1267650600228229401496703205653, 3], [5, 1267650600228229401496703205677]]",
                            err) == LC_OK);
    ck_assert(lc_qmat_inv(Si, S, err) == LC_OK);
    ck_assert(lc_qmat_parse(G, "[[0, -1], [1, 0]]", err) == LC_OK);
    ck_assert(lc_qmat_mul(T1, S, G, err) == LC_OK);
    ck_assert(lc_qmat_mul(T2, T1, Si, err) == LC_OK);
    ck_assert(lc_rep_set_gens(V, T2, 1, NULL, 0, 2, err) == LC_OK);
    ck_assert(lc_rep_equivariant_basis(&B, &len, info, V, V, err) == LC_OK);
    ck_assert_int_eq(len, 2);
    ck_assert(info->method == LC_REP_MODULAR);
    ck_assert_msg(info->nprimes > 1, "%ld primes", (long) info->nprimes);
    ck_assert(lc_rep_certify_basis(chk, B, len, info, V, V));
    ck_assert(lc_check_verdict(NULL, NULL, chk) == LC_PROVED);
    lc_rep_basis_clear(B, len);
    lc_rep_info_clear(info);
    lc_check_clear(chk);
    lc_rep_clear(V);
    fmpq_mat_clear(S);
    fmpq_mat_clear(Si);
    fmpq_mat_clear(G);
    fmpq_mat_clear(T1);
    fmpq_mat_clear(T2);
}
END_TEST

START_TEST(regular_representation)
{
    /* End(regular) has dimension |G| (sum of d_i^2); one invariant;
       Hom(regular, V) has dimension dim V (Frobenius reciprocity). */
    lc_group_t G;
    lc_perm_struct p[2];
    lc_rep_t R, V;
    lc_err_t err;

    lc_perm_init(p + 0, 0);
    lc_perm_init(p + 1, 0);
    ck_assert(lc_perm_set_str(p + 0, "(1,2)", err) == LC_OK);
    ck_assert(lc_perm_set_str(p + 1, "(1,2,3,4)", err) == LC_OK);
    lc_group_init(G, 0);
    ck_assert(lc_group_set_perms(G, p, 2, 4, err) == LC_OK);
    lc_rep_init(R);
    lc_rep_init(V);
    ck_assert(lc_rep_regular(R, G, 100, err) == LC_OK);
    ck_assert_int_eq(lc_rep_dim(R), 24);
    ck_assert_int_eq(eq_dim(R, R, NULL), 24);
    ck_assert_int_eq(inv_dim(R, NULL), 1);
    {
        slong imgs[8];
        slong j;

        for (j = 0; j < 4; j++)
        {
            imgs[j] = lc_perm_image(p + 0, j);
            imgs[4 + j] = lc_perm_image(p + 1, j);
        }
        ck_assert(lc_rep_set_perms(V, imgs, 2, 4, err) == LC_OK);
    }
    ck_assert_int_eq(eq_dim(R, V, NULL), 4);
    ck_assert_int_eq(eq_dim(V, R, NULL), 4);
    ck_assert(lc_rep_regular(R, G, 10, err) == LC_E_LIMIT);
    lc_rep_clear(R);
    lc_rep_clear(V);
    lc_group_clear(G);
    lc_perm_clear(p + 0);
    lc_perm_clear(p + 1);
}
END_TEST

START_TEST(characters_agree_with_solver)
{
    /* (1/|G|) sum chi_in chi_out over the enumerated matrix group against
       the modular solver, for the finite groups of the GAP fixture. */
    static const char * names[] = { "cube_rotations", "D6", "S5", "A5" };
    lc_rep_t V, A, B;
    lc_err_t err;
    fmpz_t c;
    slong g, k, l;

    fmpz_init(c);
    lc_rep_init(V);
    lc_rep_init(A);
    lc_rep_init(B);
    for (g = 0; g < 4; g++)
    {
        gap_rep(V, names[g]);
        for (k = 0; k <= 2; k++)
            for (l = 0; l <= 2; l++)
            {
                if (V->n > 3 && k + l > 3)
                    continue;
                power(A, V, k);
                power(B, V, l);
                ck_assert_msg(lc_rep_character_dim(c, A, B, 1000, err) == LC_OK, "%s", err->msg);
                ck_assert_msg(fmpz_equal_si(c, eq_dim(A, B, NULL)), "%s k = %ld l = %ld", names[g],
                              (long) k, (long) l);
            }
    }
    /* Lie generators have no finite character sum */
    std_rep(V, "SO", 3);
    ck_assert(lc_rep_character_dim(c, V, V, 1000, err) == LC_E_ARG);
    lc_rep_clear(V);
    lc_rep_clear(A);
    lc_rep_clear(B);
    fmpz_clear(c);
}
END_TEST

START_TEST(gap_character_inner_products)
{
    const char * top = getenv("top_srcdir");
    char path[4096], name[64];
    FILE * f;
    long k, d;
    slong lines = 0;
    lc_rep_t V, P;

    snprintf(path, sizeof(path), "%s/tests/fixtures/gap_equivariant_dims.out", top ? top : ".");
    f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    lc_rep_init(V);
    lc_rep_init(P);
    while (fscanf(f, "%63s %ld %ld", name, &k, &d) == 3)
    {
        gap_rep(V, name);
        power(P, V, k);
        ck_assert_msg(inv_dim(P, NULL) == d, "%s, k = %ld: want %ld", name, k, d);
        lines++;
    }
    fclose(f);
    ck_assert(lines >= 10);
    lc_rep_clear(V);
    lc_rep_clear(P);
}
END_TEST

int
main(void)
{
    Suite * s = suite_create("equivariant");
    TCase * tc = tcase_create("core");
    SRunner * sr;
    int nf;

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, deep_sets_two_maps);
    tcase_add_test(tc, maron_bell_numbers);
    tcase_add_test(tc, modular_agrees_with_orbits);
    tcase_add_test(tc, burnside_counts_orbits);
    tcase_add_test(tc, brauer_orthogonal);
    tcase_add_test(tc, so3_riordan);
    tcase_add_test(tc, levi_civita_is_the_invariant);
    tcase_add_test(tc, lorentz_metric);
    tcase_add_test(tc, symplectic_form);
    tcase_add_test(tc, sums_and_duals);
    tcase_add_test(tc, span_coefficients_and_refutation);
    tcase_add_test(tc, gap_character_inner_products);
    tcase_add_test(tc, characters_agree_with_solver);
    tcase_add_test(tc, symmetric_and_exterior_powers);
    tcase_add_test(tc, regular_representation);
    tcase_add_test(tc, large_entries_need_several_primes);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    nf = srunner_ntests_failed(sr);
    srunner_free(sr);
    return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
