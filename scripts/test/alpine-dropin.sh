#!/usr/bin/env bash
# The drop-in program on Alpine Linux (musl), in a container: with the all-jar on the classpath,
# which holds every platform's library, the loader must tell musl from glibc and print the musl
# classifier. Needs docker. Usage: alpine-dropin.sh JARS_DIR CLASSIFIER
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jars="$(cd "$1" && pwd)"
classifier="$2"
all_jar="$(cd "$jars" && ls lagrs-*-all.jar)"
# Temurin publishes Alpine images for x86-64 and ARM64.
docker run --rm -v "$jars:/jars:ro" -v "$root/scripts/test/dropin:/src:ro" eclipse-temurin:21-jdk-alpine \
  sh -euc "mkdir /work && javac -d /work -cp /jars/$all_jar /src/DropIn.java &&
           printed=\$(java -cp /work:/jars/$all_jar DropIn) && echo \"printed: \$printed\" &&
           test \"\$printed\" = $classifier"
