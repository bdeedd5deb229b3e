/* perm.c -- permutations of {0, ..., n-1}: products (left to right, as in
 * GAP), inverses, powers, orders, cycle notation. */
#include <string.h>
#include <ctype.h>
#include "group.h"
#include "group_impl.h"

void
lc_perm_init(lc_perm_t p, slong n)
{
    slong i;

    p->n = n;
    p->img = flint_malloc(sizeof(slong) * (n > 0 ? n : 1));
    for (i = 0; i < n; i++)
        p->img[i] = i;
}

void
lc_perm_clear(lc_perm_t p)
{
    flint_free(p->img);
}

static void
perm_resize(lc_perm_t p, slong n)
{
    p->img = flint_realloc(p->img, sizeof(slong) * (n > 0 ? n : 1));
    p->n = n;
}

void
lc_perm_set(lc_perm_t p, const lc_perm_t q)
{
    if (p == q)
        return;
    perm_resize(p, q->n);
    if (q->n > 0)
        memcpy(p->img, q->img, sizeof(slong) * q->n);
}

void
lc_perm_swap(lc_perm_t p, lc_perm_t q)
{
    lc_perm_struct t = *p;

    *p = *q;
    *q = t;
}

void
lc_perm_one(lc_perm_t p)
{
    slong i;

    for (i = 0; i < p->n; i++)
        p->img[i] = i;
}

void
lc_perm_extend(lc_perm_t p, slong n)
{
    slong i, m = p->n;

    if (n <= m)
        return;
    perm_resize(p, n);
    for (i = m; i < n; i++)
        p->img[i] = i;
}

int
lc_perm_set_images(lc_perm_t p, const slong * img, slong n, lc_err_t err)
{
    char * seen;
    slong i;

    if (n < 0 || n > LC_PERM_MAX_DEGREE)
        return lc_err_set(err, LC_E_LIMIT, "degree %ld outside 0..%d", (long) n, LC_PERM_MAX_DEGREE);
    seen = flint_calloc(n > 0 ? n : 1, 1);
    for (i = 0; i < n; i++)
    {
        if (img[i] < 0 || img[i] >= n || seen[img[i]])
        {
            flint_free(seen);
            return lc_err_set(err, LC_E_ARG, "not a permutation of 1..%ld (entry %ld is %ld)",
                              (long) n, (long) i + 1, (long) img[i] + 1);
        }
        seen[img[i]] = 1;
    }
    flint_free(seen);
    perm_resize(p, n);
    if (n > 0)
        memcpy(p->img, img, sizeof(slong) * n);
    return LC_OK;
}

/* Cycles are collected first (1-based points), then multiplied left to
   right onto the identity of the final degree. */
int
lc_perm_set_str(lc_perm_t p, const char * s, lc_err_t err)
{
    slong * pts = NULL, npts = 0, alloc = 0, * starts = NULL, ncyc = 0, calloc_ = 0;
    slong i, j, k, n = 0;
    const char * c = s;
    lc_perm_t r;
    int st = LC_OK;

    while (*c != '\0' && st == LC_OK)
    {
        if (isspace((unsigned char) *c))
        {
            c++;
            continue;
        }
        if (*c != '(')
        {
            st = lc_err_set(err, LC_E_PARSE, "expected '(' at position %ld of \"%.60s\"",
                            (long) (c - s) + 1, s);
            break;
        }
        c++;
        if (ncyc + 2 > calloc_)
        {
            calloc_ = 2 * calloc_ + 4;
            starts = flint_realloc(starts, sizeof(slong) * calloc_);
        }
        starts[ncyc] = npts;
        for (;;)
        {
            slong v = 0;
            int digits = 0;

            while (isspace((unsigned char) *c))
                c++;
            if (*c == ')' && npts == starts[ncyc])
                break;      /* "()" */
            while (isdigit((unsigned char) *c))
            {
                if (v <= LC_PERM_MAX_DEGREE)
                    v = 10 * v + (*c - '0');
                digits++;
                c++;
            }
            if (digits == 0)
            {
                st = lc_err_set(err, LC_E_PARSE, "expected a point at position %ld of \"%.60s\"",
                                (long) (c - s) + 1, s);
                break;
            }
            if (v < 1 || v > LC_PERM_MAX_DEGREE)
            {
                /* the digits as written (v stops growing past the limit) */
                st = lc_err_set(err, v < 1 ? LC_E_PARSE : LC_E_LIMIT,
                                "point %.*s%s at position %ld outside 1..%d", FLINT_MIN(digits, 20),
                                c - digits, digits > 20 ? "..." : "", (long) (c - s) - digits + 1,
                                LC_PERM_MAX_DEGREE);
                break;
            }
            for (k = starts[ncyc]; k < npts; k++)
                if (pts[k] == v)
                    break;
            if (k < npts)
            {
                st = lc_err_set(err, LC_E_PARSE, "point %ld repeated in a cycle of \"%.60s\"",
                                (long) v, s);
                break;
            }
            if (npts + 1 > alloc)
            {
                alloc = 2 * alloc + 8;
                pts = flint_realloc(pts, sizeof(slong) * alloc);
            }
            pts[npts++] = v;
            n = FLINT_MAX(n, v);
            while (isspace((unsigned char) *c))
                c++;
            if (*c == ',')
            {
                c++;
                continue;
            }
            if (*c == ')')
                break;
            st = lc_err_set(err, LC_E_PARSE, "expected ',' or ')' at position %ld of \"%.60s\"",
                            (long) (c - s) + 1, s);
            break;
        }
        if (st != LC_OK)
            break;
        c++;    /* ')' */
        ncyc++;
        starts[ncyc] = npts;
    }
    if (st == LC_OK)
    {
        lc_perm_init(r, n);
        for (i = 0; i < ncyc; i++)
        {
            slong a = starts[i], b = starts[i + 1], len = b - a;
            lc_perm_t cyc;

            if (len < 2)
                continue;
            lc_perm_init(cyc, n);
            for (j = 0; j < len; j++)
                cyc->img[pts[a + j] - 1] = pts[a + (j + 1) % len] - 1;
            lc_perm_mul(r, r, cyc);
            lc_perm_clear(cyc);
        }
        lc_perm_swap(p, r);
        lc_perm_clear(r);
    }
    flint_free(pts);
    flint_free(starts);
    return st;
}

char *
lc_perm_get_str(const lc_perm_t p)
{
    lc_sbuf b;
    char * seen = flint_calloc(p->n > 0 ? p->n : 1, 1), num[32];
    slong i, j;
    int any = 0;

    _lc_sbuf_init(&b);
    for (i = 0; i < p->n; i++)
    {
        if (seen[i] || p->img[i] == i)
            continue;
        any = 1;
        _lc_sbuf_puts(&b, "(");
        for (j = i; !seen[j]; j = p->img[j])
        {
            seen[j] = 1;
            snprintf(num, sizeof(num), j == i ? "%ld" : ",%ld", (long) j + 1);
            _lc_sbuf_puts(&b, num);
        }
        _lc_sbuf_puts(&b, ")");
    }
    if (!any)
        _lc_sbuf_puts(&b, "()");
    flint_free(seen);
    return b.s;
}

void
lc_perm_mul(lc_perm_t r, const lc_perm_t p, const lc_perm_t q)
{
    slong i, n = FLINT_MAX(p->n, q->n);
    slong * t = flint_malloc(sizeof(slong) * (n > 0 ? n : 1));

    for (i = 0; i < n; i++)
        t[i] = lc_perm_image(q, lc_perm_image(p, i));
    flint_free(r->img);
    r->img = t;
    r->n = n;
}

void
lc_perm_inv(lc_perm_t r, const lc_perm_t p)
{
    slong i, n = p->n;
    slong * t = flint_malloc(sizeof(slong) * (n > 0 ? n : 1));

    for (i = 0; i < n; i++)
        t[p->img[i]] = i;
    flint_free(r->img);
    r->img = t;
    r->n = n;
}

/* Each cycle is rotated by e mod its length: no repeated squaring needed. */
void
lc_perm_pow(lc_perm_t r, const lc_perm_t p, const fmpz_t e)
{
    slong i, j, len, n = p->n, k;
    slong * t = flint_malloc(sizeof(slong) * (n > 0 ? n : 1));
    slong * cyc = flint_malloc(sizeof(slong) * (n > 0 ? n : 1));
    char * seen = flint_calloc(n > 0 ? n : 1, 1);

    for (i = 0; i < n; i++)
    {
        if (seen[i])
            continue;
        len = 0;
        for (j = i; !seen[j]; j = p->img[j])
        {
            seen[j] = 1;
            cyc[len++] = j;
        }
        k = fmpz_fdiv_ui(e, len);
        for (j = 0; j < len; j++)
            t[cyc[j]] = cyc[(j + k) % len];
    }
    flint_free(seen);
    flint_free(cyc);
    flint_free(r->img);
    r->img = t;
    r->n = n;
}

void
lc_perm_comm(lc_perm_t r, const lc_perm_t p, const lc_perm_t q)
{
    lc_perm_t a, b;

    lc_perm_init(a, 0);
    lc_perm_init(b, 0);
    lc_perm_inv(a, p);
    lc_perm_inv(b, q);
    lc_perm_mul(a, a, b);
    lc_perm_mul(a, a, p);
    lc_perm_mul(r, a, q);
    lc_perm_clear(a);
    lc_perm_clear(b);
}

void
lc_perm_order(fmpz_t o, const lc_perm_t p)
{
    char * seen = flint_calloc(p->n > 0 ? p->n : 1, 1);
    slong i, j, len;
    fmpz_t l;

    fmpz_init(l);
    fmpz_one(o);
    for (i = 0; i < p->n; i++)
    {
        if (seen[i])
            continue;
        for (len = 0, j = i; !seen[j]; j = p->img[j], len++)
            seen[j] = 1;
        fmpz_set_si(l, len);
        fmpz_lcm(o, o, l);
    }
    fmpz_clear(l);
    flint_free(seen);
}

int
lc_perm_is_one(const lc_perm_t p)
{
    slong i;

    for (i = 0; i < p->n; i++)
        if (p->img[i] != i)
            return 0;
    return 1;
}

int
lc_perm_equal(const lc_perm_t p, const lc_perm_t q)
{
    slong i, n = FLINT_MAX(p->n, q->n);

    for (i = 0; i < n; i++)
        if (lc_perm_image(p, i) != lc_perm_image(q, i))
            return 0;
    return 1;
}

slong
lc_perm_support_degree(const lc_perm_t p)
{
    slong i;

    for (i = p->n - 1; i >= 0; i--)
        if (p->img[i] != i)
            return i + 1;
    return 0;
}

/* ------------------------------------------------------ string buffer */

void
_lc_sbuf_init(lc_sbuf * b)
{
    b->alloc = 64;
    b->len = 0;
    b->s = flint_malloc(b->alloc);
    b->s[0] = '\0';
}

void
_lc_sbuf_puts(lc_sbuf * b, const char * s)
{
    size_t n = strlen(s);

    if (b->len + n + 1 > b->alloc)
    {
        b->alloc = 2 * (b->len + n + 1);
        b->s = flint_realloc(b->s, b->alloc);
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}
