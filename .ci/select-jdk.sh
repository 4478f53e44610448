# Sourced by .ci/run and by the jbang launcher: exports JAVA_HOME for a JDK of 21 or newer.
# Keeps a JAVA_HOME that is already new enough, else takes the java on the PATH if new enough,
# else the newest JDK 21+ under /usr/lib/jvm or /Library/Java/JavaVirtualMachines.

java_feature_version() { # prints the feature version of the java at $1/bin/java, or nothing
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

select_jdk() {
  local candidate version best="" best_version=0
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] || continue
    version=$(java_feature_version "$candidate")
    [ -n "$version" ] || continue
    if [ "$version" -ge 21 ] && [ "$candidate" = "${JAVA_HOME:-}" ]; then
      best=$candidate; break # an explicit JAVA_HOME that is new enough wins
    fi
    if [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best=$candidate; best_version=$version
    fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer was found (looked at JAVA_HOME, the java on the PATH and /usr/lib/jvm)." >&2
    echo "Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

select_jdk
