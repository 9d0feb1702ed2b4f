"""Emits the Java body of the Montgomery multiplication / squaring kernel for moduli below 2^254.

Storage stays 4 x 64-bit limbs in Montgomery form (a * 2^256 mod m). Inside the kernel the operands
are split into 5 limbs of 52 bits, so that every partial product is exact with Java 17's signed
Math.multiplyHigh and the columns can be summed without carry detection:

  * one operand is scaled by 16 (the split of a << 4), so that with radix R = 2^260 the result
    (16a * b + Q * m) / 2^260 is a * b * 2^-256 mod m, the same Montgomery form as before;
    squaring splits 4a and multiplies it by itself;
  * a product X * Y of limbs is taken as multiplyHigh(X << s, Y << (12 - s)) = floor(XY / 2^52)
    (the high part, into column k + 1) and (X << s) * (Y << (12 - s)) >>> 12 = XY mod 2^52 (the
    low part, column k); both shifted operands stay below 2^63, so no unsigned corrections;
  * x_i y_j + x_j y_i = (x_i + x_j)(y_i + y_j) - x_i y_i - x_j y_j (Karatsuba per pair) saves 10
    of the 25 products of a * b; the same for the reduction's q_i n_j with i, j >= 2;
  * q is taken balanced (q << 12 as a signed long), so the result lies in (-m, m) and one
    branchless conditional addition of m makes it canonical;
  * the carry out of a column whose low 52 bits the reduction cancels is (s + 2^52 - 1) >> 52, so
    q * n0 needs only its high half;
  * sums are added earliest-ready first (estimated latencies) to keep the serial q chain short.

Bounds: a, b < m < 2^254, so 16ab / 2^260 < m / 4 and |Q m| / 2^260 < m / 2 (1 + 2^-50); each
column sum stays below 2^60.
"""
import heapq
import itertools

M52 = (1 << 52) - 1
_LAT_MUL = 3
_LAT_MULHI = 4


def hexlit(x):
    return '0x%016xL' % (x & ((1 << 64) - 1))


class _Gen:
    def __init__(self):
        self.lines = []
        self.ready = {}
        self.cnt = itertools.count()

    def emit(self, s):
        self.lines.append(s)

    def var(self, name, expr, t):
        self.emit('long %s = %s;' % (name, expr))
        self.ready[name] = t
        return name

    def sum(self, name, terms):
        """terms: (sign, expr, ready); adds the two earliest-ready operands first."""
        heap = []
        for s, e, t in terms:
            heapq.heappush(heap, (t, next(self.cnt), s, e))
        while len(heap) > 1:
            t1, _, s1, e1 = heapq.heappop(heap)
            t2, _, s2, e2 = heapq.heappop(heap)
            if s1 > 0 and s2 > 0:
                s, e = 1, '(%s + %s)' % (e1, e2)
            elif s1 > 0:
                s, e = 1, '(%s - %s)' % (e1, e2)
            elif s2 > 0:
                s, e = 1, '(%s - %s)' % (e2, e1)
            else:
                s, e = -1, '(%s + %s)' % (e1, e2)
            heapq.heappush(heap, (max(t1, t2) + 1, next(self.cnt), s, e))
        t, _, s, e = heap[0]
        if s < 0:
            e = '-' + e
        return self.var(name, e, t)


def _limbs52(w, shift):
    """Java expressions for the 52-bit limbs of (w0..w3) << shift, shift in [0, 4]."""
    out = []
    for k in range(5):
        lo_bit = 52 * k - shift          # bit of w where limb k starts
        i, off = divmod(lo_bit, 64) if lo_bit >= 0 else (0, lo_bit)
        if off < 0:
            e = '(%s0 << %d)' % (w, -off)
        else:
            e = '(%s%d >>> %d)' % (w, i, off) if off else '%s%d' % (w, i)
            if off > 12 and i < 3:      # limb spans two words
                e = '(%s | (%s%d << %d))' % (e, w, i + 1, 64 - off)
        if k < 4:
            e = '(%s & M52)' % e
        out.append(e)
    return out


def kernel(square):
    """Statements computing r[ro..ro+3] from locals a0..a3 (and b0..b3), given locals n0..n4 (the
    modulus in 52-bit limbs), k23, k24, k34 (Karatsuba sums 2 (n_i + n_j)) and INV52, M52."""
    g = _Gen()
    cols = [[] for _ in range(11)]

    def prod(xs, y, k, sign=1):
        t = max(g.ready.get(xs, 0), g.ready.get(y, 0))
        cols[k].append((sign, '((%s * %s) >>> 12)' % (xs, y), t + _LAT_MUL + 1))
        cols[k + 1].append((sign, 'Math.multiplyHigh(%s, %s)' % (xs, y), t + _LAT_MULHI))

    def prod_named(tag, xs, y):
        t = max(g.ready.get(xs, 0), g.ready.get(y, 0))
        lo = g.var('l' + tag, '(%s * %s) >>> 12' % (xs, y), t + _LAT_MUL + 1)
        hi = g.var('h' + tag, 'Math.multiplyHigh(%s, %s)' % (xs, y), t + _LAT_MULHI)
        return lo, hi

    def add_diag(lo, hi, k_diag, pairs, idx):
        cols[k_diag].append((1, lo, g.ready[lo]))
        cols[k_diag + 1].append((1, hi, g.ready[hi]))
        for (i, j) in pairs:
            if idx in (i, j):
                cols[i + j].append((-1, lo, g.ready[lo]))
                cols[i + j + 1].append((-1, hi, g.ready[hi]))

    if square:
        # both operands 4a: (4a)^2 = 16 a^2
        for j, e in enumerate(_limbs52('a', 2)):
            g.var('e%d' % j, e, 2)
            g.var('x%d' % j, 'e%d << 11' % j, 3)
            g.var('y%d' % j, 'e%d << 1' % j, 3)
            g.var('z%d' % j, 'e%d << 2' % j, 3)   # doubled, for the off-diagonal products
        for i in range(5):
            for j in range(i, 5):
                prod('x%d' % i, ('y%d' if i == j else 'z%d') % j, i + j)
    else:
        for j, (ea, eb) in enumerate(zip(_limbs52('a', 4), _limbs52('b', 0))):
            g.var('x%d' % j, '%s << 11' % ea, 2)
            g.var('y%d' % j, '%s << 1' % eb, 2)
        pairs = [(i, j) for i in range(5) for j in range(i + 1, 5)]
        for i in range(5):
            lo, hi = prod_named('d%d' % i, 'x%d' % i, 'y%d' % i)
            add_diag(lo, hi, 2 * i, pairs, i)
        for (i, j) in pairs:
            # limb sums are below 2^53: shift them 10 and 2
            u = g.var('u%d%d' % (i, j), '(x%d >> 1) + (x%d >> 1)' % (i, j), 3)
            v = g.var('v%d%d' % (i, j), '(y%d + y%d) << 1' % (i, j), 4)
            prod(u, v, i + j)

    # reduction, finely integrated: q_k needs column k complete; q_k << 12 is balanced (signed)
    kpairs = [(i, j) for i in range(2, 5) for j in range(i + 1, 5)]
    in_k = set(kpairs)
    for k in range(10):
        if 1 <= k <= 5:
            qk = k - 1
            q = 'q%d' % qk
            cols[qk + 1].append((1, 'Math.multiplyHigh(%s, n0)' % q, g.ready[q] + _LAT_MULHI))
            diag = any(qk in p for p in kpairs)
            for j in range(1, 5):
                if (min(qk, j), max(qk, j)) in in_k or (j == qk and diag):
                    continue
                prod(q, 'n%d' % j, qk + j)
            if diag:
                lo, hi = prod_named('e%d' % qk, q, 'n%d' % qk)
                add_diag(lo, hi, 2 * qk, kpairs, qk)
                for (i, j) in kpairs:
                    if j == qk:
                        u = g.var('g%d%d' % (i, j), '(q%d >> 1) + (q%d >> 1)' % (i, j), g.ready[q] + 1)
                        prod(u, 'k%d%d' % (i, j), i + j)
        terms = list(cols[k])
        if 0 < k <= 5:
            terms.append((1, 'c%d' % (k - 1), g.ready['c%d' % (k - 1)]))
        s = g.sum('s%d' % k, terms)
        if k < 5:
            g.var('q%d' % k, '(%s * INV52) << 12' % s, g.ready[s] + _LAT_MUL + 1)
            g.var('c%d' % k, '(%s + M52) >> 52' % s, g.ready[s] + 2)
    assert not cols[10]
    # T = s5..s9 lies in (-m, m): normalise T and T + m side by side, keep T if non-negative
    g.emit('long t0 = s5, w0 = s5 + n0;')
    g.emit('long t1 = s6 + (t0 >> 52), w1 = s6 + n1 + (w0 >> 52);')
    g.emit('long t2 = s7 + (t1 >> 52), w2 = s7 + n2 + (w1 >> 52);')
    g.emit('long t3 = s8 + (t2 >> 52), w3 = s8 + n3 + (w2 >> 52);')
    g.emit('long t4 = s9 + (t3 >> 52), w4 = s9 + n4 + (w3 >> 52);')
    g.emit('long keep = ~(t4 >> 63);')
    g.emit('t0 = w0 ^ ((t0 ^ w0) & keep); t1 = w1 ^ ((t1 ^ w1) & keep); t2 = w2 ^ ((t2 ^ w2) & keep);')
    g.emit('t3 = w3 ^ ((t3 ^ w3) & keep); t4 = w4 ^ ((t4 ^ w4) & keep);')
    g.emit('r[ro] = (t0 & M52) | (t1 << 52);')
    g.emit('r[ro + 1] = ((t1 & M52) >>> 12) | (t2 << 40);')
    g.emit('r[ro + 2] = ((t2 & M52) >>> 24) | (t3 << 28);')
    g.emit('r[ro + 3] = ((t3 & M52) >>> 36) | (t4 << 16);')
    return g.lines


def constants(m):
    """(n limbs, inv52, Karatsuba sums) of a modulus."""
    n = [(m >> (52 * j)) & M52 for j in range(5)]
    inv52 = (-pow(m, -1, 1 << 52)) % (1 << 52)
    ks = {(i, j): 2 * (n[i] + n[j]) for i in range(2, 5) for j in range(i + 1, 5)}
    return n, inv52, ks


def const_lines(m):
    n, _, ks = constants(m)
    out = ['final long n%d = %s;' % (j, hexlit(n[j])) for j in range(5)]
    out += ['final long k%d%d = %s;' % (i, j, hexlit(v)) for (i, j), v in sorted(ks.items())]
    return out


