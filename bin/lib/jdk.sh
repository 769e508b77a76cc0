# Finds a JDK 21 or newer: JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.

java_major() {  # prints the major version of the JDK at $1, or nothing
  local home="$1" v=""
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ] && [ -x "$home/bin/java" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n1)
  fi
  echo "$v"
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    local v; v=$(java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then echo "$JAVA_HOME"; return; fi
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(java_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  echo "$best"
}

require_jdk() {  # exports JAVA_HOME or exits with a clear message
  local jdk; jdk="$(find_jdk)"
  if [ -z "$jdk" ]; then
    echo "error: Sandtable needs a JDK 21 or newer, and found none in JAVA_HOME or /usr/lib/jvm (hint: install one, e.g. apt-get install openjdk-21-jdk, or set JAVA_HOME)" >&2
    exit 2
  fi
  export JAVA_HOME="$jdk"
}
