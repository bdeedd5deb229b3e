/* gauge_jac.c -- the flat directions of a transformer stack: the parameter
 * vector, a forward-mode pass in balls (value and directional derivatives,
 * the rules of calculus applied to enclosures, so every tangent is
 * certified), the Jacobian, a certified rank lower bound from a non-singular
 * minor, and the exact tangent vectors of the known symmetries. */
#include <string.h>
#include <math.h>
#include "gauge.h"
#if LC_FLINT3
#include <flint/arb_hypgeom.h>
#else
#include <arb_hypgeom.h>
#endif

/* ------------------------------------------------------- the parameters */

/* The parameter slots of a layer, in the order of the parameter vector. */
#define NSLOT 16

static const fmpq_mat_struct *
slot(const lc_tlayer_struct * L, int s)
{
    switch (s)
    {
        case 0: return L->Wq;   case 1: return L->bq;
        case 2: return L->Wk;   case 3: return L->bk;
        case 4: return L->Wv;   case 5: return L->bv;
        case 6: return L->Wo;   case 7: return L->bo;
        case 8: return L->W1;   case 9: return L->b1;
        case 10: return L->W2;  case 11: return L->b2;
        case 12: return L->ln1_w; case 13: return L->ln1_b;
        case 14: return L->ln2_w; default: return L->ln2_b;
    }
}

static slong
nparams(const lc_tmodel_t M)
{
    slong n = 0, l, s;

    for (l = 0; l < M->n_t; l++)
        for (s = 0; s < NSLOT; s++)
            n += fmpq_mat_nrows(slot(M->layers + l, s)) * fmpq_mat_ncols(slot(M->layers + l, s));
    return n;
}

void
lc_gauge_params_get(fmpq_mat_t v, const lc_tmodel_t M)
{
    slong l, s, i, j, k = 0;

    lc_qmat_resize(v, nparams(M), 1);
    for (l = 0; l < M->n_t; l++)
        for (s = 0; s < NSLOT; s++)
        {
            const fmpq_mat_struct * W = slot(M->layers + l, s);

            for (i = 0; i < W->r; i++)
                for (j = 0; j < W->c; j++)
                    fmpq_set(fmpq_mat_entry(v, k++, 0), fmpq_mat_entry(W, i, j));
        }
}

int
lc_gauge_params_set(lc_tmodel_t M, const fmpq_mat_t v, lc_err_t err)
{
    slong l, s, i, j, k = 0;

    if (v->c != 1 || v->r != nparams(M))
        return lc_err_set(err, LC_E_DIM, "a parameter vector of this model is %ldx1, got %ldx%ld",
                          (long) nparams(M), (long) v->r, (long) v->c);
    for (l = 0; l < M->n_t; l++)
        for (s = 0; s < NSLOT; s++)
        {
            fmpq_mat_struct * W = (fmpq_mat_struct *) slot(M->layers + l, s);

            for (i = 0; i < W->r; i++)
                for (j = 0; j < W->c; j++)
                    fmpq_set(fmpq_mat_entry(W, i, j), fmpq_mat_entry(v, k++, 0));
        }
    return LC_OK;
}

/* ------------------------------------------------------- dual matrices */

/* A value and p directional derivatives, all balls. */
typedef struct
{
    arb_mat_t v;
    arb_mat_struct * t;
    slong p;
}
dual_struct;

typedef dual_struct dual_t[1];

static void
d_init(dual_t D, slong r, slong c, slong p)
{
    slong k;

    arb_mat_init(D->v, r, c);
    D->p = p;
    D->t = flint_malloc(FLINT_MAX(p, 1) * sizeof(arb_mat_struct));
    for (k = 0; k < p; k++)
        arb_mat_init(D->t + k, r, c);
}

static void
d_clear(dual_t D)
{
    slong k;

    arb_mat_clear(D->v);
    for (k = 0; k < D->p; k++)
        arb_mat_clear(D->t + k);
    flint_free(D->t);
}

/* D := (D's shape re-made) r x c zero. */
static void
d_reshape(dual_t D, slong r, slong c)
{
    slong p = D->p;

    d_clear(D);
    d_init(D, r, c, p);
}

/* Where the directions come from: V (nparams x p, or NULL for the unit
   directions), the offset of the current layer in the parameter vector. */
typedef struct
{
    const fmpq_mat_struct * V;
    slong p, off;
    slong prec;
}
dirs_struct;

/* D := the parameter W (at offset *off of the vector, advanced), with its
   tangents. */
static void
d_param(dual_t D, const fmpq_mat_t W, const dirs_struct * dr, slong * off)
{
    slong i, j, k, n = W->r * W->c;

    d_reshape(D, W->r, W->c);
    lc_ball_set_qmat(D->v, W, dr->prec);
    for (k = 0; k < dr->p; k++)
    {
        if (dr->V == NULL)
        {
            if (k >= *off && k < *off + n)
                arb_one(arb_mat_entry(D->t + k, (k - *off) / W->c, (k - *off) % W->c));
            continue;
        }
        for (i = 0; i < W->r; i++)
            for (j = 0; j < W->c; j++)
                arb_set_fmpq(arb_mat_entry(D->t + k, i, j),
                             fmpq_mat_entry(dr->V, *off + i * W->c + j, k), dr->prec);
    }
    *off += n;
}

/* C := A B (C may not alias A or B). */
static void
d_mul(dual_t C, const dual_t A, const dual_t B, slong prec)
{
    arb_mat_t T;
    slong k;

    d_reshape(C, arb_mat_nrows(A->v), arb_mat_ncols(B->v));
    arb_mat_init(T, arb_mat_nrows(A->v), arb_mat_ncols(B->v));
    arb_mat_mul(C->v, A->v, B->v, prec);
    for (k = 0; k < C->p; k++)
    {
        arb_mat_mul(C->t + k, A->t + k, B->v, prec);
        arb_mat_mul(T, A->v, B->t + k, prec);
        arb_mat_add(C->t + k, C->t + k, T, prec);
    }
    arb_mat_clear(T);
}

/* C := C + A (same shape), or C := C + b 1^T when A is a column (bcast). */
static void
d_add(dual_t C, const dual_t A, int bcast, slong prec)
{
    slong i, j, k;

    if (!bcast)
    {
        arb_mat_add(C->v, C->v, A->v, prec);
        for (k = 0; k < C->p; k++)
            arb_mat_add(C->t + k, C->t + k, A->t + k, prec);
        return;
    }
    for (i = 0; i < arb_mat_nrows(C->v); i++)
        for (j = 0; j < arb_mat_ncols(C->v); j++)
        {
            arb_add(arb_mat_entry(C->v, i, j), arb_mat_entry(C->v, i, j),
                    arb_mat_entry(A->v, i, 0), prec);
            for (k = 0; k < C->p; k++)
                arb_add(arb_mat_entry(C->t + k, i, j), arb_mat_entry(C->t + k, i, j),
                        arb_mat_entry(A->t + k, i, 0), prec);
        }
}

/* B := A^T, and B := rows r0 .. r0 + n - 1 of A; C rows r0.. := A. */
static void
d_transpose(dual_t B, const dual_t A)
{
    slong k;

    d_reshape(B, arb_mat_ncols(A->v), arb_mat_nrows(A->v));
    arb_mat_transpose(B->v, A->v);
    for (k = 0; k < A->p; k++)
        arb_mat_transpose(B->t + k, A->t + k);
}

static void
copy_block(arb_mat_t B, slong bi, const arb_mat_t A, slong ai, slong n)
{
    slong i, j;

    for (i = 0; i < n; i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
            arb_set(arb_mat_entry(B, bi + i, j), arb_mat_entry(A, ai + i, j));
}

static void
d_rows(dual_t B, const dual_t A, slong r0, slong n)
{
    slong k;

    d_reshape(B, n, arb_mat_ncols(A->v));
    copy_block(B->v, 0, A->v, r0, n);
    for (k = 0; k < A->p; k++)
        copy_block(B->t + k, 0, A->t + k, r0, n);
}

static void
d_put_rows(dual_t C, const dual_t A, slong r0)
{
    slong k;

    copy_block(C->v, r0, A->v, 0, arb_mat_nrows(A->v));
    for (k = 0; k < A->p; k++)
        copy_block(C->t + k, r0, A->t + k, 0, arb_mat_nrows(A->v));
}

/* D := an exact constant (no tangents). */
static void
d_const(dual_t D, const fmpq_mat_t A, slong prec)
{
    d_reshape(D, A->r, A->c);
    lc_ball_set_qmat(D->v, A, prec);
}

/* Y := the layer norm of every column of X: (x - mean) / sqrt(var + eps) * w + b. */
static int
d_layernorm(dual_t Y, const dual_t X, const dual_t w, const dual_t b, const fmpq_t eps,
            slong prec, lc_err_t err)
{
    slong d = arb_mat_nrows(X->v), n = arb_mat_ncols(X->v), i, j, k;
    arb_ptr c, nn;
    arb_t m, var, s, dm, dvar, ds, t;
    int st = LC_OK;

    d_reshape(Y, d, n);
    c = _arb_vec_init(d);
    nn = _arb_vec_init(d);
    arb_init(m); arb_init(var); arb_init(s); arb_init(dm); arb_init(dvar); arb_init(ds);
    arb_init(t);
    for (j = 0; j < n && st == LC_OK; j++)
    {
        arb_zero(m);
        for (i = 0; i < d; i++)
            arb_add(m, m, arb_mat_entry(X->v, i, j), prec);
        arb_div_si(m, m, d, prec);
        arb_zero(var);
        for (i = 0; i < d; i++)
        {
            arb_sub(c + i, arb_mat_entry(X->v, i, j), m, prec);
            arb_addmul(var, c + i, c + i, prec);
        }
        arb_div_si(var, var, d, prec);
        arb_set_fmpq(t, eps, prec);
        arb_add(s, var, t, prec);
        if (!arb_is_positive(s))
        {
            st = lc_err_set(err, LC_E_DOMAIN, "layer norm: the variance of token %ld is not "
                            "certainly positive at %ld bits", (long) j + 1, (long) prec);
            break;
        }
        arb_sqrt(s, s, prec);
        for (i = 0; i < d; i++)
        {
            arb_div(nn + i, c + i, s, prec);
            arb_mul(arb_mat_entry(Y->v, i, j), nn + i, arb_mat_entry(w->v, i, 0), prec);
            arb_add(arb_mat_entry(Y->v, i, j), arb_mat_entry(Y->v, i, j),
                    arb_mat_entry(b->v, i, 0), prec);
        }
        for (k = 0; k < X->p; k++)
        {
            const arb_mat_struct * dX = X->t + k;

            arb_zero(dm);
            for (i = 0; i < d; i++)
                arb_add(dm, dm, arb_mat_entry(dX, i, j), prec);
            arb_div_si(dm, dm, d, prec);
            arb_zero(dvar);             /* dvar = 2 c.dc / d; c.dm sums to 0 */
            for (i = 0; i < d; i++)
                arb_addmul(dvar, c + i, arb_mat_entry(dX, i, j), prec);
            arb_mul_2exp_si(dvar, dvar, 1);
            arb_div_si(dvar, dvar, d, prec);
            arb_div(ds, dvar, s, prec);
            arb_mul_2exp_si(ds, ds, -1);    /* ds = dvar / (2 s) */
            for (i = 0; i < d; i++)
            {
                arb_ptr y = arb_mat_entry(Y->t + k, i, j);

                /* dn = (dx - dm - n ds) / s; dy = dw n + w dn + db */
                arb_sub(t, arb_mat_entry(dX, i, j), dm, prec);
                arb_submul(t, nn + i, ds, prec);
                arb_div(t, t, s, prec);
                arb_mul(y, t, arb_mat_entry(w->v, i, 0), prec);
                arb_addmul(y, nn + i, arb_mat_entry(w->t + k, i, 0), prec);
                arb_add(y, y, arb_mat_entry(b->t + k, i, 0), prec);
            }
        }
    }
    _arb_vec_clear(c, d);
    _arb_vec_clear(nn, d);
    arb_clear(m); arb_clear(var); arb_clear(s); arb_clear(dm); arb_clear(dvar); arb_clear(ds);
    arb_clear(t);
    return st;
}

/* A := the row softmax of S (entries j > i masked when causal). */
static void
d_softmax(dual_t A, const dual_t S, int causal, slong prec)
{
    slong n = arb_mat_nrows(S->v), m = arb_mat_ncols(S->v), i, j, k, last;
    arb_t mx, sum, dot;

    d_reshape(A, n, m);
    arb_init(mx);
    arb_init(sum);
    arb_init(dot);
    for (i = 0; i < n; i++)
    {
        last = causal ? FLINT_MIN(i + 1, m) : m;
        /* Any shift gives the same softmax; the midpoint of the first score
           keeps the exponentials moderate. */
        arf_set(arb_midref(mx), arb_midref(arb_mat_entry(S->v, i, 0)));
        mag_zero(arb_radref(mx));
        arb_zero(sum);
        for (j = 0; j < last; j++)
        {
            arb_sub(arb_mat_entry(A->v, i, j), arb_mat_entry(S->v, i, j), mx, prec);
            arb_exp(arb_mat_entry(A->v, i, j), arb_mat_entry(A->v, i, j), prec);
            arb_add(sum, sum, arb_mat_entry(A->v, i, j), prec);
        }
        for (j = 0; j < last; j++)
            arb_div(arb_mat_entry(A->v, i, j), arb_mat_entry(A->v, i, j), sum, prec);
        for (k = 0; k < S->p; k++)
        {
            arb_zero(dot);
            for (j = 0; j < last; j++)
                arb_addmul(dot, arb_mat_entry(A->v, i, j), arb_mat_entry(S->t + k, i, j), prec);
            for (j = 0; j < last; j++)
            {
                arb_sub(arb_mat_entry(A->t + k, i, j), arb_mat_entry(S->t + k, i, j), dot, prec);
                arb_mul(arb_mat_entry(A->t + k, i, j), arb_mat_entry(A->t + k, i, j),
                        arb_mat_entry(A->v, i, j), prec);
            }
        }
    }
    arb_clear(mx);
    arb_clear(sum);
    arb_clear(dot);
}

/* Y := act(X) entrywise, with derivative. */
static int
d_act(dual_t Y, const dual_t X, int act, slong prec, lc_err_t err)
{
    slong r = arb_mat_nrows(X->v), c = arb_mat_ncols(X->v), i, j, k;
    arb_t phi, der, t, u;
    int st = LC_OK;

    d_reshape(Y, r, c);
    arb_init(phi); arb_init(der); arb_init(t); arb_init(u);
    for (i = 0; i < r && st == LC_OK; i++)
        for (j = 0; j < c; j++)
        {
            arb_srcptr x = arb_mat_entry(X->v, i, j);

            if (act == LC_ACT_RELU)
            {
                if (arb_is_positive(x))
                    arb_one(der);
                else if (arb_is_negative(x))
                    arb_zero(der);
                else
                {
                    st = lc_err_set(err, LC_E_DOMAIN, "ReLU: an argument's ball contains 0 at "
                                    "%ld bits, the derivative is not defined there", (long) prec);
                    break;
                }
                arb_mul(arb_mat_entry(Y->v, i, j), x, der, prec);
            }
            else if (act == LC_ACT_GELU_TANH)
            {
                /* u = c (x + a x^3), c = sqrt(2 / pi), a = 0.044715;
                   y = x (1 + tanh u) / 2;
                   y' = (1 + tanh u) / 2 + x (1 - tanh^2 u) c (1 + 3 a x^2) / 2 */
                arb_set_si(u, 44715);
                arb_div_ui(u, u, 1000000, prec);        /* a */
                arb_mul(t, x, x, prec);
                arb_mul(der, t, u, prec);               /* a x^2 */
                arb_mul_ui(u, der, 3, prec);
                arb_add_ui(u, u, 1, prec);              /* 1 + 3 a x^2 */
                arb_add_ui(der, der, 1, prec);
                arb_mul(der, der, x, prec);             /* x + a x^3 */
                arb_const_pi(phi, prec);
                arb_ui_div(phi, 2, phi, prec);
                arb_sqrt(phi, phi, prec);               /* c */
                arb_mul(u, u, phi, prec);               /* c (1 + 3 a x^2) */
                arb_mul(der, der, phi, prec);
                arb_tanh(phi, der, prec);               /* tanh u */
                arb_add_ui(t, phi, 1, prec);
                arb_mul_2exp_si(t, t, -1);              /* (1 + tanh u) / 2 */
                arb_mul(arb_mat_entry(Y->v, i, j), x, t, prec);
                arb_mul(phi, phi, phi, prec);
                arb_sub_ui(phi, phi, 1, prec);
                arb_neg(phi, phi);                      /* 1 - tanh^2 u */
                arb_mul(phi, phi, u, prec);
                arb_mul(phi, phi, x, prec);
                arb_mul_2exp_si(phi, phi, -1);
                arb_add(der, t, phi, prec);
            }
            else
            {
                /* Phi(x) = (1 + erf(x / sqrt 2)) / 2; gelu = x Phi(x);
                   gelu' = Phi(x) + x exp(-x^2 / 2) / sqrt(2 pi) */
                arb_sqrt_ui(t, 2, prec);
                arb_div(phi, x, t, prec);
                arb_hypgeom_erf(phi, phi, prec);
                arb_add_ui(phi, phi, 1, prec);
                arb_mul_2exp_si(phi, phi, -1);
                arb_mul(arb_mat_entry(Y->v, i, j), x, phi, prec);
                arb_mul(t, x, x, prec);
                arb_mul_2exp_si(t, t, -1);
                arb_neg(t, t);
                arb_exp(t, t, prec);
                arb_const_pi(u, prec);
                arb_mul_2exp_si(u, u, 1);
                arb_rsqrt(u, u, prec);
                arb_mul(t, t, u, prec);
                arb_mul(t, t, x, prec);
                arb_add(der, phi, t, prec);
            }
            for (k = 0; k < X->p; k++)
                arb_mul(arb_mat_entry(Y->t + k, i, j), arb_mat_entry(X->t + k, i, j), der, prec);
        }
    arb_clear(phi); arb_clear(der); arb_clear(t); arb_clear(u);
    return st;
}

/* ------------------------------------------------------- the forward pass */

typedef struct
{
    dual_t Wq, bq, Wk, bk, Wv, bv, Wo, bo, W1, b1, W2, b2, w1, s1, w2, s2, R1, R2;
}
dlayer_struct;

static void
dl_init(dlayer_struct * D, slong p)
{
    dual_struct * all[18] = {D->Wq, D->bq, D->Wk, D->bk, D->Wv, D->bv, D->Wo, D->bo, D->W1,
                             D->b1, D->W2, D->b2, D->w1, D->s1, D->w2, D->s2, D->R1, D->R2};
    int i;

    for (i = 0; i < 18; i++)
        d_init(all[i], 0, 0, p);
}

static void
dl_clear(dlayer_struct * D)
{
    dual_struct * all[18] = {D->Wq, D->bq, D->Wk, D->bk, D->Wv, D->bv, D->Wo, D->bo, D->W1,
                             D->b1, D->W2, D->b2, D->w1, D->s1, D->w2, D->s2, D->R1, D->R2};
    int i;

    for (i = 0; i < 18; i++)
        d_clear(all[i]);
}

static void
dl_load(dlayer_struct * D, const lc_tlayer_struct * L, const dirs_struct * dr, slong * off)
{
    dual_struct * all[16] = {D->Wq, D->bq, D->Wk, D->bk, D->Wv, D->bv, D->Wo, D->bo, D->W1,
                             D->b1, D->W2, D->b2, D->w1, D->s1, D->w2, D->s2};
    int s;

    for (s = 0; s < NSLOT; s++)
        d_param(all[s], slot(L, s), dr, off);
    d_const(D->R1, L->R1, dr->prec);
    d_const(D->R2, L->R2, dr->prec);
}

/* Y := W X + b 1^T. */
static void
d_affine(dual_t Y, const dual_t W, const dual_t b, const dual_t X, slong prec)
{
    d_mul(Y, W, X, prec);
    d_add(Y, b, 1, prec);
}

/* H := concat_a (V_a X + bv_a) softmax(Mask((Q_a X + bq_a)^T (K_a X + bk_a) / sqrt d_h))^T. */
static void
d_attention(dual_t H, const lc_tmodel_t M, const dlayer_struct * D, const dual_t X, int causal,
            slong prec)
{
    slong a, dh = M->d_h, n = arb_mat_ncols(X->v), k, p = X->p;
    dual_t Q, K, V, Qa, Ka, Va, QaT, S, A, AT, Ha;
    arb_t sc;

    d_init(Q, 0, 0, p); d_init(K, 0, 0, p); d_init(V, 0, 0, p);
    d_init(Qa, 0, 0, p); d_init(Ka, 0, 0, p); d_init(Va, 0, 0, p); d_init(QaT, 0, 0, p);
    d_init(S, 0, 0, p); d_init(A, 0, 0, p); d_init(AT, 0, 0, p); d_init(Ha, 0, 0, p);
    arb_init(sc);
    d_affine(Q, D->Wq, D->bq, X, prec);
    d_affine(K, D->Wk, D->bk, X, prec);
    d_affine(V, D->Wv, D->bv, X, prec);
    d_reshape(H, M->n_h * dh, n);
    arb_set_si(sc, dh);
    arb_rsqrt(sc, sc, prec);
    for (a = 0; a < M->n_h; a++)
    {
        d_rows(Qa, Q, a * dh, dh);
        d_rows(Ka, K, a * dh, dh);
        d_rows(Va, V, a * dh, dh);
        d_transpose(QaT, Qa);
        d_mul(S, QaT, Ka, prec);
        arb_mat_scalar_mul_arb(S->v, S->v, sc, prec);
        for (k = 0; k < p; k++)
            arb_mat_scalar_mul_arb(S->t + k, S->t + k, sc, prec);
        d_softmax(A, S, causal, prec);
        d_transpose(AT, A);
        d_mul(Ha, Va, AT, prec);
        d_put_rows(H, Ha, a * dh);
    }
    d_clear(Q); d_clear(K); d_clear(V); d_clear(Qa); d_clear(Ka); d_clear(Va); d_clear(QaT);
    d_clear(S); d_clear(A); d_clear(AT); d_clear(Ha);
    arb_clear(sc);
}

/* X := layer l applied to X. */
static int
d_layer(dual_t X, const lc_tmodel_t M, const dlayer_struct * D, int causal, slong prec,
        lc_err_t err)
{
    dual_t N, H, T, U, Z;
    slong p = X->p;
    int st;

    d_init(N, 0, 0, p); d_init(H, 0, 0, p); d_init(T, 0, 0, p); d_init(U, 0, 0, p);
    d_init(Z, 0, 0, p);
    if (M->norm_first)
    {
        if ((st = d_layernorm(N, X, D->w1, D->s1, M->eps, prec, err)) != LC_OK)
            goto done;
        d_attention(H, M, D, N, causal, prec);
        d_affine(T, D->Wo, D->bo, H, prec);         /* T = Etil */
        d_mul(U, D->R1, X, prec);
        d_add(T, U, 0, prec);
        if ((st = d_layernorm(N, T, D->w2, D->s2, M->eps, prec, err)) != LC_OK)
            goto done;
        d_affine(U, D->W1, D->b1, N, prec);
        if ((st = d_act(Z, U, M->activation, prec, err)) != LC_OK)
            goto done;
        d_affine(X, D->W2, D->b2, Z, prec);
        d_mul(U, D->R2, T, prec);
        d_add(X, U, 0, prec);
    }
    else
    {
        d_attention(H, M, D, X, causal, prec);
        d_affine(U, D->Wo, D->bo, H, prec);
        d_mul(N, D->R1, X, prec);
        d_add(U, N, 0, prec);
        if ((st = d_layernorm(T, U, D->w1, D->s1, M->eps, prec, err)) != LC_OK)
            goto done;
        d_affine(U, D->W1, D->b1, T, prec);
        if ((st = d_act(Z, U, M->activation, prec, err)) != LC_OK)
            goto done;
        d_affine(U, D->W2, D->b2, Z, prec);
        d_mul(N, D->R2, T, prec);
        d_add(U, N, 0, prec);
        st = d_layernorm(X, U, D->w2, D->s2, M->eps, prec, err);
    }
done:
    d_clear(N); d_clear(H); d_clear(T); d_clear(U); d_clear(Z);
    return st;
}

int
lc_gauge_jvp(arb_mat_t out, arb_mat_struct * tan, const lc_tmodel_t M, const fmpq_mat_t V,
             const fmpq_mat_t E, const fmpq_mat_struct * dE, int causal, slong prec,
             lc_err_t err)
{
    dirs_struct dr;
    dlayer_struct D;
    dual_t X;
    slong l, k, off = 0, np = nparams(M);
    int st = LC_OK;

    if (E->r != M->d_e)
        return lc_err_set(err, LC_E_DIM, "the embeddings have %ld rows, the model d_e = %ld",
                          (long) E->r, (long) M->d_e);
    if (V != NULL && V->r != np)
        return lc_err_set(err, LC_E_DIM, "directions must have %ld rows, got %ld", (long) np,
                          (long) V->r);
    dr.V = V;
    dr.p = (V == NULL) ? np : V->c;
    dr.prec = prec;
    d_init(X, E->r, E->c, dr.p);
    lc_ball_set_qmat(X->v, E, prec);
    if (dE != NULL)
        for (k = 0; k < dr.p; k++)
            lc_ball_set_qmat(X->t + k, dE + k, prec);
    dl_init(&D, dr.p);
    for (l = 0; l < M->n_t && st == LC_OK; l++)
    {
        dl_load(&D, M->layers + l, &dr, &off);
        st = d_layer(X, M, &D, causal, prec, err);
    }
    if (st == LC_OK)
    {
        lc_ball_resize(out, arb_mat_nrows(X->v), arb_mat_ncols(X->v));
        arb_mat_set(out, X->v);
        for (k = 0; k < dr.p && tan != NULL; k++)
        {
            lc_ball_resize(tan + k, arb_mat_nrows(X->v), arb_mat_ncols(X->v));
            arb_mat_set(tan + k, X->t + k);
        }
    }
    dl_clear(&D);
    d_clear(X);
    return st;
}

int
lc_gauge_jacobian(arb_mat_t J, const lc_tmodel_t M, const fmpq_mat_struct * Es, slong ns,
                  int causal, slong prec, lc_err_t err)
{
    slong np = nparams(M), s, k, i, j, m, row = 0;
    arb_mat_struct * tan;
    arb_mat_t out;
    int st = LC_OK;

    m = 0;
    for (s = 0; s < ns; s++)
        m += Es[s].r * Es[s].c;
    lc_ball_resize(J, m, np);
    tan = flint_malloc(np * sizeof(arb_mat_struct));
    for (k = 0; k < np; k++)
        arb_mat_init(tan + k, 0, 0);
    arb_mat_init(out, 0, 0);
    for (s = 0; s < ns && st == LC_OK; s++)
    {
        if ((st = lc_gauge_jvp(out, tan, M, NULL, Es + s, NULL, causal, prec, err)) != LC_OK)
            break;
        for (k = 0; k < np; k++)
            for (j = 0; j < arb_mat_ncols(out); j++)        /* vec: column-major */
                for (i = 0; i < arb_mat_nrows(out); i++)
                    arb_set(arb_mat_entry(J, row + j * arb_mat_nrows(out) + i, k),
                            arb_mat_entry(tan + k, i, j));
        row += arb_mat_nrows(out) * arb_mat_ncols(out);
    }
    for (k = 0; k < np; k++)
        arb_mat_clear(tan + k);
    flint_free(tan);
    arb_mat_clear(out);
    return st;
}

/* -------------------------------------------------------- certified rank */

int
lc_gauge_rank_certify(slong * rank, slong * rows, slong * cols, const arb_mat_t J, slong r,
                      slong prec, lc_err_t err)
{
    slong m = arb_mat_nrows(J), n = arb_mat_ncols(J), i, j;
    slong * pr, * pc;
    mag_t bound;
    int ok;

    *rank = 0;
    if (r < 0 || r > FLINT_MIN(m, n))
        return lc_err_set(err, LC_E_ARG, "rank %ld impossible for a %ldx%ld matrix", (long) r,
                          (long) m, (long) n);
    if (r == 0)
        return LC_OK;
    /* Complete pivoting on the midpoints (doubles suffice to choose the
       minor; the minor itself is then certified rigorously). */
    pr = flint_malloc(m * sizeof(slong));
    pc = flint_malloc(n * sizeof(slong));
    mag_init(bound);
    /* pivoting that stops early (a zero pivot in doubles) still leaves a
       choice of rows and columns for the ball path */
    ok = lc_gauge_pivot_d(pr, pc, J, r) == r && lc_gauge_minor_certify_d(bound, NULL, J, pr, pc, r);
    if (!ok)
    {
        ok = 0;
        if (r <= LC_GAUGE_BALL_INV_MAX)
        {
            arb_mat_t A, Ai;

            arb_mat_init(A, r, r);
            arb_mat_init(Ai, r, r);
            for (i = 0; i < r; i++)
                for (j = 0; j < r; j++)
                    arb_set(arb_mat_entry(A, i, j), arb_mat_entry(J, pr[i], pc[j]));
            ok = arb_mat_inv(Ai, A, prec);     /* nonzero: every matrix in A is invertible */
            arb_mat_clear(A);
            arb_mat_clear(Ai);
        }
    }
    if (ok)
    {
        *rank = r;
        for (i = 0; i < r; i++)
        {
            if (rows != NULL)
                rows[i] = pr[i];
            if (cols != NULL)
                cols[i] = pc[i];
        }
    }
    mag_clear(bound);
    flint_free(pr);
    flint_free(pc);
    if (!ok)
        return lc_err_set(err, LC_E_LIMIT, "no %ldx%ld minor certified non-singular (in doubles%s)",
                          (long) r, (long) r, r <= LC_GAUGE_BALL_INV_MAX ? ", nor in balls" : "");
    return LC_OK;
}
