package io.actionflow;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.HashSet;
import java.util.Set;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.ClassUtils;

/**
 * Browserless UI tests: a mocked Vaadin environment on the shared Spring context. {@link #signIn(String)} signs a
 * real account in, with the roles stored for it, as Spring Security and Vaadin's access control both see it.
 */
public abstract class KaribuTest extends IntegrationTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @Autowired
    private UserDetailsService userDetails;

    /** This context's holder: each Spring context installs its own Vaadin-aware strategy. */
    @Autowired
    private SecurityContextHolderStrategy securityContexts;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = discover("io.actionflow");
        }
    }

    /** Finds views, layouts and error views, including package-private ones (Karibu's own discovery skips those). */
    @SuppressWarnings("unchecked")
    private static Routes discover(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
        Set<Class<? extends Component>> views = new HashSet<>();
        Set<Class<? extends HasErrorParameter<?>>> errorViews = new HashSet<>();
        for (var candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), KaribuTest.class.getClassLoader());
            if (HasErrorParameter.class.isAssignableFrom(type)) {
                errorViews.add((Class<? extends HasErrorParameter<?>>) type);
            } else {
                views.add((Class<? extends Component>) type);
            }
        }
        return new Routes(views, errorViews, true);
    }

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        signOut();
        MockVaadin.tearDown();
    }

    /** Signs the account in and opens the home page in a fresh UI, as the page load after a real sign-in does. */
    protected void signIn(String username) {
        var user = userDetails.loadUserByUsername(username);
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        var securityContext = securityContexts.createEmptyContext();
        securityContext.setAuthentication(auth);
        securityContexts.setContext(securityContext);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate("");
    }

    protected void signOut() {
        securityContexts.clearContext();
        if (VaadinServletRequest.getCurrent() != null) {
            var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }

    /** Navigates as a typed address would, query string included. */
    protected static void navigate(String location) {
        int query = location.indexOf('?');
        if (query < 0) {
            UI.getCurrent().navigate(location);
        } else {
            UI.getCurrent().navigate(location.substring(0, query),
                    com.vaadin.flow.router.QueryParameters.fromString(location.substring(query + 1)));
        }
    }
}
