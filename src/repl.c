/* repl.c -- the interactive read-eval-print loop.
 *
 * Like lua.c: read a line, try to parse it, and when the only problem is
 * that the input ended inside an open bracket, read another line and try
 * again with both. */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "liecheck.h"
#include "repl.h"
#include "help.h"

#ifdef HAVE_READLINE
#include <readline/readline.h>
#include <readline/history.h>
#endif

#define PROMPT "lc> "
#define PROMPT_MORE "..> "

/* One line without its newline, flint_malloc'ed; NULL at end of input. */
static char *
read_line(const char * prompt)
{
#ifdef HAVE_READLINE
    char * r = readline(prompt), * s;
    size_t n;

    if (r == NULL)
        return NULL;
    if (*r != '\0')
        add_history(r);
    n = strlen(r) + 1;
    s = flint_malloc(n);
    memcpy(s, r, n);
    free(r);  /* readline allocates with malloc */
    return s;
#else
    size_t alloc = 256, len = 0;
    char * s = flint_malloc(alloc);

    fputs(prompt, stdout);
    fflush(stdout);
    for (;;)
    {
        if (fgets(s + len, (int) (alloc - len), stdin) == NULL)
        {
            if (len == 0)
            {
                flint_free(s);
                return NULL;
            }
            break;
        }
        len += strlen(s + len);
        if (len > 0 && s[len - 1] == '\n')
        {
            s[--len] = '\0';
            break;
        }
        alloc *= 2;
        s = flint_realloc(s, alloc);
    }
    return s;
#endif
}

#ifdef HAVE_READLINE
static char *
history_path(void)
{
    const char * home = getenv("HOME");
    char * p;
    size_t n;

    if (home == NULL || *home == '\0')
        return NULL;
    n = strlen(home) + strlen(LC_HISTORY_FILE) + 2;
    p = flint_malloc(n);
    snprintf(p, n, "%s/%s", home, LC_HISTORY_FILE);
    return p;
}
#endif

/* Whether the entry is just the word w, give or take blanks. */
static int
is_word(const char * s, const char * w)
{
    size_t n = strlen(w);

    while (*s == ' ' || *s == '\t')
        s++;
    if (strncmp(s, w, n) != 0)
        return 0;
    for (s += n; *s == ' ' || *s == '\t' || *s == '\r'; s++)
        ;
    return *s == '\0';
}

/* `?NAME` is `help NAME`, as in gp: the entry, rewritten (line is freed). */
static char *
question_to_help(char * line)
{
    char * s = line, * r;
    size_t n;

    while (*s == ' ' || *s == '\t')
        s++;
    if (*s != '?')
        return line;
    n = strlen(s + 1);
    r = flint_malloc(n + 6);
    memcpy(r, "help ", 5);
    memcpy(r + 5, s + 1, n + 1);
    flint_free(line);
    return r;
}

#ifdef HAVE_READLINE
/* Completion of built-ins, keywords and the session's variables (the REPL
   runs one session at a time; readline's callbacks take no argument). */
static lc_session_struct * complete_session = NULL;

static char *
complete_next(const char * text, int state)
{
    static slong i, j;
    size_t n = strlen(text);
    const char * w;

    if (state == 0)
        i = j = 0;
    while ((w = lc_help_name(i)) != NULL)
    {
        i++;
        if (strncmp(w, text, n) == 0)
            return strdup(w);   /* readline frees with free */
    }
    for (; complete_session != NULL && j < complete_session->alloc; j++)
    {
        w = complete_session->vars[j].name;
        if (w != NULL && strncmp(w, text, n) == 0)
        {
            j++;
            return strdup(w);
        }
    }
    return NULL;
}

static char **
complete(const char * text, int start, int end)
{
    (void) start;
    (void) end;
    rl_attempted_completion_over = 1;   /* never fall back to file names */
    return rl_completion_matches(text, complete_next);
}
#endif

int
lc_repl(lc_session_t S)
{
    char * line, * buf;
    size_t len, n;
    lc_chunk_t c;
    lc_diag_t d;
    int incomplete;
#ifdef HAVE_READLINE
    char * hist = history_path();

    stifle_history(1000);
    complete_session = S;
    rl_attempted_completion_function = complete;
    if (hist != NULL)
        read_history(hist);  /* a missing history file is normal */
#endif

    printf("%s\ntype help() for the built-in functions, help NAME or ?NAME for one, quit to leave\n",
           lc_versions_line());
    S->echo = 1;
    S->pretty = 1;
    for (;;)
    {
        if ((line = read_line(PROMPT)) == NULL)
            break;
        if (is_word(line, "quit") || is_word(line, "exit"))
        {
            flint_free(line);
            break;
        }
        buf = line = question_to_help(line);
        len = strlen(buf);
        for (;;)
        {
            lc_chunk_init(c);
            if (lc_parse(c, buf, len, d, &incomplete) == LC_OK)
            {
                if (lc_eval_chunk(S, c, d) != LC_OK)
                {
                    fflush(stdout);
                    lc_diag_fprint(stderr, "<repl>", d);
                }
                lc_chunk_clear(c);
                break;
            }
            if (!incomplete || (line = read_line(PROMPT_MORE)) == NULL)
            {
                fflush(stdout);
                lc_diag_fprint(stderr, "<repl>", d);
                break;
            }
            n = strlen(line);
            buf = flint_realloc(buf, len + n + 2);
            buf[len] = '\n';
            memcpy(buf + len + 1, line, n + 1);
            len += n + 1;
            flint_free(line);
        }
        flint_free(buf);
        fflush(stdout);
    }
    putchar('\n');

#ifdef HAVE_READLINE
    if (hist != NULL)
        write_history(hist);  /* failing to save history is not an error */
    flint_free(hist);
#endif
    return 0;
}
