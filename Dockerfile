# The config-cicd GitHub Action (action.yml: runs.using docker, image Dockerfile).
# Stage 1 builds the runnable jar; stage 2 runs it on a JRE with an AppCDS archive recorded by a training run,
# which roughly halves the start-up time of each step.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -pl github-action -am package -DskipTests

FROM eclipse-temurin:17-jre
# git: not needed by the action (it reads repositories with JGit), but used for the training repository below and
# handy when debugging a step
RUN apt-get update \
    && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/github-action/target/config-cicd-action.jar /opt/config-cicd/config-cicd-action.jar

# AppCDS: assess a small repository (the bundled example configuration and one change, which also runs validation)
# once and archive every class that run loaded. The flags match the ENTRYPOINT's.
COPY --from=build /src/examples/configuration /tmp/training/configuration
RUN cd /tmp/training \
    && git init -q -b main \
    && git add -A \
    && git -c user.name=config-cicd -c user.email=config-cicd@localhost commit -q -m base \
    && sed -i 's/reasoning_depth: 4/reasoning_depth: 5/' configuration/environments/production.yaml \
    && git -c user.name=config-cicd -c user.email=config-cicd@localhost commit -q -a --allow-empty -m change \
    && GITHUB_WORKSPACE=/tmp/training GITHUB_OUTPUT=/tmp/training-output GITHUB_STEP_SUMMARY=/tmp/training-summary \
       INPUT_COMMAND=assess \
       java -XX:ArchiveClassesAtExit=/opt/config-cicd/action.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
            -jar /opt/config-cicd/config-cicd-action.jar > /dev/null || true; \
    test -s /opt/config-cicd/action.jsa \
    && cd / && rm -rf /tmp/training /tmp/training-output /tmp/training-summary

# GitHub mounts the checkout at /github/workspace and runs the container there, as root.
WORKDIR /github/workspace
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/config-cicd/action.jsa", "-Xlog:cds*=off", \
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", \
            "-jar", "/opt/config-cicd/config-cicd-action.jar"]
