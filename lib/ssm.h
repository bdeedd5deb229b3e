/* ssm.h -- the sequence-model algebra of Heo et al., "Why depth matters in
 * parallelizable sequence models: a Lie algebraic view" (arXiv 2603.05573).
 *
 * An input-controlled linear SSM dh/dt = A(x(t)) h driven by a piecewise
 * constant input (generator A_i for a duration d_i, i = 1..T) has the
 * transition matrix P(t) = exp(t d_T A_T) ... exp(t d_1 A_1): the LATER step
 * acts on the left.  Its logarithm is the Magnus series sum_k t^k Omega_k
 * with rational Lie polynomials Omega_1 = sum d_i A_i,
 * Omega_2 = 1/2 sum_{i>j} d_i d_j [A_i, A_j], ...
 *   ssm_magnus.c   Magnus / BCH terms exactly over Q (truncated power series
 *                  in t with matrix coefficients) and in balls; commutator
 *                  and generator mass; the certified local truncation error
 *                  and its order; transition matrices; the exp-Lipschitz
 *                  inequality.
 *   ssm_tower.c    derived-series towers, perfect core, solvable radical,
 *                  block-triangular cascades of abelian layers.
 *   ssm_freelie.c  Witt's formula, the free Lie algebra by degree, free
 *                  nilpotent Lie algebras as matrix algebras.
 * See doc/ssm.md for the statements, the proofs the checks rest on, and
 * what is not claimed. */
#ifndef LC_SSM_H
#define LC_SSM_H

#include "qmat.h"
#include "lie.h"
#include "ball.h"
#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Limits: steps of an input, order of a Magnus expansion. */
#define LC_SSM_MAX_STEPS 1024
#define LC_SSM_MAX_ORDER 32

/* -------------------------------------------------------- ssm_magnus.c
   Generators As[0..T-1] (A_1 first, in time order), durations dur[0..T-1]
   (NULL: every duration 1).  Errors: LC_E_ARG (T < 1, order < 1),
   LC_E_DIM (generators not square of one size), LC_E_LIMIT (T, order). */

/* Omega[k-1] := Omega_k for k = 1..order (Omega has order initialised
   entries).  Exact: the product of the truncated exponential series in
   Q[t]/(t^(order+1)) with matrix coefficients, then the logarithm series
   sum_m (-1)^(m+1) N^m / m of its part N without constant term. */
int lc_ssm_magnus(fmpq_mat_struct * Omega, const fmpq_mat_struct * As, const fmpq * dur,
                  slong T, slong order, lc_err_t err);

/* The same in ball arithmetic, for generators with irrational entries
   (durations 1). */
int lc_ssm_magnus_ball(arb_mat_struct * Omega, const arb_mat_struct * As, slong T,
                       slong order, slong prec, lc_err_t err);

/* Z[k-1] := the degree-k term of the Baker-Campbell-Hausdorff series
   log(e^(tX) e^(tY)) = sum_k t^k Z_k, k = 1..order.  (The Magnus terms of
   the input Y then X.) */
int lc_ssm_bch(fmpq_mat_struct * Z, const fmpq_mat_t X, const fmpq_mat_t Y, slong order,
               lc_err_t err);

/* R[k] := the coefficient of t^k, k = 0..order+1, of the power series
   exp(sum_{k<=order} t^k Omega_k) - P(t), exactly.  Formally R_0 = ... =
   R_order = 0 and R_(order+1) = -Omega_(order+1): the truncation error is
   exactly of order t^(order+1) with that leading coefficient.  R has
   order + 2 initialised entries. */
int lc_ssm_magnus_residual(fmpq_mat_struct * R, const fmpq_mat_struct * As, const fmpq * dur,
                           slong T, slong order, lc_err_t err);

/* m2 := ||Omega_2||_F^2 exactly (the square of the commutator mass). */
int lc_ssm_commutator_mass2(fmpq_t m2, const fmpq_mat_struct * As, const fmpq * dur, slong T,
                            lc_err_t err);

/* m := ||Omega_2||_F, certified. */
int lc_ssm_commutator_mass(arb_t m, const fmpq_mat_struct * As, const fmpq * dur, slong T,
                           slong prec, lc_err_t err);

/* eps := the generator mass sum_i |d_i| ||A_i||_F, certified (the total
   variation of the input path; ||Omega_k||_F <= eps^k up to a constant, and
   ||Omega_2||_F <= eps^2 / 2). */
int lc_ssm_generator_mass(arb_t eps, const fmpq_mat_struct * As, const fmpq * dur, slong T,
                          slong prec, lc_err_t err);

/* e := ||exp(sum_{k<=order} t^k Omega_k) - exp(t A_T) ... exp(t A_1)||_F, a
   certified ball (durations 1: fold them into the generators); the Omega_k
   are the given ones (exact or ball Magnus terms converted by the caller). */
int lc_ssm_truncation_error(arb_t e, const arb_mat_struct * As, slong T,
                            const arb_mat_struct * Omega, slong order, const arb_t t,
                            slong prec, lc_err_t err);

/* The order certificate: ratio := e(t) / e(t/2), a certified ball, and
   *p := the integer p with ratio inside (2^(p - 1/2), 2^(p + 1/2)), which
   certifies that the measured exponent of t is p; *p = -1 when the ball
   does not fit one such interval (t too large or precision too low).  For
   small t and Omega_(order+1) != 0 one expects p = order + 1. */
int lc_ssm_truncation_order(arb_t ratio, slong * p, const arb_mat_struct * As, slong T,
                            slong order, const arb_t t, slong prec, lc_err_t err);

/* P := exp(d_T A_T) ... exp(d_1 A_1) exactly, for nilpotent generators (the
   exponential is then a finite sum); LC_E_DOMAIN names a step whose
   generator is not nilpotent. */
int lc_ssm_transition(fmpq_mat_t P, const fmpq_mat_struct * As, const fmpq * dur, slong T,
                      lc_err_t err);

/* The same for any generators, certified (balls, lc_matfun_exp). */
int lc_ssm_transition_ball(arb_mat_t P, const arb_mat_struct * As, slong T, slong prec,
                           lc_err_t err);

/* The inequality ||e^X - e^Y||_F >= e^(-max(||X||_F, ||Y||_F)) ||X - Y||_F:
   lhs := the left side, rhs := the right side, both certified.  Returns 1
   when lhs >= rhs certainly, 0 when lhs < rhs certainly (a counterexample),
   -1 when the balls overlap; LC_E_DIM status in err for bad shapes (then the
   return value is -2). */
int lc_ssm_exp_gap(arb_t lhs, arb_t rhs, const arb_mat_t X, const arb_mat_t Y, slong prec,
                   lc_err_t err);

/* G[0], G[1] := the rotation generators of the icosahedral group A5 in
   so(3) (balls): a = (2 pi / 5) [u]_x about the vertex u = (0, 1, phi)/|.|
   and b = (2 pi / 3) [v]_x about the face centre v = (1, 1, 1)/sqrt 3 of the
   icosahedron with vertices the cyclic shifts of (0, +-1, +-phi); exp(a)
   has order 5, exp(b) order 3, and together they generate A5 (a subgroup
   of A5 with elements of orders 3 and 5 has order divisible by 15). */
void lc_ssm_icosahedral(arb_mat_struct * G, slong prec);

/* --------------------------------------------------------- ssm_tower.c */

/* The derived series L = L^(0) > L^(1) > ..., up to and including the first
   term that is 0 or equal to its predecessor: dims[i] = dim L^(i) and
   quot[i] = dim L^(i) / L^(i+1) (the abelian layers; len - 1 entries).
   dims and quot need room for dim(L) + 2 entries; returns len.  quot may be
   NULL. */
slong lc_ssm_tower(slong * dims, slong * quot, const lc_lie_t L);

/* P := the perfect core, the last term of the derived series (the term with
   [P, P] = P; 0 exactly when L is solvable). */
void lc_ssm_perfect_core(lc_lie_t P, const lc_lie_t L);

/* R := the solvable radical, the largest solvable ideal, as the orthogonal
   complement of [L, L] under the Killing form of L (Bourbaki, Lie groups
   and Lie algebras I.5.5 Prop. 5: valid in characteristic 0). */
void lc_ssm_radical(lc_lie_t R, const lc_lie_t L);

/* The generators of a k-layer stack of abelian linear layers, one per input
   symbol (nsym of them), as block lower-triangular matrices: block j (size
   d) is layer j with a diagonal transition D_j(x) (random integers), and the
   block below the diagonal at (j+1, j) feeds layer j's state into layer j+1
   (random integer C_j(x)).  selective != 0 prepends a 1 x 1 block for the
   constant input 1 (zero generator), with an input-dependent drive b(x)
   into layer 1: the affine, input-selective layer h' = D(x) h + b(x).
   gens has nsym initialised entries, each set to (k d + selective) square.
   Entries are drawn from [-bound, bound] with st.  LC_E_ARG for k, d, nsym
   < 1; LC_E_LIMIT beyond LC_LIE_MAX_N. */
int lc_ssm_cascade(fmpq_mat_struct * gens, slong k, slong d, slong nsym, int selective,
                   slong bound, flint_rand_t st, lc_err_t err);

/* 1 + ceil(log2 m) for m >= 2 (1 for m = 1): the largest derived length of
   an algebra of block lower-triangular matrices with m blocks whose diagonal
   blocks commute (see doc/ssm.md); m = k (+1 for the selective kind). */
slong lc_ssm_cascade_bound(slong m);

/* ------------------------------------------------------- ssm_freelie.c */

/* w := Witt's number (1/m) sum_{d | m} mu(d) n^(m/d), the dimension of the
   degree-m part of the free Lie algebra on n generators (m >= 1). */
void lc_ssm_witt(fmpz_t w, ulong n, ulong m);

/* dims[m-1] := the dimension of the degree-m part of the free Lie algebra on
   n generators, m = 1..c, computed as the span of the brackets [x_i, p]
   (p of degree m-1) inside the free associative algebra (words of length
   m): an independent check of Witt's formula.  LC_E_LIMIT when n^c exceeds
   2^16. */
int lc_ssm_free_lie_dims(slong * dims, slong n, slong c, lc_err_t err);

/* L := the free nilpotent Lie algebra of class c on n generators, as a
   matrix Lie algebra: the algebra generated by ad(x_1), ..., ad(x_n) acting
   on the free nilpotent algebra of class c + 1, whose centre is its degree
   c + 1 part, so the representation is faithful on class c (n = 1: gl(1)).
   LC_E_ARG for n, c < 1; LC_E_LIMIT when the representation would exceed
   LC_LIE_MAX_N (sum_{m <= c+1} witt(n, m) > 64). */
int lc_ssm_free_nilpotent(lc_lie_t L, slong n, slong c, lc_err_t err);

#ifdef __cplusplus
}
#endif

#endif
