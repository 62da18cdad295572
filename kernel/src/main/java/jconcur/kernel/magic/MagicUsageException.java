package jconcur.kernel.magic;

/** Bad arguments to a magic: shown as a UsageError, nothing runs. */
final class MagicUsageException extends Exception {
    MagicUsageException(String message) {
        super(message);
    }
}
