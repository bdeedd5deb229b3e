/* texmath_out.c -- the writers of lib/texmath: the parse tree as MathML
 * Core and as LaTeX (pdflatex's, or GitHub's MathJax's). */
#include <string.h>
#include "liecheck.h"
#include "texmath.h"
#include "strbuf.h"
#include "texmath_impl.h"

/* Append the code point c in UTF-8. */
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
        c = _lc_tm_next_cp(s, &n);
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
            default: _lc_tm_catn(b, s, (size_t) n);
        }
    }
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
            ml_one(b, x->a, _lc_tm_style_find(x->text, strlen(x->text)));
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
    mnode * r = _lc_tm_parse(tex, n);

    lc_sb_cat(&b, "<math><semantics><mrow>");
    ml_node(&b, r, NULL);
    lc_sb_cat(&b, "</mrow><annotation encoding=\"application/x-tex\">");
    {
        const char * z = memchr(tex, '\0', n);

        xml_text(&b, tex, z != NULL ? (size_t) (z - tex) : n);
    }
    lc_sb_cat(&b, "</annotation></semantics></math>");
    _lc_tm_free(r);
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
        for (k = 1; k < n && tm_is_alpha(t[k]); k++)
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
                        _lc_tm_catn(b, x->text + k, 1);
                lc_sb_cat(b, "}");
            }
            else
            {
                lc_sb_cat(b, "\\mbox{");
                _lc_tm_tex_text(b, x->text, strlen(x->text));
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
    mnode * r = _lc_tm_parse(tex, n);

    tx_node(&b, r, flavour == LC_TEXMATH_MARKDOWN);
    _lc_tm_free(r);
    lc_sb_take(&b);
    /* No space at the ends: GitHub takes "$x$" for maths, not "$x $". */
    while (b.len > 0 && b.s[b.len - 1] == ' ' && !(b.len >= 2 && b.s[b.len - 2] == '\\'))
        b.s[--b.len] = '\0';
    return b.s;
}
