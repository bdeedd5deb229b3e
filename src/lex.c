/* lex.c -- the lexer of the liecheck language. */
#include "config.h"
#include <ctype.h>
#include <stdarg.h>
#include <string.h>
#include <flint/fmpz.h>
#include "lex.h"
#include "value.h"     /* LC_MAX_STR_LEN */

void
lc_diag_init(lc_diag_t d)
{
    d->pos.line = 0;
    d->pos.col = 0;
    lc_err_init(d->err);
}

int
lc_diag_set(lc_diag_t d, lc_pos_t pos, int code, const char * fmt, ...)
{
    va_list ap;

    d->pos = pos;
    d->err->code = code;
    va_start(ap, fmt);
    vsnprintf(d->err->msg, LC_ERR_MSG_LEN, fmt, ap);
    va_end(ap);
    return code;
}

void
lc_diag_fprint(FILE * f, const char * name, const lc_diag_t d)
{
    fprintf(f, "%s:%d:%d: error: %s\n", name, d->pos.line, d->pos.col, d->err->msg);
}

const char *
lc_tok_name(lc_tok_kind k)
{
    switch (k)
    {
        case LC_TK_EOF: return "end of input";
        case LC_TK_NEWLINE: return "end of line";
        case LC_TK_NUMBER: return "number";
        case LC_TK_STRING: return "string";
        case LC_TK_NAME: return "name";
        case LC_TK_TRUE: return "'true'";
        case LC_TK_FALSE: return "'false'";
        case LC_TK_PLUS: return "'+'";
        case LC_TK_MINUS: return "'-'";
        case LC_TK_STAR: return "'*'";
        case LC_TK_SLASH: return "'/'";
        case LC_TK_CARET: return "'^'";
        case LC_TK_LPAREN: return "'('";
        case LC_TK_RPAREN: return "')'";
        case LC_TK_LBRACKET: return "'['";
        case LC_TK_RBRACKET: return "']'";
        case LC_TK_LBRACE: return "'{'";
        case LC_TK_RBRACE: return "'}'";
        case LC_TK_COMMA: return "','";
        case LC_TK_ASSIGN: return "'='";
        case LC_TK_EQ: return "'=='";
        case LC_TK_NE: return "'!='";
        case LC_TK_LT: return "'<'";
        case LC_TK_LE: return "'<='";
        case LC_TK_GT: return "'>'";
        case LC_TK_GE: return "'>='";
        case LC_TK_SEMI: return "';'";
        default: return "invalid token";
    }
}

const char *
lc_lex_describe(char * buf, size_t n, const lc_lex_t lx)
{
    const lc_tok_struct * t = &lx->tok;

    if (t->kind == LC_TK_NAME)
        snprintf(buf, n, "'%.40s'", t->str);
    else
        snprintf(buf, n, "%s", lc_tok_name(t->kind));
    return buf;
}

static void
tok_reset(lc_tok_struct * t)
{
    flint_free(t->str);
    t->str = NULL;
    t->len = 0;
}

void
lc_lex_init(lc_lex_t lx, const char * src, size_t len)
{
    lx->src = src;
    lx->len = len;
    lx->i = 0;
    lx->pos.line = 1;
    lx->pos.col = 1;
    lx->prev_end = lx->pos;
    lx->depth = 0;
    lx->tok.kind = LC_TK_EOF;
    lx->tok.pos = lx->pos;
    fmpq_init(lx->tok.num);
    lx->tok.str = NULL;
    lx->tok.len = 0;
    lc_diag_init(lx->diag);
    lc_lex_next(lx);
}

void
lc_lex_clear(lc_lex_t lx)
{
    tok_reset(&lx->tok);
    fmpq_clear(lx->tok.num);
}

static int
peek(const lc_lex_t lx, size_t k)
{
    return lx->i + k < lx->len ? (unsigned char) lx->src[lx->i + k] : -1;
}

static void
advance(lc_lex_t lx)
{
    if (lx->src[lx->i] == '\n')
    {
        lx->pos.line++;
        lx->pos.col = 1;
    }
    else
        lx->pos.col++;
    lx->i++;
}

static void
lex_error(lc_lex_t lx, lc_pos_t pos, const char * fmt, const char * arg)
{
    lx->tok.kind = LC_TK_ERROR;
    lc_diag_set(lx->diag, pos, LC_E_PARSE, fmt, arg);
}

/* Numbers: digits [. digits] [e [+-] digits], or . digits; the value is the
   exact rational M * 10^(E - f) for mantissa digits M with f of them after
   the point. */
static void
lex_number(lc_lex_t lx)
{
    size_t k = 0;
    slong frac = 0, expo = 0;
    int expsign = 1, seen_point = 0;
    char * digits;
    fmpz_t m, p;
    size_t n = 0;

    /* room for the digits of this number, not for the rest of the script
       (5 million numbers in a 30 MB script asked for 5 million blocks of up
       to 30 MB, and passed any memory limit) */
    while (lx->i + n < lx->len && (isdigit((unsigned char) lx->src[lx->i + n])
                                   || lx->src[lx->i + n] == '.'))
        n++;
    digits = flint_malloc(n + 1);
    while (peek(lx, 0) >= 0 && (isdigit(peek(lx, 0)) || (peek(lx, 0) == '.' && !seen_point)))
    {
        if (peek(lx, 0) == '.')
        {
            if (peek(lx, 1) < 0 || !isdigit(peek(lx, 1)))
            {
                advance(lx);
                flint_free(digits);
                lex_error(lx, lx->pos, "%s", "expected a digit after '.' in number");
                return;
            }
            seen_point = 1;
        }
        else
        {
            digits[k++] = lx->src[lx->i];
            frac += seen_point;
        }
        advance(lx);
    }
    digits[k] = '\0';

    if (peek(lx, 0) == 'e' || peek(lx, 0) == 'E')
    {
        int off = (peek(lx, 1) == '+' || peek(lx, 1) == '-') ? 2 : 1;

        if (peek(lx, off) < 0 || !isdigit(peek(lx, off)))
        {
            flint_free(digits);
            lex_error(lx, lx->pos, "%s", "expected digits in the exponent of a number");
            return;
        }
        advance(lx);
        if (off == 2)
        {
            expsign = lx->src[lx->i] == '-' ? -1 : 1;
            advance(lx);
        }
        while (peek(lx, 0) >= 0 && isdigit(peek(lx, 0)))
        {
            if (expo <= LC_MAX_EXPONENT)
                expo = 10 * expo + (lx->src[lx->i] - '0');
            advance(lx);
        }
        if (expo > LC_MAX_EXPONENT)
        {
            flint_free(digits);
            lx->tok.kind = LC_TK_ERROR;
            lc_diag_set(lx->diag, lx->tok.pos, LC_E_LIMIT,
                        "exponent of number exceeds the limit %d", LC_MAX_EXPONENT);
            return;
        }
    }

    fmpz_init(m);
    fmpz_init(p);
    fmpz_set_str(m, digits, 10);
    expo = expsign * expo - frac;
    fmpz_set_ui(p, 10);
    fmpz_pow_ui(p, p, (ulong) (expo < 0 ? -expo : expo));
    if (expo >= 0)
    {
        fmpz_mul(fmpq_numref(lx->tok.num), m, p);
        fmpz_one(fmpq_denref(lx->tok.num));
    }
    else
    {
        fmpq_set_fmpz_frac(lx->tok.num, m, p);
    }
    fmpz_clear(m);
    fmpz_clear(p);
    flint_free(digits);
    lx->tok.kind = LC_TK_NUMBER;
}

static void
lex_string(lc_lex_t lx)
{
    /* a string ends on its line: room for the rest of the line, not of the
       whole script */
    const char * nl = memchr(lx->src + lx->i, '\n', lx->len - lx->i);
    size_t room = (nl != NULL ? (size_t) (nl - lx->src) : lx->len) - lx->i;
    char * s = flint_malloc(room + 1), bad[3];
    size_t k = 0;

    advance(lx);  /* the opening quote */
    for (;;)
    {
        int c = peek(lx, 0);

        if (c < 0 || c == '\n')
        {
            flint_free(s);
            lex_error(lx, lx->tok.pos, "%s", "unterminated string");
            return;
        }
        if (c == '"')
        {
            advance(lx);
            break;
        }
        if (c == '\\')
        {
            lc_pos_t epos = lx->pos;
            int e = peek(lx, 1);

            if (e == 'n' || e == 't' || e == '"' || e == '\\')
            {
                s[k++] = e == 'n' ? '\n' : e == 't' ? '\t' : (char) e;
                advance(lx);
                advance(lx);
                continue;
            }
            flint_free(s);
            if (e < 0 || e == '\n')
            {
                lex_error(lx, lx->tok.pos, "%s", "unterminated string");
                return;
            }
            bad[0] = isprint(e) ? (char) e : '?';
            bad[1] = '\0';
            lex_error(lx, epos, "unknown escape '\\%s' in string (use \\n, \\t, \\\" or \\\\)", bad);
            return;
        }
        if (c == 0)
        {
            flint_free(s);
            lex_error(lx, lx->pos, "%s", "unexpected byte 0x00 in string");
            return;
        }
        if (k >= (size_t) LC_MAX_STR_LEN)
        {
            char m[80];

            flint_free(s);
            snprintf(m, sizeof(m), "string literal too long (limit %ld bytes)", (long) LC_MAX_STR_LEN);
            lex_error(lx, lx->tok.pos, "%s", m);
            return;
        }
        s[k++] = (char) c;
        advance(lx);
    }
    s[k] = '\0';
    lx->tok.str = s;
    lx->tok.len = k;
    lx->tok.kind = LC_TK_STRING;
}

static void
lex_name(lc_lex_t lx)
{
    size_t start = lx->i, n;

    while (peek(lx, 0) >= 0 && (isalnum(peek(lx, 0)) || peek(lx, 0) == '_'))
        advance(lx);
    n = lx->i - start;
    if (n == 4 && memcmp(lx->src + start, "true", 4) == 0)
        lx->tok.kind = LC_TK_TRUE;
    else if (n == 5 && memcmp(lx->src + start, "false", 5) == 0)
        lx->tok.kind = LC_TK_FALSE;
    else
    {
        lx->tok.kind = LC_TK_NAME;
        lx->tok.str = flint_malloc(n + 1);
        memcpy(lx->tok.str, lx->src + start, n);
        lx->tok.str[n] = '\0';
        lx->tok.len = n;
    }
}

/* Track brackets so that line breaks inside ( ) and [ ] are dropped.  A
   closing bracket that does not match is left for the parser to report. */
static void
lex_open(lc_lex_t lx, char c, lc_tok_kind k)
{
    if (lx->depth >= LC_MAX_DEPTH)
    {
        lx->tok.kind = LC_TK_ERROR;
        lc_diag_set(lx->diag, lx->pos, LC_E_LIMIT,
                    "brackets nested too deeply (limit %d)", LC_MAX_DEPTH);
        return;
    }
    lx->open[lx->depth++] = c;
    lx->tok.kind = k;
    advance(lx);
}

static void
lex_close(lc_lex_t lx, char c, lc_tok_kind k)
{
    if (lx->depth > 0 && lx->open[lx->depth - 1] == c)
        lx->depth--;
    lx->tok.kind = k;
    advance(lx);
}

void
lc_lex_next(lc_lex_t lx)
{
    int c;
    char what[24];

    tok_reset(&lx->tok);
    if (lx->tok.kind == LC_TK_ERROR)
        return;  /* errors are sticky: the parser stops at the first */
    lx->prev_end = lx->pos;

    for (;;)
    {
        c = peek(lx, 0);
        if (c == ' ' || c == '\t' || c == '\r')
            advance(lx);
        else if (c == '#')
        {
            while (peek(lx, 0) >= 0 && peek(lx, 0) != '\n')
                advance(lx);
        }
        else if (c == '\n' && lx->depth > 0 && lx->open[lx->depth - 1] != '{')
            advance(lx);
        else
            break;
    }

    lx->tok.pos = lx->pos;
    if (c < 0)
    {
        lx->tok.kind = LC_TK_EOF;
        return;
    }
    if (isdigit(c) || (c == '.' && peek(lx, 1) >= 0 && isdigit(peek(lx, 1))))
    {
        lex_number(lx);
        return;
    }
    if (isalpha(c) || c == '_')
    {
        lex_name(lx);
        return;
    }
    switch (c)
    {
        case '"': lex_string(lx); return;
        case '(': lex_open(lx, '(', LC_TK_LPAREN); return;
        case '[': lex_open(lx, '[', LC_TK_LBRACKET); return;
        case '{': lex_open(lx, '{', LC_TK_LBRACE); return;
        case ')': lex_close(lx, '(', LC_TK_RPAREN); return;
        case ']': lex_close(lx, '[', LC_TK_RBRACKET); return;
        case '}': lex_close(lx, '{', LC_TK_RBRACE); return;
        case '\n': lx->tok.kind = LC_TK_NEWLINE; break;
        case '+': lx->tok.kind = LC_TK_PLUS; break;
        case '-': lx->tok.kind = LC_TK_MINUS; break;
        case '*': lx->tok.kind = LC_TK_STAR; break;
        case '/': lx->tok.kind = LC_TK_SLASH; break;
        case '^': lx->tok.kind = LC_TK_CARET; break;
        case ',': lx->tok.kind = LC_TK_COMMA; break;
        case ';': lx->tok.kind = LC_TK_SEMI; break;
        case '=':
            if (peek(lx, 1) == '=')
            {
                advance(lx);
                lx->tok.kind = LC_TK_EQ;
            }
            else
                lx->tok.kind = LC_TK_ASSIGN;
            break;
        case '<':
        case '>':
            if (peek(lx, 1) == '=')
            {
                advance(lx);
                lx->tok.kind = c == '<' ? LC_TK_LE : LC_TK_GE;
            }
            else
                lx->tok.kind = c == '<' ? LC_TK_LT : LC_TK_GT;
            break;
        case '!':
            if (peek(lx, 1) != '=')
            {
                lex_error(lx, lx->pos, "unexpected character %s (use not(b) for negation)", "'!'");
                return;
            }
            advance(lx);
            lx->tok.kind = LC_TK_NE;
            break;
        default:
            if (isprint(c))
            {
                snprintf(what, sizeof(what), "'%c'", c);
                lex_error(lx, lx->pos, "unexpected character %s", what);
            }
            else
            {
                /* names and operators are ASCII; other bytes only in strings and comments */
                snprintf(what, sizeof(what), "0x%02x", (unsigned) c);
                lex_error(lx, lx->pos, "unexpected byte %s outside a string or comment", what);
            }
            return;
    }
    advance(lx);
}

const char *
lc_tok_verb(lc_tok_kind op)
{
    switch (op)
    {
        case LC_TK_PLUS: return "add";
        case LC_TK_MINUS: return "subtract";
        case LC_TK_STAR: return "multiply";
        case LC_TK_SLASH: return "divide";
        default: return "raise";
    }
}
