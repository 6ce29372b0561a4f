package io.actionflow.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC validates no request for us: no controller argument is annotated for Bean Validation (the services check
 * what they are given and answer with field errors), and no provider of it is on the class path (pom.xml). Without this
 * Spring MVC looks for one at every start and logs that it found none.
 */
@Configuration(proxyBeanMethods = false)
class NoBeanValidation implements WebMvcConfigurer {

    private static final Validator NONE = new Validator() {
        @Override
        public boolean supports(Class<?> type) {
            return false;
        }

        @Override
        public void validate(Object target, Errors errors) {
            // supports nothing, so never asked
        }
    };

    @Override
    public Validator getValidator() {
        return NONE;
    }
}
