/* fuzz_safetensors.c -- libFuzzer target: the safetensors loader on a
 * buffer (lc_tmodel_load_safetensors_buffer, the same code as the file
 * loader after the open), then, when a model loads, one forward pass on
 * two tokens at 64 bits.
 *
 * Built by ./configure --enable-fuzzing (doc/reliability.md).  The load may
 * take at most FUZZ_MAX_BYTES (the loader's own limit, checked from the
 * header before anything is allocated); the forward pass runs only on
 * models of at most FUZZ_MAX_PARAMS parameters. */
#include "config.h"
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include "liecheck.h"
#include "transformer.h"

#define FUZZ_MAX_BYTES (WORD(64) << 20)
#define FUZZ_MAX_PARAMS 20000

int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    lc_tmodel_t M;
    lc_tload_opts_t o;
    lc_err_t err;
    int st;

    lc_tmodel_init(M);
    lc_tload_opts_init(o);
    o->max_bytes = FUZZ_MAX_BYTES;
    /* heads: 1 always divides d_e; the last byte varies the rest */
    if (size > 0)
    {
        o->activation = data[size - 1] % 3;
        o->norm_first = (data[size - 1] >> 2) & 1;
    }
    st = lc_tmodel_load_safetensors_buffer(M, data, size, "<fuzz>", o, err);
    if (st == LC_OK && lc_tmodel_nparams(M) <= FUZZ_MAX_PARAMS)
    {
        arb_mat_t E, Y;
        slong i, j;

        arb_mat_init(E, M->d_e, 2);
        arb_mat_init(Y, 0, 0);
        for (i = 0; i < M->d_e; i++)
            for (j = 0; j < 2; j++)
                arb_set_si(arb_mat_entry(E, i, j), (slong) ((i + 3 * j) % 5) - 2);
        lc_tmodel_forward(Y, M, E, size > 0 && (data[size - 1] & 8), 64, err);
        arb_mat_clear(E);
        arb_mat_clear(Y);
    }
    lc_tload_opts_clear(o);
    lc_tmodel_clear(M);
    return 0;
}
