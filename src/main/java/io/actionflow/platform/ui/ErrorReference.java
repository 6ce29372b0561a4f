package io.actionflow.platform.ui;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A short code that ties what a user saw to the log entry with the details. */
final class ErrorReference {

    private ErrorReference() {
    }

    static String next() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
