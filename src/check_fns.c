/* check_fns.c -- claims and checks in the language (family check / claim).
 *
 * Glue only: a claim statement hands its body to lc_check_run_claim
 * (lib/check), which runs it at each precision of its sweep (or at the
 * working precision and twice it) and decides the verdict from the checks
 * the body records; the check built-ins (equal, is_zero, is_orthogonal,
 * commutes, check, not_checkable) convert their arguments and call the
 * comparisons of lib/check.  Nothing here decides a verdict. */
#include "config.h"
#include <string.h>
#include <time.h>
#include <mpfr.h>
#include "eval.h"
#include "builtins.h"
#include "ballops.h"
#include "matfun.h"
#include "lieattn.h"
#include "limit.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

/* ------------------------------------------------------ recording checks */

lc_check_struct *
lc_session_checks(lc_session_struct * S)
{
    if (S->chk != NULL)
        return S->chk;
    lc_check_reset(S->scratch);
    return S->scratch;
}

int
lc_session_fact(lc_session_struct * S, int truth, lc_check_kind kind, const char * method,
                const char * text)
{
    lc_check_struct * c = lc_session_checks(S);

    if (method != NULL)
        lc_check_describe(c, method);
    return lc_check_fact(c, truth, kind, text);
}

int
lc_session_finish_check(lc_val * res, lc_session_struct * S, lc_check_outcome o, lc_err_t err)
{
    lc_check_struct * c = S->chk != NULL ? S->chk : S->scratch;
    const lc_check_record * r = c->len > 0 ? c->recs + c->len - 1 : NULL;

    if (o == LC_CHECK_UNDECIDED && S->chk == NULL)
        return lc_err_set(err, LC_E_LIMIT, "undecided: %.450s", r != NULL ? r->text : "");
    *res = lc_val_bool_cert(o == LC_CHECK_TRUE, r != NULL && r->kind == LC_CHECK_CERTIFIED);
    return LC_OK;
}

void
lc_session_note(lc_session_struct * S, const char * text)
{
    if (S->chk != NULL)
        lc_check_note(S->chk, text);
}

/* The entries of a value: a matrix's, a list's in all, 1 otherwise. */
static slong
val_entries(const lc_val v)
{
    slong i, n = 0;

    if (v->type == LC_V_MAT)
        return v->u.m->r * v->u.m->c;
    if (v->type == LC_V_BMAT)
        return arb_mat_nrows(v->u.bm) * arb_mat_ncols(v->u.bm);
    if (v->type != LC_V_LIST)
        return 1;
    for (i = 0; i < v->u.list.len; i++)
        n += val_entries(v->u.list.items[i]);
    return n;
}

void
lc_session_attach(lc_session_struct * S, const char * name, const lc_val v)
{
    char * t = lc_val_get_str(v, 0);
    slong e = val_entries(v);

    lc_check_attach(lc_session_checks(S), 1, &name, (const char * const *) &t, &e);
    flint_free(t);
}

/* ------------------------------------------------------------- claims */

static double
now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

typedef struct
{
    lc_session_struct * S;
    lc_node n;
    lc_diag_struct * d;
    slong idx;
}
claim_run;

/* The body of a claim at one precision: its statements in protected mode
   (an error makes the run undecided and is reported on stderr; the script
   goes on). */
static int
claim_body(lc_check_t chk, slong prec, void * data, lc_err_t err)
{
    claim_run * r = data;
    lc_session_struct * S = r->S;
    slong k;
    int st = LC_OK;

    S->prec = prec;
    S->chk = chk;
    S->claim = r->idx;
    for (k = 0; k < r->n->nkids && !lc_check_stopped(chk); k++)
        if ((st = lc_exec_stmt(S, r->n->kids[k], r->d)) != LC_OK)
        {
            /* a stop of the whole run is reported once, by the run */
            fflush(S->out);
            if (!lc_limit_run_stopped())
                lc_diag_fprint(stderr, S->chunk, r->d);
            lc_err_set(err, st, "line %d, column %d: %s", r->d->pos.line, r->d->pos.col,
                       r->d->err->msg);
            lc_diag_init(r->d);
            break;
        }
    S->chk = NULL;
    S->claim = -1;
    return st;
}

int
lc_exec_claim(lc_session_t S, const lc_node n, lc_diag_t d)
{
    slong * precs = NULL, np = 0, i, idx, saved = S->prec;
    lc_claim_struct * c;
    claim_run run;
    double t0 = now();
    int st;

    if (S->claim >= 0)
        return lc_diag_set(d, n->pos, LC_E_ARG, "claims cannot be nested");
    if (lc_report_check_new_id(S->report, n->attr[1], d->err) != LC_OK)
    {
        d->pos = n->pos;
        return d->err->code;
    }
    if (n->role == LC_ROLE_CORRECTED)
    {
        /* A correction names the statement of the paper it corrects. */
        for (i = 0; i < S->report->len; i++)
            if (S->report->claims[i].id != NULL && strcmp(S->report->claims[i].id, n->attr[3]) == 0)
                break;
        if (i == S->report->len)
            return lc_diag_set(d, n->pos, LC_E_ARG, "corrected ... of \"%.80s\": no claim with "
                               "that id before this one", n->attr[3]);
        if (S->report->claims[i].role != LC_ROLE_CLAIM)
            return lc_diag_set(d, n->pos, LC_E_ARG, "corrected ... of \"%.80s\": that is a %s, "
                               "not a statement of the paper", n->attr[3],
                               lc_claim_role_name(S->report->claims[i].role));
    }
    if (n->sweep != NULL && (st = lc_eval_precisions(&precs, &np, S, n->sweep, d)) != LC_OK)
        return st;

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

    run.S = S;
    run.n = n;
    run.d = d;
    run.idx = idx;
    S->claim_t0 = lc_limit_now();
    lc_check_run_claim(c, claim_body, &run, precs, np, S->prec);
    lc_limit_clear_scope_timeout();
    S->prec = saved;
    flint_free(precs);

    c = S->report->claims + idx;
    c->seconds = now() - t0;
    fprintf(S->out, "%s %s", c->id, lc_verdict_name(c->verdict));
    if (c->bound != NULL)
        fprintf(S->out, " (|deviation| <= %s)", c->bound);
    if (c->role == LC_ROLE_CONTROL)
        fprintf(S->out, " [control]");
    else if (c->role == LC_ROLE_CORRECTED)
        fprintf(S->out, " [corrects %s]", c->corrects);
    if (!lc_claim_met(c))
        fprintf(S->out, " [expected %s: NOT MET]", lc_verdict_name(c->expected));
    fprintf(S->out, ": %s\n", c->statement);
    /* An interrupt or the run's time limit made this claim UNDECIDED and
       must stop the run too (a claim's own timeout(S) stops only it). */
    if (lc_limit_run_stopped())
    {
        d->pos = n->pos;
        return lc_limit_check(d->err) != LC_OK ? d->err->code
               : lc_diag_set(d, n->pos, LC_E_INTERRUPT, "interrupted");
    }
    return LC_OK;
}

/* timeout(S): the claim being checked may take S seconds in all, counted
   from its start (every precision it runs at included); when they pass it
   stops and is UNDECIDED, "time limit of S s reached", and the script goes
   on. */
static int
bi_timeout(ARGS)
{
    const fmpq * q = args[0]->u.q;
    double t;

    UNUSED_ARGS;
    if (S->claim < 0)
        return lc_err_set(err, LC_E_ARG, "only meaningful inside a claim (--timeout limits "
                          "the whole run)");
    t = fmpz_get_d(fmpq_numref(q)) / fmpz_get_d(fmpq_denref(q));
    if (fmpq_sgn(q) <= 0 || !(t > 0 && t <= 1e9))
        return lc_err_set(err, LC_E_ARG, "the time limit must be a number of seconds above 0 "
                          "and at most 10^9");
    lc_limit_set_scope_timeout(S->claim_t0, t);
    *res = lc_val_nil();
    return LC_OK;
}

/* ---------------------------------------------------------------- checks */

/* a = b in balls at the working precision; the exact side, when there is
   one, is shown exactly in a refutation. */
static int
compare_balls(lc_check_outcome * o, lc_check_struct * c, lc_session_struct * S, const lc_val a,
              const lc_val b, int scalar, const char * what, lc_err_t err)
{
    fmpq_mat_t Aq, Bq;
    arb_mat_t A, B;
    int st;

    arb_mat_init(A, 1, 1);
    arb_mat_init(B, 1, 1);
    fmpq_mat_init(Aq, 1, 1);
    fmpq_mat_init(Bq, 1, 1);
    if (scalar)
    {
        lc_to_ball(arb_mat_entry(A, 0, 0), a, S->prec, err);
        lc_to_ball(arb_mat_entry(B, 0, 0), b, S->prec, err);
        if (a->type == LC_V_NUM)
            fmpq_set(fmpq_mat_entry(Aq, 0, 0), a->u.q);
        if (b->type == LC_V_NUM)
            fmpq_set(fmpq_mat_entry(Bq, 0, 0), b->u.q);
    }
    else
    {
        lc_to_bmat(A, a, S->prec, err);
        lc_to_bmat(B, b, S->prec, err);
    }
    st = lc_check_equal_arb_mat_exact(o, c, A, a->type == LC_V_NUM ? Aq
                                      : a->type == LC_V_MAT ? a->u.m : NULL,
                                      B, b->type == LC_V_NUM ? Bq
                                      : b->type == LC_V_MAT ? b->u.m : NULL,
                                      what, S->prec, err);
    arb_mat_clear(A);
    arb_mat_clear(B);
    fmpq_mat_clear(Aq);
    fmpq_mat_clear(Bq);
    return st;
}

/* Record the check a = b (exact over Q when both are exact, otherwise in
   balls at the working precision) and return its truth as a value. */
static int
do_compare(lc_val * res, lc_session_struct * S, const lc_val a, const lc_val b,
           const char * what, lc_err_t err)
{
    int sa = (a->type == LC_V_NUM || a->type == LC_V_BALL);
    int sb = (b->type == LC_V_NUM || b->type == LC_V_BALL);
    lc_check_struct * c = lc_session_checks(S);
    lc_check_outcome o = LC_CHECK_UNDECIDED;
    int st;

    if (sa != sb)
        return lc_err_set(err, LC_E_DIM, "cannot compare %s with %s", lc_val_kind(a), lc_val_kind(b));
    if (lc_is_ball(a) || lc_is_ball(b))
        st = compare_balls(&o, c, S, a, b, sa, what, err);
    else if (sa)
        st = lc_check_equal_fmpq(&o, c, a->u.q, b->u.q, what, err);
    else
        st = lc_check_equal_qmat(&o, c, a->u.m, b->u.m, what, err);
    if (st == LC_OK)
        st = lc_session_finish_check(res, S, o, err);
    return st;
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

static int
bi_is_orthogonal(ARGS)
{
    lc_check_struct * c = lc_session_checks(S);
    lc_check_outcome o = LC_CHECK_UNDECIDED;
    arb_mat_t A;
    int st;

    UNUSED_ARGS;
    if (args[0]->type == LC_V_MAT)
        st = lc_check_orthogonal_qmat(&o, c, args[0]->u.m, err);
    else
    {
        arb_mat_init(A, 0, 0);
        lc_to_bmat(A, args[0], S->prec, err);
        st = lc_check_orthogonal_arb_mat(&o, c, A, S->prec, err);
        arb_mat_clear(A);
    }
    return st == LC_OK ? lc_session_finish_check(res, S, o, err) : st;
}

static int
bi_commutes(ARGS)
{
    lc_check_struct * c = lc_session_checks(S);
    lc_check_outcome o = LC_CHECK_UNDECIDED;
    arb_mat_t A, B;
    int st;

    UNUSED_ARGS;
    if (args[0]->type == LC_V_MAT && args[1]->type == LC_V_MAT)
        st = lc_check_commute_qmat(&o, c, args[0]->u.m, args[1]->u.m, err);
    else
    {
        arb_mat_init(A, 0, 0);
        arb_mat_init(B, 0, 0);
        lc_to_bmat(A, args[0], S->prec, err);
        lc_to_bmat(B, args[1], S->prec, err);
        st = lc_check_commute_arb_mat(&o, c, A, B, S->prec, err);
        arb_mat_clear(A);
        arb_mat_clear(B);
        /* an exact factor that does not commute is shown exactly */
        if (st == LC_OK && o == LC_CHECK_FALSE && args[0]->type == LC_V_MAT)
            lc_session_attach(S, "A", args[0]);
        if (st == LC_OK && o == LC_CHECK_FALSE && args[1]->type == LC_V_MAT)
            lc_session_attach(S, "B", args[1]);
    }
    return st == LC_OK ? lc_session_finish_check(res, S, o, err) : st;
}

static int
bi_check(ARGS)
{
    const char * what = nargs > 1 ? args[1]->u.str.s : "check";
    lc_check_kind kind = args[0]->cert ? LC_CHECK_CERTIFIED : LC_CHECK_EXACT;
    char * text;

    UNUSED_ARGS;
    /* An exact boolean proves or refutes; one decided by a ball comparison
       (certain, but by balls) is certified: it can refute, never prove. */
    text = flint_malloc(strlen(what) + 64);
    sprintf(text, "%s: %s%s", what, args[0]->u.b ? "true" : "false",
            kind == LC_CHECK_CERTIFIED ? " (decided by a certified ball comparison)" : "");
    lc_check_add(lc_session_checks(S), kind, args[0]->u.b ? LC_CHECK_TRUE : LC_CHECK_FALSE,
                 NULL, S->prec, text);
    flint_free(text);
    return lc_session_finish_check(res, S, args[0]->u.b ? LC_CHECK_TRUE : LC_CHECK_FALSE, err);
}

/* given("name", value): an input of the claim, shown exactly in the
   certificate (or written to a file next to the report when it has more
   than LC_CHECK_INLINE_ENTRIES entries) if the claim is refuted. */
static int
bi_given(ARGS)
{
    char * t;

    UNUSED_ARGS;
    if (S->chk == NULL)
        return lc_err_set(err, LC_E_ARG, "only meaningful inside a claim");
    t = lc_val_get_str(args[1], 0);
    lc_check_given(S->chk, args[0]->u.str.s, t, val_entries(args[1]));
    flint_free(t);
    *res = lc_val_nil();
    return LC_OK;
}

static int
bi_not_checkable(ARGS)
{
    UNUSED_ARGS;
    if (S->chk == NULL)
        return lc_err_set(err, LC_E_ARG, "only meaningful inside a claim");
    lc_check_not_checkable(S->chk, args[0]->u.str.s);
    *res = lc_val_nil();
    return LC_OK;
}

static int
bi_method(ARGS)
{
    UNUSED_ARGS;
    if (S->chk == NULL)
        return lc_err_set(err, LC_E_ARG, "only meaningful inside a claim");
    lc_check_describe(S->chk, args[0]->u.str.s);
    *res = lc_val_nil();
    return LC_OK;
}

static int
bi_note(ARGS)
{
    UNUSED_ARGS;
    if (S->chk == NULL)
        return lc_err_set(err, LC_E_ARG, "only meaningful inside a claim");
    lc_check_note(S->chk, args[0]->u.str.s);
    *res = lc_val_nil();
    return LC_OK;
}

/* item("Thm. 3.4", "what it says", ["id", ...] or "reason"): one numbered
   item of the paper in the report's coverage table. */
static int
bi_item(ARGS)
{
    const lc_val x = args[2];
    const char ** ids = NULL;
    slong i, n = 0;
    int st;

    UNUSED_ARGS;
    if (S->cov_line <= 0)
        return lc_err_set(err, LC_E_ARG, "only meaningful inside a coverage block");
    if (x->type == LC_V_LIST)
    {
        n = x->u.list.len;
        if (n == 0)
            return lc_err_set(err, LC_E_ARG, "argument 3 is an empty list: name the records "
                              "that address the item, or give the reason it is not addressed");
        ids = flint_malloc(sizeof(char *) * n);
        for (i = 0; i < n; i++)
        {
            if (x->u.list.items[i]->type != LC_V_STR)
            {
                flint_free(ids);
                return lc_err_set(err, LC_E_ARG, "argument 3, element %ld must be a string (the "
                                  "id of a claim, control or corrected statement), got %s",
                                  (long) i + 1, lc_val_kind(x->u.list.items[i]));
            }
            ids[i] = x->u.list.items[i]->u.str.s;
        }
    }
    st = lc_report_add_item(S->report, args[0]->u.str.s, args[1]->u.str.s, ids, n,
                            n == 0 ? x->u.str.s : NULL, S->cov_line, err);
    flint_free(ids);
    if (st == LC_OK)
        *res = lc_val_nil();
    return st;
}

static int
bi_title(ARGS)
{
    UNUSED_ARGS;
    lc_claim_set(&S->report->title, args[0]->u.str.s);
    *res = lc_val_nil();
    return LC_OK;
}

const lc_builtin_struct lc_builtins_check[] =
{
    { LC_FAM_CHECK, "equal", "vv", 2, 2, bi_equal, "equal(A, B)",
      "Checks A = B for two numbers or two matrices of one shape and returns the outcome as a "
      "boolean; inside a claim the check is recorded. Exact operands are compared over Q (true "
      "supports PROVED, false REFUTED). If either is a ball, the difference is enclosed at the "
      "working precision: an entry excluding 0 refutes; otherwise it is true with the bound max |A "
      "- B| when that is at most 2^(-prec/2) max(1, largest |entry|) (supporting HOLDS), else "
      "undecided. Outside a claim undecided is an error.",
      "claim \"rotation by exp\" { equal(exp([[0, 0], [0, 0]]), eye(2)) }" },
    { LC_FAM_CHECK, "is_zero", "v", 1, 1, bi_is_zero, "is_zero(A)",
      "Checks that the number or matrix A is zero, exactly as equal(A, 0) with a zero of A's "
      "shape: exact over Q for an exact A (PROVED or REFUTED), and a certified bound on max |A| "
      "for a ball (HOLDS, REFUTED or undecided). Returns the outcome as a boolean and records the "
      "check inside a claim.",
      "is_zero(bracket(eye(2), [[1, 2], [3, 4]]))" },
    { LC_FAM_CHECK, "is_orthogonal", "x", 1, 1, bi_is_orthogonal, "is_orthogonal(Q)",
      "Checks Q^T Q = I for a square matrix Q and returns the outcome as a boolean, recorded "
      "inside a claim. An exact Q is checked over Q (PROVED or REFUTED; householder(u) gives exact "
      "orthogonal matrices); a ball Q is checked in balls at the working precision, giving a "
      "certified bound on the deviation (HOLDS), a refutation when some entry certainly differs, "
      "or undecided.",
      "is_orthogonal(householder([[1], [2]]))" },
    { LC_FAM_CHECK, "commutes", "xx", 2, 2, bi_commutes, "commutes(A, B)",
      "Checks AB = BA for two square matrices of one size and returns the outcome as a boolean, "
      "recorded inside a claim. Two exact matrices are compared over Q (PROVED or REFUTED); if "
      "either is a ball the commutator is enclosed at the working precision (HOLDS with a bound, "
      "REFUTED, or undecided). When balls refute it, an exact factor is attached to the "
      "certificate.",
      "commutes([[1, 2], [0, 1]], [[1, 5], [0, 1]])" },
    { LC_FAM_CHECK, "check", "bs", 1, 2, bi_check, "check(cond, \"what\")",
      "Records the boolean cond as a check named by the string what (default \"check\") and "
      "returns cond. An exact boolean (from exact comparisons such as ==, rank, is_solvable) is an "
      "exact check: true supports PROVED, false REFUTED. A boolean decided by a certified ball "
      "comparison (such as x < 1 on a ball) is a certified check: false refutes, true supports "
      "HOLDS at best, never PROVED.",
      "claim \"two and two\" { check(2 + 2 == 4, \"2 + 2 = 4\") }" },
    { LC_FAM_CHECK, "given", "sa", 2, 2, bi_given, "given(\"name\", value)",
      "Inside a claim: declares value, under the given name, as an input the claim's checks depend "
      "on (a random element drawn, the matrix a boolean check is made on). It is shown exactly in "
      "the certificate only when the claim is refuted, or written to a file next to the report "
      "when it has more than 64 entries. Returns nil; outside a claim it is an error.",
      "claim \"N is normal\" expect REFUTED {\n  N = [[1, 1], [0, 1]]\n  given(\"N\", N)\n  "
      "check(N * transpose(N) == transpose(N) * N, \"N N^T = N^T N\")\n}" },
    { LC_FAM_CHECK, "not_checkable", "s", 1, 1, bi_not_checkable, "not_checkable(\"why\")",
      "Inside a claim: records that the statement has no checkable content, for the given reason, "
      "which the report shows. When it is the claim's only check the verdict is NOT_CHECKABLE "
      "(never a pass); together with any other check the claim is UNDECIDED. Returns nil; outside "
      "a claim it is an error.",
      "claim \"the method is elegant\" expect NOT_CHECKABLE { not_checkable(\"a matter of taste\") }" },
    { LC_FAM_CLAIM, "method", "s", 1, 1, bi_method, "method(\"text\")",
      "Inside a claim: adds the text to the report's description of how the claim was checked, "
      "after the generated summary of the checks' kinds and precision. It is free text and never "
      "affects the verdict. Returns nil; outside a claim it is an error.",
      "claim \"det of I\" {\n  method(\"exact over Q\")\n  check(det(eye(3)) == 1, \"det I = 1\")\n}" },
    { LC_FAM_CLAIM, "timeout", "n", 1, 1, bi_timeout, "timeout(S)",
      "Inside a claim: limits the claim to S seconds in all (a number above 0 and at most 10^9), "
      "counted from the claim's start and covering every precision it runs at. When the time "
      "passes the claim stops and is UNDECIDED (\"time limit of S s reached\") and the script goes "
      "on; use --timeout for the whole run. Returns nil; outside a claim it is an error.",
      "claim \"a bounded search\" {\n  timeout(5)\n  check(order(group(perm(\"(1,2)\"), perm(\"(1,2,3,4,5,6)\"))) == 720)\n}" },
    { LC_FAM_CLAIM, "note", "s", 1, 1, bi_note, "note(\"text\")",
      "Inside a claim: appends free text to the claim's certificate in the report (context, the "
      "instance used, a remark). It never affects the verdict. Returns nil; outside a claim it is "
      "an error.",
      "claim \"rank\" {\n  note(\"a 2x2 example\")\n  check(rank(eye(2)) == 2, \"rank I = 2\")\n}" },
    { LC_FAM_CLAIM, "title", "s", 1, 1, bi_title, "title(\"text\")",
      "Sets the title of the report written for this session (--report and friends) to the string; "
      "a later call replaces it. Returns nil. It may be called anywhere in a script, inside or "
      "outside a claim.",
      "title(\"Checks of a paper\")" },
    { LC_FAM_CLAIM, "item", "ssc", 3, 3, bi_item, "item(\"Thm. 3.4\", \"what it says\", [\"id\", ...])",
      "Inside a coverage block only: declares a numbered item of the paper (its label and what it "
      "says) and either the non-empty list of ids of the claims, controls or corrected statements "
      "that address it, or a string giving the reason it is not addressed. The report's coverage "
      "table is built from these; returns nil, and errors on an empty list or a non-string id.",
      "coverage { item(\"Fig. 1\", \"training curves\", \"not addressed: empirical\") }" },
};

const slong lc_nbuiltins_check = (slong) (sizeof(lc_builtins_check) / sizeof(lc_builtins_check[0]));
