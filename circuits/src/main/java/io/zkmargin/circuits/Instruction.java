package io.zkmargin.circuits;

/** One step of the solver program: computes new wires from earlier ones. */
abstract class Instruction {
    /** Label id of the scope that made the instruction (for errors). */
    final int label;

    Instruction(int label) {
        this.label = label;
    }

    abstract Instruction remap(int[] perm);

    /** out = a * b. */
    static final class Mul extends Instruction {
        final int out;
        final Var a, b;

        Mul(int label, int out, Var a, Var b) {
            super(label);
            this.out = out;
            this.a = a;
            this.b = b;
        }

        @Override
        Instruction remap(int[] perm) {
            return new Mul(label, perm[out], Builder.remap(a, perm), Builder.remap(b, perm));
        }
    }

    /** out = a / b; with {@code zeroIfBothZero}, 0/0 gives 0 (divUnchecked), otherwise b = 0 fails. */
    static final class Div extends Instruction {
        final int out;
        final Var a, b;
        final boolean zeroIfBothZero;

        Div(int label, int out, Var a, Var b, boolean zeroIfBothZero) {
            super(label);
            this.out = out;
            this.a = a;
            this.b = b;
            this.zeroIfBothZero = zeroIfBothZero;
        }

        @Override
        Instruction remap(int[] perm) {
            return new Div(label, perm[out], Builder.remap(a, perm), Builder.remap(b, perm), zeroIfBothZero);
        }
    }

    /** outs = hint(inputs). */
    static final class HintCall extends Instruction {
        final String name;
        final Hint hint;
        final int[] outs;
        final Var[] inputs;

        HintCall(int label, String name, Hint hint, int[] outs, Var[] inputs) {
            super(label);
            this.name = name;
            this.hint = hint;
            this.outs = outs;
            this.inputs = inputs;
        }

        @Override
        Instruction remap(int[] perm) {
            int[] o = new int[outs.length];
            for (int i = 0; i < o.length; i++) o[i] = perm[outs[i]];
            Var[] in = new Var[inputs.length];
            for (int i = 0; i < in.length; i++) in[i] = Builder.remap(inputs[i], perm);
            return new HintCall(label, name, hint, o, in);
        }
    }
}
