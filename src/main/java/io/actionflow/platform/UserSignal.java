package io.actionflow.platform;

import java.util.Set;

/**
 * Something changed for these users that their open screens show (new inbox messages, tasks to do): published in the
 * transaction that changed it; once it commits, their screens refresh through server push.
 */
public interface UserSignal {

    Set<String> usernames();
}
