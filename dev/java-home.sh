# Sourced (bash): finds a JDK 21 or newer and exports JAVA_HOME and PATH for it.
#   . dev/java-home.sh || exit 1
# Order: $JAVA_HOME if it is 21+; else under /usr/lib/jvm the feature release CI tests (dev/jdk-version),
# or failing that the newest 21+; else the `java` on PATH. A JDK that is not the tested release is used
# with a note on stderr: it is supported, but CI has not run the kernel and notebooks on it.
# A JDK (not a JRE) is needed: the kernel runs JShell and JDI (jdk.jshell, jdk.jdi).

jconcur_java_major() {
  # Prints the feature version of the JDK at home $1 (e.g. 21), or nothing if it is not a usable JDK.
  local home=$1
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  # JDK_JAVA_OPTIONS would add a "Picked up" line and may carry options meant for the kernel: drop it here.
  JDK_JAVA_OPTIONS= "$home/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

jconcur_tested_jdk() {
  # Prints the tested feature release: the first line of dev/jdk-version that is not a comment.
  local file release
  file="$(dirname "${BASH_SOURCE[0]}")/jdk-version"
  release=$(grep -v -e '^#' -e '^[[:space:]]*$' "$file" 2>/dev/null | head -n 1 | tr -d '[:space:]')
  case "$release" in
    ''|*[!0-9]*) printf 'jconcur: %s must name the tested JDK feature release (e.g. 25), found "%s"\n' \
                   "$file" "$release" >&2
                 return 1 ;;
  esac
  printf '%s\n' "$release"
}

jconcur_find_java_home() {
  # $1: the tested feature release. Prints the chosen home, then its feature release, one per line.
  local tested=$1 candidate major best='' best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(jconcur_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n%s\n' "$JAVA_HOME" "$major"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] && [ ! -L "$candidate" ] || continue
    major=$(jconcur_java_major "$candidate")
    [ -n "$major" ] && [ "$major" -ge 21 ] || continue
    # The tested release beats any other; among the rest, the newest wins.
    if [ "$best_major" -ne "$tested" ] && { [ "$major" -eq "$tested" ] || [ "$major" -gt "$best_major" ]; }; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -n "$best" ]; then
    printf '%s\n%s\n' "$best" "$best_major"
    return 0
  fi
  if command -v java >/dev/null 2>&1; then
    # bin/java may be a chain of symlinks (alternatives, conda): its real location gives the home.
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    major=$(jconcur_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n%s\n' "$candidate" "$major"
      return 0
    fi
  fi
  return 1
}

if jconcur_tested=$(jconcur_tested_jdk) && jconcur_found=$(jconcur_find_java_home "$jconcur_tested"); then
  export JAVA_HOME=${jconcur_found%$'\n'*}
  if [ "${jconcur_found#*$'\n'}" != "$jconcur_tested" ]; then
    printf 'jconcur: note: using JDK %s (%s); CI tests JDK %s. JDK 21+ is supported, but behaviour that changed\n%s\n' \
      "${jconcur_found#*$'\n'}" "$JAVA_HOME" "$jconcur_tested" \
      "between releases (e.g. virtual threads pinning their carrier in synchronized before JDK 24) is not tested there." >&2
  fi
  case ":$PATH:" in
    "$JAVA_HOME/bin:"*) ;;
    *) export PATH="$JAVA_HOME/bin:$PATH" ;;
  esac
  unset jconcur_tested jconcur_found
elif [ -n "${jconcur_tested:-}" ]; then
  cat >&2 <<EOF
jconcur needs a JDK 21 or newer (with javac and jshell), and none was found
(looked at \$JAVA_HOME, /usr/lib/jvm/* and the \`java\` on PATH). CI tests JDK ${jconcur_tested}.
Get one, then run this again, for example:
  - any Linux or macOS:        Eclipse Temurin ${jconcur_tested} from https://adoptium.net (or SDKMAN: sdk install java ${jconcur_tested}-tem)
  - Debian 13:                 sudo apt-get install openjdk-${jconcur_tested}-jdk-headless (or openjdk-21-jdk-headless)
  - conda:                     conda install -c conda-forge 'openjdk>=${jconcur_tested},<$((jconcur_tested + 1))'
If it is installed somewhere else, point JAVA_HOME at it: export JAVA_HOME=/path/to/jdk-${jconcur_tested}
EOF
  unset jconcur_tested jconcur_found
  false
else
  unset jconcur_tested jconcur_found
  false
fi
