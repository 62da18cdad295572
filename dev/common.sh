# Sourced (bash) by the dev/ scripts: repository root, messages, root access, Debian packages, the Jupyter
# environment.

JCONCUR_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

note() { printf 'jconcur: %s\n' "$*" >&2; }
die() { printf 'jconcur: error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo (asking for a password only
# when there is a terminal to ask on). Returns 1 without running it when neither is possible.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && { [ -t 0 ] || sudo -n true 2>/dev/null; }; then
    sudo "$@"
  else
    return 1
  fi
}

can_be_root() {
  [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && { [ -t 0 ] || sudo -n true 2>/dev/null; }; }
}

has_apt() { command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; }

# Prints the packages among "$@" that dpkg does not list as installed.
missing_debs() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || printf '%s\n' "$pkg"
  done
}

JCONCUR_APT_UPDATED=
apt_update_once() {
  [ -n "$JCONCUR_APT_UPDATED" ] && return 0
  local log
  log=$(mktemp)
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
  JCONCUR_APT_UPDATED=1
}

# Installs the Debian packages among "$@" that are missing. Does nothing when all are there.
# Without apt, or without root or sudo, prints what to install and returns 1.
install_debs() {
  local missing log
  missing=$(missing_debs "$@" | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  if ! can_be_root; then
    note "missing Debian packages: $missing"
    note "install them with: sudo apt-get install $missing(not root and no sudo here, so skipped)"
    return 1
  fi
  note "installing Debian packages: $missing"
  apt_update_once || { note "apt-get update failed"; return 1; }
  log=$(mktemp)
  # shellcheck disable=SC2086  # the package list is meant to split into words
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing \
      >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    rm -f "$log"
    note "apt-get install failed for: $missing"
    return 1
  fi
  rm -f "$log"
}

# The project's Python environment for Jupyter: requirements.txt, pinned, in a virtualenv.
JCONCUR_VENV=${JCONCUR_VENV:-$JCONCUR_ROOT/.venv}

# True when the given `jupyter` command runs JupyterLab 4 and can read kernelspecs.
jupyterlab4_works() {
  [ -n "$1" ] && "$1" kernelspec list >/dev/null 2>&1 && "$1" lab --version 2>/dev/null | grep -q '^4\.'
}

# Prints the Jupyter to open the notebooks with: a JupyterLab 4 on PATH (conda, Binder, Docker), else the
# project virtualenv's. Returns 1 when neither is there (dev/setup.sh makes the virtualenv).
find_jupyter() {
  local candidate
  for candidate in "$(command -v jupyter 2>/dev/null)" "$JCONCUR_VENV/bin/jupyter"; do
    if jupyterlab4_works "$candidate"; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

# Prints a Python 3.11+ that can make virtualenvs (IPython 9, which JupyterLab 4.6 brings, needs 3.11).
venv_base_python() {
  local candidate
  for candidate in "$(command -v python3 2>/dev/null)" /usr/bin/python3; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    if "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

# Makes the project virtualenv, or brings it up to date when requirements.txt changed since its last install.
ensure_venv() {
  local stamp=$JCONCUR_VENV/.jconcur-requirements.txt base log
  if [ -x "$JCONCUR_VENV/bin/python" ] && cmp -s "$JCONCUR_ROOT/requirements.txt" "$stamp"; then
    return 0
  fi
  base=$(venv_base_python) || die "no Python 3.11+ with the venv module found for the Jupyter environment.
On Debian/Ubuntu: sudo apt-get install python3-venv; elsewhere install Python 3.11 or newer"
  note "installing the pinned Jupyter environment (requirements.txt) into $JCONCUR_VENV"
  log=$(mktemp)
  if ! { [ -x "$JCONCUR_VENV/bin/python" ] || "$base" -m venv "$JCONCUR_VENV"; } >"$log" 2>&1 \
      || ! "$JCONCUR_VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q \
             -r "$JCONCUR_ROOT/requirements.txt" >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    rm -f "$log"
    die "installing requirements.txt into $JCONCUR_VENV failed (see above)"
  fi
  rm -f "$log"
  cp "$JCONCUR_ROOT/requirements.txt" "$stamp"
}

# Maven 3.9's Guice calls sun.misc.Unsafe, which JDK 24+ warns about on every run: allow it there.
# Call after dev/java-home.sh has set JAVA_HOME.
maven_opts_for_jdk() {
  local major
  major=$(jconcur_java_major "$JAVA_HOME")
  if [ -n "$major" ] && [ "$major" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe-memory-access* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}
