package io.actionflow.platform;

import java.util.List;
import org.springframework.stereotype.Component;

/** The platform's own admin entries. */
@Component
class PlatformNavigation implements NavigationContributor {

    private final CurrentUser currentUser;

    PlatformNavigation(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public List<NavigationEntry> entries() {
        if (!currentUser.isAdmin()) {
            return List.of();
        }
        return List.of(NavigationEntry.admin("nav.users", "vaadin:users", "admin/users", 900));
    }
}
