package io.actionflow.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Ends a training start for the JVM's AOT cache ({@code -XX:AOTCacheOutput}) the moment the application is ready, when
 * {@code actionflow.training-run=true}. Spring's {@code spring.context.exit=onRefresh} ends it before the runners, the
 * scheduler and the web server have started: the classes and method profiles of that second part of a start (about
 * 2,900 classes, then loaded from the jar and verified at every start) were left out. It halts without closing the
 * context: every class in the cache is loaded at every start, so the classes of a shutdown are better left out of it.
 * Read when the event arrives, not as a condition, so that a start with the beans generated at build time follows it.
 */
@Component
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    static final String PROPERTY = "actionflow.training-run";

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (event.getApplicationContext().getEnvironment().getProperty(PROPERTY, Boolean.class, false)) {
            log.info("Training start ready: the JVM writes its AOT cache as it exits");
            Runtime.getRuntime().halt(0);
        }
    }
}
