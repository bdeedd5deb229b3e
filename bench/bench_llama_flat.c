/* bench_llama_flat.c -- the flat-direction count of llama_flat (issue 14),
 * phase by phase, on a random LLaMA-style model:
 *   - the Jacobian J of the outputs on ns random sequences of n tokens with
 *     respect to every parameter (forward mode in balls, lc_llama_jacobian),
 *   - the k exact tangents T of the known symmetries (lc_llama_sym_tangents,
 *     rank over Q),
 *   - complete pivoting on the midpoints (lc_gauge_pivot_d) and the
 *     certificate of the r x r minor, r = nparams - k, in doubles
 *     (lc_gauge_minor_certify_d: the bound on ||I - R A||_inf),
 *   - optionally (--ball) the old certificate: arb_mat_inv of the minor,
 *   - J T in balls, certified to contain 0 entrywise (its largest |entry|).
 * The count is accounted for when the rank is certified = nparams - k and
 * J T contains 0: then the flat directions number exactly k.
 *
 * Defaults: d_e = 16, n_h = 4, n_kv = 2, d_h = 4, d_f = 36, two layers
 * (5,072 parameters), SwiGLU, causal, 40 sequences of 8 tokens (entries of
 * E: lc_qmat_rand with bound 5, as llama_flat draws them), 128 bits, seed 1.
 * Options: --d-e N --n-h N --n-kv N --d-h N --d-f N --layers N --seqs N
 * --tokens N --prec P --seed S --ball.
 *
 * Output: "LCFLAT key=value ..." lines (times in seconds, wall clock; peak
 * resident memory from getrusage).  Exit status 0 when the count is
 * accounted for, 1 when not. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <flint/flint.h>
#include <flint/fmpq_mat.h>
#include "lc_arb.h"
#include "qmat.h"
#include "ball.h"
#include "llama.h"
#include "gauge.h"

static double
now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static double
peak_gb(void)
{
    struct rusage u;

    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1048576.0;   /* kilobytes on Linux */
}

static void
die(const char * what, lc_err_t err)
{
    fprintf(stderr, "bench_llama_flat: %s: %s\n", what, err->msg);
    exit(2);
}

int
main(int argc, char ** argv)
{
    slong d_e = 16, n_h = 4, n_kv = 2, d_h = 4, d_f = 36, n_t = 2, ns = 40, n = 8, prec = 128;
    slong i, j, np, k, r, steps, * pr, * pc;
    ulong seed = 1;
    int ball = 0, cert, jt_zero = 1, bcert = -1;
    flint_rand_t st;
    lc_tmodel_t M;
    fmpq_mat_struct * Es;
    fmpq_mat_t T;
    arb_mat_t J, Tb, JT;
    lc_err_t err;
    mag_t bound, m, jt;
    mag_ptr terms;
    double t0, t_jac, t_tan, t_piv, t_cert, t_ball = 0, t_jt;

    for (i = 1; i < argc; i++)
    {
#define OPT(name, var) else if (i + 1 < argc && strcmp(argv[i], name) == 0) var = atol(argv[++i]);
        if (strcmp(argv[i], "--ball") == 0)
            ball = 1;
        OPT("--d-e", d_e) OPT("--n-h", n_h) OPT("--n-kv", n_kv) OPT("--d-h", d_h)
        OPT("--d-f", d_f) OPT("--layers", n_t) OPT("--seqs", ns) OPT("--tokens", n)
        OPT("--prec", prec) OPT("--seed", seed)
        else
        {
            fprintf(stderr, "usage: bench_llama_flat [--d-e N] [--n-h N] [--n-kv N] [--d-h N] "
                    "[--d-f N] [--layers N] [--seqs N] [--tokens N] [--prec P] [--seed S] "
                    "[--ball]\n");
            return 2;
        }
#undef OPT
    }
    flint_randinit(st);
    lc_rand_seed(st, seed);
    lc_tmodel_init(M);
    if (lc_llama_alloc(M, d_e, n_h, n_kv, d_h, d_f, n_t, err) != LC_OK)
        die("lc_llama_alloc", err);
    lc_llama_randomize(M, st);
    np = lc_llama_nparams(M);
    Es = flint_malloc(ns * sizeof(fmpq_mat_struct));
    for (i = 0; i < ns; i++)
    {
        fmpq_mat_init(Es + i, d_e, n);
        lc_qmat_rand(Es + i, d_e, n, st, 5);
    }
    printf("LCFLAT model d_e=%ld n_h=%ld n_kv=%ld d_h=%ld d_f=%ld layers=%ld nparams=%ld "
           "seqs=%ld tokens=%ld rows=%ld prec=%ld seed=%lu\n", (long) d_e, (long) n_h,
           (long) n_kv, (long) d_h, (long) d_f, (long) n_t, (long) np, (long) ns, (long) n,
           (long) (ns * n * d_e), (long) prec, seed);
    fflush(stdout);

    fmpq_mat_init(T, 0, 0);
    t0 = now();
    lc_llama_sym_tangents(T, M, LC_LFLAT_ALL);
    k = lc_qmat_rank(T);
    t_tan = now() - t0;
    r = np - k;
    printf("LCFLAT tangents k=%ld columns=%ld time=%.2f\n", (long) k, (long) T->c, t_tan);
    fflush(stdout);

    arb_mat_init(J, 0, 0);
    t0 = now();
    if (lc_llama_jacobian(J, M, Es, ns, 1, prec, err) != LC_OK)
        die("lc_llama_jacobian", err);
    t_jac = now() - t0;
    {
        /* a fingerprint of J (sums of the midpoints and radii), to compare
           two builds */
        double sm = 0, sr = 0;

        for (i = 0; i < arb_mat_nrows(J); i++)
            for (j = 0; j < np; j++)
            {
                sm += (double) (i % 7 + 1) * (double) (j % 11 + 1)
                    * arf_get_d(arb_midref(arb_mat_entry(J, i, j)), ARF_RND_NEAR);
                sr += mag_get_d(arb_radref(arb_mat_entry(J, i, j)));
            }
        printf("LCFLAT jacobian time=%.2f peak_gb=%.2f fingerprint=%.17g radii=%.3g\n", t_jac,
               peak_gb(), sm, sr);
    }
    fflush(stdout);
    if (r > FLINT_MIN(arb_mat_nrows(J), np))
    {
        fprintf(stderr, "bench_llama_flat: %ld rows, need at least r = %ld\n",
                (long) arb_mat_nrows(J), (long) r);
        return 2;
    }

    pr = flint_malloc(sizeof(slong) * arb_mat_nrows(J));
    pc = flint_malloc(sizeof(slong) * np);
    t0 = now();
    steps = lc_gauge_pivot_d(pr, pc, J, r);
    t_piv = now() - t0;
    printf("LCFLAT pivot steps=%ld time=%.2f\n", (long) steps, t_piv);
    fflush(stdout);

    mag_init(bound);
    terms = _mag_vec_init(3);
    t0 = now();
    cert = steps == r && lc_gauge_minor_certify_d(bound, terms, J, pr, pc, r);
    t_cert = now() - t0;
    printf("LCFLAT certify r=%ld certified=%d bound=%.6g (|I-RA| %.3g, product rounding %.3g, "
           "radii %.3g) time=%.2f peak_gb=%.2f\n", (long) r, cert, mag_get_d(bound),
           mag_get_d(terms + 0), mag_get_d(terms + 1), mag_get_d(terms + 2), t_cert, peak_gb());
    fflush(stdout);

    if (ball && steps == r)
    {
        arb_mat_t A, Ai;

        t0 = now();
        arb_mat_init(A, r, r);
        arb_mat_init(Ai, r, r);
        for (i = 0; i < r; i++)
            for (j = 0; j < r; j++)
                arb_set(arb_mat_entry(A, i, j), arb_mat_entry(J, pr[i], pc[j]));
        bcert = arb_mat_inv(Ai, A, prec);
        arb_mat_clear(A);
        arb_mat_clear(Ai);
        t_ball = now() - t0;
        printf("LCFLAT ball certified=%d time=%.2f peak_gb=%.2f\n", bcert, t_ball, peak_gb());
        fflush(stdout);
    }

    arb_mat_init(Tb, 0, 0);
    arb_mat_init(JT, arb_mat_nrows(J), T->c);
    mag_init(m);
    mag_init(jt);
    t0 = now();
    lc_ball_set_qmat(Tb, T, prec);
    arb_mat_mul(JT, J, Tb, prec);
    for (i = 0; i < arb_mat_nrows(JT); i++)
        for (j = 0; j < arb_mat_ncols(JT); j++)
        {
            arb_srcptr x = arb_mat_entry(JT, i, j);

            if (!arb_contains_zero(x))
                jt_zero = 0;
            arb_get_mag(m, x);
            mag_max(jt, jt, m);
        }
    t_jt = now() - t0;
    printf("LCFLAT jt contains_zero=%d max_abs=%.3g time=%.2f\n", jt_zero, mag_get_d(jt), t_jt);
    printf("LCFLAT result nparams=%ld k=%ld certified_rank=%ld accounted=%d total_time=%.1f "
           "peak_gb=%.2f\n", (long) np, (long) k, (long) (cert || bcert == 1 ? r : 0),
           (cert || bcert == 1) && jt_zero, t_tan + t_jac + t_piv + t_cert + t_ball + t_jt,
           peak_gb());

    mag_clear(bound);
    _mag_vec_clear(terms, 3);
    mag_clear(m);
    mag_clear(jt);
    arb_mat_clear(J);
    arb_mat_clear(Tb);
    arb_mat_clear(JT);
    fmpq_mat_clear(T);
    for (i = 0; i < ns; i++)
        fmpq_mat_clear(Es + i);
    flint_free(Es);
    flint_free(pr);
    flint_free(pc);
    lc_tmodel_clear(M);
    flint_randclear(st);
    return (cert || bcert == 1) && jt_zero ? 0 : 1;
}
