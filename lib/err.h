/* err.h -- errors as values.
 *
 * Functions that can fail on user input return an int status (LC_OK == 0 on
 * success) and write a one-line, human-readable message into an lc_err_t.
 * abort() is reserved for broken internal invariants. */
#ifndef LC_ERR_H
#define LC_ERR_H

#ifdef __cplusplus
extern "C" {
#endif

enum
{
    LC_OK = 0,
    LC_E_DIM,       /* matrix sizes do not fit together */
    LC_E_ARG,       /* an argument is of the wrong kind or out of range */
    LC_E_SINGULAR,  /* a matrix that must be invertible is not */
    LC_E_PARSE,     /* text could not be read */
    LC_E_LIMIT,     /* an explicit limit (size, dimension, precision) was reached */
    LC_E_DOMAIN,    /* the input is outside the domain of the operation */
    LC_E_IO,        /* a file could not be read or written */
    LC_E_INTERRUPT  /* the user interrupted the computation (Ctrl-C) */
};

#define LC_ERR_MSG_LEN 512

typedef struct
{
    int code;
    char msg[LC_ERR_MSG_LEN];
}
lc_err_struct;

typedef lc_err_struct lc_err_t[1];

/* Reset err to "no error". */
void lc_err_init(lc_err_t err);

/* Record code and a printf-style message in err (err may be NULL); returns code
   so that callers can write `return lc_err_set(err, LC_E_DIM, "...")`. */
int lc_err_set(lc_err_t err, int code, const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* A short name for a status code ("dimension", "limit", ...). */
const char * lc_err_name(int code);

#ifdef __cplusplus
}
#endif

#endif
