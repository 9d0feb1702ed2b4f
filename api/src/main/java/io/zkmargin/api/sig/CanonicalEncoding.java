package io.zkmargin.api.sig;

import io.zkmargin.api.market.AccountCommitment;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.crypto.field.Fr;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a venue signs (v1). All integers big-endian, fixed width.
 * <pre>
 * epoch        = "zkmargin/epoch/v1" 0x00, u64 epochId, i64 timestampMillis, 32 marketRoot,
 *                u32 nInstruments, instrument*, u32 nCollateral, collateral*      (each list by leaf index)
 * instrument   = id, u16 leafIndex, u64 mark, u64 som, tiers, 16 x i72 risk      (i72 = 9-byte two's complement)
 * collateral   = id, u16 leafIndex, u64 price, tiers
 * id           = u8 length, ASCII bytes
 * tiers        = u8 n, n x (u128 floor, u32 rate)
 * registration = "zkmargin/registration/v1" 0x00, u64 accountId, u64 sequence, 32 commitment
 * </pre>
 * The domain strings keep an epoch signature from ever verifying as a registration and vice versa.
 */
public final class CanonicalEncoding {
    private CanonicalEncoding() {}

    static final byte[] EPOCH_TAG = "zkmargin/epoch/v1\0".getBytes(StandardCharsets.US_ASCII);
    static final byte[] REGISTRATION_TAG = "zkmargin/registration/v1\0".getBytes(StandardCharsets.US_ASCII);

    public static byte[] epoch(long epochId, long timestampMillis, Fr marketRoot, MarketTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 200 * table.size());
        out.writeBytes(EPOCH_TAG);
        fixed(out, BigInteger.valueOf(epochId), 8);
        fixed(out, BigInteger.valueOf(timestampMillis), 8);
        out.writeBytes(marketRoot.toBytesBE());
        fixed(out, BigInteger.valueOf(table.instruments().size()), 4);
        for (Instrument i : table.instruments()) {
            id(out, i.id());
            fixed(out, BigInteger.valueOf(i.leafIndex()), 2);
            fixed(out, i.mark(), 8);
            fixed(out, i.som(), 8);
            tiers(out, i.maintenance());
            for (BigInteger r : i.riskArray()) {
                fixed(out, r, 9);
            }
        }
        fixed(out, BigInteger.valueOf(table.collaterals().size()), 4);
        for (CollateralAsset c : table.collaterals()) {
            id(out, c.id());
            fixed(out, BigInteger.valueOf(c.leafIndex()), 2);
            fixed(out, c.price(), 8);
            tiers(out, c.haircut());
        }
        return out.toByteArray();
    }

    public static byte[] registration(long accountId, long sequence, AccountCommitment commitment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(REGISTRATION_TAG.length + 48);
        out.writeBytes(REGISTRATION_TAG);
        fixed(out, BigInteger.valueOf(accountId), 8);
        fixed(out, BigInteger.valueOf(sequence), 8);
        out.writeBytes(commitment.value().toBytesBE());
        return out.toByteArray();
    }

    private static void id(ByteArrayOutputStream out, String id) {
        byte[] b = id.getBytes(StandardCharsets.US_ASCII);
        out.write(b.length);
        out.writeBytes(b);
    }

    private static void tiers(ByteArrayOutputStream out, TierSchedule t) {
        out.write(t.size());
        for (int k = 0; k < t.size(); k++) {
            fixed(out, t.floor(k), 16);
            fixed(out, BigInteger.valueOf(t.rate(k)), 4);
        }
    }

    /** Two's complement big-endian in exactly {@code width} bytes (values are pre-validated to fit). */
    static void fixed(ByteArrayOutputStream out, BigInteger v, int width) {
        byte[] b = v.toByteArray();
        if (b.length > width + 1 || (b.length == width + 1 && b[0] != 0)) {
            throw new IllegalArgumentException("value does not fit " + width + " bytes");
        }
        byte pad = (byte) (v.signum() < 0 ? 0xff : 0);
        for (int i = b.length; i < width; i++) {
            out.write(pad);
        }
        out.write(b, Math.max(0, b.length - width), Math.min(width, b.length));
    }
}
