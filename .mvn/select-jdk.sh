# Sourced by ./mvnw and deploy/local/run.sh. Rawabit needs JDK 25, but on this machine kind the
# default `java` is 17 and Temurin 25 sits under /usr/lib/jvm. Pick it unless JAVA_HOME already
# names a JDK 25+.
rawabit_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
if [ -z "${JAVA_HOME-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(rawabit_java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  case $- in *f*) rawabit_noglob=1 ;; *) rawabit_noglob=0 ;; esac
  set +f # mvnw runs with globbing off; the candidates below are globs
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/java" ] && [ "$(rawabit_java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      break
    fi
  done
  if [ "$rawabit_noglob" = 1 ]; then set -f; fi
fi
