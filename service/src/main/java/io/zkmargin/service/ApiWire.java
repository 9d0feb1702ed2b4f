package io.zkmargin.service;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.vertx.core.json.JsonObject;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.model.SizeClass;
import io.zkmargin.api.proto.HealthStatus;
import io.zkmargin.api.proto.VerifyingKeyRecord;
import io.zkmargin.api.wire.JsonCodec;
import io.zkmargin.api.wire.WireFormatException;
import io.zkmargin.api.wire.WireMapping;
import io.zkmargin.service.ServiceCore.AccountStatus;
import io.zkmargin.service.store.EpochRecord;
import io.zkmargin.service.store.KeyRecord;
import java.nio.charset.StandardCharsets;

/**
 * Request and answer bodies: the api module's protobuf messages, as binary (application/x-protobuf) or
 * proto3 JSON (application/json, api JsonCodec). Undecodable bodies are 400; a market table that decodes
 * but breaks the MARGIN-MODEL bounds or does not hash to its root is 422 MARKET_BOUNDS.
 */
final class ApiWire {
    private ApiWire() { }

    @FunctionalInterface
    interface ProtoParser<T> {
        T parse(byte[] b) throws InvalidProtocolBufferException;
    }

    static <T extends Message> T decode(byte[] body, boolean protobuf, ProtoParser<T> parser, Message.Builder json) {
        if (body == null || body.length == 0) {
            throw new Rejection(ErrorCode.MALFORMED_REQUEST, "request body is empty");
        }
        try {
            return protobuf ? parser.parse(body) : JsonCodec.fromJson(new String(body, StandardCharsets.UTF_8), json);
        } catch (InvalidProtocolBufferException e) {
            throw new Rejection(ErrorCode.MALFORMED_REQUEST, "body is not a valid "
                    + json.getDescriptorForType().getName() + " protobuf message");
        } catch (WireFormatException e) {
            throw new Rejection(ErrorCode.MALFORMED_REQUEST, e.getMessage());
        }
    }

    static MarketEpoch epoch(byte[] body, boolean protobuf) {
        io.zkmargin.api.proto.MarketEpoch p = decode(body, protobuf, io.zkmargin.api.proto.MarketEpoch::parseFrom,
                io.zkmargin.api.proto.MarketEpoch.newBuilder());
        try {
            return WireMapping.fromProto(p);
        } catch (WireFormatException e) {
            throw new Rejection(ErrorCode.MALFORMED_REQUEST, e.getMessage());
        } catch (IllegalArgumentException e) {
            // domain validation: MARGIN-MODEL bounds, root mismatch
            throw new Rejection(ErrorCode.MARKET_BOUNDS, e.getMessage());
        }
    }

    static AccountRegistration registration(byte[] body, boolean protobuf) {
        io.zkmargin.api.proto.AccountRegistration p = decode(body, protobuf,
                io.zkmargin.api.proto.AccountRegistration::parseFrom, io.zkmargin.api.proto.AccountRegistration.newBuilder());
        try {
            return WireMapping.fromProto(p);
        } catch (IllegalArgumentException e) {
            throw new Rejection(ErrorCode.MALFORMED_REQUEST, e.getMessage());
        }
    }

    static ProofSubmission proof(byte[] body, boolean protobuf) {
        io.zkmargin.api.proto.ProofSubmission p = decode(body, protobuf, io.zkmargin.api.proto.ProofSubmission::parseFrom,
                io.zkmargin.api.proto.ProofSubmission.newBuilder());
        SizeClass sc;
        try {
            sc = WireMapping.fromProto(p.getSizeClass());
        } catch (IllegalArgumentException e) {
            throw new Rejection(ErrorCode.MALFORMED_REQUEST, "sizeClass must be SIZE_CLASS_S, _M or _L");
        }
        long f = Integer.toUnsignedLong(p.getThresholdBps());
        return new ProofSubmission(p.getAccountId(), p.getEpochId(), sc, f, p.getProof().toByteArray());
    }

    /** A verifying-key registration: size class, key bytes, and (optional) the key id the venue expects. */
    record KeyRequest(SizeClass sizeClass, byte[] key, String keyId) { }

    static KeyRequest key(byte[] body, boolean protobuf) {
        VerifyingKeyRecord p = decode(body, protobuf, VerifyingKeyRecord::parseFrom, VerifyingKeyRecord.newBuilder());
        SizeClass sc;
        try {
            sc = WireMapping.fromProto(p.getSizeClass());
        } catch (IllegalArgumentException e) {
            throw new Rejection(ErrorCode.MALFORMED_REQUEST, "sizeClass must be SIZE_CLASS_S, _M or _L");
        }
        if (p.getKey().isEmpty()) {
            throw new Rejection(ErrorCode.MALFORMED_KEY, "key is empty");
        }
        return new KeyRequest(sc, p.getKey().toByteArray(), p.getKeyId().isEmpty() ? null : p.getKeyId());
    }

    // ------------------------------------------------------------------ answers

    static io.zkmargin.api.proto.MarketEpoch epochProto(EpochRecord e) {
        try {
            return io.zkmargin.api.proto.MarketEpoch.parseFrom(e.encoded());
        } catch (InvalidProtocolBufferException ex) {
            throw new IllegalStateException("stored epoch does not decode", ex);
        }
    }

    /** The epoch as the venue published it plus the service's digest and publication time. */
    static JsonObject epochJson(EpochRecord e) {
        return new JsonObject(JsonCodec.toJson(epochProto(e)))
                .put("epochDigest", e.digest().toString()).put("publishedAt", e.publishedAt());
    }

    static VerifyingKeyRecord keyProto(KeyRecord k) {
        return VerifyingKeyRecord.newBuilder().setSizeClass(WireMapping.toProto(k.sizeClass()))
                .setKey(ByteString.copyFrom(k.verifyingKey())).setKeyId(k.sha256()).build();
    }

    static JsonObject keyJson(KeyRecord k) {
        return new JsonObject().put("sizeClass", WireMapping.toProto(k.sizeClass()).name())
                .put("keyId", k.sha256()).put("registeredAt", k.registeredAt());
    }

    static HealthStatus statusProto(AccountStatus s) {
        var h = s.health();
        io.zkmargin.api.proto.HealthState state = switch (h.state()) {
            case PENDING -> io.zkmargin.api.proto.HealthState.HEALTH_STATE_UNSPECIFIED;
            case HEALTHY -> io.zkmargin.api.proto.HealthState.HEALTH_STATE_HEALTHY;
            case WARNING -> io.zkmargin.api.proto.HealthState.HEALTH_STATE_WARNING;
            case MARGIN_CALL -> io.zkmargin.api.proto.HealthState.HEALTH_STATE_MARGIN_CALL;
            case LIQUIDATION -> io.zkmargin.api.proto.HealthState.HEALTH_STATE_LIQUIDATION;
        };
        return HealthStatus.newBuilder().setAccountId(h.accountId()).setEpochId(Math.max(0, h.epochId()))
                .setState(state).setBestThresholdBps((int) h.bestF()).setUpdatedAtMillis(h.updatedAt()).build();
    }

    static JsonObject statusJson(AccountStatus s) {
        var h = s.health();
        JsonObject o = new JsonObject().put("accountId", h.accountId())
                .put("sequence", s.registration().sequence())
                .put("commitment", s.registration().commitment().toString())
                .put("epochId", h.epochId()).put("state", h.state().name())
                .put("bestThresholdBps", h.bestF()).put("lastProofEpoch", h.lastProofEpoch())
                .put("updatedAt", h.updatedAt());
        if (h.deadline() != ServiceCore.NO_DEADLINE) {
            o.put("proofDeadline", h.deadline()).put("liquidationDeadline", h.liquidationDeadline());
        }
        return o;
    }

    static JsonObject error(ErrorCode code, String message) {
        return new JsonObject().put("error", new JsonObject().put("code", code.name()).put("message", message));
    }
}
