package io.zkmargin.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the {@code zkmargin} command. */
@Command(name = "zkmargin", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Zero-knowledge margin proofs: Groth16 over BN254.%n"
                + "Venue: keygen, setup, epoch, register.  Trader: commit, prove, health.%n"
                + "Service: serve.  Auditor: verify, audit.  Everything at once: demo.",
        subcommands = {
            KeygenCommand.class, SetupCommand.class, EpochCommand.class, RegisterCommand.class,
            CommitCommand.class, ProveCommand.class, HealthCommand.class,
            ServeCommand.class, VerifyCommand.class, AuditCommand.class, CeremonyCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** Exit code for a failed verification or audit, or an unhealthy account. */
    public static final int EXIT_FAILED = 1;
    /** Exit code for bad usage or bad input. */
    public static final int EXIT_USAGE = 2;

    @Option(names = "--verbose", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command in-process (used by the tests) and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose");
            Throwable shown = ex;
            if (ex instanceof CliException ce) {
                commandLine.getErr().println("zkmargin: " + ce.getMessage());
                if (verbose && ce.getCause() != null) ce.getCause().printStackTrace(commandLine.getErr());
                return ce.exitCode();
            }
            commandLine.getErr().println("zkmargin: " + describe(shown));
            if (verbose) shown.printStackTrace(commandLine.getErr());
            return shown instanceof IllegalArgumentException || shown instanceof java.io.IOException
                    || shown instanceof java.io.UncheckedIOException ? EXIT_USAGE : EXIT_FAILED;
        });
        cl.setExitCodeExceptionMapper(t -> EXIT_USAGE);
        return cl;
    }

    /** One line for an error, without stack trace (messages of our libraries never carry secrets). */
    static String describe(Throwable t) {
        String msg = t.getMessage();
        if (t instanceof java.nio.file.NoSuchFileException) return "file not found: " + msg;
        if (t instanceof java.nio.file.AccessDeniedException) return "permission denied: " + msg;
        return msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
    }

    /** Version from the jar manifest, or "dev". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"zkmargin " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
