/* group.c -- permutation groups built on the stabilizer chain: normal
 * closures, derived and lower central series, the predicates, and the few
 * enumerations (elements, conjugacy classes, centre) under explicit limits. */
#include <string.h>
#include "group.h"
#include "group_impl.h"
#include "limit.h"

/* --------------------------------------------------------- subgroups */

int
lc_group_is_subgroup(const lc_group_t H, const lc_group_t G)
{
    slong k;
    int r = 1;
    lc_perm_t p;

    lc_perm_init(p, 0);
    for (k = 0; k < H->ngens && r; k++)
    {
        lc_group_gen(p, H, k);
        r = lc_group_contains(G, p);
    }
    lc_perm_clear(p);
    return r;
}

int
lc_group_equal(const lc_group_t G, const lc_group_t H)
{
    fmpz_t a, b;
    int r;

    fmpz_init(a);
    fmpz_init(b);
    lc_group_order(a, G);
    lc_group_order(b, H);
    r = fmpz_equal(a, b) && lc_group_is_subgroup(H, G);
    fmpz_clear(a);
    fmpz_clear(b);
    return r;
}

/* Add g (degree N->n) to N's generators and chain unless N contains it. */
static int
add_if_new(lc_group_t N, const slong * g, slong * tmp)
{
    slong n = N->n;

    if (n > 0)
        memcpy(tmp, g, sizeof(slong) * n);
    if (_lc_group_strip(tmp, N) == N->nlevels && _lc_perm_is_one(tmp, n))
        return 0;
    _lc_group_push_gen(N, g);
    _lc_group_add_strong(N, g);
    return 1;
}

/* N := the normal closure in <amb> of <xs> (all raw arrays of degree n):
   NORMALCLOSURE of the Handbook (sec. 3.3.2), conjugating every generator
   of N, including those added on the way, by every generator of amb. */
static void
normal_closure_raw(lc_group_t N, slong n, const slong * amb, slong namb,
                   const slong * xs, slong nxs)
{
    slong * ginv = flint_malloc(sizeof(slong) * (namb * n + 1));
    slong * c = flint_malloc(sizeof(slong) * (n + 1)), * t = flint_malloc(sizeof(slong) * (n + 1));
    slong * tmp = flint_malloc(sizeof(slong) * (n + 1));
    slong k, j;
    lc_group_t T;

    lc_group_init(T, n);
    for (j = 0; j < namb; j++)
        _lc_perm_inv(ginv + j * n, amb + j * n, n);
    for (k = 0; k < nxs; k++)
        add_if_new(T, xs + k * n, tmp);
    for (k = 0; k < T->ngens; k++)
        for (j = 0; j < namb; j++)
        {
            /* the generator array may move as it grows: copy first */
            memcpy(c, T->gens + k * n, sizeof(slong) * n);
            _lc_perm_mul(t, ginv + j * n, c, n);
            _lc_perm_mul(c, t, amb + j * n, n);
            add_if_new(T, c, tmp);
        }
    lc_group_swap(N, T);
    lc_group_clear(T);
    flint_free(ginv);
    flint_free(c);
    flint_free(t);
    flint_free(tmp);
}

/* The images of p extended to degree n. */
static void
images(slong * r, const lc_perm_t p, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        r[i] = lc_perm_image(p, i);
}

/* Copy the generators of G into a degree-n array at dst (n >= G->n). */
static void
gens_to(slong * dst, const lc_group_t G, slong n)
{
    slong k, i;

    for (k = 0; k < G->ngens; k++)
        for (i = 0; i < n; i++)
            dst[k * n + i] = i < G->n ? G->gens[k * G->n + i] : i;
}

int
lc_group_normal_closure(lc_group_t N, const lc_group_t G, const lc_perm_struct * xs, slong nxs,
                        lc_err_t err)
{
    slong n = G->n, k, * raw, * amb;

    /* Conjugating by G is only closed on elements of G: for x outside G the
       closure under G would not be a subgroup of G (nor normal in <G, x>). */
    for (k = 0; k < nxs; k++)
        if (!lc_group_contains(G, xs + k))
        {
            char * s = lc_perm_get_str(xs + k);

            lc_err_set(err, LC_E_ARG, "element %ld, %.200s, is not in G (the normal closure in "
                       "G is taken of elements of G)", (long) (k + 1), s);
            flint_free(s);
            return LC_E_ARG;
        }
    raw = flint_malloc(sizeof(slong) * (nxs * n + 1));
    for (k = 0; k < nxs; k++)
        images(raw + k * n, xs + k, n);
    if (G->giant && n >= 5)
    {
        /* the normal subgroups of S_n and A_n (n >= 5) are 1, A_n, S_n: the
           closure of elements of G is 1 when all are trivial, S_n when one
           is odd, A_n otherwise */
        int nontrivial = 0, odd = 0;

        for (k = 0; k < nxs; k++)
        {
            nontrivial |= !_lc_perm_is_one(raw + k * n, n);
            odd |= !_lc_perm_is_even(raw + k * n, n);
        }
        if (!nontrivial)
        {
            lc_group_clear(N);
            lc_group_init(N, n);
        }
        else
            _lc_group_set_giant(N, n, odd ? LC_GROUP_SYMMETRIC : LC_GROUP_ALTERNATING);
        flint_free(raw);
        return LC_OK;
    }
    amb = flint_malloc(sizeof(slong) * (G->ngens * n + 1));
    gens_to(amb, G, n);
    normal_closure_raw(N, n, amb, G->ngens, raw, nxs);
    flint_free(raw);
    flint_free(amb);
    return LC_OK;
}

void
lc_group_commutator(lc_group_t C, const lc_group_t H, const lc_group_t K)
{
    slong n = FLINT_MAX(H->n, K->n), a = H->ngens, b = K->ngens, i, j;
    slong * amb, * xs, * t, * u, * v;

    /* [X, Y] = A_n for X, Y each S_n or A_n, n >= 5 (A_n is simple and
       perfect, and [S_n, S_n] = A_n) */
    if (H->giant && K->giant && H->n == K->n && n >= 5)
    {
        _lc_group_set_giant(C, n, LC_GROUP_ALTERNATING);
        return;
    }
    amb = flint_malloc(sizeof(slong) * ((a + b) * n + 1));
    xs = flint_malloc(sizeof(slong) * (a * b * n + 1));
    t = flint_malloc(sizeof(slong) * (n + 1));
    u = flint_malloc(sizeof(slong) * (n + 1));
    v = flint_malloc(sizeof(slong) * (n + 1));

    gens_to(amb, H, n);
    gens_to(amb + a * n, K, n);
    for (i = 0; i < a; i++)
        for (j = 0; j < b; j++)
        {
            const slong * h = amb + i * n, * k = amb + (a + j) * n;

            /* [h, k] = h^-1 k^-1 h k */
            _lc_perm_inv(t, h, n);
            _lc_perm_inv(u, k, n);
            _lc_perm_mul(v, t, u, n);
            _lc_perm_mul(t, v, h, n);
            _lc_perm_mul(xs + (i * b + j) * n, t, k, n);
        }
    normal_closure_raw(C, n, amb, a + b, xs, a * b);
    flint_free(amb);
    flint_free(xs);
    flint_free(t);
    flint_free(u);
    flint_free(v);
}

void
lc_group_derived(lc_group_t D, const lc_group_t G)
{
    lc_group_commutator(D, G, G);
}

/* The series G_0 = G, G_{i+1} = [G_i, G_i] (derived) or [G, G_i] (lower
   central), with the stall convention. */
static slong
series(fmpz ** orders, const lc_group_t G, int lower)
{
    slong len = 1, alloc = 8;
    lc_group_t cur, next;

    *orders = _fmpz_vec_init(alloc);
    lc_group_order(*orders, G);
    lc_group_init(cur, 0);
    lc_group_set(cur, G);
    lc_group_init(next, 0);
    while (!fmpz_is_one(*orders + len - 1))
    {
        if (lower)
            lc_group_commutator(next, G, cur);
        else
            lc_group_commutator(next, cur, cur);
        if (len == alloc)
        {
            fmpz * t = _fmpz_vec_init(2 * alloc);

            _fmpz_vec_swap(t, *orders, len);
            _fmpz_vec_clear(*orders, alloc);
            *orders = t;
            alloc *= 2;
        }
        lc_group_order(*orders + len, next);
        len++;
        if (fmpz_equal(*orders + len - 1, *orders + len - 2))
            break;
        lc_group_swap(cur, next);
    }
    lc_group_clear(cur);
    lc_group_clear(next);
    return len;
}

slong
lc_group_derived_series(fmpz ** orders, const lc_group_t G)
{
    return series(orders, G, 0);
}

slong
lc_group_lower_central_series(fmpz ** orders, const lc_group_t G)
{
    return series(orders, G, 1);
}

int
lc_group_is_abelian(const lc_group_t G)
{
    slong n = G->n, i, j, x;

    for (i = 0; i < G->ngens; i++)
        for (j = 0; j < i; j++)
        {
            const slong * p = G->gens + i * n, * q = G->gens + j * n;

            for (x = 0; x < n; x++)
                if (q[p[x]] != p[q[x]])
                    return 0;
        }
    return 1;
}

/* The length of the series to order 1, or -1 if it stalls above 1. */
static slong
series_length(const lc_group_t G, int lower)
{
    fmpz * o;
    slong len = series(&o, G, lower), r = fmpz_is_one(o + len - 1) ? len - 1 : -1;

    _fmpz_vec_clear(o, len);
    return r;
}

slong lc_group_derived_length(const lc_group_t G) { return series_length(G, 0); }
slong lc_group_nilpotency_class(const lc_group_t G) { return series_length(G, 1); }
int lc_group_is_solvable(const lc_group_t G) { return series_length(G, 0) >= 0; }
int lc_group_is_nilpotent(const lc_group_t G) { return series_length(G, 1) >= 0; }

int
lc_group_is_perfect(const lc_group_t G)
{
    lc_group_t D;
    int r;

    lc_group_init(D, 0);
    lc_group_derived(D, G);
    r = lc_group_equal(D, G);
    lc_group_clear(D);
    return r;
}

/* ------------------------------------------------------ enumerations */

static int
perm_cmp(const slong * p, const slong * q, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        if (p[i] != q[i])
            return p[i] < q[i] ? -1 : 1;
    return 0;
}

/* Sort the indices idx[0..len) by the image lists (merge sort: qsort would
   need the degree in a global). */
void
_lc_perm_sort_idx(slong * idx, slong * tmp, slong len, const slong * el, slong n)
{
    slong m = len / 2, i = 0, j = m, k = 0;

    if (len < 2)
        return;
    _lc_perm_sort_idx(idx, tmp, m, el, n);
    _lc_perm_sort_idx(idx + m, tmp, len - m, el, n);
    while (i < m && j < len)
        tmp[k++] = perm_cmp(el + idx[i] * n, el + idx[j] * n, n) <= 0 ? idx[i++] : idx[j++];
    while (i < m)
        tmp[k++] = idx[i++];
    while (j < len)
        tmp[k++] = idx[j++];
    memcpy(idx, tmp, sizeof(slong) * len);
}

static int
check_limit(slong * order, const lc_group_t G, slong limit, const char * what, lc_err_t err)
{
    fmpz_t o;
    int st = LC_OK;

    fmpz_init(o);
    lc_group_order(o, G);
    if (fmpz_cmp_si(o, limit) > 0)
    {
        char * s = fmpz_get_str(NULL, 10, o);

        st = lc_err_set(err, LC_E_LIMIT, "%s: the group has order %.60s, above the limit %ld",
                        what, s, (long) limit);
        flint_free(s);
    }
    else
        *order = fmpz_get_si(o);
    fmpz_clear(o);
    return st;
}

int
lc_group_elements(slong ** elems, slong * len, const lc_group_t G, slong limit, lc_err_t err)
{
    slong n = G->n, order = 0, k, j, * idx, * tmp, * p;
    lc_permset S;
    int st;

    if ((st = check_limit(&order, G, limit, "elements", err)) != LC_OK)
        return st;
    /* the set (grown by doubling), its hash table, the sort and the result:
       refused up front when that passes the memory limit (lib/limit) */
    if ((st = lc_limit_memory_check((size_t) order * (sizeof(slong) * (3 * (size_t) n + 6)),
                                    "elements", err)) != LC_OK)
        return st;
    _lc_permset_init(&S, n);
    p = flint_malloc(sizeof(slong) * (n + 1));
    _lc_perm_one(p, n);
    _lc_permset_add(&S, p);
    /* closure under right multiplication by the generators */
    for (k = 0; k < S.len; k++)
    {
        if ((k & 1023) == 0 && (st = lc_limit_check(err)) != LC_OK)
        {
            flint_free(p);
            _lc_permset_clear(&S);
            return st;
        }
        for (j = 0; j < G->ngens; j++)
        {
            _lc_perm_mul(p, S.elems + k * n, G->gens + j * n, n);
            _lc_permset_add(&S, p);
        }
    }
    if (S.len != order)
        flint_abort();   /* the chain and the closure disagree: a bug */
    idx = flint_malloc(sizeof(slong) * order);
    tmp = flint_malloc(sizeof(slong) * order);
    for (k = 0; k < order; k++)
        idx[k] = k;
    _lc_perm_sort_idx(idx, tmp, order, S.elems, n);
    *elems = flint_malloc(sizeof(slong) * (order * n + 1));
    for (k = 0; k < order; k++)
        if (n > 0)
            memcpy(*elems + k * n, S.elems + idx[k] * n, sizeof(slong) * n);
    *len = order;
    flint_free(idx);
    flint_free(tmp);
    flint_free(p);
    _lc_permset_clear(&S);
    return LC_OK;
}

/* The centre without listing G.  A central z maps each G-orbit O to itself
   (z is in G) and commutes with G there, so on O it is an element of the
   centralizer of G^O in Sym(O), which is semiregular: it is fixed by the
   image beta of one point alpha of O, z(alpha^w) = beta^w for every word w
   in the generators, and such a z exists exactly when that rule is well
   defined.  So every candidate on O is found by trying each beta in O (a
   breadth-first walk from alpha and from beta by the same generators, then
   a check that the map commutes with every generator), and Z(G) is the
   set of products of candidates, one per orbit, that lie in G (membership
   in the chain).  The candidates are counted first: more than limit is an
   error, as for an enumeration. */
static int
centre_by_orbits(lc_group_t Z, const lc_group_t G, slong limit, lc_err_t err)
{
    slong n = G->n, k = G->ngens, i, j, x, b, norb = 0;
    slong * orb_of = flint_malloc(sizeof(slong) * (n + 1));
    slong * queue = flint_malloc(sizeof(slong) * (n + 1));
    slong * word_g = flint_malloc(sizeof(slong) * (n + 1));    /* generator reaching queue[t] */
    slong * word_p = flint_malloc(sizeof(slong) * (n + 1));    /* from queue[word_p[t]] */
    slong * pos = flint_malloc(sizeof(slong) * (n + 1));
    slong * zmap = flint_malloc(sizeof(slong) * (n + 1));
    slong ** cand = NULL, ** pts = NULL, * ncand = NULL, * len = NULL;
    slong * z, * tmp, * idx;
    fmpz_t total;
    lc_group_t T;
    int st = LC_OK;

    fmpz_init(total);
    fmpz_one(total);
    for (x = 0; x < n; x++)
        orb_of[x] = -1;
    /* the orbits, each as a breadth-first list from its least point */
    for (x = 0; x < n; x++)
    {
        slong head, tail;

        if (orb_of[x] >= 0)
            continue;
        cand = flint_realloc(cand, sizeof(slong *) * (norb + 1));
        ncand = flint_realloc(ncand, sizeof(slong) * (norb + 1));
        pts = flint_realloc(pts, sizeof(slong *) * (norb + 1));
        len = flint_realloc(len, sizeof(slong) * (norb + 1));
        orb_of[x] = norb;
        queue[0] = x;
        word_g[0] = word_p[0] = -1;
        head = 0;
        tail = 1;
        while (head < tail)
        {
            slong y = queue[head];

            for (j = 0; j < k; j++)
            {
                slong w = G->gens[j * n + y];

                if (orb_of[w] < 0)
                {
                    orb_of[w] = norb;
                    word_g[tail] = j;
                    word_p[tail] = head;
                    queue[tail++] = w;
                }
            }
            head++;
        }
        /* the candidates on this orbit: images beta of x that give a well
           defined map commuting with the generators */
        len[norb] = tail;
        cand[norb] = NULL;
        ncand[norb] = 0;
        for (i = 0; i < tail; i++)
            pos[queue[i]] = i;
        for (b = 0; b < tail; b++)
        {
            int ok = 1;

            if (b % 64 == 0)
                lc_limit_poll();
            zmap[0] = queue[b];
            for (i = 1; i < tail; i++)
                zmap[i] = G->gens[word_g[i] * n + zmap[word_p[i]]];
            /* z(y^g) = z(y)^g for every y of the orbit and generator g */
            for (i = 0; i < tail && ok; i++)
                for (j = 0; j < k && ok; j++)
                    ok = zmap[pos[G->gens[j * n + queue[i]]]] == G->gens[j * n + zmap[i]];
            if (ok)
            {
                cand[norb] = flint_realloc(cand[norb], sizeof(slong) * (ncand[norb] + 1) * tail);
                /* stored as images of the orbit's points in list order */
                memcpy(cand[norb] + ncand[norb] * tail, zmap, sizeof(slong) * tail);
                ncand[norb]++;
            }
        }
        /* the orbit's points in list order, the order of the candidates */
        pts[norb] = flint_malloc(sizeof(slong) * tail);
        memcpy(pts[norb], queue, sizeof(slong) * tail);
        fmpz_mul_ui(total, total, (ulong) ncand[norb]);
        norb++;
    }
    if (fmpz_cmp_si(total, limit) > 0)
    {
        char * s = fmpz_get_str(NULL, 10, total);

        st = lc_err_set(err, LC_E_LIMIT, "centre: %.60s candidates (products of centralizing "
                        "maps of the orbits), above the limit %ld", s, (long) limit);
        flint_free(s);
        goto done;
    }
    {
        slong o, c, ncombo = fmpz_get_si(total);

        z = flint_malloc(sizeof(slong) * (n + 1));
        tmp = flint_malloc(sizeof(slong) * (n + 1));
        idx = flint_calloc(norb + 1, sizeof(slong));
        lc_group_init(T, n);
        for (c = 0; c < ncombo; c++)
        {
            lc_perm_t p;

            if (c % 64 == 0)
                lc_limit_poll();
            for (o = 0; o < norb; o++)
                for (i = 0; i < len[o]; i++)
                    z[pts[o][i]] = cand[o][idx[o] * len[o] + i];
            lc_perm_init(p, 0);
            if (lc_perm_set_images(p, z, n, err) == LC_OK && !_lc_perm_is_one(z, n)
                && lc_group_contains(G, p))
                add_if_new(T, z, tmp);
            lc_perm_clear(p);
            /* the next combination */
            for (o = 0; o < norb && ++idx[o] == ncand[o]; o++)
                idx[o] = 0;
        }
        lc_group_swap(Z, T);
        lc_group_clear(T);
        flint_free(z);
        flint_free(tmp);
        flint_free(idx);
    }
done:
    for (i = 0; i < norb; i++)
    {
        flint_free(cand[i]);
        flint_free(pts[i]);
    }
    flint_free(cand);
    flint_free(pts);
    flint_free(ncand);
    flint_free(len);
    flint_free(orb_of);
    flint_free(queue);
    flint_free(word_g);
    flint_free(word_p);
    flint_free(pos);
    flint_free(zmap);
    fmpz_clear(total);
    return st;
}

int
lc_group_centre(lc_group_t Z, const lc_group_t G, slong limit, lc_err_t err)
{
    slong n = G->n, order, k, j, x, * el, * tmp;
    lc_group_t T;
    int st;

    if (G->giant && n >= 4)
    {
        /* the centre of S_n and A_n is trivial for n >= 4 */
        lc_group_clear(Z);
        lc_group_init(Z, n);
        return LC_OK;
    }
    /* without listing G when the orbits allow few candidates; else by the
       elements, when G is small enough to list */
    if ((st = centre_by_orbits(Z, G, limit, err)) != LC_E_LIMIT)
        return st;
    {
        fmpz_t o;
        int small;

        fmpz_init(o);
        lc_group_order(o, G);
        small = fmpz_cmp_si(o, limit) <= 0;
        fmpz_clear(o);
        if (!small)
            return st;      /* the candidates' error */
    }
    if ((st = check_limit(&order, G, limit, "centre", err)) != LC_OK
        || (st = lc_group_elements(&el, &order, G, limit, err)) != LC_OK)
        return st;
    tmp = flint_malloc(sizeof(slong) * (n + 1));
    lc_group_init(T, n);
    for (k = 0; k < order; k++)
    {
        const slong * z = el + k * n;
        int central = 1;

        for (j = 0; j < G->ngens && central; j++)
        {
            const slong * g = G->gens + j * n;

            for (x = 0; x < n; x++)
                if (g[z[x]] != z[g[x]])
                {
                    central = 0;
                    break;
                }
        }
        if (central)
            add_if_new(T, z, tmp);
    }
    lc_group_swap(Z, T);
    lc_group_clear(T);
    flint_free(tmp);
    flint_free(el);
    return LC_OK;
}

slong
lc_group_orbit(slong * orbit, const lc_group_t G, slong x)
{
    slong n = G->n, len = 1, k, j, * tmp;
    char * seen;

    orbit[0] = x;
    if (x < 0 || x >= n)
        return 1;
    seen = flint_calloc(n, 1);
    seen[x] = 1;
    for (k = 0; k < len; k++)
        for (j = 0; j < G->ngens; j++)
        {
            slong y = G->gens[j * n + orbit[k]];

            if (!seen[y])
            {
                seen[y] = 1;
                orbit[len++] = y;
            }
        }
    /* sorted: read the marks back in order */
    tmp = orbit;
    for (k = 0, j = 0; k < n; k++)
        if (seen[k])
            tmp[j++] = k;
    flint_free(seen);
    return len;
}

void
lc_group_stabilizer(lc_group_t H, const lc_group_t G, slong x)
{
    slong n = G->n, k, s;
    lc_group_t C, T;
    lc_perm_struct * gens;
    lc_err_t err;

    lc_group_init(T, n);
    if (x < 0 || x >= n)
    {
        lc_group_set(H, G);
        lc_group_clear(T);
        return;
    }
    lc_group_init(C, n);
    gens = flint_malloc(sizeof(lc_perm_struct) * (G->ngens + 1));
    for (k = 0; k < G->ngens; k++)
    {
        lc_perm_init(gens + k, 0);
        lc_group_gen(gens + k, G, k);
    }
    /* with x first in the base, level 1 of the chain is the stabilizer */
    lc_group_set_perms_base(C, gens, G->ngens, n, &x, 1, err);
    if (C->nlevels > 1)
    {
        const lc_schreier_level_struct * L = C->levels + 1;

        for (k = 0; k < L->ngens; k++)
        {
            s = L->gens[k];
            _lc_group_push_gen(T, C->strong + s * n);
        }
        _lc_group_close(T);
    }
    lc_group_swap(H, T);
    for (k = 0; k < G->ngens; k++)
        lc_perm_clear(gens + k);
    flint_free(gens);
    lc_group_clear(C);
    lc_group_clear(T);
}

int
lc_group_word_products(lc_perm_struct * prefixes, int * is_one, const lc_group_t G,
                       const slong * word, slong len, lc_err_t err)
{
    slong n = G->n, t, k;
    slong * cur = flint_malloc(sizeof(slong) * (n + 1)), * nxt = flint_malloc(sizeof(slong) * (n + 1));
    slong * ginv = flint_malloc(sizeof(slong) * (n + 1));

    for (t = 0; t < len; t++)
        if (word[t] == 0 || word[t] > G->ngens || word[t] < -G->ngens)
        {
            flint_free(cur);
            flint_free(nxt);
            flint_free(ginv);
            return lc_err_set(err, LC_E_ARG, "letter %ld of the word is %ld, outside +-1..%ld",
                              (long) t + 1, (long) word[t], (long) G->ngens);
        }
    _lc_perm_one(cur, n);
    for (t = 0; t < len; t++)
    {
        k = word[t] > 0 ? word[t] - 1 : -word[t] - 1;
        if (word[t] > 0)
            _lc_perm_mul(nxt, cur, G->gens + k * n, n);
        else
        {
            _lc_perm_inv(ginv, G->gens + k * n, n);
            _lc_perm_mul(nxt, cur, ginv, n);
        }
        {
            slong * sw = cur;
            cur = nxt;
            nxt = sw;
        }
        if (prefixes != NULL)
        {
            lc_err_t e2;
            lc_perm_set_images(prefixes + t, cur, n, e2);
        }
    }
    *is_one = _lc_perm_is_one(cur, n);
    flint_free(cur);
    flint_free(nxt);
    flint_free(ginv);
    return LC_OK;
}

char *
lc_group_get_str(const lc_group_t G)
{
    fmpz_t o;
    char * s, * r;
    size_t len;

    fmpz_init(o);
    lc_group_order(o, G);
    s = fmpz_get_str(NULL, 10, o);
    len = strlen(s) + 64;
    r = flint_malloc(len);
    snprintf(r, len, "group of order %s on %ld point%s", s, (long) G->n, G->n == 1 ? "" : "s");
    flint_free(s);
    fmpz_clear(o);
    return r;
}
