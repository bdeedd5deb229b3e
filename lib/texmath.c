/* texmath.c -- the TeX subset of claim texts, as MathML and as LaTeX (see
 * texmath.h).
 *
 * One parser builds a small tree; two writers walk it.  The tree, not the
 * source, is what is written, so the output is balanced and holds only what
 * the writer knows whatever the input was: an unknown command becomes text,
 * a stray brace a visible brace, a missing \right a \right. (LaTeX) or
 * nothing (MathML).  Recursion is bounded by LC_TEXMATH_DEPTH: deeper
 * groups are shown as their source text, and a script on a script starts a
 * new one beside it rather than nesting, so no input can run the stack
 * down.  This file finds the maths and parses it; texmath_sym.c holds the
 * tables, texmath_out.c the writers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "liecheck.h"
#include "texmath.h"
#include "strbuf.h"
#include "texmath_impl.h"

/* ------------------------------------------------------------------ text */

void
_lc_tm_catn(lc_sb * b, const char * s, size_t n)
{
    lc_sb_printf(b, "%.*s", (int) n, s);
}

/* The code point at s (its length in *n, at least 1): U+FFFD for a bad
   byte or a control character. */
unsigned long
_lc_tm_next_cp(const char * s, int * n)
{
    unsigned long c;

    *n = _lc_utf8_decode((const unsigned char *) s, &c);
    if (*n == 0)
        *n = 1, c = 0xFFFD;
    if (c < 0x20 || c == 0x7F)
        c = 0xFFFD;
    return c;
}

/* Text in LaTeX's text mode (inside \mbox): every special character
   escaped, characters that pdfLaTeX would reject as [U+XXXX]. */
void
_lc_tm_tex_text(lc_sb * b, const char * s, size_t len)
{
    const char * e = s + len;
    unsigned long c;
    const char * t;
    int n;

    for (; s < e; s += n)
    {
        c = _lc_tm_next_cp(s, &n);
        if (s + n > e)
            n = (int) (e - s), c = 0xFFFD;
        switch (c)
        {
            case '\\': lc_sb_cat(b, "\\textbackslash{}"); break;
            case '{': lc_sb_cat(b, "\\{"); break;
            case '}': lc_sb_cat(b, "\\}"); break;
            case '$': lc_sb_cat(b, "\\$"); break;
            case '&': lc_sb_cat(b, "\\&"); break;
            case '%': lc_sb_cat(b, "\\%"); break;
            case '#': lc_sb_cat(b, "\\#"); break;
            case '_': lc_sb_cat(b, "\\_"); break;
            case '~': lc_sb_cat(b, "\\textasciitilde{}"); break;
            case '^': lc_sb_cat(b, "\\textasciicircum{}"); break;
            case '[': lc_sb_cat(b, "{[}"); break;
            case ']': lc_sb_cat(b, "{]}"); break;
            case '<': lc_sb_cat(b, "\\textless{}"); break;
            case '>': lc_sb_cat(b, "\\textgreater{}"); break;
            case '|': lc_sb_cat(b, "\\textbar{}"); break;
            case '`': lc_sb_cat(b, "\\textasciigrave{}"); break;
            case '\'': lc_sb_cat(b, "\\textquotesingle{}"); break;
            case '"': lc_sb_cat(b, "\\textquotedbl{}"); break;
            case '-': lc_sb_cat(b, "-{}"); break;
            case '\n': case '\t': lc_sb_cat(b, " "); break;
            default:
                if (c != 0xFFFD && _lc_tex_passes(c))
                    _lc_tm_catn(b, s, (size_t) n);
                else if ((t = _lc_tex_unicode(c)) != NULL && t[0] == '$')
                    /* the $\in$ of the table, without a dollar: the text
                       may stand inside maths (\mbox), and the writers
                       promise none */
                    lc_sb_printf(b, "\\ensuremath{%.*s}", (int) strlen(t) - 2, t + 1);
                else if (t != NULL)
                    lc_sb_cat(b, t);
                else
                    lc_sb_printf(b, "{\\ttfamily{[}U+%04lX{]}}", c);
        }
    }
}

/* ----------------------------------------------------------------- finding */

int
lc_texmath_find(size_t * open, size_t * close, const char * s)
{
    size_t i, j;

    for (i = 0; s[i] != '\0'; i++)
    {
        if (s[i] == '\\' && s[i + 1] == '$')
        {
            i++;
            continue;
        }
        if (s[i] != '$' || s[i + 1] == '\0' || tm_is_space(s[i + 1]))
            continue;
        if (s[i + 1] == '$')    /* "$$": no maths of ours; both literal */
        {
            i++;
            continue;
        }
        /* The closer: an unescaped '$' after a non-space, not before a
           digit.  Whether a '$' closes does not depend on the opener, so
           when none is left there is no maths in the rest of s either:
           the scan stays linear. */
        for (j = i + 1; s[j] != '\0'; j++)
        {
            if (s[j] == '\\' && s[j + 1] != '\0')
            {
                j++;
                continue;
            }
            if (s[j] == '$' && !tm_is_space(s[j - 1]) && !(s[j + 1] >= '0' && s[j + 1] <= '9'))
            {
                *open = i;
                *close = j;
                return 1;
            }
        }
        return 0;
    }
    return 0;
}

/* -------------------------------------------------------------------- tree */

static char *
dup(const char * s)
{
    size_t n = strlen(s);
    char * t = flint_malloc(n + 1);

    memcpy(t, s, n + 1);
    return t;
}

static mnode *
node_new(ntype type)
{
    mnode * x = flint_calloc(1, sizeof(mnode));

    x->type = type;
    return x;
}

static mnode *
leaf(char elem, const char * text, const char * tex, const char * md, int flags)
{
    mnode * x = node_new(N_LEAF);

    x->elem = elem;
    x->text = dup(text);
    x->tex = dup(tex);
    x->md = dup(md != NULL ? md : tex);
    x->flags = flags;
    return x;
}

void
_lc_tm_free(mnode * x)
{
    size_t k;

    if (x == NULL)
        return;
    for (k = 0; k < x->n; k++)
        _lc_tm_free(x->kids[k]);
    flint_free(x->kids);
    _lc_tm_free(x->a);
    _lc_tm_free(x->b);
    _lc_tm_free(x->c);
    flint_free(x->text);
    flint_free(x->tex);
    flint_free(x->md);
    flint_free(x->tex2);
    flint_free(x->md2);
    flint_free(x->text2);
    flint_free(x);
}

static void
row_push(mnode * r, mnode * x)
{
    if (x == NULL)
        return;
    if (r->n == r->alloc)
    {
        r->alloc = r->alloc ? 2 * r->alloc : 4;
        r->kids = flint_realloc(r->kids, r->alloc * sizeof(mnode *));
    }
    r->kids[r->n++] = x;
}

/* ------------------------------------------------------------------ parser */

typedef struct
{
    const char * s;     /* NUL-terminated copy of the maths */
    size_t n, i;
}
parser;

static void
skip_space(parser * P)
{
    while (P->i < P->n && tm_is_space(P->s[P->i]))
        P->i++;
}

/* The command at P->i (a backslash): its name in *name, *len; moves past it.
   A control word is letters; a control symbol one character. */
static void
read_command(parser * P, const char ** name, size_t * len)
{
    int n;
    unsigned long c;

    P->i++;     /* the backslash */
    *name = P->s + P->i;
    if (P->i >= P->n)
    {
        *len = 0;
        return;
    }
    if (tm_is_alpha(P->s[P->i]))
    {
        while (P->i < P->n && tm_is_alpha(P->s[P->i]))
            P->i++;
        *len = (size_t) (P->s + P->i - *name);
        return;
    }
    c = _lc_tm_next_cp(P->s + P->i, &n);
    (void) c;
    P->i += (size_t) n;
    *len = (size_t) n;
}

static int
at_right(const parser * P)
{
    return P->n - P->i >= 6 && memcmp(P->s + P->i, "\\right", 6) == 0
           && (P->i + 6 >= P->n || !tm_is_alpha(P->s[P->i + 6]));
}

/* The source from P->i to the brace that closes the group opening there (or
   the end), as text: what is shown of a group nested too deep. */
static mnode *
raw_group(parser * P)
{
    size_t start = P->i, level = 0;
    mnode * x = node_new(N_TEXT);

    for (; P->i < P->n; P->i++)
    {
        char c = P->s[P->i];

        if (c == '\\' && P->i + 1 < P->n)
            P->i++;
        else if (c == '{')
            level++;
        else if (c == '}' && --level == 0)
        {
            P->i++;
            break;
        }
    }
    x->text = flint_malloc(P->i - start + 1);
    memcpy(x->text, P->s + start, P->i - start);
    x->text[P->i - start] = '\0';
    return x;
}

/* The leaf of one character at P->i (moving past it). */
static mnode *
char_leaf(parser * P)
{
    char c = P->s[P->i], one[2] = { c, '\0' };
    unsigned long cp;
    const char * t;
    int n;
    lc_sb tex = { NULL, 0, 0 };
    mnode * x;

    if ((unsigned char) c >= 0x80)
    {
        char u[5];

        cp = _lc_tm_next_cp(P->s + P->i, &n);
        P->i += (size_t) n;
        if (cp == 0xFFFD)
            memcpy(u, "\xef\xbf\xbd", 4);
        else
            memcpy(u, P->s + P->i - n, (size_t) n), u[n] = '\0';
        t = _lc_tex_unicode(cp);
        if (t != NULL && t[0] == '$' && t[strlen(t) - 1] == '$')
            _lc_tm_catn(&tex, t + 1, strlen(t) - 2);
        else if (cp != 0xFFFD && _lc_tex_passes(cp))
            lc_sb_printf(&tex, "\\mbox{%s}", u);
        else
            lc_sb_printf(&tex, "\\mbox{\\ttfamily{[}U+%04lX{]}}", cp);
        /* Letters are identifiers: Greek, the mathematical alphanumerics,
           the letterlike symbols, Latin with accents; the rest operators. */
        x = leaf(((cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x3FF)
                  || (cp >= 0x2100 && cp <= 0x214F) || (cp >= 0x1D400 && cp <= 0x1D7FF))
                 ? 'i' : 'o', u, lc_sb_take(&tex), u, 0);
        flint_free(tex.s);
        return x;
    }
    P->i++;
    if (tm_is_alpha(c))
        return leaf('i', one, one, one, 0);
    if (tm_is_digit(c))
        return leaf('n', one, one, one, 0);
    switch (c)
    {
        case '-': return leaf('o', "\xe2\x88\x92", "-", NULL, 0);
        case '(': case ')': case '[': case ']':
            return leaf('o', one, one, NULL, F_NOSTRETCH);
        case '|': return leaf('o', "|", "|", "\\vert", F_NOSTRETCH);
        case '<': return leaf('o', "<", "<", "\\lt", 0);
        case '>': return leaf('o', ">", ">", "\\gt", 0);
        case '\'': return leaf('o', "\xe2\x80\xb2", "{}'", "{}'", 0);
        case '*': return leaf('o', "\xe2\x88\x97", "*", NULL, 0);
        case '~': return leaf('s', "0.3333em", "~", "\\ ", 0);
        /* pdflatex breaks maths only after relations and binary
           operators: a long list may break after its commas too */
        case ',': return leaf('o', ",", ",\\allowbreak{}", ",", 0);
        case '+': case '=': case ';': case ':': case '!': case '?': case '/':
        case '.': case '@':
            return leaf('o', one, one, NULL, 0);
        /* Markdown: GitHub would take \& for an escaped & (texmath_impl.h) */
        case '&': return leaf('o', "&", "\\&", "\\text{&}", 0);
        case '#': return leaf('o', "#", "\\#", "\\text{#}", 0);
        case '%': return leaf('o', "%", "\\%", "\\text{%}", 0);
        case '$': return leaf('o', "$", "\\$", NULL, 0);
        case '{': return leaf('o', "{", "\\{", "\\lbrace", F_NOSTRETCH);
        case '}': return leaf('o', "}", "\\}", "\\rbrace", F_NOSTRETCH);
        case '^': return leaf('o', "^", "\\mbox{\\textasciicircum{}}", "\\hat{}", 0);
        case '_': return leaf('o', "_", "\\_", "\\text{_}", 0);
        case '"': return leaf('o', "\"", "\\mbox{\\textquotedbl{}}", "''", 0);
        case '`': return leaf('o', "`", "\\mbox{\\textasciigrave{}}", "{}'", 0);
        default: break;
    }
    /* A control character (the caller skips white space). */
    return leaf('o', "\xef\xbf\xbd", "\\mbox{\\ttfamily{[}U+FFFD{]}}", "?", 0);
}

static mnode * parse_row(parser * P, int depth, char stop);
static mnode * parse_atom(parser * P, int depth);

/* The argument of a command or a script: a {group}, a command with its
   arguments, or one character; an empty row at the end. */
static mnode *
parse_arg(parser * P, int depth)
{
    char c;

    skip_space(P);
    if (P->i >= P->n || P->s[P->i] == '}')
        return node_new(N_ROW);
    c = P->s[P->i];
    if (c == '{' || c == '\\')
    {
        /* an ignored command (\big) is no argument: an empty one */
        mnode * x = parse_atom(P, depth);

        return x != NULL ? x : node_new(N_ROW);
    }
    return char_leaf(P);
}

/* The delimiter after \left or \right (moving past it): its MathML text in
   *text, its TeX in *tex and *md; "." (nothing) when there is none. */
static void
read_delim(parser * P, char ** text, char ** tex, char ** md)
{
    const char * name;
    size_t len, save;
    const sym_t * y;
    char c;

    skip_space(P);
    c = P->i < P->n ? P->s[P->i] : '\0';
    if (c != '\0' && strchr("()[]|./", c) != NULL)
    {
        char one[2] = { c, '\0' };

        P->i++;
        *text = dup(c == '.' ? "" : one);
        *tex = dup(one);
        *md = dup(c == '|' ? "\\vert" : one);
        return;
    }
    if (c == '<' || c == '>')
    {
        P->i++;
        *text = dup(c == '<' ? "\xe2\x9f\xa8" : "\xe2\x9f\xa9");
        *tex = dup(c == '<' ? "\\langle" : "\\rangle");
        *md = dup(*tex);
        return;
    }
    if (c == '\\')
    {
        save = P->i;
        read_command(P, &name, &len);
        y = _lc_tm_sym_find(name, len);
        if (y != NULL && y->kind == 'f')
        {
            lc_sb t = { NULL, 0, 0 };

            *text = dup(y->uni);
            if (y->tex != NULL)
                *tex = dup(y->tex);
            else
            {
                lc_sb_printf(&t, "\\%.*s", (int) len, name);
                *tex = lc_sb_take(&t);
            }
            *md = dup(y->md != NULL ? y->md : *tex);
            return;
        }
        P->i = save;
    }
    *text = dup("");
    *tex = dup(".");
    *md = dup(".");
}

/* A command at P->i, with its arguments. */
static mnode *
parse_command(parser * P, int depth)
{
    const char * name;
    size_t len, k;
    const sym_t * y;
    const style_t * st;
    const char * acc;
    mnode * x;
    lc_sb t = { NULL, 0, 0 };

    read_command(P, &name, &len);
    if (len == 0)
        return leaf('t', "\\", "\\mbox{\\textbackslash{}}", "\\backslash", 0);
#define IS(w) (len == strlen(w) && memcmp(name, w, len) == 0)
    if (depth > LC_TEXMATH_DEPTH)
        ;   /* too deep for structure: shown as text below */
    else if (IS("frac") || IS("dfrac") || IS("tfrac"))
    {
        x = node_new(N_FRAC);
        x->a = parse_arg(P, depth + 1);
        x->b = parse_arg(P, depth + 1);
        return x;
    }
    else if (IS("sqrt"))
    {
        x = node_new(N_SQRT);
        skip_space(P);
        if (P->i < P->n && P->s[P->i] == '[')
        {
            P->i++;
            x->b = parse_row(P, depth + 1, ']');
            if (P->i < P->n && P->s[P->i] == ']')
                P->i++;
        }
        x->a = parse_arg(P, depth + 1);
        return x;
    }
    else if (IS("left"))
    {
        x = node_new(N_FENCE);
        read_delim(P, &x->text, &x->tex, &x->md);
        x->a = parse_row(P, depth + 1, 'r');
        if (at_right(P))
        {
            P->i += 6;
            read_delim(P, &x->text2, &x->tex2, &x->md2);
        }
        else
        {
            x->text2 = dup("");
            x->tex2 = dup(".");
            x->md2 = dup(".");
        }
        return x;
    }
    else if (IS("right"))   /* without \left: the delimiter alone */
    {
        char * text, * tex, * md;

        read_delim(P, &text, &tex, &md);
        x = leaf('o', text, strcmp(tex, ".") == 0 ? "" : tex,
                 strcmp(md, ".") == 0 ? "" : md, F_NOSTRETCH);
        flint_free(text);
        flint_free(tex);
        flint_free(md);
        return x;
    }
    else if (IS("text") || IS("mbox") || IS("textrm") || IS("textit") || IS("textbf"))
    {
        skip_space(P);
        x = node_new(N_TEXT);
        if (P->i < P->n && P->s[P->i] == '{')
        {
            mnode * g = raw_group(P);
            size_t m = strlen(g->text);

            /* without the braces */
            x->text = flint_malloc(m + 1);
            memcpy(x->text, g->text + 1, m - 1);
            x->text[m - (g->text[m - 1] == '}' && m >= 2 ? 2 : 1)] = '\0';
            _lc_tm_free(g);
        }
        else
        {
            int n = 0;

            if (P->i < P->n)
                _lc_tm_next_cp(P->s + P->i, &n);
            x->text = flint_malloc((size_t) n + 1);
            memcpy(x->text, P->s + P->i, (size_t) n);
            x->text[n] = '\0';
            P->i += (size_t) n;
        }
        return x;
    }
    else if (IS("operatorname"))
    {
        mnode * a = parse_arg(P, depth + 1);
        int letters = 1;

        /* A name of letters is an operator name; anything else is shown
           upright as it is. */
        if (a->type == N_LEAF)
            letters = a->elem == 'i' || a->elem == 'n';
        else
            for (k = 0; k < a->n && letters; k++)
                letters = a->kids[k]->type == N_LEAF
                          && (a->kids[k]->elem == 'i' || a->kids[k]->elem == 'n');
        if (letters && (a->type == N_LEAF || a->n > 0))
        {
            lc_sb nm = { NULL, 0, 0 };

            if (a->type == N_LEAF)
                lc_sb_cat(&nm, a->text);
            else
                for (k = 0; k < a->n; k++)
                    lc_sb_cat(&nm, a->kids[k]->text);
            lc_sb_printf(&t, "\\operatorname{%s}", nm.s);
            x = leaf('i', nm.s, t.s, t.s, F_OPNAME);
            flint_free(nm.s);
            flint_free(t.s);
            _lc_tm_free(a);
            return x;
        }
        x = node_new(N_STYLE);
        x->tex = dup("\\operatorname");
        x->text = dup("mathrm");
        x->a = a;
        return x;
    }
    else if ((st = _lc_tm_style_find(name, len)) != NULL)
    {
        x = node_new(N_STYLE);
        lc_sb_printf(&t, "\\%s", st->name);
        x->tex = lc_sb_take(&t);
        x->text = dup(st->name);
        x->a = parse_arg(P, depth + 1);
        return x;
    }
    else if ((acc = _lc_tm_accent(name, len)) != NULL)
    {
        x = node_new(N_ACCENT);
        x->text = dup(acc);
        lc_sb_printf(&t, "\\%.*s", (int) len, name);
        x->tex = lc_sb_take(&t);
        x->a = parse_arg(P, depth + 1);
        return x;
    }
    if (_lc_tm_ignored(name, len))
        return NULL;
#undef IS
    if ((y = _lc_tm_sym_find(name, len)) != NULL)
    {
        lc_sb tex = { NULL, 0, 0 };
        char elem = y->kind == 'I' ? 'i' : y->kind == 'n' ? 'i' : y->kind == 's' ? 's'
                    : y->kind == 'i' ? 'i' : 'o';
        int flags = y->kind == 'I' ? F_NORMAL : y->kind == 'f' ? F_NOSTRETCH
                    : y->kind == 'n' ? F_OPNAME : 0;

        if (y->tex != NULL)
            lc_sb_cat(&tex, y->tex);
        else
            lc_sb_printf(&tex, "\\%s", y->name);
        x = leaf(elem, y->uni, tex.s, y->md != NULL ? y->md : tex.s, flags);
        flint_free(tex.s);
        return x;
    }
    /* Unknown (or too deep): its name as text.  pdflatex gets the name
       printed; GitHub's MathJax may know the command, so it gets it. */
    {
        lc_sb text = { NULL, 0, 0 }, tex = { NULL, 0, 0 }, md = { NULL, 0, 0 };

        lc_sb_cat(&text, "\\");
        _lc_tm_catn(&text, name, len);
        lc_sb_cat(&tex, "\\mbox{");
        _lc_tm_tex_text(&tex, text.s, text.len);
        lc_sb_cat(&tex, "}");
        if (len > 0 && tm_is_alpha(name[0]))
            lc_sb_cat(&md, text.s);
        else
        {
            lc_sb_cat(&md, "\\text{");
            _lc_tm_tex_text(&md, name, len);
            lc_sb_cat(&md, "}");
        }
        x = leaf('t', text.s, tex.s, md.s, 0);
        flint_free(text.s);
        flint_free(tex.s);
        flint_free(md.s);
        return x;
    }
}

static mnode *
parse_atom(parser * P, int depth)
{
    char c = P->s[P->i];

    if (c == '{')
    {
        mnode * r;

        if (depth > LC_TEXMATH_DEPTH)
            return raw_group(P);
        P->i++;
        r = parse_row(P, depth + 1, '}');
        r->flags |= F_BRACED;
        if (P->i < P->n && P->s[P->i] == '}')
            P->i++;
        return r;
    }
    if (c == '\\')
        return parse_command(P, depth);
    if (tm_is_digit(c))
    {
        size_t start = P->i;
        char * num;
        mnode * x;

        while (P->i < P->n && (tm_is_digit(P->s[P->i])
               || (P->s[P->i] == '.' && P->i + 1 < P->n && tm_is_digit(P->s[P->i + 1]))))
            P->i++;
        num = flint_malloc(P->i - start + 1);
        memcpy(num, P->s + start, P->i - start);
        num[P->i - start] = '\0';
        x = leaf('n', num, num, num, 0);
        flint_free(num);
        return x;
    }
    return char_leaf(P);
}

/* A row up to stop ('}', ']', 'r' for \right, or 0: the end), not
   consuming the stop. */
static mnode *
parse_row(parser * P, int depth, char stop)
{
    mnode * r = node_new(N_ROW);

    for (;;)
    {
        char c;

        skip_space(P);
        if (P->i >= P->n)
            break;
        c = P->s[P->i];
        if ((stop == '}' && c == '}') || (stop == ']' && c == ']')
            || (stop == 'r' && at_right(P)))
            break;
        if (c == '^' || c == '_')
        {
            mnode * last = r->n > 0 ? r->kids[r->n - 1] : NULL, * s;
            int sup = c == '^';

            P->i++;
            /* A script on a script with that slot taken starts a new one
               on an empty base beside it (TeX would say "double
               superscript"): nothing nests deeper than the source does. */
            if (last != NULL && last->type == N_SCRIPT && (sup ? last->c : last->b) == NULL)
                s = last;
            else
            {
                s = node_new(N_SCRIPT);
                if (last != NULL && last->type != N_SCRIPT)
                {
                    s->a = last;
                    r->n--;
                }
                else
                    s->a = node_new(N_ROW);
                row_push(r, s);
            }
            if (sup)
                s->c = parse_arg(P, depth + 1);
            else
                s->b = parse_arg(P, depth + 1);
            continue;
        }
        if (c == '}')   /* a brace that closes nothing: shown */
        {
            row_push(r, char_leaf(P));
            continue;
        }
        row_push(r, parse_atom(P, depth));
    }
    return r;
}

mnode *
_lc_tm_parse(const char * tex, size_t n)
{
    parser P;
    char * s = flint_malloc(n + 1);
    mnode * r;

    memcpy(s, tex, n);
    s[n] = '\0';
    P.s = s;
    P.n = strlen(s);    /* an embedded NUL ends the maths */
    P.i = 0;
    r = parse_row(&P, 0, 0);
    flint_free(s);
    return r;
}

