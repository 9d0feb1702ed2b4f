package io.zkmargin.prover.ceremony;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.circom.R1csFile;
import io.zkmargin.crypto.ntt.Domain;
import io.zkmargin.prover.ProvingKey;
import io.zkmargin.prover.ProvingKeyFile;
import io.zkmargin.prover.SetupListener;
import io.zkmargin.verifier.SnarkjsJson;
import io.zkmargin.verifier.VerifyingKeyEncoding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The ceremony on files, one call per CLI subcommand (docs/CEREMONY.md lists the command lines). Every
 * call reads its inputs fully and validates them before writing anything; outputs are written to new
 * paths (never over an input), transcripts atomically. Nothing secret is returned or printed.
 */
public final class CeremonyFiles {
    private CeremonyFiles() {
    }

    /** {@code ceremony ptau-check}: reads and checks a .ptau; returns its power. */
    public static int checkPtau(Path ptau) throws IOException {
        return Ceremony.importPtau(ptau).power();
    }

    /** {@code ceremony ptau-local}: a dev-only phase 1 (prints a warning). */
    public static void localPhase1(int power, Path out) throws IOException {
        refuseExisting(out);
        Ceremony.localPhase1(power).write(out);
    }

    /** {@code ceremony start}: checks the .ptau, derives the circuit's start key, writes the transcript. */
    public static String start(Path ptau, Path r1cs, Path transcriptOut) throws IOException {
        return start(ptau, r1cs, transcriptOut, SetupListener.NONE);
    }

    /** As {@link #start(Path, Path, Path)}, reporting progress. */
    public static String start(Path ptau, Path r1cs, Path transcriptOut, SetupListener listener) throws IOException {
        refuseExisting(transcriptOut);
        R1cs r = R1csFile.read(r1cs);
        Transcript t = Ceremony.start(phase1For(ptau, r, listener), r, listener);
        t.write(transcriptOut);
        return t.hashHex();
    }

    /**
     * {@code ceremony contribute}: one contribution with fresh SecureRandom; returns the new transcript hash,
     * which the participant publishes (it commits to their contribution and everything before it).
     */
    public static String contribute(Path transcriptIn, Path transcriptOut, String name) throws IOException {
        return contribute(transcriptIn, transcriptOut, name, SetupListener.NONE);
    }

    /** As {@link #contribute(Path, Path, String)}, reporting progress. */
    public static String contribute(Path transcriptIn, Path transcriptOut, String name, SetupListener listener)
            throws IOException {
        refuseSame(transcriptIn, transcriptOut);
        Transcript t = Ceremony.contribute(Transcript.read(transcriptIn), name, new SecureRandom(), listener);
        t.write(transcriptOut);
        return t.hashHex();
    }

    /** {@code ceremony beacon}: the closing contribution from a public beacon value (hex). */
    public static String beacon(Path transcriptIn, Path transcriptOut, String name, String beaconHex,
            int iterationsExp) throws IOException {
        return beacon(transcriptIn, transcriptOut, name, beaconHex, iterationsExp, SetupListener.NONE);
    }

    /** As {@link #beacon(Path, Path, String, String, int)}, reporting progress. */
    public static String beacon(Path transcriptIn, Path transcriptOut, String name, String beaconHex,
            int iterationsExp, SetupListener listener) throws IOException {
        refuseSame(transcriptIn, transcriptOut);
        byte[] beacon;
        try {
            beacon = HexFormat.of().parseHex(beaconHex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("beacon value must be hexadecimal");
        }
        Transcript t = Ceremony.beacon(Transcript.read(transcriptIn), name, beacon, iterationsExp, listener);
        t.write(transcriptOut);
        return t.hashHex();
    }

    /** {@code ceremony verify}: the auditor's check; throws {@link CeremonyException} when it fails. */
    public static Ceremony.Report verify(Path transcript, Path ptau, Path r1cs) throws IOException {
        return verify(transcript, ptau, r1cs, SetupListener.NONE);
    }

    /** As {@link #verify(Path, Path, Path)}, reporting progress. */
    public static Ceremony.Report verify(Path transcript, Path ptau, Path r1cs, SetupListener listener) throws IOException {
        R1cs r = R1csFile.read(r1cs);
        return Ceremony.verify(Transcript.read(transcript), phase1For(ptau, r, listener), r, listener);
    }

    /**
     * {@code ceremony export}: verifies, then writes the proving key ("ZKPK"), the verifying key ("ZKVK") and,
     * when vkJson is not null, the snarkjs verification_key.json.
     */
    public static Ceremony.Report export(Path transcript, Path ptau, Path r1cs, Path pkOut, Path vkOut, Path vkJson)
            throws IOException {
        return export(transcript, ptau, r1cs, pkOut, vkOut, vkJson, SetupListener.NONE);
    }

    /** As {@link #export(Path, Path, Path, Path, Path, Path)}, reporting progress. */
    public static Ceremony.Report export(Path transcript, Path ptau, Path r1cs, Path pkOut, Path vkOut, Path vkJson,
            SetupListener listener) throws IOException {
        Objects.requireNonNull(pkOut, "pkOut");
        Objects.requireNonNull(vkOut, "vkOut");
        refuseExisting(pkOut);
        refuseExisting(vkOut);
        if (vkJson != null) {
            refuseExisting(vkJson);
        }
        Transcript t = Transcript.read(transcript);
        R1cs r = R1csFile.read(r1cs);
        Ceremony.Report report = Ceremony.verify(t, phase1For(ptau, r, listener), r, listener);
        ProvingKey pk = Ceremony.exportProvingKey(t);
        ProvingKeyFile.write(pk, pkOut);
        Files.write(vkOut, VerifyingKeyEncoding.encode(pk.verifyingKey()));
        if (vkJson != null) {
            Files.writeString(vkJson, SnarkjsJson.writeVerifyingKey(pk.verifyingKey()));
        }
        return report;
    }

    /**
     * {@code ceremony import-zkey}: converts the final key of a snarkjs phase-2 ceremony (.zkey) for r1cs into
     * our proving key ("ZKPK"), verifying key ("ZKVK") and, when vkJson is not null, snarkjs's
     * verification_key.json (equal to {@code snarkjs zkey export verificationkey}). Refuses a .zkey for another
     * circuit or without contribution; when ptau is not null, also checks the key against that phase 1 (see
     * {@link Zkey#toProvingKey(R1cs, PowersOfTau, SetupListener)}). The contribution chain is not re-verified:
     * {@code snarkjs zkey verify} does that. Everything is checked before the first file is written.
     */
    public static Zkey.Report importZkey(Path zkey, Path ptau, Path r1cs, Path pkOut, Path vkOut, Path vkJson,
            SetupListener listener) throws IOException {
        Objects.requireNonNull(zkey, "zkey");
        Objects.requireNonNull(pkOut, "pkOut");
        Objects.requireNonNull(vkOut, "vkOut");
        Objects.requireNonNull(listener, "listener");
        refuseExisting(pkOut);
        refuseExisting(vkOut);
        if (vkJson != null) {
            refuseExisting(vkJson);
        }
        listener.progress("reading the .zkey", 0, 1);
        Zkey z = Zkey.read(zkey);
        listener.progress("reading the .zkey", 1, 1);
        R1cs r = R1csFile.read(r1cs);
        ProvingKey pk = z.toProvingKey(r, ptau == null ? null : phase1For(ptau, r, listener), listener);
        ProvingKeyFile.write(pk, pkOut);
        Files.write(vkOut, VerifyingKeyEncoding.encode(pk.verifyingKey()));
        if (vkJson != null) {
            Files.writeString(vkJson, SnarkjsJson.writeVerifyingKey(pk.verifyingKey()));
        }
        return new Zkey.Report(z.circuitHashHex(), z.contributionCount(), ptau != null, pk.toString());
    }

    /** Loads and checks only the powers the circuit's domain needs. */
    private static PowersOfTau phase1For(Path ptau, R1cs r, SetupListener listener) throws IOException {
        int log = Domain.atLeast(r.nConstraints() + r.nPublic() + 1).log();
        listener.progress("reading and checking the .ptau", 0, 1);
        PowersOfTau p = Ceremony.importPtau(ptau, Math.max(1, log));
        listener.progress("reading and checking the .ptau", 1, 1);
        return p;
    }

    private static void refuseExisting(Path out) {
        if (Files.exists(out)) {
            throw new IllegalArgumentException("refusing to overwrite " + out);
        }
    }

    private static void refuseSame(Path in, Path out) throws IOException {
        refuseExisting(out);
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("input and output transcripts must differ");
        }
    }
}
