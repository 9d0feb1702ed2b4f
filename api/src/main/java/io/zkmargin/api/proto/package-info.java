/**
 * Protobuf messages generated from {@code src/main/proto/zkmargin/v1/*.proto} (wire schema v1 and the risk-tool
 * input). Map them to domain values with {@link io.zkmargin.api.wire.WireMapping}; never use them as domain types.
 */
package io.zkmargin.api.proto;
