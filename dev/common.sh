# Sourced (bash) by the dev/ scripts: repository root, messages, root access, Debian packages, Jupyter lookup.

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

# True when the given `jupyter` command can read kernelspecs (its Python has jupyter_client).
jupyter_works() { [ -n "$1" ] && "$1" kernelspec list >/dev/null 2>&1; }

# Prints the Jupyter to use: the one on PATH (conda, Binder, Docker, a venv) if it works, else Debian's.
find_jupyter() {
  local candidate
  for candidate in "$(command -v jupyter 2>/dev/null)" /usr/bin/jupyter; do
    if jupyter_works "$candidate"; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
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
