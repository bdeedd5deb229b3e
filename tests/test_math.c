/* test_math.c -- unit tests for lib/texmath (the $...$ maths of claim texts)
 * and its use by the report writers.
 *
 * Expected MathML comes from the MathML Core specification (msup, msubsup,
 * mfrac, ...; U+211D for double-struck R, U+1D524 for fraktur g from
 * Unicode's Mathematical Alphanumeric Symbols), expected LaTeX from what
 * pdflatex and GitHub's MathJax accept.  Hostile inputs are checked for
 * structure: MathML that is well formed with only the elements we emit and
 * every & and < escaped; LaTeX with balanced braces, as many \left as
 * \right and no '$'. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "liecheck.h"

/* ------------------------------------------------------------------ helpers */

static char *
mathml(const char * tex)
{
    return lc_texmath_mathml(tex, strlen(tex));
}

static char *
latex(const char * tex)
{
    return lc_texmath_latex(tex, strlen(tex), LC_TEXMATH_PDFLATEX);
}

static char *
mdmath(const char * tex)
{
    return lc_texmath_latex(tex, strlen(tex), LC_TEXMATH_MARKDOWN);
}

static const char * const elements[] =
{
    "math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "mtext", "mspace",
    "msup", "msub", "msubsup", "mfrac", "msqrt", "mroot", "mover"
};

/* 1 when s is one well-formed <math> element: tags of known elements,
   properly nested, attribute values quoted, text without a raw '>' and
   every '&' a reference. */
static int
mathml_ok(const char * s)
{
    const char * stack[256];
    int top = 0;
    const char * p = s;

    if (strncmp(s, "<math>", 6) != 0)
        return 0;
    while (*p != '\0')
    {
        if (*p == '<')
        {
            int closing = p[1] == '/', k, found = 0;
            const char * name = p + 1 + closing, * e = name;
            size_t n;

            while ((*e >= 'a' && *e <= 'z'))
                e++;
            n = (size_t) (e - name);
            for (k = 0; k < (int) (sizeof(elements) / sizeof(elements[0])); k++)
                if (strlen(elements[k]) == n && strncmp(elements[k], name, n) == 0)
                    found = 1;
            if (!found)
                return 0;
            /* attributes: name="value" with no < & inside */
            while (*e != '>' && *e != '\0')
            {
                if (*e == '<')
                    return 0;
                if (*e == '"')
                {
                    e++;
                    while (*e != '"' && *e != '\0')
                        if (*e == '<' || *e == '&' || *e++ == '>')
                            return 0;
                    if (*e == '\0')
                        return 0;
                }
                e++;
            }
            if (*e != '>')
                return 0;
            if (closing)
            {
                if (top == 0 || strlen(stack[top - 1]) != n
                    || strncmp(stack[top - 1], name, n) != 0)
                    return 0;
                top--;
            }
            else if (e[-1] != '/')
            {
                if (top == 256)
                    return 0;
                for (k = 0; k < (int) (sizeof(elements) / sizeof(elements[0])); k++)
                    if (strlen(elements[k]) == n && strncmp(elements[k], name, n) == 0)
                        stack[top++] = elements[k];
            }
            p = e + 1;
            if (top == 0)
                return *p == '\0';
        }
        else if (*p == '>')
            return 0;
        else if (*p == '&')
        {
            if (strncmp(p, "&amp;", 5) && strncmp(p, "&lt;", 4) && strncmp(p, "&gt;", 4)
                && strncmp(p, "&quot;", 6) && strncmp(p, "&#39;", 5))
                return 0;
            p++;
        }
        else
            p++;
    }
    return 0;
}

/* 1 when t is LaTeX maths that cannot break the document around it:
   braces balanced (counting neither \{ nor \}), \left and \right paired,
   no '$' but \$, no % # & ~ ^ _ that are not escaped or in their place. */
static int
latex_ok(const char * t)
{
    long depth = 0, fences = 0;
    const char * p;

    for (p = t; *p != '\0'; p++)
    {
        if (*p == '\\')
        {
            if (strncmp(p, "\\left", 5) == 0 && !(p[5] >= 'a' && p[5] <= 'z'))
                fences++;
            if (strncmp(p, "\\right", 6) == 0 && !(p[6] >= 'a' && p[6] <= 'z'))
                if (--fences < 0)
                    return 0;
            if (p[1] != '\0')
                p++;
            continue;
        }
        if (*p == '{')
            depth++;
        else if (*p == '}' && --depth < 0)
            return 0;
        else if (*p == '$' || *p == '%' || *p == '#' || *p == '&')
            return 0;
    }
    return depth == 0 && fences == 0;
}

static int
contains(const char * s, const char * t)
{
    return strstr(s, t) != NULL;
}

/* ------------------------------------------------------------------ finding */

START_TEST(find_takes_the_first_span)
{
    size_t o, c;

    ck_assert(lc_texmath_find(&o, &c, "norm $x^2$ here"));
    ck_assert_uint_eq(o, 5);
    ck_assert_uint_eq(c, 9);
    ck_assert(lc_texmath_find(&o, &c, "$a$ and $b$"));
    ck_assert_uint_eq(o, 0);
    ck_assert_uint_eq(c, 2);
}
END_TEST

START_TEST(find_follows_pandoc_rules_for_prose_dollars)
{
    size_t o, c;

    ck_assert(!lc_texmath_find(&o, &c, "costs $5 and $10"));
    ck_assert(!lc_texmath_find(&o, &c, "a $ b $ c"));
    ck_assert(!lc_texmath_find(&o, &c, "a lone $ dollar"));
    ck_assert(!lc_texmath_find(&o, &c, "$"));
    ck_assert(!lc_texmath_find(&o, &c, "$$"));
    ck_assert(!lc_texmath_find(&o, &c, ""));
    ck_assert(!lc_texmath_find(&o, &c, "$x"));
}
END_TEST

START_TEST(find_skips_escaped_dollars)
{
    size_t o, c;

    ck_assert(!lc_texmath_find(&o, &c, "\\$x\\$"));
    ck_assert(lc_texmath_find(&o, &c, "\\$5 or $a\\$b$"));
    ck_assert_uint_eq(o, 7);
    ck_assert_uint_eq(c, 12);
}
END_TEST

START_TEST(find_is_linear_on_many_lone_dollars)
{
    size_t n = 100000, i, o, c;
    char * s = malloc(n + 1);

    for (i = 0; i < n; i++)
        s[i] = (i % 2) ? ' ' : '$';
    s[n] = '\0';
    ck_assert(!lc_texmath_find(&o, &c, s));
    /* "$a $a ... $x$": no '$' closes until the last (the others follow a
       space), and that one closes the first opener */
    for (i = 0; i < n - 4; i++)
        s[i] = (i % 3 == 0) ? '$' : (i % 3 == 1) ? 'a' : ' ';
    memcpy(s + n - 4, " $x$", 5);
    ck_assert(lc_texmath_find(&o, &c, s));
    ck_assert_uint_eq(o, 0);
    ck_assert_uint_eq(c, n - 1);
    free(s);
}
END_TEST

/* ------------------------------------------------------------------ MathML */

START_TEST(mathml_scripts_and_fractions)
{
    char * m;

    m = mathml("x^2");
    ck_assert(contains(m, "<msup><mi>x</mi><mn>2</mn></msup>"));
    ck_assert(mathml_ok(m));
    flint_free(m);
    m = mathml("x_i^{n+1}");
    ck_assert(contains(m, "<msubsup><mi>x</mi><mi>i</mi><mrow><mi>n</mi><mo>+</mo>"
                          "<mn>1</mn></mrow></msubsup>"));
    flint_free(m);
    m = mathml("\\frac{a}{b+1}");
    ck_assert(contains(m, "<mfrac><mi>a</mi><mrow><mi>b</mi><mo>+</mo><mn>1</mn></mrow>"
                          "</mfrac>"));
    flint_free(m);
    m = mathml("\\sqrt{2}");
    ck_assert(contains(m, "<msqrt><mn>2</mn></msqrt>"));
    flint_free(m);
    m = mathml("x^23");     /* TeX: the script is one character */
    ck_assert(contains(m, "<msup><mi>x</mi><mn>2</mn></msup><mn>3</mn>"));
    flint_free(m);
}
END_TEST

START_TEST(mathml_symbols_of_the_papers)
{
    char * m;

    m = mathml("\\|\\Omega_2\\|_F \\le 2^{-250}");
    ck_assert(contains(m, "<mo stretchy=\"false\">\xe2\x80\x96</mo>"));
    ck_assert(contains(m, "<msub><mi mathvariant=\"normal\">\xce\xa9</mi><mn>2</mn></msub>"));
    ck_assert(contains(m, "<mo>\xe2\x89\xa4</mo>"));
    ck_assert(contains(m, "<mo>\xe2\x88\x92</mo><mn>250</mn>"));
    ck_assert(mathml_ok(m));
    flint_free(m);
    m = mathml("X^\\top X \\in \\mathbb{R}^{n \\times n}");
    ck_assert(contains(m, "<msup><mi>X</mi><mi mathvariant=\"normal\">\xe2\x8a\xa4</mi></msup>"));
    ck_assert(contains(m, "<msup><mi>\xe2\x84\x9d</mi>"));    /* U+211D */
    ck_assert(contains(m, "<mo>\xc3\x97</mo>"));
    flint_free(m);
    m = mathml("\\mathfrak{g} \\subseteq \\mathfrak{gl}_n");
    ck_assert(contains(m, "<mi>\xf0\x9d\x94\xa4</mi>"));    /* U+1D524 */
    ck_assert(contains(m, "<mo>\xe2\x8a\x86</mo>"));
    flint_free(m);
    m = mathml("\\exp X \\otimes \\operatorname{ad}(Y) \\cdot \\tr A");
    ck_assert(contains(m, "<mi>exp</mi><mspace width=\"0.1667em\"/><mi>X</mi>"));
    ck_assert(contains(m, "<mi>ad</mi><mo stretchy=\"false\">(</mo>"));
    ck_assert(contains(m, "<mo>\xe2\x8a\x97</mo>"));
    ck_assert(contains(m, "<mi>tr</mi>"));
    flint_free(m);
    m = mathml("\\left( \\sum_{i} \\alpha_i \\right)");
    ck_assert(contains(m, "<mrow><mo>(</mo><msub><mo>\xe2\x88\x91</mo><mi>i</mi></msub>"));
    ck_assert(contains(m, "<mo>)</mo></mrow>"));
    ck_assert(mathml_ok(m));
    flint_free(m);
    m = mathml("\\lVert A \\rVert \\ne 0");
    ck_assert(contains(m, "\xe2\x80\x96</mo><mi>A</mi>"));
    ck_assert(contains(m, "<mo>\xe2\x89\xa0</mo>"));
    flint_free(m);
}
END_TEST

START_TEST(mathml_keeps_the_source_and_escapes_it)
{
    char * m = mathml("a<b \\& c > d");

    ck_assert(contains(m, "<mo>&lt;</mo>"));
    ck_assert(contains(m, "<mo>&amp;</mo>"));
    ck_assert(contains(m, "<annotation encoding=\"application/x-tex\">a&lt;b \\&amp; c &gt; d"
                          "</annotation>"));
    ck_assert(mathml_ok(m));
    flint_free(m);
}
END_TEST

START_TEST(mathml_unknown_commands_are_text)
{
    char * m = mathml("\\foo{x} + \\<script>");

    ck_assert(contains(m, "<mtext>\\foo</mtext>"));
    ck_assert(!contains(m, "<script"));
    ck_assert(mathml_ok(m));
    flint_free(m);
}
END_TEST

/* Inputs that a parser could choke on: each must give well-formed MathML
   and LaTeX that cannot break the document. */
static const char * const hostile[] =
{
    "{{{a", "}}}a{", "x^", "^", "_", "x^^^^", "x_1_2_3^4^5", "\\frac{a", "\\frac", "\\sqrt[",
    "\\sqrt[3", "\\left(", "\\right)", "\\left\\foo x \\right", "\\left", "\\", "a\\",
    "\\text{", "\\text{a}b}", "\\mathbb", "\\mathbb{", "\\operatorname{", "\\operatorname{a+b}",
    "\\hat", "%#&~", "\"'`", "\\$", "$", "\x01\x7f", "\xff\xfe bad utf8 \xc3", "\xce\xb1\xe2\x88\x88",
    "\\left. x \\right|", "\\left| \\left| x \\right|", "\\big( x \\big)", "{}^{}_{}",
    "\\sqrt[n]{x}", "x''^2", "\\text{\\end{document}}", "\\end{document}", "\\verb|x|",
    "\\mathrm{a_b}", "a\nb", "\\\\ \\,\\;\\!\\quad",
    /* found by fuzz/fuzz_texmath: an unknown control symbol that is not
       ASCII was shown as \mbox{\textbackslash{}$\in$} */
    "\\\xe2\x88\x88", "\\text{\xce\xb1}", "\\mathrm\\big(", "x^\\big", "\\frac\\big\\limits"
};

START_TEST(hostile_inputs_give_safe_output)
{
    size_t k;

    for (k = 0; k < sizeof(hostile) / sizeof(hostile[0]); k++)
    {
        char * m = mathml(hostile[k]), * t = latex(hostile[k]), * d = mdmath(hostile[k]);

        ck_assert_msg(mathml_ok(m), "MathML of input %zu: %s", k, m);
        ck_assert_msg(latex_ok(t), "LaTeX of input %zu: %s", k, t);
        ck_assert_msg(strchr(d, '|') == NULL && strchr(d, '<') == NULL,
                      "Markdown of input %zu: %s", k, d);
        flint_free(m);
        flint_free(t);
        flint_free(d);
    }
}
END_TEST

static char *
repeat(const char * unit, size_t times, const char * tail)
{
    size_t u = strlen(unit), t = strlen(tail), i;
    char * s = malloc(u * times + t + 1);

    for (i = 0; i < times; i++)
        memcpy(s + i * u, unit, u);
    memcpy(s + u * times, tail, t + 1);
    return s;
}

START_TEST(deep_and_long_inputs_are_bounded)
{
    const char * units[] = { "{", "}", "\\frac", "\\frac{", "x^", "^{", "\\sqrt{", "\\left(",
                             "\\mathbb{", "a", "\\alpha+", "$", "\\" };
    size_t k;

    for (k = 0; k < sizeof(units) / sizeof(units[0]); k++)
    {
        /* about 10^5 characters of each */
        char * s = repeat(units[k], 100000 / strlen(units[k]), "x");
        char * m = mathml(s), * t = latex(s);

        ck_assert_msg(mathml_ok(m), "MathML of unit %zu", k);
        ck_assert_msg(latex_ok(t), "LaTeX of unit %zu", k);
        flint_free(m);
        flint_free(t);
        free(s);
    }
}
END_TEST

START_TEST(nesting_past_the_depth_is_shown_as_source)
{
    char * s = repeat("{", LC_TEXMATH_DEPTH + 10, "x");
    char * m = mathml(s);

    ck_assert(contains(m, "<mtext>{{"));
    ck_assert(mathml_ok(m));
    flint_free(m);
    free(s);
}
END_TEST

/* ------------------------------------------------------------------- LaTeX */

START_TEST(latex_keeps_the_subset)
{
    char * t;

    t = latex("\\|\\Omega_2\\|_F \\le 2^{-250}");
    ck_assert_str_eq(t, "\\|{\\Omega }_{2}{\\|}_{F}\\le {2}^{-250}");
    flint_free(t);
    t = latex("\\frac{a}{b} \\in \\mathbb{R}");
    ck_assert_str_eq(t, "\\frac{a}{b}\\in \\mathbb{R}");
    flint_free(t);
    t = latex("\\tr(A)");
    ck_assert_str_eq(t, "\\operatorname{tr}(A)");
    flint_free(t);
    t = latex("\\S 2: (1, 2)");
    ck_assert_str_eq(t, "\\S 2:(1,\\allowbreak{}2)");
    flint_free(t);
    t = latex("\\left( x \\right.");
    ck_assert_str_eq(t, "\\left(x\\right.");
    flint_free(t);
    t = latex("\\left( x");
    ck_assert_str_eq(t, "\\left(x\\right.");
    flint_free(t);
}
END_TEST

START_TEST(latex_shows_unknown_commands_as_text)
{
    char * t = latex("\\foo x \\# 50\\%");

    ck_assert_str_eq(t, "\\mbox{\\textbackslash{}foo}x\\#50\\%");
    flint_free(t);
}
END_TEST

START_TEST(markdown_maths_has_no_table_or_html_characters)
{
    char * t = mdmath("|x| < \\|y\\| \\& \\foo");

    ck_assert_str_eq(t, "\\vert x\\vert \\lt \\Vert y\\Vert \\text{&}\\foo");
    flint_free(t);
    /* GitHub takes \{ \, \# ... for escaped punctuation before MathJax
       sees them: control words or \text instead */
    t = mdmath("\\{a\\,b\\;c\\!d\\} \\# \\% \\_ \\left\\{ x \\right\\}");
    ck_assert_str_eq(t, "\\lbrace a\\thinspace b\\thickspace c\\negthinspace d\\rbrace "
                        "\\text{#}\\text{%}\\text{_}\\left\\lbrace x\\right\\rbrace");
    flint_free(t);
}
END_TEST

/* ----------------------------------------------------------------- reports */

static void
one_claim(lc_report_t r, const char * statement)
{
    lc_claim_struct * c;

    lc_report_init(r);
    lc_claim_set(&r->title, "On $\\mathfrak{g}$");
    c = lc_report_add(r);
    lc_claim_set(&c->id, "c1");
    lc_claim_set(&c->statement, statement);
    lc_claim_set(&c->method, "exact: $X^\\top X$");
    lc_claim_set(&c->certificate, "$x$ stays as written in a certificate");
    c->verdict = LC_PROVED;
}

START_TEST(html_report_typesets_maths)
{
    lc_report_t r;
    char * h;

    one_claim(r, "$\\|X\\|_F \\le 1$ costs \\$5, not $5");
    h = lc_report_html(r);
    ck_assert(contains(h, "<math><semantics><mrow><mo stretchy=\"false\">\xe2\x80\x96</mo>"
                          "<mi>X</mi><msub><mo stretchy=\"false\">\xe2\x80\x96</mo><mi>F</mi>"
                          "</msub><mo>\xe2\x89\xa4</mo><mn>1</mn></mrow>"));
    /* a certificate is code: as written, in the summary too */
    ck_assert(contains(h, "<td>$x$ stays as written"));
    ck_assert(contains(h, "</math> costs $5, not $5"));
    ck_assert(contains(h, "<title>On $\\mathfrak{g}$</title>"));
    ck_assert(contains(h, "<h1>On <math>"));
    ck_assert(contains(h, "<pre>$x$ stays as written"));
    flint_free(h);
    lc_report_clear(r);
}
END_TEST

START_TEST(latex_report_passes_maths_through)
{
    lc_report_t r;
    char * t;

    one_claim(r, "$\\|X\\|_F \\le 1$ costs \\$5, not $5 & 10%");
    t = lc_report_latex(r);
    ck_assert(contains(t, "\\usepackage{amsmath}"));
    ck_assert(contains(t, "$\\|X{\\|}_{F}\\le 1$ costs \\$5, not \\$5 \\& 10\\%"));
    ck_assert(contains(t, "\\title{On $\\mathfrak{g}$}"));
    ck_assert(contains(t, "\\$x\\$\\ stays"));
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

START_TEST(markdown_report_keeps_maths_unescaped)
{
    lc_report_t r;
    char * t;

    one_claim(r, "$|x|_2 \\le 1$ for *all* x_i and \\$5");
    t = lc_report_markdown(r);
    ck_assert(contains(t, "- **Statement:** $\\vert x{\\vert }_{2}\\le 1$ for \\*all\\* x\\_i "
                          "and \\$5"));
    /* in the summary table too, and never cut inside maths */
    ck_assert(contains(t, "| $\\vert x{\\vert }_{2}\\le 1$ for"));
    ck_assert(contains(t, "| \\$x\\$ stays as written"));
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

START_TEST(summary_never_cuts_inside_maths)
{
    lc_report_t r;
    char * t;

    one_claim(r, "a long prefix of forty-five characters, then $\\sum_{i=1}^{n} x_i^2 "
                 "\\le \\frac{1}{2}$ and more");
    t = lc_report_markdown(r);
    ck_assert(contains(t, "| a long prefix of forty-five characters, then\xe2\x80\xa6 |"));
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

START_TEST(json_keeps_the_raw_text)
{
    lc_report_t r;
    char * t;

    one_claim(r, "$\\|X\\|_F$");
    t = lc_report_json(r);
    ck_assert(contains(t, "\"statement\": \"$\\\\|X\\\\|_F$\""));
    flint_free(t);
    lc_report_clear(r);
}
END_TEST

static Suite *
math_suite(void)
{
    Suite * s = suite_create("texmath");
    TCase * tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, find_takes_the_first_span);
    tcase_add_test(tc, find_follows_pandoc_rules_for_prose_dollars);
    tcase_add_test(tc, find_skips_escaped_dollars);
    tcase_add_test(tc, find_is_linear_on_many_lone_dollars);
    tcase_add_test(tc, mathml_scripts_and_fractions);
    tcase_add_test(tc, mathml_symbols_of_the_papers);
    tcase_add_test(tc, mathml_keeps_the_source_and_escapes_it);
    tcase_add_test(tc, mathml_unknown_commands_are_text);
    tcase_add_test(tc, hostile_inputs_give_safe_output);
    tcase_add_test(tc, deep_and_long_inputs_are_bounded);
    tcase_add_test(tc, nesting_past_the_depth_is_shown_as_source);
    tcase_add_test(tc, latex_keeps_the_subset);
    tcase_add_test(tc, latex_shows_unknown_commands_as_text);
    tcase_add_test(tc, markdown_maths_has_no_table_or_html_characters);
    tcase_add_test(tc, html_report_typesets_maths);
    tcase_add_test(tc, latex_report_passes_maths_through);
    tcase_add_test(tc, markdown_report_keeps_maths_unescaped);
    tcase_add_test(tc, summary_never_cuts_inside_maths);
    tcase_add_test(tc, json_keeps_the_raw_text);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner * sr = srunner_create(math_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
