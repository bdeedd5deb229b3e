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

/* C := the entrywise (Hadamard) product, c_ij = a_ij b_ij, and quotient,
   c_ij = a_ij / b_ij, of two ball matrices, each entry an enclosure at prec
   bits.  LC_E_DIM unless A and B have the same shape; ediv: LC_E_DOMAIN,
   naming the first (1-based) entry, when a ball b_ij contains 0 (the
   quotient would be unbounded; C is then unchanged).  C may alias A or B. */
int lc_ball_hadamard(arb_mat_t C, const arb_mat_t A, const arb_mat_t B, slong prec,
                     lc_err_t err);
int lc_ball_ediv(arb_mat_t C, const arb_mat_t A, const arb_mat_t B, slong prec, lc_err_t err);

/* Largest |binary exponent| lc_ball_arf_get_fmpq writes out: 2^22 bits,
   512 KiB for the numerator or the denominator. */
#define LC_BALL_EXACT_MAX_EXP (WORD(1) << 22)

/* q := x exactly (an arf is dyadic, so the rational is exact), through Arb's
   arf_get_fmpq.  LC_E_DOMAIN ("not finite") when x is an infinity or NaN;
   LC_E_LIMIT when |x| >= 2^LC_BALL_EXACT_MAX_EXP or 0 < |x| <
   2^-LC_BALL_EXACT_MAX_EXP, rather than allocating an integer of that size
   (Arb would abort beyond its own exponent range).  q is 0 on error. */
int lc_ball_arf_get_fmpq(fmpq_t q, const arf_t x, lc_err_t err);

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

/* ------------------------------------------------ solve, QR, Gram (ball_qr.c)
   Outputs may alias inputs unless stated.  See doc/ball.md for why each
   result is an enclosure. */

/* X := A^-1 B and X := A^-1, enclosing the value for every A, B in the
   balls.  LC_E_DIM if A is not square or B does not have A's row count;
   LC_E_SINGULAR ("not certainly invertible at N bits") when Arb cannot prove
   every matrix in A invertible (exactly singular, or too wide a ball). */
int lc_ball_solve(arb_mat_t X, const arb_mat_t A, const arb_mat_t B, slong prec, lc_err_t err);
int lc_ball_inv(arb_mat_t X, const arb_mat_t A, slong prec, lc_err_t err);

/* Full Householder QR of the m x n ball A: Q is m x m, R is m x n.  For every
   point A' of A, Q contains an exactly orthogonal Q' (a product of exact
   reflections) with Q'^T A' in R.  Step k (k < min(m - 1, n)) is skipped when
   the norm of the rest of column k is not certainly positive (a zero column:
   rank deficiency at this precision); the entries of R below the diagonal are
   then balls around 0 when that column is exactly zero, as exact rank
   deficiency gives, and otherwise are only enclosures.  Q and R must be
   different matrices (LC_E_ARG); otherwise returns LC_OK. */
int lc_ball_householder_qr(arb_mat_t Q, arb_mat_t R, const arb_mat_t A, slong prec,
                           lc_err_t err);

/* Q := a d x d ball matrix that contains an exactly orthogonal matrix Q' with
   Q' Y = X, for d x n rational X and Y with X^T X = Y^T Y (any rank, n > d
   allowed).  Method: r independent columns J of Y (exactly), Householder QRs
   of X_J and Y_J with positive R diagonals, Q = Q_X Q_Y^T; Y = 0 gives the
   identity.  LC_E_DIM if the shapes differ; LC_E_ARG (with the first
   differing entry) if the Gram matrices differ, checked exactly; LC_E_LIMIT if
   a Householder step or an R-diagonal sign cannot be certified at prec bits. */
int lc_ball_orthogonal_from_gram(arb_mat_t Q, const fmpq_mat_t X, const fmpq_mat_t Y,
                                 slong prec, lc_err_t err);

/* b := an upper bound for max |(Q'^T Q' - I)_ij| over every Q' in the ball Q
   (LC_E_DIM and b = +inf if Q is not square). */
int lc_ball_orthogonality_defect(mag_t b, const arb_mat_t Q, slong prec);

/* b := an upper bound for max |a'_ij - b_ij| over every A' in the ball A
   (LC_E_DIM and b = +inf if the shapes differ). */
int lc_ball_max_abs_diff(mag_t b, const arb_mat_t A, const fmpq_mat_t B, slong prec);

#ifdef __cplusplus
}
#endif

#endif
