package io.actionflow.pages;

import io.actionflow.collections.CollectionUses;
import io.actionflow.platform.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pages with a block on a collection: that collection is not deleted while they show it. A field an Update
 * record button writes is not removed (the button would fail on every click), nor an option it writes; a renamed
 * field is renamed in the blocks that show it and the buttons that write it.
 */
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

    @Override
    @Transactional(readOnly = true)
    public List<Text> ofField(String collection, String field) {
        return writers(collection, (name, value) -> name.equals(field));
    }

    @Override
    public List<Text> ofRename(String collection, String field) {
        // the blocks and buttons follow the new name
        return List.of();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Text> ofOption(String collection, String field, String option) {
        return writers(collection, (name, value) -> name.equals(field) && value != null && value.strip().equals(option));
    }

    @Override
    @Transactional
    public void renamed(String collection, String from, String to) {
        for (PageEntity page : pages.findAllOrdered()) {
            for (BlockEntity block : page.getBlocks()) {
                if (block.getCollection().equals(collection)) {
                    block.renameField(from, to);
                }
            }
        }
    }

    /** The Update record buttons on the collection's blocks whose values match: "the button Close on the page Deals". */
    private List<Text> writers(String collection, BiPredicate<String, String> writes) {
        var places = new ArrayList<Text>();
        for (PageEntity page : pages.findAllOrdered()) {
            for (BlockEntity block : page.getBlocks()) {
                if (!block.getCollection().equals(collection)) {
                    continue;
                }
                for (ButtonDefinition button : block.definition().buttons()) {
                    if (button.presets().entrySet().stream().anyMatch(p -> writes.test(p.getKey(), p.getValue()))) {
                        places.add(Text.of("collection.use.pageButton",
                                button.label() != null && !button.label().isBlank() ? button.label() : Text.of(button.kind().labelKey()),
                                page.getTitle()));
                    }
                }
            }
        }
        return places;
    }
}
