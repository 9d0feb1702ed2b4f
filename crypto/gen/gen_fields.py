#!/usr/bin/env python3
"""Generates Fp.java and Fr.java from FieldTemplate.java.txt (one template, two moduli), and the
multiplication kernels (mont52.py) in them."""
import os
import mont52

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, '..', 'src', 'main', 'java', 'io', 'zkmargin', 'crypto', 'field')
tmpl = open(os.path.join(here, 'FieldTemplate.java.txt')).read()

def h(x):
    x &= (1 << 64) - 1
    return '0x%016x' % x

FR_EXTRA = '''
    /** Two-adicity of r - 1. */
    public static final int TWO_ADICITY = 28;
    /** The multiplicative generator used for roots of unity and cosets (5, as in gnark and arkworks). */
    public static final Fr MULTIPLICATIVE_GENERATOR = of(5);
    /** A primitive 2^28-th root of unity: 5^((r-1)/2^28). */
    public static final Fr TWO_ADIC_ROOT = MULTIPLICATIVE_GENERATOR.pow(MODULUS.subtract(BigInteger.ONE).shiftRight(TWO_ADICITY));

    /** A primitive 2^logN-th root of unity, logN in [0, 28]. */
    public static Fr rootOfUnity(int logN) {
        if (logN < 0 || logN > TWO_ADICITY) throw new IllegalArgumentException("no 2^" + logN + "-th root of unity in Fr");
        Fr w = TWO_ADIC_ROOT;
        for (int i = logN; i < TWO_ADICITY; i++) w = w.square();
        return w;
    }
'''

def body(lines):
    return '\n'.join('        ' + l for l in lines)


fields = {
    'Fp': (21888242871839275222246405745257275088696311157297823662689037894645226208583,
           'An element of the BN254 base field Fp (coordinates of curve points).', ''),
    'Fr': (21888242871839275222246405745257275088548364400416034343698204186575808495617,
           'An element of the BN254 scalar field Fr (circuit values, scalars).', FR_EXTRA),
}
for name, (m, doc, extra) in fields.items():
    R = pow(2, 256, m)
    R2 = pow(2, 512, m)
    inv = (-pow(m, -1, 2 ** 64)) % 2 ** 64
    s = tmpl.replace('@@NAME@@', name).replace('@@DOC@@', doc).replace('@@MODULUS@@', str(m))
    s = s.replace('@@BITS@@', str(m.bit_length())).replace('@@INV@@', h(inv))
    s = s.replace('@@TOPMASK@@', h((1 << (m.bit_length() - 192)) - 1))
    for i in range(4):
        s = s.replace('@@M%d@@' % i, h(m >> (64 * i)))
        s = s.replace('@@R2_%d@@' % i, h(R2 >> (64 * i)))
        s = s.replace('@@ONE_%d@@' % i, h(R >> (64 * i)))
    s = s.replace('@@EXTRA@@', extra)
    s = s.replace('@@INV52@@', h((-pow(m, -1, 2 ** 52)) % 2 ** 52))
    s = s.replace('@@CONSTS@@', body(mont52.const_lines(m)))
    s = s.replace('@@MUL_KERNEL@@', body(mont52.kernel(False)))
    s = s.replace('@@SQR_KERNEL@@', body(mont52.kernel(True)))
    assert '@@' not in s
    open(os.path.join(out, name + '.java'), 'w').write(s)

print('generated Fp.java, Fr.java')
