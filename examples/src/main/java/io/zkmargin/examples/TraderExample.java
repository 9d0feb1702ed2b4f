package io.zkmargin.examples;

import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.engine.MarginResult;
import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.AccountState;
import io.zkmargin.api.model.Salt;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.model.Threshold;
import io.zkmargin.api.wire.JsonCodec;
import io.zkmargin.api.wire.WireMapping;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.margin.MarginCircuit;
import io.zkmargin.circuits.margin.MarginWitnessBuilder;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.prover.Groth16Prover;
import io.zkmargin.prover.ProvingKeyFile;
import io.zkmargin.verifier.ProofEncoding;
import io.zkmargin.verifier.SnarkjsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The trader: commits to a private account, has the venue register the commitment, checks health locally and
 * proves "equity >= 120% of the requirement" without revealing positions. Run {@link VenueExample} first.
 * Usage: {@code TraderExample <folder>}; writes trader.proof (128 bytes) and trader.public.json.
 */
public final class TraderExample {
    private TraderExample() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "zkmargin-example");
        io.zkmargin.api.proto.MarketEpoch epochProto = JsonCodec.fromJson(
                Files.readString(dir.resolve("epoch-1.json")), io.zkmargin.api.proto.MarketEpoch.newBuilder());
        MarketEpoch epoch = WireMapping.fromProto(epochProto);

        // 1. The private account: long 2 BTC perps, short 3 calls, 60,000 USD. Leaves are the venue's table slots.
        AccountState account = AccountState.builder(42).sequence(1)
                .position(16, 2).position(32, -3).balance(0, 60_000).build();

        // 2. Commit with a fresh random salt: the commitment is public, the salt must stay with the trader.
        Salt salt = Salt.random(new SecureRandom());
        CommitmentOpening opening = CommitmentOpening.of(account, SizeClass.S, salt);
        VenueExample.register(dir, account.accountId(), account.sequence(), opening.commitment());

        // 3. Check locally first: the prover cannot prove a false statement, so ask the reference engine.
        MarginResult health = MarginEngine.evaluate(epoch.table(), account);
        Threshold warn = Threshold.WARN;
        if (!health.isHealthy(warn)) {
            throw new IllegalStateException("account is below 120%; largest provable threshold: " + health.bestThreshold());
        }

        // 4. The witness binds account, salt, epoch and threshold; the circuit checks the margin rules on it.
        Witness w = MarginWitnessBuilder.forEpoch(epoch).witness(SizeClass.S, account, salt, warn);
        Groth16Prover prover = Groth16Prover.of(ProvingKeyFile.read(dir.resolve("margin-S.zkpk")),
                MarginCircuit.compiled(SizeClass.S).r1cs());
        Proof proof = prover.prove(w);

        // 5. What leaves the machine: 128 bytes of proof and three public inputs (commitment, epoch digest, f).
        Fr[] publics = w.publicValues().toArray(new Fr[0]);
        Files.write(dir.resolve("trader.proof"), ProofEncoding.compressed(proof));
        Files.writeString(dir.resolve("trader.public.json"), SnarkjsJson.writePublic(publics));
        System.out.printf("account %d proved healthy at %,d bps in epoch %d (equity/requirement allows %,d bps)%n",
                account.accountId(), warn.bps(), epoch.epochId(), health.largestProvableF());
    }
}
