#!/usr/bin/env bash
# Prints which jconcur package uses which (package -> packages), read by the JDK's jdeps from the built module
# jars; XChart's packages are shown as one, org.knowm.xchart. Build first: ./mvnw -B -q -ntp install -DskipTests
# (kernel/src/test/java/jconcur/kernel/PackageDependenciesTest.java checks the same graph for cycles).
#   dev/deps.sh
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
. "$JCONCUR_ROOT/dev/java-home.sh"

jars=()
for module in display concurrency charts kernel; do
  jar=$(ls "$JCONCUR_ROOT/$module"/target/jconcur-"$module"-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc' | head -n 1 || true)
  [ -n "$jar" ] || die "no jar in $module/target: build first (./mvnw -B -q -ntp install -DskipTests)"
  jars+=("$jar")
done

jdeps -verbose:package -filter:package -e 'jconcur\..*|org\.knowm\.xchart.*' "${jars[@]}" |
  awk '$2 == "->" && $1 ~ /^jconcur\./ {
         to = $3; sub(/^org\.knowm\.xchart\..*/, "org.knowm.xchart", to)
         if (to != $1) print $1, to
       }' |
  sort -u |
  awk '{ if ($1 != from) { if (from != "") print line; from = $1; line = $1 " -> " $2 } else line = line ", " $2 }
       END { if (from != "") print line }'
