/* check.c -- the verdict engine: check records, the verdict rule, the
 * comparisons, precision sweeps and running a claim.  See check.h for the
 * rule; doc/reports.md and doc/library.md for its documentation. */
#include <string.h>
#include <mpfr.h>
#include "check.h"
#include "qmat.h"
#include "strbuf.h"
#include "sha256.h"

/* ---------------------------------------------------------------- records */

static char *
copy_str(const char * s)
{
    size_t n;
    char * t;

    if (s == NULL)
        return NULL;
    n = strlen(s) + 1;
    t = flint_malloc(n);
    memcpy(t, s, n);
    return t;
}

void
lc_check_init(lc_check_t c)
{
    c->recs = NULL;
    c->len = 0;
    c->alloc = 0;
    c->notes = NULL;
    c->method = NULL;
    c->inputs = NULL;
    c->ninputs = 0;
}

void
lc_check_reset(lc_check_t c)
{
    slong i;

    for (i = 0; i < c->len; i++)
    {
        flint_free(c->recs[i].text);
        arf_clear(c->recs[i].bound);
    }
    c->len = 0;
    for (i = 0; i < c->ninputs; i++)
        flint_free(c->inputs[i].lines);
    flint_free(c->inputs);
    c->inputs = NULL;
    c->ninputs = 0;
    flint_free(c->notes);
    flint_free(c->method);
    c->notes = NULL;
    c->method = NULL;
}

void
lc_check_clear(lc_check_t c)
{
    lc_check_reset(c);
    flint_free(c->recs);
    lc_check_init(c);
}

void
lc_check_add(lc_check_t c, lc_check_kind kind, lc_check_outcome outcome,
             const arf_t bound, slong prec, const char * text)
{
    lc_check_record * r;
    char * t;

    /* allocations first, the record counted last: a refused allocation
       (lib/limit) must find the checks as they were */
    if (c->len == c->alloc)
    {
        slong a = FLINT_MAX(4, 2 * c->alloc);

        c->recs = flint_realloc(c->recs, sizeof(lc_check_record) * a);
        c->alloc = a;
    }
    t = copy_str(text != NULL ? text : "");
    r = c->recs + c->len++;
    r->kind = kind;
    r->outcome = outcome;
    r->text = t;
    r->prec = kind == LC_CHECK_CERTIFIED ? prec : 0;
    arf_init(r->bound);
    /* A bound means "|deviation| <= bound" of a certified true check; on
       anything else it would only mislead. */
    r->has_bound = (bound != NULL && kind == LC_CHECK_CERTIFIED && outcome == LC_CHECK_TRUE
                    && arf_is_finite(bound));
    if (r->has_bound)
        arf_set(r->bound, bound);
}

int
lc_check_fact(lc_check_t c, int truth, lc_check_kind kind, const char * text)
{
    lc_check_add(c, kind, truth ? LC_CHECK_TRUE : LC_CHECK_FALSE, NULL, 0, text);
    return truth;
}

void
lc_check_undecided(lc_check_t c, const char * reason)
{
    lc_check_add(c, LC_CHECK_NONE, LC_CHECK_UNDECIDED, NULL, 0, reason);
}

void
lc_check_not_checkable(lc_check_t c, const char * reason)
{
    lc_check_add(c, LC_CHECK_NONE, LC_CHECK_NOT_CHECKABLE, NULL, 0, reason);
}

/* Append s to *field after "; ", unless the field already says it. */
static void
append_once(char ** field, const char * s)
{
    lc_sb b = { NULL, 0, 0 };

    if (s == NULL || s[0] == '\0' || (*field != NULL && strstr(*field, s) != NULL))
        return;
    if (*field != NULL)
    {
        lc_sb_cat(&b, *field);
        lc_sb_cat(&b, "; ");
        flint_free(*field);
    }
    lc_sb_cat(&b, s);
    *field = lc_sb_take(&b);
}

/* ---------------------------------------------------------- refuting inputs */

static void
add_input(lc_check_t c, const char * lines, slong entries, slong rec)
{
    lc_check_input * in;

    c->inputs = flint_realloc(c->inputs, sizeof(lc_check_input) * (c->ninputs + 1));
    in = c->inputs + c->ninputs;
    in->lines = copy_str(lines);
    in->entries = entries;
    in->rec = rec;
    c->ninputs++;
}

/* "name = text" lines of n values. */
static char *
input_lines(slong n, const char * const * names, const char * const * texts)
{
    lc_sb b = { NULL, 0, 0 };
    slong i;

    for (i = 0; i < n; i++)
        lc_sb_printf(&b, "%s%s = %s", i > 0 ? "\n" : "", names[i], texts[i]);
    return lc_sb_take(&b);
}

void
lc_check_attach(lc_check_t c, slong n, const char * const * names,
                const char * const * texts, const slong * entries)
{
    lc_check_record * r;
    slong i, most = 0;
    char * lines;

    if (c->len == 0 || n <= 0)
        return;
    r = c->recs + c->len - 1;
    for (i = 0; i < n; i++)
        most = FLINT_MAX(most, entries[i]);
    lines = input_lines(n, names, texts);
    add_input(c, lines, most, c->len - 1);
    flint_free(lines);
    if (most <= LC_CHECK_INLINE_ENTRIES)
    {
        lc_sb b = { NULL, 0, 0 };

        lc_sb_cat(&b, r->text);
        for (i = 0; i < n; i++)
            lc_sb_printf(&b, "; %s = %s", names[i], texts[i]);
        flint_free(r->text);
        r->text = lc_sb_take(&b);
    }
}

void
lc_check_given(lc_check_t c, const char * name, const char * text, slong entries)
{
    char * lines = input_lines(1, &name, &text);

    add_input(c, lines, entries, -1);
    flint_free(lines);
}

void
lc_check_attach_qmats(lc_check_t c, slong n, const char * const * names,
                      const fmpq_mat_struct * const * mats)
{
    char ** texts = flint_malloc(sizeof(char *) * n);
    slong * entries = flint_malloc(sizeof(slong) * n), i;

    for (i = 0; i < n; i++)
    {
        texts[i] = lc_qmat_get_str(mats[i]);
        entries[i] = fmpq_mat_nrows(mats[i]) * fmpq_mat_ncols(mats[i]);
    }
    lc_check_attach(c, n, names, (const char * const *) texts, entries);
    for (i = 0; i < n; i++)
        flint_free(texts[i]);
    flint_free(texts);
    flint_free(entries);
}

void
lc_check_note(lc_check_t c, const char * text)
{
    append_once(&c->notes, text);
}

void
lc_check_describe(lc_check_t c, const char * text)
{
    append_once(&c->method, text);
}

int
lc_check_stopped(const lc_check_t c)
{
    slong i;

    for (i = 0; i < c->len; i++)
        if (c->recs[i].outcome == LC_CHECK_FALSE || c->recs[i].outcome == LC_CHECK_NOT_CHECKABLE)
            return 1;
    return 0;
}

int
lc_check_has_certified(const lc_check_t c)
{
    slong i;

    for (i = 0; i < c->len; i++)
        if (c->recs[i].kind == LC_CHECK_CERTIFIED)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ rule */

lc_verdict
lc_check_verdict(arf_t bound, int * has_bound, const lc_check_t c)
{
    slong i, nfalse = 0, nundecided = 0, nnc = 0, ncert = 0, nb = 0;
    lc_verdict v;

    if (bound != NULL)
        arf_zero(bound);
    for (i = 0; i < c->len; i++)
    {
        const lc_check_record * r = c->recs + i;

        nfalse += (r->outcome == LC_CHECK_FALSE);
        nundecided += (r->outcome == LC_CHECK_UNDECIDED);
        nnc += (r->outcome == LC_CHECK_NOT_CHECKABLE);
        ncert += (r->kind == LC_CHECK_CERTIFIED);
    }
    if (nfalse > 0)
        v = LC_REFUTED;
    else if (nnc > 0)
        v = (nnc == c->len) ? LC_NOT_CHECKABLE : LC_UNDECIDED;
    else if (nundecided > 0 || c->len == 0)
        v = LC_UNDECIDED;
    else
        v = ncert > 0 ? LC_HOLDS : LC_PROVED;
    if (v == LC_HOLDS)
        for (i = 0; i < c->len; i++)
            if (c->recs[i].has_bound)
            {
                if (bound != NULL && arf_cmp(c->recs[i].bound, bound) > 0)
                    arf_set(bound, c->recs[i].bound);
                nb++;
            }
    if (has_bound != NULL)
        *has_bound = (nb > 0);
    return v;
}

char *
lc_check_certificate(const lc_check_t c)
{
    lc_sb b = { NULL, 0, 0 };
    lc_verdict v = lc_check_verdict(NULL, NULL, c);
    slong i, n = 0;

    for (i = 0; i < c->len; i++)
    {
        const lc_check_record * r = c->recs + i;
        int keep;

        if (v == LC_REFUTED)
            keep = (r->outcome == LC_CHECK_FALSE);
        else if (v == LC_UNDECIDED)
            keep = (r->outcome == LC_CHECK_UNDECIDED || r->outcome == LC_CHECK_NOT_CHECKABLE);
        else
            keep = 1;
        if (!keep || r->text[0] == '\0')
            continue;
        if (n++ > 0)
            lc_sb_cat(&b, "; ");
        if (v == LC_UNDECIDED && r->outcome == LC_CHECK_NOT_CHECKABLE)
            lc_sb_cat(&b, "not_checkable(...) beside other checks (a statement has checkable "
                          "content or not; split the checks into a control): ");
        lc_sb_cat(&b, r->text);
    }
    if (v == LC_UNDECIDED && c->len == 0)
        lc_sb_cat(&b, (n++ > 0) ? "; no check was made" : "no check was made");
    if (c->notes != NULL)
    {
        if (n++ > 0)
            lc_sb_cat(&b, "; ");
        lc_sb_cat(&b, c->notes);
    }
    return lc_sb_take(&b);
}

char *
lc_check_method(const lc_check_t c)
{
    lc_sb b = { NULL, 0, 0 };
    slong i, nexact = 0, ncert = 0, lo = WORD_MAX, hi = 0;

    for (i = 0; i < c->len; i++)
    {
        if (c->recs[i].kind == LC_CHECK_EXACT)
            nexact++;
        else if (c->recs[i].kind == LC_CHECK_CERTIFIED)
        {
            ncert++;
            lo = FLINT_MIN(lo, c->recs[i].prec);
            hi = FLINT_MAX(hi, c->recs[i].prec);
        }
    }
    if (nexact > 0)
        lc_sb_printf(&b, "exact: %ld check%s", (long) nexact, nexact == 1 ? "" : "s");
    if (ncert > 0)
    {
        lc_sb_printf(&b, "%scertified ball arithmetic (Arb) at ", nexact > 0 ? "; " : "");
        if (lo == hi)
            lc_sb_printf(&b, "%ld bits", (long) hi);
        else
            lc_sb_printf(&b, "%ld to %ld bits", (long) lo, (long) hi);
        lc_sb_printf(&b, ": %ld check%s", (long) ncert, ncert == 1 ? "" : "s");
    }
    if (nexact + ncert == 0)
        lc_sb_cat(&b, "no computation");
    if (c->method != NULL)
    {
        lc_sb_cat(&b, "; ");
        lc_sb_cat(&b, c->method);
    }
    return lc_sb_take(&b);
}

char *
lc_arf_get_str_up(const arf_t x)
{
    mpfr_t t;
    char buf[64];

    if (arf_is_nan(x))
        strcpy(buf, "nan");
    else if (arf_is_inf(x))
        strcpy(buf, arf_sgn(x) > 0 ? "inf" : "-inf");
    else if (arf_is_zero(x))
        strcpy(buf, "0");
    else
    {
        /* MPFR's exponent range is far smaller than arf's: a bound beyond
           it is printed by its power of two, rounded up. */
        fmpz_t e;

        fmpz_init(e);
        fmpz_set(e, ARF_EXPREF(x));
        if (fmpz_cmp_si(e, -1000000) < 0 || fmpz_cmp_si(e, 1000000) > 0)
        {
            char * es = fmpz_get_str(NULL, 10, e);

            snprintf(buf, sizeof(buf), "%s2^%.40s", arf_sgn(x) < 0 ? "-" : "", es);
            flint_free(es);
        }
        else
        {
            mpfr_init2(t, FLINT_MAX(arf_bits(x), 8));
            arf_get_mpfr(t, x, MPFR_RNDU);
            mpfr_snprintf(buf, sizeof(buf), "%.2RUe", t);
            mpfr_clear(t);
        }
        fmpz_clear(e);
    }
    return copy_str(buf);
}

/* ------------------------------------------------------------ comparisons */

static void
add_text(lc_check_t c, lc_check_kind kind, lc_check_outcome o, const arf_t bound,
         slong prec, lc_sb * b)
{
    char * t = lc_sb_take(b);

    lc_check_add(c, kind, o, bound, prec, t);
    flint_free(t);
}

int
lc_check_equal_fmpq(lc_check_outcome * out, lc_check_t c, const fmpq_t a, const fmpq_t b,
                    const char * what, lc_err_t err)
{
    lc_sb t = { NULL, 0, 0 };

    (void) err;
    if (fmpq_equal(a, b))
    {
        lc_sb_printf(&t, "%s: exact equality", what);
        *out = LC_CHECK_TRUE;
    }
    else
    {
        char * x = fmpq_get_str(NULL, 10, a), * y = fmpq_get_str(NULL, 10, b);

        lc_sb_printf(&t, "%s: %s on one side and %s on the other (exact)", what, x, y);
        flint_free(x);
        flint_free(y);
        *out = LC_CHECK_FALSE;
    }
    add_text(c, LC_CHECK_EXACT, *out, NULL, 0, &t);
    return LC_OK;
}

/* A = B over Q; on a refutation, attach A and B as "left" and "right"
   when attach is set (commutes and is_orthogonal attach their own inputs). */
static int
equal_qmat(lc_check_outcome * out, lc_check_t c, const fmpq_mat_t A, const fmpq_mat_t B,
           const char * what, int attach, lc_err_t err)
{
    lc_sb t = { NULL, 0, 0 };
    slong i, j;

    if (A->r != B->r || A->c != B->c)
        return lc_err_set(err, LC_E_DIM, "cannot compare %ldx%ld and %ldx%ld matrices",
                          (long) A->r, (long) A->c, (long) B->r, (long) B->c);
    *out = LC_CHECK_TRUE;
    for (i = 0; i < A->r && *out == LC_CHECK_TRUE; i++)
        for (j = 0; j < A->c; j++)
            if (!fmpq_equal(fmpq_mat_entry(A, i, j), fmpq_mat_entry(B, i, j)))
            {
                char * x = fmpq_get_str(NULL, 10, fmpq_mat_entry(A, i, j));
                char * y = fmpq_get_str(NULL, 10, fmpq_mat_entry(B, i, j));

                lc_sb_printf(&t, "%s: entry (%ld, %ld) is %s on one side and %s on the other "
                             "(exact)", what, (long) i + 1, (long) j + 1, x, y);
                flint_free(x);
                flint_free(y);
                *out = LC_CHECK_FALSE;
                break;
            }
    if (*out == LC_CHECK_TRUE)
        lc_sb_printf(&t, "%s: exact equality of %ldx%ld matrices", what, (long) A->r,
                     (long) A->c);
    add_text(c, LC_CHECK_EXACT, *out, NULL, 0, &t);
    if (*out == LC_CHECK_FALSE && attach)
    {
        const char * names[2] = { "left", "right" };
        const fmpq_mat_struct * mats[2];

        mats[0] = A;
        mats[1] = B;
        lc_check_attach_qmats(c, 2, names, mats);
    }
    return LC_OK;
}

int
lc_check_equal_qmat(lc_check_outcome * out, lc_check_t c, const fmpq_mat_t A,
                    const fmpq_mat_t B, const char * what, lc_err_t err)
{
    return equal_qmat(out, c, A, B, what, 1, err);
}

/* The first entry of A that is not finite, or -1. */
static slong
first_not_finite(const arb_mat_t A)
{
    slong i, j;

    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
            if (!arb_is_finite(arb_mat_entry(A, i, j)))
                return i * arb_mat_ncols(A) + j;
    return -1;
}

static void
not_finite_text(lc_sb * t, const char * what, const char * side, const arb_mat_t A, slong k)
{
    slong i = k / arb_mat_ncols(A), j = k % arb_mat_ncols(A);
    char * x = arb_get_str(arb_mat_entry(A, i, j), 10, 0);

    lc_sb_printf(t, "%s: entry (%ld, %ld) of %s is %s, a ball that is not finite (an overflow "
                 "or a division by a ball containing 0): it bounds nothing", what, (long) i + 1,
                 (long) j + 1, side, x);
    flint_free(x);
}

int
lc_check_equal_arb_mat(lc_check_outcome * out, lc_check_t c, const arb_mat_t A,
                       const arb_mat_t B, const char * what, slong prec, lc_err_t err)
{
    return lc_check_equal_arb_mat_exact(out, c, A, NULL, B, NULL, what, prec, err);
}

/* The digits to print a ball of a refutation with: what the precision
   holds (a ball prints fewer when its radius allows fewer), at least 10. */
static slong
ball_digits(slong prec)
{
    return FLINT_MAX(10, FLINT_MIN(prec * 3 / 10 + 1, 320));
}

int
lc_check_equal_arb_mat_exact(lc_check_outcome * out, lc_check_t c, const arb_mat_t A,
                             const fmpq_mat_t Aq, const arb_mat_t B, const fmpq_mat_t Bq,
                             const char * what, slong prec, lc_err_t err)
{
    lc_sb t = { NULL, 0, 0 };
    slong r = arb_mat_nrows(A), cols = arb_mat_ncols(A), i, j, k, ka, kb;
    arb_mat_t D;
    arf_t scale, bound, u;

    if (r != arb_mat_nrows(B) || cols != arb_mat_ncols(B))
        return lc_err_set(err, LC_E_DIM, "cannot compare %ldx%ld and %ldx%ld matrices", (long) r,
                          (long) cols, (long) arb_mat_nrows(B), (long) arb_mat_ncols(B));
    ka = first_not_finite(A);
    kb = ka >= 0 ? -1 : first_not_finite(B);
    if (ka >= 0 || kb >= 0)
    {
        if (ka >= 0)
            not_finite_text(&t, what, "the left side", A, ka);
        else
            not_finite_text(&t, what, "the right side", B, kb);
        *out = LC_CHECK_UNDECIDED;
        add_text(c, LC_CHECK_CERTIFIED, *out, NULL, prec, &t);
        return LC_OK;
    }
    arb_mat_init(D, r, cols);
    arf_init(scale);
    arf_init(bound);
    arf_init(u);
    arb_mat_sub(D, A, B, prec);
    /* The scale of the values compared: the threshold below is relative. */
    arf_one(scale);
    for (i = 0; i < r; i++)
        for (j = 0; j < cols; j++)
        {
            arb_get_abs_ubound_arf(u, arb_mat_entry(B, i, j), prec);
            if (arf_cmp(u, scale) > 0)
                arf_set(scale, u);
        }
    *out = LC_CHECK_TRUE;
    if ((k = first_not_finite(D)) >= 0)
    {
        not_finite_text(&t, what, "the difference", D, k);
        *out = LC_CHECK_UNDECIDED;
    }
    for (i = 0; i < r && *out == LC_CHECK_TRUE; i++)
        for (j = 0; j < cols; j++)
        {
            if (!arb_contains_zero(arb_mat_entry(D, i, j)))
            {
                slong dg = ball_digits(prec);
                char * x = arb_get_str(arb_mat_entry(D, i, j), 10, 0);
                char * y = Aq != NULL ? fmpq_get_str(NULL, 10, fmpq_mat_entry(Aq, i, j))
                                      : arb_get_str(arb_mat_entry(A, i, j), dg, 0);
                char * z = Bq != NULL ? fmpq_get_str(NULL, 10, fmpq_mat_entry(Bq, i, j))
                                      : arb_get_str(arb_mat_entry(B, i, j), dg, 0);

                /* Each side as a ball [midpoint +/- radius] enclosing it
                   (printed to the digits the precision holds), or exactly. */
                lc_sb_printf(&t, "%s: entry (%ld, %ld) of the difference is %s, a ball that "
                             "excludes 0 (left %s%s, right %s%s; certified at %ld bits)", what,
                             (long) i + 1, (long) j + 1, x, y, Aq != NULL ? " exactly" : "",
                             z, Bq != NULL ? " exactly" : "", (long) prec);
                flint_free(x);
                flint_free(y);
                flint_free(z);
                *out = LC_CHECK_FALSE;
                break;
            }
            arb_get_abs_ubound_arf(u, arb_mat_entry(D, i, j), prec);
            if (arf_cmp(u, bound) > 0)
                arf_set(bound, u);
        }
    if (*out == LC_CHECK_TRUE)
    {
        char * bs = lc_arf_get_str_up(bound);

        /* A bound above 2^-(prec/2) relative to the size of the values (at
           least 1) says nothing useful about an identity. */
        arf_mul_2exp_si(u, scale, -(prec / 2));
        if (arf_cmp(bound, u) > 0)
        {
            lc_sb_printf(&t, "%s: enclosure too wide at %ld bits (|difference| <= %s, more than "
                         "2^-%ld times the size of the values); raise the precision", what,
                         (long) prec, bs, (long) (prec / 2));
            *out = LC_CHECK_UNDECIDED;
        }
        else
            lc_sb_printf(&t, "%s: |difference| <= %s in every entry (certified at %ld bits)",
                         what, bs, (long) prec);
        flint_free(bs);
    }
    add_text(c, LC_CHECK_CERTIFIED, *out, *out == LC_CHECK_TRUE ? bound : NULL, prec, &t);
    if (*out == LC_CHECK_FALSE && (Aq != NULL || Bq != NULL))
    {
        const char * names[2];
        const fmpq_mat_struct * mats[2];
        slong n = 0;

        if (Aq != NULL)
        {
            names[n] = "left";
            mats[n++] = Aq;
        }
        if (Bq != NULL)
        {
            names[n] = "right";
            mats[n++] = Bq;
        }
        lc_check_attach_qmats(c, n, names, mats);
    }
    arb_mat_clear(D);
    arf_clear(scale);
    arf_clear(bound);
    arf_clear(u);
    return LC_OK;
}

int
lc_check_equal_arb(lc_check_outcome * out, lc_check_t c, const arb_t a, const arb_t b,
                   const char * what, slong prec, lc_err_t err)
{
    arb_mat_t A, B;
    int st;

    arb_mat_init(A, 1, 1);
    arb_mat_init(B, 1, 1);
    arb_set(arb_mat_entry(A, 0, 0), a);
    arb_set(arb_mat_entry(B, 0, 0), b);
    st = lc_check_equal_arb_mat(out, c, A, B, what, prec, err);
    arb_mat_clear(A);
    arb_mat_clear(B);
    return st;
}

int
lc_check_orthogonal_qmat(lc_check_outcome * out, lc_check_t c, const fmpq_mat_t A,
                         lc_err_t err)
{
    fmpq_mat_t T, P, I;
    int st;

    fmpq_mat_init(T, A->c, A->r);
    fmpq_mat_init(P, A->c, A->c);
    fmpq_mat_init(I, A->c, A->c);
    fmpq_mat_transpose(T, A);
    fmpq_mat_mul(P, T, A);
    fmpq_mat_one(I);
    st = equal_qmat(out, c, P, I, "is_orthogonal (Q^T Q = I)", 0, err);
    if (st == LC_OK && *out == LC_CHECK_FALSE)
    {
        const char * names[1] = { "Q" };
        const fmpq_mat_struct * mats[1];

        mats[0] = A;
        lc_check_attach_qmats(c, 1, names, mats);
    }
    fmpq_mat_clear(T);
    fmpq_mat_clear(P);
    fmpq_mat_clear(I);
    return st;
}

int
lc_check_orthogonal_arb_mat(lc_check_outcome * out, lc_check_t c, const arb_mat_t A,
                            slong prec, lc_err_t err)
{
    arb_mat_t T, P, I;
    int st;

    arb_mat_init(T, arb_mat_ncols(A), arb_mat_nrows(A));
    arb_mat_init(P, arb_mat_ncols(A), arb_mat_ncols(A));
    arb_mat_init(I, arb_mat_ncols(A), arb_mat_ncols(A));
    arb_mat_transpose(T, A);
    arb_mat_mul(P, T, A, prec);
    arb_mat_one(I);
    st = lc_check_equal_arb_mat(out, c, P, I, "is_orthogonal (Q^T Q = I)", prec, err);
    arb_mat_clear(T);
    arb_mat_clear(P);
    arb_mat_clear(I);
    return st;
}

int
lc_check_commute_qmat(lc_check_outcome * out, lc_check_t c, const fmpq_mat_t A,
                      const fmpq_mat_t B, lc_err_t err)
{
    fmpq_mat_t AB, BA;
    int st;

    if (A->r != A->c || B->r != B->c || A->r != B->r)
        return lc_err_set(err, LC_E_DIM, "two square matrices of one size are needed, "
                          "got %ldx%ld and %ldx%ld", (long) A->r, (long) A->c, (long) B->r,
                          (long) B->c);
    fmpq_mat_init(AB, A->r, A->r);
    fmpq_mat_init(BA, A->r, A->r);
    fmpq_mat_mul(AB, A, B);
    fmpq_mat_mul(BA, B, A);
    st = equal_qmat(out, c, AB, BA, "commutes (AB = BA)", 0, err);
    if (st == LC_OK && *out == LC_CHECK_FALSE)
    {
        const char * names[2] = { "A", "B" };
        const fmpq_mat_struct * mats[2];

        mats[0] = A;
        mats[1] = B;
        lc_check_attach_qmats(c, 2, names, mats);
    }
    fmpq_mat_clear(AB);
    fmpq_mat_clear(BA);
    return st;
}

int
lc_check_commute_arb_mat(lc_check_outcome * out, lc_check_t c, const arb_mat_t A,
                         const arb_mat_t B, slong prec, lc_err_t err)
{
    arb_mat_t AB, BA;
    slong n = arb_mat_nrows(A);
    int st;

    if (n != arb_mat_ncols(A) || arb_mat_nrows(B) != arb_mat_ncols(B) || n != arb_mat_nrows(B))
        return lc_err_set(err, LC_E_DIM, "two square matrices of one size are needed, "
                          "got %ldx%ld and %ldx%ld", (long) n, (long) arb_mat_ncols(A),
                          (long) arb_mat_nrows(B), (long) arb_mat_ncols(B));
    arb_mat_init(AB, n, n);
    arb_mat_init(BA, n, n);
    arb_mat_mul(AB, A, B, prec);
    arb_mat_mul(BA, B, A, prec);
    st = lc_check_equal_arb_mat(out, c, AB, BA, "commutes (AB = BA)", prec, err);
    arb_mat_clear(AB);
    arb_mat_clear(BA);
    return st;
}

/* ----------------------------------------------------------------- sweeps */

void
lc_sweep_init(lc_sweep_t s)
{
    s->len = 0;
    s->prec = NULL;
    s->verdict = NULL;
    s->bound = NULL;
    s->has_bound = NULL;
}

void
lc_sweep_clear(lc_sweep_t s)
{
    slong i;

    for (i = 0; i < s->len; i++)
        arf_clear(s->bound + i);
    flint_free(s->prec);
    flint_free(s->verdict);
    flint_free(s->bound);
    flint_free(s->has_bound);
    lc_sweep_init(s);
}

void
lc_sweep_add(lc_sweep_t s, slong prec, lc_verdict v, const arf_t bound)
{
    slong n = s->len + 1;

    s->prec = flint_realloc(s->prec, n * sizeof(slong));
    s->verdict = flint_realloc(s->verdict, n * sizeof(lc_verdict));
    s->bound = flint_realloc(s->bound, n * sizeof(arf_struct));
    s->has_bound = flint_realloc(s->has_bound, n * sizeof(int));
    s->prec[n - 1] = prec;
    s->verdict[n - 1] = v;
    arf_init(s->bound + n - 1);
    s->has_bound[n - 1] = (bound != NULL && arf_is_finite(bound));
    if (s->has_bound[n - 1])
        arf_set(s->bound + n - 1, bound);
    s->len = n;
}

/* Whether a bound b at q bits has fallen enough from a at p bits: at least
   by 2^(-(q - p)/2), half the rate at which a true identity's enclosure
   shrinks (like 2^-prec).  A zero bound stays acceptable only as zero. */
static int
bound_falls(const arf_t a, slong p, const arf_t b, slong q)
{
    arf_t lim;
    int ok;

    if (arf_is_zero(b))
        return 1;
    if (arf_is_zero(a) || q <= p)
        return 0;
    arf_init(lim);
    arf_mul_2exp_si(lim, a, -((q - p) / 2));
    ok = arf_cmp(b, lim) <= 0;
    arf_clear(lim);
    return ok;
}

lc_verdict
lc_sweep_verdict(slong * at, char ** reason, const lc_sweep_t s)
{
    slong i, start, last = s->len - 1, nholds = 0, prev = -1;

    *reason = NULL;
    *at = FLINT_MAX(last, 0);
    if (s->len == 0)
    {
        *reason = copy_str("the claim was not run");
        return LC_UNDECIDED;
    }
    /* A certified refutation at any precision stands. */
    for (i = 0; i < s->len; i++)
        if (s->verdict[i] == LC_REFUTED)
        {
            *at = i;
            return LC_REFUTED;
        }
    if (s->verdict[last] != LC_PROVED && s->verdict[last] != LC_HOLDS)
        return s->verdict[last];
    /* Runs undecided at low precision (an enclosure too wide) say nothing
       against what the higher ones show; the rule reads the rest. */
    for (start = last; start > 0 && (s->verdict[start - 1] == LC_PROVED
                                     || s->verdict[start - 1] == LC_HOLDS); start--)
        ;
    for (i = start; i <= last; i++)
        nholds += (s->verdict[i] == LC_HOLDS);
    if (nholds == 0)
        return LC_PROVED;
    if (last - start < 1)
    {
        *reason = copy_str("a certified bound must hold again at a second, higher precision "
                           "to show it falls with the precision");
        return LC_UNDECIDED;
    }
    for (i = start; i <= last; i++)
    {
        if (s->verdict[i] != LC_HOLDS || !s->has_bound[i])
            continue;
        if (prev >= 0 && !bound_falls(s->bound + prev, s->prec[prev], s->bound + i, s->prec[i]))
        {
            char * a = lc_arf_get_str_up(s->bound + prev), * b = lc_arf_get_str_up(s->bound + i);
            lc_sb t = { NULL, 0, 0 };

            lc_sb_printf(&t, "bound does not shrink: %s at %ld bits, %s at %ld bits (a true "
                         "identity's bound falls like 2^-prec; this one falls less than "
                         "2^-%ld)", a, (long) s->prec[prev], b, (long) s->prec[i],
                         (long) ((s->prec[i] - s->prec[prev]) / 2));
            flint_free(a);
            flint_free(b);
            *reason = lc_sb_take(&t);
            *at = i;
            return LC_UNDECIDED;
        }
        prev = i;
    }
    return LC_HOLDS;
}

/* ----------------------------------------------------------------- claims */

/* s without directory and a final ".lc" (NULL: "liecheck"), every byte
   other than a letter, digit, '.', '-' or '_' made '_': a file name. */
static char *
file_part(const char * s, int strip)
{
    const char * b;
    char * t;
    size_t n, i;

    if (s == NULL || s[0] == '\0')
        s = "liecheck";
    b = strip && strrchr(s, '/') != NULL ? strrchr(s, '/') + 1 : s;
    n = strlen(b);
    if (strip && n > 3 && strcmp(b + n - 3, ".lc") == 0)
        n -= 3;
    t = flint_malloc(n + 1);
    for (i = 0; i < n; i++)
    {
        char ch = b[i];

        t[i] = ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                || ch == '.' || ch == '-' || ch == '_') ? ch : '_';
    }
    t[n] = '\0';
    if (n == 0 || t[0] == '.')
        t[0] = '_';
    /* an id that had to change gets 8 hex digits of its SHA-256, so that
       two ids that change alike ("a b", "a/b") still name two files */
    if (!strip && strncmp(t, b, n + 1) != 0)
    {
        char hex[65], * u = flint_malloc(n + 10);

        lc_sha256_hex(hex, b, strlen(b));
        memcpy(u, t, n);
        u[n] = '-';
        memcpy(u + n + 1, hex, 8);
        u[n + 9] = '\0';
        flint_free(t);
        t = u;
    }
    return t;
}

/* The refuting inputs of the deciding run of a refuted claim: small ones
   become claim->refuting_input (and a given's a note of the certificate),
   each large one a file of the claim, named in the check's text. */
static void
refuting_inputs(lc_claim_struct * claim, lc_check_t run)
{
    lc_sb inl = { NULL, 0, 0 };
    char * base = file_part(claim->file, 1), * id = file_part(claim->id, 0);
    slong i, k = 0;

    lc_claim_clear_files(claim);
    for (i = 0; i < run->ninputs; i++)
    {
        lc_check_input * in = run->inputs + i;
        const char * eq = strstr(in->lines, " = ");
        size_t nl = eq != NULL ? (size_t) (eq - in->lines) : 0;

        if (in->rec >= 0 && run->recs[in->rec].outcome != LC_CHECK_FALSE)
            continue;
        if (in->entries <= LC_CHECK_INLINE_ENTRIES)
        {
            if (inl.len > 0)
                lc_sb_cat(&inl, "\n");
            lc_sb_cat(&inl, in->lines);
            if (in->rec < 0)
            {
                lc_sb t = { NULL, 0, 0 };
                char * u;

                lc_sb_printf(&t, "given %s", in->lines);
                lc_check_note(run, (u = lc_sb_take(&t)));
                flint_free(u);
            }
        }
        else
        {
            lc_sb f = { NULL, 0, 0 }, t = { NULL, 0, 0 }, m = { NULL, 0, 0 };
            char * fs, * ts, * ms;

            lc_sb_printf(&f, "%s.refute-%s-%ld.txt", base, id, (long) ++k);
            fs = lc_sb_take(&f);
            lc_sb_printf(&t, "# The refuting input of claim %s, written by liecheck: one line "
                         "per value in liecheck's literal syntax.\n# Read it back with "
                         "load(\"%s\").\n%s\n", id, fs, in->lines);
            ts = lc_sb_take(&t);
            lc_claim_add_file(claim, fs, ts);
            if (in->rec >= 0)
            {
                lc_check_record * r = run->recs + in->rec;

                lc_sb_printf(&m, "%s; the refuting values (the largest with %ld entries, more "
                             "than %d) are in the file %s next to the report, one line per "
                             "value", r->text, (long) in->entries, LC_CHECK_INLINE_ENTRIES, fs);
                flint_free(r->text);
                r->text = lc_sb_take(&m);
            }
            else
            {
                lc_sb_printf(&m, "given %.*s (%ld entries, more than %d): in the file %s next "
                             "to the report", (int) nl, in->lines, (long) in->entries,
                             LC_CHECK_INLINE_ENTRIES, fs);
                lc_check_note(run, (ms = lc_sb_take(&m)));
                flint_free(ms);
            }
            flint_free(fs);
            flint_free(ts);
        }
    }
    flint_free(claim->refuting_input);
    claim->refuting_input = inl.len > 0 ? lc_sb_take(&inl) : NULL;
    if (claim->refuting_input == NULL)
        flint_free(lc_sb_take(&inl));
    flint_free(base);
    flint_free(id);
}

static void
run_once(lc_check_t chk, lc_check_body_fn body, void * data, slong prec)
{
    lc_err_t err;
    int st;

    lc_err_init(err);
    st = body(chk, prec, data, err);
    if (st != LC_OK)
    {
        lc_sb t = { NULL, 0, 0 };

        lc_sb_printf(&t, "error inside the claim at %ld bits: %s", (long) prec,
                     err->msg[0] != '\0' ? err->msg : lc_err_name(st));
        add_text(chk, LC_CHECK_NONE, LC_CHECK_UNDECIDED, NULL, 0, &t);
    }
    else if (chk->len == 0 && chk->notes == NULL && chk->method == NULL)
        lc_check_undecided(chk, "no check was made in the body of the claim");
    else if (chk->len == 0)
        lc_check_undecided(chk, "no check was made in the body of the claim (only notes or a "
                                "method description, which decide nothing)");
}

void
lc_check_run_claim(lc_claim_struct * claim, lc_check_body_fn body, void * data,
                   const slong * precs, slong nprecs, slong prec)
{
    lc_check_struct * runs;
    lc_sweep_t s;
    slong n, i, at;
    char * reason = NULL, * t;
    lc_verdict v;
    arf_t bound;
    int hb;

    n = precs != NULL ? nprecs : 1;
    runs = flint_malloc(sizeof(lc_check_struct) * (n + 1));
    lc_sweep_init(s);
    arf_init(bound);
    for (i = 0; i < n; i++)
    {
        slong p = precs != NULL ? precs[i] : prec;

        lc_check_init(runs + i);
        run_once(runs + i, body, data, p);
        v = lc_check_verdict(bound, &hb, runs + i);
        lc_sweep_add(s, p, v, hb ? bound : NULL);
    }
    /* Without an explicit sweep, a certified verdict is confirmed at twice
       the precision: HOLDS only if it holds again with a smaller bound. */
    if (precs == NULL && s->verdict[0] == LC_HOLDS)
    {
        lc_check_init(runs + n);
        run_once(runs + n, body, data, 2 * prec);
        v = lc_check_verdict(bound, &hb, runs + n);
        lc_sweep_add(s, 2 * prec, v, hb ? bound : NULL);
        n++;
    }
    v = lc_sweep_verdict(&at, &reason, s);
    flint_free(claim->refuting_input);
    claim->refuting_input = NULL;
    lc_claim_clear_files(claim);
    if (v == LC_REFUTED)
        refuting_inputs(claim, runs + at);

    claim->verdict = v;
    claim->prec = s->prec[at];
    for (i = 0; i < s->len && (precs != NULL || s->len > 1); i++)
    {
        char * b = s->has_bound[i] ? lc_arf_get_str_up(s->bound + i) : NULL;

        lc_claim_add_sweep(claim, s->prec[i], s->verdict[i], b);
        flint_free(b);
    }
    lc_claim_clear_checks(claim);
    for (i = 0; i < runs[at].len; i++)
    {
        lc_check_record * r = runs[at].recs + i;
        char * b = r->has_bound ? lc_arf_get_str_up(r->bound) : NULL;

        lc_claim_add_check(claim, r->kind, r->outcome, r->text, b, r->prec);
        flint_free(b);
    }
    if (reason != NULL)
        lc_claim_add_check(claim, LC_CHECK_NONE, LC_CHECK_UNDECIDED, reason, NULL, 0);
    flint_free(claim->bound);
    claim->bound = NULL;
    if (v == LC_HOLDS && s->has_bound[at])
        claim->bound = lc_arf_get_str_up(s->bound + at);
    t = lc_check_certificate(runs + at);
    if (reason != NULL)
        lc_claim_append(&t, reason);
    lc_claim_set(&claim->certificate, t[0] != '\0' ? t : NULL);
    flint_free(t);
    t = lc_check_method(runs + at);
    lc_claim_set(&claim->method, t);
    flint_free(t);

    for (i = 0; i < n; i++)
        lc_check_clear(runs + i);
    flint_free(runs);
    flint_free(reason);
    lc_sweep_clear(s);
    arf_clear(bound);
}
