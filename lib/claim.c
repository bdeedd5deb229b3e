/* claim.c -- claim records, verdicts, the JSON report, and writing a
 * report to a file.
 *
 * The human-readable reports are built in report.c. */
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <jansson.h>
#include "liecheck.h"

static const char * const verdict_names[] =
{
    "PROVED", "HOLDS", "REFUTED", "UNDECIDED", "NOT_CHECKABLE", "PROVED or HOLDS"
};

const char *
lc_verdict_name(lc_verdict v)
{
    /* An out-of-range value is a caller's bug, but a report must still print. */
    if ((int) v < 0 || (int) v > (int) LC_VERDICT_NONE)
        return "INVALID";
    return verdict_names[v];
}

int
lc_verdict_parse(lc_verdict * v, const char * s, lc_err_t err)
{
    int i;

    if (s == NULL)
        return lc_err_set(err, LC_E_PARSE, "missing verdict (expected PROVED, HOLDS, "
                          "REFUTED, UNDECIDED or NOT_CHECKABLE)");
    for (i = 0; i < (int) LC_VERDICT_NONE; i++)
    {
        if (strcmp(s, verdict_names[i]) == 0)
        {
            if (v != NULL)
                *v = (lc_verdict) i;
            return LC_OK;
        }
    }
    return lc_err_set(err, LC_E_PARSE, "unknown verdict \"%.60s%s\" (expected PROVED, HOLDS, "
                      "REFUTED, UNDECIDED or NOT_CHECKABLE)", s, strlen(s) > 60 ? "..." : "");
}

static const char * const role_names[] = { "claim", "control", "corrected" };

const char *
lc_run_status_name(lc_run_status s)
{
    switch (s)
    {
        case LC_RUN_COMPLETE: return "complete";
        case LC_RUN_ERROR: return "error";
        case LC_RUN_INTERRUPTED: return "interrupted";
        default: return "error";    /* never call a run complete that may not be */
    }
}
static const char * const kind_names[] = { "exact", "certified", "none" };
static const char * const outcome_names[] = { "true", "false", "undecided", "not_checkable" };

const char *
lc_claim_role_name(lc_claim_role r)
{
    return ((int) r < 0 || (int) r > 2) ? "INVALID" : role_names[r];
}

const char *
lc_check_kind_name(lc_check_kind k)
{
    return ((int) k < 0 || (int) k > 2) ? "INVALID" : kind_names[k];
}

const char *
lc_check_outcome_name(lc_check_outcome o)
{
    return ((int) o < 0 || (int) o > 3) ? "INVALID" : outcome_names[o];
}

/* ------------------------------------------------------------------ claims */

static char *
str_copy(const char * s)
{
    size_t n;
    char * t;

    if (s == NULL)
        return NULL;
    n = strlen(s);
    t = flint_malloc(n + 1);
    memcpy(t, s, n + 1);
    return t;
}

void
lc_claim_init(lc_claim_struct * c)
{
    memset(c, 0, sizeof(*c));
    c->verdict = LC_UNDECIDED;
    c->expected = LC_VERDICT_NONE;
}

void
lc_claim_clear(lc_claim_struct * c)
{
    slong i;

    flint_free(c->id);
    flint_free(c->source);
    flint_free(c->statement);
    flint_free(c->method);
    flint_free(c->certificate);
    flint_free(c->bound);
    flint_free(c->file);
    flint_free(c->corrects);
    flint_free(c->refuting_input);
    lc_claim_clear_checks(c);
    lc_claim_clear_files(c);
    for (i = 0; i < c->nsweep; i++)
        flint_free(c->sweep[i].bound);
    flint_free(c->sweep);
    lc_claim_init(c);
}

void
lc_claim_set(char ** field, const char * s)
{
    /* Copy before freeing: s may be the field itself. */
    char * t = str_copy(s);

    flint_free(*field);
    *field = t;
}

void
lc_claim_append(char ** field, const char * s)
{
    size_t n, m;
    char * t;

    if (s == NULL || s[0] == '\0')
        return;
    if (*field == NULL || (*field)[0] == '\0')
    {
        lc_claim_set(field, s);
        return;
    }
    n = strlen(*field);
    m = strlen(s);
    t = flint_malloc(n + 2 + m + 1);
    memcpy(t, *field, n);
    memcpy(t + n, "; ", 2);
    memcpy(t + n + 2, s, m + 1);
    flint_free(*field);
    *field = t;
}

void
lc_claim_add_file(lc_claim_struct * c, const char * name, const char * text)
{
    lc_claim_file * f;

    c->files = flint_realloc(c->files, sizeof(lc_claim_file) * (c->nfiles + 1));
    f = c->files + c->nfiles;
    f->name = str_copy(name);
    f->text = str_copy(text != NULL ? text : "");
    c->nfiles++;
}

void
lc_claim_clear_files(lc_claim_struct * c)
{
    slong i;

    for (i = 0; i < c->nfiles; i++)
    {
        flint_free(c->files[i].name);
        flint_free(c->files[i].text);
    }
    flint_free(c->files);
    c->files = NULL;
    c->nfiles = 0;
}

void
lc_claim_add_sweep(lc_claim_struct * c, slong prec, lc_verdict v, const char * bound)
{
    lc_sweep_point * p;

    c->sweep = flint_realloc(c->sweep, sizeof(lc_sweep_point) * (c->nsweep + 1));
    p = c->sweep + c->nsweep;
    p->prec = prec;
    p->verdict = v;
    p->bound = str_copy(bound);
    c->nsweep++;
}

void
lc_claim_add_check(lc_claim_struct * c, lc_check_kind kind, lc_check_outcome outcome,
                   const char * text, const char * bound, slong prec)
{
    lc_claim_check * k;

    c->checks = flint_realloc(c->checks, sizeof(lc_claim_check) * (c->nchecks + 1));
    k = c->checks + c->nchecks;
    k->kind = kind;
    k->outcome = outcome;
    k->text = str_copy(text);
    k->bound = str_copy(bound);
    k->prec = prec;
    c->nchecks++;
}

void
lc_claim_clear_checks(lc_claim_struct * c)
{
    slong i;

    for (i = 0; i < c->nchecks; i++)
    {
        flint_free(c->checks[i].text);
        flint_free(c->checks[i].bound);
    }
    flint_free(c->checks);
    c->checks = NULL;
    c->nchecks = 0;
}

int
lc_claim_met(const lc_claim_struct * c)
{
    if (c->expected == LC_VERDICT_NONE)
        return c->verdict == LC_PROVED || c->verdict == LC_HOLDS;
    return c->verdict == c->expected;
}

/* ------------------------------------------------------------------ reports */

void
lc_report_init(lc_report_t r)
{
    r->title = NULL;
    r->script = NULL;
    r->seed = 0;
    r->precision = 0;
    r->timings = 0;
    r->claims = NULL;
    r->len = 0;
    r->alloc = 0;
    r->items = NULL;
    r->nitems = 0;
    r->status = LC_RUN_COMPLETE;
    r->stopped = NULL;
    r->script_sha256 = NULL;
    r->command = NULL;
    r->date = NULL;
}

void
lc_report_clear(lc_report_t r)
{
    slong i;

    for (i = 0; i < r->len; i++)
        lc_claim_clear(r->claims + i);
    flint_free(r->claims);
    for (i = 0; i < r->nitems; i++)
    {
        slong j;

        for (j = 0; j < r->items[i].nids; j++)
            flint_free(r->items[i].ids[j]);
        flint_free(r->items[i].ids);
        flint_free(r->items[i].label);
        flint_free(r->items[i].what);
        flint_free(r->items[i].reason);
    }
    flint_free(r->items);
    flint_free(r->title);
    flint_free(r->script);
    flint_free(r->stopped);
    flint_free(r->script_sha256);
    flint_free(r->command);
    flint_free(r->date);
    lc_report_init(r);
}

lc_claim_struct *
lc_report_add(lc_report_t r)
{
    lc_claim_struct * c;
    char id[32];

    if (r->len == r->alloc)
    {
        /* the block first: a refused allocation (lib/limit) must find the
           report as it was */
        slong a = FLINT_MAX(8, 2 * r->alloc);

        r->claims = flint_realloc(r->claims, sizeof(lc_claim_struct) * a);
        r->alloc = a;
    }
    c = r->claims + r->len;
    r->len++;
    lc_claim_init(c);
    snprintf(id, sizeof(id), "claim-%ld", (long) r->len);
    lc_claim_set(&c->id, id);
    return c;
}

slong
lc_report_count_met(const lc_report_t r)
{
    slong i, k = 0;

    for (i = 0; i < r->len; i++)
        k += lc_claim_met(r->claims + i);
    return k;
}

slong
lc_report_count_unmet(const lc_report_t r)
{
    return r->len - lc_report_count_met(r);
}

int
lc_claim_is_statement(const lc_claim_struct * c)
{
    return c->role != LC_ROLE_CONTROL && c->role != LC_ROLE_CORRECTED;
}

void
lc_report_counts(lc_report_counts_struct * n, const lc_report_t r)
{
    slong i;

    memset(n, 0, sizeof(*n));
    for (i = 0; i < r->len; i++)
    {
        const lc_claim_struct * c = r->claims + i;

        if (lc_claim_met(c))
            n->met++;
        else
            n->not_met++;
        if (c->role == LC_ROLE_CONTROL)
            n->controls++;
        else if (c->role == LC_ROLE_CORRECTED)
            n->corrected++;
        else
        {
            n->statements++;
            switch (c->verdict)
            {
                case LC_PROVED: n->proved++; break;
                case LC_HOLDS: n->holds++; break;
                case LC_REFUTED: n->refuted++; break;
                case LC_NOT_CHECKABLE: n->not_checkable++; break;
                default: n->undecided++; break;
            }
        }
    }
    n->items = r->nitems;
    for (i = 0; i < r->nitems; i++)
        n->items_addressed += (r->items[i].nids > 0);
}

int
lc_report_add_item(lc_report_t r, const char * label, const char * what,
                   const char * const * ids, slong nids, const char * reason, slong line,
                   lc_err_t err)
{
    lc_cover_item * it;
    slong i;

    if (label == NULL || label[0] == '\0')
        return lc_err_set(err, LC_E_ARG, "a coverage item needs a label (the paper's number)");
    for (i = 0; i < r->nitems; i++)
        if (strcmp(r->items[i].label, label) == 0)
            return lc_err_set(err, LC_E_ARG, "the item \"%.80s\" is already in the coverage",
                              label);
    if (nids > 0 && reason != NULL)
        return lc_err_set(err, LC_E_ARG, "the item \"%.80s\" is either addressed by records or "
                          "not addressed for a reason, not both", label);
    if (nids == 0 && (reason == NULL || reason[0] == '\0'))
        return lc_err_set(err, LC_E_ARG, "the item \"%.80s\" names no record: give the ids "
                          "that address it, or the reason it is not addressed", label);
    for (i = 0; i < nids; i++)
        if (ids[i] == NULL || ids[i][0] == '\0')
            return lc_err_set(err, LC_E_ARG, "the item \"%.80s\" names an empty id", label);
    r->items = flint_realloc(r->items, sizeof(lc_cover_item) * (r->nitems + 1));
    it = r->items + r->nitems++;
    it->label = str_copy(label);
    it->what = str_copy(what);
    it->nids = nids;
    it->ids = nids > 0 ? flint_malloc(sizeof(char *) * nids) : NULL;
    for (i = 0; i < nids; i++)
        it->ids[i] = str_copy(ids[i]);
    it->reason = nids > 0 ? NULL : str_copy(reason);
    it->line = line;
    return LC_OK;
}

int
lc_report_check_new_id(const lc_report_t r, const char * id, lc_err_t err)
{
    const lc_claim_struct * c;
    char def[32];

    snprintf(def, sizeof(def), "claim-%ld", (long) r->len + 1);
    if ((c = lc_report_find(r, id != NULL ? id : def)) == NULL)
        return LC_OK;
    if (id == NULL)
        return lc_err_set(err, LC_E_ARG, "the default id \"%s\" of this statement is already the id "
                          "of the %s on line %ld (give this one an id)", def, lc_claim_role_name(c->role),
                          (long) c->line);
    return lc_err_set(err, LC_E_ARG, "the id \"%.100s\" is already the id of the %s on line %ld "
                      "(an id names one claim, control or corrected statement)", id,
                      lc_claim_role_name(c->role), (long) c->line);
}

const lc_claim_struct *
lc_report_find(const lc_report_t r, const char * id)
{
    slong i;

    if (id == NULL)
        return NULL;
    for (i = 0; i < r->len; i++)
        if (r->claims[i].id != NULL && strcmp(r->claims[i].id, id) == 0)
            return r->claims + i;
    return NULL;
}

int
lc_report_check_coverage(slong * line, const lc_report_t r, lc_err_t err)
{
    slong i, j;

    for (i = 0; i < r->nitems; i++)
        for (j = 0; j < r->items[i].nids; j++)
            if (lc_report_find(r, r->items[i].ids[j]) == NULL)
            {
                if (line != NULL)
                    *line = r->items[i].line;
                return lc_err_set(err, LC_E_ARG, "coverage item \"%.80s\" names \"%.80s\", "
                                  "which is the id of no claim, control or corrected statement",
                                  r->items[i].label, r->items[i].ids[j]);
            }
    return LC_OK;
}

const lc_claim_struct *
lc_report_refuted_statement(const lc_report_t r, const char * id)
{
    slong i;

    if (id == NULL)
        return NULL;
    for (i = 0; i < r->len; i++)
    {
        const lc_claim_struct * c = r->claims + i;

        if (lc_claim_is_statement(c) && c->verdict == LC_REFUTED && c->id != NULL
            && strcmp(c->id, id) == 0)
            return c;
    }
    return NULL;
}

/* ------------------------------------------------------------------ text */

int
_lc_utf8_decode(const unsigned char * s, unsigned long * cp)
{
    unsigned long c = s[0], min;
    int n, i;

    if (c < 0x80)
    {
        *cp = c;
        return 1;
    }
    else if ((c & 0xE0) == 0xC0)
        n = 2, c &= 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0)
        n = 3, c &= 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0)
        n = 4, c &= 0x07, min = 0x10000;
    else
        return 0;
    for (i = 1; i < n; i++)
    {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

/* U+FFFD, the replacement character, in UTF-8. */
#define REPLACEMENT "\xef\xbf\xbd"

char *
_lc_claim_text(const char * s, int human)
{
    const unsigned char * p = (const unsigned char *) s;
    unsigned long c;
    char * t, * q;
    int n;

    if (s == NULL)
        return NULL;
    /* No input byte becomes more than the three of U+FFFD. */
    t = q = flint_malloc(3 * strlen(s) + 1);
    while (*p != '\0')
    {
        n = _lc_utf8_decode(p, &c);
        if (n == 0)
        {
            memcpy(q, REPLACEMENT, 3), q += 3;
            p++;
        }
        else if (human && c == '\r')
        {
            *q++ = '\n';
            p += (p[1] == '\n') ? 2 : 1;
        }
        else if (human && c == '\t')
            *q++ = ' ', p++;
        else if (human && ((c < 0x20 && c != '\n') || c == 0x7F))
            memcpy(q, REPLACEMENT, 3), q += 3, p++;
        else
        {
            memcpy(q, p, n);
            q += n;
            p += n;
        }
    }
    *q = '\0';
    return t;
}

/* ------------------------------------------------------------------ JSON */

#if JSON_INTEGER_IS_LONG_LONG
#define JSON_INT_MAX LLONG_MAX
#else
#define JSON_INT_MAX LONG_MAX
#endif

static json_t *
jstr(const char * s)
{
    char * t;
    json_t * j;

    if (s == NULL)
        return json_null();
    t = _lc_claim_text(s, 0);
    j = json_string(t);
    flint_free(t);
    return j != NULL ? j : json_null();
}

/* Seconds are written only with timings on, and only when they make sense. */
static int
has_seconds(const lc_report_t r, const lc_claim_struct * c)
{
    return r->timings && isfinite(c->seconds) && c->seconds >= 0;
}

/* The contract's "expected": the explicit expectation, else what the default
   expectation was met by, else PROVED (the stronger of the two it allows). */
static lc_verdict
json_expected(const lc_claim_struct * c)
{
    if (c->expected != LC_VERDICT_NONE)
        return c->expected;
    if (c->verdict == LC_PROVED || c->verdict == LC_HOLDS)
        return c->verdict;
    return LC_PROVED;
}

/* The check records of a claim.  Kind "none" and outcome "not_checkable"
   extend DESIGN.md's schema: they record not_checkable() and an error inside
   the claim, which decided the verdict without any computation. */
static json_t *
json_checks(const lc_claim_struct * c)
{
    json_t * a = json_array(), * jk;
    slong j;

    for (j = 0; j < c->nchecks; j++)
    {
        const lc_claim_check * k = c->checks + j;

        jk = json_object();
        json_object_set_new(jk, "kind", json_string(lc_check_kind_name(k->kind)));
        json_object_set_new(jk, "outcome", json_string(lc_check_outcome_name(k->outcome)));
        json_object_set_new(jk, "text", jstr(k->text));
        json_object_set_new(jk, "bound", jstr(k->bound));
        /* Only a certified check has a working precision. */
        json_object_set_new(jk, "prec", k->prec > 0 ? json_integer(k->prec) : json_null());
        json_array_append_new(a, jk);
    }
    return a;
}

static json_t *
json_summary(const lc_report_t r)
{
    lc_report_counts_struct n;
    json_t * s = json_object();

    lc_report_counts(&n, r);
    json_object_set_new(s, "statements", json_integer(n.statements));
    json_object_set_new(s, "proved", json_integer(n.proved));
    json_object_set_new(s, "holds", json_integer(n.holds));
    json_object_set_new(s, "refuted", json_integer(n.refuted));
    json_object_set_new(s, "undecided", json_integer(n.undecided));
    json_object_set_new(s, "not_checkable", json_integer(n.not_checkable));
    json_object_set_new(s, "controls", json_integer(n.controls));
    json_object_set_new(s, "corrected", json_integer(n.corrected));
    json_object_set_new(s, "met", json_integer(n.met));
    json_object_set_new(s, "not_met", json_integer(n.not_met));
    json_object_set_new(s, "items", json_integer(n.items));
    json_object_set_new(s, "items_addressed", json_integer(n.items_addressed));
    return s;
}

/* [{"item", "what", "claims": [{"id", "verdict", "role"}], "reason"}]: one
   entry per numbered item of the paper, in the order of the script. */
static json_t *
json_coverage(const lc_report_t r)
{
    json_t * a = json_array(), * it, * ids, * ji;
    slong i, j;

    for (i = 0; i < r->nitems; i++)
    {
        const lc_cover_item * c = r->items + i;

        it = json_object();
        json_object_set_new(it, "item", jstr(c->label));
        json_object_set_new(it, "what", jstr(c->what));
        ids = json_array();
        for (j = 0; j < c->nids; j++)
        {
            const lc_claim_struct * k = lc_report_find(r, c->ids[j]);

            ji = json_object();
            json_object_set_new(ji, "id", jstr(c->ids[j]));
            json_object_set_new(ji, "verdict", k ? json_string(lc_verdict_name(k->verdict))
                                                 : json_null());
            json_object_set_new(ji, "role", k ? json_string(lc_claim_role_name(k->role))
                                              : json_null());
            json_array_append_new(ids, ji);
        }
        json_object_set_new(it, "claims", ids);
        json_object_set_new(it, "reason", jstr(c->reason));
        json_array_append_new(a, it);
    }
    return a;
}

/* Everything a reader needs to re-run the report and know it is the same:
   the build, the script's digest, and (only with timings: they belong to
   one run) the date and the command line. */
static json_t *
json_provenance(const lc_report_t r)
{
    json_t * p = json_object(), * lib = json_object();

    json_object_set_new(p, "liecheck", json_string(lc_version()));
    json_object_set_new(p, "commit", r->timings ? jstr(lc_commit()) : json_null());
    json_object_set_new(p, "script", jstr(r->script));
    json_object_set_new(p, "script_sha256", jstr(r->script_sha256));
    json_object_set_new(p, "date", r->timings ? jstr(r->date) : json_null());
    json_object_set_new(p, "command", r->timings ? jstr(r->command) : json_null());
    json_object_set_new(p, "precision", json_integer(r->precision));
    if (r->seed <= (ulong) JSON_INT_MAX)
        json_object_set_new(p, "seed", json_integer((json_int_t) r->seed));
    else
    {
        char t[32];

        snprintf(t, sizeof(t), "%lu", (unsigned long) r->seed);
        json_object_set_new(p, "seed", json_string(t));
    }
    json_object_set_new(lib, "flint", jstr(lc_flint_version()));
    json_object_set_new(lib, "arb", jstr(lc_arb_version()));
    json_object_set_new(lib, "mpfr", jstr(lc_mpfr_version()));
    json_object_set_new(lib, "gmp", jstr(lc_gmp_version()));
    json_object_set_new(p, "libraries", lib);
    return p;
}

char *
lc_report_json(const lc_report_t r)
{
    json_t * root, * env, * claims, * jc, * sweep, * jp;
    char * dump, * out;
    slong i, j;
    size_t n;

    root = json_object();
    json_object_set_new(root, "liecheck", json_string(lc_version()));
    json_object_set_new(root, "script", jstr(r->script));
    /* JSON integers are signed 64-bit in jansson: a larger seed is written
       as a string of its decimal digits rather than wrapped. */
    if (r->seed <= (ulong) JSON_INT_MAX)
        json_object_set_new(root, "seed", json_integer((json_int_t) r->seed));
    else
    {
        char t[32];

        snprintf(t, sizeof(t), "%lu", (unsigned long) r->seed);
        json_object_set_new(root, "seed", json_string(t));
    }
    json_object_set_new(root, "precision", json_integer(r->precision));
    env = json_object();
    json_object_set_new(env, "flint", jstr(lc_flint_version()));
    json_object_set_new(env, "arb", jstr(lc_arb_version()));
    json_object_set_new(env, "mpfr", jstr(lc_mpfr_version()));
    json_object_set_new(env, "gmp", jstr(lc_gmp_version()));
    json_object_set_new(root, "environment", env);
    json_object_set_new(root, "provenance", json_provenance(r));
    /* Before the claims: a reader meets the verdict on the paper first. */
    json_object_set_new(root, "summary", json_summary(r));

    claims = json_array();
    for (i = 0; i < r->len; i++)
    {
        const lc_claim_struct * c = r->claims + i;

        jc = json_object();
        json_object_set_new(jc, "id", jstr(c->id));
        json_object_set_new(jc, "source", jstr(c->source));
        json_object_set_new(jc, "statement", jstr(c->statement));
        json_object_set_new(jc, "method", jstr(c->method));
        json_object_set_new(jc, "role", json_string(lc_claim_role_name(c->role)));
        json_object_set_new(jc, "corrects", jstr(c->corrects));
        json_object_set_new(jc, "checks", json_checks(c));
        json_object_set_new(jc, "verdict", json_string(lc_verdict_name(c->verdict)));
        json_object_set_new(jc, "expected", json_string(lc_verdict_name(json_expected(c))));
        json_object_set_new(jc, "met", json_boolean(lc_claim_met(c)));
        json_object_set_new(jc, "bound", jstr(c->bound));
        json_object_set_new(jc, "certificate", jstr(c->certificate));
        sweep = json_array();
        for (j = 0; j < c->nsweep; j++)
        {
            jp = json_object();
            json_object_set_new(jp, "prec", json_integer(c->sweep[j].prec));
            json_object_set_new(jp, "verdict", json_string(lc_verdict_name(c->sweep[j].verdict)));
            json_object_set_new(jp, "bound", jstr(c->sweep[j].bound));
            json_array_append_new(sweep, jp);
        }
        json_object_set_new(jc, "sweep", sweep);
        json_object_set_new(jc, "seconds",
                            has_seconds(r, c) ? json_real(c->seconds) : json_null());
        json_object_set_new(jc, "file", jstr(c->file));
        json_object_set_new(jc, "line", c->line > 0 ? json_integer(c->line) : json_null());
        json_object_set_new(jc, "refuting_input", jstr(c->refuting_input));
        jp = json_array();
        for (j = 0; j < c->nfiles; j++)
            json_array_append_new(jp, jstr(c->files[j].name));
        json_object_set_new(jc, "files", jp);
        json_array_append_new(claims, jc);
    }
    json_object_set_new(root, "claims", claims);
    json_object_set_new(root, "coverage", json_coverage(r));
    json_object_set_new(root, "status", json_string(lc_run_status_name(r->status)));
    json_object_set_new(root, "stopped", r->status == LC_RUN_COMPLETE ? json_null()
                                         : jstr(r->stopped != NULL ? r->stopped : ""));

    dump = json_dumps(root, JSON_PRESERVE_ORDER | JSON_INDENT(2) | JSON_REAL_PRECISION(6));
    json_decref(root);
    if (dump == NULL)
        return NULL;
    /* Callers flint_free the result; jansson's buffer is malloc'd. */
    n = strlen(dump);
    out = flint_malloc(n + 2);
    memcpy(out, dump, n);
    out[n] = '\n';
    out[n + 1] = '\0';
    free(dump);
    return out;
}

/* ------------------------------------------------------------------ writing */

static int
write_all(int fd, const char * s, size_t n)
{
    while (n > 0)
    {
        ssize_t w = write(fd, s, n);

        if (w < 0)
        {
            if (errno == EINTR)
                continue;
            return -1;
        }
        s += w;
        n -= (size_t) w;
    }
    return 0;
}

const char *
lc_report_format(const char * path)
{
    static const char * const formats[] = { "md", "json", "tex", "html" };
    const char * base, * ext;
    size_t i;

    if (path == NULL)
        return NULL;
    base = strrchr(path, '/');
    base = (base == NULL) ? path : base + 1;
    if ((ext = strrchr(base, '.')) == NULL)
        return NULL;
    for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
        if (strcasecmp(ext + 1, formats[i]) == 0)
            return formats[i];
    return NULL;
}

/* The text is written to a fresh file next to path and renamed over it, so
   that a failed write never leaves a truncated report behind (nor destroys
   an older one). */
int
lc_report_write(const lc_report_t r, const char * path, lc_err_t err)
{
    const char * fmt;
    char * text;
    int i;

    if (path == NULL || path[0] == '\0')
        return lc_err_set(err, LC_E_ARG, "no report file named (give a .md, .json, .tex "
                          "or .html path)");
    fmt = lc_report_format(path);
    if (fmt == NULL)
        text = NULL;
    else if (strcmp(fmt, "md") == 0)
        text = lc_report_markdown(r);
    else if (strcmp(fmt, "json") == 0)
        text = lc_report_json(r);
    else if (strcmp(fmt, "tex") == 0)
        text = lc_report_latex(r);
    else
        text = lc_report_html(r);
    if (text == NULL)
        return lc_err_set(err, LC_E_ARG, "cannot tell the report format of '%.300s': "
                          "the name must end in .md, .json, .tex or .html", path);
    i = lc_report_write_text(path, text, err);
    flint_free(text);
    if (i == LC_OK)
        i = lc_report_write_files(r, path, err);
    return i;
}

int
lc_report_write_files(const lc_report_t r, const char * path, lc_err_t err)
{
    const char * slash = strrchr(path, '/');
    size_t dn = slash != NULL ? (size_t) (slash - path) + 1 : 0;
    slong i, j;
    int st = LC_OK;

    for (i = 0; i < r->len && st == LC_OK; i++)
        for (j = 0; j < r->claims[i].nfiles && st == LC_OK; j++)
        {
            const lc_claim_file * f = r->claims[i].files + j;
            size_t n = dn + strlen(f->name) + 1;
            char * p = flint_malloc(n);

            memcpy(p, path, dn);
            strcpy(p + dn, f->name);
            st = lc_report_write_text(p, f->text, err);
            flint_free(p);
        }
    return st;
}

int
lc_report_write_text(const char * path, const char * text, lc_err_t err)
{
    char * tmp;
    size_t n;
    int fd = -1, i, e;

    n = strlen(path);
    tmp = flint_malloc(n + 40);
    for (i = 0; i < 100; i++)
    {
        snprintf(tmp, n + 40, "%s.tmp%ld.%d", path, (long) getpid(), i);
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd >= 0 || errno != EEXIST)
            break;
    }
    if (fd < 0)
    {
        e = errno;
        flint_free(tmp);
        return lc_err_set(err, LC_E_IO, "cannot write report '%.300s': %s", path, strerror(e));
    }
    if (write_all(fd, text, strlen(text)) != 0)
    {
        e = errno;
        close(fd);
        goto fail;
    }
    if (close(fd) != 0)
    {
        e = errno;
        goto fail;
    }
    if (rename(tmp, path) != 0)
    {
        e = errno;
        goto fail;
    }
    flint_free(tmp);
    return LC_OK;

fail:
    unlink(tmp);
    flint_free(tmp);
    return lc_err_set(err, LC_E_IO, "cannot write report '%.300s': %s", path, strerror(e));
}
