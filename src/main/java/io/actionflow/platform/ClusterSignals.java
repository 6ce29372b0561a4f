package io.actionflow.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries user signals to the other instances of a cluster, so that a to-do made by a step on one instance raises the
 * badge of a screen open on another. On PostgreSQL a signal is sent with {@code NOTIFY} in the transaction that made
 * it (delivered when it commits, never if it rolls back); every instance listens on a connection of its own, outside
 * the pool, and hands what it hears to its open screens. A signal sent while an instance was cut off from the database
 * is not replayed: its screens show the change at their next refresh. On H2 (one instance) nothing is sent.
 */
@Component
class ClusterSignals implements SmartLifecycle {

    static final String CHANNEL = "actionflow_signals";
    private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);
    /** PostgreSQL refuses payloads of 8,000 bytes and more; longer lists of users go in several notifications. */
    private static final int MAX_PAYLOAD = 7_000;

    /** A signal heard from another instance: shown on this instance's screens, not sent on again. */
    record FromElsewhere(Set<String> usernames) implements UserSignal {
    }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final String url;
    private final String user;
    private final String password;
    /** Tells this instance's own notifications apart from the others'. */
    private final String origin = UUID.randomUUID().toString();
    private volatile Thread listener;

    ClusterSignals(JdbcTemplate jdbc, ApplicationEventPublisher events, Environment environment) {
        this.jdbc = jdbc;
        this.events = events;
        this.url = environment.getProperty("spring.datasource.url", "");
        this.user = environment.getProperty("spring.datasource.username");
        this.password = environment.getProperty("spring.datasource.password");
    }

    private boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void send(UserSignal signal) {
        if (!postgres() || signal instanceof FromElsewhere || signal.usernames().isEmpty()) {
            return;
        }
        for (String payload : payloads(origin, signal.usernames())) {
            jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, payload);
        }
    }

    /** The origin, then the usernames (which hold no spaces), split so that none is too long. */
    static List<String> payloads(String origin, Set<String> usernames) {
        var payloads = new ArrayList<String>();
        var current = new StringBuilder(origin);
        for (String username : usernames.stream().sorted().toList()) {
            if (current.length() + 1 + username.length() > MAX_PAYLOAD) {
                payloads.add(current.toString());
                current = new StringBuilder(origin);
            }
            current.append(' ').append(username);
        }
        payloads.add(current.toString());
        return payloads;
    }

    void heard(String payload) {
        var parts = payload.split(" ");
        if (parts.length < 2 || parts[0].equals(origin)) {
            return;
        }
        events.publishEvent(new FromElsewhere(Arrays.stream(parts).skip(1).collect(Collectors.toUnmodifiableSet())));
    }

    /** Listens before it returns (so that a started instance hears every signal), or from its thread once it can. */
    @Override
    public synchronized void start() {
        if (postgres() && listener == null) {
            Connection first;
            try {
                first = listening();
            } catch (SQLException e) {
                log.warn("Cannot listen for the other instances' signals yet; trying again in a second: {}", e.toString());
                first = null;
            }
            var connection = first;
            listener = Thread.ofPlatform().name("actionflow-signals").daemon().unstarted(() -> listen(connection));
            listener.start();
        }
    }

    private Connection listening() throws SQLException {
        var connection = DriverManager.getConnection(url, user, password);
        try (var statement = connection.createStatement()) {
            statement.execute("listen " + CHANNEL);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public synchronized void stop() {
        var running = listener;
        listener = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    /** Listens until stopped, on {@code first} if it is there; connects again a second after the connection is lost. */
    private void listen(Connection first) {
        Connection next = first;
        while (listener == Thread.currentThread()) {
            try (Connection connection = next != null ? next : listening()) {
                next = null;
                var notifications = connection.unwrap(PGConnection.class);
                while (listener == Thread.currentThread()) {
                    PGNotification[] heard = notifications.getNotifications(500);
                    if (heard != null) {
                        for (PGNotification notification : heard) {
                            heard(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listener != Thread.currentThread()) {
                    return;
                }
                log.warn("Listening for the other instances' signals failed; trying again in a second: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
        closeQuietly(next);
    }

    /** A connection made at start and never used, when the instance stopped at once. */
    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it was only listening
            }
        }
    }
}
