/* matfun.h -- certified matrix exponential, square root and logarithm.
 *
 * Every result is a ball matrix that provably contains the exact value for
 * every matrix in the input ball (no step is an estimate; see doc/matfun.md).
 * Outputs come first and are resized; outputs may alias inputs.  prec is the
 * working precision in bits: the radii fall roughly like 2^-prec.
 * Functions return LC_OK or an error code with a message in err:
 *   LC_E_DIM     the matrix is not square (or not 3 x 3 for the closed forms);
 *   LC_E_ARG     a closed form got a matrix that is certainly not of its group
 *                or algebra (e.g. not skew, last row not (0, 0, 1));
 *   LC_E_DOMAIN  the principal logarithm / square root is not defined: an
 *                eigenvalue lies on the closed negative real axis (certainly),
 *                or cannot be kept off it at this precision (undecided; the
 *                message says which);
 *   LC_E_LIMIT   the matrix is too large for the certified square-root step
 *                (n > LC_MATFUN_MAX_N) or a certificate failed at this
 *                precision (try a higher one). */
#ifndef LC_MATFUN_H
#define LC_MATFUN_H

#include "ball.h"
#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest n for the certified square root (its Krawczyk test works on the
   n^2 x n^2 Kronecker form of Y -> Y^2). */
#define LC_MATFUN_MAX_N 12

/* E := exp(A) (Arb's arb_mat_exp: scaling and squaring with a bounded Taylor
   tail). */
int lc_matfun_exp(arb_mat_t E, const arb_mat_t A, slong prec, lc_err_t err);

/* Decide whether M lies in the domain of the principal logarithm (no
   eigenvalue on the closed negative real axis).  Returns 1 if certainly yes,
   0 if certainly not, -1 if undecided at this precision; when not 1, err gets
   LC_E_DOMAIN and a message.  Exact (radius-free) input with moderate
   exponents is decided exactly from the characteristic polynomial over Q. */
int lc_matfun_log_domain(const arb_mat_t M, slong prec, lc_err_t err);

/* The same question for an exact rational M, always decided (1 or 0; -1 only
   with LC_E_DIM when M is not square).  Use it when the input was rational
   but not dyadic (1/3 has no exact ball). */
int lc_matfun_log_domain_qmat(const fmpq_mat_t M, lc_err_t err);

/* Y := the principal square root of M (eigenvalues with positive real part).
   Certified by a Krawczyk test on Y^2 = M around a Denman-Beavers
   approximation; principal by a norm bound or a Lyapunov certificate. */
int lc_matfun_sqrt(arb_mat_t Y, const arb_mat_t M, slong prec, lc_err_t err);

/* Lg := the principal logarithm of M (eigenvalues with imaginary part in
   (-pi, pi)).  Inverse scaling and squaring: certified square roots until
   ||S - I|| <= 1/2, then log S = 2 atanh((S - I)(S + I)^-1) by its series with
   a rigorous tail bound, times 2^k.  The identity gives exactly 0. */
int lc_matfun_log(arb_mat_t Lg, const arb_mat_t M, slong prec, lc_err_t err);

/* Closed forms.  so3: W is a 3 x 3 skew-symmetric matrix [w]_x (rotation by
   |w| about w/|w|); R a rotation.  The result contains the value for every
   group (algebra) element inside the input ball; LC_E_ARG when the ball
   certainly contains none.
   so3_exp  Rodrigues: I + sinc(t) W + sinc(t/2)^2 W^2 / 2, t = |w|;
   so3_log  axis-angle with t = atan2(|v|/2, (tr R - 1)/2), v the axial vector
            of R - R^T; near t = pi the axis comes from the symmetric part
            R + R^T and its sign from v.  At t = pi the principal log is not
            defined: LC_E_DOMAIN. */
int lc_matfun_so3_exp(arb_mat_t R, const arb_mat_t W, slong prec, lc_err_t err);
int lc_matfun_so3_log(arb_mat_t W, const arb_mat_t R, slong prec, lc_err_t err);

/* SE(2) in homogeneous 3 x 3 form: the algebra element
   [[0, -t, x], [t, 0, y], [0, 0, 0]] maps to [[R(t), V(t) (x, y)^T], [0, 1]]
   with V(t) = [[sinc t, -(t/2) sinc(t/2)^2], [(t/2) sinc(t/2)^2, sinc t]].
   se2_log inverts it (t in (-pi, pi); t = pi: LC_E_DOMAIN). */
int lc_matfun_se2_exp(arb_mat_t G, const arb_mat_t X, slong prec, lc_err_t err);
int lc_matfun_se2_log(arb_mat_t X, const arb_mat_t G, slong prec, lc_err_t err);

/* Aff(2) in homogeneous 3 x 3 form ([[A, t], [0, 0, 1]] and
   [[B, u], [0, 0, 0]]): the general algorithm after checking the shape. */
int lc_matfun_aff2_exp(arb_mat_t G, const arb_mat_t X, slong prec, lc_err_t err);
int lc_matfun_aff2_log(arb_mat_t X, const arb_mat_t G, slong prec, lc_err_t err);

#ifdef __cplusplus
}
#endif

#endif
