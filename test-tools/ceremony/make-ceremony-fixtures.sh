#!/usr/bin/env bash
# Regenerates the ceremony fixtures in prover/src/test/resources/ceremony/ with the pinned snarkjs 0.7.6
# (run `npm ci` in test-tools/ first):
#   pot8.ptau       a power-8 phase-1 file: `powersoftau new` + one contribution + a beacon (not prepared
#                   for phase 2)
#   prepared8.ptau  pot8.ptau after `powersoftau prepare phase2`: adds sections 12-15 (the Lagrange bases of
#                   every domain 2^k, k <= 8, computed by snarkjs), an independent vector for our importer
#   small_vk0.json  snarkjs's verifying key of the initial (uncontributed, delta = gamma = 1) zkey of
#                   test-tools/fixtures/groth16/small.r1cs on that ptau; our phase-2 start key must match it
# snarkjs's contribution mixes OS randomness into the entropy string, so a new pot8.ptau differs on every run:
# by default the committed pot8.ptau is kept and only the files derived from it are rebuilt (prepared8.ptau and
# small_vk0.json are deterministic functions of it). Pass --fresh to make a new pot8.ptau as well.
# The entropy strings make no claim of secrecy: these files are for tests only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$(cd "$here/.." && pwd)"
out="$(cd "$tools/../prover/src/test/resources/ceremony" && pwd)"
bin="$tools/node_modules/.bin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
if [ "${1:-}" = "--fresh" ] || [ ! -f "$out/pot8.ptau" ]; then
    "$bin/snarkjs" powersoftau new bn128 8 pot0.ptau >/dev/null
    "$bin/snarkjs" powersoftau contribute pot0.ptau pot1.ptau --name=fixture -e="zkmargin ceremony fixture entropy" >/dev/null
    "$bin/snarkjs" powersoftau beacon pot1.ptau pot8.ptau 0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f 10 -n="fixture beacon" >/dev/null
else
    cp "$out/pot8.ptau" pot8.ptau
fi
"$bin/snarkjs" powersoftau verify pot8.ptau >/dev/null
"$bin/snarkjs" powersoftau prepare phase2 pot8.ptau prepared8.ptau >/dev/null
# verify re-checks sections 12-15 against the powers (random linear combinations)
"$bin/snarkjs" powersoftau verify prepared8.ptau >/dev/null
"$bin/snarkjs" groth16 setup "$tools/fixtures/groth16/small.r1cs" prepared8.ptau small0.zkey >/dev/null
"$bin/snarkjs" zkey export verificationkey small0.zkey small_vk0.json >/dev/null
cp pot8.ptau prepared8.ptau small_vk0.json "$out/"
echo "ceremony fixtures written to $out"
