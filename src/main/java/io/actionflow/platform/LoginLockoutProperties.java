package io.actionflow.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many failed sign-ins in a row lock an account, and for how long. */
@ConfigurationProperties("actionflow.security")
public record LoginLockoutProperties(@DefaultValue("10") int maxFailedLogins, @DefaultValue("5m") Duration lockout) {
}
