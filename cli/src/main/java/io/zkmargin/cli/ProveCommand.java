package io.zkmargin.cli;

import com.google.protobuf.ByteString;
import io.zkmargin.api.engine.MarginEngine;
import io.zkmargin.api.engine.MarginResult;
import io.zkmargin.api.market.CommitmentOpening;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.Threshold;
import io.zkmargin.api.wire.JsonCodec;
import io.zkmargin.api.wire.WireMapping;
import io.zkmargin.circuits.CompiledCircuit;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.margin.MarginCircuit;
import io.zkmargin.circuits.margin.MarginWitnessBuilder;
import io.zkmargin.crypto.field.Fr;
import io.zkmargin.groth16.Proof;
import io.zkmargin.prover.Groth16Prover;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.ProvingKeyFile;
import io.zkmargin.verifier.ProofEncoding;
import io.zkmargin.verifier.SnarkjsJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "prove", mixinStandardHelpOptions = true,
        description = {"Trader: prove that the committed account meets its maintenance margin at a threshold.",
            "Writes <out>.proof (128 bytes), <out>.public.json (public inputs: commitment, epoch digest, threshold)",
            "and <out>.submission.json (the body for POST /v1/proofs). Refuses when the account is not healthy at",
            "the threshold, and says the largest threshold it can prove."})
final class ProveCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--opening", required = true, description = "Opening file from `zkmargin commit` (secret).")
    Path openingFile;

    @Option(names = {"-e", "--epoch"}, required = true, description = "Market epoch file (JSON).")
    Path epochFile;

    @Option(names = {"-f", "--threshold"}, description = "Threshold in basis points of the requirement (default 12000).",
            defaultValue = "12000")
    long thresholdBps;

    @Option(names = "--max", description = "Prove the largest threshold the account can (capped at 1,000,000 bps).")
    boolean max;

    @Option(names = {"-k", "--proving-key"}, required = true, description = "Proving key of the account's size class (.zkpk).")
    Path provingKeyFile;

    @Option(names = {"-o", "--out"}, required = true, description = "Output path prefix.")
    String out;

    @Option(names = "--submit", description = "Service URL to submit the proof to (POST /v1/proofs).")
    String submitUrl;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        CliFiles.Opening opening = CliFiles.readOpening(openingFile);
        MarketEpoch epoch = CliFiles.readEpoch(epochFile);
        provableThreshold(opening, epoch, max ? -1 : thresholdBps); // refuse before the slow key read
        ProvingKey pk = ProvingKeyFile.read(provingKeyFile);
        Result r = prove(opening, epoch, pk, max ? -1 : thresholdBps, o);
        byte[] proofBytes = ProofEncoding.compressed(r.proof());
        CliFiles.writeBytes(Path.of(out + ".proof"), proofBytes);
        CliFiles.writeText(Path.of(out + ".public.json"), SnarkjsJson.writePublic(r.publicInputs()));
        CliFiles.writeText(Path.of(out + ".proof.json"), SnarkjsJson.writeProof(r.proof()));
        String submission = submissionJson(opening, epoch, r.thresholdBps(), proofBytes);
        CliFiles.writeText(Path.of(out + ".submission.json"), submission);
        o.printf("proof for account %d, epoch %d, threshold %,d bps: %s.proof (%d bytes)%n",
                opening.state().accountId(), epoch.epochId(), r.thresholdBps(), out, proofBytes.length);
        if (submitUrl != null) {
            Http.Response resp = Http.postOrFail(submitUrl, "/v1/proofs", submission, null, "proof");
            o.printf("  submitted to %s: %s%n", submitUrl, resp.body());
        }
        return 0;
    }

    record Result(Proof proof, Fr[] publicInputs, long thresholdBps, double seconds) { }

    /**
     * Proves the opening healthy at {@code fBps} (or at the best provable threshold when fBps < 0). Refuses, as a
     * CliException with exit code 1, an account that is not healthy at the threshold.
     */
    static Result prove(CliFiles.Opening opening, MarketEpoch epoch, ProvingKey pk, long fBps, PrintWriter log) {
        long t0 = System.nanoTime();
        Threshold threshold = Threshold.ofBps(provableThreshold(opening, epoch, fBps));
        long f = threshold.bps();
        CompiledCircuit cc = MarginCircuit.compiled(opening.sizeClass());
        Witness w = MarginWitnessBuilder.forEpoch(epoch).witness(opening.sizeClass(), opening.state(), opening.salt(), threshold);
        Groth16Prover prover = Groth16Prover.of(pk, cc.r1cs());
        Proof proof = prover.prove(w, new SecureRandom(), io.zkmargin.prover.PhaseListener.NONE);
        Fr[] publics = w.publicValues().toArray(new Fr[0]);
        Fr expectedCommitment = CommitmentOpening.of(opening.state(), opening.sizeClass(), opening.salt()).commitment().value();
        if (!publics[0].equals(expectedCommitment) || !publics[1].equals(epoch.epochDigest())) {
            throw new IllegalStateException("public inputs do not match the commitment and epoch digest");
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (log != null) log.printf("  proved account %d at %,d bps in %.1fs%n", opening.state().accountId(), f, secs);
        return new Result(proof, publics, f, secs);
    }

    /**
     * The threshold to prove: fBps, or the best provable one when fBps < 0. Refuses, as a CliException with exit
     * code 1, an account that is not healthy at it (checked before the proving key is read: that takes seconds).
     */
    static long provableThreshold(CliFiles.Opening opening, MarketEpoch epoch, long fBps) {
        MarginResult health = MarginEngine.evaluate(epoch.table(), opening.state());
        long f = fBps;
        if (f < 0) {
            Optional<Threshold> best = health.bestThreshold();
            if (best.isEmpty()) throw CliException.failed("account " + opening.state().accountId()
                    + " cannot prove any threshold in this epoch: its equity does not cover any requirement");
            f = best.get().bps();
        }
        Threshold threshold = Threshold.ofBps(f);
        if (!health.isHealthy(threshold)) {
            String best = health.bestThreshold().map(t -> String.format("%,d bps", t.bps())).orElse("none");
            throw CliException.failed(String.format(
                    "account %d is not healthy at %,d bps in epoch %d; the largest threshold it can prove is %s",
                    opening.state().accountId(), f, epoch.epochId(), best));
        }
        return f;
    }

    static String submissionJson(CliFiles.Opening opening, MarketEpoch epoch, long f, byte[] proofBytes) {
        return JsonCodec.toJson(io.zkmargin.api.proto.ProofSubmission.newBuilder()
                .setAccountId(opening.state().accountId())
                .setEpochId(epoch.epochId())
                .setSizeClass(WireMapping.toProto(opening.sizeClass()))
                .setThresholdBps((int) f)
                .setProof(ByteString.copyFrom(proofBytes))
                .build());
    }
}
