/* magma.h -- finite operations given by their Cayley tables: group axioms
 * with witnesses, tables built from matrices and permutations,
 * homomorphisms, group actions (orbits, stabilizers, orbit-stabilizer),
 * normalizers and subgroups.
 *
 * Written to check Murakami's "Unifying individual machine learning models
 * through group theory", which declares sets of models to be groups without
 * defining the operation: once an operation is given as a finite table,
 * every axiom is decided exactly, and each failure comes with the elements
 * that witness it.
 *
 * Elements are 0, ..., n-1.  A table t has n*n entries, t[a*n + b] = a*b; an
 * entry outside 0..n-1 (kept as given, or -1 for "a product outside the set")
 * makes the operation non-closed.  An action of a table with ng elements on
 * nd points is an ng x nd array phi, phi[g*nd + d] = Phi(g, d).  Subsets are
 * arrays of distinct elements.  Witnesses in texts are 1-based, as in the
 * language. */
#ifndef LC_MAGMA_H
#define LC_MAGMA_H

#include "qmat.h"
#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest order of a table (associativity examines n^3 triples). */
#define LC_MAGMA_MAX_ORDER 512
/* Largest set acted on. */
#define LC_MAGMA_MAX_POINTS 1024

typedef struct
{
    slong n;
    slong * t;
}
lc_magma_struct;

typedef lc_magma_struct lc_magma_t[1];

#define lc_magma_op(M, a, b) ((M)->t[(a) * (M)->n + (b)])

void lc_magma_init(lc_magma_t M);
void lc_magma_clear(lc_magma_t M);
/* Resize to order n; every entry becomes -1. */
void lc_magma_resize(lc_magma_t M, slong n);

/* From a 1-based table (square, integer entries): LC_E_DIM if not square,
   LC_E_ARG for a non-integer entry, LC_E_LIMIT beyond LC_MAGMA_MAX_ORDER.
   Entries outside 1..n are kept (closure then fails). */
int lc_magma_set_fmpq_mat(lc_magma_t M, const fmpq_mat_t T, lc_err_t err);
/* T := the 1-based table. */
void lc_magma_get_fmpq_mat(fmpq_mat_t T, const lc_magma_t M);

/* Z_n under a op b mod n, op one of '+', '-', '*' (1 <= n <= max order). */
int lc_magma_set_mod(lc_magma_t M, slong n, char op, lc_err_t err);

/* The k permutations p (k rows of deg entries, 0-based images) under
   composition, (p_a * p_b)(i) = p_a(p_b(i)): apply p_b first, as for the
   matrix product.  LC_E_ARG: a row is not a permutation, or two are equal.
   LC_E_DOMAIN: a composite is not among them; the message names the first
   such pair and the composite, and the table holds -1 there. */
int lc_magma_set_perms(lc_magma_t M, const slong * p, slong k, slong deg, lc_err_t err);

/* The k square matrices A under multiplication, with entries reduced mod m
   when m > 0 (then the entries must be integers).  Errors as for
   lc_magma_set_perms, plus LC_E_DIM for sizes that differ. */
int lc_magma_set_mats(lc_magma_t M, const fmpq_mat_struct * A, slong k, slong m, lc_err_t err);

/* *elems := the closure of the generators under multiplication (mod m when
   m > 0), generators first, then in breadth-first order; *k its size.  For
   invertible generators of finite order this is the group they generate.
   LC_E_LIMIT when more than max elements appear.  The caller clears the k
   matrices and flint_free's *elems. */
int lc_magma_generate_mats(fmpq_mat_struct ** elems, slong * k, const fmpq_mat_struct * gens,
                           slong ngens, slong m, slong max, lc_err_t err);

/* ------------------------------------------------------------- axioms */

typedef struct
{
    int closed;         /* every entry in 0..n-1; else the first (a, b) */
    slong cl[3];        /* a, b, a*b as stored */
    int associative;    /* decided only when closed; else the first (a, b, c) */
    slong as[3];
    int commutative;
    slong cm[2];
    slong identity;     /* the two-sided identity, or -1 */
    slong * idw;        /* no identity: idw[e] = an x with e*x != x or x*e != x */
    int inverses;       /* with an identity: every a has a two-sided inverse */
    slong noinv;        /* else the first a without one (-1) */
    int group;          /* closed, associative, identity, inverses */
}
lc_magma_axioms_struct;

typedef lc_magma_axioms_struct lc_magma_axioms_t[1];

void lc_magma_axioms_init(lc_magma_axioms_t A);
void lc_magma_axioms_clear(lc_magma_axioms_t A);

/* Decide all axioms of M exactly (n^3 for associativity). */
void lc_magma_axioms(lc_magma_axioms_t A, const lc_magma_t M);
/* One line per axiom, each failure with its witnesses (1-based);
   flint_free it. */
char * lc_magma_axioms_get_str(const lc_magma_axioms_t A, const lc_magma_t M);

int lc_magma_is_closed(const lc_magma_t M);
/* Closed and associative; w (may be NULL) := the first failing triple. */
int lc_magma_is_associative(slong * w, const lc_magma_t M);
int lc_magma_is_commutative(slong * w, const lc_magma_t M);
/* The two-sided identity, or -1. */
slong lc_magma_identity(const lc_magma_t M);
/* The two-sided inverse of a with respect to e, or -1. */
slong lc_magma_inverse(const lc_magma_t M, slong e, slong a);
int lc_magma_is_group(const lc_magma_t M);
/* z := the elements with z*m = z for every m (left absorbing); returns how
   many.  In a group that happens only for the trivial group. */
slong lc_magma_left_absorbing(slong * z, const lc_magma_t M);

/* All group tables on {0, ..., n-1} (n <= 3: at most 3^9 tables examined);
   *out is flint_malloc'ed, each initialised (clear them). */
int lc_magma_all_groups(lc_magma_struct ** out, slong * k, slong n, lc_err_t err);

/* The dimension of the space of maps F: M -> R with F(a*b) = F(a) + F(b)
   (homomorphisms to (R, +)).  The conditions are linear with rational
   coefficients, so the dimension over R equals the rank deficiency over Q,
   computed exactly.  0 means F = 0 is the only one.  M must be closed;
   n <= 64. */
int lc_magma_additive_dim(slong * dim, const lc_magma_t M, lc_err_t err);

/* ------------------------------------------------------- homomorphisms */

/* Whether h (G->n images in 0..H->n-1) satisfies h(a*b) = h(a) o h(b); w
   (may be NULL) := the first failing pair.  Both tables must be closed. */
int lc_magma_is_hom(slong * w, const lc_magma_t G, const lc_magma_t H, const slong * h);
/* ker := the a with h(a) = identity of H (-1 when H has none); returns the
   size. */
slong lc_magma_kernel(slong * ker, const lc_magma_t G, const lc_magma_t H, const slong * h);
/* im := the distinct images, increasing; returns the size. */
slong lc_magma_image(slong * im, slong ng, slong nh, const slong * h);

/* ------------------------------------------------------------- actions */

enum
{
    LC_MAGMA_ACTION = 0,    /* an action */
    LC_MAGMA_ACT_RANGE,     /* Phi(g, d) outside the set: w = g, d */
    LC_MAGMA_ACT_COMPAT,    /* Phi(g*h, d) != Phi(g, Phi(h, d)): w = g, h, d */
    LC_MAGMA_ACT_IDENTITY,  /* Phi(e, d) != d: w = e, d */
    LC_MAGMA_ACT_NO_ID      /* the group has no identity */
};

/* Check the action axioms of phi (G->n x nd): compatibility always, and
   Phi(e, d) = d when identity_axiom is set.  Returns one of the codes above
   with its witness in w (3 entries).  G must be closed. */
int lc_magma_action_check(slong * w, const lc_magma_t G, const slong * phi, slong nd,
                          int identity_axiom);
/* The text of the result of lc_magma_action_check (1-based), saying
   whether the identity axiom was examined; flint_free it. */
char * lc_magma_action_get_str(int code, const slong * w, const lc_magma_t G, const slong * phi,
                               slong nd, int identity_axiom);

/* orb := O_d = {Phi(g, d) : g}, increasing; returns |O_d|. */
slong lc_magma_orbit(slong * orb, const slong * phi, slong ng, slong nd, slong d);
/* Whether the sets O_d (taken from the definition) partition the points:
   every d lies in O_d and two of them are equal or disjoint.  why (may be
   NULL) := the orbits or the failure; flint_free it. */
int lc_magma_orbits_partition(char ** why, const slong * phi, slong ng, slong nd);
/* st := {g : Phi(g, d) = d}; returns its size. */
slong lc_magma_stabilizer(slong * st, const slong * phi, slong ng, slong nd, slong d);
/* fx := the points fixed by every g; returns how many. */
slong lc_magma_fixed_points(slong * fx, const slong * phi, slong ng, slong nd);
/* Whether |G| = |O_d| |Stab_d| for every d; why := the counts or the
   failing d. */
int lc_magma_orbit_stabilizer(char ** why, const slong * phi, slong ng, slong nd);

/* Whether psi (nd values) is invariant, psi(Phi(g, d)) = psi(d); w := the
   first failing g, d. */
int lc_magma_is_invariant(slong * w, const slong * phi, slong ng, slong nd, const fmpq * psi);
/* L[g] := sum_d psi(Phi(g, d)) - psi(d) (the loss of Murakami's Thm. 3). */
void lc_magma_invariant_loss(fmpq * L, const slong * phi, slong ng, slong nd, const fmpq * psi);
/* For each g, the between-orbit (inter) and within-orbit (intra) variance
   of the values psi(Phi(g, d)), d in D, grouped by the orbit of d and
   weighted by points: inter[g] = sum_O |O|/|D| (mean_O - mean)^2,
   intra[g] = sum_O sum_{d in O} (v_d - mean_O)^2 / |D|.  The orbits must
   partition D. */
int lc_magma_orbit_variances(fmpq * inter, fmpq * intra, const slong * phi, slong ng, slong nd,
                             const fmpq * psi, lc_err_t err);

/* -------------------------------------------- subgroups and normalizers */

/* out := g S g^-1 as a set, increasing (*nout its size).  LC_E_DOMAIN when
   G has no identity or g no inverse. */
int lc_magma_conj_set(slong * out, slong * nout, const lc_magma_t G, slong g, const slong * S,
                      slong ns, lc_err_t err);
/* N := {g : g S g^-1 = S} (Murakami's Def. 7), increasing; G must be a
   group (LC_E_DOMAIN otherwise). */
int lc_magma_normalizer(slong * N, slong * nn, const lc_magma_t G, const slong * S, slong ns,
                        lc_err_t err);
/* Whether S is a subgroup: non-empty, contains the identity, closed, and
   closed under inverses; why := the reason or the failing elements. */
int lc_magma_is_subgroup(char ** why, const lc_magma_t G, const slong * S, slong ns);

/* Largest order lc_magma_normalizers_are_subgroups accepts (2^n subsets). */
#define LC_MAGMA_MAX_SUBSETS_ORDER 12

/* Murakami's Lemma 6 exhaustively: for every subset S of the group G (all
   2^n, in the order of their bit masks, element i being bit i), whether N(S)
   is a subgroup (lc_magma_is_subgroup).  *holds := 1 and *cert := "for all
   64 subsets S of the 6 elements, N(S) is a subgroup", or 0 and *cert := the
   first subset whose normalizer is not one, with S, N(S) and the reason
   (1-based).  flint_free *cert (NULL on error).  LC_E_LIMIT beyond
   LC_MAGMA_MAX_SUBSETS_ORDER elements, LC_E_DOMAIN when G is not a group. */
int lc_magma_normalizers_are_subgroups(int * holds, char ** cert, const lc_magma_t G,
                                       lc_err_t err);

#ifdef __cplusplus
}
#endif

#endif
