package io.zkmargin.examples;

import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.sig.VenuePublicKey;
import io.zkmargin.api.sig.VenueSignatures;
import io.zkmargin.api.wire.JsonCodec;
import io.zkmargin.api.wire.WireMapping;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.groth16.VerifyingKey;
import io.zkmargin.verifier.Groth16Verifier;
import io.zkmargin.verifier.PreparedVerifyingKey;
import io.zkmargin.verifier.ProofEncoding;
import io.zkmargin.verifier.SnarkjsJson;
import io.zkmargin.verifier.VerifyingKeyEncoding;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The auditor, offline: checks the venue's signatures on the epoch and the registration, that the proof's public
 * inputs are that registered commitment and that epoch, and the Groth16 proof itself. For a whole service export
 * use {@code io.zkmargin.service.audit.AuditVerifier} (or {@code zkmargin audit}). Run the trader example first.
 * Usage: {@code AuditorExample <folder>}; exits 1 when anything fails.
 */
public final class AuditorExample {
    private AuditorExample() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "zkmargin-example");
        boolean ok = audit(dir);
        System.out.println(ok ? "AUDIT PASSED" : "AUDIT FAILED");
        if (!ok) System.exit(1);
    }

    /** True when every check passes; each check alone would not be enough (see the comments). */
    public static boolean audit(Path dir) throws Exception {
        // The trust anchor is the venue's public key, obtained out of band, never from the files being audited.
        VenuePublicKey venue = VenuePublicKey.fromPem(Files.readString(dir.resolve("venue.pub")));
        io.zkmargin.api.proto.MarketEpoch epochProto = JsonCodec.fromJson(
                Files.readString(dir.resolve("epoch-1.json")), io.zkmargin.api.proto.MarketEpoch.newBuilder());
        MarketEpoch epoch = WireMapping.fromProto(epochProto);
        io.zkmargin.api.proto.AccountRegistration regProto = JsonCodec.fromJson(
                Files.readString(dir.resolve("registration-42.json")), io.zkmargin.api.proto.AccountRegistration.newBuilder());
        AccountRegistration reg = WireMapping.fromProto(regProto);

        // Signatures: an unsigned epoch could carry any prices; an unsigned commitment any account.
        boolean signed = VenueSignatures.verifyEpoch(venue, epoch) && VenueSignatures.verifyRegistration(venue, reg);

        // A valid proof about some other commitment or epoch proves nothing about this account.
        Fr[] publics = SnarkjsJson.readPublic(Files.readString(dir.resolve("trader.public.json")));
        boolean bound = publics.length == 3 && publics[0].equals(reg.commitment().value())
                && publics[1].equals(epoch.epochDigest());

        // The proof: 128 bytes, decoded with curve and subgroup checks, then one pairing-product check.
        VerifyingKey vk = VerifyingKeyEncoding.decode(Files.readAllBytes(dir.resolve("margin-S.zkvk")));
        Proof proof = ProofEncoding.decode(Files.readAllBytes(dir.resolve("trader.proof")));
        boolean valid = bound && Groth16Verifier.verify(PreparedVerifyingKey.of(vk), proof, publics);

        System.out.printf("signatures %s, inputs bound %s, proof %s (threshold %s bps)%n",
                signed ? "ok" : "BAD", bound ? "ok" : "NO", valid ? "valid" : "INVALID",
                publics.length == 3 ? publics[2].toDecimalString() : "?");
        return signed && bound && valid;
    }
}
