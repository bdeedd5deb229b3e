/* version.c -- versions of liecheck and of the libraries beneath it. */
#include <stdio.h>
#include <gmp.h>
#include <mpfr.h>
#include "liecheck.h"
#include "lc_arb.h"
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
/* written at build time by Makefile.am: git describe of the source */
#include "lib/lc_commit.h"
#ifndef LC_GIT_COMMIT
#define LC_GIT_COMMIT "unknown"
#endif

const char *
lc_version(void)
{
    return LIECHECK_VERSION;
}

const char *
lc_commit(void)
{
    return LC_GIT_COMMIT;
}

const char *
lc_flint_version(void)
{
    return flint_version;
}

const char *
lc_arb_version(void)
{
#if LC_FLINT3
    /* Arb is part of FLINT from version 3 on. */
    return flint_version;
#else
    return arb_version;
#endif
}

const char *
lc_mpfr_version(void)
{
    return mpfr_get_version();
}

const char *
lc_gmp_version(void)
{
    return gmp_version;
}

const char *
lc_versions_line(void)
{
    static char line[256];

    snprintf(line, sizeof(line), "liecheck %s (FLINT %s, Arb %s, MPFR %s, GMP %s)",
             lc_version(), lc_flint_version(), lc_arb_version(),
             lc_mpfr_version(), lc_gmp_version());
    return line;
}
