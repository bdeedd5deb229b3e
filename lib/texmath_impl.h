/* texmath_impl.h -- the parse tree of lib/texmath, shared by its parser
 * (texmath.c), its tables (texmath_sym.c) and its writers (texmath_out.c).
 * Not installed. */
#ifndef LC_TEXMATH_IMPL_H
#define LC_TEXMATH_IMPL_H

#include <stddef.h>
#include "strbuf.h"

typedef enum
{
    N_ROW,      /* kids; braced when it was a {group} */
    N_LEAF,     /* mi, mn, mo, mtext or mspace (elem) */
    N_SCRIPT,   /* a (base), b (sub, or NULL), c (sup, or NULL) */
    N_FRAC,     /* a over b */
    N_SQRT,     /* a, with the index b or NULL */
    N_FENCE,    /* \left text a \right tex2: the row is kids */
    N_STYLE,    /* \mathbb etc.: tex is the command, a the argument */
    N_ACCENT,   /* text is the accent, tex the command, a the base */
    N_TEXT      /* \text{...}: text is the raw content */
}
ntype;

/* Flags of a leaf. */
#define F_NORMAL 1      /* upright single-letter mi */
#define F_NOSTRETCH 2   /* a fence character outside \left ... \right */
#define F_OPNAME 4      /* an operator name: a thin space after it */
#define F_BRACED 8      /* a row from {group} */

typedef struct mnode_s mnode;
struct mnode_s
{
    ntype type;
    char elem;          /* leaf: 'i' mi, 'n' mn, 'o' mo, 't' mtext, 's' mspace */
    int flags;
    char * text;        /* MathML text (UTF-8), mspace width, accent, fence */
    char * tex;         /* pdflatex form (leaf, fence left, style, accent) */
    char * md;          /* Markdown form (leaf, fence left) */
    char * tex2, * md2; /* fence right */
    char * text2;       /* fence right, MathML */
    mnode * a, * b, * c;
    mnode ** kids;
    size_t n, alloc;
};


/* Commands that stand for one symbol.  kind: 'i' mi, 'I' upright mi, 'o' mo,
   'f' fence mo (not stretchy), 'L' large operator, 'n' operator name (uni is
   the name), 's' space (uni is the width).  tex: the pdflatex form when it
   is not the command itself; md: the Markdown form when it is not tex
   (GitHub's Markdown takes a backslash before ASCII punctuation for an
   escape before MathJax sees it, so \{ or \, would arrive as { or ,: the
   Markdown forms are control words or \text instead). */
typedef struct
{
    const char * name, * uni;
    char kind;
    const char * tex, * md;
}
sym_t;

/* Letters in the styles of \mathbb, \mathfrak, \mathbf: the first code
   point of A-Z, a-z and 0-9 in Unicode's mathematical alphanumerics (0:
   none), and the letters that live in the letterlike block instead. */
typedef struct
{
    const char * name;
    unsigned long upper, lower, digit;
    const char * holes;                 /* letters with their own code point */
    unsigned long hole_cp[8];
}
style_t;

static inline int
tm_is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int
tm_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline int
tm_is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* The tree of the maths tex (n bytes; an embedded NUL ends it), and its
   release. */
mnode * _lc_tm_parse(const char * tex, size_t n);
void _lc_tm_free(mnode * x);

/* The command name[0..n) as a symbol, a style (\mathbb ...), an accent
   (its MathML character), or one that is ignored (\big ...): NULL / 0 when
   it is not one. */
const sym_t * _lc_tm_sym_find(const char * name, size_t n);
const style_t * _lc_tm_style_find(const char * name, size_t n);
const char * _lc_tm_accent(const char * name, size_t n);
int _lc_tm_ignored(const char * name, size_t n);

/* Append s[0..n); the code point at s (length in *n, at least 1), U+FFFD
   for a bad byte or a control character; text in LaTeX's text mode with
   every special character escaped. */
void _lc_tm_catn(lc_sb * b, const char * s, size_t n);
unsigned long _lc_tm_next_cp(const char * s, int * n);
void _lc_tm_tex_text(lc_sb * b, const char * s, size_t len);

#endif
