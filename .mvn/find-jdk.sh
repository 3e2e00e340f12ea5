# Sourced by ./mvnw and ./slipway: makes JAVA_HOME point at a JDK 21 or newer.
# Order: $JAVA_HOME, the `java` on PATH, then JDKs under /usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman.
# Fails with a clear message when none is found.
slipway_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
slipway_find_jdk() {
  slipway_candidates=""
  [ -n "${JAVA_HOME-}" ] && slipway_candidates="$JAVA_HOME"
  if command -v javac >/dev/null 2>&1; then
    slipway_candidates="$slipway_candidates $(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
  fi
  set +f
  for slipway_dir in /usr/lib/jvm/* /usr/java/* /opt/java/* "${HOME-}"/.sdkman/candidates/java/*; do
    [ -x "$slipway_dir/bin/javac" ] && slipway_candidates="$slipway_candidates $slipway_dir"
  done
  for slipway_dir in $slipway_candidates; do
    [ -x "$slipway_dir/bin/javac" ] || continue
    slipway_major=$(slipway_java_major "$slipway_dir")
    if [ -n "$slipway_major" ] && [ "$slipway_major" -ge 21 ]; then
      JAVA_HOME="$slipway_dir"; export JAVA_HOME
      SLIPWAY_JAVA_MAJOR="$slipway_major"; export SLIPWAY_JAVA_MAJOR
      # JDK 24+ warns at every start that Maven's Guice uses sun.misc.Unsafe; the option exists since 23
      if [ "$slipway_major" -ge 23 ]; then
        SLIPWAY_JVM_QUIET="--sun-misc-unsafe-memory-access=allow"
        case " ${MAVEN_OPTS-} " in
          *"$SLIPWAY_JVM_QUIET"*) ;;
          *) MAVEN_OPTS="${MAVEN_OPTS-} $SLIPWAY_JVM_QUIET"; export MAVEN_OPTS ;;
        esac
      else
        SLIPWAY_JVM_QUIET=""
      fi
      return 0
    fi
  done
  echo "Slipway needs a JDK 21 or newer (javac included) and found none." >&2
  echo "Looked at \$JAVA_HOME, the javac on PATH, /usr/lib/jvm, /usr/java, /opt/java and ~/.sdkman." >&2
  echo "Install one (e.g. Temurin 21/25 from https://adoptium.net) and set JAVA_HOME to it." >&2
  return 1
}
slipway_find_jdk || exit 1
