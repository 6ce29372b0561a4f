package io.actionflow.platform;

import java.util.List;

/** A feature's entries in the side navigation, for the user who is signed in. */
public interface NavigationContributor {

    List<NavigationEntry> entries();
}
