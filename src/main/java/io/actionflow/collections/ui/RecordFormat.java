package io.actionflow.collections.ui;

import com.vaadin.flow.component.Component;
import io.actionflow.collections.FieldDefinition;
import io.actionflow.collections.StoredRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How a stored value reads in a table, a card or a details block, in the viewer's language. */
public final class RecordFormat {

    private RecordFormat() {
    }

    public static String display(Component context, FieldDefinition field, StoredRecord record) {
        Object value = record.get(field.name());
        if (value == null) {
            return "";
        }
        Locale locale = context.getUI().map(com.vaadin.flow.component.UI::getLocale).orElse(Locale.ENGLISH);
        return switch (field.type()) {
            case MANY_TO_ONE -> record.hides(field.name()) ? context.getTranslation("records.relation.hidden")
                    : record.relationTitles().getOrDefault(field.name(), "#" + value);
            case BOOLEAN -> context.getTranslation(Boolean.TRUE.equals(value) ? "common.yes" : "common.no");
            case DATE -> ((LocalDate) value).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
            case DATETIME -> ((OffsetDateTime) value).atZoneSameInstant(ZoneId.systemDefault())
                    .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            default -> value.toString();
        };
    }
}
