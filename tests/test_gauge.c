/* test_gauge.c -- gauge elements, the action on the weights, the layer-norm
 * fold, eq. (17) and the flat directions, against hand-derived facts. */
#include <stdlib.h>
#include <check.h>
#include "qmat.h"
#include "gauge.h"

/* M := a random model of the given shape (seeded), with strict layer norms
   when strict is set. */
static void
model(lc_tmodel_t M, slong d_e, slong n_h, slong d_h, slong d_f, slong n_t, int norm_first,
      int act, int strict, flint_rand_t st)
{
    lc_err_t err;
    slong l, i;

    ck_assert_int_eq(lc_tmodel_alloc(M, d_e, n_h, d_h, d_f, n_t, err), LC_OK);
    lc_tmodel_randomize(M, st);
    M->norm_first = norm_first;
    M->activation = act;
    for (l = 0; l < n_t && strict; l++)
        for (i = 0; i < d_e; i++)
        {
            fmpq_one(fmpq_mat_entry(M->layers[l].ln1_w, i, 0));
            fmpq_one(fmpq_mat_entry(M->layers[l].ln2_w, i, 0));
            fmpq_zero(fmpq_mat_entry(M->layers[l].ln1_b, i, 0));
            fmpq_zero(fmpq_mat_entry(M->layers[l].ln2_b, i, 0));
        }
}

/* The invariance check at prec bits: returns refuted, bound in b. */
static int
invariance(mag_t b, const lc_tmodel_t M, const lc_gauge_t G, slong n_c, int causal, slong prec,
           flint_rand_t st)
{
    fmpq_mat_t E;
    lc_err_t err;
    int refuted;

    fmpq_mat_init(E, M->d_e, n_c);
    lc_qmat_rand(E, M->d_e, n_c, st, 5);
    ck_assert_int_eq(lc_gauge_invariance(b, &refuted, NULL, NULL, M, G, E, causal, prec, err),
                     LC_OK);
    fmpq_mat_clear(E);
    return refuted;
}

START_TEST(redundancy_matches_hand_computed_values)
{
    fmpz_t r;

    fmpz_init(r);
    /* 2*1*2*2^2 + 3*2/2 = 16 + 3 */
    lc_gauge_redundancy(r, 4, 2, 2, 1);
    ck_assert(fmpz_equal_si(r, 19));
    /* GPT-2 small: 2*12*12*64^2 = 1179648, 767*766/2 = 293761 */
    lc_gauge_redundancy(r, 768, 12, 64, 12);
    ck_assert(fmpz_equal_si(r, 1473409));
    /* LLaMA-7B: 2*32*32*128^2 = 33554432, 4095*4094/2 = 8382465 */
    lc_gauge_redundancy(r, 4096, 32, 128, 32);
    ck_assert(fmpz_equal_si(r, 41936897));
    /* d_e = 1, 2: SO(0), SO(1) are trivial */
    lc_gauge_redundancy(r, 1, 1, 1, 1);
    ck_assert(fmpz_equal_si(r, 2));
    lc_gauge_redundancy(r, 2, 1, 3, 2);
    ck_assert(fmpz_equal_si(r, 36));
    fmpz_clear(r);
}
END_TEST

START_TEST(frame_elements_are_exactly_orthogonal_fix_ones_and_have_det_one)
{
    flint_rand_t st;
    fmpq_mat_t g, I;
    fmpq_t d;
    lc_err_t err;
    slong n, k;

    flint_randinit(st);
    lc_rand_seed(st, 11);
    fmpq_mat_init(g, 0, 0);
    fmpq_init(d);
    for (n = 1; n <= 7; n++)
    {
        slong moved = 0;

        for (k = 0; k < 4; k++)
        {
            lc_gauge_rand_so_fix1(g, n, st, 3);
            ck_assert(lc_gauge_is_orthogonal(g));
            ck_assert(lc_gauge_fixes_ones(g));
            ck_assert_int_eq(lc_qmat_det(d, g, err), LC_OK);
            ck_assert(fmpq_is_one(d));
            fmpq_mat_init(I, n, n);
            fmpq_mat_one(I);
            moved += !fmpq_mat_equal(g, I);
            fmpq_mat_clear(I);
        }
        /* SO(n - 1) is trivial for n <= 2; otherwise S0 = 0 has probability
           7^-((n-1)(n-2)/2) per draw */
        ck_assert(n <= 2 ? moved == 0 : moved > 0);
    }
    /* A generic Cayley rotation does not fix 1. */
    lc_qmat_rand_orthogonal(g, 5, st, 3);
    ck_assert(lc_gauge_is_orthogonal(g));
    ck_assert(!lc_gauge_fixes_ones(g));
    fmpq_mat_clear(g);
    fmpq_clear(d);
    flint_randclear(st);
}
END_TEST

START_TEST(head_elements_are_invertible_with_the_determinant_of_their_diagonal)
{
    flint_rand_t st;
    fmpq_mat_t h;
    fmpq_t d;
    lc_err_t err;
    slong k;

    flint_randinit(st);
    lc_rand_seed(st, 12);
    fmpq_mat_init(h, 0, 0);
    fmpq_init(d);
    for (k = 0; k < 20; k++)
    {
        lc_gauge_rand_gl(h, 1 + k % 5, st);
        ck_assert_int_eq(lc_qmat_det(d, h, err), LC_OK);
        /* det = product of entries of {+-1, +-2, +-1/2}: |det| a power of 2 */
        fmpq_abs(d, d);
        ck_assert(!fmpq_is_zero(d));
        ck_assert((slong) fmpz_val2(fmpq_numref(d)) + 1 == (slong) fmpz_bits(fmpq_numref(d)));
        ck_assert((slong) fmpz_val2(fmpq_denref(d)) + 1 == (slong) fmpz_bits(fmpq_denref(d)));
    }
    fmpq_mat_clear(h);
    fmpq_clear(d);
    flint_randclear(st);
}
END_TEST

START_TEST(identity_gauge_leaves_the_weights_unchanged)
{
    flint_rand_t st;
    lc_tmodel_t M, N;
    lc_gauge_t G;
    lc_err_t err;
    fmpq_mat_t v, w;

    flint_randinit(st);
    lc_rand_seed(st, 13);
    lc_tmodel_init(M);
    lc_tmodel_init(N);
    lc_gauge_init(G);
    fmpq_mat_init(v, 0, 0);
    fmpq_mat_init(w, 0, 0);
    model(M, 5, 2, 3, 6, 2, 1, LC_ACT_RELU, 0, st);
    ck_assert_int_eq(lc_gauge_alloc(G, 5, 2, 3, 2, err), LC_OK);
    ck_assert(lc_gauge_is_valid(G, NULL, 0));
    ck_assert_int_eq(lc_gauge_apply(N, M, G, err), LC_OK);
    lc_gauge_params_get(v, M);
    lc_gauge_params_get(w, N);
    ck_assert(fmpq_mat_equal(v, w));
    ck_assert_int_eq(v->r, lc_tmodel_nparams(M));
    /* a gauge of another shape does not apply */
    ck_assert_int_eq(lc_gauge_alloc(G, 5, 2, 3, 1, err), LC_OK);
    ck_assert_int_eq(lc_gauge_apply(N, M, G, err), LC_E_DIM);
    fmpq_mat_clear(v);
    fmpq_mat_clear(w);
    lc_tmodel_clear(M);
    lc_tmodel_clear(N);
    lc_gauge_clear(G);
    flint_randclear(st);
}
END_TEST

/* Strict layer norms, g fixing 1: forward(M', g E) = g forward(M, E). */
START_TEST(invariance_holds_for_random_models_of_several_shapes)
{
    static const slong shapes[][6] = {
        /* d_e, n_h, d_h, d_f, n_t, norm_first */
        {4, 2, 2, 4, 1, 1}, {5, 1, 3, 3, 2, 1}, {6, 3, 2, 5, 2, 0}, {3, 2, 1, 2, 3, 1},
        {7, 2, 4, 8, 1, 0}};
    flint_rand_t st;
    lc_tmodel_t M;
    lc_gauge_t G;
    mag_t b;
    slong i;

    flint_randinit(st);
    lc_rand_seed(st, 14);
    lc_tmodel_init(M);
    lc_gauge_init(G);
    mag_init(b);
    for (i = 0; i < 5; i++)
    {
        model(M, shapes[i][0], shapes[i][1], shapes[i][2], shapes[i][3], shapes[i][4],
              (int) shapes[i][5], (i % 2) ? LC_ACT_GELU : LC_ACT_RELU, 1, st);
        lc_gauge_randomize(G, M, 0, st);
        ck_assert(lc_gauge_is_valid(G, NULL, 0));
        ck_assert(!invariance(b, M, G, 3 + i % 3, i % 2, 256, st));
        ck_assert_msg(mag_cmp_2exp_si(b, -200) < 0, "shape %ld", i);
    }
    mag_clear(b);
    lc_tmodel_clear(M);
    lc_gauge_clear(G);
    flint_randclear(st);
}
END_TEST

/* Sec. 4.6: independent frames per layer need the skip rotations; with R1,
   R2 rotated by eqs. (20), (21) invariance holds, and R1 = R2 = I no longer. */
START_TEST(enlarged_group_with_skip_rotations_is_a_symmetry)
{
    flint_rand_t st;
    lc_tmodel_t M, N;
    lc_gauge_t G;
    lc_err_t err;
    mag_t b;

    flint_randinit(st);
    lc_rand_seed(st, 15);
    lc_tmodel_init(M);
    lc_tmodel_init(N);
    lc_gauge_init(G);
    mag_init(b);
    model(M, 5, 2, 2, 4, 3, 1, LC_ACT_RELU, 1, st);
    lc_gauge_randomize(G, M, 1, st);
    ck_assert(lc_gauge_is_valid(G, NULL, 0));
    ck_assert(!fmpq_mat_equal(G->frames + 0, G->frames + 1));
    ck_assert(!invariance(b, M, G, 4, 0, 256, st));
    ck_assert(mag_cmp_2exp_si(b, -200) < 0);
    ck_assert_int_eq(lc_gauge_apply(N, M, G, err), LC_OK);
    ck_assert(lc_gauge_is_orthogonal(N->layers[1].R1));
    ck_assert(!fmpq_mat_is_one(N->layers[1].R1));
    mag_clear(b);
    lc_tmodel_clear(M);
    lc_tmodel_clear(N);
    lc_gauge_clear(G);
    flint_randclear(st);
}
END_TEST

START_TEST(negative_controls_refute_and_folding_restores)
{
    flint_rand_t st;
    lc_tmodel_t M, F;
    lc_gauge_t G;
    lc_err_t err;
    mag_t b;
    slong i;

    flint_randinit(st);
    lc_rand_seed(st, 16);
    lc_tmodel_init(M);
    lc_tmodel_init(F);
    lc_gauge_init(G);
    mag_init(b);
    /* affine layer norms (scales near 1, random shifts), pre-norm */
    model(M, 5, 2, 2, 4, 2, 1, LC_ACT_RELU, 0, st);
    ck_assert(!lc_gauge_is_strict(M));
    lc_gauge_randomize(G, M, 0, st);
    ck_assert(invariance(b, M, G, 3, 0, 128, st));              /* unfolded: broken */
    ck_assert_int_eq(lc_gauge_fold_layernorm(F, M, err), LC_OK);
    ck_assert(lc_gauge_is_strict(F));
    ck_assert(!invariance(b, F, G, 3, 0, 128, st));             /* folded: restored */
    ck_assert(mag_cmp_2exp_si(b, -80) < 0);
    /* a rotation that does not fix 1 breaks it, even on the folded model */
    lc_qmat_rand_orthogonal(G->frames + 0, 5, st, 3);
    ck_assert(!lc_gauge_fixes_ones(G->frames + 0));
    for (i = 1; i <= 2; i++)
        fmpq_mat_set(G->frames + i, G->frames + 0);
    for (i = 0; i < 2; i++)
        fmpq_mat_set(G->mids + i, G->frames + 0);
    ck_assert(!lc_gauge_is_valid(G, NULL, 0));
    ck_assert(invariance(b, F, G, 3, 0, 128, st));
    /* post-norm: no fold */
    M->norm_first = 0;
    ck_assert_int_eq(lc_gauge_fold_layernorm(F, M, err), LC_E_DOMAIN);
    mag_clear(b);
    lc_tmodel_clear(M);
    lc_tmodel_clear(F);
    lc_gauge_clear(G);
    flint_randclear(st);
}
END_TEST

START_TEST(folding_preserves_the_function)
{
    flint_rand_t st;
    lc_tmodel_t M, F;
    lc_err_t err;
    fmpq_mat_t E;
    arb_mat_t Eb, Y, Z;
    mag_t b;
    slong i, j;

    flint_randinit(st);
    lc_rand_seed(st, 17);
    lc_tmodel_init(M);
    lc_tmodel_init(F);
    fmpq_mat_init(E, 6, 4);
    arb_mat_init(Eb, 0, 0);
    arb_mat_init(Y, 0, 0);
    arb_mat_init(Z, 0, 0);
    mag_init(b);
    model(M, 6, 2, 3, 5, 2, 1, LC_ACT_GELU, 0, st);
    lc_qmat_rand(E, 6, 4, st, 5);
    lc_ball_set_qmat(Eb, E, 256);
    ck_assert_int_eq(lc_gauge_fold_layernorm(F, M, err), LC_OK);
    ck_assert_int_eq(lc_tmodel_forward(Y, M, Eb, 1, 256, err), LC_OK);
    ck_assert_int_eq(lc_tmodel_forward(Z, F, Eb, 1, 256, err), LC_OK);
    arb_mat_sub(Y, Y, Z, 256);
    for (i = 0; i < 6; i++)
        for (j = 0; j < 4; j++)
            ck_assert(arb_contains_zero(arb_mat_entry(Y, i, j)));
    lc_ball_bound_max_entry(b, Y);
    ck_assert(mag_cmp_2exp_si(b, -200) < 0);
    mag_clear(b);
    fmpq_mat_clear(E);
    arb_mat_clear(Eb);
    arb_mat_clear(Y);
    arb_mat_clear(Z);
    lc_tmodel_clear(M);
    lc_tmodel_clear(F);
    flint_randclear(st);
}
END_TEST

START_TEST(forward_mode_value_agrees_with_the_forward_pass)
{
    flint_rand_t st;
    lc_tmodel_t M;
    lc_err_t err;
    fmpq_mat_t E, V;
    arb_mat_t Eb, Y, Z;
    slong i, j, nf;

    flint_randinit(st);
    lc_rand_seed(st, 18);
    lc_tmodel_init(M);
    fmpq_mat_init(E, 4, 3);
    arb_mat_init(Eb, 0, 0);
    arb_mat_init(Y, 0, 0);
    arb_mat_init(Z, 0, 0);
    for (nf = 0; nf < 2; nf++)
    {
        model(M, 4, 2, 2, 4, 2, (int) nf, nf ? LC_ACT_RELU : LC_ACT_GELU, 0, st);
        fmpq_mat_init(V, lc_tmodel_nparams(M), 0);
        lc_qmat_rand(E, 4, 3, st, 5);
        lc_ball_set_qmat(Eb, E, 128);
        ck_assert_int_eq(lc_tmodel_forward(Y, M, Eb, 1, 128, err), LC_OK);
        ck_assert_int_eq(lc_gauge_jvp(Z, NULL, M, V, E, NULL, 1, 128, err), LC_OK);
        for (i = 0; i < 4; i++)
            for (j = 0; j < 3; j++)
                ck_assert(arb_overlaps(arb_mat_entry(Y, i, j), arb_mat_entry(Z, i, j)));
        fmpq_mat_clear(V);
    }
    fmpq_mat_clear(E);
    arb_mat_clear(Eb);
    arb_mat_clear(Y);
    arb_mat_clear(Z);
    lc_tmodel_clear(M);
    flint_randclear(st);
}
END_TEST

/* The small model d_e = 4, n_h = 2, d_h = 2, d_f = 4, n_t = 1, pre-norm,
   ReLU, biases and affine layer norms: 136 parameters.  The flat directions
   derived by hand (doc/gauge.md): QK 2*4 + VO 2*4 (the paper's 16), key bias
   4, value bias against bo 4, rows of Wq, Wk, Wv, W1 along 1/w 16, layer-norm
   scale and shift against the next maps 16, ReLU scaling 4, bo/b2 shift along
   1 once: 61.  The Jacobian over 24 input sequences has a certified
   non-singular 75 x 75 minor, so the nullity is exactly 61. */
/* The double-precision certificate of non-singularity (lib/nonsing_d.c)
   against facts: a strictly diagonally dominant matrix is non-singular
   (Levy-Desplanques), so it must be certified, also as a minor picked out of
   a larger matrix; a matrix B C with B n x (n - 1) is singular, so no bound
   may come out < 1, nor for a ball that contains a singular matrix; a
   non-singular matrix whose midpoints round to a singular double matrix is
   not certified in doubles, and lc_gauge_rank_certify then certifies it in
   balls. */
START_TEST(double_certificate_certifies_regular_and_refuses_singular_minors)
{
    flint_rand_t st;
    arb_mat_t J, B, C, A;
    mag_t bound;
    slong n = 60, i, j, rows[60], cols[60], rank, pr[2] = { 0, 1 };
    lc_err_t err;

    flint_randinit(st);
    lc_rand_seed(st, 5);
    mag_init(bound);
    /* diagonally dominant: |off-diagonal| <= 1, diagonal n, inside a 70 x 65
       matrix of noise at rows 2i + 1 and columns 64 - i */
    arb_mat_init(J, 70, 65);
    for (i = 0; i < 70; i++)
        for (j = 0; j < 65; j++)
            arb_set_si(arb_mat_entry(J, i, j), (slong) n_randint(st, 1000001) - 500000);
    for (i = 0; i < n; i++)
    {
        rows[i] = 2 * i + 1 - (2 * i + 1 >= 70 ? 69 : 0);
        cols[i] = 64 - i;
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            arb_ptr x = arb_mat_entry(J, rows[i], cols[j]);

            if (i == j)
                arb_set_si(x, n);
            else
                arb_set_si(x, (slong) n_randint(st, 2001) - 1000), arb_div_si(x, x, 1000, 128);
        }
    ck_assert(lc_gauge_minor_certify_d(bound, NULL, J, rows, cols, n));
    ck_assert(mag_cmp_2exp_si(bound, 0) < 0);
    /* singular: A = B C exactly (small integers, exact in doubles) */
    arb_mat_init(B, n, n - 1);
    arb_mat_init(C, n - 1, n);
    arb_mat_init(A, n, n);
    for (i = 0; i < n; i++)
        for (j = 0; j < n - 1; j++)
        {
            arb_set_si(arb_mat_entry(B, i, j), (slong) n_randint(st, 7) - 3);
            arb_set_si(arb_mat_entry(C, j, i), (slong) n_randint(st, 7) - 3);
        }
    arb_mat_mul(A, B, C, 128);
    for (i = 0; i < n; i++)
    {
        rows[i] = cols[i] = i;
        ck_assert(arb_is_exact(arb_mat_entry(A, i, 0)));
    }
    ck_assert(!lc_gauge_minor_certify_d(bound, NULL, A, rows, cols, n));
    ck_assert(mag_cmp_2exp_si(bound, 0) >= 0);
    /* and as the minor chosen by pivoting: rank n - 1 at most */
    ck_assert_int_eq(lc_gauge_rank_certify(&rank, NULL, NULL, A, n, 128, err), LC_E_LIMIT);
    /* a ball containing a singular matrix: B C + 2^-70 E_00 with radius 2^-69 */
    {
        arb_t t;

        arb_init(t);
        arb_one(t);
        arb_mul_2exp_si(t, t, -70);
        arb_add(arb_mat_entry(A, 0, 0), arb_mat_entry(A, 0, 0), t, 256);
        mag_set_ui_2exp_si(arb_radref(arb_mat_entry(A, 0, 0)), 1, -69);
        arb_clear(t);
    }
    ck_assert(!lc_gauge_minor_certify_d(bound, NULL, A, rows, cols, n));
    /* midpoints well conditioned, but the ball holds a singular matrix:
       I with entry (n-1, n-1) = 2^-20 +- 2^-19 (the radius term must refuse) */
    arb_mat_one(A);
    arb_one(arb_mat_entry(A, n - 1, n - 1));
    arb_mul_2exp_si(arb_mat_entry(A, n - 1, n - 1), arb_mat_entry(A, n - 1, n - 1), -20);
    mag_set_ui_2exp_si(arb_radref(arb_mat_entry(A, n - 1, n - 1)), 1, -19);
    ck_assert(!lc_gauge_minor_certify_d(bound, NULL, A, rows, cols, n));
    arb_zero(arb_mat_entry(A, n - 1, n - 1));
    mag_set_ui_2exp_si(arb_radref(arb_mat_entry(A, n - 1, n - 1)), 1, -21);
    ck_assert(!lc_gauge_minor_certify_d(bound, NULL, A, rows, cols, n));
    arb_one(arb_mat_entry(A, n - 1, n - 1));
    arb_mul_2exp_si(arb_mat_entry(A, n - 1, n - 1), arb_mat_entry(A, n - 1, n - 1), -20);
    mag_set_ui_2exp_si(arb_radref(arb_mat_entry(A, n - 1, n - 1)), 1, -22);
    ck_assert(lc_gauge_minor_certify_d(bound, NULL, A, rows, cols, n));
    /* [[1, y], [3, 3 y]], y = 1 + 2^-52: singular, but 3 y is not a double,
       so the rounded midpoints are regular (the rounding must be counted) */
    arb_mat_clear(A);
    arb_mat_init(A, 2, 2);
    arb_one(arb_mat_entry(A, 0, 0));
    arb_set_si(arb_mat_entry(A, 1, 0), 3);
    arb_one(arb_mat_entry(A, 0, 1));
    arb_mul_2exp_si(arb_mat_entry(A, 0, 1), arb_mat_entry(A, 0, 1), -52);
    arb_add_ui(arb_mat_entry(A, 0, 1), arb_mat_entry(A, 0, 1), 1, 256);
    arb_mul_si(arb_mat_entry(A, 1, 1), arb_mat_entry(A, 0, 1), 3, 256);
    ck_assert(arb_is_exact(arb_mat_entry(A, 1, 1)));
    ck_assert(!lc_gauge_minor_certify_d(bound, NULL, A, pr, pr, 2));
    /* [[1, 1], [1, 1 + 2^-80]]: non-singular, its doubles are not */
    arb_mat_clear(A);
    arb_mat_init(A, 2, 2);
    arb_one(arb_mat_entry(A, 0, 0));
    arb_one(arb_mat_entry(A, 0, 1));
    arb_one(arb_mat_entry(A, 1, 0));
    arb_one(arb_mat_entry(A, 1, 1));
    arf_mul_2exp_si(arb_midref(arb_mat_entry(A, 1, 1)), arb_midref(arb_mat_entry(A, 1, 1)), -80);
    arb_add_ui(arb_mat_entry(A, 1, 1), arb_mat_entry(A, 1, 1), 1, 256);
    ck_assert(!lc_gauge_minor_certify_d(bound, NULL, A, pr, pr, 2));
    ck_assert_int_eq(lc_gauge_rank_certify(&rank, NULL, NULL, A, 2, 256, err), LC_OK);
    ck_assert_int_eq(rank, 2);
    arb_mat_clear(A);
    arb_mat_clear(B);
    arb_mat_clear(C);
    arb_mat_clear(J);
    mag_clear(bound);
    flint_randclear(st);
}
END_TEST

START_TEST(flat_directions_of_the_small_model_are_exactly_61)
{
    flint_rand_t st;
    lc_tmodel_t M;
    lc_err_t err;
    fmpq_mat_struct Es[24];
    fmpq_mat_t T;
    arb_mat_t J, Tb, JT;
    mag_t b;
    slong i, k, rank, np;

    flint_randinit(st);
    lc_rand_seed(st, 19);
    lc_tmodel_init(M);
    model(M, 4, 2, 2, 4, 1, 1, LC_ACT_RELU, 0, st);
    np = lc_tmodel_nparams(M);
    ck_assert_int_eq(np, 136);
    fmpq_mat_init(T, 0, 0);
    k = lc_gauge_sym_tangents(T, M, LC_SYM_ALL);
    ck_assert_int_eq(k, 61);
    ck_assert_int_eq(lc_qmat_rank(T), 61);
    ck_assert_int_eq(lc_gauge_sym_tangents(T, M, LC_SYM_QK | LC_SYM_VO), 16);
    ck_assert_int_eq(lc_qmat_rank(T), 16);
    lc_gauge_sym_tangents(T, M, LC_SYM_ALL);
    for (i = 0; i < 24; i++)
    {
        fmpq_mat_init(Es + i, 4, 3);
        lc_qmat_rand(Es + i, 4, 3, st, 5);
    }
    arb_mat_init(J, 0, 0);
    ck_assert_int_eq(lc_gauge_jacobian(J, M, Es, 24, 0, 256, err), LC_OK);
    ck_assert_int_eq(arb_mat_nrows(J), 24 * 12);
    ck_assert_int_eq(lc_gauge_rank_certify(&rank, NULL, NULL, J, np - 61, 256, err), LC_OK);
    ck_assert_int_eq(rank, 75);
    /* the 61 tangents are in the kernel: rank 76 can never be certified */
    ck_assert_int_eq(lc_gauge_rank_certify(&rank, NULL, NULL, J, np - 60, 256, err), LC_E_LIMIT);
    /* and J T = 0 up to the enclosure */
    arb_mat_init(Tb, 0, 0);
    arb_mat_init(JT, arb_mat_nrows(J), T->c);
    lc_ball_set_qmat(Tb, T, 256);
    arb_mat_mul(JT, J, Tb, 256);
    mag_init(b);
    lc_ball_bound_max_entry(b, JT);
    ck_assert(mag_cmp_2exp_si(b, -200) < 0);
    for (i = 0; i < 24; i++)
        fmpq_mat_clear(Es + i);
    mag_clear(b);
    fmpq_mat_clear(T);
    arb_mat_clear(J);
    arb_mat_clear(Tb);
    arb_mat_clear(JT);
    lc_tmodel_clear(M);
    flint_randclear(st);
}
END_TEST

/* The frame directions of eqs. (6)-(13) are not flat with the embeddings
   fixed: they conjugate the function.  With the input moving along X E the
   output moves along X F, as the gauge identity differentiated says. */
START_TEST(frame_tangent_moves_the_output_by_X_F)
{
    flint_rand_t st;
    lc_tmodel_t M;
    lc_err_t err;
    fmpq_mat_t X, v, E, dE, XE;
    arb_mat_struct tan[1];
    arb_mat_t Y, XF, Xb;
    mag_t b;
    slong i, j;

    flint_randinit(st);
    lc_rand_seed(st, 20);
    lc_tmodel_init(M);
    model(M, 5, 2, 2, 4, 2, 1, LC_ACT_GELU, 1, st);
    /* X skew with X 1 = 0 (a rotation generator in the plane of e1, e2, e3 fixing 1) */
    fmpq_mat_init(X, 5, 5);
    fmpq_set_si(fmpq_mat_entry(X, 0, 1), 1, 1);
    fmpq_set_si(fmpq_mat_entry(X, 1, 0), -1, 1);
    fmpq_set_si(fmpq_mat_entry(X, 2, 0), 1, 1);
    fmpq_set_si(fmpq_mat_entry(X, 0, 2), -1, 1);
    fmpq_set_si(fmpq_mat_entry(X, 2, 1), -1, 1);
    fmpq_set_si(fmpq_mat_entry(X, 1, 2), 1, 1);     /* rows sum to 0, skew */
    fmpq_mat_init(v, 0, 0);
    lc_gauge_frame_tangent(v, M, X);
    fmpq_mat_init(E, 5, 3);
    fmpq_mat_init(dE, 5, 3);
    fmpq_mat_init(XE, 5, 3);
    lc_qmat_rand(E, 5, 3, st, 5);
    fmpq_mat_mul(dE, X, E);
    arb_mat_init(tan, 0, 0);
    arb_mat_init(Y, 0, 0);
    arb_mat_init(XF, 0, 0);
    arb_mat_init(Xb, 0, 0);
    mag_init(b);
    ck_assert_int_eq(lc_gauge_jvp(Y, tan, M, v, E, dE, 0, 256, err), LC_OK);
    lc_ball_set_qmat(Xb, X, 256);
    arb_mat_init(XF, 5, 3);
    arb_mat_mul(XF, Xb, Y, 256);
    arb_mat_sub(XF, XF, tan, 256);
    for (i = 0; i < 5; i++)
        for (j = 0; j < 3; j++)
            ck_assert(arb_contains_zero(arb_mat_entry(XF, i, j)));
    lc_ball_bound_max_entry(b, XF);
    ck_assert(mag_cmp_2exp_si(b, -200) < 0);
    /* with E fixed the derivative is not zero */
    ck_assert_int_eq(lc_gauge_jvp(Y, tan, M, v, E, NULL, 0, 256, err), LC_OK);
    lc_ball_bound_max_entry(b, tan);
    ck_assert(mag_cmp_2exp_si(b, -10) > 0);
    mag_clear(b);
    fmpq_mat_clear(X);
    fmpq_mat_clear(v);
    fmpq_mat_clear(E);
    fmpq_mat_clear(dE);
    fmpq_mat_clear(XE);
    arb_mat_clear(tan);
    arb_mat_clear(Y);
    arb_mat_clear(XF);
    arb_mat_clear(Xb);
    lc_tmodel_clear(M);
    flint_randclear(st);
}
END_TEST

static Suite *
gauge_suite(void)
{
    Suite * s = suite_create("gauge");
    TCase * tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, redundancy_matches_hand_computed_values);
    tcase_add_test(tc, frame_elements_are_exactly_orthogonal_fix_ones_and_have_det_one);
    tcase_add_test(tc, head_elements_are_invertible_with_the_determinant_of_their_diagonal);
    tcase_add_test(tc, identity_gauge_leaves_the_weights_unchanged);
    tcase_add_test(tc, invariance_holds_for_random_models_of_several_shapes);
    tcase_add_test(tc, enlarged_group_with_skip_rotations_is_a_symmetry);
    tcase_add_test(tc, negative_controls_refute_and_folding_restores);
    tcase_add_test(tc, folding_preserves_the_function);
    tcase_add_test(tc, forward_mode_value_agrees_with_the_forward_pass);
    tcase_add_test(tc, flat_directions_of_the_small_model_are_exactly_61);
    tcase_add_test(tc, double_certificate_certifies_regular_and_refuses_singular_minors);
    tcase_add_test(tc, frame_tangent_moves_the_output_by_X_F);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner * sr = srunner_create(gauge_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
