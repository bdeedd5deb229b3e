#!/usr/bin/python3
"""mpmath's expm / logm on the cases of bench/bench_matfun, and the value check.

Run by bench/run_matfun.sh (never by `make check`):

    matfun_mpmath.py run CASES [--min-time S]  > mp.txt
    matfun_mpmath.py check LC_OUTPUT MP_OUTPUT > check.txt

run: CASES is the file written by `bench_matfun --emit-cases`: a line
"precs 256 1024", then per case "case NAME n N op exp|log", N lines of N exact
entries p/q, "end".  For every case and precision the matrix is rounded to
mp.prec = prec bits (outside the clock), mpmath.expm or mpmath.logm is called
once untimed (that call gives the printed value) and then repeated until the
repetitions add up to --min-time seconds (at least 3 times); the mean per
call is printed:

    MPMATFUN case=rot3 n=3 op=log prec=256 ms=3.2 reps=63 digits=83 complex=1
    N lines of N real parts (digits significant digits)
    N lines of N imaginary parts, each prefixed "i" (only when complex=1)

mpmath.logm returns complex entries (with tiny imaginary parts for a real
principal logarithm); they are printed so that the check can see them.

check: for every liecheck result (LCMATFUN ... status=ok, followed by its
midpoints) and the mpmath result of the same case, op and precision, every
entry must satisfy

    |mpmath - mid| <= rad + 2^-(prec - 10) * max(1, |mid|) + print

and every imaginary part |Im| <= rad + 2^-(prec - 10) * max(1, |mid|) + print,
where rad is liecheck's largest entry radius and `print` = 10^(1 - digits)
* (|mid| + |mpmath|) allows for the decimal rounding of both printed values
(far below the 2^-(prec - 10) term).  All arithmetic is exact (fractions).
One line per liecheck result:

    CHECK case=rot3 op=log impl=log prec=256 status=ok diff_log2=-262.1 imag_log2=-270.3

(diff_log2: log2 of the largest |mpmath - mid|, "-inf" if 0; imag_log2 the
same for the imaginary parts).  status=MISMATCH (also reported on standard
error with the entry) or status=missing (no mpmath value).  Exit status 1 when
any result is not ok.
"""
import math
import sys
import time
from fractions import Fraction


def digits_for(prec):
    return int(prec * 0.30103) + 6


# ----------------------------------------------------------------------- run

def read_cases(path):
    precs, cases = [], []
    with open(path) as f:
        lines = [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]
    i = 0
    while i < len(lines):
        w = lines[i].split()
        if w[0] == "precs":
            precs = [int(x) for x in w[1:]]
            i += 1
        elif w[0] == "case":
            name, n, op = w[1], int(w[3]), w[5]
            rows = [[Fraction(x) for x in lines[i + 1 + r].split()] for r in range(n)]
            if lines[i + 1 + n] != "end" or any(len(r) != n for r in rows):
                raise SystemExit("matfun_mpmath.py: malformed case %s in %s" % (name, path))
            cases.append((name, n, op, rows))
            i += n + 2
        else:
            raise SystemExit("matfun_mpmath.py: unexpected line in %s: %s" % (path, lines[i]))
    return precs, cases


def run(path, min_time):
    import mpmath
    from mpmath import mp

    precs, cases = read_cases(path)
    print("# mpmath=%s backend=%s python=%s" % (
        mpmath.__version__, mpmath.libmp.BACKEND, sys.version.split()[0]))
    sys.stdout.flush()
    for name, n, op, rows in cases:
        fn = mpmath.expm if op == "exp" else mpmath.logm
        for prec in precs:
            mp.prec = prec
            A = mpmath.matrix(n, n)
            for r in range(n):
                for c in range(n):
                    q = rows[r][c]
                    A[r, c] = mpmath.mpf(q.numerator) / q.denominator
            R = fn(A)                        # untimed: the printed value
            reps, spent = 0, 0.0
            while reps < 3 or spent < min_time:
                t0 = time.perf_counter()
                fn(A)
                spent += time.perf_counter() - t0
                reps += 1
            d = digits_for(prec)
            cplx = any(isinstance(R[r, c], mpmath.mpc) and R[r, c].imag != 0
                       for r in range(n) for c in range(n))
            print("MPMATFUN case=%s n=%d op=%s prec=%d ms=%.6g reps=%d digits=%d complex=%d"
                  % (name, n, op, prec, 1e3 * spent / reps, reps, d, int(cplx)))
            for r in range(n):
                print("  " + " ".join(mpmath.nstr(mpmath.re(R[r, c]), d) for c in range(n)))
            if cplx:
                for r in range(n):
                    print("i " + " ".join(mpmath.nstr(mpmath.im(R[r, c]), d) for c in range(n)))
            sys.stdout.flush()
    mp.prec = 53


# --------------------------------------------------------------------- check

def fields(line):
    return dict(w.split("=", 1) for w in line.split()[1:] if "=" in w)


def read_results(path, tag):
    """{(case, op, impl, prec): (fields, real rows, imaginary rows or None)}"""
    out = {}
    with open(path) as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        if lines[i].startswith(tag + " "):
            fl = fields(lines[i])
            n = int(fl["n"])
            key = (fl["case"], fl["op"], fl.get("impl", fl["op"]), int(fl["prec"]))
            i += 1
            if fl.get("status", "ok") != "ok":
                out[key] = (fl, None, None)
                continue
            re_rows = [[Fraction(x) for x in lines[i + r].split()] for r in range(n)]
            i += n
            im_rows = None
            if fl.get("complex") == "1":
                im_rows = [[Fraction(x) for x in lines[i + r].split()[1:]] for r in range(n)]
                i += n
            out[key] = (fl, re_rows, im_rows)
        else:
            i += 1
    return out


def parse_radius(s):
    if s == "0":
        return Fraction(0)
    m, e = s.split("*2^")
    e = int(e)
    return Fraction(int(m)) * (Fraction(2) ** e)


def log2_str(x):
    if x == 0:
        return "-inf"
    return "%.1f" % (math.log2(x.numerator) - math.log2(x.denominator))


def check(lc_path, mp_path):
    lc = read_results(lc_path, "LCMATFUN")
    mp = {}
    for (case, op, _impl, prec), v in read_results(mp_path, "MPMATFUN").items():
        mp[(case, op, prec)] = v
    bad = 0
    for (case, op, impl, prec), (fl, mid, _) in lc.items():
        head = "CHECK case=%s op=%s impl=%s prec=%d" % (case, op, impl, prec)
        if mid is None:
            print(head + " status=lc-error")
            bad += 1
            continue
        if (case, op, prec) not in mp:
            print(head + " status=missing")
            bad += 1
            continue
        mfl, mre, mim = mp[(case, op, prec)]
        rad = parse_radius(fl["radius"])
        slack = Fraction(1, 2 ** (prec - 10))
        pr = Fraction(1, 10 ** (min(int(fl["digits"]), int(mfl["digits"])) - 1))
        n = len(mid)
        maxdiff, maxim, status = Fraction(0), Fraction(0), "ok"
        for r in range(n):
            for c in range(n):
                m, v = mid[r][c], mre[r][c]
                tol = rad + slack * max(1, abs(m))
                diff = abs(v - m)
                maxdiff = max(maxdiff, diff)
                if diff > tol + pr * (abs(m) + abs(v)):
                    status = "MISMATCH"
                    sys.stderr.write(
                        "MISMATCH %s %s (impl %s) at %d bits, entry (%d, %d): liecheck %s "
                        "+/- 2^%s, mpmath %s, |difference| = 2^%s\n"
                        % (case, op, impl, prec, r, c, float(m), log2_str(rad), float(v),
                           log2_str(diff)))
                if mim is not None:
                    im = abs(mim[r][c])
                    maxim = max(maxim, im)
                    if im > tol + pr * abs(im):
                        status = "MISMATCH"
                        sys.stderr.write(
                            "MISMATCH %s %s (impl %s) at %d bits, entry (%d, %d): mpmath has "
                            "imaginary part %s, liecheck's real ball +/- 2^%s\n"
                            % (case, op, impl, prec, r, c, float(mim[r][c]), log2_str(rad)))
        if status != "ok":
            bad += 1
        print(head + " status=%s diff_log2=%s imag_log2=%s"
              % (status, log2_str(maxdiff), log2_str(maxim)))
    return 1 if bad else 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "run":
        min_time = 0.2
        if len(argv) == 5 and argv[3] == "--min-time":
            min_time = float(argv[4])
        elif len(argv) != 3:
            raise SystemExit(__doc__)
        run(argv[2], min_time)
        return 0
    if len(argv) == 4 and argv[1] == "check":
        return check(argv[2], argv[3])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
