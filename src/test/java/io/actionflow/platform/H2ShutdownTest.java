package io.actionflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2ShutdownTest {

    @Test
    void an_h2_url_leaves_the_closing_to_the_pool() {
        assertThat(H2Shutdown.leftToThePool("jdbc:h2:file:./data/actionflow;DATABASE_TO_LOWER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/actionflow;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(H2Shutdown.leftToThePool("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void a_url_that_says_it_itself_or_another_database_is_kept() {
        assertThat(H2Shutdown.leftToThePool("jdbc:h2:mem:x;db_close_on_exit=true")).isEqualTo("jdbc:h2:mem:x;db_close_on_exit=true");
        assertThat(H2Shutdown.leftToThePool("jdbc:postgresql://localhost/x")).isEqualTo("jdbc:postgresql://localhost/x");
    }
}
