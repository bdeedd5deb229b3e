/* repl.c -- the interactive read-eval-print loop.
 *
 * Like lua.c: read a line, try to parse it, and when the only problem is
 * that the input ended inside an open bracket, read another line and try
 * again with both. */
#include "config.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "liecheck.h"
#include "limit.h"
#include "repl.h"
#include "help.h"

#ifdef HAVE_READLINE
#include <readline/readline.h>
#include <readline/history.h>
#endif

#define PROMPT "lc> "
#define PROMPT_MORE "..> "

#ifdef HAVE_READLINE
/* Readline's input: a Ctrl-C (which interrupts the read, SIGINT being
   caught without SA_RESTART) ends the line being typed as an empty one; the
   loop below sees the interrupt flag and abandons the entry. */
static int
getc_interruptible(FILE * f)
{
    unsigned char c;

    for (;;)
    {
        ssize_t r = read(fileno(f), &c, 1);

        if (r == 1)
            return c;
        if (r == 0)
            return EOF;
        if (errno != EINTR)
            return EOF;
        if (lc_limit_interrupted())
        {
            rl_replace_line("", 0);
            return '\n';
        }
    }
}
#endif

/* One line without its newline, flint_malloc'ed; NULL at end of input.
   After Ctrl-C the line is empty and lc_limit_interrupted() is set. */
static char *
read_line(const char * prompt)
{
#ifdef HAVE_READLINE
    char * r = readline(prompt), * s;
    size_t n;

    if (r == NULL)
        return NULL;
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
            if (ferror(stdin) && errno == EINTR && lc_limit_interrupted())
            {
                clearerr(stdin);
                putchar('\n');
                s[0] = '\0';
                return s;
            }
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

#ifdef HAVE_READLINE
/* the history file, NULL without $HOME */
static char * repl_hist = NULL;
#endif

/* Keep an accepted entry in the history, a multi-line one as one entry (its
   lines joined by line breaks), so that recalling it brings back all of it,
   and append it to the history file at once: a session that ends by a crash
   of the terminal or a kill loses no entry. */
static void
remember(const char * entry)
{
#ifdef HAVE_READLINE
    const char * t = entry;

    while (*t == ' ' || *t == '\t' || *t == '\n')
        t++;
    if (*t != '\0')
    {
        add_history(entry);
        if (repl_hist != NULL)
            append_history(1, repl_hist);  /* failing to save history is not an error */
    }
#else
    (void) entry;
#endif
}

/* The number of the last line of the len bytes of buf (1-based), and in
   *start the offset where it begins. */
static int
last_line(size_t * start, const char * buf, size_t len)
{
    size_t i;
    int line = 1;

    *start = 0;
    for (i = 0; i < len; i++)
        if (buf[i] == '\n')
        {
            line++;
            *start = i + 1;
        }
    return line;
}

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

    repl_hist = hist;
    stifle_history(1000);
    complete_session = S;
    rl_attempted_completion_function = complete;
#if defined(RL_READLINE_VERSION) && RL_READLINE_VERSION >= 0x0800
    /* A multi-line entry is saved as one: each entry after a timestamp
       line, its lines read back together. */
    history_comment_char = '#';
    history_write_timestamps = 1;
    history_multiline_entries = 1;
#endif
    if (hist != NULL && read_history(hist) != 0)
        write_history(hist);  /* a missing history file is normal: make it, for append_history */
    /* Ctrl-C is lib/limit's: it stops a computation, or abandons the line */
    rl_catch_signals = 0;
    rl_getc_function = getc_interruptible;
#endif

    printf("%s\ntype help() for the built-in functions, help NAME or ?NAME for one, quit to leave\n",
           lc_versions_line());
    S->echo = 1;
    S->pretty = 1;
    for (;;)
    {
        lc_limit_clear_interrupt();
        if ((line = read_line(PROMPT)) == NULL)
            break;
        if (lc_limit_interrupted())
        {
            flint_free(line);
            continue;
        }
        if (is_word(line, "quit") || is_word(line, "exit"))
        {
            flint_free(line);
            break;
        }
        buf = line = question_to_help(line);
        len = strlen(buf);
        for (;;)
        {
            size_t start;
            int st;

            lc_chunk_init(c);
            if (lc_parse_guarded(c, buf, len, d, &incomplete) == LC_OK)
            {
                /* an interrupt stops the entry; the session and its
                   variables stay as they were before the statement */
                remember(buf);
                if ((st = lc_eval_chunk(S, c, d)) != LC_OK && st != LC_QUIT)
                {
                    fflush(stdout);
                    lc_diag_fprint(stderr, "<repl>", d);
                }
                lc_chunk_clear(c);
                break;
            }
            /* A syntax error in the last line of an entry that is still open
               (a claim, a loop, a def's body): drop that line only, say so,
               and go on reading the entry. */
            if (!incomplete && d->pos.line > 1 && d->pos.line == last_line(&start, buf, len))
            {
                lc_chunk_t c2;
                lc_diag_t d2;
                int inc2;

                lc_chunk_init(c2);
                if (lc_parse_guarded(c2, buf, start - 1, d2, &inc2) != LC_OK && inc2 == 1)
                {
                    lc_chunk_clear(c2);
                    fflush(stdout);
                    lc_diag_fprint(stderr, "<repl>", d);
                    fprintf(stderr, "(line %d dropped; the entry is still open: go on, or close "
                            "it with '}')\n", d->pos.line);
                    len = start - 1;
                    buf[len] = '\0';
                    if ((line = read_line(PROMPT_MORE)) == NULL)
                        break;
                    if (lc_limit_interrupted())
                    {
                        flint_free(line);
                        break;
                    }
                    goto append;
                }
                lc_chunk_clear(c2);
            }
            if (!incomplete || (line = read_line(PROMPT_MORE)) == NULL)
            {
                fflush(stdout);
                lc_diag_fprint(stderr, "<repl>", d);
                remember(buf);
                break;
            }
            if (lc_limit_interrupted())
            {
                /* Ctrl-C in a continuation line abandons the whole entry */
                flint_free(line);
                break;
            }
            /* Outside brackets an empty line gives up on the entry (after
               a stray '1 +'); inside them it is part of the entry. */
            if (incomplete == 2 && is_word(line, ""))
            {
                flint_free(line);
                fflush(stdout);
                lc_diag_fprint(stderr, "<repl>", d);
                remember(buf);
                break;
            }
append:
            n = strlen(line);
            buf = flint_realloc(buf, len + n + 2);
            buf[len] = '\n';
            memcpy(buf + len + 1, line, n + 1);
            len += n + 1;
            flint_free(line);
        }
        flint_free(buf);
        fflush(stdout);
        if (S->quit)
            break;
    }
    putchar('\n');

#ifdef HAVE_READLINE
    if (hist != NULL)
        history_truncate_file(hist, 1000);  /* every entry is already in it */
    repl_hist = NULL;
    flint_free(hist);
#endif
    return 0;
}
