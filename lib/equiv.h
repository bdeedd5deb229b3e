/* equiv.h -- orthogonal equivariance, exactly: pseudo-inverses, the
 * Householder span certificate of Ma & Ying's Proposition 3.1 (Appendix A),
 * the knowledge form of their Proposition 3.2, and certified row softmax.
 *
 * Everything here is exact over Q except lc_ball_softmax_rows and
 * lc_ball_map_exp, which return certified Arb balls.  Outputs come first,
 * are resized as needed and may alias inputs.  The exact matrix helpers this
 * module builds on (hcat, vcat, blockdiag, col, row, perm, householder,
 * onehot) live in qmat.h.  See doc/equiv.md for the mathematics. */
#ifndef LC_EQUIV_H
#define LC_EQUIV_H

#include "qmat.h"
#include "lc_arb.h"
#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------- exact core */

/* Xp := X^+, the Moore-Penrose pseudo-inverse of the m x n matrix X (any
   rank), exactly: with the full-rank factorization X = C R (C the pivot
   columns of X, R the nonzero rows of its reduced echelon form),
   X^+ = R^T (R R^T)^-1 (C^T C)^-1 C^T; X = 0 gives the n x m zero matrix.
   Always LC_OK (err is for uniformity). */
int lc_equiv_pinv(fmpq_mat_t Xp, const fmpq_mat_t X, lc_err_t err);

/* F = V + U with V := X X^+ F, every column of which lies in span(X), and
   U := F - V, every column of which is orthogonal to span(X) (X^T U = 0).
   V and U must be different matrices (LC_E_ARG); LC_E_DIM unless X and F
   have the same number of rows. */
int lc_equiv_span_split(fmpq_mat_t V, fmpq_mat_t U, const fmpq_mat_t X, const fmpq_mat_t F,
                        lc_err_t err);

/* The certificate of Appendix A for one instance F = f(X).
   in_span = 1: F = X C exactly, with the minimum-norm C = X^+ F (this is the
   g(X^T X) of Proposition 3.1 at X; column = -1, u and Qu are 0 x 0).
   in_span = 0: column j (0-based) of F has the nonzero component u
   orthogonal to span(X), scaled by a positive rational to a primitive integer
   vector; Qu = I - 2 u u^T/(u^T u) is a rational orthogonal matrix with
   Qu X = X and Qu F != F, so f(Qu X) = f(X) = F != Qu F = Qu f(X): f is not
   orthogonally equivariant.  C is then still X^+ F, the least-squares
   coefficients (X C = V of lc_equiv_span_split). */
typedef struct
{
    int in_span;
    fmpq_mat_t C;
    slong column;
    fmpq_mat_t u;
    fmpq_mat_t Qu;
}
lc_equiv_span_cert_struct;

typedef lc_equiv_span_cert_struct lc_equiv_span_cert_t[1];

void lc_equiv_span_cert_init(lc_equiv_span_cert_t c);
void lc_equiv_span_cert_clear(lc_equiv_span_cert_t c);

/* cert := the certificate for X (d x n) and FX = f(X) (d x m); LC_E_DIM
   unless they have the same number of rows. */
int lc_equiv_span_certificate(lc_equiv_span_cert_t cert, const fmpq_mat_t X,
                              const fmpq_mat_t FX, lc_err_t err);

/* 1 if c is a valid certificate for X and FX, re-checked exactly from the
   definitions (shapes; in_span: X C = FX; otherwise: u != 0, u^T X = 0,
   Qu = I - 2 u u^T/(u^T u) (hence Qu^T Qu = I), Qu X = X, column j of
   Qu FX differs from column j of FX); 0 otherwise. */
int lc_equiv_span_cert_verify(const lc_equiv_span_cert_t c, const fmpq_mat_t X,
                              const fmpq_mat_t FX);

/* The certificate as text anyone can re-check (u, Q_u or C, and the facts
   they show); columns are counted from 1 as in the paper.  Free with
   flint_free. */
char * lc_equiv_span_cert_get_str(const lc_equiv_span_cert_t c);

/* [G1; G2] := [X, Z]^+ F, the minimum-norm coefficients of the knowledge
   form (3.1) F = X G1 + Z G2 (G1 is n x m, G2 is k x m for X d x n,
   Z d x k, F d x m).  LC_E_DIM unless the row counts agree; LC_E_DOMAIN,
   naming the first offending column, when F is not in span([X, Z]) (then
   no such G1, G2 exist).  G1 and G2 must be different matrices (LC_E_ARG). */
int lc_equiv_knowledge_split(fmpq_mat_t G1, fmpq_mat_t G2, const fmpq_mat_t X,
                             const fmpq_mat_t Z, const fmpq_mat_t F, lc_err_t err);

/* ------------------------------------------------ balls (equiv_ball.c) */

/* B := exp of every entry of A (certified balls). */
void lc_ball_map_exp(arb_mat_t B, const arb_mat_t A, slong prec);

/* S := the softmax of every row of A, S_ij = e^{A_ij} / sum_k e^{A_ik}, each
   entry a certified ball.  A row's largest midpoint is subtracted first, so
   that large entries do not overflow the exponent range.  LC_E_DOMAIN if an
   entry of A is not finite. */
int lc_ball_softmax_rows(arb_mat_t S, const arb_mat_t A, slong prec, lc_err_t err);

#ifdef __cplusplus
}
#endif

#endif
