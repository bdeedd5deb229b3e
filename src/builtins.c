/* builtins.c -- the built-in functions and their table. */
#include "config.h"
#include <string.h>
#include "builtins.h"

#define ARGS lc_val * res, lc_session_struct * S, lc_val * args, slong nargs, lc_err_t err
#define UNUSED_ARGS (void) S; (void) args; (void) nargs; (void) err

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
    if (args[0]->type == LC_V_PERM)
        return lc_groupfn_overload("inv", res, S, args, nargs, err);
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

/* lie(A, B, ...) and lie([A, B, ...]): the generators are copied into one
   array of fmpq_mat_struct, as lc_lie_closure wants them. */
static int
bi_lie(ARGS)
{
    lc_val * gens = args;
    slong i, n = nargs;
    fmpq_mat_struct * m;
    int st, from_list = 0;

    UNUSED_ARGS;
    if (nargs == 1 && args[0]->type == LC_V_LIST)
    {
        gens = args[0]->u.list.items;
        n = args[0]->u.list.len;
        from_list = 1;
        if (n == 0)
            return lc_err_set(err, LC_E_ARG, "the list of generators is empty");
    }
    for (i = 0; i < n; i++)
        if (gens[i]->type != LC_V_MAT)
            return lc_err_set(err, LC_E_ARG, "%s %ld must be a matrix, got %s",
                              from_list ? "element" : "argument", (long) (i + 1), lc_val_kind(gens[i]));
    m = flint_malloc(sizeof(fmpq_mat_struct) * n);
    for (i = 0; i < n; i++)
        m[i] = *gens[i]->u.m;   /* shallow: the closure only reads them */
    *res = lc_val_lie();
    if ((st = lc_lie_closure((*res)->u.lie, m, n, 0, err)) != LC_OK)
        lc_val_unref(*res);
    flint_free(m);
    return st;
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
    if (args[0]->type == LC_V_GROUP)
        return lc_groupfn_overload("derived_series", res, S, args, nargs, err);
    slong * dims = flint_malloc(sizeof(slong) * (lc_lie_dim(args[0]->u.lie) + 2));

    UNUSED_ARGS;
    *res = series_list(dims, lc_lie_derived_series(dims, args[0]->u.lie));
    flint_free(dims);
    return LC_OK;
}

static int
bi_lower_central_series(ARGS)
{
    if (args[0]->type == LC_V_GROUP)
        return lc_groupfn_overload("lower_central_series", res, S, args, nargs, err);
    slong * dims = flint_malloc(sizeof(slong) * (lc_lie_dim(args[0]->u.lie) + 2));

    UNUSED_ARGS;
    *res = series_list(dims, lc_lie_lower_central_series(dims, args[0]->u.lie));
    flint_free(dims);
    return LC_OK;
}

static int
bi_centre(ARGS)
{
    if (args[0]->type == LC_V_GROUP)
        return lc_groupfn_overload("centre", res, S, args, nargs, err);
    UNUSED_ARGS;
    *res = lc_val_lie();
    lc_lie_centre((*res)->u.lie, args[0]->u.lie);
    return LC_OK;
}

static int
bi_is_solvable(ARGS)
{
    if (args[0]->type == LC_V_GROUP)
        return lc_groupfn_overload("is_solvable", res, S, args, nargs, err);
    UNUSED_ARGS;
    *res = lc_val_bool(lc_lie_is_solvable(args[0]->u.lie));
    return LC_OK;
}

static int
bi_is_nilpotent(ARGS)
{
    if (args[0]->type == LC_V_GROUP)
        return lc_groupfn_overload("is_nilpotent", res, S, args, nargs, err);
    UNUSED_ARGS;
    *res = lc_val_bool(lc_lie_is_nilpotent(args[0]->u.lie));
    return LC_OK;
}

static int
bi_is_abelian(ARGS)
{
    if (args[0]->type == LC_V_GROUP)
        return lc_groupfn_overload("is_abelian", res, S, args, nargs, err);
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
    if (args[0]->type == LC_V_GROUP)
        return lc_groupfn_overload("derived_length", res, S, args, nargs, err);
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
        lc_val_fprint(S->out, args[i], 1);
    }
    fputc('\n', S->out);
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

/* ---------------------------------------------------------------- table */

static const lc_builtin_struct lc_builtins[] =
{
    { "transpose", "x", 1, 1, bi_transpose, "transpose(A)", "the transpose of the matrix A" },
    { "inv", "I", 1, 1, bi_inv, "inv(A)",
      "the inverse of the square matrix A (error if singular), or of a permutation" },
    { "det", "m", 1, 1, bi_det, "det(A)", "the determinant of the square matrix A" },
    { "rank", "m", 1, 1, bi_rank, "rank(A)", "the rank of A over Q" },
    { "eye", "i", 1, 1, bi_eye, "eye(n)", "the n x n identity matrix" },
    { "zeros", "ii", 2, 2, bi_zeros, "zeros(m, n)", "the m x n zero matrix" },
    { "vec", "m", 1, 1, bi_vec, "vec(A)", "the column that stacks the columns of A" },
    { "size", "x", 1, 1, bi_size, "size(A)", "[rows, columns] of A" },
    { "bracket", "mm", 2, 2, bi_bracket, "bracket(A, B)", "the commutator [A, B] = AB - BA" },
    { "lie", "a", 1, -1, bi_lie, "lie(A, B, ...)",
      "the Lie algebra generated by matrices (also lie([A, B, ...]))" },
    { "dim", "l", 1, 1, bi_dim, "dim(L)", "the dimension of the Lie algebra L" },
    { "basis", "l", 1, 1, bi_basis, "basis(L)", "the reduced echelon basis of L, a list of matrices" },
    { "derived_series", "G", 1, 1, bi_derived_series, "derived_series(L)",
      "dimensions of L, [L,L], ... up to 0 or the first repeat (orders, for a group)" },
    { "lower_central_series", "G", 1, 1, bi_lower_central_series, "lower_central_series(L)",
      "dimensions of L, [L,L], [L,[L,L]], ... up to 0 or the first repeat (orders, for a group)" },
    { "centre", "G", 1, 1, bi_centre, "centre(L)", "the centre of L, a Lie algebra (of a group G, a group)" },
    { "center", "G", 1, 1, bi_centre, "center(L)", "the same as centre(L)" },
    { "is_solvable", "G", 1, 1, bi_is_solvable, "is_solvable(L)", "whether the derived series reaches 0 (1)" },
    { "is_nilpotent", "G", 1, 1, bi_is_nilpotent, "is_nilpotent(L)",
      "whether the lower central series reaches 0 (1)" },
    { "is_abelian", "G", 1, 1, bi_is_abelian, "is_abelian(L)", "whether [L, L] = 0 (1)" },
    { "is_semisimple", "l", 1, 1, bi_is_semisimple, "is_semisimple(L)",
      "whether the Killing form is non-degenerate (Cartan's criterion)" },
    { "derived_length", "G", 1, 1, bi_derived_length, "derived_length(L)",
      "the least k with L^(k) = 0, or the string \"not solvable\"" },
    { "killing_form", "l", 1, 1, bi_killing_form, "killing_form(L)",
      "the matrix of tr(ad x ad y) in the basis of L" },
    { "killing_rank", "l", 1, 1, bi_killing_rank, "killing_rank(L)", "the rank of the Killing form" },
    { "contains", "lm", 2, 2, bi_contains, "contains(L, A)", "whether the matrix A lies in L" },
    { "print", "a", 0, -1, bi_print, "print(a, b, ...)", "write the values on one line, separated by spaces" },
    { "prec", "i", 0, 1, bi_prec, "prec(p)", "set the working precision to p bits; prec() returns it" },
    { "seed", "i", 0, 1, bi_seed, "seed(s)", "set the random seed; seed() returns it" },
    { "len", "c", 1, 1, bi_len, "len(x)", "the length of a list or string" },
    { "help", "f", 0, 1, bi_help, "help(name)", "list the built-ins, or describe one: help(\"lie\")" },
};

#define NBUILTINS ((slong) (sizeof(lc_builtins) / sizeof(lc_builtins[0])))

static const slong nbuiltins_core = NBUILTINS;

/* Every table of built-ins, in the order help() lists them. */
static const struct
{
    const lc_builtin_struct * t;
    const slong * n;
    const char * title;
}
tables[] =
{
    { lc_builtins, &nbuiltins_core, "built-in functions (help(\"name\") describes one):" },
    { lc_builtins_cert, &lc_nbuiltins_cert, "certified numerics and claims:" },
    { lc_builtins_equiv, &lc_nbuiltins_equiv, "functions and equivariance:" },
    { lc_builtins_seq, &lc_nbuiltins_seq, "sequences, certificates and finite information:" },
    { lc_builtins_ssm, &lc_nbuiltins_ssm, "sequence models: Magnus terms, towers, free nilpotent algebras:" },
    { lc_builtins_group, &lc_nbuiltins_group, "finite groups and permutations:" },
    { lc_builtins_magma, &lc_nbuiltins_magma, "finite operations, groups and actions (Cayley tables):" },
    { lc_builtins_tf, &lc_nbuiltins_tf, "transformer models:" },
    { lc_builtins_gauge, &lc_nbuiltins_gauge, "gauge symmetries of transformers:" },
};

#define NTABLES ((slong) (sizeof(tables) / sizeof(tables[0])))

const lc_builtin_struct *
lc_builtin_find(const char * name)
{
    slong i, k;

    for (k = 0; k < NTABLES; k++)
        for (i = 0; i < *tables[k].n; i++)
            if (strcmp(tables[k].t[i].name, name) == 0)
                return tables[k].t + i;
    return NULL;
}

static int
bi_help(ARGS)
{
    const lc_builtin_struct * b;
    slong i;

    UNUSED_ARGS;
    if (nargs == 0)
    {
        slong k;

        for (k = 0; k < NTABLES; k++)
        {
            fprintf(S->out, "%s\n", tables[k].title);
            for (i = 0; i < *tables[k].n; i++)
                fprintf(S->out, "  %-26s %s\n", tables[k].t[i].sig, tables[k].t[i].help);
        }
        *res = lc_val_nil();
        return LC_OK;
    }
    if (args[0]->type == LC_V_BUILTIN)
        b = args[0]->u.fn;
    else if ((b = lc_builtin_find(args[0]->u.str.s)) == NULL)
        return lc_err_set(err, LC_E_ARG, "no built-in named '%.100s'", args[0]->u.str.s);
    fprintf(S->out, "%s\n  %s\n", b->sig, b->help);
    *res = lc_val_nil();
    return LC_OK;
}

/* The position of the parameter called name in b's signature text
   ("load_model(path, heads, activation, ...)"), or -1.  Parameters that are
   not plain names ("[A, B]", "\"what\"") match nothing. */
slong
lc_builtin_param_index(const lc_builtin_struct * b, const char * name)
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

/* Does v fit kind k?  If not, what to call the expected kind. */
static const char *
kind_mismatch(char k, const lc_val v)
{
    switch (k)
    {
        case 'a': return NULL;
        case 'n': return v->type == LC_V_NUM ? NULL : "a number";
        case 'i': return lc_val_is_si(v) ? NULL : "an integer";
        case 'm': return v->type == LC_V_MAT ? NULL : "a matrix";
        case 'l': return v->type == LC_V_LIE ? NULL : "a lie algebra";
        case 'p': return v->type == LC_V_PERM ? NULL : "a permutation";
        case 'g': return v->type == LC_V_GROUP ? NULL : "a group";
        case 'G': return v->type == LC_V_LIE || v->type == LC_V_GROUP ? NULL : "a lie algebra or a group";
        case 'I': return v->type == LC_V_MAT || v->type == LC_V_BMAT || v->type == LC_V_PERM ? NULL
                         : "a matrix or a permutation";
        case 'L': return v->type == LC_V_LIST ? NULL : "a list";
        case 's': return v->type == LC_V_STR ? NULL : "a string";
        case 'c': return v->type == LC_V_LIST || v->type == LC_V_STR ? NULL : "a list or a string";
        case 'f': return v->type == LC_V_STR || v->type == LC_V_BUILTIN ? NULL : "a string or a function";
        case 'b': return v->type == LC_V_BOOL ? NULL : "true or false";
        case 'F': return v->type == LC_V_FUNC || v->type == LC_V_BUILTIN ? NULL : "a function";
        case 'x': return v->type == LC_V_MAT || v->type == LC_V_BMAT ? NULL : "a matrix";
        case 'r': return v->type == LC_V_NUM || v->type == LC_V_BALL ? NULL : "a number";
        case 'T': return v->type == LC_V_MODEL ? NULL : "a model";
        case 'v': return v->type == LC_V_NUM || v->type == LC_V_BALL || v->type == LC_V_MAT
                         || v->type == LC_V_BMAT ? NULL : "a number or a matrix";
        default: return "a value of another kind";
    }
}

static int
check_args(const lc_builtin_struct * b, lc_val * args, slong nargs, lc_err_t err)
{
    slong i, nk = (slong) strlen(b->kinds);
    const char * want;

    if (nargs < b->min_args || (b->max_args >= 0 && nargs > b->max_args))
    {
        if (b->max_args < 0)
            return lc_err_set(err, LC_E_ARG, "expected at least %ld argument%s, got %ld",
                              (long) b->min_args, b->min_args == 1 ? "" : "s", (long) nargs);
        if (b->min_args == b->max_args)
            return lc_err_set(err, LC_E_ARG, "expected %ld argument%s, got %ld",
                              (long) b->min_args, b->min_args == 1 ? "" : "s", (long) nargs);
        return lc_err_set(err, LC_E_ARG, "expected %ld to %ld arguments, got %ld",
                          (long) b->min_args, (long) b->max_args, (long) nargs);
    }
    for (i = 0; i < nargs; i++)
    {
        const lc_val v = args[i];

        /* nil in an optional position: an argument skipped by keywords */
        if (v->type == LC_V_NIL && i >= b->min_args)
            continue;
        if ((want = kind_mismatch(b->kinds[i < nk ? i : nk - 1], v)) == NULL)
            continue;
        if (v->type == LC_V_NUM)
        {
            char * s = lc_val_get_str(v, 0);

            lc_err_set(err, LC_E_ARG, "argument %ld must be %s, got %.200s", (long) (i + 1), want, s);
            flint_free(s);
            return LC_E_ARG;
        }
        return lc_err_set(err, LC_E_ARG, "argument %ld must be %s, got %s",
                          (long) (i + 1), want, lc_val_kind(v));
    }
    return LC_OK;
}

int
lc_builtin_call(lc_val * res, lc_session_struct * S, const lc_builtin_struct * b,
                lc_val * args, slong nargs, lc_err_t err)
{
    char msg[LC_ERR_MSG_LEN];
    size_t n;

    lc_err_init(err);
    if (check_args(b, args, nargs, err) == LC_OK && b->fn(res, S, args, nargs, err) == LC_OK)
        return LC_OK;
    /* library messages may already name the function */
    n = strlen(b->name);
    if (strncmp(err->msg, b->name, n) == 0 && err->msg[n] == ':')
        return err->code != LC_OK ? err->code : LC_E_ARG;
    memcpy(msg, err->msg, sizeof(msg));
    return lc_err_set(err, err->code != LC_OK ? err->code : LC_E_ARG, "%s: %s", b->name, msg);
}
