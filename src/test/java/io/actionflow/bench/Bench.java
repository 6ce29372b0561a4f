package io.actionflow.bench;

import io.actionflow.Application;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * What every benchmark program shares: the application started (on a random port) on a fresh H2 file database or
 * on PostgreSQL ({@code ACTIONFLOW_BENCH_POSTGRES_URL}, cleaned first), an admin signed in, and timing helpers that
 * report the median and the 99th percentile.
 */
final class Bench {

    private Bench() {
    }

    static ConfigurableApplicationContext start(String database) throws IOException {
        var properties = new HashMap<String, Object>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "warn");
        if ("postgres".equals(database)) {
            properties.put("spring.datasource.url", System.getenv().getOrDefault("ACTIONFLOW_BENCH_POSTGRES_URL",
                    "jdbc:postgresql://127.0.0.1:5432/actionflow_bench"));
            properties.put("spring.datasource.username", System.getenv().getOrDefault("ACTIONFLOW_BENCH_POSTGRES_USER", "postgres"));
            properties.put("spring.datasource.password", "");
            properties.put("spring.flyway.clean-disabled", "false");
            properties.put("spring.flyway.clean-on-validation-error", "false");
        } else {
            Path dir = Path.of("target", "bench-h2");
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            properties.put("spring.datasource.url", "jdbc:h2:file:./target/bench-h2/bench;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        var app = new SpringApplication(Application.class);
        properties.put("server.port", "0");
        // as arguments: they must win over application.yml
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        if ("postgres".equals(database)) {
            app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("cleanThenMigrate",
                    (org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy) flyway -> {
                        flyway.clean();
                        flyway.migrate();
                    }));
        }
        var context = app.run(arguments);
        var securityContexts = context.getBean(SecurityContextHolderStrategy.class);
        var signedIn = securityContexts.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, List.of(new SimpleGrantedAuthority("ROLE_admin"))));
        securityContexts.setContext(signedIn);
        return context;
    }

    /** Runs {@code action} {@code warmup + runs} times and returns the durations of the last {@code runs}, in ns. */
    static long[] time(int warmup, int runs, LongSupplier action) {
        for (int i = 0; i < warmup; i++) {
            action.getAsLong();
        }
        long[] took = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.getAsLong();
            took[i] = System.nanoTime() - start;
        }
        Arrays.sort(took);
        return took;
    }

    static double medianMillis(long[] sorted) {
        return sorted[sorted.length / 2] / 1_000_000.0;
    }

    static double p99Millis(long[] sorted) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1_000_000.0;
    }

    static String database(String[] args) {
        String database = args.length > 0 ? args[0] : "h2";
        if (!List.of("h2", "postgres").contains(database)) {
            throw new IllegalArgumentException("database must be h2 or postgres, not " + database);
        }
        return database;
    }

    static Map<String, String> machine() {
        return Map.of("cores", String.valueOf(Runtime.getRuntime().availableProcessors()),
                "java", System.getProperty("java.version"));
    }
}
