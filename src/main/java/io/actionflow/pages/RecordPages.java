package io.actionflow.pages;

import io.actionflow.platform.Links;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Where a record can be seen: the first page the signed-in user may open that shows its collection. */
@Component
class RecordPages implements Links.RecordPages {

    private final PageService pages;

    RecordPages(PageService pages) {
        this.pages = pages;
    }

    @Override
    public Optional<String> path(String collection, long id) {
        return pages.visible().stream()
                .filter(p -> p.blocks().stream().anyMatch(b -> b.collection().equals(collection)))
                .min(Comparator.comparingInt(PageDefinition::position))
                .map(p -> "p/" + p.slug() + "?record=" + id);
    }
}
