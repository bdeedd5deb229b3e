/* group.h -- finite groups: permutations, permutation groups with a
 * stabilizer chain, and small matrix groups.
 *
 * Permutations act on {0, ..., n-1} (1-based only in text: "(1,2,3)(4,5)").
 * Products are read left to right, as in GAP: p * q is "first p, then q",
 * i^(pq) = (i^p)^q.  A permutation of degree n also stands for its extension
 * by fixed points to any larger degree; equality ignores the degree.
 *
 * A permutation group keeps the generators it was given (in order, so that a
 * word in them has a meaning) and a base and strong generating set built by
 * the deterministic Schreier-Sims algorithm with Schreier vectors (Holt, Eick,
 * O'Brien, Handbook of Computational Group Theory, sec. 4.4).  Order and
 * membership come from the chain and are exact for any order (the Rubik's
 * cube group included); subgroups (derived series, lower central series) are
 * normal closures, never enumerations.  S_n and A_n of degree >= 24 are
 * recognized by Jordan's theorem (with a certificate) and need no chain for
 * order, membership, series, normal closures and centre (schreier.c).  Conjugacy
 * classes walk the ranks of the elements in the chain (group_classes.c); only
 * element lists and the centre's fallback enumerate; each is under an
 * explicit limit.
 *
 * Matrix groups (rational, modulo a prime, or over Q(sqrt d)) are enumerated
 * by closure under their generators, with an explicit limit on the order,
 * and become the permutation group of their right regular action, so every
 * function on permutation groups applies. */
#ifndef LC_GROUP_H
#define LC_GROUP_H

#include "qmat.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest degree liecheck accepts for permutations and permutation groups. */
#define LC_PERM_MAX_DEGREE 4096

/* Default limits on enumerations (elements, classes, centre, matrix groups). */
#define LC_GROUP_ENUM_LIMIT 100000
/* Default limit on the order for conjugacy classes (lib/group_classes.c:
   a bitmap of |G| bits, no list of elements). */
#define LC_GROUP_CLASSES_LIMIT 20000000
#define LC_GROUP_MATRIX_LIMIT LC_PERM_MAX_DEGREE

/* --------------------------------------------------------- permutations */

typedef struct
{
    slong n;        /* degree */
    slong * img;    /* img[i] = i^p */
}
lc_perm_struct;

typedef lc_perm_struct lc_perm_t[1];

/* p := the identity of degree n (n >= 0). */
void lc_perm_init(lc_perm_t p, slong n);
void lc_perm_clear(lc_perm_t p);
void lc_perm_set(lc_perm_t p, const lc_perm_t q);
void lc_perm_swap(lc_perm_t p, lc_perm_t q);
/* p := the identity, keeping the degree. */
void lc_perm_one(lc_perm_t p);
/* Extend p by fixed points to degree n (no-op when n <= degree). */
void lc_perm_extend(lc_perm_t p, slong n);

/* p := the permutation with i^p = img[i] (0-based); LC_E_ARG unless img is a
   permutation of 0..n-1, LC_E_LIMIT beyond LC_PERM_MAX_DEGREE. */
int lc_perm_set_images(lc_perm_t p, const slong * img, slong n, lc_err_t err);

/* p := the permutation written in cycle notation, 1-based: "(1,2,3)(4,5)",
   "()" or "" for the identity; spaces are ignored.  Cycles need not be
   disjoint (they are multiplied left to right).  The degree is the largest
   point named.  LC_E_PARSE with the position on malformed text. */
int lc_perm_set_str(lc_perm_t p, const char * s, lc_err_t err);

/* Cycle notation, 1-based, each cycle starting at its least point, cycles by
   their least point, fixed points omitted, "()" for the identity; flint_free
   the result. */
char * lc_perm_get_str(const lc_perm_t p);

/* r := p * q (first p, then q); r may alias p or q. */
void lc_perm_mul(lc_perm_t r, const lc_perm_t p, const lc_perm_t q);
void lc_perm_inv(lc_perm_t r, const lc_perm_t p);
/* r := p^e for any integer e. */
void lc_perm_pow(lc_perm_t r, const lc_perm_t p, const fmpz_t e);
/* r := [p, q] = p^-1 q^-1 p q. */
void lc_perm_comm(lc_perm_t r, const lc_perm_t p, const lc_perm_t q);

/* The order (lcm of the cycle lengths); may exceed 64 bits. */
void lc_perm_order(fmpz_t o, const lc_perm_t p);

int lc_perm_is_one(const lc_perm_t p);
int lc_perm_equal(const lc_perm_t p, const lc_perm_t q);
/* 1 + the largest moved point (0 for the identity). */
slong lc_perm_support_degree(const lc_perm_t p);
/* i^p, with i^p = i for i beyond the degree. */
static inline slong lc_perm_image(const lc_perm_t p, slong i)
{
    return i < p->n ? p->img[i] : i;
}

/* ------------------------------------------------ permutation groups */

/* One level of the stabilizer chain: the orbit of base point b under the
   strong generators that fix the earlier base points, with its Schreier
   vector (sv[x] = index of the strong generator s with parent^s = x, -1 for
   b itself, -2 for points outside the orbit). */
typedef struct
{
    slong b;
    slong * orbit;
    slong len;
    slong * sv;
    slong * gens;       /* indices into the strong generators */
    slong ngens, gens_alloc;
    slong done_len, done_gens;   /* Schreier generators already tested */
}
lc_schreier_level_struct;

typedef struct
{
    slong n;                        /* degree */
    slong ngens;                    /* the generators as given (degree n) */
    slong * gens;                   /* ngens * n images */
    slong nstrong, strong_alloc;
    slong * strong;                 /* strong generators, images, nstrong * n */
    slong * strong_inv;             /* and their inverses */
    slong nlevels, levels_alloc;
    lc_schreier_level_struct * levels;
    /* LC_GROUP_SYMMETRIC or LC_GROUP_ALTERNATING when the group was
       recognized as S_n or A_n on its n points (Jordan's theorem; see
       schreier.c), 0 otherwise.  A recognized group keeps no chain until a
       function needs one (order and membership never do). */
    int giant;
}
lc_group_struct;

#define LC_GROUP_SYMMETRIC 1
#define LC_GROUP_ALTERNATING 2

typedef lc_group_struct lc_group_t[1];

/* G := the trivial group of degree n. */
void lc_group_init(lc_group_t G, slong n);
void lc_group_clear(lc_group_t G);
void lc_group_set(lc_group_t G, const lc_group_t H);
void lc_group_swap(lc_group_t G, lc_group_t H);

/* G := <gens>, acting on max(degree) points (at least n_min).  LC_E_LIMIT
   beyond LC_PERM_MAX_DEGREE. */
int lc_group_set_perms(lc_group_t G, const lc_perm_struct * gens, slong ngens,
                       slong n_min, lc_err_t err);

/* As lc_group_set_perms, but the base starts with the given points (in that
   order); the stabilizers of their prefixes are then the chain's levels. */
int lc_group_set_perms_base(lc_group_t G, const lc_perm_struct * gens, slong ngens,
                            slong n_min, const slong * base, slong nbase, lc_err_t err);

static inline slong lc_group_degree(const lc_group_t G) { return G->n; }
static inline slong lc_group_ngens(const lc_group_t G) { return G->ngens; }
/* p := the i-th given generator (0-based). */
void lc_group_gen(lc_perm_t p, const lc_group_t G, slong i);

void lc_group_order(fmpz_t o, const lc_group_t G);
/* The order when it fits an slong, else -1. */
slong lc_group_order_si(const lc_group_t G);
int lc_group_is_trivial(const lc_group_t G);

/* Whether p lies in G (a permutation moving points beyond the degree does not). */
int lc_group_contains(const lc_group_t G, const lc_perm_t p);
/* Whether every generator of H lies in G; equality of groups. */
int lc_group_is_subgroup(const lc_group_t H, const lc_group_t G);
int lc_group_equal(const lc_group_t G, const lc_group_t H);

/* The base points of the chain (nbase of them). */
slong lc_group_base(slong * base, const lc_group_t G);

/* N := the normal closure of the elements xs of G in G: the smallest normal
   subgroup of G containing them.  LC_E_ARG, naming the first, when some x
   is not in G (N is then unchanged). */
int lc_group_normal_closure(lc_group_t N, const lc_group_t G,
                            const lc_perm_struct * xs, slong nxs, lc_err_t err);
/* C := [H, K] for subgroups H, K of G with K normal in <H, K> (for example
   H = G and K normal in G): the normal closure in <H, K> of the commutators
   of their generators. */
void lc_group_commutator(lc_group_t C, const lc_group_t H, const lc_group_t K);
/* D := [G, G]. */
void lc_group_derived(lc_group_t D, const lc_group_t G);

/* The orders of G, G', G'', ... and of G, [G, G], [G, [G, G]], ... up to and
   including the first term of order 1 or equal to its predecessor (S4:
   [24, 12, 4, 1]; A5: [60, 60]).  *orders is a new array of fmpz (free with
   _fmpz_vec_clear(*orders, len)); returns len. */
slong lc_group_derived_series(fmpz ** orders, const lc_group_t G);
slong lc_group_lower_central_series(fmpz ** orders, const lc_group_t G);

int lc_group_is_abelian(const lc_group_t G);
int lc_group_is_solvable(const lc_group_t G);
int lc_group_is_perfect(const lc_group_t G);
int lc_group_is_nilpotent(const lc_group_t G);
/* The least k with G^(k) = 1 (0 for the trivial group); -1 if not solvable. */
slong lc_group_derived_length(const lc_group_t G);
/* The nilpotency class (length of the lower central series to 1); -1 if not
   nilpotent. */
slong lc_group_nilpotency_class(const lc_group_t G);

/* *elems := the elements of G, sorted by their image lists (the identity
   first), as |G| * n images; *len := |G|.  LC_E_LIMIT when |G| > limit. */
int lc_group_elements(slong ** elems, slong * len, const lc_group_t G,
                      slong limit, lc_err_t err);

/* The conjugacy classes, as orbits of the conjugation action on the ranks
   of the elements in the stabilizer chain (a bitmap of |G| bits; the
   elements are never listed): *nclasses and, when sizes != NULL, a new
   array of the class sizes (of the classes by their least element, image
   lists compared as lc_group_elements sorts them; flint_free it).
   LC_E_LIMIT when |G| > limit or |G| >= 2^32, or when the bitmap, the queue
   (4 bytes per element of a class) and the tables pass the memory limit.
   Sym and Alt of the moved points (|G| = m! or m!/2) are done from the
   partitions of m instead (no walk, no 2^32 bound), and a direct product of
   the images on an orbit and on the other points factor by factor. */
int lc_group_conjugacy_classes(slong * nclasses, slong ** sizes, const lc_group_t G,
                               slong limit, lc_err_t err);

/* *nclasses := the number of conjugacy classes of G, *sizes (when not NULL)
   := their sizes in increasing order (flint_free it).  By representatives
   (centralizer orders and conjugacy tests by backtrack in the stabilizer
   chain, candidates from powers, centralizers and random elements), certified
   by the class equation: the sizes of the classes of pairwise non-conjugate
   representatives add up to |G|.  Past its budgets it falls back to
   lc_group_conjugacy_classes (sorted), with its limits and errors; Sym and
   Alt of the moved points go to the partitions directly.  LC_E_LIMIT when
   |G| > limit. */
int lc_group_class_sizes_sorted(slong * nclasses, slong ** sizes, const lc_group_t G,
                                slong limit, lc_err_t err);

/* Z := the centre of G, found among the enumerated elements; LC_E_LIMIT
   when |G| > limit. */
int lc_group_centre(lc_group_t Z, const lc_group_t G, slong limit, lc_err_t err);

/* The orbit of point x under G, sorted; returns its length (orbit must have
   room for the degree).  x beyond the degree has orbit {x}. */
slong lc_group_orbit(slong * orbit, const lc_group_t G, slong x);
/* H := the stabilizer of the point x in G. */
void lc_group_stabilizer(lc_group_t H, const lc_group_t G, slong x);

/* The word problem.  A word is a list of letters: k > 0 is generator k
   (1-based, as given), -k its inverse.  prefixes[t] := the product of the
   first t+1 letters (prefixes must hold len initialised permutations, or be
   NULL); *is_one := whether the whole word is the identity.  LC_E_ARG for a
   letter outside +-1..ngens. */
int lc_group_word_products(lc_perm_struct * prefixes, int * is_one, const lc_group_t G,
                           const slong * word, slong len, lc_err_t err);

/* "group of order 60 on 5 points"; flint_free it. */
char * lc_group_get_str(const lc_group_t G);

/* ------------------------------------------------------ matrix groups */

/* G := the regular permutation representation of the finite matrix group
   generated by the square matrices gens (all k x k): elements are found by
   closure under right multiplication by the generators, numbered in the
   order found (the identity is 0), and generator g acts by x -> x g.
     - over Q: modulus 0, sqrt_d 0;
     - modulo a prime p: modulus p (entries are reduced; a denominator must
       be invertible mod p);
     - over Q(sqrt d) (d not a square, sqrt_d = d): the i-th matrix is
       gens[i] + sqrt(d) * gens_sqrt[i] (gens_sqrt may be NULL when d = 0).
   When elements != NULL it receives the elements in that numbering, as
   2 * order matrices (rational part, sqrt part), initialised here; free
   them with lc_group_matrices_clear.  LC_E_LIMIT when the group has more
   than limit elements (it may be infinite), LC_E_SINGULAR for a singular
   generator, LC_E_DIM for shapes. */
int lc_group_matrix(lc_group_t G, fmpq_mat_struct ** elements, const fmpq_mat_struct * gens,
                    const fmpq_mat_struct * gens_sqrt, slong ngens, const fmpz_t modulus,
                    slong sqrt_d, slong limit, lc_err_t err);

void lc_group_matrices_clear(fmpq_mat_struct * elements, slong order);

/* G := the icosahedral rotation group in SO(3), exactly over Q(sqrt 5), as
   the regular permutation group of its 60 elements (isomorphic to A5).
   Generators: the coordinate shift [[0,0,1],[1,0,0],[0,1,0]] (order 3) and
   the rotation of order 5 (1/2) [[1, -phi, 1/phi], [phi, 1/phi, -1],
   [1/phi, 1, phi]], phi = (1 + sqrt 5)/2.  elements as in lc_group_matrix. */
int lc_group_icosahedral(lc_group_t G, fmpq_mat_struct ** elements, lc_err_t err);

#ifdef __cplusplus
}
#endif

#endif
