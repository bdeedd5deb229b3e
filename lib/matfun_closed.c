/* matfun_closed.c -- closed forms of exp and log on SO(3), SE(2), Aff(2),
 * certified in ball arithmetic (see doc/matfun.md). */
#include <string.h>
#include "matfun_util.h"

/* ----------------------------------------------------------- closed forms */

/* Can a + b be zero?  (For a - b, and for a = v, Arb has arb_overlaps and
   arb_contains_si.) */
static int
_may_sum_zero(const arb_t a, const arb_t b, slong prec)
{
    arb_t t;
    int r;

    arb_init(t);
    arb_add(t, a, b, prec);
    r = arb_contains_zero(t);
    arb_clear(t);
    return r;
}

/* W := [w]_x, exactly skew. */
static void
_hat(arb_mat_t W, arb_srcptr w)
{
    arb_zero(arb_mat_entry(W, 0, 0));
    arb_zero(arb_mat_entry(W, 1, 1));
    arb_zero(arb_mat_entry(W, 2, 2));
    arb_neg(arb_mat_entry(W, 0, 1), w + 2);
    arb_set(arb_mat_entry(W, 1, 0), w + 2);
    arb_set(arb_mat_entry(W, 0, 2), w + 1);
    arb_neg(arb_mat_entry(W, 2, 0), w + 1);
    arb_neg(arb_mat_entry(W, 1, 2), w + 0);
    arb_set(arb_mat_entry(W, 2, 1), w + 0);
}

/* w := the axial vector of A - A^T (so that A - A^T = [w]_x). */
static void
_axial_of_antisym(arb_ptr w, const arb_mat_t A, slong prec)
{
    arb_sub(w + 0, arb_mat_entry(A, 2, 1), arb_mat_entry(A, 1, 2), prec);
    arb_sub(w + 1, arb_mat_entry(A, 0, 2), arb_mat_entry(A, 2, 0), prec);
    arb_sub(w + 2, arb_mat_entry(A, 1, 0), arb_mat_entry(A, 0, 1), prec);
}

/* t := the angle in [0, pi] with cos t = c and sin t = s >= 0, using only
   atan on arguments away from its branch points.  Returns 0 when the balls are
   too wide to pick a formula (c and s both contain 0). */
static int
_angle_upper(arb_t t, const arb_t s, const arb_t c, slong prec)
{
    arb_t u, pi;

    arb_init(u);
    arb_init(pi);
    arb_const_pi(pi, prec);
    if (arb_is_positive(c))
    {
        arb_div(u, s, c, prec);
        arb_atan(t, u, prec);
    }
    else if (arb_is_negative(c))
    {
        arb_div(u, s, c, prec);
        arb_neg(u, u);
        arb_atan(u, u, prec);
        arb_sub(t, pi, u, prec);
    }
    else if (arb_is_positive(s))
    {
        arb_div(u, c, s, prec);
        arb_atan(u, u, prec);
        arb_mul_2exp_si(pi, pi, -1);
        arb_sub(t, pi, u, prec);
    }
    else
    {
        arb_clear(u);
        arb_clear(pi);
        return 0;
    }
    arb_clear(u);
    arb_clear(pi);
    return 1;
}

int
lc_matfun_so3_exp(arb_mat_t R, const arb_mat_t W, slong prec, lc_err_t err)
{
    slong i, j, wp = prec + 16;
    arb_ptr w;
    arb_t t, a, b;
    arb_mat_t K, K2, T;
    int rc;

    if ((rc = _check_3x3(W, "exp_so3", err)) != LC_OK)
        return rc;
    for (i = 0; i < 3; i++)
        for (j = 0; j <= i; j++)
            if (!_may_sum_zero(arb_mat_entry(W, i, j), arb_mat_entry(W, j, i), wp))
                return lc_err_set(err, LC_E_ARG, "exp_so3: the matrix is not skew-symmetric "
                                  "(entries (%ld,%ld) and (%ld,%ld))", (long) i + 1,
                                  (long) j + 1, (long) j + 1, (long) i + 1);

    w = _arb_vec_init(3);
    arb_init(t);
    arb_init(a);
    arb_init(b);
    arb_mat_init(K, 3, 3);
    arb_mat_init(K2, 3, 3);
    arb_mat_init(T, 3, 3);

    /* w from the skew part: contains the axial vector of every skew W' in W */
    _axial_of_antisym(w, W, wp);
    _arb_vec_scalar_mul_2exp_si(w, w, 3, -1);
    _hat(K, w);

    /* t = |w|; R = I + sinc(t) K + (1/2) sinc(t/2)^2 K^2, since
       (1 - cos t)/t^2 = sinc(t/2)^2 / 2; sinc is even and entire, so a ball
       for t touching 0 is harmless */
    arb_dot(t, NULL, 0, w, 1, w, 1, 3, wp);
    arb_sqrtpos(t, t, wp);
    arb_sinc(a, t, wp);
    arb_mul_2exp_si(t, t, -1);
    arb_sinc(b, t, wp);
    arb_sqr(b, b, wp);
    arb_mul_2exp_si(b, b, -1);

    arb_mat_sqr(K2, K, wp);
    arb_mat_one(T);
    arb_mat_scalar_addmul_arb(T, K, a, wp);
    arb_mat_scalar_addmul_arb(T, K2, b, wp);
    _set_out(R, T);

    _arb_vec_clear(w, 3);
    arb_clear(t);
    arb_clear(a);
    arb_clear(b);
    arb_mat_clear(K);
    arb_mat_clear(K2);
    arb_mat_clear(T);
    return LC_OK;
}

/* Can the ball R contain a rotation?  (R^T R - I and det R - 1 contain 0.) */
static int
_may_be_rotation(const arb_mat_t R, slong prec)
{
    arb_mat_t T, U;
    arb_t d;
    slong i, j;
    int ok = 1;

    arb_mat_init(T, 3, 3);
    arb_mat_init(U, 3, 3);
    arb_init(d);
    arb_mat_transpose(T, R);
    arb_mat_mul(U, T, R, prec);
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++)
            if (!arb_contains_si(arb_mat_entry(U, i, j), i == j))
                ok = 0;
    arb_mat_det(d, R, prec);
    if (!arb_contains_si(d, 1))
        ok = 0;
    arb_mat_clear(T);
    arb_mat_clear(U);
    arb_clear(d);
    return ok;
}

int
lc_matfun_so3_log(arb_mat_t W, const arb_mat_t R, slong prec, lc_err_t err)
{
    slong i, k, wp = prec + 16;
    arb_ptr v, nv;
    arb_t s, c, t, u, one;
    arb_mat_t Bs, T;
    int rc = LC_OK;

    if ((rc = _check_3x3(R, "log_so3", err)) != LC_OK)
        return rc;
    if (!_may_be_rotation(R, wp))
        return lc_err_set(err, LC_E_ARG, "log_so3: the matrix is not a rotation "
                          "(R^T R != I or det R != 1)");

    v = _arb_vec_init(3);
    nv = _arb_vec_init(3);
    arb_init(s);
    arb_init(c);
    arb_init(t);
    arb_init(u);
    arb_init(one);
    arb_mat_init(Bs, 3, 3);
    arb_mat_init(T, 3, 3);

    /* R - R^T = 2 sin(t) [n]_x: v = 2 sin(t) n, s = |v|/2 = sin t >= 0;
       c = (tr R - 1)/2 = cos t, clipped to [-1, 1] where every rotation's is */
    _axial_of_antisym(v, R, wp);
    arb_dot(s, NULL, 0, v, 1, v, 1, 3, wp);
    arb_sqrtpos(s, s, wp);
    arb_mul_2exp_si(s, s, -1);
    arb_mat_trace(c, R, wp);
    arb_sub_ui(c, c, 1, wp);
    arb_mul_2exp_si(c, c, -1);
    arb_zero_pm_one(one);
    if (!arb_intersection(c, c, one, wp))
    {
        rc = lc_err_set(err, LC_E_ARG, "log_so3: (tr R - 1)/2 lies outside [-1, 1]");
        goto cleanup;
    }
    if (!_angle_upper(t, s, c, wp))
    {
        rc = lc_err_set(err, LC_E_LIMIT, "log_so3: the input balls are too wide to "
                        "bound the rotation angle");
        goto cleanup;
    }

    arb_set_si(u, -1);
    arb_mul_2exp_si(u, u, -1);
    if (arb_gt(c, u))
    {
        /* angle < 2 pi/3: log R = t/(2 sin t) (R - R^T) = [v]_x / (2 sinc t),
           sinc t >= 0.41 here */
        arb_sinc(u, t, wp);
        arb_mul_2exp_si(u, u, 1);
        for (i = 0; i < 3; i++)
            arb_div(nv + i, v + i, u, wp);
        _hat(T, nv);
    }
    else if (!arb_is_negative(c))
    {
        rc = lc_err_set(err, LC_E_LIMIT, "log_so3: the input balls are too wide to "
                        "bound the rotation angle");
        goto cleanup;
    }
    else
    {
        /* near pi: (R + R^T)/2 - cos(t) I = (1 - cos t) n n^T with
           1 - cos t >= 3/2; the largest diagonal entry of n n^T is >= 1/3 */
        arb_mat_transpose(Bs, R);
        arb_mat_add(Bs, Bs, R, wp);
        arb_mat_scalar_mul_2exp_si(Bs, Bs, -1);
        for (i = 0; i < 3; i++)
            arb_sub(arb_mat_entry(Bs, i, i), arb_mat_entry(Bs, i, i), c, wp);
        arb_sub_ui(u, c, 1, wp);
        arb_neg(u, u);
        arb_mat_scalar_div_arb(Bs, Bs, u, wp);

        k = 0;
        for (i = 1; i < 3; i++)
            if (arf_cmp(arb_midref(arb_mat_entry(Bs, i, i)),
                        arb_midref(arb_mat_entry(Bs, k, k))) > 0)
                k = i;
        arb_sqrtpos(nv + k, arb_mat_entry(Bs, k, k), wp);
        if (!arb_is_positive(nv + k))
        {
            rc = lc_err_set(err, LC_E_LIMIT, "log_so3: the input balls are too wide to "
                            "find the rotation axis");
            goto cleanup;
        }
        for (i = 0; i < 3; i++)
            if (i != k)
                arb_div(nv + i, arb_mat_entry(Bs, i, k), nv + k, wp);

        /* the sign of n: v = 2 sin(t) n with sin t >= 0 */
        arb_dot(u, NULL, 0, v, 1, nv, 1, 3, wp);
        if (arb_is_negative(u))
            _arb_vec_neg(nv, nv, 3);
        else if (!arb_is_positive(u))
        {
            if (arb_mat_is_exact(R) && arb_is_zero(s))
                rc = lc_err_set(err, LC_E_DOMAIN, "log_so3: the rotation angle is pi "
                                "(certain): the principal logarithm is not defined "
                                "(log R and -log R are both logarithms)");
            else
                rc = lc_err_set(err, LC_E_DOMAIN, "log_so3: the rotation angle may be pi "
                                "(undecided at %ld bits): the principal logarithm may not "
                                "be defined", (long) prec);
            goto cleanup;
        }
        _arb_vec_scalar_mul(nv, nv, 3, t, wp);
        _hat(T, nv);
    }
    _set_out(W, T);

cleanup:
    _arb_vec_clear(v, 3);
    _arb_vec_clear(nv, 3);
    arb_clear(s);
    arb_clear(c);
    arb_clear(t);
    arb_clear(u);
    arb_clear(one);
    arb_mat_clear(Bs);
    arb_mat_clear(T);
    return rc;
}

int
lc_matfun_se2_exp(arb_mat_t G, const arb_mat_t X, slong prec, lc_err_t err)
{
    slong wp = prec + 16;
    arb_t t, x, y, a, b, h, co, si;
    arb_mat_t T;
    int rc;

    if ((rc = _check_3x3(X, "exp_se2", err)) != LC_OK)
        return rc;
    if (!arb_contains_si(arb_mat_entry(X, 0, 0), 0) || !arb_contains_si(arb_mat_entry(X, 1, 1), 0)
        || !_may_sum_zero(arb_mat_entry(X, 0, 1), arb_mat_entry(X, 1, 0), wp)
        || !arb_contains_si(arb_mat_entry(X, 2, 0), 0) || !arb_contains_si(arb_mat_entry(X, 2, 1), 0)
        || !arb_contains_si(arb_mat_entry(X, 2, 2), 0))
        return lc_err_set(err, LC_E_ARG, "exp_se2: the matrix is not of the form "
                          "[[0, -t, x], [t, 0, y], [0, 0, 0]]");

    arb_init(t);
    arb_init(x);
    arb_init(y);
    arb_init(a);
    arb_init(b);
    arb_init(h);
    arb_init(co);
    arb_init(si);
    arb_mat_init(T, 3, 3);

    arb_sub(t, arb_mat_entry(X, 1, 0), arb_mat_entry(X, 0, 1), wp);
    arb_mul_2exp_si(t, t, -1);
    arb_set(x, arb_mat_entry(X, 0, 2));
    arb_set(y, arb_mat_entry(X, 1, 2));
    arb_sin_cos(si, co, t, wp);
    /* V = [[a, -b], [b, a]], a = sin(t)/t = sinc t, b = (1 - cos t)/t =
       (t/2) sinc(t/2)^2 */
    arb_sinc(a, t, wp);
    arb_mul_2exp_si(h, t, -1);
    arb_sinc(b, h, wp);
    arb_sqr(b, b, wp);
    arb_mul(b, b, h, wp);

    arb_set(arb_mat_entry(T, 0, 0), co);
    arb_neg(arb_mat_entry(T, 0, 1), si);
    arb_set(arb_mat_entry(T, 1, 0), si);
    arb_set(arb_mat_entry(T, 1, 1), co);
    arb_mul(arb_mat_entry(T, 0, 2), a, x, wp);
    arb_submul(arb_mat_entry(T, 0, 2), b, y, wp);
    arb_mul(arb_mat_entry(T, 1, 2), b, x, wp);
    arb_addmul(arb_mat_entry(T, 1, 2), a, y, wp);
    arb_one(arb_mat_entry(T, 2, 2));
    _set_out(G, T);

    arb_clear(t);
    arb_clear(x);
    arb_clear(y);
    arb_clear(a);
    arb_clear(b);
    arb_clear(h);
    arb_clear(co);
    arb_clear(si);
    arb_mat_clear(T);
    return LC_OK;
}

int
lc_matfun_se2_log(arb_mat_t X, const arb_mat_t G, slong prec, lc_err_t err)
{
    slong wp = prec + 16;
    arb_t c, s, t, as, h, al, co, u;
    arb_mat_t T;
    int rc = LC_OK;

    if ((rc = _check_3x3(G, "log_se2", err)) != LC_OK)
        return rc;

    arb_init(c);
    arb_init(s);
    arb_init(t);
    arb_init(as);
    arb_init(h);
    arb_init(al);
    arb_init(co);
    arb_init(u);
    arb_mat_init(T, 3, 3);

    arb_add(c, arb_mat_entry(G, 0, 0), arb_mat_entry(G, 1, 1), wp);
    arb_mul_2exp_si(c, c, -1);
    arb_sub(s, arb_mat_entry(G, 1, 0), arb_mat_entry(G, 0, 1), wp);
    arb_mul_2exp_si(s, s, -1);
    arb_sqr(u, c, wp);
    arb_addmul(u, s, s, wp);
    if (!arb_overlaps(arb_mat_entry(G, 0, 0), arb_mat_entry(G, 1, 1))
        || !_may_sum_zero(arb_mat_entry(G, 0, 1), arb_mat_entry(G, 1, 0), wp)
        || !arb_contains_si(u, 1)
        || !arb_contains_si(arb_mat_entry(G, 2, 0), 0) || !arb_contains_si(arb_mat_entry(G, 2, 1), 0)
        || !arb_contains_si(arb_mat_entry(G, 2, 2), 1))
    {
        rc = lc_err_set(err, LC_E_ARG, "log_se2: the matrix is not of the form "
                        "[[cos t, -sin t, x], [sin t, cos t, y], [0, 0, 1]]");
        goto cleanup;
    }

    /* t in (-pi, pi) with (cos t, sin t) = (c, s): t = sign(s) t(|s|) */
    arb_abs(as, s);
    if (!arb_is_positive(c) && !arb_is_nonzero(s))
    {
        if (arb_mat_is_exact(G) && arb_is_zero(s) && arb_is_negative(c))
            rc = lc_err_set(err, LC_E_DOMAIN, "log_se2: the rotation angle is pi (certain): "
                            "the principal logarithm is not defined");
        else
            rc = lc_err_set(err, LC_E_DOMAIN, "log_se2: the rotation angle may be pi "
                            "(undecided at %ld bits): the principal logarithm may not be "
                            "defined", (long) prec);
        goto cleanup;
    }
    if (arb_is_positive(c))
    {
        arb_div(t, s, c, wp);
        arb_atan(t, t, wp);
    }
    else
    {
        _angle_upper(t, as, c, wp);
        if (arb_is_negative(s))
            arb_neg(t, t);
    }

    /* V(t)^-1 = [[al, t/2], [-t/2, al]], al = (t/2) cot(t/2) =
       cos(t/2) / sinc(t/2) (sinc(t/2) >= 2/pi for |t| < pi) */
    arb_mul_2exp_si(h, t, -1);
    arb_cos(co, h, wp);
    arb_sinc(al, h, wp);
    arb_div(al, co, al, wp);

    arb_neg(arb_mat_entry(T, 0, 1), t);
    arb_set(arb_mat_entry(T, 1, 0), t);
    arb_mul(arb_mat_entry(T, 0, 2), al, arb_mat_entry(G, 0, 2), wp);
    arb_addmul(arb_mat_entry(T, 0, 2), h, arb_mat_entry(G, 1, 2), wp);
    arb_mul(arb_mat_entry(T, 1, 2), al, arb_mat_entry(G, 1, 2), wp);
    arb_submul(arb_mat_entry(T, 1, 2), h, arb_mat_entry(G, 0, 2), wp);
    _set_out(X, T);

cleanup:
    arb_clear(c);
    arb_clear(s);
    arb_clear(t);
    arb_clear(as);
    arb_clear(h);
    arb_clear(al);
    arb_clear(co);
    arb_clear(u);
    arb_mat_clear(T);
    return rc;
}

/* Is the last row of A possibly (0, 0, last)? */
static int
_may_have_last_row(const arb_mat_t A, slong last)
{
    return arb_contains_si(arb_mat_entry(A, 2, 0), 0) && arb_contains_si(arb_mat_entry(A, 2, 1), 0)
        && arb_contains_si(arb_mat_entry(A, 2, 2), last);
}

/* T := A with its last row set exactly to (0, 0, last). */
static void
_set_last_row(arb_mat_t T, slong last)
{
    arb_zero(arb_mat_entry(T, 2, 0));
    arb_zero(arb_mat_entry(T, 2, 1));
    arb_set_si(arb_mat_entry(T, 2, 2), last);
}

int
lc_matfun_aff2_exp(arb_mat_t G, const arb_mat_t X, slong prec, lc_err_t err)
{
    arb_mat_t T;
    int rc;

    if ((rc = _check_3x3(X, "exp_aff2", err)) != LC_OK)
        return rc;
    if (!_may_have_last_row(X, 0))
        return lc_err_set(err, LC_E_ARG, "exp_aff2: the last row is not (0, 0, 0)");
    arb_mat_init(T, 3, 3);
    arb_mat_set(T, X);
    _set_last_row(T, 0);
    rc = lc_matfun_exp(T, T, prec, err);
    if (rc == LC_OK)
    {
        /* exp([[B, u], [0, 0]]) = [[exp B, phi1(B) u], [0, 1]] exactly */
        _set_last_row(T, 1);
        _set_out(G, T);
    }
    arb_mat_clear(T);
    return rc;
}

int
lc_matfun_aff2_log(arb_mat_t X, const arb_mat_t G, slong prec, lc_err_t err)
{
    arb_mat_t T;
    int rc;

    if ((rc = _check_3x3(G, "log_aff2", err)) != LC_OK)
        return rc;
    if (!_may_have_last_row(G, 1))
        return lc_err_set(err, LC_E_ARG, "log_aff2: the last row is not (0, 0, 1)");
    arb_mat_init(T, 3, 3);
    arb_mat_set(T, G);
    _set_last_row(T, 1);
    rc = lc_matfun_log(T, T, prec, err);
    if (rc == LC_OK)
    {
        /* log of a block triangular [[A, t], [0, 1]] has last row (0, 0, log 1) */
        _set_last_row(T, 0);
        _set_out(X, T);
    }
    arb_mat_clear(T);
    return rc;
}
