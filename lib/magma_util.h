/* magma_util.h -- helpers shared by magma.c and magma_act.c (not installed). */
#ifndef LC_MAGMA_UTIL_H
#define LC_MAGMA_UTIL_H

#include <stddef.h>
#include "magma.h"
#include "strbuf.h"
/* Append "{1, 3, 5}" for a set of 0-based elements. */
void lc_sb_set(lc_sb * b, const slong * s, slong n);

/* The 1-based value shown for a stored table entry. */
slong lc_magma_shown(const lc_magma_t M, slong v);

#endif
