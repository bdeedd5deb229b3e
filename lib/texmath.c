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
 * down. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "liecheck.h"
#include "texmath.h"
#include "strbuf.h"

/* --------------------------------------------------------------- Unicode */

/* Characters that pdfLaTeX's utf8 input encoding would reject (see
   _lc_tex_passes): the common ones of papers get a LaTeX rendering, the
   rest are shown as [U+XXXX] so that the document always compiles. */
static const struct { unsigned long cp; const char * tex; } tex_unicode[] =
{
    { 0x0393, "$\\Gamma$" }, { 0x0394, "$\\Delta$" }, { 0x0398, "$\\Theta$" },
    { 0x039B, "$\\Lambda$" }, { 0x039E, "$\\Xi$" }, { 0x03A0, "$\\Pi$" },
    { 0x03A3, "$\\Sigma$" }, { 0x03A5, "$\\Upsilon$" }, { 0x03A6, "$\\Phi$" },
    { 0x03A8, "$\\Psi$" }, { 0x03A9, "$\\Omega$" },
    { 0x03B1, "$\\alpha$" }, { 0x03B2, "$\\beta$" }, { 0x03B3, "$\\gamma$" },
    { 0x03B4, "$\\delta$" }, { 0x03B5, "$\\varepsilon$" }, { 0x03B6, "$\\zeta$" },
    { 0x03B7, "$\\eta$" }, { 0x03B8, "$\\theta$" }, { 0x03B9, "$\\iota$" },
    { 0x03BA, "$\\kappa$" }, { 0x03BB, "$\\lambda$" }, { 0x03BC, "$\\mu$" },
    { 0x03BD, "$\\nu$" }, { 0x03BE, "$\\xi$" }, { 0x03BF, "o" }, { 0x03C0, "$\\pi$" },
    { 0x03C1, "$\\rho$" }, { 0x03C2, "$\\varsigma$" }, { 0x03C3, "$\\sigma$" },
    { 0x03C4, "$\\tau$" }, { 0x03C5, "$\\upsilon$" }, { 0x03C6, "$\\varphi$" },
    { 0x03C7, "$\\chi$" }, { 0x03C8, "$\\psi$" }, { 0x03C9, "$\\omega$" },
    { 0x03D1, "$\\vartheta$" }, { 0x03D5, "$\\phi$" }, { 0x03F5, "$\\epsilon$" },
    { 0x1D40, "$^{\\mathrm{T}}$" },
    { 0x2009, "\\," }, { 0x2013, "--" }, { 0x2014, "---" }, { 0x2016, "$\\|$" },
    { 0x2018, "`" }, { 0x2019, "'" }, { 0x201C, "``" }, { 0x201D, "''" },
    { 0x2022, "\\textbullet{}" }, { 0x2026, "\\ldots{}" }, { 0x2032, "$'$" },
    { 0x2070, "$^{0}$" }, { 0x2074, "$^{4}$" }, { 0x2075, "$^{5}$" }, { 0x2076, "$^{6}$" },
    { 0x2077, "$^{7}$" }, { 0x2078, "$^{8}$" }, { 0x2079, "$^{9}$" }, { 0x207A, "$^{+}$" },
    { 0x207B, "$^{-}$" }, { 0x2080, "$_{0}$" }, { 0x2081, "$_{1}$" }, { 0x2082, "$_{2}$" },
    { 0x2083, "$_{3}$" }, { 0x2084, "$_{4}$" }, { 0x2085, "$_{5}$" }, { 0x2086, "$_{6}$" },
    { 0x2087, "$_{7}$" }, { 0x2088, "$_{8}$" }, { 0x2089, "$_{9}$" },
    { 0x2102, "$\\mathbf{C}$" }, { 0x2115, "$\\mathbf{N}$" }, { 0x211A, "$\\mathbf{Q}$" },
    { 0x211D, "$\\mathbf{R}$" }, { 0x2124, "$\\mathbf{Z}$" },
    { 0x2190, "$\\leftarrow$" }, { 0x2192, "$\\to$" }, { 0x2194, "$\\leftrightarrow$" },
    { 0x21A6, "$\\mapsto$" }, { 0x21D2, "$\\Rightarrow$" }, { 0x21D4, "$\\Leftrightarrow$" },
    { 0x2200, "$\\forall$" }, { 0x2202, "$\\partial$" }, { 0x2203, "$\\exists$" },
    { 0x2205, "$\\emptyset$" }, { 0x2207, "$\\nabla$" }, { 0x2208, "$\\in$" },
    { 0x2209, "$\\notin$" }, { 0x220F, "$\\prod$" }, { 0x2211, "$\\sum$" },
    { 0x2212, "$-$" }, { 0x2213, "$\\mp$" }, { 0x2218, "$\\circ$" }, { 0x221A, "$\\surd$" },
    { 0x221E, "$\\infty$" }, { 0x2225, "$\\|$" }, { 0x2227, "$\\wedge$" },
    { 0x2228, "$\\vee$" }, { 0x2229, "$\\cap$" }, { 0x222A, "$\\cup$" },
    { 0x222B, "$\\int$" }, { 0x2248, "$\\approx$" }, { 0x2260, "$\\neq$" },
    { 0x2261, "$\\equiv$" }, { 0x2264, "$\\leq$" }, { 0x2265, "$\\geq$" },
    { 0x226A, "$\\ll$" }, { 0x226B, "$\\gg$" }, { 0x2282, "$\\subset$" },
    { 0x2283, "$\\supset$" }, { 0x2286, "$\\subseteq$" }, { 0x2287, "$\\supseteq$" },
    { 0x2295, "$\\oplus$" }, { 0x2297, "$\\otimes$" }, { 0x22A4, "$\\top$" },
    { 0x22A5, "$\\perp$" }, { 0x22C5, "$\\cdot$" }
};

const char *
_lc_tex_unicode(unsigned long c)
{
    size_t k;

    for (k = 0; k < sizeof(tex_unicode) / sizeof(tex_unicode[0]); k++)
        if (tex_unicode[k].cp == c)
            return tex_unicode[k].tex;
    return NULL;
}

/* Whether pdfLaTeX with T1 fonts and utf8 input takes c as it is: ASCII,
   Latin-1 and Latin Extended-A (names of authors) but for the letters that
   T1 lacks (checked with TeX Live 2022). */
int
_lc_tex_passes(unsigned long c)
{
    static const unsigned short lacking[] =
        { 0x126, 0x127, 0x138, 0x13F, 0x140, 0x149, 0x166, 0x167, 0x17F };
    size_t k;

    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF))
        return 1;
    if (c < 0x100 || c > 0x17F)
        return 0;
    for (k = 0; k < sizeof(lacking) / sizeof(lacking[0]); k++)
        if (c == lacking[k])
            return 0;
    return 1;
}

static void
sb_catn(lc_sb * b, const char * s, size_t n)
{
    lc_sb_printf(b, "%.*s", (int) n, s);
}

static void
sb_cp(lc_sb * b, unsigned long c)
{
    char u[5];
    int n;

    if (c < 0x80)
        u[0] = (char) c, n = 1;
    else if (c < 0x800)
        u[0] = (char) (0xC0 | (c >> 6)), u[1] = (char) (0x80 | (c & 0x3F)), n = 2;
    else if (c < 0x10000)
        u[0] = (char) (0xE0 | (c >> 12)), u[1] = (char) (0x80 | ((c >> 6) & 0x3F)),
        u[2] = (char) (0x80 | (c & 0x3F)), n = 3;
    else
        u[0] = (char) (0xF0 | (c >> 18)), u[1] = (char) (0x80 | ((c >> 12) & 0x3F)),
        u[2] = (char) (0x80 | ((c >> 6) & 0x3F)), u[3] = (char) (0x80 | (c & 0x3F)), n = 4;
    u[n] = '\0';
    lc_sb_cat(b, u);
}

/* The code point at s (its length in *n, at least 1): U+FFFD for a bad
   byte or a control character. */
static unsigned long
next_cp(const char * s, int * n)
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
static void
tex_text(lc_sb * b, const char * s, size_t len)
{
    const char * e = s + len;
    unsigned long c;
    const char * t;
    int n;

    for (; s < e; s += n)
    {
        c = next_cp(s, &n);
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
                    sb_catn(b, s, (size_t) n);
                else if ((t = _lc_tex_unicode(c)) != NULL)
                    lc_sb_cat(b, t);
                else
                    lc_sb_printf(b, "{\\ttfamily{[}U+%04lX{]}}", c);
        }
    }
}

/* Text for MathML (or an attribute): & < > " ' as references, control
   characters and bad bytes as U+FFFD. */
static void
xml_text(lc_sb * b, const char * s, size_t len)
{
    const char * e = s + len;
    unsigned long c;
    int n;

    for (; s < e; s += n)
    {
        c = next_cp(s, &n);
        if (s + n > e)
            n = (int) (e - s), c = 0xFFFD;
        switch (c)
        {
            case '&': lc_sb_cat(b, "&amp;"); break;
            case '<': lc_sb_cat(b, "&lt;"); break;
            case '>': lc_sb_cat(b, "&gt;"); break;
            case '"': lc_sb_cat(b, "&quot;"); break;
            case '\'': lc_sb_cat(b, "&#39;"); break;
            case 0xFFFD: lc_sb_cat(b, "\xef\xbf\xbd"); break;
            default: sb_catn(b, s, (size_t) n);
        }
    }
}

/* ----------------------------------------------------------------- finding */

static int
is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

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
        if (s[i] != '$' || s[i + 1] == '\0' || is_space(s[i + 1]))
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
            if (s[j] == '$' && !is_space(s[j - 1]) && !(s[j + 1] >= '0' && s[j + 1] <= '9'))
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

static void
node_free(mnode * x)
{
    size_t k;

    if (x == NULL)
        return;
    for (k = 0; k < x->n; k++)
        node_free(x->kids[k]);
    flint_free(x->kids);
    node_free(x->a);
    node_free(x->b);
    node_free(x->c);
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

/* ------------------------------------------------------------------ tables */

/* Commands that stand for one symbol.  kind: 'i' mi, 'I' upright mi, 'o' mo,
   'f' fence mo (not stretchy), 'L' large operator, 'n' operator name (uni is
   the name), 's' space (uni is the width).  tex: the pdflatex form when it
   is not the command itself; md: the Markdown form when it is not tex. */
typedef struct
{
    const char * name, * uni;
    char kind;
    const char * tex, * md;
}
sym_t;

static const sym_t syms[] =
{
    { "alpha", "\xce\xb1", 'i', NULL, NULL }, { "beta", "\xce\xb2", 'i', NULL, NULL },
    { "gamma", "\xce\xb3", 'i', NULL, NULL }, { "delta", "\xce\xb4", 'i', NULL, NULL },
    { "epsilon", "\xcf\xb5", 'i', NULL, NULL }, { "varepsilon", "\xce\xb5", 'i', NULL, NULL },
    { "zeta", "\xce\xb6", 'i', NULL, NULL }, { "eta", "\xce\xb7", 'i', NULL, NULL },
    { "theta", "\xce\xb8", 'i', NULL, NULL }, { "vartheta", "\xcf\x91", 'i', NULL, NULL },
    { "iota", "\xce\xb9", 'i', NULL, NULL }, { "kappa", "\xce\xba", 'i', NULL, NULL },
    { "lambda", "\xce\xbb", 'i', NULL, NULL }, { "mu", "\xce\xbc", 'i', NULL, NULL },
    { "nu", "\xce\xbd", 'i', NULL, NULL }, { "xi", "\xce\xbe", 'i', NULL, NULL },
    { "pi", "\xcf\x80", 'i', NULL, NULL }, { "varpi", "\xcf\x96", 'i', NULL, NULL },
    { "rho", "\xcf\x81", 'i', NULL, NULL }, { "varrho", "\xcf\xb1", 'i', NULL, NULL },
    { "sigma", "\xcf\x83", 'i', NULL, NULL }, { "varsigma", "\xcf\x82", 'i', NULL, NULL },
    { "tau", "\xcf\x84", 'i', NULL, NULL }, { "upsilon", "\xcf\x85", 'i', NULL, NULL },
    { "phi", "\xcf\x95", 'i', NULL, NULL }, { "varphi", "\xcf\x86", 'i', NULL, NULL },
    { "chi", "\xcf\x87", 'i', NULL, NULL }, { "psi", "\xcf\x88", 'i', NULL, NULL },
    { "omega", "\xcf\x89", 'i', NULL, NULL },
    { "Gamma", "\xce\x93", 'I', NULL, NULL }, { "Delta", "\xce\x94", 'I', NULL, NULL },
    { "Theta", "\xce\x98", 'I', NULL, NULL }, { "Lambda", "\xce\x9b", 'I', NULL, NULL },
    { "Xi", "\xce\x9e", 'I', NULL, NULL }, { "Pi", "\xce\xa0", 'I', NULL, NULL },
    { "Sigma", "\xce\xa3", 'I', NULL, NULL }, { "Upsilon", "\xce\xa5", 'I', NULL, NULL },
    { "Phi", "\xce\xa6", 'I', NULL, NULL }, { "Psi", "\xce\xa8", 'I', NULL, NULL },
    { "Omega", "\xce\xa9", 'I', NULL, NULL },
    { "infty", "\xe2\x88\x9e", 'I', NULL, NULL }, { "partial", "\xe2\x88\x82", 'i', NULL, NULL },
    { "nabla", "\xe2\x88\x87", 'I', NULL, NULL }, { "emptyset", "\xe2\x88\x85", 'I', NULL, NULL },
    { "varnothing", "\xe2\x88\x85", 'I', NULL, NULL }, { "ell", "\xe2\x84\x93", 'i', NULL, NULL },
    { "hbar", "\xe2\x84\x8f", 'i', NULL, NULL }, { "aleph", "\xe2\x84\xb5", 'I', NULL, NULL },
    { "top", "\xe2\x8a\xa4", 'I', NULL, NULL }, { "bot", "\xe2\x8a\xa5", 'I', NULL, NULL },
    { "dagger", "\xe2\x80\xa0", 'I', NULL, NULL }, { "prime", "\xe2\x80\xb2", 'o', NULL, NULL },
    { "|", "\xe2\x80\x96", 'f', "\\|", "\\Vert" },
    { "Vert", "\xe2\x80\x96", 'f', NULL, NULL }, { "vert", "|", 'f', NULL, NULL },
    { "lVert", "\xe2\x80\x96", 'f', NULL, NULL }, { "rVert", "\xe2\x80\x96", 'f', NULL, NULL },
    { "lvert", "|", 'f', NULL, NULL }, { "rvert", "|", 'f', NULL, NULL },
    { "langle", "\xe2\x9f\xa8", 'f', NULL, NULL }, { "rangle", "\xe2\x9f\xa9", 'f', NULL, NULL },
    { "lbrace", "{", 'f', NULL, NULL }, { "rbrace", "}", 'f', NULL, NULL },
    { "{", "{", 'f', "\\{", NULL }, { "}", "}", 'f', "\\}", NULL },
    { "lfloor", "\xe2\x8c\x8a", 'f', NULL, NULL }, { "rfloor", "\xe2\x8c\x8b", 'f', NULL, NULL },
    { "lceil", "\xe2\x8c\x88", 'f', NULL, NULL }, { "rceil", "\xe2\x8c\x89", 'f', NULL, NULL },
    { "$", "$", 'o', "\\$", NULL }, { "#", "#", 'o', "\\#", NULL },
    { "%", "%", 'o', "\\%", NULL }, { "&", "&", 'o', "\\&", NULL },
    { "_", "_", 'o', "\\_", NULL },
    { "otimes", "\xe2\x8a\x97", 'o', NULL, NULL }, { "oplus", "\xe2\x8a\x95", 'o', NULL, NULL },
    { "times", "\xc3\x97", 'o', NULL, NULL }, { "cdot", "\xe2\x8b\x85", 'o', NULL, NULL },
    { "cdots", "\xe2\x8b\xaf", 'o', NULL, NULL }, { "ldots", "\xe2\x80\xa6", 'o', NULL, NULL },
    { "dots", "\xe2\x80\xa6", 'o', NULL, NULL }, { "circ", "\xe2\x88\x98", 'o', NULL, NULL },
    { "ast", "\xe2\x88\x97", 'o', NULL, NULL }, { "star", "\xe2\x8b\x86", 'o', NULL, NULL },
    { "pm", "\xc2\xb1", 'o', NULL, NULL }, { "mp", "\xe2\x88\x93", 'o', NULL, NULL },
    { "div", "\xc3\xb7", 'o', NULL, NULL }, { "setminus", "\xe2\x88\x96", 'o', NULL, NULL },
    { "le", "\xe2\x89\xa4", 'o', NULL, NULL }, { "leq", "\xe2\x89\xa4", 'o', NULL, NULL },
    { "ge", "\xe2\x89\xa5", 'o', NULL, NULL }, { "geq", "\xe2\x89\xa5", 'o', NULL, NULL },
    { "ne", "\xe2\x89\xa0", 'o', NULL, NULL }, { "neq", "\xe2\x89\xa0", 'o', NULL, NULL },
    { "approx", "\xe2\x89\x88", 'o', NULL, NULL }, { "equiv", "\xe2\x89\xa1", 'o', NULL, NULL },
    { "sim", "\xe2\x88\xbc", 'o', NULL, NULL }, { "simeq", "\xe2\x89\x83", 'o', NULL, NULL },
    { "cong", "\xe2\x89\x85", 'o', NULL, NULL }, { "propto", "\xe2\x88\x9d", 'o', NULL, NULL },
    { "ll", "\xe2\x89\xaa", 'o', NULL, NULL }, { "gg", "\xe2\x89\xab", 'o', NULL, NULL },
    { "in", "\xe2\x88\x88", 'o', NULL, NULL }, { "notin", "\xe2\x88\x89", 'o', NULL, NULL },
    { "ni", "\xe2\x88\x8b", 'o', NULL, NULL }, { "subset", "\xe2\x8a\x82", 'o', NULL, NULL },
    { "subseteq", "\xe2\x8a\x86", 'o', NULL, NULL }, { "supset", "\xe2\x8a\x83", 'o', NULL, NULL },
    { "supseteq", "\xe2\x8a\x87", 'o', NULL, NULL }, { "cap", "\xe2\x88\xa9", 'o', NULL, NULL },
    { "cup", "\xe2\x88\xaa", 'o', NULL, NULL }, { "wedge", "\xe2\x88\xa7", 'o', NULL, NULL },
    { "vee", "\xe2\x88\xa8", 'o', NULL, NULL }, { "neg", "\xc2\xac", 'o', NULL, NULL },
    { "to", "\xe2\x86\x92", 'o', NULL, NULL }, { "rightarrow", "\xe2\x86\x92", 'o', NULL, NULL },
    { "leftarrow", "\xe2\x86\x90", 'o', NULL, NULL }, { "mapsto", "\xe2\x86\xa6", 'o', NULL, NULL },
    { "Rightarrow", "\xe2\x87\x92", 'o', NULL, NULL }, { "Leftarrow", "\xe2\x87\x90", 'o', NULL, NULL },
    { "Leftrightarrow", "\xe2\x87\x94", 'o', NULL, NULL },
    { "iff", "\xe2\x9f\xba", 'o', NULL, NULL }, { "implies", "\xe2\x9f\xb9", 'o', NULL, NULL },
    { "hookrightarrow", "\xe2\x86\xaa", 'o', NULL, NULL },
    { "ltimes", "\xe2\x8b\x89", 'o', NULL, NULL }, { "rtimes", "\xe2\x8b\x8a", 'o', NULL, NULL },
    { "perp", "\xe2\x9f\x82", 'o', NULL, NULL }, { "mid", "\xe2\x88\xa3", 'o', NULL, NULL },
    { "colon", ":", 'o', NULL, NULL }, { "S", "\xc2\xa7", 'I', NULL, NULL },
    { "forall", "\xe2\x88\x80", 'o', NULL, NULL },
    { "exists", "\xe2\x88\x83", 'o', NULL, NULL },
    { "triangleleft", "\xe2\x97\x83", 'o', NULL, NULL },
    { "sum", "\xe2\x88\x91", 'L', NULL, NULL }, { "prod", "\xe2\x88\x8f", 'L', NULL, NULL },
    { "coprod", "\xe2\x88\x90", 'L', NULL, NULL }, { "bigoplus", "\xe2\xa8\x81", 'L', NULL, NULL },
    { "bigotimes", "\xe2\xa8\x82", 'L', NULL, NULL }, { "bigcup", "\xe2\x8b\x83", 'L', NULL, NULL },
    { "bigcap", "\xe2\x8b\x82", 'L', NULL, NULL }, { "int", "\xe2\x88\xab", 'L', NULL, NULL },
    { "oint", "\xe2\x88\xae", 'L', NULL, NULL },
    { "exp", "exp", 'n', NULL, NULL }, { "log", "log", 'n', NULL, NULL },
    { "ln", "ln", 'n', NULL, NULL }, { "det", "det", 'n', NULL, NULL },
    { "sin", "sin", 'n', NULL, NULL }, { "cos", "cos", 'n', NULL, NULL },
    { "tan", "tan", 'n', NULL, NULL }, { "sinh", "sinh", 'n', NULL, NULL },
    { "cosh", "cosh", 'n', NULL, NULL }, { "tanh", "tanh", 'n', NULL, NULL },
    { "dim", "dim", 'n', NULL, NULL }, { "ker", "ker", 'n', NULL, NULL },
    { "max", "max", 'n', NULL, NULL }, { "min", "min", 'n', NULL, NULL },
    { "sup", "sup", 'n', NULL, NULL }, { "inf", "inf", 'n', NULL, NULL },
    { "lim", "lim", 'n', NULL, NULL }, { "deg", "deg", 'n', NULL, NULL },
    { "gcd", "gcd", 'n', NULL, NULL }, { "arg", "arg", 'n', NULL, NULL },
    { "Pr", "Pr", 'n', NULL, NULL },
    /* Not LaTeX commands, but common in the papers: \operatorname. */
    { "tr", "tr", 'n', "\\operatorname{tr}", NULL },
    { "Tr", "Tr", 'n', "\\operatorname{Tr}", NULL },
    { "rank", "rank", 'n', "\\operatorname{rank}", NULL },
    { "diag", "diag", 'n', "\\operatorname{diag}", NULL },
    { "ad", "ad", 'n', "\\operatorname{ad}", NULL },
    { "Ad", "Ad", 'n', "\\operatorname{Ad}", NULL },
    { "span", "span", 'n', "\\operatorname{span}", NULL },
    { "sgn", "sgn", 'n', "\\operatorname{sgn}", NULL },
    { "softmax", "softmax", 'n', "\\operatorname{softmax}", NULL },
    { ",", "0.1667em", 's', NULL, NULL }, { ":", "0.2222em", 's', NULL, NULL },
    { ";", "0.2778em", 's', NULL, NULL }, { " ", "0.3333em", 's', NULL, NULL },
    { "!", "0em", 's', NULL, NULL },
    { "quad", "1em", 's', NULL, NULL }, { "qquad", "2em", 's', NULL, NULL },
    { "\\", "1em", 's', "\\quad", NULL }
};

static const sym_t *
sym_find(const char * name, size_t n)
{
    size_t k;

    for (k = 0; k < sizeof(syms) / sizeof(syms[0]); k++)
        if (strlen(syms[k].name) == n && memcmp(syms[k].name, name, n) == 0)
            return syms + k;
    return NULL;
}

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

static const style_t styles[] =
{
    { "mathbb", 0x1D538, 0x1D552, 0x1D7D8, "CHNPQRZ",
      { 0x2102, 0x210D, 0x2115, 0x2119, 0x211A, 0x211D, 0x2124 } },
    { "mathfrak", 0x1D504, 0x1D51E, 0, "CHIRZ", { 0x212D, 0x210C, 0x2111, 0x211C, 0x2128 } },
    { "mathbf", 0x1D400, 0x1D41A, 0x1D7CE, "", { 0 } },
    { "boldsymbol", 0x1D400, 0x1D41A, 0x1D7CE, "", { 0 } },
    { "mathrm", 0, 0, 0, "", { 0 } },
    { "mathit", 0, 0, 0, "", { 0 } },
    { "mathsf", 0, 0, 0, "", { 0 } },
    { "mathtt", 0, 0, 0, "", { 0 } },
    { "mathcal", 0, 0, 0, "", { 0 } }
};

static const style_t *
style_find(const char * name, size_t n)
{
    size_t k;

    for (k = 0; k < sizeof(styles) / sizeof(styles[0]); k++)
        if (strlen(styles[k].name) == n && memcmp(styles[k].name, name, n) == 0)
            return styles + k;
    return NULL;
}

static const struct { const char * name, * uni; } accents[] =
{
    { "hat", "^" }, { "widehat", "^" }, { "bar", "\xc2\xaf" }, { "overline", "\xe2\x80\xbe" },
    { "tilde", "~" }, { "widetilde", "~" }, { "dot", "\xcb\x99" }, { "ddot", "\xc2\xa8" },
    { "vec", "\xe2\x86\x92" }
};

/* Commands that only size or place (nothing to show of their own). */
static const char * const ignored[] =
{
    "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
    "Biggl", "Biggr", "displaystyle", "textstyle", "limits", "nolimits"
};

static int
is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
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
    while (P->i < P->n && is_space(P->s[P->i]))
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
    if (is_alpha(P->s[P->i]))
    {
        while (P->i < P->n && is_alpha(P->s[P->i]))
            P->i++;
        *len = (size_t) (P->s + P->i - *name);
        return;
    }
    c = next_cp(P->s + P->i, &n);
    (void) c;
    P->i += (size_t) n;
    *len = (size_t) n;
}

static int
at_right(const parser * P)
{
    return P->n - P->i >= 6 && memcmp(P->s + P->i, "\\right", 6) == 0
           && (P->i + 6 >= P->n || !is_alpha(P->s[P->i + 6]));
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

        cp = next_cp(P->s + P->i, &n);
        P->i += (size_t) n;
        if (cp == 0xFFFD)
            memcpy(u, "\xef\xbf\xbd", 4);
        else
            memcpy(u, P->s + P->i - n, (size_t) n), u[n] = '\0';
        t = _lc_tex_unicode(cp);
        if (t != NULL && t[0] == '$' && t[strlen(t) - 1] == '$')
            sb_catn(&tex, t + 1, strlen(t) - 2);
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
    if (is_alpha(c))
        return leaf('i', one, one, one, 0);
    if (is_digit(c))
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
        case '&': return leaf('o', "&", "\\&", NULL, 0);
        case '#': return leaf('o', "#", "\\#", NULL, 0);
        case '%': return leaf('o', "%", "\\%", NULL, 0);
        case '$': return leaf('o', "$", "\\$", NULL, 0);
        case '{': return leaf('o', "{", "\\{", NULL, F_NOSTRETCH);
        case '}': return leaf('o', "}", "\\}", NULL, F_NOSTRETCH);
        case '^': return leaf('o', "^", "\\mbox{\\textasciicircum{}}", "\\hat{}", 0);
        case '_': return leaf('o', "_", "\\_", NULL, 0);
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
        return parse_atom(P, depth);
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
        y = sym_find(name, len);
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
            node_free(g);
        }
        else
        {
            int n = 0;

            if (P->i < P->n)
                next_cp(P->s + P->i, &n);
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
            node_free(a);
            return x;
        }
        x = node_new(N_STYLE);
        x->tex = dup("\\operatorname");
        x->text = dup("mathrm");
        x->a = a;
        return x;
    }
    else if ((st = style_find(name, len)) != NULL)
    {
        x = node_new(N_STYLE);
        lc_sb_printf(&t, "\\%s", st->name);
        x->tex = lc_sb_take(&t);
        x->text = dup(st->name);
        x->a = parse_arg(P, depth + 1);
        return x;
    }
    else
    {
        for (k = 0; k < sizeof(accents) / sizeof(accents[0]); k++)
            if (IS(accents[k].name))
            {
                x = node_new(N_ACCENT);
                x->text = dup(accents[k].uni);
                lc_sb_printf(&t, "\\%s", accents[k].name);
                x->tex = lc_sb_take(&t);
                x->a = parse_arg(P, depth + 1);
                return x;
            }
    }
    for (k = 0; k < sizeof(ignored) / sizeof(ignored[0]); k++)
        if (IS(ignored[k]))
            return NULL;
#undef IS
    if ((y = sym_find(name, len)) != NULL)
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
        sb_catn(&text, name, len);
        lc_sb_cat(&tex, "\\mbox{");
        tex_text(&tex, text.s, text.len);
        lc_sb_cat(&tex, "}");
        if (len > 0 && is_alpha(name[0]))
            lc_sb_cat(&md, text.s);
        else
        {
            lc_sb_cat(&md, "\\text{");
            tex_text(&md, name, len);
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
    if (is_digit(c))
    {
        size_t start = P->i;
        char * num;
        mnode * x;

        while (P->i < P->n && (is_digit(P->s[P->i])
               || (P->s[P->i] == '.' && P->i + 1 < P->n && is_digit(P->s[P->i + 1]))))
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

static mnode *
parse(const char * tex, size_t n)
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

/* ------------------------------------------------------------------ MathML */

/* A styled letter or digit (\mathbb R -> U+211D), or 0. */
static unsigned long
styled(const style_t * st, char c)
{
    const char * h;

    if (c >= 'A' && c <= 'Z' && st->upper != 0)
    {
        if ((h = strchr(st->holes, c)) != NULL && *h != '\0')
            return st->hole_cp[h - st->holes];
        return st->upper + (unsigned long) (c - 'A');
    }
    if (c >= 'a' && c <= 'z' && st->lower != 0)
        return st->lower + (unsigned long) (c - 'a');
    if (c >= '0' && c <= '9' && st->digit != 0)
        return st->digit + (unsigned long) (c - '0');
    return 0;
}

static void ml_node(lc_sb * b, const mnode * x, const style_t * st);

/* One MathML element for x: a row of other than one child is an mrow. */
static void
ml_one(lc_sb * b, const mnode * x, const style_t * st)
{
    if (x->type == N_ROW && x->n == 1)
        ml_node(b, x->kids[0], st);
    else if (x->type == N_ROW)
    {
        lc_sb_cat(b, "<mrow>");
        ml_node(b, x, st);
        lc_sb_cat(b, "</mrow>");
    }
    else
        ml_node(b, x, st);
}

static int
is_opname(const mnode * x)
{
    if (x->type == N_SCRIPT)
        x = x->a;
    return x->type == N_LEAF && (x->flags & F_OPNAME);
}

static void
ml_leaf(lc_sb * b, const mnode * x, const style_t * st)
{
    unsigned long cp;

    if (x->elem == 's')
    {
        if (strcmp(x->text, "0em") != 0)
            lc_sb_printf(b, "<mspace width=\"%s\"/>", x->text);
        return;
    }
    if (st != NULL && (x->elem == 'i' || x->elem == 'n') && !(x->flags & F_OPNAME))
    {
        size_t k;

        if (st->upper == 0)    /* \mathrm and the styles MathML Core lacks */
        {
            if (strlen(x->text) == 1 && x->elem == 'i'
                && strcmp(st->name, "mathrm") == 0)
                lc_sb_cat(b, "<mi mathvariant=\"normal\">");
            else
                lc_sb_cat(b, x->elem == 'i' ? "<mi>" : "<mn>");
            xml_text(b, x->text, strlen(x->text));
            lc_sb_cat(b, x->elem == 'i' ? "</mi>" : "</mn>");
            return;
        }
        lc_sb_cat(b, "<mi>");
        for (k = 0; x->text[k] != '\0'; k++)
        {
            cp = styled(st, x->text[k]);
            if (cp != 0)
                sb_cp(b, cp);
            else
                xml_text(b, x->text + k, 1);
            if ((unsigned char) x->text[k] >= 0x80)   /* not ASCII: as it is */
            {
                xml_text(b, x->text + k + 1, strlen(x->text + k + 1));
                break;
            }
        }
        lc_sb_cat(b, "</mi>");
        return;
    }
    switch (x->elem)
    {
        case 'i':
            lc_sb_cat(b, (x->flags & F_NORMAL) ? "<mi mathvariant=\"normal\">" : "<mi>");
            xml_text(b, x->text, strlen(x->text));
            lc_sb_cat(b, "</mi>");
            break;
        case 'n':
            lc_sb_cat(b, "<mn>");
            xml_text(b, x->text, strlen(x->text));
            lc_sb_cat(b, "</mn>");
            break;
        case 't':
            lc_sb_cat(b, "<mtext>");
            xml_text(b, x->text, strlen(x->text));
            lc_sb_cat(b, "</mtext>");
            break;
        default:
            if (x->text[0] == '\0')
                return;
            lc_sb_cat(b, (x->flags & F_NOSTRETCH) ? "<mo stretchy=\"false\">" : "<mo>");
            xml_text(b, x->text, strlen(x->text));
            lc_sb_cat(b, "</mo>");
    }
}

static void
ml_node(lc_sb * b, const mnode * x, const style_t * st)
{
    size_t k;

    switch (x->type)
    {
        case N_ROW:
            for (k = 0; k < x->n; k++)
            {
                const mnode * y = x->kids[k];

                ml_one(b, y, st);
                /* "exp X": a thin space after an operator name, unless a
                   parenthesis or a fence follows. */
                if (is_opname(y) && k + 1 < x->n
                    && !(x->kids[k + 1]->type == N_FENCE
                         || (x->kids[k + 1]->type == N_LEAF
                             && (x->kids[k + 1]->flags & F_NOSTRETCH))))
                    lc_sb_cat(b, "<mspace width=\"0.1667em\"/>");
            }
            break;
        case N_LEAF:
            ml_leaf(b, x, st);
            break;
        case N_TEXT:
            lc_sb_cat(b, "<mtext>");
            xml_text(b, x->text, strlen(x->text));
            lc_sb_cat(b, "</mtext>");
            break;
        case N_SCRIPT:
            lc_sb_cat(b, x->b && x->c ? "<msubsup>" : x->b ? "<msub>" : "<msup>");
            ml_one(b, x->a, st);
            if (x->b)
                ml_one(b, x->b, st);
            if (x->c)
                ml_one(b, x->c, st);
            lc_sb_cat(b, x->b && x->c ? "</msubsup>" : x->b ? "</msub>" : "</msup>");
            break;
        case N_FRAC:
            lc_sb_cat(b, "<mfrac>");
            ml_one(b, x->a, st);
            ml_one(b, x->b, st);
            lc_sb_cat(b, "</mfrac>");
            break;
        case N_SQRT:
            if (x->b != NULL)
            {
                lc_sb_cat(b, "<mroot>");
                ml_one(b, x->a, st);
                ml_one(b, x->b, st);
                lc_sb_cat(b, "</mroot>");
            }
            else
            {
                lc_sb_cat(b, "<msqrt>");
                ml_node(b, x->a, st);
                lc_sb_cat(b, "</msqrt>");
            }
            break;
        case N_FENCE:
            lc_sb_cat(b, "<mrow>");
            if (x->text[0] != '\0')
            {
                lc_sb_cat(b, "<mo>");
                xml_text(b, x->text, strlen(x->text));
                lc_sb_cat(b, "</mo>");
            }
            ml_node(b, x->a, st);
            if (x->text2[0] != '\0')
            {
                lc_sb_cat(b, "<mo>");
                xml_text(b, x->text2, strlen(x->text2));
                lc_sb_cat(b, "</mo>");
            }
            lc_sb_cat(b, "</mrow>");
            break;
        case N_STYLE:
            ml_one(b, x->a, style_find(x->text, strlen(x->text)));
            break;
        case N_ACCENT:
            lc_sb_cat(b, "<mover accent=\"true\">");
            ml_one(b, x->a, st);
            lc_sb_cat(b, "<mo>");
            xml_text(b, x->text, strlen(x->text));
            lc_sb_cat(b, "</mo></mover>");
            break;
    }
}

char *
lc_texmath_mathml(const char * tex, size_t n)
{
    lc_sb b = { NULL, 0, 0 };
    mnode * r = parse(tex, n);

    lc_sb_cat(&b, "<math><semantics><mrow>");
    ml_node(&b, r, NULL);
    lc_sb_cat(&b, "</mrow><annotation encoding=\"application/x-tex\">");
    {
        const char * z = memchr(tex, '\0', n);

        xml_text(&b, tex, z != NULL ? (size_t) (z - tex) : n);
    }
    lc_sb_cat(&b, "</annotation></semantics></math>");
    node_free(r);
    return lc_sb_take(&b);
}

/* ------------------------------------------------------------------- LaTeX */

/* Append TeX t; a control word gets a space after it, so that a letter
   that follows is not read as part of its name. */
static void
tx_cat(lc_sb * b, const char * t)
{
    size_t n = strlen(t), k;

    lc_sb_cat(b, t);
    if (n >= 2 && t[0] == '\\')
    {
        for (k = 1; k < n && is_alpha(t[k]); k++)
            ;
        if (k == n)
            lc_sb_cat(b, " ");
    }
}

static void tx_node(lc_sb * b, const mnode * x, int md);

static void
tx_braced(lc_sb * b, const mnode * x, int md)
{
    lc_sb_cat(b, "{");
    if (x->type == N_ROW)
    {
        size_t k;

        for (k = 0; k < x->n; k++)
            tx_node(b, x->kids[k], md);
    }
    else
        tx_node(b, x, md);
    lc_sb_cat(b, "}");
}

static void
tx_node(lc_sb * b, const mnode * x, int md)
{
    size_t k;

    switch (x->type)
    {
        case N_ROW:
            if (x->flags & F_BRACED)
                tx_braced(b, x, md);
            else
                for (k = 0; k < x->n; k++)
                    tx_node(b, x->kids[k], md);
            break;
        case N_LEAF:
            tx_cat(b, md ? x->md : x->tex);
            break;
        case N_TEXT:
            if (md)
            {
                /* MathJax's \text takes no markup: what could end it or
                   open maths inside it is left out. */
                lc_sb_cat(b, "\\text{");
                for (k = 0; x->text[k] != '\0'; k++)
                    if (strchr("\\{}$|<>&`\n", x->text[k]) == NULL)
                        sb_catn(b, x->text + k, 1);
                lc_sb_cat(b, "}");
            }
            else
            {
                lc_sb_cat(b, "\\mbox{");
                tex_text(b, x->text, strlen(x->text));
                lc_sb_cat(b, "}");
            }
            break;
        case N_SCRIPT:
            tx_braced(b, x->a, md);
            if (x->b)
            {
                lc_sb_cat(b, "_");
                tx_braced(b, x->b, md);
            }
            if (x->c)
            {
                lc_sb_cat(b, "^");
                tx_braced(b, x->c, md);
            }
            break;
        case N_FRAC:
            lc_sb_cat(b, "\\frac");
            tx_braced(b, x->a, md);
            tx_braced(b, x->b, md);
            break;
        case N_SQRT:
            lc_sb_cat(b, "\\sqrt");
            if (x->b != NULL)
            {
                lc_sb_cat(b, "[");
                tx_braced(b, x->b, md);
                lc_sb_cat(b, "]");
            }
            tx_braced(b, x->a, md);
            break;
        case N_FENCE:
            lc_sb_cat(b, "\\left");
            tx_cat(b, md ? x->md : x->tex);
            tx_node(b, x->a, md);
            lc_sb_cat(b, "\\right");
            tx_cat(b, md ? x->md2 : x->tex2);
            break;
        case N_STYLE:
        case N_ACCENT:
            lc_sb_cat(b, x->tex);
            tx_braced(b, x->a, md);
            break;
    }
}

char *
lc_texmath_latex(const char * tex, size_t n, lc_texmath_flavour flavour)
{
    lc_sb b = { NULL, 0, 0 };
    mnode * r = parse(tex, n);

    tx_node(&b, r, flavour == LC_TEXMATH_MARKDOWN);
    node_free(r);
    lc_sb_take(&b);
    /* No space at the ends: GitHub takes "$x$" for maths, not "$x $". */
    while (b.len > 0 && b.s[b.len - 1] == ' ' && !(b.len >= 2 && b.s[b.len - 2] == '\\'))
        b.s[--b.len] = '\0';
    return b.s;
}
