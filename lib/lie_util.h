/* lie_util.h -- internal pieces shared by lie.c and lie_forms.c (not installed). */
#ifndef LC_LIE_UTIL_H
#define LC_LIE_UTIL_H

#include <flint/nmod_vec.h>
#include <flint/nmod_mat.h>
#include "lie.h"

/* A growing list of integer vectors of one length N. */
typedef struct
{
    fmpz ** v;
    slong len, alloc, N;
}
lc_vlist_struct;

void lc_vlist_init(lc_vlist_struct * l, slong N);
void lc_vlist_clear(lc_vlist_struct * l);
/* Append a copy of x. */
void lc_vlist_push(lc_vlist_struct * l, const fmpz * x);

/* Workspace for brackets of n x n integer matrices stored as row-major
   vectors of length n^2. */
typedef struct
{
    slong n;
    fmpz_mat_t A, B, AB, BA;
}
lc_brk_struct;

void lc_brk_init(lc_brk_struct * w, slong n);
void lc_brk_clear(lc_brk_struct * w);
/* out := [a, b] (out may not alias a or b). */
void lc_brk_vec(fmpz * out, const fmpz * a, const fmpz * b, lc_brk_struct * w);

/* out := the row-major entries of A times the lcm of their denominators: an
   integer vector with the same span (membership in a subspace is A's). */
void lc_lie_int_vec(fmpz * out, const fmpq_mat_t A);

/* The i-th basis row of L, made primitive (integer, content 1). */
void lc_lie_primitive_row(fmpz * out, const lc_lie_t L, slong i);

/* L := the span of the rows of V (k x n^2), by an exact reduced echelon form;
   generators are left empty. */
void lc_lie_set_rows(lc_lie_t L, slong n, const fmpz_mat_t V);

/* Set L to the zero algebra inside gl(n) with room for d basis rows. */
void lc_lie_reset(lc_lie_t L, slong n, slong d);

#endif
