package io.zkmargin.prover;

import io.zkmargin.circuits.R1cs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 over an R1CS's counts and matrices (wire ids and Montgomery coefficients, row by row), so a
 * prover can refuse a proving key made for another circuit instead of producing a proof that fails.
 */
public final class R1csDigest {
    private R1csDigest() {
    }

    public static byte[] of(R1cs r) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer head = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(r.nWires()).putInt(r.nPubOut()).putInt(r.nPubIn()).putInt(r.nPrvIn()).putInt(r.nConstraints());
        md.update(head.array());
        for (R1cs.Matrix m : new R1cs.Matrix[] {r.a(), r.b(), r.c()}) {
            int[] rows = m.rowStarts();
            int[] wires = m.wires();
            long[] coeffs = m.montCoeffs();
            ByteBuffer bb = ByteBuffer.allocate(4 * rows.length + 4 * wires.length + 8 * coeffs.length)
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (int v : rows) {
                bb.putInt(v);
            }
            for (int v : wires) {
                bb.putInt(v);
            }
            for (long v : coeffs) {
                bb.putLong(v);
            }
            md.update(bb.array());
        }
        return md.digest();
    }
}
