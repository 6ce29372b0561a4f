package io.actionflow.workflow.ui;

import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of a multi-way branch, as a row of the node's settings: its name and the expression that makes it hold. The
 * case keeps its key (the branch its nodes are in) whatever it is renamed to; a new case gets the next free key.
 */
final class CaseRow {

    /** The keys given so far: a new case is numbered after the cases there are. */
    static final class Keys {
        private int last;

        void after(List<Map<String, Object>> cases) {
            for (var when : cases) {
                String key = String.valueOf(when.get("key"));
                if (key.matches("case\\d{1,6}")) {
                    last = Math.max(last, Integer.parseInt(key.substring(4)));
                }
            }
        }

        String next() {
            return "case" + ++last;
        }
    }

    private CaseRow() {
    }

    static SettingRows.Row<Map<String, Object>> make(Map<String, Object> row, Keys keys, List<Variables.Group> variables) {
        String key = row != null && row.get("key") != null ? String.valueOf(row.get("key")) : keys.next();
        var title = new TextField();
        title.setPlaceholder(title.getTranslation("nodeSetting.cases.title"));
        title.setAriaLabel(title.getTranslation("nodeSetting.cases.title"));
        title.setValue(row == null || row.get("title") == null ? "" : String.valueOf(row.get("title")));
        var when = new TextField();
        when.setPlaceholder(when.getTranslation("nodeSetting.cases.when"));
        when.setAriaLabel(when.getTranslation("nodeSetting.cases.when"));
        when.addClassNames("af-code", "af-setting-value");
        when.setValue(row == null || row.get("when") == null ? "" : String.valueOf(row.get("when")));
        when.setSuffixComponent(VariablePicker.into(when, variables, false));
        return new SettingRows.Row<>(List.of(title, when), () -> {
            if (title.getValue().isBlank() && when.getValue().isBlank()) {
                return null;
            }
            var written = new LinkedHashMap<String, Object>();
            written.put("key", key);
            written.put("title", title.getValue().strip());
            written.put("when", when.getValue().strip());
            return written;
        });
    }
}
