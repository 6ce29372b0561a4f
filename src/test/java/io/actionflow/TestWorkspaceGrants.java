package io.actionflow;

import io.actionflow.access.Grant;
import io.actionflow.access.Permissions;
import io.actionflow.platform.Role;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The test workspace's one grant: members may do everything on every collection that has no permission of its own,
 * as they could before roles had permissions. The tests of features other than permissions rely on it; the
 * permission tests use roles of their own, and set the member's permissions where they test those.
 */
@Component
class TestWorkspaceGrants implements ApplicationRunner {

    private final Permissions permissions;
    private final SecurityContextHolderStrategy contexts;

    TestWorkspaceGrants(Permissions permissions, ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.permissions = permissions;
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    @Override
    public void run(ApplicationArguments args) {
        var before = contexts.getContext();
        var admin = contexts.createEmptyContext();
        admin.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority(Role.authority(Role.ADMIN_ID)))));
        contexts.setContext(admin);
        try {
            permissions.save(Role.MEMBER_ID, Permissions.EVERY, Grant.FULL);
        } finally {
            contexts.setContext(before);
        }
    }
}
