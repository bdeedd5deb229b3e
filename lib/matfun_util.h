/* matfun_util.h -- internal helpers shared by matfun.c and matfun_closed.c
 * (not installed). */
#ifndef LC_MATFUN_UTIL_H
#define LC_MATFUN_UTIL_H

#include "matfun.h"

/* Guard bits added to the caller's precision for the internal steps. */
#define LC_MATFUN_GUARD 32

static inline int
_check_3x3(const arb_mat_t A, const char * what, lc_err_t err)
{
    if (arb_mat_nrows(A) != 3 || arb_mat_ncols(A) != 3)
        return lc_err_set(err, LC_E_DIM, "%s: the matrix is %ld x %ld, not 3 x 3",
                          what, (long) arb_mat_nrows(A), (long) arb_mat_ncols(A));
    return LC_OK;
}

/* Copy the result into the (possibly aliased) output. */
static inline void
_set_out(arb_mat_t out, arb_mat_t res)
{
    lc_ball_resize(out, arb_mat_nrows(res), arb_mat_ncols(res));
    arb_mat_swap_entrywise(out, res);
}

#endif
