/* certify.c -- claims, checks and certified numerics in the language.
 *
 * A claim runs its body once per precision of its sweep (or once at the
 * working precision).  Checks inside the body (equal, is_zero, is_orthogonal,
 * commutes, check, not_checkable) record their outcome through
 * lc_session_record; the first refutation stops the body.  A check decides:
 *   exact operands      PROVED or REFUTED, by exact arithmetic over Q;
 *   a ball involved     REFUTED when an entry of the difference excludes 0,
 *                       HOLDS with the bound max |difference| when that bound
 *                       is at most 2^(-prec/2) times max(1, the largest
 *                       |entry| compared), UNDECIDED otherwise (the enclosure
 *                       is too wide to say anything useful). */
#include "config.h"
#include <string.h>
#include <time.h>
#include <mpfr.h>
#include "eval.h"
#include "builtins.h"
#include "ballops.h"
#include "matfun.h"
#include "lieattn.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

/* ------------------------------------------------------ recording checks */

char *
lc_arf_get_str_up(const arf_t x)
{
    mpfr_t t;
    char buf[64];
    char * s;

    if (arf_is_zero(x))
        strcpy(buf, "0");
    else
    {
        mpfr_init2(t, FLINT_MAX(arf_bits(x), 8));
        arf_get_mpfr(t, x, MPFR_RNDU);
        mpfr_snprintf(buf, sizeof(buf), "%.2RUe", t);
        mpfr_clear(t);
    }
    s = flint_malloc(strlen(buf) + 1);
    strcpy(s, buf);
    return s;
}

static void
append(char ** field, const char * s)
{
    size_t a = *field ? strlen(*field) : 0, b = strlen(s);

    if (*field && strstr(*field, s) != NULL)
        return;   /* the same method or certificate twice says nothing new */
    *field = flint_realloc(*field, a + b + 3);
    if (a > 0)
        memcpy(*field + a, "; ", 2), a += 2;
    memcpy(*field + a, s, b + 1);
}

void
lc_session_record(lc_session_struct * S, lc_verdict v, const arf_t bound,
                  const char * method, const char * cert)
{
    if (S->claim < 0)
        return;
    if (method != NULL)
        append(&S->cl_method, method);
    if (cert != NULL)
        append(&S->cl_cert, cert);
    switch (v)
    {
        case LC_REFUTED:
        case LC_NOT_CHECKABLE:
            S->cl_verdict = v;
            S->cl_stop = 1;
            break;
        case LC_UNDECIDED:
            S->cl_verdict = LC_UNDECIDED;
            break;
        case LC_HOLDS:
            if (S->cl_verdict == LC_VERDICT_NONE || S->cl_verdict == LC_PROVED)
                S->cl_verdict = LC_HOLDS;
            if (bound != NULL && arf_cmp(bound, S->cl_bound) > 0)
                arf_set(S->cl_bound, bound);
            break;
        case LC_PROVED:
            if (S->cl_verdict == LC_VERDICT_NONE)
                S->cl_verdict = LC_PROVED;
            break;
        default:
            break;
    }
}

/* ------------------------------------------------------------- claims */

static double
now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static void
reset_run(lc_session_struct * S)
{
    S->cl_verdict = LC_VERDICT_NONE;
    S->cl_stop = 0;
    arf_zero(S->cl_bound);
    flint_free(S->cl_cert);
    flint_free(S->cl_method);
    S->cl_cert = NULL;
    S->cl_method = NULL;
}

int
lc_exec_claim(lc_session_t S, const lc_node n, lc_diag_t d)
{
    slong * precs, np = 1, i, k, idx, saved = S->prec, final_prec = S->prec;
    lc_claim_struct * c;
    lc_verdict final = LC_VERDICT_NONE, run;
    char * bound = NULL, * cert = NULL, * method = NULL;
    double t0 = now();
    int st, locked = 0;

    if (S->claim >= 0)
        return lc_diag_set(d, n->pos, LC_E_ARG, "claims cannot be nested");
    if (n->sweep != NULL)
    {
        if ((st = lc_eval_precisions(&precs, &np, S, n->sweep, d)) != LC_OK)
            return st;
    }
    else
    {
        precs = flint_malloc(sizeof(slong));
        precs[0] = S->prec;
    }

    c = lc_report_add(S->report);
    idx = S->report->len - 1;
    lc_claim_set(&c->statement, n->name);
    lc_claim_set(&c->source, n->attr[0]);
    if (n->attr[1] != NULL)
        lc_claim_set(&c->id, n->attr[1]);
    if (n->attr[2] != NULL)
        lc_verdict_parse(&c->expected, n->attr[2], NULL);
    lc_claim_set(&c->file, S->chunk);
    c->line = n->pos.line;
    c->role = (lc_claim_role) n->role;
    lc_claim_set(&c->corrects, n->attr[3]);

    for (i = 0; i < np; i++)
    {
        char * b = NULL;

        S->prec = precs[i];
        reset_run(S);
        S->claim = idx;
        for (k = 0; k < n->nkids && !S->cl_stop; k++)
        {
            if (lc_exec_stmt(S, n->kids[k], d) != LC_OK)
            {
                char msg[LC_ERR_MSG_LEN + 64];

                /* Protected mode: the claim is undecided, the script goes on. */
                fflush(S->out);
                lc_diag_fprint(stderr, S->chunk, d);
                snprintf(msg, sizeof(msg), "error at line %d, column %d: %s",
                         d->pos.line, d->pos.col, d->err->msg);
                S->cl_verdict = LC_UNDECIDED;
                append(&S->cl_cert, msg);
                lc_diag_init(d);
                break;
            }
        }
        S->claim = -1;
        run = S->cl_verdict;
        if (run == LC_VERDICT_NONE)
        {
            run = LC_UNDECIDED;
            append(&S->cl_cert, "no check was made in the body of the claim");
        }
        if (run == LC_HOLDS)
            b = lc_arf_get_str_up(S->cl_bound);
        if (n->sweep != NULL)
            lc_claim_add_sweep(S->report->claims + idx, precs[i], run, b);
        /* A certified refutation at any precision stands; otherwise the
           verdict at the last precision of the sweep is the claim's. */
        if (!locked)
        {
            final = run;
            final_prec = precs[i];
            flint_free(bound);
            flint_free(cert);
            flint_free(method);
            bound = b;
            cert = S->cl_cert;
            method = S->cl_method;
            S->cl_cert = S->cl_method = NULL;
            locked = (run == LC_REFUTED);
        }
        else
            flint_free(b);
    }
    S->prec = saved;
    reset_run(S);

    c = S->report->claims + idx;
    c->verdict = final;
    c->prec = final_prec;
    c->seconds = now() - t0;
    lc_claim_set(&c->bound, bound);
    lc_claim_set(&c->certificate, cert);
    lc_claim_set(&c->method, method);
    flint_free(bound);
    flint_free(cert);
    flint_free(method);
    flint_free(precs);

    fprintf(S->out, "%s %s", c->id, lc_verdict_name(c->verdict));
    if (c->bound != NULL)
        fprintf(S->out, " (|deviation| <= %s)", c->bound);
    if (!lc_claim_met(c))
        fprintf(S->out, " [expected %s: NOT MET]", lc_verdict_name(c->expected));
    fprintf(S->out, ": %s\n", c->statement);
    return LC_OK;
}

/* ---------------------------------------------------------------- checks */

/* Outcome of comparing two values; cert gets what anyone can re-check. */
static lc_verdict
compare(arf_t bound, char * cert, size_t ncert, char * method, size_t nmethod,
        const lc_val a, const lc_val b, const char * what, slong prec, lc_err_t err, int * st)
{
    int sa = (a->type == LC_V_NUM || a->type == LC_V_BALL);
    int sb = (b->type == LC_V_NUM || b->type == LC_V_BALL);
    arb_mat_t A, B;
    arf_t scale;
    slong i, j, r, c;
    lc_verdict v;

    *st = LC_OK;
    if (sa != sb)
    {
        *st = lc_err_set(err, LC_E_DIM, "cannot compare %s with %s", lc_val_kind(a), lc_val_kind(b));
        return LC_UNDECIDED;
    }
    arf_zero(bound);
    if (!lc_is_ball(a) && !lc_is_ball(b))
    {
        snprintf(method, nmethod, "exact over Q");
        if (sa)
        {
            if (fmpq_equal(a->u.q, b->u.q))
            {
                snprintf(cert, ncert, "%s: exact equality", what);
                return LC_PROVED;
            }
            snprintf(cert, ncert, "%s: the two sides differ exactly", what);
            return LC_REFUTED;
        }
        if (a->u.m->r != b->u.m->r || a->u.m->c != b->u.m->c)
        {
            *st = lc_err_set(err, LC_E_DIM, "cannot compare %ldx%ld and %ldx%ld matrices",
                             (long) a->u.m->r, (long) a->u.m->c, (long) b->u.m->r, (long) b->u.m->c);
            return LC_UNDECIDED;
        }
        for (i = 0; i < a->u.m->r; i++)
            for (j = 0; j < a->u.m->c; j++)
                if (!fmpq_equal(fmpq_mat_entry(a->u.m, i, j), fmpq_mat_entry(b->u.m, i, j)))
                {
                    char * x = fmpq_get_str(NULL, 10, fmpq_mat_entry(a->u.m, i, j));
                    char * y = fmpq_get_str(NULL, 10, fmpq_mat_entry(b->u.m, i, j));

                    snprintf(cert, ncert, "%s: entry (%ld, %ld) is %.200s on one side and %.200s "
                             "on the other (exact)", what, (long) i + 1, (long) j + 1, x, y);
                    flint_free(x);
                    flint_free(y);
                    return LC_REFUTED;
                }
        snprintf(cert, ncert, "%s: exact equality of %ldx%ld matrices", what,
                 (long) a->u.m->r, (long) a->u.m->c);
        return LC_PROVED;
    }

    /* Balls: one ball matrix for both scalars and matrices. */
    arb_mat_init(A, 1, 1);
    arb_mat_init(B, 1, 1);
    if (sa)
    {
        lc_to_ball(arb_mat_entry(A, 0, 0), a, prec, err);
        lc_to_ball(arb_mat_entry(B, 0, 0), b, prec, err);
    }
    else
    {
        lc_to_bmat(A, a, prec, err);
        lc_to_bmat(B, b, prec, err);
    }
    r = arb_mat_nrows(A);
    c = arb_mat_ncols(A);
    snprintf(method, nmethod, "certified ball arithmetic (Arb) at %ld bits", (long) prec);
    if (r != arb_mat_nrows(B) || c != arb_mat_ncols(B))
    {
        *st = lc_err_set(err, LC_E_DIM, "cannot compare %ldx%ld and %ldx%ld matrices", (long) r,
                         (long) c, (long) arb_mat_nrows(B), (long) arb_mat_ncols(B));
        v = LC_UNDECIDED;
        goto done;
    }
    /* The scale of the values compared: the threshold below is relative. */
    arf_init(scale);
    arf_one(scale);
    for (i = 0; i < r; i++)
        for (j = 0; j < c; j++)
        {
            arf_t u;

            arf_init(u);
            arb_get_abs_ubound_arf(u, arb_mat_entry(B, i, j), prec);
            if (arf_cmp(u, scale) > 0)
                arf_set(scale, u);
            arf_clear(u);
        }
    arb_mat_sub(A, A, B, prec);
    v = LC_HOLDS;
    for (i = 0; i < r && v != LC_REFUTED; i++)
        for (j = 0; j < c; j++)
        {
            arf_t u;

            if (!arb_contains_zero(arb_mat_entry(A, i, j)))
            {
                char * x = arb_get_str(arb_mat_entry(A, i, j), 10, 0);

                snprintf(cert, ncert, "%s: entry (%ld, %ld) of the difference is %.200s, a ball "
                         "that excludes 0 (certified at %ld bits)", what, (long) i + 1,
                         (long) j + 1, x, (long) prec);
                flint_free(x);
                v = LC_REFUTED;
                break;
            }
            arf_init(u);
            arb_get_abs_ubound_arf(u, arb_mat_entry(A, i, j), prec);
            if (arf_cmp(u, bound) > 0)
                arf_set(bound, u);
            arf_clear(u);
        }
    if (v == LC_HOLDS)
    {
        char * bs = lc_arf_get_str_up(bound);
        arf_t lim;

        /* HOLDS needs the bound below 2^-(prec/2) relative to the size of the
           values (at least 1): a wider enclosure says nothing useful. */
        arf_init(lim);
        arf_mul_2exp_si(lim, scale, -(prec / 2));
        if (arf_cmp(bound, lim) > 0)
        {
            v = LC_UNDECIDED;
            snprintf(cert, ncert, "%s: enclosure too wide at %ld bits (|difference| <= %s, more "
                     "than 2^-%ld times the size of the values); raise the precision", what,
                     (long) prec, bs, (long) (prec / 2));
        }
        else
            snprintf(cert, ncert, "%s: |difference| <= %s in every entry", what, bs);
        arf_clear(lim);
        flint_free(bs);
    }
    arf_clear(scale);
done:
    arb_mat_clear(A);
    arb_mat_clear(B);
    return v;
}

/* Record the verdict of a check and return it as a value: true when it
   PROVED or HOLDS, false when REFUTED or, inside a claim, UNDECIDED.
   Outside a claim an undecided check is an error. */
static int
finish_check(lc_val * res, lc_session_struct * S, lc_verdict v, const arf_t bound,
             const char * method, const char * cert, lc_err_t err)
{
    lc_session_record(S, v, bound, method, cert);
    if (v == LC_UNDECIDED && S->claim < 0)
        return lc_err_set(err, LC_E_LIMIT, "undecided: %s", cert);
    *res = lc_val_bool(v == LC_PROVED || v == LC_HOLDS);
    return LC_OK;
}

static int
do_compare(lc_val * res, lc_session_struct * S, const lc_val a, const lc_val b,
           const char * what, lc_err_t err)
{
    char cert[600], method[100];
    arf_t bound;
    lc_verdict v;
    int st;

    arf_init(bound);
    v = compare(bound, cert, sizeof(cert), method, sizeof(method), a, b, what, S->prec, err, &st);
    if (st == LC_OK)
        st = finish_check(res, S, v, bound, method, cert, err);
    arf_clear(bound);
    return st;
}

void
lc_session_note(lc_session_struct * S, const char * text)
{
    if (S->claim >= 0)
        append(&S->cl_cert, text);
}

int
lc_check_equal(lc_val * res, lc_session_struct * S, const lc_val a, const lc_val b,
               const char * what, lc_err_t err)
{
    return do_compare(res, S, a, b, what, err);
}

static int
bi_equal(ARGS)
{
    UNUSED_ARGS;
    return do_compare(res, S, args[0], args[1], "equal", err);
}

/* The zero of the shape of v. */
static lc_val
zero_like(const lc_val v)
{
    lc_val z;

    if (v->type == LC_V_NUM || v->type == LC_V_BALL)
        return lc_val_si(0);
    z = lc_val_mat();
    if (v->type == LC_V_MAT)
        lc_qmat_zeros(z->u.m, v->u.m->r, v->u.m->c);
    else
        lc_qmat_zeros(z->u.m, arb_mat_nrows(v->u.bm), arb_mat_ncols(v->u.bm));
    return z;
}

static int
bi_is_zero(ARGS)
{
    lc_val z = zero_like(args[0]);
    int st;

    UNUSED_ARGS;
    st = do_compare(res, S, args[0], z, "is_zero", err);
    lc_val_unref(z);
    return st;
}

/* Q^T Q (or A B) as a value: exact for exact operands, balls otherwise. */
static int
product(lc_val * out, const lc_val a, int transpose_a, const lc_val b, slong prec, lc_err_t err)
{
    slong ar, ac, br, bc;

    ar = a->type == LC_V_MAT ? a->u.m->r : arb_mat_nrows(a->u.bm);
    ac = a->type == LC_V_MAT ? a->u.m->c : arb_mat_ncols(a->u.bm);
    br = b->type == LC_V_MAT ? b->u.m->r : arb_mat_nrows(b->u.bm);
    bc = b->type == LC_V_MAT ? b->u.m->c : arb_mat_ncols(b->u.bm);
    if (transpose_a)
    {
        slong t = ar;
        ar = ac;
        ac = t;
    }
    if (ac != br)
        return lc_err_set(err, LC_E_DIM, "cannot multiply %ldx%ld by %ldx%ld matrices",
                          (long) ar, (long) ac, (long) br, (long) bc);
    if (a->type == LC_V_MAT && b->type == LC_V_MAT)
    {
        fmpq_mat_t T;

        *out = lc_val_mat();
        fmpq_mat_init(T, 0, 0);
        if (transpose_a)
            lc_qmat_transpose(T, a->u.m);
        else
        {
            fmpq_mat_clear(T);
            fmpq_mat_init_set(T, a->u.m);
        }
        lc_qmat_mul((*out)->u.m, T, b->u.m, err);
        fmpq_mat_clear(T);
    }
    else
    {
        arb_mat_t A, B;

        arb_mat_init(A, 0, 0);
        arb_mat_init(B, 0, 0);
        lc_to_bmat(A, a, prec, err);
        lc_to_bmat(B, b, prec, err);
        if (transpose_a)
        {
            arb_mat_t T;
            arb_mat_init(T, ac, ar);
            arb_mat_transpose(T, A);
            arb_mat_swap(A, T);
            arb_mat_clear(T);
        }
        *out = lc_val_bmat();
        lc_ball_resize((*out)->u.bm, ar, bc);
        arb_mat_mul((*out)->u.bm, A, B, prec);
        arb_mat_clear(A);
        arb_mat_clear(B);
    }
    return LC_OK;
}

static int
bi_is_orthogonal(ARGS)
{
    lc_val P, I;
    slong n;
    int st;

    UNUSED_ARGS;
    n = args[0]->type == LC_V_MAT ? args[0]->u.m->c : arb_mat_ncols(args[0]->u.bm);
    if ((st = product(&P, args[0], 1, args[0], S->prec, err)) != LC_OK)
        return st;
    I = lc_val_mat();
    lc_qmat_eye(I->u.m, n);
    st = do_compare(res, S, P, I, "is_orthogonal (Q^T Q = I)", err);
    lc_val_unref(P);
    lc_val_unref(I);
    return st;
}

static int
bi_commutes(ARGS)
{
    lc_val AB, BA;
    int st;

    UNUSED_ARGS;
    if ((st = product(&AB, args[0], 0, args[1], S->prec, err)) != LC_OK)
        return st;
    if ((st = product(&BA, args[1], 0, args[0], S->prec, err)) != LC_OK)
    {
        lc_val_unref(AB);
        return st;
    }
    st = do_compare(res, S, AB, BA, "commutes (AB = BA)", err);
    lc_val_unref(AB);
    lc_val_unref(BA);
    return st;
}

static int
bi_check(ARGS)
{
    char cert[400];
    const char * what = nargs > 1 ? args[1]->u.str.s : "check";

    UNUSED_ARGS;
    snprintf(cert, sizeof(cert), "%.300s: %s", what, args[0]->u.b ? "true" : "false");
    /* The boolean is exact, or a ball comparison that the evaluator only
       answers when it is certain: either way a proof, not an estimate. */
    return finish_check(res, S, args[0]->u.b ? LC_PROVED : LC_REFUTED, NULL,
                        "a true/false fact, computed exactly or by a certified ball comparison",
                        cert, err);
}

static int
bi_not_checkable(ARGS)
{
    UNUSED_ARGS;
    if (S->claim < 0)
        return lc_err_set(err, LC_E_ARG, "only meaningful inside a claim");
    lc_session_record(S, LC_NOT_CHECKABLE, NULL, "none: the statement has no checkable content",
                      args[0]->u.str.s);
    *res = lc_val_nil();
    return LC_OK;
}

static int
bi_method(ARGS)
{
    UNUSED_ARGS;
    if (S->claim < 0)
        return lc_err_set(err, LC_E_ARG, "only meaningful inside a claim");
    append(&S->cl_method, args[0]->u.str.s);
    *res = lc_val_nil();
    return LC_OK;
}

static int
bi_note(ARGS)
{
    UNUSED_ARGS;
    if (S->claim < 0)
        return lc_err_set(err, LC_E_ARG, "only meaningful inside a claim");
    append(&S->cl_cert, args[0]->u.str.s);
    *res = lc_val_nil();
    return LC_OK;
}

static int
bi_title(ARGS)
{
    UNUSED_ARGS;
    lc_claim_set(&S->report->title, args[0]->u.str.s);
    *res = lc_val_nil();
    return LC_OK;
}

/* -------------------------------------------------------------- numerics */

static int
bi_ball(ARGS)
{
    UNUSED_ARGS;
    if (args[0]->type == LC_V_NUM || args[0]->type == LC_V_BALL)
    {
        *res = lc_val_ball();
        return lc_to_ball((*res)->u.ball, args[0], S->prec, err);
    }
    *res = lc_val_bmat();
    return lc_to_bmat((*res)->u.bm, args[0], S->prec, err);
}

typedef int (*matfun_fn)(arb_mat_t, const arb_mat_t, slong, lc_err_t);

static int
apply_matfun(lc_val * res, lc_session_struct * S, const lc_val a, matfun_fn f, lc_err_t err)
{
    arb_mat_t A;
    int st;

    arb_mat_init(A, 0, 0);
    lc_to_bmat(A, a, S->prec, err);
    *res = lc_val_bmat();
    if ((st = f((*res)->u.bm, A, S->prec, err)) != LC_OK)
        lc_val_unref(*res);
    arb_mat_clear(A);
    return st;
}

static int
bi_exp(ARGS)
{
    UNUSED_ARGS;
    if (args[0]->type == LC_V_NUM || args[0]->type == LC_V_BALL)
    {
        *res = lc_val_ball();
        lc_to_ball((*res)->u.ball, args[0], S->prec, err);
        arb_exp((*res)->u.ball, (*res)->u.ball, S->prec);
        return LC_OK;
    }
    return apply_matfun(res, S, args[0], lc_matfun_exp, err);
}

static int
bi_log(ARGS)
{
    UNUSED_ARGS;
    if (args[0]->type == LC_V_NUM || args[0]->type == LC_V_BALL)
    {
        arb_t x;
        arb_init(x);
        lc_to_ball(x, args[0], S->prec, err);
        if (!arb_is_positive(x))
        {
            arb_clear(x);
            return lc_err_set(err, LC_E_DOMAIN, "the argument is not certainly positive");
        }
        *res = lc_val_ball();
        arb_log((*res)->u.ball, x, S->prec);
        arb_clear(x);
        return LC_OK;
    }
    return apply_matfun(res, S, args[0], lc_matfun_log, err);
}

static int
bi_sqrt(ARGS)
{
    arb_t x;

    UNUSED_ARGS;
    arb_init(x);
    lc_to_ball(x, args[0], S->prec, err);
    if (arb_is_negative(x) || (!arb_is_nonnegative(x)))
    {
        arb_clear(x);
        return lc_err_set(err, LC_E_DOMAIN, "the argument is not certainly non-negative");
    }
    *res = lc_val_ball();
    arb_sqrt((*res)->u.ball, x, S->prec);
    arb_clear(x);
    return LC_OK;
}

static int bi_exp_so3(ARGS) { UNUSED_ARGS; return apply_matfun(res, S, args[0], lc_matfun_so3_exp, err); }
static int bi_log_so3(ARGS) { UNUSED_ARGS; return apply_matfun(res, S, args[0], lc_matfun_so3_log, err); }
static int bi_exp_se2(ARGS) { UNUSED_ARGS; return apply_matfun(res, S, args[0], lc_matfun_se2_exp, err); }
static int bi_log_se2(ARGS) { UNUSED_ARGS; return apply_matfun(res, S, args[0], lc_matfun_se2_log, err); }
static int bi_exp_aff2(ARGS) { UNUSED_ARGS; return apply_matfun(res, S, args[0], lc_matfun_aff2_exp, err); }
static int bi_log_aff2(ARGS) { UNUSED_ARGS; return apply_matfun(res, S, args[0], lc_matfun_aff2_log, err); }

static int
bi_in_log_domain(ARGS)
{
    arb_mat_t A;
    int r;

    UNUSED_ARGS;
    if (args[0]->type == LC_V_MAT)
    {
        /* Rational input: decided exactly, from the characteristic polynomial. */
        if (args[0]->u.m->r != args[0]->u.m->c)
            return lc_err_set(err, LC_E_DIM, "the matrix must be square");
        r = lc_matfun_log_domain_qmat(args[0]->u.m, err);
        lc_err_init(err);
        *res = lc_val_bool(r == 1);
        return LC_OK;
    }
    arb_mat_init(A, 0, 0);
    lc_to_bmat(A, args[0], S->prec, err);
    if (arb_mat_nrows(A) != arb_mat_ncols(A))
    {
        arb_mat_clear(A);
        return lc_err_set(err, LC_E_DIM, "the matrix must be square");
    }
    r = lc_matfun_log_domain(A, S->prec, err);
    arb_mat_clear(A);
    if (r < 0)
    {
        char cert[LC_ERR_MSG_LEN + 40];
        snprintf(cert, sizeof(cert), "in_log_domain: %s", err->msg);
        return finish_check(res, S, LC_UNDECIDED, NULL, "certified eigenvalue enclosures", cert, err);
    }
    lc_err_init(err);
    *res = lc_val_bool(r == 1);
    return LC_OK;
}

/* An exact rational from an arf (dyadic, so exact). */
static lc_val
arf_to_num(const arf_t x)
{
    fmpq_t q;
    fmpz_t m, e;
    lc_val v;

    fmpq_init(q);
    fmpz_init(m);
    fmpz_init(e);
    if (!arf_is_zero(x))
    {
        arf_get_fmpz_2exp(m, e, x);
        fmpq_set_fmpz(q, m);
        if (fmpz_sgn(e) >= 0)
            fmpq_mul_2exp(q, q, fmpz_get_ui(e));
        else
        {
            fmpz_neg(e, e);
            fmpq_div_2exp(q, q, fmpz_get_ui(e));
        }
    }
    v = lc_val_num(q);
    fmpq_clear(q);
    fmpz_clear(m);
    fmpz_clear(e);
    return v;
}

static int
bi_radius(ARGS)
{
    arf_t r;
    mag_t m;

    UNUSED_ARGS;
    arf_init(r);
    mag_init(m);
    if (args[0]->type == LC_V_BALL)
        mag_set(m, arb_radref(args[0]->u.ball));
    else if (args[0]->type == LC_V_BMAT)
        lc_ball_max_radius(m, args[0]->u.bm);
    arf_set_mag(r, m);
    *res = arf_to_num(r);
    arf_clear(r);
    mag_clear(m);
    return LC_OK;
}

static int
bi_norm(ARGS)
{
    arb_mat_t A;
    arb_t t;
    slong i, j;

    UNUSED_ARGS;
    arb_mat_init(A, 0, 0);
    arb_init(t);
    lc_to_bmat(A, args[0], S->prec, err);
    *res = lc_val_ball();
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
            arb_addmul((*res)->u.ball, arb_mat_entry(A, i, j), arb_mat_entry(A, i, j), S->prec);
    arb_sqrtpos((*res)->u.ball, (*res)->u.ball, S->prec);
    arb_mat_clear(A);
    arb_clear(t);
    return LC_OK;
}

/* --------------------------------------------------- instances and scores */

static int
bi_random_matrix(ARGS)
{
    slong m = lc_val_get_si(args[0]), n = lc_val_get_si(args[1]);
    slong bound = nargs > 2 ? lc_val_get_si(args[2]) : 9;

    UNUSED_ARGS;
    if (m < 1 || n < 1 || m > LC_QMAT_MAX_SIZE || n > LC_QMAT_MAX_SIZE)
        return lc_err_set(err, LC_E_LIMIT, "sizes must be between 1 and %d", LC_QMAT_MAX_SIZE);
    if (bound < 1 || bound > WORD(1) << 40)
        return lc_err_set(err, LC_E_ARG, "the bound must be between 1 and 2^40");
    *res = lc_val_mat();
    lc_qmat_rand((*res)->u.m, m, n, S->rnd, bound);
    return LC_OK;
}

static int
bi_random_orthogonal(ARGS)
{
    slong n = lc_val_get_si(args[0]);
    slong bound = nargs > 1 ? lc_val_get_si(args[1]) : 3;

    UNUSED_ARGS;
    if (n < 1 || n > 256)
        return lc_err_set(err, LC_E_LIMIT, "the size must be between 1 and 256");
    if (bound < 1 || bound > WORD(1) << 20)
        return lc_err_set(err, LC_E_ARG, "the bound must be between 1 and 2^20");
    *res = lc_val_mat();
    lc_qmat_rand_orthogonal((*res)->u.m, n, S->rnd, bound);
    return LC_OK;
}

/* The tokens of lie_scores and dot_scores: a non-empty list of exact
   matrices, unpacked by the caller (kind M). */
static int
tokens_nonempty(const lc_mats_struct * g, lc_err_t err)
{
    return g->len > 0 ? LC_OK : lc_err_set(err, LC_E_ARG, "the list of tokens is empty");
}

static int
bi_lie_scores(ARGS)
{
    fmpq * lam;
    slong nl, i;
    int st = LC_OK;

    UNUSED_ARGS;
    if (tokens_nonempty(mats + 0, err) != LC_OK)
        return err->code;
    if (args[1]->type == LC_V_NUM)
        nl = 1;
    else if (args[1]->type == LC_V_LIST)
        nl = args[1]->u.list.len;
    else
        return lc_err_set(err, LC_E_ARG, "lambda must be a number or a list of numbers");
    lam = _fmpq_vec_init(FLINT_MAX(nl, 1));
    for (i = 0; i < nl; i++)
    {
        lc_val x = args[1]->type == LC_V_NUM ? args[1] : args[1]->u.list.items[i];

        if (x->type != LC_V_NUM)
            st = lc_err_set(err, LC_E_ARG, "lambda must hold exact numbers");
        else
            fmpq_set(lam + i, x->u.q);
    }
    if (st == LC_OK)
    {
        *res = lc_val_bmat();
        if ((st = lc_lieattn_scores((*res)->u.bm, mats[0].m, mats[0].len, lam, nl,
                                    args[2]->u.q, S->prec, err)) != LC_OK)
            lc_val_unref(*res);
    }
    _fmpq_vec_clear(lam, FLINT_MAX(nl, 1));
    return st;
}

static int
bi_dot_scores(ARGS)
{
    int st;

    UNUSED_ARGS;
    if (tokens_nonempty(mats + 0, err) != LC_OK)
        return err->code;
    *res = lc_val_mat();
    if ((st = lc_lieattn_dot_scores((*res)->u.m, mats[0].m, mats[0].len,
                                    nargs > 1 ? args[1]->u.m : NULL, err)) != LC_OK)
        lc_val_unref(*res);
    return st;
}

static int
bi_orthogonal_from_gram(ARGS)
{
    int st;

    UNUSED_ARGS;
    *res = lc_val_bmat();
    if ((st = lc_ball_orthogonal_from_gram((*res)->u.bm, args[0]->u.m, args[1]->u.m,
                                           S->prec, err)) != LC_OK)
        lc_val_unref(*res);
    return st;
}

static int
bi_qr(ARGS)
{
    arb_mat_t A;
    lc_val qr[2];
    int st;

    UNUSED_ARGS;
    arb_mat_init(A, 0, 0);
    lc_to_bmat(A, args[0], S->prec, err);
    qr[0] = lc_val_bmat();
    qr[1] = lc_val_bmat();
    if ((st = lc_ball_householder_qr(qr[0]->u.bm, qr[1]->u.bm, A, S->prec, err)) != LC_OK)
    {
        lc_val_unref(qr[0]);
        lc_val_unref(qr[1]);
    }
    else
        *res = lc_val_list(qr, 2);
    arb_mat_clear(A);
    return st;
}

static int
bi_not(ARGS)
{
    UNUSED_ARGS;
    *res = lc_val_bool(!args[0]->u.b);
    return LC_OK;
}

static int
bi_str(ARGS)
{
    char * t = lc_val_get_str(args[0], 1);

    UNUSED_ARGS;
    *res = lc_val_cstr(t);
    flint_free(t);
    return LC_OK;
}

/* An exact upper bound of |x| (the largest over the entries of a matrix). */
static int
bi_upper(ARGS)
{
    arf_t u, m;
    slong i, j;

    UNUSED_ARGS;
    if (args[0]->type == LC_V_NUM)
    {
        *res = lc_val_num(args[0]->u.q);
        fmpq_abs((*res)->u.q, (*res)->u.q);
        return LC_OK;
    }
    arf_init(u);
    arf_init(m);
    if (args[0]->type == LC_V_BALL)
        arb_get_abs_ubound_arf(m, args[0]->u.ball, S->prec);
    else if (args[0]->type == LC_V_BMAT)
    {
        for (i = 0; i < arb_mat_nrows(args[0]->u.bm); i++)
            for (j = 0; j < arb_mat_ncols(args[0]->u.bm); j++)
            {
                arb_get_abs_ubound_arf(u, arb_mat_entry(args[0]->u.bm, i, j), S->prec);
                if (arf_cmp(u, m) > 0)
                    arf_set(m, u);
            }
    }
    else
    {
        fmpq_t a;
        fmpq_init(a);
        *res = lc_val_num(a);
        for (i = 0; i < args[0]->u.m->r; i++)
            for (j = 0; j < args[0]->u.m->c; j++)
            {
                fmpq_abs(a, fmpq_mat_entry(args[0]->u.m, i, j));
                if (fmpq_cmp((*res)->u.q, a) < 0)
                    fmpq_set((*res)->u.q, a);
            }
        fmpq_clear(a);
        arf_clear(u);
        arf_clear(m);
        return LC_OK;
    }
    *res = arf_to_num(m);
    arf_clear(u);
    arf_clear(m);
    return LC_OK;
}

/* sweep is a special form (the evaluator runs its expression once per
   precision); reached only through a function value, where it cannot work. */
static int
bi_sweep(ARGS)
{
    UNUSED_ARGS;
    (void) res;
    return lc_err_set(err, LC_E_ARG, "call it by name: sweep([64, 128], expr)");
}

const lc_builtin_struct lc_builtins_cert[] =
{
    { LC_FAM_CHECK, "equal", "vv", 2, 2, bi_equal, "equal(A, B)",
      "check A = B: exact over Q, or a certified bound on |A - B| for balls (records in a claim)" },
    { LC_FAM_CHECK, "is_zero", "v", 1, 1, bi_is_zero, "is_zero(A)", "check A = 0 (as equal(A, 0))" },
    { LC_FAM_CHECK, "is_orthogonal", "x", 1, 1, bi_is_orthogonal, "is_orthogonal(Q)", "check Q^T Q = I" },
    { LC_FAM_CHECK, "commutes", "xx", 2, 2, bi_commutes, "commutes(A, B)", "check AB = BA" },
    { LC_FAM_CHECK, "check", "bs", 1, 2, bi_check, "check(cond, \"what\")",
      "record an exact true/false fact: PROVED when true, REFUTED when false" },
    { LC_FAM_CHECK, "not_checkable", "s", 1, 1, bi_not_checkable, "not_checkable(\"why\")",
      "inside a claim: the statement has no checkable content, for this reason" },
    { LC_FAM_CLAIM, "method", "s", 1, 1, bi_method, "method(\"text\")",
      "inside a claim: describe how it is checked" },
    { LC_FAM_CLAIM, "note", "s", 1, 1, bi_note, "note(\"text\")", "inside a claim: add to the certificate" },
    { LC_FAM_CLAIM, "title", "s", 1, 1, bi_title, "title(\"text\")", "the title of the report" },
    { LC_FAM_BALL, "ball", "v", 1, 1, bi_ball, "ball(x)",
      "x as a ball (or ball matrix) at the working precision" },
    { LC_FAM_MATFUN, "exp", "v", 1, 1, bi_exp, "exp(A)",
      "the exponential of a number or square matrix, certified" },
    { LC_FAM_MATFUN, "log", "v", 1, 1, bi_log, "log(M)",
      "the principal logarithm, certified (error outside its domain)" },
    { LC_FAM_BALL, "sqrt", "r", 1, 1, bi_sqrt, "sqrt(x)",
      "the square root of a non-negative number, as a ball" },
    { LC_FAM_MATFUN, "in_log_domain", "x", 1, 1, bi_in_log_domain, "in_log_domain(M)",
      "whether M has no eigenvalue on the closed negative real axis (certified)" },
    { LC_FAM_MATFUN, "exp_so3", "x", 1, 1, bi_exp_so3, "exp_so3(W)",
      "Rodrigues' formula for a 3x3 skew-symmetric W" },
    { LC_FAM_MATFUN, "log_so3", "x", 1, 1, bi_log_so3, "log_so3(R)",
      "axis-angle logarithm of a rotation (angle < pi)" },
    { LC_FAM_MATFUN, "exp_se2", "x", 1, 1, bi_exp_se2, "exp_se2(X)",
      "closed-form exponential on se(2) (3x3 form)" },
    { LC_FAM_MATFUN, "log_se2", "x", 1, 1, bi_log_se2, "log_se2(G)",
      "closed-form logarithm on SE(2) (3x3 form)" },
    { LC_FAM_MATFUN, "exp_aff2", "x", 1, 1, bi_exp_aff2, "exp_aff2(X)", "exponential on aff(2) (3x3 form)" },
    { LC_FAM_MATFUN, "log_aff2", "x", 1, 1, bi_log_aff2, "log_aff2(G)", "logarithm on Aff(2) (3x3 form)" },
    { LC_FAM_BALL, "radius", "v", 1, 1, bi_radius, "radius(x)",
      "an exact upper bound for the largest radius of a ball or ball matrix (0 if exact)" },
    { LC_FAM_BALL, "norm", "x", 1, 1, bi_norm, "norm(A)", "the Frobenius norm, as a certified ball" },
    { LC_FAM_QMAT, "random_matrix", "iii", 2, 3, bi_random_matrix, "random_matrix(m, n, bound)",
      "an m x n matrix of random integers in [-bound, bound] (default 9), from seed()" },
    { LC_FAM_QMAT, "random_orthogonal", "ii", 1, 2, bi_random_orthogonal, "random_orthogonal(n, bound)",
      "a random rational orthogonal matrix with det 1 (Cayley transform), from seed()" },
    { LC_FAM_LIEATTN, "lie_scores", "Man", 3, 3, bi_lie_scores, "lie_scores(gs, lambda, tau)",
      "Lie-algebra attention scores -||log(g_i^-1 g_j)||_lambda^2 / tau, certified" },
    { LC_FAM_LIEATTN, "dot_scores", "Mm", 1, 2, bi_dot_scores, "dot_scores(gs, W)",
      "baseline scores vec(g_i)^T W vec(g_j) of tokens taken as vectors (exact)" },
    { LC_FAM_BALL, "orthogonal_from_gram", "mm", 2, 2, bi_orthogonal_from_gram, "orthogonal_from_gram(X, Y)",
      "an orthogonal Q with X = Q Y, for X^T X = Y^T Y (checked exactly), as a certified ball matrix" },
    { LC_FAM_BALL, "qr", "x", 1, 1, bi_qr, "qr(A)",
      "[Q, R]: the Householder QR decomposition A = Q R, certified" },
    { LC_FAM_CORE, "not", "b", 1, 1, bi_not, "not(b)", "true when b is false, false when b is true" },
    { LC_FAM_CORE, "str", "a", 1, 1, bi_str, "str(x)",
      "the printed form of x as a string (strings join with +)" },
    { LC_FAM_BALL, "upper", "v", 1, 1, bi_upper, "upper(x)",
      "an exact upper bound of |x| (of the largest |entry| of a matrix)" },
    { LC_FAM_CORE, "sweep", "a", 2, 2, bi_sweep, "sweep([64, 128, ...], expr)",
      "expr evaluated at each precision: a list of [prec, value]" },
};

const slong lc_nbuiltins_cert = (slong) (sizeof(lc_builtins_cert) / sizeof(lc_builtins_cert[0]));
