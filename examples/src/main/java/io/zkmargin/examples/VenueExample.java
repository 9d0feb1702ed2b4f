package io.zkmargin.examples;

import io.zkmargin.api.market.AccountCommitment;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.MarketTable;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.risk.MarketTableGenerator;
import io.zkmargin.api.sig.VenueSignatures;
import io.zkmargin.api.sig.VenueSigningKey;
import io.zkmargin.api.wire.JsonCodec;
import io.zkmargin.api.wire.WireMapping;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.margin.MarginCircuit;
import io.zkmargin.prover.Groth16Setup;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.ProvingKeyFile;
import io.zkmargin.prover.SetupListener;
import io.zkmargin.verifier.VerifyingKeyEncoding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The venue: a signing key, Groth16 keys for size class S, and a signed market epoch built by the risk tools.
 * Usage: {@code VenueExample <folder>}; writes venue.key (secret), venue.pub, margin-S.zkpk/.zkvk, epoch-1.json.
 */
public final class VenueExample {
    /** Instrument specs: the risk tools turn these into 16-scenario risk arrays (Black-76 for options). */
    static final String MARKET_CSV = String.join("\n",
            "kind,id,leaf,underlying,price,price_scan_range,vol_scan_range,strike,days,vol,som_fraction,tiers",
            "underlying,BTC,,,60000,6000,0.10,,,,,",
            "perp,BTC-PERP,16,BTC,,,,,,,,0:4000;50000:5000;250000:10000",
            "call,BTC-C70000,32,BTC,,,,70000,30,0.60,0.01,",
            "collateral,USD,0,,1,,,,,,,",
            "");

    private VenueExample() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "zkmargin-example");
        Files.createDirectories(dir);

        // 1. The venue's Ed25519 key signs epochs and registrations; the service and auditors trust its public half.
        VenueSigningKey venue = VenueSigningKey.generate(new SecureRandom());
        Path keyFile = dir.resolve("venue.key");
        Files.deleteIfExists(keyFile);
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyFile, venue.exportPem(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("venue.pub"), venue.publicKey().toPem());

        // 2. Groth16 keys for the S margin circuit. Single-party setup: fine for an example, but whoever runs it
        //    could forge proofs, so production keys come from a ceremony (docs/CEREMONY.md).
        CompiledCircuit circuit = MarginCircuit.compiled(SizeClass.S);
        ProvingKey pk = Groth16Setup.generate(circuit.r1cs(), new SecureRandom(),
                Runtime.getRuntime().availableProcessors(), SetupListener.NONE);
        ProvingKeyFile.write(pk, dir.resolve("margin-S.zkpk"));
        Files.write(dir.resolve("margin-S.zkvk"), VerifyingKeyEncoding.encode(pk.verifyingKey()));

        // 3. The market table from instrument specs, then the signed epoch (it carries the Poseidon market root
        //    and the epoch digest that every proof of this epoch commits to).
        MarketTable table = MarketTableGenerator.generate(MarketTableGenerator.parseCsv(MARKET_CSV));
        MarketEpoch epoch = VenueSignatures.signEpoch(venue, 1, System.currentTimeMillis(), table);
        Files.writeString(dir.resolve("epoch-1.json"), JsonCodec.toJson(WireMapping.toProto(epoch)));

        System.out.printf("venue %s: S keys (%,d constraints), epoch 1 with %d instruments, root %s%n",
                venue.publicKey().keyId(), circuit.r1cs().nConstraints(), table.instruments().size(),
                epoch.marketRoot().toDecimalString());
    }

    /** After each trade the venue signs the account's new commitment; the service only accepts signed ones. */
    public static AccountRegistration register(Path dir, long accountId, long sequence, AccountCommitment c)
            throws Exception {
        VenueSigningKey venue = VenueSigningKey.fromPem(Files.readString(dir.resolve("venue.key")));
        AccountRegistration r = VenueSignatures.signRegistration(venue, accountId, sequence, c);
        Files.writeString(dir.resolve("registration-" + accountId + ".json"), JsonCodec.toJson(WireMapping.toProto(r)));
        return r;
    }
}
