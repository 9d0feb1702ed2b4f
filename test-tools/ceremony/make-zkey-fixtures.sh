#!/usr/bin/env bash
# Regenerates the snarkjs phase-2 fixtures in prover/src/test/resources/ceremony/ with the pinned snarkjs 0.7.6
# (run `npm ci` in test-tools/ first), for the .zkey importer (Zkey, CeremonyFiles.importZkey):
#   small_final.zkey     test-tools/fixtures/groth16/small.r1cs on prepared8.ptau: `groth16 setup`, one
#                        `zkey contribute`, a `zkey beacon`, checked by `zkey verify`
#   small_final_vk.json  `zkey export verificationkey` of it; our imported verifying key must equal it
# snarkjs mixes OS randomness into the -e entropy, so every run makes a different (equally valid) key; commit
# both files together. The entropy and beacon strings make no claim of secrecy: these files are for tests only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$(cd "$here/.." && pwd)"
out="$(cd "$tools/../prover/src/test/resources/ceremony" && pwd)"
bin="$tools/node_modules/.bin"
r1cs="$tools/fixtures/groth16/small.r1cs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
"$bin/snarkjs" groth16 setup "$r1cs" "$out/prepared8.ptau" small0.zkey >/dev/null
"$bin/snarkjs" zkey contribute small0.zkey small1.zkey --name="fixture participant" -e="zkmargin zkey fixture entropy" >/dev/null
"$bin/snarkjs" zkey beacon small1.zkey small_final.zkey \
    0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f 10 -n="fixture beacon" >/dev/null
# verify re-derives the initial key from the .ptau and checks every contribution (exit 0 only when valid)
"$bin/snarkjs" zkey verify "$r1cs" "$out/prepared8.ptau" small_final.zkey >/dev/null
"$bin/snarkjs" zkey export verificationkey small_final.zkey small_final_vk.json >/dev/null
cp small_final.zkey small_final_vk.json "$out/"
echo "zkey fixtures written to $out"
