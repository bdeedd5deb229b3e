/* help.c -- help, apropos, completion names and the generated reference,
 * all written from the registry of built-ins and the table of keywords; and
 * the session's printing settings: digits(), decimal(), pretty(). */
#include "config.h"
#include <ctype.h>
#include <string.h>
#include "help.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

/* ------------------------------------------------------------- keywords */

const lc_keyword_struct lc_keywords[] =
{
    { "claim", "claim \"STATEMENT\" [source \"WHERE\"] [id \"ID\"] [expect VERDICT] [sweep [p1, ...]] { ... }",
      "A statement of the paper, checked: its body runs, every check inside it (equal, check, is_zero, "
      "equivariant, ...) is recorded, and the library decides the verdict (PROVED, HOLDS, REFUTED, "
      "UNDECIDED, NOT_CHECKABLE) from those records.  A claim that HOLDS is re-run at twice the "
      "precision; the bound must fall.  An error inside the body makes the claim UNDECIDED and the "
      "script goes on.",
      "claim \"[e, f] = h in sl(2)\" { equal(bracket([[0, 1], [0, 0]], [[0, 0], [1, 0]]), [[1, 0], [0, -1]]) }" },
    { "control", "control \"WHAT IT CHECKS\" [clauses] { ... }",
      "A check of the method, not a statement of the paper: a positive control, or a negative one "
      "written with expect REFUTED.  Reports count controls apart from the paper's statements.",
      "control \"a non-commuting pair is caught\" expect REFUTED { commutes([[0, 1], [0, 0]], [[0, 0], [1, 0]]) }" },
    { "corrected", "corrected \"OUR STATEMENT\" of \"ID\" [clauses] { ... }",
      "Our corrected form of a refuted claim of the paper; ID is the id of an earlier claim.",
      "claim \"every 2x2 matrix commutes with [[0, 1], [0, 0]]\" id \"c1\" expect REFUTED { commutes([[0, 1], [0, 0]], [[0, 0], [1, 0]]) }\n"
      "corrected \"the identity commutes with [[0, 1], [0, 0]]\" of \"c1\" { commutes([[0, 1], [0, 0]], eye(2)) }" },
    { "of", "corrected \"...\" of \"ID\"",
      "Names the refuted claim that a corrected statement corrects: the id of a claim (not a "
      "control or another correction) that comes earlier in the run.  When that claim is "
      "refuted, the report shows the correction, with its own verdict, under its erratum.",
      "claim \"1 = 2\" id \"one\" expect REFUTED { check(1 == 2, \"1 = 2\") }\n"
      "corrected \"1 = 1\" of \"one\" { check(1 == 1, \"1 = 1\") }" },
    { "source", "claim \"...\" source \"WHERE\" { ... }",
      "A clause of a claim: where the paper states it (section, equation, theorem number).  "
      "The report shows it in the claim's row and details; it has no effect on the verdict.",
      "claim \"2 + 2 = 4\" source \"Eq. (1)\" { check(2 + 2 == 4, \"2 + 2 = 4\") }" },
    { "id", "claim \"...\" id \"ID\" { ... }",
      "A clause of a claim: the record's id in the report (default claim-N); coverage items and "
      "corrected statements refer to it.  Ids are unique.",
      "claim \"2 + 2 = 4\" id \"eq-1\" { check(2 + 2 == 4, \"2 + 2 = 4\") }" },
    { "expect", "claim \"...\" expect VERDICT { ... }",
      "A clause of a claim: the verdict the author expects, one of PROVED, HOLDS, REFUTED, UNDECIDED, "
      "NOT_CHECKABLE.  Without it PROVED and HOLDS meet the expectation; a claim that misses its "
      "expectation is NOT MET and the run exits with status 1.",
      "claim \"1 = 2\" expect REFUTED { check(1 == 2, \"1 = 2\") }" },
    { "sweep", "claim \"...\" sweep [p1, p2, ...] { ... }",
      "A clause of a claim: run the body at each precision (bits) and require the bound to fall.  "
      "(The built-in sweep(precs, expr) evaluates an expression at several precisions.)",
      "claim \"exp(0) = 1\" sweep [64, 128] { equal(exp(ball(0)), 1) }" },
    { "coverage", "coverage { item(\"LABEL\", \"WHAT\", [\"ID\", ...] or \"REASON\") ... }",
      "Declares the numbered items of the paper and the records that address each (or why one is "
      "not addressed); the report's coverage table is built from it.",
      "coverage {\n  item(\"Fig. 1\", \"training curves\", \"not addressed: empirical\")\n}" },
    { "def", "def NAME(PARAMS) = EXPR   def NAME(PARAMS) { STATEMENTS }",
      "Defines a user function; it can be passed wherever a function is taken (map, filter, "
      "equivariant, span_certificate, ...).  A body in braces runs its statements in order; "
      "'return v' gives the call's value (nil without return), and the names it assigns are "
      "local to the call.",
      "def sq(x) = x * x\nprint(sq(3))\ndef f(x) {\n  y = x * 2\n  return y + 1\n}\nprint(f(3))" },
    { "return", "return EXPR   return",
      "Inside a def body in braces: ends the call with the value of EXPR (nil without one).",
      "def sign(x) {\n  if x < 0 { return -1 }\n  return 1\n}\nprint(sign(-5))" },
    { "if", "if C then A else B   if C { ... } else if C2 { ... } else { ... }",
      "An expression (only the chosen branch is evaluated; else is required) or a statement "
      "with blocks.  C must be true or false; a condition decided by ball arithmetic makes the "
      "value certified, not exact.",
      "x = 3\nprint(if x > 2 then \"big\" else \"small\")\nif x == 3 { print(\"three\") } else { print(\"other\") }" },
    { "then", "if C then A else B",
      "Separates the condition of an if expression from its first branch.  The expression "
      "form needs both: if C then A else B evaluates only the chosen branch.",
      "print(if 1 < 2 then 10 else 20)" },
    { "else", "if C then A else B   if C { ... } else { ... }",
      "The branch of an if taken when the condition is false; 'else if' chains.  It is "
      "required in the expression form (if C then A else B) and optional in the statement "
      "form with blocks.",
      "print(if 1 > 2 then 10 else 20)" },
    { "for", "for NAME in LIST { ... }",
      "Runs the block once per element of the list, NAME bound to it; range(n) gives 1, ..., n.  "
      "Every iteration checks the limits (Ctrl-C, --timeout, memory).",
      "s = 0\nfor k in range(4) { s = s + k }\nprint(s)" },
    { "in", "for NAME in LIST { ... }",
      "Separates the loop variable of a for loop from the list it walks.  The value after in "
      "must be a list (range(n) gives 1, ..., n); anything else is an error.",
      "for A in [eye(2), 2 * eye(2)] { print(det(A)) }" },
    { "while", "while C { ... }",
      "Runs the block as long as C is true; at most 10^7 iterations, and every iteration checks "
      "the limits (Ctrl-C, --timeout, memory).",
      "N = [[0, 1], [0, 0]]\nk = 1\nwhile N^k != zeros(2, 2) { k = k + 1 }\nprint(k)" },
    { "and", "A and B",
      "Boolean and, short-circuit: B is evaluated only when A is true.  Certified when an "
      "operand it evaluated is.",
      "print(1 < 2 and 2 < 3)" },
    { "or", "A or B",
      "Boolean or, short-circuit: B is evaluated only when A is false.  Certified when an "
      "operand it evaluated is, so check(A or B) can then support HOLDS but not PROVED.",
      "print(1 > 2 or 2 < 3)" },
    { "not", "not A",
      "Boolean negation, binding looser than comparisons (not x < 1 is not (x < 1)); alone, as "
      "in map(not, L), it is the built-in function.",
      "print(not 1 > 2)" },
    { "true", "true",
      "The boolean literal true (so is false).  It is exact: check(true) records an exact "
      "check, unlike a comparison decided by ball arithmetic, which gives a certified boolean.",
      "print(true, not(true))" },
    { "false", "false",
      "The boolean literal false.  It is exact: check(false) records an exact false check, "
      "which refutes the claim it is in.",
      "print(false)" },
    { "help", "help NAME   help(\"NAME\")   help()",
      "Describes a built-in or keyword: signature, description and an example that the test "
      "suite runs.  help() lists everything by family; ?NAME in the REPL is the same as help NAME.",
      "help claim" },
    { "apropos", "apropos WORD   apropos(\"WORD\")",
      "Lists the built-ins and keywords whose name or description mention WORD.",
      "apropos precision" },
    { "quit", "quit",
      "Leaves the REPL (so do exit and Ctrl-D).  A word of the REPL only.",
      NULL },
    { "exit", "exit",
      "Leaves the REPL, like quit.  A word of the REPL only.",
      NULL },
};

const slong lc_nkeywords = (slong) (sizeof(lc_keywords) / sizeof(lc_keywords[0]));

const lc_keyword_struct *
lc_keyword_find(const char * name)
{
    slong i;

    for (i = 0; i < lc_nkeywords; i++)
        if (strcmp(lc_keywords[i].name, name) == 0)
            return lc_keywords + i;
    return NULL;
}

/* ------------------------------------------------------------------ help */

/* The first row of the registry named like row i (so a name is listed once). */
static int
first_of_name(slong i)
{
    slong j;

    for (j = 0; j < i; j++)
        if (strcmp(lc_builtin_row(j)->name, lc_builtin_row(i)->name) == 0)
            return 0;
    return 1;
}

/* Write the first len bytes of text in lines of at most 80 columns (a word
   longer than a line gets one of its own), each line after the first
   indented; the first line starts at column col, where the caller has
   written its indent already when col > 0. */
static void
put_wrapped_n(FILE * f, const char * text, size_t len, const char * indent, size_t col)
{
    const char * end = text + len, * w;
    size_t n;
    int first = 1;

    while (text < end)
    {
        while (text < end && *text == ' ')
            text++;
        for (w = text; w < end && *w != ' '; w++)
            ;
        n = (size_t) (w - text);
        if (n == 0)
            break;
        if (!first && col + 1 + n > 80)
        {
            fputc('\n', f);
            col = 0;
        }
        if (col == 0)
            col = (size_t) fprintf(f, "%s", indent);
        else if (!first)
            col += (size_t) fprintf(f, " ");
        col += fwrite(text, 1, n, f);
        first = 0;
        text = w;
    }
    fputc('\n', f);
}

/* Write text in lines of at most 80 columns, each indented. */
static void
put_wrapped(FILE * f, const char * text, const char * indent)
{
    put_wrapped_n(f, text, strlen(text), indent, 0);
}

/* The length of the first sentence of a description: up to and including
   the first '.' that ends the text or is followed by a space and a capital
   letter (so "i.e. the" and "e.g. 2" do not end it). */
static size_t
first_sentence(const char * s)
{
    size_t i;

    for (i = 0; s[i] != '\0'; i++)
        if (s[i] == '.' && (s[i + 1] == '\0'
                            || (s[i + 1] == ' ' && isupper((unsigned char) s[i + 2]))))
            return i + 1;
    return i;
}

/* Write the example, each line indented. */
static void
put_example(FILE * f, const char * ex, const char * indent)
{
    fputs(indent, f);
    for (; *ex != '\0'; ex++)
    {
        fputc(*ex, f);
        if (*ex == '\n')
            fputs(indent, f);
    }
    fputc('\n', f);
}

void
lc_help_overview(FILE * f)
{
    slong fam, i, n = lc_builtin_nrows();
    size_t col;

    fprintf(f, "help NAME (or help(\"NAME\"), or ?NAME in the REPL) describes a built-in or keyword "
               "with an example;\napropos WORD searches the descriptions.  Built-ins by family "
               "(the lib module each exposes):\n");
    for (fam = 0; fam < LC_FAM_COUNT; fam++)
    {
        col = 0;
        for (i = 0; i < n; i++)
        {
            const lc_builtin_struct * r = lc_builtin_row(i);

            if (r->family != (lc_family) fam || !first_of_name(i))
                continue;
            if (col == 0)
                col = (size_t) fprintf(f, "  %-12s", lc_family_name((lc_family) fam));
            else if (col + strlen(r->name) + 2 > 100)
                col = (size_t) fprintf(f, ",\n  %-12s", "");
            else
                col += (size_t) fprintf(f, ", ");
            col += (size_t) fprintf(f, "%s", r->name);
        }
        if (col > 0)
            fputc('\n', f);
    }
    col = (size_t) fprintf(f, "  %-12s", "keywords");
    for (i = 0; i < lc_nkeywords; i++)
    {
        if (i > 0 && col + strlen(lc_keywords[i].name) + 2 > 100)
            col = (size_t) fprintf(f, ",\n  %-12s", "");
        else if (i > 0)
            col += (size_t) fprintf(f, ", ");
        col += (size_t) fprintf(f, "%s", lc_keywords[i].name);
    }
    fputc('\n', f);
}

int
lc_help_describe(FILE * f, const char * name)
{
    const lc_keyword_struct * k = lc_keyword_find(name);
    slong i, n = lc_builtin_nrows();
    int found = 0;

    for (i = 0; i < n; i++)
    {
        const lc_builtin_struct * r = lc_builtin_row(i);

        if (strcmp(r->name, name) != 0)
            continue;
        /* the family after the signature, or under it when they would pass 80 columns */
        fprintf(f, "%s%s%s[%s]\n", found ? "\n" : "", r->sig,
                strlen(r->sig) + 6 + strlen(lc_family_name(r->family)) > 80 ? "\n  " : "    ",
                lc_family_name(r->family));
        put_wrapped(f, r->help, "  ");
        fprintf(f, "  example:\n");
        put_example(f, r->example != NULL ? r->example : "(none)", "    ");
        found = 1;
    }
    if (k != NULL)
    {
        fprintf(f, "%s%s    [keyword]\n", found ? "\n" : "", k->syntax);
        put_wrapped(f, k->help, "  ");
        if (k->example != NULL)
        {
            fprintf(f, "  example:\n");
            put_example(f, k->example, "    ");
        }
        found = 1;
    }
    return found;
}

/* Whether hay contains needle, ignoring ASCII case. */
static int
contains_nocase(const char * hay, const char * needle)
{
    size_t n = strlen(needle), i;

    for (; *hay != '\0'; hay++)
    {
        for (i = 0; i < n && hay[i] != '\0'
                    && tolower((unsigned char) hay[i]) == tolower((unsigned char) needle[i]); i++)
            ;
        if (i == n)
            return 1;
    }
    return n == 0;
}

slong
lc_help_apropos(FILE * f, const char * word)
{
    slong i, n = lc_builtin_nrows(), hits = 0;

    for (i = 0; i < n; i++)
    {
        const lc_builtin_struct * r = lc_builtin_row(i);

        if (contains_nocase(r->name, word) || contains_nocase(r->help, word))
        {
            /* the signature and the first sentence, wrapped under itself;
               after a signature longer than its column, on the next line */
            size_t col = (size_t) fprintf(f, "  %-30s ", r->sig);

            if (col > 33)
            {
                fputc('\n', f);
                col = 0;
            }
            put_wrapped_n(f, r->help, first_sentence(r->help), "                                 ", col);
            hits++;
        }
    }
    for (i = 0; i < lc_nkeywords; i++)
        if (contains_nocase(lc_keywords[i].name, word) || contains_nocase(lc_keywords[i].help, word))
        {
            put_wrapped_n(f, lc_keywords[i].syntax, strlen(lc_keywords[i].syntax),
                          "                                 ",
                          (size_t) fprintf(f, "  %-30s (keyword) ", lc_keywords[i].name));
            hits++;
        }
    return hits;
}

const char *
lc_help_name(slong i)
{
    slong j, n = lc_builtin_nrows();

    for (j = 0; j < n; j++)
        if (first_of_name(j) && i-- == 0)
            return lc_builtin_row(j)->name;
    for (j = 0; j < lc_nkeywords; j++)    /* sweep, help, apropos are built-ins too */
        if (lc_builtin_find(lc_keywords[j].name) == NULL && i-- == 0)
            return lc_keywords[j].name;
    return NULL;
}

int
lc_help_call(lc_val * res, lc_session_struct * S, lc_val * args, slong nargs, lc_err_t err)
{
    const char * name;

    if (nargs == 0)
    {
        lc_help_overview(S->out);
        *res = lc_val_nil();
        return LC_OK;
    }
    if (args[0]->type == LC_V_BUILTIN)
        name = args[0]->u.fn->name;
    else if (args[0]->type == LC_V_STR)
        name = args[0]->u.str.s;
    else
        return lc_err_set(err, LC_E_ARG, "expected a name, such as help(\"lie\") or help lie, got %s",
                          lc_val_kind(args[0]));
    if (!lc_help_describe(S->out, name))
        return lc_err_set(err, LC_E_ARG, "no built-in or keyword named '%.100s' (try apropos(\"%.100s\"))",
                          name, name);
    *res = lc_val_nil();
    return LC_OK;
}

static int
bi_apropos(ARGS)
{
    UNUSED_ARGS;
    if (lc_help_apropos(S->out, args[0]->u.str.s) == 0)
        fprintf(S->out, "nothing mentions '%s'\n", args[0]->u.str.s);
    *res = lc_val_nil();
    return LC_OK;
}

/* ------------------------------------------------------------- reference */

/* Text for roff: backslashes, minus signs and double quotes escaped, and a
   leading '.' or '\''. */
static void
roff(FILE * f, const char * s)
{
    if (*s == '.' || *s == '\'')
        fputs("\\&", f);
    for (; *s != '\0'; s++)
    {
        if (*s == '\\')
            fputs("\\e", f);
        else if (*s == '-')
            fputs("\\-", f);
        else if (*s == '"')
            fputs("\\(dq", f);
        else
            fputc(*s, f);
    }
}

/* A Markdown table cell: '|' escaped, newlines as <br>; in text (not code)
   '*' and '_' escaped too, so that "a*b = b*a" or "||X||_F" stay literal
   rather than start emphasis. */
static void
md_cell(FILE * f, const char * s, int code)
{
    if (code)
        fputs("`", f);
    for (; *s != '\0'; s++)
    {
        if (*s == '|')
            fputs("\\|", f);
        else if (!code && (*s == '*' || *s == '_'))
        {
            fputc('\\', f);
            fputc(*s, f);
        }
        else if (*s == '\n')
            fputs(code ? "`<br>`" : "<br>", f);
        else
            fputc(*s, f);
    }
    if (code)
        fputs("`", f);
}

static void
write_man(FILE * f)
{
    slong fam, i, n = lc_builtin_nrows();

    fprintf(f, ".SH KEYWORDS\n");
    for (i = 0; i < lc_nkeywords; i++)
    {
        fprintf(f, ".TP\n.B ");
        roff(f, lc_keywords[i].syntax);
        fputc('\n', f);
        roff(f, lc_keywords[i].help);
        fputc('\n', f);
    }
    fprintf(f, ".SH BUILT-IN FUNCTIONS\n"
               "Every built-in, by family (the library module it exposes), with its signature\n"
               "and a description: what it computes, its arguments and defaults, what it returns\n"
               "and its limits.  Run\n.B help NAME\nfor an example.\n");
    for (fam = 0; fam < LC_FAM_COUNT; fam++)
    {
        int head = 0;

        for (i = 0; i < n; i++)
        {
            const lc_builtin_struct * r = lc_builtin_row(i);

            if (r->family != (lc_family) fam)
                continue;
            if (!head)
            {
                fprintf(f, ".SS %s: %s\n", lc_family_name((lc_family) fam), lc_family_title((lc_family) fam));
                head = 1;
            }
            fprintf(f, ".TP\n.B ");
            roff(f, r->sig);
            fputc('\n', f);
            roff(f, r->help);
            fputc('\n', f);
        }
    }
}

static void
write_md(FILE * f)
{
    slong fam, i, n = lc_builtin_nrows();

    fprintf(f, "### Keywords\n\n| keyword | meaning | example |\n|---|---|---|\n");
    for (i = 0; i < lc_nkeywords; i++)
    {
        fputs("| ", f);
        md_cell(f, lc_keywords[i].syntax, 1);
        fputs(" | ", f);
        md_cell(f, lc_keywords[i].help, 0);
        fputs(" | ", f);
        if (lc_keywords[i].example != NULL)
            md_cell(f, lc_keywords[i].example, 1);
        else
            fputs("(REPL only)", f);
        fputs(" |\n", f);
    }
    for (fam = 0; fam < LC_FAM_COUNT; fam++)
    {
        int head = 0;

        for (i = 0; i < n; i++)
        {
            const lc_builtin_struct * r = lc_builtin_row(i);

            if (r->family != (lc_family) fam)
                continue;
            if (!head)
            {
                fprintf(f, "\n### Family `%s`: %s\n\n| signature | description | example |\n|---|---|---|\n",
                        lc_family_name((lc_family) fam), lc_family_title((lc_family) fam));
                head = 1;
            }
            fputs("| ", f);
            md_cell(f, r->sig, 1);
            fputs(" | ", f);
            md_cell(f, r->help, 0);
            fputs(" | ", f);
            md_cell(f, r->example != NULL ? r->example : "", 1);
            fputs(" |\n", f);
        }
    }
}

int
lc_help_write_reference(FILE * f, const char * fmt)
{
    if (strcmp(fmt, "man") == 0)
        write_man(f);
    else if (strcmp(fmt, "md") == 0)
        write_md(f);
    else
        return LC_E_ARG;
    return LC_OK;
}

/* --------------------------------------------------- digits and decimals */

static int
bi_digits(ARGS)
{
    slong n;

    UNUSED_ARGS;
    if (nargs == 0)
    {
        *res = lc_val_si(S->digits);
        return LC_OK;
    }
    n = lc_val_get_si(args[0]);
    if (n < 1 || n > LC_DIGITS_MAX)
        return lc_err_set(err, LC_E_LIMIT, "digits must be between 1 and %d, got %ld",
                          LC_DIGITS_MAX, (long) n);
    S->digits = n;
    *res = lc_val_nil();
    return LC_OK;
}

static int
decimal(lc_val * res, const lc_val x, slong n, lc_err_t err)
{
    char * s;

    if (n < 1 || n > LC_DIGITS_MAX)
        return lc_err_set(err, LC_E_LIMIT, "the number of digits must be between 1 and %d, got %ld",
                          LC_DIGITS_MAX, (long) n);
    if (x->type == LC_V_BALL)
        s = arb_get_str(x->u.ball, n, 0);
    else
        s = lc_val_decimal_str(x->u.q, n);
    *res = lc_val_cstr(s);
    flint_free(s);
    return LC_OK;
}

static int
bi_decimal(ARGS)
{
    UNUSED_ARGS;
    return decimal(res, args[0], nargs > 1 && args[1]->type != LC_V_NIL ? lc_val_get_si(args[1]) : S->digits,
                   err);
}

static int
bi_pretty(ARGS)
{
    UNUSED_ARGS;
    if (nargs == 0)
    {
        *res = lc_val_bool(S->pretty);
        return LC_OK;
    }
    S->pretty = args[0]->u.b;
    *res = lc_val_nil();
    return LC_OK;
}

const lc_builtin_struct lc_builtins_help[] =
{
    { LC_FAM_CORE, "apropos", "s", 1, 1, bi_apropos, "apropos(word)",
      "Prints the signature and the first sentence of every built-in, and the syntax of every "
      "keyword, whose name or description contains word, ignoring ASCII case; returns nil "
      "(printing \"nothing mentions ...\" when none does). apropos word, without parentheses, is "
      "the same.",
      "apropos(\"solvable\")" },
    { LC_FAM_CORE, "digits", "i", 0, 1, bi_digits, "digits(n)",
      "Sets the number of significant digits used to print balls to n (between 1 and 100000; "
      "default 20) for the rest of the session, and returns nil; digits() returns the setting. "
      "Printing never changes a value: the ball keeps its full precision, and exact rationals "
      "always print exactly.",
      "prec(400)\ndigits(110)\nprint(exp(ball(1)))" },
    { LC_FAM_CORE, "decimal", "ri", 1, 2, bi_decimal, "decimal(x, n)",
      "The number x as a decimal string with n significant digits (default digits(); n between 1 "
      "and 100000). An exact rational is rounded to nearest and marked with ~ when rounding "
      "changed it, so a bound such as radius(...) becomes readable; a ball is written in Arb's "
      "[mid +/- rad] form. The string is for reading only: compare the numbers themselves.",
      "decimal(1/3, 5)\nprint(decimal(radius(exp(ball(1))), 3))" },
    { LC_FAM_CORE, "pretty", "b", 0, 1, bi_pretty, "pretty(on)",
      "Sets whether the REPL echoes a matrix as an aligned two-dimensional block (default true in "
      "the REPL, false in scripts) and returns nil; pretty() returns the setting as a boolean. "
      "print and str always use the one-line form [[a, b], [c, d]].",
      "pretty(true)\n[[1, 2/3], [10, 4]]" },
};

const slong lc_nbuiltins_help = (slong) (sizeof(lc_builtins_help) / sizeof(lc_builtins_help[0]));
