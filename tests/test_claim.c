/* test_claim.c -- unit tests for lib/claim (claim records, verdicts, reports).
 *
 * Expected values come from the contracts: the verdict names and
 * lc_claim_met in lib/claim.h, the report JSON in DESIGN.md ("Report JSON"),
 * the escaping rules of each markup language, and doc/reports.md for the
 * layout of the human formats.  None was pasted from liecheck's output.
 * The JSON is read back with jansson, not searched as text. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <check.h>
#include <jansson.h>
#include "liecheck.h"

/* ------------------------------------------------------------------ helpers */

static const lc_verdict all_verdicts[5] =
    { LC_PROVED, LC_HOLDS, LC_REFUTED, LC_UNDECIDED, LC_NOT_CHECKABLE };

static const char * const sweep_precs_bounds[5][2] =
    { { "64", "3e-19" }, { "128", "5e-39" }, { "256", "2e-77" }, { "512", "7e-155" },
      { "1024", "1e-308" } };

/* The report of the brief: one claim of every verdict.
     1 PROVED with a certificate (default expectation: met)
     2 HOLDS with a bound and a five-point sweep (default: met)
     3 REFUTED, expected REFUTED (met)
     4 NOT_CHECKABLE with the reason (default: not met)
     5 UNDECIDED (default: not met) */
static void
build_fixture(lc_report_t r, int timings)
{
    lc_claim_struct * c;
    int k;

    lc_report_init(r);
    lc_claim_set(&r->script, "examples/papers/ma_ying.lc");
    r->seed = 42;
    r->precision = 256;
    r->timings = timings;

    c = lc_report_add(r);
    lc_claim_set(&c->id, "prop-3.1-span");
    lc_claim_set(&c->source, "Ma & Ying, Prop. 3.1 / App. A");
    lc_claim_set(&c->statement, "f(QX) = Q f(X) | Q orthogonal");
    lc_claim_set(&c->method, "exact over Q: Householder reflection");
    lc_claim_append(&c->certificate, "u = [1, 2, 2]");
    lc_claim_append(&c->certificate, "Q = I - 2 u u^T / 9");
    c->verdict = LC_PROVED;
    c->prec = 256;
    c->seconds = 0.25;
    lc_claim_set(&c->file, "examples/papers/ma_ying.lc");
    c->line = 12;

    c = lc_report_add(r);
    lc_claim_set(&c->source, "Eq. (7)");
    lc_claim_set(&c->statement, "layer norm is permutation equivariant");
    lc_claim_set(&c->method, "Arb balls, precision sweep");
    lc_claim_set(&c->bound, "2e-77");
    for (k = 0; k < 5; k++)
        lc_claim_add_sweep(c, atol(sweep_precs_bounds[k][0]), LC_HOLDS,
                           sweep_precs_bounds[k][1]);
    c->verdict = LC_HOLDS;
    c->prec = 256;
    c->seconds = 1.5;
    lc_claim_set(&c->file, "examples/papers/ma_ying.lc");
    c->line = 20;

    c = lc_report_add(r);
    lc_claim_set(&c->statement, "the gauge map is invariant");
    lc_claim_set(&c->certificate, "counterexample: g = diag(-1, 1)");
    c->verdict = LC_REFUTED;
    c->expected = LC_REFUTED;
    c->prec = 256;

    c = lc_report_add(r);
    lc_claim_set(&c->statement, "lift commutes with the attention map");
    lc_claim_set(&c->certificate, "the operation 'lift' is never defined");
    c->verdict = LC_NOT_CHECKABLE;
    c->prec = 256;

    c = lc_report_add(r);
    lc_claim_set(&c->statement, "the tower has depth 3");
    lc_claim_set(&c->certificate, "precision limit 1024 bits reached");
    c->verdict = LC_UNDECIDED;
    c->prec = 1024;
}

/* A report of one claim with the given statement and certificate. */
static void
build_one(lc_report_t r, const char * statement, const char * certificate)
{
    lc_claim_struct * c;

    lc_report_init(r);
    c = lc_report_add(r);
    lc_claim_set(&c->statement, statement);
    lc_claim_set(&c->certificate, certificate);
    c->verdict = LC_PROVED;
}

static json_t *
parse_json(const lc_report_t r)
{
    char * text = lc_report_json(r);
    json_error_t jerr;
    json_t * doc;

    ck_assert_ptr_nonnull(text);
    doc = json_loads(text, 0, &jerr);
    ck_assert_msg(doc != NULL, "report JSON does not parse: %s (line %d)", jerr.text, jerr.line);
    flint_free(text);
    return doc;
}

static void
ck_assert_json_str(json_t * obj, const char * key, const char * want)
{
    json_t * v = json_object_get(obj, key);

    ck_assert_msg(v != NULL, "key \"%s\" missing", key);
    if (want == NULL)
        ck_assert_msg(json_is_null(v), "key \"%s\" should be null", key);
    else
    {
        ck_assert_msg(json_is_string(v), "key \"%s\" should be a string", key);
        ck_assert_str_eq(json_string_value(v), want);
    }
}

static void
ck_json_int(json_t * obj, const char * key, json_int_t want)
{
    json_t * v = json_object_get(obj, key);

    ck_assert_msg(json_is_integer(v), "key \"%s\" should be an integer", key);
    ck_assert_int_eq(json_integer_value(v), want);
}

/* The keys of obj, in document order, are exactly keys[0..n-1]. */
static void
ck_json_keys(json_t * obj, const char * const * keys, size_t n)
{
    void * it;
    size_t k = 0;

    ck_assert_int_eq(json_object_size(obj), n);
    for (it = json_object_iter(obj); it != NULL; it = json_object_iter_next(obj, it), k++)
        ck_assert_str_eq(json_object_iter_key(it), keys[k]);
}

static char *
slurp(const char * path)
{
    FILE * f = fopen(path, "rb");
    char * s;
    long n;

    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    s = malloc(n + 1);
    ck_assert_int_eq(fread(s, 1, n, f), n);
    s[n] = '\0';
    fclose(f);
    return s;
}

static int
count_entries(const char * dir)
{
    DIR * d = opendir(dir);
    struct dirent * e;
    int k = 0;

    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            k++;
    closedir(d);
    return k;
}

#define ck_assert_contains(hay, needle) \
    ck_assert_msg(strstr((hay), (needle)) != NULL, "expected to find <<%s>>", (needle))
#define ck_assert_lacks(hay, needle) \
    ck_assert_msg(strstr((hay), (needle)) == NULL, "did not expect <<%s>>", (needle))

/* The text of hay from the first occurrence of from up to the first
   occurrence of to after it (or to the end); both must occur when to is
   given.  free() it. */
static char *
between(const char * hay, const char * from, const char * to)
{
    const char * a = strstr(hay, from), * z;
    char * s;

    ck_assert_msg(a != NULL, "expected to find <<%s>>", from);
    z = (to == NULL) ? a + strlen(a) : strstr(a + strlen(from), to);
    ck_assert_msg(z != NULL, "expected <<%s>> after <<%s>>", to, from);
    s = malloc(z - a + 1);
    memcpy(s, a, z - a);
    s[z - a] = '\0';
    return s;
}

/* first, then second later in hay. */
#define ck_assert_before(hay, first, second) \
    ck_assert_msg(strstr((hay), (first)) != NULL && strstr((hay), (second)) != NULL \
                  && strstr((hay), (first)) < strstr((hay), (second)), \
                  "expected <<%s>> before <<%s>>", (first), (second))

static int
count_occurrences(const char * hay, const char * needle)
{
    int k = 0;

    for (hay = strstr(hay, needle); hay != NULL; hay = strstr(hay + 1, needle))
        k++;
    return k;
}

/* The report of an audit (DESIGN.md, principle 6), mixing the roles:
     thm-1          statement, PROVED (one exact check)
     prop-2         statement, REFUTED, expected REFUTED (one exact false check)
     eq-3           statement, HOLDS with bound 1e-70 (one certified check at 256 bits)
     ctl-negative   control, REFUTED, expected REFUTED
     ctl-planted    control, REFUTED under the default expectation (not met)
     prop-2-fixed   corrected of prop-2, PROVED (one exact check)
   So: 3 statements (1 proved, 1 holds, 1 refuted, 0 undecided, 0 not
   checkable), 2 controls, 1 corrected; every record but ctl-planted met its
   expectation: 5 met, 1 not met. */
static void
build_roles(lc_report_t r)
{
    lc_claim_struct * c;

    lc_report_init(r);
    r->seed = 7;
    r->precision = 256;

    c = lc_report_add(r);
    lc_claim_set(&c->id, "thm-1");
    lc_claim_set(&c->source, "Thm. 1");
    lc_claim_set(&c->statement, "so(3) is simple");
    lc_claim_add_check(c, LC_CHECK_EXACT, LC_CHECK_TRUE, "the derived algebra has dimension 3",
                       NULL, 0);
    c->verdict = LC_PROVED;

    c = lc_report_add(r);
    lc_claim_set(&c->id, "prop-2");
    lc_claim_set(&c->source, "Prop. 2");
    lc_claim_set(&c->statement, "a stack of k layers reaches derived length exactly k");
    lc_claim_set(&c->certificate, "k = 4 reaches derived length 3, not 4");
    lc_claim_add_check(c, LC_CHECK_EXACT, LC_CHECK_FALSE, "k = 4 reaches derived length 3, not 4",
                       NULL, 0);
    c->verdict = LC_REFUTED;
    c->expected = LC_REFUTED;

    c = lc_report_add(r);
    lc_claim_set(&c->id, "eq-3");
    lc_claim_set(&c->source, "Eq. (3)");
    lc_claim_set(&c->statement, "layer norm is permutation equivariant");
    lc_claim_set(&c->bound, "1e-70");
    lc_claim_add_check(c, LC_CHECK_CERTIFIED, LC_CHECK_TRUE, "max deviation of f(PX) - P f(X)",
                       "1e-70", 256);
    c->verdict = LC_HOLDS;

    c = lc_report_add(r);
    lc_claim_set(&c->id, "ctl-negative");
    c->role = LC_ROLE_CONTROL;
    lc_claim_set(&c->statement, "a non-orthogonal Q breaks the equivariance");
    lc_claim_set(&c->certificate, "deviation 1/2");
    c->verdict = LC_REFUTED;
    c->expected = LC_REFUTED;

    c = lc_report_add(r);
    lc_claim_set(&c->id, "ctl-planted");
    c->role = LC_ROLE_CONTROL;
    lc_claim_set(&c->statement, "the comparison sees a planted error");
    lc_claim_set(&c->certificate, "planted error of 1e-3 found");
    c->verdict = LC_REFUTED;

    c = lc_report_add(r);
    lc_claim_set(&c->id, "prop-2-fixed");
    c->role = LC_ROLE_CORRECTED;
    lc_claim_set(&c->corrects, "prop-2");
    lc_claim_set(&c->statement, "a linear stack of k layers reaches at most 1 + ceil(log2 k)");
    lc_claim_add_check(c, LC_CHECK_EXACT, LC_CHECK_TRUE, "k = 1..8: true", NULL, 0);
    c->verdict = LC_PROVED;
}

/* The verdict line of build_roles, written from its definition (the counts
   above; singular "holds", "corrected statement" for a count of 1). */
#define ROLES_VERDICT_LINE "3 statements of the paper checked: 1 proved, 1 holds, 1 refuted, " \
    "0 undecided, 0 not checkable; 2 controls; 1 corrected statement"

/* ------------------------------------------------------------------ verdicts */

START_TEST(verdict_names_are_the_contract_strings)
{
    ck_assert_str_eq(lc_verdict_name(LC_PROVED), "PROVED");
    ck_assert_str_eq(lc_verdict_name(LC_HOLDS), "HOLDS");
    ck_assert_str_eq(lc_verdict_name(LC_REFUTED), "REFUTED");
    ck_assert_str_eq(lc_verdict_name(LC_UNDECIDED), "UNDECIDED");
    ck_assert_str_eq(lc_verdict_name(LC_NOT_CHECKABLE), "NOT_CHECKABLE");
    ck_assert_str_eq(lc_verdict_name(LC_VERDICT_NONE), "PROVED or HOLDS");
}
END_TEST

START_TEST(verdict_name_of_a_garbage_value_is_a_string)
{
    ck_assert_ptr_nonnull(lc_verdict_name((lc_verdict) 42));
    ck_assert_ptr_nonnull(lc_verdict_name((lc_verdict) -1));
}
END_TEST

START_TEST(verdict_parse_round_trips_every_verdict)
{
    lc_err_t err;
    lc_verdict v;
    int k;

    for (k = 0; k < 5; k++)
    {
        lc_err_init(err);
        v = LC_VERDICT_NONE;
        ck_assert_int_eq(lc_verdict_parse(&v, lc_verdict_name(all_verdicts[k]), err), LC_OK);
        ck_assert_int_eq(v, all_verdicts[k]);
        ck_assert_int_eq(err->code, LC_OK);
    }
}
END_TEST

START_TEST(verdict_parse_rejects_what_is_not_an_exact_name)
{
    static const char * const bad[] =
        { "proved", "Proved", "PROVED ", " HOLDS", "REFUTE", "", "NOT CHECKABLE",
          "PROVED or HOLDS", "TRUE" };
    lc_err_t err;
    lc_verdict v;
    size_t k;

    for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
    {
        lc_err_init(err);
        v = LC_HOLDS;
        ck_assert_int_eq(lc_verdict_parse(&v, bad[k], err), LC_E_PARSE);
        ck_assert_int_eq(err->code, LC_E_PARSE);
        ck_assert_int_eq(v, LC_HOLDS);      /* untouched on failure */
        ck_assert_contains(err->msg, "NOT_CHECKABLE");
    }
    lc_err_init(err);
    ck_assert_int_eq(lc_verdict_parse(&v, NULL, err), LC_E_PARSE);
    ck_assert_int_eq(lc_verdict_parse(&v, "nope", NULL), LC_E_PARSE);
}
END_TEST

START_TEST(default_expectation_is_met_by_proved_and_holds_only)
{
    lc_claim_struct c;
    int k;

    for (k = 0; k < 5; k++)
    {
        lc_claim_init(&c);
        c.verdict = all_verdicts[k];
        ck_assert_int_eq(c.expected, LC_VERDICT_NONE);
        ck_assert_int_eq(lc_claim_met(&c) != 0,
                         all_verdicts[k] == LC_PROVED || all_verdicts[k] == LC_HOLDS);
        lc_claim_clear(&c);
    }
}
END_TEST

START_TEST(not_checkable_never_meets_the_default)
{
    lc_claim_struct c;

    lc_claim_init(&c);
    c.verdict = LC_NOT_CHECKABLE;
    lc_claim_set(&c.certificate, "a tautology");
    ck_assert_int_eq(lc_claim_met(&c), 0);
    lc_claim_clear(&c);
}
END_TEST

START_TEST(explicit_expectation_is_met_by_exactly_that_verdict)
{
    lc_claim_struct c;
    int i, j;

    /* In particular expect PROVED is not met by HOLDS, and expect REFUTED
       is met by REFUTED and by nothing else. */
    for (i = 0; i < 5; i++)
        for (j = 0; j < 5; j++)
        {
            lc_claim_init(&c);
            c.expected = all_verdicts[i];
            c.verdict = all_verdicts[j];
            ck_assert_msg((lc_claim_met(&c) != 0) == (i == j), "expected %s, got %s",
                          lc_verdict_name(c.expected), lc_verdict_name(c.verdict));
            lc_claim_clear(&c);
        }
}
END_TEST

/* ------------------------------------------------------------------ records */

START_TEST(claim_init_sets_the_documented_defaults)
{
    lc_claim_struct c;

    lc_claim_init(&c);
    ck_assert_ptr_null(c.id);
    ck_assert_ptr_null(c.source);
    ck_assert_ptr_null(c.statement);
    ck_assert_ptr_null(c.method);
    ck_assert_ptr_null(c.certificate);
    ck_assert_ptr_null(c.bound);
    ck_assert_ptr_null(c.file);
    ck_assert_ptr_null(c.sweep);
    ck_assert_int_eq(c.nsweep, 0);
    ck_assert_int_eq(c.verdict, LC_UNDECIDED);
    ck_assert_int_eq(c.expected, LC_VERDICT_NONE);
    lc_claim_clear(&c);
    lc_claim_clear(&c);     /* clear leaves an initialised record */
}
END_TEST

START_TEST(claim_set_copies_replaces_and_clears)
{
    char buf[16] = "first";
    char * field = NULL;

    lc_claim_set(&field, buf);
    strcpy(buf, "changed");
    ck_assert_str_eq(field, "first");
    lc_claim_set(&field, "second");
    ck_assert_str_eq(field, "second");
    lc_claim_set(&field, field);        /* a field set from itself */
    ck_assert_str_eq(field, "second");
    lc_claim_set(&field, NULL);
    ck_assert_ptr_null(field);
}
END_TEST

START_TEST(claim_append_joins_with_semicolons)
{
    char * field = NULL;

    lc_claim_append(&field, "rank 3");
    ck_assert_str_eq(field, "rank 3");
    lc_claim_append(&field, "det 1");
    ck_assert_str_eq(field, "rank 3; det 1");
    lc_claim_append(&field, NULL);
    lc_claim_append(&field, "");
    ck_assert_str_eq(field, "rank 3; det 1");
    lc_claim_append(&field, field);     /* appending a field to itself */
    ck_assert_str_eq(field, "rank 3; det 1; rank 3; det 1");
    lc_claim_set(&field, "");
    lc_claim_append(&field, "x");       /* an empty field takes no separator */
    ck_assert_str_eq(field, "x");
    lc_claim_set(&field, NULL);
    ck_assert_ptr_null(field);
}
END_TEST

START_TEST(add_sweep_keeps_points_in_order_with_copied_bounds)
{
    lc_claim_struct c;
    char b[8] = "1e-5";

    lc_claim_init(&c);
    lc_claim_add_sweep(&c, 64, LC_HOLDS, b);
    strcpy(b, "zzz");
    lc_claim_add_sweep(&c, 128, LC_UNDECIDED, NULL);
    ck_assert_int_eq(c.nsweep, 2);
    ck_assert_int_eq(c.sweep[0].prec, 64);
    ck_assert_int_eq(c.sweep[0].verdict, LC_HOLDS);
    ck_assert_str_eq(c.sweep[0].bound, "1e-5");
    ck_assert_int_eq(c.sweep[1].prec, 128);
    ck_assert_int_eq(c.sweep[1].verdict, LC_UNDECIDED);
    ck_assert_ptr_null(c.sweep[1].bound);
    lc_claim_clear(&c);
    ck_assert_int_eq(c.nsweep, 0);
}
END_TEST

START_TEST(report_add_numbers_claims_from_one_through_growth)
{
    lc_report_t r;
    lc_claim_struct * c;
    char want[32];
    slong k;

    lc_report_init(r);
    ck_assert_int_eq(r->len, 0);
    for (k = 1; k <= 40; k++)
    {
        c = lc_report_add(r);
        ck_assert_int_eq(c->verdict, LC_UNDECIDED);
        ck_assert_int_eq(c->expected, LC_VERDICT_NONE);
        ck_assert_ptr_null(c->statement);
        c->line = k;
    }
    ck_assert_int_eq(r->len, 40);
    for (k = 1; k <= 40; k++)
    {
        snprintf(want, sizeof(want), "claim-%ld", (long) k);
        ck_assert_str_eq(r->claims[k - 1].id, want);
        ck_assert_int_eq(r->claims[k - 1].line, k);
    }
    lc_report_clear(r);
    ck_assert_int_eq(r->len, 0);
}
END_TEST

START_TEST(count_met_and_unmet_follow_lc_claim_met)
{
    lc_report_t r;

    lc_report_init(r);
    ck_assert_int_eq(lc_report_count_met(r), 0);
    ck_assert_int_eq(lc_report_count_unmet(r), 0);
    lc_report_clear(r);

    build_fixture(r, 0);
    /* PROVED, HOLDS and REFUTED-as-expected are met; NOT_CHECKABLE and
       UNDECIDED under the default expectation are not. */
    ck_assert_int_eq(lc_report_count_met(r), 3);
    ck_assert_int_eq(lc_report_count_unmet(r), 2);
    r->claims[2].expected = LC_VERDICT_NONE;
    ck_assert_int_eq(lc_report_count_met(r), 2);
    ck_assert_int_eq(lc_report_count_unmet(r), 3);
    lc_report_clear(r);
}
END_TEST

/* ------------------------------------------------------------------ JSON */

START_TEST(json_reads_back_with_every_key_of_the_contract)
{
    static const char * const top_keys[] =
        { "liecheck", "script", "seed", "precision", "environment", "provenance", "summary",
          "claims", "coverage", "status", "stopped" };
    static const char * const env_keys[] = { "flint", "arb", "mpfr", "gmp" };
    static const char * const claim_keys[] =
        { "id", "source", "statement", "method", "role", "corrects", "checks", "verdict",
          "expected", "met", "bound", "certificate", "sweep", "seconds", "file", "line",
          "refuting_input", "files" };
    static const char * const point_keys[] = { "prec", "verdict", "bound" };
    /* id, verdict, expected (as the contract defines it), met */
    static const char * const want[5][4] =
        { { "prop-3.1-span", "PROVED", "PROVED", "1" },
          { "claim-2", "HOLDS", "HOLDS", "1" },
          { "claim-3", "REFUTED", "REFUTED", "1" },
          { "claim-4", "NOT_CHECKABLE", "PROVED", "0" },
          { "claim-5", "UNDECIDED", "PROVED", "0" } };
    lc_report_t r;
    json_t * doc, * env, * claims, * c, * sweep, * p;
    size_t k, j;

    build_fixture(r, 0);
    doc = parse_json(r);
    ck_assert(json_is_object(doc));
    ck_json_keys(doc, top_keys, 11);
    ck_assert_json_str(doc, "liecheck", lc_version());
    ck_assert_json_str(doc, "status", "complete");
    ck_assert_json_str(doc, "stopped", NULL);
    ck_assert_json_str(doc, "script", "examples/papers/ma_ying.lc");
    ck_json_int(doc, "seed", 42);
    ck_json_int(doc, "precision", 256);

    env = json_object_get(doc, "environment");
    ck_json_keys(env, env_keys, 4);
    ck_assert_json_str(env, "flint", lc_flint_version());
    ck_assert_json_str(env, "arb", lc_arb_version());
    ck_assert_json_str(env, "mpfr", lc_mpfr_version());
    ck_assert_json_str(env, "gmp", lc_gmp_version());

    claims = json_object_get(doc, "claims");
    ck_assert(json_is_array(claims));
    ck_assert_int_eq(json_array_size(claims), 5);
    for (k = 0; k < 5; k++)
    {
        c = json_array_get(claims, k);
        ck_json_keys(c, claim_keys, 18);
        /* the fixture's records are all statements of the paper, without checks */
        ck_assert_json_str(c, "role", "claim");
        ck_assert_json_str(c, "corrects", NULL);
        ck_assert_int_eq(json_array_size(json_object_get(c, "checks")), 0);
        ck_assert_json_str(c, "id", want[k][0]);
        ck_assert_json_str(c, "verdict", want[k][1]);
        ck_assert_json_str(c, "expected", want[k][2]);
        ck_assert(json_is_boolean(json_object_get(c, "met")));
        ck_assert_int_eq(json_is_true(json_object_get(c, "met")), want[k][3][0] == '1');
        /* timings off: seconds is null even where the record has some */
        ck_assert(json_is_null(json_object_get(c, "seconds")));
    }

    c = json_array_get(claims, 0);
    ck_assert_json_str(c, "source", "Ma & Ying, Prop. 3.1 / App. A");
    ck_assert_json_str(c, "statement", "f(QX) = Q f(X) | Q orthogonal");
    ck_assert_json_str(c, "method", "exact over Q: Householder reflection");
    ck_assert_json_str(c, "bound", NULL);
    ck_assert_json_str(c, "certificate", "u = [1, 2, 2]; Q = I - 2 u u^T / 9");
    ck_assert_int_eq(json_array_size(json_object_get(c, "sweep")), 0);
    ck_assert_json_str(c, "file", "examples/papers/ma_ying.lc");
    ck_json_int(c, "line", 12);

    c = json_array_get(claims, 1);
    ck_assert_json_str(c, "source", "Eq. (7)");
    ck_assert_json_str(c, "bound", "2e-77");
    ck_assert_json_str(c, "certificate", NULL);
    ck_json_int(c, "line", 20);
    sweep = json_object_get(c, "sweep");
    ck_assert(json_is_array(sweep));
    ck_assert_int_eq(json_array_size(sweep), 5);
    for (j = 0; j < 5; j++)
    {
        p = json_array_get(sweep, j);
        ck_json_keys(p, point_keys, 3);
        ck_json_int(p, "prec", atol(sweep_precs_bounds[j][0]));
        ck_assert_json_str(p, "verdict", "HOLDS");
        ck_assert_json_str(p, "bound", sweep_precs_bounds[j][1]);
    }

    c = json_array_get(claims, 2);
    ck_assert_json_str(c, "source", NULL);
    ck_assert_json_str(c, "method", NULL);
    ck_assert_json_str(c, "certificate", "counterexample: g = diag(-1, 1)");
    ck_assert_json_str(c, "file", NULL);
    ck_assert(json_is_null(json_object_get(c, "line")));

    c = json_array_get(claims, 3);
    ck_assert_json_str(c, "certificate", "the operation 'lift' is never defined");

    json_decref(doc);
    lc_report_clear(r);
}
END_TEST

START_TEST(json_has_seconds_only_with_timings)
{
    lc_report_t r;
    json_t * doc, * c;

    build_fixture(r, 1);
    r->claims[2].seconds = -1.0;        /* nonsense durations stay null */
    r->claims[3].seconds = NAN;
    doc = parse_json(r);
    c = json_array_get(json_object_get(doc, "claims"), 0);
    ck_assert(json_is_real(json_object_get(c, "seconds")));
    ck_assert(json_real_value(json_object_get(c, "seconds")) == 0.25);
    c = json_array_get(json_object_get(doc, "claims"), 1);
    ck_assert(json_real_value(json_object_get(c, "seconds")) == 1.5);
    c = json_array_get(json_object_get(doc, "claims"), 2);
    ck_assert(json_is_null(json_object_get(c, "seconds")));
    c = json_array_get(json_object_get(doc, "claims"), 3);
    ck_assert(json_is_null(json_object_get(c, "seconds")));
    json_decref(doc);
    lc_report_clear(r);
}
END_TEST

START_TEST(json_of_an_empty_record_has_nulls_not_crashes)
{
    lc_report_t r;
    json_t * doc, * c;

    lc_report_init(r);
    lc_report_add(r);
    lc_claim_set(&r->claims[0].id, NULL);
    doc = parse_json(r);
    ck_assert_json_str(doc, "script", NULL);
    ck_json_int(doc, "seed", 0);
    c = json_array_get(json_object_get(doc, "claims"), 0);
    ck_assert_json_str(c, "id", NULL);
    ck_assert_json_str(c, "source", NULL);
    ck_assert_json_str(c, "statement", NULL);
    ck_assert_json_str(c, "verdict", "UNDECIDED");
    ck_assert_json_str(c, "expected", "PROVED");
    ck_assert(json_is_false(json_object_get(c, "met")));
    json_decref(doc);
    lc_report_clear(r);
}
END_TEST

START_TEST(json_strings_are_escaped_and_valid_utf8)
{
    lc_report_t r;
    json_t * doc, * c;

    build_one(r, "quote \" backslash \\ tab\t newline\n \xce\xb1 bad \xff end",
              "</script>");
    doc = parse_json(r);
    c = json_array_get(json_object_get(doc, "claims"), 0);
    /* Everything survives except the invalid byte, which becomes U+FFFD. */
    ck_assert_json_str(c, "statement",
                "quote \" backslash \\ tab\t newline\n \xce\xb1 bad \xef\xbf\xbd end");
    ck_assert_json_str(c, "certificate", "</script>");
    json_decref(doc);
    lc_report_clear(r);
}
END_TEST

START_TEST(json_seed_beyond_int64_is_a_decimal_string)
{
    lc_report_t r;
    json_t * doc;
    char want[32];

    lc_report_init(r);
    r->seed = ULONG_MAX;
    doc = parse_json(r);
    snprintf(want, sizeof(want), "%lu", (unsigned long) ULONG_MAX);
    if (ULONG_MAX > (unsigned long) LLONG_MAX)
        ck_assert_json_str(doc, "seed", want);
    else
        ck_json_int(doc, "seed", (json_int_t) ULONG_MAX);
    ck_assert_int_eq(json_array_size(json_object_get(doc, "claims")), 0);
    json_decref(doc);
    lc_report_clear(r);
}
END_TEST

START_TEST(json_summary_counts_statements_controls_and_corrected)
{
    static const char * const keys[] =
        { "statements", "proved", "holds", "refuted", "undecided", "not_checkable", "controls",
          "corrected", "met", "not_met", "items", "items_addressed" };
    /* From the comment of build_roles (which declares no coverage items). */
    static const json_int_t want[12] = { 3, 1, 1, 1, 0, 0, 2, 1, 5, 1, 0, 0 };
    lc_report_t r;
    json_t * doc, * s;
    size_t k;

    build_roles(r);
    doc = parse_json(r);
    s = json_object_get(doc, "summary");
    ck_assert(json_is_object(s));
    ck_json_keys(s, keys, 12);
    for (k = 0; k < 12; k++)
        ck_json_int(s, keys[k], want[k]);
    json_decref(doc);
    lc_report_clear(r);
}
END_TEST

START_TEST(json_claims_carry_role_corrects_and_checks)
{
    static const char * const check_keys[] = { "kind", "outcome", "text", "bound", "prec" };
    /* id, role, corrects (NULL: null) */
    static const char * const want[6][3] =
        { { "thm-1", "claim", NULL }, { "prop-2", "claim", NULL }, { "eq-3", "claim", NULL },
          { "ctl-negative", "control", NULL }, { "ctl-planted", "control", NULL },
          { "prop-2-fixed", "corrected", "prop-2" } };
    static const size_t nchecks[6] = { 1, 1, 1, 0, 0, 1 };
    lc_report_t r;
    json_t * doc, * claims, * c, * k;
    size_t i;

    build_roles(r);
    doc = parse_json(r);
    claims = json_object_get(doc, "claims");
    ck_assert_int_eq(json_array_size(claims), 6);
    for (i = 0; i < 6; i++)
    {
        c = json_array_get(claims, i);
        ck_assert_json_str(c, "id", want[i][0]);
        ck_assert_json_str(c, "role", want[i][1]);
        ck_assert_json_str(c, "corrects", want[i][2]);
        ck_assert(json_is_array(json_object_get(c, "checks")));
        ck_assert_int_eq(json_array_size(json_object_get(c, "checks")), nchecks[i]);
    }

    /* An exact check has neither a bound nor a precision. */
    k = json_array_get(json_object_get(json_array_get(claims, 1), "checks"), 0);
    ck_json_keys(k, check_keys, 5);
    ck_assert_json_str(k, "kind", "exact");
    ck_assert_json_str(k, "outcome", "false");
    ck_assert_json_str(k, "text", "k = 4 reaches derived length 3, not 4");
    ck_assert_json_str(k, "bound", NULL);
    ck_assert(json_is_null(json_object_get(k, "prec")));

    k = json_array_get(json_object_get(json_array_get(claims, 2), "checks"), 0);
    ck_json_keys(k, check_keys, 5);
    ck_assert_json_str(k, "kind", "certified");
    ck_assert_json_str(k, "outcome", "true");
    ck_assert_json_str(k, "text", "max deviation of f(PX) - P f(X)");
    ck_assert_json_str(k, "bound", "1e-70");
    ck_json_int(k, "prec", 256);

    k = json_array_get(json_object_get(json_array_get(claims, 5), "checks"), 0);
    ck_assert_json_str(k, "kind", "exact");
    ck_assert_json_str(k, "outcome", "true");
    json_decref(doc);
    lc_report_clear(r);
}
END_TEST

START_TEST(json_check_without_computation_is_kind_none)
{
    lc_report_t r;
    lc_claim_struct * c;
    json_t * doc, * checks, * k;

    lc_report_init(r);
    c = lc_report_add(r);
    lc_claim_set(&c->statement, "lift commutes with attention");
    lc_claim_add_check(c, LC_CHECK_NONE, LC_CHECK_NOT_CHECKABLE, "'lift' is never defined",
                       NULL, 0);
    c->verdict = LC_NOT_CHECKABLE;
    c = lc_report_add(r);
    lc_claim_set(&c->statement, "the tower has depth 3");
    lc_claim_add_check(c, LC_CHECK_CERTIFIED, LC_CHECK_UNDECIDED, "a ball too wide at 64 bits",
                       NULL, 64);
    lc_claim_add_check(c, LC_CHECK_NONE, LC_CHECK_UNDECIDED, "error at line 3: no such name",
                       NULL, 0);
    c->verdict = LC_UNDECIDED;
    doc = parse_json(r);

    checks = json_object_get(json_array_get(json_object_get(doc, "claims"), 0), "checks");
    k = json_array_get(checks, 0);
    ck_assert_json_str(k, "kind", "none");
    ck_assert_json_str(k, "outcome", "not_checkable");
    ck_assert_json_str(k, "text", "'lift' is never defined");
    ck_assert(json_is_null(json_object_get(k, "prec")));

    checks = json_object_get(json_array_get(json_object_get(doc, "claims"), 1), "checks");
    ck_assert_int_eq(json_array_size(checks), 2);
    k = json_array_get(checks, 0);
    ck_assert_json_str(k, "kind", "certified");
    ck_assert_json_str(k, "outcome", "undecided");
    ck_json_int(k, "prec", 64);
    k = json_array_get(checks, 1);
    ck_assert_json_str(k, "kind", "none");
    ck_assert_json_str(k, "outcome", "undecided");
    ck_assert_json_str(k, "text", "error at line 3: no such name");

    /* One statement, not checkable; the other undecided. */
    ck_json_int(json_object_get(doc, "summary"), "statements", 2);
    ck_json_int(json_object_get(doc, "summary"), "not_checkable", 1);
    ck_json_int(json_object_get(doc, "summary"), "undecided", 1);
    ck_json_int(json_object_get(doc, "summary"), "met", 0);
    ck_json_int(json_object_get(doc, "summary"), "not_met", 2);
    json_decref(doc);
    lc_report_clear(r);
}
END_TEST

START_TEST(report_counts_give_odd_roles_and_verdicts_a_place)
{
    lc_report_counts_struct n;
    lc_report_t r;
    lc_claim_struct * c;

    build_roles(r);
    lc_report_counts(&n, r);
    ck_assert_int_eq(n.statements, 3);
    ck_assert_int_eq(n.proved, 1);
    ck_assert_int_eq(n.holds, 1);
    ck_assert_int_eq(n.refuted, 1);
    ck_assert_int_eq(n.undecided, 0);
    ck_assert_int_eq(n.not_checkable, 0);
    ck_assert_int_eq(n.controls, 2);
    ck_assert_int_eq(n.corrected, 1);
    ck_assert_int_eq(n.met, 5);
    ck_assert_int_eq(n.not_met, 1);

    /* A role out of range is counted as a statement (never hidden), a
       verdict out of range as undecided (never a pass): the verdict counts
       still add up to the statements. */
    c = lc_report_add(r);
    c->role = (lc_claim_role) 7;
    c->verdict = (lc_verdict) 99;
    lc_report_counts(&n, r);
    ck_assert_int_eq(n.statements, 4);
    ck_assert_int_eq(n.undecided, 1);
    ck_assert_int_eq(n.proved + n.holds + n.refuted + n.undecided + n.not_checkable, 4);
    ck_assert_int_eq(n.not_met, 2);
    ck_assert_int_eq(lc_claim_is_statement(c), 1);
    lc_report_clear(r);

    lc_report_init(r);
    lc_report_counts(&n, r);
    ck_assert_int_eq(n.statements + n.controls + n.corrected + n.met + n.not_met, 0);
    lc_report_clear(r);
}
END_TEST

START_TEST(refuted_statement_lookup_ignores_controls_and_verdicts_not_refuted)
{
    lc_report_t r;

    build_roles(r);
    ck_assert_ptr_eq(lc_report_refuted_statement(r, "prop-2"), r->claims + 1);
    ck_assert_ptr_null(lc_report_refuted_statement(r, "thm-1"));          /* PROVED */
    ck_assert_ptr_null(lc_report_refuted_statement(r, "ctl-negative"));   /* a control */
    ck_assert_ptr_null(lc_report_refuted_statement(r, "nope"));
    ck_assert_ptr_null(lc_report_refuted_statement(r, NULL));
    lc_report_clear(r);
}
END_TEST

/* ------------------------------------------------------------------ Markdown */

START_TEST(json_status_says_how_the_run_ended)
{
    lc_report_t r;
    json_t * doc;

    build_fixture(r, 0);
    r->status = LC_RUN_ERROR;
    lc_claim_set(&r->stopped, "s.lc:7:3: undefined variable 'x'");
    doc = parse_json(r);
    ck_assert_json_str(doc, "status", "error");
    ck_assert_json_str(doc, "stopped", "s.lc:7:3: undefined variable 'x'");
    json_decref(doc);
    r->status = LC_RUN_INTERRUPTED;
    doc = parse_json(r);
    ck_assert_json_str(doc, "status", "interrupted");
    json_decref(doc);
    /* a status out of range never reads as a complete run */
    r->status = (lc_run_status) 17;
    doc = parse_json(r);
    ck_assert_json_str(doc, "status", "error");
    json_decref(doc);
    lc_report_clear(r);
}
END_TEST

START_TEST(human_reports_state_an_incomplete_run_after_the_verdict_line)
{
    lc_report_t r;
    char * t[3], * at, * verdict;
    int k;

    build_fixture(r, 0);
    for (k = 0; k < 3; k++)
    {
        t[k] = k == 0 ? lc_report_markdown(r) : k == 1 ? lc_report_latex(r) : lc_report_html(r);
        ck_assert_ptr_null(strstr(t[k], "did not complete"));
        flint_free(t[k]);
    }
    r->status = LC_RUN_INTERRUPTED;
    lc_claim_set(&r->stopped, "s.lc:9:1: interrupted");
    for (k = 0; k < 3; k++)
    {
        t[k] = k == 0 ? lc_report_markdown(r) : k == 1 ? lc_report_latex(r) : lc_report_html(r);
        at = strstr(t[k], "The run did not complete: it was interrupted (s.lc:9:1: interrupted)");
        verdict = strstr(t[k], "statements of the paper checked");
        ck_assert_ptr_nonnull(at);
        ck_assert_ptr_nonnull(verdict);
        /* right after the verdict on the paper, before the errata */
        ck_assert(verdict < at);
        ck_assert(at < strstr(t[k], "Errata"));
        flint_free(t[k]);
    }
    r->status = LC_RUN_ERROR;
    t[0] = lc_report_markdown(r);
    ck_assert_ptr_nonnull(strstr(t[0], "it stopped with an error (s.lc:9:1: interrupted)"));
    flint_free(t[0]);
    lc_report_clear(r);
}
END_TEST

START_TEST(markdown_has_environment_summary_and_table_rows)
{
    lc_report_t r;
    char * md;
    char line[128];

    build_fixture(r, 0);
    md = lc_report_markdown(r);
    ck_assert(strncmp(md, "# liecheck report\n", 18) == 0);
    snprintf(line, sizeof(line), "| FLINT | %s |", lc_flint_version());
    ck_assert_contains(md, line);
    snprintf(line, sizeof(line), "| Arb | %s |", lc_arb_version());
    ck_assert_contains(md, line);
    snprintf(line, sizeof(line), "| MPFR | %s |", lc_mpfr_version());
    ck_assert_contains(md, line);
    snprintf(line, sizeof(line), "| GMP | %s |", lc_gmp_version());
    ck_assert_contains(md, line);
    snprintf(line, sizeof(line), "| liecheck | %s |", lc_version());
    ck_assert_contains(md, line);
    ck_assert_contains(md, "| precision | 256 bits |");
    ck_assert_contains(md, "| seed | 42 |");
    ck_assert_contains(md, "| script | examples/papers/ma\\_ying.lc |");
    ck_assert_contains(md, "Expected verdicts: 3 of 5 records met, 2 not met (all records: "
                    "PROVED 1, HOLDS 1, REFUTED 1, UNDECIDED 1, NOT\\_CHECKABLE 1)");
    ck_assert_contains(md, "| id | source | statement | method | verdict | expected | met "
                    "| bound / certificate |\n");
    ck_assert_contains(md, "| prop-3.1-span | Ma \\& Ying, Prop. 3.1 / App. A "
                    "| f(QX) = Q f(X) \\| Q orthogonal | exact over Q: Householder reflection "
                    "| PROVED | \xe2\x80\x94 | yes | u = \\[1, 2, 2\\]; Q = I - 2 u u^T / 9 |\n");
    ck_assert_contains(md, "| claim-2 | Eq. (7) | layer norm is permutation equivariant "
                    "| Arb balls, precision sweep | HOLDS | \xe2\x80\x94 | yes | 2e-77 |\n");
    ck_assert_contains(md, "| claim-3 | \xe2\x80\x94 | the gauge map is invariant | \xe2\x80\x94 "
                    "| REFUTED | REFUTED | yes | counterexample: g = diag(-1, 1) |\n");
    ck_assert_contains(md, "| NOT\\_CHECKABLE | \xe2\x80\x94 | no |");
    ck_assert_contains(md, "| UNDECIDED | \xe2\x80\x94 | no |");
    ck_assert_lacks(md, "| time |");           /* no time column without timings */
    ck_assert_lacks(md, "**Time:**");
    flint_free(md);
    lc_report_clear(r);
}
END_TEST

START_TEST(markdown_details_show_verdict_certificate_sweep_and_place)
{
    lc_report_t r;
    char * md;
    char line[64];
    int k;

    build_fixture(r, 0);
    md = lc_report_markdown(r);
    ck_assert_contains(md, "### 1. prop-3.1-span\n");
    ck_assert_contains(md, "- **Verdict:** PROVED (expected PROVED or HOLDS: met)\n");
    ck_assert_contains(md, "- **Verdict:** REFUTED (expected REFUTED: met)\n");
    ck_assert_contains(md, "- **Verdict:** NOT\\_CHECKABLE (expected PROVED or HOLDS: NOT met)\n");
    ck_assert_contains(md, "- **Where:** examples/papers/ma\\_ying.lc:12\n");
    ck_assert_contains(md, "- **Precision:** 1024 bits\n");
    ck_assert_contains(md, "```\nu = [1, 2, 2]; Q = I - 2 u u^T / 9\n```\n");
    ck_assert_contains(md, "```\nthe operation 'lift' is never defined\n```\n");
    ck_assert_contains(md, "| prec | verdict | bound |\n");
    for (k = 0; k < 5; k++)
    {
        snprintf(line, sizeof(line), "| %s | HOLDS | %s |\n", sweep_precs_bounds[k][0],
                 sweep_precs_bounds[k][1]);
        ck_assert_contains(md, line);
    }
    flint_free(md);
    lc_report_clear(r);
}
END_TEST

START_TEST(markdown_escapes_pipes_and_newlines_in_cells)
{
    lc_report_t r;
    char * md;

    /* "\$" is a literal dollar ($...$ would be maths: tests/test_math.c) */
    build_one(r, "a | b\n  c <d> *e* \\$x\\$", "x");
    md = lc_report_markdown(r);
    /* In the table the newline and the spaces after it become one space
       (a shortened cell) ... */
    ck_assert_contains(md, "| a \\| b c \\<d\\> \\*e\\* \\$x\\$ |");
    /* ... and in the details a <br>, keeping the list item on one line. */
    ck_assert_contains(md, "- **Statement:** a \\| b<br>  c \\<d\\> \\*e\\* \\$x\\$\n");
    ck_assert_lacks(md, "a | b");
    flint_free(md);
    lc_report_clear(r);
}
END_TEST

START_TEST(markdown_shortens_long_statements_in_the_table_only)
{
    lc_report_t r;
    char * md;
    char longs[201];
    char cell[80];

    memset(longs, 'x', 200);
    longs[200] = '\0';
    build_one(r, longs, NULL);
    md = lc_report_markdown(r);
    /* 60 characters and an ellipsis in the summary ... */
    memset(cell, 'x', 60);
    strcpy(cell + 60, "\xe2\x80\xa6 |");
    ck_assert_contains(md, cell);
    /* ... the whole statement in the details. */
    ck_assert_contains(md, longs);
    flint_free(md);
    lc_report_clear(r);
}
END_TEST

START_TEST(markdown_certificate_fence_is_longer_than_its_backticks)
{
    lc_report_t r;
    char * md;

    build_one(r, "s", "a ``` b ```` c");
    md = lc_report_markdown(r);
    ck_assert_contains(md, "\n`````\na ``` b ```` c\n`````\n");
    flint_free(md);
    lc_report_clear(r);
}
END_TEST

START_TEST(markdown_has_a_time_column_with_timings)
{
    lc_report_t r;
    char * md;

    build_fixture(r, 1);
    md = lc_report_markdown(r);
    ck_assert_contains(md, "| bound / certificate | time |\n");
    ck_assert_contains(md, "| 0.25 s |\n");
    ck_assert_contains(md, "- **Time:** 1.5 s\n");
    flint_free(md);
    lc_report_clear(r);
}
END_TEST

START_TEST(human_formats_survive_null_fields)
{
    lc_report_t r;
    lc_claim_struct * c;
    char * t;

    lc_report_init(r);
    c = lc_report_add(r);
    lc_claim_set(&c->id, NULL);
    lc_claim_add_sweep(c, 64, LC_UNDECIDED, NULL);
    c->verdict = (lc_verdict) 99;       /* garbage must not crash either */
    t = lc_report_markdown(r);
    ck_assert_contains(t, "### 1. (no id)\n");
    ck_assert_contains(t, "- **Statement:** \xe2\x80\x94\n");
    ck_assert_contains(t, "| script | \xe2\x80\x94 |");
    ck_assert_contains(t, "| precision | \xe2\x80\x94 |");    /* no precision recorded */
    ck_assert_contains(t, "- **Precision:** \xe2\x80\x94\n");
    ck_assert_contains(t, "| 64 | UNDECIDED | \xe2\x80\x94 |");
    flint_free(t);
    t = lc_report_html(r);
    ck_assert_contains(t, "<dt>Statement</dt><dd>&mdash;</dd>");
    flint_free(t);
    t = lc_report_latex(r);
    ck_assert_contains(t, "\\item[Statement] ---\n");
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

/* ------------------------------------------------------------- LaTeX, HTML */

START_TEST(latex_escapes_every_special)
{
    lc_report_t r;
    char * tex;

    build_one(r, "50% & \\$x_1\\$", "#{a}~^\\");
    tex = lc_report_latex(r);
    ck_assert_contains(tex, "\\item[Statement] 50\\% \\& \\$x\\_\\allowbreak{}1\\$\n");
    ck_assert_contains(tex, "\\#\\{a\\}\\textasciitilde{}\\textasciicircum{}\\textbackslash{}");
    ck_assert_lacks(tex, "50% &");
    flint_free(tex);
    lc_report_clear(r);
}
END_TEST

START_TEST(latex_is_a_standalone_document)
{
    lc_report_t r;
    char * tex;

    build_fixture(r, 0);
    tex = lc_report_latex(r);
    ck_assert(strncmp(tex, "\\documentclass", 14) == 0);
    ck_assert_contains(tex, "\\begin{document}");
    ck_assert_contains(tex, "\\begin{longtable}");
    ck_assert_contains(tex, "NOT\\_\\allowbreak{}CHECKABLE");
    ck_assert_contains(tex, "Expected verdicts: 3 of 5 records met, 2 not met");
    ck_assert_contains(tex, "1024 & HOLDS & 1e-308 \\\\\n");
    ck_assert_str_eq(tex + strlen(tex) - 15, "\\end{document}\n");
    flint_free(tex);
    lc_report_clear(r);
}
END_TEST

START_TEST(latex_maps_unicode_it_cannot_typeset)
{
    lc_report_t r;
    char * tex;

    /* alpha and <= have LaTeX forms; U+4E00 has none and is named instead. */
    build_one(r, "\xce\xb1 \xe2\x89\xa4 \xe4\xb8\x80 \xc3\xa9", NULL);
    tex = lc_report_latex(r);
    ck_assert_contains(tex, "$\\alpha$ $\\leq$ {\\ttfamily{[}U+4E00{]}} \xc3\xa9");
    flint_free(tex);
    lc_report_clear(r);
}
END_TEST

START_TEST(html_escapes_script_and_quotes)
{
    lc_report_t r;
    char * html;

    build_one(r, "<script>alert('x' & \"y\")</script>", "<b>cert</b>");
    lc_claim_set(&r->title, "T < U");
    html = lc_report_html(r);
    ck_assert(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    ck_assert_contains(html, "<title>T &lt; U</title>");
    ck_assert_contains(html, "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
    ck_assert_contains(html, "<pre>&lt;b&gt;cert&lt;/b&gt;</pre>");
    ck_assert_lacks(html, "<script>");
    ck_assert_lacks(html, "<b>cert");
    ck_assert_contains(html, "</html>\n");
    flint_free(html);
    lc_report_clear(r);
}
END_TEST

START_TEST(html_has_the_summary_rows)
{
    lc_report_t r;
    char * html;

    build_fixture(r, 0);
    html = lc_report_html(r);
    /* The id links to the details; the verdict is coloured by its class. */
    ck_assert_contains(html, "<tr id=\"sum-3\"><td><a href=\"#rec-3\">claim-3</a></td>"
                      "<td>&mdash;</td><td>the gauge map is invariant</td><td>&mdash;</td>"
                      "<td><span class=\"v v-REFUTED\">REFUTED</span></td><td>REFUTED</td>"
                      "<td>yes</td>");
    ck_assert_contains(html, "<tr><td>512</td><td><span class=\"v v-HOLDS\">HOLDS</span></td>"
                      "<td>7e-155</td></tr>");
    ck_assert_contains(html, "Ma &amp; Ying");
    flint_free(html);
    lc_report_clear(r);
}
END_TEST

/* ------------------------------------------------------------- the audit */

START_TEST(every_format_opens_with_the_verdict_on_the_paper)
{
    lc_report_t r;
    char * t;

    build_roles(r);
    t = lc_report_markdown(r);
    ck_assert(strncmp(t, "# liecheck report\n\n**" ROLES_VERDICT_LINE "**\n",
                      strlen("# liecheck report\n\n**" ROLES_VERDICT_LINE "**\n")) == 0);
    /* 5 of the 6 records met their expectation; ctl-planted did not. */
    ck_assert_contains(t, "\nExpected verdicts: 5 of 6 records met, 1 not met (all records: "
                          "PROVED 2, HOLDS 1, REFUTED 3, UNDECIDED 0, NOT\\_CHECKABLE 0)\n");
    ck_assert_before(t, ROLES_VERDICT_LINE, "## Errata");
    flint_free(t);

    t = lc_report_latex(r);
    ck_assert_contains(t, "\\maketitle\n\n\\textbf{" ROLES_VERDICT_LINE "}\n");
    ck_assert_before(t, ROLES_VERDICT_LINE, "\\section*{Errata}");
    flint_free(t);

    t = lc_report_html(r);
    ck_assert_contains(t, "<h1>liecheck report</h1>\n<p><strong>" ROLES_VERDICT_LINE
                          "</strong></p>\n");
    ck_assert_before(t, ROLES_VERDICT_LINE, "<h2>Errata</h2>");
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

START_TEST(verdict_line_is_grammatical_for_counts_of_one_and_zero)
{
    lc_report_t r;
    lc_claim_struct * c;
    char * t;

    lc_report_init(r);
    c = lc_report_add(r);
    c->verdict = LC_HOLDS;
    c = lc_report_add(r);
    c->role = LC_ROLE_CONTROL;
    c->verdict = LC_PROVED;
    c = lc_report_add(r);
    c->role = LC_ROLE_CORRECTED;
    c->verdict = LC_PROVED;
    t = lc_report_markdown(r);
    ck_assert_contains(t, "**1 statement of the paper checked: 0 proved, 1 holds, 0 refuted, "
                          "0 undecided, 0 not checkable; 1 control; 1 corrected statement**\n");
    flint_free(t);
    lc_report_clear(r);

    /* No corrected statement: the verdict line does not mention them. */
    build_fixture(r, 0);
    t = lc_report_markdown(r);
    ck_assert_contains(t, "**5 statements of the paper checked: 1 proved, 1 holds, 1 refuted, "
                          "1 undecided, 1 not checkable; 0 controls**\n");
    ck_assert_lacks(t, "corrected statements**");
    ck_assert_lacks(t, "## Corrected statements");
    /* ... and the refuted claim-3 has no correction. */
    ck_assert_contains(t, "\n### Erratum 1: claim-3\n");
    ck_assert_contains(t, "\nNo corrected statement is given for it.\n");
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

START_TEST(errata_list_refuted_statements_with_their_corrections_not_controls)
{
    lc_report_t r;
    lc_claim_struct * c;
    char * t, * e;

    build_roles(r);
    /* A second correction of prop-2, certified: its bound goes with it. */
    c = lc_report_add(r);
    lc_claim_set(&c->id, "prop-2-bound");
    c->role = LC_ROLE_CORRECTED;
    lc_claim_set(&c->corrects, "prop-2");
    lc_claim_set(&c->statement, "the deviation is below 3e-75");
    lc_claim_set(&c->bound, "3e-75");
    c->verdict = LC_HOLDS;

    t = lc_report_markdown(r);
    e = between(t, "\n## Errata\n", "\n## Statements of the paper\n");
    ck_assert_contains(e, "\n### Erratum 1: prop-2\n\n"
                          "- **Statement:** a stack of k layers reaches derived length exactly k\n"
                          "- **Source:** Prop. 2\n"
                          "- **Verdict:** REFUTED (expected REFUTED: met)\n");
    ck_assert_contains(e, "\n#### Certificate\n\n```\nk = 4 reaches derived length 3, not 4\n```\n");
    ck_assert_contains(e, "\n#### Correction: prop-2-fixed\n\n"
                          "- **Statement:** a linear stack of k layers reaches at most "
                          "1 + ceil(log2 k)\n"
                          "- **Verdict:** PROVED (expected PROVED or HOLDS: met)\n"
                          "- **Bound:** \xe2\x80\x94\n");
    ck_assert_contains(e, "\n#### Correction: prop-2-bound\n\n"
                          "- **Statement:** the deviation is below 3e-75\n"
                          "- **Verdict:** HOLDS (expected PROVED or HOLDS: met)\n"
                          "- **Bound:** 3e-75\n");
    /* The refuted controls are not errata of the paper, nor are statements
       that were not refuted. */
    ck_assert_lacks(e, "ctl-negative");
    ck_assert_lacks(e, "ctl-planted");
    ck_assert_lacks(e, "thm-1");
    ck_assert_lacks(e, "eq-3");
    ck_assert_lacks(e, "Erratum 2");
    ck_assert_lacks(e, "No statement of the paper was refuted.");
    free(e);
    flint_free(t);

    t = lc_report_latex(r);
    e = between(t, "\\section*{Errata}", "\\section*{Statements of the paper}");
    ck_assert_contains(e, "\\subsection*{Erratum 1: prop-2}");
    ck_assert_contains(e, "\\subsubsection*{Correction: prop-2-fixed}");
    ck_assert_lacks(e, "ctl-");
    free(e);
    flint_free(t);

    t = lc_report_html(r);
    e = between(t, "<h2>Errata</h2>", "<h2>Statements of the paper</h2>");
    ck_assert_contains(e, "<h3>Erratum 1: prop-2</h3>");
    ck_assert_contains(e, "<h4>Correction: prop-2-bound</h4>");
    ck_assert_contains(e, "<dt>Bound</dt><dd>3e-75</dd>");
    ck_assert_lacks(e, "ctl-");
    free(e);
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

START_TEST(sections_come_in_the_order_of_an_audit)
{
    static const char * const md_heads[5] =
        { "\n## Errata\n", "\n## Statements of the paper\n", "\n## Corrected statements\n",
          "\n## Controls\n", "\n## Provenance\n" };
    lc_report_t r;
    char * t, * s;
    int k;

    build_roles(r);
    t = lc_report_markdown(r);
    for (k = 0; k < 4; k++)
        ck_assert_before(t, md_heads[k], md_heads[k + 1]);
    for (k = 0; k < 5; k++)
        ck_assert_int_eq(count_occurrences(t, md_heads[k]), 1);

    /* Each section holds the records of its role, numbered within it. */
    s = between(t, md_heads[1], md_heads[2]);
    ck_assert_contains(s, "\n### 1. thm-1\n");
    ck_assert_contains(s, "\n### 2. prop-2\n");
    ck_assert_contains(s, "\n### 3. eq-3\n");
    ck_assert_contains(s, "| id | source | statement |");
    ck_assert_lacks(s, "ctl-");
    ck_assert_lacks(s, "prop-2-fixed");
    free(s);
    s = between(t, md_heads[2], md_heads[3]);
    ck_assert_contains(s, "| id | corrects | statement |");
    ck_assert_contains(s, "| prop-2-fixed | prop-2 |");
    ck_assert_contains(s, "\n### 1. prop-2-fixed\n");
    ck_assert_contains(s, "- **Corrects:** prop-2\n");
    ck_assert_lacks(s, "which is not a refuted statement");
    free(s);
    s = between(t, md_heads[3], md_heads[4]);
    ck_assert_contains(s, "\n### 1. ctl-negative\n");
    ck_assert_contains(s, "\n### 2. ctl-planted\n");
    ck_assert_contains(s, "- **Verdict:** REFUTED (expected PROVED or HOLDS: NOT met)\n");
    ck_assert_lacks(s, "thm-1");
    free(s);
    s = between(t, md_heads[4], NULL);
    ck_assert_contains(s, "| seed | 7 |");
    ck_assert_contains(s, "| precision | 256 bits |");
    free(s);
    flint_free(t);

    t = lc_report_latex(r);
    ck_assert_before(t, "\\section*{Errata}", "\\section*{Statements of the paper}");
    ck_assert_before(t, "\\section*{Statements of the paper}", "\\section*{Corrected statements}");
    ck_assert_before(t, "\\section*{Corrected statements}", "\\section*{Controls}");
    ck_assert_before(t, "\\section*{Controls}", "\\section*{Provenance}");
    flint_free(t);

    t = lc_report_html(r);
    ck_assert_before(t, "<h2>Errata</h2>", "<h2>Statements of the paper</h2>");
    ck_assert_before(t, "<h2>Statements of the paper</h2>", "<h2>Corrected statements</h2>");
    ck_assert_before(t, "<h2>Corrected statements</h2>", "<h2>Controls</h2>");
    ck_assert_before(t, "<h2>Controls</h2>", "<h2>Provenance</h2>");
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

START_TEST(a_paper_without_errata_says_so_in_every_format)
{
    lc_report_t r;
    char * t;

    build_roles(r);
    r->claims[1].verdict = LC_PROVED;   /* prop-2 no longer refuted */
    r->claims[1].expected = LC_VERDICT_NONE;
    t = lc_report_markdown(r);
    ck_assert_contains(t, "\n## Errata\n\nNo statement of the paper was refuted.\n");
    ck_assert_lacks(t, "Erratum");
    /* its correction now corrects no refuted statement */
    ck_assert_contains(t, "(corrects prop-2, which is not a refuted statement of this report)");
    flint_free(t);
    t = lc_report_latex(r);
    ck_assert_contains(t, "\\section*{Errata}\n\nNo statement of the paper was refuted.\n");
    flint_free(t);
    t = lc_report_html(r);
    ck_assert_contains(t, "<h2>Errata</h2>\n<p>No statement of the paper was refuted.</p>\n");
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

START_TEST(details_list_every_check_with_kind_outcome_and_bound)
{
    lc_report_t r;
    char * t;

    build_roles(r);
    t = lc_report_markdown(r);
    ck_assert_contains(t, "\n#### Checks\n\n- **Check 1:** exact, true\n\n"
                          "```\nthe derived algebra has dimension 3\n```\n");
    ck_assert_contains(t, "\n- **Check 1:** exact, false\n\n"
                          "```\nk = 4 reaches derived length 3, not 4\n```\n");
    ck_assert_contains(t, "\n- **Check 1:** certified, true, bound 1e-70, 256 bits\n\n"
                          "```\nmax deviation of f(PX) - P f(X)\n```\n");
    /* the controls made no check */
    ck_assert_contains(t, "\n#### Checks\n\nNo check was recorded.\n");
    flint_free(t);
    t = lc_report_latex(r);
    ck_assert_contains(t, "\\item[Check 1] certified, true, bound 1e-70, 256 bits\n");
    flint_free(t);
    t = lc_report_html(r);
    ck_assert_contains(t, "<dt>Check 1</dt><dd>exact, false</dd>\n</dl>\n"
                          "<pre>k = 4 reaches derived length 3, not 4</pre>\n");
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

/* LONG_TEXT_REPS copies of an 11-character unit that no format escapes
   (letters, digits, '=', '/', ';', no space, no doubled '-' or ','), then a
   recognisable tail: 12,100 characters and the tail. */
#define LONG_TEXT_REPS 1100

static char *
long_text(const char * tail)
{
    size_t n = 11 * LONG_TEXT_REPS + strlen(tail);
    char * s = malloc(n + 1), * p = s;
    int k;

    for (k = 0; k < LONG_TEXT_REPS; k++)
        p += sprintf(p, "q%05d=1/3;", k);
    strcpy(p, tail);
    ck_assert_int_eq(strlen(s), n);
    return s;
}

START_TEST(long_certificate_and_check_text_survive_whole_in_every_format)
{
    char * (*writers[3])(const lc_report_t) =
        { lc_report_markdown, lc_report_latex, lc_report_html };
    char * cert = long_text("ENDOFCERTIFICATE");
    char * text = long_text("ENDOFCHECKTEXT");
    lc_report_t r;
    lc_claim_struct * c;
    json_t * doc, * jc;
    char * t;
    int k;

    ck_assert_int_ge(strlen(cert), 12000);
    lc_report_init(r);
    c = lc_report_add(r);
    lc_claim_set(&c->statement, "a long refutation");
    lc_claim_set(&c->certificate, cert);
    lc_claim_add_check(c, LC_CHECK_EXACT, LC_CHECK_FALSE, text, NULL, 0);
    c->verdict = LC_REFUTED;

    doc = parse_json(r);
    jc = json_array_get(json_object_get(doc, "claims"), 0);
    ck_assert_json_str(jc, "certificate", cert);
    ck_assert_json_str(json_array_get(json_object_get(jc, "checks"), 0), "text", text);
    json_decref(doc);

    for (k = 0; k < 3; k++)
    {
        t = writers[k](r);
        /* The certificate in full twice (the erratum and the details), and
           in HTML a third time, in the summary's <details> element; the
           check text once (the details). */
        ck_assert_int_eq(count_occurrences(t, cert), k == 2 ? 3 : 2);
        ck_assert_int_eq(count_occurrences(t, text), 1);
        flint_free(t);
    }
    lc_report_clear(r);
    free(cert);
    free(text);
}
END_TEST

START_TEST(check_text_is_escaped_for_each_format)
{
    lc_report_t r;
    lc_claim_struct * c;
    char * t;

    build_one(r, "s", NULL);
    c = r->claims;
    lc_claim_add_check(c, LC_CHECK_CERTIFIED, LC_CHECK_TRUE, "a_b & <c> 50%", "1e-9", 64);
    t = lc_report_markdown(r);
    /* a code block: nothing escaped */
    ck_assert_contains(t, "```\na_b & <c> 50%\n```\n");
    flint_free(t);
    t = lc_report_latex(r);
    /* spaces of a code block are kept as control spaces */
    ck_assert_contains(t, "a\\_\\allowbreak{}b\\ \\&\\ \\textless{}c\\textgreater{}\\ 50\\%");
    ck_assert_lacks(t, "a_b");
    flint_free(t);
    t = lc_report_html(r);
    ck_assert_contains(t, "<pre>a_b &amp; &lt;c&gt; 50%</pre>");
    ck_assert_lacks(t, "<c>");
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

/* Coverage: items addressed by records or not addressed with a reason, the
   count every format states, the JSON entries, and the errors of add_item
   and check_coverage (written from the definitions in claim.h). */
START_TEST(coverage_items_are_counted_listed_and_checked)
{
    lc_report_t r;
    lc_claim_struct * c;
    const char * ids[2] = { "eq-1", "ctl" };
    const char * bad[1] = { "nowhere" };
    char * md, * js, * line;
    lc_err_t err;
    slong where = 0;

    lc_report_init(r);
    c = lc_report_add(r);
    lc_claim_set(&c->id, "eq-1");
    lc_claim_set(&c->statement, "2 + 2 = 4");
    c->verdict = LC_PROVED;
    c = lc_report_add(r);
    lc_claim_set(&c->id, "ctl");
    lc_claim_set(&c->statement, "a control");
    c->role = LC_ROLE_CONTROL;
    c->verdict = LC_PROVED;
    ck_assert_int_eq(lc_report_add_item(r, "Eq. (1)", "2 + 2 = 4", ids, 2, NULL, 3, err), LC_OK);
    ck_assert_int_eq(lc_report_add_item(r, "Fig. 1", "a plot", NULL, 0, "empirical", 4, err),
                     LC_OK);
    /* A label twice, ids and a reason together, neither: refused. */
    ck_assert_int_eq(lc_report_add_item(r, "Eq. (1)", "x", NULL, 0, "again", 5, err), LC_E_ARG);
    ck_assert_int_eq(lc_report_add_item(r, "Eq. (2)", "x", ids, 1, "both", 5, err), LC_E_ARG);
    ck_assert_int_eq(lc_report_add_item(r, "Eq. (3)", "x", NULL, 0, NULL, 5, err), LC_E_ARG);
    ck_assert_int_eq(r->nitems, 2);
    ck_assert_int_eq(lc_report_check_coverage(&where, r, err), LC_OK);
    line = lc_report_coverage_line(r);
    ck_assert_str_eq(line, "Coverage: 1 of 2 numbered items of the paper addressed "
                           "(1 not addressed, each with its reason)");
    flint_free(line);
    md = lc_report_markdown(r);
    ck_assert_msg(strstr(md, "## Coverage") != NULL, "no coverage section");
    ck_assert_msg(strstr(md, "| Eq. (1) | 2 + 2 = 4 | eq-1 PROVED, ctl PROVED (control) |") != NULL,
                  "the addressed row is missing");
    ck_assert_msg(strstr(md, "| Fig. 1 | a plot | not addressed: empirical |") != NULL,
                  "the not-addressed row is missing");
    flint_free(md);
    js = lc_report_json(r);
    ck_assert_msg(strstr(js, "\"items\": 2") != NULL && strstr(js, "\"items_addressed\": 1") != NULL,
                  "summary counts missing");
    ck_assert_msg(strstr(js, "\"coverage\": [") != NULL, "no coverage array");
    flint_free(js);
    /* An id no record has is found at the end, with the item's line. */
    ck_assert_int_eq(lc_report_add_item(r, "Thm. 2", "x", bad, 1, NULL, 9, err), LC_OK);
    ck_assert_int_eq(lc_report_check_coverage(&where, r, err), LC_E_ARG);
    ck_assert_int_eq(where, 9);
    ck_assert_msg(strstr(err->msg, "\"nowhere\"") != NULL, "%s", err->msg);
    lc_report_clear(r);
}
END_TEST

START_TEST(a_correction_of_no_refuted_statement_is_listed_with_a_note)
{
    static const char * const dangling[3] = { "fix-missing", "fix-proved", "fix-control" };
    char * (*writers[3])(const lc_report_t) =
        { lc_report_markdown, lc_report_latex, lc_report_html };
    lc_report_t r;
    lc_claim_struct * c;
    json_t * doc;
    char * t, * s;
    int k;

    build_roles(r);
    /* Names no record; names a PROVED statement; names a refuted control;
       names nothing at all. */
    c = lc_report_add(r);
    lc_claim_set(&c->id, "fix-missing");
    c->role = LC_ROLE_CORRECTED;
    lc_claim_set(&c->corrects, "nope");
    c->verdict = LC_PROVED;
    c = lc_report_add(r);
    lc_claim_set(&c->id, "fix-proved");
    c->role = LC_ROLE_CORRECTED;
    lc_claim_set(&c->corrects, "thm-1");
    c->verdict = LC_REFUTED;
    c = lc_report_add(r);
    lc_claim_set(&c->id, "fix-control");
    c->role = LC_ROLE_CORRECTED;
    lc_claim_set(&c->corrects, "ctl-negative");
    c->verdict = LC_HOLDS;
    c = lc_report_add(r);
    lc_claim_set(&c->id, "fix-nothing");
    c->role = LC_ROLE_CORRECTED;
    c->verdict = LC_UNDECIDED;

    t = lc_report_markdown(r);
    ck_assert_contains(t, "**3 statements of the paper checked: 1 proved, 1 holds, 1 refuted, "
                          "0 undecided, 0 not checkable; 2 controls; 5 corrected statements**");
    s = between(t, "\n## Errata\n", "\n## Statements of the paper\n");
    for (k = 0; k < 3; k++)
        ck_assert_lacks(s, dangling[k]);
    ck_assert_lacks(s, "fix-nothing");
    ck_assert_contains(s, "#### Correction: prop-2-fixed\n");
    free(s);
    s = between(t, "\n## Corrected statements\n", "\n## Controls\n");
    ck_assert_contains(s, "\n### 2. fix-missing\n\n"
                          "(corrects nope, which is not a refuted statement of this report)\n");
    ck_assert_contains(s, "\n### 3. fix-proved\n\n"
                          "(corrects thm-1, which is not a refuted statement of this report)\n");
    ck_assert_contains(s, "\n### 4. fix-control\n\n"
                          "(corrects ctl-negative, which is not a refuted statement of this "
                          "report)\n");
    ck_assert_contains(s, "\n### 5. fix-nothing\n\n(names no statement that it corrects)\n");
    ck_assert_contains(s, "| fix-missing | nope (not a refuted statement of this report) |");
    ck_assert_contains(s, "| fix-nothing | (none named) |");
    free(s);
    flint_free(t);

    for (k = 1; k < 3; k++)
    {
        t = writers[k](r);
        ck_assert_contains(t, "(corrects nope, which is not a refuted statement of this report)");
        ck_assert_contains(t, "(names no statement that it corrects)");
        flint_free(t);
    }

    doc = parse_json(r);
    ck_assert_json_str(json_array_get(json_object_get(doc, "claims"), 6), "corrects", "nope");
    ck_assert_json_str(json_array_get(json_object_get(doc, "claims"), 9), "corrects", NULL);
    ck_json_int(json_object_get(doc, "summary"), "corrected", 5);
    json_decref(doc);
    lc_report_clear(r);
}
END_TEST

/* ----------------------------------------------------------- reproducibility */

START_TEST(identical_reports_are_byte_identical_without_timings)
{
    char * (*writers[4])(const lc_report_t) =
        { lc_report_json, lc_report_markdown, lc_report_latex, lc_report_html };
    lc_report_t a, b;
    char * x, * y;
    int k;

    build_fixture(a, 0);
    build_fixture(b, 0);
    b->claims[0].seconds = 99.0;        /* timings off: durations do not matter */
    for (k = 0; k < 4; k++)
    {
        x = writers[k](a);
        y = writers[k](b);
        ck_assert_str_eq(x, y);
        flint_free(x);
        flint_free(y);
    }
    lc_report_clear(a);
    lc_report_clear(b);
}
END_TEST

START_TEST(an_empty_report_is_still_a_report)
{
    lc_report_t r;
    char * t;

    lc_report_init(r);
    t = lc_report_markdown(r);
    ck_assert_contains(t, "**0 statements of the paper checked: 0 proved, 0 hold, 0 refuted, "
                          "0 undecided, 0 not checkable; 0 controls**\n");
    ck_assert_contains(t, "Expected verdicts: 0 of 0 records met, 0 not met");
    ck_assert_contains(t, "\n## Errata\n\nNo statement of the paper was refuted.\n");
    ck_assert_contains(t, "\n## Statements of the paper\n\nNo statement of the paper was "
                          "checked.\n");
    ck_assert_lacks(t, "## Corrected statements");
    ck_assert_contains(t, "\n## Controls\n\nNo control was run.\n");
    flint_free(t);
    t = lc_report_latex(r);
    ck_assert_contains(t, "\\end{document}");
    flint_free(t);
    t = lc_report_html(r);
    ck_assert_contains(t, "</html>");
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

/* ------------------------------------------------------------------ writing */

/* Issue 12: the extension is matched without regard to case, on the last
   component of the path only; the command line checks with the same function. */
START_TEST(report_format_ignores_case_and_directories)
{
    ck_assert_str_eq(lc_report_format("r.md"), "md");
    ck_assert_str_eq(lc_report_format("r.MD"), "md");
    ck_assert_str_eq(lc_report_format("dir/r.Json"), "json");
    ck_assert_str_eq(lc_report_format("a.b/r.TeX"), "tex");
    ck_assert_str_eq(lc_report_format("r.tar.HTML"), "html");
    ck_assert_ptr_null(lc_report_format("r.txt"));
    ck_assert_ptr_null(lc_report_format("md"));
    ck_assert_ptr_null(lc_report_format("x.md/report"));
    ck_assert_ptr_null(lc_report_format("r.md."));
    ck_assert_ptr_null(lc_report_format("r.mdx"));
    ck_assert_ptr_null(lc_report_format(""));
    ck_assert_ptr_null(lc_report_format(NULL));
}
END_TEST

/* Issue 12: ids are unique in a report, given or default (claim-N). */
START_TEST(a_new_id_must_not_be_the_id_of_a_record)
{
    lc_report_t r;
    lc_err_t err;
    lc_claim_struct * c;

    lc_report_init(r);
    ck_assert_int_eq(lc_report_check_new_id(r, "a", err), LC_OK);
    ck_assert_int_eq(lc_report_check_new_id(r, NULL, err), LC_OK);
    c = lc_report_add(r);           /* claim-1 */
    c->line = 3;
    c = lc_report_add(r);
    lc_claim_set(&c->id, "a");
    c->role = LC_ROLE_CONTROL;
    c->line = 7;
    ck_assert_int_eq(lc_report_check_new_id(r, "a", err), LC_E_ARG);
    ck_assert_contains(err->msg, "the id \"a\" is already the id of the control on line 7");
    ck_assert_int_eq(lc_report_check_new_id(r, "claim-1", err), LC_E_ARG);
    ck_assert_contains(err->msg, "of the claim on line 3");
    ck_assert_int_eq(lc_report_check_new_id(r, "claim-2", err), LC_OK);
    /* the default id of the third record is claim-3: free */
    ck_assert_int_eq(lc_report_check_new_id(r, NULL, err), LC_OK);
    c = lc_report_add(r);
    lc_claim_set(&c->id, "claim-4");
    c->line = 9;
    /* the fourth would be claim-4, which the third has taken */
    ck_assert_int_eq(lc_report_check_new_id(r, NULL, err), LC_E_ARG);
    ck_assert_contains(err->msg, "the default id \"claim-4\"");
    ck_assert_contains(err->msg, "line 9");
    lc_report_clear(r);
}
END_TEST

START_TEST(write_dispatches_on_each_extension)
{
    static const char * const ext[4] = { "md", "json", "tex", "html" };
    char * (*writers[4])(const lc_report_t) =
        { lc_report_markdown, lc_report_json, lc_report_latex, lc_report_html };
    char dir[] = "/tmp/test_claim_XXXXXX";
    char path[128];
    lc_report_t r;
    lc_err_t err;
    char * want, * got;
    int k;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    build_fixture(r, 0);
    for (k = 0; k < 4; k++)
    {
        snprintf(path, sizeof(path), "%s/report.%s", dir, ext[k]);
        lc_err_init(err);
        ck_assert_int_eq(lc_report_write(r, path, err), LC_OK);
        want = writers[k](r);
        got = slurp(path);
        ck_assert_str_eq(got, want);
        free(got);
        flint_free(want);
    }
    /* Four reports and no temporary files left behind. */
    ck_assert_int_eq(count_entries(dir), 4);

    /* Writing again replaces the file. */
    r->claims[0].verdict = LC_REFUTED;
    snprintf(path, sizeof(path), "%s/report.md", dir);
    ck_assert_int_eq(lc_report_write(r, path, err), LC_OK);
    got = slurp(path);
    ck_assert_contains(got, "- **Verdict:** REFUTED (expected PROVED or HOLDS: NOT met)");
    free(got);
    ck_assert_int_eq(count_entries(dir), 4);

    for (k = 0; k < 4; k++)
    {
        snprintf(path, sizeof(path), "%s/report.%s", dir, ext[k]);
        ck_assert_int_eq(unlink(path), 0);
    }
    ck_assert_int_eq(rmdir(dir), 0);
    lc_report_clear(r);
}
END_TEST

START_TEST(write_refuses_unknown_extensions)
{
    static const char * const bad[] = { "report.txt", "report", "report.md.bak", "dir.md/x",
                                        "report.pdf", "" };
    char dir[] = "/tmp/test_claim_XXXXXX";
    char path[128];
    lc_report_t r;
    lc_err_t err;
    size_t k;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    build_fixture(r, 0);
    for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
    {
        snprintf(path, sizeof(path), "%s/%s", dir, bad[k]);
        lc_err_init(err);
        ck_assert_int_eq(lc_report_write(r, bad[k][0] ? path : "", err), LC_E_ARG);
        ck_assert_int_eq(err->code, LC_E_ARG);
        ck_assert_contains(err->msg, ".md, .json, .tex or .html");
    }
    lc_err_init(err);
    ck_assert_int_eq(lc_report_write(r, NULL, err), LC_E_ARG);
    ck_assert_int_eq(count_entries(dir), 0);
    ck_assert_int_eq(rmdir(dir), 0);
    lc_report_clear(r);
}
END_TEST

START_TEST(write_to_an_unwritable_path_is_an_io_error)
{
    char dir[] = "/tmp/test_claim_XXXXXX";
    char path[128];
    lc_report_t r;
    lc_err_t err;

    build_fixture(r, 0);
    lc_err_init(err);
    ck_assert_int_eq(lc_report_write(r, "/nonexistent-liecheck-dir/report.json", err), LC_E_IO);
    ck_assert_int_eq(err->code, LC_E_IO);
    ck_assert_contains(err->msg, "/nonexistent-liecheck-dir/report.json");
    ck_assert_contains(err->msg, strerror(ENOENT));

    /* A directory in the way of the file: nothing is left behind. */
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/taken.html", dir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    lc_err_init(err);
    ck_assert_int_eq(lc_report_write(r, path, err), LC_E_IO);
    ck_assert_int_eq(count_entries(dir), 1);
    ck_assert_int_eq(rmdir(path), 0);
    ck_assert_int_eq(rmdir(dir), 0);
    lc_report_clear(r);
}
END_TEST

/* -------------------------------------------------------- the workbench */

/* SHA-256: the vectors of FIPS 180-2 (appendix B: "abc", the two-block
   448-bit message, a million 'a'), the empty string (its well-known
   digest), and the padding boundaries 55, 56, 63, 64, 119, 120 bytes,
   whose digests come from Python's hashlib. */
START_TEST(sha256_matches_the_fips_vectors_and_padding_boundaries)
{
    static const struct { size_t n; const char * hex; } as[] =
        { { 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
          { 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
          { 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
          { 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
          { 119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb" },
          { 120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c" },
          { 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" } };
    const char * two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    unsigned char d[32];
    char hex[65], * a;
    size_t k;

    lc_sha256_hex(hex, "abc", 3);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    lc_sha256_hex(hex, "", 0);
    ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    lc_sha256_hex(hex, two, strlen(two));
    ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    lc_sha256(d, "abc", 3);
    ck_assert_int_eq(d[0], 0xba);
    ck_assert_int_eq(d[31], 0xad);
    a = malloc(1000000);
    memset(a, 'a', 1000000);
    for (k = 0; k < sizeof(as) / sizeof(as[0]); k++)
    {
        lc_sha256_hex(hex, a, as[k].n);
        ck_assert_str_eq(hex, as[k].hex);
    }
    free(a);
}
END_TEST

static const char * const fixture_sha =
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

static void
set_fixture_provenance(lc_report_t r)
{
    lc_claim_set(&r->script_sha256, fixture_sha);
    lc_claim_set(&r->command, "liecheck ma_ying.lc --report 'my report.md'");
    lc_claim_set(&r->date, "2024-05-06T07:08:09Z");
}

/* The version, the script's digest, precision, seed and libraries in every
   format; the commit, the date and the command line (facts of one build and
   one run) only with timings, so that reports without them stay
   byte-identical. */
START_TEST(provenance_is_in_every_format_and_run_facts_only_with_timings)
{
    static const char * const pkeys[] =
        { "liecheck", "commit", "script", "script_sha256", "date", "command", "precision",
          "seed", "libraries" };
    static const char * const lkeys[] = { "flint", "arb", "mpfr", "gmp" };
    char * (*writers[3])(const lc_report_t) =
        { lc_report_markdown, lc_report_latex, lc_report_html };
    lc_report_t r;
    json_t * doc, * p;
    char * t, * s;
    int timings, k;

    ck_assert(strlen(lc_commit()) > 0);
    for (timings = 0; timings < 2; timings++)
    {
        build_fixture(r, timings);
        set_fixture_provenance(r);
        doc = parse_json(r);
        p = json_object_get(doc, "provenance");
        ck_assert(json_is_object(p));
        ck_json_keys(p, pkeys, 9);
        ck_assert_json_str(p, "liecheck", lc_version());
        ck_assert_json_str(p, "script", "examples/papers/ma_ying.lc");
        ck_assert_json_str(p, "script_sha256", fixture_sha);
        ck_json_int(p, "precision", 256);
        ck_json_int(p, "seed", 42);
        ck_json_keys(json_object_get(p, "libraries"), lkeys, 4);
        ck_assert_json_str(json_object_get(p, "libraries"), "mpfr", lc_mpfr_version());
        if (timings)
        {
            ck_assert_json_str(p, "commit", lc_commit());
            ck_assert_json_str(p, "date", "2024-05-06T07:08:09Z");
            ck_assert_json_str(p, "command", "liecheck ma_ying.lc --report 'my report.md'");
        }
        else
        {
            ck_assert(json_is_null(json_object_get(p, "commit")));
            ck_assert(json_is_null(json_object_get(p, "date")));
            ck_assert(json_is_null(json_object_get(p, "command")));
        }
        json_decref(doc);

        for (k = 0; k < 3; k++)
        {
            t = writers[k](r);
            s = between(t, k == 0 ? "\n## Provenance\n" : k == 1 ? "\\section*{Provenance}"
                        : "<h2>Provenance</h2>", NULL);
            /* LaTeX may break a digest after every 16 characters. */
            ck_assert_contains(s, k == 1 ? "0123456789abcdef\\allowbreak{}0123456789abcdef"
                               : fixture_sha);
            ck_assert_contains(s, "SHA-256");
            ck_assert_contains(s, "256 bits");
            ck_assert_contains(s, lc_flint_version());
            if (timings)
            {
                ck_assert_contains(s, "2024-05-06T07:08:09Z");
                ck_assert_contains(s, "my report");
                ck_assert_contains(s, lc_commit());
            }
            else
            {
                ck_assert_lacks(s, "commit");
                ck_assert_lacks(s, "2024-05-06");
                ck_assert_lacks(s, "my report");
            }
            free(s);
            flint_free(t);
        }
        lc_report_clear(r);
    }
}
END_TEST

/* Whether the tags of the XML text s (from s up to end) are balanced and
   properly nested: each <name ...> closed by </name>, <name .../> closing
   itself, no stray '<' inside text. */
static int
tags_balanced(const char * s, const char * end)
{
    char stack[64][32];
    int depth = 0;

    while (s < end)
    {
        const char * gt;
        size_t n;
        int closing;

        if (*s != '<')
        {
            s++;
            continue;
        }
        gt = memchr(s, '>', end - s);
        if (gt == NULL)
            return 0;
        closing = s[1] == '/';
        n = strcspn(s + 1 + closing, " \n/>");
        if (n == 0 || n >= 32)
            return 0;
        if (gt[-1] == '/')
            ;
        else if (closing)
        {
            if (depth == 0 || strncmp(stack[depth - 1], s + 2, n) != 0
                || stack[depth - 1][n] != '\0')
                return 0;
            depth--;
        }
        else
        {
            if (depth == 64)
                return 0;
            memcpy(stack[depth], s + 1, n);
            stack[depth++][n] = '\0';
        }
        s = gt + 1;
    }
    return depth == 0;
}

/* Every <svg>...</svg> in html: count them and check each is balanced. */
static int
svgs_balanced(const char * html, int * count)
{
    const char * a = html, * z;

    *count = 0;
    while ((a = strstr(a, "<svg ")) != NULL)
    {
        z = strstr(a, "</svg>");
        if (z == NULL || !tags_balanced(a, z + 6))
            return 0;
        (*count)++;
        a = z + 6;
    }
    return 1;
}

START_TEST(tag_checker_catches_what_it_must)
{
    const char * ok = "<svg a=\"1\"><g><line/><text>x</text></g></svg>";
    const char * bad1 = "<svg><g></svg></g>";
    const char * bad2 = "<svg><text>x</svg>";

    ck_assert(tags_balanced(ok, ok + strlen(ok)));
    ck_assert(!tags_balanced(bad1, bad1 + strlen(bad1)));
    ck_assert(!tags_balanced(bad2, bad2 + strlen(bad2)));
}
END_TEST

/* One plot per record with a sweep that has bounds, and one of all of them;
   well-formed SVG whose points sit where the documented geometry puts
   them: the canvas is 400 x 240 with the plot area from x = 72 to 386 and
   y = 10 to 200; x = log2(prec) over [6, 10]; y = log10(bound) over
   decades [-400, 0] (steps of 100 decades: at most six labels).  So
   (64, 3e-19) is at (72.0, 10 + 18.52/400 * 190) = (72.0, 18.8) and
   (1024, 1e-308) at (386.0, 10 + 308/400 * 190) = (386.0, 156.3). */
START_TEST(svg_plots_are_well_formed_and_placed_by_the_geometry)
{
    lc_report_t r;
    lc_claim_struct * c;
    char * html, * s;
    int n;

    build_fixture(r, 0);
    html = lc_report_html(r);
    ck_assert(svgs_balanced(html, &n));
    ck_assert_int_eq(n, 2);
    ck_assert_lacks(html, "<script");
    s = between(html, "<h3 id=\"rec-2\">", "<h3 id=\"rec-3\">");
    ck_assert_int_eq(count_occurrences(s, "<svg "), 1);
    ck_assert_contains(s, "<title>Precision sweep of claim-2: bound against precision");
    ck_assert_contains(s, "points=\"72.0,18.8 ");
    ck_assert_contains(s, " 386.0,156.3\"/>");
    ck_assert_int_eq(count_occurrences(s, "<circle "), 5);
    ck_assert_contains(s, ">-300</tspan>");
    ck_assert_contains(s, ">1024</text>");
    free(s);
    s = between(html, "<h2>Precision sweeps</h2>", "<h2>Provenance</h2>");
    ck_assert_int_eq(count_occurrences(s, "<svg "), 1);
    ck_assert_contains(s, "<a href=\"#rec-2\">claim-2</a>");
    free(s);
    flint_free(html);

    /* A bound below the smallest double still has its place; a sweep
       without bounds has no plot. */
    c = lc_report_add(r);
    lc_claim_add_sweep(c, 2048, LC_HOLDS, "2.5e-617");
    lc_claim_add_sweep(c, 4096, LC_HOLDS, "1e-1233");
    c = lc_report_add(r);
    lc_claim_add_sweep(c, 64, LC_UNDECIDED, NULL);
    html = lc_report_html(r);
    ck_assert(svgs_balanced(html, &n));
    ck_assert_int_eq(n, 3);
    s = between(html, "<h3 id=\"rec-6\">", "<h3 id=\"rec-7\">");
    ck_assert_contains(s, ">-1400</tspan>");
    free(s);
    s = between(html, "<h3 id=\"rec-7\">", "<h2>");
    ck_assert_lacks(s, "<svg");
    free(s);
    flint_free(html);

    /* LaTeX draws the same plots with TikZ. */
    s = lc_report_latex(r);
    ck_assert_contains(s, "\\usepackage{tikz}");
    ck_assert_int_eq(count_occurrences(s, "\\begin{tikzpicture}"), 3);
    ck_assert_int_eq(count_occurrences(s, "\\end{tikzpicture}"), 3);
    ck_assert_contains(s, "(1.440,4.424) -- ");
    flint_free(s);
    lc_report_clear(r);

    /* No sweep, no plot and no section of plots. */
    build_one(r, "s", "c");
    html = lc_report_html(r);
    ck_assert_lacks(html, "<svg");
    ck_assert_lacks(html, "Precision sweeps");
    flint_free(html);
    lc_report_clear(r);
}
END_TEST

/* Each summary row links to its record (#rec-N) and each record back to
   its row (#sum-N): every link has its target, every record both. */
START_TEST(html_anchors_link_summary_and_details_both_ways)
{
    lc_report_t r;
    char * html, want[96];
    const char * p;
    slong i;

    build_fixture(r, 1);
    html = lc_report_html(r);
    for (p = strstr(html, "href=\"#"); p != NULL; p = strstr(p + 1, "href=\"#"))
    {
        size_t n = strcspn(p + 7, "\"");

        ck_assert(n < 40);
        snprintf(want, sizeof(want), "id=\"%.*s\"", (int) n, p + 7);
        ck_assert_int_eq(count_occurrences(html, want), 1);
    }
    for (i = 1; i <= r->len; i++)
    {
        snprintf(want, sizeof(want), "<tr id=\"sum-%ld\"><td><a href=\"#rec-%ld\">", i, i);
        ck_assert_contains(html, want);
        snprintf(want, sizeof(want), "<a class=\"back\" href=\"#sum-%ld\">", i);
        ck_assert_contains(html, want);
    }
    flint_free(html);
    lc_report_clear(r);
}
END_TEST

/* Self-contained (nothing fetched), a viewport for phones, wrapping
   text, coloured verdicts, and summaries that cut nothing for good: the
   short form opens to the full text. */
START_TEST(html_is_self_contained_phone_ready_and_cuts_nothing)
{
    char * st = long_text("ENDOFSTATEMENT");
    lc_report_t r;
    char * html, * s;

    build_one(r, st, "c");
    html = lc_report_html(r);
    ck_assert_contains(html, "<meta name=\"viewport\" content=\"width=device-width");
    ck_assert_contains(html, "overflow-wrap: anywhere");
    ck_assert_contains(html, ".v-REFUTED {");
    ck_assert_lacks(html, "<script");
    ck_assert_lacks(html, "<link");
    ck_assert_lacks(html, " src=");
    ck_assert_lacks(html, "https://");
    ck_assert_lacks(html, "url(");
    s = between(html, "<table class=\"summary\">", "</table>");
    ck_assert_contains(s, "<details><summary>");
    ck_assert_contains(s, "\xe2\x80\xa6</summary>");
    ck_assert_contains(s, "ENDOFSTATEMENT</details>");
    free(s);
    flint_free(html);
    lc_report_clear(r);
    free(st);
}
END_TEST

/* The LaTeX summary is id / statement (in full) / verdict. */
START_TEST(latex_summary_is_id_statement_verdict_in_full)
{
    char * st = long_text("ENDOFSTATEMENT");
    lc_report_t r;
    char * tex, * s;

    build_one(r, st, "c");
    tex = lc_report_latex(r);
    s = between(tex, "\\section*{Statements of the paper}", "\\end{longtable}");
    ck_assert_contains(s, "\\textbf{id} & \\textbf{statement} & \\textbf{verdict} \\\\");
    ck_assert_contains(s, "ENDOFSTATEMENT & PROVED (as expected) \\\\");
    ck_assert_lacks(s, "\xe2\x80\xa6");
    ck_assert_lacks(s, "\\ldots");
    free(s);
    flint_free(tex);
    lc_report_clear(r);
    free(st);
}
END_TEST

/* The fragment is a section to \input: no preamble, no document
   environment, its own title a numbered section, every group closed. */
START_TEST(latex_fragment_is_an_input_able_section)
{
    lc_report_t r;
    char * tex, * full;

    build_fixture(r, 0);
    lc_claim_set(&r->title, "Ma & Ying");
    tex = lc_report_latex_fragment(r);
    full = lc_report_latex(r);
    ck_assert(tex[0] == '%');
    ck_assert_lacks(tex, "\\documentclass");
    ck_assert_lacks(tex, "\\usepackage");
    ck_assert_lacks(tex, "\\begin{document}");
    ck_assert_lacks(tex, "\\end{document}");
    ck_assert_lacks(tex, "\\maketitle");
    ck_assert_contains(tex, "\n\\section{Ma \\& Ying}\n");
    ck_assert_contains(tex, "\n\\subsection*{Errata}\n");
    ck_assert_contains(tex, "\n\\subsubsection*{1. prop-3.1-span}\n");
    ck_assert_int_eq(count_occurrences(tex, "\\begingroup"), count_occurrences(tex, "\\endgroup"));
    ck_assert_int_eq(count_occurrences(tex, "\\begin{"), count_occurrences(tex, "\\end{"));
    /* The same body as the standalone document. */
    ck_assert_contains(full, "1024 & HOLDS & 1e-308 \\\\\n");
    ck_assert_contains(tex, "1024 & HOLDS & 1e-308 \\\\\n");
    flint_free(tex);
    flint_free(full);
    lc_report_clear(r);
}
END_TEST

START_TEST(index_lists_each_report_with_its_lines_and_links)
{
    lc_report_index_entry e[2] =
        { { "ma_ying", "examples/papers/ma_ying.lc", "3 statements of the paper checked", "Coverage: 2 of 2", 1 },
          { "a b<", "x.lc", NULL, NULL, 0 } };
    char * md = lc_report_index_markdown(e, 2), * html = lc_report_index_html(e, 2);

    ck_assert(strncmp(md, "# liecheck verification reports\n", 32) == 0);
    ck_assert_contains(md, "\n## ma\\_ying\n");
    ck_assert_contains(md, "**3 statements of the paper checked**");
    ck_assert_contains(md, "Coverage: 2 of 2");
    ck_assert_contains(md, "[HTML](ma_ying.html) \xc2\xb7 [Markdown](ma_ying.md) \xc2\xb7 "
                       "[LaTeX](ma_ying.tex) \xc2\xb7 [JSON](ma_ying.json)");
    ck_assert_contains(md, "[JSON](a%20b%3C.json)");
    ck_assert_contains(html, "<h2><a href=\"ma_ying.html\">ma_ying</a></h2>");
    ck_assert_contains(html, "<a href=\"a%20b%3C.tex\">LaTeX</a>");
    ck_assert_contains(html, "a b&lt;");
    ck_assert_contains(html, "<p><strong>3 statements of the paper checked</strong></p>");
    ck_assert_int_eq(count_occurrences(html, "class=\"unmet\""), 1);
    flint_free(md);
    flint_free(html);
}
END_TEST

/* ------------------------------------------------------------------ suite */

static Suite *
claim_suite(void)
{
    Suite * s = suite_create("claim");
    TCase * tc;

    tc = tcase_create("verdicts");
    tcase_add_test(tc, verdict_names_are_the_contract_strings);
    tcase_add_test(tc, verdict_name_of_a_garbage_value_is_a_string);
    tcase_add_test(tc, verdict_parse_round_trips_every_verdict);
    tcase_add_test(tc, verdict_parse_rejects_what_is_not_an_exact_name);
    tcase_add_test(tc, default_expectation_is_met_by_proved_and_holds_only);
    tcase_add_test(tc, not_checkable_never_meets_the_default);
    tcase_add_test(tc, explicit_expectation_is_met_by_exactly_that_verdict);
    suite_add_tcase(s, tc);

    tc = tcase_create("records");
    tcase_add_test(tc, claim_init_sets_the_documented_defaults);
    tcase_add_test(tc, claim_set_copies_replaces_and_clears);
    tcase_add_test(tc, claim_append_joins_with_semicolons);
    tcase_add_test(tc, add_sweep_keeps_points_in_order_with_copied_bounds);
    tcase_add_test(tc, report_add_numbers_claims_from_one_through_growth);
    tcase_add_test(tc, count_met_and_unmet_follow_lc_claim_met);
    suite_add_tcase(s, tc);

    tc = tcase_create("json");
    tcase_add_test(tc, json_reads_back_with_every_key_of_the_contract);
    tcase_add_test(tc, json_has_seconds_only_with_timings);
    tcase_add_test(tc, json_status_says_how_the_run_ended);
    tcase_add_test(tc, json_of_an_empty_record_has_nulls_not_crashes);
    tcase_add_test(tc, json_strings_are_escaped_and_valid_utf8);
    tcase_add_test(tc, json_seed_beyond_int64_is_a_decimal_string);
    tcase_add_test(tc, json_summary_counts_statements_controls_and_corrected);
    tcase_add_test(tc, json_claims_carry_role_corrects_and_checks);
    tcase_add_test(tc, json_check_without_computation_is_kind_none);
    tcase_add_test(tc, report_counts_give_odd_roles_and_verdicts_a_place);
    tcase_add_test(tc, refuted_statement_lookup_ignores_controls_and_verdicts_not_refuted);
    suite_add_tcase(s, tc);

    tc = tcase_create("human");
    tcase_add_test(tc, markdown_has_environment_summary_and_table_rows);
    tcase_add_test(tc, human_reports_state_an_incomplete_run_after_the_verdict_line);
    tcase_add_test(tc, markdown_details_show_verdict_certificate_sweep_and_place);
    tcase_add_test(tc, markdown_escapes_pipes_and_newlines_in_cells);
    tcase_add_test(tc, markdown_shortens_long_statements_in_the_table_only);
    tcase_add_test(tc, markdown_certificate_fence_is_longer_than_its_backticks);
    tcase_add_test(tc, markdown_has_a_time_column_with_timings);
    tcase_add_test(tc, human_formats_survive_null_fields);
    tcase_add_test(tc, latex_escapes_every_special);
    tcase_add_test(tc, latex_is_a_standalone_document);
    tcase_add_test(tc, latex_maps_unicode_it_cannot_typeset);
    tcase_add_test(tc, html_escapes_script_and_quotes);
    tcase_add_test(tc, html_has_the_summary_rows);
    tcase_add_test(tc, identical_reports_are_byte_identical_without_timings);
    tcase_add_test(tc, an_empty_report_is_still_a_report);
    suite_add_tcase(s, tc);

    tc = tcase_create("audit");
    tcase_add_test(tc, every_format_opens_with_the_verdict_on_the_paper);
    tcase_add_test(tc, verdict_line_is_grammatical_for_counts_of_one_and_zero);
    tcase_add_test(tc, errata_list_refuted_statements_with_their_corrections_not_controls);
    tcase_add_test(tc, sections_come_in_the_order_of_an_audit);
    tcase_add_test(tc, a_paper_without_errata_says_so_in_every_format);
    tcase_add_test(tc, details_list_every_check_with_kind_outcome_and_bound);
    tcase_add_test(tc, long_certificate_and_check_text_survive_whole_in_every_format);
    tcase_add_test(tc, check_text_is_escaped_for_each_format);
    tcase_add_test(tc, a_correction_of_no_refuted_statement_is_listed_with_a_note);
    tcase_add_test(tc, coverage_items_are_counted_listed_and_checked);
    suite_add_tcase(s, tc);

    tc = tcase_create("workbench");
    tcase_add_test(tc, sha256_matches_the_fips_vectors_and_padding_boundaries);
    tcase_add_test(tc, provenance_is_in_every_format_and_run_facts_only_with_timings);
    tcase_add_test(tc, tag_checker_catches_what_it_must);
    tcase_add_test(tc, svg_plots_are_well_formed_and_placed_by_the_geometry);
    tcase_add_test(tc, html_anchors_link_summary_and_details_both_ways);
    tcase_add_test(tc, html_is_self_contained_phone_ready_and_cuts_nothing);
    tcase_add_test(tc, latex_summary_is_id_statement_verdict_in_full);
    tcase_add_test(tc, latex_fragment_is_an_input_able_section);
    tcase_add_test(tc, index_lists_each_report_with_its_lines_and_links);
    suite_add_tcase(s, tc);

    tc = tcase_create("write");
    tcase_add_test(tc, write_dispatches_on_each_extension);
    tcase_add_test(tc, report_format_ignores_case_and_directories);
    tcase_add_test(tc, a_new_id_must_not_be_the_id_of_a_record);
    tcase_add_test(tc, write_refuses_unknown_extensions);
    tcase_add_test(tc, write_to_an_unwritable_path_is_an_io_error);
    suite_add_tcase(s, tc);

    return s;
}

int
main(void)
{
    SRunner * sr = srunner_create(claim_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    flint_cleanup();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
