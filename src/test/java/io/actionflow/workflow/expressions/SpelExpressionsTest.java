package io.actionflow.workflow.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.actionflow.English;
import io.actionflow.workflow.engine.NodeFailure;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expression language of conditions and calculations: data is only ever a value (issue 15). */
class SpelExpressionsTest {

    final SpelExpressions expressions = new SpelExpressions();

    @Test
    void a_submitted_value_never_becomes_expression_text() {
        String condition = "'{{$context.data.name}}' == 'admin'";
        assertThat(eval(condition, data("name", "' == '' or 'a"))).isEqualTo(false);
        assertThat(eval(condition, data("name", "admin"))).isEqualTo(true);
        assertThat(eval("{{$context.data.name}} == 'admin'", data("name", "'admin'"))).isEqualTo(false);
        assertThat(eval("{{$context.data.price}} * 2", data("price", 21))).isEqualTo(42);
        assertThat(eval("{{$context.data.price}} * 2", data("price", new BigDecimal("2.5")))).isEqualTo(new BigDecimal("5.0"));
        assertThat(eval("$context.data.price * 2", data("price", "1 + T(java.lang.Runtime)"))).isNotNull();
    }

    @Test
    void deep_nesting_in_data_is_only_a_value_and_in_an_expression_a_clear_refusal() {
        String nested = "(".repeat(900) + "1" + ")".repeat(900);
        assertThat(eval("{{$context.data.amount}} == '1'", data("amount", nested))).isEqualTo(false);
        assertThatThrownBy(() -> eval("{{$context.data.amount}} * 2", data("amount", nested)))
                .isInstanceOfSatisfying(NodeFailure.class, e -> assertThat(English.of(e.text())).contains("larger than workflows allow"));
        assertThatThrownBy(() -> expressions.check(nested))
                .isInstanceOfSatisfying(NodeFailure.class, e -> assertThat(English.of(e.text())).contains("nested more than 32 levels"));
        assertThatThrownBy(() -> expressions.check("-".repeat(1500) + "1"))
                .isInstanceOf(NodeFailure.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"#root", "#this", "#root['$context']", "#af0", "#x = 1", "{1,2}.![#root]"})
    void hash_variables_of_the_language_itself_are_refused(String expression) {
        assertThatThrownBy(() -> expressions.check(expression)).isInstanceOf(NodeFailure.class);
    }

    @Test
    void this_is_allowed_inside_a_selection_or_projection() {
        assertThat(eval("{{$context.data.items}}.?[#this > 1]", data("items", List.of(1, 2, 3)))).isEqualTo(List.of(2, 3));
        assertThat(eval("$context.data.lines.![qty]", data("lines", List.of(Map.of("qty", 2), Map.of("other", 1)))))
                .isEqualTo(java.util.Arrays.asList(2, null));
    }

    @Test
    void a_missing_value_reads_as_null() {
        assertThat(eval("$context.data.indicator == null", data("x", 1))).isEqualTo(true);
        assertThat(eval("$context.data.indicator?.deeper == null", data("x", 1))).isEqualTo(true);
        assertThat(eval("$context.data.indicator == 'stop' or $context.data.customer?.name == 'x'", data("x", 1))).isEqualTo(false);
        assertThat(eval("$context.data.indicator.deeper == null", data("x", 1))).isEqualTo(true);
        assertThat(eval("{{$context.data.indicator}} == 'x'", data("x", 1))).isEqualTo(false);
        assertThat(eval("'[{{$context.data.indicator}}]'", data("x", 1))).isEqualTo("[]");
        assertThat(eval("$jobsMapByNodeKey.q1.total", Map.of())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$context['role'] = 'admin'", "$context.data.count++", "--$context.data.count",
            "{{$context.data}}['x'] = 1", "$context.data.items[0] = 5"})
    void expressions_cannot_assign(String expression) {
        assertThatThrownBy(() -> expressions.check(expression))
                .isInstanceOfSatisfying(NodeFailure.class, e -> assertThat(English.of(e.text())).contains("may only read"));
    }

    @Test
    void a_result_that_refers_to_itself_comes_back_as_data_without_the_cycle() {
        var outputs = new HashMap<String, Object>();
        outputs.put("q1", Map.of("total", 3));
        outputs.put("self", outputs);
        var variables = Map.<String, Object>of("$jobsMapByNodeKey", outputs);
        @SuppressWarnings("unchecked")
        var result = (Map<String, Object>) expressions.evaluate("$jobsMapByNodeKey", variables);
        assertThat(result).containsEntry("q1", Map.of("total", 3)).containsEntry("self", null);
        assertThat(result).isNotSameAs(outputs);
    }

    @Test
    void paths_with_indexes_and_quoted_names_and_texts_with_quotes() {
        var values = new LinkedHashMap<String, Object>();
        values.put("my key", "yes");
        values.put("items", List.of(Map.of("qty", 7)));
        values.put("name", "Bo");
        assertThat(eval("$context.data['my key']", values)).isEqualTo("yes");
        assertThat(eval("$context.data.items[0].qty + 1", values)).isEqualTo(8);
        assertThat(eval("{{$context.data.items[0].qty}} + 1", values)).isEqualTo(8);
        assertThat(eval("'it''s {{$context.data.name}}'", values)).isEqualTo("it's Bo");
        assertThat(eval("\"say \"\"{{$context.data.name}}\"\"\"", values)).isEqualTo("say \"Bo\"");
        assertThat(eval("'costs $5'", values)).isEqualTo("costs $5");
        assertThat(eval("{'a': $context.data.name}", values)).isEqualTo(Map.of("a", "Bo"));
    }

    @Test
    void failures_name_no_java_class() {
        assertThatThrownBy(() -> eval("$context.data.name * $context.data.name", data("name", "x")))
                .isInstanceOfSatisfying(NodeFailure.class, e -> assertThat(English.of(e.text()))
                        .contains("do not fit its operators").doesNotContain("java.").doesNotContain("EL10"));
        assertThatThrownBy(() -> eval("1 / $context.data.zero", data("zero", 0)))
                .isInstanceOfSatisfying(NodeFailure.class, e -> assertThat(English.of(e.text())).contains("divides by zero"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"T(java.lang.Runtime).getRuntime()", "new java.io.File('/')", "@bean", "'a'.getClass()",
            "$context.toString()", "#root.getClass()"})
    void java_is_refused(String expression) {
        assertThatThrownBy(() -> expressions.check(expression)).isInstanceOf(NodeFailure.class);
    }

    private Object eval(String expression, Map<String, Object> data) {
        return expressions.evaluate(expression, Map.of("$context", Map.of("data", data), "$jobsMapByNodeKey", Map.of()));
    }

    private static Map<String, Object> data(String name, Object value) {
        var data = new HashMap<String, Object>();
        data.put(name, value);
        return data;
    }
}
