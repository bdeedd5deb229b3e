/* gauge_sym.c -- exact tangent vectors of the continuous symmetries of a
 * transformer stack (the directions in parameter space along which the
 * function E -> forward(M, E) does not change), and of the embedding-frame
 * action of eqs. (6)-(13).  Each tangent is built as a "tangent model" (the
 * derivative of every weight) and then flattened like lc_gauge_params_get. */
#include "gauge.h"

/* Every parameter and R1, R2 of dM := 0, in place (pointers into dM's
   layers stay valid). */
static void
zero_params(lc_tmodel_t dM)
{
    slong l;

    for (l = 0; l < dM->n_t; l++)
    {
        lc_tlayer_struct * L = dM->layers + l;
        fmpq_mat_struct * all[18] = {L->Wq, L->bq, L->Wk, L->bk, L->Wv, L->bv, L->Wo, L->bo,
                                     L->W1, L->b1, L->W2, L->b2, L->ln1_w, L->ln1_b,
                                     L->ln2_w, L->ln2_b, L->R1, L->R2};
        int s;

        for (s = 0; s < 18; s++)
            fmpq_mat_zero(all[s]);
    }
}

/* dM := M's shape, everything zero. */
static void
zero_like(lc_tmodel_t dM, const lc_tmodel_t M)
{
    lc_tmodel_set(dM, M);
    zero_params(dM);
}

/* T := [T, the parameter vector of dM]; dM := zero again. */
static void
push(fmpq_mat_t T, lc_tmodel_t dM, slong * k)
{
    fmpq_mat_t v, U;
    slong i, j;

    fmpq_mat_init(v, 0, 0);
    lc_gauge_params_get(v, dM);
    fmpq_mat_init(U, v->r, T->c + 1);
    for (i = 0; i < T->r; i++)
        for (j = 0; j < T->c; j++)
            fmpq_set(fmpq_mat_entry(U, i, j), fmpq_mat_entry(T, i, j));
    for (i = 0; i < v->r; i++)
        fmpq_set(fmpq_mat_entry(U, i, T->c), fmpq_mat_entry(v, i, 0));
    fmpq_mat_swap(U, T);
    fmpq_mat_clear(U);
    fmpq_mat_clear(v);
    zero_params(dM);
    (*k)++;
}

/* D rows r0.. (n of them) := X * (rows r0.. of A), X n x n. */
static void
rows_lmul(fmpq_mat_t D, const fmpq_mat_t X, const fmpq_mat_t A, slong r0, slong n, int sign)
{
    slong i, j, t;

    for (i = 0; i < n; i++)
        for (j = 0; j < A->c; j++)
        {
            fmpq_zero(fmpq_mat_entry(D, r0 + i, j));
            for (t = 0; t < n; t++)
                fmpq_addmul(fmpq_mat_entry(D, r0 + i, j), fmpq_mat_entry(X, i, t),
                            fmpq_mat_entry(A, r0 + t, j));
            if (sign < 0)
                fmpq_neg(fmpq_mat_entry(D, r0 + i, j), fmpq_mat_entry(D, r0 + i, j));
        }
}

/* The ONES direction of row r of W reading a layer norm with scale w and
   shift s: dW = e_r u^T with u = 1/w, db = -e_r (u.s); u.(w o n) = 1.n = 0. */
static int
ones_dir(fmpq_mat_t dW, fmpq_mat_t db, slong r, const fmpq_mat_t w, const fmpq_mat_t s)
{
    fmpq_t u;
    slong i;

    fmpq_init(u);
    for (i = 0; i < w->r; i++)
        if (fmpq_is_zero(fmpq_mat_entry(w, i, 0)))
        {
            fmpq_clear(u);
            return 0;
        }
    for (i = 0; i < w->r; i++)
    {
        fmpq_inv(u, fmpq_mat_entry(w, i, 0));
        fmpq_set(fmpq_mat_entry(dW, r, i), u);
        fmpq_submul(fmpq_mat_entry(db, r, 0), u, fmpq_mat_entry(s, i, 0));
    }
    fmpq_clear(u);
    return 1;
}

/* The LN-scale direction: w_i moves by 1, column i of each W reading the
   norm by -W e_i / w_i, its bias by W e_i s_i / w_i. */
static void
fold_w_dir(fmpq_mat_t dW, fmpq_mat_t db, const fmpq_mat_t W, slong i, const fmpq_mat_t w,
           const fmpq_mat_t s)
{
    fmpq_t c;
    slong r;

    fmpq_init(c);
    for (r = 0; r < W->r; r++)
    {
        fmpq_div(c, fmpq_mat_entry(W, r, i), fmpq_mat_entry(w, i, 0));
        fmpq_neg(fmpq_mat_entry(dW, r, i), c);
        fmpq_mul(fmpq_mat_entry(db, r, 0), c, fmpq_mat_entry(s, i, 0));
    }
    fmpq_clear(c);
}

slong
lc_gauge_sym_tangents(fmpq_mat_t T, const lc_tmodel_t M, int kinds)
{
    lc_tmodel_t dM;
    fmpq_mat_t X;
    slong l, a, i, j, r, k = 0, dh = M->d_h, hd = M->n_h * M->d_h;

    lc_qmat_resize(T, lc_tmodel_nparams(M), 0);
    lc_tmodel_init(dM);
    zero_like(dM, M);
    fmpq_mat_init(X, dh, dh);
    for (l = 0; l < M->n_t; l++)
    {
        const lc_tlayer_struct * L = M->layers + l;
        lc_tlayer_struct * D = dM->layers + l;

        for (a = 0; a < M->n_h; a++)
            for (i = 0; i < dh; i++)
                for (j = 0; j < dh; j++)
                {
                    fmpq_mat_zero(X);
                    fmpq_one(fmpq_mat_entry(X, i, j));
                    if (kinds & LC_SYM_QK)
                    {
                        fmpq_mat_t XT;

                        rows_lmul(D->Wq, X, L->Wq, a * dh, dh, 1);
                        rows_lmul(D->bq, X, L->bq, a * dh, dh, 1);
                        fmpq_mat_init(XT, dh, dh);
                        fmpq_mat_transpose(XT, X);
                        rows_lmul(D->Wk, XT, L->Wk, a * dh, dh, -1);
                        rows_lmul(D->bk, XT, L->bk, a * dh, dh, -1);
                        fmpq_mat_clear(XT);
                        push(T, dM, &k);
                    }
                    if (kinds & LC_SYM_VO)
                    {
                        rows_lmul(D->Wv, X, L->Wv, a * dh, dh, 1);
                        rows_lmul(D->bv, X, L->bv, a * dh, dh, 1);
                        /* dWo_a = -Wo_a X: column a*dh + j gets -column a*dh + i */
                        for (r = 0; r < M->d_e; r++)
                            fmpq_neg(fmpq_mat_entry(D->Wo, r, a * dh + j),
                                     fmpq_mat_entry(L->Wo, r, a * dh + i));
                        push(T, dM, &k);
                    }
                }
        if (kinds & LC_SYM_KBIAS)
            for (r = 0; r < hd; r++)
            {
                fmpq_one(fmpq_mat_entry(D->bk, r, 0));
                push(T, dM, &k);
            }
        if (kinds & LC_SYM_VBIAS)
            for (r = 0; r < hd; r++)
            {
                fmpq_one(fmpq_mat_entry(D->bv, r, 0));
                for (i = 0; i < M->d_e; i++)
                    fmpq_neg(fmpq_mat_entry(D->bo, i, 0), fmpq_mat_entry(L->Wo, i, r));
                push(T, dM, &k);
            }
        if (kinds & LC_SYM_ONES)
        {
            /* What Q, K, V read: LN1's output (pre-norm), or the previous
               layer's LN2 output (post-norm, not for the first layer). */
            const fmpq_mat_struct * w = NULL, * s = NULL;

            if (M->norm_first)
                w = L->ln1_w, s = L->ln1_b;
            else if (l > 0)
                w = M->layers[l - 1].ln2_w, s = M->layers[l - 1].ln2_b;
            if (w != NULL)
            {
                fmpq_mat_struct * dWs[3] = {D->Wq, D->Wk, D->Wv}, * dbs[3] = {D->bq, D->bk, D->bv};
                int m;

                for (m = 0; m < 3; m++)
                    for (r = 0; r < hd; r++)
                        if (ones_dir(dWs[m], dbs[m], r, w, s))
                            push(T, dM, &k);
                        else
                            zero_params(dM);
            }
            w = M->norm_first ? L->ln2_w : L->ln1_w;
            s = M->norm_first ? L->ln2_b : L->ln1_b;
            for (r = 0; r < M->d_f; r++)
                if (ones_dir(D->W1, D->b1, r, w, s))
                    push(T, dM, &k);
                else
                    zero_params(dM);
        }
        if ((kinds & LC_SYM_LNFOLD) && M->norm_first)
        {
            int ok = 1;

            for (i = 0; i < M->d_e; i++)
                ok = ok && !fmpq_is_zero(fmpq_mat_entry(L->ln1_w, i, 0))
                        && !fmpq_is_zero(fmpq_mat_entry(L->ln2_w, i, 0));
            for (i = 0; i < M->d_e && ok; i++)
            {
                fmpq_one(fmpq_mat_entry(D->ln1_w, i, 0));
                fold_w_dir(D->Wq, D->bq, L->Wq, i, L->ln1_w, L->ln1_b);
                fold_w_dir(D->Wk, D->bk, L->Wk, i, L->ln1_w, L->ln1_b);
                fold_w_dir(D->Wv, D->bv, L->Wv, i, L->ln1_w, L->ln1_b);
                push(T, dM, &k);
                fmpq_one(fmpq_mat_entry(D->ln1_b, i, 0));
                for (r = 0; r < hd; r++)
                {
                    fmpq_neg(fmpq_mat_entry(D->bq, r, 0), fmpq_mat_entry(L->Wq, r, i));
                    fmpq_neg(fmpq_mat_entry(D->bk, r, 0), fmpq_mat_entry(L->Wk, r, i));
                    fmpq_neg(fmpq_mat_entry(D->bv, r, 0), fmpq_mat_entry(L->Wv, r, i));
                }
                push(T, dM, &k);
                fmpq_one(fmpq_mat_entry(D->ln2_w, i, 0));
                fold_w_dir(D->W1, D->b1, L->W1, i, L->ln2_w, L->ln2_b);
                push(T, dM, &k);
                fmpq_one(fmpq_mat_entry(D->ln2_b, i, 0));
                for (r = 0; r < M->d_f; r++)
                    fmpq_neg(fmpq_mat_entry(D->b1, r, 0), fmpq_mat_entry(L->W1, r, i));
                push(T, dM, &k);
            }
        }
        if ((kinds & LC_SYM_RESID) && M->norm_first)
        {
            /* Pre-norm: the residual stream's component along 1 is read by
               no layer norm, only by the output: constant shifts c 1 of the
               biases bo, b2 cancel when they sum to 0 (2 n_t - 1 of them). */
            lc_tlayer_struct * Dl = dM->layers + M->n_t - 1;
            int m;

            for (m = 0; m < 2; m++)
            {
                if (m == 1 && l == M->n_t - 1)
                    break;
                for (i = 0; i < M->d_e; i++)
                {
                    fmpq_one(fmpq_mat_entry(m == 0 ? D->bo : D->b2, i, 0));
                    fmpq_set_si(fmpq_mat_entry(Dl->b2, i, 0), -1, 1);
                }
                push(T, dM, &k);
            }
        }
        if ((kinds & LC_SYM_RESID) && !M->norm_first)
        {
            /* Post-norm: LN1 and LN2 ignore what their input has along 1,
               so Wo + 1 r^T, bo + c 1, W2 + 1 r^T, b2 + c 1 change nothing. */
            for (r = 0; r < hd; r++)
            {
                for (i = 0; i < M->d_e; i++)
                    fmpq_one(fmpq_mat_entry(D->Wo, i, r));
                push(T, dM, &k);
            }
            for (r = 0; r < M->d_f; r++)
            {
                for (i = 0; i < M->d_e; i++)
                    fmpq_one(fmpq_mat_entry(D->W2, i, r));
                push(T, dM, &k);
            }
            for (i = 0; i < M->d_e; i++)
                fmpq_one(fmpq_mat_entry(D->bo, i, 0));
            push(T, dM, &k);
            for (i = 0; i < M->d_e; i++)
                fmpq_one(fmpq_mat_entry(D->b2, i, 0));
            push(T, dM, &k);
        }
        if ((kinds & LC_SYM_LNFOLD) && !M->norm_first)
        {
            /* Post-norm: LN1's shift s1 reaches W1 (compensated in b1) and,
               through the skip, LN2's input (compensated in b2); LN2's shift
               of a layer that is not the last reaches the next layer's Q,
               K, V (their biases) and its LN1 input (its bo). */
            for (i = 0; i < M->d_e; i++)
            {
                fmpq_one(fmpq_mat_entry(D->ln1_b, i, 0));
                for (r = 0; r < M->d_f; r++)
                    fmpq_neg(fmpq_mat_entry(D->b1, r, 0), fmpq_mat_entry(L->W1, r, i));
                for (r = 0; r < M->d_e; r++)
                    fmpq_neg(fmpq_mat_entry(D->b2, r, 0), fmpq_mat_entry(L->R2, r, i));
                push(T, dM, &k);
            }
            for (i = 0; i < M->d_e && l + 1 < M->n_t; i++)
            {
                const lc_tlayer_struct * N = M->layers + l + 1;
                lc_tlayer_struct * DN = dM->layers + l + 1;

                fmpq_one(fmpq_mat_entry(D->ln2_b, i, 0));
                for (r = 0; r < hd; r++)
                {
                    fmpq_neg(fmpq_mat_entry(DN->bq, r, 0), fmpq_mat_entry(N->Wq, r, i));
                    fmpq_neg(fmpq_mat_entry(DN->bk, r, 0), fmpq_mat_entry(N->Wk, r, i));
                    fmpq_neg(fmpq_mat_entry(DN->bv, r, 0), fmpq_mat_entry(N->Wv, r, i));
                }
                for (r = 0; r < M->d_e; r++)
                    fmpq_neg(fmpq_mat_entry(DN->bo, r, 0), fmpq_mat_entry(N->R1, r, i));
                push(T, dM, &k);
            }
        }
        if ((kinds & LC_SYM_SCALE) && !M->norm_first && fmpq_is_zero(M->eps))
        {
            /* Post-norm with eps = 0: LN2(lambda y) = LN2(y); scale LN1's
               output by lambda, W1 by 1/lambda, W2 and b2 by lambda. */
            fmpq_mat_set(D->ln1_w, L->ln1_w);
            fmpq_mat_set(D->ln1_b, L->ln1_b);
            fmpq_mat_neg(D->W1, L->W1);
            fmpq_mat_set(D->W2, L->W2);
            fmpq_mat_set(D->b2, L->b2);
            push(T, dM, &k);
        }
        if ((kinds & LC_SYM_RELU) && M->activation == LC_ACT_RELU)
            for (r = 0; r < M->d_f; r++)
            {
                for (i = 0; i < M->d_e; i++)
                {
                    fmpq_set(fmpq_mat_entry(D->W1, r, i), fmpq_mat_entry(L->W1, r, i));
                    fmpq_neg(fmpq_mat_entry(D->W2, i, r), fmpq_mat_entry(L->W2, i, r));
                }
                fmpq_set(fmpq_mat_entry(D->b1, r, 0), fmpq_mat_entry(L->b1, r, 0));
                push(T, dM, &k);
            }
    }
    fmpq_mat_clear(X);
    lc_tmodel_clear(dM);
    return k;
}

void
lc_gauge_frame_tangent(fmpq_mat_t v, const lc_tmodel_t M, const fmpq_mat_t X)
{
    lc_tmodel_t dM;
    slong l;

    lc_tmodel_init(dM);
    zero_like(dM, M);
    for (l = 0; l < M->n_t; l++)
    {
        const lc_tlayer_struct * L = M->layers + l;
        lc_tlayer_struct * D = dM->layers + l;

        fmpq_mat_mul(D->Wq, L->Wq, X);
        fmpq_mat_neg(D->Wq, D->Wq);
        fmpq_mat_mul(D->Wk, L->Wk, X);
        fmpq_mat_neg(D->Wk, D->Wk);
        fmpq_mat_mul(D->Wv, L->Wv, X);
        fmpq_mat_neg(D->Wv, D->Wv);
        fmpq_mat_mul(D->Wo, X, L->Wo);
        fmpq_mat_mul(D->bo, X, L->bo);
        fmpq_mat_mul(D->W1, L->W1, X);
        fmpq_mat_neg(D->W1, D->W1);
        fmpq_mat_mul(D->W2, X, L->W2);
        fmpq_mat_mul(D->b2, X, L->b2);
    }
    lc_gauge_params_get(v, dM);
    lc_tmodel_clear(dM);
}
