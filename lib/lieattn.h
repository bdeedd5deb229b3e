/* lieattn.h -- Lie-algebra attention scores (Musialski, "The token is a
 * group element", arXiv 2606.20547).
 *
 * Tokens are elements g_1..g_T of a matrix Lie group (exact n x n rational
 * matrices, e.g. rotations built by Cayley transforms).  The score of a pair
 * is s_ij = -||log(g_i^-1 g_j)||_lambda^2 / tau, with a block-weighted
 * Frobenius norm on the Lie algebra:
 *   plain form        ||X||^2 = lambda_1 ||X||_F^2              (SO(3), SO(2))
 *   homogeneous form  X = [[B, u], [0, 0]]:
 *                     ||X||^2 = lambda_1 ||B||_F^2 + lambda_2 ||u||^2
 *                                                    (SE(2), Aff(2), SE(3))
 * The relative elements g_i^-1 g_j are exact; their logarithms are certified
 * balls (lc_matfun_log), so every score is a certified enclosure. */
#ifndef LC_LIEATTN_H
#define LC_LIEATTN_H

#include "qmat.h"
#include "ball.h"
#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest number of tokens. */
#define LC_LIEATTN_MAX_TOKENS 256

/* S := the T x T scores.  lambda has 1 entry (plain form) or 2 (homogeneous
   form); tau > 0.  Errors: LC_E_DIM (sizes), LC_E_SINGULAR (a token is not
   invertible), LC_E_ARG (lambda, tau), LC_E_DOMAIN (a relative element has
   an eigenvalue on the closed negative real axis: its principal logarithm,
   hence the score, is undefined; the message names the pair),
   LC_E_LIMIT (T too large, or a certificate failed at this precision). */
int lc_lieattn_scores(arb_mat_t S, const fmpq_mat_struct * g, slong T,
                      const fmpq * lambda, slong nlambda, const fmpq_t tau,
                      slong prec, lc_err_t err);

/* r := ||X||_lambda^2 for an algebra element X (ball matrix). */
int lc_lieattn_norm2(arb_t r, const arb_mat_t X, const fmpq * lambda, slong nlambda,
                     slong prec, lc_err_t err);

/* The baseline that treats tokens as vectors: S_ij = vec(g_i)^T W vec(g_j),
   exactly (W is n^2 x n^2; NULL means the identity). */
int lc_lieattn_dot_scores(fmpq_mat_t S, const fmpq_mat_struct * g, slong T,
                          const fmpq_mat_t W, lc_err_t err);

#ifdef __cplusplus
}
#endif

#endif
