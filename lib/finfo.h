/* finfo.h -- the finite-information principle (Ma & Ying, Sec. 3.3, eq. 3.2).
 *
 * With Y = Z^T X of size k x n, eq. (3.2) builds g(Y) from products
 *     W_0 Y~_1 W_1 Y~_2 ... Y~_K W_K,      Y~_i in {Y, Y^T},
 * whose parameter matrices W_j must have sizes that do not depend on n
 * (Assumption 3.1).  A slot W_j is either a parameter ('W') or left empty
 * ('I': an identity of the fitting size, possibly I_n, which carries no
 * parameter).  Shape algebra: every size is the symbol n or a constant (k,
 * or a free constant); n is generic, so it never meets a constant.  A word
 * is admissible when its chain of sizes fits for every n and the product is
 * n x n.
 *
 * Theorem (proved in doc/finfo.md, confirmed here by exhaustive enumeration):
 * the admissible words are exactly
 *     Y^T W_1 (Y Y^T) W_2 (Y Y^T) ... (Y Y^T) W_m Y,   K = 2m, m >= 0,
 * each W_j a k x k parameter or the identity I_k (m = 0: the empty product,
 * read as I_n).  So K is even, there are 2^m words of degree 2m, C(m, p) of
 * them with p parameter matrices (p k^2 scalars), and no word has K = 1.
 * Every word with m >= 1 equals Y^T M Y with the k x k core
 * M = W_1 (Y Y^T) W_2 ... (Y Y^T) W_m, and is permutation equivariant:
 * g(Y P) = P^T g(Y) P. */
#ifndef LC_FINFO_H
#define LC_FINFO_H

#include <flint/flint.h>
#include <flint/fmpq_mat.h>
#include "qmat.h"
#include "lc_arb.h"
#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest degree K the enumeration accepts: degree K examines 2^(2K+1)
   combinations, so 12 already means 33 million. */
#define LC_FINFO_MAX_K 12

/* A word of eq. (3.2).  ytilde has K letters 'Y' (for Y) or 'T' (for Y^T);
   slot has K + 1 letters 'I' (identity) or 'W' (parameter); both are
   NUL-terminated.  nparam is the number of 'W' slots. */
typedef struct
{
    slong K;
    char * ytilde;
    char * slot;
    slong nparam;
}
lc_finfo_term_struct;

typedef lc_finfo_term_struct lc_finfo_term_t[1];

void lc_finfo_term_init(lc_finfo_term_t t);
void lc_finfo_term_clear(lc_finfo_term_t t);
void lc_finfo_term_set(lc_finfo_term_t t, const lc_finfo_term_struct * s);

/* t := the word with the given letters (ytilde: K letters in "YT", slot:
   K + 1 letters in "IW").  LC_E_ARG on other letters or lengths, LC_E_LIMIT
   when K > LC_FINFO_MAX_K. */
int lc_finfo_term_set_letters(lc_finfo_term_t t, const char * ytilde,
                              const char * slot, lc_err_t err);

/* t := the word written as text, e.g. "Y^T W Y Y^T W2 Y" or "Y^T Y".
   Tokens: "Y", "Y^T" (also "Y'"), "W" with optional digits (parameters are
   taken in order; the digits are a label only), "I", "I_n", "I_k" (an
   explicit identity, same as nothing).  An empty text is the empty product.
   LC_E_PARSE on other text or on two parameters in one slot. */
int lc_finfo_term_set_str(lc_finfo_term_t t, const char * s, lc_err_t err);

/* The printable word: factors "Y", "Y^T", parameters "W1", "W2", ... in
   order, identity slots left out; the empty product prints as "I_n".
   Free with flint_free. */
char * lc_finfo_term_get_str(const lc_finfo_term_struct * t);

/* Number of scalar parameters when every parameter is k x k (as it is in
   every admissible word): nparam * k^2. */
slong lc_finfo_term_param_count(const lc_finfo_term_struct * t, slong k);

/* The shape-algebra decision: 1 if the word is n x n for every n with
   parameter sizes independent of n, 0 if not; then why (may be NULL)
   receives LC_E_DIM and the first reason (the slot and the sizes that
   cannot meet, or the outer shape).  The empty product is I_n: admissible. */
int lc_finfo_term_is_admissible(const lc_finfo_term_struct * t, lc_err_t why);

/* The result of an enumeration: the admissible words of degree 0..max_K in
   order of K, and per K the number of (Y~, slot) combinations examined
   (2^K * 2^(K+1)), of those whose chain of sizes fits for every n (any outer
   shape), and of the admissible ones. */
typedef struct
{
    slong max_K;
    slong k;
    lc_finfo_term_struct * terms;
    slong nterms;
    slong alloc;
    slong examined[LC_FINFO_MAX_K + 1];
    slong fits[LC_FINFO_MAX_K + 1];
    slong admissible[LC_FINFO_MAX_K + 1];
}
lc_finfo_enum_struct;

typedef lc_finfo_enum_struct lc_finfo_enum_t[1];

void lc_finfo_enum_init(lc_finfo_enum_t E);
void lc_finfo_enum_clear(lc_finfo_enum_t E);

/* E := every combination of Y~ letters and slot letters for K = 0..max_K,
   decided by lc_finfo_term_is_admissible.  k >= 1 is the knowledge width (it
   enters parameter counts only).  LC_E_ARG for max_K < 0 or k < 1,
   LC_E_LIMIT for max_K > LC_FINFO_MAX_K. */
int lc_finfo_enumerate(lc_finfo_enum_t E, slong max_K, slong k, lc_err_t err);

/* Check the structure theorem on a list of admissible words up to max_K
   (as lc_finfo_enumerate returns them): every word has even K = 2m, is the
   empty product when m = 0, and otherwise alternates Y^T, Y starting with
   Y^T, with parameters only in the slots between a Y^T and the following Y;
   the words are distinct, and degree 2m has exactly 2^m of them (so, being
   distinct normal forms, all of them).  Returns 1 or 0; *why (may be NULL)
   receives a summary or the first violation (free with flint_free). */
int lc_finfo_check_structure(char ** why, const lc_finfo_term_struct * terms,
                             slong nterms, slong max_K);

/* A table of an enumeration, one line per K: examined, chain fits,
   admissible, and the admissible words with their parameter counts.
   Free with flint_free. */
char * lc_finfo_enum_get_str(const lc_finfo_enum_t E);

/* G := the word evaluated exactly on Y (k x n) and the parameters
   W[0..nW-1] (k x k each, in slot order; identity slots take none).
   LC_E_DIM when the word is not admissible (the message says why) or a
   parameter is not k x k; LC_E_ARG when nW != t->nparam. */
int lc_finfo_term_eval(fmpq_mat_t G, const lc_finfo_term_struct * t, const fmpq_mat_t Y,
                       const fmpq_mat_struct * W, slong nW, lc_err_t err);

/* M := the k x k core of an admissible word with K >= 2, so that the word
   equals Y^T M Y: M = W_1 (Y Y^T) W_2 ... (Y Y^T) W_m (identity slots are
   I_k).  Errors as lc_finfo_term_eval; LC_E_DOMAIN for the empty product
   (I_n has no such form). */
int lc_finfo_term_core(fmpq_mat_t M, const lc_finfo_term_struct * t, const fmpq_mat_t Y,
                       const fmpq_mat_struct * W, slong nW, lc_err_t err);

/* *holds := whether g(Y P) = P^T g(Y) P exactly for the word, where P is
   the n x n permutation matrix with P e_j = e_{perm[j]} (so column j of Y P
   is column perm[j] of Y).  LC_E_ARG when perm is not a permutation of
   0..n-1; errors of lc_finfo_term_eval otherwise. */
int lc_finfo_term_perm_equivariant(int * holds, const lc_finfo_term_struct * t,
                                   const fmpq_mat_t Y, const fmpq_mat_struct * W, slong nW,
                                   const slong * perm, lc_err_t err);

/* The transformations lc_finfo_term_check_random applies to Y. */
typedef enum
{
    LC_FINFO_PERM,  /* Y -> Y P, P an n x n permutation: g(Y P) = P^T g(Y) P (Def. 4.1) */
    LC_FINFO_ORTH   /* Y -> O Y, O a k x k rational orthogonal: g(O Y) = g(Y), a rotation
                       of the k knowledge vectors (Z -> Z O^T) */
}
lc_finfo_action;

/* Largest k and nmax of the random checks below. */
#define LC_FINFO_MAX_RANDOM 16

/* The word t on random exact instances, for n = 1, ..., nmax in turn: Y a
   k x n and each parameter a k x k matrix of integers in [-5, 5], then the
   transformation (LC_FINFO_PERM: a uniform random permutation, lc_rand_perm;
   LC_FINFO_ORTH: a Cayley orthogonal O with skew entries in [-3, 3]), all
   drawn from st in that order.  The value must be n x n and satisfy the
   identity of the action exactly.  *holds := 1 when every n passes; else 0,
   stopping at the first failure, and *why := "WORD at n = N: reason"
   (flint_free it; NULL when the word holds or on error).  *checks is
   increased by the number of instances examined.  LC_E_LIMIT unless
   1 <= k, nmax <= LC_FINFO_MAX_RANDOM; errors of lc_finfo_term_eval
   (LC_E_DIM for a word that is not admissible). */
int lc_finfo_term_check_random(int * holds, char ** why, slong * checks,
                               const lc_finfo_term_struct * t, lc_finfo_action action,
                               slong k, slong nmax, flint_rand_t st, lc_err_t err);

/* Every admissible word of degree <= max_K (lc_finfo_enumerate, knowledge
   width k) through lc_finfo_term_check_random with LC_FINFO_PERM, words in
   enumeration order.  *holds := whether all pass; *cert := the counts
   ("15 admissible words of degree <= 6, n = 1..5, k = 3: 75 exact
   evaluations, ...") or the first failure (flint_free it; NULL on error).
   Errors of lc_finfo_term_check_random and lc_finfo_enumerate. */
int lc_finfo_check_numeric(int * holds, char ** cert, slong max_K, slong k, slong nmax,
                           flint_rand_t st, lc_err_t err);

/* Kernel forms of g (Sec. 3.3, "a perspective from kernels").
   inner:  G := Y^T Y, the Gram of the columns (sigma is applied by the caller);
   sqdist: G_ij := ||y_i - y_j||^2 exactly, so an RBF kernel
           g_ij = f(||y_i - y_j||) is an entrywise map of G. */
void lc_finfo_inner_kernel(fmpq_mat_t G, const fmpq_mat_t Y);
void lc_finfo_sqdist(fmpq_mat_t G, const fmpq_mat_t Y);

/* G := the Gaussian RBF kernel exp(-gamma ||y_i - y_j||^2) as certified
   balls.  LC_E_ARG when gamma < 0. */
int lc_finfo_rbf_gauss(arb_mat_t G, const fmpq_mat_t Y, const fmpq_t gamma,
                       slong prec, lc_err_t err);

#ifdef __cplusplus
}
#endif

#endif
