/* se2.c -- use libliecheck from C: the derived series of se(2).
 *
 *   cc se2.c $(pkg-config --cflags --libs liecheck) && ./a.out
 *
 * prints "3 2 0": se(2) is solvable of derived length 2. */
#include <stdio.h>
#include <liecheck/liecheck.h>

int
main(void)
{
    fmpq_mat_struct g[3];
    lc_lie_t L;
    lc_err_t err;
    slong dims[8], len, i;
    int status = 0;

    for (i = 0; i < 3; i++)
        fmpq_mat_init(g + i, 0, 0);
    lc_err_init(err);
    lc_qmat_parse(g + 0, "[[0, -1, 0], [1, 0, 0], [0, 0, 0]]", err);  /* rotation */
    lc_qmat_parse(g + 1, "[[0, 0, 1], [0, 0, 0], [0, 0, 0]]", err);   /* translations */
    lc_qmat_parse(g + 2, "[[0, 0, 0], [0, 0, 1], [0, 0, 0]]", err);
    lc_lie_init(L);
    if (lc_lie_closure(L, g, 3, 0, err) != LC_OK)
    {
        fprintf(stderr, "error: %s\n", err->msg);
        status = 1;
    }
    else
    {
        len = lc_lie_derived_series(dims, L);
        for (i = 0; i < len; i++)
            printf(i ? " %ld" : "%ld", (long) dims[i]);
        printf("\n");
    }
    lc_lie_clear(L);
    for (i = 0; i < 3; i++)
        fmpq_mat_clear(g + i);
    return status;
}
