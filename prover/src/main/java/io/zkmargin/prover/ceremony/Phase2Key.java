package io.zkmargin.prover.ceremony;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.crypto.curve.G1Affine;
import io.zkmargin.crypto.curve.G1Jacobian;
import io.zkmargin.crypto.curve.G2Affine;
import io.zkmargin.crypto.curve.G2Jacobian;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.crypto.msm.G1Packed;
import io.zkmargin.crypto.msm.G2Packed;
import io.zkmargin.crypto.curve.PointOps;
import io.zkmargin.prover.SetupListener;
import io.zkmargin.crypto.ntt.Domain;
import io.zkmargin.groth16.VerifyingKey;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.ProvingKeyFile;
import io.zkmargin.prover.R1csDigest;
import io.zkmargin.verifier.RawPoints;
import io.zkmargin.verifier.VerifyingKeyEncoding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BinaryOperator;
import java.util.function.LongConsumer;

/**
 * The phase-2 key of one circuit while a ceremony runs: the proving-key content of {@link ProvingKey}
 * (same query layout) with gamma fixed to the generator and delta updated by each contribution. The start key
 * (delta = 1) cannot be a {@link VerifyingKey} (gamma = delta is refused there), hence this separate type.
 * Encoding "ZKP2" v1: big-endian header, points of the verifying part raw (EIP-197 order), the query vectors
 * as packed Montgomery limbs in little-endian words, like the "ZKPK" file.
 */
final class Phase2Key {
    private static final byte[] MAGIC = "ZKP2".getBytes(StandardCharsets.US_ASCII);
    private static final int G1B = RawPoints.G1_BYTES;
    private static final int G2B = RawPoints.G2_BYTES;

    final int nWires;
    final int nPub;
    final int nCons;
    final int log;
    private final byte[] r1csDigest;
    final G1Affine alpha1;
    final G1Affine beta1;
    final G1Affine delta1;
    final G2Affine beta2;
    final G2Affine gamma2;
    final G2Affine delta2;
    final List<G1Affine> ic;
    final G1Packed a;
    final G1Packed b1;
    final G2Packed b2;
    final G1Packed l;
    final G1Packed h;

    Phase2Key(int nWires, int nPub, int nCons, int log, byte[] r1csDigest, G1Affine alpha1, G1Affine beta1,
            G1Affine delta1, G2Affine beta2, G2Affine gamma2, G2Affine delta2, List<G1Affine> ic, G1Packed a,
            G1Packed b1, G2Packed b2, G1Packed l, G1Packed h) {
        if (nWires < 1 + nPub || nPub < 0 || nCons < 0 || log < 1 || log > 28
                || (1L << log) < (long) nCons + nPub + 1 || r1csDigest.length != 32 || ic.size() != nPub + 1
                || a.size() != nWires || b1.size() != nWires || b2.size() != nWires
                || l.size() != nWires - nPub - 1 || h.size() != (1 << log) - 1) {
            throw new IllegalArgumentException("phase-2 key sizes are inconsistent");
        }
        this.nWires = nWires;
        this.nPub = nPub;
        this.nCons = nCons;
        this.log = log;
        this.r1csDigest = r1csDigest.clone();
        this.alpha1 = Objects.requireNonNull(alpha1);
        this.beta1 = Objects.requireNonNull(beta1);
        this.delta1 = Objects.requireNonNull(delta1);
        this.beta2 = Objects.requireNonNull(beta2);
        this.gamma2 = Objects.requireNonNull(gamma2);
        this.delta2 = Objects.requireNonNull(delta2);
        this.ic = List.copyOf(ic);
        this.a = a;
        this.b1 = b1;
        this.b2 = b2;
        this.l = l;
        this.h = h;
    }

    byte[] r1csDigest() {
        return r1csDigest.clone();
    }

    /** A copy with delta and the delta-divided queries replaced (what a contribution changes). */
    Phase2Key withDelta(G1Affine newDelta1, G2Affine newDelta2, G1Packed newL, G1Packed newH) {
        return new Phase2Key(nWires, nPub, nCons, log, r1csDigest, alpha1, beta1, newDelta1, beta2, gamma2, newDelta2,
                ic, a, b1, b2, newL, newH);
    }

    /** The start key without progress reporting. */
    static Phase2Key start(PowersOfTau ptau, R1cs r1cs) {
        return start(ptau, r1cs, SetupListener.NONE);
    }

    /**
     * The start key of phase 2 for r1cs from the phase-1 powers (delta = gamma = 1, as snarkjs's initial zkey):
     * the Lagrange basis of the circuit's domain at tau (from the .ptau's prepared sections when present, else by
     * an inverse FFT over the group elements), then the QAP polynomials of each wire as sparse combinations of it;
     * H_i = tau^(i+n) G1 - tau^i G1. All on packed buffers and all cores; progress goes to listener.
     */
    static Phase2Key start(PowersOfTau ptau, R1cs r1cs, SetupListener listener) {
        Objects.requireNonNull(ptau, "ptau");
        Objects.requireNonNull(r1cs, "r1cs");
        Objects.requireNonNull(listener, "listener");
        int m = r1cs.nConstraints();
        int nPub = r1cs.nPublic();
        int nWires = r1cs.nWires();
        Domain domain = Domain.atLeast(m + nPub + 1);
        int n = domain.size();
        int log = domain.log();
        if (log > ptau.power()) {
            throw new IllegalArgumentException("the circuit needs a domain of 2^" + log
                    + " but the .ptau has power " + ptau.power() + "; use a larger phase-1 file");
        }
        Basis basis = basis(ptau, log, listener);
        PointOps g1 = PointOps.G1;
        PointOps g2 = PointOps.G2;
        BulkOps.Columns ca = BulkOps.Columns.of(r1cs.a(), nWires);
        BulkOps.Columns cb = BulkOps.Columns.of(r1cs.b(), nWires);
        BulkOps.Columns cc = BulkOps.Columns.of(r1cs.c(), nWires);
        long[] aCoef = r1cs.a().montCoeffs();
        long[] bCoef = r1cs.b().montCoeffs();
        long[] cCoef = r1cs.c().montCoeffs();
        long total = 3L * ca.size() + 3L * cb.size() + cc.size();
        LongConsumer q = counter(listener, "queries A, B, L", total + 4L * n);
        LongConsumer tabs = q;
        long[] aJ = BulkOps.infinities(g1, nWires);
        long[] b1J = BulkOps.infinities(g1, nWires);
        long[] b2J = BulkOps.infinities(g2, nWires);
        long[] cJ = BulkOps.infinities(g1, nWires);
        long[] tables = BulkOps.rowTables(g1, basis.tau1, n, tabs);
        BulkOps.accumulate(g1, aJ, ca, aCoef, tables, q);
        BulkOps.accumulate(g1, b1J, cb, bCoef, tables, q);
        BulkOps.accumulate(g1, cJ, cc, cCoef, tables, q);
        tables = BulkOps.rowTables(g1, basis.beta1, n, tabs);
        BulkOps.accumulate(g1, cJ, ca, aCoef, tables, q);
        tables = BulkOps.rowTables(g1, basis.alpha1, n, tabs);
        BulkOps.accumulate(g1, cJ, cb, bCoef, tables, q);
        tables = null;
        tables = BulkOps.rowTables(g2, basis.tau2, n, tabs);
        BulkOps.accumulate(g2, b2J, cb, bCoef, tables, q);
        tables = null;
        long[] t = new long[g1.scratch()];
        for (int i = 0; i <= nPub; i++) {
            // public-input binding rows m..m+nPub: A row m+i is wire i
            g1.addMixed(aJ, 12 * i, aJ, 12 * i, basis.tau1, 8 * (m + i), t);
            g1.addMixed(cJ, 12 * i, cJ, 12 * i, basis.beta1, 8 * (m + i), t);
        }
        long[] cA = BulkOps.toAffine(g1, cJ, nWires);
        List<G1Affine> ic = new ArrayList<>();
        for (int i = 0; i <= nPub; i++) {
            ic.add(G1Affine.readPacked(cA, 8 * i));
        }
        long[] lA = Arrays.copyOfRange(cA, 8 * (nPub + 1), 8 * nWires);
        long[] h = BulkOps.hQuery(ptau.tauG1().toLongs(), n, counter(listener, "query H", n - 1));
        return new Phase2Key(nWires, nPub, m, log, R1csDigest.of(r1cs), ptau.alphaTauG1().get(0),
                ptau.betaTauG1().get(0), G1Affine.GENERATOR, ptau.betaG2(), G2Affine.GENERATOR, G2Affine.GENERATOR, ic,
                G1Packed.of(BulkOps.toAffine(g1, aJ, nWires)), G1Packed.of(BulkOps.toAffine(g1, b1J, nWires)),
                G2Packed.ofOnCurve(BulkOps.toAffine(g2, b2J, nWires)), G1Packed.of(lA), G1Packed.of(h));
    }

    /** The Lagrange basis of one domain at tau: L_i(tau) in G1 and G2, alpha L_i(tau) and beta L_i(tau) in G1. */
    record Basis(long[] tau1, long[] tau2, long[] alpha1, long[] beta1) {
    }

    /**
     * The basis for domain 2^log: the .ptau's prepared sections when it has them (checked against the powers when
     * it was imported), else derived by the group inverse FFT of the monomials (slow for large domains: about
     * (n/2) log n scalar multiplications per basis).
     */
    static Basis basis(PowersOfTau ptau, int log, SetupListener listener) {
        java.util.Optional<PowersOfTau.LagrangeBasis> prepared = ptau.lagrange(log);
        if (prepared.isPresent()) {
            PowersOfTau.LagrangeBasis l = prepared.get();
            listener.progress("Lagrange basis from the prepared .ptau", 1, 1);
            return new Basis(l.tauG1().toLongs(), l.tauG2().toLongs(), l.alphaTauG1().toLongs(), l.betaTauG1().toLongs());
        }
        int n = 1 << log;
        long fft = (long) (n / 2) * log + n;
        long[] tau1 = BulkOps.lagrange(PointOps.G1, ptau.tauG1().toLongs(), log, counter(listener, "Lagrange tau G1", fft));
        long[] alpha1 = BulkOps.lagrange(PointOps.G1, ptau.alphaTauG1().toLongs(), log,
                counter(listener, "Lagrange alpha tau G1", fft));
        long[] beta1 = BulkOps.lagrange(PointOps.G1, ptau.betaTauG1().toLongs(), log,
                counter(listener, "Lagrange beta tau G1", fft));
        long[] tau2 = BulkOps.lagrange(PointOps.G2, ptau.tauG2().toLongs(), log, counter(listener, "Lagrange tau G2", fft));
        return new Basis(tau1, tau2, alpha1, beta1);
    }

    /** A thread-safe counter reporting done/total of phase to listener. */
    static LongConsumer counter(SetupListener listener, String phase, long total) {
        AtomicLong done = new AtomicLong();
        listener.progress(phase, 0, total);
        return d -> listener.progress(phase, done.addAndGet(d), total);
    }

    static G1Jacobian[] lagrangeG1(G1Packed monomial, Domain d) {
        G1Jacobian[] a = new G1Jacobian[d.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = monomial.get(i).toJacobian();
        }
        ifft(a, d, G1Jacobian::add, (p, k) -> p.mul(k), G1Jacobian::neg);
        return a;
    }

    static G2Jacobian[] lagrangeG2(G2Packed monomial, Domain d) {
        G2Jacobian[] a = new G2Jacobian[d.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = monomial.get(i).toJacobian();
        }
        ifft(a, d, G2Jacobian::add, (p, k) -> p.mul(k), G2Jacobian::neg);
        return a;
    }

    private interface Mul<P> {
        P mul(P p, Fr k);
    }

    /**
     * Reference inverse DFT over a group on point objects (slow, one thread): kept as the independent check of
     * {@link BulkOps#lagrange} and of prepared .ptau sections in tests. a_k <- (1/n) sum_i omega^(-ik) a_i.
     */
    private static <P> void ifft(P[] a, Domain d, BinaryOperator<P> add, Mul<P> mul, java.util.function.UnaryOperator<P> neg) {
        int n = a.length;
        int log = d.log();
        for (int i = 0; i < n; i++) {
            int j = Integer.reverse(i) >>> (32 - log);
            if (log > 0 && j > i) {
                P t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
        Fr wInv = d.omegaInverse();
        for (int len = 2; len <= n; len <<= 1) {
            Fr step = wInv.pow(java.math.BigInteger.valueOf(n / len));
            Fr[] tw = new Fr[len / 2];
            tw[0] = Fr.ONE;
            for (int k = 1; k < len / 2; k++) {
                tw[k] = tw[k - 1].mul(step);
            }
            for (int s = 0; s < n; s += len) {
                for (int k = 0; k < len / 2; k++) {
                    P u = a[s + k];
                    P v = k == 0 ? a[s + k + len / 2] : mul.mul(a[s + k + len / 2], tw[k]);
                    a[s + k] = add.apply(u, v);
                    a[s + k + len / 2] = add.apply(u, neg.apply(v));
                }
            }
        }
        Fr nInv = d.sizeInverse();
        for (int i = 0; i < n; i++) {
            a[i] = mul.mul(a[i], nInv);
        }
    }

    // ------------------------------------------------------------------ encoding

    byte[] encode() {
        long[][] q1 = {a.toLongs(), b1.toLongs(), l.toLongs(), h.toLongs()};
        long[] q2 = b2.toLongs();
        long words = q2.length;
        for (long[] q : q1) {
            words += q.length;
        }
        long size = 4 + 2 + 2 + 16 + 32 + 3L * G1B + 3L * G2B + (long) G1B * (nPub + 1) + 8 * words;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("phase-2 key too large for a single-array encoding");
        }
        ByteBuffer bb = ByteBuffer.allocate((int) size);
        bb.put(MAGIC).putShort((short) 1).putShort((short) 0);
        bb.putInt(nWires).putInt(nPub).putInt(nCons).putInt(log).put(r1csDigest);
        byte[] p1 = new byte[G1B];
        byte[] p2 = new byte[G2B];
        for (G1Affine p : new G1Affine[] {alpha1, beta1, delta1}) {
            RawPoints.writeG1(p, p1, 0);
            bb.put(p1);
        }
        for (G2Affine p : new G2Affine[] {beta2, gamma2, delta2}) {
            RawPoints.writeG2(p, p2, 0);
            bb.put(p2);
        }
        for (G1Affine p : ic) {
            RawPoints.writeG1(p, p1, 0);
            bb.put(p1);
        }
        bb.order(ByteOrder.LITTLE_ENDIAN);
        for (long[] q : new long[][] {q1[0], q1[1], q2, q1[2], q1[3]}) {
            bb.asLongBuffer().put(q);
            bb.position(bb.position() + 8 * q.length);
        }
        return bb.array();
    }

    static Phase2Key decode(byte[] in) {
        if (in.length < 56 || !Arrays.equals(in, 0, 4, MAGIC, 0, 4)) {
            throw new IllegalArgumentException("not a phase-2 key (bad magic)");
        }
        ByteBuffer bb = ByteBuffer.wrap(in);
        bb.position(4);
        int version = bb.getShort();
        bb.getShort();
        if (version != 1) {
            throw new IllegalArgumentException("unsupported phase-2 key version " + version);
        }
        long nWires = Integer.toUnsignedLong(bb.getInt());
        long nPub = Integer.toUnsignedLong(bb.getInt());
        long nCons = Integer.toUnsignedLong(bb.getInt());
        long log = Integer.toUnsignedLong(bb.getInt());
        if (log < 1 || log > 28 || nWires < 1 || nPub >= nWires || nWires > Integer.MAX_VALUE / 32 || nCons > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("phase-2 key header sizes are out of range");
        }
        long n = 1L << log;
        long expected = 56 + 3L * G1B + 3L * G2B + G1B * (nPub + 1)
                + 8L * (8 * nWires * 2 + 16 * nWires + 8 * (nWires - nPub - 1) + 8 * (n - 1));
        if (in.length != expected) {
            throw new IllegalArgumentException("phase-2 key has " + in.length + " bytes, header implies " + expected);
        }
        byte[] digest = new byte[32];
        bb.get(digest);
        int p = 56;
        G1Affine alpha1 = RawPoints.readG1(in, p);
        G1Affine beta1 = RawPoints.readG1(in, p + G1B);
        G1Affine delta1 = RawPoints.readG1(in, p + 2 * G1B);
        p += 3 * G1B;
        G2Affine beta2 = RawPoints.readG2(in, p);
        G2Affine gamma2 = RawPoints.readG2(in, p + G2B);
        G2Affine delta2 = RawPoints.readG2(in, p + 2 * G2B);
        p += 3 * G2B;
        List<G1Affine> ic = new ArrayList<>();
        for (int i = 0; i <= nPub; i++) {
            ic.add(RawPoints.readG1(in, p));
            p += G1B;
        }
        bb.position(p);
        bb.order(ByteOrder.LITTLE_ENDIAN);
        int w = (int) nWires;
        G1Packed a = G1Packed.of(longs(bb, 8 * w));
        G1Packed b1 = G1Packed.of(longs(bb, 8 * w));
        G2Packed b2 = G2Packed.of(longs(bb, 16 * w));
        G1Packed l = G1Packed.of(longs(bb, 8 * (w - (int) nPub - 1)));
        G1Packed h = G1Packed.of(longs(bb, 8 * (int) (n - 1)));
        return new Phase2Key(w, (int) nPub, (int) nCons, (int) log, digest, alpha1, beta1, delta1, beta2, gamma2,
                delta2, ic, a, b1, b2, l, h);
    }

    private static long[] longs(ByteBuffer bb, int count) {
        long[] out = new long[count];
        bb.asLongBuffer().get(out);
        bb.position(bb.position() + 8 * count);
        return out;
    }

    byte[] hash() {
        return sha256(encode());
    }

    /** The key in the prover's "ZKPK" format (docs/KEY-FORMAT.md), decoded (and so validated) by ProvingKeyFile. */
    ProvingKey toProvingKey() {
        byte[] vk = VerifyingKeyEncoding.encode(VerifyingKey.of(alpha1, beta2, gamma2, delta2, ic));
        long[][] q = {a.toLongs(), b1.toLongs(), b2.toLongs(), l.toLongs(), h.toLongs()};
        long words = 0;
        for (long[] x : q) {
            words += x.length;
        }
        int header = 4 + 2 + 2 + 16 + 32 + 4;
        ByteBuffer bb = ByteBuffer.allocate((int) (header + vk.length + 2L * G1B + 8 * words + 32));
        bb.put(ProvingKeyFile.MAGIC).putShort((short) ProvingKeyFile.VERSION).putShort((short) ProvingKeyFile.CURVE_BN254);
        bb.putInt(nWires).putInt(nPub).putInt(nCons).putInt(log).put(r1csDigest).putInt(vk.length).put(vk);
        byte[] p1 = new byte[G1B];
        RawPoints.writeG1(beta1, p1, 0);
        bb.put(p1);
        RawPoints.writeG1(delta1, p1, 0);
        bb.put(p1);
        bb.order(ByteOrder.LITTLE_ENDIAN);
        for (long[] x : q) {
            bb.asLongBuffer().put(x);
            bb.position(bb.position() + 8 * x.length);
        }
        byte[] out = bb.array();
        byte[] d = sha256(Arrays.copyOf(out, bb.position()));
        System.arraycopy(d, 0, out, bb.position(), 32);
        return ProvingKeyFile.decode(out);
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
