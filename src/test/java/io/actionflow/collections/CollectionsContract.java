package io.actionflow.collections;

import static io.actionflow.collections.Filter.Operator.BETWEEN;
import static io.actionflow.collections.Filter.Operator.CONTAINS;
import static io.actionflow.collections.Filter.Operator.EMPTY;
import static io.actionflow.collections.Filter.Operator.EQ;
import static io.actionflow.collections.Filter.Operator.GE;
import static io.actionflow.collections.Filter.Operator.GT;
import static io.actionflow.collections.Filter.Operator.IN;
import static io.actionflow.collections.Filter.Operator.LT;
import static io.actionflow.collections.Filter.Operator.NE;
import static io.actionflow.collections.Filter.Operator.NOT_EMPTY;
import static io.actionflow.collections.Filter.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.actionflow.platform.FieldError;
import io.actionflow.platform.NotFoundException;
import io.actionflow.platform.UserService;
import io.actionflow.platform.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** What collections and records must do on every database we run on. Subclasses choose the database. */
@WithMockUser(username = "admin", roles = "admin")
@RecordApplicationEvents
abstract class CollectionsContract {

    @Autowired
    CollectionService collections;

    @Autowired
    RecordService records;

    @Autowired
    RecordQueries queries;

    @Autowired
    UserService users;

    @Autowired
    ApplicationEvents events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    String categories;
    String items;

    @BeforeEach
    void model() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        categories = "categories_" + suffix;
        items = "items_" + suffix;
        collections.create(new CollectionDraft(categories, "Categories", null, null));
        collections.addField(categories, FieldDraft.of("label", FieldType.TEXT, FieldSettings.titled("Label").withRequired(true)));
        collections.update(categories, new CollectionDraft(categories, "Categories", "Kinds of items", "label"));

        collections.create(new CollectionDraft(items, "Items", "One field of every type", null));
        add("code", FieldType.TEXT, FieldSettings.titled("Code").withRequired(true).withUnique(true)
                .withRange(BigDecimal.valueOf(3), BigDecimal.valueOf(12)).withPattern("[A-Z]+-[0-9]+"));
        add("notes", FieldType.LONG_TEXT, FieldSettings.titled("Notes"));
        add("quantity", FieldType.INTEGER, FieldSettings.titled("Quantity").withIndexed(true)
                .withRange(BigDecimal.ZERO, BigDecimal.valueOf(1000)));
        add("price", FieldType.DECIMAL, FieldSettings.titled("Price").withRange(new BigDecimal("0.01"), null));
        add("active", FieldType.BOOLEAN, FieldSettings.titled("Active").withDefault("true"));
        add("due", FieldType.DATE, FieldSettings.titled("Due"));
        add("seen_at", FieldType.DATETIME, FieldSettings.titled("Seen at"));
        add("status", FieldType.SINGLE_SELECT, FieldSettings.titled("Status").withOptions(List.of("Open", "Done")).withDefault("Open"));
        add("contact", FieldType.EMAIL, FieldSettings.titled("Contact"));
        collections.addField(items, FieldDraft.relation("category", categories, "items", FieldSettings.titled("Category")));
        collections.addField(items, FieldDraft.relation("owner", "users", null, FieldSettings.titled("Owner")));
        collections.update(items, new CollectionDraft(items, "Items", "One field of every type", "code"));
    }

    @Test
    void every_field_type_is_created_read_updated_and_deleted() {
        long tools = category("Tools");
        long admin = users.findByUsername("admin").orElseThrow().id();
        var values = new HashMap<String, Object>();
        values.put("code", "AB-1");
        values.put("notes", "Line one\nLine two");
        values.put("quantity", 7);
        values.put("price", "12.50");
        values.put("due", "2026-12-31");
        values.put("seen_at", "2026-11-22T10:15:30+01:00");
        values.put("contact", "buyer@example.com");
        values.put("category", tools);
        values.put("owner", Map.of("id", admin));

        StoredRecord created = records.create(items, values);

        assertThat(created.title()).isEqualTo("AB-1");
        assertThat(created.values()).containsEntry("code", "AB-1").containsEntry("notes", "Line one\nLine two")
                .containsEntry("quantity", 7L).containsEntry("price", new BigDecimal("12.5"))
                .containsEntry("active", true).containsEntry("due", LocalDate.of(2026, 12, 31))
                .containsEntry("seen_at", OffsetDateTime.of(2026, 11, 22, 9, 15, 30, 0, ZoneOffset.UTC))
                .containsEntry("status", "Open").containsEntry("contact", "buyer@example.com")
                .containsEntry("category", tools).containsEntry("owner", admin);
        assertThat(created.relationTitles()).containsEntry("category", "Tools").containsEntry("owner", "Administrator");

        StoredRecord updated = records.update(items, created.id(), Map.of("quantity", "8", "status", "Done", "active", false));
        assertThat(updated.values()).containsEntry("quantity", 8L).containsEntry("status", "Done")
                .containsEntry("active", false).containsEntry("code", "AB-1");

        records.delete(items, created.id());
        assertThat(queries.get(items, created.id())).isEmpty();
        assertThat(events.stream(RecordEvent.class).filter(e -> e.collection().equals(items)))
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("RecordCreated", "RecordUpdated", "RecordDeleted");
        RecordUpdated change = events.stream(RecordUpdated.class).filter(e -> e.collection().equals(items)).findFirst().orElseThrow();
        assertThat(change.changedFields()).containsExactlyInAnyOrder("quantity", "status", "active");
        assertThat(change.previous()).containsEntry("quantity", 7L).containsEntry("status", "Open");
        assertThat(change.operator()).isEqualTo("admin");
    }

    @Test
    void what_a_write_answers_is_what_a_read_gives() {
        // without decimals, finer times or relations the row is made from what was written; with them it is read back
        String plain = "plain_" + UUID.randomUUID().toString().substring(0, 8);
        collections.create(new CollectionDraft(plain, "Plain", null, null));
        collections.addField(plain, FieldDraft.of("title", FieldType.TEXT, FieldSettings.titled("Title")));
        collections.addField(plain, FieldDraft.of("amount", FieldType.INTEGER, FieldSettings.titled("Amount")));
        collections.addField(plain, FieldDraft.of("done", FieldType.BOOLEAN, FieldSettings.titled("Done").withDefault("false")));
        collections.addField(plain, FieldDraft.of("due", FieldType.DATE, FieldSettings.titled("Due")));
        collections.addField(plain, FieldDraft.of("at", FieldType.DATETIME, FieldSettings.titled("At")));
        collections.update(plain, new CollectionDraft(plain, "Plain", null, "title"));
        var made = records.create(plain, Map.of("title", "bench", "amount", 42, "due", "2026-12-31", "at", "2026-11-22T10:15:30+01:00"));
        assertThat(made).isEqualTo(queries.get(plain, made.id()).orElseThrow());
        var changed = records.update(plain, made.id(), Map.of("title", "processed", "done", true));
        assertThat(changed).isEqualTo(queries.get(plain, made.id()).orElseThrow());
        assertThat(changed.createdAt()).isEqualTo(made.createdAt());

        long tools = category("Tools");
        var item = records.create(items, Map.of("code", "AB-2", "price", "12.50", "category", tools,
                "seen_at", "2026-11-22T10:15:30.123456789+01:00"));
        assertThat(item).isEqualTo(queries.get(items, item.id()).orElseThrow());
        var item2 = records.update(items, item.id(), Map.of("quantity", 3));
        assertThat(item2).isEqualTo(queries.get(items, item.id()).orElseThrow());
    }

    @Test
    void every_validation_rule_refuses_with_a_message_per_field_and_writes_nothing() {
        long before = queries.count(items, Filter.all());

        refused(() -> records.create(items, Map.of("quantity", 1)), FieldError.of("code", "validation.required"));
        refused(() -> records.create(items, Map.of("code", "AB")), FieldError.of("code", "validation.tooShort", 3),
                FieldError.of("code", "validation.pattern", "[A-Z]+-[0-9]+"));
        refused(() -> records.create(items, Map.of("code", "ABCDEFGH-1234")), FieldError.of("code", "validation.tooLong", 12));
        refused(() -> records.create(items, Map.of("code", "AB-2", "quantity", 1001)), FieldError.of("quantity", "validation.max", "1000"));
        refused(() -> records.create(items, Map.of("code", "AB-2", "quantity", -1)), FieldError.of("quantity", "validation.min", "0"));
        refused(() -> records.create(items, Map.of("code", "AB-2", "quantity", "seven")), FieldError.of("quantity", "validation.type.integer"));
        refused(() -> records.create(items, Map.of("code", "AB-2", "price", "0")), FieldError.of("price", "validation.min", "0.01"));
        refused(() -> records.create(items, Map.of("code", "AB-2", "due", "31/12/2026")), FieldError.of("due", "validation.type.date"));
        refused(() -> records.create(items, Map.of("code", "AB-2", "status", "Lost")), FieldError.of("status", "validation.option", "Open, Done"));
        refused(() -> records.create(items, Map.of("code", "AB-2", "contact", "nobody")), FieldError.of("contact", "validation.email"));
        refused(() -> records.create(items, Map.of("code", "AB-2", "active", "maybe")), FieldError.of("active", "validation.type.boolean"));
        refused(() -> records.create(items, Map.of("code", "AB-2", "category", 999_999)),
                FieldError.of("category", "validation.reference.missing", "Categories", 999_999L));
        refused(() -> records.create(items, Map.of("code", "AB-2", "colour", "red")),
                FieldError.of("colour", "validation.unknownField", "colour"));
        // a required field given a value that cannot be read is refused once, for what it is, not also as missing
        refused(() -> records.create(items, Map.of("code", List.of("AB-2"))), FieldError.of("code", "validation.type.text"));

        assertThat(queries.count(items, Filter.all())).isEqualTo(before);
        assertThat(events.stream(RecordCreated.class).filter(e -> e.collection().equals(items))).isEmpty();
    }

    @Test
    void a_unique_violation_is_a_message_on_the_field() {
        records.create(items, Map.of("code", "UQ-1"));
        var other = records.create(items, Map.of("code", "UQ-2"));

        refused(() -> records.create(items, Map.of("code", "UQ-1")), FieldError.of("code", "validation.unique", "UQ-1"));
        refused(() -> records.update(items, other.id(), Map.of("code", "UQ-1")), FieldError.of("code", "validation.unique", "UQ-1"));
        refused(() -> records.update(items, other.id(), Map.of("code", Map.of("x", 1))), FieldError.of("code", "validation.type.text"));
        assertThat(queries.get(items, other.id()).orElseThrow().get("code")).isEqualTo("UQ-2");
    }

    @Test
    void a_missing_record_is_reported_not_thrown_as_an_error() {
        assertThatThrownBy(() -> records.update(items, 123_456_789L, Map.of("quantity", 1)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.messageKey()).isEqualTo("record.notFound"));
        assertThatThrownBy(() -> records.delete(items, 123_456_789L)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void bulk_delete_removes_all_or_nothing() {
        long a = records.create(items, Map.of("code", "BD-1")).id();
        long b = records.create(items, Map.of("code", "BD-2")).id();

        assertThatThrownBy(() -> records.deleteAll(items, List.of(a, b, 987_654_321L))).isInstanceOf(NotFoundException.class);
        assertThat(queries.count(items, Filter.all())).isEqualTo(2);

        assertThat(records.deleteAll(items, List.of(a, b))).isEqualTo(2);
        assertThat(queries.count(items, Filter.all())).isZero();
    }

    @Test
    void filters_sorts_and_pages_are_done_in_sql() {
        long tools = category("Tools");
        long food = category("Food");
        records.create(items, Map.of("code", "F-1", "quantity", 5, "price", "1.50", "category", tools, "notes", "Red hammer"));
        records.create(items, Map.of("code", "F-2", "quantity", 15, "price", "9.99", "category", food, "notes", "apples"));
        records.create(items, Map.of("code", "F-3", "quantity", 25, "price", "20", "category", tools));
        records.create(items, Map.of("code", "F-4", "quantity", 35, "category", food, "status", "Done", "notes", "RED wine"));

        assertThat(codes(where("quantity", EQ, 15))).containsExactly("F-2");
        assertThat(codes(where("quantity", NE, 15))).containsExactly("F-1", "F-3", "F-4");
        assertThat(codes(where("quantity", GT, 15))).containsExactly("F-3", "F-4");
        assertThat(codes(where("quantity", GE, 15))).containsExactly("F-2", "F-3", "F-4");
        assertThat(codes(where("price", LT, "9.99"))).containsExactly("F-1");
        assertThat(codes(where("quantity", BETWEEN, 10, 30))).containsExactly("F-2", "F-3");
        assertThat(codes(where("notes", CONTAINS, "red"))).containsExactly("F-1", "F-4");
        assertThat(codes(where("notes", EMPTY))).containsExactly("F-3");
        assertThat(codes(where("price", NOT_EMPTY))).containsExactly("F-1", "F-2", "F-3");
        assertThat(codes(where("code", IN, "F-1", "F-4", "nope"))).containsExactly("F-1", "F-4");
        assertThat(codes(where("category", EQ, tools))).containsExactly("F-1", "F-3");
        assertThat(codes(Filter.and(where("category", EQ, food), where("status", EQ, "Done")))).containsExactly("F-4");
        assertThat(codes(Filter.or(where("quantity", LT, 10), where("quantity", GT, 30)))).containsExactly("F-1", "F-4");

        var byQuantityDesc = new RecordQuery(Filter.all(), List.of(RecordQuery.Sort.desc("quantity")), 0, 2);
        assertThat(queries.find(items, byQuantityDesc)).extracting(StoredRecord::title).containsExactly("F-4", "F-3");
        var secondPage = new RecordQuery(Filter.all(), List.of(RecordQuery.Sort.desc("quantity")), 2, 2);
        assertThat(queries.find(items, secondPage)).extracting(StoredRecord::title).containsExactly("F-2", "F-1");
        var byCategoryTitle = new RecordQuery(Filter.all(), List.of(RecordQuery.Sort.asc("category"), RecordQuery.Sort.asc("code")), 0, 10);
        assertThat(queries.find(items, byCategoryTitle)).extracting(StoredRecord::title).containsExactly("F-2", "F-4", "F-1", "F-3");
        assertThat(queries.count(items, where("category", EQ, tools))).isEqualTo(2);
    }

    @Test
    void filters_on_unknown_fields_or_with_wrong_values_are_refused() {
        refused(() -> queries.find(items, RecordQuery.firstPage(10).filteredBy(where("nope", EQ, 1))),
                FieldError.of("filter", "filter.field", "nope", items));
        refused(() -> queries.find(items, RecordQuery.firstPage(10).filteredBy(where("quantity", CONTAINS, 1))),
                FieldError.of("filter", "filter.operator", "CONTAINS", "quantity"));
        refused(() -> queries.find(items, RecordQuery.firstPage(10).filteredBy(where("quantity", EQ, "x'); drop table x; --"))),
                FieldError.of("filter", "validation.type.integer"));
        refused(() -> queries.find(items, RecordQuery.firstPage(10).sortedBy(RecordQuery.Sort.asc("1; drop"))),
                FieldError.of("sort", "query.sort.field", "1; drop", items));
    }

    @Test
    void values_that_look_like_sql_are_stored_as_plain_text() {
        String hostile = "x'); drop table " + items + "; --";
        var stored = records.create(items, Map.of("code", "SQL-1", "notes", hostile));

        assertThat(queries.get(items, stored.id()).orElseThrow().get("notes")).isEqualTo(hostile);
        assertThat(codes(where("notes", CONTAINS, "drop table"))).containsExactly("SQL-1");
    }

    @Test
    void invalid_and_reserved_names_are_refused() {
        refused(() -> collections.create(new CollectionDraft("Bad Name", "Bad", null, null)), FieldError.of("name", "name.invalid", 48));
        refused(() -> collections.create(new CollectionDraft("x; drop table app_user", "Bad", null, null)), FieldError.of("name", "name.invalid", 48));
        refused(() -> collections.create(new CollectionDraft("select", "Bad", null, null)), FieldError.of("name", "name.reserved", "select", "select_ref"));
        refused(() -> collections.create(new CollectionDraft(items, "Again", null, null)), FieldError.of("name", "name.taken", items));
        refused(() -> collections.create(new CollectionDraft("", "", null, null)), FieldError.of("name", "validation.required"),
                FieldError.of("title", "validation.required"));
        refused(() -> add("id", FieldType.TEXT, FieldSettings.titled("Id")), FieldError.of("name", "name.system", "id"));
        refused(() -> add("order", FieldType.TEXT, FieldSettings.titled("Order")), FieldError.of("name", "name.reserved", "order", "order_ref"));
        refused(() -> add("code", FieldType.TEXT, FieldSettings.titled("Code")), FieldError.of("name", "name.taken", "code"));
        refused(() -> add("1st", FieldType.TEXT, FieldSettings.titled("First")), FieldError.of("name", "name.invalid", 63));
    }

    @Test
    void a_field_added_later_gets_a_column_and_its_default_in_existing_records() {
        var existing = records.create(items, Map.of("code", "LT-1"));

        collections.addField(items, FieldDraft.of("colour", FieldType.TEXT, FieldSettings.titled("Colour").withDefault("Blue")));

        assertThat(queries.get(items, existing.id()).orElseThrow().get("colour")).isEqualTo("Blue");
        var red = records.create(items, Map.of("code", "LT-2", "colour", "Red"));
        assertThat(red.get("colour")).isEqualTo("Red");
    }

    @Test
    void definitions_are_read_as_last_committed() {
        assertThat(collections.require(items).field("colour")).isEmpty();

        transaction.execute(status -> {
            collections.addField(items, FieldDraft.of("colour", FieldType.TEXT, FieldSettings.titled("Colour")));
            // the changing transaction sees its own change at once
            assertThat(collections.require(items).field("colour")).isPresent();
            assertThat(records.create(items, Map.of("code", "CC-1", "colour", "Red")).get("colour")).isEqualTo("Red");
            status.setRollbackOnly();
            return null;
        });

        // afterwards, the cached definition is what is stored (H2 commits schema changes at once; PostgreSQL rolls back)
        boolean stored = collections.list().stream().filter(c -> c.name().equals(items)).findFirst().orElseThrow()
                .field("colour").isPresent();
        assertThat(collections.require(items).field("colour").isPresent()).isEqualTo(stored);
        if (!stored) {
            refused(() -> records.create(items, Map.of("code", "CC-2", "colour", "Red")),
                    FieldError.of("colour", "validation.unknownField", "colour"));
            collections.addField(items, FieldDraft.of("colour", FieldType.TEXT, FieldSettings.titled("Colour")));
        }
        assertThat(records.create(items, Map.of("code", "CC-3", "colour", "Red")).get("colour")).isEqualTo("Red");
    }

    @Test
    void type_changes_keep_data_or_are_refused() {
        var record = records.create(items, Map.of("code", "TC-1", "quantity", 3, "contact", "a@b.co"));

        collections.updateField(items, "quantity", FieldDraft.of("quantity", FieldType.DECIMAL, FieldSettings.titled("Quantity")));
        assertThat(queries.get(items, record.id()).orElseThrow().get("quantity")).isEqualTo(new BigDecimal("3"));

        refused(() -> collections.updateField(items, "contact", FieldDraft.of("contact", FieldType.INTEGER, FieldSettings.titled("Contact"))),
                FieldError.of("type", "field.type.unreadableOne", "“a@b.co”"));
        collections.updateField(items, "due", FieldDraft.of("due", FieldType.TEXT, FieldSettings.titled("Due")));
        assertThat(collections.require(items).requireField("due").type()).isEqualTo(FieldType.TEXT);
        // a type change that does not widen converts each value; one that cannot be read is emptied only when chosen
        collections.addField(items, FieldDraft.of("lot", FieldType.TEXT, FieldSettings.titled("Lot")));
        var five = records.create(items, Map.of("code", "TC-2", "lot", " 5"));
        var unreadable = records.create(items, Map.of("code", "TC-3", "lot", "five"));
        var integer = FieldDraft.of("lot", FieldType.INTEGER, FieldSettings.titled("Lot"));
        refused(() -> collections.updateField(items, "lot", integer), FieldError.of("type", "field.type.unreadableOne", "“five”"));
        collections.updateField(items, "lot", integer, Map.of(), true);
        assertThat(queries.get(items, five.id()).orElseThrow().get("lot")).isEqualTo(5L);
        assertThat(queries.get(items, unreadable.id()).orElseThrow().get("lot")).isNull();
        collections.updateField(items, "lot", FieldDraft.of("lot", FieldType.TEXT, new FieldSettings("Lot", false, true, false,
                null, null, null, null, List.of())));
        assertThat(queries.get(items, five.id()).orElseThrow().get("lot")).isEqualTo("5");
        assertThat(collections.require(items).requireField("lot").unique()).isTrue();
    }

    @Test
    void renaming_a_field_keeps_its_values() {
        var record = records.create(items, Map.of("code", "RN-1", "notes", "kept"));

        collections.updateField(items, "notes", FieldDraft.of("remarks", FieldType.LONG_TEXT, FieldSettings.titled("Remarks")));

        assertThat(queries.get(items, record.id()).orElseThrow().values()).containsEntry("remarks", "kept").doesNotContainKey("notes");
    }

    @Test
    void uniqueness_is_switched_on_only_over_unique_values() {
        records.create(items, Map.of("code", "UN-1", "contact", "same@example.com"));
        records.create(items, Map.of("code", "UN-2", "contact", "same@example.com"));

        refused(() -> collections.updateField(items, "contact",
                FieldDraft.of("contact", FieldType.EMAIL, FieldSettings.titled("Contact").withUnique(true))),
                FieldError.of("unique", "field.unique.duplicates"));
    }

    @Test
    void relations_have_an_inverse_and_protect_their_target() {
        assertThat(collections.require(categories).requireField("items"))
                .satisfies(f -> assertThat(f.type()).isEqualTo(FieldType.ONE_TO_MANY))
                .satisfies(f -> assertThat(f.target()).isEqualTo(items))
                .satisfies(f -> assertThat(f.inverseOf()).isEqualTo("category"));

        assertThatThrownBy(() -> collections.delete(categories))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().messageKey())
                        .isEqualTo("collection.delete.referenced"));

        collections.removeField(items, "category");
        assertThat(collections.require(categories).field("items")).isEmpty();
        collections.delete(categories);
        assertThat(collections.find(categories)).isEmpty();
    }

    @Test
    void the_users_collection_is_linkable_but_read_only() {
        assertThat(collections.require("users").builtIn()).isTrue();
        assertThat(queries.find("users", RecordQuery.firstPage(50).filteredBy(where("username", EQ, "admin"))))
                .extracting(StoredRecord::title).containsExactly("Administrator");

        refused(() -> records.create("users", Map.of("username", "x")),
                FieldError.of("collection", "collection.builtIn.records", "Users"));
        refused(() -> collections.addField("users", FieldDraft.of("extra", FieldType.TEXT, FieldSettings.titled("Extra"))),
                FieldError.of("name", "collection.builtIn", "Users"));
    }

    private void add(String name, FieldType type, FieldSettings settings) {
        collections.addField(items, FieldDraft.of(name, type, settings));
    }

    private long category(String label) {
        return records.create(categories, Map.of("label", label)).id();
    }

    private List<String> codes(Filter filter) {
        return queries.find(items, new RecordQuery(filter, List.of(RecordQuery.Sort.asc("code")), 0, 100)).stream()
                .map(r -> (String) r.get("code")).toList();
    }

    private static void refused(ThrowableAssert.ThrowingCallable call, FieldError... expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsExactlyInAnyOrder(expected));
    }
}
