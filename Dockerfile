# syntax=docker/dockerfile:1
# Build: a Maven + JDK 25 stage packages the production jar (Vaadin's pre-compiled bundle: no Node needed).
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml .
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp package -DskipTests

# Run: a plain JRE with the jar extracted and an AOT cache made by a training start (JDK 25: classes loaded and linked
# and method profiles kept; the start takes about half as long), using the bean definitions and repositories that
# Spring's AOT processing generated into the jar at build time (spring.aot.enabled: a shorter start, less memory).
# The H2 database lives in the /app/data volume unless a PostgreSQL URL is given.
FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /app actionflow \
    && mkdir -p /app/data \
    && chown -R actionflow /app
WORKDIR /app
COPY --from=build /src/target/actionflow-*.jar /tmp/actionflow.jar
USER actionflow
RUN java -Djarmode=tools -jar /tmp/actionflow.jar extract --destination /app/application \
    && cd /tmp && ACTIONFLOW_DEMO=false ACTIONFLOW_DB_URL="jdbc:h2:mem:training;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
       java -Dspring.aot.enabled=true -XX:AOTCacheOutput=/app/actionflow.aot -Dactionflow.training-run=true \
       -jar /app/application/actionflow.jar --server.port=0 \
       --logging.level.root=warn
VOLUME /app/data
EXPOSE 8080
# Serial GC with a small young generation: the least memory and the best W1 figures on 2 cores (docs/benchmarks.md).
ENV JAVA_OPTS="-Dspring.aot.enabled=true -XX:+UseSerialGC -Xmn24m -Xmx384m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:TrimNativeHeapInterval=5000"
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:AOTCache=/app/actionflow.aot -jar /app/application/actionflow.jar"]
