package io.actionflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's and the Dockerfile's faster start: the packaged jar extracted, a training start that ends by itself once
 * the application is ready ({@code actionflow.training-run}) and leaves an AOT cache, and a start with that cache that
 * must use it ({@code -XX:AOTMode=on} refuses to start otherwise). A training start that never ended would hang an
 * image build.
 */
class AotCacheIT {

    @Test
    void a_training_start_ends_when_ready_and_leaves_a_cache_the_next_start_uses() throws Exception {
        // the README's faster start names JDK 25 (-XX:AOTCacheOutput); the build itself runs on 21
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "an AOT cache made in one training start needs JDK 25");
        Path directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "aot");
        Path jar = Instance.jar();
        // fails unless the extraction and the training start both end by themselves with exit code 0
        Path cache = Instance.trainAotCache(jar, directory, true);
        assertThat(cache).isNotEmptyFile();

        Path extracted = directory.resolve("app").resolve(jar.getFileName());
        // returns once the start with the cache is ready, and fails when it could not use the cache or stopped
        Instance.startWithAotCache("aot-cache", directory, extracted, cache, Duration.ofMinutes(3)).close();
    }
}
