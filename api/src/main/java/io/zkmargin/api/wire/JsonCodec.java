package io.zkmargin.api.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

/**
 * proto3 JSON for HTTP clients. Printing keeps proto field names in lowerCamelCase (the JSON mapping default) and
 * includes default values, so every field is present; parsing rejects unknown fields.
 */
public final class JsonCodec {
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().alwaysPrintFieldsWithNoPresence();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private JsonCodec() {}

    public static String toJson(Message m) {
        try {
            return PRINTER.print(m);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + m.getDescriptorForType().getName(), e);
        }
    }

    /** Parses JSON into a message of the builder's type. */
    @SuppressWarnings("unchecked")
    public static <T extends Message> T fromJson(String json, Message.Builder builder) {
        if (json == null) {
            throw new WireFormatException("JSON body is missing");
        }
        try {
            PARSER.merge(json, builder);
            return (T) builder.build();
        } catch (InvalidProtocolBufferException e) {
            throw new WireFormatException("malformed " + builder.getDescriptorForType().getName() + " JSON: "
                    + e.getMessage(), e);
        }
    }
}
