package io.actionflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine is plain Java (architecture.md): it reaches Spring's expression language only through its port. */
class EnginePurityTest {

    private static final Path ENGINE = Path.of("src/main/java/io/actionflow/workflow/engine");

    @Test
    void the_engine_imports_neither_spring_nor_vaadin() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.list(ENGINE)) {
            offending = files.filter(f -> f.toString().endsWith(".java"))
                    // the module's named interface is metadata for the module check, not a dependency of the code
                    .filter(f -> !f.getFileName().toString().equals("package-info.java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream()
                            .filter(l -> l.matches("\\s*import\\s+(static\\s+)?(org\\.springframework|com\\.vaadin|jakarta)\\..*")
                                    || l.contains("org.springframework.") || l.contains("com.vaadin."))
                            .map(l -> f.getFileName() + ": " + l.strip());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offending).isEmpty();
    }
}
