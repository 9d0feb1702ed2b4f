package io.zkmargin.cli;

/** A failure the CLI reports as one line with a chosen exit code. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(Main.EXIT_USAGE, message);
    }

    static CliException failed(String message) {
        return new CliException(Main.EXIT_FAILED, message);
    }

    int exitCode() {
        return exitCode;
    }
}
