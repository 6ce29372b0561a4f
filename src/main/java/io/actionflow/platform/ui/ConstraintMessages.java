package io.actionflow.platform.ui;

import com.vaadin.flow.server.VaadinService;
import io.actionflow.platform.Constraints;
import jakarta.validation.MessageInterpolator;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of a Bean Validation constraint, from our three bundles: {@code {validation.tooLong}} on a
 * {@code @Size(max = 200)} reads "Use at most 200 characters." in the user's language. Named in
 * {@code META-INF/validation.xml}, so the factory Vaadin's {@code BeanValidationBinder} uses speaks as the rest of the
 * application does; the translation goes through Vaadin's provider where there is one, else the bundles themselves.
 */
public final class ConstraintMessages implements MessageInterpolator {

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, Locale.ENGLISH);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        String key = Constraints.key(template);
        Object[] args = Constraints.arguments(key, context.getConstraintDescriptor().getAttributes()).toArray();
        var service = VaadinService.getCurrent();
        if (service != null && service.getInstantiator().getI18NProvider() != null) {
            return service.getInstantiator().getI18NProvider().getTranslation(key, locale, args);
        }
        try {
            return new MessageFormat(ResourceBundle.getBundle("messages", locale).getString(key), locale).format(args);
        } catch (MissingResourceException unknown) {
            return template;
        }
    }
}
