/* ball.h -- certified real matrices over Arb (arb_mat_t) for liecheck.
 *
 * A ball matrix stands for every real matrix whose entries lie in its entry
 * balls.  Every bound below is an upper bound that holds for all of them at
 * once; none is an estimate.  Outputs come first and are resized when their
 * shape does not fit (previous contents are discarded). */
#ifndef LC_BALL_H
#define LC_BALL_H

#include <stdio.h>
#include <flint/fmpq_mat.h>
#include "lc_arb.h"
#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Give A the shape r x c (contents become zero when the shape changes). */
void lc_ball_resize(arb_mat_t A, slong r, slong c);

/* B := A rounded to prec bits (exact when A's entries are dyadic and fit). */
void lc_ball_set_qmat(arb_mat_t B, const fmpq_mat_t A, slong prec);

/* Nonzero iff A and B have the same shape and every entry of A lies in the
   corresponding ball of B. */
int lc_ball_contains_qmat(const arb_mat_t B, const fmpq_mat_t A);

/* Upper bounds, valid for every matrix in the ball A:
   max_entry  max |a_ij|;
   one        the 1-norm (largest column sum of |a_ij|);
   inf        the infinity norm (largest row sum);
   frobenius  sqrt(sum a_ij^2);
   spectral   the 2-norm, as min(frobenius, sqrt(one * inf)). */
void lc_ball_bound_max_entry(mag_t b, const arb_mat_t A);
void lc_ball_bound_one_norm(mag_t b, const arb_mat_t A);
void lc_ball_bound_inf_norm(mag_t b, const arb_mat_t A);
void lc_ball_bound_frobenius(mag_t b, const arb_mat_t A);
void lc_ball_bound_spectral(mag_t b, const arb_mat_t A);

/* The smallest of the 1-, infinity-, Frobenius- and spectral-norm bounds.
   Each of those norms is submultiplicative and bounds every |entry|, so a
   power-series tail bounded in terms of b bounds every entry of the tail. */
void lc_ball_bound_norm(mag_t b, const arb_mat_t A);

/* r := an upper bound for the largest entry radius of A (0 iff A is exact). */
void lc_ball_max_radius(mag_t r, const arb_mat_t A);

/* A := A + [0 +/- e] in every entry. */
void lc_ball_add_error(arb_mat_t A, const mag_t e);

/* Text of A in Arb's decimal form, row-major nested lists:
   "[[[0.33333333 +/- 3.34e-9], 0], [0, 1.0000000]]" (exact entries print
   without a radius).
   digits is the number of significant digits of each midpoint.  Free the
   string with flint_free. */
char * lc_ball_get_str(const arb_mat_t A, slong digits);
void lc_ball_fprint(FILE * f, const arb_mat_t A, slong digits);

#ifdef __cplusplus
}
#endif

#endif
