package io.actionflow.approval;

import io.actionflow.platform.UserService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The people a step names (Approval's approvers, a Manual task's assignees): usernames or user ids, everyone with a role,
 * and usernames or ids the data gives, in that order (a sequential approval asks them so), each once; unknown and
 * disabled accounts are left out.
 */
@Component
class Assignees {

    private final UserService users;

    Assignees(UserService users) {
        this.users = users;
    }

    List<String> resolve(Collection<String> named, String role, Collection<String> fromData) {
        var all = new LinkedHashSet<String>();
        named.stream().map(String::strip).filter(n -> !n.isEmpty()).forEach(all::add);
        if (role != null && !role.isBlank() && !"none".equals(role)) {
            all.addAll(users.usernamesWithRole(role.strip()));
        }
        fromData.stream().map(String::strip).filter(n -> !n.isEmpty()).forEach(all::add);
        var people = new ArrayList<String>();
        for (String name : all) {
            var user = name.matches("\\d{1,18}") ? users.findById(Long.parseLong(name)) : users.findByUsername(name);
            user.filter(u -> u.enabled()).filter(u -> !people.contains(u.username())).ifPresent(u -> people.add(u.username()));
        }
        return people;
    }
}
