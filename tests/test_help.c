/* test_help.c -- unit tests for help, the examples of the registry, digits,
 * decimals and the REPL's aligned matrices (src/help.c, src/value.c).
 *
 * What is pinned down: every built-in and every keyword has an example, and
 * each runs without error in a fresh session with every claim it makes
 * meeting its expectation (so help cannot drift from the code); help and
 * apropos find built-ins and keywords; decimal() rounds to nearest by its
 * definition; at prec(400), digits(110) print shows at least 110 digits of
 * exp([[0, 1], [-1, 0]]) and each printed ball contains mpmath's value
 * (tests/fixtures/mpmath_digits.txt, written by mpmath, not by liecheck). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <check.h>
#include "builtins.h"
#include "help.h"

/* Run src in a fresh session; its output (flint_malloc'ed) in *out when
   out is not NULL.  Returns the status; *unmet := claims not met. */
static int
run(char ** out, slong * unmet, const char * src)
{
    lc_session_t S;
    lc_diag_t d;
    FILE * f = tmpfile();
    long n;
    int st;

    ck_assert_ptr_nonnull(f);
    lc_session_init(S);
    S->out = f;
    st = lc_eval_source(S, src, strlen(src), d);
    if (st != LC_OK)
        fprintf(stderr, "example failed: %s\n---\n%s\n---\n", d->err->msg, src);
    if (unmet != NULL)
        *unmet = lc_report_count_unmet(S->report);
    lc_session_clear(S);
    if (out != NULL)
    {
        n = ftell(f);
        rewind(f);
        *out = flint_malloc((size_t) n + 1);
        ck_assert_int_eq((long) fread(*out, 1, (size_t) n, f), n);
        (*out)[n] = '\0';
    }
    fclose(f);
    return st;
}

/* ----------------------------------------------------------------- examples */

START_TEST(every_builtin_has_an_example_that_runs)
{
    slong i, unmet, n = lc_builtin_nrows();
    const char * top = getenv("top_srcdir");
    int st;

    /* examples name files of the source tree (load_model) */
    ck_assert_int_eq(chdir(top != NULL ? top : "."), 0);

    for (i = 0; i < n; i++)
    {
        const lc_builtin_struct * r = lc_builtin_row(i);

        ck_assert_msg(r->example != NULL && r->example[0] != '\0', "%s has no example", r->sig);
        ck_assert_msg(strstr(r->example, r->name) != NULL, "the example of %s does not use it", r->sig);
        st = run(NULL, &unmet, r->example);
        /* quit() and exit() end the script they are in: LC_QUIT is their success */
        ck_assert_msg(st == LC_OK || (st == LC_QUIT && (strcmp(r->name, "quit") == 0
                                                      || strcmp(r->name, "exit") == 0)),
                      "the example of %s fails", r->sig);
        ck_assert_msg(unmet == 0, "the example of %s makes a claim that is not met", r->sig);
    }
}
END_TEST

START_TEST(every_keyword_has_an_example_that_runs)
{
    slong i, unmet;

    for (i = 0; i < lc_nkeywords; i++)
    {
        const lc_keyword_struct * k = lc_keywords + i;

        ck_assert_msg(k->help != NULL && k->syntax != NULL, "keyword %s", k->name);
        if (k->example == NULL)   /* a word of the REPL only */
        {
            ck_assert_msg(strstr(k->help, "REPL only") != NULL, "keyword %s has no example", k->name);
            continue;
        }
        ck_assert_msg(run(NULL, &unmet, k->example) == LC_OK, "the example of keyword %s fails", k->name);
        ck_assert_msg(unmet == 0, "the example of keyword %s makes a claim that is not met", k->name);
    }
}
END_TEST

/* A failing example must fail the test above: the runner sees errors and
   unmet claims. */
START_TEST(the_example_runner_sees_errors_and_unmet_claims)
{
    slong unmet;

    ck_assert_int_ne(run(NULL, &unmet, "dim(eye(2))"), LC_OK);
    ck_assert_int_eq(run(NULL, &unmet, "claim \"1 = 2\" { check(1 == 2, \"1 = 2\") }"), LC_OK);
    ck_assert_int_eq(unmet, 1);
}
END_TEST

/* ------------------------------------------------------------ descriptions */

/* The number of sentences of a description: the '.'s that end the text or
   are followed by a space, except after an abbreviation ("e.g.", "eq.",
   "Sec. 4"), which does not end a sentence. */
static slong
count_sentences(const char * s)
{
    static const char * const abbrev[] = { "e.g", "i.e", "eq", "Eq", "Sec", "Thm", "Cor", "Prop",
                                           "Def", "App", "Fig", "cf", "vs", "etc" };
    slong i, j, k, n = 0, len = (slong) strlen(s);

    for (i = 0; i < len; i++)
    {
        if (s[i] != '.' || (s[i + 1] != '\0' && s[i + 1] != ' '))
            continue;
        for (j = i; j > 0 && s[j - 1] != ' ' && s[j - 1] != '('; j--)
            ;
        for (k = 0; k < (slong) (sizeof(abbrev) / sizeof(abbrev[0])); k++)
            if ((slong) strlen(abbrev[k]) == i - j && strncmp(s + j, abbrev[k], (size_t) (i - j)) == 0)
                break;
        if (k == (slong) (sizeof(abbrev) / sizeof(abbrev[0])))
            n++;
    }
    return n;
}

START_TEST(the_sentence_counter_counts_sentences)
{
    ck_assert_int_eq(count_sentences("the centre of L, a Lie algebra"), 0);
    ck_assert_int_eq(count_sentences("One line."), 1);
    ck_assert_int_eq(count_sentences("The first. p = 0 is the second."), 2);
    ck_assert_int_eq(count_sentences("By eq. (3.2), e.g. Sec. 4 of the paper, it is 2.5 wide."), 1);
}
END_TEST

/* Issue 13: every built-in has a paragraph, not a phrase: at least two
   sentences and 120 characters, starting with a capital letter and ending
   with a full stop (apropos prints the first sentence). */
START_TEST(every_builtin_has_a_paragraph)
{
    slong i, n = lc_builtin_nrows();

    for (i = 0; i < n; i++)
    {
        const lc_builtin_struct * r = lc_builtin_row(i);
        size_t len = strlen(r->help);

        ck_assert_msg(len >= 120, "the description of %s has %d characters, fewer than 120",
                      r->sig, (int) len);
        ck_assert_msg(count_sentences(r->help) >= 2, "the description of %s is not two sentences",
                      r->sig);
        ck_assert_msg(r->help[0] >= 'A' && r->help[0] <= 'Z' && r->help[len - 1] == '.',
                      "the description of %s does not start with a capital and end with a '.'",
                      r->sig);
    }
}
END_TEST

/* The lines of f (rewound) longer than 80 columns, examples aside
   (example lines are code, indented 4; descriptions are indented 2, or 33
   under apropos's signature); the first is copied to bad. */
static slong
long_lines(FILE * f, char * bad, size_t nbad)
{
    char line[4096];
    slong n = 0;
    size_t len;

    rewind(f);
    while (fgets(line, sizeof(line), f) != NULL)
    {
        len = strcspn(line, "\n");
        if (strncmp(line, "    ", 4) == 0 && line[4] != ' ')
            continue;
        if (len > 80 && n++ == 0)
            snprintf(bad, nbad, "%.*s", (int) len, line);
    }
    return n;
}

/* help NAME and apropos keep within 80 columns, however long a description
   (and the test sees a line that does not). */
START_TEST(help_and_apropos_wrap_at_80_columns)
{
    const char * words[] = { "exact", "ball", "group", "a" };
    char bad[4096] = "";
    slong i, n = lc_builtin_nrows();
    size_t k;
    FILE * f;

    for (i = 0; i < n; i++)
    {
        ck_assert_ptr_nonnull(f = tmpfile());
        ck_assert(lc_help_describe(f, lc_builtin_row(i)->name));
        ck_assert_msg(long_lines(f, bad, sizeof(bad)) == 0, "help %s: %s", lc_builtin_row(i)->name, bad);
        fclose(f);
    }
    for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
    {
        ck_assert_ptr_nonnull(f = tmpfile());
        ck_assert(lc_help_apropos(f, words[k]) > 0);
        ck_assert_msg(long_lines(f, bad, sizeof(bad)) == 0, "apropos %s: %s", words[k], bad);
        fclose(f);
    }
    ck_assert_ptr_nonnull(f = tmpfile());
    fprintf(f, "  %s\n", lc_builtin_row(0)->help);     /* unwrapped: caught */
    ck_assert_int_eq(long_lines(f, bad, sizeof(bad)), 1);
    fclose(f);
}
END_TEST

/* --------------------------------------------------------------------- help */

START_TEST(help_describes_builtins_and_keywords)
{
    char * s;

    ck_assert_int_eq(run(&s, NULL, "help lie"), LC_OK);
    ck_assert_ptr_nonnull(strstr(s, "lie(A, B, ...)"));
    ck_assert_ptr_nonnull(strstr(s, "lie([A, B, ...])"));
    ck_assert_ptr_nonnull(strstr(s, "example:"));
    flint_free(s);
    ck_assert_int_eq(run(&s, NULL, "help(\"claim\")"), LC_OK);
    ck_assert_ptr_nonnull(strstr(s, "[keyword]"));
    flint_free(s);
    /* sweep is a built-in and a clause of a claim: both are described */
    ck_assert_int_eq(run(&s, NULL, "help sweep"), LC_OK);
    ck_assert_ptr_nonnull(strstr(s, "sweep([64, 128, ...], expr)"));
    ck_assert_ptr_nonnull(strstr(s, "[keyword]"));
    flint_free(s);
    ck_assert_int_ne(run(NULL, NULL, "help no_such_thing"), LC_OK);
    ck_assert_int_ne(run(NULL, NULL, "help(print())"), LC_OK);
}
END_TEST

START_TEST(help_lists_every_name_and_completion_offers_it)
{
    char * s;
    slong i, n = lc_builtin_nrows();

    ck_assert_int_eq(run(&s, NULL, "help()"), LC_OK);
    for (i = 0; i < n; i++)
        ck_assert_msg(strstr(s, lc_builtin_row(i)->name) != NULL, "help() misses %s", lc_builtin_row(i)->name);
    for (i = 0; i < lc_nkeywords; i++)
        ck_assert_msg(strstr(s, lc_keywords[i].name) != NULL, "help() misses %s", lc_keywords[i].name);
    flint_free(s);
    /* the names completion offers, once each */
    {
        const char ** names = flint_malloc(sizeof(char *) * (n + lc_nkeywords + 1));
        slong j, m = 0;

        while ((names[m] = lc_help_name(m)) != NULL)
            m++;
        ck_assert(m <= n + lc_nkeywords);
        for (i = 0; i < n + lc_nkeywords; i++)
        {
            const char * w = i < n ? lc_builtin_row(i)->name : lc_keywords[i - n].name;

            for (j = 0; j < m && strcmp(names[j], w) != 0; j++)
                ;
            ck_assert_msg(j < m, "completion misses %s", w);
        }
        for (i = 0; i < m; i++)
            for (j = 0; j < i; j++)
                ck_assert_msg(strcmp(names[i], names[j]) != 0, "completion offers %s twice", names[i]);
        flint_free(names);
    }
}
END_TEST

START_TEST(apropos_searches_names_and_descriptions)
{
    char * s;

    ck_assert_int_eq(run(&s, NULL, "apropos(\"CARTAN\")"), LC_OK);
    ck_assert_ptr_nonnull(strstr(s, "is_semisimple(L)"));   /* only in its description */
    ck_assert_ptr_null(strstr(s, "bracket"));
    flint_free(s);
    ck_assert_int_eq(run(&s, NULL, "apropos expect"), LC_OK);
    ck_assert_ptr_nonnull(strstr(s, "(keyword)"));
    flint_free(s);
}
END_TEST

/* ----------------------------------------------------------------- decimals */

static void
check_decimal(slong p, slong q, slong n, const char * want)
{
    fmpq_t x;
    char * s;

    fmpq_init(x);
    fmpq_set_si(x, p, (ulong) q);
    s = lc_val_decimal_str(x, n);
    ck_assert_msg(strcmp(s, want) == 0, "decimal(%ld/%ld, %ld) = %s, want %s", (long) p, (long) q,
                  (long) n, s, want);
    flint_free(s);
    fmpq_clear(x);
}

START_TEST(decimal_rounds_to_nearest_and_says_so)
{
    check_decimal(1, 3, 5, "~0.33333");
    check_decimal(2, 3, 3, "~0.667");
    check_decimal(1, 8, 5, "0.125");            /* exact: no mark, no padding */
    check_decimal(1, 8, 2, "~0.13");            /* a tie goes away from zero */
    check_decimal(-1, 8, 2, "~-0.13");
    check_decimal(999, 1000, 2, "~1");          /* 0.999 rounds up to 1.0 */
    check_decimal(123456789, 1, 3, "~1.23e8");
    check_decimal(1200, 1, 2, "1.2e3");         /* exponent >= n: scientific */
    check_decimal(1200, 1, 4, "1200");
    check_decimal(1, 7, 20, "~0.14285714285714285714");
    check_decimal(1, 3000000, 3, "~3.33e-7");
    check_decimal(0, 1, 3, "0");
}
END_TEST

START_TEST(decimal_of_a_tiny_bound_is_readable)
{
    char * s;

    /* 2^-300 = 4.909093465297726553...e-91 */
    ck_assert_int_eq(run(&s, NULL, "print(decimal(1 / 2^300, 4))"), LC_OK);
    ck_assert_str_eq(s, "~4.909e-91\n");
    flint_free(s);
}
END_TEST

/* ------------------------------------------------------------------- digits */

/* The printed balls "[m +/- r]" of text, in order: at most max. */
static slong
printed_balls(char ** mids, arb_struct * balls, slong max, const char * text)
{
    const char * p = text, * a, * b;
    slong k = 0;

    while (k < max && (p = strstr(p, " +/- ")) != NULL)
    {
        for (a = p; a > text && a[-1] != '['; a--)
            ;
        b = strchr(p, ']');
        ck_assert_ptr_nonnull(b);
        {
            size_t n = (size_t) (b - a) + 2;
            char * t = flint_malloc(n + 1);

            memcpy(t, a - 1, n);
            t[n] = '\0';
            ck_assert_int_eq(arb_set_str(balls + k, t, 2000), 0);
            flint_free(t);
        }
        mids[k] = flint_malloc((size_t) (p - a) + 1);
        memcpy(mids[k], a, (size_t) (p - a));
        mids[k][p - a] = '\0';
        k++;
        p = b;
    }
    return k;
}

/* Significant digits of a decimal "-0.5403..." or "12.5". */
static slong
sig_digits(const char * m)
{
    slong n = 0;
    int lead = 1;

    for (; *m != '\0'; m++)
        if (*m >= '0' && *m <= '9')
        {
            if (lead && *m == '0')
                continue;
            lead = 0;
            n++;
        }
    return n;
}

START_TEST(digits_110_prints_110_correct_digits_of_exp)
{
    const char * top = getenv("top_srcdir");
    char path[4096], name[16], val[256], line[512], * s, * mids[4];
    arb_struct balls[4];
    arb_t c, sn, want;
    FILE * f;
    slong i, k;

    snprintf(path, sizeof(path), "%s/tests/fixtures/mpmath_digits.txt", top != NULL ? top : ".");
    f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    arb_init(c);
    arb_init(sn);
    arb_init(want);
    while (fgets(line, sizeof(line), f) != NULL)
        if (line[0] != '#' && sscanf(line, "%15s %255s", name, val) == 2)
            ck_assert_int_eq(arb_set_str(strcmp(name, "cos1") == 0 ? c : sn, val, 2000), 0);
    fclose(f);
    ck_assert(arb_rel_accuracy_bits(c) > 390 && arb_rel_accuracy_bits(sn) > 390);

    ck_assert_int_eq(run(&s, NULL, "prec(400)\ndigits(110)\nprint(exp([[0, 1], [-1, 0]]))"), LC_OK);
    for (i = 0; i < 4; i++)
        arb_init(balls + i);
    k = printed_balls(mids, balls, 4, s);
    ck_assert_int_eq(k, 4);
    for (i = 0; i < 4; i++)
    {
        if (i == 0 || i == 3)
            arb_set(want, c);
        else
            arb_set(want, sn);
        if (i == 2)
            arb_neg(want, want);
        ck_assert_msg(sig_digits(mids[i]) >= 110, "entry %ld: %ld digits", (long) i, (long) sig_digits(mids[i]));
        ck_assert_msg(arb_contains(balls + i, want), "entry %ld does not contain mpmath's value", (long) i);
        /* and the ball is as narrow as 110 digits say */
        ck_assert(mag_cmp_2exp_si(arb_radref(balls + i), -360) < 0);
        flint_free(mids[i]);
        arb_clear(balls + i);
    }
    flint_free(s);
    /* the default is 20 digits */
    ck_assert_int_eq(run(&s, NULL, "print(exp(ball(1)))"), LC_OK);
    ck_assert_ptr_eq(strstr(s, "[2.7182818284590452354 +/- "), s);   /* e to 20 digits */
    flint_free(s);
    arb_clear(c);
    arb_clear(sn);
    arb_clear(want);
}
END_TEST

/* ------------------------------------------------------------------- pretty */

START_TEST(matrices_echo_as_aligned_blocks_only_when_pretty)
{
    char * s;
    lc_val v;

    ck_assert_int_eq(run(&s, NULL, "print([[1, 2/3], [10, 4]])\nprint(str([[1, 2/3], [10, 4]]))"), LC_OK);
    ck_assert_str_eq(s, "[[1, 2/3], [10, 4]]\n[[1, 2/3], [10, 4]]\n");
    flint_free(s);
    v = lc_val_mat();
    lc_qmat_eye(v->u.m, 2);
    fmpq_set_si(fmpq_mat_entry(v->u.m, 0, 1), -2, 3);
    fmpq_set_si(fmpq_mat_entry(v->u.m, 1, 0), 10, 1);
    s = lc_val_get_pretty(v, 20);
    ck_assert_str_eq(s, "[ 1  -2/3]\n[10     1]");
    flint_free(s);
    lc_val_unref(v);
}
END_TEST

static Suite *
help_suite(void)
{
    Suite * s = suite_create("help");
    TCase * tc;

    tc = tcase_create("examples");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, every_builtin_has_an_example_that_runs);
    tcase_add_test(tc, every_keyword_has_an_example_that_runs);
    tcase_add_test(tc, the_example_runner_sees_errors_and_unmet_claims);
    suite_add_tcase(s, tc);

    tc = tcase_create("help");
    tcase_add_test(tc, help_describes_builtins_and_keywords);
    tcase_add_test(tc, help_lists_every_name_and_completion_offers_it);
    tcase_add_test(tc, apropos_searches_names_and_descriptions);
    tcase_add_test(tc, the_sentence_counter_counts_sentences);
    tcase_add_test(tc, every_builtin_has_a_paragraph);
    tcase_add_test(tc, help_and_apropos_wrap_at_80_columns);
    suite_add_tcase(s, tc);

    tc = tcase_create("numbers");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, decimal_rounds_to_nearest_and_says_so);
    tcase_add_test(tc, decimal_of_a_tiny_bound_is_readable);
    tcase_add_test(tc, digits_110_prints_110_correct_digits_of_exp);
    tcase_add_test(tc, matrices_echo_as_aligned_blocks_only_when_pretty);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner * sr = srunner_create(help_suite());
    int nf;

    srunner_run_all(sr, CK_NORMAL);
    nf = srunner_ntests_failed(sr);
    srunner_free(sr);
    flint_cleanup();
    return nf == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
