/* test_finfo.c -- the finite-information principle (Ma & Ying, eq. 3.2):
 * the shape algebra against concrete sizes, the structure theorem, exact
 * evaluation, permutation equivariance (Def. 4.1) and the kernel forms. */
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "qmat.h"
#include "finfo.h"

/* ---------------------------------------------------------------- helpers */

/* A := m x n with entries p/q, p in [-9, 9], q in [1, 5]. */
static void
rand_rational(fmpq_mat_t A, slong m, slong n, flint_rand_t st)
{
    slong i, j;

    lc_qmat_resize(A, m, n);
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++)
            fmpq_set_si(fmpq_mat_entry(A, i, j), (slong) n_randint(st, 19) - 9,
                        1 + n_randint(st, 5));
}

/* perm := a uniform random permutation of 0..n-1 (Fisher-Yates). */
static void
rand_perm(slong * perm, slong n, flint_rand_t st)
{
    slong i, j, t;

    for (i = 0; i < n; i++)
        perm[i] = i;
    for (i = n - 1; i > 0; i--)
    {
        j = n_randint(st, i + 1);
        t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
}

/* P := the permutation matrix with P e_j = e_{perm[j]}. */
static void
perm_matrix(fmpq_mat_t P, const slong * perm, slong n)
{
    slong j;

    lc_qmat_zeros(P, n, n);
    for (j = 0; j < n; j++)
        fmpq_one(fmpq_mat_entry(P, perm[j], j));
}

/* Does g(Y P) equal P^T g(Y) P, computed with matrices, not indices? */
static int
matrix_equivariant(const fmpq_mat_t gYP, const fmpq_mat_t gY, const fmpq_mat_t P)
{
    fmpq_mat_t Pt, T, R;
    lc_err_t err;
    int ok;

    fmpq_mat_init(Pt, 0, 0);
    fmpq_mat_init(T, 0, 0);
    fmpq_mat_init(R, 0, 0);
    lc_qmat_transpose(Pt, P);
    ck_assert_int_eq(lc_qmat_mul(T, Pt, gY, err), LC_OK);
    ck_assert_int_eq(lc_qmat_mul(R, T, P, err), LC_OK);
    ok = fmpq_mat_equal(R, gYP);
    fmpq_mat_clear(Pt);
    fmpq_mat_clear(T);
    fmpq_mat_clear(R);
    return ok;
}

static int
is_symmetric(const fmpq_mat_t A)
{
    slong i, j;

    if (fmpq_mat_nrows(A) != fmpq_mat_ncols(A))
        return 0;
    for (i = 0; i < fmpq_mat_nrows(A); i++)
        for (j = 0; j < i; j++)
            if (!fmpq_equal(fmpq_mat_entry(A, i, j), fmpq_mat_entry(A, j, i)))
                return 0;
    return 1;
}

static slong
binom(slong m, slong p)
{
    slong r = 1, i;

    for (i = 1; i <= p; i++)
        r = r * (m - p + i) / i;
    return r;
}

/* The words of degree K in E, as strings (caller frees each and the array). */
static slong
words_of_degree(char *** out, const lc_finfo_enum_t E, slong K)
{
    slong i, c = 0;

    *out = flint_malloc(sizeof(char *) * (E->nterms + 1));
    for (i = 0; i < E->nterms; i++)
        if (E->terms[i].K == K)
            (*out)[c++] = lc_finfo_term_get_str(E->terms + i);
    return c;
}

static int
contains_word(char ** w, slong c, const char * s)
{
    slong i;

    for (i = 0; i < c; i++)
        if (strcmp(w[i], s) == 0)
            return 1;
    return 0;
}

static void
free_words(char ** w, slong c)
{
    slong i;

    for (i = 0; i < c; i++)
        flint_free(w[i]);
    flint_free(w);
}

static void
mk_term(lc_finfo_term_t t, const char * s)
{
    lc_err_t err;
    ck_assert_msg(lc_finfo_term_set_str(t, s, err) == LC_OK, "parse %s: %s", s, err->msg);
}

/* ---------------------------------------------------- enumeration: degrees */

START_TEST(no_admissible_word_has_degree_one)
{
    lc_finfo_enum_t E;
    lc_err_t err;
    slong i;

    lc_finfo_enum_init(E);
    ck_assert_int_eq(lc_finfo_enumerate(E, 10, 2, err), LC_OK);
    ck_assert_int_eq(E->examined[1], 8);
    ck_assert_int_eq(E->admissible[1], 0);
    for (i = 0; i < E->nterms; i++)
        ck_assert_int_ne(E->terms[i].K, 1);
    lc_finfo_enum_clear(E);
}
END_TEST

/* K = 0 is the empty product.  Read as I_n it is admissible and carries no
   parameter: the one exception to the paper's "K_i >= 2", a constant term.
   A lone parameter (constant sizes) is never n x n. */
START_TEST(degree_zero_is_only_the_parameter_free_identity)
{
    lc_finfo_enum_t E;
    lc_finfo_term_t t;
    lc_err_t err, why;
    char * s;

    lc_finfo_enum_init(E);
    ck_assert_int_eq(lc_finfo_enumerate(E, 4, 3, err), LC_OK);
    ck_assert_int_eq(E->examined[0], 2);
    ck_assert_int_eq(E->admissible[0], 1);
    ck_assert_int_eq(E->terms[0].K, 0);
    ck_assert_str_eq(E->terms[0].slot, "I");
    ck_assert_int_eq(E->terms[0].nparam, 0);
    ck_assert_int_eq(lc_finfo_term_param_count(E->terms + 0, 3), 0);
    s = lc_finfo_term_get_str(E->terms + 0);
    ck_assert_str_eq(s, "I_n");
    flint_free(s);

    lc_finfo_term_init(t);
    mk_term(t, "W");
    ck_assert_int_eq(lc_finfo_term_is_admissible(t, why), 0);
    ck_assert_int_eq(why->code, LC_E_DIM);
    ck_assert_msg(strstr(why->msg, "not n x n") != NULL, "%s", why->msg);
    lc_finfo_term_clear(t);
    lc_finfo_enum_clear(E);
}
END_TEST

START_TEST(degree_two_is_exactly_yty_and_ytwy)
{
    lc_finfo_enum_t E;
    lc_err_t err;
    char ** w;
    slong c;

    lc_finfo_enum_init(E);
    ck_assert_int_eq(lc_finfo_enumerate(E, 3, 2, err), LC_OK);
    ck_assert_int_eq(E->examined[2], 32);
    c = words_of_degree(&w, E, 2);
    ck_assert_int_eq(c, 2);
    ck_assert(contains_word(w, c, "Y^T Y"));
    ck_assert(contains_word(w, c, "Y^T W1 Y"));
    free_words(w, c);
    ck_assert_int_eq(E->admissible[3], 0);
    lc_finfo_enum_clear(E);
}
END_TEST

START_TEST(degree_four_is_exactly_four_words)
{
    lc_finfo_enum_t E;
    lc_err_t err;
    char ** w;
    slong c;

    lc_finfo_enum_init(E);
    ck_assert_int_eq(lc_finfo_enumerate(E, 4, 2, err), LC_OK);
    c = words_of_degree(&w, E, 4);
    ck_assert_int_eq(c, 4);
    ck_assert(contains_word(w, c, "Y^T Y Y^T Y"));
    ck_assert(contains_word(w, c, "Y^T W1 Y Y^T Y"));
    ck_assert(contains_word(w, c, "Y^T Y Y^T W1 Y"));
    ck_assert(contains_word(w, c, "Y^T W1 Y Y^T W2 Y"));
    free_words(w, c);
    lc_finfo_enum_clear(E);
}
END_TEST

/* Degree K examines 2^K * 2^(K+1) combinations; 2^m are admissible for
   K = 2m, none for odd K.  The words whose chain merely fits (any outer
   shape) are the alternating ones with the forced slots: 3 * 2^m for
   K = 2m >= 2, 2^(m+2) for K = 2m + 1, and 2 for K = 0 (I_n and a lone W). */
START_TEST(counts_per_degree_up_to_ten)
{
    lc_finfo_enum_t E;
    lc_err_t err;
    slong K;

    lc_finfo_enum_init(E);
    ck_assert_int_eq(lc_finfo_enumerate(E, 10, 2, err), LC_OK);
    for (K = 0; K <= 10; K++)
    {
        slong m = K / 2;

        ck_assert_int_eq(E->examined[K], WORD(1) << (2 * K + 1));
        ck_assert_int_eq(E->admissible[K], K % 2 == 0 ? (WORD(1) << m) : 0);
        if (K == 0)
            ck_assert_int_eq(E->fits[K], 2);
        else if (K % 2 == 0)
            ck_assert_int_eq(E->fits[K], 3 * (WORD(1) << m));
        else
            ck_assert_int_eq(E->fits[K], WORD(1) << (m + 2));
    }
    ck_assert_int_eq(E->nterms, 1 + 2 + 4 + 8 + 16 + 32);
    lc_finfo_enum_clear(E);
}
END_TEST

/* In degree 2m, C(m, p) words carry p parameter matrices, p k^2 scalars. */
START_TEST(parameter_counts_are_binomial)
{
    lc_finfo_enum_t E;
    lc_err_t err;
    slong hist[6][6], K, p, i, k = 3;

    memset(hist, 0, sizeof(hist));
    lc_finfo_enum_init(E);
    ck_assert_int_eq(lc_finfo_enumerate(E, 10, k, err), LC_OK);
    for (i = 0; i < E->nterms; i++)
    {
        const lc_finfo_term_struct * t = E->terms + i;
        slong w = 0, j;

        for (j = 0; j <= t->K; j++)
            w += (t->slot[j] == 'W');
        ck_assert_int_eq(t->nparam, w);
        ck_assert_int_eq(lc_finfo_term_param_count(t, k), w * k * k);
        hist[t->K / 2][w]++;
    }
    for (K = 0; K <= 10; K += 2)
        for (p = 0; p <= K / 2; p++)
            ck_assert_int_eq(hist[K / 2][p], binom(K / 2, p));
    lc_finfo_enum_clear(E);
}
END_TEST

START_TEST(structure_theorem_holds_up_to_ten)
{
    lc_finfo_enum_t E;
    lc_err_t err;
    char * why = NULL;

    lc_finfo_enum_init(E);
    ck_assert_int_eq(lc_finfo_enumerate(E, 10, 2, err), LC_OK);
    ck_assert_msg(lc_finfo_check_structure(&why, E->terms, E->nterms, 10) == 1, "%s", why);
    ck_assert(strstr(why, "K=10: 32") != NULL);
    flint_free(why);
    lc_finfo_enum_clear(E);
}
END_TEST

/* The structure check is not vacuous: a missing word, a repeated word and a
   word outside the normal form are each caught. */
START_TEST(structure_check_rejects_counterfeit_lists)
{
    lc_finfo_enum_t E;
    lc_finfo_term_struct L[8];
    lc_err_t err;
    char * why = NULL;
    slong i;

    lc_finfo_enum_init(E);
    ck_assert_int_eq(lc_finfo_enumerate(E, 4, 2, err), LC_OK);
    ck_assert_int_eq(E->nterms, 7);
    /* drop the last word of degree 4 */
    ck_assert_int_eq(lc_finfo_check_structure(&why, E->terms, 6, 4), 0);
    ck_assert_msg(strstr(why, "degree 4 has 3") != NULL, "%s", why);
    flint_free(why);

    for (i = 0; i < 8; i++)
        lc_finfo_term_init(L + i);
    for (i = 0; i < 7; i++)
        lc_finfo_term_set(L + i, E->terms + i);
    /* a repeat in place of a word */
    lc_finfo_term_set(L + 6, E->terms + 5);
    ck_assert_int_eq(lc_finfo_check_structure(&why, L, 7, 4), 0);
    ck_assert_msg(strstr(why, "twice") != NULL, "%s", why);
    flint_free(why);
    /* a word that is not admissible */
    mk_term(L + 6, "Y Y^T");
    ck_assert_int_eq(lc_finfo_check_structure(&why, L, 7, 4), 0);
    ck_assert_msg(strstr(why, "not admissible") != NULL, "%s", why);
    flint_free(why);
    ck_assert_int_eq(lc_finfo_check_structure(NULL, L, 7, 4), 0);
    for (i = 0; i < 8; i++)
        lc_finfo_term_clear(L + i);
    lc_finfo_enum_clear(E);
}
END_TEST

/* The shape algebra against concrete matrices: build every word of degree
   <= 5 from actual matrices at n = 5 and n = 7 (k = 2), an identity of the
   size its left neighbour gives, a parameter of the sizes its neighbours
   give (at an open end: n, the only chance of an n x n result), and
   multiply with lc_qmat_mul.  A word must be admissible exactly when both
   products exist, both are n x n, and the parameter sizes agree at the two
   n (do not depend on n). */
static int
concrete_product(fmpq_mat_t G, slong * psizes, const lc_finfo_term_struct * t, slong k,
                 slong n, flint_rand_t st)
{
    fmpq_mat_t F, A;
    lc_err_t err;
    slong j, p = 0, K = t->K;
    int ok = 1;

    fmpq_mat_init(F, 0, 0);
    fmpq_mat_init(A, 0, 0);
    if (K == 0)
    {
        if (t->slot[0] == 'I')
            lc_qmat_eye(G, n);
        else
        {
            rand_rational(G, n, n, st);
            psizes[p++] = n;
            psizes[p++] = n;
        }
    }
    else
    {
        slong r1 = t->ytilde[0] == 'T' ? n : k;

        /* slot 0 */
        if (t->slot[0] == 'W')
        {
            rand_rational(G, n, r1, st);
            psizes[p++] = n;
            psizes[p++] = r1;
        }
        else
            lc_qmat_eye(G, r1);
        for (j = 1; j <= K && ok; j++)
        {
            /* factor j */
            if (t->ytilde[j - 1] == 'T')
                rand_rational(F, n, k, st);
            else
                rand_rational(F, k, n, st);
            ok = (lc_qmat_mul(A, G, F, err) == LC_OK);
            if (!ok)
                break;
            fmpq_mat_swap(A, G);
            /* slot j */
            {
                slong left = fmpq_mat_ncols(G);
                slong right = j < K ? (t->ytilde[j] == 'T' ? n : k) : n;

                if (t->slot[j] == 'W')
                {
                    rand_rational(F, left, right, st);
                    psizes[p++] = left;
                    psizes[p++] = right;
                }
                else
                    lc_qmat_eye(F, left);
            }
            ok = (lc_qmat_mul(A, G, F, err) == LC_OK);
            fmpq_mat_swap(A, G);
        }
    }
    fmpq_mat_clear(F);
    fmpq_mat_clear(A);
    return ok && fmpq_mat_nrows(G) == n && fmpq_mat_ncols(G) == n;
}

START_TEST(shape_algebra_agrees_with_concrete_sizes_at_two_n)
{
    flint_rand_t st;
    fmpq_mat_t G;
    lc_finfo_term_t t;
    char ytilde[8], slot[9];
    slong K, yb, sb, j, nadm = 0, ntot = 0, k = 2;
    lc_err_t err;

    flint_randinit(st);
    lc_rand_seed(st, 11);
    fmpq_mat_init(G, 0, 0);
    lc_finfo_term_init(t);
    for (K = 0; K <= 5; K++)
        for (yb = 0; yb < (WORD(1) << K); yb++)
            for (sb = 0; sb < (WORD(1) << (K + 1)); sb++)
            {
                slong ps1[16], ps2[16];
                int ok1, ok2, same = 1;

                for (j = 0; j < K; j++)
                    ytilde[j] = ((yb >> j) & 1) ? 'Y' : 'T';
                ytilde[K] = '\0';
                for (j = 0; j <= K; j++)
                    slot[j] = ((sb >> j) & 1) ? 'W' : 'I';
                slot[K + 1] = '\0';
                ck_assert_int_eq(lc_finfo_term_set_letters(t, ytilde, slot, err), LC_OK);
                memset(ps1, 0, sizeof(ps1));
                memset(ps2, 0, sizeof(ps2));
                ok1 = concrete_product(G, ps1, t, k, 5, st);
                ok2 = concrete_product(G, ps2, t, k, 7, st);
                for (j = 0; j < 16; j++)
                    same &= (ps1[j] == ps2[j]);
                ck_assert_msg(lc_finfo_term_is_admissible(t, NULL) == (ok1 && ok2 && same),
                              "word %s / %s", ytilde, slot);
                nadm += (ok1 && ok2 && same);
                ntot++;
            }
    ck_assert_int_eq(ntot, 2 + 8 + 32 + 128 + 512 + 2048);
    ck_assert_int_eq(nadm, 1 + 2 + 4);
    lc_finfo_term_clear(t);
    fmpq_mat_clear(G);
    flint_randclear(st);
}
END_TEST

/* ------------------------------------------------------------- numerics */

/* Every admissible word of degree <= 6 on random rational Y (k x n, k = 2,
   3, n = 1..5): n x n, equal to Y^T M Y with its k x k core, and
   g(Y P) = P^T g(Y) P for random permutations P, checked with matrices and
   through the library's index form. */
START_TEST(admissible_words_are_n_by_n_and_permutation_equivariant)
{
    flint_rand_t st;
    lc_finfo_enum_t E;
    fmpq_mat_t Y, YP, P, G, GP, M, T, Yt;
    fmpq_mat_struct W[3];
    slong perm[5], k, n, i, r, checked = 0;
    lc_err_t err;

    flint_randinit(st);
    lc_rand_seed(st, 42);
    lc_finfo_enum_init(E);
    ck_assert_int_eq(lc_finfo_enumerate(E, 6, 2, err), LC_OK);
    fmpq_mat_init(Y, 0, 0);
    fmpq_mat_init(YP, 0, 0);
    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(G, 0, 0);
    fmpq_mat_init(GP, 0, 0);
    fmpq_mat_init(M, 0, 0);
    fmpq_mat_init(T, 0, 0);
    fmpq_mat_init(Yt, 0, 0);
    for (i = 0; i < 3; i++)
        fmpq_mat_init(W + i, 0, 0);

    for (k = 2; k <= 3; k++)
        for (n = 1; n <= 5; n++)
            for (i = 0; i < E->nterms; i++)
            {
                const lc_finfo_term_struct * t = E->terms + i;
                int holds;

                rand_rational(Y, k, n, st);
                for (r = 0; r < t->nparam; r++)
                    rand_rational(W + r, k, k, st);
                ck_assert_int_eq(lc_finfo_term_eval(G, t, Y, W, t->nparam, err), LC_OK);
                ck_assert_int_eq(fmpq_mat_nrows(G), n);
                ck_assert_int_eq(fmpq_mat_ncols(G), n);

                if (t->K >= 2)
                {
                    ck_assert_int_eq(lc_finfo_term_core(M, t, Y, W, t->nparam, err), LC_OK);
                    ck_assert_int_eq(fmpq_mat_nrows(M), k);
                    ck_assert_int_eq(fmpq_mat_ncols(M), k);
                    lc_qmat_transpose(Yt, Y);
                    ck_assert_int_eq(lc_qmat_mul(T, Yt, M, err), LC_OK);
                    ck_assert_int_eq(lc_qmat_mul(GP, T, Y, err), LC_OK);
                    ck_assert(fmpq_mat_equal(GP, G));
                }
                else
                {
                    ck_assert(fmpq_mat_is_one(G));
                    ck_assert_int_eq(lc_finfo_term_core(M, t, Y, W, t->nparam, err),
                                     LC_E_DOMAIN);
                }

                for (r = 0; r < 3; r++)
                {
                    rand_perm(perm, n, st);
                    perm_matrix(P, perm, n);
                    ck_assert_int_eq(lc_qmat_mul(YP, Y, P, err), LC_OK);
                    ck_assert_int_eq(lc_finfo_term_eval(GP, t, YP, W, t->nparam, err), LC_OK);
                    ck_assert(matrix_equivariant(GP, G, P));
                    ck_assert_int_eq(lc_finfo_term_perm_equivariant(&holds, t, Y, W,
                                                                    t->nparam, perm, err),
                                     LC_OK);
                    ck_assert(holds);
                    checked++;
                }
            }
    ck_assert_int_eq(checked, 2 * 5 * 15 * 3);

    for (i = 0; i < 3; i++)
        fmpq_mat_clear(W + i);
    fmpq_mat_clear(Y);
    fmpq_mat_clear(YP);
    fmpq_mat_clear(P);
    fmpq_mat_clear(G);
    fmpq_mat_clear(GP);
    fmpq_mat_clear(M);
    fmpq_mat_clear(T);
    fmpq_mat_clear(Yt);
    lc_finfo_enum_clear(E);
    flint_randclear(st);
}
END_TEST

/* The equivariance test above can fail: g(Y) = Y^T Y E_11 is n x n but
   not permutation equivariant, and the same matrix check says so. */
START_TEST(equivariance_check_detects_a_non_equivariant_map)
{
    flint_rand_t st;
    fmpq_mat_t Y, YP, P, G, GP, E11, T;
    slong perm[4] = {1, 0, 2, 3};
    lc_err_t err;

    flint_randinit(st);
    lc_rand_seed(st, 5);
    fmpq_mat_init(Y, 0, 0);
    fmpq_mat_init(YP, 0, 0);
    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(G, 0, 0);
    fmpq_mat_init(GP, 0, 0);
    fmpq_mat_init(T, 0, 0);
    fmpq_mat_init(E11, 4, 4);
    fmpq_one(fmpq_mat_entry(E11, 0, 0));
    lc_qmat_parse(Y, "[[1, 2, 3, 4], [0, 1, -1, 2]]", err);
    perm_matrix(P, perm, 4);
    ck_assert_int_eq(lc_qmat_mul(YP, Y, P, err), LC_OK);
    lc_finfo_inner_kernel(T, Y);
    ck_assert_int_eq(lc_qmat_mul(G, T, E11, err), LC_OK);
    lc_finfo_inner_kernel(T, YP);
    ck_assert_int_eq(lc_qmat_mul(GP, T, E11, err), LC_OK);
    ck_assert(!matrix_equivariant(GP, G, P));
    fmpq_mat_clear(Y);
    fmpq_mat_clear(YP);
    fmpq_mat_clear(P);
    fmpq_mat_clear(G);
    fmpq_mat_clear(GP);
    fmpq_mat_clear(T);
    fmpq_mat_clear(E11);
    flint_randclear(st);
}
END_TEST

/* Non-admissible words are refused with LC_E_DIM and the reason, even at
   n = k where some of them happen to be square (Y Y^T is k x k). */
START_TEST(non_admissible_words_fail_with_dim_errors)
{
    static const char * bad[][2] = {
        {"Y", "k x n"},
        {"Y^T", "n x k"},
        {"Y Y^T", "k x k"},
        {"Y Y", "n cannot meet k"},
        {"Y^T Y^T", "k cannot meet n"},
        {"W Y^T Y", "would need n columns"},
        {"Y^T Y W", "would need n rows"},
        {"Y^T Y W Y^T Y", "depends on n"},
        {"W Y Y^T", "c x k"},
        {"W", "c x c"},
    };
    fmpq_mat_t Y, G;
    fmpq_mat_struct W[2];
    lc_finfo_term_t t;
    lc_err_t err;
    slong i;

    fmpq_mat_init(Y, 0, 0);
    fmpq_mat_init(G, 0, 0);
    fmpq_mat_init(W + 0, 0, 0);
    fmpq_mat_init(W + 1, 0, 0);
    lc_finfo_term_init(t);
    lc_qmat_parse(Y, "[[1, 2], [3, 4]]", err);            /* k = n = 2 */
    lc_qmat_parse(W + 0, "[[1, 0], [0, 2]]", err);
    for (i = 0; i < (slong) (sizeof(bad) / sizeof(bad[0])); i++)
    {
        mk_term(t, bad[i][0]);
        ck_assert_int_eq(lc_finfo_term_eval(G, t, Y, W, t->nparam, err), LC_E_DIM);
        ck_assert_msg(strstr(err->msg, bad[i][1]) != NULL, "%s: %s", bad[i][0], err->msg);
        ck_assert_msg(strstr(err->msg, "not n x n for every n") != NULL, "%s", err->msg);
    }

    /* admissible word, wrong parameters */
    mk_term(t, "Y^T W Y");
    ck_assert_int_eq(lc_finfo_term_eval(G, t, Y, W, 0, err), LC_E_ARG);
    lc_qmat_parse(W + 1, "[[1, 0, 0], [0, 2, 0], [0, 0, 1]]", err);
    ck_assert_int_eq(lc_finfo_term_eval(G, t, Y, W + 1, 1, err), LC_E_DIM);
    ck_assert_msg(strstr(err->msg, "k x k") != NULL, "%s", err->msg);
    ck_assert_int_eq(lc_finfo_term_eval(G, t, Y, W, 1, err), LC_OK);
    /* Y^T diag(1, 2) Y with Y = [[1, 2], [3, 4]] */
    lc_qmat_parse(W + 1, "[[19, 26], [26, 36]]", err);
    ck_assert(fmpq_mat_equal(G, W + 1));

    lc_finfo_term_clear(t);
    fmpq_mat_clear(Y);
    fmpq_mat_clear(G);
    fmpq_mat_clear(W + 0);
    fmpq_mat_clear(W + 1);
}
END_TEST

START_TEST(words_parse_and_print)
{
    lc_finfo_term_t t;
    lc_err_t err;
    char * s;

    lc_finfo_term_init(t);
    mk_term(t, "Y^T W Y Y^T W2 Y");
    ck_assert_int_eq(t->K, 4);
    ck_assert_str_eq(t->ytilde, "TYTY");
    ck_assert_str_eq(t->slot, "IWIWI");
    ck_assert_int_eq(t->nparam, 2);
    s = lc_finfo_term_get_str(t);
    ck_assert_str_eq(s, "Y^T W1 Y Y^T W2 Y");
    flint_free(s);
    mk_term(t, "Y' I_k Y I_n Y'W Y");
    ck_assert_str_eq(t->ytilde, "TYTY");
    ck_assert_str_eq(t->slot, "IIIWI");
    mk_term(t, "");
    ck_assert_int_eq(t->K, 0);
    ck_assert_str_eq(t->slot, "I");
    mk_term(t, "W Y W");
    s = lc_finfo_term_get_str(t);
    ck_assert_str_eq(s, "W1 Y W2");
    flint_free(s);
    ck_assert_int_eq(lc_finfo_term_set_str(t, "Y^T W W Y", err), LC_E_PARSE);
    ck_assert_msg(strstr(err->msg, "two parameters") != NULL, "%s", err->msg);
    ck_assert_int_eq(lc_finfo_term_set_str(t, "Y^T X", err), LC_E_PARSE);
    ck_assert_int_eq(lc_finfo_term_set_str(t, "Y^", err), LC_E_PARSE);
    ck_assert_int_eq(lc_finfo_term_set_str(t, "Y Y Y Y Y Y Y Y Y Y Y Y Y", err), LC_E_LIMIT);
    ck_assert_int_eq(lc_finfo_term_set_letters(t, "TY", "IWI", err), LC_OK);
    ck_assert_int_eq(lc_finfo_term_set_letters(t, "TY", "IW", err), LC_E_ARG);
    ck_assert_int_eq(lc_finfo_term_set_letters(t, "TX", "IWI", err), LC_E_ARG);
    lc_finfo_term_clear(t);
}
END_TEST

START_TEST(enumeration_rejects_bad_bounds_and_prints_a_table)
{
    lc_finfo_enum_t E;
    lc_err_t err;
    char * s;

    lc_finfo_enum_init(E);
    ck_assert_int_eq(lc_finfo_enumerate(E, -1, 2, err), LC_E_ARG);
    ck_assert_int_eq(lc_finfo_enumerate(E, LC_FINFO_MAX_K + 1, 2, err), LC_E_LIMIT);
    ck_assert_int_eq(lc_finfo_enumerate(E, 2, 0, err), LC_E_ARG);
    ck_assert_int_eq(lc_finfo_enumerate(E, 2, 3, err), LC_OK);
    s = lc_finfo_enum_get_str(E);
    ck_assert_msg(strstr(s, "K = 2: examined 32, chain fits 6, admissible 2\n") != NULL, "%s", s);
    ck_assert_msg(strstr(s, "  Y^T W1 Y  [9 parameters]\n") != NULL, "%s", s);
    ck_assert_msg(strstr(s, "  I_n  [0 parameters]\n") != NULL, "%s", s);
    flint_free(s);
    lc_finfo_enum_clear(E);
}
END_TEST

/* --------------------------------------------------------------- kernels */

/* Both kernels: n x n, symmetric, permutation equivariant, and unchanged by
   Y -> O Y for a rational orthogonal O (Cayley transform, checked O^T O = I);
   the squared distances have a zero diagonal and agree with the closed form
   d_ij = G_ii + G_jj - 2 G_ij of the inner kernel G. */
START_TEST(kernels_are_symmetric_equivariant_and_orthogonally_invariant)
{
    flint_rand_t st;
    fmpq_mat_t Y, YP, OY, O, Ot, P, G, GP, GO, D, DP, DO;
    slong perm[6], k, n, i, j, r;
    lc_err_t err;
    fmpq_t x;

    flint_randinit(st);
    lc_rand_seed(st, 3);
    fmpq_init(x);
    fmpq_mat_init(Y, 0, 0);
    fmpq_mat_init(YP, 0, 0);
    fmpq_mat_init(OY, 0, 0);
    fmpq_mat_init(O, 0, 0);
    fmpq_mat_init(Ot, 0, 0);
    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(G, 0, 0);
    fmpq_mat_init(GP, 0, 0);
    fmpq_mat_init(GO, 0, 0);
    fmpq_mat_init(D, 0, 0);
    fmpq_mat_init(DP, 0, 0);
    fmpq_mat_init(DO, 0, 0);
    for (k = 2; k <= 3; k++)
        for (n = 1; n <= 6; n++)
            for (r = 0; r < 3; r++)
            {
                rand_rational(Y, k, n, st);
                lc_finfo_inner_kernel(G, Y);
                lc_finfo_sqdist(D, Y);
                ck_assert_int_eq(fmpq_mat_nrows(G), n);
                ck_assert_int_eq(fmpq_mat_ncols(G), n);
                ck_assert_int_eq(fmpq_mat_nrows(D), n);
                ck_assert_int_eq(fmpq_mat_ncols(D), n);
                ck_assert(is_symmetric(G));
                ck_assert(is_symmetric(D));
                for (i = 0; i < n; i++)
                {
                    ck_assert(fmpq_is_zero(fmpq_mat_entry(D, i, i)));
                    for (j = 0; j < n; j++)
                    {
                        fmpq_add(x, fmpq_mat_entry(G, i, i), fmpq_mat_entry(G, j, j));
                        fmpq_sub(x, x, fmpq_mat_entry(G, i, j));
                        fmpq_sub(x, x, fmpq_mat_entry(G, i, j));
                        ck_assert(fmpq_equal(x, fmpq_mat_entry(D, i, j)));
                        ck_assert(fmpq_sgn(fmpq_mat_entry(D, i, j)) >= 0);
                    }
                }

                rand_perm(perm, n, st);
                perm_matrix(P, perm, n);
                ck_assert_int_eq(lc_qmat_mul(YP, Y, P, err), LC_OK);
                lc_finfo_inner_kernel(GP, YP);
                lc_finfo_sqdist(DP, YP);
                ck_assert(matrix_equivariant(GP, G, P));
                ck_assert(matrix_equivariant(DP, D, P));

                lc_qmat_rand_orthogonal(O, k, st, 4);
                lc_qmat_transpose(Ot, O);
                ck_assert_int_eq(lc_qmat_mul(GO, Ot, O, err), LC_OK);
                ck_assert(fmpq_mat_is_one(GO));
                ck_assert_int_eq(lc_qmat_mul(OY, O, Y, err), LC_OK);
                lc_finfo_inner_kernel(GO, OY);
                lc_finfo_sqdist(DO, OY);
                ck_assert(fmpq_mat_equal(GO, G));
                ck_assert(fmpq_mat_equal(DO, D));
            }
    fmpq_clear(x);
    fmpq_mat_clear(Y);
    fmpq_mat_clear(YP);
    fmpq_mat_clear(OY);
    fmpq_mat_clear(O);
    fmpq_mat_clear(Ot);
    fmpq_mat_clear(P);
    fmpq_mat_clear(G);
    fmpq_mat_clear(GP);
    fmpq_mat_clear(GO);
    fmpq_mat_clear(D);
    fmpq_mat_clear(DP);
    fmpq_mat_clear(DO);
    flint_randclear(st);
}
END_TEST

/* The inner kernel is the word Y^T Y of the enumeration. */
START_TEST(inner_kernel_is_the_word_yty)
{
    fmpq_mat_t Y, G, H;
    lc_finfo_term_t t;
    lc_err_t err;

    fmpq_mat_init(Y, 0, 0);
    fmpq_mat_init(G, 0, 0);
    fmpq_mat_init(H, 0, 0);
    lc_finfo_term_init(t);
    lc_qmat_parse(Y, "[[1/2, -3, 0], [2, 1/3, 5]]", err);
    mk_term(t, "Y^T Y");
    ck_assert_int_eq(lc_finfo_term_eval(G, t, Y, NULL, 0, err), LC_OK);
    lc_finfo_inner_kernel(H, Y);
    ck_assert(fmpq_mat_equal(G, H));
    lc_qmat_parse(H, "[[17/4, -5/6, 10], [-5/6, 82/9, 5/3], [10, 5/3, 25]]", err);
    ck_assert(fmpq_mat_equal(G, H));
    lc_finfo_term_clear(t);
    fmpq_mat_clear(Y);
    fmpq_mat_clear(G);
    fmpq_mat_clear(H);
}
END_TEST

/* The Gaussian RBF exp(-gamma d^2): with y_1 = 0, y_2 = (3, 4), d^2 = 25 and
   gamma = 1/25 give exp(-1) off the diagonal and exactly 1 on it. */
START_TEST(gaussian_rbf_encloses_exp_of_minus_gamma_d2)
{
    fmpq_mat_t Y;
    arb_mat_t G;
    arb_t e;
    fmpq_t gamma;
    lc_err_t err;

    fmpq_mat_init(Y, 0, 0);
    arb_mat_init(G, 0, 0);
    arb_init(e);
    fmpq_init(gamma);
    lc_qmat_parse(Y, "[[0, 3], [0, 4]]", err);
    fmpq_set_si(gamma, 1, 25);
    ck_assert_int_eq(lc_finfo_rbf_gauss(G, Y, gamma, 128, err), LC_OK);
    ck_assert_int_eq(arb_mat_nrows(G), 2);
    ck_assert(arb_is_one(arb_mat_entry(G, 0, 0)));
    ck_assert(arb_is_one(arb_mat_entry(G, 1, 1)));
    arb_set_si(e, -1);
    arb_exp(e, e, 128);
    ck_assert(arb_overlaps(e, arb_mat_entry(G, 0, 1)));
    ck_assert(arb_equal(arb_mat_entry(G, 0, 1), arb_mat_entry(G, 1, 0)));
    ck_assert(mag_cmp_2exp_si(arb_radref(arb_mat_entry(G, 0, 1)), -120) < 0);
    fmpq_set_si(gamma, -1, 2);
    ck_assert_int_eq(lc_finfo_rbf_gauss(G, Y, gamma, 128, err), LC_E_ARG);
    fmpq_mat_clear(Y);
    arb_mat_clear(G);
    arb_clear(e);
    fmpq_clear(gamma);
}
END_TEST

/* ------------------------------------------------------- random instances */

START_TEST(random_check_passes_admissible_words_under_permutations)
{
    const char * words[4] = {"", "Y^T Y", "Y^T W Y", "Y^T W Y Y^T Y"};
    lc_finfo_term_t t;
    flint_rand_t st;
    lc_err_t err;
    slong i, checks = 0;
    char * why;
    int holds;

    flint_randinit(st);
    lc_rand_seed(st, 5);
    lc_finfo_term_init(t);
    /* every admissible word is permutation equivariant (doc/finfo.md) */
    for (i = 0; i < 4; i++)
    {
        mk_term(t, words[i]);
        ck_assert_int_eq(lc_finfo_term_check_random(&holds, &why, &checks, t, LC_FINFO_PERM,
                                                    2, 6, st, err), LC_OK);
        ck_assert_msg(holds && why == NULL, "%s: %s", words[i], why);
        ck_assert_int_eq(checks, 6 * (i + 1));
    }
    /* a word that is not n x n is an error, not a verdict */
    mk_term(t, "Y Y^T");
    ck_assert_int_eq(lc_finfo_term_check_random(&holds, &why, &checks, t, LC_FINFO_PERM,
                                                2, 3, st, err), LC_E_DIM);
    ck_assert(!holds && why == NULL);
    mk_term(t, "Y^T Y");
    ck_assert_int_eq(lc_finfo_term_check_random(&holds, &why, &checks, t, LC_FINFO_PERM,
                                                0, 3, st, err), LC_E_LIMIT);
    ck_assert_int_eq(lc_finfo_term_check_random(&holds, &why, &checks, t, LC_FINFO_PERM,
                                                2, LC_FINFO_MAX_RANDOM + 1, st, err), LC_E_LIMIT);
    lc_finfo_term_clear(t);
    flint_randclear(st);
}
END_TEST

/* A := the matrix written after key in text, up to the next "; " or the end. */
static void
parse_after(fmpq_mat_t A, const char * text, const char * key)
{
    const char * a = strstr(text, key), * e;
    char * m;
    lc_err_t err;

    ck_assert_msg(a != NULL, "no '%s' in %s", key, text);
    a += strlen(key);
    e = strstr(a, "; ");
    m = flint_malloc(strlen(a) + 1);
    memcpy(m, a, e != NULL ? (size_t) (e - a) : strlen(a));
    m[e != NULL ? (size_t) (e - a) : strlen(a)] = '\0';
    ck_assert_int_eq(lc_qmat_parse(A, m, err), LC_OK);
    flint_free(m);
}

/* Run the orthogonal check of s at seed 3; returns holds, *why as given. */
static int
orth_check(char ** why, slong * checks, const char * s)
{
    lc_finfo_term_t t;
    flint_rand_t st;
    lc_err_t err;
    int holds;

    flint_randinit(st);
    lc_rand_seed(st, 3);
    lc_finfo_term_init(t);
    mk_term(t, s);
    *checks = 0;
    ck_assert_int_eq(lc_finfo_term_check_random(&holds, why, checks, t, LC_FINFO_ORTH, 3, 5, st,
                                                err), LC_OK);
    lc_finfo_term_clear(t);
    flint_randclear(st);
    return holds;
}

START_TEST(rotating_the_knowledge_keeps_yty_and_breaks_ytwy)
{
    fmpq_mat_t O, Ot, P;
    lc_err_t err;
    slong checks, checks2;
    char * why, * why2;

    /* (O Y)^T (O Y) = Y^T O^T O Y = Y^T Y, and I_n does not see Y at all */
    ck_assert(orth_check(&why, &checks, "Y^T Y") && why == NULL);
    ck_assert_int_eq(checks, 5);
    ck_assert(orth_check(&why, &checks, "") && why == NULL);
    /* Y^T W Y becomes Y^T (O^T W O) Y, a different form for a generic W */
    ck_assert(!orth_check(&why, &checks, "Y^T W Y"));
    ck_assert_msg(why != NULL && strncmp(why, "Y^T W1 Y at n = ", 16) == 0, "%s", why);
    ck_assert_msg(strstr(why, ": g(OY) != g(Y) for O = ") != NULL, "%s", why);
    ck_assert(checks >= 1 && checks <= 5);
    /* the O printed is an exact rotation, and not the identity */
    fmpq_mat_init(O, 0, 0);
    fmpq_mat_init(Ot, 0, 0);
    fmpq_mat_init(P, 0, 0);
    parse_after(O, why, "O = ");
    ck_assert(fmpq_mat_nrows(O) == 3 && fmpq_mat_ncols(O) == 3);
    lc_qmat_transpose(Ot, O);
    ck_assert_int_eq(lc_qmat_mul(P, Ot, O, err), LC_OK);
    ck_assert(fmpq_mat_is_one(P));
    ck_assert(!fmpq_mat_is_one(O));
    /* the random Y and W follow, exactly: with them Y^T W Y and
       (O Y)^T W (O Y) differ, which is the refutation re-checked by hand */
    {
        fmpq_mat_t Y, W, A, B, T;

        fmpq_mat_init(Y, 0, 0);
        fmpq_mat_init(W, 0, 0);
        fmpq_mat_init(A, 0, 0);
        fmpq_mat_init(B, 0, 0);
        fmpq_mat_init(T, 0, 0);
        parse_after(Y, why, "; Y = ");
        parse_after(W, why, "; W1 = ");
        ck_assert(fmpq_mat_nrows(Y) == 3 && fmpq_mat_nrows(W) == 3 && fmpq_mat_ncols(W) == 3);
        /* A = Y^T W Y, B = (O Y)^T W (O Y), through the temporaries T, U */
        {
            fmpq_mat_t U;

            fmpq_mat_init(U, 0, 0);
            lc_qmat_transpose(T, Y);
            ck_assert_int_eq(lc_qmat_mul(U, T, W, err), LC_OK);
            ck_assert_int_eq(lc_qmat_mul(A, U, Y, err), LC_OK);
            ck_assert_int_eq(lc_qmat_mul(T, O, Y, err), LC_OK);
            ck_assert_int_eq(lc_qmat_mul(U, W, T, err), LC_OK);
            lc_qmat_transpose(Y, T);
            ck_assert_int_eq(lc_qmat_mul(B, Y, U, err), LC_OK);
            fmpq_mat_clear(U);
        }
        ck_assert_msg(!fmpq_mat_equal(A, B), "%s", why);
        fmpq_mat_clear(Y);
        fmpq_mat_clear(W);
        fmpq_mat_clear(A);
        fmpq_mat_clear(B);
        fmpq_mat_clear(T);
    }
    /* the same seed gives the same instance and the same certificate */
    ck_assert(!orth_check(&why2, &checks2, "Y^T W Y"));
    ck_assert_str_eq(why, why2);
    ck_assert_int_eq(checks, checks2);
    flint_free(why);
    flint_free(why2);
    fmpq_mat_clear(O);
    fmpq_mat_clear(Ot);
    fmpq_mat_clear(P);
}
END_TEST

START_TEST(check_numeric_counts_every_word_and_every_n)
{
    flint_rand_t st;
    lc_err_t err;
    char * cert;
    int holds;

    flint_randinit(st);
    lc_rand_seed(st, 42);
    /* degrees 0, 2, 4, 6 have 1 + 2 + 4 + 8 = 15 words; 5 values of n each */
    ck_assert_int_eq(lc_finfo_check_numeric(&holds, &cert, 6, 3, 5, st, err), LC_OK);
    ck_assert(holds);
    ck_assert_str_eq(cert, "15 admissible words of degree <= 6, n = 1..5, k = 3: 75 exact "
                     "evaluations, each n x n and permutation equivariant");
    flint_free(cert);
    /* degree <= 1: I_n alone */
    ck_assert_int_eq(lc_finfo_check_numeric(&holds, &cert, 1, 2, 3, st, err), LC_OK);
    ck_assert(holds);
    ck_assert_str_eq(cert, "1 admissible words of degree <= 1, n = 1..3, k = 2: 3 exact "
                     "evaluations, each n x n and permutation equivariant");
    flint_free(cert);
    /* errors leave holds = 0 and no certificate */
    ck_assert_int_eq(lc_finfo_check_numeric(&holds, &cert, 4, 0, 3, st, err), LC_E_LIMIT);
    ck_assert(!holds && cert == NULL);
    ck_assert_str_eq(err->msg, "k and nmax must be between 1 and 16");
    ck_assert_int_eq(lc_finfo_check_numeric(&holds, &cert, 4, 2, 17, st, err), LC_E_LIMIT);
    ck_assert_int_eq(lc_finfo_check_numeric(&holds, &cert, LC_FINFO_MAX_K + 1, 2, 2, st, err),
                     LC_E_LIMIT);
    ck_assert_int_eq(lc_finfo_check_numeric(&holds, &cert, -1, 2, 2, st, err), LC_E_ARG);
    ck_assert(!holds && cert == NULL);
    flint_randclear(st);
}
END_TEST

int
main(void)
{
    Suite * s = suite_create("finfo");
    TCase * tc = tcase_create("finfo");
    SRunner * sr;
    int failed;

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, no_admissible_word_has_degree_one);
    tcase_add_test(tc, degree_zero_is_only_the_parameter_free_identity);
    tcase_add_test(tc, degree_two_is_exactly_yty_and_ytwy);
    tcase_add_test(tc, degree_four_is_exactly_four_words);
    tcase_add_test(tc, counts_per_degree_up_to_ten);
    tcase_add_test(tc, parameter_counts_are_binomial);
    tcase_add_test(tc, structure_theorem_holds_up_to_ten);
    tcase_add_test(tc, structure_check_rejects_counterfeit_lists);
    tcase_add_test(tc, shape_algebra_agrees_with_concrete_sizes_at_two_n);
    tcase_add_test(tc, admissible_words_are_n_by_n_and_permutation_equivariant);
    tcase_add_test(tc, equivariance_check_detects_a_non_equivariant_map);
    tcase_add_test(tc, non_admissible_words_fail_with_dim_errors);
    tcase_add_test(tc, words_parse_and_print);
    tcase_add_test(tc, enumeration_rejects_bad_bounds_and_prints_a_table);
    tcase_add_test(tc, kernels_are_symmetric_equivariant_and_orthogonally_invariant);
    tcase_add_test(tc, inner_kernel_is_the_word_yty);
    tcase_add_test(tc, gaussian_rbf_encloses_exp_of_minus_gamma_d2);
    tcase_add_test(tc, random_check_passes_admissible_words_under_permutations);
    tcase_add_test(tc, rotating_the_knowledge_keeps_yty_and_breaks_ytwy);
    tcase_add_test(tc, check_numeric_counts_every_word_and_every_n);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
