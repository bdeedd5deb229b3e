/* finfo_fns.c -- built-ins for sequences X (d x n, one element per column):
 * matrix assembly, the exact pseudo-inverse, the Householder span
 * certificate of Ma & Ying's Appendix A, the knowledge form (Prop. 3.2), the
 * certified row softmax, and the words of the finite-information principle
 * (eq. 3.2).  The mathematics is in lib/equiv and lib/finfo. */
#include "config.h"
#include <string.h>
#include "eval.h"
#include "builtins.h"
#include "ballops.h"
#include "equiv.h"
#include "finfo.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

typedef int (*cat_fn)(fmpq_mat_t, const fmpq_mat_t, const fmpq_mat_t, lc_err_t);

/* Fold a binary assembly over the arguments: hcat(A, B, C) = [A, B, C]. */
static int
fold(lc_val * res, lc_val * args, slong nargs, cat_fn f, lc_err_t err)
{
    slong i;

    *res = lc_val_mat();
    fmpq_mat_clear((*res)->u.m);
    fmpq_mat_init_set((*res)->u.m, args[0]->u.m);
    for (i = 1; i < nargs; i++)
        if (f((*res)->u.m, (*res)->u.m, args[i]->u.m, err) != LC_OK)
        {
            lc_val_unref(*res);
            return err->code;
        }
    return LC_OK;
}

static int bi_hcat(ARGS) { UNUSED_ARGS; return fold(res, args, nargs, lc_qmat_hcat, err); }
static int bi_vcat(ARGS) { UNUSED_ARGS; return fold(res, args, nargs, lc_qmat_vcat, err); }
static int bi_blockdiag(ARGS) { UNUSED_ARGS; return fold(res, args, nargs, lc_qmat_blockdiag, err); }

/* col(A, j) and row(A, i), 1-based; exact or ball matrices. */
static int
part(lc_val * res, const lc_val A, slong k, int column, lc_err_t err)
{
    slong r, c, i;

    if (A->type == LC_V_MAT)
    {
        *res = lc_val_mat();
        if ((column ? lc_qmat_col : lc_qmat_row)((*res)->u.m, A->u.m, k - 1, err) != LC_OK)
        {
            lc_val_unref(*res);
            return lc_err_set(err, LC_E_ARG, "%s %ld out of range 1..%ld", column ? "column" : "row",
                              (long) k, (long) (column ? A->u.m->c : A->u.m->r));
        }
        return LC_OK;
    }
    r = arb_mat_nrows(A->u.bm);
    c = arb_mat_ncols(A->u.bm);
    if (k < 1 || k > (column ? c : r))
        return lc_err_set(err, LC_E_ARG, "%s %ld out of range 1..%ld", column ? "column" : "row",
                          (long) k, (long) (column ? c : r));
    *res = lc_val_bmat();
    lc_ball_resize((*res)->u.bm, column ? r : 1, column ? 1 : c);
    for (i = 0; i < (column ? r : c); i++)
        arb_set(column ? arb_mat_entry((*res)->u.bm, i, 0) : arb_mat_entry((*res)->u.bm, 0, i),
                column ? arb_mat_entry(A->u.bm, i, k - 1) : arb_mat_entry(A->u.bm, k - 1, i));
    return LC_OK;
}

static int bi_col(ARGS) { UNUSED_ARGS; return part(res, args[0], lc_val_get_si(args[1]), 1, err); }
static int bi_row(ARGS) { UNUSED_ARGS; return part(res, args[0], lc_val_get_si(args[1]), 0, err); }

/* perm([2, 3, 1]): the matrix with P e_j = e_perm[j] (1-based).  (The row
   perm("(1,2,3)"), the permutation itself, is in group_fns.c.) */
static int
bi_perm(ARGS)
{
    slong n, i, * p;
    int st = LC_OK;

    UNUSED_ARGS;
    n = args[0]->u.list.len;
    if (n < 1 || n > LC_QMAT_MAX_SIZE)
        return lc_err_set(err, LC_E_ARG, "the permutation must have 1 to %d entries", LC_QMAT_MAX_SIZE);
    p = flint_malloc(sizeof(slong) * n);
    for (i = 0; i < n && st == LC_OK; i++)
    {
        if (!lc_val_is_si(args[0]->u.list.items[i]))
            st = lc_err_set(err, LC_E_ARG, "entry %ld of the permutation is not an integer", (long) i + 1);
        else
            p[i] = lc_val_get_si(args[0]->u.list.items[i]) - 1;
    }
    if (st == LC_OK)
    {
        *res = lc_val_mat();
        if ((st = lc_qmat_perm((*res)->u.m, p, n, err)) != LC_OK)
        {
            lc_val_unref(*res);
            st = lc_err_set(err, LC_E_ARG, "not a permutation of 1..%ld", (long) n);
        }
    }
    flint_free(p);
    return st;
}

static int
bi_householder(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_mat();
    if (lc_qmat_householder((*res)->u.m, args[0]->u.m, err) != LC_OK)
    {
        lc_val_unref(*res);
        return err->code;
    }
    return LC_OK;
}

static int
bi_onehot(ARGS)
{
    slong i = lc_val_get_si(args[0]), d = lc_val_get_si(args[1]);

    UNUSED_ARGS;
    if (d < 1 || d > LC_QMAT_MAX_SIZE)
        return lc_err_set(err, LC_E_LIMIT, "the dimension must be between 1 and %d", LC_QMAT_MAX_SIZE);
    *res = lc_val_mat();
    if (lc_qmat_onehot((*res)->u.m, i - 1, d, err) != LC_OK)
    {
        lc_val_unref(*res);
        return lc_err_set(err, LC_E_ARG, "index %ld out of range 1..%ld", (long) i, (long) d);
    }
    return LC_OK;
}

static int
bi_pinv(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_mat();
    if (lc_equiv_pinv((*res)->u.m, args[0]->u.m, err) != LC_OK)
    {
        lc_val_unref(*res);
        return err->code;
    }
    return LC_OK;
}

/* F := f(X) when the argument is a function, else the matrix itself. */
static int
value_at(lc_val * F, lc_session_struct * S, const lc_val f, lc_val * xs, slong nx, lc_err_t err)
{
    int st;

    if (f->type == LC_V_MAT)
    {
        *F = lc_val_ref(f);
        return LC_OK;
    }
    if (f->type != LC_V_FUNC && f->type != LC_V_BUILTIN)
        return lc_err_set(err, LC_E_ARG, "argument 1 must be a function or a matrix, got %s",
                          lc_val_kind(f));
    if ((st = lc_call_value(F, S, f, xs, nx, err)) != LC_OK)
        return st;
    if ((*F)->type != LC_V_MAT)
    {
        st = lc_err_set(err, LC_E_ARG, "the function must return an exact matrix here, got %s",
                        lc_val_kind(*F));
        lc_val_unref(*F);
    }
    return st;
}

/* span_certificate(f, X): Appendix A.  PROVED "f(X) = X C" with the exact
   coefficients C (returned), or REFUTED with the Householder reflection Q_u
   (returned): Q_u X = X and Q_u f(X) != f(X), so f is not orthogonally
   equivariant.  The certificate is re-checked from its definition. */
static int
bi_span_certificate(ARGS)
{
    lc_equiv_span_cert_t c;
    lc_val F;
    char * text;
    int st;

    UNUSED_ARGS;
    if ((st = value_at(&F, S, args[0], args + 1, 1, err)) != LC_OK)
        return st;
    lc_equiv_span_cert_init(c);
    if ((st = lc_equiv_span_certificate(c, args[1]->u.m, F->u.m, err)) == LC_OK)
    {
        if (!lc_equiv_span_cert_verify(c, args[1]->u.m, F->u.m))
            st = lc_err_set(err, LC_E_ARG, "the certificate failed its own check (a bug: please report)");
        else
        {
            text = lc_equiv_span_cert_get_str(c);
            lc_session_fact(S, c->in_span, LC_CHECK_EXACT,
                            "exact over Q: Householder span argument (Ma & Ying, App. A)", text);
            flint_free(text);
            *res = lc_val_mat();
            fmpq_mat_clear((*res)->u.m);
            fmpq_mat_init_set((*res)->u.m, c->in_span ? c->C : c->Qu);
        }
    }
    lc_equiv_span_cert_clear(c);
    lc_val_unref(F);
    return st;
}

/* knowledge_split(f, X, Z): [G1, G2], the minimum-norm coefficients with
   f(X, Z) = X G1 + Z G2. */
static int
bi_knowledge_split(ARGS)
{
    lc_val F, g[2];
    int st;

    UNUSED_ARGS;
    if ((st = value_at(&F, S, args[0], args + 1, 2, err)) != LC_OK)
        return st;
    g[0] = lc_val_mat();
    g[1] = lc_val_mat();
    if ((st = lc_equiv_knowledge_split(g[0]->u.m, g[1]->u.m, args[1]->u.m, args[2]->u.m,
                                       F->u.m, err)) != LC_OK)
    {
        lc_val_unref(g[0]);
        lc_val_unref(g[1]);
    }
    else
        *res = lc_val_list(g, 2);
    lc_val_unref(F);
    return st;
}

static int
bi_softmax_rows(ARGS)
{
    arb_mat_t A;
    int st;

    UNUSED_ARGS;
    arb_mat_init(A, 0, 0);
    lc_to_bmat(A, args[0], S->prec, err);
    *res = lc_val_bmat();
    if ((st = lc_ball_softmax_rows((*res)->u.bm, A, S->prec, err)) != LC_OK)
        lc_val_unref(*res);
    arb_mat_clear(A);
    return st;
}

/* ------------------------------------------------ finite information */

static int
bi_finfo_words(ARGS)
{
    lc_finfo_enum_t E;
    lc_val * items;
    slong i;

    UNUSED_ARGS;
    lc_finfo_enum_init(E);
    if (lc_finfo_enumerate(E, lc_val_get_si(args[0]), 1, err) != LC_OK)
    {
        lc_finfo_enum_clear(E);
        return err->code;
    }
    items = flint_malloc(sizeof(lc_val) * (E->nterms + 1));
    for (i = 0; i < E->nterms; i++)
    {
        char * t = lc_finfo_term_get_str(E->terms + i);
        items[i] = lc_val_cstr(t);
        flint_free(t);
    }
    *res = lc_val_list(items, E->nterms);
    flint_free(items);
    lc_finfo_enum_clear(E);
    return LC_OK;
}

/* finfo_counts(maxK): [[K, examined, chain fits, admissible], ...]. */
static int
bi_finfo_counts(ARGS)
{
    lc_finfo_enum_t E;
    lc_val * rows, q[4];
    slong K;

    UNUSED_ARGS;
    lc_finfo_enum_init(E);
    if (lc_finfo_enumerate(E, lc_val_get_si(args[0]), 1, err) != LC_OK)
    {
        lc_finfo_enum_clear(E);
        return err->code;
    }
    rows = flint_malloc(sizeof(lc_val) * (E->max_K + 1));
    for (K = 0; K <= E->max_K; K++)
    {
        q[0] = lc_val_si(K);
        q[1] = lc_val_si(E->examined[K]);
        q[2] = lc_val_si(E->fits[K]);
        q[3] = lc_val_si(E->admissible[K]);
        rows[K] = lc_val_list(q, 4);
    }
    *res = lc_val_list(rows, E->max_K + 1);
    flint_free(rows);
    lc_finfo_enum_clear(E);
    return LC_OK;
}

/* finfo_structure(maxK): the structure theorem checked on the exhaustive
   enumeration; records PROVED or REFUTED. */
static int
bi_finfo_structure(ARGS)
{
    lc_finfo_enum_t E;
    char * why = NULL, * table, * cert;
    int ok;

    UNUSED_ARGS;
    lc_finfo_enum_init(E);
    if (lc_finfo_enumerate(E, lc_val_get_si(args[0]), lc_val_get_si(args[1]), err) != LC_OK)
    {
        lc_finfo_enum_clear(E);
        return err->code;
    }
    ok = lc_finfo_check_structure(&why, E->terms, E->nterms, E->max_K);
    table = lc_finfo_enum_get_str(E);
    cert = flint_malloc(strlen(table) + strlen(why ? why : "") + 4);
    sprintf(cert, "%s\n%s", why ? why : "", table);
    lc_session_fact(S, ok, LC_CHECK_EXACT,
                    "exhaustive enumeration of the words of eq. (3.2) by shape algebra", cert);
    flint_free(cert);
    flint_free(table);
    flint_free(why);
    lc_finfo_enum_clear(E);
    *res = lc_val_bool(ok);
    return LC_OK;
}

/* finfo_check_numeric(maxK, k, nmax): every admissible word of degree <= maxK
   evaluated exactly on random Y (k x n) and random k x k parameters, for
   n = 1..nmax: the value must be n x n, and g(Y P) = P^T g(Y) P for a random
   permutation P.  Records PROVED (with the counts) or REFUTED (naming the
   word and n). */
static int
bi_finfo_check_numeric(ARGS)
{
    slong maxK = lc_val_get_si(args[0]), k = lc_val_get_si(args[1]), nmax = lc_val_get_si(args[2]);
    char * cert;
    int ok, st;

    UNUSED_ARGS;
    if ((st = lc_finfo_check_numeric(&ok, &cert, maxK, k, nmax, S->rnd, err)) == LC_OK)
    {
        lc_session_fact(S, ok, LC_CHECK_EXACT,
                        "exact evaluation on random rational Y, W from seed()", cert);
        *res = lc_val_bool(ok);
        flint_free(cert);
    }
    return st;
}

static int
bi_admissible(ARGS)
{
    lc_finfo_term_t t;
    lc_err_t why;

    UNUSED_ARGS;
    lc_finfo_term_init(t);
    if (lc_finfo_term_set_str(t, args[0]->u.str.s, err) != LC_OK)
    {
        lc_finfo_term_clear(t);
        return err->code;
    }
    *res = lc_val_bool(lc_finfo_term_is_admissible(t, why));
    lc_finfo_term_clear(t);
    return LC_OK;
}

/* word("Y^T W1 Y", Y, [W1]): the word evaluated exactly; the parameters
   W1, ... come unpacked in mats[2]. */
static int
bi_word(ARGS)
{
    lc_finfo_term_t t;
    int st;

    UNUSED_ARGS;
    lc_finfo_term_init(t);
    if ((st = lc_finfo_term_set_str(t, args[0]->u.str.s, err)) != LC_OK)
    {
        lc_finfo_term_clear(t);
        return st;
    }
    *res = lc_val_mat();
    if ((st = lc_finfo_term_eval((*res)->u.m, t, args[1]->u.m, mats[2].m, mats[2].len, err)) != LC_OK)
        lc_val_unref(*res);
    lc_finfo_term_clear(t);
    return st;
}

static int
bi_sqdist(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_mat();
    lc_finfo_sqdist((*res)->u.m, args[0]->u.m);
    return LC_OK;
}

const lc_builtin_struct lc_builtins_finfo[] =
{
    { LC_FAM_QMAT, "hcat", "m", 1, -1, bi_hcat, "hcat(A, B, ...)",
      "The exact matrices placed side by side, [A, B, ...] (horizontal concatenation); they must "
      "all have the same number of rows, otherwise a dimension error. One argument returns it "
      "unchanged; a result wider than 4096 columns is a limit error.",
      "hcat(eye(2), [[5], [6]])" },
    { LC_FAM_QMAT, "vcat", "m", 1, -1, bi_vcat, "vcat(A, B, ...)",
      "The exact matrices stacked on top of each other, [A; B; ...] (vertical concatenation); they "
      "must all have the same number of columns, otherwise a dimension error. A result taller than "
      "4096 rows is a limit error.",
      "vcat(eye(2), [[5, 6]])" },
    { LC_FAM_QMAT, "blockdiag", "m", 1, -1, bi_blockdiag, "blockdiag(A, B, ...)",
      "The exact block-diagonal matrix [[A, 0, ...], [0, B, ...], ...] with the given matrices "
      "(any shapes) on the diagonal and zeros elsewhere. Useful for direct sums of representations "
      "or of Lie algebra generators; a result beyond 4096 rows or columns is a limit error.",
      "blockdiag([[1]], [[2, 3], [4, 5]])" },
    { LC_FAM_QMAT, "col", "xi", 2, 2, bi_col, "col(A, j)",
      "Column j of the matrix A, counted from 1, as a rows x 1 column matrix of the same kind as A "
      "(exact or ball). An index outside 1..columns is an argument error naming the range.",
      "col([[1, 2], [3, 4]], 2)" },
    { LC_FAM_QMAT, "row", "xi", 2, 2, bi_row, "row(A, i)",
      "Row i of the matrix A, counted from 1, as a 1 x columns row matrix of the same kind as A "
      "(exact or ball). An index outside 1..rows is an argument error naming the range.",
      "row([[1, 2], [3, 4]], 2)" },
    { LC_FAM_QMAT, "perm", "L", 1, 1, bi_perm, "perm([2, 3, 1])",
      "The exact n x n permutation matrix P of a list p of the integers 1..n in some order, with P "
      "e_j = e_p(j), i.e. column j has its 1 in row p(j), so (P x)_p(j) = x_j. A list that is not "
      "a permutation of 1..n (or is empty or longer than 4096) is an argument error. "
      "perm(\"(1,2,3)\"), with a string, gives the permutation itself instead.",
      "perm([2, 3, 1])" },
    { LC_FAM_QMAT, "householder", "m", 1, 1, bi_householder, "householder(u)",
      "The Householder reflection Q = I - 2 u u^T / (u^T u) through the hyperplane orthogonal to "
      "the rational column u: an exact rational symmetric orthogonal matrix with Q u = -u and Q w "
      "= w for w orthogonal to u. It errors unless u is a d x 1 column, or when u = 0. Being "
      "exact, equivariance checks with it can be PROVED.",
      "householder([[1], [1]])" },
    { LC_FAM_QMAT, "onehot", "ii", 2, 2, bi_onehot, "onehot(i, d)",
      "The unit column e_i of length d: an exact d x 1 matrix with 1 in row i (counted from 1) and "
      "0 elsewhere. d must be between 1 and 4096 and i between 1 and d; otherwise it errors.",
      "onehot(2, 3)" },
    { LC_FAM_EQUIV, "pinv", "m", 1, 1, bi_pinv, "pinv(X)",
      "The Moore-Penrose pseudo-inverse X^+ of the exact m x n matrix X, of any rank, computed "
      "exactly over Q from the full-rank factorisation X = C R: X^+ = R^T (R R^T)^-1 (C^T C)^-1 "
      "C^T. Returns an exact n x m matrix (zero when X = 0); it never fails.",
      "pinv([[1, 0], [0, 0]])" },
    { LC_FAM_EQUIV, "span_certificate", "am", 2, 2, bi_span_certificate, "span_certificate(f, X)",
      "Ma & Ying's Appendix A argument on one instance, exactly: f is a function of X or the "
      "matrix f(X) itself (exact). If every column of f(X) lies in span(X) it records a PROVED "
      "check f(X) = X C and returns the minimum-norm C = X^+ f(X); otherwise it records REFUTED "
      "and returns the Householder reflection Q_u with Q_u X = X but Q_u f(X) != f(X), so f is not "
      "orthogonally equivariant. Needs equal row counts.",
      "def twice(X) = 2 * X\nclaim \"2 X = X C\" { C = span_certificate(twice, [[1, 0], [0, 1], [0, 0]]) }" },
    { LC_FAM_EQUIV, "knowledge_split", "amm", 3, 3, bi_knowledge_split, "knowledge_split(f, X, Z)",
      "The minimum-norm coefficients [G1, G2] of the knowledge form f(X, Z) = X G1 + Z G2 (Ma & "
      "Ying, Prop. 3.2), computed exactly as [X, Z]^+ f(X, Z). f is a function of (X, Z) returning "
      "an exact matrix, or that matrix itself. It errors when the row counts of X, Z and f(X, Z) "
      "differ, or when some column of f(X, Z) is not in the span of [X, Z] (no such G1, G2 exist).",
      "knowledge_split([[3], [5], [0]], [[1], [0], [0]], [[0], [1], [0]])" },
    { LC_FAM_BALL, "softmax_rows", "x", 1, 1, bi_softmax_rows, "softmax_rows(A)",
      "The softmax of every row of the matrix A, S_ij = exp(A_ij) / sum_k exp(A_ik), as a ball "
      "matrix with each entry a certified enclosure at the working precision (the row's largest "
      "midpoint is subtracted first, so large entries do not overflow). Exact input gives balls "
      "too, so checks on it support HOLDS, not PROVED; a non-finite entry is an error.",
      "softmax_rows([[0, 1], [1, 1]])" },
    { LC_FAM_FINFO, "finfo_words", "i", 1, 1, bi_finfo_words, "finfo_words(maxK)",
      "The admissible words of eq. (3.2) (Ma & Ying, finite-information principle) of degree K = "
      "0..maxK, as strings such as \"Y^T W1 Y\", found by exhaustive enumeration of every choice "
      "of Y/Y^T letters and parameter/identity slots, each decided by shape algebra: the product "
      "must be n x n for every n with parameter sizes independent of n. maxK is between 0 and 12.",
      "finfo_words(2)" },
    { LC_FAM_FINFO, "finfo_counts", "i", 1, 1, bi_finfo_counts, "finfo_counts(maxK)",
      "The counts of the exhaustive enumeration of eq. (3.2) for each degree K = 0..maxK (maxK "
      "between 0 and 12), as a list of rows [K, words examined, chains whose sizes fit, admissible "
      "words]. All counts are exact integers; the structure theorem predicts 2^(K/2) admissible "
      "words for even K and none for odd K.",
      "finfo_counts(2)" },
    { LC_FAM_FINFO, "finfo_structure", "ii", 2, 2, bi_finfo_structure, "finfo_structure(maxK, k)",
      "Checks the structure theorem of the finite-information words exhaustively up to degree maxK "
      "(0..12; k >= 1 is the knowledge width): every admissible word has even degree K = 2m, has "
      "the form Y^T W_1 (Y Y^T) W_2 ... (Y Y^T) W_m Y with each W_j a k x k parameter or the "
      "identity, and there are 2^m of them. Records an exact check (PROVED or REFUTED, with the "
      "enumeration table) and returns it as a boolean.",
      "claim \"structure theorem to degree 4\" { finfo_structure(4, 2) }" },
    { LC_FAM_FINFO, "finfo_check_numeric", "iii", 3, 3, bi_finfo_check_numeric,
      "finfo_check_numeric(maxK, k, nmax)",
      "Evaluates every admissible word of degree <= maxK exactly on random rational Y (k x n) and "
      "random k x k parameters from seed(), for n = 1..nmax, and checks that the value is n x n "
      "and that g(Y P) = P^T g(Y) P for a random permutation P. Records an exact check (PROVED "
      "with the counts, or REFUTED naming the word and n) and returns it as a boolean; k and nmax "
      "are between 1 and 16.",
      "claim \"words are equivariant\" { finfo_check_numeric(2, 1, 2) }" },
    { LC_FAM_FINFO, "admissible", "s", 1, 1, bi_admissible, "admissible(\"Y^T W Y\")",
      "Whether the word given as text is admissible in eq. (3.2): its product is n x n for every n "
      "with parameter sizes that do not depend on n, decided by shape algebra (an exact boolean). "
      "Tokens: Y, Y^T (or Y'), W with optional digits (a parameter), I, I_n, I_k; the empty text "
      "is the empty product I_n, which is admissible. Other text is a parse error.",
      "admissible(\"Y^T W Y\")" },
    { LC_FAM_FINFO, "word", "smM", 2, 3, bi_word, "word(\"Y^T W1 Y\", Y, [W1])",
      "The word given as text (tokens as in admissible) evaluated exactly on the k x n matrix Y, "
      "with the k x k parameter matrices taken in slot order from the list (omit the list for a "
      "word without parameters). Returns an exact n x n matrix; it errors when the word is not "
      "admissible, a parameter is not k x k, or the number of parameters does not match.",
      "word(\"Y^T W1 Y\", [[1, 2, 3]], [[[2]]])" },
    { LC_FAM_FINFO, "sqdist", "m", 1, 1, bi_sqdist, "sqdist(Y)",
      "The exact n x n matrix of squared distances G_ij = ||y_i - y_j||^2 between the columns "
      "y_1..y_n of the exact matrix Y, so an RBF kernel g_ij = f(||y_i - y_j||) is an entrywise "
      "map of it (Ma & Ying, Sec. 3.3). Symmetric with zero diagonal.",
      "sqdist([[0, 3], [0, 4]])" },
};

const slong lc_nbuiltins_finfo = (slong) (sizeof(lc_builtins_finfo) / sizeof(lc_builtins_finfo[0]));
