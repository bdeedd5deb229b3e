/* report.c -- the human-readable reports: Markdown, LaTeX and HTML.
 *
 * The three formats are one walk over the claim records (report_text)
 * driven by a table of per-format operations: they cannot drift apart in
 * what they show, only in markup.  Every string from a record is cleaned
 * first (_lc_claim_text: valid UTF-8, LF line ends, no control characters),
 * then escaped for the format.  JSON is written in claim.c. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "liecheck.h"
#include "texmath.h"

#define DEFAULT_TITLE "liecheck report"

/* Lengths, in characters, of the shortened cells of the summary table. */
#define SHORT_STATEMENT 60
#define SHORT_METHOD 40
#define SHORT_CERTIFICATE 40

/* ------------------------------------------------------------------ buffers */

typedef struct
{
    char * s;
    size_t len, alloc;
    /* Whether $...$ in the texts written into it is maths (texmath.h):
       on for the texts of claims, off for the provenance and messages. */
    int math;
}
buf_t;

static void
buf_init(buf_t * b)
{
    b->alloc = 256;
    b->s = flint_malloc(b->alloc);
    b->s[0] = '\0';
    b->len = 0;
    b->math = 0;
}

static void
buf_putn(buf_t * b, const char * s, size_t n)
{
    if (b->len + n + 1 > b->alloc)
    {
        while (b->len + n + 1 > b->alloc)
            b->alloc *= 2;
        b->s = flint_realloc(b->s, b->alloc);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void
buf_puts(buf_t * b, const char * s)
{
    buf_putn(b, s, strlen(s));
}

static void
buf_reset(buf_t * b)
{
    b->len = 0;
    b->s[0] = '\0';
}

static void
buf_putc(buf_t * b, char c)
{
    buf_putn(b, &c, 1);
}

static void
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
buf_printf(buf_t * b, const char * fmt, ...)
{
    char small[256];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t) n < sizeof(small))
    {
        buf_putn(b, small, n);
        return;
    }
    {
        char * big = flint_malloc(n + 1);

        va_start(ap, fmt);
        vsnprintf(big, n + 1, fmt, ap);
        va_end(ap);
        buf_putn(b, big, n);
        flint_free(big);
    }
}

/* ------------------------------------------------------------------ text */

/* At most max characters of the clean text s on one line, white space
   runs collapsed, ending in an ellipsis when something was cut (flint_free
   it), NULL for NULL. */
static char *
text_short(const char * s, slong max)
{
    const unsigned char * p;
    unsigned long c;
    char * t;
    buf_t b;
    slong k = 0;
    int n, span;
    size_t open = 0, close = 0, at_open = 0, off;

    if (s == NULL)
        return NULL;
    t = _lc_claim_text(s, 1);
    buf_init(&b);
    span = lc_texmath_find(&open, &close, t);
    for (p = (const unsigned char *) t; *p != '\0'; p += n)
    {
        /* Maths is never cut: a cut inside $...$ goes before it. */
        off = (size_t) (p - (const unsigned char *) t);
        if (span && off > close)
        {
            size_t o, e;

            span = lc_texmath_find(&o, &e, t + off);
            open = off + o, close = off + e;
        }
        if (span && off == open)
            at_open = b.len;
        n = _lc_utf8_decode(p, &c);
        if (c == ' ' || c == '\n')
        {
            if (b.len == 0 || b.s[b.len - 1] == ' ')
                continue;
            c = ' ';
        }
        if (k == max)
        {
            if (span && off > open && off <= close)
            {
                b.len = at_open;
                b.s[b.len] = '\0';
            }
            buf_puts(&b, "\xe2\x80\xa6");
            break;
        }
        if (c == ' ')
            buf_putc(&b, ' ');
        else
            buf_putn(&b, (const char *) p, n);
        k++;
    }
    /* No space before the ellipsis or at the end. */
    if (b.len >= 4 && strcmp(b.s + b.len - 4, " \xe2\x80\xa6") == 0)
        memmove(b.s + b.len - 4, b.s + b.len - 3, 4), b.len--;
    else if (b.len > 0 && b.s[b.len - 1] == ' ')
        b.s[--b.len] = '\0';
    flint_free(t);
    return b.s;
}

static int
is_empty(const char * s)
{
    return s == NULL || s[0] == '\0';
}

/* Singular or plural: reports are read by people. */
static const char *
plural(slong n, const char * one, const char * many)
{
    return n == 1 ? one : many;
}

/* The verdict on the paper, the first thing every report says:
   "N statements of the paper checked: P proved, H hold, R refuted,
   U undecided, C not checkable; K controls[; M corrected statements]",
   in the singular for a count of 1 ("1 statement", "1 holds", "1 control",
   "1 corrected statement"); the corrected part only when M > 0. */
static void
verdict_line(buf_t * b, const lc_report_counts_struct * n)
{
    buf_printf(b, "%ld %s of the paper checked: %ld proved, %ld %s, %ld refuted, "
               "%ld undecided, %ld not checkable; %ld %s", (long) n->statements,
               plural(n->statements, "statement", "statements"), (long) n->proved,
               (long) n->holds, plural(n->holds, "holds", "hold"), (long) n->refuted,
               (long) n->undecided, (long) n->not_checkable, (long) n->controls,
               plural(n->controls, "control", "controls"));
    if (n->corrected > 0)
        buf_printf(b, "; %ld %s", (long) n->corrected,
                   plural(n->corrected, "corrected statement", "corrected statements"));
}

char *
lc_report_verdict_line(const lc_report_t r)
{
    lc_report_counts_struct n;
    buf_t b;

    lc_report_counts(&n, r);
    buf_init(&b);
    verdict_line(&b, &n);
    return b.s;
}

/* How the run stopped, when it did not complete: a report written after an
   error or an interrupt must not read like the report of a whole run. */
static void
status_line(buf_t * b, const lc_report_t r)
{
    const char * where = r->stopped != NULL && r->stopped[0] != '\0' ? r->stopped : "an unknown place";

    if (r->status == LC_RUN_INTERRUPTED)
        buf_printf(b, "The run did not complete: it was interrupted (%s). ", where);
    else
        buf_printf(b, "The run did not complete: it stopped with an error (%s). ", where);
    buf_puts(b, "The claims of the script after that point were not checked; those the script "
                "states are listed as UNDECIDED.");
}

/* Whether the script's expectations were met, over every record (this is
   what liecheck's exit status follows):
   "Expected verdicts: k of N records met, m not met (all records: PROVED a,
   HOLDS b, ...)". */
static void
expectations_line(buf_t * b, const lc_report_t r, const lc_report_counts_struct * n)
{
    slong count[LC_VERDICT_NONE] = { 0 };
    slong i;
    int v;

    for (i = 0; i < r->len; i++)
        if ((int) r->claims[i].verdict >= 0 && r->claims[i].verdict < LC_VERDICT_NONE)
            count[r->claims[i].verdict]++;
    buf_printf(b, "Expected verdicts: %ld of %ld %s met, %ld not met (all records: ",
               (long) n->met, (long) r->len, plural(r->len, "record", "records"),
               (long) n->not_met);
    for (v = 0; v < (int) LC_VERDICT_NONE; v++)
        buf_printf(b, "%s%s %ld", v == 0 ? "" : ", ", lc_verdict_name((lc_verdict) v),
                   (long) count[v]);
    buf_putc(b, ')');
}

/* "N bits", or empty (shown as missing) when no precision was recorded. */
static void
bits_text(char * t, size_t n, slong prec)
{
    t[0] = '\0';
    if (prec > 0)
        snprintf(t, n, "%ld bits", (long) prec);
}

/* "file:line", "file", "line N", or NULL. */
static char *
where_text(const lc_claim_struct * c)
{
    buf_t b;

    if (is_empty(c->file) && c->line <= 0)
        return NULL;
    buf_init(&b);
    if (!is_empty(c->file))
        buf_puts(&b, c->file);
    if (c->line > 0)
        buf_printf(&b, is_empty(c->file) ? "line %ld" : ":%ld", (long) c->line);
    return b.s;
}

/* Seconds are shown only with timings on, and only when they make sense. */
static int
has_seconds(const lc_report_t r, const lc_claim_struct * c)
{
    return r->timings && isfinite(c->seconds) && c->seconds >= 0;
}

/* ------------------------------------------------------------------ formats */

typedef void (*esc_fn)(buf_t * b, const char * s, int nl);

/* Newlines in escaped text: a space (NL_SPACE), a line break (NL_BREAK), or
   kept with the spacing of the text, for code blocks (NL_CODE). */
enum { NL_SPACE = 0, NL_BREAK = 1, NL_CODE = 2 };

/* The clean, escaped text of s, or dash when s is missing or empty. */
static void
put_text(buf_t * b, const char * dash, esc_fn esc, const char * s, int nl)
{
    char * t;

    if (is_empty(s))
    {
        buf_puts(b, dash);
        return;
    }
    t = _lc_claim_text(s, 1);
    esc(b, t, nl);
    flint_free(t);
}

/* Prose: s[0..n) through esc, "\$" as a dollar. */
static void
put_prose(buf_t * b, const char * s, size_t n, int nl, esc_fn esc)
{
    char * t = flint_malloc(n + 1);
    size_t i, k = 0;

    for (i = 0; i < n; i++)
    {
        if (s[i] == '\\' && i + 1 < n && s[i + 1] == '$')
            i++;
        t[k++] = s[i];
    }
    t[k] = '\0';
    esc(b, t, nl);
    flint_free(t);
}

typedef void (*math_fn)(buf_t * b, const char * tex, size_t n);

/* Clean text s with maths (when b->math is on and s is not code): the prose
   through esc, each $...$ through math. */
static void
put_rich(buf_t * b, const char * s, int nl, esc_fn esc, math_fn math)
{
    size_t open, close;

    if (!b->math || nl == NL_CODE)
    {
        esc(b, s, nl);
        return;
    }
    while (lc_texmath_find(&open, &close, s))
    {
        put_prose(b, s, open, nl, esc);
        math(b, s + open + 1, close - open - 1);
        s += close + 1;
    }
    put_prose(b, s, strlen(s), nl, esc);
}

/* The sections of records, each with its summary table and details. */
typedef enum { SEC_STATEMENTS = 0, SEC_CORRECTED, SEC_CONTROLS } section_t;

/* How a human format marks up the parts of a report.  All strings are raw
   (from the records); the operations clean and escape them.  The last four
   are optional (NULL: the generic summary table, a plain heading, no
   plots). */
typedef struct fmt_s fmt_t;
struct fmt_s
{
    void (*begin)(buf_t * b, const char * title);
    void (*end)(buf_t * b);
    void (*heading)(buf_t * b, int level, const char * text);
    void (*strong_para)(buf_t * b, const char * text);
    void (*table_begin)(buf_t * b, int ncols, const char * const * head, const double * width);
    void (*table_row)(buf_t * b, int ncols, const char * const * cells);
    void (*table_end)(buf_t * b);
    void (*fields_begin)(buf_t * b);
    void (*field)(buf_t * b, const char * label, const char * value);
    void (*fields_end)(buf_t * b);
    void (*code)(buf_t * b, const char * text);
    void (*para)(buf_t * b, const char * text);
    /* The summary table of a section. */
    void (*summary)(buf_t * b, const fmt_t * f, const lc_report_t r, section_t s);
    /* The heading of record pos (0-based index into r->claims) in detail. */
    void (*claim_heading)(buf_t * b, const char * text, slong pos);
    /* The precision-sweep plot of one record, and of all records. */
    void (*plot)(buf_t * b, const lc_claim_struct * c);
    void (*plot_all)(buf_t * b, const lc_report_t r);
};

static int
in_section(const lc_claim_struct * c, section_t s)
{
    if (s == SEC_CORRECTED)
        return c->role == LC_ROLE_CORRECTED;
    if (s == SEC_CONTROLS)
        return c->role == LC_ROLE_CONTROL;
    return lc_claim_is_statement(c);
}

/* Whether a corrected claim names a refuted statement of this report: only
   then is it listed under that erratum; otherwise it carries a note. */
static int
corrects_an_erratum(const lc_report_t r, const lc_claim_struct * c)
{
    return lc_report_refuted_statement(r, c->corrects) != NULL;
}

/* "VERDICT (expected E: met)" */
static void
verdict_text(buf_t * t, const lc_claim_struct * c)
{
    buf_reset(t);
    buf_printf(t, "%s (expected %s: %s)", lc_verdict_name(c->verdict),
               lc_verdict_name(c->expected), lc_claim_met(c) ? "met" : "NOT met");
}

/* The note of a corrected claim that is not listed under an erratum. */
static void
dangling_note(buf_t * t, const lc_claim_struct * c)
{
    buf_reset(t);
    if (is_empty(c->corrects))
        buf_puts(t, "(names no statement that it corrects)");
    else
    {
        buf_puts(t, "(corrects ");
        buf_puts(t, c->corrects);
        buf_puts(t, ", which is not a refuted statement of this report)");
    }
}

static void
summary_table(buf_t * b, const fmt_t * f, const lc_report_t r, section_t s)
{
    static const char * const head[2][9] =
        { { "id", "source", "statement", "method", "verdict", "expected", "met",
            "bound / certificate", "time" },
          { "id", "corrects", "statement", "method", "verdict", "expected", "met",
            "bound / certificate", "time" } };
    static const double width[2][9] =
        { { 0.10, 0.11, 0.19, 0.12, 0.11, 0.11, 0.04, 0.10, 0.00 },
          { 0.10, 0.11, 0.15, 0.11, 0.11, 0.11, 0.04, 0.10, 0.05 } };
    const char * cells[9];
    char time_s[32];
    int ncols = r->timings ? 9 : 8;
    buf_t t, t2;
    slong i;
    size_t k;

    if (f->summary != NULL)
    {
        f->summary(b, f, r, s);
        return;
    }
    buf_init(&t);
    buf_init(&t2);
    f->table_begin(b, ncols, head[s == SEC_CORRECTED], width[r->timings ? 1 : 0]);
    for (i = 0; i < r->len; i++)
    {
        const lc_claim_struct * c = r->claims + i;
        char * st, * me, * ce;

        if (!in_section(c, s))
            continue;
        st = text_short(c->statement, SHORT_STATEMENT);
        me = text_short(c->method, SHORT_METHOD);
        ce = is_empty(c->bound) ? text_short(c->certificate, SHORT_CERTIFICATE) : NULL;
        if (ce != NULL)     /* a certificate is code: its '$' are dollars */
        {
            buf_reset(&t2);
            for (k = 0; ce[k] != '\0'; k++)
            {
                if (ce[k] == '$')
                    buf_putc(&t2, '\\');
                buf_putc(&t2, ce[k]);
            }
            flint_free(ce);
            ce = flint_malloc(t2.len + 1);
            memcpy(ce, t2.s, t2.len + 1);
        }
        cells[0] = c->id;
        cells[1] = c->source;
        if (s == SEC_CORRECTED)
        {
            buf_reset(&t);
            if (!is_empty(c->corrects))
                buf_puts(&t, c->corrects);
            if (!corrects_an_erratum(r, c))
                buf_puts(&t, is_empty(c->corrects) ? "(none named)"
                                : " (not a refuted statement of this report)");
            cells[1] = t.s;
        }
        cells[2] = st;
        cells[3] = me;
        cells[4] = lc_verdict_name(c->verdict);
        cells[5] = c->expected == LC_VERDICT_NONE ? NULL : lc_verdict_name(c->expected);
        cells[6] = lc_claim_met(c) ? "yes" : "no";
        cells[7] = is_empty(c->bound) ? ce : c->bound;
        time_s[0] = '\0';
        if (has_seconds(r, c))
            snprintf(time_s, sizeof(time_s), "%.3g s", c->seconds);
        cells[8] = time_s;
        f->table_row(b, ncols, cells);
        flint_free(st);
        flint_free(me);
        flint_free(ce);
    }
    f->table_end(b);
    flint_free(t.s);
    flint_free(t2.s);
}

/* "exact, true", then the bound and the precision of a certified check. */
static void
check_text(buf_t * t, const lc_claim_check * k)
{
    buf_reset(t);
    buf_printf(t, "%s, %s", lc_check_kind_name(k->kind), lc_check_outcome_name(k->outcome));
    if (!is_empty(k->bound))
        buf_printf(t, ", bound %s", k->bound);
    if (k->prec > 0)
        buf_printf(t, ", %ld bits", (long) k->prec);
}

static int sweep_points(double * x, double * y, const lc_claim_struct * c);

static void
claim_details(buf_t * b, const fmt_t * f, const lc_report_t r, const lc_claim_struct * c,
              slong num)
{
    static const char * const sweep_head[3] = { "prec", "verdict", "bound" };
    static const double sweep_width[3] = { 0.15, 0.25, 0.30 };
    const char * cells[3];
    char prec_s[32], time_s[32], label[48];
    char * where = where_text(c);
    buf_t t;
    slong j;

    buf_init(&t);
    buf_printf(&t, "%ld. %s", (long) num, is_empty(c->id) ? "(no id)" : c->id);
    if (f->claim_heading != NULL)
        f->claim_heading(b, t.s, (slong) (c - r->claims));
    else
        f->heading(b, 3, t.s);
    if (c->role == LC_ROLE_CORRECTED && !corrects_an_erratum(r, c))
    {
        dangling_note(&t, c);
        f->para(b, t.s);
    }

    f->fields_begin(b);
    f->field(b, "Statement", c->statement);
    f->field(b, "Source", c->source);
    if (c->role == LC_ROLE_CORRECTED)
        f->field(b, "Corrects", c->corrects);
    f->field(b, "Method", c->method);
    verdict_text(&t, c);
    f->field(b, "Verdict", t.s);
    f->field(b, "Bound", c->bound);
    bits_text(prec_s, sizeof(prec_s), c->prec);
    f->field(b, "Precision", prec_s);
    if (r->timings)
    {
        time_s[0] = '\0';
        if (has_seconds(r, c))
            snprintf(time_s, sizeof(time_s), "%.3g s", c->seconds);
        f->field(b, "Time", time_s);
    }
    f->field(b, "Where", where);
    f->fields_end(b);
    flint_free(where);

    f->heading(b, 4, "Certificate");
    f->code(b, c->certificate);

    /* The checks are what decided the verdict (lib/check): each in full, so
       that a reader can re-check the one that matters. */
    f->heading(b, 4, "Checks");
    if (c->nchecks == 0)
        f->para(b, "No check was recorded.");
    for (j = 0; j < c->nchecks; j++)
    {
        snprintf(label, sizeof(label), "Check %ld", (long) (j + 1));
        check_text(&t, c->checks + j);
        f->fields_begin(b);
        f->field(b, label, t.s);
        f->fields_end(b);
        f->code(b, c->checks[j].text);
    }

    if (c->nsweep > 0)
    {
        f->heading(b, 4, "Precision sweep");
        f->table_begin(b, 3, sweep_head, sweep_width);
        for (j = 0; j < c->nsweep; j++)
        {
            snprintf(prec_s, sizeof(prec_s), "%ld", (long) c->sweep[j].prec);
            cells[0] = prec_s;
            cells[1] = lc_verdict_name(c->sweep[j].verdict);
            cells[2] = c->sweep[j].bound;
            f->table_row(b, 3, cells);
        }
        f->table_end(b);
        if (f->plot != NULL && sweep_points(NULL, NULL, c) > 0)
            f->plot(b, c);
    }
    flint_free(t.s);
}

/* "Coverage: N of M numbered items of the paper addressed (K not
   addressed, each with its reason)". */
static void
coverage_line(buf_t * b, const lc_report_counts_struct * n)
{
    buf_printf(b, "Coverage: %ld of %ld numbered %s of the paper addressed", (long) n->items_addressed,
               (long) n->items, plural(n->items, "item", "items"));
    if (n->items > n->items_addressed)
        buf_printf(b, " (%ld not addressed, each with its reason)",
                   (long) (n->items - n->items_addressed));
}

/* Every numbered item of the paper with the records that address it (and
   their verdicts), or the reason it is not addressed. */
static void
coverage(buf_t * b, const fmt_t * f, const lc_report_t r)
{
    static const char * const head[3] = { "item", "what", "addressed by" };
    static const double width[3] = { 0.15, 0.45, 0.3 };
    const char * cells[3];
    buf_t t;
    slong i, j;

    buf_init(&t);
    f->heading(b, 2, "Coverage");
    f->table_begin(b, 3, head, width);
    for (i = 0; i < r->nitems; i++)
    {
        const lc_cover_item * it = r->items + i;

        buf_reset(&t);
        if (it->nids == 0)
            buf_printf(&t, "%s%s", strncmp(it->reason, "not addressed", 13) == 0 ? ""
                       : "not addressed: ", it->reason);
        for (j = 0; j < it->nids; j++)
        {
            const lc_claim_struct * c = lc_report_find(r, it->ids[j]);

            buf_printf(&t, "%s%s %s%s", j ? ", " : "", it->ids[j],
                       c ? lc_verdict_name(c->verdict) : "(no such record)",
                       c == NULL || c->role == LC_ROLE_CLAIM ? ""
                       : c->role == LC_ROLE_CONTROL ? " (control)" : " (corrected)");
        }
        cells[0] = it->label;
        cells[1] = it->what;
        cells[2] = t.s;
        f->table_row(b, 3, cells);
    }
    f->table_end(b);
    flint_free(t.s);
}

char *
lc_report_coverage_line(const lc_report_t r)
{
    lc_report_counts_struct n;
    buf_t b;

    lc_report_counts(&n, r);
    buf_init(&b);
    coverage_line(&b, &n);
    return b.s;
}

/* Each refuted statement of the paper, its certificate in full, and the
   corrected statements that name it, each with its own verdict. */
static void
errata(buf_t * b, const fmt_t * f, const lc_report_t r)
{
    buf_t t;
    slong i, j, k = 0, m;

    buf_init(&t);
    f->heading(b, 2, "Errata");
    for (i = 0; i < r->len; i++)
    {
        const lc_claim_struct * c = r->claims + i;

        if (!lc_claim_is_statement(c) || c->verdict != LC_REFUTED)
            continue;
        buf_reset(&t);
        buf_printf(&t, "Erratum %ld: %s", (long) ++k, is_empty(c->id) ? "(no id)" : c->id);
        f->heading(b, 3, t.s);
        f->fields_begin(b);
        f->field(b, "Statement", c->statement);
        f->field(b, "Source", c->source);
        verdict_text(&t, c);
        f->field(b, "Verdict", t.s);
        f->fields_end(b);
        f->heading(b, 4, "Certificate");
        f->code(b, c->certificate);

        for (j = 0, m = 0; j < r->len; j++)
        {
            const lc_claim_struct * d = r->claims + j;

            /* A statement without an id cannot be named by `corrects`. */
            if (d->role != LC_ROLE_CORRECTED || is_empty(c->id) || is_empty(d->corrects)
                || strcmp(d->corrects, c->id) != 0)
                continue;
            m++;
            buf_reset(&t);
            buf_printf(&t, "Correction: %s", is_empty(d->id) ? "(no id)" : d->id);
            f->heading(b, 4, t.s);
            f->fields_begin(b);
            f->field(b, "Statement", d->statement);
            verdict_text(&t, d);
            f->field(b, "Verdict", t.s);
            f->field(b, "Bound", d->bound);
            f->fields_end(b);
        }
        if (m == 0)
            f->para(b, "No corrected statement is given for it.");
    }
    if (k == 0)
        f->para(b, "No statement of the paper was refuted.");
    flint_free(t.s);
}

/* One section of records (statements, corrected, controls): the summary
   table, then each record in detail, numbered within the section. */
static void
section(buf_t * b, const fmt_t * f, const lc_report_t r, section_t s, slong count,
        const char * title, const char * none)
{
    slong i, k = 0;

    f->heading(b, 2, title);
    if (count == 0)
    {
        f->para(b, none);
        return;
    }
    summary_table(b, f, r, s);
    for (i = 0; i < r->len; i++)
        if (in_section(r->claims + i, s))
            claim_details(b, f, r, r->claims + i, ++k);
}

/* Whether some record has a precision sweep with a bound to plot. */
static int
report_has_plots(const lc_report_t r)
{
    slong i;

    for (i = 0; i < r->len; i++)
        if (sweep_points(NULL, NULL, r->claims + i) > 0)
            return 1;
    return 0;
}

/* One walk over the report for all human formats.  The order is that of an
   audit (DESIGN.md, principle 6): the verdict on the paper, its errata, the
   statements of the paper, our corrected statements, the controls, and the
   environment last (provenance, not findings). */
static char *
report_text(const lc_report_t r, const fmt_t * f)
{
    static const char * const env_head[2] = { "item", "value" };
    static const double env_width[2] = { 0.25, 0.65 };
    lc_report_counts_struct n;
    const char * cells[2];
    char prec_s[32], seed_s[32];
    buf_t b, t;

    lc_report_counts(&n, r);
    buf_init(&b);
    buf_init(&t);
    b.math = 1;
    f->begin(&b, is_empty(r->title) ? DEFAULT_TITLE : r->title);

    verdict_line(&t, &n);
    f->strong_para(&b, t.s);
    if (r->status != LC_RUN_COMPLETE)
    {
        buf_reset(&t);
        status_line(&t, r);
        b.math = 0;     /* a message may quote a '$' of the script */
        f->strong_para(&b, t.s);
        b.math = 1;
    }
    if (n.items > 0)
    {
        buf_reset(&t);
        coverage_line(&t, &n);
        f->para(&b, t.s);
    }
    buf_reset(&t);
    expectations_line(&t, r, &n);
    f->para(&b, t.s);

    errata(&b, f, r);
    if (n.items > 0)
        coverage(&b, f, r);
    section(&b, f, r, SEC_STATEMENTS, n.statements, "Statements of the paper",
            "No statement of the paper was checked.");
    /* A paper with nothing to correct needs no empty section for it. */
    if (n.corrected > 0)
        section(&b, f, r, SEC_CORRECTED, n.corrected, "Corrected statements", NULL);
    section(&b, f, r, SEC_CONTROLS, n.controls, "Controls", "No control was run.");
    if (f->plot_all != NULL && report_has_plots(r))
    {
        f->heading(&b, 2, "Precision sweeps");
        f->plot_all(&b, r);
    }

    f->heading(&b, 2, "Provenance");
    b.math = 0;     /* paths and command lines are not maths */
    f->table_begin(&b, 2, env_head, env_width);
#define ENV_ROW(k, v) (cells[0] = (k), cells[1] = (v), f->table_row(&b, 2, cells))
    ENV_ROW("liecheck", lc_version());
    ENV_ROW("FLINT", lc_flint_version());
    ENV_ROW("Arb", lc_arb_version());
    ENV_ROW("MPFR", lc_mpfr_version());
    ENV_ROW("GMP", lc_gmp_version());
    bits_text(prec_s, sizeof(prec_s), r->precision);
    ENV_ROW("precision", prec_s);
    snprintf(seed_s, sizeof(seed_s), "%lu", (unsigned long) r->seed);
    ENV_ROW("seed", seed_s);
    ENV_ROW("script", r->script);
    ENV_ROW("script SHA-256", r->script_sha256);
    /* The commit, the date and the command line belong to one build and
       one run: with timings only, so that two runs give the same bytes
       without them (a report committed to the source tree could only ever
       name the commit before its own, as "-dirty"). */
    if (r->timings)
    {
        ENV_ROW("commit", lc_commit());
        ENV_ROW("date", r->date);
        ENV_ROW("command line", r->command);
    }
#undef ENV_ROW
    f->table_end(&b);

    f->end(&b);
    flint_free(t.s);
    return b.s;
}

/* ---------------------------------------------------------------- Markdown */

static void
md_esc_plain(buf_t * b, const char * s, int nl)
{
    for (; *s != '\0'; s++)
    {
        if (*s == '\n')
            buf_puts(b, nl == NL_SPACE ? " " : "<br>");
        else
        {
            /* CommonMark lets any ASCII punctuation be escaped; these are
               the ones that could start inline markup or end a table cell. */
            if (strchr("\\`*_[]<>|&~$", *s) != NULL)
                buf_putc(b, '\\');
            buf_putc(b, *s);
        }
    }
}

/* Maths stays $...$ for GitHub, rewritten by texmath so that nothing in it
   is Markdown, a table's | or HTML. */
static void
md_math(buf_t * b, const char * tex, size_t n)
{
    char * t = lc_texmath_latex(tex, n, LC_TEXMATH_MARKDOWN);

    if (t[0] != '\0')
    {
        buf_putc(b, '$');
        buf_puts(b, t);
        buf_putc(b, '$');
    }
    flint_free(t);
}

static void
md_esc(buf_t * b, const char * s, int nl)
{
    put_rich(b, s, nl, md_esc_plain, md_math);
}

#define MD_DASH "\xe2\x80\x94"

static void
md_begin(buf_t * b, const char * title)
{
    buf_puts(b, "# ");
    put_text(b, MD_DASH, md_esc, title, NL_SPACE);
    buf_puts(b, "\n");
}

static void
md_end(buf_t * b)
{
    (void) b;
}

static void
md_heading(buf_t * b, int level, const char * text)
{
    buf_puts(b, "\n");
    while (level-- > 0)
        buf_putc(b, '#');
    buf_putc(b, ' ');
    put_text(b, MD_DASH, md_esc, text, NL_SPACE);
    buf_puts(b, "\n");
}

static void
md_strong_para(buf_t * b, const char * text)
{
    buf_puts(b, "\n**");
    put_text(b, MD_DASH, md_esc, text, NL_BREAK);
    buf_puts(b, "**\n");
}

static void
md_para(buf_t * b, const char * text)
{
    buf_puts(b, "\n");
    put_text(b, MD_DASH, md_esc, text, NL_BREAK);
    buf_puts(b, "\n");
}

static void
md_table_begin(buf_t * b, int ncols, const char * const * head, const double * width)
{
    int i;

    (void) width;
    buf_puts(b, "\n|");
    for (i = 0; i < ncols; i++)
    {
        buf_putc(b, ' ');
        put_text(b, MD_DASH, md_esc, head[i], NL_SPACE);
        buf_puts(b, " |");
    }
    buf_puts(b, "\n|");
    for (i = 0; i < ncols; i++)
        buf_puts(b, "---|");
    buf_puts(b, "\n");
}

static void
md_table_row(buf_t * b, int ncols, const char * const * cells)
{
    int i;

    buf_putc(b, '|');
    for (i = 0; i < ncols; i++)
    {
        buf_putc(b, ' ');
        put_text(b, MD_DASH, md_esc, cells[i], NL_BREAK);
        buf_puts(b, " |");
    }
    buf_puts(b, "\n");
}

static void
md_nothing(buf_t * b)
{
    (void) b;
}

static void
md_fields_begin(buf_t * b)
{
    buf_puts(b, "\n");
}

static void
md_field(buf_t * b, const char * label, const char * value)
{
    buf_printf(b, "- **%s:** ", label);
    put_text(b, MD_DASH, md_esc, value, NL_BREAK);
    buf_puts(b, "\n");
}

static void
md_code(buf_t * b, const char * text)
{
    char * t;
    slong run = 0, longest = 0, k;
    const char * p;

    if (is_empty(text))
    {
        buf_puts(b, "\n" MD_DASH "\n");
        return;
    }
    t = _lc_claim_text(text, 1);
    /* The fence must be longer than any run of backticks inside. */
    for (p = t; *p != '\0'; p++)
    {
        run = (*p == '`') ? run + 1 : 0;
        longest = FLINT_MAX(longest, run);
    }
    buf_puts(b, "\n");
    for (k = 0; k < FLINT_MAX(3, longest + 1); k++)
        buf_putc(b, '`');
    buf_puts(b, "\n");
    buf_puts(b, t);
    if (t[strlen(t) - 1] != '\n')
        buf_puts(b, "\n");
    for (k = 0; k < FLINT_MAX(3, longest + 1); k++)
        buf_putc(b, '`');
    buf_puts(b, "\n");
    flint_free(t);
}

static const fmt_t md_fmt =
{
    md_begin, md_end, md_heading, md_strong_para, md_table_begin, md_table_row,
    md_nothing, md_fields_begin, md_field, md_nothing, md_code, md_para,
    NULL, NULL, NULL, NULL
};

char *
lc_report_markdown(const lc_report_t r)
{
    return report_text(r, &md_fmt);
}

/* ------------------------------------------------------------------- plots */

/* A precision sweep drawn as the bound against the precision, both on log
   scales: log2 of the precision across, log10 of the bound up.  One
   geometry, drawn either as SVG (HTML) or as plain TikZ (LaTeX), so that
   the two plots of a record are the same picture. */

/* log10 of a decimal bound such as "1.25e-307", without going through a
   double for the whole number (2^-1100 is below the smallest double); 0
   when s is not a positive finite decimal. */
static int
bound_log10(double * y, const char * s)
{
    char mant[64], * end;
    const char * e;
    double m;
    long ex = 0;
    size_t n;

    if (is_empty(s))
        return 0;
    e = strpbrk(s, "eE");
    n = e == NULL ? strlen(s) : (size_t) (e - s);
    if (n == 0 || n >= sizeof(mant))
        return 0;
    memcpy(mant, s, n);
    mant[n] = '\0';
    m = strtod(mant, &end);
    if (*end != '\0' || !isfinite(m) || !(m > 0))
        return 0;
    if (e != NULL)
    {
        ex = strtol(e + 1, &end, 10);
        if (*end != '\0' || e[1] == '\0' || ex < -100000000L || ex > 100000000L)
            return 0;
    }
    *y = log10(m) + (double) ex;
    return 1;
}

/* The points of c's sweep that have a bound: x = log2(prec), y =
   log10(bound) (x, y may be NULL, to count them). */
static int
sweep_points(double * x, double * y, const lc_claim_struct * c)
{
    slong j;
    int n = 0;
    double v;

    for (j = 0; j < c->nsweep; j++)
        if (c->sweep[j].prec > 0 && bound_log10(&v, c->sweep[j].bound))
        {
            if (x != NULL)
            {
                x[n] = log2((double) c->sweep[j].prec);
                y[n] = v;
            }
            n++;
        }
    return n;
}

typedef struct { int r, g, b; } rgb_t;

static const rgb_t plot_palette[10] =
    { { 31, 119, 180 }, { 255, 127, 14 }, { 44, 160, 44 }, { 214, 39, 40 }, { 148, 103, 189 },
      { 140, 86, 75 }, { 227, 119, 194 }, { 127, 127, 127 }, { 188, 189, 34 }, { 23, 190, 207 } };
static const rgb_t plot_grey = { 200, 200, 200 }, plot_black = { 0, 0, 0 };

/* The verdict colours of the HTML report, for the points of one sweep. */
static rgb_t
verdict_rgb(lc_verdict v)
{
    static const rgb_t c[5] = { { 26, 127, 55 }, { 26, 127, 55 }, { 207, 34, 46 },
                                { 154, 103, 0 }, { 87, 96, 106 } };

    return ((int) v >= 0 && v < LC_VERDICT_NONE) ? c[v] : c[LC_UNDECIDED];
}

/* Canvas units: 400 x 240, y downwards (as SVG); TikZ gets 0.02 cm a unit. */
#define PW 400.0
#define PH 240.0
#define PL 72.0
#define PR 14.0
#define PT 10.0
#define PB 40.0
#define TIKZ_UNIT 0.02

typedef struct
{
    buf_t * b;
    int tikz;
    double x0, x1, y0, y1, ystep;
}
canvas_t;

static double
cv_px(const canvas_t * cv, double x)
{
    return PL + (x - cv->x0) / (cv->x1 - cv->x0) * (PW - PL - PR);
}

static double
cv_py(const canvas_t * cv, double y)
{
    return PT + (cv->y1 - y) / (cv->y1 - cv->y0) * (PH - PT - PB);
}

static void
cv_colour(canvas_t * cv, rgb_t c)
{
    if (cv->tikz)
        buf_printf(cv->b, "{rgb,255:red,%d;green,%d;blue,%d}", c.r, c.g, c.b);
    else
        buf_printf(cv->b, "#%02x%02x%02x", c.r, c.g, c.b);
}

static void
cv_point(canvas_t * cv, double px, double py)
{
    if (cv->tikz)
        buf_printf(cv->b, "(%.3f,%.3f)", px * TIKZ_UNIT, (PH - py) * TIKZ_UNIT);
    else
        buf_printf(cv->b, "%.1f,%.1f", px, py);
}

/* A polyline through n canvas points. */
static void
cv_lines(canvas_t * cv, const double * px, const double * py, int n, rgb_t c, double width)
{
    int k;

    if (cv->tikz)
    {
        buf_puts(cv->b, "\\draw[draw=");
        cv_colour(cv, c);
        buf_printf(cv->b, ", line width=%.2fpt] ", width * 0.6);
        for (k = 0; k < n; k++)
        {
            if (k > 0)
                buf_puts(cv->b, " -- ");
            cv_point(cv, px[k], py[k]);
        }
        buf_puts(cv->b, ";\n");
        return;
    }
    buf_puts(cv->b, "<polyline fill=\"none\" stroke=\"");
    cv_colour(cv, c);
    buf_printf(cv->b, "\" stroke-width=\"%.1f\" points=\"", width);
    for (k = 0; k < n; k++)
    {
        if (k > 0)
            buf_putc(cv->b, ' ');
        cv_point(cv, px[k], py[k]);
    }
    buf_puts(cv->b, "\"/>\n");
}

static void
cv_line(canvas_t * cv, double ax, double ay, double bx, double by, rgb_t c, double width)
{
    double px[2], py[2];

    px[0] = ax, py[0] = ay, px[1] = bx, py[1] = by;
    cv_lines(cv, px, py, 2, c, width);
}

static void
cv_dot(canvas_t * cv, double px, double py, double radius, rgb_t c)
{
    if (cv->tikz)
    {
        buf_puts(cv->b, "\\fill[fill=");
        cv_colour(cv, c);
        buf_puts(cv->b, "] ");
        cv_point(cv, px, py);
        buf_printf(cv->b, " circle (%.2fpt);\n", radius * 0.6);
        return;
    }
    buf_printf(cv->b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"", px, py, radius);
    cv_colour(cv, c);
    buf_puts(cv->b, "\"/>\n");
}

/* A label (ASCII, given in each markup) anchored at its right end ('e'),
   its top centre ('n'), or its centre, rotated upwards ('r'). */
static void
cv_text(canvas_t * cv, double px, double py, char anchor, const char * svg, const char * tex)
{
    if (cv->tikz)
    {
        buf_printf(cv->b, "\\node[%s] at ", anchor == 'e' ? "anchor=east"
                   : anchor == 'n' ? "anchor=north" : "rotate=90");
        cv_point(cv, px, py);
        buf_printf(cv->b, " {%s};\n", tex);
        return;
    }
    buf_printf(cv->b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"%s\"", px,
               anchor == 'n' ? py + 10 : py + 3.5, anchor == 'e' ? "end" : "middle");
    if (anchor == 'r')
        buf_printf(cv->b, " transform=\"rotate(-90 %.1f %.1f)\"", px, py + 3.5);
    buf_printf(cv->b, ">%s</text>\n", svg);
}

/* The axes over the ranges of the points: whole powers of two across, and
   decades up in steps of 1, 2, 5, 10, ... so that at most six are labelled. */
static void
cv_axes(canvas_t * cv, double xmin, double xmax, double ymin, double ymax)
{
    static const double steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 10000, 1e5 };
    char s1[96], s2[96];
    double v;
    size_t k;
    long xs, i;

    cv->x0 = floor(xmin);
    cv->x1 = ceil(xmax);
    if (cv->x1 - cv->x0 < 1)
        cv->x0 -= 1, cv->x1 += 1;
    for (k = 0; k + 1 < sizeof(steps) / sizeof(steps[0]); k++)
        if ((ceil(ymax / steps[k]) - floor(ymin / steps[k])) <= 6)
            break;
    cv->ystep = steps[k];
    cv->y0 = floor(ymin / cv->ystep) * cv->ystep;
    cv->y1 = ceil(ymax / cv->ystep) * cv->ystep;
    if (cv->y1 - cv->y0 < cv->ystep)
        cv->y0 -= cv->ystep, cv->y1 += cv->ystep;

    for (v = cv->y0; v <= cv->y1 + cv->ystep / 2; v += cv->ystep)
    {
        cv_line(cv, PL, cv_py(cv, v), PW - PR, cv_py(cv, v), plot_grey, 0.5);
        snprintf(s1, sizeof(s1), "10<tspan dy=\"-4\" font-size=\"7\">%ld</tspan>", (long) v);
        snprintf(s2, sizeof(s2), "$10^{%ld}$", (long) v);
        cv_text(cv, PL - 4, cv_py(cv, v), 'e', s1, s2);
    }
    xs = (long) (cv->x1 - cv->x0) > 8 ? 2 : 1;
    for (i = (long) cv->x0; i <= (long) cv->x1; i += xs)
    {
        cv_line(cv, cv_px(cv, i), PH - PB, cv_px(cv, i), PH - PB + 4, plot_black, 0.8);
        if (i >= 0 && i < 62)
            snprintf(s1, sizeof(s1), "%ld", 1L << i);
        else
            snprintf(s1, sizeof(s1), "2^%ld", i);
        cv_text(cv, cv_px(cv, i), PH - PB + 4, 'n', s1, s1);
    }
    cv_line(cv, PL, PT, PL, PH - PB, plot_black, 0.8);
    cv_line(cv, PL, PH - PB, PW - PR, PH - PB, plot_black, 0.8);
    cv_text(cv, (PL + PW - PR) / 2, PH - 16, 'n', "precision (bits)", "precision (bits)");
    cv_text(cv, 8, (PT + PH - PB) / 2, 'r', "bound", "bound");
}

/* Draw the sweeps of the records in cs (n of them): one line each, in the
   colour of its place (all records) or blue with points in the colours of
   their verdicts (one record). */
static void
cv_sweeps(canvas_t * cv, const lc_claim_struct * const * cs, slong n)
{
    double * x, * y, * px, * py, xmin = 0, xmax = 0, ymin = 0, ymax = 0;
    slong i, m = 0, k;
    int np, j, first = 1;

    for (i = 0; i < n; i++)
        m = FLINT_MAX(m, cs[i]->nsweep);
    x = flint_malloc(4 * (m + 1) * sizeof(double));
    y = x + (m + 1), px = y + (m + 1), py = px + (m + 1);
    for (i = 0; i < n; i++)
    {
        np = sweep_points(x, y, cs[i]);
        for (j = 0; j < np; j++, first = 0)
        {
            xmin = first ? x[j] : FLINT_MIN(xmin, x[j]);
            xmax = first ? x[j] : FLINT_MAX(xmax, x[j]);
            ymin = first ? y[j] : FLINT_MIN(ymin, y[j]);
            ymax = first ? y[j] : FLINT_MAX(ymax, y[j]);
        }
    }
    cv_axes(cv, xmin, xmax, ymin, ymax);
    for (i = 0, k = 0; i < n; i++)
    {
        rgb_t c = plot_palette[k % 10];
        slong jj;

        np = sweep_points(x, y, cs[i]);
        if (np == 0)
            continue;
        k++;
        for (j = 0; j < np; j++)
            px[j] = cv_px(cv, x[j]), py[j] = cv_py(cv, y[j]);
        if (n == 1)
            c = plot_palette[0];
        if (np > 1)
            cv_lines(cv, px, py, np, c, n == 1 ? 1.5 : 1.0);
        /* Points in the colour of their verdict at that precision. */
        for (j = 0, jj = 0; jj < cs[i]->nsweep; jj++)
        {
            double v;

            if (cs[i]->sweep[jj].prec <= 0 || !bound_log10(&v, cs[i]->sweep[jj].bound))
                continue;
            cv_dot(cv, px[j], py[j], n == 1 ? 3.0 : 2.0,
                   n == 1 ? verdict_rgb(cs[i]->sweep[jj].verdict) : c);
            j++;
        }
    }
    flint_free(x);
}

/* The records with a sweep to plot, in report order (flint_free it). */
static const lc_claim_struct **
plotted(slong * n, const lc_report_t r)
{
    const lc_claim_struct ** cs = flint_malloc((r->len + 1) * sizeof(*cs));
    slong i;

    *n = 0;
    for (i = 0; i < r->len; i++)
        if (sweep_points(NULL, NULL, r->claims + i) > 0)
            cs[(*n)++] = r->claims + i;
    return cs;
}

/* ------------------------------------------------------------------- LaTeX */

static void
tex_esc_plain(buf_t * b, const char * s, int nl)
{
    const unsigned char * p = (const unsigned char *) s;
    const char * t;
    unsigned long c;
    int n, run = 0;

    for (; *p != '\0'; p += n)
    {
        n = _lc_utf8_decode(p, &c);
        if (n == 0)     /* cannot happen on clean text; be safe anyway */
        {
            n = 1;
            c = 0xFFFD;
        }
        /* A digest or a long number may break after every 16 letters or
           digits rather than run into the margin. */
        run = ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
              ? run + 1 : 0;
        if (run > 16 && run % 16 == 1)
            buf_puts(b, "\\allowbreak{}");
        switch (c)
        {
            case '\\': buf_puts(b, "\\textbackslash{}"); break;
            case '{': buf_puts(b, "\\{"); break;
            case '}': buf_puts(b, "\\}"); break;
            case '$': buf_puts(b, "\\$"); break;
            case '&': buf_puts(b, "\\&"); break;
            case '%': buf_puts(b, "\\%"); break;
            case '#': buf_puts(b, "\\#"); break;
            case '_': buf_puts(b, "\\_\\allowbreak{}"); break;
            case '~': buf_puts(b, "\\textasciitilde{}"); break;
            case '^': buf_puts(b, "\\textasciicircum{}"); break;
            /* Not special, but: [ after \\ would be read as its optional
               argument, and the rest form ligatures (<< >> ,, -- `` '')
               or print as other glyphs in some encodings. */
            case '[': buf_puts(b, "{[}"); break;
            case ']': buf_puts(b, "{]}"); break;
            case '<': buf_puts(b, "\\textless{}"); break;
            case '>': buf_puts(b, "\\textgreater{}"); break;
            case '|': buf_puts(b, "\\textbar{}"); break;
            case '`': buf_puts(b, "\\textasciigrave{}"); break;
            case '\'': buf_puts(b, "\\textquotesingle{}"); break;
            case '"': buf_puts(b, "\\textquotedbl{}"); break;
            case '-': buf_puts(b, p[1] == '-' ? "-{}" : "-"); break;
            case ',': buf_puts(b, p[1] == ',' ? ",{}" : ","); break;
            case ' ': buf_puts(b, nl == NL_CODE ? "\\ " : " "); break;
            case '\n': buf_puts(b, nl == NL_SPACE ? " " : "\\par\n"); break;
            default:
                if (_lc_tex_passes(c))
                    buf_putn(b, (const char *) p, n);
                else if ((t = _lc_tex_unicode(c)) != NULL)
                    buf_puts(b, t);
                else
                    buf_printf(b, "{\\ttfamily{[}U+%04lX{]}}", c);
        }
    }
}

/* Maths as $...$ of the subset pdflatex (with amsmath, amssymb) takes; "$$"
   would be display maths, so empty maths is left out. */
static void
tex_math(buf_t * b, const char * tex, size_t n)
{
    char * t = lc_texmath_latex(tex, n, LC_TEXMATH_PDFLATEX);

    if (t[0] != '\0')
    {
        buf_putc(b, '$');
        buf_puts(b, t);
        buf_putc(b, '$');
    }
    flint_free(t);
}

static void
tex_esc(buf_t * b, const char * s, int nl)
{
    put_rich(b, s, nl, tex_esc_plain, tex_math);
}

static void
tex_begin(buf_t * b, const char * title)
{
    buf_puts(b,
        "\\documentclass[11pt]{article}\n"
        "\\usepackage[T1]{fontenc}\n"
        "\\usepackage[utf8]{inputenc}\n"
        "\\usepackage{textcomp}\n"
        "\\usepackage[margin=2cm]{geometry}\n"
        "\\usepackage{amsmath}\n"
        "\\usepackage{amssymb}\n"
        "\\usepackage{array}\n"
        "\\usepackage{longtable}\n"
        "\\usepackage{tikz}\n"
        "\\setlength{\\tabcolsep}{3pt}\n"
        "\\setlength{\\parindent}{0pt}\n"
        "\\setlength{\\emergencystretch}{3em}\n"
        "\\sloppy\n"
        "\\title{");
    put_text(b, "---", tex_esc, title, NL_SPACE);
    buf_puts(b, "}\n\\author{}\n\\date{}\n\\begin{document}\n\\maketitle\n");
}

static void
tex_end(buf_t * b)
{
    buf_puts(b, "\n\\end{document}\n");
}

static void
tex_heading(buf_t * b, int level, const char * text)
{
    buf_puts(b, level <= 2 ? "\n\\section*{" : level == 3 ? "\n\\subsection*{"
                : "\n\\subsubsection*{");
    put_text(b, "---", tex_esc, text, NL_SPACE);
    buf_puts(b, "}\n");
}

static void
tex_strong_para(buf_t * b, const char * text)
{
    buf_puts(b, "\n\\textbf{");
    put_text(b, "---", tex_esc, text, NL_SPACE);
    buf_puts(b, "}\n");
}

static void
tex_para(buf_t * b, const char * text)
{
    buf_puts(b, "\n");
    put_text(b, "---", tex_esc, text, NL_BREAK);
    buf_puts(b, "\n");
}

static void
tex_table_begin(buf_t * b, int ncols, const char * const * head, const double * width)
{
    int i;

    buf_puts(b, "\n{\\small\n\\begin{longtable}{@{}");
    for (i = 0; i < ncols; i++)
        buf_printf(b, ">{\\raggedright\\arraybackslash}p{%.2f\\linewidth}", width[i]);
    buf_puts(b, "@{}}\n\\hline\n");
    for (i = 0; i < ncols; i++)
    {
        buf_puts(b, i == 0 ? "\\textbf{" : " & \\textbf{");
        put_text(b, "---", tex_esc, head[i], NL_SPACE);
        buf_puts(b, "}");
    }
    buf_puts(b, " \\\\\n\\hline\n\\endhead\n");
}

static void
tex_table_row(buf_t * b, int ncols, const char * const * cells)
{
    int i;

    for (i = 0; i < ncols; i++)
    {
        if (i > 0)
            buf_puts(b, " & ");
        put_text(b, "---", tex_esc, cells[i], NL_BREAK);
    }
    buf_puts(b, " \\\\\n");
}

static void
tex_table_end(buf_t * b)
{
    buf_puts(b, "\\hline\n\\end{longtable}\n}\n");
}

static void
tex_fields_begin(buf_t * b)
{
    buf_puts(b, "\\begin{description}\n");
}

static void
tex_field(buf_t * b, const char * label, const char * value)
{
    buf_printf(b, "\\item[%s] ", label);
    put_text(b, "---", tex_esc, value, NL_BREAK);
    buf_puts(b, "\n");
}

static void
tex_fields_end(buf_t * b)
{
    buf_puts(b, "\\end{description}\n");
}

static void
tex_code(buf_t * b, const char * text)
{
    if (is_empty(text))
    {
        buf_puts(b, "---\n");
        return;
    }
    /* Not verbatim: a certificate may contain \end{verbatim}. */
    buf_puts(b, "{\\raggedright\\ttfamily\\small\n");
    put_text(b, "---", tex_esc, text, NL_CODE);
    buf_puts(b, "\\par}\n");
}

/* The summary of a section, as an appendix can hold it: id, the statement
   in full, the verdict and whether it was expected (the rest is in the
   details). */
static void
tex_summary(buf_t * b, const fmt_t * f, const lc_report_t r, section_t s)
{
    static const char * const head[3] = { "id", "statement", "verdict" };
    static const double width[3] = { 0.22, 0.55, 0.19 };
    const char * cells[3];
    buf_t st, v;
    slong i;

    buf_init(&st);
    buf_init(&v);
    f->table_begin(b, 3, head, width);
    for (i = 0; i < r->len; i++)
    {
        const lc_claim_struct * c = r->claims + i;

        if (!in_section(c, s))
            continue;
        buf_reset(&st);
        if (s == SEC_CORRECTED)
            buf_printf(&st, "(corrects %s) ", is_empty(c->corrects) ? "nothing named"
                       : c->corrects);
        if (!is_empty(c->statement))
            buf_puts(&st, c->statement);
        buf_reset(&v);
        buf_printf(&v, "%s (%s)", lc_verdict_name(c->verdict),
                   lc_claim_met(c) ? "as expected" : "NOT as expected");
        cells[0] = c->id;
        cells[1] = st.s;
        cells[2] = v.s;
        f->table_row(b, 3, cells);
    }
    f->table_end(b);
    flint_free(st.s);
    flint_free(v.s);
}

static void
tex_plot(buf_t * b, const lc_claim_struct * c)
{
    canvas_t cv;

    cv.b = b;
    cv.tikz = 1;
    buf_puts(b, "\n\\begin{center}\n\\begin{tikzpicture}[font=\\scriptsize]\n");
    cv_sweeps(&cv, &c, 1);
    buf_puts(b, "\\end{tikzpicture}\\\\\n{\\small The bound against the precision, both on "
             "log scales; each point in the colour of its verdict.}\n\\end{center}\n");
}

static void
tex_plot_all(buf_t * b, const lc_report_t r)
{
    const lc_claim_struct ** cs;
    canvas_t cv;
    slong n, i;

    cs = plotted(&n, r);
    cv.b = b;
    cv.tikz = 1;
    buf_puts(b, "\nEvery record with a precision sweep: its bound against the precision, both "
             "on log scales.  A true identity falls in a straight line with the precision.\n"
             "\n\\begin{center}\n\\begin{tikzpicture}[font=\\scriptsize]\n");
    cv_sweeps(&cv, cs, n);
    buf_puts(b, "\\end{tikzpicture}\n\\end{center}\n\n{\\small\\raggedright ");
    for (i = 0; i < n; i++)
    {
        rgb_t c = plot_palette[i % 10];

        buf_printf(b, "%s\\mbox{\\textcolor[RGB]{%d,%d,%d}{\\rule{1.2em}{0.8ex}}\\,", i ? "\\quad " : "",
                   c.r, c.g, c.b);
        put_text(b, "---", tex_esc, cs[i]->id, NL_SPACE);
        buf_puts(b, "}\n");
    }
    buf_puts(b, "\\par}\n");
    flint_free(cs);
}

static const fmt_t tex_fmt =
{
    tex_begin, tex_end, tex_heading, tex_strong_para, tex_table_begin, tex_table_row,
    tex_table_end, tex_fields_begin, tex_field, tex_fields_end, tex_code, tex_para,
    tex_summary, NULL, tex_plot, tex_plot_all
};

char *
lc_report_latex(const lc_report_t r)
{
    return report_text(r, &tex_fmt);
}

/* The fragment for \input: the title becomes a numbered section (a letter
   in an appendix), everything below it one level down. */
static void
tex_frag_begin(buf_t * b, const char * title)
{
    buf_puts(b,
        "% A liecheck verification report, to \\input into a document that loads\n"
        "% the packages fontenc (T1), inputenc (utf8), textcomp, amsmath, amssymb,\n"
        "% array, longtable and tikz.\n"
        "\\begingroup\n\\setlength{\\parindent}{0pt}\n\\setlength{\\tabcolsep}{3pt}\n"
        "\\setlength{\\emergencystretch}{3em}\n\\sloppy\n"
        "\\section{");
    put_text(b, "---", tex_esc, title, NL_SPACE);
    buf_puts(b, "}\n");
}

static void
tex_frag_end(buf_t * b)
{
    buf_puts(b, "\n\\endgroup\n");
}

static void
tex_frag_heading(buf_t * b, int level, const char * text)
{
    buf_puts(b, level <= 2 ? "\n\\subsection*{" : level == 3 ? "\n\\subsubsection*{"
                : "\n\\par\\smallskip\\noindent\\textbf{");
    put_text(b, "---", tex_esc, text, NL_SPACE);
    buf_puts(b, level <= 3 ? "}\n" : "}\\par\\nopagebreak\n");
}

static const fmt_t tex_frag_fmt =
{
    tex_frag_begin, tex_frag_end, tex_frag_heading, tex_strong_para, tex_table_begin,
    tex_table_row, tex_table_end, tex_fields_begin, tex_field, tex_fields_end, tex_code,
    tex_para, tex_summary, NULL, tex_plot, tex_plot_all
};

char *
lc_report_latex_fragment(const lc_report_t r)
{
    return report_text(r, &tex_frag_fmt);
}

/* -------------------------------------------------------------------- HTML */

static void
html_esc_plain(buf_t * b, const char * s, int nl)
{
    for (; *s != '\0'; s++)
    {
        switch (*s)
        {
            case '&': buf_puts(b, "&amp;"); break;
            case '<': buf_puts(b, "&lt;"); break;
            case '>': buf_puts(b, "&gt;"); break;
            case '"': buf_puts(b, "&quot;"); break;
            case '\'': buf_puts(b, "&#39;"); break;
            case '\n':
                buf_puts(b, nl == NL_SPACE ? " " : nl == NL_BREAK ? "<br>" : "\n");
                break;
            default: buf_putc(b, *s);
        }
    }
}

/* Maths as MathML Core, which browsers typeset without a script. */
static void
html_math(buf_t * b, const char * tex, size_t n)
{
    char * t = lc_texmath_mathml(tex, n);

    buf_puts(b, t);
    flint_free(t);
}

static void
html_esc(buf_t * b, const char * s, int nl)
{
    put_rich(b, s, nl, html_esc_plain, html_math);
}

#define HTML_DASH "&mdash;"

static void
html_begin(buf_t * b, const char * title)
{
    buf_puts(b,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    {
        /* A <title> holds text only: its maths as written. */
        int math = b->math;

        b->math = 0;
        put_text(b, HTML_DASH, html_esc, title, NL_SPACE);
        b->math = math;
    }
    /* Self-contained: no script, font or style sheet from the network.  Long
       words (matrices, ids) wrap; wide tables scroll in their own box on a
       phone rather than widening the page. */
    buf_puts(b, "</title>\n<style>\n"
        "body { font-family: sans-serif; max-width: 75em; margin: 2em auto; padding: 0 1em; "
        "line-height: 1.4; overflow-wrap: anywhere; }\n"
        ".tbl { overflow-x: auto; }\n"
        /* A formula does not wrap: rather than squeeze the other columns
           of a summary to a letter each, the table keeps a width to read
           and scrolls in its box on a phone. */
        "table.summary { min-width: 44em; }\n"
        "table { border-collapse: collapse; margin: 1em 0; }\n"
        "th, td { border: 1px solid #bbb; padding: 0.2em 0.5em; text-align: left; "
        "vertical-align: top; }\n"
        "th { background: #eee; }\n"
        "pre { background: #f5f5f5; padding: 0.5em; white-space: pre-wrap; "
        "overflow-wrap: anywhere; }\n"
        "dt { font-weight: bold; }\n"
        "details summary { cursor: pointer; }\n"
        ".v { font-weight: bold; padding: 0 0.3em; border-radius: 0.2em; white-space: nowrap; }\n"
        ".v-PROVED { background: #dafbe1; color: #116329; }\n"
        ".v-HOLDS { background: #ddf4ff; color: #0a3069; }\n"
        ".v-REFUTED { background: #ffebe9; color: #a40e26; }\n"
        ".v-UNDECIDED { background: #fff8c5; color: #7d4e00; }\n"
        ".v-NOT_CHECKABLE { background: #eaeef2; color: #424a53; }\n"
        ".unmet { color: #a40e26; font-weight: bold; }\n"
        "a.back { font-size: 0.7em; font-weight: normal; margin-left: 0.5em; }\n"
        "figure.plot { margin: 1em 0; }\n"
        "figure.plot svg { max-width: 100%; height: auto; }\n"
        "figcaption { font-size: 0.85em; color: #555; }\n"
        "ul.legend { list-style: none; padding: 0; columns: 14em; font-size: 0.85em; }\n"
        ".sw { display: inline-block; width: 1.2em; height: 0.6em; margin-right: 0.3em; }\n"
        "@media (max-width: 40em) { body { margin: 0.5em auto; padding: 0 0.5em; } "
        "th, td { padding: 0.15em 0.3em; } }\n"
        "</style>\n</head>\n<body>\n<h1>");
    put_text(b, HTML_DASH, html_esc, title, NL_SPACE);
    buf_puts(b, "</h1>\n");
}

/* A verdict name in its colour. */
static void
html_verdict(buf_t * b, const char * name)
{
    buf_printf(b, "<span class=\"v v-%s\">%s</span>", name, name);
}

/* The verdict a text is, or starts with followed by a space, or -1. */
static int
verdict_prefix(const char * s)
{
    int v;

    if (s == NULL)
        return -1;
    for (v = 0; v < (int) LC_VERDICT_NONE; v++)
    {
        const char * name = lc_verdict_name((lc_verdict) v);
        size_t n = strlen(name);

        if (strncmp(s, name, n) == 0 && (s[n] == '\0' || s[n] == ' '))
            return v;
    }
    return -1;
}

static void
html_end(buf_t * b)
{
    buf_puts(b, "</body>\n</html>\n");
}

static void
html_heading(buf_t * b, int level, const char * text)
{
    buf_printf(b, "<h%d>", level);
    put_text(b, HTML_DASH, html_esc, text, NL_SPACE);
    buf_printf(b, "</h%d>\n", level);
}

static void
html_strong_para(buf_t * b, const char * text)
{
    buf_puts(b, "<p><strong>");
    put_text(b, HTML_DASH, html_esc, text, NL_BREAK);
    buf_puts(b, "</strong></p>\n");
}

static void
html_para(buf_t * b, const char * text)
{
    buf_puts(b, "<p>");
    put_text(b, HTML_DASH, html_esc, text, NL_BREAK);
    buf_puts(b, "</p>\n");
}

static void
html_table_begin(buf_t * b, int ncols, const char * const * head, const double * width)
{
    int i;

    (void) width;
    buf_puts(b, "<div class=\"tbl\"><table>\n<thead><tr>");
    for (i = 0; i < ncols; i++)
    {
        buf_puts(b, "<th>");
        put_text(b, HTML_DASH, html_esc, head[i], NL_SPACE);
        buf_puts(b, "</th>");
    }
    buf_puts(b, "</tr></thead>\n<tbody>\n");
}

static void
html_table_row(buf_t * b, int ncols, const char * const * cells)
{
    int i;

    buf_puts(b, "<tr>");
    for (i = 0; i < ncols; i++)
    {
        buf_puts(b, "<td>");
        if (verdict_prefix(cells[i]) >= 0 && strchr(cells[i], ' ') == NULL)
            html_verdict(b, cells[i]);
        else
            put_text(b, HTML_DASH, html_esc, cells[i], NL_BREAK);
        buf_puts(b, "</td>");
    }
    buf_puts(b, "</tr>\n");
}

static void
html_table_end(buf_t * b)
{
    buf_puts(b, "</tbody>\n</table></div>\n");
}

static void
html_fields_begin(buf_t * b)
{
    buf_puts(b, "<dl>\n");
}

static void
html_field(buf_t * b, const char * label, const char * value)
{
    int v = strcmp(label, "Verdict") == 0 ? verdict_prefix(value) : -1;

    buf_printf(b, "<dt>%s</dt><dd>", label);
    if (v >= 0)
    {
        html_verdict(b, lc_verdict_name((lc_verdict) v));
        value += strlen(lc_verdict_name((lc_verdict) v));
        if (*value == '\0')
        {
            buf_puts(b, "</dd>\n");
            return;
        }
    }
    put_text(b, HTML_DASH, html_esc, value, NL_BREAK);
    buf_puts(b, "</dd>\n");
}

static void
html_fields_end(buf_t * b)
{
    buf_puts(b, "</dl>\n");
}

static void
html_code(buf_t * b, const char * text)
{
    if (is_empty(text))
    {
        buf_puts(b, "<p>" HTML_DASH "</p>\n");
        return;
    }
    buf_puts(b, "<pre>");
    put_text(b, HTML_DASH, html_esc, text, NL_CODE);
    buf_puts(b, "</pre>\n");
}

/* A long text in a summary cell: its short form, and when that cut
   something, the short form as the summary of a <details> element that
   holds the text in full. */
static void
html_long(buf_t * b, const char * s, slong max)
{
    char * sh, * all;

    if (is_empty(s))
    {
        buf_puts(b, HTML_DASH);
        return;
    }
    sh = text_short(s, max);
    all = text_short(s, WORD_MAX);
    if (strcmp(sh, all) == 0)
        html_esc(b, sh, NL_SPACE);
    else
    {
        buf_puts(b, "<details><summary>");
        html_esc(b, sh, NL_SPACE);
        buf_puts(b, "</summary>");
        put_text(b, HTML_DASH, html_esc, s, NL_BREAK);
        buf_puts(b, "</details>");
    }
    flint_free(sh);
    flint_free(all);
}

/* The summary table: each id links to the record in detail (rec-N, N its
   1-based place in the report), whose heading links back to the row
   (sum-N); long texts open in full. */
static void
html_summary(buf_t * b, const fmt_t * f, const lc_report_t r, section_t s)
{
    static const char * const head[9] =
        { "id", "source", "statement", "method", "verdict", "expected", "met",
          "bound / certificate", "time" };
    int ncols = r->timings ? 9 : 8, k;
    slong i;

    (void) f;
    buf_puts(b, "<div class=\"tbl\"><table class=\"summary\">\n<thead><tr>");
    for (k = 0; k < ncols; k++)
        buf_printf(b, "<th>%s</th>", k == 1 && s == SEC_CORRECTED ? "corrects" : head[k]);
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (i = 0; i < r->len; i++)
    {
        const lc_claim_struct * c = r->claims + i;

        if (!in_section(c, s))
            continue;
        buf_printf(b, "<tr id=\"sum-%ld\"><td><a href=\"#rec-%ld\">", (long) (i + 1),
                   (long) (i + 1));
        put_text(b, "(no id)", html_esc, c->id, NL_SPACE);
        buf_puts(b, "</a></td><td>");
        if (s == SEC_CORRECTED)
        {
            put_text(b, "(none named)", html_esc, c->corrects, NL_SPACE);
            if (!is_empty(c->corrects) && !corrects_an_erratum(r, c))
                buf_puts(b, " (not a refuted statement of this report)");
        }
        else
            put_text(b, HTML_DASH, html_esc, c->source, NL_BREAK);
        buf_puts(b, "</td><td>");
        html_long(b, c->statement, SHORT_STATEMENT);
        buf_puts(b, "</td><td>");
        html_long(b, c->method, SHORT_METHOD);
        buf_puts(b, "</td><td>");
        html_verdict(b, lc_verdict_name(c->verdict));
        buf_puts(b, "</td><td>");
        if (c->expected == LC_VERDICT_NONE)
            buf_puts(b, HTML_DASH);
        else
            buf_puts(b, lc_verdict_name(c->expected));
        buf_puts(b, lc_claim_met(c) ? "</td><td>yes</td><td>" : "</td><td class=\"unmet\">no</td><td>");
        if (!is_empty(c->bound))
            put_text(b, HTML_DASH, html_esc, c->bound, NL_SPACE);
        else
        {
            int math = b->math;

            b->math = 0;    /* a certificate is code: as written */
            html_long(b, c->certificate, SHORT_CERTIFICATE);
            b->math = math;
        }
        buf_puts(b, "</td>");
        if (r->timings)
        {
            buf_puts(b, "<td>");
            if (has_seconds(r, c))
                buf_printf(b, "%.3g s", c->seconds);
            buf_puts(b, "</td>");
        }
        buf_puts(b, "</tr>\n");
    }
    buf_puts(b, "</tbody>\n</table></div>\n");
}

static void
html_claim_heading(buf_t * b, const char * text, slong pos)
{
    buf_printf(b, "<h3 id=\"rec-%ld\">", (long) (pos + 1));
    put_text(b, HTML_DASH, html_esc, text, NL_SPACE);
    buf_printf(b, " <a class=\"back\" href=\"#sum-%ld\">&#8593; summary</a></h3>\n",
               (long) (pos + 1));
}

static void
html_svg_begin(buf_t * b, const char * id)
{
    int math = b->math;

    b->math = 0;    /* an SVG <title> holds text only */
    buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
               "width=\"%.0f\" height=\"%.0f\" role=\"img\">\n<title>", PW, PH, PW, PH);
    if (id == NULL)
        buf_puts(b, "Precision sweeps of every record");
    else
    {
        buf_puts(b, "Precision sweep of ");
        put_text(b, "(no id)", html_esc, id, NL_SPACE);
    }
    buf_puts(b, ": bound against precision, both on log scales</title>\n");
    b->math = math;
}

static void
html_plot(buf_t * b, const lc_claim_struct * c)
{
    canvas_t cv;

    cv.b = b;
    cv.tikz = 0;
    buf_puts(b, "<figure class=\"plot\">\n");
    html_svg_begin(b, is_empty(c->id) ? "(no id)" : c->id);
    cv_sweeps(&cv, &c, 1);
    buf_puts(b, "</svg>\n<figcaption>The bound against the precision, both on log scales; "
             "each point in the colour of its verdict.</figcaption>\n</figure>\n");
}

static void
html_plot_all(buf_t * b, const lc_report_t r)
{
    const lc_claim_struct ** cs;
    canvas_t cv;
    slong n, i;

    cs = plotted(&n, r);
    cv.b = b;
    cv.tikz = 0;
    buf_puts(b, "<p>Every record with a precision sweep: its bound against the precision, both "
             "on log scales.  A true identity falls in a straight line with the precision.</p>\n"
             "<figure class=\"plot\">\n");
    html_svg_begin(b, NULL);
    cv_sweeps(&cv, cs, n);
    buf_puts(b, "</svg>\n</figure>\n<ul class=\"legend\">\n");
    for (i = 0; i < n; i++)
    {
        rgb_t c = plot_palette[i % 10];

        buf_printf(b, "<li><span class=\"sw\" style=\"background: #%02x%02x%02x\"></span>"
                   "<a href=\"#rec-%ld\">", c.r, c.g, c.b, (long) (cs[i] - r->claims + 1));
        put_text(b, "(no id)", html_esc, cs[i]->id, NL_SPACE);
        buf_puts(b, "</a></li>\n");
    }
    buf_puts(b, "</ul>\n");
    flint_free(cs);
}

static const fmt_t html_fmt =
{
    html_begin, html_end, html_heading, html_strong_para, html_table_begin, html_table_row,
    html_table_end, html_fields_begin, html_field, html_fields_end, html_code, html_para,
    html_summary, html_claim_heading, html_plot, html_plot_all
};

char *
lc_report_html(const lc_report_t r)
{
    return report_text(r, &html_fmt);
}

/* ------------------------------------------------------------------- index */

/* A file name as a relative URL: anything but [A-Za-z0-9._-] percent-encoded. */
static void
url_esc(buf_t * b, const char * s)
{
    for (; *s != '\0'; s++)
    {
        unsigned char c = (unsigned char) *s;

        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '.' || c == '_' || c == '-')
            buf_putc(b, (char) c);
        else
            buf_printf(b, "%%%02X", c);
    }
}

static const char * const index_ext[4][2] =
    { { "html", "HTML" }, { "md", "Markdown" }, { "tex", "LaTeX" }, { "json", "JSON" } };

#define INDEX_TITLE "liecheck verification reports"

char *
lc_report_index_markdown(const lc_report_index_entry * e, slong n)
{
    buf_t b;
    slong i;
    int k;

    buf_init(&b);
    buf_puts(&b, "# " INDEX_TITLE "\n");
    for (i = 0; i < n; i++)
    {
        md_heading(&b, 2, e[i].name);
        if (!is_empty(e[i].script))
        {
            buf_puts(&b, "\nScript: ");
            put_text(&b, MD_DASH, md_esc, e[i].script, NL_SPACE);
            buf_puts(&b, e[i].ok ? "\n" : " (a record missed its expected verdict, or the run "
                     "failed)\n");
        }
        md_strong_para(&b, e[i].verdict_line != NULL ? e[i].verdict_line : "no claims");
        if (e[i].coverage_line != NULL)
            md_para(&b, e[i].coverage_line);
        buf_puts(&b, "\n");
        for (k = 0; k < 4; k++)
        {
            buf_printf(&b, "%s[%s](", k ? " \xc2\xb7 " : "", index_ext[k][1]);
            url_esc(&b, e[i].name);
            buf_printf(&b, ".%s)", index_ext[k][0]);
        }
        buf_puts(&b, "\n");
    }
    return b.s;
}

char *
lc_report_index_html(const lc_report_index_entry * e, slong n)
{
    buf_t b;
    slong i;
    int k;

    buf_init(&b);
    html_begin(&b, INDEX_TITLE);
    for (i = 0; i < n; i++)
    {
        buf_puts(&b, "<h2><a href=\"");
        url_esc(&b, e[i].name);
        buf_puts(&b, ".html\">");
        put_text(&b, HTML_DASH, html_esc, e[i].name, NL_SPACE);
        buf_puts(&b, "</a></h2>\n");
        if (!is_empty(e[i].script))
        {
            buf_puts(&b, "<p>Script: <code>");
            put_text(&b, HTML_DASH, html_esc, e[i].script, NL_SPACE);
            buf_puts(&b, "</code>");
            if (!e[i].ok)
                buf_puts(&b, " <span class=\"unmet\">(a record missed its expected verdict, "
                         "or the run failed)</span>");
            buf_puts(&b, "</p>\n");
        }
        html_strong_para(&b, e[i].verdict_line != NULL ? e[i].verdict_line : "no claims");
        if (e[i].coverage_line != NULL)
            html_para(&b, e[i].coverage_line);
        buf_puts(&b, "<p>");
        for (k = 0; k < 4; k++)
        {
            buf_puts(&b, k ? " &middot; <a href=\"" : "<a href=\"");
            url_esc(&b, e[i].name);
            buf_printf(&b, ".%s\">%s</a>", index_ext[k][0], index_ext[k][1]);
        }
        buf_puts(&b, "</p>\n");
    }
    html_end(&b);
    return b.s;
}
