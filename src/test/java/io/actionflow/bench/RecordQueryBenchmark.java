package io.actionflow.bench;

import static io.actionflow.collections.Filter.Operator.CONTAINS;
import static io.actionflow.collections.Filter.Operator.EQ;
import static io.actionflow.collections.Filter.where;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;

import io.actionflow.collections.CollectionDraft;
import io.actionflow.collections.CollectionService;
import io.actionflow.collections.FieldDraft;
import io.actionflow.collections.FieldSettings;
import io.actionflow.collections.FieldType;
import io.actionflow.collections.Filter;
import io.actionflow.collections.RecordQueries;
import io.actionflow.collections.RecordQuery;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Fills a collection with a million records and prints how long the first page of 50 takes: sorted by an indexed
 * field, filtered by a text field, and filtered by a relation. Run: {@code mvn -Pbench -Dbench=RecordQueryBenchmark
 * -Dbench.args="h2 1000000"} (or {@code postgres}).
 */
public final class RecordQueryBenchmark {

    public static void main(String[] args) throws Exception {
        String database = Bench.database(args);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = 51;
        try (var context = Bench.start(database)) {
            var collections = context.getBean(CollectionService.class);
            var queries = context.getBean(RecordQueries.class);
            var dsl = context.getBean(DSLContext.class);

            collections.create(new CollectionDraft("bench_categories", "Categories", null, null));
            collections.addField("bench_categories", FieldDraft.of("label", FieldType.TEXT, FieldSettings.titled("Label")));
            collections.create(new CollectionDraft("bench_items", "Items", null, null));
            collections.addField("bench_items", FieldDraft.of("code", FieldType.TEXT, FieldSettings.titled("Code").withIndexed(true)));
            collections.addField("bench_items", FieldDraft.of("label", FieldType.TEXT, FieldSettings.titled("Label")));
            collections.addField("bench_items", FieldDraft.of("quantity", FieldType.INTEGER, FieldSettings.titled("Quantity")));
            collections.addField("bench_items", FieldDraft.relation("category", "bench_categories", null, FieldSettings.titled("Category")));

            long fillStart = System.nanoTime();
            fill(dsl, rows);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            if ("postgres".equals(database)) {
                dsl.execute("analyze");
            }

            var byCode = new RecordQuery(Filter.all(), List.of(RecordQuery.Sort.asc("code")), 0, 50);
            var byText = new RecordQuery(where("label", CONTAINS, "blue"), List.of(), 0, 50);
            var byTextEquals = new RecordQuery(where("code", EQ, String.format("code-%07d", rows / 2)), List.of(), 0, 50);
            var byRelation = new RecordQuery(where("category", EQ, 42), List.of(), 0, 50);
            var byRelationSorted = new RecordQuery(where("category", EQ, 42), List.of(RecordQuery.Sort.desc("code")), 0, 50);

            System.out.printf("%nRecord queries on %s, %,d records (filled in %.1f s), first page of 50, %d runs, cores=%s java=%s%n",
                    database, rows, fillSeconds, runs, Bench.machine().get("cores"), Bench.machine().get("java"));
            System.out.printf("%-52s %10s %10s %8s%n", "query", "median ms", "p99 ms", "rows");
            report("sorted by an indexed field (code)", queries, byCode, runs);
            report("filtered by a text field (label contains 'blue')", queries, byText, runs);
            report("filtered by a text field (code = value, indexed)", queries, byTextEquals, runs);
            report("filtered by a relation (category = 42)", queries, byRelation, runs);
            report("filtered by a relation, sorted by code desc", queries, byRelationSorted, runs);
            long[] count = Bench.time(3, 11, () -> queries.count("bench_items", where("category", EQ, 42)));
            System.out.printf("%-52s %10.2f %10.2f%n", "count filtered by the relation (for the pager)",
                    Bench.medianMillis(count), Bench.p99Millis(count));

            // the same first page read by roles whose view scope narrows it, through the access module's reader
            var permissions = context.getBean(io.actionflow.access.Permissions.class);
            var access = context.getBean(io.actionflow.access.Access.class);
            var roles = context.getBean(io.actionflow.platform.Roles.class);
            {
                roles.create("bench_own", "Own records");
                roles.create("bench_filter", "Filtered");
                permissions.save("bench_own", "bench_items", new io.actionflow.access.Grant(true, false, false, false, false,
                        io.actionflow.access.Scope.OWN, io.actionflow.access.Scope.ALL, io.actionflow.access.Scope.ALL, null, null, null));
                permissions.save("bench_filter", "bench_items", new io.actionflow.access.Grant(true, false, false, false, false,
                        new io.actionflow.access.Scope.Where("{\"quantity\": {\"$gte\": 500}}"), io.actionflow.access.Scope.ALL,
                        io.actionflow.access.Scope.ALL, java.util.Set.of("code", "label", "quantity"), null, null));
            }
            var own = access.reader(new io.actionflow.access.Actor("admin", 1L, "bench_own", null, null));
            var filtered = access.reader(new io.actionflow.access.Actor("admin", 1L, "bench_filter", null, null));
            var everything = access.reader(new io.actionflow.access.Actor("admin", 1L, "admin", null, null));
            System.out.printf("%nThe first page through the reader (scope in the SQL), sorted by code:%n");
            reportReader("admin (no scope)", everything, byCode, runs);
            reportReader("own records (created_by = the user: 1 in 10)", own, byCode, runs);
            reportReader("a filter scope (quantity >= 500), 3 of 5 fields", filtered, byCode, runs);
            reportReader("own records, filtered by a text field", own, byText, runs);
            long[] ownCount = Bench.time(3, 11, () -> own.count("bench_items", Filter.all()));
            long[] filterCount = Bench.time(3, 11, () -> filtered.count("bench_items", Filter.all()));
            System.out.printf("%-52s %10.2f %10.2f%n", "count of own records (for the pager)", Bench.medianMillis(ownCount), Bench.p99Millis(ownCount));
            System.out.printf("%-52s %10.2f %10.2f%n", "count within the filter scope (for the pager)",
                    Bench.medianMillis(filterCount), Bench.p99Millis(filterCount));
        }
    }

    private static void report(String label, RecordQueries queries, RecordQuery query, int runs) {
        int[] found = new int[1];
        long[] took = Bench.time(10, runs, () -> {
            found[0] = queries.find("bench_items", query).size();
            return found[0];
        });
        System.out.printf("%-52s %10.2f %10.2f %8d%n", label, Bench.medianMillis(took), Bench.p99Millis(took), found[0]);
    }

    private static void reportReader(String label, io.actionflow.access.Access.Reader reader, RecordQuery query, int runs) {
        int[] found = new int[1];
        long[] took = Bench.time(10, runs, () -> {
            found[0] = reader.find("bench_items", query).size();
            return found[0];
        });
        System.out.printf("%-52s %10.2f %10.2f %8d%n", label, Bench.medianMillis(took), Bench.p99Millis(took), found[0]);
    }

    /** 100 categories, then the items in one INSERT … SELECT over a generated series (no per-row round trips). */
    private static void fill(DSLContext dsl, int rows) {
        OffsetDateTime now = OffsetDateTime.now();
        var categories = DSL.table(name("rec_bench_categories"));
        Field<Integer> c = field(name("c"), SQLDataType.INTEGER);
        dsl.insertInto(categories, List.<Field<?>>of(field(name("label")), field(name("created_at")), field(name("updated_at"))))
                .select(dsl.select(DSL.concat(inline("Category "), c.cast(SQLDataType.VARCHAR(10))), inline(now), inline(now))
                        .from(DSL.generateSeries(1, 100).as("s", "c")))
                .execute();
        var items = DSL.table(name("rec_bench_items"));
        Field<Integer> n = field(name("n"), SQLDataType.INTEGER);
        Field<String> colour = DSL.choose(n.mod(3)).when(inline(0), inline(" blue")).when(inline(1), inline(" red"))
                .otherwise(inline(" green"));
        // one record in ten is the benchmark user's (created_by 1), for the "own records" scope
        dsl.insertInto(items, List.<Field<?>>of(field(name("code")), field(name("label")), field(name("quantity")),
                        field(name("category")), field(name("created_at")), field(name("updated_at")), field(name("created_by"))))
                .select(dsl.select(
                                DSL.concat(inline("code-"), DSL.lpad(n.cast(SQLDataType.VARCHAR(10)), 7, "0")),
                                DSL.concat(inline("Item "), n.cast(SQLDataType.VARCHAR(10)), colour),
                                n.mod(1000),
                                n.mod(100).plus(1),
                                inline(now), inline(now),
                                DSL.when(n.mod(10).eq(0), inline(1L)).otherwise(DSL.castNull(SQLDataType.BIGINT)))
                        .from(DSL.generateSeries(1, rows).as("s", "n")))
                .execute();
    }
}
