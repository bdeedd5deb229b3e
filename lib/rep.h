/* rep.h -- representations of groups over Q and their exact equivariant maps.
 *
 * A representation V of dimension n is given by the images of generators:
 * finite ("group") generators rho(g_1), ..., rho(g_a), invertible n x n
 * rational matrices (permutation matrices for a permutation action), and
 * Lie algebra generators d rho(X_1), ..., d rho(X_b), n x n rational
 * matrices.  A continuous group enters through its Lie algebra, plus the
 * discrete generators that meet the components the Lie algebra misses (a
 * reflection for O(n), P and T for O(1, 3)), as in EMLP (Finzi, Welling,
 * Wilson 2021).  Two representations of one group list the images of the
 * same generators in the same order; a representation with no generators
 * at all is trivial for every group and adapts to the other side.
 *
 * Generators are stored sparse (lc_smat): tensor powers of dimension
 * thousands have generators with a handful of entries per column.
 *
 * Index conventions: the tensor product V (x) W has basis e_i (x) e_j at
 * index i dim(W) + j, and rho(g) (x) sigma(g) is the Kronecker product
 * (numpy.kron); a Lie element acts as X (x) I + I (x) Y.  A map W from
 * V_in to V_out is a dim(V_out) x dim(V_in) matrix; it is equivariant when
 * rho_out(g) W = W rho_in(g) for every group generator and
 * d rho_out(X) W = W d rho_in(X) for every Lie generator.  These maps are
 * the invariants of V_out (x) V_in^* (dual: rho(g)^-T and -X^T), W read
 * row by row.
 *
 * Equivariant bases are exact and certified (see lc_rep_invariants):
 *   - a permutation representation (group generators only, all permutation
 *     matrices): the invariants are the indicator vectors of the orbits,
 *     found by union-find over the generators; no linear algebra;
 *   - otherwise: a sparse elimination of the constraint system
 *     (rho(g) - I) x = 0, X x = 0 modulo word-size primes, the kernel
 *     basis lifted to Q by rational reconstruction (more primes, by the
 *     Chinese remainder theorem, until it lifts) and checked over Q.
 * Completeness is certified by a rank bound: the constraint system has
 * rank at least N - k over Q (a spanning forest of the orbit graph, or the
 * rank modulo p of the integer constraint rows, which never exceeds the
 * rank over Q), and k exact, independent solutions exist, so the space has
 * dimension exactly k. */
#ifndef LC_REP_H
#define LC_REP_H

#include "qmat.h"
#include "check.h"
#include "group.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The largest representation dimension, and the largest number of unknowns
   of an equivariance problem (dim(V_in) dim(V_out)). */
#define LC_REP_MAX_DIM WORD(65536)
#define LC_REP_MAX_UNKNOWNS WORD(65536)
/* The most primes the modular solver tries before giving up (LC_E_LIMIT). */
#define LC_REP_MAX_PRIMES 40
/* Group generators that are neither monomial nor orthogonal are inverted
   densely (for duals) up to this dimension. */
#define LC_REP_DENSE_INV_MAX 512
/* The most generators a representation may have, and the most nonzero
   entries of all its generators together (each is an fmpq and an index;
   the memory limit of lib/limit is checked too, before they are made). */
#define LC_REP_MAX_GENS 4096
#define LC_REP_MAX_NNZ (WORD(1) << 28)

/* ------------------------------------------------- sparse square matrices */

/* An n x n rational matrix in compressed sparse columns: the entries of
   column j are row[colptr[j] .. colptr[j+1]-1] (increasing rows) with values
   val[...], none zero. */
typedef struct
{
    slong n;
    slong nnz;
    slong * colptr;
    slong * row;
    fmpq * val;
}
lc_smat_struct;

typedef lc_smat_struct lc_smat_t[1];

/* A := the n x n zero matrix. */
void lc_smat_init(lc_smat_t A, slong n);
void lc_smat_clear(lc_smat_t A);
void lc_smat_set(lc_smat_t A, const lc_smat_t B);
void lc_smat_swap(lc_smat_t A, lc_smat_t B);
/* A := the identity of size n. */
void lc_smat_eye(lc_smat_t A, slong n);
/* A := M (square). */
void lc_smat_set_fmpq_mat(lc_smat_t A, const fmpq_mat_t M);
/* M := A (dense). */
void lc_smat_get_fmpq_mat(fmpq_mat_t M, const lc_smat_t A);
/* A := the permutation matrix with A e_j = e_img[j]. */
void lc_smat_set_perm(lc_smat_t A, const slong * img, slong n);
/* Whether A is a permutation matrix; if so img[j] := the row of the 1 in
   column j (img may be NULL). */
int lc_smat_is_perm(slong * img, const lc_smat_t A);
int lc_smat_is_zero(const lc_smat_t A);
int lc_smat_equal(const lc_smat_t A, const lc_smat_t B);
/* C := A (x) B (Kronecker), C := X (x) I + I (x) Y, C := -A^T, C := A^T,
   C := [[A, 0], [0, B]]. */
void lc_smat_kron(lc_smat_t C, const lc_smat_t A, const lc_smat_t B);
void lc_smat_kron_sum(lc_smat_t C, const lc_smat_t X, const lc_smat_t Y);
void lc_smat_transpose(lc_smat_t C, const lc_smat_t A);
void lc_smat_neg(lc_smat_t C, const lc_smat_t A);
void lc_smat_blockdiag(lc_smat_t C, const lc_smat_t A, const lc_smat_t B);
/* C := A^-T: entrywise reciprocals for a monomial matrix, A itself for an
   orthogonal one, else a dense inverse (LC_E_LIMIT past
   LC_REP_DENSE_INV_MAX; LC_E_SINGULAR). */
int lc_smat_inv_transpose(lc_smat_t C, const lc_smat_t A, lc_err_t err);
/* Y := A X and Y := X A for a dense X (of fitting shape); Y may not alias X. */
void lc_smat_mul_left(fmpq_mat_t Y, const lc_smat_t A, const fmpq_mat_t X);
void lc_smat_mul_right(fmpq_mat_t Y, const fmpq_mat_t X, const lc_smat_t A);

/* -------------------------------------------------------- representations */

typedef struct
{
    slong n;                /* dimension */
    slong ngroup;           /* gens[0 .. ngroup-1]: group generators */
    slong nlie;             /* gens[ngroup .. ngroup+nlie-1]: Lie generators */
    lc_smat_struct * gens;
    char * group;           /* the group's name ("S4", "O(3)") or NULL */
    char * name;            /* how it was built ("V (x) V*"), for printing */
}
lc_rep_struct;

typedef lc_rep_struct lc_rep_t[1];

/* V := the zero-dimensional representation with no generators. */
void lc_rep_init(lc_rep_t V);
void lc_rep_clear(lc_rep_t V);
void lc_rep_set(lc_rep_t V, const lc_rep_t W);
void lc_rep_swap(lc_rep_t V, lc_rep_t W);

static inline slong lc_rep_dim(const lc_rep_t V) { return V->n; }

/* V := the representation of dimension n with the given group and Lie
   generators (n x n rational matrices; group generators invertible).  n is
   taken from the matrices, or from n_hint when there are none (n_hint >= 1).
   LC_E_DIM for shapes, LC_E_SINGULAR for a singular group generator,
   LC_E_LIMIT past LC_REP_MAX_DIM or LC_REP_MAX_GENS. */
int lc_rep_set_gens(lc_rep_t V, const fmpq_mat_struct * group, slong ngroup,
                    const fmpq_mat_struct * lie, slong nlie, slong n_hint, lc_err_t err);
/* V := the permutation representation of degree n (at least the largest
   degree) of the permutations given as images (ngens * n, 0-based): the
   generator p acts by e_j -> e_{j^p}. */
int lc_rep_set_perms(lc_rep_t V, const slong * imgs, slong ngens, slong n, lc_err_t err);

/* V := S_n permuting the coordinates of Q^n, generated by the transposition
   (1 2) and the cycle (1 2 ... n) (n >= 1; no generator for n = 1). */
int lc_rep_perm(lc_rep_t V, slong n, lc_err_t err);

/* V := the right regular representation of the permutation group G on its
   |G| enumerated elements (sorted by their images, as lc_group_elements
   gives them): generator g sends the element x to x g.  LC_E_LIMIT when
   |G| > limit or past LC_REP_MAX_DIM. */
int lc_rep_regular(lc_rep_t V, const lc_group_struct * G, slong limit, lc_err_t err);

/* V := the defining representation of a classical group: "O" and "SO" (n),
   so(n) spanned by E_ij - E_ji (i < j), O(n) adding the reflection
   diag(-1, 1, ..., 1); "Sp" (n = 2m), sp(2m) = {X : X^T J + J X = 0},
   J = [[0, I], [-I, 0]], spanned by [[A, B], [C, -A^T]] with A = E_ij,
   B, C = E_ij + E_ji (or E_ii); "Lorentz" (n = 4 or omitted), O(1, 3) for
   the metric diag(1, -1, -1, -1): rotations E_ij - E_ji (1 <= i < j <= 3),
   boosts E_0i + E_i0, and the discrete P = diag(1, -1, -1, -1) and
   T = diag(-1, 1, 1, 1).  "SO(3)" style names with the size inside are
   accepted too.  LC_E_ARG for other names or sizes. */
int lc_rep_std(lc_rep_t V, const char * name, slong n, lc_err_t err);

/* V := the trivial representation of dimension d of the group of W (one
   identity per group generator, one zero per Lie generator of W); W may be
   NULL: no generators (trivial for every group). */
int lc_rep_trivial(lc_rep_t V, const lc_rep_t W, slong d, lc_err_t err);

/* R := V (x) W, V (+) W, V^* and V^(x)k (k >= 0; k = 0: the trivial
   representation of dimension 1).  LC_E_ARG when V and W are
   representations of different groups (generator counts or names differ),
   LC_E_LIMIT past LC_REP_MAX_DIM.  R may not alias the inputs. */
int lc_rep_tensor(lc_rep_t R, const lc_rep_t V, const lc_rep_t W, lc_err_t err);
int lc_rep_sum(lc_rep_t R, const lc_rep_t V, const lc_rep_t W, lc_err_t err);
int lc_rep_dual(lc_rep_t R, const lc_rep_t V, lc_err_t err);
int lc_rep_power(lc_rep_t R, const lc_rep_t V, slong k, lc_err_t err);

/* R := Sym^k V and Alt^k V (1 <= k <= LC_REP_MAX_SYM_K), the symmetric
   and exterior powers, as the subrepresentations of V^(x)k spanned by the
   orbit sums s_m = sum of the distinct e_{m_sigma} over the nondecreasing
   multi-indices m (Sym), and by a_m = sum_sigma sgn(sigma) e_{m_sigma} over
   the increasing ones (Alt), in lexicographic order; a symmetric
   (antisymmetric) tensor T is sum_m T[m] s_m (a_m), so the matrix of a
   generator is read off at those entries.  dim(V)^k must be at most
   LC_REP_MAX_DIM (LC_E_LIMIT). */
#define LC_REP_MAX_SYM_K 8
int lc_rep_sym(lc_rep_t R, const lc_rep_t V, slong k, lc_err_t err);
int lc_rep_alt(lc_rep_t R, const lc_rep_t V, slong k, lc_err_t err);

/* R := V [x] W, the outer tensor product: the representation of the direct
   product G x H of the groups of V and W on V (x) W, generated by g (x) I
   for V's group generators, then I (x) h for W's, and likewise X (x) I and
   I (x) Y for the Lie generators.  (A point cloud of n points in R^3 is
   std_rep("O", 3) [x] perm_rep(n).)  LC_E_LIMIT past LC_REP_MAX_DIM or
   LC_REP_MAX_GENS. */
int lc_rep_outer(lc_rep_t R, const lc_rep_t V, const lc_rep_t W, lc_err_t err);

/* Whether V and W have the same dimension and the same generators (names
   aside). */
int lc_rep_equal(const lc_rep_t V, const lc_rep_t W);

/* Whether V is a permutation representation: no Lie generators, every
   group generator a permutation matrix. */
int lc_rep_is_perm(const lc_rep_t V);

/* "representation of O(3) of dimension 9: 1 group and 3 Lie generators";
   flint_free it. */
char * lc_rep_get_str(const lc_rep_t V);

/* ------------------------------------------------------ equivariant maps */

typedef enum
{
    LC_REP_ORBITS = 0,      /* orbit indicators of a permutation action */
    LC_REP_MODULAR          /* sparse elimination mod p, lifted to Q */
}
lc_rep_method;

/* How a basis was found and why it is complete. */
typedef struct
{
    lc_rep_method method;
    slong N;                /* unknowns */
    slong k;                /* dimension found */
    slong rank_bound;       /* certified lower bound of the constraint rank over Q */
    slong nrows;            /* constraint rows */
    ulong prime;            /* the last prime (modular) */
    slong nprimes;          /* primes used */
    slong * lead;           /* k positions: basis vector i is 1 at lead[i], every other 0 there */
}
lc_rep_info_struct;

typedef lc_rep_info_struct lc_rep_info_t[1];

void lc_rep_info_init(lc_rep_info_t info);
void lc_rep_info_clear(lc_rep_info_t info);

/* B := a basis of the invariants {x : rho(g) x = x, X x = 0} of V, as the
   columns of an N x k matrix, by the method described above; info says how
   and records the certificate's numbers.  Each basis vector b_i has
   b_i[lead[i]] = 1 and b_j[lead[i]] = 0 for j != i (so they are linearly
   independent).  Long loops check lib/limit.  LC_E_LIMIT past
   LC_REP_MAX_UNKNOWNS or LC_REP_MAX_PRIMES. */
int lc_rep_invariants(fmpq_mat_t B, lc_rep_info_t info, const lc_rep_t V, lc_err_t err);

/* *basis := a new array of *len dim(V_out) x dim(V_in) matrices, a basis
   over Q of the equivariant maps from V_in to V_out (free it with
   lc_rep_basis_clear); info as for lc_rep_invariants (positions are
   i dim(V_in) + j for entry (i, j)). */
int lc_rep_equivariant_basis(fmpq_mat_struct ** basis, slong * len, lc_rep_info_t info,
                             const lc_rep_t V_in, const lc_rep_t V_out, lc_err_t err);
void lc_rep_basis_clear(fmpq_mat_struct * basis, slong len);

/* Certify a basis found by lc_rep_equivariant_basis in chk, with exact
   checks: for every generator, rho_out(g) W = W rho_in(g) (or the Lie
   form) for every basis element W; the lead entries (independence); and
   the dimension from the rank bound in info.  Returns whether all hold. */
int lc_rep_certify_basis(lc_check_t chk, const fmpq_mat_struct * basis, slong len,
                         const lc_rep_info_t info, const lc_rep_t V_in, const lc_rep_t V_out);

/* Whether W (dim(V_out) x dim(V_in)) lies in the span of the certified
   basis: coeffs (len entries, initialised by the caller) := its
   coordinates, W = sum c_i basis_i, checked exactly and recorded in chk.
   When it does not, the check records the first generator it fails
   (rho_out(g) W != W rho_in(g), with an entry of each side) and 0 is
   returned.  LC_E_DIM for shapes. */
int lc_rep_span_coeffs(int * in_span, fmpq * coeffs, lc_check_t chk, const fmpq_mat_t W,
                       const fmpq_mat_struct * basis, slong len, const lc_rep_info_t info,
                       const lc_rep_t V_in, const lc_rep_t V_out, lc_err_t err);

/* For a permutation representation V (LC_E_ARG otherwise) of a group of at
   most limit elements (LC_E_LIMIT otherwise): *count := the number of orbits
   by Burnside's lemma, (1/|G|) sum_g fix(g), over the enumerated elements of
   the group the generators generate: the character inner product
   <chi_V, 1>, an independent count of the invariants. */
int lc_rep_burnside(fmpz_t count, const lc_rep_t V, slong limit, lc_err_t err);

/* For V_in and V_out of a finite group (group generators only; LC_E_ARG
   otherwise): *count := (1/|G|) sum_g chi_in(g) chi_out(g), the dimension
   of the equivariant maps by characters (chi(g^-1) = chi(g) for a
   representation over Q).  The group is enumerated as the matrix group
   generated by the blocks diag(rho_in(g_i), rho_out(g_i)) (lib/group's
   closure), so its order is at most limit (LC_E_LIMIT) and
   dim(V_in) + dim(V_out) at most LC_REP_CHAR_MAX_DIM. */
#define LC_REP_CHAR_MAX_DIM 128
int lc_rep_character_dim(fmpz_t count, const lc_rep_t V_in, const lc_rep_t V_out, slong limit,
                         lc_err_t err);

#ifdef __cplusplus
}
#endif

#endif
