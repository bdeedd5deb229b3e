/* check.h -- the verdict engine.
 *
 * A claim is decided by the primitive checks it makes, never by a script's
 * wording.  An lc_check_t records each check with its kind (exact, or
 * certified by an Arb enclosure), its outcome (true; false with a
 * certificate; undecided with a reason; not checkable with a reason) and its
 * full text.  One rule turns the records of one run into a verdict:
 *
 *   REFUTED        some check is false (exact, or a ball excluding the claimed
 *                  value); its text is the certificate;
 *   NOT_CHECKABLE  the only check is not_checkable (with any other check the
 *                  claim is UNDECIDED: a statement is either checkable or not);
 *   UNDECIDED      some check is undecided (a limit, a ball too wide, a ball
 *                  that is not finite, an error inside the claim), or there is
 *                  no check at all;
 *   PROVED         every check is exact and true;
 *   HOLDS          every check is true and at least one is certified; the
 *                  bound is the largest certified bound.
 *
 * A claim whose verdict rests on balls is run at more than one precision (a
 * sweep), and lc_sweep_verdict decides across them: a refutation at any
 * precision stands; HOLDS needs a second, higher precision at which it holds
 * again and its bound falls at least like 2^(-(q - p)/2) from p to q bits
 * ("the bound does not shrink" otherwise, and the claim is UNDECIDED).
 * lc_check_run_claim does all of this for a body given as a C function.
 *
 * Comparisons: the exact ones decide equality over Q; the ball ones refute
 * when an entry of the difference excludes 0, are true with bound
 * max |difference| when that bound is at most 2^(-prec/2) times
 * max(1, the largest |entry| compared), and are undecided otherwise.  A ball
 * that is not finite (NaN, an infinite midpoint or radius) is never exact and
 * never small: any comparison touching one is undecided. */
#ifndef LC_CHECK_H
#define LC_CHECK_H

#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include "lc_arb.h"
#include "err.h"
#include "claim.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    lc_check_kind kind;
    lc_check_outcome outcome;
    char * text;
    arf_t bound;        /* certified and true: upper bound of |deviation| */
    int has_bound;
    slong prec;
}
lc_check_record;

/* The input that refutes a check, in liecheck's literal syntax, one line
   "name = value" per value, so that liecheck can read it back (load()).
   Operands of at most LC_CHECK_INLINE_ENTRIES entries each are also written
   into the check's text; larger ones only name the entry that differs, and
   lc_check_run_claim gives the claim a file for them (next to the report). */
#define LC_CHECK_INLINE_ENTRIES 64

typedef struct
{
    char * lines;       /* "name = value" lines, '\n'-separated, no final newline */
    slong entries;      /* the entries of the largest value */
    slong rec;          /* the record it belongs to, or -1: given(...) by the claim */
}
lc_check_input;

typedef struct
{
    lc_check_record * recs;
    slong len;
    slong alloc;
    char * notes;       /* free text added to the certificate (note(...)) */
    char * method;      /* free text describing the method (method(...)): never a verdict */
    lc_check_input * inputs;    /* refuting inputs (see above) */
    slong ninputs;
}
lc_check_struct;

typedef lc_check_struct lc_check_t[1];

void lc_check_init(lc_check_t c);
void lc_check_clear(lc_check_t c);

/* Forget every record, note and method. */
void lc_check_reset(lc_check_t c);

/* Record one check.  bound (may be NULL) is kept only for a certified true
   check; text is copied whole. */
void lc_check_add(lc_check_t c, lc_check_kind kind, lc_check_outcome outcome,
                  const arf_t bound, slong prec, const char * text);

/* Record a true/false fact decided exactly or by a certified comparison;
   returns truth. */
int lc_check_fact(lc_check_t c, int truth, lc_check_kind kind, const char * text);

/* Record an undecided check, or the statement's lack of checkable content. */
void lc_check_undecided(lc_check_t c, const char * reason);
void lc_check_not_checkable(lc_check_t c, const char * reason);

/* Attach values to the last check record as the input that refutes it
   (when it is false): n values named names[i], their literal texts texts[i]
   (one line each) with entries[i] entries.  When every value has at most
   LC_CHECK_INLINE_ENTRIES entries they are also appended to the record's
   text ("; name = value"); otherwise the text names them and the claim
   writes them to a file.  No record: nothing happens. */
void lc_check_attach(lc_check_t c, slong n, const char * const * names,
                     const char * const * texts, const slong * entries);

/* Declare an input of the whole claim (a random element it drew, the
   matrix a boolean check was made on): shown in the certificate, or written
   to a file, only when the claim is refuted. */
void lc_check_given(lc_check_t c, const char * name, const char * text, slong entries);

/* Attach the exact matrices mats[0..n-1] (lc_check_attach with their
   canonical one-line form and sizes). */
void lc_check_attach_qmats(lc_check_t c, slong n, const char * const * names,
                           const fmpq_mat_struct * const * mats);

/* Add free text to the notes or to the method description. */
void lc_check_note(lc_check_t c, const char * text);
void lc_check_describe(lc_check_t c, const char * text);

/* Whether a check was false or not_checkable: further checks add nothing. */
int lc_check_stopped(const lc_check_t c);

/* Whether some check is certified (the claim needs a sweep). */
int lc_check_has_certified(const lc_check_t c);

/* The rule above.  bound (may be NULL) := the largest certified bound when
   the verdict is HOLDS (0 otherwise); *has_bound (may be NULL) := whether
   some certified check gave one. */
lc_verdict lc_check_verdict(arf_t bound, int * has_bound, const lc_check_t c);

/* The certificate of the verdict: for REFUTED the false check(s), for
   UNDECIDED / NOT_CHECKABLE the reasons, otherwise every check; then the
   notes.  flint_free the result (never NULL). */
char * lc_check_certificate(const lc_check_t c);

/* A description of how the checks were made (their kinds and precision),
   then the script's own method text.  flint_free the result. */
char * lc_check_method(const lc_check_t c);

/* ------------------------------------------------------------ comparisons */

/* *out := the outcome of a = b (or A = B), recorded in c with a certificate
   naming what (e.g. "equal").  Sizes that differ are a usage error
   (LC_E_DIM, nothing recorded). */
int lc_check_equal_fmpq(lc_check_outcome * out, lc_check_t c, const fmpq_t a,
                        const fmpq_t b, const char * what, lc_err_t err);
int lc_check_equal_qmat(lc_check_outcome * out, lc_check_t c, const fmpq_mat_t A,
                        const fmpq_mat_t B, const char * what, lc_err_t err);
int lc_check_equal_arb(lc_check_outcome * out, lc_check_t c, const arb_t a,
                       const arb_t b, const char * what, slong prec, lc_err_t err);
int lc_check_equal_arb_mat(lc_check_outcome * out, lc_check_t c, const arb_mat_t A,
                           const arb_mat_t B, const char * what, slong prec, lc_err_t err);

/* The same when one side (or both) is known exactly: Aq, Bq (may be NULL)
   are the exact values of A, B.  A refutation then shows the exact value of
   the refuting entry and attaches the exact operands (lc_check_attach). */
int lc_check_equal_arb_mat_exact(lc_check_outcome * out, lc_check_t c, const arb_mat_t A,
                                 const fmpq_mat_t Aq, const arb_mat_t B, const fmpq_mat_t Bq,
                                 const char * what, slong prec, lc_err_t err);

/* A^T A = I and AB = BA, exactly or in balls. */
int lc_check_orthogonal_qmat(lc_check_outcome * out, lc_check_t c, const fmpq_mat_t A,
                             lc_err_t err);
int lc_check_orthogonal_arb_mat(lc_check_outcome * out, lc_check_t c, const arb_mat_t A,
                                slong prec, lc_err_t err);
int lc_check_commute_qmat(lc_check_outcome * out, lc_check_t c, const fmpq_mat_t A,
                          const fmpq_mat_t B, lc_err_t err);
int lc_check_commute_arb_mat(lc_check_outcome * out, lc_check_t c, const arb_mat_t A,
                             const arb_mat_t B, slong prec, lc_err_t err);

/* ----------------------------------------------------------------- sweeps */

typedef struct
{
    slong len;
    slong * prec;
    lc_verdict * verdict;
    arf_struct * bound;
    int * has_bound;
}
lc_sweep_struct;

typedef lc_sweep_struct lc_sweep_t[1];

void lc_sweep_init(lc_sweep_t s);
void lc_sweep_clear(lc_sweep_t s);

/* Add the verdict of a run at prec bits (precisions in increasing order);
   bound may be NULL. */
void lc_sweep_add(lc_sweep_t s, slong prec, lc_verdict v, const arf_t bound);

/* The sweep rule.  *at := the index of the run whose records decide the
   verdict (the first refuting run, else the last run); *reason := NULL, or
   (flint_free it) why a sweep of HOLDS runs is UNDECIDED, with the bounds. */
lc_verdict lc_sweep_verdict(slong * at, char ** reason, const lc_sweep_t s);

/* ----------------------------------------------------------------- claims */

/* The body of a claim: make checks in chk at prec bits.  Return LC_OK, or
   an error code with a message in err (the claim becomes UNDECIDED with
   that message as an undecided check). */
typedef int (*lc_check_body_fn)(lc_check_t chk, slong prec, void * data, lc_err_t err);

/* Run body and record its verdict in claim: at each of the nprecs
   precisions when precs is given (an explicit sweep), otherwise at prec and,
   when the run rests on a certified check and did not refute, again at
   2 prec.  The claim gets its verdict, bound, certificate, method, the
   check records of the deciding run, its sweep points and its precision.
   When it is refuted, the claim also gets the refuting inputs of the
   deciding run: the small ones as refuting_input (and in the certificate),
   each large one as a file NAME.refute-ID-K.txt (NAME: the claim's script
   without directory and .lc; ID: the claim's id, bytes other than letters,
   digits, '.', '-', '_' made '_' and then, when that changed it, '-' and 8
   hex digits of the SHA-256 of the id; K = 1, 2, ...) that the
   certificate names and lc_report_write writes next to the report. */
void lc_check_run_claim(lc_claim_struct * claim, lc_check_body_fn body, void * data,
                        const slong * precs, slong nprecs, slong prec);

/* A decimal upper bound of x (rounded up, 3 significant digits), "inf" or
   "nan" when x is not finite; flint_free it. */
char * lc_arf_get_str_up(const arf_t x);

#ifdef __cplusplus
}
#endif

#endif
