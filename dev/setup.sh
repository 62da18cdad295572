#!/usr/bin/env bash
# Prepares this checkout for use: system packages, a JDK 21+, the build, the installed kernelspec.
# Idempotent and quiet when all is well; run it again any time (it rebuilds only when sources changed).
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: dev/setup.sh [--user | --sys-prefix | --prefix DIR] [--no-apt] [--no-build] [--test]

Installs what is missing (Debian packages through apt-get when root or sudo is available), the pinned
Jupyter environment (requirements.txt) into the project virtualenv .venv (or $JCONCUR_VENV) when no
JupyterLab 4 is on PATH, builds the kernel with ./mvnw when its sources are newer than
kernel/target/jconcur-kernel.jar, and installs the kernelspec "jconcur" with
`java -jar kernel/target/jconcur-kernel.jar install`.

  --user          install the kernelspec for the current user (default)
  --sys-prefix    install it into the prefix of the Python environment running Jupyter (conda, venv)
  --prefix DIR    install it under DIR/share/jupyter/kernels
  --no-apt        never install system packages (images that installed them already)
  --no-build      do not build; kernel/target/jconcur-kernel.jar must exist
  --test          also install what the tests need: the pinned Jupyter environment in .venv (always,
                  even when another Jupyter is on PATH), Chromium, Node.js, the browser test's npm
                  packages (e2e/node_modules) and JupyterHub's proxy (hub/node_modules)
EOF
}

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$JCONCUR_ROOT"

install_flags=(--user)
use_apt=1
build=1
for_tests=0
while [ $# -gt 0 ]; do
  case $1 in
    --user | --sys-prefix) install_flags=("$1") ;;
    --prefix)
      [ $# -ge 2 ] || die "--prefix needs a directory"
      install_flags=(--prefix "$2")
      shift ;;
    --prefix=*) install_flags=(--prefix "${1#--prefix=}") ;;
    --no-apt) use_apt=0 ;;
    --no-build) build=0 ;;
    --test) for_tests=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
  shift
done

# Debian packages: fonts for headless charts, venv for the Jupyter environment; for the tests a browser.
runtime_debs=(fonts-dejavu-core fontconfig python3-venv)
test_debs=(chromium)

ensure_system_packages() {
  [ "$use_apt" -eq 1 ] || return 0
  local wanted=("${runtime_debs[@]}")
  if [ "$for_tests" -eq 1 ]; then
    wanted+=("${test_debs[@]}")
    { command -v node && command -v npm; } >/dev/null 2>&1 || wanted+=(nodejs npm)
  fi
  if ! has_apt; then
    note "no apt-get here: install these or their equivalents yourself if missing: ${wanted[*]}"
    return 0
  fi
  # A package that cannot be installed is reported here; the step that needs it then fails clearly.
  install_debs "${wanted[@]}" || true
}

# JupyterLab 4 on PATH (conda, Binder, Docker) is used as it is; else, and always for the tests (which must
# run the tested versions), the pinned environment goes into the project virtualenv.
ensure_jupyter() {
  if [ "$for_tests" -eq 1 ] || ! find_jupyter >/dev/null; then
    ensure_venv
  fi
}

# Finds a JDK 21+; on Debian-like systems without one, installs the newest OpenJDK 21+ apt offers.
ensure_jdk() {
  if . "$JCONCUR_ROOT/dev/java-home.sh" 2>/dev/null; then
    return 0
  fi
  if [ "$use_apt" -eq 1 ] && has_apt && can_be_root && apt_update_once; then
    local pkg
    for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
      if apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
        install_debs "$pkg" && break
      fi
    done
  fi
  . "$JCONCUR_ROOT/dev/java-home.sh" || exit 1
}

kernel_jar=kernel/target/jconcur-kernel.jar

# True when the jar is missing or older than any pom or source file of the modules it is built from.
build_needed() {
  [ -f "$kernel_jar" ] || return 0
  local newer
  newer=$(find pom.xml .mvn display concurrency charts kernel bench \
            \( -name target -prune \) -o -type f -newer "$kernel_jar" -print 2>/dev/null | head -n 1)
  [ -n "$newer" ]
}

build_kernel() {
  if [ "$build" -eq 0 ]; then
    [ -f "$kernel_jar" ] || die "$kernel_jar is missing: run dev/setup.sh without --no-build first"
    return 0
  fi
  build_needed || return 0
  maven_opts_for_jdk
  note "building the kernel (./mvnw package, first time downloads Maven and the dependencies)"
  ./mvnw -B -q -ntp -DskipTests package || die "the build failed (see the Maven output above)"
  [ -f "$kernel_jar" ] || die "the build finished but $kernel_jar is missing"
}

install_kernelspec() {
  local log
  log=$(mktemp)
  # --replace: running setup again refreshes the installed copy of the jar and kernel.json.
  if ! "$JAVA_HOME/bin/java" -jar "$kernel_jar" install "${install_flags[@]}" --replace >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "installing the kernelspec failed: java -jar $kernel_jar install ${install_flags[*]} --replace"
  fi
  rm -f "$log"
}

# npm packages of a directory (e2e/: the browser test's playwright-core, which downloads no browser and drives
# Debian's Chromium; hub/: JupyterHub's proxy), installed from its lock file when that is newer.
ensure_npm_packages() {
  local dir=$1 log
  [ -f "$dir/package-lock.json" ] || return 0
  if [ -f "$dir/node_modules/.package-lock.json" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || { note "npm is missing: the tests that need $dir/node_modules cannot run"; return 0; }
  log=$(mktemp)
  if ! (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "npm ci in $dir/ failed"
  fi
  rm -f "$log"
}

ensure_system_packages
ensure_jupyter
ensure_jdk
build_kernel
install_kernelspec
[ "$for_tests" -eq 0 ] || { ensure_npm_packages e2e; ensure_npm_packages hub; }
