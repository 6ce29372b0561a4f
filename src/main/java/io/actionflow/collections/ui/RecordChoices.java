package io.actionflow.collections.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import io.actionflow.collections.CollectionDefinition;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import io.actionflow.collections.Visibility;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Choosing one record of a collection by its title or number, paged from the database as the user types. */
public final class RecordChoices {

    private RecordChoices() {
    }

    /** A combo box over the records of {@code collection}. */
    public static ComboBox<Choice> comboBox(RecordQueries queries, CollectionDefinition collection) {
        return comboBox(queries, collection, Visibility.ALL);
    }

    /** A combo box over the records of {@code collection} that a reader may see. */
    public static ComboBox<Choice> comboBox(RecordQueries queries, CollectionDefinition collection, Visibility visibility) {
        var combo = new ComboBox<Choice>();
        combo.setItemLabelGenerator(Choice::title);
        combo.setItems(query -> choices(queries, collection, visibility, query.getFilter().orElse(""), query.getOffset(), query.getLimit()));
        combo.setClearButtonVisible(true);
        return combo;
    }

    /** The records whose title contains the typed text (or whose number it is), by title. */
    public static Stream<Choice> choices(RecordQueries queries, CollectionDefinition collection, String text, int offset, int limit) {
        return choices(queries, collection, Visibility.ALL, text, offset, limit);
    }

    private static Stream<Choice> choices(RecordQueries queries, CollectionDefinition collection, Visibility visibility,
            String text, int offset, int limit) {
        boolean byTitle = collection.titleField() != null && visibility.field(collection.name(), collection.titleField());
        Filter filter = Filter.all();
        String typed = text.strip();
        if (!typed.isEmpty()) {
            filter = typed.chars().allMatch(Character::isDigit) && typed.length() < 18
                    ? Filter.where("id", Filter.Operator.EQ, Long.parseLong(typed))
                    : !byTitle ? Filter.where("id", Filter.Operator.IN)
                    : Filter.where(collection.titleField(), Filter.Operator.CONTAINS, typed);
        }
        var sorts = !byTitle ? List.<RecordQuery.Sort>of() : List.of(RecordQuery.Sort.asc(collection.titleField()));
        return queries.find(collection.name(), new RecordQuery(filter, sorts, offset, limit), visibility).stream()
                .map(r -> new Choice(r.id(), r.title()));
    }

    /** A record to choose: equal to another when it is the same record. */
    public record Choice(long id, String title) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Choice c && c.id == id;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(id);
        }
    }
}
