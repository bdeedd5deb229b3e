/* test_magma.c -- the axiom checker, homomorphisms and actions against
 * groups and non-groups whose properties are known from mathematics. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "qmat.h"
#include "magma.h"

/* S3 as permutations of {0, 1, 2}: e, (01), (12), (02), (012), (021). */
static const slong s3[18] = {0, 1, 2, 1, 0, 2, 0, 2, 1, 2, 1, 0, 1, 2, 0, 2, 0, 1};

static void
mk_s3(lc_magma_t M)
{
    lc_err_t err;
    ck_assert_int_eq(lc_magma_set_perms(M, s3, 6, 3, err), LC_OK);
}

static void
mk_table(lc_magma_t M, const char * s)
{
    fmpq_mat_t T;
    lc_err_t err;

    fmpq_mat_init(T, 0, 0);
    ck_assert_msg(lc_qmat_parse(T, s, err) == LC_OK, "parse %s: %s", s, err->msg);
    ck_assert_int_eq(lc_magma_set_fmpq_mat(M, T, err), LC_OK);
    fmpq_mat_clear(T);
}

START_TEST(cyclic_groups_satisfy_every_axiom)
{
    lc_magma_t M;
    lc_magma_axioms_t A;
    lc_err_t err;
    slong n;

    lc_magma_init(M);
    lc_magma_axioms_init(A);
    for (n = 1; n <= 12; n++)
    {
        ck_assert_int_eq(lc_magma_set_mod(M, n, '+', err), LC_OK);
        lc_magma_axioms(A, M);
        ck_assert(A->closed && A->associative && A->commutative && A->inverses && A->group);
        ck_assert_int_eq(A->identity, 0);
        ck_assert_int_eq(lc_magma_inverse(M, 0, 1 % n), (n - 1) % n);
    }
    lc_magma_axioms_clear(A);
    lc_magma_clear(M);
}
END_TEST

START_TEST(s3_and_klein_four_are_groups_s3_not_abelian)
{
    lc_magma_t M;
    lc_magma_axioms_t A;
    slong w[2];

    lc_magma_init(M);
    lc_magma_axioms_init(A);
    mk_s3(M);
    lc_magma_axioms(A, M);
    ck_assert(A->group);
    ck_assert_int_eq(A->identity, 0);
    ck_assert(!lc_magma_is_commutative(w, M));
    ck_assert(lc_magma_op(M, w[0], w[1]) != lc_magma_op(M, w[1], w[0]));
    /* (01)(12) = (012) maps 0 -> 1 -> ...: composite of rows 1 and 2 */
    ck_assert_int_eq(lc_magma_op(M, 1, 2), 4);
    mk_table(M, "[[1, 2, 3, 4], [2, 1, 4, 3], [3, 4, 1, 2], [4, 3, 2, 1]]");
    lc_magma_axioms(A, M);
    ck_assert(A->group && A->commutative);
    ck_assert_int_eq(lc_magma_inverse(M, 0, 2), 2);   /* every element is its own inverse */
    lc_magma_axioms_clear(A);
    lc_magma_clear(M);
}
END_TEST

START_TEST(subtraction_mod_n_is_not_associative_with_witness)
{
    lc_magma_t M;
    lc_magma_axioms_t A;
    lc_err_t err;
    char * s;
    slong a, b, c;

    lc_magma_init(M);
    lc_magma_axioms_init(A);
    ck_assert_int_eq(lc_magma_set_mod(M, 3, '-', err), LC_OK);
    lc_magma_axioms(A, M);
    ck_assert(A->closed && !A->associative && !A->group);
    a = A->as[0], b = A->as[1], c = A->as[2];
    ck_assert(lc_magma_op(M, lc_magma_op(M, a, b), c) != lc_magma_op(M, a, lc_magma_op(M, b, c)));
    /* the first failing triple in lexicographic order: (0-0)-1 = 2, 0-(0-1) = 1 */
    ck_assert(a == 0 && b == 0 && c == 1);
    /* a - b has no two-sided identity: 0 is only a right identity */
    ck_assert_int_eq(A->identity, -1);
    s = lc_magma_axioms_get_str(A, M);
    ck_assert_msg(strstr(s, "(1*1)*2 = 3 but 1*(1*2) = 2") != NULL, "%s", s);
    ck_assert_msg(strstr(s, "identity: NONE") != NULL, "%s", s);
    flint_free(s);
    lc_magma_axioms_clear(A);
    lc_magma_clear(M);
}
END_TEST

START_TEST(multiplication_mod_n_has_no_inverse_of_zero)
{
    lc_magma_t M;
    lc_magma_axioms_t A;
    lc_err_t err;

    lc_magma_init(M);
    lc_magma_axioms_init(A);
    ck_assert_int_eq(lc_magma_set_mod(M, 5, '*', err), LC_OK);
    lc_magma_axioms(A, M);
    ck_assert(A->closed && A->associative && A->commutative);
    ck_assert_int_eq(A->identity, 1);
    ck_assert(!A->inverses && !A->group);
    ck_assert_int_eq(A->noinv, 0);
    lc_magma_axioms_clear(A);
    lc_magma_clear(M);
}
END_TEST

START_TEST(tables_without_identity_or_closure_are_caught)
{
    lc_magma_t M;
    lc_magma_axioms_t A;
    char * s;
    slong e;

    lc_magma_init(M);
    lc_magma_axioms_init(A);
    /* left-zero band a*b = a: associative, no identity (n >= 2) */
    mk_table(M, "[[1, 1, 1], [2, 2, 2], [3, 3, 3]]");
    lc_magma_axioms(A, M);
    ck_assert(A->closed && A->associative);
    ck_assert_int_eq(A->identity, -1);
    for (e = 0; e < 3; e++)
    {
        slong x = A->idw[e];
        ck_assert(lc_magma_op(M, e, x) != x || lc_magma_op(M, x, e) != x);
    }
    ck_assert_int_eq(lc_magma_left_absorbing(A->idw, M), 3);
    /* an entry 3 in a table of order 2 */
    mk_table(M, "[[1, 3], [2, 1]]");
    lc_magma_axioms(A, M);
    ck_assert(!A->closed && !A->group);
    ck_assert(A->cl[0] == 0 && A->cl[1] == 1 && A->cl[2] == 2);
    s = lc_magma_axioms_get_str(A, M);
    ck_assert_msg(strstr(s, "1*2 = 3 is not in 1..2") != NULL, "%s", s);
    flint_free(s);
    lc_magma_axioms_clear(A);
    lc_magma_clear(M);
}
END_TEST

START_TEST(matrix_sets_give_tables_or_the_product_outside)
{
    fmpq_mat_struct g[3], * E;
    lc_magma_t M;
    lc_err_t err;
    slong k, i;

    for (i = 0; i < 3; i++)
        fmpq_mat_init(g + i, 0, 0);
    lc_magma_init(M);
    /* the rotation by 90 degrees generates C4 */
    lc_qmat_parse(g + 0, "[[0, -1], [1, 0]]", err);
    lc_qmat_parse(g + 1, "[[1, 0], [0, -1]]", err);
    ck_assert_int_eq(lc_magma_generate_mats(&E, &k, g, 1, 0, 100, err), LC_OK);
    ck_assert_int_eq(k, 4);
    ck_assert_int_eq(lc_magma_set_mats(M, E, k, 0, err), LC_OK);
    ck_assert(lc_magma_is_group(M) && lc_magma_is_commutative(NULL, M));
    for (i = 0; i < k; i++)
        fmpq_mat_clear(E + i);
    flint_free(E);
    /* with the reflection: the dihedral group of order 8, not abelian */
    ck_assert_int_eq(lc_magma_generate_mats(&E, &k, g, 2, 0, 100, err), LC_OK);
    ck_assert_int_eq(k, 8);
    ck_assert_int_eq(lc_magma_set_mats(M, E, k, 0, err), LC_OK);
    ck_assert(lc_magma_is_group(M) && !lc_magma_is_commutative(NULL, M));
    for (i = 0; i < k; i++)
        fmpq_mat_clear(E + i);
    flint_free(E);
    /* GL(2, Z_3) has (9 - 1)(9 - 3) = 48 elements */
    lc_qmat_parse(g + 0, "[[1, 1], [0, 1]]", err);
    lc_qmat_parse(g + 1, "[[2, 0], [0, 1]]", err);
    lc_qmat_parse(g + 2, "[[0, 1], [1, 0]]", err);
    ck_assert_int_eq(lc_magma_generate_mats(&E, &k, g, 3, 3, 100, err), LC_OK);
    ck_assert_int_eq(k, 48);
    ck_assert_int_eq(lc_magma_set_mats(M, E, k, 3, err), LC_OK);
    ck_assert(lc_magma_is_group(M));
    for (i = 0; i < k; i++)
        fmpq_mat_clear(E + i);
    flint_free(E);
    /* an element of infinite order: the limit is reported */
    lc_qmat_parse(g + 0, "[[1, 1], [0, 1]]", err);
    ck_assert_int_eq(lc_magma_generate_mats(&E, &k, g, 1, 0, 50, err), LC_E_LIMIT);
    /* {I, 2I} is not closed: 2I * 2I = 4I */
    lc_qmat_parse(g + 0, "[[1, 0], [0, 1]]", err);
    lc_qmat_parse(g + 1, "[[2, 0], [0, 2]]", err);
    ck_assert_int_eq(lc_magma_set_mats(M, g, 2, 0, err), LC_E_DOMAIN);
    ck_assert_msg(strstr(err->msg, "elements 2 and 2, [[4, 0], [0, 4]]") != NULL, "%s", err->msg);
    ck_assert(!lc_magma_is_closed(M));
    /* equal elements are refused */
    ck_assert_int_eq(lc_magma_set_mats(M, g, 1, 0, err), LC_OK);
    lc_qmat_parse(g + 1, "[[1, 0], [0, 1]]", err);
    ck_assert_int_eq(lc_magma_set_mats(M, g, 2, 0, err), LC_E_ARG);
    for (i = 0; i < 3; i++)
        fmpq_mat_clear(g + i);
    lc_magma_clear(M);
}
END_TEST

START_TEST(sign_is_a_homomorphism_and_a_non_homomorphism_is_caught)
{
    lc_magma_t G, H;
    lc_err_t err;
    const slong sgn[6] = {0, 1, 1, 1, 0, 0}, bad[6] = {0, 1, 0, 0, 0, 0};
    slong w[2], out[6];

    lc_magma_init(G);
    lc_magma_init(H);
    mk_s3(G);
    lc_magma_set_mod(H, 2, '+', err);
    ck_assert(lc_magma_is_hom(w, G, H, sgn));
    ck_assert_int_eq(lc_magma_kernel(out, G, H, sgn), 3);   /* A3 */
    ck_assert(out[0] == 0 && out[1] == 4 && out[2] == 5);
    ck_assert_int_eq(lc_magma_image(out, 6, 2, sgn), 2);
    ck_assert(!lc_magma_is_hom(w, G, H, bad));
    ck_assert(bad[lc_magma_op(G, w[0], w[1])] != lc_magma_op(H, bad[w[0]], bad[w[1]]));
    lc_magma_clear(G);
    lc_magma_clear(H);
}
END_TEST

START_TEST(only_the_zero_map_goes_from_a_finite_group_to_the_reals)
{
    lc_magma_t M;
    lc_err_t err;
    slong d;

    lc_magma_init(M);
    mk_s3(M);
    ck_assert_int_eq(lc_magma_additive_dim(&d, M, err), LC_OK);
    ck_assert_int_eq(d, 0);
    lc_magma_set_mod(M, 2, '+', err);
    ck_assert_int_eq(lc_magma_additive_dim(&d, M, err), LC_OK);
    ck_assert_int_eq(d, 0);
    /* the trivial group: F(e) = F(e*e) = 2 F(e) forces F = 0 as well */
    mk_table(M, "[[1]]");
    ck_assert_int_eq(lc_magma_additive_dim(&d, M, err), LC_OK);
    ck_assert_int_eq(d, 0);
    lc_magma_clear(M);
}
END_TEST

START_TEST(groups_of_order_two_and_three_are_enumerated)
{
    lc_magma_struct * G;
    lc_err_t err;
    slong k, i;

    ck_assert_int_eq(lc_magma_all_groups(&G, &k, 2, err), LC_OK);
    ck_assert_int_eq(k, 2);   /* C2 with identity 1, or with identity 2 */
    ck_assert(lc_magma_identity(G + 0) != lc_magma_identity(G + 1));
    for (i = 0; i < k; i++)
        lc_magma_clear(G + i);
    flint_free(G);
    ck_assert_int_eq(lc_magma_all_groups(&G, &k, 3, err), LC_OK);
    ck_assert_int_eq(k, 3);   /* 3! labellings / |Aut(C3)| = 3 */
    for (i = 0; i < k; i++)
        lc_magma_clear(G + i);
    flint_free(G);
    ck_assert_int_eq(lc_magma_all_groups(&G, &k, 4, err), LC_E_LIMIT);
}
END_TEST

START_TEST(s3_on_three_points_one_orbit_stabilizers_of_order_two)
{
    lc_magma_t G;
    slong w[3], st[6], k, d;
    char * why;

    lc_magma_init(G);
    mk_s3(G);
    ck_assert_int_eq(lc_magma_action_check(w, G, s3, 3, 1), LC_MAGMA_ACTION);
    ck_assert_int_eq(lc_magma_orbit(st, s3, 6, 3, 0), 3);
    for (d = 0; d < 3; d++)
    {
        k = lc_magma_stabilizer(st, s3, 6, 3, d);
        ck_assert_int_eq(k, 2);
    }
    ck_assert_int_eq(lc_magma_fixed_points(st, s3, 6, 3), 0);
    ck_assert(lc_magma_orbits_partition(&why, s3, 6, 3));
    ck_assert_msg(strstr(why, "{1, 2, 3}") != NULL, "%s", why);
    flint_free(why);
    ck_assert(lc_magma_orbit_stabilizer(&why, s3, 6, 3));
    flint_free(why);
    lc_magma_clear(G);
}
END_TEST

START_TEST(non_actions_are_caught_with_witness)
{
    lc_magma_t G;
    lc_err_t err;
    slong w[3], phi[12], g, d;
    char * why;

    lc_magma_init(G);
    lc_magma_set_mod(G, 4, '+', err);
    /* constant map: compatible, but the identity moves points */
    for (g = 0; g < 4; g++)
        for (d = 0; d < 3; d++)
            phi[g * 3 + d] = 0;
    ck_assert_int_eq(lc_magma_action_check(w, G, phi, 3, 0), LC_MAGMA_ACTION);
    ck_assert_int_eq(lc_magma_action_check(w, G, phi, 3, 1), LC_MAGMA_ACT_IDENTITY);
    ck_assert(w[0] == 0 && w[1] == 1);
    ck_assert(!lc_magma_orbits_partition(&why, phi, 4, 3));
    ck_assert_msg(strstr(why, "2 is not in its own orbit") != NULL, "%s", why);
    flint_free(why);
    /* Z4 on 2 points, swapping when g is odd: an action.  Swapping only
       for g = 1 is not: 1 + 1 = 2 fixes the points, but 1 after 1 swaps
       twice, which also fixes them; 1 + 2 = 3 fixes them while 1 after 2
       swaps once. */
    for (g = 0; g < 4; g++)
        for (d = 0; d < 2; d++)
            phi[g * 2 + d] = (g % 2) ? 1 - d : d;
    ck_assert_int_eq(lc_magma_action_check(w, G, phi, 2, 1), LC_MAGMA_ACTION);
    for (g = 0; g < 4; g++)
        for (d = 0; d < 2; d++)
            phi[g * 2 + d] = (g == 1) ? 1 - d : d;
    ck_assert_int_eq(lc_magma_action_check(w, G, phi, 2, 1), LC_MAGMA_ACT_COMPAT);
    ck_assert(phi[lc_magma_op(G, w[0], w[1]) * 2 + w[2]] != phi[w[0] * 2 + phi[w[1] * 2 + w[2]]]);
    phi[0] = 5;
    ck_assert_int_eq(lc_magma_action_check(w, G, phi, 2, 1), LC_MAGMA_ACT_RANGE);
    lc_magma_clear(G);
}
END_TEST

START_TEST(orbit_stabilizer_and_orbits_of_an_intransitive_action)
{
    /* C2 = {e, s} on 4 points, s swapping 1 and 2: orbits {1,2}, {3}, {4} */
    const slong phi[8] = {0, 1, 2, 3, 1, 0, 2, 3};
    const slong psi_num[4] = {7, 7, -1, 4};
    fmpq psi[4], inter[2], intra[2], L[2];
    slong fx[4], i, w[2];
    lc_err_t err;
    char * why;

    ck_assert(lc_magma_orbits_partition(&why, phi, 2, 4));
    ck_assert_msg(strstr(why, "{1, 2}, {3}, {4}") != NULL, "%s", why);
    flint_free(why);
    ck_assert(lc_magma_orbit_stabilizer(NULL, phi, 2, 4));
    ck_assert_int_eq(lc_magma_fixed_points(fx, phi, 2, 4), 2);
    for (i = 0; i < 4; i++)
        fmpq_init(psi + i), fmpq_set_si(psi + i, psi_num[i], 1);
    for (i = 0; i < 2; i++)
        fmpq_init(inter + i), fmpq_init(intra + i), fmpq_init(L + i);
    ck_assert(lc_magma_is_invariant(w, phi, 2, 4, psi));
    lc_magma_invariant_loss(L, phi, 2, 4, psi);
    ck_assert(fmpq_is_zero(L + 0) && fmpq_is_zero(L + 1));
    ck_assert_int_eq(lc_magma_orbit_variances(inter, intra, phi, 2, 4, psi, err), LC_OK);
    /* values 7, 7, -1, 4: mean 17/4; inter = (2 (11/4)^2 + (21/4)^2 + (1/4)^2) / 4 */
    for (i = 0; i < 2; i++)
    {
        fmpq_t want;
        fmpq_init(want);
        fmpq_set_si(want, 2 * 121 + 441 + 1, 64);
        ck_assert(fmpq_is_zero(intra + i));
        ck_assert(fmpq_equal(inter + i, want));
        fmpq_clear(want);
    }
    fmpq_set_si(psi + 1, 0, 1);   /* no longer invariant: s maps 1 to 2 */
    ck_assert(!lc_magma_is_invariant(w, phi, 2, 4, psi));
    ck_assert(w[0] == 1 && w[1] == 0);
    for (i = 0; i < 4; i++)
        fmpq_clear(psi + i);
    for (i = 0; i < 2; i++)
        fmpq_clear(inter + i), fmpq_clear(intra + i), fmpq_clear(L + i);
}
END_TEST

START_TEST(normalizers_in_s3_are_subgroups)
{
    lc_magma_t G;
    lc_err_t err;
    slong S[3], N[6], nn, c[6], nc, mask, ns, i;
    char * why;

    lc_magma_init(G);
    mk_s3(G);
    /* N({e, (01)}) = {e, (01)}: a transposition subgroup is self-normalizing */
    S[0] = 0, S[1] = 1;
    ck_assert_int_eq(lc_magma_normalizer(N, &nn, G, S, 2, err), LC_OK);
    ck_assert(nn == 2 && N[0] == 0 && N[1] == 1);
    /* A3 is normal: N(A3) = S3 */
    S[0] = 0, S[1] = 4, S[2] = 5;
    ck_assert_int_eq(lc_magma_normalizer(N, &nn, G, S, 3, err), LC_OK);
    ck_assert_int_eq(nn, 6);
    /* (012) {e, (01)} (012)^-1 = {e, (12)}: conjugation moves the subgroup */
    S[0] = 0, S[1] = 1;
    ck_assert_int_eq(lc_magma_conj_set(c, &nc, G, 4, S, 2, err), LC_OK);
    ck_assert(nc == 2 && c[0] == 0 && c[1] != 1);
    for (mask = 0; mask < 64; mask++)
    {
        slong sub[6];
        for (ns = 0, i = 0; i < 6; i++)
            if (mask >> i & 1)
                sub[ns++] = i;
        ck_assert_int_eq(lc_magma_normalizer(N, &nn, G, sub, ns, err), LC_OK);
        ck_assert(lc_magma_is_subgroup(NULL, G, N, nn));
    }
    S[0] = 1, S[1] = 2;
    ck_assert(!lc_magma_is_subgroup(&why, G, S, 2));
    ck_assert_msg(strstr(why, "identity") != NULL, "%s", why);
    flint_free(why);
    mk_table(G, "[[1, 1], [2, 2]]");
    ck_assert_int_eq(lc_magma_normalizer(N, &nn, G, S, 1, err), LC_E_DOMAIN);
    lc_magma_clear(G);
}
END_TEST

START_TEST(subgroups_of_z6_and_s3_with_witnesses)
{
    lc_magma_t G;
    lc_err_t err;
    slong S[3];
    char * why;

    lc_magma_init(G);
    ck_assert_int_eq(lc_magma_set_mod(G, 6, '+', err), LC_OK);
    /* {0, 2, 4} = 2Z/6Z, shown 1-based as {1, 3, 5} */
    S[0] = 0, S[1] = 2, S[2] = 4;
    ck_assert(lc_magma_is_subgroup(&why, G, S, 3));
    ck_assert_str_eq(why, "{1, 3, 5} is a subgroup of order 3: contains the identity 1, closed "
                     "under the operation and under inverses");
    flint_free(why);
    /* {0, 1}: 1 + 1 = 2 is outside; 1-based, 2*2 = 3 */
    S[0] = 0, S[1] = 1;
    ck_assert(!lc_magma_is_subgroup(&why, G, S, 2));
    ck_assert_str_eq(why, "2*2 = 3 is not in the subset");
    flint_free(why);
    /* in S3, {e, (01), (12)}: (01)(12) = (012), element 4, shown as 5 */
    mk_s3(G);
    S[0] = 0, S[1] = 1, S[2] = 2;
    ck_assert(!lc_magma_is_subgroup(&why, G, S, 3));
    ck_assert_str_eq(why, "2*3 = 5 is not in the subset");
    flint_free(why);
    S[0] = 0, S[1] = 1;
    ck_assert(lc_magma_is_subgroup(NULL, G, S, 2));
    lc_magma_clear(G);
}
END_TEST

START_TEST(every_normalizer_is_a_subgroup_exhaustively)
{
    lc_magma_t G;
    lc_err_t err;
    char * cert;
    int holds;

    /* Lemma 6: N(S) is a subgroup for every subset S, so for a group the
       check holds; the certificate counts the 2^n subsets examined */
    lc_magma_init(G);
    mk_s3(G);
    ck_assert_int_eq(lc_magma_normalizers_are_subgroups(&holds, &cert, G, err), LC_OK);
    ck_assert(holds);
    ck_assert_str_eq(cert, "for all 64 subsets S of the 6 elements, N(S) is a subgroup");
    flint_free(cert);
    ck_assert_int_eq(lc_magma_set_mod(G, 12, '+', err), LC_OK);
    ck_assert_int_eq(lc_magma_normalizers_are_subgroups(&holds, &cert, G, err), LC_OK);
    ck_assert(holds);
    ck_assert_str_eq(cert, "for all 4096 subsets S of the 12 elements, N(S) is a subgroup");
    flint_free(cert);
    /* not a group: subtraction mod 4 is not associative */
    ck_assert_int_eq(lc_magma_set_mod(G, 4, '-', err), LC_OK);
    ck_assert_int_eq(lc_magma_normalizers_are_subgroups(&holds, &cert, G, err), LC_E_DOMAIN);
    ck_assert(!holds && cert == NULL);
    /* 2^13 subsets: beyond the limit */
    ck_assert_int_eq(lc_magma_set_mod(G, 13, '+', err), LC_OK);
    ck_assert_int_eq(lc_magma_normalizers_are_subgroups(&holds, &cert, G, err), LC_E_LIMIT);
    ck_assert(!holds && cert == NULL);
    lc_magma_clear(G);
}
END_TEST

int
main(void)
{
    Suite * s = suite_create("magma");
    TCase * tc = tcase_create("tables");
    SRunner * sr;
    int failed;

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, cyclic_groups_satisfy_every_axiom);
    tcase_add_test(tc, s3_and_klein_four_are_groups_s3_not_abelian);
    tcase_add_test(tc, subtraction_mod_n_is_not_associative_with_witness);
    tcase_add_test(tc, multiplication_mod_n_has_no_inverse_of_zero);
    tcase_add_test(tc, tables_without_identity_or_closure_are_caught);
    tcase_add_test(tc, matrix_sets_give_tables_or_the_product_outside);
    tcase_add_test(tc, sign_is_a_homomorphism_and_a_non_homomorphism_is_caught);
    tcase_add_test(tc, only_the_zero_map_goes_from_a_finite_group_to_the_reals);
    tcase_add_test(tc, groups_of_order_two_and_three_are_enumerated);
    tcase_add_test(tc, s3_on_three_points_one_orbit_stabilizers_of_order_two);
    tcase_add_test(tc, non_actions_are_caught_with_witness);
    tcase_add_test(tc, orbit_stabilizer_and_orbits_of_an_intransitive_action);
    tcase_add_test(tc, normalizers_in_s3_are_subgroups);
    tcase_add_test(tc, subgroups_of_z6_and_s3_with_witnesses);
    tcase_add_test(tc, every_normalizer_is_a_subgroup_exhaustively);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
