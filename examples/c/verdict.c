/* verdict.c -- claims, checks and verdicts from C, without the language.
 *
 *   cc verdict.c $(pkg-config --cflags --libs liecheck) && ./a.out report.json
 *
 * Three records of a small audit: a statement ("a rotation of the plane by
 * 90 degrees commutes with every shear"), refuted exactly; our corrected
 * statement (it commutes with the rotations), proved exactly; and a control
 * (3 * (1/3) = 1 in balls), which holds with a certified bound confirmed at
 * twice the precision.  The verdicts come from lib/check's rule, never from
 * this program.  It prints one line per claim and "REFUTED PROVED HOLDS" last,
 * and writes the report (.json, .md, .tex or .html) when given a path. */
#include <stdio.h>
#include <string.h>
#include <liecheck/liecheck.h>

/* J = [[0, -1], [1, 0]], the rotation by 90 degrees, against B. */
static int
commutes_with_rotation(lc_check_t chk, slong prec, void * data, lc_err_t err)
{
    const char * b = data;
    fmpq_mat_t J, B;
    lc_check_outcome o;
    int st;

    (void) prec;   /* exact: the same at every precision */
    fmpq_mat_init(J, 0, 0);
    fmpq_mat_init(B, 0, 0);
    if ((st = lc_qmat_parse(J, "[[0, -1], [1, 0]]", err)) == LC_OK
        && (st = lc_qmat_parse(B, b, err)) == LC_OK)
        st = lc_check_commute_qmat(&o, chk, J, B, err);
    fmpq_mat_clear(J);
    fmpq_mat_clear(B);
    return st;
}

/* 3 * (1/3) = 1, recomputed in balls at each precision asked for. */
static int
third(lc_check_t chk, slong prec, void * data, lc_err_t err)
{
    arb_t x, one;
    lc_check_outcome o;
    int st;

    (void) data;
    arb_init(x);
    arb_init(one);
    arb_set_si(x, 1);
    arb_div_si(x, x, 3, prec);
    arb_mul_si(x, x, 3, prec);
    arb_one(one);
    st = lc_check_equal_arb(&o, chk, x, one, "3 * (1/3) = 1", prec, err);
    arb_clear(x);
    arb_clear(one);
    return st;
}

int
main(int argc, char ** argv)
{
    lc_report_t r;
    lc_claim_struct * c;
    lc_err_t err;
    slong i;
    int status = 0;

    lc_report_init(r);
    lc_claim_set(&r->title, "liecheck from C");
    lc_claim_set(&r->script, "examples/c/verdict.c");
    r->precision = 128;

    c = lc_report_add(r);
    lc_claim_set(&c->id, "rot-shear");
    lc_claim_set(&c->statement, "A rotation of the plane by 90 degrees commutes with every shear");
    lc_claim_set(&c->source, "a made-up paper, Prop. 1");
    c->expected = LC_REFUTED;
    lc_check_run_claim(c, commutes_with_rotation, "[[1, 1], [0, 1]]", NULL, 0, 128);

    c = lc_report_add(r);
    c->role = LC_ROLE_CORRECTED;
    lc_claim_set(&c->corrects, "rot-shear");
    lc_claim_set(&c->statement, "A rotation of the plane by 90 degrees commutes with the rotations");
    lc_check_run_claim(c, commutes_with_rotation, "[[3/5, -4/5], [4/5, 3/5]]", NULL, 0, 128);

    c = lc_report_add(r);
    c->role = LC_ROLE_CONTROL;
    lc_claim_set(&c->statement, "Ball arithmetic at work: 3 * (1/3) = 1");
    lc_check_run_claim(c, third, NULL, NULL, 0, 128);

    for (i = 0; i < r->len; i++)
    {
        c = r->claims + i;
        printf("%s %s [%s]%s%s: %s\n", c->id, lc_verdict_name(c->verdict),
               lc_claim_role_name(c->role), c->bound ? " bound " : "", c->bound ? c->bound : "",
               c->certificate ? c->certificate : "");
    }
    for (i = 0; i < r->len; i++)
        printf("%s%s", i ? " " : "", lc_verdict_name(r->claims[i].verdict));
    printf("\n");
    lc_err_init(err);
    if (argc > 1 && lc_report_write(r, argv[1], err) != LC_OK)
    {
        fprintf(stderr, "error: %s\n", err->msg);
        status = 1;
    }
    if (lc_report_count_unmet(r) != 0)
        status = 1;
    lc_report_clear(r);
    flint_cleanup();
    return status;
}
