/* err.c -- errors as values. */
#include <stdarg.h>
#include <stdio.h>
#include "err.h"

void
lc_err_init(lc_err_t err)
{
    err->code = LC_OK;
    err->msg[0] = '\0';
}

int
lc_err_set(lc_err_t err, int code, const char * fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return code;
    err->code = code;
    va_start(ap, fmt);
    vsnprintf(err->msg, LC_ERR_MSG_LEN, fmt, ap);
    va_end(ap);
    return code;
}

const char *
lc_err_name(int code)
{
    switch (code)
    {
        case LC_OK: return "ok";
        case LC_E_DIM: return "dimension";
        case LC_E_ARG: return "argument";
        case LC_E_SINGULAR: return "singular";
        case LC_E_PARSE: return "syntax";
        case LC_E_LIMIT: return "limit";
        case LC_E_DOMAIN: return "domain";
        case LC_E_IO: return "io";
        case LC_E_INTERRUPT: return "interrupted";
        default: return "error";
    }
}
