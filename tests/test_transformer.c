/* test_transformer.c -- the certified transformer against PyTorch (the
 * committed fixture tests/fixtures/torch_cases.txt, written by
 * torch_make_fixture.py) and against values known from the mathematics:
 * layer norm of a known vector, Phi(1), identities of zero-weight and
 * one-token models, causality.  Never against liecheck's own output. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
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
        int bytes = strcmp(es[k].dtype, "F64") == 0 ? 8 : strcmp(es[k].dtype, "F32") == 0 ? 4 : 2;
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
    ent es[NE];
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
    write_st(path, es, NE, ",\"x\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,99999]}", 0);
    ck_assert_int_eq(try_load(M, path, 1, err), LC_OK);      /* unused tensors are not read */
    /* a tensor of a later layer without its layer 1 */
    write_st(path, es, NE, ",\"layers.2.norm1.weight\":{\"dtype\":\"F64\",\"shape\":[2],"
             "\"data_offsets\":[0,16]}", 0);
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
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
