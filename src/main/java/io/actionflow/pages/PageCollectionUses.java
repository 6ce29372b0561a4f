package io.actionflow.pages;

import io.actionflow.collections.CollectionUses;
import io.actionflow.platform.Text;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The pages with a block on a collection: that collection is not deleted while they show it. */
@Component
class PageCollectionUses implements CollectionUses {

    private final PageRepository pages;

    PageCollectionUses(PageRepository pages) {
        this.pages = pages;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Text> of(String collection) {
        return pages.findAllOrdered().stream()
                .filter(page -> page.getBlocks().stream().anyMatch(b -> b.getCollection().equals(collection)))
                .map(page -> Text.of("collection.use.page", page.getTitle())).toList();
    }
}
