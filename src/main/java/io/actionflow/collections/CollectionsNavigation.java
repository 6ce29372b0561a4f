package io.actionflow.collections;

import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.NavigationContributor;
import io.actionflow.platform.NavigationEntry;
import io.actionflow.platform.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/** Admins reach the data model from the Admin section. */
@Component
class CollectionsNavigation implements NavigationContributor {

    private final CurrentUser currentUser;

    CollectionsNavigation(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public List<NavigationEntry> entries() {
        if (!currentUser.isAdmin()) {
            return List.of();
        }
        return List.of(NavigationEntry.admin("nav.collections", "vaadin:database", "admin/collections", 100));
    }
}
