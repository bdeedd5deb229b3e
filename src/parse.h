/* parse.h -- the parser of the liecheck language: source text to a tree.
 *
 * Grammar (one statement per line, or several separated by ';'; ( ) and
 * [ ] may span lines, and a line that ends in an infix operator, '=',
 * 'and', 'or', 'then' or 'else' goes on to the next):
 *
 *   chunk    := { stmt? SEP } stmt? EOF           SEP := NEWLINE | ';'
 *   stmt     := expr [ '=' expr ]            the left side must be a name
 *             | claim
 *             | 'def' NAME '(' [ NAME { ',' NAME } ] ')' ( '=' expr | block )
 *             | 'if' expr block [ 'else' ( block | if-stmt ) ]   ('else' on the line of '}')
 *             | 'for' NAME 'in' expr block
 *             | 'while' expr block
 *             | 'return' [ expr ]                   only in a def's block body
 *   block    := '{' { stmt? SEP } '}'
 *   claim    := 'claim' STRING { clause } '{' { stmt? NEWLINE } '}'
 *   clause   := 'source' STRING | 'id' STRING | 'expect' VERDICT | 'sweep' expr
 *
 * ('claim' at the start of a statement always opens a claim, so it cannot be
 * a variable; source, id, expect and sweep are ordinary names elsewhere.
 * Claims do not nest.  if, then, else, for, in, while, and, or, not and
 * return are keywords, never variables.)
 *   expr     := 'if' expr 'then' expr 'else' expr | or
 *   or       := and { 'or' and }                   short-circuit, left to right
 *   and      := not { 'and' not }
 *   not      := 'not' not | cmp                    ('not' alone is the built-in not)
 *   cmp      := sum [ ('==' | '!=' | '<' | '<=' | '>' | '>=') sum ]
 *   sum      := term { ('+' | '-') term }
 *   term     := unary { ('*' | '/') unary }
 *   unary    := '-' unary | '+' unary | power
 *   power    := postfix [ '^' unary ]        right associative; -2^2 = -4
 *   postfix  := primary { '(' args ')' | '[' args ']' }
 *   args     := [ arg { ',' arg } [','] ]     in a call, an arg may be NAME '=' expr
 *                                             (keyword arguments, after the positional ones)
 *   primary  := NUMBER | STRING | true | false | NAME
 *             | '(' expr ')' | '[' [ expr { ',' expr } [','] ] ']'
 *
 * A bracket literal whose elements are all bracket literals, such as
 * [[1, 2/3], [0, 1]], is a matrix literal: it must be rectangular (checked
 * here, so a ragged literal is a syntax error) and its entries must evaluate
 * to numbers.  Every other bracket literal is a list.  The rule is syntactic
 * on purpose: a list of computed lists, [derived_series(L), [1, 2]], is never
 * silently turned into a matrix. */
#ifndef LC_PARSE_H
#define LC_PARSE_H

#include "lex.h"
#include "value.h"

typedef enum
{
    LC_N_CONST,   /* a literal number, string or bool: k */
    LC_N_NAME,    /* name */
    LC_N_LIST,    /* kids = elements */
    LC_N_MATRIX,  /* kids = entries, row-major, rows x cols */
    LC_N_CALL,    /* kids[0] = callee, kids[1..] = arguments */
    LC_N_INDEX,   /* kids[0] = object, kids[1..] = indices */
    LC_N_NEG,     /* kids[0] */
    LC_N_BINOP,   /* op, kids[0], kids[1] */
    LC_N_ASSIGN,  /* name = kids[0] */
    LC_N_EXPR,    /* an expression statement: kids[0] */
    LC_N_CLAIM,   /* claim "name" [source ".."] [id ".."] [expect V] [sweep e] { kids };
                     also control "name" ... and corrected "name" of "ID" ... (role) */
    LC_N_DEF,     /* def name(params) = kids[0]; params in attr-like list below */
    LC_N_COVERAGE,/* coverage { kids }: the numbered items of the paper (item(...) calls) */
    LC_N_KWARG,   /* name = kids[0], a keyword argument of a call */
    LC_N_BLOCK,   /* { kids }: statements run in order (bodies of if, for, while, def) */
    LC_N_IF,      /* if kids[0] kids[1] [else kids[2]]: a statement; kids[1] a block,
                     kids[2] a block or another LC_N_IF (else if) */
    LC_N_IFEXPR,  /* if kids[0] then kids[1] else kids[2]: an expression */
    LC_N_FOR,     /* for name in kids[0] kids[1] (a block) */
    LC_N_WHILE,   /* while kids[0] kids[1] (a block) */
    LC_N_RETURN,  /* return [kids[0]], only inside a def's block body */
    LC_N_AND,     /* kids[0] and kids[1], short-circuit */
    LC_N_OR,      /* kids[0] or kids[1], short-circuit */
    LC_N_NOT      /* not kids[0] */
}
lc_node_kind;

typedef struct lc_node_struct
{
    lc_node_kind kind;
    lc_pos_t pos;     /* where errors about this node are reported */
    lc_tok_kind op;   /* LC_N_BINOP: the operator */
    char * name;      /* LC_N_NAME, LC_N_ASSIGN */
    lc_val k;         /* LC_N_CONST */
    struct lc_node_struct ** kids;
    slong nkids;
    slong rows, cols; /* LC_N_MATRIX */
    int height;       /* 1 + the height of the tallest kid */
    char * attr[4];   /* LC_N_CLAIM: source, id, expected verdict, corrected id (or NULL) */
    int role;         /* LC_N_CLAIM: an lc_claim_role */
    struct lc_node_struct * sweep;  /* LC_N_CLAIM: the list of precisions */
    char ** params;   /* LC_N_DEF: parameter names */
    slong nparams;
}
lc_node_struct;

typedef lc_node_struct * lc_node;

/* The evaluator recurses along the tree, so its height is capped: a chain
   such as 1 + 1 + ... + 1 may have at most this many terms. */
#define LC_MAX_TREE_HEIGHT 10000

/* A chunk is parsed whole before it runs, at some 200 bytes a node: a
   script of more nodes than this is refused (a 5-million-line script would
   otherwise take gigabytes before its first line runs). */
#define LC_MAX_SCRIPT_NODES (WORD(1) << 20)

/* A parsed chunk: a script, a REPL entry, one -e argument. */
typedef struct
{
    lc_node * stmts;
    slong len;
}
lc_chunk_struct;

typedef lc_chunk_struct lc_chunk_t[1];

void lc_chunk_init(lc_chunk_t c);
void lc_chunk_clear(lc_chunk_t c);

/* Parse the len bytes of src into c.  Returns LC_OK or an error code with the
   position and message in d; c is then empty.  When incomplete is not NULL,
   *incomplete is set when the error was only that the input ended inside an
   open bracket, i.e. more lines could complete it (the REPL asks for them):
   1 when a bracket or brace is open, 2 when none is but the input stopped
   where more was needed (after 'def f(X) =', an operator, 'claim "..."'). */
int lc_parse(lc_chunk_t c, const char * src, size_t len, lc_diag_t d, int * incomplete);

void lc_node_free(lc_node n);

/* A deep copy of the tree n (user functions keep their bodies beyond the
   chunk that defined them). */
lc_node lc_node_copy(const lc_node n);

#endif
