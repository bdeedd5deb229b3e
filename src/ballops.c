/* ballops.c -- arithmetic when a ball is involved. */
#include "config.h"
#include "ballops.h"

int
lc_is_ball(const lc_val v)
{
    return v->type == LC_V_BALL || v->type == LC_V_BMAT;
}

int
lc_to_ball(arb_t x, const lc_val v, slong prec, lc_err_t err)
{
    if (v->type == LC_V_NUM)
        arb_set_fmpq(x, v->u.q, prec);
    else if (v->type == LC_V_BALL)
        arb_set(x, v->u.ball);
    else
        return lc_err_set(err, LC_E_ARG, "expected a number, got %s", lc_val_kind(v));
    return LC_OK;
}

int
lc_to_bmat(arb_mat_t X, const lc_val v, slong prec, lc_err_t err)
{
    if (v->type == LC_V_MAT)
        lc_ball_set_qmat(X, v->u.m, prec);
    else if (v->type == LC_V_BMAT)
    {
        lc_ball_resize(X, arb_mat_nrows(v->u.bm), arb_mat_ncols(v->u.bm));
        arb_mat_set(X, v->u.bm);
    }
    else
        return lc_err_set(err, LC_E_ARG, "expected a matrix, got %s", lc_val_kind(v));
    return LC_OK;
}

static int
is_scalar(const lc_val v)
{
    return v->type == LC_V_NUM || v->type == LC_V_BALL;
}

static int
is_matrix(const lc_val v)
{
    return v->type == LC_V_MAT || v->type == LC_V_BMAT;
}

static int
scalar_op(lc_val * out, lc_tok_kind op, const lc_val a, const lc_val b, slong prec, lc_err_t err)
{
    arb_t x, y;
    lc_val r;
    int st = LC_OK;

    arb_init(x);
    arb_init(y);
    lc_to_ball(x, a, prec, err);
    lc_to_ball(y, b, prec, err);
    r = lc_val_ball();
    switch (op)
    {
        case LC_TK_PLUS: arb_add(r->u.ball, x, y, prec); break;
        case LC_TK_MINUS: arb_sub(r->u.ball, x, y, prec); break;
        case LC_TK_STAR: arb_mul(r->u.ball, x, y, prec); break;
        case LC_TK_SLASH:
            if (arb_contains_zero(y))
                st = lc_err_set(err, LC_E_DOMAIN, "division by a ball that contains 0");
            else
                arb_div(r->u.ball, x, y, prec);
            break;
        default:
            if (b->type == LC_V_NUM && fmpz_is_one(fmpq_denref(b->u.q)))
            {
                if (fmpz_sgn(fmpq_numref(b->u.q)) < 0 && arb_contains_zero(x))
                    st = lc_err_set(err, LC_E_DOMAIN, "negative power of a ball that contains 0");
                else
                    arb_pow_fmpz(r->u.ball, x, fmpq_numref(b->u.q), prec);
            }
            else if (!arb_is_positive(x))
                st = lc_err_set(err, LC_E_DOMAIN,
                                "a non-integer power needs a base that is certainly positive");
            else
                arb_pow(r->u.ball, x, y, prec);
            break;
    }
    arb_clear(x);
    arb_clear(y);
    if (st != LC_OK)
        lc_val_unref(r);
    else
        *out = r;
    return st;
}

int
lc_ball_arith(lc_val * out, lc_tok_kind op, const lc_val a, const lc_val b,
              slong prec, lc_err_t err)
{
    arb_mat_t A, B;
    arb_t c;
    lc_val r = NULL;
    int st = LC_OK;

    if (is_scalar(a) && is_scalar(b))
        return scalar_op(out, op, a, b, prec, err);

    arb_mat_init(A, 0, 0);
    arb_mat_init(B, 0, 0);
    arb_init(c);
    if (is_matrix(a) && is_matrix(b) && op != LC_TK_SLASH && op != LC_TK_CARET)
    {
        lc_to_bmat(A, a, prec, err);
        lc_to_bmat(B, b, prec, err);
        if ((op == LC_TK_STAR && arb_mat_ncols(A) != arb_mat_nrows(B))
            || (op != LC_TK_STAR && (arb_mat_nrows(A) != arb_mat_nrows(B)
                                     || arb_mat_ncols(A) != arb_mat_ncols(B))))
            st = lc_err_set(err, LC_E_DIM, "cannot %s %ldx%ld and %ldx%ld matrices", lc_tok_verb(op),
                            (long) arb_mat_nrows(A), (long) arb_mat_ncols(A),
                            (long) arb_mat_nrows(B), (long) arb_mat_ncols(B));
        else
        {
            r = lc_val_bmat();
            lc_ball_resize(r->u.bm, arb_mat_nrows(A), op == LC_TK_STAR ? arb_mat_ncols(B)
                                                                        : arb_mat_ncols(A));
            if (op == LC_TK_PLUS)
                arb_mat_add(r->u.bm, A, B, prec);
            else if (op == LC_TK_MINUS)
                arb_mat_sub(r->u.bm, A, B, prec);
            else
                arb_mat_mul(r->u.bm, A, B, prec);
        }
    }
    else if (is_matrix(a) && is_scalar(b) && op == LC_TK_CARET)
    {
        lc_to_bmat(A, a, prec, err);
        if (b->type != LC_V_NUM || !fmpz_is_one(fmpq_denref(b->u.q)))
            st = lc_err_set(err, LC_E_ARG, "the exponent of a matrix power must be an integer");
        else if (!lc_val_is_si(b))
            st = lc_err_set(err, LC_E_LIMIT, "matrix exponents are limited to 10^6 in size");
        else if (arb_mat_nrows(A) != arb_mat_ncols(A))
            st = lc_err_set(err, LC_E_DIM, "cannot raise a non-square %ldx%ld matrix to a power",
                            (long) arb_mat_nrows(A), (long) arb_mat_ncols(A));
        else if (lc_val_get_si(b) > 1000000 || lc_val_get_si(b) < -1000000)
            st = lc_err_set(err, LC_E_LIMIT, "matrix exponents are limited to 10^6 in size");
        else
        {
            slong e = lc_val_get_si(b);

            r = lc_val_bmat();
            lc_ball_resize(r->u.bm, arb_mat_nrows(A), arb_mat_ncols(A));
            if (e < 0 && !arb_mat_inv(A, A, prec))
                st = lc_err_set(err, LC_E_SINGULAR,
                                "the ball matrix is not certainly invertible at this precision");
            else
                arb_mat_pow_ui(r->u.bm, A, (ulong) (e < 0 ? -e : e), prec);
        }
    }
    else if ((op == LC_TK_STAR && ((is_scalar(a) && is_matrix(b)) || (is_matrix(a) && is_scalar(b))))
             || (op == LC_TK_SLASH && is_matrix(a) && is_scalar(b)))
    {
        const lc_val m = is_matrix(a) ? a : b, s = is_matrix(a) ? b : a;

        lc_to_bmat(A, m, prec, err);
        lc_to_ball(c, s, prec, err);
        if (op == LC_TK_SLASH && arb_contains_zero(c))
            st = lc_err_set(err, LC_E_DOMAIN, "division by a ball that contains 0");
        else
        {
            if (op == LC_TK_SLASH)
                arb_inv(c, c, prec);
            r = lc_val_bmat();
            lc_ball_resize(r->u.bm, arb_mat_nrows(A), arb_mat_ncols(A));
            arb_mat_scalar_mul_arb(r->u.bm, A, c, prec);
        }
    }
    else
        st = lc_err_set(err, LC_E_ARG, "cannot %s %s and %s", lc_tok_verb(op), lc_val_kind(a), lc_val_kind(b));

    arb_mat_clear(A);
    arb_mat_clear(B);
    arb_clear(c);
    if (st != LC_OK)
    {
        if (r != NULL)
            lc_val_unref(r);
        return st;
    }
    *out = r;
    return LC_OK;
}

int
lc_ball_negate(lc_val * out, const lc_val a)
{
    lc_val r;

    if (a->type == LC_V_BALL)
    {
        r = lc_val_ball();
        arb_neg(r->u.ball, a->u.ball);
    }
    else
    {
        r = lc_val_bmat();
        lc_ball_resize(r->u.bm, arb_mat_nrows(a->u.bm), arb_mat_ncols(a->u.bm));
        arb_mat_neg(r->u.bm, a->u.bm);
    }
    *out = r;
    return LC_OK;
}
