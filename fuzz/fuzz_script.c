/* fuzz_script.c -- libFuzzer target: a source buffer parsed and run on a
 * fresh session, as `liecheck FILE.lc` would, then the session's claims
 * rendered in every report format.
 *
 * Built by ./configure --enable-fuzzing (doc/reliability.md), with the
 * interpreter compiled into this program under tight limits: scripts of at
 * most FUZZ_MAX_INPUT bytes, precision at most LC_PREC_MAX = 4096 bits (set
 * by Makefile.am), and libFuzzer's own -rss_limit_mb, -malloc_limit_mb and
 * -timeout (fuzz/run.sh).  Each run starts from lc_session_init and ends
 * with lc_session_clear, so nothing carries over from one input to the
 * next, and LeakSanitizer checks every run. */
#include "config.h"
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include "liecheck.h"
#include "eval.h"
#include "limit.h"

#define FUZZ_MAX_INPUT 4096

/* Every input stops itself after FUZZ_TIME_LIMIT seconds through lib/limit,
   as `liecheck --timeout` does, well inside libFuzzer's -timeout=20 of
   fuzz/run.sh.  A computation that polls the limits but is slow (a seed
   script under the sanitizers on a loaded machine: CI reported two seeds
   as timeouts at 0 executions per second) is then not a hang; an input
   that still passes libFuzzer's timeout is one that does not poll, which
   is what the fuzzer is to find. */
#define FUZZ_TIME_LIMIT 5.0

int LLVMFuzzerInitialize(int * argc, char *** argv);
int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size);

static FILE * devnull;

int
LLVMFuzzerInitialize(int * argc, char *** argv)
{
    (void) argc;
    (void) argv;
    devnull = fopen("/dev/null", "w");
    return devnull == NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    lc_session_t S;
    lc_diag_t d;
    char * (* render[4])(const lc_report_t) = { lc_report_json, lc_report_markdown,
                                                lc_report_latex, lc_report_html };
    int i;

    if (size > FUZZ_MAX_INPUT)
        return -1;              /* not added to the corpus */
    lc_session_init(S);
    S->out = devnull;
    S->chunk = "<fuzz>";
    lc_limit_set_timeout(FUZZ_TIME_LIMIT);
    lc_eval_source(S, (const char *) data, size, d);
    lc_limit_set_timeout(0);
    if (S->report->nitems > 0)
    {
        lc_err_t err;
        slong line = 0;

        lc_report_check_coverage(&line, S->report, err);
    }
    if (S->report->len > 0 || S->report->nitems > 0)
    {
        S->report->timings = 0;
        S->report->seed = S->seed;
        S->report->precision = S->prec;
        for (i = 0; i < 4; i++)
        {
            char * s = render[i](S->report);

            flint_free(s);
        }
        flint_free(lc_report_verdict_line(S->report));
    }
    lc_session_clear(S);
    return 0;
}
