/* schreier.c -- the stabilizer chain of a permutation group: deterministic
 * Schreier-Sims with Schreier vectors (Holt, Eick, O'Brien, Handbook of
 * Computational Group Theory, sec. 4.4.2, SCHREIERSIMS), made incremental so
 * that generators can be added to a finished chain (normal closures).
 *
 * Level l holds base point b_l, the orbit of b_l under its strong generators
 * S^(l) (all of which fix b_0, ..., b_{l-1}) and a Schreier vector.  The chain
 * is complete when, at every level, each Schreier generator u_p s u_{p^s}^-1
 * sifts to the identity through the levels below: then <S^(l+1)> is the
 * stabilizer of b_l in <S^(l)> (Schreier's lemma), and |G| is the product of
 * the orbit lengths.  Transversals are never stored: u_p is traced through
 * the Schreier vector, which keeps memory at O(n) per level (regular actions
 * of matrix groups have degree = order).  Orbits only grow and a point's
 * Schreier-vector entry never changes, so a Schreier generator once tested
 * stays tested; each level remembers the rectangle of (orbit point,
 * generator) pairs already done.
 *
 * Giants.  Before building a chain for a group of large degree n, the group
 * is tested for containing A_n by Jordan's theorem (1873; Dixon and
 * Mortimer, Permutation Groups, Thm. 3.3E; Wielandt, Finite Permutation
 * Groups, Thm. 13.9): a primitive group of degree n that contains a cycle of
 * prime length p <= n - 3 contains A_n.  Transitivity and primitivity are
 * decided exactly (an orbit; Atkinson's minimal blocks for every pair
 * {0, b}); the p-cycle is looked for among pseudo-random elements (product
 * replacement, fixed seed): an element with a cycle of prime length p,
 * n/2 < p <= n - 3, has a p-cycle as a power (its other cycles are shorter
 * than p, so their lengths are prime to p).  The search can only miss a
 * giant (then the chain is built as usual), never invent one: every
 * recognized group is certified.  It is S_n when a generator is odd, else
 * A_n; the order is n! or n!/2 and membership is a parity test, without a
 * chain.  The chain of a giant is built only when a function needs it. */
#include <string.h>
#include "group.h"
#include "group_impl.h"
#include "limit.h"

void
lc_group_init(lc_group_t G, slong n)
{
    memset(G, 0, sizeof(lc_group_struct));
    G->n = n;
}

static void
level_clear(lc_schreier_level_struct * L)
{
    flint_free(L->orbit);
    flint_free(L->sv);
    flint_free(L->gens);
}

void
lc_group_clear(lc_group_t G)
{
    slong l;

    for (l = 0; l < G->nlevels; l++)
        level_clear(G->levels + l);
    flint_free(G->levels);
    flint_free(G->gens);
    flint_free(G->strong);
    flint_free(G->strong_inv);
}

static slong *
copy_slongs(const slong * a, slong len)
{
    slong * r = flint_malloc(sizeof(slong) * (len > 0 ? len : 1));

    if (len > 0)
        memcpy(r, a, sizeof(slong) * len);
    return r;
}

void
lc_group_set(lc_group_t G, const lc_group_t H)
{
    lc_group_t T;
    slong l, n = H->n;

    if (G == H)
        return;
    lc_group_init(T, n);
    T->ngens = H->ngens;
    T->gens = copy_slongs(H->gens, H->ngens * n);
    T->nstrong = T->strong_alloc = H->nstrong;
    T->strong = copy_slongs(H->strong, H->nstrong * n);
    T->strong_inv = copy_slongs(H->strong_inv, H->nstrong * n);
    T->giant = H->giant;
    T->nlevels = T->levels_alloc = H->nlevels;
    T->levels = flint_malloc(sizeof(lc_schreier_level_struct) * (H->nlevels > 0 ? H->nlevels : 1));
    for (l = 0; l < H->nlevels; l++)
    {
        const lc_schreier_level_struct * A = H->levels + l;
        lc_schreier_level_struct * B = T->levels + l;

        *B = *A;
        B->orbit = copy_slongs(A->orbit, n);
        B->sv = copy_slongs(A->sv, n);
        B->gens = copy_slongs(A->gens, A->ngens);
        B->gens_alloc = A->ngens;
    }
    lc_group_swap(G, T);
    lc_group_clear(T);
}

void
lc_group_swap(lc_group_t G, lc_group_t H)
{
    lc_group_struct t = *G;

    *G = *H;
    *H = t;
}

/* ------------------------------------------------------------ the chain */

static void
add_level(lc_group_t G, slong b)
{
    lc_schreier_level_struct * L;
    slong i;

    if (G->nlevels == G->levels_alloc)
    {
        G->levels_alloc = 2 * G->levels_alloc + 4;
        G->levels = flint_realloc(G->levels, sizeof(lc_schreier_level_struct) * G->levels_alloc);
    }
    L = G->levels + G->nlevels++;
    memset(L, 0, sizeof(lc_schreier_level_struct));
    L->b = b;
    L->orbit = flint_malloc(sizeof(slong) * G->n);
    L->sv = flint_malloc(sizeof(slong) * G->n);
    for (i = 0; i < G->n; i++)
        L->sv[i] = -2;
    L->sv[b] = -1;
    L->orbit[0] = b;
    L->len = 1;
}

static void
level_push_gen(lc_schreier_level_struct * L, slong s)
{
    if (L->ngens == L->gens_alloc)
    {
        L->gens_alloc = 2 * L->gens_alloc + 4;
        L->gens = flint_realloc(L->gens, sizeof(slong) * L->gens_alloc);
    }
    L->gens[L->ngens++] = s;
}

/* Close the orbit under the level's generators; old points keep their
   Schreier-vector entries. */
static void
level_extend_orbit(lc_group_t G, lc_schreier_level_struct * L)
{
    slong k, j;

    for (k = 0; k < L->len; k++)
    {
        slong x = L->orbit[k];

        for (j = 0; j < L->ngens; j++)
        {
            slong s = L->gens[j], y = G->strong[s * G->n + x];

            if (L->sv[y] == -2)
            {
                L->sv[y] = s;
                L->orbit[L->len++] = y;
            }
        }
    }
}

/* h := h u_x^-1 where x = b^h lies in the orbit: afterwards h fixes b. */
static void
level_untrace(slong * h, const lc_group_t G, const lc_schreier_level_struct * L)
{
    slong n = G->n, x = h[L->b], i;

    while (L->sv[x] >= 0)
    {
        const slong * si = G->strong_inv + L->sv[x] * n;

        for (i = 0; i < n; i++)
            h[i] = si[h[i]];
        x = si[x];
    }
}

/* u := u_x, the traced coset representative with b^u = x. */
static void
level_trace(slong * u, slong * tmp, const lc_group_t G, const lc_schreier_level_struct * L, slong x)
{
    slong n = G->n, i;

    /* u_x = u_parent s, so walking back from x gives u_x^-1 = s^-1 ... */
    _lc_perm_one(tmp, n);
    while (L->sv[x] >= 0)
    {
        const slong * si = G->strong_inv + L->sv[x] * n;

        for (i = 0; i < n; i++)
            tmp[i] = si[tmp[i]];
        x = si[x];
    }
    _lc_perm_inv(u, tmp, n);
}

static slong
strip_from(slong * h, const lc_group_t G, slong l)
{
    for (; l < G->nlevels; l++)
    {
        const lc_schreier_level_struct * L = G->levels + l;

        if (L->sv[h[L->b]] == -2)
            return l;
        level_untrace(h, G, L);
    }
    return G->nlevels;
}

slong
_lc_group_strip(slong * h, const lc_group_t G)
{
    _lc_group_materialize((lc_group_struct *) G);
    return strip_from(h, G, 0);
}

/* Append h to the strong generators and to levels first..j (creating level
   j when j == nlevels), extending their orbits. */
static void
push_strong(lc_group_t G, const slong * h, slong first, slong j)
{
    slong n = G->n, s, l, i;

    if (j == G->nlevels)
    {
        for (i = 0; i < n && h[i] == i; i++)
            ;
        add_level(G, i);
    }
    if (G->nstrong == G->strong_alloc)
    {
        G->strong_alloc = 2 * G->strong_alloc + 4;
        G->strong = flint_realloc(G->strong, sizeof(slong) * G->strong_alloc * n);
        G->strong_inv = flint_realloc(G->strong_inv, sizeof(slong) * G->strong_alloc * n);
    }
    s = G->nstrong++;
    memcpy(G->strong + s * n, h, sizeof(slong) * n);
    _lc_perm_inv(G->strong_inv + s * n, h, n);
    for (l = first; l <= j; l++)
    {
        level_push_gen(G->levels + l, s);
        level_extend_orbit(G, G->levels + l);
    }
}

/* SCHREIERSIMS from level i down, assuming the levels below i complete. */
static void
run(lc_group_t G, slong i)
{
    slong n = G->n;
    slong * h = flint_malloc(sizeof(slong) * n), * u = flint_malloc(sizeof(slong) * n);
    slong * tmp = flint_malloc(sizeof(slong) * n);

    while (i >= 0)
    {
        lc_schreier_level_struct * L = G->levels + i;
        slong k, g, j = -1, len = L->len, ng = L->ngens;

        lc_limit_poll();    /* void: a stop unwinds (lib/limit) */

        for (k = 0; k < len && j < 0; k++)
        {
            slong x = L->orbit[k];

            if (k >= L->done_len || ng > L->done_gens)
                level_trace(u, tmp, G, L, x);
            for (g = (k < L->done_len ? L->done_gens : 0); g < ng; g++)
            {
                slong s = L->gens[g], y = G->strong[s * n + x];

                /* a tree edge gives the trivial Schreier generator */
                if (L->sv[y] == s && G->strong_inv[s * n + y] == x)
                    continue;
                _lc_perm_mul(h, u, G->strong + s * n, n);
                j = strip_from(h, G, i);
                if (j < G->nlevels || !_lc_perm_is_one(h, n))
                {
                    push_strong(G, h, i + 1, j);
                    break;
                }
                j = -1;
            }
        }
        if (j >= 0)
        {
            i = j;
            continue;
        }
        L->done_len = len;
        L->done_gens = ng;
        i--;
    }
    flint_free(h);
    flint_free(u);
    flint_free(tmp);
}

void
_lc_group_add_strong(lc_group_t G, const slong * g)
{
    slong n = G->n, j;
    slong * h;

    _lc_group_materialize(G);
    h = copy_slongs(g, n);

    j = strip_from(h, G, 0);
    if (j < G->nlevels || !_lc_perm_is_one(h, n))
    {
        push_strong(G, h, 0, j);
        run(G, j);
    }
    flint_free(h);
}

void
_lc_group_push_gen(lc_group_t G, const slong * g)
{
    G->gens = flint_realloc(G->gens, sizeof(slong) * (G->ngens + 1) * (G->n > 0 ? G->n : 1));
    if (G->n > 0)
        memcpy(G->gens + G->ngens * G->n, g, sizeof(slong) * G->n);
    G->ngens++;
}

void
_lc_group_close(lc_group_t G)
{
    slong k;

    for (k = 0; k < G->ngens; k++)
        _lc_group_add_strong(G, G->gens + k * G->n);
}


/* ------------------------------------------------ giants: S_n and A_n */

slong _lc_group_giant_min_degree = 24;

int
_lc_perm_is_even(const slong * g, slong n)
{
    char * seen = flint_calloc(n > 0 ? n : 1, 1);
    slong i, x, cycles = 0;

    for (i = 0; i < n; i++)
        if (!seen[i])
        {
            cycles++;
            for (x = i; !seen[x]; x = g[x])
                seen[x] = 1;
        }
    flint_free(seen);
    return (n - cycles) % 2 == 0;
}

/* Whether <gens> is transitive on 0..n-1. */
static int
giant_transitive(const slong * gens, slong ngens, slong n)
{
    char * seen = flint_calloc(n, 1);
    slong * orbit = flint_malloc(sizeof(slong) * n), len = 1, k, j;

    seen[0] = 1;
    orbit[0] = 0;
    for (k = 0; k < len; k++)
        for (j = 0; j < ngens; j++)
        {
            slong y = gens[j * n + orbit[k]];

            if (!seen[y])
            {
                seen[y] = 1;
                orbit[len++] = y;
            }
        }
    flint_free(seen);
    flint_free(orbit);
    return len == n;
}

static slong
uf_find(slong * parent, slong x)
{
    while (parent[x] != x)
    {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* Whether the transitive group <gens> is primitive: for every b, the
   finest block system in which 0 and b share a block (Atkinson's algorithm,
   Handbook of Computational Group Theory, sec. 4.3: union-find, merging the
   images of every merged pair) has one block. */
static int
giant_primitive(const slong * gens, slong ngens, slong n)
{
    slong * parent = flint_malloc(sizeof(slong) * n), * size = flint_malloc(sizeof(slong) * n);
    slong * qa = flint_malloc(sizeof(slong) * n), * qb = flint_malloc(sizeof(slong) * n);
    slong b, i, j, head, tail;
    int prim = 1;

    for (b = 1; b < n && prim; b++)
    {
        if (b % 64 == 0)
            lc_limit_poll();
        for (i = 0; i < n; i++)
        {
            parent[i] = i;
            size[i] = 1;
        }
        parent[b] = 0;
        size[0] = 2;
        qa[0] = 0;
        qb[0] = b;
        head = 0;
        tail = 1;
        while (head < tail)
        {
            slong x = qa[head], y = qb[head];

            head++;
            for (j = 0; j < ngens; j++)
            {
                slong u = uf_find(parent, gens[j * n + x]), v = uf_find(parent, gens[j * n + y]);

                if (u != v)
                {
                    if (size[u] < size[v])
                    {
                        slong t = u;

                        u = v;
                        v = t;
                    }
                    parent[v] = u;
                    size[u] += size[v];
                    /* at most n - 1 merges, so the queue never overflows */
                    qa[tail] = u;
                    qb[tail] = v;
                    tail++;
                }
            }
        }
        prim = size[uf_find(parent, 0)] == n;
    }
    flint_free(parent);
    flint_free(size);
    flint_free(qa);
    flint_free(qb);
    return prim;
}

/* Whether g has a cycle of prime length p with n/2 < p <= n - 3. */
static int
giant_jordan_element(const slong * g, slong n, char * seen)
{
    slong i, x, len;
    int found = 0;

    memset(seen, 0, n);
    for (i = 0; i < n && !found; i++)
        if (!seen[i])
        {
            for (x = i, len = 0; !seen[x]; x = g[x], len++)
                seen[x] = 1;
            found = 2 * len > n && len <= n - 3 && n_is_prime((ulong) len);
        }
    return found;
}

/* Whether pseudo-random elements of <gens> (product replacement with an
   accumulator, Leedham-Green and Murray's "rattle", from a fixed seed so
   that runs repeat) show an element with a Jordan cycle. */
static int
giant_jordan_search(const slong * gens, slong ngens, slong n, slong tries)
{
    slong r = FLINT_MAX(10, ngens + 1), i, t, a, c;
    slong * slot = flint_malloc(sizeof(slong) * r * n), * acc = flint_malloc(sizeof(slong) * n);
    slong * tmp = flint_malloc(sizeof(slong) * n);
    char * seen = flint_malloc(n);
    flint_rand_t st;
    int found = 0;

    flint_randinit(st);
    for (i = 0; i < r; i++)
        memcpy(slot + i * n, gens + (i % ngens) * n, sizeof(slong) * n);
    _lc_perm_one(acc, n);
    for (t = 0; t < 50 + tries && !found; t++)
    {
        a = n_randint(st, r);
        do
            c = n_randint(st, r);
        while (c == a);
        if (n_randint(st, 2))
            _lc_perm_mul(tmp, slot + a * n, slot + c * n, n);
        else
            _lc_perm_mul(tmp, slot + c * n, slot + a * n, n);
        memcpy(slot + a * n, tmp, sizeof(slong) * n);
        _lc_perm_mul(tmp, acc, slot + a * n, n);
        memcpy(acc, tmp, sizeof(slong) * n);
        if (t >= 50)
            found = giant_jordan_element(acc, n, seen);
    }
    flint_randclear(st);
    flint_free(slot);
    flint_free(acc);
    flint_free(tmp);
    flint_free(seen);
    return found;
}

/* LC_GROUP_SYMMETRIC or LC_GROUP_ALTERNATING when <gens> on 0..n-1 is
   certified to be S_n or A_n, else 0 (not a giant, or not recognized). */
static int
giant_kind(const slong * gens, slong ngens, slong n)
{
    slong k;

    if (n < _lc_group_giant_min_degree || n < 8 || ngens == 0)
        return 0;
    if (!giant_transitive(gens, ngens, n) || !giant_jordan_search(gens, ngens, n, 400)
        || !giant_primitive(gens, ngens, n))
        return 0;
    for (k = 0; k < ngens; k++)
        if (!_lc_perm_is_even(gens + k * n, n))
            return LC_GROUP_SYMMETRIC;
    return LC_GROUP_ALTERNATING;
}

void
_lc_group_set_giant(lc_group_t G, slong n, int kind)
{
    slong * g = flint_malloc(sizeof(slong) * n), i;
    lc_group_t T;

    lc_group_init(T, n);
    _lc_perm_one(g, n);
    if (kind == LC_GROUP_SYMMETRIC)
    {
        g[0] = 1;
        g[1] = 0;
        _lc_group_push_gen(T, g);
        for (i = 0; i < n; i++)
            g[i] = (i + 1) % n;
        _lc_group_push_gen(T, g);
    }
    else
    {
        g[0] = 1;
        g[1] = 2;
        g[2] = 0;
        _lc_group_push_gen(T, g);
        /* an n-cycle is even for n odd; for n even, (2, ..., n) */
        slong start = n % 2 == 1 ? 0 : 1;

        _lc_perm_one(g, n);
        for (i = start; i < n; i++)
            g[i] = i + 1 < n ? i + 1 : start;
        _lc_group_push_gen(T, g);
    }
    T->giant = kind;
    flint_free(g);
    lc_group_swap(G, T);
    lc_group_clear(T);
}

void
_lc_group_materialize(lc_group_struct * G)
{
    lc_group_t T;

    if (!G->giant || G->nlevels > 0 || G->n <= 1)
        return;
    /* built aside and moved in whole, so that a computation stopped on the
       way (lib/limit) leaves G as it was */
    lc_group_init(T, G->n);
    T->ngens = G->ngens;
    T->gens = copy_slongs(G->gens, G->ngens * G->n);
    _lc_group_close(T);
    flint_free(G->strong);
    flint_free(G->strong_inv);
    flint_free(G->levels);
    G->nstrong = T->nstrong;
    G->strong_alloc = T->strong_alloc;
    G->strong = T->strong;
    G->strong_inv = T->strong_inv;
    G->nlevels = T->nlevels;
    G->levels_alloc = T->levels_alloc;
    G->levels = T->levels;
    T->strong = T->strong_inv = NULL;
    T->levels = NULL;
    T->nlevels = T->nstrong = 0;
    lc_group_clear(T);
}

int
lc_group_set_perms_base(lc_group_t G, const lc_perm_struct * gens, slong ngens,
                        slong n_min, const slong * base, slong nbase, lc_err_t err)
{
    slong n = FLINT_MAX(n_min, 0), k, i;
    lc_group_t T;
    slong * g;

    for (k = 0; k < ngens; k++)
        n = FLINT_MAX(n, gens[k].n);
    if (n > LC_PERM_MAX_DEGREE)
        return lc_err_set(err, LC_E_LIMIT, "degree %ld exceeds the limit %d", (long) n, LC_PERM_MAX_DEGREE);
    for (k = 0; k < nbase; k++)
        if (base[k] < 0 || base[k] >= n)
            return lc_err_set(err, LC_E_ARG, "base point %ld outside 1..%ld", (long) base[k] + 1, (long) n);
    lc_group_init(T, n);
    for (k = 0; k < nbase; k++)
    {
        for (i = 0; i < k && base[i] != base[k]; i++)
            ;
        if (i == k)
            add_level(T, base[k]);
    }
    g = flint_malloc(sizeof(slong) * (n > 0 ? n : 1));
    for (k = 0; k < ngens; k++)
    {
        for (i = 0; i < n; i++)
            g[i] = lc_perm_image(gens + k, i);
        _lc_group_push_gen(T, g);
    }
    flint_free(g);
    /* a giant keeps no chain until one is needed (the base given must then
       come first, so not with a base) */
    if (nbase == 0)
        T->giant = giant_kind(T->gens, T->ngens, n);
    if (!T->giant)
        _lc_group_close(T);
    lc_group_swap(G, T);
    lc_group_clear(T);
    return LC_OK;
}

int
lc_group_set_perms(lc_group_t G, const lc_perm_struct * gens, slong ngens,
                   slong n_min, lc_err_t err)
{
    return lc_group_set_perms_base(G, gens, ngens, n_min, NULL, 0, err);
}

void
lc_group_gen(lc_perm_t p, const lc_group_t G, slong i)
{
    lc_err_t err;

    lc_perm_set_images(p, G->gens + i * G->n, G->n, err);
}

void
lc_group_order(fmpz_t o, const lc_group_t G)
{
    slong l;

    if (G->giant)
    {
        fmpz_fac_ui(o, (ulong) G->n);
        if (G->giant == LC_GROUP_ALTERNATING)
            fmpz_divexact_ui(o, o, 2);
        return;
    }
    fmpz_one(o);
    for (l = 0; l < G->nlevels; l++)
        fmpz_mul_ui(o, o, (ulong) G->levels[l].len);
}

slong
lc_group_order_si(const lc_group_t G)
{
    fmpz_t o;
    slong r;

    fmpz_init(o);
    lc_group_order(o, G);
    r = fmpz_fits_si(o) ? fmpz_get_si(o) : -1;
    fmpz_clear(o);
    return r;
}

int
lc_group_is_trivial(const lc_group_t G)
{
    slong l;

    if (G->giant)
        return 0;
    for (l = 0; l < G->nlevels; l++)
        if (G->levels[l].len > 1)
            return 0;
    return 1;
}

int
lc_group_contains(const lc_group_t G, const lc_perm_t p)
{
    slong n = G->n, i, * h;
    int r;

    if (lc_perm_support_degree(p) > n)
        return 0;
    h = flint_malloc(sizeof(slong) * (n > 0 ? n : 1));
    for (i = 0; i < n; i++)
        h[i] = lc_perm_image(p, i);
    if (G->giant)
        r = G->giant == LC_GROUP_SYMMETRIC || _lc_perm_is_even(h, n);
    else
        r = strip_from(h, G, 0) == G->nlevels && _lc_perm_is_one(h, n);
    flint_free(h);
    return r;
}

slong
lc_group_base(slong * base, const lc_group_t G)
{
    slong l;

    _lc_group_materialize((lc_group_struct *) G);
    if (base != NULL)
        for (l = 0; l < G->nlevels; l++)
            base[l] = G->levels[l].b;
    return G->nlevels;
}

/* ------------------------------------------------------------ perm sets */

static ulong
hash_perm(const slong * p, slong n)
{
    ulong h = UWORD(1469598103934665603);
    slong i;

    for (i = 0; i < n; i++)
        h = (h ^ (ulong) p[i]) * UWORD(1099511628211);
    return h ^ (h >> 29);
}

void
_lc_permset_init(lc_permset * S, slong n)
{
    slong i;

    S->n = n;
    S->len = 0;
    S->alloc = 16;
    S->elems = flint_malloc(sizeof(slong) * S->alloc * (n > 0 ? n : 1));
    S->tsize = 64;
    S->table = flint_malloc(sizeof(slong) * S->tsize);
    for (i = 0; i < S->tsize; i++)
        S->table[i] = -1;
}

void
_lc_permset_clear(lc_permset * S)
{
    flint_free(S->elems);
    flint_free(S->table);
}

slong
_lc_permset_find(const lc_permset * S, const slong * p)
{
    ulong mask = (ulong) S->tsize - 1, i = hash_perm(p, S->n) & mask;

    while (S->table[i] >= 0)
    {
        const slong * q = S->elems + S->table[i] * S->n;

        if (S->n == 0 || memcmp(p, q, sizeof(slong) * S->n) == 0)
            return S->table[i];
        i = (i + 1) & mask;
    }
    return -1;
}

slong
_lc_permset_add(lc_permset * S, const slong * p)
{
    slong k = _lc_permset_find(S, p), i, n = S->n;

    if (k >= 0)
        return k;
    if (S->len == S->alloc)
    {
        S->alloc *= 2;
        S->elems = flint_realloc(S->elems, sizeof(slong) * S->alloc * (n > 0 ? n : 1));
    }
    k = S->len++;
    if (n > 0)
        memcpy(S->elems + k * n, p, sizeof(slong) * n);
    if (2 * S->len > S->tsize)
    {
        S->tsize *= 2;
        S->table = flint_realloc(S->table, sizeof(slong) * S->tsize);
        for (i = 0; i < S->tsize; i++)
            S->table[i] = -1;
        for (i = 0; i < S->len; i++)
        {
            ulong mask = (ulong) S->tsize - 1, h = hash_perm(S->elems + i * n, n) & mask;

            while (S->table[h] >= 0)
                h = (h + 1) & mask;
            S->table[h] = i;
        }
        return k;
    }
    {
        ulong mask = (ulong) S->tsize - 1, h = hash_perm(p, n) & mask;

        while (S->table[h] >= 0)
            h = (h + 1) & mask;
        S->table[h] = k;
    }
    return k;
}
