/* test_transformer.c -- the certified transformer against PyTorch (the
 * committed fixture tests/fixtures/torch_cases.txt, written by
 * torch_make_fixture.py) and against values known from the mathematics:
 * layer norm of a known vector, Phi(1), identities of zero-weight and
 * one-token models, causality.  Never against liecheck's own output. */
#define _GNU_SOURCE             /* mallinfo2 */
#include <stdlib.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <malloc.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <check.h>
#include "transformer.h"

static const char *
top(void)
{
    const char * t = getenv("top_srcdir");
    return t == NULL || t[0] == '\0' ? "." : t;
}

/* ------------------------------------------------------- the torch fixture */

typedef struct
{
    char name[64], file[128], mapping[16], act[16];
    slong heads, d_e, n_c;
    int norm_first, causal;
    fmpq_t eps;
    fmpq_mat_t E, out;
}
tcase_struct;

static void
read_row(fmpq_mat_t A, slong i, char * line)
{
    slong j = 0;
    char * tok = strtok(line, " \n");

    for (; tok != NULL; tok = strtok(NULL, " \n"), j++)
    {
        ck_assert_int_lt(j, A->c);
        ck_assert_int_eq(fmpq_set_str(fmpq_mat_entry(A, i, j), tok, 10), 0);
    }
    ck_assert_int_eq(j, A->c);
}

static slong
read_cases(tcase_struct * cs, slong max)
{
    char path[4096], line[8192];
    FILE * f;
    slong k = -1, i;

    snprintf(path, sizeof path, "%s/tests/fixtures/torch_cases.txt", top());
    f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    while (fgets(line, sizeof line, f) != NULL)
    {
        tcase_struct * c = cs + k;
        char v[256];

        if (line[0] == '#')
            continue;
        if (sscanf(line, "case %63s", v) == 1)
        {
            ck_assert_int_lt(++k, max);
            c = cs + k;
            memset(c, 0, sizeof *c);
            strcpy(c->name, v);
            fmpq_init(c->eps);
        }
        else if (sscanf(line, "file %127s", c->file) == 1) ;
        else if (sscanf(line, "mapping %15s", c->mapping) == 1) ;
        else if (sscanf(line, "activation %15s", c->act) == 1) ;
        else if (sscanf(line, "heads %ld", &c->heads) == 1) ;
        else if (sscanf(line, "norm_first %d", &c->norm_first) == 1) ;
        else if (sscanf(line, "causal %d", &c->causal) == 1) ;
        else if (sscanf(line, "eps %255s", v) == 1)
            ck_assert_int_eq(fmpq_set_str(c->eps, v, 10), 0);
        else if (sscanf(line, "d_e %ld", &c->d_e) == 1) ;
        else if (sscanf(line, "n_c %ld", &c->n_c) == 1) ;
        else if (strncmp(line, "E", 1) == 0 || strncmp(line, "out", 3) == 0)
        {
            fmpq_mat_struct * A = line[0] == 'E' ? c->E : c->out;

            fmpq_mat_init(A, c->d_e, c->n_c);
            for (i = 0; i < c->d_e; i++)
            {
                ck_assert(fgets(line, sizeof line, f) != NULL);
                read_row(A, i, line);
            }
        }
    }
    fclose(f);
    return k + 1;
}

static void
free_cases(tcase_struct * cs, slong n)
{
    slong k;

    for (k = 0; k < n; k++)
    {
        fmpq_clear(cs[k].eps);
        fmpq_mat_clear(cs[k].E);
        fmpq_mat_clear(cs[k].out);
    }
}

static int
load_case(lc_tmodel_t M, const tcase_struct * c, int norm_first, lc_err_t err)
{
    lc_tload_opts_t o;
    char path[4096];
    int st;

    lc_tload_opts_init(o);
    o->n_h = c->heads;
    o->activation = lc_tmodel_act_from_name(c->act);
    o->norm_first = norm_first;
    fmpq_set(o->eps, c->eps);
    o->mapping = strcmp(c->mapping, "gpt2") == 0 ? LC_TMAP_GPT2 : LC_TMAP_TORCH;
    snprintf(path, sizeof path, "%s/tests/fixtures/%s", top(), c->file);
    st = lc_tmodel_load_safetensors(M, path, o, err);
    lc_tload_opts_clear(o);
    return st;
}

/* The largest distance from a point of the ball Y to the entries of T (an
   upper bound), as a double. */
static double
max_dist(const arb_mat_t Y, const fmpq_mat_t T, slong prec)
{
    mag_t b;
    double d;

    mag_init(b);
    lc_ball_max_abs_diff(b, Y, T, prec);
    d = mag_get_d(b);
    mag_clear(b);
    return d;
}

START_TEST(torch_outputs_lie_within_1e_12_of_the_enclosure)
{
    tcase_struct cs[16];
    slong n = read_cases(cs, 16), k;

    ck_assert_int_ge(n, 5);
    for (k = 0; k < n; k++)
    {
        lc_tmodel_t M;
        arb_mat_t E, Y;
        lc_err_t err;
        mag_t r;
        double d;

        lc_tmodel_init(M);
        ck_assert_msg(load_case(M, cs + k, cs[k].norm_first, err) == LC_OK, "%s: %s",
                      cs[k].name, err->msg);
        ck_assert_int_eq(M->d_e, 8);
        ck_assert_int_eq(M->n_h, 2);
        ck_assert_int_eq(M->d_h, 4);
        ck_assert_int_eq(M->d_f, 16);
        ck_assert_int_eq(M->n_t, 2);
        /* PyTorch's sum(p.numel()): 2 layers x (3*64 + 24 + 64 + 8 + 128 + 16 + 128 + 8 + 32) */
        ck_assert_int_eq(lc_tmodel_nparams(M), 1200);
        arb_mat_init(E, 0, 0);
        arb_mat_init(Y, 0, 0);
        lc_ball_set_qmat(E, cs[k].E, 128);
        ck_assert_msg(lc_tmodel_forward(Y, M, E, cs[k].causal, 128, err) == LC_OK, "%s: %s",
                      cs[k].name, err->msg);
        d = max_dist(Y, cs[k].out, 128);
        if (getenv("LC_TEST_VERBOSE") != NULL)
            fprintf(stderr, "%s: PyTorch within %g\n", cs[k].name, d);
        ck_assert_msg(d <= 1e-12, "%s: PyTorch's output is %g from the enclosure", cs[k].name, d);
        /* and the enclosure is narrow: the agreement is not vacuous */
        mag_init(r);
        lc_ball_max_radius(r, Y);
        ck_assert_msg(mag_cmp_2exp_si(r, -100) < 0, "%s: radius %g", cs[k].name, mag_get_d(r));
        mag_clear(r);
        arb_mat_clear(E);
        arb_mat_clear(Y);
        lc_tmodel_clear(M);
    }
    free_cases(cs, n);
}
END_TEST

/* The wrong norm order (and, for the causal cases, no mask) is far from
   PyTorch: the agreement above is not an accident of tolerances. */
START_TEST(wrong_norm_order_or_missing_mask_disagrees_with_torch)
{
    tcase_struct cs[16];
    slong n = read_cases(cs, 16), k;

    for (k = 0; k < n; k++)
    {
        lc_tmodel_t M;
        arb_mat_t E, Y;
        lc_err_t err;

        lc_tmodel_init(M);
        arb_mat_init(E, 0, 0);
        arb_mat_init(Y, 0, 0);
        lc_ball_set_qmat(E, cs[k].E, 128);
        ck_assert(load_case(M, cs + k, !cs[k].norm_first, err) == LC_OK);
        ck_assert(lc_tmodel_forward(Y, M, E, cs[k].causal, 128, err) == LC_OK);
        ck_assert_msg(max_dist(Y, cs[k].out, 128) > 1e-3, "%s", cs[k].name);
        if (cs[k].causal)
        {
            ck_assert(load_case(M, cs + k, cs[k].norm_first, err) == LC_OK);
            ck_assert(lc_tmodel_forward(Y, M, E, 0, 128, err) == LC_OK);
            ck_assert_msg(max_dist(Y, cs[k].out, 128) > 1e-3, "%s", cs[k].name);
        }
        arb_mat_clear(E);
        arb_mat_clear(Y);
        lc_tmodel_clear(M);
    }
    free_cases(cs, n);
}
END_TEST

/* ------------------------------------------------------------- by hand */

static void
mk(fmpq_mat_t A, const char * s)
{
    lc_err_t err;
    ck_assert_msg(lc_qmat_parse(A, s, err) == LC_OK, "parse %s: %s", s, err->msg);
}

/* x = (1, 2, 3, 4): mean 5/2, biased variance 5/4, so
   LN(x) = (-3, -1, 1, 3) / sqrt(5); with eps = 3/4 the divisor is sqrt 2 ...
   and with scale 2, shift 1: 2 (x - 5/2) / sqrt(2) + 1. */
START_TEST(layer_norm_of_1_2_3_4_is_minus3_minus1_1_3_over_sqrt5)
{
    fmpq_mat_t X, w, b;
    arb_mat_t Xb, Y;
    fmpq_t eps;
    arb_t want, s;
    lc_err_t err;
    slong k;
    const slong num[4] = { -3, -1, 1, 3 };

    fmpq_mat_init(X, 0, 0);
    fmpq_mat_init(w, 0, 0);
    fmpq_mat_init(b, 0, 0);
    fmpq_init(eps);
    arb_mat_init(Xb, 0, 0);
    arb_mat_init(Y, 0, 0);
    arb_init(want);
    arb_init(s);
    mk(X, "[[1], [2], [3], [4]]");
    lc_ball_set_qmat(Xb, X, 256);
    ck_assert(lc_tmodel_layer_norm(Y, Xb, NULL, NULL, eps, 256, err) == LC_OK);
    arb_sqrt_ui(s, 5, 512);
    for (k = 0; k < 4; k++)
    {
        arb_set_si(want, num[k]);
        arb_div(want, want, s, 512);
        ck_assert(arb_overlaps(arb_mat_entry(Y, k, 0), want));
        ck_assert(mag_cmp_2exp_si(arb_radref(arb_mat_entry(Y, k, 0)), -240) < 0);
    }
    fmpq_set_si(eps, 3, 4);
    mk(w, "[[2], [2], [2], [2]]");
    mk(b, "[[1], [1], [1], [1]]");
    ck_assert(lc_tmodel_layer_norm(Y, Xb, w, b, eps, 256, err) == LC_OK);
    arb_sqrt_ui(s, 2, 512);
    for (k = 0; k < 4; k++)
    {
        arb_set_si(want, num[k]);          /* 2 * (num/2) / sqrt 2 + 1 */
        arb_div(want, want, s, 512);
        arb_add_ui(want, want, 1, 512);
        ck_assert(arb_overlaps(arb_mat_entry(Y, k, 0), want));
    }
    /* a constant token with eps = 0 has no layer norm */
    mk(X, "[[7], [7], [7], [7]]");
    lc_ball_set_qmat(Xb, X, 256);
    fmpq_zero(eps);
    ck_assert_int_eq(lc_tmodel_layer_norm(Y, Xb, NULL, NULL, eps, 256, err), LC_E_DOMAIN);
    ck_assert(strstr(err->msg, "token 1") != NULL);
    fmpq_mat_clear(X);
    fmpq_mat_clear(w);
    fmpq_mat_clear(b);
    fmpq_clear(eps);
    arb_mat_clear(Xb);
    arb_mat_clear(Y);
    arb_clear(want);
    arb_clear(s);
}
END_TEST

/* ReLU on a ball that straddles 0 gives [0, upper]; GELU(1) = Phi(1) =
   0.841344746068542948585232545632...; GELU(x) - GELU(-x) = x for both
   GELUs (x Phi(x) + x Phi(-x) = x; likewise with tanh). */
START_TEST(activations_are_certified_on_balls)
{
    arb_t x, y, z, t;
    int a;

    arb_init(x);
    arb_init(y);
    arb_init(z);
    arb_init(t);
    arb_set_str(x, "[0 +/- 1]", 64);
    lc_tmodel_activate(y, x, LC_ACT_RELU, 64);
    arb_zero(t);
    ck_assert(arb_contains(y, t));
    arb_one(t);
    ck_assert(arb_contains(y, t));
    arb_set_si(t, -1);
    arb_mul_2exp_si(t, t, -10);
    ck_assert(!arb_contains(y, t));
    arb_set_str(x, "[-3 +/- 1]", 64);
    lc_tmodel_activate(y, x, LC_ACT_RELU, 64);
    ck_assert(arb_is_zero(y));
    arb_set_str(x, "[3 +/- 1]", 64);
    lc_tmodel_activate(y, x, LC_ACT_RELU, 64);
    ck_assert(arb_equal(y, x));

    arb_one(x);
    lc_tmodel_activate(y, x, LC_ACT_GELU, 200);
    arb_set_str(t, "0.841344746068542948585232545632 +/- 1e-30", 200);
    ck_assert(arb_overlaps(y, t));
    ck_assert(mag_cmp_2exp_si(arb_radref(y), -180) < 0);
    for (a = LC_ACT_GELU; a <= LC_ACT_GELU_TANH; a++)
    {
        arb_set_str(x, "1.75", 200);
        lc_tmodel_activate(y, x, a, 200);
        arb_neg(t, x);
        lc_tmodel_activate(z, t, a, 200);
        arb_sub(y, y, z, 200);
        ck_assert(arb_contains(y, x));
    }
    /* the tanh form approximates GELU to ~1e-3 at 1 */
    arb_one(x);
    lc_tmodel_activate(y, x, LC_ACT_GELU, 200);
    lc_tmodel_activate(z, x, LC_ACT_GELU_TANH, 200);
    arb_sub(y, y, z, 200);
    arb_abs(y, y);
    arb_set_str(t, "0.001", 200);
    ck_assert(arb_lt(y, t));
    ck_assert(!arb_contains_zero(y));
    arb_clear(x);
    arb_clear(y);
    arb_clear(z);
    arb_clear(t);
}
END_TEST

/* All weights zero, pre-norm: attention and feed-forward add exactly 0, so
   the output is the input. */
START_TEST(zero_weights_prenorm_is_the_identity)
{
    lc_tmodel_t M;
    fmpq_mat_t E;
    arb_mat_t Eb, Y;
    lc_err_t err;

    lc_tmodel_init(M);
    fmpq_mat_init(E, 0, 0);
    arb_mat_init(Eb, 0, 0);
    arb_mat_init(Y, 0, 0);
    ck_assert(lc_tmodel_alloc(M, 3, 1, 3, 5, 2, err) == LC_OK);
    M->activation = LC_ACT_GELU;
    mk(E, "[[1, 2/3, -5], [0, 1/7, 2], [3, 3, 1]]");
    lc_ball_set_qmat(Eb, E, 128);
    ck_assert(lc_tmodel_forward(Y, M, Eb, 0, 128, err) == LC_OK);
    ck_assert(arb_mat_equal(Y, Eb));
    lc_tmodel_clear(M);
    fmpq_mat_clear(E);
    arb_mat_clear(Eb);
    arb_mat_clear(Y);
}
END_TEST

/* One token: softmax = 1, so attention is Wo (Wv LN(E) + bv) + bo.  E =
   (1, -1, 1, -1) has mean 0 and variance 1, LN(E) = E (eps 0); with Wv =
   Wo = I, bv = bo = 0 and no feed-forward, out = E + E = 2E, whatever Wq, Wk. */
START_TEST(one_token_attention_passes_the_value_through)
{
    lc_tmodel_t M;
    flint_rand_t st;
    fmpq_mat_t E, W;
    arb_mat_t Eb, Y;
    lc_err_t err;

    lc_tmodel_init(M);
    flint_randinit(st);
    fmpq_mat_init(E, 0, 0);
    fmpq_mat_init(W, 0, 0);
    arb_mat_init(Eb, 0, 0);
    arb_mat_init(Y, 0, 0);
    ck_assert(lc_tmodel_alloc(M, 4, 1, 4, 3, 1, err) == LC_OK);
    lc_tmodel_randomize(M, st);
    fmpq_mat_one(M->layers[0].Wv);
    fmpq_mat_one(M->layers[0].Wo);
    fmpq_mat_zero(M->layers[0].bv);
    fmpq_mat_zero(M->layers[0].bo);
    fmpq_mat_zero(M->layers[0].W2);
    fmpq_mat_zero(M->layers[0].b2);
    lc_qmat_eye(W, 4);
    /* ln1 must be strict for LN(E) = E */
    mk(M->layers[0].ln1_w, "[[1], [1], [1], [1]]");
    fmpq_mat_zero(M->layers[0].ln1_b);
    mk(E, "[[1], [-1], [1], [-1]]");
    lc_ball_set_qmat(Eb, E, 128);
    ck_assert(lc_tmodel_forward(Y, M, Eb, 0, 128, err) == LC_OK);
    fmpq_mat_add(E, E, E);
    ck_assert(lc_ball_contains_qmat(Y, E));
    lc_tmodel_clear(M);
    flint_randclear(st);
    fmpq_mat_clear(E);
    fmpq_mat_clear(W);
    arb_mat_clear(Eb);
    arb_mat_clear(Y);
}
END_TEST

/* With the causal mask, token i sees tokens 1..i only: changing the last
   token leaves the other columns unchanged, and the first column equals the
   model run on the first token alone.  Without the mask it does not. */
START_TEST(causal_mask_hides_later_tokens)
{
    lc_tmodel_t M;
    flint_rand_t st;
    fmpq_mat_t E, F, E1;
    arb_mat_t Eb, Fb, E1b, Y, Z, Y1;
    lc_err_t err;
    slong i, j;
    int differs = 0;

    lc_tmodel_init(M);
    flint_randinit(st);
    fmpq_mat_init(E, 0, 0);
    fmpq_mat_init(F, 0, 0);
    fmpq_mat_init(E1, 0, 0);
    arb_mat_init(Eb, 0, 0);
    arb_mat_init(Fb, 0, 0);
    arb_mat_init(E1b, 0, 0);
    arb_mat_init(Y, 0, 0);
    arb_mat_init(Z, 0, 0);
    arb_mat_init(Y1, 0, 0);
    ck_assert(lc_tmodel_alloc(M, 4, 2, 2, 6, 2, err) == LC_OK);
    lc_tmodel_randomize(M, st);
    mk(E, "[[1, 2, 0], [0, -1, 3], [2, 1, 1], [-1, 0, 1/2]]");
    mk(F, "[[1, 2, 5], [0, -1, -3], [2, 1, 0], [-1, 0, 9]]");
    mk(E1, "[[1], [0], [2], [-1]]");
    lc_ball_set_qmat(Eb, E, 128);
    lc_ball_set_qmat(Fb, F, 128);
    lc_ball_set_qmat(E1b, E1, 128);
    ck_assert(lc_tmodel_forward(Y, M, Eb, 1, 128, err) == LC_OK);
    ck_assert(lc_tmodel_forward(Z, M, Fb, 1, 128, err) == LC_OK);
    ck_assert(lc_tmodel_forward(Y1, M, E1b, 1, 128, err) == LC_OK);
    for (i = 0; i < 4; i++)
    {
        for (j = 0; j < 2; j++)
            ck_assert(arb_overlaps(arb_mat_entry(Y, i, j), arb_mat_entry(Z, i, j)));
        ck_assert(arb_overlaps(arb_mat_entry(Y, i, 0), arb_mat_entry(Y1, i, 0)));
    }
    ck_assert(lc_tmodel_forward(Y, M, Eb, 0, 128, err) == LC_OK);
    ck_assert(lc_tmodel_forward(Z, M, Fb, 0, 128, err) == LC_OK);
    for (i = 0; i < 4; i++)
        differs |= !arb_overlaps(arb_mat_entry(Y, i, 0), arb_mat_entry(Z, i, 0));
    ck_assert(differs);
    lc_tmodel_clear(M);
    flint_randclear(st);
    fmpq_mat_clear(E);
    fmpq_mat_clear(F);
    fmpq_mat_clear(E1);
    arb_mat_clear(Eb);
    arb_mat_clear(Fb);
    arb_mat_clear(E1b);
    arb_mat_clear(Y);
    arb_mat_clear(Z);
    arb_mat_clear(Y1);
}
END_TEST

/* The same random model in both orders gives certainly different outputs;
   a rotation R1 = -I in the skip connection changes the output too. */
START_TEST(post_norm_and_pre_norm_differ)
{
    lc_tmodel_t M, N;
    flint_rand_t st;
    fmpq_mat_t E;
    arb_mat_t Eb, Y, Z;
    lc_err_t err;
    slong i, j;
    int differs = 0;

    lc_tmodel_init(M);
    lc_tmodel_init(N);
    flint_randinit(st);
    fmpq_mat_init(E, 0, 0);
    arb_mat_init(Eb, 0, 0);
    arb_mat_init(Y, 0, 0);
    arb_mat_init(Z, 0, 0);
    ck_assert(lc_tmodel_alloc(M, 4, 2, 2, 6, 1, err) == LC_OK);
    lc_tmodel_randomize(M, st);
    lc_tmodel_set(N, M);
    N->norm_first = !M->norm_first;
    mk(E, "[[1, 2], [0, -1], [2, 1], [-1, 0]]");
    lc_ball_set_qmat(Eb, E, 128);
    ck_assert(lc_tmodel_forward(Y, M, Eb, 0, 128, err) == LC_OK);
    ck_assert(lc_tmodel_forward(Z, N, Eb, 0, 128, err) == LC_OK);
    for (i = 0; i < 4; i++)
        for (j = 0; j < 2; j++)
            differs |= !arb_overlaps(arb_mat_entry(Y, i, j), arb_mat_entry(Z, i, j));
    ck_assert(differs);
    lc_tmodel_set(N, M);
    ck_assert(lc_tmodel_forward(Z, N, Eb, 0, 128, err) == LC_OK);
    ck_assert(arb_mat_overlaps(Y, Z));      /* a copy is the same model */
    fmpq_mat_neg(N->layers[0].R1, N->layers[0].R1);
    ck_assert(lc_tmodel_forward(Z, N, Eb, 0, 128, err) == LC_OK);
    ck_assert(!arb_mat_overlaps(Y, Z));
    lc_tmodel_clear(M);
    lc_tmodel_clear(N);
    flint_randclear(st);
    fmpq_mat_clear(E);
    arb_mat_clear(Eb);
    arb_mat_clear(Y);
    arb_mat_clear(Z);
}
END_TEST

START_TEST(radius_falls_from_64_to_1024_bits)
{
    lc_tmodel_t M;
    flint_rand_t st;
    fmpq_mat_t E;
    arb_mat_t Eb, Y, Z;
    lc_err_t err;
    mag_t r64, r1024;

    lc_tmodel_init(M);
    flint_randinit(st);
    fmpq_mat_init(E, 0, 0);
    arb_mat_init(Eb, 0, 0);
    arb_mat_init(Y, 0, 0);
    arb_mat_init(Z, 0, 0);
    mag_init(r64);
    mag_init(r1024);
    ck_assert(lc_tmodel_alloc(M, 6, 2, 3, 8, 2, err) == LC_OK);
    lc_tmodel_randomize(M, st);
    M->activation = LC_ACT_GELU;
    fmpq_set_si(M->eps, 1, 100000);
    lc_qmat_rand(E, 6, 4, st, 5);
    lc_ball_set_qmat(Eb, E, 64);
    ck_assert(lc_tmodel_forward(Y, M, Eb, 1, 64, err) == LC_OK);
    lc_ball_set_qmat(Eb, E, 1024);
    ck_assert(lc_tmodel_forward(Z, M, Eb, 1, 1024, err) == LC_OK);
    ck_assert(arb_mat_overlaps(Y, Z));
    lc_ball_max_radius(r64, Y);
    lc_ball_max_radius(r1024, Z);
    ck_assert(!mag_is_zero(r64));
    ck_assert(mag_cmp_2exp_si(r64, -40) < 0);
    ck_assert(mag_cmp_2exp_si(r1024, -980) < 0);
    lc_tmodel_clear(M);
    flint_randclear(st);
    fmpq_mat_clear(E);
    arb_mat_clear(Eb);
    arb_mat_clear(Y);
    arb_mat_clear(Z);
    mag_clear(r64);
    mag_clear(r1024);
}
END_TEST

START_TEST(bad_sizes_and_inputs_are_errors)
{
    lc_tmodel_t M;
    arb_mat_t E, Y;
    lc_err_t err;

    lc_tmodel_init(M);
    arb_mat_init(E, 3, 2);
    arb_mat_init(Y, 0, 0);
    ck_assert_int_eq(lc_tmodel_forward(Y, M, E, 0, 64, err), LC_E_ARG);
    ck_assert_int_eq(lc_tmodel_alloc(M, 0, 1, 1, 1, 1, err), LC_E_ARG);
    ck_assert_int_eq(lc_tmodel_alloc(M, 5000, 1, 1, 1, 1, err), LC_E_LIMIT);
    ck_assert_int_eq(lc_tmodel_alloc(M, 4, 1, 1, 1, 1000, err), LC_E_LIMIT);
    ck_assert_int_eq(lc_tmodel_alloc(M, 4, 2, 2, 3, 1, err), LC_OK);
    ck_assert_int_eq(lc_tmodel_forward(Y, M, E, 0, 64, err), LC_E_DIM);
    ck_assert(strstr(err->msg, "4 x n_c") != NULL);
    lc_tmodel_clear(M);
    arb_mat_clear(E);
    arb_mat_clear(Y);
}
END_TEST

/* ------------------------------------------------------------ bad files */

typedef struct { const char * name, * dtype; slong r, c; const unsigned char * data; } ent;

static int
dt_bytes(const char * dt)
{
    return strcmp(dt, "F64") == 0 || strcmp(dt, "I64") == 0 ? 8
        : strcmp(dt, "F32") == 0 || strcmp(dt, "I32") == 0 ? 4
        : strcmp(dt, "U8") == 0 || strcmp(dt, "BOOL") == 0 ? 1 : 2;
}

/* Write a torch-named safetensors file from ents (data NULL: zeros);
   extra is appended inside the JSON object; the last cut bytes are left off. */
static void
write_st(const char * path, const ent * es, int n, const char * extra, long cut)
{
    char hdr[8192];
    unsigned char * data = calloc(1, 65536);
    size_t off = 0, hl;
    int k, len = 0, i;
    FILE * f;
    unsigned char l8[8];

    len += snprintf(hdr + len, sizeof hdr - len, "{");
    for (k = 0; k < n; k++)
    {
        int bytes = dt_bytes(es[k].dtype);
        size_t sz = (size_t) (es[k].r * (es[k].c ? es[k].c : 1) * bytes);

        if (es[k].c)
            len += snprintf(hdr + len, sizeof hdr - len, "%s\"%s\":{\"dtype\":\"%s\",\"shape\":[%ld,%ld],"
                            "\"data_offsets\":[%zu,%zu]}", k ? "," : "", es[k].name, es[k].dtype,
                            (long) es[k].r, (long) es[k].c, off, off + sz);
        else
            len += snprintf(hdr + len, sizeof hdr - len, "%s\"%s\":{\"dtype\":\"%s\",\"shape\":[%ld],"
                            "\"data_offsets\":[%zu,%zu]}", k ? "," : "", es[k].name, es[k].dtype,
                            (long) es[k].r, off, off + sz);
        if (es[k].data != NULL)
            memcpy(data + off, es[k].data, sz);
        off += sz;
    }
    len += snprintf(hdr + len, sizeof hdr - len, "%s}", extra);
    hl = (size_t) len;
    for (i = 0; i < 8; i++)
        l8[i] = (unsigned char) ((hl >> (8 * i)) & 0xff);
    f = fopen(path, "wb");
    ck_assert(f != NULL);
    fwrite(l8, 1, 8, f);
    fwrite(hdr, 1, hl, f);
    ck_assert((long) off >= cut);
    fwrite(data, 1, off - (size_t) cut, f);
    fclose(f);
    free(data);
}

static void
write_raw(const char * path, const void * p, size_t n)
{
    FILE * f = fopen(path, "wb");
    ck_assert(f != NULL);
    fwrite(p, 1, n, f);
    fclose(f);
}

/* A one-layer torch model with d_e = 2, d_f = 3; norm1.bias carries the
   values whose exact decoding is checked. */
#define NE 12
static void
tiny(ent * es, const char * b1_dtype, const unsigned char * b1_data)
{
    static const char * nm[NE] = {
        "layers.0.self_attn.in_proj_weight", "layers.0.self_attn.in_proj_bias",
        "layers.0.self_attn.out_proj.weight", "layers.0.self_attn.out_proj.bias",
        "layers.0.linear1.weight", "layers.0.linear1.bias", "layers.0.linear2.weight",
        "layers.0.linear2.bias", "layers.0.norm1.weight", "layers.0.norm1.bias",
        "layers.0.norm2.weight", "layers.0.norm2.bias" };
    static const slong rr[NE] = { 6, 6, 2, 2, 3, 3, 2, 2, 2, 2, 2, 2 };
    static const slong cc[NE] = { 2, 0, 2, 0, 2, 0, 3, 0, 0, 0, 0, 0 };
    int k;

    for (k = 0; k < NE; k++)
    {
        es[k].name = nm[k];
        es[k].dtype = "F64";
        es[k].r = rr[k];
        es[k].c = cc[k];
        es[k].data = NULL;
    }
    es[9].dtype = b1_dtype;
    es[9].data = b1_data;
}

static int
try_load(lc_tmodel_t M, const char * path, slong heads, lc_err_t err)
{
    lc_tload_opts_t o;
    int st;

    lc_tload_opts_init(o);
    o->n_h = heads;
    st = lc_tmodel_load_safetensors(M, path, o, err);
    lc_tload_opts_clear(o);
    return st;
}

static void
check_entry(const fmpq_mat_t A, slong i, const char * want)
{
    fmpq_t w;
    fmpq_init(w);
    ck_assert_int_eq(fmpq_set_str(w, want, 10), 0);
    ck_assert_msg(fmpq_equal(fmpq_mat_entry(A, i, 0), w), "entry %ld is not %s", (long) i, want);
    fmpq_clear(w);
}

START_TEST(ieee_values_decode_exactly)
{
    char dir[] = "/tmp/lc-tf-XXXXXX", path[256];
    ent es[NE];
    lc_tmodel_t M;
    lc_err_t err;
    /* 0.1 and -0.0 as F64; 0.1f and the smallest subnormal as F32 */
    const unsigned char f64[16] = { 0x9a, 0x99, 0x99, 0x99, 0x99, 0x99, 0xb9, 0x3f,
                                    0, 0, 0, 0, 0, 0, 0, 0x80 };
    const unsigned char f32[8] = { 0xcd, 0xcc, 0xcc, 0x3d, 0x01, 0, 0, 0 };
    /* BF16 1 and -3; F16 1365/4096 and the smallest subnormal 2^-24 */
    const unsigned char bf16[4] = { 0x80, 0x3f, 0x40, 0xc0 };
    const unsigned char f16[4] = { 0x55, 0x35, 0x01, 0x00 };
    const unsigned char bfsub[4] = { 0x01, 0x00, 0x7f, 0x7f };
    const unsigned char nan32[8] = { 0, 0, 0, 0, 0, 0, 0xc0, 0x7f };

    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/m.safetensors", dir);
    lc_tmodel_init(M);

    tiny(es, "F64", f64);
    write_st(path, es, NE, "", 0);
    ck_assert_msg(try_load(M, path, 1, err) == LC_OK, "%s", err->msg);
    ck_assert_int_eq(M->d_e, 2);
    ck_assert_int_eq(M->d_f, 3);
    ck_assert_int_eq(M->n_t, 1);
    check_entry(M->layers[0].ln1_b, 0, "3602879701896397/36028797018963968");
    check_entry(M->layers[0].ln1_b, 1, "0");
    tiny(es, "F32", f32);
    write_st(path, es, NE, "", 0);
    ck_assert(try_load(M, path, 2, err) == LC_OK);
    ck_assert_int_eq(M->d_h, 1);
    check_entry(M->layers[0].ln1_b, 0, "13421773/134217728");
    check_entry(M->layers[0].ln1_b, 1, "1/713623846352979940529142984724747568191373312");
    tiny(es, "BF16", bf16);
    write_st(path, es, NE, "", 0);
    ck_assert(try_load(M, path, 1, err) == LC_OK);
    check_entry(M->layers[0].ln1_b, 0, "1");
    check_entry(M->layers[0].ln1_b, 1, "-3");
    tiny(es, "BF16", bfsub);      /* 2^-133 and the largest finite bfloat16 (255 << 120) */
    write_st(path, es, NE, "", 0);
    ck_assert(try_load(M, path, 1, err) == LC_OK);
    check_entry(M->layers[0].ln1_b, 0, "1/10889035741470030830827987437816582766592");
    check_entry(M->layers[0].ln1_b, 1,
                "338953138925153547590470800371487866880");
    tiny(es, "F16", f16);
    write_st(path, es, NE, "", 0);
    ck_assert(try_load(M, path, 1, err) == LC_OK);
    check_entry(M->layers[0].ln1_b, 0, "1365/4096");
    check_entry(M->layers[0].ln1_b, 1, "1/16777216");

    /* NaN: an error naming the tensor; M keeps the last good model */
    tiny(es, "F32", nan32);
    write_st(path, es, NE, "", 0);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    ck_assert(strstr(err->msg, "layers.0.norm1.bias") != NULL);
    ck_assert(strstr(err->msg, "non-finite") != NULL);
    ck_assert_int_eq(M->d_e, 2);
    check_entry(M->layers[0].ln1_b, 0, "1365/4096");

    unlink(path);
    rmdir(dir);
    lc_tmodel_clear(M);
}
END_TEST

START_TEST(bad_files_get_clear_errors)
{
    char dir[] = "/tmp/lc-tf-XXXXXX", path[256];
    ent es[NE + 1];
    lc_tmodel_t M;
    lc_err_t err;
    const unsigned char huge[16] = { 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, '{', '}' };
    char buf[64];

    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/m.safetensors", dir);
    lc_tmodel_init(M);

    ck_assert_int_eq(try_load(M, "/nonexistent/m.safetensors", 1, err), LC_E_IO);
    ck_assert(strstr(err->msg, "cannot open") != NULL);
    write_raw(path, "abc", 3);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    ck_assert(strstr(err->msg, "truncated") != NULL);
    write_raw(path, huge, 10);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    ck_assert(strstr(err->msg, "header length") != NULL);
    memcpy(buf, "\x05\0\0\0\0\0\0\0{\"a\":", 13);
    write_raw(path, buf, 13);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    ck_assert(strstr(err->msg, "not valid JSON") != NULL);
    memcpy(buf, "\x02\0\0\0\0\0\0\0[]", 10);
    write_raw(path, buf, 10);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    memcpy(buf, "\x02\0\0\0\0\0\0\0{}", 10);
    write_raw(path, buf, 10);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_ARG);
    ck_assert(strstr(err->msg, "no layer 0") != NULL);

    /* missing tensor */
    tiny(es, "F64", NULL);
    write_st(path, es, NE - 1, "", 0);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_ARG);
    ck_assert(strstr(err->msg, "missing tensor 'layers.0.norm2.bias'") != NULL);
    /* wrong shape */
    tiny(es, "F64", NULL);
    es[6].c = 4;
    write_st(path, es, NE, "", 0);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_DIM);
    ck_assert(strstr(err->msg, "layers.0.linear2.weight") != NULL);
    ck_assert(strstr(err->msg, "[2, 4], expected [2, 3]") != NULL);
    /* truncated data: offsets beyond the end */
    tiny(es, "F64", NULL);
    write_st(path, es, NE, "", 10);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    /* other tensors (embeddings, integer buffers) are validated, not read */
    es[NE].name = "wte.weight";
    es[NE].dtype = "I64";
    es[NE].r = 3;
    es[NE].c = 2;
    es[NE].data = NULL;
    write_st(path, es, NE + 1, "", 0);
    ck_assert_msg(try_load(M, path, 1, err) == LC_OK, "%s", err->msg);
    /* a tensor of a later layer without its layer 1 */
    es[NE].name = "layers.2.norm1.weight";
    es[NE].dtype = "F64";
    es[NE].r = 2;
    es[NE].c = 0;
    write_st(path, es, NE + 1, "", 0);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_ARG);
    ck_assert(strstr(err->msg, "layer 2") != NULL);
    /* heads must divide d_e; unsupported dtype */
    write_st(path, es, NE, "", 0);
    ck_assert_int_eq(try_load(M, path, 3, err), LC_E_ARG);
    es[3].dtype = "F16";
    es[3].data = NULL;
    write_st(path, es, NE, "", 0);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_OK);
    ck_assert_int_eq(M->n_t, 1);

    unlink(path);
    rmdir(dir);
    lc_tmodel_clear(M);
}
END_TEST

/* Truncations and byte flips of a real fixture file: each load either
   succeeds or fails with an error; none crashes (run under ASan too). */
START_TEST(fuzzed_fixture_files_never_crash)
{
    char dir[] = "/tmp/lc-tf-XXXXXX", path[256], src[4096];
    unsigned char * data;
    long n, i, k;
    FILE * f;
    lc_tmodel_t M;
    lc_err_t err;
    flint_rand_t st;
    int ok = 0, bad = 0;

    snprintf(src, sizeof src, "%s/tests/fixtures/torch_pre_relu_causal.safetensors", top());
    f = fopen(src, "rb");
    ck_assert(f != NULL);
    data = malloc(1 << 16);
    n = (long) fread(data, 1, 1 << 16, f);
    fclose(f);
    ck_assert(n > 1000);
    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/f.safetensors", dir);
    lc_tmodel_init(M);
    flint_randinit(st);
    for (k = 0; k < 60; k++)
    {
        if (k < 20)
            write_raw(path, data, (size_t) (n * k / 20));
        else
        {
            unsigned char * d = malloc(n);

            memcpy(d, data, n);
            for (i = 0; i < 3; i++)
            {
                long at = (long) n_randint(st, k < 40 ? 600 : n);   /* header, or anywhere */
                d[at] = (unsigned char) n_randint(st, 256);
            }
            write_raw(path, d, n);
            free(d);
        }
        if (try_load(M, path, 2, err) == LC_OK)
            ok++;
        else
        {
            ck_assert(err->msg[0] != '\0');
            bad++;
        }
    }
    ck_assert(bad >= 20);
    (void) ok;
    unlink(path);
    rmdir(dir);
    free(data);
    flint_randclear(st);
    lc_tmodel_clear(M);
}
END_TEST

/* ------------------------------------------- safetensors, strictly (issue 12) */

/* A growing string for headers too large for a fixed buffer. */
typedef struct { char * s; size_t n, alloc; } sbuf;

static void
sb_printf(sbuf * b, const char * fmt, ...)
{
    va_list ap;
    int k;

    for (;;)
    {
        va_start(ap, fmt);
        k = vsnprintf(b->s + b->n, b->alloc - b->n, fmt, ap);
        va_end(ap);
        ck_assert(k >= 0);
        if (b->n + (size_t) k < b->alloc)
            break;
        b->alloc = 2 * (b->alloc + (size_t) k + 64);
        b->s = realloc(b->s, b->alloc);
        ck_assert(b->s != NULL);
    }
    b->n += (size_t) k;
}

/* Write the 8-byte length, the header hdr, then ndata data bytes: those of
   data, or zeros (a sparse file, never written) when data is NULL. */
static void
write_file(const char * path, const char * hdr, size_t hl, const void * data, uint64_t ndata)
{
    unsigned char l8[8];
    int i;
    FILE * f = fopen(path, "wb");

    ck_assert(f != NULL);
    for (i = 0; i < 8; i++)
        l8[i] = (unsigned char) ((hl >> (8 * i)) & 0xff);
    ck_assert(fwrite(l8, 1, 8, f) == 8);
    ck_assert(fwrite(hdr, 1, hl, f) == hl);
    if (data != NULL)
        ck_assert(fwrite(data, 1, (size_t) ndata, f) == (size_t) ndata);
    ck_assert(fflush(f) == 0);
    if (data == NULL)
        ck_assert(ftruncate(fileno(f), (off_t) (8 + hl + ndata)) == 0);
    fclose(f);
}

#define WM_CONTIGUOUS 0
#define WM_ALL_AT_ZERO 1    /* every tensor at data_offsets [0, its size] */

/* A torch-named model of n_t layers, d_e, d_f, every tensor of dtype dt;
   each value's bytes are val (NULL: zeros, in a sparse file).  Returns the
   header length. */
static size_t
write_model(const char * path, slong d_e, slong d_f, slong n_t, const char * dt,
            const unsigned char * val, int mode)
{
    static const char * sfx[12] = {
        "self_attn.in_proj_weight", "self_attn.in_proj_bias", "self_attn.out_proj.weight",
        "self_attn.out_proj.bias", "linear1.weight", "linear1.bias", "linear2.weight",
        "linear2.bias", "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias" };
    slong rr[12], cc[12], t, k;
    uint64_t off = 0, maxsz = 0, total;
    int bytes = dt_bytes(dt);
    sbuf h = { NULL, 0, 0 };
    unsigned char * data = NULL;
    size_t hl;

    rr[0] = 3 * d_e; cc[0] = d_e; rr[1] = 3 * d_e; cc[1] = 0;
    rr[2] = d_e; cc[2] = d_e; rr[3] = d_e; cc[3] = 0;
    rr[4] = d_f; cc[4] = d_e; rr[5] = d_f; cc[5] = 0;
    rr[6] = d_e; cc[6] = d_f; rr[7] = d_e; cc[7] = 0;
    for (k = 8; k < 12; k++)
    {
        rr[k] = d_e;
        cc[k] = 0;
    }
    sb_printf(&h, "{");
    for (t = 0; t < n_t; t++)
        for (k = 0; k < 12; k++)
        {
            uint64_t sz = (uint64_t) (rr[k] * (cc[k] ? cc[k] : 1) * bytes);

            if (cc[k])
                sb_printf(&h, "%s\"layers.%ld.%s\":{\"dtype\":\"%s\",\"shape\":[%ld,%ld],"
                          "\"data_offsets\":[%llu,%llu]}", t + k ? "," : "", (long) t, sfx[k], dt,
                          (long) rr[k], (long) cc[k], (unsigned long long) (mode ? 0 : off),
                          (unsigned long long) ((mode ? 0 : off) + sz));
            else
                sb_printf(&h, "%s\"layers.%ld.%s\":{\"dtype\":\"%s\",\"shape\":[%ld],"
                          "\"data_offsets\":[%llu,%llu]}", t + k ? "," : "", (long) t, sfx[k], dt,
                          (long) rr[k], (unsigned long long) (mode ? 0 : off),
                          (unsigned long long) ((mode ? 0 : off) + sz));
            off += sz;
            if (sz > maxsz)
                maxsz = sz;
        }
    sb_printf(&h, "}");
    total = mode ? maxsz : off;
    if (val != NULL)
    {
        uint64_t i;

        data = malloc((size_t) total);
        ck_assert(data != NULL);
        for (i = 0; i < total; i += (uint64_t) bytes)
            memcpy(data + i, val, (size_t) bytes);
    }
    hl = h.n;
    write_file(path, h.s, hl, data, total);
    free(data);
    free(h.s);
    return hl;
}

/* The peak resident size of this process, in bytes. */
static uint64_t
max_rss(void)
{
    struct rusage ru;

    ck_assert(getrusage(RUSAGE_SELF, &ru) == 0);
    return (uint64_t) ru.ru_maxrss * 1024;
}

START_TEST(directory_is_refused_as_not_a_regular_file)
{
    char dir[] = "/tmp/lc-tf-XXXXXX";
    lc_tmodel_t M;
    lc_err_t err;

    ck_assert(mkdtemp(dir) != NULL);
    lc_tmodel_init(M);
    /* was: "truncated: 9223372036854775807 bytes" (ftello of a directory) */
    ck_assert_int_eq(try_load(M, dir, 1, err), LC_E_IO);
    ck_assert_msg(strstr(err->msg, "is a directory; a safetensors file must be a regular file")
                  != NULL, "%s", err->msg);
    ck_assert(strstr(err->msg, "9223372036854775807") == NULL);
    ck_assert(strstr(err->msg, "truncated") == NULL);
    rmdir(dir);
    lc_tmodel_clear(M);
}
END_TEST

START_TEST(fifo_and_devices_are_refused_without_blocking)
{
    char dir[] = "/tmp/lc-tf-XXXXXX", path[256];
    lc_tmodel_t M;
    lc_err_t err;

    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/fifo.safetensors", dir);
    ck_assert(mkfifo(path, 0600) == 0);
    lc_tmodel_init(M);
    /* was: blocked forever in open() waiting for a writer; a hang now fails
       the test after 10 s (SIGALRM) */
    alarm(10);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_IO);
    ck_assert_msg(strstr(err->msg, "is a FIFO; a safetensors file must be a regular file") != NULL,
                  "%s", err->msg);
    ck_assert_int_eq(try_load(M, "/dev/null", 1, err), LC_E_IO);
    ck_assert(strstr(err->msg, "/dev/null is a character device") != NULL);
    alarm(0);
    unlink(path);
    rmdir(dir);
    lc_tmodel_clear(M);
}
END_TEST

/* No message quotes the bytes of a file that is not safetensors: the old
   loader printed /etc/passwd's "root:x:0" as a header length. */
START_TEST(text_file_bytes_are_never_echoed)
{
    char dir[] = "/tmp/lc-tf-XXXXXX", path[256], num[32];
    const char * passwd = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin\n";
    unsigned long long h = 0;
    lc_tmodel_t M;
    lc_err_t err;
    int i;
    static const struct { const char * hdr, * must, * secret; } js[] = {
        { "{\"a\": secretword}", "invalid syntax", "secretword" },
        { "{\"secretkey\": {}, \"secretkey\": {}}", "a duplicate key", "secretkey" },
        { "{\"a\": [1, 2", "ends too early", "[1, 2" },
        { "hello, secretword", "does not start with '{'", "secretword" },
        { "{} secretword", "bytes other than spaces after its JSON object", "secretword" } };

    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/passwd", dir);
    write_raw(path, passwd, strlen(passwd));
    for (i = 7; i >= 0; i--)
        h = (h << 8) | (unsigned char) passwd[i];
    snprintf(num, sizeof num, "%llu", h);
    lc_tmodel_init(M);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    ck_assert_msg(strstr(err->msg, "not a safetensors file") != NULL, "%s", err->msg);
    ck_assert_msg(strstr(err->msg, num) == NULL, "%s", err->msg);
    ck_assert(strstr(err->msg, "root") == NULL);
    /* jansson's own messages quote the text near the error */
    for (i = 0; i < 5; i++)
    {
        write_file(path, js[i].hdr, strlen(js[i].hdr), "", 0);
        ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
        ck_assert_msg(strstr(err->msg, js[i].must) != NULL, "%d: %s", i, err->msg);
        ck_assert_msg(strstr(err->msg, js[i].secret) == NULL, "%d: %s", i, err->msg);
    }
    unlink(path);
    rmdir(dir);
    lc_tmodel_clear(M);
}
END_TEST

/* The tiny model with the offsets of tensor k changed to [b0, b1] and the
   data section ndata bytes long (zeros). */
static void
write_tiny_offsets(const char * path, int k, long b0, long b1, long ndata)
{
    ent es[NE];
    char hdr[8192];
    int len = 0, j;
    long off = 0;
    unsigned char * z = calloc(1, (size_t) ndata + 1);

    tiny(es, "F64", NULL);
    len += snprintf(hdr + len, sizeof hdr - len, "{");
    for (j = 0; j < NE; j++)
    {
        long sz = (long) (es[j].r * (es[j].c ? es[j].c : 1) * 8);

        len += snprintf(hdr + len, sizeof hdr - len, "%s\"%s\":{\"dtype\":\"F64\",\"shape\":[%ld%s",
                        j ? "," : "", es[j].name, (long) es[j].r, es[j].c ? "," : "");
        if (es[j].c)
            len += snprintf(hdr + len, sizeof hdr - len, "%ld", (long) es[j].c);
        len += snprintf(hdr + len, sizeof hdr - len, "],\"data_offsets\":[%ld,%ld]}",
                        j == k ? b0 : off, j == k ? b1 : off + sz);
        off += sz;
    }
    len += snprintf(hdr + len, sizeof hdr - len, "}");
    write_file(path, hdr, (size_t) len, z, (uint64_t) ndata);
    free(z);
}

/* The tiny model's data is 392 bytes: in_proj_weight 96, in_proj_bias 48,
   out_proj 32 + 16, linear1 48 + 24, linear2 48 + 16, norms 4 x 16. */
#define TINY_DATA 392

START_TEST(overlapping_offsets_are_refused)
{
    char dir[] = "/tmp/lc-tf-XXXXXX", path[256];
    lc_tmodel_t M;
    lc_err_t err;

    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/m.safetensors", dir);
    lc_tmodel_init(M);
    write_tiny_offsets(path, -1, 0, 0, TINY_DATA);
    ck_assert_msg(try_load(M, path, 1, err) == LC_OK, "%s", err->msg);
    /* norm2.bias on the bytes of norm2.weight, the last 16 bytes dropped:
       the old loader accepted it */
    write_tiny_offsets(path, 11, TINY_DATA - 32, TINY_DATA - 16, TINY_DATA - 16);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    ck_assert_msg(strstr(err->msg, "tensors 'layers.0.norm2.bias' [360, 376] and "
                         "'layers.0.norm2.weight' [360, 376] overlap") != NULL, "%s", err->msg);
    /* in_proj_bias half inside in_proj_weight */
    write_tiny_offsets(path, 1, 48, 96, TINY_DATA);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    ck_assert_msg(strstr(err->msg, "'layers.0.self_attn.in_proj_weight' [0, 96] and "
                         "'layers.0.self_attn.in_proj_bias' [48, 96] overlap") != NULL, "%s",
                  err->msg);
    unlink(path);
    rmdir(dir);
    lc_tmodel_clear(M);
}
END_TEST

START_TEST(unused_bytes_are_refused)
{
    char dir[] = "/tmp/lc-tf-XXXXXX", path[256];
    lc_tmodel_t M;
    lc_err_t err;

    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/m.safetensors", dir);
    lc_tmodel_init(M);
    /* 8 bytes after the last tensor */
    write_tiny_offsets(path, -1, 0, 0, TINY_DATA + 8);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    ck_assert_msg(strstr(err->msg, "the last 8 bytes of the data buffer (of 400) belong to no "
                         "tensor") != NULL, "%s", err->msg);
    /* a hole: norm2.bias moved 8 bytes on */
    write_tiny_offsets(path, 11, TINY_DATA - 8, TINY_DATA + 8, TINY_DATA + 8);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    ck_assert_msg(strstr(err->msg, "bytes 376 to 384 of the data buffer belong to no tensor "
                         "(a hole between 'layers.0.norm2.weight' and 'layers.0.norm2.bias')")
                  != NULL, "%s", err->msg);
    /* a hole at the start: in_proj_weight at [392, 488] leaves 0..96 */
    write_tiny_offsets(path, 0, TINY_DATA, TINY_DATA + 96, TINY_DATA + 96);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    ck_assert_msg(strstr(err->msg, "bytes 0 to 96 of the data buffer belong to no tensor")
                  != NULL, "%s", err->msg);
    unlink(path);
    rmdir(dir);
    lc_tmodel_clear(M);
}
END_TEST

/* The reproducer of issue 12: 8.7 MB declaring 256 layers of d_e = 1024,
   d_f = 4096 in F16, every tensor at [0, n]; the old loader allocated the
   model (~77 GB as rationals) before reading and died in the allocator. */
START_TEST(offsets_0_n_in_256_layers_are_refused_before_allocating)
{
    char dir[] = "/tmp/lc-tf-XXXXXX", path[256];
    lc_tmodel_t M;
    lc_err_t err;
    struct stat sb;
    uint64_t rss0 = max_rss();

    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/bomb.safetensors", dir);
    write_model(path, 1024, 4096, 256, "F16", NULL, WM_ALL_AT_ZERO);
    ck_assert(stat(path, &sb) == 0);
    ck_assert(sb.st_size > 8000000 && sb.st_size < 9000000);
    lc_tmodel_init(M);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    ck_assert_msg(strstr(err->msg, "overlap") != NULL, "%s", err->msg);
    ck_assert_msg(max_rss() < rss0 + (UINT64_C(200) << 20), "peak RSS grew by %llu bytes",
                  (unsigned long long) (max_rss() - rss0));
    unlink(path);
    rmdir(dir);
    lc_tmodel_clear(M);
}
END_TEST

/* The same model with conforming offsets: a 6.4 GB (sparse) file whose
   weights are all there, but which as exact rationals would need far more
   than LC_TMODEL_MAX_BYTES -- refused from the header, nothing allocated. */
START_TEST(conforming_model_past_the_memory_limit_is_refused_before_allocating)
{
    char dir[] = "/tmp/lc-tf-XXXXXX", path[256];
    lc_tmodel_t M;
    lc_err_t err;
    lc_tload_opts_t o;
    uint64_t rss0 = max_rss();
    size_t hl;

    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/big.safetensors", dir);
    write_model(path, 1024, 4096, 256, "F16", NULL, WM_CONTIGUOUS);
    lc_tmodel_init(M);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_LIMIT);
    ck_assert_msg(strstr(err->msg, "loading this model (256 layers, d_e = 1024, d_f = 4096) may "
                         "need") != NULL, "%s", err->msg);
    ck_assert(strstr(err->msg, "more than the limit of 1073741824 bytes") != NULL);
    ck_assert_msg(max_rss() < rss0 + (UINT64_C(200) << 20), "peak RSS grew by %llu bytes",
                  (unsigned long long) (max_rss() - rss0));
    unlink(path);

    /* a small model under a small limit; the header's own limit */
    hl = write_model(path, 4, 8, 2, "F32", NULL, WM_CONTIGUOUS);
    lc_tload_opts_init(o);
    o->max_bytes = 100000;
    ck_assert_int_eq(lc_tmodel_load_safetensors(M, path, o, err), LC_E_LIMIT);
    ck_assert_msg(strstr(err->msg, "may need") != NULL, "%s", err->msg);
    o->max_bytes = 97 * hl - 1;
    ck_assert_int_eq(lc_tmodel_load_safetensors(M, path, o, err), LC_E_LIMIT);
    ck_assert_msg(strstr(err->msg, "parsing the header") != NULL, "%s", err->msg);
    o->max_bytes = LC_TMODEL_MAX_BYTES;
    ck_assert_msg(lc_tmodel_load_safetensors(M, path, o, err) == LC_OK, "%s", err->msg);
    ck_assert_int_eq(M->n_t, 2);
    lc_tload_opts_clear(o);
    unlink(path);
    rmdir(dir);
    lc_tmodel_clear(M);
}
END_TEST

/* The estimate is an upper bound: a model whose every value is the worst
   case (float64 2^-1074, a 1075-bit denominator) keeps less memory than the
   bound announced when the limit is set just below what the header needs. */
START_TEST(memory_estimate_bounds_what_loading_keeps)
{
    char dir[] = "/tmp/lc-tf-XXXXXX", path[256];
    const unsigned char tiny_sub[8] = { 1, 0, 0, 0, 0, 0, 0, 0 };
    lc_tmodel_t M;
    lc_err_t err;
    lc_tload_opts_t o;
    unsigned long long bound = 0;
    const char * p;
    size_t hl;
    struct mallinfo2 m0, m1;
    uint64_t used;
    fmpq_t x;

    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/sub.safetensors", dir);
    hl = write_model(path, 32, 64, 2, "F64", tiny_sub, WM_CONTIGUOUS);
    lc_tmodel_init(M);
    lc_tload_opts_init(o);
    o->max_bytes = 97 * hl;
    ck_assert_int_eq(lc_tmodel_load_safetensors(M, path, o, err), LC_E_LIMIT);
    ck_assert((p = strstr(err->msg, "may need ")) != NULL);
    ck_assert(sscanf(p, "may need %llu bytes", &bound) == 1);
    o->max_bytes = LC_TMODEL_MAX_BYTES;
    m0 = mallinfo2();
    ck_assert_msg(lc_tmodel_load_safetensors(M, path, o, err) == LC_OK, "%s", err->msg);
    m1 = mallinfo2();
    fmpq_init(x);
    fmpq_one(x);
    fmpq_div_2exp(x, x, 1074);
    ck_assert(fmpq_equal(fmpq_mat_entry(M->layers[1].W2, 31, 63), x));
    fmpq_clear(x);
    used = (uint64_t) (m1.uordblks + m1.hblkhd) - (uint64_t) (m0.uordblks + m0.hblkhd);
    if (getenv("LC_TEST_VERBOSE") != NULL)
        printf("worst-case F64 model: the bound %llu bytes, kept %llu bytes\n", bound,
               (unsigned long long) used);
    /* mallinfo2 sees nothing under AddressSanitizer's allocator */
    if (m1.uordblks != 0)
        ck_assert_msg(used <= bound, "kept %llu bytes, bound %llu", (unsigned long long) used,
                      bound);
    lc_tload_opts_clear(o);
    unlink(path);
    rmdir(dir);
    lc_tmodel_clear(M);
}
END_TEST

START_TEST(tensor_names_in_messages_are_escaped_and_shortened)
{
    char dir[] = "/tmp/lc-tf-XXXXXX", path[256], hdr[1024], * q, * e;
    lc_tmodel_t M;
    lc_err_t err;
    int len, i;

    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/m.safetensors", dir);
    lc_tmodel_init(M);
    /* ESC [31m, a quote and a backslash, 80 letters, then "END" */
    len = snprintf(hdr, sizeof hdr, "{\"\\u001b[31m'x\\\\%080d-END\":{\"dtype\":\"Q\\u0007\","
                   "\"shape\":[1],\"data_offsets\":[0,1]}}", 0);
    write_file(path, hdr, (size_t) len, "z", 1);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_E_PARSE);
    for (i = 0; err->msg[i] != '\0'; i++)
        ck_assert_msg((unsigned char) err->msg[i] >= 0x20, "raw control byte in: %s", err->msg);
    ck_assert_msg(strstr(err->msg, "tensor '\\x1b[31m\\'x\\\\000000000000..."
                         "000000000000000000000000000000000-END' has "
                         "dtype 'Q\\x07', which the safetensors format does not define") != NULL,
                  "%s", err->msg);
    /* 60 characters between the quotes: the first 20 and the last 37 bytes
       of the name around "...", plus 5 for the escapes of ESC, ' and \ */
    q = strstr(err->msg, "tensor '") + 8;
    e = strstr(q, "' has");
    ck_assert_int_eq((int) (e - q), 60 + 5);
    unlink(path);
    rmdir(dir);
    lc_tmodel_clear(M);
}
END_TEST

/* The rest of the format's rules, on tensors the model never reads. */
START_TEST(header_must_conform_to_the_format)
{
    char dir[] = "/tmp/lc-tf-XXXXXX", path[256];
    lc_tmodel_t M;
    lc_err_t err;
    int i;
    static const struct { const char * hdr; long ndata; int code; const char * must; } cs[] = {
        { "{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"U8\",\"shape\":[2,0],"
          "\"data_offsets\":[0,0]},\"b\":{\"dtype\":\"U8\",\"shape\":[],\"data_offsets\":[0,1]}}   ",
          1, LC_E_ARG, "no layer 0" },  /* conforming: empty and 0-rank tensors, padding */
        { "{\"__metadata__\":{\"n\":1}}", 0, LC_E_PARSE, "__metadata__ entry 'n' is not a string" },
        { "{\"__metadata__\":[]}", 0, LC_E_PARSE, "__metadata__ must be an object" },
        { "{\"a\":{\"dtype\":\"F32\",\"shape\":[3]}}", 0, LC_E_PARSE,
          "tensor 'a': the header entry needs dtype, shape and data_offsets" },
        { "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", 0, LC_E_PARSE,
          "tensor 'a': shape entries must be non-negative integers" },
        { "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8, LC_E_PARSE,
          "tensor 'a': data_offsets [0, 8] hold 8 bytes, but its shape and dtype (3 values of "
          "F32) need 12" },
        { "{\"a\":{\"dtype\":\"F4\",\"shape\":[3],\"data_offsets\":[0,2]}}", 2, LC_E_PARSE,
          "tensor 'a': 3 values of 4 bits are not a whole number of bytes" },
        { "{\"a\":{\"dtype\":\"F4\",\"shape\":[4],\"data_offsets\":[0,2]}}", 2, LC_E_ARG,
          "no layer 0" },
        { "{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[4,8]}}", 4, LC_E_PARSE,
          "tensor 'a': data_offsets [4, 8] reach beyond the data buffer, which has 4 bytes" },
        { "{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[8,4]}}", 8, LC_E_PARSE,
          "data_offsets [8, 4] are not a range" },
        { "{\"a\":{\"dtype\":\"U8\",\"shape\":[4294967296,4294967296,16],\"data_offsets\":[0,4]}}",
          4, LC_E_PARSE, "tensor 'a': its shape has more values than the file could hold" },
        { "{\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}\n", 1, LC_E_PARSE,
          "bytes other than spaces" } };

    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/m.safetensors", dir);
    lc_tmodel_init(M);
    for (i = 0; i < (int) (sizeof cs / sizeof cs[0]); i++)
    {
        char z[16] = { 0 };

        write_file(path, cs[i].hdr, strlen(cs[i].hdr), z, (uint64_t) cs[i].ndata);
        ck_assert_int_eq(try_load(M, path, 1, err), cs[i].code);
        ck_assert_msg(strstr(err->msg, cs[i].must) != NULL, "%d: %s", i, err->msg);
    }
    unlink(path);
    rmdir(dir);
    lc_tmodel_clear(M);
}
END_TEST

/* The fixtures themselves conform (they load), and the loader from memory
   gives the same model as the loader from the file. */
START_TEST(buffer_loader_agrees_with_file_loader)
{
    static const char * fx[] = { "torch_post_relu", "torch_pre_gelu", "torch_pre_relu_causal",
                                 "torch_post_gelu_bf16", "torch_gpt2_causal" };
    char path[4096];
    unsigned char * data = malloc(1 << 16);
    lc_tmodel_t A, B;
    lc_err_t err;
    int i;
    slong t;

    lc_tmodel_init(A);
    lc_tmodel_init(B);
    for (i = 0; i < 5; i++)
    {
        FILE * f;
        size_t n;

        snprintf(path, sizeof path, "%s/tests/fixtures/%s.safetensors", top(), fx[i]);
        f = fopen(path, "rb");
        ck_assert(f != NULL);
        n = fread(data, 1, 1 << 16, f);
        fclose(f);
        ck_assert_msg(try_load(A, path, 2, err) == LC_OK, "%s", err->msg);
        {
            lc_tload_opts_t o;

            lc_tload_opts_init(o);
            o->n_h = 2;
            ck_assert_msg(lc_tmodel_load_safetensors_buffer(B, data, n, fx[i], o, err) == LC_OK,
                          "%s", err->msg);
            /* one byte short: an error naming the buffer */
            ck_assert_int_eq(lc_tmodel_load_safetensors_buffer(B, data, n - 1, fx[i], o, err),
                             LC_E_PARSE);
            ck_assert(strncmp(err->msg, fx[i], strlen(fx[i])) == 0);
            lc_tload_opts_clear(o);
        }
        ck_assert_int_eq(A->n_t, B->n_t);
        ck_assert_int_eq(A->d_e, B->d_e);
        for (t = 0; t < A->n_t; t++)
        {
            ck_assert(fmpq_mat_equal(A->layers[t].Wq, B->layers[t].Wq));
            ck_assert(fmpq_mat_equal(A->layers[t].W2, B->layers[t].W2));
            ck_assert(fmpq_mat_equal(A->layers[t].ln2_b, B->layers[t].ln2_b));
        }
    }
    {
        lc_tload_opts_t o;

        lc_tload_opts_init(o);
        ck_assert_int_eq(lc_tmodel_load_safetensors_buffer(B, NULL, 0, "empty", o, err),
                         LC_E_PARSE);
        ck_assert(strstr(err->msg, "empty: truncated") != NULL);
        lc_tload_opts_clear(o);
    }
    free(data);
    lc_tmodel_clear(A);
    lc_tmodel_clear(B);
}
END_TEST

/* Every file of fuzz_safetensors' seed corpus, and every input that ever
   crashed or hung it (added there as crash-*, oom-*, timeout-*): loaded from
   the file and from memory, the same outcome; ok-* and fixture-* load, all
   others fail with a message. */
START_TEST(fuzz_corpus_files_load_or_fail_cleanly)
{
    char dir[4096], path[8192];
    DIR * d;
    struct dirent * e;
    lc_tmodel_t M;
    lc_err_t err, err2;
    lc_tload_opts_t o;
    int n = 0, st, st2;

    snprintf(dir, sizeof dir, "%s/fuzz/corpus/safetensors", top());
    d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    lc_tmodel_init(M);
    lc_tload_opts_init(o);
    while ((e = readdir(d)) != NULL)
    {
        FILE * f;
        unsigned char * data;
        size_t len;
        struct stat sb;

        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        ck_assert(stat(path, &sb) == 0);
        data = malloc((size_t) sb.st_size + 1);
        f = fopen(path, "rb");
        ck_assert(f != NULL);
        len = fread(data, 1, (size_t) sb.st_size, f);
        fclose(f);
        ck_assert(len == (size_t) sb.st_size);
        st = lc_tmodel_load_safetensors(M, path, o, err);
        st2 = lc_tmodel_load_safetensors_buffer(M, data, len, path, o, err2);
        ck_assert_msg(st == st2, "%s: %d from the file, %d from memory", e->d_name, st, st2);
        if (strncmp(e->d_name, "ok-", 3) == 0 || strncmp(e->d_name, "fixture-", 8) == 0)
            ck_assert_msg(st == LC_OK, "%s: %s", e->d_name, err->msg);
        else
        {
            ck_assert_msg(st != LC_OK, "%s loads", e->d_name);
            ck_assert_msg(strcmp(err->msg, err2->msg) == 0, "%s: '%s' and '%s'", e->d_name,
                          err->msg, err2->msg);
            ck_assert(strlen(err->msg) > strlen(path) + 2);
        }
        free(data);
        n++;
    }
    closedir(d);
    ck_assert_int_ge(n, 40);
    lc_tload_opts_clear(o);
    lc_tmodel_clear(M);
}
END_TEST

int
main(void)
{
    Suite * s = suite_create("transformer");
    TCase * tc = tcase_create("transformer");
    SRunner * sr;
    int failed;

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, torch_outputs_lie_within_1e_12_of_the_enclosure);
    tcase_add_test(tc, wrong_norm_order_or_missing_mask_disagrees_with_torch);
    tcase_add_test(tc, layer_norm_of_1_2_3_4_is_minus3_minus1_1_3_over_sqrt5);
    tcase_add_test(tc, activations_are_certified_on_balls);
    tcase_add_test(tc, zero_weights_prenorm_is_the_identity);
    tcase_add_test(tc, one_token_attention_passes_the_value_through);
    tcase_add_test(tc, causal_mask_hides_later_tokens);
    tcase_add_test(tc, post_norm_and_pre_norm_differ);
    tcase_add_test(tc, radius_falls_from_64_to_1024_bits);
    tcase_add_test(tc, bad_sizes_and_inputs_are_errors);
    tcase_add_test(tc, ieee_values_decode_exactly);
    tcase_add_test(tc, bad_files_get_clear_errors);
    tcase_add_test(tc, fuzzed_fixture_files_never_crash);
    tcase_add_test(tc, directory_is_refused_as_not_a_regular_file);
    tcase_add_test(tc, fifo_and_devices_are_refused_without_blocking);
    tcase_add_test(tc, text_file_bytes_are_never_echoed);
    tcase_add_test(tc, overlapping_offsets_are_refused);
    tcase_add_test(tc, unused_bytes_are_refused);
    tcase_add_test(tc, offsets_0_n_in_256_layers_are_refused_before_allocating);
    tcase_add_test(tc, conforming_model_past_the_memory_limit_is_refused_before_allocating);
    tcase_add_test(tc, memory_estimate_bounds_what_loading_keeps);
    tcase_add_test(tc, tensor_names_in_messages_are_escaped_and_shortened);
    tcase_add_test(tc, header_must_conform_to_the_format);
    tcase_add_test(tc, buffer_loader_agrees_with_file_loader);
    tcase_add_test(tc, fuzz_corpus_files_load_or_fail_cleanly);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
