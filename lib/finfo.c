/* finfo.c -- the finite-information principle: shape algebra of the words of
 * Ma & Ying's eq. (3.2), their enumeration and the structure theorem
 * (exact values and kernels are in finfo_eval.c).
 *
 * Why the admissible words are exactly Y^T W_1 (Y Y^T) W_2 ... W_m Y (the
 * induction on the chain of sizes; doc/finfo.md has it in full):
 *   Y is k x n and Y^T is n x k, so every size in the chain is n or k, and
 *   a parameter only adds constants.  Read the chain from the left.
 *   - The product must have n rows.  A parameter in slot 0 would fix the
 *     number of rows to a constant, so slot 0 is empty and the first factor
 *     has n rows: it is Y^T.
 *   - Inductively, a factor Y^T ends in k columns.  The next factor must
 *     start with k rows: through an empty slot, k meets only k; through a
 *     parameter (k x c with c constant) only a constant meets, and the only
 *     constant row size among factors is k.  So the next factor is Y, and
 *     the slot between them holds I_k or a k x k parameter.
 *   - A factor Y ends in n columns.  A parameter there would need n rows,
 *     a size that depends on n, so the slot is empty (I_n) and the next
 *     factor starts with n rows: it is Y^T.
 *   - The product must end in n columns, so the last slot is empty (a
 *     parameter would make the column count constant) and the last factor
 *     ends in n columns: it is Y.
 *   Hence the letters alternate T, Y, T, Y, ..., T, Y: K = 2m is even, the
 *   m slots after a Y^T are free (2 choices each), every other slot is
 *   forced empty: 2^m words of degree 2m, none of odd degree.  K = 0 is the
 *   empty product, which we read as I_n (admissible, parameter-free).
 * The enumeration below does not use this argument: it decides every
 * combination by the generic shape algebra, and lc_finfo_check_structure
 * compares the outcome with the theorem. */
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <stdio.h>
#include "finfo.h"

/* Symbolic sizes: the generic n, the knowledge width k, and fresh
   constants (> 0) that a parameter at either end of the word introduces. */
#define DIM_N (-1)
#define DIM_K 0

static const char *
dim_name(int d)
{
    return d == DIM_N ? "n" : (d == DIM_K ? "k" : "c");
}

static const char *
factor_name(char y)
{
    return y == 'T' ? "Y^T" : "Y";
}

static int
factor_rows(char y)
{
    return y == 'T' ? DIM_N : DIM_K;
}

static int
factor_cols(char y)
{
    return y == 'T' ? DIM_K : DIM_N;
}

/* ------------------------------------------------------------------ terms */

void
lc_finfo_term_init(lc_finfo_term_t t)
{
    t->K = 0;
    t->ytilde = flint_malloc(1);
    t->ytilde[0] = '\0';
    t->slot = flint_malloc(2);
    t->slot[0] = 'I';
    t->slot[1] = '\0';
    t->nparam = 0;
}

void
lc_finfo_term_clear(lc_finfo_term_t t)
{
    flint_free(t->ytilde);
    flint_free(t->slot);
}

/* Set t from letters already known to be valid. */
static void
term_set_raw(lc_finfo_term_struct * t, slong K, const char * ytilde, const char * slot)
{
    slong j;

    t->ytilde = flint_realloc(t->ytilde, K + 1);
    t->slot = flint_realloc(t->slot, K + 2);
    memcpy(t->ytilde, ytilde, K);
    t->ytilde[K] = '\0';
    memcpy(t->slot, slot, K + 1);
    t->slot[K + 1] = '\0';
    t->K = K;
    t->nparam = 0;
    for (j = 0; j <= K; j++)
        t->nparam += (slot[j] == 'W');
}

void
lc_finfo_term_set(lc_finfo_term_t t, const lc_finfo_term_struct * s)
{
    if (t != s)
        term_set_raw(t, s->K, s->ytilde, s->slot);
}

int
lc_finfo_term_set_letters(lc_finfo_term_t t, const char * ytilde, const char * slot,
                          lc_err_t err)
{
    slong K, j;

    if (ytilde == NULL || slot == NULL)
        return lc_err_set(err, LC_E_ARG, "finfo: missing letters");
    K = (slong) strlen(ytilde);
    if (K > LC_FINFO_MAX_K)
        return lc_err_set(err, LC_E_LIMIT, "finfo: degree %ld exceeds the limit %d",
                          K, LC_FINFO_MAX_K);
    if ((slong) strlen(slot) != K + 1)
        return lc_err_set(err, LC_E_ARG,
                          "finfo: %ld factors need %ld slot letters, got %ld",
                          K, K + 1, (slong) strlen(slot));
    for (j = 0; j < K; j++)
        if (ytilde[j] != 'Y' && ytilde[j] != 'T')
            return lc_err_set(err, LC_E_ARG,
                              "finfo: factor letter %ld is '%c' (expected Y or T)",
                              j + 1, ytilde[j]);
    for (j = 0; j <= K; j++)
        if (slot[j] != 'I' && slot[j] != 'W')
            return lc_err_set(err, LC_E_ARG,
                              "finfo: slot letter %ld is '%c' (expected I or W)",
                              j, slot[j]);
    term_set_raw(t, K, ytilde, slot);
    return LC_OK;
}

int
lc_finfo_term_set_str(lc_finfo_term_t t, const char * s, lc_err_t err)
{
    char ytilde[LC_FINFO_MAX_K + 1], slot[LC_FINFO_MAX_K + 2];
    const char * p = s;
    slong K = 0;

    if (s == NULL)
        return lc_err_set(err, LC_E_ARG, "finfo: missing word");
    slot[0] = 'I';
    while (1)
    {
        const char * tok;

        while (*p == ' ' || *p == '\t' || *p == '*')
            p++;
        if (*p == '\0')
            break;
        tok = p;
        if (*p == 'Y')
        {
            if (K == LC_FINFO_MAX_K)
                return lc_err_set(err, LC_E_LIMIT, "finfo: more than %d factors",
                                  LC_FINFO_MAX_K);
            p++;
            if (p[0] == '^' && p[1] == 'T')
            {
                ytilde[K] = 'T';
                p += 2;
            }
            else if (p[0] == '\'')
            {
                ytilde[K] = 'T';
                p++;
            }
            else
                ytilde[K] = 'Y';
            K++;
            slot[K] = 'I';
        }
        else if (*p == 'W')
        {
            p++;
            while (*p >= '0' && *p <= '9')
                p++;
            if (slot[K] == 'W')
                return lc_err_set(err, LC_E_PARSE,
                                  "finfo: column %ld: two parameters in one slot "
                                  "(write their product as one parameter)",
                                  (slong) (tok - s) + 1);
            slot[K] = 'W';
        }
        else if (*p == 'I')
        {
            p++;
            if (p[0] == '_' && (p[1] == 'n' || p[1] == 'k'))
                p += 2;
        }
        else
            return lc_err_set(err, LC_E_PARSE,
                              "finfo: column %ld: expected Y, Y^T, W or I",
                              (slong) (tok - s) + 1);
        /* tokens must be separated: "YW" is fine, "Yx" is not */
        if (*p != '\0' && *p != ' ' && *p != '\t' && *p != '*'
            && *p != 'Y' && *p != 'W' && *p != 'I')
            return lc_err_set(err, LC_E_PARSE,
                              "finfo: column %ld: unexpected '%c'",
                              (slong) (p - s) + 1, *p);
    }
    term_set_raw(t, K, ytilde, slot);
    return LC_OK;
}

char *
lc_finfo_term_get_str(const lc_finfo_term_struct * t)
{
    /* at most "Y^T W99 " per factor */
    char * s = flint_malloc(16 * (t->K + 2) + 8);
    char * q = s;
    slong j, p = 0;

    if (t->K == 0 && t->slot[0] == 'I')
    {
        strcpy(s, "I_n");
        return s;
    }
    for (j = 0; j <= t->K; j++)
    {
        if (t->slot[j] == 'W')
            q += sprintf(q, "%sW%ld", q == s ? "" : " ", ++p);
        if (j < t->K)
            q += sprintf(q, "%s%s", q == s ? "" : " ", factor_name(t->ytilde[j]));
    }
    *q = '\0';
    return s;
}

slong
lc_finfo_term_param_count(const lc_finfo_term_struct * t, slong k)
{
    return t->nparam * k * k;
}

/* ------------------------------------------------------------ shape algebra */

/* The chain of sizes: 1 if it fits for every n, with the outer sizes in
   *rows, *cols; 0 if not (why gets the first reason).  why may be NULL, and
   lc_err_set then formats nothing, which keeps the enumeration cheap. */
static int
chain_shape(int * rows, int * cols, const lc_finfo_term_struct * t, lc_err_t why)
{
    slong K = t->K, j;
    int fresh = 0;

    if (K == 0)
    {
        if (t->slot[0] == 'I')
        {
            /* the empty product: an identity with no neighbour, of the size
               the result must have */
            *rows = *cols = DIM_N;
        }
        else
        {
            /* a lone parameter has constant sizes */
            *rows = ++fresh;
            *cols = ++fresh;
        }
        return 1;
    }

    if (t->slot[0] == 'W')
    {
        if (factor_rows(t->ytilde[0]) == DIM_N)
        {
            lc_err_set(why, LC_E_DIM,
                       "slot 0 (a parameter) before factor 1 (Y^T, n rows) would need "
                       "n columns, a size that depends on n");
            return 0;
        }
        *rows = ++fresh;
    }
    else
        *rows = factor_rows(t->ytilde[0]);

    for (j = 1; j < K; j++)
    {
        int left = factor_cols(t->ytilde[j - 1]), right = factor_rows(t->ytilde[j]);

        if (t->slot[j] == 'I' && left != right)
        {
            lc_err_set(why, LC_E_DIM,
                       "slot %ld (an identity) between factor %ld (%s, %s columns) and "
                       "factor %ld (%s, %s rows): %s cannot meet %s",
                       j, j, factor_name(t->ytilde[j - 1]), dim_name(left),
                       j + 1, factor_name(t->ytilde[j]), dim_name(right),
                       dim_name(left), dim_name(right));
            return 0;
        }
        if (t->slot[j] == 'W' && (left == DIM_N || right == DIM_N))
        {
            lc_err_set(why, LC_E_DIM,
                       "slot %ld (a parameter) between factor %ld (%s, %s columns) and "
                       "factor %ld (%s, %s rows) would be %s x %s, a size that depends on n",
                       j, j, factor_name(t->ytilde[j - 1]), dim_name(left),
                       j + 1, factor_name(t->ytilde[j]), dim_name(right),
                       dim_name(left), dim_name(right));
            return 0;
        }
    }

    if (t->slot[K] == 'W')
    {
        if (factor_cols(t->ytilde[K - 1]) == DIM_N)
        {
            lc_err_set(why, LC_E_DIM,
                       "slot %ld (a parameter) after factor %ld (Y, n columns) would need "
                       "n rows, a size that depends on n", K, K);
            return 0;
        }
        *cols = ++fresh;
    }
    else
        *cols = factor_cols(t->ytilde[K - 1]);
    return 1;
}

int
lc_finfo_term_is_admissible(const lc_finfo_term_struct * t, lc_err_t why)
{
    int rows, cols;

    if (!chain_shape(&rows, &cols, t, why))
        return 0;
    if (rows != DIM_N || cols != DIM_N)
    {
        if (why != NULL)
        {
            char * w = lc_finfo_term_get_str(t);
            lc_err_set(why, LC_E_DIM, "%s is %s x %s, not n x n%s", w,
                       dim_name(rows), dim_name(cols),
                       (t->slot[0] == 'W' || t->slot[t->K] == 'W')
                           ? " (a parameter at an end makes that size a constant)" : "");
            flint_free(w);
        }
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------ enumeration */

void
lc_finfo_enum_init(lc_finfo_enum_t E)
{
    slong K;

    E->max_K = -1;
    E->k = 0;
    E->terms = NULL;
    E->nterms = 0;
    E->alloc = 0;
    for (K = 0; K <= LC_FINFO_MAX_K; K++)
        E->examined[K] = E->fits[K] = E->admissible[K] = 0;
}

void
lc_finfo_enum_clear(lc_finfo_enum_t E)
{
    slong i;

    for (i = 0; i < E->nterms; i++)
        lc_finfo_term_clear(E->terms + i);
    flint_free(E->terms);
}

static void
enum_push(lc_finfo_enum_t E, const lc_finfo_term_struct * t)
{
    if (E->nterms == E->alloc)
    {
        E->alloc = FLINT_MAX(16, 2 * E->alloc);
        E->terms = flint_realloc(E->terms, E->alloc * sizeof(lc_finfo_term_struct));
    }
    lc_finfo_term_init(E->terms + E->nterms);
    lc_finfo_term_set(E->terms + E->nterms, t);
    E->nterms++;
}

int
lc_finfo_enumerate(lc_finfo_enum_t E, slong max_K, slong k, lc_err_t err)
{
    char ytilde[LC_FINFO_MAX_K + 1], slot[LC_FINFO_MAX_K + 2];
    lc_finfo_term_struct t;
    slong K, j;

    if (max_K < 0)
        return lc_err_set(err, LC_E_ARG, "finfo: the degree bound must be >= 0, got %ld", max_K);
    if (max_K > LC_FINFO_MAX_K)
        return lc_err_set(err, LC_E_LIMIT, "finfo: degree bound %ld exceeds the limit %d",
                          max_K, LC_FINFO_MAX_K);
    if (k < 1 || k > LC_QMAT_MAX_SIZE)
        return lc_err_set(err, LC_E_ARG, "finfo: the width k must be in 1..%d, got %ld",
                          LC_QMAT_MAX_SIZE, k);

    lc_finfo_enum_clear(E);
    lc_finfo_enum_init(E);
    E->max_K = max_K;
    E->k = k;

    /* a stack term pointing at the scratch letters: no allocation per word */
    t.ytilde = ytilde;
    t.slot = slot;
    for (K = 0; K <= max_K; K++)
    {
        ulong yb, sb;

        t.K = K;
        ytilde[K] = '\0';
        slot[K + 1] = '\0';
        for (yb = 0; yb < (UWORD(1) << K); yb++)
        {
            for (j = 0; j < K; j++)
                ytilde[j] = ((yb >> j) & 1) ? 'Y' : 'T';
            for (sb = 0; sb < (UWORD(1) << (K + 1)); sb++)
            {
                int rows, cols;

                t.nparam = 0;
                for (j = 0; j <= K; j++)
                {
                    slot[j] = ((sb >> j) & 1) ? 'W' : 'I';
                    t.nparam += (slot[j] == 'W');
                }
                E->examined[K]++;
                if (!chain_shape(&rows, &cols, &t, NULL))
                    continue;
                E->fits[K]++;
                if (!lc_finfo_term_is_admissible(&t, NULL))
                    continue;
                E->admissible[K]++;
                enum_push(E, &t);
            }
        }
    }
    return LC_OK;
}

/* ---------------------------------------------------------------- strings */

typedef struct
{
    char * s;
    size_t len, alloc;
}
sbuf;

static void
sbuf_printf(sbuf * b, const char * fmt, ...)
{
    va_list ap;
    int need;

    va_start(ap, fmt);
    need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (b->len + need + 1 > b->alloc)
    {
        b->alloc = FLINT_MAX(2 * b->alloc, b->len + need + 64);
        b->s = flint_realloc(b->s, b->alloc);
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, need + 1, fmt, ap);
    va_end(ap);
    b->len += need;
}

static char *
sbuf_finish(sbuf * b)
{
    if (b->s == NULL)
    {
        b->s = flint_malloc(1);
        b->s[0] = '\0';
    }
    return b->s;
}

/* ------------------------------------------------------- structure theorem */

int
lc_finfo_check_structure(char ** why, const lc_finfo_term_struct * terms, slong nterms,
                         slong max_K)
{
    /* seen[K] is a bitmask over the 2^m slot patterns of degree K = 2m;
       max_K <= 12 gives m <= 6, 64 patterns */
    ulong seen[LC_FINFO_MAX_K + 1];
    slong count[LC_FINFO_MAX_K + 1];
    slong i, j, K;
    sbuf b = {NULL, 0, 0};
    lc_err_t e;

    if (max_K < 0 || max_K > LC_FINFO_MAX_K)
    {
        if (why != NULL)
        {
            sbuf_printf(&b, "degree bound %ld outside 0..%d", max_K, LC_FINFO_MAX_K);
            *why = sbuf_finish(&b);
        }
        return 0;
    }
    for (K = 0; K <= max_K; K++)
    {
        seen[K] = 0;
        count[K] = 0;
    }

    for (i = 0; i < nterms; i++)
    {
        const lc_finfo_term_struct * t = terms + i;
        char * w = lc_finfo_term_get_str(t);
        const char * bad = NULL;
        ulong pattern = 0;
        slong nw = 0;

        if (t->K < 0 || t->K > max_K)
            bad = "its degree is outside the range";
        else if (!lc_finfo_term_is_admissible(t, e))
            bad = "it is not admissible";
        else if (t->K % 2 != 0)
            bad = "its degree is odd";
        else
        {
            for (j = 0; j < t->K && bad == NULL; j++)
                if (t->ytilde[j] != (j % 2 == 0 ? 'T' : 'Y'))
                    bad = "its factors do not alternate Y^T, Y, ... starting with Y^T";
            for (j = 0; j <= t->K && bad == NULL; j++)
            {
                if (t->slot[j] == 'W')
                    nw++;
                /* slot j sits after factor j; free exactly when factor j is a
                   Y^T (odd j) and a Y follows (j < K, automatic for odd j) */
                if (j % 2 == 1)
                    pattern |= (ulong) (t->slot[j] == 'W') << (j / 2);
                else if (t->slot[j] != 'I')
                    bad = (j == 0 || j == t->K)
                        ? "it has a parameter outside the product"
                        : "it has a parameter between a Y and the following Y^T";
            }
            if (bad == NULL && nw != t->nparam)
                bad = "its parameter count is wrong";
            if (bad == NULL && ((seen[t->K] >> pattern) & 1))
                bad = "it occurs twice";
        }
        if (bad != NULL)
        {
            if (why != NULL)
            {
                sbuf_printf(&b, "%s: %s", w, bad);
                *why = sbuf_finish(&b);
            }
            else
                flint_free(b.s);
            flint_free(w);
            return 0;
        }
        seen[t->K] |= UWORD(1) << pattern;
        count[t->K]++;
        flint_free(w);
    }

    for (K = 0; K <= max_K; K++)
    {
        slong want = (K % 2 == 0) ? (WORD(1) << (K / 2)) : 0;

        if (count[K] != want)
        {
            if (why != NULL)
            {
                sbuf_printf(&b, "degree %ld has %ld admissible words, the theorem says %ld",
                            K, count[K], want);
                *why = sbuf_finish(&b);
            }
            else
                flint_free(b.s);
            return 0;
        }
    }
    if (why != NULL)
    {
        sbuf_printf(&b, "every admissible word of degree <= %ld is Y^T W1 (Y Y^T) W2 ... Wm Y "
                    "with K = 2m and each Wj a k x k parameter or I_k (m = 0: I_n); counts",
                    max_K);
        for (K = 0; K <= max_K; K++)
            sbuf_printf(&b, "%s K=%ld: %ld", K == 0 ? "" : ",", K, count[K]);
        sbuf_printf(&b, " (2^m for K = 2m, 0 for odd K)");
        *why = sbuf_finish(&b);
    }
    return 1;
}

char *
lc_finfo_enum_get_str(const lc_finfo_enum_t E)
{
    sbuf b = {NULL, 0, 0};
    slong K, i = 0;

    sbuf_printf(&b, "finite-information words W0 Y~1 W1 ... Y~K WK, k = %ld, K <= %ld\n",
                E->k, E->max_K);
    for (K = 0; K <= E->max_K; K++)
    {
        sbuf_printf(&b, "K = %ld: examined %ld, chain fits %ld, admissible %ld\n",
                    K, E->examined[K], E->fits[K], E->admissible[K]);
        for ( ; i < E->nterms && E->terms[i].K == K; i++)
        {
            char * w = lc_finfo_term_get_str(E->terms + i);
            sbuf_printf(&b, "  %s  [%ld parameter%s]\n", w,
                        lc_finfo_term_param_count(E->terms + i, E->k),
                        lc_finfo_term_param_count(E->terms + i, E->k) == 1 ? "" : "s");
            flint_free(w);
        }
    }
    return sbuf_finish(&b);
}
