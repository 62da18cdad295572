package jconcur.kernel.engine;

import java.util.List;

/**
 * What magics change about the user VM beyond running code in it (%jvm, %classpath, %maven). Not part of
 * {@link Engine}: the protocol layer never needs it.
 */
public interface UserVmSetup {

    /** Replaces the user VM by a fresh one with the preloaded helpers and imports, optionally with other JVM options. */
    void restart(List<String> userVmOptions);

    /** Adds jars or directories to the user VM and compiler class path. */
    void addToClasspath(List<String> paths);
}
