/* ballops.h -- arithmetic when a ball is involved.  Exact operands are
 * rounded into balls at the working precision; the result is a ball or a
 * ball matrix that contains the exact result for every choice of the
 * operands inside their balls. */
#ifndef LC_BALLOPS_H
#define LC_BALLOPS_H

#include "lex.h"
#include "value.h"

/* Whether v is a ball or a ball matrix. */
int lc_is_ball(const lc_val v);

/* out := a op b for + - * / ^ (at least one of a, b a ball or ball matrix). */
int lc_ball_arith(lc_val * out, lc_tok_kind op, const lc_val a, const lc_val b,
                  slong prec, lc_err_t err);
int lc_ball_negate(lc_val * out, const lc_val a);

/* Conversions at precision prec: a number or ball into x, a matrix or ball
   matrix into X (LC_E_ARG for other values). */
int lc_to_ball(arb_t x, const lc_val v, slong prec, lc_err_t err);
int lc_to_bmat(arb_mat_t X, const lc_val v, slong prec, lc_err_t err);

#endif
