/* builtins.c -- the registry of built-in functions (lookup, dispatch among
 * the rows of a name, argument checking and unpacking, help, the startup
 * check), and the core rows: matrices, Lie algebras and the session. */
#include "config.h"
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include "builtins.h"
#include "help.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

/* ------------------------------------------------------------- matrices */

static int
bi_transpose(ARGS)
{
    UNUSED_ARGS;
    if (args[0]->type == LC_V_BMAT)
    {
        *res = lc_val_bmat();
        lc_ball_resize((*res)->u.bm, arb_mat_ncols(args[0]->u.bm), arb_mat_nrows(args[0]->u.bm));
        arb_mat_transpose((*res)->u.bm, args[0]->u.bm);
        return LC_OK;
    }
    *res = lc_val_mat();
    lc_qmat_transpose((*res)->u.m, args[0]->u.m);
    return LC_OK;
}

static int
bi_inv(ARGS)
{
    UNUSED_ARGS;
    if (args[0]->type == LC_V_BMAT)
    {
        *res = lc_val_bmat();
        if (lc_ball_inv((*res)->u.bm, args[0]->u.bm, S->prec, err) != LC_OK)
        {
            lc_val_unref(*res);
            return err->code;
        }
        return LC_OK;
    }
    *res = lc_val_mat();
    if (lc_qmat_inv((*res)->u.m, args[0]->u.m, err) != LC_OK)
    {
        lc_val_unref(*res);
        return err->code;
    }
    return LC_OK;
}

static int
bi_det(ARGS)
{
    fmpq_t d;
    int st;

    UNUSED_ARGS;
    fmpq_init(d);
    if ((st = lc_qmat_det(d, args[0]->u.m, err)) == LC_OK)
        *res = lc_val_num(d);
    fmpq_clear(d);
    return st;
}

static int
bi_rank(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_si(lc_qmat_rank(args[0]->u.m));
    return LC_OK;
}

static int
check_size(slong r, slong c, lc_err_t err)
{
    if (r < 1 || c < 1)
        return lc_err_set(err, LC_E_ARG, "sizes must be positive, got %ldx%ld", (long) r, (long) c);
    if (r > LC_QMAT_MAX_SIZE || c > LC_QMAT_MAX_SIZE)
        return lc_err_set(err, LC_E_LIMIT, "size %ldx%ld exceeds the limit %dx%d",
                          (long) r, (long) c, LC_QMAT_MAX_SIZE, LC_QMAT_MAX_SIZE);
    return LC_OK;
}

static int
bi_eye(ARGS)
{
    slong n = lc_val_get_si(args[0]);

    UNUSED_ARGS;
    if (n < 1 || n > LC_QMAT_MAX_SIZE)
        return lc_err_set(err, n < 1 ? LC_E_ARG : LC_E_LIMIT, "size must be between 1 and %d, got %ld",
                          LC_QMAT_MAX_SIZE, (long) n);
    *res = lc_val_mat();
    lc_qmat_eye((*res)->u.m, n);
    return LC_OK;
}

static int
bi_zeros(ARGS)
{
    slong r = lc_val_get_si(args[0]), c = lc_val_get_si(args[1]);

    UNUSED_ARGS;
    if (check_size(r, c, err) != LC_OK)
        return err->code;
    *res = lc_val_mat();
    lc_qmat_zeros((*res)->u.m, r, c);
    return LC_OK;
}

static int
bi_vec(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_mat();
    lc_qmat_vec((*res)->u.m, args[0]->u.m);
    return LC_OK;
}

static int
bi_size(ARGS)
{
    lc_val rc[2];

    UNUSED_ARGS;
    rc[0] = lc_val_si(args[0]->type == LC_V_MAT ? args[0]->u.m->r : arb_mat_nrows(args[0]->u.bm));
    rc[1] = lc_val_si(args[0]->type == LC_V_MAT ? args[0]->u.m->c : arb_mat_ncols(args[0]->u.bm));
    *res = lc_val_list(rc, 2);
    return LC_OK;
}

/* ----------------------------------------------------------- Lie algebras */

static int
bi_bracket(ARGS)
{
    const fmpq_mat_struct * A = args[0]->u.m, * B = args[1]->u.m;

    UNUSED_ARGS;
    if (A->r != A->c || B->r != B->c)
        return lc_err_set(err, LC_E_DIM, "matrices must be square, got %ldx%ld and %ldx%ld",
                          (long) A->r, (long) A->c, (long) B->r, (long) B->c);
    if (A->r != B->r)
        return lc_err_set(err, LC_E_DIM, "matrices of different sizes (%ldx%ld and %ldx%ld)",
                          (long) A->r, (long) A->c, (long) B->r, (long) B->c);
    *res = lc_val_mat();
    if (lc_lie_bracket((*res)->u.m, args[0]->u.m, args[1]->u.m, err) != LC_OK)
    {
        lc_val_unref(*res);
        return err->code;
    }
    return LC_OK;
}

/* The closure of n generators (only read). */
static int
lie_closure(lc_val * res, fmpq_mat_struct * m, slong n, lc_err_t err)
{
    int st;

    *res = lc_val_lie();
    if ((st = lc_lie_closure((*res)->u.lie, m, n, 0, err)) != LC_OK)
        lc_val_unref(*res);
    return st;
}

/* lie(A, B, ...): the arguments, checked to be matrices, copied into the
   array lc_lie_closure wants. */
static int
bi_lie(ARGS)
{
    fmpq_mat_struct * m = flint_malloc(sizeof(fmpq_mat_struct) * nargs);
    slong i;
    int st;

    UNUSED_ARGS;
    for (i = 0; i < nargs; i++)
        m[i] = *args[i]->u.m;   /* shallow: the closure only reads them */
    st = lie_closure(res, m, nargs, err);
    flint_free(m);
    return st;
}

/* lie([A, B, ...]): the list, unpacked by the caller. */
static int
bi_lie_list(ARGS)
{
    UNUSED_ARGS;
    if (mats[0].len == 0)
        return lc_err_set(err, LC_E_ARG, "the list of generators is empty");
    return lie_closure(res, mats[0].m, mats[0].len, err);
}

static int
bi_dim(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_si(lc_lie_dim(args[0]->u.lie));
    return LC_OK;
}

static int
bi_basis(ARGS)
{
    slong i, d = lc_lie_dim(args[0]->u.lie);
    lc_val * items = flint_malloc(sizeof(lc_val) * (d > 0 ? d : 1));

    UNUSED_ARGS;
    for (i = 0; i < d; i++)
    {
        items[i] = lc_val_mat();
        lc_lie_basis_element(items[i]->u.m, args[0]->u.lie, i);
    }
    *res = lc_val_list(items, d);
    flint_free(items);
    return LC_OK;
}

static lc_val
series_list(const slong * dims, slong len)
{
    lc_val * items = flint_malloc(sizeof(lc_val) * len), r;
    slong i;

    for (i = 0; i < len; i++)
        items[i] = lc_val_si(dims[i]);
    r = lc_val_list(items, len);
    flint_free(items);
    return r;
}

static int
bi_derived_series(ARGS)
{
    slong * dims = flint_malloc(sizeof(slong) * (lc_lie_dim(args[0]->u.lie) + 2));

    UNUSED_ARGS;
    *res = series_list(dims, lc_lie_derived_series(dims, args[0]->u.lie));
    flint_free(dims);
    return LC_OK;
}

static int
bi_lower_central_series(ARGS)
{
    slong * dims = flint_malloc(sizeof(slong) * (lc_lie_dim(args[0]->u.lie) + 2));

    UNUSED_ARGS;
    *res = series_list(dims, lc_lie_lower_central_series(dims, args[0]->u.lie));
    flint_free(dims);
    return LC_OK;
}

static int
bi_centre(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_lie();
    lc_lie_centre((*res)->u.lie, args[0]->u.lie);
    return LC_OK;
}

static int
bi_is_solvable(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_bool(lc_lie_is_solvable(args[0]->u.lie));
    return LC_OK;
}

static int
bi_is_nilpotent(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_bool(lc_lie_is_nilpotent(args[0]->u.lie));
    return LC_OK;
}

static int
bi_is_abelian(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_bool(lc_lie_is_abelian(args[0]->u.lie));
    return LC_OK;
}

static int
bi_is_semisimple(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_bool(lc_lie_is_semisimple(args[0]->u.lie));
    return LC_OK;
}

/* A non-solvable algebra has no derived length; say so explicitly rather
   than return a number that could be mistaken for one. */
static int
bi_derived_length(ARGS)
{
    slong k = lc_lie_derived_length(args[0]->u.lie);

    UNUSED_ARGS;
    *res = k < 0 ? lc_val_cstr("not solvable") : lc_val_si(k);
    return LC_OK;
}

static int
bi_killing_form(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_mat();
    lc_lie_killing_form((*res)->u.m, args[0]->u.lie);
    return LC_OK;
}

static int
bi_killing_rank(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_si(lc_lie_killing_rank(args[0]->u.lie));
    return LC_OK;
}

static int
bi_contains(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_bool(lc_lie_contains(args[0]->u.lie, args[1]->u.m));
    return LC_OK;
}

/* -------------------------------------------------------------- session */

static int
bi_print(ARGS)
{
    slong i;

    UNUSED_ARGS;
    for (i = 0; i < nargs; i++)
    {
        if (i > 0)
            fputc(' ', S->out);
        lc_val_fprint_digits(S->out, args[i], 1, S->digits);
    }
    /* a full disk or a closed pipe is an error of the statement, not a
       silent loss (stdio reports it once its buffer is written) */
    if (fputc('\n', S->out) == EOF || ferror(S->out))
        return lc_err_set(err, LC_E_IO, "cannot write the output: %s", strerror(errno));
    *res = lc_val_nil();
    return LC_OK;
}

static int
bi_prec(ARGS)
{
    slong p;

    UNUSED_ARGS;
    if (nargs == 0)
    {
        *res = lc_val_si(S->prec);
        return LC_OK;
    }
    p = lc_val_get_si(args[0]);
    if (p < LC_PREC_MIN || p > LC_PREC_MAX)
        return lc_err_set(err, LC_E_LIMIT, "precision must be between %d and %d bits, got %ld",
                          LC_PREC_MIN, LC_PREC_MAX, (long) p);
    S->prec = p;
    *res = lc_val_nil();
    return LC_OK;
}

static int
bi_seed(ARGS)
{
    slong s;

    UNUSED_ARGS;
    if (nargs == 0)
    {
        *res = lc_val_si((slong) S->seed);
        return LC_OK;
    }
    s = lc_val_get_si(args[0]);
    if (s < 0)
        return lc_err_set(err, LC_E_ARG, "the seed must be a non-negative integer, got %ld", (long) s);
    S->seed = (ulong) s;
    lc_rand_seed(S->rnd, S->seed);
    *res = lc_val_nil();
    return LC_OK;
}

static int
bi_len(ARGS)
{
    UNUSED_ARGS;
    if (args[0]->type == LC_V_LIST)
        *res = lc_val_si(args[0]->u.list.len);
    else
        *res = lc_val_si((slong) args[0]->u.str.len);
    return LC_OK;
}

static int bi_help(ARGS);

/* ----------------------------------------------------------- core rows */

const lc_builtin_struct lc_builtins_core[] =
{
    { LC_FAM_QMAT, "transpose", "x", 1, 1, bi_transpose, "transpose(A)",
      "The transpose A^T of the matrix A, entry (i, j) of the result being entry (j, i) of A. A "
      "takes an exact rational matrix or a ball matrix and the result has the same kind: exact in, "
      "exact out (so a check on it can be PROVED); a ball matrix is transposed entry by entry "
      "without widening.",
      "transpose([[1, 2], [3, 4]])" },
    { LC_FAM_QMAT, "inv", "x", 1, 1, bi_inv, "inv(A)",
      "The inverse A^-1 of the square matrix A. An exact rational A gives the exact inverse, with "
      "an error when A is not square or is singular. A ball matrix gives a ball matrix that "
      "encloses the inverse of every matrix in the balls, computed at the working precision "
      "prec(); it errors \"not certainly invertible\" when Arb cannot prove that (a singular A, or "
      "balls too wide).",
      "inv([[2, 1], [1, 1]])" },
    { LC_FAM_QMAT, "det", "m", 1, 1, bi_det, "det(A)",
      "The determinant of the square exact rational matrix A, as an exact rational number (errors "
      "when A is not square). Exact, so a comparison built on it can support a PROVED verdict. "
      "Ball matrices are not accepted.",
      "det([[1, 2], [3, 4]])" },
    { LC_FAM_QMAT, "rank", "m", 1, 1, bi_rank, "rank(A)",
      "The rank of the exact rational matrix A over Q (the dimension of its row space), an integer "
      "computed exactly; A may be any shape. Ball matrices are not accepted, since rank is not "
      "continuous and a ball cannot certify it.",
      "rank([[1, 2], [2, 4]])" },
    { LC_FAM_QMAT, "eye", "i", 1, 1, bi_eye, "eye(n)",
      "The n x n identity matrix, exact, for an integer n between 1 and 4096 (the largest matrix "
      "size liecheck accepts); other n give an error. Combine with scalars and sums to build exact "
      "test matrices, e.g. 2 * eye(3).",
      "eye(3)" },
    { LC_FAM_QMAT, "zeros", "ii", 2, 2, bi_zeros, "zeros(m, n)",
      "The m x n zero matrix, exact, for integers m, n >= 1. A size below 1 is an argument error "
      "and one above 4096 rows or columns a limit error. Useful as the right-hand side of an exact "
      "comparison such as equal(A * B - B * A, zeros(2, 2)).",
      "zeros(2, 3)" },
    { LC_FAM_QMAT, "vec", "m", 1, 1, bi_vec, "vec(A)",
      "The (rows * columns) x 1 column that stacks the columns of the exact matrix A one after "
      "another (column-major vectorisation: column 1 first, then column 2, ...). Exact; ball "
      "matrices are not accepted. Note that a Lie algebra's own basis vectors are stored row by "
      "row instead.",
      "vec([[1, 2], [3, 4]])" },
    { LC_FAM_QMAT, "size", "x", 1, 1, bi_size, "size(A)",
      "The shape of the matrix A as a two-element list [rows, columns] of integers. A may be an "
      "exact rational matrix or a ball matrix; nothing is computed from its entries.",
      "size([[1, 2, 3], [4, 5, 6]])" },
    { LC_FAM_LIE, "bracket", "mm", 2, 2, bi_bracket, "bracket(A, B)",
      "The commutator (Lie bracket) [A, B] = AB - BA of two exact square matrices of one size, as "
      "an exact rational matrix. It errors when either matrix is not square or their sizes differ. "
      "Being exact, an identity checked on brackets can be PROVED.",
      "bracket([[0, 1], [0, 0]], [[0, 0], [1, 0]])" },
    { LC_FAM_LIE, "lie", "m", 1, -1, bi_lie, "lie(A, B, ...)",
      "The Lie algebra generated by the given exact square matrices of one size n: the smallest "
      "subspace of gl(n, Q) that contains them and is closed under the bracket. The closure is "
      "computed modulo a prime and certified over Q, so the result is exact. At least one "
      "generator is needed; matrices must be square, of one size, with n <= 64.",
      "lie([[0, 1], [0, 0]], [[0, 0], [1, 0]])" },
    { LC_FAM_LIE, "lie", "M", 1, 1, bi_lie_list, "lie([A, B, ...])",
      "The same as lie(A, B, ...) with the generators given as one list of exact square matrices "
      "of one size n <= 64: the smallest subspace of gl(n, Q) that contains them and is closed "
      "under the bracket, computed exactly. An empty list is an error.",
      "lie([[[0, 1], [0, 0]], [[0, 0], [1, 0]]])" },
    { LC_FAM_LIE, "dim", "l", 1, 1, bi_dim, "dim(L)",
      "The dimension of the Lie algebra L over Q (the length of its basis), an exact integer. The "
      "zero algebra has dimension 0. Exact, so a claim such as dim(L) == 3 can be PROVED.",
      "dim(lie([[0, 1], [0, 0]], [[0, 0], [1, 0]]))" },
    { LC_FAM_LIE, "basis", "l", 1, 1, bi_basis, "basis(L)",
      "The basis of the Lie algebra L, as a list of dim(L) exact n x n matrices: the reduced "
      "echelon basis of its span with each matrix read as a vector row by row. This basis is "
      "canonical, so two algebras are equal exactly when their bases are; it is also the basis in "
      "which killing_form(L) is written.",
      "basis(lie([[0, 1], [0, 0]], [[1, 0], [0, -1]]))" },
    { LC_FAM_LIE, "derived_series", "l", 1, 1, bi_derived_series, "derived_series(L)",
      "The dimensions of the derived series L, [L, L], [[L, L], [L, L]], ... as a list of "
      "integers, up to and including the first term that is 0 or equal to its predecessor (so [3, "
      "2, 0] reaches zero and [3, 3] stalls). Computed exactly; L is solvable exactly when the "
      "list ends in 0.",
      "derived_series(lie([[0, 1], [0, 0]], [[1, 0], [0, -1]]))" },
    { LC_FAM_LIE, "lower_central_series", "l", 1, 1, bi_lower_central_series, "lower_central_series(L)",
      "The dimensions of the lower central series L, [L, L], [L, [L, L]], ... as a list of "
      "integers, up to and including the first term that is 0 or equal to its predecessor. "
      "Computed exactly; L is nilpotent exactly when the list ends in 0.",
      "lower_central_series(lie([[0, 1, 0], [0, 0, 0], [0, 0, 0]], [[0, 0, 0], [0, 0, 1], [0, 0, 0]]))" },
    { LC_FAM_LIE, "centre", "l", 1, 1, bi_centre, "centre(L)",
      "The centre {x in L : [x, y] = 0 for every y in L} of the matrix Lie algebra L, as a Lie "
      "algebra (a subalgebra of L, exact over Q). It is the kernel of the exact linear map "
      "taking a combination of L's basis to its brackets with L's generators, so it costs one "
      "exact nullspace; the centre of the zero algebra is zero. Its dimension is exact and a "
      "claim on it is PROVED or REFUTED.",
      "centre(lie([[0, 1, 0], [0, 0, 0], [0, 0, 0]], [[0, 0, 0], [0, 0, 1], [0, 0, 0]]))" },
    { LC_FAM_LIE, "center", "l", 1, 1, bi_centre, "center(L)",
      "The American spelling of centre(L): the centre of the matrix Lie algebra L, the elements "
      "bracketing to zero with all of L. It is computed the same way, as an exact Lie algebra.",
      "center(lie([[1, 0], [0, 1]], [[0, 1], [0, 0]]))" },
    { LC_FAM_LIE, "is_solvable", "l", 1, 1, bi_is_solvable, "is_solvable(L)",
      "Whether the Lie algebra L is solvable, i.e. its derived series L, [L, L], ... reaches 0. An "
      "exact boolean (the series is computed over Q), so a check on it is PROVED or REFUTED, never "
      "merely HOLDS.",
      "is_solvable(lie([[0, 1], [0, 0]], [[1, 0], [0, -1]]))" },
    { LC_FAM_LIE, "is_nilpotent", "l", 1, 1, bi_is_nilpotent, "is_nilpotent(L)",
      "Whether the Lie algebra L is nilpotent, i.e. its lower central series L, [L, L], [L, [L, "
      "L]], ... reaches 0. An exact boolean computed over Q; every nilpotent algebra is solvable, "
      "not conversely.",
      "is_nilpotent(lie([[0, 1], [0, 0]], [[1, 0], [0, -1]]))" },
    { LC_FAM_LIE, "is_abelian", "l", 1, 1, bi_is_abelian, "is_abelian(L)",
      "Whether the Lie algebra L is abelian, i.e. [x, y] = 0 for all x, y in L (equivalently [L, "
      "L] = 0). An exact boolean; the zero algebra counts as abelian.",
      "is_abelian(lie([[1, 0], [0, 2]], [[3, 0], [0, 1]]))" },
    { LC_FAM_LIE, "is_semisimple", "l", 1, 1, bi_is_semisimple, "is_semisimple(L)",
      "Whether the Lie algebra L is semisimple, decided by Cartan's criterion: the Killing form "
      "tr(ad x ad y) is non-degenerate. An exact boolean computed over Q; the zero algebra counts "
      "as semisimple.",
      "is_semisimple(lie([[0, 1], [0, 0]], [[0, 0], [1, 0]]))" },
    { LC_FAM_LIE, "derived_length", "l", 1, 1, bi_derived_length, "derived_length(L)",
      "The derived length of L: the least k with L^(k) = 0, where L^(0) = L and L^(k+1) = [L^(k), "
      "L^(k)] (0 for the zero algebra, 1 for a non-zero abelian one). An exact integer; for an "
      "algebra that is not solvable it returns the string \"not solvable\" instead of a number.",
      "derived_length(lie([[0, 1], [0, 0]], [[1, 0], [0, -1]]))" },
    { LC_FAM_LIE, "killing_form", "l", 1, 1, bi_killing_form, "killing_form(L)",
      "The Gram matrix of the Killing form of L, entry (i, j) = tr(ad b_i ad b_j), where b_1, ..., "
      "b_d is the reduced echelon basis that basis(L) returns and ad x = [x, .] acts on L. A d x d "
      "exact symmetric rational matrix (0 x 0 for the zero algebra).",
      "killing_form(lie([[0, 1], [0, 0]], [[0, 0], [1, 0]]))" },
    { LC_FAM_LIE, "killing_rank", "l", 1, 1, bi_killing_rank, "killing_rank(L)",
      "The rank of the Killing form of L, i.e. of the matrix killing_form(L), an exact integer. It "
      "equals dim(L) exactly when L is semisimple (Cartan's criterion) and is 0 for a nilpotent "
      "algebra.",
      "killing_rank(lie([[0, 1], [0, 0]], [[0, 0], [1, 0]]))" },
    { LC_FAM_LIE, "contains", "lm", 2, 2, bi_contains, "contains(L, A)",
      "Whether the exact matrix A lies in the Lie algebra L, i.e. in the span of its basis; "
      "decided exactly over Q. A matrix of another size than the algebra's n x n gives false "
      "rather than an error.",
      "contains(lie([[0, 1], [0, 0]], [[0, 0], [1, 0]]), [[1, 0], [0, -1]])" },
    { LC_FAM_CORE, "print", "a", 0, -1, bi_print, "print(a, b, ...)",
      "Writes its arguments on one line, separated by single spaces and ended by a newline, and "
      "returns nil. Exact values print exactly; balls print with digits() significant digits. It "
      "errors when the output cannot be written (a full disk or a closed pipe).",
      "print(1/3, [[1, 2]], \"text\", true)" },
    { LC_FAM_CORE, "prec", "i", 0, 1, bi_prec, "prec(p)",
      "Sets the working precision of ball arithmetic to p bits (an integer between 16 and 1048576; "
      "default 128) for the rest of the session, and returns nil; prec() returns the current "
      "setting. Exact computations ignore it; a claim that HOLDS is re-run at twice the precision.",
      "prec(256)\nprint(prec())" },
    { LC_FAM_CORE, "seed", "i", 0, 1, bi_seed, "seed(s)",
      "Sets the seed of the session's random generator to the non-negative integer s (default 0) "
      "and reseeds it, returning nil; seed() returns the current seed. Random instances drawn "
      "afterwards are reproducible from the seed, which reports record.",
      "seed(42)\nprint(seed())" },
    { LC_FAM_CORE, "len", "c", 1, 1, bi_len, "len(x)",
      "The length of a list (its number of elements) or of a string (its number of bytes), as an "
      "integer. Other kinds of value give an argument error; use size(A) for the shape of a matrix.",
      "len([1, 2, 3])" },
    { LC_FAM_CORE, "help", "f", 0, 1, bi_help, "help(name)",
      "Prints the description of a built-in or keyword: its signature, this paragraph and an "
      "example that the test suite runs; returns nil. The name is a string, or the built-in "
      "itself: help(\"lie\"), help lie and ?lie in the REPL are the same. help() lists every "
      "built-in by family, and an unknown name is an error that suggests apropos.",
      "help(\"lie\")" },
};

const slong lc_nbuiltins_core = (slong) (sizeof(lc_builtins_core) / sizeof(lc_builtins_core[0]));

/* ------------------------------------------------------------- registry */

/* Every array of rows, in the order in which the rows of one name are
   tried (so the Lie forms come before the group forms) and help() lists the
   rows of one family. */
static const struct
{
    const lc_builtin_struct * rows;
    const slong * n;
}
registry[] =
{
    { lc_builtins_core, &lc_nbuiltins_core },
    { lc_builtins_check, &lc_nbuiltins_check },
    { lc_builtins_matfun, &lc_nbuiltins_matfun },
    { lc_builtins_equiv, &lc_nbuiltins_equiv },
    { lc_builtins_finfo, &lc_nbuiltins_finfo },
    { lc_builtins_ssm, &lc_nbuiltins_ssm },
    { lc_builtins_group, &lc_nbuiltins_group },
    { lc_builtins_rep, &lc_nbuiltins_rep },
    { lc_builtins_magma, &lc_nbuiltins_magma },
    { lc_builtins_transformer, &lc_nbuiltins_transformer },
    { lc_builtins_llama, &lc_nbuiltins_llama },
    { lc_builtins_gauge, &lc_nbuiltins_gauge },
    { lc_builtins_lang, &lc_nbuiltins_lang },
    { lc_builtins_help, &lc_nbuiltins_help },
};

#define NARRAYS ((slong) (sizeof(registry) / sizeof(registry[0])))

/* Every row of the registry, in order: FOR_ROWS(r) { ... } with r a
   const lc_builtin_struct *. */
#define FOR_ROWS(r) \
    for (slong k_ = 0; k_ < NARRAYS; k_++) \
        for (const lc_builtin_struct * r = registry[k_].rows; r < registry[k_].rows + *registry[k_].n; r++)

static const struct
{
    const char * name;
    const char * title;
}
families[LC_FAM_COUNT] =
{
    [LC_FAM_CORE] = { "core", "the language and the session" },
    [LC_FAM_QMAT] = { "qmat", "exact rational matrices" },
    [LC_FAM_LIE] = { "lie", "matrix Lie algebras over Q" },
    [LC_FAM_GROUP] = { "group", "permutations and finite groups" },
    [LC_FAM_MAGMA] = { "magma", "finite operations: Cayley tables, homomorphisms, actions" },
    [LC_FAM_BALL] = { "ball", "certified real numbers and matrices (balls)" },
    [LC_FAM_MATFUN] = { "matfun", "certified matrix exponentials and logarithms" },
    [LC_FAM_EQUIV] = { "equiv", "equivariance checks and certificates" },
    [LC_FAM_FINFO] = { "finfo", "finite-information words" },
    [LC_FAM_TRANSFORMER] = { "transformer", "transformer models" },
    [LC_FAM_GAUGE] = { "gauge", "gauge symmetries of transformers" },
    [LC_FAM_SSM] = { "ssm", "sequence models: Magnus terms, towers, free nilpotent algebras" },
    [LC_FAM_LIEATTN] = { "lieattn", "Lie-algebra attention scores" },
    [LC_FAM_REP] = { "rep", "group representations and exact equivariant maps" },
    [LC_FAM_CHECK] = { "check", "checks that record a verdict in a claim" },
    [LC_FAM_CLAIM] = { "claim", "claim records and the report" },
};

const char *
lc_family_name(lc_family f)
{
    return (int) f >= 0 && f < LC_FAM_COUNT ? families[f].name : "?";
}

const char *
lc_family_title(lc_family f)
{
    return (int) f >= 0 && f < LC_FAM_COUNT ? families[f].title : "?";
}

slong
lc_builtin_nrows(void)
{
    slong k, n = 0;

    for (k = 0; k < NARRAYS; k++)
        n += *registry[k].n;
    return n;
}

const lc_builtin_struct *
lc_builtin_row(slong i)
{
    slong k;

    for (k = 0; k < NARRAYS && i >= 0; k++)
    {
        if (i < *registry[k].n)
            return registry[k].rows + i;
        i -= *registry[k].n;
    }
    return NULL;
}

const lc_builtin_struct *
lc_builtin_find(const char * name)
{
    FOR_ROWS(r)
        if (strcmp(r->name, name) == 0)
            return r;
    return NULL;
}

/* help.c writes it, from the registry and the table of keywords. */
static int
bi_help(ARGS)
{
    UNUSED_ARGS;
    return lc_help_call(res, S, args, nargs, err);
}

/* The position of the parameter called name in the signature text of b
   ("load_model(path, heads, activation, ...)"), or -1.  Parameters that are
   not plain names ("[A, B]", "\"what\"") match nothing. */
static slong
param_index(const lc_builtin_struct * b, const char * name)
{
    const char * p = strchr(b->sig, '(');
    slong k = 0, depth = 0;
    size_t len = strlen(name);

    if (p == NULL)
        return -1;
    for (p++; *p != '\0' && !(*p == ')' && depth == 0); p++)
    {
        if (*p == '[' || *p == '(')
            depth++;
        else if (*p == ']' || *p == ')')
            depth--;
        else if (*p == ',' && depth == 0)
            k++;
        else if (depth == 0 && (p[-1] == '(' || p[-1] == ',' || p[-1] == ' ')
                 && strncmp(p, name, len) == 0 && (p[len] == ',' || p[len] == ')'))
            return k;
    }
    return -1;
}

slong
lc_builtin_param_index(const lc_builtin_struct * b, const char * name)
{
    slong k;

    FOR_ROWS(r)
        if (strcmp(r->name, b->name) == 0 && (k = param_index(r, name)) >= 0)
            return k;
    return -1;
}

/* ---------------------------------------------------- argument kinds */

#define T(t) (UWORD(1) << (t))
#define ANY_TYPE (T(LC_V_REP + 1) - 1)   /* every value type, nil included */

/* The value types kind k admits (for the overlap of two rows), 0 for a
   letter that is not a kind. */
static ulong
kind_types(char k)
{
    switch (k)
    {
        case 'a': return ANY_TYPE;
        case 'n': case 'i': return T(LC_V_NUM);
        case 'r': return T(LC_V_NUM) | T(LC_V_BALL);
        case 'm': return T(LC_V_MAT);
        case 'x': return T(LC_V_MAT) | T(LC_V_BMAT);
        case 'v': return T(LC_V_NUM) | T(LC_V_BALL) | T(LC_V_MAT) | T(LC_V_BMAT);
        case 'l': return T(LC_V_LIE);
        case 'p': return T(LC_V_PERM);
        case 'g': return T(LC_V_GROUP);
        case 'L': case 'M': case 'X': return T(LC_V_LIST);
        case 's': return T(LC_V_STR);
        case 'c': return T(LC_V_LIST) | T(LC_V_STR);
        case 'f': return T(LC_V_STR) | T(LC_V_BUILTIN);
        case 'F': return T(LC_V_FUNC) | T(LC_V_BUILTIN);
        case 'b': return T(LC_V_BOOL);
        case 'T': return T(LC_V_MODEL);
        case 'R': return T(LC_V_REP);
        default: return 0;
    }
}

/* The integers kind i takes: |x| <= 2^62, so that a built-in may add one,
   subtract one or double an argument (k - 1 for a 1-based index, n + 1 for
   a size) without overflowing a machine word.  Every function's own range
   is far inside. */
#define ARG_INT_BITS 62

static int
is_arg_int(const lc_val v)
{
    return lc_val_is_si(v) && lc_val_get_si(v) >= -(WORD(1) << ARG_INT_BITS)
        && lc_val_get_si(v) <= (WORD(1) << ARG_INT_BITS);
}

/* Does v fit kind k?  If not, what to call the expected kind.  The
   elements of M and X lists are checked when they are unpacked. */
static const char *
kind_mismatch(char k, const lc_val v)
{
    switch (k)
    {
        case 'a': return NULL;
        case 'n': return v->type == LC_V_NUM ? NULL : "a number";
        case 'i': return is_arg_int(v) ? NULL : "an integer";
        case 'm': return v->type == LC_V_MAT ? NULL : "a matrix";
        case 'l': return v->type == LC_V_LIE ? NULL : "a lie algebra";
        case 'p': return v->type == LC_V_PERM ? NULL : "a permutation";
        case 'g': return v->type == LC_V_GROUP ? NULL : "a group";
        case 'L': return v->type == LC_V_LIST ? NULL : "a list";
        case 'M': return v->type == LC_V_LIST ? NULL : "a list of exact matrices";
        case 'X': return v->type == LC_V_LIST ? NULL : "a list of matrices";
        case 's': return v->type == LC_V_STR ? NULL : "a string";
        case 'c': return v->type == LC_V_LIST || v->type == LC_V_STR ? NULL : "a list or a string";
        case 'f': return v->type == LC_V_STR || v->type == LC_V_BUILTIN ? NULL : "a string or a function";
        case 'b': return v->type == LC_V_BOOL ? NULL : "true or false";
        case 'F': return v->type == LC_V_FUNC || v->type == LC_V_BUILTIN ? NULL : "a function";
        case 'x': return v->type == LC_V_MAT || v->type == LC_V_BMAT ? NULL : "a matrix";
        case 'r': return v->type == LC_V_NUM || v->type == LC_V_BALL ? NULL : "a number";
        case 'T': return v->type == LC_V_MODEL ? NULL : "a model";
        case 'R': return v->type == LC_V_REP ? NULL : "a representation";
        case 'v': return v->type == LC_V_NUM || v->type == LC_V_BALL || v->type == LC_V_MAT
                         || v->type == LC_V_BMAT ? NULL : "a number or a matrix";
        default: return "a value of another kind";
    }
}

/* The kind of argument i of b (the last letter applies to the rest). */
static char
kind_at(const lc_builtin_struct * b, slong i)
{
    slong nk = (slong) strlen(b->kinds);

    return nk == 0 ? 'a' : b->kinds[i < nk ? i : nk - 1];
}

static int
arity_fits(const lc_builtin_struct * b, slong nargs)
{
    return nargs >= b->min_args && (b->max_args < 0 || nargs <= b->max_args);
}

/* The first argument that does not fit b's kinds, or -1; *want says what
   it should have been.  An argument skipped by keywords (lc_val_omitted) in
   an optional position fits; a nil value given explicitly does not, so that
   help(print()) is told so rather than read as help(). */
static slong
misfit(const char ** want, const lc_builtin_struct * b, lc_val * args, slong nargs)
{
    slong i;

    for (i = 0; i < nargs; i++)
    {
        if (args[i] == lc_val_omitted() && i >= b->min_args)
            continue;
        if ((*want = kind_mismatch(kind_at(b, i), args[i])) != NULL)
            return i;
    }
    return -1;
}

/* Is v an integer past the range of kind i? */
static int
past_arg_int(const lc_val v)
{
    return v->type == LC_V_NUM && fmpz_is_one(fmpq_denref(v->u.q)) && !is_arg_int(v);
}

/* The message for the only row of a name: its arity, or its first misfit. */
static int
row_error(const lc_builtin_struct * b, lc_val * args, slong nargs, lc_err_t err)
{
    const char * want;
    slong i;

    if (!arity_fits(b, nargs))
    {
        if (b->max_args < 0)
            return lc_err_set(err, LC_E_ARG, "expected at least %ld argument%s, got %ld",
                              (long) b->min_args, b->min_args == 1 ? "" : "s", (long) nargs);
        if (b->min_args == b->max_args)
            return lc_err_set(err, LC_E_ARG, "expected %ld argument%s, got %ld",
                              (long) b->min_args, b->min_args == 1 ? "" : "s", (long) nargs);
        if (b->min_args == 0)
            return lc_err_set(err, LC_E_ARG, "expected at most %ld argument%s, got %ld",
                              (long) b->max_args, b->max_args == 1 ? "" : "s", (long) nargs);
        return lc_err_set(err, LC_E_ARG, "expected %ld to %ld arguments, got %ld",
                          (long) b->min_args, (long) b->max_args, (long) nargs);
    }
    i = misfit(&want, b, args, nargs);
    if (kind_at(b, i) == 'i' && past_arg_int(args[i]))
        return lc_err_set(err, LC_E_LIMIT, "argument %ld is an integer of %ld bits, past the "
                          "limit of integer arguments (-2^62 to 2^62)", (long) (i + 1),
                          (long) fmpz_bits(fmpq_numref(args[i]->u.q)));
    if (args[i]->type == LC_V_NUM)
    {
        char * s = lc_val_get_str(args[i], 0);

        lc_err_set(err, LC_E_ARG, "argument %ld must be %s, got %.200s%s", (long) (i + 1), want, s,
                   strlen(s) > 200 ? "..." : "");
        flint_free(s);
        return LC_E_ARG;
    }
    if (args[i] == lc_val_omitted())
        return lc_err_set(err, LC_E_ARG, "argument %ld is missing (it must be %s)", (long) (i + 1), want);
    if (args[i]->type == LC_V_NIL)
        return lc_err_set(err, LC_E_ARG, "argument %ld must be %s, got nil, the value of a "
                          "call that returns nothing (such as print())", (long) (i + 1), want);
    return lc_err_set(err, LC_E_ARG, "argument %ld must be %s, got %s",
                      (long) (i + 1), want, lc_val_kind(args[i]));
}

/* Append printf-style text to msg (of LC_ERR_MSG_LEN bytes, holding *len),
   truncating at its end. */
static void
put(char * msg, size_t * len, const char * fmt, ...)
{
    va_list ap;
    int k;

    if (*len + 1 >= LC_ERR_MSG_LEN)
        return;
    va_start(ap, fmt);
    k = vsnprintf(msg + *len, LC_ERR_MSG_LEN - *len, fmt, ap);
    va_end(ap);
    if (k > 0)
        *len = FLINT_MIN(*len + (size_t) k, (size_t) LC_ERR_MSG_LEN - 1);
}

/* The message when a name has several rows and none fits: the kinds given
   and every accepted signature. */
static int
forms_error(const char * name, lc_val * args, slong nargs, lc_err_t err)
{
    char msg[LC_ERR_MSG_LEN] = "";
    size_t len = 0;
    slong i, nforms = 0;

    put(msg, &len, "no form takes (");
    for (i = 0; i < nargs; i++)
        put(msg, &len, "%s%s", i > 0 ? ", " : "", lc_val_kind(args[i]));
    put(msg, &len, "); accepted: ");
    FOR_ROWS(r)
        if (strcmp(r->name, name) == 0)
            put(msg, &len, "%s%s", nforms++ > 0 ? ", " : "", r->sig);
    for (i = 0; i < nargs; i++)
        if (past_arg_int(args[i]))
        {
            put(msg, &len, " (argument %ld is an integer of %ld bits, past the limit of integer "
                "arguments, -2^62 to 2^62)", (long) (i + 1), (long) fmpz_bits(fmpq_numref(args[i]->u.q)));
            break;
        }
    return lc_err_set(err, LC_E_ARG, "%s", msg);
}

static void
mats_clear(lc_mats_struct * ms, slong nargs)
{
    slong i;

    if (ms == NULL)
        return;
    for (i = 0; i < nargs; i++)
        flint_free(ms[i].m);
    flint_free(ms);
}

/* The length of the unpacked array for b called with nargs arguments: one
   entry per argument, and per kind letter, so that an omitted optional
   argument reads as an empty list. */
static slong
mats_len(const lc_builtin_struct * b, slong nargs)
{
    return FLINT_MAX(nargs, (slong) strlen(b->kinds));
}

/* Check the elements of the M and X arguments of b and unpack them into a
   new array of mats_len entries (NULL when b has no such kind); mats_clear
   frees it. */
static int
mats_unpack(lc_mats_struct ** out, const lc_builtin_struct * b, lc_val * args, slong nargs,
            lc_err_t err)
{
    lc_mats_struct * ms = NULL;
    slong i, j;

    *out = NULL;
    if (strchr(b->kinds, 'M') == NULL && strchr(b->kinds, 'X') == NULL)
        return LC_OK;
    ms = flint_calloc(mats_len(b, nargs), sizeof(lc_mats_struct));
    for (i = 0; i < nargs; i++)
    {
        const char k = kind_at(b, i);
        const lc_val l = args[i];
        int exact = 1;

        if ((k != 'M' && k != 'X') || l->type != LC_V_LIST)   /* nil: skipped */
            continue;
        for (j = 0; j < l->u.list.len; j++)
        {
            const lc_vtype t = l->u.list.items[j]->type;

            if (t == LC_V_MAT || (k == 'X' && t == LC_V_BMAT))
            {
                exact = exact && t == LC_V_MAT;
                continue;
            }
            mats_clear(ms, mats_len(b, nargs));
            return lc_err_set(err, LC_E_ARG, "argument %ld, element %ld must be %s, got %s",
                              (long) (i + 1), (long) (j + 1), k == 'M' ? "an exact matrix" : "a matrix",
                              lc_val_kind(l->u.list.items[j]));
        }
        ms[i].len = l->u.list.len;
        if (exact && ms[i].len > 0)
        {
            ms[i].m = flint_malloc(sizeof(fmpq_mat_struct) * ms[i].len);
            for (j = 0; j < ms[i].len; j++)
                ms[i].m[j] = *l->u.list.items[j]->u.m;    /* shallow: only read */
        }
    }
    *out = ms;
    return LC_OK;
}

int
lc_builtin_call(lc_val * res, lc_session_struct * S, const lc_builtin_struct * b,
                lc_val * args, slong nargs, lc_err_t err)
{
    const lc_builtin_struct * row = NULL;
    lc_mats_struct * ms = NULL;
    char msg[LC_ERR_MSG_LEN];
    const char * want;
    slong nforms = 0;
    size_t n;
    int st;

    lc_err_init(err);
    FOR_ROWS(r)
        if (strcmp(r->name, b->name) == 0)
        {
            nforms++;
            if (row == NULL && arity_fits(r, nargs) && misfit(&want, r, args, nargs) < 0)
                row = r;
        }
    if (row == NULL)
        st = nforms == 1 ? row_error(b, args, nargs, err) : forms_error(b->name, args, nargs, err);
    else if ((st = mats_unpack(&ms, row, args, nargs, err)) == LC_OK)
    {
        st = row->fn(res, S, args, nargs, ms, err);
        mats_clear(ms, mats_len(row, nargs));
    }
    if (st == LC_OK)
        return LC_OK;
    /* library messages may already name the function */
    n = strlen(b->name);
    if (strncmp(err->msg, b->name, n) == 0 && err->msg[n] == ':')
        return err->code != LC_OK ? err->code : LC_E_ARG;
    memcpy(msg, err->msg, sizeof(msg));
    return lc_err_set(err, err->code != LC_OK ? err->code : LC_E_ARG, "%s: %s", b->name, msg);
}

/* ------------------------------------------------------------ invariants */

/* Is there an argument list that both a and b accept (so that the later of
   the two rows can never run for it)?  Past the longer kind string and both
   minimum counts every position repeats, so one more argument decides the
   unbounded case. */
static int
rows_overlap(const lc_builtin_struct * a, const lc_builtin_struct * b)
{
    slong lo = FLINT_MAX(a->min_args, b->min_args), hi, n, i;

    hi = FLINT_MAX(FLINT_MAX((slong) strlen(a->kinds), (slong) strlen(b->kinds)), lo) + 1;
    if (a->max_args >= 0)
        hi = FLINT_MIN(hi, a->max_args);
    if (b->max_args >= 0)
        hi = FLINT_MIN(hi, b->max_args);
    for (n = lo; n <= hi; n++)
    {
        for (i = 0; i < n; i++)
        {
            ulong ta = kind_types(kind_at(a, i)) | (i >= a->min_args ? T(LC_V_NIL) : 0);
            ulong tb = kind_types(kind_at(b, i)) | (i >= b->min_args ? T(LC_V_NIL) : 0);

            if ((ta & tb) == 0)
                break;
        }
        if (i == n)
            return 1;
    }
    return 0;
}

static int
check_row(const lc_builtin_struct * b, lc_err_t err)
{
    const char * k;
    size_t n = strlen(b->name);

    for (k = b->kinds; *k != '\0'; k++)
        if (kind_types(*k) == 0)
            return lc_err_set(err, LC_E_ARG, "%s: unknown kind '%c'", b->sig, *k);
    if (b->min_args < 0 || (b->max_args >= 0 && b->max_args < b->min_args))
        return lc_err_set(err, LC_E_ARG, "%s: arity %ld..%ld", b->sig, (long) b->min_args,
                          (long) b->max_args);
    if (strncmp(b->sig, b->name, n) != 0 || b->sig[n] != '(')
        return lc_err_set(err, LC_E_ARG, "%s: the signature does not start with '%s('", b->sig, b->name);
    if ((int) b->family < 0 || b->family >= LC_FAM_COUNT)
        return lc_err_set(err, LC_E_ARG, "%s: no family", b->sig);
    if (b->fn == NULL || b->help == NULL)
        return lc_err_set(err, LC_E_ARG, "%s: no function or no help", b->sig);
    return LC_OK;
}

static int
check_pair(const lc_builtin_struct * a, const lc_builtin_struct * b, lc_err_t err)
{
    if (strcmp(a->name, b->name) == 0 && rows_overlap(a, b))
        return lc_err_set(err, LC_E_ARG, "%s and %s: two rows of '%s' that one argument list fits",
                          a->sig, b->sig, a->name);
    return LC_OK;
}

int
lc_builtin_check_table(const lc_builtin_struct * rows, slong n, lc_err_t err)
{
    slong i, j;

    lc_err_init(err);
    for (i = 0; i < n; i++)
    {
        if (check_row(rows + i, err) != LC_OK)
            return err->code;
        for (j = 0; j < i; j++)
            if (check_pair(rows + j, rows + i, err) != LC_OK)
                return err->code;
    }
    return LC_OK;
}

int
lc_builtin_check_registry(lc_err_t err)
{
    slong i, j, n = lc_builtin_nrows();

    lc_err_init(err);
    for (i = 0; i < n; i++)
    {
        if (check_row(lc_builtin_row(i), err) != LC_OK)
            return err->code;
        for (j = 0; j < i; j++)
            if (check_pair(lc_builtin_row(j), lc_builtin_row(i), err) != LC_OK)
                return err->code;
    }
    return LC_OK;
}
