package jconcur.kernel.protocol;

import java.util.concurrent.CountDownLatch;

/** Lets a request handler ask the kernel's main thread to shut down, after the reply has gone out. */
public final class ShutdownSignal {

    private final CountDownLatch requested = new CountDownLatch(1);

    public void request() {
        requested.countDown();
    }

    public void await() throws InterruptedException {
        requested.await();
    }
}
