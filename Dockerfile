# syntax=docker/dockerfile:1
# Build: a Maven + JDK 25 stage packages the production jar (Vaadin's pre-compiled bundle: no Node needed).
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml .
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp package -DskipTests

# Run: a plain JRE with the jar; the H2 database lives in the /app/data volume unless a PostgreSQL URL is given.
FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /app actionflow \
    && mkdir -p /app/data \
    && chown -R actionflow /app
WORKDIR /app
COPY --from=build /src/target/actionflow-*.jar /app/actionflow.jar
USER actionflow
VOLUME /app/data
EXPOSE 8080
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/actionflow.jar"]
