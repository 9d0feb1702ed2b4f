package io.zkmargin.prover;

import io.zkmargin.circuits.R1cs;
import io.zkmargin.circuits.Witness;
import io.zkmargin.circuits.circom.R1csFile;
import io.zkmargin.circuits.circom.WtnsFile;
import io.zkmargin.groth16.Proof;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;

/** Setup and proving straight from circom files (.r1cs from circom, .wtns from its witness generator). */
public final class CircomProver {
    private CircomProver() {
    }

    /** Setup (secure randomness) for a circom .r1cs file. */
    public static ProvingKey setup(Path r1csFile, SetupListener listener) throws IOException {
        return Groth16Setup.generate(R1csFile.read(r1csFile), listener);
    }

    /** Proves a circom .r1cs + .wtns pair with a key made for that .r1cs. */
    public static Proof prove(ProvingKey pk, Path r1csFile, Path wtnsFile) throws IOException {
        return prove(pk, r1csFile, wtnsFile, PhaseListener.NONE);
    }

    /** As {@link #prove(ProvingKey, Path, Path)}, reporting phase times (including "load"). */
    public static Proof prove(ProvingKey pk, Path r1csFile, Path wtnsFile, PhaseListener timing) throws IOException {
        Objects.requireNonNull(pk, "pk");
        PhaseListener t = timing == null ? PhaseListener.NONE : timing;
        long t0 = System.nanoTime();
        R1cs r1cs = R1csFile.read(r1csFile);
        Witness w = WtnsFile.read(wtnsFile, r1cs);
        t.phase("load", System.nanoTime() - t0);
        return Groth16Prover.of(pk, r1cs).prove(w, new SecureRandom(), t);
    }
}
