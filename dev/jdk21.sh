#!/usr/bin/env bash
# Installs a JDK 21 (OpenJDK 21 with jdk.jshell and jdk.jdi) into a project-local directory, from Debian
# packages only, so that the kernel and the notebooks can be tested on the oldest JDK jconcur supports.
#   dev/jdk21.sh [DIR]        (default DIR: .jdk/21; prints the JAVA_HOME to use on its last line)
#   JAVA_HOME=$(dev/jdk21.sh | tail -n 1) ./mvnw -B -q -pl kernel -am package -DskipTests
# Debian 12 packages no JDK 21, and its C library (2.36) is too old for Debian 13's openjdk-21 (it needs
# 2.38): so Debian 13's openjdk-21 and its C and C++ runtime libraries are unpacked side by side (never
# installed into the system) and the JDK's programs are pointed at that C library with patchelf
# (interpreter and rpath). The result works only where it was made: run the script again after moving it.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DEBIAN_13=trixie
# The JDK, and the C, C++ and zlib runtime it was built against (the rest of its libraries are optional
# and come from the system: fonts, sound, X11 are not used headless).
PACKAGES=(openjdk-21-jre-headless openjdk-21-jdk-headless libc6 libgcc-s1 libstdc++6 zlib1g)

case "${1:-}" in
  -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  -*) die "unknown option $1 (usage: dev/jdk21.sh [DIR])" ;;
esac
dest=$(mkdir -p "${1:-$JCONCUR_ROOT/.jdk/21}" && cd "${1:-$JCONCUR_ROOT/.jdk/21}" && pwd)
root=$dest/root
java_home=$root/usr/lib/jvm/java-21-openjdk-amd64
libs=$root/usr/lib/x86_64-linux-gnu

has_apt || die "dev/jdk21.sh needs apt-get (Debian or Ubuntu)"
[ "$(dpkg --print-architecture)" = amd64 ] || die "dev/jdk21.sh knows amd64 only, this is $(dpkg --print-architecture)"
install_debs patchelf || die "patchelf is needed to point the JDK at its own C library"

if [ -x "$java_home/bin/jshell" ] && "$java_home/bin/java" -version >/dev/null 2>&1; then
  note "JDK 21 already in $java_home"
  printf '%s\n' "$java_home"
  exit 0
fi

# A private apt state for Debian 13, so that the system's sources and package lists stay as they are.
apt_dir=$dest/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$dest/debs"
# The Debian archive this machine's apt already uses (not its security archive), with Debian 13's suite.
mirror=$({ grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}'
           grep -h '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print $2}'
         } | grep -v security | grep -E '/debian/?$' | head -n 1) || true
[ -n "$mirror" ] || die "no Debian archive found in /etc/apt/sources.list*: dev/jdk21.sh takes Debian 13's packages from it"
printf 'deb %s %s main\n' "$mirror" "$DEBIAN_13" >"$apt_dir/sources.list"
apt_opts=(-o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o "Dir::Etc::sourceparts=-"
          -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o "APT::Sandbox::User=root")
note "reading Debian 13 ($DEBIAN_13) package lists"
apt-get "${apt_opts[@]}" update -qq >"$dest/apt-update.log" 2>&1 \
  || { cat "$dest/apt-update.log" >&2; die "apt-get update for Debian 13 failed"; }
note "downloading ${PACKAGES[*]}"
(cd "$dest/debs" && apt-get "${apt_opts[@]}" download "${PACKAGES[@]}" >"$dest/apt-download.log" 2>&1) \
  || { cat "$dest/apt-download.log" >&2; die "downloading the Debian 13 packages failed"; }

rm -rf "$root"
for deb in "$dest"/debs/*.deb; do
  dpkg-deb -x "$deb" "$root"
done
[ -x "$java_home/bin/jshell" ] || die "no jshell in $java_home: the packages changed their layout"

# Debian links the JDK's configuration to /etc/java-21-openjdk, which is unpacked here but not installed:
# make those links point into the unpacked tree. The CA certificates stay the system's (ca-certificates-java).
while IFS= read -r link; do
  target=$(readlink "$link")
  case "$target" in
    /etc/java-21-openjdk/*) ln -sfn "$root$target" "$link" ;;
  esac
done < <(find "$java_home" -type l -lname '/etc/java-21-openjdk/*')

# Every program of the JDK starts under Debian 13's dynamic loader and finds Debian 13's libraries first.
interpreter=$libs/ld-linux-x86-64.so.2
while IFS= read -r file; do
  if patchelf --print-interpreter "$file" >/dev/null 2>&1; then
    patchelf --set-interpreter "$interpreter" "$file"
  fi
  rpath=$(patchelf --print-rpath "$file")
  patchelf --force-rpath --set-rpath "$libs${rpath:+:$rpath}" "$file"
done < <(find "$java_home" -type f \( -perm -u+x -o -name '*.so' \) -exec sh -c \
           'head -c 4 "$1" | grep -q "ELF"' _ {} \; -print)

"$java_home/bin/java" -version >/dev/null 2>&1 || die "the unpacked JDK 21 does not start: $("$java_home/bin/java" -version 2>&1)"
for module in jdk.jshell jdk.jdi jdk.compiler; do
  "$java_home/bin/java" --list-modules | grep -q "^$module@" || die "the unpacked JDK 21 lacks $module"
done
rm -rf "$dest/debs" "$apt_dir/cache"
note "JDK 21 in $java_home: $("$java_home/bin/java" -version 2>&1 | head -n 1)"
printf '%s\n' "$java_home"
