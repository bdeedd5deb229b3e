/* lang_fns.c -- built-ins of the language itself (family core): map and
 * filter over lists, range, load, time, vars, quit and exit.
 *
 * time(expr) is a special form of the evaluator (its argument must not be
 * evaluated before the clock starts); its row here gives it a place in
 * help() and a fallback when it is called through another name. */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "eval.h"
#include "builtins.h"

#define ARGS LC_BUILTIN_PARAMS
#define UNUSED_ARGS LC_BUILTIN_UNUSED

/* range(n) has n elements: a list longer than this is refused. */
#define LC_MAX_RANGE WORD(10000000)

/* f(x) for every element x of a list, or the elements for which f(x) is
   true (keep != 0). */
static int
map_list(lc_val * res, lc_session_struct * S, const lc_val f, const lc_val l, int keep,
         lc_err_t err)
{
    slong i, n = l->u.list.len, k = 0;
    lc_val * out = flint_calloc(n + 1, sizeof(lc_val)), y;
    int st = LC_OK;

    for (i = 0; i < n && st == LC_OK; i++)
    {
        if ((st = lc_call_value(&y, S, f, l->u.list.items + i, 1, err)) != LC_OK)
            break;
        if (!keep)
            out[k++] = y;
        else if (y->type != LC_V_BOOL)
        {
            st = lc_err_set(err, LC_E_ARG, "the function must return true or false, got %s",
                            lc_val_kind(y));
            lc_val_unref(y);
        }
        else
        {
            if (y->u.b)
                out[k++] = lc_val_ref(l->u.list.items[i]);
            lc_val_unref(y);
        }
    }
    if (st == LC_OK && (*res = lc_val_list(out, k)) == NULL)
        st = lc_err_set(err, LC_E_LIMIT, "lists nested too deeply");
    else if (st != LC_OK)
        while (k-- > 0)
            lc_val_unref(out[k]);
    flint_free(out);
    return st;
}

static int
bi_map_list(ARGS)
{
    UNUSED_ARGS;
    return map_list(res, S, args[0], args[1], 0, err);
}

static int
bi_filter(ARGS)
{
    UNUSED_ARGS;
    return map_list(res, S, args[0], args[1], 1, err);
}

static int
bi_range(ARGS)
{
    slong a = nargs == 2 ? lc_val_get_si(args[0]) : 1;
    slong b = lc_val_get_si(args[nargs - 1]), i, n;
    lc_val * items;

    UNUSED_ARGS;
    n = b >= a ? b - a + 1 : 0;
    if (b >= a && (b - a >= LC_MAX_RANGE || b - a < 0))
        return lc_err_set(err, LC_E_LIMIT, "more than %ld elements", (long) LC_MAX_RANGE);
    items = flint_malloc(sizeof(lc_val) * (n + 1));
    for (i = 0; i < n; i++)
        items[i] = lc_val_si(a + i);
    *res = lc_val_list(items, n);
    flint_free(items);
    return LC_OK;
}

static int
bi_load(ARGS)
{
    int st;

    UNUSED_ARGS;
    if (S->claim >= 0)
        return lc_err_set(err, LC_E_ARG, "load() cannot be used inside a claim");
    if ((st = lc_session_load(S, args[0]->u.str.s, err)) == LC_OK)
        *res = lc_val_nil();
    return st;
}

static int
bi_time(ARGS)
{
    lc_val pair[2];

    UNUSED_ARGS;
    /* reached only through another name (t = time; t(x)): the argument was
       evaluated before the call, so there is nothing to time */
    pair[0] = lc_val_ref(args[0]);
    pair[1] = lc_val_si(0);
    *res = lc_val_list(pair, 2);
    return LC_OK;
}

static int
cmp_str(const void * a, const void * b)
{
    return strcmp(*(char * const *) a, *(char * const *) b);
}

static int
bi_vars(ARGS)
{
    slong i, n = 0;
    const char ** names = flint_malloc(sizeof(char *) * (S->nvars + 1));
    lc_val * items;

    UNUSED_ARGS;
    for (i = 0; i < S->alloc; i++)
        if (S->vars[i].name != NULL && S->vars[i].v != NULL)
            names[n++] = S->vars[i].name;
    qsort(names, n, sizeof(char *), cmp_str);
    items = flint_malloc(sizeof(lc_val) * (n + 1));
    for (i = 0; i < n; i++)
        items[i] = lc_val_cstr(names[i]);
    *res = lc_val_list(items, n);
    flint_free(items);
    flint_free(names);
    return LC_OK;
}

static int
bi_quit(ARGS)
{
    UNUSED_ARGS;
    (void) res;
    if (S->claim >= 0)
        return lc_err_set(err, LC_E_ARG, "cannot leave from inside a claim");
    S->quit = 1;
    return lc_err_set(err, LC_QUIT, "quit");
}

const lc_builtin_struct lc_builtins_lang[] =
{
    { LC_FAM_CORE, "map", "FL", 2, 2, bi_map_list, "map(f, list)",
      "The list [f(x1), f(x2), ...] of f applied to every element of the list, in order. f is a "
      "function value: a def or a built-in (map(det, L)). Any error of f stops the map with that "
      "error; the results keep their kind (exact or ball).",
      "def sq(x) = x * x\nmap(sq, [1, 2, 3])" },
    { LC_FAM_CORE, "filter", "FL", 2, 2, bi_filter, "filter(f, list)",
      "The elements x of the list, in order, for which f(x) is true. f is a def or a built-in and "
      "must return true or false for every element; any other value is an argument error. The kept "
      "elements are the list's own values, unchanged.",
      "def positive(x) = x > 0\nfilter(positive, [-1, 2, 3])" },
    { LC_FAM_CORE, "range", "i", 1, 2, bi_range, "range(a, b)",
      "The list of integers a, a+1, ..., b (empty when b < a); range(n) is 1, 2, ..., n, the form "
      "for loops use. A list of more than 10^7 elements is refused with a limit error.",
      "range(2, 4)" },
    { LC_FAM_CORE, "load", "s", 1, 1, bi_load, "load(file)",
      "Runs the script file in this session, so its definitions and variables stay defined, and "
      "returns nil. A relative path is taken from the directory of the script that calls load "
      "(from the working directory in the REPL). Loads nest at most 16 deep; load cannot be used "
      "inside a claim, and a missing file or a directory is an I/O error.",
      "load(\"tests/scripts/lang_load_files/helpers.lc\")\nprint(double(21))" },
    { LC_FAM_CORE, "time", "a", 1, 1, bi_time, "time(expr)",
      "Evaluates expr and returns the two-element list [value, seconds], where seconds is the "
      "elapsed wall-clock time as an exact rational to the microsecond. time is a special form: "
      "its argument is evaluated only after the clock starts. Called through another name (t = "
      "time) the argument was evaluated already and the time is 0.",
      "time(det([[1, 2], [3, 4]]))[1]" },
    { LC_FAM_CORE, "vars", "a", 0, 0, bi_vars, "vars()",
      "The names of the session's variables and user functions (def), as a list of strings sorted "
      "in byte order. Built-ins are not listed; use help() for them.",
      "x = 1\nvars()" },
    { LC_FAM_CORE, "quit", "a", 0, 0, bi_quit, "quit()",
      "Leaves the REPL, or ends the running script at this point with the exit status it would "
      "have had had it ended there (so unmet claims still fail the run). It cannot be called "
      "inside a claim. It returns no value.",
      "print(\"done\")\nquit()" },
    { LC_FAM_CORE, "exit", "a", 0, 0, bi_quit, "exit()",
      "The same as quit(): leaves the REPL, or ends the running script here with the exit status "
      "it would have had had it ended there. It cannot be called inside a claim.", "exit()" },
};

const slong lc_nbuiltins_lang = (slong) (sizeof(lc_builtins_lang) / sizeof(lc_builtins_lang[0]));
