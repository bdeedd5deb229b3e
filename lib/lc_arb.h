/* lc_arb.h -- the one place where FLINT 3 (Arb merged in, <flint/arb.h>)
 * and FLINT 2.x with the separate Arb library (<arb.h>) differ. */
#ifndef LC_ARB_H
#define LC_ARB_H

#include <flint/flint.h>

#if __FLINT_RELEASE >= 30000
#include <flint/arb.h>
#include <flint/arb_mat.h>
#include <flint/acb.h>
#include <flint/acb_mat.h>
#include <flint/arb_fmpz_poly.h>
#include <flint/bool_mat.h>
#define LC_FLINT3 1
#else
#include <arb.h>
#include <arb_mat.h>
#include <acb.h>
#include <acb_mat.h>
#include <arb_fmpz_poly.h>
#include <bool_mat.h>
#define LC_FLINT3 0
#endif

#endif
