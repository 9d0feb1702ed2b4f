package io.zkmargin.crypto.ntt;

import static org.junit.jupiter.api.Assertions.*;

import io.zkmargin.crypto.field.Fr;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FFT against naive evaluation (DFT, Horner) and schoolbook multiplication. */
class DomainTest {
    private static Fr[] random(Random rnd, int n) {
        Fr[] a = new Fr[n];
        for (int i = 0; i < n; i++) a[i] = Fr.random(rnd);
        return a;
    }

    private static Fr horner(Fr[] coeffs, Fr x) {
        Fr acc = Fr.ZERO;
        for (int i = coeffs.length - 1; i >= 0; i--) acc = acc.mul(x).add(coeffs[i]);
        return acc;
    }

    private static long[] buffer(Fr[] a) {
        long[] b = new long[4 * a.length];
        for (int i = 0; i < a.length; i++) a[i].writeMont(b, 4 * i);
        return b;
    }

    @Test
    void omegaIsPrimitiveRootOfExactOrder() {
        BigInteger r = Fr.MODULUS;
        for (int log = 1; log <= Fr.TWO_ADICITY; log++) {
            BigInteger w = Domain.ofLog(log).omega().toBigInteger();
            assertEquals(BigInteger.ONE, w.modPow(BigInteger.ONE.shiftLeft(log), r), "order divides 2^" + log);
            assertEquals(r.subtract(BigInteger.ONE), w.modPow(BigInteger.ONE.shiftLeft(log - 1), r), "w^(n/2) = -1");
        }
        assertEquals(Fr.ONE, Domain.ofLog(0).omega());
    }

    @Test
    void fftEqualsNaiveDftForSmallSizes() {
        Random rnd = new Random(11);
        for (int log = 0; log <= 7; log++) {
            Domain d = Domain.ofLog(log);
            int n = d.size();
            Fr[] a = random(rnd, n);
            Fr[] got = d.fft(a);
            Fr w = d.omega();
            for (int k = 0; k < n; k++) {
                Fr sum = Fr.ZERO;
                for (int j = 0; j < n; j++) sum = sum.add(a[j].mul(w.pow((long) j * k)));
                assertEquals(sum, got[k], "n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void cosetFftEqualsNaiveEvaluationOnShiftedPoints() {
        Random rnd = new Random(12);
        Fr g = Fr.MULTIPLICATIVE_GENERATOR;
        for (int log : new int[] {0, 1, 3, 6}) {
            Domain d = Domain.ofLog(log);
            Fr[] a = random(rnd, d.size());
            Fr[] got = d.cosetFft(a);
            for (int k = 0; k < d.size(); k++) assertEquals(horner(a, g.mul(d.omega().pow(k))), got[k]);
            assertArrayEquals(a, d.cosetIfft(got));
        }
    }

    @Test
    void largeFftMatchesHornerAtSampledPoints() {
        // 2^14 runs the blocked stages and the parallel cross-block stages
        Random rnd = new Random(13);
        Domain d = Domain.ofLog(14);
        Fr[] a = random(rnd, d.size());
        Fr[] ev = d.fft(a);
        Fr[] cev = d.cosetFft(a);
        Fr g = Fr.MULTIPLICATIVE_GENERATOR;
        for (int t = 0; t < 12; t++) {
            int k = t < 3 ? new int[] {0, 1, d.size() - 1}[t] : rnd.nextInt(d.size());
            Fr x = d.omega().pow(k);
            assertEquals(horner(a, x), ev[k], "k=" + k);
            assertEquals(horner(a, g.mul(x)), cev[k], "coset k=" + k);
        }
    }

    @Test
    void roundTripsRestoreInput() {
        Random rnd = new Random(14);
        for (int log : new int[] {0, 1, 2, 5, 12, 13, 15}) {
            Domain d = Domain.ofLog(log);
            Fr[] a = random(rnd, d.size());
            long[] buf = buffer(a);
            long[] orig = buf.clone();
            d.fft(buf);
            if (log > 0) assertFalse(Arrays.equals(orig, buf));
            d.ifft(buf);
            assertArrayEquals(orig, buf, "fft/ifft 2^" + log);
            d.cosetFft(buf);
            d.cosetIfft(buf);
            assertArrayEquals(orig, buf, "coset 2^" + log);
            d.ifft(buf);
            d.fft(buf);
            assertArrayEquals(orig, buf, "ifft/fft 2^" + log);
        }
    }

    @Test
    void convolutionEqualsSchoolbookProduct() {
        Random rnd = new Random(15);
        Fr[] p = random(rnd, 1500), q = random(rnd, 2000);
        Fr[] school = new Fr[p.length + q.length - 1];
        Arrays.fill(school, Fr.ZERO);
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < q.length; j++) school[i + j] = school[i + j].add(p[i].mul(q[j]));
        }
        for (int log : new int[] {12, 13}) {
            Domain d = Domain.ofLog(log);
            Fr[] pp = Arrays.copyOf(p, d.size()), qq = Arrays.copyOf(q, d.size());
            Arrays.fill(pp, p.length, d.size(), Fr.ZERO);
            Arrays.fill(qq, q.length, d.size(), Fr.ZERO);
            Fr[] pe = d.fft(pp), qe = d.fft(qq);
            Fr[] prod = new Fr[d.size()];
            for (int i = 0; i < d.size(); i++) prod[i] = pe[i].mul(qe[i]);
            Fr[] c = d.ifft(prod);
            for (int i = 0; i < d.size(); i++) {
                assertEquals(i < school.length ? school[i] : Fr.ZERO, c[i], "coefficient " + i + " at 2^" + log);
            }
            // the same product through the coset
            Fr[] pc = d.cosetFft(pp), qc = d.cosetFft(qq);
            for (int i = 0; i < d.size(); i++) prod[i] = pc[i].mul(qc[i]);
            assertArrayEquals(c, d.cosetIfft(prod));
        }
    }

    @Test
    void threadCountsGiveIdenticalResults() {
        Random rnd = new Random(16);
        Domain base = Domain.ofLog(15);
        long[] input = buffer(random(rnd, base.size()));
        long[][] expected = new long[4][];
        Domain one = base.withThreads(1);
        expected[0] = input.clone(); one.fft(expected[0]);
        expected[1] = input.clone(); one.ifft(expected[1]);
        expected[2] = input.clone(); one.cosetFft(expected[2]);
        expected[3] = input.clone(); one.cosetIfft(expected[3]);
        for (int threads : new int[] {2, 3, 8}) {
            Domain d = base.withThreads(threads);
            long[] b = input.clone(); d.fft(b); assertArrayEquals(expected[0], b, "fft threads=" + threads);
            b = input.clone(); d.ifft(b); assertArrayEquals(expected[1], b, "ifft threads=" + threads);
            b = input.clone(); d.cosetFft(b); assertArrayEquals(expected[2], b, "cosetFft threads=" + threads);
            b = input.clone(); d.cosetIfft(b); assertArrayEquals(expected[3], b, "cosetIfft threads=" + threads);
        }
    }

    @Test
    void sizesAndFactories() {
        assertEquals(1 << 16, Domain.ofLog(16).size());
        assertSame(Domain.ofLog(10), Domain.ofSize(1024));
        assertSame(Domain.ofLog(11), Domain.atLeast(1025));
        assertSame(Domain.ofLog(0), Domain.atLeast(1));
        assertEquals(Fr.ONE, Domain.ofLog(9).sizeInverse().mul(Fr.of(512)));
        assertEquals(Fr.ONE, Domain.ofLog(9).omega().mul(Domain.ofLog(9).omegaInverse()));
    }

    @Test
    void badSizes_throw() {
        assertThrows(IllegalArgumentException.class, () -> Domain.ofLog(-1));
        assertThrows(IllegalArgumentException.class, () -> Domain.ofLog(29));
        assertThrows(IllegalArgumentException.class, () -> Domain.ofSize(0));
        assertThrows(IllegalArgumentException.class, () -> Domain.ofSize(6));
        assertThrows(IllegalArgumentException.class, () -> Domain.ofSize(1 << 29));
        assertThrows(IllegalArgumentException.class, () -> Domain.atLeast(0));
        assertThrows(IllegalArgumentException.class, () -> Domain.ofLog(3).withThreads(0));
    }

    @Test
    void wrongBufferLength_throwsAndLeavesBufferUnchanged() {
        Domain d = Domain.ofLog(3);
        long[] shortBuf = buffer(random(new Random(17), 4));
        long[] copy = shortBuf.clone();
        assertThrows(IllegalArgumentException.class, () -> d.fft(shortBuf));
        assertThrows(IllegalArgumentException.class, () -> d.cosetIfft(shortBuf));
        assertArrayEquals(copy, shortBuf);
        assertThrows(IllegalArgumentException.class, () -> d.fft(new Fr[7]));
        assertThrows(NullPointerException.class, () -> d.fft((long[]) null));
    }
}
