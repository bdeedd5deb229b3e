/* lie.c -- Lie closures, derived and lower central series over Q.
 *
 * Every subspace is discovered modulo a prime p and then certified over Q.
 * Integer vectors that are independent mod p are independent over Q (a
 * non-zero minor mod p is non-zero), so the dimension found mod p is a lower
 * bound; the exact reduced echelon form of the kept vectors, together with an
 * exact check that every vector dropped mod p lies in their span, makes it
 * exact.  An unlucky prime only makes the check fail, and the work is
 * repeated with the next prime: finitely many primes are unlucky. */
#include <stdint.h>
#include <string.h>
#include "lie_util.h"
#include "limit.h"

/* How many primes to try before the exact computation without primes takes
   over (each failure needs p to divide a specific non-zero integer, so more
   than one failure is already rare). */
#define LC_LIE_MAX_PRIMES 4

/* ------------------------------------------------------------- vector lists */

void
lc_vlist_init(lc_vlist_struct * l, slong N)
{
    l->v = NULL;
    l->len = l->alloc = 0;
    l->N = N;
}

void
lc_vlist_clear(lc_vlist_struct * l)
{
    slong i;
    for (i = 0; i < l->len; i++)
        _fmpz_vec_clear(l->v[i], l->N);
    flint_free(l->v);
    l->v = NULL;
    l->len = l->alloc = 0;
}

void
lc_vlist_push(lc_vlist_struct * l, const fmpz * x)
{
    if (l->len == l->alloc)
    {
        l->alloc = FLINT_MAX(16, 2 * l->alloc);
        l->v = flint_realloc(l->v, l->alloc * sizeof(fmpz *));
    }
    l->v[l->len] = _fmpz_vec_init(l->N);
    _fmpz_vec_set(l->v[l->len], x, l->N);
    l->len++;
}

/* ----------------------------------------------------------------- brackets */

void
lc_brk_init(lc_brk_struct * w, slong n)
{
    w->n = n;
    fmpz_mat_init(w->A, n, n);
    fmpz_mat_init(w->B, n, n);
    fmpz_mat_init(w->AB, n, n);
    fmpz_mat_init(w->BA, n, n);
}

void
lc_brk_clear(lc_brk_struct * w)
{
    fmpz_mat_clear(w->A);
    fmpz_mat_clear(w->B);
    fmpz_mat_clear(w->AB);
    fmpz_mat_clear(w->BA);
}

void
lc_brk_vec(fmpz * out, const fmpz * a, const fmpz * b, lc_brk_struct * w)
{
    slong i, j, n = w->n;

    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            fmpz_set(fmpz_mat_entry(w->A, i, j), a + i * n + j);
            fmpz_set(fmpz_mat_entry(w->B, i, j), b + i * n + j);
        }
    fmpz_mat_mul(w->AB, w->A, w->B);
    fmpz_mat_mul(w->BA, w->B, w->A);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            fmpz_sub(out + i * n + j, fmpz_mat_entry(w->AB, i, j), fmpz_mat_entry(w->BA, i, j));
}

/* ------------------------------------------- semi-echelon spans modulo p */

/* Row i is normalised (1 at piv[i]) and vanishes at piv[j] for j < i, so a
   single pass in insertion order reduces a vector against the span. */
typedef struct
{
    slong N, rank, alloc;
    nmod_t mod;
    mp_limb_t * rows;
    slong * piv;
    mp_limb_t * tmp;
}
spanp_struct;

static void
spanp_init(spanp_struct * S, slong N, mp_limb_t p)
{
    S->N = N;
    S->rank = 0;
    S->alloc = 0;
    nmod_init(&S->mod, p);
    S->rows = NULL;
    S->piv = NULL;
    S->tmp = _nmod_vec_init(N);
}

static void
spanp_clear(spanp_struct * S)
{
    flint_free(S->rows);
    flint_free(S->piv);
    _nmod_vec_clear(S->tmp);
}

/* Reduce v in place; return the index of its first non-zero entry, or -1. */
static slong
spanp_reduce(const spanp_struct * S, mp_limb_t * v)
{
    slong i, N = S->N;

    for (i = 0; i < S->rank; i++)
    {
        mp_limb_t c = v[S->piv[i]];
        if (c != 0)
            _nmod_vec_scalar_addmul_nmod(v, S->rows + i * N, N, nmod_neg(c, S->mod), S->mod);
    }
    for (i = 0; i < N; i++)
        if (v[i] != 0)
            return i;
    return -1;
}

static void
spanp_insert(spanp_struct * S, const mp_limb_t * v, slong pivot)
{
    slong N = S->N;

    if (S->rank == S->alloc)
    {
        S->alloc = FLINT_MAX(8, 2 * S->alloc);
        S->alloc = FLINT_MIN(S->alloc, N);
        S->rows = flint_realloc(S->rows, S->alloc * N * sizeof(mp_limb_t));
        S->piv = flint_realloc(S->piv, S->alloc * sizeof(slong));
    }
    _nmod_vec_scalar_mul_nmod(S->rows + S->rank * N, v, N,
                              n_invmod(v[pivot], S->mod.n), S->mod);
    S->piv[S->rank++] = pivot;
}

/* Add the integer vector x to the span if it is new mod p; return whether. */
static int
spanp_add_fmpz(spanp_struct * S, const fmpz * x)
{
    slong pivot;

    _fmpz_vec_get_nmod_vec(S->tmp, x, S->N, S->mod);
    pivot = spanp_reduce(S, S->tmp);
    if (pivot < 0)
        return 0;
    spanp_insert(S, S->tmp, pivot);
    return 1;
}

/* The two innermost loops (brackets and reductions mod p) are plain
   multiply-adds of 32-bit numbers into 64-bit words; GCC vectorises them
   only when asked to at -O2. */
#if defined(__GNUC__) && !defined(__clang__)
#define LC_HOT __attribute__((optimize("tree-vectorize")))
#else
#define LC_HOT
#endif

/* A subspace of F_p^d in reduced echelon form, stored by its values on the
   non-pivot columns only.  Row i has 1 at pcol[i], 0 at the other pivot
   columns, and R[i * d + t] at the non-pivot column qcol[t] (t < r).
   Reducing a vector costs rank x r operations instead of rank x d: once the
   span is nearly complete (r small) the many dependent brackets of a series
   step are cheap to recognise. */
typedef struct
{
    slong d, rank, r;
    nmod_t mod;
    slong * pcol, * qcol;
    mp_limb_t * R, * cq;
    ulong * acc;
}
rspan_struct;

static void
rspan_init(rspan_struct * S, slong d, mp_limb_t p)
{
    slong t;

    S->d = d;
    S->rank = 0;
    S->r = d;
    nmod_init(&S->mod, p);
    S->pcol = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
    S->qcol = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
    for (t = 0; t < d; t++)
        S->qcol[t] = t;
    S->R = NULL;
    S->cq = flint_malloc(FLINT_MAX(d, 1) * sizeof(mp_limb_t));
    S->acc = flint_malloc(FLINT_MAX(d, 1) * sizeof(ulong));
}

static void
rspan_clear(rspan_struct * S)
{
    flint_free(S->pcol);
    flint_free(S->qcol);
    flint_free(S->R);
    flint_free(S->cq);
    flint_free(S->acc);
}

/* Whether the vector c (length d, entries in [0, p)) is outside the span;
   if so, add it. */
LC_HOT static int
rspan_add(rspan_struct * S, const mp_limb_t * c)
{
    slong i, t, t0, r = S->r, d = S->d;
    mp_limb_t * cq = S->cq, inv;

    if (r == 0)
        return 0;
    if (S->mod.n >= (UWORD(1) << 28))
    {
        for (t = 0; t < r; t++)
            cq[t] = c[S->qcol[t]];
        for (i = 0; i < S->rank; i++)
        {
            mp_limb_t x = c[S->pcol[i]];
            if (x != 0)
                _nmod_vec_scalar_addmul_nmod(cq, S->R + i * d, r, nmod_neg(x, S->mod), S->mod);
        }
    }
    else
    /* cq := c[Q] - sum_i c[p_i] R_i, accumulated without reduction: terms
       are below p^2 < 2^56, so 255 of them fit in a word. */
    {
        ulong * acc = S->acc;
        slong pending = 0;

        for (t = 0; t < r; t++)
            acc[t] = c[S->qcol[t]];
        for (i = 0; i < S->rank; i++)
        {
            ulong x = c[S->pcol[i]];
            if (x != 0)
            {
                const mp_limb_t * Ri = S->R + i * d;
                x = S->mod.n - x;
                for (t = 0; t < r; t++)
                    acc[t] += (ulong) (uint32_t) x * (uint32_t) Ri[t];
                if (++pending == 255)
                {
                    for (t = 0; t < r; t++)
                        NMOD_RED2(acc[t], UWORD(0), acc[t], S->mod);
                    pending = 0;
                }
            }
        }
        for (t = 0; t < r; t++)
            NMOD_RED2(cq[t], UWORD(0), acc[t], S->mod);
    }
    for (t0 = 0; t0 < r && cq[t0] == 0; t0++)
        ;
    if (t0 == r)
        return 0;

    /* New pivot column qcol[t0]: normalise, clear it from the other rows,
       then move the last non-pivot column into its place. */
    if (S->R == NULL)
        S->R = flint_malloc(FLINT_MAX(d, 1) * d * sizeof(mp_limb_t));
    inv = n_invmod(cq[t0], S->mod.n);
    _nmod_vec_scalar_mul_nmod(cq, cq, r, inv, S->mod);
    for (i = 0; i < S->rank; i++)
    {
        mp_limb_t y = S->R[i * d + t0];
        if (y != 0)
            _nmod_vec_scalar_addmul_nmod(S->R + i * d, cq, r, nmod_neg(y, S->mod), S->mod);
    }
    _nmod_vec_set(S->R + S->rank * d, cq, r);
    S->pcol[S->rank] = S->qcol[t0];
    S->rank++;
    for (i = 0; i < S->rank; i++)
        S->R[i * d + t0] = S->R[i * d + r - 1];
    S->qcol[t0] = S->qcol[r - 1];
    S->r = r - 1;
    return 1;
}

/* ------------------------------------------------ blocked insertion mod p */

/* How many candidate vectors rspan_add_batch takes at once, and the block
   sizes of its product kernel (a k-chunk of at most 255 products per word
   before a reduction; KC x TB words of the right factor stay in L2). */
#define LC_RSPAN_BATCH 64
#define LC_MM_MB 64
#define LC_MM_KC 240
#define LC_MM_TB 128

/* a[t] += sum_j xs[j] Bp[j][t] for t < tn, j < cnt (cnt <= 255 - the
   products already in a): every factor below 2^28, so each product is below
   2^56 and the sums stay in a word.  The factors sit in the low halves of
   64-bit words, which is what the x86 instruction pmuludq multiplies (one
   instruction per two or four products); four rows of B are added per
   pass over a. */
static void
lazy_rows_generic(ulong * a, const mp_limb_t * const * Bp, const ulong * xs, slong cnt, slong tn)
{
    slong j, t;

    for (j = 0; j < cnt; j++)
        for (t = 0; t < tn; t++)
            a[t] += (ulong) (uint32_t) xs[j] * (uint32_t) Bp[j][t];
}

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define LC_LAZY_X86 1

static void
lazy_rows_sse2(ulong * a, const mp_limb_t * const * Bp, const ulong * xs, slong cnt, slong tn)
{
    slong j = 0, t, t2 = tn & ~WORD(1);

    for (; j + 4 <= cnt; j += 4)
    {
        const __m128i x0 = _mm_set1_epi64x(xs[j]), x1 = _mm_set1_epi64x(xs[j + 1]);
        const __m128i x2 = _mm_set1_epi64x(xs[j + 2]), x3 = _mm_set1_epi64x(xs[j + 3]);
        const mp_limb_t * b0 = Bp[j], * b1 = Bp[j + 1], * b2 = Bp[j + 2], * b3 = Bp[j + 3];

        for (t = 0; t < t2; t += 2)
        {
            __m128i s = _mm_loadu_si128((const __m128i *) (a + t));
            __m128i u = _mm_mul_epu32(x0, _mm_loadu_si128((const __m128i *) (b0 + t)));
            __m128i v = _mm_mul_epu32(x1, _mm_loadu_si128((const __m128i *) (b1 + t)));
            u = _mm_add_epi64(u, _mm_mul_epu32(x2, _mm_loadu_si128((const __m128i *) (b2 + t))));
            v = _mm_add_epi64(v, _mm_mul_epu32(x3, _mm_loadu_si128((const __m128i *) (b3 + t))));
            _mm_storeu_si128((__m128i *) (a + t), _mm_add_epi64(s, _mm_add_epi64(u, v)));
        }
        for (; t < tn; t++)
            a[t] += xs[j] * b0[t] + xs[j + 1] * b1[t] + xs[j + 2] * b2[t] + xs[j + 3] * b3[t];
    }
    lazy_rows_generic(a, Bp + j, xs + j, cnt - j, tn);
}

__attribute__((target("avx2"))) static void
lazy_rows_avx2(ulong * a, const mp_limb_t * const * Bp, const ulong * xs, slong cnt, slong tn)
{
    slong j = 0, t, t4 = tn & ~WORD(3);

    for (; j + 4 <= cnt; j += 4)
    {
        const __m256i x0 = _mm256_set1_epi64x(xs[j]), x1 = _mm256_set1_epi64x(xs[j + 1]);
        const __m256i x2 = _mm256_set1_epi64x(xs[j + 2]), x3 = _mm256_set1_epi64x(xs[j + 3]);
        const mp_limb_t * b0 = Bp[j], * b1 = Bp[j + 1], * b2 = Bp[j + 2], * b3 = Bp[j + 3];

        for (t = 0; t < t4; t += 4)
        {
            __m256i s = _mm256_loadu_si256((const __m256i *) (a + t));
            __m256i u = _mm256_mul_epu32(x0, _mm256_loadu_si256((const __m256i *) (b0 + t)));
            __m256i v = _mm256_mul_epu32(x1, _mm256_loadu_si256((const __m256i *) (b1 + t)));
            u = _mm256_add_epi64(u, _mm256_mul_epu32(x2, _mm256_loadu_si256((const __m256i *) (b2 + t))));
            v = _mm256_add_epi64(v, _mm256_mul_epu32(x3, _mm256_loadu_si256((const __m256i *) (b3 + t))));
            _mm256_storeu_si256((__m256i *) (a + t), _mm256_add_epi64(s, _mm256_add_epi64(u, v)));
        }
        for (; t < tn; t++)
            a[t] += xs[j] * b0[t] + xs[j + 1] * b1[t] + xs[j + 2] * b2[t] + xs[j + 3] * b3[t];
    }
    lazy_rows_generic(a, Bp + j, xs + j, cnt - j, tn);
}
#endif

typedef void (* lazy_rows_fn)(ulong *, const mp_limb_t * const *, const ulong *, slong, slong);

static lazy_rows_fn
lazy_rows_choose(void)
{
#ifdef LC_LAZY_X86
    if (__builtin_cpu_supports("avx2"))
        return lazy_rows_avx2;
    return lazy_rows_sse2;
#else
    return lazy_rows_generic;
#endif
}

/* O[i, t] := (O[i, t] + sum_j A[i, j] B[j, t]) mod p for i < m, t < nc,
   with row strides lda, ldb, ldo; all entries in [0, p), p < 2^28.  Each
   product is below 2^56, so up to 255 of them (plus a reduced value)
   accumulate in a word before one reduction.  Zero entries of A are
   skipped (the triangular and nilpotent cases are sparse).  Blocked so
   that a KC x TB block of B stays in cache while MB rows use it. */
static void
lazy_addmul(mp_limb_t * O, slong ldo, const mp_limb_t * A, slong lda,
            const mp_limb_t * B, slong ldb, slong m, slong k, slong nc, nmod_t mod)
{
    const lazy_rows_fn rows = lazy_rows_choose();
    ulong acc[LC_MM_MB * LC_MM_TB] __attribute__((aligned(32)));
    ulong xs[LC_MM_KC];
    const mp_limb_t * Bp[LC_MM_KC];
    slong i0, t0, j0, i, j, t;

    for (t0 = 0; t0 < nc; t0 += LC_MM_TB)
    {
        slong tn = FLINT_MIN(LC_MM_TB, nc - t0);

        for (i0 = 0; i0 < m; i0 += LC_MM_MB)
        {
            slong mn = FLINT_MIN(LC_MM_MB, m - i0);

            for (i = 0; i < mn; i++)
                for (t = 0; t < tn; t++)
                    acc[i * LC_MM_TB + t] = O[(i0 + i) * ldo + t0 + t];
            for (j0 = 0; j0 < k; j0 += LC_MM_KC)
            {
                slong jn = FLINT_MIN(LC_MM_KC, k - j0);

                for (i = 0; i < mn; i++)
                {
                    ulong * a = acc + i * LC_MM_TB;
                    const mp_limb_t * Ai = A + (i0 + i) * lda + j0;
                    slong cnt = 0;

                    for (j = 0; j < jn; j++)
                        if (Ai[j] != 0)
                        {
                            xs[cnt] = Ai[j];
                            Bp[cnt++] = B + (j0 + j) * ldb + t0;
                        }
                    if (cnt == 0)
                        continue;
                    rows(a, Bp, xs, cnt, tn);
                    for (t = 0; t < tn; t++)
                        NMOD_RED2(a[t], UWORD(0), a[t], mod);
                }
            }
            for (i = 0; i < mn; i++)
                for (t = 0; t < tn; t++)
                    O[(i0 + i) * ldo + t0 + t] = acc[i * LC_MM_TB + t];
        }
    }
}

/* Offer the vectors C + b * ldc (b < nb; length d, entries in [0, p)) in
   order, as nb calls of rspan_add would: flags[b] := whether vector b was
   outside the span of the earlier ones and was added.  Stops after the
   vector that completes the span (rank d); returns how many vectors were
   processed.  The result is that of the calls one by one (independence of
   a vector from the earlier ones does not depend on how the span is
   stored); only the pivot columns chosen may differ.  For p < 2^28 the
   work is blocked: the whole batch is reduced against the span with one
   product, the batch is eliminated within itself, and its k new rows are
   cleared from the old rows with a second product (rank x k x r), instead
   of rank x r operations per vector and per insertion. */
static slong
rspan_add_batch(rspan_struct * S, const mp_limb_t * C, slong ldc, slong nb, char * flags)
{
    slong b, i, j, t, k = 0, d = S->d, r = S->r, rank = S->rank, done = nb;
    mp_limb_t * W, * A, * coef;
    slong * newt;
    nmod_t mod = S->mod;

    if (S->mod.n >= (UWORD(1) << 28) || nb == 1)
    {
        for (b = 0; b < nb; b++)
        {
            if (S->rank == d)
                return b;
            flags[b] = rspan_add(S, C + b * ldc);
        }
        return nb;
    }
    if (r == 0)
        return 0;
    if (S->R == NULL)
        S->R = flint_malloc(FLINT_MAX(d, 1) * d * sizeof(mp_limb_t));

    /* W := C[:, Q] - C[:, P] R, the batch reduced against the span. */
    W = flint_malloc(nb * r * sizeof(mp_limb_t));
    A = flint_malloc(nb * FLINT_MAX(FLINT_MAX(rank, nb), 1) * sizeof(mp_limb_t));
    coef = flint_malloc(nb * sizeof(mp_limb_t));
    newt = flint_malloc(nb * sizeof(slong));
    for (b = 0; b < nb; b++)
    {
        for (t = 0; t < r; t++)
            W[b * r + t] = C[b * ldc + S->qcol[t]];
        for (i = 0; i < rank; i++)
            A[b * rank + i] = nmod_neg(C[b * ldc + S->pcol[i]], mod);
    }
    if (rank > 0)
        lazy_addmul(W, r, A, rank, S->R, d, nb, rank, r, mod);

    /* Within the batch: the new rows N_j (at rows rank + j of R, length r)
       are normalised at their pivots newt[j] and vanish at the others, so
       a vector is reduced by them in one pass with its own coefficients. */
    for (b = 0; b < nb; b++)
    {
        mp_limb_t * v = W + b * r, inv;
        slong t0;

        if (k > 0)
        {
            for (j = 0; j < k; j++)
                coef[j] = nmod_neg(v[newt[j]], mod);
            lazy_addmul(v, r, coef, k, S->R + rank * d, d, 1, k, r, mod);
        }
        for (t0 = 0; t0 < r && v[t0] == 0; t0++)
            ;
        flags[b] = (t0 < r);
        if (t0 == r)
            continue;
        inv = n_invmod(v[t0], mod.n);
        _nmod_vec_scalar_mul_nmod(v, v, r, inv, mod);
        for (j = 0; j < k; j++)
        {
            mp_limb_t y = S->R[(rank + j) * d + t0];
            if (y != 0)
                _nmod_vec_scalar_addmul_nmod(S->R + (rank + j) * d, v, r, nmod_neg(y, mod), mod);
        }
        _nmod_vec_set(S->R + (rank + k) * d, v, r);
        newt[k++] = t0;
        if (rank + k == d)
        {
            done = b + 1;
            break;
        }
    }

    if (k > 0)
    {
        /* Clear the new pivot columns from the old rows: R_old -= R_old[:, newt] N. */
        if (rank > 0)
        {
            mp_limb_t * A2 = flint_malloc(rank * k * sizeof(mp_limb_t));

            for (i = 0; i < rank; i++)
                for (j = 0; j < k; j++)
                    A2[i * k + j] = nmod_neg(S->R[i * d + newt[j]], mod);
            lazy_addmul(S->R, d, A2, k, S->R + rank * d, d, rank, k, r, mod);
            flint_free(A2);
        }
        for (j = 0; j < k; j++)
            S->pcol[rank + j] = S->qcol[newt[j]];
        rank += k;
        /* Drop the new pivot columns from Q, largest first: the last column
           moves into each one's place. */
        for (j = 1; j < k; j++)
        {
            slong x = newt[j], l;
            for (l = j; l > 0 && newt[l - 1] < x; l--)
                newt[l] = newt[l - 1];
            newt[l] = x;
        }
        for (j = 0; j < k; j++)
        {
            t = newt[j];
            if (t != r - 1)
            {
                for (i = 0; i < rank; i++)
                    S->R[i * d + t] = S->R[i * d + r - 1];
                S->qcol[t] = S->qcol[r - 1];
            }
            r--;
        }
        S->rank = rank;
        S->r = r;
    }
    flint_free(W);
    flint_free(A);
    flint_free(coef);
    flint_free(newt);
    return done;
}

mp_limb_t
_lc_lie_prime(slong attempt)
{
    /* A fixed sequence of primes keeps every run reproducible.  They are
       below 2^28 (as those of the series, but others), so that the span
       mod p takes the blocked route of rspan_add_batch. */
    return n_nextprime((UWORD(1) << 27) + UWORD(1000003) * (ulong) (13 * attempt + 7), 1);
}

/* ---------------------------------------------------------------- the algebra */

void
lc_lie_init(lc_lie_t L)
{
    L->n = 0;
    L->dim = 0;
    fmpz_mat_init(L->rref, 0, 0);
    fmpz_init_set_ui(L->den, 1);
    L->pivots = NULL;
    fmpz_mat_init(L->gens, 0, 0);
}

void
lc_lie_clear(lc_lie_t L)
{
    fmpz_mat_clear(L->rref);
    fmpz_clear(L->den);
    flint_free(L->pivots);
    fmpz_mat_clear(L->gens);
}

void
lc_lie_reset(lc_lie_t L, slong n, slong d)
{
    fmpz_mat_clear(L->rref);
    fmpz_mat_init(L->rref, d, n * n);
    fmpz_one(L->den);
    flint_free(L->pivots);
    L->pivots = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
    L->n = n;
    L->dim = d;
    fmpz_mat_clear(L->gens);
    fmpz_mat_init(L->gens, 0, n * n);
}

void
lc_lie_set(lc_lie_t L, const lc_lie_t M)
{
    if (L == M)
        return;
    lc_lie_reset(L, M->n, M->dim);
    fmpz_mat_set(L->rref, M->rref);
    fmpz_set(L->den, M->den);
    memcpy(L->pivots, M->pivots, M->dim * sizeof(slong));
    fmpz_mat_clear(L->gens);
    fmpz_mat_init_set(L->gens, M->gens);
}

/* Exact reduced echelon form of the rows of V (k x N) into L. */
static void rref_lowest_terms(fmpz_mat_t R, fmpz_t den);

void
lc_lie_set_rows(lc_lie_t L, slong n, const fmpz_mat_t V)
{
    slong N = n * n, i, j, r;
    fmpz_mat_t R;

    fmpz_mat_init(R, fmpz_mat_nrows(V), N);
    r = fmpz_mat_rref(R, L->den, V);
    rref_lowest_terms(R, L->den);
    {
        fmpz_t den;
        fmpz_init_set(den, L->den);
        lc_lie_reset(L, n, r);
        fmpz_set(L->den, den);
        fmpz_clear(den);
    }
    for (i = 0; i < r; i++)
    {
        for (j = 0; j < N; j++)
            fmpz_set(fmpz_mat_entry(L->rref, i, j), fmpz_mat_entry(R, i, j));
        for (j = 0; fmpz_is_zero(fmpz_mat_entry(R, i, j)); j++)
            ;
        L->pivots[i] = j;
    }
    if (r == 0)
        fmpz_one(L->den);
    fmpz_mat_clear(R);
}

static void
set_gens(lc_lie_t L, const lc_vlist_struct * G)
{
    slong i, j;

    fmpz_mat_clear(L->gens);
    fmpz_mat_init(L->gens, G->len, G->N);
    for (i = 0; i < G->len; i++)
        for (j = 0; j < G->N; j++)
            fmpz_set(fmpz_mat_entry(L->gens, i, j), G->v[i] + j);
}

void
lc_lie_primitive_row(fmpz * out, const lc_lie_t L, slong i)
{
    slong j, N = L->n * L->n;
    fmpz_t c;

    fmpz_init(c);
    for (j = 0; j < N; j++)
        fmpz_set(out + j, fmpz_mat_entry(L->rref, i, j));
    _fmpz_vec_content(c, out, N);
    if (!fmpz_is_zero(c) && !fmpz_is_one(c))
        _fmpz_vec_scalar_divexact_fmpz(out, out, N, c);
    fmpz_clear(c);
}

/* Divide rref and den by their common content: fmpz_mat_rref returns a
   fraction-free form whose denominator can be thousands of bits larger than
   the subspace needs (12828 against 60 bits for a term of the derived series
   of a nilpotent algebra), and every later product pays for it. */
static void
rref_lowest_terms(fmpz_mat_t R, fmpz_t den)
{
    fmpz_t g;

    fmpz_init(g);
    fmpz_mat_content(g, R);
    fmpz_gcd(g, g, den);
    if (!fmpz_is_zero(g) && !fmpz_is_one(g))
    {
        fmpz_mat_scalar_divexact_fmpz(R, R, g);
        fmpz_divexact(den, den, g);
    }
    if (fmpz_sgn(den) < 0)
    {
        fmpz_neg(den, den);
        fmpz_mat_neg(R, R);
    }
    fmpz_clear(g);
}

/* L := span(W), exactly, given that W is independent mod p; return 1 when
   every vector of C lies in that span, 0 when one does not (unlucky prime).
   All linear algebra runs on the support of W (the columns where some vector
   of W is non-zero; a vector of C with an entry elsewhere is outside the
   span): for triangular and other structured algebras that is a fraction of
   the n^2 columns, and the reduced echelon form is zero on the rest. */
static int
certify(lc_lie_t L, slong n, const lc_vlist_struct * W, const lc_vlist_struct * C)
{
    slong N = n * n, d = W->len, m = C->len, i, j, s = 0;
    fmpz_mat_t Wm, Cm, CP, X, R;
    slong * col;
    char * on;
    int ok = 1;

    lc_lie_reset(L, n, d);
    if (d == N)
    {
        /* Independent and as many as the whole space: the span is Q^N. */
        fmpz_mat_one(L->rref);
        for (i = 0; i < d; i++)
            L->pivots[i] = i;
        return 1;
    }

    on = flint_calloc(FLINT_MAX(N, 1), 1);
    col = flint_malloc(FLINT_MAX(N, 1) * sizeof(slong));
    for (i = 0; i < d; i++)
        for (j = 0; j < N; j++)
            if (!fmpz_is_zero(W->v[i] + j))
                on[j] = 1;
    for (j = 0; j < N; j++)
        if (on[j])
            col[s++] = j;
    for (i = 0; ok && i < m; i++)
        for (j = 0; ok && j < N; j++)
            if (!on[j] && !fmpz_is_zero(C->v[i] + j))
                ok = 0;

    fmpz_mat_init(Wm, d, s);
    fmpz_mat_init(R, d, s);
    for (i = 0; i < d; i++)
        for (j = 0; j < s; j++)
            fmpz_set(fmpz_mat_entry(Wm, i, j), W->v[i] + col[j]);
    if (ok && fmpz_mat_rref(R, L->den, Wm) != d)
        ok = 0;    /* cannot happen for vectors independent mod p */
    rref_lowest_terms(R, L->den);
    fmpz_mat_clear(Wm);
    for (i = 0; ok && i < d; i++)
    {
        for (j = 0; fmpz_is_zero(fmpz_mat_entry(R, i, j)); j++)
            ;
        L->pivots[i] = col[j];
        for (j = 0; j < s; j++)
            fmpz_set(fmpz_mat_entry(L->rref, i, col[j]), fmpz_mat_entry(R, i, j));
    }

    if (ok && m > 0)
    {
        /* c lies in span(E) with E = rref/den reduced iff c = sum_i c[piv_i] E_i,
           i.e. den * C == C[:, pivots] * rref, an exact integer identity (on
           the support; C vanishes elsewhere). */
        fmpz_mat_init(Cm, m, s);
        fmpz_mat_init(CP, m, d);
        fmpz_mat_init(X, m, s);
        for (i = 0; i < m; i++)
        {
            for (j = 0; j < s; j++)
                fmpz_set(fmpz_mat_entry(Cm, i, j), C->v[i] + col[j]);
            for (j = 0; j < d; j++)
                fmpz_set(fmpz_mat_entry(CP, i, j), C->v[i] + L->pivots[j]);
        }
        if (d > 0)
            fmpz_mat_mul(X, CP, R);
        fmpz_mat_scalar_mul_fmpz(Cm, Cm, L->den);
        ok = fmpz_mat_equal(X, Cm);
        fmpz_mat_clear(Cm);
        fmpz_mat_clear(CP);
        fmpz_mat_clear(X);
    }
    fmpz_mat_clear(R);
    flint_free(on);
    flint_free(col);
    return ok;
}

/* ------------------------------------------------------------ the closure */

typedef struct
{
    slong n, N;
    rspan_struct S;
    mp_limb_t * xm;
    lc_vlist_struct words, dropped, gens;
    slong * done;      /* done[i]: generators already bracketed with word i */
    lc_brk_struct ws;
    fmpz * qf;         /* brackets queued for the span, exactly */
    mp_limb_t * qm;    /* and mod p */
    slong nq;
}
closure_struct;

static void
closure_init(closure_struct * cl, slong n, mp_limb_t p)
{
    cl->n = n;
    cl->N = n * n;
    rspan_init(&cl->S, cl->N, p);
    cl->xm = _nmod_vec_init(cl->N);
    lc_vlist_init(&cl->words, cl->N);
    lc_vlist_init(&cl->dropped, cl->N);
    lc_vlist_init(&cl->gens, cl->N);
    cl->done = flint_calloc(cl->N + 1, sizeof(slong));
    lc_brk_init(&cl->ws, n);
    cl->qf = _fmpz_vec_init(LC_RSPAN_BATCH * cl->N);
    cl->qm = _nmod_vec_init(LC_RSPAN_BATCH * cl->N);
    cl->nq = 0;
}

static void
closure_clear(closure_struct * cl)
{
    rspan_clear(&cl->S);
    _nmod_vec_clear(cl->xm);
    lc_vlist_clear(&cl->words);
    lc_vlist_clear(&cl->dropped);
    lc_vlist_clear(&cl->gens);
    flint_free(cl->done);
    lc_brk_clear(&cl->ws);
    _fmpz_vec_clear(cl->qf, LC_RSPAN_BATCH * cl->N);
    _nmod_vec_clear(cl->qm);
}

static void
closure_offer(closure_struct * cl, const fmpz * x)
{
    _fmpz_vec_get_nmod_vec(cl->xm, x, cl->N, cl->S.mod);
    if (rspan_add(&cl->S, cl->xm))
        lc_vlist_push(&cl->words, x);
    else if (!_fmpz_vec_is_zero(x, cl->N))
        lc_vlist_push(&cl->dropped, x);
}

/* Offer the queued brackets to the span at once, in order. */
static void
closure_flush(closure_struct * cl)
{
    char flags[LC_RSPAN_BATCH];
    slong q, done = rspan_add_batch(&cl->S, cl->qm, cl->N, cl->nq, flags);

    for (q = 0; q < done; q++)
    {
        const fmpz * x = cl->qf + q * cl->N;

        if (flags[q])
            lc_vlist_push(&cl->words, x);
        else if (!_fmpz_vec_is_zero(x, cl->N))
            lc_vlist_push(&cl->dropped, x);
    }
    cl->nq = 0;
}

/* Bracket every word with every generator it has not met yet.  The span of
   the words then contains the generators and is closed under ad(g) for each
   generator g (mod p; certify() makes it exact), hence it is the closure.
   The brackets are queued and offered LC_RSPAN_BATCH at a time, in the
   order of one at a time (a word's brackets only once the word is known),
   so the words and dropped brackets are the same. */
static int
closure_saturate(closure_struct * cl, slong max_dim, lc_err_t err)
{
    slong i = 0, N = cl->N;

    for (;;)
    {
        int st;

        if (cl->S.rank == N)
        {
            cl->nq = 0;
            return LC_OK;   /* everything is in already */
        }
        if (i == cl->words.len || cl->nq == LC_RSPAN_BATCH)
        {
            if (cl->nq == 0)
                return LC_OK;
            closure_flush(cl);
            if (cl->words.len > max_dim)
                return lc_err_set(err, LC_E_LIMIT,
                    "the Lie closure exceeds the dimension limit %ld", (long) max_dim);
            continue;
        }
        if (cl->done[i] == cl->gens.len)
        {
            i++;
            continue;
        }
        if ((st = lc_limit_check(err)) != LC_OK)
        {
            cl->nq = 0;
            return st;
        }
        lc_brk_vec(cl->qf + cl->nq * N, cl->gens.v[cl->done[i]], cl->words.v[i], &cl->ws);
        _fmpz_vec_get_nmod_vec(cl->qm + cl->nq * N, cl->qf + cl->nq * N, N, cl->S.mod);
        cl->done[i]++;
        cl->nq++;
    }
}

static void
closure_add_gen(closure_struct * cl, const fmpz * g)
{
    lc_vlist_push(&cl->gens, g);
    closure_offer(cl, g);
}

void
lc_lie_int_vec(fmpz * out, const fmpq_mat_t A)
{
    slong i, j, n = fmpq_mat_nrows(A), m = fmpq_mat_ncols(A);
    fmpz_t l, c;

    fmpz_init_set_ui(l, 1);
    fmpz_init(c);
    for (i = 0; i < n; i++)
        for (j = 0; j < m; j++)
            fmpz_lcm(l, l, fmpq_denref(fmpq_mat_entry(A, i, j)));
    for (i = 0; i < n; i++)
        for (j = 0; j < m; j++)
        {
            fmpz_divexact(c, l, fmpq_denref(fmpq_mat_entry(A, i, j)));
            fmpz_mul(out + i * m + j, c, fmpq_numref(fmpq_mat_entry(A, i, j)));
        }
    fmpz_clear(l);
    fmpz_clear(c);
}

/* Primitive integer vector (row-major) of a rational matrix. */
static void
primitive_vec(fmpz * out, const fmpq_mat_t A)
{
    slong N = fmpq_mat_nrows(A) * fmpq_mat_ncols(A);
    fmpz_t c;

    fmpz_init(c);
    lc_lie_int_vec(out, A);
    _fmpz_vec_content(c, out, N);
    if (!fmpz_is_zero(c) && !fmpz_is_one(c))
        _fmpz_vec_scalar_divexact_fmpz(out, out, N, c);
    fmpz_clear(c);
}

static int
check_gens(const fmpq_mat_struct * gens, slong ngens, const char * who, lc_err_t err)
{
    slong i, n;

    if (ngens < 1)
        return lc_err_set(err, LC_E_ARG, "%s: no generators given", who);
    n = fmpq_mat_nrows(gens + 0);
    for (i = 0; i < ngens; i++)
    {
        if (!fmpq_mat_is_square(gens + i))
            return lc_err_set(err, LC_E_DIM, "%s: generator %ld is %ldx%ld, not square", who,
                              (long) i + 1, (long) fmpq_mat_nrows(gens + i),
                              (long) fmpq_mat_ncols(gens + i));
        if (fmpq_mat_nrows(gens + i) != n)
            return lc_err_set(err, LC_E_DIM,
                              "%s: generators of different sizes (%ldx%ld and %ldx%ld)", who,
                              (long) n, (long) n, (long) fmpq_mat_nrows(gens + i),
                              (long) fmpq_mat_nrows(gens + i));
    }
    if (n < 1)
        return lc_err_set(err, LC_E_DIM, "%s: generators must be at least 1x1", who);
    if (n > LC_LIE_MAX_N)
        return lc_err_set(err, LC_E_LIMIT, "%s: matrices of size %ld exceed the limit %d",
                          who, (long) n, LC_LIE_MAX_N);
    return LC_OK;
}

/* M := the vectors of A followed by those of B, as rows. */
static void
stack_rows(fmpz_mat_t M, const lc_vlist_struct * A, const lc_vlist_struct * B)
{
    slong i, j, N = A->N, r = A->len + (B ? B->len : 0);

    fmpz_mat_clear(M);
    fmpz_mat_init(M, r, N);
    for (i = 0; i < r; i++)
    {
        const fmpz * x = (i < A->len) ? A->v[i] : B->v[i - A->len];
        for (j = 0; j < N; j++)
            fmpz_set(fmpz_mat_entry(M, i, j), x + j);
    }
}

/* The exact Lie closure, with no prime: breadth first, one exact rank
   profile per level (the pivot columns of the reduced echelon form of the
   transpose are the earliest independent rows).  The fallback for inputs
   that defeat every prime tried; slower, never wrong. */
static int
closure_exact(lc_lie_t L, slong n, const lc_vlist_struct * gens, slong max_dim, lc_err_t err)
{
    slong N = n * n, i, j, r, start;
    lc_vlist_struct words, cand;
    lc_brk_struct ws;
    fmpz_mat_t M, T, R;
    fmpz_t den;
    fmpz * t = _fmpz_vec_init(N);
    int status = LC_OK;

    lc_vlist_init(&words, N);
    lc_vlist_init(&cand, N);
    lc_brk_init(&ws, n);
    fmpz_mat_init(M, 0, 0);
    fmpz_init(den);
    for (i = 0; i < gens->len; i++)
        lc_vlist_push(&cand, gens->v[i]);
    while (cand.len > 0 && words.len < N)
    {
        if ((status = lc_limit_check(err)) != LC_OK)
            break;
        stack_rows(M, &words, &cand);
        fmpz_mat_init(T, N, fmpz_mat_nrows(M));
        fmpz_mat_init(R, N, fmpz_mat_nrows(M));
        fmpz_mat_transpose(T, M);
        r = fmpz_mat_rref(R, den, T);
        start = words.len;
        for (i = 0, j = 0; i < r; i++)
        {
            while (fmpz_is_zero(fmpz_mat_entry(R, i, j)))
                j++;
            if (j >= start)
                lc_vlist_push(&words, cand.v[j - start]);
        }
        fmpz_mat_clear(T);
        fmpz_mat_clear(R);
        if (words.len > max_dim)
        {
            status = lc_err_set(err, LC_E_LIMIT,
                "the Lie closure exceeds the dimension limit %ld", (long) max_dim);
            break;
        }
        lc_vlist_clear(&cand);
        lc_vlist_init(&cand, N);
        for (i = start; i < words.len; i++)
            for (j = 0; j < gens->len; j++)
            {
                lc_brk_vec(t, gens->v[j], words.v[i], &ws);
                if (!_fmpz_vec_is_zero(t, N))
                    lc_vlist_push(&cand, t);
            }
    }
    if (status == LC_OK)
    {
        stack_rows(M, &words, NULL);
        lc_lie_set_rows(L, n, M);
        set_gens(L, gens);
    }
    fmpz_mat_clear(M);
    fmpz_clear(den);
    lc_brk_clear(&ws);
    lc_vlist_clear(&words);
    lc_vlist_clear(&cand);
    _fmpz_vec_clear(t, N);
    return status;
}

int
_lc_lie_closure_primes(lc_lie_t L, const fmpq_mat_struct * gens, slong ngens,
                       slong max_dim, mp_limb_t first_prime, lc_err_t err)
{
    slong n, N, i, attempt;
    fmpz * g;
    lc_vlist_struct G;
    int status;

    if ((status = check_gens(gens, ngens, "lie", err)) != LC_OK)
        return status;
    n = fmpq_mat_nrows(gens + 0);
    N = n * n;
    if (max_dim <= 0 || max_dim > N)
        max_dim = N;

    g = _fmpz_vec_init(N);
    lc_vlist_init(&G, N);
    for (i = 0; i < ngens; i++)
    {
        primitive_vec(g, gens + i);
        if (!_fmpz_vec_is_zero(g, N))
            lc_vlist_push(&G, g);
    }
    for (attempt = (first_prime == 1) ? LC_LIE_MAX_PRIMES : 0;
         attempt < LC_LIE_MAX_PRIMES; attempt++)
    {
        closure_struct cl;
        mp_limb_t p = (attempt == 0 && first_prime != 0) ? first_prime : _lc_lie_prime(attempt);

        closure_init(&cl, n, p);
        for (i = 0; i < G.len; i++)
            closure_add_gen(&cl, G.v[i]);
        status = closure_saturate(&cl, max_dim, err);
        if (status == LC_OK && certify(L, n, &cl.words, &cl.dropped))
        {
            set_gens(L, &cl.gens);
            closure_clear(&cl);
            break;
        }
        closure_clear(&cl);
        if (status != LC_OK)
            break;
    }
    if (status == LC_OK && attempt == LC_LIE_MAX_PRIMES)
        status = closure_exact(L, n, &G, max_dim, err);
    _fmpz_vec_clear(g, N);
    lc_vlist_clear(&G);
    if (status != LC_OK)
        lc_lie_reset(L, n, 0);
    return status;
}

int
lc_lie_closure(lc_lie_t L, const fmpq_mat_struct * gens, slong ngens,
               slong max_dim, lc_err_t err)
{
    return _lc_lie_closure_primes(L, gens, ngens, max_dim, 0, err);
}

int
lc_lie_bracket(fmpq_mat_t C, const fmpq_mat_t A, const fmpq_mat_t B, lc_err_t err)
{
    fmpq_mat_t T;

    if (!fmpq_mat_is_square(A) || !fmpq_mat_is_square(B) ||
        fmpq_mat_nrows(A) != fmpq_mat_nrows(B))
        return lc_err_set(err, LC_E_DIM,
                          "bracket needs square matrices of one size, got %ldx%ld and %ldx%ld",
                          (long) fmpq_mat_nrows(A), (long) fmpq_mat_ncols(A),
                          (long) fmpq_mat_nrows(B), (long) fmpq_mat_ncols(B));
    fmpq_mat_init(T, fmpq_mat_nrows(A), fmpq_mat_nrows(A));
    lc_qmat_resize(C, fmpq_mat_nrows(A), fmpq_mat_nrows(A));
    fmpq_mat_mul(C, A, B);
    fmpq_mat_mul(T, B, A);
    fmpq_mat_sub(C, C, T);
    fmpq_mat_clear(T);
    return LC_OK;
}

/* -------------------------------------------- generators of a subalgebra */

/* Reproducible small pseudo-random coefficients in [-3, 3]. */
static slong
small_coeff(ulong * state)
{
    *state = *state * UWORD(6364136223846793005) + UWORD(1442695040888963407);
    return (slong) ((*state >> 33) % 7) - 3;
}

/* Bracket of two vectors mod p, via n x n matrices. */
typedef struct
{
    slong n;
    nmod_mat_t A, B, AB, BA;
}
brkp_struct;

static void
brkp_vec(mp_limb_t * out, const mp_limb_t * a, const mp_limb_t * b, brkp_struct * w, nmod_t mod)
{
    slong i, j, n = w->n;

    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
        {
            nmod_mat_entry(w->A, i, j) = a[i * n + j];
            nmod_mat_entry(w->B, i, j) = b[i * n + j];
        }
    nmod_mat_mul(w->AB, w->A, w->B);
    nmod_mat_mul(w->BA, w->B, w->A);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            out[i * n + j] = nmod_sub(nmod_mat_entry(w->AB, i, j),
                                      nmod_mat_entry(w->BA, i, j), mod);
}

/* Set D->gens to a small Lie generating set of the subalgebra D.  Two random
   combinations of the basis generate a semisimple algebra; basis rows that
   their closure misses are added.  No exact check is needed: the closure of
   elements of D lies in D, and reaching dim D independent vectors mod p
   proves it is all of D. */
static void
find_gens(lc_lie_t D)
{
    slong n = D->n, N = n * n, d = D->dim, i, j, k, attempt;
    lc_vlist_struct B, G;
    fmpz * h;
    ulong state = UWORD(0x9E3779B97F4A7C15) ^ (ulong) d;

    lc_vlist_init(&B, N);
    lc_vlist_init(&G, N);
    h = _fmpz_vec_init(N);
    for (i = 0; i < d; i++)
    {
        lc_lie_primitive_row(h, D, i);
        lc_vlist_push(&B, h);
    }
    if (d <= 2)
    {
        set_gens(D, &B);
        goto cleanup;
    }

    for (attempt = 0; attempt < LC_LIE_MAX_PRIMES; attempt++)
    {
        spanp_struct S;
        brkp_struct w;
        mp_limb_t ** gp = flint_malloc((d + 2) * sizeof(mp_limb_t *));
        slong * done = flint_calloc(d + 1, sizeof(slong));
        mp_limb_t * v = _nmod_vec_init(N);
        slong ng = 0, next_basis = 0;

        spanp_init(&S, N, _lc_lie_prime(attempt));
        w.n = n;
        nmod_mat_init(w.A, n, n, S.mod.n);
        nmod_mat_init(w.B, n, n, S.mod.n);
        nmod_mat_init(w.AB, n, n, S.mod.n);
        nmod_mat_init(w.BA, n, n, S.mod.n);
        for (i = 0; i < G.len; i++)
            _fmpz_vec_clear(G.v[i], N);
        G.len = 0;

        while (S.rank < d && ng < d + 2)
        {
            /* Choose the next generator: two random combinations first, then
               basis rows that are not yet in the closure. */
            if (ng < 2)
            {
                _fmpz_vec_zero(h, N);
                for (k = 0; k < d; k++)
                    _fmpz_vec_scalar_addmul_si(h, B.v[k], N, small_coeff(&state));
            }
            else
            {
                for (; next_basis < d; next_basis++)
                {
                    _fmpz_vec_get_nmod_vec(v, B.v[next_basis], N, S.mod);
                    if (spanp_reduce(&S, v) >= 0)
                        break;
                }
                if (next_basis == d)
                    break;
                _fmpz_vec_set(h, B.v[next_basis++], N);
            }
            if (_fmpz_vec_is_zero(h, N))
                continue;
            lc_vlist_push(&G, h);
            gp[ng] = _nmod_vec_init(N);
            _fmpz_vec_get_nmod_vec(gp[ng], h, N, S.mod);
            ng++;
            _nmod_vec_set(v, gp[ng - 1], N);
            if ((k = spanp_reduce(&S, v)) >= 0)
                spanp_insert(&S, v, k);
            /* Saturate: bracket every echelon row with every generator. */
            for (i = 0; i < S.rank && S.rank < d; i++)
                while (done[i] < ng && S.rank < d)
                {
                    lc_limit_poll();    /* void: a stop unwinds (lib/limit) */
                    brkp_vec(v, gp[done[i]], S.rows + i * N, &w, S.mod);
                    done[i]++;
                    if ((k = spanp_reduce(&S, v)) >= 0)
                        spanp_insert(&S, v, k);
                }
        }
        j = S.rank;
        for (i = 0; i < ng; i++)
            _nmod_vec_clear(gp[i]);
        flint_free(gp);
        flint_free(done);
        _nmod_vec_clear(v);
        nmod_mat_clear(w.A);
        nmod_mat_clear(w.B);
        nmod_mat_clear(w.AB);
        nmod_mat_clear(w.BA);
        spanp_clear(&S);
        if (j == d)
            break;
    }
    if (attempt == LC_LIE_MAX_PRIMES)
        set_gens(D, &B);   /* the basis always generates */
    else
        set_gens(D, &G);

cleanup:
    _fmpz_vec_clear(h, N);
    lc_vlist_clear(&B);
    lc_vlist_clear(&G);
}

/* C := [L, I] = span{[g, x] : g a generator of L, x a basis vector of I},
   valid for an ideal I of L.  want_gens: also find generators of C. */
static void
bracket_ideal(lc_lie_t C, const lc_lie_t L, const lc_lie_t I, int want_gens)
{
    slong n = L->n, N = n * n, i, j, attempt;
    lc_vlist_struct B, W, X;
    lc_brk_struct ws;
    fmpz * t;
    lc_lie_t R;

    lc_lie_init(R);
    lc_vlist_init(&B, N);
    t = _fmpz_vec_init(N);
    lc_brk_init(&ws, n);
    for (i = 0; i < I->dim; i++)
    {
        lc_lie_primitive_row(t, I, i);
        lc_vlist_push(&B, t);
    }
    for (attempt = 0; attempt < LC_LIE_MAX_PRIMES; attempt++)
    {
        spanp_struct S;
        int ok;

        spanp_init(&S, N, _lc_lie_prime(attempt));
        lc_vlist_init(&W, N);
        lc_vlist_init(&X, N);
        for (i = 0; i < fmpz_mat_nrows(L->gens); i++)
            for (j = 0; j < B.len; j++)
            {
                lc_limit_poll();    /* void: a stop unwinds (lib/limit) */
                lc_brk_vec(t, fmpz_mat_entry(L->gens, i, 0), B.v[j], &ws);
                if (S.rank < N && spanp_add_fmpz(&S, t))
                    lc_vlist_push(&W, t);
                else if (S.rank < N && !_fmpz_vec_is_zero(t, N))
                    lc_vlist_push(&X, t);
            }
        ok = certify(R, n, &W, &X);
        spanp_clear(&S);
        lc_vlist_clear(&W);
        lc_vlist_clear(&X);
        if (ok)
            break;
    }
    if (attempt == LC_LIE_MAX_PRIMES)
    {
        /* Every prime was unlucky (contrived input): do it exactly. */
        fmpz_mat_t M;

        lc_vlist_init(&W, N);
        for (i = 0; i < fmpz_mat_nrows(L->gens); i++)
            for (j = 0; j < B.len; j++)
            {
                lc_brk_vec(t, fmpz_mat_entry(L->gens, i, 0), B.v[j], &ws);
                lc_vlist_push(&W, t);
            }
        fmpz_mat_init(M, 0, 0);
        stack_rows(M, &W, NULL);
        lc_lie_set_rows(R, n, M);
        fmpz_mat_clear(M);
        lc_vlist_clear(&W);
    }
    if (want_gens)
        find_gens(R);
    lc_lie_set(C, R);
    lc_lie_clear(R);
    lc_brk_clear(&ws);
    _fmpz_vec_clear(t, N);
    lc_vlist_clear(&B);
}

/* fmpz_mat_entry(L->gens, i, 0) is the start of row i: rows of an fmpz_mat
   are contiguous in every FLINT version. */

void
lc_lie_derived(lc_lie_t D, const lc_lie_t L)
{
    bracket_ideal(D, L, L, 1);
}

void
lc_lie_bracket_ideal(lc_lie_t C, const lc_lie_t L, const lc_lie_t I)
{
    bracket_ideal(C, L, I, 1);
}

/* The dimensions of a series that starts at L and goes on by
   term -> [term, term] (derived) or term -> [L, term] (lower central), up to
   and including the first term that is 0 or equal to its predecessor. */
slong
_lc_lie_series_classic(slong * dims, const lc_lie_t L, int derived)
{
    lc_lie_t cur, next;
    slong len = 1;

    lc_lie_init(cur);
    lc_lie_init(next);
    lc_lie_set(cur, L);
    dims[0] = L->dim;
    while (cur->dim > 0)
    {
        /* A term of the derived series needs its own generators for the next
           step; the lower central series brackets with L's generators. */
        bracket_ideal(next, derived ? cur : L, cur, derived);
        dims[len++] = next->dim;
        if (next->dim == cur->dim)
            break;
        {
            lc_lie_struct tmp = *cur;
            *cur = *next;
            *next = tmp;
        }
    }
    lc_lie_clear(cur);
    lc_lie_clear(next);
    return len;
}

/* ------------------------------------- series on bases of exact brackets */

/* The terms of both series are spans of brackets, and only their dimensions
   are wanted.  A term T is kept as a list W of integer vectors that is a basis
   of T over Q, with columns piv such that W[:, piv] is non-singular: the
   brackets themselves, whose entries stay small, and never a reduced echelon
   form, whose entries are ratios of large minors.  Every next term lies in T,
   and the projection onto the columns piv is injective on T, so all linear
   algebra runs on vectors of length dim T instead of n^2.

   A step [A, T] (A = L for the lower central series, A = T for the derived
   series, G generators of A) brackets every generator with every basis
   vector modulo a prime below 2^28 and keeps the brackets that are
   independent mod p: they are independent over Q, which bounds the dimension
   from below.  The bound from above is certified in one of three ways:
     - the rank equals dim T: the next term lies in T, so it is T;
     - the rank is dim T - 1 and T has an element of non-zero trace: brackets
       have trace 0, so the next term lies in the hyperplane T cap sl(n);
     - otherwise exactly: with P the pivot columns of the kept brackets K and
       Q the other columns of T, X = K[:, P]^-1 K[:, Q] (one exact
       non-singular solve with dim T - rank right-hand sides), and every
       dropped bracket c must satisfy c[Q] = c[P] X, an integer identity
       after clearing the denominator.  A bracket c lies in T, and on T the
       coordinates P determine the rest, so this proves c in span K.
   An unlucky prime only makes the identity fail; the step is then repeated
   with the next prime, and after LC_LIE_MAX_PRIMES failures the whole series
   is computed by _lc_lie_series_classic (echelon forms).  The first term is
   a basis of words (brackets of L's generators) from a closure modulo p:
   dim L independent vectors inside L are a basis of L. */

typedef struct
{
    lc_vlist_struct W;   /* exact basis vectors, length n^2 */
    slong * piv;         /* W[:, piv] is non-singular (piv[i]: a column) */
}
sterm_struct;

static void
sterm_init(sterm_struct * T, slong N)
{
    lc_vlist_init(&T->W, N);
    T->piv = NULL;
}

static void
sterm_clear(sterm_struct * T)
{
    lc_vlist_clear(&T->W);
    flint_free(T->piv);
    T->piv = NULL;
}

static void
sterm_swap(sterm_struct * A, sterm_struct * B)
{
    sterm_struct t = *A;
    *A = *B;
    *B = t;
}

/* Primes below 2^28, so that a bracket of n x n matrices (n <= 64) mod p
   accumulates its 2n products per entry in one word: 2n (p - 1)^2 < 2^64. */
mp_limb_t
_lc_lie_series_prime(slong attempt)
{
    return n_nextprime((UWORD(1) << 27) + UWORD(1000003) * (ulong) (13 * attempt + 1), 1);
}

/* lh[k], lh[n + k]: the range of the non-zero entries of row k of the n x n
   matrix a (lo > hi for a zero row). */
static void
row_ranges(slong * lh, const mp_limb_t * a, slong n)
{
    slong k, j;

    for (k = 0; k < n; k++)
    {
        for (j = 0; j < n && a[k * n + j] == 0; j++)
            ;
        lh[k] = j;
        for (j = n - 1; j >= lh[k] && a[k * n + j] == 0; j--)
            ;
        lh[n + k] = j;
    }
}

/* out := [a, b] mod p, for row-major n x n matrices with entries in [0, p),
   p < 2^28, whose row ranges (row_ranges) are ra and rb; acc is scratch of
   n^2 words.  Zero entries and the zero ends of rows are skipped, which
   makes brackets of triangular matrices about three times cheaper. */
LC_HOT static void
brk_small(mp_limb_t * out, const mp_limb_t * a, const mp_limb_t * b, slong n,
          const slong * ra, const slong * rb, nmod_t mod, ulong * acc)
{
    slong i, j, k, N = n * n;

    for (i = 0; i < N; i++)
        acc[i] = 0;
    for (i = 0; i < n; i++)
    {
        ulong * r = acc + i * n;
        for (k = 0; k < n; k++)
        {
            ulong x = a[i * n + k], y = b[i * n + k];
            if (x != 0)
            {
                const mp_limb_t * bk = b + k * n;
                for (j = rb[k]; j <= rb[n + k]; j++)
                    r[j] += (ulong) (uint32_t) x * (uint32_t) bk[j];
            }
            if (y != 0)
            {
                const mp_limb_t * ak = a + k * n;
                y = mod.n - y;
                for (j = ra[k]; j <= ra[n + k]; j++)
                    r[j] += (ulong) (uint32_t) y * (uint32_t) ak[j];
            }
        }
    }
    for (i = 0; i < N; i++)
        NMOD_RED2(out[i], UWORD(0), acc[i], mod);   /* NMOD_RED shifts an int 0: UB */
}

/* out := [a, b] exactly (out may not alias): by FLINT's matrix products
   when a has many non-zero entries, else by loops that skip zero entries
   (triangular and sparse brackets). */
static void
brk_exact(fmpz * out, const fmpz * a, const fmpz * b, slong n)
{
    slong i, j, k, nz = 0;

    for (i = 0; i < n * n; i++)
        nz += !fmpz_is_zero(a + i);
    if (n >= 8 && 4 * nz > 3 * n * n)
    {
        lc_brk_struct ws;
        lc_brk_init(&ws, n);
        lc_brk_vec(out, a, b, &ws);
        lc_brk_clear(&ws);
        return;
    }

    _fmpz_vec_zero(out, n * n);
    for (i = 0; i < n; i++)
        for (k = 0; k < n; k++)
        {
            const fmpz * x = a + i * n + k, * y = b + i * n + k;
            if (!fmpz_is_zero(x))
                for (j = 0; j < n; j++)
                    if (!fmpz_is_zero(b + k * n + j))
                        fmpz_addmul(out + i * n + j, x, b + k * n + j);
            if (!fmpz_is_zero(y))
                for (j = 0; j < n; j++)
                    if (!fmpz_is_zero(a + k * n + j))
                        fmpz_submul(out + i * n + j, y, a + k * n + j);
        }
}

static void
vlist_get_nmod(mp_limb_t * out, const lc_vlist_struct * V, nmod_t mod)
{
    slong i;
    for (i = 0; i < V->len; i++)
        _fmpz_vec_get_nmod_vec(out + i * V->N, V->v[i], V->N, mod);
}

/* The first term: words of L's generators from a closure mod p, when they
   reach dim L; otherwise L's primitive echelon rows (always a basis, with
   the echelon pivots).  Echelon rows are taken when they are small anyway
   (gl(n) and other algebras spanned by matrix units). */
static void
sterm_first(sterm_struct * T, const lc_lie_t L, const lc_vlist_struct * G, mp_limb_t p)
{
    slong n = L->n, N = n * n, i, bits = fmpz_bits(L->den);
    fmpz * t = _fmpz_vec_init(N);

    for (i = 0; i < L->dim; i++)
        bits = FLINT_MAX(bits, FLINT_ABS(_fmpz_vec_max_bits(fmpz_mat_entry(L->rref, i, 0), N)));
    if (bits > 8 && G->len > 0)
    {
        closure_struct cl;
        int st;

        closure_init(&cl, n, p);
        for (i = 0; i < G->len; i++)
            closure_add_gen(&cl, G->v[i]);
        st = closure_saturate(&cl, N, NULL);
        if (st == LC_OK && cl.words.len == L->dim)
        {
            T->piv = flint_malloc(FLINT_MAX(L->dim, 1) * sizeof(slong));
            for (i = 0; i < L->dim; i++)
            {
                lc_vlist_push(&T->W, cl.words.v[i]);
                T->piv[i] = cl.S.pcol[i];
            }
            closure_clear(&cl);
            _fmpz_vec_clear(t, N);
            return;
        }
        closure_clear(&cl);
        if (st != LC_OK)
            lc_limit_poll();    /* a stop or a limit: unwinds (lib/limit) */
    }
    T->piv = flint_malloc(FLINT_MAX(L->dim, 1) * sizeof(slong));
    for (i = 0; i < L->dim; i++)
    {
        lc_lie_primitive_row(t, L, i);
        lc_vlist_push(&T->W, t);
        T->piv[i] = L->pivots[i];
    }
    _fmpz_vec_clear(t, N);
}

/* Whether some basis vector of T has non-zero trace. */
static int
sterm_has_trace(const sterm_struct * T, slong n)
{
    slong i, j;
    fmpz_t s;
    int r = 0;

    fmpz_init(s);
    for (i = 0; i < T->W.len && !r; i++)
    {
        fmpz_zero(s);
        for (j = 0; j < n; j++)
            fmpz_add(s, s, T->W.v[i] + j * n + j);
        r = !fmpz_is_zero(s);
    }
    fmpz_clear(s);
    return r;
}

/* c := the entry (i, j) of [a, b], exactly. */
static void
brk_entry(fmpz_t c, const fmpz * a, const fmpz * b, slong n, slong ij)
{
    slong i = ij / n, j = ij % n, k;

    fmpz_zero(c);
    for (k = 0; k < n; k++)
    {
        if (!fmpz_is_zero(a + i * n + k) && !fmpz_is_zero(b + k * n + j))
            fmpz_addmul(c, a + i * n + k, b + k * n + j);
        if (!fmpz_is_zero(b + i * n + k) && !fmpz_is_zero(a + k * n + j))
            fmpz_submul(c, b + i * n + k, a + k * n + j);
    }
}

/* The end of a step [A, T] (see above): the brackets [G[c / d], Bv[c % d]]
   for the codes c in kept (independent mod p, with pivots Sp->pcol) and in
   dropped, where Bv is a basis of T (d = dim T vectors) and G generates A.
   next := span of the kept brackets; returns 1 when that is certified to be
   the span of all of them, 0 when p was unlucky. */
static int
step_finish(sterm_struct * next, const sterm_struct * T, const lc_vlist_struct * G,
            const lc_vlist_struct * Bv, const slong * kept, slong nk,
            const slong * dropped, slong nd, const rspan_struct * Sp, int stalled, slong n)
{
    slong N = n * n, d = T->W.len, i, j, b, r;
    const rspan_struct S = *Sp;
    int ok = 1;
    fmpz * t = _fmpz_vec_init(N);

    sterm_clear(next);
    sterm_init(next, N);
    if (stalled)
    {
        /* rank dim T, and [A, T] lies in T: the next term is T. */
        next->piv = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
        for (i = 0; i < d; i++)
        {
            lc_vlist_push(&next->W, T->W.v[i]);
            next->piv[i] = T->piv[i];
        }
        goto cleanup;
    }

    /* The kept brackets, exactly; K[:, next->piv] is non-singular mod p. */
    next->piv = flint_malloc(FLINT_MAX(nk, 1) * sizeof(slong));
    for (i = 0; i < nk; i++)
    {
        brk_exact(t, G->v[kept[i] / d], Bv->v[kept[i] % d], n);
        lc_vlist_push(&next->W, t);
        next->piv[i] = T->piv[S.pcol[i]];
    }
    if (nk == d - 1 && sterm_has_trace(T, n))
        goto cleanup;   /* the trace bound */

    r = d - nk;
    if (nk == 0)
    {
        /* Every bracket must vanish; on T the coordinates piv decide. */
        for (i = 0; i < nd && ok; i++)
            for (j = 0; j < d && ok; j++)
            {
                brk_entry(t, G->v[dropped[i] / d], Bv->v[dropped[i] % d], n, T->piv[j]);
                ok = fmpz_is_zero(t);
            }
    }
    else
    {
        fmpz_mat_t A, B, X;
        fmpz_t den, s, u;
        slong * qcol = flint_malloc(r * sizeof(slong));
        slong * used = flint_malloc(nk * sizeof(slong)), nused = 0;
        char * isp = flint_calloc(d, 1);
        fmpz * cp = _fmpz_vec_init(nk);

        for (i = 0; i < nk; i++)
            isp[S.pcol[i]] = 1;
        for (i = 0, j = 0; i < d; i++)
            if (!isp[i])
                qcol[j++] = T->piv[i];
        fmpz_init(den);
        fmpz_init(s);
        fmpz_init(u);
        fmpz_mat_init(A, nk, nk);
        fmpz_mat_init(B, nk, r);
        fmpz_mat_init(X, nk, r);
        for (i = 0; i < nk; i++)
        {
            for (j = 0; j < nk; j++)
                fmpz_set(fmpz_mat_entry(A, i, j), next->W.v[i] + next->piv[j]);
            for (j = 0; j < r; j++)
                fmpz_set(fmpz_mat_entry(B, i, j), next->W.v[i] + qcol[j]);
        }
        ok = fmpz_mat_solve(X, den, A, B);
        /* Only the pivot coordinates that X uses are needed. */
        for (i = 0; i < nk; i++)
            for (j = 0; j < r; j++)
                if (!fmpz_is_zero(fmpz_mat_entry(X, i, j)))
                {
                    used[nused++] = i;
                    break;
                }
        /* Each dropped bracket c: den c[q_j] = sum_i c[p_i] X[i, j]. */
        for (b = 0; ok && b < nd; b++)
        {
            const fmpz * g = G->v[dropped[b] / d], * w = Bv->v[dropped[b] % d];

            lc_limit_poll();
            for (i = 0; i < nused; i++)
                brk_entry(cp + used[i], g, w, n, next->piv[used[i]]);
            for (j = 0; ok && j < r; j++)
            {
                fmpz_zero(s);
                for (i = 0; i < nused; i++)
                    if (!fmpz_is_zero(fmpz_mat_entry(X, used[i], j)))
                        fmpz_addmul(s, cp + used[i], fmpz_mat_entry(X, used[i], j));
                brk_entry(u, g, w, n, qcol[j]);
                fmpz_mul(u, u, den);
                ok = fmpz_equal(s, u);
            }
        }
        fmpz_mat_clear(A);
        fmpz_mat_clear(B);
        fmpz_mat_clear(X);
        fmpz_clear(den);
        fmpz_clear(s);
        fmpz_clear(u);
        _fmpz_vec_clear(cp, nk);
        flint_free(qcol);
        flint_free(used);
        flint_free(isp);
    }

cleanup:
    _fmpz_vec_clear(t, N);
    return ok;
}

/* next := [A, T] for A generated by G with [A, T] inside T (the lower
   central series: A = L).  Returns 1 when next is certified, 0 when the
   prime p was unlucky. */
static int
series_step(sterm_struct * next, const sterm_struct * T, const lc_vlist_struct * G,
            slong n, mp_limb_t p)
{
    slong N = n * n, d = T->W.len, ng = G->len, j, a, b, nk = 0, nd = 0, c, q, nq, done;
    char flags[LC_RSPAN_BATCH];
    nmod_t mod;
    rspan_struct S;
    mp_limb_t * Tm, * Gm, * full, * proj;
    ulong * acc;
    slong * kept, * dropped, * rT, * rG;
    int ok, stalled = 0;

    nmod_init(&mod, p);
    rspan_init(&S, d, p);
    Tm = flint_malloc(FLINT_MAX(d, 1) * N * sizeof(mp_limb_t));
    Gm = flint_malloc(FLINT_MAX(ng, 1) * N * sizeof(mp_limb_t));
    full = flint_malloc(N * sizeof(mp_limb_t));
    proj = flint_malloc(LC_RSPAN_BATCH * FLINT_MAX(d, 1) * sizeof(mp_limb_t));
    acc = flint_malloc((N + 4 * n) * sizeof(ulong));
    kept = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
    dropped = flint_malloc(FLINT_MAX(ng * d, 1) * sizeof(slong));
    vlist_get_nmod(Tm, &T->W, mod);
    vlist_get_nmod(Gm, G, mod);
    rT = flint_malloc(FLINT_MAX(d, 1) * 2 * n * sizeof(slong));
    rG = flint_malloc(FLINT_MAX(ng, 1) * 2 * n * sizeof(slong));
    for (b = 0; b < d; b++)
        row_ranges(rT + b * 2 * n, Tm + b * N, n);
    for (a = 0; a < ng; a++)
        row_ranges(rG + a * 2 * n, Gm + a * N, n);

    /* The brackets in order, offered LC_RSPAN_BATCH at a time (the same
       kept and dropped brackets as one at a time). */
    for (c = 0; c < ng * d && !stalled; c += nq)
    {
        nq = FLINT_MIN(LC_RSPAN_BATCH, ng * d - c);
        for (q = 0; q < nq; q++)
        {
            a = (c + q) / d;
            b = (c + q) % d;
            lc_limit_poll();    /* void: a stop unwinds (lib/limit) */
            brk_small(full, Gm + a * N, Tm + b * N, n, rG + a * 2 * n, rT + b * 2 * n, mod, acc);
            for (j = 0; j < d; j++)
                proj[q * d + j] = full[T->piv[j]];
        }
        done = rspan_add_batch(&S, proj, d, nq, flags);
        for (q = 0; q < done; q++)
        {
            if (flags[q])
                kept[nk++] = c + q;
            else
                dropped[nd++] = c + q;
        }
        if (S.rank == d)
            stalled = 1;
    }
    ok = step_finish(next, T, G, &T->W, kept, nk, dropped, nd, &S, stalled, n);
    flint_free(rT);
    flint_free(rG);
    rspan_clear(&S);
    flint_free(Tm);
    flint_free(Gm);
    flint_free(full);
    flint_free(proj);
    flint_free(acc);
    flint_free(kept);
    flint_free(dropped);
    return ok;
}

/* next := [T, T].  One closure mod p finds generators G of T (two random
   combinations of the basis, then basis vectors that the closure misses)
   and a basis of words (brackets of generators, independent mod p: dim T of
   them inside T are a basis over Q); meanwhile every bracket [g, word] goes
   into a second span, which is then [T, T] = span{[g, x] : g in G, x in a
   basis}.  Returns 1 when next is certified, 0 when p was unlucky. */
static int
derived_step(sterm_struct * next, const sterm_struct * T, slong n, mp_limb_t p)
{
    slong N = n * n, d = T->W.len, i, j, k, ng = 0, nw = 0, next_basis = 0;
    slong nk = 0, nd = 0, alloc_d = 0, q, nq, qcode[LC_RSPAN_BATCH];
    char sflags[LC_RSPAN_BATCH], dflags[LC_RSPAN_BATCH];
    mp_limb_t * qfull, * qproj;
    ulong state = UWORD(0x9E3779B97F4A7C15) ^ (ulong) d;
    rspan_struct S, D;
    nmod_t mod;
    mp_limb_t * Tm, * gm, * words, * full, * proj;
    ulong * acc;
    slong * done, * parent, * kept, * dropped = NULL, * rg, * rw, * order, * bits;
    lc_vlist_struct G, Wd;
    fmpz * h;
    int ok = 1, stalled = 0;

    nmod_init(&mod, p);
    rspan_init(&S, d, p);
    rspan_init(&D, d, p);
    lc_vlist_init(&G, N);
    lc_vlist_init(&Wd, N);
    Tm = flint_malloc(FLINT_MAX(d, 1) * N * sizeof(mp_limb_t));
    gm = flint_malloc((d + 2) * N * sizeof(mp_limb_t));
    words = flint_malloc(FLINT_MAX(d, 1) * N * sizeof(mp_limb_t));
    full = flint_malloc(N * sizeof(mp_limb_t));
    proj = flint_malloc(FLINT_MAX(d, 1) * sizeof(mp_limb_t));
    acc = flint_malloc((N + 4 * n) * sizeof(ulong));
    done = flint_calloc(d + 1, sizeof(slong));
    parent = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));   /* -1 - g, or g * d + word */
    kept = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
    rg = flint_malloc((d + 2) * 2 * n * sizeof(slong));
    rw = flint_malloc(FLINT_MAX(d, 1) * 2 * n * sizeof(slong));
    h = _fmpz_vec_init(N);
    qfull = flint_malloc(LC_RSPAN_BATCH * N * sizeof(mp_limb_t));
    qproj = flint_malloc(LC_RSPAN_BATCH * FLINT_MAX(d, 1) * sizeof(mp_limb_t));
    vlist_get_nmod(Tm, &T->W, mod);
    /* Basis vectors are tried as further generators in order of the size
       of their entries, smallest first: small entries mean short brackets,
       which are less likely to lie in [T, T] and so to be wasted (on the
       triangular pair at n = 32, 63 + 107 + 164 generators instead of
       90 + 141 + 209). */
    order = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
    bits = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
    for (i = 0; i < d; i++)
    {
        bits[i] = FLINT_ABS(_fmpz_vec_max_bits(T->W.v[i], N));
        for (j = i; j > 0 && bits[order[j - 1]] > bits[i]; j--)
            order[j] = order[j - 1];
        order[j] = i;
    }

#define DS_RECORD(indep, code) \
    do { if (indep) kept[nk++] = (code); else { \
         if (nd == alloc_d) { alloc_d = FLINT_MAX(64, 2 * alloc_d); \
             dropped = flint_realloc(dropped, alloc_d * sizeof(slong)); } \
         dropped[nd++] = (code); } } while (0)
#define DS_WORD(src, par) \
    do { _nmod_vec_set(words + nw * N, (src), N); \
         row_ranges(rw + nw * 2 * n, words + nw * N, n); parent[nw++] = (par); } while (0)

    /* A stall (rank dim T among the brackets) ends the search at once:
       [T, T] = T whether or not the generators found so far generate T. */
    while (S.rank < d && ng < d + 2 && !stalled)
    {
        if (ng < 2)
        {
            _fmpz_vec_zero(h, N);
            for (k = 0; k < d; k++)
                _fmpz_vec_scalar_addmul_si(h, T->W.v[k], N, small_coeff(&state));
            if (_fmpz_vec_is_zero(h, N))
                continue;
            _fmpz_vec_get_nmod_vec(gm + ng * N, h, N, mod);
            row_ranges(rg + ng * 2 * n, gm + ng * N, n);
            for (i = 0; i < d; i++)
                proj[i] = gm[ng * N + T->piv[i]];
            if (rspan_add(&S, proj))
                DS_WORD(gm + ng * N, -1 - ng);
        }
        else
        {
            for (; next_basis < d; next_basis++)
            {
                for (i = 0; i < d; i++)
                    proj[i] = Tm[order[next_basis] * N + T->piv[i]];
                if (rspan_add(&S, proj))
                    break;
            }
            if (next_basis == d)
                break;
            _fmpz_vec_set(h, T->W.v[order[next_basis]], N);
            _nmod_vec_set(gm + ng * N, Tm + order[next_basis] * N, N);
            row_ranges(rg + ng * 2 * n, gm + ng * N, n);
            DS_WORD(gm + ng * N, -1 - ng);
            next_basis++;
        }
        lc_vlist_push(&G, h);
        ng++;
        /* Every word with the generators it has not met, in order of the
           words (new words at the end), queued and offered to S and D
           LC_RSPAN_BATCH at a time.  One at a time, each bracket went to D
           and then S, and the loop ended as soon as S was full or D
           stalled: S takes the batch up to where it is full, and D that
           part (up to its stall; the words S found after a stall are not
           used). */
        i = 0;
        nq = 0;
        while (S.rank < d && !stalled)
        {
            if (i == nw || nq == LC_RSPAN_BATCH)
            {
                slong ns, ndone;

                if (nq == 0)
                    break;
                ns = rspan_add_batch(&S, qproj, d, nq, sflags);
                ndone = rspan_add_batch(&D, qproj, d, ns, dflags);
                for (q = 0; q < ndone; q++)
                    DS_RECORD(dflags[q], qcode[q]);
                stalled = (D.rank == d);
                for (q = 0; q < ns; q++)
                    if (sflags[q])
                        DS_WORD(qfull + q * N, qcode[q]);
                nq = 0;
                continue;
            }
            if (done[i] == ng)
            {
                i++;
                continue;
            }
            lc_limit_poll();    /* void: a stop unwinds (lib/limit) */
            brk_small(qfull + nq * N, gm + done[i] * N, words + i * N, n,
                      rg + done[i] * 2 * n, rw + i * 2 * n, mod, acc);
            qcode[nq] = done[i] * d + i;
            done[i]++;
            for (j = 0; j < d; j++)
                qproj[nq * d + j] = qfull[nq * N + T->piv[j]];
            nq++;
        }
    }
#undef DS_WORD
    if (S.rank < d && !stalled)
    {
        ok = 0;   /* the words do not reach dim T mod p */
        goto cleanup;
    }
    /* The remaining brackets of words with generators, for [T, T] only
       (queued in the same order, and offered to D in batches). */
    i = 0;
    nq = 0;
    while (!stalled)
    {
        if (i == d || nq == LC_RSPAN_BATCH)
        {
            slong ndone;

            if (nq == 0)
                break;
            ndone = rspan_add_batch(&D, qproj, d, nq, dflags);
            for (q = 0; q < ndone; q++)
                DS_RECORD(dflags[q], qcode[q]);
            stalled = (D.rank == d);
            nq = 0;
            continue;
        }
        if (done[i] == ng)
        {
            i++;
            continue;
        }
        lc_limit_poll();
        brk_small(full, gm + done[i] * N, words + i * N, n,
                  rg + done[i] * 2 * n, rw + i * 2 * n, mod, acc);
        qcode[nq] = done[i] * d + i;
        done[i]++;
        for (j = 0; j < d; j++)
            qproj[nq * d + j] = full[T->piv[j]];
        nq++;
    }
#undef DS_RECORD

    /* The words exactly (each one's parent comes before it); a stalled
       step needs none of them. */
    for (i = 0; i < d && !stalled; i++)
    {
        if (parent[i] < 0)
            lc_vlist_push(&Wd, G.v[-1 - parent[i]]);
        else
        {
            brk_exact(h, G.v[parent[i] / d], Wd.v[parent[i] % d], n);
            lc_vlist_push(&Wd, h);
        }
    }
    ok = step_finish(next, T, &G, &Wd, kept, nk, dropped, nd, &D, stalled, n);

cleanup:
    rspan_clear(&S);
    rspan_clear(&D);
    lc_vlist_clear(&G);
    lc_vlist_clear(&Wd);
    flint_free(Tm);
    flint_free(gm);
    flint_free(words);
    flint_free(full);
    flint_free(proj);
    flint_free(acc);
    flint_free(done);
    flint_free(parent);
    flint_free(kept);
    flint_free(rg);
    flint_free(rw);
    flint_free(order);
    flint_free(bits);
    flint_free(dropped);
    flint_free(qfull);
    flint_free(qproj);
    _fmpz_vec_clear(h, N);
    return ok;
}

/* The series of lc_lie_derived_series / lc_lie_lower_central_series on
   bracket bases; falls back to _lc_lie_series_classic on unlucky primes. */
static slong
series_fast(slong * dims, const lc_lie_t L, int derived)
{
    slong n = L->n, N = n * n, len = 1, i, attempt = 0;
    lc_vlist_struct LG, G;
    sterm_struct cur, next;
    int ok = 1;

    dims[0] = L->dim;
    if (L->dim == 0)
        return 1;
    lc_vlist_init(&LG, N);
    lc_vlist_init(&G, N);
    sterm_init(&cur, N);
    sterm_init(&next, N);
    if (fmpz_mat_nrows(L->gens) > 0)
        for (i = 0; i < fmpz_mat_nrows(L->gens); i++)
            lc_vlist_push(&LG, fmpz_mat_entry(L->gens, i, 0));
    else
    {
        fmpz * t = _fmpz_vec_init(N);
        for (i = 0; i < L->dim; i++)
        {
            lc_lie_primitive_row(t, L, i);
            lc_vlist_push(&LG, t);
        }
        _fmpz_vec_clear(t, N);
    }
    sterm_first(&cur, L, &LG, _lc_lie_series_prime(0));

    while (cur.W.len > 0)
    {
        const lc_vlist_struct * A = &LG;

        ok = 0;
        for (; attempt < LC_LIE_MAX_PRIMES && !ok; attempt++)
        {
            /* The first term is L, whose generators are known: [L, L] is
               a step like those of the lower central series. */
            if (derived && len > 1)
                ok = derived_step(&next, &cur, n, _lc_lie_series_prime(attempt));
            else
                ok = series_step(&next, &cur, A, n, _lc_lie_series_prime(attempt));
            if (ok)
                break;
        }
        if (!ok)
            break;
        dims[len++] = next.W.len;
        if (next.W.len == cur.W.len)
            break;
        sterm_swap(&cur, &next);
    }
    sterm_clear(&cur);
    sterm_clear(&next);
    lc_vlist_clear(&LG);
    lc_vlist_clear(&G);
    if (!ok)
        len = _lc_lie_series_classic(dims, L, derived);
    return len;
}

slong
lc_lie_derived_series(slong * dims, const lc_lie_t L)
{
    return series_fast(dims, L, 1);
}

slong
lc_lie_lower_central_series(slong * dims, const lc_lie_t L)
{
    return series_fast(dims, L, 0);
}

int
lc_lie_is_solvable(const lc_lie_t L)
{
    return lc_lie_derived_length(L) >= 0;
}

slong
lc_lie_derived_length(const lc_lie_t L)
{
    slong * dims = flint_malloc((L->dim + 2) * sizeof(slong));
    slong len = lc_lie_derived_series(dims, L), r;

    r = (dims[len - 1] == 0) ? len - 1 : -1;
    flint_free(dims);
    return r;
}

int
lc_lie_is_nilpotent(const lc_lie_t L)
{
    slong * dims = flint_malloc((L->dim + 2) * sizeof(slong));
    slong len = lc_lie_lower_central_series(dims, L);
    int r = (dims[len - 1] == 0);

    flint_free(dims);
    return r;
}
