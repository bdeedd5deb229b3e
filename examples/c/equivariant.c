/* equivariant.c -- exact equivariant layers from C, without the language.
 *
 *   cc equivariant.c $(pkg-config --cflags --libs liecheck) && ./a.out
 *
 * The layers R^(n x n) -> R^(n x n) of an invariant graph network (S_n on
 * adjacency matrices, Maron et al. 2019) for n = 5: an exact basis over Q,
 * its certificate recorded as exact checks (every basis map against both
 * generators of S_5, independence, the rank bound), and the verdict of
 * lib/check's rule on them.  Then SO(3) on (R^3)^(x)3: the one invariant,
 * the Levi-Civita tensor, through the sparse modular solver.  It prints
 * "15 PROVED" and "1 PROVED". */
#include <stdio.h>
#include <liecheck/liecheck.h>

/* The certified dimension of the equivariant maps V_in -> V_out. */
static slong
certified_dim(lc_verdict * v, const lc_rep_t V_in, const lc_rep_t V_out)
{
    fmpq_mat_struct * B;
    slong len = -1;
    lc_rep_info_t info;
    lc_check_t chk;
    lc_err_t err;

    lc_rep_info_init(info);
    lc_check_init(chk);
    if (lc_rep_equivariant_basis(&B, &len, info, V_in, V_out, err) != LC_OK)
        fprintf(stderr, "%s\n", err->msg);
    else
    {
        lc_rep_certify_basis(chk, B, len, info, V_in, V_out);
        *v = lc_check_verdict(NULL, NULL, chk);
        lc_rep_basis_clear(B, len);
    }
    lc_check_clear(chk);
    lc_rep_info_clear(info);
    return len;
}

int
main(void)
{
    lc_rep_t V, A, T;
    lc_err_t err;
    lc_verdict v = LC_UNDECIDED;
    slong d;

    lc_rep_init(V);
    lc_rep_init(A);
    lc_rep_init(T);
    if (lc_rep_perm(V, 5, err) != LC_OK || lc_rep_power(A, V, 2, err) != LC_OK)
        return 1;
    d = certified_dim(&v, A, A);
    printf("%ld %s\n", (long) d, lc_verdict_name(v));
    if (lc_rep_std(V, "SO", 3, err) != LC_OK || lc_rep_power(A, V, 3, err) != LC_OK
        || lc_rep_trivial(T, A, 1, err) != LC_OK)
        return 1;
    d = certified_dim(&v, T, A);
    printf("%ld %s\n", (long) d, lc_verdict_name(v));
    lc_rep_clear(V);
    lc_rep_clear(A);
    lc_rep_clear(T);
    return 0;
}
