package io.actionflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A signal for many users goes in several notifications, each under PostgreSQL's limit, none losing a user. */
class ClusterSignalsTest {

    @Test
    void a_long_list_of_users_is_split_under_the_limit_and_kept_whole() {
        Set<String> usernames = IntStream.range(0, 2_000).mapToObj(i -> "user-number-" + i).collect(Collectors.toSet());

        var payloads = ClusterSignals.payloads("origin", usernames);

        assertThat(payloads).hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThan(8_000))
                .allSatisfy(p -> assertThat(p).startsWith("origin "));
        assertThat(payloads.stream().flatMap(p -> Arrays.stream(p.split(" ")).skip(1))).containsExactlyInAnyOrderElementsOf(usernames);
        assertThat(ClusterSignals.payloads("origin", Set.of("admin"))).containsExactly("origin admin");
    }
}
