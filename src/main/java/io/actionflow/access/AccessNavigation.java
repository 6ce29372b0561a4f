package io.actionflow.access;

import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.NavigationContributor;
import io.actionflow.platform.NavigationEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/** Admins set who may do what from the Admin section. */
@Component
class AccessNavigation implements NavigationContributor {

    private final CurrentUser currentUser;

    AccessNavigation(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public List<NavigationEntry> entries() {
        return currentUser.isAdmin()
                ? List.of(NavigationEntry.admin("nav.roles", "vaadin:key", "admin/roles", 950))
                : List.of();
    }
}
