#!/usr/bin/env bash
# README command 2: set up with the test needs (Debian Jupyter test packages, Chromium, e2e npm packages),
# then run the whole suite: unit tests, and the integration tests against real Jupyter clients and a browser.
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
cd "$JCONCUR_ROOT"
exec ./mvnw -B -ntp verify "${maven_args[@]}"
