/* eval.c -- the evaluator: walks the tree of a chunk against a session.
 *
 * eval() returns LC_OK with a new reference in *out, or an error code with
 * the message and the position of the failing node in d (and *out unset).
 * Recursion follows the tree, whose depth the parser has capped. */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "eval.h"
#include "builtins.h"
#include "ballops.h"

/* A power whose result would have more bits than this is refused: an exact
   2^(10^9) is a gigabyte, not an answer. */
#define LC_MAX_POW_BITS (WORD(1) << 24)
/* Matrix powers A^e are refused for |e| above this. */
#define LC_MAX_MAT_POW WORD(1000000)

/* ------------------------------------------------------------ variables */

static ulong
hash_str(const char * s)
{
    ulong h = 5381;

    while (*s)
        h = 33 * h + (unsigned char) *s++;
    return h;
}

void
lc_session_init(lc_session_t S)
{
    lc_err_t e;

    /* Two rows of one name that one call fits, or an unknown kind letter,
       would silently run the wrong function: a programming error, so refuse
       to start rather than run with it. */
    if (lc_builtin_check_registry(e) != LC_OK)
    {
        fprintf(stderr, "liecheck: broken registry of built-ins: %s\n", e->msg);
        abort();
    }
    S->alloc = 64;
    S->nvars = 0;
    S->vars = flint_calloc(S->alloc, sizeof(lc_var_struct));
    S->prec = LC_PREC_DEFAULT;
    S->seed = 0;
    flint_randinit(S->rnd);
    lc_rand_seed(S->rnd, 0);
    S->echo = 0;
    S->depth = 0;
    S->out = stdout;
    S->chunk = "<input>";
    lc_report_init(S->report);
    S->claim = -1;
    S->cov_line = 0;
    S->chk = NULL;
    lc_check_init(S->scratch);
    S->digits = LC_BALL_DIGITS;
    S->pretty = 0;
}

void
lc_session_clear(lc_session_t S)
{
    slong i;

    for (i = 0; i < S->alloc; i++)
        if (S->vars[i].name != NULL)
        {
            flint_free(S->vars[i].name);
            lc_val_unref(S->vars[i].v);
        }
    flint_free(S->vars);
    lc_report_clear(S->report);
    flint_randclear(S->rnd);
    lc_check_clear(S->scratch);
}

static lc_var_struct *
slot(const lc_session_t S, const char * name)
{
    ulong i = hash_str(name) & (S->alloc - 1);

    while (S->vars[i].name != NULL && strcmp(S->vars[i].name, name) != 0)
        i = (i + 1) & (S->alloc - 1);
    return S->vars + i;
}

lc_val
lc_session_get(const lc_session_t S, const char * name)
{
    return slot(S, name)->v;
}

void
lc_session_set(lc_session_t S, const char * name, lc_val v)
{
    lc_var_struct * e = slot(S, name);
    size_t n;

    if (e->name != NULL)
    {
        lc_val_unref(e->v);
        e->v = v;
        return;
    }
    if (2 * (S->nvars + 1) > S->alloc)
    {
        /* rehash into a table twice the size, keeping the load below 1/2 */
        lc_var_struct * old = S->vars;
        slong i, oldalloc = S->alloc;

        S->alloc *= 2;
        S->vars = flint_calloc(S->alloc, sizeof(lc_var_struct));
        for (i = 0; i < oldalloc; i++)
            if (old[i].name != NULL)
                *slot(S, old[i].name) = old[i];
        flint_free(old);
        e = slot(S, name);
    }
    n = strlen(name) + 1;
    e->name = flint_malloc(n);
    memcpy(e->name, name, n);
    e->v = v;
    S->nvars++;
}

void
lc_session_unset(lc_session_t S, const char * name)
{
    lc_var_struct * e = slot(S, name);

    /* The name stays as a tombstone, so that probing past it still works. */
    if (e->name != NULL)
    {
        lc_val_unref(e->v);
        e->v = NULL;
    }
}

/* ----------------------------------------------------------- arithmetic */

static int
num_pow(fmpq_t r, const fmpq_t a, const lc_val e, lc_err_t err)
{
    slong k, bits;

    if (!lc_val_is_si(e))
        return lc_err_set(err, LC_E_ARG, "the exponent of '^' must be an integer");
    k = lc_val_get_si(e);
    if (fmpq_is_zero(a) && k < 0)
        return lc_err_set(err, LC_E_DOMAIN, "division by zero");
    bits = FLINT_MAX(fmpz_bits(fmpq_numref(a)), fmpz_bits(fmpq_denref(a)));
    if (bits > 1 && (k > LC_MAX_POW_BITS / bits || -k > LC_MAX_POW_BITS / bits))
        return lc_err_set(err, LC_E_LIMIT, "the power would exceed %ld bits",
                          (long) LC_MAX_POW_BITS);
    if (k == WORD_MIN)
        return lc_err_set(err, LC_E_LIMIT, "exponent out of range");
    fmpq_pow_si(r, a, k);
    return LC_OK;
}

/* R := A^k for a square A, by repeated squaring; k < 0 inverts first. */
static int
mat_pow(fmpq_mat_t R, const fmpq_mat_t A, const lc_val e, lc_err_t err)
{
    fmpq_mat_t B, T;
    slong k;
    int st = LC_OK;

    if (!lc_val_is_si(e))
        return lc_err_set(err, LC_E_ARG, "the exponent of '^' must be an integer");
    k = lc_val_get_si(e);
    if (A->r != A->c)
        return lc_err_set(err, LC_E_DIM, "cannot raise a %ldx%ld matrix to a power (it is not square)",
                          (long) A->r, (long) A->c);
    if (k > LC_MAX_MAT_POW || k < -LC_MAX_MAT_POW)
        return lc_err_set(err, LC_E_LIMIT, "matrix exponent exceeds the limit %ld",
                          (long) LC_MAX_MAT_POW);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(T, 0, 0);
    if (k < 0)
    {
        if (lc_qmat_inv(B, A, err) != LC_OK)
        {
            st = lc_err_set(err, LC_E_SINGULAR, "cannot raise a singular matrix to a negative power");
            goto done;
        }
        k = -k;
    }
    else
    {
        lc_qmat_resize(B, A->r, A->c);
        fmpq_mat_set(B, A);
    }
    lc_qmat_eye(R, A->r);
    while (k > 0)
    {
        if (k & 1)
        {
            lc_qmat_mul(T, R, B, err);
            fmpq_mat_swap(T, R);
        }
        k >>= 1;
        if (k > 0)
        {
            lc_qmat_mul(T, B, B, err);
            fmpq_mat_swap(T, B);
        }
    }
done:
    fmpq_mat_clear(B);
    fmpq_mat_clear(T);
    return st;
}

static int
is_cmp(lc_tok_kind op)
{
    return op == LC_TK_EQ || op == LC_TK_NE || op == LC_TK_LT || op == LC_TK_LE
        || op == LC_TK_GT || op == LC_TK_GE;
}

/* An exact number or matrix computed from a certified one (upper(x) of a
   ball, say) is itself certified: a check on it can never be exact.  The
   mark goes on a fresh copy when *out is shared. */
static void
keep_cert(lc_val * out, int cert)
{
    lc_val v = *out, c;

    if (!cert || v->cert)
        return;
    if (v->type == LC_V_BOOL)
        *out = lc_val_bool_cert(v->u.b, 1);
    else if (v->type == LC_V_NUM || v->type == LC_V_MAT)
    {
        if (v->refs == 1)
        {
            v->cert = 1;
            return;
        }
        if (v->type == LC_V_NUM)
            c = lc_val_num(v->u.q);
        else
        {
            c = lc_val_mat();
            fmpq_mat_clear(c->u.m);
            fmpq_mat_init_set(c->u.m, v->u.m);
        }
        c->cert = 1;
        *out = c;
    }
    else
        return;
    lc_val_unref(v);
}

/* Whether v is or holds (in a list, at any depth) a ball: the printed text
   of a ball is not a value to compare. */
static int
holds_ball(const lc_val v)
{
    slong i;

    if (v->type == LC_V_BALL || v->type == LC_V_BMAT)
        return 1;
    if (v->type == LC_V_LIST)
        for (i = 0; i < v->u.list.len; i++)
            if (holds_ball(v->u.list.items[i]))
                return 1;
    return 0;
}

/* a op b for a comparison.  Exact values compare exactly; balls compare
   only when the answer is certain at this precision (otherwise an error:
   a ball cannot be said to equal, or to be below, an overlapping one). */
static int
compare_vals(lc_val * out, lc_tok_kind op, const lc_val a, const lc_val b, slong prec, lc_err_t err)
{
    int r, eq_op = (op == LC_TK_EQ || op == LC_TK_NE);

    if ((a->type == LC_V_NUM || a->type == LC_V_BALL) && (b->type == LC_V_NUM || b->type == LC_V_BALL)
        && (lc_is_ball(a) || lc_is_ball(b)))
    {
        arb_t x, y;
        int yes, no;

        arb_init(x);
        arb_init(y);
        lc_to_ball(x, a, prec, err);
        lc_to_ball(y, b, prec, err);
        switch (op)
        {
            case LC_TK_LT: yes = arb_lt(x, y); no = arb_ge(x, y); break;
            case LC_TK_LE: yes = arb_le(x, y); no = arb_gt(x, y); break;
            case LC_TK_GT: yes = arb_gt(x, y); no = arb_le(x, y); break;
            case LC_TK_GE: yes = arb_ge(x, y); no = arb_lt(x, y); break;
            default: yes = arb_eq(x, y); no = arb_ne(x, y); break;
        }
        arb_clear(x);
        arb_clear(y);
        if (op == LC_TK_NE)
        {
            int t = yes;
            yes = no;
            no = t;
        }
        if (!yes && !no)
            return lc_err_set(err, LC_E_LIMIT, "the comparison of overlapping balls is undecided "
                              "at %ld bits (raise prec(), or use equal(...) inside a claim)", (long) prec);
        /* Certain, but certain by ball arithmetic: a check built on this
           value is certified, not exact. */
        *out = lc_val_bool_cert(yes, 1);
        return LC_OK;
    }
    if (lc_is_ball(a) || lc_is_ball(b))
        return lc_err_set(err, LC_E_ARG, "cannot compare %s and %s (use equal(A, B) for ball matrices)",
                          lc_val_kind(a), lc_val_kind(b));
    if (a->type == LC_V_NUM && b->type == LC_V_NUM)
    {
        int c = fmpq_cmp(a->u.q, b->u.q);

        r = op == LC_TK_EQ ? c == 0 : op == LC_TK_NE ? c != 0 : op == LC_TK_LT ? c < 0
          : op == LC_TK_LE ? c <= 0 : op == LC_TK_GT ? c > 0 : c >= 0;
        *out = lc_val_bool(r);
        return LC_OK;
    }
    if (!eq_op)
        return lc_err_set(err, LC_E_ARG, "cannot order %s and %s", lc_val_kind(a), lc_val_kind(b));
    if (holds_ball(a) || holds_ball(b))
        return lc_err_set(err, LC_E_ARG, "cannot compare lists that hold balls with %s (compare "
                          "their elements, or use equal(...) inside a claim)",
                          op == LC_TK_EQ ? "==" : "!=");
    if (a->type == LC_V_BOOL && b->type == LC_V_BOOL)
    {
        r = (a->u.b != 0) == (b->u.b != 0);
        *out = lc_val_bool_cert(op == LC_TK_EQ ? r : !r, a->cert || b->cert);
        return LC_OK;
    }
    if (a->type == LC_V_LIE && b->type == LC_V_LIE)
        r = lc_lie_equal(a->u.lie, b->u.lie);
    else if (a->type == LC_V_GROUP && b->type == LC_V_GROUP)
        r = lc_group_equal(a->u.group, b->u.group);
    else if (a->type != b->type || a->type == LC_V_LIE || a->type == LC_V_BUILTIN)
        r = (a == b);
    else
    {
        /* Exact values print canonically: equal texts mean equal values. */
        char * x = lc_val_get_str(a, 0), * y = lc_val_get_str(b, 0);

        r = strcmp(x, y) == 0;
        flint_free(x);
        flint_free(y);
    }
    *out = lc_val_bool(op == LC_TK_EQ ? r : !r);
    return LC_OK;
}

static int arith(lc_val * out, lc_tok_kind op, const lc_val a, const lc_val b, slong prec,
                 lc_err_t err);

int
lc_arith(lc_val * out, lc_tok_kind op, const lc_val a, const lc_val b, slong prec, lc_err_t err)
{
    return arith(out, op, a, b, prec, err);
}

static int
arith(lc_val * out, lc_tok_kind op, const lc_val a, const lc_val b, slong prec, lc_err_t err)
{
    lc_val r;
    int st = LC_OK;

    if (is_cmp(op))
        return compare_vals(out, op, a, b, prec, err);
    if (op == LC_TK_STAR && (a->type == LC_V_LIST) != (b->type == LC_V_LIST))
    {
        /* x * [a, b] = [x * a, x * b] and [a, b] * x = [a * x, b * x]: acting
           on every token of a list at once. */
        const lc_val l = a->type == LC_V_LIST ? a : b;
        lc_val * items = flint_malloc(sizeof(lc_val) * (l->u.list.len > 0 ? l->u.list.len : 1));
        slong i;

        for (i = 0; i < l->u.list.len; i++)
        {
            st = (l == a) ? arith(items + i, op, l->u.list.items[i], b, prec, err)
                          : arith(items + i, op, a, l->u.list.items[i], prec, err);
            if (st != LC_OK)
            {
                while (i-- > 0)
                    lc_val_unref(items[i]);
                flint_free(items);
                return st;
            }
        }
        r = lc_val_list(items, l->u.list.len);
        flint_free(items);
        if (r == NULL)
            return lc_err_set(err, LC_E_LIMIT, "lists nested too deeply");
        *out = r;
        return LC_OK;
    }
    if (a->type == LC_V_PERM || b->type == LC_V_PERM)
        return lc_groupfn_arith(out, op, a, b, err);
    if (lc_is_ball(a) || lc_is_ball(b))
        return lc_ball_arith(out, op, a, b, prec, err);
    if (op == LC_TK_PLUS && a->type == LC_V_STR && b->type == LC_V_STR)
    {
        char * t = flint_malloc(a->u.str.len + b->u.str.len + 1);

        memcpy(t, a->u.str.s, a->u.str.len);
        memcpy(t + a->u.str.len, b->u.str.s, b->u.str.len);
        *out = lc_val_str(t, a->u.str.len + b->u.str.len);
        flint_free(t);
        return LC_OK;
    }
    if (a->type == LC_V_NUM && b->type == LC_V_NUM)
    {
        if (op == LC_TK_SLASH && fmpq_is_zero(b->u.q))
            return lc_err_set(err, LC_E_DOMAIN, "division by zero");
        r = lc_val_num(a->u.q);
        switch (op)
        {
            case LC_TK_PLUS: fmpq_add(r->u.q, a->u.q, b->u.q); break;
            case LC_TK_MINUS: fmpq_sub(r->u.q, a->u.q, b->u.q); break;
            case LC_TK_STAR: fmpq_mul(r->u.q, a->u.q, b->u.q); break;
            case LC_TK_SLASH: fmpq_div(r->u.q, a->u.q, b->u.q); break;
            default: st = num_pow(r->u.q, a->u.q, b, err); break;
        }
    }
    else if (a->type == LC_V_MAT && b->type == LC_V_MAT && op != LC_TK_CARET && op != LC_TK_SLASH)
    {
        const fmpq_mat_struct * A = a->u.m, * B = b->u.m;

        if ((op == LC_TK_STAR && A->c != B->r) || (op != LC_TK_STAR && (A->r != B->r || A->c != B->c)))
            return lc_err_set(err, LC_E_DIM, "cannot %s %ldx%ld and %ldx%ld matrices", lc_tok_verb(op),
                              (long) A->r, (long) A->c, (long) B->r, (long) B->c);
        r = lc_val_mat();
        if (op == LC_TK_PLUS)
            st = lc_qmat_add(r->u.m, A, B, err);
        else if (op == LC_TK_MINUS)
            st = lc_qmat_sub(r->u.m, A, B, err);
        else
            st = lc_qmat_mul(r->u.m, A, B, err);
    }
    else if (a->type == LC_V_MAT && b->type == LC_V_NUM && op == LC_TK_CARET)
    {
        r = lc_val_mat();
        st = mat_pow(r->u.m, a->u.m, b, err);
    }
    else if ((op == LC_TK_STAR && ((a->type == LC_V_NUM && b->type == LC_V_MAT)
                                   || (a->type == LC_V_MAT && b->type == LC_V_NUM)))
             || (op == LC_TK_SLASH && a->type == LC_V_MAT && b->type == LC_V_NUM))
    {
        const lc_val m = a->type == LC_V_MAT ? a : b, s = a->type == LC_V_MAT ? b : a;
        fmpq_t c;

        if (op == LC_TK_SLASH && fmpq_is_zero(s->u.q))
            return lc_err_set(err, LC_E_DOMAIN, "division by zero");
        fmpq_init(c);
        if (op == LC_TK_SLASH)
            fmpq_inv(c, s->u.q);
        else
            fmpq_set(c, s->u.q);
        r = lc_val_mat();
        lc_qmat_scalar_mul(r->u.m, m->u.m, c);
        fmpq_clear(c);
    }
    else if (op == LC_TK_CARET)
        return lc_err_set(err, LC_E_ARG, "cannot raise %s to the power %s", lc_val_kind(a), lc_val_kind(b));
    else if (op == LC_TK_SLASH && b->type == LC_V_MAT)
        return lc_err_set(err, LC_E_ARG, "cannot divide %s by a matrix (multiply by inv(...) instead)",
                          lc_val_kind(a));
    else
        return lc_err_set(err, LC_E_ARG, "cannot %s %s and %s", lc_tok_verb(op), lc_val_kind(a), lc_val_kind(b));

    if (st != LC_OK)
    {
        lc_val_unref(r);
        return st;
    }
    *out = r;
    return LC_OK;
}

static int
negate(lc_val * out, const lc_val a, lc_err_t err)
{
    lc_val r;

    if (lc_is_ball(a))
        return lc_ball_negate(out, a);
    if (a->type == LC_V_NUM)
    {
        r = lc_val_num(a->u.q);
        fmpq_neg(r->u.q, r->u.q);
    }
    else if (a->type == LC_V_MAT)
    {
        r = lc_val_mat();
        lc_qmat_resize(r->u.m, a->u.m->r, a->u.m->c);
        fmpq_mat_neg(r->u.m, a->u.m);
    }
    else
        return lc_err_set(err, LC_E_ARG, "cannot negate %s", lc_val_kind(a));
    *out = r;
    return LC_OK;
}

/* ------------------------------------------------------------- indexing */

static int
get_index(slong * k, const lc_val v, slong n, const char * what, lc_err_t err)
{
    if (v->type != LC_V_NUM)
        return lc_err_set(err, LC_E_ARG, "%s must be an integer, got %s", what, lc_val_kind(v));
    if (!lc_val_is_si(v) || lc_val_get_si(v) < 1 || lc_val_get_si(v) > n)
    {
        char * s = lc_val_get_str(v, 0);

        if (n == 0)
            lc_err_set(err, LC_E_ARG, "%s %.100s out of range (it is empty)", what, s);
        else
            lc_err_set(err, LC_E_ARG, "%s %.100s out of range 1..%ld", what, s, (long) n);
        flint_free(s);
        return LC_E_ARG;
    }
    *k = lc_val_get_si(v) - 1;
    return LC_OK;
}

/* Indices are 1-based, as in the mathematics: L[1] is the first element,
   A[i, j] the entry in row i and column j, A[i] row i as a 1 x n matrix. */
static int
index_val(lc_val * out, const lc_val x, lc_val * idx, slong nidx, lc_err_t err)
{
    slong i, j;
    lc_val r;

    if (x->type == LC_V_LIST)
    {
        if (nidx != 1)
            return lc_err_set(err, LC_E_ARG, "a list takes one index, got %ld", (long) nidx);
        if (get_index(&i, idx[0], x->u.list.len, "list index", err) != LC_OK)
            return err->code;
        *out = lc_val_ref(x->u.list.items[i]);
        return LC_OK;
    }
    if (x->type == LC_V_BMAT)
    {
        const arb_mat_struct * B = x->u.bm;

        if (nidx > 2)
            return lc_err_set(err, LC_E_ARG, "a matrix takes one or two indices, got %ld", (long) nidx);
        if (get_index(&i, idx[0], arb_mat_nrows(B), "row index", err) != LC_OK)
            return err->code;
        if (nidx == 1)
        {
            r = lc_val_bmat();
            lc_ball_resize(r->u.bm, 1, arb_mat_ncols(B));
            for (j = 0; j < arb_mat_ncols(B); j++)
                arb_set(arb_mat_entry(r->u.bm, 0, j), arb_mat_entry(B, i, j));
            *out = r;
            return LC_OK;
        }
        if (get_index(&j, idx[1], arb_mat_ncols(B), "column index", err) != LC_OK)
            return err->code;
        r = lc_val_ball();
        arb_set(r->u.ball, arb_mat_entry(B, i, j));
        *out = r;
        return LC_OK;
    }
    if (x->type != LC_V_MAT)
        return lc_err_set(err, LC_E_ARG, "cannot index %s", lc_val_kind(x));
    if (get_index(&i, idx[0], x->u.m->r, "row index", err) != LC_OK)
        return err->code;
    if (nidx == 1)
    {
        r = lc_val_mat();
        lc_qmat_resize(r->u.m, 1, x->u.m->c);
        for (j = 0; j < x->u.m->c; j++)
            fmpq_set(fmpq_mat_entry(r->u.m, 0, j), fmpq_mat_entry(x->u.m, i, j));
        *out = r;
        return LC_OK;
    }
    if (get_index(&j, idx[1], x->u.m->c, "column index", err) != LC_OK)
        return err->code;
    *out = lc_val_num(fmpq_mat_entry(x->u.m, i, j));
    return LC_OK;
}

/* ----------------------------------------------------------- evaluation */

static int eval(lc_val * out, lc_session_t S, const lc_node n, lc_diag_t d);

/* Evaluate n->kids[first..] into vals (which has room); on error unref the
   ones done. */
static int
eval_kids(lc_val * vals, lc_session_t S, const lc_node n, slong first, lc_diag_t d)
{
    slong i;

    for (i = first; i < n->nkids; i++)
        if (eval(vals + i - first, S, n->kids[i], d) != LC_OK)
        {
            while (--i >= first)
                lc_val_unref(vals[i - first]);
            return d->err->code;
        }
    return LC_OK;
}

static void
unref_all(lc_val * vals, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        lc_val_unref(vals[i]);
}

static int
eval_matrix(lc_val * out, lc_session_t S, const lc_node n, lc_diag_t d)
{
    lc_val * e;
    slong i, N = n->rows * n->cols;
    int any_ball = 0, st = LC_OK;

    if (n->rows > LC_QMAT_MAX_SIZE || n->cols > LC_QMAT_MAX_SIZE)
        return lc_diag_set(d, n->pos, LC_E_LIMIT, "matrix literal exceeds the size limit %d",
                           LC_QMAT_MAX_SIZE);
    /* Entries are numbers or balls; one ball makes the literal a ball matrix. */
    e = flint_calloc(N + 1, sizeof(lc_val));
    for (i = 0; i < N && st == LC_OK; i++)
    {
        const lc_node k = n->kids[i];

        if ((st = eval(e + i, S, k, d)) != LC_OK)
            break;
        if (e[i]->type == LC_V_BALL)
            any_ball = 1;
        else if (e[i]->type != LC_V_NUM)
            st = lc_diag_set(d, k->pos, LC_E_ARG, "matrix entry (%ld, %ld) must be a number, got %s",
                             (long) (i / n->cols + 1), (long) (i % n->cols + 1), lc_val_kind(e[i]));
    }
    if (st == LC_OK)
    {
        if (any_ball)
        {
            *out = lc_val_bmat();
            lc_ball_resize((*out)->u.bm, n->rows, n->cols);
            for (i = 0; i < N; i++)
                lc_to_ball(arb_mat_entry((*out)->u.bm, i / n->cols, i % n->cols), e[i], S->prec,
                           d->err);
        }
        else
        {
            *out = lc_val_mat();
            lc_qmat_resize((*out)->u.m, n->rows, n->cols);
            for (i = 0; i < N; i++)
                fmpq_set(fmpq_mat_entry((*out)->u.m, i / n->cols, i % n->cols), e[i]->u.q);
        }
    }
    for (i = 0; i < N; i++)
        lc_val_unref(e[i]);
    flint_free(e);
    return st;
}

/* Read a list of precisions (integers in the accepted range). */
int
lc_eval_precisions(slong ** precs, slong * np, lc_session_t S, const lc_node e, lc_diag_t d)
{
    lc_val v;
    slong i;

    if (eval(&v, S, e, d) != LC_OK)
        return d->err->code;
    if (v->type != LC_V_LIST || v->u.list.len == 0)
    {
        lc_val_unref(v);
        return lc_diag_set(d, e->pos, LC_E_ARG, "a sweep needs a non-empty list of precisions");
    }
    *np = v->u.list.len;
    *precs = flint_malloc(sizeof(slong) * *np);
    for (i = 0; i < *np; i++)
    {
        lc_val x = v->u.list.items[i];

        if (!lc_val_is_si(x) || lc_val_get_si(x) < LC_PREC_MIN || lc_val_get_si(x) > LC_PREC_MAX)
        {
            flint_free(*precs);
            lc_val_unref(v);
            return lc_diag_set(d, e->pos, LC_E_ARG, "sweep: precision %ld must be an integer "
                               "from %d to %d", (long) i + 1, LC_PREC_MIN, LC_PREC_MAX);
        }
        (*precs)[i] = lc_val_get_si(x);
    }
    lc_val_unref(v);
    return LC_OK;
}

/* sweep([p1, p2, ...], expr): expr evaluated at each precision, as a list
   of [p, value]; the precision is restored afterwards. */
static int
eval_sweep(lc_val * out, lc_session_t S, const lc_node n, lc_diag_t d)
{
    slong * precs, np, i, saved = S->prec;
    lc_val * items, pair[2];
    int st;

    if (n->nkids != 3)
        return lc_diag_set(d, n->pos, LC_E_ARG, "sweep: expected 2 arguments (a list of "
                           "precisions and an expression), got %ld", (long) n->nkids - 1);
    if ((st = lc_eval_precisions(&precs, &np, S, n->kids[1], d)) != LC_OK)
        return st;
    items = flint_malloc(sizeof(lc_val) * np);
    for (i = 0; i < np; i++)
    {
        S->prec = precs[i];
        if ((st = eval(pair + 1, S, n->kids[2], d)) != LC_OK)
            break;
        pair[0] = lc_val_si(precs[i]);
        items[i] = lc_val_list(pair, 2);
    }
    S->prec = saved;
    if (st == LC_OK)
        *out = lc_val_list(items, np);
    else
        unref_all(items, i);
    flint_free(items);
    flint_free(precs);
    return st;
}

int
lc_call_value(lc_val * out, lc_session_struct * S, const lc_val f, lc_val * args,
              slong nargs, lc_err_t err)
{
    lc_node def;
    lc_val * saved;
    lc_diag_t d;
    slong i;
    int st;

    if (f->type == LC_V_BUILTIN)
        return lc_builtin_call(out, S, f->u.fn, args, nargs, err);
    if (f->type != LC_V_FUNC)
        return lc_err_set(err, LC_E_ARG, "cannot call %s", lc_val_kind(f));
    def = f->u.def;
    if (nargs != def->nparams)
        return lc_err_set(err, LC_E_ARG, "%s: expected %ld argument%s, got %ld", def->name,
                          (long) def->nparams, def->nparams == 1 ? "" : "s", (long) nargs);
    if (S->depth >= LC_MAX_CALL_DEPTH)
        return lc_err_set(err, LC_E_LIMIT, "%s: calls nested too deeply (limit %d)", def->name,
                          LC_MAX_CALL_DEPTH);
    /* Bind the parameters for the call, then restore what they shadowed. */
    saved = flint_malloc(sizeof(lc_val) * (nargs > 0 ? nargs : 1));
    for (i = 0; i < nargs; i++)
    {
        saved[i] = lc_session_get(S, def->params[i]);
        if (saved[i] != NULL)
            lc_val_ref(saved[i]);
        lc_session_set(S, def->params[i], lc_val_ref(args[i]));
    }
    S->depth++;
    st = eval(out, S, def->kids[0], d);
    S->depth--;
    for (i = nargs - 1; i >= 0; i--)
    {
        if (saved[i] != NULL)
            lc_session_set(S, def->params[i], saved[i]);
        else
            lc_session_unset(S, def->params[i]);
    }
    flint_free(saved);
    if (st != LC_OK)
    {
        char msg[LC_ERR_MSG_LEN];

        snprintf(msg, sizeof(msg), "%s", d->err->msg);
        if (strncmp(msg, "in ", 3) == 0)   /* already located, deeper down */
            return lc_err_set(err, st, "%s", msg);
        return lc_err_set(err, st, "in %s (line %d, column %d): %s", def->name,
                          d->pos.line, d->pos.col, msg);
    }
    return LC_OK;
}

/* The arguments of the call n to f: positional ones in order, then keyword
   arguments (name = value) placed by the parameter names of f (a built-in's
   signature or a def's parameters); positions skipped become nil. */
static int
eval_args(lc_val ** out, slong * nout, lc_session_t S, const lc_node n, const lc_val f, lc_diag_t d)
{
    slong i, k, npos = 0, nargs, total = n->nkids - 1;
    slong * where = flint_malloc(sizeof(slong) * (total + 1));
    lc_val * args;
    int st = LC_OK;

    while (npos < total && n->kids[npos + 1]->kind != LC_N_KWARG)
        npos++;
    nargs = npos;
    for (i = npos; i < total && st == LC_OK; i++)
    {
        const lc_node kw = n->kids[i + 1];

        k = -1;
        if (f->type == LC_V_BUILTIN)
            k = lc_builtin_param_index(f->u.fn, kw->name);
        else if (f->type == LC_V_FUNC)
            for (k = f->u.def->nparams - 1; k >= 0; k--)
                if (strcmp(f->u.def->params[k], kw->name) == 0)
                    break;
        if (k < 0)
            st = lc_diag_set(d, kw->pos, LC_E_ARG, "%s has no parameter named '%s'",
                             f->type == LC_V_BUILTIN ? f->u.fn->sig : f->u.def->name, kw->name);
        else if (k < npos)
            st = lc_diag_set(d, kw->pos, LC_E_ARG, "'%s' is also given by position", kw->name);
        where[i] = k;
        if (k + 1 > nargs)
            nargs = k + 1;
    }
    if (st != LC_OK)
    {
        flint_free(where);
        return st;
    }
    args = flint_calloc(nargs + 1, sizeof(lc_val));
    for (i = 0; i < total && st == LC_OK; i++)
    {
        const lc_node a = n->kids[i + 1];
        slong pos = i < npos ? i : where[i];
        lc_val v = NULL;

        /* store only on success: a failed evaluation may leave v dangling */
        if ((st = eval(&v, S, a->kind == LC_N_KWARG ? a->kids[0] : a, d)) == LC_OK)
            args[pos] = v;
    }
    for (i = 0; i < nargs; i++)
        if (args[i] == NULL)
            args[i] = lc_val_nil();
    if (st != LC_OK)
    {
        for (i = 0; i < nargs; i++)
            lc_val_unref(args[i]);
        flint_free(args);
    }
    else
    {
        *out = args;
        *nout = nargs;
    }
    flint_free(where);
    return st;
}

static int
eval_call(lc_val * out, lc_session_t S, const lc_node n, lc_diag_t d)
{
    lc_val f, * args = NULL;
    slong nargs = n->nkids - 1;
    int st;

    if (n->kids[0]->kind == LC_N_NAME && strcmp(n->kids[0]->name, "sweep") == 0
        && lc_session_get(S, "sweep") == NULL)
        return eval_sweep(out, S, n, d);
    if (eval(&f, S, n->kids[0], d) != LC_OK)
        return d->err->code;
    if (f->type != LC_V_BUILTIN && f->type != LC_V_FUNC)
    {
        st = lc_diag_set(d, n->pos, LC_E_ARG, "cannot call %s", lc_val_kind(f));
        lc_val_unref(f);
        return st;
    }
    if ((st = eval_args(&args, &nargs, S, n, f, d)) == LC_OK)
    {
        st = lc_call_value(out, S, f, args, nargs, d->err);
        if (st != LC_OK)
            d->pos = n->pos;
        unref_all(args, nargs);
        flint_free(args);
    }
    lc_val_unref(f);
    return st;
}

static int
eval(lc_val * out, lc_session_t S, const lc_node n, lc_diag_t d)
{
    lc_val v[3];
    const lc_builtin_struct * b;
    int st;

    switch (n->kind)
    {
        case LC_N_CONST:
            *out = lc_val_ref(n->k);
            return LC_OK;

        case LC_N_NAME:
            if ((v[0] = lc_session_get(S, n->name)) != NULL)
                *out = lc_val_ref(v[0]);
            else if ((b = lc_builtin_find(n->name)) != NULL)
                *out = lc_val_builtin(b);
            else
                return lc_diag_set(d, n->pos, LC_E_ARG, "undefined variable '%s'", n->name);
            return LC_OK;

        case LC_N_LIST:
        {
            lc_val * items = flint_malloc(sizeof(lc_val) * (n->nkids > 0 ? n->nkids : 1));

            if ((st = eval_kids(items, S, n, 0, d)) == LC_OK)
            {
                if ((*out = lc_val_list(items, n->nkids)) == NULL)
                    st = lc_diag_set(d, n->pos, LC_E_LIMIT, "lists nested too deeply (limit %d)",
                                     LC_MAX_LIST_DEPTH);
            }
            flint_free(items);
            return st;
        }

        case LC_N_MATRIX:
            return eval_matrix(out, S, n, d);

        case LC_N_CALL:
            return eval_call(out, S, n, d);

        case LC_N_INDEX:
            if ((st = eval_kids(v, S, n, 0, d)) != LC_OK)
                return st;
            if ((st = index_val(out, v[0], v + 1, n->nkids - 1, d->err)) != LC_OK)
                d->pos = n->pos;
            unref_all(v, n->nkids);
            return st;

        case LC_N_NEG:
            if ((st = eval(v, S, n->kids[0], d)) != LC_OK)
                return st;
            if ((st = negate(out, v[0], d->err)) != LC_OK)
                d->pos = n->pos;
            else
                keep_cert(out, v[0]->cert);
            lc_val_unref(v[0]);
            return st;

        case LC_N_BINOP:
            if ((st = eval_kids(v, S, n, 0, d)) != LC_OK)
                return st;
            if ((st = arith(out, n->op, v[0], v[1], S->prec, d->err)) != LC_OK)
                d->pos = n->pos;
            else
                keep_cert(out, v[0]->cert || v[1]->cert);
            unref_all(v, 2);
            return st;

        default:
            return lc_diag_set(d, n->pos, LC_E_ARG, "not an expression");
    }
}

int
lc_exec_stmt(lc_session_t S, const lc_node n, lc_diag_t d)
{
    lc_val v;

    if (n->kind == LC_N_CLAIM)
        return lc_exec_claim(S, n, d);
    if (n->kind == LC_N_COVERAGE)
    {
        slong k;
        int st = LC_OK;

        for (k = 0; k < n->nkids && st == LC_OK; k++)
        {
            S->cov_line = n->kids[k]->pos.line;
            st = lc_exec_stmt(S, n->kids[k], d);
        }
        S->cov_line = 0;
        return st;
    }
    if (n->kind == LC_N_DEF)
    {
        if (lc_builtin_find(n->name) != NULL)
            return lc_diag_set(d, n->pos, LC_E_ARG, "cannot define '%s', the name of a built-in "
                               "function", n->name);
        lc_session_set(S, n->name, lc_val_func(lc_node_copy(n)));
        return LC_OK;
    }
    if (n->kind == LC_N_ASSIGN)
    {
        if (lc_builtin_find(n->name) != NULL)
            return lc_diag_set(d, n->pos, LC_E_ARG, "cannot assign to '%s', the name of a built-in function",
                               n->name);
        if (eval(&v, S, n->kids[0], d) != LC_OK)
            return d->err->code;
        lc_session_set(S, n->name, v);
        return LC_OK;
    }
    if (eval(&v, S, n->kids[0], d) != LC_OK)
        return d->err->code;
    if (S->echo && v->type != LC_V_NIL)
    {
        char * t = S->pretty ? lc_val_get_pretty(v, S->digits) : lc_val_get_str_digits(v, 1, S->digits);

        fputs(t, S->out);
        flint_free(t);
        fputc('\n', S->out);
    }
    lc_val_unref(v);
    return LC_OK;
}

int
lc_eval_chunk(lc_session_t S, const lc_chunk_t c, lc_diag_t d)
{
    slong i;

    lc_diag_init(d);
    for (i = 0; i < c->len; i++)
        if (lc_exec_stmt(S, c->stmts[i], d) != LC_OK)
            return d->err->code;
    return LC_OK;
}

int
lc_eval_source(lc_session_t S, const char * src, size_t len, lc_diag_t d)
{
    lc_chunk_t c;
    int st;

    lc_chunk_init(c);
    if ((st = lc_parse(c, src, len, d, NULL)) == LC_OK)
        st = lc_eval_chunk(S, c, d);
    lc_chunk_clear(c);
    return st;
}
