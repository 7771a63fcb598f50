# Build stage: the same Maven build as the README's build command.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -DskipTests package

# Runtime: a JRE, redis-cli for health checks, and an unprivileged user.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends redis-tools && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /opt/slotgate slotgate \
    && mkdir -p /data && chown slotgate /data
WORKDIR /opt/slotgate
COPY --from=build /src/proxy/target/slotgate.jar /opt/slotgate/proxy/target/slotgate.jar
COPY --from=build /src/bin /opt/slotgate/bin
COPY --from=build /src/conf /opt/slotgate/conf
USER slotgate
VOLUME /data
ENTRYPOINT ["/opt/slotgate/bin/slotgate"]
CMD ["--help"]
