package io.zkmargin.api.sig;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** RFC 7468 PEM armor for key files ("PUBLIC KEY" = X.509 SPKI, "PRIVATE KEY" = PKCS#8). */
final class Pem {
    private Pem() {}

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** Decodes the first block with the label; the message never echoes the input (it may hold a secret key). */
    static byte[] decode(String label, String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("PEM text is missing");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = pem.indexOf(begin);
        int e = b < 0 ? -1 : pem.indexOf(end, b + begin.length());
        if (b < 0 || e < 0) {
            throw new IllegalArgumentException("no PEM block labelled " + label);
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e).strip());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("PEM block " + label + " is not valid base64");
        }
    }
}
