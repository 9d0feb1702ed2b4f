package io.zkmargin.api.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zkmargin.api.market.AccountCommitment;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.CollateralAsset;
import io.zkmargin.api.model.Instrument;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.TierSchedule;
import io.zkmargin.crypto.field.Fr;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class VenueSignaturesTest {
    private static final HexFormat HEX = HexFormat.of();

    static MarketTable table(long btcMark) {
        return MarketTable.of(List.of(Instrument.linear("BTC-PERP", 0, btcMark, TierSchedule.flat(30_000))),
                List.of(CollateralAsset.of("USDC", 1, 1, TierSchedule.flat(1_000_000))));
    }

    @Test
    void rfc8032TestVector1_signsAndVerifies() {
        // RFC 8032 section 7.1, TEST 1 (empty message)
        VenueSigningKey k = VenueSigningKey.fromSeed(
                HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", k.publicKey().hex());
        byte[] sig = k.sign(new byte[0]);
        assertEquals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
                HEX.formatHex(sig));
        assertTrue(k.publicKey().verify(new byte[0], sig));
        assertFalse(k.publicKey().verify(new byte[] {0}, sig));
    }

    @Test
    void keyEncodings_interoperateWithJdkEd25519() throws Exception {
        VenueSigningKey k = VenueSigningKey.generate(new SecureRandom());
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        PublicKey jdkPub = kf.generatePublic(new X509EncodedKeySpec(k.publicKey().x509()));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkPub);
        byte[] msg = "hello".getBytes();
        jdk.update(msg);
        assertTrue(jdk.verify(k.sign(msg)));
        // JDK signs with our PKCS#8 encoding; we verify
        Signature jdkSign = Signature.getInstance("Ed25519");
        jdkSign.initSign(kf.generatePrivate(new PKCS8EncodedKeySpec(k.exportPkcs8())));
        jdkSign.update(msg);
        assertTrue(k.publicKey().verify(msg, jdkSign.sign()));
        assertArrayEquals(jdkPub.getEncoded(), k.publicKey().x509());
        assertEquals(k.publicKey(), VenuePublicKey.fromX509(jdkPub.getEncoded()));
        assertEquals(k.publicKey(), VenuePublicKey.fromHex(k.publicKey().hex()));
        assertEquals(k.publicKey(), VenueSigningKey.fromPkcs8(k.exportPkcs8()).publicKey());
        assertEquals(k.publicKey(), VenueSigningKey.fromSeed(k.exportSeed()).publicKey());
    }

    @Test
    void pem_rfc8410Examples_andRoundTrip() {
        // RFC 8410 section 10.3 private key and section 10.1 public key
        VenueSigningKey k = VenueSigningKey.fromPem("-----BEGIN PRIVATE KEY-----\n"
                + "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n");
        VenuePublicKey pub = VenuePublicKey.fromPem("-----BEGIN PUBLIC KEY-----\n"
                + "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n");
        assertEquals("19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1", pub.hex());
        assertEquals(pub, k.publicKey());
        assertEquals(pub, VenuePublicKey.fromPem(pub.toPem()));
        assertEquals(k.publicKey(), VenueSigningKey.fromPem(k.exportPem()).publicKey());
        String m = assertThrows(IllegalArgumentException.class,
                () -> VenueSigningKey.fromPem("-----BEGIN PRIVATE KEY-----\n!!secret!!\n-----END PRIVATE KEY-----"))
                .getMessage();
        assertFalse(m.contains("secret"), m);
        assertThrows(IllegalArgumentException.class, () -> VenuePublicKey.fromPem(k.exportPem()));
    }

    @Test
    void badPublicKeys_throw() {
        assertThrows(IllegalArgumentException.class, () -> VenuePublicKey.fromRaw(new byte[31]));
        // the identity point (y = 1) has small order
        byte[] identity = new byte[32];
        identity[0] = 1;
        assertThrows(IllegalArgumentException.class, () -> VenuePublicKey.fromRaw(identity));
        assertThrows(IllegalArgumentException.class, () -> VenuePublicKey.fromHex("zz"));
        assertThrows(IllegalArgumentException.class, () -> VenuePublicKey.fromX509(new byte[44]));
    }

    @Test
    void signingKey_toStringHasNoSecret() {
        VenueSigningKey k = VenueSigningKey.fromSeed(new byte[32]);
        String s = k.toString();
        assertFalse(s.contains(HEX.formatHex(k.exportSeed())));
        assertTrue(s.contains("redacted"));
    }

    @Test
    void epoch_signsVerifies_andTamperedTableFails() {
        VenueSigningKey k = VenueSigningKey.generate(new SecureRandom());
        MarketEpoch e = VenueSignatures.signEpoch(k, 5, 1_700_000_000_000L, table(58_000));
        assertTrue(VenueSignatures.verifyEpoch(k.publicKey(), e));
        // same signature on a changed mark: new root, signature no longer matches
        MarketTable changed = table(58_001);
        MarketEpoch forged = MarketEpoch.of(5, 1_700_000_000_000L, changed,
                io.zkmargin.api.market.MarketTree.of(changed).root(), e.signature());
        assertFalse(VenueSignatures.verifyEpoch(k.publicKey(), forged));
        MarketEpoch otherId = MarketEpoch.of(6, e.timestampMillis(), e.tree(), e.signature());
        assertFalse(VenueSignatures.verifyEpoch(k.publicKey(), otherId));
        byte[] flipped = e.signature();
        flipped[10] ^= 1;
        assertFalse(VenueSignatures.verifyEpoch(k.publicKey(),
                MarketEpoch.of(5, e.timestampMillis(), e.tree(), flipped)));
        assertFalse(VenueSignatures.verifyEpoch(VenueSigningKey.generate(new SecureRandom()).publicKey(), e));
    }

    @Test
    void epochWithWrongRoot_throws() {
        assertThrows(IllegalArgumentException.class, () -> MarketEpoch.of(1, 0, table(1), Fr.ONE, new byte[64]));
    }

    @Test
    void registration_signsVerifies_tamperedFails_andIsNotAnEpochSignature() {
        VenueSigningKey k = VenueSigningKey.generate(new SecureRandom());
        AccountCommitment c = AccountCommitment.of(Fr.of(12345));
        AccountRegistration r = VenueSignatures.signRegistration(k, 9, 3, c);
        assertTrue(VenueSignatures.verifyRegistration(k.publicKey(), r));
        assertFalse(VenueSignatures.verifyRegistration(k.publicKey(), AccountRegistration.of(9, 4, c, r.signature())));
        assertFalse(VenueSignatures.verifyRegistration(k.publicKey(), AccountRegistration.of(8, 3, c, r.signature())));
        assertFalse(VenueSignatures.verifyRegistration(k.publicKey(),
                AccountRegistration.of(9, 3, AccountCommitment.of(Fr.of(12346)), r.signature())));
    }

    @Test
    void canonicalEpochEncoding_followsDocumentedLayout() {
        MarketTable t = MarketTable.of(
                List.of(Instrument.of("AB", 5, 7, TierSchedule.flat(30_000),
                        new long[] {-1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}, 9)),
                List.of(CollateralAsset.of("U", 1, 1, TierSchedule.of(new long[] {0, 256}, new int[] {1_000_000, 1}))));
        byte[] enc = CanonicalEncoding.epoch(3, 4, Fr.of(5), t);
        StringBuilder x = new StringBuilder(HEX.formatHex("zkmargin/epoch/v1\0".getBytes()));
        x.append("0000000000000003").append("0000000000000004").append("00".repeat(31)).append("05");
        x.append("00000001").append("02").append(HEX.formatHex("AB".getBytes())).append("0005")
                .append("0000000000000007").append("0000000000000009")
                .append("01").append("00".repeat(16)).append("00007530");
        x.append("ff".repeat(9)).append("00".repeat(8)).append("01");
        for (int s = 2; s < 15; s++) {
            x.append("00".repeat(9));
        }
        x.append("00".repeat(8)).append("02");
        x.append("00000001").append("01").append(HEX.formatHex("U".getBytes())).append("0001")
                .append("0000000000000001").append("02")
                .append("00".repeat(16)).append("000f4240")
                .append("00".repeat(14)).append("0100").append("00000001");
        assertEquals(x.toString(), HEX.formatHex(enc));
    }

    @Test
    void canonicalEncoding_layoutIsFixed() {
        byte[] reg = CanonicalEncoding.registration(1, 2, AccountCommitment.of(Fr.of(3)));
        String expected = HEX.formatHex("zkmargin/registration/v1\0".getBytes()) + "0000000000000001"
                + "0000000000000002" + "00".repeat(31) + "03";
        assertEquals(expected, HEX.formatHex(reg));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CanonicalEncoding.fixed(out, java.math.BigInteger.valueOf(-2), 9);
        assertEquals("fffffffffffffffffe", HEX.formatHex(out.toByteArray()));
        out.reset();
        CanonicalEncoding.fixed(out, java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE), 8);
        assertEquals("ffffffffffffffff", HEX.formatHex(out.toByteArray()));
    }
}
