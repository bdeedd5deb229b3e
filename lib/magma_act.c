/* magma_act.c -- group actions on finite sets (the action axioms with
 * witnesses, orbits from their definition, stabilizers, orbit-stabilizer,
 * invariant functions and the quantities of Murakami's Theorems 3 and 4),
 * conjugates, normalizers and the subgroup test. */
#include <stdlib.h>
#include <string.h>
#include "magma.h"
#include "magma_util.h"

#define PHI(g, d) phi[(g) * nd + (d)]

static void
div_si(fmpq_t x, slong k)
{
    fmpz_t z;

    fmpz_init_set_si(z, k);
    fmpq_div_fmpz(x, x, z);
    fmpz_clear(z);
}

int
lc_magma_action_check(slong * w, const lc_magma_t G, const slong * phi, slong nd,
                      int identity_axiom)
{
    slong g, h, d, e, ng = G->n;

    w[0] = w[1] = w[2] = -1;
    for (g = 0; g < ng; g++)
        for (d = 0; d < nd; d++)
            if (PHI(g, d) < 0 || PHI(g, d) >= nd)
            {
                w[0] = g, w[1] = d;
                return LC_MAGMA_ACT_RANGE;
            }
    if (identity_axiom)
    {
        if ((e = lc_magma_identity(G)) < 0)
            return LC_MAGMA_ACT_NO_ID;
        for (d = 0; d < nd; d++)
            if (PHI(e, d) != d)
            {
                w[0] = e, w[1] = d;
                return LC_MAGMA_ACT_IDENTITY;
            }
    }
    for (g = 0; g < ng; g++)
        for (h = 0; h < ng; h++)
            for (d = 0; d < nd; d++)
                if (PHI(lc_magma_op(G, g, h), d) != PHI(g, PHI(h, d)))
                {
                    w[0] = g, w[1] = h, w[2] = d;
                    return LC_MAGMA_ACT_COMPAT;
                }
    return LC_MAGMA_ACTION;
}

char *
lc_magma_action_get_str(int code, const slong * w, const lc_magma_t G, const slong * phi, slong nd,
                        int identity_axiom)
{
    lc_sb b = {NULL, 0, 0};

    switch (code)
    {
        case LC_MAGMA_ACTION:
            if (identity_axiom)
                lc_sb_printf(&b, "an action of %ld elements on %ld points: Phi(e, d) = d and "
                             "Phi(g*h, d) = Phi(g, Phi(h, d)) for all %ld triples", (long) G->n,
                             (long) nd, (long) (G->n * G->n * nd));
            else
                lc_sb_printf(&b, "Phi(g*h, d) = Phi(g, Phi(h, d)) for all %ld triples (the identity "
                             "axiom Phi(e, d) = d not examined)", (long) (G->n * G->n * nd));
            break;
        case LC_MAGMA_ACT_RANGE:
            lc_sb_printf(&b, "Phi(%ld, %ld) = %ld is not a point 1..%ld", (long) w[0] + 1,
                         (long) w[1] + 1, (long) PHI(w[0], w[1]) + 1, (long) nd);
            break;
        case LC_MAGMA_ACT_NO_ID:
            lc_sb_printf(&b, "the operation has no identity element, so Phi(e, d) = d cannot hold");
            break;
        case LC_MAGMA_ACT_IDENTITY:
            lc_sb_printf(&b, "the identity %ld moves a point: Phi(%ld, %ld) = %ld", (long) w[0] + 1,
                         (long) w[0] + 1, (long) w[1] + 1, (long) PHI(w[0], w[1]) + 1);
            break;
        default:
        {
            slong g = w[0], h = w[1], d = w[2], gh = lc_magma_op(G, g, h);
            lc_sb_printf(&b, "g = %ld, h = %ld, d = %ld: Phi(g*h, d) = Phi(%ld, %ld) = %ld but "
                         "Phi(g, Phi(h, d)) = Phi(%ld, %ld) = %ld", (long) g + 1, (long) h + 1,
                         (long) d + 1, (long) gh + 1, (long) d + 1, (long) PHI(gh, d) + 1,
                         (long) g + 1, (long) PHI(h, d) + 1, (long) PHI(g, PHI(h, d)) + 1);
        }
    }
    return lc_sb_take(&b);
}

slong
lc_magma_orbit(slong * orb, const slong * phi, slong ng, slong nd, slong d)
{
    slong g, x, k = 0;
    char * in = flint_calloc(nd + 1, 1);

    for (g = 0; g < ng; g++)
        in[PHI(g, d)] = 1;
    for (x = 0; x < nd; x++)
        if (in[x])
            orb[k++] = x;
    flint_free(in);
    return k;
}

int
lc_magma_orbits_partition(char ** why, const slong * phi, slong ng, slong nd)
{
    char * in = flint_calloc(nd * nd + 1, 1);   /* in[d*nd + x]: x in O_d */
    slong d, e, x, g, * orb = flint_malloc(sizeof(slong) * (nd + 1)), k;
    lc_sb b = {NULL, 0, 0};
    int ok = 1;

    for (d = 0; d < nd; d++)
        for (g = 0; g < ng; g++)
            in[d * nd + PHI(g, d)] = 1;
    for (d = 0; d < nd && ok; d++)
        if (!in[d * nd + d])
        {
            k = lc_magma_orbit(orb, phi, ng, nd, d);
            lc_sb_printf(&b, "%ld is not in its own orbit O_%ld = ", (long) d + 1, (long) d + 1);
            lc_sb_set(&b, orb, k);
            ok = 0;
        }
    for (d = 0; d < nd && ok; d++)
        for (e = d + 1; e < nd && ok; e++)
        {
            int meet = 0, same = 1;
            for (x = 0; x < nd; x++)
            {
                meet |= in[d * nd + x] && in[e * nd + x];
                same &= in[d * nd + x] == in[e * nd + x];
            }
            if (meet && !same)
            {
                lc_sb_printf(&b, "O_%ld = ", (long) d + 1);
                lc_sb_set(&b, orb, lc_magma_orbit(orb, phi, ng, nd, d));
                lc_sb_printf(&b, " and O_%ld = ", (long) e + 1);
                lc_sb_set(&b, orb, lc_magma_orbit(orb, phi, ng, nd, e));
                lc_sb_printf(&b, " meet but differ");
                ok = 0;
            }
        }
    if (ok)
    {
        slong norb = 0;
        lc_sb_printf(&b, "the orbits ");
        for (d = 0; d < nd; d++)
        {
            for (e = 0; e < d; e++)
                if (in[e * nd + d])
                    break;
            if (e < d)
                continue;   /* d lies in an earlier orbit */
            k = lc_magma_orbit(orb, phi, ng, nd, d);
            if (norb++)
                lc_sb_printf(&b, ", ");
            lc_sb_set(&b, orb, k);
        }
        lc_sb_printf(&b, " partition the %ld points", (long) nd);
    }
    flint_free(orb);
    flint_free(in);
    if (why != NULL)
        *why = lc_sb_take(&b);
    else
        flint_free(b.s);
    return ok;
}

slong
lc_magma_stabilizer(slong * st, const slong * phi, slong ng, slong nd, slong d)
{
    slong g, k = 0;

    for (g = 0; g < ng; g++)
        if (PHI(g, d) == d)
            st[k++] = g;
    return k;
}

slong
lc_magma_fixed_points(slong * fx, const slong * phi, slong ng, slong nd)
{
    slong g, d, k = 0;

    for (d = 0; d < nd; d++)
    {
        for (g = 0; g < ng; g++)
            if (PHI(g, d) != d)
                break;
        if (g == ng)
            fx[k++] = d;
    }
    return k;
}

int
lc_magma_orbit_stabilizer(char ** why, const slong * phi, slong ng, slong nd)
{
    slong * buf = flint_malloc(sizeof(slong) * (nd + ng + 1)), d, o, s;
    lc_sb b = {NULL, 0, 0};
    int ok = 1;

    for (d = 0; d < nd; d++)
    {
        o = lc_magma_orbit(buf, phi, ng, nd, d);
        s = lc_magma_stabilizer(buf, phi, ng, nd, d);
        if (o * s != ng)
        {
            if (ok)
                b.len = 0;
            lc_sb_printf(&b, "d = %ld: |O_d| |Stab_d| = %ld * %ld = %ld != |G| = %ld", (long) d + 1,
                         (long) o, (long) s, (long) (o * s), (long) ng);
            ok = 0;
            break;
        }
        lc_sb_printf(&b, "%s%ld: %ld = %ld * %ld", d ? "; " : "|G| = |O_d| |Stab_d| for d = ",
                     (long) d + 1, (long) ng, (long) o, (long) s);
    }
    flint_free(buf);
    if (why != NULL)
        *why = lc_sb_take(&b);
    else
        flint_free(b.s);
    return ok;
}

int
lc_magma_is_invariant(slong * w, const slong * phi, slong ng, slong nd, const fmpq * psi)
{
    slong g, d;

    for (g = 0; g < ng; g++)
        for (d = 0; d < nd; d++)
            if (!fmpq_equal(psi + PHI(g, d), psi + d))
            {
                if (w != NULL)
                    w[0] = g, w[1] = d;
                return 0;
            }
    return 1;
}

void
lc_magma_invariant_loss(fmpq * L, const slong * phi, slong ng, slong nd, const fmpq * psi)
{
    slong g, d;

    for (g = 0; g < ng; g++)
    {
        fmpq_zero(L + g);
        for (d = 0; d < nd; d++)
        {
            fmpq_add(L + g, L + g, psi + PHI(g, d));
            fmpq_sub(L + g, L + g, psi + d);
        }
    }
}

int
lc_magma_orbit_variances(fmpq * inter, fmpq * intra, const slong * phi, slong ng, slong nd,
                         const fmpq * psi, lc_err_t err)
{
    slong g, d, o, norb = 0, * lab, * cnt;
    fmpq * sum, * v;
    fmpq_t mean, t;

    if (!lc_magma_orbits_partition(NULL, phi, ng, nd))
        return lc_err_set(err, LC_E_DOMAIN, "the orbits do not partition the points");
    lab = flint_malloc(sizeof(slong) * nd);
    for (d = 0; d < nd; d++)
        lab[d] = -1;
    for (d = 0; d < nd; d++)
        if (lab[d] < 0)
        {
            for (g = 0; g < ng; g++)
                lab[PHI(g, d)] = norb;
            norb++;
        }
    cnt = flint_calloc(norb, sizeof(slong));
    sum = _fmpq_vec_init(norb);
    v = _fmpq_vec_init(nd);
    fmpq_init(mean);
    fmpq_init(t);
    for (d = 0; d < nd; d++)
        cnt[lab[d]]++;
    for (g = 0; g < ng; g++)
    {
        for (o = 0; o < norb; o++)
            fmpq_zero(sum + o);
        fmpq_zero(mean);
        for (d = 0; d < nd; d++)
        {
            fmpq_set(v + d, psi + PHI(g, d));
            fmpq_add(sum + lab[d], sum + lab[d], v + d);
            fmpq_add(mean, mean, v + d);
        }
        div_si(mean, nd);
        for (o = 0; o < norb; o++)
            div_si(sum + o, cnt[o]);   /* orbit means */
        fmpq_zero(inter + g);
        fmpq_zero(intra + g);
        for (d = 0; d < nd; d++)
        {
            fmpq_sub(t, sum + lab[d], mean);
            fmpq_addmul(inter + g, t, t);
            fmpq_sub(t, v + d, sum + lab[d]);
            fmpq_addmul(intra + g, t, t);
        }
        div_si(inter + g, nd);
        div_si(intra + g, nd);
    }
    fmpq_clear(mean);
    fmpq_clear(t);
    _fmpq_vec_clear(sum, norb);
    _fmpq_vec_clear(v, nd);
    flint_free(cnt);
    flint_free(lab);
    return LC_OK;
}

/* ----------------------------------------------------- normalizers */

static int
cmp_slong(const void * a, const void * b)
{
    slong x = *(const slong *) a, y = *(const slong *) b;
    return (x > y) - (x < y);
}

int
lc_magma_conj_set(slong * out, slong * nout, const lc_magma_t G, slong g, const slong * S,
                  slong ns, lc_err_t err)
{
    slong e = lc_magma_identity(G), gi, i, k = 0;
    char * in;

    if (e < 0)
        return lc_err_set(err, LC_E_DOMAIN, "the operation has no identity");
    if ((gi = lc_magma_inverse(G, e, g)) < 0)
        return lc_err_set(err, LC_E_DOMAIN, "element %ld has no inverse", (long) g + 1);
    in = flint_calloc(G->n + 1, 1);
    for (i = 0; i < ns; i++)
        in[lc_magma_op(G, lc_magma_op(G, g, S[i]), gi)] = 1;
    for (i = 0; i < G->n; i++)
        if (in[i])
            out[k++] = i;
    flint_free(in);
    *nout = k;
    return LC_OK;
}

int
lc_magma_normalizer(slong * N, slong * nn, const lc_magma_t G, const slong * S, slong ns,
                    lc_err_t err)
{
    slong * s = flint_malloc(sizeof(slong) * (ns + 1)), * c = flint_malloc(sizeof(slong) * (G->n + 1));
    slong g, k, i, ds = 0;
    int st = LC_OK;

    *nn = 0;
    if (!lc_magma_is_group(G))
        st = lc_err_set(err, LC_E_DOMAIN, "the table is not a group");
    /* S as a sorted set without repeats */
    memcpy(s, S, sizeof(slong) * ns);
    qsort(s, ns, sizeof(slong), cmp_slong);
    for (i = 0; i < ns; i++)
        if (i == 0 || s[i] != s[i - 1])
            s[ds++] = s[i];
    for (g = 0; g < G->n && st == LC_OK; g++)
    {
        if ((st = lc_magma_conj_set(c, &k, G, g, s, ds, err)) != LC_OK)
            break;
        if (k == ds && memcmp(c, s, sizeof(slong) * ds) == 0)
            N[(*nn)++] = g;
    }
    flint_free(s);
    flint_free(c);
    return st;
}

int
lc_magma_is_subgroup(char ** why, const lc_magma_t G, const slong * S, slong ns)
{
    char * in = flint_calloc(G->n + 1, 1);
    slong e = lc_magma_identity(G), i, j, inv;
    lc_sb b = {NULL, 0, 0};
    int ok = 1;

    for (i = 0; i < ns; i++)
        in[S[i]] = 1;
    if (ns == 0)
        lc_sb_printf(&b, "the subset is empty"), ok = 0;
    else if (e < 0)
        lc_sb_printf(&b, "the operation has no identity"), ok = 0;
    else if (!in[e])
        lc_sb_printf(&b, "the identity %ld is not in the subset", (long) e + 1), ok = 0;
    for (i = 0; i < ns && ok; i++)
        for (j = 0; j < ns && ok; j++)
            if (lc_magma_op(G, S[i], S[j]) < 0 || lc_magma_op(G, S[i], S[j]) >= G->n
                || !in[lc_magma_op(G, S[i], S[j])])
            {
                lc_sb_printf(&b, "%ld*%ld = %ld is not in the subset", (long) S[i] + 1,
                             (long) S[j] + 1, (long) lc_magma_op(G, S[i], S[j]) + 1);
                ok = 0;
            }
    for (i = 0; i < ns && ok; i++)
        if ((inv = lc_magma_inverse(G, e, S[i])) < 0 || !in[inv])
        {
            if (inv < 0)
                lc_sb_printf(&b, "%ld has no inverse", (long) S[i] + 1);
            else
                lc_sb_printf(&b, "the inverse %ld of %ld is not in the subset", (long) inv + 1,
                             (long) S[i] + 1);
            ok = 0;
        }
    if (ok)
    {
        slong * s = flint_malloc(sizeof(slong) * ns), k = 0;
        for (i = 0; i < G->n; i++)
            if (in[i])
                s[k++] = i;
        lc_sb_set(&b, s, k);
        lc_sb_printf(&b, " is a subgroup of order %ld: contains the identity %ld, closed under the "
                     "operation and under inverses", (long) k, (long) e + 1);
        flint_free(s);
    }
    flint_free(in);
    if (why != NULL)
        *why = lc_sb_take(&b);
    else
        flint_free(b.s);
    return ok;
}

int
lc_magma_normalizers_are_subgroups(int * holds, char ** cert, const lc_magma_t G,
                                   lc_err_t err)
{
    slong * s, ns, * N, nn, mask, i, total, bad = -1;
    char * why = NULL;
    lc_sb b = {NULL, 0, 0};
    int st = LC_OK;

    *holds = 0;
    *cert = NULL;
    if (G->n > LC_MAGMA_MAX_SUBSETS_ORDER)
        return lc_err_set(err, LC_E_LIMIT, "at most %d elements (2^n subsets)",
                          LC_MAGMA_MAX_SUBSETS_ORDER);
    if (!lc_magma_is_group(G))
        return lc_err_set(err, LC_E_DOMAIN, "the table is not a group");
    total = WORD(1) << G->n;
    s = flint_malloc(sizeof(slong) * (G->n + 1));
    N = flint_malloc(sizeof(slong) * (G->n + 1));
    for (mask = 0; mask < total && bad < 0 && st == LC_OK; mask++)
    {
        for (ns = 0, i = 0; i < G->n; i++)
            if (mask >> i & 1)
                s[ns++] = i;
        if ((st = lc_magma_normalizer(N, &nn, G, s, ns, err)) == LC_OK
            && !lc_magma_is_subgroup(&why, G, N, nn))
            bad = mask;
        else
        {
            flint_free(why);
            why = NULL;
        }
    }
    if (st == LC_OK)
    {
        /* on failure s, N and why still describe the subset at mask bad */
        if (bad < 0)
            lc_sb_printf(&b, "for all %ld subsets S of the %ld elements, N(S) is a subgroup",
                         (long) total, (long) G->n);
        else
        {
            lc_sb_printf(&b, "the subset with bit mask %ld has a normalizer that is not a "
                         "subgroup: S = ", (long) bad);
            lc_sb_set(&b, s, ns);
            lc_sb_cat(&b, ", N(S) = ");
            lc_sb_set(&b, N, nn);
            lc_sb_printf(&b, ": %s", why);
        }
        *cert = lc_sb_take(&b);
        *holds = bad < 0;
    }
    flint_free(why);
    flint_free(s);
    flint_free(N);
    return st;
}
