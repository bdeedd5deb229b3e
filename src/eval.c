/* eval.c -- the evaluator: walks the tree of a chunk against a session.
 *
 * eval() returns LC_OK with a new reference in *out, or an error code with
 * the message and the position of the failing node in d (and *out unset).
 * Recursion follows the tree, whose height the parser has capped, and user
 * functions, whose calls nest at most LC_MAX_CALL_DEPTH deep; the two
 * multiply, so eval() also measures the C stack it has used and refuses to
 * go past the session's budget (lib/limit). */
#include "config.h"
#include <errno.h>
#include <setjmp.h>
#include <stdint.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "eval.h"
#include "limit.h"
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
    S->stack_base = NULL;
    S->stack_budget = lc_limit_stack_budget();
    S->nest = 0;
    S->at.line = S->at.col = 0;
    S->claim_t0 = 0;
    S->bind_names = NULL;
    S->bind_saved = NULL;
    S->nbinds = S->bind_alloc = 0;
    S->loads = 0;
    S->quit = 0;
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
    flint_free(S->bind_names);
    flint_free(S->bind_saved);
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
        lc_var_struct * old = S->vars, * fresh;
        slong i, oldalloc = S->alloc;

        /* allocate first: a refused allocation (lib/limit) must find the
           table as it was */
        fresh = flint_calloc(2 * oldalloc, sizeof(lc_var_struct));
        S->alloc *= 2;
        S->vars = fresh;
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
    const fmpz * k = fmpq_numref(e->u.q);
    slong bits;

    if (!fmpz_is_one(fmpq_denref(e->u.q)))
        return lc_err_set(err, LC_E_ARG, "the exponent of '^' must be an integer");
    if (fmpq_is_zero(a) && fmpz_sgn(k) < 0)
        return lc_err_set(err, LC_E_DOMAIN, "division by zero");
    /* 0, 1 and -1 are the bases with powers of one bit at most: any integer
       exponent, however large, gives 0, 1 or -1. */
    if (fmpq_is_zero(a) || fmpq_is_one(a))
    {
        fmpq_set_si(r, fmpq_is_one(a) || fmpz_is_zero(k), 1);
        return LC_OK;
    }
    if (fmpz_is_pm1(fmpq_numref(a)) && fmpz_is_one(fmpq_denref(a)))
    {
        fmpq_set_si(r, fmpz_is_even(k) ? 1 : -1, 1);
        return LC_OK;
    }
    bits = FLINT_MAX(fmpz_bits(fmpq_numref(a)), fmpz_bits(fmpq_denref(a)));
    if (!fmpz_fits_si(k) || fmpz_get_si(k) > LC_MAX_POW_BITS / bits
        || -fmpz_get_si(k) > LC_MAX_POW_BITS / bits)
        return lc_err_set(err, LC_E_LIMIT, "the power would exceed %ld bits",
                          (long) LC_MAX_POW_BITS);
    fmpq_pow_si(r, a, fmpz_get_si(k));
    return LC_OK;
}

/* The bits of the numerator and denominator of x together. */
static slong
q_bits(const fmpq_t x)
{
    return (slong) fmpz_bits(fmpq_numref(x)) + (slong) fmpz_bits(fmpq_denref(x));
}

/* Whether the product A B fits under the memory limit (lib/limit), refused
   up front otherwise.  Entry (i, j) of an integer product has at most
   r_i + c_j + log2(n) bits, r_i the largest entry of row i of A and c_j of
   column j of B (counting numerator and denominator); the product works in
   about four times the room of its result.  (Denominators of a rational
   product can grow past this estimate: the allocation limit still holds
   them.)  Checked before a product and before each product of a power,
   where sizes grow geometrically. */
static int
mat_product_fits(const fmpq_mat_t A, const fmpq_mat_t B, const char * what, lc_err_t err)
{
    double ra = 0, cb = 0, bytes;
    slong i, j, k, m;

    for (i = 0; i < A->r; i++)
    {
        for (m = 0, k = 0; k < A->c; k++)
            m = FLINT_MAX(m, q_bits(fmpq_mat_entry(A, i, k)));
        ra += (double) m;
    }
    for (j = 0; j < B->c; j++)
    {
        for (m = 0, k = 0; k < B->r; k++)
            m = FLINT_MAX(m, q_bits(fmpq_mat_entry(B, k, j)));
        cb += (double) m;
    }
    bytes = 4.0 * ((double) B->c * ra + (double) A->r * cb
                         + (double) A->r * (double) B->c * (FLINT_BIT_COUNT(A->c) + 64)) / 8;
    return lc_limit_memory_check(bytes > 1e18 ? (size_t) -1 / 2 : (size_t) bytes, what, err);
}

/* R := A^k for a square A, by repeated squaring; k < 0 inverts first. */
static int
mat_pow(fmpq_mat_t R, const fmpq_mat_t A, const lc_val e, lc_err_t err)
{
    fmpq_mat_t B, T;
    slong k;
    int st = LC_OK;

    if (!fmpz_is_one(fmpq_denref(e->u.q)))
        return lc_err_set(err, LC_E_ARG, "the exponent of '^' must be an integer");
    if (!lc_val_is_si(e))
        return lc_err_set(err, LC_E_LIMIT, "matrix exponent exceeds the limit %ld",
                          (long) LC_MAX_MAT_POW);
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
        if ((st = lc_limit_check(err)) != LC_OK)
            goto done;
        if (k & 1)
        {
            if ((st = mat_product_fits(R, B, "the matrix power", err)) != LC_OK)
                goto done;
            lc_qmat_mul(T, R, B, err);
            fmpq_mat_swap(T, R);
        }
        k >>= 1;
        if (k > 0)
        {
            if ((st = mat_product_fits(B, B, "the matrix power", err)) != LC_OK)
                goto done;
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

/* *r := whether the exact values a and b are equal: lists element by
   element (they may be large, so the limits are checked on the way),
   algebras and groups as sets, other values by their canonical text. */
static int
vals_equal(int * r, const lc_val a, const lc_val b, lc_err_t err)
{
    slong i;
    int st;

    if (a == b)
        *r = 1;
    else if (a->type != b->type || a->type == LC_V_BUILTIN)
        *r = 0;
    else if (a->type == LC_V_LIE)
        *r = lc_lie_equal(a->u.lie, b->u.lie);
    else if (a->type == LC_V_GROUP)
        *r = lc_group_equal(a->u.group, b->u.group);
    else if (a->type == LC_V_REP)
        *r = lc_rep_equal(a->u.rep, b->u.rep);
    else if (a->type == LC_V_BOOL)
        *r = (a->u.b != 0) == (b->u.b != 0);
    else if (a->type == LC_V_LIST)
    {
        *r = a->u.list.len == b->u.list.len;
        for (i = 0; i < a->u.list.len && *r; i++)
        {
            if ((st = lc_limit_check(err)) != LC_OK)
                return st;
            if ((st = vals_equal(r, a->u.list.items[i], b->u.list.items[i], err)) != LC_OK)
                return st;
        }
    }
    else
    {
        /* Exact values print canonically: equal texts mean equal values. */
        char * x = lc_val_get_str(a, 0), * y = lc_val_get_str(b, 0);

        *r = strcmp(x, y) == 0;
        flint_free(x);
        flint_free(y);
    }
    return LC_OK;
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
    if (vals_equal(&r, a, b, err) != LC_OK)
        return err->code;
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
        char * t;

        if (a->u.str.len > (size_t) LC_MAX_STR_LEN - b->u.str.len)
            return lc_err_set(err, LC_E_LIMIT, "string too long: %.0f bytes (limit %ld)",
                              (double) a->u.str.len + (double) b->u.str.len, (long) LC_MAX_STR_LEN);
        t = flint_malloc(a->u.str.len + b->u.str.len + 1);

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
        if (op == LC_TK_STAR && (st = mat_product_fits(A, B, "the matrix product", err)) != LC_OK)
            return st;
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
    else if (op == LC_TK_MINUS)
        return lc_err_set(err, LC_E_ARG, "cannot subtract %s from %s", lc_val_kind(b), lc_val_kind(a));
    else if (op == LC_TK_SLASH)
        return lc_err_set(err, LC_E_ARG, "cannot divide %s by %s", lc_val_kind(a), lc_val_kind(b));
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
    if (!fmpz_is_one(fmpq_denref(v->u.q)))
    {
        char * s = lc_val_get_str(v, 0);

        lc_err_set(err, LC_E_ARG, "%s must be an integer, got %.100s", what, s);
        flint_free(s);
        return LC_E_ARG;
    }
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
static int exec(lc_session_t S, const lc_node n, lc_diag_t d, lc_val * ret);
static int exec_block(lc_session_t S, const lc_node b, lc_diag_t d, lc_val * ret);

/* The status with which 'return' unwinds a def's body (never seen outside
   the evaluator). */
#define LC_ST_RETURN 1001

/* Where the current function's frame is on the C stack.  The frame address,
   not the address of a local: AddressSanitizer may move locals to a heap
   "fake stack". */
#if defined(__GNUC__)
#define FRAME_ADDRESS() ((char *) __builtin_frame_address(0))
#else
static char *
frame_address(void)
{
    volatile char c = 0;

    return (char *) &c;
}
#define FRAME_ADDRESS() frame_address()
#endif

/* Whether the evaluation may go one level deeper: the C stack used since
   the outermost statement must stay within the session's budget, whatever
   mix of long chains, nested brackets and user calls got it there. */
static int
stack_ok(lc_session_t S, const lc_node n, lc_diag_t d)
{
    char * here, b[32];
    size_t used;

    if (S->stack_base == NULL)
        return LC_OK;
    here = FRAME_ADDRESS();
    used = here < S->stack_base ? (size_t) (S->stack_base - here) : (size_t) (here - S->stack_base);
    if (used <= S->stack_budget)
        return LC_OK;
    lc_limit_format_bytes(b, sizeof(b), S->stack_budget);
    return lc_diag_set(d, n->pos, LC_E_LIMIT, "expressions and calls nested too deeply: the "
                       "evaluation would use more than its %s of C stack (set by 'ulimit -s')",
                       b);
}

/* Restore the variables that the parameters of calls since bind level base
   shadow (newest first). */
static void
unbind_to(lc_session_t S, slong base)
{
    while (S->nbinds > base)
    {
        S->nbinds--;
        if (S->bind_saved[S->nbinds] != NULL)
            lc_session_set(S, S->bind_names[S->nbinds], S->bind_saved[S->nbinds]);
        else
            lc_session_unset(S, S->bind_names[S->nbinds]);
    }
}

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
            char * s = x->type == LC_V_NUM ? lc_val_get_str(x, 0) : NULL;
            int st = lc_diag_set(d, e->pos, LC_E_ARG, "sweep: precision %ld must be an integer "
                                 "from %d to %d, got %.40s%s", (long) i + 1, LC_PREC_MIN, LC_PREC_MAX,
                                 s != NULL ? s : lc_val_kind(x), s != NULL && strlen(s) > 40 ? "..." : "");

            flint_free(s);
            flint_free(*precs);
            lc_val_unref(v);
            return st;
        }
        (*precs)[i] = lc_val_get_si(x);
        /* the sweep rule reads the bounds from lower to higher precision */
        if (i > 0 && (*precs)[i] <= (*precs)[i - 1])
        {
            slong a = (*precs)[i - 1], b = (*precs)[i];

            flint_free(*precs);
            lc_val_unref(v);
            return lc_diag_set(d, e->pos, LC_E_ARG, "sweep: the precisions must increase, but "
                               "precision %ld is %ld after %ld", (long) i + 1, (long) b, (long) a);
        }
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

/* Append to *names the names that the statements of n assign (x = ...,
   for x in ...), except def's parameters and names already there; nested
   defs keep theirs. */
static void
collect_locals(const char *** names, slong * len, const lc_node n, const lc_node def)
{
    slong i;

    if (n == NULL || n->kind == LC_N_DEF)
        return;
    if (n->kind == LC_N_ASSIGN || n->kind == LC_N_FOR)
    {
        int known = 0;

        for (i = 0; i < def->nparams && !known; i++)
            known = strcmp(def->params[i], n->name) == 0;
        for (i = 0; i < *len && !known; i++)
            known = strcmp((*names)[i], n->name) == 0;
        if (!known)
        {
            *names = flint_realloc(*names, sizeof(char *) * (*len + 1));
            (*names)[(*len)++] = n->name;
        }
    }
    if (n->kind == LC_N_BLOCK || n->kind == LC_N_IF || n->kind == LC_N_FOR
        || n->kind == LC_N_WHILE || n->kind == LC_N_CLAIM)
        for (i = 0; i < n->nkids; i++)
            collect_locals(names, len, n->kids[i], def);
}

int
lc_call_value(lc_val * out, lc_session_struct * S, const lc_val f, lc_val * args,
              slong nargs, lc_err_t err)
{
    lc_node def;
    lc_diag_t d;
    slong i, base, nloc;
    const char ** locals;
    int st;

    /* every call is a place to stop: recursion is the language's only loop */
    if ((st = lc_limit_check(err)) != LC_OK)
        return st;
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
    /* Bind the parameters for the call, then restore what they shadowed;
       the names a block body assigns are local too (they keep their outer
       value until assigned).  The shadowed values wait on the session's
       binding stack, so that a computation unwound by a limit
       (lc_exec_stmt) restores them too. */
    nloc = 0;
    locals = NULL;
    if (def->kids[0]->kind == LC_N_BLOCK)
        collect_locals(&locals, &nloc, def->kids[0], def);
    if (S->nbinds + nargs + nloc > S->bind_alloc)
    {
        slong a = FLINT_MAX(2 * S->bind_alloc, S->nbinds + nargs + nloc + 8);

        S->bind_names = flint_realloc(S->bind_names, sizeof(const char *) * a);
        S->bind_saved = flint_realloc(S->bind_saved, sizeof(lc_val) * a);
        S->bind_alloc = a;
    }
    base = S->nbinds;
    for (i = 0; i < nargs + nloc; i++)
    {
        const char * name = i < nargs ? def->params[i] : locals[i - nargs];
        lc_val old = lc_session_get(S, name);

        if (old != NULL)
            lc_val_ref(old);
        if (i < nargs)
            lc_session_set(S, name, lc_val_ref(args[i]));
        else if (slot(S, name)->name == NULL)
            lc_session_set(S, name, NULL);  /* a slot whose name the binding can keep */
        S->bind_names[S->nbinds] = slot(S, name)->name;
        S->bind_saved[S->nbinds] = old;
        S->nbinds++;
    }
    flint_free(locals);
    S->depth++;
    lc_diag_init(d);
    if (def->kids[0]->kind == LC_N_BLOCK)
    {
        lc_val rv = NULL;

        st = exec_block(S, def->kids[0], d, &rv);
        if (st == LC_ST_RETURN)
        {
            st = LC_OK;
            *out = rv;
        }
        else if (st == LC_OK)
            *out = lc_val_nil();    /* the body ended without return */
    }
    else
        st = eval(out, S, def->kids[0], d);
    S->depth--;
    unbind_to(S, base);
    if (st == LC_QUIT)
        return lc_err_set(err, st, "%s", d->err->msg);
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
   signature or a def's parameters); positions skipped become nil (for a
   built-in, the nil that means omitted: lc_val_omitted). */
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
            args[i] = f->type == LC_V_BUILTIN ? lc_val_omitted() : lc_val_nil();
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

/* time(expr): [the value of expr, the seconds it took (wall clock, to the
   microsecond, as an exact rational)]. */
static int
eval_time(lc_val * out, lc_session_t S, const lc_node n, lc_diag_t d)
{
    struct timespec t0, t1;
    lc_val pair[2];
    fmpq_t sec;
    slong us;

    if (n->nkids != 2 || n->kids[1]->kind == LC_N_KWARG)
        return lc_diag_set(d, n->pos, LC_E_ARG, "time: expected 1 argument (an expression), "
                           "got %ld", (long) n->nkids - 1);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (eval(pair, S, n->kids[1], d) != LC_OK)
        return d->err->code;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    us = (slong) (t1.tv_sec - t0.tv_sec) * 1000000 + (slong) (t1.tv_nsec - t0.tv_nsec) / 1000;
    fmpq_init(sec);
    fmpq_set_si(sec, us < 0 ? 0 : us, 1000000);
    pair[1] = lc_val_num(sec);
    fmpq_clear(sec);
    *out = lc_val_list(pair, 2);
    return LC_OK;
}

/* The truth of the boolean node n (the condition of if or while, an
   operand of and, or, not); *cert := its certified mark. */
static int
eval_bool(int * truth, int * cert, lc_session_t S, const lc_node n, const char * what, lc_diag_t d)
{
    lc_val v;

    if (eval(&v, S, n, d) != LC_OK)
        return d->err->code;
    if (v->type != LC_V_BOOL)
    {
        int st = lc_diag_set(d, n->pos, LC_E_ARG, "%s must be true or false, got %s", what,
                             lc_val_kind(v));
        lc_val_unref(v);
        return st;
    }
    *truth = v->u.b != 0;
    *cert = v->cert;
    lc_val_unref(v);
    return LC_OK;
}

/* a and b, a or b: b is evaluated only when a does not decide.  The
   result is certified when an operand it evaluated was (a check built on
   it can then hold, never be proved exactly). */
static int
eval_logic(lc_val * out, lc_session_t S, const lc_node n, lc_diag_t d)
{
    int is_or = n->kind == LC_N_OR, a, ca, b, cb;
    const char * what = is_or ? "an operand of 'or'" : "an operand of 'and'";

    if (eval_bool(&a, &ca, S, n->kids[0], what, d) != LC_OK)
        return d->err->code;
    if (a == is_or)
    {
        *out = lc_val_bool_cert(a, ca);
        return LC_OK;
    }
    if (eval_bool(&b, &cb, S, n->kids[1], what, d) != LC_OK)
        return d->err->code;
    *out = lc_val_bool_cert(b, ca || cb);
    return LC_OK;
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
    if (n->kids[0]->kind == LC_N_NAME && strcmp(n->kids[0]->name, "time") == 0
        && lc_session_get(S, "time") == NULL)
        return eval_time(out, S, n, d);
    if (n->kids[0]->kind == LC_N_NAME && lc_session_get(S, n->kids[0]->name) == NULL
        && lc_builtin_find(n->kids[0]->name) == NULL)
        return lc_diag_set(d, n->kids[0]->pos, LC_E_ARG, "undefined function '%s'", n->kids[0]->name);
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
        lc_pos_t at = S->at;

        S->at = n->pos;
        st = lc_call_value(out, S, f, args, nargs, d->err);
        S->at = at;
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

    if ((st = stack_ok(S, n, d)) != LC_OK)
        return st;
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
                else if ((*out)->u.list.size > LC_MAX_LIST_SIZE)
                {
                    st = lc_diag_set(d, n->pos, LC_E_LIMIT, "list too large: %.0f elements, "
                                     "counting those of nested lists (limit %ld)",
                                     (double) (*out)->u.list.size, (long) LC_MAX_LIST_SIZE);
                    lc_val_unref(*out);
                }
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

        case LC_N_AND:
        case LC_N_OR:
            return eval_logic(out, S, n, d);

        case LC_N_NOT:
        {
            int t, c;

            if (eval_bool(&t, &c, S, n->kids[0], "the operand of 'not'", d) != LC_OK)
                return d->err->code;
            *out = lc_val_bool_cert(!t, c);
            return LC_OK;
        }

        case LC_N_IFEXPR:
        {
            int t, c;

            if (eval_bool(&t, &c, S, n->kids[0], "the condition of 'if'", d) != LC_OK)
                return d->err->code;
            if ((st = eval(out, S, n->kids[t ? 1 : 2], d)) == LC_OK)
                keep_cert(out, c);   /* chosen by a certified fact */
            return st;
        }

        default:
            return lc_diag_set(d, n->pos, LC_E_ARG, "not an expression");
    }
}

/* ---------------------------------------------------------- control flow */

/* Called once per iteration of every for and while loop, before the body:
   the place for the cooperative checks of the session's limits (interrupt,
   timeout, memory).  LC_OK lets the loop go on; anything else stops it with
   the message in d (at the position of the loop n). */
static int
loop_check(lc_session_t S, const lc_node n, lc_diag_t d)
{
    int st;

    (void) S;
    if ((st = lc_limit_check(d->err)) != LC_OK)
        d->pos = n->pos;
    return st;
}

/* The statements of the block b in order; inside a block bare expressions
   never echo (a loop in the REPL prints only what it prints). */
static int
exec_block(lc_session_t S, const lc_node b, lc_diag_t d, lc_val * ret)
{
    int echo = S->echo, st = LC_OK;
    slong k;

    S->echo = 0;
    for (k = 0; k < b->nkids && st == LC_OK; k++)
        st = exec(S, b->kids[k], d, ret);
    S->echo = echo;
    return st;
}

static int
exec_for(lc_session_t S, const lc_node n, lc_diag_t d, lc_val * ret)
{
    lc_val l;
    slong i;
    int st = LC_OK;

    if (lc_builtin_find(n->name) != NULL)
        return lc_diag_set(d, n->pos, LC_E_ARG, "cannot use '%s', the name of a built-in "
                           "function, as a loop variable", n->name);
    if (eval(&l, S, n->kids[0], d) != LC_OK)
        return d->err->code;
    if (l->type != LC_V_LIST)
    {
        st = lc_diag_set(d, n->kids[0]->pos, LC_E_ARG, "for: expected a list to loop over, "
                         "got %s", lc_val_kind(l));
        lc_val_unref(l);
        return st;
    }
    /* l holds its items: assigning to the loop's list inside the body
       does not change what the loop walks. */
    for (i = 0; i < l->u.list.len && st == LC_OK; i++)
    {
        if ((st = loop_check(S, n, d)) != LC_OK)
            break;
        lc_session_set(S, n->name, lc_val_ref(l->u.list.items[i]));
        st = exec_block(S, n->kids[1], d, ret);
    }
    lc_val_unref(l);
    return st;
}

static int
exec_while(lc_session_t S, const lc_node n, lc_diag_t d, lc_val * ret)
{
    slong i;
    int st = LC_OK, t, c;

    for (i = 0; st == LC_OK; i++)
    {
        if (i == LC_MAX_LOOP_ITERATIONS)
            return lc_diag_set(d, n->pos, LC_E_LIMIT, "while: more than %ld iterations (the "
                               "limit of a loop)", (long) LC_MAX_LOOP_ITERATIONS);
        if ((st = loop_check(S, n, d)) != LC_OK)
            break;
        if ((st = eval_bool(&t, &c, S, n->kids[0], "the condition of 'while'", d)) != LC_OK
            || !t)
            break;
        st = exec_block(S, n->kids[1], d, ret);
    }
    return st;
}

/* One statement; ret is where 'return' leaves its value inside a def's
   body (NULL elsewhere). */
static int
exec(lc_session_t S, const lc_node n, lc_diag_t d, lc_val * ret)
{
    int t, c;

    switch (n->kind)
    {
        case LC_N_BLOCK:
            return exec_block(S, n, d, ret);
        case LC_N_IF:
            if (eval_bool(&t, &c, S, n->kids[0], "the condition of 'if'", d) != LC_OK)
                return d->err->code;
            if (t)
                return exec_block(S, n->kids[1], d, ret);
            return n->nkids > 2 ? exec(S, n->kids[2], d, ret) : LC_OK;
        case LC_N_FOR:
            return exec_for(S, n, d, ret);
        case LC_N_WHILE:
            return exec_while(S, n, d, ret);
        case LC_N_RETURN:
            if (ret == NULL)
                return lc_diag_set(d, n->pos, LC_E_ARG, "'return' outside a function body");
            if (n->nkids == 0)
                *ret = lc_val_nil();
            else if (eval(ret, S, n->kids[0], d) != LC_OK)
                return d->err->code;
            return LC_ST_RETURN;
        default:
            return lc_exec_stmt(S, n, d);
    }
}

static int
exec_stmt(lc_session_t S, const lc_node n, lc_diag_t d)
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
    if (n->kind == LC_N_BLOCK || n->kind == LC_N_IF || n->kind == LC_N_FOR
        || n->kind == LC_N_WHILE || n->kind == LC_N_RETURN)
        return exec(S, n, d, NULL);
    if (eval(&v, S, n->kids[0], d) != LC_OK)
        return d->err->code;
    if (S->echo && v->type != LC_V_NIL)
    {
        char * t = S->pretty ? lc_val_get_pretty(v, S->digits) : lc_val_get_str_digits(v, 1, S->digits);

        fputs(t, S->out);
        flint_free(t);
        if (fputc('\n', S->out) == EOF || ferror(S->out))
        {
            lc_val_unref(v);
            return lc_diag_set(d, n->pos, LC_E_IO, "cannot write the output: %s", strerror(errno));
        }
        /* the last printed result, in the REPL and with -e */
        lc_session_set(S, "ans", lc_val_ref(v));
    }
    lc_val_unref(v);
    return LC_OK;
}

/* Run one statement under a guard (lib/limit).  A pending interrupt or time
   limit stops it before it starts; a refused allocation, or a stop noticed
   where no error can be returned, unwinds to here.  Then what the statement
   had changed of the session's state is put back (the variables that
   function parameters shadowed, the call depth, the precision, the claim
   being checked) and the statement fails with the reason, located at the
   innermost call being evaluated.  Values are immutable and a variable is
   only assigned once its value is complete, so the variables stay as they
   were before the statement. */
int
lc_exec_stmt(lc_session_t S, const lc_node n, lc_diag_t d)
{
    lc_limit_guard g;
    lc_check_struct * chk = S->chk;
    slong depth = S->depth, prec = S->prec, claim = S->claim, cov_line = S->cov_line;
    slong nbinds = S->nbinds, nest = S->nest, loads = S->loads;
    const char * chunk = S->chunk;
    lc_pos_t at = S->at;
    int st;

    if (S->nest == 0)
        S->stack_base = FRAME_ADDRESS();
    if ((st = lc_limit_check(d->err)) != LC_OK)
    {
        d->pos = n->pos;
        return st;
    }
    S->nest++;
    S->at = n->pos;
    lc_limit_guard_enter(&g);
    if (setjmp(g.env) == 0)
    {
        st = exec_stmt(S, n, d);
        lc_limit_guard_leave(&g);
    }
    else
    {
        unbind_to(S, nbinds);
        S->chk = chk;
        S->depth = depth;
        S->prec = prec;
        S->claim = claim;
        S->cov_line = cov_line;
        S->loads = loads;
        S->chunk = chunk;
        if (claim < 0)
            lc_limit_clear_scope_timeout();
        d->pos = S->at;
        st = lc_diag_set(d, S->at, g.err->code, "%s", g.err->msg);
    }
    S->at = at;
    S->nest = nest;
    return st;
}

/* Run the statements of c, *i := the index of the one that failed. */
static int
eval_chunk(lc_session_t S, const lc_chunk_t c, lc_diag_t d, slong * i)
{
    lc_diag_init(d);
    for (*i = 0; *i < c->len; (*i)++)
        if (lc_exec_stmt(S, c->stmts[*i], d) != LC_OK)
            return d->err->code;
    return LC_OK;
}

int
lc_eval_chunk(lc_session_t S, const lc_chunk_t c, lc_diag_t d)
{
    slong i;

    return eval_chunk(S, c, d, &i);
}

int
lc_parse_guarded(lc_chunk_t c, const char * src, size_t len, lc_diag_t d, int * incomplete)
{
    lc_limit_guard g;
    int st;

    lc_limit_guard_enter(&g);
    if (setjmp(g.env) == 0)
    {
        st = lc_parse(c, src, len, d, incomplete);
        lc_limit_guard_leave(&g);
        return st;
    }
    /* what the parser had built is abandoned (lib/limit) */
    lc_chunk_init(c);
    if (incomplete != NULL)
        *incomplete = 0;
    d->pos.line = d->pos.col = 1;
    return lc_diag_set(d, d->pos, g.err->code, "%s", g.err->msg);
}

void
lc_session_unreached(lc_session_t S, const lc_chunk_t c, slong i, const lc_diag_t d)
{
    char why[LC_ERR_MSG_LEN + 64];
    slong j;

    for (j = i; j < c->len; j++)
    {
        const lc_node n = c->stmts[j];
        lc_claim_struct * r;

        if (n->kind != LC_N_CLAIM)
            continue;
        r = S->report->len > 0 ? S->report->claims + S->report->len - 1 : NULL;
        if (j == i)
        {
            /* The claim that failed: the error is about it.  If the failure
               came after its record was made (an interrupt, a limit) and
               left the record without a check, the record gets the reason. */
            if (r != NULL && r->line == n->pos.line && r->file != NULL
                && strcmp(r->file, S->chunk) == 0 && r->nchecks == 0)
            {
                snprintf(why, sizeof(why), "the run stopped inside this claim: %s", d->err->msg);
                r->verdict = LC_UNDECIDED;
                lc_claim_add_check(r, LC_CHECK_NONE, LC_CHECK_UNDECIDED, why, NULL, 0);
                lc_claim_set(&r->certificate, why);
            }
            continue;
        }
        snprintf(why, sizeof(why), "not reached: the run stopped at line %d", d->pos.line);
        r = lc_report_add(S->report);
        lc_claim_set(&r->statement, n->name);
        lc_claim_set(&r->source, n->attr[0]);
        if (n->attr[1] != NULL)
            lc_claim_set(&r->id, n->attr[1]);
        if (n->attr[2] != NULL)
            lc_verdict_parse(&r->expected, n->attr[2], NULL);
        lc_claim_set(&r->file, S->chunk);
        r->line = n->pos.line;
        r->role = (lc_claim_role) n->role;
        lc_claim_set(&r->corrects, n->attr[3]);
        r->verdict = LC_UNDECIDED;
        r->prec = S->prec;
        lc_claim_add_check(r, LC_CHECK_NONE, LC_CHECK_UNDECIDED, why, NULL, 0);
        lc_claim_set(&r->certificate, why);
    }
}

int
lc_eval_source(lc_session_t S, const char * src, size_t len, lc_diag_t d)
{
    lc_chunk_t c;
    slong i;
    int st;

    lc_chunk_init(c);
    if ((st = lc_parse_guarded(c, src, len, d, NULL)) == LC_OK)
        if ((st = eval_chunk(S, c, d, &i)) != LC_OK)
            lc_session_unreached(S, c, i, d);
    lc_chunk_clear(c);
    return st;
}

int
lc_session_load(lc_session_struct * S, const char * path, lc_err_t err)
{
    const char * chunk = S->chunk, * slash = strrchr(chunk, '/');
    char * full, * src;
    size_t n, len = 0, alloc = 4096, got;
    lc_diag_t d;
    struct stat sb;
    FILE * f;
    int st;

    /* Relative to the directory of the script that loads it. */
    n = (path[0] != '/' && chunk[0] != '<' && slash != NULL) ? (size_t) (slash - chunk) + 1 : 0;
    full = flint_malloc(n + strlen(path) + 1);
    memcpy(full, chunk, n);
    strcpy(full + n, path);
    if (S->loads >= LC_MAX_LOAD_DEPTH)
    {
        st = lc_err_set(err, LC_E_LIMIT, "'%.200s': loads nested more than %d deep (does a "
                        "file load itself?)", full, LC_MAX_LOAD_DEPTH);
        flint_free(full);
        return st;
    }
    /* a directory, a FIFO or a device is refused before it is opened (a
       FIFO would block), and the size is bounded like a script's */
    if (stat(full, &sb) != 0 || !S_ISREG(sb.st_mode)
        || (uint64_t) sb.st_size > (uint64_t) LC_MAX_LOAD_BYTES)
    {
        st = stat(full, &sb) != 0
            ? lc_err_set(err, LC_E_IO, "cannot open '%.400s': %s", full, strerror(errno))
            : !S_ISREG(sb.st_mode)
            ? lc_err_set(err, LC_E_IO, "'%.400s' is not a regular file", full)
            : lc_err_set(err, LC_E_LIMIT, "'%.400s' has %llu bytes, more than the limit of a "
                         "script (%llu)", full, (unsigned long long) sb.st_size,
                         (unsigned long long) LC_MAX_LOAD_BYTES);
        flint_free(full);
        return st;
    }
    if ((f = fopen(full, "rb")) == NULL)
    {
        st = lc_err_set(err, LC_E_IO, "cannot open '%.400s': %s", full, strerror(errno));
        flint_free(full);
        return st;
    }
    src = flint_malloc(alloc);
    while (len <= (size_t) LC_MAX_LOAD_BYTES && (got = fread(src + len, 1, alloc - len, f)) > 0)
        if ((len += got) == alloc)
            src = flint_realloc(src, alloc *= 2);
    st = ferror(f) ? lc_err_set(err, LC_E_IO, "cannot read '%.400s'", full)
        : len > (size_t) LC_MAX_LOAD_BYTES ? lc_err_set(err, LC_E_LIMIT, "'%.400s' is larger "
                                                       "than the limit of a script (%llu bytes)", full,
                                                       (unsigned long long) LC_MAX_LOAD_BYTES)
        : LC_OK;
    fclose(f);
    if (st == LC_OK)
    {
        S->chunk = full;
        S->loads++;
        st = lc_eval_source(S, src, len, d);
        S->loads--;
        S->chunk = chunk;
        if (st != LC_OK && st != LC_QUIT && strncmp(d->err->msg, "load: ", 6) == 0)
            lc_err_set(err, st, "%s", d->err->msg + 6);   /* located deeper down */
        else if (st != LC_OK && st != LC_QUIT)
            lc_err_set(err, st, "%.200s:%d:%d: %.280s", full, d->pos.line, d->pos.col, d->err->msg);
        else if (st == LC_QUIT)
            lc_err_set(err, st, "quit");
    }
    flint_free(src);
    flint_free(full);
    return st;
}
