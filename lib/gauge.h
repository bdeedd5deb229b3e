/* gauge.h -- gauge symmetries of transformer stacks (van Nierop, "Transformer
 * models are gauge invariant", Sec. 4): exact gauge elements, their action on
 * the weights, the function-preserving layer-norm fold, the redundancy count
 * of eq. (17), and the measured flat directions (forward-mode Jacobian in
 * balls, certified rank, exact tangent vectors of the symmetries).
 *
 * The action (our notation, lib/transformer.h; head a of layer alpha has
 * rows a*d_h .. of Wq, Wk, Wv and columns a*d_h .. of Wo).  A gauge holds
 *   frames   f_0, ..., f_{n_t}: f_{alpha-1} acts on the input of layer alpha
 *            (the paper's g^(0), and g^(6) of the layer before),
 *   mids     k_1, ..., k_{n_t}: acts on E-tilde inside layer alpha (g^(4) = g^(5)),
 *   h_qk, h_vo: one d_h x d_h invertible matrix per layer and head,
 * and maps the weights of layer alpha (g = f_{alpha-1}, k = k_alpha, f = f_alpha) by
 *   Q_a -> h Q_a g^T,  bq_a -> h bq_a        (h = h_qk[alpha][a]; eq. (9))
 *   K_a -> h^-T K_a g^T, bk_a -> h^-T bk_a                       (eq. (8), (15))
 *   V_a -> u V_a g^T,  bv_a -> u bv_a        (u = h_vo[alpha][a]; eq. (10))
 *   Wo  -> k Wo diag(u_a)^-1, bo -> k bo                          (eq. (11), (16))
 *   W1  -> W1 k^T, b1 -> b1                                       (eq. (12), f = 1)
 *   W2  -> f W2,   b2 -> f b2                                     (eq. (13), f = 1)
 *   R1  -> k R1 g^T, R2 -> f R2 k^T                               (eqs. (20), (21))
 * and leaves layer-norm scales and shifts alone.  When every frame and mid
 * fixes the all-ones vector 1 and is orthogonal, and every layer norm is
 * strict (scale 1, shift 0), forward(M', f_0 E) = f_{n_t} forward(M, E) for
 * every E, pre- and post-norm (a strict layer norm commutes with such g).
 * With all frames and mids equal and R1 = R2 = I, R1' = R2' = I: the paper's
 * Sec. 4.4 group; with independent ones, the enlarged group of Sec. 4.6. */
#ifndef LC_GAUGE_H
#define LC_GAUGE_H

#include <flint/fmpz.h>
#include "qmat.h"
#include "ball.h"
#include "err.h"
#include "transformer.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    slong d_e, n_h, d_h, n_t;
    fmpq_mat_struct * frames;   /* n_t + 1, d_e x d_e */
    fmpq_mat_struct * mids;     /* n_t, d_e x d_e */
    fmpq_mat_struct * h_qk;     /* n_t * n_h, d_h x d_h; layer l head a at l * n_h + a */
    fmpq_mat_struct * h_vo;     /* likewise */
}
lc_gauge_struct;

typedef lc_gauge_struct lc_gauge_t[1];

void lc_gauge_init(lc_gauge_t G);
void lc_gauge_clear(lc_gauge_t G);
void lc_gauge_set(lc_gauge_t G, const lc_gauge_t H);

/* G := the identity gauge of the given shape (LC_E_ARG for sizes < 1). */
int lc_gauge_alloc(lc_gauge_t G, slong d_e, slong n_h, slong d_h, slong n_t, lc_err_t err);

/* g := a random exact rational element of SO(d) fixing the all-ones vector:
   the Cayley transform (I - S)(I + S)^-1 of S = B S0 B^T, with B the d x (d-1)
   basis e_i - e_{i+1} of 1-perp and S0 a random integer skew matrix with
   entries in [-bound, bound]; S is skew and S 1 = 0, so g is orthogonal,
   det g = 1 and g 1 = 1 exactly.  d = 1 gives the identity. */
void lc_gauge_rand_so_fix1(fmpq_mat_t g, slong d, flint_rand_t st, slong bound);

/* h := a random exact invertible d x d rational matrix L D U (unit lower and
   upper triangular with entries in {-1, 0, 1}, D diagonal from
   {1, -1, 2, -2, 1/2, -1/2}): exact inverse, entries and inverse entries
   small, det = prod D != 0. */
void lc_gauge_rand_gl(fmpq_mat_t h, slong d, flint_rand_t st);

/* G := a random gauge for the shape of M.  per_layer = 0: one frame g for the
   whole stack (Sec. 4.4, R1 = R2 = I stay I); per_layer = 1: independent
   frames and mids (Sec. 4.6, needs the rotations in the skip connections). */
void lc_gauge_randomize(lc_gauge_t G, const lc_tmodel_t M, int per_layer, flint_rand_t st);

/* out := M transformed by G (rules above); LC_E_DIM when the shapes differ,
   LC_E_SINGULAR when an h is singular.  out may not alias M. */
int lc_gauge_apply(lc_tmodel_t out, const lc_tmodel_t M, const lc_gauge_t G, lc_err_t err);

/* Exact checks of a gauge: every frame and mid orthogonal and fixing 1, every
   h invertible.  Returns 1 when all hold, else 0 with the first failure
   written to why (which may be NULL). */
int lc_gauge_is_valid(const lc_gauge_t G, char * why, size_t nwhy);

/* Whether g is orthogonal (g^T g = I) and whether g 1 = 1, exactly. */
int lc_gauge_is_orthogonal(const fmpq_mat_t g);
int lc_gauge_fixes_ones(const fmpq_mat_t g);

/* out := M with every layer-norm scale w and shift b folded into the next
   linear maps: LN1 into Wq, Wk, Wv (W diag(w), bias + W b), LN2 into W1; the
   layer norms become strict.  Function preserving for pre-norm stacks (the
   layer-norm output feeds only those maps), exactly: the rewrite is an
   identity of rational matrices.  LC_E_DOMAIN for post-norm, where the
   layer-norm output also feeds the skip connection. */
int lc_gauge_fold_layernorm(lc_tmodel_t out, const lc_tmodel_t M, lc_err_t err);

/* Whether every layer norm of M is strict (scales 1, shifts 0). */
int lc_gauge_is_strict(const lc_tmodel_t M);

/* r := eq. (17), 2 n_t n_h d_h^2 + (d_e - 1)(d_e - 2)/2, exactly. */
void lc_gauge_redundancy(fmpz_t r, slong d_e, slong n_h, slong d_h, slong n_t);

/* bound := max |forward(M', f_0 E) - f_{n_t} forward(M, E)| over the entries,
   certified, with M' = G applied to M; *refuted := 1 when some entry of the
   difference is a ball that excludes 0 (then (*row, *col) names it, 0-based;
   row/col may be NULL).  Uses lc_tmodel_forward. */
int lc_gauge_invariance(mag_t bound, int * refuted, slong * row, slong * col,
                        const lc_tmodel_t M, const lc_gauge_t G, const fmpq_mat_t E,
                        int causal, slong prec, lc_err_t err);

/* ----------------------------------------------- parameters (gauge_jac.c)
   The parameter vector of M stacks, layer by layer, Wq, bq, Wk, bk, Wv, bv,
   Wo, bo, W1, b1, W2, b2, ln1_w, ln1_b, ln2_w, ln2_b, each row-major; its
   length is lc_tmodel_nparams(M).  R1, R2 are not parameters. */
void lc_gauge_params_get(fmpq_mat_t v, const lc_tmodel_t M);
/* M := M with the parameters v (an nparams x 1 column); LC_E_DIM otherwise. */
int lc_gauge_params_set(lc_tmodel_t M, const fmpq_mat_t v, lc_err_t err);

/* Forward mode: out := forward(M, E) and tan[k] := its derivative in the
   parameter direction V[:, k] (V nparams x p, or NULL for the nparams unit
   directions; tan, which may be NULL, has p initialised matrices) with the input moving along dE[k] (dE may be NULL: E fixed),
   all certified.  LC_E_DOMAIN when an activation's derivative is not defined
   on the enclosure (a ReLU argument whose ball contains 0) or a layer norm's
   variance is not certainly positive. */
int lc_gauge_jvp(arb_mat_t out, arb_mat_struct * tan, const lc_tmodel_t M, const fmpq_mat_t V,
                 const fmpq_mat_t E, const fmpq_mat_struct * dE, int causal, slong prec,
                 lc_err_t err);

/* J := the Jacobian of vec(forward(M, E_s)), s = 0..ns-1 stacked, with
   respect to all parameters: (ns * d_e * n_c) x nparams balls. */
int lc_gauge_jacobian(arb_mat_t J, const lc_tmodel_t M, const fmpq_mat_struct * Es, slong ns,
                      int causal, slong prec, lc_err_t err);

/* Certified rank lower bound: tries to certify an r x r minor non-singular
   (rows and columns chosen by complete pivoting on the midpoints in doubles,
   lc_gauge_pivot_d; the minor then certified by lc_gauge_minor_certify_d,
   and when that fails and r <= LC_GAUGE_BALL_INV_MAX, by inverting it in
   balls at prec).  Returns LC_OK with *rank = r when certified, LC_E_LIMIT
   otherwise.  rows/cols (may be NULL) receive the indices. */
#define LC_GAUGE_BALL_INV_MAX 1000
int lc_gauge_rank_certify(slong * rank, slong * rows, slong * cols, const arb_mat_t J,
                          slong r, slong prec, lc_err_t err);

/* Complete pivoting on the midpoints of J (m x n) in doubles, for at most r
   steps: pr (m entries) and pc (n entries) receive the row and column
   orders, the first steps of them the pivots.  Returns the number of steps
   whose pivot was non-zero (and finite).  Only a choice: nothing is
   certified. */
slong lc_gauge_pivot_d(slong * pr, slong * pc, const arb_mat_t J, slong r);

/* Certifies the r x r minor of J on rows[0..r) x cols[0..r) non-singular
   (every matrix in the balls) in double precision: an approximate inverse R
   of the midpoints and a rigorous bound ||I - R A||_inf < 1 (the error
   analysis is in lib/nonsing_d.c).  Returns 1 when certified; bound receives
   the upper bound on ||I - R A||_inf (infinite when it could not be
   computed), and terms (3 entries, may be NULL) the largest row sums of its
   parts: |I - fl(R A)|, the rounding of the product, and |R| times the
   radii.  0 means not certified, never singular. */
int lc_gauge_minor_certify_d(mag_t bound, mag_ptr terms, const arb_mat_t J, const slong * rows,
                             const slong * cols, slong r);

/* Tangent vectors (columns, exact, nparams x k) of the continuous symmetries
   of M that fix the function E -> forward(M, E), by kind:
     LC_SYM_QK      h Q, h^-T K per head (d_h^2 each)          eq. (8), (9), (15)
     LC_SYM_VO      u V, Wo u^-1 per head (d_h^2 each)         eq. (10), (11), (16)
     LC_SYM_KBIAS   bk: softmax ignores what is constant along a row (d_h per head)
     LC_SYM_VBIAS   bv -> bv + e, bo -> bo - Wo e: attention rows sum to 1
     LC_SYM_ONES    a row of Wq, Wk, Wv, W1 along w^-1 (with the bias fixed):
                    the strict layer norm's output is orthogonal to 1
     LC_SYM_LNFOLD  pre-norm: ln scale and shift against the next maps;
                    post-norm: LN1's shift (against b1 and b2) and LN2's shift
                    of every layer but the last (against the next biases)
     LC_SYM_SCALE   post-norm with eps = 0: LN1's output times lambda, W1 / lambda,
                    W2 and b2 times lambda (LN2 ignores the scale)
     LC_SYM_RELU    positive rescaling of hidden units (ReLU only)
     LC_SYM_RESID   what a layer norm ignores on the residual stream: pre-norm,
                    shifts c 1 of bo, b2 summing to 0 (2 n_t - 1); post-norm,
                    Wo + 1 r^T, W2 + 1 r^T, bo + c 1, b2 + c 1 (every layer)
   (kinds is an OR of these).  T := the tangents as columns (nparams x k);
   returns k.  Kinds that do not apply to M (post-norm: no ONES for the first
   layer's Q, K, V; GELU: no RELU; pre-norm or eps > 0: no SCALE) give none. */
#define LC_SYM_QK 1
#define LC_SYM_VO 2
#define LC_SYM_KBIAS 4
#define LC_SYM_VBIAS 8
#define LC_SYM_ONES 16
#define LC_SYM_LNFOLD 32
#define LC_SYM_RELU 64
#define LC_SYM_RESID 128
#define LC_SYM_SCALE 256
#define LC_SYM_ALL 511
slong lc_gauge_sym_tangents(fmpq_mat_t T, const lc_tmodel_t M, int kinds);

/* The tangent (exact, nparams x 1) of the embedding-frame action t -> exp(t X)
   for a skew X with X 1 = 0: dQ = -Q X, dWo = X Wo, dbo = X bo, dW1 = -W1 X,
   dW2 = X W2, db2 = X b2 (frames and mids all moving together, R = I).  It is
   not in the kernel of the Jacobian with E fixed: d forward = X F - D_E F[X E]. */
void lc_gauge_frame_tangent(fmpq_mat_t v, const lc_tmodel_t M, const fmpq_mat_t X);

#ifdef __cplusplus
}
#endif

#endif
