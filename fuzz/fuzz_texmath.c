/* fuzz_texmath.c -- libFuzzer target: the maths of claim texts (lib/texmath)
 * on any bytes.  The input is searched for $...$ spans as the report
 * writers do; each span, and the whole input as one formula, is written as
 * MathML and as LaTeX of both flavours; then a one-claim report with the
 * input as its title, statement and source is rendered in Markdown, LaTeX
 * and HTML.  Besides the sanitizers, the target checks what the writers
 * promise (texmath.h) and aborts when it does not hold: the LaTeX has
 * balanced braces, paired \left and \right and no unescaped $; the Markdown
 * maths has no | or <; the MathML has no < or & outside its markup.
 *
 * Built by ./configure --enable-fuzzing (doc/reliability.md). */
#include "config.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "liecheck.h"

int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size);

static void
latex_holds(const char * t)
{
    long depth = 0, fences = 0;
    const char * p;

    for (p = t; *p != '\0'; p++)
    {
        if (*p == '\\')
        {
            if (strncmp(p, "\\left", 5) == 0 && !(p[5] >= 'a' && p[5] <= 'z'))
                fences++;
            if (strncmp(p, "\\right", 6) == 0 && !(p[6] >= 'a' && p[6] <= 'z') && --fences < 0)
                abort();
            if (p[1] != '\0')
                p++;
            continue;
        }
        if (*p == '{')
            depth++;
        else if ((*p == '}' && --depth < 0) || *p == '$')
            abort();
    }
    if (depth != 0 || fences != 0)
        abort();
}

static void
mathml_holds(const char * m)
{
    const char * p;
    int in_tag = 0;

    for (p = m; *p != '\0'; p++)
    {
        if (*p == '<')
        {
            if (in_tag || !((p[1] >= 'a' && p[1] <= 'z') || p[1] == '/'))
                abort();
            in_tag = 1;
        }
        else if (*p == '>')
        {
            if (!in_tag)
                abort();
            in_tag = 0;
        }
        else if (*p == '&' && strncmp(p, "&amp;", 5) && strncmp(p, "&lt;", 4)
                 && strncmp(p, "&gt;", 4) && strncmp(p, "&quot;", 6) && strncmp(p, "&#39;", 5))
            abort();
    }
    if (in_tag)
        abort();
}

static void
formula(const char * s, size_t n)
{
    char * m = lc_texmath_mathml(s, n);
    char * t = lc_texmath_latex(s, n, LC_TEXMATH_PDFLATEX);
    char * d = lc_texmath_latex(s, n, LC_TEXMATH_MARKDOWN);

    mathml_holds(m);
    latex_holds(t);
    if (strchr(d, '|') != NULL || strchr(d, '<') != NULL)
        abort();
    flint_free(m);
    flint_free(t);
    flint_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    char * s = malloc(size + 1);
    size_t open, close, at = 0;
    lc_report_t r;
    lc_claim_struct * c;
    char * out;

    memcpy(s, data, size);
    s[size] = '\0';
    while (lc_texmath_find(&open, &close, s + at))
    {
        if (s[at + open] != '$' || s[at + close] != '$' || close <= open + 1)
            abort();
        formula(s + at + open + 1, close - open - 1);
        at += close + 1;
    }
    formula(s, size);

    lc_report_init(r);
    lc_claim_set(&r->title, s);
    c = lc_report_add(r);
    lc_claim_set(&c->statement, s);
    lc_claim_set(&c->source, s);
    lc_claim_set(&c->certificate, s);
    c->verdict = LC_PROVED;
    out = lc_report_markdown(r);
    flint_free(out);
    out = lc_report_latex(r);
    flint_free(out);
    out = lc_report_html(r);
    flint_free(out);
    lc_report_clear(r);
    free(s);
    return 0;
}
