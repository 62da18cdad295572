# Sourced (bash): finds a JDK 21 or newer and exports JAVA_HOME and PATH for it.
#   . dev/java-home.sh || exit 1
# Order: $JAVA_HOME if it is 21+, then the newest 21+ JDK under /usr/lib/jvm, then the `java` on PATH.
# A JDK (not a JRE) is needed: the kernel runs JShell and JDI (jdk.jshell, jdk.jdi).

jconcur_java_major() {
  # Prints the feature version of the JDK at home $1 (e.g. 21), or nothing if it is not a usable JDK.
  local home=$1
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  # JDK_JAVA_OPTIONS would add a "Picked up" line and may carry options meant for the kernel: drop it here.
  JDK_JAVA_OPTIONS= "$home/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

jconcur_find_java_home() {
  local candidate major best='' best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(jconcur_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] && [ ! -L "$candidate" ] || continue
    major=$(jconcur_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -n "$best" ]; then
    printf '%s\n' "$best"
    return 0
  fi
  if command -v java >/dev/null 2>&1; then
    # bin/java may be a chain of symlinks (alternatives, conda): its real location gives the home.
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    major=$(jconcur_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  fi
  return 1
}

if jconcur_home=$(jconcur_find_java_home); then
  export JAVA_HOME=$jconcur_home
  case ":$PATH:" in
    "$JAVA_HOME/bin:"*) ;;
    *) export PATH="$JAVA_HOME/bin:$PATH" ;;
  esac
  unset jconcur_home
else
  unset jconcur_home
  cat >&2 <<'EOF'
jconcur needs a JDK 21 or newer (with javac and jshell), and none was found
(looked at $JAVA_HOME, /usr/lib/jvm/* and the `java` on PATH).
Get one, then run this again, for example:
  - Debian 13 / Ubuntu 24.04:  sudo apt-get install openjdk-21-jdk-headless
  - any Linux or macOS:        Eclipse Temurin 21 or 25 from https://adoptium.net (or SDKMAN: sdk install java 21-tem)
  - conda:                     conda install -c conda-forge 'openjdk>=21'
If it is installed somewhere else, point JAVA_HOME at it: export JAVA_HOME=/path/to/jdk-21
EOF
  false
fi
