/* group_impl.h -- helpers shared by perm.c, schreier.c, group.c and
 * group_mat.c; not installed. */
#ifndef LC_GROUP_IMPL_H
#define LC_GROUP_IMPL_H

#include <string.h>
#include "group.h"

typedef struct
{
    char * s;
    size_t len, alloc;
}
lc_sbuf;

void _lc_sbuf_init(lc_sbuf * b);
void _lc_sbuf_puts(lc_sbuf * b, const char * s);

/* Sort the indices idx[0..len) by the image lists el + idx[i] n, compared
   lexicographically (a stable merge sort; tmp has room for len). */
void _lc_perm_sort_idx(slong * idx, slong * tmp, slong len, const slong * el, slong n);

/* Raw image arrays of one degree n: r := p q (first p, then q); r must not
   alias p or q. */
static inline void
_lc_perm_mul(slong * r, const slong * p, const slong * q, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        r[i] = q[p[i]];
}

static inline void
_lc_perm_inv(slong * r, const slong * p, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        r[p[i]] = i;
}

static inline int
_lc_perm_is_one(const slong * p, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        if (p[i] != i)
            return 0;
    return 1;
}

static inline void
_lc_perm_one(slong * p, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        p[i] = i;
}

/* A set of image arrays of degree n, kept in one growing array (element k at
   elems + k n) with an open-addressing index. */
typedef struct
{
    slong n, len, alloc;
    slong * elems;
    slong * table;      /* -1 empty, else an element number */
    slong tsize;        /* a power of 2 */
}
lc_permset;

void _lc_permset_init(lc_permset * S, slong n);
void _lc_permset_clear(lc_permset * S);
/* The number of p in S, or -1. */
slong _lc_permset_find(const lc_permset * S, const slong * p);
/* Insert p (if absent); returns its number. */
slong _lc_permset_add(lc_permset * S, const slong * p);

/* The chain's sift: h := h u^-1 ... until h fixes every base point or a
   base image leaves an orbit; returns the level where it stopped (nlevels
   when it went through).  h is modified in place. */
slong _lc_group_strip(slong * h, const lc_group_t G);

/* Add a strong generator g (degree G->n) to G and complete the chain again. */
void _lc_group_add_strong(lc_group_t G, const slong * g);

/* Append a given generator (images of degree G->n), without touching the chain. */
void _lc_group_push_gen(lc_group_t G, const slong * g);

/* Complete G's chain for its given generators, after nothing or after more
   were pushed: each non-member becomes a strong generator. */
void _lc_group_close(lc_group_t G);

/* Groups of degree at least this are tested for being S_n or A_n before a
   chain is built (tests lower it to compare both ways). */
extern slong _lc_group_giant_min_degree;

/* Whether lc_group_class_sizes_sorted tries representatives before the
   walk (1, the default; the tests compare both). */
extern int _lc_group_classes_by_reps;
/* How many times the representatives closed the class equation (tests). */
extern slong _lc_group_classes_by_reps_done;
/* The backtrack searches of group_classes.c, for the unit test: |C_G(g)|,
   and whether g and h (image lists, in G) are conjugate, with a conjugating
   c (c^-1 g c = h) when c is not NULL; 0 when the node budget ran out. */
int _lc_group_centralizer_order(ulong * c, const lc_group_t G, const slong * g, slong budget);
int _lc_group_are_conjugate(int * conj, slong * c, const lc_group_t G, const slong * g,
                            const slong * h, slong budget);

/* Whether lc_group_conjugacy_classes takes the classes' least elements
   from class representatives (1, the default) before it walks the ranks
   (tests compare both), and how many times that succeeded. */
extern int _lc_group_classes_least_by_reps;
extern slong _lc_group_classes_least_by_reps_done;

/* Whether lc_group_conjugacy_classes gives Sym and Alt of the moved points
   their classes from partitions (1, the default) or walks them like any
   group (0; tests compare both). */
extern int _lc_group_classes_by_partitions;

/* Whether it splits a direct product of the image on one orbit and the
   image on the other points into its factors (1, the default) or not. */
extern int _lc_group_classes_by_products;

/* Build the chain of a recognized S_n or A_n (no-op otherwise).  The group
   does not change, only its cached chain: callers holding a const group
   may cast. */
void _lc_group_materialize(lc_group_struct * G);

/* G := S_n (kind LC_GROUP_SYMMETRIC, generators (1,2) and (1,2,...,n)) or
   A_n (LC_GROUP_ALTERNATING, generators (1,2,3) and (1,...,n) for n odd,
   (2,...,n) for n even), recognized without a chain; n >= 3. */
void _lc_group_set_giant(lc_group_t G, slong n, int kind);

/* Whether g (images of degree n) is an even permutation. */
int _lc_perm_is_even(const slong * g, slong n);

#endif
