/* bench_matfun.c -- certified matrix exp and log against mpmath's expm/logm.
 *
 * For every case (an exact rational matrix drawn from a seeded generator) and
 * every precision, the benchmark times lc_matfun_exp or lc_matfun_log (and, for
 * the SO(3) and SE(2) cases, the closed form as well) and prints one
 * machine-readable line per result followed by the midpoints of the result,
 * one matrix row per line.  With --emit-cases FILE it also writes the very
 * same input matrices, exactly (p/q), for bench/matfun_mpmath.py, which times
 * mpmath.expm / mpmath.logm on them at the same binary precision;
 * bench/run_matfun.sh runs both, checks that the values agree and prints a
 * table.
 *
 * Cases (n, function, matrix):
 *   rot3    3  log  a rotation in SO(3): the Cayley transform
 *                   (I - S)(I + S)^-1 of S = [w]_x, w = (a, b, c)/4 with
 *                   a, b, c in [-3, 3] with pairwise different |a|, |b|, |c|
 *                   (a generic axis; angle 2 atan|w| <= 2 atan(sqrt(14)/4) = 1.50);
 *                   rational, not dyadic (denominators divide 16 + a^2 + b^2 + c^2)
 *   skew3   3  exp  an element [w]_x of so(3), w = (a, b, c)/2, a, b, c as
 *                   for rot3 (angle |w| <= sqrt(14)/2 = 1.87)
 *   se2     3  log  an SE(2) element [[R, (x, y)], [0, 0, 1]] with a
 *                   Pythagorean rotation R: cos = (m^2 - k^2)/(m^2 + k^2),
 *                   sin = +/- 2mk/(m^2 + k^2), 1 <= m <= 4, 1 <= k <= 2m
 *                   (angle <= 2 atan 2 = 2.21); x, y in [-9, 9]/4
 *   se2alg  3  exp  [[0, -t, x], [t, 0, y], [0, 0, 0]], t in [-5, 5]/2 not 0,
 *                   x, y in [-9, 9]/4
 *   pos3    3  log  P D P^-1 with P = L U (unit triangular, off-diagonal
 *                   entries in [-2, 2]) and D = diag of three distinct values
 *                   from {1/2, 1, 2, 3, 4}: non-symmetric, positive spectrum
 *   gen3    3  exp  B/4, B with entries in [-5, 5]
 *   near6   6  log  I + B/8, B with entries in [-3, 3], redrawn until the
 *                   exact domain test (lc_matfun_log_domain_qmat) accepts it
 *   gen6    6  exp  B/8, B with entries in [-9, 9]
 * Only rot3 and se2 have entries that are not dyadic; they are rounded to the
 * working precision (lc_ball_set_qmat) before the clock starts, so liecheck
 * works on a ball of radius about 2^-prec around them, as mpmath works on
 * their rounded values.
 *
 * Random numbers: splitmix64, as in bench_closure.c; a case depends only on the
 * seed and its name.
 *
 * Timing: clock_gettime(CLOCK_MONOTONIC).  One untimed call gives the printed
 * result; then the call is repeated until the repetitions add up to
 * --min-time seconds (at least 3 times, at most 100000) and the mean per call
 * is printed.  The input is converted to balls once, outside the clock.
 *
 * Output: a header "# flint=.. arb=.. seed=..", then per result
 *   LCMATFUN case=rot3 n=3 op=log impl=log prec=256 ms=0.812 reps=247
 *            status=ok radius=M*2^E radius_log2=-284
 * (one line; impl is the function timed: exp, log, so3_exp, so3_log, se2_exp,
 * se2_log; radius is an upper bound for the largest entry radius, exactly as
 * mantissa * 2^exponent, and radius_log2 the least k with radius <= 2^k, or
 * "-inf" when the result is exact), followed by n lines of n midpoints rounded
 * to --digits significant digits (default: about prec log10(2) + 6).
 * On failure: status=error code=NAME and a message on standard error.
 *
 * --emit-cases FILE writes
 *   # bench_matfun cases, seed S
 *   precs 256 1024
 *   case rot3 n 3 op log
 *   n lines of n entries p/q
 *   end
 */

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L  /* clock_gettime */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include "lc_arb.h"
#include "ball.h"
#include "matfun.h"

#define BENCH_MAX_PRECS 16
#define BENCH_MIN_REPS 3
#define BENCH_MAX_REPS 100000

typedef int (*matfun_fn)(arb_mat_t, const arb_mat_t, slong, lc_err_t);

typedef struct
{
    const char * name;
    slong n;
    const char * op;        /* "exp" or "log" */
    const char * closed;    /* name of the closed form, or NULL */
    matfun_fn closed_fn;
}
bench_case_t;

static const bench_case_t all_cases[] = {
    { "rot3",   3, "log", "so3_log", lc_matfun_so3_log },
    { "skew3",  3, "exp", "so3_exp", lc_matfun_so3_exp },
    { "se2",    3, "log", "se2_log", lc_matfun_se2_log },
    { "se2alg", 3, "exp", "se2_exp", lc_matfun_se2_exp },
    { "pos3",   3, "log", NULL, NULL },
    { "gen3",   3, "exp", NULL, NULL },
    { "near6",  6, "log", NULL, NULL },
    { "gen6",   6, "exp", NULL, NULL },
};
#define NUM_CASES ((int) (sizeof(all_cases) / sizeof(all_cases[0])))

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

/* Uniform in [lo, hi] (the bias of 2^64 mod (hi - lo + 1) is negligible). */
static slong random_range(ulong * state, slong lo, slong hi)
{
    return lo + (slong) (splitmix64_next(state) % (ulong) (hi - lo + 1));
}

static ulong case_state(ulong seed, const char * name)
{
    ulong h = UWORD(1469598103934665603);  /* FNV-1a of the case's name */
    ulong s;
    const char * c;

    for (c = name; *c != '\0'; c++)
        h = (h ^ (unsigned char) *c) * UWORD(1099511628211);
    s = seed ^ h;
    splitmix64_next(&s);
    return s;
}

/* ---------------------------------------------------------------- the cases */

static void set_entry(fmpq_mat_t A, slong i, slong j, slong p, slong q)
{
    fmpq_set_si(fmpq_mat_entry(A, i, j), p, (ulong) q);
}

/* A := [w]_x for w = (x, y, z)/q. */
static void skew_matrix(fmpq_mat_t A, slong x, slong y, slong z, slong q)
{
    fmpq_mat_zero(A);
    set_entry(A, 0, 1, -z, q);
    set_entry(A, 0, 2, y, q);
    set_entry(A, 1, 0, z, q);
    set_entry(A, 1, 2, -x, q);
    set_entry(A, 2, 0, -y, q);
    set_entry(A, 2, 1, x, q);
}

/* Three integers in [-r, r] with pairwise different absolute values (a
   generic axis: not a coordinate axis, no diagonal like (1, 1, 1)). */
static void random_axis(slong * w, ulong * state, slong r)
{
    do
    {
        w[0] = random_range(state, -r, r);
        w[1] = random_range(state, -r, r);
        w[2] = random_range(state, -r, r);
    }
    while (FLINT_ABS(w[0]) == FLINT_ABS(w[1]) || FLINT_ABS(w[1]) == FLINT_ABS(w[2])
           || FLINT_ABS(w[0]) == FLINT_ABS(w[2]));
}

static void random_fill(fmpq_mat_t A, ulong * state, slong r, slong q)
{
    slong i, j;
    for (i = 0; i < fmpq_mat_nrows(A); i++)
        for (j = 0; j < fmpq_mat_ncols(A); j++)
            set_entry(A, i, j, random_range(state, -r, r), q);
}

/* A := the input matrix of case c (initialised by the caller, n x n). */
static void case_matrix(fmpq_mat_t A, const bench_case_t * c, ulong seed)
{
    ulong state = case_state(seed, c->name);
    slong n = c->n, i, j, w[3];

    fmpq_mat_zero(A);
    if (strcmp(c->name, "rot3") == 0)
    {
        fmpq_mat_t S, P, Q;
        fmpq_mat_init(S, 3, 3);
        fmpq_mat_init(P, 3, 3);
        fmpq_mat_init(Q, 3, 3);
        random_axis(w, &state, 3);
        skew_matrix(S, w[0], w[1], w[2], 4);
        fmpq_mat_one(P);
        fmpq_mat_sub(P, P, S);          /* I - S */
        fmpq_mat_one(Q);
        fmpq_mat_add(Q, Q, S);          /* I + S, invertible (S skew) */
        if (!fmpq_mat_inv(Q, Q))
            flint_abort();
        fmpq_mat_mul(A, P, Q);
        fmpq_mat_clear(S);
        fmpq_mat_clear(P);
        fmpq_mat_clear(Q);
    }
    else if (strcmp(c->name, "skew3") == 0)
    {
        random_axis(w, &state, 3);
        skew_matrix(A, w[0], w[1], w[2], 2);
    }
    else if (strcmp(c->name, "se2") == 0)
    {
        slong m = random_range(&state, 1, 4);
        slong k = random_range(&state, 1, 2 * m);
        slong sg = random_range(&state, 0, 1) ? 1 : -1;
        slong d = m * m + k * k;
        set_entry(A, 0, 0, m * m - k * k, d);
        set_entry(A, 0, 1, -sg * 2 * m * k, d);
        set_entry(A, 1, 0, sg * 2 * m * k, d);
        set_entry(A, 1, 1, m * m - k * k, d);
        set_entry(A, 0, 2, random_range(&state, -9, 9), 4);
        set_entry(A, 1, 2, random_range(&state, -9, 9), 4);
        set_entry(A, 2, 2, 1, 1);
    }
    else if (strcmp(c->name, "se2alg") == 0)
    {
        slong t;
        do
            t = random_range(&state, -5, 5);
        while (t == 0);
        set_entry(A, 0, 1, -t, 2);
        set_entry(A, 1, 0, t, 2);
        set_entry(A, 0, 2, random_range(&state, -9, 9), 4);
        set_entry(A, 1, 2, random_range(&state, -9, 9), 4);
    }
    else if (strcmp(c->name, "pos3") == 0)
    {
        /* eigenvalue pool {1/2, 1, 2, 3, 4} as p/2 */
        slong pool[5] = { 1, 2, 4, 6, 8 }, pick, tmp;
        fmpq_mat_t L, U, P, Pi, D;
        fmpq_mat_init(L, 3, 3);
        fmpq_mat_init(U, 3, 3);
        fmpq_mat_init(P, 3, 3);
        fmpq_mat_init(Pi, 3, 3);
        fmpq_mat_init(D, 3, 3);
        fmpq_mat_one(L);
        fmpq_mat_one(U);
        for (i = 0; i < 3; i++)
            for (j = 0; j < i; j++)
            {
                set_entry(L, i, j, random_range(&state, -2, 2), 1);
                set_entry(U, j, i, random_range(&state, -2, 2), 1);
            }
        for (i = 0; i < 3; i++)          /* partial Fisher-Yates */
        {
            pick = random_range(&state, i, 4);
            tmp = pool[i];
            pool[i] = pool[pick];
            pool[pick] = tmp;
            set_entry(D, i, i, pool[i], 2);
        }
        fmpq_mat_mul(P, L, U);
        if (!fmpq_mat_inv(Pi, P))
            flint_abort();
        fmpq_mat_mul(A, P, D);
        fmpq_mat_mul(A, A, Pi);
        fmpq_mat_clear(L);
        fmpq_mat_clear(U);
        fmpq_mat_clear(P);
        fmpq_mat_clear(Pi);
        fmpq_mat_clear(D);
    }
    else if (strcmp(c->name, "gen3") == 0)
    {
        random_fill(A, &state, 5, 4);
    }
    else if (strcmp(c->name, "near6") == 0)
    {
        lc_err_t err;
        do
        {
            random_fill(A, &state, 3, 8);
            for (i = 0; i < n; i++)
                fmpq_add_si(fmpq_mat_entry(A, i, i), fmpq_mat_entry(A, i, i), 1);
            lc_err_init(err);
        }
        while (lc_matfun_log_domain_qmat(A, err) != 1);
    }
    else if (strcmp(c->name, "gen6") == 0)
    {
        random_fill(A, &state, 9, 8);
    }
    else
    {
        flint_printf("bench_matfun: unknown case %s\n", c->name);
        flint_abort();
    }
}

/* ------------------------------------------------------------------ timing */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

/* ------------------------------------------------------------------ output */

/* "M*2^E" (exact) and the least k with r <= 2^k. */
static void print_radius(const mag_t r)
{
    if (mag_is_zero(r))
    {
        flint_printf(" radius=0 radius_log2=-inf");
        return;
    }
    else
    {
        arf_t a;
        fmpz_t m, e;
        arf_init(a);
        fmpz_init(m);
        fmpz_init(e);
        arf_set_mag(a, r);
        arf_get_fmpz_2exp(m, e, a);
        flint_printf(" radius=");
        fmpz_print(m);
        flint_printf("*2^");
        fmpz_print(e);
        /* r = m 2^e with m odd: r <= 2^(e + bits(m)), and = 2^e when m = 1 */
        flint_printf(" radius_log2=%wd",
                     fmpz_get_si(e) + (fmpz_is_one(m) ? 0 : (slong) fmpz_bits(m)));
        arf_clear(a);
        fmpz_clear(m);
        fmpz_clear(e);
    }
}

static void print_midpoints(const arb_mat_t R, slong digits)
{
    slong i, j;
    arb_t t;
    arb_init(t);
    for (i = 0; i < arb_mat_nrows(R); i++)
    {
        for (j = 0; j < arb_mat_ncols(R); j++)
        {
            char * s;
            arb_set_arf(t, arb_midref(arb_mat_entry(R, i, j)));
            s = arb_get_str(t, digits, ARB_STR_NO_RADIUS);
            flint_printf("%s%s", j ? " " : "  ", s);
            flint_free(s);
        }
        flint_printf("\n");
    }
    arb_clear(t);
}

/* Times one function on one case; returns 0 on success. */
static int bench_one(const bench_case_t * c, const char * impl, matfun_fn fn,
                     const arb_mat_t A, slong prec, slong digits, double min_time)
{
    arb_mat_t R, T;
    lc_err_t err;
    mag_t rad;
    double spent = 0.0, t0, t1;
    slong reps = 0;
    int status;

    arb_mat_init(R, c->n, c->n);
    arb_mat_init(T, c->n, c->n);
    mag_init(rad);

    lc_err_init(err);
    status = fn(R, A, prec, err);
    if (status != LC_OK)
    {
        flint_printf("LCMATFUN case=%s n=%wd op=%s impl=%s prec=%wd status=error code=%s\n",
                     c->name, c->n, c->op, impl, prec, lc_err_name(status));
        flint_fprintf(stderr, "bench_matfun: %s %s at %wd bits failed: %s\n",
                      c->name, impl, prec, err->msg);
        fflush(stdout);
        goto cleanup;
    }

    while (reps < BENCH_MAX_REPS && (reps < BENCH_MIN_REPS || spent < min_time))
    {
        lc_err_init(err);
        t0 = now_seconds();
        status = fn(T, A, prec, err);
        t1 = now_seconds();
        if (status != LC_OK)
        {
            flint_fprintf(stderr, "bench_matfun: %s %s at %wd bits failed on "
                          "repetition %wd: %s\n", c->name, impl, prec, reps, err->msg);
            goto cleanup;
        }
        spent += t1 - t0;
        reps++;
    }

    lc_ball_max_radius(rad, R);
    flint_printf("LCMATFUN case=%s n=%wd op=%s impl=%s prec=%wd", c->name, c->n, c->op,
                 impl, prec);
    printf(" ms=%.6g", 1e3 * spent / (double) reps);
    flint_printf(" reps=%wd status=ok", reps);
    print_radius(rad);
    flint_printf(" digits=%wd\n", digits);
    print_midpoints(R, digits);
    fflush(stdout);

cleanup:
    arb_mat_clear(R);
    arb_mat_clear(T);
    mag_clear(rad);
    return status != LC_OK;
}

static int bench_case(const bench_case_t * c, ulong seed, const slong * precs, int nprecs,
                      slong digits_opt, double min_time)
{
    fmpq_mat_t Q;
    arb_mat_t A;
    int p, status = 0;
    int is_exp = (strcmp(c->op, "exp") == 0);

    fmpq_mat_init(Q, c->n, c->n);
    arb_mat_init(A, c->n, c->n);
    case_matrix(Q, c, seed);

    for (p = 0; p < nprecs; p++)
    {
        slong prec = precs[p];
        slong digits = digits_opt > 0 ? digits_opt : (slong) (prec * 0.30103) + 6;

        lc_ball_set_qmat(A, Q, prec);
        status |= bench_one(c, c->op, is_exp ? lc_matfun_exp : lc_matfun_log, A, prec,
                            digits, min_time);
        if (c->closed != NULL)
            status |= bench_one(c, c->closed, c->closed_fn, A, prec, digits, min_time);
    }

    fmpq_mat_clear(Q);
    arb_mat_clear(A);
    return status;
}

static void emit_case(FILE * f, const bench_case_t * c, ulong seed)
{
    fmpq_mat_t Q;
    slong i, j;

    fmpq_mat_init(Q, c->n, c->n);
    case_matrix(Q, c, seed);
    flint_fprintf(f, "case %s n %wd op %s\n", c->name, c->n, c->op);
    for (i = 0; i < c->n; i++)
    {
        for (j = 0; j < c->n; j++)
        {
            fputs(j ? " " : "", f);
            fmpq_fprint(f, fmpq_mat_entry(Q, i, j));
        }
        fputc('\n', f);
    }
    fputs("end\n", f);
    fmpq_mat_clear(Q);
}

/* ------------------------------------------------------------------ options */

static void usage(FILE * f)
{
    int k;
    fprintf(f,
"usage: bench_matfun [--cases rot3,...] [--precs 256,1024] [--seed S]\n"
"                    [--min-time SECONDS] [--digits D] [--emit-cases FILE] [--no-run]\n"
"  --cases       cases to run (default: all of");
    for (k = 0; k < NUM_CASES; k++)
        fprintf(f, " %s", all_cases[k].name);
    fprintf(f, ")\n"
"  --precs       working precisions in bits (default 256,1024; 2 <= prec <= 65536)\n"
"  --seed        seed of the generator (default 1)\n"
"  --min-time    repeat a call until the repetitions add up to this (default 0.2)\n"
"  --digits      significant digits of the printed midpoints (default prec*log10(2)+6)\n"
"  --emit-cases  write the input matrices (exact, p/q) and precisions to FILE\n"
"  --no-run      only write the cases file\n");
}

/* Parses a comma-separated list of names (cases) into selected[]. */
static int parse_cases(int * selected, const char * arg)
{
    const char * s = arg;
    int k;

    for (k = 0; k < NUM_CASES; k++)
        selected[k] = 0;
    while (*s != '\0')
    {
        size_t len = strcspn(s, ",");
        int found = 0;
        for (k = 0; k < NUM_CASES; k++)
            if (strlen(all_cases[k].name) == len && strncmp(all_cases[k].name, s, len) == 0)
                selected[k] = found = 1;
        if (!found)
        {
            fprintf(stderr, "bench_matfun: unknown case '%.*s'\n", (int) len, s);
            return -1;
        }
        s += len;
        if (*s == ',')
            s++;
    }
    return 0;
}

static int parse_precs(slong * precs, const char * arg)
{
    const char * s = arg;
    int k = 0;

    while (*s != '\0')
    {
        char * end;
        long v = strtol(s, &end, 10);
        if (end == s || v < 2 || v > 65536 || k == BENCH_MAX_PRECS || (*end != ',' && *end != '\0'))
        {
            fprintf(stderr, "bench_matfun: bad --precs '%s'\n", arg);
            return -1;
        }
        precs[k++] = (slong) v;
        s = (*end == ',') ? end + 1 : end;
    }
    return k > 0 ? k : -1;
}

int main(int argc, char ** argv)
{
    slong precs[BENCH_MAX_PRECS] = { 256, 1024 };
    int selected[NUM_CASES];
    int nprecs = 2, i, k, run = 1, status = 0;
    const char * cases_file = NULL;
    ulong seed = 1;
    double min_time = 0.2;
    slong digits = 0;

    for (k = 0; k < NUM_CASES; k++)
        selected[k] = 1;

    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i];
        const char * v = (i + 1 < argc) ? argv[i + 1] : NULL;

        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
        {
            usage(stdout);
            return 0;
        }
        else if (strcmp(a, "--no-run") == 0)
            run = 0;
        else if (v == NULL)
        {
            usage(stderr);
            return 2;
        }
        else
        {
            char * end;
            i++;
            if (strcmp(a, "--cases") == 0)
            {
                if (parse_cases(selected, v) != 0)
                    return 2;
            }
            else if (strcmp(a, "--precs") == 0)
            {
                if ((nprecs = parse_precs(precs, v)) < 0)
                    return 2;
            }
            else if (strcmp(a, "--seed") == 0)
            {
                seed = (ulong) strtoull(v, &end, 10);
                if (*end != '\0')
                {
                    usage(stderr);
                    return 2;
                }
            }
            else if (strcmp(a, "--min-time") == 0)
            {
                min_time = strtod(v, &end);
                if (*end != '\0' || min_time < 0)
                {
                    usage(stderr);
                    return 2;
                }
            }
            else if (strcmp(a, "--digits") == 0)
            {
                digits = (slong) strtol(v, &end, 10);
                if (*end != '\0' || digits < 1)
                {
                    usage(stderr);
                    return 2;
                }
            }
            else if (strcmp(a, "--emit-cases") == 0)
                cases_file = v;
            else
            {
                usage(stderr);
                return 2;
            }
        }
    }

    if (cases_file != NULL)
    {
        FILE * f = fopen(cases_file, "w");
        if (f == NULL)
        {
            perror(cases_file);
            return 2;
        }
        fprintf(f, "# bench_matfun cases, seed %lu\nprecs", (unsigned long) seed);
        for (k = 0; k < nprecs; k++)
            flint_fprintf(f, " %wd", precs[k]);
        fputc('\n', f);
        for (k = 0; k < NUM_CASES; k++)
            if (selected[k])
                emit_case(f, all_cases + k, seed);
        if (fclose(f) != 0)
        {
            perror(cases_file);
            return 2;
        }
    }

    if (run)
    {
#if LC_FLINT3
        flint_printf("# flint=%s arb=(in flint) seed=%wu", flint_version, seed);
#else
        flint_printf("# flint=%s arb=%s seed=%wu", flint_version, arb_version, seed);
#endif
        printf(" min_time=%g\n", min_time);
        fflush(stdout);
        for (k = 0; k < NUM_CASES; k++)
            if (selected[k])
                status |= bench_case(all_cases + k, seed, precs, nprecs, digits, min_time);
    }

    flint_cleanup();
    return status ? 1 : 0;
}
