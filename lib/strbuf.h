/* strbuf.h -- a growing text buffer for the library's text output (not
 * installed).  Start with lc_sb b = {NULL, 0, 0}; lc_sb_take hands the text
 * (never NULL, flint_free it) to the caller. */
#ifndef LC_STRBUF_H
#define LC_STRBUF_H

#include <stddef.h>
#include <flint/flint.h>

typedef struct
{
    char * s;
    size_t len;
    size_t alloc;
}
lc_sb;

/* Append t. */
void lc_sb_cat(lc_sb * b, const char * t);

/* Append printf-style text. */
void lc_sb_printf(lc_sb * b, const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The text (never NULL), owned by the caller from now on. */
char * lc_sb_take(lc_sb * b);

#endif
