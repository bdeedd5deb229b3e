/* lex.h -- the lexer of the liecheck language.
 *
 * The lexer turns source text into tokens on demand, one token of lookahead
 * being all the parser needs.  Statements end at a line break, except inside
 * ( ) and [ ]: the lexer drops line breaks there, so a call or a matrix may
 * span lines.  Inside { } (a claim's body, later) line breaks separate
 * statements again, which is why the lexer keeps a stack of open brackets
 * rather than a single counter. */
#ifndef LC_LEX_H
#define LC_LEX_H

#include <stddef.h>
#include <stdio.h>
#include <flint/fmpq.h>
#include "err.h"

/* Deepest nesting of brackets, and of expressions, that liecheck accepts:
   the parser and the evaluator recurse, and the C stack is finite. */
#define LC_MAX_DEPTH 200

/* Exact decimal literals such as 1e-5 become rationals; the exponent is
   capped so that "1e999999999" is an error instead of a gigabyte. */
#define LC_MAX_EXPONENT 100000

typedef enum
{
    LC_TK_EOF = 0,
    LC_TK_NEWLINE,
    LC_TK_NUMBER,     /* value in tok->num */
    LC_TK_STRING,     /* unescaped text in tok->str, tok->len bytes */
    LC_TK_NAME,       /* identifier text in tok->str */
    LC_TK_TRUE,
    LC_TK_FALSE,
    LC_TK_PLUS, LC_TK_MINUS, LC_TK_STAR, LC_TK_SLASH, LC_TK_CARET,
    LC_TK_LPAREN, LC_TK_RPAREN, LC_TK_LBRACKET, LC_TK_RBRACKET,
    LC_TK_LBRACE, LC_TK_RBRACE,
    LC_TK_COMMA, LC_TK_ASSIGN,
    LC_TK_EQ, LC_TK_NE, LC_TK_LT, LC_TK_LE, LC_TK_GT, LC_TK_GE,
    LC_TK_SEMI,       /* ';': separates statements on one line, like a line break */
    LC_TK_ERROR       /* a lexical error; the message is in the lexer */
}
lc_tok_kind;

/* A position in the source: 1-based line and byte column. */
typedef struct
{
    int line;
    int col;
}
lc_pos_t;

/* An error tied to a source position, printed as FILE:LINE:COL: error: MSG. */
typedef struct
{
    lc_pos_t pos;
    lc_err_t err;
}
lc_diag_struct;

typedef lc_diag_struct lc_diag_t[1];

void lc_diag_init(lc_diag_t d);
int lc_diag_set(lc_diag_t d, lc_pos_t pos, int code, const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Write "NAME:LINE:COL: error: MSG\n" to f. */
void lc_diag_fprint(FILE * f, const char * name, const lc_diag_t d);

typedef struct
{
    lc_tok_kind kind;
    lc_pos_t pos;
    fmpq_t num;
    char * str;       /* owned by the token, NUL-terminated */
    size_t len;
}
lc_tok_struct;

typedef struct
{
    const char * src;
    size_t len;
    size_t i;           /* next unread byte */
    lc_pos_t pos;       /* position of src[i] */
    lc_pos_t prev_end;  /* just after the previous token: where a missing
                           token is reported when the line has ended */
    char open[LC_MAX_DEPTH];  /* stack of open brackets: '(' '[' '{' */
    int depth;
    lc_tok_struct tok;  /* the current token */
    lc_diag_t diag;     /* set when tok.kind == LC_TK_ERROR */
}
lc_lex_struct;

typedef lc_lex_struct lc_lex_t[1];

/* Start lexing the len bytes of src (which must outlive the lexer) and read
   the first token. */
void lc_lex_init(lc_lex_t lx, const char * src, size_t len);
void lc_lex_clear(lc_lex_t lx);

/* Advance to the next token. */
void lc_lex_next(lc_lex_t lx);

/* A printable description of the current token for messages ("')'",
   "end of line", "number 3", ...); writes at most n bytes into buf. */
const char * lc_lex_describe(char * buf, size_t n, const lc_lex_t lx);

/* The verb of an arithmetic operator for messages: "add", "multiply", ... */
const char * lc_tok_verb(lc_tok_kind op);

/* The text of a token kind, for messages: "')'", "end of line", ... */
const char * lc_tok_name(lc_tok_kind k);

#endif
