package db.migration;

import java.sql.Statement;
import java.util.ArrayList;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every record table gets an index on who created each record: a permission's "own records" scope reads by it, and
 * counts for the pager with it (issue 13). Record tables are made at run time, so this migration finds them in the
 * metamodel; tables made from now on get the index when they are created.
 */
public class V13__record_creator_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var tables = new ArrayList<String[]>();
        try (Statement select = context.getConnection().createStatement();
                var rows = select.executeQuery("select id, table_name from af_collection where built_in = false")) {
            while (rows.next()) {
                tables.add(new String[] {String.valueOf(rows.getLong(1)), rows.getString(2)});
            }
        }
        try (Statement ddl = context.getConnection().createStatement()) {
            for (String[] table : tables) {
                if (!table[1].matches("[a-z0-9_]{1,63}")) {
                    throw new IllegalStateException("Unexpected record table name " + table[1]);
                }
                ddl.execute("create index \"ix_c" + table[0] + "_created_by\" on \"" + table[1] + "\" (created_by)");
            }
        }
    }
}
