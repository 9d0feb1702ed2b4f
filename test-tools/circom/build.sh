#!/bin/sh
# Compiles interop.circom with the pinned circom2 and computes its witness with the pinned snarkjs, then copies
# the .r1cs and .wtns fixtures to circuits/src/test/resources/circom/. Run from anywhere after `npm ci` in test-tools.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tools=$(cd "$here/.." && pwd)
out="$here/build"
dest="$tools/../circuits/src/test/resources/circom"
rm -rf "$out"
mkdir -p "$out" "$dest"
cd "$tools"
# --O0: no linear simplification, so every declared signal stays a wire in declaration order
npx circom2 "$here/interop.circom" --r1cs --wasm --O0 -o "$out"
npx snarkjs wtns calculate "$out/interop_js/interop.wasm" "$here/input.json" "$out/interop.wtns"
npx snarkjs r1cs info "$out/interop.r1cs"
cp "$out/interop.r1cs" "$out/interop.wtns" "$dest/"
cp "$here/input.json" "$dest/interop-input.json"
