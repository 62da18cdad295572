#!/usr/bin/env bash
# README command 2: set up with the test needs (the pinned Jupyter environment in .venv, Chromium, e2e npm
# packages), then run the whole suite: unit tests, and the integration tests against real Jupyter clients
# (from that environment) and a browser.
#   dev/test.sh [dev/setup.sh options] [extra Maven arguments, e.g. -pl kernel -Dit.test=NotebookBrowserIT]
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

setup_args=(--test)
maven_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --user | --sys-prefix | --no-apt | --no-build) setup_args+=("$1") ;;
    --prefix) setup_args+=("$1" "${2:-}"); shift ;;
    --prefix=*) setup_args+=("$1") ;;
    -h | --help)
      echo "Usage: dev/test.sh [dev/setup.sh options] [Maven arguments]"
      echo "Sets up jconcur for testing, then runs ./mvnw -B verify (unit tests and integration tests)."
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
  "$("$JCONCUR_VENV/bin/jupyter" notebook --version), nbgrader $("$JCONCUR_VENV/bin/nbgrader" --version 2>&1 | tail -n 1)"
cd "$JCONCUR_ROOT"
# The tests drive Jupyter from the pinned environment, whatever Jupyter is first on PATH.
exec ./mvnw -B -ntp verify "-Djconcur.python=$JCONCUR_VENV/bin/python" "${maven_args[@]}"
