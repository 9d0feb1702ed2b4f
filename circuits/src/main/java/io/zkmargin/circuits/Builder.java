package io.zkmargin.circuits;

import io.zkmargin.crypto.field.Fr;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Records a circuit's wires, constraints and solver program while {@link Circuit#define} runs. */
final class Builder implements Api {
    private static final int KIND_ONE = 0, KIND_PUBLIC = 1, KIND_SECRET = 2, KIND_INTERNAL = 3;

    private final List<String> wireNames = new ArrayList<>();
    private final List<Integer> wireKinds = new ArrayList<>();
    private final Set<String> inputNames = new HashSet<>();

    private final List<Var> ca = new ArrayList<>(), cb = new ArrayList<>(), cc = new ArrayList<>();
    private final List<Integer> cLabel = new ArrayList<>();
    private final List<Instruction> program = new ArrayList<>();

    private final List<String> labels = new ArrayList<>();
    private final Map<String, Integer> labelIds = new HashMap<>();
    private final Deque<String> scopes = new ArrayDeque<>();
    private int currentLabel;
    private final Map<Integer, Integer> anonCounters = new HashMap<>();

    Builder() {
        currentLabel = labelId("");
        wireNames.add("one");
        wireKinds.add(KIND_ONE);
    }

    private int labelId(String s) {
        return labelIds.computeIfAbsent(s, k -> {
            labels.add(k);
            return labels.size() - 1;
        });
    }

    private int newWire(int kind, String name) {
        wireNames.add(name);
        wireKinds.add(kind);
        return wireNames.size() - 1;
    }

    private int newInternal(String what) {
        int n = anonCounters.merge(currentLabel, 1, Integer::sum) - 1;
        String l = labels.get(currentLabel);
        return newWire(KIND_INTERNAL, (l.isEmpty() ? "" : l + "/") + what + "#" + n);
    }

    private void addConstraint(Var a, Var b, Var c) {
        ca.add(a);
        cb.add(b);
        cc.add(c);
        cLabel.add(currentLabel);
    }

    private static Var req(Var v, String what) {
        return Objects.requireNonNull(v, what + " must not be null");
    }

    // ---------------------------------------------------------------- inputs

    private Var input(String name, int kind) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("input name must be non-empty");
        if (!inputNames.add(name)) throw new IllegalArgumentException("duplicate input name: " + name);
        return Var.wire(newWire(kind, name));
    }

    @Override
    public Var publicInput(String name) {
        return input(name, KIND_PUBLIC);
    }

    @Override
    public Var[] publicInputs(String name, int n) {
        if (n < 0) throw new IllegalArgumentException("negative input count");
        Var[] r = new Var[n];
        for (int i = 0; i < n; i++) r[i] = publicInput(name + "[" + i + "]");
        return r;
    }

    @Override
    public Var secretInput(String name) {
        return input(name, KIND_SECRET);
    }

    @Override
    public Var[] secretInputs(String name, int n) {
        if (n < 0) throw new IllegalArgumentException("negative input count");
        Var[] r = new Var[n];
        for (int i = 0; i < n; i++) r[i] = secretInput(name + "[" + i + "]");
        return r;
    }

    // ---------------------------------------------------------------- constants

    @Override
    public Var constant(long v) {
        return Var.constant(Fr.of(v));
    }

    @Override
    public Var constant(BigInteger v) {
        return Var.constant(Fr.reduce(v));
    }

    @Override
    public Var constant(Fr v) {
        return Var.constant(Objects.requireNonNull(v));
    }

    @Override
    public Var zero() {
        return Var.ZERO;
    }

    @Override
    public Var one() {
        return Var.constant(Fr.ONE);
    }

    // ---------------------------------------------------------------- arithmetic

    @Override
    public Var add(Var a, Var b, Var... more) {
        Var r = req(a, "a").add(req(b, "b"), false);
        for (Var m : more) r = r.add(req(m, "operand"), false);
        return r;
    }

    @Override
    public Var sub(Var a, Var b) {
        return req(a, "a").add(req(b, "b"), true);
    }

    @Override
    public Var neg(Var a) {
        return Var.ZERO.add(req(a, "a"), true);
    }

    @Override
    public Var sum(Var... vs) {
        for (Var v : vs) req(v, "operand");
        return Var.linear(vs, null);
    }

    @Override
    public Var linearCombination(Var[] vs, Fr[] coeffs) {
        if (vs.length != coeffs.length) throw new IllegalArgumentException("need one coefficient per variable");
        for (int i = 0; i < vs.length; i++) {
            req(vs[i], "operand");
            Objects.requireNonNull(coeffs[i], "coefficient");
        }
        return Var.linear(vs, coeffs);
    }

    @Override
    public Var mul(Var a, Var b) {
        req(a, "a");
        req(b, "b");
        if (a.isConstant()) return b.scale(a.constantValue());
        if (b.isConstant()) return a.scale(b.constantValue());
        int w = newInternal("mul");
        Var out = Var.wire(w);
        program.add(new Instruction.Mul(currentLabel, w, a, b));
        addConstraint(a, b, out);
        return out;
    }

    @Override
    public Var mul(Var a, long k) {
        return req(a, "a").scale(Fr.of(k));
    }

    @Override
    public Var mul(Var a, Fr k) {
        return req(a, "a").scale(Objects.requireNonNull(k));
    }

    @Override
    public Var div(Var a, Var b) {
        assertNonZero(b);
        return divUnchecked(a, b);
    }

    @Override
    public Var divUnchecked(Var a, Var b) {
        req(a, "a");
        req(b, "b");
        if (b.isConstant()) {
            Fr k = b.constantValue();
            if (k.isZero()) throw new ArithmeticException("division by the constant zero");
            return a.scale(k.inverse());
        }
        int w = newInternal("div");
        Var q = Var.wire(w);
        program.add(new Instruction.Div(currentLabel, w, a, b, true));
        addConstraint(b, q, a);
        return q;
    }

    @Override
    public Var inverse(Var a) {
        req(a, "a");
        if (a.isConstant()) {
            Fr k = a.constantValue();
            if (k.isZero()) throw new ArithmeticException("inverse of the constant zero");
            return Var.constant(k.inverse());
        }
        int w = newInternal("inv");
        Var inv = Var.wire(w);
        program.add(new Instruction.Div(currentLabel, w, one(), a, false));
        addConstraint(a, inv, one());
        return inv;
    }

    // ---------------------------------------------------------------- assertions

    @Override
    public void assertEqual(Var a, Var b) {
        assertIsZero(sub(a, b));
    }

    @Override
    public void assertBoolean(Var a) {
        req(a, "a");
        if (a.isConstant()) {
            Fr k = a.constantValue();
            if (!k.isZero() && !k.isOne()) throw new IllegalStateException("constant is not boolean" + where());
            return;
        }
        addConstraint(a, sub(one(), a), Var.ZERO);
    }

    @Override
    public void assertIsZero(Var a) {
        req(a, "a");
        if (a.isConstant()) {
            if (!a.constantValue().isZero()) throw new IllegalStateException("constant assertion fails" + where());
            return;
        }
        addConstraint(a, one(), Var.ZERO);
    }

    @Override
    public void assertNonZero(Var a) {
        inverse(a);
    }

    @Override
    public void assertProduct(Var a, Var b, Var c) {
        req(a, "a");
        req(b, "b");
        req(c, "c");
        if (a.isConstant() && b.isConstant() && c.isConstant()) {
            if (!a.constantValue().mul(b.constantValue()).equals(c.constantValue())) {
                throw new IllegalStateException("constant assertion fails" + where());
            }
            return;
        }
        addConstraint(a, b, c);
    }

    private String where() {
        String l = labels.get(currentLabel);
        return l.isEmpty() ? "" : " in " + l;
    }

    // ---------------------------------------------------------------- hints and labels

    @Override
    public Var[] hint(String name, int outputs, Hint hint, Var... inputs) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("hint name must be non-empty");
        Objects.requireNonNull(hint, "hint");
        if (outputs < 1) throw new IllegalArgumentException("a hint needs at least one output");
        for (Var v : inputs) req(v, "hint input");
        int[] outs = new int[outputs];
        Var[] r = new Var[outputs];
        for (int i = 0; i < outputs; i++) {
            outs[i] = newInternal(name);
            r[i] = Var.wire(outs[i]);
        }
        program.add(new Instruction.HintCall(currentLabel, name, hint, outs, inputs.clone()));
        return r;
    }

    @Override
    public Scope scope(String name) {
        if (name == null || name.isEmpty() || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("scope name must be non-empty without '/'");
        }
        String parent = labels.get(currentLabel);
        int saved = currentLabel;
        String full = parent.isEmpty() ? name : parent + "/" + name;
        scopes.push(full);
        currentLabel = labelId(full);
        return new Scope() {
            private boolean closed;

            @Override
            public void close() {
                if (closed) return;
                if (scopes.peek() == null || !scopes.peek().equals(full)) {
                    throw new IllegalStateException("scopes closed out of order: " + full);
                }
                closed = true;
                scopes.pop();
                currentLabel = saved;
            }
        };
    }

    // ---------------------------------------------------------------- compile

    static Var remap(Var v, int[] perm) {
        int n = v.wires.length;
        if (n == 0) return v;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Integer.compare(perm[v.wires[x]], perm[v.wires[y]]));
        int[] w = new int[n];
        long[] c = new long[4 * n];
        for (int i = 0; i < n; i++) {
            w[i] = perm[v.wires[order[i]]];
            System.arraycopy(v.coeffs, 4 * order[i], c, 4 * i, 4);
        }
        return new Var(w, c);
    }

    CompiledCircuit build() {
        if (!scopes.isEmpty()) throw new IllegalStateException("scope not closed: " + scopes.peek());
        int nw = wireNames.size();
        int[] perm = new int[nw];
        List<String> pub = new ArrayList<>(), sec = new ArrayList<>();
        int next = 1;
        for (int kind = KIND_PUBLIC; kind <= KIND_INTERNAL; kind++) {
            for (int i = 1; i < nw; i++) {
                if (wireKinds.get(i) != kind) continue;
                perm[i] = next++;
                if (kind == KIND_PUBLIC) pub.add(wireNames.get(i));
                if (kind == KIND_SECRET) sec.add(wireNames.get(i));
            }
        }
        String[] names = new String[nw];
        for (int i = 0; i < nw; i++) names[perm[i]] = wireNames.get(i);
        int m = ca.size();
        R1cs.Matrix[] mats = new R1cs.Matrix[3];
        List<List<Var>> src = List.of(ca, cb, cc);
        for (int k = 0; k < 3; k++) {
            List<Var> rows = src.get(k);
            int[] start = new int[m + 1];
            int total = 0;
            for (int i = 0; i < m; i++) total += rows.get(i).wires.length;
            int[] wires = new int[total];
            long[] coeffs = new long[4 * total];
            int p = 0;
            for (int i = 0; i < m; i++) {
                Var v = remap(rows.get(i), perm);
                start[i] = p;
                System.arraycopy(v.wires, 0, wires, p, v.wires.length);
                System.arraycopy(v.coeffs, 0, coeffs, 4 * p, v.coeffs.length);
                p += v.wires.length;
            }
            start[m] = p;
            mats[k] = new R1cs.Matrix(start, wires, coeffs);
        }
        int[] labelOf = new int[m];
        for (int i = 0; i < m; i++) labelOf[i] = cLabel.get(i);
        R1cs r1cs = new R1cs(nw, 0, pub.size(), sec.size(), mats[0], mats[1], mats[2], null, nw, names,
                labelOf, labels.toArray(new String[0]));
        Instruction[] prog = new Instruction[program.size()];
        for (int i = 0; i < prog.length; i++) prog[i] = program.get(i).remap(perm);
        return new CompiledCircuit(r1cs, pub.toArray(new String[0]), sec.toArray(new String[0]), prog);
    }
}
