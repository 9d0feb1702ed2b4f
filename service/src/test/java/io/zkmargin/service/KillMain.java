package io.zkmargin.service;

import java.nio.file.Path;
import java.util.HexFormat;

/** Child process for {@link CrashDurabilityTest}: runs a service until it is killed. */
public final class KillMain {
    private KillMain() { }

    public static void main(String[] args) throws Exception {
        ServiceConfig config = ServiceConfig.builder().dataDir(Path.of(args[0])).port(0)
                .bearerToken(ServiceTestBase.TOKEN).venuePublicKey(HexFormat.of().parseHex(args[1]))
                .proofWindowMillis(600_000).graceWindowMillis(600_000).build();
        VerifierService svc = VerifierService.builder(config).proofChecker(new FakeProofChecker()).accessLog(l -> { })
                .build().start();
        System.out.println("URL " + svc.url());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
