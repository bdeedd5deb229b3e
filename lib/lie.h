/* lie.h -- matrix Lie algebras over Q.
 *
 * A Lie algebra L inside gl(n, Q) is kept as the reduced echelon basis of its
 * span in Q^(n*n), with n x n matrices vectorised row by row (entry (i, j) at
 * position i*n + j).  The basis is canonical: two algebras are equal exactly
 * when their bases are.  L also keeps a set of Lie generators, which makes
 * brackets with the whole of L cheap: [L, I] = span{[g, x] : g a generator,
 * x in a basis of I} for every ideal I.
 *
 * Subspaces are found modulo a prime below 2^28 (from a fixed sequence, so runs
 * are reproducible) and then certified over Q: independence modulo p implies
 * independence over Q, and the span is verified to contain every vector that
 * was dropped modulo p, by an exact integer matrix identity.  When a prime
 * turns out unlucky the verification fails and the computation is repeated
 * with the next prime; after a few failures (only contrived inputs get there)
 * an exact computation without primes takes over, so results are always exact
 * and no input makes the library abort.  The derived and lower central series,
 * which only report dimensions, keep each term as a basis of exact brackets
 * instead of an echelon form and certify each step by containment, the trace,
 * or one thin exact solve (lib/lie.c, doc/library.md). */
#ifndef LC_LIE_H
#define LC_LIE_H

#include "qmat.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest n for which liecheck forms Lie algebras inside gl(n). */
#define LC_LIE_MAX_N 64

typedef struct
{
    slong n;          /* the algebra lies in gl(n, Q) */
    slong dim;
    fmpz_mat_t rref;  /* dim x n^2: rref / den is the reduced echelon basis */
    fmpz_t den;
    slong * pivots;   /* pivot column of each basis row */
    fmpz_mat_t gens;  /* Lie generators, primitive integer vectors (rows) */
}
lc_lie_struct;

typedef lc_lie_struct lc_lie_t[1];

void lc_lie_init(lc_lie_t L);
void lc_lie_clear(lc_lie_t L);
void lc_lie_set(lc_lie_t L, const lc_lie_t M);

/* C := [A, B] = AB - BA; LC_E_DIM unless A and B are square of one size. */
int lc_lie_bracket(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err);

/* L := the Lie closure of the ngens matrices: the smallest subspace that
   contains them and is closed under [., .].  Errors: no generators, a
   non-square matrix, matrices of different sizes, n > LC_LIE_MAX_N (LC_E_ARG /
   LC_E_DIM / LC_E_LIMIT).  max_dim > 0 stops with LC_E_LIMIT once the closure
   would exceed that dimension; max_dim <= 0 means no limit beyond n^2. */
int lc_lie_closure(lc_lie_t L, const fmpq_mat_struct * gens, slong ngens,
                   slong max_dim, lc_err_t err);

/* The attempt-th prime (0-based) of the fixed sequence the computations use. */
mp_limb_t _lc_lie_prime(slong attempt);

/* As lc_lie_closure, but the first attempt uses the prime first_prime (0: the
   default sequence; 1: no prime at all, the exact computation).  For tests of the unlucky-prime path: with
   X = diag(1, 1+p, 1) and Y = E12 + E13, [X, Y] = -p E12 vanishes mod p, the
   exact check fails and the next prime gives the true closure (dimension 3). */
int _lc_lie_closure_primes(lc_lie_t L, const fmpq_mat_struct * gens, slong ngens,
                           slong max_dim, mp_limb_t first_prime, lc_err_t err);

/* L := the span of the given matrices, which must be closed under brackets
   (LC_E_ARG otherwise, with the offending pair named). */
int lc_lie_span(lc_lie_t L, const fmpq_mat_struct * elems, slong nelems, lc_err_t err);

static inline slong lc_lie_dim(const lc_lie_t L) { return L->dim; }
static inline slong lc_lie_degree(const lc_lie_t L) { return L->n; }

/* M := the i-th element (0-based) of the reduced echelon basis, as n x n. */
void lc_lie_basis_element(fmpq_mat_t M, const lc_lie_t L, slong i);

/* Whether the n x n matrix A lies in L (false for a matrix of another size). */
int lc_lie_contains(const lc_lie_t L, const fmpq_mat_t A);

/* Whether L and M are the same subalgebra of gl(n). */
int lc_lie_equal(const lc_lie_t L, const lc_lie_t M);

/* D := [L, L]. */
void lc_lie_derived(lc_lie_t D, const lc_lie_t L);

/* C := [L, I] for an ideal I of L (such as a term of L's lower central
   series); C is then an ideal of L too. */
void lc_lie_bracket_ideal(lc_lie_t C, const lc_lie_t L, const lc_lie_t I);

/* The dimensions of the derived series L, [L,L], ... and of the lower central
   series L, [L,L], [L,[L,L]], ..., up to and including the first term that is
   0 or equal to its predecessor ([3, 2, 0] reaches zero, [6, 5, 5] stalls).
   dims must have room for lc_lie_dim(L) + 2 entries; returns the length. */
slong lc_lie_derived_series(slong * dims, const lc_lie_t L);
slong lc_lie_lower_central_series(slong * dims, const lc_lie_t L);

/* The same series by the earlier method (exact reduced echelon forms of
   every term, via lc_lie_derived / lc_lie_bracket_ideal): the reference the
   tests compare the faster method with.  derived: 1 for the derived series,
   0 for the lower central series. */
slong _lc_lie_series_classic(slong * dims, const lc_lie_t L, int derived);

/* The attempt-th prime (0-based, below 2^28) of the series' own sequence:
   for tests of their unlucky-prime path (with X = diag(1, 1+p, 1) and
   Y = E12 + E13, [X, Y] = -p E12 vanishes mod p). */
mp_limb_t _lc_lie_series_prime(slong attempt);

int lc_lie_is_abelian(const lc_lie_t L);
int lc_lie_is_solvable(const lc_lie_t L);
int lc_lie_is_nilpotent(const lc_lie_t L);

/* Derived length: the least k with L^(k) = 0 (0 for L = 0); -1 when L is not
   solvable. */
slong lc_lie_derived_length(const lc_lie_t L);

/* Z := the centre {x in L : [x, y] = 0 for all y in L}. */
void lc_lie_centre(lc_lie_t Z, const lc_lie_t L);

/* K := the Killing form tr(ad x ad y) in the reduced echelon basis of L. */
void lc_lie_killing_form(fmpq_mat_t K, const lc_lie_t L);
slong lc_lie_killing_rank(const lc_lie_t L);

/* Semisimple by Cartan's criterion: the Killing form is non-degenerate
   (L = 0 counts as semisimple). */
int lc_lie_is_semisimple(const lc_lie_t L);

/* One-line summary, e.g. "lie algebra of dimension 3 in gl(3)"; flint_free it. */
char * lc_lie_get_str(const lc_lie_t L);

#ifdef __cplusplus
}
#endif

#endif
