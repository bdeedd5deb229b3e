/* limit.c -- interrupts, time and memory limits (see limit.h for the design). */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <gmp.h>
#include <mpfr.h>
#include <flint/flint.h>
#include "limit.h"

/* Memory in use (GMP and FLINT blocks), the most ever, and the limit. */
static size_t used = 0, peak = 0, max_memory = 0;

/* ----------------------------------------------------------- interrupts */

static volatile sig_atomic_t interrupted = 0;
static struct timespec first_sigint;    /* written by the handler only */

void
lc_limit_interrupt(void)
{
    interrupted = 1;
}

static void
on_sigint(int sig)
{
    struct timespec now;

    /* clock_gettime is async-signal-safe (POSIX) */
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (interrupted)
    {
        double dt = (double) (now.tv_sec - first_sigint.tv_sec)
                    + 1e-9 * (double) (now.tv_nsec - first_sigint.tv_nsec);

        /* One Ctrl-C can arrive twice (timeout(1) signals the child and its
           process group; a wrapper may forward it): within half a second it
           is the same one.  A second Ctrl-C later, before the first was
           noticed, means the computation is somewhere without a check (one
           huge multiplication, a blocking read): end the process the way
           SIGINT ends it by default. */
        if (dt < 0.5)
            return;
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    first_sigint = now;
    interrupted = 1;
}

int
lc_limit_catch_sigint(int restart)
{
    struct sigaction sa, old;

    /* A process started with SIGINT ignored (a background job of a shell
       without job control) keeps ignoring it, as Ctrl-C is not meant for
       it. */
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        return 0;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = restart ? SA_RESTART : 0;
    return sigaction(SIGINT, &sa, NULL) == 0 ? 0 : -1;
}

int
lc_limit_interrupted(void)
{
    return interrupted != 0;
}

void
lc_limit_clear_interrupt(void)
{
    interrupted = 0;
}

/* ----------------------------------------------------------------- time */

static double run_deadline = 0, run_seconds = 0;
static double scope_deadline = 0, scope_seconds = 0;

double
lc_limit_now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

void
lc_limit_set_timeout(double seconds)
{
    run_seconds = seconds > 0 ? seconds : 0;
    run_deadline = seconds > 0 ? lc_limit_now() + seconds : 0;
}

void
lc_limit_set_scope_timeout(double start, double seconds)
{
    scope_seconds = seconds > 0 ? seconds : 0;
    scope_deadline = seconds > 0 ? start + seconds : 0;
}

void
lc_limit_clear_scope_timeout(void)
{
    scope_deadline = scope_seconds = 0;
}

/* ---------------------------------------------------------------- guards */

static lc_limit_guard * top = NULL;

void
lc_limit_guard_enter(lc_limit_guard * g)
{
    g->prev = top;
    g->used = lc_limit_memory_used();
    lc_err_init(g->err);
    top = g;
}

void
lc_limit_guard_leave(lc_limit_guard * g)
{
    /* guards are left in the reverse order of entering */
    if (top != g)
        abort();
    top = g->prev;
}

static size_t abandoned = 0;

void
lc_limit_unwind(int code, const char * msg)
{
    lc_limit_guard * g = top;
    size_t used = lc_limit_memory_used();

    if (g == NULL)
    {
        fflush(stdout);
        fprintf(stderr, "liecheck: error: %s\n", msg);
        exit(2);
    }
    top = g->prev;
    if (used > g->used)
        abandoned += used - g->used;
    g->err->code = code;
    snprintf(g->err->msg, LC_ERR_MSG_LEN, "%s", msg);
    /* A constant that MPFR or Arb was computing into its cache may be half
       done: drop every cache (they are refilled on demand; FLINT may be used
       after flint_cleanup). */
    flint_cleanup();
    longjmp(g->env, 1);
}

/* ---------------------------------------------------- cooperative checks */

static int memory_over(lc_err_t err);

int
lc_limit_check(lc_err_t err)
{
    double t;

    if (interrupted)
        return lc_err_set(err, LC_E_INTERRUPT, "interrupted");
    if (max_memory != 0 && used > max_memory)
        return memory_over(err);
    if (run_deadline == 0 && scope_deadline == 0)
        return LC_OK;
    t = lc_limit_now();
    if (run_deadline != 0 && t >= run_deadline)
        return lc_err_set(err, LC_E_LIMIT, "time limit of %g s reached (--timeout)", run_seconds);
    if (scope_deadline != 0 && t >= scope_deadline)
        return lc_err_set(err, LC_E_LIMIT, "time limit of %g s reached", scope_seconds);
    return LC_OK;
}

int
lc_limit_run_stopped(void)
{
    return interrupted || (run_deadline != 0 && lc_limit_now() >= run_deadline);
}

void
lc_limit_poll(void)
{
    lc_err_t e;

    if (top != NULL && lc_limit_check(e) != LC_OK)
        lc_limit_unwind(e->code, e->msg);
}

/* --------------------------------------------------------------- memory */

/* Every block carries a header: its size (GMP passes sizes to realloc and
   free, FLINT does not) and links in the list of live blocks, which keeps
   what an unwound computation left behind reachable.  32 bytes keep the
   alignment of malloc. */
typedef struct blk
{
    size_t size;
    struct blk * prev, * next;
    size_t magic;
}
blk;

#define BLK_MAGIC ((size_t) 0x6c636d656d6f7279ULL)

static blk live = { 0, &live, &live, 0 };
static int installed = 0;

void lc_limit_format_bytes(char * buf, size_t n, size_t bytes);

/* The memory in use passed the limit by small blocks (see refused). */
static int
memory_over(lc_err_t err)
{
    char a[32], b[32];

    lc_limit_format_bytes(a, sizeof(a), max_memory);
    lc_limit_format_bytes(b, sizeof(b), used);
    return lc_err_set(err, LC_E_LIMIT, "memory limit of %s reached: %s in use (--max-memory "
                      "changes the limit)", a, b);
}

void
lc_limit_format_bytes(char * buf, size_t n, size_t bytes)
{
    static const char * unit[] = { "KiB", "MiB", "GiB", "TiB" };
    double x = (double) bytes;
    int u = -1;

    while (x >= 1024 && u < 3)
    {
        x /= 1024;
        u++;
    }
    if (u < 0)
        snprintf(buf, n, "%lu bytes", (unsigned long) bytes);
    else if (x == (double) (unsigned long) x)
        snprintf(buf, n, "%lu %s", (unsigned long) x, unit[u]);
    else
        snprintf(buf, n, "%.1f %s", x, unit[u]);
}

static void
refuse(size_t want, int oom)
{
    char msg[LC_ERR_MSG_LEN], a[32], b[32], c[32];

    lc_limit_format_bytes(a, sizeof(a), want);
    lc_limit_format_bytes(b, sizeof(b), used);
    if (oom)
        snprintf(msg, sizeof(msg), "out of memory: the system refused %s (%s in use)", a, b);
    else
    {
        lc_limit_format_bytes(c, sizeof(c), max_memory);
        snprintf(msg, sizeof(msg), "memory limit of %s reached: %s more were asked for, with %s "
                 "in use (--max-memory changes the limit)", c, a, b);
    }
    lc_limit_unwind(LC_E_LIMIT, msg);
}

/* Whether `more` bytes would pass the limit. */
static int
over(size_t more)
{
    return max_memory != 0 && (used > max_memory || more > max_memory - used);
}

/* Whether an allocation of `more` bytes must be refused.  A big one (the
   growth of a number, a matrix, a list) is refused when it would pass the
   limit.  A small one may pass it by a slack: small blocks are mostly the
   libraries' bookkeeping (FLINT's cache of integers, a record appended to
   an array), which some of them grow by raising the recorded size before
   the block, so that unwinding out of them would corrupt the cache; the
   computation is stopped instead at its next check (lc_limit_check). */
#define SMALL_BLOCK ((size_t) 1 << 20)

static int
refused(size_t more)
{
    size_t slack = max_memory / 16 > 4 * SMALL_BLOCK ? max_memory / 16 : 4 * SMALL_BLOCK;

    if (!over(more))
        return 0;
    if (more >= SMALL_BLOCK)
        return 1;
    return used > max_memory + slack || more > max_memory + slack - used;
}

static void
link_blk(blk * b, size_t n)
{
    b->size = n;
    b->magic = BLK_MAGIC;
    b->next = live.next;
    b->prev = &live;
    live.next->prev = b;
    live.next = b;
    used += n;
    if (used > peak)
        peak = used;
}

static void
unlink_blk(blk * b)
{
    if (b->magic != BLK_MAGIC)
        abort();    /* not one of ours: freed twice, or allocated elsewhere */
    b->prev->next = b->next;
    b->next->prev = b->prev;
    used -= b->size;
}

static void *
hook_malloc(size_t n)
{
    blk * b;

    if (n > SIZE_MAX - sizeof(blk))
        refuse(n, 1);
    if (refused(n))
        refuse(n, 0);
    if ((b = malloc(sizeof(blk) + n)) == NULL)
        refuse(n, 1);
    link_blk(b, n);
    return b + 1;
}

static void *
hook_calloc(size_t k, size_t n)
{
    void * p;

    if (n != 0 && k > SIZE_MAX / n)
        refuse(SIZE_MAX, 1);
    p = hook_malloc(k * n);
    memset(p, 0, k * n);
    return p;
}

static void *
hook_realloc(void * p, size_t n)
{
    blk * b, * r;
    size_t old;

    if (p == NULL)
        return hook_malloc(n);
    b = (blk *) p - 1;
    old = b->size;
    if (n > SIZE_MAX - sizeof(blk))
        refuse(n, 1);
    if (n > old && refused(n - old))
        refuse(n - old, 0);
    unlink_blk(b);
    if ((r = realloc(b, sizeof(blk) + n)) == NULL)
    {
        link_blk(b, old);
        refuse(n, 1);
    }
    link_blk(r, n);
    return r + 1;
}

static void
hook_free(void * p)
{
    blk * b;

    if (p == NULL)
        return;
    b = (blk *) p - 1;
    unlink_blk(b);
    b->magic = 0;
    free(b);
}

static void *
gmp_realloc(void * p, size_t old, size_t n)
{
    (void) old;
    return hook_realloc(p, n);
}

static void
gmp_free(void * p, size_t n)
{
    (void) n;
    hook_free(p);
}

void
lc_limit_memory_install(void)
{
    if (installed)
        return;
    installed = 1;
    mp_set_memory_functions(hook_malloc, gmp_realloc, gmp_free);
    __flint_set_memory_functions(hook_malloc, hook_calloc, hook_realloc, hook_free);
}

int
lc_limit_memory_installed(void)
{
    return installed;
}

void
lc_limit_set_max_memory(size_t bytes)
{
    max_memory = bytes;
}

size_t
lc_limit_max_memory(void)
{
    return max_memory;
}

size_t
lc_limit_default_max_memory(void)
{
    size_t d = (size_t) 8 << 30;
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGE_SIZE);

    if (sizeof(size_t) < 8)
        d = (size_t) 1 << 30;
    if (pages > 0 && size > 0 && (size_t) pages / 2 <= d / (size_t) size)
        d = (size_t) pages / 2 * (size_t) size;
    return d;
}

size_t
lc_limit_memory_used(void)
{
    return used;
}

size_t
lc_limit_memory_peak(void)
{
    return peak;
}

size_t
lc_limit_memory_abandoned(void)
{
    return abandoned;
}

int
lc_limit_memory_check(size_t bytes, const char * what, lc_err_t err)
{
    char a[32], c[32];

    if (!over(bytes))
        return LC_OK;
    lc_limit_format_bytes(a, sizeof(a), bytes);
    lc_limit_format_bytes(c, sizeof(c), max_memory);
    return lc_err_set(err, LC_E_LIMIT, "%s needs about %s, more than the memory limit of %s "
                      "allows (--max-memory changes it)", what, a, c);
}

int
lc_limit_parse_bytes(size_t * bytes, const char * s, lc_err_t err)
{
    const char * c = s;
    size_t v = 0, mul = 1;
    int digits = 0;

    while (*c >= '0' && *c <= '9')
    {
        unsigned d = (unsigned) (*c++ - '0');

        if (v > (SIZE_MAX - d) / 10)
            return lc_err_set(err, LC_E_ARG, "'%.40s' is too large a size", s);
        v = 10 * v + d;
        digits++;
    }
    switch (*c)
    {
        case 'k': case 'K': mul = (size_t) 1 << 10; c++; break;
        case 'm': case 'M': mul = (size_t) 1 << 20; c++; break;
        case 'g': case 'G': mul = (size_t) 1 << 30; c++; break;
        case 't': case 'T': mul = (size_t) 1 << 20 << 20; c++; break;
        default: break;
    }
    if (mul > 1 && (*c == 'i' || *c == 'I'))
        c++;
    if (*c == 'b' || *c == 'B')
        c++;
    if (digits == 0 || *c != '\0')
        return lc_err_set(err, LC_E_ARG, "'%.40s' is not a size (a number of bytes, with an "
                          "optional K, M, G or T)", s);
    if (v > SIZE_MAX / mul)
        return lc_err_set(err, LC_E_ARG, "'%.40s' is too large a size", s);
    *bytes = v * mul;
    return LC_OK;
}

/* ---------------------------------------------------------------- stack */

size_t
lc_limit_stack_budget(void)
{
    struct rlimit r;
    size_t lim = (size_t) 8 << 20, reserve;

    if (getrlimit(RLIMIT_STACK, &r) == 0 && r.rlim_cur != RLIM_INFINITY && r.rlim_cur > 0)
        lim = r.rlim_cur < ((rlim_t) 1 << 30) ? (size_t) r.rlim_cur : (size_t) 1 << 30;
    reserve = lim / 4 > ((size_t) 1 << 20) ? lim / 4 : (size_t) 1 << 20;
    return lim > 2 * reserve ? lim - reserve : lim / 2;
}
