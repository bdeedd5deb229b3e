/* claim.h -- claim records, verdicts and the reports built from them.
 *
 * A claim is a checked statement: what was claimed (and where it comes
 * from), how it was checked, the verdict with its certificate or bound, and
 * the verdict the author expected.  Reports (Markdown, JSON, LaTeX, HTML)
 * are written from these records, never from captured text.  This module
 * knows no mathematics: bounds arrive as decimal strings. */
#ifndef LC_CLAIM_H
#define LC_CLAIM_H

#include <flint/flint.h>
#include "err.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum
{
    LC_PROVED = 0,      /* exact arithmetic over Q showed it, for the stated instance */
    LC_HOLDS,           /* a certified enclosure bounds the deviation by `bound` */
    LC_REFUTED,         /* exact arithmetic or a ball excluding zero shows it false */
    LC_UNDECIDED,       /* a precision, size or time limit was reached (certificate says which) */
    LC_NOT_CHECKABLE,   /* the statement has no checkable content (certificate says why) */
    LC_VERDICT_NONE     /* as `expected`: "PROVED or HOLDS", the default expectation */
}
lc_verdict;

/* "PROVED", "HOLDS", ...; "PROVED or HOLDS" for LC_VERDICT_NONE. */
const char * lc_verdict_name(lc_verdict v);

/* Parse a verdict name (exact, upper case); LC_E_PARSE otherwise. */
int lc_verdict_parse(lc_verdict * v, const char * s, lc_err_t err);

/* What a claim is in the audit of a paper (DESIGN.md, principle 6). */
typedef enum
{
    LC_ROLE_CLAIM = 0,  /* a statement of the paper, in its words or a faithful paraphrase */
    LC_ROLE_CONTROL,    /* a positive or negative control, or a check of the method */
    LC_ROLE_CORRECTED   /* our corrected form of a refuted statement (see corrects) */
}
lc_claim_role;

/* "claim", "control", "corrected". */
const char * lc_claim_role_name(lc_claim_role r);

/* One primitive check a claim made (lib/check makes them; this module only
   stores and prints them).  kind: how it was decided; outcome: what it said. */
typedef enum
{
    LC_CHECK_EXACT = 0, /* over Q or the integers, an exhaustive enumeration, an exact rank */
    LC_CHECK_CERTIFIED, /* an Arb ball enclosure */
    LC_CHECK_NONE       /* no computation: not_checkable, or an error inside the claim */
}
lc_check_kind;

typedef enum
{
    LC_CHECK_TRUE = 0,
    LC_CHECK_FALSE,         /* with a certificate in the text */
    LC_CHECK_UNDECIDED,     /* with the reason in the text */
    LC_CHECK_NOT_CHECKABLE  /* with the reason in the text */
}
lc_check_outcome;

/* "exact", "certified", "none"; "true", "false", "undecided", "not_checkable". */
const char * lc_check_kind_name(lc_check_kind k);
const char * lc_check_outcome_name(lc_check_outcome o);

typedef struct
{
    lc_check_kind kind;
    lc_check_outcome outcome;
    char * text;        /* what was checked and its certificate, never truncated */
    char * bound;       /* decimal upper bound of |deviation| (certified, true), or NULL */
    slong prec;         /* bits, for a certified check (0 otherwise) */
}
lc_claim_check;

/* The verdict of a claim at one precision of a sweep. */
typedef struct
{
    slong prec;
    lc_verdict verdict;
    char * bound;       /* decimal upper bound, or NULL (exact or no bound) */
}
lc_sweep_point;

/* A file of refuting inputs that the report writers put next to the report
   (lc_report_write): one "name = value" line per value in liecheck's
   literal syntax, after comment lines starting with '#'. */
typedef struct
{
    char * name;        /* file name, no directory: NAME.refute-ID-K.txt */
    char * text;
}
lc_claim_file;

typedef struct
{
    char * id;          /* "claim-1", ... unless given */
    lc_claim_role role;
    char * corrects;    /* LC_ROLE_CORRECTED: the id of the refuted claim it corrects */
    char * source;      /* paper, section or equation; may be NULL */
    char * statement;
    char * method;      /* how it was checked; may be NULL */
    char * certificate; /* what anyone can re-check; may be NULL */
    char * bound;       /* decimal upper bound for HOLDS (else NULL) */
    lc_verdict verdict;
    lc_verdict expected;
    lc_sweep_point * sweep;
    slong nsweep;
    lc_claim_check * checks;    /* the checks of the run that decided the verdict */
    slong nchecks;
    slong prec;         /* working precision in bits when it was checked */
    double seconds;
    char * file;        /* where the claim stands in the script */
    slong line;
    /* REFUTED: the refuting inputs small enough to stand in the certificate,
       as "name = value" lines (NULL: none), and the files of larger ones. */
    char * refuting_input;
    lc_claim_file * files;
    slong nfiles;
}
lc_claim_struct;

/* All string fields start NULL; verdict LC_UNDECIDED, expected LC_VERDICT_NONE. */
void lc_claim_init(lc_claim_struct * c);
void lc_claim_clear(lc_claim_struct * c);

/* Replace a string field with a copy of s (s may be NULL). */
void lc_claim_set(char ** field, const char * s);

/* Append text to a string field (creating it), separated by "; " when the
   field is not empty: certificates are built up check by check. */
void lc_claim_append(char ** field, const char * s);

void lc_claim_add_sweep(lc_claim_struct * c, slong prec, lc_verdict v, const char * bound);

/* Append a copy of one check record (text and bound are copied). */
void lc_claim_add_check(lc_claim_struct * c, lc_check_kind kind, lc_check_outcome outcome,
                        const char * text, const char * bound, slong prec);

/* Forget the check records. */
void lc_claim_clear_checks(lc_claim_struct * c);

/* Add a file of refuting inputs (name and text copied); forget them all. */
void lc_claim_add_file(lc_claim_struct * c, const char * name, const char * text);
void lc_claim_clear_files(lc_claim_struct * c);

/* Whether the verdict is what was expected: PROVED or HOLDS when expected is
   LC_VERDICT_NONE, otherwise exactly the expected verdict. */
int lc_claim_met(const lc_claim_struct * c);

/* One numbered item of the paper (a definition, theorem, displayed equation,
   footnote, table, ...) and how the report addresses it: the ids of the
   records that check it, or the reason it is not addressed. */
typedef struct
{
    char * label;       /* the paper's own number: "Thm. 3.4", "Eq. (5.2)" */
    char * what;        /* a short quote or summary */
    char ** ids;        /* records addressing it (nids > 0), or NULL */
    slong nids;
    char * reason;      /* why it is not addressed (nids == 0), or NULL */
    slong line;         /* where the item stands in the script (0: unknown) */
}
lc_cover_item;

/* How the run that produced a report ended. */
typedef enum
{
    LC_RUN_COMPLETE = 0,    /* every statement ran */
    LC_RUN_ERROR,           /* a statement failed and the run stopped there */
    LC_RUN_INTERRUPTED      /* the user interrupted it, or its time limit passed */
}
lc_run_status;

/* "complete", "error", "interrupted". */
const char * lc_run_status_name(lc_run_status s);

typedef struct
{
    char * title;       /* NULL (after init) stands for "liecheck report" */
    char * script;      /* path of the script, or "<stdin>" / "<-e>" */
    ulong seed;
    slong precision;    /* working precision at the end of the run */
    int timings;        /* include seconds (0: byte-identical reports) */
    lc_claim_struct * claims;
    slong len, alloc;
    lc_cover_item * items;      /* the coverage of the paper's numbered items */
    slong nitems;
    lc_run_status status;       /* LC_RUN_COMPLETE after init */
    char * stopped;             /* unless complete: where and why ("FILE:L:C: message") */
    /* Provenance (doc/reports.md): the SHA-256 of the script's bytes (64
       hex digits), the command line and the date of the run (ISO 8601,
       UTC); each NULL when unknown.  The command line and the date belong
       to one run: they are written only with timings on. */
    char * script_sha256;
    char * command;
    char * date;
}
lc_report_struct;

typedef lc_report_struct lc_report_t[1];

void lc_report_init(lc_report_t r);
void lc_report_clear(lc_report_t r);

/* A new, initialised claim owned by the report (valid until the next add);
   its id is set to "claim-N" (N = its 1-based position). */
lc_claim_struct * lc_report_add(lc_report_t r);

/* Add a coverage item: addressed by the nids records ids (copied), or, when
   nids is 0, not addressed for reason.  LC_E_ARG when the label is empty or
   already used, when nids > 0 comes with a reason or nids == 0 without one,
   or an id is empty (nothing is added then). */
int lc_report_add_item(lc_report_t r, const char * label, const char * what,
                       const char * const * ids, slong nids, const char * reason,
                       slong line, lc_err_t err);

/* Whether every id that a coverage item names is the id of a record of the
   report; LC_E_ARG naming the first item and id that is not (and *line :=
   that item's line), else LC_OK. */
int lc_report_check_coverage(slong * line, const lc_report_t r, lc_err_t err);

/* The record with that id, or NULL. */
const lc_claim_struct * lc_report_find(const lc_report_t r, const char * id);

/* Ids are unique in a report (a coverage item or a correction names one
   record): LC_OK when no record has the id that the next record would get
   -- id, or the default "claim-N" when id is NULL -- else LC_E_ARG with a
   message naming the record that has it and its line. */
int lc_report_check_new_id(const lc_report_t r, const char * id, lc_err_t err);

/* How many claims met / did not meet their expectation. */
slong lc_report_count_met(const lc_report_t r);
slong lc_report_count_unmet(const lc_report_t r);

/* The counts a report opens with (the verdict on the paper), computed once
   for every writer.  The verdict counts are over the statements of the paper
   (role LC_ROLE_CLAIM) only: a control or a corrected statement says nothing
   about the paper.  A record whose role is out of range counts as a
   statement (never hide one), and a statement whose verdict is out of range
   as undecided (never a pass), so that the verdict counts add up to
   `statements`.  met / not_met are over every record, as lc_claim_met. */
typedef struct
{
    slong statements;       /* records of role LC_ROLE_CLAIM */
    slong proved, holds, refuted, undecided, not_checkable;
    slong controls;         /* records of role LC_ROLE_CONTROL */
    slong corrected;        /* records of role LC_ROLE_CORRECTED */
    slong met, not_met;     /* over every record */
    slong items;            /* numbered items of the paper in the coverage */
    slong items_addressed;  /* ... of which records address */
}
lc_report_counts_struct;

void lc_report_counts(lc_report_counts_struct * n, const lc_report_t r);

/* The verdict on the paper as one line, as every report opens with it:
   "N statements of the paper checked: P proved, ...; K controls[; M
   corrected statements]" (flint_free it). */
char * lc_report_verdict_line(const lc_report_t r);

/* "Coverage: N of M numbered items of the paper addressed[ (K not
   addressed, each with its reason)]" (flint_free it). */
char * lc_report_coverage_line(const lc_report_t r);

/* Whether the record counts as a statement of the paper: role LC_ROLE_CLAIM,
   or a role out of range (see lc_report_counts). */
int lc_claim_is_statement(const lc_claim_struct * c);

/* The record of the refuted statement of the paper (a statement, verdict
   LC_REFUTED) whose id is id, or NULL: what a corrected claim's `corrects`
   must name for it to be listed under that erratum. */
const lc_claim_struct * lc_report_refuted_statement(const lc_report_t r, const char * id);

/* The report as text (flint_free the result).  JSON follows the contract of
   DESIGN.md (keys liecheck, script, seed, precision, environment{flint, arb,
   mpfr, gmp}, summary{statements, proved, holds, refuted, undecided,
   not_checkable, controls, corrected, met, not_met}, claims[{id, source,
   statement, method, role, corrects, checks[{kind, outcome, text, bound,
   prec}], verdict, expected, met, bound, certificate, sweep[{prec, verdict,
   bound}], seconds, file, line, refuting_input, files[name]}], status ("complete", "error",
   "interrupted"), stopped (null when complete)); "expected" is an explicit expectation, or
   the verdict itself when that was PROVED or HOLDS, or "PROVED" otherwise;
   seconds are null without timings.  The human formats open with the verdict
   on the paper (followed, when the run did not complete, by a statement of
   how and where it stopped), then its errata, the statements of the paper, the corrected
   statements, the controls and the environment (doc/reports.md). */
char * lc_report_json(const lc_report_t r);
char * lc_report_markdown(const lc_report_t r);
char * lc_report_latex(const lc_report_t r);
char * lc_report_html(const lc_report_t r);

/* The LaTeX report as a section to \input into a paper's appendix: no
   preamble and no \begin{document}; the including document loads the
   packages named in its first lines (fontenc T1, inputenc utf8, textcomp,
   array, longtable, tikz). */
char * lc_report_latex_fragment(const lc_report_t r);

/* One line of an index of reports (liecheck --report-dir): the report's
   name (its files are name.md, name.html, ...), its verdict line and
   coverage line (either may be NULL), and whether every record met its
   expectation and the run had no error. */
typedef struct
{
    const char * name;
    const char * script;
    const char * verdict_line;
    const char * coverage_line;
    int ok;
}
lc_report_index_entry;

/* The index page of n reports, as Markdown or as HTML (flint_free it). */
char * lc_report_index_markdown(const lc_report_index_entry * e, slong n);
char * lc_report_index_html(const lc_report_index_entry * e, slong n);

/* Write text to path through a temporary file renamed into place (as
   lc_report_write); LC_E_IO when it cannot be written. */
int lc_report_write_text(const char * path, const char * text, lc_err_t err);

/* Write the report to path in the format its extension names (.md, .json,
   .tex, .html), and the claims' files of refuting inputs next to it
   (lc_report_write_files); LC_E_ARG for another extension, LC_E_IO when it
   cannot be written. */
int lc_report_write(const lc_report_t r, const char * path, lc_err_t err);

/* Write every claim's files of refuting inputs into the directory of path
   (the report's path); LC_E_IO when one cannot be written. */
int lc_report_write_files(const lc_report_t r, const char * path, lc_err_t err);

/* The format the extension of path's last component names, matched without
   regard to case: "md", "json", "tex" or "html", or NULL for another (or no)
   extension.  lc_report_write dispatches on it, and a command line can check
   a path with it before anything runs. */
const char * lc_report_format(const char * path);

/* Internal, shared by the report writers.  _lc_utf8_decode: the length of
   the valid UTF-8 sequence at s (its code point in *cp), or 0.
   _lc_claim_text: a copy of s (flint_free it; NULL for NULL) that is valid
   UTF-8, bad bytes replaced by U+FFFD; with human != 0 also CR LF and CR
   become LF, tab a space, other control characters U+FFFD. */
int _lc_utf8_decode(const unsigned char * s, unsigned long * cp);
char * _lc_claim_text(const char * s, int human);

#ifdef __cplusplus
}
#endif

#endif
