/* bench_closure.c -- Lie closure + derived series + lower central series.
 *
 * For every size n and every kind of case, a pair of n x n integer matrices is
 * drawn from a seeded generator; the benchmark times lc_lie_closure,
 * lc_lie_derived_series and lc_lie_lower_central_series separately and prints
 * one machine-readable line per case.  With --emit-gap FILE it also writes the
 * very same matrices as a GAP script whose function LcBenchRun("kind-n")
 * times LieAlgebra + LieDerivedSeries + LieLowerCentralSeries on that case
 * and prints a line in the same format (bench/run.sh compares the two).
 *
 * Kinds (a and b are the two generators):
 *   gl     all entries random                       -> gl(n), dim n^2
 *   sl     random, last diagonal entry set so that the trace is 0 -> sl(n)
 *   so     random skew-symmetric                    -> so(n), dim n(n-1)/2
 *   block  random blocks of sizes n/2 and n - n/2 on the diagonal, 0 elsewhere
 *          -> gl(n/2) + gl(n - n/2), a proper subalgebra of gl(n)
 *   tri    random upper triangular (diagonal included) -> solvable, with a
 *          derived series of length about log2(n)
 *   nil    random strictly upper triangular         -> nilpotent, with a lower
 *          central series of length about n
 * Generic pairs of these shapes generate the algebras shown; the benchmark
 * prints a warning when a case lands on a smaller algebra (an unlucky draw or
 * a bug -- bench/run.sh checks every dimension against GAP where it runs it).
 *
 * Random numbers: splitmix64 (Steele, Lea, Flood 2014), written out below so
 * that the matrices depend on nothing but the seed, the kind and n -- not on
 * the FLINT version, nor on which other sizes are run.  Entry = (x mod 19) - 9,
 * which lies in [-9, 9] (the bias of 2^64 mod 19 is below 10^-18).
 *
 * Timing: clock_gettime(CLOCK_MONOTONIC).  Small cases are repeated until the
 * phases add up to --min-time seconds (at least once, at most 1000 times) and
 * the median of each phase is printed.
 *
 * Output, one line per case:
 *   LCBENCH case=gl-8 kind=gl n=8 dim=64 derived=64,63,63 lcs=64,63,63
 *           closure_s=... derived_s=... lcs_s=... total_s=... reps=...
 * (on one line).  Series follow liecheck's convention: dimensions up to and
 * including the first term that is 0 or equal to its predecessor. */

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L  /* clock_gettime, strdup */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include "qmat.h"
#include "lie.h"

#define BENCH_MAX_SIZES 64

/* --classic: time the series by _lc_lie_series_classic (exact echelon forms
   of every term, the method before the bracket bases) instead. */
static int use_classic = 0;
#define BENCH_MAX_REPS 1000

static const char * const all_kinds[] = { "gl", "sl", "so", "block", "tri", "nil" };
#define NUM_KINDS ((int) (sizeof(all_kinds) / sizeof(all_kinds[0])))

/* ------------------------------------------------------------------ random */

static ulong splitmix64_next(ulong * state)
{
    ulong z;
    *state += UWORD(0x9E3779B97F4A7C15);
    z = *state;
    z = (z ^ (z >> 30)) * UWORD(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UWORD(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static slong random_entry(ulong * state)
{
    return (slong) (splitmix64_next(state) % 19) - 9;
}

/* The generator state of one case: a function of seed, kind and n only. */
static ulong case_state(ulong seed, const char * kind, slong n)
{
    ulong h = UWORD(1469598103934665603);  /* FNV-1a of the kind's name */
    ulong s;
    const char * c;

    for (c = kind; *c != '\0'; c++)
        h = (h ^ (unsigned char) *c) * UWORD(1099511628211);
    s = seed ^ h ^ ((ulong) n * UWORD(0x2545F4914F6CDD1D));
    splitmix64_next(&s);
    return s;
}

/* ---------------------------------------------------------------- the cases */

/* Fills the n x n matrix A (entries as slong, row-major) for one kind. */
static void random_matrix(slong * A, slong n, const char * kind, ulong * state)
{
    slong i, j, h = n / 2;

    for (i = 0; i < n * n; i++)
        A[i] = 0;

    if (strcmp(kind, "gl") == 0 || strcmp(kind, "sl") == 0)
    {
        slong tr = 0;
        for (i = 0; i < n * n; i++)
            A[i] = random_entry(state);
        if (kind[0] == 's')
        {
            for (i = 0; i < n - 1; i++)
                tr += A[i * n + i];
            A[n * n - 1] = -tr;
        }
    }
    else if (strcmp(kind, "so") == 0)
    {
        for (i = 0; i < n; i++)
            for (j = i + 1; j < n; j++)
            {
                A[i * n + j] = random_entry(state);
                A[j * n + i] = -A[i * n + j];
            }
    }
    else if (strcmp(kind, "block") == 0)
    {
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                if ((i < h) == (j < h))
                    A[i * n + j] = random_entry(state);
    }
    else if (strcmp(kind, "tri") == 0 || strcmp(kind, "nil") == 0)
    {
        slong off = (kind[0] == 'n');
        for (i = 0; i < n; i++)
            for (j = i + off; j < n; j++)
                A[i * n + j] = random_entry(state);
    }
    else
    {
        flint_printf("bench_closure: unknown kind %s\n", kind);
        flint_abort();
    }
}

/* The dimension a generic pair of this kind generates; -1 when not known in
   closed form. */
static slong generic_dim(const char * kind, slong n)
{
    slong h = n / 2;
    if (strcmp(kind, "gl") == 0) return n * n;
    if (strcmp(kind, "sl") == 0) return n * n - 1;
    if (strcmp(kind, "so") == 0) return n * (n - 1) / 2;
    if (strcmp(kind, "block") == 0) return h * h + (n - h) * (n - h);
    return -1;
}

/* ------------------------------------------------------------------ timing */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

static int cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static double median(double * v, slong len)
{
    qsort(v, (size_t) len, sizeof(double), cmp_double);
    return (len % 2) ? v[len / 2] : 0.5 * (v[len / 2 - 1] + v[len / 2]);
}

static void print_series(FILE * f, const slong * dims, slong len)
{
    slong i;
    for (i = 0; i < len; i++)
        flint_fprintf(f, "%s%wd", i ? "," : "", dims[i]);
}

/* Runs one case; returns 0 on success. */
static int bench_case(const char * kind, slong n, ulong seed, double min_time)
{
    slong * A = flint_malloc(sizeof(slong) * n * n);
    slong * B = flint_malloc(sizeof(slong) * n * n);
    slong * dseries = flint_malloc(sizeof(slong) * (n * n + 2));
    slong * lseries = flint_malloc(sizeof(slong) * (n * n + 2));
    double tc[BENCH_MAX_REPS], td[BENCH_MAX_REPS], tl[BENCH_MAX_REPS];
    double spent = 0.0, t0, t1, t2, t3;
    slong i, dlen = 0, llen = 0, dim = 0, reps = 0, expect;
    ulong state = case_state(seed, kind, n);
    fmpq_mat_struct gens[2];
    lc_err_t err;
    int status = 0;

    random_matrix(A, n, kind, &state);
    random_matrix(B, n, kind, &state);
    fmpq_mat_init(gens + 0, n, n);
    fmpq_mat_init(gens + 1, n, n);
    for (i = 0; i < n * n; i++)
    {
        fmpq_set_si(fmpq_mat_entry(gens + 0, i / n, i % n), A[i], 1);
        fmpq_set_si(fmpq_mat_entry(gens + 1, i / n, i % n), B[i], 1);
    }

    while (reps < BENCH_MAX_REPS && (reps == 0 || spent < min_time))
    {
        lc_lie_t L;

        lc_lie_init(L);
        lc_err_init(err);
        t0 = now_seconds();
        if (lc_lie_closure(L, gens, 2, 0, err) != LC_OK)
        {
            flint_fprintf(stderr, "bench_closure: %s-%wd: closure failed: %s\n",
                          kind, n, err->msg);
            lc_lie_clear(L);
            status = 1;
            break;
        }
        t1 = now_seconds();
        dlen = use_classic ? _lc_lie_series_classic(dseries, L, 1)
                           : lc_lie_derived_series(dseries, L);
        t2 = now_seconds();
        llen = use_classic ? _lc_lie_series_classic(lseries, L, 0)
                           : lc_lie_lower_central_series(lseries, L);
        t3 = now_seconds();
        dim = lc_lie_dim(L);
        lc_lie_clear(L);

        tc[reps] = t1 - t0;
        td[reps] = t2 - t1;
        tl[reps] = t3 - t2;
        spent += t3 - t0;
        reps++;
    }

    if (status == 0)
    {
        double mc = median(tc, reps), md = median(td, reps), ml = median(tl, reps);

        flint_printf("LCBENCH case=%s-%wd kind=%s n=%wd dim=%wd derived=",
                     kind, n, kind, n, dim);
        print_series(stdout, dseries, dlen);
        flint_printf(" lcs=");
        print_series(stdout, lseries, llen);
        printf(" closure_s=%.6f derived_s=%.6f lcs_s=%.6f total_s=%.6f",
               mc, md, ml, mc + md + ml);
        flint_printf(" reps=%wd\n", reps);
        fflush(stdout);

        expect = generic_dim(kind, n);
        if (expect >= 0 && dim != expect)
            flint_fprintf(stderr, "bench_closure: warning: %s-%wd generated "
                          "dimension %wd, a generic pair gives %wd\n",
                          kind, n, dim, expect);
    }

    fmpq_mat_clear(gens + 0);
    fmpq_mat_clear(gens + 1);
    flint_free(A);
    flint_free(B);
    flint_free(dseries);
    flint_free(lseries);
    return status;
}

/* --------------------------------------------------------------- GAP script */

static void gap_matrix(FILE * f, const slong * A, slong n)
{
    slong i, j;
    fputc('[', f);
    for (i = 0; i < n; i++)
    {
        fputs(i ? ",\n  [" : "[", f);
        for (j = 0; j < n; j++)
            flint_fprintf(f, "%s%wd", j ? "," : "", A[i * n + j]);
        fputc(']', f);
    }
    fputc(']', f);
}

static const char gap_prologue[] =
"# Generated by bench/bench_closure --emit-gap: the same generator pairs as the\n"
"# C benchmark.  Read this file, then call LcBenchRun(\"gl-8\") (one case) or\n"
"# LcBenchRunAll().  Each run prints one line\n"
"#   GAPBENCH case=gl-8 n=8 dim=.. derived=.. lcs=.. closure_us=.. derived_us=.. lcs_us=..\n"
"# with the series mapped to liecheck's convention (see LcBenchSeries).\n"
"LcBenchCases := [];\n"
"SizeScreen([4096, 1000]);;  # one GAPBENCH line must stay one line\n"
"\n"
"# GAP's LieDerivedSeries and LieLowerCentralSeries return [L, L1, ..., Lk] and\n"
"# stop as soon as the next term would equal Lk, without repeating it; when the\n"
"# series reaches 0, Lk = 0 is included (the term after 0 is 0 again).\n"
"# liecheck lists dimensions up to and including the first term that is 0 or\n"
"# equals its predecessor.  So: if dim Lk = 0 the lists agree term by term;\n"
"# otherwise the series stalls at Lk and liecheck repeats dim Lk once more.\n"
"LcBenchSeries := function(S)\n"
"  local d;\n"
"  d := List(S, Dimension);\n"
"  if d[Length(d)] <> 0 then\n"
"    Add(d, d[Length(d)]);\n"
"  fi;\n"
"  return JoinStringsWithSeparator(List(d, String), \",\");\n"
"end;\n"
"\n"
"LcBenchRun := function(name)\n"
"  local c, t0, t1, t2, t3, L, dim, D, C;\n"
"  c := First(LcBenchCases, x -> x.name = name);\n"
"  if c = fail then\n"
"    Print(\"GAPBENCH case=\", name, \" error=unknown\\n\");\n"
"    return;\n"
"  fi;\n"
"  # Wall-clock time, as on the C side; Dimension forces the basis.\n"
"  t0 := NanosecondsSinceEpoch();\n"
"  L := LieAlgebra(Rationals, c.gens);\n"
"  dim := Dimension(L);\n"
"  t1 := NanosecondsSinceEpoch();\n"
"  D := LieDerivedSeries(L);\n"
"  t2 := NanosecondsSinceEpoch();\n"
"  C := LieLowerCentralSeries(L);\n"
"  t3 := NanosecondsSinceEpoch();\n"
"  Print(\"GAPBENCH case=\", name, \" n=\", c.n, \" dim=\", dim,\n"
"        \" derived=\", LcBenchSeries(D), \" lcs=\", LcBenchSeries(C),\n"
"        \" closure_us=\", QuoInt(t1 - t0, 1000),\n"
"        \" derived_us=\", QuoInt(t2 - t1, 1000),\n"
"        \" lcs_us=\", QuoInt(t3 - t2, 1000), \"\\n\");\n"
"end;\n"
"\n"
"LcBenchRunAll := function()\n"
"  local c;\n"
"  for c in LcBenchCases do\n"
"    LcBenchRun(c.name);\n"
"  od;\n"
"end;\n"
"\n";

static void gap_case(FILE * f, const char * kind, slong n, ulong seed)
{
    slong * A = flint_malloc(sizeof(slong) * n * n);
    slong * B = flint_malloc(sizeof(slong) * n * n);
    ulong state = case_state(seed, kind, n);

    random_matrix(A, n, kind, &state);
    random_matrix(B, n, kind, &state);
    flint_fprintf(f, "Add(LcBenchCases, rec(name := \"%s-%wd\", n := %wd, gens := [\n ",
                  kind, n, n);
    gap_matrix(f, A, n);
    fputs(",\n ", f);
    gap_matrix(f, B, n);
    fputs("]));\n", f);
    flint_free(A);
    flint_free(B);
}

/* ------------------------------------------------------------------ options */

static void usage(FILE * f)
{
    fprintf(f,
"usage: bench_closure [--sizes 4,6,8] [--kinds gl,sl,so,block,tri,nil]\n"
"                     [--seed S] [--min-time SECONDS] [--emit-gap FILE] [--no-run]\n"
"                     [--classic]\n"
"  --sizes     matrix sizes n (default 4,6,8,10,12,16,32; 1 <= n <= %d)\n"
"  --kinds     kinds of generator pairs (default: all six)\n"
"  --seed      seed of the generator (default 1)\n"
"  --min-time  repeat a case until its phases add up to this (default 0.2)\n"
"  --emit-gap  write the same cases as a GAP script to FILE\n"
"  --no-run    only write the GAP script\n"
"  --classic   time the series by the earlier method (echelon forms of every\n"
"              term, _lc_lie_series_classic), for before/after comparisons\n", LC_LIE_MAX_N);
}

/* Splits a comma-separated list into at most max parts, in place. */
static int split_list(char ** parts, int max, char * s)
{
    int k = 0;
    char * tok = strtok(s, ",");
    while (tok != NULL)
    {
        if (k == max)
            return -1;
        parts[k++] = tok;
        tok = strtok(NULL, ",");
    }
    return k;
}

int main(int argc, char ** argv)
{
    slong sizes[BENCH_MAX_SIZES] = { 4, 6, 8, 10, 12, 16, 32 };
    int nsizes = 7, nkinds = NUM_KINDS, i, k, run = 1, status = 0;
    const char * kinds[BENCH_MAX_SIZES];
    const char * gap_file = NULL;
    ulong seed = 1;
    double min_time = 0.2;

    for (k = 0; k < NUM_KINDS; k++)
        kinds[k] = all_kinds[k];

    for (i = 1; i < argc; i++)
    {
        const char * opt = argv[i];
        const char * val = (i + 1 < argc) ? argv[i + 1] : NULL;

        if (strcmp(opt, "--help") == 0 || strcmp(opt, "-h") == 0)
        {
            usage(stdout);
            return 0;
        }
        if (strcmp(opt, "--no-run") == 0)
        {
            run = 0;
            continue;
        }
        if (strcmp(opt, "--classic") == 0)
        {
            use_classic = 1;
            continue;
        }
        if (val == NULL)
        {
            usage(stderr);
            return 2;
        }
        i++;
        if (strcmp(opt, "--sizes") == 0)
        {
            char * parts[BENCH_MAX_SIZES];
            char * copy = strdup(val);
            nsizes = split_list(parts, BENCH_MAX_SIZES, copy);
            for (k = 0; k < nsizes; k++)
            {
                char * end;
                long v = strtol(parts[k], &end, 10);
                if (*end != '\0' || v < 1 || v > LC_LIE_MAX_N)
                    nsizes = -1;
                else
                    sizes[k] = v;
                if (nsizes < 0)
                    break;
            }
            free(copy);
            if (nsizes <= 0)
            {
                fprintf(stderr, "bench_closure: bad --sizes '%s'\n", val);
                return 2;
            }
        }
        else if (strcmp(opt, "--kinds") == 0)
        {
            char * parts[BENCH_MAX_SIZES];
            char * copy = strdup(val);
            nkinds = split_list(parts, BENCH_MAX_SIZES, copy);
            for (k = 0; k < nkinds; k++)
            {
                int j, found = 0;
                for (j = 0; j < NUM_KINDS; j++)
                    if (strcmp(parts[k], all_kinds[j]) == 0)
                    {
                        kinds[k] = all_kinds[j];
                        found = 1;
                    }
                if (!found)
                    nkinds = -1;
                if (nkinds < 0)
                    break;
            }
            free(copy);
            if (nkinds <= 0)
            {
                fprintf(stderr, "bench_closure: bad --kinds '%s'\n", val);
                return 2;
            }
        }
        else if (strcmp(opt, "--seed") == 0)
        {
            char * end;
            seed = strtoul(val, &end, 10);
            if (*end != '\0')
            {
                fprintf(stderr, "bench_closure: bad --seed '%s'\n", val);
                return 2;
            }
        }
        else if (strcmp(opt, "--min-time") == 0)
        {
            char * end;
            min_time = strtod(val, &end);
            if (*end != '\0' || min_time < 0)
            {
                fprintf(stderr, "bench_closure: bad --min-time '%s'\n", val);
                return 2;
            }
        }
        else if (strcmp(opt, "--emit-gap") == 0)
            gap_file = val;
        else
        {
            usage(stderr);
            return 2;
        }
    }

    if (gap_file != NULL)
    {
        FILE * f = fopen(gap_file, "w");
        if (f == NULL)
        {
            fprintf(stderr, "bench_closure: cannot write %s\n", gap_file);
            return 2;
        }
        flint_fprintf(f, "# seed %wu\n", seed);
        fputs(gap_prologue, f);
        for (i = 0; i < nsizes; i++)
            for (k = 0; k < nkinds; k++)
                gap_case(f, kinds[k], sizes[i], seed);
        if (fclose(f) != 0)
        {
            fprintf(stderr, "bench_closure: cannot write %s\n", gap_file);
            return 2;
        }
    }

    if (run)
    {
        flint_printf("# bench_closure seed=%wu flint=%s\n", seed, FLINT_VERSION);
        fflush(stdout);
        for (i = 0; i < nsizes; i++)
            for (k = 0; k < nkinds; k++)
                status |= bench_case(kinds[k], sizes[i], seed, min_time);
    }

    flint_cleanup();
    return status;
}
