/* help.h -- help, apropos, completion and the generated reference.
 *
 * Everything a person reads about the language comes from two tables: the
 * registry of built-ins (builtins.h, each row with its signature, help text
 * and example) and the table of keywords below.  help(), apropos(), the
 * REPL's completion, the man page and the function reference of
 * doc/liecheck.md are all written from them, so none of them can list a
 * function the program lacks or miss one it has. */
#ifndef LC_HELP_H
#define LC_HELP_H

#include <stdio.h>
#include "builtins.h"

/* A word of the language that is not a built-in function: statements
   (claim, def, ...), the clauses of a claim (source, id, expect, sweep),
   literals and the REPL's words.  To document a new keyword add a row to
   lc_keywords in help.c; everything else follows. */
typedef struct
{
    const char * name;
    const char * syntax;    /* how it is written */
    const char * help;      /* one paragraph */
    const char * example;   /* source that runs in a fresh session, or NULL
                               for a word of the REPL only (quit, ?name) */
}
lc_keyword_struct;

extern const lc_keyword_struct lc_keywords[];
extern const slong lc_nkeywords;

/* The keyword named name, or NULL. */
const lc_keyword_struct * lc_keyword_find(const char * name);

/* help(): the families with the names of their built-ins, and the keywords. */
void lc_help_overview(FILE * f);

/* help("name"): every form of the built-in name (signature, description,
   example) and the keyword of that name.  0 when there is neither. */
int lc_help_describe(FILE * f, const char * name);

/* apropos("word"): every built-in whose name or help text contains word
   (ignoring case), as its signature and the first sentence of its help
   wrapped at 80 columns, then every such keyword with its syntax; returns
   how many. */
slong lc_help_apropos(FILE * f, const char * word);

/* The i-th name a REPL may complete (built-ins without repeats, then
   keywords), or NULL past the end. */
const char * lc_help_name(slong i);

/* The reference of every built-in and keyword, as roff for the man page
   (fmt "man") or Markdown for doc/liecheck.md (fmt "md").  LC_OK, or
   LC_E_ARG for another fmt. */
int lc_help_write_reference(FILE * f, const char * fmt);

/* The rows of apropos(), digits(), decimal() and pretty(). */
extern const lc_builtin_struct lc_builtins_help[];
extern const slong lc_nbuiltins_help;

/* help(name) for bi_help: name is a string or a built-in; anything else
   (nil from help(print())) is an error, never a crash. */
int lc_help_call(lc_val * res, lc_session_struct * S, lc_val * args, slong nargs, lc_err_t err);

#endif
