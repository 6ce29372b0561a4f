package io.actionflow.approval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * How an approval is decided from its approvers' decisions (mission.md, "Approval event"): agreement by any one, by all,
 * or by a percentage of the approvers; asked in parallel (everyone at once) or in sequence (one after another, in the
 * order given). Plain logic: it decides as soon as the outcome can no longer change.
 */
public final class ApprovalRules {

    private ApprovalRules() {
    }

    /** How many approvals it takes. */
    public enum Agreement { ANY, ALL, PERCENT }

    /** Whether approvers are asked all at once or one after another. */
    public enum Order { PARALLEL, SEQUENTIAL }

    /** What one approver decided. */
    public enum Decision { APPROVE, REJECT }

    /** The policy of one approval node; {@code percent} counts only for {@link Agreement#PERCENT} (1 to 100). */
    public record Policy(Agreement agreement, int percent, Order order) {

        public Policy {
            if (agreement == Agreement.PERCENT && (percent < 1 || percent > 100)) {
                throw new IllegalArgumentException("A percentage agreement needs a percentage from 1 to 100, not " + percent);
            }
        }

        public static Policy any(Order order) {
            return new Policy(Agreement.ANY, 0, order);
        }

        public static Policy all(Order order) {
            return new Policy(Agreement.ALL, 0, order);
        }

        public static Policy percent(int percent, Order order) {
            return new Policy(Agreement.PERCENT, percent, order);
        }
    }

    /** Where an approval stands. */
    public sealed interface Outcome {

        /** Still open: these approvers are asked now (everyone undecided in parallel, the next one in sequence). */
        record Pending(List<String> askedNow) implements Outcome {
        }

        record Approved() implements Outcome {
        }

        record Rejected() implements Outcome {
        }
    }

    /**
     * The outcome of an approval by {@code approvers} (in their order; duplicates count once) under {@code policy},
     * given the {@code decisions} made so far. With no approvers at all, there is nobody to ask: it is rejected.
     */
    public static Outcome decide(Policy policy, List<String> approvers, Map<String, Decision> decisions) {
        var people = List.copyOf(new LinkedHashSet<>(approvers));
        if (people.isEmpty()) {
            return new Outcome.Rejected();
        }
        int total = people.size();
        int approved = 0;
        int rejected = 0;
        var undecided = new ArrayList<String>();
        for (String person : people) {
            Decision decision = decisions.get(person);
            if (decision == Decision.APPROVE) {
                approved++;
            } else if (decision == Decision.REJECT) {
                rejected++;
            } else {
                undecided.add(person);
            }
        }
        // the most approvals still possible, if everyone undecided approves
        int reachable = approved + undecided.size();
        boolean enough = switch (policy.agreement()) {
            case ANY -> approved >= 1;
            case ALL -> approved == total;
            case PERCENT -> approved * 100 >= policy.percent() * total;
        };
        if (enough) {
            return new Outcome.Approved();
        }
        boolean impossible = switch (policy.agreement()) {
            case ANY -> reachable == 0;
            case ALL -> rejected > 0;
            case PERCENT -> reachable * 100 < policy.percent() * total;
        };
        if (impossible) {
            return new Outcome.Rejected();
        }
        return new Outcome.Pending(policy.order() == Order.PARALLEL ? List.copyOf(undecided) : List.of(undecided.getFirst()));
    }
}
