/* ball.c -- certified real matrices over Arb. */
#include <string.h>
#include "ball.h"
#include "strbuf.h"

void
lc_ball_resize(arb_mat_t A, slong r, slong c)
{
    if (arb_mat_nrows(A) == r && arb_mat_ncols(A) == c)
        return;
    arb_mat_clear(A);
    arb_mat_init(A, r, c);
}

void
lc_ball_set_qmat(arb_mat_t B, const fmpq_mat_t A, slong prec)
{
    slong i, j;

    lc_ball_resize(B, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    for (i = 0; i < fmpq_mat_nrows(A); i++)
        for (j = 0; j < fmpq_mat_ncols(A); j++)
            arb_set_fmpq(arb_mat_entry(B, i, j), fmpq_mat_entry(A, i, j), prec);
}

int
lc_ball_contains_qmat(const arb_mat_t B, const fmpq_mat_t A)
{
    if (arb_mat_nrows(B) != fmpq_mat_nrows(A) || arb_mat_ncols(B) != fmpq_mat_ncols(A))
        return 0;
    return arb_mat_contains_fmpq_mat(B, A);
}

void
lc_ball_bound_max_entry(mag_t b, const arb_mat_t A)
{
    slong i, j;
    mag_t t;

    mag_init(t);
    mag_zero(b);
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
        {
            arb_get_mag(t, arb_mat_entry(A, i, j));
            mag_max(b, b, t);
        }
    mag_clear(t);
}

/* Largest sum of |entries| along rows (by_rows) or columns. */
static void
_bound_line_sums(mag_t b, const arb_mat_t A, int by_rows)
{
    slong i, j, outer, inner;
    mag_t s, t;

    mag_init(s);
    mag_init(t);
    mag_zero(b);
    outer = by_rows ? arb_mat_nrows(A) : arb_mat_ncols(A);
    inner = by_rows ? arb_mat_ncols(A) : arb_mat_nrows(A);
    for (i = 0; i < outer; i++)
    {
        mag_zero(s);
        for (j = 0; j < inner; j++)
        {
            arb_get_mag(t, by_rows ? arb_mat_entry(A, i, j) : arb_mat_entry(A, j, i));
            mag_add(s, s, t);
        }
        mag_max(b, b, s);
    }
    mag_clear(s);
    mag_clear(t);
}

void
lc_ball_bound_one_norm(mag_t b, const arb_mat_t A)
{
    _bound_line_sums(b, A, 0);
}

void
lc_ball_bound_inf_norm(mag_t b, const arb_mat_t A)
{
    _bound_line_sums(b, A, 1);
}

void
lc_ball_bound_frobenius(mag_t b, const arb_mat_t A)
{
    arb_mat_bound_frobenius_norm(b, A);
}

void
lc_ball_bound_spectral(mag_t b, const arb_mat_t A)
{
    mag_t t, u;

    mag_init(t);
    mag_init(u);
    /* ||A||_2^2 <= ||A||_1 ||A||_inf (Hoelder), and ||A||_2 <= ||A||_F. */
    lc_ball_bound_one_norm(t, A);
    lc_ball_bound_inf_norm(u, A);
    mag_mul(t, t, u);
    mag_sqrt(t, t);
    lc_ball_bound_frobenius(u, A);
    mag_min(b, t, u);
    mag_clear(t);
    mag_clear(u);
}

void
lc_ball_bound_norm(mag_t b, const arb_mat_t A)
{
    mag_t t;

    mag_init(t);
    lc_ball_bound_spectral(b, A);
    lc_ball_bound_one_norm(t, A);
    mag_min(b, b, t);
    lc_ball_bound_inf_norm(t, A);
    mag_min(b, b, t);
    mag_clear(t);
}

/* The shape message of the language's hadamard and ediv, kept word for word
   so that scripts print what they always printed. */
static int
same_shape(const arb_mat_t A, const arb_mat_t B, lc_err_t err)
{
    if (arb_mat_nrows(A) != arb_mat_nrows(B) || arb_mat_ncols(A) != arb_mat_ncols(B))
        return lc_err_set(err, LC_E_DIM, "the matrices must have the same shape");
    return LC_OK;
}

int
lc_ball_hadamard(arb_mat_t C, const arb_mat_t A, const arb_mat_t B, slong prec, lc_err_t err)
{
    slong i, j;
    int status = same_shape(A, B, err);

    if (status != LC_OK)
        return status;
    /* lc_ball_resize keeps a matrix of the right shape, so an aliased C
       survives it; each entry is read before it is written */
    lc_ball_resize(C, arb_mat_nrows(A), arb_mat_ncols(A));
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
            arb_mul(arb_mat_entry(C, i, j), arb_mat_entry(A, i, j), arb_mat_entry(B, i, j),
                    prec);
    return LC_OK;
}

int
lc_ball_ediv(arb_mat_t C, const arb_mat_t A, const arb_mat_t B, slong prec, lc_err_t err)
{
    slong i, j;
    int status = same_shape(A, B, err);

    if (status != LC_OK)
        return status;
    /* Arb would return [+/- inf] for such an entry; a quotient that is not
       finite is refused rather than passed on, before C is touched */
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
            if (arb_contains_zero(arb_mat_entry(B, i, j)))
                return lc_err_set(err, LC_E_DOMAIN, "division by a ball that contains 0 at "
                                  "entry (%ld, %ld)", (long) i + 1, (long) j + 1);
    lc_ball_resize(C, arb_mat_nrows(A), arb_mat_ncols(A));
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
            arb_div(arb_mat_entry(C, i, j), arb_mat_entry(A, i, j), arb_mat_entry(B, i, j),
                    prec);
    return LC_OK;
}

int
lc_ball_arf_get_fmpq(fmpq_t q, const arf_t x, lc_err_t err)
{
    fmpq_zero(q);
    if (!arf_is_finite(x))
        return lc_err_set(err, LC_E_DOMAIN, "not finite: %s has no exact rational value",
                          arf_is_nan(x) ? "NaN" : arf_sgn(x) > 0 ? "+inf" : "-inf");
    if (arf_is_zero(x))
        return LC_OK;
    /* the numerator has about log2 |x| bits, the denominator about -log2 |x|
       plus the mantissa's (which x already holds) */
    if (arf_cmpabs_2exp_si(x, LC_BALL_EXACT_MAX_EXP) >= 0)
        return lc_err_set(err, LC_E_LIMIT, "|x| >= 2^%ld: its exact value would need more "
                          "than %ld bits", (long) LC_BALL_EXACT_MAX_EXP,
                          (long) LC_BALL_EXACT_MAX_EXP);
    if (arf_cmpabs_2exp_si(x, -LC_BALL_EXACT_MAX_EXP) < 0)
        return lc_err_set(err, LC_E_LIMIT, "0 < |x| < 2^-%ld: its exact value would need more "
                          "than %ld bits", (long) LC_BALL_EXACT_MAX_EXP,
                          (long) LC_BALL_EXACT_MAX_EXP);
    arf_get_fmpq(q, x);
    return LC_OK;
}

void
lc_ball_max_radius(mag_t r, const arb_mat_t A)
{
    slong i, j;

    mag_zero(r);
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
            mag_max(r, r, arb_radref(arb_mat_entry(A, i, j)));
}

void
lc_ball_add_error(arb_mat_t A, const mag_t e)
{
    slong i, j;

    if (mag_is_zero(e))
        return;
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
            arb_add_error_mag(arb_mat_entry(A, i, j), e);
}

/* A growing string (appends, never shrinks). */
char *
lc_ball_get_str(const arb_mat_t A, slong digits)
{
    lc_sb b = {NULL, 0, 0};
    slong i, j;
    char * t;

    if (digits < 1)
        digits = 1;
    lc_sb_cat(&b, "[");
    for (i = 0; i < arb_mat_nrows(A); i++)
    {
        lc_sb_cat(&b, i == 0 ? "[" : ", [");
        for (j = 0; j < arb_mat_ncols(A); j++)
        {
            if (j > 0)
                lc_sb_cat(&b, ", ");
            t = arb_get_str(arb_mat_entry(A, i, j), digits, 0);
            lc_sb_cat(&b, t);
            flint_free(t);
        }
        lc_sb_cat(&b, "]");
    }
    lc_sb_cat(&b, "]");
    return lc_sb_take(&b);
}

void
lc_ball_fprint(FILE * f, const arb_mat_t A, slong digits)
{
    char * s = lc_ball_get_str(A, digits);

    fputs(s, f);
    flint_free(s);
}
