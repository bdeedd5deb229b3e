/* group_classes.c -- conjugacy classes of a permutation group without
 * listing its elements.
 *
 * An element g of G is encoded by its rank in the stabilizer chain.  With
 * base points b_0, ..., b_{k-1} (the levels whose orbit has more than one
 * point) and coset representatives u_{l,x} (b_l^u = x, traced once through
 * the Schreier vector into a table), every g is uniquely
 *
 *     g = u_{k-1,x_{k-1}} ... u_{1,x_1} u_{0,x_0}     (first u_{k-1}, ...)
 *
 * (x_0 = b_0^g, and g u_{0,x_0}^-1 fixes b_0; induction down the chain), and
 * its rank is the mixed-radix number sum_l d_l stride_l, d_l the position of
 * x_l in orbit l, stride_{k-1} = 1, stride_l = stride_{l+1} |orbit l+1|: a
 * bijection from G to 0 .. |G| - 1.  The image of a point under g costs k
 * table lookups (p^g = p^(u_{k-1}) ... ^(u_0)); ranking h (sifting) needs
 * only the images of the base points: d_0 from b_0^h, then
 * b_1^(h u_{0,x_0}^-1) gives d_1, and so on, k(k+1)/2 lookups in the
 * inverse tables.
 *
 * A bitmap of |G| bits marks the ranks seen.  From each unmarked rank, the
 * orbit of the conjugation action x -> s^-1 x s under the given generators
 * s is walked breadth-first (the orbit under generators of a finite group
 * is its orbit under the group: the class).  For x and s only the base
 * images of c = s^-1 x s are formed, b^c = (((b^(s^-1))^x)^s), so a step
 * costs O(k^2) lookups whatever the degree.  The class's least element (image
 * lists compared lexicographically, as lc_group_elements sorts them) is
 * kept as the walk passes; the classes are listed by it, so the order of
 * the sizes does not depend on the chain.
 *
 * Memory: |G|/8 bytes of bitmap, a queue of 4 bytes per element of the
 * largest class (at most |G|/2 for a non-trivial group: x lies in its
 * centralizer, of order >= 2 when x != 1), and 2 n |orbit| uint16_t per level
 * for the tables (the degree is at most LC_PERM_MAX_DEGREE = 4096 < 2^16).
 * All is checked against the memory limit before it is allocated. */
#include <stdint.h>
#include <string.h>
#include "group.h"
#include <flint/longlong.h>
#include "group_impl.h"
#include "limit.h"

#if LC_PERM_MAX_DEGREE > 65535
#error "the class tables keep points in uint16_t"
#endif

typedef struct
{
    slong n, k;             /* degree; levels with a non-trivial orbit */
    slong * b;              /* their base points */
    uint32_t * len;         /* their orbit lengths */
    ulong * mag;            /* 2^64 / len, rounded up (division by len) */
    int32_t * pos;          /* pos[l n + x]: the position of x in orbit l, or -1 */
    uint16_t ** u;          /* u[l] + d n: the representative of orbit point d */
    uint16_t ** uinv;       /* and its inverse */
    uint16_t * tab;         /* the storage of u and uinv */
}
cls_chain;

static size_t
cls_chain_bytes(const lc_group_t G)
{
    size_t t = 0;
    slong l;

    for (l = 0; l < G->nlevels; l++)
        if (G->levels[l].len > 1)
            t += 2 * sizeof(uint16_t) * (size_t) G->levels[l].len * G->n
                 + sizeof(int32_t) * G->n + 3 * sizeof(slong);
    return t;
}

static void
cls_chain_init(cls_chain * C, const lc_group_t G)
{
    slong n = G->n, l, k = 0, d, i, off = 0;

    C->n = n;
    for (l = 0; l < G->nlevels; l++)
        k += (G->levels[l].len > 1);
    C->k = k;
    C->b = flint_malloc(sizeof(slong) * (k + 1));
    C->len = flint_malloc(sizeof(uint32_t) * (k + 1));
    C->mag = flint_malloc(sizeof(ulong) * (k + 1));
    C->pos = flint_malloc(sizeof(int32_t) * (k * n + 1));
    C->u = flint_malloc(sizeof(uint16_t *) * (k + 1));
    C->uinv = flint_malloc(sizeof(uint16_t *) * (k + 1));
    for (l = 0; l < G->nlevels; l++)
        if (G->levels[l].len > 1)
            off += 2 * G->levels[l].len * n;
    C->tab = flint_malloc(sizeof(uint16_t) * (off + 1));
    off = 0;
    k = 0;
    for (l = 0; l < G->nlevels; l++)
    {
        const lc_schreier_level_struct * L = G->levels + l;
        int32_t * pos = C->pos + k * n;
        uint16_t * u, * ui;

        if (L->len <= 1)
            continue;
        C->b[k] = L->b;
        C->len[k] = (uint32_t) L->len;
        C->mag[k] = UWORD_MAX / (ulong) L->len + 1;
        u = C->u[k] = C->tab + off;
        off += L->len * n;
        ui = C->uinv[k] = C->tab + off;
        off += L->len * n;
        for (i = 0; i < n; i++)
            pos[i] = -1;
        for (d = 0; d < L->len; d++)
            pos[L->orbit[d]] = (int32_t) d;
        /* the orbit lists each point after its parent in the Schreier
           tree: u_x = u_parent s where parent = x^(s^-1) */
        for (d = 0; d < L->len; d++)
        {
            slong x = L->orbit[d];
            uint16_t * ux = u + d * n, * uix = ui + d * n;

            if (L->sv[x] < 0)
                for (i = 0; i < n; i++)
                    ux[i] = (uint16_t) i;
            else
            {
                const slong * s = G->strong + L->sv[x] * n;
                const uint16_t * up = u + pos[G->strong_inv[L->sv[x] * n + x]] * n;

                for (i = 0; i < n; i++)
                    ux[i] = (uint16_t) s[up[i]];
            }
            for (i = 0; i < n; i++)
                uix[ux[i]] = (uint16_t) i;
        }
        k++;
    }
}

static void
cls_chain_clear(cls_chain * C)
{
    flint_free(C->b);
    flint_free(C->len);
    flint_free(C->mag);
    flint_free(C->pos);
    flint_free(C->u);
    flint_free(C->uinv);
    flint_free(C->tab);
}

/* P[l] := the row of the representative at level l of the element of rank r.
   The quotient r / len is the high word of r * ceil(2^64 / len): exact for
   r, len < 2^32 (Lemire, Kaser and Kurz, "Faster remainder by direct
   computation", Softw. Pract. Exper. 49 (2019), Thm. 1 with N = 32, L = 64;
   ulong is 64-bit where FLINT's umul_ppmm is). */
static inline void
cls_unrank(const uint16_t ** P, const cls_chain * C, uint32_t r)
{
    slong l;

    for (l = C->k - 1; l >= 0; l--)
    {
        uint32_t q;
#if FLINT_BITS == 64
        ulong hi, lo;
#endif

#if FLINT_BITS == 64
        umul_ppmm(hi, lo, C->mag[l], (ulong) r);
        (void) lo;
        q = (uint32_t) hi;
#else
        q = r / C->len[l];
#endif

        P[l] = C->u[l] + (slong) (r - q * C->len[l]) * C->n;
        r = q;
    }
}

/* x[p] := p^g for every point p, g given by its rows P (level by level:
   the n chains of lookups are independent). */
static inline void
cls_images(uint16_t * x, const uint16_t * const * P, slong k, slong n)
{
    slong l, p;

    if (k == 0)
    {
        for (p = 0; p < n; p++)
            x[p] = (uint16_t) p;
        return;
    }
    memcpy(x, P[k - 1], sizeof(uint16_t) * n);
    for (l = k - 2; l >= 0; l--)
    {
        const uint16_t * u = P[l];

        for (p = 0; p < n; p++)
            x[p] = u[x[p]];
    }
}

/* p^g for the element g given by its rows P. */
static inline slong
cls_image(const uint16_t * const * P, slong k, slong p)
{
    slong l;

    for (l = k - 1; l >= 0; l--)
        p = P[l][p];
    return p;
}

/* Whether the element with rows P is less than the one with rows Q (image
   lists compared lexicographically); they must differ. */
static int
cls_less(const uint16_t * const * P, const uint16_t * const * Q, slong k, slong n)
{
    slong p;

    for (p = 0; p < n; p++)
    {
        slong a = cls_image(P, k, p), b = cls_image(Q, k, p);

        if (a != b)
            return a < b;
    }
    return 0;
}

/* Sort idx[0..len) by the least elements' ranks mins[idx[i]] (merge sort). */
static void
cls_sort(slong * idx, slong * tmp, slong len, const uint32_t * mins, const cls_chain * C,
         const uint16_t ** P, const uint16_t ** Q)
{
    slong h = len / 2, i = 0, j = h, t = 0;

    if (len < 2)
        return;
    cls_sort(idx, tmp, h, mins, C, P, Q);
    cls_sort(idx + h, tmp, len - h, mins, C, P, Q);
    while (i < h && j < len)
    {
        cls_unrank(P, C, mins[idx[j]]);
        cls_unrank(Q, C, mins[idx[i]]);
        tmp[t++] = cls_less(P, Q, C->k, C->n) ? idx[j++] : idx[i++];
    }
    while (i < h)
        tmp[t++] = idx[i++];
    while (j < len)
        tmp[t++] = idx[j++];
    memcpy(idx, tmp, sizeof(slong) * len);
}

int
lc_group_conjugacy_classes(slong * nclasses, slong ** sizes, const lc_group_t G,
                           slong limit, lc_err_t err)
{
    slong n = G->n, k, l, j, nc = 0, ncalloc, ng = G->ngens, steps = 0, * sz, * idx, * tmp;
    uint64_t * seen;
    uint32_t * queue, * mins, order, start;
    size_t words;
    const uint16_t ** P, ** M;
    slong * bi, * cb, p;
    uint16_t * xi, * mx;
    int full;
    cls_chain C;
    fmpz_t o;
    int st = LC_OK;

    fmpz_init(o);
    lc_group_order(o, G);
    if (fmpz_cmp_si(o, limit) > 0 || fmpz_cmp_ui(o, UINT32_MAX) > 0)
    {
        char * s = fmpz_get_str(NULL, 10, o);

        if (fmpz_cmp_si(o, limit) > 0)
            st = lc_err_set(err, LC_E_LIMIT, "conjugacy classes: the group has order %.60s, "
                            "above the limit %ld", s, (long) limit);
        else
            st = lc_err_set(err, LC_E_LIMIT, "conjugacy classes: the group has order %.60s, "
                            "above %lu (ranks are 32-bit)", s, (unsigned long) UINT32_MAX);
        flint_free(s);
        fmpz_clear(o);
        return st;
    }
    order = (uint32_t) fmpz_get_ui(o);
    fmpz_clear(o);
    _lc_group_materialize((lc_group_struct *) G);
    words = ((size_t) order + 63) / 64;
    if ((st = lc_limit_memory_check(words * 8 + sizeof(uint32_t) * ((size_t) order / 2 + 2)
                                    + cls_chain_bytes(G), "conjugacy classes", err)) != LC_OK)
        return st;
    cls_chain_init(&C, G);
    k = C.k;
    seen = flint_calloc(words + 1, sizeof(uint64_t));
    queue = flint_malloc(sizeof(uint32_t) * ((size_t) order / 2 + 2));
    P = flint_malloc(sizeof(uint16_t *) * (k + 1));
    M = flint_malloc(sizeof(uint16_t *) * (k + 1));
    /* bi[j k + l] = b_l^(s_j^-1); cb[l] = b_l^c */
    bi = flint_malloc(sizeof(slong) * (ng * k + 1));
    cb = flint_malloc(sizeof(slong) * (k + 1));
    xi = flint_malloc(sizeof(uint16_t) * (n + 1));
    mx = flint_malloc(sizeof(uint16_t) * (n + 1));
    /* all n images of each element (n k lookups, independent), or only
       those the conjugates' base images need (ng k chains of k dependent
       lookups), whichever is cheaper */
    full = (n <= 4 * ng * k);
    for (j = 0; j < ng; j++)
        for (l = 0; l < k; l++)
        {
            const slong * s = G->gens + j * n;
            slong x;

            for (x = 0; s[x] != C.b[l]; x++)
                ;
            bi[j * k + l] = x;
        }
    ncalloc = 64;
    sz = flint_malloc(sizeof(slong) * ncalloc);
    mins = flint_malloc(sizeof(uint32_t) * ncalloc);
    for (start = 0; start < order; start++)
    {
        uint32_t head = 0, tail = 0, r;

        if (seen[start >> 6] == ~(uint64_t) 0)
        {
            start |= 63;
            continue;
        }
        if (seen[start >> 6] >> (start & 63) & 1)
            continue;
        seen[start >> 6] |= (uint64_t) 1 << (start & 63);
        queue[tail++] = start;
        cls_unrank(M, &C, start);
        if (full)
            cls_images(mx, M, k, n);
        r = start;
        while (head < tail)
        {
            uint32_t x = queue[head++];

            if ((++steps & 0xffff) == 0 && (st = lc_limit_check(err)) != LC_OK)
                goto done;
            cls_unrank(P, &C, x);
            if (full)
            {
                cls_images(xi, P, k, n);
                if (x != start)
                {
                    for (p = 0; xi[p] == mx[p]; p++)
                        ;
                    if (xi[p] < mx[p])
                    {
                        memcpy(mx, xi, sizeof(uint16_t) * n);
                        memcpy(M, P, sizeof(uint16_t *) * k);
                        r = x;
                    }
                }
            }
            else if (x != start && cls_less(P, M, k, n))
            {
                memcpy(M, P, sizeof(uint16_t *) * k);
                r = x;
            }
            for (j = 0; j < ng; j++)
            {
                const slong * s = G->gens + j * n, * sb = bi + j * k;
                uint32_t c = 0;

                /* the base images of s^-1 x s, then its rank by sifting */
                if (full)
                    for (l = 0; l < k; l++)
                        cb[l] = s[xi[sb[l]]];
                else
                    for (l = 0; l < k; l++)
                        cb[l] = s[cls_image(P, k, sb[l])];
                for (l = 0; l < k; l++)
                {
                    slong y = cb[l], t;
                    int32_t d = C.pos[l * n + y];

                    if (d < 0)
                        flint_abort();   /* s^-1 x s not in G: a bug */
                    c = c * C.len[l] + (uint32_t) d;
                    for (t = l + 1; t < k; t++)
                        cb[t] = C.uinv[l][(slong) d * n + cb[t]];
                }
                if (!(seen[c >> 6] >> (c & 63) & 1))
                {
                    seen[c >> 6] |= (uint64_t) 1 << (c & 63);
                    queue[tail++] = c;
                }
            }
        }
        if (nc == ncalloc)
        {
            ncalloc *= 2;
            sz = flint_realloc(sz, sizeof(slong) * ncalloc);
            mins = flint_realloc(mins, sizeof(uint32_t) * ncalloc);
        }
        sz[nc] = tail;
        mins[nc] = r;
        nc++;
    }
    /* list the classes by their least elements */
    idx = flint_malloc(sizeof(slong) * (nc + 1));
    tmp = flint_malloc(sizeof(slong) * (nc + 1));
    for (j = 0; j < nc; j++)
        idx[j] = j;
    cls_sort(idx, tmp, nc, mins, &C, P, M);
    *nclasses = nc;
    if (sizes != NULL)
    {
        *sizes = flint_malloc(sizeof(slong) * (nc + 1));
        for (j = 0; j < nc; j++)
            (*sizes)[j] = sz[idx[j]];
    }
    flint_free(idx);
    flint_free(tmp);
done:
    flint_free(sz);
    flint_free(mins);
    flint_free(seen);
    flint_free(queue);
    flint_free(P);
    flint_free(M);
    flint_free(bi);
    flint_free(cb);
    flint_free(xi);
    flint_free(mx);
    cls_chain_clear(&C);
    return st;
}
