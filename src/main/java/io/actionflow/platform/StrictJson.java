package io.actionflow.platform;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How JSON from outside (a call's body, a filter, a webhook delivery, a form's values) is read, in one place: a key
 * given twice is refused, and a number with a fraction keeps every digit (a double would round it, or make it
 * Infinity).
 */
public final class StrictJson {

    public static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private StrictJson() {
    }
}
