/* lieattn.c -- Lie-algebra attention scores. */
#include "lieattn.h"
#include "matfun.h"

static int
check_tokens(const fmpq_mat_struct * g, slong T, lc_err_t err)
{
    slong i, n;

    if (T < 1)
        return lc_err_set(err, LC_E_ARG, "no tokens given");
    if (T > LC_LIEATTN_MAX_TOKENS)
        return lc_err_set(err, LC_E_LIMIT, "%ld tokens exceed the limit %d", (long) T,
                          LC_LIEATTN_MAX_TOKENS);
    n = fmpq_mat_nrows(g + 0);
    for (i = 0; i < T; i++)
        if (fmpq_mat_nrows(g + i) != n || fmpq_mat_ncols(g + i) != n)
            return lc_err_set(err, LC_E_DIM, "token %ld is %ldx%ld, expected %ldx%ld", (long) i + 1,
                              (long) fmpq_mat_nrows(g + i), (long) fmpq_mat_ncols(g + i),
                              (long) n, (long) n);
    return LC_OK;
}

int
lc_lieattn_norm2(arb_t r, const arb_mat_t X, const fmpq * lambda, slong nlambda,
                 slong prec, lc_err_t err)
{
    slong i, j, n = arb_mat_nrows(X);
    arb_t blk, t, w;

    if (nlambda != 1 && nlambda != 2)
        return lc_err_set(err, LC_E_ARG, "lambda needs 1 weight (plain form) or 2 (homogeneous "
                          "form: linear block, translation), got %ld", (long) nlambda);
    if (nlambda == 2 && n < 2)
        return lc_err_set(err, LC_E_DIM, "the homogeneous form needs matrices of size 2 or more");
    arb_init(blk);
    arb_init(t);
    arb_init(w);
    arb_zero(r);
    if (nlambda == 1)
    {
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                arb_addmul(blk, arb_mat_entry(X, i, j), arb_mat_entry(X, i, j), prec);
        arb_set_fmpq(w, lambda + 0, prec);
        arb_mul(r, blk, w, prec);
    }
    else
    {
        for (i = 0; i < n - 1; i++)
            for (j = 0; j < n - 1; j++)
                arb_addmul(blk, arb_mat_entry(X, i, j), arb_mat_entry(X, i, j), prec);
        arb_set_fmpq(w, lambda + 0, prec);
        arb_mul(r, blk, w, prec);
        arb_zero(blk);
        for (i = 0; i < n - 1; i++)
            arb_addmul(blk, arb_mat_entry(X, i, n - 1), arb_mat_entry(X, i, n - 1), prec);
        arb_set_fmpq(w, lambda + 1, prec);
        arb_addmul(r, blk, w, prec);
    }
    arb_clear(blk);
    arb_clear(t);
    arb_clear(w);
    return LC_OK;
}

int
lc_lieattn_scores(arb_mat_t S, const fmpq_mat_struct * g, slong T,
                  const fmpq * lambda, slong nlambda, const fmpq_t tau,
                  slong prec, lc_err_t err)
{
    slong i, j, k, n;
    fmpq_mat_struct * ginv;
    fmpq_mat_t R;
    arb_mat_t Rb, Lg;
    arb_t s, t;
    int st = LC_OK;

    if ((st = check_tokens(g, T, err)) != LC_OK)
        return st;
    if (nlambda != 1 && nlambda != 2)
        return lc_err_set(err, LC_E_ARG, "lambda needs 1 weight (plain form) or 2 (homogeneous "
                          "form: linear block, translation), got %ld", (long) nlambda);
    for (k = 0; k < nlambda; k++)
        if (fmpq_sgn(lambda + k) <= 0)
            return lc_err_set(err, LC_E_ARG, "the weights lambda must be positive");
    if (fmpq_sgn(tau) <= 0)
        return lc_err_set(err, LC_E_ARG, "the temperature tau must be positive");
    n = fmpq_mat_nrows(g + 0);

    ginv = flint_malloc(T * sizeof(fmpq_mat_struct));
    for (i = 0; i < T; i++)
    {
        fmpq_mat_init(ginv + i, n, n);
        if (st == LC_OK && !fmpq_mat_inv(ginv + i, g + i))
            st = lc_err_set(err, LC_E_SINGULAR, "token %ld is not invertible", (long) i + 1);
    }
    fmpq_mat_init(R, n, n);
    arb_mat_init(Rb, n, n);
    arb_mat_init(Lg, n, n);
    arb_init(s);
    arb_init(t);
    lc_ball_resize(S, T, T);
    arb_mat_zero(S);
    arb_set_fmpq(t, tau, prec);
    /* log(r_ji) = -log(r_ij) (r_ji = r_ij^-1), so the scores are symmetric
       and s_ii = -||log I||^2 = 0: only i < j is computed. */
    for (i = 0; st == LC_OK && i < T; i++)
        for (j = i + 1; st == LC_OK && j < T; j++)
        {
            fmpq_mat_mul(R, ginv + i, g + j);
            lc_ball_set_qmat(Rb, R, prec);
            if ((st = lc_matfun_log(Lg, Rb, prec, err)) != LC_OK)
            {
                char msg[LC_ERR_MSG_LEN];

                snprintf(msg, sizeof(msg), "%s", err->msg);
                st = lc_err_set(err, st, "the score of tokens %ld and %ld is undefined: "
                                "log(g_%ld^-1 g_%ld): %s", (long) i + 1, (long) j + 1,
                                (long) i + 1, (long) j + 1, msg);
                break;
            }
            lc_lieattn_norm2(s, Lg, lambda, nlambda, prec, err);
            arb_div(s, s, t, prec);
            arb_neg(s, s);
            arb_set(arb_mat_entry(S, i, j), s);
            arb_set(arb_mat_entry(S, j, i), s);
        }
    for (i = 0; i < T; i++)
        fmpq_mat_clear(ginv + i);
    flint_free(ginv);
    fmpq_mat_clear(R);
    arb_mat_clear(Rb);
    arb_mat_clear(Lg);
    arb_clear(s);
    arb_clear(t);
    return st;
}

int
lc_lieattn_dot_scores(fmpq_mat_t S, const fmpq_mat_struct * g, slong T,
                      const fmpq_mat_t W, lc_err_t err)
{
    slong i, j, a, b, n, N;
    fmpq_mat_t V, WV;
    int st;

    if ((st = check_tokens(g, T, err)) != LC_OK)
        return st;
    n = fmpq_mat_nrows(g + 0);
    N = n * n;
    if (W != NULL && (fmpq_mat_nrows(W) != N || fmpq_mat_ncols(W) != N))
        return lc_err_set(err, LC_E_DIM, "W must be %ldx%ld (tokens have %ld entries), got %ldx%ld",
                          (long) N, (long) N, (long) N, (long) fmpq_mat_nrows(W),
                          (long) fmpq_mat_ncols(W));
    /* V: one column per token, the token's entries row by row. */
    fmpq_mat_init(V, N, T);
    fmpq_mat_init(WV, N, T);
    for (j = 0; j < T; j++)
        for (a = 0; a < n; a++)
            for (b = 0; b < n; b++)
                fmpq_set(fmpq_mat_entry(V, a * n + b, j), fmpq_mat_entry(g + j, a, b));
    if (W != NULL)
        fmpq_mat_mul(WV, W, V);
    else
        fmpq_mat_set(WV, V);
    lc_qmat_resize(S, T, T);
    for (i = 0; i < T; i++)
        for (j = 0; j < T; j++)
            for (a = 0; a < N; a++)
                fmpq_addmul(fmpq_mat_entry(S, i, j), fmpq_mat_entry(V, a, i),
                            fmpq_mat_entry(WV, a, j));
    fmpq_mat_clear(V);
    fmpq_mat_clear(WV);
    return LC_OK;
}
