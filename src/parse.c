/* parse.c -- a recursive-descent parser for the liecheck language.
 *
 * Every parse function returns a new node, or NULL after recording the first
 * error in the parser's diagnostic; the caller frees what it built so far
 * and returns NULL too, so an error unwinds without leaks. */
#include "config.h"
#include <string.h>
#include "parse.h"
#include "claim.h"

typedef struct
{
    lc_lex_t lx;
    lc_diag_struct * d;
    int depth;
    int failed;
    int in_claim;
    int in_def;       /* inside a def's block body: return is allowed */
    int at_eof;       /* the error was that the input ended too soon */
}
parser;

static lc_node expr(parser * p);
static lc_node block(parser * p, const char * what, int line);

static lc_node
node_new(lc_node_kind kind, lc_pos_t pos)
{
    lc_node n = flint_malloc(sizeof(lc_node_struct));

    memset(n, 0, sizeof(lc_node_struct));
    n->kind = kind;
    n->pos = pos;
    n->height = 1;
    return n;
}

static void
node_push(lc_node n, lc_node kid)
{
    /* grow by doubling; nkids is small in practice */
    if ((n->nkids & (n->nkids - 1)) == 0)
        n->kids = flint_realloc(n->kids, sizeof(lc_node) * (n->nkids ? 2 * n->nkids : 1));
    n->kids[n->nkids++] = kid;
    if (kid->height + 1 > n->height)
        n->height = kid->height + 1;
}

void
lc_node_free(lc_node n)
{
    slong i;

    if (n == NULL)
        return;
    for (i = 0; i < n->nkids; i++)
        lc_node_free(n->kids[i]);
    flint_free(n->kids);
    flint_free(n->name);
    for (i = 0; i < 4; i++)
        flint_free(n->attr[i]);
    lc_node_free(n->sweep);
    for (i = 0; i < n->nparams; i++)
        flint_free(n->params[i]);
    flint_free(n->params);
    if (n->k != NULL)
        lc_val_unref(n->k);
    flint_free(n);
}

static char *
str_dup(const char * s)
{
    size_t n = strlen(s) + 1;
    char * t = flint_malloc(n);

    memcpy(t, s, n);
    return t;
}

lc_node
lc_node_copy(const lc_node n)
{
    lc_node c;
    slong i;

    if (n == NULL)
        return NULL;
    c = flint_malloc(sizeof(lc_node_struct));
    *c = *n;
    c->name = n->name ? str_dup(n->name) : NULL;
    c->k = n->k ? lc_val_ref(n->k) : NULL;
    for (i = 0; i < 4; i++)
        c->attr[i] = n->attr[i] ? str_dup(n->attr[i]) : NULL;
    c->sweep = lc_node_copy(n->sweep);
    c->params = NULL;
    if (n->nparams > 0)
    {
        c->params = flint_malloc(sizeof(char *) * n->nparams);
        for (i = 0; i < n->nparams; i++)
            c->params[i] = str_dup(n->params[i]);
    }
    c->kids = NULL;
    if (n->nkids > 0)
    {
        /* room for node_push's doubling rule: the next power of two */
        slong cap = 1;
        while (cap < n->nkids)
            cap *= 2;
        c->kids = flint_malloc(sizeof(lc_node) * cap);
        for (i = 0; i < n->nkids; i++)
            c->kids[i] = lc_node_copy(n->kids[i]);
    }
    return c;
}

#define TOK(p) ((p)->lx->tok)

/* Whether the current token is the name w (keywords are names to the lexer). */
static int
is_word(parser * p, const char * w)
{
    return TOK(p).kind == LC_TK_NAME && strcmp(TOK(p).str, w) == 0;
}

static const char * const keywords[] =
{
    "if", "then", "else", "for", "in", "while", "and", "or", "not", "return"
};

static int
is_keyword(const char * s)
{
    size_t i;

    for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
        if (strcmp(s, keywords[i]) == 0)
            return 1;
    return 0;
}

/* A statement ends at a line break or ';'. */
static int
is_sep(lc_tok_kind k)
{
    return k == LC_TK_NEWLINE || k == LC_TK_SEMI;
}

/* After an infix operator, '=', 'then' or 'else' the expression goes on, so
   line breaks there are dropped (def f(X) = on one line, the body on the
   next). */
static void
skip_nl(parser * p)
{
    while (TOK(p).kind == LC_TK_NEWLINE)
        lc_lex_next(p->lx);
}

/* Record the first error; later ones are consequences of it. */
static lc_node
fail(parser * p, lc_pos_t pos, const char * msg, int code)
{
    if (!p->failed)
    {
        p->failed = 1;
        if (TOK(p).kind == LC_TK_ERROR)
        {
            p->d->pos = p->lx->diag->pos;
            *p->d->err = *p->lx->diag->err;
        }
        else
            lc_diag_set(p->d, pos, code, "%s", msg);
    }
    return NULL;
}

/* An error about the current token.  When the line or the input has ended,
   point just after the last token, where the missing piece belongs, rather
   than at the start of some later line. */
static lc_node
fail_here(parser * p, const char * msg)
{
    lc_tok_kind k = TOK(p).kind;

    if (k == LC_TK_EOF && !p->failed)
        p->at_eof = 1;
    return fail(p, k == LC_TK_EOF || k == LC_TK_NEWLINE ? p->lx->prev_end : TOK(p).pos,
                msg, LC_E_PARSE);
}

static lc_node
fail_unexpected(parser * p)
{
    char what[64], msg[160];

    lc_lex_describe(what, sizeof(what), p->lx);
    snprintf(msg, sizeof(msg), "unexpected %s", what);
    return fail_here(p, msg);
}

/* Refuse trees taller than the evaluator may recurse; frees n if so. */
static lc_node
height_ok(parser * p, lc_node n)
{
    char msg[80];

    if (n->height <= LC_MAX_TREE_HEIGHT)
        return n;
    snprintf(msg, sizeof(msg), "expression too long (more than %d terms in a chain)", LC_MAX_TREE_HEIGHT);
    fail(p, n->pos, msg, LC_E_LIMIT);
    lc_node_free(n);
    return NULL;
}

static int
enter(parser * p)
{
    if (++p->depth > LC_MAX_DEPTH)
    {
        char msg[64];

        snprintf(msg, sizeof(msg), "expression nested too deeply (limit %d)", LC_MAX_DEPTH);
        fail(p, TOK(p).pos, msg, LC_E_LIMIT);
        return 0;
    }
    return 1;
}

/* Comma-separated expressions up to the closing token, appended to n. */
static lc_node
exprlist(parser * p, lc_node n, lc_tok_kind close, const char * what)
{
    lc_node e;
    int kw_seen = 0, i;

    while (TOK(p).kind != close)
    {
        if ((e = expr(p)) == NULL)
            goto err;
        if (n->kind == LC_N_CALL && TOK(p).kind == LC_TK_ASSIGN && e->kind == LC_N_NAME)
        {
            /* name = value: a keyword argument */
            lc_node k = node_new(LC_N_KWARG, e->pos), v;

            for (i = 1; i < n->nkids; i++)
                if (n->kids[i]->kind == LC_N_KWARG && strcmp(n->kids[i]->name, e->name) == 0)
                {
                    lc_node_free(k);
                    lc_node_free(e);
                    fail_here(p, "a keyword argument is given twice");
                    goto err;
                }
            k->name = e->name;
            e->name = NULL;
            lc_node_free(e);
            lc_lex_next(p->lx);
            if ((v = expr(p)) == NULL)
            {
                lc_node_free(k);
                goto err;
            }
            node_push(k, v);
            e = k;
            kw_seen = 1;
        }
        else if (n->kind == LC_N_CALL && TOK(p).kind == LC_TK_ASSIGN)
        {
            lc_node_free(e);
            fail_here(p, "a keyword argument is a name, '=' and a value: f(name=value) "
                         "(to compare, use ==)");
            goto err;
        }
        else if (kw_seen)
        {
            lc_node_free(e);
            fail_here(p, "positional arguments must come before keyword arguments");
            goto err;
        }
        node_push(n, e);
        if (TOK(p).kind == LC_TK_COMMA)
            lc_lex_next(p->lx);
        else if (TOK(p).kind != close)
        {
            fail_here(p, what);
            goto err;
        }
    }
    lc_lex_next(p->lx);
    return n;
err:
    lc_node_free(n);
    return NULL;
}

/* Turn a list of list literals into a matrix literal, checking its shape. */
static lc_node
matrix_literal(parser * p, lc_node n)
{
    slong i, j, cols = n->kids[0]->nkids;
    lc_node m;
    char msg[128];

    for (i = 0; i < n->nkids; i++)
    {
        if (n->kids[i]->nkids == 0)
        {
            snprintf(msg, sizeof(msg), "empty row %ld in matrix literal", (long) (i + 1));
            fail(p, n->kids[i]->pos, msg, LC_E_PARSE);
            lc_node_free(n);
            return NULL;
        }
        if (n->kids[i]->nkids != cols)
        {
            snprintf(msg, sizeof(msg), "ragged matrix literal: row %ld has %ld entr%s, row 1 has %ld",
                     (long) (i + 1), (long) n->kids[i]->nkids, n->kids[i]->nkids == 1 ? "y" : "ies",
                     (long) cols);
            fail(p, n->kids[i]->pos, msg, LC_E_PARSE);
            lc_node_free(n);
            return NULL;
        }
    }
    m = node_new(LC_N_MATRIX, n->pos);
    m->rows = n->nkids;
    m->cols = cols;
    for (i = 0; i < n->nkids; i++)
    {
        for (j = 0; j < cols; j++)
            node_push(m, n->kids[i]->kids[j]);
        n->kids[i]->nkids = 0;  /* the entries now belong to m */
    }
    lc_node_free(n);
    return m;
}

static lc_node
list_literal(parser * p)
{
    lc_node n = node_new(LC_N_LIST, TOK(p).pos);
    slong i;
    int all_lists;

    lc_lex_next(p->lx);
    if ((n = exprlist(p, n, LC_TK_RBRACKET, "expected ']' after list elements")) == NULL)
        return NULL;
    all_lists = n->nkids > 0;
    for (i = 0; i < n->nkids; i++)
        all_lists = all_lists && n->kids[i]->kind == LC_N_LIST;
    return all_lists ? matrix_literal(p, n) : n;
}

static lc_node if_rest(parser * p, int as_stmt);

static lc_node
primary(parser * p)
{
    lc_node n;
    lc_pos_t pos = TOK(p).pos;

    switch (TOK(p).kind)
    {
        case LC_TK_NUMBER:
            n = node_new(LC_N_CONST, pos);
            n->k = lc_val_num(TOK(p).num);
            break;
        case LC_TK_STRING:
            n = node_new(LC_N_CONST, pos);
            n->k = lc_val_str(TOK(p).str, TOK(p).len);
            break;
        case LC_TK_TRUE:
        case LC_TK_FALSE:
            n = node_new(LC_N_CONST, pos);
            n->k = lc_val_bool(TOK(p).kind == LC_TK_TRUE);
            break;
        case LC_TK_NAME:
            if (strcmp(TOK(p).str, "if") == 0)
                return if_rest(p, 0);
            if (is_keyword(TOK(p).str))
            {
                char msg[120];

                snprintf(msg, sizeof(msg), "unexpected keyword '%s'", TOK(p).str);
                return fail_here(p, msg);
            }
            n = node_new(LC_N_NAME, pos);
            n->name = str_dup(TOK(p).str);
            break;
        case LC_TK_LPAREN:
            if (!enter(p))
                return NULL;
            lc_lex_next(p->lx);
            if ((n = expr(p)) == NULL)
                return NULL;
            p->depth--;
            if (TOK(p).kind != LC_TK_RPAREN)
            {
                lc_node_free(n);
                return fail_here(p, "expected ')' to close '('");
            }
            break;
        case LC_TK_LBRACKET:
            if (!enter(p))
                return NULL;
            n = list_literal(p);
            p->depth--;
            return n;
        case LC_TK_LBRACE:
            return fail_here(p, "a block '{ ... }' stands only after claim, control, corrected "
                             "or coverage");
        default:
            return fail_unexpected(p);
    }
    lc_lex_next(p->lx);
    return n;
}

static lc_node
postfix(parser * p)
{
    lc_node n, c;

    if ((n = primary(p)) == NULL)
        return NULL;
    for (;;)
    {
        if ((TOK(p).kind == LC_TK_LPAREN || TOK(p).kind == LC_TK_LBRACKET) && !enter(p))
        {
            lc_node_free(n);
            return NULL;
        }
        if (TOK(p).kind == LC_TK_LPAREN)
        {
            c = node_new(LC_N_CALL, n->kind == LC_N_NAME ? n->pos : TOK(p).pos);
            node_push(c, n);
            lc_lex_next(p->lx);
            if ((n = exprlist(p, c, LC_TK_RPAREN, "expected ')' after arguments")) == NULL)
                return NULL;
            p->depth--;
        }
        else if (TOK(p).kind == LC_TK_LBRACKET)
        {
            c = node_new(LC_N_INDEX, TOK(p).pos);
            node_push(c, n);
            lc_lex_next(p->lx);
            if ((n = exprlist(p, c, LC_TK_RBRACKET, "expected ']' after index")) == NULL)
                return NULL;
            if (n->nkids < 2 || n->nkids > 3)
            {
                fail(p, n->pos, "an index needs one or two subscripts: x[i] or A[i, j]", LC_E_PARSE);
                lc_node_free(n);
                return NULL;
            }
            p->depth--;
        }
        else
            return n;
        if ((n = height_ok(p, n)) == NULL)
            return NULL;
    }
}

static lc_node
binop(lc_tok_kind op, lc_pos_t pos, lc_node a, lc_node b)
{
    lc_node n = node_new(LC_N_BINOP, pos);

    n->op = op;
    node_push(n, a);
    node_push(n, b);
    return n;
}

static lc_node unary(parser * p);

static lc_node
power(parser * p)
{
    lc_node a, b;
    lc_pos_t pos;

    if ((a = postfix(p)) == NULL)
        return NULL;
    if (TOK(p).kind != LC_TK_CARET)
        return a;
    pos = TOK(p).pos;
    if (!enter(p))
    {
        lc_node_free(a);
        return NULL;
    }
    lc_lex_next(p->lx);
    skip_nl(p);
    if ((b = unary(p)) == NULL)
    {
        lc_node_free(a);
        return NULL;
    }
    p->depth--;
    return binop(LC_TK_CARET, pos, a, b);
}

static lc_node
unary(parser * p)
{
    lc_node n, a;
    lc_pos_t pos = TOK(p).pos;
    lc_tok_kind k = TOK(p).kind;

    if (k == LC_TK_MINUS || k == LC_TK_PLUS)
    {
        if (!enter(p))
            return NULL;
        lc_lex_next(p->lx);
        if ((a = unary(p)) == NULL)
            return NULL;
        p->depth--;
        if (k == LC_TK_PLUS)
            n = a;
        else
        {
            n = node_new(LC_N_NEG, pos);
            node_push(n, a);
        }
    }
    else
        n = power(p);
    return n;
}

static lc_node
term(parser * p)
{
    lc_node a, b;
    lc_tok_kind op;
    lc_pos_t pos;

    if ((a = unary(p)) == NULL)
        return NULL;
    while (TOK(p).kind == LC_TK_STAR || TOK(p).kind == LC_TK_SLASH)
    {
        op = TOK(p).kind;
        pos = TOK(p).pos;
        lc_lex_next(p->lx);
        skip_nl(p);
        if ((b = unary(p)) == NULL)
        {
            lc_node_free(a);
            return NULL;
        }
        if ((a = height_ok(p, binop(op, pos, a, b))) == NULL)
            return NULL;
    }
    return a;
}

static lc_node
sum(parser * p)
{
    lc_node a, b;
    lc_tok_kind op;
    lc_pos_t pos;

    if ((a = term(p)) == NULL)
        return NULL;
    while (TOK(p).kind == LC_TK_PLUS || TOK(p).kind == LC_TK_MINUS)
    {
        op = TOK(p).kind;
        pos = TOK(p).pos;
        lc_lex_next(p->lx);
        skip_nl(p);
        if ((b = term(p)) == NULL)
        {
            lc_node_free(a);
            return NULL;
        }
        if ((a = height_ok(p, binop(op, pos, a, b))) == NULL)
            return NULL;
    }
    return a;
}

static int
is_comparison(lc_tok_kind k)
{
    return k == LC_TK_EQ || k == LC_TK_NE || k == LC_TK_LT || k == LC_TK_LE
        || k == LC_TK_GT || k == LC_TK_GE;
}

/* Comparisons do not chain: a < b < c is a syntax error. */
static lc_node
comparison(parser * p)
{
    lc_node a, b;
    lc_tok_kind op;
    lc_pos_t pos;

    if ((a = sum(p)) == NULL)
        return NULL;
    if (!is_comparison(TOK(p).kind))
        return a;
    op = TOK(p).kind;
    pos = TOK(p).pos;
    lc_lex_next(p->lx);
    skip_nl(p);
    if ((b = sum(p)) == NULL)
    {
        lc_node_free(a);
        return NULL;
    }
    if ((a = height_ok(p, binop(op, pos, a, b))) == NULL)
        return NULL;
    if (is_comparison(TOK(p).kind))
    {
        lc_node_free(a);
        return fail_here(p, "comparisons do not chain; compare two values at a time");
    }
    return a;
}

/* 'not' x, or the name of the built-in not when nothing follows it that
   could be an operand (map(not, L)). */
static lc_node
not_expr(parser * p)
{
    lc_node n, a;
    lc_pos_t pos = TOK(p).pos;
    lc_tok_kind k;

    if (!is_word(p, "not"))
        return comparison(p);
    lc_lex_next(p->lx);
    k = TOK(p).kind;
    if (k == LC_TK_COMMA || k == LC_TK_RPAREN || k == LC_TK_RBRACKET || k == LC_TK_RBRACE
        || k == LC_TK_EOF || is_sep(k))
    {
        n = node_new(LC_N_NAME, pos);
        n->name = str_dup("not");
        return n;
    }
    if (!enter(p))
        return NULL;
    if ((a = not_expr(p)) == NULL)
        return NULL;
    p->depth--;
    n = node_new(LC_N_NOT, pos);
    node_push(n, a);
    return n;
}

/* a and b and ..., or a or b or ...: left associative, 'and' binding
   tighter than 'or'. */
static lc_node
logic(parser * p, int is_or)
{
    lc_node a, b, n;
    lc_pos_t pos;

    if ((a = is_or ? logic(p, 0) : not_expr(p)) == NULL)
        return NULL;
    while (is_word(p, is_or ? "or" : "and"))
    {
        pos = TOK(p).pos;
        lc_lex_next(p->lx);
        skip_nl(p);
        if ((b = is_or ? logic(p, 0) : not_expr(p)) == NULL)
        {
            lc_node_free(a);
            return NULL;
        }
        n = node_new(is_or ? LC_N_OR : LC_N_AND, pos);
        node_push(n, a);
        node_push(n, b);
        if ((a = height_ok(p, n)) == NULL)
            return NULL;
    }
    return a;
}

static lc_node
expr(parser * p)
{
    if (is_word(p, "if"))
        return if_rest(p, 0);
    return logic(p, 1);
}

/* At 'if': the expression form if C then A else B (as_stmt == 0, or when
   'then' follows the condition), or the statement form if C { ... } [else
   { ... } | else if ...]. */
static lc_node
if_rest(parser * p, int as_stmt)
{
    lc_node n, e;
    lc_pos_t pos = TOK(p).pos;
    int line = pos.line;

    if (!enter(p))
        return NULL;
    lc_lex_next(p->lx);
    if ((e = expr(p)) == NULL)
        return NULL;
    if (is_word(p, "then"))
    {
        n = node_new(LC_N_IFEXPR, pos);
        node_push(n, e);
        lc_lex_next(p->lx);
        skip_nl(p);
        if ((e = expr(p)) == NULL)
        {
            lc_node_free(n);
            return NULL;
        }
        node_push(n, e);
        skip_nl(p);
        if (!is_word(p, "else"))
        {
            lc_node_free(n);
            return fail_here(p, "expected 'else' in 'if ... then ... else ...' (an if without "
                                "else is the statement if COND { ... })");
        }
        lc_lex_next(p->lx);
        skip_nl(p);
        if ((e = expr(p)) == NULL)
        {
            lc_node_free(n);
            return NULL;
        }
        node_push(n, e);
        p->depth--;
        return height_ok(p, n);
    }
    if (!as_stmt)
    {
        lc_node_free(e);
        return fail_here(p, "expected 'then' after the condition of 'if' (the block form "
                            "if COND { ... } is a statement of its own)");
    }
    if (TOK(p).kind != LC_TK_LBRACE)
    {
        lc_node_free(e);
        return fail_here(p, "expected 'then' or '{' after the condition of 'if'");
    }
    n = node_new(LC_N_IF, pos);
    node_push(n, e);
    if ((e = block(p, "the if block", line)) == NULL)
    {
        lc_node_free(n);
        return NULL;
    }
    node_push(n, e);
    if (is_word(p, "else"))
    {
        lc_lex_next(p->lx);
        if (is_word(p, "if"))
        {
            if ((e = if_rest(p, 1)) != NULL && e->kind == LC_N_IFEXPR)
            {
                lc_node x = node_new(LC_N_EXPR, e->pos);

                node_push(x, e);
                e = x;
            }
        }
        else if (TOK(p).kind == LC_TK_LBRACE)
            e = block(p, "the else block", TOK(p).pos.line);
        else
            e = fail_here(p, "expected '{' or 'if' after 'else'");
        if (e == NULL)
        {
            lc_node_free(n);
            return NULL;
        }
        node_push(n, e);
    }
    p->depth--;
    return n;
}

static lc_node statement(parser * p);

/* After 'claim', 'control' or 'corrected': the statement, for 'corrected'
   the clause of "ID", the other clauses, and the body in braces. */
static lc_node
claim_stmt(parser * p, lc_claim_role role)
{
    lc_node c = node_new(LC_N_CLAIM, TOK(p).pos), s;
    char msg[200];
    int line = TOK(p).pos.line, saved_def;
    const char * word = lc_claim_role_name(role);

    if (p->in_claim)
    {
        lc_node_free(c);
        return fail(p, TOK(p).pos, p->in_claim == 2 ? "a claim cannot stand inside a coverage "
                    "block" : "claims cannot be nested", LC_E_PARSE);
    }
    lc_lex_next(p->lx);
    if (TOK(p).kind != LC_TK_STRING)
    {
        lc_node_free(c);
        snprintf(msg, sizeof(msg), "expected the statement (a string) after '%s'", word);
        return fail_here(p, msg);
    }
    c->name = str_dup(TOK(p).str);
    c->role = (int) role;
    lc_lex_next(p->lx);
    if (role == LC_ROLE_CORRECTED)
    {
        if (TOK(p).kind != LC_TK_NAME || strcmp(TOK(p).str, "of") != 0)
        {
            lc_node_free(c);
            return fail_here(p, "expected 'of \"ID\"' after the statement of a corrected claim "
                                "(the id of the refuted claim it corrects)");
        }
        lc_lex_next(p->lx);
        if (TOK(p).kind != LC_TK_STRING)
        {
            lc_node_free(c);
            return fail_here(p, "expected the id of the corrected claim (a string) after 'of'");
        }
        c->attr[3] = str_dup(TOK(p).str);
        lc_lex_next(p->lx);
    }
    while (TOK(p).kind == LC_TK_NAME)
    {
        const char * w = TOK(p).str;
        int slot = strcmp(w, "source") == 0 ? 0 : strcmp(w, "id") == 0 ? 1
                 : strcmp(w, "expect") == 0 ? 2 : strcmp(w, "sweep") == 0 ? 3 : -1;

        if (slot < 0)
        {
            snprintf(msg, sizeof(msg), "unknown claim clause '%.60s' (expected source, id, "
                     "expect, sweep or '{')", w);
            lc_node_free(c);
            return fail_here(p, msg);
        }
        if ((slot < 3 && c->attr[slot] != NULL) || (slot == 3 && c->sweep != NULL))
        {
            snprintf(msg, sizeof(msg), "the clause '%s' appears twice", w);
            lc_node_free(c);
            return fail_here(p, msg);
        }
        lc_lex_next(p->lx);
        if (slot == 3)
        {
            if ((c->sweep = expr(p)) == NULL)
            {
                lc_node_free(c);
                return NULL;
            }
        }
        else if (slot == 2)
        {
            lc_verdict v;
            lc_err_t e;

            if (TOK(p).kind != LC_TK_NAME || lc_verdict_parse(&v, TOK(p).str, e) != LC_OK
                || v == LC_VERDICT_NONE)
            {
                lc_node_free(c);
                return fail_here(p, "expect needs a verdict: PROVED, HOLDS, REFUTED, "
                                    "UNDECIDED or NOT_CHECKABLE");
            }
            c->attr[2] = str_dup(TOK(p).str);
            lc_lex_next(p->lx);
        }
        else
        {
            if (TOK(p).kind != LC_TK_STRING)
            {
                snprintf(msg, sizeof(msg), "expected a string after '%s'", slot ? "id" : "source");
                lc_node_free(c);
                return fail_here(p, msg);
            }
            if (slot == 1 && TOK(p).str[0] == '\0')
            {
                lc_node_free(c);
                return fail_here(p, "an id cannot be empty");
            }
            c->attr[slot] = str_dup(TOK(p).str);
            lc_lex_next(p->lx);
        }
    }
    if (TOK(p).kind != LC_TK_LBRACE)
    {
        lc_node_free(c);
        return fail_here(p, "expected '{' to open the body of the claim");
    }
    lc_lex_next(p->lx);
    p->in_claim = 1;
    saved_def = p->in_def;
    p->in_def = 0;      /* a claim's body is not the function's: no return */
    for (;;)
    {
        while (is_sep(TOK(p).kind))
            lc_lex_next(p->lx);
        if (TOK(p).kind == LC_TK_RBRACE)
            break;
        if (TOK(p).kind == LC_TK_EOF)
        {
            snprintf(msg, sizeof(msg), "expected '}' to close the claim opened on line %d", line);
            lc_node_free(c);
            p->in_claim = 0;
            p->in_def = saved_def;
            return fail_here(p, msg);
        }
        if ((s = statement(p)) == NULL)
        {
            lc_node_free(c);
            p->in_claim = 0;
            p->in_def = saved_def;
            return NULL;
        }
        node_push(c, s);
        if (!is_sep(TOK(p).kind) && TOK(p).kind != LC_TK_RBRACE)
        {
            lc_node_free(c);
            p->in_claim = 0;
            p->in_def = saved_def;
            return fail_unexpected(p);
        }
    }
    p->in_claim = 0;
    p->in_def = saved_def;
    lc_lex_next(p->lx);
    return c;
}

/* Is s a call item(...), the one statement a coverage block holds? */
static int
is_item_call(const lc_node s)
{
    const lc_node e = s->kind == LC_N_EXPR && s->nkids == 1 ? s->kids[0] : NULL;

    return e != NULL && e->kind == LC_N_CALL && e->kids[0]->kind == LC_N_NAME
        && strcmp(e->kids[0]->name, "item") == 0;
}

/* After 'coverage': a block of item(...) calls in braces. */
static lc_node
coverage_stmt(parser * p)
{
    lc_node c = node_new(LC_N_COVERAGE, TOK(p).pos), s;
    char msg[200];
    int line = TOK(p).pos.line;

    if (p->in_claim)
    {
        lc_node_free(c);
        return fail(p, TOK(p).pos, p->in_claim == 2 ? "coverage blocks cannot be nested"
                    : "a coverage block cannot stand inside a claim", LC_E_PARSE);
    }
    lc_lex_next(p->lx);
    if (TOK(p).kind != LC_TK_LBRACE)
    {
        lc_node_free(c);
        return fail_here(p, "expected '{' after 'coverage'");
    }
    lc_lex_next(p->lx);
    p->in_claim = 2;    /* nothing nests inside: no claim, no coverage */
    for (;;)
    {
        while (is_sep(TOK(p).kind))
            lc_lex_next(p->lx);
        if (TOK(p).kind == LC_TK_RBRACE)
            break;
        if (TOK(p).kind == LC_TK_EOF)
        {
            snprintf(msg, sizeof(msg), "expected '}' to close the coverage block opened on line %d",
                     line);
            lc_node_free(c);
            p->in_claim = 0;
            return fail_here(p, msg);
        }
        if ((s = statement(p)) == NULL)
        {
            lc_node_free(c);
            p->in_claim = 0;
            return NULL;
        }
        node_push(c, s);
        if (!is_item_call(s))
        {
            lc_pos_t at = s->pos;

            lc_node_free(c);
            p->in_claim = 0;
            return fail(p, at, "a coverage block holds only item(LABEL, WHAT, IDS_OR_REASON) "
                        "lines", LC_E_PARSE);
        }
        if (!is_sep(TOK(p).kind) && TOK(p).kind != LC_TK_RBRACE)
        {
            lc_node_free(c);
            p->in_claim = 0;
            return fail_unexpected(p);
        }
    }
    p->in_claim = 0;
    lc_lex_next(p->lx);
    return c;
}

/* At '{': statements up to the matching '}', as an LC_N_BLOCK; what and
   line name the construct in the message when the input ends first. */
static lc_node
block(parser * p, const char * what, int line)
{
    lc_node b = node_new(LC_N_BLOCK, TOK(p).pos), s;
    char msg[200];

    if (TOK(p).kind != LC_TK_LBRACE)
    {
        lc_node_free(b);
        snprintf(msg, sizeof(msg), "expected '{' to open %s", what);
        return fail_here(p, msg);
    }
    if (!enter(p))
    {
        lc_node_free(b);
        return NULL;
    }
    lc_lex_next(p->lx);
    for (;;)
    {
        while (is_sep(TOK(p).kind))
            lc_lex_next(p->lx);
        if (TOK(p).kind == LC_TK_RBRACE)
            break;
        if (TOK(p).kind == LC_TK_EOF)
        {
            snprintf(msg, sizeof(msg), "expected '}' to close %s opened on line %d", what, line);
            lc_node_free(b);
            return fail_here(p, msg);
        }
        if ((s = statement(p)) == NULL)
        {
            lc_node_free(b);
            return NULL;
        }
        node_push(b, s);
        if (!is_sep(TOK(p).kind) && TOK(p).kind != LC_TK_RBRACE)
        {
            lc_node_free(b);
            return fail_unexpected(p);
        }
    }
    p->depth--;
    lc_lex_next(p->lx);
    return b;
}

/* After 'for': NAME in expr { ... }. */
static lc_node
for_stmt(parser * p)
{
    lc_node n = node_new(LC_N_FOR, TOK(p).pos), e;
    int line = TOK(p).pos.line;

    lc_lex_next(p->lx);
    if (TOK(p).kind != LC_TK_NAME || is_keyword(TOK(p).str))
    {
        lc_node_free(n);
        return fail_here(p, "expected the name of the loop variable after 'for'");
    }
    n->name = str_dup(TOK(p).str);
    lc_lex_next(p->lx);
    if (!is_word(p, "in"))
    {
        lc_node_free(n);
        return fail_here(p, "expected 'in' after the loop variable: for x in LIST { ... }");
    }
    lc_lex_next(p->lx);
    if ((e = expr(p)) == NULL || (node_push(n, e), (e = block(p, "the for loop", line)) == NULL))
    {
        lc_node_free(n);
        return NULL;
    }
    node_push(n, e);
    return n;
}

/* After 'while': COND { ... }. */
static lc_node
while_stmt(parser * p)
{
    lc_node n = node_new(LC_N_WHILE, TOK(p).pos), e;
    int line = TOK(p).pos.line;

    lc_lex_next(p->lx);
    if ((e = expr(p)) == NULL || (node_push(n, e), (e = block(p, "the while loop", line)) == NULL))
    {
        lc_node_free(n);
        return NULL;
    }
    node_push(n, e);
    return n;
}

/* After 'return': an optional value, only in a def's block body. */
static lc_node
return_stmt(parser * p)
{
    lc_node n = node_new(LC_N_RETURN, TOK(p).pos), e;
    lc_tok_kind k;

    if (!p->in_def)
    {
        lc_node_free(n);
        return fail(p, TOK(p).pos, "'return' outside a function body (def f(x) { ...; return "
                    "value })", LC_E_PARSE);
    }
    lc_lex_next(p->lx);
    k = TOK(p).kind;
    if (is_sep(k) || k == LC_TK_RBRACE || k == LC_TK_EOF)
        return n;
    if ((e = expr(p)) == NULL)
    {
        lc_node_free(n);
        return NULL;
    }
    node_push(n, e);
    return n;
}

/* After 'def': name(params) = expr, or name(params) { statements }. */
static lc_node
def_stmt(parser * p)
{
    lc_node d = node_new(LC_N_DEF, TOK(p).pos), e;
    slong i;

    lc_lex_next(p->lx);
    if (TOK(p).kind != LC_TK_NAME || is_keyword(TOK(p).str))
    {
        lc_node_free(d);
        return fail_here(p, "expected the name of the function after 'def'");
    }
    d->name = str_dup(TOK(p).str);
    d->pos = TOK(p).pos;
    lc_lex_next(p->lx);
    if (TOK(p).kind != LC_TK_LPAREN)
    {
        lc_node_free(d);
        return fail_here(p, "expected '(' and the parameters after the function's name");
    }
    lc_lex_next(p->lx);
    while (TOK(p).kind != LC_TK_RPAREN)
    {
        if (TOK(p).kind != LC_TK_NAME)
        {
            lc_node_free(d);
            return fail_here(p, "expected a parameter name");
        }
        for (i = 0; i < d->nparams; i++)
            if (strcmp(d->params[i], TOK(p).str) == 0)
            {
                lc_node_free(d);
                return fail_here(p, "a parameter name appears twice");
            }
        d->params = flint_realloc(d->params, sizeof(char *) * (d->nparams + 1));
        d->params[d->nparams++] = str_dup(TOK(p).str);
        lc_lex_next(p->lx);
        if (TOK(p).kind == LC_TK_COMMA)
            lc_lex_next(p->lx);
        else if (TOK(p).kind != LC_TK_RPAREN)
        {
            lc_node_free(d);
            return fail_here(p, "expected ',' or ')' in the parameter list");
        }
    }
    lc_lex_next(p->lx);
    if (TOK(p).kind == LC_TK_LBRACE)
    {
        int saved = p->in_def;

        p->in_def = 1;
        e = block(p, "the body of the function", d->pos.line);
        p->in_def = saved;
        if (e == NULL)
        {
            lc_node_free(d);
            return NULL;
        }
        node_push(d, e);
        return d;
    }
    if (TOK(p).kind != LC_TK_ASSIGN)
    {
        lc_node_free(d);
        return fail_here(p, "expected '=' and the body: def f(X) = expression, or "
                            "def f(X) { statements }");
    }
    lc_lex_next(p->lx);
    skip_nl(p);
    if ((e = expr(p)) == NULL)
    {
        lc_node_free(d);
        return NULL;
    }
    node_push(d, e);
    return d;
}

/* `help WORD` and `apropos WORD` (WORD a name, keyword or string): the
   statement help("WORD"), so that a person can ask as in gp or GAP.  NULL
   when e followed by the current token is not such a form. */
static lc_node
help_word(parser * p, lc_node e)
{
    lc_node c, s, a;
    const char * w;

    if (e->kind != LC_N_NAME || (strcmp(e->name, "help") != 0 && strcmp(e->name, "apropos") != 0))
        return NULL;
    if (TOK(p).kind == LC_TK_NAME || TOK(p).kind == LC_TK_STRING)
        w = TOK(p).str;
    else if (TOK(p).kind == LC_TK_TRUE || TOK(p).kind == LC_TK_FALSE)
        w = TOK(p).kind == LC_TK_TRUE ? "true" : "false";
    else
        return NULL;
    a = node_new(LC_N_CONST, TOK(p).pos);
    a->k = lc_val_cstr(w);
    lc_lex_next(p->lx);
    c = node_new(LC_N_CALL, e->pos);
    node_push(c, e);
    node_push(c, a);
    s = node_new(LC_N_EXPR, e->pos);
    node_push(s, c);
    return s;
}

static lc_node
statement(parser * p)
{
    lc_node e, s;
    lc_pos_t pos;

    if (TOK(p).kind == LC_TK_NAME && strcmp(TOK(p).str, "claim") == 0)
        return claim_stmt(p, LC_ROLE_CLAIM);
    if (TOK(p).kind == LC_TK_NAME && strcmp(TOK(p).str, "coverage") == 0)
        return coverage_stmt(p);
    if (TOK(p).kind == LC_TK_NAME && strcmp(TOK(p).str, "control") == 0)
        return claim_stmt(p, LC_ROLE_CONTROL);
    if (TOK(p).kind == LC_TK_NAME && strcmp(TOK(p).str, "corrected") == 0)
        return claim_stmt(p, LC_ROLE_CORRECTED);
    if (TOK(p).kind == LC_TK_NAME && strcmp(TOK(p).str, "def") == 0)
        return def_stmt(p);
    if (is_word(p, "for"))
        return for_stmt(p);
    if (is_word(p, "while"))
        return while_stmt(p);
    if (is_word(p, "return"))
        return return_stmt(p);
    if (is_word(p, "if"))
    {
        if ((e = if_rest(p, 1)) == NULL || e->kind == LC_N_IF)
            return e;
        s = node_new(LC_N_EXPR, e->pos);
        node_push(s, e);
        return s;
    }
    if ((e = expr(p)) == NULL)
        return NULL;
    if ((s = help_word(p, e)) != NULL)
        return s;
    if (TOK(p).kind != LC_TK_ASSIGN)
    {
        s = node_new(LC_N_EXPR, e->pos);
        node_push(s, e);
        return s;
    }
    pos = TOK(p).pos;
    if (e->kind != LC_N_NAME)
    {
        int call = e->kind == LC_N_CALL;

        lc_node_free(e);
        return fail(p, pos, call ? "the left side of '=' must be a name (a function is defined "
                    "with def: def f(x) = ...)" : "the left side of '=' must be a name", LC_E_PARSE);
    }
    lc_lex_next(p->lx);
    skip_nl(p);
    s = node_new(LC_N_ASSIGN, e->pos);
    s->name = e->name;
    e->name = NULL;
    lc_node_free(e);
    if ((e = expr(p)) == NULL)
    {
        lc_node_free(s);
        return NULL;
    }
    node_push(s, e);
    return s;
}

void
lc_chunk_init(lc_chunk_t c)
{
    c->stmts = NULL;
    c->len = 0;
}

void
lc_chunk_clear(lc_chunk_t c)
{
    slong i;

    for (i = 0; i < c->len; i++)
        lc_node_free(c->stmts[i]);
    flint_free(c->stmts);
    lc_chunk_init(c);
}

/* The number of nodes of the tree n. */
static slong
count_nodes(const lc_node n)
{
    slong i, k = 1;

    if (n == NULL)
        return 0;
    for (i = 0; i < n->nkids; i++)
        k += count_nodes(n->kids[i]);
    return k + count_nodes(n->sweep);
}

int
lc_parse(lc_chunk_t c, const char * src, size_t len, lc_diag_t d, int * incomplete)
{
    parser p;
    lc_node s;
    slong alloc = 0, nodes = 0;

    lc_lex_init(p.lx, src, len);
    p.d = d;
    p.depth = 0;
    p.failed = 0;
    p.in_claim = 0;
    p.in_def = 0;
    p.at_eof = 0;
    lc_diag_init(d);
    if (incomplete != NULL)
        *incomplete = 0;

    for (;;)
    {
        while (is_sep(TOK(&p).kind))
            lc_lex_next(p.lx);
        if (TOK(&p).kind == LC_TK_EOF)
            break;
        if ((s = statement(&p)) == NULL)
            goto err;
        if ((nodes += count_nodes(s)) > LC_MAX_SCRIPT_NODES)
        {
            char msg[120];

            snprintf(msg, sizeof(msg), "script too large: more than %ld syntax nodes (split it "
                     "into several scripts)", (long) LC_MAX_SCRIPT_NODES);
            fail(&p, s->pos, msg, LC_E_LIMIT);
            lc_node_free(s);
            goto err;
        }
        if (c->len == alloc)
        {
            alloc = alloc ? 2 * alloc : 16;
            c->stmts = flint_realloc(c->stmts, sizeof(lc_node) * alloc);
        }
        c->stmts[c->len++] = s;
        if (!is_sep(TOK(&p).kind) && TOK(&p).kind != LC_TK_EOF)
        {
            char what[64], msg[160];

            lc_lex_describe(what, sizeof(what), p.lx);
            snprintf(msg, sizeof(msg), "expected end of line after statement, got %s", what);
            fail_here(&p, msg);
            goto err;
        }
    }
    lc_lex_clear(p.lx);
    return LC_OK;

err:
    if (incomplete != NULL)
        *incomplete = TOK(&p).kind != LC_TK_EOF ? 0 : p.lx->depth > 0 ? 1 : p.at_eof ? 2 : 0;
    lc_lex_clear(p.lx);
    lc_chunk_clear(c);
    return d->err->code;
}
