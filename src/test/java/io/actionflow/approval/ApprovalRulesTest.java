package io.actionflow.approval;

import static io.actionflow.approval.ApprovalRules.Decision.APPROVE;
import static io.actionflow.approval.ApprovalRules.Decision.REJECT;
import static io.actionflow.approval.ApprovalRules.Order.PARALLEL;
import static io.actionflow.approval.ApprovalRules.Order.SEQUENTIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.actionflow.approval.ApprovalRules.Outcome;
import io.actionflow.approval.ApprovalRules.Policy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Any, all and percentage agreements, in parallel and in sequence. */
class ApprovalRulesTest {

    private static final List<String> THREE = List.of("ann", "bob", "cem");

    @Test
    void any_one_approval_decides_and_only_everyone_rejecting_rejects() {
        assertThat(decide(Policy.any(PARALLEL), Map.of())).isEqualTo(new Outcome.Pending(THREE));
        assertThat(decide(Policy.any(PARALLEL), Map.of("bob", APPROVE))).isEqualTo(new Outcome.Approved());
        assertThat(decide(Policy.any(PARALLEL), Map.of("ann", REJECT, "bob", REJECT))).isEqualTo(new Outcome.Pending(List.of("cem")));
        assertThat(decide(Policy.any(PARALLEL), Map.of("ann", REJECT, "bob", REJECT, "cem", REJECT))).isEqualTo(new Outcome.Rejected());
    }

    @Test
    void all_need_to_approve_and_one_rejection_rejects() {
        assertThat(decide(Policy.all(PARALLEL), Map.of("ann", APPROVE, "bob", APPROVE))).isEqualTo(new Outcome.Pending(List.of("cem")));
        assertThat(decide(Policy.all(PARALLEL), Map.of("ann", APPROVE, "bob", APPROVE, "cem", APPROVE))).isEqualTo(new Outcome.Approved());
        assertThat(decide(Policy.all(PARALLEL), Map.of("cem", REJECT))).isEqualTo(new Outcome.Rejected());
    }

    @Test
    void a_percentage_decides_as_soon_as_it_is_reached_or_out_of_reach() {
        // 2 of 3 is 66.7 %: enough for 60 %, not for 70 %
        assertThat(decide(Policy.percent(60, PARALLEL), Map.of("ann", APPROVE, "bob", APPROVE))).isEqualTo(new Outcome.Approved());
        assertThat(decide(Policy.percent(70, PARALLEL), Map.of("ann", APPROVE, "bob", APPROVE))).isEqualTo(new Outcome.Pending(List.of("cem")));
        assertThat(decide(Policy.percent(70, PARALLEL), Map.of("ann", REJECT))).as("at most 2 of 3 left").isEqualTo(new Outcome.Rejected());
        assertThat(decide(Policy.percent(50, PARALLEL), Map.of("ann", REJECT))).isEqualTo(new Outcome.Pending(List.of("bob", "cem")));
        assertThat(decide(Policy.percent(100, PARALLEL), Map.of("ann", APPROVE, "bob", APPROVE, "cem", APPROVE))).isEqualTo(new Outcome.Approved());
        assertThatThrownBy(() -> Policy.percent(0, PARALLEL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void in_sequence_only_the_next_undecided_approver_is_asked() {
        assertThat(decide(Policy.all(SEQUENTIAL), Map.of())).isEqualTo(new Outcome.Pending(List.of("ann")));
        assertThat(decide(Policy.all(SEQUENTIAL), Map.of("ann", APPROVE))).isEqualTo(new Outcome.Pending(List.of("bob")));
        assertThat(decide(Policy.all(SEQUENTIAL), Map.of("ann", APPROVE, "bob", REJECT))).isEqualTo(new Outcome.Rejected());
        assertThat(decide(Policy.any(SEQUENTIAL), Map.of("ann", REJECT))).as("a rejection passes it on").isEqualTo(new Outcome.Pending(List.of("bob")));
        assertThat(decide(Policy.any(SEQUENTIAL), Map.of("ann", REJECT, "bob", APPROVE))).isEqualTo(new Outcome.Approved());
    }

    @Test
    void duplicates_count_once_and_nobody_to_ask_rejects() {
        assertThat(ApprovalRules.decide(Policy.all(PARALLEL), List.of("ann", "ann"), Map.of("ann", APPROVE))).isEqualTo(new Outcome.Approved());
        assertThat(ApprovalRules.decide(Policy.any(PARALLEL), List.of(), Map.of())).isEqualTo(new Outcome.Rejected());
    }

    private static Outcome decide(Policy policy, Map<String, ApprovalRules.Decision> decisions) {
        return ApprovalRules.decide(policy, THREE, decisions);
    }
}
