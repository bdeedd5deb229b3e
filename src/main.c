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
 *   --timeout S           stop the run after S seconds
 *   --max-memory BYTES    refuse allocations past BYTES (K, M, G suffixes)
 *
 * Exit status: 0 when every claim met its expectation, 1 when one did not,
 * 2 on a usage error or a script error (a limit reached included), 130 when
 * interrupted (Ctrl-C). */
#include "config.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "liecheck.h"
#include "eval.h"
#include "repl.h"
#include "limit.h"
#include "help.h"

#define EXIT_UNMET 1
#define EXIT_USAGE 2
#define EXIT_SCRIPT 2
#define EXIT_INTERRUPT 130  /* 128 + SIGINT, as a shell reports a process ended by Ctrl-C */
#define MAX_REPORTS 8
/* Below this --max-memory leaves too little to start a session. */
#define LC_MIN_MAX_MEMORY ((size_t) 16 << 20)

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
    "  --timeout S  stop the run after S seconds (claims not reached are\n"
    "               reported UNDECIDED); a claim can set its own with timeout(S)\n"
    "  --max-memory BYTES  refuse to use more memory than BYTES (suffixes K, M,\n"
    "               G; the default is 8G or half of the physical memory,\n"
    "               whichever is smaller)\n"
    "  -h, --help   print this text and exit\n"
    "  --version    print the versions of liecheck and its libraries and exit\n"
    "  --list-builtins=man|md  print the reference of every built-in and keyword\n"
    "               (roff for the man page, Markdown for the manual) and exit\n"
    "\n"
    "Without arguments on a terminal, liecheck starts an interactive session.\n"
    "Exit status: 0 when every claim got its expected verdict, 1 when one did\n"
    "not, 2 on a usage error or a script error (reported as\n"
    "FILE:LINE:COLUMN: error: MESSAGE; a limit reached is one), 130 when\n"
    "interrupted (Ctrl-C).\n";

static int
usage_error(const char * fmt, const char * arg)
{
    fprintf(stderr, "liecheck: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'liecheck --help' for more information.\n");
    return EXIT_USAGE;
}

/* Flush standard output and report a failure to write it (a full disk, a
   closed pipe): "liecheck: standard output: No space left on device", exit
   status EXIT_SCRIPT unless st already says something went wrong. */
static int
stdout_status(int st)
{
    /* a failure already seen by print or by the echo of a value was reported
       there, with its file:line:column */
    int reported = ferror(stdout);

    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout))
    {
        if (!reported)
            fprintf(stderr, "liecheck: standard output: %s\n",
                    errno != 0 ? strerror(errno) : "write error");
        if (st == 0)
            st = EXIT_SCRIPT;
    }
    return st;
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

/* The report says how and where the run stopped (the first stop only). */
static void
stopped(lc_session_t S, lc_run_status status, const char * name, int line, int col,
        const char * msg)
{
    char where[LC_ERR_MSG_LEN + 128];

    if (S->report->status != LC_RUN_COMPLETE)
        return;
    snprintf(where, sizeof(where), "%s:%d:%d: %s", name, line, col, msg);
    S->report->status = status;
    lc_claim_set(&S->report->stopped, where);
}

static int
run(lc_session_t S, const char * name, const char * src, size_t len)
{
    lc_diag_t d;

    S->chunk = name;
    if (lc_eval_source(S, src, len, d) == LC_OK || S->quit)
        return 0;
    fflush(stdout);
    lc_diag_fprint(stderr, name, d);
    stopped(S, d->err->code == LC_E_INTERRUPT || lc_limit_run_stopped()
               ? LC_RUN_INTERRUPTED : LC_RUN_ERROR, name, d->pos.line, d->pos.col, d->err->msg);
    return d->err->code == LC_E_INTERRUPT ? EXIT_INTERRUPT : EXIT_SCRIPT;
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
    double timeout = 0;
    size_t max_memory;

    /* Before anything is allocated: GMP's and FLINT's allocations are
       counted from the first (lib/limit). */
    lc_limit_memory_install();
    max_memory = lc_limit_default_max_memory();

    /* First pass: validate the command line, so that nothing runs when it
       is wrong. */
    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i];

        if (!options_done && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0))
        {
            fputs(usage_text, stdout);
            return stdout_status(0);
        }
        if (!options_done && strcmp(a, "--version") == 0)
        {
            printf("%s\n", lc_versions_line());
            return stdout_status(0);
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
            if (++i == argc)
                return usage_error("%s", "option --report needs a file name");
            if (lc_report_format(argv[i]) == NULL)    /* the extension, in any case */
                return usage_error("the report '%s' must end in .md, .json, .tex or .html", argv[i]);
            if (nreports == MAX_REPORTS)
                return usage_error("%s", "too many --report options");
            reports[nreports++] = argv[i];
        }
        else if (!options_done && strcmp(a, "--no-timings") == 0)
            timings = 0;
        else if (!options_done && strcmp(a, "--timeout") == 0)
        {
            char * end;

            if (++i == argc)
                return usage_error("%s", "option --timeout needs a number of seconds");
            errno = 0;
            timeout = strtod(argv[i], &end);
            if (end == argv[i] || *end != '\0' || errno != 0 || !(timeout > 0 && timeout <= 1e9))
                return usage_error("--timeout '%s': give a number of seconds above 0 and at "
                                   "most 10^9", argv[i]);
        }
        else if (!options_done && strcmp(a, "--max-memory") == 0)
        {
            lc_err_t err;

            if (++i == argc)
                return usage_error("%s", "option --max-memory needs a size such as 512M or 4G");
            if (lc_limit_parse_bytes(&max_memory, argv[i], err) != LC_OK)
                return usage_error("--max-memory: %s", err->msg);
            if (max_memory < LC_MIN_MAX_MEMORY)
                return usage_error("--max-memory '%s': liecheck needs at least 16M", argv[i]);
        }
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

    lc_limit_set_max_memory(max_memory);
    /* the REPL's read of a line must see EINTR, so that Ctrl-C abandons it */
    lc_limit_catch_sigint(!(nexpr == 0 && file == NULL && isatty(STDIN_FILENO)));
    lc_session_init(S);
    if (timeout > 0)
        lc_limit_set_timeout(timeout);
    if (nexpr > 0)
    {
        S->echo = 1;
        for (i = 1; i < argc && st == 0 && !S->quit; i++)
            if (strcmp(argv[i], "--") == 0)
                break;
            else if (strcmp(argv[i], "--report") == 0 || strcmp(argv[i], "--timeout") == 0
                     || strcmp(argv[i], "--max-memory") == 0)
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
            stopped(S, LC_RUN_ERROR, file != NULL ? file : "<input>", (int) line, 1, err->msg);
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
    /* The report is written even when the run ended at the memory limit:
       it is small, and it says why the run stopped. */
    lc_limit_set_max_memory(0);
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
    return stdout_status(st);
}
