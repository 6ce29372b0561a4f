package io.actionflow.workflow;

import io.actionflow.platform.Text;
import io.actionflow.workflow.engine.MailPort;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The Email node's way out: Spring's mail sender, set up by {@code spring.mail.*} (the environment's
 * {@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, {@code SPRING_MAIL_USERNAME}, {@code SPRING_MAIL_PASSWORD}),
 * from the address {@code actionflow.mail.from}. Without a host there is no sender, and the node says so at Enable.
 * The sender is made here from the properties as the instance starts, not by Spring Boot's mail auto-configuration:
 * that one is decided when {@code mvn package} prepares the AOT start (no host then, so never), and it would add the
 * mail server to the instance's health. Each address is parsed strictly once more here, so only what is one address
 * reaches a header.
 */
@Component
@EnableConfigurationProperties(MailProperties.class)
class MailAdapter implements MailPort {

    private static final Logger log = LoggerFactory.getLogger(MailAdapter.class);

    private final JavaMailSender sender;
    /** The sender's address, read once; null when the setting is not one address (each email then says so). */
    private final InternetAddress from;

    MailAdapter(MailProperties settings, @Value("${actionflow.mail.from}") String from) {
        this.sender = settings.getHost() == null || settings.getHost().isBlank() ? null : sender(settings);
        this.from = address(from);
    }

    private static InternetAddress address(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException notOne) {
            log.warn("actionflow.mail.from is not one address: {}", notOne.getMessage());
            return null;
        }
    }

    private static JavaMailSender sender(MailProperties settings) {
        var sender = new JavaMailSenderImpl();
        sender.setHost(settings.getHost().strip());
        if (settings.getPort() != null) {
            sender.setPort(settings.getPort());
        }
        sender.setUsername(settings.getUsername());
        sender.setPassword(settings.getPassword());
        sender.setProtocol(settings.getProtocol());
        if (settings.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(settings.getDefaultEncoding().name());
        }
        var properties = new java.util.Properties();
        properties.putAll(settings.getProperties());
        if (settings.getSsl().isEnabled()) {
            properties.put("mail." + settings.getProtocol() + ".ssl.enable", "true"); // i18n: not user-facing
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }

    @Override
    public Optional<Text> unavailable() {
        return sender == null ? Optional.of(Text.of("workflow.error.mailOffHere")) : Optional.empty();
    }

    @Override
    public void send(Mail mail) {
        if (sender == null) {
            throw new Refused("workflow.error.mailOffHere", null);
        }
        if (from == null) {
            throw new Refused("workflow.error.mailAddressRefused", null);
        }
        var message = sender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(strict(mail.to()));
            if (!mail.cc().isEmpty()) {
                helper.setCc(strict(mail.cc()));
            }
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), mail.html());
        } catch (MessagingException wrong) {
            throw new Refused("workflow.error.mailAddressRefused", wrong);
        }
        try {
            sender.send(message);
        } catch (MailAuthenticationException refused) {
            log.warn("The mail server refused the sign-in", refused);
            throw new Refused("workflow.error.mailSignIn", refused);
        } catch (MailException failed) {
            log.warn("The mail server did not take an email", failed);
            throw new Refused("workflow.error.mailServer", failed);
        }
    }

    private static InternetAddress[] strict(List<String> addresses) throws AddressException {
        var parsed = new InternetAddress[addresses.size()];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = new InternetAddress(addresses.get(i), true);
        }
        return parsed;
    }
}
