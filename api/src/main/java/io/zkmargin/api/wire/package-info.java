/**
 * Wire mapping between the domain types and the protobuf messages of {@code zkmargin/v1/zkmargin.proto}, and the
 * proto3 JSON form for HTTP clients. Domain classes know nothing of the wire; decoding validates everything.
 */
package io.zkmargin.api.wire;
