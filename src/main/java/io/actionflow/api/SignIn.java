package io.actionflow.api;

import io.actionflow.platform.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth:signIn} with {@code {"account": …, "password": …}}: a token for the calls that follow, valid
 * for 12 hours. Wrong passwords count towards the same lockout as the login page.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class SignIn {

    private final AuthenticationConfiguration authentication;
    private final ApiTokens tokens;
    private final ApiErrors errors;

    SignIn(AuthenticationConfiguration authentication, ApiTokens tokens, ApiErrors errors) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.errors = errors;
    }

    @PostMapping("/api/auth:signIn")
    ResponseEntity<Object> signIn(HttpServletRequest request) throws Exception {
        Map<String, Object> body = ApiBodies.object(ApiBodies.read(request), request.getContentType());
        Object account = body.containsKey("account") ? body.get("account") : body.get("username");
        Object password = body.get("password");
        if (!(account instanceof String name) || name.isBlank() || !(password instanceof String secret) || secret.isEmpty()) {
            return errors.error(HttpStatus.BAD_REQUEST, ApiLocale.of(request), "api.signIn.missing");
        }
        try {
            authentication.getAuthenticationManager()
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name.strip(), secret));
        } catch (AuthenticationException refused) {
            return errors.error(HttpStatus.UNAUTHORIZED, ApiLocale.of(request), "api.signIn.failed");
        }
        var issued = tokens.signedIn(name.strip());
        var data = new LinkedHashMap<String, Object>();
        data.put("token", issued.secret());
        data.put("expiresAt", issued.token().expiresAt());
        data.put("user", Map.of("username", issued.token().username()));
        return ResponseEntity.ok(Map.of("data", data));
    }
}
