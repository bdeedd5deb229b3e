/* texmath_sym.c -- the tables of lib/texmath: the LaTeX of Unicode
 * characters, the commands of the subset (symbols, styles, accents, the ones
 * ignored). */
#include <string.h>
#include "liecheck.h"
#include "texmath.h"
#include "texmath_impl.h"

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
    { "{", "{", 'f', "\\{", "\\lbrace" }, { "}", "}", 'f', "\\}", "\\rbrace" },
    { "lfloor", "\xe2\x8c\x8a", 'f', NULL, NULL }, { "rfloor", "\xe2\x8c\x8b", 'f', NULL, NULL },
    { "lceil", "\xe2\x8c\x88", 'f', NULL, NULL }, { "rceil", "\xe2\x8c\x89", 'f', NULL, NULL },
    { "$", "$", 'o', "\\$", NULL }, { "#", "#", 'o', "\\#", "\\text{#}" },
    { "%", "%", 'o', "\\%", "\\text{%}" }, { "&", "&", 'o', "\\&", "\\text{&}" },
    { "_", "_", 'o', "\\_", "\\text{_}" },
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
    { ",", "0.1667em", 's', NULL, "\\thinspace" },
    { ":", "0.2222em", 's', NULL, "\\medspace" },
    { ";", "0.2778em", 's', NULL, "\\thickspace" }, { " ", "0.3333em", 's', NULL, NULL },
    { "!", "0em", 's', NULL, "\\negthinspace" },
    { "quad", "1em", 's', NULL, NULL }, { "qquad", "2em", 's', NULL, NULL },
    { "\\", "1em", 's', "\\quad", NULL }
};

const sym_t *
_lc_tm_sym_find(const char * name, size_t n)
{
    size_t k;

    for (k = 0; k < sizeof(syms) / sizeof(syms[0]); k++)
        if (strlen(syms[k].name) == n && memcmp(syms[k].name, name, n) == 0)
            return syms + k;
    return NULL;
}

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

const style_t *
_lc_tm_style_find(const char * name, size_t n)
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

const char *
_lc_tm_accent(const char * name, size_t n)
{
    size_t k;

    for (k = 0; k < sizeof(accents) / sizeof(accents[0]); k++)
        if (strlen(accents[k].name) == n && memcmp(accents[k].name, name, n) == 0)
            return accents[k].uni;
    return NULL;
}

int
_lc_tm_ignored(const char * name, size_t n)
{
    size_t k;

    for (k = 0; k < sizeof(ignored) / sizeof(ignored[0]); k++)
        if (strlen(ignored[k]) == n && memcmp(ignored[k], name, n) == 0)
            return 1;
    return 0;
}
