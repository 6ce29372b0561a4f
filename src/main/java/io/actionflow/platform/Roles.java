package io.actionflow.platform;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roles users hold: admins create, rename and delete them. {@code admin} and {@code member} always exist and are
 * listed first; {@code admin} has every right whatever its permissions say. Deleting a role takes it from everyone
 * who held it, from every page and from every permission; a user must keep at least one role.
 */
@Service
@Transactional
public class Roles {

    private final RoleRepository roles;
    private final UserAccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CommittedCache<Boolean, List<RoleDefinition>> cache;
    private final Constraints constraints;

    Roles(RoleRepository roles, UserAccountRepository accounts, ApplicationEventPublisher events, Clock clock,
            @Value("${actionflow.accounts.cache-ttl:750ms}") java.time.Duration ttl, Constraints constraints) {
        this.constraints = constraints;
        this.roles = roles;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.cache = new CommittedCache<>(ttl, clock, 1);
    }

    /** A role was deleted: whatever refers to it (pages, permissions, triggers) lets go of it in the same transaction. */
    public record RoleDeleted(String role) {
    }

    /** Every role, {@code admin} and {@code member} first; no transaction is opened when they are cached. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public List<RoleDefinition> list() {
        return cache.get(Boolean.TRUE, () -> roles.ordered().stream().map(RoleEntity::definition).toList());
    }

    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public Optional<RoleDefinition> find(String id) {
        return id == null ? Optional.empty() : list().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public boolean exists(String id) {
        return find(id).isPresent();
    }

    /** The role a user acts with until they choose another: {@code admin} when they hold it, else their first. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public String firstActing(java.util.Collection<String> held) {
        if (held.contains(Role.ADMIN_ID)) {
            return Role.ADMIN_ID;
        }
        return list().stream().map(RoleDefinition::id).filter(held::contains).findFirst()
                .orElse(held.stream().sorted().findFirst().orElse(null));
    }

    /** The title of a role for people; its id when there is no such role (any more). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public String title(String id) {
        return find(id).map(RoleDefinition::title).orElse(id);
    }

    /**
     * The title in the reader's language: {@code admin} and {@code member} as the bundles name them until an admin
     * renames them; other roles as their admin named them.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public String label(String id, java.util.function.Function<String, String> translate) {
        var role = find(id).orElse(null);
        if (role == null) {
            return id;
        }
        boolean untouched = Role.ADMIN_ID.equals(id) && "Administrator".equals(role.title())
                || Role.MEMBER_ID.equals(id) && "Member".equals(role.title());
        return untouched ? translate.apply("role." + id) : role.title();
    }

    @PreAuthorize("hasRole('admin')")
    public RoleDefinition create(String id, String title) {
        String name = id == null ? "" : id.strip();
        var errors = new ArrayList<FieldError>();
        if (name.isEmpty()) {
            errors.add(FieldError.of("id", "validation.required"));
        } else if (!Role.ID.matcher(name).matches()) {
            errors.add(FieldError.of("id", "role.id.invalid"));
        } else if (roles.existsById(name)) {
            errors.add(FieldError.of("id", "role.id.taken", name));
        }
        errors.addAll(constraints.errors(new RoleDraft(name, title)));
        ValidationException.throwIfAny(errors);
        cache.changing();
        return roles.save(new RoleEntity(name, title.strip(), roles.lastPosition() + 1, clock.instant())).definition();
    }

    @PreAuthorize("hasRole('admin')")
    public RoleDefinition rename(String id, String title) {
        var role = roles.findById(id).orElseThrow(() -> new NotFoundException("role.notFound", id));
        constraints.check(new RoleDraft(id, title));
        cache.changing();
        role.setTitle(title.strip());
        return role.definition();
    }

    /** Deletes a role; refused for {@code admin} and {@code member}, and while a user holds it as their only role. */
    @PreAuthorize("hasRole('admin')")
    public void delete(String id) {
        var role = roles.findById(id).orElseThrow(() -> new NotFoundException("role.notFound", id));
        if (Role.isBuiltIn(id)) {
            throw new ValidationException(FieldError.of("id", "role.builtIn", id));
        }
        var alone = accounts.usernamesWithOnlyRole(id);
        if (!alone.isEmpty()) {
            throw new ValidationException(FieldError.of("id", "role.onlyRole", role.definition().title(),
                    String.join(", ", alone.stream().limit(5).toList())));
        }
        cache.changing();
        events.publishEvent(new RoleDeleted(id));
        accounts.removeRole(id);
        roles.delete(role);
    }

}
