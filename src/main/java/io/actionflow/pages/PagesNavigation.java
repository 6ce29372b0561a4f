package io.actionflow.pages;

import io.actionflow.platform.CurrentUser;
import io.actionflow.platform.NavigationContributor;
import io.actionflow.platform.NavigationEntry;
import io.actionflow.platform.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The pages a user may open, in the main section of the menu; admins also get the page list under Admin. */
@Component
class PagesNavigation implements NavigationContributor {

    private final PageService pages;
    private final CurrentUser currentUser;

    PagesNavigation(PageService pages, CurrentUser currentUser) {
        this.pages = pages;
        this.currentUser = currentUser;
    }

    @Override
    public List<NavigationEntry> entries() {
        var entries = new ArrayList<NavigationEntry>();
        for (PageDefinition page : pages.visible()) {
            entries.add(NavigationEntry.page(page.title(), page.icon() == null ? "vaadin:file-text-o" : page.icon(),
                    "p/" + page.slug(), page.position()));
        }
        if (currentUser.isAdmin()) {
            entries.add(NavigationEntry.admin("nav.pages", "vaadin:browser", "admin/pages", 200));
        }
        return entries;
    }
}
