/* texmath.h -- the maths of claim texts: a subset of TeX between $...$,
 * written as MathML (HTML reports), as LaTeX a pdflatex run accepts, and as
 * the TeX that GitHub's Markdown renders.
 *
 * A text holds maths between an opening '$' followed by a character that is
 * not white space and a closing '$' that follows one and is not followed by
 * a digit (pandoc's rule, so that "costs $5 and $10" stays prose); "\$" is a
 * literal dollar, in prose and in maths; a '$' that opens nothing is a
 * literal dollar too.  The subset: letters, digits, operators, ^ and _,
 * {groups}, \frac \sqrt \left \right \mathrm \mathbb \mathfrak \mathbf
 * \operatorname \text, Greek letters and the common symbols and operator
 * names (doc/reports.md lists them).  Nothing is an error: an unknown command
 * is shown as its name in text, unbalanced braces are closed or shown,
 * nesting deeper than LC_TEXMATH_DEPTH is shown as its source text. */
#ifndef LC_TEXMATH_H
#define LC_TEXMATH_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Groups, fractions, roots, scripts and fences nest at most this deep; below
   it the source is shown as text. */
#define LC_TEXMATH_DEPTH 32

/* The first maths span of s: 1 with s[*open] the opening and s[*close] the
   closing '$' (the maths is between them), or 0 when s has none.  Linear in
   the length of s, whatever it holds. */
int lc_texmath_find(size_t * open, size_t * close, const char * s);

/* The maths tex (without its dollars, n bytes, valid UTF-8) as a MathML
   <math> element: MathML Core elements only, every text escaped, the TeX
   source kept as an annotation.  flint_free the result. */
char * lc_texmath_mathml(const char * tex, size_t n);

/* Flavours of lc_texmath_latex. */
typedef enum
{
    LC_TEXMATH_PDFLATEX = 0,  /* for pdflatex with amsmath and amssymb: every
                                 command of the subset, the rest as text */
    LC_TEXMATH_MARKDOWN = 1   /* for GitHub's Markdown (MathJax): unknown
                                 commands kept, no | < > & that a table or
                                 the HTML sanitiser could take */
}
lc_texmath_flavour;

/* The maths tex (n bytes) rewritten as balanced TeX of the flavour, without
   the dollars (flint_free it).  Never contains an unescaped '$'. */
char * lc_texmath_latex(const char * tex, size_t n, lc_texmath_flavour flavour);

/* Internal, shared with the report writers: the LaTeX (text mode) of a code
   point that pdfLaTeX's utf8 input with T1 fonts does not take as it is, or
   NULL; and whether it takes c as it is. */
const char * _lc_tex_unicode(unsigned long c);
int _lc_tex_passes(unsigned long c);

#ifdef __cplusplus
}
#endif

#endif
