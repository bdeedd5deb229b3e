/* strbuf.c -- a growing text buffer (see strbuf.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "strbuf.h"

static void
reserve(lc_sb * b, size_t more)
{
    if (b->len + more + 1 > b->alloc)
    {
        b->alloc = 2 * (b->len + more + 1) + 64;
        b->s = flint_realloc(b->s, b->alloc);
    }
}

void
lc_sb_cat(lc_sb * b, const char * t)
{
    size_t n = strlen(t);

    reserve(b, n);
    memcpy(b->s + b->len, t, n + 1);
    b->len += n;
}

void
lc_sb_printf(lc_sb * b, const char * fmt, ...)
{
    va_list ap;
    int len;

    va_start(ap, fmt);
    len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        return;
    reserve(b, (size_t) len);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, b->alloc - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t) len;
}

char *
lc_sb_take(lc_sb * b)
{
    if (b->s == NULL)
    {
        b->s = flint_malloc(1);
        b->s[0] = '\0';
    }
    return b->s;
}
