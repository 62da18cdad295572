package jconcur.concurrency.names;

import java.lang.management.LockInfo;

/**
 * How every report names a lock (deadlock reports and wait-for graphs of the helper package, the kernel's report
 * on a stuck cell, %threads): its class without package, notebook classes without JShell's wrapper, and its
 * identity hash, e.g. {@code ReentrantLock$NonfairSync@1b6d3586}, {@code Object@2e}, {@code Account@7a}.
 */
public final class LockNames {

    private LockNames() {}

    /**
     * The name of a lock (a monitor or a java.util.concurrent synchronizer).
     *
     * @param lock the lock as the thread MXBean reports it, or null
     * @return its name, or "?" for null
     */
    public static String of(LockInfo lock) {
        if (lock == null) {
            return "?";
        }
        String type = WrapperNames.expunge(lock.getClassName());
        return type.substring(type.lastIndexOf('.') + 1) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
