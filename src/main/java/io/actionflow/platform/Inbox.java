package io.actionflow.platform;

import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** In-app messages: workflows send them to users, the shell shows the unread count and the messages. */
@Service
@Transactional
public class Inbox {

    private final InboxRepository messages;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    Inbox(InboxRepository messages, UserService users, CurrentUser currentUser, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.messages = messages;
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Delivers a message to each existing account among {@code usernames}; returns how many received it. */
    public int send(List<String> usernames, String title, String message) {
        return send(usernames, title, message, null);
    }

    /** As {@link #send(List, String, String)}, with where the message leads ({@link Notification#link()}). */
    public int send(List<String> usernames, String title, String message, String link) {
        var delivered = new java.util.LinkedHashSet<String>();
        for (String username : usernames.stream().map(UserService::normalize).distinct().toList()) {
            if (users.findByUsername(username).isPresent()) {
                messages.save(new InboxMessage(username, cut(title, 200), cut(message, 4000), clock.instant(),
                        link == null ? null : cut(link, 300)));
                delivered.add(username);
            }
        }
        if (!delivered.isEmpty()) {
            events.publishEvent(new InboxDelivered(java.util.Set.copyOf(delivered)));
        }
        return delivered.size();
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return currentUser.username().map(messages::countByUsernameAndReadAtIsNull).orElse(0L);
    }

    /** How many unread messages {@code username} has: for that user's shell, refreshed from another thread. */
    @Transactional(readOnly = true)
    public long unreadCount(String username) {
        return messages.countByUsernameAndReadAtIsNull(UserService.normalize(username));
    }

    /** The newest messages of {@code username}, read or not: for that user's shell. */
    @Transactional(readOnly = true)
    public List<Notification> latest(String username, int limit) {
        return messages.findByUsernameOrderByIdDesc(UserService.normalize(username), PageRequest.of(0, limit)).stream()
                .map(InboxMessage::view).toList();
    }

    /** The signed-in user's newest messages; reading them marks them read. */
    public List<Notification> read(int limit) {
        var username = currentUser.username().orElse(null);
        if (username == null) {
            return List.of();
        }
        var found = messages.findByUsernameOrderByIdDesc(username, PageRequest.of(0, limit));
        var views = found.stream().map(InboxMessage::view).toList();
        found.forEach(m -> m.markRead(clock.instant()));
        return views;
    }

    /** Marks every message of the signed-in user read. */
    public void readAll() {
        currentUser.username().ifPresent(username -> messages.markAllRead(username, clock.instant()));
    }

    private static String cut(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() > max ? value.substring(0, max) : value;
    }
}
