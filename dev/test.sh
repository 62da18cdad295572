#!/usr/bin/env bash
# README command 2: set up with the test needs (the pinned Jupyter environment in .venv, Chromium, e2e npm
# packages), then run the whole suite: unit tests, and the integration tests against real Jupyter clients
# (from that environment) and a browser, on the tested JDK (dev/jdk-version); then, for the whole suite, the
# unit tests, the kernel's client tests and the notebooks again on JDK 21, the oldest supported (dev/jdk21.sh).
#   dev/test.sh [--no-jdk21] [dev/setup.sh options] [extra Maven arguments, e.g. -pl kernel -Dit.test=KernelConformanceIT]
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

setup_args=(--test)
maven_args=()
jdk21_leg=1
while [ $# -gt 0 ]; do
  case $1 in
    --no-jdk21) jdk21_leg=0 ;;
    --user | --sys-prefix | --no-apt | --no-build) setup_args+=("$1") ;;
    --prefix) setup_args+=("$1" "${2:-}"); shift ;;
    --prefix=*) setup_args+=("$1") ;;
    -h | --help)
      echo "Usage: dev/test.sh [--no-jdk21] [dev/setup.sh options] [Maven arguments]"
      echo "Sets up jconcur for testing, then runs ./mvnw -B verify (unit tests and integration tests) on the"
      echo "tested JDK; without Maven arguments, then the JDK 21 leg too (unless --no-jdk21)."
      exit 0 ;;
    *) maven_args+=("$1") ;;
  esac
  shift
done

"$JCONCUR_ROOT/dev/setup.sh" "${setup_args[@]}"
. "$JCONCUR_ROOT/dev/java-home.sh"
maven_opts_for_jdk
note "testing with $("$JAVA_HOME/bin/java" -version 2>&1 | grep -v '^Picked up' | head -n 1) and the pinned Jupyter" \
  "environment: JupyterLab $("$JCONCUR_VENV/bin/jupyter" lab --version), Notebook" \
  "$("$JCONCUR_VENV/bin/jupyter" notebook --version), $("$JCONCUR_VENV/bin/nbgrader" --version 2>&1 | tail -n 1)"
cd "$JCONCUR_ROOT"
# The tests drive Jupyter from the pinned environment, whatever Jupyter is first on PATH.
./mvnw -B -ntp verify "-Djconcur.python=$JCONCUR_VENV/bin/python" "${maven_args[@]}"

# JDK 21, the oldest JDK jconcur supports, behaves differently where this project lives (virtual threads pin
# their carrier in synchronized, JShell forwards no extension commands): the unit tests, the kernel's
# conformance and magics through a real client, and the notebooks (at the machine's processor count) run on it
# too. Not the browser, nbgrader, JupyterHub and process-lifecycle tests: they exercise Jupyter, not the JDK.
[ "$jdk21_leg" -eq 1 ] && [ "${#maven_args[@]}" -eq 0 ] || exit 0
if ! jdk21=$("$JCONCUR_ROOT/dev/jdk21.sh" | tail -n 1); then
  [ "${CI:-}" != true ] || die "CI=true and no JDK 21 could be installed (dev/jdk21.sh, see above)"
  note "no JDK 21 could be installed (dev/jdk21.sh, see above): the JDK 21 leg is skipped"
  exit 0
fi
note "JDK 21 leg: $("$jdk21/bin/java" -version 2>&1 | head -n 1)"
JAVA_HOME=$jdk21 PATH="$jdk21/bin:$PATH" MAVEN_OPTS="${MAVEN_OPTS/--sun-misc-unsafe-memory-access=allow/}" \
  ./mvnw -B -ntp verify "-Djconcur.python=$JCONCUR_VENV/bin/python" -Djconcur.notebooks.machineOnly=true \
  -Dit.test='KernelConformanceIT,MagicsIT,NotebooksIT' \
  -Dfailsafe.failIfNoSpecifiedTests=false
