/* qmat.h -- exact rational matrices (FLINT fmpq_mat_t) for liecheck.
 *
 * Conventions: output arguments come first and must be initialised; they are
 * resized as needed (any previous contents are discarded).  Unless stated,
 * outputs may not alias inputs.  Functions that can fail on user input return
 * LC_OK or an error code with a message in err. */
#ifndef LC_QMAT_H
#define LC_QMAT_H

#include <stdio.h>
#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include <flint/fmpz_mat.h>
#include <flint/fmpq_mat.h>
#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest number of rows or columns liecheck accepts for a matrix. */
#define LC_QMAT_MAX_SIZE 4096

/* Resize A to r x c (contents become zero). */
void lc_qmat_resize(fmpq_mat_t A, slong r, slong c);

/* A := the n x n identity / the m x n zero matrix. */
void lc_qmat_eye(fmpq_mat_t A, slong n);
void lc_qmat_zeros(fmpq_mat_t A, slong m, slong n);

/* Parse a matrix literal such as "[[1, 2/3], [0, -1/2]]" or "[[0.25, 1e-3]]"
   (decimals are exact).  Ragged or empty rows, and trailing text, are errors;
   the message gives the 1-based column of the offending character. */
int lc_qmat_parse(fmpq_mat_t A, const char * s, lc_err_t err);

/* Parse one exact rational: "3", "-3/4", "0.25", "1e-5", "2.5e3". Sets *end
   to the first unread character. Returns LC_OK, LC_E_PARSE, or LC_E_LIMIT for
   a decimal exponent beyond 100000. */
int lc_qmat_parse_scalar(fmpq_t x, const char * s, const char ** end, lc_err_t err);

/* The canonical text of A: row-major nested lists "[[1, 2/3], [0, 1]]".
   Free the string with flint_free. */
char * lc_qmat_get_str(const fmpq_mat_t A);
void lc_qmat_fprint(FILE * f, const fmpq_mat_t A);

/* C := A + B, A - B, A * B; LC_E_DIM if the sizes do not fit. */
int lc_qmat_add(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err);
int lc_qmat_sub(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err);
int lc_qmat_mul(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err);

/* C := the entrywise (Hadamard) product A o B, c_ij = a_ij b_ij, and the
   entrywise quotient, c_ij = a_ij / b_ij.  LC_E_DIM unless A and B have the
   same shape; ediv: LC_E_DOMAIN, naming the first (1-based) entry, when some
   b_ij = 0 (C is then unchanged).  C may alias A or B. */
int lc_qmat_hadamard(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err);
int lc_qmat_ediv(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err);

/* A := the m x n matrix of ones. */
void lc_qmat_ones(fmpq_mat_t A, slong m, slong n);

/* C := c * A. */
void lc_qmat_scalar_mul(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_t c);

/* B := A^T. */
void lc_qmat_transpose(fmpq_mat_t B, const fmpq_mat_t A);

/* B := A^-1; LC_E_DIM if A is not square, LC_E_SINGULAR if it is singular. */
int lc_qmat_inv(fmpq_mat_t B, const fmpq_mat_t A, lc_err_t err);

/* d := det(A); LC_E_DIM if A is not square. */
int lc_qmat_det(fmpq_t d, const fmpq_mat_t A, lc_err_t err);

/* Rank over Q. */
slong lc_qmat_rank(const fmpq_mat_t A);

/* v := vec(A), the (r*c) x 1 column that stacks the columns of A. */
void lc_qmat_vec(fmpq_mat_t v, const fmpq_mat_t A);

/* A := the r x c matrix whose column-stacking is v (v has r*c entries, as a
   row or a column); LC_E_DIM otherwise. */
int lc_qmat_unvec(fmpq_mat_t A, const fmpq_mat_t v, slong r, slong c, lc_err_t err);

/* B := the reduced echelon basis of the row space of A (rank x cols);
   returns the rank.  B is canonical: it depends only on the row space. */
slong lc_qmat_row_basis(fmpq_mat_t B, const fmpq_mat_t A);

/* K := a basis of the right kernel {x : A x = 0}, as the columns of a
   cols x k matrix (one column per free variable of the reduced echelon form,
   with a 1 in that variable's row); returns k. */
slong lc_qmat_kernel(fmpq_mat_t K, const fmpq_mat_t A);

/* Seed a FLINT random state (the call differs between FLINT 2 and 3). */
void lc_rand_seed(flint_rand_t st, ulong seed);

/* A := an m x n matrix of integers drawn uniformly from [-bound, bound]. */
void lc_qmat_rand(fmpq_mat_t A, slong m, slong n, flint_rand_t st, slong bound);

/* p := a uniformly random permutation of 0..n-1 (Fisher-Yates: for
   i = n-1, ..., 1, swap p[i] with p[j], j drawn uniformly from 0..i). */
void lc_rand_perm(slong * p, slong n, flint_rand_t st);

/* Q := a random rational orthogonal n x n matrix with det 1: the Cayley
   transform (I - S)(I + S)^-1 of a skew-symmetric S with integer entries in
   [-bound, bound] (I + S is invertible because S has imaginary spectrum). */
void lc_qmat_rand_orthogonal(fmpq_mat_t Q, slong n, flint_rand_t st, slong bound);

/* Convert an integer matrix, or a rational one with a common denominator. */
void lc_qmat_set_fmpz_mat(fmpq_mat_t A, const fmpz_mat_t M);

/* ---------------------------------------------------------- matrix helpers
   Indices are 0-based.  Unlike the functions above, these allow outputs to
   alias inputs.  LC_E_LIMIT when a result would exceed LC_QMAT_MAX_SIZE. */

/* C := [A, B] (LC_E_DIM unless the row counts agree) and C := [A; B]
   (LC_E_DIM unless the column counts agree). */
int lc_qmat_hcat(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err);
int lc_qmat_vcat(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err);

/* C := [[A, 0], [0, B]]. */
int lc_qmat_blockdiag(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err);

/* c := column j of A (rows x 1) / row i of A (1 x cols); LC_E_ARG when the
   index is out of range. */
int lc_qmat_col(fmpq_mat_t c, const fmpq_mat_t A, slong j, lc_err_t err);
int lc_qmat_row(fmpq_mat_t r, const fmpq_mat_t A, slong i, lc_err_t err);

/* P := the n x n permutation matrix with P e_j = e_perm[j] (so (P x)_perm[j]
   = x_j); LC_E_ARG, naming the entry, unless perm is a permutation of
   0, ..., n - 1. */
int lc_qmat_perm(fmpq_mat_t P, const slong * perm, slong n, lc_err_t err);

/* Q := I - 2 u u^T / (u^T u), the Householder reflection through the
   hyperplane orthogonal to the rational column u: exactly rational,
   symmetric and orthogonal, Q u = -u, Q w = w for w orthogonal to u.
   LC_E_DIM unless u is a d x 1 column (d >= 1), LC_E_ARG if u = 0. */
int lc_qmat_householder(fmpq_mat_t Q, const fmpq_mat_t u, lc_err_t err);

/* e := the unit column e_i of length d (d x 1); LC_E_ARG unless 0 <= i < d. */
int lc_qmat_onehot(fmpq_mat_t e, slong i, slong d, lc_err_t err);

#ifdef __cplusplus
}
#endif

#endif
