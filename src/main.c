/* main.c -- the liecheck command line.
 *
 *   liecheck FILE.lc      run a script
 *   liecheck -            run the script on standard input (also the default
 *                         when standard input is not a terminal)
 *   liecheck -e 'LINE'    run one line, printing bare expressions; repeatable
 *   liecheck              the REPL, on a terminal
 *
 *   --report FILE         write the claims to FILE (.md, .json, .tex, .html);
 *                         repeatable
 *   --no-timings          leave timings out of reports (byte-identical runs)
 *
 * Exit status: 0 when every claim met its expectation, 1 when one did not,
 * 2 on a usage error or a script error. */
#include "config.h"
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "liecheck.h"
#include "eval.h"
#include "repl.h"
#include "help.h"

#define EXIT_UNMET 1
#define EXIT_USAGE 2
#define EXIT_SCRIPT 2
#define MAX_REPORTS 8

/* Scripts are read whole; anything bigger than this is not a script. */
#define LC_MAX_SCRIPT_BYTES (WORD(1) << 28)

static const char * usage_text =
    "usage: liecheck [FILE.lc | -]\n"
    "       liecheck -e LINE [-e LINE ...]\n"
    "\n"
    "Check the algebra of symmetry claims with exact rational arithmetic.\n"
    "\n"
    "  FILE.lc      run the script FILE.lc\n"
    "  -            read the script from standard input (the default when\n"
    "               standard input is not a terminal)\n"
    "  -e LINE      run one line; the value of a bare expression is printed;\n"
    "               may be given several times, run in order in one session\n"
    "  --report FILE  write the claims checked to FILE; the format follows the\n"
    "               extension: .md, .json, .tex or .html (may be repeated)\n"
    "  --no-timings leave timings out of reports, so that runs compare byte\n"
    "               for byte\n"
    "  -h, --help   print this text and exit\n"
    "  --version    print the versions of liecheck and its libraries and exit\n"
    "  --list-builtins=man|md  print the reference of every built-in and keyword\n"
    "               (roff for the man page, Markdown for the manual) and exit\n"
    "\n"
    "Without arguments on a terminal, liecheck starts an interactive session.\n"
    "Exit status: 0 when every claim got its expected verdict, 1 when one did\n"
    "not, 2 on a usage error or a script error (reported as\n"
    "FILE:LINE:COLUMN: error: MESSAGE).\n";

static int
usage_error(const char * fmt, const char * arg)
{
    fprintf(stderr, "liecheck: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'liecheck --help' for more information.\n");
    return EXIT_USAGE;
}

/* Read all of f into a flint_malloc'ed buffer; NULL on a read error or when
   the input is too large. */
static char *
slurp(FILE * f, size_t * len)
{
    size_t alloc = 4096, n = 0, got;
    char * s = flint_malloc(alloc);

    while ((got = fread(s + n, 1, alloc - n, f)) > 0)
    {
        n += got;
        if (n == alloc)
        {
            if (alloc >= (size_t) LC_MAX_SCRIPT_BYTES)
            {
                flint_free(s);
                errno = EFBIG;
                return NULL;
            }
            alloc *= 2;
            s = flint_realloc(s, alloc);
        }
    }
    if (ferror(f))
    {
        flint_free(s);
        return NULL;
    }
    *len = n;
    return s;
}

static int
run(lc_session_t S, const char * name, const char * src, size_t len)
{
    lc_diag_t d;

    S->chunk = name;
    if (lc_eval_source(S, src, len, d) == LC_OK)
        return 0;
    fflush(stdout);
    lc_diag_fprint(stderr, name, d);
    return EXIT_SCRIPT;
}

static int
run_file(lc_session_t S, const char * path)
{
    FILE * f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    const char * name = f == stdin ? "<stdin>" : path;
    char * src;
    size_t len;
    int st;

    if (f == NULL)
    {
        fprintf(stderr, "liecheck: cannot open '%s': %s\n", path, strerror(errno));
        return EXIT_USAGE;
    }
    src = slurp(f, &len);
    if (f != stdin)
        fclose(f);
    if (src == NULL)
    {
        fprintf(stderr, "liecheck: cannot read '%s': %s\n", name, strerror(errno));
        return EXIT_USAGE;
    }
    st = run(S, name, src, len);
    flint_free(src);
    return st;
}

int
main(int argc, char ** argv)
{
    lc_session_t S;
    const char * file = NULL, * reports[MAX_REPORTS];
    int i, nexpr = 0, nreports = 0, timings = 1, st = 0, options_done = 0;

    /* First pass: validate the command line, so that nothing runs when it
       is wrong. */
    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i];

        if (!options_done && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0))
        {
            fputs(usage_text, stdout);
            return 0;
        }
        if (!options_done && strcmp(a, "--version") == 0)
        {
            printf("%s\n", lc_versions_line());
            return 0;
        }
        if (!options_done && strncmp(a, "--list-builtins=", 16) == 0)
        {
            if (lc_help_write_reference(stdout, a + 16) != LC_OK)
                return usage_error("--list-builtins takes man or md, not '%s'", a + 16);
            return fflush(stdout) == 0 ? 0 : EXIT_SCRIPT;
        }
        if (!options_done && strcmp(a, "-e") == 0)
        {
            if (++i == argc)
                return usage_error("%s", "option -e needs an argument");
            nexpr++;
        }
        else if (!options_done && strcmp(a, "--report") == 0)
        {
            const char * ext;

            if (++i == argc)
                return usage_error("%s", "option --report needs a file name");
            ext = strrchr(argv[i], '.');
            if (ext == NULL || (strcmp(ext, ".md") != 0 && strcmp(ext, ".json") != 0
                                && strcmp(ext, ".tex") != 0 && strcmp(ext, ".html") != 0))
                return usage_error("the report '%s' must end in .md, .json, .tex or .html", argv[i]);
            if (nreports == MAX_REPORTS)
                return usage_error("%s", "too many --report options");
            reports[nreports++] = argv[i];
        }
        else if (!options_done && strcmp(a, "--no-timings") == 0)
            timings = 0;
        else if (!options_done && strcmp(a, "--") == 0)
            options_done = 1;
        else if (!options_done && a[0] == '-' && a[1] != '\0')
            return usage_error("unknown option '%s'", a);
        else if (file != NULL)
            return usage_error("more than one script given ('%s')", a);
        else
            file = a;
    }
    if (nexpr > 0 && file != NULL)
        return usage_error("%s", "-e cannot be combined with a script file");

    lc_session_init(S);
    if (nexpr > 0)
    {
        S->echo = 1;
        for (i = 1; i < argc && st == 0; i++)
            if (strcmp(argv[i], "--") == 0)
                break;
            else if (strcmp(argv[i], "--report") == 0)
                i++;
            else if (strcmp(argv[i], "-e") == 0)
            {
                i++;
                st = run(S, "<-e>", argv[i], strlen(argv[i]));
            }
    }
    else if (file != NULL)
        st = run_file(S, file);
    else if (!isatty(STDIN_FILENO))
        st = run_file(S, "-");
    else
        st = lc_repl(S);

    if (S->report->nitems > 0)
    {
        lc_err_t err;
        slong line = 0;

        /* Items may name claims that come later in the script: checked at the end. */
        if (lc_report_check_coverage(&line, S->report, err) != LC_OK)
        {
            fflush(S->out);
            fprintf(stderr, "%s:%ld:1: error: %s\n", file != NULL ? file : "<input>", (long) line,
                    err->msg);
            if (st == 0)
                st = EXIT_SCRIPT;
        }
    }
    if (S->report->len > 0)
    {
        char * line = lc_report_verdict_line(S->report);

        fprintf(S->out, "%s\n", line);
        flint_free(line);
        if (S->report->nitems > 0)
        {
            line = lc_report_coverage_line(S->report);
            fprintf(S->out, "%s\n", line);
            flint_free(line);
        }
        fprintf(S->out, "claims: %ld met, %ld not met\n", (long) lc_report_count_met(S->report),
                (long) lc_report_count_unmet(S->report));
    }
    lc_claim_set(&S->report->script, nexpr > 0 ? "<-e>" : file != NULL ? file : "<stdin>");
    S->report->seed = S->seed;
    S->report->precision = S->prec;
    S->report->timings = timings;
    for (i = 0; i < nreports; i++)
    {
        lc_err_t err;

        if (lc_report_write(S->report, reports[i], err) != LC_OK)
        {
            fprintf(stderr, "liecheck: %s\n", err->msg);
            st = EXIT_SCRIPT;
        }
    }
    if (st == 0 && lc_report_count_unmet(S->report) > 0)
        st = EXIT_UNMET;
    lc_session_clear(S);
    flint_cleanup();
    if (fflush(stdout) != 0 && st == 0)
        st = EXIT_SCRIPT;
    return st;
}
