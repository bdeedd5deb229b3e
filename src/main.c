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
 *   --report-fragment FILE.tex  write the LaTeX report as an \input-able section
 *   --report-dir DIR      run each of several scripts in a fresh session and
 *                         write DIR/NAME.{md,html,json,tex} and DIR/index.{html,md}
 *
 * Exit status: 0 when every claim met its expectation, 1 when one did not,
 * 2 on a usage error or a script error (a limit reached included), 130 when
 * interrupted (Ctrl-C). */
#include "config.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
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
    "               for byte (and the date and command line of the run)\n"
    "  --report-fragment FILE.tex  write the LaTeX report as a section to\n"
    "               \\input into a paper's appendix (may be repeated)\n"
    "  --report-dir DIR  run each script given (several may be) in a fresh\n"
    "               session; write DIR/NAME.md, .html, .json and .tex for each\n"
    "               and an index, DIR/index.html and DIR/index.md\n"
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

/* Whether --report-dir comes anywhere on the command line (before "--"): a
   second script is allowed then, even before the option. */
static int
lookahead_report_dir(int argc, char ** argv, int from)
{
    int i;

    for (i = 1; i < argc; i++)
    {
        if (strcmp(argv[i], "--") == 0)
            return 0;
        if (strcmp(argv[i], "--report-dir") == 0 && i + 1 < argc)
            return 1;
        if (strcmp(argv[i], "-e") == 0 || strcmp(argv[i], "--report") == 0
            || strcmp(argv[i], "--report-fragment") == 0)
            i++;
    }
    (void) from;
    return 0;
}

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

/* Items may name claims that come later in the script: the coverage block
   is checked at the end of the run.  An unknown id is an error located at
   its item, which stops the report; st becomes EXIT_SCRIPT unless it already
   says something went wrong. */
static int
check_coverage(lc_session_t S, const char * name, int st)
{
    lc_err_t err;
    slong line = 0;

    if (S->report->nitems == 0 || lc_report_check_coverage(&line, S->report, err) == LC_OK)
        return st;
    fflush(S->out);
    fprintf(stderr, "%s:%ld:1: error: %s\n", name, (long) line, err->msg);
    stopped(S, LC_RUN_ERROR, name, (int) line, 1, err->msg);
    return st == 0 ? EXIT_SCRIPT : st;
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

/* ------------------------------------------------------------ provenance */

/* The digest of the script's bytes, for the report. */
static void
set_sha256(lc_session_t S, const char * src, size_t len)
{
    char hex[65];

    lc_sha256_hex(hex, src, len);
    lc_claim_set(&S->report->script_sha256, hex);
}

/* The command line as a shell would take it back: words of safe characters
   as they are, the rest in single quotes. */
static char *
command_line(int argc, char ** argv)
{
    size_t n = 1;
    char * s, * p;
    int i;

    for (i = 0; i < argc; i++)
        n += 4 * strlen(argv[i]) + 3;
    s = p = flint_malloc(n);
    for (i = 0; i < argc; i++)
    {
        const char * a = argv[i];

        if (i > 0)
            *p++ = ' ';
        if (a[0] != '\0' && strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                    "0123456789_./=:,+-@%") == strlen(a))
            p += sprintf(p, "%s", a);
        else
        {
            *p++ = '\'';
            for (; *a != '\0'; a++)
                if (*a == '\'')
                    p += sprintf(p, "'\\''");
                else
                    *p++ = *a;
            *p++ = '\'';
        }
    }
    *p = '\0';
    return s;
}

/* Now, or SOURCE_DATE_EPOCH when set (reproducible builds), as ISO 8601 UTC. */
static void
set_date(lc_session_t S)
{
    const char * sde = getenv("SOURCE_DATE_EPOCH");
    time_t t = time(NULL);
    struct tm tm;
    char d[64];

    if (sde != NULL && sde[0] != '\0')
    {
        char * end;
        long long v = strtoll(sde, &end, 10);

        if (*end == '\0' && v >= 0)
            t = (time_t) v;
    }
    if (gmtime_r(&t, &tm) != NULL && strftime(d, sizeof(d), "%Y-%m-%dT%H:%M:%SZ", &tm) > 0)
        lc_claim_set(&S->report->date, d);
}

static void
set_provenance(lc_session_t S, int argc, char ** argv)
{
    char * c = command_line(argc, argv);

    lc_claim_set(&S->report->command, c);
    flint_free(c);
    set_date(S);
}

static int
write_fragment(const lc_report_t r, const char * path)
{
    lc_err_t err;
    char * t = lc_report_latex_fragment(r);
    int st = lc_report_write_text(path, t, err);

    /* the files of large refuting inputs, which the certificates name */
    if (st == LC_OK)
        st = lc_report_write_files(r, path, err);

    flint_free(t);
    if (st != LC_OK)
    {
        fprintf(stderr, "liecheck: %s\n", err->msg);
        return EXIT_SCRIPT;
    }
    return 0;
}

static int run_file(lc_session_t S, const char * path);

/* ------------------------------------------------------------ --report-dir */

/* NAME of DIR/NAME.md: the script's file name without its directory and .lc. */
static char *
report_name(const char * path)
{
    const char * b = strrchr(path, '/');
    size_t n;
    char * s;

    b = b == NULL ? path : b + 1;
    n = strlen(b);
    if (n > 3 && strcmp(b + n - 3, ".lc") == 0)
        n -= 3;
    s = flint_malloc(n + 1);
    memcpy(s, b, n);
    s[n] = '\0';
    return s;
}

/* Run each script in a fresh session (nothing carries over: variables,
   precision, seed, claims) and write its four reports and the index. */
static int
run_report_dir(const char * dir, const char * const * files, int nfiles, int timings,
               size_t max_memory, int argc, char ** argv)
{
    static const char * const ext[4] = { ".md", ".html", ".json", ".tex" };
    lc_report_index_entry * e = flint_calloc(nfiles, sizeof(lc_report_index_entry));
    char ** names = flint_calloc(nfiles, sizeof(char *));
    char * path, * text;
    size_t plen;
    int i, j, k, st = 0, nrun = nfiles;

    for (i = 0; i < nfiles; i++)
    {
        names[i] = report_name(files[i]);
        for (j = 0; j < i; j++)
            if (strcmp(names[i], names[j]) == 0)
            {
                fprintf(stderr, "liecheck: the scripts '%s' and '%s' would both write the "
                        "report '%s'\nTry 'liecheck --help' for more information.\n",
                        files[j], files[i], names[i]);
                for (k = 0; k <= i; k++)
                    flint_free(names[k]);
                flint_free(names);
                flint_free(e);
                return EXIT_USAGE;
            }
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
    {
        fprintf(stderr, "liecheck: cannot create '%s': %s\n", dir, strerror(errno));
        st = EXIT_USAGE;
        goto done;
    }
    plen = strlen(dir) + 32;
    for (i = 0; i < nfiles; i++)
        plen += strlen(names[i]);
    path = flint_malloc(plen);
    for (i = 0; i < nfiles; i++)
    {
        lc_session_t S;
        lc_err_t err;
        int s1;

        fflush(stdout);
        printf("== %s\n", files[i]);
        lc_session_init(S);
        s1 = run_file(S, files[i]);
        s1 = check_coverage(S, files[i], s1);
        /* the reports are small, and say why a run stopped: written with
           the memory limit lifted */
        lc_limit_set_max_memory(0);
        lc_claim_set(&S->report->script, files[i]);
        S->report->seed = S->seed;
        S->report->precision = S->prec;
        S->report->timings = timings;
        set_provenance(S, argc, argv);
        e[i].name = names[i];
        e[i].script = files[i];
        e[i].verdict_line = lc_report_verdict_line(S->report);
        e[i].coverage_line = S->report->nitems > 0 ? lc_report_coverage_line(S->report) : NULL;
        fprintf(S->out, "%s\n", e[i].verdict_line);
        if (e[i].coverage_line != NULL)
            fprintf(S->out, "%s\n", e[i].coverage_line);
        fprintf(S->out, "claims: %ld met, %ld not met\n", (long) lc_report_count_met(S->report),
                (long) lc_report_count_unmet(S->report));
        if (s1 == 0 && lc_report_count_unmet(S->report) > 0)
            s1 = EXIT_UNMET;
        e[i].ok = s1 == 0;
        for (k = 0; k < 4; k++)
        {
            snprintf(path, plen, "%s/%s%s", dir, names[i], ext[k]);
            if (lc_report_write(S->report, path, err) != LC_OK)
            {
                fprintf(stderr, "liecheck: %s\n", err->msg);
                s1 = EXIT_SCRIPT;
            }
        }
        lc_session_clear(S);
        lc_limit_set_max_memory(max_memory);
        st = FLINT_MAX(st, s1);
        /* an interrupt or --timeout ends the whole run: the scripts after
           this one are not run (the index lists those that were) */
        if (s1 == EXIT_INTERRUPT || lc_limit_run_stopped())
        {
            if (i + 1 < nfiles)
                fprintf(stderr, "liecheck: the run stopped; %d script%s not run, from '%s' on\n",
                        nfiles - i - 1, nfiles - i - 1 == 1 ? "" : "s", files[i + 1]);
            nrun = i + 1;
            break;
        }
    }
    for (k = 0; k < 2; k++)
    {
        lc_err_t err;

        snprintf(path, plen, "%s/index.%s", dir, k == 0 ? "html" : "md");
        text = k == 0 ? lc_report_index_html(e, nrun) : lc_report_index_markdown(e, nrun);
        if (lc_report_write_text(path, text, err) != LC_OK)
        {
            fprintf(stderr, "liecheck: %s\n", err->msg);
            st = EXIT_SCRIPT;
        }
        flint_free(text);
    }
    flint_free(path);
done:
    for (i = 0; i < nfiles; i++)
    {
        flint_free((char *) e[i].verdict_line);
        flint_free((char *) e[i].coverage_line);
        flint_free(names[i]);
    }
    flint_free(names);
    flint_free(e);
    return st;
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
    set_sha256(S, src, len);
    st = run(S, name, src, len);
    flint_free(src);
    return st;
}

int
main(int argc, char ** argv)
{
    lc_session_t S;
    const char * file = NULL, * reports[MAX_REPORTS], * fragments[MAX_REPORTS];
    /* Static, so that an early return (a usage error) leaves it reachable. */
    static const char ** files;
    const char * report_dir = NULL;
    int i, nexpr = 0, nreports = 0, timings = 1, st = 0, options_done = 0;
    double timeout = 0;
    size_t max_memory;

    /* Before anything is allocated: GMP's and FLINT's allocations are
       counted from the first (lib/limit). */
    lc_limit_memory_install();
    max_memory = lc_limit_default_max_memory();
    int nfragments = 0, nfiles = 0;

    files = flint_malloc((argc + 1) * sizeof(char *));

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
        else if (!options_done && strcmp(a, "--report-fragment") == 0)
        {
            const char * ext;

            if (++i == argc)
                return usage_error("%s", "option --report-fragment needs a file name");
            ext = strrchr(argv[i], '.');
            if (ext == NULL || strcmp(ext, ".tex") != 0)
                return usage_error("the report fragment '%s' must end in .tex", argv[i]);
            if (nfragments == MAX_REPORTS)
                return usage_error("%s", "too many --report-fragment options");
            fragments[nfragments++] = argv[i];
        }
        else if (!options_done && strcmp(a, "--report-dir") == 0)
        {
            if (++i == argc)
                return usage_error("%s", "option --report-dir needs a directory");
            report_dir = argv[i];
        }
        else if (!options_done && strcmp(a, "--") == 0)
            options_done = 1;
        else if (!options_done && a[0] == '-' && a[1] != '\0')
            return usage_error("unknown option '%s'", a);
        else if (file != NULL && report_dir == NULL && !lookahead_report_dir(argc, argv, i))
            return usage_error("more than one script given ('%s')", a);
        else
        {
            if (file == NULL)
                file = a;
            files[nfiles++] = a;
        }
    }
    if (report_dir != NULL)
    {
        if (nexpr > 0 || nreports > 0 || nfragments > 0)
            return usage_error("%s", "--report-dir cannot be combined with -e, --report or "
                               "--report-fragment");
        if (nfiles == 0)
            return usage_error("%s", "--report-dir needs at least one script");
        lc_limit_set_max_memory(max_memory);
        lc_limit_catch_sigint(1);
        if (timeout > 0)
            lc_limit_set_timeout(timeout);
        st = run_report_dir(report_dir, files, nfiles, timings, max_memory, argc, argv);
        flint_free(files);
        flint_cleanup();
        if (fflush(stdout) != 0 && st == 0)
            st = EXIT_SCRIPT;
        return st;
    }
    flint_free(files);
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
        size_t n = 0, k;
        char * all;

        /* The "script" of -e is its lines, each ending in a newline. */
        for (i = 1; i < argc; i++)
            if (strcmp(argv[i], "-e") == 0 && i + 1 < argc)
                n += strlen(argv[++i]) + 1;
        all = flint_malloc(n + 1);
        for (i = 1, k = 0; i < argc; i++)
            if (strcmp(argv[i], "-e") == 0 && i + 1 < argc)
            {
                i++;
                memcpy(all + k, argv[i], strlen(argv[i]));
                k += strlen(argv[i]);
                all[k++] = '\n';
            }
        set_sha256(S, all, k);
        flint_free(all);
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

    st = check_coverage(S, file != NULL ? file : "<input>", st);
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
    set_provenance(S, argc, argv);
    for (i = 0; i < nfragments; i++)
        if (write_fragment(S->report, fragments[i]) != 0)
            st = EXIT_SCRIPT;
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
