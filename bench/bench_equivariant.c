/* bench_equivariant.c -- exact equivariant bases: liecheck's structured
 * solver (orbits / sparse elimination mod p, lifted and certified over Q)
 * against the dense exact nullspace of the stacked constraint system
 * (FLINT fmpq_mat through lc_qmat_kernel) on the same problems.
 *
 *   bench_equivariant CASE [--dense]
 *
 * CASE is GROUP:k, the invariants of V^(x)k for V = perm_rep(n) ("S8:4")
 * or std_rep ("SO3:7", "O3:6", "Lorentz:6", "Sp4:4").  Without --dense it
 * runs liecheck's solver and its certificate; with --dense it builds the
 * dense (#generators * N) x N constraint matrix over Q and computes its
 * kernel.  One line on standard output:
 *   CASE N k seconds method
 * (bench/run_equivariant.sh runs both under a time limit and prints the
 * table of doc/benchmarks.md).  A dense system of more than 2^26 entries
 * (about 1 GiB as fmpq, before the elimination's copy) is skipped (exit 3). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rep.h"
#include "limit.h"

static int
make_case(lc_rep_t P, const char * spec, lc_err_t err)
{
    char g[32];
    const char * colon = strchr(spec, ':');
    slong k, len;
    lc_rep_t V;
    int st;

    if (colon == NULL || (len = colon - spec) >= (slong) sizeof(g))
        return lc_err_set(err, LC_E_ARG, "CASE is GROUP:k");
    memcpy(g, spec, len);
    g[len] = '\0';
    k = atol(colon + 1);
    lc_rep_init(V);
    if (g[0] == 'S' && g[1] != 'O' && g[1] != 'p')
        st = lc_rep_perm(V, atol(g + 1), err);
    else if (strcmp(g, "Lorentz") == 0)
        st = lc_rep_std(V, "Lorentz", 4, err);
    else if (strncmp(g, "SO", 2) == 0)
        st = lc_rep_std(V, "SO", atol(g + 2), err);
    else if (strncmp(g, "Sp", 2) == 0)
        st = lc_rep_std(V, "Sp", atol(g + 2), err);
    else if (g[0] == 'O')
        st = lc_rep_std(V, "O", atol(g + 1), err);
    else
        st = lc_err_set(err, LC_E_ARG, "unknown group %s", g);
    if (st == LC_OK)
        st = lc_rep_power(P, V, k, err);
    lc_rep_clear(V);
    return st;
}

int
main(int argc, char ** argv)
{
    lc_rep_t P, T;
    lc_err_t err;
    double t0, t;
    int dense = argc > 2 && strcmp(argv[2], "--dense") == 0;

    if (argc < 2)
    {
        fprintf(stderr, "usage: %s GROUP:k [--dense]\n", argv[0]);
        return 2;
    }
    lc_rep_init(P);
    lc_rep_init(T);
    if (make_case(P, argv[1], err) != LC_OK)
    {
        fprintf(stderr, "%s\n", err->msg);
        return 2;
    }
    if (!dense)
    {
        fmpq_mat_struct * B;
        slong len;
        lc_rep_info_t info;
        lc_check_t chk;
        int ok;

        lc_rep_info_init(info);
        lc_check_init(chk);
        lc_rep_trivial(T, P, 1, err);
        t0 = lc_limit_now();
        if (lc_rep_equivariant_basis(&B, &len, info, T, P, err) != LC_OK)
        {
            fprintf(stderr, "%s\n", err->msg);
            return 1;
        }
        ok = lc_rep_certify_basis(chk, B, len, info, T, P);
        t = lc_limit_now() - t0;
        printf("%s %ld %ld %.6f %s%s\n", argv[1], (long) P->n, (long) len, t,
               info->method == LC_REP_ORBITS ? "orbits" : "modular", ok ? "" : " CERTIFICATE-FAILED");
        lc_rep_basis_clear(B, len);
        lc_rep_info_clear(info);
        lc_check_clear(chk);
    }
    else
    {
        slong N = P->n, ng = P->ngroup + P->nlie, g, j, s;
        fmpq_mat_t M, K;

        if ((double) ng * N * N > 67108864.0)
        {
            printf("%s %ld - 0 skipped\n", argv[1], (long) N);
            fprintf(stderr, "%s: the dense system has %ld x %ld entries, more than 2^26\n", argv[1],
                    (long) (ng * N), (long) N);
            return 3;
        }
        t0 = lc_limit_now();
        fmpq_mat_init(M, ng * N, N);
        fmpq_mat_init(K, 0, 0);
        for (g = 0; g < ng; g++)
        {
            const lc_smat_struct * A = P->gens + g;

            for (j = 0; j < N; j++)
            {
                for (s = A->colptr[j]; s < A->colptr[j + 1]; s++)
                    fmpq_set(fmpq_mat_entry(M, g * N + A->row[s], j), A->val + s);
                if (g < P->ngroup)
                    fmpq_sub_si(fmpq_mat_entry(M, g * N + j, j), fmpq_mat_entry(M, g * N + j, j), 1);
            }
        }
        s = lc_qmat_kernel(K, M);
        t = lc_limit_now() - t0;
        printf("%s %ld %ld %.6f dense\n", argv[1], (long) N, (long) s, t);
        fmpq_mat_clear(M);
        fmpq_mat_clear(K);
    }
    lc_rep_clear(P);
    lc_rep_clear(T);
    return 0;
}
