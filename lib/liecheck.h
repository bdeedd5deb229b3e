/* liecheck.h -- the public interface of libliecheck.
 *
 * Include this one header (<liecheck/liecheck.h> once installed); link with
 * `pkg-config --libs liecheck`. */
#ifndef LIECHECK_H
#define LIECHECK_H

#include "err.h"
#include "qmat.h"
#include "lie.h"
#include "magma.h"
#include "group.h"
#include "ball.h"
#include "matfun.h"
#include "lieattn.h"
#include "ssm.h"
#include "finfo.h"
#include "equiv.h"
#include "transformer.h"
#include "gauge.h"
#include "claim.h"
#include "check.h"
#include "sha256.h"
#include "texmath.h"
#include "rep.h"

#ifdef __cplusplus
extern "C" {
#endif

#define LIECHECK_VERSION "0.1.0"

/* liecheck's version, and one line naming it with the versions of the
   libraries beneath (FLINT, Arb, MPFR, GMP) as linked at run time. */
const char * lc_version(void);
const char * lc_versions_line(void);

/* The source this build comes from: `git describe --always --dirty --tags`
   at configure time when the source was a git checkout, else "unknown". */
const char * lc_commit(void);

/* The run-time versions of FLINT, Arb, MPFR and GMP. */
const char * lc_flint_version(void);
const char * lc_arb_version(void);
const char * lc_mpfr_version(void);
const char * lc_gmp_version(void);

#ifdef __cplusplus
}
#endif

#endif
