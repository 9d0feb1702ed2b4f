pragma circom 2.0.0;

// Interop fixture for io.zkmargin.circuits.circom tests. The Java twin (CircomInteropTest.INTEROP) declares the
// same signals in the same order, so the wire layouts match: 0 one, 1 out, 2 x, 3 y, 4 z, 5 xy, 6 sq, 7.. bits.
template Interop(n) {
    signal input x;
    signal input y;
    signal input z;
    signal output out;

    signal xy;
    signal sq;
    signal bits[n];

    xy <== x * y;
    sq <== xy * xy;
    out <== sq * z + x + 7;

    // y is an n-bit value
    var lc = 0;
    var e2 = 1;
    for (var i = 0; i < n; i++) {
        bits[i] <-- (y >> i) & 1;
        bits[i] * (1 - bits[i]) === 0;
        lc += bits[i] * e2;
        e2 = e2 + e2;
    }
    lc === y;
}

component main {public [x]} = Interop(8);
