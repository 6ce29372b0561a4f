package io.actionflow.collections;

import static org.assertj.core.api.Assertions.assertThat;

import io.actionflow.platform.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What a rule sees is what the record stores (issue 26), as a property: for every field type and a corpus of awkward
 * inputs, the value read for the rules ({@link TypedValues}) is exactly the value a read of the written record gives,
 * reading it again changes nothing, and an input is refused for the rules exactly when the write refuses it.
 */
@WithMockUser(username = "admin", roles = "admin")
abstract class TypedValuesContract {

    /** Inputs a form, a script or an attacker sends: numbers in every shape, padding, blanks, dates, odd characters. */
    static final List<Object> CORPUS = Arrays.asList(
            42, 42L, 42.0, 42.5, -0.0, "42", " 42 ", "+42", "042", "4.2e1", " 6e2 ", "1e5", "1e400", "1e-400", "-0",
            "0.12345678901234567", "12345678901234567890", "9223372036854775807", "9223372036854775808",
            new BigDecimal("1.50"), "", " ", "\t\n", null, true, false, "true", " yes ", "No", "1", "0",
            "2026-03-29", " 2026-03-29 ", "2026-03-29T02:30:00+02:00", " 2026-03-29T02:30:00.1234567Z ", "2026-03-29T02:30",
            "2026-02-30", "abc", "Urgent", "Urgent ", " Normal", "ana@example.com", " ana@example.com ", "not an email",
            "é", "a\u0000b", "\ud800", "x".repeat(300), List.of(1), Map.of("id", 1), Map.of("id", " 1 "));

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    TypedValues typed;

    @Test
    void the_value_a_rule_sees_is_the_value_the_record_stores_for_every_type_and_awkward_input() {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String targets = "tv_targets_" + s;
        String values = "tv_values_" + s;
        collections.create(new CollectionDraft(targets, "Targets", null, null));
        collections.addField(targets, FieldDraft.of("label", FieldType.TEXT, FieldSettings.titled("Label")));
        records.create(targets, Map.of("label", "one"));
        collections.create(new CollectionDraft(values, "Values", null, null));
        var fields = new HashMap<FieldType, String>();
        for (FieldType type : FieldType.values()) {
            if (!type.hasColumn()) {
                continue;
            }
            String name = "f_" + type.name().toLowerCase(java.util.Locale.ROOT);
            var settings = FieldSettings.titled(type.name());
            if (type == FieldType.SINGLE_SELECT) {
                settings = settings.withOptions(List.of("Normal", "Urgent"));
            }
            collections.addField(values, type == FieldType.MANY_TO_ONE ? FieldDraft.relation(name, targets, null, settings)
                    : FieldDraft.of(name, type, settings));
            fields.put(type, name);
        }
        long target = queries.find(targets, RecordQuery.firstPage(1)).getFirst().id();

        var failures = new ArrayList<String>();
        int cases = 0;
        for (var field : fields.entrySet()) {
            for (Object input : CORPUS) {
                cases++;
                Object sent = input instanceof Map<?, ?> && field.getKey() == FieldType.MANY_TO_ONE ? Map.of("id", target)
                        : input instanceof Integer i && i == 1 && field.getKey() == FieldType.MANY_TO_ONE ? target : input;
                var submission = new HashMap<String, Object>();
                submission.put(field.getValue(), sent);
                Map<String, Object> seen;
                try {
                    seen = typed.read(values, submission);
                } catch (ValidationException refusedForRules) {
                    try {
                        records.create(values, submission);
                        failures.add(field.getKey() + " " + describe(sent) + ": refused for the rules, written");
                    } catch (ValidationException alsoRefused) {
                        // refused on both paths, with nothing written
                    }
                    continue;
                }
                if (!seen.equals(typed.read(values, seen))) {
                    failures.add(field.getKey() + " " + describe(sent) + ": reading " + seen + " again gave " + typed.read(values, seen));
                }
                StoredRecord stored;
                try {
                    stored = queries.get(values, records.create(values, seen).id()).orElseThrow();
                } catch (ValidationException refusedByTheWrite) {
                    // a setting the value breaks (an option, an email) is the write's to refuse: the rule saw it as sent
                    continue;
                }
                Object rule = seen.get(field.getValue());
                Object kept = stored.get(field.getValue());
                if (!java.util.Objects.equals(rule, kept)) {
                    failures.add(field.getKey() + " " + describe(sent) + ": the rule saw " + describe(rule) + ", the record holds "
                            + describe(kept));
                }
            }
        }
        System.out.printf("TypedValues: %d inputs across %d field types, %d disagreements%n", cases, fields.size(), failures.size());
        assertThat(failures).as("%d cases", cases).isEmpty();
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " «" + value + "»";
    }
}
