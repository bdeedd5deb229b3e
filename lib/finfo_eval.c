/* finfo_eval.c -- exact values of the admissible words of eq. (3.2), their
 * k x k cores, permutation equivariance (Def. 4.1 at the level of g), and the
 * kernel forms of Sec. 3.3 (inner product, squared distances, Gaussian RBF).
 * The shape decision itself lives in finfo.c. */
#include "finfo.h"
#include "strbuf.h"

/* ---------------------------------------------------------- exact values */

static int
check_inputs(const lc_finfo_term_struct * t, const fmpq_mat_t Y, const fmpq_mat_struct * W,
             slong nW, lc_err_t err)
{
    slong k = fmpq_mat_nrows(Y), n = fmpq_mat_ncols(Y), i;
    lc_err_t why;

    if (!lc_finfo_term_is_admissible(t, why))
    {
        char * w = lc_finfo_term_get_str(t);
        lc_err_set(err, LC_E_DIM, "finfo: %s is not n x n for every n: %s", w, why->msg);
        flint_free(w);
        return LC_E_DIM;
    }
    if (k < 1 || n < 1)
        return lc_err_set(err, LC_E_DIM, "finfo: Y must be k x n with k, n >= 1, got %ldx%ld",
                          k, n);
    if (nW != t->nparam)
        return lc_err_set(err, LC_E_ARG, "finfo: the word has %ld parameter%s, got %ld",
                          t->nparam, t->nparam == 1 ? "" : "s", nW);
    for (i = 0; i < nW; i++)
        if (fmpq_mat_nrows(W + i) != k || fmpq_mat_ncols(W + i) != k)
            return lc_err_set(err, LC_E_DIM,
                              "finfo: parameter W%ld is %ldx%ld, must be k x k = %ldx%ld",
                              i + 1, fmpq_mat_nrows(W + i), fmpq_mat_ncols(W + i), k, k);
    return LC_OK;
}

/* acc := acc * B, through a temporary (fmpq_mat_mul may not alias). */
static void
mul_right(fmpq_mat_t acc, const fmpq_mat_t B)
{
    fmpq_mat_t T;

    fmpq_mat_init(T, fmpq_mat_nrows(acc), fmpq_mat_ncols(B));
    fmpq_mat_mul(T, acc, B);
    fmpq_mat_swap(acc, T);
    fmpq_mat_clear(T);
}

int
lc_finfo_term_eval(fmpq_mat_t G, const lc_finfo_term_struct * t, const fmpq_mat_t Y,
                   const fmpq_mat_struct * W, slong nW, lc_err_t err)
{
    slong j, p = 0;
    fmpq_mat_t Yt, acc;
    int status;

    if ((status = check_inputs(t, Y, W, nW, err)) != LC_OK)
        return status;
    if (t->K == 0)
    {
        lc_qmat_eye(G, fmpq_mat_ncols(Y));
        return LC_OK;
    }

    /* admissible: slot 0 and slot K are empty, so the product is
       Y~_1 W_1 Y~_2 ... W_{K-1} Y~_K, multiplied left to right as written */
    fmpq_mat_init(Yt, fmpq_mat_ncols(Y), fmpq_mat_nrows(Y));
    fmpq_mat_transpose(Yt, Y);
    fmpq_mat_init(acc, 0, 0);
    lc_qmat_resize(acc, t->ytilde[0] == 'T' ? fmpq_mat_ncols(Y) : fmpq_mat_nrows(Y),
                   t->ytilde[0] == 'T' ? fmpq_mat_nrows(Y) : fmpq_mat_ncols(Y));
    fmpq_mat_set(acc, t->ytilde[0] == 'T' ? Yt : Y);
    for (j = 1; j < t->K; j++)
    {
        if (t->slot[j] == 'W')
            mul_right(acc, W + p++);
        mul_right(acc, t->ytilde[j] == 'T' ? Yt : Y);
    }
    fmpq_mat_swap(G, acc);
    fmpq_mat_clear(acc);
    fmpq_mat_clear(Yt);
    return LC_OK;
}

int
lc_finfo_term_core(fmpq_mat_t M, const lc_finfo_term_struct * t, const fmpq_mat_t Y,
                   const fmpq_mat_struct * W, slong nW, lc_err_t err)
{
    slong k = fmpq_mat_nrows(Y), j, p = 0;
    fmpq_mat_t YYt, acc;
    int status;

    if ((status = check_inputs(t, Y, W, nW, err)) != LC_OK)
        return status;
    if (t->K == 0)
        return lc_err_set(err, LC_E_DOMAIN,
                          "finfo: the empty product I_n is not of the form Y^T M Y");

    fmpq_mat_init(YYt, k, k);
    {
        fmpq_mat_t Yt;
        fmpq_mat_init(Yt, fmpq_mat_ncols(Y), k);
        fmpq_mat_transpose(Yt, Y);
        fmpq_mat_mul(YYt, Y, Yt);
        fmpq_mat_clear(Yt);
    }
    fmpq_mat_init(acc, k, k);
    fmpq_mat_one(acc);
    /* the free slots are the odd ones, 1, 3, ..., K - 1; between two of them
       sits a Y Y^T */
    for (j = 1; j < t->K; j += 2)
    {
        if (j > 1)
            mul_right(acc, YYt);
        if (t->slot[j] == 'W')
            mul_right(acc, W + p++);
    }
    fmpq_mat_swap(M, acc);
    fmpq_mat_clear(acc);
    fmpq_mat_clear(YYt);
    return LC_OK;
}

int
lc_finfo_term_perm_equivariant(int * holds, const lc_finfo_term_struct * t,
                               const fmpq_mat_t Y, const fmpq_mat_struct * W, slong nW,
                               const slong * perm, lc_err_t err)
{
    slong k = fmpq_mat_nrows(Y), n = fmpq_mat_ncols(Y), i, j;
    fmpq_mat_t YP, G, GP;
    char * hit;
    int status;

    *holds = 0;
    if (perm == NULL)
        return lc_err_set(err, LC_E_ARG, "finfo: missing permutation");
    hit = flint_calloc(n > 0 ? n : 1, 1);
    for (j = 0; j < n; j++)
    {
        if (perm[j] < 0 || perm[j] >= n || hit[perm[j]])
        {
            flint_free(hit);
            return lc_err_set(err, LC_E_ARG,
                              "finfo: the map j -> perm[j] is not a permutation of 0..%ld",
                              n - 1);
        }
        hit[perm[j]] = 1;
    }
    flint_free(hit);

    fmpq_mat_init(YP, k, n);
    for (i = 0; i < k; i++)
        for (j = 0; j < n; j++)
            fmpq_set(fmpq_mat_entry(YP, i, j), fmpq_mat_entry(Y, i, perm[j]));
    fmpq_mat_init(G, 0, 0);
    fmpq_mat_init(GP, 0, 0);
    status = lc_finfo_term_eval(G, t, Y, W, nW, err);
    if (status == LC_OK)
        status = lc_finfo_term_eval(GP, t, YP, W, nW, err);
    if (status == LC_OK)
    {
        /* (P^T G P)_ij = G_{perm[i], perm[j]} */
        *holds = 1;
        for (i = 0; i < n && *holds; i++)
            for (j = 0; j < n && *holds; j++)
                if (!fmpq_equal(fmpq_mat_entry(GP, i, j),
                                fmpq_mat_entry(G, perm[i], perm[j])))
                    *holds = 0;
    }
    fmpq_mat_clear(YP);
    fmpq_mat_clear(G);
    fmpq_mat_clear(GP);
    return status;
}

/* ------------------------------------------------------- random instances */

static int
random_limits(slong k, slong nmax, lc_err_t err)
{
    if (k < 1 || k > LC_FINFO_MAX_RANDOM || nmax < 1 || nmax > LC_FINFO_MAX_RANDOM)
        return lc_err_set(err, LC_E_LIMIT, "k and nmax must be between 1 and %d",
                          LC_FINFO_MAX_RANDOM);
    return LC_OK;
}

/* *holds := whether g(O Y) = g(Y) for G = g(Y), O drawn from st. */
static int
orth_invariant(int * holds, char ** reason, const fmpq_mat_t G, const lc_finfo_term_struct * t,
               const fmpq_mat_t Y, const fmpq_mat_struct * W, slong nW, flint_rand_t st,
               lc_err_t err)
{
    fmpq_mat_t O, OY, GO;
    int status;

    fmpq_mat_init(O, 0, 0);
    fmpq_mat_init(OY, fmpq_mat_nrows(Y), fmpq_mat_ncols(Y));
    fmpq_mat_init(GO, 0, 0);
    lc_qmat_rand_orthogonal(O, fmpq_mat_nrows(Y), st, 3);
    fmpq_mat_mul(OY, O, Y);
    status = lc_finfo_term_eval(GO, t, OY, W, nW, err);
    *holds = status == LC_OK && fmpq_mat_equal(GO, G);
    if (status == LC_OK && !*holds)
    {
        /* O in full, so that the failure can be re-checked by hand */
        lc_sb b = {NULL, 0, 0};
        char * o = lc_qmat_get_str(O);

        lc_sb_printf(&b, "g(OY) != g(Y) for O = %s", o);
        flint_free(o);
        *reason = lc_sb_take(&b);
    }
    fmpq_mat_clear(O);
    fmpq_mat_clear(OY);
    fmpq_mat_clear(GO);
    return status;
}

int
lc_finfo_term_check_random(int * holds, char ** why, slong * checks,
                           const lc_finfo_term_struct * t, lc_finfo_action action,
                           slong k, slong nmax, flint_rand_t st, lc_err_t err)
{
    slong n, i, * p;
    fmpq_mat_t Y, G;
    fmpq_mat_struct * W;
    char * reason = NULL;
    int ok = 1, status;

    *holds = 0;
    *why = NULL;
    if ((status = random_limits(k, nmax, err)) != LC_OK)
        return status;
    fmpq_mat_init(Y, 0, 0);
    fmpq_mat_init(G, 0, 0);
    W = flint_malloc(sizeof(fmpq_mat_struct) * (t->nparam + 1));
    for (i = 0; i < t->nparam; i++)
        fmpq_mat_init(W + i, 0, 0);
    p = flint_malloc(sizeof(slong) * nmax);
    for (n = 1; ok && status == LC_OK && n <= nmax; n++)
    {
        /* the draws, in this order, are those of finfo_check_numeric since
           its first version: a seed gives the same instances */
        lc_qmat_rand(Y, k, n, st, 5);
        for (i = 0; i < t->nparam; i++)
            lc_qmat_rand(W + i, k, k, st, 5);
        if ((status = lc_finfo_term_eval(G, t, Y, W, t->nparam, err)) != LC_OK)
            break;
        if (action == LC_FINFO_PERM)
        {
            lc_rand_perm(p, n, st);
            status = lc_finfo_term_perm_equivariant(&ok, t, Y, W, t->nparam, p, err);
        }
        else
            status = orth_invariant(&ok, &reason, G, t, Y, W, t->nparam, st, err);
        if (status != LC_OK)
            break;
        (*checks)++;
        if (fmpq_mat_nrows(G) != n || fmpq_mat_ncols(G) != n || !ok)
        {
            lc_sb b = {NULL, 0, 0};
            char * s = lc_finfo_term_get_str(t);

            lc_sb_printf(&b, "%s at n = %ld: %s", s, (long) n,
                         ok ? "not n x n" : reason != NULL ? reason : "g(YP) != P^T g(Y) P");
            flint_free(s);
            /* the random input that refutes, exactly (liecheck's literal
               syntax), so that the refutation can be re-checked by hand */
            s = lc_qmat_get_str(Y);
            lc_sb_printf(&b, "; Y = %s", s);
            flint_free(s);
            for (i = 0; i < t->nparam; i++)
            {
                s = lc_qmat_get_str(W + i);
                lc_sb_printf(&b, "; W%ld = %s", (long) i + 1, s);
                flint_free(s);
            }
            if (ok && action == LC_FINFO_PERM)
            {
                slong j;

                lc_sb_cat(&b, "; P = perm([");
                for (j = 0; j < n; j++)
                    lc_sb_printf(&b, "%s%ld", j > 0 ? ", " : "", (long) p[j] + 1);
                lc_sb_cat(&b, "])");
            }
            *why = lc_sb_take(&b);
            ok = 0;
        }
    }
    *holds = status == LC_OK && ok;
    flint_free(reason);
    flint_free(p);
    for (i = 0; i < t->nparam; i++)
        fmpq_mat_clear(W + i);
    flint_free(W);
    fmpq_mat_clear(Y);
    fmpq_mat_clear(G);
    return status;
}

int
lc_finfo_check_numeric(int * holds, char ** cert, slong max_K, slong k, slong nmax,
                       flint_rand_t st, lc_err_t err)
{
    lc_finfo_enum_t E;
    slong w, checks = 0;
    int ok = 1, status;

    *holds = 0;
    *cert = NULL;
    /* the limits first, as the language has always reported them */
    if ((status = random_limits(k, nmax, err)) != LC_OK)
        return status;
    lc_finfo_enum_init(E);
    if ((status = lc_finfo_enumerate(E, max_K, k, err)) == LC_OK)
    {
        for (w = 0; ok && status == LC_OK && w < E->nterms; w++)
            status = lc_finfo_term_check_random(&ok, cert, &checks, E->terms + w,
                                                LC_FINFO_PERM, k, nmax, st, err);
        if (status == LC_OK && ok)
        {
            lc_sb b = {NULL, 0, 0};

            lc_sb_printf(&b, "%ld admissible words of degree <= %ld, n = 1..%ld, k = %ld: "
                         "%ld exact evaluations, each n x n and permutation equivariant",
                         (long) E->nterms, (long) max_K, (long) nmax, (long) k, (long) checks);
            *cert = lc_sb_take(&b);
        }
        *holds = status == LC_OK && ok;
    }
    lc_finfo_enum_clear(E);
    return status;
}

/* ---------------------------------------------------------------- kernels */

void
lc_finfo_inner_kernel(fmpq_mat_t G, const fmpq_mat_t Y)
{
    fmpq_mat_t Yt, T;

    fmpq_mat_init(Yt, fmpq_mat_ncols(Y), fmpq_mat_nrows(Y));
    fmpq_mat_transpose(Yt, Y);
    fmpq_mat_init(T, fmpq_mat_ncols(Y), fmpq_mat_ncols(Y));
    fmpq_mat_mul(T, Yt, Y);
    fmpq_mat_swap(G, T);
    fmpq_mat_clear(T);
    fmpq_mat_clear(Yt);
}

void
lc_finfo_sqdist(fmpq_mat_t G, const fmpq_mat_t Y)
{
    slong k = fmpq_mat_nrows(Y), n = fmpq_mat_ncols(Y), i, j, r;
    fmpq_t d, s;
    fmpq_mat_t T;

    /* summed from the differences rather than from ||y_i||^2 + ||y_j||^2 -
       2 y_i.y_j: the same number over Q, and it is what the definition says */
    fmpq_init(d);
    fmpq_init(s);
    fmpq_mat_init(T, n, n);
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
        {
            fmpq_zero(s);
            for (r = 0; r < k; r++)
            {
                fmpq_sub(d, fmpq_mat_entry(Y, r, i), fmpq_mat_entry(Y, r, j));
                fmpq_addmul(s, d, d);
            }
            fmpq_set(fmpq_mat_entry(T, i, j), s);
            fmpq_set(fmpq_mat_entry(T, j, i), s);
        }
    fmpq_mat_swap(G, T);
    fmpq_mat_clear(T);
    fmpq_clear(d);
    fmpq_clear(s);
}

int
lc_finfo_rbf_gauss(arb_mat_t G, const fmpq_mat_t Y, const fmpq_t gamma, slong prec,
                   lc_err_t err)
{
    slong n = fmpq_mat_ncols(Y), i, j;
    fmpq_mat_t D;
    fmpq_t e;

    if (fmpq_sgn(gamma) < 0)
        return lc_err_set(err, LC_E_ARG, "finfo: the RBF scale gamma must be >= 0");
    fmpq_mat_init(D, 0, 0);
    fmpq_init(e);
    lc_finfo_sqdist(D, Y);
    if (arb_mat_nrows(G) != n || arb_mat_ncols(G) != n)
    {
        arb_mat_clear(G);
        arb_mat_init(G, n, n);
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            /* the exponent is exact; only exp rounds */
            fmpq_mul(e, gamma, fmpq_mat_entry(D, i, j));
            fmpq_neg(e, e);
            arb_set_fmpq(arb_mat_entry(G, i, j), e, prec);
            arb_exp(arb_mat_entry(G, i, j), arb_mat_entry(G, i, j), prec);
        }
    fmpq_clear(e);
    fmpq_mat_clear(D);
    return LC_OK;
}
